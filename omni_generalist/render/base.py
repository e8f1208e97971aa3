"""The renderer interface shared by the fast rasteriser and the Cycles path tracer.

A renderer turns a world (a ``pxr.Usd.Stage``) and a :class:`~.cameras.Camera` into a
:class:`RenderResult`: RGB, distance to the camera in meters, and instance ids per pixel, plus
what each id is. Semantic segmentation and tight 2D boxes are derived from those here, the same
way for every renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
from pxr import Usd

from ..errors import InputError
from .cameras import Camera
from .scene import BACKGROUND, UNLABELLED, Instance

RENDERERS = ("fast", "quality")

BBOX_DTYPE = np.dtype([("semanticId", "<u4"), ("x_min", "<i4"), ("y_min", "<i4"), ("x_max", "<i4"),
                       ("y_max", "<i4"), ("occlusionRatio", "<f4")])
"""Replicator's ``bounding_box_2d_tight`` record."""


@dataclass
class RenderResult:
    """One rendered frame.

    Attributes:
        rgb: H×W×3 uint8, sRGB.
        depth: H×W float32 distance from the camera centre in meters (``inf`` where nothing is hit;
            for orthographic views, distance to the image plane).
        instance_ids: H×W int32, 0 for background, else an id of ``instances``.
        instances: what each id is (prim path, semantic class).
        camera: the camera it was rendered with.
        unoccluded: id → pixel count the instance would cover with nothing in front of it
            (for the occlusion ratio); ids missing here have no occlusion estimate.
        seconds: wall time of the render.
    """

    rgb: np.ndarray
    depth: np.ndarray
    instance_ids: np.ndarray
    instances: dict[int, Instance]
    camera: Camera
    unoccluded: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def visible(self) -> dict[int, int]:
        """Return id → visible pixel count for every instance in view."""
        ids, counts = np.unique(self.instance_ids, return_counts=True)
        return {int(i): int(c) for i, c in zip(ids, counts, strict=True) if i != 0}

    def semantic_classes(self) -> list[str]:
        """Sorted class strings of the labelled instances in view."""
        return sorted({self.instances[i].label for i in self.visible() if self.instances[i].label != UNLABELLED})


@dataclass(frozen=True)
class Box:
    """A tight 2D box around an instance's visible pixels (inclusive pixel indices)."""

    instance: Instance
    x_min: int
    y_min: int
    x_max: int
    y_max: int
    occlusion: float
    """Share of the instance's unoccluded pixels hidden by something in front (−1 when unknown)."""


def tight_boxes(result: RenderResult, labelled_only: bool = True) -> list[Box]:
    """Return tight boxes of the visible instances, in id order (Replicator's ``bounding_box_2d_tight``)."""
    ids = result.instance_ids
    out: list[Box] = []
    for iid, count in sorted(result.visible().items()):
        inst = result.instances[iid]
        if labelled_only and inst.label == UNLABELLED:
            continue
        ys, xs = np.nonzero(ids == iid)
        total = result.unoccluded.get(iid)
        occl = -1.0 if not total else float(np.clip(1.0 - count / max(total, count), 0.0, 1.0))
        out.append(Box(inst, int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max()), occl))
    return out


def semantic_ids(labels: list[str]) -> dict[str, int]:
    """Stable semantic ids of class strings: ``BACKGROUND`` 0, ``UNLABELLED`` 1, the rest in sorted order."""
    out = {BACKGROUND: 0, UNLABELLED: 1}
    for lab in sorted(set(labels) - {BACKGROUND, UNLABELLED}):
        out[lab] = len(out)
    return out


@runtime_checkable
class Renderer(Protocol):
    """What every renderer offers."""

    name: str

    def render(self, stage: Usd.Stage, camera: Camera, hide: frozenset[str] = frozenset(),
               occlusion: bool = True) -> RenderResult:
        """Render ``stage`` through ``camera`` (leaving out the prims under the paths in ``hide``;
        ``occlusion`` also counts unoccluded pixels for occlusion ratios)."""
        ...

    def close(self) -> None:
        """Release what the renderer holds (GL context, Blender scene)."""
        ...


def get_renderer(name: str = "fast", samples: int = 8, denoise: bool = True) -> Renderer:
    """Return a renderer: ``fast`` (moderngl on Mesa EGL) or ``quality`` (Blender Cycles on the CPU).

    Raises:
        InputError: an unknown renderer name.
    """
    if name == "fast":
        from .raster import RasterRenderer

        return RasterRenderer()
    if name == "quality":
        from .cycles import CyclesRenderer

        return CyclesRenderer(samples=samples, denoise=denoise)
    raise InputError(f"unknown renderer {name!r} (use {' or '.join(RENDERERS)})")
