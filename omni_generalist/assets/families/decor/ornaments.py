"""Decor family: the globe, clock, trophy generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

import numpy as np

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BRUSHED, OAK, PAINT_BLACK, PAINT_WHITE, Kit
from ...toolkit import AssetWriter

# ====================================================================== gadgets and decoration


@generator("globe")
def globe(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere on a stand: a round base, a post and a meridian arc."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, y) * 0.88
    gz = h - r * 1.04
    k.cyl("base", 0, 0, (x * 0.6, y * 0.6), 0, h * 0.04, OAK, seg=16)
    k.cyl("post", 0, 0, min(x, y) * 0.05, h * 0.03, gz - r * 0.9, OAK, seg=8)
    k.ball("globe", (0, 0, gz), (r * x / min(x, y), r * y / min(x, y), r), rings=8, seg=12)
    mt = max(r * 0.04, 0.002)
    arc = [(math.sin(a) * r * 1.08, gz - math.cos(a) * r * 1.08) for a in np.linspace(0.35, math.pi, 7)]
    for (ax, az), (bx, bz) in zip(arc[:-1], arc[1:], strict=True):
        k.tube("meridian", (ax, 0, az), (bx, 0, bz), mt, BRUSHED, seg=6)
    k.finish()


@generator("clock")
def clock(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall clock (a round dial facing +Y with a rim and hands) or a desk clock (a body on feet with bells)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    wall = "wall" in cat.variant or cat.placement == "on_wall" or y < 0.25 * min(x, h / 2)
    if wall:
        r = (x, h / 2)
        k.disc("rim", (0, 0, h / 2), r, 2 * y * 0.8, "y", seg=24)
        k.disc("face", (0, y * 0.05, h / 2), (x * 0.9, h / 2 * 0.9), 2 * y * 0.8, "y", PAINT_WHITE, seg=24)
        k.box("hand", (-x * 0.03, y * 0.85, h / 2 - h * 0.02), (x * 0.6, y, h / 2 + h * 0.02), PAINT_BLACK)
        k.box("hand", (-x * 0.02, y * 0.85, h / 2 - h * 0.02), (x * 0.02, y, h / 2 + h * 0.4), PAINT_BLACK)
        k.box("hanger", (-x * 0.05, -y, h * 0.8), (x * 0.05, -y * 0.5, h * 0.85))
        k.finish()
        return
    alarm = "alarm" in cat.variant or k.rng.random() < 0.4
    bh = h * (0.78 if alarm else 1.0)
    k.disc("body", (0, 0, bh * 0.53), (x * 0.92, bh * 0.47), 2 * y * 0.8, "y", seg=20)
    k.disc("face", (0, y * 0.45, bh * 0.53), (x * 0.8, bh * 0.41), 2 * y * 0.2, "y", PAINT_WHITE, seg=20)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.55 - x * 0.08, -y * 0.3, 0), (sx * x * 0.55 + x * 0.08, y * 0.3, bh * 0.1), BRUSHED)
        if alarm:
            rz = (h - bh * 0.88) / 2
            k.ball("bell", (sx * x * 0.5, 0, h - rz), (x * 0.25, y * 0.5, rz), BRUSHED, rings=5)
    k.box("hand", (-x * 0.02, y * 0.9, bh * 0.5), (x * 0.5, y, bh * 0.55), PAINT_BLACK)
    k.finish()


@generator("trophy")
def trophy(w: AssetWriter, size: Size, cat: Category) -> None:
    """A stepped base, a stem, a cup with two handles."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x * 0.7, -y, 0), (x * 0.7, y, h * 0.12), k.pick((OAK, PAINT_BLACK)))
    k.box("base", (-x * 0.5, -y * 0.5, h * 0.12), (x * 0.5, y * 0.5, h * 0.2), k.pick((OAK, PAINT_BLACK)))
    k.cone("stem", 0, 0, x * 0.3, x * 0.08, h * 0.2, h * 0.42, aspect=y / x, seg=12)
    r = x * 0.62
    k.cone("cup", 0, 0, r * 0.25, r, h * 0.42, h, aspect=y / x, seg=16)
    for sx in (-1, 1):
        k.tube("handle", (sx * r * 0.6, 0, h * 0.55), (sx * x * 0.9, 0, h * 0.72), min(x, h) * 0.03, seg=6)
        k.tube("handle", (sx * x * 0.9, 0, h * 0.72), (sx * r * 0.95, 0, h * 0.92), min(x, h) * 0.03, seg=6)
    k.finish()
