"""Asset-level placement: many small things on a support surface, densely and without overlap.

Two placers share one surface model (:class:`Surface`, an object's declared support surfaces —
table tops, shelf boards with their clearance, container floors — see ``surfaces`` in
docs/world-format.md):

* :func:`dense_layout` (the default, procedural): packs footprints in rows across the surface
  in a random order with a small gap, skipping things taller than the surface's clearance
  (between shelf boards); :func:`stack_layout` piles things (plates, books, boxes) upwards;
* the learned point predictor: a vision-language model marks a pixel on a top-down render of the
  surface (:class:`TopCamera`), :func:`pixel_to_surface` casts the ray through it onto the
  surface, and the thing goes there. :func:`point_records` turns procedural placements into its
  supervised chat records (the pixel of each placed thing), in the format of :mod:`.trajectories`.

:func:`placement_code` writes a layout as action code (``add_object(..., position=(x, y, z))``), so
placements run in the sandbox, are logged and replay like any action; physics then settles them.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from typing import Any

from ..errors import PlacementError
from ..world.model import ObjectInfo

Size = tuple[float, float, float]
Pose = tuple[float, float, float, float]
"""``(x, y, z, yaw_degrees)`` of an object's bottom centre in the world."""


@dataclass
class Surface:
    """A support surface of an object: a rectangle in the owner's frame at height ``z`` above its base."""

    owner: ObjectInfo
    z: float
    x0: float
    y0: float
    x1: float
    y1: float
    clearance: float
    inside: bool = False

    @property
    def top(self) -> float:
        """World height of the surface."""
        return self.owner.position[2] + self.z

    def to_world(self, lx: float, ly: float) -> tuple[float, float]:
        """A point of the owner's frame in world x, y."""
        return self.owner.footprint.to_world(lx, ly)

    def to_local(self, x: float, y: float) -> tuple[float, float]:
        """A world x, y in the owner's frame."""
        a = math.radians(self.owner.yaw)
        dx, dy = x - self.owner.position[0], y - self.owner.position[1]
        return dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)


def surfaces_of(obj: ObjectInfo) -> list[Surface]:
    """The object's support surfaces, lowest first."""
    from ..actions.placement import support_surfaces

    return sorted((Surface(obj, *s) for s in support_surfaces(obj)), key=lambda s: s.z)


def dense_layout(surface: Surface, sizes: list[Size], rng: random.Random, gap: float = 0.01,
                 margin: float = 0.01) -> list[Pose]:
    """Place every size on ``surface`` in rows, in a random order, ``gap`` apart and ``margin`` from the edges.

    Raises:
        PlacementError: a thing is taller than the clearance above the surface, or they do not all fit.
    """
    for _w, _d, h in sizes:
        if h > surface.clearance - margin:
            raise PlacementError(f"a thing {h:.2f} m tall does not fit under the {surface.clearance:.2f} m "
                                 f"clearance above this surface of {surface.owner.name}")
    order = list(range(len(sizes)))
    rng.shuffle(order)
    order.sort(key=lambda i: -sizes[i][1])  # deep things first: rows of similar depth waste less
    width = surface.x1 - surface.x0 - 2 * margin
    local: dict[int, tuple[float, float]] = {}
    x, y, row_depth = 0.0, 0.0, 0.0
    for i in order:
        w, d, _ = sizes[i]
        if x + w > width:  # next row
            x, y, row_depth = 0.0, y + row_depth + gap, 0.0
        if w > width or y + d > surface.y1 - surface.y0 - 2 * margin:
            raise PlacementError(f"{len(sizes)} things do not fit on {surface.owner.name} "
                                 f"({width:.2f} x {surface.y1 - surface.y0 - 2 * margin:.2f} m usable)")
        local[i] = (surface.x0 + margin + x + w / 2, surface.y0 + margin + y + d / 2)
        x += w + gap
        row_depth = max(row_depth, d)
    # spread the rows over the free depth so the layout fills the surface evenly
    used = y + row_depth
    slack = (surface.y1 - surface.y0 - 2 * margin - used) / 2
    out = []
    for i in range(len(sizes)):
        lx, ly = local[i]
        wx, wy = surface.to_world(lx, ly + slack)
        out.append((wx, wy, surface.top, surface.owner.yaw))
    return out


