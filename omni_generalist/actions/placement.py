"""Free-space search used by the action API: where an object of a given size can go.

Obstacles are 3-D: an oriented footprint plus a height interval, so a mug can sit on a table
(their height intervals touch, they do not overlap) while two chairs cannot share floor.
Floor objects also keep clear of the swing zone in front of every door.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import PlacementError
from ..world.geometry import Footprint, footprint_inside, footprints_overlap
from ..world.model import ObjectInfo, RoomInfo, WallInfo

GAP = 0.02
"""Clearance kept between neighbouring floor objects and between objects and walls (m)."""
DOOR_CLEARANCE = 1.0
"""Depth of the free zone kept in front of each door (m)."""
TOUCH = 1e-4


@dataclass(frozen=True)
class Obstacle:
    """Something that occupies space: a footprint and a height interval."""

    name: str
    fp: Footprint
    z0: float
    z1: float


@dataclass(frozen=True)
class Pose:
    """Where an object goes: its bottom-centre position and yaw (degrees), and what it rests on."""

    x: float
    y: float
    z: float
    yaw: float


def yaw_towards(x: float, y: float, tx: float, ty: float) -> float:
    """Return the yaw that turns an object's front (+Y) from ``(x, y)`` towards ``(tx, ty)``."""
    return math.degrees(math.atan2(ty - y, tx - x)) - 90.0


def obstacles(objects: list[ObjectInfo], room: RoomInfo | None, exclude: set[str] = frozenset()) -> list[Obstacle]:
    """Return the obstacles of the world: objects, door swing zones and window openings."""
    out = [Obstacle(o.name, o.footprint, o.bottom, o.top) for o in objects if o.name not in exclude]
    if room is not None:
        for op in room.doors + room.windows:
            try:
                wall = room.wall(op.wall)
            except KeyError:
                continue
            depth = DOOR_CLEARANCE if op.kind == "door" else 0.08
            cx, cy = wall.point(op.offset, depth / 2)
            out.append(Obstacle(f"{op.kind}:{op.name}", Footprint(cx, cy, op.width + 0.1, depth, wall.facing_yaw),
                                op.bottom if op.kind == "window" else 0.0, op.top))
    return out


def is_free(fp: Footprint, z0: float, z1: float, obs: list[Obstacle]) -> bool:
    """Return True when the box ``fp`` × ``[z0, z1]`` meets none of ``obs``."""
    for o in obs:
        if z1 <= o.z0 + TOUCH or o.z1 <= z0 + TOUCH:
            continue
        if footprints_overlap(fp, o.fp):
            return False
    return True


def _inside(fp: Footprint, room: RoomInfo | None) -> bool:
    return room is None or footprint_inside(fp.inflated(GAP / 2), room.polygon)


def _check(fp: Footprint, z0: float, h: float, room: RoomInfo | None, obs: list[Obstacle]) -> bool:
    return _inside(fp, room) and is_free(fp.inflated(GAP / 2), z0, z0 + h, obs)


def at_position(x: float, y: float, z: float, size, yaw: float, room: RoomInfo | None,
                obs: list[Obstacle], check: bool = True) -> Pose:
    """Validate an explicit position; raise :class:`PlacementError` if it is taken or outside."""
    fp = Footprint(x, y, size[0], size[1], yaw)
    if check and not _inside(fp, room):
        raise PlacementError(f"position ({x:.2f}, {y:.2f}) puts the object outside the room")
    if check and not is_free(fp, z, z + size[2], obs):
        hit = [o.name for o in obs if not is_free(fp, z, z + size[2], [o])]
        raise PlacementError(f"position ({x:.2f}, {y:.2f}) overlaps {', '.join(hit)}")
    return Pose(x, y, z, yaw)


