"""Automatic annotation of one loaded asset: category, scale, up axis and front, support surfaces,
collision, volume and mass, and whether it is a scene rather than an object.

Each value can be overridden by a sidecar JSON the user writes beside the file (``<file>.json``,
e.g. ``mug.obj.json`` holding ``{"category": "mug", "scale": 0.001, "up": "Y"}``); see docs/assets.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..catalog import catalog
from .load import Model, matrix_quat
from .names import Label, label_from_name, label_from_names, names_a_scene, shape_prior

UNIT_CANDIDATES = (1.0, 0.001, 0.01, 0.0254, 0.1)
"""Scales tried for a mesh without units metadata (meters, millimeters, centimeters, inches, decimeters)."""
SCENE_EXTENT_M = 4.0
"""A description wider than this (or holding a floor plane) is a scene or background, not an object."""
SIDECAR_KEYS = ("category", "scale", "up", "front_yaw", "mass", "kind")


@dataclass
class Annotation:
    """What the annotator found out about an asset (all lengths in meters, asset frame Z-up, front +Y)."""

    label: Label
    kind: str = "object"
    """"object" (used in worlds) or "scene" (indexed, not placed as an object)."""
    scale: float = 1.0
    up: str = "Z"
    front_yaw: float = 0.0
    """Yaw (degrees) turning the file's front to +Y."""
    size: tuple[float, float, float] = (0.0, 0.0, 0.0)
    surfaces: list[list[float]] = field(default_factory=list)
    """[z, x0, y0, x1, y1, clearance, inside] of each support surface (object frame)."""
    collision: str = "own"
    volume: float = 0.0
    mass: float = 0.0
    articulated: bool = False
    joints: list[dict] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)


def read_sidecar(path: Path) -> dict:
    """The user's overrides for ``path`` (``<file>.json``), {} when there is none; bad JSON raises ValueError."""
    side = path.with_name(path.name + ".json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"sidecar {side.name} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"sidecar {side.name} must hold a JSON object")
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        raise ValueError(f"sidecar {side.name}: unknown keys {', '.join(unknown)} (known: {', '.join(SIDECAR_KEYS)})")
    return data


def up_rotation(up: str) -> np.ndarray:
    """The smallest rotation taking the file's up axis ("X", "Y", "Z", optionally "-Y" …) to +Z."""
    sign = -1.0 if up.startswith("-") else 1.0
    u = sign * np.eye(3)["XYZ".index(up.lstrip("+-").upper())]
    if u[2] > 0.999:
        return np.eye(3)
    if u[2] < -0.999:
        return np.diag([1.0, -1.0, -1.0])
    axis = np.cross(u, [0.0, 0.0, 1.0])
    axis /= np.linalg.norm(axis)
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    return np.eye(3) + k + k @ k  # a quarter turn: sin = 1, 1 - cos = 1


def yaw_matrix(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1.0]])


STABLE_MIN = 0.002
"""A side the hull comes to rest on with at least this probability is one the object can stand on (a
potted plant on its pot's base: 0.4 %, as its leaves are wider than the pot)."""
AXES = {"Z": (0, 0, 1), "-Z": (0, 0, -1), "Y": (0, 1, 0), "-Y": (0, -1, 0), "X": (1, 0, 0), "-X": (-1, 0, 0)}


def _resting_probabilities(points: np.ndarray) -> dict[str, float]:
    """How likely the object comes to rest on each axis-aligned side (quasi-static drop of its hull)."""
    import trimesh

    try:
        hull = trimesh.Trimesh(points, process=True).convex_hull
        transforms, probs = trimesh.poses.compute_stable_poses(hull, n_samples=1, threshold=0.0)
    except Exception:  # noqa: BLE001 - degenerate meshes
        return {}
    ups = [np.linalg.inv(t)[:3, :3] @ np.array([0, 0, 1.0]) for t in transforms]  # the file's axis that ends up +Z
    return {name: float(sum(p for u, p in zip(ups, probs, strict=True)
                            if float(np.dot(u, v)) > math.cos(math.radians(15))))
            for name, v in AXES.items()}


