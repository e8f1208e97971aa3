"""Seating family: the chair, rocking chair generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import CUSHIONS, WOODS, _bar, _bottom_up, _clamp, _kind, _legs
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- chairs
@generator("chair")
@_bottom_up
def chair(w: AssetWriter, size: Size, cat: Category) -> None:
    """A chair: dining chairs (legs, seat, many back styles), student chairs (metal frame, shell
    seat) and office chairs (five-star base on casters, gas column, seat, back, arms)."""
    office = ("office chair", "desk chair", "gaming chair")
    kind = _kind(cat, (*office, "student chair", "school chair"), "chair")
    if kind in office:
        _office_chair(w, size)
    elif kind in ("student chair", "school chair"):
        _student_chair(w, size)
    else:
        _dining_chair(w, size)


def _chair_back(w: AssetWriter, style: str, x0: float, x1: float, y0: float, y1: float, z0: float, z1: float,
                rail: float) -> None:
    """The back between two posts: slats, rails, spindles, a panel or an upholstered panel."""
    rng = w.rng
    span = x1 - x0
    if style in ("panel", "upholstered"):
        w.box("back_panel", (x0, y0, z0), (x1, y1, z1))
        if style == "upholstered":
            w.box("back_pad", (x0 + 0.02 * span, y1, z0 + 0.05 * (z1 - z0)), (x1 - 0.02 * span, y1 + 0.02, z1 - 0.05 * (z1 - z0)),
                  material=rng.choice(CUSHIONS))
        return
    w.box("back_top", (x0, y0, z1 - rail), (x1, y1, z1))
    if style == "rails":
        n = rng.randint(1, 3)
        for i in range(n):
            zc = z1 - rail - (z1 - rail - z0) * (i + 1) / (n + 1)
            w.box(f"back_rail_{i}", (x0, y0, zc - rail * 0.35), (x1, y1, zc + rail * 0.35))
        return
    w.box("back_low", (x0, y0, z0), (x1, y1, z0 + rail * 0.6))
    if style == "spindles":
        n = rng.randint(4, 7)
        r = min((y1 - y0) / 2, span / (3 * n))
        for i in range(n):
            cx = x0 + span * (i + 0.5) / n
            w.cylinder(f"spindle_{i}", (cx, (y0 + y1) / 2), r, z0, z1 - rail, 8)
    else:  # vertical slats
        n = rng.randint(1, 4)
        sw = span / (2 * n + 1) if n > 1 else span * rng.uniform(0.25, 0.4)
        for i in range(n):
            sx = x0 + sw * (2 * i + 1) if n > 1 else (x0 + x1 - sw) / 2
            w.box(f"slat_{i}", (sx, y0 + (y1 - y0) * 0.2, z0), (sx + sw, y1 - (y1 - y0) * 0.2, z1 - rail))


def _dining_chair(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    seat_top = min(0.5, 0.53 * H) * rng.uniform(0.95, 1.0)
    st = _clamp(0.02, 0.05, 0.05 * H)
    lt = _clamp(0.022, 0.05, 0.07 * min(W, D)) * rng.uniform(0.85, 1.1)
    r = lt / 2
    leg = rng.choice(("square", "round", "tapered"))
    back = rng.choice(("slats", "rails", "panel", "upholstered", "spindles"))
    mat = None if rng.random() < 0.7 else rng.choice((*WOODS, "painted black"))
    _legs(w, "front_leg", [(-x + r, y - r), (x - r, y - r)], r, 0.0, seat_top - st + 0.002, leg, mat)
    post = "round" if leg == "round" else "square"
    _legs(w, "back_leg", [(-x + r, -y + r), (x - r, -y + r)], r, 0.0, H, post, mat)
    pad = rng.random() < 0.4
    if pad:
        pt = min(0.04, 0.5 * st + 0.01)
        w.box("seat", (-x, -y + lt * 0.5, seat_top - st - pt), (x, y, seat_top - pt))
        w.box("seat_pad", (-x + 0.03 * W, -y + lt, seat_top - pt), (x - 0.03 * W, y - 0.03 * D, seat_top),
              material=rng.choice(CUSHIONS))
    else:
        w.box("seat", (-x, -y + lt * 0.5, seat_top - st), (x, y, seat_top))
    rail = _clamp(0.03, 0.09, 0.12 * (H - seat_top))
    by0, by1 = -y + lt * 0.3, -y + lt * 0.7
    _chair_back(w, back, -x + lt, x - lt, by0, by1, seat_top + 0.04 * (H - seat_top), H, rail)
    if rng.random() < 0.5:  # stretchers
        sz = 0.25 * seat_top
        sth = min(0.025, lt * 0.7)
        for i, sx in enumerate((-1, 1)):
            x0, x1 = (-x + lt * 0.2, -x + lt * 0.8) if sx < 0 else (x - lt * 0.8, x - lt * 0.2)
            w.box(f"stretcher_{i}", (x0, -y + lt, sz), (x1, y - lt, sz + sth), material=mat)
        w.box("stretcher_f", (-x + lt, y - lt * 0.8, sz + 0.05), (x - lt, y - lt * 0.2, sz + 0.05 + sth), material=mat)
    if rng.random() < 0.5:  # apron under the seat
        ah = min(0.06, 0.3 * seat_top)
        z1 = seat_top - st - (min(0.04, 0.5 * st + 0.01) if pad else 0.0)
        w.box("apron_f", (-x + lt, y - lt * 0.8, z1 - ah), (x - lt, y - lt * 0.2, z1), material=mat)


def _student_chair(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    seat_top = min(0.47, 0.53 * H) * rng.uniform(0.9, 1.0)
    tube = _clamp(0.016, 0.03, 0.05 * min(W, D))
    metal = rng.choice(("steel", "chrome", "painted black", "brushed metal"))
    st = _clamp(0.015, 0.03, 0.04 * H)
    sled = rng.random() < 0.5
    fx = (-x + tube / 2, x - tube / 2)
    if sled:
        for i, cx in enumerate(fx):
            w.box(f"runner_{i}", (cx - tube / 2, -y + 0.05 * D, 0.0), (cx + tube / 2, y - 0.05 * D, tube), material=metal)
            w.box(f"front_tube_{i}", (cx - tube / 2, y - 0.05 * D - tube, tube), (cx + tube / 2, y - 0.05 * D, seat_top - st),
                  material=metal)
            w.box(f"back_tube_{i}", (cx - tube / 2, -y + 0.05 * D, tube), (cx + tube / 2, -y + 0.05 * D + tube, H - 0.1 * H),
                  material=metal)
    else:
        r = tube / 2
        _legs(w, "leg", [(-x + r, y - r), (x - r, y - r)], r, 0.0, seat_top - st, "round", metal)
        _legs(w, "back_leg", [(-x + r, -y + 0.05 * D + r), (x - r, -y + 0.05 * D + r)], r, 0.0, H - 0.1 * H, "round", metal)
        w.box("stretcher", (-x + tube, -y + 0.05 * D, 0.15 * seat_top), (x - tube, -y + 0.05 * D + tube, 0.15 * seat_top + tube),
              material=metal)
    w.box("seat", (-x, -y + 0.05 * D + tube, seat_top - st), (x, y, seat_top))
    bh = (H - seat_top) * rng.uniform(0.35, 0.55)
    w.box("back", (-x + 0.02 * W, -y, H - bh), (x - 0.02 * W, -y + 0.05 * D + tube, H))
    if rng.random() < 0.4:
        w.box("back_handle", (-0.15 * W, -y, H - bh + 0.6 * bh), (0.15 * W, -y + 0.02 * D, H - 0.1 * bh),
              material="black plastic")


def _office_chair(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    base_mat = rng.choice(("black plastic", "chrome", "brushed metal"))
    cr = _clamp(0.02, 0.035, 0.05 * min(W, D))
    R = min(W, D) / 2 - cr
    at = _clamp(0.025, 0.05, 0.07 * R)
    az0, az1 = 2 * cr - 0.005, 2 * cr + _clamp(0.02, 0.04, 0.04 * H)
    phase = rng.uniform(0, 2 * math.pi / 5)
    for k in range(5):
        a = phase + 2 * math.pi * k / 5
        tx, ty = R * math.cos(a), R * math.sin(a)
        w.prism(f"star_{k}", _bar(0.0, 0.0, tx, ty, at), az0, az1, material=base_mat)
        w.sphere(f"caster_{k}", (tx, ty, cr), cr, 6, 8, material="black plastic")
    hub = _clamp(0.03, 0.06, 0.12 * R)
    w.cylinder("hub", (0.0, 0.0), hub, az0, az1 + 0.01, 12, material=base_mat)
    seat_top = min(0.52, 0.5 * H) * rng.uniform(0.9, 1.0)
    st = _clamp(0.04, 0.1, 0.08 * H)
    w.cylinder("column", (0.0, 0.0), hub * 0.55, az1, seat_top - st - 0.03, 12, material="chrome")
    w.box("mechanism", (-0.12 * W, -0.12 * D, seat_top - st - 0.04), (0.12 * W, 0.12 * D, seat_top - st),
          material="black plastic")
    arms = rng.random() < 0.7
    aw = _clamp(0.03, 0.07, 0.08 * W) if arms else 0.0
    bt = _clamp(0.04, 0.1, 0.1 * D)
    gap = _clamp(0.02, 0.06, 0.06 * D)
    w.box("seat", (-x + aw + 0.01 * arms, -y + bt + gap, seat_top - st), (x - aw - 0.01 * arms, y, seat_top))
    headrest = rng.random() < 0.35
    back_top = H - (_clamp(0.1, 0.2, 0.15 * H) + 0.02 if headrest else 0.0)
    bw = (x - aw) * rng.uniform(0.8, 0.95)
    back0 = seat_top + (H - seat_top) * 0.1
    w.box("back", (-bw, -y, back0), (bw, -y + bt, back_top))
    w.box("back_support", (-0.04 * W, -y + bt * 0.3, seat_top - st - 0.02), (0.04 * W, -y + bt + gap + 0.05 * D, back0 + 0.05),
          material="black plastic")
    if headrest:
        w.box("headrest", (-0.5 * bw, -y, back_top + 0.02), (0.5 * bw, -y + bt * 0.8, H))
        w.box("headrest_post", (-0.02 * W, -y + bt * 0.2, back_top - 0.02), (0.02 * W, -y + bt * 0.6, back_top + 0.03),
              material="black plastic")
    if arms:
        arm_top = seat_top + (H - seat_top) * rng.uniform(0.3, 0.4)
        for i, sx in enumerate((-1, 1)):
            x0, x1 = (-x, -x + aw) if sx < 0 else (x - aw, x)
            w.box(f"arm_post_{i}", (x0 + aw * 0.25, -0.1 * D, seat_top - st), (x1 - aw * 0.25, 0.05 * D, arm_top - 0.02),
                  material="black plastic")
            w.box(f"arm_pad_{i}", (x0, -0.3 * D, arm_top - 0.025), (x1, 0.2 * D, arm_top), material="black plastic")
            xa0, xa1 = (x1 - aw * 0.25, -x + aw + 0.03 * W) if sx < 0 else (x - aw - 0.03 * W, x0 + aw * 0.25)
            w.box(f"arm_bracket_{i}", (min(xa0, xa1), -0.1 * D, seat_top - st - 0.02), (max(xa0, xa1), 0.05 * D, seat_top - st),
                  material="black plastic")


@generator("rocking_chair")
@_bottom_up
def rocking_chair(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rocking chair: curved rockers from stepped boxes, legs, seat, a leaning spindle back, arms."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    lt = _clamp(0.025, 0.05, 0.06 * W)
    rh = _clamp(0.03, 0.06, 0.05 * H)
    rise = _clamp(0.02, 0.1, 0.07 * D) * rng.uniform(0.8, 1.2)
    nseg = rng.choice((5, 7))
    edges = [-y + 2 * y * i / nseg for i in range(nseg + 1)]
    seg_z = [rise * (((edges[i] + edges[i + 1]) / 2) / y) ** 2 for i in range(nseg)]
    for s, sx in enumerate((-1, 1)):
        x0, x1 = (-x, -x + lt) if sx < 0 else (x - lt, x)
        for i in range(nseg):
            w.box(f"rocker_{s}_{i}", (x0, edges[i], seg_z[i]), (x1, edges[i + 1], seg_z[i] + rh))

    def rocker_top(yy: float) -> float:
        i = min(nseg - 1, max(0, int((yy + y) / (2 * y) * nseg)))
        return seg_z[i] + rh * 0.5

    seat_top = min(0.45, 0.45 * H) * rng.uniform(0.92, 1.0)
    st = _clamp(0.02, 0.05, 0.05 * H)
    yf, yb = y * rng.uniform(0.4, 0.5), -y * rng.uniform(0.45, 0.55)
    arms = rng.random() < 0.65
    arm_top = seat_top + (H - seat_top) * 0.35
    for s, sx in enumerate((-1, 1)):
        x0, x1 = (-x, -x + lt) if sx < 0 else (x - lt, x)
        w.box(f"front_leg_{s}", (x0, yf - lt / 2, rocker_top(yf)), (x1, yf + lt / 2, arm_top if arms else seat_top - st))
        w.box(f"back_leg_{s}", (x0, yb - lt / 2, rocker_top(yb)), (x1, yb + lt / 2, seat_top + 0.05))
        if arms:
            w.box(f"arm_{s}", (x0, yb - lt, arm_top - 0.025), (x1, yf + lt, arm_top))
    w.box("seat", (-x + lt * 0.5, yb - lt / 2, seat_top - st), (x - lt * 0.5, yf + lt / 2 + 0.03 * D, seat_top))
    # the back leans back in steps
    lean = min(0.25 * y, (yb + y) * rng.uniform(0.4, 0.8))
    steps = 3
    zs = [seat_top + 0.05 + (H - seat_top - 0.05) * i / steps for i in range(steps + 1)]
    for i in range(steps):
        yc = yb - lean * (i + 1) / steps
        zs0 = zs[i] - 0.01 if i else zs[i] - 0.05
        for s, sx in enumerate((-1, 1)):
            x0, x1 = (-x + lt * 0.5, -x + lt * 1.5) if sx < 0 else (x - lt * 1.5, x - lt * 0.5)
            w.box(f"back_post_{s}_{i}", (x0, yc - lt / 2, zs0), (x1, yc + lt / 2, zs[i + 1]))
    ytop = yb - lean
    rail = _clamp(0.04, 0.09, 0.1 * (H - seat_top))
    w.box("back_top", (-x + lt * 0.5, ytop - lt / 2, H - rail), (x - lt * 0.5, ytop + lt / 2, H))
    n = rng.randint(3, 6)
    for i in range(n):
        cx = -x + lt * 1.5 + (2 * x - 3 * lt) * (i + 0.5) / n
        w.box(f"spindle_{i}", (cx - 0.01, ytop - 0.01, zs[steps - 1]), (cx + 0.01, ytop + 0.01, H - rail))
    if rng.random() < 0.5:
        w.box("seat_cushion", (-x + lt * 1.5, yb + lt, seat_top), (x - lt * 1.5, yf, seat_top + 0.03),
              material="fabric")
