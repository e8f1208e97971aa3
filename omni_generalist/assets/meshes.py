"""Mesh authoring helpers: convex parts (boxes, prisms) with flat normals and extents."""

from __future__ import annotations

from collections.abc import Sequence

from pxr import Gf, Sdf, Usd, UsdGeom, Vt

from ..world.geometry import box_mesh, triangulate

Vec3 = tuple[float, float, float]


def define_mesh(stage: Usd.Stage, path: Sdf.Path | str, points: Sequence[Vec3], counts: Sequence[int],
                indices: Sequence[int], normals: Sequence[Vec3] | None = None) -> UsdGeom.Mesh:
    """Define a polygon mesh (no subdivision) with optional face-varying normals and its extent."""
    mesh = UsdGeom.Mesh.Define(stage, path)
    pts = Vt.Vec3fArray([Gf.Vec3f(*p) for p in points])
    mesh.CreatePointsAttr(pts)
    mesh.CreateFaceVertexCountsAttr(Vt.IntArray(list(counts)))
    mesh.CreateFaceVertexIndicesAttr(Vt.IntArray(list(indices)))
    mesh.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
    if normals is not None:
        mesh.CreateNormalsAttr(Vt.Vec3fArray([Gf.Vec3f(*n) for n in normals]))
        mesh.SetNormalsInterpolation(UsdGeom.Tokens.faceVarying)
    mesh.CreateExtentAttr(UsdGeom.PointBased.ComputeExtent(pts))
    return mesh


def box_part(stage: Usd.Stage, path: Sdf.Path | str, lo: Vec3, hi: Vec3) -> UsdGeom.Mesh:
    """Define an axis-aligned box mesh spanning ``lo``..``hi`` in its parent's frame."""
    points, counts, indices, normals = box_mesh(lo, hi)
    return define_mesh(stage, path, points, counts, indices, normals)


def prism_part(stage: Usd.Stage, path: Sdf.Path | str, polygon: Sequence[tuple[float, float]],
               z0: float, z1: float) -> UsdGeom.Mesh:
    """Define a vertical prism: a counter-clockwise floor polygon extruded from ``z0`` to ``z1``.

    The caps are ear-clipped into triangles so non-convex outlines (L-shaped floors) render right.
    """
    n = len(polygon)
    points = [(x, y, z0) for x, y in polygon] + [(x, y, z1) for x, y in polygon]
    counts: list[int] = []
    indices: list[int] = []
    normals: list[Vec3] = []
    for a, b, c in triangulate(list(polygon)):
        counts.append(3)
        indices.extend((n + a, n + b, n + c))
        normals.extend([(0.0, 0.0, 1.0)] * 3)
        counts.append(3)
        indices.extend((c, b, a))
        normals.extend([(0.0, 0.0, -1.0)] * 3)
    for i in range(n):
        j = (i + 1) % n
        (x0, y0), (x1, y1) = polygon[i], polygon[j]
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
        nrm = ((y1 - y0) / length, -(x1 - x0) / length, 0.0)
        counts.append(4)
        indices.extend((i, j, n + j, n + i))
        normals.extend([nrm] * 4)
    return define_mesh(stage, path, points, counts, indices, normals)
