"""Containers family: the trash can, umbrella stand generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, Kit, _clamp
from ...toolkit import AssetWriter


@generator("trash_can")
def trash_can(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open bin, round (flared segments) or square, with a rim; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.04, 0.003, 0.15 * m)
    tb = _clamp(h * 0.04, 0.004, 0.03)
    round_ = "recycl" not in cat.variant and k.rng.random() < 0.55
    rim = _clamp(h * 0.04, 0.01, 0.03)
    if round_:
        b = k.u(0.78, 0.9)
        k.cyl("bottom", 0, 0, (x * b - t * 0.4, y * b - t * 0.4), 0, tb, seg=16)
        k.flare("wall", 0, 0, x * b, y * b, x * 0.98, y * 0.98, t, 0, h - rim * 0.5, n=12)
        k.ring("rim", 0, 0, x, y, t * 1.8, h - rim, h, n=12)
        r0x, r0y = (x * b - t) * 0.6, (y * b - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("bottom", (-x, -y, 0), (x, y, tb))
        k.walls("wall", x * 0.98, y * 0.98, t, 0, h)
        k.walls("rim", x, y, t * 1.8, h - rim, h, BLACK if "recycl" in cat.variant else None)
        k.surface(tb, -x + t * 2, -y + t * 2, x - t * 2, y - t * 2, inside=True)
    k.finish()


@generator("umbrella_stand")
def umbrella_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow tube (round or square) on a base; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.06, 0.003, 0.15 * m)
    tb = _clamp(h * 0.04, 0.005, 0.03)
    if k.rng.random() < 0.5:
        k.cyl("base", 0, 0, (x, y), 0, tb, seg=16)
        k.ring("wall", 0, 0, x * 0.96, y * 0.96, t, tb * 0.5, h, n=12)
        r0x, r0y = (x * 0.96 - t) * 0.6, (y * 0.96 - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("base", (-x, -y, 0), (x, y, tb))
        k.walls("wall", x * 0.96, y * 0.96, t, tb * 0.5, h)
        k.surface(tb, -x * 0.96 + t * 1.3, -y * 0.96 + t * 1.3, x * 0.96 - t * 1.3, y * 0.96 - t * 1.3, inside=True)
    k.finish()
