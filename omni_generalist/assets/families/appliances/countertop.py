"""Appliances family: the espresso machine, coffee maker, toaster, blender, iron generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CERAMIC, CHROME, GLASS, RUBBER, STEEL, Kit
from ...toolkit import AssetWriter

# ====================================================================== kitchen appliances


@generator("espresso_machine")
def espresso_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body with a group head, a portafilter, a drip tray, a cup warmer and a steam wand."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, h * 0.55), (x, y * 0.35, h))
    k.box("body", (-x, -y, 0), (x, y * 0.35, h * 0.55))
    k.box("tray", (-x * 0.8, y * 0.3, 0), (x * 0.8, y, h * 0.08), STEEL)
    k.box("warmer", (-x * 0.9, -y * 0.9, h * 0.97), (x * 0.9, y * 0.3, h), STEEL)
    k.cyl("group", -x * 0.1, y * 0.5, (x * 0.18, y * 0.15), h * 0.52, h * 0.62, CHROME, seg=12)
    k.box("portafilter", (-x * 0.2, y * 0.4, h * 0.46), (x * 0.0, y, h * 0.53), BLACK)
    k.tube("wand", (x * 0.6, y * 0.4, h * 0.6), (x * 0.62, y * 0.62, h * 0.2), min(x, y) * 0.03, CHROME, seg=8)
    for i in range(2):
        k.disc("knob", (-x * 0.6 + i * x * 1.1, y * 0.38, h * 0.8), min(x, h) * 0.07, y * 0.08, "y", BLACK, seg=10)
    k.box("cup", (-x * 0.2, y * 0.45, h * 0.08), (x * 0.05, y * 0.7, h * 0.2), CERAMIC)
    k.finish()


@generator("coffee_maker")
def coffee_maker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base plate, a rear tower, a top brewer and a glass carafe under it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.1))
    k.box("tower", (-x, -y, h * 0.1), (x, -y * 0.25, h))
    k.box("top", (-x, -y * 0.3, h * 0.72), (x, y, h))
    r = min(x * 0.7, y * 0.55)
    k.cyl("carafe", 0, y * 0.32, (r, r * 0.9), h * 0.1, h * 0.55, GLASS, seg=16)
    k.cone("carafe", 0, y * 0.32, r, r * 0.6, h * 0.55, h * 0.66, GLASS, aspect=0.9)
    k.box("handle", (x * 0.55, y * 0.25, h * 0.2), (min(x, r + x * 0.3), y * 0.4, h * 0.55), BLACK)
    k.box("panel", (-x * 0.6, y * 0.98, h * 0.8), (x * 0.6, y, h * 0.9), BLACK)
    k.finish()


@generator("toaster")
def toaster(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rounded body with two slots on top (dark inserts), a lever and a knob on the front."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if "oven" in cat.variant:
        k.box("body", (-x, -y, h * 0.05), (x, y, h))
        k.box("door", (-x * 0.95, y * 0.98, h * 0.12), (x * 0.4, y, h * 0.92), GLASS)
        for i in range(3):
            k.disc("knob", (x * 0.7, y * 0.98, h * (0.25 + 0.25 * i)), min(x, h) * 0.07, y * 0.04, "y", BLACK)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.box("foot", (sx * x * 0.85 - 0.01, sy * y * 0.85 - 0.01, 0), (sx * x * 0.85 + 0.01, sy * y * 0.85 + 0.01, h * 0.05), RUBBER)
        k.surface(h, -x, -y, x, y)
        k.finish()
        return
    k.box("body", (-x * 0.96, -y, 0), (x * 0.96, y, h * 0.92))
    for sx in (-1, 1):
        k.cyl("end", sx * x * 0.92, 0, (x * 0.08, y), 0, h * 0.9, seg=12)
    for sy in (-1, 1):
        k.box("slot", (-x * 0.7, sy * y * 0.3 - y * 0.1, h * 0.9), (x * 0.7, sy * y * 0.3 + y * 0.1, h), BLACK)
    k.box("lever", (x * 0.55, y * 0.98, h * 0.45), (x * 0.75, y, h * 0.55), BLACK)
    k.box("lever_slot", (x * 0.62, y * 0.99, h * 0.3), (x * 0.68, y, h * 0.8), BLACK)
    k.finish()


@generator("blender")
def blender(w: AssetWriter, size: Size, cat: Category) -> None:
    """A motor base with buttons, a glass jar with a handle and a lid."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.3
    k.box("base", (-x * 0.8, -y, 0), (x * 0.8, y, bh))
    k.box("buttons", (-x * 0.5, y * 0.98, bh * 0.3), (x * 0.5, y, bh * 0.6), BLACK)
    r = min(x * 0.62, y * 0.8)
    k.cone("jar", -x * 0.1, 0, r * 0.7, r, bh, h * 0.94, GLASS, aspect=y * 0.8 / r)
    k.cyl("lid", -x * 0.1, 0, (r * 1.02, y * 0.82), h * 0.93, h, BLACK, seg=16)
    k.box("handle", (-x * 0.1 + r * 0.8, -y * 0.12, bh * 1.3), (x, y * 0.12, h * 0.85), BLACK)
    k.finish()


@generator("iron")
def iron(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pointed steel soleplate, a tapered body and a handle bridging it, pointing towards -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    sole = [(-x, 0.0), (-x * 0.55, -y * 0.85), (x * 0.2, -y), (x, -y), (x, y), (x * 0.2, y), (-x * 0.55, y * 0.85)]
    k.prism("soleplate", sole, 0, h * 0.12, STEEL)
    k.prism("body", [(px * 0.95 + x * 0.03, py * 0.85) for px, py in sole], h * 0.12, h * 0.5)
    k.box("post", (x * 0.6, -y * 0.25, h * 0.45), (x * 0.9, y * 0.25, h))
    k.box("post", (-x * 0.45, -y * 0.2, h * 0.45), (-x * 0.3, y * 0.2, h * 0.85))
    k.box("handle", (-x * 0.45, -y * 0.22, h * 0.82), (x * 0.9, y * 0.22, h))
    k.box("dial", (-x * 0.1, -y * 0.3, h * 0.5), (x * 0.25, y * 0.3, h * 0.56), BLACK)
    k.finish()


@generator("range_hood")
def range_hood(w: AssetWriter, size: Size, cat: Category) -> None:
    """A chimney range hood on the wall: a shallow visor with lights underneath, a sloped canopy and a
    narrow chimney up to the top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    zv = h * k.u(0.08, 0.14)
    zc = h * k.u(0.3, 0.45)
    k.box("visor", (-x, -y, zv * 0.05), (x, y, zv))
    k.profile("canopy", [(-y, zv), (y, zv), (-y * 0.1, zc), (-y, zc)], -x, x, "x")
    k.box("chimney", (-x * 0.35, -y, zc), (x * 0.35, -y * 0.2, h))
    for sx in (-1, 1):
        k.cyl("light", sx * x * 0.5, y * 0.2, min(x, y) * 0.08, 0, zv * 0.1, GLASS, seg=10)
    k.box("controls", (-x * 0.3, y * 0.98, zv * 0.3), (x * 0.3, y, zv * 0.7), BLACK)
    k.finish()
