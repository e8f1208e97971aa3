"""The Kit Replicator adapters against a stand-in with Replicator 1.12's signatures (tests/replicator_standin.py).

Each test here failed before the fix it guards: ``create.light(radius=...)`` (TypeError), light
attributes written on the Xform wrapper, rotations written to an op our objects do not use, a
1 m near clip on the export camera, and a second graph stacked on the first.
"""

from __future__ import annotations

import asyncio
import importlib
import math

import pytest
from pxr import Gf, Usd, UsdGeom, UsdLux

from omni_generalist.randomize import load_spec, spec_to_graph
from omni_generalist.world.stage import open_stage

from . import replicator_standin
from .test_randomize import make_world


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("kr") / "bedroom", "a small bedroom with a bed, a nightstand, "
                      "a chair and a book on the nightstand", seed=3)


@pytest.fixture
def kit(monkeypatch, world):
    stage = open_stage(world)
    rep = replicator_standin.install(monkeypatch, stage)
    from omni_generalist.kit import replicator_randomizer

    return stage, rep, importlib.reload(replicator_randomizer)


def test_standin_rejects_unknown_parameters_like_replicator(monkeypatch):
    rep = replicator_standin.install(monkeypatch, Usd.Stage.CreateInMemory())
    import omni.replicator.core as core

    with pytest.raises(TypeError):
        core.create.light(light_type="Sphere", radius=0.1)
    with pytest.raises(TypeError):
        core.modify.pose(orientation=(0, 0, 0))
    core.create.light(light_type="Sphere", intensity=100.0)
    assert rep.calls[-1][0] == "create.light"


def test_light_additions_build_and_their_attributes_reach_the_light(kit):
    stage, rep, module = kit
    spec = load_spec(overrides={"light_count_delta": (0, 2)})
    graph = spec_to_graph(spec, stage, num_frames=3, seed=1)
    module.build_replicator_graph(graph, stage)  # create.light(radius=...) raised TypeError here
    rep.step()
    created = [p for p in stage.Traverse() if p.IsA(UsdLux.SphereLight) and str(p.GetPath()).startswith("/Replicator")]
    assert len(created) == 2
    for light in created:
        assert abs(light.GetAttribute("inputs:radius").Get() - 0.1) < 1e-6
        assert light.GetAttribute("inputs:intensity").Get() != 1000.0  # randomized on the light itself
        assert not light.GetParent().GetAttribute("inputs:intensity")  # not on its Xform wrapper


def test_pose_rotation_turns_the_object(kit):
    stage, rep, module = kit
    spec = load_spec(preset="layout", overrides={"pose_jitter_deg": 30.0, "pose_jitter_m": 0.1})
    graph = spec_to_graph(spec, stage, num_frames=2, seed=1)
    module.build_replicator_graph(graph, stage)
    rep.step()
    rotated = {path for path, attr, _ in rep.writes if attr == "xformOp:rotateXYZ"}
    assert rotated
    for path in rotated:
        written = [v for p, a, v in rep.writes if p == path and a == "xformOp:rotateXYZ"][-1]
        m = Gf.Matrix4d(UsdGeom.Xformable(stage.GetPrimAtPath(path)).GetLocalTransformation()).RemoveScaleShear()
        x = m.TransformDir(Gf.Vec3d(1, 0, 0))
        yaw = math.degrees(math.atan2(x[1], x[0]))
        assert abs((yaw - written[2] + 180) % 360 - 180) < 1e-3, path


def test_pose_ops_keep_the_transform(kit):
    stage, _, _ = kit
    from omni_generalist.randomize.replicator_graph import match_pose_ops, pose_rotation_prims

    graph = spec_to_graph(load_spec(preset="layout"), stage, num_frames=1)
    paths = pose_rotation_prims(graph)
    before = {p: Gf.Matrix4d(UsdGeom.Xformable(stage.GetPrimAtPath(p)).GetLocalTransformation()) for p in paths}
    assert match_pose_ops(stage, graph)
    for p, m in before.items():
        after = UsdGeom.Xformable(stage.GetPrimAtPath(p)).GetLocalTransformation()
        assert Gf.IsClose(Gf.Matrix4d(after), m, 1e-6), p
    assert match_pose_ops(stage, graph) == []  # idempotent


def test_randomize_twice_leaves_one_graph(kit):
    stage, rep, module = kit
    graph = spec_to_graph(load_spec(preset="appearance"), stage, num_frames=5, seed=2)
    module.build_replicator_graph(graph, stage)
    module.build_replicator_graph(graph, stage)
    rep.step()
    writes = [(p, a) for p, a, _ in rep.writes]
    assert writes and len(writes) == len(set(writes))  # every target written once per frame


def test_export_camera_sees_what_is_near(monkeypatch, tmp_path, world):
    stage = open_stage(world)
    for prim in list(stage.Traverse()):
        if prim.IsA(UsdGeom.Camera):
            stage.RemovePrim(prim.GetPath())
    replicator_standin.install(monkeypatch, stage)
    from omni_generalist.kit import replicator_writer

    module = importlib.reload(replicator_writer)
    info = asyncio.run(module.write_dataset_async(stage, tmp_path / "ds", 2))
    assert info.frames == 2
    cams = [p for p in stage.Traverse() if p.IsA(UsdGeom.Camera)]
    assert len(cams) == 1
    near = UsdGeom.Camera(cams[0]).GetClippingRangeAttr().Get()[0]
    assert near <= 0.05
