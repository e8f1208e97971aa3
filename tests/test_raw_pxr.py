"""Prims a policy authors with plain pxr through ``stage`` flow through every stage like any object.

A corpus of raw-pxr action snippets a model would plausibly write (meshes with points, cubes and
spheres, nested prims, materials bound to them, lights, transforms, labels) runs in the sandbox
after a room; each object it defines under ``/World/Objects`` must come out labelled (its own label,
else "object"), with a size, physics (a rigid body when it has geometry), drawn by the renderer with
its label. A few run end to end through the command line: generate, validate, render, dataset,
isaaclab.
"""

from __future__ import annotations

import json

import pytest
from pxr import Usd, UsdPhysics

from omni_generalist.actions import Sandbox
from omni_generalist.physics import author_physics
from omni_generalist.render.scene import scene_from_stage
from omni_generalist.world.metadata import semantic_classes
from omni_generalist.world.model import list_objects

from .conftest import FAST_LIMITS, run_cli

ROOM = 'create_room(6, 5)\nadd_door("south", 1.0)'
BOX = ("pts = [(-0.2,-0.2,0),(0.2,-0.2,0),(0.2,0.2,0),(-0.2,0.2,0),(-0.2,-0.2,0.4),(0.2,-0.2,0.4),(0.2,0.2,0.4),"
       "(-0.2,0.2,0.4)]\nm.CreatePointsAttr(pts)\nm.CreateFaceVertexCountsAttr([4]*6)\n"
       "m.CreateFaceVertexIndicesAttr([0,3,2,1, 4,5,6,7, 0,1,5,4, 1,2,6,5, 2,3,7,6, 3,0,4,7])\n")
LABEL = 'UsdSemantics.LabelsAPI.Apply({p}, "class").CreateLabelsAttr(["{label}"])\n'
MAT = ('mat = UsdShade.Material.Define(stage, "/World/Looks/raw_red")\n'
       'sh = UsdShade.Shader.Define(stage, "/World/Looks/raw_red/PreviewSurface")\n'
       'sh.CreateIdAttr("UsdPreviewSurface")\n'
       'sh.CreateInput("diffuseColor", Sdf.ValueTypeNames.Color3f).Set(Gf.Vec3f(0.8, 0.1, 0.1))\n'
       'mat.CreateSurfaceOutput().ConnectToSource(sh.ConnectableAPI(), "surface")\n')

