"""Physics validation: settle a world in a simulator and report what is wrong with it (docs/design.md §5).

From the saved state, :func:`validate_world`

1. reads the UsdPhysics content (asset problems: negative mass, non-convex dynamic colliders, joints
   pointing at missing bodies) and runs NVIDIA's asset-validator physics rules;
2. steps once and reads the contacts: **interpenetrations** (separation < −``penetration_m``
   between different objects, or an object and the room) and **floating** objects (a movable
   object with no contact within ``floating_m`` below it);
3. settles for ``settle_s`` at ``hz`` and measures every movable object's displacement and turn:
   **stability** is the share that moved < ``stable_move_m`` and turned < ``stable_turn_deg``;
   objects that leave the room polygon or drop below the floor are **out of bounds**;
4. sweeps every revolute and prismatic joint through its range (steps of ≤ 10° or 5 cm) and
   reports a **blocked joint** when its moving link penetrates anything but its own asset;
5. computes **reachability** of floor objects from the door (a disc of ``robot_radius_m``).
"""

from __future__ import annotations

import inspect
import math
import time
from pathlib import Path

import numpy as np
from pxr import Usd, UsdPhysics

from ..config import PhysicsConfig
from ..errors import InputError
from ..world.geometry import footprint_inside, point_in_polygon
from ..world.layout import room_path
from ..world.metadata import get_info
from ..world.model import list_objects, room_info
from ..world.stage import open_stage
from .asset_rules import asset_validator_problems
from .engine import PhysicsEngine, SimWorld, get_engine
from .report import ERROR, WARNING, JointSweep, ObjectMotion, PhysicsReport, Problem
from .scene import SceneDescription, quat_angle_deg, read_scene

SWEEP_DEG = 10.0
SWEEP_M = 0.05


def _stage(world: str | Path | Usd.Stage) -> Usd.Stage:
    if isinstance(world, Usd.Stage):
        return world
    return open_stage(world)


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _main_bodies(stage: Usd.Stage, desc: SceneDescription) -> dict[str, str]:
    """Object root path → the body whose motion stands for the object (root body or base link)."""
    out = {}
    for body in desc.bodies.values():
        if not body.dynamic:
            continue
        if body.articulation:
            art = next(a for a in desc.articulations if a.root == body.articulation)
            if body.path == art.links[0] and not art.fixed:
                out[body.owner] = body.path
        else:
            out.setdefault(body.owner, body.path)
    return out


def _lowest_z(desc: SceneDescription, path: str) -> float:
    body = desc.bodies[path]
    w, x, y, z = body.orientation
    rot = np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
                    [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
                    [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]])
    zs = [float(np.min((s.points @ rot.T)[:, 2])) for s in body.shapes]
    return body.position[2] + min(zs)


def _check_static_physics(stage: Usd.Stage, report: PhysicsReport, objects: list) -> None:
    """Movable objects that are not simulated at all (no rigid body, not fixed) are errors."""
    for obj in objects:
        prim = stage.GetPrimAtPath(obj.path)
        info = get_info(prim)
        if not obj.movable or info.get("fixed"):
            continue
        if prim.HasAPI(UsdPhysics.RigidBodyAPI) or prim.HasAPI(UsdPhysics.ArticulationRootAPI):
            continue
        report.problems.append(Problem("no_physics", obj.path, f"movable object {obj.name} has no rigid body "
                                                               "(physics not authored; run validate --repair)"))


def _initial_contacts(report: PhysicsReport, desc: SceneDescription, sim: SimWorld, main: dict[str, str],
                      config: PhysicsConfig) -> tuple[int, list[Problem]]:
    """Interpenetrations from the first step; floating objects from the steps an object needs to fall
    ``floating_m`` (engines with a contact offset see the gap at once, MuJoCo sees the touch). Returns
    the steps taken and the floating candidates: :func:`_settle` keeps those that then fell."""
    seen = set()
    support: dict[str, float] = {}
    lowest = {body: _lowest_z(desc, body) for body in main.values()}
    g = float(np.linalg.norm(desc.gravity)) or 9.81
    window = max(1, int(math.ceil(math.sqrt(2.0 * config.floating_m / g) * config.hz)))
    for step in range(window):
        sim.step(1)
        # after the first step only the bodies still without support need looking at
        pending = None if step == 0 else {b for b in lowest if support.get(b, math.inf) > config.floating_m}
        if pending is not None and not pending:
            continue
        for c in sim.contacts(pending):
            oa, ob = desc.owner_of(c.a), desc.owner_of(c.b)
            if oa == ob:
                continue
            for body in (c.a, c.b):
                if body in lowest and c.point[2] <= lowest[body] + 0.02:
                    support[body] = min(support.get(body, math.inf), c.separation)
            if step == 0 and c.separation < -config.penetration_m:
                key = tuple(sorted((oa, ob)))
                if key in seen:
                    continue
                seen.add(key)
                report.problems.append(Problem(
                    "interpenetration", key[0],
                    f"{_name(key[0])} and {_name(key[1])} interpenetrate by {-c.separation * 100:.1f} cm "
                    f"at ({c.point[0]:.2f}, {c.point[1]:.2f}, {c.point[2]:.2f})", other=key[1], value=-c.separation))
    floating = []
    for owner, body in main.items():
        gap = support.get(body, math.inf)
        if gap > config.floating_m:
            what = "nothing beneath it within 2 cm" if math.isinf(gap) else f"a {gap * 100:.1f} cm gap beneath it"
            floating.append(Problem("floating", owner, f"{_name(owner)} floats: its lowest point "
                                                       f"(z = {lowest[body]:.3f} m) has {what}",
                                    value=gap if math.isfinite(gap) else -1.0))
    return window, floating


