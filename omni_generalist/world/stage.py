"""Stage conventions of docs/design.md §3: create, open and save worlds.

Z-up, meters, kilograms, default prim ``/World`` with ``PhysicsScene``, ``Rooms``, ``Objects``,
``Looks`` and ``Lights`` below it (where rooms and objects go: :mod:`.layout`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from ..errors import WorldFormatError

WORLD = Sdf.Path("/World")
PHYSICS_SCENE = Sdf.Path("/World/PhysicsScene")
ROOMS = Sdf.Path("/World/Rooms")
LEGACY_ROOM = Sdf.Path("/World/Room")
"""The one room of worlds written before rooms went under ``/World/Rooms`` (still read)."""
OBJECTS = Sdf.Path("/World/Objects")
LOOKS = Sdf.Path("/World/Looks")
LIGHTS = Sdf.Path("/World/Lights")

WORLD_FILES = ("world.usd", "world.usda")


def init_layer(layer: Sdf.Layer) -> None:
    """Author the fixed skeleton of a world into an empty layer.

    Args:
        layer: an empty layer; it receives the stage metadata and the top-level prims.
    """
    stage = Usd.Stage.Open(layer)
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.z)
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    UsdPhysics.SetStageKilogramsPerUnit(stage, 1.0)
    world = UsdGeom.Xform.Define(stage, WORLD).GetPrim()
    stage.SetDefaultPrim(world)
    Usd.ModelAPI(world).SetKind("assembly")
    scene = UsdPhysics.Scene.Define(stage, PHYSICS_SCENE)
    scene.CreateGravityDirectionAttr(Gf.Vec3f(0.0, 0.0, -1.0))
    scene.CreateGravityMagnitudeAttr(9.81)
    for path in (ROOMS, OBJECTS, LIGHTS):
        UsdGeom.Xform.Define(stage, path)
    UsdGeom.Scope.Define(stage, LOOKS)


def new_stage() -> Usd.Stage:
    """Return a new in-memory stage with the world skeleton."""
    layer = Sdf.Layer.CreateAnonymous("world.usda")
    init_layer(layer)
    return Usd.Stage.Open(layer)


def find_world_file(path: str | Path) -> Path:
    """Resolve a world folder or a USD file to the USD file.

    Raises:
        WorldFormatError: the path does not exist, or the folder holds no ``world.usd(a)`` or both.
    """
    p = Path(path)
    if not p.exists():
        from ..io import recover_swap

        recover_swap(p)  # a crash in the middle of a folder swap left only the old folder's backup
    if p.is_dir():
        found = [p / name for name in WORLD_FILES if (p / name).is_file()]
        if len(found) > 1:
            raise WorldFormatError(f"{p} holds both world.usd and world.usda; keep one of them")
        if found:
            return found[0]
        raise WorldFormatError(f"{p} is not a world: it holds no world.usd or world.usda")
    if p.is_file():
        return p
    raise WorldFormatError(f"no such world: {p}")


def open_stage(path: str | Path) -> Usd.Stage:
    """Open a world (folder or USD file) as it is on disk and check it follows the conventions.

    A layer this process already holds is reloaded when the file changed since it was read, so a
    world rewritten by ``edit`` (or another process) is never read stale.

    Raises:
        WorldFormatError: a missing, unreadable or corrupt file, or a stage without ``/World``.
    """
    file = find_world_file(path)
    try:
        layer = Sdf.Layer.Find(str(file))
        if layer is not None:
            layer.Reload()
        else:
            layer = Sdf.Layer.FindOrOpen(str(file))
    except Exception as exc:  # pxr raises Tf.ErrorException with multi-line text
        first = str(exc).strip().splitlines()[-1].strip() if str(exc).strip() else type(exc).__name__
        raise WorldFormatError(f"cannot read {file}: {first}") from None
    if layer is None:
        raise WorldFormatError(f"cannot read {file}: not a USD layer")
    check_dependencies(layer)
    check_references_exist(layer, str(file))
    stage = Usd.Stage.Open(layer)
    check_conventions(stage, str(file))
    return stage


def _referrers(layer: Sdf.Layer, path: str) -> list[Sdf.PrimSpec]:
    """The prim specs of ``layer`` that reference or payload the file ``path``."""
    out: list[Sdf.PrimSpec] = []

    def visit(p: Sdf.Path) -> None:
        spec = layer.GetObjectAtPath(p)
        if not isinstance(spec, Sdf.PrimSpec):
            return
        items = list(spec.referenceList.GetAddedOrExplicitItems()) + list(spec.payloadList.GetAddedOrExplicitItems())
        if any(i.assetPath and layer.ComputeAbsolutePath(i.assetPath) == path for i in items):
            out.append(spec)
    layer.Traverse(Sdf.Path.absoluteRootPath, visit)
    return out


def check_references_exist(layer: Sdf.Layer, name: str) -> None:
    """Refuse a world whose references or payloads name a file that is not there, naming the file,
    the object and, for an asset-library object, its asset and catalogue (docs/assets.md).

    Raises:
        WorldFormatError: a referenced file is missing.
    """
    for dep in layer.GetCompositionAssetDependencies():
        path = layer.ComputeAbsolutePath(dep) if dep else ""
        if not path or os.path.exists(path):
            continue
        specs = _referrers(layer, path)
        where = f" (by {specs[0].path})" if specs else ""
        asset = ""
        for spec in specs:
            for s in (spec, spec.nameParent):
                info = dict(s.customData.get("generalist", {})) if s and "generalist" in s.customData else {}
                if info.get("asset"):
                    asset = str(info["asset"])
        if asset:
            lib = asset.split("/", 1)[0]
            raise WorldFormatError(
                f"{name} refers to {path}{where}, which is missing: it is asset {asset} of the asset catalogue "
                f"{lib!r}. Open the world where that catalogue's files are, or index them here with: "
                f"omni-generalist assets add FOLDER --name {lib} (then regenerate the world)")
        raise WorldFormatError(f"{name} refers to {path}{where}, which is missing")


def check_dependencies(layer: Sdf.Layer, depth: int = 8) -> None:
    """Refuse a layer whose references, payloads or sublayers name something that is not a regular
    file (a FIFO or a device would block composition forever), following layers ``depth`` deep."""
    seen: set[str] = set()
    todo = [(layer, 0)]
    while todo:
        current, level = todo.pop()
        for dep in current.GetCompositionAssetDependencies():
            path = current.ComputeAbsolutePath(dep) if dep else ""
            if not path or path in seen or not os.path.isabs(path):
                continue
            seen.add(path)
            try:
                mode = os.stat(path).st_mode
            except OSError:
                continue  # missing: composition reports it as an unresolved asset
            if not stat.S_ISREG(mode):
                raise WorldFormatError(f"{current.identifier} refers to {path}, which is not a regular file")
            if level + 1 < depth:
                sub = Sdf.Layer.FindOrOpen(path)
                if sub is not None:
                    todo.append((sub, level + 1))


def check_conventions(stage: Usd.Stage, name: str = "stage") -> None:
    """Raise :class:`WorldFormatError` unless the stage is Z-up, in meters, with ``/World``."""
    if UsdGeom.GetStageUpAxis(stage) != UsdGeom.Tokens.z:
        raise WorldFormatError(f"{name} is not Z-up")
    if abs(UsdGeom.GetStageMetersPerUnit(stage) - 1.0) > 1e-9:
        raise WorldFormatError(f"{name} is not in meters (metersPerUnit != 1)")
    default = stage.GetDefaultPrim()
    if not default or default.GetPath() != WORLD:
        raise WorldFormatError(f"{name} has no /World default prim")


def save_layer(layer: Sdf.Layer, path: str | Path) -> None:
    """Write a layer to ``path`` (``.usd`` gives the binary crate format, ``.usda`` text).

    The binary format is written by :func:`.crate.write_crate` so that identical worlds give
    identical bytes. The generated texture images the layer refers to (``./textures/...``) are copied
    into a ``textures/`` folder beside it, so the folder is self-contained. The caller is responsible
    for atomicity (see :mod:`omni_generalist.io`).
    """
    if str(path).endswith(".usd"):
        from .crate import write_crate

        write_crate(layer.ExportToString(), path)
    elif not layer.Export(str(path)):
        raise OSError(f"USD could not write {path}")
    from ..assets.textures import copy_world_textures

    copy_world_textures(layer, Path(path).parent)  # the generated textures it names, beside it
