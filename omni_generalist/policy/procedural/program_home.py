"""The programme of a home or building with several rooms, read from a prompt (docs/homes.md).

:func:`parse_home` returns a :class:`HomeProgram` (which rooms, how many of each, what a room
holds when the prompt says so, an optional outline) or None for a prompt about one room, which
then goes through the single-room parser exactly as before. A prompt asks for several rooms when

* it has a bedroom/bathroom count ("2b1b", "a 1br/1ba", "a two-bedroom apartment"), or
* it is about a building before any room ("an apartment with ...", "a house with three
  bedrooms ...", "a clinic with a waiting room and two exam rooms"): a home ("apartment",
  "house") needs nothing more, any other building (an office floor, a clinic, a school, a
  restaurant, a studio) needs at least one room named after it.

A room word followed by an object noun ("kitchen counter", "office chair") is not a room. The
vocabulary is data: ``data/knowledge/homes.toml``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from ...errors import InputError
from ...paths import data_dir
from ...tomlcache import read_toml

NUMBERS = {"a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
           "a pair of": 2, "several": 3, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40}
ORDINALS = {"first": 1, "master": 1, "main": 1, "primary": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
            "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


class HomeProgramError(InputError, ValueError):
    """A home programme that cannot be built (too many rooms, a bad outline): exit 2, one line."""


@dataclass
class RoomRequest:
    """One room of the programme."""

    name: str
    """Its prim name (``bedroom_2``, ``kitchen``)."""
    kind: str
    """Its kind in ``homes.toml`` (``bedroom``, ``exam room``)."""
    contents: str = ""
    """What the prompt puts in it ("a bed and a desk"), or the kind's default contents."""
    asked: bool = True
    """The prompt named it (False: added because the building has one, or as circulation)."""
    ensuite_of: str = ""
    """For an en-suite bathroom: the bedroom it opens into (its only door)."""


@dataclass
class HomeProgram:
    """Which rooms a home or building has."""

    building: str
    rooms: list[RoomRequest] = field(default_factory=list)
    outline: tuple[float, float] | None = None
    """Width and depth of a given rectangular outline (m), or None."""
    max_rooms: int = 30
    style: str = ""
    """Words of the prompt that apply to every room ("modern", "cozy")."""

    def to_dict(self) -> dict[str, Any]:
        """The programme as JSON data (the ``create_home`` action's argument)."""
        d = asdict(self)
        d["outline"] = list(self.outline) if self.outline else None
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HomeProgram:
        """Read a programme written by :meth:`to_dict` (or by a model policy)."""
        if not isinstance(data, dict) or not isinstance(data.get("rooms"), list) or not data["rooms"]:
            raise HomeProgramError("a home programme needs a non-empty 'rooms' list")
        kinds = home_kb()["kinds"]
        rooms = []
        for r in data["rooms"]:
            if not isinstance(r, dict) or str(r.get("kind", "")) not in kinds:
                raise HomeProgramError(f"room {r!r}: 'kind' must be one of {', '.join(sorted(kinds))}")
            rooms.append(RoomRequest(str(r.get("name") or _snake(r["kind"])), str(r["kind"]),
                                     str(r.get("contents", "")), bool(r.get("asked", True)),
                                     str(r.get("ensuite_of", "") or "")))
        names = [r.name for r in rooms]
        if len(set(names)) != len(names):
            raise HomeProgramError(f"room names must be unique, got {names}")
        for r in rooms:
            if r.ensuite_of and r.ensuite_of not in names:
                raise HomeProgramError(f"{r.name} is an en-suite of {r.ensuite_of!r}, which is not a room of the programme")
        outline = data.get("outline")
        if outline is not None:
            try:
                w, d = (float(v) for v in outline)
            except (TypeError, ValueError):
                raise HomeProgramError(f"outline must be [width, depth] in meters, got {outline!r}") from None
            if not (3.0 <= w <= 400.0 and 3.0 <= d <= 400.0):
                raise HomeProgramError(f"outline {w:g} x {d:g} m is outside 3..400 m")
            outline = (w, d)
        cap = int(data.get("max_rooms", home_kb()["settings"]["max_rooms"]))
        return cls(str(data.get("building", "home")), rooms, outline, cap, str(data.get("style", "")))


