"""Our loader from UsdPhysics schemas to an engine-neutral scene description.

SAPIEN and MuJoCo have no UsdPhysics importer: :func:`read_scene` reads rigid bodies, colliders
(as convex point sets in their body's frame), masses, physics materials, joints and articulations,
and reports what a simulator would reject or misread (negative mass, non-convex dynamic colliders,
joints that point at missing bodies) as :class:`~.report.Problem` entries.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

import numpy as np
from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics, UsdShade

from ..world.layout import is_objects_group
from ..world.metadata import get_info
from ..world.stage import OBJECTS
from .report import ERROR, WARNING, Problem

_AXIS_ROT = {  # rotation (wxyz) taking the engine's joint axis X onto the USD joint axis
    "X": (1.0, 0.0, 0.0, 0.0),
    "Y": (math.sqrt(0.5), 0.0, 0.0, math.sqrt(0.5)),
    "Z": (math.sqrt(0.5), 0.0, -math.sqrt(0.5), 0.0),
}
STATIC_SLAB = 0.05
"""Thickness (m) given to each triangle of a static triangle-mesh collider (floors of L-shaped rooms)."""
_DECOMPOSITIONS: dict[str, list[np.ndarray]] = {}


@dataclass
class Shape:
    """One convex collider: points in its body's frame and its physics material."""

    path: str
    points: np.ndarray
    static_friction: float = 0.5
    dynamic_friction: float = 0.4
    restitution: float = 0.1


@dataclass
class Body:
    """A rigid body (or an articulation link), or the static colliders of one owner."""

    path: str
    owner: str
    dynamic: bool
    position: np.ndarray
    orientation: np.ndarray
    """Quaternion wxyz."""
    shapes: list[Shape] = field(default_factory=list)
    mass: float = 1.0
    articulation: str = ""


@dataclass
class Joint:
    """A revolute, prismatic or fixed joint between two bodies ("" = the world)."""

    path: str
    kind: str
    body0: str
    body1: str
    pos0: np.ndarray
    rot0: np.ndarray
    pos1: np.ndarray
    rot1: np.ndarray
    axis: str = "X"
    lower: float = -math.inf
    upper: float = math.inf
    damping: float = 0.0

    @property
    def axis_rotation(self) -> np.ndarray:
        return np.array(_AXIS_ROT.get(self.axis, _AXIS_ROT["X"]))


@dataclass
class Articulation:
    """Links in parent-first order; ``joints[link]`` is the joint into that link from its parent."""

    root: str
    links: list[str]
    parents: dict[str, str]
    joints: dict[str, Joint]
    fixed: bool


@dataclass
class SceneDescription:
    bodies: dict[str, Body] = field(default_factory=dict)
    articulations: list[Articulation] = field(default_factory=list)
    gravity: np.ndarray = field(default_factory=lambda: np.array([0.0, 0.0, -9.81]))
    problems: list[Problem] = field(default_factory=list)

    def dynamic_bodies(self) -> list[Body]:
        return [b for b in self.bodies.values() if b.dynamic]

    def owner_of(self, body_path: str) -> str:
        """The object (or room element) a body — or any prim below one, as Kit reports — belongs to."""
        path = body_path
        while path and path != "/":
            body = self.bodies.get(path)
            if body is not None:
                return body.owner
            path = path.rsplit("/", 1)[0]
        return body_path


