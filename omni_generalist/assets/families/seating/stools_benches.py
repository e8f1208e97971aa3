"""Seating family: the stool, bench generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import METALS, _bar, _bottom_up, _clamp, _ellipse, _kind, _legs, _split
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- stools, benches, ottomans
@generator("stool")
@_bottom_up
def stool(w: AssetWriter, size: Size, cat: Category) -> None:
    """A stool: round or square seat on three or four legs or a pedestal; bar stools get a footrest
    and sometimes a low back."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    bar = _kind(cat, ("bar stool", "counter stool"), "stool") != "stool" or H > 0.6
    round_seat = rng.random() < 0.65
    st = _clamp(0.025, 0.06, 0.06 * H)
    backrest = bar and rng.random() < 0.35
    seat_top = H - _clamp(0.12, 0.35, 0.28 * H) if backrest else H
    base = rng.choice(("legs3", "legs4", "pedestal") if bar else ("legs3", "legs4", "legs4"))
    metal = rng.choice(METALS)
    if round_seat:
        w.prism("seat", _ellipse(0.0, 0.0, x, y, 20), seat_top - st, seat_top)
    else:
        w.box("seat", (-x, -y, seat_top - st), (x, y, seat_top))
    lr = _clamp(0.012, 0.03, 0.06 * min(W, D))
    fz = 0.3 * seat_top
    if base == "pedestal":
        w.cylinder("foot", (0.0, 0.0), 0.8 * min(x, y), 0.0, 0.025, 16, material=metal)
        w.cylinder("column", (0.0, 0.0), max(lr, 0.03 * min(W, D) + 0.01), 0.0, seat_top - st, 12, material=metal)
        w.cylinder("footrest", (0.0, 0.0), 0.65 * min(x, y), fz, fz + 0.02, 16, material=metal)
    else:
        n = 3 if base == "legs3" else 4
        k = 0.72 if round_seat else 0.8
        a0 = math.pi / 2 if n == 3 else math.pi / 4
        pts = [(k * (x - lr) * math.cos(a0 + 2 * math.pi * i / n) * (1.41 if not round_seat and n == 4 else 1.0),
                k * (y - lr) * math.sin(a0 + 2 * math.pi * i / n) * (1.41 if not round_seat and n == 4 else 1.0))
               for i in range(n)]
        pts = [(max(-x + lr, min(x - lr, px)), max(-y + lr, min(y - lr, py))) for px, py in pts]
        style = rng.choice(("round", "square", "tapered"))
        mat = metal if rng.random() < 0.5 else None
        _legs(w, "leg", pts, lr, 0.0, seat_top - st + 0.002, style, mat)
        if bar or rng.random() < 0.5:
            rt = min(0.02, lr * 1.2)
            for i in range(n):
                (ax, ay), (bx, by) = pts[i], pts[(i + 1) % n]
                w.prism(f"rung_{i}", _bar(ax, ay, bx, by, rt), fz, fz + rt, material=mat)
    if backrest:
        by = -y * 0.8
        bx = x * 0.5
        pr = _clamp(0.01, 0.02, 0.04 * W)
        for i, sx in enumerate((-1, 1)):
            w.cylinder(f"back_post_{i}", (sx * bx, by), pr, seat_top - 0.01, H - 0.03, 8, material=metal)
        w.box("back_rail", (-bx - pr, by - 0.02, H - _clamp(0.05, 0.1, 0.4 * (H - seat_top))), (bx + pr, by + 0.02, H))


@generator("bench")
@_bottom_up
def bench(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bench: slab or slatted seat on legs or end panels; a tall bench gets a backrest."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    has_back = H > 0.65
    seat_top = min(0.47, 0.55 * H) if has_back else H
    st = _clamp(0.025, 0.06, 0.08 * seat_top)
    style = rng.choice(("legs", "panels", "metal"))
    lt = _clamp(0.03, 0.07, 0.1 * D)
    mat = rng.choice(METALS) if style == "metal" else None
    slats = rng.random() < 0.45
    sy0 = -y
    if slats:
        n = rng.randint(3, 5)
        for i, (a, b) in enumerate(_split(sy0, y, n, 0.012)):
            w.box(f"seat_slat_{i}", (-x, a, seat_top - st), (x, b, seat_top))
        w.box("seat_frame", (-x + lt, sy0 + lt, seat_top - st - 0.03), (x - lt, y - lt, seat_top - st))
    else:
        w.box("seat", (-x, sy0, seat_top - st), (x, y, seat_top))
    inset = _clamp(0.0, 0.08, 0.05 * W) * rng.uniform(0.3, 1.0)
    if style == "panels":
        pt = _clamp(0.02, 0.05, 0.04 * W)
        for i, sx in enumerate((-1, 1)):
            px = sx * (x - inset)
            x0, x1 = (px, px + pt) if sx < 0 else (px - pt, px)
            w.box(f"panel_{i}", (x0, sy0, 0.0), (x1, y, seat_top - st + 0.002))
    else:
        r = lt / 2 if style == "legs" else lt / 3
        xs = [-x + inset + r, x - inset - r]
        if W > 1.8:
            xs.insert(1, 0.0)
        centers = [(cx, cy) for cx in xs for cy in (sy0 + r + 0.02 * D, y - r - 0.02 * D)]
        _legs(w, "leg", centers, r, 0.0, seat_top - st + 0.002, "square" if style == "legs" else "round", mat)
        if rng.random() < 0.5 and not has_back:
            sh = _clamp(0.08, 0.2, 0.25 * seat_top)
            w.box("shelf", (-x + inset, sy0 + 0.02 * D, sh), (x - inset, y - 0.02 * D, sh + _clamp(0.015, 0.03, 0.5 * st)),
                  material=mat)
        else:
            w.box("stretcher", (xs[0], -r * 0.6, 0.2 * seat_top), (xs[-1], r * 0.6, 0.2 * seat_top + r * 1.2), material=mat)
    if has_back:
        pr = lt / 2
        for i, sx in enumerate((-1, 1)):
            cx = sx * (x - inset - pr)
            w.box(f"back_post_{i}", (cx - pr, -y, seat_top - st), (cx + pr, -y + lt, H), material=mat)
        n = rng.randint(2, 4)
        bh = (H - seat_top) * 0.8
        for i, (a, b) in enumerate(_split(H - bh, H, n, 0.015)):
            w.box(f"back_slat_{i}", (-x, -y + lt * 0.2, a), (x, -y + lt * 0.8, b))
