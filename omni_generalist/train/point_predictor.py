"""The learned asset-level placer: a vision-language model marks a pixel on a top-down render of a
support surface, the ray through that pixel meets the surface, and the thing goes there.

* :class:`TopCamera` frames a surface from straight above; :meth:`TopCamera.camera` is the render
  camera (its near plane clips what stands above the surface's clearance, e.g. the board over a
  shelf), :func:`surface_png` renders through it, :func:`surface_to_pixel` and
  :func:`pixel_to_surface` map between the picture and the surface;
* :func:`point_records` turns placements into supervised chat records (ask for a thing, answer its
  pixel), in the record format of :mod:`.trajectories`; :func:`world_point_records` makes them from
  a built world (each small thing resting on another object, asked on a render of its surface
  without it) — the self-improvement rounds train on those of the selected worlds, so the
  predictor learns from procedural placements first and then from the loop's best worlds;
* :func:`learned_layout` places things where the model marks them.
"""

from __future__ import annotations

import base64
import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PlacementError
from ..world.model import ObjectInfo
from .placement import Pose, Size, Surface, surfaces_of

if TYPE_CHECKING:
    from pxr import Usd

    from ..render.cameras import Camera


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

    def camera(self) -> Camera:
        """The render camera of this view; everything higher than the clearance above the surface is
        clipped by its near plane (the board over a shelf, the owner's frame)."""
        from ..render.cameras import Camera

        ex, ey, h = self.eye
        s = self.surface
        x, y = s.to_world(ex, ey)
        a = math.radians(s.owner.yaw)
        return Camera((x, y, s.top + h), (x, y, s.top), self.width, self.height, self.fov_deg,
                      up=(-math.sin(a), math.cos(a), 0.0), near=max(0.02, h - s.clearance + 0.005), far=h + 1.0,
                      name=f"top_{s.owner.name}")


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


def surface_png(stage: Usd.Stage, cam: TopCamera, hide: Iterable[str] = (), renderer: Any = None) -> bytes | None:
    """A top-down render (PNG) of the surface through :meth:`TopCamera.camera`, leaving out the prims
    in ``hide``; None when nothing can render here (no EGL driver, no render extra)."""
    import io

    from PIL import Image

    from ..errors import GeneralistError

    own = renderer is None
    try:
        from ..render.base import get_renderer

        rend = renderer or get_renderer("fast")
        try:
            result = rend.render(stage, cam.camera(), hide=frozenset(hide), occlusion=False)
        finally:
            if own:
                rend.close()
    except (GeneralistError, ImportError):
        return None
    buf = io.BytesIO()
    Image.fromarray(result.rgb).save(buf, format="PNG")
    return buf.getvalue()


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


def point_records(cam: TopCamera, categories: list[str], poses: list[Pose], image_ref: str | None = None,
                  episode: str | None = None) -> list[dict[str, Any]]:
    """Supervised records for the point predictor from a placement: ask for each thing, answer its pixel."""
    out = []
    for k, (cat, (x, y, _z, _yaw)) in enumerate(zip(categories, poses, strict=True)):
        u, v = surface_to_pixel(cam, x, y)
        user: list[dict[str, Any]] = [{"type": "text", "text": point_prompt(cat, cam)}]
        if image_ref:
            user.append({"type": "image_url", "image_url": {"url": image_ref}})
        out.append({"episode": episode or f"place_{cam.surface.owner.name}", "step": k, "image": image_ref,
                    "messages": [{"role": "user", "content": user}, {"role": "assistant", "content": f"{u} {v}"}]})
    return out


def surface_under(owner: ObjectInfo, obj: ObjectInfo) -> Surface | None:
    """The support surface of ``owner`` that ``obj`` stands on (its height and its footprint's centre)."""
    for s in surfaces_of(owner):
        lx, ly = s.to_local(obj.position[0], obj.position[1])
        if abs(s.top - obj.bottom) <= 0.02 and s.x0 <= lx <= s.x1 and s.y0 <= ly <= s.y1:
            return s
    return None


def world_point_records(world: str | Path, out: str | Path, episode: str, limit: int = 8,
                        images: bool = True) -> list[dict[str, Any]]:
    """Point-predictor records from a built world: for each small thing resting on another object (at most
    ``limit``, in name order), the question on a render of its surface without it and its pixel as the answer.

    The renders go to ``out/images/<episode>_<k>.png`` (the records' ``image``, relative to ``out``);
    a record has no image when ``images`` is off or nothing can render here.
    """
    from ..errors import GeneralistError
    from ..render.files import write_bytes_atomic
    from ..world.model import list_objects
    from ..world.stage import open_stage

    stage = open_stage(world)
    objects = list_objects(stage)
    by_path = {o.path: o for o in objects}
    found = []
    for o in sorted(objects, key=lambda o: o.name):
        owner = by_path.get(o.support)
        surface = surface_under(owner, o) if owner is not None and o.movable else None
        if surface is not None and len(found) < limit:
            found.append((o, surface))
    if not found:
        return []
    renderer = None
    try:
        from ..render.base import get_renderer

        renderer = get_renderer("fast") if images else None
    except (GeneralistError, ImportError):
        pass
    out = Path(out)
    records: list[dict[str, Any]] = []
    try:
        for k, (o, surface) in enumerate(found):
            cam = TopCamera(surface)
            png = surface_png(stage, cam, hide=(o.path,), renderer=renderer) if renderer is not None else None
            ref = None
            if png is not None:
                ref = f"images/{episode}_{k:03d}.png"
                (out / "images").mkdir(parents=True, exist_ok=True)
                write_bytes_atomic(out / ref, png)
            (rec,) = point_records(cam, [o.category], [(*o.position, o.yaw)], ref, episode)
            rec["step"] = k
            records.append(rec)
    finally:
        if renderer is not None:
            renderer.close()
    return records


POINT_FILE = "placement.jsonl"
"""Where :func:`write_point_records` writes (beside ``episodes.jsonl`` or a round's ``selected.jsonl``)."""


def write_point_records(worlds: Iterable[tuple[str | Path, str]], out: str | Path, limit: int = 8,
                        images: bool = True) -> tuple[Path, int]:
    """Write the point-predictor records of ``(world folder, episode id)`` pairs (:func:`world_point_records`)
    to ``out/placement.jsonl`` (atomically; renders in ``out/images/``). Returns the file and its record count."""
    import json

    from ..io import write_text_atomic

    records = [rec for world, episode in worlds for rec in world_point_records(world, out, episode, limit, images)]
    path = Path(out) / POINT_FILE
    write_text_atomic(path, "".join(json.dumps(rec, sort_keys=True) + "\n" for rec in records))
    return path, len(records)


def predict_point(backend: Any, cam: TopCamera, category: str, image_png: bytes | None) -> tuple[float, float] | None:
    """Ask a chat model (``hf:``/``openai:`` backend) for a pixel and cast it onto the surface (None: no usable answer)."""
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


__all__ = ["POINT_FILE", "TopCamera", "learned_layout", "parse_point", "pixel_to_surface", "point_prompt", "point_records",
           "predict_point", "surface_png", "surface_to_pixel", "surface_under", "world_point_records", "write_point_records"]
