"""MuJoCo as the cross-check engine, built with ``mjSpec`` from our scene description."""

from __future__ import annotations

import math
from collections.abc import Collection

import numpy as np
from pxr import Usd

from .engine import Contact, Pose
from .scene import Body, SceneDescription, _hull_volume, quat_mul, read_scene

MARGIN = 0.0
"""MuJoCo acts on contacts as soon as they are within the margin (``gap`` does not delay mesh
contacts), so contacts are only detected on touch; validation watches the first steps instead."""


class MujocoWorld:
    """A MuJoCo model and data built from a :class:`SceneDescription`."""

    def __init__(self, desc: SceneDescription, dt: float):
        import mujoco

        self._mj = mujoco
        self.desc = desc
        self.dt = dt
        spec = mujoco.MjSpec()
        spec.compiler.degree = False
        spec.option.timestep = dt
        spec.option.gravity = [float(v) for v in desc.gravity]
        spec.option.cone = mujoco.mjtCone.mjCONE_ELLIPTIC
        spec.option.noslip_iterations = 3
        self._n = 0
        in_art = {b for a in desc.articulations for b in a.links}
        for body in desc.bodies.values():
            if body.path in in_art:
                continue
            if body.dynamic:
                mb = spec.worldbody.add_body(name=body.path, pos=body.position.tolist(), quat=body.orientation.tolist())
                mb.add_freejoint()
                self._geoms(spec, mb, body)
            else:
                self._geoms(spec, spec.worldbody, body, name_prefix=body.path)
        self._joint_names: list[str] = []
        for art in desc.articulations:
            bodies = {}
            for link in art.links:
                body = desc.bodies[link]
                joint = art.joints.get(link)
                if joint is None:
                    mb = spec.worldbody.add_body(name=link, pos=body.position.tolist(), quat=body.orientation.tolist())
                    if not art.fixed:
                        mb.add_freejoint()
                else:
                    parent = bodies[art.parents[link]]
                    pbody = desc.bodies[art.parents[link]]
                    # child pose relative to parent at q = 0: parent·(pos0,rot0)·inverse(pos1,rot1)
                    rel_p, rel_q = _relative(pbody, body)
                    mb = parent.add_body(name=link, pos=rel_p.tolist(), quat=rel_q.tolist())
                    axis_local = _rotate(joint.rot1, _unit(joint.axis))
                    kind = mujoco.mjtJoint.mjJNT_HINGE if joint.kind == "revolute" else mujoco.mjtJoint.mjJNT_SLIDE
                    scale = math.pi / 180.0 if joint.kind == "revolute" else 1.0
                    if joint.kind in ("revolute", "prismatic"):
                        mj = mb.add_joint(name=joint.path, type=kind, pos=joint.pos1.tolist(), axis=axis_local.tolist())
                        if math.isfinite(joint.lower) and math.isfinite(joint.upper):
                            mj.limited = mujoco.mjtLimited.mjLIMITED_TRUE
                            mj.range = [joint.lower * scale, joint.upper * scale]
                        damping = joint.damping * (180.0 / math.pi if joint.kind == "revolute" else 1.0) + 0.01
                        mj.damping = np.array([damping, 0.0, 0.0]) if np.ndim(mj.damping) else damping
                        self._joint_names.append(joint.path)
                self._geoms(spec, mb, body)
                bodies[link] = mb
        self.model = spec.compile()
        self.data = mujoco.MjData(self.model)
        mujoco.mj_forward(self.model, self.data)
        self._bodies = [i for i in range(self.model.nbody) if self.model.body(i).name in desc.bodies
                        and desc.bodies[self.model.body(i).name].dynamic]
        self._geom_owner = [self._owner_of_geom(g) for g in range(self.model.ngeom)]

    def _owner_of_geom(self, g: int) -> str:
        name = self.model.geom(g).name
        if name.startswith("static:"):
            return name.split(":", 1)[1].rsplit("#", 1)[0]
        return self.model.body(self.model.geom_bodyid[g]).name

    def _geoms(self, spec, mb, body: Body, name_prefix: str = "") -> None:
        mujoco = self._mj
        volumes = [max(_hull_volume(s.points), 1e-9) for s in body.shapes]
        density = body.mass / sum(volumes) if body.dynamic else 1000.0
        for s in body.shapes:
            mesh_name = f"m{self._n}"
            self._n += 1
            pts = np.asarray(s.points, dtype=float)
            if pts.shape[0] < 4:
                pts = np.vstack([pts, pts + 1e-3])
            spec.add_mesh(name=mesh_name, uservert=pts.flatten().tolist())
            geom = mb.add_geom(type=mujoco.mjtGeom.mjGEOM_MESH, meshname=mesh_name, density=density,
                               friction=[s.dynamic_friction, 0.005, 0.0001], margin=MARGIN,
                               solref=[0.004, 1.0])
            geom.name = f"static:{name_prefix}#{self._n}" if name_prefix else ""

    # ------------------------------------------------------------ SimWorld
    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self._mj.mj_step(self.model, self.data)

    def poses(self) -> dict[str, Pose]:
        out = {}
        for i in self._bodies:
            p, q = self.data.xpos[i], self.data.xquat[i]
            out[self.model.body(i).name] = (tuple(float(v) for v in p), tuple(float(v) for v in q))
        return out

    def contacts(self, bodies: Collection[str] | None = None) -> list[Contact]:
        best: dict[tuple[str, str], Contact] = {}
        for k in range(self.data.ncon):
            c = self.data.contact[k]
            a, b = self._geom_owner[c.geom1], self._geom_owner[c.geom2]
            if bodies is not None and a not in bodies and b not in bodies:
                continue
            key = (a, b) if a < b else (b, a)
            sep = float(c.dist)
            if key not in best or sep < best[key].separation:
                best[key] = Contact(key[0], key[1], sep, tuple(float(v) for v in c.pos))
        return list(best.values())

    def _joint(self, path: str):
        return self.model.joint(path)

    def joint_positions(self) -> dict[str, float]:
        out = {}
        for path in self._joint_names:
            j = self._joint(path)
            q = float(self.data.qpos[j.qposadr[0]])
            out[path] = math.degrees(q) if j.type[0] == self._mj.mjtJoint.mjJNT_HINGE else q
        return out

    def set_joint_positions(self, positions: dict[str, float]) -> None:
        for path, value in positions.items():
            j = self._joint(path)
            hinge = j.type[0] == self._mj.mjtJoint.mjJNT_HINGE
            self.data.qpos[j.qposadr[0]] = math.radians(value) if hinge else value
            self.data.qvel[j.dofadr[0]] = 0.0
        self._mj.mj_forward(self.model, self.data)

    def close(self) -> None:
        self.model = None
        self.data = None


def _unit(axis: str) -> np.ndarray:
    return np.eye(3)["XYZ".index(axis) if axis in ("X", "Y", "Z") else 0]


def _rotate(q: np.ndarray, v: np.ndarray) -> np.ndarray:
    qv = np.array([0.0, *v])
    conj = np.array([q[0], -q[1], -q[2], -q[3]])
    return quat_mul(quat_mul(q, qv), conj)[1:]


def _relative(parent: Body, child: Body) -> tuple[np.ndarray, np.ndarray]:
    """Child pose in the parent's frame (both from their saved world poses)."""
    conj = np.array([parent.orientation[0], *(-parent.orientation[1:])])
    p = _rotate(conj, child.position - parent.position)
    q = quat_mul(conj, child.orientation)
    return p, q


class MujocoEngine:
    """MuJoCo (``mjSpec``) cross-check engine."""

    name = "mujoco"

    def load(self, stage: Usd.Stage, dt: float, desc: SceneDescription | None = None) -> MujocoWorld:
        """Build the simulation; ``desc`` reuses a description already read from ``stage``."""
        return MujocoWorld(desc or read_scene(stage), dt)
