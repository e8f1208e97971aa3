"""Checks on a built asset: convex parts, bounds equal to the requested size, valid joints."""

from __future__ import annotations

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics


def mesh_is_convex(mesh: UsdGeom.Mesh, tol: float = 1e-5) -> bool:
    """Return True when every point of the mesh lies on the inner side of every face plane."""
    pts = [Gf.Vec3d(p) for p in mesh.GetPointsAttr().Get() or []]
    counts = mesh.GetFaceVertexCountsAttr().Get() or []
    idx = mesh.GetFaceVertexIndicesAttr().Get() or []
    if len(pts) < 4:
        return False
    centroid = sum(pts, Gf.Vec3d(0, 0, 0)) / len(pts)
    pos = 0
    for c in counts:
        face = [pts[i] for i in idx[pos:pos + c]]
        pos += c
        normal = Gf.Vec3d(0, 0, 0)
        for k in range(len(face)):  # Newell's method
            a, b = face[k], face[(k + 1) % len(face)]
            normal += Gf.Vec3d((a[1] - b[1]) * (a[2] + b[2]), (a[2] - b[2]) * (a[0] + b[0]), (a[0] - b[0]) * (a[1] + b[1]))
        if normal.GetLength() < 1e-12:
            continue
        normal.Normalize()
        if Gf.Dot(normal, centroid - face[0]) > 0:  # make it point outward
            normal = -normal
        if any(Gf.Dot(normal, p - face[0]) > tol for p in pts):
            return False
    return True


def asset_problems(stage: Usd.Stage, root: str | Sdf.Path, size: tuple[float, float, float],
                   tol: float = 1e-3) -> list[str]:
    """Return what is wrong with the asset under ``root`` (empty when it is right).

    Checked: the asset's bounds in its own frame equal ``[-w/2, w/2] × [-d/2, d/2] × [0, h]``;
    every mesh is convex and a collider with a convex approximation; every joint connects two
    existing links of the asset with ``lower <= upper``; an asset with joints has an
    articulation root.
    """
    problems: list[str] = []
    prim = stage.GetPrimAtPath(str(root))
    if not prim:
        return [f"no prim at {root}"]
    cache = UsdGeom.BBoxCache(Usd.TimeCode.Default(), [UsdGeom.Tokens.default_], useExtentsHint=False)
    rng = cache.ComputeRelativeBound(prim, prim).ComputeAlignedRange()
    w, d, h = size
    want_lo, want_hi = (-w / 2, -d / 2, 0.0), (w / 2, d / 2, h)
    for axis in range(3):
        if abs(rng.GetMin()[axis] - want_lo[axis]) > tol or abs(rng.GetMax()[axis] - want_hi[axis]) > tol:
            problems.append(f"bounds {tuple(round(v, 4) for v in rng.GetMin())}..{tuple(round(v, 4) for v in rng.GetMax())}"
                            f" differ from the size box {want_lo}..{want_hi}")
            break
    joints = 0
    for p in Usd.PrimRange(prim):
        if p.IsA(UsdGeom.Mesh):
            if not mesh_is_convex(UsdGeom.Mesh(p)):
                problems.append(f"{p.GetPath()} is not convex")
            if not p.HasAPI(UsdPhysics.CollisionAPI):
                problems.append(f"{p.GetPath()} is not a collider")
            elif UsdPhysics.MeshCollisionAPI(p).GetApproximationAttr().Get() not in ("convexHull", "convexDecomposition"):
                problems.append(f"{p.GetPath()} has no convex collision approximation")
        if p.IsA(UsdPhysics.Joint):
            joints += 1
            j = UsdPhysics.Joint(p)
            for rel in (j.GetBody0Rel(), j.GetBody1Rel()):
                targets = rel.GetTargets()
                if len(targets) != 1 or not stage.GetPrimAtPath(targets[0]):
                    problems.append(f"{p.GetPath()} {rel.GetName()} does not point at an existing link")
                elif not targets[0].HasPrefix(prim.GetPath()):
                    problems.append(f"{p.GetPath()} {rel.GetName()} points outside the asset")
            lo = p.GetAttribute("physics:lowerLimit").Get()
            hi = p.GetAttribute("physics:upperLimit").Get()
            if lo is None or hi is None or lo > hi:
                problems.append(f"{p.GetPath()} has bad limits {lo}..{hi}")
    if joints and not prim.HasAPI(UsdPhysics.ArticulationRootAPI):
        problems.append(f"{root} has joints but no ArticulationRootAPI")
    return problems
