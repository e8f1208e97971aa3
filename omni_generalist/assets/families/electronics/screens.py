"""Electronics family: the tv generator.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, GLASS, RUBBER, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== screens


@generator("tv")
def tv(w: AssetWriter, size: Size, cat: Category) -> None:
    """A screen panel; on a stand (a pedestal or two feet) unless it is thin enough to be wall-mounted (d < 0.08).

    A 'computer' is a tower case when its box is tower-shaped, else a monitor with a keyboard and a mouse.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    b = _clamp(min(x, h) * 0.02, 0.004, 0.02)
    if name == "computer" and (x < 0.7 * h or x < 0.6 * y):  # a tower case (a desktop computer)
        computer_tower(w, size, cat)
        return
    computer = name == "computer" and y > 0.15
    if 2 * y < 0.08:
        k.box("panel", (-x, -y, 0), (x, y * 0.6, h))
        k.box("screen", (-x + b, y * 0.6, b), (x - b, y, h - b), GLASS)
        k.box("mount", (-x * 0.3, -y, h * 0.3), (x * 0.3, -y * 0.3, h * 0.7), BLACK)
        k.finish()
        return
    pt = _clamp(2 * y * 0.2, 0.01, 0.06)
    yc = -y * 0.2 if not computer else -y * 0.55
    sz = h * (0.12 if "monitor" not in name and not computer else 0.22)
    k.box("panel", (-x, yc - pt / 2, sz), (x, yc + pt / 2, h))
    k.box("screen", (-x + b, yc + pt / 2, sz + b), (x - b, yc + pt / 2 + 0.002, h - b), GLASS)
    k.box("back", (-x * 0.5, yc - pt / 2 - pt * 0.6, sz + (h - sz) * 0.25), (x * 0.5, yc - pt / 2, sz + (h - sz) * 0.75))
    feet = name in ("tv", "television", "smart tv", "flat screen tv", "flatscreen tv", "tv screen") and k.rng.random() < 0.5
    fy0, fy1 = (-y, y) if not computer else (-y, y * 0.2)
    if feet:
        for sx in (-1, 1):
            fx = sx * x * 0.75
            k.bar("foot", (fx, fy0), (fx + sx * x * 0.08, fy1), min(x * 0.04, 0.03), 0, h * 0.015, BLACK)
            k.box("leg", (fx - 0.01, yc - 0.01, 0), (fx + 0.01, yc + 0.01, sz + 0.02), BLACK)
    else:
        k.cyl("base", 0, (fy0 + fy1) / 2, (min(x * 0.35, 0.35), (fy1 - fy0) / 2), 0, h * 0.02, BLACK, seg=16)
        k.box("neck", (-x * 0.06, yc - pt / 2 - pt * 0.8, 0), (x * 0.06, yc - pt / 2 - pt * 0.1, sz + (h - sz) * 0.4),
              BLACK)
    if computer:
        k.box("keyboard", (-x * 0.6, y * 0.35, 0), (x * 0.6, y * 0.85, h * 0.03), BLACK)
        k.box("mouse", (x * 0.7, y * 0.5, 0), (x * 0.82, y, h * 0.03), BLACK)
    k.finish()


def computer_tower(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tower case on feet with a front panel, a power button and a side window."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    fh = h * 0.06
    k.rounded("case", (-x * 0.97, -y, fh), (x * 0.97, y * 0.94, h), min(y, h) * 0.12, "x")
    k.rounded("front", (-x * 0.9, y * 0.94, fh + h * 0.02), (x * 0.9, y, h * 0.97), min(x, h) * 0.15, "y", BLACK)
    k.disc("power", (0, y * 0.98, h * 0.88), min(x, h) * 0.08, y * 0.04, "y", WHITE, seg=10)
    k.box("window", (x * 0.97, -y * 0.8, h * 0.3), (x, y * 0.7, h * 0.88), GLASS)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.cyl("foot", sx * x * 0.75, sy * y * 0.8, min(x, y) * 0.12, 0, fh + 0.001, RUBBER, seg=10)
    k.finish()
