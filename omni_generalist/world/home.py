"""Homes: several rooms on one stage under ``/World/Rooms/<room>`` (docs/homes.md, docs/world-format.md).

Each room prim holds ``Floor``, ``Ceiling``, ``Walls/<side>`` (the wall segments it owns),
``Doors`` and ``Windows``, and records in ``customData["generalist"]`` its ``room_type``, ``kind``,
``rect`` (on the wall centre lines) and ``polygon`` (its inner floor, counter-clockwise). A wall two
rooms share is built once, by the first room in stage order, centred on their shared line; a door
between two rooms is authored once, under the first room, and records both (``connects``) and
its centre and axis, so each room reads it in its own wall frame. ``/World/Rooms`` itself records
``home = True`` with the building, wall thickness and height.

A world of one room has one room under ``/World/Rooms`` too, without ``home``
(:func:`.model.room_info`); :func:`is_home` tells them apart.
"""

from __future__ import annotations

from pxr import Usd, UsdGeom

from ..assets.materials import MaterialChoice, bind_material, ensure_material
from ..assets.toolkit import box_part, prism_part
from .geometry import inset_rectilinear, rect_outline, rectilinear_edges
from .metadata import get_info, label, set_info
from .model import OpeningInfo, RoomInfo, WallInfo
from .stage import ROOMS

SIDES = ("south", "east", "north", "west")
SLAB = 0.1


def is_home(stage: Usd.Stage) -> bool:
    """True for a world with several rooms under ``/World/Rooms``."""
    prim = stage.GetPrimAtPath(ROOMS)
    return bool(prim) and bool(get_info(prim).get("home"))


def _wall_names(outline) -> list[str]:
    """A room's wall names: south, east, north, west for a rectangle, ``wall_<i>`` otherwise."""
    return list(SIDES) if len(outline) == 4 else [f"wall_{i}" for i in range(len(outline))]


def _wall_at(outline, t: float, center, axis: str) -> tuple[int, float] | None:
    """Which wall of a room (index into its outline's edges) a point on a wall centre line lies on,
    and its offset along that wall's inner face (from the wall's start, counter-clockwise)."""
    inner = inset_rectilinear(list(outline), t / 2)
    cx, cy = center
    for i, (_side, ax, line, lo, hi) in enumerate(rectilinear_edges(list(outline))):
        along, across = (cx, cy) if ax == "x" else (cy, cx)
        if ax == axis and abs(across - line) < 1e-3 and lo - 1e-3 <= along <= hi + 1e-3:
            start = inner[i][0] if ax == "x" else inner[i][1]
            return i, abs(along - start)
    return None


