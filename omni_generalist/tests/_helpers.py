"""Shared helpers of the Kit tests."""

from __future__ import annotations

import omni.kit.app
import omni.usd
from pxr import Usd

from omni_generalist.kit import stage_adapter
from omni_generalist.panel import PanelViewModel
from omni_generalist.panel.settings import EXTENSION_NAME

PROMPT = "a small bedroom with a bed"


def extension_name() -> str:
    """The name Kit gave this extension (its folder name), from the loaded module."""
    manager = omni.kit.app.get_app().get_extension_manager()
    ext_id = manager.get_extension_id_by_module("omni_generalist.kit.extension") or ""
    return ext_id.split("-", 1)[0] or EXTENSION_NAME


async def new_stage() -> Usd.Stage:
    """A new, empty stage in the default USD context."""
    await omni.usd.get_context().new_stage_async()
    await omni.kit.app.get_app().next_update_async()
    return omni.usd.get_context().get_stage()


def kit_view_model() -> PanelViewModel:
    """The panel's view-model wired as the extension wires it (open stage, undo group, frames)."""
    return PanelViewModel(stage_adapter.open_stage, applier=stage_adapter.apply_in_undo_group,
                          yield_frame=omni.kit.app.get_app().next_update_async)


async def generated_stage(prompt: str = PROMPT, seed: int = 1) -> Usd.Stage:
    """A new stage with a world generated into it through the panel's view-model."""
    stage = await new_stage()
    vm = kit_view_model()
    try:
        vm.set_field("prompt", prompt)
        vm.set_field("seed", str(seed))
        outcome = await vm.generate()
        if not outcome.ok:
            raise AssertionError(outcome.error)
    finally:
        vm.close()
    return stage
