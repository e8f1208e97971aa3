"""Openable storage assets and appliances (the family modules built with ``assets/shapes/casework.py``).

Every category those modules build is built at three realistic sizes and checked: the asset
is correct (:func:`asset_problems`), it has joints whose limits follow the conventions of
``assets/toolkit.py``, and moving each door, drawer or lid to its limit (and half-way) keeps its
points out of the carcass (no point strictly inside any body part's box); the same seed gives the
same layer and different seeds give different assets.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from pxr import Gf, Usd, UsdGeom, UsdPhysics

from omni_generalist.assets.builders import build_asset, generator_for
from omni_generalist.assets.catalog import Category, catalog
from omni_generalist.assets.checks import asset_problems
from omni_generalist.world import new_stage

ROOT = "/World/Objects/x"

# three realistic sizes (w, d, h) per family (mostly within the catalogue's ranges)
SIZES: dict[str, list[tuple[float, float, float]]] = {
    "cabinet": [(0.8, 0.45, 0.9), (0.5, 0.4, 0.75), (1.6, 0.55, 1.95)],
    "sideboard": [(1.6, 0.45, 0.8), (1.2, 0.4, 0.75), (2.0, 0.5, 0.9)],
    "kitchen cabinet": [(0.6, 0.6, 0.9), (0.3, 0.55, 0.85), (1.2, 0.65, 0.92)],
    "wall cabinet": [(0.6, 0.33, 0.7), (0.3, 0.3, 0.5), (1.2, 0.38, 0.95)],
    "medicine cabinet": [(0.5, 0.15, 0.6), (0.4, 0.12, 0.5), (0.8, 0.2, 0.8)],
    "filing cabinet": [(0.4, 0.6, 1.3), (0.45, 0.5, 0.7), (0.9, 0.45, 1.0)],
    "file pedestal": [(0.4, 0.5, 0.55), (0.45, 0.6, 0.7), (0.42, 0.55, 0.62)],
    "nightstand": [(0.45, 0.4, 0.55), (0.6, 0.5, 0.7), (0.4, 0.35, 0.45)],
    "dresser": [(1.2, 0.5, 0.8), (0.8, 0.45, 1.3), (1.6, 0.55, 0.75)],
    "wardrobe": [(1.0, 0.6, 2.0), (2.0, 0.65, 2.3), (0.9, 0.55, 1.8)],
    "locker": [(0.3, 0.45, 1.5), (0.9, 0.55, 1.95), (1.2, 0.5, 1.8)],
    "tool cabinet": [(0.7, 0.45, 1.0), (1.2, 0.6, 1.2), (0.6, 0.45, 0.8)],
    "medical cart": [(0.7, 0.5, 1.0), (0.6, 0.45, 0.9), (0.85, 0.6, 1.1)],
    "display case": [(0.8, 0.4, 1.8), (1.5, 0.6, 0.9), (0.6, 0.4, 2.0)],
    "china cabinet": [(1.2, 0.45, 1.9), (0.9, 0.4, 1.7), (1.6, 0.5, 2.1)],
    "fridge": [(0.7, 0.7, 1.8), (0.95, 0.8, 1.9), (0.55, 0.6, 1.5)],
    "mini fridge": [(0.5, 0.5, 0.85), (0.45, 0.45, 0.5), (0.55, 0.6, 0.9)],
    "wine fridge": [(0.3, 0.55, 0.8), (0.6, 0.6, 0.9), (0.45, 0.57, 0.85)],
    "display fridge": [(0.6, 0.6, 1.8), (1.3, 0.8, 2.1), (0.9, 0.7, 2.0)],
    "freezer": [(1.1, 0.7, 0.85), (0.6, 0.65, 1.85), (0.55, 0.6, 0.85)],
    "oven": [(0.6, 0.6, 0.9), (0.55, 0.55, 0.6), (0.76, 0.7, 0.92)],
    "stove": [(0.76, 0.65, 0.95), (0.5, 0.6, 0.85), (0.9, 0.7, 0.95)],
    "microwave": [(0.5, 0.38, 0.3), (0.6, 0.45, 0.35), (0.45, 0.33, 0.26)],
    "dishwasher": [(0.6, 0.6, 0.85), (0.45, 0.55, 0.8), (0.6, 0.65, 0.9)],
    "washing machine": [(0.6, 0.6, 0.85), (0.6, 0.55, 0.9), (0.7, 0.7, 1.0)],
    "dryer": [(0.6, 0.6, 0.85), (0.6, 0.55, 0.9), (0.7, 0.7, 1.0)],
    "vending machine": [(0.9, 0.8, 1.85), (1.2, 0.95, 1.95), (0.75, 0.75, 1.75)],
    "toilet": [(0.4, 0.7, 0.78), (0.36, 0.6, 0.7), (0.45, 0.78, 0.85)],
    "kitchen sink": [(0.8, 0.6, 0.9), (1.2, 0.65, 0.95), (0.6, 0.55, 0.85)],
    "bathroom sink": [(0.6, 0.45, 0.9), (0.8, 0.55, 0.95), (0.45, 0.35, 0.8)],
    "sink": [(0.6, 0.45, 0.9), (1.0, 0.65, 0.95), (0.45, 0.4, 0.8)],
    "bathtub": [(0.75, 1.7, 0.55), (0.7, 1.4, 0.45), (1.8, 0.85, 0.65)],
    "shower": [(0.9, 0.9, 2.0), (1.2, 0.8, 2.2), (0.8, 1.2, 1.9)],
    "toolbox": [(0.5, 0.22, 0.25), (0.35, 0.18, 0.15), (0.6, 0.3, 0.3)],
    "chest": [(0.9, 0.5, 0.5), (0.7, 0.4, 0.4), (1.2, 0.6, 0.65)],
    "toy box": [(0.7, 0.4, 0.45), (0.5, 0.35, 0.35), (0.9, 0.5, 0.6)],
}
# synonyms tested too: the category they share a generator with
ALIAS = {"refrigerator": "fridge", "washer": "washing machine", "cooktop": "stove", "utility sink": "sink"}
# the family modules designed with the casework
CASEWORK_MODULES = {"cabinets.cabinets", "cabinets.tall", "cabinets.chests", "appliances.cooling", "appliances.cooking",
                    "appliances.laundry", "bathroom.fixtures"}
# sizes outside the catalogue's ranges that the generators also handle
UNUSUAL = [("oven", (0.6, 0.6, 1.5)), ("oven", (0.45, 0.35, 0.3)), ("kitchen cabinet", (0.6, 0.6, 2.1)),
           ("freezer", (1.3, 0.8, 0.9)), ("fridge", (0.9, 0.75, 0.9)), ("dresser", (0.6, 0.4, 0.6))]
FIXED = {"bathtub"}
VARIED = ("dresser", "wardrobe", "cabinet", "fridge")
EPS = 1e-4


def _cat(name: str, size) -> Category:
    return Category(name=name, size_min=tuple(size), size_max=tuple(size))


def _mine() -> list[str]:
    """Every catalogue category (and the aliases tested) built with the casework (``assets/shapes/casework.py``)."""
    out = set(ALIAS)
    for key in catalog().categories:
        fn = generator_for(_cat(key, (1.0, 1.0, 1.0)))
        if fn.__module__.removeprefix("omni_generalist.assets.families.") in CASEWORK_MODULES:
            out.add(key)
    return sorted(out)


def _sizes(name: str):
    return SIZES[ALIAS.get(name, name)]


def _build(name: str, size, seed: int):
    stage = new_stage()
    UsdGeom.Xform.Define(stage, ROOT)
    built = build_asset(stage, ROOT, _cat(name, size), tuple(size), random.Random(seed))
    return stage, built


def _points(stage, root: str) -> list[list[tuple[float, float, float]]]:
    """The object-frame points of every mesh under ``root``, one list per mesh."""
    cache = UsdGeom.XformCache()
    out = []
    for prim in Usd.PrimRange(stage.GetPrimAtPath(root)):
        if prim.IsA(UsdGeom.Mesh):
            m = cache.GetLocalToWorldTransform(prim)
            pts = UsdGeom.Mesh(prim).GetPointsAttr().Get()
            out.append([tuple(m.Transform(Gf.Vec3d(p))) for p in pts])
    return out


def _aabb(pts):
    return tuple(min(p[i] for p in pts) for i in range(3)), tuple(max(p[i] for p in pts) for i in range(3))


def _moved(pts: np.ndarray, kind: str, axis: str, pivot, value: float) -> np.ndarray:
    """``pts`` (N×3) after the joint moved by ``value`` (metres, or degrees about ``axis`` through ``pivot``)."""
    d = {"X": 0, "Y": 1, "Z": 2}[axis]
    if kind == "prismatic":
        out = pts.copy()
        out[:, d] += value
        return out
    a = math.radians(value)
    c, s = math.cos(a), math.sin(a)
    i, j = [(1, 2), (2, 0), (0, 1)][d]  # right-hand rule: i -> j
    rel = pts - np.asarray(pivot)
    out = rel.copy()
    out[:, i] = rel[:, i] * c - rel[:, j] * s
    out[:, j] = rel[:, i] * s + rel[:, j] * c
    return out + np.asarray(pivot)


def _inside_any(pts: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """For every point, whether it lies strictly inside one of the boxes ``lo[k]..hi[k]``."""
    p = pts[:, None, :]
    return ((p > lo[None] + EPS) & (p < hi[None] - EPS)).all(axis=2).any(axis=1)


def _joints(stage, built):
    """``(kind, axis, lower, upper, link path, pivot)`` of every joint."""
    out = []
    for jp in built.joints:
        prim = stage.GetPrimAtPath(jp)
        kind = "revolute" if prim.IsA(UsdPhysics.RevoluteJoint) else "prismatic"
        j = UsdPhysics.Joint(prim)
        link = str(j.GetBody1Rel().GetTargets()[0])
        assert str(j.GetBody0Rel().GetTargets()[0]) == f"{ROOT}/body"
        pivot = tuple(j.GetLocalPos0Attr().Get())
        t = UsdGeom.Xformable(stage.GetPrimAtPath(link)).GetOrderedXformOps()[0].Get()
        assert all(abs(a - b) < 1e-5 for a, b in zip(pivot, t, strict=True)), "joint pivot is not the link's origin"
        out.append((kind, prim.GetAttribute("physics:axis").Get(), prim.GetAttribute("physics:lowerLimit").Get(),
                    prim.GetAttribute("physics:upperLimit").Get(), link, pivot))
    return out


def _check_asset(name: str, size, seed: int) -> None:
    stage, built = _build(name, size, seed)
    assert asset_problems(stage, ROOT, size) == [], (name, size, seed)
    assert 0 < len(built.parts) <= 80, (name, len(built.parts))
    w, d, h = size
    for sf in built.surfaces:
        assert -w / 2 - 1e-6 <= sf.x0 < sf.x1 <= w / 2 + 1e-6 and -d / 2 - 1e-6 <= sf.y0 < sf.y1 <= d / 2 + 1e-6
        assert 0.0 <= sf.z <= h + 1e-6 and sf.clearance > 0, (name, sf)
    if name in FIXED:
        assert built.joints == [] and built.links == []
        return
    assert built.joints, f"{name} has no joint"
    body_boxes = [_aabb(pts) for pts in _points(stage, f"{ROOT}/body")]
    assert body_boxes
    lo_b = np.array([b[0] for b in body_boxes])
    hi_b = np.array([b[1] for b in body_boxes])
    # every part is on a link: the carcass or a moving link
    assert all(p.startswith(tuple(f"{ln}/" for ln in built.links)) for p in built.parts), name
    for kind, axis, lo, hi, link, pivot in _joints(stage, built):
        meshes = _points(stage, link)
        pts = np.array([p for m in meshes for p in m])
        assert len(pts), link
        rel = pts - np.asarray(pivot)
        if kind == "prismatic":
            assert axis == "Y" and lo == 0.0 and hi > 0.1, (name, link, lo, hi)
            assert hi <= 0.85 * np.ptp(pts[:, 1]), (name, link, hi)
            target = hi
        elif axis == "Z":
            if rel[:, 0].mean() > 0:  # hinged on its left edge
                assert lo == 0.0 and 60.0 <= hi <= 180.0, (name, link, lo, hi)
                target = hi
            else:
                assert hi == 0.0 and -180.0 <= lo <= -60.0, (name, link, lo, hi)
                target = lo
        else:
            assert axis == "X", (name, link, axis)
            if rel[:, 2].mean() > rel[:, 1].mean():  # a drop-down door hinged at its bottom edge
                assert hi == 0.0 and -180.0 <= lo <= -60.0, (name, link, lo, hi)
                target = lo
            else:  # a lid hinged at its back edge
                assert lo == 0.0 and 60.0 <= hi <= 180.0, (name, link, lo, hi)
                target = hi
        # the panel moves out: forward (doors, drawers) or up (lids)
        shift = _moved(pts, kind, axis, pivot, target).mean(axis=0) - pts.mean(axis=0)
        assert shift[1] > 0.02 or shift[2] > 0.02, (name, link, shift)
        # closed, on the way and open, no point of the panel is inside the carcass
        for frac in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
            q = _moved(pts, kind, axis, pivot, frac * target)
            bad = _inside_any(q, lo_b, hi_b)
            assert not bad.any(), (name, size, seed, link, frac, q[bad][:3])
        # closed, the moving part does not touch the carcass (a gap of 1 mm or more on some axis)
        for m in meshes:
            a_lo, a_hi = np.array(_aabb(m))
            overlap = (np.minimum(a_hi[None], hi_b) - np.maximum(a_lo[None], lo_b)).min(axis=1)
            assert (overlap <= -0.001).all(), (name, size, seed, link, body_boxes[int(np.argmax(overlap))])


MINE = _mine()


def test_module_registers_the_openable_families():
    for name in ("cabinet", "kitchen cabinet", "wall cabinet", "filing cabinet", "nightstand", "dresser", "wardrobe",
                 "locker", "tool cabinet", "fridge", "refrigerator", "freezer", "oven", "stove", "microwave",
                 "dishwasher", "washing machine", "washer", "dryer", "toilet", "kitchen sink", "bathroom sink",
                 "sink", "bathtub", "shower", "vending machine", "display case", "toolbox"):
        assert name in MINE, name
    unknown = [n for n in MINE if ALIAS.get(n, n) not in SIZES]
    assert not unknown, f"give these names sizes in the test: {unknown}"


FAMILIES = [n for n in MINE if n in SIZES]
ALIASES = [n for n in MINE if n not in SIZES]


@pytest.mark.parametrize("name", FAMILIES)
def test_assets_are_correct_and_open_freely(name):
    for i, size in enumerate(SIZES[name]):
        _check_asset(name, size, seed=i + 3 * len(name))


@pytest.mark.parametrize("name", ALIASES)
def test_other_names_build_their_family(name):
    """The other registered names share a family's generator (fully checked above): build them."""
    assert generator_for(_cat(name, (1, 1, 1))) is generator_for(_cat(ALIAS[name], (1, 1, 1)))
    for i, size in enumerate(_sizes(name)):
        stage, built = _build(name, size, i)
        assert asset_problems(stage, ROOT, size) == [], (name, size)
        assert 0 < len(built.parts) <= 80
        assert bool(built.joints) == (name not in FIXED), name


