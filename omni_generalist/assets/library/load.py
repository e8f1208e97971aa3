"""Reading one asset file into a common :class:`Model`: links, visual meshes, colliders, joints, names.

MJCF through MuJoCo's own compiler (defaults, includes, ``.msh`` meshes, the body tree), URDF by its
XML with trimesh for the meshes, standalone meshes (OBJ+MTL, STL, PLY, glTF/GLB, MuJoCo ``.msh``)
through trimesh, USD through pxr (read for annotation only: a USD asset is referenced, not converted).
Every loader raises :class:`AssetError` with a one-line reason for a file it cannot use.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MESH_EXTS = (".obj", ".stl", ".ply", ".glb", ".gltf", ".msh")
USD_EXTS = (".usd", ".usda", ".usdc", ".usdz")
DESCRIPTION_EXTS = (".urdf", ".xml", ".mjcf") + USD_EXTS


class AssetError(Exception):
    """A file that cannot be used as an asset (the message says why, in one line)."""


@dataclass
class Part:
    """A visual mesh in its link's frame."""

    name: str
    link: str
    points: np.ndarray
    faces: np.ndarray
    color: tuple[float, float, float, float] = (0.7, 0.7, 0.7, 1.0)
    material: str = ""
    texture: str | None = None
    """A texture image file, or None."""
    image: object | None = None
    """A texture image held in memory (a PIL image from a GLB or an OBJ's MTL), or None."""
    uv: np.ndarray | None = None
    uv_index: np.ndarray | None = None
    """Per face corner indices into ``uv`` (faceVarying), shape of ``faces``; None: ``uv`` is per vertex."""


@dataclass
class Link:
    name: str
    pos: np.ndarray
    quat: np.ndarray
    """Orientation (w, x, y, z) in the asset frame."""


@dataclass
class JointDef:
    name: str
    kind: str
    """"revolute" (limits in degrees) or "prismatic" (meters)."""
    parent: str
    child: str
    anchor: np.ndarray
    """Pivot in the asset frame."""
    axis: np.ndarray
    """Unit axis in the asset frame."""
    lower: float
    upper: float


@dataclass
class Model:
    """One asset as read from its file (asset frame: the file's own, before annotation)."""

    format: str
    links: list[Link] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    colliders: list[tuple[str, np.ndarray]] = field(default_factory=list)
    """(link, convex point cloud in the link's frame): the description's own collision geometry."""
    joints: list[JointDef] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)
    """(name, source) pairs naming the asset, most trusted first."""
    units_m: float | None = None
    up: str | None = None
    usd_labels: list[str] = field(default_factory=list)
    usd_kind: str = ""
    planes: int = 0
    """Infinite planes (floors) in the description: a scene, not an object."""
    references: list[str] = field(default_factory=list)

    def world_points(self) -> np.ndarray:
        """Every visual vertex in the asset frame (at the rest pose)."""
        poses = {lk.name: lk for lk in self.links}
        out = [transform(p.points, poses[p.link].pos, poses[p.link].quat) for p in self.parts if len(p.points)]
        return np.vstack(out) if out else np.zeros((0, 3))

    def world_triangles(self) -> np.ndarray:
        """Every visual triangle in the asset frame, shape (n, 3, 3)."""
        poses = {lk.name: lk for lk in self.links}
        out = []
        for p in self.parts:
            if len(p.faces):
                pts = transform(p.points, poses[p.link].pos, poses[p.link].quat)
                out.append(pts[p.faces])
        return np.concatenate(out) if out else np.zeros((0, 3, 3))


# ----------------------------------------------------------------------------- maths
def quat_matrix(q) -> np.ndarray:
    w, x, y, z = (float(v) for v in q)
    return np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
                     [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
                     [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]])


def matrix_quat(m: np.ndarray) -> np.ndarray:
    from scipy.spatial.transform import Rotation

    x, y, z, w = Rotation.from_matrix(m).as_quat()
    return np.array([w, x, y, z])


def transform(points: np.ndarray, pos, quat) -> np.ndarray:
    return np.asarray(points, dtype=float) @ quat_matrix(quat).T + np.asarray(pos, dtype=float)


