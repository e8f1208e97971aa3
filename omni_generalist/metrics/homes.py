"""Checks of a home read from its USD alone (docs/homes.md): rooms reachable from the entrance,
doors in walls their two rooms share and clear of furniture, windows in exterior walls only,
every object inside the room it records, the arrangement rules inside each room."""

from __future__ import annotations

from pxr import Usd

from ..world.geometry import Footprint, footprint_inside, footprints_overlap
from ..world.home import home_rooms
from ..world.metadata import get_info
from ..world.model import list_objects
from ..world.stage import ROOMS
from .arrangement import RuleResult, WorldView, check_rules
from .reachability import home_reachability, world_reachability

DOOR_ZONE = 0.6
"""Depth in front of a door (each side) that must be free of floor furniture (m); on the side its
leaf swings into, the leaf's width."""


def home_arrangement(stage: Usd.Stage) -> list[RuleResult]:
    """The arrangement rules (metrics/arrangement.py) run inside each room of a home, over that
    room's walls, windows and objects; each result's detail starts with the room's name."""
    objs = list_objects(stage)
    out = []
    for room in home_rooms(stage):
        view = WorldView(stage, room, [o for o in objs if o.room == room.name])
        for r in check_rules(view):
            r.detail = f"{room.name}: {r.detail}" if r.detail else room.name
            out.append(r)
    return out


def home_checks(stage: Usd.Stage) -> dict:
    """Measure a home: ``{"rooms", "unreachable_rooms", "bad_doors", "bad_windows", "misplaced",
    "bad_access", "arrangement"}`` (each a list of what fails; empty lists mean the home passes)."""
    rooms = home_rooms(stage)
    by = {r.name: r for r in rooms}
    info = get_info(stage.GetPrimAtPath(ROOMS))
    x0, y0, x1, y1 = (float(v) for v in info.get("outline", (0, 0, 0, 0)))
    objs = list_objects(stage)
    floor_objs = [o for o in objs if o.support.endswith("/Floor") and o.size[2] >= 0.03]
    bad_doors, bad_windows, misplaced = [], [], []
    seen: set[str] = set()
    for r in rooms:
        for d in r.doors:
            if d.path in seen:
                continue
            seen.add(d.path)
            di = get_info(stage.GetPrimAtPath(d.path))
            joined = [str(n) for n in di.get("connects", [])]
            if not all(n in by and any(x.path == d.path for x in by[n].doors) for n in joined):
                bad_doors.append(f"{d.name}: not in a wall of each room it joins {joined}")
            for n in joined:  # the zone on each side (the leaf's swing on its side) is clear of furniture
                room = by.get(n)
                op = next((x for x in room.doors if x.path == d.path), None) if room else None
                if op is None:
                    continue
                wall = room.wall(op.wall)
                depth = max(DOOR_ZONE, op.width) if di.get("swing") == n else DOOR_ZONE
                cx, cy = wall.point(op.offset, depth / 2)
                zone = Footprint(cx, cy, op.width, depth, wall.facing_yaw)
                for o in floor_objs:
                    if o.room == n and footprints_overlap(zone, o.footprint):
                        bad_doors.append(f"{d.name}: {o.name} stands in its way in {n}")
        for w in r.windows:
            wi = get_info(stage.GetPrimAtPath(w.path))
            cx, cy = (float(v) for v in wi.get("center", (0, 0)))
            on_outline = (abs(cy - y0) < 1e-3 or abs(cy - y1) < 1e-3) if wi.get("axis") == "x" else \
                (abs(cx - x0) < 1e-3 or abs(cx - x1) < 1e-3)
            if not on_outline:
                bad_windows.append(f"{w.name} of {r.name} is in an interior wall")
    for o in objs:
        room = by.get(o.room)
        if room is None:
            misplaced.append(f"{o.name}: no room")
            continue
        if "/Walls/" in o.support or o.placement in ("on_wall", "any_wall_hang"):
            continue
        margin = 0.01 if o.support.endswith("/Floor") else 0.05  # a book may overhang its shelf's edge
        if not footprint_inside(o.footprint.inflated(-margin), room.polygon):
            misplaced.append(f"{o.name} crosses a wall of {room.name}")
    reach = home_reachability(stage)
    # a bathroom (any service room) is reached without crossing a bedroom, unless it is an en-suite
    # whose only door opens into its bedroom
    meta = {r.name: get_info(stage.GetPrimAtPath(r.path)) for r in rooms}
    private = frozenset(n for n, m in meta.items() if m.get("zone") == "private")
    around = home_reachability(stage, private)["unreachable"]
    bad_access = []
    for r in rooms:
        m = meta[r.name]
        if m.get("ensuite_of"):
            joined = {str(n) for d in r.doors for n in get_info(stage.GetPrimAtPath(d.path)).get("connects", [])}
            if joined - {r.name, str(m["ensuite_of"])}:
                bad_access.append(f"{r.name}: an en-suite of {m['ensuite_of']} with a door elsewhere")
        elif m.get("zone") == "service" and r.name in around:
            bad_access.append(f"{r.name}: reachable only through a bedroom")
    arrangement = [f"{r.rule} ({r.detail}): {', '.join(r.objects)}" for r in home_arrangement(stage) if not r.satisfied]
    # and a robot disc walks from the entrance through the doors into every room (furniture may close a way)
    walk = world_reachability(stage)
    unreachable_rooms = sorted(set(reach["unreachable"]) | set(walk.get("rooms_unreachable", [])))
    return {"rooms": [r.name for r in rooms], "unreachable_rooms": unreachable_rooms, "bad_doors": bad_doors,
            "bad_windows": bad_windows, "misplaced": misplaced, "bad_access": bad_access,
            "arrangement": arrangement}
