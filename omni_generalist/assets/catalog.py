"""The object catalogue: categories, their sizes, placement kinds, materials, generators and roles.

Every category lives in its family's ``objects.toml`` (``omni_generalist/assets/families/<family>/``,
installed with the package beside the family's generator modules); ``families/roles.toml`` says
which tags and flags give a category a role ("seating", "table", "lighting", …).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..tomlcache import read_toml

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
    family: str = ""
    """The family folder the category's entry lives in (empty for one made in code)."""
    generator: str = ""
    """The id of the generator that builds it (empty: the catalogue's category of the same name decides)."""
    variant: str = ""
    """The style its generator builds (a name the generator knows); defaults to the category's name."""
    params: tuple[tuple[str, object], ...] = ()
    """Further generator parameters from the entry's ``params`` table, as sorted (key, value) pairs."""
    kind_of: tuple[str, ...] = ()
    """Broader categories it is a kind of that its name does not say (a shelving unit is a shelf, an
    armchair a chair): a person counting those counts it too."""
    shaped_like: str = ""
    """For a noun the catalogue does not know (``known`` False): the category whose shape, sizes and
    placement it borrows (its nearest by the embedding index), or empty for a plain labelled box."""

    def __post_init__(self) -> None:
        if not self.variant:
            object.__setattr__(self, "variant", self.name)

    def param(self, key: str, default: object = None) -> object:
        """Return the generator parameter ``key`` (from the entry's ``params``), else ``default``."""
        return dict(self.params).get(key, default)

    @property
    def material(self) -> str:
        """The default (main) material class."""
        return self.materials[0] if self.materials else "painted white"

    def sample_size(self, rng) -> tuple[float, float, float]:
        """Draw a size uniformly within the category's range."""
        return tuple(round(rng.uniform(lo, hi), 4) for lo, hi in zip(self.size_min, self.size_max, strict=True))


def generic_category(name: str, size: tuple[float, float, float] = (0.4, 0.4, 0.4),
                     like: Category | None = None) -> Category:
    """A labelled object for a noun the catalogue does not know.

    With ``like`` (the nearest known category), it is built as one of those — the same generator,
    style, sizes, placement and materials — under its own name; else it is a box of ``size``.
    """
    if like is not None:
        return dataclasses.replace(like, name=name, synonyms=(), known=False, family="", shaped_like=like.name,
                                   tags=tuple(t for t in like.tags if t != "boxlike"))
    return Category(name=name, size_min=size, size_max=size, placement="floor", density=300.0,
                    materials=("white plastic",), known=False)


@lru_cache(maxsize=1)
def _irregular_plurals() -> dict[str, str]:
    """Plurals no suffix rule undoes (``families/plurals.toml``): cacti, geese, shelves."""
    return dict(read_toml(resources.files(__package__) / "families" / "plurals.toml")["irregular"])


def singular(word: str) -> str:
    """Return a crude singular of an English noun phrase's last word."""
    irregular = _irregular_plurals()
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


@dataclass(frozen=True)
class Role:
    """A role a category can play, read from its tags and flags (``families/roles.toml``)."""

    name: str
    tags: tuple[str, ...] = ()
    """Any of these tags gives the role."""
    flags: tuple[str, ...] = ()
    """Any of these true boolean (or non-zero integer) fields gives the role: support_surface, container, shelves."""
    placements: tuple[str, ...] = ()
    """When set, only categories with one of these placements have the role."""

    def fits(self, cat: Category) -> bool:
        """Return True when ``cat`` plays this role."""
        if self.placements and cat.placement not in self.placements:
            return False
        return bool(set(self.tags) & set(cat.tags)) or any(getattr(cat, f) for f in self.flags)


