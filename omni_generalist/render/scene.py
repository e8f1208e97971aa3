"""Flatten a world's USD stage into what a renderer draws: triangles, materials, instances, lights.

An *instance* is what segmentation and boxes are about, as in Replicator: the nearest prim that
carries a ``class`` semantics label (an object root under ``/World/Objects``, or a floor, wall,
door, window or ceiling of the room). Its class string is its labels joined by commas, as
Replicator writes a prim with several labels of one type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pxr import Sdf, Usd, UsdGeom, UsdLux, UsdShade

from ..world.layout import is_objects_group
from ..world.metadata import semantic_classes
from ..world.stage import LEGACY_ROOM, OBJECTS, ROOMS

UNLABELLED = "UNLABELLED"
BACKGROUND = "BACKGROUND"


@dataclass(frozen=True)
class Instance:
    """One segmentable thing: id (1-based, 0 is background), prim path and semantic class."""

    id: int
    path: str
    label: str
    """Comma-joined ``class`` labels, or ``UNLABELLED``."""
    ranges: tuple[tuple[int, int], ...] = ()
    """``(first_vertex, vertex_count)`` draw ranges in :attr:`SceneData.vertices`."""
    bounds: tuple[tuple[float, float, float], tuple[float, float, float]] = ((0, 0, 0), (0, 0, 0))
    """World-space axis-aligned bounds of its triangles."""


@dataclass(frozen=True)
class Light:
    """A point-like light (sphere, disk, rect lights) or the ambient dome."""

    kind: str
    position: tuple[float, float, float]
    color: tuple[float, float, float]
    intensity: float


@dataclass
class SceneData:
    """Triangle soup of a stage, grouped by instance (opaque triangles first, then transparent).

    Per vertex: ``vertices`` (N×3 world meters), ``normals`` (N×3), ``albedo`` (N×3 linear RGB),
    ``material`` (N×3: roughness, metallic, opacity) and ``instance`` (N, int32 instance ids); for
    textured materials ``uv`` (N×2 texture coordinates) and ``texture`` (N, the index in ``textures`` of
    the image that replaces the albedo, -1 for none).
    """

    vertices: np.ndarray
    normals: np.ndarray
    albedo: np.ndarray
    material: np.ndarray
    instance: np.ndarray
    instances: list[Instance]
    lights: list[Light] = field(default_factory=list)
    opaque_count: int = 0
    """Vertices ``[0, opaque_count)`` are opaque; the rest are transparent (glass)."""
    uv: np.ndarray | None = None
    texture: np.ndarray | None = None
    textures: list[str] = field(default_factory=list)
    """Image files of the diffuse textures, in the order ``texture`` counts them."""

    def by_path(self, path: str) -> Instance | None:
        """Return the instance whose prim path is ``path``."""
        return next((i for i in self.instances if i.path == path), None)

    @property
    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """World bounds of all triangles."""
        if len(self.vertices) == 0:
            return np.zeros(3), np.zeros(3)
        return self.vertices.min(axis=0), self.vertices.max(axis=0)


def instance_root(prim: Usd.Prim) -> Usd.Prim | None:
    """Return the prim that a mesh's pixels belong to (see the module docstring), or None."""
    p = prim
    while p and p.GetPath() != OBJECTS and p.GetPath().pathString != "/":
        if p.GetPath().GetParentPath() == OBJECTS or is_objects_group(p.GetParent()):
            return p
        p = p.GetParent()
    p = prim
    while p and p.GetPath().pathString != "/":
        if p.GetPath() in (LEGACY_ROOM, ROOMS) or p.GetPath().GetParentPath() == ROOMS:
            return None
        if semantic_classes(p):
            return p
        p = p.GetParent()
    return None


