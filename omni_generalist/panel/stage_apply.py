"""Moving a world between the open stage and the sandbox, in plain ``pxr``.

:func:`snapshot_world` copies the open stage's composed ``/World`` into an anonymous layer that a
:class:`~omni_generalist.actions.Sandbox` can edit. :func:`apply_world_layer` writes a built or
edited world back into the stage's current edit target:

* for a new world (``base`` is None) the generated parts of ``/World`` (``PhysicsScene``,
  ``Room``/``Rooms``, ``Objects``, ``Looks``, ``Lights``) are replaced; anything else a person put
  under ``/World`` (a robot, a camera) is left alone;
* for an edit (``base`` is the snapshot the sandbox started from) only the prims that the edit
  changed, added or removed are written, one level below each child of ``/World`` (one light, one
  object of the old layout) and one level below each room and each room's group of objects (a
  room's walls, one object ``/World/Objects/<room>/<name>``), so untouched objects keep their
  references and opinions.

Prims that must disappear but are defined in a weaker layer are deactivated in the edit target.
This is the applier used outside Kit; the Kit adapter (``omni_generalist.kit.stage_adapter``)
runs the same function inside one undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pxr import Sdf, Usd

from ..errors import InputError
from ..world.layers import remove_prim_spec
from ..world.metadata import KEY
from ..world.stage import WORLD

GENERATED_CHILDREN: tuple[str, ...] = ("PhysicsScene", "Room", "Rooms", "Objects", "Looks", "Lights")
"""Children of ``/World`` that a new world replaces."""

STAGE_METADATA: tuple[str, ...] = ("upAxis", "metersPerUnit", "kilogramsPerUnit")
_CHILD_FIELDS = {"primChildren", "properties", "variantSetChildren", "variantChildren"}


@dataclass
class ApplyReport:
    """What :func:`apply_world_layer` changed in the edit target."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    metadata: dict[str, object] = field(default_factory=dict)
    """Stage metadata that changed, as ``key: (old, new)``."""

    @property
    def changed(self) -> int:
        """How many prims were added, replaced or removed."""
        return len(self.added) + len(self.replaced) + len(self.removed)

    def summary(self) -> str:
        """One line for the panel's log."""
        parts = [f"{len(self.added)} added", f"{len(self.replaced)} changed", f"{len(self.removed)} removed"]
        if self.deactivated:
            parts.append(f"{len(self.deactivated)} deactivated")
        return ", ".join(parts)


def snapshot_world(stage: Usd.Stage) -> Sdf.Layer:
    """Return an anonymous layer holding the composed ``/World`` of ``stage`` and its metadata.

    Raises:
        InputError: the stage has no ``/World`` prim (nothing to refine).
    """
    prim = stage.GetPrimAtPath(WORLD)
    if not prim or not prim.IsDefined():
        raise InputError("the open stage has no /World; press Generate first or open a world")
    flat = stage.Flatten()
    layer = Sdf.Layer.CreateAnonymous("world.usda")
    for key in STAGE_METADATA:
        if flat.pseudoRoot.HasInfo(key):
            layer.pseudoRoot.SetInfo(key, flat.pseudoRoot.GetInfo(key))
    layer.defaultPrim = WORLD.name
    data = dict(stage.GetRootLayer().customLayerData)
    if KEY in data:
        layer.customLayerData = {KEY: data[KEY]}
    if not Sdf.CopySpec(flat, WORLD, layer, WORLD):
        raise InputError("could not copy /World of the open stage")
    return layer


def _fingerprint(layer: Sdf.Layer, path: Sdf.Path) -> str | None:
    """Text of the spec subtree at ``path`` (None when absent), to tell changed prims apart."""
    if layer.GetPrimAtPath(path) is None:
        return None
    tmp = Sdf.Layer.CreateAnonymous("fingerprint.usda")
    Sdf.CopySpec(layer, path, tmp, Sdf.Path("/_"))
    return tmp.ExportToString()


