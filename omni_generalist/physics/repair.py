"""Automatic repair of what physics validation finds (``validate --repair``, and inside ``generate``).

Each round validates the world and fixes, in the stage's current edit target:

- physics that is missing or wrong on our objects (re-authored: masses, rigid bodies, anchors);
- a negative mass or density on a foreign body (cleared: the engine computes it from the colliders);
- a non-convex dynamic collider (switched to ``convexDecomposition``);
- an interpenetration (the smaller movable object is re-placed: lifted out of its support, or
  pushed away from the other object; removed when no free place is found);
- a floating or slid object that settled upright on its support, or any way up when it rolls (an
  apple, a ball: the catalogue's ``rolls`` tag), has its settled pose written back; one that slid
  off its support is removed;
- a toppled object or an unstable stack (the object is removed);
- a joint blocked by a small movable object (moved out of the swing, along its support), by
  an asset facing a wall (turned round), or by the room or fixed furniture (the joint's limit is
  clamped to where it is free — a door stop — when that keeps ≥ 40 % of its range, ≥ 30 % before
  the room's walls and ceiling; big furniture on the floor is moved, and a wall cabinet slid
  along its wall, when a stop would not do);
- an object outside the room (pushed inwards).

Rounds repeat until the world validates or nothing more can be fixed; :class:`RepairResult` keeps
the report before and after and every change made, and lists what could not be fixed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from ..config import PhysicsConfig
from ..world.layout import is_room_part, object_prims, object_root
from ..world.model import list_objects
from ..world.stage import OBJECTS
from .authoring import author_physics
from .engine import PhysicsEngine
from .report import PhysicsReport, Problem
from .validate import validate_world

UNFIXABLE = ("missing_body", "bad_joint", "bad_collider", "unreachable", "asset_validator", "no_physics")
BROKEN_ASSET = ("missing_body", "bad_joint", "bad_collider")
"""Problems that make an object's own simulation meaningless: its other problems are not "fixed"."""


@dataclass
class RepairResult:
    """What :func:`repair_world` did."""

    before: PhysicsReport
    after: PhysicsReport
    actions: list[str] = field(default_factory=list)
    rounds: int = 0
    failed_fixes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.after.ok

    @property
    def unfixed(self) -> list[Problem]:
        return self.after.errors

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "rounds": self.rounds, "actions": self.actions, "failed_fixes": self.failed_fixes,
                "before": self.before.to_dict(), "after": self.after.to_dict(),
                "unfixed": [p.message for p in self.unfixed]}


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _object_of(stage: Usd.Stage, path: str) -> str:
    """The object root (``/World/Objects/<room>/<name>``) a prim path lies under, or the path itself."""
    root = object_root(stage, path)
    return str(root) if root is not None else path


def _delete(stage: Usd.Stage, path: str) -> None:
    """Remove an object: delete its prim when only the edit target defines it, else deactivate it."""
    prim = stage.GetPrimAtPath(path)
    if not prim:
        return
    layer = stage.GetEditTarget().GetLayer()
    if all(spec.layer == layer for spec in prim.GetPrimStack()):
        stage.RemovePrim(path)
    else:
        prim.SetActive(False)


