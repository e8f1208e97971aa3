"""World measures for layout: floor coverage, room area, object counts, single-cuboid objects,
objects made from words that are not concrete nouns, and requested counts, read from the USD alone.

The category sets and word lists are data (``arrangement.toml`` beside this module).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from pxr import Gf, Usd, UsdGeom

from ..assets.catalog import catalog
from ..policy.procedural.parse import singular  # the parser's: irregular plurals too ("cacti" is cactus)
from ..world.geometry import point_in_polygon, polygon_area, polygon_bounds
from ..world.model import ObjectInfo
from .arrangement import WorldView, category_set, is_small, names, rule_data

GRID = 0.05
"""Cell size (m) of the raster floor coverage is measured on."""
CUBOID_FILL = 0.95
"""Share of its bounding box an object's convex hull must fill to count as a cuboid."""
CUBOID_PARTS = 2
"""Most parts (gprims) a hull-filling object may have to count as a single-cuboid placeholder:
books, paintings and cabinets are box-shaped too, but built from several parts."""


def floor_area(w: WorldView) -> float:
    """Floor area (m²) of the room polygon (0 without a room)."""
    return polygon_area(w.room.polygon) if w.room else 0.0


def floor_objects(w: WorldView) -> list[ObjectInfo]:
    """Objects standing on the floor, floor textiles (rugs, mats) aside."""
    textiles = category_set("floor_textile")
    return [o for o in w.objects if w.on_floor(o) and not names(o) & textiles and o.placement not in
            ("on_wall", "on_ceiling")]


def floor_coverage(w: WorldView) -> float:
    """Share of the floor covered by footprints of floor-standing objects (union, rugs aside)."""
    if w.room is None:
        return 0.0
    x0, y0, x1, y1 = polygon_bounds(w.room.polygon)
    xs = np.arange(x0 + GRID / 2, x1, GRID)
    ys = np.arange(y0 + GRID / 2, y1, GRID)
    gx, gy = np.meshgrid(xs, ys)
    inside = np.array([point_in_polygon((float(x), float(y)), w.room.polygon) for x, y in zip(gx.ravel(), gy.ravel(), strict=True)])
    covered = np.zeros(gx.size, dtype=bool)
    px, py = gx.ravel(), gy.ravel()
    for o in floor_objects(w):
        fp = o.footprint
        a = np.radians(fp.yaw)
        dx, dy = px - fp.x, py - fp.y
        lx, ly = np.cos(a) * dx + np.sin(a) * dy, -np.sin(a) * dx + np.cos(a) * dy
        covered |= (np.abs(lx) <= fp.w / 2) & (np.abs(ly) <= fp.d / 2)
    n = int(inside.sum())
    return float((covered & inside).sum() / n) if n else 0.0


