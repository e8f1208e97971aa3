"""The omni.physx engine adapter keeps a resting pair in contact while PhysX reports nothing for it.

PhysX sends contact events when a pair starts touching (found), keeps touching (persist) and
separates (lost), and none for a pair whose bodies sleep. The simulation interface here plays such
a sequence of reports; names are the ones omni.physx 107.3 gives (``get_physx_simulation_interface``:
``attach_stage``, ``simulate``, ``fetch_results``, ``get_contact_report``, ``get_attached_stage``,
``detach_stage``; ``ContactEventType.CONTACT_FOUND / CONTACT_PERSIST / CONTACT_LOST``), which are
what the Kit test (omni_generalist/tests/test_physx_engine.py) exercises for real.
"""

from __future__ import annotations

import importlib
import sys
import types
from enum import Enum

import pxr
import pytest
from pxr import Sdf, Usd, UsdGeom, UsdPhysics


class ContactEventType(Enum):
    CONTACT_FOUND = 0
    CONTACT_LOST = 1
    CONTACT_PERSIST = 2


PATHS = ["/World/Box", "/World/Floor"]


class Sim:
    def __init__(self, script):
        self.script = list(script)
        self.attached = 0
        self.steps = 0

    def attach_stage(self, stage_id):
        self.attached = stage_id
        return True

    def detach_stage(self):
        self.attached = 0

    def get_attached_stage(self):
        return self.attached

    def simulate(self, elapsed_time, current_time):
        self.steps += 1

    def fetch_results(self):
        pass

    def get_contact_report(self):
        kind = self.script[self.steps - 1] if self.steps - 1 < len(self.script) else None
        if kind is None:
            return [], []
        header = types.SimpleNamespace(type=kind, actor0=0, actor1=1, contact_data_offset=0,
                                       num_contact_data=0 if kind == ContactEventType.CONTACT_LOST else 1)
        data = [types.SimpleNamespace(position=(0.0, 0.0, 0.0), separation=-0.001)]
        return [header], data


def _install(monkeypatch, sim):
    settings = types.SimpleNamespace(get_as_bool=lambda key: False, set=lambda key, value: None)
    carb = types.ModuleType("carb")
    carb.settings = types.ModuleType("carb.settings")
    carb.settings.get_settings = lambda: settings
    omni = types.ModuleType("omni")
    omni.timeline = types.ModuleType("omni.timeline")
    omni.timeline.get_timeline_interface = lambda: types.SimpleNamespace(is_playing=lambda: False)
    physx = types.ModuleType("omni.physx")
    physx.get_physx_simulation_interface = lambda: sim
    bindings = types.ModuleType("omni.physx.bindings")
    _physx = types.ModuleType("omni.physx.bindings._physx")
    _physx.SETTING_UPDATE_TO_USD = "/physics/updateToUsd"
    _physx.ContactEventType = ContactEventType
    omni.physx = physx
    for name, mod in (("carb", carb), ("carb.settings", carb.settings), ("omni", omni),
                      ("omni.timeline", omni.timeline), ("omni.physx", physx), ("omni.physx.bindings", bindings),
                      ("omni.physx.bindings._physx", _physx)):
        monkeypatch.setitem(sys.modules, name, mod)
    tools = types.SimpleNamespace(intToSdfPath=lambda i: Sdf.Path(PATHS[i]))
    monkeypatch.setattr(pxr, "PhysicsSchemaTools", tools, raising=False)
    from omni_generalist.kit import physx_engine

    return importlib.reload(physx_engine)


def _stage() -> Usd.Stage:
    stage = Usd.Stage.CreateInMemory()
    UsdPhysics.Scene.Define(stage, "/World/PhysicsScene")
    UsdPhysics.CollisionAPI.Apply(UsdGeom.Cube.Define(stage, "/World/Floor").GetPrim())
    box = UsdGeom.Cube.Define(stage, "/World/Box").GetPrim()
    UsdPhysics.CollisionAPI.Apply(box)
    UsdPhysics.RigidBodyAPI.Apply(box)
    return stage


@pytest.mark.parametrize("script, touching", [
    ([ContactEventType.CONTACT_FOUND, ContactEventType.CONTACT_PERSIST], True),  # then asleep: no events
    ([ContactEventType.CONTACT_FOUND, ContactEventType.CONTACT_LOST], False),
])
def test_contacts_survive_sleep_and_end_on_lost(monkeypatch, script, touching):
    sim = Sim(script)
    engine = _install(monkeypatch, sim)
    world = engine.PhysxEngine().load(_stage(), 1 / 240)
    try:
        world.step(10)
        pairs = {(c.a, c.b) for c in world.contacts()}
        assert (("/World/Box", "/World/Floor") in pairs) is touching
    finally:
        world.close()
    assert sim.attached == 0
