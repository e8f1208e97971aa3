"""Food family: the apple, orange, lemon, pear, banana, bread, fruit, vegetable, grapes, cake, pizza, milk carton, cereal box generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import CARDBOARD, OAK, PAINT_BLACK, PAINT_WHITE, PAPER, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== food


@generator("apple")
def apple(w: AssetWriter, size: Size, cat: Category) -> None:
    """A squashed sphere with a stem (a leaf, a calyx or a pointed top depending on the fruit)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    # a flattened bottom (a disc inside the body) so that round fruit rests without rolling
    k.cyl("body", 0, 0, (x * 0.45, y * 0.45), 0, h * 0.1, seg=12)
    if cat.variant == "onion":
        k.ball("body", (0, 0, h * 0.4), (x, y, h * 0.4), rings=5)
        k.cone("tip", 0, 0, min(x, y) * 0.35, min(x, y) * 0.04, h * 0.72, h, aspect=y / x if x <= y else 1.0)
        k.finish()
        return
    top = 0.92 if cat.variant in ("apple", "pomegranate") else 0.96
    k.ball("body", (0, 0, h * top / 2), (x, y, h * top / 2), rings=6, seg=12)
    sr = _clamp(min(x, y) * 0.05, 0.0008, 0.2 * min(x, y))
    if cat.variant == "tomato":
        k.ball("calyx", (0, 0, h * 0.95), (x * 0.3, y * 0.3, h * 0.03), rings=4)
        k.cyl("stem", 0, 0, sr * 1.4, h * 0.9, h, OAK, seg=6)
    else:
        k.cyl("stem", 0, 0, sr, h * top * 0.85, h, OAK, seg=6)
        if cat.variant == "apple" and k.rng.random() < 0.5:
            k.ball("leaf", (x * 0.2, 0, h * 0.93), (x * 0.18, y * 0.07, h * 0.025), rings=4, seg=6)
    k.finish()


@generator("orange")
def orange(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere with a small nub on top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, 0, h * 0.485), (x, y, h * 0.485), rings=8, seg=12)
    k.cyl("nub", 0, 0, _clamp(min(x, y) * 0.08, 0.0008, 0.3 * min(x, y)), h * 0.95, h, seg=6)
    k.finish()


@generator("lemon")
def lemon(w: AssetWriter, size: Size, cat: Category) -> None:
    """An ellipsoid lying along its long axis with pointed ends."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, 0, h / 2), (x * 0.82, y, h / 2), rings=6, seg=12)
    for sx in (-1, 1):
        k.ball("tip", (sx * x * 0.8, 0, h / 2), (x * 0.2, y * 0.28, h * 0.28), rings=4, seg=6)
    k.finish()


@generator("pear")
def pear(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wide lower sphere, a narrower upper one and a stem."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.ball("bottom", (0, 0, h * 0.33), (x, y, h * 0.33), rings=6, seg=12)
    k.ball("top", (0, 0, h * 0.6), (x * 0.62, y * 0.62, h * 0.3), rings=5)
    k.cyl("stem", 0, 0, _clamp(min(x, y) * 0.06, 0.0008, 0.3 * min(x, y)), h * 0.85, h, OAK, seg=6)
    k.finish()


@generator("banana")
def banana(w: AssetWriter, size: Size, cat: Category) -> None:
    """Five ellipsoids along a curve lying on its back, tips rising, with a stem."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = 5
    rz = h * 0.34
    seg = 2 * x * 0.92 / n
    for i in range(n):
        u = -1 + 2 * (i + 0.5) / n
        taper = 1.0 - 0.35 * abs(u) ** 1.5
        cx = -x + 0.04 * x + seg * (i + 0.5)
        cz = rz * taper + (h - 2 * rz) * u * u
        k.ball("body", (cx, 0, cz), (seg * 0.78, y * taper, rz * taper), rings=5, seg=10)
    # a flattened belly under the middle: it rests on it instead of rocking on one point
    k.box("body", (-x + 0.04 * x + seg * 1.6, -y * 0.45, 0), (-x + 0.04 * x + seg * 3.4, y * 0.45, rz * 0.6))
    k.box("stem", (x * 0.9, -y * 0.12, h * 0.55), (x, y * 0.12, h * 0.75), OAK)
    k.finish()


