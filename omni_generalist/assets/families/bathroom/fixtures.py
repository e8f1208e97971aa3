"""Bathroom family: the toilet, kitchen sink, bathroom sink, sink, bathtub, shower generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import GAP, HANDLE_METALS, _carcass, _clamp, _Ctx, _front, _handle
from ...toolkit import AssetWriter


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 touches its extremes)."""
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


# ====================================================================== bathroom and kitchen fixtures
def _lift_limit(length: float, thick: float, back_gap: float, head: float) -> float:
    """The largest lid angle (90..110°) whose swept lid stays in front of an obstacle that rises
    ``head`` above the pivot at ``back_gap`` behind it."""
    best = 90.0
    for a in range(90, 111):
        th = math.radians(a)
        ok = True
        for y, z in [(length * k / 20, zz) for k in range(21) for zz in (0.0, -thick)]:
            yy = y * math.cos(th) - z * math.sin(th)
            zz = y * math.sin(th) + z * math.cos(th)
            if yy < -back_gap + 0.002 and zz < head + 0.002:
                ok = False
        if not ok:
            break
        best = float(a)
    return best


@generator("toilet")
def toilet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A toilet: pedestal, bowl and seat (elliptical prisms), a rear foot under a tank with a flush
    button (its top a surface) and a lid hinged about X at its back edge (``0..+angle`` lifts it)."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat="chrome", front_t=0.0, hd=0.0)
    W, D, H = c.W, c.D, c.H
    td = _clamp(0.27 * D, 0.14, 0.24) * rng.uniform(0.9, 1.0)
    tf = -D / 2 + td
    zr = min(_clamp(0.52 * H, 0.33, 0.44), H - 0.2)
    st, lt = 0.016, 0.02
    ax = min(0.46 * W, 0.2)
    byb = (D / 2 - (tf - 0.05)) / 2
    ycb = D / 2 - byb
    zb0 = zr - st - 0.16
    c.prism("bowl", _ellipse(0.0, ycb, ax, byb), zb0, zr - st)
    c.prism("pedestal", _ellipse(0.0, ycb - 0.1 * byb, 0.62 * ax, 0.6 * byb, 20), 0.0, zb0 + 0.01)
    c.prism("seat", _ellipse(0.0, ycb, 0.97 * ax, 0.97 * byb), zr - st, zr, material="white plastic")
    c.box("rear", (-0.55 * ax, -D / 2 + 0.02, 0.0), (0.55 * ax, tf, zr - 0.07))
    c.box("tank", (-W / 2, -D / 2, zr - 0.08), (W / 2, tf, H - 0.008))
    c.cyl("flush", (0.0, (-D / 2 + tf) / 2), min(0.022, td / 4), H - 0.0085, H, material="chrome")
    c.w.surface(H - 0.008, -W / 2 + 0.02, -D / 2 + 0.01, W / 2 - 0.02, tf - 0.01)
    yl0 = tf + 0.02
    yl1 = ycb + 0.95 * byb
    zl0 = zr + GAP
    zl1 = zl0 + lt
    link = c.new_link("lid", (0.0, yl0, zl1))
    L = yl1 - yl0
    c.prism("lid", _ellipse(0.0, (yl0 + yl1) / 2, 0.95 * ax, L / 2), zl0, zl1, link, "white plastic")
    c.w.revolute(c.joint_name(link), link, "X", 0.0, _lift_limit(L, lt, yl0 - tf, H - zl1))


