"""Floor-plan solver: a :class:`~.program_home.HomeProgram` → rooms as rectangles, doors, windows.

Rooms are packed in two rows along X (public rooms in the south row, next to the entrance) with a
corridor between the rows when the private and service rooms would otherwise open into each
other; without a corridor every room of the north row opens into a public room of the south
row. The rows are stretched to one length, so the footprint is a rectangle with no gaps and no
overlaps; a given outline is filled exactly. Walls lie centred on the lines between rooms (one
wall per shared line), interior doors sit in shared walls, one entrance door in an exterior wall,
windows only in exterior walls. Sizes come from ``data/knowledge/homes.toml``; the seed picks
areas, the order within a zone, the corridor width, the entrance end and mirroring.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from .program_home import HomeProgram, HomeProgramError, home_kb

MIN_DOOR_SEGMENT = 1.3
"""Shortest shared wall a door is put in (m)."""


@dataclass
class PlanRoom:
    """A room of the plan: its rectangle on the wall centre lines (``x0, y0, x1, y1``)."""

    name: str
    kind: str
    type: str
    zone: str
    rect: tuple[float, float, float, float]
    contents: str = ""

    @property
    def area(self) -> float:
        x0, y0, x1, y1 = self.rect
        return (x1 - x0) * (y1 - y0)


@dataclass
class PlanDoor:
    """A door centred at ``center`` on a wall line; ``rooms`` are the one or two rooms it joins."""

    name: str
    rooms: tuple[str, ...]
    center: tuple[float, float]
    axis: str
    """``x``: the wall runs along X (a horizontal line); ``y``: along Y."""
    width: float
    entrance: bool = False


@dataclass
class PlanWindow:
    room: str
    center: tuple[float, float]
    axis: str
    width: float
    height: float
    sill: float


@dataclass
class FloorPlan:
    """The solved plan."""

    rooms: list[PlanRoom]
    doors: list[PlanDoor]
    windows: list[PlanWindow]
    wall_thickness: float
    height: float
    building: str = "home"
    seed: int = 0
    style: str = ""
    notes: list[str] = field(default_factory=list)

    def room(self, name: str) -> PlanRoom:
        for r in self.rooms:
            if r.name == name:
                return r
        raise KeyError(f"no room {name!r} (rooms: {', '.join(r.name for r in self.rooms)})")

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (min(r.rect[0] for r in self.rooms), min(r.rect[1] for r in self.rooms),
                max(r.rect[2] for r in self.rooms), max(r.rect[3] for r in self.rooms))

    def to_dict(self) -> dict:
        """The plan as JSON data (the ``create_home`` action builds it)."""
        return {"building": self.building, "seed": self.seed, "style": self.style,
                "wall_thickness": self.wall_thickness, "height": self.height,
                "rooms": [{"name": r.name, "kind": r.kind, "type": r.type, "zone": r.zone,
                           "rect": [round(v, 3) for v in r.rect], "contents": r.contents} for r in self.rooms],
                "doors": [{"name": d.name, "rooms": list(d.rooms), "center": [round(v, 3) for v in d.center],
                           "axis": d.axis, "width": d.width, "entrance": d.entrance} for d in self.doors],
                "windows": [{"room": w.room, "center": [round(v, 3) for v in w.center], "axis": w.axis,
                             "width": w.width, "height": w.height, "sill": w.sill} for w in self.windows]}

    @classmethod
    def from_dict(cls, d: dict) -> FloorPlan:
        """Read a plan written by :meth:`to_dict` (the rooms must tile without overlaps)."""
        try:
            rooms = [PlanRoom(str(r["name"]), str(r["kind"]), str(r["type"]), str(r.get("zone", "private")),
                              tuple(float(v) for v in r["rect"]), str(r.get("contents", ""))) for r in d["rooms"]]
            doors = [PlanDoor(str(x["name"]), tuple(str(v) for v in x["rooms"]), tuple(float(v) for v in x["center"]),
                              str(x["axis"]), float(x["width"]), bool(x.get("entrance", False))) for x in d["doors"]]
            windows = [PlanWindow(str(w["room"]), tuple(float(v) for v in w["center"]), str(w["axis"]),
                                  float(w["width"]), float(w["height"]), float(w["sill"])) for w in d.get("windows", [])]
        except (KeyError, TypeError, ValueError) as exc:
            raise HomeProgramError(f"a floor plan needs rooms (name, kind, type, rect) and doors: {exc}") from None
        plan = cls(rooms, doors, windows, float(d.get("wall_thickness", 0.15)), float(d.get("height", 2.7)),
                   str(d.get("building", "home")), int(d.get("seed", 0)), str(d.get("style", "")))
        check_plan(plan)
        return plan


def _overlap(a0: float, a1: float, b0: float, b1: float) -> tuple[float, float] | None:
    lo, hi = max(a0, b0), min(a1, b1)
    return (lo, hi) if hi - lo > 1e-6 else None


def shared_segments(a: PlanRoom, b: PlanRoom) -> list[tuple[str, float, float, float]]:
    """Wall lines rooms ``a`` and ``b`` share: ``(axis, line, lo, hi)``."""
    ax0, ay0, ax1, ay1 = a.rect
    bx0, by0, bx1, by1 = b.rect
    out = []
    for line_a, line_b in ((ay1, by0), (ay0, by1)):
        if abs(line_a - line_b) < 1e-6 and (ov := _overlap(ax0, ax1, bx0, bx1)):
            out.append(("x", line_a, *ov))
    for line_a, line_b in ((ax1, bx0), (ax0, bx1)):
        if abs(line_a - line_b) < 1e-6 and (ov := _overlap(ay0, ay1, by0, by1)):
            out.append(("y", line_a, *ov))
    return out


def exterior_segments(plan: FloorPlan, room: PlanRoom) -> list[tuple[str, str, float, float, float]]:
    """Parts of a room's sides no other room shares: ``(side, axis, line, lo, hi)``."""
    x0, y0, x1, y1 = room.rect
    sides = [("south", "x", y0, x0, x1), ("north", "x", y1, x0, x1), ("west", "y", x0, y0, y1), ("east", "y", x1, y0, y1)]
    out = []
    for side, axis, line, lo, hi in sides:
        free = [(lo, hi)]
        for other in plan.rooms:
            if other is room:
                continue
            for ax, ln, a, b in shared_segments(room, other):
                if ax != axis or abs(ln - line) > 1e-6:
                    continue
                free = [p for s, e in free for p in ((s, min(e, a)), (max(s, b), e)) if p[1] - p[0] > 1e-6]
        out += [(side, axis, line, s, e) for s, e in free]
    return out


