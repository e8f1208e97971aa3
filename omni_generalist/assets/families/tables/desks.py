"""Tables family: the desk generator.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.frames`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.frames import METALS, WOODS, _bottom_up, _clamp, _corners, _fronts, _kind, _legs
from ...toolkit import AssetWriter

# ---------------------------------------------------------------------------- desks
DESK_KINDS = ("student desk", "school desk", "standing desk", "reception desk", "computer desk", "writing desk")


@generator("desk")
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
    w.built.knee = (round(inner[0], 4), round(inner[1], 4))
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
