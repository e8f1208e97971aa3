"""Small objects: tableware, kitchen things, books, boxes and baskets, fruit, toys, plants, gadgets.

Every generator designs its asset in the object frame from the requested size (origin bottom
centre, front +Y, +Z up) with :class:`Kit`, which wraps the :class:`AssetWriter` with a few
conveniences (elliptic cylinders and frustums, bars between two points, rings of wall segments,
a frame whose long axis is X) and, when the design is done, fits it exactly into the size box:
the parts' real bounds are mapped onto ``[-w/2, w/2] × [-d/2, d/2] × [0, h]`` by one scale and
shift per axis (an affine map, so every part stays convex) and the support surfaces follow.
Designs already fill their box, so the fit only absorbs rounding (and makes round things
elliptic when ``w != d``). No joints here; the main material is left to the root.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from pxr import UsdGeom, Vt

from ..builders import Size, generator
from ..catalog import Category
from ..parts import AssetWriter

# secondary materials (the main one is bound on the object root by the caller)
CHROME = "chrome"
BRUSHED = "brushed metal"
STEEL = "steel"
BLACK = "black plastic"
WHITE = "white plastic"
GLASS = "glass"
CERAMIC = "ceramic"
FABRIC = "fabric"
RUBBER = "rubber"
PAPER = "paper"
CARDBOARD = "cardboard"
TERRACOTTA = "terracotta"
OAK = "oak wood"
PAINT_WHITE = "painted white"
PAINT_BLACK = "painted black"

MIN_T = 2e-4
"""The thinnest a part may be along any axis (m)."""

FIT_LOG: list[tuple[float, float, float]] = []
"""The per-axis scale of the last fits (design bounds → size box); for tests and debugging."""


def _ccw(pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = [(float(x), float(y)) for x, y in pts]
    area = sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
               for i in range(len(pts)))
    return pts if area > 0 else pts[::-1]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 16, phase: float = 0.0) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 reaches its extremes)."""
    return [(cx + rx * math.cos(phase + 2 * math.pi * k / n), cy + ry * math.sin(phase + 2 * math.pi * k / n))
            for k in range(n)]


