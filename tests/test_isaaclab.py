"""The Isaac Lab bridge: scene_cfg.py is valid Python with the right classes, prim paths and USD files."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest
from pxr import Usd, UsdPhysics

from omni_generalist.errors import InputError
from omni_generalist.isaaclab import describe_worlds, scene_cfg_class, write_scene_cfg
from omni_generalist.randomize import load_spec, randomize_world
from omni_generalist.world.layout import object_prims

from .conftest import run_cli
from .test_randomize import make_world


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("il") / "kitchen",
                      "a kitchen with a fridge, a table with two chairs and a mug on the table", seed=1)


def _calls(tree: ast.Module, cls: str) -> tuple[ast.ClassDef, dict[str, ast.Call]]:
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    fields = {}
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.value, ast.Call):
            fields[stmt.target.id] = stmt.value
    return node, fields


def _kw(call: ast.Call, name: str):
    return next((k.value for k in call.keywords if k.arg == name), None)


def _check_cfg(path: Path, cls: str = "GeneratedSceneCfg") -> tuple[dict[str, ast.Call], list[Path], Usd.Stage]:
    text = path.read_text()
    tree = ast.parse(text)  # valid Python
    compile(text, str(path), "exec")
    node, fields = _calls(tree, cls)
    assert [b.id for b in node.bases] == ["InteractiveSceneCfg"]
    assert [d.id for d in node.decorator_list] == ["configclass"]
    imports = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    assert {"ArticulationCfg", "AssetBaseCfg", "RigidObjectCfg", "InteractiveSceneCfg", "configclass",
            "ImplicitActuatorCfg"} <= imports
    paths_node = next(n.value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "WORLD_USD_PATHS")
    files = [path.parent / e.args[1].value for e in paths_node.elts]
    assert files and all(f.is_file() for f in files)
    world = fields["world"]
    assert world.func.id == "AssetBaseCfg" and _kw(world, "prim_path").value == "{ENV_REGEX_NS}/Scene"
    # what an environment holds: the world as Isaac Lab spawns it at /World/envs/env_0/Scene
    stage = Usd.Stage.Open(str(files[0]))
    assert not stage.GetPrimAtPath("/World/PhysicsScene").IsActive()  # Isaac Lab brings its own
    return fields, files, stage


def _prim(call: ast.Call, stage: Usd.Stage) -> Usd.Prim:
    path = _kw(call, "prim_path").value
    assert path.startswith("{ENV_REGEX_NS}/Scene/")
    return stage.GetPrimAtPath("/World/" + path[len("{ENV_REGEX_NS}/Scene/"):])


def test_scene_cfg_for_one_world(kitchen, tmp_path):
    out = write_scene_cfg(kitchen, tmp_path / "scene_cfg.py", num_envs=8)
    fields, files, stage = _check_cfg(out)
    assert _kw(fields["world"], "spawn").func.attr == "UsdFileCfg"
    rigid = {k: c for k, c in fields.items() if c.func.id == "RigidObjectCfg"}
    arts = {k: c for k, c in fields.items() if c.func.id == "ArticulationCfg"}
    objects = object_prims(stage)
    want_rigid = {p.GetName() for p in objects if p.HasAPI(UsdPhysics.RigidBodyAPI)
                  and not p.HasAPI(UsdPhysics.ArticulationRootAPI) and not (p.GetCustomDataByKey("generalist") or {}).get("fixed")}
    want_arts = {p.GetName() for p in objects if p.HasAPI(UsdPhysics.ArticulationRootAPI)}
    assert want_rigid and want_arts
    assert set(rigid) == want_rigid and set(arts) == want_arts
    for call in rigid.values():
        prim = _prim(call, stage)
        assert prim and prim.HasAPI(UsdPhysics.RigidBodyAPI)
        assert isinstance(_kw(call, "spawn"), ast.Constant) and _kw(call, "spawn").value is None
    for name, call in arts.items():
        prim = _prim(call, stage)
        assert prim.HasAPI(UsdPhysics.ArticulationRootAPI)
        joints = {j.GetName() for j in prim.GetChild("joints").GetChildren()
                  if j.IsA(UsdPhysics.RevoluteJoint) or j.IsA(UsdPhysics.PrismaticJoint)}
        act = _kw(call, "actuators").values[0]
        assert act.func.id == "ImplicitActuatorCfg"
        assert set(ast.literal_eval(_kw(act, "joint_names_expr"))) == joints, name
        init = _kw(call, "init_state")
        assert set(ast.literal_eval(_kw(init, "joint_pos"))) == joints
    text = out.read_text()
    assert "num_envs: int = 8" in text and "replicate_physics: bool = True" in text
    spawn = ast.literal_eval(re.search(r"ROBOT_SPAWN_POS = (\(.*\))", text).group(1))
    assert len(spawn) == 3


def test_scene_cfg_cycles_variants_and_reads_open_joints(kitchen, tmp_path):
    spec = load_spec(overrides={"validate": False, "articulation_open_prob": 1.0, "articulation_open_fraction": 0.5})
    res = randomize_world(kitchen, tmp_path / "v", 3, seed=1, spec=spec)
    (tmp_path / "cfg").mkdir()
    out = write_scene_cfg(tmp_path / "v", tmp_path / "cfg" / "scene_cfg.py")
    fields, files, _ = _check_cfg(out)
    assert len(files) == 3 and _kw(fields["world"], "spawn").func.attr == "MultiUsdFileCfg"
    assert "replicate_physics: bool = False" in out.read_text()
    desc = describe_worlds(res.files[:1])
    opened = [j.position for a in desc.articulations for j in a.joints]
    assert any(abs(p) > 1e-3 for p in opened)  # doors stand open in the variant
    for a in desc.articulations:
        for j in a.joints:
            assert j.lower - 1e-6 <= j.position <= j.upper + 1e-6


def test_isaaclab_cli_and_errors(kitchen, tmp_path):
    proc = run_cli("isaaclab", str(kitchen.parent), "--out", str(tmp_path / "cfg.py"), "--class-name", "KitchenSceneCfg")
    assert proc.returncode == 0, proc.stderr
    _check_cfg(tmp_path / "cfg.py", "KitchenSceneCfg")
    again = run_cli("isaaclab", str(kitchen.parent), "--out", str(tmp_path / "cfg.py"))
    assert again.returncode == 2 and b"--force" in again.stderr
    with pytest.raises(InputError, match="identifier"):
        write_scene_cfg(kitchen, tmp_path / "x.py", class_name="not valid")
    with pytest.raises(InputError):
        write_scene_cfg(tmp_path / "nothing", tmp_path / "y.py")
    if importlib.util.find_spec("isaaclab") is None:
        with pytest.raises(InputError, match="isaaclab package is not installed"):
            scene_cfg_class(kitchen)
    else:  # inside Isaac Lab: the class imports and is a configclass subclass
        from isaaclab.scene import InteractiveSceneCfg

        assert issubclass(scene_cfg_class(kitchen), InteractiveSceneCfg)
