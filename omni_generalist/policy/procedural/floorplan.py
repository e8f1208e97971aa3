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

from ...world.geometry import rect_outline, rectilinear_edges
from .program_home import HomeProgram, HomeProgramError, home_kb

MIN_DOOR_SEGMENT = 1.3
"""Shortest shared wall a door is put in (m)."""
SMALL_AREA = 9.0
"""Service rooms up to this area (m²) sit in front of a neighbour that wraps behind them (an L)."""


@dataclass
class PlanRoom:
    """A room of the plan: its bounding rectangle on the wall centre lines (``x0, y0, x1, y1``),
    less ``cut`` (a rectangle in one of its corners: an L-shaped room) when given."""

    name: str
    kind: str
    type: str
    zone: str
    rect: tuple[float, float, float, float]
    contents: str = ""
    cut: tuple[float, float, float, float] | None = None
    ensuite_of: str = ""
    """The bedroom an en-suite bathroom opens into (its only door)."""

    @property
    def area(self) -> float:
        x0, y0, x1, y1 = self.rect
        a = (x1 - x0) * (y1 - y0)
        if self.cut:
            a -= (self.cut[2] - self.cut[0]) * (self.cut[3] - self.cut[1])
        return a

    @property
    def outline(self) -> list[tuple[float, float]]:
        """Its counter-clockwise outline on the wall centre lines (4 corners, or 6 for an L)."""
        return rect_outline(self.rect, self.cut)

    def parts(self) -> list[tuple[float, float, float, float]]:
        """Rectangles that tile the room (one, or two for an L)."""
        if not self.cut:
            return [self.rect]
        x0, y0, x1, y1 = self.rect
        cx0, cy0, cx1, cy1 = self.cut
        side = (x0, y0, cx0, y1) if cx1 >= x1 - 1e-9 else (cx1, y0, x1, y1)
        rest = (cx0, cy1, cx1, y1) if cy0 <= y0 + 1e-9 else (cx0, y0, cx1, cy0)
        return [side, rest]


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
    swing: str = ""
    """The room its leaf swings into ("" for an open passage between two public rooms)."""
    hinge: str = ""
    """Which jamb the leaf hangs on: ``lo`` (the smaller coordinate along the wall) or ``hi``."""


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
                           "rect": [round(v, 3) for v in r.rect], "contents": r.contents,
                           **({"cut": [round(v, 3) for v in r.cut]} if r.cut else {}),
                           **({"ensuite_of": r.ensuite_of} if r.ensuite_of else {})} for r in self.rooms],
                "doors": [{"name": d.name, "rooms": list(d.rooms), "center": [round(v, 3) for v in d.center],
                           "axis": d.axis, "width": d.width, "entrance": d.entrance,
                           **({"swing": d.swing, "hinge": d.hinge} if d.swing else {})} for d in self.doors],
                "windows": [{"room": w.room, "center": [round(v, 3) for v in w.center], "axis": w.axis,
                             "width": w.width, "height": w.height, "sill": w.sill} for w in self.windows]}

    @classmethod
    def from_dict(cls, d: dict) -> FloorPlan:
        """Read a plan written by :meth:`to_dict` (the rooms must tile without overlaps)."""
        try:
            rooms = [PlanRoom(str(r["name"]), str(r["kind"]), str(r["type"]), str(r.get("zone", "private")),
                              tuple(float(v) for v in r["rect"]), str(r.get("contents", "")),
                              tuple(float(v) for v in r["cut"]) if r.get("cut") else None,
                              str(r.get("ensuite_of", ""))) for r in d["rooms"]]
            doors = [PlanDoor(str(x["name"]), tuple(str(v) for v in x["rooms"]), tuple(float(v) for v in x["center"]),
                              str(x["axis"]), float(x["width"]), bool(x.get("entrance", False)),
                              str(x.get("swing", "")), str(x.get("hinge", ""))) for x in d["doors"]]
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
    facing = {"south": "north", "north": "south", "east": "west", "west": "east"}
    out = []
    for side, axis, line, lo, hi in rectilinear_edges(a.outline):
        for side_b, _axis_b, line_b, lo_b, hi_b in rectilinear_edges(b.outline):
            if side_b == facing[side] and abs(line - line_b) < 1e-6 and (ov := _overlap(lo, hi, lo_b, hi_b)):
                out.append((axis, line, *ov))
    return out