class Catalog:
    """Category lookup by name, synonym or plural, and the roles categories play."""

    def __init__(self, categories: dict[str, Category], roles: dict[str, Role] | None = None,
                 shapes: dict[str, str] | None = None):
        self.categories = categories
        self.role_defs: dict[str, Role] = dict(roles or {})
        self.shapes: dict[str, str] = dict(shapes or {})
        """Nouns the catalogue does not know → the category whose shape each borrows (:meth:`with_shapes`)."""
        self._names: dict[str, str] = {}
        self._broader: dict[str, list[str]] = {}
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
        """Return the more general categories of a category: those its name ends with ("kitchen
        counter" → ["counter"]) and those its entry says it is a kind of (``kind_of``: a shelving
        unit is a shelf), and theirs in turn, nearest first."""
        if name in self._broader:
            return list(self._broader[name])
        out: list[str] = []
        todo = [name.lower()]
        while todo:
            cur = todo.pop(0)
            words = cur.split()
            broader = [" ".join(words[k:]) for k in range(1, len(words))]
            broader += list(self.categories[cur].kind_of) if cur in self.categories else []
            for b in broader:
                if b in self.categories and b != name.lower() and b not in out:
                    out.append(b)
                    todo.append(b)
        self._broader[name] = out
        return list(out)

    def roles(self, text: str) -> frozenset[str]:
        """Return the roles of the category named ``text`` ("seating", "table", …; empty when unknown)."""
        cat = self.find(text)
        if cat is None:
            return frozenset()
        return frozenset(name for name, role in self.role_defs.items() if role.fits(cat))

    def has_role(self, text: str, role: str) -> bool:
        """Return True when the category named ``text`` plays ``role``; raises KeyError for an unknown role."""
        if role not in self.role_defs:
            raise KeyError(f"unknown role {role!r} (known: {', '.join(sorted(self.role_defs))})")
        cat = self.find(text)
        return cat is not None and self.role_defs[role].fits(cat)

    def with_role(self, role: str) -> list[str]:
        """Return the names of every category playing ``role``, sorted; raises KeyError for an unknown role."""
        if role not in self.role_defs:
            raise KeyError(f"unknown role {role!r} (known: {', '.join(sorted(self.role_defs))})")
        spec = self.role_defs[role]
        return sorted(n for n, c in self.categories.items() if spec.fits(c))

    def families(self) -> dict[str, list[str]]:
        """Return the categories of every family, by family name."""
        out: dict[str, list[str]] = {}
        for name, cat in sorted(self.categories.items()):
            out.setdefault(cat.family, []).append(name)
        return out

    def get(self, text: str, shape: str | None = None) -> Category:
        """Return the category for ``text``; an unknown noun becomes a generic object labelled with the
        noun, built like the category ``shape`` (or the one :meth:`with_shapes` gave it), else a box.

        Raises:
            ValueError: ``shape`` names no category, or is given for a noun the catalogue knows.
        """
        found = self.find(text)
        if found is not None:
            if shape is not None:
                raise ValueError(f"shape= is for nouns the catalogue does not know; {text!r} is {found.name!r}")
            return found
        name = singular(text.strip().lower()) or "object"
        shape = shape or self.shapes.get(name)
        like = self.find(shape) if shape else None
        if shape and like is None:
            raise ValueError(f"shape {shape!r} is no category of the catalogue")
        return generic_category(name, like=like)

    def with_shapes(self, shapes: dict[str, str]) -> Catalog:
        """A view of this catalogue where the unknown nouns of ``shapes`` borrow the named categories'
        shapes (the procedural planner's view of a prompt's unknown nouns)."""
        if not shapes:
            return self
        return Catalog(self.categories, self.role_defs, {**self.shapes, **{singular(k.lower()): v for k, v in shapes.items()}})


_KEYS = {"synonyms", "size", "placement", "density", "materials", "articulation", "movable", "support_surface",
         "shelves", "container", "front_clearance", "tags", "generator", "variant", "params", "kind_of"}


def _category_from_toml(name: str, d: dict, family: str) -> Category:
    unknown = set(d) - _KEYS
    if unknown:
        raise ValueError(f"families/{family}/objects.toml: category {name!r} has unknown keys {sorted(unknown)}")
    if "generator" not in d:
        raise ValueError(f"families/{family}/objects.toml: category {name!r} names no generator")
    size = d.get("size", [[0.4, 0.4, 0.4], [0.4, 0.4, 0.4]])
    return Category(
        name=name, size_min=tuple(float(v) for v in size[0]), size_max=tuple(float(v) for v in size[1]),
        placement=str(d.get("placement", "floor")), density=float(d.get("density", 400.0)),
        materials=tuple(d.get("materials", ("painted white",))), articulation=str(d.get("articulation", "none")),
        movable=bool(d.get("movable", True)), support_surface=bool(d.get("support_surface", False)),
        shelves=int(d.get("shelves", 0)), container=bool(d.get("container", False)),
        front_clearance=float(d.get("front_clearance", 0.3)),
        synonyms=tuple(s.lower() for s in d.get("synonyms", ())), tags=tuple(d.get("tags", ())),
        family=family, generator=str(d["generator"]), variant=str(d.get("variant", "")),
        params=tuple(sorted(dict(d.get("params", {})).items())),
        kind_of=tuple(str(k).lower() for k in d.get("kind_of", ())),
    )


def families_root():
    """Return the ``families`` package folder (a Traversable; a real folder for a normal install)."""
    return resources.files(__package__) / "families"


def load_catalog(root=None) -> Catalog:
    """Read every ``<family>/objects.toml`` and ``roles.toml`` under ``root`` (default: the package's families).

    Raises ValueError when a category (or a synonym) is defined twice or an entry is malformed.
    """
    root = root if root is not None else families_root()
    cats: dict[str, Category] = {}
    where: dict[str, str] = {}
    for fam in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name):
        path = fam / "objects.toml"
        if not path.is_file():
            continue
        raw = read_toml(path)
        for key, value in raw.items():
            name = key.lower()
            if name in cats:
                raise ValueError(f"families/{fam.name}/objects.toml: category {name!r} is already defined in "
                                 f"families/{where[name]}/objects.toml")
            cats[name] = _category_from_toml(name, value, fam.name)
            where[name] = fam.name
    seen: dict[str, str] = {n: n for n in cats}
    for cat in cats.values():
        for syn in cat.synonyms:
            if seen.get(syn, cat.name) != cat.name:
                raise ValueError(f"families/{cat.family}/objects.toml: synonym {syn!r} of {cat.name!r} already names "
                                 f"{seen[syn]!r}")
            seen[syn] = cat.name
    for cat in cats.values():
        for broader in cat.kind_of:
            if broader not in cats or broader == cat.name:
                raise ValueError(f"families/{cat.family}/objects.toml: {cat.name!r} is a kind of {broader!r}, "
                                 "which is not a category")
    roles_raw = read_toml(root / "roles.toml")
    roles = {name: Role(name, tuple(d.get("tags", ())), tuple(d.get("flags", ())), tuple(d.get("placements", ())))
             for name, d in roles_raw.items()}
    return Catalog(cats, roles)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """Load the catalogue from the families' ``objects.toml`` files once per process."""
    return load_catalog()
