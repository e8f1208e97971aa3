"""Prompt understanding: free text → a structured scene request.

The parser matches the knowledge base's own words (object categories and synonyms, room types,
materials, colours) by longest match over the tokens, reads counts ("two", "12", "a pair of",
"a dozen"), attributes (colour, material, style), relations ("on the counter", "facing a
whiteboard", "in the corner", "full of books"), room size, density and lighting words. Words
that look like a noun but are not known go through :mod:`.embed` (fuzzy spelling first, then
a text embedding), and if still unknown become a generic labelled object.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ...assets.catalog import Catalog, catalog
from ...assets.catalog import singular as _rule_singular
from ...assets.materials import MaterialLibrary, material_library
from . import vocab as V
from .knowledge import RoomKB, room_kb
from .program import ObjectRequest, PromptSpec


@dataclass
class _Item:
    kind: str  # object | room | material | color | surface | count | vague | rel | content | sep | word | pron | verb
    value: object
    start: int
    end: int
    text: str


_SEP_WORDS = {"and", "with", "plus", "featuring", "including", "includes", "has", "have", "having", "while", "where",
              "but", "then", "also", "containing"}
_SURFACES = {"wall": "wall", "walls": "wall", "floor": "floor", "floors": "floor", "flooring": "floor",
             "floorboards": "floor", "ceiling": "ceiling", "ceilings": "ceiling"}
_ADJ_MATERIAL = {"wooden": "oak wood", "wood": "oak wood", "metal": "brushed metal", "metallic": "brushed metal",
                 "plastic": "plastic", "stone": "stone", "tiled": "ceramic tile", "tile": "ceramic tile",
                 "carpeted": "carpet", "hardwood": "oak wood", "parquet": "oak wood", "leather": "leather",
                 "marble": "marble", "glass": "glass", "brick": "brick", "concrete": "concrete", "velvet": "velvet",
                 "wicker": "wicker", "rattan": "wicker", "steel": "steel", "iron": "cast iron", "golden": "brass",
                 "silver": "chrome", "ceramic": "ceramic", "porcelain": "porcelain", "bamboo": "bamboo",
                 "fabric": "fabric", "upholstered": "fabric", "cloth": "fabric", "woolen": "wool", "woollen": "wool",
                 "linen": "linen", "granite": "granite", "chrome": "chrome", "brass": "brass", "copper": "copper"}
_MODAL_NEXT = {"be", "open", "opens", "close", "hold", "fit", "slide", "swing", "also", "not", "easily", "actually",
               "really", "sit", "seat", "store", "move", "roll", "turn", "rotate", "fold", "pull", "see", "reach"}
_MODAL_PREV = {"that", "which", "it", "you", "they", "i", "we", "robot", "robots", "who", "one", "doors", "door"}
_FEATURES = {"door", "doors", "drawer", "drawers", "burner", "burners", "seat", "seats", "seater", "tier", "tiers",
             "shelf", "shelves", "level", "levels", "story", "storey", "panel", "panels", "basin", "person", "people",
             "piece", "leaf", "way", "bowl", "compartment", "compartments", "shelved", "legged", "leg", "legs"}
_ARRANGEMENT = {"row", "rows", "grid", "line", "lines", "column", "columns", "circle", "semicircle", "pairs", "aisles",
                "clusters", "groups"}
_THERE_IS = {"there", "is", "are", "was", "were", "sits", "sit", "stands", "stand", "hangs", "hang", "lies", "lie",
             "rests", "rest", "stood", "sat"}
"""Words between a fronted relation and its subject ("on the desk there is", "in the corner stands")."""
_IN_CONTENT = {"full of", "filled with", "overflowing with", "brimming with", "crammed with"}
"""Content verbs that put the contents inside their owner (the others put them on it)."""
_PRONOUNS = {"it", "them", "this", "that", "these", "those", "one", "top"}


def singular(word: str) -> str:
    """The singular of ``word``: irregular plurals (:data:`.vocab.IRREGULAR_PLURALS`) first, then the
    catalogue's rule."""
    return V.IRREGULAR_PLURALS.get(word) or _rule_singular(word)