# (code, object name, expected label, has geometry)
CORPUS: list[tuple[str, str, str, bool]] = [
    ('stage.DefinePrim("/World/Objects/probe", "Xform")', "probe", "object", False),
    ('x = UsdGeom.Xform.Define(stage, "/World/Objects/marker")\nx.AddTranslateOp().Set(Gf.Vec3d(1, 1, 0))',
     "marker", "object", False),
    ('c = UsdGeom.Cube.Define(stage, "/World/Objects/crate")\nc.GetSizeAttr().Set(0.4)\n'
     'UsdGeom.XformCommonAPI(c).SetTranslate((1.0, 0.5, 0.2))', "crate", "object", True),
    ('c = UsdGeom.Cube.Define(stage, "/World/Objects/box")\nc.CreateSizeAttr(0.3)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(-1, 1, 0.15))\n' + LABEL.format(p="c.GetPrim()", label="box"), "box", "box", True),
    ('s = UsdGeom.Sphere.Define(stage, "/World/Objects/ball")\ns.CreateRadiusAttr(0.12)\n'
     's.AddTranslateOp().Set(Gf.Vec3d(0.5, -1, 0.12))\n' + LABEL.format(p="s.GetPrim()", label="ball"),
     "ball", "ball", True),
    ('c = UsdGeom.Cylinder.Define(stage, "/World/Objects/bin")\nc.CreateRadiusAttr(0.15)\nc.CreateHeightAttr(0.4)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(2, -1.5, 0.2))\n' + LABEL.format(p="c.GetPrim()", label="trash can"),
     "bin", "trash can", True),
    ('c = UsdGeom.Cone.Define(stage, "/World/Objects/cone")\nc.CreateRadiusAttr(0.1)\nc.CreateHeightAttr(0.3)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(-2, -1.5, 0.15))', "cone", "object", True),
    ('c = UsdGeom.Capsule.Define(stage, "/World/Objects/pill")\nc.CreateRadiusAttr(0.05)\nc.CreateHeightAttr(0.2)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(-2, 1.5, 0.15))', "pill", "object", True),
    ('m = UsdGeom.Mesh.Define(stage, "/World/Objects/block")\n' + BOX +
     'm.AddTranslateOp().Set(Gf.Vec3d(0, 1.5, 0))', "block", "object", True),
    ('m = UsdGeom.Mesh.Define(stage, "/World/Objects/crate_mesh")\n' + BOX +
     'UsdGeom.XformCommonAPI(m).SetTranslate((1.5, 1.5, 0.0))\nUsdGeom.XformCommonAPI(m).SetRotate((0, 0, 30))\n'
     + LABEL.format(p="m.GetPrim()", label="crate"), "crate_mesh", "crate", True),
    ('root = UsdGeom.Xform.Define(stage, "/World/Objects/stool")\nroot.AddTranslateOp().Set(Gf.Vec3d(-1, -1, 0))\n'
     'seat = UsdGeom.Cube.Define(stage, "/World/Objects/stool/seat")\nseat.CreateSizeAttr(1.0)\n'
     'seat.AddTranslateOp().Set(Gf.Vec3d(0, 0, 0.42))\nseat.AddScaleOp().Set(Gf.Vec3f(0.35, 0.35, 0.04))\n'
     'for i, (x, y) in enumerate([(-0.15,-0.15),(0.15,-0.15),(0.15,0.15),(-0.15,0.15)]):\n'
     '    leg = UsdGeom.Cylinder.Define(stage, "/World/Objects/stool/leg_%d" % i)\n'
     '    leg.CreateRadiusAttr(0.02)\n    leg.CreateHeightAttr(0.4)\n'
     '    leg.AddTranslateOp().Set(Gf.Vec3d(x, y, 0.2))\n' + LABEL.format(p="root.GetPrim()", label="stool"),
     "stool", "stool", True),
    (MAT + 'c = UsdGeom.Cube.Define(stage, "/World/Objects/red_box")\nc.CreateSizeAttr(0.25)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(2, 1.5, 0.125))\n'
     'UsdShade.MaterialBindingAPI.Apply(c.GetPrim()).Bind(mat)', "red_box", "object", True),
    ('p = stage.DefinePrim("/World/Objects/lamp_post", "Xform")\n'
     'UsdGeom.Xformable(p).AddTranslateOp().Set(Gf.Vec3d(-2.5, 0, 0))\n'
     'pole = UsdGeom.Cylinder.Define(stage, "/World/Objects/lamp_post/pole")\npole.CreateRadiusAttr(0.03)\n'
     'pole.CreateHeightAttr(1.6)\npole.AddTranslateOp().Set(Gf.Vec3d(0, 0, 0.8))\n'
     'bulb = UsdLux.SphereLight.Define(stage, "/World/Objects/lamp_post/bulb")\nbulb.CreateIntensityAttr(3000)\n'
     'bulb.CreateRadiusAttr(0.05)\nbulb.AddTranslateOp().Set(Gf.Vec3d(0, 0, 1.65))\n'
     + LABEL.format(p="p", label="floor lamp"), "lamp_post", "floor lamp", True),
    ('c = UsdGeom.Cube.Define(stage, "/World/Objects/shelf_box")\nc.CreateSizeAttr(0.2)\n'
     'c.AddTranslateOp().Set(Gf.Vec3d(0, -2, 0.1))\n'
     'c.GetPrim().CreateAttribute("semantic:Semantics:params:semanticType", Sdf.ValueTypeNames.String).Set("class")\n'
     'c.GetPrim().CreateAttribute("semantic:Semantics:params:semanticData", Sdf.ValueTypeNames.String).Set("Carton")',
     "shelf_box", "carton", True),
]
# variations a model writes as often: other sizes, positions, op styles
for i, (x, y) in enumerate([(-2.5, -2), (-1.5, -2), (-0.5, 2), (0.5, 2), (1.5, -2), (2.5, -2), (2.5, 2), (-2.5, 2)]):
    CORPUS.append((f'c = UsdGeom.Cube.Define(stage, "/World/Objects/cube_{i}")\nc.CreateSizeAttr({0.1 + 0.02 * i})\n'
                   f'c.AddTranslateOp().Set(Gf.Vec3d({x}, {y}, {(0.1 + 0.02 * i) / 2}))', f"cube_{i}", "object", True))