def quat_mul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Hamilton product of two wxyz quaternions."""
    w1, x1, y1, z1 = a
    w2, x2, y2, z2 = b
    return np.array([w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2, w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2,
                     w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2, w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2])


def quat_angle_deg(a: np.ndarray, b: np.ndarray) -> float:
    """Angle (degrees) of the rotation between two wxyz quaternions."""
    d = abs(float(np.dot(a / np.linalg.norm(a), b / np.linalg.norm(b))))
    return math.degrees(2.0 * math.acos(min(1.0, d)))


def _pose(matrix: Gf.Matrix4d) -> tuple[np.ndarray, np.ndarray]:
    m = Gf.Matrix4d(matrix).RemoveScaleShear()
    q = m.ExtractRotationQuat()
    t = m.ExtractTranslation()
    return np.array([t[0], t[1], t[2]]), np.array([q.GetReal(), *q.GetImaginary()])


def _rigid_matrix(matrix: Gf.Matrix4d) -> Gf.Matrix4d:
    return Gf.Matrix4d(matrix).RemoveScaleShear()


def _transform(points: np.ndarray, matrix: Gf.Matrix4d) -> np.ndarray:
    """Apply a USD (row-vector) 4×4 matrix to an (n, 3) array of points."""
    m = np.array(matrix, dtype=float).reshape(4, 4)
    return points @ m[:3, :3] + m[3, :3]


def owner_path(prim: Usd.Prim) -> str:
    """The object (or room element) a prim belongs to: the nearest ancestor with our metadata."""
    p = prim
    objects = str(OBJECTS)
    while p and p.GetPath() != Usd.Prim().GetPath() and str(p.GetPath()) != "/":
        if str(p.GetParent().GetPath()) == objects or is_objects_group(p.GetParent()):
            return str(p.GetPath())
        if get_info(p).get("category"):
            return str(p.GetPath())
        p = p.GetParent()
    return str(prim.GetPath())


class _LazyFaces:
    """A mesh's faces, read only when a check needs them (most colliders never do)."""

    def __init__(self, mesh: UsdGeom.Mesh):
        self._mesh = mesh
        self._faces: list[list[int]] | None = None

    def _read(self) -> list[list[int]]:
        if self._faces is None:
            counts = self._mesh.GetFaceVertexCountsAttr().Get() or []
            idx = list(self._mesh.GetFaceVertexIndicesAttr().Get() or [])
            faces, k = [], 0
            for c in counts:
                faces.append(idx[k:k + c])
                k += c
            self._faces = faces
        return self._faces

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __bool__(self) -> bool:
        return bool(self._read())


def _gprim_points(prim: Usd.Prim) -> tuple[np.ndarray, list[list[int]]] | None:
    """Points and faces of a collider in its own frame (meshes, cubes, spheres, cylinders)."""
    if prim.IsA(UsdGeom.Mesh):
        mesh = UsdGeom.Mesh(prim)
        pts = mesh.GetPointsAttr().Get()
        if not pts:
            return None
        return np.array(pts, dtype=float), _LazyFaces(mesh)
    if prim.IsA(UsdGeom.Cube):
        s = float(UsdGeom.Cube(prim).GetSizeAttr().Get() or 2.0) / 2.0
        return np.array([[x, y, z] for x in (-s, s) for y in (-s, s) for z in (-s, s)]), []
    if prim.IsA(UsdGeom.Sphere):
        r = float(UsdGeom.Sphere(prim).GetRadiusAttr().Get() or 1.0)
        pts = [(r * math.sin(t) * math.cos(p), r * math.sin(t) * math.sin(p), r * math.cos(t))
               for t in np.linspace(0, math.pi, 7) for p in np.linspace(0, 2 * math.pi, 12, endpoint=False)]
        return np.array(pts), []
    if prim.IsA(UsdGeom.Cylinder):
        cyl = UsdGeom.Cylinder(prim)
        r, h = float(cyl.GetRadiusAttr().Get() or 1.0), float(cyl.GetHeightAttr().Get() or 2.0)
        pts = [(r * math.cos(a), r * math.sin(a), z) for a in np.linspace(0, 2 * math.pi, 16, endpoint=False)
               for z in (-h / 2, h / 2)]
        return np.array(pts), []
    return None


