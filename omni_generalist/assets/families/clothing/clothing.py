"""Clothing family: the clothes, shoes, hat, handbag, suitcase, backpack, umbrella, eyeglasses generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

import numpy as np

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, FABRIC, GLASS, OAK, RUBBER, Kit, _clamp, _folded
from ...toolkit import AssetWriter


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 16, phase: float = 0.0) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 reaches its extremes)."""
    return [(cx + rx * math.cos(phase + 2 * math.pi * k / n), cy + ry * math.sin(phase + 2 * math.pi * k / n))
            for k in range(n)]


@generator("clothes")
def clothes(w: AssetWriter, size: Size, cat: Category) -> None:
    """Folded garments: one with a collar (a shirt) or a stack of two to four of varied footprint."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    single = cat.variant in ("shirt", "jacket", "sweater")
    if single:
        _folded(k, 2, collar="shirt" in cat.variant)
        k.finish()
        return
    n = k.rng.randint(2, 4)
    gh = h / n
    for i in range(n):
        sx, sy = (1.0, 1.0) if i == 0 else (k.u(0.85, 1.0), k.u(0.85, 1.0))
        ox, oy = k.u(-1, 1) * x * (1 - sx), k.u(-1, 1) * y * (1 - sy)
        z0, z1 = i * gh, (i + 1) * gh
        k.box("garment", (ox - x * sx, oy - y * sy + gh * 0.4, z0), (ox + x * sx, oy + y * sy - gh * 0.4, z1 - gh * 0.02),
              k.pick((None, FABRIC)))
        k.ball("fold", (ox, oy + y * sy - gh * 0.45, (z0 + z1) / 2), (x * sx, gh * 0.45, gh * 0.5), rings=4, seg=6)
        k.ball("fold", (ox, oy - y * sy + gh * 0.45, (z0 + z1) / 2), (x * sx * 0.99, gh * 0.45, gh * 0.48),
               rings=4, seg=6)
    k.finish()


@generator("shoes")
def shoes(w: AssetWriter, size: Size, cat: Category) -> None:
    """One shoe or a pair side by side: a rubber sole, a rounded toe and a heel collar (a shaft for boots)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    pair = cat.variant.endswith("s") or "pair" in cat.variant or x > 0.6 * y
    boot = "boot" in cat.variant
    if pair:
        sw = (2 * x) * 0.46
        centres = (-x + sw / 2, x - sw / 2)
    else:
        sw, centres = 2 * x, (0.0,)
    hs = _clamp(0.14 * h, 0.005, 0.04) if not boot else _clamp(0.06 * h, 0.01, 0.04)
    for cx in centres:
        k.box("sole", (cx - sw / 2, -y, 0), (cx + sw / 2, y, hs), RUBBER)
        toe_h = min(h - hs, (h if not boot else h * 0.35) * 0.55)
        k.ball("toe", (cx, y * 0.2, (hs + toe_h) / 2), (sw / 2 * 0.96, y * 0.78, (hs + toe_h) / 2), rings=5, seg=10)
        top = h if boot else h * k.u(0.85, 1.0) if cx != centres[0] else h
        k.cyl("heel", cx, -y * 0.45, (sw / 2 * 0.94, y * 0.5), hs * 0.9, top, seg=12)
        if not boot:
            k.cyl("opening", cx, -y * 0.4, (sw / 2 * 0.6, y * 0.3), top - 0.2 * (top - hs), top + 1e-4 * 0, BLACK, seg=10)
    k.finish()


