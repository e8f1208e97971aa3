"""The object catalogue: categories, their sizes, placement kinds and materials (``data/knowledge``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from ..paths import data_dir

PLACEMENTS = ("floor", "against_wall", "corner", "on_surface", "on_wall", "ceiling", "in_container")


@dataclass(frozen=True)
class Category:
    """What the knowledge base knows about one object category."""

    name: str
    size_min: tuple[float, float, float]
    size_max: tuple[float, float, float]
    placement: str = "floor"
    density: float = 400.0
    materials: tuple[str, ...] = ("painted white",)
    articulation: str = "none"
    movable: bool = True
    support_surface: bool = False
    shelves: int = 0
    container: bool = False
    front_clearance: float = 0.3
    synonyms: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    known: bool = True

    @property
    def material(self) -> str:
        """The default (main) material class."""
        return self.materials[0] if self.materials else "painted white"

    def sample_size(self, rng) -> tuple[float, float, float]:
        """Draw a size uniformly within the category's range."""
        return tuple(round(rng.uniform(lo, hi), 4) for lo, hi in zip(self.size_min, self.size_max, strict=True))


def generic_category(name: str, size: tuple[float, float, float] = (0.4, 0.4, 0.4)) -> Category:
    """A labelled object of a plausible size, for a noun the catalogue does not know."""
    return Category(name=name, size_min=size, size_max=size, placement="floor", density=300.0,
                    materials=("white plastic",), known=False)


def singular(word: str) -> str:
    """Return a crude singular of an English noun phrase's last word."""
    irregular = {"shelves": "shelf", "knives": "knife", "leaves": "leaf", "people": "person", "mice": "mouse",
                 "children": "child", "feet": "foot", "teeth": "tooth", "women": "woman", "men": "man",
                 "dice": "die", "loaves": "loaf", "wolves": "wolf", "scarves": "scarf", "series": "series",
                 "species": "species", "glasses": "glass", "boxes": "box", "benches": "bench",
                 "couches": "couch", "dishes": "dish", "brushes": "brush", "watches": "watch"}
    head, _, last = word.rpartition(" ")
    low = last.lower()
    if low in irregular:
        s = irregular[low]
    elif low.endswith("ies") and len(low) > 4:
        s = low[:-3] + "y"
    elif low.endswith("lves") or low.endswith("rves"):
        s = low[:-3] + "f"
    elif low.endswith(("ches", "shes", "sses", "xes", "zes")):
        s = low[:-2]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        s = low[:-1]
    else:
        s = low
    return f"{head} {s}" if head else s


class Catalog:
    """Category lookup by name, synonym or plural."""

    def __init__(self, categories: dict[str, Category]):
        self.categories = categories
        self._names: dict[str, str] = {}
        for cat in categories.values():
            self._names[cat.name] = cat.name
        for cat in categories.values():
            for syn in cat.synonyms:
                self._names.setdefault(syn, cat.name)

    def __contains__(self, name: str) -> bool:
        return self.find(name) is not None

    def __len__(self) -> int:
        return len(self.categories)

    def names(self) -> list[str]:
        """Return every category name and synonym (lowercase)."""
        return sorted(self._names)

    def find(self, text: str) -> Category | None:
        """Return the category named ``text`` (singular or plural, or a synonym), or None."""
        key = re.sub(r"\s+", " ", text.strip().lower().replace("_", " ").replace("-", " "))
        for cand in (key, singular(key), key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key):
            if cand in self._names:
                return self.categories[self._names[cand]]
        return None

    def hypernyms(self, name: str) -> list[str]:
        """Return the more general categories a category name ends with ("kitchen counter" → ["counter"])."""
        words = name.lower().split()
        out = []
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if tail in self.categories and tail != name:
                out.append(tail)
        return out

    def get(self, text: str) -> Category:
        """Return the category for ``text``; an unknown noun becomes a generic labelled object."""
        found = self.find(text)
        if found is not None:
            return found
        return generic_category(singular(text.strip().lower()) or "object")


def _category_from_toml(name: str, d: dict) -> Category:
    size = d.get("size", [[0.4, 0.4, 0.4], [0.4, 0.4, 0.4]])
    return Category(
        name=name, size_min=tuple(float(v) for v in size[0]), size_max=tuple(float(v) for v in size[1]),
        placement=str(d.get("placement", "floor")), density=float(d.get("density", 400.0)),
        materials=tuple(d.get("materials", ("painted white",))), articulation=str(d.get("articulation", "none")),
        movable=bool(d.get("movable", True)), support_surface=bool(d.get("support_surface", False)),
        shelves=int(d.get("shelves", 0)), container=bool(d.get("container", False)),
        front_clearance=float(d.get("front_clearance", 0.3)),
        synonyms=tuple(s.lower() for s in d.get("synonyms", ())), tags=tuple(d.get("tags", ())),
    )


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """Load the catalogue from ``data/knowledge/objects*.toml`` once per process."""
    cats: dict[str, Category] = {}
    for path in sorted((data_dir() / "knowledge").glob("objects*.toml")):
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
        for key, value in raw.items():
            name = key.lower()
            if name in cats:
                raise ValueError(f"{path.name}: category {name!r} is defined twice")
            cats[name] = _category_from_toml(name, value)
    return Catalog(cats)
