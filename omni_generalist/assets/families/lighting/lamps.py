"""Lighting family: the floor lamp, table lamp, ceiling lamp, wall sconce generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, FABRIC, GLASS, PAINT_BLACK, WHITE, Kit, _clamp, _vase
from ...toolkit import AssetWriter

# ====================================================================== lamps


def _shade(k: Kit, style: str, r: float, ry: float, z0: float, z1: float) -> None:
    """A lamp shade of top/bottom radius ``r`` (along X; ``ry`` along Y) from ``z0`` to ``z1``."""
    a = ry / r
    if style == "drum":
        k.cyl("shade", 0, 0, (r, ry), z0, z1, FABRIC, seg=20)
    elif style == "empire":
        k.cone("shade", 0, 0, r, r * 0.6, z0, z1, FABRIC, seg=20, aspect=a)
    elif style == "dome":
        k.cone("shade", 0, 0, r, r * 0.35, z0, z0 + (z1 - z0) * 0.8, BRUSHED, seg=20, aspect=a)
        k.cyl("shade_top", 0, 0, (r * 0.35, ry * 0.35), z0 + (z1 - z0) * 0.75, z1, BRUSHED, seg=12)
    else:  # globe
        k.ball("shade", (0, 0, (z0 + z1) / 2), (r, ry, (z1 - z0) / 2), GLASS, rings=6, seg=12)


def _lamp_base(k: Kit, style: str, rx: float, ry: float, hb: float) -> None:
    if style == "disc":
        k.cone("base", 0, 0, rx, rx * 0.85, 0, hb, aspect=ry / rx, seg=20)
    elif style == "square":
        k.box("base", (-rx, -ry, 0), (rx, ry, hb))
    else:  # tripod feet
        for i in range(3):
            a = math.pi / 2 + 2 * math.pi * i / 3
            k.strut("leg", (rx * math.cos(a) * 0.95, ry * math.sin(a) * 0.95, 0), (0, 0, hb * 6),
                    _clamp(min(rx, ry) * 0.05, 0.005, 0.02))


@generator("floor_lamp")
def floor_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base (disc, square or tripod), a pole and a shade (drum, empire, dome or globe)."""
    k = Kit(w, size)
    _floor_lamp(k)


