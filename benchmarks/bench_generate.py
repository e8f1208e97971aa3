"""Seconds per world with the procedural policy, for rooms of about 10, 40 and 100 objects.

Each size is generated for several seeds (one sandbox worker reused, as a batch would); the
table gives the median object count, the median seconds for the whole world (plan + layout +
sandboxed actions + writing the folder) and for planning and layout alone, and the 100/10
scaling ratio measured in this run.

Usage: python benchmarks/bench_generate.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from omni_generalist.actions import Sandbox
from omni_generalist.generate import generate_world
from omni_generalist.policy.procedural import ProceduralPolicy
from omni_generalist.policy.procedural.parse import parse_prompt
from omni_generalist.policy.procedural.plan import Planner

PROMPTS = {
    10: "A sparse living room with a sofa, two armchairs, a coffee table, a tv stand, a bookcase, a floor lamp "
        "and a rug",
    40: "A sparse classroom with eighteen student desks, eighteen student chairs and a whiteboard",
    100: "A densely packed storage room with eighty cardboard boxes and ten shelving units",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5)
    args = ap.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp, Sandbox() as sb:
        generate_world("a bedroom", Path(tmp) / "warm", ProceduralPolicy(), seed=0, sandbox=sb)  # warm up
        for size, prompt in PROMPTS.items():
            totals, plans, counts, phys, prev = [], [], [], [], []
            for seed in range(args.seeds):
                t = time.perf_counter()
                Planner().plan(parse_prompt(prompt), seed)
                plans.append(time.perf_counter() - t)
                t = time.perf_counter()
                res = generate_world(prompt, Path(tmp) / f"{size}_{seed}", ProceduralPolicy(), seed=seed, sandbox=sb)
                totals.append(time.perf_counter() - t)
                counts.append(res.report["layout"]["objects"])
                phys.append(res.report["timings"].get("physics_s", 0.0))
                prev.append(res.report["timings"].get("preview_s", 0.0))
            rows[size] = (statistics.median(counts), statistics.median(totals), statistics.median(plans),
                          statistics.median(phys), statistics.median(prev))
    print(f"{'target':>7} {'objects':>8} {'world s':>9} {'plan+layout s':>14} {'physics s':>10} {'preview s':>10}")
    for size, (n, total, plan, ph, pv) in rows.items():
        print(f"{size:>7} {n:>8.0f} {total:>9.3f} {plan:>14.3f} {ph:>10.3f} {pv:>10.3f}")
    print(f"scaling 100/10: world {rows[100][1] / rows[10][1]:.2f}x, plan+layout {rows[100][2] / rows[10][2]:.2f}x")


if __name__ == "__main__":
    main()
