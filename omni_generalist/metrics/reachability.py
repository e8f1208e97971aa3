"""Reachability (docs/design.md §5, PhyScene's walkable metric): can a robot disc get from the door to
the front of every floor object?

The floor is rasterised at 5 cm; cells closer than the robot radius to a wall or an object are
not walkable; an object counts as reachable when its access point (a little in front of its
front face, or behind a seat that serves a table) touches the walkable region connected to a
door. In a home (docs/homes.md) the floor is every room's floor and the openings of its interior
doors, and the disc starts at the entrance: a room or an object behind furniture that closes a
room's way to its next door is unreachable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..world.geometry import Footprint

CELL = 0.05
Point = tuple[float, float]


def poly_mask(poly: Sequence[Point], gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """Cells (centres ``gx``, ``gy``) inside the polygon."""
    inside = np.zeros(gx.shape, dtype=bool)
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        cond = (y1 > gy) != (y2 > gy)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = x1 + (gy - y1) * (x2 - x1) / (y2 - y1)
        inside ^= cond & (gx < xint)
    return inside


def mark_footprint(mask: np.ndarray, fp: Footprint, x0: float, y0: float) -> None:
    """Set the cells (of a grid with origin ``x0, y0`` and pitch ``CELL``) an oriented footprint covers."""
    xs = [p[0] for p in fp.corners()]
    ys = [p[1] for p in fp.corners()]
    i0, i1 = max(int((min(xs) - x0) / CELL) - 1, 0), min(int((max(xs) - x0) / CELL) + 2, mask.shape[0])
    j0, j1 = max(int((min(ys) - y0) / CELL) - 1, 0), min(int((max(ys) - y0) / CELL) + 2, mask.shape[1])
    if i0 >= i1 or j0 >= j1:
        return
    gx, gy = np.meshgrid(x0 + (np.arange(i0, i1) + 0.5) * CELL, y0 + (np.arange(j0, j1) + 0.5) * CELL, indexing="ij")
    c, s = math.cos(math.radians(fp.yaw)), math.sin(math.radians(fp.yaw))
    dx, dy = gx - fp.x, gy - fp.y
    inside = (np.abs(c * dx + s * dy) <= fp.w / 2) & (np.abs(-s * dx + c * dy) <= fp.d / 2)
    mask[i0:i1, j0:j1] |= inside


def clear_of(blocked: np.ndarray, radius: float) -> np.ndarray:
    """Cells (of pitch ``CELL``) whose centre is farther than ``radius`` from every blocked cell's.

    The same as ``scipy.ndimage.distance_transform_edt(~blocked) * CELL > radius`` (the distance and
    the comparison are computed the same way), without importing scipy.ndimage (half a second at
    every start of a process).
    """
    near = blocked.copy()
    nx, ny = blocked.shape
    reach = int(math.ceil(radius / CELL)) + 1
    for di in range(-min(reach, nx - 1), min(reach, nx - 1) + 1):
        for dj in range(-min(reach, ny - 1), min(reach, ny - 1) + 1):
            if (di or dj) and not math.sqrt(float(di * di + dj * dj)) * CELL > radius:
                near[max(di, 0):nx + min(di, 0), max(dj, 0):ny + min(dj, 0)] |= \
                    blocked[max(-di, 0):nx + min(-di, 0), max(-dj, 0):ny + min(-dj, 0)]
    return ~near


def components(mask: np.ndarray) -> np.ndarray:
    """Label the 4-connected regions of ``mask`` (0 outside it, one positive number per region).

    Runs of cells along each row are the nodes; runs of neighbouring rows that share a column are
    joined (union-find over the distinct pairs: a few hundred for a room's grid).
    """
    nx, ny = mask.shape
    starts = np.zeros((nx, ny), dtype=bool)
    starts[:, 0] = mask[:, 0]
    starts[:, 1:] = mask[:, 1:] & ~mask[:, :-1]
    if not starts.any():
        return np.zeros((nx, ny), dtype=np.intp)
    run = (np.cumsum(starts) - 1).reshape(nx, ny)  # row-major: the run each cell of a run belongs to
    both = mask[:-1] & mask[1:]
    n = int(starts.sum())
    edges = np.unique(run[:-1][both] * n + run[1:][both])
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in zip((edges // n).tolist(), (edges % n).tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    lab = np.array([root(k) for k in range(n)])
    return np.where(mask, lab[np.maximum(run, 0)] + 1, 0)


def access_point(fp: Footprint, depth: float, back: bool, radius: float) -> Point:
    """Where a robot disc stands to reach an object: just in front of it (behind it for a seat)."""
    step = depth / 2 + radius + 0.04
    return fp.to_world(0.0, -step if back else step)


def unreachable(poly: Sequence[Point], obstacles: Sequence[Footprint], doors: Sequence[Point],
                access: dict[str, list[Point]], radius: float = 0.25) -> list[str]:
    """Return the keys of ``access`` none of whose points the robot disc can reach from a door.

    Args:
        poly: floor outline.
        obstacles: footprints that block the robot (objects standing on the floor).
        doors: points just inside each door.
        access: for each object, the points from which it counts as reached.
        radius: robot radius in meters.
    """
    grid = _Walkable([poly], [], obstacles, radius)
    start = grid.start(doors)
    return [key for key, pts in access.items() if not any(grid.labels_near(p, 2) & start for p in pts)]


class _Walkable:
    """The floor of ``polys`` (and the ``openings`` between them) rasterised over their bounds (``pad``
    wider on each side), less what the robot disc of ``radius`` cannot stand on, in connected regions."""

    def __init__(self, polys: Sequence[Sequence[Point]], openings: Sequence[Footprint],
                 obstacles: Sequence[Footprint], radius: float, pad: float = 0.0):
        xs_, ys_ = [p[0] for poly in polys for p in poly], [p[1] for poly in polys for p in poly]
        self.x0, self.y0 = min(xs_) - pad, min(ys_) - pad
        x1, y1 = max(xs_) + pad, max(ys_) + pad
        self.nx, self.ny = int(math.ceil((x1 - self.x0) / CELL)) + 1, int(math.ceil((y1 - self.y0) / CELL)) + 1
        self.gx, self.gy = np.meshgrid(self.x0 + (np.arange(self.nx) + 0.5) * CELL,
                                       self.y0 + (np.arange(self.ny) + 0.5) * CELL, indexing="ij")
        floor = np.zeros(self.gx.shape, dtype=bool)
        for poly in polys:
            floor |= poly_mask(poly, self.gx, self.gy)
        for fp in openings:
            mark_footprint(floor, fp, self.x0, self.y0)
        blocked = ~floor
        for fp in obstacles:
            mark_footprint(blocked, fp, self.x0, self.y0)
        self.labels = components(clear_of(blocked, radius))

    def labels_near(self, p: Point, reach: int) -> set[int]:
        i = min(max(int((p[0] - self.x0) / CELL), 0), self.nx - 1)
        j = min(max(int((p[1] - self.y0) / CELL), 0), self.ny - 1)
        win = self.labels[max(i - reach, 0):i + reach + 1, max(j - reach, 0):j + reach + 1]
        return {int(v) for v in np.unique(win) if v}

    def start(self, doors: Sequence[Point]) -> set[int]:
        """The regions a robot entering at ``doors`` (points just inside them) stands in."""
        out: set[int] = set()
        for p in doors:
            out |= self.labels_near(p, 4)
        return out

    def reaches(self, poly: Sequence[Point], start: set[int]) -> bool:
        """True when some walkable cell inside ``poly`` belongs to the ``start`` regions."""
        inside = poly_mask(poly, self.gx, self.gy)
        return bool(np.isin(self.labels[inside], list(start)).any()) if start else False


def world_reachability(stage, radius: float = 0.25, room: str | None = None) -> dict:
    """Reachability of a world read from its stage: ``{"reachable": share, "unreachable": [names]}``;
    a home adds ``rooms_unreachable``, or with ``room`` gives that room's objects from its own doors
    (what furnishing one room checks)."""
    from ..world.home import home_rooms
    from ..world.layout import is_floor
    from ..world.model import list_objects, room_info

    homes = home_rooms(stage)
    if homes and room is not None:
        one = next((r for r in homes if r.name == room), None)
        if one is None:
            raise KeyError(f"no room {room!r}")
        return _room_reachability(one, [o for o in list_objects(stage) if o.room == room and o.support == one.floor],
                                  radius)
    if homes:  # a home: the whole floor, from the entrance through the doors
        return _home_reachability(stage, homes, [o for o in list_objects(stage) if is_floor(o.support)], radius)
    room = room_info(stage)
    objs = [o for o in list_objects(stage) if is_floor(o.support)]
    return _room_reachability(room, objs, radius)


def home_reachability(stage, avoid: frozenset[str] = frozenset()) -> dict:
    """Rooms of a home reachable from the entrance through doors: ``{"rooms": n, "unreachable": [names]}``
    (a room in ``avoid`` is entered but not walked through: which rooms need a bedroom crossed)."""
    from ..world.home import home_rooms
    from ..world.metadata import get_info

    rooms = home_rooms(stage)
    links: dict[str, set[str]] = {r.name: set() for r in rooms}
    start: set[str] = set()
    for r in rooms:
        for d in r.doors:
            info = get_info(stage.GetPrimAtPath(d.path))
            joined = [str(n) for n in info.get("connects", [])]
            if info.get("entrance"):
                start.update(joined)
            for a in joined:
                links.setdefault(a, set()).update(n for n in joined if n != a)
    seen, todo = set(start), list(start)
    while todo:
        here = todo.pop()
        if here in avoid:
            continue
        for n in links.get(here, ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return {"rooms": len(rooms), "unreachable": sorted(set(links) - seen)}


def _home_reachability(stage, homes, objs, radius: float) -> dict:
    """Reachability of a home's floor objects and rooms from its entrance, through its doors:
    ``{"reachable", "unreachable", "objects", "rooms_unreachable"}``."""
    from ..world.metadata import get_info

    blocking = [o for o in objs if o.size[2] >= 0.03]
    openings, entrance = [], []
    for r in homes:
        for d in r.doors:
            info = get_info(stage.GetPrimAtPath(d.path))
            if info.get("entrance"):
                entrance.append(r.wall(d.wall).point(d.offset, 0.45))
            elif info.get("center"):  # the doorway through the wall, a little deeper than the wall
                cx, cy = (float(v) for v in info["center"])
                openings.append(Footprint(cx, cy, d.width - 2 * CELL, r.wall_thickness + 4 * CELL,
                                          0.0 if info.get("axis") == "x" else 90.0))
    if not entrance:
        return {"reachable": None, "unreachable": [], "objects": len(blocking), "rooms_unreachable": []}
    grid = _Walkable([r.polygon for r in homes], openings, [o.footprint for o in blocking], radius, pad=2 * CELL)
    start = grid.start(entrance)
    access = _access_points(blocking, radius)
    bad = [k for k, pts in access.items() if not any(grid.labels_near(p, 2) & start for p in pts)]
    n = len(blocking)
    return {"reachable": (n - len(bad)) / n if n else 1.0, "unreachable": bad, "objects": n,
            "rooms_unreachable": [r.name for r in homes if not grid.reaches(r.polygon, start)]}


def doors_apart(room, objs, radius: float = 0.25) -> list[str]:
    """Doors of one room a robot disc cannot walk to from its first door among the floor objects
    ``objs`` (furniture closing the way across a living room from the hallway to the kitchen)."""
    if len(room.doors) < 2:
        return []
    blocking = [o for o in objs if o.size[2] >= 0.03]
    grid = _Walkable([room.polygon], [], [o.footprint for o in blocking], radius)
    regions = [grid.labels_near(room.wall(d.wall).point(d.offset, 0.45), 4) for d in room.doors]
    return [d.name for d, r in zip(room.doors[1:], regions[1:], strict=True) if not r & regions[0]]


def _room_reachability(room, objs, radius: float) -> dict:
    """Reachability of the floor objects ``objs`` of one room from its doors."""
    if room is None or not room.doors:
        return {"reachable": None, "unreachable": [], "objects": len(objs)}
    blocking = [o for o in objs if o.size[2] >= 0.03]
    doors = []
    for d in room.doors:
        doors.append(room.wall(d.wall).point(d.offset, 0.45))
    bad = unreachable(room.polygon, [o.footprint for o in blocking], doors, _access_points(blocking, radius), radius)
    n = len(blocking)
    return {"reachable": (n - len(bad)) / n if n else 1.0, "unreachable": bad, "objects": n}


def _access_points(blocking, radius: float) -> dict[str, list[Point]]:
    """Where the robot may stand to reach each object (a table also from where its seats are reached)."""
    access: dict[str, list[Point]] = {}
    serves: dict[str, list[str]] = {}
    for o in blocking:
        if o.extra.get("serves"):
            serves.setdefault(str(o.extra["serves"]), []).append(o.name)
    by_name = {o.name: o for o in blocking}
    def points(o) -> list[Point]:
        if o.extra.get("access") == "back":
            return [access_point(o.footprint, o.size[1], True, radius)]
        pts = [access_point(o.footprint, o.size[1], False, radius)]
        for seat in serves.get(o.name, []):
            pts.extend(points(by_name[seat]))
        return pts

    for o in blocking:
        access[o.name] = points(o)
    return access
