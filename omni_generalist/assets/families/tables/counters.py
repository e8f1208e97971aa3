"""Tables family: the counter, workbench generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import WOODS, _bottom_up, _clamp, _corners, _fronts, _kind, _legs
from ...toolkit import AssetWriter

# ---------------------------------------------------------------------------- counters
COUNTER_KINDS = ("kitchen counter", "checkout counter", "bar counter", "service counter", "kitchen island", "counter")


@generator("counter")
@_bottom_up
def counter(w: AssetWriter, size: Size, cat: Category) -> None:
    """A counter: a closed cabinet body on a recessed toe kick under an overhanging top (kitchen
    counters and islands show door and drawer fronts; checkout counters a belt; bar counters a
    foot rail)."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    kind = _kind(cat, COUNTER_KINDS, "counter")
    tt = _clamp(0.02, 0.05, 0.04 * H) * rng.uniform(0.85, 1.15)
    kick_h = _clamp(0.05, 0.12, 0.1 * H)
    kick_d = _clamp(0.03, 0.08, 0.08 * D)
    if kind in ("kitchen island",):
        ov_back, ov_front, ov_side = _clamp(0.03, 0.3, 0.25 * D) * rng.uniform(0.5, 1.0), _clamp(0.01, 0.03, 0.03 * D), 0.02
    elif kind in ("bar counter",):
        ov_back, ov_front, ov_side = 0.0, _clamp(0.05, 0.25, 0.2 * D) * rng.uniform(0.7, 1.0), 0.0
    else:
        ov_back, ov_front, ov_side = 0.0, _clamp(0.01, 0.04, 0.04 * D), 0.0
    ov_side = min(ov_side, 0.05 * W)
    doors = kind in ("kitchen counter", "kitchen island", "counter", "service counter") and rng.random() < 0.85
    pf, hd = (0.018, 0.02) if doors else (0.0, 0.0)
    bx0, bx1 = -x + ov_side, x - ov_side
    by0, by1 = -y + ov_back, y - ov_front - pf - hd
    front_mat = None
    if kind in ("service counter", "bar counter", "checkout counter"):
        front_mat = rng.choice((None, *WOODS, "painted black", "painted white", "brushed metal"))
    if kind == "checkout counter":  # the cashier's side (back) is open under the top: room for the knees
        by0 = -y + D * rng.uniform(0.3, 0.4)
        for i, sx in enumerate((bx0, bx1 - 0.03)):
            w.box(f"back_post_{i}", (sx, -y, 0.0), (sx + 0.03, by0, H - tt), material="brushed metal")
    w.box("body", (bx0, by0, kick_h), (bx1, by1, H - tt))
    w.box("toe_kick", (bx0, by0 + (kick_d if kind in ("kitchen island",) else 0.0), 0.0),
          (bx1, by1 - kick_d, kick_h + 0.002), material="black plastic" if rng.random() < 0.5 else None)
    if doors:
        n = max(1, min(5, round((bx1 - bx0) / rng.uniform(0.45, 0.65))))
        _fronts(w, "front", bx0, bx1, kick_h, H - tt - 0.003, by1, pf, hd, n, handle=rng.choice(("chrome", "brushed metal", "painted black")))
    elif front_mat:
        w.box("front_panel", (bx0, by1, kick_h), (bx1, by1 + 0.012, H - tt - 0.003), material=front_mat)
    top_mat = rng.choice((None, "walnut wood", "oak wood", "painted white", "painted black"))
    if kind == "checkout counter":
        bw = (bx1 - bx0) * rng.uniform(0.4, 0.6)
        belt_left = rng.random() < 0.5
        xb = -x + bw if belt_left else x - bw
        bx_lo, bx_hi = (-x, xb) if belt_left else (xb, x)
        tx_lo, tx_hi = (xb, x) if belt_left else (-x, xb)
        w.box("top", (tx_lo, -y, H - tt), (tx_hi, y, H), material=top_mat)
        w.box("belt", (bx_lo, -y + 0.05 * D, H - tt * 0.8), (bx_hi, y - 0.05 * D, H), material="rubber")
        w.box("belt_frame", (bx_lo, -y, H - tt), (bx_hi, y, H - tt * 0.8), material="brushed metal")
        w.box("belt_rail_b", (bx_lo, -y, H - tt * 0.8), (bx_hi, -y + 0.05 * D, H), material="brushed metal")
        w.box("belt_rail_f", (bx_lo, y - 0.05 * D, H - tt * 0.8), (bx_hi, y, H), material="brushed metal")
    else:
        w.box("top", (-x, -y, H - tt), (x, y, H), material=top_mat)
    w.surface(H, -x, -y, x, y, 1.0)
    if kind in ("bar counter",) and ov_front > 0.06:
        rz = _clamp(0.1, 0.25, 0.2 * H)
        rd = min(0.04, 0.5 * ov_front)
        w.box("foot_rail", (bx0 + 0.05 * W, by1 + ov_front - rd - 0.01, rz), (bx1 - 0.05 * W, by1 + ov_front - 0.01, rz + 0.035),
              material=rng.choice(("chrome", "brushed metal")))
        for i, sx in enumerate((-0.4, 0.4)):
            w.box(f"foot_rail_bracket_{i}", (sx * W - 0.01, by1, rz), (sx * W + 0.01, by1 + ov_front - rd - 0.01, rz + 0.02),
                  material="brushed metal")