class Kit:
    """Design helper over an :class:`AssetWriter`; call :meth:`finish` at the end.

    Args:
        w: the writer.
        size: the object's ``(w, d, h)``.
        long_x: design with the longer horizontal side along X (the design is turned by 90° when
            the object is deeper than wide); ``self.x``/``self.y`` are the design half extents.
    """

    def __init__(self, w: AssetWriter, size: Size, long_x: bool = False):
        self.w = w
        self.rng = w.rng
        self.size = tuple(max(float(v), 1e-3) for v in size)
        W, D, H = self.size
        self.rot = bool(long_x and D > W)
        self.W, self.D = (D, W) if self.rot else (W, D)
        self.H = H
        self.x, self.y = self.W / 2, self.D / 2
        self._start = len(w.built.parts)
        self._used: dict[str, int] = {}
        self._surfaces: list[tuple[float, float, float, float, float, float, bool]] = []
        self._post: list[tuple[str, float, float, float, float]] = []

    # ------------------------------------------------------------ frame
    def _name(self, name: str) -> str:
        n = self._used.get(name, 0)
        self._used[name] = n + 1
        return name if n == 0 else f"{name}_{n}"

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return (-y, x) if self.rot else (x, y)

    def _rxy(self, rx: float, ry: float) -> tuple[float, float]:
        return (ry, rx) if self.rot else (rx, ry)

    # ------------------------------------------------------------ parts (design frame)
    def box(self, name: str, lo: Sequence[float], hi: Sequence[float], mat: str | None = None) -> str:
        """An axis-aligned box; a side thinner than ``MIN_T`` is thickened."""
        lo, hi = list(map(float, lo)), list(map(float, hi))
        for i in range(3):
            if hi[i] < lo[i]:
                lo[i], hi[i] = hi[i], lo[i]
            if hi[i] - lo[i] < MIN_T:
                c = (hi[i] + lo[i]) / 2
                lo[i], hi[i] = c - MIN_T / 2, c + MIN_T / 2
        (ax, ay), (bx, by) = self._xy(lo[0], lo[1]), self._xy(hi[0], hi[1])
        return self.w.box(self._name(name), (min(ax, bx), min(ay, by), lo[2]), (max(ax, bx), max(ay, by), hi[2]),
                          material=mat)

    def prism(self, name: str, outline: Sequence[tuple[float, float]], z0: float, z1: float,
              mat: str | None = None) -> str:
        """A vertical prism over a convex outline (either orientation)."""
        if z1 - z0 < MIN_T:
            z0, z1 = (z0 + z1) / 2 - MIN_T / 2, (z0 + z1) / 2 + MIN_T / 2
        return self.w.prism(self._name(name), _ccw([self._xy(x, y) for x, y in outline]), z0, z1, material=mat)

    def cyl(self, name: str, cx: float, cy: float, r: float | tuple[float, float], z0: float, z1: float,
            mat: str | None = None, seg: int = 16) -> str:
        """A vertical cylinder, elliptic when ``r`` is ``(rx, ry)``."""
        rx, ry = (r, r) if isinstance(r, (int, float)) else r
        rx, ry = max(rx, MIN_T), max(ry, MIN_T)
        if abs(rx - ry) < 1e-9:
            if z1 - z0 < MIN_T:
                z0, z1 = (z0 + z1) / 2 - MIN_T / 2, (z0 + z1) / 2 + MIN_T / 2
            return self.w.cylinder(self._name(name), self._xy(cx, cy), rx, z0, z1, segments=seg, material=mat)
        return self.prism(name, ellipse(cx, cy, rx, ry, seg), z0, z1, mat)

    def cone(self, name: str, cx: float, cy: float, r0: float, r1: float, z0: float, z1: float,
             mat: str | None = None, seg: int = 16, aspect: float = 1.0) -> str:
        """A vertical frustum with radius ``r0`` at ``z0`` and ``r1`` at ``z1`` (along X); ``aspect`` = ry/rx."""
        if z1 - z0 < MIN_T:
            z0, z1 = (z0 + z1) / 2 - MIN_T / 2, (z0 + z1) / 2 + MIN_T / 2
        ccx, ccy = self._xy(cx, cy)
        path = self.w.frustum(self._name(name), (ccx, ccy), max(r0, MIN_T / 2), max(r1, MIN_T / 2), z0, z1,
                              segments=seg, material=mat)
        if abs(aspect - 1.0) > 1e-6:
            sx, sy = (aspect, 1.0) if self.rot else (1.0, aspect)
            _affine(self.w.stage, path, np.diag([sx, sy, 1.0]), (ccx * (1 - sx), ccy * (1 - sy), 0.0))
        return path

    def ball(self, name: str, c: Sequence[float], r: float | Sequence[float], mat: str | None = None,
             rings: int = 6, seg: int = 12) -> str:
        """A sphere or an axis-aligned ellipsoid ``r = (rx, ry, rz)``."""
        rx, ry, rz = (r, r, r) if isinstance(r, (int, float)) else r
        rx, ry = self._rxy(rx, ry)
        cx, cy = self._xy(c[0], c[1])
        return self.w.sphere(self._name(name), (cx, cy, c[2]), (max(rx, MIN_T), max(ry, MIN_T), max(rz, MIN_T)),
                             rings=rings, segments=seg, material=mat)

    def bar(self, name: str, p0: tuple[float, float], p1: tuple[float, float], t: float, z0: float, z1: float,
            mat: str | None = None) -> str:
        """A horizontal bar of width ``t`` from ``p0`` to ``p1`` (x, y), from ``z0`` to ``z1``."""
        (x0, y0), (x1, y1) = p0, p1
        ln = math.hypot(x1 - x0, y1 - y0) or 1.0
        nx, ny = -(y1 - y0) / ln * t / 2, (x1 - x0) / ln * t / 2
        return self.prism(name, [(x0 - nx, y0 - ny), (x1 - nx, y1 - ny), (x1 + nx, y1 + ny), (x0 + nx, y0 + ny)],
                          z0, z1, mat)

    def ring(self, name: str, cx: float, cy: float, rx: float, ry: float, t: float, z0: float, z1: float,
             mat: str | None = None, n: int = 12) -> None:
        """A ring wall of ``n`` convex segments: outer ellipse ``rx, ry``, thickness ``t``."""
        ix, iy = max(rx - t, rx * 0.2), max(ry - t, ry * 0.2)
        for k in range(n):
            a0, a1 = 2 * math.pi * k / n, 2 * math.pi * (k + 1) / n
            pts = [(cx + ix * math.cos(a0), cy + iy * math.sin(a0)), (cx + rx * math.cos(a0), cy + ry * math.sin(a0)),
                   (cx + rx * math.cos(a1), cy + ry * math.sin(a1)), (cx + ix * math.cos(a1), cy + iy * math.sin(a1))]
            self.prism(name, pts, z0, z1, mat)

    def flare(self, name: str, cx: float, cy: float, rx0: float, ry0: float, rx1: float, ry1: float, t: float,
              z0: float, z1: float, mat: str | None = None, n: int = 12) -> None:
        """A flared (or tapered) ring wall: outer ellipse ``rx0, ry0`` at ``z0`` and ``rx1, ry1`` at ``z1``.

        Each of the ``n`` segments is a prism sheared outwards along its middle direction; they
        are widened a little so that neighbours still meet at the wider end.
        """
        dz = max(z1 - z0, MIN_T)
        spread = max(abs(rx1 - rx0), abs(ry1 - ry0))
        widen = spread * math.sin(math.pi / n) / max(min(rx0, ry0, rx1, ry1), MIN_T) * 1.1
        ix, iy = max(rx0 - t, rx0 * 0.2), max(ry0 - t, ry0 * 0.2)
        for k in range(n):
            mid = 2 * math.pi * (k + 0.5) / n
            a0, a1 = mid - math.pi / n - widen, mid + math.pi / n + widen
            pts = [(cx + ix * math.cos(a0), cy + iy * math.sin(a0)), (cx + rx0 * math.cos(a0), cy + ry0 * math.sin(a0)),
                   (cx + rx0 * math.cos(a1), cy + ry0 * math.sin(a1)), (cx + ix * math.cos(a1), cy + iy * math.sin(a1))]
            path = self.prism(name, pts, z0, z1, mat)
            ax, ay = (rx1 - rx0) * math.cos(mid) / dz, (ry1 - ry0) * math.sin(mid) / dz
            self.shear(path, ax, ay, z0)

    def shear(self, path: str, ax: float, ay: float, z0: float) -> None:
        """Shear an already placed part: ``x += ax (z - z0)``, ``y += ay (z - z0)`` (design frame)."""
        m = np.array([[1.0, 0.0, ax], [0.0, 1.0, ay], [0.0, 0.0, 1.0]])
        t = np.array([-ax * z0, -ay * z0, 0.0])
        if self.rot:
            m, t = _TURN @ m @ _TURN.T, _TURN @ t
        _affine(self.w.stage, path, m, t)

    def walls(self, name: str, x: float, y: float, t: float, z0: float, z1: float, mat: str | None = None,
              cx: float = 0.0, cy: float = 0.0) -> None:
        """Four wall boxes around the rectangle of half extents ``x, y`` (outer faces), thickness ``t``."""
        self.box(name, (cx - x, cy - y, z0), (cx + x, cy - y + t, z1), mat)
        self.box(name, (cx - x, cy + y - t, z0), (cx + x, cy + y, z1), mat)
        self.box(name, (cx - x, cy - y + t, z0), (cx - x + t, cy + y - t, z1), mat)
        self.box(name, (cx + x - t, cy - y + t, z0), (cx + x, cy + y - t, z1), mat)

    def _place(self, path: str, m, t) -> None:
        """Map a part authored around the origin (real frame) by the design-frame ``m, t``."""
        m, t = np.asarray(m, dtype=float), np.asarray(t, dtype=float)
        if self.rot:
            m, t = _TURN @ m, _TURN @ t
        _affine(self.w.stage, path, m, t)

    def tube(self, name: str, p0: Sequence[float], p1: Sequence[float], r: float, mat: str | None = None,
             seg: int = 12, r1: float | None = None) -> str:
        """A cylinder (a cone with end radius ``r1``) along any direction, round ends perpendicular to it."""
        a, b = np.asarray(p0, dtype=float), np.asarray(p1, dtype=float)
        ln = float(np.linalg.norm(b - a))
        if ln < MIN_T:
            b, ln = a + np.array([0.0, 0.0, MIN_T]), MIN_T
        path = self.w.frustum(self._name(name), (0.0, 0.0), max(r, MIN_T / 2), max(r if r1 is None else r1, MIN_T / 2),
                              0.0, ln, segments=seg, material=mat)
        self._place(path, _rot_to(b - a), a)
        return path

    def disc(self, name: str, c: Sequence[float], r: float | tuple[float, float], t: float, axis: str = "y",
             mat: str | None = None, seg: int = 16) -> str:
        """A cylinder of thickness ``t`` centred at ``c`` whose axis is X or Y (a wheel, a drum, a dial)."""
        rx, rz = (r, r) if isinstance(r, (int, float)) else r
        t = max(t, MIN_T)
        path = self.w.cylinder(self._name(name), (0.0, 0.0), max(rx, MIN_T), -t / 2, t / 2, segments=seg, material=mat)
        q = rz / max(rx, MIN_T)
        m = _rot_axis("x", 90) @ np.diag([1.0, q, 1.0]) if axis == "y" else _rot_axis("y", 90) @ np.diag([q, 1.0, 1.0])
        self._place(path, m, c)
        return path

    def strut(self, name: str, p0: Sequence[float], p1: Sequence[float], r: float, mat: str | None = None,
              seg: int = 8, square: bool = False) -> str:
        """A slanted leg from ``p0`` (lower) to ``p1`` with horizontal end faces (a sheared cylinder or box)."""
        a, b = (p0, p1) if p0[2] <= p1[2] else (p1, p0)
        dz = max(b[2] - a[2], MIN_T)
        sx, sy = (b[0] - a[0]) / dz, (b[1] - a[1]) / dz
        name = self._name(name)
        if square:
            path = self.w.box(name, (-r, -r, a[2]), (r, r, a[2] + dz), material=mat)
        else:
            path = self.w.cylinder(name, (0.0, 0.0), max(r, MIN_T), a[2], a[2] + dz, segments=seg, material=mat)
        self._place(path, [[1, 0, sx], [0, 1, sy], [0, 0, 1]], (a[0] - sx * a[2], a[1] - sy * a[2], 0.0))
        return path

    def tilt(self, path: str, axis: str, deg: float, pivot: Sequence[float]) -> None:
        """Turn an already placed part by ``deg`` about the design-frame ``axis`` through ``pivot``."""
        m = _rot_axis(axis, deg)
        p = np.asarray(pivot, dtype=float)
        if self.rot:
            m, p = _TURN @ m @ _TURN.T, _TURN @ p
        _affine(self.w.stage, path, m, p - m @ p)

    def surface(self, z: float, x0: float, y0: float, x1: float, y1: float, clearance: float = 1.0,
                inside: bool = False) -> None:
        """A support surface in the design frame."""
        (ax, ay), (bx, by) = self._xy(x0, y0), self._xy(x1, y1)
        self._surfaces.append((z, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), clearance, inside))

    def u(self, lo: float, hi: float) -> float:
        return self.rng.uniform(lo, hi)

    def pick(self, options: Sequence):
        return options[self.rng.randrange(len(options))]

    # ------------------------------------------------------------ fit
    def finish(self) -> None:
        """Fit the parts made since the kit was created into the size box; declare the surfaces."""
        stage = self.w.stage
        paths = self.w.built.parts[self._start:]
        if not paths:
            raise ValueError("the design made no parts")
        lo, hi = np.full(3, np.inf), np.full(3, -np.inf)
        for p in paths:
            pts = np.asarray(UsdGeom.Mesh(stage.GetPrimAtPath(p)).GetPointsAttr().Get(), dtype=float)
            lo, hi = np.minimum(lo, pts.min(axis=0)), np.maximum(hi, pts.max(axis=0))
        W, D, H = self.size
        want_lo, want_hi = np.array([-W / 2, -D / 2, 0.0]), np.array([W / 2, D / 2, H])
        scale = (want_hi - want_lo) / np.maximum(hi - lo, 1e-9)
        shift = want_lo - lo * scale
        FIT_LOG.append(tuple(float(s) for s in scale))
        del FIT_LOG[:-64]
        if not (np.allclose(scale, 1.0, atol=1e-9) and np.allclose(shift, 0.0, atol=1e-9)):
            for p in paths:
                _affine(stage, p, np.diag(scale), shift)
        for z, x0, y0, x1, y1, clearance, inside in self._surfaces:
            self.w.surface(z * scale[2] + shift[2], x0 * scale[0] + shift[0], y0 * scale[1] + shift[1],
                           x1 * scale[0] + shift[0], y1 * scale[1] + shift[1], clearance * scale[2], inside)


