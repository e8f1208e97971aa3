"""Tableware family: the mug, bowl, plate, tray, glass, bottle, jar, can, cake stand, pitcher, salt shaker generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, GLASS, PAPER, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== tableware and kitchen


@generator("mug")
def mug(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cylindrical (or tapered) body with a handle of three boxes on the +X side."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    rx = min(y, x * k.u(0.68, 0.8))
    cx = -x + rx
    taper = k.pick((1.0, 0.92, 0.85))
    foot = k.pick((0.0, 0.0, 0.06))
    k.cone("body", cx, 0, rx * taper, rx, h * foot, h, aspect=y / rx)
    if foot:
        k.cyl("foot", cx, 0, (rx * taper * 0.8, y * taper * 0.8), 0, h * foot + 1e-3)
    t = max((x - (cx + rx)) * k.u(0.3, 0.42), 0.002)
    z0, z1 = h * k.u(0.12, 0.3), h * k.u(0.7, 0.86)
    tz, hy = max(h * 0.08, 0.002), _clamp(y * 0.15, 0.002, y)
    k.box("handle", (x - t, -hy, z0), (x, hy, z1))
    k.box("handle", (cx + rx * 0.8, -hy, z1 - tz), (x, hy, z1))
    k.box("handle", (cx + rx * 0.8, -hy, z0), (x, hy, z0 + tz))
    k.finish()


@generator("bowl")
def bowl(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bottom disc and a flared ring of wall segments; the inner floor is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.06 * m, 0.002, 0.25 * m)
    b = k.u(0.7, 0.8)  # a wide floor: two apples sit side by side in a 30 cm bowl
    tb = _clamp(0.08 * h, 0.002, 0.3 * h)
    k.cyl("bottom", 0, 0, (x * b - t * 0.4, y * b - t * 0.4), 0, tb)
    k.flare("wall", 0, 0, x * b, y * b, x, y, t, 0, h)
    k.surface(tb, -(x * b - t) * 0.6, -(y * b - t) * 0.6, (x * b - t) * 0.6, (y * b - t) * 0.6, inside=True)
    k.finish()


@generator("plate")
def plate(w: AssetWriter, size: Size, cat: Category) -> None:
    """A foot ring and a shallow dish with a flat top surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    f = k.u(0.5, 0.62)
    k.cyl("foot", 0, 0, (x * f * 0.95, y * f * 0.95), 0, h * 0.3, seg=20)
    k.cone("dish", 0, 0, x * f, x, h * 0.25, h, aspect=y / x, seg=24)
    k.surface(h, -x * 0.62, -y * 0.62, x * 0.62, y * 0.62)
    k.finish()