def exterior_segments(plan: FloorPlan, room: PlanRoom) -> list[tuple[str, str, float, float, float]]:
    """Parts of a room's sides no other room shares: ``(side, axis, line, lo, hi)``."""
    out = []
    for side, axis, line, lo, hi in rectilinear_edges(room.outline):
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
        if any(x1 - x0 < 1.0 or y1 - y0 < 1.0 for x0, y0, x1, y1 in a.parts()):
            raise HomeProgramError(f"room {a.name} is narrower than 1 m somewhere")
        for b in rs[i + 1:]:
            if any(_overlap(p[0], p[2], q[0], q[2]) and _overlap(p[1], p[3], q[1], q[3])
                   for p in a.parts() for q in b.parts()):
                raise HomeProgramError(f"rooms {a.name} and {b.name} overlap")
    by = {r.name: r for r in rs}
    for d in plan.doors:
        if any(n not in by for n in d.rooms) or not 1 <= len(d.rooms) <= 2:
            raise HomeProgramError(f"door {d.name} joins unknown rooms {d.rooms}")
        if d.swing and (d.swing not in d.rooms or d.hinge not in ("lo", "hi")):
            raise HomeProgramError(f"door {d.name} swings into {d.swing!r}, not one of {d.rooms}, or has no hinge")
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
    ensuite_of: str = ""


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
    slots: list[_Slot] = []
    corridor: _Slot | None = None
    for r in program.rooms:
        k = kinds[r.kind]
        lo, hi = (float(v) for v in k["area"])
        # a room the prompt fills ("the second bedroom has a bed and a desk") takes the top of its range
        area = rng.uniform(hi, hi * 1.15) if r.contents and r.asked and not k.get("contents") else \
            rng.uniform(lo, lo + 0.6 * (hi - lo))
        slot = _Slot(r.name, r.kind, k["zone"], area, float(k["min_side"]), r.contents, r.ensuite_of)
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
    width_c = round(rng.uniform(*st["corridor_width"]), 2)
    mirror = rng.random() < 0.5
    height = round(rng.uniform(*st["height"]), 2)
    layout_rng = random.Random(rng.random())
    # the first arrangement whose doors all follow the rules (no bathroom off a kitchen or through a
    # bedroom); then the same with the second row reversed, the first reversed, both; then a corridor
    variants = [(need_corridor, f1, f2) for f1, f2 in ((False, False), (True, False), (False, True), (True, True))]
    if not need_corridor:
        variants += [(True, False, False), (True, True, False)]
    error: HomeProgramError | None = None
    for corr, flip_b, flip_a in variants:
        try:
            plan = _arrange(program, kinds, st, public, others, corridor, corr, flip_a, flip_b, width_c,
                            random.Random(f"{seed}:{corr}:{flip_a}:{flip_b}:{layout_rng.random()}"))
        except HomeProgramError as exc:
            if "outline" in str(exc):
                raise
            error = error or exc
            continue
        if mirror:
            x_max = plan.bounds[2]
            for r in plan.rooms:
                r.rect = _mirror(r.rect, x_max)
                r.cut = _mirror(r.cut, x_max) if r.cut else None
            for d in plan.doors:
                d.center = (round(x_max - d.center[0], 3), d.center[1])
                if d.axis == "x" and d.hinge:
                    d.hinge = "hi" if d.hinge == "lo" else "lo"
            for w in plan.windows:
                w.center = (round(x_max - w.center[0], 3), w.center[1])
        plan.height, plan.seed = height, seed
        check_plan(plan)
        return plan
    assert error is not None
    raise error


