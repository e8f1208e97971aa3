"""Shelving family: the bookcase, shelf, wall shelf, pallet rack generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import _bottom_up, _clamp, _compartments, _corners, _kind
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- bookcases and shelving
@generator("bookcase")
@_bottom_up
def bookcase(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bookcase: side panels, back panel, top, bottom and a seed-dependent number of boards
    (irregular spacing, plinth, cap, middle divider vary); pantry shelves may lack a back and have
    front lips. Every board is a support surface with its free height as clearance."""
    pantry = _kind(cat, ("pantry shelf",), "bookcase") != "bookcase"
    if pantry and w.rng.random() < 0.4:
        _shelving_unit(w, size, "pantry")
        return
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    st = min(_clamp(0.014, 0.03, 0.025 * W) * rng.uniform(0.9, 1.2), W / 10)
    bt = min(_clamp(0.004, 0.012, 0.015 * D), D / 10)
    tt = min(_clamp(0.015, 0.03, 0.02 * W) * rng.uniform(0.9, 1.3), H / 15)
    has_back = not pantry or rng.random() < 0.5
    ph = _clamp(0.03, 0.1, 0.06 * H) * rng.uniform(0.8, 1.2) if rng.random() < 0.55 else 0.0
    cap = rng.random() < 0.4
    inset = min(rng.choice((0.0, 0.01, 0.02)), 0.1 * D)
    divider = W > 1.0 and rng.random() < 0.5
    lips = pantry and rng.random() < 0.6
    by0 = -y + (bt if has_back else 0.0)
    if cap:
        w.box("top", (-x, -y, H - tt), (x, y, H))
        side_top = H - tt
    else:
        w.box("top", (-x + st, by0, H - tt), (x - st, y, H))
        side_top = H
    w.box("side_left", (-x, -y, 0.0), (-x + st, y, side_top))
    w.box("side_right", (x - st, -y, 0.0), (x, y, side_top))
    if has_back:
        w.box("back", (-x + st, -y, 0.0), (x - st, -y + bt, H - tt))
    if ph > 0:
        w.box("plinth", (-x + st, y - inset - 0.02 - tt, 0.0), (x - st, y - inset - 0.02, ph))
    w.box("bottom", (-x + st, by0, ph), (x - st, y - inset, ph + tt))
    z0 = ph + tt
    boards, clears = _compartments(rng, z0, H - tt, tt, (0.27, 0.4), 0.19)
    for i, zb in enumerate(boards):
        w.box(f"board_{i}", (-x + st, by0, zb), (x - st, y - inset, zb + tt))
    cols = [(-x + st, x - st)]
    if divider:
        for i, (c0, cl) in enumerate(zip([z0, *[b + tt for b in boards]], clears, strict=True)):
            w.box(f"divider_{i}", (-tt / 2, by0, c0), (tt / 2, y - inset, c0 + cl))
        cols = [(-x + st, -tt / 2), (tt / 2, x - st)]
    lip_t = 0.012 if lips else 0.0
    for i, (zs, cl) in enumerate(zip([z0, *[b + tt for b in boards]], clears, strict=True)):
        if lips:
            w.box(f"lip_{i}", (-x + st, y - inset - lip_t, zs), (x - st, y - inset, zs + min(0.035, 0.2 * cl)),
                  material=rng.choice(("brushed metal", "chrome")) if i == 0 else None)
        for a, b in cols:
            w.surface(zs, a, by0, b, y - inset - lip_t, cl)
    if H <= 1.5:
        w.surface(H, -x + (0 if cap else st), by0 if not cap else -y, x - (0 if cap else st), y, 1.0)