@pytest.mark.parametrize("name", VARIED)
def test_many_seeds(name):
    for seed in range(6):
        _check_asset(name, SIZES[name][seed % 3], seed=100 + seed)


@pytest.mark.parametrize("name, size", UNUSUAL)
def test_unusual_sizes(name, size):
    for seed in range(2):
        _check_asset(name, size, seed)


def test_same_seed_same_layer_and_seeds_vary():
    for name in VARIED:
        size = _sizes(name)[0]
        a = _build(name, size, 5)[0].GetRootLayer().ExportToString()
        b = _build(name, size, 5)[0].GetRootLayer().ExportToString()
        assert a == b, name
        c = _build(name, size, 6)[0].GetRootLayer().ExportToString()
        assert a != c, name


def test_conventions_by_example():
    # a wardrobe: two doors, the left one opening with positive angles, the right one with negative
    stage, built = _build("wardrobe", (1.2, 0.6, 2.0), 1)
    doors = [j for j in _joints(stage, built) if j[0] == "revolute"]
    assert len(doors) == 2
    left = min(doors, key=lambda j: j[5][0])
    right = max(doors, key=lambda j: j[5][0])
    assert left[5][0] == pytest.approx(-0.6) and (left[2], left[3]) == (0.0, 110.0)
    assert right[5][0] == pytest.approx(0.6) and (right[2], right[3]) == (-110.0, 0.0)
    # a dishwasher: a drop-down door about X opening towards the front
    stage, built = _build("dishwasher", (0.6, 0.6, 0.85), 1)
    ((kind, axis, lo, hi, _, _),) = _joints(stage, built)
    assert (kind, axis, hi) == ("revolute", "X", 0.0) and lo < 0
    # a toilet: a lid about X lifting with positive angles; a bathtub has no joint
    stage, built = _build("toilet", (0.4, 0.7, 0.78), 1)
    ((kind, axis, lo, hi, _, _),) = _joints(stage, built)
    assert (kind, axis, lo) == ("revolute", "X", 0.0) and hi >= 90.0
    assert _build("bathtub", (0.75, 1.7, 0.55), 1)[1].joints == []
    # a dresser: every drawer slides along +Y; its top is a surface
    stage, built = _build("dresser", (1.2, 0.5, 0.8), 2)
    assert all(j[0] == "prismatic" and j[1] == "Y" for j in _joints(stage, built))
    assert any(abs(sf.z - 0.8) < 1e-6 for sf in built.surfaces)
    # a fridge has shelves (surfaces below its top)
    stage, built = _build("fridge", (0.7, 0.7, 1.8), 3)
    assert any(sf.z < 1.7 for sf in built.surfaces)
