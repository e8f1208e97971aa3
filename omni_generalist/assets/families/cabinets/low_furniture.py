"""Cabinets family: the tv stand, changing table, vanity generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import (
    METALS,
    WOODS,
    _bottom_up,
    _clamp,
    _compartments,
    _corners,
    _fronts,
    _legs,
    _split,
)
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- cabinets with open shelves
@generator("tv_stand")
@_bottom_up
def tv_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A TV stand: a low cabinet of one to three compartments (open, with a shelf, or closed by a
    fixed door) on legs or a plinth; the top and every open compartment are support surfaces."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    tt = _clamp(0.015, 0.04, 0.05 * H)
    st = _clamp(0.015, 0.03, 0.03 * H)
    bt = min(0.008, 0.05 * D)
    leg_h = _clamp(0.04, 0.15, 0.2 * H) * rng.uniform(0.7, 1.0) if rng.random() < 0.55 else 0.0
    w.box("top", (-x, -y, H - tt), (x, y, H))
    w.surface(H, -x, -y, x, y, 1.0)
    w.box("side_left", (-x, -y, leg_h), (-x + st, y, H - tt))
    w.box("side_right", (x - st, -y, leg_h), (x, y, H - tt))
    w.box("bottom", (-x + st, -y + bt, leg_h), (x - st, y, leg_h + tt))
    w.box("back", (-x + st, -y, leg_h + tt), (x - st, -y + bt, H - tt))
    if leg_h > 0:
        lr = _clamp(0.012, 0.025, 0.04 * D)
        _legs(w, "leg", _corners(x - 0.02 * W, y - 0.1 * D, lr), lr, 0.0, leg_h + 0.002,
              rng.choice(("tapered", "round", "square")), rng.choice((*WOODS, *METALS)))
    else:
        w.box("plinth", (-x + st, -y + bt, 0.0), (x - st, y - 0.02, 0.001 + tt))
    k = rng.randint(1, 3) if W >= 0.9 else rng.randint(1, 2)
    inner_z0, inner_z1 = leg_h + tt, H - tt
    cols = _split(-x + st, x - st, k, st)
    for i in range(k - 1):
        xb = cols[i][1]
        w.box(f"divider_{i}", (xb, -y + bt, inner_z0), (xb + st, y, inner_z1))
    for i, (c0, c1) in enumerate(cols):
        what = rng.choice(("open", "shelf", "closed"))
        if what == "shelf" and inner_z1 - inner_z0 < 0.34:
            what = "open"
        if what == "closed":
            _fronts(w, f"door_{i}", c0, c1, inner_z0, inner_z1, y - 0.032, 0.016, 0.016, 1)
        elif what == "shelf":
            zm = (inner_z0 + inner_z1 - tt) / 2
            w.box(f"shelf_{i}", (c0, -y + bt, zm), (c1, y - 0.02, zm + tt))
            w.surface(inner_z0, c0, -y + bt, c1, y, zm - inner_z0)
            w.surface(zm + tt, c0, -y + bt, c1, y - 0.02, inner_z1 - zm - tt)
        else:
            w.surface(inner_z0, c0, -y + bt, c1, y, inner_z1 - inner_z0)


@generator("changing_table")
@_bottom_up
def changing_table(w: AssetWriter, size: Size, cat: Category) -> None:
    """A changing table: waist-high frame with guard rails around a padded top and open shelves below."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    st = _clamp(0.015, 0.03, 0.025 * W)
    t = _clamp(0.015, 0.025, 0.02 * H)
    guard = _clamp(0.06, 0.15, 0.12 * H) * rng.uniform(0.8, 1.0)
    tz = H - guard
    bt = 0.008
    style = rng.choice(("panels", "posts"))
    if style == "panels":
        w.box("side_left", (-x, -y, 0.0), (-x + st, y, H))
        w.box("side_right", (x - st, -y, 0.0), (x, y, H))
        ix0, ix1 = -x + st, x - st
    else:
        pt = st * 1.6
        _legs(w, "post", _corners(x, y, pt / 2), pt / 2, 0.0, H, rng.choice(("square", "round")))
        for i, sx in enumerate((-1, 1)):
            x0, x1 = (-x, -x + pt) if sx < 0 else (x - pt, x)
            w.box(f"guard_side_{i}", (x0, -y + pt, H - 0.03), (x1, y - pt, H))
            w.box(f"top_rail_{i}", (x0, -y + pt, tz - t - 0.04), (x1, y - pt, tz - t))
        ix0, ix1 = -x + pt, x - pt
    w.box("back", (ix0, -y, tz - t), (ix1, -y + bt * 2, H))
    w.box("top_board", (ix0, -y + bt * 2, tz - t), (ix1, y, tz))
    if rng.random() < 0.5:
        w.box("front_lip", (ix0, y - st, tz), (ix1, y, tz + guard * 0.4))
    pad_t = min(0.05, 0.5 * guard)
    w.box("pad", (ix0 + 0.01, -y + bt * 2 + 0.01, tz), (ix1 - 0.01, y - st - 0.005, tz + pad_t),
          material=rng.choice(("white plastic", "fabric")))
    w.surface(tz + pad_t, ix0 + 0.01, -y + bt * 2 + 0.01, ix1 - 0.01, y - st - 0.005, 1.0)
    b0 = _clamp(0.03, 0.12, 0.08 * H)
    w.box("bottom", (ix0, -y, b0), (ix1, y, b0 + t))
    boards, clears = _compartments(rng, b0 + t, tz - t, t, (0.25, 0.4), 0.18, 3)
    for i, zb in enumerate(boards):
        w.box(f"shelf_{i}", (ix0, -y, zb), (ix1, y - 0.01, zb + t))
    for zs, cl in zip([b0 + t, *[b + t for b in boards]], clears, strict=True):
        w.surface(zs, ix0, -y, ix1, y - 0.01, cl)


@generator("vanity")
@_bottom_up
def vanity(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bathroom vanity cabinet: body on a toe kick or legs, fixed door and drawer fronts with
    handles, and an overhanging countertop (a support surface)."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    tt = _clamp(0.02, 0.04, 0.035 * H)
    ov = _clamp(0.01, 0.03, 0.04 * D)
    pf, hd = 0.018, 0.018
    legs = rng.random() < 0.4
    base_h = _clamp(0.08, 0.2, 0.2 * H) * rng.uniform(0.8, 1.0) if legs else _clamp(0.05, 0.1, 0.1 * H)
    bx0, bx1, by1 = -x + ov, x - ov, y - ov - pf - hd
    w.box("body", (bx0, -y, base_h), (bx1, by1, H - tt))
    if legs:
        lr = _clamp(0.015, 0.025, 0.04 * W)
        _legs(w, "leg", _corners(bx1, (by1 + y) / 2 - ov, lr), lr, 0.0, base_h + 0.002, rng.choice(("tapered", "square", "round")),
              rng.choice((None, "chrome", "brushed metal", *WOODS)))
    else:
        w.box("toe_kick", (bx0, -y, 0.0), (bx1, by1 - 0.05, base_h + 0.002))
    n = max(1, min(3, round((bx1 - bx0) / rng.uniform(0.4, 0.6))))
    _fronts(w, "front", bx0, bx1, base_h, H - tt - 0.003, by1, pf, hd, n,
            handle=rng.choice(("chrome", "brushed metal", "painted black")))
    top_mat = rng.choice((None, "white plastic", "painted white", "walnut wood", "oak wood"))
    w.box("top", (-x, -y, H - tt), (x, y, H), material=top_mat)
    w.surface(H, -x, -y, x, y, 1.0)