def _material_of(prim: Usd.Prim, cache: dict[str, tuple], anchor: str | None = None
                 ) -> tuple[tuple[float, float, float], float, float, float, str | None, str]:
    """The bound material's colour, roughness, metallic, opacity, diffuse texture file (or None) and the
    name of the UV primvar that texture reads."""
    mat, _ = UsdShade.MaterialBindingAPI(prim).ComputeBoundMaterial()
    key = str(mat.GetPath()) if mat else ""
    if key in cache:
        return cache[key]
    color, rough, metal, opacity = (0.7, 0.7, 0.7), 0.6, 0.0, 1.0
    texture, uv_name = None, "st"
    if mat:
        shader = mat.ComputeSurfaceSource()[0]
        if shader:
            def get(name: str, default):
                inp = shader.GetInput(name)
                v = inp.Get() if inp else None
                return default if v is None else v
            c = get("diffuseColor", color)
            color = (float(c[0]), float(c[1]), float(c[2]))
            rough, metal, opacity = float(get("roughness", rough)), float(get("metallic", metal)), float(get("opacity", opacity))
            texture, uv_name = _diffuse_texture(shader, anchor)
    cache[key] = (color, rough, metal, opacity, texture, uv_name)
    return cache[key]


def _diffuse_texture(shader: UsdShade.Shader, anchor: str | None) -> tuple[str | None, str]:
    """The image file of the ``UsdUVTexture`` driving ``diffuseColor`` (None without one, or when the file
    is missing) and the primvar its ``st`` reads."""
    from ..assets.textures import find_texture

    inp = shader.GetInput("diffuseColor")
    if not inp or not inp.HasConnectedSource():
        return None, "st"
    src = inp.GetConnectedSource()[0]
    tex = UsdShade.Shader(src.GetPrim())
    if not tex or tex.GetIdAttr().Get() != "UsdUVTexture":
        return None, "st"
    uv_name = "st"
    st = tex.GetInput("st")
    if st and st.HasConnectedSource():
        reader = UsdShade.Shader(st.GetConnectedSource()[0].GetPrim())
        varname = reader.GetInput("varname").Get() if reader and reader.GetInput("varname") else None
        uv_name = str(varname) if varname else "st"
    file_in = tex.GetInput("file")
    asset = file_in.Get() if file_in else None
    if asset is None or not asset.path:
        return None, uv_name
    resolved = asset.resolvedPath or ""
    if resolved and Path(resolved).is_file():
        return resolved, uv_name
    found = find_texture(asset.path, anchor, dict(tex.GetPrim().GetCustomData()))
    return (str(found) if found else None), uv_name


def _mesh_uvs(mesh: UsdGeom.Mesh, name: str, idx: np.ndarray, fv: np.ndarray) -> np.ndarray | None:
    """Per-corner texture coordinates of the triangulated corners ``fv`` (None without the primvar)."""
    pv = UsdGeom.PrimvarsAPI(mesh).GetPrimvar(name)
    if not pv or not pv.HasValue():
        return None
    values = pv.ComputeFlattened()
    if values is None or len(values) == 0:
        return None
    uv = np.asarray(values, dtype=np.float64).reshape(-1, 2)
    interp = pv.GetInterpolation()
    if interp == UsdGeom.Tokens.faceVarying and len(uv) == len(idx):
        return uv[fv]
    if interp in (UsdGeom.Tokens.vertex, UsdGeom.Tokens.varying) and len(uv) > idx.max():
        return uv[idx[fv]]
    return None


