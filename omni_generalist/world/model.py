"""Typed read access to a world: its rooms and its objects, read back from the USD stage
(either layout of docs/world-format.md; where things are: :mod:`.layout`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pxr import Gf, Usd, UsdGeom

from .geometry import Footprint, Point
from .layout import object_prims, room_of, room_prims
from .metadata import get_info, semantic_classes
from .stage import LEGACY_ROOM


@dataclass(frozen=True)
class WallInfo:
    """One straight wall of the room: from ``start`` to ``end`` with the room on its left."""

    name: str
    index: int
    start: Point
    end: Point
    path: str

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def direction(self) -> Point:
        n = self.length or 1.0
        return ((self.end[0] - self.start[0]) / n, (self.end[1] - self.start[1]) / n)

    @property
    def inward(self) -> Point:
        """Unit normal pointing into the room."""
        dx, dy = self.direction
        return (-dy, dx)

    @property
    def facing_yaw(self) -> float:
        """Yaw (degrees) of an object whose back is against this wall (its front, +Y, points inward)."""
        nx, ny = self.inward
        return math.degrees(math.atan2(ny, nx)) - 90.0

    def point(self, offset: float, inset: float = 0.0) -> Point:
        """Return the point ``offset`` meters along the wall, ``inset`` meters into the room."""
        dx, dy = self.direction
        nx, ny = self.inward
        return (self.start[0] + dx * offset + nx * inset, self.start[1] + dy * offset + ny * inset)


@dataclass(frozen=True)
class OpeningInfo:
    """A door or window opening in a wall."""

    kind: str
    name: str
    path: str
    wall: str
    offset: float
    width: float
    bottom: float
    top: float


@dataclass(frozen=True)
class RoomInfo:
    """The room shell: floor polygon, height, walls, doors and windows."""

    room_type: str
    polygon: list[Point]
    height: float
    wall_thickness: float
    walls: list[WallInfo]
    doors: list[OpeningInfo]
    windows: list[OpeningInfo]
    floor_material: str = ""
    wall_material: str = ""
    name: str = "room"
    """The room's name (``bedroom_1``, ``kitchen``; a one-room world: its type, ``living_room``)."""
    path: str = "/World/Rooms/room"
    """Its prim (``/World/Rooms/<name>``; ``/World/Room`` in a world of the old layout)."""

    def part(self, name: str) -> str:
        """The path of a part of the room's shell: ``Floor``, ``Ceiling``, ``Walls``, ``Doors``, ``Windows``."""
        return f"{self.path}/{name}"

    @property
    def floor(self) -> str:
        """The path of its floor (what objects standing in it record as their support)."""
        return self.part("Floor")

    @property
    def ceiling(self) -> str:
        return self.part("Ceiling")

    def wall(self, key: str | int) -> WallInfo:
        """Find a wall by index, name (``north``/``south``/``east``/``west`` or ``wall_3``) or path."""
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            idx = int(key)
            if 0 <= idx < len(self.walls):
                return self.walls[idx]
        else:
            low = key.strip().lower()
            for w in self.walls:
                if low in (w.name, w.path.lower(), f"wall_{w.index}"):
                    return w
            # compass words on non-rectangular rooms: the longest wall facing that way
            dirs = {"north": (0, -1), "south": (0, 1), "east": (-1, 0), "west": (1, 0)}
            if low in dirs:
                want = dirs[low]
                cands = [w for w in self.walls if w.inward[0] * want[0] + w.inward[1] * want[1] > 0.7]
                if cands:
                    return max(cands, key=lambda w: w.length)
        names = ", ".join(w.name for w in self.walls)
        raise KeyError(f"no wall {key!r} (walls: {names})")


