"""Decor family: the sculpture, grandfather clock generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BRUSHED, GLASS, OAK, PAINT_BLACK, PAINT_WHITE, Kit
from ...toolkit import AssetWriter

# ====================================================================== art and clocks


@generator("sculpture")
def sculpture(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plinth (for big pieces) or a small base carrying an abstract stack, a twisted column or a bust."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    small = h < 0.45
    bh = h * (0.08 if small else k.u(0.25, 0.4))
    k.box("plinth", (-x, -y, 0), (x, y, bh), k.pick((PAINT_WHITE, PAINT_BLACK, OAK, None)))
    style = "bust" if cat.variant == "bust" else k.pick(("stack", "twist", "bust", "figure"))
    top = h - bh
    if style == "stack":
        z = bh
        n = k.rng.randint(3, 5)
        for _ in range(n):
            rz = top / n * 0.6
            k.ball("form", (k.u(-0.2, 0.2) * x, k.u(-0.2, 0.2) * y, z + rz), (x * k.u(0.5, 0.9), y * k.u(0.5, 0.9), rz), rings=5)
            z += 2 * rz * 0.83
        k.ball("form", (0, 0, h - top * 0.1), (x * 0.3, y * 0.3, top * 0.1), rings=5)
    elif style == "twist":
        n = 8
        for i in range(n):
            seg = k.box("twist", (-x * 0.55, -y * 0.25, bh + top * i / n), (x * 0.55, y * 0.25, bh + top * (i + 1) / n + 0.002))
            k.tilt(seg, "z", 22.5 * i, (0, 0, 0))
    elif style == "bust":
        k.ball("shoulders", (0, 0, bh + top * 0.2), (x * 0.95, y * 0.6, top * 0.2), rings=5)
        k.cyl("neck", 0, 0, (x * 0.18, y * 0.2), bh + top * 0.3, bh + top * 0.62, seg=10)
        k.ball("head", (0, y * 0.05, bh + top * 0.78), (x * 0.32, y * 0.4, top * 0.22), rings=5)
        k.ball("nose", (0, y * 0.45, bh + top * 0.74), (x * 0.05, y * 0.06, top * 0.04), rings=4, seg=6)
    else:  # a standing figure
        k.cyl("legs", 0, 0, (x * 0.3, y * 0.3), bh, bh + top * 0.45, seg=10)
        k.ball("body", (0, 0, bh + top * 0.6), (x * 0.55, y * 0.45, top * 0.22), rings=5)
        k.ball("head", (0, 0, h - top * 0.1), (x * 0.25, y * 0.25, top * 0.1), rings=5)
        for sx in (-1, 1):
            k.tube("arm", (sx * x * 0.45, 0, bh + top * 0.75), (sx * x * 0.9, y * 0.3, bh + top * 0.45), min(x, y) * 0.1, seg=8)
    k.finish()


@generator("grandfather_clock")
def grandfather_clock(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plinth, a trunk with a glazed door and pendulum, a hood with a round dial and a pediment with finials."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("plinth", (-x, -y, 0), (x, y, h * 0.22))
    k.box("trunk", (-x * 0.78, -y * 0.85, h * 0.22), (x * 0.78, y * 0.8, h * 0.68))
    k.box("door", (-x * 0.55, y * 0.8, h * 0.27), (x * 0.55, y * 0.84, h * 0.64), GLASS)
    k.cyl("rod", 0, y * 0.76, 0.004, h * 0.38, h * 0.66, BRUSHED, seg=6)
    k.disc("bob", (0, y * 0.78, h * 0.36), x * 0.22, 0.01, "y", BRUSHED, seg=14)
    k.box("waist", (-x * 0.9, -y * 0.92, h * 0.66), (x * 0.9, y * 0.9, h * 0.7))
    k.box("hood", (-x * 0.92, -y * 0.9, h * 0.7), (x * 0.92, y * 0.88, h * 0.9))
    k.disc("dial", (0, y * 0.9, h * 0.8), (x * 0.6, h * 0.085), 0.01, "y", PAINT_WHITE, seg=20)
    for sgn, hl in ((1, 0.55), (-1, 0.4)):
        k.box("hand", (0 if sgn > 0 else -x * 0.02, y * 0.92, h * 0.795), (x * hl * 0.6 if sgn > 0 else x * 0.02,
                                                                           y * 0.94, h * 0.805 if sgn > 0 else h * 0.86),
              PAINT_BLACK)
    k.box("cornice", (-x, -y, h * 0.9), (x, y, h * 0.93))
    ped = k.w.prism(k._name("pediment"), [(-x * 0.95, 0.0), (x * 0.95, 0.0), (0.0, h * 0.05)], -y * 0.95, y * 0.95)
    k._place(ped, [[1.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]], (0.0, 0.0, h * 0.93))
    for sx in (-1, 0, 1):
        k.ball("finial", (sx * x * 0.8, 0, h * 0.985 if sx else h * 0.975), (x * 0.06, x * 0.06, h * 0.015 if sx else h * 0.025),
               BRUSHED, rings=4, seg=6)
    k.finish()
