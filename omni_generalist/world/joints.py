"""Openable parts: the revolute and prismatic joints of articulated objects, and posing them open.

Joints of an articulated object live under ``<object>/joints``; each joint's ``body1`` is the
moving link, whose frame sits at the joint's pivot (``localPos1`` is zero), so opening a revolute
joint rotates the link about its own origin and a prismatic one shifts it along the axis.
"""

from __future__ import annotations

import math

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics


def _rot_quat(axis: str, degrees: float) -> Gf.Quatd:
    half = math.radians(degrees) / 2
    v = {"X": (1.0, 0.0, 0.0), "Y": (0.0, 1.0, 0.0), "Z": (0.0, 0.0, 1.0)}[axis.upper()]
    s = math.sin(half)
    return Gf.Quatd(math.cos(half), v[0] * s, v[1] * s, v[2] * s)


def open_end(joint: Usd.Prim) -> float:
    """The joint's fully open value: the limit farther from closed (degrees or meters, with its sign)."""
    lo = float(joint.GetAttribute("physics:lowerLimit").Get() or 0.0)
    hi = float(joint.GetAttribute("physics:upperLimit").Get() or 0.0)
    return hi if abs(hi) >= abs(lo) else lo


def articulated_joints(stage: Usd.Stage, root: Sdf.Path | str) -> list[Usd.Prim]:
    """The revolute and prismatic joint prims under ``<root>/joints`` (the fixed anchor excluded)."""
    group = stage.GetPrimAtPath(Sdf.Path(str(root)).AppendChild("joints"))
    if not group:
        return []
    return [j for j in group.GetChildren() if j.IsA(UsdPhysics.RevoluteJoint) or j.IsA(UsdPhysics.PrismaticJoint)]


def open_joint(stage: Usd.Stage, joint: Usd.Prim, value: float) -> bool:
    """Pose the moving link of ``joint`` at ``value`` (degrees or meters from its closed pose).

    The link's frame sits at the joint's pivot (``localPos1`` is zero), so a revolute opening is
    a rotation of the link about its own origin and a prismatic one a shift along the axis.
    """
    j = UsdPhysics.Joint(joint)
    targets = j.GetBody1Rel().GetTargets()
    if not targets:
        return False
    link = stage.GetPrimAtPath(targets[0])
    if not link:
        return False
    revolute = joint.IsA(UsdPhysics.RevoluteJoint)
    axis = str((UsdPhysics.RevoluteJoint(joint) if revolute else UsdPhysics.PrismaticJoint(joint)).GetAxisAttr().Get() or "Z")
    xf = UsdGeom.Xformable(link)
    ops = {op.GetOpType(): op for op in xf.GetOrderedXformOps()}
    if revolute:
        op = ops.get(UsdGeom.XformOp.TypeOrient) or xf.AddOrientOp(UsdGeom.XformOp.PrecisionDouble)
        q = _rot_quat(axis, value)
        op.Set(q if op.GetPrecision() == UsdGeom.XformOp.PrecisionDouble else Gf.Quatf(q))
    else:
        op = ops.get(UsdGeom.XformOp.TypeTranslate) or xf.AddTranslateOp()
        pivot = j.GetLocalPos0Attr().Get() or Gf.Vec3f(0, 0, 0)
        shift = {"X": (value, 0, 0), "Y": (0, value, 0), "Z": (0, 0, value)}[axis.upper()]
        op.Set(Gf.Vec3d(pivot[0] + shift[0], pivot[1] + shift[1], pivot[2] + shift[2]))
    return True
