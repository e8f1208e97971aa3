"""Utilities family: the fan, air conditioner, radiator, water cooler, fire extinguisher generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, GLASS, OAK, PAPER, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== appliances


@generator("fan")
def fan(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pedestal or desk fan (base, pole, motor, a guard ring and three blades facing +Y), a box fan, a
    tower fan, or a ceiling fan (canopy, downrod, motor and radial blades)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    if "ceiling" in cat.variant or cat.placement == "ceiling":
        k.cyl("canopy", 0, 0, _clamp(m * 0.1, 0.04, 0.08), h * 0.88, h, BRUSHED, seg=12)
        k.cyl("downrod", 0, 0, _clamp(m * 0.015, 0.008, 0.015), h * 0.5, h * 0.9, BRUSHED, seg=8)
        k.cyl("motor", 0, 0, m * 0.14, h * 0.3, h * 0.55, BRUSHED, seg=16)
        k.ball("light", (0, 0, h * 0.3), (m * 0.1, m * 0.1, h * 0.3), GLASS, rings=5)
        n = k.pick((3, 4, 5))
        for i in range(n):
            a = math.pi / 2 + 2 * math.pi * i / n
            k.bar("blade", (m * 0.1 * math.cos(a), m * 0.1 * math.sin(a)), (x * math.cos(a), y * math.sin(a)),
                  m * 0.22, h * 0.4, h * 0.43, OAK)
        k.finish()
        return
    style = k.pick(("desk", "box")) if h < 0.7 else k.pick(("pedestal", "pedestal", "tower"))
    if style == "tower":
        k.cyl("base", 0, 0, (x, y), 0, h * 0.05, seg=16)
        k.cyl("body", 0, 0, (x * 0.6, y * 0.6), h * 0.04, h, seg=16)
        k.box("grille", (-x * 0.35, y * 0.45, h * 0.15), (x * 0.35, y * 0.62, h * 0.9), BLACK)
        k.finish()
        return
    if style == "box":
        k.box("frame", (-x, -y, 0), (x, y, h * 0.9))
        k.disc("grille", (0, y * 0.95, h * 0.45), (x * 0.85, h * 0.4), y * 0.1, "y", BLACK, seg=20)
        k.box("handle", (-x * 0.3, -y * 0.2, h * 0.9), (x * 0.3, y * 0.2, h))
        k.finish()
        return
    gr = min(x, h * 0.3)
    gz = h - gr
    k.cyl("base", 0, -y * 0.1, (x * 0.55, y * 0.7), 0, h * 0.03, seg=16)
    k.cyl("pole", 0, -y * 0.1, _clamp(m * 0.06, 0.01, 0.02), h * 0.02, gz - gr * 0.2, seg=8)
    k.ball("motor", (0, -y * 0.35, gz), (gr * 0.3, y * 0.45, gr * 0.3), rings=5)
    ring_t = _clamp(gr * 0.03, 0.003, 0.008)
    pts = [(gr * 0.97 * math.cos(a), gz + gr * 0.97 * math.sin(a)) for a in (2 * math.pi * i / 12 for i in range(12))]
    for (ax, az), (bx, bz) in zip(pts, pts[1:] + pts[:1], strict=True):
        k.tube("guard", (ax, y * 0.5, az), (bx, y * 0.5, bz), ring_t, CHROME, seg=6)
    k.disc("guard_back", (0, -y * 0.05, gz), gr * 0.9, y * 0.05, "y", CHROME, seg=16)
    k.disc("hub", (0, y * 0.4, gz), gr * 0.15, y * 0.2, "y", seg=12)
    for i in range(3):
        blade = k.ball("blade", (0, y * 0.25, gz + gr * 0.45), (gr * 0.22, y * 0.04, gr * 0.42), rings=4, seg=6)
        k.tilt(blade, "y", 120 * i + k.u(0, 30), (0, y * 0.25, gz))
    k.disc("badge", (0, y * 0.9, gz), gr * 0.12, y * 0.2, "y", WHITE, seg=10)
    k.finish()


@generator("air_conditioner")
def air_conditioner(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall split unit or window unit (wide: a body with a front panel, louvre and display) or a portable
    floor unit (tall: a body with a grille and an exhaust hose at the back)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h <= 2 * x:
        # a split unit's curved front: rounded towards the room, flat against the wall
        r = min(y, h) * 0.8
        k.rounded("body", (-x, -y, h * 0.08), (x, y * 0.85, h), r, "x")
        k.box("back", (-x, -y, 0), (x, -y + r, h))
        k.rounded("front", (-x * 0.98, y * 0.6, h * 0.35), (x * 0.98, y, h * 0.9), r * 0.4, "x")
        k.box("louvre", (-x * 0.9, y * 0.2, h * 0.05), (x * 0.9, y * 0.75, h * 0.12), BLACK)
        k.box("display", (x * 0.6, y * 0.95, h * 0.55), (x * 0.8, y * 0.99, h * 0.65), BLACK)
        if h > 0.5 * x:  # a window unit: a front grille of slats
            for i in range(5):
                z0 = h * (0.35 + 0.11 * i)
                k.box("slat", (-x * 0.9, y * 0.97, z0), (x * 0.3, y, z0 + h * 0.05), WHITE)
    else:
        k.box("body", (-x, -y * 0.7, 0), (x, y, h))
        k.box("grille", (-x * 0.8, y * 0.97, h * 0.55), (x * 0.8, y, h * 0.85), BLACK)
        k.box("panel", (-x * 0.6, y * 0.97, h * 0.9), (x * 0.6, y, h * 0.97), BLACK)
        k.tube("hose", (0, -y * 0.7, h * 0.6), (0, -y + min(x, y) * 0.15, h * 0.6), min(x, y) * 0.15, WHITE)
        for sx in (-1, 1):
            k.disc("caster", (sx * x * 0.7, 0, h * 0.015), h * 0.015, x * 0.1, "x", BLACK)
    k.finish()


@generator("radiator")
def radiator(w: AssetWriter, size: Size, cat: Category) -> None:
    """A column radiator (fins between header pipes, on feet), an oil heater on wheels, or a space heater."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    oil = "oil" in name or (name == "heater" and k.rng.random() < 0.4)
    if name in ("heater", "space heater", "electric heater") and not oil:
        k.box("body", (-x, -y * 0.8, h * 0.05), (x, y * 0.8, h * 0.92))
        for i in range(5):
            z0 = h * (0.2 + 0.12 * i)
            k.box("grille", (-x * 0.8, y * 0.8, z0), (x * 0.8, y, z0 + h * 0.04), CHROME)
        k.box("handle", (-x * 0.4, -y * 0.3, h * 0.9), (x * 0.4, y * 0.3, h), BLACK)
        for sx in (-1, 1):
            k.box("foot", (sx * x * 0.75 - x * 0.1, -y, 0), (sx * x * 0.75 + x * 0.1, y, h * 0.06), BLACK)
        k.finish()
        return
    fz0 = h * (0.14 if oil else 0.08)
    n = int(_clamp(2 * x / 0.055, 4, 28))
    pitch = 2 * x * 0.96 / n
    for i in range(n):
        cx = -x * 0.96 + pitch * (i + 0.5)
        k.cyl("fin", cx, 0, (pitch * 0.38, y * (0.95 if oil else 0.8)), fz0, h * 0.95, seg=12)
        if oil:
            k.ball("fin_top", (cx, 0, h * 0.95), (pitch * 0.38, y * 0.95, h * 0.05), rings=4, seg=6)
    pr = min(y * 0.3, h * 0.04)
    for z in (fz0 + pr, h * 0.95 - pr):
        k.tube("header", (-x, 0, z), (x, 0, z), pr, seg=8)
    if oil:
        k.box("control", (x * 0.96 - pitch, -y * 0.6, h * 0.6), (x, y * 0.6, h * 0.9), BLACK)
        for sx in (-1, 1):
            k.box("axle", (sx * x * 0.7 - 0.01, -y, fz0 * 0.6), (sx * x * 0.7 + 0.01, y, fz0), BLACK)
            for sy in (-1, 1):
                k.disc("wheel", (sx * x * 0.7, sy * y * 0.85, fz0 * 0.5), fz0 * 0.5, y * 0.15, "y", BLACK, seg=10)
    else:
        for sx in (-1, 1):
            k.box("foot", (sx * x * 0.8 - 0.015, -y, 0), (sx * x * 0.8 + 0.015, y, fz0 + pr))
        k.cyl("valve", x * 0.99, 0, min(y * 0.3, 0.015), 0, fz0, CHROME, seg=8)
    k.finish()


