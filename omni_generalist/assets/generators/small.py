"""Small objects: tableware, kitchen things, books, boxes and baskets, fruit, toys, plants, gadgets.

Every generator designs its asset in the object frame from the requested size (origin bottom
centre, front +Y, +Z up) with :class:`Kit`, which wraps the :class:`AssetWriter` with a few
conveniences (elliptic cylinders and frustums, bars between two points, rings of flat or flared
wall segments, a frame whose long axis is X) and, when the design is done, fits it exactly into
the size box: the parts' real bounds are mapped onto ``[-w/2, w/2] × [-d/2, d/2] × [0, h]`` by one
scale and shift per axis and the support surfaces follow. Designs already fill their box, so the
fit only absorbs rounding (and makes round things elliptic when ``w != d``).

Parts are always the writer's convex primitives; a few are then moved by an affine map of their
points (normals and extent updated): turned (a tilted laptop lid, a cylinder lying along X or Y
for a wheel or a dial, a tube between two points) or sheared (a slanted leg, a flared bowl wall
segment). An affine image of a convex part is convex. No joints here; the main material is left
to the object root, secondary materials come from a short fixed list.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

import numpy as np
from pxr import UsdGeom, Vt

from ..builders import Size, block, generator
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
        return self.cone(name, cx, cy, rx, rx, z0, z1, mat, seg, aspect=ry / rx)

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
             rings: int = 5, seg: int = 10) -> str:
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
        ix, iy = max(rx0 - t, rx0 * 0.2), max(ry0 - t, ry0 * 0.2)
        jx, jy = max(rx1 - t, rx1 * 0.2), max(ry1 - t, ry1 * 0.2)
        dx, dy = rx1 - rx0, ry1 - ry0

        def widen(a: float) -> float:
            """Extra angle at the corner ``a`` so that the two segments sharing it still meet at ``z1``."""
            m0, m1 = a - math.pi / n, a + math.pi / n
            gap = math.hypot(dx * (math.cos(m0) - math.cos(m1)), dy * (math.sin(m0) - math.sin(m1)))
            speed = min(math.hypot(jx * math.sin(a), jy * math.cos(a)), math.hypot(ix * math.sin(a), iy * math.cos(a)))
            return 0.55 * gap / max(speed, MIN_T)

        for k in range(n):
            mid = 2 * math.pi * (k + 0.5) / n
            c0, c1 = mid - math.pi / n, mid + math.pi / n
            a0, a1 = c0 - widen(c0), c1 + widen(c1)
            pts = [(cx + ix * math.cos(a0), cy + iy * math.sin(a0)), (cx + rx0 * math.cos(a0), cy + ry0 * math.sin(a0)),
                   (cx + rx0 * math.cos(a1), cy + ry0 * math.sin(a1)), (cx + ix * math.cos(a1), cy + iy * math.sin(a1))]
            path = self.prism(name, pts, z0, z1, mat)
            self.shear(path, dx * math.cos(mid) / dz, dy * math.sin(mid) / dz, z0)

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


@generator("mug", "cup")
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


@generator("bowl", "fruit bowl", "pet bowl")
def bowl(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bottom disc and a flared ring of wall segments; the inner floor is an inside surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.06 * m, 0.002, 0.25 * m)
    b = k.u(0.7, 0.8)  # a wide floor: two apples sit side by side in a 30 cm bowl
    tb = _clamp(0.08 * h, 0.002, 0.3 * h)
    k.cyl("bottom", 0, 0, (x * b - t * 0.4, y * b - t * 0.4), 0, tb)
    k.flare("wall", 0, 0, x * b, y * b, x, y, t, 0, h)
    k.surface(tb, -(x * b - t) * 0.6, -(y * b - t) * 0.6, (x * b - t) * 0.6, (y * b - t) * 0.6, inside=True)
    k.finish()


@generator("plate")
def plate(w: AssetWriter, size: Size, cat: Category) -> None:
    """A foot ring and a shallow dish with a flat top surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    f = k.u(0.5, 0.62)
    k.cyl("foot", 0, 0, (x * f * 0.95, y * f * 0.95), 0, h * 0.3, seg=20)
    k.cone("dish", 0, 0, x * f, x, h * 0.25, h, aspect=y / x, seg=24)
    k.surface(h, -x * 0.62, -y * 0.62, x * 0.62, y * 0.62)
    k.finish()


@generator("tray", "paper tray")
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


@generator("glass", "wine glass")
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


@generator("bottle", "wine bottle", "medicine bottle", "spray bottle")
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
        cap = None if "wine" in cat.name else k.pick((None, BLACK, WHITE))
        k.cyl("cap", 0, 0, (x * nr * 1.18, y * nr * 1.18), h * 0.9, h, cap)
        if "wine" in cat.name or "beer" in cat.name:
            k.cyl("label", 0, 0, (x * 1.0, y * 1.0), sh * 0.25, sh * 0.75, PAPER)
    k.finish()


@generator("jar")
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


@generator("can", "paint can")
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


@generator("pot")
def pot(w: AssetWriter, size: Size, cat: Category) -> None:
    """A lidded pot with two side handles (a saucepan with one long handle when much longer than wide)."""
    k = Kit(w, size, long_x=True)
    if k.W > 1.45 * k.D:  # a saucepan: one long handle
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
        k.surface(tb, cx - r0 * 0.6, -r0 * a * 0.6, cx + r0 * 0.6, r0 * a * 0.6, inside=True)
    k.finish()