@dataclass(frozen=True)
class ObjectInfo:
    """An object of the world as the policy sees it."""

    name: str
    path: str
    category: str
    position: tuple[float, float, float]
    yaw: float
    size: tuple[float, float, float]
    material: str
    support: str
    movable: bool
    articulated: bool
    placement: str = ""
    labels: tuple[str, ...] = ()
    room: str = ""
    """The room it is in (``""``: a world of the old layout, or a prim of no room)."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def footprint(self) -> Footprint:
        """The oriented rectangle the object covers on the floor (made once: placement asks it often)."""
        return Footprint(self.position[0], self.position[1], self.size[0], self.size[1], self.yaw)

    @property
    def bounds(self) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
        """World-space axis-aligned bounds ``((xmin, ymin, zmin), (xmax, ymax, zmax))``."""
        x0, y0, x1, y1 = self.footprint.aabb
        return (x0, y0, self.bottom), (x1, y1, self.top)

    @property
    def bottom(self) -> float:
        return self.position[2]

    @property
    def top(self) -> float:
        return self.position[2] + self.size[2]


def _yaw_from_prim(prim: Usd.Prim) -> tuple[tuple[float, float, float], float]:
    xf = UsdGeom.Xformable(prim)
    pos = (0.0, 0.0, 0.0)
    yaw = 0.0
    for op in xf.GetOrderedXformOps():
        if op.GetOpType() == UsdGeom.XformOp.TypeTranslate:
            v = op.Get()
            pos = (float(v[0]), float(v[1]), float(v[2]))
        elif op.GetOpType() == UsdGeom.XformOp.TypeOrient:
            q = op.Get()
            r = Gf.Rotation(Gf.Quatd(q.GetReal(), Gf.Vec3d(q.GetImaginary())))
            yaw = math.degrees(2.0 * math.atan2(q.GetImaginary()[2], q.GetReal())) if r else 0.0
        elif op.GetOpType() == UsdGeom.XformOp.TypeRotateZ:
            yaw = float(op.Get())
        elif op.GetOpType() == UsdGeom.XformOp.TypeRotateXYZ:  # what Replicator's modify.pose writes
            yaw = float(op.Get()[2])
        elif op.GetOpType() == UsdGeom.XformOp.TypeTransform:  # a moved object that had other ops
            m = Gf.Matrix4d(op.Get())
            t, x_axis = m.ExtractTranslation(), m.GetRow3(0)
            pos = (float(t[0]), float(t[1]), float(t[2]))
            yaw = math.degrees(math.atan2(x_axis[1], x_axis[0]))
    return pos, _norm_yaw(yaw)


def _norm_yaw(yaw: float) -> float:
    yaw = math.fmod(yaw, 360.0)
    if yaw < 0:
        yaw += 360.0
    return round(yaw, 6) % 360.0


def object_info(prim: Usd.Prim) -> ObjectInfo:
    """Read one object root (``/World/Objects/<room>/<name>`` or, in the old layout,
    ``/World/Objects/<name>``) into an :class:`ObjectInfo`."""
    info = get_info(prim)
    if not info.get("category") or info.get("raw"):  # authored with plain pxr: pose and size from its bounds
        from .raw import raw_label, raw_object_geometry

        pos, yaw, size = raw_object_geometry(prim)
        info = {"category": raw_label(prim), "movable": any(size), **{k: v for k, v in info.items() if v != ""}}
        info["size"] = size
    else:
        pos, yaw = _yaw_from_prim(prim)
        size = tuple(float(v) for v in info.get("size", (0.0, 0.0, 0.0)))
    known = {"category", "material", "support", "movable", "articulated", "size", "placement", "room"}
    return ObjectInfo(
        name=prim.GetName(), path=str(prim.GetPath()), category=str(info.get("category", "")),
        position=pos, yaw=yaw, size=size, material=str(info.get("material", "")),
        support=str(info.get("support", "")), movable=bool(info.get("movable", False)),
        articulated=bool(info.get("articulated", False)), placement=str(info.get("placement", "")),
        labels=tuple(semantic_classes(prim)), room=room_of(prim),
        extra={k: v for k, v in info.items() if k not in known},
    )


def list_objects(stage: Usd.Stage) -> list[ObjectInfo]:
    """Return every active object (of every room), in stage order."""
    return [object_info(p) for p in object_prims(stage)]


def rooms(stage: Usd.Stage) -> list[RoomInfo]:
    """Every room of the world: a home's rooms, or the one room (an empty list before there is one)."""
    from .home import home_rooms, is_home

    if is_home(stage):
        return home_rooms(stage)
    one = room_info(stage)
    return [one] if one is not None else []


def room_info(stage: Usd.Stage) -> RoomInfo | None:
    """Return the room shell, or None when the world has no room yet. For a home: the whole home
    as one room (its outline, the entrance as its door), for readers of one room (docs/homes.md)."""
    prims = room_prims(stage)
    if not prims or get_info(prims[0]).get("home_room"):
        from .home import home_outline

        return home_outline(stage)
    prim = prims[0]
    info = get_info(prim)
    flat = info["polygon"]
    base = prim.GetPath()
    poly = [(float(flat[i]), float(flat[i + 1])) for i in range(0, len(flat), 2)]
    names = list(info.get("wall_names", [])) or [f"wall_{i}" for i in range(len(poly))]
    walls = [WallInfo(names[i], i, poly[i], poly[(i + 1) % len(poly)], str(base.AppendPath(f"Walls/wall_{i}")))
             for i in range(len(poly))]
    openings: dict[str, list[OpeningInfo]] = {"door": [], "window": []}
    for parent in ("Doors", "Windows"):
        group = prim.GetChild(parent)
        if not group:
            continue
        for child in group.GetChildren():
            if not child.IsActive():
                continue
            d = get_info(child)
            kind = str(d.get("category", ""))
            if kind in openings:
                openings[kind].append(OpeningInfo(kind, child.GetName(), str(child.GetPath()), str(d.get("wall", "")),
                                                  float(d.get("offset", 0)), float(d.get("width", 0)),
                                                  float(d.get("bottom", 0)), float(d.get("top", 0))))
    return RoomInfo(room_type=str(info.get("room_type", "room")), polygon=poly, height=float(info.get("height", 2.7)),
                    wall_thickness=float(info.get("wall_thickness", 0.12)), walls=walls,
                    doors=openings["door"], windows=openings["window"],
                    floor_material=str(info.get("floor_material", "")), wall_material=str(info.get("material", "")),
                    name=prim.GetName() if base != LEGACY_ROOM else "room", path=str(base))
