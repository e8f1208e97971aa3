"""Cameras and automatic viewpoints: inside-the-room views, a top-down plan, a 360° panorama.

Conventions follow USD/OpenGL: a camera looks down its local −Z with +Y up; the world is Z-up
in meters. Matrices here are column-vector (``clip = P @ V @ world``); the Replicator-style
``camera_params`` write their transposes (row-vector, as ``Gf.Matrix4d``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from pxr import Usd

from ..errors import InputError, WorldFormatError
from ..world.geometry import point_in_polygon, polygon_area, polygon_bounds
from ..world.layout import is_floor
from ..world.model import ObjectInfo, list_objects, room_info

HORIZONTAL_APERTURE_MM = 20.955
"""USD's default camera aperture; focal lengths in ``camera_params`` are relative to it."""

KINDS = ("perspective", "orthographic", "equirect")


@dataclass(frozen=True)
class Camera:
    """A camera: where it is, what it looks at, its image size and projection.

    ``kind`` is ``perspective`` (``hfov_deg`` horizontal field of view), ``orthographic``
    (``ortho_width`` meters across) or ``equirect`` (a 360°×180° panorama, 2:1 image; the image
    centre looks along ``target - eye`` projected on the floor plane).
    """

    eye: tuple[float, float, float]
    target: tuple[float, float, float]
    width: int = 512
    height: int = 512
    hfov_deg: float = 75.0
    kind: str = "perspective"
    up: tuple[float, float, float] = (0.0, 0.0, 1.0)
    ortho_width: float = 10.0
    near: float = 0.05
    far: float = 100.0
    name: str = "camera"

    def __post_init__(self) -> None:
        check_size(self.width, self.height)
        if self.kind not in KINDS:
            raise InputError(f"unknown camera kind {self.kind!r} (use {', '.join(KINDS)})")
        if self.kind == "perspective" and not 1.0 <= self.hfov_deg <= 170.0:
            raise InputError(f"field of view {self.hfov_deg}° is out of range (1–170)")
        if np.linalg.norm(np.subtract(self.target, self.eye)) < 1e-6:
            raise InputError("a camera's target must differ from its eye")

    def resized(self, width: int, height: int) -> Camera:
        """Return the same camera at another image size."""
        return replace(self, width=width, height=height)

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def vfov_deg(self) -> float:
        return math.degrees(2 * math.atan(math.tan(math.radians(self.hfov_deg) / 2) / self.aspect))

    @property
    def focal_length_mm(self) -> float:
        """Focal length for :data:`HORIZONTAL_APERTURE_MM` (USD camera convention)."""
        return HORIZONTAL_APERTURE_MM / (2 * math.tan(math.radians(self.hfov_deg) / 2))

    def basis(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the camera's right, up and backward (+Z) unit axes in world space."""
        f = np.subtract(self.target, self.eye).astype(np.float64)
        f /= np.linalg.norm(f)
        up = np.asarray(self.up, dtype=np.float64)
        if abs(float(np.dot(f, up))) > 0.999:  # looking straight up/down: north (+Y) is up
            up = np.array([0.0, 1.0, 0.0])
        r = np.cross(f, up)
        r /= np.linalg.norm(r)
        u = np.cross(r, f)
        return r, u, -f

    def view_matrix(self) -> np.ndarray:
        """World → camera (4×4, column vectors)."""
        r, u, b = self.basis()
        e = np.asarray(self.eye, dtype=np.float64)
        m = np.eye(4)
        m[0, :3], m[1, :3], m[2, :3] = r, u, b
        m[:3, 3] = -m[:3, :3] @ e
        return m

    def projection_matrix(self) -> np.ndarray:
        """Camera → clip (4×4 OpenGL, column vectors). Identity for panoramas."""
        n, f = self.near, self.far
        p = np.zeros((4, 4))
        if self.kind == "perspective":
            t = 1.0 / math.tan(math.radians(self.vfov_deg) / 2)
            p[0, 0], p[1, 1] = t / self.aspect, t
            p[2, 2], p[2, 3], p[3, 2] = (f + n) / (n - f), 2 * f * n / (n - f), -1.0
        elif self.kind == "orthographic":
            hw = self.ortho_width / 2
            hh = hw / self.aspect
            p[0, 0], p[1, 1], p[2, 2] = 1 / hw, 1 / hh, -2 / (f - n)
            p[2, 3], p[3, 3] = -(f + n) / (f - n), 1.0
        else:
            p = np.eye(4)
        return p

    def intrinsics(self) -> np.ndarray:
        """Pinhole intrinsics ``K`` (pixels, origin at the top-left corner) of a perspective camera."""
        fx = self.width / (2 * math.tan(math.radians(self.hfov_deg) / 2))
        return np.array([[fx, 0, self.width / 2], [0, fx, self.height / 2], [0, 0, 1.0]])

    def project(self, points: np.ndarray) -> np.ndarray:
        """Project world points (N×3) to pixel coordinates (N×2, x right, y down)."""
        pts = np.c_[np.asarray(points, dtype=np.float64), np.ones(len(points))]
        clip = (self.projection_matrix() @ self.view_matrix() @ pts.T).T
        ndc = clip[:, :2] / clip[:, 3:4]
        return np.c_[(ndc[:, 0] + 1) / 2 * self.width, (1 - ndc[:, 1]) / 2 * self.height]

    def ray_directions(self) -> np.ndarray:
        """World-space unit ray per pixel centre (H×W×3)."""
        ys, xs = np.mgrid[0:self.height, 0:self.width].astype(np.float64) + 0.5
        r, u, b = self.basis()
        if self.kind == "equirect":
            lon = (0.5 - xs / self.width) * 2 * math.pi
            lat = (0.5 - ys / self.height) * math.pi
            fwd = -b.copy()
            fwd[2] = 0.0
            fwd = fwd / (np.linalg.norm(fwd) or 1.0) if np.linalg.norm(fwd) > 1e-6 else np.array([1.0, 0, 0])
            left = np.cross([0.0, 0.0, 1.0], fwd)
            d = (np.cos(lat)[..., None] * (np.cos(lon)[..., None] * fwd + np.sin(lon)[..., None] * left)
                 + np.sin(lat)[..., None] * np.array([0.0, 0.0, 1.0]))
            return d
        if self.kind == "orthographic":
            return np.broadcast_to(-b, (self.height, self.width, 3)).copy()
        t = math.tan(math.radians(self.hfov_deg) / 2)
        px = (2 * xs / self.width - 1) * t
        py = (1 - 2 * ys / self.height) * t / self.aspect
        d = px[..., None] * r + py[..., None] * u - b
        return d / np.linalg.norm(d, axis=-1, keepdims=True)


def check_size(width: int, height: int, limit: int = 16384) -> None:
    """Raise :class:`InputError` unless ``width`` and ``height`` are whole numbers in 1..limit."""
    for name, v in (("width", width), ("height", height)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 1 <= int(v) <= limit:
            raise InputError(f"image {name} must be a whole number from 1 to {limit}, got {v!r}")


def _room_geometry(stage: Usd.Stage) -> tuple[list[tuple[float, float]], float]:
    room = room_info(stage)
    if room is None:
        raise WorldFormatError("the world has no room: there is nothing to look at")
    return room.polygon, room.height


def _interior_point(poly: list[tuple[float, float]]) -> tuple[float, float]:
    """A point inside the polygon, close to its centroid (the centroid itself when it is inside)."""
    cx = sum(p[0] for p in poly) / len(poly)
    cy = sum(p[1] for p in poly) / len(poly)
    if point_in_polygon((cx, cy), poly):
        return cx, cy
    x0, y0, x1, y1 = polygon_bounds(poly)
    best, bd = (cx, cy), float("inf")
    for i in range(1, 20):
        for j in range(1, 20):
            p = (x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * j / 20)
            if point_in_polygon(p, poly) and _clearance(p, poly) > 0.3:
                d = math.dist(p, (cx, cy))
                if d < bd:
                    best, bd = p, d
    return best


def _clearance(p: tuple[float, float], poly: list[tuple[float, float]]) -> float:
    best = float("inf")
    for i in range(len(poly)):
        a, b = np.array(poly[i]), np.array(poly[(i + 1) % len(poly)])
        ab = b - a
        t = float(np.clip(np.dot(np.subtract(p, a), ab) / max(np.dot(ab, ab), 1e-12), 0, 1))
        best = min(best, float(np.linalg.norm(np.subtract(p, a + t * ab))))
    return best


def line_of_sight(a: tuple[float, float], b: tuple[float, float], poly: list[tuple[float, float]]) -> bool:
    """True when the floor-plane segment ``a``–``b`` crosses no wall of the room polygon."""
    def orient(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    for i in range(len(poly)):
        c, d = poly[i], poly[(i + 1) % len(poly)]
        if (orient(a, b, c) * orient(a, b, d) < 0) and (orient(c, d, a) * orient(c, d, b) < 0):
            return False
    return True


def _blocked(p: tuple[float, float], z: float, objs: list[ObjectInfo], margin: float = 0.3) -> bool:
    """True when an eye at ``p``, height ``z`` would be inside or right above/beside one of ``objs``.

    Flat things (rugs) and things hanging above the eye do not count.
    """
    for o in objs:
        if o.size[2] < 0.15 or o.bottom > z + 0.1:
            continue
        if point_in_polygon(p, o.footprint.inflated(margin).corners()):
            return True
    return False


def eye_height(room_height: float) -> float:
    """Camera height for room views: standing eye height, kept under the ceiling."""
    return max(0.3, min(1.6, room_height - 0.25))


def room_views(stage: Usd.Stage, width: int = 512, height: int = 512, hfov_deg: float = 80.0,
               count: int | None = None, per_room: int = 1) -> list[Camera]:
    """Cameras in the room's corners at eye height, looking at the room centre.

    Each eye is inset from its corner along the bisector until it is inside the room, clear of
    the walls (≥ 0.3 m) and of tall objects, and sees the centre without crossing a wall.
    Views are ordered from the widest (longest sight line) first. In a home: the ``per_room``
    widest views of each room (named ``<room>_corner_<i>``), the largest room first.

    Raises:
        WorldFormatError: the world has no room.
    """
    from ..world.home import home_rooms

    homes = home_rooms(stage)
    objs = list_objects(stage)
    if homes:  # a home: the widest views of each room, the largest room first (docs/homes.md)
        out = []
        for r in sorted(homes, key=lambda r: -polygon_area(r.polygon)):
            mine = [o for o in objs if o.room == r.name]
            for cam in _corner_views(mine, r.polygon, r.height, width, height, hfov_deg)[:max(1, per_room)]:
                out.append(replace(cam, name=f"{r.name}_{cam.name}"))
        return out[:count] if count else out
    poly, h = _room_geometry(stage)
    out = _corner_views(objs, poly, h, width, height, hfov_deg)
    return out[:count] if count else out


def _corner_views(objs: list[ObjectInfo], poly: list[tuple[float, float]], h: float, width: int, height: int,
                  hfov_deg: float) -> list[Camera]:
    """Views from a room's corners towards its centre, the widest first (see :func:`room_views`)."""
    z = eye_height(h)
    cx, cy = _interior_point(poly)
    target = (cx, cy, min(0.9, h * 0.35))
    cams: list[tuple[float, Camera]] = []
    for i, corner in enumerate(poly):
        v = np.subtract((cx, cy), corner)
        dist = float(np.linalg.norm(v))
        if dist < 1e-6:
            continue
        v /= dist
        for inset in np.arange(0.35, dist * 0.8, 0.15):
            p = (float(corner[0] + v[0] * inset), float(corner[1] + v[1] * inset))
            if (point_in_polygon(p, poly) and _clearance(p, poly) >= 0.3 and line_of_sight(p, (cx, cy), poly)
                    and not _blocked(p, z, objs)):
                cams.append((math.dist(p, (cx, cy)), Camera((p[0], p[1], z), target, width, height, hfov_deg,
                                                            name=f"corner_{i}")))
                break
    if not cams:  # a tiny or cluttered room: stand at the centre and look along the longest wall
        x0, y0, x1, y1 = polygon_bounds(poly)
        d = (1.0, 0.0, 0.0) if x1 - x0 >= y1 - y0 else (0.0, 1.0, 0.0)
        cams.append((0.0, Camera((cx, cy, z), (cx + d[0], cy + d[1], z - 0.3), width, height, hfov_deg,
                                 name="centre")))
    cams.sort(key=lambda c: -c[0])
    return [c for _, c in cams]


def object_view(stage: Usd.Stage, name: str, width: int = 512, height: int = 512, hfov_deg: float = 60.0) -> Camera:
    """A camera that looks at the object ``name`` (prim name or category) from a clear spot in the room.

    Raises:
        InputError: no object of that name or category.
    """
    objs = list_objects(stage)
    obj = next((o for o in objs if o.name == name), None) or next((o for o in objs if o.category == name), None)
    if obj is None:
        raise InputError(f"no object named {name!r} (objects: {', '.join(o.name for o in objs)})")
    return _object_view(stage, obj, objs, width, height, hfov_deg)


def object_views(stage: Usd.Stage, width: int = 512, height: int = 512, hfov_deg: float = 60.0,
                 min_height: float = 0.1) -> list[Camera]:
    """A view of each floor object at least ``min_height`` tall; in a home the rooms take turns
    (one object of each room, then the next), so the first views cover every room."""
    objs = list_objects(stage)
    by_room: dict[str, list[ObjectInfo]] = {}
    for o in objs:
        if is_floor(o.support) and o.size[2] > min_height:
            by_room.setdefault(o.room, []).append(o)
    order = [o for k in range(max((len(v) for v in by_room.values()), default=0))
             for v in by_room.values() if k < len(v) for o in (v[k],)]
    return [_object_view(stage, o, objs, width, height, hfov_deg) for o in order]


def _object_view(stage: Usd.Stage, obj: ObjectInfo, objs: list[ObjectInfo], width: int, height: int,
                 hfov_deg: float) -> Camera:
    """The view of :func:`object_view`, from inside the object's own room (a home's rooms have walls
    between them), among ``objs``."""
    from ..world.model import rooms

    own = next((r for r in rooms(stage) if obj.room and r.name == obj.room), None)
    poly, h = (own.polygon, own.height) if own is not None else _room_geometry(stage)
    near = [o for o in objs if not own or o.room == own.name]
    centre = (obj.position[0], obj.position[1], obj.position[2] + obj.size[2] / 2)
    radius = max(0.25, math.hypot(obj.size[0], obj.size[1]) / 2, obj.size[2] / 2)
    want = radius / math.tan(math.radians(hfov_deg) / 2) * 1.6 + 0.3
    best: tuple[float, tuple[float, float]] | None = None
    z = min(eye_height(h), max(0.6, centre[2] + 0.6))
    for k in range(24):
        ang = 2 * math.pi * k / 24
        for d in (want, want * 1.3, want * 0.8, want * 1.7, want * 0.6):
            p = (centre[0] + d * math.cos(ang), centre[1] + d * math.sin(ang))
            if not (point_in_polygon(p, poly) and _clearance(p, poly) >= 0.25 and line_of_sight(p, centre[:2], poly)):
                continue
            if _blocked(p, z, near):
                continue
            score = abs(d - want) + 0.1 * abs(ang)
            if best is None or score < best[0]:
                best = (score, p)
            break
    if best is None:
        cx, cy = _interior_point(poly)
        best = (0.0, (cx, cy))
    p = best[1]
    return Camera((p[0], p[1], z), centre, width, height, hfov_deg, name=f"look_{obj.name}")


def plan_view(stage: Usd.Stage, width: int = 512, height: int = 512, margin: float = 0.3) -> Camera:
    """A top-down orthographic camera over the whole room (north, +Y, up in the image)."""
    poly, h = _room_geometry(stage)
    x0, y0, x1, y1 = polygon_bounds(poly)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max(x1 - x0, (y1 - y0) * width / height) + 2 * margin
    z = h + 5.0
    return Camera((cx, cy, z), (cx, cy, 0.0), width, height, kind="orthographic", up=(0.0, 1.0, 0.0),
                  ortho_width=w, near=0.1, far=z + 1.0, name="plan")


def panorama_camera(stage: Usd.Stage, width: int = 2048, height: int | None = None) -> Camera:
    """A 360° equirectangular camera (2:1) at eye height in the room centre (a home's largest room);
    its image centre looks +X."""
    from ..world.model import rooms

    every = rooms(stage)
    poly, h = ((max(every, key=lambda r: polygon_area(r.polygon)).polygon, every[0].height) if len(every) > 1
               else _room_geometry(stage))
    height = height if height is not None else width // 2
    cx, cy = _interior_point(poly)
    z = eye_height(h)
    return Camera((cx, cy, z), (cx + 1.0, cy, z), width, height, kind="equirect", name="panorama")
