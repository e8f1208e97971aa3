import pytest
from pxr import Sdf, Usd, UsdGeom, UsdPhysics

from omni_generalist.errors import WorldFormatError
from omni_generalist.world import new_stage, open_stage
from omni_generalist.world.metadata import get_info, get_provenance, label, semantic_classes, set_provenance


def test_new_stage_follows_conventions():
    stage = new_stage()
    assert UsdGeom.GetStageUpAxis(stage) == UsdGeom.Tokens.z
    assert UsdGeom.GetStageMetersPerUnit(stage) == 1.0
    assert UsdPhysics.GetStageKilogramsPerUnit(stage) == 1.0
    assert stage.GetDefaultPrim().GetPath() == Sdf.Path("/World")
    for path in ("/World/PhysicsScene", "/World/Rooms", "/World/Objects", "/World/Looks", "/World/Lights"):
        assert stage.GetPrimAtPath(path), path
    scene = UsdPhysics.Scene(stage.GetPrimAtPath("/World/PhysicsScene"))
    assert scene.GetGravityMagnitudeAttr().Get() == pytest.approx(9.81)
    assert tuple(scene.GetGravityDirectionAttr().Get()) == (0, 0, -1)


def test_labels_and_provenance_round_trip(tmp_path):
    stage = new_stage()
    prim = stage.DefinePrim("/World/Objects/mug_0", "Xform")
    label(prim, "Mug", "White Plastic", "/World/Objects/table_0", True, False, size=[0.1, 0.1, 0.1])
    set_provenance(stage, "a mug", 4, "procedural")
    path = tmp_path / "w.usda"
    stage.GetRootLayer().Export(str(path))
    back = open_stage(path)
    p = back.GetPrimAtPath("/World/Objects/mug_0")
    assert semantic_classes(p) == ["mug"]
    assert p.GetAttribute("semantics:labels:class").Get() == ["mug"]
    info = get_info(p)
    assert info["category"] == "mug" and info["material"] == "white plastic"
    assert info["support"] == "/World/Objects/table_0" and info["movable"] is True and info["articulated"] is False
    assert list(info["size"]) == [0.1, 0.1, 0.1]
    prov = get_provenance(back)
    assert prov["prompt"] == "a mug" and prov["seed"] == 4 and prov["policy"] == "procedural" and prov["version"]


def test_open_stage_errors(tmp_path):
    with pytest.raises(WorldFormatError, match="no such world"):
        open_stage(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(WorldFormatError, match="holds no world.usd"):
        open_stage(tmp_path / "empty")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "world.usd").write_bytes(b"PXR-USDC\x00\x01garbage" * 10)
    with pytest.raises(WorldFormatError, match="cannot read"):
        open_stage(bad)
    yup = tmp_path / "yup.usda"
    s = Usd.Stage.CreateNew(str(yup))
    UsdGeom.SetStageUpAxis(s, UsdGeom.Tokens.y)
    s.GetRootLayer().Save()
    with pytest.raises(WorldFormatError, match="Z-up"):
        open_stage(yup)
    noworld = tmp_path / "noworld.usda"
    s = Usd.Stage.CreateNew(str(noworld))
    UsdGeom.SetStageUpAxis(s, UsdGeom.Tokens.z)
    UsdGeom.SetStageMetersPerUnit(s, 1.0)
    s.GetRootLayer().Save()
    with pytest.raises(WorldFormatError, match="/World"):
        open_stage(noworld)
    cm = tmp_path / "cm.usda"
    s = Usd.Stage.CreateNew(str(cm))
    UsdGeom.SetStageUpAxis(s, UsdGeom.Tokens.z)
    s.GetRootLayer().Save()
    with pytest.raises(WorldFormatError, match="meters"):
        open_stage(cm)
