"""No category is a single cuboid unless it is genuinely box-like.

An asset counts as a cuboid when its solid parts fill more than 95 % of its bounding box (the
fraction of points, sampled evenly in the box, that lie inside some convex part). Box-like
categories (boxes, crates, cartons, cabinets, lockers, chests, bins, blocks, bricks, cubes,
packages, flat mats, mattresses) carry the ``boxlike`` tag in their family's ``objects.toml``.

Not the convex hull of the whole assembly: a table's or a bookcase's hull is its box, which
says nothing about whether it looks like one.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from pxr import Usd, UsdGeom
from scipy.spatial import ConvexHull

from omni_generalist.actions.api import ActionAPI
from omni_generalist.assets.builders import build_asset
from omni_generalist.assets.catalog import catalog
from omni_generalist.metrics.layout_measures import cuboid_kind
from omni_generalist.world import new_stage
from omni_generalist.world.metadata import get_info, semantic_classes
from omni_generalist.world.model import list_objects

LIMIT = 0.95
BOX_WORDS = {"box", "boxes", "crate", "carton", "cabinet", "locker", "chest", "bin", "block", "brick", "cube",
             "package", "mat", "placemat", "mattress", "ottoman", "magazine", "board", "pad", "scale", "storage"}


def solid_fill(name: str, seed: int, samples: int = 2000) -> float:
    """Return the fraction of the asset's bounding box its parts fill (category ``name``, mid size)."""
    c = catalog().get(name)
    size = tuple((lo + hi) / 2 for lo, hi in zip(c.size_min, c.size_max, strict=True))
    stage = new_stage()
    UsdGeom.Xform.Define(stage, "/World/x")
    build_asset(stage, "/World/x", c, size, random.Random(seed))
    cache = UsdGeom.XformCache()
    root = stage.GetPrimAtPath("/World/x")
    inv = cache.GetLocalToWorldTransform(root).GetInverse()
    parts = []
    for p in Usd.PrimRange(root):
        if p.IsA(UsdGeom.Mesh):
            m = cache.GetLocalToWorldTransform(p) * inv
            parts.append(np.array([tuple(m.Transform(v)) for v in UsdGeom.Mesh(p).GetPointsAttr().Get()]))
    every = np.vstack(parts)
    lo, hi = every.min(axis=0), every.max(axis=0)
    q = lo + np.random.default_rng(0).random((samples, 3)) * (hi - lo)
    inside = np.zeros(samples, bool)
    for pts in parts:
        eq = ConvexHull(pts).equations
        inside |= (q @ eq[:, :3].T + eq[:, 3] <= 1e-9).all(axis=1)
    return float(inside.mean())


def test_a_single_box_counts_as_a_cuboid_and_a_table_does_not():
    assert solid_fill("bin", 0) > LIMIT  # built by the one-box fallback
    assert solid_fill("table", 0) < 0.5


def test_boxlike_tags_are_for_box_like_names():
    for name, c in catalog().categories.items():
        if "boxlike" in c.tags:
            assert set(name.split()) & BOX_WORDS, name


@pytest.mark.parametrize("name", sorted(catalog().categories))
def test_no_category_is_a_cuboid_unless_box_like(name):
    c = catalog().categories[name]
    if "boxlike" in c.tags:
        return
    fill = max(solid_fill(name, seed) for seed in (0, 1, 2))
    assert fill <= LIMIT, f"{name} is a cuboid: its parts fill {fill:.1%} of its box"


def test_an_unknown_noun_is_built_like_the_category_it_borrows_and_keeps_its_label():
    api = ActionAPI(new_stage(), random.Random(3))
    api.create_room(6.0, 5.0, room_type="bedroom")
    duffel = api.add_object("duffel", position=(0.0, 0.0), shape="backpack")
    blob = api.add_object("qwzxv blorft", position=(1.5, 1.0))  # nothing to borrow: a labelled box
    objs = {o.name: o for o in list_objects(api.stage)}
    prim = api.stage.GetPrimAtPath(objs[duffel].path)
    assert semantic_classes(prim) == ["duffel"]
    assert get_info(prim)["shaped_like"] == "backpack" and get_info(prim)["generic"]
    assert cuboid_kind(api.stage, objs[duffel]) == ""
    other = api.stage.GetPrimAtPath(objs[blob].path)
    assert "shaped_like" not in get_info(other) and cuboid_kind(api.stage, objs[blob]) == "box"
    with pytest.raises(ValueError, match="no category"):
        api.add_object("gizmo", shape="flux capacitor")
    with pytest.raises(ValueError, match="does not know"):
        api.add_object("bed", shape="sofa")


def test_the_parser_gives_an_unknown_noun_its_nearest_category_as_shape_when_close():
    pytest.importorskip("sentence_transformers")
    from omni_generalist.policy.procedural.parse import parse_prompt

    spec = parse_prompt("a bedroom with a duffel and a gizmo")
    shapes = {o.category: o.shape for o in spec.objects if not o.known}
    assert shapes == {"duffel": "backpack", "gizmo": None}  # backpack 0.84; gizmo's nearest (toilet 0.45) is no shape
    assert spec.to_dict()["objects"][[o.category for o in spec.objects].index("duffel")]["shape"] == "backpack"
