"""Arrangement rules: is a world laid out the way people arrange rooms? Read from the USD alone.

Each rule is a function over a :class:`WorldView` returning one :class:`RuleResult` per instance it
applies to (a curtain, a coffee table, a chair…), with the object names and whether it is
satisfied. Rules live in a registry that refuses duplicates (:func:`rule`, :data:`RULES`). The
category sets they use are data (``arrangement.toml`` beside this module).

A rule also applies because of the prompt: when a suite's requirements ask for members of every
set of the rule's group (``[prompt_groups]``: e.g. a sofa *and* a coffee table), a world missing
any of them gets one failed instance (``missing``) instead of being vacuously satisfied.

Conventions: an object's position is its bottom centre, its yaw turns its front from +Y.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pxr import Usd

from ..assets.catalog import catalog
from ..tomlcache import read_toml
from ..world.geometry import Footprint, Point
from ..world.layout import is_floor
from ..world.model import ObjectInfo, RoomInfo, list_objects, room_info

DATA = Path(__file__).with_name("arrangement.toml")


@lru_cache(maxsize=1)
def rule_data() -> dict[str, Any]:
    """The category sets and prompt groups of ``arrangement.toml``."""
    return read_toml(DATA)


def category_set(name: str) -> frozenset[str]:
    """Return the named category set of ``arrangement.toml`` (lower case)."""
    return frozenset(c.lower() for c in rule_data()["sets"][name])


@dataclass
class RuleResult:
    """One instance a rule applies to and whether it holds."""

    rule: str
    objects: list[str]
    satisfied: bool
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "objects": self.objects, "satisfied": self.satisfied, "detail": self.detail}


@dataclass
class WorldView:
    """A written world as the rules see it: stage, room and objects (and the prompt's requirements)."""

    stage: Usd.Stage
    room: RoomInfo | None
    objects: list[ObjectInfo]
    require: list[dict] = field(default_factory=list)

    @classmethod
    def open(cls, world: str | Path | Usd.Stage, require: list[dict] | None = None) -> WorldView:
        """Read a world from a stage, a ``world.usd`` file or a world folder."""
        if isinstance(world, Usd.Stage):
            stage = world
        else:
            p = Path(world)
            stage = Usd.Stage.Open(str(p / "world.usd" if p.is_dir() else p))
        return cls(stage, room_info(stage), list_objects(stage), list(require or []))

    @cached_property
    def by_path(self) -> dict[str, ObjectInfo]:
        return {o.path: o for o in self.objects}

    def of(self, set_name: str) -> list[ObjectInfo]:
        """Objects whose category or a semantic label is in the named set."""
        wanted = category_set(set_name)
        if set_name in rule_data()["match"]["category_only"]:
            return [o for o in self.objects if o.category.lower() in wanted]
        return [o for o in self.objects if names(o) & wanted]

    def on_floor(self, obj: ObjectInfo) -> bool:
        """True when the object stands on the floor (directly, or on a rug or mat lying on it)."""
        if is_floor(obj.support):
            return True
        sup = self.by_path.get(obj.support)
        if sup is None:
            return obj.bottom < 0.03
        return bool(names(sup) & category_set("floor_textile")) and sup.bottom < 0.03


def names(obj: ObjectInfo) -> set[str]:
    """The object's category and semantic labels, lower case."""
    return {obj.category.lower(), *(label.lower() for label in obj.labels)}


# ------------------------------------------------------------------------------------- geometry

def front(obj: ObjectInfo) -> Point:
    """Unit vector the object's front points to on the floor."""
    a = math.radians(obj.yaw)
    return (-math.sin(a), math.cos(a))


def to_local(obj: ObjectInfo, p: Point) -> Point:
    """Map a floor point into the object's frame (origin its centre, +Y its front)."""
    a = math.radians(obj.yaw)
    dx, dy = p[0] - obj.position[0], p[1] - obj.position[1]
    return (math.cos(a) * dx + math.sin(a) * dy, -math.sin(a) * dx + math.cos(a) * dy)


def rect_distance(fp: Footprint, p: Point) -> float:
    """Distance from a floor point to an oriented rectangle (0 inside it)."""
    a = math.radians(fp.yaw)
    dx, dy = p[0] - fp.x, p[1] - fp.y
    lx, ly = math.cos(a) * dx + math.sin(a) * dy, -math.sin(a) * dx + math.cos(a) * dy
    ex, ey = max(abs(lx) - fp.w / 2, 0.0), max(abs(ly) - fp.d / 2, 0.0)
    return math.hypot(ex, ey)


def nearest_on_rect(fp: Footprint, p: Point) -> Point:
    """The point of an oriented rectangle nearest to ``p``."""
    a = math.radians(fp.yaw)
    dx, dy = p[0] - fp.x, p[1] - fp.y
    lx, ly = math.cos(a) * dx + math.sin(a) * dy, -math.sin(a) * dx + math.cos(a) * dy
    lx, ly = max(-fp.w / 2, min(fp.w / 2, lx)), max(-fp.d / 2, min(fp.d / 2, ly))
    return fp.to_world(lx, ly)


def angle_to(obj: ObjectInfo, target: Point) -> float:
    """Angle (degrees) between the object's front and the direction from it to ``target``."""
    fx, fy = front(obj)
    dx, dy = target[0] - obj.position[0], target[1] - obj.position[1]
    n = math.hypot(dx, dy)
    if n < 1e-9:
        return 0.0
    return math.degrees(math.acos(max(-1.0, min(1.0, (fx * dx + fy * dy) / n))))


def footprint_gap(a: Footprint, b: Footprint) -> float:
    """Smallest distance between two footprints' corners and rectangles (0 when they touch)."""
    return min(min(rect_distance(a, c) for c in b.corners()), min(rect_distance(b, c) for c in a.corners()))


def _xy(obj: ObjectInfo) -> Point:
    return (obj.position[0], obj.position[1])


# ------------------------------------------------------------------------------------- registry

RuleFn = Callable[[WorldView], list[RuleResult]]
RULES: dict[str, RuleFn] = {}


def rule(name: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule under ``name``; a name registered twice is refused."""
    def deco(fn: RuleFn) -> RuleFn:
        if name in RULES:
            raise ValueError(f"arrangement rule {name!r} is registered twice")
        RULES[name] = fn
        return fn
    return deco


# ---------------------------------------------------------------------------------------- rules

WINDOW_CENTRE_TOL = 0.3
WALL_TOL = 0.3


@rule("curtain_at_window")
def curtain_at_window(w: WorldView) -> list[RuleResult]:
    """A curtain or blind hangs on a window's wall, centred on the window within 0.3 m."""
    out = []
    for c in w.of("window_dressing"):
        ok, where = False, "no window"
        for win in (w.room.windows if w.room else []):
            wall = w.room.wall(win.wall)
            along = to_wall_offset(wall, _xy(c))
            dist = _wall_distance(wall, _xy(c))
            if dist <= WALL_TOL and abs(along - win.offset) <= WINDOW_CENTRE_TOL:
                ok, where = True, win.name
                break
            where = f"{abs(along - win.offset):.2f} m from {win.name}, {dist:.2f} m off its wall"
        out.append(RuleResult("curtain_at_window", [c.name], ok, where))
    return out


def to_wall_offset(wall, p: Point) -> float:
    """Distance along ``wall`` from its start to the foot of ``p``."""
    dx, dy = wall.direction
    return (p[0] - wall.start[0]) * dx + (p[1] - wall.start[1]) * dy


def _wall_distance(wall, p: Point) -> float:
    nx, ny = wall.inward
    return abs((p[0] - wall.start[0]) * nx + (p[1] - wall.start[1]) * ny)


@rule("coffee_table_by_sofa")
def coffee_table_by_sofa(w: WorldView) -> list[RuleResult]:
    """A coffee table stands 0.25–0.7 m in front of a sofa, in its front half-plane."""
    sofas = w.of("sofa")
    out = []
    for t in (w.of("coffee_table") if sofas else []):
        best = None
        for s in sofas:
            lx, ly = to_local(s, _xy(t))
            corners = [to_local(s, p) for p in t.footprint.corners()]
            gap = min(y for _, y in corners) - s.size[1] / 2
            ok = ly > s.size[1] / 2 and abs(lx) <= s.size[0] / 2 and 0.25 <= gap <= 0.7
            if ok:
                best = (True, f"{gap:.2f} m from {s.name}")
                break
            best = best or (False, f"{gap:.2f} m from {s.name}, {'in front' if ly > 0 else 'behind'}")
        out.append(RuleResult("coffee_table_by_sofa", [t.name], *best))
    return out


@rule("tv_faces_sofa")
def tv_faces_sofa(w: WorldView) -> list[RuleResult]:
    """A TV (or, when there is none, a fireplace) faces a sofa within 30°, 1.5–4 m away."""
    sofas = w.of("sofa")
    screens = w.of("tv") or w.of("fireplace")
    out = []
    for tv in (screens if sofas else []):
        ok, detail = False, ""
        for s in sofas:
            d = math.dist(_xy(tv), _xy(s))
            ang = angle_to(tv, _xy(s))
            if 1.5 <= d <= 4.0 and ang <= 30.0:
                ok, detail = True, f"{s.name} at {d:.2f} m, {ang:.0f}°"
                break
            detail = detail or f"{s.name} at {d:.2f} m, {ang:.0f}°"
        out.append(RuleResult("tv_faces_sofa", [tv.name], ok, detail))
    return out


SEAT_EDGE = 0.6
SEAT_ANGLE = 45.0
SEAT_NEAR_TABLE = 2.0


def _seated_at(seat: ObjectInfo, table: ObjectInfo) -> tuple[bool, str]:
    p = _xy(seat)
    dist = rect_distance(table.footprint, p)
    target = nearest_on_rect(table.footprint, p) if dist > 0.05 else _xy(table)
    ang = angle_to(seat, target)
    return dist <= SEAT_EDGE and ang <= SEAT_ANGLE, f"{table.name}: {dist:.2f} m, {ang:.0f}°"


@rule("chair_at_table")
def chair_at_table(w: WorldView) -> list[RuleResult]:
    """A dining chair or stool (any chair within 2 m of a table) sits within 0.6 m of a table's
    edge, facing it within 45°."""
    tables = w.of("table")
    if not tables:
        return []
    strict = {o.name for o in w.of("table_seat")}
    out = []
    for seat in sorted({o.name: o for o in w.of("table_seat") + w.of("loose_seat")}.values(), key=lambda o: o.name):
        if seat.name not in strict and min(rect_distance(t.footprint, _xy(seat)) for t in tables) > SEAT_NEAR_TABLE:
            continue
        ok, detail = False, ""
        for t in sorted(tables, key=lambda t: rect_distance(t.footprint, _xy(seat))):
            ok, d = _seated_at(seat, t)
            detail = detail or d
            if ok:
                detail = d
                break
        out.append(RuleResult("chair_at_table", [seat.name], ok, detail))
    return out


@rule("nightstand_by_bed")
def nightstand_by_bed(w: WorldView) -> list[RuleResult]:
    """A nightstand stands within 0.3 m of a bed's long side, near its head."""
    beds = w.of("bed")
    out = []
    for n in (w.of("nightstand") if beds else []):
        ok, detail = False, ""
        for b in beds:
            lx, ly = to_local(b, _xy(n))
            gap = abs(lx) - b.size[0] / 2 - min(n.size[0], n.size[1]) / 2
            head = -b.size[1] / 2
            near_head = head - 0.1 <= ly <= head + 0.8
            if -0.05 <= gap <= 0.3 and near_head:
                ok, detail = True, f"{b.name}: {gap:.2f} m"
                break
            detail = detail or f"{b.name}: side gap {gap:.2f} m, {ly - head:.2f} m from the head"
        out.append(RuleResult("nightstand_by_bed", [n.name], ok, detail))
    return out


@rule("mirror_over_sink")
def mirror_over_sink(w: WorldView) -> list[RuleResult]:
    """A wall mirror in a world with a washbasin hangs above one, within 0.3 m of its centre."""
    basins = w.of("basin")
    out = []
    for m in (w.of("mirror") if basins else []):
        if m.category.lower() == "floor mirror":
            continue
        ok, detail = False, ""
        for s in basins:
            lx, ly = to_local(s, _xy(m))
            above = m.bottom >= s.top - 0.05
            if abs(lx) <= 0.3 and ly <= -s.size[1] / 2 + 0.35 and above:
                ok, detail = True, s.name
                break
            detail = detail or f"{s.name}: {lx:.2f} m aside, {ly + s.size[1] / 2:.2f} m off its back, bottom {m.bottom:.2f} m"
        out.append(RuleResult("mirror_over_sink", [m.name], ok, detail))
    return out


SMALL_PLACEMENTS = ("on_surface", "in_container")


def is_small(obj: ObjectInfo) -> bool:
    """True for a small thing: its category is placed on surfaces or in containers."""
    cat = catalog().find(obj.category)
    return cat is not None and cat.placement in SMALL_PLACEMENTS


@rule("small_things_off_floor")
def small_things_off_floor(w: WorldView) -> list[RuleResult]:
    """Tableware, toiletries, books, food, electronics… (placement on_surface/in_container) do not
    rest on the floor (a rug or mat counts as floor)."""
    data = rule_data()["small_things"]
    exempt = {c.lower() for c in data["exempt"]}
    exempt_tags = set(data["exempt_tags"])
    out = []
    for o in w.objects:
        if not is_small(o) or names(o) & exempt:
            continue
        cat = catalog().find(o.category)
        if cat is not None and exempt_tags & set(cat.tags):
            continue
        on_floor = w.on_floor(o)
        out.append(RuleResult("small_things_off_floor", [o.name], not on_floor,
                              "on the floor" if on_floor else o.support.rsplit("/", 1)[-1]))
    return out


UPPER_MIN, UPPER_MAX = 1.35, 1.5


@rule("upper_cabinet_height")
def upper_cabinet_height(w: WorldView) -> list[RuleResult]:
    """A wall cabinet hangs over base cabinets or a counter with its bottom at 1.35–1.5 m."""
    bases = w.of("base_cabinet")
    out = []
    for u in w.of("upper_cabinet"):
        over = [b for b in bases if b.name != u.name and b.bottom < 0.2 and footprint_gap(u.footprint, b.footprint) < 0.05]
        ok = bool(over) and UPPER_MIN <= u.bottom <= UPPER_MAX
        out.append(RuleResult("upper_cabinet_height", [u.name], ok,
                              f"bottom {u.bottom:.2f} m, over {over[0].name}" if over else f"bottom {u.bottom:.2f} m, over nothing"))
    return out


@rule("bed_head_to_wall")
def bed_head_to_wall(w: WorldView) -> list[RuleResult]:
    """A bed's head (its back) is against a wall: within 0.15 m, square to it within 10°."""
    out = []
    for b in w.of("bed"):
        fx, fy = front(b)
        head = (b.position[0] - fx * b.size[1] / 2, b.position[1] - fy * b.size[1] / 2)
        ok, detail = False, "no wall"
        for wall in (w.room.walls if w.room else []):
            nx, ny = wall.inward
            along = to_wall_offset(wall, head)
            if -0.05 <= along <= wall.length + 0.05 and _wall_distance(wall, head) <= 0.15 \
                    and fx * nx + fy * ny >= math.cos(math.radians(10)):
                ok, detail = True, wall.name
                break
        out.append(RuleResult("bed_head_to_wall", [b.name], ok, detail))
    return out


@rule("desk_chair_at_desk")
def desk_chair_at_desk(w: WorldView) -> list[RuleResult]:
    """A desk has a chair on its front side within 0.6 m of its edge, facing it within 45°."""
    seats = w.of("desk_seat")
    out = []
    for d in w.of("desk"):
        ok, detail = False, "no chair"
        for s in sorted(seats, key=lambda s: rect_distance(d.footprint, _xy(s))):
            if to_local(d, _xy(s))[1] < 0:
                continue
            ok, detail = _seated_at(s, d)
            if ok:
                break
        out.append(RuleResult("desk_chair_at_desk", [d.name], ok, detail))
    return out


# ------------------------------------------------------------------------------ prompt groups

def _asks_for(require: list[dict], set_names: list[str]) -> bool:
    wanted = frozenset().union(*(category_set(s) for s in set_names))
    cat = catalog()
    for req in require:
        for name in req.get("any", []):
            low = name.lower()
            if low in wanted or set(cat.hypernyms(low)) & wanted:
                return True
            found = cat.find(low)
            if found is not None and (found.name in wanted or set(cat.hypernyms(found.name)) & wanted):
                return True
    return False


def missing_groups(w: WorldView) -> list[RuleResult]:
    """Failed instances for rules the prompt asks for whose members the world lacks."""
    out = []
    if not w.require:
        return out
    for rule_name, group in rule_data()["prompt_groups"].items():
        if not all(_asks_for(w.require, sets) for sets in group):
            continue
        absent = [sets for sets in group if not any(w.of(s) for s in sets)]
        if rule_name == "curtain_at_window" and w.room is not None and not w.room.windows:
            absent.append(["window"])
        if absent:
            out.append(RuleResult(rule_name, [], False, "missing " + ", ".join("/".join(s) for s in absent)))
    return out


def check_rules(world: str | Path | Usd.Stage | WorldView, require: list[dict] | None = None,
                rules: list[str] | None = None) -> list[RuleResult]:
    """Run the arrangement rules over a world.

    Args:
        world: a stage, a ``world.usd`` path, a world folder or a :class:`WorldView`.
        require: the prompt's suite requirements (``require`` entries); rules the prompt asks for
            fail when the world lacks their members.
        rules: names of the rules to run (default: all).

    Returns:
        One result per instance a rule applies to.

    Raises:
        KeyError: an unknown rule name.
    """
    view = world if isinstance(world, WorldView) else WorldView.open(world, require)
    if require is not None:
        view.require = list(require)
    names_ = rules or list(RULES)
    for n in names_:
        if n not in RULES:
            raise KeyError(f"no arrangement rule {n!r} (rules: {', '.join(RULES)})")
    out: list[RuleResult] = []
    for n in names_:
        out += RULES[n](view)
    out += [r for r in missing_groups(view) if r.rule in names_]
    return out


def summarize(results: list[RuleResult]) -> dict[str, dict[str, int]]:
    """Count applicable and satisfied instances per rule."""
    out: dict[str, dict[str, int]] = {n: {"applicable": 0, "satisfied": 0} for n in RULES}
    for r in results:
        out[r.rule]["applicable"] += 1
        out[r.rule]["satisfied"] += int(r.satisfied)
    return out


__all__ = ["RULES", "RuleResult", "WorldView", "check_rules", "is_small", "rule", "summarize"]
