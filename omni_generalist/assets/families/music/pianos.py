"""Music family: the piano, grand piano, digital piano, drum kit generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The counter-clockwise convex hull of 2-D points (monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


# ====================================================================== instruments


@generator("piano")
def piano(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upright piano: a tall body, a keyboard shelf with white and black keys, a fallboard, front pillars,
    toe blocks and pedals."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    db = 2 * y * 0.55
    yb = -y + db
    kz = h * 0.58
    k.box("body", (-x, -y, h * 0.02), (x, yb, h * 0.97))
    k.box("top", (-x, -y, h * 0.96), (x, yb + 0.01, h))
    k.box("plinth", (-x * 0.98, -y, 0), (x * 0.98, yb, h * 0.03))
    k.box("keybed", (-x, yb, kz), (x, y - 0.01, kz + h * 0.05))
    k.box("keys", (-x * 0.9, yb + (y - yb) * 0.15, kz + h * 0.05), (x * 0.9, y, kz + h * 0.065), WHITE)
    k.box("black_keys", (-x * 0.9, yb + (y - yb) * 0.15, kz + h * 0.065), (x * 0.9, yb + (y - yb) * 0.55, kz + h * 0.08),
          BLACK)
    for sx in (-1, 1):
        k.box("cheek", (min(sx * x, sx * x * 0.9), yb, kz), (max(sx * x, sx * x * 0.9), y, kz + h * 0.1))
        k.box("pillar", (sx * x * 0.85 - 0.03, y - 0.07, h * 0.05), (sx * x * 0.85 + 0.03, y - 0.02, kz))
        k.box("toe", (sx * x * 0.85 - 0.035, yb, 0), (sx * x * 0.85 + 0.035, y, h * 0.06))
    k.box("fallboard", (-x * 0.9, yb, kz + h * 0.065), (x * 0.9, yb + (y - yb) * 0.12, kz + h * 0.2))
    k.box("music_desk", (-x * 0.6, yb, kz + h * 0.2), (x * 0.6, yb + 0.02, kz + h * 0.3))
    for i in range(3):
        px = (i - 1) * x * 0.08
        k.box("pedal", (px - 0.015, yb, h * 0.03), (px + 0.015, yb + (y - yb) * 0.5, h * 0.05), BRUSHED)
    k.finish()


@generator("grand_piano")
def grand_piano(w: AssetWriter, size: Size, cat: Category) -> None:
    """A grand piano with the keyboard at +Y: a convex case outline (the bentside approximated), a closed lid,
    three legs, a keybed with keys and a pedal lyre."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    kd = min(2 * y * 0.12, 0.3)
    yf = y - kd
    L = yf + y
    pts = [(x, yf), (-x, yf), (-x, yf - L * 0.55)]
    for i in range(7):
        a = math.pi * (1.0 + 0.5 * i / 6)
        pts.append((-x * 0.35 + x * 0.65 * math.cos(a), -y + L * 0.45 + L * 0.45 * math.sin(a)))
    pts += [(x * 0.55, -y + L * 0.35), (x * 0.92, yf - L * 0.45), (x, yf - L * 0.3)]
    outline = _hull(pts)
    lz = h * 0.6
    k.prism("case", outline, lz, h * 0.96)
    k.prism("lid", outline, h * 0.96, h)
    lr = _clamp(x * 0.05, 0.03, 0.06)
    for lx, ly in ((-x * 0.85, yf - lr * 1.2), (x * 0.85, yf - lr * 1.2), (-x * 0.4, -y + L * 0.12)):
        k.cyl("leg", lx, ly, lr, 0, lz + 0.01, seg=10)
        k.cyl("caster", lx, ly, lr * 1.1, 0, h * 0.02, BRUSHED, seg=10)
    k.box("keybed", (-x * 0.95, yf - 0.01, lz - h * 0.02), (x * 0.95, y, lz + h * 0.04))
    k.box("keys", (-x * 0.88, yf, lz + h * 0.04), (x * 0.88, y - kd * 0.1, lz + h * 0.055), WHITE)
    k.box("black_keys", (-x * 0.88, yf, lz + h * 0.055), (x * 0.88, yf + kd * 0.45, lz + h * 0.07), BLACK)
    for sx in (-1, 1):
        k.box("cheek", (min(sx * x * 0.95, sx * x * 0.88), yf - 0.01, lz - h * 0.02),
              (max(sx * x * 0.95, sx * x * 0.88), y, lz + h * 0.09))
    k.box("lyre", (-x * 0.08, yf - kd * 0.8, h * 0.03), (x * 0.08, yf - kd * 0.6, lz))
    k.box("pedals", (-x * 0.1, yf - kd * 0.8, h * 0.01), (x * 0.1, yf - kd * 0.2, h * 0.04), BRUSHED)
    k.finish()


