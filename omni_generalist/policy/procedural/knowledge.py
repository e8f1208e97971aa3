"""Room types of the knowledge base (``data/knowledge/rooms.toml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...paths import data_dir
from ...tomlcache import read_toml


@dataclass(frozen=True)
class RoomObject:
    """One typical object of a room type: category, count range and placement."""

    category: str
    count: tuple[int, int]
    placement: str


@dataclass(frozen=True)
class RoomType:
    """What a kind of room looks like: size, materials, windows, lighting and typical objects."""

    name: str
    synonyms: tuple[str, ...]
    size_min: tuple[float, float]
    size_max: tuple[float, float]
    height: tuple[float, float]
    floor: str
    walls: str
    windows: tuple[int, int]
    door_width: float
    lighting: str
    objects: tuple[RoomObject, ...]


def _room(name: str, d: dict) -> RoomType:
    size = d.get("size", [[3.5, 3.5], [5.0, 5.0]])
    return RoomType(
        name=name, synonyms=tuple(s.lower() for s in d.get("synonyms", ())),
        size_min=(float(size[0][0]), float(size[0][1])), size_max=(float(size[1][0]), float(size[1][1])),
        height=tuple(float(v) for v in d.get("height", (2.6, 2.8))),  # type: ignore[arg-type]
        floor=str(d.get("floor", "oak wood")), walls=str(d.get("walls", "painted white")),
        windows=tuple(int(v) for v in d.get("windows", (1, 2))),  # type: ignore[arg-type]
        door_width=float(d.get("door_width", 0.9)), lighting=str(d.get("lighting", "neutral")),
        objects=tuple(RoomObject(str(o["category"]).lower(), (int(o["count"][0]), int(o["count"][1])),
                                 str(o.get("placement", "floor"))) for o in d.get("objects", ())),
    )


class RoomKB:
    """Room types by name or synonym."""

    def __init__(self, rooms: dict[str, RoomType]):
        self.rooms = rooms
        self.names: dict[str, str] = {}
        for r in rooms.values():
            self.names[r.name] = r.name
        for r in rooms.values():
            for s in r.synonyms:
                self.names.setdefault(s, r.name)

    def find(self, text: str) -> RoomType | None:
        key = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
        name = self.names.get(key)
        return self.rooms[name] if name else None

    def get(self, name: str) -> RoomType:
        found = self.find(name)
        if found is None:
            raise KeyError(f"unknown room type {name!r}")
        return found


@lru_cache(maxsize=1)
def room_kb() -> RoomKB:
    """Load ``data/knowledge/rooms.toml`` once per process."""
    raw = read_toml(data_dir() / "knowledge" / "rooms.toml")
    return RoomKB({k.lower(): _room(k.lower(), v) for k, v in raw.items()})


@dataclass(frozen=True)
class DressItem:
    """One kind of thing kept on a support: how many (``lo``..``hi``) and at which edge (``side``)."""

    category: str
    lo: int
    hi: int
    side: str | None = None
    rooms: frozenset[str] = frozenset()
    """Only in these room types (empty: in any)."""
    except_rooms: frozenset[str] = frozenset()
    """Never in these room types."""

    def in_room(self, room_type: str) -> bool:
        """Whether this item belongs on its support in a room of ``room_type``."""
        return (not self.rooms or room_type in self.rooms) and room_type not in self.except_rooms


@lru_cache(maxsize=1)
def dressing() -> dict[str, tuple[DressItem, ...]]:
    """What is kept on each kind of support (``data/knowledge/dressing.toml``): category → items."""
    raw = read_toml(data_dir() / "knowledge" / "dressing.toml")
    return {k.lower(): tuple(DressItem(str(i["category"]).lower(), int(i["count"][0]), int(i["count"][1]),
                                       i.get("side"), frozenset(i.get("rooms", ())),
                                       frozenset(i.get("except_rooms", ())))
                             for i in v.get("items", ())) for k, v in raw.items()}
