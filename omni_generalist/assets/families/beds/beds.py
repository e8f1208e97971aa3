"""Beds family: the bed generator.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import CUSHIONS, WOODS, _bottom_up, _clamp, _corners, _kind, _legs, _split
from ...toolkit import AssetWriter


# ---------------------------------------------------------------------------- beds
@generator("bed")
@_bottom_up
def bed(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bed: frame, mattress, headboard at the back (−Y), pillows; bunk beds, hospital beds and cribs."""
    kind = _kind(cat, ("bunk bed", "hospital bed", "crib"), "bed")
    if kind == "bunk bed":
        _bunk_bed(w, size)
    elif kind == "hospital bed":
        _hospital_bed(w, size)
    elif kind == "crib":
        _crib(w, size)
    else:
        _plain_bed(w, size)


def _pillows(w: AssetWriter, x0: float, x1: float, y0: float, z: float, ph: float, depth: float) -> None:
    n = 1 if x1 - x0 < 1.1 else 2
    for i, (p0, p1) in enumerate(_split(x0, x1, n, 0.04 * (x1 - x0))):
        rx, ry = (p1 - p0) / 2 * 0.92, depth / 2
        w.sphere(f"pillow_{i}", ((p0 + p1) / 2, y0 + ry, z + ph / 2), (rx, ry, ph / 2), 6, 12, material="fabric")


