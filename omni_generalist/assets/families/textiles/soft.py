"""Textiles family: the towel, blanket, pillow generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import FABRIC, Kit, _folded
from ...toolkit import AssetWriter


@generator("towel")
def towel(w: AssetWriter, size: Size, cat: Category) -> None:
    """A folded towel: a few stacked layers with rounded fold edges."""
    k = Kit(w, size, long_x=True)
    _folded(k, k.pick((2, 3, 4)) if k.H > 0.02 else 1)
    k.finish()


@generator("blanket")
def blanket(w: AssetWriter, size: Size, cat: Category) -> None:
    """Folded (a stack of layers) when thick for its size, else spread flat with a hem."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if h > 0.05 * min(x, y):
        _folded(k, k.pick((3, 4, 5)))
    else:
        k.box("blanket", (-x, -y, 0), (x, y, h * 0.8))
        for sy in (-1, 1):
            k.box("hem", (-x, min(sy * y, sy * (y - 0.04 * y)), 0), (x, max(sy * y, sy * (y - 0.04 * y)), h))
    k.finish()


@generator("pillow")
def pillow(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plump rounded box: a squashed sphere over a core whose edges make the seams and corners."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    c = k.u(0.86, 0.95)
    k.box("core", (-x * c, -y * c, h * 0.22), (x * c, y * c, h * 0.78))
    k.ball("puff", (0, 0, h / 2), (x * k.u(0.96, 1.0) if c < 0.92 else x, y, h / 2), rings=6, seg=12)
    if k.rng.random() < 0.4:
        k.box("piping", (-x, -y * 0.02 - 0.002, h * 0.47), (x, y * 0.02 + 0.002, h * 0.53), FABRIC)
    k.finish()