def _affine(stage, path: str, m, t) -> None:
    """Apply ``p -> m @ p + t`` (``m`` invertible) to one mesh part: points, face normals, extent."""
    mesh = UsdGeom.Mesh(stage.GetPrimAtPath(path))
    m, t = np.asarray(m, dtype=float), np.asarray(t, dtype=float)
    pts = np.asarray(mesh.GetPointsAttr().Get(), dtype=float) @ m.T + t
    varr = Vt.Vec3fArray.FromNumpy(pts.astype(np.float32))
    mesh.GetPointsAttr().Set(varr)
    nrm = mesh.GetNormalsAttr().Get()
    if nrm:
        n = np.asarray(nrm, dtype=float) @ np.linalg.inv(m)
        n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
        mesh.GetNormalsAttr().Set(Vt.Vec3fArray.FromNumpy(n.astype(np.float32)))
    mesh.GetExtentAttr().Set(UsdGeom.PointBased.ComputeExtent(varr))


def _rot_to(u) -> np.ndarray:
    """The rotation taking +Z onto the unit vector ``u``."""
    u = np.asarray(u, dtype=float)
    u = u / np.linalg.norm(u)
    c = float(u[2])
    if c < -1 + 1e-9:
        return np.diag([1.0, -1.0, -1.0])
    v = np.array([-u[1], u[0], 0.0])  # z × u
    vx = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + vx + vx @ vx / (1 + c)


