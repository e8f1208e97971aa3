"""Transport family: the bicycle, hand truck, shopping cart, lawn mower generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, FABRIC, RUBBER, STEEL, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== vehicles and tools


def _wheel(k: Kit, name: str, c: tuple[float, float, float], r: float, t: float, axis: str = "y", spokes: int = 4,
           mat: str | None = RUBBER) -> None:
    """A wheel: a tyre of tube segments around a hub with a few spokes (axis X or Y)."""
    n = 12
    tr = max(r * 0.08, 0.004)
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        u, v = (r - tr) * math.cos(a), (r - tr) * math.sin(a)
        pts.append((c[0] + (u if axis == "y" else 0.0), c[1] + (u if axis == "x" else 0.0), c[2] + v))
    for p, q in zip(pts, pts[1:] + pts[:1], strict=True):
        k.tube(name, p, q, tr, mat, seg=6)
    k.disc(name + "_hub", c, r * 0.1, t, axis, CHROME, seg=10)
    for i in range(spokes):
        a = math.pi * i / spokes
        u, v = (r - tr) * math.cos(a), (r - tr) * math.sin(a)
        d = (u if axis == "y" else 0.0, u if axis == "x" else 0.0, v)
        k.tube(name + "_spoke", (c[0] - d[0], c[1] - d[1], c[2] - d[2]), (c[0] + d[0], c[1] + d[1], c[2] + d[2]),
               max(tr * 0.25, 0.0015), CHROME, seg=6)


@generator("bicycle")
def bicycle(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two spoked wheels, a diamond frame of tubes, fork, saddle, handlebar across, cranks and pedals."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    R = min(h * 0.36, x * 0.48)
    rear, front = (-x + R, 0.0, R), (x - R, 0.0, R)
    _wheel(k, "rear", rear, R, 0.05)
    _wheel(k, "front", front, R, 0.05)
    r = _clamp(R * 0.05, 0.012, 0.02)
    bb = (-x * 0.05, 0.0, R * 0.85)
    seat = (-x * 0.22, 0.0, h * 0.8)
    head = (x * 0.38, 0.0, h * 0.8)
    head_lo = (x * 0.42, 0.0, h * 0.62)
    for a, b in ((bb, seat), (seat, head), (bb, head_lo), (head_lo, head), (bb, rear), (seat, rear), (head_lo, front)):
        k.tube("frame", a, b, r, seg=8)
    k.tube("seat_post", seat, (seat[0] - x * 0.03, 0.0, h * 0.9), r * 0.8, CHROME, seg=8)
    k.ball("saddle", (seat[0] - x * 0.04, 0.0, h * 0.92), (x * 0.12, min(y * 0.25, 0.08), h * 0.03), BLACK, rings=4)
    k.tube("stem", head, (head[0] - x * 0.03, 0.0, h - r), r, seg=8)
    k.tube("handlebar", (head[0] - x * 0.03, -y + r, h - r), (head[0] - x * 0.03, y - r, h - r), r, BLACK, seg=8)
    k.disc("chainring", bb, R * 0.22, 0.01, "y", CHROME, seg=16)
    for sy in (-1, 1):
        p = (bb[0] + sy * R * 0.2, sy * 0.06, bb[2] - sy * R * 0.2)
        k.tube("crank", (bb[0], sy * 0.04, bb[2]), p, r * 0.7, CHROME, seg=6)
        k.box("pedal", (p[0] - 0.04, sy * 0.06 - 0.03 if sy > 0 else -0.12, p[2] - 0.01),
              (p[0] + 0.04, 0.12 if sy > 0 else -0.06 + 0.03, p[2] + 0.01), BLACK)
    k.finish()


@generator("hand_truck")
def hand_truck(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upright frame with cross bars and a looped handle, a toe plate at the front bottom and two wheels
    at the back."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    R = min(h * 0.1, y * 0.4, 0.15)
    wt = _clamp(x * 0.12, 0.04, 0.07)
    r = _clamp(x * 0.04, 0.012, 0.02)
    fx = x - wt * 1.2
    fy0 = -y + R * 1.6
    for sx in (-1, 1):
        k.strut("rail", (sx * fx, fy0, R * 0.6), (sx * fx, -y + r * 2, h - r * 2), r)
        k.disc("wheel", (sx * (x - wt / 2), -y + R, R), R, wt, "x", RUBBER, seg=16)
        k.disc("wheel_hub", (sx * (x - wt / 2), -y + R, R), R * 0.45, wt * 1.05, "x", STEEL, seg=10)
    k.tube("axle", (-(x - wt), -y + R, R), (x - wt, -y + R, R), r * 0.8, STEEL, seg=6)
    for f in (0.3, 0.55, 0.8):
        yy = fy0 + (-y + r * 2 - fy0) * f
        k.tube("cross", (-fx, yy, h * f), (fx, yy, h * f), r * 0.7, seg=6)
    k.tube("handle", (-fx, -y + r * 2, h - r), (fx, -y + r * 2, h - r), r, BLACK, seg=8)
    k.box("toe_plate", (-fx - r, fy0 - r, 0), (fx + r, y, min(h * 0.015, 0.012)), STEEL)
    k.finish()


@generator("shopping_cart")
def shopping_cart(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wire basket (an open container with an inside surface) on a frame with a lower tray, four casters and a
    push handle at the back (-Y)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rc = min(0.06, h * 0.06)
    bz0, bz1 = h * 0.45, h * 0.9
    t = _clamp(min(x, y) * 0.02, 0.006, 0.012)
    by0 = -y * 0.85
    k.box("basket_floor", (-x * 0.95, by0, bz0), (x * 0.95, y, bz0 + t))
    k.walls("basket", x * 0.95, (y - by0) / 2, t, bz0, bz1, cy=(y + by0) / 2)
    k.walls("basket_rim", x, (y - by0) / 2 + t * 0.5, t * 1.5, bz1 - t * 2, bz1, cy=(y + by0) / 2)
    k.tube("handle", (-x * 0.95, -y + 0.02, h - 0.02), (x * 0.95, -y + 0.02, h - 0.02), 0.02, BLACK, seg=8)
    for sx in (-1, 1):
        k.strut("handle_arm", (sx * x * 0.9, by0 + t, bz1 - t), (sx * x * 0.9, -y + 0.03, h - 0.03), 0.01)
        k.strut("frame_post", (sx * x * 0.75, by0 + 0.05, rc * 2), (sx * x * 0.85, by0 + 0.05, bz0), 0.012)
        k.strut("frame_post", (sx * x * 0.65, y * 0.85, rc * 2), (sx * x * 0.85, y * 0.85, bz0), 0.012)
        k.box("frame_rail", (sx * x * 0.7 - 0.012, by0, rc * 2), (sx * x * 0.7 + 0.012, y * 0.9, rc * 2 + 0.025))
        for cy in (by0 + 0.05, y * 0.85):
            k.disc("caster", (sx * x * 0.7, cy, rc), rc, 0.03, "x", BLACK, seg=10)
    k.box("tray", (-x * 0.6, by0 + 0.05, h * 0.12), (x * 0.6, y * 0.7, h * 0.13))
    inx, iy0, iy1 = x * 0.95 - t * 1.2, by0 + t * 1.2, y - t * 1.2
    k.surface(bz0 + t, -inx, iy0, inx, iy1, clearance=1.0, inside=True)
    k.finish()


@generator("lawn_mower")
def lawn_mower(w: AssetWriter, size: Size, cat: Category) -> None:
    """A low deck on four wheels with an engine, a grass bag at the back and a handle rising to the back (-Y)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    R = min(h * 0.12, y * 0.15)
    wt = _clamp(x * 0.1, 0.03, 0.06)
    dx = x - wt * 1.2
    dy0, dy1 = -y * 0.25, y
    c = min(dx, (dy1 - dy0) / 2) * 0.3
    k.prism("deck", [(-dx + c, dy0), (dx - c, dy0), (dx, dy0 + c), (dx, dy1 - c), (dx - c, dy1), (-dx + c, dy1),
                     (-dx, dy1 - c), (-dx, dy0 + c)], R * 0.6, R * 1.9)
    for sx in (-1, 1):
        for wy in (dy0 + R * 1.1, dy1 - R * 1.1):
            k.disc("wheel", (sx * (x - wt / 2), wy, R), R, wt, "x", RUBBER, seg=14)
    ey = (dy0 + dy1) / 2
    er = min(dx, (dy1 - dy0) / 2) * 0.45
    k.cyl("engine", 0, ey, er, R * 1.8, R * 1.8 + h * 0.15, BLACK, seg=16)
    k.cyl("engine_top", 0, ey, er * 0.7, R * 1.8 + h * 0.15, R * 1.8 + h * 0.2, seg=12)
    k.box("bag", (-dx * 0.7, -y * 0.95, R * 1.2), (dx * 0.7, dy0, R * 1.2 + h * 0.3), FABRIC)
    hr = _clamp(x * 0.04, 0.01, 0.02)
    for sx in (-1, 1):
        k.strut("handle", (sx * dx * 0.8, dy0, R * 1.5), (sx * dx * 0.8, -y + hr, h - hr), hr)
    k.tube("handle_bar", (-dx * 0.8, -y + hr, h - hr), (dx * 0.8, -y + hr, h - hr), hr, BLACK, seg=8)
    k.finish()
