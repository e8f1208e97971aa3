"""``preview.png``: a collage of one perspective view of the room and the labelled plan view."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pxr import Usd

from ..config import RenderConfig
from ..world.layout import is_ceiling
from ..world.model import list_objects, rooms
from .base import Renderer, RenderResult, get_renderer
from .cameras import plan_view, room_views
from .files import write_png


def ceiling_paths(stage: Usd.Stage) -> frozenset[str]:
    """Prim paths to hide in a plan view: the ceiling and objects hanging from it."""
    paths = {r.ceiling for r in rooms(stage)}
    for o in list_objects(stage):
        if is_ceiling(o.support) or o.placement == "ceiling":
            paths.add(o.path)
    return frozenset(paths)


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def label_plan(stage: Usd.Stage, result: RenderResult) -> Image.Image:
    """Draw each visible object's category at its centre on a plan-view render (overlaps are skipped)."""
    img = Image.fromarray(result.rgb)
    draw = ImageDraw.Draw(img)
    font = _font(max(10, result.camera.width // 40))
    visible = {result.instances[i].path for i in result.visible()}
    objs = [o for o in list_objects(stage) if o.path in visible]
    objs.sort(key=lambda o: -(o.size[0] * o.size[1]))  # big things get their label first
    taken: list[tuple[float, float, float, float]] = []
    for o in objs:
        x, y = result.camera.project(np.array([[o.position[0], o.position[1], o.top]]))[0]
        text = o.category
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        w, h = right - left, bottom - top
        box = (x - w / 2 - 2, y - h / 2 - 2, x + w / 2 + 2, y + h / 2 + 2)
        if any(box[0] < q[2] and q[0] < box[2] and box[1] < q[3] and q[1] < box[3] for q in taken):
            continue
        taken.append(box)
        draw.rectangle(box, fill=(255, 255, 255, 255), outline=(60, 60, 60))
        draw.text((x - w / 2 - left, y - h / 2 - top), text, fill=(20, 20, 20), font=font)
    from ..world.home import home_rooms

    big = _font(max(12, result.camera.width // 28))
    for r in home_rooms(stage):  # a home: each room's name near its centre, in blue
        xs, ys = [p[0] for p in r.polygon], [p[1] for p in r.polygon]
        x, y = result.camera.project(np.array([[(min(xs) + max(xs)) / 2, min(ys) + 0.35, 0.0]]))[0]
        text = r.name.replace("_", " ")
        left, top, right, bottom = draw.textbbox((0, 0), text, font=big)
        w, h = right - left, bottom - top
        draw.rectangle((x - w / 2 - 3, y - h / 2 - 3, x + w / 2 + 3, y + h / 2 + 3), fill=(225, 235, 255), outline=(40, 70, 160))
        draw.text((x - w / 2 - left, y - h / 2 - top), text, fill=(20, 40, 130), font=big)
    return img


def render_preview(stage: Usd.Stage, config: RenderConfig | None = None, renderer: Renderer | None = None) -> Image.Image:
    """Return the preview collage: the widest room view beside the labelled plan view.

    Args:
        stage: the world.
        config: sizes (``preview_width``, ``preview_height``, ``hfov_deg``); defaults when None.
        renderer: a renderer to reuse; the fast rasteriser when None.
    """
    cfg = config or RenderConfig()
    own = renderer is None
    rend = renderer or get_renderer("fast")
    try:
        w, h = cfg.preview_width, cfg.preview_height
        view = room_views(stage, w, h, cfg.hfov_deg, count=1)[0]
        persp = rend.render(stage, view, occlusion=False)
        plan = rend.render(stage, plan_view(stage, w, h), hide=ceiling_paths(stage), occlusion=False)
    finally:
        if own:
            rend.close()
    out = Image.new("RGB", (2 * w + 6, h), (255, 255, 255))
    out.paste(Image.fromarray(persp.rgb), (0, 0))
    out.paste(label_plan(stage, plan), (w + 6, 0))
    return out


def write_preview(stage: Usd.Stage, path: str | Path, config: RenderConfig | None = None,
                  renderer: Renderer | None = None) -> Path:
    """Render the preview collage of ``stage`` and write it to ``path`` (PNG, atomically)."""
    write_png(path, render_preview(stage, config, renderer))
    return Path(path)