def against_wall(wall: WallInfo, size, z: float, room: RoomInfo, obs: list[Obstacle], rng,
                 offset: float | None = None, inset: float = 0.0, tries: int = 60) -> Pose:
    """Put an object with its back to ``wall`` (front facing into the room).

    Args:
        offset: distance along the wall of the object's centre; None searches for a free spot.
        inset: extra distance from the wall (0 puts the back against it, with a small gap).
    """
    w, d, h = size
    yaw = wall.facing_yaw
    lo, hi = w / 2 + GAP, wall.length - w / 2 - GAP
    if hi < lo:
        raise PlacementError(f"an object {w:.2f} m wide does not fit along wall {wall.name} ({wall.length:.2f} m)")
    if offset is not None:
        offsets = [min(max(offset, lo), hi)]
    else:
        offsets = [rng.uniform(lo, hi) for _ in range(tries)] + [(lo + hi) / 2]
    for off in offsets:
        x, y = wall.point(off, d / 2 + GAP + inset)
        fp = Footprint(x, y, w, d, yaw)
        if _check(fp, z, h, room, obs):
            return Pose(x, y, z, yaw)
    raise PlacementError(f"no free spot {w:.2f} m wide along wall {wall.name}")


def in_corner(room: RoomInfo, size, z: float, obs: list[Obstacle], rng, corner: str | None = None) -> Pose:
    """Put an object into a corner of the room (a named one such as ``north-east``, or any free one)."""
    w, d, h = size
    cands: list[tuple[str, Pose]] = []
    n = len(room.walls)
    for i, wall in enumerate(room.walls):
        nxt = room.walls[(i + 1) % n]
        dx1, dy1 = wall.direction
        dx2, dy2 = nxt.direction
        if dx1 * dy2 - dy1 * dx2 <= 0:  # reflex corner: not a usable corner
            continue
        yaw = wall.facing_yaw
        x, y = wall.point(wall.length - w / 2 - GAP, d / 2 + GAP)
        cx, cy = wall.end
        name = ("north" if wall.inward[1] < -0.5 or nxt.inward[1] < -0.5 else "south" if wall.inward[1] > 0.5 or nxt.inward[1] > 0.5 else "") + \
            ("-east" if wall.inward[0] < -0.5 or nxt.inward[0] < -0.5 else "-west" if wall.inward[0] > 0.5 or nxt.inward[0] > 0.5 else "")
        cands.append((name.strip("-"), Pose(x, y, z, yaw)))
    if corner:
        key = corner.lower().replace(" ", "-").replace("_", "-")
        parts = set(key.split("-"))
        cands = [c for c in cands if set(c[0].split("-")) == parts] or cands
    else:
        rng.shuffle(cands)
    for _, pose in cands:
        if _check(Footprint(pose.x, pose.y, w, d, pose.yaw), z, h, room, obs):
            return pose
    raise PlacementError("no free corner for the object")


def support_surfaces(target: ObjectInfo) -> list[tuple[float, float, float, float, float, float, bool]]:
    """Return the target's support surfaces ``(z, x0, y0, x1, y1, clearance, inside)`` in its own frame
    (its declared shelf boards, tops and container floors, or else its top face)."""
    flat = list(target.extra.get("surfaces", []) or [])
    out = [(flat[i], flat[i + 1], flat[i + 2], flat[i + 3], flat[i + 4], flat[i + 5], bool(flat[i + 6]))
           for i in range(0, len(flat) - 6, 7)]
    if not out:
        w, d, h = target.size
        out = [(h, -w / 2, -d / 2, w / 2, d / 2, 1.0, False)]
    return out


def surface_holding(objects: list[ObjectInfo], fp: Footprint, z: float, tol: float = 0.01) -> ObjectInfo | None:
    """The object one of whose support surfaces (a top, a shelf board) lies at height ``z`` under all of ``fp``."""
    for o in objects:
        for z_s, x0, y0, x1, y1, _clear, _inside in support_surfaces(o):
            if abs(o.position[2] + z_s - z) > tol:
                continue
            c, sn = math.cos(math.radians(o.yaw)), math.sin(math.radians(o.yaw))
            corners = [((px - o.position[0]) * c + (py - o.position[1]) * sn,
                        -(px - o.position[0]) * sn + (py - o.position[1]) * c) for px, py in fp.corners()]
            if all(x0 - tol <= lx <= x1 + tol and y0 - tol <= ly <= y1 + tol for lx, ly in corners):
                return o
    return None


