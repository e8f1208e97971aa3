"""Physics: SimReady authoring, engines (PhysX via SAPIEN, MuJoCo, omni.physx in Kit), validation, repair.

Public API::

    from omni_generalist.physics import author_physics, validate_world, repair_world
    report = validate_world("my_world")          # PhysicsReport: .ok, .problems, .stability, .to_dict()
    result = repair_world(stage)                 # RepairResult: .ok, .before, .after, .actions
"""

from .authoring import author_physics
from .engine import (
    Contact,
    PhysicsEngine,
    SimWorld,
    engine_names,
    get_engine,
    register_engine,
    unregister_engine,
)
from .repair import RepairResult, repair_world
from .report import JointSweep, ObjectMotion, PhysicsReport, Problem
from .validate import validate_world

__all__ = [
    "author_physics", "validate_world", "repair_world", "RepairResult", "PhysicsReport", "Problem",
    "ObjectMotion", "JointSweep", "PhysicsEngine", "SimWorld", "Contact", "get_engine", "register_engine",
    "engine_names", "unregister_engine",
]
