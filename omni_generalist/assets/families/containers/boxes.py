"""Containers family: the box, crate, storage bin, basket, laundry basket, shopping basket, tissue box, bucket generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

import numpy as np

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import CARDBOARD, FABRIC, PAINT_WHITE, PAPER, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== boxes and containers


@generator("box")
def box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed box: top flaps with a seam (maybe taped), or a lid (a gift box with a ribbon and bow)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.variant in ("jewelry box", "pill box"):
        style = "lid"
    elif cat.variant == "box":
        style = k.pick(("flaps", "taped", "lid", "gift"))
    else:
        style = k.pick(("flaps", "flaps", "taped"))
    gift = style == "gift"
    style = "lid" if gift else style
    m = min(x, y)
    if style == "lid":
        bow = _clamp(h * 0.12, 0.005, 0.05) if gift else 0.0
        top = h - bow
        lh = (top) * k.u(0.12, 0.3)
        ins = _clamp(m * 0.02, 0.001, 0.006)
        k.box("body", (-x + ins, -y + ins, 0), (x - ins, y - ins, top - lh * 0.8))
        k.box("lid", (-x, -y, top - lh), (x, y, top))
        if gift:
            rw = m * 0.12
            k.box("ribbon", (-x - 1e-4 + 2e-4, -rw / 2, top - lh - 1e-3), (x, rw / 2, top + 1e-3), FABRIC)
            k.box("ribbon", (-rw / 2, -y, top - lh - 1e-3), (rw / 2, y, top + 1e-3), FABRIC)
            for sx in (-1, 1):
                k.ball("bow", (sx * m * 0.12, 0, top + bow * 0.45), (m * 0.12, m * 0.06, bow * 0.55), FABRIC)
        k.surface(top, -x, -y, x, y)
    else:
        ft = _clamp(h * k.u(0.02, 0.04), 0.001, 0.005)
        g = _clamp(m * k.u(0.005, 0.015), 0.0005, 0.004)
        tt = 0.0005 if style == "taped" else 0.0
        along_x = k.rng.random() < 0.5 if abs(x - y) < 0.2 * m else x >= y
        k.box("body", (-x, -y, 0), (x, y, h - ft - tt))
        if along_x:
            k.box("flap", (-x, -y, h - ft - tt), (x, -g / 2, h - tt), CARDBOARD)
            k.box("flap", (-x, g / 2, h - ft - tt), (x, y, h - tt), CARDBOARD)
        else:
            k.box("flap", (-x, -y, h - ft - tt), (-g / 2, y, h - tt), CARDBOARD)
            k.box("flap", (g / 2, -y, h - ft - tt), (x, y, h - tt), CARDBOARD)
        if tt:
            tw = _clamp(m * 0.12, 0.01, 0.05)
            lo_, hi_ = ((-x, -tw / 2), (x, tw / 2)) if along_x else ((-tw / 2, -y), (tw / 2, y))
            k.box("tape", (lo_[0], lo_[1], h - tt - 1e-4), (hi_[0], hi_[1], h), WHITE)
        k.surface(h - tt, -x, -y, x, y)
    k.finish()


@generator("crate")
def crate(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open crate: corner posts, slatted sides and a bottom board; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.04 * m, 0.006, 0.2 * m)
    post = t * 1.8
    k.box("bottom", (-x + t * 0.5, -y + t * 0.5, 0), (x - t * 0.5, y - t * 0.5, t))
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.box("post", (min(sx * x, sx * (x - post)), min(sy * y, sy * (y - post)), 0),
                  (max(sx * x, sx * (x - post)), max(sy * y, sy * (y - post)), h))
    n = k.pick((2, 3, 3, 4))
    sh = h / n * k.u(0.6, 0.8)
    for i in range(n):
        z1 = h - i * h / n
        z0 = max(z1 - sh, 0.0)
        for sy in (-1, 1):
            k.box("slat", (-x + post, min(sy * y, sy * (y - t)), z0), (x - post, max(sy * y, sy * (y - t)), z1))
        for sx in (-1, 1):
            k.box("slat", (min(sx * x, sx * (x - t)), -y + post, z0), (max(sx * x, sx * (x - t)), y - post, z1))
    k.surface(t, -x + post * 1.05, -y + post * 1.05, x - post * 1.05, y - post * 1.05, inside=True)
    k.finish()


@generator("storage_bin")
def storage_bin(w: AssetWriter, size: Size, cat: Category) -> None:
    """A moulded open bin: a bottom, four walls and an outward lip; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    lip = _clamp(0.04 * m, 0.004, 0.03)
    t = _clamp(0.012 * m, 0.002, 0.1 * m)
    tb = _clamp(0.04 * h, 0.002, 0.2 * h)
    xi, yi = x - lip, y - lip
    k.box("bottom", (-xi, -yi, 0), (xi, yi, tb))
    k.walls("wall", xi, yi, t, 0, h)
    k.walls("lip", x, y, lip + t, h - _clamp(0.05 * h, 0.004, 0.02), h)
    for sx in (-1, 1):
        k.box("grip", (min(sx * x, sx * xi), -y * 0.3, h * 0.75), (max(sx * x, sx * xi), y * 0.3, h * 0.8))
    k.surface(tb, -xi + t * 1.2, -yi + t * 1.2, xi - t * 1.2, yi - t * 1.2, inside=True)
    k.finish()


