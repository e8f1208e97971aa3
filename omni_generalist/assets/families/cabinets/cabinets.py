"""Cabinets family: the cabinet, kitchen cabinet, wall cabinet, filing cabinet, nightstand, dresser generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import _carcass, _clamp, _Ctx, _front, _top_surface, _zone
from ...toolkit import AssetWriter


# ====================================================================== furniture
@generator("cabinet")
def cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet on a plinth or legs: one or two doors (sometimes glass) over interior shelves,
    maybe under a row of drawers (always for sideboards); the top and shelves are surfaces."""
    rng = w.rng
    c = _Ctx(w, size)
    base = rng.choice(("plinth", "legs"))
    p = min(rng.uniform(0.06, 0.1) if base == "plinth" else rng.uniform(0.1, 0.16), 0.15 * c.H)
    inner = _carcass(c, base=base, p=p, tt=c.t + 0.004, top_front=c.yf, leg_style=rng.choice(("box", "round")))
    zone = _zone(c, p, c.t + 0.004, c.yf)
    wide = c.W >= 1.1
    n_doors = 1 if c.W < 0.55 else (3 if c.W >= 1.5 and rng.random() < 0.5 else 2)
    glass = rng.random() < 0.25
    rows = []
    side = cat.variant == "sideboard"
    if side or (c.H >= 0.7 and rng.random() < 0.4):
        rows.append({"kind": "drawers", "h": _clamp(0.18 * c.H, 0.12, 0.2), "n": 2 if wide or side else 1})
    door_row = {"kind": "doors", "f": 1.0, "n": n_doors, "glass": glass,
                "shelf_mat": "glass" if glass else None}
    if n_doors == 3:
        door_row.update(sep=True, hinges=["left", "left", "right"])
    rows.append(door_row)
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("kitchen_cabinet")
def kitchen_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A kitchen base unit: toe kick, carcass, overhanging countertop (a surface) and a drawer over
    doors, only doors or a stack of drawers; a tall unit is a pantry with shelves."""
    rng = w.rng
    c = _Ctx(w, size)
    n = 1 if c.W < 0.5 else 2
    if c.H > 1.4:
        p = 0.1
        inner = _carcass(c, base="plinth", p=p, top_front=c.yf, recess=0.06)
        zone = _zone(c, p, c.t, c.yf)
        split = rng.random() < 0.5
        rows = ([{"kind": "doors", "f": 0.35, "n": n}] if split else []) + [{"kind": "doors", "f": 0.65, "n": n}]
        _front(c, rows, zone, inner)
        _top_surface(c, c.yf)
        return
    p = _clamp(0.11 * c.H, 0.08, 0.12)
    ct = rng.uniform(0.028, 0.04)
    inner = _carcass(c, base="plinth", p=p, tt=ct, top_front=c.D / 2, recess=0.06)
    zone = _zone(c, p, ct, c.D / 2)
    variant = rng.choice(("drawer_doors", "drawer_doors", "doors", "drawers"))
    zh = zone[3] - zone[2]
    if variant == "drawers":
        rows = [{"kind": "drawers", "f": f, "n": 1} for f in (0.7, 1.0, 1.3)]
    elif variant == "doors":
        rows = [{"kind": "doors", "f": 1.0, "n": n}]
    else:
        rows = [{"kind": "drawers", "h": _clamp(0.2 * zh, 0.12, 0.17), "n": n if c.W >= 0.9 else 1},
                {"kind": "doors", "f": 1.0, "n": n}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.D / 2)


@generator("wall_cabinet")
def wall_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall-hung cabinet: one or two doors (sometimes glass) with handles near their bottom edge,
    over one or two shelves; the top and shelves are surfaces."""
    rng = w.rng
    c = _Ctx(w, size)
    inner = _carcass(c, base="none", top_front=c.yf)
    zone = _zone(c, 0.0, c.t, c.yf)
    glass = rng.random() < (0.6 if cat.variant == "medicine cabinet" else 0.3)
    n = 1 if c.W < 0.55 else 2
    shelves = max(1, min(3, int((c.H - 2 * c.t) / 0.3)))
    rows = [{"kind": "doors", "f": 1.0, "n": n, "glass": glass, "handle_at": "bottom", "shelves": shelves,
             "shelf_mat": "glass" if glass else None, "shelf_t": 0.006 if glass else c.t}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("filing_cabinet")
def filing_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A steel filing cabinet: a stack of deep drawers with pull handles and label holders."""
    rng = w.rng
    c = _Ctx(w, size, t=0.012, front_t=0.02, style=rng.choice(("pull", "bar")))
    p = rng.uniform(0.03, 0.05)
    inner = _carcass(c, base="plinth", p=p, top_front=c.yf, recess=0.02)
    zone = _zone(c, p, c.t, c.yf)
    zh = zone[3] - zone[2]
    nd = int(_clamp(round(zh / rng.uniform(0.27, 0.33)), 2, 5))
    if cat.variant == "file pedestal":
        rows = [{"kind": "drawers", "f": 0.5, "n": 1}, {"kind": "drawers", "f": 0.5, "n": 1},
                {"kind": "drawers", "f": 1.0, "n": 1, "labels": True}]
    else:
        rows = [{"kind": "drawers", "f": 1.0, "n": 1, "labels": True, "box_t": 0.01,
                 "handle_len": _clamp(0.3 * c.W, 0.1, 0.25)} for _ in range(nd)]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("nightstand")
def nightstand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A nightstand: a drawer at the top over a door, a second drawer or an open niche."""
    rng = w.rng
    c = _Ctx(w, size)
    base = rng.choice(("plinth", "legs", "legs"))
    p = min(rng.uniform(0.04, 0.07) if base == "plinth" else rng.uniform(0.1, 0.18), 0.25 * c.H)
    inner = _carcass(c, base=base, p=p, top_front=c.yf, leg_style=rng.choice(("box", "round")))
    zone = _zone(c, p, c.t, c.yf)
    zh = zone[3] - zone[2]
    dh = _clamp(0.32 * zh, 0.1, 0.17)
    rows: list[dict] = [{"kind": "drawers", "h": dh, "n": 1}]
    if zh - dh > 0.2:
        lower = rng.choice(("door", "door", "drawer", "open"))
        rows.append({"kind": {"door": "doors", "drawer": "drawers", "open": "open"}[lower], "f": 1.0, "n": 1,
                     "shelves": 0})
    else:
        rows = [{"kind": "drawers", "f": 1.0, "n": 1}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("dresser")
def dresser(w: AssetWriter, size: Size, cat: Category) -> None:
    """A dresser: rows of drawers (one or two columns, or a split top row) on a plinth or legs."""
    rng = w.rng
    c = _Ctx(w, size)
    base = rng.choice(("plinth", "legs"))
    p = min(rng.uniform(0.05, 0.09) if base == "plinth" else rng.uniform(0.1, 0.16), 0.2 * c.H)
    inner = _carcass(c, base=base, p=p, tt=c.t + 0.006, top_front=c.yf, leg_style=rng.choice(("box", "round")))
    zone = _zone(c, p, c.t + 0.006, c.yf)
    zh = zone[3] - zone[2]
    nr = int(_clamp(round(zh / rng.uniform(0.17, 0.25)), 2, 6))
    if c.W >= 0.95:
        layout = rng.choice(("single", "split_top", "double"))
    else:
        layout = rng.choice(("single", "split_top")) if c.W >= 0.7 else "single"
    if layout == "double":
        nr = min(nr, 4)
    rows = []
    for i in range(nr):
        n = 2 if layout == "double" or (layout == "split_top" and i == 0) else 1
        rows.append({"kind": "drawers", "f": 0.8 if i == 0 and nr > 2 else 1.0, "n": n})
    drawers = sum(r["n"] for r in rows)
    if c.style == "bar" and drawers * (5 + 3) + 16 > 78:
        c.style = rng.choice(("pull", "knob"))
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)