def _sink(w: AssetWriter, size: Size, kitchen: bool) -> None:
    """A sink cabinet: carcass with doors (and a false drawer front in kitchens) under a counter
    frame around one or two basins (bottom plate and four walls each) with a faucet."""
    rng = w.rng
    c = _Ctx(w, size)
    W, D, H = c.W, c.D, c.H
    fh = _clamp(0.13 * H, 0.08, 0.16)
    zc = H - fh
    ct = 0.03
    if kitchen:
        base, p = "plinth", _clamp(0.11 * zc, 0.08, 0.11)
    else:
        base = rng.choice(("plinth", "legs"))
        p = 0.07 if base == "plinth" else rng.uniform(0.12, 0.18)
    inner = _carcass(c, base=base, p=p, top_z=zc, tt=ct, top=False, recess=0.05)
    zone = (-W / 2, W / 2, p, zc - ct - GAP)
    n = 1 if W < 0.55 else 2
    rows: list[dict] = []
    if kitchen or rng.random() < 0.4:
        rows.append({"kind": "panel", "h": _clamp(0.16 * (zc - p), 0.09, 0.14), "handle": True})
    rows.append({"kind": "doors", "f": 1.0, "n": n, "shelves": 0, "surfaces": False})
    _front(c, rows, zone, inner)
    # counter frame around the basin holes
    yb = -D / 2
    back_d = _clamp(0.22 * D, 0.08, 0.13)
    hy0 = yb + back_d
    hy1 = min(c.yc - 0.01, D / 2 - 0.05)
    double = kitchen and W >= 0.95 and rng.random() < 0.5
    side = max(0.06, (W - (0.8 if double else (0.6 if kitchen else 0.5))) / 2)
    hx0, hx1 = -W / 2 + side, W / 2 - side
    mid = 0.05
    holes = [(hx0, -mid / 2), (mid / 2, hx1)] if double else [(hx0, hx1)]
    c.box("counter", (-W / 2, yb, zc - ct), (W / 2, hy0, zc))
    c.box("counter", (-W / 2, hy1, zc - ct), (W / 2, D / 2, zc))
    c.box("counter", (-W / 2, hy0, zc - ct), (hx0, hy1, zc))
    c.box("counter", (hx1, hy0, zc - ct), (W / 2, hy1, zc))
    if double:
        c.box("counter", (-mid / 2, hy0, zc - ct), (mid / 2, hy1, zc))
    bmat = "steel" if kitchen else rng.choice(("ceramic", "porcelain"))
    bd = _clamp(0.25 * (zc - p), 0.12, 0.2) if kitchen else _clamp(0.2 * (zc - p), 0.1, 0.15)
    bd = min(bd, zc - ct - (p + c.t) - 0.05)
    wt = 0.01
    for a, b in holes:
        zb = zc - bd
        c.box("basin", (a, hy0, zb - wt), (b, hy1, zb), material=bmat)
        c.box("basin_wall", (a, hy0, zb), (b, hy0 + wt, zc), material=bmat)
        c.box("basin_wall", (a, hy1 - wt, zb), (b, hy1, zc), material=bmat)
        c.box("basin_wall", (a, hy0 + wt, zb), (a + wt, hy1 - wt, zc), material=bmat)
        c.box("basin_wall", (b - wt, hy0 + wt, zb), (b, hy1 - wt, zc), material=bmat)
        c.cyl("drain", ((a + b) / 2, (hy0 + hy1) / 2), 0.025, zb, zb + 0.003, material="steel")
        c.w.surface(zb, a + wt, hy0 + wt, b - wt, hy1 - wt, clearance=round(bd + fh * 0.5, 5), inside=True)
    # faucet on the back strip
    fy = (yb + hy0) / 2
    r = 0.016
    c.cyl("faucet", (0.0, fy), r, zc, H - 0.005, material="chrome")
    c.box("spout", (-0.012, fy, H - 0.025), (0.012, min(hy0 + 0.08, hy1 - 0.02), H), material="chrome")
    c.box("lever", (r * 0.5, fy - 0.008, H - 0.06), (r + 0.06, fy + 0.008, H - 0.045), material="chrome")
    for a, b in ((-W / 2, hx0), (hx1, W / 2)):
        if b - a >= 0.1:
            c.w.surface(zc, a, hy0, b, D / 2)


@generator("kitchen_sink")
def kitchen_sink(w: AssetWriter, size: Size, cat: Category) -> None:
    """A kitchen sink cabinet (steel basin, sometimes double)."""
    _sink(w, size, kitchen=True)


