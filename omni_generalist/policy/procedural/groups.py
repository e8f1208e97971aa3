"""Functional groups (``data/knowledge/groups.toml``): furniture set out together as one unit.

A :class:`GroupTemplate` has a root (the piece against a wall or in the middle of the room) and
slots whose members stand relative to the root or to another slot's member: a coffee table in
front of the sofa, armchairs at its sides, nightstands flush beside a bed, chairs around a table,
a mirror centred above a washbasin. :func:`form_groups` assigns a plan's objects to groups; the
layout solver places each group as a unit and :func:`member_pose` says where each member goes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from ...paths import data_dir
from ...tomlcache import read_toml

RELS = ("front", "sides", "beside", "around", "front_row", "pushed_in", "under", "above", "above_side", "on")
WALL_RELS = ("above", "above_side")
"""Members hung on the wall behind the piece they belong to."""


@dataclass(frozen=True)
class GroupSlot:
    """One kind of member of a group and where it stands."""

    id: str
    kinds: tuple[str, ...]
    of: str
    rel: str
    gap: tuple[float, float] = (0.0, 0.0)
    margin: tuple[float, float] = (0.0, 0.0)
    face: bool = False
    max: int = 1
    required: bool = False
    height: float = 1.2
    shift: float = 0.0
    match_width: bool = False
    add: int = 0
    """Members added (of the first kind the room uses, else the first kind) when the plan has none:
    a table nobody named chairs for still gets two, a desk its chair."""
    needs_root: bool = False
    """Left out when the piece it hangs over is (a range hood without its stove), unless asked for."""


@dataclass(frozen=True)
class GroupTemplate:
    """A functional group: its root kinds, how the root stands, and its slots."""

    name: str
    doc: str
    root_kinds: tuple[str, ...]
    root_place: str
    slots: tuple[GroupSlot, ...]


@dataclass
class GroupPlan:
    """One group of a plan: the template, the root's key and each slot's member keys."""

    template: GroupTemplate
    root: str
    members: dict[str, list[str]] = field(default_factory=dict)

    def keys(self) -> list[str]:
        return [self.root] + [k for ks in self.members.values() for k in ks]

    def slot_of(self, key: str) -> GroupSlot | None:
        for slot in self.template.slots:
            if key in self.members.get(slot.id, []):
                return slot
        return None


def _slot(d: dict, group: str) -> GroupSlot:
    rel = str(d["rel"])
    if rel not in RELS:
        raise ValueError(f"groups.toml: group {group!r} slot {d.get('id')!r}: unknown rel {rel!r}")
    pair = lambda v: (float(v[0]), float(v[1])) if v is not None else (0.0, 0.0)  # noqa: E731
    return GroupSlot(id=str(d["id"]), kinds=tuple(str(k).lower() for k in d["kinds"]), of=str(d.get("of", "root")),
                     rel=rel, gap=pair(d.get("gap")), margin=pair(d.get("margin")), face=bool(d.get("face", False)),
                     max=int(d.get("max", 1)), required=bool(d.get("required", False)),
                     height=float(d.get("height", 1.2)), shift=float(d.get("shift", 0.0)),
                     match_width=bool(d.get("match_width", False)), add=int(d.get("add", 0)),
                     needs_root=bool(d.get("needs_root", False)))


def load_templates(raw: dict) -> tuple[GroupTemplate, ...]:
    """Build the templates from parsed TOML; a duplicate group name or slot id is an error."""
    out: list[GroupTemplate] = []
    seen: set[str] = set()
    for g in raw.get("group", []):
        name = str(g["name"])
        if name in seen:
            raise ValueError(f"groups.toml: group {name!r} is defined twice")
        seen.add(name)
        slots = tuple(_slot(s, name) for s in g.get("slots", []))
        ids = [s.id for s in slots]
        if len(set(ids)) != len(ids) or "root" in ids:
            raise ValueError(f"groups.toml: group {name!r} has duplicate slot ids")
        for s in slots:
            if s.of != "root" and s.of not in ids[: ids.index(s.id)]:
                raise ValueError(f"groups.toml: group {name!r} slot {s.id!r} refers to {s.of!r}, not an earlier slot")
        root = g["root"]
        out.append(GroupTemplate(name=name, doc=str(g.get("doc", "")), root_kinds=tuple(k.lower() for k in root["kinds"]),
                                 root_place=str(root.get("place", "against_wall")), slots=slots))
    return tuple(out)


@lru_cache(maxsize=1)
def group_templates() -> tuple[GroupTemplate, ...]:
    """The group templates of the knowledge base, in the order they are tried."""
    return load_templates(read_toml(data_dir() / "knowledge" / "groups.toml"))


def form_groups(objects, eligible, templates: tuple[GroupTemplate, ...] | None = None) -> list[GroupPlan]:
    """Assign objects to groups.

    Args:
        objects: planned objects with ``key``, ``category`` and ``target`` (in plan order).
        eligible: ``eligible(obj, role)`` — whether ``obj`` may be a group's root (``role`` "root")
            or a member of a slot with that rel (its own relation does not say otherwise).
        templates: the templates (default: the knowledge base's).

    Returns:
        The groups; each object is in at most one. Members whose relation names a root join that
        root's group first; the rest are shared out so each root gets its fair part.
    """
    templates = templates if templates is not None else group_templates()
    taken: set[str] = set()
    groups: list[GroupPlan] = []
    for tpl in templates:
        roots = [o for o in objects if o.key not in taken and o.category in tpl.root_kinds and eligible(o, "root")]
        if any(set(slot.kinds) & set(tpl.root_kinds) for slot in tpl.slots):
            roots = roots[: len(roots) // 2]  # a pair of its own kind (twin beds): half are roots, half members
        if not roots:
            continue
        plans = [GroupPlan(tpl, r.key) for r in roots]
        for slot in tpl.slots:
            if slot.rel == "on":
                continue
            cands = [o for o in objects if o.key not in taken and o.category in slot.kinds and o.key not in
                     {p.root for p in plans} and eligible(o, slot.rel)]
            # first those whose relation names one of the roots, then the rest, shared out
            for p in plans:
                own = [o for o in cands if o.target == p.root][: _cap(slot)]
                p.members.setdefault(slot.id, []).extend(o.key for o in own)
                taken.update(o.key for o in own)
            rest = [o for o in cands if o.key not in taken and not any(o.target == q.root for q in plans)]
            for o in rest:
                open_plans = [p for p in plans if len(p.members.get(slot.id, [])) < _cap(slot)
                              and (slot.id == slot.of or slot.of == "root" or p.members.get(slot.of))]
                if not open_plans:
                    break
                p = min(open_plans, key=lambda q: len(q.members.get(slot.id, [])))
                p.members.setdefault(slot.id, []).append(o.key)
                taken.add(o.key)
        for p in plans:
            if all(p.members.get(s.id) for s in tpl.slots if s.required):
                groups.append(p)
                taken.add(p.root)
            else:  # not this template: its members are free again for the next
                for ks in p.members.values():
                    taken.difference_update(ks)
    return groups


def _cap(slot: GroupSlot) -> int:
    return slot.max


# ------------------------------------------------------------------ geometry
def rotate(lx: float, ly: float, yaw: float) -> tuple[float, float]:
    c, s = math.cos(math.radians(yaw)), math.sin(math.radians(yaw))
    return c * lx - s * ly, s * lx + c * ly


def member_poses(slot: GroupSlot, of_pose: tuple[float, float, float], of_size, sizes: list, gap: float,
                 seat_slots=None) -> list[tuple[float, float, float] | None]:
    """Poses ``(x, y, yaw)`` of a slot's members around the piece they belong to.

    Args:
        slot: the slot.
        of_pose: pose of the piece (``x, y, yaw``; its front faces +Y turned by yaw).
        of_size: its ``(width, depth, height)``.
        sizes: each member's size.
        gap: the gap drawn from ``slot.gap``.
        seat_slots: ``seat_slots(table_size, seat_size)`` for ``around`` (local ``(x, y, turn)``).
    """
    x0, y0, yaw0 = of_pose
    W, D = of_size[0], of_size[1]
    out: list[tuple[float, float, float] | None] = []

    def world(lx: float, ly: float, turn: float) -> tuple[float, float, float]:
        dx, dy = rotate(lx, ly, yaw0)
        return (x0 + dx, y0 + dy, (yaw0 + turn) % 360.0)

    if slot.rel in ("front", "pushed_in"):
        for k, sz in enumerate(sizes):
            if k > 0:
                out.append(None)
                continue
            ly = D / 2 + gap + sz[1] / 2
            out.append(world(0.0, ly, 180.0 if slot.face else 0.0))
    elif slot.rel == "front_row":
        n = len(sizes)
        pitch = max((s[0] for s in sizes), default=0.4) + 0.12
        n_fit = max(1, int((W + 0.1) // pitch))
        for k, sz in enumerate(sizes):
            if k >= n_fit:
                out.append(None)
                continue
            m = min(n, n_fit)
            lx = (k + 0.5) / m * W - W / 2
            out.append(world(lx, D / 2 + gap + sz[1] / 2, 180.0 if slot.face else 0.0))
    elif slot.rel == "sides":
        for k, sz in enumerate(sizes):
            if k > 1:
                out.append(None)
                continue
            side = 1.0 if k == 0 else -1.0
            lx = side * (W / 2 + gap + sz[1] / 2)
            # turned to face the piece: its front (+Y) towards the piece's centre
            out.append(world(lx, 0.0, 90.0 if side > 0 else 270.0))
    elif slot.rel == "beside":
        for k, sz in enumerate(sizes):
            if k > 1:
                out.append(None)
                continue
            side = 1.0 if k == 0 else -1.0
            lx = side * (W / 2 + gap + sz[0] / 2)
            ly = sz[1] / 2 - D / 2  # back edges aligned
            out.append(world(lx, ly, 0.0))
    elif slot.rel == "around" and seat_slots is not None:
        if not sizes:
            return out
        cands = seat_slots(of_size, sizes[0])
        # spread the seats over the table's sides: long sides first, then the ends
        order = _spread(cands, len(sizes))
        for k in range(len(sizes)):
            if k < len(order):
                lx, ly, turn = order[k]
                out.append(world(lx, ly, turn))
            else:
                out.append(None)
    elif slot.rel == "under":
        for _sz in sizes:
            out.append(world(0.0, slot.shift, 0.0))
    else:
        out.extend(None for _ in sizes)
    return out


def _spread(cands: list[tuple[float, float, float]], n: int) -> list[tuple[float, float, float]]:
    """Order seat slots so the first ``n`` are spread over the sides (front and back first)."""
    by_turn: dict[float, list] = {}
    for c in cands:
        by_turn.setdefault(c[2], []).append(c)
    sides = [by_turn.get(t, []) for t in (180.0, 0.0, 90.0, 270.0)]
    long_total = len(sides[0]) + len(sides[1])
    ends = sides[2][:1] + sides[3][:1] if len(sides[2]) > 1 or n > long_total else sides[2] + sides[3]
    order: list = []
    # as many on the long sides as wanted, balanced, centred; the ends when the long sides are full
    want_long = min(n, long_total)
    a = min(len(sides[0]), (want_long + 1) // 2)
    b = min(len(sides[1]), want_long - a)
    a = min(len(sides[0]), want_long - b)
    order += _centred(sides[0], a) + _centred(sides[1], b)
    if len(order) < n:
        order += [c for c in ends][: n - len(order)]
    if len(order) < n:
        rest = [c for c in cands if c not in order]
        order += rest[: n - len(order)]
    return order


def _centred(side: list, k: int) -> list:
    """``k`` of a side's slots, centred along it."""
    if k <= 0:
        return []
    if k >= len(side):
        return list(side)
    start = (len(side) - k) // 2
    return side[start:start + k]


@dataclass(frozen=True)
class RunTemplate:
    """Units set side by side along the walls (a kitchen's base units); roles order the run."""

    name: str
    doc: str
    min: int
    end: tuple[str, ...]
    wet: tuple[str, ...]
    beside_wet: tuple[str, ...]
    hot: tuple[str, ...]
    fill: tuple[str, ...]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.end + self.wet + self.beside_wet + self.hot + self.fill)

    def order(self, objects: list) -> list:
        """``objects`` (each with a ``category``) in run order: an end piece, a fill piece, the wet
        piece and what goes beside it, half the remaining fill, the hot piece, the rest."""
        def take(kinds: tuple[str, ...]) -> list:
            got = [o for o in pool if o.category in kinds]
            for o in got:
                pool.remove(o)
            return got

        pool = list(objects)
        ends, wets, besides, hots, fills = (take(self.end), take(self.wet), take(self.beside_wet),
                                            take(self.hot), take(self.fill))
        fills += pool
        seq = ends[:1] + fills[:1] + wets[:1] + besides
        rest = fills[1:]
        half = max(1, len(rest) // 2) if hots else len(rest)
        seq += rest[:half] + hots + rest[half:] + wets[1:] + ends[1:]
        return seq


def load_runs(raw: dict) -> tuple[RunTemplate, ...]:
    """Run templates from the ``[[run]]`` tables of ``groups.toml`` (a name twice is refused)."""
    out: list[RunTemplate] = []
    seen: set[str] = set()
    for d in raw.get("run", []):
        name = d["name"]
        if name in seen:
            raise ValueError(f"run {name!r} is defined twice in groups.toml")
        seen.add(name)
        out.append(RunTemplate(name, d.get("doc", ""), int(d.get("min", 3)),
                               *(tuple(d.get(k, ())) for k in ("end", "wet", "beside_wet", "hot", "fill"))))
    return tuple(out)


@lru_cache(maxsize=1)
def run_templates() -> tuple[RunTemplate, ...]:
    """The run templates of the knowledge base."""
    return load_runs(read_toml(data_dir() / "knowledge" / "groups.toml"))