def choose_up(tris: np.ndarray, default: str, category: str | None) -> str:
    """The up axis of the usual upright pose.

    Among the sides the object can rest on (statically stable sides of its hull), the one whose height
    and footprint match the category's usual proportions (a milk carton stands, a book lies flat). The
    file's own up direction is kept when it lies on that axis and the object can rest on it (its author
    stood it so: a potted plant or a table, whose surfaces are high, keeps its base down); when the
    object lay in its file, the direction with the lower centre of mass (area-weighted surface
    centroid: a carton on its base, a bowl open side up).
    """
    pts = tris.reshape(-1, 3)
    if len(pts) < 4:
        return default
    probs = _resting_probabilities(pts)
    stable = [n for n in AXES if probs.get(n, 1.0) >= STABLE_MIN] or list(AXES)
    cat = catalog().find(category) if category else None
    ext = pts.max(axis=0) - pts.min(axis=0)
    cands = stable
    if cat is not None:
        w, d, h = ((lo + hi) / 2 for lo, hi in zip(cat.size_min, cat.size_max, strict=True))
        want = math.log(max(h, 1e-4) / max(w, d, 1e-4))

        def misfit(name: str) -> float:
            i = "XYZ".index(name.lstrip("-"))
            foot = max(ext[j] for j in range(3) if j != i)
            return abs(math.log(max(ext[i], 1e-6) / max(foot, 1e-6)) - want)
        best = min(misfit(n) for n in stable)
        cands = [n for n in stable if misfit(n) <= best + 0.25]
    if default in cands and (cat is None or len({c.lstrip("-") for c in cands}) > 1 or default.lstrip("-") == cands[0].lstrip("-")):
        axis_names = [default]
    else:
        axis_names = cands
    # between an axis and its opposite: the lower centre of mass (area-weighted surface centroid)
    area = 0.5 * np.linalg.norm(np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0]), axis=1)
    com = (tris.mean(axis=1) * area[:, None]).sum(axis=0) / max(area.sum(), 1e-12)

    def com_height(name: str) -> float:
        v = np.array(AXES[name], dtype=float)
        proj = pts @ v
        return float((com @ v - proj.min()) / max(proj.max() - proj.min(), 1e-9))
    pool = set()
    for n in axis_names:
        pool |= {n, ("-" + n) if not n.startswith("-") else n[1:]}
    pool = [n for n in pool if n in stable] or list(pool)
    if default in pool:
        return default
    return min(pool, key=com_height)


def _fit_units(extent: np.ndarray, category: str | None) -> float:
    """Guess the length unit of a mesh without metadata from the category's usual size (else plausibility)."""
    cat = catalog().find(category) if category else None
    big = float(max(extent.max(), 1e-9))
    if cat is not None:
        target = math.sqrt(max(cat.size_min) * max(cat.size_max))
    else:
        target = 0.4
    return min(UNIT_CANDIDATES, key=lambda u: abs(math.log(big * u / target)))


def _plausible(extent: np.ndarray, label: Label) -> bool:
    """False when the object's largest side is more than 10 times off its category's usual range."""
    cat = catalog().find(label.category) if label.known and label.category else None
    if cat is None:
        return True
    big = float(extent.max())
    return max(cat.size_min) / 10 <= big <= max(cat.size_max) * 10


def support_surfaces(tris: np.ndarray, min_area: float = 0.0009, limit: int = 6) -> list[list[float]]:
    """Upward faces clustered by height into rectangles with the clearance above them (object frame)."""
    if not len(tris):
        return []
    e1, e2 = tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0]
    n = np.cross(e1, e2)
    area = 0.5 * np.linalg.norm(n, axis=1)
    up = (n[:, 2] / np.maximum(2 * area, 1e-12)) > 0.9
    cz = tris.mean(axis=1)[:, 2]
    top = float(tris[:, :, 2].max())
    out = []
    if not up.any():
        return out
    bins = np.round(cz[up] / 0.01).astype(int)
    idx = np.nonzero(up)[0]
    for b in np.unique(bins):
        sel = idx[bins == b]
        if area[sel].sum() < min_area:
            continue
        xy = tris[sel][:, :, :2].reshape(-1, 2)
        # the central 90 % of the faces' corners: a stray rim face does not stretch the rectangle
        (x0, y0), (x1, y1) = np.percentile(xy, 5, axis=0), np.percentile(xy, 95, axis=0)
        z = float(cz[sel].mean())
        centres = tris.mean(axis=1)
        above = (centres[:, 2] > z + 0.02) & (centres[:, 0] > x0) & (centres[:, 0] < x1) & \
                (centres[:, 1] > y0) & (centres[:, 1] < y1)
        inside = bool(above.any())
        clearance = float(centres[above, 2].min() - z) if inside else max(1.0, top - z)
        out.append([round(v, 4) for v in (z, x0, y0, x1, y1, clearance, float(inside))])
    out.sort(key=lambda s: -(s[3] - s[1]) * (s[4] - s[2]))
    return out[:limit]


def _hull_volume(points: np.ndarray) -> float:
    from scipy.spatial import ConvexHull, QhullError

    if len(points) < 4:
        return 0.0
    try:
        return float(ConvexHull(points).volume)
    except (QhullError, ValueError):
        return 0.0


