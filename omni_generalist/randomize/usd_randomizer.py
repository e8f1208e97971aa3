"""USD-native domain randomization: N light variant layers over one base world.

Each variant is a small layer whose only sublayer is the base world; it holds opinions for what
changed (material inputs, light values, object poses, joint openings, distractors, cameras), so
100 variants cost a fraction of one world on disk. Every variant is re-validated with physics
(when :mod:`omni_generalist.physics` is available): an invalid draw is repaired in the variant
layer, or redrawn, and is never written.

Layout of an output folder (see ``docs/randomization.md``)::

    DIR/base.usd               the base world (a hard link or copy; base.usda for text worlds)
    DIR/variants.usd           /World references ./base.usd; a palette of drawn options per material
                               (variant set og_look) and every variant's opinions (variant set
                               og_variant on /World: variant opinions are stronger than referenced ones)
    DIR/variant_0000.usda      sublayers ./variants.usd and selects og_variant = v0000
    DIR/variants.jsonl         one line per variant: seed, attempts, changes, physics
    DIR/randomization.json     the spec, the seed and the spread of what varied
    DIR/replicator_graph.json  the same spec as an omni.replicator graph description (Kit)
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from pxr import Gf, Sdf, Usd, UsdGeom, UsdLux, UsdShade

from ..assets.textures import copy_world_textures
from ..config import RandomizationConfig, Settings
from ..errors import InputError, PlacementError, WorldInvalidError
from ..io import atomic_dir, write_json, write_text_atomic
from ..world.geometry import point_in_polygon, polygon_bounds
from ..world.joints import articulated_joints, open_end, open_joint
from ..world.layout import is_floor, object_prims, room_prims
from ..world.metadata import KEY, get_info, get_provenance, set_info
from ..world.model import list_objects, rooms
from ..world.stage import LIGHTS, LOOKS, WORLD, find_world_file, open_stage
from .spec import load_spec, spec_digest, spec_to_dict

CAMERAS = WORLD.AppendChild("Cameras")
DISTRACTOR_CATEGORIES = ("apple", "book", "cup", "bowl", "mug", "can", "orange", "toy car")

ProgressFn = Callable[[str, int, int], None]


@dataclass
class VariantResult:
    """One written variant."""

    index: int
    file: Path
    seed: int
    attempts: int
    changes: dict[str, Any]
    physics: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able record (the line written to ``variants.jsonl``)."""
        return {"index": self.index, "file": self.file.name, "seed": self.seed, "attempts": self.attempts,
                "changes": self.changes, "physics": self.physics}


@dataclass
class RandomizeResult:
    """What :func:`randomize_world` wrote."""

    out: Path
    base: Path
    variants: list[VariantResult]
    spec: RandomizationConfig
    validated: bool
    spread: dict[str, float] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def files(self) -> list[Path]:
        """The variant layer files, in order."""
        return [self.out / v.file.name for v in self.variants]


# --------------------------------------------------------------------------- physics hook
def physics_api() -> tuple[Callable, Callable] | None:
    """Return ``(validate_world, repair_world)`` from :mod:`omni_generalist.physics`, or None when absent."""
    try:
        from ..physics import repair_world, validate_world
    except ImportError:
        return None
    return validate_world, repair_world


def _problem_text(report: Any) -> str:
    probs = list(getattr(report, "problems", []) or [])
    if not probs:
        return "physics validation failed"
    p = probs[0]
    return f"{getattr(p, 'kind', 'problem')} at {getattr(p, 'path', '?')}: {getattr(p, 'message', '')}"


# --------------------------------------------------------------------------- drawing
def _ops(prim: Usd.Prim) -> dict[Any, UsdGeom.XformOp]:
    return {op.GetOpType(): op for op in UsdGeom.Xformable(prim).GetOrderedXformOps()}


def _clip01(v: float) -> float:
    return min(1.0, max(0.0, v))


