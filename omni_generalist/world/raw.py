"""Objects a policy authored with plain ``pxr`` calls (no action-API metadata) made into full objects.

A prim a policy defines under ``/World/Objects`` (directly, or in a room's group
``/World/Objects/<room>``) with ``stage.DefinePrim``,
``UsdGeom.Mesh.Define``, ``UsdGeom.Cube.Define``, a reference, ... has no ``customData["generalist"]``.
:func:`raw_object_geometry` gives such a prim the pose and size the world model needs (from its
bounds), and :func:`adopt_raw_objects` writes the label and metadata every object carries
(docs/design.md §3), so that physics authoring, validation, rendering, datasets and the Isaac Lab
export treat it like any object. Its class is the label the policy gave (``UsdSemantics.LabelsAPI``
instance ``class``, or Isaac's older ``semantic:Semantics:params:semanticData``), else ``object``.
"""

from __future__ import annotations

from pxr import Gf, Usd, UsdGeom, UsdShade

from .layout import floor_of, object_prims, room_of
from .metadata import get_info, label, semantic_classes, set_info
from .stage import LEGACY_ROOM

RAW_LABEL = "object"
"""The class of a raw object that carries no label of its own."""
_SUPPORT_TOL = 0.03


def is_raw(prim: Usd.Prim) -> bool:
    """True for an object prim whose metadata the action API did not write (or that was adopted)."""
    info = get_info(prim)
    return not info.get("category") or bool(info.get("raw"))


def raw_label(prim: Usd.Prim) -> str:
    """The class the policy gave the prim, else ``object``."""
    classes = semantic_classes(prim)
    if classes:
        return classes[0].strip().lower() or RAW_LABEL
    legacy = prim.GetAttribute("semantic:Semantics:params:semanticData")
    if legacy and legacy.Get():
        return str(legacy.Get()).strip().lower()
    return RAW_LABEL


def raw_object_geometry(prim: Usd.Prim) -> tuple[tuple[float, float, float], float, tuple[float, float, float]]:
    """Position (centre of the bottom face), yaw (0: the box is world-aligned) and size of a raw object."""
    cache = UsdGeom.BBoxCache(Usd.TimeCode.Default(), [UsdGeom.Tokens.default_, UsdGeom.Tokens.render])
    rng = cache.ComputeWorldBound(prim).ComputeAlignedRange()
    if rng.IsEmpty():
        t = UsdGeom.Xformable(prim).ComputeLocalToWorldTransform(Usd.TimeCode.Default()).ExtractTranslation() \
            if prim.IsA(UsdGeom.Xformable) else (0.0, 0.0, 0.0)
        return (float(t[0]), float(t[1]), float(t[2])), 0.0, (0.0, 0.0, 0.0)
    lo, hi = rng.GetMin(), rng.GetMax()
    pos = ((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, lo[2])
    return (tuple(round(float(v), 6) for v in pos), 0.0,
            tuple(round(float(hi[i] - lo[i]), 6) for i in range(3)))


def _material(prim: Usd.Prim) -> str:
    for p in Usd.PrimRange(prim):
        mat, _ = UsdShade.MaterialBindingAPI(p).ComputeBoundMaterial()
        if mat:
            data = mat.GetPrim().GetCustomData()
            return str(data.get("generalist:material", mat.GetPrim().GetName())).replace("_", " ").lower()
    return "unknown"


def _room_at(stage: Usd.Stage, prim: Usd.Prim, pos):
    """The room a raw object is in: its group's, else the room its position lies in (None: no room)."""
    from .geometry import point_in_polygon
    from .model import rooms

    every = rooms(stage)
    named = room_of(prim)
    for r in every:
        if r.name == named or (not named and point_in_polygon((pos[0], pos[1]), r.polygon)):
            return r
    return every[0] if len(every) == 1 else None


def _support(stage: Usd.Stage, prim: Usd.Prim, pos, others, room) -> str:
    if pos[2] <= _SUPPORT_TOL:
        return floor_of(room.path if room is not None else None)
    for o in others:
        if o.path == str(prim.GetPath()) or abs(o.top - pos[2]) > _SUPPORT_TOL:
            continue
        (x0, y0, _), (x1, y1, _) = o.bounds
        if x0 <= pos[0] <= x1 and y0 <= pos[1] <= y1:
            return o.path
    return ""


def adopt_raw_objects(stage: Usd.Stage) -> list[str]:
    """Label every raw object under ``/World/Objects`` and give it the metadata objects carry.

    A raw object with geometry is movable (a rigid body once physics is authored); one without
    (an empty ``Xform``) is not. Idempotent: an adopted prim keeps ``raw = True`` and is refreshed.
    Returns the paths adopted.
    """
    from .model import list_objects

    raw = [p for p in object_prims(stage) if is_raw(p)]
    if not raw:
        return []
    others = list_objects(stage)
    out = []
    for prim in raw:
        pos, _, size = raw_object_geometry(prim)
        info = get_info(prim)
        category = str(info.get("category") or raw_label(prim))
        has_geometry = any(size)
        room = _room_at(stage, prim, pos)
        label(prim, category, str(info.get("material") or _material(prim)),
              str(info.get("support") or _support(stage, prim, pos, others, room)),
              movable=bool(info.get("movable", has_geometry)), articulated=False)
        set_info(prim, raw=True, size=list(size))
        if room is not None and room.path != str(LEGACY_ROOM):
            set_info(prim, room=room.name)
        out.append(str(prim.GetPath()))
    return out


def transform_about(prim: Usd.Prim, pivot, offset, degrees: float) -> None:
    """Turn ``prim`` by ``degrees`` about the vertical axis through ``pivot`` and move it by ``offset``
    (world space), whatever transform ops it has; its transform becomes one matrix op.

    Used by the move and rotate actions on raw objects, whose pose is their bounds, not their ops.
    """
    xf = UsdGeom.Xformable(prim)
    now = Usd.TimeCode.Default()
    world = xf.ComputeLocalToWorldTransform(now)
    parent = xf.ComputeParentToWorldTransform(now)
    p = Gf.Vec3d(*(float(v) for v in pivot))
    delta = (Gf.Matrix4d().SetTranslate(-p) * Gf.Matrix4d().SetRotate(Gf.Rotation(Gf.Vec3d(0, 0, 1), float(degrees)))
             * Gf.Matrix4d().SetTranslate(p + Gf.Vec3d(*(float(v) for v in offset))))
    local = world * delta * parent.GetInverse()
    xf.MakeMatrixXform().Set(Gf.Matrix4d(*[round(v, 9) for row in local for v in row]))
