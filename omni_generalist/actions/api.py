"""The action API: the functions a policy's code calls to build and edit a world.

Inside the sandbox every public method of :class:`ActionAPI` is available as a plain function
(``add_object("mug", on="table_0")``), together with ``stage`` (the raw ``pxr.Usd.Stage``),
``rng`` (a seeded ``random.Random``), ``math`` and the ``pxr`` modules ``Usd``, ``UsdGeom``,
``UsdShade``, ``UsdLux``, ``UsdPhysics``, ``UsdSemantics``, ``Sdf``, ``Gf`` and ``Vt``.

Conventions: Z is up, lengths are meters, angles are degrees. Sizes are ``(width, depth,
height)``: width across the object's front, depth front to back. An object's position is the
centre of its bottom face; at ``rotation=0`` its front faces +Y. In a rectangular room the
walls are named ``north`` (+Y), ``south`` (-Y), ``east`` (+X) and ``west`` (-X); walls of other
rooms are ``wall_0``, ``wall_1``, ... in counter-clockwise order.
"""

from __future__ import annotations

import inspect
import math
import random
import re
import typing

from pxr import Gf, Sdf, Tf, Usd, UsdGeom, UsdLux

from ..assets.builders import build_asset
from ..assets.catalog import Category, catalog
from ..assets.library.use import as_asset, library_choice
from ..assets.materials import bind_material, ensure_material, material_library
from ..errors import PlacementError
from ..world import model
from ..world.layout import (
    LEGACY_FLOOR,
    floor_of,
    is_ceiling,
    is_objects_group,
    object_names,
    object_path,
    object_root,
    objects_group,
    room_path,
)
from ..world.metadata import get_info, label, set_info
from ..world.model import ObjectInfo, RoomInfo
from ..world.raw import transform_about
from ..world.stage import LEGACY_ROOM, LIGHTS, OBJECTS, ROOMS
from . import placement as P
from .room import add_opening, build_shell, rebuild_wall, validate_polygon

_NAME_RE = re.compile(r"[^a-z0-9_]+")
_OBJECTS_PREFIX = str(OBJECTS) + "/"
_ROOMS = str(ROOMS)

LIGHT_KINDS = {"sphere": UsdLux.SphereLight, "rect": UsdLux.RectLight, "disk": UsdLux.DiskLight,
               "distant": UsdLux.DistantLight, "dome": UsdLux.DomeLight, "cylinder": UsdLux.CylinderLight}
_SURFACES = {"floor": "Floor", "ceiling": "Ceiling", "walls": "Walls", "wall": "Walls", "doors": "Doors",
             "windows": "Windows"}
"""What ``set_material`` paints for each surface word: a part of each room's shell."""
_LIGHT_DEFAULT_INTENSITY = {"sphere": 30000.0, "rect": 8000.0, "disk": 15000.0, "distant": 3.0,
                            "dome": 300.0, "cylinder": 8000.0}


def snake_name(text: str) -> str:
    """The prim name ``add_object`` derives from a category or a given name ("Floor Lamp" → ``floor_lamp``)."""
    name = _NAME_RE.sub("_", text.strip().lower()).strip("_") or "object"
    return name if not name[0].isdigit() else f"o_{name}"


NOT_FOR_ANYTHING = frozenset({"bed", "bunk bed", "daybed", "hospital bed", "mattress", "bench", "ottoman"})
"""Support surfaces that ``on_any`` (a small thing with no place named) never picks."""


def _supports(obj: ObjectInfo) -> bool:
    """True for objects small things can be put on (tables, counters, shelves)."""
    c = catalog().get(obj.category)
    return c.support_surface or c.shelves > 0


def _at_knee_space(desk: ObjectInfo, position):
    """A seat pushed in at a desk sits in front of the desk's knee space (clear of its drawer
    pedestal): ``position`` moved sideways along the desk's front, its distance kept."""
    knee = desk.extra.get("knee")
    if not knee or len(knee) != 2:
        return position
    pos = [float(v) for v in position]
    c, s = math.cos(math.radians(desk.yaw)), math.sin(math.radians(desk.yaw))
    dx, dy = pos[0] - desk.position[0], pos[1] - desk.position[1]
    ly = -dx * s + dy * c
    lx = (float(knee[0]) + float(knee[1])) / 2
    pos[0], pos[1] = round(desk.position[0] + lx * c - ly * s, 4), round(desk.position[1] + lx * s + ly * c, 4)
    return tuple(pos)


def _fit_to_surfaces(size3, target: ObjectInfo, cat: Category):
    surfaces = P.support_surfaces(target)
    best = max(surfaces, key=lambda sf: (sf[3] - sf[1]) * (sf[4] - sf[2]))
    room_w, room_d = best[3] - best[1] - 0.025, best[4] - best[2] - 0.025
    scale = min(1.0, room_w / size3[0] if size3[0] > 0 else 1.0, room_d / size3[1] if size3[1] > 0 else 1.0)
    floor = 0.5 * min(lo / s for lo, s in zip(cat.size_min, size3, strict=True) if s > 0)
    scale = max(scale, floor)
    return tuple(round(v * scale, 4) for v in size3)


def _size3(size, what: str) -> tuple[float, float, float]:
    try:
        vals = tuple(float(v) for v in size)
    except TypeError:
        raise ValueError(f"{what} must be (width, depth, height) in meters, got {size!r}") from None
    if len(vals) != 3 or not all(0.005 <= v <= 30.0 for v in vals):
        raise ValueError(f"{what} must be three lengths between 0.005 and 30 m, got {size!r}")
    return vals  # type: ignore[return-value]


def _placement_family(obj: ObjectInfo) -> str:
    """Where an object stands: "floor", "surface" (on another object), "wall" or "ceiling"."""
    if obj.placement == "on_wall" or obj.placement == "any_wall_hang":
        return "wall"
    if obj.placement == "on_ceiling" or is_ceiling(obj.support):
        return "ceiling"
    return "surface" if obj.support.startswith(_OBJECTS_PREFIX) else "floor"


def _category_family(cat: Category) -> str:
    """Where a category goes by its placement rule (the families of :func:`_placement_family`)."""
    return {"on_surface": "surface", "in_container": "surface", "on_wall": "wall",
            "ceiling": "ceiling"}.get(cat.placement, "floor")