for i, (x, y) in enumerate([(-1.8, 0.6), (-0.6, 0.6), (0.6, 0.6), (1.8, 0.6)]):
    CORPUS.append((f'm = UsdGeom.Mesh.Define(stage, "/World/Objects/slab_{i}")\n' + BOX +
                   f'm.AddTranslateOp().Set(Gf.Vec3d({x}, {y}, 0))\nm.AddRotateZOp().Set({15 * i})\n'
                   + LABEL.format(p="m.GetPrim()", label="slab"), f"slab_{i}", "slab", True))
for i, (x, y) in enumerate([(-1.2, -0.6), (0.0, -0.6), (1.2, -0.6), (2.4, 0.0)]):
    CORPUS.append((f's = UsdGeom.Sphere.Define(stage, "/World/Objects/orb_{i}")\ns.CreateRadiusAttr(0.08)\n'
                   f'UsdGeom.XformCommonAPI(s).SetTranslate(({x}, {y}, 0.08))', f"orb_{i}", "object", True))


def test_corpus_size():
    assert len(CORPUS) >= 30


@pytest.fixture(scope="module")
def raw_world():
    with Sandbox(seed=3, config=FAST_LIMITS) as sb:
        assert sb.run(ROOM).ok
        results = [sb.run(code) for code, *_ in CORPUS]
        stage = Usd.Stage.Open(sb.layer)
        author_physics(stage)
        yield stage, results


@pytest.mark.parametrize("k", range(len(CORPUS)), ids=[c[1] for c in CORPUS])
def test_raw_prims_become_objects(raw_world, k):
    stage, results = raw_world
    code, name, label, geometric = CORPUS[k]
    assert results[k].ok, results[k].error
    prim = stage.GetPrimAtPath(f"/World/Objects/{name}")
    assert semantic_classes(prim)[:1] == [label]
    obj = next(o for o in list_objects(stage) if o.name == name)
    assert obj.category == label
    assert (obj.size[2] > 0) is geometric
    assert prim.HasAPI(UsdPhysics.RigidBodyAPI) is geometric
    if geometric:
        assert obj.support, name  # floor or the object beneath
        inst = scene_from_stage(stage).by_path(str(prim.GetPath()))
        assert inst is not None and inst.label == label


ACTIONS = "\n".join(f"# %% action {i + 1}\n{code}" for i, code in
                    enumerate([ROOM, CORPUS[2][0], CORPUS[10][0], CORPUS[11][0], CORPUS[12][0]]))


def test_raw_prims_end_to_end(tmp_path):
    script = tmp_path / "raw.py"
    script.write_text(ACTIONS + "\n")
    world = tmp_path / "w"
    proc = run_cli("generate", "raw objects", "--actions", str(script), "--out", str(world))
    assert proc.returncode == 0, proc.stderr
    report = json.loads((world / "report.json").read_text())
    assert report["layout"]["categories"] == {"floor lamp": 1, "object": 2, "stool": 1}
    assert report["physics"]["movable"] == 4
    proc = run_cli("validate", str(world), "--json")
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("dataset", str(world), "--frames", "1", "--out", str(tmp_path / "ds"))
    assert proc.returncode == 0, proc.stderr
    labels = " ".join(p.read_text() for p in (tmp_path / "ds").rglob("*.json"))
    for label in ("stool", "object"):  # seen from the dataset's camera
        assert label in labels
    proc = run_cli("render", str(world), "--out", str(tmp_path / "renders"))
    assert proc.returncode == 0, proc.stderr
    assert list((tmp_path / "renders").rglob("*.png"))
    proc = run_cli("isaaclab", str(world), "--out", str(tmp_path / "scene_cfg.py"))
    assert proc.returncode == 0, proc.stderr
    cfg = (tmp_path / "scene_cfg.py").read_text()
    for name in ("crate", "stool", "red_box", "lamp_post"):
        assert name in cfg