@generator("tray")
def tray(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat board with a low rim; its floor is a (non-container) support surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = _clamp(0.03 * min(x, y), 0.004, 0.2 * min(x, y))
    tb = _clamp(0.25 * h, 0.003, 0.5 * h)
    k.box("base", (-x, -y, 0), (x, y, tb))
    k.walls("rim", x, y, t, tb * 0.5, h)
    k.surface(tb, -x + t * 1.5, -y + t * 1.5, x - t * 1.5, y - t * 1.5)
    k.finish()


@generator("glass")
def glass(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tumbler (thick base and a tapered body) or a stemmed glass (foot, stem, bowl)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if any(s in cat.variant for s in ("wine", "champagne", "cocktail", "martini", "goblet")):
        k.cyl("foot", 0, 0, (x * 0.78, y * 0.78), 0, max(h * 0.025, 0.002), seg=20)
        k.cyl("stem", 0, 0, _clamp(0.06 * min(x, y), 0.002, 0.3 * min(x, y)), h * 0.02, h * 0.44, seg=8)
        if "champagne" in cat.variant:
            k.cone("bowl", 0, 0, 0.25 * x, x, h * 0.42, h * 0.62, aspect=a)
            k.cone("bowl", 0, 0, x, 0.9 * x, h * 0.62, h, aspect=a)
        elif "martini" in cat.variant or "cocktail" in cat.variant:
            k.cone("bowl", 0, 0, 0.08 * x, x, h * 0.42, h, aspect=a)
        else:
            k.cone("bowl", 0, 0, 0.15 * x, x, h * 0.42, h * 0.7, aspect=a)
            k.cone("bowl", 0, 0, x, 0.84 * x, h * 0.7, h, aspect=a)
    else:
        k.cyl("base", 0, 0, (x * 0.84, y * 0.84), 0, h * 0.12)
        k.cone("body", 0, 0, x * k.u(0.8, 0.9), x, h * 0.1, h, aspect=a)
    k.finish()


@generator("bottle")
def bottle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, shoulder, neck and cap; pill bottles are a body with a wide white cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if any(s in cat.variant for s in ("medicine", "pill", "vitamin")):
        k.cyl("body", 0, 0, (x * 0.93, y * 0.93), 0, h * 0.76)
        k.cyl("label", 0, 0, (x * 0.94, y * 0.94), h * 0.18, h * 0.6, PAPER)
        k.cyl("neck", 0, 0, (x * 0.8, y * 0.8), h * 0.74, h * 0.8)
        k.cyl("cap", 0, 0, (x, y), h * 0.78, h, WHITE)
    elif "spray" in cat.variant:
        k.cyl("body", 0, 0, (x * 0.7, y), 0, h * 0.68)
        k.cone("shoulder", 0, 0, x * 0.7, x * 0.3, h * 0.68, h * 0.76, aspect=y / (x * 0.7))
        k.cyl("collar", 0, 0, (x * 0.3, y * 0.4), h * 0.74, h * 0.8, WHITE)
        k.box("head", (-x * 0.3, -y * 0.45, h * 0.8), (x, y * 0.45, h), WHITE)
        k.box("trigger", (x * 0.45, -y * 0.2, h * 0.62), (x * 0.6, y * 0.2, h * 0.82), WHITE)
    else:
        sh = h * k.u(0.5, 0.64)
        nr = k.u(0.26, 0.38)
        k.cyl("body", 0, 0, (x * 0.985, y * 0.985), 0, sh)
        k.cone("shoulder", 0, 0, x * 0.985, x * nr, sh, sh + h * 0.16, aspect=a)
        k.cyl("neck", 0, 0, (x * nr, y * nr), sh + h * 0.15, h * 0.93)
        cap = None if "wine" in cat.variant else k.pick((None, BLACK, WHITE))
        k.cyl("cap", 0, 0, (x * nr * 1.18, y * nr * 1.18), h * 0.9, h, cap)
        if "wine" in cat.variant or "beer" in cat.variant:
            k.cyl("label", 0, 0, (x * 1.0, y * 1.0), sh * 0.25, sh * 0.75, PAPER)
    k.finish()


@generator("jar")
def jar(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a shoulder and a metal lid (a cookie jar gets a knobbed lid)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    knob = "cookie" in cat.variant or k.rng.random() < 0.25
    k.cyl("body", 0, 0, (x, y), 0, h * 0.76)
    k.cone("shoulder", 0, 0, x, x * 0.84, h * 0.76, h * 0.84, aspect=a)
    if knob:
        k.cone("lid", 0, 0, x * 0.9, x * 0.5, h * 0.83, h * 0.93, aspect=a)
        k.ball("knob", (0, 0, h * 0.93), (x * 0.15, y * 0.15, h * 0.07))
    else:
        k.cyl("lid", 0, 0, (x * 0.88, y * 0.88), h * 0.83, h, BRUSHED)
    k.finish()


@generator("can")
def can(w: AssetWriter, size: Size, cat: Category) -> None:
    """A drink or food can (chamfered ends), or a paint can with a rim and handle ears."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if "paint" in cat.variant:
        k.cyl("body", 0, 0, (x * 0.96, y * 0.96), 0, h * 0.95)
        k.cyl("rim", 0, 0, (x, y), h * 0.93, h, STEEL)
        for sx in (-1, 1):
            k.box("ear", (sx * x * 0.9 if sx > 0 else -x, -y * 0.08, h * 0.72),
                  (x if sx > 0 else -x * 0.9, y * 0.08, h * 0.85), STEEL)
        k.tube("bail", (-x * 0.95, 0, h * 0.8), (x * 0.95, 0, h * 0.8), _clamp(0.01 * x, 0.001, 0.05 * h), STEEL, seg=6)
    else:
        k.cone("bottom", 0, 0, x * 0.85, x, 0, h * 0.06, aspect=a)
        k.cyl("body", 0, 0, (x, y), h * 0.05, h * 0.92)
        k.cone("top", 0, 0, x, x * 0.86, h * 0.92, h, aspect=a)
    k.finish()


@generator("cake_stand")
def cake_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A foot, a stem and a plate whose top is a support surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cone("foot", 0, 0, x * 0.5, x * 0.2, 0, h * 0.15, aspect=y / x)
    k.cyl("stem", 0, 0, (x * 0.12, y * 0.12), h * 0.1, h * 0.88, seg=12)
    k.cyl("plate", 0, 0, (x, y), h * 0.88, h, seg=24)
    k.surface(h, -x * 0.68, -y * 0.68, x * 0.68, y * 0.68)
    k.finish()


@generator("pitcher")
def pitcher(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tapered body with a pouring lip towards -X and a handle on the +X side."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.7)
    cx = -x + r * 1.15
    k.cone("body", cx, 0, r * 0.9, r * 0.8, 0, h * 0.75, aspect=y / r)
    k.cone("neck", cx, 0, r * 0.8, r, h * 0.74, h, aspect=y / r)
    k.prism("lip", [(cx - r * 0.9, -y * 0.25), (-x, -y * 0.05), (-x, y * 0.05), (cx - r * 0.9, y * 0.25)], h * 0.85, h)
    t = max((x - (cx + r)) * 0.35, 0.003)
    hy = _clamp(y * 0.15, 0.003, y)
    k.box("handle", (x - t, -hy, h * 0.25), (x, hy, h * 0.85))
    k.box("handle", (cx + r * 0.7, -hy, h * 0.77), (x, hy, h * 0.85))
    k.box("handle", (cx + r * 0.8, -hy, h * 0.25), (x, hy, h * 0.33))
    k.finish()


@generator("salt_shaker")
def salt_shaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass shaker with a chrome cap, or (tall and thin) a wooden pepper mill with a knob."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h > 2.6 * min(2 * x, 2 * y) or "mill" in cat.variant:
        k.cyl("base", 0, 0, (x, y), 0, h * 0.1, seg=12)
        k.cone("body", 0, 0, x * 0.75, x * 0.85, h * 0.1, h * 0.8, seg=12, aspect=y / x)
        k.ball("top", (0, 0, h * 0.82), (x * 0.8, y * 0.8, h * 0.1), rings=5, seg=10)
        k.cyl("knob", 0, 0, (x * 0.25, y * 0.25), h * 0.88, h, CHROME, seg=8)
    else:
        k.cone("body", 0, 0, x, x * 0.85, 0, h * 0.72, GLASS, aspect=y / x)
        k.cyl("cap", 0, 0, (x * 0.85, y * 0.85), h * 0.7, h * 0.85, CHROME, seg=14)
        k.ball("cap", (0, 0, h * 0.85), (x * 0.85, y * 0.85, h * 0.15), CHROME, rings=4, seg=14)
    k.finish()
