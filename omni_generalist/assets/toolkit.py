"""The modelling toolkit: convex mesh parts, and the writer that builds an asset from them with links
and joints for openable assets.

A generator receives the object's root prim path and its size ``(w, d, h)`` and builds the asset
in the root's local frame: origin at the bottom centre, +X to the object's right, **front
towards +Y**, +Z up; the parts must fill the box ``[-w/2, w/2] × [-d/2, d/2] × [0, h]`` (touch
every face of it, never leave it). Every part is convex (box, prism, cylinder, frustum, sphere)
and becomes a collider with a ``convexHull`` approximation.

Openable assets have **links**: the carcass is link ``body`` and every door, drawer or lid is a
link of its own (an ``Xform`` placed at its pivot, with parts below it), connected to ``body``
by a revolute or prismatic joint with limits. The root then carries ``ArticulationRootAPI`` and
every link ``RigidBodyAPI``. Joint conventions:

- a door hinged on its **left** edge (x = min) whose panel extends towards +X opens towards the
  front with ``lower=0, upper=+angle``; hinged on the **right** edge (panel towards −X) it opens
  with ``lower=-angle, upper=0``; both turn about ``Z``;
- a drawer slides out towards the front: ``prismatic(axis="Y", lower=0, upper=travel)``;
- a lid or a drop-down door turns about ``X`` (``lower=-angle, upper=0`` lifts a lid hinged at
  its back edge).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics, Vt

from ..world.geometry import box_mesh, triangulate
from .materials import bind_material, ensure_material, material_library
from .textures import UV_PRIMVAR, planar_uvs

Vec3 = tuple[float, float, float]


# ---------------------------------------------------------------- mesh parts

def define_mesh(stage: Usd.Stage, path: Sdf.Path | str, points: Sequence[Vec3], counts: Sequence[int],
                indices: Sequence[int], normals: Sequence[Vec3] | None = None) -> UsdGeom.Mesh:
    """Define a polygon mesh (no subdivision) with optional face-varying normals, its extent and
    face-varying texture coordinates ``primvars:st`` (:func:`~.textures.planar_uvs`).

    The mesh is authored as one batch of ``Sdf`` specs in the edit target (one change notice and
    one recomposition instead of one per attribute); the specs are those ``UsdGeom.Mesh.Define``
    and its ``Create*Attr`` calls author, so the layer is byte for byte the same.
    """
    path = Sdf.Path(str(path))
    target = stage.GetEditTarget()
    layer = target.GetLayer()
    spec_path = target.MapToSpecPath(path)
    parent = stage.GetPrimAtPath(path.GetParentPath())
    if (spec_path.isEmpty or not parent or not parent.IsDefined() or stage.GetPrimAtPath(path)
            or layer.GetPrimAtPath(spec_path)):
        return _define_mesh_usd(stage, path, points, counts, indices, normals)
    pts = Vt.Vec3fArray.FromNumpy(np.asarray(points, dtype=np.float32).reshape(-1, 3))
    with Sdf.ChangeBlock():
        prim = Sdf.CreatePrimInLayer(layer, spec_path)
        prim.specifier = Sdf.SpecifierDef
        prim.typeName = "Mesh"
        names = Sdf.ValueTypeNames
        _attr(prim, "points", names.Point3fArray, pts)
        _attr(prim, "faceVertexCounts", names.IntArray, Vt.IntArray(list(counts)))
        _attr(prim, "faceVertexIndices", names.IntArray, Vt.IntArray(list(indices)))
        _attr(prim, "subdivisionScheme", names.Token, UsdGeom.Tokens.none, Sdf.VariabilityUniform)
        if normals is not None:
            nrm = Vt.Vec3fArray.FromNumpy(np.asarray(normals, dtype=np.float32).reshape(-1, 3))
            _attr(prim, "normals", names.Normal3fArray, nrm).SetInfo("interpolation", UsdGeom.Tokens.faceVarying)
        _attr(prim, "extent", names.Float3Array, UsdGeom.PointBased.ComputeExtent(pts))
        _attr(prim, f"primvars:{UV_PRIMVAR}", names.TexCoord2fArray, _uvs(points, counts, indices)
              ).SetInfo("interpolation", UsdGeom.Tokens.faceVarying)
    return UsdGeom.Mesh(stage.GetPrimAtPath(path))


def _uvs(points: Sequence[Vec3], counts: Sequence[int], indices: Sequence[int]) -> Vt.Vec2fArray:
    uv = planar_uvs(np.asarray(points, dtype=float).reshape(-1, 3), np.asarray(counts), np.asarray(indices))
    return Vt.Vec2fArray.FromNumpy(uv.astype(np.float32))


def _attr(prim: Sdf.PrimSpec, name: str, type_name, value, variability=Sdf.VariabilityVarying) -> Sdf.AttributeSpec:
    spec = Sdf.AttributeSpec(prim, name, type_name, variability)
    spec.default = value
    return spec


def _define_mesh_usd(stage: Usd.Stage, path: Sdf.Path, points: Sequence[Vec3], counts: Sequence[int],
                     indices: Sequence[int], normals: Sequence[Vec3] | None) -> UsdGeom.Mesh:
    """:func:`define_mesh` through the Usd API (a parent that is not defined yet is defined with it)."""
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
    UsdGeom.PrimvarsAPI(mesh).CreatePrimvar(UV_PRIMVAR, Sdf.ValueTypeNames.TexCoord2fArray,
                                            UsdGeom.Tokens.faceVarying).Set(_uvs(points, counts, indices))
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


@dataclass(frozen=True)
class Surface:
    """A horizontal support surface in the object's frame (table top, shelf board, bowl bottom)."""

    z: float
    x0: float
    y0: float
    x1: float
    y1: float
    clearance: float = 1.0
    """Free height above the surface (the next board up, or 1 m for an open top)."""
    inside: bool = False
    """True for the inside of a container (a bowl, a basket, a box)."""


