"""Isaac Lab scene configs for generated worlds (Isaac Lab 2.x names: ``isaaclab.*``).

:func:`describe_worlds` reads one or more worlds (a world, the variants of one, or a batch) into
what Isaac Lab needs: the static world, each rigid object (root with ``UsdPhysics.RigidBodyAPI``)
and each articulation (root with ``UsdPhysics.ArticulationRootAPI``, revolute/prismatic joints
under ``<root>/joints``). :func:`write_scene_cfg` writes a readable ``scene_cfg.py`` with an
``InteractiveSceneCfg`` subclass: the world as an ``AssetBaseCfg`` spawned from a
``UsdFileCfg`` (a ``MultiUsdFileCfg`` cycling the worlds across environments when there are
several), each rigid object as a ``RigidObjectCfg`` and each articulation as an
``ArticulationCfg`` with its joint names and a default ``ImplicitActuatorCfg`` (``spawn=None``:
they already exist inside the spawned world). :func:`scene_cfg_class` imports that class, and
needs ``isaaclab`` (imported only there).
"""

from __future__ import annotations

import importlib.util
import json
import keyword
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pxr import Gf, Sdf, Usd, UsdGeom, UsdPhysics

from ..errors import InputError, WorldFormatError
from ..io import write_text_atomic
from ..world.geometry import point_in_polygon, polygon_area, polygon_bounds
from ..world.layout import is_floor, object_prims
from ..world.metadata import get_info
from ..world.model import list_objects, room_info, rooms
from ..world.stage import find_world_file, open_stage

RESERVED = {"num_envs", "env_spacing", "lazy_sensor_update", "replicate_physics", "filter_collisions",
            "clone_in_fabric", "world", "robot"}


@dataclass
class JointInfo:
    """One actuated joint of an articulation."""

    name: str
    kind: str  # "revolute" | "prismatic"
    lower: float  # radians or meters (Isaac Lab units)
    upper: float
    position: float


@dataclass
class AssetInfo:
    """A rigid object or articulation: its prim path below ``/World`` and its initial state."""

    name: str
    prim: str
    category: str
    pos: tuple[float, float, float]
    rot: tuple[float, float, float, float]  # (w, x, y, z)
    joints: list[JointInfo] = field(default_factory=list)
    fixed_base: bool = False


@dataclass
class SceneDescription:
    """What the Isaac Lab scene is made of."""

    worlds: list[Path]
    rigid: list[AssetInfo]
    articulations: list[AssetInfo]
    env_spacing: float
    robot_spawn: tuple[float, float, float]


def _root_state(prim: Usd.Prim) -> tuple[tuple[float, float, float], tuple[float, float, float, float]]:
    m = UsdGeom.Xformable(prim).GetLocalTransformation()
    t = m.ExtractTranslation()
    q = m.RemoveScaleShear().ExtractRotationQuat()
    im = q.GetImaginary()
    return ((round(t[0], 5), round(t[1], 5), round(t[2], 5)),
            (round(q.GetReal(), 6), round(im[0], 6), round(im[1], 6), round(im[2], 6)))


def _joint_position(stage: Usd.Stage, joint: Usd.Prim, revolute: bool, axis: str) -> float:
    """Read the joint's current position from its moving link's pose (radians or meters)."""
    targets = UsdPhysics.Joint(joint).GetBody1Rel().GetTargets()
    link = stage.GetPrimAtPath(targets[0]) if targets else None
    if not link:
        return 0.0
    m = UsdGeom.Xformable(link).GetLocalTransformation()
    k = "XYZ".index(axis.upper())
    if revolute:
        q = m.RemoveScaleShear().ExtractRotationQuat()
        return round(2.0 * math.atan2(q.GetImaginary()[k], q.GetReal()), 6)
    pivot = UsdPhysics.Joint(joint).GetLocalPos0Attr().Get() or Gf.Vec3f(0, 0, 0)
    return round(float(m.ExtractTranslation()[k] - pivot[k]), 6)


def _joints(stage: Usd.Stage, root: Usd.Prim) -> tuple[list[JointInfo], bool]:
    group = stage.GetPrimAtPath(root.GetPath().AppendChild("joints"))
    out, fixed = [], False
    for j in group.GetChildren() if group else []:
        if j.IsA(UsdPhysics.FixedJoint):
            fixed = fixed or not UsdPhysics.Joint(j).GetBody0Rel().GetTargets()
            continue
        revolute = j.IsA(UsdPhysics.RevoluteJoint)
        if not revolute and not j.IsA(UsdPhysics.PrismaticJoint):
            continue
        axis = str(j.GetAttribute("physics:axis").Get() or "Z")
        lo = float(j.GetAttribute("physics:lowerLimit").Get() or 0.0)
        hi = float(j.GetAttribute("physics:upperLimit").Get() or 0.0)
        if revolute:
            lo, hi = math.radians(lo), math.radians(hi)
        pos = _joint_position(stage, j, revolute, axis)
        out.append(JointInfo(j.GetName(), "revolute" if revolute else "prismatic", round(lo, 6), round(hi, 6),
                             min(max(pos, lo), hi)))
    return out, fixed


