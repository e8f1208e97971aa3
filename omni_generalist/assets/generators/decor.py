"""Big non-openable things: rugs, curtains, wall panels, screens, lamps, appliances, instruments,
fitness and medical equipment, vehicles and racks.

Built with :class:`~omni_generalist.assets.generators.small.Kit` (design in the object frame
from the size, then fitted exactly into the size box). Wall-hanging things have their back at
``y = -d/2`` (against the wall) and face +Y; hanging lamps touch the ceiling at ``z = h``.
"""

from __future__ import annotations

import math

from ..builders import Size, generator
from ..catalog import Category
from ..parts import AssetWriter
from .small import (
    BLACK,
    BRUSHED,
    CHROME,
    FABRIC,
    GLASS,
    OAK,
    PAINT_BLACK,
    PAINT_WHITE,
    PAPER,
    RUBBER,
    STEEL,
    WHITE,
    Kit,
    _clamp,
    _vase,
)


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


# ====================================================================== floor and windows


@generator("rug", "carpet", "doormat", "bath mat")
def rug(w: AssetWriter, size: Size, cat: Category) -> None:
    """A thin field with a border, sometimes fringed at both ends (round rugs: a disc and a ring)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    bw = m * k.u(0.05, 0.12)
    if "round" in cat.name:
        k.cyl("field", 0, 0, (x - bw * 0.5, y - bw * 0.5), 0, h * 0.9, seg=24)
        k.ring("border", 0, 0, x, y, bw, 0, h, FABRIC, n=16)
        k.finish()
        return
    mat = "mat" in cat.name
    fringe = not mat and k.rng.random() < 0.45
    xf = x - (m * 0.06 if fringe else 0.0)
    k.box("field", (-xf + bw, -y + bw, 0), (xf - bw, y - bw, h * 0.9))
    k.walls("border", xf, y, bw, 0, h, FABRIC if not mat else RUBBER)
    if fringe:
        n = 12
        for sx in (-1, 1):
            for i in range(n):
                y0 = -y + 2 * y * (i + 0.25) / n
                k.box("fringe", (min(sx * xf, sx * x), y0, 0), (max(sx * xf, sx * x), y0 + y / n, h * 0.4), FABRIC)
    k.finish()


@generator("curtain", "shower curtain")
def curtain(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rod with finials and one or two panels of vertical folds (ellipse cylinders)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rr = _clamp(min(y * 0.3, h * 0.02), 0.004, 0.02)
    shower = "shower" in cat.name
    k.tube("rod", (-x + rr * 2, 0, h - rr), (x - rr * 2, 0, h - rr), rr, CHROME if shower else BRUSHED, seg=10)
    for sx in (-1, 1):
        k.ball("finial", (sx * (x - rr * 2), 0, h - rr), rr * 2, CHROME if shower else BRUSHED, rings=4, seg=6)
    top = h - rr * 2.5
    z0 = 0.0 if not shower else h * 0.02
    spans = [(-x + rr * 4, x - rr * 4)] if shower or k.rng.random() < 0.2 else None
    if spans is None:
        frac = k.u(0.3, 0.5)
        spans = [(-x + rr * 4, -x + rr * 4 + 2 * x * frac), (x - rr * 4 - 2 * x * frac, x - rr * 4)]
    for a, b in spans:
        nf = int(_clamp((b - a) / max(4 * y, 0.06), 3, 10))
        fx = (b - a) / nf / 2
        for i in range(nf):
            cx = a + fx * (2 * i + 1)
            ry = y * (0.75 if i % 2 else 0.6)
            cy = (y - ry) if i % 2 else -(y - ry)
            k.cyl("fold", cx, cy, (fx * 1.15, ry), z0, top, seg=12)
        for cx in (a + fx * 0.5, b - fx * 0.5):
            k.cyl("ring", cx, 0, (rr * 1.4, rr * 1.4), top - rr * 0.5, h, BRUSHED, seg=8)
    k.finish()


# ====================================================================== wall panels


@generator("painting", "poster", "picture frame", "mirror", "tapestry", "floor mirror")
def painting(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall panel facing +Y: a (stepped) frame around a canvas, print or mirror glass, with an optional mat.

    A picture frame deep enough to stand on a desk gets a back strut instead.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    name = cat.name
    mirror = "mirror" in name
    paper = any(s in name for s in ("poster", "print", "photo", "diploma"))
    standing = "frame" in name and y > 0.12 * h
    lean = name == "floor mirror" and 2 * y > 0.08
    dp = 2 * y if not standing else min(2 * y * 0.35, 0.03)
    if lean:
        dp = min(0.05, 2 * y * 0.3)
    y0 = -y if not standing else y - dp
    insert = CHROME if mirror else PAPER if paper else FABRIC
    tapestry = name == "tapestry"
    frameless = tapestry or not mirror and not standing and rng.random() < (0.5 if name == "poster" else 0.15)
    if tapestry:
        rr = min(y, h * 0.02)
        k.tube("rod", (-x, -y + rr, h - rr), (x, -y + rr, h - rr), rr, OAK, seg=8)
        k.box("cloth", (-x * 0.96, -y + rr * 0.5, h * 0.04), (x * 0.96, -y + rr * 1.5, h - rr), FABRIC)
        n = int(_clamp(2 * x / 0.05, 6, 20))
        for i in range(n):
            fx = -x * 0.96 + (i + 0.5) * 1.92 * x / n
            k.box("fringe", (fx - x * 0.3 / n, -y + rr * 0.6, 0), (fx + x * 0.3 / n, -y + rr * 1.4, h * 0.05), FABRIC)
    elif frameless:
        k.box("canvas", (-x, y0, 0), (x, y0 + dp, h), insert)
    else:
        fw = min(x, h / 2) * k.u(0.04, 0.12)
        lip = dp * k.u(0.3, 0.6)
        for (ax, az, bx, bz) in ((-x, 0, x, fw), (-x, h - fw, x, h), (-x, fw, -x + fw, h - fw), (x - fw, fw, x, h - fw)):
            k.box("frame", (ax, y0, az), (bx, y0 + dp, bz))
        if rng.random() < 0.5:  # a stepped inner moulding
            f2 = fw * 0.35
            for (ax, az, bx, bz) in ((-x + fw, fw, x - fw, fw + f2), (-x + fw, h - fw - f2, x - fw, h - fw),
                                     (-x + fw, fw + f2, -x + fw + f2, h - fw - f2), (x - fw - f2, fw + f2, x - fw, h - fw - f2)):
                k.box("moulding", (ax, y0, az), (bx, y0 + dp - lip * 0.5, bz), k.pick((None, BRUSHED, PAINT_WHITE)))
            fw += f2
        mat_w = min(x, h / 2) * k.u(0.06, 0.15) if (paper and not mirror and rng.random() < 0.6) else 0.0
        back = y0 + dp - lip
        if mat_w:
            for (ax, az, bx, bz) in ((-x + fw, fw, x - fw, fw + mat_w), (-x + fw, h - fw - mat_w, x - fw, h - fw),
                                     (-x + fw, fw, -x + fw + mat_w, h - fw), (x - fw - mat_w, fw, x - fw, h - fw)):
                k.box("mat", (ax, y0, az), (bx, back, bz), PAINT_WHITE)
        k.box("canvas", (-x + fw, y0, fw), (x - fw, back - (0.001 if mat_w else 0.0), h - fw), insert)
        if paper and not mirror:
            k.box("glass", (-x + fw, back - 0.0005, fw), (x - fw, back, h - fw), GLASS)
    if lean:  # leaning against the wall: turn the whole panel back about its bottom front edge
        deg = math.degrees(math.atan2(2 * y - dp, h))
        for p in w.built.parts[k._start:]:
            k.tilt(p, "x", deg, (0.0, y0 + dp, 0.0))
    if standing:
        k.box("strut", (-x * 0.15, -y, 0), (x * 0.15, y0, h * 0.03))
        k.strut("strut", (0, -y + 0.003, 0), (0, y0 - 0.002, h * 0.65), min(x * 0.05, 0.006), square=True)
    k.finish()


@generator("whiteboard", "blackboard", "menu board", "corkboard", "projector screen")
def whiteboard(w: AssetWriter, size: Size, cat: Category) -> None:
    """A board in a frame with a pen tray along its bottom (a projector screen: a case, a sheet and a bar)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.name
    if "screen" in name:
        cr = min(y, h * 0.05)
        k.tube("case", (-x, 0, h - cr), (x, 0, h - cr), cr, BRUSHED, seg=12)
        sx = x * 0.94
        k.box("sheet", (-sx, -y * 0.2, cr), (sx, y * 0.2, h - cr), WHITE)
        k.box("bar", (-sx, -y * 0.35, 0), (sx, y * 0.35, cr * 0.9), BLACK)
        k.finish()
        return
    dark = any(s in name for s in ("black", "chalk", "menu"))
    cork = any(s in name for s in ("cork", "bulletin", "notice", "pin"))
    frame_mat = OAK if dark or cork else BRUSHED
    tray = not cork
    bt = min(2 * y * 0.4, 0.025) if tray else 2 * y
    fw = _clamp(min(x, h / 2) * 0.03, 0.01, 0.05)
    tz = h * 0.03 if tray else 0.0
    k.box("board", (-x + fw, -y, tz + fw), (x - fw, -y + bt * 0.8, h - fw), PAINT_BLACK if dark else None)
    for (ax, az, bx, bz) in ((-x, tz, x, tz + fw), (-x, h - fw, x, h), (-x, tz + fw, -x + fw, h - fw),
                             (x - fw, tz + fw, x, h - fw)):
        k.box("frame", (ax, -y, az), (bx, -y + bt, bz), frame_mat)
    if tray:
        k.box("tray", (-x * 0.9, -y, 0), (x * 0.9, y, tz), frame_mat)
        k.box("tray_lip", (-x * 0.9, y - min(0.005, y * 0.3), tz), (x * 0.9, y, tz + fw * 0.6), frame_mat)
        k.box("marker", (-x * 0.3, -y + bt * 1.2, tz), (-x * 0.3 + min(0.13, x * 0.4), -y + bt * 1.2 + 0.015, tz + 0.015),
              WHITE if dark else BLACK)
    else:
        for _i in range(k.rng.randint(2, 5)):
            px, pz = k.u(-0.7, 0.7) * x, tz + fw + k.u(0.15, 0.75) * (h - tz - 2 * fw)
            k.box("note", (px, -y + bt * 0.8, pz), (px + min(0.1, x * 0.3), -y + bt * 0.8 + 0.001, pz + min(0.1, h * 0.2)),
                  PAPER)
    k.finish()