def check_plan(plan: FloorPlan) -> None:
    """Raise HomeProgramError when rooms overlap or a door is not in a wall its rooms share."""
    rs = plan.rooms
    names = [r.name for r in rs]
    if len(set(names)) != len(names):
        raise HomeProgramError(f"room names must be unique, got {names}")
    for i, a in enumerate(rs):
        x0, y0, x1, y1 = a.rect
        if x1 - x0 < 1.0 or y1 - y0 < 1.0:
            raise HomeProgramError(f"room {a.name} is smaller than 1 m on a side")
        for b in rs[i + 1:]:
            if _overlap(x0, x1, b.rect[0], b.rect[2]) and _overlap(y0, y1, b.rect[1], b.rect[3]):
                raise HomeProgramError(f"rooms {a.name} and {b.name} overlap")
    by = {r.name: r for r in rs}
    for d in plan.doors:
        if any(n not in by for n in d.rooms) or not 1 <= len(d.rooms) <= 2:
            raise HomeProgramError(f"door {d.name} joins unknown rooms {d.rooms}")
        if len(d.rooms) == 2:
            segs = [s for s in shared_segments(by[d.rooms[0]], by[d.rooms[1]]) if s[0] == d.axis]
            c = d.center[0] if d.axis == "x" else d.center[1]
            line = d.center[1] if d.axis == "x" else d.center[0]
            if not any(abs(s[1] - line) < 1e-3 and s[2] + d.width / 2 <= c + 1e-3 and c + d.width / 2 <= s[3] + 1e-3
                       for s in segs):
                raise HomeProgramError(f"door {d.name} is not in a wall {d.rooms[0]} and {d.rooms[1]} share")


@dataclass
class _Slot:
    name: str
    kind: str
    zone: str
    area: float
    min_side: float
    contents: str