def _rot_axis(axis: str, deg: float) -> np.ndarray:
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return {"x": np.array([[1, 0, 0], [0, c, -s], [0, s, c]]),
            "y": np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]]),
            "z": np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])}[axis]


_TURN = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


# ====================================================================== tableware and kitchen


@generator("mug", "cup", "coffee mug", "coffee cup", "tea cup", "teacup")
def mug(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cylindrical (or tapered) body with a handle of three boxes on the +X side."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    rx = min(y, x * k.u(0.68, 0.8))
    cx = -x + rx
    taper = k.pick((1.0, 0.92, 0.85))
    foot = k.pick((0.0, 0.0, 0.06))
    k.cone("body", cx, 0, rx * taper, rx, h * foot, h, aspect=y / rx)
    if foot:
        k.cyl("foot", cx, 0, (rx * taper * 0.8, y * taper * 0.8), 0, h * foot + 1e-3)
    t = max((x - (cx + rx)) * k.u(0.3, 0.42), 0.002)
    z0, z1 = h * k.u(0.12, 0.3), h * k.u(0.7, 0.86)
    tz, hy = max(h * 0.08, 0.002), _clamp(y * 0.15, 0.002, y)
    k.box("handle", (x - t, -hy, z0), (x, hy, z1))
    k.box("handle", (cx + rx * 0.8, -hy, z1 - tz), (x, hy, z1))
    k.box("handle", (cx + rx * 0.8, -hy, z0), (x, hy, z0 + tz))
    k.finish()


@generator("bowl", "fruit bowl", "salad bowl", "mixing bowl", "cereal bowl", "serving bowl", "soup bowl")
def bowl(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bottom disc and a flared ring of wall segments; the inner floor is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.06 * m, 0.002, 0.25 * m)
    b = k.u(0.58, 0.75)
    tb = _clamp(0.08 * h, 0.002, 0.3 * h)
    k.cyl("bottom", 0, 0, (x * b - t * 0.4, y * b - t * 0.4), 0, tb)
    k.flare("wall", 0, 0, x * b, y * b, x, y, t, 0, h)
    k.surface(tb, -(x * b - t) * 0.68, -(y * b - t) * 0.68, (x * b - t) * 0.68, (y * b - t) * 0.68, inside=True)
    k.finish()


@generator("plate", "dinner plate", "side plate", "saucer", "dish", "platter", "serving plate")
def plate(w: AssetWriter, size: Size, cat: Category) -> None:
    """A foot ring and a shallow dish with a flat top surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    f = k.u(0.5, 0.62)
    k.cyl("foot", 0, 0, (x * f * 0.95, y * f * 0.95), 0, h * 0.3, seg=20)
    k.cone("dish", 0, 0, x * f, x, h * 0.25, h, aspect=y / x, seg=24)
    k.surface(h, -x * 0.62, -y * 0.62, x * 0.62, y * 0.62)
    k.finish()


@generator("tray", "serving tray", "tea tray")
def tray(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat board with a low rim; its floor is a (non-container) support surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    t = _clamp(0.03 * min(x, y), 0.004, 0.2 * min(x, y))
    tb = _clamp(0.25 * h, 0.003, 0.5 * h)
    k.box("base", (-x, -y, 0), (x, y, tb))
    k.walls("rim", x, y, t, tb * 0.5, h)
    k.surface(tb, -x + t * 1.5, -y + t * 1.5, x - t * 1.5, y - t * 1.5)
    k.finish()


@generator("glass", "drinking glass", "tumbler", "water glass", "wine glass", "champagne glass", "cocktail glass",
           "martini glass", "goblet", "shot glass")
def glass(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tumbler (thick base and a tapered body) or a stemmed glass (foot, stem, bowl)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if any(s in cat.name for s in ("wine", "champagne", "cocktail", "martini", "goblet")):
        k.cyl("foot", 0, 0, (x * 0.78, y * 0.78), 0, max(h * 0.025, 0.002), seg=20)
        k.cyl("stem", 0, 0, _clamp(0.06 * min(x, y), 0.002, 0.3 * min(x, y)), h * 0.02, h * 0.44, seg=8)
        if "champagne" in cat.name:
            k.cone("bowl", 0, 0, 0.25 * x, x, h * 0.42, h * 0.62, aspect=a)
            k.cone("bowl", 0, 0, x, 0.9 * x, h * 0.62, h, aspect=a)
        elif "martini" in cat.name or "cocktail" in cat.name:
            k.cone("bowl", 0, 0, 0.08 * x, x, h * 0.42, h, aspect=a)
        else:
            k.cone("bowl", 0, 0, 0.15 * x, x, h * 0.42, h * 0.7, aspect=a)
            k.cone("bowl", 0, 0, x, 0.84 * x, h * 0.7, h, aspect=a)
    else:
        k.cyl("base", 0, 0, (x * 0.84, y * 0.84), 0, h * 0.12)
        k.cone("body", 0, 0, x * k.u(0.8, 0.9), x, h * 0.1, h, aspect=a)
    k.finish()


@generator("bottle", "wine bottle", "water bottle", "beer bottle", "soda bottle", "glass bottle", "plastic bottle",
           "oil bottle", "medicine bottle", "pill bottle", "vitamin bottle", "spray bottle")
def bottle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, shoulder, neck and cap; pill bottles are a body with a wide white cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if any(s in cat.name for s in ("medicine", "pill", "vitamin")):
        k.cyl("body", 0, 0, (x * 0.93, y * 0.93), 0, h * 0.76)
        k.cyl("label", 0, 0, (x * 0.94, y * 0.94), h * 0.18, h * 0.6, PAPER)
        k.cyl("neck", 0, 0, (x * 0.8, y * 0.8), h * 0.74, h * 0.8)
        k.cyl("cap", 0, 0, (x, y), h * 0.78, h, WHITE)
    elif "spray" in cat.name:
        k.cyl("body", 0, 0, (x * 0.7, y), 0, h * 0.68)
        k.cone("shoulder", 0, 0, x * 0.7, x * 0.3, h * 0.68, h * 0.76, aspect=y / (x * 0.7))
        k.cyl("collar", 0, 0, (x * 0.3, y * 0.4), h * 0.74, h * 0.8, WHITE)
        k.box("head", (-x * 0.3, -y * 0.45, h * 0.8), (x, y * 0.45, h), WHITE)
        k.box("trigger", (x * 0.45, -y * 0.2, h * 0.62), (x * 0.6, y * 0.2, h * 0.82), WHITE)
    else:
        sh = h * k.u(0.5, 0.64)
        nr = k.u(0.26, 0.38)
        k.cyl("body", 0, 0, (x * 0.985, y * 0.985), 0, sh)
        k.cone("shoulder", 0, 0, x * 0.985, x * nr, sh, sh + h * 0.16, aspect=a)
        k.cyl("neck", 0, 0, (x * nr, y * nr), sh + h * 0.15, h * 0.93)
        cap = BLACK if "water" in cat.name or "soda" in cat.name or "plastic" in cat.name else None
        k.cyl("cap", 0, 0, (x * nr * 1.18, y * nr * 1.18), h * 0.9, h, cap)
        if "wine" in cat.name or "beer" in cat.name:
            k.cyl("label", 0, 0, (x * 1.0, y * 1.0), sh * 0.25, sh * 0.75, PAPER)
    k.finish()


@generator("jar", "mason jar", "cookie jar", "spice jar", "honey jar", "storage jar", "glass jar")
def jar(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a shoulder and a metal lid (a cookie jar gets a knobbed lid)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    knob = "cookie" in cat.name or k.rng.random() < 0.25
    k.cyl("body", 0, 0, (x, y), 0, h * 0.76)
    k.cone("shoulder", 0, 0, x, x * 0.84, h * 0.76, h * 0.84, aspect=a)
    if knob:
        k.cone("lid", 0, 0, x * 0.9, x * 0.5, h * 0.83, h * 0.93, aspect=a)
        k.ball("knob", (0, 0, h * 0.93), (x * 0.15, y * 0.15, h * 0.07))
    else:
        k.cyl("lid", 0, 0, (x * 0.88, y * 0.88), h * 0.83, h, BRUSHED)
    k.finish()


@generator("can", "soda can", "tin can", "food can", "beer can", "aluminum can", "paint can", "paint bucket")
def can(w: AssetWriter, size: Size, cat: Category) -> None:
    """A drink or food can (chamfered ends), or a paint can with a rim and handle ears."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    a = y / x
    if "paint" in cat.name:
        k.cyl("body", 0, 0, (x * 0.96, y * 0.96), 0, h * 0.95)
        k.cyl("rim", 0, 0, (x, y), h * 0.93, h, STEEL)
        for sx in (-1, 1):
            k.box("ear", (sx * x * 0.9 if sx > 0 else -x, -y * 0.08, h * 0.72),
                  (x if sx > 0 else -x * 0.9, y * 0.08, h * 0.85), STEEL)
        k.tube("bail", (-x * 0.95, 0, h * 0.8), (x * 0.95, 0, h * 0.8), _clamp(0.01 * x, 0.001, 0.05 * h), STEEL, seg=6)
    else:
        k.cone("bottom", 0, 0, x * 0.85, x, 0, h * 0.06, aspect=a)
        k.cyl("body", 0, 0, (x, y), h * 0.05, h * 0.92)
        k.cone("top", 0, 0, x, x * 0.86, h * 0.92, h, aspect=a)
    k.finish()


@generator("pot", "cooking pot", "stock pot", "stockpot", "dutch oven", "casserole", "saucepan", "sauce pan")
def pot(w: AssetWriter, size: Size, cat: Category) -> None:
    """A lidded pot with two side handles (a saucepan: one long handle)."""
    k = Kit(w, size, long_x=True)
    if "sauce" in cat.name:
        _pan(k, lid=True)
        return
    x, y, h = k.x, k.y, k.H
    rx = min(y, x * k.u(0.78, 0.86))
    k.cyl("body", 0, 0, (rx, y), 0, h * 0.76)
    k.cone("lid", 0, 0, rx * 1.0, rx * 0.8, h * 0.76, h * 0.88, k.pick((GLASS, None)), aspect=y / rx)
    k.cyl("knob", 0, 0, (rx * 0.12, y * 0.12), h * 0.87, h, BLACK)
    for sx in (-1, 1):
        k.box("handle", (sx * rx * 0.9, -y * 0.22, h * 0.6), (sx * x, y * 0.22, h * 0.7), BLACK)
    k.finish()


def _pan(k: Kit, lid: bool) -> None:
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.62)
    cx = -x + r
    hb = h * (0.7 if lid else 0.62)
    t = _clamp(0.03 * r, 0.002, 0.2 * r)
    tb = _clamp(0.12 * hb, 0.002, 0.4 * hb)
    a = y / r
    k.cyl("bottom", cx, 0, (r * 0.82 - t * 0.4, (r * 0.82 - t * 0.4) * a), 0, tb)
    k.flare("wall", cx, 0, r * 0.82, r * 0.82 * a, r, y, t, 0, hb)
    hr = _clamp(0.08 * r, 0.004, 0.25 * h)
    if lid:
        k.cone("lid", cx, 0, r, r * 0.85, hb, h * 0.85, GLASS, aspect=a)
        k.cyl("knob", cx, 0, (r * 0.1, r * 0.1 * a), h * 0.84, h, BLACK)
        k.box("handle", (cx + r * 0.95, -hr, hb - 2 * hr), (x, hr, hb), BLACK)
    else:
        k.tube("handle", (cx + r * 0.92, 0, hb * 0.8), (x - hr, 0, h - hr), hr, BLACK, seg=8)
        r0 = r * 0.82 - t
        k.surface(tb, cx - r0 * 0.68, -r0 * a * 0.68, cx + r0 * 0.68, r0 * a * 0.68, inside=True)
    k.finish()