def randomize_materials(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random,
                        relabel: bool = True) -> dict[str, Any]:
    """Swap materials within their family and jitter colour and roughness (edits go to the edit target).

    Every ``UsdPreviewSurface`` under ``/World/Looks`` is redrawn; objects and room surfaces whose
    ``customData`` material class named a swapped material get the new class.

    Returns:
        ``{"swapped": {old: new}, "jittered": n, "looks": {look prim name: (old class, new class)}}``.
    """
    from ..assets.materials import material_library, retexture

    lib = material_library()
    looks = stage.GetPrimAtPath(LOOKS)
    swaps: dict[str, str] = {}
    per_look: dict[str, tuple[str, str]] = {}
    jittered = 0
    if not looks:
        return {"swapped": swaps, "jittered": 0, "looks": per_look}
    colours = sorted(lib.colors)
    by_family: dict[str, list[Any]] = {}
    for m in sorted(lib.materials.values(), key=lambda m: m.name):
        by_family.setdefault(m.family, []).append(m)
    for mat in looks.GetChildren():
        if not mat.IsA(UsdShade.Material):
            continue
        shader = UsdShade.Shader(stage.GetPrimAtPath(mat.GetPath().AppendChild("PreviewSurface")))
        if not shader:
            continue
        info = get_info(mat)
        label, family = str(info.get("material", "")), str(info.get("family", ""))
        color_in, rough_in = shader.GetInput("diffuseColor"), shader.GetInput("roughness")
        if not color_in or not rough_in:
            continue
        color = tuple(float(c) for c in (color_in.Get() or (0.7, 0.7, 0.7)))
        rough = float(rough_in.Get() if rough_in.Get() is not None else 0.5)
        new_label, new_spec = label, None
        if label and rng.random() < spec.material_swap_prob:
            if family == "paint" and colours:
                cname = rng.choice(colours)
                new_label, color = f"{cname} paint", lib.colors[cname]
            else:
                cands = [m for m in by_family.get(family, []) if m.name != label]
                if cands:
                    new_spec = rng.choice(cands)
                    new_label, color, rough = new_spec.name, new_spec.color, new_spec.roughness
        cj, rj = spec.color_jitter, spec.roughness_jitter
        color = tuple(_clip01(c + rng.uniform(-cj, cj)) for c in color)
        rough = min(1.0, max(0.02, rough + rng.uniform(-rj, rj)))
        color_in.Set(Gf.Vec3f(*color))
        rough_in.Set(float(rough))
        jittered += 1
        try:  # a textured material's image follows the new class and colour
            now = new_spec or lib.resolve(new_label).spec
        except ValueError:
            now = None
        if now is not None:
            retexture(stage, mat.GetPath(), now, color)
        if new_spec is not None:
            for name, value in (("metallic", new_spec.metallic), ("opacity", new_spec.opacity), ("ior", new_spec.ior)):
                inp = shader.GetInput(name)
                if inp and inp.Get() is not None and abs(float(inp.Get()) - value) > 1e-6:
                    inp.Set(float(value))
        per_look[mat.GetName()] = (label, new_label)
        if new_label != label:
            set_info(mat, material=new_label)
            swaps[label] = new_label
    if swaps and relabel:
        _relabel(stage, swaps)
    return {"swapped": swaps, "jittered": jittered, "looks": per_look}


PALETTE_SET = "og_look"
VARIANT_SET = "og_variant"


def build_palette(layer: Sdf.Layer, base_abs: str, spec: RandomizationConfig, seed: int | str
                  ) -> dict[str, list[tuple[str, str]]]:
    """Author ``spec.material_options`` drawn options per material into ``layer`` as variant sets.

    Each ``/World/Looks/<material>`` gets a variant set ``og_look`` whose variants ``o0``, ``o1``…
    hold one draw each (a swap within the family and/or a colour and roughness jitter). A variant
    then only selects an option per material: a few bytes instead of the shader values.

    Returns:
        ``{look name: [(old class, new class) per option]}``.
    """
    palette: dict[str, list[tuple[str, str]]] = {}
    for k in range(spec.material_options):
        tmp = Sdf.Layer.CreateAnonymous("palette.usda")
        tmp.subLayerPaths.append(base_abs)
        stage = Usd.Stage.Open(tmp)
        stage.SetEditTarget(Usd.EditTarget(tmp))
        drawn = randomize_materials(stage, spec, random.Random(f"{seed}:palette:{k}"), relabel=False)
        for look, labels in sorted(drawn["looks"].items()):
            src = LOOKS.AppendChild(look)
            if tmp.GetPrimAtPath(src) is None:
                continue
            prim = Sdf.CreatePrimInLayer(layer, src)
            if PALETTE_SET not in prim.variantSets:
                Sdf.VariantSetSpec(prim, PALETTE_SET)
                prim.variantSetNameList.prependedItems.append(PALETTE_SET)
            Sdf.VariantSpec(prim.variantSets[PALETTE_SET], f"o{k}")
            Sdf.CopySpec(tmp, src, layer, src.AppendVariantSelection(PALETTE_SET, f"o{k}"))
            palette.setdefault(look, []).append(labels)
    return palette