def annotate(path: Path, model: Model, sidecar: dict | None = None, use_model: bool = True) -> Annotation:
    """Annotate ``model`` (read from ``path``); ``sidecar`` values win over what is found."""
    side = dict(sidecar or {})
    names = [(lab, "usd label") for lab in model.usd_labels] + model.names
    pts = model.world_points()
    # the metric size when the file says its units: a category found by meaning must fit it
    metric = tuple(float(v) * model.units_m for v in np.ptp(pts, axis=0)) \
        if model.units_m is not None and len(pts) else None
    label = label_from_names(names, use_model=use_model, size=metric)
    if "category" in side:
        given = str(side["category"]).strip().lower()
        found = catalog().find(given)
        label = Label(found.name if found else given, found is not None, 1.0, "sidecar", given)
    ann = Annotation(label=label, overridden=sorted(side))
    if not len(pts):
        if model.planes:
            ann.kind = "scene"
            return ann
        raise ValueError("it has no visible geometry (nothing to place)")
    # up axis: metadata (USD, MJCF/URDF, glTF), else the most likely resting pose
    up = side.get("up")
    if up is None and (model.joints or model.format == "usd"):
        up = model.up or "Z"  # a description's own frame: what opens keeps its hinges where they are
    if up is None:
        prior = label.category if label.known else \
            shape_prior(label.text, metric) if use_model and label.category else None
        up = choose_up(model.world_triangles(), model.up or "Z", prior)
    ann.up = str(up)
    rot = up_rotation(ann.up)
    # front: the side the moving parts (doors, drawers) are on faces +Y
    if "front_yaw" in side:
        ann.front_yaw = float(side["front_yaw"])
    elif model.joints:
        body = [p.points for p in model.parts if p.link == "body"]
        centre = (np.vstack(body) @ rot.T).mean(axis=0) if body else (pts @ rot.T).mean(axis=0)
        links = {lk.name: lk for lk in model.links}
        from .load import transform

        children = {j.child for j in model.joints}
        moving = [transform(p.points, links[p.link].pos, links[p.link].quat) for p in model.parts if p.link in children]
        moving = np.vstack(moving) if moving else np.array([links[c].pos for c in children])
        d = (moving @ rot.T).mean(axis=0) - centre
        if abs(d[0]) > abs(d[1]):
            ann.front_yaw = 90.0 if d[0] > 0 else -90.0
        else:
            ann.front_yaw = 0.0 if d[1] >= 0 else 180.0
    rot = yaw_matrix(ann.front_yaw) @ rot
    p = pts @ rot.T
    extent = p.max(axis=0) - p.min(axis=0)
    if "scale" in side:
        ann.scale = float(side["scale"])
    elif model.units_m is not None and _plausible(extent * model.units_m, label):
        ann.scale = float(model.units_m)
    else:  # no units, or units that make it absurd for what it is (a 177 m fridge: centimeters)
        ann.scale = _fit_units(extent, label.category if label.known else None)
    ann.size = tuple(round(float(v) * ann.scale, 4) for v in extent)
    horizontal = max(ann.size[0], ann.size[1])
    named_scene = any(names_a_scene(n) for n, src in model.names if src in ("file name", "folder name"))
    ann.kind = str(side.get("kind") or ("scene" if model.planes or horizontal > SCENE_EXTENT_M or named_scene
                                        or (model.usd_kind == "assembly" and horizontal > 2.5) else "object"))
    lo = p.min(axis=0)
    offset = -np.array([(p[:, 0].max() + lo[0]) / 2, (p[:, 1].max() + lo[1]) / 2, lo[2]])
    tris = (model.world_triangles() @ rot.T + offset) * ann.scale
    ann.surfaces = support_surfaces(tris)
    if model.colliders and any(len(c) for _, c in model.colliders):
        ann.collision = "own"
        links = {lk.name: lk for lk in model.links}
        from .load import transform

        ann.volume = sum(_hull_volume(transform(c, links[lk].pos, links[lk].quat) * ann.scale) for lk, c in model.colliders)
    else:
        ann.collision = "own" if model.colliders else "decomposition"
        ann.volume = _hull_volume(pts * ann.scale) * 0.6  # a hull over-counts hollow shapes; 0.6 as for a mug
    cat = catalog().find(label.category) if label.known and label.category else None
    ann.mass = round(float(side.get("mass", (cat.density if cat else 400.0) * ann.volume)), 4)
    ann.volume = round(ann.volume, 7)
    ann.articulated = bool(model.joints)
    ann.joints = [{"name": j.name, "kind": j.kind, "lower": round(j.lower, 4), "upper": round(j.upper, 4)}
                  for j in model.joints]
    ann._rot = rot  # type: ignore[attr-defined] - used by the converter, not stored
    ann._offset = offset  # type: ignore[attr-defined]
    return ann


def unlabelled_description(ann: Annotation) -> str:
    """How an unlabelled asset is reported: its size and shape, never a guessed name."""
    w, d, h = ann.size
    dims = sorted((w, d, h))
    shape = ("flat" if dims[0] < 0.25 * dims[1] else "long" if dims[2] > 3 * dims[1] else "compact")
    return f"{w:.2f} x {d:.2f} x {h:.2f} m, {shape}, upright {'taller than wide' if h > max(w, d) else 'wider than tall'}"


__all__ = ["Annotation", "annotate", "read_sidecar", "support_surfaces", "unlabelled_description", "label_from_name",
           "matrix_quat"]
