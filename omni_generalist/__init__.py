"""omni_generalist: text prompt to simulation-ready OpenUSD worlds.

The public API is small: :func:`generate_world` builds a world folder from a prompt with a
policy (:class:`ProceduralPolicy` by default, or :class:`ScriptPolicy` for an action file),
:class:`Sandbox` runs action code on a world, :class:`ActionAPI` is what that code calls,
:func:`validate_world` / :func:`repair_world` check and fix its physics, :func:`write_dataset`
renders a BasicWriter dataset, :func:`randomize_world` writes variants, :func:`run_batch` makes
many worlds and :func:`write_scene_cfg` hands them to Isaac Lab; :mod:`omni_generalist.world`
reads worlds back. Nothing here imports Omniverse Kit modules;
the names below are imported on first use.
"""

from __future__ import annotations

from importlib import import_module

from .version import __version__

_EXPORTS = {
    "generate_world": "omni_generalist.generate",
    "edit_world": "omni_generalist.generate",
    "Sandbox": "omni_generalist.actions.executor",
    "ActionAPI": "omni_generalist.actions.api",
    "ActionLog": "omni_generalist.actions.log",
    "ProceduralPolicy": "omni_generalist.policy.procedural",
    "ScriptPolicy": "omni_generalist.policy.script",
    "make_policy": "omni_generalist.policy",
    "Settings": "omni_generalist.config",
    "load_settings": "omni_generalist.config",
    "open_stage": "omni_generalist.world.stage",
    "author_physics": "omni_generalist.physics",
    "validate_world": "omni_generalist.physics",
    "repair_world": "omni_generalist.physics",
    "write_dataset": "omni_generalist.render.dataset",
    "randomize_world": "omni_generalist.randomize",
    "run_batch": "omni_generalist.batch",
    "write_scene_cfg": "omni_generalist.isaaclab",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'omni_generalist' has no attribute {name!r}")
