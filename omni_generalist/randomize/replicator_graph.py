"""The randomization spec as an ``omni.replicator.core`` graph description (plain Python, no Kit).

:func:`spec_to_graph` reads a world and a spec and emits a JSON-able description of a Replicator
graph: one registered randomizer (``rep.randomizer.register``) per aspect, each a list of
operations on prims (``rep.modify.attribute``, ``rep.modify.pose``, ``rep.modify.visibility``,
``rep.create.*``) whose values are distributions (``rep.distribution.uniform``/``normal``/
``choice``), all run under ``rep.trigger.on_frame``. Inside Kit,
:mod:`omni_generalist.kit.replicator_randomizer` turns the description into the live graph.

The description (``format = "omni_generalist.replicator_graph"``, ``version = 1``)::

    {"format": ..., "version": 1, "seed": 0,
     "trigger": {"kind": "on_frame", "num_frames": N, "interval": 1},
     "randomizers": [{"name": "og_lights", "aspect": "lights", "ops": [OP, ...]}, ...]}

    OP = {"op": "modify.attribute", "prims": [path, ...], "attribute": "inputs:intensity",
          "attribute_type": "float", "value": DIST}
       | {"op": "modify.pose", "prims": [...], "position": DIST?, "rotation": DIST?, "look_at": DIST?}
       | {"op": "modify.visibility", "prims": [...], "value": DIST}
       | {"op": "create.light" | "create.camera" | "create.cube" | "create.sphere" | "create.cylinder",
          "name": str, "count": int, "args": {...}, "then": [OP without "prims", ...]}
    Inside a create op, "modify.attribute" targets the created light or camera itself, the other ops
    its Xform wrapper (Replicator's create.* returns the wrapper).
    A "modify.pose" with a rotation writes Replicator's translate + rotateXYZ ops:
    :func:`match_pose_ops` gives the targeted prims that op order first (same transform).

    DIST = {"distribution": "uniform", "lower": x, "upper": x}
         | {"distribution": "normal", "mean": x, "std": x}
         | {"distribution": "choice", "choices": [x, ...], "weights": [w, ...]?}
         | a constant (number, list, bool or string)

Where Replicator has no exact counterpart the description approximates the USD-native
randomizer: a material swap within a family becomes a ``choice`` over the family's colours and
a roughness range; small-object shuffles and distractors sample the support surfaces' rectangles
(no collision check); light additions are extra lights switched on by a ``choice``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from pxr import Gf, Usd, UsdGeom, UsdLux, UsdShade

from ..config import RandomizationConfig
from ..errors import InputError
from ..world.layout import is_floor
from ..world.metadata import get_info
from ..world.model import list_objects, room_info, rooms
from ..world.stage import LIGHTS, LOOKS, open_stage

FORMAT = "omni_generalist.replicator_graph"
VERSION = 1
OPS = ("modify.attribute", "modify.pose", "modify.visibility", "create.light", "create.camera", "create.cube",
       "create.sphere", "create.cylinder")
DISTRIBUTIONS = ("uniform", "normal", "choice")


def uniform(lower: Any, upper: Any) -> dict[str, Any]:
    """A ``rep.distribution.uniform`` description."""
    return {"distribution": "uniform", "lower": lower, "upper": upper}


def choice(choices: list[Any], weights: list[float] | None = None) -> dict[str, Any]:
    """A ``rep.distribution.choice`` description."""
    d: dict[str, Any] = {"distribution": "choice", "choices": list(choices)}
    if weights is not None:
        total = float(sum(weights)) or 1.0
        d["weights"] = [round(w / total, 6) for w in weights]
    return d


def _r(v: float, n: int = 4) -> float:
    return round(float(v), n)


def _vec(v, n: int = 4) -> list[float]:
    return [_r(x, n) for x in v]


def _translate(prim: Usd.Prim) -> tuple[float, float, float] | None:
    for op in UsdGeom.Xformable(prim).GetOrderedXformOps():
        if op.GetOpType() == UsdGeom.XformOp.TypeTranslate:
            v = op.Get()
            return float(v[0]), float(v[1]), float(v[2])
    return None


def _materials(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    from ..assets.materials import material_library

    lib = material_library()
    ops = []
    looks = stage.GetPrimAtPath(LOOKS)
    for mat in looks.GetChildren() if looks else []:
        if not mat.IsA(UsdShade.Material):
            continue
        sh = UsdShade.Shader(stage.GetPrimAtPath(mat.GetPath().AppendChild("PreviewSurface")))
        if not sh or not sh.GetInput("diffuseColor") or not sh.GetInput("roughness"):
            continue
        info = get_info(mat)
        family = str(info.get("family", ""))
        base_c = [float(c) for c in (sh.GetInput("diffuseColor").Get() or (0.7, 0.7, 0.7))]
        base_r = float(sh.GetInput("roughness").Get() or 0.5)
        if family == "paint":
            allc = [list(c) for _, c in sorted(lib.colors.items())]
            fam = allc[::max(1, len(allc) // 24)]  # a spread of 24 colours keeps the description small
            rough = [base_r]
        else:
            members = [m for m in sorted(lib.materials.values(), key=lambda m: m.name)
                       if m.family == family and m.name != info.get("material")]
            fam = [list(m.color) for m in members]
            rough = [m.roughness for m in members] + [base_r]
        path = str(sh.GetPath())
        p = spec.material_swap_prob
        if fam and p > 0:
            colours = [_vec(base_c)] + [_vec(c) for c in fam]
            value = choice(colours, [1.0 - p] + [p / len(fam)] * len(fam))
        else:
            cj = spec.color_jitter
            value = uniform([_r(max(0.0, c - cj)) for c in base_c], [_r(min(1.0, c + cj)) for c in base_c])
        ops.append({"op": "modify.attribute", "prims": [path], "attribute": "inputs:diffuseColor",
                    "attribute_type": "color3f", "value": value})
        rj = spec.roughness_jitter
        ops.append({"op": "modify.attribute", "prims": [path], "attribute": "inputs:roughness",
                    "attribute_type": "float",
                    "value": uniform(_r(max(0.02, min(rough) - rj)), _r(min(1.0, max(rough) + rj)))})
    return ops


def _lights(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    ops: list[dict[str, Any]] = []
    group = stage.GetPrimAtPath(LIGHTS)
    room = room_info(stage)
    lights = [p for p in group.GetChildren() if p.HasAPI(UsdLux.LightAPI) and p.IsActive()] if group else []
    lo_s, hi_s = spec.light_intensity_range
    lo_t, hi_t = spec.light_temperature_range_k
    local = [p for p in lights if not p.IsA(UsdLux.DomeLight)]
    n_remove = max(0, -int(spec.light_count_delta[0]))
    for p in lights:
        path = str(p.GetPath())
        i0 = float(UsdLux.LightAPI(p).GetIntensityAttr().Get() or 0.0)
        ops.append({"op": "modify.attribute", "prims": [path], "attribute": "inputs:intensity", "attribute_type": "float",
                    "value": uniform(_r(i0 * lo_s * 0.9, 2), _r(i0 * hi_s * 1.1, 2))})
        ops.append({"op": "modify.attribute", "prims": [path], "attribute": "inputs:colorTemperature",
                    "attribute_type": "float", "value": uniform(_r(lo_t, 1), _r(hi_t, 1))})
        pos = _translate(p)
        j = spec.light_position_jitter_m
        if pos is not None and j > 0 and not p.IsA(UsdLux.DomeLight):
            ops.append({"op": "modify.pose", "prims": [path],
                        "position": uniform(_vec((pos[0] - j, pos[1] - j, pos[2])), _vec((pos[0] + j, pos[1] + j, pos[2])))})
    if n_remove and len(local) > 1:
        p_off = min(0.5, n_remove / (2.0 * len(local)))
        ops.append({"op": "modify.visibility", "prims": [str(p.GetPath()) for p in local],
                    "value": choice([True, False], [1.0 - p_off, p_off])})
    n_add = max(0, int(spec.light_count_delta[1]))
    if n_add and room is not None:
        xs, ys = [v[0] for v in room.polygon], [v[1] for v in room.polygon]
        z = _r(room.height - 0.3)
        base_i = [float(UsdLux.LightAPI(p).GetIntensityAttr().Get() or 0.0) for p in local] or [30000.0]
        mean_i = sum(base_i) / len(base_i)
        ops.append({"op": "create.light", "name": "og_extra_light", "count": n_add,
                    "args": {"light_type": "Sphere"},
                    "then": [
                        # create.light has no radius parameter: the radius is an attribute of the light
                        {"op": "modify.attribute", "attribute": "inputs:radius", "attribute_type": "float",
                         "value": 0.1},
                        {"op": "modify.pose", "position": uniform([_r(min(xs) + 0.4), _r(min(ys) + 0.4), z],
                                                                  [_r(max(xs) - 0.4), _r(max(ys) - 0.4), z])},
                        {"op": "modify.attribute", "attribute": "inputs:intensity", "attribute_type": "float",
                         "value": uniform(_r(mean_i * lo_s * 0.6, 2), _r(mean_i * hi_s, 2))},
                        {"op": "modify.attribute", "attribute": "inputs:colorTemperature", "attribute_type": "float",
                         "value": uniform(_r(lo_t, 1), _r(hi_t, 1))},
                        {"op": "modify.visibility", "value": choice([True, False], [0.5, 0.5])},
                    ]})
    return ops


def _surface_rect(o) -> tuple[list[float], list[float]] | None:
    """World-space AABB (inset) of an object's top support surface and its height."""
    from ..actions.placement import support_surfaces

    surf = [s for s in support_surfaces(o) if not s[6]]
    if not surf:
        return None
    z_s, x0, y0, x1, y1, _c, _i = max(surf, key=lambda s: s[0])
    pts = [o.footprint.to_world(x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    z = o.position[2] + z_s
    inset = 0.05
    if max(xs) - min(xs) < 2 * inset or max(ys) - min(ys) < 2 * inset:
        return None
    return [_r(min(xs) + inset), _r(min(ys) + inset), _r(z)], [_r(max(xs) - inset), _r(max(ys) - inset), _r(z)]


def _poses(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    ops: list[dict[str, Any]] = []
    objs = list_objects(stage)
    by_path = {o.path: o for o in objs}
    j, d = spec.pose_jitter_m, spec.pose_jitter_deg
    if spec.poses and (j > 0 or d > 0):
        for o in objs:
            if o.movable and not o.articulated and is_floor(o.support):
                x, y, z = o.position
                ops.append({"op": "modify.pose", "prims": [o.path],
                            "position": uniform(_vec((x - j, y - j, z)), _vec((x + j, y + j, z))),
                            "rotation": uniform([0.0, 0.0, _r(o.yaw - d, 2)], [0.0, 0.0, _r(o.yaw + d, 2)])})
    if spec.small_object_shuffle:
        for o in objs:
            sup = by_path.get(o.support)
            if not o.movable or sup is None:
                continue
            rect = _surface_rect(sup)
            if rect is None:
                continue
            ops.append({"op": "modify.pose", "prims": [o.path], "position": uniform(*rect),
                        "rotation": uniform([0.0, 0.0, 0.0], [0.0, 0.0, 360.0])})
    return ops


def _distractors(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    from ..actions.api import _supports

    rects = [r for o in list_objects(stage) if _supports(o) and (r := _surface_rect(o)) is not None]
    if not rects or spec.distractors <= 0:
        return []
    ops = []
    shapes = ("cube", "sphere", "cylinder")
    for k in range(spec.distractors):
        rect = rects[k % len(rects)]
        lo, hi = list(rect[0]), list(rect[1])
        lo[2] = hi[2] = _r(rect[0][2] + 0.04)
        ops.append({"op": f"create.{shapes[k % 3]}", "name": f"og_distractor_{k}", "count": 1,
                    "args": {"semantics": [["class", "distractor"]], "scale": 0.08},
                    "then": [{"op": "modify.pose", "position": uniform(lo, hi),
                              "rotation": uniform([0.0, 0.0, 0.0], [0.0, 0.0, 360.0])}]})
    return ops


def _joints(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    from pxr import UsdPhysics

    from ..world.joints import articulated_joints, open_end

    ops = []
    if spec.articulation_open_fraction <= 0 or spec.articulation_open_prob <= 0:
        return ops
    for o in list_objects(stage):
        if not o.articulated:
            continue
        for joint in articulated_joints(stage, o.path):
            targets = UsdPhysics.Joint(joint).GetBody1Rel().GetTargets()
            if not targets:
                continue
            link = str(targets[0])
            far = open_end(joint) * spec.articulation_open_fraction
            axis = str(joint.GetAttribute("physics:axis").Get() or "Z").upper()
            k = "XYZ".index(axis)
            p = spec.articulation_open_prob
            if joint.IsA(UsdPhysics.RevoluteJoint):
                vals = [0.0, 0.0, 0.0]
                vals[k] = _r(far, 3)
                ops.append({"op": "modify.pose", "prims": [link], "rotation": choice(
                    [[0.0, 0.0, 0.0], [v * 0.5 for v in vals], vals], [1.0 - p, p / 2, p / 2])})
            else:
                pivot = _vec(joint.GetAttribute("physics:localPos0").Get() or (0.0, 0.0, 0.0))
                end = list(pivot)
                end[k] = _r(end[k] + far)
                ops.append({"op": "modify.pose", "prims": [link], "position": uniform(pivot, end)})
    return ops


def _cameras(stage: Usd.Stage, spec: RandomizationConfig) -> list[dict[str, Any]]:
    """Dataset cameras posed inside the room (in a home: ``og_camera_<room>`` in each room, the
    cameras shared out over the rooms, each looking at what its room holds)."""
    every = rooms(stage)
    if not every or spec.cameras <= 0:
        return []
    objs = [o for o in list_objects(stage) if "Ceiling" not in o.support]
    home = len(every) > 1
    ops = []
    for k, room in enumerate(every[:spec.cameras]):
        count = spec.cameras // len(every) + (k < spec.cameras % len(every)) if home else spec.cameras
        xs, ys = [v[0] for v in room.polygon], [v[1] for v in room.polygon]
        lo_h, hi_h = spec.camera_height_range_m
        hi_h = min(hi_h, room.height - 0.15)
        targets = [_vec((o.position[0], o.position[1], o.position[2] + o.size[2] / 2))
                   for o in objs if not home or o.room == room.name][:32]
        if not targets:
            targets = [[_r(sum(xs) / len(xs)), _r(sum(ys) / len(ys)), _r(room.height / 3)]]
        ops.append({"op": "create.camera", "name": f"og_camera_{room.name}" if home else "og_camera", "count": count,
                    "args": {"focal_length": 18.0, "clipping_range": [0.05, 100.0]},
                    "then": [{"op": "modify.pose",
                              "position": uniform([_r(min(xs) + 0.4), _r(min(ys) + 0.4), _r(lo_h)],
                                                  [_r(max(xs) - 0.4), _r(max(ys) - 0.4), _r(max(lo_h, hi_h))]),
                              "look_at": choice(targets)}]})
    return ops


def spec_to_graph(spec: RandomizationConfig, world: str | Path | Usd.Stage, num_frames: int = 1,
                  seed: int = 0, interval: int = 1) -> dict[str, Any]:
    """Translate a spec (and the world it applies to) into a Replicator graph description.

    Args:
        spec: what varies and by how much.
        world: the base world (folder, USD file or open stage); prim paths and base values come from it.
        num_frames: how many times ``rep.trigger.on_frame`` fires (one new variant per frame).
        seed: seed for ``rep.set_global_seed``.
        interval: frames between triggers.

    Returns:
        The JSON-able description (see the module docstring).
    """
    if num_frames < 1 or interval < 1:
        raise InputError("num_frames and interval must be >= 1")
    stage = world if isinstance(world, Usd.Stage) else open_stage(world)
    randomizers = []
    aspects = (("materials", spec.materials, _materials), ("lights", spec.lights, _lights),
               ("poses", spec.poses or spec.small_object_shuffle, _poses),
               ("distractors", spec.poses and spec.distractors > 0, _distractors),
               ("articulations", spec.articulation_open_fraction > 0, _joints),
               ("cameras", spec.cameras > 0, _cameras))
    for aspect, on, fn in aspects:
        if not on:
            continue
        ops = fn(stage, spec)
        if ops:
            randomizers.append({"name": f"og_{aspect}", "aspect": aspect, "ops": ops})
    graph = {"format": FORMAT, "version": VERSION, "seed": int(seed),
             "trigger": {"kind": "on_frame", "num_frames": int(num_frames), "interval": int(interval)},
             "randomizers": randomizers}
    check_graph(graph)
    return graph


def _check_value(v: Any, where: str) -> None:
    if isinstance(v, dict):
        kind = v.get("distribution")
        if kind not in DISTRIBUTIONS:
            raise ValueError(f"{where}: unknown distribution {kind!r}")
        if kind == "uniform":
            lo, hi = v["lower"], v["upper"]
            los, his = (lo, hi) if isinstance(lo, list) else ([lo], [hi])
            if len(los) != len(his) or any(a > b + 1e-9 for a, b in zip(los, his, strict=True)):
                raise ValueError(f"{where}: uniform bounds {lo!r} > {hi!r}")
        elif kind == "normal":
            if v["std"] < 0 if not isinstance(v["std"], list) else any(s < 0 for s in v["std"]):
                raise ValueError(f"{where}: negative std")
        else:
            if not v["choices"]:
                raise ValueError(f"{where}: empty choice")
            w = v.get("weights")
            if w is not None and (len(w) != len(v["choices"]) or any(x < 0 for x in w) or
                                  not math.isclose(sum(w), 1.0, abs_tol=1e-3)):
                raise ValueError(f"{where}: weights must match the choices and sum to 1")


def _check_op(op: dict[str, Any], where: str, nested: bool = False) -> None:
    kind = op.get("op")
    if kind not in OPS:
        raise ValueError(f"{where}: unknown op {kind!r}")
    if kind.startswith("create."):
        if nested:
            raise ValueError(f"{where}: create ops cannot be nested")
        if not isinstance(op.get("count"), int) or op["count"] < 1:
            raise ValueError(f"{where}: count must be a positive integer")
        for k, sub in enumerate(op.get("then", [])):
            if "prims" in sub:
                raise ValueError(f"{where}.then[{k}]: ops on created prims take no prims")
            _check_op(sub, f"{where}.then[{k}]", nested=True)
        return
    if not nested:
        prims = op.get("prims")
        if not prims or not all(isinstance(p, str) and p.startswith("/") for p in prims):
            raise ValueError(f"{where}: prims must be absolute prim paths")
    if kind == "modify.attribute":
        if not op.get("attribute"):
            raise ValueError(f"{where}: attribute name missing")
        _check_value(op["value"], where)
    elif kind == "modify.pose":
        keys = [k for k in ("position", "rotation", "look_at", "scale") if k in op]
        if not keys:
            raise ValueError(f"{where}: modify.pose needs position, rotation, look_at or scale")
        for k in keys:
            _check_value(op[k], f"{where}.{k}")
    else:
        _check_value(op["value"], where)


def check_graph(graph: dict[str, Any]) -> None:
    """Raise ``ValueError`` unless ``graph`` is a well-formed description (see the module docstring)."""
    if graph.get("format") != FORMAT or graph.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} v{VERSION} description")
    trig = graph.get("trigger", {})
    if trig.get("kind") != "on_frame" or int(trig.get("num_frames", 0)) < 1:
        raise ValueError("trigger must be on_frame with num_frames >= 1")
    names = set()
    for i, r in enumerate(graph.get("randomizers", [])):
        name = r.get("name", "")
        if not name.isidentifier() or name in names:
            raise ValueError(f"randomizer {i}: name must be a unique identifier")
        names.add(name)
        for k, op in enumerate(r.get("ops", [])):
            _check_op(op, f"{name}.ops[{k}]")


def graph_prims(graph: dict[str, Any]) -> set[str]:
    """Every prim path the description's operations target."""
    out: set[str] = set()
    for r in graph.get("randomizers", []):
        for op in r.get("ops", []):
            out.update(op.get("prims", []))
    return out


def pose_rotation_prims(graph: dict[str, Any]) -> list[str]:
    """Prims of existing objects whose rotation a ``modify.pose`` of the description randomizes."""
    out: list[str] = []
    for r in graph.get("randomizers", []):
        for op in r.get("ops", []):
            if op.get("op") == "modify.pose" and "rotation" in op:
                out += [p for p in op.get("prims", []) if p not in out]
    return out


def match_pose_ops(stage: Usd.Stage, graph: dict[str, Any]) -> list[str]:
    """Give every prim whose rotation the graph randomizes the op order ``rep.modify.pose`` writes.

    ``rep.modify.pose`` writes ``xformOp:translate`` and ``xformOp:rotateXYZ`` (and nothing else),
    while our objects, lights and links are posed with ``translate`` + ``orient``: the written
    rotation would be ignored (or applied on top of the orient). Each such prim gets the op order
    ``translate, rotateXYZ[, scale]`` holding the same local transform, authored to the stage's edit
    target. Returns the prims changed.
    """
    changed = []
    for path in pose_rotation_prims(graph):
        prim = stage.GetPrimAtPath(path)
        if not prim or not prim.IsA(UsdGeom.Xformable):
            continue
        xf = UsdGeom.Xformable(prim)
        kinds = [op.GetOpType() for op in xf.GetOrderedXformOps()]
        want = [UsdGeom.XformOp.TypeTranslate, UsdGeom.XformOp.TypeRotateXYZ]
        if kinds[:2] == want and all(k == UsdGeom.XformOp.TypeScale for k in kinds[2:]):
            continue
        m = Gf.Matrix4d(xf.GetLocalTransformation())
        scale = Gf.Vec3d(*(m.GetRow3(i).GetLength() for i in range(3)))
        rigid = Gf.Matrix4d(m).RemoveScaleShear()
        t = rigid.ExtractTranslation()
        angles = rigid.ExtractRotation().Decompose(Gf.Vec3d.XAxis(), Gf.Vec3d.YAxis(), Gf.Vec3d.ZAxis())
        xf.ClearXformOpOrder()
        xf.AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(t))
        xf.AddRotateXYZOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(*(round(a, 9) for a in angles)))
        if any(abs(s - 1.0) > 1e-9 for s in scale):
            xf.AddScaleOp(UsdGeom.XformOp.PrecisionDouble).Set(scale)
        changed.append(path)
    return changed
