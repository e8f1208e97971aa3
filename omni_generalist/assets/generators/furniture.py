"""Furniture generators: beds, seating, tables, desks, counters, shelving, stands and racks.

Every generator builds in the object frame (origin at the bottom centre, front towards +Y, Z up)
from convex parts that exactly fill the box ``[-w/2, w/2] × [-d/2, d/2] × [0, h]``. Proportions
scale with the size; style choices (leg shapes, shelf counts, back styles, …) come from the
writer's seeded ``w.rng``. The main material is bound to the object root by the caller; parts
only name secondary materials (metal legs, fabric cushions, glass, handles). Nothing here opens.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from ..builders import generator
from ..catalog import Category
from ..parts import AssetWriter

Size = tuple[float, float, float]
Box = tuple[float, float, float]

WOODS = ("oak wood", "walnut wood")
METALS = ("chrome", "brushed metal", "steel", "painted black")
CUSHIONS = ("fabric", "leather")


# ---------------------------------------------------------------------------- helpers
def _bottom_up(fn):
    """Wrap a generator so that its support surfaces come out ordered from the lowest up."""
    @functools.wraps(fn)
    def wrapped(w: AssetWriter, size: Size, cat: Category) -> None:
        start = len(w.built.surfaces)
        fn(w, size, cat)
        w.built.surfaces[start:] = sorted(w.built.surfaces[start:], key=lambda s: (s.z, s.x0, s.y0))
    return wrapped


def _clamp(lo: float, hi: float, v: float) -> float:
    """``v`` limited to ``lo..hi`` (``hi`` wins when ``lo > hi``)."""
    return min(hi, max(lo, v))


def _kind(cat: Category, kinds: Sequence[str], default: str) -> str:
    """The first of ``kinds`` that is the category's name or one of its tags, else ``default``."""
    if cat.name in kinds:
        return cat.name
    for tag in cat.tags:
        if tag in kinds:
            return tag
    return default


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 20) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 touches its extremes)."""
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


def _chamfer_rect(x: float, y: float, c: float) -> list[tuple[float, float]]:
    """A counter-clockwise rectangle ``[-x, x] × [-y, y]`` with its corners cut by ``c``."""
    return [(-x + c, -y), (x - c, -y), (x, -y + c), (x, y - c), (x - c, y), (-x + c, y), (-x, y - c), (-x, -y + c)]


def _bar(x0: float, y0: float, x1: float, y1: float, t: float) -> list[tuple[float, float]]:
    """A counter-clockwise outline of a bar of width ``t`` from ``(x0, y0)`` to ``(x1, y1)``."""
    dx, dy = x1 - x0, y1 - y0
    ln = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / ln * t / 2, dx / ln * t / 2
    return [(x0 - nx, y0 - ny), (x1 - nx, y1 - ny), (x1 + nx, y1 + ny), (x0 + nx, y0 + ny)]


def _split(a: float, b: float, n: int, gap: float = 0.0) -> list[tuple[float, float]]:
    """``n`` equal intervals over ``a..b`` separated by ``gap``."""
    step = (b - a - gap * (n - 1)) / n
    return [(a + i * (step + gap), a + i * (step + gap) + step) for i in range(n)]


def _corners(x: float, y: float, r: float) -> list[tuple[float, float]]:
    """Centres of four legs of half-size ``r`` in the corners of ``[-x, x] × [-y, y]``."""
    return [(-x + r, -y + r), (x - r, -y + r), (-x + r, y - r), (x - r, y - r)]


def _legs(w: AssetWriter, prefix: str, centers: Sequence[tuple[float, float]], r: float, z0: float, z1: float,
          style: str = "square", material: str | None = None) -> None:
    """Vertical legs of half-size ``r``: square boxes, round cylinders or tapered frustums."""
    for i, (cx, cy) in enumerate(centers):
        name = f"{prefix}_{i}"
        if style == "round":
            w.cylinder(name, (cx, cy), r, z0, z1, 12, material=material)
        elif style == "tapered":
            w.frustum(name, (cx, cy), r * 0.6, r, z0, z1, 12, material=material)
        else:
            w.box(name, (cx - r, cy - r, z0), (cx + r, cy + r, z1), material=material)


def _compartments(rng, z0: float, z1: float, t: float, spacing: tuple[float, float],
                  min_clear: float = 0.18, max_n: int = 8) -> tuple[list[float], list[float]]:
    """Split the free height ``z0..z1`` by boards of thickness ``t``.

    Returns the bottom z of every intermediate board and the free height of every compartment
    (bottom to top). The number of compartments and whether the bottom one is taller vary with
    ``rng``; every compartment keeps at least ``min_clear`` when the span allows it.
    """
    span = max(z1 - z0, 1e-3)
    n = min(max_n, max(1, round(span / rng.uniform(*spacing))))
    while n > 1 and (span - (n - 1) * t) / n < min_clear:
        n -= 1
    free = span - (n - 1) * t
    weights = [rng.uniform(1.2, 1.5)] + [1.0] * (n - 1) if n > 1 and rng.random() < 0.45 else [1.0] * n
    clears = [free * wt / sum(weights) for wt in weights]
    if min(clears) < min_clear:
        clears = [free / n] * n
    boards, z = [], z0
    for c in clears[:-1]:
        z += c
        boards.append(z)
        z += t
    return boards, clears


def _fronts(w: AssetWriter, prefix: str, x0: float, x1: float, z0: float, z1: float, yf: float, pf: float,
            hd: float, n_units: int, material: str | None = None, handle: str | None = "chrome") -> None:
    """Fixed door and drawer fronts on a cabinet face at ``y = yf`` (panels to ``yf + pf``, handles
    to ``yf + pf + hd``), ``n_units`` side by side; the layout of each unit varies with the seed."""
    rng = w.rng
    hgt = z1 - z0
    g = _clamp(0.002, 0.004, 0.01 * hgt)
    for i, (u0, u1) in enumerate(_split(x0, x1, n_units)):
        layout = rng.choice(("door", "door", "drawer_door", "drawers")) if hgt > 0.3 else "drawer"
        if layout == "door":
            rows = [(z0, z1)]
        elif layout == "drawer_door":
            dh = min(0.18, 0.3 * hgt)
            rows = [(z0, z1 - dh), (z1 - dh, z1)]
        elif layout == "drawers":
            rows = _split(z0, z1, 3 if hgt > 0.5 else 2)
        else:
            rows = [(z0, z1)]
        for j, (r0, r1) in enumerate(rows):
            w.box(f"{prefix}_{i}_{j}", (u0 + g, yf, r0 + g), (u1 - g, yf + pf, r1 - g), material=material)
            if handle is None or hd <= 0:
                continue
            uw, rh = u1 - u0, r1 - r0
            door = layout == "door" or (layout == "drawer_door" and j == 0)
            if door and rh > 0.25:  # a vertical bar near the edge towards the unit's neighbour
                hh, hw = min(0.15, 0.3 * rh), min(0.012, 0.1 * uw)
                hx = u1 - 0.06 * uw - hw if i % 2 == 0 else u0 + 0.06 * uw
                hz = r1 - 0.15 * rh - hh if rh > 0.5 else (r0 + r1 - hh) / 2
                w.box(f"{prefix}_h{i}_{j}", (hx, yf + pf, hz), (hx + hw, yf + pf + hd, hz + hh), material=handle)
            else:  # a horizontal pull centred near the top
                hw, hh = min(0.14, 0.4 * uw), min(0.012, 0.2 * rh)
                hz = r1 - max(0.25 * rh, hh + g) - hh / 2
                cx = (u0 + u1) / 2
                w.box(f"{prefix}_h{i}_{j}", (cx - hw / 2, yf + pf, hz), (cx + hw / 2, yf + pf + hd, hz + hh),
                      material=handle)


def _radial_leg(w: AssetWriter, name: str, c: tuple[float, float], tip: tuple[float, float], t: float,
                z0: float, z1: float, material: str | None = None, foot: str | None = None) -> None:
    """A flat bar from ``c`` to ``tip`` with a round foot there (the foot reaches ``t / 2`` past it)."""
    w.prism(name, _bar(c[0], c[1], tip[0], tip[1], t), z0, z1, material=material)
    w.cylinder(f"{name}_foot", tip, t / 2, 0.0, z1, 12, material=foot or material)


# ---------------------------------------------------------------------------- beds
@generator("bed", "double bed", "single bed", "bunk bed", "hospital bed", "crib")
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
    if rng.random() < 0.65:
        dz = _clamp(0.01, 0.04, 0.03 * H)
        y0 = yb + (yf - yb) * rng.uniform(0.3, 0.45)
        w.box("duvet", (-x + e * 0.5, y0, mat_top - 0.4 * mat_t), (x - e * 0.5, yf - e * 0.5, mat_top + dz),
              material="fabric")
    _pillows(w, -x + e + 0.05 * W, x - e - 0.05 * W, yb + 0.03 * D, mat_top,
             _clamp(0.05, 0.15, 0.14 * (H - mat_top)), _clamp(0.2, 0.45, 0.18 * D))
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


# ---------------------------------------------------------------------------- sofas and armchairs
@generator("sofa", "couch", "sectional sofa", "sectional", "loveseat")
@_bottom_up
def sofa(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sofa: frame, arms, seat and back cushions, legs or a plinth; sectionals have a chaise."""
    kind = _kind(cat, ("sectional sofa", "sectional", "loveseat"), "sofa")
    if kind in ("sectional sofa", "sectional"):
        _upholstered(w, size, "sectional")
    else:
        _upholstered(w, size, "loveseat" if kind == "loveseat" else "sofa")