def _free_spot(stage: Usd.Stage, radius: float = 0.45) -> tuple[float, float, float]:
    """A floor point inside the room, clear of floor objects by ``radius``, near the room's centre
    (in a home: inside the room the entrance opens into, else the largest room)."""
    every = rooms(stage)
    if not every:
        return (0.0, 0.0, 0.0)
    room = _entrance_room(stage, every) or max(every, key=lambda r: polygon_area(r.polygon))
    x0, y0, x1, y1 = polygon_bounds(room.polygon)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    obstacles = [o.footprint.inflated(radius) for o in list_objects(stage)
                 if is_floor(o.support) and o.size[2] > 0.03 and (len(every) == 1 or o.room == room.name)]
    best = None
    steps = 24
    for i in range(steps + 1):
        for j in range(steps + 1):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps
            if not all(point_in_polygon((x + dx, y + dy), room.polygon)
                       for dx, dy in ((radius, 0), (-radius, 0), (0, radius), (0, -radius))):
                continue
            if any(_in_fp(x, y, fp) for fp in obstacles):
                continue
            d = (x - cx) ** 2 + (y - cy) ** 2
            if best is None or d < best[0]:
                best = (d, x, y)
    return (round(best[1], 3), round(best[2], 3), 0.0) if best else (round(cx, 3), round(cy, 3), 0.0)


def _entrance_room(stage: Usd.Stage, every: list) -> Any:
    """The room of a home the entrance opens into (None for one room, or without an entrance)."""
    if len(every) < 2:
        return None
    for r in every:
        for d in r.doors:
            if get_info(stage.GetPrimAtPath(d.path)).get("entrance"):
                return r
    return None


def _in_fp(x: float, y: float, fp: Any) -> bool:
    c, s = math.cos(math.radians(fp.yaw)), math.sin(math.radians(fp.yaw))
    dx, dy = x - fp.x, y - fp.y
    return abs(c * dx + s * dy) <= fp.w / 2 and abs(-s * dx + c * dy) <= fp.d / 2


def describe_world(stage: Usd.Stage) -> tuple[list[AssetInfo], list[AssetInfo]]:
    """Rigid objects and articulations of one world, read from its UsdPhysics schemas."""
    rigid, arts = [], []
    for prim in object_prims(stage):
        info = get_info(prim)
        pos, rot = _root_state(prim)
        rel = str(prim.GetPath().MakeRelativePath(Sdf.Path("/World")))
        cat = str(info.get("category", ""))
        if prim.HasAPI(UsdPhysics.ArticulationRootAPI):
            joints, fixed = _joints(stage, prim)
            if joints:
                arts.append(AssetInfo(prim.GetName(), rel, cat, pos, rot, joints, fixed))
        elif prim.HasAPI(UsdPhysics.RigidBodyAPI) and not info.get("fixed", False):
            rigid.append(AssetInfo(prim.GetName(), rel, cat, pos, rot))
    return rigid, arts


def resolve_worlds(source: str | Path) -> list[Path]:
    """The world files named by ``source``: a world folder or USD file, a variants folder
    (``variant_*.usda``), a batch folder or its ``manifest.jsonl`` (every finished world and its variants).

    Raises:
        InputError: nothing usable there.
    """
    p = Path(source).expanduser().absolute()
    if p.is_dir() and (p / "manifest.jsonl").is_file():
        p = p / "manifest.jsonl"
    if p.is_file() and p.name.endswith(".jsonl"):
        root = p.parent
        files: list[Path] = []
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and rec.get("status") == "ok" and rec.get("world"):
                w = root / rec["world"]
                files.append(w)
                files.extend(w.parent / v for v in rec.get("variant_files", []))
            elif isinstance(rec, dict) and "file" in rec and "index" in rec:  # variants.jsonl
                files.append(root / rec["file"])
        files = list(dict.fromkeys(f for f in files if f.is_file()))
        if not files:
            raise InputError(f"{p} records no finished world")
        return files
    if p.is_dir():
        variants = sorted(p.glob("variant_*.usda"))
        if variants:
            return variants
    try:
        return [find_world_file(p).absolute()]
    except WorldFormatError as exc:
        raise InputError(str(exc)) from None