def author_home(stage: Usd.Stage, plan, floor: dict[str, MaterialChoice], walls: MaterialChoice,
                ceiling: MaterialChoice, door_mat: MaterialChoice, glass: MaterialChoice) -> None:
    """Author a solved :class:`~..policy.procedural.floorplan.FloorPlan` under ``/World/Rooms``.

    Args:
        stage: the world's stage (it must have no room yet).
        plan: the floor plan.
        floor: floor material per room name.
        walls: wall material (one for the home).
        ceiling: ceiling material.
        door_mat: door material.
        glass: window pane material.
    """
    from ..policy.procedural.floorplan import shared_segments

    t, h = plan.wall_thickness, plan.height
    root = UsdGeom.Xform.Define(stage, ROOMS).GetPrim()
    x0, y0, x1, y1 = plan.bounds
    set_info(root, home=True, building=plan.building, wall_thickness=t, height=h,
             outline=[x0, y0, x1, y1], rooms=[r.name for r in plan.rooms])
    wall_mat = ensure_material(stage, walls)
    order = {r.name: i for i, r in enumerate(plan.rooms)}
    by = {r.name: r for r in plan.rooms}
    for i, r in enumerate(plan.rooms):
        path = ROOMS.AppendChild(r.name)
        prim = UsdGeom.Xform.Define(stage, path).GetPrim()
        outline = r.outline
        poly = inset_rectilinear(outline, t / 2)
        names = _wall_names(outline)
        fl = floor[r.name]
        label(prim, "room", walls.label, "", False, False, room_type=r.type, kind=r.kind, zone=r.zone,
              rect=list(r.rect), outline=[c for p in outline for c in p], polygon=[round(c, 4) for p in poly for c in p],
              height=h, wall_thickness=t, wall_names=names, floor_material=fl.label, home_room=True,
              **({"ensuite_of": r.ensuite_of} if r.ensuite_of else {}))
        fmesh = prism_part(stage, path.AppendChild("Floor"), outline, -SLAB, 0.0)
        label(fmesh.GetPrim(), "floor", fl.label, "", False, False)
        bind_material(fmesh.GetPrim(), ensure_material(stage, fl))
        cmesh = prism_part(stage, path.AppendChild("Ceiling"), outline, h, h + SLAB)
        label(cmesh.GetPrim(), "ceiling", ceiling.label, "", False, False)
        bind_material(cmesh.GetPrim(), ensure_material(stage, ceiling))
        for group in ("Walls", "Doors", "Windows"):
            UsdGeom.Xform.Define(stage, path.AppendChild(group))
        # this room's walls, less the parts an earlier room already built
        for side, (_facing, axis, line, lo, hi) in zip(names, rectilinear_edges(outline), strict=True):
            pieces = [(lo, hi)]
            for other in plan.rooms:
                if other is r or order[other.name] > i:
                    continue
                for ax, ln, a, b in shared_segments(r, other):
                    if ax == axis and abs(ln - line) < 1e-6:
                        pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[1] - p[0] > 1e-6]
            wprim = UsdGeom.Xform.Define(stage, path.AppendChild("Walls").AppendChild(side)).GetPrim()
            label(wprim, "wall", walls.label, str(path.AppendChild("Floor")), False, False, wall=side)
            bind_material(wprim, wall_mat)
            cuts = [(d.center[0] if axis == "x" else d.center[1], d.width, 0.0, 2.1) for d in plan.doors
                    if d.axis == axis and abs((d.center[1] if axis == "x" else d.center[0]) - line) < 1e-3]
            cuts += [(w.center[0] if axis == "x" else w.center[1], w.width, w.sill, w.sill + w.height)
                     for w in plan.windows
                     if w.axis == axis and abs((w.center[1] if axis == "x" else w.center[0]) - line) < 1e-3]
            k = 0
            for s, e in pieces:
                for a, b, z0, z1 in _segments(s - t / 2, e + t / 2, h, [c for c in cuts if s <= c[0] <= e]):
                    lo3 = (a, line - t / 2, z0) if axis == "x" else (line - t / 2, a, z0)
                    hi3 = (b, line + t / 2, z1) if axis == "x" else (line + t / 2, b, z1)
                    box_part(stage, wprim.GetPath().AppendChild(f"segment_{k}"), lo3, hi3)
                    k += 1
    for d in plan.doors:
        owner = min(d.rooms, key=lambda n: order[n])
        path = ROOMS.AppendChild(owner).AppendChild("Doors").AppendChild(d.name)
        prim = UsdGeom.Xform.Define(stage, path).GetPrim()
        label(prim, "door", door_mat.label, str(ROOMS.AppendChild(owner)), False, False, connects=list(d.rooms),
              center=list(d.center), axis=d.axis, width=d.width, bottom=0.0, top=2.1, entrance=d.entrance,
              interior=len(d.rooms) == 2, **({"swing": d.swing, "hinge": d.hinge} if d.swing else {}))
        set_info(prim, category="door")
        if d.swing:  # the leaf stands open at a right angle into the room it swings into
            box_part(stage, path.AppendChild("leaf"), *_open_leaf(d, by[d.swing], t))
        if d.entrance:  # the front door: a closed panel in the opening (interior doors stand open)
            cx, cy = d.center
            w2, t2 = d.width / 2 - 0.01, 0.02
            lo3 = (cx - w2, cy - t2, 0.0) if d.axis == "x" else (cx - t2, cy - w2, 0.0)
            hi3 = (cx + w2, cy + t2, 2.09) if d.axis == "x" else (cx + t2, cy + w2, 2.09)
            box_part(stage, path.AppendChild("panel"), lo3, hi3)
        bind_material(prim, ensure_material(stage, door_mat))
    for j, w in enumerate(plan.windows):
        path = ROOMS.AppendChild(w.room).AppendChild("Windows").AppendChild(f"window_{j}")
        prim = UsdGeom.Xform.Define(stage, path).GetPrim()
        label(prim, "window", glass.label, str(ROOMS.AppendChild(w.room)), False, False, connects=[w.room],
              center=list(w.center), axis=w.axis, width=w.width, bottom=w.sill, top=w.sill + w.height)
        set_info(prim, category="window")
        cx, cy = w.center
        w2 = w.width / 2
        lo3 = (cx - w2, cy - 0.01, w.sill) if w.axis == "x" else (cx - 0.01, cy - w2, w.sill)
        hi3 = (cx + w2, cy + 0.01, w.sill + w.height) if w.axis == "x" else (cx + 0.01, cy + w2, w.sill + w.height)
        box_part(stage, path.AppendChild("panel"), lo3, hi3)
        bind_material(prim, ensure_material(stage, glass))


LEAF = 0.04
"""Thickness of an interior door's leaf (m)."""


