"""Speed of ``omni-generalist generate`` end to end (issue 16), side by side in one run.

Each figure is the median of ``--runs`` runs, taken in turn (one run of every target per round,
so drift on a shared machine hits them alike):

- ``usd``: a fixed USD workload in this process (author 20,000 prims with a transform and a
  size each, save them as ``.usd``); every other figure is also given as a ratio to it, since
  absolute times drift on shared machines;
- ``help``: ``omni-generalist --help`` (process start to exit);
- the office prompt and a 40-object bedroom: ``omni-generalist generate`` as a user runs it
  (process start to exit, validation and preview included), with a warm cache and with a cold
  one (a fresh ``OMNI_GENERALIST_CACHE``); the per-stage split comes from their ``report.json``;
- batch throughput: ``omni-generalist batch`` with ``--workers`` local workers on the dev prompts
  (worlds made per minute, process start to exit).

With ``--scaling`` the older in-process table follows: seconds per world for rooms of about 10,
40 and 100 objects (one sandbox reused, as a batch does).

Usage: python benchmarks/bench_generate.py [--runs 5] [--workers 2] [--prompts PATH] [--no-batch] [--scaling]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFICE = "a cluttered open-plan office with six desks, six chairs, monitors, shelves with books and boxes"
BEDROOM = ("a bedroom with a double bed, two nightstands with lamps, a wardrobe, a desk with a chair, "
           "books on a shelf and a rug")
DEV_PROMPTS = next((p / "shared" / "prompts" / "dev.jsonl" for p in (ROOT.parent, ROOT.parent.parent)
                    if (p / "shared" / "prompts" / "dev.jsonl").is_file()), ROOT.parent / "shared" / "prompts" / "dev.jsonl")
"""The dev suite beside the checkout (``../shared/prompts/dev.jsonl``; a worktree looks one level up too)."""
TARGETS = {"help": 0.3, "office": 3.0, "bedroom": 2.0}
"""Issue 16's limits in seconds (the office's grows by 30 ms per object beyond 100)."""
PER_OBJECT_BEYOND_100 = 0.030
STAGES = ("build_s", "physics_s", "preview_s", "write_s")

SCALING_PROMPTS = {
    10: "A sparse living room with a sofa, two armchairs, a coffee table, a tv stand, a bookcase, a floor lamp "
        "and a rug",
    40: "A sparse classroom with eighteen student desks, eighteen student chairs and a whiteboard",
    100: "A densely packed storage room with eighty cardboard boxes and ten shelving units",
}


def usd_workload(tmp: Path, prims: int = 20_000) -> float:
    """Seconds to author ``prims`` cubes (a translate and a size each) and save them as ``.usd``."""
    from pxr import Gf, Usd, UsdGeom

    t = time.perf_counter()
    stage = Usd.Stage.CreateNew(str(tmp / "fixed.usd"))
    for i in range(prims):
        cube = UsdGeom.Cube.Define(stage, f"/W/G{i // 100}/C{i}")
        cube.CreateSizeAttr(0.5 + (i % 7) * 0.1)
        cube.AddTranslateOp().Set(Gf.Vec3d(i % 100, i // 100, 0.0))
    stage.Save()
    return time.perf_counter() - t


def _cli(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "omni_generalist.cli", *args], env=env, check=False,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode:
        raise RuntimeError(f"omni-generalist {args[0]} failed: {run.stderr.strip()[-300:]}")
    return time.perf_counter() - t


def generate_once(prompt: str, out: Path, env: dict[str, str], timeout_s: float) -> dict:
    """One ``omni-generalist generate`` run: wall seconds, objects, repairs and the report's stages
    (``{"failed": why}`` when it failed)."""
    try:
        wall = _cli(["generate", prompt, "--seed", "0", "--out", str(out), "--force",
                     "--set", f"sandbox.timeout_s={timeout_s}"], env)
    except RuntimeError as exc:
        print(f"  ({exc})", file=sys.stderr)
        return {"failed": str(exc)}
    rep = json.loads((out / "report.json").read_text())
    phys = rep.get("physics") or {}
    return {"wall": wall, "objects": rep["layout"]["objects"], "repairs": len(phys.get("repairs") or []),
            **{k: rep["timings"].get(k, 0.0) for k in STAGES}}


def batch_rate(prompts: Path, out: Path, workers: int, env: dict[str, str], timeout_s: float) -> tuple[float, int]:
    """Worlds per minute of ``omni-generalist batch`` over ``prompts`` (no variants; process start to
    exit), and the worlds it made."""
    wall = time.perf_counter()
    subprocess.run([sys.executable, "-m", "omni_generalist.cli", "batch", str(prompts), "--out", str(out),
                    "--workers", str(workers), "--variants", "0", "--set", f"sandbox.timeout_s={timeout_s}"],
                   env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - wall
    lines = [json.loads(ln) for ln in (out / "manifest.jsonl").read_text().splitlines() if ln.strip()]
    made = sum(1 for rec in lines if rec.get("status", "ok") == "ok")
    return 60.0 * made / wall, made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--prompts", type=Path, default=DEV_PROMPTS, help="batch prompts (default the dev suite)")
    ap.add_argument("--no-batch", action="store_true")
    ap.add_argument("--scaling", action="store_true", help="also the in-process 10/40/100-object table")
    ap.add_argument("--action-timeout", type=float, default=20.0,
                    help="sandbox.timeout_s for the runs (raise it on a machine so loaded that an action "
                         "takes longer than the default 20 s of wall time)")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    rows: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        generate_once("a bedroom", tmp / "warmup", env, args.action_timeout)  # fills the warm cache, compiles bytecode
        def keep(name: str, value) -> None:  # each figure is also printed as it comes (a long run can be cut)
            rows.setdefault(name, []).append(value)
            print(json.dumps({"round": r, "target": name, "value": value}), file=sys.stderr, flush=True)

        for r in range(args.runs):
            keep("usd", usd_workload(tmp))
            keep("help", {"wall": _cli(["--help"], env)})
            for name, prompt in (("office", OFFICE), ("bedroom", BEDROOM)):
                keep(name, generate_once(prompt, tmp / f"{name}{r}", env, args.action_timeout))
                cold = {**env, "OMNI_GENERALIST_CACHE": str(tmp / f"cache_{name}{r}")}
                keep(f"{name} (cold cache)", generate_once(prompt, tmp / f"{name}c{r}", cold, args.action_timeout))
        batch = None
        if not args.no_batch and args.prompts.is_file():
            batch = batch_rate(args.prompts, tmp / "batch", args.workers, env, args.action_timeout)
    usd = statistics.median(rows["usd"])
    print(f"fixed USD workload (20,000 prims authored and saved): {usd:.3f} s (median of {args.runs})\n")
    print(f"{'target':<22} {'objects':>7} {'repairs':>7} {'wall s':>7} {'x usd':>6} {'limit s':>7} {'met':>4}  "
          + " ".join(f"{k[:-2]:>8}" for k in STAGES))
    for name, all_runs in rows.items():
        runs = [x for x in all_runs if "failed" not in x] if name != "usd" else []
        if name == "usd":
            continue
        if len(runs) < len(all_runs):
            print(f"{name}: {len(all_runs) - len(runs)} of {len(all_runs)} runs failed (left out)")
        if not runs:
            continue
        wall = statistics.median(x["wall"] for x in runs)
        objects = statistics.median(x.get("objects", 0) for x in runs)
        limit = TARGETS[name.split()[0]]
        if name.startswith("office"):
            limit += max(0.0, objects - 100) * PER_OBJECT_BEYOND_100
        stages = " ".join(f"{statistics.median(x.get(k, 0.0) for x in runs):>8.3f}" for k in STAGES)
        repairs = statistics.median(x.get("repairs", 0) for x in runs)
        print(f"{name:<22} {objects:>7.0f} {repairs:>7.0f} {wall:>7.3f} {wall / usd:>6.2f} {limit:>7.2f} "
              f"{'yes' if wall <= limit else 'no':>4}  {stages if name != 'help' else ''}")
    if batch is not None:
        rate, made = batch
        print(f"\nbatch, {args.workers} workers, {made} worlds of {args.prompts.name}: {rate:.1f} worlds/min "
              f"({60.0 / rate if rate else float('inf'):.2f} s a world = {60.0 / rate / usd if rate else 0:.2f} x usd); "
              f"limit >= 60 worlds/min: {'met' if rate >= 60 else 'not met'}")
    if args.scaling:
        scaling(args.runs)


def scaling(seeds: int) -> None:
    """Seconds per world in this process for rooms of about 10, 40 and 100 objects (a reused sandbox)."""
    from omni_generalist.actions import Sandbox
    from omni_generalist.generate import generate_world
    from omni_generalist.policy.procedural import ProceduralPolicy

    out = {}
    with tempfile.TemporaryDirectory() as tmp, Sandbox() as sb:
        generate_world("a bedroom", Path(tmp) / "warm", ProceduralPolicy(), seed=0, sandbox=sb)
        for size, prompt in SCALING_PROMPTS.items():
            totals, counts = [], []
            for seed in range(seeds):
                t = time.perf_counter()
                res = generate_world(prompt, Path(tmp) / f"{size}_{seed}", ProceduralPolicy(), seed=seed, sandbox=sb)
                totals.append(time.perf_counter() - t)
                counts.append(res.report["layout"]["objects"])
            out[size] = (statistics.median(counts), statistics.median(totals))
    print(f"\n{'target':>7} {'objects':>8} {'world s':>9}")
    for size, (n, total) in out.items():
        print(f"{size:>7} {n:>8.0f} {total:>9.3f}")
    print(f"scaling 100/10: {out[100][1] / out[10][1]:.2f}x")


if __name__ == "__main__":
    main()