def _floor_lamp(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    base = k.pick(("disc", "square", "tripod"))
    shade = k.pick(("drum", "empire", "dome", "globe"))
    sh = h * k.u(0.15, 0.24)
    hb = h * 0.025
    bx = min(x, y) * (0.75 if base != "tripod" else 1.0)
    _lamp_base(k, base, bx * x / min(x, y), bx * y / min(x, y), hb)
    pr = _clamp(min(x, y) * 0.05, 0.008, 0.02)
    k.cyl("pole", 0, 0, pr, hb * 0.5, h - sh * 0.5, seg=10)
    k.ball("bulb", (0, 0, h - sh * 0.55), min(x, y) * 0.12, WHITE, rings=4, seg=6)
    _shade(k, shade, x, y, h - sh, h)
    k.finish()


@generator("table_lamp")
def table_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A table lamp (a turned or round body, a stem and a shade) or a desk lamp (a jointed arm and a head)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.variant == "lamp" and h > 1.0:
        _floor_lamp(k)
        return
    if "desk" in cat.variant or "task" in cat.variant or "study" in cat.variant:
        # a heavy round base under the head: the head reaches out no further than the base's rim,
        # so the lamp stands (uniform density: its centre of mass stays over the base)
        r = _clamp(min(x, y) * 0.05, 0.006, 0.015)
        bx = by = min(x, y) * 0.6
        cx, cy = -x + bx, -y + by
        k.cyl("base", cx, cy, (bx, by), 0, h * 0.08, seg=16)
        elbow = (cx - bx * 0.3, cy - by * 0.2, h * k.u(0.55, 0.7))
        head = (cx + bx * 0.45, cy + by * 0.45, h * 0.75)
        k.tube("arm", (cx, cy, h * 0.07), elbow, r, seg=8)
        k.tube("arm", elbow, (head[0], head[1], h - r * 1.2), r, seg=8)
        k.ball("joint", elbow, r * 1.6, BRUSHED, rings=4, seg=6)
        hr = min(x, y) * 0.22
        k.cone("head", head[0], head[1], hr, hr * 0.35, h * 0.62, h * 0.62 + (h - h * 0.62) * 0.7, seg=14)
        k.cyl("head_top", head[0], head[1], (hr * 0.35, hr * 0.35), h * 0.8, h, seg=10)
        k.finish()
        return
    shade = k.pick(("drum", "empire", "empire", "globe", "dome"))
    body = k.pick(("vase", "cylinder", "ball"))
    sh = h * k.u(0.3, 0.42)
    zs = h - sh
    bh = zs * k.u(0.55, 0.8)
    br = k.u(0.35, 0.55)
    if body == "vase":
        _vase(k, 0.0, bh, br)
    elif body == "cylinder":
        k.cyl("body", 0, 0, (x * br * 0.8, y * br * 0.8), 0, bh, seg=16)
    else:
        k.cyl("foot", 0, 0, (x * br * 0.5, y * br * 0.5), 0, bh * 0.12, seg=12)
        k.ball("body", (0, 0, bh * 0.55), (x * br, y * br, bh * 0.45), rings=6, seg=12)
    k.cyl("stem", 0, 0, _clamp(min(x, y) * 0.04, 0.004, 0.015), bh * 0.9, zs + sh * 0.4, BRUSHED, seg=8)
    _shade(k, shade, x, y, zs, h)
    k.finish()


@generator("ceiling_lamp")
def ceiling_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hanging lamp touching the ceiling at the top: a canopy, a cord or chain, and a shade at the bottom.

    Chandeliers have a column and radial arms with candle cups and bulbs; flush-mounted ceiling
    lights are a canopy and a dome.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    cr = _clamp(m * 0.2, 0.03, 0.08)
    ch = _clamp(h * 0.04, 0.01, 0.03)
    if "chandelier" in cat.variant:
        k.cyl("canopy", 0, 0, cr, h - ch, h, BRUSHED, seg=12)
        hz = h * k.u(0.3, 0.45)
        k.cyl("chain", 0, 0, _clamp(m * 0.015, 0.004, 0.01), hz, h - ch * 0.5, BRUSHED, seg=6)
        k.ball("body", (0, 0, hz), (m * 0.15, m * 0.15, hz * 0.35), BRUSHED, rings=5)
        k.cone("finial", 0, 0, m * 0.02, m * 0.08, 0, hz * 0.7, BRUSHED, seg=8)
        n = k.rng.randint(5, 8)
        ar = _clamp(m * 0.02, 0.004, 0.012)
        bz = hz * 0.7
        for i in range(n):
            a = 2 * math.pi * i / n
            ex, ey = (x - m * 0.07) * math.cos(a), (y - m * 0.07) * math.sin(a)
            k.tube("arm", (0, 0, hz * 0.85), (ex, ey, bz), ar, BRUSHED, seg=6)
            k.cyl("cup", ex, ey, m * 0.07, bz, bz + hz * 0.12, BRUSHED, seg=10)
            k.cyl("candle", ex, ey, m * 0.025, bz + hz * 0.1, bz + hz * 0.45, WHITE, seg=8)
            k.ball("bulb", (ex, ey, bz + hz * 0.5), m * 0.035, GLASS, rings=4, seg=6)
        k.finish()
        return
    flush = "flush" in cat.variant or cat.variant == "ceiling light" and h < 0.35 * (2 * m) or h < 0.8 * m
    if flush:
        k.cyl("canopy", 0, 0, (x * 0.8, y * 0.8), h * 0.8, h, BRUSHED, seg=20)
        k.cone("dome", 0, 0, x, x * 0.75, h * 0.45, h * 0.82, GLASS, seg=20, aspect=y / x)
        k.cone("dome", 0, 0, x * 0.75, x * 0.2, 0, h * 0.46, GLASS, seg=20, aspect=y / x)
        k.finish()
        return
    sh = min(h * k.u(0.25, 0.45), 2 * m * k.u(0.5, 0.9))
    k.cyl("canopy", 0, 0, cr, h - ch, h, BRUSHED, seg=12)
    k.cyl("cord", 0, 0, _clamp(m * 0.01, 0.002, 0.006), sh * 0.8, h - ch * 0.5, BLACK, seg=6)
    style = k.pick(("dome", "drum", "globe", "cone"))
    if style == "dome":
        k.cone("shade", 0, 0, x, x * 0.3, 0, sh * 0.85, BRUSHED, seg=20, aspect=y / x)
        k.cyl("shade_top", 0, 0, (x * 0.3, y * 0.3), sh * 0.8, sh, BRUSHED, seg=12)
    elif style == "drum":
        k.cyl("shade", 0, 0, (x, y), 0, sh, FABRIC, seg=20)
    elif style == "globe":
        k.ball("shade", (0, 0, sh / 2), (x, y, sh / 2), GLASS, rings=6, seg=12)
    else:
        k.cone("shade", 0, 0, x, x * 0.1, 0, sh, PAINT_BLACK, seg=20, aspect=y / x)
    k.ball("bulb", (0, 0, sh * 0.2), m * 0.25, WHITE, rings=4, seg=6)
    k.finish()


@generator("wall_sconce")
def wall_sconce(w: AssetWriter, size: Size, cat: Category) -> None:
    """A back plate on the wall, an arm towards +Y and an upturned shade."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    pt = _clamp(2 * y * 0.08, 0.008, 0.02)
    k.box("plate", (-x * 0.35, -y, h * 0.15), (x * 0.35, -y + pt, h * 0.55), BRUSHED)
    sr = min(x, y * 0.6)
    sy = y - sr
    a = sr / x
    ar = _clamp(min(x, h) * 0.04, 0.004, 0.012)
    k.tube("arm", (0, -y + pt, h * 0.35), (0, sy, h * 0.35), ar, BRUSHED, seg=8)
    k.cyl("cup", 0, sy, (sr * 0.3, sr * 0.3), h * 0.3, h * 0.42, BRUSHED, seg=10)
    style = k.pick(("empire", "drum", "glass"))
    if style == "glass":
        k.cone("shade", 0, sy, x * 0.55, x, h * 0.4, h, GLASS, seg=16, aspect=a)
        k.box("back", (-x * 0.05, -y, 0), (x * 0.05, -y + pt, h * 0.15), BRUSHED)
    else:
        k.cone("shade", 0, sy, x, x * (0.7 if style == "empire" else 1.0), h * 0.42, h, FABRIC, seg=16, aspect=a)
        k.box("back", (-x * 0.05, -y, 0), (x * 0.05, -y + pt, h * 0.15), BRUSHED)
    k.finish()