def choose_materials(stage: Usd.Stage, palette: dict[str, list[tuple[str, str]]], rng: random.Random) -> dict[str, Any]:
    """Select one palette option per material (see :func:`build_palette`) and relabel what changed class."""
    swaps: dict[str, str] = {}
    chosen: dict[str, int] = {}
    for look, options in sorted(palette.items()):
        prim = stage.GetPrimAtPath(LOOKS.AppendChild(look))
        if not prim or not options:
            continue
        k = rng.randrange(len(options))
        prim.GetVariantSets().GetVariantSet(PALETTE_SET).SetVariantSelection(f"o{k}")
        chosen[look] = k
        old, new = options[k]
        if old != new:
            swaps[old] = new
    if swaps:
        _relabel(stage, swaps)
    return {"swapped": swaps, "options": chosen}


def _relabel(stage: Usd.Stage, swaps: dict[str, str]) -> None:
    """Rename material classes in ``customData`` of the rooms and object roots."""
    prims: list[Usd.Prim] = []
    for room in room_prims(stage):
        prims.append(room)
        for child in room.GetChildren():
            prims.append(child)
            prims.extend(child.GetChildren())
    prims.extend(object_prims(stage))
    for prim in prims:
        info = get_info(prim)
        new = {k: swaps[v] for k in ("material", "floor_material") if isinstance(v := info.get(k), str) and v in swaps}
        if new:
            set_info(prim, **new)


def _sample_in_room(room, rng: random.Random, inset: float = 0.3) -> tuple[float, float] | None:
    x0, y0, x1, y1 = polygon_bounds(room.polygon)
    for _ in range(50):
        x, y = rng.uniform(x0 + inset, x1 - inset), rng.uniform(y0 + inset, y1 - inset)
        if all(point_in_polygon((x + dx, y + dy), room.polygon)
               for dx, dy in ((0, 0), (inset, 0), (-inset, 0), (0, inset), (0, -inset))):
            return x, y
    return None


def randomize_lights(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random) -> dict[str, Any]:
    """Scale intensities, draw colour temperatures, move, remove and add lights under ``/World/Lights``
    (in a home a light moves within the room it is in, and added lights take the rooms in turn)."""
    group = stage.GetPrimAtPath(LIGHTS)
    if not group:
        return {}
    every = rooms(stage)
    room = every[0] if every else None
    lights = [p for p in group.GetChildren() if p.HasAPI(UsdLux.LightAPI) and p.IsActive()]
    local = [p for p in lights if not p.IsA(UsdLux.DomeLight)]
    scale = rng.uniform(*spec.light_intensity_range)
    temp = rng.uniform(*spec.light_temperature_range_k)
    intensities = []
    for p in lights:
        api = UsdLux.LightAPI(p)
        i0 = float(api.GetIntensityAttr().Get() or 0.0)
        if not p.IsA(UsdLux.DomeLight):
            intensities.append(i0)
        api.GetIntensityAttr().Set(float(i0 * scale * rng.uniform(0.9, 1.1)))
        api.CreateEnableColorTemperatureAttr().Set(True)
        t = temp if not p.IsA(UsdLux.DomeLight) else rng.uniform(*spec.light_temperature_range_k)
        api.CreateColorTemperatureAttr().Set(float(t))
    moved = 0
    j = spec.light_position_jitter_m
    for p in local:
        op = _ops(p).get(UsdGeom.XformOp.TypeTranslate)
        if op is None or j <= 0:
            continue
        v = op.Get()
        own = next((r.polygon for r in every if point_in_polygon((v[0], v[1]), r.polygon)), None)
        for _ in range(10):
            x, y = v[0] + rng.uniform(-j, j), v[1] + rng.uniform(-j, j)
            if own is None or point_in_polygon((x, y), own):
                op.Set(Gf.Vec3d(x, y, v[2]))
                moved += 1
                break
    delta = rng.randint(int(spec.light_count_delta[0]), int(spec.light_count_delta[1]))
    removed, added = [], []
    if delta < 0:
        order = list(local)
        rng.shuffle(order)
        for p in order[:max(0, min(-delta, len(local) - 1))]:
            p.SetActive(False)
            removed.append(p.GetName())
    elif delta > 0 and room is not None:
        base_i = float(np.mean(intensities)) if intensities else 30000.0
        taken = {c.GetName() for c in group.GetAllChildren()}
        for k in range(delta):
            room = every[k % len(every)]
            xy = _sample_in_room(room, rng, 0.4)
            if xy is None:
                break
            name = f"rand_light_{k}"
            while name in taken:
                name += "_"
            light = UsdLux.SphereLight.Define(stage, LIGHTS.AppendChild(name))
            light.CreateRadiusAttr(0.1)
            light.CreateIntensityAttr(float(base_i * scale * rng.uniform(0.6, 1.0)))
            light.CreateEnableColorTemperatureAttr(True)
            light.CreateColorTemperatureAttr(float(temp))
            UsdGeom.Xformable(light).AddTranslateOp().Set(Gf.Vec3d(xy[0], xy[1], room.height - 0.3))
            light.GetPrim().SetCustomDataByKey(f"{KEY}:category", "light")
            light.GetPrim().SetCustomDataByKey(f"{KEY}:kind", "sphere")
            added.append(name)
    return {"intensity_scale": round(scale, 4), "temperature_k": round(temp, 1), "moved": moved,
            "removed": removed, "added": added}