@dataclass
class BuiltAsset:
    """What a generator made: mesh parts, links, joints and support surfaces."""

    parts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    joints: list[str] = field(default_factory=list)
    surfaces: list[Surface] = field(default_factory=list)
    knee: tuple[float, float] | None = None
    """For a desk: the x range (local, meters) free under its top, where a seat pushes in clear of
    its drawer pedestal."""

    @property
    def articulated(self) -> bool:
        return bool(self.joints)


class AssetWriter:
    """Authors one asset's parts, links and joints under ``root``.

    Args:
        stage: the stage.
        root: the object's root prim path.
        rng: the action's seeded random generator (use it for every variation).
    """

    def __init__(self, stage: Usd.Stage, root: Sdf.Path, rng):
        self.stage = stage
        self.root = Sdf.Path(str(root))
        self.rng = rng
        self.built = BuiltAsset()
        self._body: Sdf.Path | None = None
        self._names: set[str] = set()

    # ------------------------------------------------------------ naming
    def _path(self, name: str, link: Sdf.Path | None) -> Sdf.Path:
        base = link or self.root
        key = f"{base}/{name}"
        if key in self._names:
            raise ValueError(f"part name {name!r} used twice under {base}")
        self._names.add(key)
        return base.AppendChild(name)

    def _finish_part(self, mesh: UsdGeom.Mesh, material: str | None) -> str:
        prim = mesh.GetPrim()
        UsdPhysics.CollisionAPI.Apply(prim)
        UsdPhysics.MeshCollisionAPI.Apply(prim).CreateApproximationAttr(UsdPhysics.Tokens.convexHull)
        if material:
            bind_material(prim, ensure_material(self.stage, material_library().resolve(material)))
        path = str(prim.GetPath())
        self.built.parts.append(path)
        return path

    def _local(self, link: Sdf.Path | None, p: Vec3) -> Vec3:
        """Convert a point of the object frame into the frame of ``link`` (links are only translated)."""
        if link is None:
            return p
        t = UsdGeom.Xformable(self.stage.GetPrimAtPath(link)).GetOrderedXformOps()[0].Get()
        return (p[0] - t[0], p[1] - t[1], p[2] - t[2])

    # ------------------------------------------------------------ convex parts
    def box(self, name: str, lo: Vec3, hi: Vec3, link: Sdf.Path | None = None, material: str | None = None) -> str:
        """An axis-aligned box from ``lo`` to ``hi`` (object-frame coordinates)."""
        lo_l, hi_l = self._local(link, lo), self._local(link, hi)
        if any(h - lo_ <= 0 for lo_, h in zip(lo_l, hi_l, strict=True)):
            raise ValueError(f"box {name!r} has no volume: {lo} .. {hi}")
        return self._finish_part(box_part(self.stage, self._path(name, link), lo_l, hi_l), material)

    def prism(self, name: str, outline: Sequence[tuple[float, float]], z0: float, z1: float,
              link: Sdf.Path | None = None, material: str | None = None) -> str:
        """A vertical prism over a convex counter-clockwise outline (object-frame x, y)."""
        off = self._local(link, (0.0, 0.0, 0.0))
        pts = [(x + off[0], y + off[1]) for x, y in outline]
        return self._finish_part(prism_part(self.stage, self._path(name, link), pts, z0 + off[2], z1 + off[2]), material)

    def cylinder(self, name: str, center: tuple[float, float], radius: float, z0: float, z1: float,
                 segments: int = 16, link: Sdf.Path | None = None, material: str | None = None) -> str:
        """A vertical cylinder (a prism on a regular polygon)."""
        return self.frustum(name, center, radius, radius, z0, z1, segments, link, material)

    def frustum(self, name: str, center: tuple[float, float], r0: float, r1: float, z0: float, z1: float,
                segments: int = 16, link: Sdf.Path | None = None, material: str | None = None) -> str:
        """A vertical truncated cone: radius ``r0`` at ``z0``, ``r1`` at ``z1`` (either may be ~0)."""
        off = self._local(link, (0.0, 0.0, 0.0))
        cx, cy = center[0] + off[0], center[1] + off[1]
        z0, z1 = z0 + off[2], z1 + off[2]
        n = max(6, int(segments))
        ring = [(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)]
        pts = [(cx + r0 * c, cy + r0 * s, z0) for c, s in ring] + [(cx + r1 * c, cy + r1 * s, z1) for c, s in ring]
        counts, idx, nrm = [n], list(reversed(range(n))), [(0.0, 0.0, -1.0)] * n
        counts.append(n)
        idx += list(range(n, 2 * n))
        nrm += [(0.0, 0.0, 1.0)] * n
        slope = (r0 - r1) / max(z1 - z0, 1e-9)
        for k in range(n):
            j = (k + 1) % n
            counts.append(4)
            idx += [k, j, n + j, n + k]
            for v in (k, j, j, k):
                c, s = ring[v]
                ln = math.sqrt(1 + slope * slope)
                nrm.append((c / ln, s / ln, slope / ln))
        mesh = define_mesh(self.stage, self._path(name, link), pts, counts, idx, nrm)
        return self._finish_part(mesh, material)

    def sphere(self, name: str, center: Vec3, radius: float | Vec3, rings: int = 8, segments: int = 12,
               link: Sdf.Path | None = None, material: str | None = None) -> str:
        """A (possibly squashed) UV sphere; ``radius`` may be ``(rx, ry, rz)``."""
        rx, ry, rz = (radius, radius, radius) if isinstance(radius, (int, float)) else radius
        cx, cy, cz = self._local(link, center)
        pts: list[Vec3] = [(cx, cy, cz - rz)]
        for i in range(1, rings):
            th = math.pi * i / rings - math.pi / 2
            for k in range(segments):
                ph = 2 * math.pi * k / segments
                pts.append((cx + rx * math.cos(th) * math.cos(ph), cy + ry * math.cos(th) * math.sin(ph), cz + rz * math.sin(th)))
        pts.append((cx, cy, cz + rz))
        top = len(pts) - 1
        counts: list[int] = []
        idx: list[int] = []

        def ring(i: int, k: int) -> int:
            return 1 + (i - 1) * segments + (k % segments)

        for k in range(segments):
            counts.append(3)
            idx += [0, ring(1, k + 1), ring(1, k)]
        for i in range(1, rings - 1):
            for k in range(segments):
                counts.append(4)
                idx += [ring(i, k), ring(i, k + 1), ring(i + 1, k + 1), ring(i + 1, k)]
        for k in range(segments):
            counts.append(3)
            idx += [ring(rings - 1, k), ring(rings - 1, k + 1), top]
        nrm = []
        for v in idx:
            px, py, pz = pts[v]
            dx, dy, dz = (px - cx) / rx, (py - cy) / ry, (pz - cz) / rz
            ln = math.sqrt(dx * dx + dy * dy + dz * dz) or 1.0
            nrm.append((dx / ln, dy / ln, dz / ln))
        mesh = define_mesh(self.stage, self._path(name, link), pts, counts, idx, nrm)
        return self._finish_part(mesh, material)

    # ------------------------------------------------------------ links and joints
    def body(self) -> Sdf.Path:
        """The carcass link of an openable asset (created on first use)."""
        if self._body is None:
            self._body = self._new_link("body", (0.0, 0.0, 0.0))
        return self._body

    def link(self, name: str, pivot: Vec3) -> Sdf.Path:
        """A movable part (door, drawer, lid) whose frame origin is ``pivot`` (object frame)."""
        self.body()
        return self._new_link(name, pivot)

    def _new_link(self, name: str, pivot: Vec3) -> Sdf.Path:
        path = self._path(name, None)
        xf = UsdGeom.Xform.Define(self.stage, path)
        xf.AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(*pivot))
        UsdPhysics.RigidBodyAPI.Apply(xf.GetPrim())
        self.built.links.append(str(path))
        return path

    def _joint(self, kind, name: str, link: Sdf.Path, axis: str, lower: float, upper: float) -> str:
        if axis not in ("X", "Y", "Z"):
            raise ValueError(f"joint axis must be X, Y or Z, got {axis!r}")
        if not lower <= upper:
            raise ValueError(f"joint {name!r}: lower limit {lower} above upper {upper}")
        joints = self.root.AppendChild("joints")
        if not self.stage.GetPrimAtPath(joints):
            UsdGeom.Scope.Define(self.stage, joints)
        path = self._path(name, joints)
        joint = kind.Define(self.stage, path)
        body = self.body()
        joint.CreateBody0Rel().SetTargets([body])
        joint.CreateBody1Rel().SetTargets([link])
        pivot = UsdGeom.Xformable(self.stage.GetPrimAtPath(link)).GetOrderedXformOps()[0].Get()
        joint.CreateLocalPos0Attr(Gf.Vec3f(*pivot))
        joint.CreateLocalRot0Attr(Gf.Quatf(1.0))
        joint.CreateLocalPos1Attr(Gf.Vec3f(0.0, 0.0, 0.0))
        joint.CreateLocalRot1Attr(Gf.Quatf(1.0))
        joint.CreateAxisAttr(axis)
        joint.CreateLowerLimitAttr(float(lower))
        joint.CreateUpperLimitAttr(float(upper))
        UsdPhysics.ArticulationRootAPI.Apply(self.stage.GetPrimAtPath(self.root))
        self.built.joints.append(str(path))
        return str(path)

    def revolute(self, name: str, link: Sdf.Path, axis: str = "Z", lower: float = 0.0, upper: float = 100.0) -> str:
        """A hinge (limits in degrees) between ``body`` and ``link`` at the link's pivot."""
        return self._joint(UsdPhysics.RevoluteJoint, name, link, axis, lower, upper)

    def prismatic(self, name: str, link: Sdf.Path, axis: str = "Y", lower: float = 0.0, upper: float = 0.4) -> str:
        """A slide (limits in meters) between ``body`` and ``link``."""
        return self._joint(UsdPhysics.PrismaticJoint, name, link, axis, lower, upper)

    # ------------------------------------------------------------ surfaces
    def surface(self, z: float, x0: float, y0: float, x1: float, y1: float, clearance: float = 1.0,
                inside: bool = False) -> None:
        """Declare a support surface (object frame) that small objects may rest on."""
        self.built.surfaces.append(Surface(z, x0, y0, x1, y1, clearance, inside))

    def result(self) -> BuiltAsset:
        return self.built
