"""Textiles family: the rug, curtain generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BRUSHED, CHROME, FABRIC, RUBBER, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== floor and windows


@generator("rug")
def rug(w: AssetWriter, size: Size, cat: Category) -> None:
    """A thin field with a border, sometimes fringed at both ends (round rugs: a disc and a ring)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    bw = m * k.u(0.05, 0.12)
    if "round" in cat.variant:
        k.cyl("field", 0, 0, (x - bw * 0.5, y - bw * 0.5), 0, h * 0.9, seg=24)
        k.ring("border", 0, 0, x, y, bw, 0, h, FABRIC, n=16)
        k.finish()
        return
    mat = "mat" in cat.variant
    fringe = not mat and k.rng.random() < 0.45
    xf = x - (m * 0.06 if fringe else 0.0)
    k.box("field", (-xf + bw, -y + bw, 0), (xf - bw, y - bw, h * 0.9))
    k.walls("border", xf, y, bw, 0, h, FABRIC if not mat else RUBBER)
    if fringe:
        n = 12
        for sx in (-1, 1):
            for i in range(n):
                y0 = -y + 2 * y * (i + 0.25) / n
                k.box("fringe", (min(sx * xf, sx * x), y0, 0), (max(sx * xf, sx * x), y0 + y / n, h * 0.4), FABRIC)
    k.finish()


@generator("curtain")
def curtain(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rod with finials and one or two panels of vertical folds (ellipse cylinders)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rr = _clamp(min(y * 0.3, h * 0.02), 0.004, 0.02)
    shower = "shower" in cat.variant
    k.tube("rod", (-x + rr * 2, 0, h - rr), (x - rr * 2, 0, h - rr), rr, CHROME if shower else BRUSHED, seg=10)
    for sx in (-1, 1):
        k.ball("finial", (sx * (x - rr * 2), 0, h - rr), rr * 2, CHROME if shower else BRUSHED, rings=4, seg=6)
    top = h - rr * 2.5
    z0 = 0.0 if not shower else h * 0.02
    spans = [(-x + rr * 4, x - rr * 4)] if shower or k.rng.random() < 0.2 else None
    if spans is None:
        frac = k.u(0.3, 0.5)
        spans = [(-x + rr * 4, -x + rr * 4 + 2 * x * frac), (x - rr * 4 - 2 * x * frac, x - rr * 4)]
    for a, b in spans:
        nf = int(_clamp((b - a) / max(4 * y, 0.06), 3, 10))
        fx = (b - a) / nf / 2
        for i in range(nf):
            cx = a + fx * (2 * i + 1)
            ry = y * (0.75 if i % 2 else 0.6)
            cy = (y - ry) if i % 2 else -(y - ry)
            k.cyl("fold", cx, cy, (fx * 1.15, ry), z0, top, seg=12)
        for cx in (a + fx * 0.5, b - fx * 0.5):
            k.cyl("ring", cx, 0, (rr * 1.4, rr * 1.4), top - rr * 0.5, h, BRUSHED, seg=8)
    k.finish()