_JITTER_SCALES = (1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25)
"""Fractions of the pose jitter tried in turn for one object until a move fits."""


def randomize_poses(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random) -> dict[str, Any]:
    """Re-lay movable floor objects within the layout constraints and shuffle small objects on their supports.

    Moves go through :meth:`ActionAPI.move_object`, which refuses poses that overlap something
    or leave the room; whatever rests on a moved object moves with it.
    """
    from ..actions import placement as P
    from ..actions.api import ActionAPI

    api = ActionAPI(stage, rng)
    moved: list[str] = []
    shuffled: list[str] = []
    j, d = spec.pose_jitter_m, spec.pose_jitter_deg
    objs = api.list_objects()
    floor = [o for o in objs if o.movable and not o.articulated and is_floor(o.support)]
    rng.shuffle(floor)
    if spec.poses and (j > 0 or d > 0):
        for o in floor:
            # full jitter first; in a tight room (a nightstand flush with its bed) smaller ones
            for k in _JITTER_SCALES:
                x, y, z = o.position
                try:
                    api.move_object(o.name, position=(x + k * rng.uniform(-j, j), y + k * rng.uniform(-j, j), z),
                                    rotation=(o.yaw + k * rng.uniform(-d, d)) % 360.0)
                except (PlacementError, ValueError):
                    continue
                moved.append(o.name)
                break
    if spec.small_object_shuffle:
        objs = {o.name: o for o in api.list_objects()}
        by_path = {o.path: o for o in objs.values()}
        small = sorted((o for o in objs.values() if o.movable and o.support in by_path), key=lambda o: o.name)
        rng.shuffle(small)
        for o in small:
            o = api.get_object(o.name)
            target = api.get_object(by_path[o.support].name)
            obs = [P.Obstacle(x.name, x.footprint, x.bottom, x.top) for x in api.list_objects()
                   if x.name not in (o.name, target.name) and x.support != o.path]
            try:
                pose = P.on_top(target, o.size, obs, rng, tries=15)
                api.move_object(o.name, position=(pose.x, pose.y, pose.z),
                                rotation=(pose.yaw + rng.choice((0.0, 90.0, 180.0, 270.0)) + rng.uniform(-d, d)) % 360.0)
            except (PlacementError, ValueError):
                continue
            shuffled.append(o.name)
    return {"moved": sorted(moved), "shuffled": sorted(shuffled)}


def add_distractors(stage: Usd.Stage, count: int, rng: random.Random) -> list[str]:
    """Put ``count`` small distractor objects on free support surfaces (tables, counters, shelves)."""
    from ..actions.api import ActionAPI, _supports

    api = ActionAPI(stage, rng)
    added: list[str] = []
    for k in range(count):
        supports = sorted((o for o in api.list_objects() if _supports(o)), key=lambda o: o.name)
        rng.shuffle(supports)
        category = rng.choice(DISTRACTOR_CATEGORIES)
        for target in supports[:6]:
            try:
                name = api.add_object(category, name=f"distractor_{k}", on=target.name, room=target.room or None)
            except (PlacementError, ValueError):
                continue
            set_info(stage.GetPrimAtPath(api.get_object(name).path), distractor=True)
            added.append(name)
            break
    return added


