"""Language edits of an existing world: an instruction → actions on the objects it names.

The procedural policy edits instead of building when the world it is given already has a room
(the panel's Refine, ``omni-generalist edit WORLD "INSTRUCTION"``). The instruction is split into
clauses at verbs ("add a floor lamp next to the sofa, remove the clock and paint the walls
blue"); each clause becomes actions against the objects the policy reads from the world's text
summary (what every policy sees):

- *add* (add, put, place, hang, include, "more plants", a bare noun phrase): ``add_object`` with
  the relation the clause names, resolved to an existing object ("on the desk" → ``desk_0``;
  a missing target is added first), falling back to the category's usual placement;
- *remove* (remove, delete, take away, get rid of, clear the table): ``remove_object`` — the
  named object, all of them for a plural ("the chairs"), ``n`` for a count, everything on a
  cleared surface;
- *replace* (replace/swap X with Y, change/turn X into Y): ``replace_object``;
- *move* (move, push, put *the* X somewhere, rotate/turn X to face Y): ``move_object`` with a
  placement (against a wall, into a corner, to the centre, next to/on another object, facing);
- *material* (make/paint/colour X red, a marble floor, the walls should be blue):
  ``set_material`` on objects or surfaces;
- *lighting* (brighter, dimmer, warmer, cooler, more light): ``set_lighting`` / ``add_light``;
- *articulate* (open, close, shut the fridge, halfway, ajar): ``open_object``;
- windows and doors ("add a window on the east wall"): ``add_window`` / ``add_door``.

In a home (docs/homes.md) a clause may name a room: "in the kitchen, add a toaster on the
counter" (a clause that is only a room sets it for the clauses after it), "remove the bed in the
second bedroom", "paint the walls of the bathroom blue". Objects are then looked for in that room
only, added to it (``add_object(..., room=...)``) and its surfaces painted
(``set_material(..., room=...)``); with no room named, an addition goes to the room of the object
it is placed against, else the first room of the summary.

Alternatives (other targets, other walls, the usual placement, the smallest size of the kind)
form a chain: each is tried only when the one before failed. "It" refers to what the previous
clause added. What cannot be resolved (a named object that is not in the world) is recorded in
the policy's summary as not done, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...actions.api import snake_name
from ...assets.catalog import Catalog, catalog, singular
from . import vocab as V
from .emit import Step, _call
from .parse import ObjectRequest, Parser, normalize

_LEADING = {"please", "also", "now", "then", "and", "can", "could", "would", "you", "i", "we", "want", "to", "let",
            "lets", "let's", "us", "just", "kindly", "maybe", "need", "like", "d", "id", "i'd", "should", "go", "ahead",
            "finally", "next", "instead", "additionally", "too"}
_VERBS: dict[tuple[str, ...], str] = {}
for _kind, _phrases in {
    "add": ["add", "put", "place", "include", "insert", "bring", "hang", "mount", "install", "throw in", "stick",
            "drop in", "set up", "give it", "give the room", "furnish with", "there should be", "create", "more"],
    "remove": ["remove", "delete", "take", "take out", "take away", "take off", "get rid of", "drop", "ditch", "eliminate",
               "lose", "clear", "clear off", "empty", "no more", "without"],
    "replace": ["replace", "swap", "switch", "exchange", "substitute", "turn", "change", "convert"],
    "move": ["move", "push", "shift", "slide", "relocate", "reposition", "rearrange", "pull", "rotate", "spin",
             "face", "center", "centre"],
    "material": ["make", "paint", "color", "colour", "recolor", "recolour", "repaint", "cover", "tile", "carpet"],
    "lighting": ["brighten", "dim", "darken", "light up", "lighten", "warm up", "cool down"],
    "articulate": ["open", "close", "shut", "open up"],
}.items():
    for _p in _phrases:
        _VERBS[tuple(_p.split())] = _kind
_MAXV = max(len(k) for k in _VERBS)

_MOODS = {"brighter": "bright", "bright": "bright", "brighten": "bright", "lighter": "bright", "lighten": "bright",
          "dimmer": "dim", "dim": "dim", "darker": "dim", "darken": "dim", "dark": "dim", "moody": "dim",
          "warmer": "warm", "warm": "warm", "cosier": "warm", "cozier": "warm", "cooler": "cool", "cool": "cool",
          "colder": "cool", "neutral": "neutral", "neon": "neon"}
_LIGHT_NOUNS = {"light", "lights", "lighting", "lamps", "illumination", "room", "it", "everything", "scene"}
_COMPASS = ("north", "south", "east", "west")
_DESTINATION = {"to", "into", "onto", "on", "in", "next", "beside", "by", "near", "against", "toward", "towards",
                "face", "faces", "facing", "so", "closer", "under", "at", "along", "behind", "opposite", "around",
                "clockwise", "counterclockwise", "anticlockwise", "left", "right", "over", "back", "away", "across"}
_OPENING_ADJ = {"the", "another", "second", "third", "new", "big", "small", "large", "wide", "tall", "extra", "more",
                "some", "bigger", "glass", "sliding"}
_ALL_WORDS = {"all", "every", "each", "both", "any", "everything"}
_SURFACE_WORDS = {"floor": "floor", "floors": "floor", "flooring": "floor", "wall": "walls", "walls": "walls",
                  "ceiling": "ceiling", "doors": "doors", "door": "doors"}
_NUM = r"(-?[\d.]+)"
_WALL_RE = re.compile(rf"(\w+) \({_NUM}, {_NUM}\)-\({_NUM}, {_NUM}\)")
_OPENING_RE = re.compile(r"^\w+: (?P<kind>door|window) in wall (?P<wall>\w+) at ")
_SCENE_RE = re.compile(r"^(?P<name>[A-Za-z_][\w]*): (?P<cat>.+?) at \((?P<x>[-\d.]+), (?P<y>[-\d.]+), [-\d.]+\) "
                       r"yaw [-\d.]+ size [\d.]+x[\d.]+x[\d.]+ (?P<mat>.*) on (?P<support>\S+)(?: in (?P<room>\w+))?$")
_HOME_ROOM_RE = re.compile(r"^room (?P<name>\w+) \((?P<type>[^)]+)\): ")
_ROOM_PREPOSITIONS = {"in", "inside", "into", "to", "from", "of", "for"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "master": 1, "main": 1}


@dataclass
class SceneObject:
    """One object as the world's text summary describes it."""

    name: str
    category: str
    material: str
    support: str
    """Name of what it rests on (another object's name, ``Floor``, a wall or ``Ceiling``)."""
    x: float = 0.0
    y: float = 0.0
    room: str = ""
    """The room it is in (a home's; empty in a world of one room)."""


