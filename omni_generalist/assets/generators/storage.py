"""Openable assets: cabinets, drawers, wardrobes, appliances, bathroom fixtures, lidded boxes.

Every generator builds in the object frame of :mod:`omni_generalist.assets.parts` (origin at the
bottom centre, front towards +Y, Z up) from convex parts that exactly fill the size box. The
carcass is the ``body`` link; every door, drawer and lid is a link of its own, connected to the
body by a joint whose limits follow the conventions below, checked by rotating a point of the
closed panel about the joint axis (right-hand rule):

- side-hinged doors turn about ``Z`` with their pivot on the hinge edge of the door's front face:
  hinged on the left (panel towards +X) ``0..+angle``, on the right (panel towards −X)
  ``-angle..0``; every point of the door then stays in front of its own back face;
- drop-down doors (ovens, dishwashers) turn about ``X`` at their bottom front edge with
  ``-angle..0``: a point ``(y, z) = (0, h)`` of the panel goes to ``(h·sin(angle), …)``, i.e. forward;
- lids turn about ``X`` at their top back edge with ``0..+angle``: a point ``(y, z) = (l, 0)`` goes
  to ``(l·cos, l·sin)``, i.e. up;
- drawers slide along ``+Y`` from 0 to 0.8 × their depth.

Closed doors and drawer fronts sit in front of the carcass (whose front face is ``yc``) with a
3 mm gap, so a joint never starts in contact; handles stay inside the size box (the carcass is
shallower by the handle's depth). The main material is bound to the root by the caller; parts only
name secondary materials (handles, glass, racks, rubber feet, porcelain basins).
"""

from __future__ import annotations

import math

from ..builders import generator
from ..catalog import Category
from ..parts import AssetWriter

Size = tuple[float, float, float]