def solve_floorplan(program: HomeProgram, seed: int) -> FloorPlan:
    """Lay out the programme's rooms for ``seed``.

    Args:
        program: which rooms (and an optional outline).
        seed: the same programme and seed give the same plan.

    Returns:
        The floor plan.

    Raises:
        HomeProgramError: too many rooms, or the programme does not fit the outline.
    """
    kb = home_kb()
    st = kb["settings"]
    kinds = kb["kinds"]
    if len(program.rooms) > program.max_rooms:
        raise HomeProgramError(f"the programme has {len(program.rooms)} rooms; the most a home may have is "
                               f"{program.max_rooms} (raise max_rooms for hotels and dorms)")
    rng = random.Random(f"floorplan:{seed}")
    t = float(st["wall_thickness"])
    slots: list[_Slot] = []
    corridor: _Slot | None = None
    for r in program.rooms:
        k = kinds[r.kind]
        lo, hi = (float(v) for v in k["area"])
        # a room the prompt fills ("the second bedroom has a bed and a desk") takes the top of its range
        area = rng.uniform(hi, hi * 1.15) if r.contents and r.asked and not k.get("contents") else \
            rng.uniform(lo, lo + 0.6 * (hi - lo))
        slot = _Slot(r.name, r.kind, k["zone"], area, float(k["min_side"]), r.contents)
        if k["zone"] == "circulation" and corridor is None:
            corridor = slot
        else:
            slots.append(slot)
    public = [s for s in slots if s.zone == "public"]
    others = [s for s in slots if s.zone != "public"]
    # private rooms before service rooms, in a seeded order within each zone
    rng.shuffle(others)
    others.sort(key=lambda s: s.zone == "service")
    public = _adjacency_order(public, kinds, rng)
    need_corridor = corridor is not None or len(others) >= 3 or (not public and len(slots) > 2)
    if not public:
        public, others = others[:1], others[1:]
    width_c = round(rng.uniform(*st["corridor_width"]), 2)
    row_a, row_b = list(public), []
    if need_corridor:
        # balance the rows: each room goes to the shorter one
        def length(row: list[_Slot]) -> float:
            return sum(s.area / _depth(row) for s in row) if row else 0.0
        for s in others:
            (row_a if length(row_a + [s]) <= length(row_b + [s]) - 0.01 and len(row_a) < len(row_b) + len(public)
             else row_b).append(s)
        if not row_b:
            row_b.append(row_a.pop())
        if corridor is None:
            corridor_kind = kb["buildings"].get(program.building, {}).get("corridor", "hallway")
            cname = _unique_name(corridor_kind, {s.name for s in slots})
            corridor = _Slot(cname, "hallway", "circulation", 0.0, 1.1, "")
    else:
        row_b = others
        if corridor is not None:  # a hallway asked for in a small home: it becomes the circulation
            need_corridor = True
    outline = program.outline
    rows = [r for r in (row_a, row_b) if r]
    depths = [_depth(r) for r in rows]
    widths = [[max(s.area / d, s.min_side) for s in r] for r, d in zip(rows, depths, strict=True)]
    total_length = max(sum(w) for w in widths)
    c_depth = width_c if need_corridor else 0.0
    if outline is not None:
        W, D = outline
        need = sum(s.area for s in slots)
        if need > W * D * 0.98:
            raise HomeProgramError(f"the programme needs about {need:.0f} m² but the {W:g} x {D:g} m outline "
                                   f"has {W * D:.0f} m²")
        sums = [sum(s.area for s in r) for r in rows]
        free = D - c_depth
        depths = [free * a / sum(sums) for a in sums]
        total_length = W
        widths = [[total_length * s.area / sum(x.area for x in r) for s in r] for r in rows]
        for r, d, ws in zip(rows, depths, widths, strict=True):
            for s, w in zip(r, ws, strict=True):
                if min(w, d) < s.min_side:
                    raise HomeProgramError(f"the programme does not fit the {W:g} x {D:g} m outline: {s.name} would be "
                                           f"{w:.1f} x {d:.1f} m and a {s.kind} needs {s.min_side:g} m on each side")
    else:
        widths = [[w * total_length / sum(ws) for w in ws] for ws in widths]  # stretch the shorter row
    rooms: list[PlanRoom] = []
    y = 0.0
    row_y: list[tuple[float, float]] = []
    for i, (r, d, ws) in enumerate(zip(rows, depths, widths, strict=True)):
        if i == 1 and need_corridor:
            y += c_depth
        x = 0.0
        for s, w in zip(r, ws, strict=True):
            k = kinds[s.kind]
            rooms.append(PlanRoom(s.name, s.kind, k["type"], s.zone, (x, y, x + w, y + d), s.contents))
            x += w
        row_y.append((y, y + d))
        y += d
    if need_corridor and corridor is not None:
        ya = row_y[0][1]
        if len(rows) == 1:  # every room in one row: the corridor runs along it
            y += c_depth
        rooms.append(PlanRoom(corridor.name, corridor.kind, kinds[corridor.kind]["type"], "circulation",
                              (0.0, ya, total_length, ya + c_depth), corridor.contents))
    mirror = rng.random() < 0.5
    if mirror:
        for r in rooms:
            x0, y0, x1, y1 = r.rect
            r.rect = (total_length - x1, y0, total_length - x0, y1)
    for r in rooms:
        r.rect = tuple(round(v, 3) for v in r.rect)  # type: ignore[assignment]
    height = round(rng.uniform(*st["height"]), 2)
    plan = FloorPlan(rooms, [], [], t, height, program.building, seed, program.style)
    _doors(plan, rng, need_corridor, corridor.name if need_corridor and corridor else None)
    _windows(plan, rng)
    check_plan(plan)
    return plan


