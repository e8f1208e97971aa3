"""Bathroom family: the toilet paper, soap dispenser, toothbrush holder generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CARDBOARD, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== bathroom


@generator("toilet_paper")
def toilet_paper(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow roll: a ring of paper segments around a cardboard core."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    core = k.u(0.32, 0.42)
    k.ring("roll", 0, 0, x, y, x * (1 - core), 0, h, n=12)
    k.ring("core", 0, 0, x * core * 1.02, y * core * 1.02, x * 0.03, h * 0.01, h * 0.99, CARDBOARD, n=8)
    k.finish()


@generator("soap_dispenser")
def soap_dispenser(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bottle with a pump: collar, stem and a head with a nozzle towards +Y."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rb = min(x, y * 0.78)
    cy = -y + rb
    if k.rng.random() < 0.5:
        k.cyl("body", 0, cy, (x, rb), 0, h * 0.7, seg=16)
        k.cone("shoulder", 0, cy, x, x * 0.4, h * 0.7, h * 0.76, aspect=rb / x)
    else:
        k.box("body", (-x, cy - rb, 0), (x, cy + rb, h * 0.72))
        k.box("shoulder", (-x * 0.6, cy - rb * 0.6, h * 0.72), (x * 0.6, cy + rb * 0.6, h * 0.76))
    k.cyl("collar", 0, cy, (x * 0.35, rb * 0.35), h * 0.75, h * 0.8, WHITE, seg=12)
    k.cyl("stem", 0, cy, (x * 0.12, rb * 0.12), h * 0.79, h * 0.9, WHITE, seg=8)
    k.box("head", (-x * 0.22, cy - rb * 0.25, h * 0.88), (x * 0.22, cy + rb * 0.35, h), WHITE)
    k.box("nozzle", (-x * 0.07, cy, h * 0.9), (x * 0.07, y, h * 0.97), WHITE)
    k.finish()


@generator("toothbrush_holder")
def toothbrush_holder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cup with two or three toothbrushes standing in it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ch = h * k.u(0.45, 0.6)
    k.cyl("cup", 0, 0, (x, y), 0, ch, seg=16)
    n = k.rng.randint(2, 3)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(0, 0.5)
        bx, by = x * 0.35 * math.cos(a), y * 0.35 * math.sin(a)
        bt = _clamp(min(x, y) * 0.1, 0.002, 0.006)
        top = h if i == 0 else h * k.u(0.9, 1.0)
        k.box("brush", (bx - bt, by - bt * 0.6, ch * 0.3), (bx + bt, by + bt * 0.6, top - 0.025 * h),
              k.pick((WHITE, BLACK, None)))
        k.box("bristles", (bx - bt * 0.9, by - bt * 0.6 - bt * 1.6, top - 0.14 * (h - ch)),
              (bx + bt * 0.9, by - bt * 0.6, top), WHITE)
    k.finish()
