"""Dataset export in Kit: Replicator's own ``BasicWriter`` attached to render products.

One render product per camera of the world (``UsdGeom.Camera`` prims under ``/World``; when the
world has none, one camera is created with ``rep.create.camera`` looking at the room from a
corner). ``BasicWriter`` writes RGB, distance to camera, semantic and instance segmentation and
tight 2D boxes for each frame, in its own folder layout; ``rep.orchestrator.step_async`` renders
one frame at a time so that the panel stays responsive and can stop between frames.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import omni.replicator.core as rep
from pxr import Usd, UsdGeom

from ..world.model import room_info
from ..world.stage import WORLD

ProgressFn = Callable[[str, float], Awaitable[None]]

ANNOTATORS: dict[str, bool] = {
    "rgb": True, "distance_to_camera": True, "semantic_segmentation": True, "instance_segmentation": True,
    "bounding_box_2d_tight": True,
}
"""``BasicWriter.initialize`` flags the export turns on."""


@dataclass
class DatasetInfo:
    """What :func:`write_dataset_async` wrote."""

    out: Path
    frames: int
    cameras: list[str] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the panel's log."""
        return (f"{self.frames} frames x {len(self.cameras)} cameras ({', '.join(self.annotators)}) "
                f"written by BasicWriter to {self.out}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {"out": str(self.out), "frames": self.frames, "cameras": self.cameras, "annotators": self.annotators}


def world_cameras(stage: Usd.Stage) -> list[str]:
    """Paths of the camera prims under ``/World``."""
    root = stage.GetPrimAtPath(WORLD)
    if not root:
        return []
    return [str(p.GetPath()) for p in Usd.PrimRange(root) if p.IsA(UsdGeom.Camera)]


NEAR_CLIP_M = 0.02
"""Near clipping distance of the created camera (Replicator's default, 1 world unit, is 1 m here)."""


def _default_camera(stage: Usd.Stage) -> Any:
    room = room_info(stage)
    clip = (NEAR_CLIP_M, 1000.0)
    if room is None:
        return rep.create.camera(position=(4.0, -4.0, 2.5), look_at=(0.0, 0.0, 0.8), clipping_range=clip)
    xs = [p[0] for p in room.polygon]
    ys = [p[1] for p in room.polygon]
    corner = (min(xs) + 0.3, min(ys) + 0.3, min(room.height - 0.2, 2.2))
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, 0.6)
    return rep.create.camera(position=corner, look_at=centre, clipping_range=clip)


async def write_dataset_async(stage: Usd.Stage, out_dir: str | Path, frames: int, width: int = 640,
                              height: int = 480, rt_subframes: int = 4,
                              progress: ProgressFn | None = None) -> DatasetInfo:
    """Render ``frames`` frames of ``stage`` with BasicWriter into ``out_dir``.

    Args:
        stage: the open stage (Replicator renders the stage of the USD context).
        out_dir: output folder (created by the writer).
        frames: number of frames (Replicator randomizers registered on frames fire per frame).
        width: image width in pixels.
        height: image height in pixels.
        rt_subframes: path-tracing subframes per frame (removes ghosting after randomization).
        progress: awaited as ``progress(message, fraction)`` after each frame (may raise to stop).

    Returns:
        Where and what was written.
    """
    out = Path(out_dir).expanduser().absolute()
    cameras: list[Any] = world_cameras(stage)
    names = list(cameras)
    if not cameras:
        cameras = [_default_camera(stage)]
        names = ["(created) omni_generalist camera"]
    products = [rep.create.render_product(cam, (int(width), int(height))) for cam in cameras]
    writer = rep.WriterRegistry.get("BasicWriter")
    writer.initialize(output_dir=str(out), **ANNOTATORS)
    writer.attach(products)
    try:
        for i in range(int(frames)):
            await rep.orchestrator.step_async(rt_subframes=rt_subframes, delta_time=0.0)
            if progress is not None:
                await progress(f"frame {i + 1}/{frames}", (i + 1) / frames)
        await rep.orchestrator.wait_until_complete_async()
    finally:
        writer.detach()
        for product in products:
            product.destroy()
    return DatasetInfo(out, int(frames), names, [k for k, v in ANNOTATORS.items() if v])