@generator("armchair", "accent chair", "lounge chair", "recliner")
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


# ---------------------------------------------------------------------------- chairs
@generator("chair", "dining chair", "kitchen chair", "student chair", "school chair", "office chair",
           "desk chair", "gaming chair")
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


@generator("rocking chair")
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


# ---------------------------------------------------------------------------- stools, benches, ottomans
@generator("stool", "bar stool", "counter stool")
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


@generator("bench", "park bench", "piano bench")
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


@generator("ottoman", "footstool", "pouf")
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


@generator("beanbag", "bean bag", "bean bag chair")
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


# ---------------------------------------------------------------------------- tables
TABLE_KINDS = ("coffee table", "side table", "end table", "dining table", "kitchen table", "conference table",
               "round table", "display table", "console table")


@generator("table", *TABLE_KINDS)
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


# ---------------------------------------------------------------------------- desks
DESK_KINDS = ("student desk", "school desk", "standing desk", "reception desk", "computer desk", "writing desk")


@generator("desk", *DESK_KINDS)
@_bottom_up
def desk(w: AssetWriter, size: Size, cat: Category) -> None:
    """A desk: top on legs, side panels or a drawer pedestal, with an optional modesty panel;
    student desks have a book rack, standing desks T-legs, reception desks a raised front ledge."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    kind = _kind(cat, DESK_KINDS, "desk")
    if kind == "reception desk":
        _reception_desk(w, size)
        return
    tt = _clamp(0.018, 0.045, 0.035 * H) * rng.uniform(0.9, 1.15)
    z1 = H - tt
    top_mat = rng.choice((None, None, *WOODS, "painted white"))
    w.box("top", (-x, -y, z1), (x, y, H), material=top_mat)
    w.surface(H, -x, -y, x, y, 1.0)
    if kind == "standing desk":
        metal = rng.choice(("painted black", "brushed metal", "painted white", "steel"))
        cw = _clamp(0.04, 0.08, 0.06 * W)
        fh = _clamp(0.025, 0.05, 0.04 * H)
        px = x - _clamp(0.05, 0.2, 0.1 * W) * rng.uniform(0.7, 1.0)
        for i, sx in enumerate((-1, 1)):
            cx = sx * (px - cw / 2)
            w.box(f"foot_{i}", (cx - cw / 2, -y + 0.03 * D, 0.0), (cx + cw / 2, y - 0.03 * D, fh), material=metal)
            w.box(f"column_outer_{i}", (cx - cw / 2, -cw * 0.75, fh), (cx + cw / 2, cw * 0.75, 0.5 * H), material=metal)
            w.box(f"column_inner_{i}", (cx - cw * 0.4, -cw * 0.6, 0.5 * H - 0.02), (cx + cw * 0.4, cw * 0.6, z1 - 0.02),
                  material=metal)
            w.box(f"cleat_{i}", (cx - cw / 2, -y + 0.05 * D, z1 - 0.025), (cx + cw / 2, y - 0.05 * D, z1), material=metal)
        w.box("crossbar", (-px + cw, -0.02, z1 - 0.05), (px - cw, 0.02, z1 - 0.01), material=metal)
        w.box("controller", (x - 0.2 * W, y - 0.06, z1 - 0.025), (x - 0.2 * W + 0.1, y - 0.01, z1), material="black plastic")
        return
    if kind in ("student desk", "school desk"):
        metal = rng.choice(("steel", "chrome", "painted black", "brushed metal"))
        lt = _clamp(0.02, 0.04, 0.05 * min(W, D))
        _legs(w, "leg", _corners(x - 0.01, y - 0.01, lt / 2), lt / 2, 0.0, z1, rng.choice(("square", "round")), metal)
        for i, sx in enumerate((-1, 1)):
            cx = sx * (x - 0.01 - lt / 2)
            w.box(f"side_bar_{i}", (cx - lt / 2, -y + 0.01 + lt, 0.15 * H), (cx + lt / 2, y - 0.01 - lt, 0.15 * H + lt),
                  material=metal)
        rh = _clamp(0.08, 0.14, 0.15 * H)
        bt = _clamp(0.008, 0.015, 0.02 * D)
        rx0, rx1 = -x + 0.01 + lt, x - 0.01 - lt
        ry0, ry1 = -y + 0.01 + lt, y - 0.12 * D
        rz0 = z1 - rh
        w.box("rack_bottom", (rx0, ry0, rz0), (rx1, ry1, rz0 + bt), material=metal if rng.random() < 0.5 else None)
        w.box("rack_back", (rx0, ry0, rz0), (rx1, ry0 + bt, z1))
        w.surface(rz0 + bt, rx0, ry0 + bt, rx1, ry1, rh - bt)
        return
    support = rng.choice(("legs", "panels", "pedestal", "pedestal"))
    lt = _clamp(0.03, 0.07, 0.05 * min(W, D))
    leg_mat = rng.choice((None, *METALS))
    left = "legs"
    right = "legs"
    if support == "panels":
        left = right = "panel"
    elif support == "pedestal":
        side = rng.choice((-1, 1))
        other = rng.choice(("legs", "panel"))
        left, right = ("pedestal", other) if side < 0 else (other, "pedestal")
    pt = _clamp(0.018, 0.05, 0.03 * W)
    pw = min(_clamp(0.3, 0.45, 0.3 * W), 0.4 * W)
    inner = []
    for i, (sx, what) in enumerate(((-1, left), (1, right))):
        if what == "legs":
            cx = sx * (x - lt / 2)
            _legs(w, f"leg_{i}", [(cx, -y + lt / 2), (cx, y - lt / 2)], lt / 2, 0.0, z1 + 0.002,
                  rng.choice(("square", "round")), leg_mat)
            inner.append(sx * (x - lt))
        elif what == "panel":
            x0, x1 = (-x, -x + pt) if sx < 0 else (x - pt, x)
            w.box(f"panel_{i}", (x0, -y, 0.0), (x1, y, z1 + 0.002))
            inner.append(sx * (x - pt))
        else:
            x0, x1 = (-x, -x + pw) if sx < 0 else (x - pw, x)
            hd, pf = 0.012, 0.015
            w.box(f"pedestal_{i}", (x0, -y, 0.0), (x1, y - pf - hd, z1 + 0.002))
            _fronts(w, f"drawer_{i}", x0, x1, 0.03, z1 - 0.005, y - pf - hd, pf, hd, 1)
            inner.append(sx * (x - pw))
    if rng.random() < 0.6:
        mt = _clamp(0.012, 0.025, 0.02 * D)
        my = -y + (0.0 if left == "panel" and right == "panel" else lt) + 0.01
        w.box("modesty", (inner[0], my, H * rng.uniform(0.25, 0.45)), (inner[1], my + mt, z1 + 0.002))
    if rng.random() < 0.4:  # a shallow drawer under the top between the supports
        dw = min(0.6, 0.5 * (inner[1] - inner[0]))
        w.box("center_drawer", (-dw / 2, -y + 0.1 * D, z1 - 0.08), (dw / 2, y - 0.03, z1))
        w.box("center_handle", (-0.06, y - 0.03, z1 - 0.05), (0.06, y - 0.005, z1 - 0.035), material="chrome")


def _reception_desk(w: AssetWriter, size: Size) -> None:
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    tt = _clamp(0.02, 0.04, 0.03 * H)
    dh = min(0.76, 0.68 * H)
    ft = _clamp(0.02, 0.06, 0.05 * D)
    ledge_d = _clamp(0.2, 0.35, 0.3 * D) * rng.uniform(0.85, 1.0)
    pt = _clamp(0.02, 0.05, 0.03 * W)
    front_mat = rng.choice((None, *WOODS, "painted white", "painted black"))
    # the visitor side (+Y): a tall front panel with an overhanging ledge at full height
    w.box("front_panel", (-x, y - ledge_d * 0.5 - ft, 0.0), (x, y - ledge_d * 0.5, H - tt), material=front_mat)
    kick = _clamp(0.05, 0.1, 0.08 * H)
    w.box("front_kick", (-x + 0.02, y - ledge_d * 0.5 - ft - 0.02, 0.0), (x - 0.02, y - ledge_d * 0.5 - ft, kick),
          material="black plastic")
    w.box("ledge", (-x, y - ledge_d, H - tt), (x, y, H), material=rng.choice((None, *WOODS, "glass")))
    w.surface(H, -x, y - ledge_d, x, y, 1.0)
    # the receptionist's side: a work surface on end panels
    w.box("work_top", (-x, -y, dh - tt), (x, y - ledge_d * 0.5 - ft, dh))
    w.surface(dh, -x, -y, x, y - ledge_d, 1.0)
    for i, sx in enumerate((-1, 1)):
        x0, x1 = (-x, -x + pt) if sx < 0 else (x - pt, x)
        w.box(f"end_{i}", (x0, -y, 0.0), (x1, y - ledge_d * 0.5 - ft, dh - tt))
    if rng.random() < 0.5:  # a drawer pedestal under the work surface
        side = rng.choice((-1, 1))
        pw = min(0.42, 0.3 * W)
        x0, x1 = (-x + pt, -x + pt + pw) if side < 0 else (x - pt - pw, x - pt)
        w.box("pedestal", (x0, -y + 0.05, 0.0), (x1, y - ledge_d * 0.5 - ft, dh - tt))
        _fronts(w, "drawer", x0, x1, 0.03, dh - tt - 0.005, -y + 0.03, 0.015, 0.0, 1, handle=None)
    if rng.random() < 0.4:  # a raised side return
        side = rng.choice((-1, 1))
        x0, x1 = (-x, -x + pt) if side < 0 else (x - pt, x)
        w.box("return_panel", (x0, -y + 0.3 * D, dh), (x1, y - ledge_d * 0.5 - ft, H - tt))


# ---------------------------------------------------------------------------- counters
COUNTER_KINDS = ("kitchen counter", "checkout counter", "bar counter", "service counter", "kitchen island", "counter")


@generator(*COUNTER_KINDS)
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
@generator("workbench", "work table", "lab bench")
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


# ---------------------------------------------------------------------------- bookcases and shelving
@generator("bookcase", "bookshelf", "pantry shelf")
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


@generator("shelf", "shelving unit")
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


@generator("wall shelf", "floating shelf")
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


@generator("pallet rack", "warehouse rack")
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


@generator("display case", "display cabinet", "showcase", "display counter")
@_bottom_up
def display_case(w: AssetWriter, size: Size, cat: Category) -> None:
    """A display case: a solid base, corner posts, glass sides, front, top and glass shelves (a
    low case is a counter with a glass top); the base floor and every shelf are support surfaces."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    counter_ = H < 1.3
    base_h = H * (rng.uniform(0.45, 0.6) if counter_ else rng.uniform(0.08, 0.16))
    pt = _clamp(0.018, 0.04, 0.03 * min(W, D))
    gt = _clamp(0.005, 0.01, 0.01 * min(W, D))
    ct = gt if counter_ else _clamp(0.02, 0.05, 0.03 * H)
    w.box("base", (-x, -y, 0.0), (x, y, base_h))
    for i, (cx, cy) in enumerate(_corners(x, y, pt / 2)):
        w.box(f"post_{i}", (cx - pt / 2, cy - pt / 2, base_h), (cx + pt / 2, cy + pt / 2, H - ct),
              material=rng.choice((None, "chrome", "brushed metal")) if i == 0 else None)
    if counter_:
        w.box("top", (-x, -y, H - gt), (x, y, H), material="glass")
        w.surface(H, -x, -y, x, y, 1.0)
    else:
        w.box("top", (-x, -y, H - ct), (x, y, H))
    w.box("glass_front", (-x + pt, y - gt - pt * 0.2, base_h), (x - pt, y - pt * 0.2, H - ct), material="glass")
    w.box("glass_back", (-x + pt, -y + pt * 0.2, base_h), (x - pt, -y + pt * 0.2 + gt, H - ct),
          material="glass" if rng.random() < 0.6 else None)
    w.box("glass_left", (-x + pt * 0.2, -y + pt, base_h), (-x + pt * 0.2 + gt, y - pt, H - ct), material="glass")
    w.box("glass_right", (x - pt * 0.2 - gt, -y + pt, base_h), (x - pt * 0.2, y - pt, H - ct), material="glass")
    st = gt * 1.2
    boards, clears = _compartments(rng, base_h, H - ct, st, (0.28, 0.42), 0.17, 6)
    for i, zb in enumerate(boards):
        w.box(f"shelf_{i}", (-x + pt, -y + pt, zb), (x - pt, y - pt, zb + st), material="glass")
    for zs, cl in zip([base_h, *[b + st for b in boards]], clears, strict=True):
        w.surface(zs, -x + pt, -y + pt, x - pt, y - pt, cl)
    if not counter_ and rng.random() < 0.5:
        w.box("plinth_trim", (-x, y - 0.01, 0.0), (x, y, min(0.06, base_h * 0.5)), material="painted black")


