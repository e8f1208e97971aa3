"""Appliances family: the fridge, freezer, vending machine generators.

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
    _lidded,
    _shelves,
    _top_surface,
    _zone,
)
from ...toolkit import AssetWriter


# ====================================================================== appliances
@generator("fridge")
def fridge(w: AssetWriter, size: Size, cat: Category) -> None:
    """A refrigerator: single door, top freezer, bottom freezer drawer, French doors or side by
    side; glass shelves (surfaces) inside; vertical bar handles on the free edges."""
    rng = w.rng
    c = _Ctx(w, size, t=0.035, front_t=rng.uniform(0.05, 0.065), style="bar", hd=0.045)
    W, H = c.W, c.H
    p = _clamp(0.035 * H, 0.02, 0.06)
    inner = _carcass(c, base="plinth", p=p, top_front=c.yc, recess=0.012)
    c.box("grille", (-W / 2 + c.t, c.yc - 0.012, 0.004), (W / 2 - c.t, c.yc, p - 0.002), material="black plastic")
    zone = _zone(c, p, c.t, c.yc)
    hinge = rng.choice(("left", "right"))
    glass_door = cat.variant in ("wine fridge", "display fridge")
    if H < 1.0 or glass_door:
        variants = ["single"]
    else:
        variants = ["single", "top_freezer", "bottom_freezer"]
        variants += ["french"] if W >= 0.75 else []
        variants += ["side_by_side"] if W >= 0.8 else []
    variant = rng.choice(variants)
    common = {"angle": 120.0, "shelf_mat": "glass", "shelf_t": 0.006,
              "handle_len": _clamp(rng.uniform(0.25, 0.4) * H, 0.15, 0.6)}
    if variant == "single":
        rows = [{"kind": "doors", "f": 1.0, "n": 1, "hinge": hinge, "glass": glass_door, **common}]
    elif variant == "top_freezer":
        rows = [{"kind": "doors", "f": 0.28, "n": 1, "hinge": hinge, "shelves": 1, **common,
                 "handle_len": 0.2, "handle_at": "bottom"},
                {"kind": "doors", "f": 0.72, "n": 1, "hinge": hinge, **common}]
    elif variant == "bottom_freezer":
        rows = [{"kind": "doors", "f": 0.68, "n": 1, "hinge": hinge, **common},
                {"kind": "drawers", "f": 0.32, "n": 1, "box_t": 0.01, "handle_len": 0.5 * W}]
    elif variant == "french":
        rows = [{"kind": "doors", "f": 0.64, "n": 2, **common},
                {"kind": "drawers", "f": 0.36, "n": 1, "box_t": 0.01, "handle_len": 0.5 * W}]
    else:
        rows = [{"kind": "doors", "f": 1.0, "n": 2, "sep": True, "split": (0.42, 0.58),
                 "hinges": ["left", "right"], **common}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yc)


@generator("freezer")
def freezer(w: AssetWriter, size: Size, cat: Category) -> None:
    """A freezer: a chest with a lid hinged at its back edge when low and wide, otherwise an
    upright cabinet with one door and wire shelves."""
    rng = w.rng
    W, D, H = (float(v) for v in size)
    chest = H < 1.05 and W >= 0.8 * H
    if chest:
        c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0)
        _lidded(c, wall=_clamp(0.08 * min(W, D), 0.04, 0.07), lid_t=0.06, lip_h=0.025, lip_t=0.01,
                latch=0.02, angle=85.0, base_h=0.04)
        return
    c = _Ctx(w, size, t=0.04, front_t=0.05, style="bar", hd=0.04)
    p = 0.04
    inner = _carcass(c, base="plinth", p=p, top_front=c.yc, recess=0.012)
    zone = _zone(c, p, c.t, c.yc)
    rows = [{"kind": "doors", "f": 1.0, "n": 1, "hinge": rng.choice(("left", "right")), "angle": 115.0,
             "shelf_mat": "steel", "shelf_t": 0.008, "handle_len": _clamp(0.25 * H, 0.15, 0.45)}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yc)


@generator("vending_machine")
def vending_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A vending machine: a steel cabinet with product shelves behind a full-height front door
    (hinged on the left) holding a window, a control column with keypad and coin slot, and a
    pick-up flap."""
    rng = w.rng
    c = _Ctx(w, size, t=0.03, front_t=0.06, style="pull", hd=0.03)
    W, H = c.W, c.H
    p = 0.06
    inner = _carcass(c, base="plinth", p=p, top_front=c.yc, recess=0.02)
    ix0, ix1, iz0, iz1, iy0 = inner
    x0, x1 = -W / 2, W / 2
    yb, yf = c.yc + GAP, c.yf
    link = c.new_link("door", (x0, yf, p))
    col = _clamp(0.25 * W, 0.18, 0.28)
    fw = 0.05
    zw0 = p + rng.uniform(0.3, 0.36) * (H - p)
    c.box("stile", (x0, yb, p), (x0 + fw, yf, H), link)
    c.box("rail", (x0 + fw, yb, H - fw), (x1 - col, yf, H), link)
    c.box("rail", (x0 + fw, yb, p), (x1 - col, yf, zw0), link)
    c.box("column", (x1 - col, yb, p), (x1, yf, H), link)
    c.box("window", (x0 + fw - 0.005, yb + 0.01, zw0 - 0.005), (x1 - col + 0.005, yf - 0.01, H - fw + 0.005), link, "glass")
    kz = p + 0.6 * (H - p)
    c.box("keypad", (x1 - col + 0.03, yf, kz), (x1 - 0.05, yf + 0.01, kz + 0.18), link, "black plastic")
    c.box("coin_slot", (x1 - col + 0.05, yf, kz - 0.12), (x1 - col + 0.1, yf + 0.015, kz - 0.04), link, "chrome")
    c.box("flap", (x0 + fw + 0.05, yf, p + 0.08), (x1 - col - 0.05, yf + 0.01, min(zw0 - 0.05, p + 0.28)), link,
          "black plastic")
    _handle(c, link, x1 - 0.025, kz - 0.25, 0.25, True, "pull")
    c.w.revolute(c.joint_name(link), link, "Z", 0.0, 100.0)
    n = int(_clamp(int((iz1 - zw0) / 0.22), 3, 6))
    _shelves(c, {"shelves": n, "shelf_mat": "steel", "shelf_t": 0.01, "inside": True}, ix0, ix1, zw0, iz1, iy0)
    _top_surface(c, c.yc)