@dataclass
class Scene:
    """The room and objects read from :meth:`ActionAPI.scene_summary` text."""

    room_type: str | None
    walls: list[str] = field(default_factory=list)
    objects: list[SceneObject] = field(default_factory=list)
    segments: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    """Wall name → ``(x0, y0, x1, y1)``, start to end."""
    window_walls: list[str] = field(default_factory=list)
    rooms: dict[str, str] = field(default_factory=dict)
    """A home's rooms, name → type, in the summary's order (empty for a world of one room)."""

    @property
    def has_room(self) -> bool:
        return self.room_type is not None

    @property
    def is_home(self) -> bool:
        return bool(self.rooms)


def read_scene(summary: str) -> Scene:
    """Parse a world's text summary (``ActionAPI.scene_summary``) into a :class:`Scene`."""
    lines = summary.splitlines()
    head = lines[0] if lines else ""
    m = re.match(r"^room (?P<type>.+?): .*walls (?P<walls>[\w, ]+?), doors", head)
    scene = Scene(room_type=m.group("type") if m else None,
                  walls=[w.strip() for w in m.group("walls").split(",")] if m else [])
    if re.match(r"^home: \d+ rooms", head):  # a home: its rooms, then its objects (each with its room)
        scene.room_type, scene.walls = "home", list(_COMPASS)
    for line in lines[1:]:
        line = line.strip()
        room = _HOME_ROOM_RE.match(line)
        if room and scene.room_type == "home":
            scene.rooms[room.group("name")] = room.group("type")
            continue
        if line.startswith("walls: "):
            for m in _WALL_RE.finditer(line):
                scene.segments[m.group(1)] = tuple(float(m.group(k)) for k in range(2, 6))  # type: ignore[assignment]
            continue
        op = _OPENING_RE.match(line)
        if op:
            if op.group("kind") == "window" and op.group("wall") not in scene.window_walls:
                scene.window_walls.append(op.group("wall"))
            continue
        o = _SCENE_RE.match(line)
        if o:
            scene.objects.append(SceneObject(o.group("name"), o.group("cat"), o.group("mat"), o.group("support"),
                                             float(o.group("x")), float(o.group("y")), o.group("room") or ""))
    return scene


def nearest_wall(scene: Scene, x: float, y: float) -> tuple[str, float] | None:
    """The wall closest to ``(x, y)`` and how far along it (from its start) the point lies."""
    best = None
    for name, (x0, y0, x1, y1) in scene.segments.items():
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy
        if length2 <= 0:
            continue
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length2))
        px, py = x0 + t * dx, y0 + t * dy
        d = (x - px) ** 2 + (y - py) ** 2
        if best is None or d < best[0]:
            best = (d, name, t * length2 ** 0.5)
    return (best[1], round(best[2], 3)) if best else None


@dataclass
class Clause:
    """One verb and the words it governs."""

    verb: str
    """add, remove, replace, move, material, lighting or '' (none given)."""
    tokens: list[str]
    word: str = ""
    """The verb as written."""

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _chain(calls: list[str], label: str) -> Step:
    """One step trying ``calls`` in order: each is the fallback of the one before (only one succeeds)."""
    step = Step(calls[-1], [], label)
    for code in reversed(calls[:-1]):
        step = Step(code, [step], label)
    return step


