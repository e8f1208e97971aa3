"""Shared casework of the openable families (cabinets, appliances, bathroom fixtures): the design
context, carcasses, doors, drawers, drop-down doors, lids and handles.

Every generator builds in the object frame of :mod:`omni_generalist.assets.toolkit` (origin at the
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

from ..builders import Size
from ..toolkit import AssetWriter

GAP = 0.003
"""Clearance between a moving part and the carcass, and between neighbouring fronts."""
HANDLE_METALS = ("chrome", "brushed metal")
_HANDLE_DEPTH = {"bar": 0.032, "pull": 0.024, "knob": 0.026}


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


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