@generator("water_cooler")
def water_cooler(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet with taps and a drip tray, holding an inverted water bottle on top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ch = h * 0.65
    k.box("cabinet", (-x, -y, 0), (x, y * 0.9, ch))
    k.box("recess", (-x * 0.6, y * 0.85, ch * 0.6), (x * 0.6, y * 0.9, ch * 0.85), BLACK)
    k.box("tray", (-x * 0.5, y * 0.6, ch * 0.6), (x * 0.5, y, ch * 0.63), BLACK)
    for sx in (-1, 1):
        k.box("tap", (sx * x * 0.3 - x * 0.06, y * 0.8, ch * 0.82), (sx * x * 0.3 + x * 0.06, y, ch * 0.9),
              WHITE if sx < 0 else BLACK)
    if "fountain" in cat.variant:
        k.box("basin", (-x, -y, ch), (x, y * 0.9, h), BRUSHED)
        k.finish()
        return
    r = min(x, y) * 0.85
    k.cone("neck", 0, 0, r * 0.3, r, ch, ch + (h - ch) * 0.2, GLASS, seg=16)
    k.cyl("bottle", 0, 0, r, ch + (h - ch) * 0.18, h, GLASS, seg=16)
    k.finish()


@generator("fire_extinguisher")
def fire_extinguisher(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cylinder with a domed top, a valve head with a lever, a pin and a hose with a nozzle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.72)
    cx = -x + r
    k.cyl("body", cx, 0, (r, y), 0, h * 0.72, seg=16)
    k.ball("dome", (cx, 0, h * 0.72), (r, y, h * 0.08), rings=5, seg=10)
    k.cyl("neck", cx, 0, (r * 0.25, y * 0.25), h * 0.78, h * 0.86, BRUSHED, seg=10)
    k.box("valve", (cx - r * 0.3, -y * 0.2, h * 0.85), (cx + r * 0.35, y * 0.2, h * 0.93), BRUSHED)
    k.box("lever", (cx - r * 0.5, -y * 0.12, h * 0.95), (cx + r * 0.9, y * 0.12, h), BLACK)
    k.box("handle", (cx - r * 0.5, -y * 0.12, h * 0.87), (cx + r * 0.7, y * 0.12, h * 0.9), BLACK)
    k.box("label", (cx - r * 0.5, y * 0.9, h * 0.25), (cx + r * 0.5, y, h * 0.55), PAPER)
    hr = _clamp(r * 0.08, 0.005, 0.012)
    k.tube("hose", (cx + r * 0.3, 0, h * 0.88), (x - hr * 1.5, 0, h * 0.75), hr, BLACK, seg=8)
    k.tube("hose", (x - hr * 1.5, 0, h * 0.75), (x - hr * 1.5, 0, h * 0.3), hr, BLACK, seg=8)
    k.cone("nozzle", x - hr * 1.5, 0, hr * 1.6, hr, h * 0.2, h * 0.32, BLACK, seg=8)
    k.finish()


@generator("air_purifier")
def air_purifier(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round or rounded-square tower on a plinth with a grille band, a top outlet and a control ring."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if k.rng.random() < 0.5:
        k.cyl("body", 0, 0, (x, y), h * 0.04, h * 0.94, seg=20)
        k.cyl("grille", 0, 0, (x * 0.99, y * 0.99), h * 0.1, h * 0.55, BLACK, seg=20)
    else:
        k.rounded("body", (-x, -y, h * 0.04), (x, y, h * 0.94), min(x, y) * 0.35, "z")
        k.box("grille", (-x * 0.7, y * 0.98, h * 0.1), (x * 0.7, y, h * 0.6), BLACK)
    k.cyl("plinth", 0, 0, (x * 0.85, y * 0.85), 0, h * 0.05, BLACK, seg=16)
    k.cyl("outlet", 0, 0, (x * 0.8, y * 0.8), h * 0.93, h, GLASS, seg=16)
    k.cyl("controls", 0, 0, (x * 0.3, y * 0.3), h * 0.99, h, WHITE, seg=12)
    k.finish()


@generator("smoke_detector")
def smoke_detector(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round ceiling detector: a mounting base at the top, a domed body with vents and a test button."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x, y), h * 0.75, h, seg=20)
    k.cone("body", 0, 0, x * 0.75, x * 0.95, h * 0.2, h * 0.76, seg=20, aspect=y / x)
    k.cyl("cover", 0, 0, (x * 0.7, y * 0.7), h * 0.05, h * 0.22, seg=20)
    k.cyl("button", 0, 0, (x * 0.2, y * 0.2), 0, h * 0.06, WHITE, seg=10)
    k.finish()


@generator("security_camera")
def security_camera(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bullet camera under a ceiling plate: a mount, an arm and a long body with a sun hood and a lens
    looking forward and down (+Y)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rb = min(x * 0.7, h * 0.3)
    zb = h * 0.35
    pivot = (0, -y * 0.45, zb)
    k.cyl("plate", 0, -y * 0.55, (x, min(x, y * 0.45)), h * 0.92, h, seg=16)
    k.tube("arm", (0, -y * 0.55, h * 0.93), (0, -y * 0.3, zb + rb * 0.9), rb * 0.3, seg=8)
    for part in (k.tube("body", (0, -y * 0.45, zb), (0, y * 0.85, zb), rb, seg=16),
                 k.rounded("hood", (-rb * 1.1, -y * 0.3, zb + rb * 0.6), (rb * 1.1, y, zb + rb * 1.15), rb * 0.5, "y"),
                 k.disc("lens", (0, y * 0.87, zb), rb * 0.75, y * 0.05, "y", GLASS, seg=14)):
        k.tilt(part, "x", -12, pivot)
    k.finish()