def _triangulate_mesh(mesh: UsdGeom.Mesh, xf: np.ndarray, uv_name: str | None = None
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
    pts = mesh.GetPointsAttr().Get()
    counts = mesh.GetFaceVertexCountsAttr().Get()
    idx = mesh.GetFaceVertexIndicesAttr().Get()
    if not pts or not counts or not idx:
        return None
    pts = np.asarray(pts, dtype=np.float64)
    counts = np.asarray(counts, dtype=np.int64)
    idx = np.asarray(idx, dtype=np.int64)
    # fan-triangulate every face: corner ids into the face-varying arrays
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    tri_fv = []
    for k in range(1, int(counts.max()) - 1):
        sel = counts > k + 1
        s = starts[sel]
        tri_fv.append(np.stack([s, s + k, s + k + 1], axis=1))
    if not tri_fv:
        return None
    fv = np.concatenate(tri_fv).reshape(-1)
    world = pts @ xf[:3, :3] + xf[3, :3]
    verts = world[idx[fv]]
    normals = None
    nattr = mesh.GetNormalsAttr().Get()
    if nattr is not None and len(nattr):
        n = np.asarray(nattr, dtype=np.float64)
        interp = mesh.GetNormalsInterpolation()
        if interp == UsdGeom.Tokens.faceVarying and len(n) == len(idx):
            normals = n[fv]
        elif interp in (UsdGeom.Tokens.vertex, UsdGeom.Tokens.varying) and len(n) == len(pts):
            normals = n[idx[fv]]
    if normals is not None:
        normals = normals @ np.linalg.inv(xf[:3, :3]).T  # row vectors: n' = n · (M^-1)^T
    else:  # flat normals from the geometry
        t = verts.reshape(-1, 3, 3)
        fn = np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])
        normals = np.repeat(fn, 3, axis=0)
    uv = _mesh_uvs(mesh, uv_name, idx, fv) if uv_name else None
    if mesh.GetOrientationAttr().Get() == UsdGeom.Tokens.leftHanded:
        verts = verts.reshape(-1, 3, 3)[:, ::-1].reshape(-1, 3)
        normals = normals.reshape(-1, 3, 3)[:, ::-1].reshape(-1, 3)
        uv = uv.reshape(-1, 3, 2)[:, ::-1].reshape(-1, 2) if uv is not None else None
    length = np.linalg.norm(normals, axis=1, keepdims=True)
    normals = normals / np.where(length > 0, length, 1.0)
    return verts, normals, uv


_IMPLICIT = (UsdGeom.Cube, UsdGeom.Sphere, UsdGeom.Cylinder, UsdGeom.Cone, UsdGeom.Capsule)


def _implicit_polys(prim: Usd.Prim) -> tuple[np.ndarray, list[list[int]]] | None:
    """Points and faces (counter-clockwise from outside) of a cube, sphere, cylinder, cone or capsule."""
    if prim.IsA(UsdGeom.Cube):
        h = float(UsdGeom.Cube(prim).GetSizeAttr().Get() or 2.0) / 2
        pts = np.array([[x, y, z] for x in (-h, h) for y in (-h, h) for z in (-h, h)])
        faces = [[0, 1, 3, 2], [4, 6, 7, 5], [0, 4, 5, 1], [2, 3, 7, 6], [0, 2, 6, 4], [1, 5, 7, 3]]
        return pts, faces
    n, rings = 16, 8
    ang = [2 * math.pi * k / n for k in range(n)]
    if prim.IsA(UsdGeom.Sphere):
        r = float(UsdGeom.Sphere(prim).GetRadiusAttr().Get() or 1.0)
        pts = [[0.0, 0.0, -r]]
        for i in range(1, rings):
            t = math.pi * i / rings - math.pi / 2
            pts += [[r * math.cos(t) * math.cos(a), r * math.cos(t) * math.sin(a), r * math.sin(t)] for a in ang]
        pts.append([0.0, 0.0, r])
        top = len(pts) - 1
        faces = [[0, 1 + (k + 1) % n, 1 + k] for k in range(n)]
        for i in range(rings - 2):
            b = 1 + i * n
            faces += [[b + k, b + (k + 1) % n, b + n + (k + 1) % n, b + n + k] for k in range(n)]
        b = 1 + (rings - 2) * n
        faces += [[b + k, b + (k + 1) % n, top] for k in range(n)]
        return np.array(pts), faces
    schema = next(c for c in (UsdGeom.Cylinder, UsdGeom.Cone, UsdGeom.Capsule) if prim.IsA(c))(prim)
    r = float(schema.GetRadiusAttr().Get() or 1.0)
    h = float(schema.GetHeightAttr().Get() or 2.0)
    if prim.IsA(UsdGeom.Capsule):
        h += 2 * r
    top_r = 0.0 if prim.IsA(UsdGeom.Cone) else r
    pts = [[r * math.cos(a), r * math.sin(a), -h / 2] for a in ang] + \
          [[top_r * math.cos(a), top_r * math.sin(a), h / 2] for a in ang]
    faces = [[k, (k + 1) % n, n + (k + 1) % n, n + k] for k in range(n)]
    faces += [list(range(n - 1, -1, -1)), list(range(n, 2 * n))]
    pts = np.array(pts)
    axis = str(schema.GetAxisAttr().Get() or "Z")
    if axis == "X":
        pts = pts[:, [2, 0, 1]]
    elif axis == "Y":
        pts = pts[:, [1, 2, 0]]
    return pts, faces


