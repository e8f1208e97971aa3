"""Fitness family: the treadmill, exercise bike, weight bench, yoga mat, punching bag generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, FABRIC, PAINT_BLACK, RUBBER, STEEL, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== fitness


@generator("treadmill")
def treadmill(w: AssetWriter, size: Size, cat: Category) -> None:
    """A low deck with a belt and side rails, a motor hood, two uprights, handrails and a console at the
    front end (-Y, or -X when wider than deep)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    dz = min(0.22, h * 0.15)
    k.box("deck", (-x * 0.8, -y * 0.85, dz * 0.3), (x, y * 0.85, dz))
    k.box("belt", (-x * 0.75, -y * 0.6, dz), (x * 0.95, y * 0.6, dz + 0.005), BLACK)
    for sy in (-1, 1):
        k.box("rail", (-x * 0.8, min(sy * y * 0.6, sy * y * 0.85), dz * 0.3), (x, max(sy * y * 0.6, sy * y * 0.85),
                                                                                 dz + 0.01), RUBBER)
        k.box("foot", (min(0.0, 0.0) + x * 0.9, sy * y * 0.8 - 0.02, 0), (x, sy * y * 0.8 + 0.02, dz * 0.3), RUBBER)
        k.strut("upright", (-x * 0.72, sy * y * 0.8, dz), (-x * 0.88, sy * y * 0.8, h * 0.82), _clamp(y * 0.05, 0.02, 0.04),
                square=True)
        k.box("handrail", (-x * 0.88, min(sy * y, sy * y * 0.86), h * 0.7), (-x * 0.4, max(sy * y, sy * y * 0.86), h * 0.74))
    k.box("hood", (-x, -y * 0.85, 0), (-x * 0.72, y * 0.85, dz * 1.4))
    k.box("console", (-x * 0.98, -y * 0.8, h * 0.82), (-x * 0.78, y * 0.8, h), BLACK)
    k.finish()