@generator("shelf")
@_bottom_up
def shelf(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open shelving unit: four corner posts (metal tubes or wooden uprights) and boards; every
    board is a support surface. A short, shallow "shelf" is a wall shelf."""
    W, D, H = size
    if H < 0.35 and D < 0.45:
        _wall_shelf(w, size)
        return
    _shelving_unit(w, size, "shelf")


def _shelving_unit(w: AssetWriter, size: Size, kind: str) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    style = rng.choice(("metal", "metal", "wood", "wire"))
    pt = _clamp(0.02, 0.05, 0.04 * min(W, D)) * rng.uniform(0.8, 1.1)
    post_mat = {"metal": rng.choice(("steel", "brushed metal", "painted black")), "wire": "chrome", "wood": None}[style]
    board_mat = {"metal": rng.choice((None, "steel")), "wire": "chrome", "wood": None}[style]
    t = min(_clamp(0.012, 0.03, 0.02 * W), H / 20) if style != "wire" else min(0.02, H / 20)
    b0 = _clamp(0.02, 0.15, 0.08 * H) * rng.uniform(0.6, 1.2)
    for i, (cx, cy) in enumerate(_corners(x, y, pt / 2)):
        if style == "wood":
            w.box(f"post_{i}", (cx - pt / 2, cy - pt / 2, 0.0), (cx + pt / 2, cy + pt / 2, H), material=post_mat)
        else:
            w.cylinder(f"post_{i}", (cx, cy), pt / 2, 0.0, H, 12, material=post_mat)
    boards, clears = _compartments(rng, b0 + t, H - t, t, (0.28, 0.42), 0.19)
    levels = [b0, *boards, H - t]
    bx, by = (x, y) if style != "wood" else (x - pt, y)
    for i, zb in enumerate(levels):
        if style == "wire":  # a wire deck: a frame of four bars and a few cross wires
            f = min(0.015, 0.3 * pt)
            w.box(f"board_{i}_f", (-bx + pt, by - pt / 2 - f / 2, zb), (bx - pt, by - pt / 2 + f / 2, zb + t), material=board_mat)
            w.box(f"board_{i}_b", (-bx + pt, -by + pt / 2 - f / 2, zb), (bx - pt, -by + pt / 2 + f / 2, zb + t), material=board_mat)
            w.box(f"board_{i}_deck", (-bx + pt / 2, -by + pt / 2, zb + t - 0.006), (bx - pt / 2, by - pt / 2, zb + t),
                  material=board_mat)
        else:
            w.box(f"board_{i}", (-bx, -by, zb), (bx, by, zb + t), material=board_mat)
    if kind == "pantry" and rng.random() < 0.6:
        w.box("back", (-x + pt, -y, b0), (x - pt, -y + 0.006, H - t))
    sx = bx if style == "wood" else bx - pt
    for i, zb in enumerate(levels):
        w.surface(zb + t, -sx, -by + pt * 0.5, sx, by - pt * 0.5, clears[i] if i < len(clears) else 1.0)


@generator("wall_shelf")
@_bottom_up
def wall_shelf(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall shelf: a board on L-brackets (or floating), or a small wall cubby with several boards."""
    _wall_shelf(w, size)


def _wall_shelf(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    if H <= 0.28:
        bt = min(H, _clamp(0.015, 0.045, 0.2 * H) * rng.uniform(0.8, 1.2))
        if H - bt < 0.02:  # floating: the board is the whole height
            bt = H
        w.box("board", (-x, -y, H - bt), (x, y, H))
        w.surface(H, -x, -y, x, y, 1.0)
        if bt < H:
            n = 2 if W < 1.0 else 3
            bw = _clamp(0.015, 0.03, 0.05 * W)
            pth = min(0.006, 0.25 * (H - bt))
            mat = rng.choice(("painted black", "brushed metal", "steel", "chrome"))
            for i in range(n):
                cx = -x + W * (0.15 + 0.7 * i / (n - 1))
                w.box(f"bracket_{i}_wall", (cx - bw / 2, -y, 0.0), (cx + bw / 2, -y + pth, H - bt), material=mat)
                w.box(f"bracket_{i}_arm", (cx - bw / 2, -y, H - bt - pth), (cx + bw / 2, y - 0.1 * D, H - bt), material=mat)
        return
    st = _clamp(0.012, 0.025, 0.03 * W)
    t = _clamp(0.012, 0.025, 0.02 * W)
    has_back = rng.random() < 0.5
    by0 = -y + (0.006 if has_back else 0.0)
    w.box("side_left", (-x, -y, 0.0), (-x + st, y, H))
    w.box("side_right", (x - st, -y, 0.0), (x, y, H))
    w.box("bottom", (-x + st, by0, 0.0), (x - st, y, t))
    w.box("top", (-x + st, by0, H - t), (x - st, y, H))
    if has_back:
        w.box("back", (-x + st, -y, t), (x - st, -y + 0.006, H - t))
    boards, clears = _compartments(rng, t, H - t, t, (0.18, 0.3), 0.16)
    for i, zb in enumerate(boards):
        w.box(f"board_{i}", (-x + st, by0, zb), (x - st, y, zb + t))
    for zs, cl in zip([t, *[b + t for b in boards]], clears, strict=True):
        w.surface(zs, -x + st, by0, x - st, y, cl)
    w.surface(H, -x, -y, x, y, 1.0)


@generator("pallet_rack")
@_bottom_up
def pallet_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pallet rack: four uprights with side bracing, front and back beams and decks at each level."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    ut = _clamp(0.05, 0.1, 0.06 * min(W, D) + 0.02)
    bh = _clamp(0.06, 0.14, 0.05 * H)
    bd = _clamp(0.04, 0.06, 0.06 * D)
    deck_mat = rng.choice(("steel", "oak wood", "brushed metal"))
    upright_mat = rng.choice((None, "steel", "painted black"))
    for i, (cx, cy) in enumerate(_corners(x, y, ut / 2)):
        w.box(f"upright_{i}", (cx - ut / 2, cy - ut / 2, 0.0), (cx + ut / 2, cy + ut / 2, H), material=upright_mat)
        w.box(f"footplate_{i}", (max(-x, cx - ut * 0.8), max(-y, cy - ut * 0.8), 0.0),
              (min(x, cx + ut * 0.8), min(y, cy + ut * 0.8), 0.01), material="steel")
    first = _clamp(0.1, 0.25, 0.05 * H) * rng.uniform(0.8, 1.2) + bh
    boards, clears = _compartments(rng, first, H - bh, bh, (1.0, 1.6), 0.5, 6)
    levels = [first, *[b + bh for b in boards], H]
    dt = 0.02
    for i, zt in enumerate(levels):
        w.box(f"beam_f_{i}", (-x + ut, y - bd, zt - bh), (x - ut, y, zt))
        w.box(f"beam_b_{i}", (-x + ut, -y, zt - bh), (x - ut, -y + bd, zt))
        w.box(f"deck_{i}", (-x + ut, -y + bd, zt - dt), (x - ut, y - bd, zt), material=deck_mat)
        cl = clears[i] if i < len(clears) else 1.0
        w.surface(zt, -x + ut, -y, x - ut, y, cl if i < len(levels) - 1 else 1.0)
    nb = max(2, min(6, int(H / 0.6)))
    for s, sx in enumerate((-1, 1)):
        cx = sx * (x - ut / 2)
        for k in range(nb):
            zc = H * (k + 0.5) / nb
            w.box(f"brace_{s}_{k}", (cx - ut * 0.2, -y + ut, zc - 0.015), (cx + ut * 0.2, y - ut, zc + 0.015), material=upright_mat)