def _settle(report: PhysicsReport, sim: SimWorld, main: dict[str, str], before: dict, config: PhysicsConfig,
            poly, done: int, floating: list[Problem]) -> None:
    steps = max(1, int(round(config.settle_s * config.hz)) - done)
    sim.step(steps)
    after = sim.poses()
    stable = 0
    for owner, body in sorted(main.items()):
        p0, q0 = before[body]
        p1, q1 = after[body]
        moved = float(np.linalg.norm(np.array(p1) - np.array(p0)))
        turned = quat_angle_deg(np.array(q0), np.array(q1))
        ok = moved < config.stable_move_m and turned < config.stable_turn_deg
        stable += ok
        report.motions.append(ObjectMotion(owner, moved, turned, ok, tuple(p1), tuple(q1)))
        if not ok:
            report.problems.append(Problem("unstable", owner, f"{_name(owner)} moved {moved * 100:.1f} cm and "
                                                              f"turned {turned:.1f}° while settling", value=moved))
        if (poly and not point_in_polygon((p1[0], p1[1]), poly)) or p1[2] < -0.5:
            report.problems.append(Problem("out_of_bounds", owner, f"{_name(owner)} ended outside the room at "
                                                                   f"({p1[0]:.2f}, {p1[1]:.2f}, {p1[2]:.2f})"))
    report.movable = len(main)
    report.stability = stable / len(main) if main else 1.0
    # an object without a contact below it that did not fall is held by something above its lowest
    # point (a toy leaning over the rim of its box): not floating
    fell = {m.path for m in report.motions if m.moved_m >= config.floating_m}
    report.problems.extend(p for p in floating if p.path in fell)


def sweep_joints(sim: SimWorld, desc: SceneDescription, penetration_m: float,
                 riders: dict[str, set[str]] | None = None) -> list[JointSweep]:
    """Move every joint through its range and record where it is first blocked.

    The joints of one articulation are swept one after the other; different articulations are swept
    at the same time (a contact between two moving links of different assets is not counted: nobody
    opens both at once). ``riders[root]`` are objects resting on the asset itself (a TV on its stand,
    toys in the toy box): they move with it and do not count as blocking it.
    """
    riders = riders or {}
    queues: list[list[tuple]] = []
    for art in desc.articulations:
        items = []
        for link, joint in art.joints.items():
            if joint.kind not in ("revolute", "prismatic"):
                continue
            if not (math.isfinite(joint.lower) and math.isfinite(joint.upper)) or joint.upper - joint.lower < 1e-6:
                continue
            moving = {link} | {c for c in art.links if _descends(c, link, art.parents)}
            step = SWEEP_DEG if joint.kind == "revolute" else SWEEP_M
            n = max(2, int(math.ceil((joint.upper - joint.lower) / step)))
            targets = sorted((joint.lower + (joint.upper - joint.lower) * i / n for i in range(n + 1)), key=abs)
            sweep = JointSweep(joint.path, joint.lower, joint.upper, 1.0)
            items.append((art.root, joint, moving, targets, step, sweep))
        if items:
            queues.append(items)
    out: list[JointSweep] = []
    for r in range(max((len(q) for q in queues), default=0)):
        active = [q[r] for q in queues if r < len(q)]
        done: set[str] = set()
        for k in range(max(len(item[3]) for item in active)):
            positions = {}
            for _root, joint, _moving, targets, _step, _sweep in active:
                if joint.path in done:
                    continue
                positions[joint.path] = targets[k] if k < len(targets) else 0.0
                if k >= len(targets):
                    done.add(joint.path)
            if not positions:
                break
            sim.set_joint_positions(positions)
            sim.step(1)
            live = [item for item in active if item[1].path in positions and item[1].path not in done]
            moving_now = {b for item in live for b in item[2]}
            owner_item = {b: item for item in live for b in item[2]}
            for c in sim.contacts(moving_now):
                if c.separation >= -penetration_m:
                    continue
                for x, y in ((c.a, c.b), (c.b, c.a)):
                    item = owner_item.get(x)
                    if item is None or y in moving_now or desc.owner_of(y) == item[0] or item[1].path in done:
                        continue
                    if desc.owner_of(y) in riders.get(item[0], ()):
                        continue
                    root, joint, _moving, targets, _step, sweep = item
                    span = max(abs(joint.lower), abs(joint.upper)) or 1.0
                    sweep.blocked_by = desc.owner_of(y)
                    free = [abs(t) for t in targets[:k] if (t >= 0) == (targets[k] >= 0)]
                    sweep.free_upto = max(free, default=0.0) / span
                    done.add(joint.path)
                    sim.set_joint_positions({joint.path: 0.0})
        sim.set_joint_positions({item[1].path: 0.0 for item in active})
        sim.step(1)
        out += [item[5] for item in active]
    return out