def test_benign_define_prim_in_a_room_without_door_generates(tmp_path):
    """Regression: this ended in 'internal error: TypeError ... __round__' (reachability None)."""
    script = tmp_path / "probe.py"
    script.write_text('# %% action 1\ncreate_room(5, 4)\n# %% action 2\nstage.DefinePrim("/World/Objects/probe", "Xform")\n')
    proc = run_cli("generate", "a room", "--actions", str(script), "--out", str(tmp_path / "w"))
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "w" / "report.json").read_text())
    assert report["layout"]["categories"] == {"object": 1}


def test_referenced_usd_asset_from_a_registered_root_is_an_object(tmp_path):
    """A reference to a USD file in an asset root the sandbox allows (``sandbox.asset_roots``)."""
    import dataclasses

    from pxr import UsdGeom

    lib = tmp_path / "lib"
    lib.mkdir()
    asset = Usd.Stage.CreateNew(str(lib / "crate.usda"))
    UsdGeom.SetStageUpAxis(asset, UsdGeom.Tokens.z)
    root = UsdGeom.Xform.Define(asset, "/Crate")
    cube = UsdGeom.Cube.Define(asset, "/Crate/body")
    cube.CreateSizeAttr(0.5)
    cube.AddTranslateOp().Set((0.0, 0.0, 0.25))
    asset.SetDefaultPrim(root.GetPrim())
    asset.Save()
    config = dataclasses.replace(FAST_LIMITS, asset_roots=(str(lib),))
    code = (f'p = stage.DefinePrim("/World/Objects/crate_ref", "Xform")\n'
            f'p.GetReferences().AddReference("{lib / "crate.usda"}")\n'
            f'UsdGeom.Xformable(p).AddTranslateOp().Set(Gf.Vec3d(1, 1, 0))\n'
            + LABEL.format(p="p", label="crate"))
    with Sandbox(seed=3, config=config) as sb:
        assert sb.run(ROOM).ok
        res = sb.run(code)
        assert res.ok, res.error
        stage = Usd.Stage.Open(sb.layer)
        author_physics(stage)
        obj = next(o for o in list_objects(stage) if o.name == "crate_ref")
        assert obj.category == "crate" and abs(obj.size[2] - 0.5) < 1e-6
        assert abs(obj.position[0] - 1) < 1e-6 and obj.support.endswith("/Floor")
        assert stage.GetPrimAtPath("/World/Objects/crate_ref").HasAPI(UsdPhysics.RigidBodyAPI)
        assert scene_from_stage(stage).by_path("/World/Objects/crate_ref").label == "crate"