@generator("bathroom_sink")
def bathroom_sink(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bathroom sink cabinet (porcelain basin)."""
    _sink(w, size, kitchen=False)


@generator("sink")
def sink(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sink cabinet: kitchen style when wide and deep, bathroom style otherwise."""
    W, D, _ = size
    _sink(w, size, kitchen=W >= 0.8 and D >= 0.55)


@generator("bathtub")
def bathtub(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bathtub (fixed, no joints): a floor slab and four walls around an open inside (a surface),
    sometimes raised on four feet, with a spout and a drain at one end of its long axis."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0, fixed=True)
    W, D, H = c.W, c.D, c.H
    wall = _clamp(0.08 * min(W, D), 0.05, 0.09)
    claw = rng.random() < 0.25
    fh = min(rng.uniform(0.1, 0.15), 0.3 * H) if claw else 0.0
    ft = 0.07
    x0, x1, y0, y1 = -W / 2, W / 2, -D / 2, D / 2
    c.box("floor", (x0 + wall, y0 + wall, fh), (x1 - wall, y1 - wall, fh + ft))
    c.box("wall", (x0, y0, fh), (x1, y0 + wall, H))
    c.box("wall", (x0, y1 - wall, fh), (x1, y1, H))
    c.box("wall", (x0, y0 + wall, fh), (x0 + wall, y1 - wall, H))
    c.box("wall", (x1 - wall, y0 + wall, fh), (x1, y1 - wall, H))
    if claw:
        for sx in (-1, 1):
            for sy in (-1, 1):
                cx = sx * (W / 2 - _clamp(0.15 * W, 0.06, 0.2))
                cy = sy * (D / 2 - _clamp(0.15 * D, 0.06, 0.2))
                c.frustum("foot", (cx, cy), 0.03, 0.045, 0.0, fh + 0.01, material=c.hmat, segments=12)
    fz = fh + ft
    c.w.surface(fz, x0 + wall, y0 + wall, x1 - wall, y1 - wall, clearance=round(H - fz, 5), inside=True)
    # spout and drain at the foot end of the long axis
    if W >= D:
        xi = x0 + wall
        c.box("spout", (xi, -0.02, H - 0.09), (xi + 0.12, 0.02, H - 0.065), material=c.hmat)
        c.box("valve", (xi, -0.09, H - 0.13), (xi + 0.03, -0.05, H - 0.1), material=c.hmat)
        c.box("valve", (xi, 0.05, H - 0.13), (xi + 0.03, 0.09, H - 0.1), material=c.hmat)
        c.cyl("drain", (xi + 0.15, 0.0), 0.025, fz, fz + 0.004, material="steel")
    else:
        yi = y0 + wall
        c.box("spout", (-0.02, yi, H - 0.09), (0.02, yi + 0.12, H - 0.065), material=c.hmat)
        c.box("valve", (-0.09, yi, H - 0.13), (-0.05, yi + 0.03, H - 0.1), material=c.hmat)
        c.box("valve", (0.05, yi, H - 0.13), (0.09, yi + 0.03, H - 0.1), material=c.hmat)
        c.cyl("drain", (0.0, yi + 0.15), 0.025, fz, fz + 0.004, material="steel")


@generator("shower")
def shower(w: AssetWriter, size: Size, cat: Category) -> None:
    """A shower: a tray, glass side panel(s), a front of a fixed glass panel and a hinged glass
    door between metal posts under a top rail, and a riser with a rain head at the back."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.008, hd=0.03)
    W, D, H = c.W, c.D, c.H
    th = rng.uniform(0.04, 0.08)
    gt = 0.008
    pw = 0.03
    yg0, yg1 = c.yc + GAP, c.yf
    c.box("tray", (-W / 2, -D / 2, 0.0), (W / 2, D / 2, th))
    c.w.surface(th, -W / 2 + 0.05, -D / 2 + 0.05, W / 2 - 0.05, yg0 - 0.02, clearance=round(H - th - 0.3, 5), inside=True)
    c.cyl("drain", (0.0, 0.0), 0.04, th, th + 0.003, material="steel")
    for sx in (-1, 1):
        a, b = sorted((sx * W / 2, sx * (W / 2 - pw)))
        c.box("post", (a, yg0 - 0.01, th), (b, yg1 + 0.004, H), material=c.hmat)
    c.box("top_rail", (-W / 2 + pw, yg0, H - 0.03), (W / 2 - pw, yg1, H), material=c.hmat)
    sides = rng.choice((("left",), ("right",), ("left", "right")))
    for s in sides:
        a, b = (-W / 2, -W / 2 + gt) if s == "left" else (W / 2 - gt, W / 2)
        c.box("side_glass", (a, -D / 2 + 0.005, th), (b, yg0 - 0.012, H), material="glass")
    inner_w = W - 2 * pw
    dw = min(_clamp(0.55 * inner_w, 0.5, 0.7), inner_w - 0.05)
    door_right = rng.random() < 0.5
    if door_right:
        dx1 = W / 2 - pw - GAP
        dx0 = dx1 - dw
        fx0, fx1 = -W / 2 + pw, dx0 - GAP
        hinge = "right"
    else:
        dx0 = -W / 2 + pw + GAP
        dx1 = dx0 + dw
        fx0, fx1 = dx1 + GAP, W / 2 - pw
        hinge = "left"
    if fx1 - fx0 > 0.03:
        c.box("front_glass", (fx0, yg0, th), (fx1, yg1, H - 0.03), material="glass")
    dz0, dz1 = th + GAP, H - 0.03 - GAP
    link = c.new_link("door", (dx0 if hinge == "left" else dx1, yg1, dz0))
    c.box("glass", (dx0, yg0, dz0), (dx1, yg1, dz1), link, "glass")
    hx = dx1 - 0.06 if hinge == "left" else dx0 + 0.06
    _handle(c, link, hx, _clamp(1.05, dz0 + 0.2, dz1 - 0.2), 0.3, True, "bar")
    lo, hi = (0.0, 90.0) if hinge == "left" else (-90.0, 0.0)
    c.w.revolute(c.joint_name(link), link, "Z", lo, hi)
    # riser and head at the back
    ry = -D / 2 + 0.04
    c.cyl("riser", (0.0, ry), 0.012, th, H - 0.15, material="chrome", segments=12)
    c.box("mixer", (-0.06, ry, 1.0), (0.06, ry + 0.05, 1.08), material="chrome")
    c.box("arm", (-0.01, ry, H - 0.17), (0.01, ry + 0.2, H - 0.15), material="chrome")
    c.cyl("head", (0.0, ry + 0.2), 0.1, H - 0.19, H - 0.17, material="chrome", segments=20)
