"""Seating family: the sofa, armchair, ottoman, beanbag generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import METALS, WOODS, _bottom_up, _clamp, _corners, _ellipse, _kind, _legs, _split
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- sofas and armchairs
@generator("sofa")
@_bottom_up
def sofa(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sofa: frame, arms, seat and back cushions, legs or a plinth; sectionals have a chaise."""
    kind = _kind(cat, ("sectional sofa", "sectional", "loveseat"), "sofa")
    if kind in ("sectional sofa", "sectional"):
        _upholstered(w, size, "sectional")
    else:
        _upholstered(w, size, "loveseat" if kind == "loveseat" else "sofa")


@generator("armchair")
@_bottom_up
def armchair(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upholstered armchair (one seat cushion, arms, sometimes wings)."""
    _upholstered(w, size, "armchair")


def _upholstered(w: AssetWriter, size: Size, kind: str) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    legs = rng.choice(("plinth", "wood", "tapered", "metal"))
    leg_h = 0.0 if legs == "plinth" else _clamp(0.04, 0.16, 0.13 * H) * rng.uniform(0.8, 1.1)
    arm = rng.choice(("track", "track", "low", "high", "wing" if kind == "armchair" else "track"))
    if kind == "sofa" and rng.random() < 0.1:
        arm = "none"
    aw = _clamp(0.07, 0.24, (0.16 if kind == "armchair" else 0.11) * W) * rng.uniform(0.8, 1.1)
    if arm == "none":
        aw = 0.0
    bt = _clamp(0.08, 0.22, 0.18 * D)
    seat_top = _clamp(0.3, 0.5, 0.5 * H) * rng.uniform(0.92, 1.0)
    base_top = seat_top - _clamp(0.07, 0.16, 0.15 * H)
    tight = rng.random() < 0.3
    back_top = H if tight else seat_top + (H - seat_top) * rng.uniform(0.55, 0.8)
    cd = _clamp(0.08, 0.2, 0.16 * D)
    arm_top = {"track": 0.45, "low": 0.3, "high": 0.65, "wing": 0.45, "none": 0.0}[arm] * (H - seat_top) + seat_top
    ix0, ix1 = -x + aw, x - aw
    sectional = kind == "sectional"
    side = rng.choice((-1, 1))
    md = min(_clamp(0.75, 1.05, 0.55 * D), 0.7 * D) if sectional else D
    cw = _clamp(0.6, 1.0, 0.35 * W) if sectional else 0.0
    # back frame (full width, along the back)
    w.box("back_frame", (-x, -y, leg_h), (x, -y + bt, back_top))
    # arms
    if arm != "none":
        for i, sx in enumerate((-1, 1)):
            y1 = y if (not sectional or sx == side) else -y + md
            x0, x1 = (-x, -x + aw) if sx < 0 else (x - aw, x)
            if arm == "low" or rng.random() < 0.7:
                w.box(f"arm_{i}", (x0, -y + bt, leg_h), (x1, y1, arm_top))
            else:  # a slightly sloped arm: taller at the back
                ym = (-y + bt + y1) / 2
                w.box(f"arm_{i}", (x0, -y + bt, leg_h), (x1, ym, arm_top))
                w.box(f"arm_front_{i}", (x0, ym, leg_h), (x1, y1, arm_top - 0.25 * (arm_top - seat_top)))
            if arm == "wing":
                w.box(f"wing_{i}", (x0, -y + bt, arm_top), (x1, -y + bt + 0.3 * D, seat_top + 0.9 * (H - seat_top)))
    # seat base and cushions
    w.box("base", (ix0, -y + bt, leg_h), (ix1, -y + md, base_top))
    sy0 = -y + bt + (0.0 if tight else cd)
    mx0, mx1 = ix0, ix1
    if sectional:
        cx0, cx1 = (ix1 - cw, ix1) if side > 0 else (ix0, ix0 + cw)
        w.box("chaise_base", (cx0, -y + md, leg_h), (cx1, y, base_top))
        w.box("chaise_cushion", (cx0 + 0.005, sy0, base_top), (cx1 - 0.005, y, seat_top))
        mx0, mx1 = (ix0, cx0) if side > 0 else (cx1, ix1)
    seats = 1 if kind == "armchair" else 2 if kind == "loveseat" else max(1, min(4, round((mx1 - mx0) / 0.62)))
    if kind == "sofa" and rng.random() < 0.2:
        seats = 1  # one long bench cushion
    for i, (c0, c1) in enumerate(_split(mx0, mx1, seats, 0.01)):
        w.box(f"seat_cushion_{i}", (c0, sy0, base_top), (c1, -y + md, seat_top))
    # the seat holds cushions and a throw (put there when asked, or by dressing); in front of its own pillows
    w.surface(seat_top, mx0 + 0.02, sy0 + min(0.12, 0.1 * D) + 0.02, mx1 - 0.02, -y + md - 0.03, 1.0)
    if not tight:
        nb = 1 if kind == "armchair" else max(2, min(4, round((ix1 - ix0) / 0.75)))
        for i, (c0, c1) in enumerate(_split(ix0, ix1, nb, 0.01)):
            w.box(f"back_cushion_{i}", (c0, -y + bt, base_top), (c1, -y + bt + cd, H))
    # throw pillows
    n_pillows = 0 if kind == "armchair" else rng.randint(0, 2)
    pw, ph, pd = min(0.4, 0.25 * (ix1 - ix0)), min(0.38, 0.6 * (H - seat_top)), min(0.12, 0.1 * D)
    for i in range(n_pillows):
        px0 = ix0 + 0.03 if i == 0 else ix1 - 0.03 - pw
        py0 = -y + bt + (cd if not tight else 0.0)
        w.box(f"pillow_{i}", (px0, py0, seat_top), (px0 + pw, py0 + pd, seat_top + ph), material="fabric")
    # legs
    if leg_h > 0:
        lr = _clamp(0.015, 0.03, 0.03 * min(W, D))
        centers = [(-x + lr, -y + lr), (x - lr, -y + lr)]
        if sectional:
            ox = -side * (x - lr)
            centers += [(ox, -y + md - lr), (cx0 + lr, y - lr), (cx1 - lr, y - lr)]
        else:
            centers += [(-x + lr, y - lr), (x - lr, y - lr)]
        style = {"wood": "square", "tapered": "tapered", "metal": "round"}[legs]
        mat = rng.choice(WOODS) if legs != "metal" else rng.choice(METALS)
        _legs(w, "leg", centers, lr, 0.0, leg_h + 0.005, style, mat)


@generator("ottoman")
@_bottom_up
def ottoman(w: AssetWriter, size: Size, cat: Category) -> None:
    """An ottoman: round or square upholstered body with a top cushion, on short legs or none."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    round_ = rng.random() < 0.45
    leg_h = _clamp(0.03, 0.1, 0.2 * H) if rng.random() < 0.5 else 0.0
    ct = _clamp(0.03, 0.1, 0.25 * H) * rng.uniform(0.7, 1.0)
    if round_:
        w.prism("body", _ellipse(0.0, 0.0, x, y, 20), leg_h, H - ct)
        w.prism("cushion", _ellipse(0.0, 0.0, x * 0.985, y * 0.985, 20), H - ct, H)
    else:
        w.box("body", (-x, -y, leg_h), (x, y, H - ct))
        w.box("cushion", (-x + 0.005, -y + 0.005, H - ct), (x - 0.005, y - 0.005, H))
    if leg_h > 0:
        lr = _clamp(0.012, 0.025, 0.05 * min(W, D))
        k = 0.6 if round_ else 1.0
        centers = [(k * cx, k * cy) for cx, cy in _corners(x, y, lr)]
        _legs(w, "leg", centers, lr, 0.0, leg_h + 0.002, rng.choice(("round", "tapered", "square")),
              rng.choice((*WOODS, "chrome", "brushed metal")))
    elif rng.random() < 0.5:  # a piped band around the base
        band = min(0.03, 0.2 * H)
        if round_:
            w.prism("band", _ellipse(0.0, 0.0, x, y, 20), 0.0, band, material="black plastic")
        else:
            w.box("band", (-x, -y, 0.0), (x, y, band), material="black plastic")


@generator("beanbag")
@_bottom_up
def beanbag(w: AssetWriter, size: Size, cat: Category) -> None:
    """A beanbag: a squashed sphere on a flattened base, sometimes with a raised back bulge."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    w.prism("base", _ellipse(0.0, 0.0, 0.78 * x, 0.78 * y, 20), 0.0, 0.2 * H)
    if rng.random() < 0.5:
        w.sphere("bag", (0.0, 0.0, H / 2), (x, y, H / 2), 8, 12)
    else:
        ry1, rz1 = 0.8 * y, 0.5 * H * rng.uniform(0.75, 0.95)
        w.sphere("seat", (0.0, y - ry1, rz1), (x, ry1, rz1), 8, 12)
        ry2, rz2 = 0.45 * y, 0.5 * H
        w.sphere("back", (0.0, -y + ry2, H - rz2), (0.85 * x, ry2, rz2), 8, 12)