def split_instruction(text: str) -> list[Clause]:
    """Split an instruction into clauses, each starting at a verb (or a separator)."""
    tokens = normalize(text)
    clauses: list[Clause] = []
    cur: Clause | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "," or (tok in ("then", "also") and cur is not None and cur.tokens):
            cur = None
            i += 1
            continue
        hit = _verb_at(tokens, i)
        starts = cur is None or not cur.tokens or tokens[i - 1] in ("and", ",", "then", "also")
        if hit and starts and not (hit[1] == "more" and cur is not None and cur.verb):
            n, verb = hit
            if cur is not None and cur.tokens and cur.tokens[-1] == "and":
                cur.tokens.pop()
            if cur is None or cur.tokens or cur.verb:
                cur = Clause(verb, [], " ".join(tokens[i:i + n]))
                clauses.append(cur)
            else:
                cur.verb, cur.word = verb, " ".join(tokens[i:i + n])
            # "more plants" keeps its word: it is part of the object phrase
            if verb == "add" and tokens[i] == "more":
                cur.tokens.append("more")
            i += n
            continue
        if cur is None:
            if tok in _LEADING:
                i += 1
                continue
            cur = Clause("", [])
            clauses.append(cur)
        cur.tokens.append(tok)
        i += 1
    for c in clauses:
        while c.tokens and c.tokens[-1] in ("and", "please", "too", "as", "well"):
            c.tokens.pop()
    return [c for c in clauses if c.tokens or c.verb == "lighting"]


def _opening_head(tokens: list[str]) -> str | None:
    """``"window"`` or ``"door"`` when the phrase is about one ("a big window", "a second door")."""
    head = next((t for t in tokens if t not in V.NUMBERS and t not in _OPENING_ADJ), "")
    if head in ("window", "windows"):
        return "window"
    return "door" if head in ("door", "doors", "doorway") else None


def _verb_at(tokens: list[str], i: int) -> tuple[int, str] | None:
    for n in range(min(_MAXV, len(tokens) - i), 0, -1):
        kind = _VERBS.get(tuple(tokens[i:i + n]))
        if kind is not None:
            return n, kind
    return None


