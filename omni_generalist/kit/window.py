"""The prompt panel: omni.ui widgets bound to :class:`~omni_generalist.panel.PanelViewModel`.

Nothing here decides anything. Input widgets write their value into the view-model
(``set_field``) as the user edits; buttons call ``view_model.start(action)``; a listener copies the
view-model's progress, status, log and busy flag back into the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import omni.ui as ui

from ..panel import ACTIONS, POLICY_KINDS, PanelState, PanelViewModel

TITLE = "omni_generalist"
BUTTON_LABELS: dict[str, str] = {"generate": "Generate", "refine": "Refine", "randomize": "Randomize",
                                 "validate": "Validate", "export": "Export dataset"}
POLICY_HINTS: dict[str, str] = {"procedural": "(no model needed)", "local model": "model folder (hf)",
                                "endpoint": "http://host:port/v1", "action file": "actions .py file"}
_LABEL_W = 90


class GeneralistWindow:
    """The panel window; ``destroy()`` releases every widget and subscription it made.

    Args:
        view_model: the panel's state and actions.
        title: window title (also the Window menu entry).
    """

    def __init__(self, view_model: PanelViewModel, title: str = TITLE):
        self._vm = view_model
        self._subs: list[Any] = []
        self._buttons: dict[str, ui.Button] = {}
        s = view_model.state
        self._models: dict[str, ui.AbstractValueModel] = {
            "prompt": ui.SimpleStringModel(s.prompt), "policy_value": ui.SimpleStringModel(s.policy_value),
            "seed": ui.SimpleStringModel(s.seed), "variants": ui.SimpleStringModel(s.variants),
            "frames": ui.SimpleStringModel(s.frames), "output_dir": ui.SimpleStringModel(s.output_dir),
            "engine": ui.SimpleStringModel(s.engine), "repair": ui.SimpleBoolModel(s.repair),
            "asset_catalogues": ui.SimpleStringModel(s.asset_catalogues),
        }
        for name, model in self._models.items():
            self._subs.append(model.subscribe_value_changed_fn(self._writer(name)))
        self._progress = ui.SimpleFloatModel(s.progress)
        self._combo: ui.ComboBox | None = None
        self._hint: ui.Label | None = None
        self._status: ui.Label | None = None
        self._log: ui.Label | None = None
        self._unsubscribe = view_model.subscribe(self._on_state)
        self.window = ui.Window(title, width=440, height=700, visible=True)
        self.window.frame.set_build_fn(self._build)

    # ------------------------------------------------------------------ binding
    def _writer(self, name: str) -> Callable[[ui.AbstractValueModel], None]:
        def write(model: ui.AbstractValueModel) -> None:
            value = model.as_bool if name == "repair" else model.as_string
            self._vm.set_field(name, value)

        return write

    def _on_policy_kind(self, model: ui.AbstractValueModel) -> None:
        kind = POLICY_KINDS[model.as_int]
        self._vm.set_field("policy_kind", kind)
        if self._hint is not None:
            self._hint.text = POLICY_HINTS[kind]

    def _on_state(self, state: PanelState) -> None:
        self._progress.set_value(state.progress)
        if self._status is not None:
            self._status.text = state.status
        if self._log is not None:
            self._log.text = self._vm.log_text()
        for action, button in self._buttons.items():
            button.enabled = self._vm.enabled(action)

    # ------------------------------------------------------------------ layout
    def _row(self, label: str, name: str, tooltip: str = "") -> None:
        with ui.HStack(height=22, spacing=4):
            ui.Label(label, width=_LABEL_W, tooltip=tooltip)
            ui.StringField(model=self._models[name])

    def _build(self) -> None:
        s = self._vm.state
        with ui.ScrollingFrame():
            with ui.VStack(spacing=6, height=0):
                ui.Label("Prompt (Generate) or instruction (Refine)", height=18)
                ui.StringField(model=self._models["prompt"], multiline=True, height=96)
                with ui.HStack(height=22, spacing=4):
                    ui.Label("Policy", width=_LABEL_W)
                    self._combo = ui.ComboBox(POLICY_KINDS.index(s.policy_kind), *POLICY_KINDS)
                    self._subs.append(
                        self._combo.model.get_item_value_model().subscribe_value_changed_fn(self._on_policy_kind))
                with ui.HStack(height=22, spacing=4):
                    self._hint = ui.Label(POLICY_HINTS[s.policy_kind], width=_LABEL_W)
                    ui.StringField(model=self._models["policy_value"])
                self._row("Seed", "seed", "a whole number; same prompt and seed, same world")
                self._row("Asset catalogues", "asset_catalogues",
                          "asset libraries (names given to 'assets add', comma-separated) whose assets to prefer")
                self._row("Variants", "variants", "how many randomized variants")
                self._row("Frames", "frames", "dataset frames to render")
                self._row("Output folder", "output_dir", "where variants and datasets are written")
                self._row("Physics engine", "engine", "omni.physx (Kit), physx (SAPIEN CPU) or mujoco")
                with ui.HStack(height=22, spacing=4):
                    ui.Label("Repair", width=_LABEL_W, tooltip="Validate also repairs (one undo step)")
                    ui.CheckBox(model=self._models["repair"])
                with ui.HStack(height=28, spacing=4):
                    for action in ACTIONS:
                        self._buttons[action] = ui.Button(
                            BUTTON_LABELS[action], clicked_fn=lambda a=action: self._vm.start(a),
                            enabled=self._vm.enabled(action))
                with ui.HStack(height=22, spacing=4):
                    ui.ProgressBar(model=self._progress)
                    self._buttons["cancel"] = ui.Button("Cancel", width=70, clicked_fn=self._vm.cancel,
                                                        enabled=self._vm.enabled("cancel"))
                self._status = ui.Label(s.status, height=18)
                with ui.HStack(height=22):
                    ui.Label("Log", width=_LABEL_W)
                    ui.Spacer()
                    ui.Button("Clear", width=60, clicked_fn=self._vm.clear_log)
                with ui.ScrollingFrame(height=220):
                    self._log = ui.Label(self._vm.log_text(), word_wrap=True, alignment=ui.Alignment.LEFT_TOP)

    # ------------------------------------------------------------------ life cycle
    @property
    def visible(self) -> bool:
        """Whether the window is shown."""
        return bool(self.window is not None and self.window.visible)

    def show(self, visible: bool = True) -> None:
        """Show or hide the window."""
        if self.window is not None:
            self.window.visible = visible

    def destroy(self) -> None:
        """Unsubscribe from the view-model and the models, destroy the window."""
        self._unsubscribe()
        self._subs.clear()
        self._buttons.clear()
        self._combo = self._hint = self._status = self._log = None
        if self.window is not None:
            self.window.frame.clear()
            self.window.destroy()
            self.window = None