def randomize_articulations(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random) -> dict[str, float]:
    """Open doors and drawers part of the way: ``{joint path: opening}`` for the joints moved."""
    opened: dict[str, float] = {}
    if spec.articulation_open_fraction <= 0 or spec.articulation_open_prob <= 0:
        return opened
    for o in list_objects(stage):
        if not o.articulated:
            continue
        for joint in articulated_joints(stage, o.path):
            if rng.random() >= spec.articulation_open_prob:
                continue
            value = round(open_end(joint) * spec.articulation_open_fraction * rng.uniform(0.2, 1.0), 5)
            if value and open_joint(stage, joint, value):
                opened[str(joint.GetPath())] = value
    return opened


def _look_at_quat(eye: tuple[float, float, float], target: tuple[float, float, float]) -> Gf.Quatf:
    f = Gf.Vec3d(*target) - Gf.Vec3d(*eye)
    f = f.GetNormalized() if f.GetLength() > 1e-9 else Gf.Vec3d(0, 1, 0)
    up = Gf.Vec3d(0, 0, 1)
    x = Gf.Cross(f, up)
    x = x.GetNormalized() if x.GetLength() > 1e-6 else Gf.Vec3d(1, 0, 0)
    y = Gf.Cross(x, f)
    z = -f
    m = Gf.Matrix3d(x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2])
    return Gf.Quatf(m.ExtractRotation().GetQuat())


def randomize_cameras(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random) -> list[dict[str, Any]]:
    """Author ``spec.cameras`` dataset cameras under ``/World/Cameras``, each looking at an object
    (in a home the cameras take the rooms in turn, each inside its room, looking at what it holds)."""
    every = rooms(stage)
    if not every or spec.cameras <= 0:
        return []
    all_objs = [o for o in list_objects(stage) if o.support and "Ceiling" not in o.support]
    UsdGeom.Scope.Define(stage, CAMERAS)
    out = []
    for k in range(spec.cameras):
        room = every[k % len(every)]
        objs = [o for o in all_objs if len(every) == 1 or o.room == room.name]
        eye = None
        for _ in range(30):
            xy = _sample_in_room(room, rng, 0.4)
            if xy is None:
                break
            z = rng.uniform(*spec.camera_height_range_m)
            z = min(z, room.height - 0.15)
            inside = [o for o in objs if o.bottom <= z <= o.top and _point_in_fp(xy, o)]
            if not inside:
                eye = (xy[0], xy[1], z)
                break
        if eye is None:
            continue
        if objs:
            t = rng.choice(objs)
            target = (t.position[0], t.position[1], t.position[2] + t.size[2] / 2)
        else:
            cx, cy = np.mean(room.polygon, axis=0)
            target = (float(cx), float(cy), room.height / 3)
        cam = UsdGeom.Camera.Define(stage, CAMERAS.AppendChild(f"cam_{k}"))
        cam.CreateFocalLengthAttr(float(rng.uniform(14.0, 24.0)))
        cam.CreateClippingRangeAttr(Gf.Vec2f(0.05, 100.0))
        xf = UsdGeom.Xformable(cam)
        xf.AddTranslateOp().Set(Gf.Vec3d(*eye))
        xf.AddOrientOp().Set(_look_at_quat(eye, target))
        out.append({"name": f"cam_{k}", "position": [round(v, 4) for v in eye],
                    "target": [round(v, 4) for v in target], **({"room": room.name} if len(every) > 1 else {})})
    return out


def _point_in_fp(xy: tuple[float, float], o: Any) -> bool:
    fp = o.footprint
    c, s = math.cos(math.radians(fp.yaw)), math.sin(math.radians(fp.yaw))
    dx, dy = xy[0] - fp.x, xy[1] - fp.y
    lx, ly = c * dx + s * dy, -s * dx + c * dy
    return abs(lx) <= fp.w / 2 + 0.15 and abs(ly) <= fp.d / 2 + 0.15


