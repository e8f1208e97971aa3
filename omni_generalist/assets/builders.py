"""Asset builders: turn a category and a size into geometry under an object's root prim.

Builders are registered per category name (or per tag) with :func:`register_builder`; a
category with no builder of its own gets :func:`build_block`, one convex box part. Every
builder works in the object's local frame: origin at the bottom centre, front towards +Y,
``size = (w, d, h)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pxr import Sdf, Usd

from .catalog import Category
from .meshes import box_part

Size = tuple[float, float, float]


@dataclass
class BuiltAsset:
    """What a builder made: the mesh parts, the joints, and whether the asset is articulated."""

    parts: list[str] = field(default_factory=list)
    joints: list[str] = field(default_factory=list)

    @property
    def articulated(self) -> bool:
        return bool(self.joints)


Builder = Callable[[Usd.Stage, Sdf.Path, Category, Size, object], BuiltAsset]

_BUILDERS: dict[str, Builder] = {}


def register_builder(key: str, builder: Builder) -> None:
    """Register ``builder`` for a category name or a tag (lowercase)."""
    _BUILDERS[key.lower()] = builder


def builder_for(category: Category) -> Builder:
    """Return the builder registered for the category, else for one of its tags, else the block."""
    if category.name in _BUILDERS:
        return _BUILDERS[category.name]
    for tag in category.tags:
        if tag in _BUILDERS:
            return _BUILDERS[tag]
    return build_block


def build_block(stage: Usd.Stage, root: Sdf.Path, category: Category, size: Size, rng) -> BuiltAsset:
    """The fallback asset: one box filling the object's size."""
    w, d, h = size
    mesh = box_part(stage, root.AppendChild("body"), (-w / 2, -d / 2, 0.0), (w / 2, d / 2, h))
    return BuiltAsset(parts=[str(mesh.GetPath())])


def build_asset(stage: Usd.Stage, root: Sdf.Path, category: Category, size: Size, rng) -> BuiltAsset:
    """Build the geometry of ``category`` at ``size`` under ``root``."""
    return builder_for(category)(stage, root, category, size, rng)