def stack_layout(x: float, y: float, z: float, sizes: list[Size], yaw: float = 0.0) -> list[Pose]:
    """Poses of a stack at ``(x, y)`` from height ``z``: each thing rests on the one below."""
    out, top = [], z
    for _, _, h in sizes:
        out.append((x, y, top, yaw))
        top += h
    return out


def placement_code(categories: list[str], sizes: list[Size], poses: list[Pose]) -> str:
    """The action code that adds each thing at its pose (``add_object(..., position=(x, y, z))``)."""
    lines = []
    for cat, (w, d, h), (x, y, z, yaw) in zip(categories, sizes, poses, strict=True):
        lines.append(f"add_object({cat!r}, size=({w:.4f}, {d:.4f}, {h:.4f}), position=({x:.4f}, {y:.4f}, {z:.4f}), "
                     f"rotation={yaw:.3f})")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ the point predictor

@dataclass
class TopCamera:
    """A pinhole camera looking straight down at a surface's centre (image ``u`` right = +x, ``v`` down = −y
    in the surface owner's frame)."""

    surface: Surface
    width: int = 256
    height: int = 256
    fov_deg: float = 60.0
    margin: float = 1.1

    @property
    def focal(self) -> float:
        return self.width / 2 / math.tan(math.radians(self.fov_deg) / 2)

    @property
    def eye(self) -> tuple[float, float, float]:
        """Local x, y and the height above the surface that frames the whole surface."""
        s = self.surface
        half = max((s.x1 - s.x0) / 2, (s.y1 - s.y0) / 2 * self.width / self.height) * self.margin
        return (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2, half * self.focal / (self.width / 2)


def surface_to_pixel(cam: TopCamera, x: float, y: float) -> tuple[int, int]:
    """The pixel a world point of the surface projects to."""
    lx, ly = cam.surface.to_local(x, y)
    ex, ey, h = cam.eye
    u = cam.width / 2 + cam.focal * (lx - ex) / h
    v = cam.height / 2 - cam.focal * (ly - ey) / h
    return int(round(u)), int(round(v))


def pixel_to_surface(cam: TopCamera, u: float, v: float) -> tuple[float, float] | None:
    """Cast the ray through pixel ``(u, v)`` onto the surface plane: world x, y, or None off the surface."""
    ex, ey, h = cam.eye
    # ray direction in the owner's frame: (du, dv, -1) scaled by the height to the plane (z = 0 there)
    lx = ex + (u - cam.width / 2) * h / cam.focal
    ly = ey - (v - cam.height / 2) * h / cam.focal
    s = cam.surface
    if not (s.x0 <= lx <= s.x1 and s.y0 <= ly <= s.y1):
        return None
    return s.to_world(lx, ly)


POINT_RE = re.compile(r"(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)")


def point_prompt(category: str, cam: TopCamera) -> str:
    """What the model is asked: mark a free spot for ``category`` on the top-down picture."""
    return (f"The picture is a top-down view ({cam.width} x {cam.height} pixels) of the top of "
            f"{cam.surface.owner.name}. Mark a free spot where a {category} can stand: reply with the "
            "pixel as two numbers, x y.")


def parse_point(reply: str) -> tuple[float, float] | None:
    """The first ``x y`` pair of a reply, or None."""
    m = POINT_RE.search(reply or "")
    return (float(m.group(1)), float(m.group(2))) if m else None


def point_records(cam: TopCamera, categories: list[str], poses: list[Pose], image_ref: str | None = None
                  ) -> list[dict[str, Any]]:
    """Supervised records for the point predictor from a placement: ask for each thing, answer its pixel."""
    out = []
    for k, (cat, (x, y, _z, _yaw)) in enumerate(zip(categories, poses, strict=True)):
        u, v = surface_to_pixel(cam, x, y)
        user: list[dict[str, Any]] = [{"type": "text", "text": point_prompt(cat, cam)}]
        if image_ref:
            user.append({"type": "image_url", "image_url": {"url": image_ref}})
        out.append({"episode": f"place_{cam.surface.owner.name}", "step": k, "image": image_ref,
                    "messages": [{"role": "user", "content": user}, {"role": "assistant", "content": f"{u} {v}"}]})
    return out


def predict_point(backend: Any, cam: TopCamera, category: str, image_png: bytes | None) -> tuple[float, float] | None:
    """Ask a chat model (``hf:``/``openai:`` backend) for a pixel and cast it onto the surface (None: no usable answer)."""
    import base64

    content: list[dict[str, Any]] = [{"type": "text", "text": point_prompt(category, cam)}]
    if image_png is not None:
        content.append({"type": "image_url",
                        "image_url": {"url": "data:image/png;base64," + base64.b64encode(image_png).decode()}})
    point = parse_point(backend.complete([{"role": "user", "content": content}], image_png))
    return pixel_to_surface(cam, *point) if point else None


def _fits(surface: Surface, size: Size, x: float, y: float, placed: list, gap: float, margin: float) -> bool:
    from ..world.geometry import Footprint, footprints_overlap

    w, d, _ = size
    lx, ly = surface.to_local(x, y)
    if not (surface.x0 + margin + w / 2 <= lx <= surface.x1 - margin - w / 2
            and surface.y0 + margin + d / 2 <= ly <= surface.y1 - margin - d / 2):
        return False
    fp = Footprint(x, y, w + gap, d + gap, surface.owner.yaw)
    return not any(footprints_overlap(fp, other) for other in placed)


def learned_layout(backend: Any, surface: Surface, categories: list[str], sizes: list[Size], rng: random.Random,
                   image_png: bytes | None = None, gap: float = 0.01, margin: float = 0.01,
                   tries: int = 200) -> tuple[list[Pose], int]:
    """Place each thing where the model marks it; an unusable mark (no pixel, off the surface, on a thing
    already placed) falls back to a random free spot. Returns the poses and how many the model chose.

    Raises:
        PlacementError: a thing is taller than the clearance, or no free spot is left for it.
    """
    from ..world.geometry import Footprint

    placed: list[Footprint] = []
    out: list[Pose] = []
    chosen = 0
    cam = TopCamera(surface)
    for cat, size in zip(categories, sizes, strict=True):
        if size[2] > surface.clearance - margin:
            raise PlacementError(f"a {cat} {size[2]:.2f} m tall does not fit under the {surface.clearance:.2f} m "
                                 f"clearance above this surface of {surface.owner.name}")
        point = predict_point(backend, cam, cat, image_png)
        if point is not None and _fits(surface, size, *point, placed, gap, margin):
            chosen += 1
        else:
            point = None
            for _ in range(tries):
                lx = rng.uniform(surface.x0 + margin + size[0] / 2, surface.x1 - margin - size[0] / 2)
                ly = rng.uniform(surface.y0 + margin + size[1] / 2, surface.y1 - margin - size[1] / 2)
                if _fits(surface, size, *surface.to_world(lx, ly), placed, gap, margin):
                    point = surface.to_world(lx, ly)
                    break
            if point is None:
                raise PlacementError(f"no free spot left on {surface.owner.name} for a {cat}")
        placed.append(Footprint(point[0], point[1], size[0] + gap, size[1] + gap, surface.owner.yaw))
        out.append((point[0], point[1], surface.top, surface.owner.yaw))
    return out, chosen


__all__ = ["Surface", "TopCamera", "dense_layout", "learned_layout", "parse_point", "pixel_to_surface", "placement_code",
           "point_prompt", "point_records", "predict_point", "stack_layout", "surface_to_pixel", "surfaces_of"]