def normalize(text: str) -> list[str]:
    """Lowercase, split punctuation off and return the tokens (separators are kept as ``,``)."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"(\d+)\s*x\b", r"\1 ", t)  # "12x desks"
    t = re.sub(r"[\-_/]", " ", t)
    t = re.sub(r"[;:.!?()\[\]{}\"]", " , ", t)
    t = t.replace(",", " , ").replace("&", " and ")
    return [w for w in re.sub(r"[^a-z0-9, ']+", " ", t).split() if w and w != "'"]


class Parser:
    """Turns prompts into :class:`PromptSpec` using the knowledge base."""

    def __init__(self, cat: Catalog | None = None, rooms: RoomKB | None = None, lib: MaterialLibrary | None = None):
        self.cat = cat or catalog()
        self.rooms = rooms or room_kb()
        self.lib = lib or material_library()
        self.phrases: dict[tuple[str, ...], list[tuple[str, object]]] = {}
        for name in self.cat.names():
            self._add(name, "object", self.cat.find(name).name)
        for name in self.rooms.names:
            self._add(name, "room", self.rooms.names[name])
        for spec in self.lib.materials.values():
            for name in (spec.name, *spec.synonyms):
                self._add(name, "material", spec.name)
        for name in self.lib.colors:
            self._add(name, "color", name)
        self._tokens: list[str] = []  # the prompt being parsed
        self.maxlen = max(len(k) for k in self.phrases)
        self.single_words = sorted({w for k, kinds in self.phrases.items() for w in k
                                    if len(w) >= 5 and any(kind in ("object", "room") for kind, _ in kinds)})

    def _add(self, name: str, kind: str, value: object) -> None:
        key = tuple(name.lower().replace("-", " ").split())
        self.phrases.setdefault(key, [])
        if (kind, value) not in self.phrases[key]:
            self.phrases[key].append((kind, value))

    # ------------------------------------------------------------------ scanning
    def _lookup(self, words: list[str]) -> list[tuple[str, object]] | None:
        key = tuple(words)
        if key in self.phrases:
            return self.phrases[key]
        sing = tuple(words[:-1]) + (singular(words[-1]),)
        return self.phrases.get(sing)

    def _fix_typo(self, word: str) -> str:
        if len(word) < 5 or word in V.STOP or word in V.NUMBERS or word in V.VAGUE or word in V.PART_WORDS \
                or word in V.SCENE_WORDS or word in self.lib.colors:
            return word
        if self._lookup([word]) or word in _SURFACES or word in _ADJ_MATERIAL or word in V.LIGHT_WORDS \
                or not self._concrete(word):
            return word  # only a misspelt noun is corrected ("hunting" is not "bunting")
        if word in V.BUILDING_PARTS or word in V.BUILDING_WORDS or word in V.COMPOUND_MODIFIERS \
                or word in V.IRREGULAR_PLURALS:
            return word
        # a typo keeps the first letter ("issues" is no misspelt "tissues")
        pool = [w for w in self.single_words if w[0] == word[0]]
        match = difflib.get_close_matches(word, pool, n=1, cutoff=0.84)
        if not match:
            match = difflib.get_close_matches(singular(word), pool, n=1, cutoff=0.84)
        return match[0] if match else word

    def _scan(self, tokens: list[str]) -> list[_Item]:
        items: list[_Item] = []
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            if tok == ",":
                items.append(_Item("sep", ",", i, i + 1, tok))
                i += 1
                continue
            # relation and content phrases (multi-word first)
            hit = None
            for phrase in V.CONTENT_VERBS:
                ws = phrase.split()
                if tokens[i:i + len(ws)] == ws and phrase != "with":
                    hit = _Item("content", phrase, i, i + len(ws), phrase)
                    break
            if hit is None:
                for phrase, kind in V.RELATIONS:
                    ws = phrase.split()
                    if tokens[i:i + len(ws)] == ws:
                        hit = _Item("rel", kind, i, i + len(ws), phrase)
                        break
            if tok in ("in", "into") and any(t in _ARRANGEMENT for t in tokens[i + 1:i + 4]):
                items.append(_Item("word", tok, i, i + 1, tok))  # "in rows", "in a grid": not a place
                i += 1
                continue
            if hit is not None and hit.text == "over" and not (i + 1 < n and (tokens[i + 1] in V.ARTICLES
                                                                            or tokens[i + 1] in ("it", "them"))):
                hit = None  # "over 100 boxes"
            if hit is not None and not (hit.value == "at" and i + 1 < n and tokens[i + 1] not in V.ARTICLES):
                items.append(hit)
                i = hit.end
                continue
            if tok == "can" and ((i + 1 < n and tokens[i + 1] in _MODAL_NEXT) or
                                 (i > 0 and tokens[i - 1] in _MODAL_PREV)):
                items.append(_Item("word", "can", i, i + 1, tok))  # "a fridge that can be opened"
                i += 1
                continue
            if tok in ("light", "lights", "lighting") and i > 0 and tokens[i - 1] in V.AMBIENT_LIGHT:
                items.append(_Item("word", tok, i, i + 1, tok))  # "natural light" is no lamp
                i += 1
                continue
            if self._verb_here(tokens, i, items):
                verb_rel = V.NOUN_VERBS[tok]
                items.append(_Item("rel", verb_rel, i, i + 1, tok) if verb_rel else _Item("verb", tok, i, i + 1, tok))
                i += 1
                continue
            # knowledge-base phrases, longest first
            found = None
            for length in range(min(self.maxlen, n - i), 0, -1):
                span = tokens[i:i + length]
                if "," in span:
                    continue
                kinds = self._lookup(span)
                if kinds:
                    found = (length, kinds)
                    break
            if found:
                length, kinds = found
                text = " ".join(tokens[i:i + length])
                for kind, value in kinds:
                    items.append(_Item(kind, value, i, i + length, text))
                i += length
                continue
            if tok == "of" and items and items[-1].kind == "object" and items[-1].end == i and \
                    self.cat.get(str(items[-1].value)).container:
                items.append(_Item("content", "full of", i, i + 1, tok))  # "a basket of clothes"
            elif tok.isdigit():
                items.append(_Item("count", min(int(tok), 500), i, i + 1, tok))
            elif tok in V.NUMBERS and tok not in ("a", "an"):
                val = V.NUMBERS[tok]
                if tok in V.TENS and i + 1 < n and tokens[i + 1] in V.UNITS:
                    val += V.NUMBERS[tokens[i + 1]]
                    items.append(_Item("count", val, i, i + 2, f"{tok} {tokens[i + 1]}"))
                    i += 2
                    continue
                if tok == "dozen" and items and items[-1].kind in ("count", "vague") and items[-1].end == i:
                    items[-1].value = int(items[-1].value) * 12  # "two dozen"; "several dozen" stays vague
                    items[-1].end = i + 1
                    i += 1
                    continue
                if tok == "dozen" and tokens[max(0, i - 2):i] == ["half", "a"] and items and items[-1].text == "half":
                    items[-1] = _Item("count", 6, i - 2, i + 1, "half a dozen")
                    i += 1
                    continue
                items.append(_Item("count", val, i, i + 1, tok))
            elif tok in ("a", "an") and i + 1 < n and tokens[i + 1] in ("pair", "couple", "dozen"):
                pass
            elif tok in V.VAGUE:
                items.append(_Item("vague", V.VAGUE[tok], i, i + 1, tok))
            elif tok in _SURFACES:
                items.append(_Item("surface", _SURFACES[tok], i, i + 1, tok))
            elif tok in _ADJ_MATERIAL:
                items.append(_Item("material", _ADJ_MATERIAL[tok], i, i + 1, tok))
            elif tok in _PRONOUNS:
                items.append(_Item("pron", tok, i, i + 1, tok))
            elif tok in V.PART_WORDS:
                items.append(_Item("part", tok, i, i + 1, tok))
            elif tok in _SEP_WORDS:
                items.append(_Item("sep", tok, i, i + 1, tok))
            else:
                items.append(_Item("word", tok, i, i + 1, tok))
            i += 1
        return items

    def _verb_here(self, tokens: list[str], i: int, items: list[_Item]) -> bool:
        """Whether ``tokens[i]``, a word that is also a noun ("frame", "lines", "tops"), is a verb here:
        it follows a noun (not a determiner) and comes before a determiner, number or preposition."""
        if tokens[i] not in V.NOUN_VERBS or not items or i + 1 >= len(tokens) or i == 0:
            return False
        prev = items[-1]
        if prev.end != i or not (prev.kind == "object" or prev.kind == "word" and self._concrete(prev.text)):
            return False
        nxt = tokens[i + 1]
        return nxt in V.ARTICLES or nxt in V.NUMBERS or nxt.isdigit() or nxt in ("each", "every", "both", "all") \
            or nxt in ("in", "on", "at", "along", "against", "beside", "near", "next", "under", "behind", "by") \
            or nxt in V.POSITION_WORDS  # "twin beds stand side by side"

    # ------------------------------------------------------------------ parsing
    def parse(self, text: str) -> PromptSpec:
        """Parse a prompt."""
        spec = PromptSpec(text=text)
        raw = normalize(text)
        tokens = self._rephrase([self._fix_typo(t) if t != "," else t for t in raw])
        self._tokens = tokens
        joined = " ".join(tokens)
        self._global_words(tokens, joined, spec)
        items = self._scan(tokens)
        items = self._resolve_ambiguity(items)
        self._room(items, spec)
        self._objects(items, tokens, spec)
        return spec

    def _rephrase(self, tokens: list[str]) -> list[str]:
        """Say a few constructions the way the clause reader understands them.

        "nightstands on either side of the bed" → "nightstands next to the bed"; "... on each
        side" → "next to it"; "a table surrounded by 8 chairs" → "a table , 8 chairs around it".
        """
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            t = tokens[i]
            w = tokens[i:i + 4]
            if len(w) >= 3 and w[0] in ("on", "at", "to") and w[1] in ("either", "each", "both", "two") \
                    and w[2] in ("side", "sides") and self._object_from(tokens, i + 2) is None:  # not "side table"
                for k in range(len(out) - 1, max(-1, len(out) - 5), -1):  # "a nightstand on each side": two
                    if out[k] in ("a", "an", "one"):
                        out[k] = "two"
                        break
                    if out[k] in (",", "and", "with"):
                        break
                if len(w) == 4 and w[3] == "of":
                    out += ["next", "to"]
                    i += 4
                else:
                    out += ["next", "to", "it"]
                    i += 3
                continue
            if (t in V.NUMBERS or t.isdigit()) and t not in ("a", "an", "one") and i + 2 < n \
                    and tokens[i + 1] in _FEATURES and self._object_from(tokens, i + 2) is not None:
                i += 2  # "a double-door fridge", "a two burner stove", "a 4 drawer dresser": one of them
                continue
            each = self._each_with(tokens, i, out)
            if each is not None:
                extra, i = each
                out += extra
                continue
            if t == "between" and i + 1 < n and tokens[i + 1] in ("two", "2", "both", "twin", "a") \
                    and self._object_at(out, len(out)):
                j = i + 1  # "a bed between two nightstands": the nightstands stand next to the bed
                while j < n and tokens[j] not in (",", "and", "with"):
                    j += 1
                count = ["two"] if tokens[i + 1] in ("both", "a") else [tokens[i + 1]]
                body = tokens[i + 2:j] if tokens[i + 1] != "a" or tokens[i + 2:i + 3] != ["pair"] else tokens[i + 4:j]
                out += [","] + count + body + ["next", "to", "it"]
                i = j
                continue
            if t in ("surrounded", "encircled", "ringed", "flanked") and i + 1 < n and tokens[i + 1] == "by":
                j = i + 2
                while j < n and tokens[j] not in (",", "and", "with", "in", "on", "next", "facing", "near"):
                    j += 1
                out += [","] + tokens[i + 2:j] + (["next", "to", "it"] if t == "flanked" else ["around", "it"])
                i = j
                continue
            out.append(t)
            i += 1
        return out

    def _object_at(self, tokens: list[str], end: int) -> list[str]:
        """The longest knowledge-base object phrase ending just before ``end`` (empty if none)."""
        for length in range(min(self.maxlen, end), 0, -1):
            span = tokens[end - length:end]
            if "," not in span and any(k == "object" for k, _ in (self._lookup(span) or [])):
                return span
        return []

    def _object_from(self, tokens: list[str], start: int) -> str | None:
        """The category of the longest knowledge-base object phrase starting at ``start`` (None if none)."""
        for length in range(min(self.maxlen, len(tokens) - start), 0, -1):
            for kind, value in self._lookup(tokens[start:start + length]) or []:
                if kind == "object" and "," not in tokens[start:start + length]:
                    return str(value)
        return None

    def _each_with(self, tokens: list[str], i: int, out: list[str]) -> tuple[list[str], int] | None:
        """ "six desks, each with a monitor and a chair" / "each desk has a lamp": one per desk.

        Returns the tokens that say it as relations ("a monitor on each desk , a chair next to each
        desk") and the index after the construction, or None when ``i`` does not start one.
        """
        n = len(tokens)
        if tokens[i] != "each" or i + 1 >= n:
            return None
        if tokens[i + 1] in ("with", "has", "have", "having", "holds", "hold", "holding", "gets", "get", "carries",
                             "carry"):  # "X, each with Y", "four tables each have four chairs"
            j = len(out) - 1
            while j >= 0 and out[j] == ",":
                j -= 1
            owner = self._object_at(out, j + 1)
            for back in range(j, max(-1, j - 10), -1):  # "eight desks are grouped in two rows of four, each with"
                if owner:
                    break
                owner = self._object_at(out, back)
            start = i + 2
        else:  # "each X with Y"
            k = next((k for k in range(i + 1, min(n, i + 1 + self.maxlen))
                      if tokens[k] in ("with", "has", "having", "gets", "holds")), None)
            if k is None:
                return None
            owner = tokens[i + 1:k]
            if not any(kind == "object" for kind, _ in (self._lookup(owner) or [])):
                return None
            start = k + 1
        if not owner:
            return None
        owner = owner[:-1] + [singular(owner[-1])]
        end = start
        closed = False  # the list goes on over commas until its "and" ("each with a monitor, a keyboard and a chair")
        while end < n:
            if tokens[end] == ",":
                nxt = tokens[end + 1] if end + 1 < n else ""
                if closed or not (nxt in V.ARTICLES or nxt in V.NUMBERS or nxt.isdigit()):
                    break
            closed = closed or tokens[end] == "and"
            end += 1
        parts: list[list[str]] = [[]]
        for t in tokens[start:end]:
            if t in ("and", ","):
                parts.append([])
            else:
                parts[-1].append(t)
        said: list[str] = [","]
        for part in (p for p in parts if p):
            cat = next((c for a in range(len(part)) if (c := self._object_from(part, a)) is not None), None)
            small = cat is not None and self.cat.get(cat).placement in ("on_surface", "in_container")
            owner_cat = self._object_from(owner, 0)
            seat = cat is not None and not small and ("chair" in cat or "stool" in cat) and owner_cat is not None \
                and "table" in owner_cat
            said += part + (["on", "each"] if small else ["around", "each"] if seat else ["next", "to", "each"]) \
                + owner + [","]
        return said, end

    def _global_words(self, tokens: list[str], joined: str, spec: PromptSpec) -> None:
        for tok in tokens:
            if tok in V.SIZE_WORDS and spec.size_scale == 1.0:
                spec.size_scale = V.SIZE_WORDS[tok]
            if tok in V.STYLES and (spec.style is None or spec.style == "cozy"):
                spec.style = V.STYLES[tok]  # a named style beats "cozy", which is also a size word
            if tok in V.DENSE_WORDS:
                spec.density = "dense"
            elif tok in V.SPARSE_WORDS and spec.density != "dense":
                spec.density = "sparse"
            mood = V.LIGHT_WORDS.get(tok)
            if mood and mood not in spec.lighting:
                spec.lighting.append(mood)
        for style in (w for w in V.STYLES if " " in w or "-" in w):  # "mid century", "art deco"
            if style in joined:
                spec.style = V.STYLES[style]
        if "low light" in joined or "low lighting" in joined or "lights off" in joined:
            spec.lighting.append("dim")
        if "well lit" in joined or "lots of light" in joined or "natural light" in joined:
            spec.lighting.append("bright")
        if re.search(r"\b(single|one|a lone|only one) (lamp|light|bulb)\b", joined):
            spec.single_light = True
        if "full of" in joined and spec.density == "dense" and "densely" not in joined and "packed" not in joined:
            spec.density = "normal"  # "a shelf full of books" is about the shelf
        spec.lighting = list(dict.fromkeys(spec.lighting))

    def _resolve_ambiguity(self, items: list[_Item]) -> list[_Item]:
        """Keep one reading per span: a word that is an object and an attribute is an attribute
        when another object follows it directly ("glass coffee table", "orange sofa")."""
        out: list[_Item] = []
        spans: dict[tuple[int, int], list[_Item]] = {}
        for it in items:
            spans.setdefault((it.start, it.end), []).append(it)
        ordered = sorted(spans.items())
        for k, ((_start, _end), group) in enumerate(ordered):
            if len(group) == 1:
                out.append(group[0])
                continue
            kinds = {g.kind: g for g in group}
            nxt = ordered[k + 1][1] if k + 1 < len(ordered) else []
            next_is_noun = any(g.kind in ("object", "surface", "room") for g in nxt) or \
                (nxt and nxt[0].kind == "word" and self._concrete(nxt[0].text))
            first_noun = not any(o.kind in ("object", "room") for o in out)
            if next_is_noun and ("material" in kinds or "color" in kinds):
                out.append(kinds.get("material") or kinds["color"])
            elif "room" in kinds and first_noun and not next_is_noun:
                out.append(kinds["room"])  # the prompt's subject is the room: "a bar with six stools"
            elif "object" in kinds:
                out.append(kinds["object"])
            elif "room" in kinds:
                out.append(kinds["room"])
            else:
                out.append(group[0])
        return out

    def _room(self, items: list[_Item], spec: PromptSpec) -> None:
        rooms = [it for it in items if it.kind == "room"]
        if rooms:
            spec.room_type = str(rooms[0].value)
            spec.room_words = rooms[0].text

    def _objects(self, items: list[_Item], tokens: list[str], spec: PromptSpec) -> None:
        clauses: list[list[_Item]] = [[]]
        seps: list[str] = [""]
        for it in items:
            if it.kind == "sep":
                if clauses[-1]:
                    clauses.append([])
                    seps.append(str(it.value))
                else:
                    seps[-1] = seps[-1] or str(it.value)
                continue
            clauses[-1].append(it)
            if it.kind == "content":  # "a bookshelf full of | books": what follows is the contents
                clauses.append([])
                seps.append("content")
        owner: ObjectRequest | None = None  # container or support whose contents are being listed
        owner_kind = "on"
        with_owner: ObjectRequest | None = None  # "a table with a bowl, ... and a knife"
        last_head: ObjectRequest | None = None
        fronted: list[_Item] = []  # a relation said before its subjects ("on the counter there is ...")
        dropped = False  # the last clause named no object
        pending: list[ObjectRequest] = []  # small things listed with no place yet
        last_big: ObjectRequest | None = None  # the last piece of furniture named
        listed: list[ObjectRequest] = []  # the things of the list being read ("armchairs and side tables")
        for clause, sep in zip(clauses, seps, strict=True):
            if not clause:
                continue
            if self._of_each(clause, listed):  # "..., two of each": that many of every thing listed
                continue
            parts = [it for it in clause if it.kind == "part"]
            if parts and last_head is not None and not any(it.kind == "object" for it in clause):
                if any(str(p.value) in V.OPENING_PARTS for p in parts):
                    last_head.articulated = True
                continue
            k = self._fronted_at(clause)
            if k is not None:  # "on the countertop there is a coffee maker, a toaster, ...": each is on it
                fronted, clause = clause[:k], [it for it in clause[k:] if it.text not in _THERE_IS]
            elif fronted and (sep not in (",", "and") or any(it.kind == "rel" for it in clause)
                              or any(it.kind in ("word", "verb") and it.text in V.POSITION_VERBS for it in clause)):
                fronted = []
            if dropped and sep == "and" and all(it.kind == "object" for it in clause):
                continue  # "space to walk between the shelves and tables": more of the same place
            req, rel_items, content = self._clause(clause, spec, tokens)
            dropped = req is None
            if req is not None and not rel_items and fronted:
                rel_items = fronted
                req.source_text = f"{' '.join(it.text for it in fronted)} {req.source_text}"
            if req is None:
                if content is not None and last_head is not None:
                    owner, owner_kind = last_head, "in" if content in _IN_CONTENT else "on"
                continue
            explicit_rel = bool(rel_items)
            small = self.cat.get(req.category).placement in ("on_surface", "in_container")
            if sep == "with" and last_head is not None:
                owner_cat = self.cat.get(last_head.category)
                with_owner = last_head if (owner_cat.support_surface or owner_cat.shelves) else None
            elif not small:
                with_owner = None
            verb_before_rel = explicit_rel and any(
                it.kind in ("word", "verb") and it.text in V.POSITION_VERBS and it.end <= rel_items[0].start
                for it in clause)
            if explicit_rel and sep == "content" and owner is not None and verb_before_rel and small:
                # "a toy box overflowing with toys sits at the foot of the bed": the box sits there
                self._relation(owner, rel_items, spec, None)
                req.relation, req.target = owner_kind, owner.category
                req.source_text = " ".join(it.text for it in clause if it.end <= rel_items[0].start)
                owner = None
            elif explicit_rel:  # "an office chair in front of it": "it" is the last piece of furniture
                self._relation(req, rel_items, spec, last_big if not small and last_big is not None else last_head)
                owner = None
            elif owner is not None and sep in ("and", ",", "with", "containing", "", "content"):
                if small:
                    req.relation, req.target = owner_kind, owner.category
                    if not req.explicit_count and clause[0].text not in ("a", "an"):  # "a keyboard" is one
                        req.count = 8 if owner_kind == "in" and self.cat.get(owner.category).shelves else 6
            elif sep == "with" and last_head is not None:
                owner_cat = self.cat.get(last_head.category)
                if small and (owner_cat.support_surface or owner_cat.container or owner_cat.shelves):
                    req.relation, req.target = "on", last_head.category
                elif owner_cat.name == f"{req.category} stand":  # "a tv stand with a tv": the tv is on it
                    req.relation, req.target = "on", last_head.category
                elif not small and not req.explicit_count and req.count > 1 and last_head.explicit_count \
                        and last_head.count > 1 and self.cat.get(req.category).placement == "floor":
                    # "twenty-four student desks with chairs": a chair at each desk
                    seat = "chair" in req.category or "stool" in req.category
                    around = seat and "table" in last_head.category
                    req.count, req.each, req.target = 2 if around else 1, True, last_head.category
                    req.relation = "around" if around else "next_to"
            elif small and with_owner is not None:
                req.relation, req.target = "on", with_owner.category
            if content is not None:
                owner, owner_kind = req, "in" if content in _IN_CONTENT else "on"
            self._clause_quantities(req, clause, last_head, small)
            if explicit_rel and small and req.relation in ("on", "in") and req.target:
                for earlier in pending:  # "a kettle, two mugs and a toaster on the counter": all on it
                    earlier.relation, earlier.target = req.relation, req.target
                pending = []
            elif small and req.relation is None and sep in (",", "and", "with", ""):
                pending.append(req)
            else:
                pending = []
            spec.objects.append(req)
            listed = [*listed, req] if sep in (",", "and") else [req]
            if not small:
                last_big = req
            self._set_for(req, clause, spec)
            if not (small and with_owner is not None):
                last_head = req
        self._each_totals(spec)
        self._room_for_people(items, spec)

    @staticmethod
    def _of_each(clause: list[_Item], listed: list[ObjectRequest]) -> bool:
        """ "armchairs and side tables, two of each" (or "two of them each", "three each"): the
        number is the exact count of every thing of the list just read. True when the clause said it."""
        texts = [it.text for it in clause]
        if not listed or clause[0].kind != "count" or any(it.kind == "object" for it in clause):
            return False
        if texts[1:] not in (["of", "each"], ["of", "both"], ["of", "them", "each"], ["each"], ["of", "every", "kind"]):
            return False
        for req in listed:
            if not req.explicit_count:
                req.count, req.explicit_count = int(clause[0].value), True
                req.source_text = f"{req.source_text}, {' '.join(texts)}"
        return True

    def _room_for_people(self, items: list[_Item], spec: PromptSpec) -> None:
        """ "a conference room for ten people", "a classroom for 20 students", "a dining room with
        seating for 12": the room seats that many. The room type's main seats (the seating set around its table or in rows) get that
        exact count, and so does what is set out in rows with them (a classroom's desks), unless
        the prompt counted them itself."""
        if spec.room_type is None or self.rooms.find(spec.room_type) is None:
            return
        laid = False
        for k, it in enumerate(items[:-3]):  # "a dining room set for eight": the room's table is laid
            if it.kind == "room" and items[k + 1].text in ("set", "laid") and items[k + 2].text == "for":
                items = items[:k + 1] + items[k + 2:]
                laid = True
                break
        for k, it in enumerate(items[:-2]):
            if not (it.kind == "room" or it.text in ("seating", "seats", "room")) or items[k + 1].text != "for" \
                    or items[k + 2].kind != "count":  # "a conference room for ten", "with seating for 12"
                continue
            after = items[k + 3] if k + 3 < len(items) else None
            if after is not None and after.kind == "object":
                return  # "a kennel for ten dogs": the dogs are things, not the room's seats
            if after is not None and after.kind not in ("sep",) and after.text not in V.PEOPLE_WORDS:
                return
            n = int(items[k + 2].value)
            words = " ".join(x.text for x in items[k:k + 3 + (after is not None and after.text in V.PEOPLE_WORDS)])
            room = self.rooms.get(spec.room_type)
            seats = [o for o in room.objects if self.cat.has_role(o.category, "seating") and o.count[0] >= 1
                     and (o.placement == "rows" or o.placement.startswith("around:"))]
            if not seats or n < 1:
                return
            seat = max(seats, key=lambda o: o.count[1])
            kinds = [seat] + ([o for o in room.objects if o.placement == "rows" and o is not seat
                               and not self.cat.has_role(o.category, "seating")] if seat.placement == "rows" else [])
            for obj in kinds:
                name = self.cat.get(obj.category).name
                if any(self.cat.get(r.category).name == name and r.explicit_count for r in spec.objects):
                    continue
                spec.objects = [r for r in spec.objects if self.cat.get(r.category).name != name]
                rel, target = (("around", obj.placement.split(":", 1)[1]) if obj.placement.startswith("around:")
                               else ("rows", None))
                spec.objects.append(ObjectRequest(category=name, count=n, explicit_count=True, relation=rel,
                                                  target=target, source_text=words))
                if laid and target and obj is seat:  # a place setting at each seat
                    for thing in V.PLACE_SETTING:
                        found = self.cat.find(thing)
                        if found is not None and not any(r.category == found.name for r in spec.objects):
                            spec.objects.append(ObjectRequest(category=found.name, count=n, explicit_count=True,
                                                              quantity="exact", relation="on", target=target,
                                                              source_text=words))
            return

    @staticmethod
    def _fronted_at(clause: list[_Item]) -> int | None:
        """Where the subject starts in a clause that opens with its relation ("on the countertop there
        is a kettle", "in the corner stands a lamp"): the index of "there"/"is"/"stands" after the
        relation's target, when an object follows it; else None."""
        if not clause or clause[0].kind != "rel":
            return None
        first = next((k for k, it in enumerate(clause) if it.kind in ("object", "surface", "word")
                      and it.text not in V.ARTICLES and it.text not in _THERE_IS), None)
        if first is None:
            return None
        for k in range(first + 1, len(clause)):
            it = clause[k]
            if it.kind in ("word", "verb") and (it.text in _THERE_IS or it.text in V.POSITION_VERBS):
                return k if any(o.kind == "object" for o in clause[k + 1:]) else None
            if it.kind == "rel":
                return None
        return None

    def _clause_quantities(self, req: ObjectRequest, clause: list[_Item], last_head: ObjectRequest | None,
                           small: bool) -> None:
        """Arrangement words of a clause: "two chairs each" (one set per target), "stacked boxes" /
        "a stack of plates" (relation ``stacked``), "rows of desks" / "desks in rows" (``rows``)."""
        texts = [it.text for it in clause]
        if req.relation is None and last_head is not None and last_head is not req and \
                (set(texts) & V.EACH_WORDS) and req.category != last_head.category:
            req.each, req.target = True, last_head.category  # "three tables with two chairs each"
            seat = self.cat.get(req.category).placement == "floor" and "chair" in req.category or "stool" in req.category
            table = self.cat.get(last_head.category).support_surface
            req.relation = "on" if small else "around" if seat and table else "next_to"
        if req.relation is None and set(texts) & V.STACK_WORDS:
            req.relation = "stacked"
        if req.relation is None and set(texts) & V.ROW_WORDS:
            req.relation = "rows"

    def _set_for(self, req: ObjectRequest, clause: list[_Item], spec: PromptSpec) -> None:
        """ "a dining table set for 12 (people)", "a table for six", "a table that seats 8": that many
        chairs around the table and, when it is set, a place setting per seat on it (exact counts)."""
        if not self.cat.get(req.category).support_surface:
            return
        texts = [it.text for it in clause]
        n = None
        for k, it in enumerate(clause):
            if it.kind != "count" or k == 0:
                continue
            prev = texts[k - 1]
            after = texts[k + 1] if k + 1 < len(texts) else ""
            if prev in ("for", "seats", "seating", "seat") or (prev == "to" and after in V.SET_FOR_PEOPLE):
                n = int(it.value)
                break
        if n is None or n < 1:
            return
        k0 = texts.index(next(t for t in texts if t in ("set", "laid", "for", "seats", "seating", "seat")))
        # the words they come from: the table's phrase with its setting ("a dining table set for 12 people")
        source = f"{req.source_text} {' '.join(texts[k0:])}".strip() if " ".join(texts[k0:]) not in req.source_text \
            else req.source_text
        laid = bool({"set", "laid", "places", "settings", "setting"} & set(texts)) or "set" in req.source_text.split()
        seat = "dining chair" if self.cat.find("dining chair") is not None and "dining" in req.category else "chair"
        tables = max(1, req.count)  # "five tables for two": two at each of the five
        per = {"each": tables > 1, "target_count": tables}
        if not any(o.target == req.category and o.relation == "around" for o in spec.objects):
            spec.objects.append(ObjectRequest(category=seat, count=n * tables, explicit_count=True, quantity="exact",
                                              relation="around", target=req.category, source_text=source, **per))
        if laid:
            for thing in V.PLACE_SETTING:
                found = self.cat.find(thing)
                if found is not None:
                    spec.objects.append(ObjectRequest(category=found.name, count=n * tables, explicit_count=True,
                                                      quantity="exact", relation="on", target=req.category,
                                                      source_text=source, **per))

    def _each_totals(self, spec: PromptSpec) -> None:
        """One set per target: ``count`` becomes the total and ``target_count`` the number of targets
        when the prompt said how many targets there are ("three tables with two chairs each": six
        chairs, target_count 3, so two per table). One thing per counted target ("four desks, each
        with a monitor") is a count as exact as the targets'."""
        for req in spec.objects:
            if not (req.each and req.target) or req.target_count > 1:  # a total already ("five tables for two")
                continue
            holders = [o for o in spec.objects if o is not req and o.category == req.target and o.explicit_count]
            if holders:
                n = sum(o.count for o in holders)
                if req.count == 1 and not req.explicit_count and req.source_text.split()[:1] in (["a"], ["an"]):
                    req.explicit_count = all(o.to_quantity() == "exact" for o in holders)
                req.target_count = n
                req.count = req.count * n

    def _clause(self, clause: list[_Item], spec: PromptSpec, tokens: list[str]):
        """Read one clause: [count] [attributes] head-noun [relation target] [content-verb]."""
        head_idx = None
        rel_at = None
        content = None
        of_head = False  # "posters of planets": the posters are the thing, the planets their subject
        for k, it in enumerate(clause):
            if it.kind in ("rel",) and rel_at is None and head_idx is not None:
                rel_at = k
                break
            if it.kind == "content":
                content = str(it.value)
                break
            if it.kind == "object" and not of_head:
                head_idx = k
                of_head = k + 1 < len(clause) and clause[k + 1].kind == "word" and clause[k + 1].text == "of"
        first_rel = next((k for k, it in enumerate(clause) if it.kind == "rel"), None)
        if head_idx is not None and first_rel is not None and first_rel < head_idx \
                and not any(it.kind == "object" for it in clause[:first_rel]):
            phrase = self._noun_phrase([it for it in clause[:first_rel] if it.kind in ("word", "color")])
            if phrase and not any(it.kind in ("surface", "room") for it in clause[:first_rel]):
                # "a cat on the rug": the unknown noun is the thing, the rug its target
                pre = [it for it in clause[:first_rel] if it.end <= phrase[0].start]
                req = self._unknown(phrase, pre, spec)
                if req is not None:
                    req.source_text = " ".join(it.text for it in clause)
                    return req, clause[first_rel:], None
        if head_idx is not None and first_rel is not None and 0 < first_rel < head_idx \
                and not any(it.kind in ("object", "surface", "room") for it in clause[:first_rel]) \
                and any(it.kind in ("word", "vague") and it.text not in V.ARTICLES for it in clause[:first_rel]):
            return None, [], content  # "space to walk between the shelves": the shelves are a place here
        before = clause[:head_idx] if head_idx is not None else clause[: rel_at if rel_at is not None else len(clause)]
        if head_idx is None:
            # a clause about the room: surfaces, materials, colours ("painted in pale blue", "brick walls")
            self._surface_clause(clause, spec)
            words = [it for it in before if it.kind in ("word", "color")]
            phrase = self._noun_phrase(words)
            if phrase and self._predicate(tokens, phrase[0].start):
                phrase = []  # "the room is calm", "the air is warm, humid": a predicate, not a thing
            if phrase and not any(it.kind in ("surface", "room") for it in clause):
                req = self._unknown(phrase, [it for it in before if it.end <= phrase[0].start], spec)
                if req is not None:
                    req.source_text = " ".join(it.text for it in before)
                return req, [], content
            return None, [], content
        head = clause[head_idx]
        mod = clause[head_idx - 1] if head_idx > 0 else None
        if mod is not None and mod.kind == "word" and mod.text in V.COMPOUND_MODIFIERS and mod.end == head.start:
            # "a watering can" is no can: the compound the catalogue does not know, kept whole
            req = self._unknown([mod, head], clause[:head_idx - 1], spec)
            if req is not None:
                req.source_text = " ".join(it.text for it in clause)
                before = clause[:head_idx - 1]
        else:
            req = None
        if req is None:
            req = ObjectRequest(category=str(head.value), source_text=" ".join(it.text for it in clause))
            plural = tokens[head.end - 1] != singular(tokens[head.end - 1]) or tokens[head.end - 1].endswith("s") \
                and tokens[head.end - 1] not in ("glass", "dress", "bus")
            self._attributes(req, before, plural)
        rest = clause[head_idx + 1:]
        rels = []
        for k, it in enumerate(rest):
            if it.kind == "rel":
                rels = rest[k:]
                break
            if it.kind == "content":
                content = str(it.value)
                break
        joined = " ".join(it.text for it in rest)
        if any(p in joined for p in V.ARTICULATION_PHRASES) or re.search(r"\b(open|opens|opened)\b", joined):
            req.articulated = True
        return req, rels, content

    def _predicate(self, tokens: list[str], start: int) -> bool:
        """Whether the word at ``start`` follows a copula over other adjectives ("is warm, humid")."""
        k = start - 1
        while k >= 0 and start - k <= 6:
            t = tokens[k]
            if t in V.COPULAS:
                return True
            if t not in (",", "and", "or") and (self._concrete(t) or self._lookup([t])):
                return False
            k -= 1
        return False

    @staticmethod
    def _concrete(word: str) -> bool:
        """Whether an unknown word can name a thing: not a stop word, number, adjective, adverb, verb
        form or abstract noun (by the word lists in :mod:`.vocab` and the suffixes of those forms)."""
        w = word.lower()
        if len(w) < 3 or not w.isalpha() or w in V.STOP or w in V.NUMBERS or w in V.VAGUE or w in V.NON_OBJECTS \
                or w in V.SIZE_WORDS or w in V.STYLES or w in V.LIGHT_WORDS or w in V.DENSE_WORDS \
                or w in V.SPARSE_WORDS or w in V.SCENE_WORDS or w in _ADJ_MATERIAL or w in V.AMBIENT_LIGHT:
            return False
        if w in V.CONCRETE_EXCEPTIONS or singular(w) in V.CONCRETE_EXCEPTIONS:
            return True
        return not any(w.endswith(sfx) and len(w) >= len(sfx) + 3 for sfx in V.NON_OBJECT_SUFFIXES)

    def _noun_phrase(self, words: list[_Item]) -> list[_Item]:
        """The compound noun ending at the last concrete word of ``words``: the run of adjacent concrete
        words before it ("filter coffee stand", "pet food bags"); empty when no word is concrete."""
        k = len(words) - 1
        while k >= 0 and (words[k].kind != "word" or not self._concrete(words[k].text)):
            k -= 1
        if k < 0:
            return []
        start = k
        while start > 0 and words[start - 1].end == words[start].start and self._concrete(words[start - 1].text):
            start -= 1  # a colour word inside a compound is a noun there ("filter coffee stand")
        while words[start].kind != "word":
            start += 1
        return words[start:k + 1]

    def _unknown(self, phrase: list[_Item], before: list[_Item], spec: PromptSpec) -> ObjectRequest | None:
        """A request for a concrete noun the knowledge base does not name: the nearest category when it
        is close enough (:data:`.embed.THRESHOLD`), else a labelled generic object listed in
        ``spec.unmatched``."""
        from .embed import nearest_category, shape_donor

        last = phrase[-1].text
        name = " ".join([it.text for it in phrase[:-1]] + [singular(last)])
        if self._tokens[phrase[-1].end:phrase[-1].end + 1] in (["room"], ["rooms"], ["shop"], ["studio"], ["parlour"]):
            return None  # "a massage room": the kind of room, not a thing in it
        if last in V.BUILDING_PARTS or singular(last) in V.BUILDING_PARTS or last in V.BUILDING_WORDS \
                or singular(last) in V.BUILDING_WORDS or singular(last) in V.POSITION_WORDS:
            return None  # the room's shell ("the glass roof") or the building it is in: not an object
        spec.unknown_words.append(name)
        hit = nearest_category(name, self.cat)
        if hit is None and len(phrase) > 1:  # the head alone may be known ("pet food bag" → no; "oak desk")
            found = self.cat.find(singular(last))
            hit = found.name if found is not None and len(phrase) == 1 else None
        req = ObjectRequest(category=hit or name, known=hit is not None, mapped_from=name if hit else None,
                            shape=None if hit else shape_donor(name, self.cat))
        if hit is None and name not in spec.unmatched:
            spec.unmatched.append(name)
        plural = last != singular(last)
        self._attributes(req, before, plural)
        return req

    def _attributes(self, req: ObjectRequest, before: list[_Item], plural: bool) -> None:
        count = None
        of = False  # an "of" since the last count: "two rows of four" multiply, "six people at six desks" not
        for _k, it in enumerate(before):
            if it.kind == "count":
                count = int(it.value) if count is None or not of else count * int(it.value)
                of = False
            elif it.text == "of":
                of = True
            elif it.kind == "vague":
                count = int(it.value) if count is None else count
            elif it.kind == "material":
                req.material = str(it.value)
            elif it.kind == "color":
                req.color = str(it.value)
            elif it.kind == "word" and it.value in V.SIZE_WORDS:
                req.scale = V.SIZE_WORDS[str(it.value)]
            elif it.kind == "word" and it.value in ("long", "wide"):
                req.scale = 1.3
        said = " " + " ".join(it.text for it in before) + " "
        rows = [k for k, it in enumerate(before) if it.kind == "vague" and it.text in V.ROW_WORDS]
        if rows and rows[0] > 0 and before[rows[0] - 1].kind == "count":  # "two rows of washing machines"
            req.count = int(before[rows[0] - 1].value) * V.VAGUE["row"]
            return
        if count is not None and any(it.kind == "count" for it in before):
            req.count, req.explicit_count = max(1, count), True
            exact = any(f" {w} " in said for w in V.EXACTLY)  # "no more than two" is a cap, said exactly
            req.quantity = "at_least" if not exact and any(f" {w} " in said for w in V.AT_LEAST) else "exact"
        elif count is not None:  # "several", "rows of": a plausible number the planner may change
            req.count = max(1, count)
        elif plural:
            req.count = 3 if self.cat.get(req.category).placement in ("on_surface", "in_container") else 2

    def _relation(self, req: ObjectRequest, rel_items: list[_Item], spec: PromptSpec,
                  last_head: ObjectRequest | None) -> None:
        rel = str(rel_items[0].value)
        target_items = rel_items[1:]
        if rel == "hanging":
            req.relation = "ceiling" if any(it.kind == "surface" and it.value == "ceiling" for it in target_items) \
                else "on_wall"
            return
        if rel == "above":  # "a painting above the bed": hung on a wall, or from the ceiling, else beside it
            if req.category in ("lamp", "light") and self.cat.find("pendant light"):
                req.category = "pendant light"  # "a lamp over the dining table" hangs from the ceiling
            placement = self.cat.get(req.category).placement
            if placement in ("on_wall", "ceiling"):
                req.relation = "on_wall" if placement == "on_wall" else "ceiling"
                named = [it for it in rel_items[1:] if it.kind == "object"]
                said = {str(it.value) for it in target_items if it.kind in ("word", "pron", "vague")}
                if named:  # the piano of "a painting above the piano" is part of the request
                    req.target = str(named[0].value)
                    req.each = bool(said & {"each", "every"})
                elif (said & _PRONOUNS or said & {"each", "every"}) and last_head is not None:
                    req.target = last_head.category  # "two sinks with a mirror above each": one per sink
                    req.each = bool(said & {"each", "every"})
                return
        if rel == "on_wall" and not any(it.kind == "object" for it in target_items):
            req.relation = "on_wall"
            return
        objs = [it for it in target_items if it.kind == "object"]
        surfaces = [it for it in target_items if it.kind == "surface"]
        if rel == "facing" and objs and any(it.kind in ("count", "vague") for it in target_items[:target_items.index(objs[0])]) \
                and not any(o.category == str(objs[0].value) for o in spec.objects):
            # "washing machines face a row of stacked dryers along the opposite wall": the dryers are asked for too
            k = target_items.index(objs[0])
            seen = ObjectRequest(category=str(objs[0].value),
                                 source_text=" ".join(it.text for it in target_items[:k + 1]))
            self._attributes(seen, target_items[:k], objs[0].text != singular(objs[0].text))
            if surfaces and surfaces[0].value == "wall" and surfaces[0].start > objs[0].start:
                seen.relation = "against_wall"
                surfaces = []
            elif any(it.text in V.STACK_WORDS for it in target_items[:k]):
                seen.relation = "stacked"
            spec.objects.append(seen)
            target_items = [it for it in target_items if it.kind != "surface"]
        words = {str(it.value) for it in target_items if it.kind in ("word", "pron", "vague")}
        if words & {"each", "every"} and objs:
            req.each = True
        counts = [int(it.value) for it in target_items if it.kind == "count"]
        if rel == "at" and words & V.FOOT_WORDS and objs:  # "a bench at the foot of the bed"
            req.relation, req.target = "at_foot_of", str(objs[0].value)
            return
        named = {it.text for it in target_items if it.kind in ("word", "object", "room", "part")}
        if rel in ("next_to", "at", "in", "front", "against", "behind", "facing") and named & V.ENTRANCE_WORDS \
                and not any(it.kind == "object" and str(it.value) not in V.ENTRANCE_WORDS for it in target_items):
            req.relation = "near_entrance"  # "near the door", "by the entrance", "at the entrance"
            return
        if rel in ("next_to", "at", "in", "front", "under") and (
                "window" in words or any(it.kind == "object" and str(it.value) == "window" for it in target_items)):
            req.relation, req.wall_hint = "near_window", "window"  # "near the window", "under the window"
            return
        if rel in ("in", "at", "on") and ("corner" in words or "corners" in words):
            req.relation = "corner"
            return
        if rel in ("in", "at") and words & {"middle", "center", "centre"}:
            req.relation = "center"
            return
        if surfaces:
            kind = str(surfaces[0].value)
            if kind == "wall":
                window = "window" in words or any(it.kind == "object" and "window" in str(it.value) for it in target_items)
                if rel in ("on", "on_wall") or "hanging" in req.source_text or "mounted" in req.source_text:
                    req.relation = "on_wall" if self.cat.get(req.category).placement in ("on_wall",) or rel == "on" else "against_wall"
                else:
                    req.relation = "against_wall"
                req.wall_hint = "window" if window else None
                return
            if kind == "ceiling":
                req.relation = "ceiling"
                return
            if kind == "floor":
                req.relation = "floor"
                return
        if "window" in words and not objs or rel == "against" and not objs:
            req.relation, req.wall_hint = "against_wall", "window" if "window" in words else None
            return
        if objs:
            target = str(objs[0].value)
            # "guitars on stands" → guitar stand
            compound = self.cat.find(f"{req.category} {objs[0].text}")
            if compound is not None:
                target = compound.name
            req.target = target
            plural_t = objs[0].text != singular(objs[0].text)
            req.target_count = counts[0] if counts else (req.count if plural_t else 1)
        elif (words & _PRONOUNS or words & {"each", "every"}) and last_head is not None:
            req.target = last_head.category  # "a mirror in front of each"
            req.each = req.each or bool(words & {"each", "every"})
        elif words & V.POSITION_WORDS:  # "at the end", "along the side": a place, not a thing
            req.relation = "against_wall"
            return
        else:
            word_targets = [str(it.value) for it in target_items if it.kind == "word" and it.value not in V.STOP
                            and len(str(it.value)) > 2 and self._concrete(str(it.value))
                            and str(it.value) not in V.BUILDING_PARTS and str(it.value) not in V.BUILDING_WORDS
                            and str(it.value) not in V.POSITION_WORDS]
            if word_targets:
                compound = self.cat.find(f"{req.category} {word_targets[-1]}")
                if compound is not None:
                    req.target = compound.name
                else:
                    from .embed import nearest_category

                    noun = singular(word_targets[-1])
                    req.target = nearest_category(noun, self.cat) or noun
        if req.target is None:
            return
        mapping = {"on": "on", "in": "in", "at": "next_to", "against": "next_to", "on_wall": "next_to",
                   "next_to": "next_to", "under": "under", "behind": "behind", "between": "next_to",
                   "facing": "facing", "front": "in_front_of", "around": "around", "above": "above"}
        req.relation = mapping.get(rel, "next_to")
        if req.relation == "in" and not self.cat.get(req.target).container:
            req.relation = "on"  # "books in the bookcase", "clothes in the wardrobe" rest on its shelves

    def _surface_clause(self, clause: list[_Item], spec: PromptSpec) -> None:
        surf = next((str(it.value) for it in clause if it.kind == "surface"), None)
        if surf is None:  # a material named with its surface: "brick walls", "tiled floor"
            surf = next((_SURFACES[w] for it in clause if it.kind == "material" for w in it.text.split()
                         if w in _SURFACES), None)
        mats = [str(it.value) for it in clause if it.kind == "material"]
        cols = [str(it.value) for it in clause if it.kind == "color"]
        painted = any(it.text in ("painted", "paint") for it in clause)
        if surf is None and not painted:
            return  # a colour or material with no surface and no "painted" describes nothing here
        target = surf or "wall"
        if surf is None and mats and not painted:
            return  # a lone material word with no surface: nothing to apply it to
        if target == "wall":
            if mats:
                spec.wall_material = mats[0]
            if cols:
                spec.wall_color = cols[0]
        elif target == "floor":
            if mats:
                spec.floor_material = mats[0]
            elif cols:
                spec.floor_material = f"{cols[0]} carpet"


_PARSER: Parser | None = None


def parse_prompt(text: str) -> PromptSpec:
    """Parse ``text`` with the knowledge base (the parser is built once per process)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = Parser()
    return _PARSER.parse(text)
