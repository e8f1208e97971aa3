"""Plain geometry used by placement and room building: footprints, polygons, box meshes.

Footprints are oriented rectangles on the floor plane (centre, size, yaw). Everything here is
numpy-free on purpose: the sizes are tiny and it keeps the action worker light.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

Point = tuple[float, float]


@dataclass(frozen=True)
class Footprint:
    """An oriented rectangle on the floor: centre ``(x, y)``, size ``(w, d)``, yaw in degrees."""

    x: float
    y: float
    w: float
    d: float
    yaw: float = 0.0

    def corners(self) -> list[Point]:
        """Return the four corners, counter-clockwise."""
        c, s = math.cos(math.radians(self.yaw)), math.sin(math.radians(self.yaw))
        hw, hd = self.w / 2, self.d / 2
        out = []
        for lx, ly in ((-hw, -hd), (hw, -hd), (hw, hd), (-hw, hd)):
            out.append((self.x + c * lx - s * ly, self.y + s * lx + c * ly))
        return out

    @cached_property
    def aabb(self) -> tuple[float, float, float, float]:
        """Axis-aligned bounds ``(xmin, ymin, xmax, ymax)`` of the footprint."""
        xs = [p[0] for p in self.corners()]
        ys = [p[1] for p in self.corners()]
        return (min(xs), min(ys), max(xs), max(ys))

    def inflated(self, margin: float) -> Footprint:
        """Return the footprint grown by ``margin`` on every side."""
        return Footprint(self.x, self.y, self.w + 2 * margin, self.d + 2 * margin, self.yaw)

    def to_world(self, lx: float, ly: float) -> Point:
        """Map a point from the footprint's local frame (front is +Y) to the floor plane."""
        c, s = math.cos(math.radians(self.yaw)), math.sin(math.radians(self.yaw))
        return (self.x + c * lx - s * ly, self.y + s * lx + c * ly)


def _axes(corners: list[Point]) -> list[Point]:
    axes = []
    for i in range(len(corners)):
        x1, y1 = corners[i]
        x2, y2 = corners[(i + 1) % len(corners)]
        axes.append((-(y2 - y1), x2 - x1))
    return axes


def _project(corners: list[Point], axis: Point) -> tuple[float, float]:
    dots = [px * axis[0] + py * axis[1] for px, py in corners]
    return min(dots), max(dots)


def convex_overlap(a: list[Point], b: list[Point], tol: float = 1e-6) -> bool:
    """Return True when two convex polygons overlap by more than ``tol`` (separating axis test)."""
    for axis in _axes(a) + _axes(b):
        norm = math.hypot(*axis)
        if norm == 0:
            continue
        unit = (axis[0] / norm, axis[1] / norm)
        amin, amax = _project(a, unit)
        bmin, bmax = _project(b, unit)
        if amax <= bmin + tol or bmax <= amin + tol:
            return False
    return True


def footprints_overlap(a: Footprint, b: Footprint, tol: float = 1e-6) -> bool:
    """Return True when two footprints overlap by more than ``tol``."""
    pa, pb = a.aabb, b.aabb
    if pa[2] <= pb[0] + tol or pb[2] <= pa[0] + tol or pa[3] <= pb[1] + tol or pb[3] <= pa[1] + tol:
        return False
    if a.yaw % 90.0 == 0.0 and b.yaw % 90.0 == 0.0:
        return True  # both axis-aligned: the bounds are the footprints
    return convex_overlap(a.corners(), b.corners(), tol)


def point_in_polygon(p: Point, poly: list[Point]) -> bool:
    """Return True when ``p`` is inside ``poly`` (even-odd rule; points on an edge count as inside)."""
    x, y = p
    inside = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if _on_segment(p, (x1, y1), (x2, y2)):
            return True
        if (y1 > y) != (y2 > y):
            xint = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xint:
                inside = not inside
    return inside


def _on_segment(p: Point, a: Point, b: Point, eps: float = 1e-9) -> bool:
    cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    if abs(cross) > eps * max(1.0, math.dist(a, b)):
        return False
    return min(a[0], b[0]) - eps <= p[0] <= max(a[0], b[0]) + eps and \
        min(a[1], b[1]) - eps <= p[1] <= max(a[1], b[1]) + eps


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return (o1 * o2 < -1e-12) and (o3 * o4 < -1e-12)


def footprint_inside(fp: Footprint, poly: list[Point]) -> bool:
    """Return True when the whole footprint lies inside the polygon (L-shapes included)."""
    corners = fp.corners()
    if not all(point_in_polygon(c, poly) for c in corners):
        return False
    n = len(poly)
    for i in range(4):
        for j in range(n):
            if _segments_cross(corners[i], corners[(i + 1) % 4], poly[j], poly[(j + 1) % n]):
                return False
    return True


def polygon_area(poly: list[Point]) -> float:
    """Return the signed area (positive for counter-clockwise)."""
    return 0.5 * sum(poly[i][0] * poly[(i + 1) % len(poly)][1] - poly[(i + 1) % len(poly)][0] * poly[i][1]
                     for i in range(len(poly)))


