"""Physics authoring, validation (PhysX through SAPIEN, MuJoCo) and repair on deliberately broken worlds."""

from __future__ import annotations

import json
import random

import pytest
from pxr import Gf, Usd, UsdGeom, UsdPhysics

from omni_generalist.actions import ActionAPI
from omni_generalist.config import PhysicsConfig
from omni_generalist.errors import InputError
from omni_generalist.physics import author_physics, get_engine, repair_world, validate_world
from omni_generalist.physics.scene import read_scene
from omni_generalist.world import new_stage
from omni_generalist.world.layout import object_prims
from omni_generalist.world.metadata import get_info

pytestmark = pytest.mark.slow(seconds=290)  # its time in make test on a busy machine: started first

pytest.importorskip("sapien")
pytest.importorskip("mujoco")

ENGINES = ("physx", "mujoco")


def _world() -> tuple[Usd.Stage, ActionAPI]:
    stage = new_stage()
    api = ActionAPI(stage, random.Random(3))
    api.create_room(5.0, 4.0, room_type="kitchen")
    api.add_door(wall="south", offset=1.0)
    table = api.add_object("table", name="table", center=True, size=(1.2, 0.8, 0.75), material="oak wood")
    api.add_object("mug", name="mug", on=table)
    api.add_object("book", name="book", on=table)
    api.add_object("chair", name="chair", against_wall="west")
    api.add_object("storage box", name="box", corner="north-east")
    api.add_object("dresser", name="dresser", against_wall="north")
    api.add_object("fridge", name="fridge", against_wall="east")
    author_physics(stage)
    return stage, api


def _translate(stage: Usd.Stage, name: str, dx=0.0, dy=0.0, dz=0.0) -> None:
    prim = next(p for p in object_prims(stage) if p.GetName() == name)
    op = next(o for o in UsdGeom.Xformable(prim).GetOrderedXformOps() if o.GetOpType() == UsdGeom.XformOp.TypeTranslate)
    v = op.Get()
    op.Set(Gf.Vec3d(v[0] + dx, v[1] + dy, v[2] + dz))


def _kinds(report) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in report.errors:
        out.setdefault(p.kind, set()).add(p.path.rsplit("/", 1)[-1])
    return out


@pytest.fixture(scope="module")
def clean_reports():
    stage, _ = _world()
    return stage, {e: validate_world(stage, e) for e in ENGINES}


def test_authoring_follows_the_contract():
    stage, _ = _world()
    scene = UsdPhysics.Scene(stage.GetPrimAtPath("/World/PhysicsScene"))
    assert scene and tuple(scene.GetGravityDirectionAttr().Get()) == (0, 0, -1)
    assert "PhysxSceneAPI" in scene.GetPrim().GetAppliedSchemas()
    mug = stage.GetPrimAtPath("/World/Objects/kitchen/mug")
    assert mug.HasAPI(UsdPhysics.RigidBodyAPI) and mug.HasAPI(UsdPhysics.MassAPI)
    assert 0.05 < UsdPhysics.MassAPI(mug).GetMassAttr().Get() < 2.0  # a mug, not a brick
    assert 5.0 < UsdPhysics.MassAPI(stage.GetPrimAtPath("/World/Objects/kitchen/table")).GetMassAttr().Get() < 80.0
    # the fridge is a fixed-base articulation: anchored to the world, every link a rigid body
    fridge = stage.GetPrimAtPath("/World/Objects/kitchen/fridge")
    assert fridge.HasAPI(UsdPhysics.ArticulationRootAPI) and get_info(fridge)["fixed"] is True
    anchor = UsdPhysics.FixedJoint(stage.GetPrimAtPath("/World/Objects/kitchen/fridge/joints/anchor"))
    assert anchor and not anchor.GetBody0Rel().GetTargets()
    assert anchor.GetBody1Rel().GetTargets()[0].name == "body"
    joints = [p for p in Usd.PrimRange(fridge) if p.IsA(UsdPhysics.RevoluteJoint)]
    assert joints and all(p.HasAPI(UsdPhysics.DriveAPI) for p in joints)
    # colliders: convex hulls with PhysX offsets; physics materials bound with the physics purpose
    part = next(p for p in Usd.PrimRange(mug) if p.HasAPI(UsdPhysics.CollisionAPI))
    assert UsdPhysics.MeshCollisionAPI(part).GetApproximationAttr().Get() == "convexHull"
    assert part.GetAttribute("physxCollision:contactOffset").Get() > 0
    assert mug.GetRelationship("material:binding:physics").GetTargets()[0].pathString.startswith(
        "/World/PhysicsMaterials/")
    floor = stage.GetPrimAtPath("/World/Rooms/kitchen/Floor")
    assert floor.HasAPI(UsdPhysics.CollisionAPI) and not floor.HasAPI(UsdPhysics.RigidBodyAPI)
    # idempotent: authoring twice changes nothing
    before = stage.GetRootLayer().ExportToString()
    author_physics(stage)
    assert stage.GetRootLayer().ExportToString() == before


