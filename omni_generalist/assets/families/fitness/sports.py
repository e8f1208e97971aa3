"""Fitness family: the skateboard and racket generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, WHITE, Kit
from ...toolkit import AssetWriter


@generator("skateboard")
def skateboard(w: AssetWriter, size: Size, cat: Category) -> None:
    """A deck with rounded ends and kicked-up nose and tail on two trucks with four wheels."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    x0 = x * 0.72
    k.box("deck", (-x0, -y, h * 0.72), (x0, y, h * 0.82))
    r = min(y, (x - x0) * 0.9)
    arc = [(x - r + r * math.cos(a), r * math.sin(a) * y / r) for a in (math.pi * (i / 8 - 0.5) for i in range(9))]
    for sx in (-1, 1):
        end = k.profile("kick", [(sx * x0, -y)] + [(sx * u, v) for u, v in arc] + [(sx * x0, y)], h * 0.72, h * 0.82)
        k.tilt(end, "y", -18 * sx, (sx * x0, 0, h * 0.77))
        cx = sx * x * 0.6
        k.box("baseplate", (cx - x * 0.06, -y * 0.3, h * 0.6), (cx + x * 0.06, y * 0.3, h * 0.72), BRUSHED)
        k.box("hanger", (cx - x * 0.03, -y * 0.75, h * 0.38), (cx + x * 0.03, y * 0.75, h * 0.6), BRUSHED)
        for sy in (-1, 1):
            k.disc("wheel", (cx, sy * y * 0.8, h * 0.2), h * 0.2, y * 0.3, "y", WHITE, seg=14)
    k.finish()


@generator("racket")
def racket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A racket lying flat: an oval head frame around a string bed, an open throat and a wrapped handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    cx, rx = x * 0.5, x * 0.5
    t = min(y * 0.1, rx * 0.1)
    k.ring("frame", cx, 0, rx, y, t, 0, h, n=20)
    k.cyl("strings", cx, 0, (rx - t, y - t), h * 0.45, h * 0.55, WHITE, seg=20)
    for sy in (-1, 1):
        k.bar("throat", (cx - rx + t * 0.5, sy * y * 0.45), (-x * 0.35, 0), t, h * 0.1, h * 0.9)
    k.tube("handle", (-x, 0, h / 2), (-x * 0.33, 0, h / 2), h / 2, BLACK, seg=8)
    k.finish()
