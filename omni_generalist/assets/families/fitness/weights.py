"""Fitness family: the dumbbell, kettlebell generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import CHROME, RUBBER, Kit, _clamp
from ...toolkit import AssetWriter


@generator("dumbbell")
def dumbbell(w: AssetWriter, size: Size, cat: Category) -> None:
    """A dumbbell lying along its long axis: a handle and two hexagonal (or round) heads."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hl = x * k.u(0.25, 0.35)
    r = min(y, h / 2)
    hexa = k.rng.random() < 0.5
    for sx in (-1, 1):
        c = (sx * (x + hl) / 2, 0, h / 2)
        k.disc("head", c, (y, h / 2), x - hl, "x", RUBBER if hexa else None, seg=6 if hexa else 16)
    k.disc("handle", (0, 0, h / 2), r * 0.3, 2 * hl + 0.01 * x, "x", CHROME, seg=10)
    k.finish()


@generator("kettlebell")
def kettlebell(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat-bottomed ball with a handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.55, y * 0.55), 0, h * 0.06, seg=12)
    k.ball("bell", (0, 0, h * 0.36), (x, y, h * 0.34), rings=6, seg=12)
    ht = _clamp(min(x, y) * 0.12, 0.008, 0.025)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.55 - ht, -ht, h * 0.55), (sx * x * 0.55 + ht, ht, h))
    k.box("handle", (-x * 0.55 - ht, -ht, h - 2 * ht), (x * 0.55 + ht, ht, h))
    k.finish()