def test_clean_world_validates_in_both_engines(clean_reports):
    _, reports = clean_reports
    for engine, rep in reports.items():
        assert rep.engine == engine
        assert rep.stability == 1.0 and rep.movable >= 5, rep.summary()
        assert not rep.of_kind("interpenetration") and not rep.of_kind("floating"), rep.summary()
        assert len(rep.joints) >= 4  # fridge doors and dresser drawers were swept
        assert not [p for p in rep.problems if p.kind == "asset_validator" and p.severity == "error"]
        json.dumps(rep.to_dict())


def test_floating_object_is_detected_and_dropped():
    stage, _ = _world()
    _translate(stage, "mug", dz=0.12)
    for engine in ENGINES:
        rep = validate_world(stage, engine, joints=False)
        floating = rep.of_kind("floating")
        assert [p.path for p in floating] == ["/World/Objects/kitchen/mug"], rep.summary()
        assert "mug floats" in floating[0].message and "nothing beneath" in floating[0].message
    res = repair_world(stage, joints=False)
    assert res.ok, res.to_dict()["unfixed"]
    assert any("mug to its settled pose" in a for a in res.actions)
    z = UsdGeom.Xformable(stage.GetPrimAtPath("/World/Objects/kitchen/mug")).ComputeLocalToWorldTransform(0).ExtractTranslation()[2]
    assert z == pytest.approx(0.75, abs=0.01)  # back on the table top


def test_overlapping_objects_are_detected_and_separated():
    stage, api = _world()
    box = api.get_object("box")
    chair = api.get_object("chair")
    _translate(stage, "box", box.position[0] * 0 + chair.position[0] - box.position[0] + 0.15,
               chair.position[1] - box.position[1])
    rep = validate_world(stage, joints=False)
    pen = rep.of_kind("interpenetration")
    assert pen and {pen[0].path.rsplit("/", 1)[-1], pen[0].other.rsplit("/", 1)[-1]} == {"box", "chair"}
    assert "interpenetrate by" in pen[0].message and pen[0].value > 0.01
    res = repair_world(stage, joints=False)
    assert res.ok, res.to_dict()["unfixed"]
    assert not res.after.of_kind("interpenetration")


def test_object_inside_a_wall():
    stage, api = _world()
    box = api.get_object("box")
    _translate(stage, "box", dx=0.25)  # the north-east corner box pushed into the east wall
    rep = validate_world(stage, joints=False)
    assert any(p.path.endswith("/box") or p.other.endswith("/box") for p in rep.of_kind("interpenetration"))
    wall_hits = [p for p in rep.of_kind("interpenetration") if "/Walls/" in p.path + p.other]
    assert wall_hits and "wall" in wall_hits[0].message
    assert [p.path for p in rep.of_kind("out_of_bounds")] == [box.path]
    res = repair_world(stage, joints=False)
    assert res.ok, res.to_dict()["unfixed"]


def test_drawer_blocked_by_a_wall_is_found_and_turned_round():
    stage, api = _world()
    api.rotate_object("dresser", 180.0)  # its drawers now open into the north wall
    author_physics(stage)
    for engine in ENGINES:
        rep = validate_world(stage, engine)
        blocked = [p for p in rep.of_kind("blocked_joint") if "/dresser/" in p.path]
        assert blocked, rep.summary()
        assert all("/Walls/" in p.other for p in blocked)
        assert "of dresser is blocked by wall_" in blocked[0].message
    res = repair_world(stage)
    assert res.ok, res.to_dict()["unfixed"]
    assert any("turned dresser round" in a for a in res.actions)


def test_negative_mass_is_reported_and_fixed():
    stage, _ = _world()
    UsdPhysics.MassAPI(stage.GetPrimAtPath("/World/Objects/kitchen/chair")).GetMassAttr().Set(-5.0)
    rep = validate_world(stage, joints=False)
    neg = rep.of_kind("negative_mass")
    assert [p.path for p in neg] == ["/World/Objects/kitchen/chair"]
    assert "negative mass (-5 kg)" in neg[0].message
    assert not rep.ok
    # NVIDIA's asset-validator physics rules see it too, and their findings are in the report
    nvidia = [p for p in rep.of_kind("asset_validator") if p.severity == "error"]
    assert nvidia and all(p.path == "/World/Objects/kitchen/chair" for p in nvidia)
    assert any(p.message.startswith("MassChecker:") for p in nvidia)
    res = repair_world(stage, joints=False)
    assert res.ok and UsdPhysics.MassAPI(stage.GetPrimAtPath("/World/Objects/kitchen/chair")).GetMassAttr().Get() > 0


