"""SimReady physics authoring: the UsdPhysics (and PhysX) schemas every world carries.

``author_physics`` is idempotent and runs on every world ``generate`` and ``edit`` write
(docs/design.md §3):

- ``/World/PhysicsScene``: ``UsdPhysics.Scene`` (gravity −Z 9.81) with ``PhysxSceneAPI`` (TGS solver,
  steps per second from the settings);
- the room shell (floor, wall segments, ceiling, door and window panels): static colliders;
- a **movable** object: its root is a rigid body (``RigidBodyAPI`` + ``MassAPI``, mass = the
  category's effective density × the object's box volume) with convex-hull colliders below it;
- an **openable** object: an articulation (``ArticulationRootAPI`` on its root, a rigid body per
  link, revolute/prismatic joints with limits and a light damping drive); when it is not movable
  (a fridge, a kitchen cabinet) a ``FixedJoint`` ``<root>/joints/anchor`` ties its ``body`` link
  to the world;
- an object that is **not movable** or hangs on a wall or the ceiling: static colliders, recorded as
  ``customData["generalist"]["fixed"] = True`` with the reason in ``fixed_reason``;
- physics materials: a ``UsdPhysics.MaterialAPI`` twin of every visual material under
  ``/World/PhysicsMaterials`` (friction and restitution of its material class), bound with the
  ``physics`` purpose (``material:binding:physics``) wherever the visual material is bound;
- PhysX attributes through ``physx-usd-schemas``: contact/rest offsets on colliders, solver
  iterations, sleep threshold and max depenetration velocity on bodies.
"""

from __future__ import annotations

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics, UsdShade

from ..assets.catalog import catalog
from ..config import PhysicsConfig
from ..world.layout import object_prims, room_prims
from ..world.metadata import get_info, set_info
from ..world.stage import LOOKS, PHYSICS_SCENE, WORLD

PHYSICS_MATERIALS = WORLD.AppendChild("PhysicsMaterials")
ANCHOR = "anchor"
CONTACT_OFFSET = 0.02
REST_OFFSET = 0.0
_HANGING = ("on_wall", "ceiling", "on_ceiling")

try:  # registers the PhysX schema types with USD; attributes are authored by name either way
    import physx_usd_schemas  # noqa: F401

    _PHYSX = True
except ImportError:  # pragma: no cover - the physics extra is not installed
    _PHYSX = False


def _apply_physx(prim: Usd.Prim, schema: str, values: dict[str, tuple[Sdf.ValueTypeName, object]]) -> None:
    """Apply a PhysX API schema by name and author its attributes."""
    if schema not in prim.GetAppliedSchemas():
        prim.AddAppliedSchema(schema)
    for name, (typ, value) in values.items():
        prim.CreateAttribute(name, typ, custom=False).Set(value)


def _colliders(prim: Usd.Prim) -> list[Usd.Prim]:
    # a mesh whose asset turned its collision off (a library asset's visual mesh, simulated through
    # its collision pieces) is not a collider
    return [p for p in Usd.PrimRange(prim) if p.IsA(UsdGeom.Gprim) and p.IsActive()
            and UsdPhysics.CollisionAPI(p).GetCollisionEnabledAttr().Get() is not False]


def _mark_collider(prim: Usd.Prim, approximation: str | None) -> None:
    UsdPhysics.CollisionAPI.Apply(prim)
    if approximation is not None and prim.IsA(UsdGeom.Mesh):
        mesh_api = UsdPhysics.MeshCollisionAPI.Apply(prim)
        if not mesh_api.GetApproximationAttr().HasAuthoredValue():
            mesh_api.CreateApproximationAttr(approximation)
    _apply_physx(prim, "PhysxCollisionAPI", {
        "physxCollision:contactOffset": (Sdf.ValueTypeNames.Float, CONTACT_OFFSET),
        "physxCollision:restOffset": (Sdf.ValueTypeNames.Float, REST_OFFSET),
    })


def _rigid_body(prim: Usd.Prim, mass: float) -> None:
    UsdPhysics.RigidBodyAPI.Apply(prim)
    UsdPhysics.MassAPI.Apply(prim).CreateMassAttr(float(mass))
    _apply_physx(prim, "PhysxRigidBodyAPI", {
        "physxRigidBody:solverPositionIterationCount": (Sdf.ValueTypeNames.Int, 16),
        "physxRigidBody:solverVelocityIterationCount": (Sdf.ValueTypeNames.Int, 1),
        "physxRigidBody:maxDepenetrationVelocity": (Sdf.ValueTypeNames.Float, 1.0),
        "physxRigidBody:sleepThreshold": (Sdf.ValueTypeNames.Float, 0.005),
    })


