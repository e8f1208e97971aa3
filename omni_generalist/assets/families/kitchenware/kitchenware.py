"""Kitchenware family: the pot, pan, kettle, cutting board, knife, fork, spoon, colander, baking dish, food container, knife block generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, GLASS, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


@generator("pot")
def pot(w: AssetWriter, size: Size, cat: Category) -> None:
    """A lidded pot with two side handles (a saucepan with one long handle when much longer than wide)."""
    k = Kit(w, size, long_x=True)
    if k.W > 1.45 * k.D:  # a saucepan: one long handle
        _pan(k, lid=True)
        return
    x, y, h = k.x, k.y, k.H
    rx = min(y, x * k.u(0.78, 0.86))
    k.cyl("body", 0, 0, (rx, y), 0, h * 0.76)
    k.cone("lid", 0, 0, rx * 1.0, rx * 0.8, h * 0.76, h * 0.88, k.pick((GLASS, None)), aspect=y / rx)
    k.cyl("knob", 0, 0, (rx * 0.12, y * 0.12), h * 0.87, h, BLACK)
    for sx in (-1, 1):
        k.box("handle", (sx * rx * 0.9, -y * 0.22, h * 0.6), (sx * x, y * 0.22, h * 0.7), BLACK)
    k.finish()


def _pan(k: Kit, lid: bool) -> None:
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.62)
    cx = -x + r
    hb = h * (0.7 if lid else 0.62)
    t = _clamp(0.03 * r, 0.002, 0.2 * r)
    tb = _clamp(0.12 * hb, 0.002, 0.4 * hb)
    a = y / r
    k.cyl("bottom", cx, 0, (r * 0.82 - t * 0.4, (r * 0.82 - t * 0.4) * a), 0, tb)
    k.flare("wall", cx, 0, r * 0.82, r * 0.82 * a, r, y, t, 0, hb)
    hr = _clamp(0.08 * r, 0.004, 0.25 * h)
    if lid:
        k.cone("lid", cx, 0, r, r * 0.85, hb, h * 0.85, GLASS, aspect=a)
        k.cyl("knob", cx, 0, (r * 0.1, r * 0.1 * a), h * 0.84, h, BLACK)
        k.box("handle", (cx + r * 0.95, -hr, hb - 2 * hr), (x, hr, hb), BLACK)
    else:
        k.tube("handle", (cx + r * 0.92, 0, hb * 0.8), (x - hr, 0, h - hr), hr, BLACK, seg=8)
        r0 = r * 0.82 - t
        k.surface(tb, cx - r0 * 0.6, -r0 * a * 0.6, cx + r0 * 0.6, r0 * a * 0.6, inside=True)
    k.finish()


@generator("pan")
def pan(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared open pan with a rising handle; its floor is an inside surface."""
    _pan(Kit(w, size, long_x=True), lid=False)


@generator("kettle")
def kettle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a spout towards -X and a side (or top) handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.62)
    a = y / r
    top = cat.variant in ("kettle", "tea kettle") and k.rng.random() < 0.5
    hw = 0.0 if top else (2 * x - 2 * r) * 0.42
    cx = x - hw - r
    if "pot" in cat.variant:
        k.cyl("foot", cx, 0, (r * 0.6, r * 0.6 * a), 0, h * 0.08)
        k.ball("body", (cx, 0, h * 0.42), (r, y, h * 0.38), rings=5)
        k.cyl("lid", cx, 0, (r * 0.45, r * 0.45 * a), h * 0.76, h * 0.84)
        lid_top = h * 0.84
    else:
        k.cyl("base", cx, 0, (r * 0.96, y * 0.96), 0, h * 0.07, BLACK)
        k.cone("body", cx, 0, r, r * 0.82, h * 0.06, h * 0.82, aspect=a)
        k.cyl("lid", cx, 0, (r * 0.7, r * 0.7 * a), h * 0.81, h * 0.86)
        lid_top = h * 0.86
    sr = _clamp(0.12 * r, 0.003, 0.2 * h)
    k.tube("spout", (cx - r * 0.6, 0, h * 0.3), (-x + sr * 0.6, 0, h * 0.68), sr, r1=sr * 0.6, seg=10)
    hy = _clamp(0.12 * y, 0.003, 0.5 * y)
    if top:
        for sx in (-1, 1):
            k.cyl("handle", cx + sx * r * 0.45, 0, hy, lid_top - 0.05 * h, h, BLACK, seg=8)
        k.box("handle", (cx - r * 0.5, -hy, h - 2 * hy), (cx + r * 0.5, hy, h), BLACK)
    else:
        ht = max(hw * 0.3, 0.003)
        k.box("handle", (x - ht, -hy, h * 0.2), (x, hy, h * 0.82), BLACK)
        k.box("handle", (cx + r * 0.7, -hy, h * 0.72), (x, hy, h * 0.82), BLACK)
        k.box("handle", (cx + r * 0.8, -hy, h * 0.2), (x, hy, h * 0.28), BLACK)
        k.ball("knob", (cx, 0, lid_top), (r * 0.12, r * 0.12 * a, h - lid_top))
    k.finish()