# ====================================================================== screens


@generator("tv", "monitor", "computer")
def tv(w: AssetWriter, size: Size, cat: Category) -> None:
    """A screen panel; on a stand (a pedestal or two feet) unless it is thin enough to be wall-mounted (d < 0.08).

    A 'computer' is a tower case when its box is tower-shaped, else a monitor with a keyboard and a mouse.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.name
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
    k.box("case", (-x, -y, h * 0.03), (x, y * 0.96, h))
    k.box("front", (-x * 0.95, y * 0.96, h * 0.05), (x * 0.95, y, h * 0.98), BLACK)
    k.disc("power", (0, y * 0.98, h * 0.9), min(x, h) * 0.08, y * 0.04, "y", WHITE, seg=10)
    k.box("window", (x * 0.99, -y * 0.8, h * 0.3), (x, y * 0.7, h * 0.9), GLASS)
    for sy in (-1, 1):
        k.box("foot", (-x * 0.9, sy * y * 0.8 - y * 0.08, 0), (x * 0.9, sy * y * 0.8 + y * 0.08, h * 0.03), RUBBER)
    k.finish()


# ====================================================================== lamps


def _shade(k: Kit, style: str, r: float, ry: float, z0: float, z1: float) -> None:
    """A lamp shade of top/bottom radius ``r`` (along X; ``ry`` along Y) from ``z0`` to ``z1``."""
    a = ry / r
    if style == "drum":
        k.cyl("shade", 0, 0, (r, ry), z0, z1, FABRIC, seg=20)
    elif style == "empire":
        k.cone("shade", 0, 0, r, r * 0.6, z0, z1, FABRIC, seg=20, aspect=a)
    elif style == "dome":
        k.cone("shade", 0, 0, r, r * 0.35, z0, z0 + (z1 - z0) * 0.8, BRUSHED, seg=20, aspect=a)
        k.cyl("shade_top", 0, 0, (r * 0.35, ry * 0.35), z0 + (z1 - z0) * 0.75, z1, BRUSHED, seg=12)
    else:  # globe
        k.ball("shade", (0, 0, (z0 + z1) / 2), (r, ry, (z1 - z0) / 2), GLASS, rings=6, seg=12)


def _lamp_base(k: Kit, style: str, rx: float, ry: float, hb: float) -> None:
    if style == "disc":
        k.cone("base", 0, 0, rx, rx * 0.85, 0, hb, aspect=ry / rx, seg=20)
    elif style == "square":
        k.box("base", (-rx, -ry, 0), (rx, ry, hb))
    else:  # tripod feet
        for i in range(3):
            a = math.pi / 2 + 2 * math.pi * i / 3
            k.strut("leg", (rx * math.cos(a) * 0.95, ry * math.sin(a) * 0.95, 0), (0, 0, hb * 6),
                    _clamp(min(rx, ry) * 0.05, 0.005, 0.02))


@generator("floor lamp")
def floor_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base (disc, square or tripod), a pole and a shade (drum, empire, dome or globe)."""
    k = Kit(w, size)
    _floor_lamp(k)