def _triangulate_implicit(prim: Usd.Prim, xf: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    polys = _implicit_polys(prim)
    if polys is None:
        return None
    pts, faces = polys
    tris = np.array([[f[0], f[i], f[i + 1]] for f in faces for i in range(1, len(f) - 1)])
    world = pts @ xf[:3, :3] + xf[3, :3]
    verts = world[tris.reshape(-1)]
    t = verts.reshape(-1, 3, 3)
    fn = np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])
    length = np.linalg.norm(fn, axis=1, keepdims=True)
    normals = np.repeat(fn / np.where(length > 0, length, 1.0), 3, axis=0)
    return verts, normals, None


def _kelvin_rgb(kelvin: float) -> tuple[float, float, float]:
    """Approximate linear RGB of a black body (normalised so the brightest channel is 1)."""
    t = max(1000.0, min(40000.0, kelvin)) / 100.0
    r = 255.0 if t <= 66 else 329.698727446 * (t - 60) ** -0.1332047592
    g = 99.4708025861 * math.log(t) - 161.1195681661 if t <= 66 else 288.1221695283 * (t - 60) ** -0.0755148492
    b = 255.0 if t >= 66 else (0.0 if t <= 19 else 138.5177312231 * math.log(t - 10) - 305.0447927307)
    rgb = [max(0.0, min(255.0, c)) / 255.0 for c in (r, g, b)]
    lin = [c ** 2.2 for c in rgb]
    m = max(lin) or 1.0
    return (lin[0] / m, lin[1] / m, lin[2] / m)


def _lights(stage: Usd.Stage, cache: UsdGeom.XformCache) -> list[Light]:
    out: list[Light] = []
    for prim in stage.Traverse():
        if not prim.HasAPI(UsdLux.LightAPI):
            continue
        api = UsdLux.LightAPI(prim)
        color = tuple(float(c) for c in (api.GetColorAttr().Get() or (1.0, 1.0, 1.0)))
        if api.GetEnableColorTemperatureAttr().Get():
            k = _kelvin_rgb(float(api.GetColorTemperatureAttr().Get() or 6500.0))
            color = (color[0] * k[0], color[1] * k[1], color[2] * k[2])
        intensity = float(api.GetIntensityAttr().Get() or 0.0) * 2.0 ** float(api.GetExposureAttr().Get() or 0.0)
        m = cache.GetLocalToWorldTransform(prim)
        pos = m.ExtractTranslation()
        kind = "dome" if prim.IsA(UsdLux.DomeLight) else "distant" if prim.IsA(UsdLux.DistantLight) else "point"
        out.append(Light(kind, (float(pos[0]), float(pos[1]), float(pos[2])), color, intensity))
    return out


def _drawn_part(prim: Usd.Prim, xcache: UsdGeom.XformCache, mcache: dict[str, tuple],
                anchor: str | None = None) -> tuple | None:
    """What ``prim`` adds to a scene: ``(instance key, instance root, vertices, normals, colour,
    material, uvs, texture file or None)``, or None when it draws nothing (not a mesh or implicit
    shape, invisible, a guide or proxy)."""
    implicit = not prim.IsA(UsdGeom.Mesh)
    if implicit and not any(prim.IsA(c) for c in _IMPLICIT):  # raw pxr cubes, spheres... are drawn too
        return None
    img = UsdGeom.Imageable(prim)
    if img.ComputeVisibility() == UsdGeom.Tokens.invisible or img.ComputePurpose() in (UsdGeom.Tokens.guide, UsdGeom.Tokens.proxy):
        return None
    m = np.array(xcache.GetLocalToWorldTransform(prim), dtype=np.float64)
    color, rough, metal, opacity, texture, uv_name = _material_of(prim, mcache, anchor)
    tri = _triangulate_implicit(prim, m) if implicit else _triangulate_mesh(UsdGeom.Mesh(prim), m,
                                                                            uv_name if texture else None)
    if tri is None:
        return None
    root = instance_root(prim)
    key = str(root.GetPath()) if root else str(prim.GetPath())
    if tri[2] is None:
        texture = None
    uv = tri[2] if texture is not None else np.zeros((len(tri[0]), 2))
    return key, root, tri[0], tri[1], color, (rough, metal, opacity), uv, texture


