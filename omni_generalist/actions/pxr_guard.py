"""pxr's file entry points, refused while action code runs (in the worker process only).

Action code reaches ``pxr`` directly (the ``stage`` handle, ``Sdf``, ``Usd``...). The calls that open,
save or export files, or that change what the stage reads, are replaced in the worker by wrappers
that raise a clear :class:`~omni_generalist.errors.ActionError` while an action runs and call the
original otherwise (the worker itself still exports its edit layer). References and payloads may
name only assets under the allowed asset roots. This gives clear errors; the real guard is the
operating-system confinement (:mod:`.confine`), since C++ composition can open files behind
Python's back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from pxr import Sdf, Usd

from ..errors import ActionError

REFUSED: dict[type, tuple[str, ...]] = {
    Sdf.Layer: ("New", "CreateNew", "FindOrOpen", "FindOrOpenRelativeToLayer", "Find", "FindRelativeToLayer",
                "OpenAsAnonymous", "Save", "Export", "ExportToString", "Import", "Reload", "ReloadLayers",
                "GetLoadedLayers", "TransferContent", "SetMuted", "UpdateExternalReference",
                "UpdateCompositionAssetDependency"),
    Usd.Stage: ("Open", "OpenMasked", "CreateNew", "Export", "ExportToString", "Save", "SaveSessionLayers",
                "Reload", "SetPopulationMask", "MuteLayer", "UnmuteLayer", "MuteAndUnmuteLayers", "SetEditTarget",
                "SetLoadRules", "Flatten"),
}
"""Class methods refused inside an action: they read, write or export files, or change what the stage
composes from (edit target, masks, load rules, muting)."""

CHECKED: dict[type, tuple[str, ...]] = {
    Usd.References: ("AddReference", "SetReferences"),
    Usd.Payloads: ("AddPayload", "SetPayloads"),
}
"""Methods allowed with assets under the allowed roots only."""

_state = {"active": False, "roots": ()}
_originals: dict[tuple[type, str], object] = {}


def allowed_asset(path: str, roots: tuple[str, ...]) -> bool:
    """True for an internal reference (``""``), a generated texture of the world's own ``textures/``
    folder (:func:`~omni_generalist.assets.textures.is_world_texture`) or an absolute asset path under
    one of ``roots``."""
    if not path:
        return True
    from ..assets.textures import is_world_texture

    if is_world_texture(path):
        return True
    if not os.path.isabs(path):
        return False
    real = os.path.realpath(path)
    return any(real == r or real.startswith(r.rstrip("/") + "/") for r in roots)


def _asset_paths(args) -> Iterator[str]:
    for a in args:
        if isinstance(a, str):
            yield a
            return  # the first string argument is the asset path
        if isinstance(a, (Sdf.Reference, Sdf.Payload)):
            yield a.assetPath
        elif isinstance(a, (list, tuple)):
            yield from _asset_paths(a)


def _refuse(cls_name: str, name: str):
    def refused(*args, **kwargs):
        if _state["active"]:
            raise ActionError("SandboxViolation", f"{cls_name}.{name} is not available in action code: it reads, "
                              "writes or exports files or changes what the stage reads; author into `stage` instead")
        return _originals[(cls_name, name)](*args, **kwargs)

    return refused


def _check(cls_name: str, name: str):
    def checked(self, *args, **kwargs):
        if _state["active"]:
            for path in _asset_paths(list(args) + list(kwargs.values())):
                if not allowed_asset(path, _state["roots"]):
                    raise ActionError("SandboxViolation", f"{name}: asset {path!r} is outside the allowed asset "
                                      "roots (registered asset libraries); only those may be referenced")
        return _originals[(cls_name, name)](self, *args, **kwargs)

    return checked


def install(roots: tuple[str, ...] = ()) -> None:
    """Replace the entry points by their guarded wrappers (idempotent; the worker calls it once)."""
    _state["roots"] = tuple(os.path.realpath(r) for r in roots)
    for table, make in ((REFUSED, _refuse), (CHECKED, _check)):
        for cls, names in table.items():
            for name in names:
                key = (cls.__name__, name)
                if key in _originals or not hasattr(cls, name):
                    continue
                _originals[key] = getattr(cls, name)
                setattr(cls, name, make(cls.__name__, name))


@contextmanager
def actions_running() -> Iterator[None]:
    """Within this block the entry points refuse (the worker runs action code inside it)."""
    _state["active"] = True
    try:
        yield
    finally:
        _state["active"] = False
