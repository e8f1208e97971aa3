"""Reachability (docs/design.md §5, PhyScene's walkable metric): can a robot disc get from the door to
the front of every floor object?

The floor is rasterised at 5 cm; cells closer than the robot radius to a wall or an object are
not walkable; an object counts as reachable when its access point (a little in front of its
front face, or behind a seat that serves a table) touches the walkable region connected to a
door.
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
    xs_, ys_ = [p[0] for p in poly], [p[1] for p in poly]
    x0, y0, x1, y1 = min(xs_), min(ys_), max(xs_), max(ys_)
    nx, ny = int(math.ceil((x1 - x0) / CELL)) + 1, int(math.ceil((y1 - y0) / CELL)) + 1
    gx, gy = np.meshgrid(x0 + (np.arange(nx) + 0.5) * CELL, y0 + (np.arange(ny) + 0.5) * CELL, indexing="ij")
    blocked = ~poly_mask(poly, gx, gy)
    for fp in obstacles:
        mark_footprint(blocked, fp, x0, y0)
    free = clear_of(blocked, radius)
    labels = components(free)

    def labels_near(p: Point, reach: int) -> set[int]:
        i = min(max(int((p[0] - x0) / CELL), 0), nx - 1)
        j = min(max(int((p[1] - y0) / CELL), 0), ny - 1)
        win = labels[max(i - reach, 0):i + reach + 1, max(j - reach, 0):j + reach + 1]
        return {int(v) for v in np.unique(win) if v}

    start: set[int] = set()
    for p in doors:
        start |= labels_near(p, 4)
    return [key for key, pts in access.items() if not any(labels_near(p, 2) & start for p in pts)]


def world_reachability(stage, radius: float = 0.25) -> dict:
    """Reachability of a world read from its stage: ``{"reachable": share, "unreachable": [names]}``."""
    from ..world.home import home_rooms
    from ..world.layout import is_floor
    from ..world.model import list_objects, room_info

    homes = home_rooms(stage)
    if homes:  # a home: each room from its own doors (home_reachability checks the rooms' graph)
        every = list_objects(stage)
        bad_all: list[str] = []
        total = 0
        for r in homes:
            part = _room_reachability(r, [o for o in every if o.room == r.name and o.support == r.floor], radius)
            bad_all += part["unreachable"]
            total += part["objects"]
        return {"reachable": (total - len(bad_all)) / total if total else 1.0, "unreachable": bad_all,
                "objects": total}
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


def _room_reachability(room, objs, radius: float) -> dict:
    """Reachability of the floor objects ``objs`` of one room from its doors."""
    if room is None or not room.doors:
        return {"reachable": None, "unreachable": [], "objects": len(objs)}
    blocking = [o for o in objs if o.size[2] >= 0.03]
    doors = []
    for d in room.doors:
        doors.append(room.wall(d.wall).point(d.offset, 0.45))
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
    bad = unreachable(room.polygon, [o.footprint for o in blocking], doors, access, radius)
    n = len(blocking)
    return {"reachable": (n - len(bad)) / n if n else 1.0, "unreachable": bad, "objects": n}
