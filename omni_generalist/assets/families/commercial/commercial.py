"""Commercial family: the mannequin, cash register, beer tap, wine rack, server rack generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, GLASS, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


@generator("mannequin")
def mannequin(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round base and pole carrying a torso of ellipsoids (hips, waist, chest, shoulders), a neck and a head;
    a dress form stops at a neck cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    form = "dress" in cat.variant or k.rng.random() < 0.3
    k.cone("base", 0, 0, min(x, y) * 0.6, min(x, y) * 0.5, 0, h * 0.02, seg=16, aspect=1.0)
    th = h * (0.42 if not form else 0.45)
    tz0 = h - th - (h * 0.14 if not form else h * 0.03)
    k.cyl("pole", 0, 0, _clamp(min(x, y) * 0.04, 0.008, 0.015), h * 0.015, tz0 + th * 0.2, CHROME, seg=8)
    k.ball("hips", (0, 0, tz0 + th * 0.15), (x * 0.7, y * 0.95, th * 0.17), rings=5)
    k.ball("waist", (0, 0, tz0 + th * 0.42), (x * 0.48, y * 0.65, th * 0.2), rings=5)
    k.ball("chest", (0, 0, tz0 + th * 0.68), (x * 0.72, y, th * 0.2), rings=5)
    k.ball("shoulders", (0, -y * 0.05, tz0 + th * 0.86), (x * (0.98 if not form else 0.9), y * 0.7, th * 0.12),
           rings=5)
    if form:
        k.cyl("neck", 0, 0, (x * 0.12, y * 0.18), tz0 + th * 0.9, h - h * 0.02, seg=12)
        k.ball("cap", (0, 0, h - h * 0.02), (x * 0.13, y * 0.19, h * 0.02), BRUSHED, rings=4)
    else:
        k.cyl("neck", 0, 0, (x * 0.1, y * 0.15), tz0 + th * 0.9, tz0 + th + h * 0.03, seg=10)
        k.ball("head", (0, 0, h - h * 0.065), (x * 0.2, y * 0.3, h * 0.065), rings=5)
        for sx in (-1, 1):
            k.tube("arm", (sx * x * 0.85, 0, tz0 + th * 0.85), (sx * x * 0.88, 0, tz0 + th * 0.2), x * 0.1, seg=10,
                   r1=x * 0.07)
    k.finish()


@generator("cash_register")
def cash_register(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cash drawer, a body with a sloped keypad, a customer display on a post and a receipt printer."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    dz = h * 0.35
    k.box("drawer", (-x, -y, 0), (x, y, dz))
    k.box("drawer_front", (-x * 0.9, y * 0.98, dz * 0.2), (x * 0.9, y, dz * 0.8), BLACK)
    k.box("body", (-x * 0.95, -y, dz), (x * 0.95, y * 0.2, dz + h * 0.18))
    pad = k.box("keypad", (-x * 0.6, y * 0.05, dz), (x * 0.5, y * 0.8, dz + h * 0.08), BLACK)
    k.tilt(pad, "x", -8, (0, y * 0.8, dz))
    k.box("printer", (x * 0.55, -y * 0.6, dz), (x * 0.95, y * 0.1, dz + h * 0.25), BLACK)
    k.box("post", (-x * 0.05, -y * 0.85, dz), (x * 0.05, -y * 0.65, h * 0.8))
    k.box("display", (-x * 0.4, -y * 0.9, h * 0.75), (x * 0.4, -y * 0.6, h), BLACK)
    k.box("screen", (-x * 0.35, -y * 0.6, h * 0.78), (x * 0.35, -y * 0.59, h * 0.97), GLASS)
    k.finish()


@generator("beer_tap")
def beer_tap(w: AssetWriter, size: Size, cat: Category) -> None:
    """A drip tray, a column with a T header and two or three faucets with tall handles."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("drip_tray", (-x, -y, 0), (x, y, h * 0.05), STEEL)
    k.box("grate", (-x * 0.95, -y * 0.9, h * 0.05), (x * 0.95, y * 0.9, h * 0.055), CHROME)
    cr = min(x, y) * 0.3
    k.cyl("column", 0, -y * 0.3, cr, h * 0.05, h * 0.62, CHROME, seg=12)
    k.tube("header", (-x * 0.8, -y * 0.3, h * 0.58), (x * 0.8, -y * 0.3, h * 0.58), min(cr, h * 0.05), CHROME, seg=12)
    n = k.pick((2, 3))
    for i in range(n):
        fx = -x * 0.6 + i * (1.2 * x / (n - 1))
        k.tube("faucet", (fx, -y * 0.3, h * 0.56), (fx, y * 0.4, h * 0.56), min(cr * 0.4, 0.015), CHROME, seg=8)
        k.cyl("spout", fx, y * 0.35, min(cr * 0.3, 0.01), h * 0.45, h * 0.56, CHROME, seg=6)
        k.cyl("handle", fx, y * 0.3, min(cr * 0.4, 0.015), h * 0.58, h if i == 0 else h * k.u(0.9, 1.0), BLACK, seg=8)
    k.finish()


