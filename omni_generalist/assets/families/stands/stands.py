"""Stands family: the music stand, easel, clothing rack, coat rack generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import _bar, _bottom_up, _clamp, _ellipse
from ...toolkit import AssetWriter


def _radial_leg(w: AssetWriter, name: str, c: tuple[float, float], tip: tuple[float, float], t: float,
                z0: float, z1: float, material: str | None = None, foot: str | None = None) -> None:
    """A flat bar from ``c`` to ``tip`` with a round foot there (the foot reaches ``t / 2`` past it)."""
    w.prism(name, _bar(c[0], c[1], tip[0], tip[1], t), z0, z1, material=material)
    w.cylinder(f"{name}_foot", tip, t / 2, 0.0, z1, 12, material=foot or material)


# ---------------------------------------------------------------------------- stands and racks
@generator("music_stand")
@_bottom_up
def music_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A music stand: tripod base, column and a desk (solid plate or wire rods) with a ledge."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    metal = rng.choice(("painted black", "chrome", "brushed metal"))
    lt = _clamp(0.012, 0.025, 0.04 * min(W, D))
    legz = _clamp(0.012, 0.025, 0.03 * H)
    cy = -0.1 * D
    tips = [(0.0, -y + lt / 2), (-0.8 * x, y - lt / 2), (0.8 * x, y - lt / 2)]
    for i, tip in enumerate(tips):
        _radial_leg(w, f"leg_{i}", (0.0, cy), tip, lt, 0.0, legz, metal, "rubber")
    desk_h = _clamp(0.18, 0.4, 0.3 * H) * rng.uniform(0.85, 1.0)
    dt = _clamp(0.004, 0.01, 0.02 * D)
    yd = cy + lt + 0.01
    w.cylinder("collar", (0.0, cy), lt * 1.2, 0.0, _clamp(0.05, 0.2, 0.12 * H), 12, material=metal)
    w.cylinder("column", (0.0, cy), lt * 0.6, 0.0, H - desk_h * 0.6, 12, material=metal)
    w.box("desk_bracket", (-0.02, cy - 0.005, H - desk_h * 0.7), (0.02, yd, H - desk_h * 0.55), material=metal)
    ld = _clamp(0.03, 0.06, 0.12 * D)
    if rng.random() < 0.55:
        w.box("desk", (-x, yd, H - desk_h), (x, yd + dt, H), material=metal)
    else:  # wire rods between two bars
        w.box("desk_top_bar", (-x, yd, H - 0.015), (x, yd + dt, H), material=metal)
        w.box("desk_mid_bar", (-x, yd, H - desk_h * 0.55), (x, yd + dt, H - desk_h * 0.55 + 0.012), material=metal)
        n = rng.randint(5, 8)
        for i in range(n):
            cx = -x + 0.01 + (2 * x - 0.02) * i / (n - 1)
            w.box(f"rod_{i}", (cx - 0.004, yd, H - desk_h), (cx + 0.004, yd + dt, H), material=metal)
    w.box("ledge", (-x, yd, H - desk_h), (x, yd + ld, H - desk_h + 0.01), material=metal)
    w.box("ledge_lip", (-x, yd + ld - 0.006, H - desk_h), (x, yd + ld, H - desk_h + 0.03), material=metal)


@generator("easel")
@_bottom_up
def easel(w: AssetWriter, size: Size, cat: Category) -> None:
    """An easel: two front legs and a rear leg leaning in (stepped boxes), a mast, a canvas tray,
    a top clamp and sometimes a canvas."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    lt = _clamp(0.018, 0.04, 0.04 * W)
    seg = 4
    ym = y - 0.35 * D
    leg_top = H * rng.uniform(0.82, 0.9)

    def leaning(name: str, bottom: tuple[float, float], top: tuple[float, float], z_top: float) -> None:
        for i in range(seg):
            f = i / (seg - 1)  # the foot stands on the box's edge, the last step at the top point
            cx = bottom[0] + (top[0] - bottom[0]) * f
            cyy = bottom[1] + (top[1] - bottom[1]) * f
            z0, z1 = z_top * i / seg, z_top * (i + 1) / seg
            w.box(f"{name}_{i}", (cx - lt / 2, cyy - lt / 2, max(0.0, z0 - 0.01)), (cx + lt / 2, cyy + lt / 2, z1))

    for i, sx in enumerate((-1, 1)):
        leaning(f"front_leg_{i}", (sx * (x - lt / 2), y - lt / 2), (sx * lt * 1.2, ym), leg_top)
    leaning("rear_leg", (0.0, -y + lt / 2), (0.0, ym - lt), 0.7 * H)
    w.box("mast", (-lt / 2, ym - lt / 2, 0.35 * H), (lt / 2, ym + lt / 2, H))
    tz = H * rng.uniform(0.3, 0.4)
    tray_y0 = ym + lt / 2
    td = _clamp(0.04, 0.08, 0.15 * D)
    w.box("tray", (-x * 0.85, tray_y0, tz), (x * 0.85, min(y, tray_y0 + td), tz + 0.02))
    w.box("tray_lip", (-x * 0.85, min(y, tray_y0 + td) - 0.01, tz + 0.02), (x * 0.85, min(y, tray_y0 + td), tz + 0.04))
    w.box("crossbar", (-x * 0.6, ym - lt / 2, 0.2 * H), (x * 0.6, ym + lt / 2, 0.2 * H + lt))
    w.box("clamp", (-0.05, ym - lt / 2, H * 0.93 - 0.04), (0.05, ym + lt * 1.5, H * 0.93))
    if rng.random() < 0.6:
        cw = min(W * 0.9, rng.uniform(0.4, 0.8) * W)
        ch = min(H * 0.93 - tz - 0.04, cw * rng.uniform(0.7, 1.3))
        w.box("canvas", (-cw / 2, tray_y0 + 0.005, tz + 0.02), (cw / 2, tray_y0 + 0.03, tz + 0.02 + ch),
              material=rng.choice(("fabric", "painted white")))