def _mesh_volume(prim: Usd.Prim) -> float:
    """Volume of a part's bounding box in its link's frame (parts are convex boxes, prisms, cylinders)."""
    ext = UsdGeom.Boundable(prim).GetExtentAttr().Get() if prim.IsA(UsdGeom.Boundable) else None
    if not ext:
        return 0.0
    lo, hi = ext
    return max(hi[0] - lo[0], 1e-4) * max(hi[1] - lo[1], 1e-4) * max(hi[2] - lo[2], 1e-4)


def object_mass(info: dict) -> float:
    """Mass of an object (kg) from its category's effective density and its size (its ``volume``, m³,
    when its asset knows it: a library asset)."""
    w, d, h = (float(v) for v in info.get("size", (0.3, 0.3, 0.3)))
    cat = catalog().find(str(info.get("category", "")))
    density = cat.density if cat is not None else 400.0
    volume = float(info["volume"]) if info.get("volume") else w * d * h
    return max(0.05, density * volume)


def fixed_reason(info: dict) -> str | None:
    """Why an object is fixed to the world (None: it is a free rigid body or articulation)."""
    if not info.get("movable", False):
        return "not movable (built in or too heavy to move)"
    support = str(info.get("support", ""))
    placement = str(info.get("placement", ""))
    if "/Walls/" in support or support.endswith("/Ceiling") or placement in _HANGING:
        return "hangs on a wall or the ceiling"
    return None


def _physics_material(stage: Usd.Stage, look: UsdShade.Material) -> UsdShade.Material:
    prim = look.GetPrim()
    path = PHYSICS_MATERIALS.AppendChild(prim.GetName())
    existing = stage.GetPrimAtPath(path)
    if existing:
        return UsdShade.Material(existing)
    if not stage.GetPrimAtPath(PHYSICS_MATERIALS):
        UsdGeom.Scope.Define(stage, PHYSICS_MATERIALS)
    mat = UsdShade.Material.Define(stage, path)
    api = UsdPhysics.MaterialAPI.Apply(mat.GetPrim())
    data = prim.GetCustomData()
    api.CreateStaticFrictionAttr(float(data.get("generalist:static_friction", 0.5)))
    api.CreateDynamicFrictionAttr(float(data.get("generalist:dynamic_friction", 0.4)))
    api.CreateRestitutionAttr(float(data.get("generalist:restitution", 0.1)))
    mat.GetPrim().SetCustomDataByKey("generalist:material", data.get("generalist:material", prim.GetName()))
    return mat


def _bind_physics_materials(stage: Usd.Stage, root: Usd.Prim) -> None:
    """Bind a physics twin wherever a visual material is bound directly below ``root``."""
    for prim in Usd.PrimRange(root):
        if not prim.HasAPI(UsdShade.MaterialBindingAPI):
            continue
        api = UsdShade.MaterialBindingAPI(prim)
        look = api.GetDirectBinding().GetMaterial()
        if not look or str(look.GetPath()).startswith(str(PHYSICS_MATERIALS)):
            continue
        twin = _physics_material(stage, look)
        api.Bind(twin, UsdShade.Tokens.weakerThanDescendants, "physics")


def _author_scene(stage: Usd.Stage, config: PhysicsConfig) -> None:
    scene = UsdPhysics.Scene.Get(stage, PHYSICS_SCENE) or UsdPhysics.Scene.Define(stage, PHYSICS_SCENE)
    scene.CreateGravityDirectionAttr(Gf.Vec3f(0.0, 0.0, -1.0))
    scene.CreateGravityMagnitudeAttr(9.81)
    _apply_physx(scene.GetPrim(), "PhysxSceneAPI", {
        "physxScene:solverType": (Sdf.ValueTypeNames.Token, "TGS"),
        "physxScene:timeStepsPerSecond": (Sdf.ValueTypeNames.UInt, int(round(config.hz))),
        "physxScene:enableStabilization": (Sdf.ValueTypeNames.Bool, True),
    })


def _author_room(stage: Usd.Stage) -> None:
    # every room's shell is static (docs/homes.md); /World/Room in a world of the old layout
    for room in room_prims(stage):
        for prim in _colliders(room):
            # the floor and ceiling slabs of L-shaped rooms are not convex: triangle meshes (static only)
            name = prim.GetName()
            _mark_collider(prim, "none" if name in ("Floor", "Ceiling") else "convexHull")
        _bind_physics_materials(stage, room)