# ---------------------------------------------------------------------------- workbenches
@generator("workbench")
@_bottom_up
def workbench(w: AssetWriter, size: Size, cat: Category) -> None:
    """A workbench (thick top, square legs, stretchers, a lower shelf, maybe a vise) or a lab bench
    (dark resin top over cabinets and a knee space, or a steel frame)."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    lab = _kind(cat, ("lab bench",), "workbench") != "workbench"
    if lab:
        tt = _clamp(0.02, 0.04, 0.03 * H)
        w.box("top", (-x, -y, H - tt), (x, y, H), material=rng.choice(("painted black", "black plastic", "white plastic")))
        w.surface(H, -x, -y, x, y, 1.0)
        layout = rng.choice(("two", "one", "frame"))
        z1 = H - tt
        if layout == "frame":
            metal = rng.choice(("steel", "painted white", "brushed metal"))
            lt = _clamp(0.03, 0.06, 0.05 * min(W, D))
            _legs(w, "leg", _corners(x - 0.02, y - 0.02, lt / 2), lt / 2, 0.0, z1 + 0.002, "square", metal)
            w.box("frame_f", (-x + 0.02, y - 0.02 - lt, z1 - 0.06), (x - 0.02, y - 0.02, z1), material=metal)
            w.box("frame_b", (-x + 0.02, -y + 0.02, z1 - 0.06), (x - 0.02, -y + 0.02 + lt, z1), material=metal)
            sh = _clamp(0.1, 0.25, 0.2 * H)
            w.box("shelf", (-x + 0.02, -y + 0.02, sh), (x - 0.02, y - 0.02, sh + 0.02), material=metal)
            w.surface(sh + 0.02, -x + 0.02 + lt, -y + 0.02 + lt, x - 0.02 - lt, y - 0.02 - lt, z1 - 0.06 - sh - 0.02)
            return
        cab_w = min(0.9, 0.45 * W) if layout == "two" else min(1.0, 0.55 * W)
        kick_h = _clamp(0.05, 0.1, 0.1 * H)
        ov = _clamp(0.01, 0.03, 0.03 * D)
        sides = (-1, 1) if layout == "two" else (rng.choice((-1, 1)),)
        for i, sx in enumerate(sides):
            x0, x1 = (-x + ov, -x + ov + cab_w) if sx < 0 else (x - ov - cab_w, x - ov)
            w.box(f"cabinet_{i}", (x0, -y, kick_h), (x1, y - ov - 0.035, z1))
            w.box(f"kick_{i}", (x0, -y, 0.0), (x1, y - ov - 0.085, kick_h + 0.002), material="black plastic")
            _fronts(w, f"front_{i}", x0, x1, kick_h, z1 - 0.003, y - ov - 0.035, 0.017, 0.018, max(1, round(cab_w / 0.45)))
        if layout == "one":
            sx = -sides[0]
            x0, x1 = (-x + ov, -x + ov + 0.05) if sx < 0 else (x - ov - 0.05, x - ov)
            w.box("end_panel", (x0, -y, 0.0), (x1, y - ov, z1 + 0.002))
        w.box("modesty", (-x + ov, -y, 0.3 * H), (x - ov, -y + 0.02, z1 + 0.002))
        return
    tt = _clamp(0.03, 0.08, 0.06 * H) * rng.uniform(0.8, 1.2)
    vise = rng.random() < 0.5
    jaw_d = _clamp(0.04, 0.08, 0.08 * D) if vise else 0.0
    w.box("top", (-x, -y, H - tt), (x, y - jaw_d, H), material=rng.choice((None, None, "oak wood", "walnut wood")))
    w.surface(H, -x, -y, x, y - jaw_d, 1.0)
    z1 = H - tt
    lt = _clamp(0.04, 0.1, 0.07 * min(W, D))
    inset = _clamp(0.0, 0.1, 0.05 * W) * rng.uniform(0.3, 1.0)
    metal = rng.random() < 0.35
    leg_mat = rng.choice(("steel", "painted black", "brushed metal")) if metal else None
    centers = _corners(x - inset, y - jaw_d - min(inset, 0.03), lt / 2)
    _legs(w, "leg", centers, lt / 2, 0.0, z1 + 0.002, "square", leg_mat)
    (lx0, ly0), (lx1, _), (_, ly1) = centers[0], centers[1], centers[2]
    ah = _clamp(0.05, 0.12, 0.1 * H)
    w.box("apron_f", (lx0, ly1 - lt * 0.3, z1 - ah), (lx1, ly1 + lt * 0.3, z1), material=leg_mat)
    w.box("apron_b", (lx0, ly0 - lt * 0.3, z1 - ah), (lx1, ly0 + lt * 0.3, z1), material=leg_mat)
    sh = _clamp(0.08, 0.3, 0.2 * H) * rng.uniform(0.8, 1.1)
    for i, cx in enumerate((lx0, lx1)):
        w.box(f"stretcher_{i}", (cx - lt * 0.3, ly0, sh - 0.04), (cx + lt * 0.3, ly1, sh))
    if rng.random() < 0.75:
        bt = _clamp(0.015, 0.03, 0.4 * tt)
        w.box("shelf", (lx0 - lt / 2, ly0 - lt / 2, sh), (lx1 + lt / 2, ly1 + lt / 2, sh + bt))
        w.surface(sh + bt, lx0 + lt / 2, ly0 + lt / 2, lx1 - lt / 2, ly1 - lt / 2, z1 - ah - sh - bt)
    if vise:
        vx = rng.choice((-1, 1)) * (x - min(0.25, 0.2 * W))
        vw = min(0.18, 0.15 * W)
        w.box("vise_jaw", (vx - vw / 2, y - jaw_d, H - tt - min(0.1, 0.1 * H)), (vx + vw / 2, y - jaw_d * 0.4, H),
              material="steel")
        w.box("vise_screw", (vx - 0.012, y - jaw_d * 0.4, H - tt - 0.05), (vx + 0.012, y, H - tt - 0.026),
              material="steel")
        w.box("vise_handle", (vx - min(0.12, 0.1 * W), y - jaw_d * 0.25, H - tt - 0.045), (vx + min(0.12, 0.1 * W), y, H - tt - 0.035),
              material="chrome")
    else:
        if rng.random() < 0.5:  # a drawer under the top
            dw = min(0.5, 0.4 * (lx1 - lx0))
            dx = rng.uniform(lx0 + lt / 2, lx1 - lt / 2 - dw)
            w.box("drawer", (dx, ly0, z1 - ah), (dx + dw, y - 0.02, z1))
            w.box("drawer_handle", (dx + dw * 0.35, y - 0.02, z1 - ah * 0.6), (dx + dw * 0.65, y, z1 - ah * 0.45),
                  material="brushed metal")