class ActionAPI:
    """Builds and edits one world on a stage. Every public method is one action function."""

    def __init__(self, stage: Usd.Stage, rng: random.Random | None = None):
        self.stage = stage
        self.rng = rng or random.Random(0)
        self.removed: list[str] = []
        """Prim paths removed by the current action (the executor applies them on commit)."""
        # ObjectInfo per object name, refreshed from USD change notices (ours and raw pxr edits);
        # stale and touched objects by their root path
        self._cache: dict[str, ObjectInfo] | None = None
        self._dirty: set[Sdf.Path] = set()
        self._touched: set[Sdf.Path] = set()
        self._paused = False
        self._homes: list[RoomInfo] | None = None  # a home's rooms, read once per shell change
        self._shell: tuple[RoomInfo | None] | None = None  # the room, read once per change outside the objects
        self._active_room: str | None = None
        """In a home: the room ``add_object(room=...)`` or ``furnish_room`` is placing in (docs/homes.md)."""
        self._listener = Tf.Notice.Register(Usd.Notice.ObjectsChanged, self._on_change, stage)

    def _on_change(self, notice, sender) -> None:
        if self._shell is not None and any(not p.pathString.startswith(_OBJECTS_PREFIX) for p in
                                           list(notice.GetResyncedPaths()) + list(notice.GetChangedInfoOnlyPaths())):
            self._shell = None
        if self._homes is not None:  # the home's shell changed (or was rolled back): read it again
            for path in list(notice.GetResyncedPaths()) + list(notice.GetChangedInfoOnlyPaths()):
                text = path.pathString.split(".", 1)[0]
                if text.startswith(_ROOMS) or _ROOMS.startswith(text.rstrip("/") + "/"):
                    self._homes = None
                    break
        if self._paused or self._cache is None:
            return
        for resync, paths in ((True, notice.GetResyncedPaths()), (False, notice.GetChangedInfoOnlyPaths())):
            for path in paths:
                text = path.pathString
                root = object_root(self.stage, text) if text.startswith(_OBJECTS_PREFIX) else None
                if root is not None:
                    self._dirty.add(root)
                    self._touched.add(root)
                elif resync and (text.startswith(_OBJECTS_PREFIX)
                                 or _OBJECTS_PREFIX.startswith(text.split(".", 1)[0].rstrip("/") + "/")):
                    self._cache = None  # /World/Objects, a room's group or an ancestor was recomposed
                    return

    def _begin_action(self, rng: random.Random) -> None:
        """Start a new action (the executor calls this; not an action): fresh rng, no removals yet."""
        self.rng, self.removed, self._touched = rng, [], set()

    def _commit_quietly(self, fn) -> None:
        """Run ``fn`` (a commit that leaves the composed stage as it is) without refreshing the cache."""
        self._paused = True
        try:
            fn()
        finally:
            self._paused = False

    def _rollback_quietly(self, fn) -> None:
        """Run ``fn`` (a rollback of this action's edits) and mark what the action touched as stale."""
        self._commit_quietly(fn)
        self._dirty |= self._touched
        self._shell = None

    def _objects(self) -> list[ObjectInfo]:
        """Every active object (cached; the cache follows the stage's change notices)."""
        if self._cache is None:
            self._cache = {o.name: o for o in model.list_objects(self.stage)}
            self._dirty.clear()
        elif self._dirty:
            for path in sorted(self._dirty):
                prim = self.stage.GetPrimAtPath(path)
                if prim and prim.IsActive() and not is_objects_group(prim):  # a room's new group is no object
                    self._cache[path.name] = model.object_info(prim)
                elif path.name in self._cache and self._cache[path.name].path == str(path):
                    self._cache.pop(path.name)
            self._dirty.clear()
        return list(self._cache.values())

    # ----------------------------------------------------------------- reading
    def room_info(self) -> RoomInfo | None:
        """Return the room: ``room_type``, ``polygon``, ``height``, ``walls`` (each with ``name``,
        ``start``, ``end``, ``length``), ``doors`` and ``windows``; None before ``create_room``."""
        return model.room_info(self.stage)

    def list_objects(self, category: str | None = None) -> list[ObjectInfo]:
        """Return the objects (each with ``name``, ``category``, ``position``, ``yaw``, ``size``,
        ``material``, ``support``, ``movable``, ``articulated``), optionally only one category."""
        objs = self._objects()
        if category is None:
            return objs
        want = catalog().get(category).name
        return [o for o in objs if o.category == want]

    def get_object(self, name: str) -> ObjectInfo:
        """Return one object by name (as returned by ``add_object``)."""
        self._objects()
        found = self._cache.get(snake_name(str(name))) if self._cache is not None else None
        if found is None or found.path in self.removed:
            names = ", ".join(o.name for o in self._objects()[:30])
            raise KeyError(f"no object named {name!r} (objects: {names or 'none'})")
        return found

    def unreachable_objects(self, radius: float = 0.25) -> list[str]:
        """Names of floor objects whose front (a seat's back) a robot disc of ``radius`` cannot reach
        from the door (in a home: from the entrance through the doors; while a room is being
        furnished, that room's objects from its own doors)."""
        from ..metrics.reachability import world_reachability

        return list(world_reachability(self.stage, radius, self._active_room)["unreachable"])

    def scene_summary(self) -> str:
        """Return a short text description of the room and every object (what a policy reads); in a
        home: each room (its extent, doors to which room, what it contains), and each object's room."""
        room = self.room_info()
        lines = []
        homes = self._home_rooms() if self._active_room is None else []
        if homes:
            counts: dict[str, list[str]] = {}
            for o in self.list_objects():
                counts.setdefault(o.room, []).append(o.name)
            lines.append(f"home: {len(homes)} rooms")
            for r in homes:
                xs = [p[0] for p in r.polygon]
                ys = [p[1] for p in r.polygon]
                joins = []
                for d in r.doors:
                    other = [n for n in get_info(self.stage.GetPrimAtPath(d.path)).get("connects", []) if n != r.name]
                    joins.append(f"{d.name} in {d.wall} to {other[0] if other else 'outside'}")
                lines.append(f"room {r.name} ({r.room_type}): x {min(xs):.2f}..{max(xs):.2f}, y {min(ys):.2f}..{max(ys):.2f}, "
                             f"doors: {'; '.join(joins) or 'none'}, windows {len(r.windows)}, "
                             f"contains: {', '.join(counts.get(r.name, [])) or 'nothing'}")
            room = None
        if room:
            xs = [p[0] for p in room.polygon]
            ys = [p[1] for p in room.polygon]
            lines.append(f"room {room.room_type}: {max(xs) - min(xs):.1f} x {max(ys) - min(ys):.1f} m, height {room.height:.2f} m, "
                         f"walls {', '.join(w.name for w in room.walls)}, doors {len(room.doors)}, windows {len(room.windows)}")
            lines.append("walls: " + "; ".join(f"{w.name} ({w.start[0]:.2f}, {w.start[1]:.2f})-({w.end[0]:.2f}, {w.end[1]:.2f})"
                                               for w in room.walls))
            for op in room.doors + room.windows:
                lines.append(f"{op.name}: {op.kind} in wall {op.wall} at {op.offset:.2f} m along it, {op.width:.2f} m wide")
        elif not homes:
            lines.append("no room yet")
        for o in self.list_objects():
            x, y, z = o.position
            lines.append(f"{o.name}: {o.category} at ({x:.2f}, {y:.2f}, {z:.2f}) yaw {o.yaw:.0f} size "
                         f"{o.size[0]:.2f}x{o.size[1]:.2f}x{o.size[2]:.2f} {o.material} on {o.support.rsplit('/', 1)[-1]}"
                         + (f" in {o.room}" if homes and o.room else ""))
        lights = self.stage.GetPrimAtPath(LIGHTS)
        if lights:
            lines.append(f"lights: {len(lights.GetChildren())}")
        return "\n".join(lines)

    # ----------------------------------------------------------------- room
    def create_room(self, width: float = 4.0, depth: float = 5.0, height: float = 2.7, polygon=None,
                    room_type: str = "room", floor_material: str = "oak wood", wall_material: str = "painted white",
                    ceiling_material: str | None = "plaster", wall_thickness: float = 0.12,
                    name: str | None = None) -> str:
        """Create the room shell: floor, walls and ceiling, at ``/World/Rooms/<name>``.

        Args:
            width: extent along X (ignored when ``polygon`` is given); the room is centred on the origin.
            depth: extent along Y.
            height: wall height.
            polygon: optional floor outline as a list of (x, y) points (rectangle or L-shape).
            room_type: what the room is, e.g. "bedroom" (recorded in the world).
            floor_material: material of the floor, e.g. "oak wood", "ceramic tile", "carpet".
            wall_material: material of the walls, e.g. "painted white", "pale blue paint", "brick".
            ceiling_material: material of the ceiling, or None for no ceiling.
            wall_thickness: thickness of the walls.
            name: the room's name; default its type (``"living room"`` → ``living_room``).

        Returns:
            The path of the room prim.
        """
        if model.room_info(self.stage) is not None:
            raise ValueError("the world already has a room")
        if polygon is None:
            w, d = float(width), float(depth)
            if not (1.0 <= w <= 100.0 and 1.0 <= d <= 100.0):
                raise ValueError(f"room width and depth must be between 1 and 100 m, got {w} x {d}")
            polygon = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]
        poly = validate_polygon(polygon)
        if not 1.8 <= float(height) <= 20.0:
            raise ValueError(f"room height must be between 1.8 and 20 m, got {height}")
        if not 0.02 <= float(wall_thickness) <= 1.0:
            raise ValueError(f"wall thickness must be between 0.02 and 1 m, got {wall_thickness}")
        lib = material_library()
        path = room_path(snake_name(name or str(room_type)))
        build_shell(self.stage, path, poly, float(height), float(wall_thickness), str(room_type).lower(),
                    lib.resolve(floor_material), lib.resolve(wall_material),
                    lib.resolve(ceiling_material) if ceiling_material else None)
        room = self._room()
        for wall in room.walls:
            rebuild_wall(self.stage, room, wall)
        return str(path)

    def add_door(self, wall: str = "south", offset: float | None = None, width: float = 0.9,
                 height: float = 2.1, material: str = "painted wood") -> str:
        """Cut a door opening into a wall and put a door in it.

        Args:
            wall: wall name ("north", "south", "east", "west", "wall_2").
            offset: distance of the door's centre from the wall's start; None picks a free spot.
            width: door width.
            height: door height.
            material: door material.

        Returns:
            The door's prim path.
        """
        return self._opening("door", wall, offset, float(width), 0.0, float(height), material)

    def add_window(self, wall: str = "north", offset: float | None = None, width: float = 1.2,
                   height: float = 1.2, sill: float = 0.9, material: str = "glass") -> str:
        """Cut a window opening into a wall and glaze it.

        Args:
            wall: wall name.
            offset: distance of the window's centre from the wall's start; None picks a free spot.
            width: window width.
            height: window height.
            sill: height of the window's bottom edge above the floor.
            material: pane material.

        Returns:
            The window's prim path.
        """
        return self._opening("window", wall, offset, float(width), float(sill), float(sill) + float(height), material)

    def _opening(self, kind: str, wall_key: str, offset: float | None, width: float, bottom: float, top: float,
                 material: str) -> str:
        room = self._room()
        wall = room.wall(wall_key)
        if bottom < 0.0 or top - bottom < 0.2:
            raise ValueError(f"a {kind} needs a height of at least 0.2 m from a sill at or above the floor, "
                             f"got sill {bottom:g} m and height {top - bottom:g} m")
        if top > room.height - 0.05:
            raise ValueError(f"a {kind} reaching {top:.2f} m does not fit in a {room.height:.2f} m wall")
        if width < 0.3 or width > wall.length - 0.2:
            raise ValueError(f"a {kind} {width:.2f} m wide does not fit in wall {wall.name} ({wall.length:.2f} m)")
        taken = [(o.offset - o.width / 2, o.offset + o.width / 2) for o in room.doors + room.windows if o.wall == wall.name]
        lo, hi = width / 2 + 0.1, wall.length - width / 2 - 0.1
        if offset is None:
            cands = [wall.length / 2] + [self.rng.uniform(lo, hi) for _ in range(40)]
        else:
            if not lo <= float(offset) <= hi:
                raise ValueError(f"offset {offset} puts the {kind} outside wall {wall.name} (allowed {lo:.2f}..{hi:.2f})")
            cands = [float(offset)]
        for off in cands:
            if all(off + width / 2 + 0.1 <= a or off - width / 2 - 0.1 >= b for a, b in taken):
                if kind == "door":  # a door swing zone must not be occupied by furniture
                    zone = P.Footprint(*wall.point(off, P.DOOR_CLEARANCE / 2), width + 0.1, P.DOOR_CLEARANCE,
                                       wall.facing_yaw)
                    objs = [o for o in self._objects() if o.bottom < 0.05]
                    if not P.is_free(zone, 0.0, top, [P.Obstacle(o.name, o.footprint, o.bottom, o.top) for o in objs]):
                        continue
                break
        else:
            raise PlacementError(f"no free place for a {kind} {width:.2f} m wide on wall {wall.name}")
        name = self._unique(Sdf.Path(room.part("Doors" if kind == "door" else "Windows")), kind)
        path = add_opening(self.stage, room, kind, wall, off, width, bottom, top, name,
                           material_library().resolve(material))
        rebuild_wall(self.stage, self._room(), wall)
        return str(path)

    # ----------------------------------------------------------------- objects
    def add_object(self, category: str, name: str | None = None, size=None, material: str | None = None,
                   color: str | None = None, position=None, rotation: float | None = None, on: str | None = None,
                   against_wall: str | None = None, corner: str | bool | None = None, next_to: str | None = None,
                   side: str | None = None, facing: str | None = None, around: str | None = None,
                   on_wall: str | None = None, height: float | None = None, on_ceiling: bool = False,
                   center: bool = False, movable: bool | None = None, serves: str | None = None,
                   offset: float | str | None = None, like: str | None = None, room: str | None = None,
                   from_behind: bool = False, shape: str | None = None) -> str:
        """Add an object and place it. Give at most one placement; with none, the category's usual
        placement is used (a fridge against a wall, a mug on a free surface, a lamp on the ceiling).

        Args:
            category: what it is, e.g. "bed", "mug", "office chair" (an unknown noun keeps its name as
                the label: built like the category ``shape``, else as a labelled box).
            name: optional prim name; default ``<category>_<n>``.
            size: (width, depth, height) in meters; default drawn from the category's usual range.
            material: material class, e.g. "oak wood", "red leather", "glass"; default from the category.
            color: colour name applied to the material, e.g. "navy".
            position: (x, y) or (x, y, z) of the bottom centre; z defaults to the floor.
            rotation: yaw in degrees (front faces +Y at 0); placements choose it when omitted.
            on: name of an object to put this one on top of (a table, counter, shelf, bowl).
            against_wall: wall name to stand against, back to the wall, front facing the room.
            corner: True for any free corner, or a corner name such as "north-east".
            next_to: name of an object to stand beside (``side``: "left", "right", "front", "back").
            side: which side for ``next_to``; with ``on``, the edge of the support's surface it goes
                to ("back": pillows at a bed's head, a lamp at the back of a desk).
            facing: name of an object to turn towards (with any placement).
            around: name of a table to seat this object at, facing its centre.
            on_wall: wall name to hang on, centred at ``height``.
            height: hanging height for ``on_wall`` (centre of the object).
            on_ceiling: hang from the ceiling.
            center: stand in the middle of the room.
            movable: override whether physics treats it as a free rigid body.
            serves: name of the table or desk this seat belongs to (set automatically by ``around``);
                a robot reaches a seat from its back.
            from_behind: the object is used from behind (a barber chair turned to its mirror): a
                robot reaches it from its back, as a seat at a table.
            offset: with ``against_wall`` or ``on_wall``, where along the wall the object's centre goes,
                in meters from the wall's start (walls run counter-clockwise: the south wall from west
                to east, east from south to north, north from east to west, west from north to south);
                ``"center"`` centres it.
            like: name of an object of the same category this one copies: the same model, and its
                size when ``size`` is not given (one of a matching set: dining chairs, nightstands).
            room: in a home, the room it goes in (``"bedroom_1"``; see ``scene_summary``); walls,
                corners and free spots are that room's.
            shape: for a noun the catalogue does not know, the known category it is built like
                (``add_object("duffel", shape="backpack")``); it keeps its own name as its label.

        Returns:
            The new object's name.
        """
        if room is not None or (self._active_room is None and self._home_rooms()):
            return self._in_room(room, lambda: self.add_object(
                category, name, size, material, color, position, rotation, on, against_wall, corner, next_to, side,
                facing, around, on_wall, height, on_ceiling, center, movable, serves, offset, like,
                from_behind=from_behind, shape=shape))
        cat = catalog().get(category, shape)
        room = self._room(required=False)
        design = None
        if like is not None:
            model = self.get_object(like)
            if model.category != cat.name:
                raise ValueError(f"like={like!r} is a {model.category}, not a {cat.name}")
            design = model.extra.get("design_seed")
            if size is None:
                size = model.size
        size3 = _size3(size, "size") if size is not None else cat.sample_size(self.rng)
        if like is not None and model.extra.get("asset"):  # the same library model
            cat = as_asset(cat, str(model.extra["asset"]))
        elif design is None:  # an asset of the world's asset libraries, where they cover the category
            cat, size3 = library_choice(self.stage, cat, size3, size is not None, self.rng)
        how = self._placement_kind(position=position, on=on, against_wall=against_wall, corner=corner,
                                   next_to=next_to, around=around, on_wall=on_wall, on_ceiling=on_ceiling,
                                   center=center) or self._default_placement(cat, room)
        if how == "on" and size is None:  # no size asked for: shrink to fit the target's largest surface if needed
            size3 = _fit_to_surfaces(size3, self.get_object(on), cat)
        if how == "position" and serves is not None:
            position = _at_knee_space(self.get_object(serves), position)
        objs = [o for o in self._objects() if str(o.path) not in self.removed
                and (self._active_room is None or o.room == self._active_room)]  # a home: this room's
        (x, y, z, yaw), support = self._place(how, cat.name, size3, objs, room, position=position, rotation=rotation,
                                              on=on, against_wall=against_wall, corner=corner, next_to=next_to,
                                              side=side, facing=facing, around=around, on_wall=on_wall,
                                              height=height, offset=offset)
        if how == "around" and serves is None:
            serves = self.get_object(around).name
        elif serves is not None:
            serves = self.get_object(serves).name
        return self._create(cat, name, size3, material, color, (x, y, z), yaw, support, how, movable, serves,
                            design=design, from_behind=from_behind)

    @staticmethod
    def _placement_kind(**given) -> str | None:
        """The one placement among ``given`` that is set (None when none is); two or more is an error."""
        chosen = [k for k, v in given.items() if v]
        if len(chosen) > 1:
            raise ValueError(f"give one placement, not {', '.join(chosen)}")
        return chosen[0] if chosen else None

    def _place(self, how: str, what: str, size3, objs: list[ObjectInfo], room: RoomInfo | None, *,
               position=None, rotation: float | None = None, on: str | None = None,
               against_wall: str | None = None, corner: str | bool | None = None, next_to: str | None = None,
               side: str | None = None, facing: str | None = None, around: str | None = None,
               on_wall: str | None = None, height: float | None = None,
               offset: float | str | None = None) -> tuple[tuple[float, float, float, float], str]:
        """Choose a pose ``(x, y, z, yaw)`` and the support path for an object of ``size3`` placed ``how``
        among ``objs`` (the placement logic shared by :meth:`add_object` and :meth:`move_object`)."""
        obs = P.obstacles(objs, room)
        support = self._floor(room)
        if how == "position":
            pos = tuple(float(v) for v in position)
            if len(pos) not in (2, 3):
                raise ValueError(f"position must be (x, y) or (x, y, z), got {position!r}")
            z = pos[2] if len(pos) == 3 else 0.0
            # on a shelf board or a top: the object holding that surface is no obstacle
            holder = P.surface_holding(objs, P.Footprint(pos[0], pos[1], size3[0], size3[1], float(rotation or 0.0)), z)
            if holder is not None:
                obs = [o for o in obs if o.name != holder.name]
            pose = P.at_position(pos[0], pos[1], z, size3, float(rotation or 0.0), room, obs)
            if holder is not None:
                support = holder.path
            elif z > 0.01:
                below = [o for o in objs if abs(o.top - z) < 0.01 and P.footprints_overlap(o.footprint, P.Footprint(pos[0], pos[1], size3[0], size3[1]))]
                support = below[0].path if below else support
        elif how == "on":
            target = self.get_object(on)
            pose = P.on_top(target, size3, [o for o in obs if o.name != target.name], self.rng, side=side)
            support = target.path
        elif how == "on_any":
            # any table, counter or shelf: beds and seats hold things only when asked ("a pillow on the bed")
            surfaces = sorted((o for o in objs if _supports(o) and o.category not in NOT_FOR_ANYTHING),
                              key=lambda o: o.name)
            self.rng.shuffle(surfaces)
            for target in surfaces:
                try:
                    pose = P.on_top(target, size3, [o for o in obs if o.name != target.name], self.rng, tries=20)
                except PlacementError:
                    continue
                support = target.path
                break
            else:
                raise PlacementError(f"no free surface for a {what}; add a table or give a placement")
        elif how == "any_wall_hang":
            room = self._room()
            walls = list(room.walls)
            self.rng.shuffle(walls)
            for wall in walls:
                try:
                    pose = P.on_wall(wall, size3, height, room, obs, self.rng, tries=20)
                except PlacementError:
                    continue
                support = wall.path
                break
            else:
                raise PlacementError(f"no free wall space to hang a {what}")
        elif how in ("on_wall", "on_ceiling"):
            room = self._room()
            if how == "on_wall":
                wall = room.wall(on_wall)
                if "window_dressing" in catalog().get(what).tags:  # curtains and blinds hang over windows
                    obs = [o for o in obs if not o.name.startswith("window:")]
                pose = P.on_wall(wall, size3, height, room, obs, self.rng, offset=self._offset(wall, offset))
                support = wall.path
            else:
                pose = P.on_ceiling(room, size3, obs, self.rng)
                support = room.ceiling
        else:
            room = self._room()
            if how == "against_wall":
                wall = room.wall(against_wall)
                pose = P.against_wall(wall, size3, 0.0, room, obs, self.rng, offset=self._offset(wall, offset))
            elif how == "corner":
                pose = P.in_corner(room, size3, 0.0, obs, self.rng, corner if isinstance(corner, str) else None)
            elif how == "next_to":
                pose = P.next_to(self.get_object(next_to), size3, 0.0, room, obs, self.rng, side)
            elif how == "around":
                pose = P.around(self.get_object(around), size3, 0.0, room, obs, self.rng)
            elif how == "any_wall":
                pose = self._any_wall(room, size3, obs)
            else:
                pose = P.anywhere(room, size3, 0.0, obs, self.rng, None if rotation is None else float(rotation),
                                  center=(how == "center"))
        yaw = pose.yaw
        if facing and how not in ("against_wall", "any_wall", "corner", "on_wall", "any_wall_hang"):
            # objects against a wall keep facing the room; others turn towards the target
            t = self.get_object(facing)
            exact = P.yaw_towards(pose.x, pose.y, t.position[0], t.position[1])
            for cand in (exact, round(exact / 90.0) * 90.0):
                try:
                    if how not in ("on", "position"):
                        P.at_position(pose.x, pose.y, pose.z, size3, cand, room, obs)
                except PlacementError:
                    continue
                yaw = cand
                break
            else:
                raise PlacementError(f"the object cannot turn to face {t.name} where it stands")
        elif rotation is not None and how not in ("position", "anywhere", "center"):
            yaw = float(rotation)
        return (pose.x, pose.y, pose.z, yaw), support

    @staticmethod
    def _offset(wall, offset) -> float | None:
        if offset is None:
            return None
        if isinstance(offset, str):
            if offset.strip().lower() in ("center", "centre", "middle"):
                return wall.length / 2
            raise ValueError(f"offset must be meters along the wall or 'center', got {offset!r}")
        return float(offset)

    def _default_placement(self, cat: Category, room: RoomInfo | None) -> str:
        if cat.placement == "on_surface" or cat.placement == "in_container":
            surfaces = [o for o in self._objects()
                        if _supports(o) and str(o.path) not in self.removed]
            if surfaces:
                return "on_any"
            return "anywhere"
        return {"against_wall": "any_wall", "corner": "corner", "on_wall": "any_wall_hang",
                "ceiling": "on_ceiling"}.get(cat.placement, "anywhere")

    def _any_wall(self, room: RoomInfo, size3, obs) -> P.Pose:
        walls = list(room.walls)
        self.rng.shuffle(walls)
        for wall in walls:
            try:
                return P.against_wall(wall, size3, 0.0, room, obs, self.rng, tries=25)
            except PlacementError:
                continue
        raise PlacementError(f"no free wall space for an object {size3[0]:.2f} m wide")

    def _create(self, cat: Category, name: str | None, size3, material: str | None, color: str | None,
                pos, yaw: float, support: str, how: str, movable: bool | None, serves: str | None = None,
                from_behind: bool = False,
                design: int | None = None) -> str:
        choice = material_library().resolve(material or cat.material, color)
        obj_name = snake_name(name) if name else self._unique_object(snake_name(cat.name))
        self._objects()
        if self._cache is not None and obj_name in self._cache:
            raise ValueError(f"an object named {obj_name!r} already exists")
        room = self._object_room()
        if room:
            objects_group(self.stage, room)
        path = object_path(obj_name, room)
        prim = UsdGeom.Xform.Define(self.stage, path).GetPrim()
        Usd.ModelAPI(prim).SetKind("component")
        xf = UsdGeom.Xformable(prim)
        xf.AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(*(round(v, 6) for v in pos)))
        half = math.radians(yaw) / 2
        xf.AddOrientOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Quatd(math.cos(half), 0.0, 0.0, math.sin(half)))
        # the asset gets its own generator, so its design draws do not shift later layout decisions
        # (its seed is kept, so ``like=`` can build another of the same model)
        design = int(design) if design is not None else self.rng.getrandbits(64)
        built = build_asset(self.stage, path, cat, size3, random.Random(design))
        bind_material(prim, ensure_material(self.stage, choice))
        extra: dict = {"serves": serves, "access": "back"} if serves else {"access": "back"} if from_behind else {}
        extra["design_seed"] = str(design)
        if built.knee is not None:
            extra["knee"] = list(built.knee)
        if built.surfaces:
            extra["surfaces"] = [round(v, 5) for sf in built.surfaces
                                 for v in (sf.z, sf.x0, sf.y0, sf.x1, sf.y1, sf.clearance, float(sf.inside))]
        if room:
            extra["room"] = room
        label(prim, cat.name, choice.label, support, cat.movable if movable is None else bool(movable),
              built.articulated, broader=catalog().hypernyms(cat.name) if cat.known else (),
              size=list(size3), placement=how, **extra)
        if not cat.known:
            set_info(prim, generic=True, **({"shaped_like": cat.shaped_like} if cat.shaped_like else {}))
        return obj_name

    def _object_room(self) -> str | None:
        """The room a new object goes in: the home's active room or the world's one room (None
        before there is a room, and in a world of the old layout, whose objects stay flat)."""
        if self._active_room is not None:
            return self._active_room
        room = self._room(required=False)
        return room.name if room is not None and room.path not in (str(LEGACY_ROOM), _ROOMS) else None

    @staticmethod
    def _floor(room: RoomInfo | None) -> str:
        """What an object standing on the floor of ``room`` records as its support."""
        return floor_of(room.path) if room is not None and room.path != _ROOMS else LEGACY_FLOOR

    def _unique_object(self, base: str) -> str:
        taken = object_names(self.stage)
        i = 0
        while f"{base}_{i}" in taken:
            i += 1
        return f"{base}_{i}"

    def _unique(self, parent: Sdf.Path, base: str) -> str:
        group = self.stage.GetPrimAtPath(parent)
        taken = {c.GetName() for c in group.GetAllChildren()} if group else set()
        i = 0
        while f"{base}_{i}" in taken:
            i += 1
        return f"{base}_{i}"

    def move_object(self, name: str, position=None, by=None, rotation: float | None = None, on: str | None = None,
                    against_wall: str | None = None, corner: str | bool | None = None, next_to: str | None = None,
                    side: str | None = None, facing: str | None = None, center: bool = False,
                    offset: float | str | None = None) -> None:
        """Move an object (with whatever rests on it); fails if it would overlap something or leave the room.

        Give ``position`` (x, y[, z]) or ``by`` an offset (dx, dy[, dz]) and/or ``rotation`` (yaw in
        degrees), or one placement as in :meth:`add_object`: ``on`` (another object's top),
        ``against_wall``, ``corner``, ``next_to`` (with ``side``), ``center``; ``facing`` turns it towards
        an object. Things resting on it travel with it.
        """
        obj = self.get_object(name)
        if self._active_room is None and obj.room and self._home_rooms():  # a home: in its own room
            return self._in_room(obj.room, lambda: self.move_object(
                name, position, by, rotation, on, against_wall, corner, next_to, side, facing, center, offset))
        how = self._placement_kind(on=on, against_wall=against_wall, corner=corner, next_to=next_to, center=center)
        room = self._room(required=False)
        riders = self._carried(obj)
        if how is not None or facing:
            if position is not None or by is not None:
                raise ValueError("give a position, an offset or a placement, not both")
            if obj.placement in ("on_wall", "on_ceiling", "any_wall_hang"):
                raise PlacementError(f"{obj.name} hangs on a wall or the ceiling; move it by position")
            for ref in (on, next_to, facing):
                if ref and self.get_object(ref).path in riders | {obj.path}:
                    raise PlacementError(f"{obj.name} cannot be placed relative to itself or what it carries")
            objs = [o for o in self._objects() if o.path not in riders and o.path != obj.path
                    and str(o.path) not in self.removed]
            if how is None:  # only turn where it stands, towards ``facing``
                self._turn_towards(obj, self.get_object(facing), objs, room)
                return
            (x, y, z, yaw), support = self._place(how, obj.category, obj.size, objs, room, position=position,
                                                  rotation=rotation, on=on, against_wall=against_wall, corner=corner,
                                                  next_to=next_to, side=side, facing=facing, offset=offset)
            self._set_pose(obj, (x, y, z), yaw)
            set_info(self.stage.GetPrimAtPath(obj.path), support=support, placement=how)
            return
        x, y, z = obj.position
        if position is not None:
            pos = [float(v) for v in position]
            x, y = pos[0], pos[1]
            z = pos[2] if len(pos) > 2 else z
        if by is not None:
            off = [float(v) for v in by]
            x, y = x + off[0], y + off[1]
            z = z + (off[2] if len(off) > 2 else 0.0)
        yaw = obj.yaw if rotation is None else float(rotation)
        objs = [o for o in self._objects() if o.name != obj.name and o.support != obj.path]
        P.at_position(x, y, z, obj.size, yaw, room if obj.placement not in ("on_wall",) else None,
                      P.obstacles(objs, room) if obj.support.endswith("/Floor") else [
                          P.Obstacle(o.name, o.footprint, o.bottom, o.top) for o in objs])
        self._set_pose(obj, (x, y, z), yaw)

    def _turn_towards(self, obj: ObjectInfo, target: ObjectInfo, objs: list[ObjectInfo], room: RoomInfo | None) -> None:
        x, y, z = obj.position
        exact = P.yaw_towards(x, y, target.position[0], target.position[1])
        obs = P.obstacles(objs, room) if obj.support.endswith("/Floor") else []
        for cand in (exact, round(exact / 90.0) * 90.0):
            try:
                P.at_position(x, y, z, obj.size, cand, room, obs)
            except PlacementError:
                continue
            self._set_pose(obj, (x, y, z), cand % 360.0)
            return
        raise PlacementError(f"{obj.name} cannot turn to face {target.name} where it stands")

    def _carried(self, obj: ObjectInfo) -> set[str]:
        """Paths of everything resting on ``obj``, directly or on something that rests on it."""
        objs = self._objects()
        found: set[str] = set()
        frontier = {obj.path}
        while frontier:
            frontier = {o.path for o in objs if o.support in frontier and o.path not in found}
            found |= frontier
        return found

    def rotate_object(self, name: str, degrees: float) -> None:
        """Turn an object about its vertical axis by ``degrees`` (counter-clockwise seen from above)."""
        obj = self.get_object(name)
        self.move_object(name, rotation=(obj.yaw + float(degrees)) % 360.0)

    def _set_pose(self, obj: ObjectInfo, pos, yaw: float) -> None:
        prim = self.stage.GetPrimAtPath(obj.path)
        dx, dy, dz = pos[0] - obj.position[0], pos[1] - obj.position[1], pos[2] - obj.position[2]
        dyaw = yaw - obj.yaw
        ops = {op.GetOpType(): op for op in UsdGeom.Xformable(prim).GetOrderedXformOps()}
        own = (UsdGeom.XformOp.TypeTranslate, UsdGeom.XformOp.TypeOrient)
        if all(k in ops for k in own) and set(ops) <= {*own, UsdGeom.XformOp.TypeScale}:  # as add_object made it
            ops[UsdGeom.XformOp.TypeTranslate].Set(Gf.Vec3d(*(round(v, 6) for v in pos)))
            half = math.radians(yaw) / 2
            ops[UsdGeom.XformOp.TypeOrient].Set(Gf.Quatd(math.cos(half), 0.0, 0.0, math.sin(half)))
        else:  # authored with plain pxr (any ops): moved and turned about the bottom centre of its bounds
            transform_about(prim, obj.position, (dx, dy, dz), dyaw)
        # whatever rests on the object travels with it
        c, s = math.cos(math.radians(dyaw)), math.sin(math.radians(dyaw))
        for other in self._objects():
            if other.support == obj.path:
                rx, ry = other.position[0] - obj.position[0], other.position[1] - obj.position[1]
                nx, ny = obj.position[0] + dx + c * rx - s * ry, obj.position[1] + dy + s * rx + c * ry
                self._set_pose(other, (nx, ny, other.position[2] + dz), (other.yaw + dyaw) % 360.0)

    def remove_object(self, name: str) -> None:
        """Remove an object and everything resting on it."""
        obj = self.get_object(name)
        for other in self._objects():
            if other.support == obj.path and other.path not in self.removed:
                self.remove_object(other.name)
        prim = self.stage.GetPrimAtPath(obj.path)
        prim.SetActive(False)
        self.removed.append(obj.path)

    def replace_object(self, name: str, category: str, size=None, material: str | None = None,
                       color: str | None = None) -> str:
        """Replace an object by another category at the same place and rotation; returns the new name."""
        old = self.get_object(name)
        if self._active_room is None and old.room and self._home_rooms():  # a home: in its own room
            return self._in_room(old.room, lambda: self.replace_object(name, category, size, material, color))
        cat = catalog().get(category)
        size3 = _size3(size, "size") if size is not None else cat.sample_size(self.rng)
        carried = [o for o in self._objects() if o.support == old.path]
        if carried:
            raise PlacementError(f"{old.name} carries {', '.join(o.name for o in carried)}; remove or move them first")
        self.remove_object(name)
        room = self._room(required=False)
        objs = [o for o in self._objects() if o.path not in self.removed]
        old_kind, new_kind = _placement_family(old), _category_family(cat)
        if old_kind != new_kind:
            # a wardrobe does not go where a mug stood: the new category is placed by its own rules
            how = self._default_placement(cat, room)
            (x, y, z, yaw), support = self._place(how, cat.name, size3, objs, room)
            return self._create(cat, None, size3, material, color, (x, y, z), yaw, support, how, None)
        if old_kind == "surface":
            target = old.support.rsplit("/", 1)[-1]
            if size is None:
                size3 = _fit_to_surfaces(size3, self.get_object(target), cat)
            (x, y, z, yaw), support = self._place("on", cat.name, size3, objs, room, on=target)
            return self._create(cat, None, size3, material, color, (x, y, z), yaw, support, "on", None)
        if old_kind == "floor":
            # keep the back where the old back was (against a wall stays against the wall), or the
            # nearest free spot to it
            shift = (old.size[1] - size3[1]) / 2
            frame = P.Footprint(old.position[0], old.position[1], 1, 1, old.yaw)
            obs = P.obstacles(objs, room)
            pos = None
            for dx, dy in [(0.0, 0.0)] + [(r * math.cos(a), r * math.sin(a)) for r in (0.1, 0.2, 0.3, 0.45, 0.6)
                                          for a in (k * math.pi / 4 for k in range(8))]:
                x, y = frame.to_world(dx, dy - shift)
                try:
                    P.at_position(x, y, old.position[2], size3, old.yaw, room, obs)
                except PlacementError:
                    continue
                pos = (x, y, old.position[2])
                break
            if pos is None:
                raise PlacementError(f"a {cat.name} of that size does not fit where {old.name} was")
        else:
            pos = old.position
        return self._create(cat, None, size3, material, color, pos, old.yaw, old.support, old.placement or "position", None)

    def open_object(self, name: str, fraction: float = 1.0) -> int:
        """Open an articulated object's doors, drawers and lids to ``fraction`` of their range
        (0 closes them, 0.5 half open); returns how many joints moved."""
        from ..world.joints import articulated_joints, open_end, open_joint

        obj = self.get_object(name)
        f = float(fraction)
        if not 0.0 <= f <= 1.0:
            raise ValueError(f"fraction must be between 0 (closed) and 1 (fully open), got {fraction!r}")
        joints = articulated_joints(self.stage, obj.path)
        if not obj.articulated or not joints:
            raise ValueError(f"{obj.name} ({obj.category}) has no doors, drawers or lids to open")
        moved = 0
        for joint in joints:
            if open_joint(self.stage, joint, round(open_end(joint) * f, 6)):
                moved += 1
        return moved

    # ----------------------------------------------------------------- materials
    def set_material(self, target: str, material: str, color: str | None = None, room: str | None = None) -> str:
        """Set the material of an object, or of "floor", "walls", "wall:<name>", "ceiling", "doors",
        "windows" (in a home: of every room, or of ``room`` only).

        Args:
            target: object name or surface.
            material: material class or colour, e.g. "walnut wood", "marble", "pale blue paint", "red".
            color: optional colour applied to the material.
            room: in a home, the one room whose surfaces change.

        Returns:
            The material class now in use (e.g. "pale blue paint").
        """
        if room is not None:
            return self._in_room(room, lambda: self.set_material(target, material, color))
        choice = material_library().resolve(material, color)
        mat = ensure_material(self.stage, choice)
        key = target.strip().lower()
        prims: list[Usd.Prim] = []
        if key in _SURFACES:
            shells = [self._room()] if self._active_room is not None else model.rooms(self.stage)
            for shell in shells:
                group = self.stage.GetPrimAtPath(shell.part(_SURFACES[key]))
                prims += [group] if key in ("floor", "ceiling") else list(group.GetChildren()) if group else []
                if key == "floor":
                    set_info(self.stage.GetPrimAtPath(shell.path), floor_material=choice.label)
                elif key in ("walls", "wall"):
                    set_info(self.stage.GetPrimAtPath(shell.path), material=choice.label)
        elif key.startswith("wall:"):
            prims = [self.stage.GetPrimAtPath(self._room().wall(key.split(":", 1)[1]).path)]
        else:
            prims = [self.stage.GetPrimAtPath(self.get_object(target).path)]
        prims = [p for p in prims if p]
        if not prims:
            raise KeyError(f"nothing to paint: {target!r}")
        for prim in prims:
            bind_material(prim, mat)
            set_info(prim, material=choice.label)
        return choice.label

    # ----------------------------------------------------------------- lights
    def add_light(self, kind: str = "sphere", intensity: float | None = None, temperature: float = 4000.0,
                  position=None, size: float | None = None, color: str | None = None, name: str | None = None) -> str:
        """Add a light.

        Args:
            kind: "sphere", "rect", "disk", "cylinder", "distant" (sun-like) or "dome" (sky).
            intensity: brightness (USD units); default suits a room of a few meters.
            temperature: colour temperature in kelvin (2700 warm, 4000 neutral, 6500 cool).
            position: (x, y, z); default below the ceiling at the room centre.
            size: radius (sphere, disk) or edge length (rect) in meters.
            color: optional colour name tinting the light.
            name: optional prim name.

        Returns:
            The light's prim path.
        """
        kind = kind.lower()
        if kind not in LIGHT_KINDS:
            raise ValueError(f"unknown light kind {kind!r}; use one of {', '.join(LIGHT_KINDS)}")
        if not 1000.0 <= float(temperature) <= 12000.0:
            raise ValueError(f"temperature must be between 1000 and 12000 K, got {temperature}")
        path = LIGHTS.AppendChild(snake_name(name) if name else self._unique(LIGHTS, kind))
        if self.stage.GetPrimAtPath(path):
            raise ValueError(f"there is already a light named {path.name!r}; give another name")
        light = LIGHT_KINDS[kind].Define(self.stage, path)
        value = _LIGHT_DEFAULT_INTENSITY[kind] if intensity is None else float(intensity)
        if not 0.0 <= value <= 1e7:
            raise ValueError(f"intensity must be between 0 and 1e7, got {intensity}")
        light.CreateIntensityAttr(value)
        light.CreateEnableColorTemperatureAttr(True)
        light.CreateColorTemperatureAttr(float(temperature))
        if color:
            rgb = material_library().color(color)
            if rgb is None:
                raise ValueError(f"unknown colour {color!r}")
            light.CreateColorAttr(Gf.Vec3f(*rgb))
        if kind in ("sphere", "disk", "cylinder"):
            light.CreateRadiusAttr(float(size) if size else 0.1)
        elif kind == "rect":
            light.CreateWidthAttr(float(size) if size else 0.6)
            light.CreateHeightAttr(float(size) if size else 0.6)
        if kind not in ("dome", "distant"):
            if position is None:
                room = self._room(required=False)
                if room:
                    cx = sum(p[0] for p in room.polygon) / len(room.polygon)
                    cy = sum(p[1] for p in room.polygon) / len(room.polygon)
                    position = (cx, cy, room.height - 0.15)
                else:
                    position = (0.0, 0.0, 2.5)
            pos = tuple(float(v) for v in position)
            if len(pos) != 3:
                raise ValueError(f"a light's position must be (x, y, z), got {position!r}")
            UsdGeom.Xformable(light.GetPrim()).AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(*pos))
            if kind in ("rect", "disk"):  # they emit along -Z: point them at the floor (default)
                pass
        elif kind == "distant":
            UsdGeom.Xformable(light.GetPrim()).AddRotateXYZOp().Set(Gf.Vec3f(45.0, 0.0, 30.0))
        set_info(light.GetPrim(), category="light", kind=kind)
        return str(path)

    def set_lighting(self, mood: str) -> None:
        """Adjust every light for a mood: "dim", "bright", "warm", "cool", "neutral" or "neon"."""
        mood = mood.strip().lower()
        factors = {"dim": (0.3, None), "bright": (2.0, None), "warm": (1.0, 2700.0), "cool": (1.0, 6500.0),
                   "neutral": (1.0, 4000.0), "neon": (1.2, 9000.0)}
        if mood not in factors:
            raise ValueError(f"unknown lighting mood {mood!r}; use one of {', '.join(factors)}")
        scale, temp = factors[mood]
        group = self.stage.GetPrimAtPath(LIGHTS)
        lights = [p for p in (group.GetChildren() if group else []) if p.HasAPI(UsdLux.LightAPI)]
        if not lights:
            raise ValueError("there are no lights; add_light first")
        for prim in lights:
            api = UsdLux.LightAPI(prim)
            api.GetIntensityAttr().Set(float(api.GetIntensityAttr().Get() or 0.0) * scale)
            if temp is not None:
                api.GetColorTemperatureAttr().Set(temp)
        world = self.stage.GetPrimAtPath("/World")
        moods = list(get_info(world).get("lighting", []))
        if mood not in moods:
            moods.append(mood)
        set_info(world, lighting=moods)

    # ----------------------------------------------------------------- helpers
    def apply_plan(self, program: dict, seed: int = 0) -> dict:
        """Build a whole room from a scene program: the room, its furniture in functional groups
        (a sofa facing the TV across a coffee table, chairs around a table, nightstands beside a
        bed, a mirror over the washbasin), small things on surfaces, curtains at windows, lights.

        The program is JSON data: ``{"room": {"type": "living room", "size": "small", "style":
        "scandinavian", "density": "dense", "lighting": ["warm"]}, "objects": [{"category":
        "sofa", "count": 1}, {"category": "armchair", "count": 2, "quantity": "exact"}, {"category":
        "book", "count": 10, "relation": "on", "target": "bookcase"}]}``. Relations: on, in, under,
        behind, in_front_of, next_to, at_foot_of, against_wall, corner, center, near_entrance,
        near_window, facing, stacked, around, rows, on_wall, ceiling, above, floor. The full schema:
        ``omni-generalist api --program-schema``. Explicit counts are kept exactly; the room's usual
        furniture and dressing fill in the rest. The world must not have a room yet.

        Args:
            program: the scene program.
            seed: layout seed (the same program and seed give the same room).

        Returns:
            What was built: room type, groups placed as units, what was dropped and why.
        """
        from ..policy.procedural.apply import apply_program

        return apply_program(self, program, seed)

    def create_home(self, program: dict, seed: int = 0) -> dict:
        """Build the shell of a home or building with several rooms: solve its floor plan, then
        author every room under ``/World/Rooms/<room>`` with shared walls built once, interior doors
        in shared walls, one entrance and windows in exterior walls. Furnish rooms afterwards with
        ``furnish_room`` or ``add_object(..., room=...)``.

        Args:
            program: the programme, ``{"building": "apartment", "rooms": [{"name": "bedroom_1",
                "kind": "bedroom", "contents": "a bed and a desk"}, ...], "outline": [12, 9] or None,
                "max_rooms": 30}`` (kinds: ``data/knowledge/homes.toml``), or a solved floor plan
                (rooms with ``rect``, ``doors``, ``windows``).
            seed: floor-plan seed (the same programme and seed give the same plan).

        Returns:
            The rooms (name, type, area), doors (the rooms they join) and the entrance.
        """
        from ..policy.procedural.home_apply import create_home

        return create_home(self, program, int(seed))

    def furnish_room(self, room: str, program: dict | None = None, seed: int = 0) -> dict:
        """Furnish one room of a home with the procedural planner: the room's own walls, doors and
        windows are kept clear (door swings included), objects get ``room`` in their metadata.

        Args:
            room: the room's name (``scene_summary`` lists them).
            program: a scene program for the room (as ``apply_plan`` takes); None: the room's kind
                and the contents the home's programme gave it.
            seed: layout seed.

        Returns:
            What was built (as ``apply_plan`` reports it).
        """
        from ..policy.procedural.home_apply import furnish_room

        return self._in_room(str(room), lambda: furnish_room(self, str(room), program, int(seed)))

    def _home_rooms(self) -> list[RoomInfo]:
        from ..world.home import home_rooms

        if self._homes is None:
            self._homes = home_rooms(self.stage)
        return self._homes

    def _in_room(self, room: str | None, fn):
        """Run ``fn`` with ``room`` as the home's active room (the one a position lies in when None)."""
        rooms = {r.name: r for r in self._home_rooms()}
        if not rooms:
            raise ValueError(f"room={room!r} names a room of a home; this world has one room")
        if room is None:
            raise ValueError(f"this world is a home: name the room (room=...), one of {', '.join(rooms)}")
        if room not in rooms:
            raise KeyError(f"no room {room!r} (rooms: {', '.join(rooms)})")
        prev, self._active_room = self._active_room, room
        try:
            return fn()
        finally:
            self._active_room = prev

    def _room(self, required: bool = True) -> RoomInfo | None:
        if self._active_room is not None:
            for r in self._home_rooms():
                if r.name == self._active_room:
                    return r
        if self._shell is None:
            self._shell = (model.room_info(self.stage),)
        room = self._shell[0]
        if room is None and required:
            raise ValueError("there is no room yet: call create_room first")
        return room