def describe_worlds(source: str | Path | list[Path]) -> SceneDescription:
    """Describe the scene for one or more worlds; with several, only the rigid objects and
    articulations that every world has (same prim, same joints) become Isaac Lab assets."""
    worlds = source if isinstance(source, list) else resolve_worlds(source)
    common_r: dict[str, AssetInfo] | None = None
    common_a: dict[str, AssetInfo] | None = None
    spacing = 4.0
    spawn = (0.0, 0.0, 0.0)
    for k, w in enumerate(worlds):
        stage = open_stage(w)
        rigid, arts = describe_world(stage)
        r = {a.prim: a for a in rigid}
        a = {x.prim: x for x in arts}
        if common_r is None:
            common_r, common_a = r, a
            spawn = _free_spot(stage)
        else:
            common_r = {p: v for p, v in common_r.items() if p in r}
            common_a = {p: v for p, v in (common_a or {}).items()
                        if p in a and [j.name for j in a[p].joints] == [j.name for j in v.joints]}
        room = room_info(stage)
        if room is not None:
            x0, y0, x1, y1 = polygon_bounds(room.polygon)
            spacing = max(spacing, round(math.hypot(x1 - x0, y1 - y0) + 1.0, 2))
        if k >= 256:
            break
    return SceneDescription(list(worlds), list((common_r or {}).values()), list((common_a or {}).values()),
                            spacing, spawn)


def _field_name(name: str, taken: set[str]) -> str:
    base = "".join(c if c.isalnum() or c == "_" else "_" for c in name) or "asset"
    if base[0].isdigit() or keyword.iskeyword(base) or base in RESERVED:
        base = f"obj_{base}"
    out, i = base, 1
    while out in taken:
        out, i = f"{base}_{i}", i + 1
    taken.add(out)
    return out


def _env_layer(world: Path, dest: Path) -> None:
    """A layer that references the world and switches off its own PhysicsScene (Isaac Lab has one)."""
    base = Sdf.Layer.FindOrOpen(str(world))
    layer = Sdf.Layer.CreateAnonymous("env.usda")
    layer.defaultPrim = "World"
    for key in ("upAxis", "metersPerUnit", "kilogramsPerUnit"):
        if base is not None and base.pseudoRoot.HasInfo(key):
            layer.pseudoRoot.SetInfo(key, base.pseudoRoot.GetInfo(key))
    prim = Sdf.PrimSpec(layer, "World", Sdf.SpecifierDef, "Xform")
    rel = os.path.relpath(world, dest.parent)
    prim.referenceList.prependedItems.append(Sdf.Reference(rel if rel.startswith(".") else f"./{rel}"))
    scene = Sdf.PrimSpec(prim, "PhysicsScene", Sdf.SpecifierOver)
    scene.active = False
    write_text_atomic(dest, layer.ExportToString())


def render_scene_cfg(desc: SceneDescription, env_files: list[str], class_name: str = "GeneratedSceneCfg",
                     num_envs: int = 16) -> str:
    """The text of ``scene_cfg.py`` for a scene description (``env_files`` relative to the file)."""
    if not class_name.isidentifier() or keyword.iskeyword(class_name):
        raise InputError(f"--class-name {class_name!r} is not a Python identifier")
    taken: set[str] = set()
    lines = [
        f'"""Isaac Lab scene config for {len(desc.worlds)} omni_generalist world(s).',
        "",
        "Generated by `omni-generalist isaaclab`; edit freely. The world is spawned from a USD file per",
        "environment (cycled across environments when there are several); rigid objects and",
        "articulations already exist inside it, so their configs have ``spawn=None``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import os",
        "",
        "import isaaclab.sim as sim_utils",
        "from isaaclab.actuators import ImplicitActuatorCfg",
        "from isaaclab.assets import ArticulationCfg, AssetBaseCfg, RigidObjectCfg",
        "from isaaclab.scene import InteractiveSceneCfg",
        "from isaaclab.utils import configclass",
        "",
        "_HERE = os.path.dirname(os.path.abspath(__file__))",
        "WORLD_USD_PATHS = [",
        *[f"    os.path.join(_HERE, {f!r})," for f in env_files],
        "]",
        '"""One USD file per world; environment i gets world i % len(WORLD_USD_PATHS)."""',
        f"ROBOT_SPAWN_POS = {tuple(desc.robot_spawn)!r}",
        '"""A free floor spot near the room centre (world frame of each environment)."""',
        f"ENV_SPACING = {desc.env_spacing!r}",
        "",
        "",
        "@configclass",
        f"class {class_name}(InteractiveSceneCfg):",
        f'    """{len(desc.rigid)} rigid objects and {len(desc.articulations)} articulations in generated worlds."""',
        "",
        f"    num_envs: int = {int(num_envs)}",
        "    env_spacing: float = ENV_SPACING",
        f"    replicate_physics: bool = {len(env_files) == 1}",
        "",
    ]
    if len(env_files) == 1:
        spawn = "sim_utils.UsdFileCfg(usd_path=WORLD_USD_PATHS[0])"
    else:
        spawn = "sim_utils.MultiUsdFileCfg(usd_path=WORLD_USD_PATHS, random_choice=False)"
    lines += ["    world: AssetBaseCfg = AssetBaseCfg(", '        prim_path="{ENV_REGEX_NS}/Scene",',
              f"        spawn={spawn},", "    )", ""]
    for a in desc.rigid:
        name = _field_name(a.name, taken)
        lines += [f"    {name}: RigidObjectCfg = RigidObjectCfg(  # {a.category}",
                  f'        prim_path="{{ENV_REGEX_NS}}/Scene/{a.prim}",', "        spawn=None,",
                  f"        init_state=RigidObjectCfg.InitialStateCfg(pos={a.pos!r}, rot={a.rot!r}),", "    )"]
    for a in desc.articulations:
        name = _field_name(a.name, taken)
        names = [j.name for j in a.joints]
        jpos = {j.name: j.position for j in a.joints}
        base = "fixed base" if a.fixed_base else "free base"
        lines += [f"    {name}: ArticulationCfg = ArticulationCfg(  # {a.category}, {base}",
                  f'        prim_path="{{ENV_REGEX_NS}}/Scene/{a.prim}",', "        spawn=None,",
                  "        init_state=ArticulationCfg.InitialStateCfg(",
                  f"            pos={a.pos!r}, rot={a.rot!r},", f"            joint_pos={jpos!r},", "        ),",
                  "        actuators={",
                  f'            "joints": ImplicitActuatorCfg(joint_names_expr={names!r}, stiffness=0.0, damping=2.0),',
                  "        },", "    )"]
    lines += [
        "",
        "",
        "def use_spawned_state_as_default(scene) -> None:",
        '    """Make each environment\'s reset state the pose its own world was spawned with.',
        "",
        "    Worlds cycled across environments (variants) place objects differently; call this once",
        "    after ``sim.reset()`` so that resets return every environment to its own world.",
        '    """',
        "    for obj in scene.rigid_objects.values():",
        "        state = obj.data.root_state_w.clone()",
        "        state[:, :3] -= scene.env_origins",
        "        obj.data.default_root_state[:] = state",
        "    for art in scene.articulations.values():",
        "        art.data.default_joint_pos[:] = art.data.joint_pos",
        "",
    ]
    return "\n".join(lines)


