"""Cabinets family: the wardrobe, locker, tool cabinet, display case generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import GAP, _carcass, _clamp, _Ctx, _front, _top_surface, _zone
from ...toolkit import AssetWriter


@generator("wardrobe")
def wardrobe(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wardrobe: two doors (the left hinged on its left edge, the right on its right edge) over a
    hat shelf and a hanging rail, sometimes above a row of drawers."""
    rng = w.rng
    c = _Ctx(w, size, front_t=0.02, style=rng.choice(("bar", "pull", "knob", "bar")))
    p = rng.uniform(0.06, 0.1)
    tt = 0.022
    inner = _carcass(c, base="plinth", p=p, tt=tt, top_front=c.yf)
    zone = _zone(c, p, tt, c.yf)
    hat = rng.uniform(0.28, 0.38)
    rows = [{"kind": "doors", "f": 1.0, "n": 2, "shelf_top": [hat], "angle": 110.0}]
    if c.H >= 1.6 and rng.random() < 0.45:
        rows.append({"kind": "drawers", "h": rng.uniform(0.18, 0.26), "n": 2 if c.W >= 1.0 and rng.random() < 0.5 else 1})
    info = _front(c, rows, zone, inner)
    ix0, ix1, _, _, iy0 = inner
    oz1 = info[0]["oz1"]
    rz = oz1 - hat - c.t / 2 - 0.07
    ym = (iy0 + c.yc) / 2
    if rz > info[0]["oz0"] + 0.5:
        c.box("rail", (ix0, ym - 0.01, rz - 0.01), (ix1, ym + 0.01, rz + 0.01), material="chrome")
    _top_surface(c, c.yf)


@generator("locker")
def locker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A steel locker bank: one to four columns of one or two tiers, each compartment with its own
    vented door (all hinged on the same side) and, in single tiers, a shelf near the top."""
    rng = w.rng
    c = _Ctx(w, size, t=0.01, style="pull")
    base = rng.choice(("plinth", "legs"))
    p = rng.uniform(0.06, 0.1) if base == "plinth" else rng.uniform(0.1, 0.15)
    inner = _carcass(c, base=base, p=p, top_front=c.yf, recess=0.02)
    zone = _zone(c, p, c.t, c.yf)
    cols = int(_clamp(round(c.W / rng.uniform(0.3, 0.4)), 1, 4))
    tiers = 2 if c.H > 1.5 and rng.random() < 0.4 else 1
    hinge = rng.choice(("left", "right"))
    rows = [{"kind": "doors", "f": 1.0, "n": cols, "sep": True, "hinge": hinge, "vents": True,
             "handle_len": 0.1, "handle_at": "middle" if tiers == 2 else "auto", "angle": 105.0,
             **({"shelf_top": [0.3]} if tiers == 1 else {"shelves": 0})} for _ in range(tiers)]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("tool_cabinet")
def tool_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rolling tool cabinet: a stack of drawers (shallow at the top, deeper below) on casters."""
    rng = w.rng
    c = _Ctx(w, size, t=0.012, style=rng.choice(("pull", "bar")))
    p = _clamp(0.1 * c.H, 0.06, 0.12)
    inner = _carcass(c, base="casters", p=p, tt=0.02, top_front=c.yf)
    zone = _zone(c, p, 0.02, c.yf)
    zh = zone[3] - zone[2]
    nd = int(_clamp(int(zh / rng.uniform(0.1, 0.14)), 3, 8))
    if nd > 6:
        c.style = "pull"
    rows = [{"kind": "drawers", "f": 1.0 + 0.3 * i, "n": 1, "box_t": 0.01,
             "handle_len": 0.7 * c.W} for i in range(nd)]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("display_case")
def display_case(w: AssetWriter, size: Size, cat: Category) -> None:
    """A display cabinet: solid base and top, glass sides, one or two framed glass doors and glass
    shelves (every shelf is a surface)."""
    rng = w.rng
    c = _Ctx(w, size, style=rng.choice(("knob", "pull")), front_t=0.02)
    W, D, H = c.W, c.D, c.H
    p = _clamp(0.1 * H, 0.06, 0.14)
    tt = _clamp(0.03 * H, 0.025, 0.05)
    gs = 0.008
    yb = -D / 2
    c.box("base", (-W / 2, yb, 0.0), (W / 2, c.yf, p))
    c.box("top", (-W / 2, yb, H - tt), (W / 2, c.yf, H))
    c.box("side", (-W / 2, yb, p), (-W / 2 + gs, c.yc, H - tt), material="glass")
    c.box("side", (W / 2 - gs, yb, p), (W / 2, c.yc, H - tt), material="glass")
    c.box("back", (-W / 2 + gs, yb, p), (W / 2 - gs, yb + 0.01, H - tt),
          material="glass" if rng.random() < 0.3 else None)
    inner = (-W / 2 + gs, W / 2 - gs, p, H - tt, yb + 0.01)
    zone = (-W / 2, W / 2, p + GAP, H - tt - GAP)
    n = 1 if W < 0.6 else 2
    rows = [{"kind": "doors", "f": 1.0, "n": n, "glass": True, "shelf_mat": "glass", "shelf_t": 0.008,
             "handle_at": "middle", "shelves": max(1, min(4, int((H - p - tt) / 0.35)))}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)