@generator("cutting_board")
def cutting_board(w: AssetWriter, size: Size, cat: Category) -> None:
    """A chamfered board, sometimes with a handle tab; its top is a support surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    tab = k.rng.random() < 0.5
    xb = x - (2 * x * k.u(0.12, 0.2) if tab else 0.0)
    c = min(0.12 * y, 0.15 * (xb + x))
    k.prism("board", [(-x + c, -y), (xb - c, -y), (xb, -y + c), (xb, y - c), (xb - c, y), (-x + c, y),
                      (-x, y - c), (-x, -y + c)], 0, h)
    if tab:
        ty, c2 = y * 0.32, min(0.1 * y, 0.3 * (x - xb))
        k.prism("handle", [(xb - c, -ty), (x - c2, -ty), (x, -ty + c2), (x, ty - c2), (x - c2, ty), (xb - c, ty)], 0, h)
    k.surface(h, -x + c, -y + c, xb - c, y - c)
    k.finish()


@generator("knife")
def knife(w: AssetWriter, size: Size, cat: Category) -> None:
    """A knife lying flat: a pointed steel blade, a bolster and a thicker handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    xh = x * k.u(0.05, 0.25)
    hy = y * 0.3
    # the blade lies flat on the surface like the handle: the knife rests on both
    k.prism("blade", [(xh, -y), (xh, y), (-x, y * 0.5), (-x * 0.55, -y)], 0.0, h * 0.2, STEEL)
    k.box("bolster", (xh - 0.05 * x, y - 2 * hy * 0.95, 0.0), (xh + 0.02 * x, y, h * 0.85), STEEL)
    k.box("handle", (xh, y - 2 * hy, 0), (x, y, h))
    k.finish()