def _author_articulation(stage: Usd.Stage, root: Usd.Prim, mass: float, fixed: bool) -> None:
    links = [c for c in root.GetChildren() if c.HasAPI(UsdPhysics.RigidBodyAPI)]
    volumes = {str(link.GetPath()): sum(_mesh_volume(p) for p in _colliders(link)) for link in links}
    total = sum(volumes.values()) or 1.0
    for link in links:
        share = volumes[str(link.GetPath())] / total
        _rigid_body(link, max(0.05, mass * share))
    UsdPhysics.ArticulationRootAPI.Apply(root)
    _apply_physx(root, "PhysxArticulationAPI", {
        "physxArticulation:enabledSelfCollisions": (Sdf.ValueTypeNames.Bool, False),
        "physxArticulation:solverPositionIterationCount": (Sdf.ValueTypeNames.Int, 32),
    })
    joints = root.GetChild("joints")
    if joints:
        for joint in joints.GetChildren():
            kind = "angular" if joint.IsA(UsdPhysics.RevoluteJoint) else "linear" if joint.IsA(UsdPhysics.PrismaticJoint) else None
            if kind is None:
                continue
            drive = UsdPhysics.DriveAPI.Apply(joint, kind)
            drive.CreateTypeAttr("force")
            drive.CreateStiffnessAttr(0.0)
            drive.CreateDampingAttr(0.05 if kind == "angular" else 20.0)
            drive.CreateMaxForceAttr(100.0)
    body = root.GetChild("body")
    anchor_path = root.GetPath().AppendChild("joints").AppendChild(ANCHOR)
    if fixed and body:
        if not stage.GetPrimAtPath(anchor_path.GetParentPath()):
            UsdGeom.Scope.Define(stage, anchor_path.GetParentPath())
        anchor = UsdPhysics.FixedJoint.Define(stage, anchor_path)
        anchor.CreateBody1Rel().SetTargets([body.GetPath()])
        xf = UsdGeom.Xformable(root).ComputeLocalToWorldTransform(Usd.TimeCode.Default())
        xf = xf.RemoveScaleShear()
        anchor.CreateLocalPos0Attr(Gf.Vec3f(xf.ExtractTranslation()))
        anchor.CreateLocalRot0Attr(Gf.Quatf(xf.ExtractRotationQuat()))
        anchor.CreateLocalPos1Attr(Gf.Vec3f(0.0, 0.0, 0.0))
        anchor.CreateLocalRot1Attr(Gf.Quatf(1.0))
    elif stage.GetPrimAtPath(anchor_path):
        stage.RemovePrim(anchor_path)


def author_object(stage: Usd.Stage, prim: Usd.Prim) -> None:
    """Author the physics of one object root (see the module docstring)."""
    info = get_info(prim)
    reason = fixed_reason(info)
    mass = object_mass(info)
    articulated = bool(info.get("articulated", False)) or prim.HasAPI(UsdPhysics.ArticulationRootAPI)
    for part in _colliders(prim):
        _mark_collider(part, "convexHull")
    if articulated:
        _author_articulation(stage, prim, mass, fixed=reason is not None)
    elif reason is None:
        _rigid_body(prim, mass)
    else:
        for schema in (UsdPhysics.RigidBodyAPI, UsdPhysics.MassAPI):
            if prim.HasAPI(schema):
                prim.RemoveAPI(schema)
    set_info(prim, fixed=reason is not None, fixed_reason=reason or "", mass=round(mass, 4))
    _bind_physics_materials(stage, prim)


def author_physics(stage: Usd.Stage, config: PhysicsConfig | None = None) -> None:
    """Author SimReady physics on every part of the world (idempotent).

    Args:
        stage: the world; edits go to its current edit target.
        config: physics settings (the scene's steps per second).
    """
    config = config or PhysicsConfig()
    # physics materials are rebuilt from the visual bindings each time, in name order: an edit that
    # changed a material leaves no stale twin, and the result does not depend on the world's history
    if stage.GetPrimAtPath(PHYSICS_MATERIALS):
        stage.RemovePrim(PHYSICS_MATERIALS)
    looks = stage.GetPrimAtPath(LOOKS)
    used = set()
    for prim in stage.Traverse():
        if prim.HasAPI(UsdShade.MaterialBindingAPI):
            mat = UsdShade.MaterialBindingAPI(prim).GetDirectBinding().GetMaterial()
            if mat and str(mat.GetPath()).startswith(str(LOOKS) + "/"):
                used.add(mat.GetPath())
    if looks:
        for path in sorted(used, key=str):
            _physics_material(stage, UsdShade.Material(stage.GetPrimAtPath(path)))
    _author_scene(stage, config)
    _author_room(stage)
    from ..world.raw import adopt_raw_objects

    adopt_raw_objects(stage)  # objects a policy authored with plain pxr get labels and metadata first
    for prim in object_prims(stage):
        author_object(stage, prim)
