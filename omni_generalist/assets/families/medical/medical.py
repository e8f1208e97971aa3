"""Medical family: the iv stand, medical monitor, wheelchair generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, FABRIC, RUBBER, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


def _star(k: Kit, name: str, n: int, rx: float, ry: float, z0: float, z1: float, t: float, mat: str | None = None,
          casters: float = 0.0, phase: float = math.pi / 2) -> None:
    """A star base of ``n`` radial bars (with small caster balls under their ends when ``casters``)."""
    for i in range(n):
        a = phase + 2 * math.pi * i / n
        ex, ey = rx * math.cos(a), ry * math.sin(a)
        k.bar(name, (0.0, 0.0), (ex * (1 - t / max(rx, 1e-6)), ey * (1 - t / max(ry, 1e-6))), t, z0, z1, mat)
        if casters:
            k.ball("caster", (ex * (1 - casters / max(rx, 1e-6)), ey * (1 - casters / max(ry, 1e-6)), casters),
                   casters, BLACK, rings=4, seg=6)


# ====================================================================== medical


@generator("iv_stand")
def iv_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A five-bar star base on casters, a pole, four hooks at the top and a hanging bag."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bt = _clamp(min(x, y) * 0.06, 0.015, 0.03)
    cr = min(bt * 0.9, h * 0.02)
    _star(k, "base", 5, x, y, cr * 1.8, cr * 1.8 + bt * 0.8, bt, BRUSHED, casters=cr)
    k.cyl("hub", 0, 0, bt * 1.3, cr * 1.5, cr * 2 + bt, BRUSHED, seg=10)
    pr = _clamp(min(x, y) * 0.03, 0.008, 0.015)
    k.cyl("pole", 0, 0, pr, cr * 2, h - pr * 3, CHROME, seg=8)
    hl = min(x, y) * 0.35
    for i in range(4):
        a = math.pi / 4 + math.pi / 2 * i
        ex, ey = hl * math.cos(a), hl * math.sin(a)
        k.tube("hook", (0, 0, h * 0.93), (ex, ey, h * 0.95), pr * 0.6, CHROME, seg=6)
        k.cyl("hook_tip", ex, ey, pr * 0.6, h * 0.94, h, CHROME, seg=6)
    bx = hl * math.cos(math.pi / 4)
    k.box("bag", (bx - 0.05, bx - 0.012, h * 0.68), (bx + 0.05, bx + 0.012, h * 0.9), WHITE)
    k.cyl("line", bx, bx, 0.002, h * 0.4, h * 0.68, WHITE, seg=6)
    k.finish()


@generator("medical_monitor")
def medical_monitor(w: AssetWriter, size: Size, cat: Category) -> None:
    """A monitor with a screen, knobs and a handle; tall boxes put it on a rolling stand with a basket."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    stand = h > 0.8
    mh = min(h, 0.35) if stand else h
    mz = h - mh
    mw = min(x, 0.22) if stand else x
    my = min(y, 0.12) if stand else y
    k.box("monitor", (-mw, -my, mz), (mw, my * 0.9, mz + mh * 0.88))
    k.box("screen", (-mw * 0.9, my * 0.9, mz + mh * 0.12), (mw * 0.55, my, mz + mh * 0.8), BLACK)
    for i in range(3):
        k.disc("knob", (mw * 0.75, my * 0.95, mz + mh * (0.2 + 0.2 * i)), min(mw, mh) * 0.06, my * 0.1, "y", WHITE, seg=10)
    k.box("handle", (-mw * 0.6, -my * 0.25, mz + mh * 0.85), (mw * 0.6, my * 0.25, h))
    if stand:
        bt = _clamp(min(x, y) * 0.08, 0.015, 0.03)
        _star(k, "base", 5, x, y, 0.05, 0.05 + bt * 0.8, bt, BRUSHED, casters=min(0.025, bt))
        k.cyl("pole", 0, 0, 0.02, 0.04, mz + 0.01, CHROME, seg=8)
        k.box("basket", (-mw * 0.7, -my * 1.2 if my * 1.2 < y else -y, mz * 0.55), (mw * 0.7, 0.02, mz * 0.7), STEEL)
    k.finish()


