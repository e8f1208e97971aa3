"""Electronics family: the phone, laptop, keyboard, computer mouse, headphones, speaker, router, game console, remote control, radio generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, FABRIC, GLASS, RUBBER, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


def _slab_axes(k: Kit):
    """For thin devices: returns True when lying flat (height the smallest side)."""
    return k.H <= min(k.W, k.D)


@generator("phone")
def phone(w: AssetWriter, size: Size, cat: Category) -> None:
    """A slab with a glass screen (on top when lying, on the front when standing) and a camera bump; a thick
    'phone' is a desk telephone."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    b = _clamp(min(x, y, h * 10) * 0.06, 0.001, 0.012)
    if cat.variant == "phone" and h > 0.035:  # a desk telephone: a base with a keypad and a handset
        k.box("base", (-x, -y, 0), (x, y * 0.9, h * 0.6))
        pad = k.box("keypad", (-x * 0.5, -y * 0.2, h * 0.55), (x * 0.5, y * 0.75, h * 0.62), BLACK)
        k.tilt(pad, "x", -6, (0, y * 0.75, h * 0.55))
        k.box("cradle", (-x * 0.95, -y, h * 0.55), (x * 0.95, -y * 0.4, h * 0.75))
        k.box("handset", (-x, -y * 0.95, h * 0.75), (x, -y * 0.45, h * 0.88))
        for sx in (-1, 1):
            k.box("handset", (min(sx * x, sx * x * 0.7), -y * 0.98, h * 0.7), (max(sx * x, sx * x * 0.7), -y * 0.42, h))
        k.finish()
        return
    if _slab_axes(k):
        k.box("body", (-x, -y, h * 0.1), (x, y, h * 0.9))
        k.box("screen", (-x + b, -y + b, h * 0.8), (x - b, y - b, h), GLASS if k.rng.random() < 0.5 else BLACK)
        k.box("camera", (-x * 0.8, y * 0.6, 0), (-x * 0.4, y * 0.85, h * 0.15), BLACK)
    else:
        k.box("body", (-x, -y * 0.8, 0), (x, y * 0.8, h))
        k.box("screen", (-x + b, y * 0.7, b), (x - b, y, h - b), GLASS)
        k.box("camera", (-x * 0.8, -y, h * 0.75), (-x * 0.4, -y * 0.7, h * 0.92), BLACK)
    k.finish()


@generator("laptop")
def laptop(w: AssetWriter, size: Size, cat: Category) -> None:
    """Open (a base with keyboard and touchpad, the lid tilted back about the rear hinge) or closed."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h < 0.35 * min(2 * x, 2 * y):  # closed
        k.box("base", (-x, -y, 0), (x, y, h * 0.55))
        k.box("lid", (-x, -y, h * 0.58), (x, y, h))
        k.box("hinge", (-x * 0.8, -y, h * 0.45), (x * 0.8, -y * 0.97, h * 0.65), BLACK)
        k.surface(h, -x, -y, x, y)
        k.finish()
        return
    tb = _clamp(0.08 * h, 0.008, 0.025)
    tilt = k.u(8, 20)
    lid_h = (h - tb * 0.5) / math.cos(math.radians(tilt))
    lt = tb * 0.45
    back = -y + lid_h * math.sin(math.radians(tilt))
    k.box("base", (-x, back, 0), (x, y, tb))
    k.box("keyboard", (-x * 0.85, back + (y - back) * 0.12, tb), (x * 0.85, back + (y - back) * 0.55, tb + 0.0015), BLACK)
    k.box("touchpad", (-x * 0.25, back + (y - back) * 0.65, tb), (x * 0.25, back + (y - back) * 0.92, tb + 0.001), BLACK)
    lid = k.box("lid", (-x, back, tb * 0.5), (x, back + lt, tb * 0.5 + lid_h))
    screen = k.box("screen", (-x * 0.92, back + lt, tb * 0.5 + lid_h * 0.06), (x * 0.92, back + lt + 0.001, tb * 0.5 + lid_h * 0.94), GLASS)
    for p in (lid, screen):
        k.tilt(p, "x", tilt, (0.0, back, tb * 0.5))
    k.finish()


@generator("keyboard")
def keyboard(w: AssetWriter, size: Size, cat: Category) -> None:
    """A low base with five rows of keys and a space bar."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.55))
    rows = 5
    ry = 2 * y * 0.88 / (rows + 1)
    for i in range(rows):
        y0 = y * 0.88 - (i + 1) * ry
        k.box("keys", (-x * 0.95, y0, h * 0.5), (x * 0.95, y0 + ry * 0.85, h), BLACK)
    k.box("space", (-x * 0.4, -y * 0.88, h * 0.5), (x * 0.4, -y * 0.88 + ry * 0.85, h), BLACK)
    k.finish()


