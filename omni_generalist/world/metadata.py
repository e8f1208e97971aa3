"""Per-prim labels and metadata: semantics classes, ``customData["generalist"]``, provenance."""

from __future__ import annotations

from typing import Any

from pxr import Sdf, Usd, UsdSemantics, Vt

from ..version import __version__

KEY = "generalist"
REQUIRED_KEYS = ("category", "material", "support", "movable", "articulated")


def set_semantic_class(prim: Usd.Prim, label: str, broader: list[str] | tuple[str, ...] = ()) -> None:
    """Label ``prim`` with ``UsdSemantics.LabelsAPI`` instance ``class``: its category first, then
    any broader classes it also is (a "kitchen counter" is also a "counter"), all lowercase."""
    api = UsdSemantics.LabelsAPI.Apply(prim, "class")
    labels = [label.lower()] + [b.lower() for b in broader if b.lower() != label.lower()]
    api.CreateLabelsAttr().Set(labels)


def semantic_classes(prim: Usd.Prim) -> list[str]:
    """Return the ``class`` labels of ``prim`` (empty when it has none)."""
    if not prim.HasAPI(UsdSemantics.LabelsAPI, "class"):
        return []
    value = UsdSemantics.LabelsAPI(prim, "class").GetLabelsAttr().Get()
    return [str(v) for v in value] if value else []


def _to_vt(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return Vt.StringArray(list(value))
        if all(isinstance(v, bool) for v in value):
            return Vt.BoolArray(list(value))
        if all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return Vt.IntArray(list(value))
        return Vt.DoubleArray([float(v) for v in value])
    return value


def set_info(prim: Usd.Prim, **values: Any) -> None:
    """Merge ``values`` into ``customData["generalist"]`` of ``prim`` (lists become typed arrays)."""
    for key, value in values.items():
        prim.SetCustomDataByKey(f"{KEY}:{key}", _to_vt(value))


def get_info(prim: Usd.Prim) -> dict[str, Any]:
    """Return ``customData["generalist"]`` of ``prim`` (a copy; empty when absent)."""
    data = prim.GetCustomDataByKey(KEY)
    return dict(data) if data else {}


def label(prim: Usd.Prim, category: str, material: str, support: str, movable: bool,
          articulated: bool, broader: list[str] | tuple[str, ...] = (), **extra: Any) -> None:
    """Write the semantics class (and broader classes) and the required ``customData["generalist"]`` keys."""
    set_semantic_class(prim, category, broader)
    set_info(prim, category=category.lower(), material=material.lower(), support=support,
             movable=bool(movable), articulated=bool(articulated), **extra)


def set_provenance(stage: Usd.Stage, prompt: str, seed: int, policy: str) -> None:
    """Record what built the world in the root layer's ``customLayerData["generalist"]``."""
    write_provenance(stage.GetRootLayer(), {"prompt": prompt, "seed": int(seed), "policy": policy})


def write_provenance(layer: Sdf.Layer, values: dict[str, Any]) -> None:
    """Write ``values`` (prompt, seed, policy...) and this version as the layer's provenance
    (``customLayerData["generalist"]``); the sandbox's executor is its only writer during a build."""
    data = dict(layer.customLayerData)
    data[KEY] = {**{k: v for k, v in values.items() if v is not None}, "version": __version__}
    layer.customLayerData = data


def get_provenance(stage: Usd.Stage) -> dict[str, Any]:
    """Return ``customLayerData["generalist"]`` of the root layer (empty when absent)."""
    return dict(stage.GetRootLayer().customLayerData.get(KEY, {}))
