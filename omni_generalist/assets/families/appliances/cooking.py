"""Appliances family: the oven, stove, microwave, dishwasher generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import (
    GAP,
    HANDLE_METALS,
    _carcass,
    _clamp,
    _Ctx,
    _front,
    _handle,
    _top_surface,
    _zone,
)
from ...toolkit import AssetWriter


def _range(w: AssetWriter, size: Size, cooktop: bool) -> None:
    rng = w.rng
    c = _Ctx(w, size, t=0.02, front_t=0.045, style="bar", hd=0.04, hmat=rng.choice(HANDLE_METALS))
    W, D, H = c.W, c.D, c.H
    if H < 0.45:
        _box_appliance(c, drop=True)
        return
    backguard = cooktop and rng.random() < 0.6
    bg_h = _clamp(0.15 * H, 0.08, 0.2) if backguard else 0.0
    burner_h = 0.012 if cooktop else 0.0
    ztop = H - bg_h if backguard else H - burner_h
    tt = 0.03
    p = _clamp(0.05 * H, 0.02, 0.06)
    inner = _carcass(c, base="plinth", p=p, tt=tt, top_front=c.yf, top_z=ztop, recess=0.02)
    zone = _zone(c, p, tt, c.yf, top_z=ztop)
    zh = zone[3] - zone[2]
    rows: list[dict] = []
    if not backguard:
        rows.append({"kind": "panel", "h": _clamp(0.13 * zh, 0.07, 0.11), "knobs": 4 if cooktop else 2,
                     "display": True})
    if zh > 1.1:
        rows += [{"kind": "drop", "f": 1.0, "glass": True, "shelves": 1, "shelf_mat": "steel", "shelf_t": 0.008,
                  "inside": True}] * 2
    else:
        rows.append({"kind": "drop", "f": 0.72, "glass": True, "shelves": 2 if zh > 0.55 else 1,
                     "shelf_mat": "steel", "shelf_t": 0.008, "inside": True})
        if zh > 0.55:
            rows.append({"kind": "drawers", "f": 0.28, "n": 1, "handle_len": 0.6 * W, "style": "pull"}
                        if rng.random() < 0.6 else {"kind": "panel", "f": 0.28})
    _front(c, rows, zone, inner)
    if backguard:
        bgd = _clamp(0.12 * D, 0.05, 0.08)
        c.box("backguard", (-W / 2, -D / 2, ztop), (W / 2, -D / 2 + bgd, H))
        for k in range(4):
            kx = -W / 2 + W * (k + 0.5) / 4 * 0.6 + 0.05 * W
            c.sphere("knob", (kx, -D / 2 + bgd + 0.012, ztop + bg_h / 2), (0.02, 0.012, min(0.02, 0.3 * bg_h)),
                     material="black plastic")
    if cooktop:
        mat = rng.choice(("steel", "black plastic"))
        yb0, yb1 = -D / 2 + (0.08 if backguard else 0.04), c.yf - 0.02
        r = min(0.09, 0.2 * W, 0.22 * (yb1 - yb0))
        for sx in (-1, 1):
            for sy in (-1, 1):
                cx = sx * W / 4
                cy = (yb0 + yb1) / 2 + sy * (yb1 - yb0) / 4
                rr = r * (0.8 if (sx + sy) % 4 else 1.0)
                c.cyl("burner", (cx, cy), rr, ztop, ztop + burner_h, material=mat, segments=20)
        c.w.surface(ztop + burner_h, -W / 2, yb0, W / 2, c.yf)
    else:
        _top_surface(c, c.yf)


@generator("oven")
def oven(w: AssetWriter, size: Size, cat: Category) -> None:
    """An oven: a control panel over a drop-down glass door (two for a tall double oven), racks
    inside (surfaces) and sometimes a storage drawer; a very low oven is a countertop oven."""
    _range(w, size, cooktop=False)


@generator("stove")
def stove(w: AssetWriter, size: Size, cat: Category) -> None:
    """A range: an oven with four burners on the cooktop, knobs on a front panel or a backguard."""
    _range(w, size, cooktop=True)


def _box_appliance(c: _Ctx, drop: bool) -> None:
    """A countertop box appliance: a cavity on rubber feet, a control column on the right and a
    door on the left (side-hinged for a microwave, drop-down for a countertop oven)."""
    W, D, H = c.W, c.D, c.H
    t = 0.012
    foot = _clamp(0.04 * H, 0.006, 0.015)
    x0, x1, yb = -W / 2, W / 2, -D / 2
    pw = _clamp(0.27 * W, 0.08, 0.16)
    xr = x1 - pw
    for fx in (x0 + 0.04, x1 - 0.04):
        for fy in (yb + 0.04, c.yc - 0.04):
            c.cyl("foot", (fx, fy), 0.012, 0.0, foot + 0.001, material="rubber", segments=12)
    c.box("bottom", (x0, yb, foot), (xr, c.yc, foot + t))
    c.box("top", (x0, yb, H - t), (xr, c.yc, H))
    c.box("side", (x0, yb, foot + t), (x0 + t, c.yc, H - t))
    c.box("wall", (xr - t, yb, foot + t), (xr, c.yc, H - t))
    c.box("back", (x0 + t, yb, foot + t), (xr - t, yb + t, H - t))
    c.box("controls", (xr, yb, foot), (x1, c.yf, H))
    dh = min(0.05, 0.2 * H)
    c.box("display", (xr + 0.012, c.yf, H - 0.02 - dh), (x1 - 0.012, c.yf + 0.003, H - 0.02), material="black plastic")
    kr = min(0.022, 0.3 * pw)
    c.sphere("knob", (xr + pw / 2, (c.yf + c.D / 2) / 2, foot + (H - foot) * 0.35), (kr, (c.D / 2 - c.yf) / 2, kr),
             material=c.hmat)
    ft = c.front_t
    if drop:
        dx1 = xr - GAP
        link = c.new_link("door", ((x0 + dx1) / 2, c.yf, foot))
    else:
        dx1 = xr - (GAP + ft * ft / (2 * (xr - x0)) + 0.001)
        link = c.new_link("door", (x0, c.yf, foot))
    c.box("panel", (x0, c.yc + GAP, foot), (dx1, c.yf, H), link)
    dw, dhh = dx1 - x0, H - foot
    c.box("window", (x0 + 0.12 * dw, c.yf - 0.004, foot + 0.15 * dhh), (dx1 - 0.2 * dw, c.yf + 0.002, H - 0.15 * dhh),
          link, "glass")
    if drop:
        _handle(c, link, (x0 + dx1) / 2, H - 0.045 * H - 0.01, 0.6 * dw, False)
        c.w.revolute(c.joint_name(link), link, "X", -90.0, 0.0)
        zr = foot + t + (H - foot - 2 * t) * 0.4
        c.box("rack", (x0 + t, yb + t, zr - 0.003), (xr - t, c.yc - 0.01, zr + 0.003), material="steel")
        c.w.surface(zr + 0.003, x0 + t, yb + t, xr - t, c.yc - 0.01, clearance=round(H - t - zr - 0.003, 5), inside=True)
    else:
        _handle(c, link, dx1 - 0.035, (foot + H) / 2, 0.6 * dhh, True)
        c.w.revolute(c.joint_name(link), link, "Z", 0.0, 100.0)
        r = min(xr - x0 - 2 * t, c.yc - yb - t) / 2 - 0.02
        z = foot + t
        c.cyl("turntable", ((x0 + xr) / 2, (yb + t + c.yc) / 2), r, z, z + 0.006, material="glass", segments=20)
        c.w.surface(z + 0.006, (x0 + xr) / 2 - r * 0.7, (yb + t + c.yc) / 2 - r * 0.7, (x0 + xr) / 2 + r * 0.7,
                    (yb + t + c.yc) / 2 + r * 0.7, clearance=round(H - t - z - 0.006, 5), inside=True)
    c.w.surface(H, x0, yb, x1, c.yc)


@generator("microwave")
def microwave(w: AssetWriter, size: Size, cat: Category) -> None:
    """A microwave: a cavity with a glass turntable, a left-hinged door with a window and a
    control column with a display and a knob; its top is a surface."""
    rng = w.rng
    c = _Ctx(w, size, t=0.012, front_t=0.03, style=rng.choice(("bar", "pull")))
    _box_appliance(c, drop=False)


@generator("dishwasher")
def dishwasher(w: AssetWriter, size: Size, cat: Category) -> None:
    """A dishwasher: a drop-down door with a control strip and handle, two racks inside."""
    rng = w.rng
    c = _Ctx(w, size, t=0.02, front_t=0.05, style=rng.choice(("bar", "pull")), hd=0.035)
    p = _clamp(0.1 * c.H, 0.07, 0.11)
    inner = _carcass(c, base="plinth", p=p, top_front=c.yf, recess=0.03)
    zone = _zone(c, p, c.t, c.yf)
    rows = [{"kind": "drop", "f": 1.0, "strip": rng.random() < 0.7, "shelves": 2, "shelf_mat": "steel",
             "shelf_t": 0.01, "inside": True}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)