def _descends(link: str, ancestor: str, parents: dict[str, str]) -> bool:
    while link in parents:
        link = parents[link]
        if link == ancestor:
            return True
    return False


def validate_world(world: str | Path | Usd.Stage, engine: str | PhysicsEngine | None = None,
                   config: PhysicsConfig | None = None, joints: bool = True,
                   asset_rules: bool = True) -> PhysicsReport:
    """Validate a world's physics and return the report (``report.ok`` is the verdict).

    Args:
        world: a world folder, a USD file, or an open stage (validated as composed).
        engine: ``physx`` (SAPIEN, default), ``mujoco``, an engine instance, or None for the settings'.
        config: physics settings (thresholds, rate, settle time).
        joints: sweep every joint through its range.
        asset_rules: run NVIDIA's asset-validator physics rules.

    Raises:
        InputError: unknown engine; WorldFormatError: the world cannot be read.
    """
    config = config or PhysicsConfig()
    if config.hz <= 0 or config.settle_s < 0:
        raise InputError(f"physics.hz must be > 0 and physics.settle_s >= 0 (got {config.hz}, {config.settle_s})")
    eng = engine if isinstance(engine, PhysicsEngine) else get_engine(engine or config.engine)
    stage = _stage(world)
    t0 = time.perf_counter()
    desc = read_scene(stage)
    report = PhysicsReport(engine=eng.name)
    report.problems.extend(desc.problems)
    objects = list_objects(stage)
    _check_static_physics(stage, report, objects)
    if asset_rules:
        report.problems.extend(asset_validator_problems(stage))
    room = room_info(stage)
    poly = room.polygon if room else None
    from ..world.home import home_rooms

    own = {r.name: r.polygon for r in home_rooms(stage)}  # a home: each object inside its own room
    for obj in objects:
        if "/Walls/" in obj.support or obj.placement == "on_wall":
            continue  # hangs on a wall: its back touches the wall by design
        inside = own.get(obj.room, poly)
        if inside and not footprint_inside(obj.footprint.inflated(-0.01), inside):
            report.problems.append(Problem("out_of_bounds", obj.path, f"{obj.name} is outside the room (its "
                                                                      "footprint crosses a wall)"))
    report.timings["read_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    if "desc" in inspect.signature(eng.load).parameters:  # our CPU engines reuse the description
        sim = eng.load(stage, 1.0 / config.hz, desc=desc)
    else:  # engines that read the stage themselves (the Kit adapter)
        sim = eng.load(stage, 1.0 / config.hz)
    report.timings["load_s"] = time.perf_counter() - t1
    try:
        main = _main_bodies(stage, desc)
        before = sim.poses()
        t2 = time.perf_counter()
        done, floating = _initial_contacts(report, desc, sim, main, config)
        _settle(report, sim, main, before, config, poly, done, floating)
        report.timings["settle_s"] = time.perf_counter() - t2
        if joints:
            t3 = time.perf_counter()
            riders: dict[str, set[str]] = {}
            on_floor = set()
            for obj in objects:
                riders.setdefault(obj.support, set()).add(obj.path)
                if obj.support.endswith("/Floor"):
                    on_floor.add(obj.path)
            report.joints = sweep_joints(sim, desc, config.penetration_m, riders)
            # a jar or a box with a lid on a shelf can be taken down before it is opened
            loose_roots = {a.root for a in desc.articulations if not a.fixed and a.root not in on_floor}
            for j in report.joints:
                if not j.ok:
                    loose = j.path.rsplit("/joints/", 1)[0] in loose_roots
                    report.problems.append(Problem(
                        "blocked_joint", j.path, f"{_name(j.path)} of {j.path.split('/')[-3]} is blocked by "
                        f"{_name(j.blocked_by)} after {j.free_upto:.0%} of its range"
                        + (" (a loose object: it opens once moved)" if loose else ""),
                        WARNING if loose else ERROR, other=j.blocked_by, value=j.free_upto))
            report.timings["joints_s"] = time.perf_counter() - t3
    finally:
        sim.close()
    from ..metrics.reachability import world_reachability

    reach = world_reachability(stage, config.robot_radius_m)
    report.reachability = reach["reachable"]
    paths = {o.name: o.path for o in objects}
    for name in reach["unreachable"]:
        report.problems.append(Problem("unreachable", paths.get(name, name), f"{name} cannot be reached from "
                                                                             "the door by a robot base", WARNING))
    for name in reach.get("rooms_unreachable", []):  # a home: walked from the entrance through its doors
        report.problems.append(Problem("unreachable", str(room_path(name)), f"room {name} cannot be reached from "
                                                                            "the entrance by a robot base", WARNING))
    report.ok = not report.errors
    report.timings["total_s"] = time.perf_counter() - t0
    return report