def inverse_transform(points: np.ndarray, pos, quat) -> np.ndarray:
    return (np.asarray(points, dtype=float) - np.asarray(pos, dtype=float)) @ quat_matrix(quat)


def _primitive(kind: str, size) -> tuple[np.ndarray, np.ndarray]:
    import trimesh

    if kind == "box":
        m = trimesh.creation.box(extents=2 * np.asarray(size[:3], dtype=float))
    elif kind == "sphere":
        m = trimesh.creation.icosphere(subdivisions=2, radius=float(size[0]))
    elif kind == "capsule":
        m = trimesh.creation.capsule(height=2 * float(size[1]), radius=float(size[0]), count=[12, 6])
    elif kind == "cylinder":
        m = trimesh.creation.cylinder(radius=float(size[0]), height=2 * float(size[1]), sections=16)
    elif kind == "ellipsoid":
        m = trimesh.creation.icosphere(subdivisions=2, radius=1.0)
        m.apply_scale(np.asarray(size[:3], dtype=float))
    else:
        raise AssetError(f"unsupported primitive {kind!r}")
    return np.asarray(m.vertices, dtype=float), np.asarray(m.faces, dtype=np.int64)


# ----------------------------------------------------------------------------- MJCF
def is_mjcf(path: Path) -> bool:
    """True when ``path`` is a MuJoCo model (an XML whose root is ``<mujoco>``)."""
    try:
        for _event, elem in ET.iterparse(path, events=("start",)):
            return elem.tag == "mujoco"
    except (ET.ParseError, OSError):
        return False
    return False


