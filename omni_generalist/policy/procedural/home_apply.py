"""Building a home inside actions: ``create_home`` (floor plan → shell) and ``furnish_room``
(the procedural Planner inside one room, with its doors and windows given) (docs/homes.md).

Both depend only on their arguments and the seed, so the action log replays them byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...assets.materials import material_library
from ...world.home import author_home, home_rooms
from ...world.layout import object_names
from ...world.metadata import get_info, set_info
from ...world.stage import ROOMS
from .apply import _run
from .emit import emit
from .floorplan import FloorPlan, solve_floorplan
from .knowledge import room_kb
from .plan import Planner
from .program import PromptSpec
from .program_home import HomeProgram, HomeProgramError


@dataclass
class RoomShell:
    """A home's room as the Planner sees it: its floor polygon (a rectangle or an L) centred on the
    origin of its bounding box, its wall names, doors and windows."""

    width: float
    depth: float
    height: float
    polygon: list[tuple[float, float]]
    names: list[str]
    doors: list[tuple[str, float, float]] = field(default_factory=list)
    windows: list[tuple[str, float, float, float, float]] = field(default_factory=list)

    def layout(self, w: float, d: float, wall_type) -> tuple:
        """Polygon, wall names, height, windows, doors (wall index, offset, width) and walls."""
        poly, names = list(self.polygon), list(self.names)
        walls = [wall_type(names[i], i, poly[i], poly[(i + 1) % len(poly)], "") for i in range(len(poly))]
        doors = [(names.index(wn), off, width) for wn, off, width in self.doors]
        return poly, names, self.height, list(self.windows), doors, walls


def create_home(api, program: dict, seed: int) -> dict[str, Any]:
    """Solve (or read) a floor plan and author it (the ``create_home`` action)."""
    if api._room(required=False) is not None:
        raise ValueError("the world already has a room; create_home builds a new world's rooms")
    if not isinstance(program, dict):
        raise HomeProgramError("create_home takes a programme or a floor plan as a dict")
    if program.get("rooms") and all(isinstance(r, dict) and "rect" in r for r in program["rooms"]):
        plan = FloorPlan.from_dict(program)
    else:
        plan = solve_floorplan(HomeProgram.from_dict(program), seed)
    lib = material_library()
    kb = room_kb()
    floors = {}
    for r in plan.rooms:
        try:
            floors[r.name] = lib.resolve(kb.get(r.type).floor)
        except (KeyError, LookupError):
            floors[r.name] = lib.resolve("oak wood")
    author_home(api.stage, plan, floors, lib.resolve("painted white"), lib.resolve("plaster"),
                lib.resolve("painted wood"), lib.resolve("glass"))
    for r in plan.rooms:
        set_info(api.stage.GetPrimAtPath(ROOMS.AppendChild(r.name)), contents=r.contents)
    set_info(api.stage.GetPrimAtPath(ROOMS), style=plan.style, seed=int(seed))
    return {"rooms": [{"name": r.name, "type": r.type, "area": round(r.area, 1)} for r in plan.rooms],
            "doors": [{"name": d.name, "rooms": list(d.rooms)} for d in plan.doors],
            "windows": len(plan.windows)}


def _room_spec(room_type: str, contents: str, style: str) -> PromptSpec:
    from .parse import parse_prompt

    text = " ".join(w for w in (f"a {style}" if style else "a", room_type) if w)
    spec = parse_prompt(text + (f" with {contents}" if contents else ""))
    spec.room_type = room_type
    return spec


def _home_names(keys: list[str], taken: set[str]) -> dict[str, str]:
    """Names for a room's planned objects that no other object of the home has: ``bed_0`` stays
    ``bed_0`` in the first bedroom and becomes ``bed_1`` in the second (the room is in the path)."""
    out: dict[str, str] = {}
    used = set(taken)
    for key in keys:
        base, _, num = key.rpartition("_")
        base = base if base and num.isdigit() else key
        name, i = key, 0
        while name in used:
            name, i = f"{base}_{i}", i + 1
        out[key] = name
        used.add(name)
    return out


def furnish_room(api, room: str, program: dict | None, seed: int, robot_radius: float = 0.25) -> dict[str, Any]:
    """Lay out and build one room of a home (the ``furnish_room`` action; the room is active)."""
    info = next((r for r in home_rooms(api.stage) if r.name == room), None)
    if info is None:
        raise KeyError(f"no room {room!r}")
    prim = api.stage.GetPrimAtPath(info.path)
    meta = get_info(prim)
    if any(o.room == room for o in api.list_objects()):
        raise ValueError(f"{room} is already furnished (use add_object(..., room={room!r}) to add to it)")
    if program is not None:
        spec = PromptSpec.from_dict(program)
    else:
        style = str(get_info(api.stage.GetPrimAtPath(ROOMS)).get("style", ""))
        spec = _room_spec(info.room_type, str(meta.get("contents", "")), style)
    xs = [p[0] for p in info.polygon]
    ys = [p[1] for p in info.polygon]
    w, d = max(xs) - min(xs), max(ys) - min(ys)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    shell = RoomShell(round(w, 3), round(d, 3), info.height,
                      [(round(x - cx, 4), round(y - cy, 4)) for x, y in info.polygon], [wl.name for wl in info.walls],
                      [(o.wall, o.offset, o.width) for o in info.doors],
                      [(o.wall, o.offset, o.width, o.top - o.bottom, o.bottom) for o in info.windows])
    planner = Planner()
    planner.shell = shell
    plan = planner.plan(spec, int(seed), robot_radius)
    keys = _home_names([o.key for o in plan.objects], object_names(api.stage))
    for o in plan.objects:  # names unique in the home, poses in the home's frame
        o.key = keys[o.key]
        o.target = keys.get(o.target, o.target) if o.target else o.target
        o.serves = keys.get(o.serves, o.serves) if o.serves else o.serves
        o.like = keys.get(o.like, o.like) if o.like else o.like
        if o.pose is not None:
            x, y, yaw = o.pose
            o.pose = (round(x + cx, 4), round(y + cy, 4), yaw)
    for li in plan.lights:
        if li.position is not None:
            px, py, pz = li.position
            li.position = (round(px + cx, 4), round(py + cy, 4), pz)
    from ...actions.api import action_functions

    ns: dict[str, Any] = dict(action_functions(api))
    gave_up: list[str] = []
    for step in emit(plan)[1:]:  # the room itself exists
        _run(step, ns, gave_up)
    built = {o.name: o for o in api.list_objects()}
    for o in plan.objects:
        if o.source_text and o.key in built:
            set_info(api.stage.GetPrimAtPath(built[o.key].path), source_text=o.source_text)
    asked = {o.key for o in plan.objects if o.source_text}
    made_way = _open_the_way(api, info, asked, robot_radius)
    built = {o.name: o for o in api.list_objects()}
    return {"room": room, "room_type": plan.room_type, "objects": len([o for o in plan.objects if o.key in built]),
            "dropped": plan.dropped + gave_up, "unreachable": plan.unreachable,
            **({"made_way": made_way} if made_way else {})}


def _open_the_way(api, room, asked: set[str], radius: float) -> list[str]:
    """Keep a robot's way between a room's doors open (the way through a living room from the hallway
    to the kitchen): the floor furniture nearest the way moves against a wall, or, when it was not
    asked for and no wall takes it, makes way. Returns what was done, in words."""
    from ...errors import PlacementError
    from ...metrics.reachability import doors_apart

    def floor_objs():  # what stands on the floor, or on a rug on it (a coffee table on the rug)
        return [o for o in api.list_objects() if o.room == room.name and o.position[2] < 0.05 and o.size[2] >= 0.03]

    if not doors_apart(room, floor_objs(), radius):
        return []
    points = [room.wall(d.wall).point(d.offset, 0.45) for d in room.doors]
    ways = [(points[0], p) for p in points[1:]]

    def off_the_way(o) -> float:
        return min(_segment_distance(o.position[:2], a, b) for a, b in ways)

    done: list[str] = []
    for o in sorted(floor_objs(), key=lambda o: (off_the_way(o), o.name))[:8]:
        pose = (o.position, o.yaw)
        for wall in room.walls:
            try:
                api.move_object(o.name, against_wall=wall.name)
            except (PlacementError, ValueError):
                continue
            if not doors_apart(room, floor_objs(), radius):
                return done + [f"moved {o.name} against {wall.name}"]
        try:
            api.move_object(o.name, position=pose[0], rotation=pose[1])
        except (PlacementError, ValueError):
            pass
        if o.name not in asked and not api.get_object(o.name).articulated:
            api.remove_object(o.name)
            done.append(f"removed {o.name}")
            if not doors_apart(room, floor_objs(), radius):
                return done
    return done


def _segment_distance(p, a, b) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return ((p[0] - ax - t * dx) ** 2 + (p[1] - ay - t * dy) ** 2) ** 0.5