FLARED = ("bowl",)
"""Containers whose walls flare out from a small floor (the last word of the category)."""


EDGE_BAND = 0.3
"""Share of a surface's depth (or width) that counts as its edge for ``side`` placements on it."""


def on_top(target: ObjectInfo, size, obs: list[Obstacle], rng, tries: int = 40, margin: float = 0.01,
           side: str | None = None) -> Pose:
    """Put an object on a support surface of ``target``: its top, a shelf board, or inside it.

    ``side`` ("back", "front", "left", "right") keeps it to that edge of the surface, in the
    target's own frame (a bed's back is its head end: pillows go there)."""
    if side not in (None, "back", "front", "left", "right"):
        raise PlacementError(f"unknown side {side!r} on a surface; use back, front, left or right")
    w, d, h = size
    # a bowl's floor is only where things touch it: their centres stay on it and their sides reach
    # over its edge towards the flaring wall (fruit in a bowl)
    # round things, and long ones that lie across the bowl (a banana in a fruit bowl)
    flared = target.category.split()[-1] in FLARED and (max(w, d) <= 1.3 * min(w, d)
                                                        or max(w, d) <= 0.8 * min(target.size[0], target.size[1]))
    surfaces = [s for s in support_surfaces(target)
                if (s[5] >= h + 0.01 or s[6])
                and (s[6] and flared or s[3] - s[1] >= w + 2 * margin and s[4] - s[2] >= d + 2 * margin)]
    if not surfaces:
        raise PlacementError(f"{target.name} has no surface that takes an object {w:.2f} x {d:.2f} x {h:.2f} m")
    rng.shuffle(surfaces)
    surfaces.sort(key=lambda sf: sf[6])  # open surfaces (tops, shelf boards) before insides (a bowl, a cabinet)
    yaw = target.yaw
    levels = []
    for z_s, x0, y0, x1, y1, _clear, inside in surfaces:
        # a container fills up in layers: apples pile in a bowl
        for lift in range(4 if inside else 1):
            levels.append((target.position[2] + z_s + lift * h * 1.02, x0, y0, x1, y1, inside))
    obs = _near_levels(obs, target.footprint, levels, w + 0.01, d + 0.01, h)
    for z, x0, y0, x1, y1, inside in levels:
        hw, hd = (0.0, 0.0) if inside and flared else (w / 2, d / 2)
        for k in range(tries):
            bx0, by0, bx1, by1 = _edge_band(x0, y0, x1, y1, hw, hd, margin, side)
            if bx0 > bx1 or by0 > by1:
                break
            if k == 0 and side is None:
                # a container's first item goes to one side, leaving room for the next
                lx, ly = (x0 + margin + 0.002 if inside and flared else (x0 + x1) / 2), (y0 + y1) / 2
            else:
                lx, ly = rng.uniform(bx0, bx1), rng.uniform(by0, by1)
            x, y = target.footprint.to_world(lx, ly)
            fp = Footprint(x, y, w, d, yaw)
            if is_free(fp.inflated(0.005), z, z + h, obs):
                return Pose(x, y, z, yaw)
    raise PlacementError(f"no free room on {target.name} for an object {w:.2f} x {d:.2f} m")


def _edge_band(x0: float, y0: float, x1: float, y1: float, hw: float, hd: float, margin: float,
               side: str | None) -> tuple[float, float, float, float]:
    """The range of centres on a surface (local frame, front is +y) for an object of half-size
    ``hw`` x ``hd``: the whole surface, or the band along one of its edges."""
    bx0, bx1 = x0 + margin + hw, x1 - margin - hw
    by0, by1 = y0 + margin + hd, y1 - margin - hd
    band_x, band_y = max(0.0, (x1 - x0) * EDGE_BAND - 2 * hw), max(0.0, (y1 - y0) * EDGE_BAND - 2 * hd)
    if side == "back":
        by1 = min(by1, by0 + band_y)
    elif side == "front":
        by0 = max(by0, by1 - band_y)
    elif side == "left":
        bx1 = min(bx1, bx0 + band_x)
    elif side == "right":
        bx0 = max(bx0, bx1 - band_x)
    return bx0, by0, bx1, by1


