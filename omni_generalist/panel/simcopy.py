"""A private copy of a world for a simulator to step, prepared with plain ``pxr``.

Validation must not move anything in the stage a person is looking at, so the ``omni.physx``
adapter simulates a flattened in-memory copy. Before it attaches that copy, it asks PhysX for
what the :class:`~omni_generalist.physics.engine.SimWorld` interface needs:

* contact reports for every rigid body (``PhysxContactReportAPI`` with threshold 0), so that
  ``contacts()`` sees resting contacts and penetrations;
* joint state (``PhysicsJointStateAPI:angular`` / ``:linear``) on revolute and prismatic joints,
  which PhysX reads when the simulation starts and writes back after every step, so that
  ``joint_positions()`` and ``set_joint_positions()`` are attribute reads and writes.

The schemas are applied by name (``Usd.Prim.ApplyAPI`` with a token), so this module needs no
PhysX Python bindings, only the PhysX schemas registered with USD: Kit registers them; outside
Kit, ``import physx_usd_schemas`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pxr import Sdf, Usd, UsdPhysics

CONTACT_REPORT_API = "PhysxContactReportAPI"
CONTACT_THRESHOLD_ATTR = "physxContactReport:threshold"
JOINT_STATE_API = "PhysicsJointStateAPI"


def joint_state_attr(instance: str) -> str:
    """Name of the joint-state position attribute for ``angular`` or ``linear`` joints."""
    return f"state:{instance}:physics:position"


def joint_velocity_attr(instance: str) -> str:
    """Name of the joint-state velocity attribute for ``angular`` or ``linear`` joints."""
    return f"state:{instance}:physics:velocity"


@dataclass
class SimulationCopy:
    """A flattened in-memory copy of a stage and what was prepared in it."""

    stage: Usd.Stage
    bodies: list[str] = field(default_factory=list)
    """Prim paths of dynamic rigid bodies (what ``poses()`` reports)."""
    joints: dict[str, str] = field(default_factory=dict)
    """Joint prim path → joint-state instance (``angular`` for revolute, ``linear`` for prismatic)."""


def simulation_copy(stage: Usd.Stage) -> SimulationCopy:
    """Flatten ``stage`` into a new in-memory stage and prepare it for contact and joint reports.

    The source stage is not modified.
    """
    layer = Sdf.Layer.CreateAnonymous("simulation.usda")
    layer.TransferContent(stage.Flatten())
    copy = Usd.Stage.Open(layer)
    out = SimulationCopy(copy)
    for prim in copy.Traverse():
        if prim.HasAPI(UsdPhysics.RigidBodyAPI):
            enabled = UsdPhysics.RigidBodyAPI(prim).GetRigidBodyEnabledAttr().Get()
            kinematic = UsdPhysics.RigidBodyAPI(prim).GetKinematicEnabledAttr().Get()
            if enabled is False or kinematic:
                continue
            prim.ApplyAPI(CONTACT_REPORT_API)
            prim.CreateAttribute(CONTACT_THRESHOLD_ATTR, Sdf.ValueTypeNames.Float).Set(0.0)
            out.bodies.append(str(prim.GetPath()))
        elif prim.IsA(UsdPhysics.RevoluteJoint) or prim.IsA(UsdPhysics.PrismaticJoint):
            instance = "angular" if prim.IsA(UsdPhysics.RevoluteJoint) else "linear"
            prim.ApplyAPI(JOINT_STATE_API, instance)
            prim.CreateAttribute(joint_state_attr(instance), Sdf.ValueTypeNames.Float)
            prim.CreateAttribute(joint_velocity_attr(instance), Sdf.ValueTypeNames.Float)
            out.joints[str(prim.GetPath())] = instance
    return out


def read_joint_positions(stage: Usd.Stage, joints: dict[str, str]) -> dict[str, float]:
    """Joint positions (degrees / meters) from the joint-state attributes of ``stage``."""
    out = {}
    for path, instance in joints.items():
        value = stage.GetPrimAtPath(path).GetAttribute(joint_state_attr(instance)).Get()
        out[path] = float(value or 0.0)
    return out


def write_joint_positions(stage: Usd.Stage, joints: dict[str, str], positions: dict[str, float]) -> None:
    """Author joint-state positions (and zero velocities) for the joints named in ``positions``.

    Raises:
        KeyError: a joint path that is not a revolute or prismatic joint of the copy.
    """
    for path, value in positions.items():
        instance = joints[path]
        prim = stage.GetPrimAtPath(path)
        prim.GetAttribute(joint_state_attr(instance)).Set(float(value))
        prim.GetAttribute(joint_velocity_attr(instance)).Set(0.0)
