"""Merging an edit layer into the committed layer.

The sandbox authors each action into an anonymous edit layer that is stronger than the
committed root layer. When the action succeeds, :func:`merge_layer` folds the edit layer's
opinions into the root layer, spec by spec, in a cost proportional to the size of the edit
(not of the world), and applies the prim removals the action asked for.
"""

from __future__ import annotations

from collections.abc import Iterable

from pxr import Sdf

_CHILD_FIELDS = {"primChildren", "properties", "variantSetChildren", "variantChildren"}
_PATH_LISTS = {"targetPaths": "targetPathList", "connectionPaths": "connectionPathList"}


def _set_path_listop(proxy, op) -> None:
    """Write a path list op through the spec's list-editor proxy (the field itself is read-only)."""
    if op.isExplicit:
        proxy.explicitItems = list(op.explicitItems)
        return
    proxy.ClearEdits()
    proxy.prependedItems = list(op.prependedItems)
    proxy.appendedItems = list(op.appendedItems)
    proxy.deletedItems = list(op.deletedItems)


def _compose_listop(strong, weak):
    """Return one list op equivalent to ``strong`` applied over ``weak``."""
    if strong.isExplicit:
        return strong
    items = strong.ApplyOperations(weak.ApplyOperations([]))
    if weak.isExplicit:
        return type(strong).CreateExplicit(items)
    return type(strong).Create(prependedItems=items)


def _merge_dict(strong: dict, weak: dict) -> dict:
    out = dict(weak)
    for key, value in strong.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge_dict(value, out[key])
        else:
            out[key] = value
    return out


def _copy_fields(src: Sdf.Spec, dst: Sdf.Spec) -> None:
    for key in src.ListInfoKeys():
        if key in _CHILD_FIELDS:
            continue
        value = src.GetInfo(key)
        if dst.HasInfo(key):
            old = dst.GetInfo(key)
            if isinstance(value, dict) and isinstance(old, dict):
                value = _merge_dict(value, old)
            elif hasattr(value, "ApplyOperations") and hasattr(old, "ApplyOperations"):
                value = _compose_listop(value, old)
            elif key == "specifier" and value == Sdf.SpecifierOver:
                continue  # an `over` never weakens a `def`
        if key in _PATH_LISTS:
            _set_path_listop(getattr(dst, _PATH_LISTS[key]), value)
        else:
            dst.SetInfo(key, value)


def _merge_prim(src: Sdf.PrimSpec, dst_layer: Sdf.Layer, skip: set[Sdf.Path]) -> None:
    path = src.path
    if path in skip:
        return
    dst = dst_layer.GetPrimAtPath(path)
    if dst is None:
        if not any(p in skip for p in path.GetPrefixes()) and not _has_skipped_below(path, skip):
            # a prim that is new to the committed layer: copy its whole subtree in one C++ call
            parent = path.GetParentPath()
            if parent == Sdf.Path.absoluteRootPath or dst_layer.GetPrimAtPath(parent) is not None:
                if Sdf.CopySpec(src.layer, path, dst_layer, path):
                    return
        dst = Sdf.CreatePrimInLayer(dst_layer, path)
        dst.specifier = src.specifier
    _copy_fields(src, dst)
    for prop in src.properties:
        target = dst.properties.get(prop.name)
        if target is None:
            if isinstance(prop, Sdf.AttributeSpec):
                target = Sdf.AttributeSpec(dst, prop.name, prop.typeName, prop.variability, prop.custom)
            else:
                target = Sdf.RelationshipSpec(dst, prop.name, prop.custom, prop.variability)
        _copy_fields(prop, target)
    for child in src.nameChildren:
        _merge_prim(child, dst_layer, skip)


def _has_skipped_below(path: Sdf.Path, skip: set[Sdf.Path]) -> bool:
    return any(p.HasPrefix(path) for p in skip)


def remove_prim_spec(layer: Sdf.Layer, path: Sdf.Path) -> bool:
    """Delete the spec at ``path`` (and everything below it) from ``layer``; True if one was there."""
    spec = layer.GetPrimAtPath(path)
    if spec is None:
        return False
    parent = spec.nameParent
    if parent is None or parent.path == Sdf.Path.absoluteRootPath:
        del layer.rootPrims[spec.name]
    else:
        del parent.nameChildren[spec.name]
    return True


def merge_layer(src: Sdf.Layer, dst: Sdf.Layer, removed: Iterable[str | Sdf.Path] = ()) -> None:
    """Fold the opinions of ``src`` (stronger) into ``dst`` and delete ``removed`` prims from ``dst``.

    Args:
        src: the edit layer of a successful action.
        dst: the committed layer.
        removed: prim paths the action removed; their specs leave ``dst`` and any spec of
            ``src`` at or below them is ignored.
    """
    skip = {Sdf.Path(str(p)) for p in removed}
    with Sdf.ChangeBlock():
        for path in sorted(skip):
            remove_prim_spec(dst, path)
        src_root = src.pseudoRoot
        _copy_fields(src_root, dst.pseudoRoot)
        for prim in src.rootPrims:
            _merge_prim(prim, dst, skip)
