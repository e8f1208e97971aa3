"""Time of the parts of one self-improvement round (docs/training.md), measured here, and the round
they add up to.

With a local checkpoint (``--model``, e.g. a Qwen2.5-VL folder, ``--device cuda``) or, without one,
the tiny random LLaVA the tests build, it measures on this machine:

* world: building one procedural world (sandboxed actions, its render for the policy) and scoring
  it (the reward, with physics validation unless ``--no-physics``);
* action: one reply of the model to a real request (rules + action API, the world summary and
  its render), exactly ``--new-tokens`` tokens (generation does not stop early);
* LoRA step: one optimiser step on a training record (the plan action of that world, with its
  render);

then prints the time of one round for ``--prompts`` prompts × ``--samples`` samples with
``--actions`` model actions per world, ``--heldout`` held-out prompts and ``--keep`` selected worlds
per prompt (each gives ``--actions`` + 1 records and ``train.placement_records`` point records),
``--epochs`` passes. The round figure is arithmetic on the measured parts, not a measured round.

Usage: python benchmarks/bench_train.py [--model PATH] [--device cuda] [--new-tokens 300]
       [--prompts 100] [--samples 4] [--actions 3] [--heldout 20] [--keep 1] [--epochs 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROMPT = "a small office with a desk, a chair and a lamp on the desk"


def _median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, help="local transformers model folder (default: a tiny random LLaVA)")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--new-tokens", type=int, default=300, help="tokens per action reply")
    ap.add_argument("--prompts", type=int, default=100)
    ap.add_argument("--samples", type=int, default=4)
    ap.add_argument("--actions", type=int, default=3, help="model actions per world")
    ap.add_argument("--heldout", type=int, default=20)
    ap.add_argument("--keep", type=int, default=1, help="selected worlds per prompt")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-physics", action="store_true", help="score without physics validation")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_train_"))
    try:
        run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path) -> None:
    """Measure the parts in ``tmp`` and print the table."""
    import torch

    from omni_generalist.config import Settings
    from omni_generalist.policy.procedural import ProceduralPolicy
    from omni_generalist.policy.vlm.hf_backend import HFBackend
    from omni_generalist.train.lora import attach_lora, encode, train_lora
    from omni_generalist.train.rewards import world_reward
    from omni_generalist.train.trajectories import episode_records, sample_world

    model = args.model
    if model is None:
        from omni_generalist.policy.vlm import system_prompt
        from tests.tiny_vlm import build_llava

        model = build_llava(tmp / "tiny-llava", [system_prompt(), PROMPT, "DONE"])
    settings = Settings()
    settings.generator.preview = False
    settings.generator.validate = False
    settings.policy.device = args.device
    settings.train.validate_physics = not args.no_physics

    # a world: build (with the render the policy sees) and score
    count = iter(range(10_000))

    def one_world():
        out = tmp / f"w{next(count)}"
        sample_world(PROMPT, out, ProceduralPolicy(), 0, settings)
        return world_reward(out / "world", PROMPT, settings.train)

    world_s = _median_time(one_world, args.repeat)
    ep = sample_world(PROMPT, tmp / "rec", ProceduralPolicy(), 0, settings)
    ep.id = "e0"
    records = list(episode_records(ep))
    for rec, png in records:
        if png is not None:
            (tmp / rec["image"]).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rec["image"]).write_bytes(png)
    record = records[-1][0]  # the last step: the world summary and its render in the request

    backend = HFBackend(model, settings.policy)
    inputs = backend._inputs([m for m in record["messages"] if m["role"] != "assistant"],
                             (tmp / record["image"]).read_bytes() if record["image"] else None).to(args.device)

    def one_action():
        with torch.inference_mode():
            backend.model.generate(**inputs, max_new_tokens=args.new_tokens, min_new_tokens=args.new_tokens,
                                   do_sample=False, pad_token_id=backend.tokenizer.pad_token_id)
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()

    one_action()  # warm-up
    action_s = _median_time(one_action, args.repeat)

    batch = encode(backend, records[0][0], tmp, settings.train.max_tokens)
    peft_model = attach_lora(backend, settings.train)
    train_lora(peft_model, [batch], settings.train, args.device)  # warm-up
    step_s = _median_time(lambda: train_lora(peft_model, [batch], settings.train, args.device), args.repeat)

    sampled = args.prompts * args.samples
    per_world = args.actions * action_s + world_s
    train_records = args.prompts * args.keep * (args.actions + 1 + settings.train.placement_records)
    parts = [("sampling", sampled * per_world), ("LoRA", train_records * args.epochs * step_s),
             ("held-out", args.heldout * per_world)]
    print(f"model: {model} on {args.device}; prompt tokens of the request: {inputs['input_ids'].shape[1]}")
    print(f"{'part':<34}{'seconds':>10}")
    print(f"{'world (build + score)':<34}{world_s:>10.2f}")
    print(f"{f'action ({args.new_tokens} new tokens)':<34}{action_s:>10.2f}")
    print(f"{'LoRA step (one record)':<34}{step_s:>10.3f}")
    print(f"round: {args.prompts} prompts x {args.samples} samples, {args.actions} actions a world, "
          f"{train_records} records x {args.epochs} epochs, {args.heldout} held out (arithmetic on the parts above)")
    for name, secs in parts:
        print(f"  {name:<32}{secs / 60:>10.1f} min")
    print(f"  {'total':<32}{sum(s for _, s in parts) / 3600:>10.2f} h")


if __name__ == "__main__":
    main()