GAP = 0.003
"""Clearance between a moving part and the carcass, and between neighbouring fronts."""
HANDLE_METALS = ("chrome", "brushed metal")
_HANDLE_DEPTH = {"bar": 0.032, "pull": 0.024, "knob": 0.026}


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 touches its extremes)."""
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


class _Ctx:
    """Per-asset design state: sizes, the front planes and unique part names.

    ``yf`` is the front face of doors and drawer fronts, ``yc`` the carcass front face; handles
    fill ``yf..d/2``.
    """

    def __init__(self, w: AssetWriter, size: Size, *, t: float = 0.018, front_t: float = 0.018,
                 style: str | None = None, hmat: str | None = None, hd: float | None = None,
                 fixed: bool = False):
        self.w = w
        self.rng = w.rng
        self.W, self.D, self.H = (float(v) for v in size)
        self.t = t
        self.front_t = front_t
        self.style = style if style is not None else self.rng.choice(("bar", "pull", "knob"))
        self.hmat = hmat if hmat is not None else self.rng.choice(HANDLE_METALS)
        depth = _HANDLE_DEPTH.get(self.style, 0.025) if hd is None else hd
        self.hd = min(depth, 0.1 * self.D)
        self.yf = self.D / 2 - self.hd
        self.yc = self.yf - front_t - GAP
        self.body = None if fixed else w.body()
        self._taken: set[tuple[str, str]] = set()

    # ------------------------------------------------------------ names and parts
    def name(self, scope, base: str) -> str:
        n, i = base, 1
        while (str(scope), n) in self._taken:
            i += 1
            n = f"{base}_{i}"
        self._taken.add((str(scope), n))
        return n

    def _link(self, link):
        return self.body if link is None else link

    def box(self, base, lo, hi, link=None, material=None):
        link = self._link(link)
        lo2 = tuple(min(a, b) for a, b in zip(lo, hi, strict=True))
        hi2 = tuple(max(a, b) for a, b in zip(lo, hi, strict=True))
        if any(b - a < 1e-4 for a, b in zip(lo2, hi2, strict=True)):
            return None
        return self.w.box(self.name(link, base), lo2, hi2, link=link, material=material)

    def cyl(self, base, center, r, z0, z1, link=None, material=None, segments=16):
        link = self._link(link)
        return self.w.cylinder(self.name(link, base), center, r, z0, z1, segments, link=link, material=material)

    def frustum(self, base, center, r0, r1, z0, z1, link=None, material=None, segments=16):
        link = self._link(link)
        return self.w.frustum(self.name(link, base), center, r0, r1, z0, z1, segments, link=link, material=material)

    def prism(self, base, outline, z0, z1, link=None, material=None):
        link = self._link(link)
        return self.w.prism(self.name(link, base), outline, z0, z1, link=link, material=material)

    def sphere(self, base, center, radius, link=None, material=None, rings=6, segments=8):
        link = self._link(link)
        return self.w.sphere(self.name(link, base), center, radius, rings, segments, link=link, material=material)

    def new_link(self, base: str, pivot):
        return self.w.link(self.name(self.w.root, base), pivot)

    def joint_name(self, link) -> str:
        return f"{str(link).rsplit('/', 1)[-1]}_joint"


# ====================================================================== handles
def _handle(c: _Ctx, link, cx: float, cz: float, length: float, vertical: bool, style: str | None = None,
            y0: float | None = None) -> None:
    """A handle on a front whose face is at ``y0`` (default ``yf``), filling ``y0..d/2``."""
    style = style or c.style
    y0 = c.yf if y0 is None else y0
    y1 = c.D / 2
    dep = y1 - y0
    if dep < 0.004:
        return
    if style == "knob":
        r = 0.016
        c.sphere("knob", (cx, (y0 + y1) / 2, cz), (r, dep / 2, r), link, c.hmat)
        return
    hx, hz = (0.007, length / 2) if vertical else (length / 2, 0.007)
    if style == "pull" or dep < 0.018:
        c.box("handle", (cx - hx, y0, cz - hz), (cx + hx, y1, cz + hz), link, c.hmat)
        return
    bt = 0.012
    c.box("handle_bar", (cx - hx, y1 - bt, cz - hz), (cx + hx, y1, cz + hz), link, c.hmat)
    for s in (-1, 1):
        px, pz = (cx, cz + s * (hz - 0.012)) if vertical else (cx + s * (hx - 0.012), cz)
        c.box("handle_post", (px - 0.005, y0, pz - 0.005), (px + 0.005, y1 - bt, pz + 0.005), link, c.hmat)


# ====================================================================== carcass and fronts
def _carcass(c: _Ctx, *, base: str = "plinth", p: float = 0.08, tt: float | None = None,
             top_front: float | None = None, top_z: float | None = None, top: bool = True,
             recess: float = 0.04, side_mat: str | None = None, leg_style: str = "box"):
    """Sides, top, bottom and back of a cabinet (and its plinth, legs or casters).

    Returns the interior ``(ix0, ix1, iz0, iz1, iy0)``: between the sides, above the bottom board,
    under the top and in front of the back.
    """
    W, D, t = c.W, c.D, c.t
    tt = t if tt is None else tt
    top_z = c.H if top_z is None else top_z
    top_front = c.yc if top_front is None else top_front
    x0, x1, yb = -W / 2, W / 2, -D / 2
    bt = min(t, 0.012)
    if base == "none":
        p = 0.0
    zs0 = p if base in ("legs", "casters") else 0.0
    c.box("side", (x0, yb, zs0), (x0 + t, c.yc, top_z - tt), material=side_mat)
    c.box("side", (x1 - t, yb, zs0), (x1, c.yc, top_z - tt), material=side_mat)
    if top:
        c.box("top", (x0, yb, top_z - tt), (x1, top_front, top_z))
    c.box("bottom", (x0 + t, yb + bt, p), (x1 - t, c.yc, p + t))
    c.box("back", (x0 + t, yb, p), (x1 - t, yb + bt, top_z - tt))
    if base == "plinth" and p > 0.004:
        c.box("plinth", (x0 + t, yb + bt, 0.0), (x1 - t, c.yc - recess, p))
    elif base == "legs":
        lw = _clamp(0.08 * min(W, D), 0.03, 0.05)
        for lx in (x0, x1 - lw):
            for ly in (yb, c.yc - lw):
                if leg_style == "round":
                    c.frustum("leg", (lx + lw / 2, ly + lw / 2), lw * 0.35, lw / 2, 0.0, p + 0.002, segments=12)
                else:
                    c.box("leg", (lx, ly, 0.0), (lx + lw, ly + lw, p + 0.002))
    elif base == "casters":
        r = min(0.045, 0.4 * p)
        for lx in (x0 + 0.05, x1 - 0.05):
            for ly in (yb + 0.05, c.yc - 0.05):
                c.box("caster_mount", (lx - 0.02, ly - 0.02, r), (lx + 0.02, ly + 0.02, p + 0.002), material="steel")
                c.sphere("caster_wheel", (lx, ly, r), (0.012, r, r), material="rubber", rings=6, segments=8)
    return (x0 + t, x1 - t, p + t, top_z - tt, yb + bt)


def _zone(c: _Ctx, p: float, tt: float, top_front: float, top_z: float | None = None):
    """The front zone ``(x0, x1, z0, z1)``: full width, from the base up to under the top."""
    top_z = c.H if top_z is None else top_z
    z1 = top_z - tt - GAP if top_front > c.yc + 1e-9 else top_z
    return (-c.W / 2, c.W / 2, p, z1)


def _divides(a: dict, b: dict) -> bool:
    return not (a["kind"] == "drawers" and b["kind"] == "drawers")


def _row_gap(a: dict, b: dict) -> float:
    return 0.008 if "drop" in (a["kind"], b["kind"]) else GAP


def _columns(x0: float, x1: float, n: int, split=None) -> list[tuple[float, float]]:
    fr = list(split) if split else [1.0] * n
    tot = sum(fr)
    out, a = [], x0
    for f in fr:
        b = a + (x1 - x0) * f / tot
        out.append((a, b))
        a = b
    out[-1] = (out[-1][0], x1)
    return out


def _front(c: _Ctx, rows: list[dict], zone, inner) -> list[dict]:
    """Lay ``rows`` (top to bottom) over the front zone: drawers, doors, drop-down doors, fixed
    panels and open niches, with dividing boards, shelves and their support surfaces.

    A row is a dict: ``kind`` (``drawers``/``doors``/``drop``/``panel``/``open``), ``h`` (metres)
    or ``f`` (share of the rest), ``n`` columns, and kind options (``glass``, ``sep``, ``hinge``,
    ``hinges``, ``split``, ``shelves``, ``shelf_top``, ``shelf_mat``, ``angle``, ``handle_at``, ...).
    """
    x0, x1, z0, z1 = zone
    ix0, ix1, iz0, iz1, iy0 = inner
    n = len(rows)
    fixed = sum(r["h"] for r in rows if "h" in r)
    weight = sum(r.get("f", 1.0) for r in rows if "h" not in r) or 1.0
    rest = max(0.0, (z1 - z0) - fixed)
    bounds = [z1]
    for r in rows:
        bounds.append(bounds[-1] - (r["h"] if "h" in r else rest * r.get("f", 1.0) / weight))
    bounds[-1] = z0
    info = []
    for i, r in enumerate(rows):
        top, bot = bounds[i], bounds[i + 1]
        above = i > 0 and _divides(rows[i - 1], r)
        below = i < n - 1 and _divides(r, rows[i + 1])
        fz1 = top - (_row_gap(rows[i - 1], r) / 2 if i > 0 else 0.0)
        fz0 = bot + (_row_gap(r, rows[i + 1]) / 2 if i < n - 1 else 0.0)
        if r["kind"] == "drop" and i == 0:
            fz1 -= 0.005
        oz1 = iz1 if i == 0 else (top - c.t / 2 if above else top)
        oz0 = iz0 if i == n - 1 else (bot + c.t / 2 if below else bot)
        if below:
            c.box("divider", (ix0, iy0, bot - c.t / 2), (ix1, c.yc, bot + c.t / 2))
        kind = r["kind"]
        cols = _columns(x0, x1, r.get("n", 1), r.get("split"))
        last = len(cols) - 1
        if kind == "drawers" or (kind == "doors" and r.get("sep")):
            for j in range(last):
                xb = cols[j][1]
                c.box("divider_v", (xb - c.t / 2, iy0, oz0), (xb + c.t / 2, c.yc, oz1))
        if kind in ("drawers", "doors"):
            hinges = r.get("hinges")
            if hinges is None and kind == "drawers":
                hinges = ["left"] * len(cols)
            elif hinges is None:
                if len(cols) == 2 and not r.get("sep"):
                    hinges = ["left", "right"]
                else:
                    hinges = [r.get("hinge") or c.rng.choice(("left", "right"))] * len(cols)
            for j, (a, b) in enumerate(cols):
                fx0 = a + (GAP / 2 if j > 0 else 0.0)
                fx1 = b - (GAP / 2 if j < last else 0.0)
                ox0 = ix0 if j == 0 else a + c.t / 2
                ox1 = ix1 if j == last else b - c.t / 2
                if kind == "drawers":
                    _drawer(c, fx0, fx1, fz0, fz1, (ox0, ox1, oz0, oz1, iy0), r)
                else:
                    _door(c, fx0, fx1, fz0, fz1, hinges[j], r)
                    if r.get("sep"):
                        _shelves(c, r, ox0, ox1, oz0, oz1, iy0)
            if kind == "doors" and not r.get("sep"):
                _shelves(c, r, ix0, ix1, oz0, oz1, iy0)
        elif kind == "drop":
            _drop(c, x0, x1, fz0, fz1, r)
            _shelves(c, r, ix0, ix1, oz0, oz1, iy0)
        elif kind == "panel":
            _panel(c, x0, x1, fz0, fz1, r)
        elif kind == "open":
            _shelves(c, r, ix0, ix1, oz0, oz1, iy0)
        info.append({"row": r, "fz0": fz0, "fz1": fz1, "oz0": oz0, "oz1": oz1})
    return info


def _shelves(c: _Ctx, r: dict, xa: float, xb: float, oz0: float, oz1: float, iy0: float) -> None:
    """Shelf boards of a compartment and the support surfaces of its floor and shelves."""
    st = r.get("shelf_t", c.t)
    spec = r.get("shelves", "auto")
    if "shelf_top" in r:
        zs = [oz1 - d for d in r["shelf_top"] if oz0 + 0.15 < oz1 - d < oz1 - 0.05]
    else:
        k = min(4, max(0, int((oz1 - oz0) / 0.36))) if spec == "auto" else int(spec)
        zs = [oz0 + (oz1 - oz0) * (i + 1) / (k + 1) for i in range(k)]
    y1 = c.yc - 0.015
    levels = [oz0]
    for z in zs:
        c.box("shelf", (xa, iy0, z - st / 2), (xb, y1, z + st / 2), material=r.get("shelf_mat"))
        levels.append(z + st / 2)
    tops = [z - st / 2 for z in zs] + [oz1]
    if r.get("surfaces", True):
        for lv, tp in zip(levels, tops, strict=True):
            if tp - lv > 0.05:
                c.w.surface(lv, xa, iy0, xb, y1, clearance=round(tp - lv, 5), inside=bool(r.get("inside", False)))


def _glass_panel(c: _Ctx, link, x0, x1, z0, z1, yb, yf) -> None:
    fw = min(0.06, 0.2 * (x1 - x0), 0.2 * (z1 - z0))
    c.box("stile", (x0, yb, z0), (x0 + fw, yf, z1), link)
    c.box("stile", (x1 - fw, yb, z0), (x1, yf, z1), link)
    c.box("rail", (x0 + fw, yb, z1 - fw), (x1 - fw, yf, z1), link)
    c.box("rail", (x0 + fw, yb, z0), (x1 - fw, yf, z0 + fw), link)
    ym, gt = (yb + yf) / 2, min(0.003, (yf - yb) / 4)
    c.box("glass", (x0 + fw - 0.004, ym - gt, z0 + fw - 0.004), (x1 - fw + 0.004, ym + gt, z1 - fw + 0.004),
          link, "glass")


def _door(c: _Ctx, x0: float, x1: float, z0: float, z1: float, hinge: str, r: dict):
    """A side-hinged door over ``[x0, x1] × [z0, z1]`` (pivot on the hinge edge of its front face)."""
    angle = r.get("angle", 110.0)
    yb, yf = c.yc + GAP, c.yf
    px = x0 if hinge == "left" else x1
    link = c.new_link("door", (px, yf, z0))
    if r.get("glass"):
        _glass_panel(c, link, x0, x1, z0, z1, yb, yf)
    else:
        c.box("panel", (x0, yb, z0), (x1, yf, z1), link)
    dw, dh = x1 - x0, z1 - z0
    if r.get("vents") and dh > 0.4:
        for k in range(3):
            vz = z1 - 0.08 - k * 0.035
            c.box("vent", (x0 + 0.25 * dw, yf, vz - 0.008), (x1 - 0.25 * dw, yf + 0.003, vz), link, "black plastic")
    hl = min(r.get("handle_len") or _clamp(0.3 * dh, 0.08, 0.35), 0.6 * dh)
    m = min(0.05, 0.15 * dw)
    hx = x1 - m if hinge == "left" else x0 + m
    at = r.get("handle_at", "auto")
    if at == "bottom":
        hz = z0 + 0.05 + hl / 2
    elif at == "middle":
        hz = (z0 + z1) / 2
    elif z1 > 1.3:
        hz = 1.05
    else:
        hz = z1 - 0.06 - hl / 2
    hz = _clamp(hz, z0 + hl / 2 + 0.02, z1 - hl / 2 - 0.02) if dh > hl + 0.04 else (z0 + z1) / 2
    _handle(c, link, hx, hz, hl, True, r.get("style"))
    lo, hi = (0.0, angle) if hinge == "left" else (-angle, 0.0)
    c.w.revolute(c.joint_name(link), link, "Z", lo, hi)
    return link


def _drawer(c: _Ctx, x0: float, x1: float, z0: float, z1: float, opening, r: dict):
    """A drawer: a front over ``[x0, x1] × [z0, z1]`` and a box that fits the carcass opening."""
    ox0, ox1, oz0, oz1, iy0 = opening
    yb, yf = c.yc + GAP, c.yf
    link = c.new_link("drawer", ((x0 + x1) / 2, yf, (z0 + z1) / 2))
    c.box("front", (x0, yb, z0), (x1, yf, z1), link)
    bt = r.get("box_t", 0.012)
    bx0, bx1 = ox0 + GAP, ox1 - GAP
    bz0 = max(oz0 + GAP, z0 + 0.01)
    bz1 = min(oz1 - GAP, z1 - 0.02)
    if bz1 - bz0 < 0.03:
        bz0, bz1 = oz0 + GAP, max(oz0 + GAP + 0.02, oz1 - GAP)
    back = iy0 + GAP + 0.01
    c.box("bottom", (bx0, back, bz0), (bx1, yb, bz0 + bt), link)
    c.box("side", (bx0, back, bz0 + bt), (bx0 + bt, yb, bz1), link)
    c.box("side", (bx1 - bt, back, bz0 + bt), (bx1, yb, bz1), link)
    c.box("back", (bx0 + bt, back, bz0 + bt), (bx1 - bt, back + bt, bz1), link)
    fw = x1 - x0
    style = r.get("style") or c.style
    hl = r.get("handle_len") or _clamp(0.35 * fw, 0.08, 0.3)
    hz = (z0 + z1) / 2 if z1 - z0 < 0.25 else z1 - 0.08
    if fw > 0.75 and style != "bar" and not r.get("handle_len"):
        for cx in (x0 + fw / 4, x1 - fw / 4):
            _handle(c, link, cx, hz, min(hl, 0.14), False, style)
    else:
        _handle(c, link, (x0 + x1) / 2, hz, min(hl, 0.9 * fw), False, style)
    if r.get("labels") and z1 - z0 > 0.15:
        lz = hz + 0.035
        c.box("label", ((x0 + x1) / 2 - 0.04, yf, lz), ((x0 + x1) / 2 + 0.04, yf + 0.003, lz + 0.03), link, "chrome")
    c.w.prismatic(c.joint_name(link), link, "Y", 0.0, round(0.8 * (yb - back), 4))
    return link


def _drop(c: _Ctx, x0: float, x1: float, z0: float, z1: float, r: dict):
    """A drop-down door hinged about X at its bottom front edge (``-angle..0`` opens it forward)."""
    yb, yf = c.yc + GAP, c.yf
    link = c.new_link("door", ((x0 + x1) / 2, yf, z0))
    c.box("panel", (x0, yb, z0), (x1, yf, z1), link)
    dw, dh = x1 - x0, z1 - z0
    top = z1
    if r.get("strip"):
        sh = min(0.08, 0.15 * dh)
        c.box("controls", (x0, yf - 0.004, z1 - sh), (x1, yf + 0.002, z1), link, "black plastic")
        top = z1 - sh
    if r.get("glass"):
        c.box("window", (x0 + 0.15 * dw, yf - 0.004, z0 + 0.25 * dh), (x1 - 0.15 * dw, yf + 0.002, top - 0.2 * dh),
              link, "glass")
    hz = top - min(0.05, 0.12 * dh)
    _handle(c, link, (x0 + x1) / 2, hz, 0.7 * dw, False, r.get("style", "bar"))
    c.w.revolute(c.joint_name(link), link, "X", -r.get("angle", 90.0), 0.0)
    return link


def _panel(c: _Ctx, x0: float, x1: float, z0: float, z1: float, r: dict) -> None:
    """A fixed front panel (control panel, false drawer front, kick plate) with knobs or a handle."""
    c.box("front_panel", (x0, c.yc - 0.01, z0), (x1, c.yf, z1), material=r.get("material"))
    ph = z1 - z0
    knobs = r.get("knobs", 0)
    if knobs:
        kr = min(0.022, 0.3 * ph)
        span = (x1 - x0) * (0.55 if r.get("display") else 0.8)
        start = x0 + (x1 - x0) * 0.1
        for k in range(knobs):
            kx = start + span * (k + 0.5) / knobs
            c.sphere("knob", (kx, (c.yf + c.D / 2) / 2, (z0 + z1) / 2), (kr, (c.D / 2 - c.yf) / 2, kr),
                     material="black plastic" if c.rng.random() < 0.5 else c.hmat)
    if r.get("display"):
        c.box("display", (x1 - (x1 - x0) * 0.3, c.yf, z0 + 0.3 * ph), (x1 - (x1 - x0) * 0.08, c.yf + 0.003, z1 - 0.3 * ph),
              material="black plastic")
    if r.get("handle"):
        _handle(c, None, (x0 + x1) / 2, (z0 + z1) / 2, _clamp(0.35 * (x1 - x0), 0.08, 0.3), False)


def _top_surface(c: _Ctx, y1: float, z: float | None = None) -> None:
    c.w.surface(c.H if z is None else z, -c.W / 2, -c.D / 2, c.W / 2, y1)


# ====================================================================== furniture
@generator("cabinet", "sideboard")
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
    side = cat.name == "sideboard"
    if side or (c.H >= 0.7 and rng.random() < 0.4):
        rows.append({"kind": "drawers", "h": _clamp(0.18 * c.H, 0.12, 0.2), "n": 2 if wide or side else 1})
    door_row = {"kind": "doors", "f": 1.0, "n": n_doors, "glass": glass,
                "shelf_mat": "glass" if glass else None}
    if n_doors == 3:
        door_row.update(sep=True, hinges=["left", "left", "right"])
    rows.append(door_row)
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("kitchen cabinet")
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


@generator("wall cabinet", "medicine cabinet")
def wall_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall-hung cabinet: one or two doors (sometimes glass) with handles near their bottom edge,
    over one or two shelves; the top and shelves are surfaces."""
    rng = w.rng
    c = _Ctx(w, size)
    inner = _carcass(c, base="none", top_front=c.yf)
    zone = _zone(c, 0.0, c.t, c.yf)
    glass = rng.random() < (0.6 if cat.name == "medicine cabinet" else 0.3)
    n = 1 if c.W < 0.55 else 2
    shelves = max(1, min(3, int((c.H - 2 * c.t) / 0.3)))
    rows = [{"kind": "doors", "f": 1.0, "n": n, "glass": glass, "handle_at": "bottom", "shelves": shelves,
             "shelf_mat": "glass" if glass else None, "shelf_t": 0.006 if glass else c.t}]
    _front(c, rows, zone, inner)
    _top_surface(c, c.yf)


