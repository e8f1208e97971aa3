"""PhysX 5 on the CPU through SAPIEN, loaded from our scene description (docs/design.md §7)."""

from __future__ import annotations

import contextlib
import io
import math
import os
import threading
from collections.abc import Collection

import numpy as np
from pxr import Usd

from .engine import Contact, Pose
from .scene import Articulation, Body, SceneDescription, quat_mul, read_scene

CONTACT_OFFSET = 0.02


_IMPORT_LOCK = threading.Lock()
"""The first import swaps sys.stdout/sys.stderr: one thread at a time (generate imports it in the background)."""


def import_sapien():
    """Import SAPIEN quietly (once per process) and return the module."""
    return _sapien()


def _sapien():
    # SAPIEN warns about Vulkan on import; we only use its PhysX CPU system
    os.environ.setdefault("SAPIEN_RENDERER", "none")
    with _IMPORT_LOCK, contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        import sapien
    return sapien


class SapienWorld:
    """A SAPIEN PhysX CPU scene built from a :class:`SceneDescription`."""

    def __init__(self, desc: SceneDescription, dt: float):
        sapien = _sapien()
        self._sapien = sapien
        self.desc = desc
        self.dt = dt
        cfg = sapien.physx.PhysxSceneConfig()
        cfg.gravity = np.asarray(desc.gravity, dtype=np.float32)
        cfg.enable_tgs = True
        cfg.bounce_threshold = 0.5
        sapien.physx.set_scene_config(cfg)
        self.system = sapien.physx.PhysxCpuSystem()
        self.scene = sapien.Scene([self.system])
        self.scene.set_timestep(dt)
        self._materials: dict[tuple[float, float, float], object] = {}
        self._dynamic: dict[str, object] = {}
        self._names: dict[object, str] = {}
        """Body component → its prim path (contacts name thousands of bodies per step; SAPIEN hands
        back the same component objects, so each name is read from SAPIEN once)."""
        self._joints: dict[str, tuple[object, int]] = {}
        self._arts: list[tuple[object, list[str]]] = []
        in_art = {b for a in desc.articulations for b in a.links}
        for body in desc.bodies.values():
            if body.path not in in_art:
                self._add_actor(body)
        for art in desc.articulations:
            self._add_articulation(art)

    # ------------------------------------------------------------ building
    def _material(self, s) -> object:
        key = (s.static_friction, s.dynamic_friction, s.restitution)
        if key not in self._materials:
            self._materials[key] = self._sapien.physx.PhysxMaterial(*key)
        return self._materials[key]

    def _shapes(self, body: Body) -> list[object]:
        physx = self._sapien.physx
        out = []
        for s in body.shapes:
            shape = physx.PhysxCollisionShapeConvexMesh(np.asarray(s.points, dtype=np.float32),
                                                        np.ones(3, dtype=np.float32), self._material(s))
            shape.set_contact_offset(CONTACT_OFFSET)
            shape.set_rest_offset(0.0)
            shape.set_density(1000.0)
            out.append(shape)
        return out

    def _pose(self, body: Body):
        return self._sapien.Pose(np.asarray(body.position, dtype=np.float32), np.asarray(body.orientation, dtype=np.float32))

    def _fit_mass(self, comp, mass: float) -> None:
        m0 = float(comp.mass)
        if m0 > 0:
            comp.set_mass(mass)
            comp.set_inertia(np.asarray(comp.inertia) * (mass / m0))

    def _add_actor(self, body: Body) -> None:
        physx = self._sapien.physx
        entity = self._sapien.Entity()
        entity.name = body.path
        comp = physx.PhysxRigidDynamicComponent() if body.dynamic else physx.PhysxRigidStaticComponent()
        for shape in self._shapes(body):
            comp.attach(shape)
        entity.add_component(comp)
        entity.set_pose(self._pose(body))
        self.scene.add_entity(entity)
        if body.dynamic:
            self._fit_mass(comp, body.mass)
            comp.set_solver_position_iterations(16)
            comp.set_max_depenetration_velocity(1.0)
            comp.set_sleep_threshold(0.005)
            self._dynamic[body.path] = comp

    def _add_articulation(self, art: Articulation) -> None:
        physx, sapien = self._sapien.physx, self._sapien
        comps: dict[str, object] = {}
        entities = []
        for link in art.links:
            body = self.desc.bodies[link]
            parent = comps.get(art.parents.get(link, ""))
            comp = physx.PhysxArticulationLinkComponent(parent)
            for shape in self._shapes(body):
                comp.attach(shape)
            entity = sapien.Entity()
            entity.name = link
            entity.add_component(comp)
            comp.name = link
            joint = art.joints.get(link)
            if joint is None:
                comp.joint.type = "fixed" if art.fixed else "undefined"
            else:
                comp.joint.name = joint.path
                comp.joint.type = joint.kind if joint.kind in ("revolute", "prismatic") else "fixed"
                rot = joint.axis_rotation
                comp.joint.pose_in_parent = sapien.Pose(joint.pos0.astype(np.float32),
                                                        quat_mul(joint.rot0, rot).astype(np.float32))
                comp.joint.pose_in_child = sapien.Pose(joint.pos1.astype(np.float32),
                                                       quat_mul(joint.rot1, rot).astype(np.float32))
                if joint.kind in ("revolute", "prismatic"):
                    scale = math.pi / 180.0 if joint.kind == "revolute" else 1.0
                    lo = joint.lower * scale if math.isfinite(joint.lower) else -1e6
                    hi = joint.upper * scale if math.isfinite(joint.upper) else 1e6
                    comp.joint.limit = np.array([[lo, hi]], dtype=np.float32)
                    damping = joint.damping * (180.0 / math.pi if joint.kind == "revolute" else 1.0)
                    comp.joint.set_drive_property(0.0, damping)
            comps[link] = comp
            entities.append(entity)
        entities[0].set_pose(self._pose(self.desc.bodies[art.links[0]]))
        for entity in entities:
            self.scene.add_entity(entity)
        articulation = comps[art.links[0]].articulation
        for link in art.links:
            body = self.desc.bodies[link]
            self._fit_mass(comps[link], body.mass)
        articulation.set_solver_position_iterations(32)
        names = []
        for i, j in enumerate(articulation.get_active_joints()):
            self._joints[j.name] = (articulation, i)
            names.append(j.name)
        articulation.set_qpos(np.zeros(articulation.dof, dtype=np.float32))
        self._arts.append((articulation, names))
        for link in art.links:
            self._dynamic[link] = comps[link]

    # ------------------------------------------------------------ SimWorld
    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self.scene.step()

    def poses(self) -> dict[str, Pose]:
        out = {}
        for path, comp in self._dynamic.items():
            p = comp.entity_pose
            out[path] = (tuple(float(v) for v in p.p), tuple(float(v) for v in p.q))
        return out

    def contacts(self, bodies: Collection[str] | None = None) -> list[Contact]:
        best: dict[tuple[str, str], Contact] = {}
        names = self._names
        for c in self.scene.get_contacts():
            body_a, body_b = c.bodies
            a = names.get(body_a)
            if a is None:
                a = names[body_a] = body_a.entity.name
            b = names.get(body_b)
            if b is None:
                b = names[body_b] = body_b.entity.name
            if bodies is not None and a not in bodies and b not in bodies:
                continue
            points = c.points
            if not points:
                continue
            pt = min(points, key=lambda p: p.separation)
            key = (a, b) if a < b else (b, a)
            sep = float(pt.separation)
            if key not in best or sep < best[key].separation:
                best[key] = Contact(key[0], key[1], sep, tuple(float(v) for v in pt.position))
        return list(best.values())

    def joint_positions(self) -> dict[str, float]:
        out = {}
        for path, (art, i) in self._joints.items():
            q = float(art.qpos[i])
            out[path] = math.degrees(q) if art.get_active_joints()[i].type.startswith("revolute") else q
        return out

    def set_joint_positions(self, positions: dict[str, float]) -> None:
        touched = {}
        for path, value in positions.items():
            art, i = self._joints[path]
            q = touched.setdefault(id(art), (art, np.array(art.qpos, dtype=np.float32)))[1]
            revolute = art.get_active_joints()[i].type.startswith("revolute")
            q[i] = math.radians(value) if revolute else value
        for art, q in touched.values():
            art.set_qpos(q)
            art.set_qvel(np.zeros_like(q))

    def close(self) -> None:
        self.scene = None
        self.system = None


class SapienEngine:
    """PhysX 5 (CPU) through SAPIEN."""

    name = "physx"

    def load(self, stage: Usd.Stage, dt: float, desc: SceneDescription | None = None) -> SapienWorld:
        """Build the simulation; ``desc`` reuses a description already read from ``stage``."""
        return SapienWorld(desc or read_scene(stage), dt)