def test_raw_objects_move_and_rotate_like_any_object():
    """move_object / rotate_object work on raw objects whatever ops they carry (they raised KeyError
    on the missing orient op); the pose is the bounds' bottom centre, turned about it, and what
    rests on a raw object travels with it."""
    with Sandbox(seed=3, config=FAST_LIMITS) as sb:
        assert sb.run(ROOM).ok
        assert sb.run(CORPUS[2][0]).ok  # crate: XformCommonAPI translate, 0.4 m cube at (1, 0.5)
        assert sb.run(CORPUS[10][0]).ok  # stool: translate on the root, parts with translate+scale
        assert sb.run('c = UsdGeom.Cube.Define(stage, "/World/Objects/tilted")\nc.CreateSizeAttr(0.4)\n'
                      'c.AddTranslateOp().Set(Gf.Vec3d(-2, 1.5, 0.2))\nc.AddRotateZOp().Set(30)').ok
        res = sb.run("add_object('mug', on='crate')")
        assert res.ok, res.error

        def obj(name):
            return next(o for o in list_objects(sb.stage) if o.name == name)

        mug0, crate0 = obj("mug_0").position, obj("crate").position
        res = sb.run("move_object('crate', by=(0.5, -0.5))")
        assert res.ok, res.error
        assert obj("crate").position == pytest.approx((crate0[0] + 0.5, crate0[1] - 0.5, crate0[2]), abs=1e-6)
        assert obj("mug_0").position == pytest.approx((mug0[0] + 0.5, mug0[1] - 0.5, mug0[2]), abs=1e-6)
        res = sb.run("rotate_object('crate', 45)")
        assert res.ok, res.error
        c = obj("crate")
        assert c.position[:2] == pytest.approx((crate0[0] + 0.5, crate0[1] - 0.5), abs=1e-6)
        assert c.size[0] == pytest.approx(0.4 * 2 ** 0.5, abs=1e-5)  # its bounds turned by 45 degrees
        res = sb.run("rotate_object('tilted', 60)")  # 30 + 60: world-aligned again
        assert res.ok, res.error
        assert obj("tilted").size == pytest.approx((0.4, 0.4, 0.4), abs=1e-5)
        res = sb.run("move_object('stool', against_wall='north')")
        assert res.ok, res.error
        s = obj("stool")
        assert s.bounds[1][1] == pytest.approx(2.5, abs=0.06)  # the room is 5 m deep, centred on 0
        res = sb.run("move_object('crate', position=(9, 9))")  # outside the room: refused, nothing moves
        assert not res.ok and res.error_kind == "PlacementError"
        assert obj("crate").position[:2] == pytest.approx((crate0[0] + 0.5, crate0[1] - 0.5), abs=1e-6)
        # an object with Replicator's op order (translate + rotateXYZ, what match_pose_ops writes) turns too
        assert sb.run("add_object('chair', position=(1.5, -1.0))").ok
        res = sb.run("xf = UsdGeom.Xformable(stage.GetPrimAtPath(get_object('chair_0').path))\n"
                     "t = xf.GetOrderedXformOps()[0].Get()\nxf.ClearXformOpOrder()\n"
                     "xf.AddTranslateOp(UsdGeom.XformOp.PrecisionDouble).Set(t)\n"
                     "xf.AddRotateXYZOp(UsdGeom.XformOp.PrecisionDouble).Set(Gf.Vec3d(0, 0, 30))")
        assert res.ok, res.error
        chair = obj("chair_0")
        assert chair.yaw == pytest.approx(30)
        res = sb.run("rotate_object('chair_0', 60)")
        assert res.ok, res.error
        assert obj("chair_0").yaw == pytest.approx(90) and obj("chair_0").position == pytest.approx(chair.position)


@pytest.mark.parametrize("code, where", [
    ('c = UsdGeom.Cube.Define(stage, "/World/box")\nc.CreateSizeAttr(0.4)', "/World/Objects/box"),
    ('m = UsdGeom.Mesh.Define(stage, "/World/Props/crate")\n' + BOX, "/World/Objects/Props"),
    ('stage.DefinePrim("/World/Looks/ball", "Sphere")', "/World/Objects/Looks"),
    ('UsdGeom.Cube.Define(stage, "/box")', "outside the world"),
    ('stage.DefinePrim("/Scratch", "Xform")', "outside the world"),
])
def test_geometry_outside_objects_is_refused_with_where_to_put_it(room_sandbox, code, where):
    """Geometry defined outside /World/Objects (and the room and lights) would be drawn but be no
    object: no label, no physics, no checks. It is refused, saying where objects go."""
    sb = room_sandbox
    before = sb.layer.ExportToString()
    res = sb.run(code)
    assert not res.ok and res.error_kind == "SandboxViolation" and where in res.error, res.error
    assert sb.layer.ExportToString() == before
    # what is not geometry may go elsewhere under /World: a grouping Xform, a light
    res = sb.run('stage.DefinePrim("/World/Markers", "Xform")\n'
                 'UsdLux.SphereLight.Define(stage, "/World/KeyLight").CreateIntensityAttr(2000)')
    assert res.ok, res.error


@pytest.fixture(scope="module")
def room_sandbox():
    with Sandbox(seed=3, config=FAST_LIMITS) as sb:
        assert sb.run(ROOM).ok
        yield sb
