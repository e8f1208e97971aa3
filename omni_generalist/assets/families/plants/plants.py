"""Plants family: the plant, cactus, vase, flowers generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BRUSHED, CERAMIC, FABRIC, GLASS, OAK, RUBBER, WHITE, Kit, _clamp, _vase
from ...toolkit import AssetWriter

TERRACOTTA = "terracotta"


# ====================================================================== plants and decoration


def _pot(k: Kit, pr: float, ph: float, style: str, aspect: float) -> float:
    """A plant pot of top radius ``pr`` (along X) and height ``ph``; returns the soil height."""
    if style == "square":
        k.box("pot", (-pr * 0.92, -pr * aspect * 0.92, 0), (pr * 0.92, pr * aspect * 0.92, ph), CERAMIC)
    elif style == "cylinder":
        k.cyl("pot", 0, 0, (pr * 0.95, pr * 0.95 * aspect), 0, ph, CERAMIC, seg=16)
    else:
        k.cone("pot", 0, 0, pr * 0.72, pr * 0.92, 0, ph * 0.86, TERRACOTTA, aspect=aspect)
        k.cone("rim", 0, 0, pr * 0.95, pr, ph * 0.84, ph, TERRACOTTA, aspect=aspect)
    k.cyl("soil", 0, 0, (pr * 0.85, pr * 0.85 * aspect), ph * 0.8, ph * 1.02, RUBBER, seg=12)
    return ph * 1.02


@generator("plant")
def plant(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pot with soil and foliage: a bush of blobs, a small tree, upright blades or radiating leaves.

    A planter has a big pot; a hanging plant (or any plant placed on the ceiling) hangs its pot from a hook
    at the top by three cords, with trailing vines below.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    m = min(x, y)
    if cat.placement == "ceiling" or "hanging" in cat.variant:
        _hanging_plant(k)
        return
    style = {"snake plant": "blades", "bonsai": "tree", "fern": "leaves", "monstera": "leaves",
             "succulent": "rosette"}.get(cat.variant) or k.pick(("bush", "tree", "blades", "leaves"))
    if cat.variant == "planter":
        pr = m * k.u(0.85, 1.0)
    elif style == "blades":
        pr = m * k.u(0.75, 0.95)
    elif style == "rosette":
        pr = m * k.u(0.7, 0.85)
    else:
        pr = m * k.u(0.45, 0.7)
    ph = min(h * k.u(0.2, 0.32), pr * 2.2) if style not in ("rosette", "blades") else h * k.u(0.35, 0.5)
    if cat.variant == "planter":
        ph = h * k.u(0.4, 0.6)
    if style == "tree" and "bonsai" in cat.variant:
        ph = min(ph, h * 0.2)
    pot_style = "square" if "bonsai" in cat.variant else k.pick(("frustum", "frustum", "cylinder", "square"))
    top = _pot(k, pr, ph, pot_style, 1.0)
    if style == "bush":
        k.ball("leaves", (0, 0, h - (h - top) * 0.4), (x * 0.55, y * 0.55, (h - top) * 0.4), rings=5)
        for i in range(rng.randint(4, 6)):
            a = 2 * math.pi * i / 4 + k.u(-0.3, 0.3) if i < 4 else k.u(0, 2 * math.pi)
            r = k.u(0.3, 0.45)
            cz = top + (h - top) * k.u(0.3, 0.55)
            rz = min((h - top) * k.u(0.25, 0.4), cz - top * 0.9)
            k.ball("leaves", ((x - r * x) * math.cos(a), (y - r * y) * math.sin(a), cz), (r * x, r * y, rz), rings=5)
    elif style == "tree":
        tz = top + (h - top) * k.u(0.3, 0.5)
        k.cyl("trunk", 0, 0, m * 0.06, top * 0.9, tz + (h - tz) * 0.3, OAK, seg=8)
        k.ball("canopy", (0, 0, tz + (h - tz) * 0.55), (x * 0.6, y * 0.6, (h - tz) * 0.45), rings=5)
        for i in range(rng.randint(2, 4)):
            a = 2 * math.pi * i / 4 + k.u(-0.4, 0.4)
            k.ball("canopy", (x * 0.45 * math.cos(a), y * 0.45 * math.sin(a), tz + (h - tz) * k.u(0.35, 0.5)),
                   (x * 0.55, y * 0.55, (h - tz) * 0.35), rings=5)
        k.ball("canopy", (0, 0, h - (h - tz) * 0.3), (x * 0.4, y * 0.4, (h - tz) * 0.3), rings=5)
        for sx in (-1, 1):
            k.ball("canopy", (sx * x * 0.62, 0, tz + (h - tz) * 0.4), (x * 0.38, y * 0.38, (h - tz) * 0.28), rings=5)
    elif style == "blades":
        n = rng.randint(5, 9)
        for i in range(n):
            a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
            r = pr * k.u(0.1, 0.6)
            cx, cy = r * math.cos(a), r * math.sin(a)
            lw, lt = pr * k.u(0.18, 0.3), pr * 0.06
            ca, sa = math.cos(a + math.pi / 2), math.sin(a + math.pi / 2)
            pts = [(cx + lw * ca, cy + lw * sa), (cx + lt * math.cos(a), cy + lt * math.sin(a)),
                   (cx - lw * ca, cy - lw * sa), (cx - lt * math.cos(a), cy - lt * math.sin(a))]
            k.prism("blade", pts, top * 0.9, h if i == 0 else top + (h - top) * k.u(0.5, 0.95))
    elif style == "rosette":
        for i in range(8):
            a = 2 * math.pi * i / 8
            k.ball("leaf", (x * 0.55 * math.cos(a), y * 0.55 * math.sin(a), top + (h - top) * 0.3),
                   (x * 0.45 * (0.4 + 0.6 * abs(math.cos(a))), y * 0.45 * (0.4 + 0.6 * abs(math.sin(a))), (h - top) * 0.3),
                   rings=4, seg=6)
        k.ball("leaf", (0, 0, top + (h - top) * 0.5), (x * 0.35, y * 0.35, (h - top) * 0.5), rings=5)
    else:  # leaves radiating from a stem
        k.cyl("stem", 0, 0, m * 0.04, top * 0.9, h * 0.85, seg=6)
        n = rng.randint(6, 9)
        for i in range(n):
            a = 2 * math.pi * i / n + (k.u(-0.2, 0.2) if i % 2 else 0.0)
            lz = top + (h - top) * (0.2 + 0.65 * i / n)
            ln, wd = k.u(0.35, 0.5), 0.18
            ca, sa = abs(math.cos(a)), abs(math.sin(a))
            k.ball("leaf", ((1 - ln) * x * math.cos(a), (1 - ln) * y * math.sin(a), lz),
                   (x * (ln * ca + wd * sa), y * (ln * sa + wd * ca), (h - top) * 0.06), rings=4, seg=12)
        k.ball("leaf", (0, 0, h - (h - top) * 0.12), (x * 0.2, y * 0.2, (h - top) * 0.12), rings=4)
    k.finish()


def _hanging_plant(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    pr = m * k.u(0.45, 0.6)
    pz0, pz1 = h * k.u(0.35, 0.45), h * 0.6
    k.cone("pot", 0, 0, pr * 0.7, pr, pz0, pz1, k.pick((TERRACOTTA, CERAMIC, WHITE)), aspect=y / x)
    k.cyl("soil", 0, 0, (pr * 0.9, pr * 0.9 * y / x), pz1 - (pz1 - pz0) * 0.15, pz1 + 0.002, RUBBER, seg=12)
    cr = _clamp(m * 0.01, 0.001, 0.004)
    for i in range(3):
        a = math.pi / 2 + 2 * math.pi * i / 3
        k.tube("cord", (pr * 0.95 * math.cos(a), pr * 0.95 * y / x * math.sin(a), pz1), (0, 0, h * 0.95), cr, FABRIC,
               seg=6)
    k.ring("hook", 0, 0, m * 0.05, m * 0.05, cr * 2, h * 0.94, h, BRUSHED, n=6)
    k.ball("leaves", (0, 0, pz1), (pr * 1.1, pr * 1.1 * y / x, (h * 0.9 - pz1) * 0.35), rings=5)
    n = k.rng.randint(5, 8)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
        bottom = 0.0 if i < 4 else k.u(0.05, 0.3) * h
        a = math.pi / 2 * i if i < 4 else a
        vr = m * k.u(0.12, 0.2)
        cx, cy = (x - vr) * math.cos(a), (y - vr) * math.sin(a)
        k.ball("vine", (cx, cy, (bottom + pz1) / 2), (vr, vr, (pz1 - bottom) / 2), rings=4, seg=8)


@generator("cactus")
def cactus(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pot, a column with a rounded top and one or two arms."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    pr = m * k.u(0.55, 0.8)
    top = _pot(k, pr, min(h * k.u(0.2, 0.3), pr * 2), k.pick(("frustum", "cylinder")), y * 0.95 / pr)
    rc = _clamp(pr * 0.45, 0.005, x * 0.35)
    k.cyl("column", 0, 0, (rc, rc * y / x), top * 0.9, h - rc, seg=12)
    k.ball("column", (0, 0, h - rc), (rc, rc * y / x, rc), rings=5)
    ra = rc * 0.6
    arms = (-1, 1) if k.rng.random() < 0.6 else (k.pick((-1, 1)),)
    for sx in arms:
        az = top + (h - top) * k.u(0.25, 0.45)
        ax = sx * (x - ra)
        k.box("arm", (min(0.0, ax), -ra * y / x, az), (max(0.0, ax), ra * y / x, az + ra * 1.6))
        tz = az + (h - az) * k.u(0.45, 0.75)
        k.cyl("arm", ax, 0, (ra, ra * y / x), az, tz - ra, seg=10)
        k.ball("arm", (ax, 0, tz - ra), (ra, ra * y / x, ra), rings=5)
    if len(arms) == 1:
        k.ball("bud", (-arms[0] * rc * 0.8, 0, top + (h - top) * 0.5), (rc * 0.5, rc * 0.5 * y / x, rc * 0.6), rings=4)
    k.finish()


@generator("vase")
def vase(w: AssetWriter, size: Size, cat: Category) -> None:
    """A turned profile of stacked frustums: foot, belly, neck and lip."""
    k = Kit(w, size)
    _vase(k, 0.0, k.H)
    k.finish()


@generator("flowers")
def flowers(w: AssetWriter, size: Size, cat: Category) -> None:
    """A vase holding stems, leaves and round blossoms."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    vh = h * k.u(0.35, 0.5)
    vr = k.u(0.4, 0.55)
    k.cyl("vase", 0, 0, (x * vr, y * vr), 0, vh * 0.9, k.pick((GLASS, CERAMIC)), seg=16)
    k.cone("vase", 0, 0, x * vr, x * vr * 0.8, vh * 0.9, vh, k.pick((GLASS, CERAMIC)), aspect=y / x)
    n = rng.randint(5, 8)
    rb = min(x, y) * k.u(0.18, 0.26)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
        edge = i < 4
        a = math.pi / 2 * i if edge else a
        rr = 1.0 if edge else k.u(0.2, 0.6)
        bx, by = (x - rb) * rr * math.cos(a), (y - rb) * rr * math.sin(a)
        bz = h - rb if i == 0 else h - rb - (h - vh) * k.u(0.05, 0.35)
        k.tube("stem", (bx * 0.15, by * 0.15, vh * 0.5), (bx, by, bz), _clamp(rb * 0.12, 0.001, 0.01), seg=6)
        k.ball("blossom", (bx, by, bz), rb, rings=5, seg=10)
    for i in range(3):
        a = 2 * math.pi * i / 3 + k.u(0, 1)
        k.ball("leaf", (x * 0.3 * math.cos(a), y * 0.3 * math.sin(a), vh + (h - vh) * 0.25),
               (x * 0.25, y * 0.25, (h - vh) * 0.05), rings=4, seg=6)
    k.finish()