@generator("pan", "frying pan", "skillet", "saute pan", "wok", "cooking pan")
def pan(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared open pan with a rising handle; its floor is an inside surface."""
    _pan(Kit(w, size, long_x=True), lid=False)


@generator("kettle", "tea kettle", "electric kettle", "teapot", "tea pot")
def kettle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a spout towards -X and a side (or top) handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.62)
    a = y / r
    top = cat.name in ("kettle", "tea kettle") and k.rng.random() < 0.5
    hw = 0.0 if top else (2 * x - 2 * r) * 0.42
    cx = x - hw - r
    if "pot" in cat.name:
        k.cyl("foot", cx, 0, (r * 0.6, r * 0.6 * a), 0, h * 0.08)
        k.ball("body", (cx, 0, h * 0.42), (r, y, h * 0.38), rings=8)
        k.cyl("lid", cx, 0, (r * 0.45, r * 0.45 * a), h * 0.76, h * 0.84)
        lid_top = h * 0.84
    else:
        k.cyl("base", cx, 0, (r * 0.96, y * 0.96), 0, h * 0.07, BLACK)
        k.cone("body", cx, 0, r, r * 0.82, h * 0.06, h * 0.82, aspect=a)
        k.cyl("lid", cx, 0, (r * 0.7, r * 0.7 * a), h * 0.81, h * 0.86)
        lid_top = h * 0.86
    sr = _clamp(0.12 * r, 0.003, 0.2 * h)
    k.tube("spout", (cx - r * 0.6, 0, h * 0.3), (-x + sr * 0.6, 0, h * 0.68), sr, r1=sr * 0.6, seg=10)
    hy = _clamp(0.12 * y, 0.003, 0.5 * y)
    if top:
        for sx in (-1, 1):
            k.cyl("handle", cx + sx * r * 0.45, 0, hy, lid_top - 0.05 * h, h, BLACK, seg=8)
        k.box("handle", (cx - r * 0.5, -hy, h - 2 * hy), (cx + r * 0.5, hy, h), BLACK)
    else:
        ht = max(hw * 0.3, 0.003)
        k.box("handle", (x - ht, -hy, h * 0.2), (x, hy, h * 0.82), BLACK)
        k.box("handle", (cx + r * 0.7, -hy, h * 0.72), (x, hy, h * 0.82), BLACK)
        k.box("handle", (cx + r * 0.8, -hy, h * 0.2), (x, hy, h * 0.28), BLACK)
        k.ball("knob", (cx, 0, lid_top), (r * 0.12, r * 0.12 * a, h - lid_top))
    k.finish()


@generator("cutting board", "chopping board", "serving board", "cheese board", "bread board")
def cutting_board(w: AssetWriter, size: Size, cat: Category) -> None:
    """A chamfered board, sometimes with a handle tab; its top is a support surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    tab = k.rng.random() < 0.5
    xb = x - (2 * x * k.u(0.12, 0.2) if tab else 0.0)
    c = min(0.12 * y, 0.15 * (xb + x))
    k.prism("board", [(-x + c, -y), (xb - c, -y), (xb, -y + c), (xb, y - c), (xb - c, y), (-x + c, y),
                      (-x, y - c), (-x, -y + c)], 0, h)
    if tab:
        ty, c2 = y * 0.32, min(0.1 * y, 0.3 * (x - xb))
        k.prism("handle", [(xb - c, -ty), (x - c2, -ty), (x, -ty + c2), (x, ty - c2), (x - c2, ty), (xb - c, ty)], 0, h)
    k.surface(h, -x + c, -y + c, xb - c, y - c)
    k.finish()


@generator("knife", "kitchen knife", "chef knife", "chef's knife", "bread knife", "table knife", "butter knife",
           "steak knife")
def knife(w: AssetWriter, size: Size, cat: Category) -> None:
    """A knife lying flat: a pointed steel blade, a bolster and a thicker handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    xh = x * k.u(0.05, 0.25)
    hy = y * 0.3
    k.prism("blade", [(xh, -y), (xh, y), (-x, y * 0.5), (-x * 0.55, -y)], h * 0.35, h * 0.55, STEEL)
    k.box("bolster", (xh - 0.05 * x, y - 2 * hy * 0.95, h * 0.15), (xh + 0.02 * x, y, h * 0.85), STEEL)
    k.box("handle", (xh, y - 2 * hy, 0), (x, y, h))
    k.finish()


@generator("fork", "dinner fork", "table fork")
def fork(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat handle, a neck, a head and four tines rising towards -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hy = y * 0.32
    k.box("handle", (0.0, -hy, 0), (x, hy, h * 0.3))
    k.box("neck", (-x * 0.42, -hy * 0.6, h * 0.1), (x * 0.05, hy * 0.6, h * 0.4))
    k.box("head", (-x * 0.62, -y, h * 0.3), (-x * 0.4, y, h * 0.6))
    n = 4
    tw = 2 * y / (2 * n - 1)
    for i in range(n):
        y0 = -y + 2 * i * tw
        k.box("tine", (-x, y0, h * 0.5), (-x * 0.6, y0 + tw, h))
    k.finish()


@generator("spoon", "tablespoon", "teaspoon", "soup spoon")
def spoon(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat handle, a neck and an oval bowl at -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("handle", (0.0, -y * 0.26, 0), (x, y * 0.26, h * 0.3))
    k.box("neck", (-x * 0.4, -y * 0.16, h * 0.1), (x * 0.05, y * 0.16, h * 0.45))
    rb = x * 0.34
    k.ball("bowl", (-x + rb, 0, h * 0.55), (rb, y, h * 0.45), rings=6, seg=12)
    k.finish()