class _Fixer:
    def __init__(self, stage: Usd.Stage, config: PhysicsConfig):
        from ..actions.api import ActionAPI

        self.stage = stage
        self.config = config
        self.api = ActionAPI(stage)
        self.actions: list[str] = []
        self.failures: list[str] = []
        self.removed: set[str] = set()

    def objects(self) -> dict[str, Any]:
        return {o.path: o for o in list_objects(self.stage)}

    def remove(self, path: str, why: str) -> bool:
        if path in self.removed or not self.stage.GetPrimAtPath(path):
            return False
        objs = self.objects()
        if path not in objs or not objs[path].movable:
            return False
        self.api.removed = []
        self.api.remove_object(_name(path))
        for p in self.api.removed:
            _delete(self.stage, p)
            self.removed.add(p)
        self.actions.append(f"removed {_name(path)}: {why}")
        return True

    def _unreachable(self) -> set[str]:
        from ..metrics.reachability import world_reachability

        try:
            return set(world_reachability(self.stage)["unreachable"])
        except Exception:  # noqa: BLE001 - no room or no door: nothing to compare
            return set()

    def _undone_if_blocking(self, path: str, before: set[str], **back) -> bool:
        """After a move: when it left something unreachable that was not before, move the object
        back (``back``: ``move_object`` arguments) and return True."""
        if not self._unreachable() - before:
            return False
        try:
            self.api.move_object(_name(path), **back)
        except (ValueError, KeyError, RuntimeError):
            return False
        return True

    def try_moves(self, path: str, candidates: list[tuple[float, float, float]], why: str) -> bool:
        objs = self.objects()
        obj = objs.get(path)
        support = objs.get(obj.support) if obj is not None else None
        before = self._unreachable()
        for off in candidates:
            if support is not None and obj is not None and not _inside(
                    support, (obj.position[0] + off[0], obj.position[1] + off[1])):
                continue  # it would leave the counter (shelf, table) it stands on
            try:
                self.api.move_object(_name(path), by=off)
            except (ValueError, KeyError, RuntimeError):
                continue
            if self._undone_if_blocking(path, before, by=(-off[0], -off[1], -off[2])):
                continue
            self.actions.append(f"moved {_name(path)} by ({off[0]:+.2f}, {off[1]:+.2f}, {off[2]:+.2f}) m: {why}")
            return True
        return False

    def move_to_a_wall(self, path: str, why: str) -> bool:
        """Move an object against the first wall with room for it (when nothing near will do)."""
        from ..world.model import room_info

        room = room_info(self.stage)
        before = self._unreachable()
        obj = self.objects().get(path)
        for wall in (room.walls if room else []):
            try:
                self.api.move_object(_name(path), against_wall=wall.name)
            except (ValueError, KeyError, RuntimeError):
                continue
            if obj is not None and self._undone_if_blocking(path, before, position=obj.position, rotation=obj.yaw):
                continue
            self.actions.append(f"moved {_name(path)} against the {wall.name} wall: {why}")
            return True
        return False

    def set_pose(self, path: str, position, orientation=None, why: str = "", tilt: bool = False) -> None:
        """Write a settled pose back: upright with its settled yaw, or as it lay when ``tilt`` (a
        rolled apple keeps the way it came to rest)."""
        prim = self.stage.GetPrimAtPath(path)
        ops = {op.GetOpType(): op for op in UsdGeom.Xformable(prim).GetOrderedXformOps()}
        parent = UsdGeom.Xformable(prim.GetParent()).ComputeLocalToWorldTransform(Usd.TimeCode.Default())
        local = parent.GetInverse().Transform(Gf.Vec3d(*position))
        if UsdGeom.XformOp.TypeTranslate in ops:
            ops[UsdGeom.XformOp.TypeTranslate].Set(Gf.Vec3d(*(round(v, 6) for v in local)))
        if orientation is not None and UsdGeom.XformOp.TypeOrient in ops:
            w, x, y, z = orientation
            yaw = math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z))  # keep upright, keep the yaw
            quat = Gf.Quatd(w, x, y, z) if tilt else Gf.Quatd(math.cos(yaw / 2), 0.0, 0.0, math.sin(yaw / 2))
            ops[UsdGeom.XformOp.TypeOrient].Set(quat)
        self.actions.append(f"set {_name(path)} to its settled pose ({position[0]:.3f}, {position[1]:.3f}, "
                            f"{position[2]:.3f}): {why}")


def _rolls(category: str) -> bool:
    """Whether a category rests any way up (an apple, a ball: the catalogue's ``rolls`` tag), so a
    turn while settling is no topple."""
    from ..assets.catalog import catalog

    found = catalog().find(category)
    return found is not None and "rolls" in found.tags


def _inside(support, position) -> bool:
    """Whether a point lies over a support object's footprint."""
    from ..world.geometry import point_in_polygon

    return point_in_polygon((position[0], position[1]), support.footprint.corners())


def _along_wall(stage: Usd.Stage, obj, away_from, need: float = 0.1) -> list[tuple[float, float, float]]:
    """Offsets that slide a wall-hung object along its wall — away from ``away_from`` first, by at
    least ``need`` meters first — keeping it on the wall."""
    from ..world.model import room_info

    room = room_info(stage)
    wall = next((w for w in (room.walls if room else []) if w.path == obj.support), None)
    if wall is None or wall.length <= 0:
        return []
    ux, uy = wall.direction
    along = (obj.position[0] - wall.start[0]) * ux + (obj.position[1] - wall.start[1]) * uy
    half = obj.size[0] / 2
    side = (obj.position[0] - away_from.position[0]) * ux + (obj.position[1] - away_from.position[1]) * uy
    sign = 1.0 if side >= 0 else -1.0
    out = []
    steps = (0.1, 0.2, 0.3, 0.45, 0.6)
    ordered = [d for d in steps if d >= need - 1e-9] + [d for d in steps if d < need - 1e-9]
    for s in (sign, -sign):
        for d in ordered:
            t = along + s * d
            if half <= t <= wall.length - half:
                out.append((s * d * ux, s * d * uy, 0.0))
    return out


