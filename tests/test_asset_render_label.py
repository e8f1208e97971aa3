"""Asset labels from renders with a user-supplied CLIP-style checkpoint (issue 12): a tiny randomly
initialised transformers ``CLIPModel`` built by the test, real renders of real indexed meshes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="the train extra (torch, transformers)")
pytest.importorskip("transformers", reason="the train extra (torch, transformers)")

from omni_generalist.assets.catalog import catalog  # noqa: E402
from omni_generalist.assets.library import LibrarySettings, add_library, load_index  # noqa: E402
from omni_generalist.assets.library.render_label import PROMPT, asset_views  # noqa: E402
from omni_generalist.errors import InputError  # noqa: E402

from .tiny_vlm import build_clip  # noqa: E402


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    corpus = [PROMPT.format(n) for n in sorted(catalog().categories)]
    return build_clip(tmp_path_factory.mktemp("clip"), corpus)


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    import trimesh

    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "cache"))
    lib = tmp_path / "scans"
    lib.mkdir()
    # names that say nothing: a box and a cylinder; and a named mug
    trimesh.creation.box(extents=(0.3, 0.2, 0.15)).export(lib / "mesh_0042.obj")
    trimesh.creation.cylinder(radius=0.04, height=0.25).export(lib / "scan_a8f3.obj")
    trimesh.creation.cylinder(radius=0.045, height=0.1).export(lib / "mug.obj")
    return lib


def test_labels_from_renders(clip, folder):
    s = LibrarySettings(decomposition="hull", use_model=False, clip_checkpoint=str(clip), clip_min_confidence=0.0)
    summary = add_library(folder, "scans", s)
    assert summary["broken"] == {} and summary["objects"] == 3
    idx = load_index("scans")["assets"]
    for a in idx.values():
        r = a["render_label"]
        assert r["category"] in catalog().categories and 0.0 < r["confidence"] <= 1.0
        assert [t[0] for t in r["top"]][0] == r["category"] and r["top"][0][1] >= r["top"][-1][1]
    # an asset whose names say nothing takes the renders' category ...
    for rel in ("mesh_0042.obj", "scan_a8f3.obj"):
        assert idx[rel]["category"] == idx[rel]["render_label"]["category"]
        assert idx[rel]["label"]["source"] == "render" and "unlabelled" not in idx[rel]
    # ... a name the knowledge base knows is the author's word and wins over the renders
    assert idx["mug.obj"]["category"] == "mug" and idx["mug.obj"]["label"]["source"] == "file name"
    # different shapes seen by the model give different scores (the renders are what it sees)
    assert idx["mesh_0042.obj"]["render_label"]["top"] != idx["scan_a8f3.obj"]["render_label"]["top"]


def test_unsure_renders_do_not_guess(clip, folder):
    # a random model is nowhere near sure among 400+ categories: the nameless asset stays unlabelled,
    # reported with its size and shape, and the render label is kept for the user to see
    s = LibrarySettings(decomposition="hull", use_model=False, clip_checkpoint=str(clip))
    add_library(folder, "scans", s)
    a = load_index("scans")["assets"]["mesh_0042.obj"]
    assert a["category"] is None and "m," in a["unlabelled"] and a["render_label"]["confidence"] < 0.5


def test_views_are_real_renders(folder):
    add_library(folder, "scans", LibrarySettings(decomposition="hull", use_model=False))
    entry = load_index("scans")["assets"]["scan_a8f3.obj"]
    views = asset_views(entry, views=2, pixels=64)
    assert [v.size for v in views] == [(64, 64), (64, 64)]
    for v in views:
        px = np.asarray(v).astype(int)
        # the object fills the middle of the view: its pixels differ from the background in a corner
        assert np.abs(px[28:36, 28:36] - px[0, 0]).sum(axis=2).mean() > 10


def test_bad_checkpoint_fails_the_command(folder, tmp_path):
    with pytest.raises(InputError, match="not a CLIP model folder"):
        add_library(folder, "scans", LibrarySettings(decomposition="hull", clip_checkpoint=str(tmp_path / "nope")))
