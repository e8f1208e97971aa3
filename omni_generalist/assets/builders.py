"""The generator registry and :func:`build_asset`.

A generator is ``fn(w: AssetWriter, size: (w, d, h), category: Category) -> None``; it builds
parts (and links, joints, support surfaces) through the writer. It is registered under its own
id with ``@generator("bed")``; the id is unique (a second registration raises). Which generator
builds a category is data: the ``generator`` key of the category's entry in its family's
``objects.toml`` (``omni_generalist/assets/families/<family>/``), with an optional ``variant`` (a style
the generator knows, by default the category's name) and ``params``. Two generators are built in:
:func:`block` (one convex box) and :func:`openable` (a carcass with doors, drawers or a lid after the
category's ``articulation``). Family modules are imported on first use.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Callable

from pxr import Sdf, Usd

from .catalog import Category, catalog
from .toolkit import AssetWriter, BuiltAsset

Size = tuple[float, float, float]
Generator = Callable[[AssetWriter, Size, Category], None]

_GENERATORS: dict[str, Generator] = {}
_loaded = False


def generator(key: str) -> Callable[[Generator], Generator]:
    """Decorator registering a generator under ``key``; raises ValueError when the key is taken."""
    def deco(fn: Generator) -> Generator:
        if key in _GENERATORS and _GENERATORS[key] is not fn:
            other = _GENERATORS[key]
            raise ValueError(f"generator {key!r} is registered twice: {other.__module__}.{other.__name__} "
                             f"and {fn.__module__}.{fn.__name__}")
        _GENERATORS[key] = fn
        return fn
    return deco


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        from . import families
        for fam in pkgutil.iter_modules(families.__path__, families.__name__ + "."):
            if not fam.ispkg:
                continue
            pkg = importlib.import_module(fam.name)
            for mod in pkgutil.iter_modules(pkg.__path__, fam.name + "."):
                importlib.import_module(mod.name)
        importlib.import_module(__package__ + ".library.use")  # the ``library`` generator (user asset libraries)


def registered() -> list[str]:
    """Return the id of every registered generator (importing every family's modules)."""
    _load()
    return sorted(_GENERATORS)


def resolved(category: Category) -> Category:
    """Return ``category`` with its generator filled in.

    A category built by hand (``Category(name="bunk bed", ...)``) names no generator; it gets the
    generator, variant and params of the catalogue's category of that name (or synonym), else
    :func:`block`.
    """
    if category.generator:
        return category
    known = catalog().find(category.name)
    if known is None:
        return dataclasses.replace(category, generator="block")
    # a variant the catalogue entry sets explicitly wins; else the hand-made category's own (its name)
    variant = known.variant if known.variant != known.name else category.variant
    return dataclasses.replace(category, generator=known.generator, params=known.params, variant=variant)


def generator_for(category: Category) -> Generator:
    """Return the generator that builds ``category`` (its ``generator`` id, see :func:`resolved`)."""
    _load()
    key = resolved(category).generator
    try:
        return _GENERATORS[key]
    except KeyError:
        raise ValueError(f"category {category.name!r}: no generator {key!r} (known: {', '.join(sorted(_GENERATORS))})"
                         ) from None


@generator("block")
def block(w: AssetWriter, size: Size, category: Category) -> None:
    """The fallback asset: one box filling the object's size."""
    x, y, h = size[0] / 2, size[1] / 2, size[2]
    w.box("body", (-x, -y, 0.0), (x, y, h))
    if category.support_surface:
        w.surface(h, -x, -y, x, y)


def build_asset(stage: Usd.Stage, root: Sdf.Path, category: Category, size: Size, rng) -> BuiltAsset:
    """Build the geometry of ``category`` at ``size`` under ``root``."""
    category = resolved(category)
    writer = AssetWriter(stage, root, rng)
    generator_for(category)(writer, size, category)
    built = writer.result()
    if category.articulation != "none" and not built.articulated and category.generator != "library":
        # the category opens (the knowledge base says so) but its generator made no joints
        _clear(stage, root)
        writer = AssetWriter(stage, root, rng)
        openable(writer, size, category)
        built = writer.result()
    return built


@generator("openable")
def openable(w: AssetWriter, size: Size, category: Category) -> None:
    """A generic openable asset for the knowledge base's articulation kinds.

    A carcass open at the front (or top) with hinged doors, sliding drawers or a lifting lid,
    each on its own link and joint. Used for openable categories whose generator made no joints.
    """
    width, depth, h = size
    x, y = width / 2, depth / 2
    t = min(max(0.012, 0.04 * min(width, depth, h)), 0.03)
    gap = 0.003
    kind = category.articulation
    body = w.body()
    if kind in ("lid", "hinged_top"):
        lid_t = min(t, h * 0.2)
        w.box("bottom", (-x, -y, 0.0), (x, y, t), link=body)
        w.box("wall_back", (-x, -y, t), (x, -y + t, h - lid_t - gap), link=body)
        w.box("wall_front", (-x, y - t, t), (x, y, h - lid_t - gap), link=body)
        w.box("wall_left", (-x, -y + t, t), (-x + t, y - t, h - lid_t - gap), link=body)
        w.box("wall_right", (x - t, -y + t, t), (x, y - t, h - lid_t - gap), link=body)
        lid = w.link("lid", (0.0, -y, h - lid_t))
        w.box("panel", (-x, -y, h - lid_t), (x, y, h), link=lid)
        w.revolute("lid_hinge", lid, "X", 0.0, 100.0)
        w.surface(t, -x + t, -y + t, x - t, y - t, h - lid_t - t - gap, inside=True)
        return
    ft = min(0.02, depth * 0.1)
    back = y - ft - gap  # the carcass ends here; the fronts fill the rest up to the front face
    w.box("bottom", (-x, -y, 0.0), (x, back, t), link=body)
    w.box("top", (-x, -y, h - t), (x, back, h), link=body)
    w.box("side_left", (-x, -y, t), (-x + t, back, h - t), link=body)
    w.box("side_right", (x - t, -y, t), (x, back, h - t), link=body)
    w.box("back", (-x + t, -y, t), (x - t, -y + t, h - t), link=body)
    w.surface(h, -x, -y, x, y)
    drawer_zone = 0.0
    if kind in ("drawers", "door_and_drawers"):
        n = 1 if kind == "door_and_drawers" else max(1, min(4, round((h - 2 * t) / 0.22)))
        zone_h = (h - 2 * t) * (0.3 if kind == "door_and_drawers" else 1.0)
        step = zone_h / n
        inner_d = back - (-y + t) - 0.01
        for k in range(n):
            z1 = h - t - k * step
            z0 = z1 - step
            dl = w.link(f"drawer_{k}", (0.0, y, z0 + gap))
            side = min(0.012, t)
            bottom_z0, top_z = z0 + gap, z1 - gap
            w.box("front", (-x + gap, y - ft, bottom_z0), (x - gap, y, top_z), link=dl)
            w.box("tray_bottom", (-x + t + gap, y - ft - inner_d, bottom_z0), (x - t - gap, y - ft - gap,
                                                                                bottom_z0 + side), link=dl)
            w.box("tray_left", (-x + t + gap, y - ft - inner_d, bottom_z0 + side),
                  (-x + t + gap + side, y - ft - gap, top_z - 0.02), link=dl)
            w.box("tray_right", (x - t - gap - side, y - ft - inner_d, bottom_z0 + side),
                  (x - t - gap, y - ft - gap, top_z - 0.02), link=dl)
            w.prismatic(f"drawer_{k}_slide", dl, "Y", 0.0, round(0.8 * inner_d, 4))
        drawer_zone = zone_h
    if kind in ("door", "doors", "door_and_drawers"):
        z_top = h - t - drawer_zone
        # kitchen-style leaves of about half a meter, hinged in pairs (left edge, right edge)
        leaves = max(2, round(width / 0.5)) if (kind == "doors" and width >= 0.6) else 1
        leaf_w = width / leaves
        for k in range(leaves):
            x0, x1 = -x + k * leaf_w, -x + (k + 1) * leaf_w
            if k % 2 == 0:  # hinged on its left edge, opens to +angle
                dl = w.link(f"door_{k}", (x0, y, 0.0))
                w.box("panel", (x0 + gap, y - ft, gap), (x1 - gap, y, z_top - gap), link=dl)
                w.revolute(f"door_{k}_hinge", dl, "Z", 0.0, 100.0)
            else:  # hinged on its right edge, opens to -angle
                dl = w.link(f"door_{k}", (x1, y, 0.0))
                w.box("panel", (x0 + gap, y - ft, gap), (x1 - gap, y, z_top - gap), link=dl)
                w.revolute(f"door_{k}_hinge", dl, "Z", -100.0, 0.0)
        if t < z_top - t:  # the inside of the cabinet, behind its doors
            w.surface(t, -x + t, -y + t, x - t, back, z_top - 2 * t, inside=True)


def _clear(stage: Usd.Stage, root: Sdf.Path) -> None:
    prim = stage.GetPrimAtPath(root)
    for child in list(prim.GetChildren()):
        stage.RemovePrim(child.GetPath())