@generator("hat")
def hat(w: AssetWriter, size: Size, cat: Category) -> None:
    """A brim and a crown with a band, a top hat, a cap (a dome with a visor towards +Y) or a beanie."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    style = k.pick(("brim", "brim", "cap", "beanie", "top"))
    if style in ("cap", "beanie"):
        visor = style == "cap"
        ry = y * (0.62 if visor else 1.0)
        cy = -y + ry
        k.cyl("band", 0, cy, (x, ry), 0, h * 0.2, seg=16)
        k.ball("crown", (0, cy, h * 0.5), (x * 0.99, ry * 0.99, h * 0.5), rings=6, seg=12)
        if visor:
            k.prism("visor", ellipse(0, cy + ry * 0.55, x * 0.75, y - cy - ry * 0.55, 12), 0, h * 0.06)
        k.finish()
        return
    tall = style == "top"
    cr = k.u(0.55, 0.68) if not tall else 0.6
    bh = _clamp(h * 0.06, 0.002, 0.01)
    k.cyl("brim", 0, 0, (x, y), 0, bh, seg=20)
    k.cone("crown", 0, 0, x * cr, x * cr * (1.0 if tall else 0.85), 0, h * 0.92, aspect=y / x)
    k.cone("crown", 0, 0, x * cr * (1.0 if tall else 0.85), x * cr * (1.0 if tall else 0.7), h * 0.92, h,
           aspect=y / x)
    k.cyl("band", 0, 0, (x * cr * 1.02, y * cr * 1.02), bh, bh + h * 0.15, FABRIC)
    k.finish()


@generator("handbag")
def handbag(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a flap with a clasp and a handle (two posts and a bar)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * (0.62 if "clutch" not in cat.variant else 1.0)
    k.box("body", (-x, -y * 0.9, 0), (x, y * 0.9, bh * 0.9))
    k.ball("top", (0, 0, bh * 0.9), (x * 0.999, y * 0.9, bh * 0.1), rings=4, seg=12)
    paper = "paper" in cat.variant or "shopping" in cat.variant
    if not paper:
        k.box("flap", (-x * 0.98, y * 0.9, bh * 0.45), (x * 0.98, y, bh * 0.95))
        k.box("clasp", (-x * 0.08, y * 0.95, bh * 0.45), (x * 0.08, y, bh * 0.58), CHROME)
    if bh < h:
        ht = _clamp(min(x, y) * 0.08, 0.004, 0.015)
        for sx in (-1, 1):
            k.box("handle", (sx * x * 0.45 - ht, -ht, bh * 0.85), (sx * x * 0.45 + ht, ht, h))
        k.box("handle", (-x * 0.45 - ht, -ht, h - 2 * ht), (x * 0.45 + ht, ht, h))
    k.finish()


# ====================================================================== bags and accessories


@generator("suitcase")
def suitcase(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upright hard case: a body with ribs, a telescopic handle on top, a side handle and four wheels."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    wr = _clamp(h * 0.04, 0.02, 0.04)
    top = h * 0.86
    k.box("body", (-x, -y, wr * 1.6), (x, y, top))
    for i in range(3):
        rx = -x * 0.6 + i * x * 0.6
        k.box("rib", (rx - x * 0.04, y * 0.98, wr * 2), (rx + x * 0.04, y, top - wr * 0.5))
    k.box("seam", (-x, -y * 0.02, wr * 1.6), (x, y * 0.02, top), k.pick((BLACK, CHROME)))
    hr = _clamp(x * 0.04, 0.008, 0.014)
    for sx in (-1, 1):
        k.cyl("rod", sx * x * 0.55, -y * 0.6, hr, top - 0.02, h - hr * 2, CHROME, seg=8)
    k.box("grip", (-x * 0.62, -y * 0.6 - hr * 1.5, h - hr * 3), (x * 0.62, -y * 0.6 + hr * 1.5, h), BLACK)
    k.box("handle", (-x * 0.25, -y * 0.2, top), (x * 0.25, y * 0.2, top + wr), BLACK)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.disc("wheel", (sx * x * 0.8, sy * y * 0.75, wr), wr, wr * 0.8, "x", BLACK, seg=10)
    k.finish()


@generator("backpack")
def backpack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rounded pack (box and dome) with a front pocket, shoulder straps at the back and a top loop."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x * 0.95, -y * 0.6, 0), (x * 0.95, y * 0.55, h * 0.72))
    k.ball("top", (0, -y * 0.025, h * 0.72), (x * 0.95, y * 0.575, h * 0.22), rings=5, seg=10)
    k.box("pocket", (-x * 0.7, y * 0.5, h * 0.06), (x * 0.7, y, h * 0.42), k.pick((None, FABRIC)))
    k.box("zip", (-x * 0.7, y * 0.95, h * 0.4), (x * 0.7, y, h * 0.43), BLACK)
    for sx in (-1, 1):
        k.box("strap", (sx * x * 0.45 - x * 0.1, -y, h * 0.1), (sx * x * 0.45 + x * 0.1, -y * 0.6, h * 0.85), FABRIC)
        k.box("side", (min(sx * x, sx * x * 0.9), -y * 0.3, h * 0.1), (max(sx * x, sx * x * 0.9), y * 0.3, h * 0.35), FABRIC)
    k.box("loop", (-x * 0.15, -y * 0.2, h * 0.9), (x * 0.15, y * 0.05, h), FABRIC)
    k.finish()


@generator("umbrella")
def umbrella(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed umbrella standing on its tip: a furled canopy, a shaft and a hooked handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rc = min(y * 0.95, x * 0.6)
    cx = -x + rc
    sr = _clamp(rc * 0.2, 0.003, 0.008)
    k.cone("tip", cx, 0, sr * 0.5, sr, 0, h * 0.05, CHROME, seg=8)
    k.cone("canopy", cx, 0, sr, rc, h * 0.04, h * 0.42, FABRIC, seg=12, aspect=y * 0.95 / rc)
    k.cone("canopy", cx, 0, rc, sr * 1.5, h * 0.42, h * 0.72, FABRIC, seg=12, aspect=y * 0.95 / rc)
    k.cyl("shaft", cx, 0, sr, h * 0.7, h * 0.86, CHROME, seg=8)
    hr = (x - cx) / 2.3
    tr = hr * 0.25
    zc = h - hr - tr
    pts = [(cx, h * 0.86)] + [(cx + hr + hr * math.cos(a), zc + hr * math.sin(a)) for a in np.linspace(math.pi, 0.0, 6)]
    pts.append((cx + 2 * hr, zc - hr * 0.5))
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("handle", (ax, 0, az), (bx, 0, bz), tr, OAK, seg=8)
    k.finish()


@generator("eyeglasses")
def eyeglasses(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pair of glasses lying open: two lens rims with lenses, a bridge and two temples reaching back."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    lr = min(x * 0.46, h * 0.5)
    ft = _clamp(y * 0.05, 0.002, 0.008)
    for sx in (-1, 1):
        cx = sx * (x - lr)
        k.disc("rim", (cx, y - ft / 2, h / 2), (lr, h / 2), ft, "y", seg=16)
        k.disc("lens", (cx, y - ft * 0.6, h / 2), (lr * 0.85, h / 2 * 0.85), ft * 1.1, "y", GLASS, seg=16)
        k.box("temple", (sx * x - ft if sx > 0 else -x, -y, h * 0.55), (x if sx > 0 else -x + ft, y - ft, h * 0.7))
        # the ear pieces bend down to the surface: the glasses rest on the rims and the tips
        k.box("temple", (sx * x - ft if sx > 0 else -x, -y, 0), (x if sx > 0 else -x + ft, -y + y * 0.15, h * 0.6))
    k.box("bridge", (-(x - 2 * lr) - ft, y - ft, h * 0.55), ((x - 2 * lr) + ft, y, h * 0.7))
    k.finish()
