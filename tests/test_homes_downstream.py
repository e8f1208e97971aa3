"""Everything downstream of a home works on its rooms (issue 13, item 4; docs/homes.md): objects
nested per room, dataset and render cameras in every room, randomized cameras, lights and
distractors inside rooms, the Isaac Lab robot spawned in the entrance room, reachability walked
from the entrance through the doors, and language edits that name a room."""

import random
import shutil

import pytest
from pxr import Gf, UsdGeom

from omni_generalist.actions.api import ActionAPI
from omni_generalist.config import RandomizationConfig, RenderConfig, Settings
from omni_generalist.generate import edit_world, generate_world
from omni_generalist.isaaclab import describe_worlds
from omni_generalist.metrics.homes import home_checks
from omni_generalist.metrics.reachability import world_reachability
from omni_generalist.policy.procedural import ProceduralPolicy
from omni_generalist.randomize.replicator_graph import check_graph, spec_to_graph
from omni_generalist.randomize.usd_randomizer import add_distractors, randomize_cameras
from omni_generalist.render.dataset import viewpoints, write_dataset
from omni_generalist.render.views import render_world
from omni_generalist.world import list_objects, open_stage, rooms
from omni_generalist.world.geometry import point_in_polygon
from omni_generalist.world.layout import object_prims
from omni_generalist.world.metadata import get_info

ROOMS = {"living_room", "kitchen", "bedroom_1", "bedroom_2", "bathroom", "hallway"}
FURNISHED = ROOMS - {"hallway"}


def _settings() -> Settings:
    s = Settings()
    s.generator.validate = False
    s.generator.preview = False
    s.generator.format = "usda"
    return s


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    out = tmp_path_factory.mktemp("home") / "apartment"
    generate_world("a 2b1b apartment", out, ProceduralPolicy(), seed=0, settings=_settings())
    return out


def _room_of_point(stage, xy) -> str:
    return next((r.name for r in rooms(stage) if point_in_polygon(xy, r.polygon)), "")


def test_objects_are_nested_by_room_with_names_unique_in_the_home(home):
    stage = open_stage(home)
    assert {r.name for r in rooms(stage)} == ROOMS
    objs = list_objects(stage)
    assert {o.room for o in objs} == FURNISHED  # every room but the hallway is furnished
    for o in objs:
        assert o.path == f"/World/Objects/{o.room}/{o.name}" and o.support != ""
    assert all(get_info(stage.GetPrimAtPath(f"/World/Objects/{r}"))["objects_of"] == r for r in FURNISHED)
    beds = sorted((o.room, o.name) for o in objs if o.category == "bed")
    assert beds == [("bedroom_1", "bed_0"), ("bedroom_2", "bed_1")]
    assert len({o.name for o in objs}) == len(objs) == len(object_prims(stage))


def test_dataset_cameras_spread_over_the_rooms(home, tmp_path):
    stage = open_stage(home)
    every = {r.name: r for r in rooms(stage)}
    pool = viewpoints(stage, 64, 48, 80.0)
    first = pool[:len(every)]
    seen = set()
    for cam in first:  # one view inside each room first
        room = cam.name.rsplit("_corner_", 1)[0]
        assert point_in_polygon(cam.eye[:2], every[room].polygon), cam.name
        seen.add(room)
    assert seen == set(every)
    looks = [c for c in pool if c.name.startswith("look_")]
    objs = {o.name: o for o in list_objects(stage)}
    shown = [objs[c.name[len("look_"):]].room for c in looks]
    turn = len(set(shown))
    assert turn == len(FURNISHED) and len(set(shown[:turn])) == turn  # the rooms take turns
    for c in looks:  # each object is seen from inside its own room
        assert _room_of_point(stage, c.eye[:2]) == objs[c.name[len("look_"):]].room, c.name
    out = tmp_path / "ds"
    write_dataset(home, out, frames=len(every), config=RenderConfig(width=48, height=32))
    import json

    floors = []
    for f in range(len(every)):
        mapping = json.loads((out / f"instance_segmentation_mapping_{f:04d}.json").read_text())
        floors.append({v.split("/")[3] for v in mapping.values() if v.endswith("/Floor")})
    for f, cam in enumerate(first):  # frame f looks into the room of the f-th view
        assert cam.name.rsplit("_corner_", 1)[0] in floors[f]


def test_render_views_every_room_and_the_whole_plan(home, tmp_path):
    res = render_world(home, tmp_path / "r", RenderConfig(width=48, height=32), views=1)
    names = set(res.images)
    assert "plan" in names and {n.rsplit("_corner_", 1)[0] for n in names - {"plan"}} == ROOMS
    assert all(p.is_file() for p in res.images.values())


