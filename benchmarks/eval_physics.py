"""Physics over many generated worlds: the issue-4 bar, measured on the dev suite and our own prompts.

Generates every prompt of the dev suite (``../shared/prompts/dev.jsonl``, or ``tests/data/dev.jsonl``)
and of ``tests/data/extra_prompts.txt`` (odd rooms, typos, dense rooms of 80–200 objects) for each
seed, with validation and repair on (as ``generate`` does), and prints: worlds, movable objects,
stability, the problem counts before and after repair, worlds still failing and why, and time.

Usage: ``python benchmarks/eval_physics.py [--seeds 0,1,2,3] [--suite-only]``.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from omni_generalist.actions import Sandbox  # noqa: E402
from omni_generalist.config import Settings  # noqa: E402
from omni_generalist.generate import generate_world  # noqa: E402
from omni_generalist.policy.procedural import ProceduralPolicy  # noqa: E402


def _prompts(suite_only: bool) -> list[str]:
    suite = ROOT.parent / "shared" / "prompts" / "dev.jsonl"
    if not suite.is_file():
        suite = ROOT / "tests" / "data" / "dev.jsonl"
    prompts = [json.loads(line)["prompt"] for line in suite.read_text().splitlines() if line.strip()]
    if not suite_only:
        extra = ROOT / "tests" / "data" / "extra_prompts.txt"
        prompts += [ln.strip() for ln in extra.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    return prompts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0,1,2,3")
    ap.add_argument("--suite-only", action="store_true")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    settings = Settings()
    settings.generator.preview = False
    before, after = collections.Counter(), collections.Counter()
    movable = stable = worlds = objects = 0
    failing = []
    t0, t_phys = time.perf_counter(), 0.0
    with tempfile.TemporaryDirectory() as tmp, Sandbox(config=settings.sandbox) as sb:
        for k, prompt in enumerate(_prompts(args.suite_only)):
            for seed in seeds:
                res = generate_world(prompt, Path(tmp) / f"w{k}_{seed}", ProceduralPolicy(), seed=seed,
                                     settings=settings, sandbox=sb)
                phys = res.report["physics"]
                worlds += 1
                objects += res.report["layout"]["objects"]
                t_phys += res.report["timings"]["physics_s"]
                movable += phys["movable"]
                stable += round(phys["stability"] * phys["movable"])
                before.update(phys["before"]["counts"])
                after.update(phys["counts"])
                if not phys["ok"]:
                    msgs = [p["message"] for p in phys["problems"] if p["severity"] == "error"]
                    failing.append(f"{prompt[:50]!r} seed {seed}: {'; '.join(msgs)[:300]}")
    elapsed = time.perf_counter() - t0
    print(f"{'worlds':>7} {'objects':>8} {'movable':>8} {'stability':>10} {'failing':>8} {'physics s/world':>16} "
          f"{'total s':>8}")
    print(f"{worlds:7d} {objects:8d} {movable:8d} {stable / max(movable, 1):10.4%} {len(failing):8d} "
          f"{t_phys / max(worlds, 1):16.2f} {elapsed:8.0f}")
    kinds = sorted(set(before) | set(after))
    print("problems before repair → after: " + ", ".join(f"{k} {before[k]} → {after[k]}" for k in kinds))
    for line in failing:
        print("  FAIL", line)


if __name__ == "__main__":
    main()
