"""The Kit extension: a Window menu entry that opens the prompt panel.

``on_startup`` registers the apply-world command, the ``omni.physx`` physics engine and the menu
action; the window and its view-model are built the first time the menu entry is used.
``on_shutdown`` removes all of it: menu items, action, window, subscriptions, the sandbox worker
process, the command and the engine.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import carb
import carb.settings
import omni.ext
import omni.kit.actions.core
import omni.kit.app
import omni.kit.menu.utils
from omni.kit.menu.utils import MenuItemDescription

from ..panel.settings import EXTENSION_NAME, settings_from_extension, settings_keys
from ..panel.viewmodel import PanelServices, PanelViewModel
from . import physx_engine, stage_adapter
from .services import replicator_export, replicator_randomize
from .window import TITLE, GeneralistWindow

MENU = "Window"
ACTION_ID = "toggle_panel"


def configure_sandbox_python() -> str | None:
    """Point ``multiprocessing`` at Kit's Python interpreter when ``sys.executable`` is not one.

    The action sandbox starts a worker with the ``spawn`` method, which runs ``sys.executable``;
    inside Kit that may be the ``kit`` binary. Returns the interpreter set, or None if unchanged.
    """
    if Path(sys.executable).name.lower().startswith("python"):
        return None
    names = ("python.exe",) if os.name == "nt" else ("python3", "python")
    for folder in (Path(sys.prefix), Path(sys.prefix) / "bin"):
        for name in names:
            candidate = folder / name
            if candidate.is_file():
                multiprocessing.set_executable(str(candidate))
                return str(candidate)
    return None


def read_extension_settings(ext_name: str = EXTENSION_NAME) -> dict[str, Any]:
    """Values of ``/exts/<ext_name>/<key>`` for every key the panel reads (absent keys are left out).

    ``extension.toml`` writes its ``[settings]`` under ``exts."omni_generalist"`` whatever the
    folder (and so the extension id) is called, so that is where they are read.
    """
    settings = carb.settings.get_settings()
    out = {}
    for key in settings_keys():
        value = settings.get(f"/exts/{ext_name}/{key}")
        if value is not None:
            out[key] = value
    return out


class OmniGeneralistExtension(omni.ext.IExt):
    """Window > omni_generalist: text prompt to a simulation-ready world in the open stage."""

    def on_startup(self, ext_id: str) -> None:
        """Register the command, the ``omni.physx`` engine, the menu action and the Window menu entry."""
        self._ext_name = ext_id.split("-", 1)[0] or EXTENSION_NAME
        self._window: GeneralistWindow | None = None
        self._view_model: PanelViewModel | None = None
        python = configure_sandbox_python()
        if python:
            carb.log_info(f"[{self._ext_name}] sandbox workers use {python}")
        stage_adapter.register_commands()
        physx_engine.register()
        registry = omni.kit.actions.core.get_action_registry()
        registry.register_action(self._ext_name, ACTION_ID, self.toggle_window, display_name=f"Window->{TITLE}",
                                 description="Show or hide the omni_generalist prompt panel", tag="omni_generalist")
        self._menu = [MenuItemDescription(name=TITLE, onclick_action=(self._ext_name, ACTION_ID),
                                          ticked_fn=lambda: self._window is not None and self._window.visible)]
        omni.kit.menu.utils.add_menu_items(self._menu, MENU)

    def _make_view_model(self) -> PanelViewModel:
        settings, defaults = settings_from_extension(read_extension_settings())
        services = PanelServices(randomize=replicator_randomize, export=replicator_export)
        return PanelViewModel(stage_adapter.open_stage, applier=stage_adapter.apply_in_undo_group,
                              settings=settings, defaults=defaults, services=services,
                              yield_frame=omni.kit.app.get_app().next_update_async)

    def toggle_window(self) -> None:
        """Show the panel (building it on first use), or hide it when shown."""
        if self._window is None:
            self._view_model = self._make_view_model()
            self._window = GeneralistWindow(self._view_model)
        else:
            self._window.show(not self._window.visible)
        omni.kit.menu.utils.refresh_menu_items(MENU)

    def on_shutdown(self) -> None:
        """Remove everything ``on_startup`` and the panel created."""
        omni.kit.menu.utils.remove_menu_items(self._menu, MENU)
        self._menu = []
        omni.kit.actions.core.get_action_registry().deregister_all_actions_for_extension(self._ext_name)
        if self._window is not None:
            self._window.destroy()
            self._window = None
        if self._view_model is not None:
            self._view_model.close()
            self._view_model = None
        physx_engine.unregister()
        stage_adapter.unregister_commands()
