"""Benchmark: randomized variants per second, and worlds per minute with 1 and 2 local workers
(scaling efficiency) and through a local Ray. Prints a table; nothing is asserted.

    .venv/bin/python benchmarks/bench_batch.py [--worlds 4] [--variants 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from omni_generalist.batch import run_batch
from omni_generalist.config import Settings
from omni_generalist.generate import generate_world
from omni_generalist.policy import make_policy
from omni_generalist.randomize import load_spec, physics_api, randomize_world

PROMPTS = ["a small bedroom with a bed and a lamp", "a small office with a desk and a chair",
           "a kitchen with a table and a mug on the table", "a living room with a sofa and a coffee table",
           "a bathroom with a sink and a towel", "a dining room with a table and four chairs"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worlds", type=int, default=4)
    ap.add_argument("--variants", type=int, default=20)
    args = ap.parse_args()
    settings = Settings()
    settings.generator.preview = False
    rows = []
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        res = generate_world(PROMPTS[0], root / "w", make_policy("procedural"), settings=settings)
        if physics_api() is not None:
            from omni_generalist.physics import author_physics
            from omni_generalist.world.stage import open_stage, save_layer

            st = open_stage(res.world_file)
            author_physics(st)
            save_layer(st.GetRootLayer(), res.world_file)
        for validate in (False, True):
            if validate and physics_api() is None:
                continue
            spec = load_spec(overrides={"validate": validate})
            t = time.perf_counter()
            randomize_world(res.world_file, root / f"v{validate}", args.variants, spec=spec)
            dt = time.perf_counter() - t
            rows.append((f"randomize ({'validated' if validate else 'no validation'})",
                         f"{args.variants / dt:.1f} variants/s", f"{dt:.1f} s"))
        prompts = root / "p.txt"
        prompts.write_text("\n".join((PROMPTS * 4)[:args.worlds]) + "\n")
        rates = {}
        for workers in (1, 2):
            s = run_batch(prompts, root / f"b{workers}", variants=0, workers=workers, settings=settings)
            rates[workers] = s.worlds_per_minute
            rows.append((f"batch local, {workers} worker(s)", f"{s.worlds_per_minute:.1f} worlds/min",
                         f"{s.seconds:.1f} s"))
        rows.append(("scaling efficiency 1 -> 2 workers", f"{rates[2] / (2 * rates[1]) * 100:.0f} %", ""))
        try:
            import ray

            t = time.perf_counter()
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            t_init = time.perf_counter() - t
            s = run_batch(prompts, root / "bray", variants=0, use_ray=True, settings=settings)
            ray.shutdown()
            rows.append(("batch on local Ray (2 CPUs)", f"{s.worlds_per_minute:.1f} worlds/min",
                         f"{s.seconds:.1f} s (+{t_init:.1f} s ray.init)"))
        except ImportError:
            rows.append(("batch on Ray", "ray not installed", ""))
    w = max(len(r[0]) for r in rows)
    print(f"{'what':<{w}}  {'rate':>20}  time")
    for name, rate, tm in rows:
        print(f"{name:<{w}}  {rate:>20}  {tm}")


if __name__ == "__main__":
    main()
