"""The Isaac Lab bridge: scene configs (``InteractiveSceneCfg`` subclasses) for generated worlds.

Nothing here imports ``isaaclab`` at module level; :func:`scene_cfg_class` does, when called.
See ``docs/isaaclab.md``.
"""

from .scene_cfg import (
                        AssetInfo,
                        JointInfo,
                        SceneDescription,
                        describe_world,
                        describe_worlds,
                        render_scene_cfg,
                        resolve_worlds,
                        scene_cfg_class,
                        write_scene_cfg,
)

__all__ = ["AssetInfo", "JointInfo", "SceneDescription", "describe_world", "describe_worlds", "render_scene_cfg",
           "resolve_worlds", "scene_cfg_class", "write_scene_cfg"]