def test_non_convex_dynamic_collider_is_reported_and_decomposed():
    stage, _ = _world()
    path = "/World/Objects/kitchen/box/l_bracket"
    mesh = UsdGeom.Mesh.Define(stage, path)
    # an L-shaped prism 0.3 x 0.3 x 0.1 sitting inside the box: clearly not convex
    outline = [(0, 0), (0.3, 0), (0.3, 0.1), (0.1, 0.1), (0.1, 0.3), (0, 0.3)]
    pts = [(x - 0.15, y - 0.15, z) for z in (0.05, 0.15) for x, y in outline]
    n = len(outline)
    faces = [list(range(n))[::-1], list(range(n, 2 * n))] + [[i, (i + 1) % n, n + (i + 1) % n, n + i] for i in range(n)]
    mesh.CreatePointsAttr(pts)
    mesh.CreateFaceVertexCountsAttr([len(f) for f in faces])
    mesh.CreateFaceVertexIndicesAttr([i for f in faces for i in f])
    UsdPhysics.CollisionAPI.Apply(mesh.GetPrim())
    UsdPhysics.MeshCollisionAPI.Apply(mesh.GetPrim()).CreateApproximationAttr("none")
    rep = validate_world(stage, joints=False)
    bad = rep.of_kind("non_convex_collider")
    assert [p.path for p in bad] == [path] and bad[0].severity == "error"
    assert "triangle mesh cannot be simulated on a moving body" in bad[0].message
    res = repair_world(stage, joints=False)
    assert res.ok, res.to_dict()["unfixed"]
    assert UsdPhysics.MeshCollisionAPI(stage.GetPrimAtPath(path)).GetApproximationAttr().Get() == "convexDecomposition"
    desc = read_scene(stage)
    pieces = [s for s in desc.bodies["/World/Objects/kitchen/box"].shapes if s.path.startswith(path)]
    assert len(pieces) >= 2  # CoACD split the L into convex parts


def test_joint_pointing_at_a_missing_body_is_reported():
    stage, _ = _world()
    joint = next(p for p in Usd.PrimRange(stage.GetPrimAtPath("/World/Objects/kitchen/fridge")) if p.IsA(UsdPhysics.RevoluteJoint))
    UsdPhysics.Joint(joint).GetBody1Rel().SetTargets(["/World/Objects/kitchen/fridge/no_such_door"])
    rep = validate_world(stage)
    missing = rep.of_kind("missing_body")
    assert [p.path for p in missing] == [str(joint.GetPath())]
    assert "points at /World/Objects/kitchen/fridge/no_such_door, which does not exist" in missing[0].message
    res = repair_world(stage)
    assert not res.ok and res.after.of_kind("missing_body")  # not repairable: reported, world kept


def test_engines_agree_on_unstable_objects():
    stage, _ = _world()
    _translate(stage, "mug", dz=0.3)  # falls onto the table
    _translate(stage, "book", dz=0.5)
    prim = stage.GetPrimAtPath("/World/Objects/kitchen/box")  # tipped over the edge of nothing: tilted 35 degrees
    UsdGeom.Xformable(prim).GetOrderedXformOps()[1].Set(Gf.Quatd(Gf.Rotation(Gf.Vec3d(1, 0, 0), 35).GetQuat()))
    _translate(stage, "box", dz=0.2)
    unstable = {}
    for engine in ENGINES:
        rep = validate_world(stage, engine, joints=False)
        unstable[engine] = {p.path for p in rep.of_kind("unstable")}
    assert unstable["physx"] == unstable["mujoco"] == {"/World/Objects/kitchen/mug", "/World/Objects/kitchen/book", "/World/Objects/kitchen/box"}


def test_bad_engine_and_settings_are_input_errors():
    stage, _ = _world()
    with pytest.raises(InputError, match="unknown physics engine"):
        validate_world(stage, "bullet")
    with pytest.raises(InputError, match="hz"):
        validate_world(stage, config=PhysicsConfig(hz=0))
    assert get_engine("physx").name == "physx" and get_engine("mujoco").name == "mujoco"