def _near_levels(obs: list[Obstacle], frame: Footprint, levels: list[tuple], w: float, d: float,
                 h: float) -> list[Obstacle]:
    """The obstacles that a ``w`` x ``d`` x ``h`` box centred on one of ``levels`` (rectangles in the
    frame of ``frame``, at their height) can meet: the others never change what :func:`is_free` says,
    so leaving them out only saves time (a shelf of books checks each book against a few neighbours,
    not the whole room)."""
    pts = [frame.to_world(x, y) for _z, x0, y0, x1, y1, _in in levels for x in (x0, x1) for y in (y0, y1)]
    reach = math.hypot(w, d) / 2 + 0.05  # (a first item in a small bowl may sit a little off its floor)
    lo_x, hi_x = min(p[0] for p in pts) - reach, max(p[0] for p in pts) + reach
    lo_y, hi_y = min(p[1] for p in pts) - reach, max(p[1] for p in pts) + reach
    z0, z1 = min(lv[0] for lv in levels), max(lv[0] for lv in levels) + h
    out = []
    for o in obs:
        if z1 <= o.z0 + TOUCH or o.z1 <= z0 + TOUCH:
            continue
        ax0, ay0, ax1, ay1 = o.fp.aabb
        if ax0 >= hi_x or ax1 <= lo_x or ay0 >= hi_y or ay1 <= lo_y:
            continue
        out.append(o)
    return out


def next_to(target: ObjectInfo, size, z: float, room: RoomInfo | None, obs: list[Obstacle], rng,
            side: str | None = None, gap: float = 0.05) -> Pose:
    """Put an object beside ``target`` (its left or right, or in front/behind when those are taken)."""
    w, d, h = size
    tw, td, _ = target.size
    sides = {"right": (tw / 2 + gap + w / 2, d / 2 - td / 2), "left": (-(tw / 2 + gap + w / 2), d / 2 - td / 2),
             "front": (0.0, td / 2 + gap + d / 2), "back": (0.0, -(td / 2 + gap + d / 2))}
    order = [side] if side else (["right", "left"] if rng.random() < 0.5 else ["left", "right"]) + ["front"]
    for key in order:
        if key not in sides:
            raise PlacementError(f"unknown side {key!r}; use left, right, front or back")
        lx, ly = sides[key]
        x, y = target.footprint.to_world(lx, ly)
        fp = Footprint(x, y, w, d, target.yaw)
        if _check(fp, z, h, room, obs):
            return Pose(x, y, z, target.yaw)
    raise PlacementError(f"no free space next to {target.name}")


