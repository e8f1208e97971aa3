"""``omni.physx`` behind the physics engine interface of :mod:`omni_generalist.physics.engine`.

Registered as ``omni.physx`` by the extension, so that ``validate_world(stage, engine="omni.physx")``
and the panel's Validate button use Kit's own PhysX. The engine never steps the stage a person is
looking at: :func:`omni_generalist.panel.simcopy.simulation_copy` makes a flattened in-memory copy
with contact reports and joint state, which is put in ``UsdUtils.StageCache`` and attached with
``get_physx_simulation_interface().attach_stage(stage_id)``; every step is ``simulate(dt, t)`` then
``fetch_results()``; contacts come from ``get_contact_report()``; ``close()`` detaches it. PhysX
writes body transforms and joint state back to the copy (``/physics/updateToUsd``), which is where
``poses()`` and ``joint_positions()`` read them.

It refuses to run while the timeline plays (then PhysX is simulating the open stage).
"""

from __future__ import annotations

from collections.abc import Collection

import carb.settings
import omni.timeline
from omni.physx import get_physx_simulation_interface
from omni.physx.bindings._physx import SETTING_UPDATE_TO_USD, ContactEventType
from pxr import Gf, PhysicsSchemaTools, Usd, UsdGeom, UsdUtils

from ..errors import InputError
from ..panel.simcopy import SimulationCopy, read_joint_positions, simulation_copy, write_joint_positions
from ..physics.engine import Contact, Pose

ENGINE_NAME = "omni.physx"


class PhysxSimWorld:
    """A world attached to ``omni.physx`` (implements ``SimWorld``)."""

    def __init__(self, copy: SimulationCopy, dt: float):
        self.dt = float(dt)
        self._copy = copy
        self._time = 0.0
        self._contacts: list[Contact] = []
        self._pairs: dict[tuple[str, str], Contact] = {}
        self._sim = get_physx_simulation_interface()
        self._cache = UsdUtils.StageCache.Get()
        self._stage_id = self._cache.Insert(copy.stage).ToLongInt()
        self._settings = carb.settings.get_settings()
        self._update_to_usd = self._settings.get_as_bool(SETTING_UPDATE_TO_USD)
        self._settings.set(SETTING_UPDATE_TO_USD, True)
        self._sim.attach_stage(self._stage_id)
        self._closed = False

    def step(self, n: int = 1) -> None:
        """Advance ``n`` steps of ``dt``.

        PhysX reports a pair when it starts touching (found), while it keeps touching (persist) and
        when it separates (lost), but sends nothing for a pair whose bodies sleep; so the pairs in
        contact are kept from report to report and dropped on ``CONTACT_LOST`` only: a box resting
        (asleep) on the floor is still in contact.
        """
        for _ in range(int(n)):
            self._sim.simulate(self.dt, self._time)
            self._sim.fetch_results()
            self._time += self.dt
            headers, data = self._sim.get_contact_report()
            self._pairs = _update_pairs(self._pairs, headers, data)
        self._contacts = list(self._pairs.values())

    def poses(self) -> dict[str, Pose]:
        """World poses of the dynamic bodies, read from the copy PhysX writes to."""
        cache = UsdGeom.XformCache(Usd.TimeCode.Default())
        out: dict[str, Pose] = {}
        for path in self._copy.bodies:
            prim = self._copy.stage.GetPrimAtPath(path)
            m = Gf.Matrix4d(cache.GetLocalToWorldTransform(prim)).RemoveScaleShear()
            t = m.ExtractTranslation()
            q = m.ExtractRotationQuat().GetNormalized()
            im = q.GetImaginary()
            out[path] = ((t[0], t[1], t[2]), (q.GetReal(), im[0], im[1], im[2]))
        return out

    def contacts(self, bodies: Collection[str] | None = None) -> list[Contact]:
        """Contacts between different bodies found by the last step (deepest point per pair); with
        ``bodies``, only those that involve one of them (or a prim below one)."""
        if bodies is None:
            return list(self._contacts)

        def hit(path: str) -> bool:
            while path and path != "/":
                if path in bodies:
                    return True
                path = path.rsplit("/", 1)[0]
            return False

        return [c for c in self._contacts if hit(c.a) or hit(c.b)]

    def joint_positions(self) -> dict[str, float]:
        """Revolute (degrees) and prismatic (meters) joint positions from the joint state."""
        return read_joint_positions(self._copy.stage, self._copy.joints)

    def set_joint_positions(self, positions: dict[str, float]) -> None:
        """Author joint state (PhysX picks up the change before the next step)."""
        write_joint_positions(self._copy.stage, self._copy.joints, positions)

    def close(self) -> None:
        """Detach the copy from PhysX and restore ``/physics/updateToUsd``."""
        if self._closed:
            return
        self._closed = True
        if self._sim.get_attached_stage() == self._stage_id:
            self._sim.detach_stage()
        self._settings.set(SETTING_UPDATE_TO_USD, self._update_to_usd)
        self._cache.Erase(self._copy.stage)


def _update_pairs(pairs: dict[tuple[str, str], Contact], headers, data) -> dict[tuple[str, str], Contact]:
    """The pairs in contact after one contact report (deepest point per pair, see ``step``)."""
    pairs = dict(pairs)
    fresh: dict[tuple[str, str], Contact] = {}
    for h in headers:
        a = str(PhysicsSchemaTools.intToSdfPath(h.actor0))
        b = str(PhysicsSchemaTools.intToSdfPath(h.actor1))
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        if h.type == ContactEventType.CONTACT_LOST:
            pairs.pop(key, None)
            fresh.pop(key, None)
            continue
        for i in range(h.contact_data_offset, h.contact_data_offset + h.num_contact_data):
            d = data[i]
            p = d.position
            c = Contact(key[0], key[1], float(d.separation), (float(p[0]), float(p[1]), float(p[2])))
            if key not in fresh or c.separation < fresh[key].separation:
                fresh[key] = c
    pairs.update(fresh)
    return pairs


class PhysxEngine:
    """The ``omni.physx`` engine (implements ``PhysicsEngine``)."""

    name = ENGINE_NAME

    def load(self, stage: Usd.Stage, dt: float) -> PhysxSimWorld:
        """Simulate a prepared copy of ``stage`` at ``dt`` seconds per step.

        Raises:
            InputError: the timeline is playing, or PhysX already simulates another stage.
        """
        if omni.timeline.get_timeline_interface().is_playing():
            raise InputError("stop the timeline before validating: PhysX is simulating the open stage")
        if get_physx_simulation_interface().get_attached_stage() != 0:
            raise InputError("PhysX is busy with another stage; stop the simulation and try again")
        return PhysxSimWorld(simulation_copy(stage), dt)


def register() -> None:
    """Register ``omni.physx`` with the engine registry (``get_engine("omni.physx")``)."""
    from ..physics.engine import register_engine

    register_engine(ENGINE_NAME, PhysxEngine)


def unregister() -> None:
    """Remove the ``omni.physx`` entry from the engine registry."""
    from ..physics.engine import unregister_engine

    unregister_engine(ENGINE_NAME)