def _unique_name(kind: str, taken: set[str]) -> str:
    base = kind.replace(" ", "_")
    name, i = base, 1
    while name in taken:
        i += 1
        name = f"{base}_{i}"
    return name


def _depth(row: list[_Slot]) -> float:
    """A row's depth: about the side of a square of its median room, at least its largest minimum side."""
    if not row:
        return 0.0
    areas = sorted(s.area for s in row)
    med = areas[len(areas) // 2]
    return round(min(max(math.sqrt(med) * 1.1, max(s.min_side for s in row), 2.6), 9.0), 2)


def _adjacency_order(public: list[_Slot], kinds: dict, rng: random.Random) -> list[_Slot]:
    """Public rooms in a row where each sits next to what it should (the kitchen by the dining or
    living room): greedy from the largest, each next the one that wants it most."""
    if len(public) <= 1:
        return public
    left = sorted(public, key=lambda s: -s.area)
    order = [left.pop(0)]
    while left:
        last = order[-1]
        wants = set(kinds[last.kind].get("next_to", []))
        left.sort(key=lambda s: (s.kind not in wants and last.kind not in kinds[s.kind].get("next_to", []),
                                 rng.random()))
        order.append(left.pop(0))
    return order


def _door_on(plan: FloorPlan, a: PlanRoom, b: PlanRoom | None, rng: random.Random, width: float,
             name: str, seg=None) -> bool:
    segs = [seg] if seg else shared_segments(a, b) if b else []
    t = plan.wall_thickness
    segs = [s for s in segs if s[3] - s[2] >= max(MIN_DOOR_SEGMENT, width + t + 0.3)]
    if not segs:
        return False
    axis, line, lo, hi = max(segs, key=lambda s: s[3] - s[2])
    margin = t / 2 + width / 2 + 0.15
    c = round(rng.uniform(lo + margin, hi - margin) if hi - lo > 2 * margin + 0.4 else (lo + hi) / 2, 3)
    # doors near a room's corner leave its walls free for furniture: pull towards the nearer end
    if hi - lo > 3.0:
        c = round(lo + margin + 0.1 if rng.random() < 0.5 else hi - margin - 0.1, 3)
    center = (c, line) if axis == "x" else (line, c)
    plan.doors.append(PlanDoor(name, (a.name, b.name) if b else (a.name,), center, axis, width, b is None))
    return True


def _doors(plan: FloorPlan, rng: random.Random, corridor: bool, corridor_name: str | None) -> None:
    st = home_kb()["settings"]
    dw = float(st["door_width"])
    by = {r.name: r for r in plan.rooms}
    n = 0

    def name() -> str:
        nonlocal n
        n += 1
        return f"door_{n}"
    if corridor and corridor_name:
        hall = by[corridor_name]
        # public rooms side by side open into each other (a kitchen into the living room)
        pub = [r for r in plan.rooms if r.zone == "public"]
        for i, a in enumerate(pub):
            for b in pub[i + 1:]:
                if shared_segments(a, b):
                    _door_on(plan, a, b, rng, dw, name())
        kinds = home_kb()["kinds"]
        for r in plan.rooms:
            if r is hall or not shared_segments(r, hall):
                continue
            # a kitchen that opens into a living or dining room keeps its walls for its counters
            if kinds[r.kind].get("next_to") and r.type == "kitchen" and any(r.name in d.rooms for d in plan.doors):
                continue
            if not _door_on(plan, r, hall, rng, dw, name()):
                raise HomeProgramError(f"{r.name} shares too short a wall with {hall.name} for a door")
        # the entrance: into the corridor at one end
        ends = [s for s in exterior_segments(plan, hall) if s[0] in ("west", "east")]
        side = rng.choice(ends) if ends else None
        if side is None:
            raise HomeProgramError("the corridor has no exterior wall for the entrance")
        _, axis, line, lo, hi = side
        plan.doors.append(PlanDoor("entrance", (hall.name,), (line, round((lo + hi) / 2, 3)), axis,
                                   min(float(st["entrance_width"]), hi - lo - plan.wall_thickness - 0.2), True))
        return
    pub = [r for r in plan.rooms if r.zone == "public"] or plan.rooms[:1]
    rest = [r for r in plan.rooms if r not in pub]
    for i, a in enumerate(pub):
        for b in pub[i + 1:]:
            if shared_segments(a, b):
                _door_on(plan, a, b, rng, dw, name())
    for r in rest:
        # into the public room it shares most wall with
        # (a kitchen hosts a door only when no other public room can: its walls are for its counters)
        cands = sorted(((sum(s[3] - s[2] for s in shared_segments(r, p)), p) for p in pub),
                       key=lambda c: (c[1].type == "kitchen" and c[0] > 0, -c[0]))
        if not any(_door_on(plan, r, p, rng, dw, name()) for ln, p in cands if ln > 0):
            others = [o for o in plan.rooms if o is not r and o not in pub and shared_segments(r, o)]
            if not any(_door_on(plan, r, o, rng, dw, name()) for o in others):
                raise HomeProgramError(f"{r.name} shares no wall long enough for a door with another room")
    main = max(pub, key=lambda r: r.area)
    ext = [s for s in exterior_segments(plan, main) if s[4] - s[3] >= 2.0]
    if not ext:
        raise HomeProgramError(f"{main.name} has no exterior wall for the entrance")
    side, axis, line, lo, hi = max(ext, key=lambda s: (s[0] == "south", s[4] - s[3]))
    plan.doors.append(PlanDoor("entrance", (main.name,), (round(lo + min(1.0, (hi - lo) / 3) + 0.2, 3), line)
                               if axis == "x" else (line, round(lo + min(1.0, (hi - lo) / 3) + 0.2, 3)), axis,
                               float(st["entrance_width"]), True))


def _windows(plan: FloorPlan, rng: random.Random) -> None:
    kinds = home_kb()["kinds"]
    entrance = [d for d in plan.doors if d.entrance]
    for r in plan.rooms:
        lo_n, hi_n = (int(v) for v in kinds[r.kind].get("windows", [1, 1]))
        n = rng.randint(lo_n, hi_n)
        if n <= 0:
            continue
        segs = [s for s in exterior_segments(plan, r) if s[4] - s[3] >= 1.8]
        segs.sort(key=lambda s: -(s[4] - s[3]))
        bath = kinds[r.kind]["zone"] == "service"
        for _side, axis, line, lo, hi in segs[:n]:
            width = round(min(1.4, (hi - lo) * 0.4), 2) if not bath else 0.6
            c = round((lo + hi) / 2 + rng.uniform(-0.15, 0.15) * (hi - lo - width), 3)
            center = (c, line) if axis == "x" else (line, c)
            if any(d.axis == axis and math.dist(d.center, center) < (d.width + width) / 2 + 0.3 for d in entrance):
                continue
            h, sill = (0.6, 1.5) if bath else (1.2, 0.9)
            plan.windows.append(PlanWindow(r.name, center, axis, width, h, sill))