def mjcf_references(path: Path) -> list[Path]:
    """Files an MJCF names (meshes, textures, includes), resolved like MuJoCo does."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return []
    comp = root.find("compiler")
    base = path.parent
    assetdir = (comp.get("assetdir") if comp is not None else None) or ""
    meshdir = (comp.get("meshdir") if comp is not None else None) or assetdir
    texdir = (comp.get("texturedir") if comp is not None else None) or assetdir
    out = []
    for el in root.iter():
        f = el.get("file")
        if not f:
            continue
        sub = meshdir if el.tag in ("mesh", "hfield", "skin") else texdir if el.tag == "texture" else ""
        out.append((base / sub / f).resolve())
    return out


def _drop_missing_textures(spec, path: Path) -> None:
    """Forget textures whose image file is missing (a path from its author's machine): the asset
    loads untextured instead of not at all."""
    base = path.parent / (spec.compiler.texturedir or "")
    missing = set()
    for tex in list(spec.textures):
        if tex.file and not (base / tex.file).is_file() and not Path(tex.file).is_file():
            missing.add(tex.name)
            spec.delete(tex)
    if missing:
        for mat in spec.materials:
            mat.textures = ["" if t in missing else t for t in mat.textures]


REPAIRS = 6
"""How many authoring slips :func:`_mjcf_spec` mends in one file before it gives up."""


def _mjcf_spec(mujoco, path: Path):
    """The MjSpec of an MJCF file, mending slips other loaders let pass: elements MuJoCo does not know
    (a loader's own annotations, such as LIBERO's ``<region>``) are dropped, and an asset name defined
    twice names its later definition apart (each reference after it means the later one)."""
    try:
        return mujoco.MjSpec.from_file(str(path))
    except ValueError as exc:
        first = str(exc)
    root = ET.parse(path).getroot()
    for _ in range(REPAIRS):
        unknown = re.search(r"unrecognized element\s*\nElement '([^']+)'", first)
        repeated = re.search(r"repeated name '([^']+)' in (\w+)", first)
        if unknown:
            for parent in root.iter():
                for child in [c for c in parent if c.tag == unknown.group(1)]:
                    parent.remove(child)
        elif repeated:
            name, tag, seen, current = repeated.group(1), repeated.group(2), 0, repeated.group(1)
            for el in root.iter():
                if el.tag == tag and el.get("name") == name:
                    seen += 1
                    current = name if seen == 1 else f"{name}__{seen}"
                    el.set("name", current)
                    continue
                for key, value in el.attrib.items():
                    if value == name and key != "name":
                        el.set(key, current)
        else:
            break
        try:
            spec = mujoco.MjSpec.from_string(ET.tostring(root, encoding="unicode"))
            spec.modelfiledir = str(path.parent)
            spec.compile()
            return spec
        except ValueError as exc:
            first = str(exc)
    raise ValueError(first)


def load_mjcf(path: Path) -> Model:
    """Read an MJCF body tree: links are bodies with a hinge or slide joint (others join their parent)."""
    try:
        import mujoco
    except ImportError as exc:  # pragma: no cover - the physics extra
        raise AssetError("reading MJCF needs the 'physics' extra (mujoco)") from exc
    try:
        # a description made for a larger scene may leave its bodies massless (LIBERO's microwave):
        # bound mass and inertia, as simulators loading such parts do
        spec = _mjcf_spec(mujoco, path)
        spec.compiler.boundmass = 1e-4
        spec.compiler.boundinertia = 1e-8
        _drop_missing_textures(spec, path)
        m = spec.compile()
    except Exception as exc:  # noqa: BLE001 - MuJoCo raises ValueError with its compiler message
        raise AssetError(f"MuJoCo cannot compile it: {str(exc).strip().splitlines()[0][:200]}") from None
    d = mujoco.MjData(m)
    mujoco.mj_forward(m, d)
    model = Model(format="mjcf", units_m=1.0, up="Z")
    name = lambda kind, i: mujoco.mj_id2name(m, kind, i) or ""  # noqa: E731
    OBJ = mujoco.mjtObj
    link_of = {0: "body"}
    model.links.append(Link("body", np.zeros(3), np.array([1.0, 0, 0, 0])))
    for b in range(1, m.nbody):
        parent = int(m.body_parentid[b])
        jn = [j for j in range(m.body_jntadr[b], m.body_jntadr[b] + m.body_jntnum[b])
              if int(m.jnt_type[j]) in (int(mujoco.mjtJoint.mjJNT_HINGE), int(mujoco.mjtJoint.mjJNT_SLIDE))]
        if not jn:
            link_of[b] = link_of[parent]
            continue
        lname = name(OBJ.mjOBJ_BODY, b) or f"link_{b}"
        lname = _unique(lname, {lk.name for lk in model.links})
        link_of[b] = lname
        model.links.append(Link(lname, d.xpos[b].copy(), d.xquat[b].copy()))
        j = jn[0]
        hinge = int(m.jnt_type[j]) == int(mujoco.mjtJoint.mjJNT_HINGE)
        lo, hi = (float(v) for v in m.jnt_range[j])
        if lo >= hi:  # no range given (a range given with limited="false" still says how far it opens)
            lo, hi = (-math.pi, math.pi) if hinge else (0.0, 0.1)
        if hinge:
            lo, hi = math.degrees(lo), math.degrees(hi)
        model.joints.append(JointDef(name(OBJ.mjOBJ_JOINT, j) or f"{lname}_joint", "revolute" if hinge else "prismatic",
                                     link_of[parent], lname, d.xanchor[j].copy(), d.xaxis[j].copy(), lo, hi))
    poses = {lk.name: lk for lk in model.links}
    collide = (m.geom_contype != 0) | (m.geom_conaffinity != 0)
    visual_only = not collide.all()
    for g in range(m.ngeom):
        gtype = int(m.geom_type[g])
        if gtype in (int(mujoco.mjtGeom.mjGEOM_PLANE), int(mujoco.mjtGeom.mjGEOM_HFIELD)):
            model.planes += 1
            continue
        link = link_of[int(m.geom_bodyid[g])]
        if gtype == int(mujoco.mjtGeom.mjGEOM_MESH):
            mid = int(m.geom_dataid[g])
            va, vn = m.mesh_vertadr[mid], m.mesh_vertnum[mid]
            fa, fn = m.mesh_faceadr[mid], m.mesh_facenum[mid]
            pts, faces = m.mesh_vert[va:va + vn].astype(float), m.mesh_face[fa:fa + fn].astype(np.int64)
        else:
            G = mujoco.mjtGeom
            kind = {int(G.mjGEOM_BOX): "box", int(G.mjGEOM_SPHERE): "sphere", int(G.mjGEOM_CAPSULE): "capsule",
                    int(G.mjGEOM_CYLINDER): "cylinder", int(G.mjGEOM_ELLIPSOID): "ellipsoid"}.get(gtype)
            if kind is None:
                continue
            pts, faces = _primitive(kind, m.geom_size[g])
            mid = -1
        gq = matrix_quat(d.geom_xmat[g].reshape(3, 3))
        world = transform(pts, d.geom_xpos[g], gq)
        local = inverse_transform(world, poses[link].pos, poses[link].quat)
        if collide[g]:
            model.colliders.append((link, local))
        if collide[g] and visual_only:
            continue
        if m.geom_rgba[g][3] < 0.05:
            continue
        part = Part(name(OBJ.mjOBJ_GEOM, g) or f"geom_{g}", link, local, faces)
        matid = int(m.geom_matid[g])
        rgba = m.mat_rgba[matid] if matid >= 0 else m.geom_rgba[g]
        part.color = tuple(float(v) for v in rgba)
        if matid >= 0:
            part.material = name(OBJ.mjOBJ_MATERIAL, matid)
            texid = int(np.ravel(m.mat_texid[matid])[1]) if np.ndim(m.mat_texid) > 1 else int(m.mat_texid[matid])
            if texid >= 0 and m.tex_pathadr[texid] >= 0 and mid >= 0 and m.mesh_texcoordnum[mid] > 0:
                part.texture = _cstring(m.paths, int(m.tex_pathadr[texid]))
                ta, tn = m.mesh_texcoordadr[mid], m.mesh_texcoordnum[mid]
                uv = m.mesh_texcoord[ta:ta + tn].astype(float).copy()
                uv[:, 1] = 1.0 - uv[:, 1]  # MuJoCo stores v flipped (image rows top-down)
                part.uv = uv
                part.uv_index = m.mesh_facetexcoord[fa:fa + fn].astype(np.int64)
        model.parts.append(part)
    root = ET.parse(path).getroot()
    model.names = [(path.stem, "file name"), (path.parent.name, "folder name"),
                   (root.get("model", ""), "model name")]
    model.names += [(name(OBJ.mjOBJ_BODY, b), "body name") for b in range(1, m.nbody)]
    model.names += [(name(OBJ.mjOBJ_MATERIAL, i), "material name") for i in range(m.nmat)]
    model.references = [str(p) for p in mjcf_references(path)]
    return model


def _cstring(buf: bytes, adr: int) -> str:
    end = buf.index(b"\x00", adr)
    return buf[adr:end].decode("utf-8", "replace")


def _unique(name: str, taken: set[str]) -> str:
    base, i = name, 1
    while name in taken:
        name = f"{base}_{i}"
        i += 1
    return name


# ----------------------------------------------------------------------------- URDF
def _origin(el) -> tuple[np.ndarray, np.ndarray]:
    o = el.find("origin") if el is not None else None
    xyz = np.array([float(v) for v in (o.get("xyz", "0 0 0") if o is not None else "0 0 0").split()])
    rpy = [float(v) for v in (o.get("rpy", "0 0 0") if o is not None else "0 0 0").split()]
    from scipy.spatial.transform import Rotation

    x, y, z, w = Rotation.from_euler("xyz", rpy).as_quat()
    return xyz, np.array([w, x, y, z])


def _compose(pa, qa, pb, qb):
    return pa + quat_matrix(qa) @ pb, matrix_quat(quat_matrix(qa) @ quat_matrix(qb))


def urdf_references(path: Path) -> list[Path]:
    """Mesh and texture files a URDF names (``package://`` resolved against the URDF's folder)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return []
    out = []
    for el in root.iter():
        f = el.get("filename")
        if f:
            out.append(_urdf_path(path, f))
    return out


def _urdf_path(path: Path, f: str) -> Path:
    if f.startswith("file://"):
        f = f[7:]
    if f.startswith("package://"):
        rest = f[len("package://"):].split("/", 1)
        f = rest[1] if len(rest) > 1 else rest[0]
        for base in (path.parent, path.parent.parent):
            if (base / f).exists():
                return (base / f).resolve()
    return (path.parent / f).resolve()


def _urdf_geometry(path: Path, geo) -> tuple[np.ndarray, np.ndarray, Part | None]:
    mesh = geo.find("mesh")
    if mesh is not None:
        file = _urdf_path(path, mesh.get("filename", ""))
        if not file.is_file():
            raise AssetError(f"URDF names a missing mesh: {mesh.get('filename')}")
        scale = np.array([float(v) for v in mesh.get("scale", "1 1 1").split()])
        sub = load_mesh(file)
        pts = np.vstack([p.points for p in sub.parts]) * scale
        faces, off = [], 0
        for p in sub.parts:
            faces.append(p.faces + off)
            off += len(p.points)
        return pts, np.vstack(faces), (sub.parts[0] if len(sub.parts) == 1 else None)
    for kind in ("box", "cylinder", "sphere"):
        el = geo.find(kind)
        if el is None:
            continue
        if kind == "box":
            return (*_primitive("box", [float(v) / 2 for v in el.get("size").split()]), None)
        if kind == "cylinder":
            return (*_primitive("cylinder", [float(el.get("radius")), float(el.get("length")) / 2]), None)
        return (*_primitive("sphere", [float(el.get("radius"))]), None)
    raise AssetError("URDF geometry without a mesh, box, cylinder or sphere")


def load_urdf(path: Path) -> Model:
    """Read a URDF: links joined by fixed joints merge; revolute, continuous and prismatic joints move."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise AssetError(f"not valid XML: {exc}") from None
    if root.tag != "robot":
        raise AssetError("not a URDF (the root element is not <robot>)")
    missing = sorted({str(p.name) for p in urdf_references(path) if not p.is_file()})
    if missing:
        raise AssetError(f"URDF names {len(missing)} missing file(s): {', '.join(missing[:5])}")
    links = {el.get("name"): el for el in root.findall("link")}
    joints = root.findall("joint")
    children = {j.find("child").get("link") for j in joints}
    roots = [n for n in links if n not in children]
    if len(roots) != 1:
        raise AssetError(f"URDF has {len(roots)} root links (one expected)")
    model = Model(format="urdf", units_m=1.0, up="Z")
    pose = {roots[0]: (np.zeros(3), np.array([1.0, 0, 0, 0]))}
    link_of = {roots[0]: "body"}
    model.links.append(Link("body", np.zeros(3), np.array([1.0, 0, 0, 0])))
    pending = list(joints)
    while pending:
        progressed = False
        for j in list(pending):
            parent, child = j.find("parent").get("link"), j.find("child").get("link")
            if parent not in pose:
                continue
            pending.remove(j)
            progressed = True
            p, q = _compose(*pose[parent], *_origin(j))
            pose[child] = (p, q)
            kind = j.get("type", "fixed")
            if kind in ("revolute", "continuous", "prismatic"):
                link_of[child] = child
                model.links.append(Link(child, p, q))
                ax = j.find("axis")
                axis = np.array([float(v) for v in (ax.get("xyz") if ax is not None else "1 0 0").split()])
                lim = j.find("limit")
                lo = float(lim.get("lower", 0)) if lim is not None else 0.0
                hi = float(lim.get("upper", 0)) if lim is not None else 0.0
                if kind == "continuous" or lo >= hi:
                    lo, hi = (-math.pi, math.pi) if kind != "prismatic" else (0.0, 0.1)
                if kind != "prismatic":
                    lo, hi = math.degrees(lo), math.degrees(hi)
                model.joints.append(JointDef(j.get("name", child), "prismatic" if kind == "prismatic" else "revolute",
                                             link_of[parent], child, p.copy(), quat_matrix(q) @ axis, lo, hi))
            else:
                link_of[child] = link_of[parent]
        if not progressed:
            raise AssetError("URDF joints do not form a tree")
    poses = {lk.name: lk for lk in model.links}
    for lname, el in links.items():
        if lname not in pose:
            continue
        lp, lq = pose[lname]
        target = poses[link_of[lname]]
        for tag in ("visual", "collision"):
            for i, item in enumerate(el.findall(tag)):
                geo = item.find("geometry")
                if geo is None:
                    continue
                pts, faces, src = _urdf_geometry(path, geo)
                gp, gq = _compose(lp, lq, *_origin(item))
                local = inverse_transform(transform(pts, gp, gq), target.pos, target.quat)
                if tag == "collision":
                    model.colliders.append((target.name, local))
                    continue
                part = Part(f"{lname}_{i}", target.name, local, faces)
                if src is not None and src.uv is not None and len(src.uv) == len(pts):
                    part.uv, part.image, part.texture = src.uv, src.image, src.texture
                    part.color = src.color
                mat = item.find("material")
                if mat is not None:
                    part.material = mat.get("name", "")
                    col = mat.find("color")
                    if col is not None:
                        part.color = tuple(float(v) for v in col.get("rgba").split())
                model.parts.append(part)
    model.names = [(path.stem, "file name"), (path.parent.name, "folder name"), (root.get("name", ""), "model name")]
    model.names += [(n, "body name") for n in links]
    model.references = [str(p) for p in urdf_references(path)]
    return model


# ----------------------------------------------------------------------------- meshes
def read_msh(path: Path):
    """Read a MuJoCo binary ``.msh`` mesh (vertex, normal, texcoord and face counts, then arrays)."""
    import trimesh

    raw = path.read_bytes()
    if len(raw) < 16:
        raise AssetError("truncated .msh file")
    nv, nn, nt, nf = np.frombuffer(raw[:16], dtype=np.int32)
    need = 16 + 4 * (3 * nv + 3 * nn + 2 * nt + 3 * nf)
    if min(nv, nn, nt, nf) < 0 or len(raw) != need:
        raise AssetError(f"truncated or malformed .msh file ({len(raw)} bytes, {need} expected)")
    off = 16
    verts = np.frombuffer(raw[off:off + 12 * nv], dtype=np.float32).reshape(-1, 3)
    off += 12 * nv + 12 * nn
    uv = np.frombuffer(raw[off:off + 8 * nt], dtype=np.float32).reshape(-1, 2) if nt else None
    off += 8 * nt
    faces = np.frombuffer(raw[off:off + 12 * nf], dtype=np.int32).reshape(-1, 3)
    mesh = trimesh.Trimesh(verts.astype(float), faces.astype(np.int64), process=False)
    return mesh, (uv.astype(float) if uv is not None and len(uv) == nv else None)


def load_mesh(path: Path) -> Model:
    """Read a standalone mesh file (every sub-mesh a part of one link)."""
    import trimesh

    model = Model(format=path.suffix.lower().lstrip("."))
    ext = path.suffix.lower()
    if ext in (".glb", ".gltf"):
        model.units_m, model.up = 1.0, "Y"  # glTF: meters, +Y up
    elif ext == ".msh":
        model.units_m, model.up = None, "Z"
    model.links.append(Link("body", np.zeros(3), np.array([1.0, 0, 0, 0])))
    if ext == ".msh":
        mesh, uv = read_msh(path)
        model.parts.append(Part(path.stem, "body", np.asarray(mesh.vertices), np.asarray(mesh.faces), uv=uv))
    else:
        try:
            scene = trimesh.load(str(path), force="scene", process=False)
        except Exception as exc:  # noqa: BLE001 - trimesh raises many kinds for a broken file
            raise AssetError(f"cannot read the mesh: {type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}") from None
        geoms = scene.dump() if hasattr(scene, "dump") else [scene]
        for i, g in enumerate(geoms):
            if not isinstance(g, trimesh.Trimesh) or len(g.faces) == 0:
                continue
            part = Part(f"{path.stem}_{i}", "body", np.asarray(g.vertices, dtype=float), np.asarray(g.faces, dtype=np.int64))
            vis = g.visual
            mat = getattr(vis, "material", None)
            if mat is not None:
                part.material = str(getattr(mat, "name", "") or "")
                img = getattr(mat, "image", None) or getattr(mat, "baseColorTexture", None)
                col = getattr(mat, "main_color", None)
                if col is not None:
                    part.color = tuple(float(c) / 255.0 for c in col)
                uv = getattr(vis, "uv", None)
                if img is not None and uv is not None and len(uv) == len(g.vertices):
                    part.image, part.uv = img, np.asarray(uv, dtype=float)
            elif hasattr(vis, "main_color"):
                part.color = tuple(float(c) / 255.0 for c in vis.main_color)
            model.parts.append(part)
        if not model.parts:
            raise AssetError("the file holds no triangles")
    model.names = [(path.stem, "file name"), (path.parent.name, "folder name")]
    model.names += [(p.material, "material name") for p in model.parts if p.material]
    return model


# ----------------------------------------------------------------------------- USD
def load_usd(path: Path) -> Model:
    """Read a USD asset for annotation: its default prim's meshes, labels, kind, units and up axis."""
    from pxr import Usd, UsdGeom, UsdPhysics

    try:
        stage = Usd.Stage.Open(str(path))
    except Exception as exc:  # noqa: BLE001 - pxr raises Tf errors
        raise AssetError(f"USD cannot open it: {str(exc).strip().splitlines()[-1][:200]}") from None
    prim = stage.GetDefaultPrim()
    if not prim:
        raise AssetError("the USD file has no default prim (set one: it is what gets referenced)")
    model = Model(format="usd", units_m=float(UsdGeom.GetStageMetersPerUnit(stage)),
                  up=str(UsdGeom.GetStageUpAxis(stage)))
    model.links.append(Link("body", np.zeros(3), np.array([1.0, 0, 0, 0])))
    model.usd_kind = str(Usd.ModelAPI(prim).GetKind() or "")
    cache = UsdGeom.XformCache()
    root_inv = cache.GetLocalToWorldTransform(prim).GetInverse()
    for p in Usd.PrimRange(prim):
        for attr in p.GetAttributes():
            n = attr.GetName()
            if (n.startswith("semantics:labels:") or n.endswith("semanticData")) and attr.Get():
                val = attr.Get()
                model.usd_labels += [str(v) for v in (val if isinstance(val, (list, tuple)) or hasattr(val, "__len__") and not isinstance(val, str) else [val])]
        if p.HasAPI(UsdPhysics.CollisionAPI):
            model.colliders.append(("body", np.zeros((0, 3))))
        if p.IsA(UsdGeom.Mesh):
            mesh = UsdGeom.Mesh(p)
            pts = np.asarray(mesh.GetPointsAttr().Get() or [], dtype=float)
            counts = list(mesh.GetFaceVertexCountsAttr().Get() or [])
            idx = list(mesh.GetFaceVertexIndicesAttr().Get() or [])
            if not len(pts) or not counts:
                continue
            m = np.array(cache.GetLocalToWorldTransform(p) * root_inv)
            pts = pts @ m[:3, :3] + m[3, :3]
            tris, k = [], 0
            for c in counts:
                tris += [[idx[k], idx[k + i], idx[k + i + 1]] for i in range(1, c - 1)]
                k += c
            model.parts.append(Part(p.GetName(), "body", pts, np.asarray(tris, dtype=np.int64)))
    model.names = [(path.stem, "file name"), (path.parent.name, "folder name"), (prim.GetName(), "model name")]
    return model


def load(path: Path) -> Model:
    """Read any supported asset file (see the module docstring)."""
    ext = path.suffix.lower()
    if ext in USD_EXTS:
        return load_usd(path)
    if ext == ".urdf":
        return load_urdf(path)
    if ext in (".xml", ".mjcf"):
        return load_mjcf(path)
    if ext in MESH_EXTS:
        return load_mesh(path)
    raise AssetError(f"unsupported file type {ext!r}")
