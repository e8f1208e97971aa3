"""The design kit of the small and decor families: :class:`Kit` and its secondary materials.

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

import math
from collections.abc import Sequence

import numpy as np
from pxr import UsdGeom, Vt

from ..builders import Size
from ..toolkit import AssetWriter

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
OAK = "oak wood"
PAINT_WHITE = "painted white"
PAINT_BLACK = "painted black"
ORANGE = "orange paint"

MIN_T = 2e-4
"""The thinnest a part may be along any axis (m)."""

FIT_LOG: list[tuple[float, float, float]] = []
"""The per-axis scale of the last fits (design bounds → size box); for tests and debugging."""


def _ccw(pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = [(float(x), float(y)) for x, y in pts]
    area = sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
               for i in range(len(pts)))
    return pts if area > 0 else pts[::-1]


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

    def rounded(self, name: str, lo: Sequence[float], hi: Sequence[float], r: float, axis: str = "z",
                mat: str | None = None, seg: int = 3) -> str:
        """A box from ``lo`` to ``hi`` whose four edges along ``axis`` are rounded with radius ``r``.

        ``axis="z"`` rounds the corners seen from above (a speaker cabinet), ``"y"`` those seen from the
        front, ``"x"`` those seen from the side (a wall unit's curved front).
        """
        i = "xyz".index(axis)
        u, v = [j for j in range(3) if j != i]
        r = max(0.0, min(r, (hi[u] - lo[u]) / 2 * 0.95, (hi[v] - lo[v]) / 2 * 0.95))
        return self.profile(name, _rounded_rect(lo[u], lo[v], hi[u], hi[v], r, seg), lo[i], hi[i], axis, mat)

    def profile(self, name: str, outline: Sequence[tuple[float, float]], a0: float, a1: float, axis: str = "z",
                mat: str | None = None) -> str:
        """A prism over a convex ``outline`` extruded along ``axis`` from ``a0`` to ``a1``.

        The outline's coordinates are the two other axes in order: ``(x, y)`` for ``"z"``, ``(x, z)`` for
        ``"y"`` and ``(y, z)`` for ``"x"`` (a range hood's sloped canopy is a trapezoid in ``(y, z)``).
        """
        i = "xyz".index(axis)
        u, v = [j for j in range(3) if j != i]
        if a1 - a0 < MIN_T:
            a0, a1 = (a0 + a1) / 2 - MIN_T / 2, (a0 + a1) / 2 + MIN_T / 2
        path = self.w.prism(self._name(name), _ccw(outline), a0, a1, material=mat)
        # the prism's (x, y, z) are the design's (u, v, axis): a turn, or a mirror undone along the axis
        m = np.zeros((3, 3))
        m[u, 0], m[v, 1], m[i, 2] = 1.0, 1.0, 1.0
        t = np.zeros(3)
        if np.linalg.det(m) < 0:
            m[i, 2], t[i] = -1.0, a0 + a1
        if axis != "z" or self.rot:
            self._place(path, m, t)
        return path

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


def _rounded_rect(u0: float, v0: float, u1: float, v1: float, r: float, seg: int = 3) -> list[tuple[float, float]]:
    """A counter-clockwise rectangle outline with corners rounded by ``r`` (``seg`` steps a corner)."""
    if r <= 1e-9:
        return [(u0, v0), (u1, v0), (u1, v1), (u0, v1)]
    pts = []
    for cu, cv, a0 in ((u1 - r, v0 + r, -90), (u1 - r, v1 - r, 0), (u0 + r, v1 - r, 90), (u0 + r, v0 + r, 180)):
        for k in range(seg + 1):
            a = math.radians(a0 + 90 * k / seg)
            pts.append((cu + r * math.cos(a), cv + r * math.sin(a)))
    return pts


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


def _vase(k: Kit, z0: float, z1: float, rscale: float = 1.0) -> None:
    x, y = k.x * rscale, k.y * rscale
    a = y / x
    h = z1 - z0
    zb, zn = h * k.u(0.3, 0.55), h * k.u(0.72, 0.85)
    rf, rn, rl = k.u(0.5, 0.75), k.u(0.35, 0.6), k.u(0.45, 0.75)
    k.cone("vase", 0, 0, x * rf, x, z0, z0 + zb, seg=16, aspect=a)
    k.cone("vase", 0, 0, x, x * rn, z0 + zb, z0 + zn, seg=16, aspect=a)
    k.cone("vase", 0, 0, x * rn, x * rl, z0 + zn, z1, seg=16, aspect=a)


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