@generator("exercise_bike")
def exercise_bike(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two stabiliser feet, a frame, a flywheel at the front (-X of the long axis), a saddle on a seat post,
    handlebars and pedals."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = _clamp(h * 0.025, 0.015, 0.03)
    for fx in (-x * 0.85, x * 0.85):
        k.box("foot", (fx - x * 0.06, -y, 0), (fx + x * 0.06, y, h * 0.05), BLACK)
    fr = min(h * 0.25, x * 0.35)
    k.disc("flywheel", (-x * 0.5, 0, h * 0.06 + fr), fr, min(2 * y * 0.15, 0.05), "y", BRUSHED, seg=20)
    k.tube("frame", (x * 0.85, 0, h * 0.05), (x * 0.05, 0, h * 0.25), r, seg=8)
    k.tube("frame", (-x * 0.85, 0, h * 0.05), (x * 0.05, 0, h * 0.25), r, seg=8)
    k.tube("frame", (x * 0.05, 0, h * 0.25), (-x * 0.5, 0, h * 0.6), r, seg=8)
    k.strut("seat_post", (x * 0.15, 0, h * 0.2), (x * 0.3, 0, h * 0.68), r)
    k.ball("saddle", (x * 0.32, 0, h * 0.7), (x * 0.16, min(y * 0.3, 0.1), h * 0.035), BLACK, rings=5)
    k.strut("stem", (-x * 0.5, 0, h * 0.55), (-x * 0.62, 0, h * 0.95), r)
    k.tube("handlebar", (-x * 0.62, -y * 0.8, h - r), (-x * 0.62, y * 0.8, h - r), r, BLACK, seg=8)
    k.box("console", (-x * 0.7, -y * 0.2, h * 0.86), (-x * 0.56, y * 0.2, h * 0.96), BLACK)
    k.disc("crank", (x * 0.05, 0, h * 0.3), h * 0.08, min(0.03, y * 0.1), "y", CHROME, seg=12)
    for sy in (-1, 1):
        k.box("pedal", (x * 0.0, sy * y * 0.2 - 0.03, h * 0.28), (x * 0.1, sy * y * 0.2 + 0.03, h * 0.32), BLACK)
    k.finish()


@generator("weight_bench")
def weight_bench(w: AssetWriter, size: Size, cat: Category) -> None:
    """A padded bench on T feet; a tall box gets rack uprights at the head with a barbell across."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    rack = h > 0.8
    ph = min(h, 0.45) if rack else h
    py = min(y, 0.15) if rack else y
    k.box("pad", (-x * (0.6 if rack else 1.0), -py, ph * 0.82), (x * 0.95, py, ph), FABRIC)
    k.box("frame", (-x * (0.55 if rack else 0.9), -py * 0.3, ph * 0.6), (x * 0.9, py * 0.3, ph * 0.82), BLACK)
    for fx in (-x * (0.5 if rack else 0.8), x * 0.8):
        k.box("leg", (fx - 0.025, -py * 0.3, 0.02), (fx + 0.025, py * 0.3, ph * 0.6), BLACK)
        k.box("foot", (fx - 0.03, -py * 1.0, 0), (fx + 0.03, py * 1.0, 0.04), BLACK)
    if rack:
        for sy in (-1, 1):
            k.box("upright", (-x * 0.85, sy * y * 0.45 - 0.025, 0), (-x * 0.8, sy * y * 0.45 + 0.025, h * 0.9), BLACK)
            k.box("rack_foot", (-x, sy * y * 0.45 - 0.03, 0), (-x * 0.6, sy * y * 0.45 + 0.03, 0.04), BLACK)
            k.disc("plate", (-x * 0.82, sy * y * 0.85, h * 0.9), (min(0.2, h * 0.1), min(0.2, h * 0.1)), y * 0.08, "y",
                   BLACK, seg=16)
        k.tube("bar", (-x * 0.82, -y, h * 0.9), (-x * 0.82, y, h * 0.9), 0.015, CHROME, seg=8)
    k.finish()


@generator("yoga_mat")
def yoga_mat(w: AssetWriter, size: Size, cat: Category) -> None:
    """Flat (a thin slab), or rolled: a cylinder lying along the long side or standing, with a strap."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if h < 0.5 * y and h < 0.05:
        k.box("mat", (-x, -y, 0), (x, y, h))
        k.finish()
        return
    if h >= 2 * x:  # standing roll
        k.cyl("roll", 0, 0, (x, y), 0, h, seg=16)
        k.cyl("core", 0, 0, (x * 0.3, y * 0.3), h * 0.999, h, PAINT_BLACK, seg=10)
        k.cyl("strap", 0, 0, (x * 1.0, y * 1.0), h * 0.3, h * 0.34, FABRIC, seg=16)
    else:
        k.disc("roll", (0, 0, h / 2), (y, h / 2), 2 * x, "x", seg=16)
        for sx in (-1, 1):
            k.disc("strap", (sx * x * 0.6, 0, h / 2), (y * 1.0, h / 2), x * 0.06, "x", FABRIC, seg=16)
    k.finish()


@generator("punching_bag")
def punching_bag(w: AssetWriter, size: Size, cat: Category) -> None:
    """A heavy bag: hanging from a ceiling mount by a chain and straps, or free-standing on a weighted base."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.placement == "ceiling" or h > 1.9:
        bh = h * 0.62
        k.cyl("bag", 0, 0, (x, y), 0, bh, seg=16)
        k.cyl("cap", 0, 0, (x * 0.9, y * 0.9), bh, bh + h * 0.02, BLACK, seg=16)
        for i in range(4):
            a = math.pi / 4 + math.pi / 2 * i
            k.tube("strap", (x * 0.8 * math.cos(a), y * 0.8 * math.sin(a), bh + h * 0.015), (0, 0, bh + h * 0.15), 0.006,
                   STEEL, seg=6)
        k.cyl("chain", 0, 0, 0.008, bh + h * 0.14, h - 0.02, STEEL, seg=6)
        k.cyl("mount", 0, 0, min(x, y) * 0.4, h - 0.02, h, STEEL, seg=10)
    else:
        k.cone("base", 0, 0, x, x * 0.75, 0, h * 0.22, BLACK, aspect=y / x, seg=20)
        k.cyl("neck", 0, 0, (x * 0.3, y * 0.3), h * 0.21, h * 0.32, BLACK, seg=12)
        k.cyl("bag", 0, 0, (x * 0.75, y * 0.75), h * 0.3, h * 0.97, seg=16)
        k.ball("top", (0, 0, h * 0.97), (x * 0.75, y * 0.75, h * 0.03), rings=4, seg=16)
    k.finish()
