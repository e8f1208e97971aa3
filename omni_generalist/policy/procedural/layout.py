"""Layout solver: poses for floor objects that respect relations and keep the room usable.

Guarantees for every object it places: no overlap with another object, inside the room
polygon, clear of the door's swing zone, its front clearance free, and — checked on a 5 cm
grid after placement — the front (or, for seats at a table, the back) of every floor object
reachable from the door by a disc of ``robot_radius``. Objects that cannot meet these are
re-placed, and optional ones are dropped; what could not be placed is reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...actions.placement import seat_slots
from ...metrics.reachability import access_point, unreachable
from ...world.geometry import Footprint, footprint_inside, footprints_overlap, point_in_polygon
from ...world.model import WallInfo as Wall
from .groups import GroupSlot, member_poses

GAP = 0.03


@dataclass
class Item:
    """A floor object to place."""

    key: str
    category: str
    size: tuple[float, float, float]
    placement: str = "floor"
    target: str | None = None
    wall_hint: str | None = None
    clearance: float = 0.5
    required: bool = True
    access: str = "front"
    walkable: bool = False
    """Flat things (rugs) that do not block the robot and that nothing else overlaps."""
    pose: tuple[float, float, float] | None = None  # x, y, yaw
    serves: str | None = None
    wall: str | None = None
    """The wall it stands against (set by wall placements)."""
    offset: float | None = None
    """Where along that wall its centre is (meters from the wall's start)."""


@dataclass
class GroupItems:
    """A functional group to place as one unit: its root and each slot's members, in slot order."""

    name: str
    root: Item
    place: str
    slots: list[tuple[GroupSlot, list[Item], float]] = field(default_factory=list)
    """(slot, members, gap drawn for this world)."""

    def items(self) -> list[Item]:
        return [self.root] + [m for _s, ms, _g in self.slots for m in ms]


@dataclass
class LayoutResult:
    placed: list[Item] = field(default_factory=list)
    dropped: list[Item] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    grouped: list[str] = field(default_factory=list)
    """Keys of the items placed as part of a group."""


def _within(inner: Footprint, outer: Footprint) -> bool:
    """Whether footprint ``inner`` lies wholly inside ``outer``."""
    return footprint_inside(inner, outer.corners())


def _norm_yaw(y: float) -> float:
    y = y % 360.0
    return round(y, 6) % 360.0


def _fp(item: Item, x: float, y: float, yaw: float) -> Footprint:
    return Footprint(x, y, item.size[0], item.size[1], yaw)


def _front_zone(item: Item, x: float, y: float, yaw: float, depth: float) -> Footprint:
    fp = _fp(item, x, y, yaw)
    cx, cy = fp.to_world(0.0, item.size[1] / 2 + depth / 2)
    return Footprint(cx, cy, item.size[0], depth, yaw)


def _back_zone(item: Item, x: float, y: float, yaw: float, depth: float) -> Footprint:
    fp = _fp(item, x, y, yaw)
    cx, cy = fp.to_world(0.0, -(item.size[1] / 2 + depth / 2))
    return Footprint(cx, cy, item.size[0], depth, yaw)


class Solver:
    """Places floor items in a room.

    Args:
        polygon: the floor outline (counter-clockwise).
        walls: the walls (with which have windows).
        doors: ``(wall index, offset, width)`` of each door.
        rng: seeded random generator.
        robot_radius: radius of the robot disc for the reachability guarantee.
    """

    def __init__(self, polygon, walls: list[Wall], doors: list[tuple[int, float, float]], rng,
                 robot_radius: float = 0.25):
        self.poly = [tuple(p) for p in polygon]
        self.walls = walls
        self.rng = rng
        self.r = robot_radius
        self.placed: list[tuple[Item, Footprint]] = []
        self.zones: list[tuple[str, Footprint]] = []  # keep-out zones (door swing, front clearances)
        self.door_points: list[tuple[float, float]] = []
        self.windows: list[tuple[Footprint, float]] = []
        self.window_walls: set[str] = set()
        self._pack_order: list[Wall] | None = None
        self._walkable_keys: set[str] = set()
        self._pack_cursor: dict[str, float] = {}
        self.door_walls = {walls[wi].name for wi, _o, _w in doors}
        for wi, off, width in doors:
            wall = walls[wi]
            zone = Footprint(*wall.point(off, 0.55), width + 0.3, 1.1, wall.facing_yaw)
            self.zones.append(("door", zone))
            self.door_points.append(wall.point(off, 0.45))
        xs, ys = [p[0] for p in self.poly], [p[1] for p in self.poly]
        self.bounds = (min(xs), min(ys), max(xs), max(ys))
        # an axis-aligned rectangular room: "inside" is a bounds test
        self.rect = self.bounds if len(self.poly) == 4 and len(set(xs)) == 2 and len(set(ys)) == 2 else None

    def add_window(self, wall: Wall, offset: float, width: float, sill: float) -> None:
        """Keep tall objects (above the sill) away from a window."""
        self.windows.append((Footprint(*wall.point(offset, 0.06), width + 0.1, 0.12, wall.facing_yaw), sill))
        self.window_walls.add(wall.name)

    # ------------------------------------------------------------- checks
    def _free(self, fp: Footprint, owner: str, ignore: set[str] = frozenset(), zones: bool = True,
              zones_ignore: set[str] = frozenset()) -> bool:
        grown = fp.inflated(GAP / 2)
        if self.rect is not None:
            a, r = grown.aabb, self.rect
            if a[0] < r[0] or a[1] < r[1] or a[2] > r[2] or a[3] > r[3]:
                return False
        elif not footprint_inside(grown, self.poly):
            return False
        walkable = self._walkable(owner)
        for it, other in self.placed:
            if it.key in ignore:
                continue
            if footprints_overlap(grown, other):
                # a rug and a piece standing wholly on it are fine together (the piece stands on the rug)
                if it.walkable and not walkable and _within(fp, other):
                    continue
                if walkable and not it.walkable and _within(other, fp):
                    continue
                return False
        if zones:
            for name, z in self.zones:
                if name in ignore or name == owner or name in zones_ignore:
                    continue
                if footprints_overlap(fp, z):
                    return False
        return True

    def _walkable(self, key: str) -> bool:
        return key in self._walkable_keys

    def _accept(self, item: Item, x: float, y: float, yaw: float, ignore: set[str] = frozenset(),
                zones_ignore: set[str] = frozenset()) -> bool:
        """Whether ``item`` fits at the pose: free of other items (``ignore``: items and zones it may
        overlap), of keep-out zones (``zones_ignore``: zones it may stand in), and its own front or
        back zone free."""
        yaw = _norm_yaw(yaw)
        fp = _fp(item, x, y, yaw)
        if item.walkable:
            self._walkable_keys.add(item.key)
        if item.walkable:
            # rugs: inside, not in the door zone, under nothing that stands only partly on them
            return self._free(fp, item.key, ignore, zones_ignore=zones_ignore)
        if not self._free(fp, item.key, ignore, zones_ignore=zones_ignore):
            return False
        if any(item.size[2] > sill - 0.02 and footprints_overlap(fp, zone) for zone, sill in self.windows):
            return False
        if item.access == "back":
            zone = _back_zone(item, x, y, yaw, max(item.clearance, 0.45))
            if not footprint_inside(zone, self.poly):
                return False
            for it, other in self.placed:
                if it.key in ignore or it.key in zones_ignore or it.walkable:
                    continue
                if footprints_overlap(zone, other):
                    return False
        elif item.clearance > 0 and item.access == "front":
            zone = _front_zone(item, x, y, yaw, item.clearance)
            if not footprint_inside(zone, self.poly):
                return False
            for it, other in self.placed:
                if it.key in ignore or it.key in zones_ignore or it.walkable or it.serves == item.key:
                    continue
                if footprints_overlap(zone, other):
                    return False
        return True

    def _commit(self, item: Item, x: float, y: float, yaw: float) -> None:
        yaw = _norm_yaw(yaw)
        item.pose = (round(x, 4), round(y, 4), yaw)
        fp = _fp(item, item.pose[0], item.pose[1], yaw)
        self.placed.append((item, fp))
        if item.clearance > 0 and not item.walkable and item.access == "front":
            self.zones.append((item.key, _front_zone(item, item.pose[0], item.pose[1], yaw, item.clearance)))

    def _uncommit(self, item: Item) -> None:
        self.placed = [(i, f) for i, f in self.placed if i.key != item.key]
        self.zones = [(n, z) for n, z in self.zones if n != item.key]
        item.pose = None

    def _by_key(self, key: str | None) -> Item | None:
        for it, _ in self.placed:
            if it.key == key:
                return it
        return None

    # ------------------------------------------------------------- candidates
    def _wall_candidates(self, item: Item, tries: int = 24):
        walls = list(self.walls)
        self.rng.shuffle(walls)
        if item.wall_hint == "window":
            walls.sort(key=lambda w: w.name not in self.window_walls)
        elif item.wall_hint == "door":
            walls.sort(key=lambda w: w.name not in self.door_walls)
        out = []
        w = item.size[0]
        for wall in walls:
            lo, hi = w / 2 + GAP, wall.length - w / 2 - GAP
            if hi < lo:
                continue
            for _ in range(tries):
                off = self.rng.uniform(lo, hi)
                x, y = wall.point(off, item.size[1] / 2 + GAP)
                out.append((x, y, wall.facing_yaw))
        return out

    def _packed_wall_candidates(self, item: Item):
        if self._pack_order is None:
            self._pack_order = list(self.walls)
            self.rng.shuffle(self._pack_order)
        out = []
        w = item.size[0]
        step = max(0.05, w / 3)
        for wall in self._pack_order:
            lo, hi = w / 2 + GAP, wall.length - w / 2 - GAP
            start = min(max(self._pack_cursor.get(wall.name, lo), lo), hi)
            offs = []
            off = start
            while off <= hi:  # onwards from where the last one went
                offs.append(off)
                off += step
            for off in offs:
                out.append((*wall.point(off, item.size[1] / 2 + GAP), wall.facing_yaw, (wall.name, off + w / 2)))
        return out

    def _corner_candidates(self, item: Item):
        out = []
        n = len(self.walls)
        for i, wall in enumerate(self.walls):
            nxt = self.walls[(i + 1) % n]
            dx1, dy1 = wall.direction
            dx2, dy2 = nxt.direction
            if dx1 * dy2 - dy1 * dx2 <= 0:
                continue
            x, y = wall.point(wall.length - item.size[0] / 2 - GAP, item.size[1] / 2 + GAP)
            out.append((x, y, wall.facing_yaw))
            x, y = nxt.point(item.size[0] / 2 + GAP, item.size[1] / 2 + GAP)
            out.append((x, y, nxt.facing_yaw))
        self.rng.shuffle(out)
        return out

    def _free_candidates(self, item: Item, tries: int = 150, center: bool = False):
        x0, y0, x1, y1 = self.bounds
        out = []
        if center:
            cx = sum(p[0] for p in self.poly) / len(self.poly)
            cy = sum(p[1] for p in self.poly) / len(self.poly)
            if point_in_polygon((cx, cy), self.poly):
                for k in range(12):
                    out.append((cx + self.rng.uniform(-0.4, 0.4) * (k > 0), cy + self.rng.uniform(-0.4, 0.4) * (k > 0),
                                self.rng.choice((0.0, 90.0)) if k else 0.0))
        for _ in range(tries):
            x, y = self.rng.uniform(x0, x1), self.rng.uniform(y0, y1)
            out.append((x, y, self.rng.choice((0.0, 90.0, 180.0, 270.0))))
        return out

    def _next_to_candidates(self, item: Item, target: Item):
        tx, ty, tyaw = target.pose
        tfp = _fp(target, tx, ty, tyaw)
        w, d = item.size[0], item.size[1]
        out = []
        for side in self.rng.sample([1, -1], 2):
            lx = side * (target.size[0] / 2 + GAP + 0.02 + w / 2)
            ly = d / 2 - target.size[1] / 2
            out.append((*tfp.to_world(lx, ly), tyaw))
        for dist in (0.3, 0.6):
            out.append((*tfp.to_world(0.0, target.size[1] / 2 + item.clearance + dist + d / 2), tyaw))
        return out

    def _around_candidates(self, item: Item, target: Item):
        tx, ty, tyaw = target.pose
        tfp = _fp(target, tx, ty, tyaw)
        return [(*tfp.to_world(lx, ly), tyaw + turn)
                for lx, ly, turn in seat_slots(target.size, item.size, gap=0.06, spacing=0.12)]

    def _facing_candidates(self, item: Item, target: Item):
        tx, ty, tyaw = target.pose
        tfp = _fp(target, tx, ty, tyaw)
        out = []
        for dist in (1.6, 2.0, 2.4, 1.2, 2.8, 3.2):
            for lat in (0.0, -0.4, 0.4):
                x, y = tfp.to_world(lat, target.size[1] / 2 + dist + item.size[1] / 2)
                yaw = math.degrees(math.atan2(ty - y, tx - x)) - 90.0
                out.append((x, y, round(yaw / 90.0) * 90.0))
        return out

    # ------------------------------------------------------------- placing
    def candidates(self, item: Item):
        target = self._by_key(item.target)
        kind = item.placement
        if kind == "against_wall":
            return self._wall_candidates(item)
        if kind == "corner":
            return self._corner_candidates(item) + self._wall_candidates(item, 8)
        if kind == "center":
            return self._free_candidates(item, 60, center=True)
        if kind == "floor" and item.size[0] * item.size[1] < 0.5:
            # boxes, bins, crates: packed side by side along the walls, the middle kept free to walk
            return self._packed_wall_candidates(item) + self._free_candidates(item, 60)
        if kind == "next_to" and target is not None:
            return self._next_to_candidates(item, target) + self._wall_candidates(item, 6)
        if kind == "around" and target is not None:
            return self._around_candidates(item, target)
        if kind == "facing" and target is not None:
            return self._facing_candidates(item, target) + self._free_candidates(item, 40)
        return self._free_candidates(item)

    def place(self, item: Item) -> bool:
        """Place one item; return False when no candidate fits."""
        if item.placement == "around":
            item.access = "back"  # a seat at a table is reached from behind
        ignore = {item.target} if item.placement == "around" and item.target else set()
        for x, y, yaw, *hint in self.candidates(item):
            if self._accept(item, x, y, yaw, ignore=ignore if item.placement == "around" else set()):
                self._commit(item, x, y, yaw)
                if hint:
                    wall_name, end = hint[0]
                    self._pack_cursor[wall_name] = end + GAP
                if item.placement == "around":
                    item.serves = item.target
                return True
        if item.placement in ("next_to", "around", "facing", "corner", "center"):
            item.access = "front"
            item.serves = None
            for x, y, yaw, *_ in self._wall_candidates(item, 10) + self._free_candidates(item, 80):
                if self._accept(item, x, y, yaw):
                    self._commit(item, x, y, yaw)
                    return True
        return False

    # ------------------------------------------------------------- groups
    def _group_root_candidates(self, g: GroupItems):
        """Poses for a group's root: along the walls, or in the open with the room's axes."""
        root = g.root
        out = []
        if g.place in ("against_wall", "facing_wall"):
            walls = list(self.walls)
            self.rng.shuffle(walls)
            w = root.size[0]
            # facing a wall (a barber chair before its mirror): turned to the wall, a knee's room off it
            inset, turn = (root.size[1] / 2 + FACING_WALL_GAP, 180.0) if g.place == "facing_wall" else \
                (root.size[1] / 2 + GAP, 0.0)
            for wall in walls:
                lo, hi = w / 2 + GAP, wall.length - w / 2 - GAP
                if hi < lo:
                    continue
                offs = [(lo + hi) / 2] + [self.rng.uniform(lo, hi) for _ in range(14)]
                for off in offs:
                    out.append((*wall.point(off, inset), wall.facing_yaw + turn, wall.name, off))
            return out
        cx = sum(p[0] for p in self.poly) / len(self.poly)
        cy = sum(p[1] for p in self.poly) / len(self.poly)
        x0, y0, x1, y1 = self.bounds
        long_yaw = 0.0 if (x1 - x0) >= (y1 - y0) else 90.0
        for k in range(10):
            j = 0.0 if k == 0 else 0.6
            out.append((cx + self.rng.uniform(-j, j), cy + self.rng.uniform(-j, j), long_yaw, None, None))
        for _ in range(60):
            out.append((self.rng.uniform(x0, x1), self.rng.uniform(y0, y1), self.rng.choice((long_yaw, long_yaw + 90.0)),
                        None, None))
        return out

    def _snap_to_wall(self, item: Item, pose: tuple[float, float, float], reach: float) -> tuple[float, float, float]:
        """Move a piece standing in the open straight back onto the wall behind it when that wall is
        within ``reach`` (a sofa facing a TV goes against the opposite wall rather than float 40 cm off it)."""
        x, y, yaw = pose
        bx, by = -math.sin(math.radians(yaw)), math.cos(math.radians(yaw))  # its front direction
        best = None
        for wall in self.walls:
            nx, ny = wall.inward
            if nx * bx + ny * by < 0.99:  # the wall must face the piece's front
                continue
            ax, ay = wall.start
            dist = (x - ax) * nx + (y - ay) * ny - item.size[1] / 2 - GAP
            if 0.0 < dist <= reach and (best is None or dist < best):
                best = dist
        if best is None:
            return pose
        return (x - bx * best, y - by * best, yaw)

    def place_group(self, g: GroupItems, seat_slots_fn) -> bool:
        """Place a group as one unit: the root where it goes, each member where its slot says.

        Required members must fit for a root pose to be kept; optional ones that do not fit are
        left out of the group (placed on their own later). Members of a group do not count each
        other's clearance zones (a coffee table stands in the sofa's front zone on purpose).
        Returns False when no root pose fits the group.
        """
        keys = {it.key for it in g.items()}
        if g.place == "center":
            g.root.access = "around"  # its seats keep its sides clear; no front zone of its own
        elif g.place == "facing_wall":
            g.root.access = "back"  # a seat turned to the wall is reached from behind
        total = sum(len(members) for slot, members, _ in g.slots if slot.rel not in ("on", "above", "above_side"))
        cands = self._group_root_candidates(g)
        best: tuple[int, int] | None = None  # (score, candidate index)
        for i, cand in enumerate(cands):
            got = self._try_group_at(g, keys, cand, seat_slots_fn)
            if got is None:
                continue
            if best is None or got > best[0]:
                # members a robot cannot reach from the door count against the pose
                placed = {it.key for it in g.items() if it.pose is not None}
                got -= len(placed & set(self.reachability()))
                if got == total:
                    return True
            self._undo_group(g)
            if best is None or got > best[0]:
                best = (got, i)
        if best is None:
            return False
        self._try_group_at(g, keys, cands[best[1]], seat_slots_fn)
        return True

    def _undo_group(self, g: GroupItems) -> None:
        for it in g.items():
            if it.pose is not None:
                self._uncommit(it)
            if it is not g.root:
                it.access, it.serves = "front", None

    def _try_group_at(self, g: GroupItems, keys: set[str], cand, seat_slots_fn) -> int | None:
        """Put the group's root at ``cand`` and its members where their slots say. Returns how
        many members were placed, or None (nothing left committed) when the root or a required
        member does not fit there."""
        by_id: dict[str, Item] = {"root": g.root}
        x, y, yaw, wall, off = cand
        if not self._accept(g.root, x, y, yaw, zones_ignore=keys):
            return None
        self._commit(g.root, x, y, yaw)
        g.root.wall, g.root.offset = wall, off
        committed = [g.root]
        ok = True
        left_out: list[Item] = []
        for slot, members, gap in g.slots:
            if slot.rel in ("on", "above", "above_side") or not members:
                continue
            of_id = slot.of
            of = by_id.get(of_id)
            if of is None or of.pose is None:
                if slot.required:
                    ok = False
                    break
                left_out.extend(members)
                continue
            poses = member_poses(slot, of.pose, of.size, [m.size for m in members], gap,
                                 seat_slots=seat_slots_fn)
            got = 0
            for m, pose in zip(members, poses, strict=True):
                if pose is None:
                    left_out.append(m)
                    continue
                if slot.rel == "front" and slot.gap[0] >= 1.0:
                    pose = self._snap_to_wall(m, pose, 0.9)
                if slot.rel == "under":
                    m.walkable = True
                if slot.rel in ("around", "pushed_in", "front_row"):
                    m.access = "back"
                overlap = {of.key} if slot.rel == "pushed_in" else set()
                if self._accept(m, *pose, ignore=overlap, zones_ignore=keys):
                    self._commit(m, *pose)
                    committed.append(m)
                    got += 1
                    if slot.rel in ("around", "pushed_in", "front_row"):
                        m.serves = of.key
                    elif slot.rel == "front" and not m.walkable and m.size[2] < 0.6 and of.size[2] > m.size[2] \
                            and slot.gap[1] < 0.6:
                        # a low table just in front of a seat: the seat is reached over it
                        m.serves, m.access = of.key, ("back" if slot.face else "front")
                else:
                    m.access, m.serves = "front", None
                    left_out.append(m)
            if got:
                by_id[slot.id] = next(m for m in members if m.pose is not None)
            elif slot.required:
                ok = False
                break
        if ok:
            for m in left_out:
                m.access, m.serves = "front", None
            return len(committed) - 1
        for it in committed:
            self._uncommit(it)
            if it is not g.root:
                it.access, it.serves = "front", None
        return None

    # ------------------------------------------------------------- special arrangements
    def place_run(self, items: list[Item]) -> list[Item]:
        """Set ``items`` side by side along the walls in their order, backs to the wall, turning into
        the next wall (counter-clockwise) when one is full: a galley, an L or a U. The run starts at
        a corner of the longest wall without the door. Returns the items that did not fit."""
        if not items:
            return []
        n = len(self.walls)
        keys = {it.key for it in items}
        depth = max(it.size[1] for it in items)
        order = sorted(range(n), key=lambda i: (self.walls[i].name in self.door_walls, -self.walls[i].length,
                                                self.rng.random()))
        wi = order[0]
        off, turns = GAP, 0
        failed: list[Item] = []
        for it in items:
            placed = False
            while turns < min(n - 1, 3):  # a galley, an L or a U
                wall = self.walls[wi]
                w = it.size[0]
                while off + w + GAP <= wall.length + 1e-9:
                    x, y = wall.point(off + w / 2, it.size[1] / 2 + GAP)
                    if self._accept(it, x, y, wall.facing_yaw, zones_ignore=keys):
                        self._commit(it, x, y, wall.facing_yaw)
                        it.wall, it.offset = wall.name, round(off + w / 2, 4)
                        off += w + 0.004
                        placed = True
                        break
                    off += 0.05
                if placed:
                    break
                # the next wall, starting clear of the units along this one and of the door of the
                # last of them (it swings out along the next wall)
                wi, turns, off = (wi + 1) % n, turns + 1, depth + 2 * GAP + RUN_CORNER_CLEAR
            if not placed:
                failed.append(it)
        return failed

    def place_rows(self, items: list[Item], front_wall: Wall | None, seats: list[Item]) -> list[Item]:
        """Classroom rows: desks in a grid facing ``front_wall``, each with its seat behind it."""
        wall = front_wall or max(self.walls, key=lambda w: w.length)
        ux, uy = wall.direction
        nx, ny = wall.inward
        if not items:
            return []
        w, d = items[0].size[0], items[0].size[1]
        sd = max((s.size[1] for s in seats), default=0.0)
        pitch_row = d + sd + 0.75
        pitch_col = w + 0.15
        start_depth = 1.4  # room left for the board and the teacher
        depth_room = max(self._extent_along(nx, ny) - start_depth - 0.4, pitch_row)
        width_room = wall.length - 0.8
        fit = int((width_room + 0.6) // (pitch_col + 0.3))
        cols = max(1, min(len(items), fit, max(2, math.ceil(math.sqrt(len(items) * 1.5)))))
        failed = []
        placed_seats = 0
        for k, item in enumerate(items):
            r, c = divmod(k, cols)
            aisle = (c // 2) * 0.55
            off = 0.4 + (c * pitch_col) + aisle + w / 2 + (width_room - cols * pitch_col - (cols // 2) * 0.55) / 2
            inset = start_depth + r * pitch_row + d / 2
            if inset + d / 2 + sd > depth_room + start_depth + 0.2:
                failed.append(item)
                continue
            x, y = wall.point(off, inset)
            yaw = wall.facing_yaw  # the desk's front (the sitter's side) faces away from the board
            item.clearance = sd + 0.05
            if self._accept(item, x, y, yaw):
                self._commit(item, x, y, yaw)
                if placed_seats < len(seats):
                    seat = seats[placed_seats]
                    sx, sy = wall.point(off, inset + d / 2 + 0.05 + seat.size[1] / 2)
                    seat.access = "back"
                    if self._accept(seat, sx, sy, wall.facing_yaw + 180.0, ignore={item.key}):  # sitter faces the board
                        self._commit(seat, sx, sy, wall.facing_yaw + 180.0)
                        seat.serves = item.key
                        placed_seats += 1
            else:
                failed.append(item)
        for seat in seats[placed_seats:]:
            failed.append(seat)
        return failed

    def place_aisles(self, items: list[Item]) -> list[Item]:
        """Shelving in parallel rows with aisles at least 1 m wide between them."""
        if not items:
            return []
        wall = max(self.walls, key=lambda w: w.length)
        nx, ny = wall.inward
        w, d = items[0].size[0], items[0].size[1]
        depth_total = self._extent_along(nx, ny)
        aisle = max(1.0, 2 * self.r + 0.5)
        failed = []
        rows: list[list[Item]] = []
        per_row = max(1, int((wall.length - 1.6) // (w + 0.05)))
        for k in range(0, len(items), per_row):
            rows.append(items[k:k + per_row])
        for r, row in enumerate(rows):
            inset = 0.9 + d / 2 + r * (d + aisle)
            if inset + d / 2 > depth_total - aisle:
                failed.extend(row)
                continue
            total = len(row) * (w + 0.05)
            start = (wall.length - total) / 2
            for c, item in enumerate(row):
                x, y = wall.point(start + c * (w + 0.05) + w / 2, inset)
                item.clearance = 0.6
                if self._accept(item, x, y, wall.facing_yaw) or self._accept(item, x, y, wall.facing_yaw + 180.0):
                    yaw = wall.facing_yaw if self._accept(item, x, y, wall.facing_yaw) else wall.facing_yaw + 180.0
                    self._commit(item, x, y, yaw)
                else:
                    failed.append(item)
        return failed

    def _extent_along(self, nx: float, ny: float) -> float:
        dots = [p[0] * nx + p[1] * ny for p in self.poly]
        return max(dots) - min(dots)

    # ------------------------------------------------------------- reachability
    def reachability(self) -> list[str]:
        """Return the keys of placed items whose access point a robot disc cannot reach from a door."""
        access = {it.key: self.access_points(it, fp) for it, fp in self.placed if not it.walkable}
        obstacles = [fp for it, fp in self.placed if not it.walkable]
        return unreachable(self.poly, obstacles, self.door_points, access, self.r)

    def blockers(self, item: Item, reach: float = 1.2) -> list[Item]:
        """Placed floor items standing within ``reach`` of ``item``'s access points (what may block
        a robot's way to it)."""
        fp = next(f for i, f in self.placed if i.key == item.key)
        pts = self.access_points(item, fp)
        out = []
        for it, other in self.placed:
            if it.key == item.key or it.walkable:
                continue
            ox, oy = other.x, other.y
            if any(math.hypot(ox - px, oy - py) <= reach + max(it.size[0], it.size[1]) / 2 for px, py in pts):
                out.append(it)
        return out

    def access_points(self, it: Item, fp: Footprint) -> list[tuple[float, float]]:
        if it.access == "back":
            return [access_point(fp, it.size[1], True, self.r)]
        pts = [access_point(fp, it.size[1], False, self.r)]
        if it.access == "around":  # a table in the open is reached from either long side
            pts.append(access_point(fp, it.size[1], True, self.r))
        # a desk or table whose seat occupies its front is reached through the seat
        for other, ofp in self.placed:
            if other.serves == it.key:
                pts.extend(self.access_points(other, ofp))
        return pts


BOUND_RELS = ("beside", "front", "sides", "under", "pushed_in")
"""Group slots whose members make sense only where the slot puts them."""


def solve(solver: Solver, items: list[Item], rows_wall: Wall | None = None, max_repairs: int = 6,
          groups: list[GroupItems] | None = None) -> LayoutResult:
    """Place ``items``: a run of units (placement ``run``, in their order), rows and aisles first,
    then functional groups as units (largest first), then everything else one by one; then repair
    reachability."""
    from ...actions.placement import seat_slots

    result = LayoutResult()
    groups = groups or []
    in_group = {it.key for g in groups for it in g.items()}
    rows = [i for i in items if i.placement == "rows" and i.category not in _SEAT_WORDS]
    seats = [i for i in items if i.placement == "rows" and i.category in _SEAT_WORDS]
    aisles = [i for i in items if i.placement == "aisles"]
    run = [i for i in items if i.placement == "run"]
    rest = [i for i in items if i.placement not in ("rows", "aisles", "run") and i.key not in in_group]
    for it in solver.place_run(run):
        it.placement = "against_wall"
        if it.key not in in_group:
            rest.append(it)
    result.grouped.extend(it.key for it in run if it.pose is not None)
    failed = solver.place_rows(rows, rows_wall, seats) if rows else list(seats)
    failed += solver.place_aisles(aisles)
    for it in failed:
        it.placement = "floor"
        rest.append(it)

    def _seats(table_size, seat_size):
        return seat_slots(table_size, seat_size, gap=0.04, spacing=0.14)

    for g in sorted(groups, key=lambda g: -sum(i.size[0] * i.size[1] for i in g.items())):
        if g.root.pose is not None:  # its root stands in the run: only members hung above it
            rest.extend(it for it in g.items() if it.pose is None)
            continue
        if solver.place_group(g, _seats):
            result.grouped.extend(it.key for it in g.items() if it.pose is not None)
            # an optional piece that belongs beside or before its root (a nightstand, a coffee table)
            # and found no room there is left out, not stood somewhere else in the room
            bound = {m.key for slot, members, _ in g.slots if slot.rel in BOUND_RELS for m in members}
            for it in g.items():
                if it.pose is None:
                    (result.dropped if it.key in bound and not it.required else rest).append(it)
        else:
            rest.extend(g.items())
    order = sorted(rest, key=lambda i: (_ORDER.get(i.placement, 5), -i.size[0] * i.size[1]))
    # dependants after their targets
    done: set[str] = {i.key for i, _ in solver.placed}
    pending = list(order)
    for _ in range(3):
        nxt = []
        for it in pending:
            if it.target and it.placement in ("around", "next_to", "facing") and it.target not in done and \
                    any(p.key == it.target for p in pending):
                nxt.append(it)
                continue
            if solver.place(it):
                done.add(it.key)
            else:
                result.dropped.append(it)
        pending = nxt
    result.dropped.extend(pending)
    grouped = set(result.grouped)
    for _ in range(max_repairs):
        bad = solver.reachability()
        if not bad:
            break
        for key in bad:
            it = solver._by_key(key)
            if it is None:
                continue
            if key in grouped:
                # a member of a group keeps its place in the group: what blocks its way moves instead
                for other in solver.blockers(it):
                    if other.key not in grouped:
                        solver._uncommit(other)
                        if not solver.place(other):
                            result.dropped.append(other)
                continue
            solver._uncommit(it)
            if not solver.place(it):
                result.dropped.append(it)
    bad = solver.reachability()
    for key in bad:  # still unreachable: optional ones go, required ones stay and are reported
        it = solver._by_key(key)
        if it is not None and not it.required:
            solver._uncommit(it)
            result.dropped.append(it)
        elif it is not None:
            result.unreachable.append(key)
    result.placed = [i for i, _ in solver.placed]
    return result


FACING_WALL_GAP = 0.45
"""Free depth between a piece that faces a wall (a barber chair) and the wall, meters."""
RUN_CORNER_CLEAR = 0.55
"""Free length left at the corner where a run turns onto the next wall (room for a door to swing)."""

_SEAT_WORDS = {"chair", "student chair", "office chair", "stool", "dining chair", "bar stool"}
_ORDER = {"against_wall": 0, "corner": 1, "center": 2, "floor": 3, "next_to": 4, "facing": 4, "around": 5}
