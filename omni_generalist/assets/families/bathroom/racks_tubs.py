"""Bathroom family: towel racks, paper holders and hot tubs.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; wall-mounted things have their back at
``y = -d/2``. ``cat.variant`` picks the holder.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import CHROME, FABRIC, PAPER, Kit
from ...toolkit import AssetWriter


@generator("towel_rack")
def towel_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """Wall plates holding horizontal bars (a towel over one), a toilet paper holder (a plate, an arm and a
    roll) or a paper towel holder (a roll on a standing rod)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    if "paper towel" in name:  # a standing holder: base disc, rod, roll
        r = min(x, y)
        k.cyl("base", 0, 0, r, 0, h * 0.05, CHROME, seg=16)
        k.cyl("rod", 0, 0, r * 0.08, h * 0.05, h, CHROME, seg=8)
        k.cyl("roll", 0, 0, r * 0.9, h * 0.07, h * 0.93, PAPER, seg=16)
        k.finish()
        return
    if "toilet paper" in name:
        pr = min(h * 0.45, y * 0.5)
        k.box("plate", (-x * 0.3, -y, h * 0.5 - pr * 0.6), (x * 0.3, -y + y * 0.12, h * 0.5 + pr * 0.6), CHROME)
        k.tube("arm", (-x * 0.2, -y + y * 0.12, h * 0.5), (-x * 0.2, -y + y * 0.12 + pr, h * 0.5), pr * 0.12, CHROME)
        k.disc("roll", (0.1 * x, y - pr, h * 0.5), pr, x * 1.2, axis="x", mat=PAPER, seg=16)
        k.finish()
        return
    bars = 1 if h < 0.2 else k.pick((1, 2, 2))
    br = min(y * 0.12, 0.012)
    for s in (-1, 1):
        k.box("plate", (s * x * 0.9 - x * 0.06, -y, 0), (s * x * 0.9 + x * 0.06, -y + y * 0.1, h), CHROME)
    for i in range(bars):
        bz = h * (0.85 - 0.45 * i)
        for s in (-1, 1):
            k.bar("bracket", (s * x * 0.9, -y + y * 0.1), (s * x * 0.9, y - br * 2), br * 1.5, bz - br, bz + br, CHROME)
        k.tube("bar", (-x, y - br * 2, bz), (x, y - br * 2, bz), br, CHROME, seg=10)
    if h > 0.2:  # a towel hanging over the top bar
        k.box("towel", (-x * 0.6, y - br * 4, h * 0.2), (x * 0.6, y - br * 0.2, h * 0.85 + br), FABRIC)
    k.finish()


@generator("hot_tub")
def hot_tub(w: AssetWriter, size: Size, cat: Category) -> None:
    """A square spa: a wooden skirt with a rounded rim, water, a seat bench along the walls, headrests and jets."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = min(x, y) * 0.1
    k.walls("skirt", x, y, t, 0, h * 0.92, k.pick(("teak", "dark wood", "oak wood")))
    k.walls("rim", x * 0.99, y * 0.99, t * 1.1, h * 0.92, h, "acrylic")
    k.box("floor", (-x + t, -y + t, 0), (x - t, y - t, h * 0.1), "acrylic")
    seat = h * 0.45
    k.walls("seat", x - t, y - t, t * 1.6, h * 0.1, seat, "acrylic")
    k.box("water", (-x + t, -y + t, h * 0.1), (x - t, y - t, h * 0.8), "water")
    for s in (-1, 1):
        k.box("headrest", (-x * 0.3, s * (y - t) - t * 0.4, h * 0.82), (x * 0.3, s * (y - t) + t * 0.4, h * 1.0), "foam")
    k.finish()

