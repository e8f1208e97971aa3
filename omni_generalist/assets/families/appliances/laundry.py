"""Appliances family: the washing machine, dryer generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import GAP, HANDLE_METALS, _clamp, _Ctx
from ...toolkit import AssetWriter


def _laundry(w: AssetWriter, size: Size, washer: bool) -> None:
    """A front-loading washer or dryer: a shell with a square opening behind a round door (two
    flattened spheres: a rim and a glass bowl) on a Z hinge, a control band with a knob and a
    display, and for the washer a detergent drawer."""
    rng = w.rng
    c = _Ctx(w, size, t=0.02, front_t=0.0, style="pull", hmat=rng.choice(HANDLE_METALS), hd=0.0)
    W, D, H = c.W, c.D, c.H
    t, ft = 0.02, 0.02
    dd = _clamp(0.1 * D, 0.05, 0.075)
    yc = D / 2 - dd - GAP
    c.yc = yc
    x0, x1, yb = -W / 2, W / 2, -D / 2
    p = _clamp(0.05 * H, 0.03, 0.06)
    c.box("side", (x0, yb, 0.0), (x0 + t, yc, H - t))
    c.box("side", (x1 - t, yb, 0.0), (x1, yc, H - t))
    c.box("top", (x0, yb, H - t), (x1, yc, H))
    c.box("bottom", (x0 + t, yb + t, p), (x1 - t, yc, p + t))
    c.box("back", (x0 + t, yb, p), (x1 - t, yb + t, H - t))
    c.box("plinth", (x0 + t, yb + t, 0.0), (x1 - t, yc - 0.03, p))
    cb = _clamp(0.13 * H, 0.09, 0.15)
    b0, b1 = H - t - cb, H - t
    R = min(0.3 * W, 0.4 * (b0 - p), 0.26)
    cx = 0.0
    cz = _clamp((p + b0) / 2 + 0.05 * (b0 - p), p + R + 0.02, b0 - R - 0.02)
    s = 0.68 * R
    fy0 = yc - ft
    c.box("front", (x0 + t, fy0, p + t), (cx - s, yc, b0))
    c.box("front", (cx + s, fy0, p + t), (x1 - t, yc, b0))
    c.box("front", (cx - s, fy0, p + t), (cx + s, yc, cz - s))
    c.box("front", (cx - s, fy0, cz + s), (cx + s, yc, b0))
    if washer:
        dwid = _clamp(0.3 * W, 0.14, 0.22)
        dfx0 = x0 + t + 0.012
        dfx1 = dfx0 + dwid
        dfz0, dfz1 = b0 + 0.012, b1 - 0.012
        ox0, ox1, oz0, oz1 = dfx0 + 0.01, dfx1 - 0.01, dfz0 + 0.01, dfz1 - 0.01
        c.box("band", (x0 + t, fy0, b0), (ox0, yc, b1))
        c.box("band", (ox0, fy0, b0), (ox1, yc, oz0))
        c.box("band", (ox0, fy0, oz1), (ox1, yc, b1))
        c.box("band", (ox1, fy0, b0), (x1 - t, yc, b1))
        link = c.new_link("drawer", ((dfx0 + dfx1) / 2, D / 2, (dfz0 + dfz1) / 2))
        c.box("front", (dfx0, yc + GAP, dfz0), (dfx1, D / 2 - 0.012, dfz1), link)
        c.box("pull", (dfx0 + 0.02, D / 2 - 0.012, dfz0), (dfx1 - 0.02, D / 2, dfz0 + 0.015), link)
        ddep = _clamp(0.45 * D, 0.16, 0.3)
        bx0, bx1, bz0, bz1 = ox0 + GAP, ox1 - GAP, oz0 + GAP, oz1 - GAP
        back = yc + GAP - ddep
        bt = 0.006
        c.box("bottom", (bx0, back, bz0), (bx1, yc + GAP, bz0 + bt), link)
        c.box("side", (bx0, back, bz0 + bt), (bx0 + bt, yc + GAP, bz1), link)
        c.box("side", (bx1 - bt, back, bz0 + bt), (bx1, yc + GAP, bz1), link)
        c.box("back", (bx0 + bt, back, bz0 + bt), (bx1 - bt, back + bt, bz1), link)
        c.w.prismatic(c.joint_name(link), link, "Y", 0.0, round(0.8 * ddep, 4))
    else:
        c.box("band", (x0 + t, fy0, b0), (x1 - t, yc, b1))
    kr = min(0.03, 0.3 * cb)
    kx = x1 - t - 0.02 - kr
    c.sphere("knob", (kx, (yc + D / 2) / 2, (b0 + b1) / 2), (kr, (D / 2 - yc) / 2, kr), material=c.hmat)
    c.box("display", (kx - kr - 0.02 - 0.1, yc, (b0 + b1) / 2 - 0.02), (kx - kr - 0.02, yc + 0.004, (b0 + b1) / 2 + 0.02),
          material="black plastic")
    hinge = "left" if washer else rng.choice(("left", "right"))
    px = cx - R if hinge == "left" else cx + R
    link = c.new_link("door", (px, D / 2, cz))
    ry = (D / 2 - (yc + GAP)) / 2
    cy = yc + GAP + ry
    c.sphere("rim", (cx, cy, cz), (R, 0.6 * ry, R), link, rng.choice(("chrome", "white plastic")), rings=8, segments=12)
    c.sphere("glass", (cx, cy, cz), (0.72 * R, ry, 0.72 * R), link, "glass", rings=8, segments=12)
    sx = 1 if hinge == "left" else -1
    hx0, hx1 = sorted((cx + sx * 0.72 * R, cx + sx * 0.92 * R))
    c.box("handle", (hx0, cy, cz - 0.12 * R), (hx1, cy + 0.5 * ry, cz + 0.12 * R), link, c.hmat)
    lo, hi = (0.0, 120.0) if hinge == "left" else (-120.0, 0.0)
    c.w.revolute(c.joint_name(link), link, "Z", lo, hi)
    c.w.surface(H, x0, yb, x1, yc)


@generator("washing_machine")
def washing_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A front-loading washing machine (round door, detergent drawer)."""
    _laundry(w, size, washer=True)


@generator("dryer")
def dryer(w: AssetWriter, size: Size, cat: Category) -> None:
    """A front-loading tumble dryer (round door)."""
    _laundry(w, size, washer=False)
