"""Transport family: cars.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; the car's length runs along the size's
longer horizontal side.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, GLASS, RUBBER, WHITE, Kit
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