def scene_from_stage(stage: Usd.Stage, hide: set[str] | frozenset[str] = frozenset(),
                     parts: dict[str, tuple | None] | None = None) -> SceneData:
    """Flatten the visible meshes of ``stage`` into a :class:`SceneData`.

    Args:
        stage: the world.
        hide: prim paths (instances or any ancestors) to leave out, e.g. the ceiling for a plan view.
        parts: what each prim draws, filled and reused across calls on the same unchanged stage
            (a plan view after a perspective view triangulates nothing again); None keeps nothing.
    """
    xcache = UsdGeom.XformCache(Usd.TimeCode.Default())
    mcache: dict[str, tuple] = {}
    parts = {} if parts is None else parts
    real = stage.GetRootLayer().realPath
    anchor = str(Path(real).parent) if real else None
    textures: dict[str, int] = {}
    groups: dict[str, dict] = {}
    order: list[str] = []
    hidden = [_path(h) for h in hide]
    for prim in stage.Traverse():
        path = prim.GetPath()
        if any(path.HasPrefix(h) for h in hidden):
            continue
        text = path.pathString
        if text not in parts:
            parts[text] = _drawn_part(prim, xcache, mcache, anchor)
        part = parts[text]
        if part is None:
            continue
        key, root = part[0], part[1]
        if key not in groups:
            label = ",".join(semantic_classes(root)) if root else ""
            groups[key] = {"label": label or UNLABELLED, "parts": []}
            order.append(key)
        layer = -1 if part[7] is None else textures.setdefault(part[7], len(textures))
        groups[key]["parts"].append((*part[2:7], layer))
    verts, norms, albedo, mat, inst, uvs, tex = [], [], [], [], [], [], []
    ranges: dict[str, list[tuple[int, int]]] = {k: [] for k in order}
    n = 0
    for transparent in (False, True):
        for i, key in enumerate(order):
            chunk = [p for p in groups[key]["parts"] if (p[3][2] < 0.99) == transparent]
            if not chunk:
                continue
            v = np.concatenate([p[0] for p in chunk])
            verts.append(v)
            norms.append(np.concatenate([p[1] for p in chunk]))
            albedo.append(np.concatenate([np.tile(p[2], (len(p[0]), 1)) for p in chunk]))
            mat.append(np.concatenate([np.tile(p[3], (len(p[0]), 1)) for p in chunk]))
            uvs.append(np.concatenate([p[4] for p in chunk]))
            tex.append(np.concatenate([np.full(len(p[0]), p[5], dtype=np.int32) for p in chunk]))
            inst.append(np.full(len(v), i + 1, dtype=np.int32))
            ranges[key].append((n, len(v)))
            n += len(v)
        if not transparent:
            opaque = n
    instances = []
    for i, key in enumerate(order):
        allv = np.concatenate([p[0] for p in groups[key]["parts"]])
        lo, hi = allv.min(axis=0), allv.max(axis=0)
        instances.append(Instance(i + 1, key, groups[key]["label"], tuple(ranges[key]),
                                  (tuple(float(x) for x in lo), tuple(float(x) for x in hi))))
    f32 = np.float32
    if n == 0:
        empty = np.zeros((0, 3), f32)
        return SceneData(empty, empty, empty, empty, np.zeros(0, np.int32), [], _lights(stage, xcache), 0)
    return SceneData(np.concatenate(verts).astype(f32), np.concatenate(norms).astype(f32),
                     np.concatenate(albedo).astype(f32), np.concatenate(mat).astype(f32),
                     np.concatenate(inst), instances, _lights(stage, xcache), opaque,
                     np.concatenate(uvs).astype(f32), np.concatenate(tex), list(textures))


def _path(p: str) -> Sdf.Path:
    return Sdf.Path(p)