@generator("fork")
def fork(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat handle, a neck, a head and four tines rising towards -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hy = y * 0.32
    k.box("handle", (0.0, -hy, 0), (x, hy, h * 0.3))
    k.box("neck", (-x * 0.42, -hy * 0.6, h * 0.1), (x * 0.05, hy * 0.6, h * 0.4))
    k.box("head", (-x * 0.62, -y, h * 0.3), (-x * 0.4, y, h * 0.6))
    n = 4
    tw = 2 * y / (2 * n - 1)
    for i in range(n):
        y0 = -y + 2 * i * tw
        k.box("tine", (-x, y0, h * 0.5), (-x * 0.6, y0 + tw, h))
    k.finish()


@generator("spoon")
def spoon(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat handle, a neck and an oval bowl at -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("handle", (0.0, -y * 0.26, 0), (x, y * 0.26, h * 0.3))
    k.box("neck", (-x * 0.4, -y * 0.16, h * 0.1), (x * 0.05, y * 0.16, h * 0.45))
    rb = x * 0.34
    k.ball("bowl", (-x + rb, 0, h * 0.55), (rb, y, h * 0.45), rings=5, seg=10)
    k.finish()


@generator("colander")
def colander(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared bowl of separate wall segments on a foot ring, with two side handles; the inside is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hw = _clamp(x * 0.12, 0.01, 0.04)
    xo = x - hw
    m = min(xo, y)
    t = _clamp(0.04 * m, 0.0015, 0.2 * m)
    fh = h * 0.1
    k.ring("foot", 0, 0, xo * 0.5, y * 0.5, t, 0, fh, n=12)
    k.cyl("bottom", 0, 0, (xo * 0.62 - t * 0.4, y * 0.62 - t * 0.4), fh, fh + t)
    k.flare("wall", 0, 0, xo * 0.62, y * 0.62, xo, y, t, fh, h, n=16)
    for sx in (-1, 1):
        k.box("handle", (min(sx * x, sx * (xo - t)), -y * 0.15, h * 0.85), (max(sx * x, sx * (xo - t)), y * 0.15, h * 0.93))
    r0x, r0y = (xo * 0.62 - t) * 0.6, (y * 0.62 - t) * 0.6
    k.surface(fh + t, -r0x, -r0y, r0x, r0y, inside=True)
    k.finish()


@generator("baking_dish")
def baking_dish(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rectangular ceramic dish: a thick bottom, walls and two end grips; the inside is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    g = _clamp(x * 0.08, 0.01, 0.03)
    xo = x - g
    t = _clamp(min(xo, y) * 0.06, 0.004, 0.2 * min(xo, y))
    tb = _clamp(h * 0.15, 0.003, 0.3 * h)
    k.box("bottom", (-xo, -y, 0), (xo, y, tb))
    k.walls("wall", xo, y, t, 0, h)
    for sx in (-1, 1):
        k.box("grip", (min(sx * x, sx * (xo - t)), -y * 0.4, h * 0.7), (max(sx * x, sx * (xo - t)), y * 0.4, h))
    k.surface(tb, -xo + t * 1.3, -y + t * 1.3, xo - t * 1.3, y - t * 1.3, inside=True)
    k.finish()


@generator("food_container")
def food_container(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed plastic tub: a slightly tapered body under a lid with clips; its lid is a support surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    lh = h * 0.18
    c = min(x, y) * 0.15
    oct_ = [(-x + c, -y), (x - c, -y), (x, -y + c), (x, y - c), (x - c, y), (-x + c, y), (-x, y - c), (-x, -y + c)]
    body = [(px * 0.95, py * 0.93) for px, py in oct_]
    k.prism("body", [(px * 0.92, py * 0.9) for px, py in oct_], 0, h * 0.1)
    k.prism("body", body, h * 0.08, h - lh * 0.8)
    k.prism("lid", oct_, h - lh, h, k.pick((WHITE, BLACK, None)))
    for sx in (-1, 1):
        k.box("clip", (min(sx * x * 0.96, sx * x), -y * 0.2, h - lh * 1.6), (max(sx * x * 0.96, sx * x), y * 0.2, h - lh * 0.3),
              WHITE)
    k.surface(h, -x + c, -y + c, x - c, y - c)
    k.finish()


@generator("knife_block")
def knife_block(w: AssetWriter, size: Size, cat: Category) -> None:
    """A block leaning back with knife handles sticking out of its top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    parts = [k.box("block", (-x, -y * 0.7, h * 0.08), (x, y * 0.7, h * 0.78))]
    n = k.rng.randint(3, 6)
    for i in range(n):
        hx = -x * 0.7 + i * 1.4 * x / max(n - 1, 1)
        parts.append(k.box("handle", (hx - x * 0.08, -y * 0.15, h * 0.76), (hx + x * 0.08, y * 0.15, h), BLACK))
    # the block leans back 8° on a flat foot as wide as the footprint, so it stands
    for p in parts:
        k.tilt(p, "x", 8, (0.0, y * 0.7, h * 0.08))
    k.box("foot", (-x, -y, 0), (x, y, h * 0.08))
    k.finish()


@generator("dish_rack")
def dish_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wire dish rack: a drip tray, corner posts and rails, two rows of plate tines and a cutlery cup."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    t = max(min(x, y) * 0.015, 0.002)
    k.rounded("tray", (-x, -y, 0), (x, y, h * 0.06), min(x, y) * 0.1, "z", WHITE)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.tube("post", (sx * x * 0.92, sy * y * 0.9, h * 0.06), (sx * x * 0.92, sy * y * 0.9, h * 0.7), t, STEEL, seg=6)
    for sy in (-1, 1):
        k.tube("rail", (-x * 0.92, sy * y * 0.9, h * 0.7), (x * 0.92, sy * y * 0.9, h * 0.7), t, STEEL, seg=6)
        k.tube("rail", (-x * 0.92, sy * y * 0.9, h * 0.1), (x * 0.92, sy * y * 0.9, h * 0.1), t, STEEL, seg=6)
    for sx in (-1, 1):
        k.tube("rail", (sx * x * 0.92, -y * 0.9, h * 0.7), (sx * x * 0.92, y * 0.9, h * 0.7), t, STEEL, seg=6)
    n = max(4, int(x / max(t * 6, 0.02)))
    for i in range(n):
        px = -x * 0.85 + i * x * 1.3 / max(n - 1, 1)
        for row in (-0.45, 0.2):
            k.box("tine", (px - t, y * row - t, h * 0.08), (px + t, y * row + t, h * 0.6), STEEL)
    k.rounded("cup", (x * 0.55, y * 0.35, h * 0.06), (x * 0.9, y * 0.85, h), min(x, y) * 0.08, "z", WHITE)
    k.finish()