def _own_fields(spec: Sdf.PrimSpec) -> dict[str, object]:
    fields = {k: spec.GetInfo(k) for k in spec.ListInfoKeys() if k not in _CHILD_FIELDS}
    for prop in spec.properties:
        fields[f".{prop.name}"] = _fingerprint_prop(prop)
    return fields


def _fingerprint_prop(prop: Sdf.PropertySpec) -> str:
    return repr(sorted((k, repr(prop.GetInfo(k))) for k in prop.ListInfoKeys()))


def _copy_prim(src: Sdf.Layer, dst: Sdf.Layer, path: Sdf.Path) -> None:
    """Replace the spec at ``path`` in ``dst`` by a copy of ``src``'s (parents become overs)."""
    remove_prim_spec(dst, path)
    parent = path.GetParentPath()
    if parent != Sdf.Path.absoluteRootPath and dst.GetPrimAtPath(parent) is None:
        Sdf.CreatePrimInLayer(dst, parent)
    if not Sdf.CopySpec(src, path, dst, path):
        raise RuntimeError(f"could not copy {path} into {dst.identifier}")


def _copy_own_fields(src: Sdf.PrimSpec, dst: Sdf.PrimSpec) -> None:
    for key in src.ListInfoKeys():
        if key not in _CHILD_FIELDS:
            dst.SetInfo(key, src.GetInfo(key))
    for prop in src.properties:
        old = dst.properties.get(prop.name)
        if old is not None:
            dst.RemoveProperty(old)
    for prop in src.properties:
        Sdf.CopySpec(src.layer, prop.path, dst.layer, prop.path)


def _apply_metadata(stage: Usd.Stage, result: Sdf.Layer, report: ApplyReport) -> None:
    root = stage.GetRootLayer()
    for key in STAGE_METADATA:
        if result.pseudoRoot.HasInfo(key):
            new = result.pseudoRoot.GetInfo(key)
            old = root.pseudoRoot.GetInfo(key) if root.pseudoRoot.HasInfo(key) else None
            if old != new:
                root.pseudoRoot.SetInfo(key, new)
                report.metadata[key] = (old, new)
    if not root.defaultPrim:
        root.defaultPrim = WORLD.name
    data = dict(result.customLayerData)
    if KEY in data:
        merged = dict(root.customLayerData)
        merged[KEY] = data[KEY]
        root.customLayerData = merged


def _ensure_world(target: Sdf.Layer, result: Sdf.Layer) -> None:
    src = result.GetPrimAtPath(WORLD)
    dst = target.GetPrimAtPath(WORLD) or Sdf.CreatePrimInLayer(target, WORLD)
    if src is not None:
        for key in src.ListInfoKeys():
            if key not in _CHILD_FIELDS:
                dst.SetInfo(key, src.GetInfo(key))


def _children(layer: Sdf.Layer | None, path: Sdf.Path) -> list[str]:
    spec = layer.GetPrimAtPath(path) if layer is not None else None
    return [c.name for c in spec.nameChildren] if spec is not None else []


def _deactivate_leftovers(stage: Usd.Stage, target: Sdf.Layer, paths: list[Sdf.Path], report: ApplyReport) -> None:
    for path in paths:
        prim = stage.GetPrimAtPath(path)
        if prim and prim.IsActive():
            spec = target.GetPrimAtPath(path) or Sdf.CreatePrimInLayer(target, path)
            spec.active = False
            report.deactivated.append(str(path))