@generator("computer_mouse")
def computer_mouse(w: AssetWriter, size: Size, cat: Category) -> None:
    """A squashed dome on a flat base with a wheel."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.9, y * 0.95), 0, h * 0.15, seg=16)
    k.ball("shell", (0, 0, h * 0.5), (x, y, h * 0.5), rings=6, seg=12)
    k.disc("wheel", (0, y * 0.45, h * 0.85), (y * 0.12, h * 0.15), x * 0.12, "x", BLACK, seg=10)
    k.finish()


@generator("headphones")
def headphones(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two ear cups (discs facing ±X) joined by an arched headband."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ct = x * 0.22
    cr = min(y, h * 0.3)
    for sx in (-1, 1):
        k.disc("cup", (sx * (x - ct / 2), 0, cr), (y, cr), ct, "x", BLACK, seg=16)
        k.disc("pad", (sx * (x - ct * 1.2), 0, cr), (y * 0.85, cr * 0.85), ct * 0.45, "x", FABRIC, seg=16)
    bt = _clamp(h * 0.04, 0.003, 0.01)
    pts = [(-x + ct * 0.5, cr * 1.6), (-x * 0.85, h * 0.75), (-x * 0.5, h * 0.95), (0.0, h), (x * 0.5, h * 0.95),
           (x * 0.85, h * 0.75), (x - ct * 0.5, cr * 1.6)]
    pts = [(px, pz - (bt if i == 3 else 0)) for i, (px, pz) in enumerate(pts)]
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("band", (ax, 0, az), (bx, 0, bz), bt, seg=8)
    for sx in (-1, 1):
        k.box("slider", (sx * (x - ct * 0.5) - bt, -bt, cr * 1.2), (sx * (x - ct * 0.5) + bt, bt, cr * 1.7), STEEL)
    k.finish()


@generator("speaker")
def speaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet with rounded edges on feet, a woofer and a tweeter facing +Y (a smart speaker: a fabric
    cylinder); a soundbar (a long rounded bar behind a grille), an amplifier (knobs and a display) or a
    stereo system (a unit between two speakers)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.variant == "speaker" and h > 1.3 * max(x, y) and k.rng.random() < 0.35:
        k.cyl("body", 0, 0, (x, y), 0, h * 0.95, FABRIC, seg=16)
        k.cyl("top", 0, 0, (x * 0.98, y * 0.98), h * 0.94, h, seg=16)
        k.finish()
        return
    if cat.variant == "stereo system":  # a receiver between two bookshelf speakers
        sw = x * k.u(0.22, 0.3)
        for sx in (-1, 1):
            cx = sx * (x - sw)
            k.rounded("speaker", (cx - sw, -y * 0.6, 0), (cx + sw, y * 0.5, h), sw * 0.2, "z")
            k.disc("woofer", (cx, y * 0.52, h * 0.35), min(sw * 0.75, h * 0.25), y * 0.06, "y", BLACK, seg=14)
            k.disc("tweeter", (cx, y * 0.52, h * 0.75), min(sw * 0.3, h * 0.1), y * 0.06, "y", BLACK, seg=10)
        uw = x - 2 * sw - x * 0.04
        k.rounded("unit", (-uw, -y, 0), (uw, y * 0.9, h * 0.55), min(uw, h) * 0.08, "x")
        k.box("display", (-uw * 0.6, y * 0.9, h * 0.3), (uw * 0.3, y, h * 0.45), GLASS)
        k.disc("knob", (uw * 0.65, y * 0.95, h * 0.3), min(uw, h) * 0.12, y * 0.1, "y", CHROME, seg=12)
        k.finish()
        return
    if x > 1.5 * h:  # a soundbar: a long bar of rounded section behind a fabric grille
        k.rounded("cabinet", (-x, -y, h * 0.06), (x, y * 0.85, h), min(y, h) * 0.45, "x")
        k.rounded("grille", (-x * 0.97, y * 0.5, h * 0.16), (x * 0.97, y, h * 0.9), min(y, h) * 0.3, "x", FABRIC)
        for sx in (-1, 1):
            k.box("foot", (sx * x * 0.8 - x * 0.04, -y * 0.6, 0), (sx * x * 0.8 + x * 0.04, y * 0.6, h * 0.07), RUBBER)
        k.finish()
        return
    fh = h * 0.05
    k.rounded("cabinet", (-x, -y, fh), (x, y * 0.88, h), min(x, y) * 0.22, "z")
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.cyl("foot", sx * x * 0.75, sy * y * 0.7, min(x, y) * 0.1, 0, fh + 0.001, RUBBER, seg=8)
    if cat.variant == "amplifier":
        k.box("faceplate", (-x * 0.95, y * 0.88, fh + h * 0.05), (x * 0.95, y * 0.92, h * 0.95), STEEL)
        k.box("display", (-x * 0.5, y * 0.92, h * 0.55), (x * 0.2, y * 0.94, h * 0.8), GLASS)
        for i, kx in enumerate((-0.7, 0.45, 0.75)):
            k.disc("knob", (x * kx, y * 0.96, h * (0.5 if i else 0.4)), min(x, h) * (0.12 if i else 0.16), y * 0.08, "y",
                   CHROME, seg=12)
        k.surface(h, -x * 0.9, -y * 0.9, x * 0.9, y * 0.8)
        k.finish()
        return
    wr = min(x * 0.8, h * (0.4 if cat.variant == "subwoofer" else 0.28 if h < 3 * x else 0.15))
    k.disc("woofer", (0, y * 0.92, h * 0.33), wr, y * 0.16, "y", BLACK, seg=16)
    if h > 3 * x:
        k.disc("woofer", (0, y * 0.92, h * 0.55), wr, y * 0.16, "y", BLACK, seg=16)
    if cat.variant != "subwoofer":
        k.disc("tweeter", (0, y * 0.92, h * 0.75), wr * 0.35, y * 0.16, "y", BLACK, seg=12)
    k.finish()


@generator("router")
def router(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat box on feet with status lights and two to four antennas at the back."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = k.pick((0, 2, 2, 3, 4))
    bh = h * (0.3 if n else 1.0)
    k.box("body", (-x, -y * 0.9, bh * 0.1), (x, y, bh))
    for i in range(6):
        k.box("light", (-x * 0.6 + i * x * 0.2, y * 0.99, bh * 0.5), (-x * 0.55 + i * x * 0.2, y, bh * 0.65), WHITE)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.8 - x * 0.05, -y * 0.5, 0), (sx * x * 0.8 + x * 0.05, y * 0.5, bh * 0.12), RUBBER)
    at = _clamp(y * 0.08, 0.003, 0.008)
    for i in range(n):
        ax = -x * 0.85 + i * (1.7 * x / max(n - 1, 1))
        k.box("antenna", (ax - at, -y, bh * 0.5), (ax + at, -y + 2 * at, h), BLACK)
    k.finish()


@generator("game_console")
def game_console(w: AssetWriter, size: Size, cat: Category) -> None:
    """A console body (lying or standing) with a front stripe, a disc slot and a controller beside it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.rounded("body", (-x, -y, h * 0.05), (x, y * 0.95, h), min(y, h) * 0.3, "x")
    k.box("stripe", (-x * 0.95, y * 0.95, h * 0.45), (x * 0.95, y, h * 0.5), BLACK)
    k.box("slot", (-x * 0.5, y * 0.95, h * 0.7), (x * 0.3, y, h * 0.74), BLACK)
    k.disc("button", (x * 0.75, y * 0.95, h * 0.7), min(x, h) * 0.06, y * 0.1, "y", WHITE, seg=10)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.8 - x * 0.08, -y * 0.8, 0), (sx * x * 0.8 + x * 0.08, y * 0.8, h * 0.06), RUBBER)
    k.finish()


