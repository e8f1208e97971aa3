"""Bathroom family: the bidet, urinal, hand dryer and hair dryer generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, STEEL, Kit, _clamp
from ...toolkit import AssetWriter


@generator("bidet")
def bidet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A floor bidet: a pedestal under an oval open bowl, a tap deck at the back with a chrome mixer."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = _clamp(min(x, y) * 0.12, 0.015, 0.03)
    k.cyl("pedestal", 0, -y * 0.05, (x * 0.6, y * 0.6), 0, h * 0.62, seg=20)
    k.cyl("basin", 0, y * 0.05, (x * 0.85, y * 0.8), h * 0.55, h * 0.66, seg=20)
    k.flare("bowl", 0, y * 0.05, x * 0.85, y * 0.8, x, y * 0.95, t, h * 0.6, h * 0.9)
    k.box("deck", (-x * 0.45, -y, h * 0.3), (x * 0.45, -y * 0.62, h * 0.9))
    k.tube("mixer", (0, -y * 0.82, h * 0.9), (0, -y * 0.82, h * 0.98), x * 0.07, CHROME, seg=10)
    k.tube("spout", (0, -y * 0.82, h * 0.97), (0, -y * 0.55, h), x * 0.04, CHROME, seg=8)
    k.finish()


@generator("urinal")
def urinal(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall urinal: an oval bowl tapering downwards on a wall plate, a flush pipe above and a drain below."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("plate", (-x * 0.75, -y, h * 0.1), (x * 0.75, -y * 0.85, h * 0.85))
    k.cone("bowl", 0, -y * 0.1, x * 0.65, x, h * 0.12, h * 0.8, seg=20, aspect=y * 0.9 / x)
    k.cone("rim", 0, -y * 0.1, x, x * 0.85, h * 0.8, h * 0.84, seg=20, aspect=y * 0.9 / x)
    k.cone("drain", 0, -y * 0.3, x * 0.2, x * 0.35, h * 0.02, h * 0.13, seg=12)
    k.tube("flush", (0, -y * 0.8, h * 0.8), (0, -y * 0.8, h), x * 0.06, CHROME, seg=10)
    k.finish()


@generator("hand_dryer")
def hand_dryer(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall hand dryer: a rounded body with a nozzle pointing down (tall ones: a blade dryer with an open
    slot for the hands between the top unit and a drip tray)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, y) * 0.45
    if h > 1.6 * x:
        k.box("back", (-x, -y, 0), (x, -y * 0.4, h))
        k.rounded("top", (-x, -y, h * 0.55), (x, y, h), r, "z")
        k.rounded("tray", (-x, -y, 0), (x, y * 0.85, h * 0.32), r, "z")
        k.box("blade", (-x * 0.8, -y * 0.2, h * 0.53), (x * 0.8, y * 0.5, h * 0.56), BLACK)
    else:
        k.box("back", (-x * 0.8, -y, h * 0.3), (x * 0.8, -y * 0.8, h))
        k.rounded("body", (-x, -y * 0.85, h * 0.3), (x, y * 0.6, h), r, "z")
        k.tube("nozzle", (0, y * 0.2, h * 0.35), (0, y * 0.75, 0.0), min(x, y) * 0.18, STEEL, seg=12)
        k.box("sensor", (-x * 0.2, y * 0.55, h * 0.33), (x * 0.2, y * 0.6, h * 0.4), BLACK)
    k.finish()


@generator("hair_dryer")
def hair_dryer(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hair dryer standing on its handle: a barrel along X with a motor housing, a nozzle and a grip."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rb = min(y, h * 0.2)
    zb = h - rb
    k.tube("barrel", (-x * 0.7, 0, zb), (x * 0.55, 0, zb), rb * 0.8, seg=14)
    k.disc("motor", (-x * 0.72, 0, zb), rb, x * 0.5, "x", seg=16)
    k.disc("filter", (-x * 0.98, 0, zb), rb * 0.8, x * 0.05, "x", BLACK, seg=14)
    k.tube("nozzle", (x * 0.5, 0, zb), (x, 0, zb), rb * 0.75, BLACK, seg=12, r1=rb * 0.45)
    k.strut("handle", (-x * 0.3, 0, 0.0), (-x * 0.45, 0, zb), rb * 0.55, seg=10)
    k.box("switch", (-x * 0.38, rb * 0.4, h * 0.45), (-x * 0.28, rb * 0.6, h * 0.55), BLACK)
    k.finish()
