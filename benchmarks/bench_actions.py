"""Time 1,000 small actions through the sandbox versus the same edits made directly.

Three workloads, each 1,000 actions on a growing world, measured in one run:
  raw-pxr   : one prim with an attribute, written with pxr calls in the action code
  set-attr  : change one attribute of an existing object (the smallest edit an edit loop makes)
  add-object: one object added with the action API (mesh, material binding, labels, placement check)
"Direct" runs the same code in this process on a stage with no sandbox, no edit layer and no
worker; "sandbox" runs each snippet as its own action (parse and check, worker round trip, edit
layer, commit in both copies). Prints a table and the ratios; the target is <= 3x.

Usage: python benchmarks/bench_actions.py [--n 1000]
"""

from __future__ import annotations

import argparse
import random
import time

from omni_generalist.actions import ActionAPI, Sandbox
from omni_generalist.actions.worker import PXR_MODULES
from omni_generalist.world import new_stage

ROOM = "create_room(12.0, 12.0, room_type='storage room')\nadd_object('table', name='probe', position=(5.0, 5.0))"


def snippets(kind: str, n: int) -> list[str]:
    out = []
    for i in range(n):
        x, y = -5.5 + (i % 40) * 0.25, -5.5 + (i // 40) * 0.4
        if kind == "raw-pxr":
            out.append(f"p = stage.DefinePrim('/World/Objects/p{i}', 'Xform')\n"
                       f"p.CreateAttribute('weight', Sdf.ValueTypeNames.Float).Set({i}.0)")
        elif kind == "set-attr":
            out.append(f"stage.GetPrimAtPath(get_object('probe').path).CreateAttribute('counter', "
                       f"Sdf.ValueTypeNames.Int).Set({i})")
        else:
            out.append(f"add_object('mug', position=({x:.3f}, {y:.3f}), size=(0.08, 0.08, 0.1))")
    return out


def direct(codes: list[str]) -> float:
    stage = new_stage()
    api = ActionAPI(stage, random.Random(0))
    env = {"stage": stage, **PXR_MODULES}
    env.update({n: getattr(api, n) for n in ("create_room", "add_object")})
    exec(compile(ROOM, "<room>", "exec"), env)  # noqa: S102 - our own benchmark code
    compiled = [compile(c, "<action>", "exec") for c in codes]
    t = time.perf_counter()
    for c in compiled:
        exec(c, env)  # noqa: S102
    return time.perf_counter() - t


def sandboxed(codes: list[str]) -> float:
    with Sandbox(seed=0) as sb:
        assert sb.run(ROOM).ok
        t = time.perf_counter()
        for c in codes:
            res = sb.run(c)
            assert res.ok, res.error
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    rows = []
    for kind in ("raw-pxr", "set-attr", "add-object"):
        codes = snippets(kind, args.n)
        d = direct(codes)
        s = sandboxed(codes)
        rows.append((kind, d, s))
    print(f"{'workload':<12} {'actions':>8} {'direct s':>10} {'sandbox s':>10} {'per action ms':>14} {'ratio':>7}")
    for kind, d, s in rows:
        print(f"{kind:<12} {args.n:>8} {d:>10.3f} {s:>10.3f} {1000 * s / args.n:>14.3f} {s / d:>6.2f}x")
    print("target: ratio <= 3x for API actions (add-object); raw one-call pxr edits show the fixed per-action cost")


if __name__ == "__main__":
    main()