@lru_cache(maxsize=1)
def home_kb() -> dict[str, Any]:
    """The home vocabulary and sizes (``data/knowledge/homes.toml``)."""
    return read_toml(data_dir() / "knowledge" / "homes.toml")


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _plural(word: str) -> str:
    last = word.split()[-1]
    if last.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@lru_cache(maxsize=1)
def _object_heads() -> frozenset[str]:
    """Single words that name objects: a room word followed by one is part of an object's name."""
    from ...assets.catalog import catalog

    heads = set()
    for name in catalog().names():
        first = name.split()[0]
        heads.add(first)
        heads.add(_plural(first))
    return frozenset(heads - {"with", "and", "a", "an", "the", "has", "for", "of", "in", "on"})


_NUM = r"(?P<num>\d+|a couple of|a pair of|" + "|".join(sorted((k for k in NUMBERS if " " not in k), key=len,
                                                               reverse=True)) + r")"
_ORD = r"(?P<ord>" + "|".join(ORDINALS) + r")"
_SHORTHAND = re.compile(r"\b(?P<bed>\d)\s*-?\s*(?:b|br|bd|bed|beds|bedroom|bedrooms)\s*[/,+-]?\s*(?P<bath>\d(?:\.5)?)\s*-?\s*"
                        r"(?:b|ba|bath|baths|bathroom|bathrooms)\b")
_N_BEDROOM = re.compile(r"\b(?P<n>\d|one|two|three|four|five|six)[- ](?:bed|bedroom)\b")
_OUTLINE = re.compile(r"\b(?P<w>\d+(?:\.\d+)?)\s*(?:m\s*)?(?:x|by|×)\s*(?P<d>\d+(?:\.\d+)?)\s*(?:m|meters?|metres?)\b")


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    count: int
    definite: bool
    ordinal: int | None
    numbered: bool


