"""BasicWriter export of the open world through the panel's Export dataset action."""

from __future__ import annotations

import tempfile
from pathlib import Path

import omni.kit.app
import omni.kit.test

from omni_generalist.kit import stage_adapter
from omni_generalist.kit.services import replicator_export, replicator_randomize
from omni_generalist.panel import PanelServices, PanelViewModel

from ._helpers import generated_stage


class TestReplicator(omni.kit.test.AsyncTestCase):
    async def test_export_dataset_writes_basicwriter_files(self):
        await generated_stage()
        with tempfile.TemporaryDirectory() as tmp:
            vm = PanelViewModel(stage_adapter.open_stage, applier=stage_adapter.apply_in_undo_group,
                                services=PanelServices(randomize=replicator_randomize, export=replicator_export),
                                yield_frame=omni.kit.app.get_app().next_update_async)
            try:
                vm.set_field("frames", "2")
                vm.set_field("output_dir", str(Path(tmp) / "ds"))
                randomized = await vm.randomize()
                self.assertTrue(randomized.ok, randomized.error)
                outcome = await vm.export()
                self.assertTrue(outcome.ok, outcome.error)
            finally:
                vm.close()
            rgb = sorted(p.name for p in (Path(tmp) / "ds").rglob("rgb_*.png"))
            self.assertGreaterEqual(len(rgb), 2)


class TestReplicatorGraph(omni.kit.test.AsyncTestCase):
    """Items of the Replicator review (issue 15): what the graph does to the open stage, frame by frame."""

    async def _build(self, overrides: dict, frames: int = 3) -> tuple:
        import omni.replicator.core as rep

        from omni_generalist.kit.replicator_randomizer import build_replicator_graph
        from omni_generalist.randomize import load_spec, spec_to_graph

        stage = await generated_stage()
        graph = spec_to_graph(load_spec(overrides=overrides), stage, num_frames=frames, seed=1)
        build_replicator_graph(graph, stage)
        return stage, graph, rep

    async def test_added_lights_have_their_radius_and_randomized_intensity(self):
        from pxr import UsdLux

        stage, _, rep = await self._build({"light_count_delta": (0, 2)})
        await rep.orchestrator.step_async(rt_subframes=1)
        lights = [p for p in stage.Traverse() if p.IsA(UsdLux.SphereLight) and str(p.GetPath()).startswith("/Replicator")]
        self.assertEqual(len(lights), 2)
        for light in lights:
            self.assertAlmostEqual(light.GetAttribute("inputs:radius").Get(), 0.1, places=5)
            self.assertNotEqual(light.GetAttribute("inputs:intensity").Get(), 1000.0)

    async def test_randomized_rotation_turns_the_object(self):
        import math

        from pxr import Gf, UsdGeom

        from omni_generalist.randomize.replicator_graph import pose_rotation_prims

        stage, graph, rep = await self._build({"pose_jitter_deg": 30.0, "pose_jitter_m": 0.1})
        await rep.orchestrator.step_async(rt_subframes=1)
        for path in pose_rotation_prims(graph):
            prim = stage.GetPrimAtPath(path)
            written = prim.GetAttribute("xformOp:rotateXYZ").Get()
            m = Gf.Matrix4d(UsdGeom.Xformable(prim).GetLocalTransformation()).RemoveScaleShear()
            x = m.TransformDir(Gf.Vec3d(1, 0, 0))
            yaw = math.degrees(math.atan2(x[1], x[0]))
            self.assertLess(abs((yaw - written[2] + 180) % 360 - 180), 1e-2, path)

    async def test_randomize_twice_leaves_one_graph(self):
        from pxr import UsdLux

        stage, graph, rep = await self._build({"light_count_delta": (0, 1)})
        from omni_generalist.kit.replicator_randomizer import build_replicator_graph

        build_replicator_graph(graph, stage)
        await rep.orchestrator.step_async(rt_subframes=1)
        lights = [p for p in stage.Traverse() if p.IsA(UsdLux.SphereLight) and str(p.GetPath()).startswith("/Replicator")]
        self.assertEqual(len(lights), 1)

    async def test_export_camera_near_clip_is_centimetres(self):
        from pxr import UsdGeom

        from omni_generalist.kit.replicator_writer import write_dataset_async

        stage = await generated_stage()
        with tempfile.TemporaryDirectory() as tmp:
            await write_dataset_async(stage, Path(tmp) / "ds", 1)
        cams = [p for p in stage.Traverse() if p.IsA(UsdGeom.Camera) and str(p.GetPath()).startswith("/Replicator")]
        self.assertTrue(cams)
        self.assertLessEqual(UsdGeom.Camera(cams[0]).GetClippingRangeAttr().Get()[0], 0.05)