class EditPlanner:
    """Turns an instruction into :class:`Step` s against the objects of ``scene``."""

    def __init__(self, scene: Scene, parser: Parser | None = None, cat: Catalog | None = None):
        self.scene = scene
        self.cat = cat or catalog()
        self.parser = parser or Parser(cat=self.cat)
        self.notes: list[str] = []
        """What could not be done, in words (reported as dropped)."""
        self.requests: list[dict] = []
        """What each clause was understood as (for the report)."""
        self._added: dict[str, int] = {}
        self._it: str | None = None
        """The object a pronoun of the current clause refers to."""
        self._gone: set[str] = set()
        self._room: str | None = None
        """In a home: the room the current clause names (or an earlier clause set)."""

    # ----------------------------------------------------------------- entry
    def plan(self, instruction: str) -> list[Step]:
        """Return the steps for ``instruction`` (empty when nothing in it could be understood)."""
        steps: list[Step] = []
        sticky: str | None = None
        for clause in split_instruction(instruction):
            room, clause = self._take_room(clause)
            if room is not None and not clause.tokens and not clause.verb:  # "in the kitchen, ..."
                sticky = room
                continue
            self._room = room or sticky
            kind = clause.verb or self._implicit_kind(clause)
            if kind == "material" and set(clause.tokens) & set(_MOODS) and not self._finish_words(clause.tokens):
                named = [r for r in self._requests(clause.text) if r.category not in ("lamp", "light")]
                if named and self._matches(named[0]):  # "make the cabinets darker": no colour named
                    self.notes.append(f"which colour or material? {clause.text!r}")
                    continue
                kind = "lighting"  # "make it brighter", "make the lights warmer"
            handler = getattr(self, f"_{kind}", None)
            before = len(steps)
            if handler is None:
                self.notes.append(f"not understood: {clause.text!r}")
                continue
            steps.extend(handler(clause))
            self.requests.append({"edit": kind, "words": (clause.word + " " + clause.text).strip(),
                                  "actions": len(steps) - before, **({"room": self._room} if self._room else {})})
        return steps

    def _take_room(self, clause: Clause) -> tuple[str | None, Clause]:
        """In a home: the room a clause names ("in the kitchen", "of the second bedroom", "in bedroom
        2") and the clause without those words (its verb found again when the room came first)."""
        if not self.scene.is_home:
            return None, clause
        keys: dict[tuple[str, ...], list[str]] = {}
        for name, rtype in self.scene.rooms.items():
            for words in (tuple(rtype.split()), tuple(w for w in name.split("_") if not w.isdigit())):
                if words and name not in keys.setdefault(words, []):
                    keys[words].append(name)
        toks = clause.tokens
        for i, t in enumerate(toks):
            if t not in _ROOM_PREPOSITIONS:
                continue
            j = i + 1 + (toks[i + 1:i + 2] == ["the"])
            nth = _ORDINALS.get(toks[j]) if j < len(toks) else None
            j += nth is not None
            for words in sorted(keys, key=len, reverse=True):
                k = j + len(words)
                if tuple(toks[j:k]) != words:
                    continue
                if k < len(toks) and (toks[k].isdigit() or toks[k] in V.NUMBERS) and toks[k] not in ("a", "an"):
                    nth, k = int(toks[k]) if toks[k].isdigit() else V.NUMBERS[toks[k]], k + 1
                elif k < len(toks) and self.cat.get(" ".join((*words, toks[k]))).known:
                    continue  # "on the kitchen counter" names an object, not a room
                names = keys[words]
                exact = [n for n in names if nth is not None and n.endswith(f"_{nth}")]
                room = exact[0] if exact else names[min((nth or 1) - 1, len(names) - 1)]
                rest = toks[:i] + toks[k:]
                verb, word = clause.verb, clause.word
                hit = _verb_at(rest, 0) if not verb and rest else None
                if hit:
                    verb, word, rest = hit[1], " ".join(rest[:hit[0]]), rest[hit[0]:]
                return room, Clause(verb, rest, word)
        return None, clause

    def _implicit_kind(self, clause: Clause) -> str:
        toks = set(clause.tokens)
        if toks & set(_MOODS) and (toks & _LIGHT_NOUNS or len(toks) <= 2):
            return "lighting"
        if toks & {"light", "lights", "lighting"} and toks & {"more", "brighter", "extra", "better"}:
            return "lighting"  # "the room needs more light"
        if _opening_head(clause.tokens) and not toks & {"be", "is", "are"}:
            return "add"
        if toks & {"be", "is", "are"} or (toks & set(_SURFACE_WORDS) and not self._requests(clause.text)):
            return "material"
        return "add"

    # ----------------------------------------------------------------- reading phrases
    def _requests(self, text: str) -> list[ObjectRequest]:
        return self.parser.parse(text).objects if text.strip() else []

    def _matches(self, req: ObjectRequest | None, name_hint: str = "") -> list[SceneObject]:
        """Existing objects a phrase refers to (category or a broader class, then colour/material/support)."""
        live = [o for o in self.scene.objects if o.name not in self._gone
                and (self._room is None or o.room == self._room)]  # a home: the room the clause names
        named = [o for o in live if name_hint and o.name == name_hint]
        if named:
            return named
        if req is None:
            return []
        found = [o for o in live if self._is_a(o.category, req.category)]
        for attr in (req.color, req.material):
            if attr:
                narrowed = [o for o in found if attr.split()[0] in o.material]
                found = narrowed or found
        if req.relation in ("on", "in") and req.target:
            holders = {o.name for o in live if self._is_a(o.category, req.target)}
            narrowed = [o for o in found if o.support in holders]
            found = narrowed or found
        return found

    def _is_a(self, category: str, wanted: str) -> bool:
        want = self.cat.get(wanted).name
        return category == want or want in self.cat.hypernyms(category)

    def _how_many(self, req: ObjectRequest, tokens: list[str], found: list[SceneObject]) -> list[SceneObject]:
        for i, t in enumerate(tokens[:-1]):  # "all the chairs except two" keeps two
            if t in ("except", "but", "leaving", "keep", "keeping") and tokens[i + 1] in V.NUMBERS:
                keep = V.NUMBERS[tokens[i + 1]]
                return found[keep:]
        if set(tokens) & _ALL_WORDS:
            return found
        if req.explicit_count:
            return found[-req.count:] if req.count < len(found) else found
        head = req.source_text.split()
        plural = any(w != singular(w) and singular(w) in req.category.split() for w in head) or req.count > 1
        return found if plural else found[-1:]

    def _object_names(self, tokens: list[str]) -> str:
        """The world name written in ``tokens`` (``floor lamp 0`` → ``floor_lamp_0``), if one exists."""
        text = " ".join(tokens)
        for o in self.scene.objects:
            if o.name.replace("_", " ") in text:
                return o.name
        return ""

    # ----------------------------------------------------------------- add
    def _add(self, clause: Clause) -> list[Step]:
        text = clause.text
        opening = _opening_head(clause.tokens)
        if opening:  # room openings, not objects
            return self._opening(clause, opening)
        if set(clause.tokens) <= {"more", "light", "lights", "lighting", "some", "a", "bit", "little", "lot", "of"}:
            return self._lighting(Clause("lighting", ["more", "light"]))  # "more light"
        reqs = self._requests(text)
        if not reqs:
            if set(clause.tokens) & {"light", "lights", "lighting", "lamp", "lamps"}:
                return self._lighting(Clause("lighting", ["brighter"] + clause.tokens))
            self.notes.append(f"nothing to add in {text!r}" if clause.verb else f"not understood: {text!r}")
            return []
        # "put the lamp next to the bed": the lamp exists and no count was asked for → a move
        if clause.word in ("put", "place", "set up", "stick") and clause.tokens[:1] == ["the"]:
            first = reqs[0]
            if self._matches(ObjectRequest(first.category)) and not first.explicit_count:
                return self._move(clause)
        self._it = None
        self._resolve_pronoun(reqs, clause.tokens)
        steps: list[Step] = []
        for req in reqs:
            if not clause.verb and (not req.known or req.mapped_from):  # no verb and no noun we know
                self.notes.append(f"not understood: {clause.text!r}")
                continue
            steps.extend(self._add_request(req, clause.tokens))
        return steps

    def _resolve_pronoun(self, reqs: list[ObjectRequest], tokens: list[str]) -> None:
        """"... and put a lamp on it": ``it`` is the object the previous clause added."""
        planned = [o for o in self.scene.objects if o.support == "planned"]
        if not planned or not reqs or reqs[0].target is not None:
            return
        for i, t in enumerate(tokens):
            if t in ("it", "them") and i > 0:
                before = tokens[max(0, i - 3):i]
                front = "front" in before
                on = not front and bool(set(before) & {"on", "onto", "atop", "top", "in", "inside"})
                reqs[0].relation = "in_front_of" if front else "on" if on else "next_to"
                reqs[0].target = planned[-1].category
                self._it = planned[-1].name
                return

    def _add_request(self, req: ObjectRequest, tokens: list[str]) -> list[Step]:
        steps: list[Step] = []
        targets: list[str] = []
        if req.target and req.relation in ("on", "in", "next_to", "facing", "around", "in_front_of", "behind",
                                           "at_foot_of", "under", "stacked"):
            targets = [o.name for o in self._matches(ObjectRequest(req.target))]
            if self._it in targets:  # "... on it": that one first
                targets.remove(self._it)
                targets.insert(0, self._it)
            if not targets:  # "a vase on the piano" with no piano: the piano is part of the request
                name = self._new_name(req.target)
                room = self._room_for([])
                self.scene.objects.append(SceneObject(name, self.cat.get(req.target).name, "", "planned", room=room or ""))
                steps.append(Step(_call("add_object", req.target, name=name, **({"room": room} if room else {})),
                                  label=f"add {req.target}"))
                targets = [name]
        walls = [w for w in _COMPASS if w in tokens and w in self.scene.walls]
        if req.wall_hint == "window" or (req.relation in ("against_wall", "on_wall") and "window" in tokens):
            walls = [w for w in self.scene.window_walls if w not in walls] + walls
        above = self._above(tokens)
        cat = self.cat.get(req.category)
        room = self._room_for(targets)
        for _ in range(max(1, req.count)):
            name = self._new_name(req.category)
            # later clauses may refer to it ("a sofa ... and a coffee table in front of it")
            self.scene.objects.append(SceneObject(name, cat.name, req.material or "", "planned", room=room or ""))
            common = {"name": name, "material": req.material, "color": req.color, **({"room": room} if room else {})}
            where: list[dict] = []
            rel = req.relation
            if above is not None and cat.placement == "on_wall":  # "a painting above the bed"
                where = [{"on_wall": above[0], "offset": above[1]}, {"on_wall": above[0]}]
            elif rel in ("on", "in", "stacked"):
                where = [{"on": t} for t in targets] + [{"next_to": t} for t in targets]
            elif rel in ("in_front_of", "at_foot_of", "under"):  # "a rug in front of the sofa"
                where = [{"next_to": t, "side": "front"} for t in targets] + [{"next_to": t} for t in targets]
            elif rel == "behind":
                where = [{"next_to": t, "side": "back"} for t in targets] + [{"next_to": t} for t in targets]
            elif rel == "next_to":
                where = [{"next_to": t} for t in targets]
            elif rel == "around":
                where = [{"around": t} for t in targets]
            elif rel == "facing" and "front of" in req.source_text:  # "a rug in front of the sink"
                where = [{"next_to": t, "side": "front"} for t in targets] + [{"next_to": t} for t in targets]
            elif rel == "facing":
                where = [{"facing": t} for t in targets]
            elif rel in ("corner", "center", "ceiling"):
                where = [{"corner": True} if rel == "corner" else {"center": True} if rel == "center"
                         else {"on_ceiling": True}]
            elif rel in ("against_wall", "on_wall"):
                key = "against_wall" if rel == "against_wall" else "on_wall"
                where = [{key: w} for w in walls + [w for w in self.scene.walls if w not in walls]]
            elif walls:
                where = [{"against_wall": w} for w in walls]
            where.append({})  # the category's usual placement
            calls = [_call("add_object", req.category, **common, **w) for w in where]
            if cat.known and cat.size_min != cat.size_max:  # then the smallest of its kind
                calls += [_call("add_object", req.category, **common, size=tuple(cat.size_min), **w)
                          for w in where[:2]]
            calls = list(dict.fromkeys(calls))
            steps.append(_chain(calls, f"add {req.category}"))
        return steps

    def _room_for(self, targets: list[str]) -> str | None:
        """The room an addition goes in: the one named, the first target's, else the home's first."""
        if not self.scene.is_home:
            return None
        if self._room:
            return self._room
        rooms = [o.room for t in targets for o in self.scene.objects if o.name == t and o.room]
        return rooms[0] if rooms else next(iter(self.scene.rooms))

    def _above(self, tokens: list[str]) -> tuple[str, float] | None:
        """For "... above the bed": the wall nearest the bed and where along it the bed is."""
        if "above" not in tokens and "over" not in tokens:
            return None
        i = tokens.index("above") if "above" in tokens else tokens.index("over")
        reqs = self._requests(" ".join(tokens[i + 1:]))
        found = self._matches(reqs[0]) if reqs else []
        found = [o for o in found if o.support != "planned"]
        return nearest_wall(self.scene, found[-1].x, found[-1].y) if found else None

    def _opening(self, clause: Clause, kind: str) -> list[Step]:
        """``add_window`` / ``add_door`` on the wall the clause names, else on each wall in turn."""
        if self.scene.is_home:
            self.notes.append(f"a home's doors and windows come with its floor plan: {clause.text!r} not done")
            return []
        count = next((V.NUMBERS[t] for t in clause.tokens if t in V.NUMBERS and t not in ("a", "an")), 1)
        walls = [w for w in _COMPASS if w in clause.tokens and w in self.scene.walls]
        order = walls + [w for w in self.scene.walls if w not in walls]
        fn = "add_window" if kind == "window" else "add_door"
        steps = []
        for _ in range(max(1, count)):
            calls = [_call(fn, wall=w) for w in order]
            if calls:
                steps.append(_chain(calls, f"add a {kind}"))
        return steps

    def _new_name(self, category: str) -> str:
        """The name ``add_object`` will give the next object of ``category`` (``<category>_<n>``)."""
        base = snake_name(self.cat.get(category).name)
        taken = {o.name for o in self.scene.objects}
        i = self._added.get(base, 0)
        while f"{base}_{i}" in taken:
            i += 1
        self._added[base] = i + 1
        return f"{base}_{i}"

    # ----------------------------------------------------------------- remove
    def _remove(self, clause: Clause) -> list[Step]:
        toks = clause.tokens
        if clause.word in ("clear", "clear off", "empty") or (toks and toks[-1] in ("off",)):
            return self._clear(clause)
        lead = next((i for i, t in enumerate(toks) if t in ("on", "from", "off")), None)
        if lead is not None and set(toks[:lead]) & {"everything", "things", "stuff", "objects", "items", "all"} \
                and not any(r.known for r in self._requests(" ".join(toks[:lead]))):
            return self._clear(Clause("remove", toks[lead + 1:], "clear"))  # "everything on the table"
        steps: list[Step] = []
        holders: set[str] | None = None
        if lead is not None and lead > 0:  # "the laptop off the desk", "the books from the shelf"
            holder_hint = self._object_names(toks[lead + 1:])
            holder_reqs = self._requests(" ".join(toks[lead + 1:]))
            holders = {o.name for o in self._matches(holder_reqs[0] if holder_reqs else None, holder_hint)}
            toks = toks[:lead]
        hint = self._object_names(toks)
        reqs = self._requests(" ".join(toks)) if not hint else [None]
        if not reqs:
            self.notes.append(f"nothing to remove in {clause.text!r}")
        for req in reqs:
            found = self._matches(req, hint)
            if holders is not None:
                found = [o for o in found if o.support in holders]
            if not found:
                what = hint or (req.category if req else clause.text)
                self.notes.append(f"no {what} to remove" + (" there" if holders is not None else ""))
                continue
            chosen = found if req is None else self._how_many(req, toks, found)
            for o in chosen:
                steps.append(Step(_call("remove_object", o.name), label=f"remove {o.name}"))
                self._forget(o.name)
        return steps

    def _clear(self, clause: Clause) -> list[Step]:
        reqs = self._requests(clause.text)
        hint = self._object_names(clause.tokens)
        holders = self._matches(reqs[0] if reqs else None, hint)
        if not reqs and not hint:
            holders = []
        if not holders:
            self.notes.append(f"nothing to clear in {clause.text!r}")
            return []
        holders = self._how_many(reqs[0], clause.tokens, holders) if reqs and not hint else holders
        steps = []
        for h in holders:
            for o in [o for o in self.scene.objects if o.support == h.name and o.name not in self._gone]:
                steps.append(Step(_call("remove_object", o.name), label=f"remove {o.name}"))
                self._forget(o.name)
        if not steps:
            self.notes.append(f"nothing rests on {', '.join(h.name for h in holders)}")
        return steps

    def _forget(self, name: str) -> None:
        self._gone.add(name)
        for o in self.scene.objects:  # what rested on it goes with it
            if o.support == name and o.name not in self._gone:
                self._forget(o.name)

    # ----------------------------------------------------------------- replace
    def _replace(self, clause: Clause) -> list[Step]:
        toks = clause.tokens
        sep = next((i for i, t in enumerate(toks) if t in ("with", "for", "by", "into", "to")), None)
        if clause.word in ("turn", "switch") and set(toks) & {"light", "lights", "lighting", "lamp", "lamps"} \
                and set(toks) & {"up", "down", "off", "on", *_MOODS}:
            return self._lighting(clause)  # "turn the lights down", "switch the lighting to warm"
        if sep is None:
            if clause.word in ("turn", "switch") and set(toks) & set(_MOODS):
                return self._lighting(clause)
            if clause.word in ("turn", "rotate"):
                return self._move(Clause("move", toks, "turn"))
            self.notes.append(f"replace what with what? {clause.text!r}")
            return []
        old_t, new_t = toks[:sep], toks[sep + 1:]
        new_reqs = self._requests(" ".join(new_t))
        old_reqs = self._requests(" ".join(old_t))
        if clause.word in ("change", "turn", "convert", "switch") and not new_reqs:
            # "change the floor to marble", "turn the lights down"
            if (set(new_t + old_t) & set(_MOODS) or "down" in new_t or "up" in new_t) \
                    and not self._finish_words(new_t):  # "change the floor to dark walnut" is a material
                return self._lighting(clause)
            return self._material(Clause("material", toks, clause.word))
        if clause.word == "turn" and new_t[:1] == ["face"] or (clause.word == "turn" and "facing" in toks):
            return self._move(Clause("move", toks, "turn"))
        if not new_reqs:
            self.notes.append(f"not a known object: {' '.join(new_t)!r}")
            return []
        hint = self._object_names(old_t)
        found = self._matches(old_reqs[0] if old_reqs else None, hint)
        if not found:
            self.notes.append(f"no {' '.join(old_t) or 'object'} to replace")
            return []
        chosen = self._how_many(old_reqs[0], old_t, found) if old_reqs and not hint else found
        new = new_reqs[0]
        steps = []
        for o in chosen:
            steps.extend(Step(_call("remove_object", x.name), label=f"remove {x.name}")
                         for x in self.scene.objects if x.support == o.name and x.name not in self._gone)
            steps.append(Step(_call("replace_object", o.name, new.category, material=new.material, color=new.color),
                              label=f"replace {o.name}"))
            self._forget(o.name)
        return steps

    # ----------------------------------------------------------------- move
    def _move(self, clause: Clause) -> list[Step]:
        toks = clause.tokens
        cut = next((i for i, t in enumerate(toks) if i and t in _DESTINATION), len(toks))
        subject_toks, dest = toks[:cut], toks[cut:]
        degrees = next((float(t) for t in toks if re.fullmatch(r"\d+(\.\d+)?", t)), None)
        if degrees is not None and set(toks) & {"degrees", "degree", "deg"}:
            subject_toks = [t for t in subject_toks if t not in ("degrees", "degree", "deg", "by")
                            and not re.fullmatch(r"\d+(\.\d+)?", t)]
        hint = self._object_names(subject_toks)
        subjects = self._requests(" ".join(subject_toks)) if not hint else []
        subject = subjects[0] if subjects else None
        found = self._matches(subject, hint)
        if not found:
            self.notes.append(f"nothing to move in {clause.text!r}")
            return []
        chosen = self._how_many(subject, subject_toks, found) if subject is not None else found
        walls = [w for w in _COMPASS if w in dest and w in self.scene.walls]
        relation, target = None, None
        face = next((i for i, t in enumerate(dest) if t in ("face", "faces", "facing", "towards", "toward")), None)
        if face is not None:  # "turn the armchair to face the tv"
            faced = self._requests(" ".join(dest[face + 1:]))
            relation, target = "facing", (faced[0].category if faced else None)
        elif dest:  # the relation the parser reads for "<subject> <destination>"
            what = subject.category if subject is not None else found[0].category
            reqs = self._requests(" ".join([what] + dest))
            req = next((r for r in reqs if r.category == what), reqs[0] if reqs else None)
            if req is not None:
                relation, target = req.relation, req.target
            others = [r for r in reqs if r.category != what]
            if relation is None and others and dest[0] in ("to", "into", "onto", "over"):
                target = others[0].category  # "move the coffee maker to the island"
                tcat = self.cat.get(target)
                small = self.cat.get(what).placement in ("on_surface", "in_container")
                relation = "on" if small and (tcat.support_surface or tcat.shelves) else "next_to"
        if clause.word in ("rotate", "spin", "turn") and relation != "facing":
            sign = -1.0 if {"clockwise", "right"} & set(dest) and "counterclockwise" not in dest else 1.0
            return [Step(_call("rotate_object", o.name, sign * (degrees or 90.0)),
                         [Step(_call("rotate_object", o.name, -sign * (degrees or 90.0)), label=f"rotate {o.name}")],
                         f"rotate {o.name}") for o in chosen]
        targets = [o.name for o in self._matches(ObjectRequest(target))] if target else []
        placement: list[dict] = []
        if relation in ("on", "in") and targets:
            placement = [{"on": t} for t in targets]
        elif relation == "next_to" and targets:
            placement = [{"next_to": t} for t in targets]
        elif relation in ("facing", "around") and targets:
            placement = [{"facing": t} for t in targets]
        elif relation == "corner" or "corner" in dest:
            placement = [{"corner": True}]
        elif relation == "center" or clause.word in ("center", "centre") or {"middle", "center", "centre"} & set(dest):
            placement = [{"center": True}]
        elif walls or relation in ("against_wall", "on_wall") or "wall" in dest:
            placement = [{"against_wall": w} for w in walls + [w for w in self.scene.walls if w not in walls]]
        elif target and not targets:
            self.notes.append(f"no {target} to move {'towards' if relation == 'facing' else 'next to'}")
            return []
        if not placement:
            self.notes.append(f"where to? {clause.text!r}")
            return []
        steps = []
        for o in chosen:
            calls = [_call("move_object", o.name, **p) for p in placement if o.name not in p.values()]
            if calls:
                steps.append(_chain(calls, f"move {o.name}"))
        return steps

    # ----------------------------------------------------------------- doors and drawers
    def _articulate(self, clause: Clause) -> list[Step]:
        """"open the fridge", "open the wardrobe halfway", "close all the drawers"."""
        toks = [t for t in clause.tokens if t not in V.OPENING_PARTS and t not in ("of", "its", "their")]
        fraction = 0.0 if clause.word in ("close", "shut") else 1.0
        if fraction and set(clause.tokens) & {"halfway", "half", "partly", "partially", "ajar", "slightly", "bit"}:
            fraction = 0.3 if set(clause.tokens) & {"ajar", "slightly", "bit"} else 0.5
        toks = [t for t in toks if t not in ("halfway", "half", "way", "partly", "partially", "ajar", "slightly",
                                             "a", "bit", "fully", "all", "the")] or toks
        hint = self._object_names(clause.tokens)
        reqs = self._requests(" ".join(toks)) if not hint else [None]
        steps: list[Step] = []
        for req in reqs[:1]:
            found = self._matches(req, hint)
            if not found:
                self.notes.append(f"no {req.category if req else hint} to {clause.word}")
                continue
            every = set(clause.tokens) & (_ALL_WORDS | {"drawers", "doors"})
            chosen = found if req is None or every else self._how_many(req, clause.tokens, found)
            for o in chosen:
                steps.append(Step(_call("open_object", o.name, fraction), label=f"{clause.word} {o.name}"))
        if not reqs:
            self.notes.append(f"{clause.word} what? {clause.text!r}")
        return steps

    # ----------------------------------------------------------------- material
    def _material(self, clause: Clause) -> list[Step]:
        toks = [t for t in clause.tokens if t not in ("be", "is", "are", "should", "look", "more", "to", "into")]
        spec = self.parser.parse(" ".join(toks))
        lib_words = self._finish_words(toks)
        steps: list[Step] = []
        surfaces = [s for t, s in _SURFACE_WORDS.items() if t in toks]
        if "floor" in surfaces and "lamp" in toks:
            surfaces.remove("floor")
        for surface in dict.fromkeys(surfaces):
            mat = (spec.floor_material if surface == "floor" else spec.wall_material if surface == "walls" else None)
            color = spec.wall_color if surface == "walls" else None
            color = color or next((t for t in toks if t in self.parser.lib.colors), None)
            finish = mat or lib_words
            if not finish and not color:
                continue
            where = {"room": self._room} if self._room else {}
            steps.append(Step(_call("set_material", surface, finish or color,
                                    color=color if finish and color != finish else None, **where),
                              label=f"material of {surface}"))
        if not surfaces:
            hint = self._object_names(toks)
            reqs = spec.objects if not hint else [None]
            for req in reqs:
                found = self._matches(req, hint)
                if not found:
                    self.notes.append(f"no {req.category if req else hint} to restyle")
                    continue
                chosen = found if req is None else self._how_many(req, toks, found)
                finish = (req.material if req else None) or lib_words
                color = req.color if req else None
                if not finish and not color:
                    self.notes.append(f"which colour or material? {clause.text!r}")
                    continue
                for o in chosen:
                    steps.append(Step(_call("set_material", o.name, finish or color, color=color if finish else None),
                                      label=f"material of {o.name}"))
        if not steps and not self.notes:
            self.notes.append(f"which colour or material? {clause.text!r}")
        return steps

    def _finish_words(self, toks: list[str]) -> str | None:
        """A material or colour named anywhere in ``toks`` (longest library name first)."""
        lib = self.parser.lib
        text = " " + " ".join(toks) + " "
        names = sorted({n for spec in lib.materials.values() for n in (spec.name, *spec.synonyms)} | set(lib.colors),
                       key=len, reverse=True)
        return next((n for n in names if f" {n} " in text), None)

    # ----------------------------------------------------------------- lighting
    def _lighting(self, clause: Clause) -> list[Step]:
        toks = set(clause.tokens) | set(clause.word.split())
        moods = list(dict.fromkeys(_MOODS[t] for t in clause.tokens + clause.word.split() if t in _MOODS))
        if clause.word in ("brighten", "light up", "lighten") or "up" in toks:
            moods = ["bright"] + [m for m in moods if m != "bright"]
        if clause.word in ("dim", "darken") or toks & {"down", "off"}:
            moods = ["dim"] + [m for m in moods if m != "dim"]
        if clause.word == "warm up":
            moods.append("warm")
        if clause.word == "cool down":
            moods.append("cool")
        steps = []
        if "more" in toks and toks & {"light", "lights", "lighting"} or not moods:
            steps.append(Step(_call("add_light", "sphere"), label="add a light"))
        for mood in dict.fromkeys(moods):
            steps.append(Step(_call("set_lighting", mood), [Step(_call("add_light", "sphere"))], f"lighting {mood}"))
        return steps


__all__ = ["Clause", "EditPlanner", "Scene", "SceneObject", "read_scene", "split_instruction"]
