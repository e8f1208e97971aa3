"""Rendering on the CPU: cameras, two renderers behind one interface, previews and datasets.

``fast`` is a moderngl rasteriser on Mesa's EGL (llvmpipe); ``quality`` is Blender's Cycles
(``bpy`` 4.5 LTS). Both give RGB, distance to the camera, instance and semantic segmentation
and tight 2D boxes with occlusion ratios. Heavy modules (moderngl, bpy) load on first use.

>>> from omni_generalist.render import get_renderer, room_views, write_dataset
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "Camera": "omni_generalist.render.cameras",
    "room_views": "omni_generalist.render.cameras",
    "object_view": "omni_generalist.render.cameras",
    "plan_view": "omni_generalist.render.cameras",
    "panorama_camera": "omni_generalist.render.cameras",
    "RenderResult": "omni_generalist.render.base",
    "Renderer": "omni_generalist.render.base",
    "Box": "omni_generalist.render.base",
    "get_renderer": "omni_generalist.render.base",
    "tight_boxes": "omni_generalist.render.base",
    "scene_from_stage": "omni_generalist.render.scene",
    "render_preview": "omni_generalist.render.preview",
    "write_preview": "omni_generalist.render.preview",
    "write_dataset": "omni_generalist.render.dataset",
    "camera_params": "omni_generalist.render.dataset",
    "render_world": "omni_generalist.render.views",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'omni_generalist.render' has no attribute {name!r}")
