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
