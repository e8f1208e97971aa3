"""Games family: the arcade cabinet, pinball machine generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, GLASS, ORANGE, PAINT_BLACK, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== entertainment


@generator("arcade_cabinet")
def arcade_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """Side panels, a cabinet, a coin door, a control panel with joystick and buttons, a tilted screen and a marquee."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    st = _clamp(x * 0.06, 0.015, 0.03)
    for sx in (-1, 1):
        k.box("side", (min(sx * x, sx * (x - st)), -y, 0), (max(sx * x, sx * (x - st)), y * 0.3, h * 0.95))
        k.box("side", (min(sx * x, sx * (x - st)), y * 0.3, 0), (max(sx * x, sx * (x - st)), y * 0.7, h * 0.52))
    k.box("back", (-x + st, -y, 0), (x - st, -y * 0.2, h * 0.95))
    k.box("lower", (-x + st, -y * 0.2, 0), (x - st, y * 0.5, h * 0.45))
    k.box("coin_door", (-x * 0.25, y * 0.5, h * 0.18), (x * 0.25, y * 0.53, h * 0.32), BLACK)
    k.box("panel", (-x, y * 0.2, h * 0.45), (x, y, h * 0.52), BLACK)
    k.cyl("joystick", -x * 0.35, y * 0.6, min(x, y) * 0.015, h * 0.52, h * 0.58, BLACK, seg=6)
    k.ball("knob", (-x * 0.35, y * 0.6, h * 0.585), min(x, y) * 0.03, WHITE, rings=4, seg=6)
    for i in range(4):
        k.cyl("button", x * (0.05 + 0.15 * i), y * 0.6, min(x, y) * 0.025, h * 0.52, h * 0.535, WHITE, seg=8)
    scr = k.box("screen", (-x + st, y * 0.1, h * 0.54), (x - st, y * 0.16, h * 0.8), GLASS)
    k.tilt(scr, "x", -12, (0, y * 0.13, h * 0.67))
    k.box("bezel", (-x + st, -y * 0.2, h * 0.52), (x - st, y * 0.1, h * 0.84), PAINT_BLACK)
    k.box("marquee", (-x, -y, h * 0.84), (x, y * 0.3, h))
    k.box("marquee_light", (-x * 0.9, y * 0.3, h * 0.86), (x * 0.9, y * 0.33, h * 0.98), WHITE)
    k.finish()


@generator("pinball_machine")
def pinball_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """Four legs, a long sloping cabinet with a glass top, flipper buttons and an upright backbox at the rear."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    lt = _clamp(x * 0.08, 0.03, 0.05)
    cz0, cz1 = h * 0.45, h * 0.62
    for sx in (-1, 1):
        for sy in (-1, 1):
            lx = sx * (x - lt / 2)
            k.box("leg", (lx - lt / 2, sy * y * 0.85 - lt / 2, 0), (lx + lt / 2, sy * y * 0.85 + lt / 2, cz0 + 0.02))
    k.box("cabinet", (-x, -y * 0.75, cz0), (x, y, cz1))
    k.box("glass", (-x * 0.92, -y * 0.73, cz1), (x * 0.92, y * 0.97, cz1 + 0.006), GLASS)
    k.box("backbox", (-x, -y, cz0), (x, -y * 0.75, cz1 + 0.02))
    k.box("backbox", (-x, -y, cz1), (x, -y * 0.7, h))
    k.box("backglass", (-x * 0.9, -y * 0.7, cz1 + (h - cz1) * 0.35), (x * 0.9, -y * 0.68, h * 0.97), GLASS)
    for sx in (-1, 1):
        k.box("button", (min(sx * x, sx * x * 0.99), y * 0.8, cz1 - 0.06), (max(sx * x, sx * x * 0.99), y * 0.85, cz1 - 0.03),
              WHITE)
    k.box("plunger", (x * 0.7, y * 0.98, cz0 + 0.03), (x * 0.8, y, cz0 + 0.06), CHROME)
    k.finish()


@generator("basketball_hoop")
def basketball_hoop(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall hoop: a backboard with a target square, a bracket holding the rim forward, and a net under it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    zr = h * 0.4
    k.box("backboard", (-x, -y, h * 0.3), (x, -y * 0.9, h))
    k.box("target", (-x * 0.25, -y * 0.9, zr + h * 0.04), (x * 0.25, -y * 0.88, zr + h * 0.3), ORANGE)
    k.box("bracket", (-x * 0.08, -y * 0.9, zr - h * 0.05), (x * 0.08, -y * 0.45, zr), STEEL)
    rr = y * 0.72
    rx = min(x * 0.45, rr)
    cy = y - rr
    t = rr * 0.07
    k.ring("rim", 0, cy, rx, rr, t, zr, zr + t * 0.6, ORANGE, n=16)
    k.flare("net", 0, cy, rx * 0.65, rr * 0.65, rx * 0.95, rr * 0.95, t * 0.3, 0.0, zr, WHITE, n=16)
    k.finish()
