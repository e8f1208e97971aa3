"""The omni.physx engine adapter: steps a private copy, reports poses, contacts and joints."""

from __future__ import annotations

import omni.kit.test
from omni.physx import get_physx_simulation_interface
from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from omni_generalist.kit.physx_engine import PhysxEngine
from omni_generalist.physics import validate_world

from ._helpers import generated_stage


def _box_on_floor(drop_m: float) -> Usd.Stage:
    stage = Usd.Stage.CreateInMemory()
    UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.z)
    UsdGeom.SetStageMetersPerUnit(stage, 1.0)
    UsdPhysics.Scene.Define(stage, "/World/PhysicsScene").CreateGravityMagnitudeAttr(9.81)
    floor = UsdGeom.Cube.Define(stage, "/World/Floor")
    floor.CreateSizeAttr(1.0)
    floor.AddTranslateOp().Set(Gf.Vec3d(0, 0, -0.05))
    floor.AddScaleOp().Set(Gf.Vec3f(4, 4, 0.1))
    UsdPhysics.CollisionAPI.Apply(floor.GetPrim())
    box = UsdGeom.Cube.Define(stage, "/World/Box")
    box.CreateSizeAttr(0.2)
    box.AddTranslateOp().Set(Gf.Vec3d(0, 0, 0.1 + drop_m))
    UsdPhysics.CollisionAPI.Apply(box.GetPrim())
    UsdPhysics.RigidBodyAPI.Apply(box.GetPrim())
    UsdPhysics.MassAPI.Apply(box.GetPrim()).CreateMassAttr(1.0)
    return stage


class TestPhysxEngine(omni.kit.test.AsyncTestCase):
    async def test_box_falls_and_rests_on_the_floor(self):
        stage = _box_on_floor(0.3)
        before = Sdf.Layer.CreateAnonymous()
        before.TransferContent(stage.GetRootLayer())
        world = PhysxEngine().load(stage, 1.0 / 240.0)
        try:
            world.step(480)
            # the rest state comes from poses: over the last 120 steps the box does not move
            (x, y, z), _ = world.poses()["/World/Box"]
            self.assertAlmostEqual(z, 0.1, delta=0.01)
            world.step(120)
            (x2, y2, z2), _ = world.poses()["/World/Box"]
            self.assertAlmostEqual(z2, z, delta=1e-3)
            # the box is asleep by now (PhysX reports nothing for sleeping pairs): the pair found while it
            # landed is still reported, since no CONTACT_LOST came
            pairs = {(c.a, c.b) for c in world.contacts()}
            self.assertIn(("/World/Box", "/World/Floor"), pairs)
            self.assertTrue(all(c.separation > -0.01 for c in world.contacts()))
        finally:
            world.close()
        self.assertEqual(get_physx_simulation_interface().get_attached_stage(), 0)
        # the source stage is untouched: the engine simulated a copy
        self.assertEqual(stage.GetRootLayer().ExportToString(), before.ExportToString())

    async def test_validate_world_with_omni_physx(self):
        stage = await generated_stage()
        report = validate_world(stage, engine="omni.physx")
        self.assertEqual(report.engine, "omni.physx")
        self.assertGreater(report.movable, 0)
        self.assertIsInstance(report.to_dict()["problems"], list)
