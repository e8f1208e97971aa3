"""Applying a built world to the stage open in Kit as one undoable step.

The work is :func:`omni_generalist.panel.stage_apply.apply_world_layer`; this module wraps it in a
Kit command (``OmniGeneralistApplyWorld``) whose ``undo`` restores the edit target and root layers
as they were, executed inside ``omni.kit.undo.group()`` so that Edit > Undo (Ctrl+Z) takes back
a whole Generate, Refine or Repair at once.
"""

from __future__ import annotations

import omni.kit.commands
import omni.kit.undo
import omni.usd
from pxr import Sdf, Usd

from ..panel.stage_apply import ApplyReport, apply_world_layer

COMMAND_NAME = "OmniGeneralistApplyWorld"


def open_stage() -> Usd.Stage | None:
    """The stage open in the default USD context (None when there is none)."""
    return omni.usd.get_context().get_stage()


class OmniGeneralistApplyWorldCommand(omni.kit.commands.Command):
    """Write the world of ``layer`` into ``stage`` (see ``apply_world_layer``); undo restores the layers.

    Args:
        stage: the open stage.
        layer: the built world (``/World`` at its root).
        base: the snapshot an edit started from, or None for a new world.
    """

    def __init__(self, stage: Usd.Stage, layer: Sdf.Layer, base: Sdf.Layer | None = None):
        self._stage = stage
        self._layer = layer
        self._base = base
        self._backups: list[tuple[Sdf.Layer, Sdf.Layer]] = []
        self.report: ApplyReport | None = None

    def do(self) -> ApplyReport:
        """Back up the root and edit-target layers, then apply the world."""
        touched: dict[str, Sdf.Layer] = {}
        for layer in (self._stage.GetRootLayer(), self._stage.GetEditTarget().GetLayer()):
            touched.setdefault(layer.identifier, layer)
        self._backups = []
        for layer in touched.values():
            backup = Sdf.Layer.CreateAnonymous("omni_generalist_undo.usda")
            backup.TransferContent(layer)
            self._backups.append((layer, backup))
        self.report = apply_world_layer(self._stage, self._layer, self._base)
        return self.report

    def undo(self) -> None:
        """Restore the layers backed up by ``do``."""
        with Sdf.ChangeBlock():
            for layer, backup in self._backups:
                layer.TransferContent(backup)


def register_commands() -> None:
    """Register the command with ``omni.kit.commands`` (the extension does it on startup)."""
    omni.kit.commands.register(OmniGeneralistApplyWorldCommand)


def unregister_commands() -> None:
    """Unregister the command (on shutdown)."""
    omni.kit.commands.unregister(OmniGeneralistApplyWorldCommand)


def apply_in_undo_group(stage: Usd.Stage, layer: Sdf.Layer, base: Sdf.Layer | None = None) -> ApplyReport:
    """Apply ``layer`` to ``stage`` as one undo group; the panel's applier in Kit.

    Raises:
        RuntimeError: the command failed (Kit logged why).
    """
    with omni.kit.undo.group():
        ok, report = omni.kit.commands.execute(COMMAND_NAME, stage=stage, layer=layer, base=base)
    if not ok or report is None:
        raise RuntimeError(f"{COMMAND_NAME} failed; see the Kit console")
    return report
