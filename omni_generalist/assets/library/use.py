"""Using library assets in worlds: which libraries a world draws from, choosing an asset for a
category, and the ``library`` generator that references it.

``generate --assets NAME[,NAME]`` (or ``[assets] catalogues``) records the libraries in the world
layer's ``customLayerData["generalist_assets"]``; :func:`library_choice` (called by
``add_object``) then picks, for a category the libraries cover, one of its assets at random (the
action's seeded generator), sized within the asset's plausible range, and the ``library``
generator references its USD file: the user's own USD file as it is, any other format the USD
converted into the cache when the library was added. Categories the libraries do not cover are built
by their procedural generators.
"""

from __future__ import annotations

import dataclasses
import json
import os
from functools import lru_cache
from pathlib import Path

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from ...errors import InputError
from ...world.metadata import set_info
from ..builders import generator
from ..catalog import Category
from ..toolkit import AssetWriter
from .store import index_file, libraries

LAYER_KEY = "generalist_assets"
PLAUSIBLE = (0.5, 2.0)
"""An asset's own size is kept when it lies within these factors of the category's usual range."""


def activate(layer: Sdf.Layer, names: list[str] | tuple[str, ...]) -> None:
    """Make the world in ``layer`` prefer the assets of libraries ``names`` (InputError for an unknown one)."""
    names = [n.strip() for n in names if n and n.strip()]
    known = libraries()
    for n in names:
        if n not in known:
            raise InputError(f"--assets: no asset library named {n!r} (known: {', '.join(sorted(known)) or 'none'}; "
                             "add one with: omni-generalist assets add DIR --name NAME)")
    data = dict(layer.customLayerData)
    if names:
        data[LAYER_KEY] = {"libraries": ",".join(names)}  # a string: USD layer metadata holds no Python lists
    else:
        data.pop(LAYER_KEY, None)
    layer.customLayerData = data


def active(stage: Usd.Stage) -> tuple[str, ...]:
    """The libraries the world on ``stage`` draws from (none: procedural assets only)."""
    for layer in stage.GetLayerStack():
        got = dict(layer.customLayerData).get(LAYER_KEY)
        if got:
            return tuple(n for n in str(got.get("libraries", "")).split(",") if n)
    return ()


@lru_cache(maxsize=16)
def _covering(name: str, stamp: float) -> dict[str, list[dict]]:
    data = json.loads(index_file(name).read_text(encoding="utf-8"))
    out: dict[str, list[dict]] = {}
    for a in data.get("assets", {}).values():
        if a["kind"] == "object" and a.get("category") and a.get("usd"):
            out.setdefault(a["category"], []).append(a)
    for v in out.values():
        v.sort(key=lambda a: a["id"])
    return out


def candidates(stage: Usd.Stage, category: str) -> list[dict]:
    """The active libraries' assets of ``category`` (sorted by id)."""
    out: list[dict] = []
    for name in active(stage):
        f = index_file(name)
        if f.is_file():
            out += _covering(name, f.stat().st_mtime).get(category, [])
    return out


def _fit(natural, size3) -> float:
    return min(float(s) / max(float(n), 1e-6) for s, n in zip(size3, natural, strict=True))


def library_choice(stage: Usd.Stage, cat: Category, size3, size_given: bool, rng) -> tuple[Category, tuple]:
    """For ``add_object``: the category built from a library asset when an active library covers it.

    Returns ``(category, size)``: unchanged (and no random draw) when no library covers it with an
    asset of a plausible size (its sides within :data:`PLAUSIBLE` of the category's range); else the
    category with the ``library`` generator and the asset's id, and the asset's own size (fitted inside
    ``size3`` when the action gave a size).
    """
    if not active(stage):
        return cat, size3
    lo = [PLAUSIBLE[0] * v for v in cat.size_min]
    hi = [PLAUSIBLE[1] * v for v in cat.size_max]

    def plausible(a: dict) -> bool:
        # compared as sorted sides: a book's own frame may stand it where the category lays it flat
        nat, low, high = sorted(a["size"]), sorted(lo), sorted(hi)
        return all(x <= n <= y for x, n, y in zip(low, nat, high, strict=True))
    # an asset far off the category's usual size is likely something else by that name (LIBERO's
    # 3 cm "kitchen background stove"): it is not scaled into one; when none fits, the generator builds it
    found = [a for a in candidates(stage, cat.name) if plausible(a)]
    if not found:
        return cat, size3
    asset = found[rng.randrange(len(found))]
    nat = [float(v) for v in asset["size"]]
    s = 1.0 if asset.get("articulated") or not size_given else _fit(nat, size3)
    size = tuple(round(n * s, 4) for n in nat)
    return as_asset(cat, asset["id"]), size