@generator("clothing_rack")
@_bottom_up
def clothing_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A clothing rack: two uprights on feet (or casters), a top rail, a lower rail or shelf and a
    few hanging garments."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    metal = rng.choice(("chrome", "brushed metal", "painted black", "steel"))
    tt = _clamp(0.018, 0.035, 0.025 * W)
    casters = rng.random() < 0.4
    cr = _clamp(0.02, 0.04, 0.03 * H)
    fz0 = 2 * cr if casters else 0.0
    fh = _clamp(0.02, 0.04, 0.03 * H)
    for i, sx in enumerate((-1, 1)):
        cx = sx * (x - tt / 2)
        w.box(f"foot_{i}", (cx - tt / 2, -y + (cr if casters else 0.0), fz0), (cx + tt / 2, y - (cr if casters else 0.0), fz0 + fh),
              material=metal)
        w.box(f"upright_{i}", (cx - tt / 2, -tt / 2, fz0 + fh), (cx + tt / 2, tt / 2, H), material=metal)
        if casters:
            for k, sy in enumerate((-1, 1)):
                w.sphere(f"caster_{i}_{k}", (sx * (x - max(cr, tt / 2)), sy * (y - cr), cr), cr, 6, 8,
                         material="black plastic")
    w.box("top_rail", (-x + tt, -tt / 2, H - tt), (x - tt, tt / 2, H), material=metal)
    if rng.random() < 0.5:
        sz = fz0 + fh + _clamp(0.05, 0.25, 0.1 * H)
        w.box("shelf", (-x + tt, -y * 0.8, sz), (x - tt, y * 0.8, sz + 0.02), material=rng.choice((metal, "oak wood")))
    else:
        w.box("low_rail", (-x + tt, -tt / 2, fz0 + fh), (x - tt, tt / 2, fz0 + fh + tt), material=metal)
    n = rng.randint(0, 6)
    if n:
        span = 2 * (x - tt) - 0.1
        gd = min(0.45, 0.9 * D) / 2
        for i in range(n):
            gx = -x + tt + 0.05 + span * (i + 0.5) / n
            gt = min(0.06, span / n * 0.6)
            gl = (H - tt - 0.08 - fz0 - fh - 0.3) * rng.uniform(0.4, 0.9)
            if gl < 0.1:
                continue
            w.box(f"hanger_{i}", (gx - 0.004, -gd * 0.9, H - tt - 0.06), (gx + 0.004, gd * 0.9, H - tt - 0.04),
                  material=rng.choice(("black plastic", "oak wood", "chrome")))
            w.box(f"garment_{i}", (gx - gt / 2, -gd, H - tt - 0.06 - gl), (gx + gt / 2, gd, H - tt - 0.05), material="fabric")