@generator("digital_piano")
def digital_piano(w: AssetWriter, size: Size, cat: Category) -> None:
    """A keyboard body on two side panels (or on an X stand when shallow) with a pedal bar."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    kz = h * 0.72 if h > 0.5 else 0.0
    k.box("body", (-x, -y, kz), (x, y * 0.9, h * 0.92 if kz else h * 0.6))
    k.box("keys", (-x * 0.9, y * 0.2, (h * 0.92 if kz else h * 0.6)), (x * 0.9, y * 0.9, h), WHITE)
    k.box("panel", (-x * 0.9, -y, (h * 0.92 if kz else h * 0.6)), (x * 0.9, y * 0.1, h * 0.96), BLACK)
    k.box("lip", (-x * 0.9, y * 0.9, kz + (h - kz) * 0.5), (x * 0.9, y, h * 0.94), None)
    if kz:
        for sx in (-1, 1):
            k.box("side", (min(sx * x, sx * x * 0.94), -y, 0), (max(sx * x, sx * x * 0.94), y * 0.6, kz))
        k.box("back", (-x * 0.94, -y, kz * 0.3), (x * 0.94, -y * 0.9, kz))
        k.box("pedals", (-x * 0.15, -y * 0.5, 0), (x * 0.15, y * 0.3, kz * 0.1), BRUSHED)
    k.finish()


@generator("drum_kit")
def drum_kit(w: AssetWriter, size: Size, cat: Category) -> None:
    """A drum kit facing +Y: bass drum, two rack toms, snare, floor tom, hi-hat, crash and ride on stands,
    and a throne at the back, all within the box."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    rb = min(h * 0.28, m * 0.33)
    k.disc("bass", (0, y * 0.35, rb), rb, min(2 * y * 0.3, rb * 1.2), "y", seg=20)
    k.disc("bass_head", (0, y * 0.35 + min(2 * y * 0.3, rb * 1.2) / 2, rb), rb * 0.92, 0.004, "y", WHITE, seg=20)

    def drum(name: str, cx: float, cy: float, r: float, z0: float, z1: float) -> None:
        k.cyl(name, cx, cy, r, z0, z1, seg=16)
        k.cyl(name + "_head", cx, cy, r * 0.96, z1, z1 + 0.004, WHITE, seg=16)

    def stand(cx: float, cy: float, z1: float, foot: float) -> None:
        k.cyl("stand", cx, cy, _clamp(m * 0.012, 0.006, 0.012), 0.0, z1, CHROME, seg=6)
        k.cone("stand_foot", cx, cy, foot, foot * 0.1, 0.0, min(0.06, z1 * 0.1), CHROME, seg=8)

    tr = rb * 0.45
    for sx in (-1, 1):
        drum("tom", sx * tr * 1.05, y * 0.3, tr, 2 * rb + 0.01, 2 * rb + tr * 1.1)
    sr = min(rb * 0.55, m * 0.25)
    stand(-x * 0.35, -y * 0.05, h * 0.5, sr * 0.6)
    drum("snare", -x * 0.35, -y * 0.05, sr, h * 0.5, h * 0.5 + sr * 0.5)
    fr = min(rb * 0.65, m * 0.3)
    drum("floor_tom", x * 0.45, -y * 0.1, fr, h * 0.12, h * 0.45)
    for i in range(3):
        a = 2 * math.pi * i / 3
        k.cyl("tom_leg", x * 0.45 + fr * 1.05 * math.cos(a), -y * 0.1 + fr * 1.05 * math.sin(a), 0.008, 0.0, h * 0.3,
              CHROME, seg=6)
    cr = min(m * 0.3, x * 0.3)
    for cx, cy, cz in ((-x + cr, y - cr, h - 0.004), (x - cr, y * 0.25, h * 0.82)):
        stand(cx, cy, cz, cr * 0.5)
        k.cone("cymbal", cx, cy, cr, cr * 0.1, cz - 0.012, cz + 0.004, BRUSHED, seg=16)
    hr = min(m * 0.2, x * 0.22)
    hx, hy = -x + hr, -y * 0.25
    stand(hx, hy, h * 0.68, hr * 0.8)
    k.cone("hihat", hx, hy, hr, hr * 0.1, h * 0.6, h * 0.615, BRUSHED, seg=14)
    k.cone("hihat", hx, hy, hr * 0.1, hr, h * 0.585, h * 0.6, BRUSHED, seg=14)
    k.cyl("throne", 0, -y + m * 0.2, m * 0.2, h * 0.36, h * 0.42, BLACK, seg=14)
    k.cyl("throne_post", 0, -y + m * 0.2, 0.015, 0.0, h * 0.37, CHROME, seg=6)
    k.cone("throne_foot", 0, -y + m * 0.2, m * 0.18, m * 0.02, 0.0, 0.05, CHROME, seg=8)
    k.finish()