def polygon_bounds(poly: list[Point]) -> tuple[float, float, float, float]:
    """Return ``(xmin, ymin, xmax, ymax)``."""
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def triangulate(poly: list[Point]) -> list[tuple[int, int, int]]:
    """Ear-clip a simple counter-clockwise polygon into triangles (indices into ``poly``)."""
    idx = list(range(len(poly)))
    tris: list[tuple[int, int, int]] = []
    guard = 0
    while len(idx) > 3 and guard < 10_000:
        guard += 1
        for k in range(len(idx)):
            i0, i1, i2 = idx[k - 1], idx[k], idx[(k + 1) % len(idx)]
            a, b, c = poly[i0], poly[i1], poly[i2]
            if (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) <= 1e-12:
                continue
            if any(_in_triangle(poly[j], a, b, c) for j in idx if j not in (i0, i1, i2)):
                continue
            tris.append((i0, i1, i2))
            idx.pop(k)
            break
        else:
            break
    if len(idx) == 3:
        tris.append((idx[0], idx[1], idx[2]))
    return tris


def _in_triangle(p: Point, a: Point, b: Point, c: Point) -> bool:
    def s(p1: Point, p2: Point, p3: Point) -> float:
        return (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])
    d1, d2, d3 = s(p, a, b), s(p, b, c), s(p, c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


# Box mesh with per-face normals (faceVarying), so renderers shade it flat.
_BOX_FACES = (
    ((0, 3, 2, 1), (0.0, 0.0, -1.0)),  # bottom
    ((4, 5, 6, 7), (0.0, 0.0, 1.0)),   # top
    ((0, 1, 5, 4), (0.0, -1.0, 0.0)),  # front (-Y)
    ((2, 3, 7, 6), (0.0, 1.0, 0.0)),   # back (+Y)
    ((1, 2, 6, 5), (1.0, 0.0, 0.0)),   # +X
    ((3, 0, 4, 7), (-1.0, 0.0, 0.0)),  # -X
)


def box_mesh(lo: tuple[float, float, float], hi: tuple[float, float, float]):
    """Return ``(points, face_counts, face_indices, normals)`` of an axis-aligned box.

    Normals are one per face-vertex (``faceVarying`` interpolation).
    """
    x0, y0, z0 = lo
    x1, y1, z1 = hi
    points = [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0),
              (x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]
    counts, indices, normals = [], [], []
    for face, normal in _BOX_FACES:
        counts.append(4)
        indices.extend(face)
        normals.extend([normal] * 4)
    return points, counts, indices, normals


def rect_outline(rect: tuple[float, float, float, float],
                 cut: tuple[float, float, float, float] | None = None) -> list[Point]:
    """The counter-clockwise outline of ``rect`` (``x0, y0, x1, y1``), less ``cut``: a rectangle in one
    of its corners (an L-shape), or None."""
    x0, y0, x1, y1 = rect
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if cut is None:
        return corners
    cx0, cy0, cx1, cy1 = cut
    out: list[Point] = []
    for k, (X, Y) in enumerate(corners):
        if not (X in (cx0, cx1) and Y in (cy0, cy1)):
            out.append((X, Y))
            continue
        ix, iy = (cx0 if X == cx1 else cx1), (cy0 if Y == cy1 else cy1)
        prev = corners[k - 1]
        if abs(prev[1] - Y) < 1e-9:  # coming along X
            out += [(ix, Y), (ix, iy), (X, iy)]
        else:
            out += [(X, iy), (ix, iy), (ix, Y)]
    return out


def rectilinear_edges(poly: list[Point]) -> list[tuple[str, str, float, float, float]]:
    """Edges of a counter-clockwise rectilinear polygon: ``(side, axis, line, lo, hi)`` with ``side``
    the direction the edge faces outwards (south, east, north, west) and ``axis`` x for an edge along X."""
    out = []
    for a, b in zip(poly, poly[1:] + poly[:1], strict=True):
        if abs(a[1] - b[1]) < 1e-9:
            out.append(("south" if b[0] > a[0] else "north", "x", a[1], min(a[0], b[0]), max(a[0], b[0])))
        else:
            out.append(("east" if b[1] > a[1] else "west", "y", a[0], min(a[1], b[1]), max(a[1], b[1])))
    return out


def inset_rectilinear(poly: list[Point], d: float) -> list[Point]:
    """A counter-clockwise rectilinear polygon moved inwards by ``d`` on every edge."""
    n = len(poly)
    out = []
    for i in range(n):
        p, v, q = poly[i - 1], poly[i], poly[(i + 1) % n]
        normals = []
        for a, b in ((p, v), (v, q)):
            dx, dy = b[0] - a[0], b[1] - a[1]
            ln = math.hypot(dx, dy) or 1.0
            normals.append((-dy / ln, dx / ln))
        out.append((v[0] + (normals[0][0] + normals[1][0]) * d, v[1] + (normals[0][1] + normals[1][1]) * d))
    return out