def seat_slots(table_size, seat_size, gap: float, spacing: float) -> list[tuple[float, float, float]]:
    """Seats around a table, in the table's frame: ``(x, y, turn)`` for each side (front, back, right,
    left), as many per side as fit at the seat's width plus ``spacing``, ``gap`` from the edge, each
    turned (``turn`` degrees) to face the side it sits at."""
    tw, td = table_size[0], table_size[1]
    w, d = seat_size[0], seat_size[1]
    out: list[tuple[float, float, float]] = []
    for side, length, depth, turn in (("front", tw, td, 180.0), ("back", tw, td, 0.0),
                                      ("right", td, tw, 90.0), ("left", td, tw, 270.0)):
        n = max(1, int((length + 0.1) // (w + spacing)))
        dist = depth / 2 + gap + d / 2
        for k in range(n):
            t = (k + 0.5) / n * length - length / 2
            lx, ly = {"front": (t, dist), "back": (-t, -dist), "right": (dist, -t), "left": (-dist, t)}[side]
            out.append((lx, ly, turn))
    return out


def around(target: ObjectInfo, size, z: float, room: RoomInfo | None, obs: list[Obstacle], rng,
           gap: float = 0.05, slots: int | None = None) -> Pose:
    """Put an object at a free seat around ``target`` (chairs around a table), facing its centre."""
    w, d, h = size
    cands = seat_slots(target.size, size, gap, spacing=0.15)
    if slots:
        cands = cands[:slots]
    for lx, ly, turn in cands:
        x, y = target.footprint.to_world(lx, ly)
        yaw = (target.yaw + turn) % 360.0
        fp = Footprint(x, y, w, d, yaw)
        if _check(fp, z, h, room, obs):
            return Pose(x, y, z, yaw)
    raise PlacementError(f"no free seat left around {target.name}")


def on_wall(wall: WallInfo, size, height: float | None, room: RoomInfo, obs: list[Obstacle], rng,
            offset: float | None = None, tries: int = 60) -> Pose:
    """Hang an object on ``wall`` with its centre at ``height`` (default: eye level or below the ceiling)."""
    w, d, h = size
    if height is None:
        height = min(1.5, room.height - h / 2 - 0.1)
    z = height - h / 2
    if z < 0 or z + h > room.height:
        raise PlacementError(f"an object {h:.2f} m tall cannot hang at {height:.2f} m on a {room.height:.2f} m wall")
    lo, hi = w / 2 + GAP, wall.length - w / 2 - GAP
    if hi < lo:
        raise PlacementError(f"an object {w:.2f} m wide does not fit on wall {wall.name}")
    offsets = [min(max(offset, lo), hi)] if offset is not None else [(lo + hi) / 2] + [rng.uniform(lo, hi) for _ in range(tries)]
    for off in offsets:
        x, y = wall.point(off, d / 2 + 0.003)
        fp = Footprint(x, y, w, d, wall.facing_yaw)
        if footprint_inside(fp, room.polygon) and is_free(fp, z, z + h, obs):
            return Pose(x, y, z, wall.facing_yaw)
    raise PlacementError(f"no free space on wall {wall.name} at {height:.2f} m")


def on_ceiling(room: RoomInfo, size, obs: list[Obstacle], rng, position: tuple[float, float] | None = None,
               tries: int = 80) -> Pose:
    """Hang an object from the ceiling (its top touches the ceiling)."""
    w, d, h = size
    z = room.height - h
    if z < 0.5:
        raise PlacementError(f"an object {h:.2f} m tall does not fit under a {room.height:.2f} m ceiling")
    cands = [position] if position else [_centroid(room.polygon)] + [_sample_in(room, rng) for _ in range(tries)]
    for x, y in cands:
        fp = Footprint(x, y, w, d, 0.0)
        if _inside(fp, room) and is_free(fp, z, z + h, obs):
            return Pose(x, y, z, 0.0)
    raise PlacementError("no free space on the ceiling")


def anywhere(room: RoomInfo, size, z: float, obs: list[Obstacle], rng, yaw: float | None = None,
             center: bool = False, tries: int = 200) -> Pose:
    """Put an object on a free spot of the floor (the room centre first when ``center``)."""
    w, d, h = size
    first = [_centroid(room.polygon)] if center else []
    for k, (x, y) in enumerate(first + [_sample_in(room, rng) for _ in range(tries)]):
        yw = yaw if yaw is not None else (0.0 if center and k == 0 else rng.choice((0.0, 90.0, 180.0, 270.0)))
        fp = Footprint(x, y, w, d, yw)
        if _check(fp, z, h, room, obs):
            return Pose(x, y, z, yw)
    raise PlacementError(f"no free floor space for an object {w:.2f} x {d:.2f} m")


def _centroid(poly) -> tuple[float, float]:
    return (sum(p[0] for p in poly) / len(poly), sum(p[1] for p in poly) / len(poly))


def _sample_in(room: RoomInfo, rng) -> tuple[float, float]:
    xs = [p[0] for p in room.polygon]
    ys = [p[1] for p in room.polygon]
    return (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