def _plain_bed(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    base = rng.choice(("legs", "platform", "rails"))
    head = rng.choice(("panel", "slats", "upholstered", "posts"))
    has_foot = rng.random() < 0.45
    ht = _clamp(0.025, 0.08, 0.04 * D)
    rt = _clamp(0.025, 0.06, 0.04 * W)
    frame_top = H * rng.uniform(0.26, 0.34)
    mat_t = _clamp(0.08, 0.26, 0.2 * H) * rng.uniform(0.85, 1.1)
    mat_top = frame_top + 0.7 * mat_t
    leg_h = 0.0 if base == "platform" else _clamp(0.04, 0.2, 0.5 * frame_top)
    yb, yf = -y + ht, (y - ht) if has_foot else y
    # side and foot rails
    w.box("rail_left", (-x, yb, leg_h), (-x + rt, yf, frame_top))
    w.box("rail_right", (x - rt, yb, leg_h), (x, yf, frame_top))
    if not has_foot:
        w.box("rail_foot", (-x + rt, y - rt, leg_h), (x - rt, y, frame_top))
    if base == "platform":
        w.box("plinth", (-x + rt, yb, 0.0), (x - rt, yf - (0 if has_foot else rt), frame_top - 0.3 * mat_t))
    else:
        deck_z = frame_top - 0.3 * mat_t
        w.box("deck", (-x + rt, yb, deck_z - _clamp(0.015, 0.03, 0.03 * H)), (x - rt, yf, deck_z))
        lr = _clamp(0.02, 0.04, 0.5 * rt if base == "legs" else rt)
        style = rng.choice(("square", "round", "tapered")) if base == "legs" else "square"
        mat = rng.choice((None, *WOODS, "painted black")) if base == "legs" else None
        centers = [] if has_foot else [(-x + lr, y - lr), (x - lr, y - lr)]
        if W > 1.3:
            centers.append((0.0, (yb + yf) / 2))
        if centers:
            _legs(w, "leg", centers, lr, 0.0, leg_h + 0.01, style, mat)
        if leg_h > 0 and base == "rails":
            w.box("rail_under", (-x + rt, -0.05 * D, 0.0), (x - rt, 0.05 * D, leg_h))
    # mattress, duvet and pillows
    e = rt * rng.uniform(0.2, 0.6)
    w.box("mattress", (-x + e, yb, frame_top - 0.3 * mat_t), (x - e, yf - e * (0 if has_foot else 1), mat_top),
          material="fabric")
    has_duvet = rng.random() < 0.65
    dz = _clamp(0.01, 0.04, 0.03 * H)
    if has_duvet:
        y0 = yb + (yf - yb) * rng.uniform(0.3, 0.45)
        w.box("duvet", (-x + e * 0.5, y0, mat_top - 0.4 * mat_t), (x - e * 0.5, yf - e * 0.5, mat_top + dz),
              material="fabric")
    p_depth = _clamp(0.2, 0.45, 0.18 * D)
    _pillows(w, -x + e + 0.05 * W, x - e - 0.05 * W, yb + 0.03 * D, mat_top,
             _clamp(0.05, 0.15, 0.14 * (H - mat_top)), p_depth)
    # the bed in front of the pillows holds cushions, a throw, a book: the duvet's top where it
    # lies, the bare mattress between it and the pillows
    sy0, sy1 = yb + 0.03 * D + p_depth + 0.02, yf - e - 0.02
    if has_duvet:
        w.surface(mat_top + dz, -x + e + 0.02, max(sy0, y0 + 0.02), x - e - 0.02, sy1, 1.0)
        if y0 - 0.02 - sy0 > 0.15:
            w.surface(mat_top, -x + e + 0.02, sy0, x - e - 0.02, y0 - 0.02, 1.0)
    else:
        w.surface(mat_top, -x + e + 0.02, sy0, x - e - 0.02, sy1, 1.0)
    # headboard (reaches the full height)
    if head == "panel":
        w.box("headboard", (-x, -y, 0.0), (x, -y + ht, H))
    elif head == "upholstered":
        w.box("headboard", (-x, -y, 0.0), (x, -y + ht * 0.6, H))
        pad = rng.choice(CUSHIONS)
        w.box("headboard_pad", (-x + 0.03 * W, -y + ht * 0.6, mat_top - 0.05 * H), (x - 0.03 * W, -y + ht, H - 0.04 * H),
              material=pad)
    else:
        pw = min(ht * 1.4, 0.1, rt * 2)
        if head == "posts":
            for i, sx in enumerate((-1, 1)):
                w.cylinder(f"post_{i}", (sx * (x - pw / 2), -y + ht / 2), min(pw, ht) / 2, 0.0, H, 12)
            w.box("headboard", (-x + pw * 0.8, -y + ht * 0.2, frame_top), (x - pw * 0.8, -y + ht * 0.8, H * rng.uniform(0.8, 0.92)))
            w.box("head_low", (-x, -y, 0.0), (x, -y + ht, frame_top))
        else:
            w.box("post_0", (-x, -y, 0.0), (-x + pw, -y + ht, H))
            w.box("post_1", (x - pw, -y, 0.0), (x, -y + ht, H))
            rail = _clamp(0.04, 0.1, 0.08 * H)
            w.box("head_top", (-x + pw, -y, H - rail), (x - pw, -y + ht, H))
            w.box("head_low", (-x + pw, -y, frame_top - rail), (x - pw, -y + ht, frame_top))
            n = rng.randint(4, 8)
            sw = (2 * x - 2 * pw) / (2 * n + 1)
            for i in range(n):
                sx = -x + pw + sw * (2 * i + 1)
                w.box(f"slat_{i}", (sx, -y + ht * 0.25, frame_top), (sx + sw, -y + ht * 0.75, H - rail))
    if has_foot:
        fh = min(H * 0.95, mat_top + _clamp(0.0, 0.3, 0.3 * (H - mat_top)) * rng.uniform(0.3, 1.0))
        w.box("footboard", (-x, y - ht, 0.0), (x, y, fh))


def _bunk_bed(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    pt = _clamp(0.04, 0.09, 0.06 * min(W, D))
    rh = _clamp(0.05, 0.14, 0.08 * H)
    mt = _clamp(0.08, 0.18, 0.09 * H)
    lz = _clamp(0.18, 0.4, 0.2 * H)
    uz = H * rng.uniform(0.57, 0.63)
    g_top = uz + mt + (H - uz - mt) * rng.uniform(0.55, 0.8)
    round_posts = rng.random() < 0.35
    for i, (cx, cy) in enumerate(_corners(x, y, pt / 2)):
        if round_posts:
            w.cylinder(f"post_{i}", (cx, cy), pt / 2, 0.0, H, 12)
        else:
            w.box(f"post_{i}", (cx - pt / 2, cy - pt / 2, 0.0), (cx + pt / 2, cy + pt / 2, H))
    ladder_side = rng.choice((-1, 1))
    ladder_w = _clamp(0.25, 0.4, 0.2 * D)
    ly0 = y - pt - ladder_w  # the ladder's back rail is just behind this
    for deck, z in (("lower", lz), ("upper", uz)):
        in_ = pt * 0.2
        w.box(f"{deck}_rail_l", (-x + in_, -y + pt, z - rh), (-x + pt - in_, y - pt, z))
        w.box(f"{deck}_rail_r", (x - pt + in_, -y + pt, z - rh), (x - in_, y - pt, z))
        w.box(f"{deck}_rail_b", (-x + pt, -y + in_, z - rh), (x - pt, -y + pt - in_, z))
        w.box(f"{deck}_rail_f", (-x + pt, y - pt + in_, z - rh), (x - pt, y - in_, z))
        w.box(f"{deck}_deck", (-x + pt, -y + pt, z - 0.02), (x - pt, y - pt, z))
        w.box(f"{deck}_mattress", (-x + pt, -y + pt, z), (x - pt, y - pt, z + mt), material="fabric")
        w.sphere(f"{deck}_pillow", (0.0, -y + pt + 0.15 * D / 2 + 0.02, z + mt + 0.04),
                     (min(0.3, 0.3 * W), min(0.15, 0.075 * D), 0.04), 6, 12, material="fabric")
        top = z + (uz - z) * 0.35 if deck == "lower" else g_top
        w.box(f"{deck}_head", (-x + pt, -y + pt * 0.3, z), (x - pt, -y + pt * 0.7, top))
        w.box(f"{deck}_foot", (-x + pt, y - pt * 0.7, z), (x - pt, y - pt * 0.3, min(top, z + (g_top - uz))))
    # guard rails on the upper deck
    bh = _clamp(0.03, 0.06, 0.5 * rh)
    for i, sx in enumerate((-1, 1)):
        y1 = ly0 - pt * 0.5 if sx == ladder_side else y - pt
        x0, x1 = (-x + pt * 0.2, -x + pt * 0.8) if sx < 0 else (x - pt * 0.8, x - pt * 0.2)
        w.box(f"guard_{i}", (x0, -y + pt, g_top - bh), (x1, y1, g_top))
    # the ladder on one long side near the foot end
    lx0, lx1 = (-x, -x + pt) if ladder_side < 0 else (x - pt, x)
    w.box("ladder_rail", (lx0, ly0 - pt * 0.8, 0.0), (lx1, ly0, g_top))
    n_rungs = rng.randint(3, 5)
    for i in range(n_rungs):
        rz = lz + (uz - lz) * (i + 1) / (n_rungs + 1) if i < n_rungs - 1 else uz + (g_top - uz) * 0.5
        rz = max(rz, lz + 0.05)
        w.box(f"rung_{i}", (lx0 + pt * 0.2, ly0, rz - 0.025), (lx1 - pt * 0.2, y - pt, rz))


def _hospital_bed(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    cr = _clamp(0.03, 0.06, 0.05 * H)
    srt = _clamp(0.02, 0.04, 0.03 * W)
    dz = H * rng.uniform(0.42, 0.5)
    mt = _clamp(0.08, 0.16, 0.13 * H)
    hb = _clamp(0.03, 0.06, 0.03 * D)
    frame = rng.choice(("brushed metal", "steel", "chrome"))
    cx, cy = x - 0.06 * W - cr, y - 0.05 * D - cr
    ch0 = 2 * cr + 0.03
    for i, (px, py) in enumerate(((-cx, -cy), (cx, -cy), (-cx, cy), (cx, cy))):
        w.sphere(f"caster_{i}", (px, py, cr), cr, 6, 8, material="black plastic")
        w.cylinder(f"caster_stem_{i}", (px, py), cr * 0.35, cr * 1.5, ch0 + 0.01, 8, material=frame)
    ch1 = ch0 + _clamp(0.04, 0.1, 0.08 * H)
    w.box("chassis", (-cx - cr, -cy - cr, ch0), (cx + cr, cy + cr, ch1), material=frame)
    cw = _clamp(0.06, 0.14, 0.12 * W)
    for i, yc in enumerate((-0.25 * D, 0.25 * D)):
        w.box(f"lift_{i}", (-cw / 2, yc - cw / 2, ch1), (cw / 2, yc + cw / 2, dz - 0.04), material=frame)
    w.box("deck", (-x + srt + 0.01, -y + hb, dz - 0.04), (x - srt - 0.01, y - hb, dz), material=frame)
    w.box("mattress", (-x + srt + 0.015, -y + hb, dz), (x - srt - 0.015, y - hb, dz + mt), material="fabric")
    w.sphere("pillow", (0.0, -y + hb + 0.2, dz + mt + 0.04), (min(0.3, 0.3 * W), min(0.18, 0.08 * D), 0.05),
             6, 12, material="fabric")
    w.box("headboard", (-x + srt, -y, dz - 0.1 * H), (x - srt, -y + hb, H))
    w.box("footboard", (-x + srt, y - hb, dz - 0.1 * H), (x - srt, y, dz + mt + (H - dz - mt) * rng.uniform(0.4, 0.7)))
    # side rails: two per side; each rail is a frame of bars, raised or lowered
    rail_top = min(H - 0.02, dz + mt + _clamp(0.15, 0.3, 0.25 * H))
    bh = _clamp(0.015, 0.03, 0.1 * (rail_top - dz))
    segs = ((-y + 0.08 * D, -y + 0.45 * D), (-y + 0.5 * D, y - 0.12 * D))
    for s, sx in enumerate((-1, 1)):
        lowered = rng.random() < 0.3
        top = dz + mt * 0.5 if lowered else rail_top
        bot = dz - 0.15 * H if lowered else dz + 0.02
        x0, x1 = (-x, -x + srt) if sx < 0 else (x - srt, x)
        for k, (s0, s1) in enumerate(segs):
            p = f"siderail_{s}_{k}"
            w.box(f"{p}_top", (x0, s0, top - bh), (x1, s1, top), material=frame)
            w.box(f"{p}_mid", (x0, s0, (top + bot) / 2 - bh / 2), (x1, s1, (top + bot) / 2 + bh / 2), material=frame)
            w.box(f"{p}_bot", (x0, s0, bot), (x1, s1, bot + bh), material=frame)
            w.box(f"{p}_end0", (x0, s0, bot), (x1, s0 + bh, top), material=frame)
            w.box(f"{p}_end1", (x0, s1 - bh, bot), (x1, s1, top), material=frame)


def _crib(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    pt = _clamp(0.03, 0.06, 0.05 * min(W, D))
    base_z = _clamp(0.12, 0.4, H * rng.uniform(0.25, 0.35))
    rail = _clamp(0.025, 0.06, 0.05 * H)
    mt = _clamp(0.05, 0.12, 0.1 * H)
    round_posts = rng.random() < 0.4
    for i, (cx, cy) in enumerate(_corners(x, y, pt / 2)):
        if round_posts:
            w.cylinder(f"post_{i}", (cx, cy), pt / 2, 0.0, H, 12)
        else:
            w.box(f"post_{i}", (cx - pt / 2, cy - pt / 2, 0.0), (cx + pt / 2, cy + pt / 2, H))
    w.box("deck", (-x + pt, -y + pt, base_z - 0.02), (x - pt, y - pt, base_z))
    w.box("mattress", (-x + pt, -y + pt, base_z), (x - pt, y - pt, base_z + mt), material="fabric")
    solid_ends = rng.random() < 0.5
    s = _clamp(0.012, 0.025, 0.4 * pt)
    pitch = s + rng.uniform(0.045, 0.058)
    long_x = W >= D
    top_z = H - rail * 0.5 if rng.random() < 0.5 else H
    for side, (along_x, sgn) in enumerate(((True, 1), (True, -1), (False, -1), (False, 1))):
        length = (W if along_x else D) - 2 * pt
        is_long = along_x == long_x
        a0, a1 = -length / 2, length / 2
        c0, c1 = (y - pt * 0.7, y - pt * 0.3) if sgn > 0 else (-y + pt * 0.3, -y + pt * 0.7)
        if not along_x:
            c0, c1 = (x - pt * 0.7, x - pt * 0.3) if sgn > 0 else (-x + pt * 0.3, -x + pt * 0.7)

        def piece(name: str, u0: float, u1: float, z0: float, z1: float, ax: bool = along_x,
                  v0: float = c0, v1: float = c1) -> None:
            if ax:
                w.box(name, (u0, v0, z0), (u1, v1, z1))
            else:
                w.box(name, (v0, u0, z0), (v1, u1, z1))

        piece(f"rail_top_{side}", a0, a1, top_z - rail, top_z)
        piece(f"rail_bot_{side}", a0, a1, base_z - rail, base_z)
        if solid_ends and not is_long:
            piece(f"panel_{side}", a0, a1, base_z, top_z - rail)
            continue
        n = min(13 if is_long else 7, max(2, int(length / pitch)))
        for k in range(n):
            u = a0 + (k + 0.5) * length / n
            piece(f"slat_{side}_{k}", u - s / 2, u + s / 2, base_z, top_z - rail)