def test_randomized_cameras_lights_and_distractors_stay_in_rooms(home):
    stage = open_stage(home)
    every = {r.name: r for r in rooms(stage)}
    cams = randomize_cameras(stage, RandomizationConfig(cameras=len(every)), random.Random(4))
    assert {c["room"] for c in cams} == set(every)
    for c in cams:
        assert point_in_polygon(tuple(c["position"][:2]), every[c["room"]].polygon)
    graph = spec_to_graph(RandomizationConfig(cameras=len(every) + 1), stage)  # Kit's Replicator graph
    check_graph(graph)
    cams = [op for r in graph["randomizers"] for op in r["ops"] if op["op"] == "create.camera"]
    assert {op["name"] for op in cams} == {f"og_camera_{r}" for r in every}
    assert sum(op["count"] for op in cams) == len(every) + 1
    added = add_distractors(stage, 3, random.Random(5))
    assert added
    api = ActionAPI(stage)
    for name in added:
        d = api.get_object(name)
        assert d.room in every and _room_of_point(stage, d.position[:2]) == d.room
        assert api.get_object(d.support.rsplit("/", 1)[-1]).room == d.room


def test_isaac_lab_spawns_the_robot_in_the_entrance_room(home):
    stage = open_stage(home)
    desc = describe_worlds(home)
    entrance = next(r for r in rooms(stage) for d in r.doors if get_info(stage.GetPrimAtPath(d.path)).get("entrance"))
    assert _room_of_point(stage, desc.robot_spawn[:2]) == entrance.name
    assert desc.rigid and {a.prim.split("/")[1] for a in desc.rigid} <= ROOMS  # Objects/<room>/<name> below /World


@pytest.mark.xfail(strict=False, reason="known bug: an interior door's open leaf beside an armchair can close a "
                   "living room's way to the kitchen (2b1b seed 0): the furnishing step's way check ignores leaves")
def test_every_room_of_a_home_is_reachable_from_the_entrance(home):
    stage = open_stage(home)
    assert world_reachability(stage)["rooms_unreachable"] == [] and home_checks(stage)["unreachable_rooms"] == []


def test_reachability_walks_from_the_entrance_through_the_doors(home):
    stage = open_stage(home)
    assert "bedroom_2" not in world_reachability(stage)["rooms_unreachable"]
    # a wardrobe moved into the second bedroom's doorway closes the way into the room
    room = next(r for r in rooms(stage) if r.name == "bedroom_2")
    door = room.doors[0]
    x, y = room.wall(door.wall).point(door.offset, 0.35)
    bed = next(o for o in list_objects(stage) if o.room == "bedroom_2" and o.category == "bed")
    op = next(o for o in UsdGeom.Xformable(stage.GetPrimAtPath(bed.path)).GetOrderedXformOps()
              if o.GetOpType() == UsdGeom.XformOp.TypeTranslate)
    op.Set(Gf.Vec3d(x, y, 0.0))
    walk = world_reachability(stage)
    assert "bedroom_2" in walk["rooms_unreachable"] and "bedroom_2" in home_checks(stage)["unreachable_rooms"]
    assert "bedroom_1" not in walk["rooms_unreachable"]


def test_language_edits_name_rooms(home, tmp_path):
    world = tmp_path / "w"
    shutil.copytree(home, world)
    before = {o.name: o for o in list_objects(open_stage(world))}
    res = edit_world(world, ProceduralPolicy(), "in the kitchen, add a toaster on the counter", settings=_settings())
    assert res.report["edit"]["plan"]["edit"][0]["room"] == "kitchen"
    after = {o.name: o for o in list_objects(open_stage(world))}
    (toaster,) = [o for n, o in after.items() if n not in before]
    assert toaster.category == "toaster" and toaster.room == "kitchen"
    assert after[toaster.support.rsplit("/", 1)[-1]].room == "kitchen"
    edit_world(world, ProceduralPolicy(), "remove the bed in the second bedroom and paint the walls of the "
               "bathroom pale blue", settings=_settings())
    stage = open_stage(world)
    beds = {o.room for o in list_objects(stage) if o.category == "bed"}
    assert beds == {"bedroom_1"}
    walls = {r.name: r.wall_material for r in rooms(stage)}
    assert walls["bathroom"] == "pale blue paint" and walls["kitchen"] != "pale blue paint"
