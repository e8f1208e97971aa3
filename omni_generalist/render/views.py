"""``omni-generalist render``: a world's room views, labelled plan and optional panorama as PNGs."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from pxr import Usd

from ..config import RenderConfig
from ..io import atomic_dir, write_json
from ..world.home import is_home
from ..world.stage import open_stage
from .base import Renderer, get_renderer
from .cameras import check_size, panorama_camera, plan_view, room_views
from .dataset import camera_params
from .files import write_png
from .preview import ceiling_paths, label_plan


@dataclass
class RenderOutput:
    """What :func:`render_world` wrote: image paths by view name and seconds per view."""

    out: Path
    images: dict[str, Path]
    seconds: dict[str, float]
    renderer: str


def render_world(world: Usd.Stage | str | Path, out: str | Path, config: RenderConfig | None = None,
                 views: int = 2, panorama: bool = False, renderer: Renderer | None = None,
                 force: bool = False) -> RenderOutput:
    """Render ``views`` corner views (in a home: ``views`` per room, named ``<room>_corner_<i>``), the
    labelled plan of the whole world and (optionally) a panorama into ``out``.

    Writes ``<view>.png`` per view, ``plan.png``, ``panorama.png`` (``--panorama``) and
    ``render.json`` (renderer, seconds and Replicator-style camera parameters per image).

    Raises:
        InputError: bad sizes or view count, an output folder that cannot be written.
        WorldFormatError: a missing or malformed world, or a world without a room.
    """
    cfg = config or RenderConfig()
    check_size(cfg.width, cfg.height)
    check_size(cfg.panorama_width, max(1, cfg.panorama_width // 2))
    if isinstance(views, bool) or not isinstance(views, int) or views < 0:
        from ..errors import InputError

        raise InputError(f"views must be a whole number ≥ 0, got {views!r}")
    stage = world if isinstance(world, Usd.Stage) else open_stage(world)
    home = is_home(stage)
    cams = room_views(stage, cfg.width, cfg.height, cfg.hfov_deg, per_room=views) if views else []
    if views > len(cams) and not home:
        from ..errors import InputError

        raise InputError(f"views: this room has {len(cams)} corner views, {views} were asked for")
    cams = cams if home else cams[:views]
    plan = plan_view(stage, cfg.width, cfg.height)
    own = renderer is None
    rend = renderer or get_renderer(cfg.renderer, samples=cfg.samples, denoise=cfg.denoise)
    images: dict[str, Path] = {}
    seconds: dict[str, float] = {}
    meta: dict[str, dict] = {}
    try:
        with atomic_dir(out, force) as tmp:
            final = Path(out).expanduser().absolute()
            jobs = [(c.name, c, frozenset()) for c in cams] + [("plan", plan, ceiling_paths(stage))]
            if panorama:
                jobs.append(("panorama", replace(panorama_camera(stage, cfg.panorama_width), name="panorama"),
                             frozenset()))
            for name, cam, hide in jobs:
                t0 = time.perf_counter()
                res = rend.render(stage, cam, hide=hide, occlusion=False)
                seconds[name] = round(time.perf_counter() - t0, 3)
                img = label_plan(stage, res) if name == "plan" else res.rgb
                write_png(tmp / f"{name}.png", img)
                images[name] = final / f"{name}.png"
                meta[name] = {"seconds": seconds[name], "camera": camera_params(cam)}
            write_json(tmp / "render.json", {"renderer": rend.name, "images": meta})
    finally:
        if own:
            rend.close()
    return RenderOutput(Path(out).expanduser().absolute(), images, seconds, rend.name)