def _rings(obj, away: tuple[float, float] | None, start: float = 0.05) -> list[tuple[float, float, float]]:
    """Candidate XY offsets from ``start`` meters out, nearest first, preferring the direction ``away``."""
    out = []
    for dist in (d for d in (0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0) if d >= start):
        dirs = [(math.cos(a), math.sin(a)) for a in (math.radians(k * 45) for k in range(8))]
        if away is not None:
            n = math.hypot(*away) or 1.0
            dirs.sort(key=lambda d: -(d[0] * away[0] + d[1] * away[1]) / n)
        out += [(d[0] * dist, d[1] * dist, 0.0) for d in dirs]
    return out


def _fix_problem(fx: _Fixer, p: Problem, objs: dict[str, Any], motions: dict[str, Any], handled: set[str]) -> None:
    """Fix one problem (see the module docstring); ``handled`` collects objects already dealt with."""
    stage, cfg = fx.stage, fx.config
    if p.kind == "negative_mass":
        prim = stage.GetPrimAtPath(p.path)
        if prim and prim.HasAPI(UsdPhysics.MassAPI):
            api = UsdPhysics.MassAPI(prim)
            for attr in (api.GetMassAttr(), api.GetDensityAttr()):
                if attr.Get() is not None and attr.Get() < 0:
                    attr.Set(0.0)
            fx.actions.append(f"cleared the negative mass of {p.path} (computed from its colliders)")
    elif p.kind == "non_convex_collider":
        prim = stage.GetPrimAtPath(p.path)
        if prim:
            UsdPhysics.MeshCollisionAPI.Apply(prim).CreateApproximationAttr().Set("convexDecomposition")
            fx.actions.append(f"{p.path}: collider approximation set to convexDecomposition")
    elif p.kind == "interpenetration":
        a, b = p.path, p.other
        cands = [o for o in (a, b) if o in objs and objs[o].movable and o not in handled and o not in fx.removed]
        if not cands:
            return
        mover = min(cands, key=lambda o: objs[o].size[0] * objs[o].size[1] * objs[o].size[2])
        other = b if mover == a else a
        handled.add(mover)
        obj = objs[mover]
        if other.endswith("/Ceiling"):
            fx.remove(mover, f"it reached {_name(other)} ({p.value * 100:.1f} cm into it)")
            return
        if objs.get(other) is not None and obj.support == other or other.endswith("/Floor"):
            depth = p.value + 0.002
            if fx.try_moves(mover, [(0.0, 0.0, depth)], f"it sank {p.value * 100:.1f} cm into {_name(other)}"):
                return
        ox, oy = (objs[other].position[:2] if other in objs else (obj.position[0], obj.position[1]))
        away = (obj.position[0] - ox, obj.position[1] - oy)
        if other not in objs:  # a wall: push towards the room's centre
            from ..world.model import room_info

            room = room_info(stage)
            if room:
                cx = sum(x for x, _ in room.polygon) / len(room.polygon)
                cy = sum(y for _, y in room.polygon) / len(room.polygon)
                away = (cx - obj.position[0], cy - obj.position[1])
        if not fx.try_moves(mover, _rings(obj, away), f"it interpenetrated {_name(other)}"):
            fx.remove(mover, f"it interpenetrated {_name(other)} and no free place was found")
    elif p.kind in ("floating", "unstable"):
        if p.path in handled or p.path in fx.removed or p.path not in objs:
            return
        handled.add(p.path)
        m = motions.get(p.path)
        if m is None:
            return
        rolls = _rolls(objs[p.path].category)
        upright = m.turned_deg < cfg.stable_turn_deg or rolls
        support = objs[p.path].support
        stays = support not in objs or _inside(objs[support], m.final_position)
        if upright and m.final_position[2] > -0.5 and stays:
            fx.set_pose(p.path, m.final_position, m.final_orientation,
                        "it floated" if p.kind == "floating" else f"it slid {m.moved_m * 100:.1f} cm", tilt=rolls)
        elif upright and not stays:
            fx.remove(p.path, f"it slid off {_name(support)}")
        else:
            support = objs[p.path].support
            what = "an unstable stack" if support in objs else "it toppled"
            fx.remove(p.path, f"{what} (turned {m.turned_deg:.0f}°)")
    elif p.kind == "blocked_joint":
        blocker = p.other
        art_root = p.path.rsplit("/joints/", 1)[0]
        room_blocker = is_room_part(blocker)
        # a stop: before furniture when at least 40 % of the range is free; before the room's own
        # shell (a lid under the ceiling, a door beside a wall) when at least 30 % is
        can_stop = p.value >= (0.3 if room_blocker else 0.4)
        bo = objs.get(blocker)
        small = bo is not None and bo.movable and bo.size[0] * bo.size[1] < 0.6
        hung = bo is not None and "/Walls/" in bo.support  # a poster, a wall cabinet: it moves along its wall (3.)
        # 1. a small movable blocker (a chair, a coffee maker) goes out of the swing; big furniture
        #    standing on the floor (a bed, an island) only when a stop would not do
        if (bo is not None and not hung and blocker not in handled
                and (small or (not can_stop and bo.support.endswith("/Floor")))):
            handled.add(blocker)
            ax, ay = objs[art_root].position[:2] if art_root in objs else (0.0, 0.0)
            away = (bo.position[0] - ax, bo.position[1] - ay)
            if art_root in objs:
                # out of the swing: straight away from the side its doors open on (moving along a
                # long counter only puts the blocker in front of the next door)
                yaw = math.radians(objs[art_root].yaw)
                fx_, fy_ = -math.sin(yaw), math.cos(yaw)
                side = 1.0 if away[0] * fx_ + away[1] * fy_ >= 0 else -1.0
                away = (side * fx_, side * fy_)
            # at least the width of a door leaf away, within 45 degrees of straight away
            n = math.hypot(*away) or 1.0
            ring = [off for off in _rings(bo, away, start=0.5)
                    if (off[0] * away[0] + off[1] * away[1]) / (n * math.hypot(off[0], off[1])) >= 0.7]
            if fx.try_moves(blocker, ring, f"it blocked {_name(p.path)} of {_name(art_root)}"):
                return
            if bo.support.endswith("/Floor") and fx.move_to_a_wall(  # small things do not go on the floor
                    blocker, f"it blocked {_name(p.path)} of {_name(art_root)}"):
                return
        # 2. it opens into the wall: turn it round to face the room
        if p.value < 0.5 and "/Walls/" in blocker and art_root in objs and art_root not in handled:
            handled.add(art_root)
            try:
                fx.api.rotate_object(_name(art_root), 180.0)
                fx.actions.append(f"turned {_name(art_root)} round: {_name(p.path)} opened into {_name(blocker)}")
                return
            except (ValueError, KeyError, RuntimeError):
                pass
        # 3. side by side on a wall (wall cabinets): slide the blocker along the wall, away from the
        #    blocked one, when a stop would not do
        if not can_stop and hung and blocker not in handled and art_root in objs:
            handled.add(blocker)
            # about what the door leaf still needs: its share of the cabinet's width times the blocked range
            need = min(0.6, max(0.1, (1.0 - p.value) * objs[art_root].size[0] * 0.5))
            if fx.try_moves(blocker, _along_wall(stage, bo, objs[art_root], need),
                            f"it blocked {_name(p.path)} of {_name(art_root)}"):
                return
        # 4. a stop
        if can_stop:
            prim = stage.GetPrimAtPath(p.path)
            typed = UsdPhysics.RevoluteJoint(prim) if prim.IsA(UsdPhysics.RevoluteJoint) else UsdPhysics.PrismaticJoint(prim)
            lo, hi = typed.GetLowerLimitAttr().Get(), typed.GetUpperLimitAttr().Get()
            span = max(abs(lo), abs(hi))
            if abs(hi) >= abs(lo):
                typed.GetUpperLimitAttr().Set(round(p.value * span * (1 if hi >= 0 else -1), 4))
            else:
                typed.GetLowerLimitAttr().Set(round(p.value * span * (1 if lo >= 0 else -1), 4))
            fx.actions.append(f"limited {_name(p.path)} of {p.path.split('/')[-3]} to {p.value:.0%} of its range "
                              f"(a stop before {_name(blocker)})")
    elif p.kind == "out_of_bounds":
        if p.path in handled or p.path not in objs or p.path in fx.removed:
            return
        handled.add(p.path)
        from ..world.model import room_info

        room = room_info(stage)
        obj = objs[p.path]
        if room and obj.movable:
            cx = sum(x for x, _ in room.polygon) / len(room.polygon)
            cy = sum(y for _, y in room.polygon) / len(room.polygon)
            if not fx.try_moves(p.path, _rings(obj, (cx - obj.position[0], cy - obj.position[1])),
                                "it was outside the room"):
                fx.remove(p.path, "it was outside the room and no free place was found inside")


