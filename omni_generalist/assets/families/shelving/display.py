"""Shelving family: the display case, shoe rack generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import _bottom_up, _clamp, _compartments, _corners, _split
from ...toolkit import AssetWriter


@generator("display_cabinet")
@_bottom_up
def display_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
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


@generator("shoe_rack")
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