@generator("pan")
def pan(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared open pan with a rising handle; its floor is an inside surface."""
    _pan(Kit(w, size, long_x=True), lid=False)


@generator("kettle", "teapot")
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
        k.ball("body", (cx, 0, h * 0.42), (r, y, h * 0.38), rings=5)
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


@generator("cutting board")
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


@generator("knife")
def knife(w: AssetWriter, size: Size, cat: Category) -> None:
    """A knife lying flat: a pointed steel blade, a bolster and a thicker handle."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    xh = x * k.u(0.05, 0.25)
    hy = y * 0.3
    # the blade lies flat on the surface like the handle: the knife rests on both
    k.prism("blade", [(xh, -y), (xh, y), (-x, y * 0.5), (-x * 0.55, -y)], 0.0, h * 0.2, STEEL)
    k.box("bolster", (xh - 0.05 * x, y - 2 * hy * 0.95, 0.0), (xh + 0.02 * x, y, h * 0.85), STEEL)
    k.box("handle", (xh, y - 2 * hy, 0), (x, y, h))
    k.finish()


@generator("fork")
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


@generator("spoon")
def spoon(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat handle, a neck and an oval bowl at -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("handle", (0.0, -y * 0.26, 0), (x, y * 0.26, h * 0.3))
    k.box("neck", (-x * 0.4, -y * 0.16, h * 0.1), (x * 0.05, y * 0.16, h * 0.45))
    rb = x * 0.34
    k.ball("bowl", (-x + rb, 0, h * 0.55), (rb, y, h * 0.45), rings=5, seg=10)
    k.finish()


# ====================================================================== books and paper


def _book(w: AssetWriter, size: Size, kind: str) -> None:
    """A book-like block in canonical coordinates: ``a`` spine → fore edge, ``b`` thickness, ``c`` along the spine.

    Lying flat when the height is the smallest side, else standing with its thickness along the
    narrower horizontal side (the spine faces the front, or the left when it faces front itself).
    """
    k = Kit(w, size)
    dims = (k.W, k.D, k.H)
    lo = (-k.x, -k.y, 0.0)
    if k.H <= min(k.W, k.D):
        b_ax, c_ax = 2, (0 if k.W >= k.D else 1)
        a_ax = 1 - c_ax
        a_sign = -1 if a_ax == 1 else 1
    elif k.W <= k.D:
        b_ax, a_ax, c_ax, a_sign = 0, 1, 2, -1
    else:
        b_ax, a_ax, c_ax, a_sign = 1, 0, 2, 1
    A, B, C = dims[a_ax], dims[b_ax], dims[c_ax]

    def part(name: str, ar: tuple[float, float], br: tuple[float, float], cr: tuple[float, float],
             mat: str | None = None) -> None:
        p, q = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
        for ax, (r0, r1) in ((b_ax, br), (c_ax, cr)):
            p[ax], q[ax] = lo[ax] + r0, lo[ax] + r1
        if a_sign > 0:
            p[a_ax], q[a_ax] = lo[a_ax] + ar[0], lo[a_ax] + ar[1]
        else:
            p[a_ax], q[a_ax] = lo[a_ax] + A - ar[1], lo[a_ax] + A - ar[0]
        k.box(name, p, q, mat)

    rng = k.rng
    if kind == "magazine":
        ct = _clamp(B * 0.06, MIN_T, 0.001)
        part("cover", (0, A), (0, ct), (0, C), PAPER)
        part("cover", (0, A), (B - ct, B), (0, C))
        part("spine", (0, ct * 2), (0, B), (0, C))
        pin = min(A, C) * k.u(0.0, 0.01)
        part("pages", (ct, A - pin), (ct * 0.9, B - ct * 0.9), (pin, C - pin), PAPER)
        k.finish()
        return
    thick = {"binder": 0.09, "notebook": 0.05}.get(kind, k.u(0.05, 0.11))
    ct = _clamp(B * thick, MIN_T, 0.004 if kind != "binder" else 0.006)
    pin = _clamp(min(A, C) * k.u(0.015, 0.035), MIN_T, 0.3 * min(A, C))
    deco = kind == "book" and rng.random() < 0.6
    e = _clamp(A * 0.012, MIN_T, 0.002) if deco else 0.0
    sp = ct * (1.5 if kind == "binder" else 1.1)
    spiral = kind == "notebook" and rng.random() < 0.6
    if spiral:
        rr = _clamp(A * 0.025, 0.001, 0.3 * A)
        n = int(_clamp(C / (rr * 3.2), 4, 16))
        for i in range(n):
            cc = C * (i + 0.5) / n
            rc = min(C / n * 0.3, rr)
            ctr = [0.0, 0.0, 0.0]
            rad = [0.0, 0.0, 0.0]
            ctr[a_ax] = lo[a_ax] + (rr if a_sign > 0 else A - rr)
            ctr[b_ax], ctr[c_ax] = lo[b_ax] + B / 2, lo[c_ax] + cc
            rad[a_ax], rad[b_ax], rad[c_ax] = rr, B / 2, rc
            k.ball("ring", ctr, rad, STEEL, rings=4, seg=6)
        e, sp = rr, 0.0
    round_spine = kind == "book" and c_ax == 2 and not deco and rng.random() < 0.5
    if round_spine:
        rs = min(B * 0.25, A * 0.08)
        ctr = [0.0, 0.0]
        ctr[a_ax] = lo[a_ax] + (rs if a_sign > 0 else A - rs)
        ctr[b_ax] = lo[b_ax] + B / 2
        rad = [0.0, 0.0]
        rad[a_ax], rad[b_ax] = rs, B / 2
        k.cyl("spine", ctr[0], ctr[1], (rad[0], rad[1]), 0, C, seg=12)
        e, sp = rs, 0.0
    elif not spiral:
        part("spine", (e, e + sp), (0, B), (0, C))
    part("cover", (e, A), (0, ct), (0, C))
    part("cover", (e, A), (B - ct, B), (0, C))
    part("pages", (e + sp * 0.5, A - pin), (ct * 0.9, B - ct * 0.9), (pin, C - pin), PAPER)
    if kind == "binder":
        part("rings", (e + sp, e + sp + A * 0.08), (B * 0.3, B * 0.7), (C * 0.15, C * 0.85), STEEL)
        part("label", (0, e + sp * 0.3), (B * 0.2, B * 0.8), (C * 0.45, C * 0.8), PAPER)
    elif deco:
        if rng.random() < 0.5:
            nb = rng.choice((2, 3, 4))
            cw = C * 0.035
            for i in range(nb):
                c0 = C * (0.12 + 0.76 * (i + 0.5) / nb) - cw / 2
                part("band", (0, e + sp * 0.5), (ct * 0.5, B - ct * 0.5), (c0, c0 + cw))
        else:
            part("label", (0, e + sp * 0.5), (B * 0.15, B * 0.85), (C * k.u(0.45, 0.6), C * 0.85), PAPER)
    k.finish()


@generator("book", "book stack")
def book(w: AssetWriter, size: Size, cat: Category) -> None:
    """Covers, a spine (flat, rounded, banded or labelled) and an inset paper block; a book stack is two to six
    books lying on each other, a little turned. Other categories tagged ``book`` get the plain block."""
    if "stack" in cat.name or "pile" in cat.name:
        _book_stack(Kit(w, size, long_x=True))
    elif cat.name in ("book", "books", "novel", "textbook"):
        _book(w, size, "book")
    else:
        block(w, size, cat)


def _book_stack(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    n = int(_clamp(h / 0.035, 2, 6))
    z = 0.0
    for i in range(n):
        bt = h / n
        sx, sy = (1.0, 1.0) if i == 0 else (k.u(0.72, 0.95), k.u(0.72, 0.95))
        bx, by = x * sx * 0.95, y * sy * 0.95
        ox, oy = k.u(-1, 1) * (x - bx) * 0.5, k.u(-1, 1) * (y - by) * 0.5
        ct = min(bt * 0.12, 0.003)
        pin = min(bx, by) * 0.03
        mat = k.pick((None, FABRIC, PAINT_BLACK))
        parts = [k.box("cover", (ox - bx, oy - by, z), (ox + bx, oy + by, z + ct), mat),
                 k.box("cover", (ox - bx, oy - by, z + bt - ct), (ox + bx, oy + by, z + bt), mat),
                 k.box("spine", (ox - bx, oy - by, z), (ox + bx, oy - by + ct * 1.2, z + bt), mat),
                 k.box("pages", (ox - bx + pin, oy - by + ct, z + ct * 0.9), (ox + bx - pin, oy + by - pin, z + bt - ct * 0.9),
                       PAPER)]
        if i:
            turn = k.u(-12, 12)
            for p in parts:
                k.tilt(p, "z", turn, (ox, oy, z))
        z += bt
    k.finish()


@generator("magazine")
def magazine(w: AssetWriter, size: Size, cat: Category) -> None:
    """Thin paper covers around a page block."""
    _book(w, size, "magazine")


@generator("notebook")
def notebook(w: AssetWriter, size: Size, cat: Category) -> None:
    """A book with, often, a wire spiral along the spine."""
    _book(w, size, "notebook")


@generator("binder")
def binder(w: AssetWriter, size: Size, cat: Category) -> None:
    """Thick covers, a wide spine with a paper label and a steel ring mechanism."""
    _book(w, size, "binder")


# ====================================================================== boxes and containers


@generator("box", "cardboard box", "jewelry box", "pill box")
def box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed box: top flaps with a seam (maybe taped), or a lid (a gift box with a ribbon and bow)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.name in ("jewelry box", "pill box"):
        style = "lid"
    elif cat.name == "box":
        style = k.pick(("flaps", "taped", "lid", "gift"))
    else:
        style = k.pick(("flaps", "flaps", "taped"))
    gift = style == "gift"
    style = "lid" if gift else style
    m = min(x, y)
    if style == "lid":
        bow = _clamp(h * 0.12, 0.005, 0.05) if gift else 0.0
        top = h - bow
        lh = (top) * k.u(0.12, 0.3)
        ins = _clamp(m * 0.02, 0.001, 0.006)
        k.box("body", (-x + ins, -y + ins, 0), (x - ins, y - ins, top - lh * 0.8))
        k.box("lid", (-x, -y, top - lh), (x, y, top))
        if gift:
            rw = m * 0.12
            k.box("ribbon", (-x - 1e-4 + 2e-4, -rw / 2, top - lh - 1e-3), (x, rw / 2, top + 1e-3), FABRIC)
            k.box("ribbon", (-rw / 2, -y, top - lh - 1e-3), (rw / 2, y, top + 1e-3), FABRIC)
            for sx in (-1, 1):
                k.ball("bow", (sx * m * 0.12, 0, top + bow * 0.45), (m * 0.12, m * 0.06, bow * 0.55), FABRIC)
        k.surface(top, -x, -y, x, y)
    else:
        ft = _clamp(h * k.u(0.02, 0.04), 0.001, 0.005)
        g = _clamp(m * k.u(0.005, 0.015), 0.0005, 0.004)
        tt = 0.0005 if style == "taped" else 0.0
        along_x = k.rng.random() < 0.5 if abs(x - y) < 0.2 * m else x >= y
        k.box("body", (-x, -y, 0), (x, y, h - ft - tt))
        if along_x:
            k.box("flap", (-x, -y, h - ft - tt), (x, -g / 2, h - tt), CARDBOARD)
            k.box("flap", (-x, g / 2, h - ft - tt), (x, y, h - tt), CARDBOARD)
        else:
            k.box("flap", (-x, -y, h - ft - tt), (-g / 2, y, h - tt), CARDBOARD)
            k.box("flap", (g / 2, -y, h - ft - tt), (x, y, h - tt), CARDBOARD)
        if tt:
            tw = _clamp(m * 0.12, 0.01, 0.05)
            lo_, hi_ = ((-x, -tw / 2), (x, tw / 2)) if along_x else ((-tw / 2, -y), (tw / 2, y))
            k.box("tape", (lo_[0], lo_[1], h - tt - 1e-4), (hi_[0], hi_[1], h), WHITE)
        k.surface(h - tt, -x, -y, x, y)
    k.finish()


@generator("crate")
def crate(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open crate: corner posts, slatted sides and a bottom board; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.04 * m, 0.006, 0.2 * m)
    post = t * 1.8
    k.box("bottom", (-x + t * 0.5, -y + t * 0.5, 0), (x - t * 0.5, y - t * 0.5, t))
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.box("post", (min(sx * x, sx * (x - post)), min(sy * y, sy * (y - post)), 0),
                  (max(sx * x, sx * (x - post)), max(sy * y, sy * (y - post)), h))
    n = k.pick((2, 3, 3, 4))
    sh = h / n * k.u(0.6, 0.8)
    for i in range(n):
        z1 = h - i * h / n
        z0 = max(z1 - sh, 0.0)
        for sy in (-1, 1):
            k.box("slat", (-x + post, min(sy * y, sy * (y - t)), z0), (x - post, max(sy * y, sy * (y - t)), z1))
        for sx in (-1, 1):
            k.box("slat", (min(sx * x, sx * (x - t)), -y + post, z0), (max(sx * x, sx * (x - t)), y - post, z1))
    k.surface(t, -x + post * 1.05, -y + post * 1.05, x - post * 1.05, y - post * 1.05, inside=True)
    k.finish()


@generator("storage bin")
def storage_bin(w: AssetWriter, size: Size, cat: Category) -> None:
    """A moulded open bin: a bottom, four walls and an outward lip; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    lip = _clamp(0.04 * m, 0.004, 0.03)
    t = _clamp(0.012 * m, 0.002, 0.1 * m)
    tb = _clamp(0.04 * h, 0.002, 0.2 * h)
    xi, yi = x - lip, y - lip
    k.box("bottom", (-xi, -yi, 0), (xi, yi, tb))
    k.walls("wall", xi, yi, t, 0, h)
    k.walls("lip", x, y, lip + t, h - _clamp(0.05 * h, 0.004, 0.02), h)
    for sx in (-1, 1):
        k.box("grip", (min(sx * x, sx * xi), -y * 0.3, h * 0.75), (max(sx * x, sx * xi), y * 0.3, h * 0.8))
    k.surface(tb, -xi + t * 1.2, -yi + t * 1.2, xi - t * 1.2, yi - t * 1.2, inside=True)
    k.finish()


def _basket(k: Kit, round_: bool, handle: bool, ears: bool, bands: int) -> None:
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(0.03 * m, 0.003, 0.15 * m)
    tb = _clamp(0.05 * h, 0.003, 0.2 * h)
    ew = _clamp(0.08 * x, 0.01, 0.05) if ears else 0.0
    hw = h * (0.62 if handle else 1.0)
    xo = x - ew
    if round_:
        b = k.u(0.82, 0.92)
        k.cyl("bottom", 0, 0, (xo * b - t * 0.4, y * b - t * 0.4), 0, tb)
        k.flare("wall", 0, 0, xo * b, y * b, xo, y, t, 0, hw)
        k.ring("rim", 0, 0, xo, y, t * 1.6, hw - _clamp(0.06 * hw, 0.004, 0.03), hw)
        r0x, r0y = (xo * b - t) * 0.6, (y * b - t) * 0.6
        k.surface(tb, -r0x, -r0y, r0x, r0y, inside=True)
    else:
        k.box("bottom", (-xo, -y, 0), (xo, y, tb))
        step = hw / bands
        for i in range(bands):
            d = t * 0.25 if i % 2 else 0.0
            k.walls("wall", xo - d, y - d, t, i * step, (i + 1) * step if i < bands - 1 else hw)
        k.walls("rim", xo, y, t * 1.5, hw - _clamp(0.06 * hw, 0.004, 0.03), hw)
        k.surface(tb, -xo + t * 1.7, -y + t * 1.7, xo - t * 1.7, y - t * 1.7, inside=True)
    if ears:
        for sx in (-1, 1):
            k.box("grip", (min(sx * x, sx * (xo - t)), -y * 0.25, hw * 0.72), (max(sx * x, sx * (xo - t)), y * 0.25, hw * 0.84))
    if handle:
        ht = _clamp(0.03 * m, 0.004, 0.02)
        for sx in (-1, 1):
            k.box("handle", (sx * (xo - t) - ht, -ht, hw * 0.6), (sx * (xo - t) + ht, ht, h))
        k.box("handle", (-(xo - t) - ht, -ht, h - 2 * ht), (xo - t + ht, ht, h))
    k.finish()


@generator("basket")
def basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A woven basket: round (flared) or rectangular (banded walls); picnic baskets get a handle."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=k.rng.random() < 0.5, handle="picnic" in cat.name or k.rng.random() < 0.25, ears=False,
            bands=k.pick((3, 4, 5)))


@generator("laundry basket")
def laundry_basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tall open basket with grips at both ends."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=k.rng.random() < 0.35, handle=False, ears=True, bands=k.pick((4, 5, 6)))


@generator("shopping basket")
def shopping_basket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rectangular basket with a handle arching over it."""
    k = Kit(w, size, long_x=True)
    _basket(k, round_=False, handle=True, ears=False, bands=3)


# ====================================================================== food


@generator("apple")
def apple(w: AssetWriter, size: Size, cat: Category) -> None:
    """A squashed sphere with a stem (a leaf, a calyx or a pointed top depending on the fruit)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    # a flattened bottom (a disc inside the body) so that round fruit rests without rolling
    k.cyl("body", 0, 0, (x * 0.45, y * 0.45), 0, h * 0.1, seg=12)
    if cat.name == "onion":
        k.ball("body", (0, 0, h * 0.4), (x, y, h * 0.4), rings=5)
        k.cone("tip", 0, 0, min(x, y) * 0.35, min(x, y) * 0.04, h * 0.72, h, aspect=y / x if x <= y else 1.0)
        k.finish()
        return
    top = 0.92 if cat.name in ("apple", "pomegranate") else 0.96
    k.ball("body", (0, 0, h * top / 2), (x, y, h * top / 2), rings=6, seg=12)
    sr = _clamp(min(x, y) * 0.05, 0.0008, 0.2 * min(x, y))
    if cat.name == "tomato":
        k.ball("calyx", (0, 0, h * 0.95), (x * 0.3, y * 0.3, h * 0.03), rings=4)
        k.cyl("stem", 0, 0, sr * 1.4, h * 0.9, h, OAK, seg=6)
    else:
        k.cyl("stem", 0, 0, sr, h * top * 0.85, h, OAK, seg=6)
        if cat.name == "apple" and k.rng.random() < 0.5:
            k.ball("leaf", (x * 0.2, 0, h * 0.93), (x * 0.18, y * 0.07, h * 0.025), rings=4, seg=6)
    k.finish()


@generator("orange")
def orange(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere with a small nub on top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, 0, h * 0.485), (x, y, h * 0.485), rings=8, seg=12)
    k.cyl("nub", 0, 0, _clamp(min(x, y) * 0.08, 0.0008, 0.3 * min(x, y)), h * 0.95, h, seg=6)
    k.finish()


@generator("lemon")
def lemon(w: AssetWriter, size: Size, cat: Category) -> None:
    """An ellipsoid lying along its long axis with pointed ends."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, 0, h / 2), (x * 0.82, y, h / 2), rings=6, seg=12)
    for sx in (-1, 1):
        k.ball("tip", (sx * x * 0.8, 0, h / 2), (x * 0.2, y * 0.28, h * 0.28), rings=4, seg=6)
    k.finish()


@generator("pear")
def pear(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wide lower sphere, a narrower upper one and a stem."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.ball("bottom", (0, 0, h * 0.33), (x, y, h * 0.33), rings=6, seg=12)
    k.ball("top", (0, 0, h * 0.6), (x * 0.62, y * 0.62, h * 0.3), rings=5)
    k.cyl("stem", 0, 0, _clamp(min(x, y) * 0.06, 0.0008, 0.3 * min(x, y)), h * 0.85, h, OAK, seg=6)
    k.finish()


@generator("banana")
def banana(w: AssetWriter, size: Size, cat: Category) -> None:
    """Five ellipsoids along a curve lying on its back, tips rising, with a stem."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = 5
    rz = h * 0.34
    seg = 2 * x * 0.92 / n
    for i in range(n):
        u = -1 + 2 * (i + 0.5) / n
        taper = 1.0 - 0.35 * abs(u) ** 1.5
        cx = -x + 0.04 * x + seg * (i + 0.5)
        cz = rz * taper + (h - 2 * rz) * u * u
        k.ball("body", (cx, 0, cz), (seg * 0.78, y * taper, rz * taper), rings=5, seg=10)
    # a flattened belly under the middle: it rests on it instead of rocking on one point
    k.box("body", (-x + 0.04 * x + seg * 1.6, -y * 0.45, 0), (-x + 0.04 * x + seg * 3.4, y * 0.45, rz * 0.6))
    k.box("stem", (x * 0.9, -y * 0.12, h * 0.55), (x, y * 0.12, h * 0.75), OAK)
    k.finish()


@generator("bread")
def bread(w: AssetWriter, size: Size, cat: Category) -> None:
    """A loaf (a rounded box under a domed crust) or a baguette (a long ellipsoid with scores)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if "baguette" in cat.name or x > 3 * y:
        k.ball("body", (0, 0, h / 2), (x, y, h / 2), rings=5, seg=10)
        for i in range(3):
            cx = x * (-0.45 + 0.45 * i)
            k.ball("score", (cx, 0, h * 0.78), (x * 0.12, y * 0.35, h * 0.22), rings=4, seg=6)
    else:
        k.box("base", (-x * 0.94, -y * 0.94, 0), (x * 0.94, y * 0.94, h * 0.5))
        k.ball("crust", (0, 0, h * 0.5), (x, y, h * 0.5), rings=6, seg=12)
    k.finish()


# ====================================================================== toys


def _teddy(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    k.ball("body", (0, -y * 0.4, h * 0.32), (x * 0.6, y * 0.6, h * 0.32), rings=5)
    k.ball("head", (0, -y * 0.35, h * 0.76), (x * 0.42, y * 0.42, h * 0.2), rings=6, seg=12)
    for sx in (-1, 1):
        k.ball("ear", (sx * x * 0.32, -y * 0.4, h * 0.92), (x * 0.13, y * 0.08, h * 0.08), rings=4, seg=6)
        k.ball("arm", (sx * x * 0.7, -y * 0.2, h * 0.42), (x * 0.3, y * 0.2, h * 0.12), rings=5)
        k.ball("leg", (sx * x * 0.35, y * 0.45, h * 0.12), (x * 0.22, y * 0.55, h * 0.12), rings=5)
        k.ball("eye", (sx * x * 0.14, y * 0.02, h * 0.8), (x * 0.04, y * 0.03, h * 0.018), BLACK, rings=4, seg=6)
    k.ball("snout", (0, y * 0.08, h * 0.72), (x * 0.15, y * 0.14, h * 0.07), rings=4)
    k.ball("nose", (0, y * 0.2, h * 0.75), (x * 0.05, y * 0.03, h * 0.025), BLACK, rings=4, seg=6)
    k.finish()


def _toy_car(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    wr, wt = min(h * 0.26, x * 0.3), y * 0.22
    k.box("body", (-x, -y * 0.9, h * 0.18), (x, y * 0.9, h * 0.58))
    k.box("cabin", (-x * 0.45, -y * 0.78, h * 0.58), (x * 0.35, y * 0.78, h * 0.9), GLASS)
    k.box("roof", (-x * 0.42, -y * 0.78, h * 0.9), (x * 0.3, y * 0.78, h))
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.disc("wheel", (sx * x * 0.6, sy * (y - wt / 2), wr), wr, wt, "y", RUBBER, seg=12)
    k.finish()


def _ball(k: Kit) -> None:
    k.ball("ball", (0, 0, k.H / 2), (k.x, k.y, k.H / 2), rings=8, seg=12)
    k.finish()


def _blocks(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    n = 3
    bx = 2 * x / n
    for i in range(n):
        k.box("block", (-x + i * bx, -y, 0), (-x + (i + 1) * bx * 0.96, y, h * 0.5), k.pick((None, PAINT_WHITE, OAK)))
    k.box("block", (-x * 0.6, -y * 0.8, h * 0.5), (x * 0.1, y * 0.8, h), k.pick((None, OAK)))
    k.box("block", (x * 0.15, -y * 0.6, h * 0.5), (x * 0.6, y * 0.6, h * 0.8), k.pick((None, PAINT_WHITE)))
    k.finish()


@generator("teddy bear")
def teddy_bear(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sitting bear from spheres: body, head, ears, arms, legs, snout, eyes and nose."""
    _teddy(Kit(w, size))


@generator("toy car")
def toy_car(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a glass cabin with a roof and four wheels."""
    _toy_car(Kit(w, size, long_x=True))


@generator("ball")
def ball(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere."""
    _ball(Kit(w, size))


@generator("toy")
def toy(w: AssetWriter, size: Size, cat: Category) -> None:
    """A toy: a teddy bear, a car, a ball or a few blocks.

    Other categories that only carry the tag ``toy`` (a foosball table, a dollhouse) get the plain block.
    """
    if cat.name not in ("toy", "toys", "toy block", "building blocks"):
        block(w, size, cat)
        return
    k = Kit(w, size, long_x=True)
    if "block" in cat.name:
        _blocks(k)
        return
    k.pick((_teddy, _toy_car, _ball, _blocks))(k)


# ====================================================================== plants and decoration


def _pot(k: Kit, pr: float, ph: float, style: str, aspect: float) -> float:
    """A plant pot of top radius ``pr`` (along X) and height ``ph``; returns the soil height."""
    if style == "square":
        k.box("pot", (-pr * 0.92, -pr * aspect * 0.92, 0), (pr * 0.92, pr * aspect * 0.92, ph), CERAMIC)
    elif style == "cylinder":
        k.cyl("pot", 0, 0, (pr * 0.95, pr * 0.95 * aspect), 0, ph, CERAMIC, seg=16)
    else:
        k.cone("pot", 0, 0, pr * 0.72, pr * 0.92, 0, ph * 0.86, TERRACOTTA, aspect=aspect)
        k.cone("rim", 0, 0, pr * 0.95, pr, ph * 0.84, ph, TERRACOTTA, aspect=aspect)
    k.cyl("soil", 0, 0, (pr * 0.85, pr * 0.85 * aspect), ph * 0.8, ph * 1.02, RUBBER, seg=12)
    return ph * 1.02


@generator("plant", "potted plant", "planter", "hanging plant")
def plant(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pot with soil and foliage: a bush of blobs, a small tree, upright blades or radiating leaves.

    A planter has a big pot; a hanging plant (or any plant placed on the ceiling) hangs its pot from a hook
    at the top by three cords, with trailing vines below.
    """
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    m = min(x, y)
    if cat.placement == "ceiling" or "hanging" in cat.name:
        _hanging_plant(k)
        return
    style = {"snake plant": "blades", "bonsai": "tree", "fern": "leaves", "monstera": "leaves",
             "succulent": "rosette"}.get(cat.name) or k.pick(("bush", "tree", "blades", "leaves"))
    if cat.name == "planter":
        pr = m * k.u(0.85, 1.0)
    elif style == "blades":
        pr = m * k.u(0.75, 0.95)
    elif style == "rosette":
        pr = m * k.u(0.7, 0.85)
    else:
        pr = m * k.u(0.45, 0.7)
    ph = min(h * k.u(0.2, 0.32), pr * 2.2) if style not in ("rosette", "blades") else h * k.u(0.35, 0.5)
    if cat.name == "planter":
        ph = h * k.u(0.4, 0.6)
    if style == "tree" and "bonsai" in cat.name:
        ph = min(ph, h * 0.2)
    pot_style = "square" if "bonsai" in cat.name else k.pick(("frustum", "frustum", "cylinder", "square"))
    top = _pot(k, pr, ph, pot_style, 1.0)
    if style == "bush":
        k.ball("leaves", (0, 0, h - (h - top) * 0.4), (x * 0.55, y * 0.55, (h - top) * 0.4), rings=5)
        for i in range(rng.randint(4, 6)):
            a = 2 * math.pi * i / 4 + k.u(-0.3, 0.3) if i < 4 else k.u(0, 2 * math.pi)
            r = k.u(0.3, 0.45)
            cz = top + (h - top) * k.u(0.3, 0.55)
            rz = min((h - top) * k.u(0.25, 0.4), cz - top * 0.9)
            k.ball("leaves", ((x - r * x) * math.cos(a), (y - r * y) * math.sin(a), cz), (r * x, r * y, rz), rings=5)
    elif style == "tree":
        tz = top + (h - top) * k.u(0.3, 0.5)
        k.cyl("trunk", 0, 0, m * 0.06, top * 0.9, tz + (h - tz) * 0.3, OAK, seg=8)
        k.ball("canopy", (0, 0, tz + (h - tz) * 0.55), (x * 0.6, y * 0.6, (h - tz) * 0.45), rings=5)
        for i in range(rng.randint(2, 4)):
            a = 2 * math.pi * i / 4 + k.u(-0.4, 0.4)
            k.ball("canopy", (x * 0.45 * math.cos(a), y * 0.45 * math.sin(a), tz + (h - tz) * k.u(0.35, 0.5)),
                   (x * 0.55, y * 0.55, (h - tz) * 0.35), rings=5)
        k.ball("canopy", (0, 0, h - (h - tz) * 0.3), (x * 0.4, y * 0.4, (h - tz) * 0.3), rings=5)
        for sx in (-1, 1):
            k.ball("canopy", (sx * x * 0.62, 0, tz + (h - tz) * 0.4), (x * 0.38, y * 0.38, (h - tz) * 0.28), rings=5)
    elif style == "blades":
        n = rng.randint(5, 9)
        for i in range(n):
            a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
            r = pr * k.u(0.1, 0.6)
            cx, cy = r * math.cos(a), r * math.sin(a)
            lw, lt = pr * k.u(0.18, 0.3), pr * 0.06
            ca, sa = math.cos(a + math.pi / 2), math.sin(a + math.pi / 2)
            pts = [(cx + lw * ca, cy + lw * sa), (cx + lt * math.cos(a), cy + lt * math.sin(a)),
                   (cx - lw * ca, cy - lw * sa), (cx - lt * math.cos(a), cy - lt * math.sin(a))]
            k.prism("blade", pts, top * 0.9, h if i == 0 else top + (h - top) * k.u(0.5, 0.95))
    elif style == "rosette":
        for i in range(8):
            a = 2 * math.pi * i / 8
            k.ball("leaf", (x * 0.55 * math.cos(a), y * 0.55 * math.sin(a), top + (h - top) * 0.3),
                   (x * 0.45 * (0.4 + 0.6 * abs(math.cos(a))), y * 0.45 * (0.4 + 0.6 * abs(math.sin(a))), (h - top) * 0.3),
                   rings=4, seg=6)
        k.ball("leaf", (0, 0, top + (h - top) * 0.5), (x * 0.35, y * 0.35, (h - top) * 0.5), rings=5)
    else:  # leaves radiating from a stem
        k.cyl("stem", 0, 0, m * 0.04, top * 0.9, h * 0.85, seg=6)
        n = rng.randint(6, 9)
        for i in range(n):
            a = 2 * math.pi * i / n + (k.u(-0.2, 0.2) if i % 2 else 0.0)
            lz = top + (h - top) * (0.2 + 0.65 * i / n)
            ln, wd = k.u(0.35, 0.5), 0.18
            ca, sa = abs(math.cos(a)), abs(math.sin(a))
            k.ball("leaf", ((1 - ln) * x * math.cos(a), (1 - ln) * y * math.sin(a), lz),
                   (x * (ln * ca + wd * sa), y * (ln * sa + wd * ca), (h - top) * 0.06), rings=4, seg=12)
        k.ball("leaf", (0, 0, h - (h - top) * 0.12), (x * 0.2, y * 0.2, (h - top) * 0.12), rings=4)
    k.finish()


def _hanging_plant(k: Kit) -> None:
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    pr = m * k.u(0.45, 0.6)
    pz0, pz1 = h * k.u(0.35, 0.45), h * 0.6
    k.cone("pot", 0, 0, pr * 0.7, pr, pz0, pz1, k.pick((TERRACOTTA, CERAMIC, WHITE)), aspect=y / x)
    k.cyl("soil", 0, 0, (pr * 0.9, pr * 0.9 * y / x), pz1 - (pz1 - pz0) * 0.15, pz1 + 0.002, RUBBER, seg=12)
    cr = _clamp(m * 0.01, 0.001, 0.004)
    for i in range(3):
        a = math.pi / 2 + 2 * math.pi * i / 3
        k.tube("cord", (pr * 0.95 * math.cos(a), pr * 0.95 * y / x * math.sin(a), pz1), (0, 0, h * 0.95), cr, FABRIC,
               seg=6)
    k.ring("hook", 0, 0, m * 0.05, m * 0.05, cr * 2, h * 0.94, h, BRUSHED, n=6)
    k.ball("leaves", (0, 0, pz1), (pr * 1.1, pr * 1.1 * y / x, (h * 0.9 - pz1) * 0.35), rings=5)
    n = k.rng.randint(5, 8)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
        bottom = 0.0 if i < 4 else k.u(0.05, 0.3) * h
        a = math.pi / 2 * i if i < 4 else a
        vr = m * k.u(0.12, 0.2)
        cx, cy = (x - vr) * math.cos(a), (y - vr) * math.sin(a)
        k.ball("vine", (cx, cy, (bottom + pz1) / 2), (vr, vr, (pz1 - bottom) / 2), rings=4, seg=8)


@generator("cactus")
def cactus(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pot, a column with a rounded top and one or two arms."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    pr = m * k.u(0.55, 0.8)
    top = _pot(k, pr, min(h * k.u(0.2, 0.3), pr * 2), k.pick(("frustum", "cylinder")), y * 0.95 / pr)
    rc = _clamp(pr * 0.45, 0.005, x * 0.35)
    k.cyl("column", 0, 0, (rc, rc * y / x), top * 0.9, h - rc, seg=12)
    k.ball("column", (0, 0, h - rc), (rc, rc * y / x, rc), rings=5)
    ra = rc * 0.6
    arms = (-1, 1) if k.rng.random() < 0.6 else (k.pick((-1, 1)),)
    for sx in arms:
        az = top + (h - top) * k.u(0.25, 0.45)
        ax = sx * (x - ra)
        k.box("arm", (min(0.0, ax), -ra * y / x, az), (max(0.0, ax), ra * y / x, az + ra * 1.6))
        tz = az + (h - az) * k.u(0.45, 0.75)
        k.cyl("arm", ax, 0, (ra, ra * y / x), az, tz - ra, seg=10)
        k.ball("arm", (ax, 0, tz - ra), (ra, ra * y / x, ra), rings=5)
    if len(arms) == 1:
        k.ball("bud", (-arms[0] * rc * 0.8, 0, top + (h - top) * 0.5), (rc * 0.5, rc * 0.5 * y / x, rc * 0.6), rings=4)
    k.finish()


@generator("vase")
def vase(w: AssetWriter, size: Size, cat: Category) -> None:
    """A turned profile of stacked frustums: foot, belly, neck and lip."""
    k = Kit(w, size)
    _vase(k, 0.0, k.H)
    k.finish()


def _vase(k: Kit, z0: float, z1: float, rscale: float = 1.0) -> None:
    x, y = k.x * rscale, k.y * rscale
    a = y / x
    h = z1 - z0
    zb, zn = h * k.u(0.3, 0.55), h * k.u(0.72, 0.85)
    rf, rn, rl = k.u(0.5, 0.75), k.u(0.35, 0.6), k.u(0.45, 0.75)
    k.cone("vase", 0, 0, x * rf, x, z0, z0 + zb, seg=16, aspect=a)
    k.cone("vase", 0, 0, x, x * rn, z0 + zb, z0 + zn, seg=16, aspect=a)
    k.cone("vase", 0, 0, x * rn, x * rl, z0 + zn, z1, seg=16, aspect=a)


@generator("flowers")
def flowers(w: AssetWriter, size: Size, cat: Category) -> None:
    """A vase holding stems, leaves and round blossoms."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rng = k.rng
    vh = h * k.u(0.35, 0.5)
    vr = k.u(0.4, 0.55)
    k.cyl("vase", 0, 0, (x * vr, y * vr), 0, vh * 0.9, k.pick((GLASS, CERAMIC)), seg=16)
    k.cone("vase", 0, 0, x * vr, x * vr * 0.8, vh * 0.9, vh, k.pick((GLASS, CERAMIC)), aspect=y / x)
    n = rng.randint(5, 8)
    rb = min(x, y) * k.u(0.18, 0.26)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.2, 0.2)
        edge = i < 4
        a = math.pi / 2 * i if edge else a
        rr = 1.0 if edge else k.u(0.2, 0.6)
        bx, by = (x - rb) * rr * math.cos(a), (y - rb) * rr * math.sin(a)
        bz = h - rb if i == 0 else h - rb - (h - vh) * k.u(0.05, 0.35)
        k.tube("stem", (bx * 0.15, by * 0.15, vh * 0.5), (bx, by, bz), _clamp(rb * 0.12, 0.001, 0.01), seg=6)
        k.ball("blossom", (bx, by, bz), rb, rings=5, seg=10)
    for i in range(3):
        a = 2 * math.pi * i / 3 + k.u(0, 1)
        k.ball("leaf", (x * 0.3 * math.cos(a), y * 0.3 * math.sin(a), vh + (h - vh) * 0.25),
               (x * 0.25, y * 0.25, (h - vh) * 0.05), rings=4, seg=6)
    k.finish()


@generator("candle")
def candle(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wax pillar with a wick; a tall thin one is a taper candle in a candlestick, a flat one a tea light."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    wick = _clamp(0.06 * h, 0.002, 0.015)
    if h > 3.5 * min(2 * x, 2 * y):  # a taper candle in a candlestick
        k.cyl("base", 0, 0, (x, y), 0, h * 0.05, BRUSHED, seg=16)
        k.cyl("stem", 0, 0, (x * 0.2, y * 0.2), h * 0.04, h * 0.3, BRUSHED, seg=10)
        k.cyl("cup", 0, 0, (x * 0.4, y * 0.4), h * 0.28, h * 0.34, BRUSHED, seg=12)
        k.cyl("wax", 0, 0, (x * 0.22, y * 0.22), h * 0.33, h - wick, seg=10)
    elif h < 0.7 * min(2 * x, 2 * y):  # a tea light
        k.cyl("cup", 0, 0, (x, y), 0, (h - wick) * 0.9, BRUSHED, seg=16)
        k.cyl("wax", 0, 0, (x * 0.95, y * 0.95), (h - wick) * 0.5, h - wick, seg=16)
    else:
        k.cyl("wax", 0, 0, (x, y), 0, h - wick, seg=16)
    k.cyl("wick", 0, 0, _clamp(m * 0.04, 0.0005, 0.002), h - wick * 1.5, h, PAINT_BLACK, seg=6)
    k.finish()


@generator("lantern")
def lantern(w: AssetWriter, size: Size, cat: Category) -> None:
    """A square lantern: base, glass panes between corner posts, a stepped roof and a ring handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    p = _clamp(m * 0.1, 0.003, 0.02)
    k.box("base", (-x, -y, 0), (x, y, h * 0.08))
    k.box("glass", (-x * 0.85, -y * 0.85, h * 0.08), (x * 0.85, y * 0.85, h * 0.62), GLASS)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.box("post", (sx * x * 0.9 - p, sy * y * 0.9 - p, h * 0.08), (sx * x * 0.9 + p, sy * y * 0.9 + p, h * 0.62))
    k.box("top", (-x * 0.95, -y * 0.95, h * 0.62), (x * 0.95, y * 0.95, h * 0.67))
    k.box("roof", (-x * 0.7, -y * 0.7, h * 0.67), (x * 0.7, y * 0.7, h * 0.73))
    k.box("roof", (-x * 0.42, -y * 0.42, h * 0.73), (x * 0.42, y * 0.42, h * 0.78))
    k.cyl("candle", 0, 0, (x * 0.2, y * 0.2), h * 0.08, h * 0.3, WHITE, seg=10)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.3 - p / 2, -p / 2, h * 0.78), (sx * x * 0.3 + p / 2, p / 2, h))
    k.box("handle", (-x * 0.3 - p / 2, -p / 2, h - p), (x * 0.3 + p / 2, p / 2, h))
    k.finish()


# ====================================================================== textiles and clothing


def _folded(k: Kit, layers: int, collar: bool = False) -> None:
    """A folded stack: layers of alternating inset with rounded fold edges."""
    x, y, h = k.x, k.y, k.H
    lt = h / layers
    for i in range(layers):
        z0, z1 = i * lt, (i + 1) * lt
        inset = (0.0 if i % 2 == 0 else 0.02) * min(x, y)
        side = 1 if i % 2 == 0 else -1
        k.box("layer", (-x + inset, -y + lt * 0.5, z0), (x - inset, y - lt * 0.5, z1 - lt * 0.03))
        k.ball("fold", (0, side * (y - lt * 0.5), (z0 + z1) / 2), (x - inset, lt * 0.5, lt * 0.5), rings=4, seg=6)
        k.ball("fold", (0, -side * (y - lt * 0.5), (z0 + z1) / 2), (x - inset - 0.01 * x, lt * 0.45, lt * 0.45),
               rings=4, seg=6)
    if collar:
        k.box("collar", (-x * 0.25, y * 0.55, h - lt * 0.2), (x * 0.25, y * 0.85, h), FABRIC)


@generator("towel", "napkin")
def towel(w: AssetWriter, size: Size, cat: Category) -> None:
    """A folded towel: a few stacked layers with rounded fold edges."""
    k = Kit(w, size, long_x=True)
    _folded(k, k.pick((2, 3, 4)) if k.H > 0.02 else 1)
    k.finish()


@generator("blanket")
def blanket(w: AssetWriter, size: Size, cat: Category) -> None:
    """Folded (a stack of layers) when thick for its size, else spread flat with a hem."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if h > 0.05 * min(x, y):
        _folded(k, k.pick((3, 4, 5)))
    else:
        k.box("blanket", (-x, -y, 0), (x, y, h * 0.8))
        for sy in (-1, 1):
            k.box("hem", (-x, min(sy * y, sy * (y - 0.04 * y)), 0), (x, max(sy * y, sy * (y - 0.04 * y)), h))
    k.finish()


@generator("clothes", "folded clothes", "shirt", "jacket")
def clothes(w: AssetWriter, size: Size, cat: Category) -> None:
    """Folded garments: one with a collar (a shirt) or a stack of two to four of varied footprint."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    single = cat.name in ("shirt", "jacket", "sweater")
    if single:
        _folded(k, 2, collar="shirt" in cat.name)
        k.finish()
        return
    n = k.rng.randint(2, 4)
    gh = h / n
    for i in range(n):
        sx, sy = (1.0, 1.0) if i == 0 else (k.u(0.85, 1.0), k.u(0.85, 1.0))
        ox, oy = k.u(-1, 1) * x * (1 - sx), k.u(-1, 1) * y * (1 - sy)
        z0, z1 = i * gh, (i + 1) * gh
        k.box("garment", (ox - x * sx, oy - y * sy + gh * 0.4, z0), (ox + x * sx, oy + y * sy - gh * 0.4, z1 - gh * 0.02),
              k.pick((None, FABRIC)))
        k.ball("fold", (ox, oy + y * sy - gh * 0.45, (z0 + z1) / 2), (x * sx, gh * 0.45, gh * 0.5), rings=4, seg=6)
        k.ball("fold", (ox, oy - y * sy + gh * 0.45, (z0 + z1) / 2), (x * sx * 0.99, gh * 0.45, gh * 0.48),
               rings=4, seg=6)
    k.finish()


@generator("pillow", "cushion")
def pillow(w: AssetWriter, size: Size, cat: Category) -> None:
    """A plump rounded box: a squashed sphere over a core whose edges make the seams and corners."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    c = k.u(0.86, 0.95)
    k.box("core", (-x * c, -y * c, h * 0.22), (x * c, y * c, h * 0.78))
    k.ball("puff", (0, 0, h / 2), (x * k.u(0.96, 1.0) if c < 0.92 else x, y, h / 2), rings=6, seg=12)
    if k.rng.random() < 0.4:
        k.box("piping", (-x, -y * 0.02 - 0.002, h * 0.47), (x, y * 0.02 + 0.002, h * 0.53), FABRIC)
    k.finish()


@generator("shoes")
def shoes(w: AssetWriter, size: Size, cat: Category) -> None:
    """One shoe or a pair side by side: a rubber sole, a rounded toe and a heel collar (a shaft for boots)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    pair = cat.name.endswith("s") or "pair" in cat.name or x > 0.6 * y
    boot = "boot" in cat.name
    if pair:
        sw = (2 * x) * 0.46
        centres = (-x + sw / 2, x - sw / 2)
    else:
        sw, centres = 2 * x, (0.0,)
    hs = _clamp(0.14 * h, 0.005, 0.04) if not boot else _clamp(0.06 * h, 0.01, 0.04)
    for cx in centres:
        k.box("sole", (cx - sw / 2, -y, 0), (cx + sw / 2, y, hs), RUBBER)
        toe_h = min(h - hs, (h if not boot else h * 0.35) * 0.55)
        k.ball("toe", (cx, y * 0.2, (hs + toe_h) / 2), (sw / 2 * 0.96, y * 0.78, (hs + toe_h) / 2), rings=5, seg=10)
        top = h if boot else h * k.u(0.85, 1.0) if cx != centres[0] else h
        k.cyl("heel", cx, -y * 0.45, (sw / 2 * 0.94, y * 0.5), hs * 0.9, top, seg=12)
        if not boot:
            k.cyl("opening", cx, -y * 0.4, (sw / 2 * 0.6, y * 0.3), top - 0.2 * (top - hs), top + 1e-4 * 0, BLACK, seg=10)
    k.finish()


@generator("hat")
def hat(w: AssetWriter, size: Size, cat: Category) -> None:
    """A brim and a crown with a band, a top hat, a cap (a dome with a visor towards +Y) or a beanie."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    style = k.pick(("brim", "brim", "cap", "beanie", "top"))
    if style in ("cap", "beanie"):
        visor = style == "cap"
        ry = y * (0.62 if visor else 1.0)
        cy = -y + ry
        k.cyl("band", 0, cy, (x, ry), 0, h * 0.2, seg=16)
        k.ball("crown", (0, cy, h * 0.5), (x * 0.99, ry * 0.99, h * 0.5), rings=6, seg=12)
        if visor:
            k.prism("visor", ellipse(0, cy + ry * 0.55, x * 0.75, y - cy - ry * 0.55, 12), 0, h * 0.06)
        k.finish()
        return
    tall = style == "top"
    cr = k.u(0.55, 0.68) if not tall else 0.6
    bh = _clamp(h * 0.06, 0.002, 0.01)
    k.cyl("brim", 0, 0, (x, y), 0, bh, seg=20)
    k.cone("crown", 0, 0, x * cr, x * cr * (1.0 if tall else 0.85), 0, h * 0.92, aspect=y / x)
    k.cone("crown", 0, 0, x * cr * (1.0 if tall else 0.85), x * cr * (1.0 if tall else 0.7), h * 0.92, h,
           aspect=y / x)
    k.cyl("band", 0, 0, (x * cr * 1.02, y * cr * 1.02), bh, bh + h * 0.15, FABRIC)
    k.finish()


@generator("handbag")
def handbag(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body, a flap with a clasp and a handle (two posts and a bar)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * (0.62 if "clutch" not in cat.name else 1.0)
    k.box("body", (-x, -y * 0.9, 0), (x, y * 0.9, bh * 0.9))
    k.ball("top", (0, 0, bh * 0.9), (x * 0.999, y * 0.9, bh * 0.1), rings=4, seg=12)
    paper = "paper" in cat.name or "shopping" in cat.name
    if not paper:
        k.box("flap", (-x * 0.98, y * 0.9, bh * 0.45), (x * 0.98, y, bh * 0.95))
        k.box("clasp", (-x * 0.08, y * 0.95, bh * 0.45), (x * 0.08, y, bh * 0.58), CHROME)
    if bh < h:
        ht = _clamp(min(x, y) * 0.08, 0.004, 0.015)
        for sx in (-1, 1):
            k.box("handle", (sx * x * 0.45 - ht, -ht, bh * 0.85), (sx * x * 0.45 + ht, ht, h))
        k.box("handle", (-x * 0.45 - ht, -ht, h - 2 * ht), (x * 0.45 + ht, ht, h))
    k.finish()


# ====================================================================== bathroom


@generator("toilet paper")
def toilet_paper(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow roll: a ring of paper segments around a cardboard core."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    core = k.u(0.32, 0.42)
    k.ring("roll", 0, 0, x, y, x * (1 - core), 0, h, n=12)
    k.ring("core", 0, 0, x * core * 1.02, y * core * 1.02, x * 0.03, h * 0.01, h * 0.99, CARDBOARD, n=8)
    k.finish()


@generator("soap dispenser")
def soap_dispenser(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bottle with a pump: collar, stem and a head with a nozzle towards +Y."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rb = min(x, y * 0.78)
    cy = -y + rb
    if k.rng.random() < 0.5:
        k.cyl("body", 0, cy, (x, rb), 0, h * 0.7, seg=16)
        k.cone("shoulder", 0, cy, x, x * 0.4, h * 0.7, h * 0.76, aspect=rb / x)
    else:
        k.box("body", (-x, cy - rb, 0), (x, cy + rb, h * 0.72))
        k.box("shoulder", (-x * 0.6, cy - rb * 0.6, h * 0.72), (x * 0.6, cy + rb * 0.6, h * 0.76))
    k.cyl("collar", 0, cy, (x * 0.35, rb * 0.35), h * 0.75, h * 0.8, WHITE, seg=12)
    k.cyl("stem", 0, cy, (x * 0.12, rb * 0.12), h * 0.79, h * 0.9, WHITE, seg=8)
    k.box("head", (-x * 0.22, cy - rb * 0.25, h * 0.88), (x * 0.22, cy + rb * 0.35, h), WHITE)
    k.box("nozzle", (-x * 0.07, cy, h * 0.9), (x * 0.07, y, h * 0.97), WHITE)
    k.finish()


@generator("toothbrush holder")
def toothbrush_holder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cup with two or three toothbrushes standing in it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ch = h * k.u(0.45, 0.6)
    k.cyl("cup", 0, 0, (x, y), 0, ch, seg=16)
    n = k.rng.randint(2, 3)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(0, 0.5)
        bx, by = x * 0.35 * math.cos(a), y * 0.35 * math.sin(a)
        bt = _clamp(min(x, y) * 0.1, 0.002, 0.006)
        top = h if i == 0 else h * k.u(0.9, 1.0)
        k.box("brush", (bx - bt, by - bt * 0.6, ch * 0.3), (bx + bt, by + bt * 0.6, top - 0.025 * h),
              k.pick((WHITE, BLACK, None)))
        k.box("bristles", (bx - bt * 0.9, by - bt * 0.6 - bt * 1.6, top - 0.14 * (h - ch)),
              (bx + bt * 0.9, by - bt * 0.6, top), WHITE)
    k.finish()


# ====================================================================== office and electronics


@generator("stapler")
def stapler(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a top arm and a hinge block at +X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.25), BLACK)
    k.box("arm", (-x * 0.97, -y * 0.8, h * 0.42), (x * 0.85, y * 0.8, h))
    k.box("magazine", (-x * 0.9, -y * 0.55, h * 0.25), (x * 0.8, y * 0.55, h * 0.43), STEEL)
    k.box("hinge", (x * 0.7, -y * 0.85, h * 0.2), (x, y * 0.85, h * 0.8), BLACK)
    k.finish()


@generator("pen holder")
def pen_holder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A hollow cup (bottom and a ring wall) with pens and pencils standing in it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ch = h * k.u(0.55, 0.7)
    t = _clamp(0.08 * min(x, y), 0.002, 0.3 * min(x, y))
    k.cyl("bottom", 0, 0, (x - t * 0.5, y - t * 0.5), 0, ch * 0.08, seg=12)
    k.ring("wall", 0, 0, x, y, t, 0, ch, n=12)
    n = k.rng.randint(3, 6)
    pr = _clamp(min(x, y) * 0.08, 0.003, 0.006)
    for i in range(n):
        a = 2 * math.pi * i / n + k.u(-0.3, 0.3)
        rr = k.u(0.1, 0.45)
        top = h if i == 0 else k.u(ch + (h - ch) * 0.4, h)
        k.cyl("pen", (x - t) * rr * math.cos(a), (y - t) * rr * math.sin(a), pr, ch * 0.08, top,
              k.pick((BLACK, WHITE, None, OAK)), seg=6)
    k.finish()


@generator("calculator")
def calculator(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body with a screen and a grid of keys (portrait along the longer side)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, 0), (x, y, h * 0.7), BLACK)
    k.box("screen", (x * 0.45, -y * 0.8, h * 0.6), (x * 0.88, y * 0.8, h * 0.85), GLASS)
    rows, cols = 5, 4
    kx, ky = (x * 1.3) / rows, (y * 1.7) / cols
    for i in range(rows):
        for j in range(cols):
            x0 = -x * 0.88 + i * kx
            y0 = -y * 0.85 + j * ky
            k.box("key", (x0, y0, h * 0.6), (x0 + kx * 0.8, y0 + ky * 0.8, h), WHITE if (i, j) != (0, 3) else None)
    k.finish()


def _slab_axes(k: Kit):
    """For thin devices: returns True when lying flat (height the smallest side)."""
    return k.H <= min(k.W, k.D)


@generator("phone", "tablet")
def phone(w: AssetWriter, size: Size, cat: Category) -> None:
    """A slab with a glass screen (on top when lying, on the front when standing) and a camera bump; a thick
    'phone' is a desk telephone."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    b = _clamp(min(x, y, h * 10) * 0.06, 0.001, 0.012)
    if cat.name == "phone" and h > 0.035:  # a desk telephone: a base with a keypad and a handset
        k.box("base", (-x, -y, 0), (x, y * 0.9, h * 0.6))
        pad = k.box("keypad", (-x * 0.5, -y * 0.2, h * 0.55), (x * 0.5, y * 0.75, h * 0.62), BLACK)
        k.tilt(pad, "x", -6, (0, y * 0.75, h * 0.55))
        k.box("cradle", (-x * 0.95, -y, h * 0.55), (x * 0.95, -y * 0.4, h * 0.75))
        k.box("handset", (-x, -y * 0.95, h * 0.75), (x, -y * 0.45, h * 0.88))
        for sx in (-1, 1):
            k.box("handset", (min(sx * x, sx * x * 0.7), -y * 0.98, h * 0.7), (max(sx * x, sx * x * 0.7), -y * 0.42, h))
        k.finish()
        return
    if _slab_axes(k):
        k.box("body", (-x, -y, h * 0.1), (x, y, h * 0.9))
        k.box("screen", (-x + b, -y + b, h * 0.8), (x - b, y - b, h), GLASS if k.rng.random() < 0.5 else BLACK)
        k.box("camera", (-x * 0.8, y * 0.6, 0), (-x * 0.4, y * 0.85, h * 0.15), BLACK)
    else:
        k.box("body", (-x, -y * 0.8, 0), (x, y * 0.8, h))
        k.box("screen", (-x + b, y * 0.7, b), (x - b, y, h - b), GLASS)
        k.box("camera", (-x * 0.8, -y, h * 0.75), (-x * 0.4, -y * 0.7, h * 0.92), BLACK)
    k.finish()


@generator("laptop")
def laptop(w: AssetWriter, size: Size, cat: Category) -> None:
    """Open (a base with keyboard and touchpad, the lid tilted back about the rear hinge) or closed."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h < 0.35 * min(2 * x, 2 * y):  # closed
        k.box("base", (-x, -y, 0), (x, y, h * 0.55))
        k.box("lid", (-x, -y, h * 0.58), (x, y, h))
        k.box("hinge", (-x * 0.8, -y, h * 0.45), (x * 0.8, -y * 0.97, h * 0.65), BLACK)
        k.surface(h, -x, -y, x, y)
        k.finish()
        return
    tb = _clamp(0.08 * h, 0.008, 0.025)
    tilt = k.u(8, 20)
    lid_h = (h - tb * 0.5) / math.cos(math.radians(tilt))
    lt = tb * 0.45
    back = -y + lid_h * math.sin(math.radians(tilt))
    k.box("base", (-x, back, 0), (x, y, tb))
    k.box("keyboard", (-x * 0.85, back + (y - back) * 0.12, tb), (x * 0.85, back + (y - back) * 0.55, tb + 0.0015), BLACK)
    k.box("touchpad", (-x * 0.25, back + (y - back) * 0.65, tb), (x * 0.25, back + (y - back) * 0.92, tb + 0.001), BLACK)
    lid = k.box("lid", (-x, back, tb * 0.5), (x, back + lt, tb * 0.5 + lid_h))
    screen = k.box("screen", (-x * 0.92, back + lt, tb * 0.5 + lid_h * 0.06), (x * 0.92, back + lt + 0.001, tb * 0.5 + lid_h * 0.94), GLASS)
    for p in (lid, screen):
        k.tilt(p, "x", tilt, (0.0, back, tb * 0.5))
    k.finish()


@generator("keyboard")
def keyboard(w: AssetWriter, size: Size, cat: Category) -> None:
    """A low base with five rows of keys and a space bar."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.55))
    rows = 5
    ry = 2 * y * 0.88 / (rows + 1)
    for i in range(rows):
        y0 = y * 0.88 - (i + 1) * ry
        k.box("keys", (-x * 0.95, y0, h * 0.5), (x * 0.95, y0 + ry * 0.85, h), BLACK)
    k.box("space", (-x * 0.4, -y * 0.88, h * 0.5), (x * 0.4, -y * 0.88 + ry * 0.85, h), BLACK)
    k.finish()


@generator("mouse")
def computer_mouse(w: AssetWriter, size: Size, cat: Category) -> None:
    """A squashed dome on a flat base with a wheel."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.9, y * 0.95), 0, h * 0.15, seg=16)
    k.ball("shell", (0, 0, h * 0.5), (x, y, h * 0.5), rings=6, seg=12)
    k.disc("wheel", (0, y * 0.45, h * 0.85), (y * 0.12, h * 0.15), x * 0.12, "x", BLACK, seg=10)
    k.finish()


@generator("headphones")
def headphones(w: AssetWriter, size: Size, cat: Category) -> None:
    """Two ear cups (discs facing ±X) joined by an arched headband."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ct = x * 0.22
    cr = min(y, h * 0.3)
    for sx in (-1, 1):
        k.disc("cup", (sx * (x - ct / 2), 0, cr), (y, cr), ct, "x", BLACK, seg=16)
        k.disc("pad", (sx * (x - ct * 1.2), 0, cr), (y * 0.85, cr * 0.85), ct * 0.45, "x", FABRIC, seg=16)
    bt = _clamp(h * 0.04, 0.003, 0.01)
    pts = [(-x + ct * 0.5, cr * 1.6), (-x * 0.85, h * 0.75), (-x * 0.5, h * 0.95), (0.0, h), (x * 0.5, h * 0.95),
           (x * 0.85, h * 0.75), (x - ct * 0.5, cr * 1.6)]
    pts = [(px, pz - (bt if i == 3 else 0)) for i, (px, pz) in enumerate(pts)]
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("band", (ax, 0, az), (bx, 0, bz), bt, seg=8)
    for sx in (-1, 1):
        k.box("slider", (sx * (x - ct * 0.5) - bt, -bt, cr * 1.2), (sx * (x - ct * 0.5) + bt, bt, cr * 1.7), STEEL)
    k.finish()


@generator("dumbbell")
def dumbbell(w: AssetWriter, size: Size, cat: Category) -> None:
    """A dumbbell lying along its long axis: a handle and two hexagonal (or round) heads."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hl = x * k.u(0.25, 0.35)
    r = min(y, h / 2)
    hexa = k.rng.random() < 0.5
    for sx in (-1, 1):
        c = (sx * (x + hl) / 2, 0, h / 2)
        k.disc("head", c, (y, h / 2), x - hl, "x", RUBBER if hexa else None, seg=6 if hexa else 16)
    k.disc("handle", (0, 0, h / 2), r * 0.3, 2 * hl + 0.01 * x, "x", CHROME, seg=10)
    k.finish()


@generator("kettlebell")
def kettlebell(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat-bottomed ball with a handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.55, y * 0.55), 0, h * 0.06, seg=12)
    k.ball("bell", (0, 0, h * 0.36), (x, y, h * 0.34), rings=6, seg=12)
    ht = _clamp(min(x, y) * 0.12, 0.008, 0.025)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.55 - ht, -ht, h * 0.55), (sx * x * 0.55 + ht, ht, h))
    k.box("handle", (-x * 0.55 - ht, -ht, h - 2 * ht), (x * 0.55 + ht, ht, h))
    k.finish()


# ====================================================================== lab


@generator("beaker")
def beaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass cylinder with a rim and a spout (a graduated cylinder: tall on a foot)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if "graduated" in cat.name:
        k.cyl("foot", 0, 0, (x, y), 0, h * 0.04, seg=12)
        k.cyl("tube", 0, 0, (x * 0.45, y * 0.45), h * 0.03, h, seg=12)
    else:
        r = min(x * 0.92, x - 0.004)
        k.cyl("body", -x + r, 0, (r, y * 0.96), 0, h * 0.96, seg=16)
        k.ring("rim", -x + r, 0, r, y, min(r, y) * 0.06, h * 0.92, h, n=12)
        k.box("spout", (-x + 2 * r - min(r, y) * 0.2, -y * 0.12, h * 0.9), (x, y * 0.12, h))
        k.box("marks", (-x + r - r * 0.35, y * 0.955, h * 0.3), (-x + r - r * 0.3, y * 0.975, h * 0.75), WHITE)
    k.finish()


@generator("flask")
def flask(w: AssetWriter, size: Size, cat: Category) -> None:
    """A conical (or round) glass body with a neck."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if "round" in cat.name or k.rng.random() < 0.3:
        k.ball("body", (0, 0, h * 0.32), (x, y, h * 0.32), rings=6, seg=12)
    else:
        k.cone("body", 0, 0, x, x * 0.3, 0, h * 0.65, aspect=y / x)
    k.cyl("neck", 0, 0, (x * 0.28, y * 0.28), h * 0.55, h * 0.96, seg=12)
    k.cyl("lip", 0, 0, (x * 0.33, y * 0.33), h * 0.93, h, seg=12)
    k.finish()


@generator("test tube rack")
def test_tube_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, two end posts, a top plate and a row of glass tubes standing through it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    t = _clamp(0.08 * y, 0.003, 0.01)
    k.box("base", (-x, -y, 0), (x, y, t))
    for sx in (-1, 1):
        k.box("post", (min(sx * x, sx * (x - t)), -y, 0), (max(sx * x, sx * (x - t)), y, h * 0.6))
    k.box("plate", (-x, -y, h * 0.55 - t), (x, y, h * 0.55))
    n = int(_clamp((2 * x - 2 * t) / max(2.4 * y * 0.5, 0.012), 3, 12))
    pitch = (2 * x - 2 * t) / n
    tr = min(pitch * 0.32, y * 0.35)
    for i in range(n):
        if k.rng.random() < 0.2 and i not in (0, n - 1):
            continue
        cx = -x + t + pitch * (i + 0.5)
        top = h if i == 0 else h * k.u(0.92, 1.0)
        k.cyl("tube", cx, 0, tr, t, top, GLASS, seg=10)
    k.finish()


@generator("microscope")
def microscope(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a rear arm, a stage, an objective turret and an angled eyepiece tube."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y * 0.6, h * 0.1))
    k.box("arm", (-x * 0.3, -y, h * 0.08), (x * 0.3, -y * 0.45, h * 0.8))
    k.box("stage", (-x * 0.75, -y * 0.5, h * 0.36), (x * 0.75, y * 0.5, h * 0.41), BLACK)
    k.box("head", (-x * 0.35, -y * 0.6, h * 0.7), (x * 0.35, y * 0.35, h * 0.85))
    k.cyl("turret", 0, y * 0.05, (x * 0.25, y * 0.22), h * 0.6, h * 0.7, BLACK, seg=12)
    k.cyl("objective", 0, y * 0.05, (x * 0.08, y * 0.08), h * 0.48, h * 0.62, CHROME, seg=8)
    k.tube("eyepiece", (0, -y * 0.2, h * 0.82), (0, y * 0.75, h * 0.97), min(x, y) * 0.1, BLACK, seg=10)
    k.disc("knob", (0, -y * 0.72, h * 0.45), (y * 0.15, h * 0.06), 2 * x, "x", BLACK, seg=12)
    k.finish()


# ====================================================================== kitchen appliances


@generator("espresso machine", "coffee machine")
def espresso_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A body with a group head, a portafilter, a drip tray, a cup warmer and a steam wand."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, h * 0.55), (x, y * 0.35, h))
    k.box("body", (-x, -y, 0), (x, y * 0.35, h * 0.55))
    k.box("tray", (-x * 0.8, y * 0.3, 0), (x * 0.8, y, h * 0.08), STEEL)
    k.box("warmer", (-x * 0.9, -y * 0.9, h * 0.97), (x * 0.9, y * 0.3, h), STEEL)
    k.cyl("group", -x * 0.1, y * 0.5, (x * 0.18, y * 0.15), h * 0.52, h * 0.62, CHROME, seg=12)
    k.box("portafilter", (-x * 0.2, y * 0.4, h * 0.46), (x * 0.0, y, h * 0.53), BLACK)
    k.tube("wand", (x * 0.6, y * 0.4, h * 0.6), (x * 0.62, y * 0.62, h * 0.2), min(x, y) * 0.03, CHROME, seg=8)
    for i in range(2):
        k.disc("knob", (-x * 0.6 + i * x * 1.1, y * 0.38, h * 0.8), min(x, h) * 0.07, y * 0.08, "y", BLACK, seg=10)
    k.box("cup", (-x * 0.2, y * 0.45, h * 0.08), (x * 0.05, y * 0.7, h * 0.2), CERAMIC)
    k.finish()


@generator("coffee maker")
def coffee_maker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base plate, a rear tower, a top brewer and a glass carafe under it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y, h * 0.1))
    k.box("tower", (-x, -y, h * 0.1), (x, -y * 0.25, h))
    k.box("top", (-x, -y * 0.3, h * 0.72), (x, y, h))
    r = min(x * 0.7, y * 0.55)
    k.cyl("carafe", 0, y * 0.32, (r, r * 0.9), h * 0.1, h * 0.55, GLASS, seg=16)
    k.cone("carafe", 0, y * 0.32, r, r * 0.6, h * 0.55, h * 0.66, GLASS, aspect=0.9)
    k.box("handle", (x * 0.55, y * 0.25, h * 0.2), (min(x, r + x * 0.3), y * 0.4, h * 0.55), BLACK)
    k.box("panel", (-x * 0.6, y * 0.98, h * 0.8), (x * 0.6, y, h * 0.9), BLACK)
    k.finish()


@generator("toaster", "toaster oven")
def toaster(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rounded body with two slots on top (dark inserts), a lever and a knob on the front."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    if "oven" in cat.name:
        k.box("body", (-x, -y, h * 0.05), (x, y, h))
        k.box("door", (-x * 0.95, y * 0.98, h * 0.12), (x * 0.4, y, h * 0.92), GLASS)
        for i in range(3):
            k.disc("knob", (x * 0.7, y * 0.98, h * (0.25 + 0.25 * i)), min(x, h) * 0.07, y * 0.04, "y", BLACK)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.box("foot", (sx * x * 0.85 - 0.01, sy * y * 0.85 - 0.01, 0), (sx * x * 0.85 + 0.01, sy * y * 0.85 + 0.01, h * 0.05), RUBBER)
        k.surface(h, -x, -y, x, y)
        k.finish()
        return
    k.box("body", (-x * 0.96, -y, 0), (x * 0.96, y, h * 0.92))
    for sx in (-1, 1):
        k.cyl("end", sx * x * 0.92, 0, (x * 0.08, y), 0, h * 0.9, seg=12)
    for sy in (-1, 1):
        k.box("slot", (-x * 0.7, sy * y * 0.3 - y * 0.1, h * 0.9), (x * 0.7, sy * y * 0.3 + y * 0.1, h), BLACK)
    k.box("lever", (x * 0.55, y * 0.98, h * 0.45), (x * 0.75, y, h * 0.55), BLACK)
    k.box("lever_slot", (x * 0.62, y * 0.99, h * 0.3), (x * 0.68, y, h * 0.8), BLACK)
    k.finish()


@generator("blender", "food processor")
def blender(w: AssetWriter, size: Size, cat: Category) -> None:
    """A motor base with buttons, a glass jar with a handle and a lid."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.3
    k.box("base", (-x * 0.8, -y, 0), (x * 0.8, y, bh))
    k.box("buttons", (-x * 0.5, y * 0.98, bh * 0.3), (x * 0.5, y, bh * 0.6), BLACK)
    r = min(x * 0.62, y * 0.8)
    k.cone("jar", -x * 0.1, 0, r * 0.7, r, bh, h * 0.94, GLASS, aspect=y * 0.8 / r)
    k.cyl("lid", -x * 0.1, 0, (r * 1.02, y * 0.82), h * 0.93, h, BLACK, seg=16)
    k.box("handle", (-x * 0.1 + r * 0.8, -y * 0.12, bh * 1.3), (x, y * 0.12, h * 0.85), BLACK)
    k.finish()


@generator("cake stand")
def cake_stand(w: AssetWriter, size: Size, cat: Category) -> None:
    """A foot, a stem and a plate whose top is a support surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cone("foot", 0, 0, x * 0.5, x * 0.2, 0, h * 0.15, aspect=y / x)
    k.cyl("stem", 0, 0, (x * 0.12, y * 0.12), h * 0.1, h * 0.88, seg=12)
    k.cyl("plate", 0, 0, (x, y), h * 0.88, h, seg=24)
    k.surface(h, -x * 0.68, -y * 0.68, x * 0.68, y * 0.68)
    k.finish()


# ====================================================================== gadgets and decoration


@generator("globe")
def globe(w: AssetWriter, size: Size, cat: Category) -> None:
    """A sphere on a stand: a round base, a post and a meridian arc."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, y) * 0.88
    gz = h - r * 1.04
    k.cyl("base", 0, 0, (x * 0.6, y * 0.6), 0, h * 0.04, OAK, seg=16)
    k.cyl("post", 0, 0, min(x, y) * 0.05, h * 0.03, gz - r * 0.9, OAK, seg=8)
    k.ball("globe", (0, 0, gz), (r * x / min(x, y), r * y / min(x, y), r), rings=8, seg=12)
    mt = max(r * 0.04, 0.002)
    arc = [(math.sin(a) * r * 1.08, gz - math.cos(a) * r * 1.08) for a in np.linspace(0.35, math.pi, 7)]
    for (ax, az), (bx, bz) in zip(arc[:-1], arc[1:], strict=True):
        k.tube("meridian", (ax, 0, az), (bx, 0, bz), mt, BRUSHED, seg=6)
    k.finish()


@generator("clock", "wall clock")
def clock(w: AssetWriter, size: Size, cat: Category) -> None:
    """A wall clock (a round dial facing +Y with a rim and hands) or a desk clock (a body on feet with bells)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    wall = "wall" in cat.name or cat.placement == "on_wall" or y < 0.25 * min(x, h / 2)
    if wall:
        r = (x, h / 2)
        k.disc("rim", (0, 0, h / 2), r, 2 * y * 0.8, "y", seg=24)
        k.disc("face", (0, y * 0.05, h / 2), (x * 0.9, h / 2 * 0.9), 2 * y * 0.8, "y", PAINT_WHITE, seg=24)
        k.box("hand", (-x * 0.03, y * 0.85, h / 2 - h * 0.02), (x * 0.6, y, h / 2 + h * 0.02), PAINT_BLACK)
        k.box("hand", (-x * 0.02, y * 0.85, h / 2 - h * 0.02), (x * 0.02, y, h / 2 + h * 0.4), PAINT_BLACK)
        k.box("hanger", (-x * 0.05, -y, h * 0.8), (x * 0.05, -y * 0.5, h * 0.85))
        k.finish()
        return
    alarm = "alarm" in cat.name or k.rng.random() < 0.4
    bh = h * (0.78 if alarm else 1.0)
    k.disc("body", (0, 0, bh * 0.53), (x * 0.92, bh * 0.47), 2 * y * 0.8, "y", seg=20)
    k.disc("face", (0, y * 0.45, bh * 0.53), (x * 0.8, bh * 0.41), 2 * y * 0.2, "y", PAINT_WHITE, seg=20)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.55 - x * 0.08, -y * 0.3, 0), (sx * x * 0.55 + x * 0.08, y * 0.3, bh * 0.1), BRUSHED)
        if alarm:
            rz = (h - bh * 0.88) / 2
            k.ball("bell", (sx * x * 0.5, 0, h - rz), (x * 0.25, y * 0.5, rz), BRUSHED, rings=5)
    k.box("hand", (-x * 0.02, y * 0.9, bh * 0.5), (x * 0.5, y, bh * 0.55), PAINT_BLACK)
    k.finish()


@generator("speaker", "subwoofer", "soundbar", "floor speaker")
def speaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet with a woofer and a tweeter facing +Y (a smart speaker: a fabric cylinder)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if cat.name == "speaker" and h > 1.3 * max(x, y) and k.rng.random() < 0.35:
        k.cyl("body", 0, 0, (x, y), 0, h * 0.95, FABRIC, seg=16)
        k.cyl("top", 0, 0, (x * 0.98, y * 0.98), h * 0.94, h, seg=16)
        k.finish()
        return
    k.box("cabinet", (-x, -y, 0), (x, y * 0.9, h))
    if x > 1.5 * h:  # a soundbar: a row of drivers behind a grille
        k.box("grille", (-x * 0.97, y * 0.9, h * 0.1), (x * 0.97, y, h * 0.9), FABRIC)
        k.finish()
        return
    wr = min(x * 0.8, h * (0.4 if cat.name == "subwoofer" else 0.28 if h < 3 * x else 0.15))
    k.disc("woofer", (0, y * 0.95, h * 0.33), wr, y * 0.1, "y", BLACK, seg=16)
    if h > 3 * x:
        k.disc("woofer", (0, y * 0.95, h * 0.55), wr, y * 0.1, "y", BLACK, seg=16)
    if cat.name != "subwoofer":
        k.disc("tweeter", (0, y * 0.95, h * 0.75), wr * 0.35, y * 0.1, "y", BLACK, seg=12)
    k.finish()


@generator("router")
def router(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat box on feet with status lights and two to four antennas at the back."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = k.pick((0, 2, 2, 3, 4))
    bh = h * (0.3 if n else 1.0)
    k.box("body", (-x, -y * 0.9, bh * 0.1), (x, y, bh))
    for i in range(6):
        k.box("light", (-x * 0.6 + i * x * 0.2, y * 0.99, bh * 0.5), (-x * 0.55 + i * x * 0.2, y, bh * 0.65), WHITE)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.8 - x * 0.05, -y * 0.5, 0), (sx * x * 0.8 + x * 0.05, y * 0.5, bh * 0.12), RUBBER)
    at = _clamp(y * 0.08, 0.003, 0.008)
    for i in range(n):
        ax = -x * 0.85 + i * (1.7 * x / max(n - 1, 1))
        k.box("antenna", (ax - at, -y, bh * 0.5), (ax + at, -y + 2 * at, h), BLACK)
    k.finish()


@generator("game console")
def game_console(w: AssetWriter, size: Size, cat: Category) -> None:
    """A console body (lying or standing) with a front stripe, a disc slot and a controller beside it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, h * 0.03), (x, y * 0.95, h))
    k.box("stripe", (-x * 0.95, y * 0.95, h * 0.45), (x * 0.95, y, h * 0.5), BLACK)
    k.box("slot", (-x * 0.5, y * 0.95, h * 0.7), (x * 0.3, y, h * 0.74), BLACK)
    k.disc("button", (x * 0.75, y * 0.95, h * 0.7), min(x, h) * 0.06, y * 0.1, "y", WHITE, seg=10)
    for sx in (-1, 1):
        k.box("foot", (sx * x * 0.8 - x * 0.08, -y * 0.8, 0), (sx * x * 0.8 + x * 0.08, y * 0.8, h * 0.04), RUBBER)
    k.finish()


# ====================================================================== more food


@generator("fruit")
def fruit(w: AssetWriter, size: Size, cat: Category) -> None:
    """A piece of fruit: an apple, an orange, a pear or a lemon."""
    kind = ("apple", "orange", "pear", "lemon", "peach")[w.rng.randrange(5)]
    gen = {"apple": apple, "peach": apple, "orange": orange, "pear": pear, "lemon": lemon}[kind]
    gen(w, size, dataclasses.replace(cat, name=kind))


@generator("vegetable")
def vegetable(w: AssetWriter, size: Size, cat: Category) -> None:
    """A long vegetable (a carrot or an eggplant lying down) or a round one (a tomato, an onion or a potato)."""
    x, y, h = (float(v) / 2 for v in size)
    if max(x, y) > 1.6 * max(min(x, y), h / 2):
        k = Kit(w, size, long_x=True)
        x, y, h = k.x, k.y, k.H
        if k.rng.random() < 0.5:
            k.tube("root", (x * 0.55, 0, h / 2), (-x, 0, h / 2), min(y, h / 2) * 0.95, seg=10, r1=min(y, h / 2) * 0.1)
            for dy in (-0.4, 0.0, 0.4):
                k.ball("leaf", (x * 0.78, dy * y, h / 2), (x * 0.22, y * 0.25, h * 0.3), rings=4, seg=6)
        else:
            k.ball("body", (-x * 0.15, 0, h / 2), (x * 0.85, y, h / 2), rings=5, seg=10)
            k.ball("calyx", (x * 0.72, 0, h / 2), (x * 0.12, y * 0.45, h * 0.3), rings=4, seg=6)
            k.tube("stem", (x * 0.75, 0, h / 2), (x, 0, h / 2), min(y, h / 2) * 0.12, OAK, seg=6)
        # a flat underside along the body: a lying vegetable does not roll
        k.box("body", (-x * 0.55, -min(y, h / 2) * 0.45, 0), (x * 0.4, min(y, h / 2) * 0.45, h * 0.3))
        k.finish()
        return
    kind = ("tomato", "onion", "potato")[w.rng.randrange(3)]
    if kind == "potato":
        k = Kit(w, size, long_x=True)
        x, y, h = k.x, k.y, k.H
        k.ball("body", (-x * 0.25, 0, h * 0.48), (x * 0.75, y * 0.95, h * 0.48), rings=5, seg=10)
        k.ball("body", (x * 0.35, y * 0.05, h * 0.5), (x * 0.65, y, h * 0.5), rings=5, seg=10)
        k.box("body", (-x * 0.5, -y * 0.45, 0), (x * 0.5, y * 0.45, h * 0.3))
        k.finish()
        return
    apple(w, size, dataclasses.replace(cat, name=kind))


@generator("grapes")
def grapes(w: AssetWriter, size: Size, cat: Category) -> None:
    """A bunch of grapes: berries in a downward cone under a short stem."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    r = min(x, y) * 0.3
    layers = max(3, int((h * 0.88) / (1.6 * r)))
    zt = h * 0.88 - r
    for i in range(layers):
        f = 1.0 - i / layers
        cz = zt - i * (zt - r) / max(layers - 1, 1)
        n = max(1, int(round(6 * f)))
        rr = (min(x, y) - r) * f
        if i == layers - 1:  # the lowest berries spread out: the bunch stands on them
            n, rr = 5, (min(x, y) - r) * 0.6
        for j in range(n):
            a = 2 * math.pi * j / n + i * 0.5
            k.ball("grape", (rr * math.cos(a) * x / min(x, y), rr * math.sin(a) * y / min(x, y), cz), r, rings=4, seg=6)
    k.cyl("stem", 0, 0, r * 0.15, zt, h, OAK, seg=6)
    k.finish()


@generator("cake")
def cake(w: AssetWriter, size: Size, cat: Category) -> None:
    """A round cake of wedge sectors (sometimes with a slice cut out), a frosting layer and berries on top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    n = 8
    cut = k.rng.random() < 0.5
    ft = h * 0.12
    for layer, (z0, z1, mat, rr) in enumerate(((0.0, h - ft, None, 1.0), (h - ft, h - ft * 0.35, PAINT_WHITE, 1.0))):
        for i in range(n):
            if cut and i == 0:
                continue
            a0, a1 = 2 * math.pi * i / n, 2 * math.pi * (i + 1) / n
            pts = [(0.0, 0.0)] + [(x * rr * math.cos(a0 + (a1 - a0) * t / 2), y * rr * math.sin(a0 + (a1 - a0) * t / 2))
                                  for t in range(3)]
            k.prism("layer" if layer == 0 else "frosting", pts, z0, z1, mat)
    for i in range(k.rng.randint(4, 8)):
        a = 2 * math.pi * (i + 1.5) / 9
        k.ball("berry", (x * 0.75 * math.cos(a), y * 0.75 * math.sin(a), h - ft * 0.35), (x * 0.08, y * 0.08, ft * 0.35),
               rings=4, seg=6)
    k.finish()


@generator("pizza")
def pizza(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flat base, a raised crust ring and a scatter of toppings."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.cyl("base", 0, 0, (x * 0.95, y * 0.95), 0, h * 0.45, seg=20)
    k.ring("crust", 0, 0, x, y, min(x, y) * 0.1, 0, h * 0.8, n=16)
    for _ in range(k.rng.randint(6, 10)):
        a, r = k.u(0, 2 * math.pi), k.u(0.1, 0.7)
        k.cyl("topping", x * r * math.cos(a), y * r * math.sin(a), min(x, y) * 0.08, h * 0.4, h, k.pick((None, PAINT_BLACK)),
              seg=8)
    k.finish()


@generator("pitcher")
def pitcher(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tapered body with a pouring lip towards -X and a handle on the +X side."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, x * 0.7)
    cx = -x + r * 1.15
    k.cone("body", cx, 0, r * 0.9, r * 0.8, 0, h * 0.75, aspect=y / r)
    k.cone("neck", cx, 0, r * 0.8, r, h * 0.74, h, aspect=y / r)
    k.prism("lip", [(cx - r * 0.9, -y * 0.25), (-x, -y * 0.05), (-x, y * 0.05), (cx - r * 0.9, y * 0.25)], h * 0.85, h)
    t = max((x - (cx + r)) * 0.35, 0.003)
    hy = _clamp(y * 0.15, 0.003, y)
    k.box("handle", (x - t, -hy, h * 0.25), (x, hy, h * 0.85))
    k.box("handle", (cx + r * 0.7, -hy, h * 0.77), (x, hy, h * 0.85))
    k.box("handle", (cx + r * 0.8, -hy, h * 0.25), (x, hy, h * 0.33))
    k.finish()


@generator("salt shaker")
def salt_shaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass shaker with a chrome cap, or (tall and thin) a wooden pepper mill with a knob."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if h > 2.6 * min(2 * x, 2 * y) or "mill" in cat.name:
        k.cyl("base", 0, 0, (x, y), 0, h * 0.1, seg=12)
        k.cone("body", 0, 0, x * 0.75, x * 0.85, h * 0.1, h * 0.8, seg=12, aspect=y / x)
        k.ball("top", (0, 0, h * 0.82), (x * 0.8, y * 0.8, h * 0.1), rings=5, seg=10)
        k.cyl("knob", 0, 0, (x * 0.25, y * 0.25), h * 0.88, h, CHROME, seg=8)
    else:
        k.cone("body", 0, 0, x, x * 0.85, 0, h * 0.72, GLASS, aspect=y / x)
        k.cyl("cap", 0, 0, (x * 0.85, y * 0.85), h * 0.7, h * 0.85, CHROME, seg=14)
        k.ball("cap", (0, 0, h * 0.85), (x * 0.85, y * 0.85, h * 0.15), CHROME, rings=4, seg=14)
    k.finish()


@generator("colander")
def colander(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared bowl of separate wall segments on a foot ring, with two side handles; the inside is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    hw = _clamp(x * 0.12, 0.01, 0.04)
    xo = x - hw
    m = min(xo, y)
    t = _clamp(0.04 * m, 0.0015, 0.2 * m)
    fh = h * 0.1
    k.ring("foot", 0, 0, xo * 0.5, y * 0.5, t, 0, fh, n=12)
    k.cyl("bottom", 0, 0, (xo * 0.62 - t * 0.4, y * 0.62 - t * 0.4), fh, fh + t)
    k.flare("wall", 0, 0, xo * 0.62, y * 0.62, xo, y, t, fh, h, n=16)
    for sx in (-1, 1):
        k.box("handle", (min(sx * x, sx * (xo - t)), -y * 0.15, h * 0.85), (max(sx * x, sx * (xo - t)), y * 0.15, h * 0.93))
    r0x, r0y = (xo * 0.62 - t) * 0.6, (y * 0.62 - t) * 0.6
    k.surface(fh + t, -r0x, -r0y, r0x, r0y, inside=True)
    k.finish()


@generator("baking dish")
def baking_dish(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rectangular ceramic dish: a thick bottom, walls and two end grips; the inside is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    g = _clamp(x * 0.08, 0.01, 0.03)
    xo = x - g
    t = _clamp(min(xo, y) * 0.06, 0.004, 0.2 * min(xo, y))
    tb = _clamp(h * 0.15, 0.003, 0.3 * h)
    k.box("bottom", (-xo, -y, 0), (xo, y, tb))
    k.walls("wall", xo, y, t, 0, h)
    for sx in (-1, 1):
        k.box("grip", (min(sx * x, sx * (xo - t)), -y * 0.4, h * 0.7), (max(sx * x, sx * (xo - t)), y * 0.4, h))
    k.surface(tb, -xo + t * 1.3, -y + t * 1.3, xo - t * 1.3, y - t * 1.3, inside=True)
    k.finish()


@generator("food container")
def food_container(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed plastic tub: a slightly tapered body under a lid with clips; its lid is a support surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    lh = h * 0.18
    c = min(x, y) * 0.15
    oct_ = [(-x + c, -y), (x - c, -y), (x, -y + c), (x, y - c), (x - c, y), (-x + c, y), (-x, y - c), (-x, -y + c)]
    body = [(px * 0.95, py * 0.93) for px, py in oct_]
    k.prism("body", [(px * 0.92, py * 0.9) for px, py in oct_], 0, h * 0.1)
    k.prism("body", body, h * 0.08, h - lh * 0.8)
    k.prism("lid", oct_, h - lh, h, k.pick((WHITE, BLACK, None)))
    for sx in (-1, 1):
        k.box("clip", (min(sx * x * 0.96, sx * x), -y * 0.2, h - lh * 1.6), (max(sx * x * 0.96, sx * x), y * 0.2, h - lh * 0.3),
              WHITE)
    k.surface(h, -x + c, -y + c, x - c, y - c)
    k.finish()


@generator("tissue box")
def tissue_box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A box with an oval opening ring and a tissue puffing out of it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.82
    k.box("box", (-x, -y, 0), (x, y, bh))
    k.cyl("opening", 0, 0, (x * 0.5, y * 0.3), bh, bh + h * 0.01, PAINT_WHITE, seg=12)
    k.ball("tissue", (0, 0, bh), (x * 0.28, y * 0.35, h - bh), PAPER, rings=4, seg=6)
    k.finish()


def _carton_top(k: Kit, z0: float, z1: float) -> None:
    """A gable top: a triangular prism along X over the full depth, with a seal fin."""
    x, y = k.x, k.y
    path = k.w.prism(k._name("gable"), [(-y, 0.0), (y, 0.0), (0.0, z1 - z0)], -x, x)
    m = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])  # local (u, v, w) -> (w, u, v)
    k._place(path, m, (0.0, 0.0, z0))


@generator("milk carton")
def milk_carton(w: AssetWriter, size: Size, cat: Category) -> None:
    """A square carton body under a gable top with a seal fin and a screw cap."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bz = h * 0.76
    k.box("body", (-x, -y, 0), (x, y, bz))
    _carton_top(k, bz, h * 0.95)
    k.box("fin", (-x, -y * 0.04, h * 0.9), (x, y * 0.04, h))
    k.cyl("cap", -x * 0.35, y * 0.4, (x * 0.2, y * 0.2), bz + (h * 0.95 - bz) * 0.4, bz + (h * 0.95 - bz) * 0.75, WHITE,
          seg=10)
    k.finish()


@generator("cereal box")
def cereal_box(w: AssetWriter, size: Size, cat: Category) -> None:
    """A tall thin carton with closed top flaps."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    ft = _clamp(h * 0.01, 0.001, 0.003)
    k.box("body", (-x, -y, 0), (x, y, h - ft))
    g = min(y * 0.05, 0.002)
    k.box("flap", (-x, -y, h - ft), (x, -g, h), CARDBOARD)
    k.box("flap", (-x, g, h - ft), (x, y, h), CARDBOARD)
    k.box("label", (-x * 0.8, y * 0.99, h * 0.3), (x * 0.8, y, h * 0.75), PAPER)
    k.finish()


@generator("pen")
def pen(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pen lying along its long axis: a barrel, a cap with a clip and a conical tip."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    r = min(y, h / 2)
    k.tube("barrel", (-x * 0.8, 0, r), (x * 0.55, 0, r), r * 0.9, seg=10)
    k.box("barrel", (-x * 0.75, -r * 0.5, 0), (x * 0.5, r * 0.5, r * 0.5))  # a flat underside: it does not roll
    k.tube("tip", (-x * 0.8, 0, r), (-x, 0, r), r * 0.9, BLACK, seg=10, r1=r * 0.15)
    k.tube("cap", (x * 0.45, 0, r), (x, 0, r), r, k.pick((BLACK, WHITE, None)), seg=10)
    k.box("clip", (x * 0.35, -r * 0.2, r * 1.6), (x * 0.92, r * 0.2, h), CHROME)
    k.finish()


@generator("remote control")
def remote_control(w: AssetWriter, size: Size, cat: Category) -> None:
    """A long body with a power button, a direction pad and rows of buttons."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x, -y, 0), (x, y, h * 0.8))
    k.ball("end", (x * 0.85, 0, h * 0.4), (x * 0.15, y, h * 0.4), rings=4, seg=6)
    k.cyl("power", x * 0.8, y * 0.5, min(x, y) * 0.18, h * 0.7, h, WHITE, seg=8)
    k.cyl("pad", x * 0.35, 0, (min(x * 0.25, y * 0.7), y * 0.7), h * 0.7, h * 0.95, BLACK, seg=12)
    for i in range(4):
        for sy in (-1, 0, 1):
            bx = -x * 0.2 - i * x * 0.18
            k.box("button", (bx - x * 0.05, sy * y * 0.5 - y * 0.15, h * 0.7), (bx + x * 0.05, sy * y * 0.5 + y * 0.15, h),
                  WHITE if i else BLACK)
    k.finish()


@generator("placemat", "mouse pad")
def mat(w: AssetWriter, size: Size, cat: Category) -> None:
    """A thin slab with rounded corners (a woven placemat gets a border)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    c = min(x, y) * k.u(0.05, 0.15)
    pts = []
    for cx, cy, a0 in ((x - c, y - c, 0.0), (-x + c, y - c, 90.0), (-x + c, -y + c, 180.0), (x - c, -y + c, 270.0)):
        for t in range(4):
            a = math.radians(a0 + 30 * t)
            pts.append((cx + c * math.cos(a), cy + c * math.sin(a)))
    k.prism("mat", pts, 0, h, RUBBER if "mouse" in cat.name or "desk" in cat.name else None)
    if cat.name == "placemat" and k.rng.random() < 0.5:
        k.walls("border", x - c * 0.3, y - c * 0.3, min(x, y) * 0.05, h * 0.5, h * 1.0, FABRIC)
    k.finish()


@generator("paper stack")
def paper_stack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A few slightly offset bundles of sheets."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    n = int(_clamp(h / 0.008, 1, 5))
    for i in range(n):
        ox, oy = (0.0, 0.0) if i == 0 else (k.u(-1, 1) * x * 0.03, k.u(-1, 1) * y * 0.03)
        sheet = k.box("sheets", (ox - x * 0.97, oy - y * 0.97, h * i / n), (ox + x * 0.97, oy + y * 0.97, h * (i + 1) / n),
                      PAPER)
        if i:
            k.tilt(sheet, "z", k.u(-3, 3), (ox, oy, 0.0))
    k.finish()


# ====================================================================== bags and accessories


@generator("suitcase")
def suitcase(w: AssetWriter, size: Size, cat: Category) -> None:
    """An upright hard case: a body with ribs, a telescopic handle on top, a side handle and four wheels."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    wr = _clamp(h * 0.04, 0.02, 0.04)
    top = h * 0.86
    k.box("body", (-x, -y, wr * 1.6), (x, y, top))
    for i in range(3):
        rx = -x * 0.6 + i * x * 0.6
        k.box("rib", (rx - x * 0.04, y * 0.98, wr * 2), (rx + x * 0.04, y, top - wr * 0.5))
    k.box("seam", (-x, -y * 0.02, wr * 1.6), (x, y * 0.02, top), k.pick((BLACK, CHROME)))
    hr = _clamp(x * 0.04, 0.008, 0.014)
    for sx in (-1, 1):
        k.cyl("rod", sx * x * 0.55, -y * 0.6, hr, top - 0.02, h - hr * 2, CHROME, seg=8)
    k.box("grip", (-x * 0.62, -y * 0.6 - hr * 1.5, h - hr * 3), (x * 0.62, -y * 0.6 + hr * 1.5, h), BLACK)
    k.box("handle", (-x * 0.25, -y * 0.2, top), (x * 0.25, y * 0.2, top + wr), BLACK)
    for sx in (-1, 1):
        for sy in (-1, 1):
            k.disc("wheel", (sx * x * 0.8, sy * y * 0.75, wr), wr, wr * 0.8, "x", BLACK, seg=10)
    k.finish()


@generator("backpack")
def backpack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A rounded pack (box and dome) with a front pocket, shoulder straps at the back and a top loop."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("body", (-x * 0.95, -y * 0.6, 0), (x * 0.95, y * 0.55, h * 0.72))
    k.ball("top", (0, -y * 0.025, h * 0.72), (x * 0.95, y * 0.575, h * 0.22), rings=5, seg=10)
    k.box("pocket", (-x * 0.7, y * 0.5, h * 0.06), (x * 0.7, y, h * 0.42), k.pick((None, FABRIC)))
    k.box("zip", (-x * 0.7, y * 0.95, h * 0.4), (x * 0.7, y, h * 0.43), BLACK)
    for sx in (-1, 1):
        k.box("strap", (sx * x * 0.45 - x * 0.1, -y, h * 0.1), (sx * x * 0.45 + x * 0.1, -y * 0.6, h * 0.85), FABRIC)
        k.box("side", (min(sx * x, sx * x * 0.9), -y * 0.3, h * 0.1), (max(sx * x, sx * x * 0.9), y * 0.3, h * 0.35), FABRIC)
    k.box("loop", (-x * 0.15, -y * 0.2, h * 0.9), (x * 0.15, y * 0.05, h), FABRIC)
    k.finish()


@generator("umbrella")
def umbrella(w: AssetWriter, size: Size, cat: Category) -> None:
    """A closed umbrella standing on its tip: a furled canopy, a shaft and a hooked handle."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rc = min(y * 0.95, x * 0.6)
    cx = -x + rc
    sr = _clamp(rc * 0.2, 0.003, 0.008)
    k.cone("tip", cx, 0, sr * 0.5, sr, 0, h * 0.05, CHROME, seg=8)
    k.cone("canopy", cx, 0, sr, rc, h * 0.04, h * 0.42, FABRIC, seg=12, aspect=y * 0.95 / rc)
    k.cone("canopy", cx, 0, rc, sr * 1.5, h * 0.42, h * 0.72, FABRIC, seg=12, aspect=y * 0.95 / rc)
    k.cyl("shaft", cx, 0, sr, h * 0.7, h * 0.86, CHROME, seg=8)
    hr = (x - cx) / 2.3
    tr = hr * 0.25
    zc = h - hr - tr
    pts = [(cx, h * 0.86)] + [(cx + hr + hr * math.cos(a), zc + hr * math.sin(a)) for a in np.linspace(math.pi, 0.0, 6)]
    pts.append((cx + 2 * hr, zc - hr * 0.5))
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("handle", (ax, 0, az), (bx, 0, bz), tr, OAK, seg=8)
    k.finish()


@generator("trophy")
def trophy(w: AssetWriter, size: Size, cat: Category) -> None:
    """A stepped base, a stem, a cup with two handles."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x * 0.7, -y, 0), (x * 0.7, y, h * 0.12), k.pick((OAK, PAINT_BLACK)))
    k.box("base", (-x * 0.5, -y * 0.5, h * 0.12), (x * 0.5, y * 0.5, h * 0.2), k.pick((OAK, PAINT_BLACK)))
    k.cone("stem", 0, 0, x * 0.3, x * 0.08, h * 0.2, h * 0.42, aspect=y / x, seg=12)
    r = x * 0.62
    k.cone("cup", 0, 0, r * 0.25, r, h * 0.42, h, aspect=y / x, seg=16)
    for sx in (-1, 1):
        k.tube("handle", (sx * r * 0.6, 0, h * 0.55), (sx * x * 0.9, 0, h * 0.72), min(x, h) * 0.03, seg=6)
        k.tube("handle", (sx * x * 0.9, 0, h * 0.72), (sx * r * 0.95, 0, h * 0.92), min(x, h) * 0.03, seg=6)
    k.finish()


@generator("bucket")
def bucket(w: AssetWriter, size: Size, cat: Category) -> None:
    """A flared pail with a rolled rim and an upright bail handle; the inside is a surface."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    m = min(x, y)
    t = _clamp(m * 0.03, 0.002, 0.1 * m)
    hb = h * 0.72
    k.cyl("bottom", 0, 0, (x * 0.8 - t * 0.4, y * 0.8 - t * 0.4), 0, t * 1.5, seg=16)
    k.flare("wall", 0, 0, x * 0.8, y * 0.8, x * 0.97, y * 0.97, t, 0, hb, n=12)
    k.ring("rim", 0, 0, x, y, t * 2, hb - t * 2, hb, n=12)
    br = _clamp(m * 0.02, 0.002, 0.006)
    pts = [(x * 0.97 * math.cos(a), hb * 0.85 + (h - br - hb * 0.85) * math.sin(a)) for a in np.linspace(0, math.pi, 7)]
    for (ax, az), (bx, bz) in zip(pts[:-1], pts[1:], strict=True):
        k.tube("bail", (ax, 0, az), (bx, 0, bz), br, STEEL, seg=6)
    r0x, r0y = (x * 0.8 - t) * 0.6, (y * 0.8 - t) * 0.6
    k.surface(t * 1.5, -r0x, -r0y, r0x, r0y, inside=True)
    k.finish()


@generator("knife block")
def knife_block(w: AssetWriter, size: Size, cat: Category) -> None:
    """A block leaning back with knife handles sticking out of its top."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    parts = [k.box("block", (-x, -y * 0.7, h * 0.08), (x, y * 0.7, h * 0.78))]
    n = k.rng.randint(3, 6)
    for i in range(n):
        hx = -x * 0.7 + i * 1.4 * x / max(n - 1, 1)
        parts.append(k.box("handle", (hx - x * 0.08, -y * 0.15, h * 0.76), (hx + x * 0.08, y * 0.15, h), BLACK))
    # the block leans back 8° on a flat foot as wide as the footprint, so it stands
    for p in parts:
        k.tilt(p, "x", 8, (0.0, y * 0.7, h * 0.08))
    k.box("foot", (-x, -y, 0), (x, y, h * 0.08))
    k.finish()


@generator("radio")
def radio(w: AssetWriter, size: Size, cat: Category) -> None:
    """A cabinet with a speaker grille, a tuning dial, knobs, a carry handle and an antenna."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.72
    k.box("body", (-x, -y, 0), (x, y * 0.9, bh))
    k.disc("grille", (-x * 0.45, y * 0.95, bh * 0.5), min(x * 0.45, bh * 0.4), y * 0.1, "y", FABRIC, seg=16)
    k.box("dial", (x * 0.1, y * 0.9, bh * 0.55), (x * 0.85, y, bh * 0.8), GLASS)
    for i in range(2):
        k.disc("knob", (x * (0.3 + 0.4 * i), y * 0.95, bh * 0.25), min(x, bh) * 0.08, y * 0.1, "y", BLACK, seg=10)
    ht = _clamp(min(x, y) * 0.08, 0.004, 0.012)
    for sx in (-1, 1):
        k.box("handle", (sx * x * 0.6 - ht, -ht, bh), (sx * x * 0.6 + ht, ht, bh + (h - bh) * 0.5))
    k.box("handle", (-x * 0.6 - ht, -ht, bh + (h - bh) * 0.5 - 2 * ht), (x * 0.6 + ht, ht, bh + (h - bh) * 0.5))
    k.tube("antenna", (x * 0.85, -y * 0.5, bh), (x * 0.95, -y * 0.5, h - ht * 0.5), ht * 0.4, CHROME, seg=6)
    k.finish()


@generator("eyeglasses")
def eyeglasses(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pair of glasses lying open: two lens rims with lenses, a bridge and two temples reaching back."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    lr = min(x * 0.46, h * 0.5)
    ft = _clamp(y * 0.05, 0.002, 0.008)
    for sx in (-1, 1):
        cx = sx * (x - lr)
        k.disc("rim", (cx, y - ft / 2, h / 2), (lr, h / 2), ft, "y", seg=16)
        k.disc("lens", (cx, y - ft * 0.6, h / 2), (lr * 0.85, h / 2 * 0.85), ft * 1.1, "y", GLASS, seg=16)
        k.box("temple", (sx * x - ft if sx > 0 else -x, -y, h * 0.55), (x if sx > 0 else -x + ft, y - ft, h * 0.7))
        # the ear pieces bend down to the surface: the glasses rest on the rims and the tips
        k.box("temple", (sx * x - ft if sx > 0 else -x, -y, 0), (x if sx > 0 else -x + ft, -y + y * 0.15, h * 0.6))
    k.box("bridge", (-(x - 2 * lr) - ft, y - ft, h * 0.55), ((x - 2 * lr) + ft, y, h * 0.7))
    k.finish()


@generator("iron")
def iron(w: AssetWriter, size: Size, cat: Category) -> None:
    """A pointed steel soleplate, a tapered body and a handle bridging it, pointing towards -X."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    sole = [(-x, 0.0), (-x * 0.55, -y * 0.85), (x * 0.2, -y), (x, -y), (x, y), (x * 0.2, y), (-x * 0.55, y * 0.85)]
    k.prism("soleplate", sole, 0, h * 0.12, STEEL)
    k.prism("body", [(px * 0.95 + x * 0.03, py * 0.85) for px, py in sole], h * 0.12, h * 0.5)
    k.box("post", (x * 0.6, -y * 0.25, h * 0.45), (x * 0.9, y * 0.25, h))
    k.box("post", (-x * 0.45, -y * 0.2, h * 0.45), (-x * 0.3, y * 0.2, h * 0.85))
    k.box("handle", (-x * 0.45, -y * 0.22, h * 0.82), (x * 0.9, y * 0.22, h))
    k.box("dial", (-x * 0.1, -y * 0.3, h * 0.5), (x * 0.25, y * 0.3, h * 0.56), BLACK)
    k.finish()