def _fix_round(fx: _Fixer, report: PhysicsReport) -> int:
    n0 = len(fx.actions)
    objs = fx.objects()
    motions = {m.path: m for m in report.motions}
    handled: set[str] = set()
    # an object with a broken asset (a joint to nowhere) misbehaves for that reason: leave it alone
    broken = {_object_of(fx.stage, p.path) for p in report.errors if p.kind in BROKEN_ASSET}
    for p in report.errors:
        if p.kind in UNFIXABLE or _object_of(fx.stage, p.path) in broken or _object_of(fx.stage, p.other) in broken:
            continue
        try:
            _fix_problem(fx, p, objs, motions, handled)
        except (ValueError, KeyError, RuntimeError) as exc:  # one failed fix never stops the others
            fx.failures.append(f"could not fix the {p.kind} of {_name(p.path)}: {exc}")
    return len(fx.actions) - n0


def repair_world(stage: Usd.Stage, engine: str | PhysicsEngine | None = None, config: PhysicsConfig | None = None,
                 max_rounds: int = 4, joints: bool = True, asset_rules: bool = True,
                 author: bool = True) -> RepairResult:
    """Validate and fix ``stage`` in its current edit target until it validates (or nothing more helps).

    Args:
        stage: the world (composed); fixes are authored in its edit target.
        engine: as for :func:`validate_world`.
        config: physics settings.
        max_rounds: most validate-and-fix rounds.
        joints: sweep joints (and fix blocked ones).
        asset_rules: include NVIDIA's asset-validator findings in the reports.
        author: (re-)author physics first; False when the caller has just done so.
    """
    config = config or PhysicsConfig()
    if author and object_prims(stage):
        author_physics(stage, config)
    before = validate_world(stage, engine, config, joints=joints, asset_rules=asset_rules)
    fx = _Fixer(stage, config)
    report, rounds = before, 0
    last: list[str] = []
    while not report.ok and rounds < max_rounds:
        rounds += 1
        n = len(fx.actions)
        if _fix_round(fx, report) == 0 or fx.actions[n:] == last:
            break  # nothing to do, or the same fixes again: no progress
        last = fx.actions[n:]
        author_physics(stage, config)
        report = validate_world(stage, engine, config, joints=joints, asset_rules=asset_rules)
    return RepairResult(before, report, fx.actions, rounds, fx.failures)