@generator("remote_control")
def remote_control(w: AssetWriter, size: Size, cat: Category) -> None:
    """A long body with a power button, a direction pad and rows of buttons."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, 0), (x, y, h * 0.8))
    k.ball("end", (x * 0.85, 0, h * 0.4), (x * 0.15, y, h * 0.4), rings=4, seg=6)
    k.cyl("power", x * 0.8, y * 0.5, min(x, y) * 0.18, h * 0.7, h, WHITE, seg=8)
    k.cyl("pad", x * 0.35, 0, (min(x * 0.25, y * 0.7), y * 0.7), h * 0.7, h * 0.95, BLACK, seg=12)
    for i in range(4):
        for sy in (-1, 0, 1):
            bx = -x * 0.2 - i * x * 0.18
            k.box("button", (bx - x * 0.05, sy * y * 0.5 - y * 0.15, h * 0.7), (bx + x * 0.05, sy * y * 0.5 + y * 0.15, h),
                  WHITE if i else BLACK)
    k.finish()


@generator("radio")
def radio(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet with a speaker grille, a tuning dial, knobs, a carry handle and an antenna."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.72
    k.box("body", (-x, -y, 0), (x, y * 0.9, bh))
    k.disc("grille", (-x * 0.45, y * 0.95, bh * 0.5), min(x * 0.45, bh * 0.4), y * 0.1, "y", FABRIC, seg=16)
    k.box("dial", (x * 0.1, y * 0.9, bh * 0.55), (x * 0.85, y, bh * 0.8), GLASS)
    for i in range(2):
        k.disc("knob", (x * (0.3 + 0.4 * i), y * 0.95, bh * 0.25), min(x, bh) * 0.08, y * 0.1, "y", BLACK, seg=10)
    ht = _clamp(min(x, y) * 0.08, 0.004, 0.012)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.6 - ht, -ht, bh), (sx * x * 0.6 + ht, ht, bh + (h - bh) * 0.5))
    k.box("handle", (-x * 0.6 - ht, -ht, bh + (h - bh) * 0.5 - 2 * ht), (x * 0.6 + ht, ht, bh + (h - bh) * 0.5))
    k.tube("antenna", (x * 0.85, -y * 0.5, bh), (x * 0.95, -y * 0.5, h - ht * 0.5), ht * 0.4, CHROME, seg=6)
    k.finish()


@generator("camera")
def camera(w: AssetWriter, size: Size, cat: Category) -> None:
    """A camera: a body with rounded edges, a lens barrel facing +Y, a hand grip, a viewfinder hump and a
    shutter button."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.rounded("body", (-x, -y * 0.6, 0), (x, y * 0.1, h * 0.75), min(x, h) * 0.12, "y")
    lr = min(h * 0.33, x * 0.4)
    k.tube("lens", (-x * 0.1, y * 0.05, h * 0.4), (-x * 0.1, y * 0.9, h * 0.4), lr, BLACK, seg=16)
    k.disc("glass", (-x * 0.1, y * 0.95, h * 0.4), lr * 0.75, y * 0.1, "y", GLASS, seg=14)
    k.rounded("grip", (x * 0.55, -y * 0.6, 0), (x, y * 0.4, h * 0.7), min(x, y) * 0.15, "z", RUBBER)
    k.box("viewfinder", (-x * 0.3, -y * 0.5, h * 0.74), (x * 0.15, y * 0.05, h * 0.95))
    k.cyl("shutter", x * 0.72, -y * 0.1, min(x, y) * 0.08, h * 0.74, h, CHROME, seg=10)
    k.finish()

