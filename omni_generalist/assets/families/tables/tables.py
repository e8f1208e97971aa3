"""Tables family: the table generator.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import METALS, WOODS, _bottom_up, _clamp, _corners, _ellipse, _kind, _legs
from ...toolkit import AssetWriter


def _chamfer_rect(x: float, y: float, c: float) -> list[tuple[float, float]]:
    """A counter-clockwise rectangle ``[-x, x] × [-y, y]`` with its corners cut by ``c``."""
    return [(-x + c, -y), (x - c, -y), (x, -y + c), (x, y - c), (x - c, y), (-x + c, y), (-x, y - c), (-x, -y + c)]


# ---------------------------------------------------------------------------- tables
TABLE_KINDS = ("coffee table", "side table", "end table", "dining table", "kitchen table", "conference table",
               "round table", "display table", "console table")


@generator("table")
@_bottom_up
def table(w: AssetWriter, size: Size, cat: Category) -> None:
    """A table: a rectangular, chamfered, oval or round top (sometimes glass) on legs, a trestle,
    end panels or pedestals, with optional aprons and a lower shelf; the top is a support surface."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    kind = _kind(cat, TABLE_KINDS, "table")
    tt = _clamp(0.018, 0.05, 0.045 * H) * rng.uniform(0.85, 1.15)
    # the top's shape
    if kind == "round table":
        shape = "round"
    elif kind in ("coffee table", "side table", "end table", "kitchen table"):
        shape = rng.choice(("rect", "rect", "chamfer", "round"))
    elif kind in ("dining table", "table"):
        shape = rng.choice(("rect", "rect", "chamfer", "round")) if W / D < 1.4 else rng.choice(("rect", "chamfer"))
    else:
        shape = rng.choice(("rect", "chamfer")) if kind != "display table" else "rect"
    glass = kind in ("coffee table", "side table", "end table", "dining table", "console table") and rng.random() < 0.25
    top_mat = "glass" if glass else (rng.choice(WOODS) if rng.random() < 0.2 else None)
    c = min(0.25 * min(W, D), rng.uniform(0.03, 0.12))
    if shape == "round":
        w.prism("top", _ellipse(0.0, 0.0, x, y, 24), H - tt, H, material=top_mat)
        w.surface(H, -x * 0.7, -y * 0.7, x * 0.7, y * 0.7, 1.0)
    elif shape == "chamfer":
        w.prism("top", _chamfer_rect(x, y, c), H - tt, H, material=top_mat)
        w.surface(H, -x + c, -y, x - c, y, 1.0)
    else:
        w.box("top", (-x, -y, H - tt), (x, y, H), material=top_mat)
        w.surface(H, -x, -y, x, y, 1.0)
    if glass:
        w.box("top_frame", (-x * 0.6 if shape == "round" else -x + c, -0.03 * D, H - tt - 0.02),
              (x * 0.6 if shape == "round" else x - c, 0.03 * D, H - tt), material=rng.choice(METALS))
    # the support
    if shape == "round":
        support = rng.choice(("pedestal", "legs")) if kind != "round table" else "pedestal"
    elif kind == "conference table":
        support = rng.choice(("pedestals", "panels", "legs"))
    elif kind == "display table":
        support = rng.choice(("skirted", "legs"))
    elif kind in ("dining table", "table", "kitchen table"):
        support = rng.choice(("legs", "legs", "trestle", "panels"))
    else:
        support = rng.choice(("legs", "legs", "panels"))
    metal = glass or rng.random() < 0.25
    leg_mat = rng.choice(METALS) if metal else (None if rng.random() < 0.7 else rng.choice(WOODS))
    lt = _clamp(0.03, 0.08, 0.06 * min(W, D)) * (0.6 if metal else 1.0) * rng.uniform(0.85, 1.15)
    lr = lt / 2
    z1 = H - tt
    apron_h = _clamp(0.04, 0.1, 0.12 * H)
    shelf = kind in ("coffee table", "side table", "end table", "console table", "display table") and rng.random() < 0.5
    if support == "pedestal":
        pr = _clamp(0.035, 0.12, 0.1 * min(W, D))
        foot = rng.choice(("disc", "cross"))
        if foot == "disc":
            w.prism("foot", _ellipse(0.0, 0.0, 0.55 * x, 0.55 * y, 20), 0.0, _clamp(0.02, 0.05, 0.05 * H), material=leg_mat)
        else:
            ft = _clamp(0.03, 0.06, 0.08 * H)
            w.box("foot_x", (-0.6 * x, -pr * 0.6, 0.0), (0.6 * x, pr * 0.6, ft), material=leg_mat)
            w.box("foot_y", (-pr * 0.6, -0.6 * y, 0.0), (pr * 0.6, 0.6 * y, ft), material=leg_mat)
        w.frustum("column", (0.0, 0.0), pr, pr * rng.uniform(0.6, 1.0), 0.0, z1 + 0.002, 12, material=leg_mat)
        w.cylinder("column_cap", (0.0, 0.0), pr * 1.8, z1 - 0.03, z1 + 0.002, 12, material=leg_mat)
        shelf = False
    elif support == "pedestals":
        n = 2 if W < 3.5 else 3
        pw = _clamp(0.1, 0.35, 0.2 * D)
        for i in range(n):
            cx = -x * 0.6 + 1.2 * x * i / (n - 1)
            w.box(f"pedestal_{i}", (cx - pw / 2, -pw / 2, 0.03), (cx + pw / 2, pw / 2, z1 + 0.002), material=leg_mat)
            w.box(f"pedestal_foot_{i}", (cx - pw * 0.7, -0.7 * y, 0.0), (cx + pw * 0.7, 0.7 * y, 0.03), material=leg_mat)
    elif support == "trestle":
        pt = _clamp(0.04, 0.1, 0.08 * min(W, D))
        ft = _clamp(0.04, 0.08, 0.08 * H)
        px = x - _clamp(0.05, 0.3, 0.12 * W)
        for i, sx in enumerate((-1, 1)):
            cx = sx * px
            w.box(f"trestle_post_{i}", (cx - pt / 2, -pt, ft), (cx + pt / 2, pt, z1 - ft + 0.002), material=leg_mat)
            w.box(f"trestle_foot_{i}", (cx - pt / 2, -0.8 * y, 0.0), (cx + pt / 2, 0.8 * y, ft), material=leg_mat)
            w.box(f"trestle_cleat_{i}", (cx - pt / 2, -0.8 * y, z1 - ft), (cx + pt / 2, 0.8 * y, z1 + 0.002), material=leg_mat)
        sz = H * rng.uniform(0.3, 0.45)
        w.box("stretcher", (-px, -pt * 0.4, sz), (px, pt * 0.4, sz + pt * 0.8), material=leg_mat)
    elif support == "panels":
        pt = _clamp(0.02, 0.06, 0.04 * min(W, D) + tt * 0.3)
        inset = 0.0 if rng.random() < 0.5 else _clamp(0.0, 0.15, 0.05 * W)
        pd = y if shape == "rect" else (y - c if shape == "chamfer" else 0.65 * y)
        px = x - inset if shape == "rect" else (x - c - inset if shape == "chamfer" else 0.65 * x)
        for i, sx in enumerate((-1, 1)):
            x0, x1 = (sx * px, sx * px + pt) if sx < 0 else (sx * px - pt, sx * px)
            w.box(f"panel_{i}", (x0, -pd, 0.0), (x1, pd, z1 + 0.002), material=leg_mat)
        if kind == "conference table" or rng.random() < 0.4:
            w.box("modesty", (-px + pt, -pt * 0.4, z1 - 0.35 * z1), (px - pt, pt * 0.4, z1), material=leg_mat)
    elif support == "skirted":
        sk = 0.006
        gz = _clamp(0.005, 0.03, 0.02 * H)
        w.box("skirt_f", (-x, y - sk, gz), (x, y, z1), material="fabric")
        w.box("skirt_b", (-x, -y, gz), (x, -y + sk, z1), material="fabric")
        w.box("skirt_l", (-x, -y + sk, gz), (-x + sk, y - sk, z1), material="fabric")
        w.box("skirt_r", (x - sk, -y + sk, gz), (x, y - sk, z1), material="fabric")
        _legs(w, "leg", _corners(x - 0.03, y - 0.03, lr), lr, 0.0, z1, "square", leg_mat)
        shelf = False
    else:  # legs
        style = rng.choice(("square", "round", "tapered")) if not metal else rng.choice(("square", "round"))
        if shape == "round":
            k = 0.62
            centers = [(k * x * math.cos(a), k * y * math.sin(a)) for a in (math.pi / 4 + i * math.pi / 2 for i in range(4))]
        else:
            inset = 0.0
            if shape == "chamfer" or rng.random() < 0.5:
                inset = (c * 0.6 if shape == "chamfer" else 0.0) + _clamp(0.0, 0.08, 0.04 * min(W, D))
            centers = _corners(x - inset, y - inset, lr)
            if W > 2.4:
                centers += [(0.0, -y + inset + lr), (0.0, y - inset - lr)]
        _legs(w, "leg", centers, lr, 0.0, z1 + 0.002, style, leg_mat)
        if shape != "round" and not glass and rng.random() < 0.6:  # aprons between the legs
            (bx0, by0), (bx1, _), (_, by1) = centers[0], centers[1], centers[2]
            at = lr * 0.6
            w.box("apron_f", (bx0 + lr, by1 - at, z1 - apron_h), (bx1 - lr, by1 + at, z1), material=leg_mat)
            w.box("apron_b", (bx0 + lr, by0 - at, z1 - apron_h), (bx1 - lr, by0 + at, z1), material=leg_mat)
            w.box("apron_l", (bx0 - at, by0 + lr, z1 - apron_h), (bx0 + at, by1 - lr, z1), material=leg_mat)
            w.box("apron_r", (bx1 - at, by0 + lr, z1 - apron_h), (bx1 + at, by1 - lr, z1), material=leg_mat)
            z1 -= apron_h
        if shelf:
            bx, by = abs(centers[0][0]) + lr, abs(centers[0][1]) + lr
            sh = H * rng.uniform(0.12, 0.25)
            sbt = _clamp(0.012, 0.03, 0.6 * tt)
            if z1 - sh - sbt > 0.12:
                w.box("shelf", (-bx, -by, sh), (bx, by, sh + sbt), material="glass" if glass else None)
                w.surface(sh + sbt, -bx + lt, -by + lt, bx - lt, by - lt, z1 - sh - sbt)