@generator("wine_rack")
def wine_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A grid of cubbies (sides, top, bottom, shelves, dividers) with some bottles lying in them; the top is a
    support surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = _clamp(min(x, h) * 0.03, 0.01, 0.02)
    cols = int(_clamp(2 * x / 0.12, 1, 6))
    rows = int(_clamp(h / 0.12, 1, 6))
    for sx in (-1, 1):
        k.box("side", (min(sx * x, sx * (x - t)), -y, 0), (max(sx * x, sx * (x - t)), y, h))
    k.box("top", (-x + t, -y, h - t), (x - t, y, h))
    k.box("bottom", (-x + t, -y, 0), (x - t, y, t))
    cw, rh = (2 * x - 2 * t) / cols, (h - 2 * t) / rows
    for i in range(1, rows):
        z = t + i * rh
        k.box("shelf", (-x + t, -y, z - t / 2), (x - t, y, z + t / 2))
    for j in range(1, cols):
        cx = -x + t + j * cw
        k.box("divider", (cx - t / 2, -y, t), (cx + t / 2, y, h - t))
    for i in range(rows):
        for j in range(cols):
            if k.rng.random() < 0.5:
                continue
            cx, cz = -x + t + (j + 0.5) * cw, t + i * rh + t / 2
            r = min(cw, rh) * 0.36
            k.tube("bottle", (cx, -y * 0.95, cz + r), (cx, y * 0.4, cz + r), r, GLASS, seg=10)
            k.tube("bottle_neck", (cx, y * 0.4, cz + r), (cx, y * 0.9, cz + r), r * 0.35, GLASS, seg=8)
    k.surface(h, -x, -y, x, y, clearance=1.0)
    k.finish()


@generator("server_rack")
def server_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open rack (no doors): corner posts, top and bottom, side panels, front mounting rails, servers of
    different heights with status lights, and feet."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    p = _clamp(x * 0.05, 0.02, 0.04)
    fz = _clamp(h * 0.03, 0.03, 0.06)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.box("post", (min(sx * x, sx * (x - p)), min(sy * y, sy * (y - p)), fz),
                  (max(sx * x, sx * (x - p)), max(sy * y, sy * (y - p)), h))
            k.box("foot", (sx * (x - p) - 0.02, sy * (y - p) - 0.02, 0), (sx * (x - p) + 0.02, sy * (y - p) + 0.02, fz),
                  BLACK)
        k.box("side", (min(sx * x, sx * (x - 0.004)), -y + p, fz), (max(sx * x, sx * (x - 0.004)), y - p, h), BLACK)
        k.box("rail", (sx * (x - p * 2.2) - p * 0.3, y - p * 2, fz + 0.05), (sx * (x - p * 2.2) + p * 0.3, y - p, h - 0.05),
              STEEL)
    k.box("top", (-x, -y, h - 0.03), (x, y, h))
    k.box("bottom", (-x + p, -y + p, fz), (x - p, y - p, fz + 0.03))
    u = 0.0445
    z = fz + 0.08
    top = h - 0.1
    count = 0
    while z < top and count < 14:
        hu = k.pick((1, 1, 2, 2, 3, 4))
        gap = k.pick((0, 0, 0, 1, 2))
        z += gap * u
        if z + hu * u > top:
            break
        k.box("server", (-x + p * 2.6, -y + p * 2, z), (x - p * 2.6, y - p * 1.2, z + hu * u * 0.95), BLACK)
        k.box("lights", (x - p * 2.6 - 0.06, y - p * 1.2, z + hu * u * 0.3), (x - p * 2.6 - 0.02, y - p * 1.1,
                                                                            z + hu * u * 0.45), WHITE)
        z += hu * u
        count += 1
    k.finish()


@generator("atm")
def atm(w: AssetWriter, size: Size, cat: Category) -> None:
    """A free-standing cash machine: a safe base, a fascia ledge with a keypad, a recessed screen under a hood."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("safe", (-x, -y, 0), (x, y * 0.45, h * 0.55))
    k.box("ledge", (-x, y * 0.45, h * 0.5), (x, y, h * 0.56))
    k.box("head", (-x, -y, h * 0.55), (x, y * 0.05, h))
    k.box("hood", (-x, y * 0.05, h * 0.94), (x, y * 0.4, h))
    k.box("screen", (-x * 0.6, y * 0.05, h * 0.68), (x * 0.6, y * 0.1, h * 0.86), GLASS)
    k.box("keypad", (-x * 0.35, y * 0.55, h * 0.56), (x * 0.15, y * 0.85, h * 0.58), STEEL)
    k.box("card_slot", (x * 0.3, y * 0.05, h * 0.62), (x * 0.6, y * 0.09, h * 0.64), BLACK)
    k.box("cash_slot", (-x * 0.4, y * 0.45, h * 0.42), (x * 0.4, y * 0.48, h * 0.45), BLACK)
    k.finish()