def draw_variant(stage: Usd.Stage, spec: RandomizationConfig, rng: random.Random,
                 palette: dict[str, list[tuple[str, str]]] | None = None) -> dict[str, Any]:
    """Author one random variant into the stage's current edit target and return what changed.

    Args:
        stage: a stage over the base world whose edit target is the (empty) variant layer.
        spec: what varies and by how much.
        rng: the variant's random generator (seeded: same seed, same variant).
        palette: material options already authored below the edit target (:func:`build_palette`);
            without one, material inputs are drawn and written directly.
    """
    changes: dict[str, Any] = {}
    if spec.materials and palette is not None:
        changes["materials"] = choose_materials(stage, palette, rng)
    elif spec.materials:
        drawn = randomize_materials(stage, spec, rng)
        changes["materials"] = {"swapped": drawn["swapped"], "jittered": drawn["jittered"]}
    if spec.lights:
        changes["lights"] = randomize_lights(stage, spec, rng)
    if spec.poses or spec.small_object_shuffle:
        changes["poses"] = randomize_poses(stage, spec, rng)
    if spec.poses and spec.distractors > 0:
        changes["distractors"] = add_distractors(stage, spec.distractors, rng)
    if spec.articulation_open_fraction > 0:
        changes["joints"] = randomize_articulations(stage, spec, rng)
    if spec.cameras > 0:
        changes["cameras"] = randomize_cameras(stage, spec, rng)
    return changes


# --------------------------------------------------------------------------- measuring
def variant_signature(stage: Usd.Stage) -> dict[str, dict[str, list[float]]]:
    """Numbers that describe a world's look and layout: material inputs, lights and object poses.

    Used to measure how much variants differ (:func:`spread`).
    """
    sig: dict[str, dict[str, list[float]]] = {"materials": {}, "lights": {}, "poses": {}}
    looks = stage.GetPrimAtPath(LOOKS)
    for mat in looks.GetChildren() if looks else []:
        sh = UsdShade.Shader(stage.GetPrimAtPath(mat.GetPath().AppendChild("PreviewSurface")))
        if sh and sh.GetInput("diffuseColor") and sh.GetInput("roughness"):
            c = sh.GetInput("diffuseColor").Get()
            r = sh.GetInput("roughness").Get()
            if c is not None and r is not None:
                sig["materials"][mat.GetName()] = [float(c[0]), float(c[1]), float(c[2]), float(r)]
    group = stage.GetPrimAtPath(LIGHTS)
    for p in group.GetAllChildren() if group else []:
        if not p.HasAPI(UsdLux.LightAPI):
            continue
        api = UsdLux.LightAPI(p)
        op = _ops(p).get(UsdGeom.XformOp.TypeTranslate)
        pos = op.Get() if op is not None else (0.0, 0.0, 0.0)
        on = p.IsActive()
        sig["lights"][p.GetName()] = [float(api.GetIntensityAttr().Get() or 0.0) if on else 0.0,
                                      float(api.GetColorTemperatureAttr().Get() or 6500.0),
                                      float(pos[0]), float(pos[1])]
    for o in list_objects(stage):
        if o.movable:  # fixtures (wall-hung, built-in) never move: they would only dilute the spread
            sig["poses"][o.name] = [o.position[0], o.position[1], o.position[2], o.yaw]
    return sig


def spread(signatures: list[dict[str, dict[str, list[float]]]]) -> dict[str, float]:
    """How much a set of variants differs: mean standard deviations over the keys all variants share.

    Returns:
        ``material_color_std`` (0–1 RGB), ``material_roughness_std``, ``light_intensity_cv``
        (std / mean), ``light_temperature_std_k``, ``pose_position_std_m``, ``pose_yaw_std_deg``.
    """
    def stds(group: str) -> np.ndarray | None:
        keys = set.intersection(*(set(s[group]) for s in signatures)) if signatures else set()
        if not keys or len(signatures) < 2:
            return None
        arr = np.array([[s[group][k] for k in sorted(keys)] for s in signatures], dtype=float)
        return arr  # variants x keys x values

    out: dict[str, float] = {}
    m = stds("materials")
    if m is not None:
        out["material_color_std"] = float(m[:, :, :3].std(axis=0).mean())
        out["material_roughness_std"] = float(m[:, :, 3].std(axis=0).mean())
    light = stds("lights")
    if light is not None:
        inten = light[:, :, 0]
        out["light_intensity_cv"] = float((inten.std(axis=0) / np.maximum(inten.mean(axis=0), 1e-9)).mean())
        out["light_temperature_std_k"] = float(light[:, :, 1].std(axis=0).mean())
        out["light_position_std_m"] = float(light[:, :, 2:4].std(axis=0).mean())
    p = stds("poses")
    if p is not None:
        out["pose_position_std_m"] = float(p[:, :, :2].std(axis=0).mean())
        yaw = np.radians(p[:, :, 3])
        r = np.hypot(np.cos(yaw).mean(axis=0), np.sin(yaw).mean(axis=0))
        out["pose_yaw_std_deg"] = float(np.degrees(np.sqrt(np.maximum(0.0, -2 * np.log(np.clip(r, 1e-9, 1.0))))).mean())
    return {k: round(v, 6) for k, v in out.items()}