def _open_leaf(door, room, t: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """The box of a door's leaf standing open at a right angle into ``room`` from its hinge jamb."""
    cx, cy = door.center
    along, line = (cx, cy) if door.axis == "x" else (cy, cx)
    probe = (cx, cy + 0.3) if door.axis == "x" else (cx + 0.3, cy)
    inside = any(p[0] <= probe[0] <= p[2] and p[1] <= probe[1] <= p[3] for p in room.parts())
    s = 1.0 if inside else -1.0
    u = along - door.width / 2 if door.hinge == "lo" else along + door.width / 2 - LEAF
    a0, a1 = line + s * t / 2, line + s * (t / 2 + door.width - 0.02)
    lo_a, hi_a = min(a0, a1), max(a0, a1)
    if door.axis == "x":
        return (u, lo_a, 0.01), (u + LEAF, hi_a, 2.09)
    return (lo_a, u, 0.01), (hi_a, u + LEAF, 2.09)


def _segments(u0: float, u1: float, h: float, cuts) -> list[tuple[float, float, float, float]]:
    """Boxes of a wall from ``u0`` to ``u1`` around its openings ``(centre, width, bottom, top)``."""
    out = []
    cursor = u0
    for c, w, z0, z1 in sorted(cuts):
        a, b = c - w / 2, c + w / 2
        if a > cursor:
            out.append((cursor, a, 0.0, h))
        if z0 > 0:
            out.append((a, b, 0.0, z0))
        if z1 < h:
            out.append((a, b, z1, h))
        cursor = max(cursor, b)
    if cursor < u1:
        out.append((cursor, u1, 0.0, h))
    return out


def home_rooms(stage: Usd.Stage) -> list[RoomInfo]:
    """Every room of a home, each with the doors and windows in its walls (in its own wall frame)."""
    root = stage.GetPrimAtPath(ROOMS)
    if not root or not get_info(root).get("home"):
        return []
    openings: list[tuple[str, Usd.Prim, dict]] = []
    rooms = [c for c in root.GetChildren() if c.IsActive() and get_info(c).get("home_room")]
    for r in rooms:
        for group in ("Doors", "Windows"):
            g = r.GetChild(group)
            for c in (g.GetChildren() if g else []):
                if c.IsActive():
                    d = get_info(c)
                    openings.append((str(d.get("category", "")), c, d))
    out = []
    for r in rooms:
        info = get_info(r)
        t = float(info.get("wall_thickness", 0.15))
        rect = tuple(float(v) for v in info["rect"])
        flat = info.get("outline")
        outline = [(float(flat[i]), float(flat[i + 1])) for i in range(0, len(flat), 2)] if flat else rect_outline(rect)
        flat = info["polygon"]
        poly = [(float(flat[i]), float(flat[i + 1])) for i in range(0, len(flat), 2)]
        names = [str(n) for n in info.get("wall_names", _wall_names(outline))]
        walls = [WallInfo(names[i], i, poly[i], poly[(i + 1) % len(poly)],
                          str(r.GetPath().AppendChild("Walls").AppendChild(names[i]))) for i in range(len(poly))]
        doors, windows = [], []
        for kind, prim, d in openings:
            if r.GetName() not in list(d.get("connects", [])):
                continue
            where = _wall_at(outline, t, tuple(float(v) for v in d["center"]), str(d["axis"]))
            if where is None:
                continue
            op = OpeningInfo(kind, prim.GetName(), str(prim.GetPath()), names[where[0]], round(where[1], 4),
                             float(d.get("width", 0.9)), float(d.get("bottom", 0.0)), float(d.get("top", 2.1)))
            (doors if kind == "door" else windows).append(op)
        out.append(RoomInfo(room_type=str(info.get("room_type", "room")), polygon=poly, height=float(info.get("height", 2.7)),
                            wall_thickness=t, walls=walls, doors=doors, windows=windows,
                            floor_material=str(info.get("floor_material", "")), wall_material=str(info.get("material", "")),
                            name=r.GetName(), path=str(r.GetPath())))
    return out


def home_outline(stage: Usd.Stage) -> RoomInfo | None:
    """The whole home as one room (its outline, the entrance as its door) for readers of one room."""
    root = stage.GetPrimAtPath(ROOMS)
    info = get_info(root) if root else {}
    if not info.get("home"):
        return None
    x0, y0, x1, y1 = (float(v) for v in info["outline"])
    t = float(info.get("wall_thickness", 0.15))
    poly = [(x0 + t / 2, y0 + t / 2), (x1 - t / 2, y0 + t / 2), (x1 - t / 2, y1 - t / 2), (x0 + t / 2, y1 - t / 2)]
    walls = [WallInfo(SIDES[i], i, poly[i], poly[(i + 1) % 4], "") for i in range(4)]
    doors = []
    for r in home_rooms(stage):
        for d in r.doors:
            prim = stage.GetPrimAtPath(d.path)
            if get_info(prim).get("entrance"):
                where = _wall_at(rect_outline((x0, y0, x1, y1)), t, tuple(float(v) for v in get_info(prim)["center"]),
                                 str(get_info(prim)["axis"]))
                if where and all(x.name != d.name for x in doors):
                    doors.append(OpeningInfo("door", d.name, d.path, SIDES[where[0]], where[1], d.width, d.bottom, d.top))
    return RoomInfo(room_type="home", polygon=poly, height=float(info.get("height", 2.7)), wall_thickness=t,
                    walls=walls, doors=doors, windows=[], name="home", path=str(ROOMS))