@generator("coat_rack")
@_bottom_up
def coat_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A coat rack: a standing tree (base, pole, hooks, knob) or, for a wide and short size, a wall
    board with a row of hooks."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    mat = rng.choice((None, "chrome", "brushed metal", "painted black"))
    if H < 0.7 and W > H:
        bt = _clamp(0.012, 0.025, 0.3 * D)
        w.box("board", (-x, -y, 0.0), (x, -y + bt, H))
        n = max(3, min(10, round(W / rng.uniform(0.12, 0.2))))
        hz = H * rng.uniform(0.3, 0.5)
        hook = min(0.012, 0.2 * H)
        double = rng.random() < 0.4
        for i in range(n):
            cx = -x + W * (i + 0.5) / n
            w.box(f"hook_{i}", (cx - 0.006, -y + bt, hz - hook), (cx + 0.006, y, hz), material=mat or "chrome")
            w.box(f"hook_tip_{i}", (cx - 0.006, y - hook, hz), (cx + 0.006, y, min(H, hz + 0.035)), material=mat or "chrome")
            if double:
                w.box(f"hook_upper_{i}", (cx - 0.006, -y + bt, min(H, hz + 0.05)), (cx + 0.006, -y + bt + 0.5 * (D - bt),
                      min(H, hz + 0.05) + hook * 0.01 + 0.008), material=mat or "chrome")
        if rng.random() < 0.5:
            w.box("rail", (-x, -y + bt, H * 0.8), (x, -y + bt + min(0.015, 0.3 * D), H * 0.95))
        return
    base = rng.choice(("disc", "cross"))
    pr = _clamp(0.012, 0.03, 0.05 * min(W, D))
    if base == "disc":
        w.prism("base", _ellipse(0.0, 0.0, x, y, 20), 0.0, _clamp(0.02, 0.05, 0.03 * H), material=mat)
    else:
        ft = _clamp(0.02, 0.05, 0.03 * H)
        w.box("foot_x", (-x, -pr, 0.0), (x, pr, ft), material=mat)
        w.box("foot_y", (-pr, -y, 0.0), (pr, y, ft), material=mat)
    kr = min(0.04, 1.5 * pr)
    w.cylinder("pole", (0.0, 0.0), pr, 0.0, H - kr, 12, material=mat)
    w.sphere("knob", (0.0, 0.0, H - kr), kr, 6, 8, material=mat)
    levels = rng.choice((1, 2))
    n = rng.choice((3, 4, 6))
    hl = min(x, y) * rng.uniform(0.45, 0.8)
    for lv in range(levels):
        hz = H * (0.9 - 0.12 * lv)
        for k in range(n):
            a = 2 * math.pi * (k + 0.5 * lv) / n
            tx, ty = hl * math.cos(a), hl * math.sin(a)
            w.prism(f"hook_{lv}_{k}", _bar(0.0, 0.0, tx, ty, 0.014), hz - 0.012, hz, material=mat or "chrome")
            w.cylinder(f"hook_tip_{lv}_{k}", (tx, ty), 0.01, hz - 0.012, hz + 0.03, 8, material=mat or "chrome")