def write_scene_cfg(source: str | Path, out_file: str | Path = "scene_cfg.py", class_name: str = "GeneratedSceneCfg",
                    num_envs: int = 16, force: bool = False) -> Path:
    """Write ``scene_cfg.py`` (and ``<stem>_assets/env_NNNN.usda`` wrappers) for ``source``.

    Args:
        source: a world, a variants folder, a batch folder or a manifest (see :func:`resolve_worlds`).
        out_file: the Python file to write.
        class_name: name of the ``InteractiveSceneCfg`` subclass.
        num_envs: its default ``num_envs``.
        force: replace an existing file.

    Returns:
        The written file.

    Raises:
        InputError: a bad source or output path, or an existing file without ``force``.
    """
    out = Path(out_file).expanduser().absolute()
    if out.suffix != ".py":
        raise InputError(f"--out must be a .py file, got {out.name}")
    if out.exists() and not force:
        raise InputError(f"{out} exists (use --force to replace it)")
    if not out.parent.is_dir():
        raise InputError(f"folder {out.parent} does not exist")
    desc = describe_worlds(source)
    assets = out.parent / f"{out.stem}_assets"
    assets.mkdir(exist_ok=True)
    env_files = []
    for i, w in enumerate(desc.worlds):
        dest = assets / f"env_{i:04d}.usda"
        _env_layer(w, dest)
        env_files.append(os.path.relpath(dest, out.parent))
    write_text_atomic(out, render_scene_cfg(desc, env_files, class_name, num_envs))
    return out


def scene_cfg_class(source: str | Path, out_file: str | Path | None = None, class_name: str = "GeneratedSceneCfg",
                    num_envs: int = 16) -> type:
    """Write the scene config for ``source`` and import its ``InteractiveSceneCfg`` subclass.

    Needs Isaac Lab (``isaaclab``) importable, i.e. inside an Isaac Sim / Isaac Lab Python.

    Raises:
        InputError: ``isaaclab`` is not installed, or a bad source.
    """
    if importlib.util.find_spec("isaaclab") is None:
        raise InputError("the isaaclab package is not installed: run this inside Isaac Lab "
                         "(or use `omni-generalist isaaclab` to write scene_cfg.py)")
    if out_file is None:
        import tempfile

        out_file = Path(tempfile.mkdtemp(prefix="og_isaaclab_")) / "scene_cfg.py"
    path = write_scene_cfg(source, out_file, class_name, num_envs, force=True)
    spec = importlib.util.spec_from_file_location(f"og_scene_cfg_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return getattr(module, class_name)