def apply_world_layer(stage: Usd.Stage, result: Sdf.Layer, base: Sdf.Layer | None = None) -> ApplyReport:
    """Write the world in ``result`` into the current edit target of ``stage``.

    Args:
        stage: the open stage.
        result: a layer holding a world under ``/World`` (the sandbox's committed layer).
        base: the snapshot the edit started from (:func:`snapshot_world`); None for a new world.

    Returns:
        What was added, replaced, removed or deactivated.

    Raises:
        InputError: ``result`` holds no ``/World``.
    """
    if result.GetPrimAtPath(WORLD) is None:
        raise InputError("the built layer holds no /World")
    target = stage.GetEditTarget().GetLayer()
    report = ApplyReport()
    leftovers: list[Sdf.Path] = []
    with Sdf.ChangeBlock():
        _apply_metadata(stage, result, report)
        _ensure_world(target, result)
        if base is None:
            names = list(GENERATED_CHILDREN) + [n for n in _children(result, WORLD) if n not in GENERATED_CHILDREN]
            for name in names:
                path = WORLD.AppendChild(name)
                had = target.GetPrimAtPath(path) is not None
                if result.GetPrimAtPath(path) is None:
                    if remove_prim_spec(target, path):
                        report.removed.append(str(path))
                    leftovers.append(path)
                    continue
                _copy_prim(result, target, path)
                (report.replaced if had else report.added).append(str(path))
                keep = set(_children(result, path))
                prim = stage.GetPrimAtPath(path)
                leftovers += [c.GetPath() for c in (prim.GetChildren() if prim else []) if c.GetName() not in keep]
        else:
            _apply_edit(stage, target, result, base, report, leftovers)
    _deactivate_leftovers(stage, target, leftovers, report)
    return report


def _apply_edit(stage: Usd.Stage, target: Sdf.Layer, result: Sdf.Layer, base: Sdf.Layer,
                report: ApplyReport, leftovers: list[Sdf.Path]) -> None:
    names = list(dict.fromkeys(_children(base, WORLD) + _children(result, WORLD)))
    for name in names:
        path = WORLD.AppendChild(name)
        r_spec, b_spec = result.GetPrimAtPath(path), base.GetPrimAtPath(path)
        if r_spec is None:  # the edit removed a whole child of /World
            remove_prim_spec(target, path)
            report.removed.append(str(path))
            leftovers.append(path)
            continue
        if b_spec is None:
            _copy_prim(result, target, path)
            report.added.append(str(path))
            continue
        _apply_level(target, result, base, path, r_spec, b_spec, report, leftovers)


def _is_group(spec: Sdf.PrimSpec) -> bool:
    """A prim whose children an edit writes one by one: a room (``/World/Rooms/<room>``) or a room's
    group of objects (``/World/Objects/<room>``)."""
    parent = spec.path.GetParentPath()
    info = dict(spec.customData.get(KEY, {}))
    return parent == WORLD.AppendChild("Rooms") or (parent == WORLD.AppendChild("Objects") and bool(info.get("objects_of")))


def _apply_level(target: Sdf.Layer, result: Sdf.Layer, base: Sdf.Layer, path: Sdf.Path, r_spec: Sdf.PrimSpec,
                 b_spec: Sdf.PrimSpec, report: ApplyReport, leftovers: list[Sdf.Path]) -> None:
    """Write what changed in the children of ``path`` (present in both ``result`` and ``base``)."""
    if _own_fields(r_spec) != _own_fields(b_spec):
        dst = target.GetPrimAtPath(path) or Sdf.CreatePrimInLayer(target, path)
        _copy_own_fields(r_spec, dst)
        report.replaced.append(str(path))
    kids = list(dict.fromkeys([c.name for c in b_spec.nameChildren] + [c.name for c in r_spec.nameChildren]))
    for kid in kids:
        sub = path.AppendChild(kid)
        r_sub, b_sub = result.GetPrimAtPath(sub), base.GetPrimAtPath(sub)
        if r_sub is not None and b_sub is not None and _is_group(r_sub) and _is_group(b_sub):
            _apply_level(target, result, base, sub, r_sub, b_sub, report, leftovers)
            continue
        fr, fb = _fingerprint(result, sub), _fingerprint(base, sub)
        if fr == fb:
            continue
        if fr is None:
            remove_prim_spec(target, sub)
            report.removed.append(str(sub))
            leftovers.append(sub)
        else:
            _copy_prim(result, target, sub)
            (report.added if fb is None else report.replaced).append(str(sub))
