"""Transport family: cars.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; the car's length runs along the size's
longer horizontal side.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, GLASS, RUBBER, STEEL, WHITE, Kit
from ...toolkit import AssetWriter


@generator("car")
def car(w: AssetWriter, size: Size, cat: Category) -> None:
    """A car: a body over four wheels, a glazed cabin with a roof, lights, bumpers and mirrors."""
    k = Kit(w, size, long_x=True)  # design along X: front at +X
    x, y, h = k.x, k.y, k.H
    r = h * k.u(0.2, 0.24)
    clear = r * 0.55
    belt = h * k.u(0.52, 0.58)
    k.box("body", (-x * 0.97, -y * 0.96, clear), (x * 0.97, y * 0.96, belt))
    k.box("hood", (x * 0.35, -y * 0.93, belt), (x * 0.93, y * 0.93, belt + h * 0.03))
    k.box("boot", (-x * 0.93, -y * 0.93, belt), (-x * 0.6, y * 0.93, belt + h * 0.04))
    cab0, cab1 = -x * k.u(0.55, 0.6), x * k.u(0.25, 0.35)
    k.box("glass", (cab0, -y * 0.84, belt), (cab1, y * 0.84, h * 0.94), GLASS)
    k.box("roof", (cab0 + x * 0.12, -y * 0.8, h * 0.94), (cab1 - x * 0.12, y * 0.8, h))
    k.box("screen", (cab1 - x * 0.02, -y * 0.82, belt), (cab1, y * 0.82, h * 0.9), GLASS)
    for sx in (-1, 1):
        k.box("bumper", (min(sx * x, sx * x * 0.95), -y * 0.95, clear * 0.9), (max(sx * x, sx * x * 0.95), y * 0.95,
              clear * 1.6), BLACK)
        for sy in (-1, 1):
            k.disc("wheel", (sx * x * 0.62, sy * (y - y * 0.1), r), r, y * 0.2, axis="y", mat=RUBBER, seg=16)
            k.disc("hub", (sx * x * 0.62, sy * y * 0.995, r), r * 0.5, y * 0.01, axis="y", mat=CHROME, seg=12)
            k.box("light", (sx * x * 0.97 - 0.01 * x, sy * y * 0.7 - y * 0.12, belt * 0.8),
                  (sx * x * 0.97 + 0.01 * x, sy * y * 0.7 + y * 0.12, belt * 0.92), WHITE if sx > 0 else "colored plastic")
        k.box("mirror", (cab1 - x * 0.05, sx * y * 0.84, belt + h * 0.05), (cab1, sx * y * 1.0, belt + h * 0.1), BLACK)
    k.finish()


@generator("forklift")
def forklift(w: AssetWriter, size: Size, cat: Category) -> None:
    """A counterbalanced forklift facing +Y: chassis and counterweight on four wheels, a seat and a steering
    wheel under an overhead guard, the mast with a carriage and two forks at the front."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    wr = min(h * 0.13, y * 0.2)
    k.box("chassis", (-x * 0.8, -y * 0.75, wr * 0.6), (x * 0.8, y * 0.45, h * 0.36))
    k.rounded("counterweight", (-x * 0.85, -y, wr * 0.6), (x * 0.85, -y * 0.55, h * 0.5), min(y * 0.45, h * 0.4) * 0.5, "x")
    for sx in (-1, 1):
        for cy, r in ((y * 0.3, wr), (-y * 0.62, wr * 0.85)):
            k.disc("wheel", (sx * x * 0.82, cy, r), r, x * 0.3, "x", RUBBER, seg=16)
    k.box("seat", (-x * 0.35, -y * 0.5, h * 0.36), (x * 0.35, -y * 0.2, h * 0.42), BLACK)
    k.box("backrest", (-x * 0.35, -y * 0.52, h * 0.42), (x * 0.35, -y * 0.45, h * 0.58), BLACK)
    k.tube("column", (0, y * 0.25, h * 0.36), (0, y * 0.12, h * 0.58), wr * 0.1, BLACK, seg=8)
    wheel = k.disc("steering", (0, y * 0.12, h * 0.6), wr * 0.5, wr * 0.06, "y", BLACK, seg=14)
    k.tilt(wheel, "x", -50, (0, y * 0.12, h * 0.6))
    t = min(x, y) * 0.05
    for sx in (-1, 1):
        k.tube("guard_post", (sx * x * 0.75, y * 0.3, h * 0.36), (sx * x * 0.75, y * 0.2, h * 0.96), t, STEEL, seg=8)
        k.tube("guard_post", (sx * x * 0.75, -y * 0.6, h * 0.5), (sx * x * 0.75, -y * 0.55, h * 0.96), t, STEEL, seg=8)
        k.box("guard_rail", (sx * x * 0.75 - t, -y * 0.6, h * 0.95), (sx * x * 0.75 + t, y * 0.25, h), STEEL)
    for i in range(4):
        gy = -y * 0.55 + i * y * 0.25
        k.box("guard_bar", (-x * 0.75, gy - t * 0.6, h * 0.96), (x * 0.75, gy + t * 0.6, h * 0.99), STEEL)
    for sx in (-1, 1):
        k.box("mast", (sx * x * 0.45 - x * 0.06, y * 0.48, h * 0.04), (sx * x * 0.45 + x * 0.06, y * 0.56, h * 0.98), STEEL)
        k.box("fork", (sx * x * 0.3 - x * 0.06, y * 0.56, 0.0), (sx * x * 0.3 + x * 0.06, y, h * 0.025), STEEL)
        k.box("fork_shank", (sx * x * 0.3 - x * 0.06, y * 0.56, 0.0), (sx * x * 0.3 + x * 0.06, y * 0.6, h * 0.3), STEEL)
    k.box("mast_bar", (-x * 0.5, y * 0.48, h * 0.9), (x * 0.5, y * 0.55, h * 0.95), STEEL)
    k.box("carriage", (-x * 0.5, y * 0.56, h * 0.15), (x * 0.5, y * 0.6, h * 0.3), BLACK)
    k.finish()


@generator("tire")
def tire(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tyre standing on its tread (axis along Y): tread blocks around the rim, sidewalls and a metal wheel."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, h / 2)
    c = (0.0, 0.0, r)
    k.disc("tyre", c, r * 0.96, y * 2, "y", RUBBER, seg=28)
    n = 28
    for i in range(n):
        a = 2 * math.pi * (i + 0.5) / n
        p = (r * 0.96 * math.cos(a), y * (0.5 if i % 2 else -0.5), r + r * 0.96 * math.sin(a))
        q = (r * math.cos(a), p[1], r + r * math.sin(a))
        k.tube("tread", p, q, y * 0.35, RUBBER, seg=4)
    k.disc("rim", c, r * 0.6, y * 1.6, "y", CHROME, seg=20)
    k.disc("hub", c, r * 0.18, y * 1.9, "y", STEEL, seg=12)
    k.finish()
