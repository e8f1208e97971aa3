"""Decor family: the fireplace generator.

Builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import OAK, PAINT_BLACK, Kit
from ...toolkit import AssetWriter


@generator("fireplace")
def fireplace(w: AssetWriter, size: Size, cat: Category) -> None:
    """A fireplace against the wall: a hearth slab, a surround of two jambs and a lintel around a dark
    firebox with logs, and a mantel shelf on top (a support surface)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    jamb = x * k.u(0.22, 0.32)
    zt = h * k.u(0.62, 0.72)
    front = y * 0.45
    k.box("hearth", (-x, -y, 0), (x, y, h * 0.05))
    for sx in (-1, 1):
        a, b = sorted((sx * x * 0.92, sx * (x * 0.92 - jamb)))
        k.box("jamb", (a, -y, h * 0.05), (b, front, h * 0.9))
    k.box("lintel", (-x * 0.92 + jamb, -y, zt), (x * 0.92 - jamb, front, h * 0.9))
    k.box("firebox", (-x * 0.92 + jamb, -y, h * 0.05), (x * 0.92 - jamb, -y * 0.5, zt), PAINT_BLACK)
    for i, lz in enumerate((0.09, 0.15)):
        k.tube("log", (-x * 0.3, -y * (0.1 + 0.15 * i), h * lz), (x * 0.3, -y * (0.2 - 0.1 * i), h * lz), h * 0.035, OAK, seg=8)
    k.box("mantel", (-x, -y, h * 0.9), (x, y * 0.7, h))
    k.surface(h, -x, -y, x, y * 0.7)
    k.finish()