# ---------------------------------------------------------------------------- cabinets with open shelves
@generator("tv stand", "tv cabinet", "media console")
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


@generator("changing table", "changing station")
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


@generator("vanity", "bathroom vanity", "vanity cabinet")
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


# ---------------------------------------------------------------------------- stands and racks
@generator("music stand")
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


@generator("clothing rack", "clothes rack", "garment rack")
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


@generator("coat rack", "coat stand", "hat stand")
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


@generator("shoe rack", "shoe shelf")
@_bottom_up
def shoe_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A shoe rack: two side frames and two to five tiers (boards or slats); every tier is a surface."""
    W, D, H = size
    x, y = W / 2, D / 2
    rng = w.rng
    st = _clamp(0.015, 0.03, 0.03 * W)
    sides = rng.choice(("panels", "frames"))
    slats = rng.random() < 0.5
    t = min(_clamp(0.012, 0.02, 0.02 * H), H / 12)
    mat = rng.choice((None, "chrome", "brushed metal", "painted black")) if sides == "frames" else None
    if sides == "panels":
        w.box("side_left", (-x, -y, 0.0), (-x + st, y, H))
        w.box("side_right", (x - st, -y, 0.0), (x, y, H))
    else:
        for i, (cx, cy) in enumerate(_corners(x, y, st / 2)):
            w.box(f"post_{i}", (cx - st / 2, cy - st / 2, 0.0), (cx + st / 2, cy + st / 2, H), material=mat)
    b0 = _clamp(0.02, 0.08, 0.06 * H)
    boards, clears = _compartments(rng, b0 + t, H - t, t, (0.16, 0.24), 0.13, 4)
    levels = [b0, *boards, H - t]
    ix0, ix1 = -x + st, x - st
    for i, zb in enumerate(levels):
        if slats and i < len(levels) - 1:
            n = rng.randint(2, 4)
            for k, (a, b) in enumerate(_split(-y, y, n, 0.02)):
                w.box(f"tier_{i}_{k}", (ix0, a, zb), (ix1, b, zb + t), material=mat)
        else:
            w.box(f"tier_{i}", (ix0 - (0.0 if sides == "panels" else st), -y, zb), (ix1 + (0.0 if sides == "panels" else st), y, zb + t))
    for i, zb in enumerate(levels):
        w.surface(zb + t, ix0, -y, ix1, y, clears[i] if i < len(clears) else 1.0)