def repair_code(before: Sdf.Layer, after: Sdf.Layer) -> str:
    """Action code that turns ``before`` into ``after`` for what a repair changes (object removals and
    attribute values), so that the action log replays repaired worlds exactly."""
    lines: list[str] = []
    removed_roots: list[str] = []

    def visit(spec: Sdf.PrimSpec) -> None:
        path = spec.path
        new = after.GetPrimAtPath(path)
        if new is None:
            parent = before.GetPrimAtPath(path.GetParentPath())
            if path.GetParentPath() == OBJECTS or (parent is not None and parent.customData.get("generalist", {}).get("objects_of")):
                removed_roots.append(path.name)
            return
        for prop in spec.properties:
            if not isinstance(prop, Sdf.AttributeSpec):
                continue
            other = new.properties.get(prop.name) if new.properties else None
            if other is not None and other.default != prop.default:
                lines.append(f"stage.GetPrimAtPath({str(path)!r}).GetAttribute({prop.name!r}).Set({other.default!r})")
        for prop in new.properties:
            if isinstance(prop, Sdf.AttributeSpec) and prop.name not in spec.properties and prop.default is not None:
                lines.append(f"stage.GetPrimAtPath({str(path)!r}).CreateAttribute({prop.name!r}, "
                             f"Sdf.ValueTypeNames.Find({str(prop.typeName)!r})).Set({prop.default!r})")
        for child in spec.nameChildren:
            visit(child)

    for root in before.rootPrims:
        visit(root)
    lines = [f"remove_object({name!r})" for name in removed_roots] + lines
    if not lines:
        return ""
    return "# physics repair (written by validation; replays the fixes)\n" + "\n".join(lines)
