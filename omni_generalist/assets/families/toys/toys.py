"""Toys family: the teddy bear, toy car, ball, toy generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, block, generator
from ...catalog import Category
from ...shapes.kit import BLACK, GLASS, OAK, PAINT_WHITE, RUBBER, Kit
from ...toolkit import AssetWriter

# ====================================================================== toys


def _teddy(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, -y * 0.4, h * 0.32), (x * 0.6, y * 0.6, h * 0.32), rings=5)
    k.ball("head", (0, -y * 0.35, h * 0.76), (x * 0.42, y * 0.42, h * 0.2), rings=6, seg=12)
    for sx in (-1, 1):
        k.ball("ear", (sx * x * 0.32, -y * 0.4, h * 0.92), (x * 0.13, y * 0.08, h * 0.08), rings=4, seg=6)
        k.ball("arm", (sx * x * 0.7, -y * 0.2, h * 0.42), (x * 0.3, y * 0.2, h * 0.12), rings=5)
        k.ball("leg", (sx * x * 0.35, y * 0.45, h * 0.12), (x * 0.22, y * 0.55, h * 0.12), rings=5)
        k.ball("eye", (sx * x * 0.14, y * 0.02, h * 0.8), (x * 0.04, y * 0.03, h * 0.018), BLACK, rings=4, seg=6)
    k.ball("snout", (0, y * 0.08, h * 0.72), (x * 0.15, y * 0.14, h * 0.07), rings=4)
    k.ball("nose", (0, y * 0.2, h * 0.75), (x * 0.05, y * 0.03, h * 0.025), BLACK, rings=4, seg=6)
    k.finish()


def _toy_car(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    wr, wt = min(h * 0.26, x * 0.3), y * 0.22
    k.box("body", (-x, -y * 0.9, h * 0.18), (x, y * 0.9, h * 0.58))
    k.box("cabin", (-x * 0.45, -y * 0.78, h * 0.58), (x * 0.35, y * 0.78, h * 0.9), GLASS)
    k.box("roof", (-x * 0.42, -y * 0.78, h * 0.9), (x * 0.3, y * 0.78, h))
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.disc("wheel", (sx * x * 0.6, sy * (y - wt / 2), wr), wr, wt, "y", RUBBER, seg=12)
    k.finish()


def _ball(k: Kit) -> None:
    k.ball("ball", (0, 0, k.H / 2), (k.x, k.y, k.H / 2), rings=8, seg=12)
    k.finish()


def _blocks(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    n = 3
    bx = 2 * x / n
    for i in range(n):
        k.box("block", (-x + i * bx, -y, 0), (-x + (i + 1) * bx * 0.96, y, h * 0.5), k.pick((None, PAINT_WHITE, OAK)))
    k.box("block", (-x * 0.6, -y * 0.8, h * 0.5), (x * 0.1, y * 0.8, h), k.pick((None, OAK)))
    k.box("block", (x * 0.15, -y * 0.6, h * 0.5), (x * 0.6, y * 0.6, h * 0.8), k.pick((None, PAINT_WHITE)))
    k.finish()


@generator("teddy_bear")
def teddy_bear(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sitting bear from spheres: body, head, ears, arms, legs, snout, eyes and nose."""
    _teddy(Kit(w, size))


@generator("toy_car")
def toy_car(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a glass cabin with a roof and four wheels."""
    _toy_car(Kit(w, size, long_x=True))


@generator("ball")
def ball(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere."""
    _ball(Kit(w, size))


@generator("toy")
def toy(w: AssetWriter, size: Size, cat: Category) -> None:
    """A toy: a teddy bear, a car, a ball or a few blocks.

    Other categories that only carry the tag ``toy`` (a foosball table, a dollhouse) get the plain block.
    """
    if cat.variant not in ("toy", "toys", "toy block", "building blocks"):
        block(w, size, cat)
        return
    k = Kit(w, size, long_x=True)
    if "block" in cat.variant:
        _blocks(k)
        return
    k.pick((_teddy, _toy_car, _ball, _blocks))(k)


@generator("rocking_horse")
def rocking_horse(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rocking horse: two curved rockers, four splayed legs, a body with a saddle, neck, head with ears
    and a handle bar, and a tail; its length runs along the longer horizontal side."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    t = min(y * 0.08, h * 0.03)
    big = 2.2 * x

    def rocker_z(px: float) -> float:
        return big - math.sqrt(big * big - px * px)

    xs = [-x + 2 * x * i / 10 for i in range(11)]
    for sy in (-1, 1):
        for a, b in zip(xs, xs[1:], strict=False):
            k.tube("rocker", (a, sy * y * 0.85, rocker_z(a) + t), (b, sy * y * 0.85, rocker_z(b) + t), t, OAK, seg=6)
    zb = h * 0.55
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.tube("leg", (sx * x * 0.5, sy * y * 0.85, rocker_z(x * 0.5) + t), (sx * x * 0.3, sy * y * 0.25, zb), t * 1.2,
                   seg=8)
    k.ball("body", (0, 0, zb + h * 0.06), (x * 0.42, y * 0.42, h * 0.12), rings=6, seg=12)
    k.ball("saddle", (-x * 0.05, 0, zb + h * 0.16), (x * 0.15, y * 0.45, h * 0.04), PAINT_WHITE, rings=4, seg=10)
    k.tube("neck", (x * 0.3, 0, zb + h * 0.1), (x * 0.5, 0, h * 0.85), h * 0.07, seg=10)
    k.ball("head", (x * 0.6, 0, h * 0.86), (x * 0.18, y * 0.25, h * 0.07), rings=5, seg=10)
    for sy in (-1, 1):
        k.cone("ear", x * 0.5, sy * y * 0.12, h * 0.025, h * 0.005, h * 0.9, h, seg=6)
        k.ball("eye", (x * 0.65, sy * y * 0.22, h * 0.88), h * 0.015, BLACK, rings=4, seg=6)
    k.tube("handle", (x * 0.48, -y * 0.6, h * 0.86), (x * 0.48, y * 0.6, h * 0.86), t * 0.8, BLACK, seg=8)
    k.tube("tail", (-x * 0.4, 0, zb + h * 0.08), (-x * 0.58, 0, zb - h * 0.12), h * 0.03, BLACK, seg=8)
    k.finish()