def _word_table(section: str) -> list[tuple[str, str]]:
    """(word, kind) pairs of a homes.toml section, longest word first (plurals included)."""
    pairs = []
    for kind, d in home_kb()[section].items():
        for w in d["words"]:
            pairs.append((w, kind))
            if section == "kinds":
                pairs.append((_plural(w), kind))
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def _find(text: str, table: list[tuple[str, str]], heads: frozenset[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of the table's words, longest first; ones followed by an object noun are left out."""
    taken: list[tuple[int, int]] = []
    found = []
    for word, kind in table:
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            nxt = re.match(r"\s+([a-z]+)", text[b:])
            if nxt and nxt.group(1) in heads:
                continue
            taken.append((a, b))
            found.append((a, b, kind))
    return sorted(found)


def parse_home(text: str, max_rooms: int | None = None) -> HomeProgram | None:
    """Read the programme of a multi-room prompt; None when the prompt is about one room.

    Args:
        text: the prompt.
        max_rooms: the most rooms a home may have (default: ``max_rooms`` of homes.toml, 30).

    Returns:
        The programme, or None for a single-room prompt.
    """
    kb = home_kb()
    low = " ".join(text.lower().replace("’", "'").split())
    heads = _object_heads()
    counts: dict[str, int] = {}
    rest = low
    short = _SHORTHAND.search(low)
    if short:
        counts["bedroom"] = int(short.group("bed"))
        counts["bathroom"] = max(1, int(float(short.group("bath"))))
        rest = low[:short.start()] + " " * (short.end() - short.start()) + low[short.end():]
    nbed = _N_BEDROOM.search(rest)
    if nbed:
        n = nbed.group("n")
        counts["bedroom"] = int(n) if n.isdigit() else NUMBERS[n]
        rest = rest[:nbed.start()] + " " * (nbed.end() - nbed.start()) + rest[nbed.end():]
    buildings = _find(rest, _word_table("buildings"), heads | frozenset(k for w, k in _word_table("kinds") for k in [w]))
    kind_hits = _find(rest, _word_table("kinds"), heads)
    kind_hits = [h for h in kind_hits if not any(a <= h[0] < b for a, b, _ in buildings)]
    first_building = buildings[0] if buildings else None
    if not counts:
        if first_building is None:
            return None
        if kind_hits and kind_hits[0][0] < first_building[0] or _room_type_before(rest, first_building[0]):
            return None  # "a kitchen in a city apartment", "a greenhouse attached to a house": one room
        spec = kb["buildings"][first_building[2]]
        after = [h for h in kind_hits if h[0] > first_building[1]]
        if not after and (not spec.get("residential") or _one_room_studio(low, first_building)):
            return None  # "a restaurant", "a studio apartment", "an art studio": one room
    building = first_building[2] if first_building else "apartment"
    bspec = kb["buildings"][building]
    prefer = dict(bspec.get("prefer", {}))
    mentions = [_mention(rest, a, b, _prefer(kind, prefer)) for a, b, kind in kind_hits]
    for m in mentions:
        if m.definite and not m.numbered:
            need = m.ordinal or 1
            counts[m.kind] = max(counts.get(m.kind, 0), need)
    new: dict[str, int] = {}
    for m in mentions:
        if not m.definite or m.numbered:
            new[m.kind] = new.get(m.kind, 0) + m.count
        if m.ordinal:
            new[m.kind] = max(new.get(m.kind, 0), m.ordinal)
    for kind, n in new.items():
        counts[kind] = max(counts.get(kind, 0), n)
    for kind in bspec.get("within", ()):  # a studio's kitchenette is a corner of its one room
        counts.pop(kind, None)
    asked = set(counts)
    named_others = [k for k in counts if k not in ("bedroom", "bathroom")]
    if not named_others or (bspec.get("residential") and not any(
            kb["kinds"][k]["zone"] == "public" for k in counts)):
        for kind in bspec["kinds"]:  # what the building has when the prompt names no other room
            if kind not in counts:
                counts[kind] = bspec["kinds"].count(kind)
    if bspec.get("residential") and "bathroom" not in counts:
        counts["bathroom"] = 1
    # rooms in the order: public first, then private and service, hallways last
    zone_rank = {"public": 0, "private": 1, "service": 2, "circulation": 3}
    order = sorted(counts, key=lambda k: (zone_rank[kb["kinds"][k]["zone"]], list(kb["kinds"]).index(k)))
    rooms: list[RoomRequest] = []
    total = sum(counts.values())
    cap = int(max_rooms if max_rooms is not None else kb["settings"]["max_rooms"])
    if total > cap:
        raise HomeProgramError(f"the prompt asks for {total} rooms; the most a home may have is {cap} "
                               f"(hotels and dorms: raise policy.max_rooms)")
    for kind in order:
        n = counts[kind]
        for i in range(n):
            name = _snake(kind) if n == 1 else f"{_snake(kind)}_{i + 1}"
            rooms.append(RoomRequest(name, kind, str(kb["kinds"][kind].get("contents", "")), kind in asked))
    _contents(rest, mentions, rooms)
    if bspec.get("residential"):
        _ensuites(rest, mentions, rooms)
    outline = None
    om = _OUTLINE.search(low)
    if om:
        outline = (float(om.group("w")), float(om.group("d")))
    prog = HomeProgram(building, rooms, outline, cap, _style_words(low))
    return prog


def _room_type_before(text: str, end: int) -> bool:
    """Whether a room type of the knowledge base (rooms.toml) is named before ``end``."""
    from .knowledge import room_kb

    head = text[:end]
    if re.search(r"\b(?:in|inside|of|at|to|near|beside|within|from|for|behind|on|attached|by)\b", head):
        return True  # the building is not the prompt's subject ("a greenhouse attached to a house")
    return any(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", head) for name in room_kb().names)


def _one_room_studio(low: str, hit: tuple[int, int, str]) -> bool:
    """A studio that is one room: "a studio apartment" (the single-room suites' meaning) or a
    studio of some trade ("an art studio", "a recording studio")."""
    if hit[2] != "studio":
        return False
    if re.match(r"studio (?:apartment|flat)", low[hit[0]:]):
        return True
    from .vocab import SIZE_WORDS, STYLES

    before = low[:hit[0]].split()
    return bool(before) and before[-1] not in ("a", "an", "the", "my", "our", *SIZE_WORDS, *STYLES)


def _prefer(kind: str, prefer: dict[str, str]) -> str:
    """A building's own kind for a room word (a restaurant's kitchen is a commercial kitchen)."""
    return prefer.get(kind, kind)


def _mention(text: str, a: int, b: int, kind: str) -> _Mention:
    before = text[max(0, a - 40):a]
    m = re.search(r"(?:(?P<art>the|a|an|each|every)\s+)?(?:" + _NUM + r"\s+)?(?:" + _ORD + r"\s+)?(?:[a-z'-]+\s+)?$",
                  before)
    count, definite, ordinal, numbered = 1, False, None, False
    if m:
        if m.group("art") in ("the", "each", "every"):
            definite = True
        num = m.group("num")
        if num:
            count = int(num) if num.isdigit() else NUMBERS.get(num, 1)
            numbered = num not in ("a", "an")
        if m.group("ord"):
            ordinal = ORDINALS[m.group("ord")]
    word = text[a:b]
    if word.endswith("s") and not numbered and count == 1 and word != kind and not word.endswith("ss"):
        singular_forms = home_kb()["kinds"][kind]["words"]
        if word not in singular_forms:
            count = 2  # "bedrooms" with no number: at least two
    return _Mention(a, b, kind, count, definite, ordinal, numbered)


_CONTENT_VERBS = r"(?:has|have|with|contains|gets|holds|should have|needs|features|includes|where there is|where there are)"


def _contents(text: str, mentions: list[_Mention], rooms: list[RoomRequest]) -> None:
    """Per-room contents: "the second bedroom has a bed and a desk", "a kitchen with a dishwasher"."""
    by_kind: dict[str, list[RoomRequest]] = {}
    for r in rooms:
        by_kind.setdefault(r.kind, []).append(r)
    seen: dict[str, int] = {}
    stops = sorted(m.start for m in mentions)
    for m in mentions:
        rs = by_kind.get(m.kind, [])
        if not rs:
            continue
        if m.ordinal:
            idx = m.ordinal - 1
        elif m.definite:
            idx = 0
        else:
            idx = seen.get(m.kind, 0)
            seen[m.kind] = idx + (m.count if m.numbered else 1)
        after = text[m.end:]
        v = re.match(r"\s*(?:,\s*)?(?:\w+\s+)?" + _CONTENT_VERBS + r"\s+", after)
        if not v or m.numbered and m.count > 1:
            continue
        start = m.end + v.end()
        end = len(text)
        for s in stops:
            if s > start:
                end = min(end, s)
                break
        dot = re.search(r"[.;]", text[start:])
        if dot:
            end = min(end, start + dot.start())
        chunk = text[start:end]
        if end < len(text) and end in stops:  # "..., and a" before the next room: not contents
            words = chunk.rstrip(" ,").split()
            while words and words[-1].strip(",") in _TRAILING:
                words.pop()
            chunk = " ".join(words)
        chunk = chunk.strip(" ,")
        if chunk and 0 <= idx < len(rs) and not re.fullmatch(r"(?:a |an )?(?:door|window)s?", chunk):
            rs[idx].contents = chunk


def _ensuites(text: str, mentions: list[_Mention], rooms: list[RoomRequest]) -> None:
    """Bathrooms that open into a bedroom only: those the prompt calls en-suite (of the bedroom
    named just before, else the first), and in a home with more bathrooms than one, the last
    bathrooms become en-suites of the first bedrooms (the master bedroom first)."""
    words = tuple(home_kb()["settings"]["ensuite_words"])
    baths = [r for r in rooms if r.kind == "bathroom"]
    beds = [r for r in rooms if r.kind == "bedroom"]
    if not baths or not beds:
        return
    taken: set[str] = set()
    asked = [m for m in mentions if m.kind == "bathroom" and text[m.start:m.end].startswith(words)]
    for m, bath in zip(asked, reversed(baths), strict=False):
        before = [b for b in mentions if b.kind == "bedroom" and b.end <= m.start]
        idx = (before[-1].ordinal or 1) - 1 if before else 0
        bed = beds[min(idx, len(beds) - 1)]
        if bed.name in taken:
            bed = next((b for b in beds if b.name not in taken), None)
        if bed is not None:
            bath.ensuite_of = bed.name
            taken.add(bed.name)
    if asked:
        return
    for bath, bed in zip(reversed(baths[1:]), beds, strict=False):
        bath.ensuite_of = bed.name


_TRAILING = {"and", "the", "a", "an", "plus", "with", "also", "then", *NUMBERS, *ORDINALS}


def _style_words(low: str) -> str:
    """The prompt's style words (the parser's vocabulary), passed on to every room."""
    from .vocab import STYLES

    words = [w for w in sorted(STYLES) if re.search(r"\b" + re.escape(w) + r"\b", low)]
    return " ".join(words[:3])