# --------------------------------------------------------------------------- writing
def _stage_metadata(layer: Sdf.Layer, base_layer: Sdf.Layer) -> None:
    """Repeat the base's stage metadata (read from the root layer only) on ``layer``."""
    layer.defaultPrim = base_layer.defaultPrim or "World"
    for key in ("upAxis", "metersPerUnit", "kilogramsPerUnit"):
        if base_layer.pseudoRoot.HasInfo(key):
            layer.pseudoRoot.SetInfo(key, base_layer.pseudoRoot.GetInfo(key))


def _export(layer: Sdf.Layer, replace: dict[str, str], path: Path) -> None:
    text = layer.ExportToString()
    for old, new in replace.items():
        text = text.replace(f"@{old}@", f"@{new}@")
    if path.suffix == ".usd":
        from ..world.crate import write_crate

        write_crate(text, path)
    else:
        write_text_atomic(path, text)


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _selector_text(index: int, shared: str, meta: dict[str, Any], base_layer: Sdf.Layer) -> str:
    layer = Sdf.Layer.CreateAnonymous("variant.usda")
    layer.subLayerPaths.append(shared)
    _stage_metadata(layer, base_layer)
    layer.customLayerData = {KEY: meta}
    world = Sdf.PrimSpec(layer, "World", Sdf.SpecifierOver)
    world.variantSelections[VARIANT_SET] = f"v{index:04d}"
    return layer.ExportToString()


