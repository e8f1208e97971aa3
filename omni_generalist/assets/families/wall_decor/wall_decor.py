"""Wall decor family: the painting, whiteboard generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import (
    BLACK,
    BRUSHED,
    CHROME,
    FABRIC,
    GLASS,
    OAK,
    PAINT_BLACK,
    PAINT_WHITE,
    PAPER,
    WHITE,
    Kit,
    _clamp,
)
from ...toolkit import AssetWriter

# ====================================================================== wall panels


@generator("painting")
def painting(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall panel facing +Y: a (stepped) frame around a canvas, print or mirror glass, with an optional mat.

    A picture frame deep enough to stand on a desk gets a back strut instead.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    name = cat.variant
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
    frameless = tapestry
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


@generator("whiteboard")
def whiteboard(w: AssetWriter, size: Size, cat: Category) -> None:
    """A board in a frame with a pen tray along its bottom (a projector screen: a case, a sheet and a bar)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
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
