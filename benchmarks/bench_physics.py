"""Physics validation cost versus raw PhysX stepping of the same scene, and repair time.

For worlds of about 40 and 200 objects (procedural policy, physics authored, not yet validated) it
measures, in one run:

- raw PhysX: a freshly built SAPIEN scene stepped 2 s at 240 Hz (480 steps) — the engine's own work;
- load: our UsdPhysics loader plus building the SAPIEN scene;
- validate: the whole ``validate_world`` (read, asset rules, contacts, settling, joint sweeps,
  reachability), and its ratio to raw stepping (target ≤ 5×);
- repair: ``repair_world`` on a copy where 5 movable objects were lifted 10 cm (they float).

Usage: ``python benchmarks/bench_physics.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pxr import Gf, Sdf, Usd, UsdGeom

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from omni_generalist.actions import Sandbox  # noqa: E402
from omni_generalist.config import Settings  # noqa: E402
from omni_generalist.generate import generate_world  # noqa: E402
from omni_generalist.physics import repair_world, validate_world  # noqa: E402
from omni_generalist.physics.sapien_engine import SapienEngine  # noqa: E402
from omni_generalist.physics.scene import read_scene  # noqa: E402
from omni_generalist.policy.procedural import ProceduralPolicy  # noqa: E402
from omni_generalist.world.model import list_objects  # noqa: E402
from omni_generalist.world.stage import open_stage  # noqa: E402

PROMPTS = {
    40: "A kitchen with a fridge, an island with four stools, a dining table with eight chairs, plates, cups and glasses "
        "on the table, a microwave and a kettle on the counter, a rug, three plants, a trash can and a toaster",
    200: "A huge warehouse with forty shelving units full of boxes, twenty pallets, six workbenches with tools, "
         "ten trolleys, twenty barrels and seventy storage boxes on the floor",
}


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings()
    settings.generator.validate = False
    settings.generator.preview = False
    rows = []
    with tempfile.TemporaryDirectory() as tmp, Sandbox(config=settings.sandbox) as sb:
        for target, prompt in PROMPTS.items():
            res = generate_world(prompt, Path(tmp) / str(target), ProceduralPolicy(), seed=0, settings=settings,
                                 sandbox=sb)
            stage = open_stage(res.world_file)
            n = len(list_objects(stage))
            desc = read_scene(stage)
            raws = []
            for _ in range(args.repeat):  # a fresh scene each time: settled bodies sleep and step for free
                world = SapienEngine().load(stage, 1 / 240, desc)
                t = time.perf_counter()
                world.step(480)
                raws.append(time.perf_counter() - t)
                world.close()
            raw = statistics.median(raws)
            load = _median(lambda s=stage: SapienEngine().load(s, 1 / 240), args.repeat)
            val = _median(lambda s=stage: validate_world(s), args.repeat)
            report = validate_world(stage)
            movable = [o for o in list_objects(stage) if o.movable and o.support.endswith("Floor")
                       and not o.articulated][:5]

            def broken(s=stage, movable=movable):
                layer = Sdf.Layer.CreateAnonymous(".usda")
                layer.TransferContent(s.GetRootLayer())
                copy = Usd.Stage.Open(layer)
                for o in movable:
                    op = UsdGeom.Xformable(copy.GetPrimAtPath(o.path)).GetOrderedXformOps()[0]
                    v = op.Get()
                    op.Set(Gf.Vec3d(v[0], v[1], v[2] + 0.1))
                return copy

            rep_t = _median(lambda: repair_world(broken()), max(1, args.repeat - 1))
            rows.append((n, len(desc.dynamic_bodies()), len(report.joints), raw, load, val, val / raw, rep_t,
                         report.summary()))
    print(f"{'objects':>7} {'bodies':>6} {'joints':>6} {'raw 480 steps':>13} {'load':>7} {'validate':>9} "
          f"{'ratio':>6} {'repair (5 floating)':>20}")
    for n, b, j, raw, load, val, ratio, rep_t, _ in rows:
        print(f"{n:7d} {b:6d} {j:6d} {raw:12.3f}s {load:6.3f}s {val:8.3f}s {ratio:5.1f}× {rep_t:19.3f}s")
    for row in rows:
        print(f"  {row[0]} objects: {row[-1]}")


if __name__ == "__main__":
    main()
