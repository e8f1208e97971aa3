"""merge_layer must give the committed layer exactly what the stage composed from edit over committed."""

from pxr import Sdf, Usd, UsdGeom, UsdSemantics, UsdShade

from omni_generalist.world.layers import merge_layer
from omni_generalist.world.stage import new_stage


def _edit(stage):
    stage.SetEditTarget(Usd.EditTarget(stage.GetSessionLayer()))


def _commit(stage, removed=()):
    """Merge the session layer into the root; return (flattened before, flattened after)."""
    before = stage.Flatten().ExportToString()
    merge_layer(stage.GetSessionLayer(), stage.GetRootLayer(), removed)
    stage.GetSessionLayer().Clear()
    after = stage.Flatten().ExportToString()
    return before, after


def test_merge_new_prims_attributes_and_metadata():
    stage = new_stage()
    _edit(stage)
    cube = UsdGeom.Cube.Define(stage, "/World/Objects/a")
    cube.CreateSizeAttr(2.0)
    UsdGeom.XformCommonAPI(cube).SetTranslate((1, 2, 3))
    UsdSemantics.LabelsAPI.Apply(cube.GetPrim(), "class").CreateLabelsAttr(["cube"])
    cube.GetPrim().SetCustomDataByKey("generalist:category", "cube")
    stage.GetPrimAtPath("/World").SetCustomDataByKey("generalist:x", 1)
    before, after = _commit(stage)
    assert before == after
    assert stage.GetRootLayer().GetPrimAtPath("/World/Objects/a") is not None


def test_merge_overrides_listops_dicts_relationships_and_connections():
    stage = new_stage()
    _edit(stage)
    cube = UsdGeom.Cube.Define(stage, "/World/Objects/a")
    cube.CreateSizeAttr(2.0)
    UsdSemantics.LabelsAPI.Apply(cube.GetPrim(), "class")
    cube.GetPrim().SetCustomDataByKey("generalist:category", "cube")
    mat = UsdShade.Material.Define(stage, "/World/Looks/m")
    sh = UsdShade.Shader.Define(stage, "/World/Looks/m/s")
    sh.CreateIdAttr("UsdPreviewSurface")
    mat.CreateSurfaceOutput().ConnectToSource(sh.ConnectableAPI(), "surface")
    UsdShade.MaterialBindingAPI.Apply(cube.GetPrim()).Bind(mat)
    _commit(stage)
    _edit(stage)
    cube.GetSizeAttr().Set(3.0)
    UsdSemantics.LabelsAPI.Apply(cube.GetPrim(), "extra")
    cube.GetPrim().SetCustomDataByKey("generalist:material", "oak")
    mat2 = UsdShade.Material.Define(stage, "/World/Looks/m2")
    UsdShade.MaterialBindingAPI.Apply(cube.GetPrim()).Bind(mat2)
    before, after = _commit(stage)
    assert before == after
    prim = stage.GetPrimAtPath("/World/Objects/a")
    assert prim.GetAttribute("size").Get() == 3.0
    assert prim.GetCustomDataByKey("generalist") == {"category": "cube", "material": "oak"}
    assert UsdShade.MaterialBindingAPI(prim).ComputeBoundMaterial()[0].GetPath() == Sdf.Path("/World/Looks/m2")
    assert set(prim.GetAppliedSchemas()) >= {"SemanticsLabelsAPI:class", "SemanticsLabelsAPI:extra"}


def test_merge_removals_delete_specs_and_ignore_edits_below_them():
    stage = new_stage()
    _edit(stage)
    UsdGeom.Xform.Define(stage, "/World/Objects/a")
    UsdGeom.Cube.Define(stage, "/World/Objects/a/body")
    UsdGeom.Xform.Define(stage, "/World/Objects/b")
    _commit(stage)
    _edit(stage)
    stage.GetPrimAtPath("/World/Objects/a").SetActive(False)
    before, after = _commit(stage, removed=["/World/Objects/a"])
    assert stage.GetRootLayer().GetPrimAtPath("/World/Objects/a") is None
    assert stage.GetRootLayer().GetPrimAtPath("/World/Objects/b") is not None
    assert not stage.GetPrimAtPath("/World/Objects/a")
    assert before == after


def test_merge_keeps_def_under_over_and_layer_metadata():
    stage = new_stage()
    _edit(stage)
    stage.OverridePrim("/World/Rooms").SetCustomDataByKey("generalist:x", 2)
    before, after = _commit(stage)
    spec = stage.GetRootLayer().GetPrimAtPath("/World/Rooms")
    assert spec.specifier == Sdf.SpecifierDef
    assert before == after