def _basket(k: Kit, round_: bool, handle: bool, ears: bool, bands: int) -> None:
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.03 * m, 0.003, 0.15 * m)
    tb = _clamp(0.05 * h, 0.003, 0.2 * h)
    ew = _clamp(0.08 * x, 0.01, 0.05) if ears else 0.0
    hw = h * (0.62 if handle else 1.0)
    xo = x - ew
    if round_:
        b = k.u(0.82, 0.92)
        k.cyl("bottom", 0, 0, (xo * b - t * 0.4, y * b - t * 0.4), 0, tb)
        k.flare("wall", 0, 0, xo * b, y * b, xo, y, t, 0, hw)
        k.ring("rim", 0, 0, xo, y, t * 1.6, hw - _clamp(0.06 * hw, 0.004, 0.03), hw)
        r0x, r0y = (xo * b - t) * 0.6, (y * b - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("bottom", (-xo, -y, 0), (xo, y, tb))
        step = hw / bands
        for i in range(bands):
            d = t * 0.25 if i % 2 else 0.0
            k.walls("wall", xo - d, y - d, t, i * step, (i + 1) * step if i < bands - 1 else hw)
        k.walls("rim", xo, y, t * 1.5, hw - _clamp(0.06 * hw, 0.004, 0.03), hw)
        k.surface(tb, -xo + t * 1.7, -y + t * 1.7, xo - t * 1.7, y - t * 1.7, inside=True)
    if ears:
        for sx in (-1, 1):
            k.box("grip", (min(sx * x, sx * (xo - t)), -y * 0.25, hw * 0.72), (max(sx * x, sx * (xo - t)), y * 0.25, hw * 0.84))
    if handle:
        ht = _clamp(0.03 * m, 0.004, 0.02)
        for sx in (-1, 1):
            k.box("handle", (sx * (xo - t) - ht, -ht, hw * 0.6), (sx * (xo - t) + ht, ht, h))
        k.box("handle", (-(xo - t) - ht, -ht, h - 2 * ht), (xo - t + ht, ht, h))
    k.finish()


@generator("basket")
def basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A woven basket: round (flared) or rectangular (banded walls); picnic baskets get a handle."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=k.rng.random() < 0.5, handle="picnic" in cat.variant or k.rng.random() < 0.25, ears=False,
            bands=k.pick((3, 4, 5)))


@generator("laundry_basket")
def laundry_basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tall open basket with grips at both ends."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=k.rng.random() < 0.35, handle=False, ears=True, bands=k.pick((4, 5, 6)))


@generator("shopping_basket")
def shopping_basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rectangular basket with a handle arching over it."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=False, handle=True, ears=False, bands=3)


@generator("tissue_box")
def tissue_box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A box with an oval opening ring and a tissue puffing out of it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.82
    k.box("box", (-x, -y, 0), (x, y, bh))
    k.cyl("opening", 0, 0, (x * 0.5, y * 0.3), bh, bh + h * 0.01, PAINT_WHITE, seg=12)
    k.ball("tissue", (0, 0, bh), (x * 0.28, y * 0.35, h - bh), PAPER, rings=4, seg=6)
    k.finish()


@generator("bucket")
def bucket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared pail with a rolled rim and an upright bail handle; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.03, 0.002, 0.1 * m)
    hb = h * 0.72
    k.cyl("bottom", 0, 0, (x * 0.8 - t * 0.4, y * 0.8 - t * 0.4), 0, t * 1.5, seg=16)
    k.flare("wall", 0, 0, x * 0.8, y * 0.8, x * 0.97, y * 0.97, t, 0, hb, n=12)
    k.ring("rim", 0, 0, x, y, t * 2, hb - t * 2, hb, n=12)
    br = _clamp(m * 0.02, 0.002, 0.006)
    pts = [(x * 0.97 * math.cos(a), hb * 0.85 + (h - br - hb * 0.85) * math.sin(a)) for a in np.linspace(0, math.pi, 7)]
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("bail", (ax, 0, az), (bx, 0, bz), br, STEEL, seg=6)
    r0x, r0y = (x * 0.8 - t) * 0.6, (y * 0.8 - t) * 0.6
    k.surface(t * 1.5, -r0x, -r0y, r0x, r0y, inside=True)
    k.finish()
