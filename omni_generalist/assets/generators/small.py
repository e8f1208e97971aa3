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
            _affine(self.w.stage, path, (sx, sy, 1.0), (ccx * (1 - sx), ccy * (1 - sy), 0.0))
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

    def rod(self, name: str, p0: Sequence[float], p1: Sequence[float], r: float, mat: str | None = None,
            steps: int | None = None) -> None:
        """A round-ish rod from ``p0`` to ``p1`` (3-D); slanted ones become a chain of small boxes."""
        d = [b - a for a, b in zip(p0, p1, strict=True)]
        ax = [abs(v) > 1e-9 for v in d]
        if ax == [False, False, True]:
            self.cyl(name, p0[0], p0[1], r, min(p0[2], p1[2]), max(p0[2], p1[2]), mat, seg=8)
        elif not ax[2] or sum(ax) == 1:
            if sum(ax) == 1:
                self.box(name, [min(a, b) - (0 if m else r) for a, b, m in zip(p0, p1, ax, strict=True)],
                         [max(a, b) + (0 if m else r) for a, b, m in zip(p0, p1, ax, strict=True)], mat)
            else:
                self.bar(name, (p0[0], p0[1]), (p1[0], p1[1]), 2 * r, p0[2] - r, p0[2] + r, mat)
        else:
            ln = math.sqrt(sum(v * v for v in d))
            n = steps or max(2, min(8, math.ceil(ln / (3 * r))))
            for i in range(n):
                a = [p + v * i / n for p, v in zip(p0, d, strict=True)]
                b = [p + v * (i + 1) / n for p, v in zip(p0, d, strict=True)]
                self.box(name, [min(u, v) - r * 0.8 for u, v in zip(a, b, strict=True)],
                         [max(u, v) + r * 0.8 for u, v in zip(a, b, strict=True)], mat)

    def ring(self, name: str, cx: float, cy: float, rx: float, ry: float, t: float, z0: float, z1: float,
             mat: str | None = None, n: int = 12) -> None:
        """A ring wall of ``n`` convex segments: outer ellipse ``rx, ry``, thickness ``t``."""
        ix, iy = max(rx - t, rx * 0.2), max(ry - t, ry * 0.2)
        for k in range(n):
            a0, a1 = 2 * math.pi * k / n, 2 * math.pi * (k + 1) / n
            pts = [(cx + ix * math.cos(a0), cy + iy * math.sin(a0)), (cx + rx * math.cos(a0), cy + ry * math.sin(a0)),
                   (cx + rx * math.cos(a1), cy + ry * math.sin(a1)), (cx + ix * math.cos(a1), cy + iy * math.sin(a1))]
            self.prism(name, pts, z0, z1, mat)

    def walls(self, name: str, x: float, y: float, t: float, z0: float, z1: float, mat: str | None = None,
              cx: float = 0.0, cy: float = 0.0) -> None:
        """Four wall boxes around the rectangle of half extents ``x, y`` (outer faces), thickness ``t``."""
        self.box(name, (cx - x, cy - y, z0), (cx + x, cy - y + t, z1), mat)
        self.box(name, (cx - x, cy + y - t, z0), (cx + x, cy + y, z1), mat)
        self.box(name, (cx - x, cy - y + t, z0), (cx - x + t, cy + y - t, z1), mat)
        self.box(name, (cx + x - t, cy - y + t, z0), (cx + x, cy + y - t, z1), mat)

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
        if np.allclose(scale, 1.0, atol=1e-9) and np.allclose(shift, 0.0, atol=1e-9):
            pass
        else:
            for p in paths:
                _affine(stage, p, tuple(scale), tuple(shift))
        for z, x0, y0, x1, y1, clearance, inside in self._surfaces:
            self.w.surface(z * scale[2] + shift[2], x0 * scale[0] + shift[0], y0 * scale[1] + shift[1],
                           x1 * scale[0] + shift[0], y1 * scale[1] + shift[1], clearance * scale[2], inside)


def _affine(stage, path: str, scale: tuple[float, float, float], shift: tuple[float, float, float]) -> None:
    """Apply ``p * scale + shift`` to one mesh part (points, face normals, extent)."""
    mesh = UsdGeom.Mesh(stage.GetPrimAtPath(path))
    s, t = np.asarray(scale, dtype=float), np.asarray(shift, dtype=float)
    pts = np.asarray(mesh.GetPointsAttr().Get(), dtype=float) * s + t
    varr = Vt.Vec3fArray.FromNumpy(pts.astype(np.float32))
    mesh.GetPointsAttr().Set(varr)
    nrm = mesh.GetNormalsAttr().Get()
    if nrm:
        n = np.asarray(nrm, dtype=float) / s
        n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
        mesh.GetNormalsAttr().Set(Vt.Vec3fArray.FromNumpy(n.astype(np.float32)))
    mesh.GetExtentAttr().Set(UsdGeom.PointBased.ComputeExtent(varr))