@generator("wheelchair")
def wheelchair(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two large rear wheels with hand rims, front casters, a fabric seat and back, armrests, push handles
    and footrests (facing +Y)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    R = min(h * 0.33, y * 0.4)
    wt = _clamp(x * 0.08, 0.03, 0.05)
    cy = -y + R
    sw = x - wt * 2.2
    rc = min(R * 0.3, 0.1)
    for sx in (-1, 1):
        k.disc("wheel", (sx * (x - wt / 2), cy, R), R, wt * 0.8, "x", RUBBER, seg=20)
        k.disc("rim", (sx * (x - wt * 0.15), cy, R), R * 0.88, wt * 0.3, "x", CHROME, seg=16)
        k.disc("hub", (sx * (x - wt * 0.6), cy, R), R * 0.15, wt * 1.2, "x", CHROME, seg=10)
        k.disc("caster", (sx * sw * 0.9, y * 0.55, rc), rc, wt * 0.5, "x", BLACK, seg=10)
        k.cyl("fork", sx * sw * 0.9, y * 0.55, 0.012, rc, h * 0.5, CHROME, seg=6)
        k.cyl("post", sx * sw * 0.95, -y * 0.35, 0.012, R, h * 0.5, CHROME, seg=6)
        k.tube("rail", (sx * sw * 0.95, -y * 0.35, h * 0.46), (sx * sw * 0.95, y * 0.55, h * 0.46), 0.012, CHROME, seg=6)
        k.strut("back_post", (sx * sw * 0.95, -y * 0.38, h * 0.45), (sx * sw * 0.95, -y * 0.55, h * 0.93), 0.012)
        k.tube("handle", (sx * sw * 0.95, -y * 0.55, h * 0.93), (sx * sw * 0.95, -y * 0.72, h - 0.015), 0.015, BLACK, seg=6)
        k.box("armrest", (sx * sw * 0.95 - 0.03, -y * 0.3, h * 0.66), (sx * sw * 0.95 + 0.03, y * 0.25, h * 0.7), BLACK)
        k.strut("arm_post", (sx * sw * 0.95, y * 0.2, h * 0.46), (sx * sw * 0.95, y * 0.2, h * 0.67), 0.01)
        k.strut("leg_rest", (sx * sw * 0.6, y * 0.9, h * 0.1), (sx * sw * 0.85, y * 0.55, h * 0.47), 0.012)
        k.box("footplate", (min(sx * sw * 0.15, sx * sw * 0.7), y * 0.75, h * 0.08), (max(sx * sw * 0.15, sx * sw * 0.7), y,
                                                                                       h * 0.1), BLACK)
    k.box("seat", (-sw * 0.95, -y * 0.38, h * 0.46), (sw * 0.95, y * 0.5, h * 0.5), FABRIC)
    back = k.box("back", (-sw * 0.95, -y * 0.4, h * 0.48), (sw * 0.95, -y * 0.37, h * 0.9), FABRIC)
    k.shear(back, 0.0, (-y * 0.55 + y * 0.38) / (h * 0.42), h * 0.48)
    k.finish()


@generator("walker")
def walker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A walking frame: four splayed legs with rubber tips (front wheels on some), side rails with grips at
    the back and a cross bar at the front (+Y)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = _clamp(min(x, y) * 0.04, 0.008, 0.015)
    wheels = k.rng.random() < 0.5
    for sx in (-1, 1):
        for sy in (-1, 1):
            foot = (sx * (x - t), sy * (y - t), t * 2)
            k.tube("leg", foot, (sx * x * 0.85, sy * y * 0.8, h - t), t, BRUSHED, seg=8)
            if wheels and sy > 0:
                k.disc("wheel", (sx * (x - t), y - t * 3, t * 3), t * 3, t * 2, "x", BLACK, seg=12)
            else:
                k.cyl("tip", foot[0], foot[1], t * 1.4, 0, t * 3, RUBBER, seg=8)
        k.tube("rail", (sx * x * 0.85, -y * 0.8, h - t), (sx * x * 0.85, y * 0.8, h - t), t, BRUSHED, seg=8)
        k.tube("grip", (sx * x * 0.85, -y * 0.75, h - t), (sx * x * 0.85, -y * 0.1, h - t), t * 1.6, BLACK, seg=8)
        k.tube("brace", (sx * x * 0.92, -y * 0.88, h * 0.35), (sx * x * 0.92, y * 0.88, h * 0.35), t * 0.8, BRUSHED, seg=8)
    k.tube("cross", (-x * 0.88, y * 0.82, h * 0.7), (x * 0.88, y * 0.82, h * 0.7), t, BRUSHED, seg=8)
    k.finish()
