"""Generate and Refine change the open stage as one undo step each."""

from __future__ import annotations

import omni.kit.app
import omni.kit.test
import omni.kit.undo

from ._helpers import PROMPT, kit_view_model, new_stage


def _objects(stage) -> list[str]:
    from omni_generalist.world.layout import object_prims

    return sorted(p.GetName() for p in object_prims(stage))


class TestStageAdapter(omni.kit.test.AsyncTestCase):
    async def setUp(self):
        self.stage = await new_stage()
        self.vm = kit_view_model()

    async def tearDown(self):
        self.vm.close()

    async def test_generate_is_one_undo_step(self):
        self.vm.set_field("prompt", PROMPT)
        self.vm.set_field("seed", "1")
        outcome = await self.vm.generate()
        self.assertTrue(outcome.ok, outcome.error)
        built = _objects(self.stage)
        self.assertIn("bed_0", built)
        omni.kit.undo.undo()
        await omni.kit.app.get_app().next_update_async()
        self.assertEqual(_objects(self.stage), [])
        omni.kit.undo.redo()
        await omni.kit.app.get_app().next_update_async()
        self.assertEqual(_objects(self.stage), built)

    async def test_refine_then_undo_restores_the_world(self):
        self.vm.set_field("prompt", PROMPT)
        self.assertTrue((await self.vm.generate()).ok)
        before = _objects(self.stage)
        self.vm.set_field("prompt", "add a floor lamp")
        outcome = await self.vm.refine()
        self.assertTrue(outcome.ok, outcome.error)
        self.assertIn("floor_lamp_0", _objects(self.stage))
        omni.kit.undo.undo()
        await omni.kit.app.get_app().next_update_async()
        self.assertEqual(_objects(self.stage), before)

    async def test_bad_input_leaves_the_stage_alone(self):
        self.vm.set_field("prompt", "   ")
        outcome = await self.vm.generate()
        self.assertEqual(outcome.status, "error")
        self.assertIn("empty", outcome.error)
        self.assertEqual(_objects(self.stage), [])