def test_validate_cli_reports_repairs_and_exits_by_verdict(tmp_path):
    from tests.conftest import run_cli

    script = tmp_path / "a.py"
    script.write_text("# %% action 0\ncreate_room(4, 3)\nadd_door(wall='south')\n"
                      "t = add_object('table', name='table', center=True, size=(1.0, 0.7, 0.75))\n"
                      "add_object('mug', name='mug', on=t)\n")
    world = tmp_path / "w"
    proc = run_cli("generate", "a table with a mug", "--actions", str(script), "--out", str(world), "--format",
                   "usda", "--no-preview")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "physics (physx): stability 100.0%" in proc.stderr.decode()
    assert run_cli("validate", str(world)).returncode == 0
    stage = Usd.Stage.Open(str(world / "world.usda"))
    _translate(stage, "mug", dz=0.2)
    stage.GetRootLayer().Save()
    proc = run_cli("validate", str(world), "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["ok"] is False and data["counts"]["floating"] == 1
    proc = run_cli("validate", str(world), "--engine", "mujoco")
    assert proc.returncode == 1 and "mug floats" in proc.stdout.decode()
    proc = run_cli("validate", str(world), "--repair")
    assert proc.returncode == 0, proc.stdout.decode()
    assert "repaired: set mug to its settled pose" in proc.stdout.decode()
    report = json.loads((world / "report.json").read_text())["physics"]
    assert report["ok"] and report["before"]["counts"]["floating"] == 1
    assert run_cli("validate", str(world)).returncode == 0
    assert [p.name for p in world.iterdir() if p.name.startswith(".")] == []  # no temporary left behind
    bad = run_cli("validate", str(tmp_path / "missing"))
    assert bad.returncode == 2 and "no such world" in bad.stderr.decode()
    bad = run_cli("validate", str(world), "--engine", "bullet")
    assert bad.returncode == 2 and "unknown physics engine" in bad.stderr.decode()


# small things that used to rock, roll or topple at rest (and were then removed by repair)
ROCKERS = ("knife", "knife block", "pen", "banana", "grapes", "eyeglasses", "vegetable", "desk lamp", "apple", "tomato")


@pytest.mark.parametrize("seed", [0, 1])
def test_small_objects_rest_upright_on_a_table(seed):
    stage = new_stage()
    api = ActionAPI(stage, random.Random(seed))
    api.create_room(8.0, 7.0, room_type="storage room")
    api.add_door(wall="south", offset=1.0)
    for k, category in enumerate(ROCKERS):
        table = api.add_object("table", name=f"t{k}", position=(-3.0 + (k % 4) * 2.0, -1.3 + (k // 4) * 1.8),
                               size=(1.0, 1.0, 0.75))
        api.add_object(category, name=f"o{k}", on=table)
    author_physics(stage)
    report = validate_world(stage, "physx", joints=False)
    moved = {p.path.rsplit("/", 1)[-1]: p.message for p in report.problems if p.kind in ("unstable", "floating")}
    assert moved == {}, moved


def test_wall_cabinets_at_a_corner_are_slid_apart():
    """A wall cabinet's door swings into the cabinet on the next wall after 27 % of its range: too
    little for a door stop, so the other cabinet slides along its wall."""
    stage = new_stage()
    api = ActionAPI(stage, random.Random(0))
    api.create_room(5.0, 4.0, room_type="kitchen")
    api.add_door(wall="west", offset=1.0)
    api.add_object("wall cabinet", name="a", on_wall="south", offset=4.5, height=1.7, size=(0.9, 0.36, 0.6))
    api.add_object("wall cabinet", name="b", on_wall="east", offset=1.0, height=1.7, size=(0.9, 0.36, 0.6))
    author_physics(stage)
    before = validate_world(stage, "physx")
    assert [(p.kind, p.other.rsplit("/", 1)[-1]) for p in before.errors] == [("blocked_joint", "b")]
    y0 = api.get_object("b").position[1]
    result = repair_world(stage, "physx", author=False)
    assert result.after.ok, result.after.summary()
    assert any(a.startswith("moved b by (+0.00, +0.") for a in result.actions), result.actions
    b = ActionAPI(stage).get_object("b")
    assert b.position[1] > y0 + 0.2 and b.support.endswith("/Walls/wall_1")  # along the east wall, still on it


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_apples_sit_side_by_side_in_a_bowl(seed):
    """A bowl's floor is small; round fruit reaches over it towards the flaring wall instead of
    being stacked (the second apple used to be put on the first and roll off)."""
    stage = new_stage()
    api = ActionAPI(stage, random.Random(seed))
    api.create_room(4.0, 4.0, room_type="dining room")
    api.add_door(wall="south", offset=1.0)
    api.add_object("table", name="table", center=True, size=(1.2, 0.8, 0.75))
    api.add_object("bowl", name="bowl", on="table", size=(0.3, 0.3, 0.12))
    for i in range(2):
        api.add_object("apple", name=f"apple_{i}", on="bowl", size=(0.075, 0.075, 0.075))
    a, b = api.get_object("apple_0"), api.get_object("apple_1")
    assert abs(a.position[2] - b.position[2]) < 1e-6  # one layer
    author_physics(stage)
    report = validate_world(stage, "physx", joints=False)
    assert report.ok, report.summary()
