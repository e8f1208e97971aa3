"""Checks on what an action leaves in its edit layer, before anything is merged.

The worker runs them after each successful action, and the parent runs the cheap ones again on the
layer it receives (the parent trusts nothing the worker sends):

* the stage metadata and provenance (up axis, units, default prim, ``customLayerData``, sublayers)
  belong to the executor: an edit layer that sets any is refused;
* references, payloads and asset-valued attributes may name only assets under the allowed roots;
* size limits (:class:`EditLimits`): prims per action, elements per array, array elements per
  action and the text size of the edit, so that merging and saving stay cheap for the parent;
* where things are defined: every prim lies under the default prim ``/World``, and geometry
  (gprims, point instancers, references, payloads) only under ``/World/Objects`` (objects: raw pxr
  geometry there is labelled, given physics and counted like any object), ``/World/Room`` or
  ``/World/Rooms`` (the shell of a room or a home's rooms) or ``/World/Lights`` — geometry elsewhere would be drawn but be no object (no label, no
  physics, not validated), so it is refused with a message that says where to put it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pxr import Sdf, Tf, Usd

from ..errors import ActionError
from .pxr_guard import allowed_asset

WORLD_ROOT = Sdf.Path("/World")
GEOMETRY_ROOTS = (Sdf.Path("/World/Objects"), Sdf.Path("/World/Room"), Sdf.Path("/World/Rooms"),
                  Sdf.Path("/World/Lights"))
"""Where an action may define geometry (the stage layout of docs/design.md §3)."""
_GEOMETRY_TYPES = [Tf.Type.FindByName(n) for n in ("UsdGeomGprim", "UsdGeomPointInstancer")]


@dataclass(frozen=True)
class EditLimits:
    """Limits on what one action may leave behind (see ``[sandbox]`` in config/default.toml)."""

    max_prims: int = 20_000
    max_array_len: int = 1_000_000
    max_array_elements: int = 4_000_000
    max_edit_chars: int = 64_000_000


def _violation(message: str) -> ActionError:
    return ActionError("SandboxViolation", message)


def check_metadata(layer: Sdf.Layer) -> None:
    """Refuse an edit layer that sets layer metadata (the executor owns the world's metadata)."""
    keys = [k for k in layer.pseudoRoot.ListInfoKeys() if k not in ("primChildren",)]
    if keys:
        raise _violation(f"the action changed the world's stage metadata ({', '.join(sorted(keys))}); "
                         "the up axis, units, default prim and provenance belong to the executor")
    if list(layer.subLayerPaths):
        raise _violation("the action added sublayers; worlds are one layer")


def _asset_values(value):
    if isinstance(value, Sdf.AssetPath):
        yield value.path
    elif isinstance(value, Sdf.AssetPathArray):
        for v in value:
            yield v.path


def _check_asset(path: str, where: str, roots: tuple[str, ...]) -> None:
    if path and not allowed_asset(path, roots):
        raise _violation(f"{where} names the asset {path!r}, outside the allowed asset roots")


def check_edit(layer: Sdf.Layer, limits: EditLimits, roots: tuple[str, ...]) -> None:
    """Raise :class:`ActionError` (``SandboxViolation``) when ``layer`` breaks a rule of this module."""
    check_metadata(layer)
    prims = 0
    elements = 0

    def visit(path: Sdf.Path) -> None:
        nonlocal prims, elements
        if path.IsPrimPath():
            prims += 1
            if prims > limits.max_prims:
                raise _violation(f"the action authored more than {limits.max_prims} prims")
            spec = layer.GetPrimAtPath(path)
            composed = False
            for field, label in (("references", "a reference"), ("payload", "a payload")):
                if spec is not None and spec.HasInfo(field):
                    op = spec.GetInfo(field)
                    for item in op.GetAddedOrExplicitItems():
                        _check_asset(item.assetPath, f"{label} on {path}", roots)
                        composed = True
            if spec is not None:
                _check_place(path, spec, composed)
            return
        if not path.IsPropertyPath():
            return
        attr = layer.GetAttributeAtPath(path)
        if attr is None:
            return
        values = [attr.default] if attr.HasDefaultValue() else []
        values += [layer.QueryTimeSample(path, t) for t in layer.ListTimeSamplesForPath(path)]
        for value in values:
            for asset in _asset_values(value):
                _check_asset(asset, f"attribute {path}", roots)
            if hasattr(value, "__len__") and not isinstance(value, (str, bytes)):
                n = len(value)
                if n > limits.max_array_len:
                    raise _violation(f"attribute {path} holds {n} elements; the limit is {limits.max_array_len}")
                elements += n
                if elements > limits.max_array_elements:
                    raise _violation(f"the action authored more than {limits.max_array_elements} array elements")

    layer.Traverse(Sdf.Path.absoluteRootPath, visit)


def asset_paths(layer: Sdf.Layer) -> list[str]:
    """Every external asset path ``layer`` names: sublayers, references, payloads and asset-valued
    attributes (textures...), in traversal order."""
    found = [p for p in layer.subLayerPaths if p]

    def visit(path: Sdf.Path) -> None:
        if path.IsPrimPath():
            spec = layer.GetPrimAtPath(path)
            for field in ("references", "payload"):
                if spec is not None and spec.HasInfo(field):
                    found.extend(i.assetPath for i in spec.GetInfo(field).GetAddedOrExplicitItems() if i.assetPath)
        elif path.IsPropertyPath():
            attr = layer.GetAttributeAtPath(path)
            if attr is not None and attr.HasDefaultValue():
                found.extend(p for p in _asset_values(attr.default) if p)

    layer.Traverse(Sdf.Path.absoluteRootPath, visit)
    return found


def used_asset_roots(layer: Sdf.Layer, roots: tuple[str, ...]) -> list[str]:
    """The allowed asset ``roots`` that ``layer`` takes assets from (``report.json`` lists them)."""
    paths = asset_paths(layer)
    return [r for r in roots if any(allowed_asset(p, (r,)) for p in paths)]


def is_geometry_type(type_name: str) -> bool:
    """True for a prim type that draws geometry (a gprim such as ``Mesh`` or ``Cube``, a point instancer)."""
    if not type_name:
        return False
    t = Usd.SchemaRegistry.GetTypeFromName(type_name)
    return any(t.IsA(g) for g in _GEOMETRY_TYPES if g)


def _check_place(path: Sdf.Path, spec: Sdf.PrimSpec, composed: bool) -> None:
    """Refuse a prim defined outside ``/World``, and geometry outside :data:`GEOMETRY_ROOTS`."""
    if spec.specifier == Sdf.SpecifierDef and not path.HasPrefix(WORLD_ROOT):
        raise _violation(f"{path} lies outside the world (its root prim is /World); define objects under "
                         f"/World/Objects, e.g. /World/Objects/{path.name}")
    if (composed or is_geometry_type(spec.typeName)) and not any(path.HasPrefix(r) for r in GEOMETRY_ROOTS):
        top = path.GetPrefixes()[min(1, len(path.GetPrefixes()) - 1)]
        raise _violation(f"geometry at {path} would be no object (no label, physics or checks); define objects "
                         f"under /World/Objects, e.g. /World/Objects/{top.name if top != WORLD_ROOT else path.name}")


def check_size(text: str, limits: EditLimits) -> None:
    """Refuse an edit whose text form exceeds ``limits.max_edit_chars``."""
    if len(text) > limits.max_edit_chars:
        raise _violation(f"the action's edit is {len(text)} characters; the limit is {limits.max_edit_chars}")
