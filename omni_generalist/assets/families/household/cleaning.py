"""Household family: the vacuum cleaner and wet floor sign generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, Kit
from ...toolkit import AssetWriter


@generator("vacuum_cleaner")
def vacuum_cleaner(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upright vacuum (a floor head, a dust canister on rear wheels and a handle with a grip) when tall,
    else a canister vacuum on wheels with its hose curling up."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h > 1.6 * max(x, y):
        k.rounded("head", (-x, y * 0.05, 0), (x, y, h * 0.07), min(x, y) * 0.3, "z")
        k.box("brush", (-x * 0.9, y * 0.7, 0), (x * 0.9, y * 0.95, h * 0.02), BLACK)
        k.rounded("canister", (-x * 0.5, -y * 0.75, h * 0.08), (x * 0.5, y * 0.15, h * 0.5), min(x, y) * 0.4, "z")
        k.cyl("bin", 0, -y * 0.3, (x * 0.35, y * 0.35), h * 0.2, h * 0.45, BLACK, seg=14)
        for sx in (-1, 1):
            k.disc("wheel", (sx * x * 0.6, -y * 0.75, h * 0.06), h * 0.06, x * 0.15, "x", BLACK, seg=12)
        k.tube("handle", (0, -y * 0.4, h * 0.5), (0, -y * 0.55, h * 0.94), min(x, y) * 0.06, BRUSHED, seg=8)
        k.tube("grip", (0, -y * 0.55, h * 0.92), (0, -y * 0.35, h), min(x, y) * 0.08, BLACK, seg=8)
    else:
        k.rounded("body", (-x * 0.75, -y, h * 0.08), (x * 0.75, y * 0.5, h * 0.8), min(x, h) * 0.35, "y")
        for sx in (-1, 1):
            k.disc("wheel", (sx * x * 0.85, -y * 0.5, h * 0.3), h * 0.3, x * 0.3, "x", BLACK, seg=16)
        pts = [(0, y * 0.5, h * 0.5)] + [(0, y * (0.5 + 0.5 * math.sin(a)), h * (0.5 + 0.42 * (1 - math.cos(a))))
                                         for a in (math.pi / 2 * i / 4 for i in range(1, 5))]
        for p, q in zip(pts, pts[1:], strict=False):
            k.tube("hose", p, q, min(x, h) * 0.08, BLACK, seg=8)
    k.finish()


@generator("wet_floor_sign")
def wet_floor_sign(w: AssetWriter, size: Size, cat: Category) -> None:
    """A folding A-frame sign: two panels leaning together, a handle at the top and a black band on each."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = min(y * 0.04, 0.006)
    hp = h * 0.92
    lean = math.degrees(math.atan2(y - 2 * t, hp))
    for s in (-1, 1):
        panel = k.rounded("panel", (-x, -t, 0), (x, t, hp), x * 0.12, "y")
        band = k.box("band", (-x * 0.8, s * t, hp * 0.55), (x * 0.8, s * t * 1.5, hp * 0.7), BLACK)
        for part in (panel, band):
            k.tilt(part, "x", s * lean, (0, 0, hp))
    k.rounded("handle", (-x * 0.35, -t * 3, hp * 0.97), (x * 0.35, t * 3, h), t * 2, "y")
    k.finish()