def _floor_lamp(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    base = k.pick(("disc", "square", "tripod"))
    shade = k.pick(("drum", "empire", "dome", "globe"))
    sh = h * k.u(0.15, 0.24)
    hb = h * 0.025
    bx = min(x, y) * (0.75 if base != "tripod" else 1.0)
    _lamp_base(k, base, bx * x / min(x, y), bx * y / min(x, y), hb)
    pr = _clamp(min(x, y) * 0.05, 0.008, 0.02)
    k.cyl("pole", 0, 0, pr, hb * 0.5, h - sh * 0.5, seg=10)
    k.ball("bulb", (0, 0, h - sh * 0.55), min(x, y) * 0.12, WHITE, rings=4, seg=6)
    _shade(k, shade, x, y, h - sh, h)
    k.finish()


@generator("table lamp", "desk lamp", "lamp")
def table_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A table lamp (a turned or round body, a stem and a shade) or a desk lamp (a jointed arm and a head)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.name == "lamp" and h > 1.0:
        _floor_lamp(k)
        return
    if "desk" in cat.name or "task" in cat.name or "study" in cat.name:
        # a heavy round base under the head: the head reaches out no further than the base's rim,
        # so the lamp stands (uniform density: its centre of mass stays over the base)
        r = _clamp(min(x, y) * 0.05, 0.006, 0.015)
        bx = by = min(x, y) * 0.6
        cx, cy = -x + bx, -y + by
        k.cyl("base", cx, cy, (bx, by), 0, h * 0.08, seg=16)
        elbow = (cx - bx * 0.3, cy - by * 0.2, h * k.u(0.55, 0.7))
        head = (cx + bx * 0.45, cy + by * 0.45, h * 0.75)
        k.tube("arm", (cx, cy, h * 0.07), elbow, r, seg=8)
        k.tube("arm", elbow, (head[0], head[1], h - r * 1.2), r, seg=8)
        k.ball("joint", elbow, r * 1.6, BRUSHED, rings=4, seg=6)
        hr = min(x, y) * 0.22
        k.cone("head", head[0], head[1], hr, hr * 0.35, h * 0.62, h * 0.62 + (h - h * 0.62) * 0.7, seg=14)
        k.cyl("head_top", head[0], head[1], (hr * 0.35, hr * 0.35), h * 0.8, h, seg=10)
        k.finish()
        return
    shade = k.pick(("drum", "empire", "empire", "globe", "dome"))
    body = k.pick(("vase", "cylinder", "ball"))
    sh = h * k.u(0.3, 0.42)
    zs = h - sh
    bh = zs * k.u(0.55, 0.8)
    br = k.u(0.35, 0.55)
    if body == "vase":
        _vase(k, 0.0, bh, br)
    elif body == "cylinder":
        k.cyl("body", 0, 0, (x * br * 0.8, y * br * 0.8), 0, bh, seg=16)
    else:
        k.cyl("foot", 0, 0, (x * br * 0.5, y * br * 0.5), 0, bh * 0.12, seg=12)
        k.ball("body", (0, 0, bh * 0.55), (x * br, y * br, bh * 0.45), rings=6, seg=12)
    k.cyl("stem", 0, 0, _clamp(min(x, y) * 0.04, 0.004, 0.015), bh * 0.9, zs + sh * 0.4, BRUSHED, seg=8)
    _shade(k, shade, x, y, zs, h)
    k.finish()


@generator("ceiling lamp", "pendant light", "chandelier")
def ceiling_lamp(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hanging lamp touching the ceiling at the top: a canopy, a cord or chain, and a shade at the bottom.

    Chandeliers have a column and radial arms with candle cups and bulbs; flush-mounted ceiling
    lights are a canopy and a dome.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    cr = _clamp(m * 0.2, 0.03, 0.08)
    ch = _clamp(h * 0.04, 0.01, 0.03)
    if "chandelier" in cat.name:
        k.cyl("canopy", 0, 0, cr, h - ch, h, BRUSHED, seg=12)
        hz = h * k.u(0.3, 0.45)
        k.cyl("chain", 0, 0, _clamp(m * 0.015, 0.004, 0.01), hz, h - ch * 0.5, BRUSHED, seg=6)
        k.ball("body", (0, 0, hz), (m * 0.15, m * 0.15, hz * 0.35), BRUSHED, rings=5)
        k.cone("finial", 0, 0, m * 0.02, m * 0.08, 0, hz * 0.7, BRUSHED, seg=8)
        n = k.rng.randint(5, 8)
        ar = _clamp(m * 0.02, 0.004, 0.012)
        bz = hz * 0.7
        for i in range(n):
            a = 2 * math.pi * i / n
            ex, ey = (x - m * 0.07) * math.cos(a), (y - m * 0.07) * math.sin(a)
            k.tube("arm", (0, 0, hz * 0.85), (ex, ey, bz), ar, BRUSHED, seg=6)
            k.cyl("cup", ex, ey, m * 0.07, bz, bz + hz * 0.12, BRUSHED, seg=10)
            k.cyl("candle", ex, ey, m * 0.025, bz + hz * 0.1, bz + hz * 0.45, WHITE, seg=8)
            k.ball("bulb", (ex, ey, bz + hz * 0.5), m * 0.035, GLASS, rings=4, seg=6)
        k.finish()
        return
    flush = "flush" in cat.name or cat.name == "ceiling light" and h < 0.35 * (2 * m) or h < 0.8 * m
    if flush:
        k.cyl("canopy", 0, 0, (x * 0.8, y * 0.8), h * 0.8, h, BRUSHED, seg=20)
        k.cone("dome", 0, 0, x, x * 0.75, h * 0.45, h * 0.82, GLASS, seg=20, aspect=y / x)
        k.cone("dome", 0, 0, x * 0.75, x * 0.2, 0, h * 0.46, GLASS, seg=20, aspect=y / x)
        k.finish()
        return
    sh = min(h * k.u(0.25, 0.45), 2 * m * k.u(0.5, 0.9))
    k.cyl("canopy", 0, 0, cr, h - ch, h, BRUSHED, seg=12)
    k.cyl("cord", 0, 0, _clamp(m * 0.01, 0.002, 0.006), sh * 0.8, h - ch * 0.5, BLACK, seg=6)
    style = k.pick(("dome", "drum", "globe", "cone"))
    if style == "dome":
        k.cone("shade", 0, 0, x, x * 0.3, 0, sh * 0.85, BRUSHED, seg=20, aspect=y / x)
        k.cyl("shade_top", 0, 0, (x * 0.3, y * 0.3), sh * 0.8, sh, BRUSHED, seg=12)
    elif style == "drum":
        k.cyl("shade", 0, 0, (x, y), 0, sh, FABRIC, seg=20)
    elif style == "globe":
        k.ball("shade", (0, 0, sh / 2), (x, y, sh / 2), GLASS, rings=6, seg=12)
    else:
        k.cone("shade", 0, 0, x, x * 0.1, 0, sh, PAINT_BLACK, seg=20, aspect=y / x)
    k.ball("bulb", (0, 0, sh * 0.2), m * 0.25, WHITE, rings=4, seg=6)
    k.finish()


@generator("wall sconce")
def wall_sconce(w: AssetWriter, size: Size, cat: Category) -> None:
    """A back plate on the wall, an arm towards +Y and an upturned shade."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    pt = _clamp(2 * y * 0.08, 0.008, 0.02)
    k.box("plate", (-x * 0.35, -y, h * 0.15), (x * 0.35, -y + pt, h * 0.55), BRUSHED)
    sr = min(x, y * 0.6)
    sy = y - sr
    a = sr / x
    ar = _clamp(min(x, h) * 0.04, 0.004, 0.012)
    k.tube("arm", (0, -y + pt, h * 0.35), (0, sy, h * 0.35), ar, BRUSHED, seg=8)
    k.cyl("cup", 0, sy, (sr * 0.3, sr * 0.3), h * 0.3, h * 0.42, BRUSHED, seg=10)
    style = k.pick(("empire", "drum", "glass"))
    if style == "glass":
        k.cone("shade", 0, sy, x * 0.55, x, h * 0.4, h, GLASS, seg=16, aspect=a)
        k.box("back", (-x * 0.05, -y, 0), (x * 0.05, -y + pt, h * 0.15), BRUSHED)
    else:
        k.cone("shade", 0, sy, x, x * (0.7 if style == "empire" else 1.0), h * 0.42, h, FABRIC, seg=16, aspect=a)
        k.box("back", (-x * 0.05, -y, 0), (x * 0.05, -y + pt, h * 0.15), BRUSHED)
    k.finish()


# ====================================================================== appliances


@generator("fan", "ceiling fan")
def fan(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pedestal or desk fan (base, pole, motor, a guard ring and three blades facing +Y), a box fan, a
    tower fan, or a ceiling fan (canopy, downrod, motor and radial blades)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    if "ceiling" in cat.name or cat.placement == "ceiling":
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


@generator("air conditioner")
def air_conditioner(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall split unit or window unit (wide: a body with a front panel, louvre and display) or a portable
    floor unit (tall: a body with a grille and an exhaust hose at the back)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h <= 2 * x:
        k.box("body", (-x, -y, h * 0.1), (x, y * 0.85, h))
        k.box("body", (-x, -y, 0), (x, y * 0.6, h * 0.12))
        k.box("front", (-x * 0.98, y * 0.85, h * 0.3), (x * 0.98, y, h * 0.97))
        k.box("louvre", (-x * 0.9, y * 0.6, h * 0.05), (x * 0.9, y * 0.95, h * 0.22), BLACK)
        k.box("display", (x * 0.6, y * 0.97, h * 0.55), (x * 0.8, y, h * 0.65), BLACK)
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


@generator("radiator", "heater")
def radiator(w: AssetWriter, size: Size, cat: Category) -> None:
    """A column radiator (fins between header pipes, on feet), an oil heater on wheels, or a space heater."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    name = cat.name
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


@generator("water cooler")
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
    if "fountain" in cat.name:
        k.box("basin", (-x, -y, ch), (x, y * 0.9, h), BRUSHED)
        k.finish()
        return
    r = min(x, y) * 0.85
    k.cone("neck", 0, 0, r * 0.3, r, ch, ch + (h - ch) * 0.2, GLASS, seg=16)
    k.cyl("bottle", 0, 0, r, ch + (h - ch) * 0.18, h, GLASS, seg=16)
    k.finish()


@generator("trash can", "recycling bin")
def trash_can(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open bin, round (flared segments) or square, with a rim; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.04, 0.003, 0.15 * m)
    tb = _clamp(h * 0.04, 0.004, 0.03)
    round_ = "recycl" not in cat.name and k.rng.random() < 0.55
    rim = _clamp(h * 0.04, 0.01, 0.03)
    if round_:
        b = k.u(0.78, 0.9)
        k.cyl("bottom", 0, 0, (x * b - t * 0.4, y * b - t * 0.4), 0, tb, seg=16)
        k.flare("wall", 0, 0, x * b, y * b, x * 0.98, y * 0.98, t, 0, h - rim * 0.5, n=12)
        k.ring("rim", 0, 0, x, y, t * 1.8, h - rim, h, n=12)
        r0x, r0y = (x * b - t) * 0.6, (y * b - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("bottom", (-x, -y, 0), (x, y, tb))
        k.walls("wall", x * 0.98, y * 0.98, t, 0, h)
        k.walls("rim", x, y, t * 1.8, h - rim, h, BLACK if "recycl" in cat.name else None)
        k.surface(tb, -x + t * 2, -y + t * 2, x - t * 2, y - t * 2, inside=True)
    k.finish()


@generator("fire extinguisher")
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


@generator("umbrella stand")
def umbrella_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow tube (round or square) on a base; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.06, 0.003, 0.15 * m)
    tb = _clamp(h * 0.04, 0.005, 0.03)
    if k.rng.random() < 0.5:
        k.cyl("base", 0, 0, (x, y), 0, tb, seg=16)
        k.ring("wall", 0, 0, x * 0.96, y * 0.96, t, tb * 0.5, h, n=12)
        r0x, r0y = (x * 0.96 - t) * 0.6, (y * 0.96 - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("base", (-x, -y, 0), (x, y, tb))
        k.walls("wall", x * 0.96, y * 0.96, t, tb * 0.5, h)
        k.surface(tb, -x * 0.96 + t * 1.3, -y * 0.96 + t * 1.3, x * 0.96 - t * 1.3, y * 0.96 - t * 1.3, inside=True)
    k.finish()


# ====================================================================== entertainment


@generator("arcade cabinet")
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


@generator("pinball machine")
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


@generator("mannequin")
def mannequin(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round base and pole carrying a torso of ellipsoids (hips, waist, chest, shoulders), a neck and a head;
    a dress form stops at a neck cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    form = "dress" in cat.name or k.rng.random() < 0.3
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


# ====================================================================== instruments


@generator("piano", "upright piano")
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


@generator("grand piano")
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


@generator("digital piano")
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


@generator("drum kit")
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


def _instrument(w: AssetWriter, size: Size, kind: str) -> None:
    """A guitar-like instrument in canonical coordinates (l along it, wd across, t thickness with the face at t=T)."""
    W0, D0, H0 = (max(float(v), 1e-3) for v in size)
    standing = H0 >= max(W0, D0)
    k = Kit(w, size, long_x=not standing)
    if standing:
        Lt, Wd, T = k.H, k.W, k.D
    else:
        Lt, Wd, T = k.W, k.D, k.H

    def box(name: str, lr: tuple[float, float], wr: tuple[float, float], tr: tuple[float, float],
            mat: str | None = None) -> None:
        if standing:
            k.box(name, (wr[0], -T / 2 + tr[0], lr[0]), (wr[1], -T / 2 + tr[1], lr[1]), mat)
        else:
            k.box(name, (-Lt / 2 + lr[0], wr[0], tr[0]), (-Lt / 2 + lr[1], wr[1], tr[1]), mat)

    def slab(name: str, lc: float, rl: float, rw: float, tr: tuple[float, float], mat: str | None = None) -> None:
        if standing:
            k.disc(name, (0.0, -T / 2 + (tr[0] + tr[1]) / 2, lc), (rw, rl), tr[1] - tr[0], "y", mat, seg=16)
        else:
            k.cyl(name, -Lt / 2 + lc, 0.0, (rl, rw), tr[0], tr[1], mat, seg=16)

    bt = T * (0.55 if kind == "violin" else 0.8)
    end = Lt * (0.06 if kind == "cello" else 0.0)
    if kind == "cello":
        box("endpin", (0.0, end + Lt * 0.01), (-Wd * 0.02, Wd * 0.02), (bt * 0.4, bt * 0.6), CHROME)
    body = {"guitar": 0.5, "electric": 0.42, "violin": 0.6, "cello": 0.55}[kind]
    bl = (Lt - end) * body
    lb = bl * 0.56
    slab("body", end + lb / 2 + bl * 0.0, lb / 2, Wd / 2, (0.0, bt))
    if kind != "electric":
        ub = bl * 0.46
        slab("body", end + bl - ub / 2, ub / 2, Wd / 2 * 0.78, (0.0, bt))
        slab("waist", end + bl * 0.52, bl * 0.15, Wd / 2 * 0.62, (0.0, bt))
    else:
        slab("horn", end + bl * 0.75, bl * 0.25, Wd / 2 * 0.55, (0.0, bt))
    neck_w = Wd * (0.12 if kind in ("guitar", "electric") else 0.1)
    nl0, nl1 = end + bl * 0.95, end + (Lt - end) * (0.9 if kind != "violin" else 0.93)
    box("neck", (nl0, nl1), (-neck_w / 2, neck_w / 2), (bt * 0.45, bt * 0.8))
    box("fretboard", (end + bl * 0.8, nl1), (-neck_w / 2, neck_w / 2), (bt * 0.8, min(T, bt * 0.8 + T * 0.12)), PAINT_BLACK)
    if kind in ("violin", "cello"):
        slab("scroll", Lt - (Lt - nl1) / 2, (Lt - nl1) / 2, neck_w * 0.6, (bt * 0.3, bt * 0.9))
        box("tailpiece", (end + bl * 0.06, end + bl * 0.3), (-neck_w * 0.6, neck_w * 0.6), (bt, min(T, bt + T * 0.12)),
            PAINT_BLACK)
        box("bridge", (end + bl * 0.38, end + bl * 0.4), (-Wd * 0.15, Wd * 0.15), (bt, T), OAK)
        if kind == "cello" or T > bt * 1.2:
            box("chinrest", (end, end + bl * 0.08), (-Wd * 0.2, Wd * 0.1), (bt, T), PAINT_BLACK)
    else:
        box("head", (nl1, Lt), (-neck_w * 0.85, neck_w * 0.85), (bt * 0.45, bt * 0.75))
        for i in range(3):
            for sw in (-1, 1):
                lp = nl1 + (Lt - nl1) * (0.25 + 0.25 * i)
                box("peg", (lp - 0.006, lp + 0.006), (sw * neck_w * 0.85, sw * neck_w * 1.3) if sw > 0 else
                    (-neck_w * 1.3, -neck_w * 0.85), (bt * 0.5, bt * 0.7), CHROME)
        box("bridge", (end + bl * 0.18, end + bl * 0.24), (-Wd * 0.22, Wd * 0.22), (bt, min(T, bt + T * 0.15)), OAK)
        if kind == "guitar":
            slab("soundhole", end + bl * 0.62, bl * 0.1, Wd * 0.14, (bt - 0.001, bt + 0.0015), PAINT_BLACK)
        else:
            for lp in (0.3, 0.5):
                box("pickup", (end + bl * lp, end + bl * lp + bl * 0.06), (-Wd * 0.18, Wd * 0.18), (bt, min(T, bt + T * 0.1)),
                    BLACK)
    k.finish()


@generator("guitar")
def guitar(w: AssetWriter, size: Size, cat: Category) -> None:
    """Body bouts and waist (squashed cylinders), a sound hole, bridge, neck, fretboard and a head with pegs
    (sometimes an electric guitar: a compact body with a horn and pickups); standing when the box is tall,
    else lying face up."""
    _instrument(w, size, "electric" if w.rng.random() < 0.3 else "guitar")


@generator("violin")
def violin(w: AssetWriter, size: Size, cat: Category) -> None:
    """Body bouts, a tailpiece, bridge, chin rest, neck with fingerboard and a scroll."""
    _instrument(w, size, "violin")


@generator("cello")
def cello(w: AssetWriter, size: Size, cat: Category) -> None:
    """A violin-family body standing on an endpin."""
    _instrument(w, size, "cello")


@generator("guitar stand")
def guitar_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """Tripod legs, a central post with a padded yoke on top and a padded cradle at the front."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = _clamp(min(x, y) * 0.05, 0.006, 0.012)
    hub = (0.0, -y * 0.2, h * 0.3)
    for fx, fy in ((-x + r, y - r), (x - r, y - r), (0.0, -y + r)):
        k.strut("leg", (fx, fy, 0.0), hub, r)
    k.cyl("post", 0.0, -y * 0.2, r, h * 0.28, h * 0.92, seg=8)
    for sx in (-1, 1):
        k.tube("yoke", (0.0, -y * 0.2, h * 0.9), (sx * x * 0.25, -y * 0.05, h - r), r, seg=6)
        k.box("cradle", (min(sx * x * 0.05, sx * x * 0.55), y * 0.35, h * 0.3), (max(sx * x * 0.05, sx * x * 0.55), y * 0.65,
                                                                                  h * 0.34), RUBBER)
    k.tube("arm", (0.0, -y * 0.2, h * 0.32), (0.0, y * 0.5, h * 0.32), r, seg=6)
    k.finish()


# ====================================================================== fitness


@generator("treadmill")
def treadmill(w: AssetWriter, size: Size, cat: Category) -> None:
    """A low deck with a belt and side rails, a motor hood, two uprights, handrails and a console at the
    front end (-Y, or -X when wider than deep)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    dz = min(0.22, h * 0.15)
    k.box("deck", (-x * 0.8, -y * 0.85, dz * 0.3), (x, y * 0.85, dz))
    k.box("belt", (-x * 0.75, -y * 0.6, dz), (x * 0.95, y * 0.6, dz + 0.005), BLACK)
    for sy in (-1, 1):
        k.box("rail", (-x * 0.8, min(sy * y * 0.6, sy * y * 0.85), dz * 0.3), (x, max(sy * y * 0.6, sy * y * 0.85),
                                                                                 dz + 0.01), RUBBER)
        k.box("foot", (min(0.0, 0.0) + x * 0.9, sy * y * 0.8 - 0.02, 0), (x, sy * y * 0.8 + 0.02, dz * 0.3), RUBBER)
        k.strut("upright", (-x * 0.72, sy * y * 0.8, dz), (-x * 0.88, sy * y * 0.8, h * 0.82), _clamp(y * 0.05, 0.02, 0.04),
                square=True)
        k.box("handrail", (-x * 0.88, min(sy * y, sy * y * 0.86), h * 0.7), (-x * 0.4, max(sy * y, sy * y * 0.86), h * 0.74))
    k.box("hood", (-x, -y * 0.85, 0), (-x * 0.72, y * 0.85, dz * 1.4))
    k.box("console", (-x * 0.98, -y * 0.8, h * 0.82), (-x * 0.78, y * 0.8, h), BLACK)
    k.finish()


@generator("exercise bike")
def exercise_bike(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two stabiliser feet, a frame, a flywheel at the front (-X of the long axis), a saddle on a seat post,
    handlebars and pedals."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = _clamp(h * 0.025, 0.015, 0.03)
    for fx in (-x * 0.85, x * 0.85):
        k.box("foot", (fx - x * 0.06, -y, 0), (fx + x * 0.06, y, h * 0.05), BLACK)
    fr = min(h * 0.25, x * 0.35)
    k.disc("flywheel", (-x * 0.5, 0, h * 0.06 + fr), fr, min(2 * y * 0.15, 0.05), "y", BRUSHED, seg=20)
    k.tube("frame", (x * 0.85, 0, h * 0.05), (x * 0.05, 0, h * 0.25), r, seg=8)
    k.tube("frame", (-x * 0.85, 0, h * 0.05), (x * 0.05, 0, h * 0.25), r, seg=8)
    k.tube("frame", (x * 0.05, 0, h * 0.25), (-x * 0.5, 0, h * 0.6), r, seg=8)
    k.strut("seat_post", (x * 0.15, 0, h * 0.2), (x * 0.3, 0, h * 0.68), r)
    k.ball("saddle", (x * 0.32, 0, h * 0.7), (x * 0.16, min(y * 0.3, 0.1), h * 0.035), BLACK, rings=5)
    k.strut("stem", (-x * 0.5, 0, h * 0.55), (-x * 0.62, 0, h * 0.95), r)
    k.tube("handlebar", (-x * 0.62, -y * 0.8, h - r), (-x * 0.62, y * 0.8, h - r), r, BLACK, seg=8)
    k.box("console", (-x * 0.7, -y * 0.2, h * 0.86), (-x * 0.56, y * 0.2, h * 0.96), BLACK)
    k.disc("crank", (x * 0.05, 0, h * 0.3), h * 0.08, min(0.03, y * 0.1), "y", CHROME, seg=12)
    for sy in (-1, 1):
        k.box("pedal", (x * 0.0, sy * y * 0.2 - 0.03, h * 0.28), (x * 0.1, sy * y * 0.2 + 0.03, h * 0.32), BLACK)
    k.finish()


@generator("weight bench")
def weight_bench(w: AssetWriter, size: Size, cat: Category) -> None:
    """A padded bench on T feet; a tall box gets rack uprights at the head with a barbell across."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    rack = h > 0.8
    ph = min(h, 0.45) if rack else h
    py = min(y, 0.15) if rack else y
    k.box("pad", (-x * (0.6 if rack else 1.0), -py, ph * 0.82), (x * 0.95, py, ph), FABRIC)
    k.box("frame", (-x * (0.55 if rack else 0.9), -py * 0.3, ph * 0.6), (x * 0.9, py * 0.3, ph * 0.82), BLACK)
    for fx in (-x * (0.5 if rack else 0.8), x * 0.8):
        k.box("leg", (fx - 0.025, -py * 0.3, 0.02), (fx + 0.025, py * 0.3, ph * 0.6), BLACK)
        k.box("foot", (fx - 0.03, -py * 1.0, 0), (fx + 0.03, py * 1.0, 0.04), BLACK)
    if rack:
        for sy in (-1, 1):
            k.box("upright", (-x * 0.85, sy * y * 0.45 - 0.025, 0), (-x * 0.8, sy * y * 0.45 + 0.025, h * 0.9), BLACK)
            k.box("rack_foot", (-x, sy * y * 0.45 - 0.03, 0), (-x * 0.6, sy * y * 0.45 + 0.03, 0.04), BLACK)
            k.disc("plate", (-x * 0.82, sy * y * 0.85, h * 0.9), (min(0.2, h * 0.1), min(0.2, h * 0.1)), y * 0.08, "y",
                   BLACK, seg=16)
        k.tube("bar", (-x * 0.82, -y, h * 0.9), (-x * 0.82, y, h * 0.9), 0.015, CHROME, seg=8)
    k.finish()


@generator("yoga mat")
def yoga_mat(w: AssetWriter, size: Size, cat: Category) -> None:
    """Flat (a thin slab), or rolled: a cylinder lying along the long side or standing, with a strap."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if h < 0.5 * y and h < 0.05:
        k.box("mat", (-x, -y, 0), (x, y, h))
        k.finish()
        return
    if h >= 2 * x:  # standing roll
        k.cyl("roll", 0, 0, (x, y), 0, h, seg=16)
        k.cyl("core", 0, 0, (x * 0.3, y * 0.3), h * 0.999, h, PAINT_BLACK, seg=10)
        k.cyl("strap", 0, 0, (x * 1.0, y * 1.0), h * 0.3, h * 0.34, FABRIC, seg=16)
    else:
        k.disc("roll", (0, 0, h / 2), (y, h / 2), 2 * x, "x", seg=16)
        for sx in (-1, 1):
            k.disc("strap", (sx * x * 0.6, 0, h / 2), (y * 1.0, h / 2), x * 0.06, "x", FABRIC, seg=16)
    k.finish()


@generator("punching bag")
def punching_bag(w: AssetWriter, size: Size, cat: Category) -> None:
    """A heavy bag: hanging from a ceiling mount by a chain and straps, or free-standing on a weighted base."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.placement == "ceiling" or h > 1.9:
        bh = h * 0.62
        k.cyl("bag", 0, 0, (x, y), 0, bh, seg=16)
        k.cyl("cap", 0, 0, (x * 0.9, y * 0.9), bh, bh + h * 0.02, BLACK, seg=16)
        for i in range(4):
            a = math.pi / 4 + math.pi / 2 * i
            k.tube("strap", (x * 0.8 * math.cos(a), y * 0.8 * math.sin(a), bh + h * 0.015), (0, 0, bh + h * 0.15), 0.006,
                   STEEL, seg=6)
        k.cyl("chain", 0, 0, 0.008, bh + h * 0.14, h - 0.02, STEEL, seg=6)
        k.cyl("mount", 0, 0, min(x, y) * 0.4, h - 0.02, h, STEEL, seg=10)
    else:
        k.cone("base", 0, 0, x, x * 0.75, 0, h * 0.22, BLACK, aspect=y / x, seg=20)
        k.cyl("neck", 0, 0, (x * 0.3, y * 0.3), h * 0.21, h * 0.32, BLACK, seg=12)
        k.cyl("bag", 0, 0, (x * 0.75, y * 0.75), h * 0.3, h * 0.97, seg=16)
        k.ball("top", (0, 0, h * 0.97), (x * 0.75, y * 0.75, h * 0.03), rings=4, seg=16)
    k.finish()


# ====================================================================== medical


@generator("iv stand")
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


@generator("medical monitor")
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


# ====================================================================== pets


@generator("dog bed")
def dog_bed(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cushion inside a plump bolster (round: a ring of puffs; rectangular: three sides, lower at the front);
    the cushion top is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    bw = m * k.u(0.16, 0.24)
    ch = h * k.u(0.3, 0.4)
    if k.rng.random() < 0.5:
        k.cyl("cushion", 0, 0, (x - bw * 0.6, y - bw * 0.6), 0, ch, seg=16)
        n = 10
        for i in range(n):
            a = 2 * math.pi * i / n
            k.ball("bolster", ((x - bw / 2) * math.cos(a), (y - bw / 2) * math.sin(a), h / 2),
                   (bw / 2 + (x - bw / 2) * 0.33 * abs(math.sin(a)), bw / 2 + (y - bw / 2) * 0.33 * abs(math.cos(a)), h / 2),
                   rings=5, seg=10)
        r0x, r0y = (x - bw) * 0.65, (y - bw) * 0.65
        k.surface(ch, -r0x, -r0y, r0x, r0y, clearance=1.0, inside=True)
    else:
        k.box("base", (-x, -y, 0), (x, y, ch * 0.5))
        k.box("cushion", (-x + bw, -y + bw, ch * 0.4), (x - bw, y - bw * 0.8, ch))
        k.box("bolster", (-x, -y, 0), (x, -y + bw, h * 0.85))
        k.ball("bolster", (0, -y + bw / 2, h * 0.85), (x, bw / 2, h * 0.15), rings=4, seg=12)
        for sx in (-1, 1):
            k.box("bolster", (min(sx * x, sx * (x - bw)), -y, 0), (max(sx * x, sx * (x - bw)), y, h * 0.85))
            k.ball("bolster", (sx * (x - bw / 2), 0, h * 0.85), (bw / 2, y, h * 0.15), rings=4, seg=12)
        k.box("front", (-x + bw, y - bw * 0.8, 0), (x - bw, y, ch * 1.2))
        k.surface(ch, -x + bw * 1.1, -y + bw * 1.1, x - bw * 1.1, y - bw * 0.9, inside=True)
    k.finish()


@generator("cat tree")
def cat_tree(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base board, sisal posts, platforms at rising heights (support surfaces), a condo box and a top perch."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bt = _clamp(h * 0.03, 0.015, 0.03)
    k.box("base", (-x, -y, 0), (x, y, bt))
    if "scratching" in cat.name and "tree" not in cat.name:
        pr = min(x, y) * 0.3
        k.cyl("post", 0, 0, (pr, pr), bt, h - bt, FABRIC, seg=14)
        k.box("top", (-x * 0.6, -y * 0.6, h - bt), (x * 0.6, y * 0.6, h))
        k.surface(h, -x * 0.6, -y * 0.6, x * 0.6, y * 0.6)
        k.finish()
        return
    pr = _clamp(min(x, y) * 0.1, 0.035, 0.06)
    levels = k.pick((2, 3, 3, 4))
    px = [(-x * 0.5, -y * 0.4), (x * 0.45, y * 0.3), (x * 0.5, -y * 0.45)]
    cube = min(x, y) * 0.55
    k.box("condo", (-x * 0.95, -y * 0.1, bt), (-x * 0.95 + cube * 2 * 0.9, -y * 0.1 + cube * 1.6, bt + cube * 1.4))
    k.disc("door", (-x * 0.95 + cube * 0.9, -y * 0.1 + cube * 1.6, bt + cube * 0.6), cube * 0.45, 0.004, "y",
           PAINT_BLACK, seg=12)
    for i in range(levels):
        z1 = bt + (h - bt) * (i + 1) / levels
        z0 = z1 - bt
        cx, cy = px[i % len(px)]
        top = i == levels - 1
        cx, cy = (0.0, 0.0) if top else (cx, cy)
        below = bt if i == 0 else bt + (h - bt) * i / levels
        k.cyl("post", cx, cy, pr, below if not top else bt, z0, FABRIC, seg=12)
        rx, ry = (x * 0.55, y * 0.55) if top else (x * 0.45, y * 0.4)
        k.cyl("platform", cx * (0 if top else 1), cy, (rx, ry), z0, z1, seg=16)
        k.surface(z1, cx - rx * 0.68, cy - ry * 0.68, cx + rx * 0.68, cy + ry * 0.68)
    k.finish()


@generator("bird cage")
def bird_cage(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tray base, a ring of bars, a top ring, bars converging to a domed top, a hook and a perch; the tray top
    is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    tz = h * 0.08
    ch = h * k.u(0.6, 0.72)
    k.cyl("tray", 0, 0, (x, y), 0, tz, seg=16)
    n = 14
    br = _clamp(min(x, y) * 0.012, 0.0015, 0.004)
    for i in range(n):
        a = 2 * math.pi * i / n
        k.cyl("bar", x * 0.95 * math.cos(a), y * 0.95 * math.sin(a), br, tz * 0.9, ch, BRUSHED, seg=6)
    k.ring("ring", 0, 0, x * 0.97, y * 0.97, br * 3, ch - br * 4, ch, BRUSHED, n=12)
    for i in range(8):
        a = 2 * math.pi * i / 8
        k.tube("dome", (x * 0.95 * math.cos(a), y * 0.95 * math.sin(a), ch), (0, 0, h * 0.92), br, BRUSHED, seg=6)
    k.cyl("top", 0, 0, (x * 0.1, y * 0.1), h * 0.9, h * 0.94, BRUSHED, seg=10)
    k.ring("hook", 0, 0, min(x, y) * 0.08, min(x, y) * 0.08, br * 2, h * 0.94, h, BRUSHED, n=8)
    k.tube("perch", (-x * 0.9, 0, tz + (ch - tz) * 0.35), (x * 0.9, 0, tz + (ch - tz) * 0.35), br * 2.5, OAK, seg=8)
    r0x, r0y = x * 0.95 * 0.6, y * 0.95 * 0.6
    k.surface(tz, -r0x, -r0y, r0x, r0y, clearance=(ch - tz) * 0.3, inside=True)
    k.finish()


@generator("fish tank")
def fish_tank(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass tank between a base frame and a lid, with gravel, rocks and water plants."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    fb = _clamp(h * 0.06, 0.015, 0.04)
    t = _clamp(min(x, y) * 0.03, 0.004, 0.012)
    k.box("base", (-x, -y, 0), (x, y, fb), BLACK)
    k.walls("glass", x * 0.995, y * 0.995, t, fb, h - fb, GLASS)
    k.box("lid", (-x, -y, h - fb), (x, y, h), BLACK)
    k.box("gravel", (-x + t, -y + t, fb), (x - t, y - t, fb + (h - 2 * fb) * 0.1), k.pick((WHITE, OAK, BLACK)))
    k.box("water", (-x + t, -y + t, fb + (h - 2 * fb) * 0.1), (x - t, y - t, h - fb * 1.5), GLASS)
    gz = fb + (h - 2 * fb) * 0.1
    for _i in range(k.rng.randint(1, 3)):
        k.ball("rock", (k.u(-0.6, 0.6) * x, k.u(-0.4, 0.4) * y, gz), (x * 0.12, y * 0.3, (h - 2 * fb) * 0.12), rings=4)
    for _i in range(k.rng.randint(2, 4)):
        px, py = k.u(-0.8, 0.8) * x, k.u(-0.5, 0.5) * y
        k.prism("plant", [(px - x * 0.04, py), (px, py - y * 0.05), (px + x * 0.04, py), (px, py + y * 0.05)], gz,
                gz + (h - 2 * fb) * k.u(0.3, 0.7))
    k.finish()


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


@generator("ladder")
def ladder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A step ladder (front rails with treads, rear legs, a top cap and spreaders), or a straight ladder with
    rungs when the box is shallow."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rw = _clamp(x * 0.06, 0.02, 0.04)
    if y < 0.12 * h:
        for sx in (-1, 1):
            k.box("rail", (min(sx * x, sx * (x - rw)), -y, 0), (max(sx * x, sx * (x - rw)), y, h))
        n = max(3, int(h / 0.28))
        for i in range(n):
            z = h * (i + 0.7) / (n + 0.2)
            k.tube("rung", (-x + rw, 0, z), (x - rw, 0, z), min(y * 0.6, 0.016), BRUSHED, seg=8)
        k.finish()
        return
    top_y = -y * 0.15
    for sx in (-1, 1):
        k.strut("rail", (sx * (x - rw), y - rw, 0.0), (sx * (x - rw) * 0.85, top_y + rw, h * 0.96), rw, square=True)
        k.strut("leg", (sx * (x - rw), -y + rw, 0.0), (sx * (x - rw) * 0.85, top_y - rw * 2, h * 0.96), rw, square=True)
    n = max(2, int(h / 0.27))
    for i in range(n):
        f = (i + 0.8) / (n + 0.6)
        z = h * 0.96 * f
        yy = (y - rw) + (top_y + rw - (y - rw)) * f
        xx = (x - rw) + ((x - rw) * 0.85 - (x - rw)) * f
        k.box("step", (-xx, yy - min(0.1, y * 0.25), z - 0.015), (xx, yy + min(0.04, y * 0.1), z + 0.015), BRUSHED)
    k.box("cap", (-x * 0.9, top_y - rw * 3, h * 0.94), (x * 0.9, top_y + rw * 1.6, h), BLACK)
    for sx in (-1, 1):
        k.box("spreader", (sx * (x - rw) * 0.93 - 0.006, -y * 0.55, h * 0.4), (sx * (x - rw) * 0.93 + 0.006, y * 0.45,
                                                                               h * 0.42), STEEL)
    k.finish()


@generator("hand truck")
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


@generator("shopping cart")
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


@generator("cash register")
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


@generator("sewing machine")
def sewing_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a pillar at +X, an arm across the top, a head at -X with needle and presser foot, a handwheel on
    the right side and a spool pin on top."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x * 0.95, -y, 0), (x * 0.95, y, h * 0.22))
    k.box("bed_plate", (-x * 0.9, -y * 0.5, h * 0.22), (-x * 0.4, y * 0.5, h * 0.23), CHROME)
    k.box("pillar", (x * 0.35, -y * 0.6, h * 0.2), (x * 0.85, y * 0.6, h * 0.8))
    k.box("arm", (-x * 0.8, -y * 0.5, h * 0.62), (x * 0.85, y * 0.5, h * 0.9))
    k.box("head", (-x * 0.92, -y * 0.55, h * 0.45), (-x * 0.55, y * 0.55, h * 0.92))
    k.cyl("needle_bar", -x * 0.75, y * 0.2, 0.004, h * 0.3, h * 0.46, CHROME, seg=6)
    k.box("presser_foot", (-x * 0.8, y * 0.1, h * 0.23), (-x * 0.7, y * 0.32, h * 0.26), CHROME)
    k.disc("handwheel", (x * 0.91, 0, h * 0.7), min(y * 0.8, h * 0.18), x * 0.18, "x", seg=16)
    k.box("panel", (x * 0.4, y * 0.6, h * 0.35), (x * 0.8, y * 0.62, h * 0.7), WHITE)
    k.cyl("spool_pin", x * 0.3, 0, 0.003, h * 0.9, h, CHROME, seg=6)
    k.cyl("spool", x * 0.3, 0, min(y * 0.2, 0.02), h * 0.9, h * 0.97, k.pick((WHITE, PAINT_BLACK, FABRIC)), seg=10)
    k.finish()


@generator("lawn mower")
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


@generator("beer tap")
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


@generator("wine rack")
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


@generator("pallet")
def pallet(w: AssetWriter, size: Size, cat: Category) -> None:
    """Top deck boards on three stringer boards over nine blocks, and three bottom boards; the top is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bt = h * 0.16
    n = k.pick((5, 7, 7, 9))
    bw = 2 * x / n * 0.7
    for i in range(n):
        cx = -x + bw / 2 + i * (2 * x - bw) / (n - 1)
        k.box("deck", (cx - bw / 2, -y, h - bt), (cx + bw / 2, y, h))
    sw = min(2 * y * 0.1, 0.1)
    for sy in (-1, 0, 1):
        cy = sy * (y - sw / 2)
        k.box("stringer", (-x, cy - sw / 2, h - 2 * bt), (x, cy + sw / 2, h - bt))
        k.box("bottom", (-x, cy - sw / 2, 0), (x, cy + sw / 2, bt))
        for sx in (-1, 0, 1):
            cx = sx * (x - sw * 0.75)
            k.box("block", (cx - sw * 0.75, cy - sw / 2, bt), (cx + sw * 0.75, cy + sw / 2, h - 2 * bt))
    k.surface(h, -x, -y, x, y)
    k.finish()


@generator("server rack")
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


# ====================================================================== art and clocks


@generator("sculpture", "figurine")
def sculpture(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plinth (for big pieces) or a small base carrying an abstract stack, a twisted column or a bust."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    small = h < 0.45
    bh = h * (0.08 if small else k.u(0.25, 0.4))
    k.box("plinth", (-x, -y, 0), (x, y, bh), k.pick((PAINT_WHITE, PAINT_BLACK, OAK, None)))
    style = "bust" if cat.name == "bust" else k.pick(("stack", "twist", "bust", "figure"))
    top = h - bh
    if style == "stack":
        z = bh
        n = k.rng.randint(3, 5)
        for _ in range(n):
            rz = top / n * 0.6
            k.ball("form", (k.u(-0.2, 0.2) * x, k.u(-0.2, 0.2) * y, z + rz), (x * k.u(0.5, 0.9), y * k.u(0.5, 0.9), rz), rings=5)
            z += 2 * rz * 0.83
        k.ball("form", (0, 0, h - top * 0.1), (x * 0.3, y * 0.3, top * 0.1), rings=5)
    elif style == "twist":
        n = 8
        for i in range(n):
            seg = k.box("twist", (-x * 0.55, -y * 0.25, bh + top * i / n), (x * 0.55, y * 0.25, bh + top * (i + 1) / n + 0.002))
            k.tilt(seg, "z", 22.5 * i, (0, 0, 0))
    elif style == "bust":
        k.ball("shoulders", (0, 0, bh + top * 0.2), (x * 0.95, y * 0.6, top * 0.2), rings=5)
        k.cyl("neck", 0, 0, (x * 0.18, y * 0.2), bh + top * 0.3, bh + top * 0.62, seg=10)
        k.ball("head", (0, y * 0.05, bh + top * 0.78), (x * 0.32, y * 0.4, top * 0.22), rings=5)
        k.ball("nose", (0, y * 0.45, bh + top * 0.74), (x * 0.05, y * 0.06, top * 0.04), rings=4, seg=6)
    else:  # a standing figure
        k.cyl("legs", 0, 0, (x * 0.3, y * 0.3), bh, bh + top * 0.45, seg=10)
        k.ball("body", (0, 0, bh + top * 0.6), (x * 0.55, y * 0.45, top * 0.22), rings=5)
        k.ball("head", (0, 0, h - top * 0.1), (x * 0.25, y * 0.25, top * 0.1), rings=5)
        for sx in (-1, 1):
            k.tube("arm", (sx * x * 0.45, 0, bh + top * 0.75), (sx * x * 0.9, y * 0.3, bh + top * 0.45), min(x, y) * 0.1, seg=8)
    k.finish()


@generator("grandfather clock")
def grandfather_clock(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plinth, a trunk with a glazed door and pendulum, a hood with a round dial and a pediment with finials."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("plinth", (-x, -y, 0), (x, y, h * 0.22))
    k.box("trunk", (-x * 0.78, -y * 0.85, h * 0.22), (x * 0.78, y * 0.8, h * 0.68))
    k.box("door", (-x * 0.55, y * 0.8, h * 0.27), (x * 0.55, y * 0.84, h * 0.64), GLASS)
    k.cyl("rod", 0, y * 0.76, 0.004, h * 0.38, h * 0.66, BRUSHED, seg=6)
    k.disc("bob", (0, y * 0.78, h * 0.36), x * 0.22, 0.01, "y", BRUSHED, seg=14)
    k.box("waist", (-x * 0.9, -y * 0.92, h * 0.66), (x * 0.9, y * 0.9, h * 0.7))
    k.box("hood", (-x * 0.92, -y * 0.9, h * 0.7), (x * 0.92, y * 0.88, h * 0.9))
    k.disc("dial", (0, y * 0.9, h * 0.8), (x * 0.6, h * 0.085), 0.01, "y", PAINT_WHITE, seg=20)
    for sgn, hl in ((1, 0.55), (-1, 0.4)):
        k.box("hand", (0 if sgn > 0 else -x * 0.02, y * 0.92, h * 0.795), (x * hl * 0.6 if sgn > 0 else x * 0.02,
                                                                           y * 0.94, h * 0.805 if sgn > 0 else h * 0.86),
              PAINT_BLACK)
    k.box("cornice", (-x, -y, h * 0.9), (x, y, h * 0.93))
    ped = k.w.prism(k._name("pediment"), [(-x * 0.95, 0.0), (x * 0.95, 0.0), (0.0, h * 0.05)], -y * 0.95, y * 0.95)
    k._place(ped, [[1.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]], (0.0, 0.0, h * 0.93))
    for sx in (-1, 0, 1):
        k.ball("finial", (sx * x * 0.8, 0, h * 0.985 if sx else h * 0.975), (x * 0.06, x * 0.06, h * 0.015 if sx else h * 0.025),
               BRUSHED, rings=4, seg=6)
    k.finish()
