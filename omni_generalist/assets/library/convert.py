"""Writing a non-USD asset once into the cache as USD (Z-up, meters, bottom centre at the origin, front +Y).

The asset prim (``/Asset``, the default prim) holds each link's visual meshes (``UsdPreviewSurface``
materials, their textures copied beside the file, collisions disabled) and its collision pieces
(convex meshes, ``guide`` purpose: simulated, not drawn): the description's own collision geometry,
else a CoACD convex decomposition cached by mesh hash (or one convex hull, the ``hull`` setting).
An articulated asset has a rigid body per link and UsdPhysics revolute/prismatic joints with
limits under ``/Asset/joints``, in the layout the physics authoring expects of procedural assets.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import numpy as np
from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics, UsdShade, Vt

from .annotate import Annotation
from .load import Model, Part, matrix_quat, quat_matrix

CONVERTER_VERSION = 1


def _safe(name: str, taken: set[str]) -> str:
    base = re.sub(r"\W", "_", name or "part")
    if not base or base[0].isdigit():
        base = "p_" + base
    out, i = base, 1
    while out in taken:
        out = f"{base}_{i}"
        i += 1
    taken.add(out)
    return out


def decompose(points: np.ndarray, faces: np.ndarray, method: str, cache: Path) -> list[np.ndarray]:
    """Convex pieces of a mesh: CoACD (``method="coacd"``, cached by mesh hash under ``cache``) or one hull."""
    if method != "coacd" or len(points) < 8:
        return [points]
    key = hashlib.sha1(np.ascontiguousarray(points, dtype=np.float64).tobytes()
                       + np.ascontiguousarray(faces, dtype=np.int64).tobytes()).hexdigest()
    file = cache / "decompositions" / f"{key}.npz"
    if file.is_file():
        data = np.load(file)
        return [data[k] for k in sorted(data.files, key=lambda k: int(k[1:]))]
    try:
        import coacd
    except ImportError:
        return [points]
    coacd.set_log_level("error")
    parts = coacd.run_coacd(coacd.Mesh(np.asarray(points, float), np.asarray(faces, np.int64)), threshold=0.05,
                            max_convex_hull=16, seed=0)
    pieces = [np.asarray(v, dtype=float) for v, _ in parts]
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(f".{os.getpid()}.tmp.npz")
    np.savez(tmp, **{f"p{i}": p for i, p in enumerate(pieces)})
    os.replace(tmp, file)
    return pieces


def _hull_mesh(stage: Usd.Stage, path: Sdf.Path, points: np.ndarray) -> None:
    from scipy.spatial import ConvexHull, QhullError

    try:
        hull = ConvexHull(points)
    except (QhullError, ValueError):
        return
    verts = points[hull.vertices]
    remap = {int(v): i for i, v in enumerate(hull.vertices)}
    faces = [[remap[int(a)] for a in f] for f in hull.simplices]
    mesh = UsdGeom.Mesh.Define(stage, path)
    mesh.CreatePointsAttr(Vt.Vec3fArray.FromNumpy(verts.astype(np.float32)))
    mesh.CreateFaceVertexCountsAttr([3] * len(faces))
    mesh.CreateFaceVertexIndicesAttr([i for f in faces for i in f])
    mesh.CreatePurposeAttr(UsdGeom.Tokens.guide)
    lo, hi = verts.min(axis=0), verts.max(axis=0)
    mesh.CreateExtentAttr([Gf.Vec3f(*lo.tolist()), Gf.Vec3f(*hi.tolist())])
    UsdPhysics.CollisionAPI.Apply(mesh.GetPrim())
    UsdPhysics.MeshCollisionAPI.Apply(mesh.GetPrim()).CreateApproximationAttr(UsdPhysics.Tokens.convexHull)


def _material(stage: Usd.Stage, path: Sdf.Path, part: Part, tex_dir: Path, out_dir: Path) -> UsdShade.Material:
    mat = UsdShade.Material.Define(stage, path)
    shader = UsdShade.Shader.Define(stage, path.AppendChild("PreviewSurface"))
    shader.CreateIdAttr("UsdPreviewSurface")
    color = part.color
    shader.CreateInput("roughness", Sdf.ValueTypeNames.Float).Set(0.6)
    shader.CreateInput("metallic", Sdf.ValueTypeNames.Float).Set(0.0)
    if color[3] < 0.999:
        shader.CreateInput("opacity", Sdf.ValueTypeNames.Float).Set(float(color[3]))
    mat.CreateSurfaceOutput().ConnectToSource(shader.ConnectableAPI(), "surface")
    tex_file = _texture_file(part, tex_dir)
    diffuse = shader.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f)
    if tex_file is not None:
        diffuse.Set(Gf.Vec3f(*_mean_colour(tex_file)))  # what a renderer without textures shows
        st = UsdShade.Shader.Define(stage, path.AppendChild("st"))
        st.CreateIdAttr("UsdPrimvarReader_float2")
        st.CreateInput("varname", Sdf.ValueTypeNames.Token).Set("st")
        reader = UsdShade.Shader.Define(stage, path.AppendChild("diffuseTexture"))
        reader.CreateIdAttr("UsdUVTexture")
        reader.CreateInput("file", Sdf.ValueTypeNames.Asset).Set(Sdf.AssetPath(os.path.relpath(tex_file, out_dir)))
        reader.CreateInput("sourceColorSpace", Sdf.ValueTypeNames.Token).Set("sRGB")
        reader.CreateInput("wrapS", Sdf.ValueTypeNames.Token).Set("repeat")
        reader.CreateInput("wrapT", Sdf.ValueTypeNames.Token).Set("repeat")
        reader.CreateInput("st", Sdf.ValueTypeNames.Float2).ConnectToSource(st.ConnectableAPI(), "result")
        diffuse.ConnectToSource(reader.ConnectableAPI(), "rgb")
    else:
        diffuse.Set(Gf.Vec3f(*(float(c) for c in color[:3])))
    return mat


def _texture_file(part: Part, tex_dir: Path) -> Path | None:
    if part.uv is None:
        return None
    if part.texture and Path(part.texture).is_file():
        src = Path(part.texture)
        digest = hashlib.sha1(str(src.resolve()).encode()).hexdigest()[:10]
        dst = tex_dir / f"{digest}_{src.name}"
        if not dst.exists():
            tex_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        return dst
    if part.image is not None:
        tex_dir.mkdir(parents=True, exist_ok=True)
        img = part.image
        digest = hashlib.sha1(img.tobytes()).hexdigest()[:16]
        dst = tex_dir / f"{digest}.png"
        if not dst.exists():
            img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB").save(dst)
        return dst
    return None


def _mean_colour(file: Path) -> tuple[float, float, float]:
    try:
        from PIL import Image

        with Image.open(file) as im:
            r, g, b = im.convert("RGB").resize((1, 1)).getpixel((0, 0))
        return (r / 255.0, g / 255.0, b / 255.0)
    except Exception:  # noqa: BLE001 - an unreadable texture keeps a neutral colour
        return (0.7, 0.7, 0.7)


def _mesh(stage: Usd.Stage, path: Sdf.Path, part: Part, points: np.ndarray) -> UsdGeom.Mesh:
    mesh = UsdGeom.Mesh.Define(stage, path)
    mesh.CreatePointsAttr(Vt.Vec3fArray.FromNumpy(points.astype(np.float32)))
    mesh.CreateFaceVertexCountsAttr(Vt.IntArray.FromNumpy(np.full(len(part.faces), 3, dtype=np.int32)))
    mesh.CreateFaceVertexIndicesAttr(Vt.IntArray.FromNumpy(part.faces.astype(np.int32).ravel()))
    mesh.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)
    mesh.CreateExtentAttr([Gf.Vec3f(*points.min(axis=0).tolist()), Gf.Vec3f(*points.max(axis=0).tolist())])
    if part.uv is not None:
        pv = UsdGeom.PrimvarsAPI(mesh).CreatePrimvar(
            "st", Sdf.ValueTypeNames.TexCoord2fArray,
            UsdGeom.Tokens.faceVarying if part.uv_index is not None else UsdGeom.Tokens.vertex)
        pv.Set(Vt.Vec2fArray.FromNumpy(part.uv.astype(np.float32)))
        if part.uv_index is not None:
            pv.SetIndices(Vt.IntArray.FromNumpy(part.uv_index.astype(np.int32).ravel()))
    # drawn, not simulated: the collision pieces beside it stand for it in physics
    UsdPhysics.CollisionAPI.Apply(mesh.GetPrim()).CreateCollisionEnabledAttr(False)
    return mesh


def convert(model: Model, ann: Annotation, out_file: Path, cache: Path, decomposition: str = "coacd") -> None:
    """Write ``model`` as a USD asset at ``out_file`` (atomically), after the annotation's transform."""
    rot: np.ndarray = ann._rot  # type: ignore[attr-defined]
    offset: np.ndarray = ann._offset  # type: ignore[attr-defined]
    s = float(ann.scale)
    out_dir = out_file.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_file.with_name(f".{out_file.stem}.{os.getpid()}.tmp{out_file.suffix}")
    stage = Usd.Stage.CreateNew(str(tmp))
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.z)
    root = UsdGeom.Xform.Define(stage, "/Asset")
    stage.SetDefaultPrim(root.GetPrim())
    Usd.ModelAPI(root.GetPrim()).SetKind("component")
    articulated = bool(model.joints)
    # link poses in the new frame: rotated, scaled, moved so the bottom centre is at the origin
    new_pose: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for lk in model.links:
        pos = (rot @ lk.pos + offset) * s
        q = matrix_quat(rot @ quat_matrix(lk.quat))
        new_pose[lk.name] = (pos, q)
    link_path: dict[str, Sdf.Path] = {}
    taken: set[str] = {"joints", "Looks"}
    for lk in model.links:
        if not articulated:
            link_path[lk.name] = root.GetPath()
            continue
        path = root.GetPath().AppendChild(_safe("body" if lk.name == "body" else lk.name, taken))
        xf = UsdGeom.Xform.Define(stage, path)
        pos, q = new_pose[lk.name]
        xf.AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(*pos.tolist()))
        xf.AddOrientOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Quatd(*q.tolist()))
        UsdPhysics.RigidBodyAPI.Apply(xf.GetPrim())
        link_path[lk.name] = path

    def local(link: str, pts: np.ndarray) -> np.ndarray:
        """Points of a link's frame (old) in the prim's frame (new)."""
        old = next(lk for lk in model.links if lk.name == link)
        world = (pts @ quat_matrix(old.quat).T + old.pos) @ rot.T
        world = (world + offset) * s
        if not articulated:
            return world
        pos, q = new_pose[link]
        return (world - pos) @ quat_matrix(q)

    looks = root.GetPath().AppendChild("Looks")
    mats: dict[tuple, UsdShade.Material] = {}
    names: dict[Sdf.Path, set[str]] = {}
    for part in model.parts:
        parent = link_path[part.link].AppendChild("visuals")
        if not stage.GetPrimAtPath(parent):
            UsdGeom.Xform.Define(stage, parent)
        taken_here = names.setdefault(parent, set())
        mesh = _mesh(stage, parent.AppendChild(_safe(part.name, taken_here)), part, local(part.link, part.points))
        key = (part.material, part.color, part.texture, id(part.image) if part.image is not None else None,
               part.uv is not None)
        if key not in mats:
            mats[key] = _material(stage, looks.AppendChild(f"m{len(mats)}"), part, out_dir / "textures", out_dir)
        UsdShade.MaterialBindingAPI.Apply(mesh.GetPrim()).Bind(mats[key])
    # collision pieces
    pieces: list[tuple[str, np.ndarray]] = []
    if model.colliders:
        pieces = [(lk, local(lk, c)) for lk, c in model.colliders if len(c)]
    else:
        for part in model.parts:
            pts = local(part.link, part.points)
            pieces += [(part.link, p) for p in decompose(pts, part.faces, decomposition, cache)]
    for i, (lk, pts) in enumerate(pieces):
        parent = link_path[lk].AppendChild("collision")
        if not stage.GetPrimAtPath(parent):
            UsdGeom.Xform.Define(stage, parent)
        _hull_mesh(stage, parent.AppendChild(f"piece_{i}"), pts)
    if articulated:
        UsdPhysics.ArticulationRootAPI.Apply(root.GetPrim())
        jscope = root.GetPath().AppendChild("joints")
        UsdGeom.Scope.Define(stage, jscope)
        jtaken: set[str] = set()
        for j in model.joints:
            anchor = (rot @ j.anchor + offset) * s
            axis = rot @ j.axis
            axis = axis / (np.linalg.norm(axis) or 1.0)
            frame = _frame_x_to(axis)  # joint frame: its X axis along the joint's axis
            cls = UsdPhysics.RevoluteJoint if j.kind == "revolute" else UsdPhysics.PrismaticJoint
            joint = cls.Define(stage, jscope.AppendChild(_safe(j.name, jtaken)))
            joint.CreateBody0Rel().SetTargets([link_path[j.parent]])
            joint.CreateBody1Rel().SetTargets([link_path[j.child]])
            for k, lk in ((0, j.parent), (1, j.child)):
                pos, q = new_pose[lk]
                r = quat_matrix(q)
                lp = r.T @ (anchor - pos)
                lq = matrix_quat(r.T @ frame)
                getattr(joint, f"CreateLocalPos{k}Attr")(Gf.Vec3f(*lp.tolist()))
                getattr(joint, f"CreateLocalRot{k}Attr")(Gf.Quatf(*lq.tolist()))
            joint.CreateAxisAttr("X")
            scale = 1.0 if j.kind == "revolute" else s
            joint.CreateLowerLimitAttr(float(j.lower * scale))
            joint.CreateUpperLimitAttr(float(j.upper * scale))
    root.GetPrim().SetCustomDataByKey("generalist_asset", json.dumps({"converter": CONVERTER_VERSION}))
    stage.GetRootLayer().Save()
    os.replace(tmp, out_file)


def _frame_x_to(axis: np.ndarray) -> np.ndarray:
    """A rotation matrix whose first column is ``axis``."""
    x = axis
    helper = np.array([0.0, 0.0, 1.0]) if abs(x[2]) < 0.9 else np.array([0.0, 1.0, 0.0])
    y = np.cross(helper, x)
    y /= np.linalg.norm(y)
    z = np.cross(x, y)
    return np.column_stack([x, y, z])