@generator("bread")
def bread(w: AssetWriter, size: Size, cat: Category) -> None:
    """A loaf (a rounded box under a domed crust) or a baguette (a long ellipsoid with scores)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if "baguette" in cat.variant or x > 3 * y:
        k.ball("body", (0, 0, h / 2), (x, y, h / 2), rings=5, seg=10)
        for i in range(3):
            cx = x * (-0.45 + 0.45 * i)
            k.ball("score", (cx, 0, h * 0.78), (x * 0.12, y * 0.35, h * 0.22), rings=4, seg=6)
    else:
        k.box("base", (-x * 0.94, -y * 0.94, 0), (x * 0.94, y * 0.94, h * 0.5))
        k.ball("crust", (0, 0, h * 0.5), (x, y, h * 0.5), rings=6, seg=12)
    k.finish()


# ====================================================================== more food


@generator("fruit")
def fruit(w: AssetWriter, size: Size, cat: Category) -> None:
    """A piece of fruit: an apple, an orange, a pear or a lemon."""
    kind = ("apple", "orange", "pear", "lemon", "peach")[w.rng.randrange(5)]
    gen = {"apple": apple, "peach": apple, "orange": orange, "pear": pear, "lemon": lemon}[kind]
    gen(w, size, dataclasses.replace(cat, variant=kind))


@generator("vegetable")
def vegetable(w: AssetWriter, size: Size, cat: Category) -> None:
    """A long vegetable (a carrot or an eggplant lying down) or a round one (a tomato, an onion or a potato)."""
    x, y, h = (float(v) / 2 for v in size)
    if max(x, y) > 1.6 * max(min(x, y), h / 2):
        k = Kit(w, size, long_x=True)
        x, y, h = k.x, k.y, k.H
        if k.rng.random() < 0.5:
            k.tube("root", (x * 0.55, 0, h / 2), (-x, 0, h / 2), min(y, h / 2) * 0.95, seg=10, r1=min(y, h / 2) * 0.1)
            for dy in (-0.4, 0.0, 0.4):
                k.ball("leaf", (x * 0.78, dy * y, h / 2), (x * 0.22, y * 0.25, h * 0.3), rings=4, seg=6)
        else:
            k.ball("body", (-x * 0.15, 0, h / 2), (x * 0.85, y, h / 2), rings=5, seg=10)
            k.ball("calyx", (x * 0.72, 0, h / 2), (x * 0.12, y * 0.45, h * 0.3), rings=4, seg=6)
            k.tube("stem", (x * 0.75, 0, h / 2), (x, 0, h / 2), min(y, h / 2) * 0.12, OAK, seg=6)
        # a flat underside along the body: a lying vegetable does not roll
        k.box("body", (-x * 0.55, -min(y, h / 2) * 0.45, 0), (x * 0.4, min(y, h / 2) * 0.45, h * 0.3))
        k.finish()
        return
    kind = ("tomato", "onion", "potato")[w.rng.randrange(3)]
    if kind == "potato":
        k = Kit(w, size, long_x=True)
        x, y, h = k.x, k.y, k.H
        k.ball("body", (-x * 0.25, 0, h * 0.48), (x * 0.75, y * 0.95, h * 0.48), rings=5, seg=10)
        k.ball("body", (x * 0.35, y * 0.05, h * 0.5), (x * 0.65, y, h * 0.5), rings=5, seg=10)
        k.box("body", (-x * 0.5, -y * 0.45, 0), (x * 0.5, y * 0.45, h * 0.3))
        k.finish()
        return
    apple(w, size, dataclasses.replace(cat, variant=kind))


@generator("grapes")
def grapes(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bunch of grapes: berries in a downward cone under a short stem."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, y) * 0.3
    layers = max(3, int((h * 0.88) / (1.6 * r)))
    zt = h * 0.88 - r
    for i in range(layers):
        f = 1.0 - i / layers
        cz = zt - i * (zt - r) / max(layers - 1, 1)
        n = max(1, int(round(6 * f)))
        rr = (min(x, y) - r) * f
        if i == layers - 1:  # the lowest berries spread out: the bunch stands on them
            n, rr = 5, (min(x, y) - r) * 0.6
        for j in range(n):
            a = 2 * math.pi * j / n + i * 0.5
            k.ball("grape", (rr * math.cos(a) * x / min(x, y), rr * math.sin(a) * y / min(x, y), cz), r, rings=4, seg=6)
    k.cyl("stem", 0, 0, r * 0.15, zt, h, OAK, seg=6)
    k.finish()


@generator("cake")
def cake(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round cake of wedge sectors (sometimes with a slice cut out), a frosting layer and berries on top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    n = 8
    cut = k.rng.random() < 0.5
    ft = h * 0.12
    for layer, (z0, z1, mat, rr) in enumerate(((0.0, h - ft, None, 1.0), (h - ft, h - ft * 0.35, PAINT_WHITE, 1.0))):
        for i in range(n):
            if cut and i == 0:
                continue
            a0, a1 = 2 * math.pi * i / n, 2 * math.pi * (i + 1) / n
            pts = [(0.0, 0.0)] + [(x * rr * math.cos(a0 + (a1 - a0) * t / 2), y * rr * math.sin(a0 + (a1 - a0) * t / 2))
                                  for t in range(3)]
            k.prism("layer" if layer == 0 else "frosting", pts, z0, z1, mat)
    for i in range(k.rng.randint(4, 8)):
        a = 2 * math.pi * (i + 1.5) / 9
        k.ball("berry", (x * 0.75 * math.cos(a), y * 0.75 * math.sin(a), h - ft * 0.35), (x * 0.08, y * 0.08, ft * 0.35),
               rings=4, seg=6)
    k.finish()


@generator("pizza")
def pizza(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat base, a raised crust ring and a scatter of toppings."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.95, y * 0.95), 0, h * 0.45, seg=20)
    k.ring("crust", 0, 0, x, y, min(x, y) * 0.1, 0, h * 0.8, n=16)
    for _ in range(k.rng.randint(6, 10)):
        a, r = k.u(0, 2 * math.pi), k.u(0.1, 0.7)
        k.cyl("topping", x * r * math.cos(a), y * r * math.sin(a), min(x, y) * 0.08, h * 0.4, h, k.pick((None, PAINT_BLACK)),
              seg=8)
    k.finish()


def _carton_top(k: Kit, z0: float, z1: float) -> None:
    """A gable top: a triangular prism along X over the full depth, with a seal fin."""
    x, y = k.x, k.y
    path = k.w.prism(k._name("gable"), [(-y, 0.0), (y, 0.0), (0.0, z1 - z0)], -x, x)
    m = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])  # local (u, v, w) -> (w, u, v)
    k._place(path, m, (0.0, 0.0, z0))


@generator("milk_carton")
def milk_carton(w: AssetWriter, size: Size, cat: Category) -> None:
    """A square carton body under a gable top with a seal fin and a screw cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bz = h * 0.76
    k.box("body", (-x, -y, 0), (x, y, bz))
    _carton_top(k, bz, h * 0.95)
    k.box("fin", (-x, -y * 0.04, h * 0.9), (x, y * 0.04, h))
    k.cyl("cap", -x * 0.35, y * 0.4, (x * 0.2, y * 0.2), bz + (h * 0.95 - bz) * 0.4, bz + (h * 0.95 - bz) * 0.75, WHITE,
          seg=10)
    k.finish()


@generator("cereal_box")
def cereal_box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tall thin carton with closed top flaps."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ft = _clamp(h * 0.01, 0.001, 0.003)
    k.box("body", (-x, -y, 0), (x, y, h - ft))
    g = min(y * 0.05, 0.002)
    k.box("flap", (-x, -y, h - ft), (x, -g, h), CARDBOARD)
    k.box("flap", (-x, g, h - ft), (x, y, h), CARDBOARD)
    k.box("label", (-x * 0.8, y * 0.99, h * 0.3), (x * 0.8, y, h * 0.75), PAPER)
    k.finish()