def _mirror(rect: tuple[float, float, float, float], x_max: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = rect
    return (round(x_max - x1, 3), y0, round(x_max - x0, 3), y1)


def _arrange(program: HomeProgram, kinds: dict, st: dict, public: list[_Slot], others: list[_Slot],
             corridor: _Slot | None, need_corridor: bool, flip_a: bool, flip_b: bool, width_c: float,
             rng: random.Random) -> FloorPlan:
    """Rooms in two rows (with a corridor between them when asked), then doors and windows."""
    slots = public + others
    ensuites = [s for s in others if s.ensuite_of and any(b.name == s.ensuite_of for b in others)]
    others = [s for s in others if s not in ensuites]
    if not public:
        public, others = others[:1], others[1:]
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
            corridor_kind = home_kb()["buildings"].get(program.building, {}).get("corridor", "hallway")
            cname = _unique_name(corridor_kind, {s.name for s in slots})
            corridor = _Slot(cname, "hallway", "circulation", 0.0, 1.1, "")
    else:
        row_b = others
    if flip_a:
        row_a.reverse()
    if flip_b:
        row_b.reverse()
    for e in ensuites:  # an en-suite sits beside its bedroom
        row = next((r for r in (row_a, row_b) if any(s.name == e.ensuite_of for s in r)), row_b)
        at = next((i for i, s in enumerate(row) if s.name == e.ensuite_of), len(row) - 1)
        row.insert(at + 1 if rng.random() < 0.5 else at, e)
    rows = [r for r in (row_a, row_b) if r]
    depths = [_depth(r) for r in rows]
    lmin = float(st["l_min_depth"])
    for r, d in zip(rows, depths, strict=True):
        _beside_partners(r, d, kinds, lmin)
    wraps = [_wraps(r, d, kinds, lmin) for r, d in zip(rows, depths, strict=True)]
    c_depth = width_c if need_corridor else 0.0
    outline = program.outline
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
        weights = [[_column_width(s, d, wr) * d for s in r] for r, d, wr in zip(rows, depths, wraps, strict=True)]
        widths = [[total_length * x / sum(ws) for x in ws] for ws in weights]
        for r, d, ws in zip(rows, depths, widths, strict=True):
            for s, w in zip(r, ws, strict=True):
                if min(w, d) < s.min_side:
                    raise HomeProgramError(f"the programme does not fit the {W:g} x {D:g} m outline: {s.name} would be "
                                           f"{w:.1f} x {d:.1f} m and a {s.kind} needs {s.min_side:g} m on each side")
    else:
        widths = [[_column_width(s, d, wr) for s in r] for r, d, wr in zip(rows, depths, wraps, strict=True)]
        total_length = max(sum(w) for w in widths)
        widths = [[w * total_length / sum(ws) for w in ws] for ws in widths]  # stretch the shorter row
    rooms: list[PlanRoom] = []
    y = 0.0
    row_y: list[tuple[float, float]] = []
    for i, (r, d, ws, wr) in enumerate(zip(rows, depths, widths, wraps, strict=True)):
        if i == 1 and need_corridor:
            y += c_depth
        front_high = i == 0  # the side facing the corridor or the other row
        x = 0.0
        cols = {}
        for s, w in zip(r, ws, strict=True):
            cols[s.name] = (x, x + w)
            x += w
        placed: dict[str, PlanRoom] = {}
        for s in r:
            x0, x1 = cols[s.name]
            k = kinds[s.kind]
            placed[s.name] = PlanRoom(s.name, s.kind, k["type"], s.zone, (x0, y, x1, y + d), s.contents,
                                      ensuite_of=s.ensuite_of)
        for small, partner in wr.items():  # the partner wraps behind (or, for an en-suite, in front of) it
            s = next(q for q in r if q.name == small)
            x0, x1 = cols[small]
            ds = _small_depth(s, x1 - x0, d, lmin)
            at_front = not s.ensuite_of
            lo_y = (y + d - ds if front_high else y) if at_front else (y if front_high else y + d - ds)
            cut = (x0, lo_y, x1, lo_y + ds)
            placed[small].rect = cut
            p = placed[partner]
            p.rect = (min(p.rect[0], x0), y, max(p.rect[2], x1), y + d)
            p.cut = cut
        rooms += [placed[s.name] for s in r]
        row_y.append((y, y + d))
        y += d
    if need_corridor and corridor is not None:
        ya = row_y[0][1]
        rooms.append(PlanRoom(corridor.name, corridor.kind, kinds[corridor.kind]["type"], "circulation",
                              (0.0, ya, total_length, ya + c_depth), corridor.contents))
    for r in rooms:
        r.rect = tuple(round(v, 3) for v in r.rect)  # type: ignore[assignment]
        r.cut = tuple(round(v, 3) for v in r.cut) if r.cut else None  # type: ignore[assignment]
    plan = FloorPlan(rooms, [], [], float(st["wall_thickness"]), 0.0, program.building, 0, program.style)
    _doors(plan, rng, need_corridor, corridor.name if need_corridor and corridor else None)
    _windows(plan, rng)
    return plan


def _can_wrap(q: _Slot, kinds: dict) -> bool:
    """Whether a room may wrap behind a small neighbour (a kitchen keeps plain walls for its counters)."""
    return not q.ensuite_of and q.zone in ("private", "public") and kinds[q.kind]["type"] != "kitchen"


def _beside_partners(row: list[_Slot], depth: float, kinds: dict, lmin: float) -> None:
    """Move each small room of a row (not an en-suite) beside a room that can wrap behind it and
    wraps nothing else yet: at the row's end when that room ends the row."""
    taken: set[str] = {s.ensuite_of for s in row if s.ensuite_of}
    for s in [s for s in row if _is_small(s, depth, lmin) and not s.ensuite_of]:
        i = row.index(s)
        near = [row[j].name for j in (i - 1, i + 1) if 0 <= j < len(row)]
        free = [q for q in row if _can_wrap(q, kinds) and not _is_small(q, depth, lmin) and q.name not in taken]
        if not free:
            continue
        best = next((q for q in free if q.name in near), None)
        if best is None:
            best = max(free, key=lambda q: (q.zone == "private", q.area))
            row.remove(s)
            j = row.index(best)
            row.insert(0 if j == 0 else j + 1, s)
        taken.add(best.name)


def _is_small(s: _Slot, depth: float, lmin: float) -> bool:
    """A small service room (a bathroom, a closet) that would be a strip across its row's depth, and
    leaves room behind it."""
    return s.zone == "service" and s.area <= SMALL_AREA and depth / max(s.area / depth, s.min_side) > 1.6 and depth - s.min_side >= lmin - 1e-6


def _small_depth(s: _Slot, width: float, depth: float, lmin: float) -> float:
    return round(min(max(s.area / width, s.min_side), depth - lmin), 3)


def _wraps(row: list[_Slot], depth: float, kinds: dict, lmin: float) -> dict[str, str]:
    """Small rooms of a row → the neighbour that wraps behind them (an L-shaped room). An en-suite's
    partner is its bedroom; a kitchen keeps plain walls for its counters and wraps nothing."""
    out: dict[str, str] = {}
    partners: set[str] = set()
    for i, s in enumerate(row):
        if not (_is_small(s, depth, lmin) or s.ensuite_of and depth - s.min_side >= lmin - 1e-6):
            continue
        near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        if s.ensuite_of:
            near = [q for q in near if q.name == s.ensuite_of]
        ok = [q for q in near if q.name not in partners and q.name not in out and not _is_small(q, depth, lmin)
              and _can_wrap(q, kinds)]
        if ok:
            q = max(ok, key=lambda q: (q.zone == "private", q.area))
            out[s.name] = q.name
            partners.add(q.name)
    return out


def _column_width(s: _Slot, depth: float, wraps: dict[str, str]) -> float:
    """A room's width in its row: its area over the row's depth, or about square when a neighbour wraps it."""
    if s.name in wraps:
        return max(s.min_side, math.sqrt(s.area))
    return max(s.area / depth, s.min_side)


def _unique_name(kind: str, taken: set[str]) -> str:
    base = kind.replace(" ", "_")
    name, i = base, 1
    while name in taken:
        i += 1
        name = f"{base}_{i}"
    return name


def _depth(row: list[_Slot]) -> float:
    """A row's depth: about the side of a square of its median room (bathrooms and closets left out:
    they sit in front of a neighbour), at least its largest minimum side."""
    if not row:
        return 0.0
    areas = sorted(s.area for s in row if s.zone != "service") or sorted(s.area for s in row)
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
    """One door per room: an en-suite into its bedroom; with a corridor, every other room into it (a
    kitchen that opens into a living or dining room keeps its walls); without one, public rooms side
    by side into each other and the rest into the public room they share most wall with. A bathroom
    never opens into a kitchen or through a bedroom (:class:`HomeProgramError` when it cannot: the
    solver then tries another arrangement)."""
    st = home_kb()["settings"]
    dw = float(st["door_width"])
    by = {r.name: r for r in plan.rooms}
    n = 0

    def name() -> str:
        nonlocal n
        n += 1
        return f"door_{n}"

    def allowed(r: PlanRoom, other: PlanRoom) -> bool:
        if other.zone == "private" or other.zone == "service" and r.zone == "private":
            return False  # nothing opens through a bedroom (but an en-suite), a bedroom not through a bathroom
        return not (r.zone in ("service", "private") and other.type == "kitchen" and r.type != "pantry")

    pub = [r for r in plan.rooms if r.zone == "public"] or plan.rooms[:1]
    for i, a in enumerate(pub):  # public rooms side by side open into each other (a kitchen into the living room)
        for b in pub[i + 1:]:
            if shared_segments(a, b):
                _door_on(plan, a, b, rng, dw, name())
    for r in plan.rooms:
        if r.ensuite_of and r.ensuite_of in by:
            if not _door_on(plan, r, by[r.ensuite_of], rng, dw, name()):
                raise HomeProgramError(f"{r.name} shares too short a wall with {r.ensuite_of} for a door")
    hall = by[corridor_name] if corridor and corridor_name else None
    if hall is not None:
        for r in plan.rooms:
            if r is hall or r.ensuite_of or not shared_segments(r, hall):
                continue
            # a kitchen that opens into a living or dining room keeps its walls for its counters
            if r.type == "kitchen" and r.zone == "public" and any(r.name in d.rooms for d in plan.doors):
                continue
            if not _door_on(plan, r, hall, rng, dw, name()):
                raise HomeProgramError(f"{r.name} shares too short a wall with {hall.name} for a door")
    for r in plan.rooms:
        if r is hall or r in pub or any(r.name in d.rooms for d in plan.doors):
            continue
        # into the public room it shares most wall with (a kitchen hosts a door only when no other
        # public room can: its walls are for its counters), else into another room it may open into
        cands = sorted(((sum(s[3] - s[2] for s in shared_segments(r, p)), p) for p in plan.rooms
                        if p is not r and p is not hall and allowed(r, p)),
                       key=lambda c: (c[1].zone != "public", c[1].type == "kitchen", -c[0]))
        if not any(_door_on(plan, r, p, rng, dw, name()) for ln, p in cands if ln > 0):
            raise HomeProgramError(f"{r.name} shares no wall long enough for a door with a room it may open into")
    _swings(plan)
    if hall is not None:
        # the entrance: into the corridor at one end
        ends = [s for s in exterior_segments(plan, hall) if s[0] in ("west", "east")]
        if not ends:
            raise HomeProgramError("the corridor has no exterior wall for the entrance")
        _, axis, line, lo, hi = rng.choice(ends)
        plan.doors.append(PlanDoor("entrance", (hall.name,), (line, round((lo + hi) / 2, 3)), axis,
                                   min(float(st["entrance_width"]), hi - lo - plan.wall_thickness - 0.2), True))
        return
    main = max(pub, key=lambda r: r.area)
    ext = [s for s in exterior_segments(plan, main) if s[4] - s[3] >= 2.0]
    if not ext:
        raise HomeProgramError(f"{main.name} has no exterior wall for the entrance")
    side, axis, line, lo, hi = max(ext, key=lambda s: (s[0] == "south", s[4] - s[3]))
    plan.doors.append(PlanDoor("entrance", (main.name,), (round(lo + min(1.0, (hi - lo) / 3) + 0.2, 3), line)
                               if axis == "x" else (line, round(lo + min(1.0, (hi - lo) / 3) + 0.2, 3)), axis,
                               float(st["entrance_width"]), True))


def _swings(plan: FloorPlan) -> None:
    """Each interior door's leaf swings into the room off the corridor, the en-suite, or the private or
    service room off a public one (two public rooms share an open passage), hung on the jamb nearer
    that room's corner so the open leaf rests by the side wall."""
    by = {r.name: r for r in plan.rooms}
    for d in plan.doors:
        if len(d.rooms) != 2:
            continue
        a, b = (by[n] for n in d.rooms)
        if a.zone == "circulation" or b.zone == "circulation":
            into = b if a.zone == "circulation" else a
        elif a.ensuite_of or b.ensuite_of:
            into = a if a.ensuite_of else b
        elif (a.zone == "public") != (b.zone == "public"):
            into = b if a.zone == "public" else a
        else:
            continue
        x0, y0, x1, y1 = into.rect
        c, lo, hi = (d.center[0], x0, x1) if d.axis == "x" else (d.center[1], y0, y1)
        d.swing, d.hinge = into.name, ("lo" if c - lo < hi - c else "hi")


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
