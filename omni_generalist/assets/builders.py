"""The registry of asset generators: category name (or tag) → function that builds the asset.

A generator is ``fn(w: AssetWriter, size: (w, d, h), category: Category) -> None``; it builds
parts (and links, joints, support surfaces) through the writer. Register one with
``@generator("bed", "bunk bed")``. A category with no generator of its own, nor of one of its
tags, gets :func:`block`: one convex box (with a top surface when the category supports things).
Generators live in :mod:`omni_generalist.assets.generators`, imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable

from pxr import Sdf, Usd

from .catalog import Category
from .parts import AssetWriter, BuiltAsset

Size = tuple[float, float, float]
Generator = Callable[[AssetWriter, Size, Category], None]

_GENERATORS: dict[str, Generator] = {}
_loaded = False


def generator(*keys: str) -> Callable[[Generator], Generator]:
    """Decorator registering a generator for category names or tags (lowercase)."""
    def deco(fn: Generator) -> Generator:
        for key in keys:
            _GENERATORS[key.lower()] = fn
        return fn
    return deco


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        from . import generators  # noqa: F401 - registers the generators


def generator_for(category: Category) -> Generator:
    """Return the generator of the category, else of one of its tags, else :func:`block`."""
    _load()
    if category.name in _GENERATORS:
        return _GENERATORS[category.name]
    for tag in category.tags:
        if tag in _GENERATORS:
            return _GENERATORS[tag]
    return block


def registered() -> list[str]:
    """Return every category name and tag that has a generator of its own."""
    _load()
    return sorted(_GENERATORS)


def block(w: AssetWriter, size: Size, category: Category) -> None:
    """The fallback asset: one box filling the object's size."""
    x, y, h = size[0] / 2, size[1] / 2, size[2]
    w.box("body", (-x, -y, 0.0), (x, y, h))
    if category.support_surface:
        w.surface(h, -x, -y, x, y)


def build_asset(stage: Usd.Stage, root: Sdf.Path, category: Category, size: Size, rng) -> BuiltAsset:
    """Build the geometry of ``category`` at ``size`` under ``root``."""
    writer = AssetWriter(stage, root, rng)
    generator_for(category)(writer, size, category)
    return writer.result()