def _gprim_points(prim: Usd.Prim, to_obj: Gf.Matrix4d, cache: UsdGeom.XformCache) -> np.ndarray:
    m = cache.GetLocalToWorldTransform(prim) * to_obj
    if prim.IsA(UsdGeom.Mesh):
        pts = UsdGeom.Mesh(prim).GetPointsAttr().Get() or []
    else:
        ext = UsdGeom.Boundable(prim).GetExtentAttr().Get() or UsdGeom.Boundable.ComputeExtentFromPlugins(
            UsdGeom.Boundable(prim), Usd.TimeCode.Default())
        if not ext:
            return np.zeros((0, 3))
        lo, hi = ext[0], ext[1]
        pts = [Gf.Vec3f(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return np.array([list(m.Transform(Gf.Vec3d(p))) for p in pts], dtype=float).reshape(-1, 3)


def cuboid_kind(stage: Usd.Stage, obj: ObjectInfo) -> str:
    """``"box"`` for an object built from one box; ``"hull"`` when its parts' convex hull fills more
    than 95 % of its bounding box and it has at most :data:`CUBOID_PARTS` parts (a placeholder);
    ``"shape"`` when the hull fills that much but it has more parts (a box-shaped thing such as a
    book or a cabinet); else ``""``."""
    root = stage.GetPrimAtPath(obj.path)
    if not root:
        return ""
    gprims = [p for p in Usd.PrimRange(root) if p.IsA(UsdGeom.Gprim) and p.IsActive()
              and UsdGeom.Imageable(p).ComputePurpose() in (UsdGeom.Tokens.default_, UsdGeom.Tokens.render)]
    if not gprims:
        return ""
    if len(gprims) == 1 and (gprims[0].IsA(UsdGeom.Cube) or (gprims[0].IsA(UsdGeom.Mesh) and len(
            UsdGeom.Mesh(gprims[0]).GetPointsAttr().Get() or []) == 8)):
        return "box"
    cache = UsdGeom.XformCache()
    to_obj = cache.GetLocalToWorldTransform(root).GetInverse()
    pts = np.concatenate([_gprim_points(p, to_obj, cache) for p in gprims])
    if len(pts) < 4:
        return ""
    span = pts.max(axis=0) - pts.min(axis=0)
    box = float(np.prod(span))
    if box <= 1e-12:
        return ""
    from scipy.spatial import ConvexHull, QhullError

    try:
        hull = ConvexHull(pts).volume
    except QhullError:
        return ""
    if hull / box <= CUBOID_FILL:
        return ""
    return "hull" if len(gprims) <= CUBOID_PARTS else "shape"


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for name in catalog().names():
        words.update(re.findall(r"[a-z0-9]+", name.lower()))
    return frozenset(words)


def is_concrete_noun_phrase(text: str) -> bool:
    """Judge whether a phrase's head word (its last word before a preposition) is a concrete noun.

    A head word in the catalogue's vocabulary is one; a word on the ``not_nouns`` list, or (outside
    the vocabulary) with an adjective, verb or abstract-noun suffix, is not. Anything else counts as
    a noun (an unknown thing named by a noun is allowed as a labelled generic object).
    """
    data = rule_data()["words"]
    words = re.findall(r"[a-z]+", text.lower())
    stops = set(data["stops"])
    for i, word in enumerate(words[1:], start=1):
        if word in stops:
            words = words[:i]
            break
    if not words:
        return False
    head = words[-1]
    if head in set(data["not_nouns"]) or singular(head) in set(data["not_nouns"]):
        return False
    if head in _vocabulary() or singular(head) in _vocabulary():
        return True
    return not any(head.endswith(s) and len(head) > len(s) + 2 for s in data["suffixes"])


def _names_a_thing(text: str) -> bool:
    """True when some word of ``text`` (or its singular) is a noun of the catalogue's vocabulary."""
    bad = set(rule_data()["words"]["not_nouns"])
    for word in re.findall(r"[a-z]+", text.lower()):
        if word not in bad and (word in _vocabulary() or singular(word) in _vocabulary()):
            return True
    return False


def non_noun_objects(w: WorldView) -> list[str]:
    """Names of objects made from words that are not concrete nouns.

    A generic object (a category the catalogue does not know) is judged by its category name
    (:func:`is_concrete_noun_phrase`); a known one by its ``source_text``, which must hold some noun
    of the catalogue's vocabulary (a known kind matched from "visibility" or "far" does not).
    """
    out = []
    for o in w.objects:
        text = o.extra.get("source_text")
        if o.extra.get("generic"):
            if not is_concrete_noun_phrase(o.category):
                out.append(o.name)
        elif text and not _names_a_thing(str(text)):
            out.append(o.name)
    return out


def requested_counts(w: WorldView) -> list[dict[str, Any]]:
    """Check each suite requirement's count: exactly ``min`` when ``exact``, else at least ``min``.

    An ``on`` condition narrows the counted objects to those resting on one of its categories.
    """
    out = []
    for req in w.require:
        wanted = {a.lower() for a in req.get("any", [])}
        found = [o for o in w.objects if names(o) & wanted]
        if req.get("on"):
            sup = {s.lower() for s in req["on"]}
            found = [o for o in found if o.support in w.by_path and names(w.by_path[o.support]) & sup]
        need = int(req.get("min", 1))
        exact = bool(req.get("exact"))
        ok = len(found) == need if exact else len(found) >= need
        out.append({"any": req.get("any", []), "min": need, "exact": exact, "found": len(found), "ok": ok})
    return out


@dataclass
class WorldMeasures:
    """The layout measures of one world."""

    area_m2: float
    coverage: float
    objects: int
    small_objects: int
    cuboid_box: list[str] = field(default_factory=list)
    cuboid_hull: list[str] = field(default_factory=list)
    box_shaped: int = 0
    non_noun: list[str] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"area_m2": round(self.area_m2, 3), "coverage": round(self.coverage, 4), "objects": self.objects,
                "small_objects": self.small_objects, "cuboid_box": self.cuboid_box, "cuboid_hull": self.cuboid_hull,
                "box_shaped": self.box_shaped, "non_noun": self.non_noun, "counts": self.counts}


def _boxlike(category: str) -> bool:
    """Whether the knowledge base tags a category as genuinely box-shaped (``boxlike``)."""
    from ..assets.catalog import catalog

    cat = catalog().find(category)
    return cat is not None and "boxlike" in cat.tags


def measure_world(w: WorldView) -> WorldMeasures:
    """Compute every layout measure of a world."""
    box, hull, shaped = [], [], 0
    for o in w.objects:
        kind = cuboid_kind(w.stage, o)
        if kind in ("box", "hull") and _boxlike(o.category):
            kind = "shape"  # a box, a crate, a stack of paper: a cuboid is what it is, not a placeholder
        (box if kind == "box" else hull if kind == "hull" else []).append(o.name)
        shaped += kind == "shape"
    return WorldMeasures(area_m2=floor_area(w), coverage=floor_coverage(w), objects=len(w.objects),
                         small_objects=sum(is_small(o) for o in w.objects), cuboid_box=box, cuboid_hull=hull,
                         box_shaped=shaped, non_noun=non_noun_objects(w), counts=requested_counts(w))


__all__ = ["WorldMeasures", "cuboid_kind", "floor_area", "floor_coverage", "is_concrete_noun_phrase",
           "measure_world", "non_noun_objects", "requested_counts"]