def _check_finite(value, where: str, depth: int = 0) -> None:
    """Raise ValueError when ``value`` is, or holds (lists, tuples, Gf vectors), a NaN or an infinity."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where} must be a finite number, got {value!r}")
    elif isinstance(value, (list, tuple, Gf.Vec2d, Gf.Vec3d, Gf.Vec2f, Gf.Vec3f)) and depth < 3:
        for i, v in enumerate(value):
            _check_finite(v, f"{where}[{i}]", depth + 1)


_SIMPLE = {str: "text", bool: "True or False", int: "a whole number", float: "a number", type(None): "None"}


def _accepts(annotation) -> tuple[type, ...] | None:
    """The plain types an annotation allows (``str | None`` → (str, NoneType)); None when not plain."""
    allowed = typing.get_args(annotation) or (annotation,)
    return tuple(allowed) if all(t in _SIMPLE for t in allowed) else None


def _check_type(value, allowed: tuple[type, ...], where: str) -> None:
    """Raise TypeError unless ``value`` fits ``allowed`` (ints pass for floats and bools)."""
    if value is None and type(None) in allowed:
        return
    if isinstance(value, str):
        ok = str in allowed
    elif isinstance(value, (bool, int)):
        ok = any(t in allowed for t in (bool, int, float))
    elif isinstance(value, float):
        ok = float in allowed
    else:
        ok = False
    if not ok:
        want = " or ".join(_SIMPLE[t] for t in allowed)
        got = "None" if value is None else f"{type(value).__name__} {value!r:.60}"
        raise TypeError(f"{where} must be {want}, got {got}")


def _finite_args(fn):
    """Wrap an action so that an argument of the wrong plain type (a list for a name) is a clear
    ``TypeError`` and a NaN or infinite number a clear ``ValueError``, before it runs."""
    sig = inspect.signature(fn, eval_str=True)
    plain = {n: a for n, p in sig.parameters.items() if (a := _accepts(p.annotation)) is not None}

    def call(*args, **kwargs):
        try:
            bound = sig.bind(*args, **kwargs)
        except TypeError:
            return fn(*args, **kwargs)  # the action's own error for a wrong call
        for name, value in bound.arguments.items():
            if name in plain:
                _check_type(value, plain[name], name)
            _check_finite(value, name)
        return fn(*args, **kwargs)

    call.__name__, call.__doc__ = fn.__name__, fn.__doc__
    return call


def action_functions(api: ActionAPI) -> dict:
    """Return the action functions bound to ``api`` (the names a policy's code can call); each refuses
    NaN and infinite numbers among its arguments."""
    return {n: _finite_args(getattr(api, n)) for n in public_names()}


def public_names() -> list[str]:
    """Names of the action functions, in declaration order."""
    return [n for n, f in ActionAPI.__dict__.items() if callable(f) and not n.startswith("_")]


def api_reference() -> str:
    """Return the action API reference (signatures and docstrings) for a model's system prompt."""
    parts = [inspect.cleandoc(__doc__ or "")]
    for n in public_names():
        fn = getattr(ActionAPI, n)
        sig = str(inspect.signature(fn)).replace("(self, ", "(").replace("(self)", "()")
        parts.append(f"{n}{sig}\n    " + inspect.cleandoc(fn.__doc__ or "").replace("\n", "\n    "))
    return "\n\n".join(parts)
