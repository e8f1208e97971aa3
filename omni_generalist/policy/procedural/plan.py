"""Scene planning: a parsed prompt + the knowledge base → rooms, objects, sizes, materials, lights.

The plan is what the procedural policy turns into action code: the room shell (size, outline,
door, windows, materials), floor objects with poses from the layout solver, wall and ceiling
objects, small objects with the surface or container they go on, and the lights.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from ...assets.catalog import Catalog, catalog
from . import vocab as V
from .groups import WALL_RELS, GroupPlan, form_groups, group_templates, member_poses, run_templates
from .knowledge import RoomKB, RoomType, dressing, room_kb
from .layout import GroupItems, Item, Solver, Wall, solve
from .parse import ObjectRequest, PromptSpec
from .place_settings import lay_place_settings

SMALL = ("on_surface", "in_container")
FLOOR_RELATIONS = ("next_to", "facing", "around", "corner", "center", "against_wall", "floor")
"""Relations that stand a thing on the floor."""
RELATION_PLACEMENT = {"in_front_of": "facing", "at_foot_of": "facing", "under": "next_to", "behind": "next_to",
                      "beside": "next_to", "near_entrance": "against_wall", "near_window": "against_wall",
                      "stacked": "on", "above": "on_wall"}
"""Scene-program relations the layout solver sets out as one of its own placements."""
FURNITURE_PLACES = ("floor", "against_wall", "corner", "center")
"""Catalogue placements of things that stand on the floor (never on another piece of furniture)."""
SEATS = ("chair", "office chair", "student chair", "stool", "dining chair", "bar stool")
TABLES = ("table", "dining table", "conference table", "round table", "kitchen table", "coffee table",
          "display table", "examination table", "desk")


@dataclass
class PlannedObject:
    key: str
    category: str
    size: tuple[float, float, float]
    placement: str
    target: str | None = None
    material: str | None = None
    color: str | None = None
    required: bool = True
    wall: str | None = None
    height: float | None = None
    pose: tuple[float, float, float] | None = None
    access: str = "front"
    serves: str | None = None
    explicit: bool = False
    """Its relation comes from the prompt (not from the room's usual arrangement)."""
    run: int | None = None
    """Its place in a run of units (a kitchen's base units), counted from the run's start."""
    like: str | None = None
    """Another planned object this one is a copy of (same model: one of a matching set)."""
    wall_hint: str | None = None
    offset: float | None = None
    """For wall-hung objects: where along ``wall`` its centre goes."""
    source_text: str = ""
    group: str | None = None
    """The functional group it belongs to (``<template>:<root key>``)."""
    dressing: bool = False
    """Added to dress its support: put there or left out, never elsewhere."""
    side: str | None = None
    """For things on a support: the edge of its surface they go to (pillows at a bed's head)."""
    lift: float = 0.0
    """Height it stands at above the floor (the top of the rug it stands on)."""
    shape: str | None = None
    """For a noun the catalogue does not know: the category it is built like (``add_object(shape=)``)."""


@dataclass
class LightPlan:
    kind: str
    intensity: float
    temperature: float
    position: tuple[float, float, float] | None = None
    size: float | None = None


@dataclass
class ScenePlan:
    room_type: str
    polygon: list[tuple[float, float]]
    height: float
    floor_material: str
    wall_material: str
    wall_names: list[str]
    door: tuple[str, float, float]
    windows: list[tuple[str, float, float, float, float]]
    objects: list[PlannedObject] = field(default_factory=list)
    lights: list[LightPlan] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    lighting: list[str] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    """The functional groups placed as units: template, root and members."""


def _snake(text: str) -> str:
    return "_".join(text.lower().replace("-", " ").split())


TEXTILES = ("fabric", "linen", "velvet", "wool", "leather", "cotton", "boucle", "microfiber", "chenille")
"""Materials of upholstery and soft furnishings (a style gives them its textile and colour)."""
RUN_DEPTH = 0.62
"""Depth of the units of a run (kitchen base units), meters."""
COUNTER_HEIGHT = 0.9
"""Height of the units of a run (a kitchen counter), meters."""
UNDER_UPPERS = 0.42
"""Height of the things that stand on a run's worktop (room under the wall cabinets), meters."""
LARGE_ROOM_M2 = 150.0
"""No room is larger than this unless the prompt asks for a large space or its contents need it."""
L_SHAPED_SHARE = 0.0
"""Share of single rooms drawn with a corner cut away (off: in rooms sized closely to their
contents the inner corner trapped desk chairs; the draw is kept so other worlds stay as they were;
homes have L-shaped rooms of their own)."""
MAX_TYPE_MIN_M2 = 30.0
"""A room type's minimum floor area is never taken above this (contents decide beyond it)."""


class Planner:
    """Builds a :class:`ScenePlan` from a :class:`PromptSpec` and a seed."""

    shell = None
    """Multi-room hook (home_apply.RoomShell): a home's room with fixed size, doors and windows."""

    def __init__(self, cat: Catalog | None = None, rooms: RoomKB | None = None):
        self.cat = cat or catalog()
        self._catalog = self.cat
        self.rooms = rooms or room_kb()

    # ------------------------------------------------------------------ room type
    def room_type(self, spec: PromptSpec) -> RoomType:
        if spec.room_type:
            return self.rooms.get(spec.room_type)
        words = spec.text.lower()
        for hint, name in (("tabletop", "dining room"), ("table top", "dining room"), ("desk setup", "home office"),
                           ("workstation", "office"), ("shelf scene", "storage room")):
            if hint in words and self.rooms.find(name):
                return self.rooms.get(name)
        wanted = {self.cat.get(o.category).name for o in spec.objects}
        common = ["living room", "bedroom", "kitchen", "dining room", "office", "bathroom", "home office"]
        best, score = None, 0.0
        for room in self.rooms.rooms.values():
            cats = {o.category for o in room.objects}
            s = 0.0
            for w in wanted:
                weight = 0.5 if self.cat.get(w).placement in SMALL else 1.0
                if w in cats:
                    s += weight
                elif set(self.cat.hypernyms(w)) & cats or any(w in self.cat.hypernyms(c) for c in cats):
                    s += 0.5 * weight
            s += 0.01 * (len(common) - common.index(room.name)) if room.name in common else 0.0
            if s > score:
                best, score = room, s
        if best is not None:
            return best
        for name in ("living room", "bedroom", "office"):
            found = self.rooms.find(name)
            if found:
                return found
        return next(iter(self.rooms.rooms.values()))

    def specialise(self, category: str, room: RoomType, relation: str | None = None,
                   named: frozenset[str] = frozenset()) -> str:
        """A generic noun becomes the room's own kind of it ("table" in a conference room).

        Only kinds that can stand where ``relation`` puts the thing qualify: on or in something,
        kinds that go on surfaces (a table lamp, never the room's ceiling lamp, on a nightstand);
        beside or facing something, kinds that stand on the floor (not a ceiling or wall lamp).
        A kind the prompt names itself (``named``) does not: "eight office chairs ... a round table
        with four chairs" keeps the four plain chairs apart from the eight it counted.
        """
        for obj in room.objects:
            if obj.category in named:
                continue
            if category in self.cat.hypernyms(obj.category) and obj.count[0] >= 1:
                placement = self.cat.get(obj.category).placement
                if relation in ("on", "in") and placement not in SMALL:
                    continue
                if relation in FLOOR_RELATIONS and placement in ("ceiling", "on_wall"):
                    continue
                return obj.category
        return category

    # ------------------------------------------------------------------ objects
    def plan(self, spec: PromptSpec, seed: int, robot_radius: float = 0.25) -> ScenePlan:
        # unknown nouns are planned (sizes, placement) as the categories whose shapes they borrow
        self.cat = self._catalog.with_shapes({o.category: o.shape for o in spec.objects if o.shape and not o.known})
        rng = random.Random(f"plan:{seed}")
        room = self.room_type(spec)
        objs: list[PlannedObject] = []
        counts: dict[str, int] = {}

        def add(category: str, placement: str, target: str | None = None, required: bool = True,
                material: str | None = None, color: str | None = None, scale: float = 1.0,
                request: ObjectRequest | None = None) -> PlannedObject:
            cat = self.cat.get(category)
            n = counts.get(cat.name, 0)
            counts[cat.name] = n + 1
            size = list(cat.sample_size(rng))
            if scale != 1.0:
                size[0] = min(size[0] * scale, cat.size_max[0] * 1.4)
            po = PlannedObject(key=f"{_snake(cat.name)}_{n}", category=cat.name, size=tuple(round(v, 3) for v in size),
                               placement=placement, target=target, material=material, color=color, required=required,
                               shape=cat.shaped_like or None)
            if request is not None:
                po.explicit = request.relation is not None
                po.source_text = request.source_text
                po.wall_hint = request.wall_hint
            objs.append(po)
            return po

        def first(category: str) -> PlannedObject | None:
            name = self.cat.get(category).name
            for o in objs:
                if o.category == name or name in self.cat.hypernyms(o.category):
                    return o
            return None

        room_places = {o.category: o.placement for o in room.objects}
        named = frozenset(self.cat.get(r.category).name for r in spec.objects)
        requests = [self._normalise(r, room, named) for r in spec.objects]
        requested = {r.category for r in requests}
        # targets named by relations exist first
        for r in requests:
            tname = self.cat.get(r.target).name if r.target else ""
            if r.target and not any(self.cat.get(x.category).name == tname or tname in self.cat.hypernyms(x.category)
                                    for x in requests):  # "on the table" when a round table was asked for
                r.target = self.specialise(self.cat.get(r.target).name, room)
                if not any(x.category == r.target for x in requests):
                    # as many targets as the prompt says ("a lamp on each of the two nightstands": two)
                    requests.append(ObjectRequest(category=r.target, count=max(1, r.target_count),
                                                  explicit_count=r.target_count > 1))
                    requested.add(r.target)
        for r in requests:  # "a lamp on each nightstand": as many as there are nightstands
            if r.each and r.target and not r.explicit_count:
                targets = [x for x in requests if x is not r and (
                    x.category == r.target or r.target in self.cat.hypernyms(x.category))]
                r.count = max(r.count, sum(x.count for x in targets))
                # one on each of a counted number of targets is a count too ("each of the three tables")
                r.explicit_count = bool(targets) and all(x.explicit_count for x in targets)
        supports = [r.category for r in requests if self._is_support(r.category)]
        for r in requests:
            cat = self.cat.get(r.category)
            if r.relation is None and cat.placement in SMALL and supports:
                r.relation, r.target = "on", supports[0]
            soft_on_seat = "textile" in cat.tags and "seating" in self.cat.get(r.target or "").tags if r.target and \
                self.cat.find(r.target) else False  # cushions and a throw on a sofa
            if r.relation in ("on", "in") and r.target and not self._is_support(r.target, containers=True) \
                    and not soft_on_seat:
                tcat = self.cat.get(r.target)
                r.relation = "next_to" if tcat.placement not in ("on_wall", "ceiling") and cat.placement not in SMALL \
                    else None
                if r.relation is None:
                    r.target = None
        ordered = sorted(requests, key=lambda r: (r.relation in ("on", "in", "around", "next_to", "facing"), 0))
        for r in ordered:
            cat = self.cat.get(r.category)
            placement = self._placement(r, cat, room_places)
            rp = room_places.get(cat.name, "")
            if r.relation is None and ":" in rp and rp.split(":", 1)[0] in ("next_to", "around", "facing"):
                kind, tcat = rp.split(":", 1)
                if any(o.category == tcat or tcat in self.cat.hypernyms(o.category) for o in objs) or \
                        any(x.category == tcat for x in requests):
                    placement, r.target = kind, tcat
            for _ in range(max(1, r.count)):
                target = None
                if r.target:
                    tgt = self._target_for(r.target, objs, placement, spread=r.each)
                    target = tgt.key if tgt else None
                add(r.category, placement, target, True, r.material, r.color, r.scale, request=r)
        # seats with tables and no relation sit around them
        tables = [o for o in objs if o.category in TABLES and o.placement not in ("rows",)]
        seats = [o for o in objs if o.category in ("chair", "dining chair", "office chair", "stool", "bar stool")
                 and o.placement in ("floor",) and o.target is None]
        for k, s in enumerate(seats):
            if tables:
                s.placement, s.target = "around", tables[k % len(tables)].key
        # the room's typical objects fill in what the prompt did not name
        self._typical(room, spec, requested, add, first, rng, objs)
        # a thing the room usually puts on something (a TV on its stand) goes there when it is there:
        # spread over every such support while they have room, the rest stay on the floor
        used: dict[str, float] = {}
        for o in objs:
            rp = room_places.get(o.category, "")
            if o.explicit or not rp.startswith("on:") or o.placement in ("on", "on_any"):
                continue
            name = self.cat.get(rp.split(":", 1)[1]).name
            supports = [t for t in objs if t is not o and (t.category == name or name in self.cat.hypernyms(t.category))
                        and t.placement not in ("on", "on_any")]
            supports.sort(key=lambda t: used.get(t.key, 0.0) / self._surface_area(t))
            for t in supports:
                if used.get(t.key, 0.0) + o.size[0] * o.size[1] <= 0.6 * self._surface_area(t):
                    used[t.key] = used.get(t.key, 0.0) + o.size[0] * o.size[1]
                    o.placement, o.target = "on", t.key
                    break
        self._add_group_members(spec, room, objs, add)
        self._dress(spec, objs, add, rng, room.name)
        # seats that go with desks set out in rows sit in those rows
        rowed = {o.key for o in objs if o.placement == "rows"}
        rowed_cats = {o.category for o in objs if o.placement == "rows"}
        for o in objs:
            if o.category in SEATS and o.placement != "rows" and rowed and (
                    o.target in rowed or (o.target is None and o.placement in ("floor", "facing"))
                    or any(o.target == r for r in rowed_cats)):
                o.placement, o.target = "rows", None
        # every desk set out in rows has its seat (unless the prompt counted the seats exactly)
        rowed_desks = [o for o in objs if o.placement == "rows" and o.category not in SEATS]
        rowed_seats = [o for o in objs if o.placement == "rows" and o.category in SEATS]
        seat_cat = rowed_seats[0].category if rowed_seats else ("student chair" if any(
            "student" in o.category for o in rowed_desks) else "office chair")
        if rowed_desks and not self._counts_toward(seat_cat, self._counted(spec, objs)):
            for _ in range(len(rowed_desks) - len(rowed_seats)):
                add(seat_cat, "rows", None, False).source_text = rowed_seats[0].source_text if rowed_seats else ""
        # furniture set out in rows or aisles is one model, one size
        first_size: dict[str, tuple] = {}
        for o in objs:
            if o.placement in ("rows", "aisles"):
                o.size = first_size.setdefault(o.category, o.size)
        # resolve relation targets to keys now that everything exists
        for o in objs:
            if o.target and not any(x.key == o.target for x in objs):
                t = first(o.target)
                o.target = t.key if t else None
                if o.target is None and o.placement in ("on", "in"):
                    o.placement = "on_any"
        self._fit_contents(objs)
        groups = self._groups(objs)
        self._one_focal_point(objs, groups)
        self._run(objs, groups)
        return self._layout(spec, room, objs, rng, robot_radius, groups)

    @staticmethod
    def _one_focal_point(objs: list[PlannedObject], groups: list[GroupPlan]) -> None:
        """Seating arranged around a fireplace leaves out the room's usual TV stand (and what stands
        on it) unless the prompt asked for one: a TV behind the sofa would face its back."""
        by_key = {o.key: o for o in objs}
        if not any(g.template.name == "seating_focal" and by_key[g.root].category == "fireplace" for g in groups):
            return
        grouped = {k for g in groups for k in g.keys()}
        drop = {o.key for o in objs if o.category in ("tv stand", "media console") and not o.source_text
                and o.key not in grouped}
        drop |= {o.key for o in objs if o.target in drop and not o.source_text}
        objs[:] = [o for o in objs if o.key not in drop]

    def _run(self, objs: list[PlannedObject], groups: list[GroupPlan]) -> None:
        """Units that stand in one continuous run (a kitchen's base units, ``[[run]]`` in
        ``groups.toml``): ordered, one depth, counter height, one finish; wall cabinets that no base
        unit carries are left out (they would hang at random along the walls)."""
        for tmpl in run_templates():
            units = [o for o in objs if o.category in tmpl.kinds and not o.explicit
                     and o.placement in ("against_wall", "floor", "corner")]
            if len(units) < tmpl.min:
                continue
            finish = next((o for o in units if o.category in tmpl.fill), None)
            for i, o in enumerate(tmpl.order(units)):
                o.placement, o.run = "run", i
                if o.category not in tmpl.end:
                    o.size = (o.size[0], RUN_DEPTH, COUNTER_HEIGHT)
                if finish is not None and o.category in tmpl.fill and o is not finish:
                    o.material, o.color = finish.material, finish.color
            # under the wall cabinets: what stands on the worktop fits below them (doors open freely)
            run_keys = {o.key for o in units}
            objs[:] = [o for o in objs if not (o.dressing and o.target in run_keys and o.size[2] > UNDER_UPPERS)]
            for o in objs:
                if o.target in run_keys and o.placement == "on" and o.size[2] > UNDER_UPPERS:
                    o.size = (o.size[0], o.size[1], UNDER_UPPERS)
            carried = {k for g in groups for ks in g.members.values() for k in ks}
            uppers = [o for o in objs if o.category == "wall cabinet" and o.key in carried]
            for o in uppers[1:]:  # one line of wall cabinets: one depth, one height, one finish
                o.size, o.material, o.color = (o.size[0], *uppers[0].size[1:]), uppers[0].material, uppers[0].color
            objs[:] = [o for o in objs if not (o.category == "wall cabinet" and o.key not in carried
                                               and not o.source_text)]
            return

    # ------------------------------------------------------------------ functional groups
    def _groups(self, objs: list[PlannedObject]) -> list[GroupPlan]:
        """Put objects into functional groups (sofa + coffee table + TV, bed + nightstands, table +
        chairs, washbasin + mirror); sizes follow the group (a rug under the coffee table area, a
        dining table long enough for its chairs)."""
        by_key = {o.key: o for o in objs}
        floor_rels = ("front", "sides", "beside", "around", "front_row", "pushed_in", "under")

        def eligible(o: PlannedObject, role: str) -> bool:
            if role in ("above", "above_side"):
                return o.placement == "on_wall" and (not o.explicit or o.target is not None)
            if o.placement in ("on", "on_any", "on_wall", "ceiling", "rows", "aisles"):
                return False
            if role == "root":
                return not o.explicit or o.placement in ("against_wall", "center", "floor")
            if role in floor_rels:
                return not o.explicit or o.target is not None
            return False

        groups = form_groups(objs, eligible)
        for g in groups:
            root = by_key[g.root]
            for key in g.keys():
                by_key[key].group = f"{g.template.name}:{g.root}"
            for slot in g.template.slots:
                members = [by_key[k] for k in g.members.get(slot.id, [])]
                self._match_set(members)
                if slot.rel == "front_row" and members:  # an island long enough for its stools
                    need = len(members) * (max(m.size[0] for m in members) + 0.2) + 0.1
                    cat = self.cat.get(root.category)
                    root.size = (round(max(root.size[0], min(need, cat.size_max[0] * 1.5)), 3), *root.size[1:])
                if slot.rel == "around" and members and root.category not in ("round table",):
                    self._fit_table(root, members)
                if slot.margin[1] > 0:  # a rug sized to what it lies under (or at the foot of)
                    of = root if slot.of == "root" else next((by_key[k] for k in g.members.get(slot.of, [])), None)
                    if of is None:
                        continue
                    mg = sum(slot.margin) / 2
                    for m in members:
                        w = min(of.size[0] + 2 * mg, 4.0)
                        d = min(of.size[1] + 2 * mg, 4.0) if slot.rel == "under" else min(m.size[1], 1.3)
                        m.size = (round(w, 3), round(d, 3), m.size[2])
        return groups

    @staticmethod
    def _match_set(members: list[PlannedObject]) -> None:
        """Pieces of one kind in one slot are a set (dining chairs, nightstands): one size, one
        finish, one model (each takes the first one's ``like``)."""
        first: dict[str, PlannedObject] = {}
        for m in members:
            f = first.setdefault(m.category, m)
            if f is not m:
                m.size, m.material, m.color, m.like = f.size, f.material, f.color, f.key

    def _fit_table(self, table: PlannedObject, seats: list[PlannedObject]) -> None:
        """A table long enough for its seats: two long sides, one seat at each end when more than six."""
        n = len(seats)
        sw = max(s.size[0] for s in seats) + 0.16
        ends = 2 if n > 6 else 0
        per_side = math.ceil((n - ends) / 2)
        need = per_side * sw + 0.1
        cat = self.cat.get(table.category)
        w = max(table.size[0], min(need, max(cat.size_max[0] * 1.6, 2.0)))
        d = table.size[1]
        if ends and d < sw + 0.1:
            d = min(sw + 0.1, max(cat.size_max[1], 1.0))
        table.size = (round(w, 3), round(d, 3), table.size[2])

    def _add_group_members(self, spec: PromptSpec, room: RoomType, objs: list[PlannedObject], add) -> None:
        """Give a group's root the members people expect with it when the plan has none
        (``groups.toml`` ``add``): two chairs at a table nobody named chairs for, a desk's chair.
        Not in sparse rooms, never a kind the prompt counted, never for rows or aisles."""
        counted = {self.cat.get(r.category).name for r in spec.objects if r.explicit_count and self.cat.find(r.category)}
        counted |= {h for c in list(counted) for h in self.cat.hypernyms(c)}
        usual = [o.category for o in room.objects]
        self._seat_loose_seats(objs)
        if spec.density == "sparse":
            return
        taken: set[str] = set()
        for t in group_templates():
            for slot in (s for s in t.slots if s.add and s.of == "root"):
                kinds = [self.cat.get(k).name for k in slot.kinds if self.cat.find(k)]
                if not kinds or counted & set(kinds):
                    continue
                for o in list(objs):  # the root's own kind (a coffee table is a table, not a dining one)
                    if o.key in taken or o.placement in ("on", "on_any", "on_wall", "ceiling", "rows", "aisles") \
                            or o.category not in t.root_kinds:
                        continue
                    taken.add(o.key)
                    if any(x.target == o.key and ({x.category, *self.cat.hypernyms(x.category)} & set(kinds))
                           for x in objs):
                        continue
                    kind = next((k for k in kinds if k in usual), kinds[0])
                    for _ in range(slot.add):
                        add(kind, "around" if slot.rel == "around" else "facing", o.key, o.required)

    def _seat_loose_seats(self, objs: list[PlannedObject]) -> None:
        """Seats the prompt put in a corner or on the floor go to a table that has none ("a small
        round table with two chairs sits in the corner": the chairs are the table's)."""
        for t in group_templates():
            for slot in (s for s in t.slots if s.rel == "around" and s.of == "root"):
                kinds = {self.cat.get(k).name for k in slot.kinds if self.cat.find(k)}
                tables = [o for o in objs if o.category in t.root_kinds and o.placement not in
                          ("on", "on_any", "on_wall", "ceiling", "rows", "aisles")
                          and not any(x.target == o.key and x.category in kinds for x in objs)]
                loose = [o for o in objs if o.category in kinds and o.target is None and o.placement in ("corner", "floor")]
                for k, seat in enumerate(loose if tables else []):
                    seat.placement, seat.target = "around", tables[k % len(tables)].key

    def _dress(self, spec: PromptSpec, objs: list[PlannedObject], add, rng, room_type: str) -> None:
        """Dress every support with what people keep on it (``dressing.toml``): books on shelves, a
        lamp on each nightstand, things on desks and counters. Not in sparse rooms; more in dense
        ones; never a category the prompt gave an exact count for."""
        if spec.density == "sparse":
            return
        exact = self._counted(spec, objs)
        table = dressing()
        for o in list(objs):
            # a support's own entry, else its nearest kind's (a crib has an empty one of its own)
            items = table[o.category] if o.category in table else () if o.placement == "on_wall" else \
                next((table[h] for h in self.cat.hypernyms(o.category) if h in table), ())  # wall-hung: its own only
            if not items or o.placement in ("on", "on_any", "ceiling"):
                continue
            have = {}
            for x in objs:
                if x.target in (o.key, o.category):  # the prompt's "lamps on the nightstands" count too
                    have[x.category] = have.get(x.category, 0) + 1
            for it in items:
                if not self.cat.find(it.category) or self._counts_toward(it.category, exact) \
                        or not it.in_room(room_type):
                    continue
                # a lived-in room: the upper half of the usual range, all of it when dense
                n = it.hi if spec.density == "dense" else rng.randint((it.lo + it.hi + 1) // 2, it.hi)
                for _ in range(max(0, n - have.get(it.category, 0))):
                    po = add(it.category, "on", o.key, False)
                    po.dressing, po.side = True, it.side

    def _counted(self, spec: PromptSpec, objs: list[PlannedObject]) -> set[str]:
        """The kinds the prompt gave a number for (and the kinds those requests became in the plan)."""
        counted = {self.cat.get(r.category).name for r in spec.objects if r.explicit_count and self.cat.find(r.category)}
        texts = {r.source_text for r in spec.objects if r.explicit_count and r.source_text}
        return counted | {o.category for o in objs if o.source_text and o.source_text in texts}

    def _counts_toward(self, category: str, counted: set[str]) -> bool:
        """Whether a person counting one of the ``counted`` kinds would count a ``category`` too: the
        same kind, a kind of it (an office chair among "four chairs") or a broader one (any box among
        "fifty cardboard boxes")."""
        broader = set(self.cat.hypernyms(category))
        return category in counted or bool(broader & counted) or any(category in self.cat.hypernyms(c) for c in counted)

    def _fit_contents(self, objs: list[PlannedObject]) -> None:
        """Containers holding things take their largest size; things fit the surface they go on."""
        by_key = {o.key: o for o in objs}
        for o in objs:
            t = by_key.get(o.target or "")
            if o.placement != "on" or t is None:
                continue
            tc = self.cat.get(t.category)
            if tc.container:
                t.size = tuple(round(max(a, b), 3) for a, b in zip(t.size, tc.size_max, strict=True))
            w = min(o.size[0], max(0.02, t.size[0] * 0.8))
            d = min(o.size[1], max(0.02, t.size[1] * 0.8))
            o.size = (round(w, 3), round(d, 3), o.size[2])

    def _surface_area(self, o: PlannedObject) -> float:
        """Floor area of what an object holds on its top and shelves, m2."""
        c = self.cat.get(o.category)
        return max(o.size[0] * o.size[1] * (max(c.shelves, 0) + (1 if c.support_surface else 0)), 1e-3)

    def _is_support(self, category: str, containers: bool = False) -> bool:
        c = self.cat.get(category)
        return c.support_surface or c.shelves > 0 or (containers and c.container)

    def _normalise(self, r: ObjectRequest, room: RoomType, named: frozenset[str] = frozenset()) -> ObjectRequest:
        if r.relation in RELATION_PLACEMENT:
            if r.relation == "near_window":
                r.wall_hint = "window"
            elif r.relation == "near_entrance":
                r.wall_hint = "door"
            if r.relation == "stacked" and (not r.target or r.target == r.category):
                r.relation, r.target = None, None  # "stacked boxes": set out together where boxes go
            else:
                r.relation = RELATION_PLACEMENT[r.relation]
        r.category = self.specialise(self.cat.get(r.category).name, room, r.relation, named) \
            if self.cat.find(r.category) else r.category
        if r.target and self.cat.find(r.target):
            r.target = self.cat.get(r.target).name
        own = self.cat.get(r.category).placement if self.cat.find(r.category) else ""
        if own == "on_wall" and r.relation in ("against_wall", "floor", "corner"):
            r.relation = "on_wall"  # wall cabinets that "line the wall" hang on it
        elif r.relation in ("on", "in") and own in FURNITURE_PLACES and "furniture" in self.cat.get(r.category).tags \
                and r.target and self.cat.find(r.target) and not self.cat.get(r.target).container:
            r.relation, r.target = None, None  # a table is never put on a counter: it stands where tables go
        return r

    def _placement(self, r: ObjectRequest, cat, room_places: dict[str, str]) -> str:
        rel = r.relation
        if rel in ("on", "in"):
            return "on" if r.target else "on_any"
        if rel in ("around", "next_to", "facing") and r.target:
            if rel == "facing" and room_places.get(cat.name) == "rows":
                return "rows"
            if cat.placement in SMALL:
                return "on_any"
            if cat.placement == "on_wall":  # "a mirror in front of each chair": on the wall, with it
                return "on_wall"
            return rel
        if rel in ("against_wall", "corner", "center", "on_wall", "ceiling"):
            return rel
        if rel == "floor":
            return "floor"
        place = room_places.get(cat.name, "")
        if place in ("rows", "aisles", "against_wall", "corner", "center", "on_wall", "ceiling", "floor"):
            return place
        if place.startswith(("on:", "in:")) and cat.placement in SMALL:
            return "on_any"
        return {"on_surface": "on_any", "in_container": "on_any", "ceiling": "ceiling", "on_wall": "on_wall",
                "against_wall": "against_wall", "corner": "corner"}.get(cat.placement, "floor")

    def _target_for(self, target: str, objs: list[PlannedObject], placement: str,
                    spread: bool = False) -> PlannedObject | None:
        cands = [o for o in objs if o.category == target or target in self.cat.hypernyms(o.category)]
        if not cands:
            return None
        if placement in ("on", "in") or spread:
            # spread small things over several supports ("guitars on stands")
            users = {o.key: sum(1 for x in objs if x.target == o.key) for o in cands}
            return min(cands, key=lambda o: users[o.key])
        return cands[0]

    def _typical(self, room: RoomType, spec: PromptSpec, requested: set[str], add, first, rng,
                 objs: list[PlannedObject] | None = None) -> None:
        lights = {"ceiling lamp", "pendant light", "chandelier", "ceiling fan", "floor lamp", "wall sconce"}
        covered = set(requested)
        for c in list(requested):
            covered.update(self.cat.hypernyms(c))
        many_explicit = len(spec.objects) >= 5
        for ro in room.objects:
            if ro.category not in self.cat.categories:
                continue
            hyper = set(self.cat.hypernyms(ro.category))
            # already asked for, or a kind of something asked for (no dining table next to the round one)
            if ro.category in covered or hyper & covered or any(ro.category in self.cat.hypernyms(r) for r in requested):
                continue
            if spec.single_light and ro.category in lights:
                continue
            lo, hi = ro.count
            if spec.density == "sparse":
                n = lo
            elif spec.density == "dense":
                n = hi + (hi - lo + 1) // 2 if self.cat.get(ro.category).placement in SMALL else hi
            else:
                small = self.cat.get(ro.category).placement in SMALL
                n = rng.randint((lo + hi + 1) // 2 if small else lo, hi)  # small things: a lived-in room
                big = not small and ro.placement not in ("on_wall", "ceiling")
                if many_explicit and lo == 0 and big:
                    n = 0  # a prompt that lists the furniture gets that furniture, and the room's small things
                if spec.size_scale < 0.95 and lo == 0 and big:
                    n = 0  # a small room keeps only the furniture it must have
            if n <= 0:
                continue
            place = ro.placement
            target = place_target = None
            if ":" in place:
                kind, tcat = place.split(":", 1)
                place_target = tcat
                t = first(tcat)
                if t is None:
                    if kind in ("on", "in"):
                        place = "on_any"
                    else:
                        place = "floor"
                else:
                    target = t.key
                    place = {"on": "on", "in": "on", "around": "around", "next_to": "next_to",
                             "facing": "facing"}.get(kind, "floor")
            # what defines the room (a living room's sofa, a bedroom's bed) is kept: it may grow the
            # room, never be dropped for room; the rest is optional
            core = ro.count[0] >= 1 and self.cat.get(ro.category).placement not in SMALL and \
                self.cat.get(ro.category).size_max[2] >= 0.05 and \
                ro.placement not in ("on_wall", "ceiling") and ":" not in ro.placement
            spread = [target]
            if place in ("around", "on") and target is not None and objs is not None:
                # seats shared over every table, lamps over every nightstand
                tname = self.cat.get(place_target).name
                spread = [o.key for o in objs if (o.category == tname or tname in self.cat.hypernyms(o.category))
                          and o.placement not in ("on", "on_any")] or [target]
                if place == "around" and spec.density != "sparse":
                    n = max(n, 2 * len(spread))  # no table with a lone chair
            for k in range(n):
                add(ro.category, place, spread[k % len(spread)], core and k < ro.count[0])
        # a room always gets a light fixture unless the prompt asked for a single lamp
        if not any(self.cat.get(o).name in lights for o in requested) and not spec.single_light and \
                not any(ro.category in lights for ro in room.objects):
            if "ceiling lamp" in self.cat.categories:
                add("ceiling lamp", "ceiling", None, False)

    # ------------------------------------------------------------------ room and layout
    def _group_extent(self, g: GroupPlan, by_key: dict[str, PlannedObject]) -> tuple[float, float]:
        """Width and depth of a group set out with its root at the origin (its back at y = -d/2)."""
        from ...actions.placement import seat_slots
        from ...world.geometry import Footprint

        root = by_key[g.root]
        poses: dict[str, tuple] = {"root": ((0.0, 0.0, 0.0), root.size)}
        pts = [c for c in Footprint(0.0, 0.0, root.size[0], root.size[1], 0.0).corners()]
        for slot in g.template.slots:
            members = [by_key[k] for k in g.members.get(slot.id, [])]
            if not members or slot.rel in ("on", *WALL_RELS) or slot.of not in poses:
                continue
            of_pose, of_size = poses[slot.of]
            got = member_poses(slot, of_pose, of_size, [m.size for m in members], sum(slot.gap) / 2,
                               seat_slots=lambda t, c: seat_slots(t, c, gap=0.04, spacing=0.14))
            for m, pose in zip(members, got, strict=True):
                if pose is None:
                    continue
                poses.setdefault(slot.id, (pose, m.size))
                pts += Footprint(pose[0], pose[1], m.size[0], m.size[1], pose[2]).corners()
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return max(xs) - min(xs), max(ys) - min(ys)

    def _layout(self, spec: PromptSpec, room: RoomType, objs: list[PlannedObject], rng, robot_radius: float,
                groups: list[GroupPlan] | None = None) -> ScenePlan:
        """Size the room from its contents, then lay it out (growing it a little when things do not fit).

        The floor area is what the floor objects and their clearances need, times a circulation
        factor, kept within the room type's range (a size word — small, large — picks where in it);
        the aspect ratio stays at most 1.8 (1.45 unless rows or aisles ask for more); both sides are
        long enough for the largest group set against a wall.
        """
        groups = groups or []
        by_key = {o.key: o for o in objs}
        floor_objs = [o for o in objs if o.placement not in ("on", "on_any", "on_wall", "ceiling")]
        need = 0.0
        for o in floor_objs:
            cat = self.cat.get(o.category)
            if o.size[2] < 0.03:
                continue  # rugs and mats take no floor of their own
            if o.run is not None:  # units in a run share one walkway in front
                need += (o.size[0] + 0.02) * (o.size[1] + 0.5)
                continue
            if o.placement in ("rows", "aisles"):
                continue  # counted by the row or aisle they stand in, below
            need += (o.size[0] + 0.25) * (o.size[1] + max(cat.front_clearance, 0.3) + 0.25)
        rows = [o for o in floor_objs if o.placement == "rows"]
        aisles = [o for o in floor_objs if o.placement == "aisles"]
        desks = [o for o in rows if o.category not in SEATS]
        for o in desks or rows:  # a desk and its seat, or a seat of a row of seats, with the gangway behind
            need += (o.size[0] + 0.3) * (o.size[1] + (1.0 if desks else 0.45))
        for o in aisles:  # shelves back to back along aisles a robot walks down
            need += (o.size[0] + 0.05) * (o.size[1] + 1.2)
        # the type's range, kept to what a room of that kind with these contents needs: a big type
        # (a store, a gym) does not force hundreds of m2 on a few things, and nothing passes
        # LARGE_ROOM_M2 unless the prompt asks for a large space (or its contents need it)
        a_min = min(room.size_min[0] * room.size_min[1], MAX_TYPE_MIN_M2)
        a_max = room.size_max[0] * room.size_max[1]
        factor = {"sparse": 1.9, "dense": 1.2}.get(spec.density, 1.35)
        sc = spec.size_scale
        cap = min(a_max, LARGE_ROOM_M2) if sc <= 1.05 else min(a_max, LARGE_ROOM_M2 * sc)
        area = min(max(need * factor, a_min), cap)
        # size words: "small" towards the bottom of the range, "large" scales the contents' need up
        if sc < 0.95:
            area = max(a_min * sc, min(area, a_min + 0.3 * (cap - a_min)) * sc)
        elif sc > 1.05:
            area = min(max(area * sc, a_min + 0.25 * (cap - a_min) * sc), cap)
        area = max(area, need * 1.3, 5.0)
        if sc <= 1.05:  # unasked, a large room is not made for optional things: they are left out first
            area = min(area, LARGE_ROOM_M2)
        aspect = rng.uniform(1.0, 1.45 if not (rows or aisles) else 1.7)
        w, d = math.sqrt(area * aspect), math.sqrt(area / aspect)
        # the largest group must fit against a wall with a walkway in front
        ext = [self._group_extent(g, by_key) for g in groups]
        gw = max((e[0] for e in ext), default=0.0)
        gd = max((e[1] + (1.1 if g.template.root_place == "center" else 0.35) for e, g in zip(ext, groups, strict=True)),
                 default=0.0)
        gw = max((e[0] + (1.1 if g.template.root_place == "center" else 0.9) for e, g in zip(ext, groups, strict=True)),
                 default=gw)
        if gd > d or gw > w:
            if gd > w and gd > d and w >= d:
                w, d = d, w
            w, d = max(w, gw), max(d, gd)
            if max(w, d) / min(w, d) > 1.8:
                if w > d:
                    d = w / 1.8
                else:
                    w = d / 1.8
        if self.shell is not None:  # multi-room hook: a room of a home keeps the floor plan's size
            w, d = self.shell.width, self.shell.depth
            return (self._try_layout(spec, room, objs, rng, robot_radius, w, d, groups=groups, strict_groups=True)
                    or self._try_layout(spec, room, objs, rng, robot_radius, w, d, final=True, groups=groups))
        # a run of units fits along three walls at most (a U) with the corners and the door left clear
        run_len = sum(o.size[0] for o in objs if o.run is not None)
        if run_len and max(w, d) + 2 * min(w, d) < run_len + 3.4:
            k = (run_len + 3.4) / (max(w, d) + 2 * min(w, d))
            w, d = w * k, d * k
        for _attempt in range(6):
            w, d = min(max(w, 2.4), 60.0), min(max(d, 2.4), 60.0)
            plan = self._try_layout(spec, room, objs, rng, robot_radius, w, d, groups=groups,
                                    strict_groups=_attempt < 3)
            if plan is not None:
                return plan
            w, d = w * 1.12, d * 1.12
        return self._try_layout(spec, room, objs, rng, robot_radius, w, d, final=True, groups=groups)

    def _try_layout(self, spec, room, objs, rng, robot_radius, w, d, final: bool = False,
                    groups: list[GroupPlan] | None = None, strict_groups: bool = False) -> ScenePlan | None:
        w, d = round(w, 2), round(d, 2)
        height = round(rng.uniform(*room.height), 2)
        tall = max((o.size[2] for o in objs if o.placement not in ("ceiling",)), default=2.0)
        height = max(height, min(tall + 0.3, 12.0))
        has_rows = any(o.placement in ("rows", "aisles") for o in objs)
        poly = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]
        names = ["south", "east", "north", "west"]
        if not has_rows and w * d > 14 and rng.random() < L_SHAPED_SHARE and spec.density != "dense" and \
                not any(o.run is not None for o in objs):  # a run of kitchen units wants plain walls
            # an L-shaped room: a corner cut away, the room grown so its floor stays what the contents need
            fx, fy = rng.uniform(0.3, 0.42), rng.uniform(0.3, 0.42)
            k = 1.0 / math.sqrt(1.0 - fx * fy)
            w, d = round(w * k, 2), round(d * k, 2)
            cw, cd = round(w * fx, 2), round(d * fy, 2)
            poly = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2 - cd), (w / 2 - cw, d / 2 - cd),
                    (w / 2 - cw, d / 2), (-w / 2, d / 2)]
            names = [f"wall_{i}" for i in range(6)]
        walls = [Wall(names[i], i, poly[i], poly[(i + 1) % len(poly)], "") for i in range(len(poly))]
        # the door on a wall, windows on others
        door_wall = rng.randrange(len(walls)) if len(poly) == 4 else 0
        dw = room.door_width
        dwall = walls[door_wall]
        door_off = round(rng.uniform(dw / 2 + 0.25, max(dw / 2 + 0.26, dwall.length - dw / 2 - 0.25)), 2)
        windows = []
        has_run = any(o.run is not None for o in objs)
        n_win = rng.randint(*room.windows)
        n_hang = sum(1 for o in objs if self._at_window(o.category) and o.placement == "on_wall")
        n_win = max(n_win, n_hang)
        others = [i for i in range(len(walls)) if i != door_wall and walls[i].length > 1.6]
        rng.shuffle(others)
        for i in others[:n_win]:
            wl = walls[i]
            width = round(min(1.4, wl.length * 0.4), 2)
            off = round(rng.uniform(width / 2 + 0.4, wl.length - width / 2 - 0.4), 2)
            # over a run of counters the sill clears the worktop (a kitchen window)
            windows.append((wl.name, off, width, 1.0, 1.05) if has_run else (wl.name, off, width, 1.2, 0.9))
        doors = [(door_wall, door_off, dw)]
        if self.shell is not None:  # multi-room hook: the floor plan's rectangle, doors and windows
            poly, names, height, windows, doors, walls = self.shell.layout(w, d, Wall)
            dwall, door_off, dw = walls[doors[0][0]], doors[0][1], doors[0][2]
        solver = Solver(poly, walls, doors, rng, robot_radius)
        for wname, off, width, _h, sill in windows:
            wl = next(x for x in walls if x.name == wname)
            solver.add_window(wl, off, width, sill)
        items = []
        by_key = {}
        for o in sorted(objs, key=lambda o: (o.run is None, o.run or 0)):
            if o.placement in ("on", "on_any", "on_wall", "ceiling"):
                continue
            cat = self.cat.get(o.category)
            it = Item(o.key, o.category, o.size, o.placement, o.target, o.wall_hint,
                      clearance=max(cat.front_clearance, 2 * robot_radius + 0.15),
                      required=o.required, walkable=o.size[2] < 0.03)
            items.append(it)
            by_key[o.key] = (o, it)
        group_items = []
        for g in groups or []:
            if g.root not in by_key:
                continue
            gi = GroupItems(g.template.name, by_key[g.root][1], g.template.root_place)
            for slot in g.template.slots:
                members = [by_key[k][1] for k in g.members.get(slot.id, []) if k in by_key]
                if members:
                    gi.slots.append((slot, members, rng.uniform(*slot.gap)))
            group_items.append(gi)
        rows_wall = self._rows_wall(objs, walls)
        result = solve(solver, items, rows_wall, groups=group_items)
        required_dropped = [i for i in result.dropped if i.required]
        if (required_dropped or result.unreachable) and not final:
            return None
        if strict_groups:
            # a piece the prompt asked for that its group could not take: try a larger room first
            grouped = set(result.grouped)
            asked = {k for g in groups or [] for ks in g.members.values() for k in ks
                     if k in by_key and by_key[k][0].source_text}
            if asked - grouped:
                return None
        placed = {i.key for i in result.placed}
        kept = []
        dropped = [i.key for i in result.dropped]
        for o in objs:
            if o.key in by_key:
                if o.key not in placed:
                    continue
                it = by_key[o.key][1]
                o.pose, o.access, o.serves = it.pose, it.access, it.serves
                if o.run is not None and it.placement != "run":  # it did not fit in the run
                    o.run, o.placement = None, "against_wall"
                o.wall, o.offset = it.wall, it.offset
            kept.append(o)
        self._lift_onto_rugs(kept)
        lay_place_settings(kept)
        self._hang_group_art(groups or [], kept, walls, height, set(result.grouped))
        lone_uppers = self._hang_lone_uppers(kept, height)
        self._dress_windows(kept, windows, height, walls)
        hangers = [o for o in kept if self._at_window(o.category) and o.placement == "on_wall"]
        dropped_hangers = [o.key for o in hangers if o.offset is None and not o.explicit and not o.source_text] + lone_uppers
        kept = [o for o in kept if o.key not in dropped_hangers]
        kept_keys = {o.key for o in kept}
        # dressing whose support was left out goes with it (a cushion of a dropped armchair)
        kept = [o for o in kept if not (o.dressing and o.target and o.target not in kept_keys)]
        kept_keys = {o.key for o in kept}
        for o in kept:
            if o.target and o.target not in kept_keys:
                o.target = None
                o.placement = "on_any" if o.placement == "on" else o.placement
        if rows_wall is not None:
            for o in kept:
                if o.placement == "on_wall" and o.category in ("whiteboard", "blackboard", "projector screen"):
                    o.wall = rows_wall.name
                    o.height = round(min(1.45, height - o.size[2] / 2 - 0.15), 3)
        plan = ScenePlan(room_type=room.name, polygon=[(round(x, 3), round(y, 3)) for x, y in poly], height=height,
                         floor_material="", wall_material="", wall_names=names,
                         door=(dwall.name, door_off, dw), windows=windows, objects=kept,
                         dropped=dropped + dropped_hangers, unreachable=result.unreachable,
                         groups=self._group_report(groups or [], {o.key for o in kept}, set(result.grouped)))
        self._materials(spec, room, plan, rng)
        self._lights(spec, room, plan, rng, w * d)
        return plan

    @staticmethod
    def _lift_onto_rugs(kept: list[PlannedObject]) -> None:
        """A piece standing wholly on a rug stands on the rug's top (the layout allows nothing else)."""
        from ...world.geometry import Footprint, footprint_inside

        rugs = [o for o in kept if o.pose is not None and o.size[2] < 0.03]
        for o in kept:
            if o.pose is None or o.size[2] < 0.03:
                continue
            fp = Footprint(o.pose[0], o.pose[1], o.size[0], o.size[1], o.pose[2])
            for r in rugs:
                if footprint_inside(fp, Footprint(r.pose[0], r.pose[1], r.size[0], r.size[1], r.pose[2]).corners()):
                    o.lift = r.size[2]
                    break

    @staticmethod
    def _wall_behind(o: PlannedObject, walls: list[Wall]) -> tuple[str, float] | None:
        """The wall an object stands with its back against, and its centre's offset along it."""
        if o.wall is not None and o.offset is not None:
            return o.wall, o.offset
        if o.pose is None:
            return None
        x, y, yaw = o.pose
        fx, fy = -math.sin(math.radians(yaw)), math.cos(math.radians(yaw))
        for wall in walls:
            nx, ny = wall.inward
            if nx * fx + ny * fy < 0.99:
                continue
            ax, ay = wall.start
            dist = (x - ax) * nx + (y - ay) * ny - o.size[1] / 2
            if -0.02 <= dist <= 0.12:
                ux, uy = wall.direction
                return wall.name, (x - ax) * ux + (y - ay) * uy
        return None

    def _hang_group_art(self, groups: list[GroupPlan], kept: list[PlannedObject], walls: list[Wall],
                        height: float, placed: set[str]) -> None:
        """Members that hang above a piece of their group (a mirror over the washbasin, a painting
        over the sofa, the hood over the stove) go on the wall behind it, centred over it."""
        by_key = {o.key: o for o in kept}
        for g in groups:
            root = by_key.get(g.root)
            if root is None or g.root not in placed:
                continue
            for slot in g.template.slots:
                if slot.rel not in WALL_RELS:
                    continue
                of = root if slot.of == "root" else next((by_key[k] for k in g.members.get(slot.of, [])
                                                          if k in by_key), None)
                where = self._wall_behind(of, walls) if of is not None else None
                for k, key in enumerate(g.members.get(slot.id, [])):
                    o = by_key.get(key)
                    if o is None or where is None:
                        continue
                    wall, off = where
                    w = min(o.size[0], of.size[0] * (1.0 if slot.rel == "above" else 0.6))
                    if slot.match_width:
                        w = of.size[0] - 0.01
                    if slot.rel == "above_side":
                        off += (1 if k % 2 == 0 else -1) * (of.size[0] / 2 + w / 2 + 0.12)
                    o.size = (round(max(w, 0.1), 3), o.size[1], o.size[2])
                    o.placement, o.wall, o.offset = "on_wall", wall, round(off, 4)
                    top = height - 0.08
                    o.height = round(min(slot.height + o.size[2] / 2, top - o.size[2] / 2), 3)

    @staticmethod
    def _hang_lone_uppers(kept: list[PlannedObject], height: float) -> list[str]:
        """Wall cabinets and range hoods whose base unit or stove was left out (``needs_root`` slots of
        groups.toml): left out too (hung anywhere, one blocks a fridge door or hangs over nothing),
        unless the prompt asked for them: those hang at their slot's height (a wall cabinet's bottom
        at 1.42 m), not at eye level, where what stands on a counter would block their doors.
        Returns the keys left out."""
        heights = {k: s.height for t in group_templates() for s in t.slots if s.needs_root for k in s.kinds}
        lone = [o for o in kept if o.placement == "on_wall" and o.height is None and o.category in heights]
        for o in lone:
            o.height = round(min(heights[o.category] + o.size[2] / 2, height - 0.08 - o.size[2] / 2), 3)
        return [o.key for o in lone if not o.explicit and not o.source_text]

    def _at_window(self, category: str) -> bool:
        """Whether a category hangs at windows (the knowledge base's ``window_dressing`` tag)."""
        return "window_dressing" in self.cat.get(category).tags

    def _dress_windows(self, kept: list[PlannedObject], windows: list, height: float, walls: list[Wall]) -> None:
        """Curtains and blinds hang at windows, centred on them: curtains from just under the ceiling
        to the floor (to the sill when furniture stands under the window), a little wider than the
        window; blinds over the glass."""
        from ...world.geometry import Footprint, footprints_overlap

        hangers = [o for o in kept if self._at_window(o.category) and o.placement == "on_wall" and o.offset is None]
        floor = [Footprint(o.pose[0], o.pose[1], o.size[0], o.size[1], o.pose[2]) for o in kept
                 if o.pose is not None and o.size[2] >= 0.03]
        # one hanging per window; curtains the prompt asked for beyond that share the windows as
        # panels (two curtains at one window: one each side), never another wall
        at: dict[int, list[PlannedObject]] = {}
        for k, o in enumerate(hangers):
            if windows and (k < len(windows) or (o.source_text and o.category != "window blind")):
                at.setdefault(k % len(windows), []).append(o)
        for i, group in at.items():
            wname, off, width, wh, sill = windows[i]
            wall = next(w for w in walls if w.name == wname)
            zone = Footprint(*wall.point(off, 0.12), width + 0.5, 0.24, wall.facing_yaw)
            bottom = sill - 0.08 if any(footprints_overlap(zone, fp) for fp in floor) else 0.04
            top = min(height - 0.1, sill + wh + 0.45)
            panel = (width + 0.4) / len(group)
            for j, o in enumerate(group):
                o.wall = wname
                if o.category == "window blind":
                    o.offset = off
                    o.size = (round(width + 0.08, 3), o.size[1], round(wh + 0.1, 3))
                    o.height = round(sill + wh / 2 + 0.05, 3)
                    continue
                o.offset = round(off - (width + 0.4) / 2 + panel * (j + 0.5), 3)
                o.size = (round(panel, 3), o.size[1], round(top - bottom, 3))
                o.height = round((top + bottom) / 2, 3)

    @staticmethod
    def _group_report(groups: list[GroupPlan], kept: set[str], placed: set[str]) -> list[dict]:
        out = []
        for g in groups:
            members = {sid: [k for k in ks if k in kept] for sid, ks in g.members.items()}
            out.append({"group": g.template.name, "root": g.root, "as_unit": g.root in placed,
                        "members": {k: v for k, v in members.items() if v}})
        return out

    def _rows_wall(self, objs: list[PlannedObject], walls: list[Wall]) -> Wall | None:
        if not any(o.placement == "rows" for o in objs):
            return None
        return max(walls, key=lambda w: w.length) if walls else None

    def _materials(self, spec: PromptSpec, room: RoomType, plan: ScenePlan, rng) -> None:
        """Floor and wall finishes, and with a style (``data/knowledge/styles.toml``) its wood for
        wooden furniture, its textile and one of its colours for upholstered pieces (one colour per
        room), its metal for metal ones. Materials and colours the prompt names win."""
        palette = V.STYLE_PALETTE.get(spec.style or "", None)
        floor = spec.floor_material or (palette.floor if palette else room.floor)
        walls = room.walls if not palette else palette.walls
        if spec.wall_material:
            walls = spec.wall_material
        if spec.wall_color:
            walls = f"{spec.wall_color} paint" if not spec.wall_material else f"{spec.wall_color} {spec.wall_material}"
        plan.floor_material, plan.wall_material = floor, walls
        if not palette:
            return
        accent = rng.choice(palette.colors) if palette.colors else None
        for o in plan.objects:
            if o.material is not None:
                continue
            cat = self.cat.get(o.category)
            main = cat.material
            if "wood" in main and "furniture" in cat.tags:
                o.material = palette.wood
            elif main in TEXTILES and ("seating" in cat.tags or "bed" in cat.tags or cat.name in ("curtain", "rug")):
                o.material = palette.textile
                o.color = o.color or accent
            elif "metal" in main or main in ("steel", "chrome", "brass", "aluminum", "stainless steel"):
                o.material = palette.metal

    def _lights(self, spec: PromptSpec, room: RoomType, plan: ScenePlan, rng, area: float) -> None:
        moods = list(spec.lighting)
        base = room.lighting
        if not any(m in moods for m in ("dim", "bright")) and base in ("dim", "bright"):
            moods.append(base)
        if not any(m in moods for m in ("warm", "cool", "neon")) and base in ("warm", "cool"):
            moods.append(base)
        flux = 60.0 if "dim" in moods else 650.0 if "bright" in moods else 260.0
        temp = 2700.0 if "warm" in moods else 6500.0 if "cool" in moods else 8000.0 if "neon" in moods else 4000.0
        n = 1 if spec.single_light else max(1, min(9, round(area / 14.0)))
        radius = 0.12
        intensity = flux * area / (n * 4 * math.pi * radius * radius)
        xs = [p[0] for p in plan.polygon]
        ys = [p[1] for p in plan.polygon]
        cols = max(1, round(math.sqrt(n * (max(xs) - min(xs)) / max(max(ys) - min(ys), 0.1))))
        rows = max(1, math.ceil(n / cols))
        from ...world.geometry import point_in_polygon

        k = 0
        for r in range(rows):
            for c in range(cols):
                if k >= n:
                    break
                x = min(xs) + (c + 0.5) * (max(xs) - min(xs)) / cols
                y = min(ys) + (r + 0.5) * (max(ys) - min(ys)) / rows
                if not point_in_polygon((x, y), plan.polygon):
                    x, y = sum(xs) / len(xs), sum(ys) / len(ys)
                plan.lights.append(LightPlan("sphere", round(intensity, 1), temp,
                                             (round(x, 3), round(y, 3), round(plan.height - 0.35, 3)), radius))
                k += 1
        plan.lights.append(LightPlan("dome", 40.0 if "dim" in moods else 150.0, 6500.0 if "neon" not in moods else 9000.0))
        plan.lighting = moods
