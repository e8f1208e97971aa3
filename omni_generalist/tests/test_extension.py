"""The extension starts, registers its menu action, command and engine, and toggles its window."""

from __future__ import annotations

import omni.kit.actions.core
import omni.kit.app
import omni.kit.commands
import omni.kit.test
import omni.ui as ui

from omni_generalist.kit.extension import ACTION_ID
from omni_generalist.kit.physx_engine import ENGINE_NAME
from omni_generalist.kit.stage_adapter import COMMAND_NAME
from omni_generalist.kit.window import TITLE
from omni_generalist.physics.engine import engine_names

from ._helpers import extension_name


class TestExtension(omni.kit.test.AsyncTestCase):
    async def test_registrations(self):
        self.assertIn(ENGINE_NAME, engine_names())
        self.assertIn(COMMAND_NAME, omni.kit.commands.get_commands())
        action = omni.kit.actions.core.get_action_registry().get_action(extension_name(), ACTION_ID)
        self.assertIsNotNone(action)

    async def test_menu_action_toggles_the_window(self):
        name = extension_name()
        omni.kit.actions.core.execute_action(name, ACTION_ID)
        await omni.kit.app.get_app().next_update_async()
        window = ui.Workspace.get_window(TITLE)
        self.assertIsNotNone(window)
        shown = window.visible
        omni.kit.actions.core.execute_action(name, ACTION_ID)
        await omni.kit.app.get_app().next_update_async()
        self.assertNotEqual(shown, ui.Workspace.get_window(TITLE).visible)


class TestDependencies(omni.kit.test.AsyncTestCase):
    async def test_scipy_comes_from_omni_pip_compute(self):
        """Validation imports scipy (convex hulls); extension.toml declares omni.pip.compute for it."""
        manager = omni.kit.app.get_app().get_extension_manager()
        self.assertTrue(manager.is_extension_enabled("omni.pip.compute"))
        import scipy.spatial  # noqa: F401


class TestSandboxInKit(omni.kit.test.AsyncTestCase):
    async def test_worker_runs_on_kits_python_and_is_confined(self):
        """Issue 15 item 9: inside Kit ``sys.executable`` is the Kit binary; the sandbox worker is started
        on Kit's own Python with Kit's module and library paths, runs actions (pxr imports in the child)
        and applies the OS confinement (a child process, never an in-process executor)."""
        import os
        import sys

        from omni_generalist.actions import Sandbox
        from omni_generalist.actions.confine import LEVELS
        from omni_generalist.actions.spawn import worker_command

        command = worker_command()
        if not os.path.basename(sys.executable).lower().startswith("python"):
            self.assertEqual(command.reason, "kit python")
        with Sandbox(seed=1) as sandbox:
            res = sandbox.run("create_room(4, 4)\nadd_door('south')\nprint(stage.GetPrimAtPath('/World/Rooms/room').IsValid())")
            self.assertTrue(res.ok, res.error)
            self.assertEqual(res.output.strip(), "True")
            self.assertIn(sandbox.confinement.get("level"), LEVELS)
            self.assertNotEqual(sandbox._worker.process.pid, os.getpid())
            res = sandbox.run("import os")
            self.assertFalse(res.ok)
