"""The physics engine interface: what validation and repair need from a simulator.

An engine loads a USD stage that carries UsdPhysics schemas (see :mod:`.authoring`) and returns a
:class:`SimWorld`. The CPU engines (PhysX 5 through SAPIEN, MuJoCo) read the stage with our own
loader (:mod:`.scene`); inside Kit, ``omni_generalist.kit.physx_engine`` serves the same interface
with ``omni.physx``. Paths are USD prim paths as strings; poses are world-frame
``(position xyz, quaternion wxyz)``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from pxr import Usd

from ..errors import InputError

Vec3 = tuple[float, float, float]
Quat = tuple[float, float, float, float]
Pose = tuple[Vec3, Quat]


@dataclass(frozen=True)
class Contact:
    """A contact between two bodies: ``separation`` < 0 is a penetration depth (meters)."""

    a: str
    """Prim path of the first body (a rigid body or articulation link, or a static collider's owner)."""
    b: str
    separation: float
    point: Vec3 = (0.0, 0.0, 0.0)


@runtime_checkable
class SimWorld(Protocol):
    """A loaded, steppable world."""

    dt: float

    def step(self, n: int = 1) -> None:
        """Advance ``n`` steps of ``dt`` seconds."""

    def poses(self) -> dict[str, Pose]:
        """World poses of every dynamic body (rigid bodies and articulation links) by prim path."""

    def contacts(self, bodies: Collection[str] | None = None) -> list[Contact]:
        """Contacts between different bodies found by the last step (one entry per pair, deepest point);
        with ``bodies``, only the contacts that involve one of them."""

    def joint_positions(self) -> dict[str, float]:
        """Position of every revolute (degrees) and prismatic (meters) joint by joint prim path."""

    def set_joint_positions(self, positions: dict[str, float]) -> None:
        """Teleport joints to positions (degrees / meters) with zero velocity."""

    def close(self) -> None:
        """Release the simulator."""


@runtime_checkable
class PhysicsEngine(Protocol):
    """Loads stages into :class:`SimWorld` instances."""

    name: str

    def load(self, stage: Usd.Stage, dt: float) -> SimWorld:
        """Build a simulation of ``stage`` (its UsdPhysics schemas) stepping at ``dt`` seconds."""


_ENGINES: dict[str, Callable[[], PhysicsEngine]] = {}


def register_engine(name: str, factory: Callable[[], PhysicsEngine]) -> None:
    """Register an engine factory under ``name`` (e.g. the Kit adapter registers ``omni.physx``)."""
    _ENGINES[name] = factory


def unregister_engine(name: str) -> None:
    """Remove an engine registered with :func:`register_engine` (the Kit extension does on shutdown)."""
    _ENGINES.pop(name, None)


def engine_names() -> list[str]:
    """Names of the registered engines."""
    _register_builtin()
    return sorted(_ENGINES)


def get_engine(name: str) -> PhysicsEngine:
    """The engine registered as ``name`` (``physx``, ``mujoco``, or one a plug-in registered).

    Raises:
        InputError: unknown engine name, or its Python package is not installed.
    """
    _register_builtin()
    if name not in _ENGINES:
        raise InputError(f"unknown physics engine {name!r}; choose from {', '.join(sorted(_ENGINES))}")
    return _ENGINES[name]()


def _register_builtin() -> None:
    if "physx" in _ENGINES:
        return

    def physx() -> PhysicsEngine:
        try:
            from .sapien_engine import SapienEngine
        except ImportError as exc:
            raise InputError(f"the physx engine needs SAPIEN: pip install 'omni-generalist[physics]' ({exc})") from None
        return SapienEngine()

    def mujoco() -> PhysicsEngine:
        try:
            from .mujoco_engine import MujocoEngine
        except ImportError as exc:
            raise InputError(f"the mujoco engine needs MuJoCo: pip install 'omni-generalist[physics]' ({exc})") from None
        return MujocoEngine()

    _ENGINES.setdefault("physx", physx)
    _ENGINES.setdefault("mujoco", mujoco)