def randomize_world(world: str | Path, out: str | Path, variants: int, seed: int = 0,
                    spec: RandomizationConfig | None = None, settings: Settings | None = None,
                    force: bool = False, base_ref: str | None = None, validate: bool | None = None,
                    progress: ProgressFn | None = None) -> RandomizeResult:
    """Write ``variants`` randomized variants of ``world`` into the folder ``out``.

    All variants live in one shared layer ``variants.usd`` whose ``/World`` references the base
    world and carries a variant set ``og_variant`` (plus a palette of drawn options per material);
    each
    ``variant_NNNN.usda`` is a few-hundred-byte layer that sublayers it and selects its variant,
    so it opens as a complete world anywhere a USD file is accepted.

    Args:
        world: a world folder or USD file.
        out: the folder to create (absent or empty unless ``force``); it appears whole or not at all.
        variants: how many variants (1–100000).
        seed: master seed; variant ``i`` draws from ``f"{seed}:{i}:{attempt}"``: same inputs, same files.
        spec: what varies (default: ``settings.randomization`` with its preset applied).
        settings: settings (physics thresholds for validation).
        force: replace a non-empty ``out``.
        base_ref: sublayer path of the base written into ``variants.usd`` instead of a copy of the
            base placed in ``out`` (e.g. ``"../world.usd"`` for variants inside the world folder).
        validate: override ``spec.validate``.
        progress: optional ``progress(message, done, total)`` callback.

    Raises:
        InputError: bad ``variants`` count, spec or output folder; WorldFormatError for a bad world.
        WorldInvalidError: a variant found no physically valid draw in ``spec.max_attempts`` tries.
    """
    settings = settings or Settings()
    spec = spec if spec is not None else load_spec(base=settings.randomization)
    if not isinstance(variants, int) or isinstance(variants, bool) or not 1 <= variants <= 100_000:
        raise InputError(f"--variants must be between 1 and 100000, got {variants!r}")
    base_file = find_world_file(world).absolute()
    open_stage(base_file)  # checks the conventions (WorldFormatError otherwise)
    base_layer = Sdf.Layer.FindOrOpen(str(base_file))
    ext = base_file.suffix
    do_validate = spec.validate if validate is None else validate
    phys = physics_api() if do_validate else None
    t0 = time.perf_counter()
    results: list[VariantResult] = []
    sigs = []
    t_validate = 0.0
    with atomic_dir(out, force) as tmp:
        final = Path(out).expanduser().absolute()
        if base_ref is None:
            base_rel = f"./base{ext}"
            _link_or_copy(base_file, tmp / f"base{ext}")
        else:
            base_rel = base_ref
        prov = get_provenance(Usd.Stage.Open(base_layer))
        base_abs = str(base_file)
        shared = Sdf.Layer.CreateAnonymous("variants.usda")
        _stage_metadata(shared, base_layer)
        shared.customLayerData = {KEY: {**prov, "variants": {"count": variants, "seed": int(seed), "base": base_rel,
                                                             "spec": spec_digest(spec), "preset": spec.preset}}}
        # the base comes in by reference: variant opinions (V) are stronger than referenced ones (R)
        world_spec = Sdf.PrimSpec(shared, WORLD.name, Sdf.SpecifierDef, "Xform")
        world_spec.referenceList.prependedItems.append(Sdf.Reference(base_abs))
        Sdf.VariantSetSpec(world_spec, VARIANT_SET)
        world_spec.variantSetNameList.prependedItems.append(VARIANT_SET)
        palette = build_palette(shared, base_abs, spec, seed) if spec.materials and spec.material_options > 0 else None
        shared_name = f"variants{ext}"
        kept: list[tuple[str, Sdf.Layer]] = []
        for i in range(variants):
            last_error = ""
            for attempt in range(spec.max_attempts):
                rng = random.Random(f"{seed}:{i}:{attempt}")
                layer = Sdf.Layer.CreateAnonymous("variant.usda")
                layer.subLayerPaths.append(shared.identifier)
                _stage_metadata(layer, base_layer)
                stage = Usd.Stage.Open(layer)
                stage.SetEditTarget(Usd.EditTarget(layer))
                changes = draw_variant(stage, spec, rng, palette)
                physics = None
                if phys is not None:
                    validate_world, repair_world = phys
                    t1 = time.perf_counter()
                    report = validate_world(stage, config=settings.physics)
                    if report.ok:
                        physics = {"ok": True, "repaired": False, "report": report.to_dict()}
                    else:
                        repaired = repair_world(stage, config=settings.physics)
                        if repaired.ok:
                            physics = {"ok": True, "repaired": True, "report": repaired.after.to_dict()}
                        else:
                            last_error = _problem_text(repaired.after)
                    t_validate += time.perf_counter() - t1
                    if physics is None:
                        continue  # redraw: an invalid variant is never written
                sigs.append(variant_signature(stage))
                del stage
                # kept aside: the drawing stages of later variants must not carry earlier ones
                kept.append((f"v{i:04d}", layer))
                name = f"variant_{i:04d}.usda"
                meta = {**prov, "variant": {"index": i, "seed": int(seed), "attempt": attempt, "base": base_rel,
                                            "spec": spec_digest(spec), "preset": spec.preset}}
                write_text_atomic(tmp / name, _selector_text(i, f"./{shared_name}", meta, base_layer))
                results.append(VariantResult(i, final / name, int(seed), attempt + 1, changes, physics))
                break
            else:
                raise WorldInvalidError(f"variant {i}: no physically valid draw in {spec.max_attempts} attempts "
                                        f"({last_error})")
            if progress:
                progress(f"variant {i + 1}/{variants}", i + 1, variants)
        for vname, layer in kept:
            Sdf.VariantSpec(world_spec.variantSets[VARIANT_SET], vname)
            if layer.GetPrimAtPath(WORLD) is not None:
                Sdf.CopySpec(layer, WORLD, shared, WORLD.AppendVariantSelection(VARIANT_SET, vname))
        _export(shared, {base_abs: base_rel}, tmp / shared_name)
        # the generated textures the variants name (and a copied base's own) resolve beside them
        copy_world_textures(shared, tmp)
        if base_ref is None:
            copy_world_textures(base_layer, tmp)
        spr = spread(sigs)
        lines = "".join(json.dumps(r.to_dict(), sort_keys=True) + "\n" for r in results)
        write_text_atomic(tmp / "variants.jsonl", lines)
        from .replicator_graph import spec_to_graph

        graph = spec_to_graph(spec, Usd.Stage.Open(base_layer), num_frames=variants, seed=seed)
        write_json(tmp / "replicator_graph.json", graph)
        timings = {"total_s": round(time.perf_counter() - t0, 3), "validate_s": round(t_validate, 3)}
        summary = {"base": base_rel, "shared": shared_name, "world": str(base_file), "variants": variants,
                   "seed": seed, "spec": spec_to_dict(spec), "spec_digest": spec_digest(spec),
                   "validated": phys is not None, "spread": spr, "timings": timings,
                   "attempts": sum(r.attempts for r in results)}
        write_json(tmp / "randomization.json", summary)
    return RandomizeResult(final, base_file, results, spec, phys is not None, spr, timings)
