"""Where rooms and objects live on the stage: the one place that knows the prim layout.

Every world (one room or a home) keeps its rooms under ``/World/Rooms/<room>`` and its objects
under ``/World/Objects/<room>/<object>`` (the group ``/World/Objects/<room>`` records
``objects_of = "<room>"`` in ``customData["generalist"]``; each object records ``room``). Object
names are unique in the world, so an object is found by its name alone.

Worlds written before rooms were nested (docs/world-format.md, "Older worlds") keep their one
room at ``/World/Room`` and their objects directly under ``/World/Objects/<object>``; every
function here reads both, and objects added to such a world stay in its layout. A prim a policy
defines directly under ``/World/Objects`` with plain pxr is an object of no room.
"""

from __future__ import annotations

from pxr import Sdf, Usd, UsdGeom

from .metadata import get_info, set_info
from .stage import LEGACY_ROOM, OBJECTS, ROOMS

_OBJECTS_PREFIX = str(OBJECTS) + "/"
LEGACY_FLOOR = str(LEGACY_ROOM.AppendChild("Floor"))
"""The floor of a world in the old layout (and the support recorded before a world has a room)."""


def is_objects_group(prim: Usd.Prim) -> bool:
    """True for ``/World/Objects/<room>``, the group holding one room's objects."""
    return bool(prim) and prim.GetParent().GetPath() == OBJECTS and bool(get_info(prim).get("objects_of"))


def objects_group(stage: Usd.Stage, room: str) -> Sdf.Path:
    """The group of ``room``'s objects, defined (with its ``objects_of`` record) when missing."""
    path = OBJECTS.AppendChild(room)
    prim = stage.GetPrimAtPath(path)
    if not prim or not get_info(prim).get("objects_of"):
        prim = UsdGeom.Xform.Define(stage, path).GetPrim()
        set_info(prim, objects_of=room)
    return path


def object_path(name: str, room: str | None) -> Sdf.Path:
    """The path of object ``name`` in ``room`` (None: the old layout, or an object of no room)."""
    return OBJECTS.AppendChild(room).AppendChild(name) if room else OBJECTS.AppendChild(name)


def object_prims(stage: Usd.Stage, active_only: bool = True) -> list[Usd.Prim]:
    """Every object root, in stage order: the children of each room's group, and any object
    directly under ``/World/Objects`` (the old layout, raw pxr prims)."""
    root = stage.GetPrimAtPath(OBJECTS)
    if not root:
        return []
    out = []
    for child in root.GetAllChildren():
        if active_only and not child.IsActive():
            continue
        if is_objects_group(child):
            out.extend(c for c in child.GetAllChildren() if c.IsActive() or not active_only)
        else:
            out.append(child)
    return out


def object_names(stage: Usd.Stage) -> set[str]:
    """Names every object (active or not) takes in the world: a new object needs another."""
    return {p.GetName() for p in object_prims(stage, active_only=False)}


def object_root(stage: Usd.Stage, path: str | Sdf.Path) -> Sdf.Path | None:
    """The object root a prim path lies in (the path itself for a root); None outside any object
    (``/World/Objects`` and room groups themselves, or anything outside ``/World/Objects``)."""
    text = str(path).split(".", 1)[0]
    if not text.startswith(_OBJECTS_PREFIX):
        return None
    parts = text[len(_OBJECTS_PREFIX):].split("/")
    first = OBJECTS.AppendChild(parts[0])
    if is_objects_group(stage.GetPrimAtPath(first)):
        return first.AppendChild(parts[1]) if len(parts) > 1 and parts[1] else None
    return first


def room_of(prim: Usd.Prim) -> str:
    """The room an object is in (``""``: the old layout, or no room)."""
    room = get_info(prim).get("room")
    if room:
        return str(room)
    parent = prim.GetParent()
    return str(get_info(parent).get("objects_of", "")) if is_objects_group(parent) else ""


def room_path(room: str) -> Sdf.Path:
    """The prim of a room named ``room``."""
    return ROOMS.AppendChild(room)


def room_prims(stage: Usd.Stage) -> list[Usd.Prim]:
    """Every room prim: the rooms under ``/World/Rooms``, or the one room of the old layout."""
    root = stage.GetPrimAtPath(ROOMS)
    rooms = [c for c in (root.GetChildren() if root else []) if c.IsActive() and get_info(c).get("polygon")]
    if rooms:
        return rooms
    legacy = stage.GetPrimAtPath(LEGACY_ROOM)
    return [legacy] if legacy and get_info(legacy).get("polygon") else []


def floor_of(room_prim_path: str | Sdf.Path | None) -> str:
    """The floor of a room (its prim path); the old layout's floor path when there is no room."""
    return f"{room_prim_path}/Floor" if room_prim_path else LEGACY_FLOOR


def is_floor(support: str) -> bool:
    """True when ``support`` (an object's recorded support) is a room's floor, in either layout."""
    return support.endswith("/Floor") and (support.startswith(str(ROOMS) + "/") or support == LEGACY_FLOOR)


def is_ceiling(support: str) -> bool:
    """True when ``support`` is a room's ceiling, in either layout."""
    return support.endswith("/Ceiling") and (support.startswith(str(ROOMS) + "/") or support.startswith(str(LEGACY_ROOM) + "/"))


def is_room_part(path: str) -> bool:
    """True for a path in a room's shell (floor, walls, ceiling, doors, windows), in either layout."""
    return path.startswith(str(ROOMS) + "/") or path.startswith(str(LEGACY_ROOM) + "/")