def is_convex(points: np.ndarray, faces: list[list[int]], tol: float = 1e-4) -> bool:
    """True when every point lies on or behind every face plane (a closed convex polyhedron)."""
    tris = np.array([f[:3] for f in faces if len(f) >= 3], dtype=np.int64)
    if len(tris) == 0:
        return True
    a, b, c = points[tris[:, 0]], points[tris[:, 1]], points[tris[:, 2]]
    u, v = b - a, c - a
    n = np.stack([u[:, 1] * v[:, 2] - u[:, 2] * v[:, 1], u[:, 2] * v[:, 0] - u[:, 0] * v[:, 2],
                  u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]], axis=1)
    ln = np.sqrt((n * n).sum(axis=1))
    keep = ln > 1e-12
    if not keep.any():
        return True
    n, a = n[keep] / ln[keep, None], a[keep]
    centre = points.sum(axis=0) / len(points)
    offs = (a * n).sum(axis=1)
    sign = np.where(n @ centre - offs > 0, -1.0, 1.0)
    dist = (points @ n.T - offs[None, :]) * sign[None, :]
    return bool(dist.max() <= tol)


def _thicken(points: np.ndarray, minimum: float = 0.002) -> np.ndarray:
    """Give a flat point set a minimal thickness so that a convex hull can be cooked."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    thin = np.where(hi - lo < minimum)[0]
    if len(thin) == 0:
        return points
    off = np.zeros(3)
    off[thin] = minimum / 2
    return np.vstack([points - off, points + off])


def _slabs(points: np.ndarray, faces: list[list[int]]) -> list[np.ndarray]:
    """A static triangle mesh as convex pieces: each triangle extruded backwards by STATIC_SLAB."""
    pieces = []
    for f in faces:
        for i in range(1, len(f) - 1):
            tri = points[[f[0], f[i], f[i + 1]]]
            n = np.cross(tri[1] - tri[0], tri[2] - tri[0])
            ln = np.linalg.norm(n)
            if ln < 1e-12:
                continue
            pieces.append(np.vstack([tri, tri - n / ln * STATIC_SLAB]))
    return pieces


def decompose(points: np.ndarray, faces: list[list[int]]) -> list[np.ndarray]:
    """Convex decomposition of a mesh with CoACD (cached by content); one convex hull of the points
    where CoACD is not installed (Kit's Python: ``omni.physx`` decomposes such colliders itself)."""
    tris = [[f[0], f[i], f[i + 1]] for f in faces for i in range(1, len(f) - 1)]
    key = hashlib.sha1(points.tobytes() + np.array(tris, dtype=np.int64).tobytes()).hexdigest()
    if key not in _DECOMPOSITIONS:
        try:
            import coacd
        except ImportError:
            return [np.asarray(points, dtype=float)]
        coacd.set_log_level("error")
        parts = coacd.run_coacd(coacd.Mesh(points, np.array(tris, dtype=np.int64)), threshold=0.05,
                                max_convex_hull=16, seed=0)
        _DECOMPOSITIONS[key] = [np.asarray(v, dtype=float) for v, _ in parts]
    return _DECOMPOSITIONS[key]


def _materials(prims: list[Usd.Prim]) -> list[tuple[float, float, float]]:
    """Static friction, dynamic friction and restitution of each prim's bound physics material."""
    if not prims:
        return []
    mats, _ = UsdShade.MaterialBindingAPI.ComputeBoundMaterials(prims, "physics")
    cache: dict[str, tuple[float, float, float]] = {}
    out = []
    for mat in mats:
        key = str(mat.GetPath()) if mat else ""
        if key not in cache:
            value = (0.5, 0.4, 0.1)
            if mat and mat.GetPrim().HasAPI(UsdPhysics.MaterialAPI):
                api = UsdPhysics.MaterialAPI(mat.GetPrim())
                vals = [api.GetStaticFrictionAttr().Get(), api.GetDynamicFrictionAttr().Get(),
                        api.GetRestitutionAttr().Get()]
                value = tuple(float(v) if v is not None else d for v, d in zip(vals, value, strict=True))
            cache[key] = value
        out.append(cache[key])
    return out


def _body_of(prim: Usd.Prim, bodies: set[str]) -> str:
    """The nearest rigid body at or above ``prim`` ("" for a static collider)."""
    path = prim.GetPath()
    while path != Sdf.Path.absoluteRootPath and not path.isEmpty:
        text = path.pathString
        if text in bodies:
            return text
        path = path.GetParentPath()
    return ""


def _hull_volume(points: np.ndarray) -> float:
    from scipy.spatial import ConvexHull, QhullError

    try:
        return float(ConvexHull(points).volume)
    except (QhullError, ValueError):
        return 0.0


def read_scene(stage: Usd.Stage) -> SceneDescription:
    """Read the UsdPhysics content of ``stage`` into a :class:`SceneDescription`."""
    desc = SceneDescription()
    cache = UsdGeom.XformCache(Usd.TimeCode.Default())
    for prim in stage.Traverse():
        if prim.IsA(UsdPhysics.Scene):
            sc = UsdPhysics.Scene(prim)
            d, m = sc.GetGravityDirectionAttr().Get(), sc.GetGravityMagnitudeAttr().Get()
            if d is not None and Gf.Vec3f(d).GetLength() > 0 and m is not None and m > -1e30:
                desc.gravity = np.array(Gf.Vec3f(d).GetNormalized()) * float(m)
            break
    body_prims = [p for p in stage.Traverse() if p.HasAPI(UsdPhysics.RigidBodyAPI)
                  and UsdPhysics.RigidBodyAPI(p).GetRigidBodyEnabledAttr().Get() is not False]
    body_paths = {str(p.GetPath()) for p in body_prims}
    for p in body_prims:
        pos, quat = _pose(cache.GetLocalToWorldTransform(p))
        desc.bodies[str(p.GetPath())] = Body(str(p.GetPath()), owner_path(p), True, pos, quat)
    # colliders
    colliders = [p for p in stage.Traverse() if p.HasAPI(UsdPhysics.CollisionAPI) and p.IsA(UsdGeom.Gprim)
                 and UsdPhysics.CollisionAPI(p).GetCollisionEnabledAttr().Get() is not False]
    frictions = _materials(colliders)
    owners: dict[Sdf.Path, str] = {}  # static colliders of one parent share their owner
    for prim, friction in zip(colliders, frictions, strict=True):
        geo = _gprim_points(prim)
        path = str(prim.GetPath())
        if geo is None:
            desc.problems.append(Problem("bad_collider", path, f"collider {path} has no points (or an unsupported "
                                                                  f"type {prim.GetTypeName()}); it is ignored",
                                         WARNING))
            continue
        local, faces = geo
        pts_world = _transform(local, cache.GetLocalToWorldTransform(prim))
        body_path = _body_of(prim, body_paths)
        approx = "none"
        if prim.HasAPI(UsdPhysics.MeshCollisionAPI):
            approx = str(UsdPhysics.MeshCollisionAPI(prim).GetApproximationAttr().Get() or "none")
        elif not prim.IsA(UsdGeom.Mesh):
            approx = "convexHull"  # analytic shapes are convex
        if body_path:
            body = desc.bodies[body_path]
            inv = _rigid_matrix(cache.GetLocalToWorldTransform(stage.GetPrimAtPath(body_path))).GetInverse()
            pts = _transform(pts_world, inv)
            if approx in ("none", "meshSimplification"):
                desc.problems.append(Problem(
                    "non_convex_collider", path,
                    f"dynamic collider {path} (rigid body {body_path}) uses approximation '{approx}': a triangle "
                    "mesh cannot be simulated on a moving body; use convexHull or convexDecomposition"))
                pieces = [pts]
            elif approx == "convexDecomposition":
                pieces = decompose(pts, faces)
            else:
                if len(pts) > 8 and not is_convex(pts, faces):  # 8 points or fewer: a box, a wedge
                    desc.problems.append(Problem(
                        "non_convex_collider", path,
                        f"dynamic collider {path} is not convex but uses a convexHull approximation: its hull fills "
                        "the concavities; use convexDecomposition", WARNING))
                pieces = [pts]
            for i, piece in enumerate(pieces):
                body.shapes.append(Shape(f"{path}#{i}" if len(pieces) > 1 else path, _thicken(piece), *friction))
        else:
            if get_info(prim).get("category"):  # a floor, a wall segment with its own metadata
                owner = path
            else:
                parent = prim.GetParent().GetPath()
                owner = owners.get(parent)
                if owner is None:
                    owner = owners[parent] = owner_path(prim)
            static = desc.bodies.setdefault(owner, Body(owner, owner, False, np.zeros(3), np.array([1.0, 0, 0, 0])))
            if approx == "none" and faces and not is_convex(pts_world, faces):
                pieces = _slabs(pts_world, faces)
            elif approx == "convexDecomposition" and faces:
                pieces = decompose(pts_world, faces)
            else:
                pieces = [pts_world]
            for i, piece in enumerate(pieces):
                static.shapes.append(Shape(f"{path}#{i}" if len(pieces) > 1 else path, _thicken(piece), *friction))
    # masses
    for p in body_prims:
        path = str(p.GetPath())
        body = desc.bodies[path]
        if not body.shapes:
            desc.problems.append(Problem("bad_collider", path, f"rigid body {path} has no collider below it; "
                                                                "it would fall through everything", ERROR))
            body.shapes.append(Shape(path, _thicken(np.zeros((1, 3)), 0.02)))
        mass = None
        if p.HasAPI(UsdPhysics.MassAPI):
            api = UsdPhysics.MassAPI(p)
            m, dens = api.GetMassAttr().Get(), api.GetDensityAttr().Get()
            if m is not None and m < 0:
                desc.problems.append(Problem("negative_mass", path, f"rigid body {path} has a negative mass "
                                                                     f"({m:g} kg)", ERROR, value=float(m)))
            elif m:
                mass = float(m)
            if dens is not None and dens < 0:
                desc.problems.append(Problem("negative_mass", path, f"rigid body {path} has a negative density "
                                                                     f"({dens:g} kg/m³)", ERROR, value=float(dens)))
            elif dens and mass is None:
                mass = float(dens) * sum(_hull_volume(s.points) for s in body.shapes)
        if mass is None:
            mass = 1000.0 * sum(_hull_volume(s.points) for s in body.shapes)
        body.mass = max(mass, 1e-3)
    _read_joints(stage, desc, cache)
    return desc


def _read_joints(stage: Usd.Stage, desc: SceneDescription, cache: UsdGeom.XformCache) -> None:
    joints: list[Joint] = []
    for prim in stage.Traverse():
        if not prim.IsA(UsdPhysics.Joint):
            continue
        j = UsdPhysics.Joint(prim)
        if j.GetJointEnabledAttr().Get() is False:
            continue
        path = str(prim.GetPath())
        ends, bad = [], False
        for name, rel in (("body0", j.GetBody0Rel()), ("body1", j.GetBody1Rel())):
            targets = rel.GetTargets()
            if not targets:
                ends.append("")
                continue
            target = str(targets[0])
            if not stage.GetPrimAtPath(target):
                desc.problems.append(Problem("missing_body", path, f"joint {path} {name} points at {target}, "
                                                                   "which does not exist", other=target))
                bad = True
            elif target not in desc.bodies or not desc.bodies[target].dynamic:
                ends.append("")  # a static prim: the joint ties to the world
            else:
                ends.append(target)
        if bad:
            continue
        if not ends[0] and not ends[1]:
            desc.problems.append(Problem("bad_joint", path, f"joint {path} connects no rigid body", WARNING))
            continue
        kind = "revolute" if prim.IsA(UsdPhysics.RevoluteJoint) else "prismatic" if prim.IsA(
            UsdPhysics.PrismaticJoint) else "fixed"
        if kind == "fixed" and not prim.IsA(UsdPhysics.FixedJoint):
            desc.problems.append(Problem("bad_joint", path, f"joint {path} of type {prim.GetTypeName()} is "
                                                            "simulated as fixed", WARNING))

        def vec(attr, default):
            v = attr.Get()
            return np.array(list(v), dtype=float) if v is not None else np.array(default, dtype=float)

        def quat(attr):
            q = attr.Get()
            return np.array([q.GetReal(), *q.GetImaginary()]) if q is not None else np.array([1.0, 0, 0, 0])

        joint = Joint(path, kind, ends[0], ends[1], vec(j.GetLocalPos0Attr(), (0, 0, 0)), quat(j.GetLocalRot0Attr()),
                      vec(j.GetLocalPos1Attr(), (0, 0, 0)), quat(j.GetLocalRot1Attr()))
        if kind in ("revolute", "prismatic"):
            typed = UsdPhysics.RevoluteJoint(prim) if kind == "revolute" else UsdPhysics.PrismaticJoint(prim)
            joint.axis = str(typed.GetAxisAttr().Get() or "X")
            lo, hi = typed.GetLowerLimitAttr().Get(), typed.GetUpperLimitAttr().Get()
            joint.lower = float(lo) if lo is not None and abs(lo) < 1e30 else -math.inf
            joint.upper = float(hi) if hi is not None and abs(hi) < 1e30 else math.inf
            if joint.lower > joint.upper:
                desc.problems.append(Problem("bad_joint", path, f"joint {path} lower limit {joint.lower:g} is above "
                                                                f"its upper limit {joint.upper:g}"))
                continue
            drive = UsdPhysics.DriveAPI(prim, "angular" if kind == "revolute" else "linear")
            if drive:
                joint.damping = float(drive.GetDampingAttr().Get() or 0.0)
        joints.append(joint)
    _group_articulations(stage, desc, joints)


def _group_articulations(stage: Usd.Stage, desc: SceneDescription, joints: list[Joint]) -> None:
    roots = [p for p in stage.Traverse() if p.HasAPI(UsdPhysics.ArticulationRootAPI)]
    for root in roots:
        rp = str(root.GetPath())
        if rp in desc.bodies:  # the root API on a body: that body is the root link
            pass
        mine = [j for j in joints if j.path.startswith(rp + "/") or j.body0.startswith(rp + "/")
                or j.body1.startswith(rp + "/") or rp in (j.body0, j.body1)]
        links = {b for j in mine for b in (j.body0, j.body1) if b}
        if not links:
            continue
        fixed = any(j.kind == "fixed" and not (j.body0 and j.body1) for j in mine)
        parents: dict[str, str] = {}
        into: dict[str, Joint] = {}
        for j in mine:
            if j.body0 and j.body1:
                if j.body1 in parents:
                    desc.problems.append(Problem("bad_joint", j.path, f"link {j.body1} has two parent joints "
                                                                      f"({into[j.body1].path} and {j.path})"))
                    continue
                parents[j.body1] = j.body0
                into[j.body1] = j
        base = [b for b in links if b not in parents]
        if len(base) != 1:
            desc.problems.append(Problem("bad_joint", rp, f"articulation {rp} has {len(base)} root links "
                                                          f"({', '.join(sorted(base)) or 'a loop'}); it needs one"))
            continue
        order, frontier = [base[0]], [base[0]]
        while frontier:
            nxt = [c for c, p in sorted(parents.items()) if p in frontier]
            order += nxt
            frontier = nxt
        for link in order:
            desc.bodies[link].articulation = rp
        desc.articulations.append(Articulation(rp, order, parents, into, fixed))
    # joints outside articulations are not simulated by our CPU loaders: say so
    grouped = {j.path for a in desc.articulations for j in a.joints.values()}
    grouped |= {j.path for a in desc.articulations for j in joints if j.kind == "fixed" and (
        j.body0 in a.links or j.body1 in a.links)}
    for j in joints:
        if j.path not in grouped:
            desc.problems.append(Problem("bad_joint", j.path, f"joint {j.path} is not part of an articulation; the "
                                                              "CPU engines ignore it", WARNING))