def as_asset(cat: Category, asset_id: str) -> Category:
    """``cat`` built from library asset ``asset_id`` (``add_object(like=...)`` of a library object)."""
    return dataclasses.replace(cat, generator="library", params=(("asset", asset_id),))


def _entry(asset_id: str) -> dict:
    from .store import show_asset

    return show_asset(asset_id)


def reference_entry(stage: Usd.Stage, root: Sdf.Path, entry: dict, scale: float = 1.0) -> None:
    """Reference the USD file of index ``entry`` at ``root`` (Z-up meters, bottom centre at the origin,
    front +Y, times ``scale``): the user's own USD file as it is, under a child ``asset`` that brings it
    into that frame; a converted file (already in it) directly."""
    usd = str(Path(entry["usd"]).resolve())
    if Path(usd).suffix.lower() in (".usd", ".usda", ".usdc", ".usdz") and "transform" in entry:
        holder = UsdGeom.Xform.Define(stage, root.AppendChild("asset"))
        rot = entry["transform"]["rotation"]
        off = entry["transform"]["offset"]
        unit = float(entry.get("scale", 1.0)) * scale
        m = Gf.Matrix4d(1.0)
        for i in range(3):
            for j in range(3):
                m[j][i] = rot[i][j] * unit  # row-vector convention: p' = p · M
        m.SetTranslateOnly(Gf.Vec3d(*(float(v) * unit for v in off)))
        holder.AddTransformOp().Set(m)
        holder.GetPrim().GetReferences().AddReference(usd)
    else:
        prim = stage.GetPrimAtPath(root)
        prim.GetReferences().AddReference(usd)
        if abs(scale - 1.0) > 1e-6:
            UsdGeom.Xformable(prim).AddScaleOp().Set(Gf.Vec3f(scale, scale, scale))


@generator("library")
def library_asset(w: AssetWriter, size, category: Category) -> None:
    """Reference a library asset (``params: asset = "LIBRARY/RELPATH"``) scaled to fit ``size``."""
    asset_id = str(category.param("asset", ""))
    entry = _entry(asset_id)
    usd = entry.get("usd")
    if not usd or not os.path.isfile(usd):
        raise InputError(f"library asset {asset_id}: its USD file {usd} is missing (the library folder moved or "
                         "the cache was cleared; run: omni-generalist assets add on the folder again)")
    nat = [float(v) for v in entry["size"]]
    s = 1.0 if entry.get("articulated") else round(_fit(nat, size), 6)
    prim = w.stage.GetPrimAtPath(w.root)
    reference_entry(w.stage, w.root, entry, s)
    for z, x0, y0, x1, y1, clearance, inside in entry.get("surfaces", []):
        w.surface(z * s, x0 * s, y0 * s, x1 * s, y1 * s, clearance * s, bool(inside))
    for p in Usd.PrimRange(prim):
        if p.HasAPI(UsdPhysics.RigidBodyAPI) and p != prim:
            w.built.links.append(str(p.GetPath()))
        if p.IsA(UsdPhysics.RevoluteJoint) or p.IsA(UsdPhysics.PrismaticJoint):
            w.built.joints.append(str(p.GetPath()))
        elif p.IsA(UsdGeom.Gprim):
            w.built.parts.append(str(p.GetPath()))
    set_info(prim, asset=asset_id, asset_scale=s, volume=round(float(entry.get("volume", 0.0)) * s ** 3, 8))