@generator("filing cabinet", "file pedestal")
def filing_cabinet(w: AssetWriter, size: Size, cat: Category) -> None:
    """A steel filing cabinet: a stack of deep drawers with pull handles and label holders."""
    rng = w.rng
    c = _Ctx(w, size, t=0.012, front_t=0.02, style=rng.choice(("pull", "bar")))
    p = rng.uniform(0.03, 0.05)
    inner = _carcass(c, base="plinth", p=p, top_front=c.yf, recess=0.02)
    zone = _zone(c, p, c.t, c.yf)
    zh = zone[3] - zone[2]
    nd = int(_clamp(round(zh / rng.uniform(0.27, 0.33)), 2, 5))
    if cat.name == "file pedestal":
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


@generator("tool cabinet", "medical cart")
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


@generator("display case", "china cabinet")
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


# ====================================================================== appliances
@generator("fridge", "refrigerator", "mini fridge", "wine fridge", "display fridge")
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
    glass_door = cat.name in ("wine fridge", "display fridge")
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


@generator("washing machine", "washer")
def washing_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A front-loading washing machine (round door, detergent drawer)."""
    _laundry(w, size, washer=True)


@generator("dryer")
def dryer(w: AssetWriter, size: Size, cat: Category) -> None:
    """A front-loading tumble dryer (round door)."""
    _laundry(w, size, washer=False)


@generator("vending machine")
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


@generator("kitchen sink")
def kitchen_sink(w: AssetWriter, size: Size, cat: Category) -> None:
    """A kitchen sink cabinet (steel basin, sometimes double)."""
    _sink(w, size, kitchen=True)


@generator("bathroom sink")
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


# ====================================================================== lidded boxes
def _lidded(c: _Ctx, *, wall: float, lid_t: float, lip_h: float, lip_t: float, angle: float,
            base_h: float = 0.0, handle_h: float = 0.0, latch: float = 0.0, side: float = 0.0,
            floor_t: float | None = None) -> None:
    """A box with a lid hinged about X at its top back edge (``0..+angle`` lifts it): walls and a
    floor (the inside is a surface), a front lip and latch on the lid, maybe a carrying handle on
    top and grips on the sides."""
    W, D, H = c.W, c.D, c.H
    x0, x1 = -W / 2 + side, W / 2 - side
    yb = -D / 2
    yc = D / 2 - latch - lip_t - GAP
    c.yc = yc
    zl = H - handle_h
    zw = zl - lid_t - GAP
    ft = wall if floor_t is None else floor_t
    c.box("floor", (x0 + wall, yb + wall, base_h), (x1 - wall, yc - wall, base_h + ft))
    c.box("wall", (x0, yb, base_h), (x1, yb + wall, zw))
    c.box("wall", (x0, yc - wall, base_h), (x1, yc, zw))
    c.box("wall", (x0, yb + wall, base_h), (x0 + wall, yc - wall, zw))
    c.box("wall", (x1 - wall, yb + wall, base_h), (x1, yc - wall, zw))
    if base_h > 0:
        c.box("base", (x0 + 0.02, yb + 0.02, 0.0), (x1 - 0.02, yc - 0.03, base_h + 0.001))
    if side > 0:
        gy = min(0.06, 0.25 * D)
        gz1 = zw - 0.02
        gz0 = max(base_h, gz1 - 0.03)
        c.box("grip", (-W / 2, (yb + yc) / 2 - gy, gz0), (x0, (yb + yc) / 2 + gy, gz1), material=None)
        c.box("grip", (x1, (yb + yc) / 2 - gy, gz0), (W / 2, (yb + yc) / 2 + gy, gz1), material=None)
    link = c.new_link("lid", (0.0, yb, zl))
    c.box("lid", (x0, yb, zl - lid_t), (x1, yc, zl), link)
    lz0 = max(zl - lid_t - lip_h, base_h + 0.005)
    c.box("lip", (x0, yc + GAP, lz0), (x1, yc + GAP + lip_t, zl), link)
    if latch > 0:
        lw = _clamp(0.25 * W, 0.04, 0.2)
        c.box("latch", (-lw / 2, yc + GAP + lip_t, lz0), (lw / 2, D / 2, min(zl, lz0 + 0.04)), link, c.hmat)
    if handle_h > 0:
        hw = _clamp(0.4 * W, 0.1, 0.25)
        ym = (yb + yc) / 2
        for sx in (-1, 1):
            c.box("handle_post", (sx * hw / 2 - 0.01, ym - 0.01, zl), (sx * hw / 2 + 0.01, ym + 0.01, H - 0.012),
                  link, "black plastic")
        c.box("handle_bar", (-hw / 2 - 0.01, ym - 0.012, H - 0.012), (hw / 2 + 0.01, ym + 0.012, H), link, "black plastic")
    c.w.revolute(c.joint_name(link), link, "X", 0.0, angle)
    c.w.surface(base_h + ft, x0 + wall, yb + wall, x1 - wall, yc - wall, clearance=round(zw - base_h - ft, 5), inside=True)


@generator("toolbox")
def toolbox(w: AssetWriter, size: Size, cat: Category) -> None:
    """A toolbox: a steel box with a lid (front lip and latch) and a carrying handle on top."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0)
    _lidded(c, wall=0.006, lid_t=0.012, lip_h=_clamp(0.12 * c.H, 0.015, 0.035), lip_t=0.006,
            angle=rng.choice((100.0, 105.0, 110.0)), handle_h=_clamp(0.18 * c.H, 0.03, 0.05), latch=0.012)


@generator("chest", "toy box", "lidded storage bin")
def chest(w: AssetWriter, size: Size, cat: Category) -> None:
    """A lidded storage box or chest: walls, a floor, side grips and a lid hinged at its back edge."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0)
    big = c.H > 0.35
    _lidded(c, wall=0.018 if big else 0.008, lid_t=0.02 if big else 0.015, lip_h=0.025, lip_t=0.01,
            angle=95.0, side=0.015, latch=0.012 if big else 0.0, base_h=0.03 if big and rng.random() < 0.5 else 0.0)
