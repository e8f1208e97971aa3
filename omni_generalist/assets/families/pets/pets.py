"""Pets family: the dog bed, cat tree, bird cage, fish tank generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, FABRIC, GLASS, OAK, PAINT_BLACK, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== pets


@generator("dog_bed")
def dog_bed(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cushion inside a plump bolster (round: a ring of puffs; rectangular: three sides, lower at the front);
    the cushion top is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    bw = m * k.u(0.16, 0.24)
    ch = h * k.u(0.3, 0.4)
    if k.rng.random() < 0.5:
        k.cyl("cushion", 0, 0, (x - bw * 0.6, y - bw * 0.6), 0, ch, seg=16)
        n = 10
        for i in range(n):
            a = 2 * math.pi * i / n
            k.ball("bolster", ((x - bw / 2) * math.cos(a), (y - bw / 2) * math.sin(a), h / 2),
                   (bw / 2 + (x - bw / 2) * 0.33 * abs(math.sin(a)), bw / 2 + (y - bw / 2) * 0.33 * abs(math.cos(a)), h / 2),
                   rings=5, seg=10)
        r0x, r0y = (x - bw) * 0.65, (y - bw) * 0.65
        k.surface(ch, -r0x, -r0y, r0x, r0y, clearance=1.0, inside=True)
    else:
        k.box("base", (-x, -y, 0), (x, y, ch * 0.5))
        k.box("cushion", (-x + bw, -y + bw, ch * 0.4), (x - bw, y - bw * 0.8, ch))
        k.box("bolster", (-x, -y, 0), (x, -y + bw, h * 0.85))
        k.ball("bolster", (0, -y + bw / 2, h * 0.85), (x, bw / 2, h * 0.15), rings=4, seg=12)
        for sx in (-1, 1):
            k.box("bolster", (min(sx * x, sx * (x - bw)), -y, 0), (max(sx * x, sx * (x - bw)), y, h * 0.85))
            k.ball("bolster", (sx * (x - bw / 2), 0, h * 0.85), (bw / 2, y, h * 0.15), rings=4, seg=12)
        k.box("front", (-x + bw, y - bw * 0.8, 0), (x - bw, y, ch * 1.2))
        k.surface(ch, -x + bw * 1.1, -y + bw * 1.1, x - bw * 1.1, y - bw * 0.9, inside=True)
    k.finish()


@generator("cat_tree")
def cat_tree(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base board, sisal posts, platforms at rising heights (support surfaces), a condo box and a top perch."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bt = _clamp(h * 0.03, 0.015, 0.03)
    k.box("base", (-x, -y, 0), (x, y, bt))
    if "scratching" in cat.variant and "tree" not in cat.variant:
        pr = min(x, y) * 0.3
        k.cyl("post", 0, 0, (pr, pr), bt, h - bt, FABRIC, seg=14)
        k.box("top", (-x * 0.6, -y * 0.6, h - bt), (x * 0.6, y * 0.6, h))
        k.surface(h, -x * 0.6, -y * 0.6, x * 0.6, y * 0.6)
        k.finish()
        return
    pr = _clamp(min(x, y) * 0.1, 0.035, 0.06)
    levels = k.pick((2, 3, 3, 4))
    px = [(-x * 0.5, -y * 0.4), (x * 0.45, y * 0.3), (x * 0.5, -y * 0.45)]
    cube = min(x, y) * 0.55
    k.box("condo", (-x * 0.95, -y * 0.1, bt), (-x * 0.95 + cube * 2 * 0.9, -y * 0.1 + cube * 1.6, bt + cube * 1.4))
    k.disc("door", (-x * 0.95 + cube * 0.9, -y * 0.1 + cube * 1.6, bt + cube * 0.6), cube * 0.45, 0.004, "y",
           PAINT_BLACK, seg=12)
    for i in range(levels):
        z1 = bt + (h - bt) * (i + 1) / levels
        z0 = z1 - bt
        cx, cy = px[i % len(px)]
        top = i == levels - 1
        cx, cy = (0.0, 0.0) if top else (cx, cy)
        below = bt if i == 0 else bt + (h - bt) * i / levels
        k.cyl("post", cx, cy, pr, below if not top else bt, z0, FABRIC, seg=12)
        rx, ry = (x * 0.55, y * 0.55) if top else (x * 0.45, y * 0.4)
        k.cyl("platform", cx * (0 if top else 1), cy, (rx, ry), z0, z1, seg=16)
        k.surface(z1, cx - rx * 0.68, cy - ry * 0.68, cx + rx * 0.68, cy + ry * 0.68)
    k.finish()


@generator("bird_cage")
def bird_cage(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tray base, a ring of bars, a top ring, bars converging to a domed top, a hook and a perch; the tray top
    is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    tz = h * 0.08
    ch = h * k.u(0.6, 0.72)
    k.cyl("tray", 0, 0, (x, y), 0, tz, seg=16)
    n = 14
    br = _clamp(min(x, y) * 0.012, 0.0015, 0.004)
    for i in range(n):
        a = 2 * math.pi * i / n
        k.cyl("bar", x * 0.95 * math.cos(a), y * 0.95 * math.sin(a), br, tz * 0.9, ch, BRUSHED, seg=6)
    k.ring("ring", 0, 0, x * 0.97, y * 0.97, br * 3, ch - br * 4, ch, BRUSHED, n=12)
    for i in range(8):
        a = 2 * math.pi * i / 8
        k.tube("dome", (x * 0.95 * math.cos(a), y * 0.95 * math.sin(a), ch), (0, 0, h * 0.92), br, BRUSHED, seg=6)
    k.cyl("top", 0, 0, (x * 0.1, y * 0.1), h * 0.9, h * 0.94, BRUSHED, seg=10)
    k.ring("hook", 0, 0, min(x, y) * 0.08, min(x, y) * 0.08, br * 2, h * 0.94, h, BRUSHED, n=8)
    k.tube("perch", (-x * 0.9, 0, tz + (ch - tz) * 0.35), (x * 0.9, 0, tz + (ch - tz) * 0.35), br * 2.5, OAK, seg=8)
    r0x, r0y = x * 0.95 * 0.6, y * 0.95 * 0.6
    k.surface(tz, -r0x, -r0y, r0x, r0y, clearance=(ch - tz) * 0.3, inside=True)
    k.finish()


@generator("fish_tank")
def fish_tank(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass tank between a base frame and a lid, with gravel, rocks and water plants."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    fb = _clamp(h * 0.06, 0.015, 0.04)
    t = _clamp(min(x, y) * 0.03, 0.004, 0.012)
    k.box("base", (-x, -y, 0), (x, y, fb), BLACK)
    k.walls("glass", x * 0.995, y * 0.995, t, fb, h - fb * 2, GLASS)
    k.box("rim", (-x, -y, h - fb * 2), (x, y, h - fb), BLACK)
    k.box("hood", (-x * 0.9, -y * 0.85, h - fb), (x * 0.9, y * 0.85, h), BLACK)  # a light hood on the rim
    k.box("gravel", (-x + t, -y + t, fb), (x - t, y - t, fb + (h - 2 * fb) * 0.1), k.pick((WHITE, OAK, BLACK)))
    k.box("water", (-x + t, -y + t, fb + (h - 2 * fb) * 0.1), (x - t, y - t, h - fb * 2 - (h - 2 * fb) * 0.12), GLASS)
    gz = fb + (h - 2 * fb) * 0.1
    for _i in range(k.rng.randint(1, 3)):
        k.ball("rock", (k.u(-0.6, 0.6) * x, k.u(-0.4, 0.4) * y, gz), (x * 0.12, y * 0.3, (h - 2 * fb) * 0.12), rings=4)
    for _i in range(k.rng.randint(2, 4)):
        px, py = k.u(-0.8, 0.8) * x, k.u(-0.5, 0.5) * y
        k.prism("plant", [(px - x * 0.04, py), (px, py - y * 0.05), (px + x * 0.04, py), (px, py + y * 0.05)], gz,
                gz + (h - 2 * fb) * k.u(0.3, 0.7))
    k.finish()
