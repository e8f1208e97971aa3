"""Lighting family: the candle, lantern generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, GLASS, PAINT_BLACK, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


@generator("candle")
def candle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wax pillar with a wick; a tall thin one is a taper candle in a candlestick, a flat one a tea light."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    wick = _clamp(0.06 * h, 0.002, 0.015)
    if h > 3.5 * min(2 * x, 2 * y):  # a taper candle in a candlestick
        k.cyl("base", 0, 0, (x, y), 0, h * 0.05, BRUSHED, seg=16)
        k.cyl("stem", 0, 0, (x * 0.2, y * 0.2), h * 0.04, h * 0.3, BRUSHED, seg=10)
        k.cyl("cup", 0, 0, (x * 0.4, y * 0.4), h * 0.28, h * 0.34, BRUSHED, seg=12)
        k.cyl("wax", 0, 0, (x * 0.22, y * 0.22), h * 0.33, h - wick, seg=10)
    elif h < 0.7 * min(2 * x, 2 * y):  # a tea light
        k.cyl("cup", 0, 0, (x, y), 0, (h - wick) * 0.9, BRUSHED, seg=16)
        k.cyl("wax", 0, 0, (x * 0.95, y * 0.95), (h - wick) * 0.5, h - wick, seg=16)
    else:
        k.cyl("wax", 0, 0, (x, y), 0, h - wick, seg=16)
    k.cyl("wick", 0, 0, _clamp(m * 0.04, 0.0005, 0.002), h - wick * 1.5, h, PAINT_BLACK, seg=6)
    k.finish()


@generator("lantern")
def lantern(w: AssetWriter, size: Size, cat: Category) -> None:
    """A square lantern: base, glass panes between corner posts, a stepped roof and a ring handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    p = _clamp(m * 0.1, 0.003, 0.02)
    k.box("base", (-x, -y, 0), (x, y, h * 0.08))
    k.box("glass", (-x * 0.85, -y * 0.85, h * 0.08), (x * 0.85, y * 0.85, h * 0.62), GLASS)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.box("post", (sx * x * 0.9 - p, sy * y * 0.9 - p, h * 0.08), (sx * x * 0.9 + p, sy * y * 0.9 + p, h * 0.62))
    k.box("top", (-x * 0.95, -y * 0.95, h * 0.62), (x * 0.95, y * 0.95, h * 0.67))
    k.box("roof", (-x * 0.7, -y * 0.7, h * 0.67), (x * 0.7, y * 0.7, h * 0.73))
    k.box("roof", (-x * 0.42, -y * 0.42, h * 0.73), (x * 0.42, y * 0.42, h * 0.78))
    k.cyl("candle", 0, 0, (x * 0.2, y * 0.2), h * 0.08, h * 0.3, WHITE, seg=10)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.3 - p / 2, -p / 2, h * 0.78), (sx * x * 0.3 + p / 2, p / 2, h))
    k.box("handle", (-x * 0.3 - p / 2, -p / 2, h - p), (x * 0.3 + p / 2, p / 2, h))
    k.finish()


@generator("string_lights")
def string_lights(w: AssetWriter, size: Size, cat: Category) -> None:
    """A string of lights along a wall: a wire hanging in swags between hooks, a bulb hanging at each step."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    swags = max(1, round(2 * x / 0.8))
    steps = 6
    r = min(y * 0.9, h * 0.2)
    wt = max(r * 0.12, 0.0015)
    top = h - wt
    sag = h - 2.2 * r - wt
    pts = []
    for s in range(swags):
        for i in range(steps + (1 if s == swags - 1 else 0)):
            f = i / steps
            pts.append((-x + 2 * x * (s + f) / swags, top - sag * 4 * f * (1 - f)))
    for (ax, az), (bx, bz) in zip(pts, pts[1:], strict=False):
        k.tube("wire", (ax, 0, az), (bx, 0, bz), wt, BLACK, seg=5)
    for i, (px, pz) in enumerate(pts):
        if i % steps == 0:
            k.cyl("hook", px, 0, wt * 2, pz, h, BLACK, seg=6)
        else:
            k.ball("bulb", (px, 0, pz - 1.1 * r), (r * 0.8, r, r), GLASS if i % 2 else WHITE, rings=4, seg=8)
    k.finish()
