"""Authoring of the room shell: floor, walls with door and window openings, ceiling."""

from __future__ import annotations

import math

from pxr import Sdf, Usd, UsdGeom

from ..assets.materials import MaterialChoice, bind_material, ensure_material
from ..assets.toolkit import box_part, prism_part
from ..world.geometry import Point, polygon_area
from ..world.metadata import label, set_info
from ..world.model import RoomInfo, WallInfo

SLAB = 0.1
"""Thickness of the floor and ceiling slabs (m)."""


def compass_names(poly: list[Point]) -> list[str]:
    """Name the walls of a room: compass names for rectangles, ``wall_i`` otherwise."""
    names = []
    for i in range(len(poly)):
        (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
        names.append(f"wall_{i}")
        if len(poly) == 4:
            dx, dy = x1 - x0, y1 - y0
            n = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / n, dx / n  # inward
            if ny > 0.9:
                names[-1] = "south"
            elif ny < -0.9:
                names[-1] = "north"
            elif nx > 0.9:
                names[-1] = "west"
            elif nx < -0.9:
                names[-1] = "east"
    return names if len(set(names)) == len(names) else [f"wall_{i}" for i in range(len(poly))]


def validate_polygon(poly: list[Point]) -> list[Point]:
    """Return the polygon counter-clockwise; raise ValueError when it is not a usable floor."""
    if len(poly) < 3:
        raise ValueError("a floor polygon needs at least 3 points")
    pts = [(float(x), float(y)) for x, y in poly]
    area = polygon_area(pts)
    if abs(area) < 1.0:
        raise ValueError(f"the floor polygon's area is {abs(area):.2f} m²; a room needs at least 1 m²")
    if abs(area) > 10_000:
        raise ValueError(f"the floor polygon's area is {abs(area):.0f} m²; the limit is 10000 m²")
    return pts if area > 0 else pts[::-1]


def build_shell(stage: Usd.Stage, path: Sdf.Path, poly: list[Point], height: float, thickness: float, room_type: str,
                floor: MaterialChoice, walls: MaterialChoice, ceiling: MaterialChoice | None) -> None:
    """Author a room at ``path`` (``/World/Rooms/<room>``): floor, walls and (optionally) ceiling
    for a counter-clockwise floor polygon."""
    room = UsdGeom.Xform.Define(stage, path).GetPrim()
    floor_path, walls_path = path.AppendChild("Floor"), path.AppendChild("Walls")
    names = compass_names(poly)
    flat = [c for p in poly for c in p]
    label(room, "room", walls.label, "", False, False, room_type=room_type, polygon=flat, height=float(height),
          wall_thickness=float(thickness), wall_names=names, floor_material=floor.label)
    floor_mesh = prism_part(stage, floor_path, poly, -SLAB, 0.0)
    label(floor_mesh.GetPrim(), "floor", floor.label, "", False, False)
    bind_material(floor_mesh.GetPrim(), ensure_material(stage, floor))
    UsdGeom.Xform.Define(stage, walls_path)
    UsdGeom.Xform.Define(stage, path.AppendChild("Doors"))
    UsdGeom.Xform.Define(stage, path.AppendChild("Windows"))
    wall_mat = ensure_material(stage, walls)
    for i in range(len(poly)):
        prim = UsdGeom.Xform.Define(stage, walls_path.AppendChild(f"wall_{i}")).GetPrim()
        label(prim, "wall", walls.label, str(floor_path), False, False, wall=names[i])
        bind_material(prim, wall_mat)
    if ceiling is not None:
        ceil = prism_part(stage, path.AppendChild("Ceiling"), poly, height, height + SLAB)
        label(ceil.GetPrim(), "ceiling", ceiling.label, "", False, False)
        bind_material(ceil.GetPrim(), ensure_material(stage, ceiling))


def rebuild_wall(stage: Usd.Stage, room: RoomInfo, wall: WallInfo) -> None:
    """(Re)author the box segments of one wall around its door and window openings."""
    prim = stage.GetPrimAtPath(wall.path)
    for child in list(prim.GetChildren()):
        stage.RemovePrim(child.GetPath())
    t, h, L = room.wall_thickness, room.height, wall.length
    n = len(room.walls)
    prev = room.walls[(wall.index - 1) % n]
    nxt = room.walls[(wall.index + 1) % n]

    def convex(a: WallInfo, b: WallInfo) -> bool:
        return a.direction[0] * b.direction[1] - a.direction[1] * b.direction[0] > 0

    u0 = -t if convex(prev, wall) else 0.0
    u1 = L + t if convex(wall, nxt) else L
    openings = sorted((o for o in room.doors + room.windows if o.wall == wall.name),
                      key=lambda o: o.offset)
    # wall-local frame: u along the wall, v outward (negative inward), z up
    segments: list[tuple[float, float, float, float]] = []
    cursor = u0
    for op in openings:
        a, b = op.offset - op.width / 2, op.offset + op.width / 2
        if a > cursor:
            segments.append((cursor, a, 0.0, h))
        if op.bottom > 0:
            segments.append((a, b, 0.0, op.bottom))
        if op.top < h:
            segments.append((a, b, op.top, h))
        cursor = max(cursor, b)
    if cursor < u1:
        segments.append((cursor, u1, 0.0, h))
    dx, dy = wall.direction
    xf = UsdGeom.Xformable(prim)
    xf.ClearXformOpOrder()
    xf.AddTranslateOp().Set((wall.start[0], wall.start[1], 0.0))
    xf.AddRotateZOp().Set(math.degrees(math.atan2(dy, dx)))
    # wall-local frame: +X along the wall, +Y into the room (the room is on the left of a CCW
    # polygon's edges), so the slab spans y in [-t, 0] and its inner face is the polygon edge
    for k, (a, b, z0, z1) in enumerate(segments):
        box_part(stage, prim.GetPath().AppendChild(f"segment_{k}"), (a, -t, z0), (b, 0.0, z1))


def add_opening(stage: Usd.Stage, room: RoomInfo, kind: str, wall: WallInfo, offset: float, width: float,
                bottom: float, top: float, name: str, material: MaterialChoice) -> Sdf.Path:
    """Author a door or window prim in ``wall`` and record its opening."""
    path = Sdf.Path(room.part("Doors" if kind == "door" else "Windows")).AppendChild(name)
    prim = UsdGeom.Xform.Define(stage, path).GetPrim()
    label(prim, kind, material.label, wall.path, False, False, wall=wall.name, offset=float(offset),
          width=float(width), bottom=float(bottom), top=float(top))
    cx, cy = wall.point(offset, 0.0)
    xf = UsdGeom.Xformable(prim)
    xf.AddTranslateOp().Set((cx, cy, 0.0))
    xf.AddRotateZOp().Set(wall.facing_yaw)
    t = room.wall_thickness
    if kind == "door":
        panel = (-width / 2 + 0.01, -t / 2 - 0.02, bottom), (width / 2 - 0.01, -t / 2 + 0.02, top - 0.01)
    else:
        panel = (-width / 2, -t / 2 - 0.01, bottom), (width / 2, -t / 2 + 0.01, top)
    box_part(stage, path.AppendChild("panel"), *panel)
    bind_material(prim, ensure_material(stage, material))
    set_info(prim, category=kind)
    return path
