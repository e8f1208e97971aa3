"""One layout for every world (docs/world-format.md): rooms under ``/World/Rooms/<room>``, objects
under ``/World/Objects/<room>/<object>`` with a ``room`` field; worlds written in the old layout
(``/World/Room``, ``/World/Objects/<object>``) still open, validate, render and take edits."""

import random
import shutil
from pathlib import Path

from pxr import Sdf

from omni_generalist.actions.api import ActionAPI
from omni_generalist.physics import validate_world
from omni_generalist.render.scene import scene_from_stage
from omni_generalist.world import list_objects, new_stage, open_stage, room_info, rooms
from omni_generalist.world.layout import is_floor, object_prims, object_root
from omni_generalist.world.metadata import get_info

from .conftest import run_cli

OLD = Path(__file__).parent / "data" / "old_layout_world.usda"
"""A world written before rooms were nested: an office with a door, a window, a table with a mug
and a chair (tests/data; made with create_room, add_door, add_window, add_object, add_light)."""


def test_one_room_world_keeps_its_room_and_objects_under_the_room_name():
    api = ActionAPI(new_stage(), random.Random(0))
    assert api.create_room(4.0, 3.0, room_type="home office") == "/World/Rooms/home_office"
    api.add_door("south")
    stage = api.stage
    desk = api.get_object(api.add_object("desk", against_wall="north"))
    lamp = api.get_object(api.add_object("desk lamp", on=desk.name))
    assert desk.path == "/World/Objects/home_office/desk_0" and desk.room == lamp.room == "home_office"
    assert desk.support == "/World/Rooms/home_office/Floor" and is_floor(desk.support) and lamp.support == desk.path
    assert get_info(stage.GetPrimAtPath("/World/Objects/home_office"))["objects_of"] == "home_office"
    assert get_info(stage.GetPrimAtPath(desk.path))["room"] == "home_office"
    assert object_root(stage, desk.path + "/body") == Sdf.Path(desk.path)
    assert object_root(stage, "/World/Objects/home_office") is None
    assert [r.path for r in rooms(stage)] == ["/World/Rooms/home_office"]
    # a prim a policy defines directly under /World/Objects is an object too (of no room until adopted)
    stage.DefinePrim("/World/Objects/probe", "Xform")
    assert [p.GetName() for p in object_prims(stage)] == ["desk_0", "desk_lamp_0", "probe"]
    assert {o.name: o.room for o in api.list_objects()}["probe"] == ""
    # names are unique in the world: a second room's objects could not take desk_0
    api2 = ActionAPI(new_stage(), random.Random(0))
    api2.create_room(4.0, 3.0, name="study")
    assert api2.get_object(api2.add_object("desk", against_wall="north")).path == "/World/Objects/study/desk_0"


def test_a_world_of_the_old_layout_still_reads_validates_renders_and_edits(tmp_path):
    stage = open_stage(OLD)
    room = room_info(stage)
    assert (room.path, room.name, room.room_type) == ("/World/Room", "room", "office")
    assert [d.path for d in room.doors] == ["/World/Room/Doors/door_0"] and len(room.windows) == 1
    assert room.floor == "/World/Room/Floor" and rooms(stage) == [room]
    objs = {o.name: o for o in list_objects(stage)}
    assert set(objs) == {"table_0", "mug_0", "chair_0"}
    assert objs["table_0"].path == "/World/Objects/table_0" and objs["table_0"].room == ""
    assert is_floor(objs["table_0"].support) and objs["mug_0"].support == objs["table_0"].path
    report = validate_world(stage, "physx", joints=False)
    assert report.ok and report.reachability == 1.0, report.summary()
    scene = scene_from_stage(stage)
    assert scene.by_path("/World/Room/Floor").label == "floor"
    assert scene.by_path("/World/Objects/table_0").label.split(",")[0] == "table"
    # an edit keeps the world's layout: new objects stay flat, surfaces are the old room's
    api = ActionAPI(stage, random.Random(1))
    lamp = api.get_object(api.add_object("floor lamp", corner=True))
    assert lamp.path == f"/World/Objects/{lamp.name}" and lamp.support == "/World/Room/Floor" and lamp.room == ""
    assert api.set_material("walls", "pale blue paint") == "pale blue paint"
    assert get_info(stage.GetPrimAtPath("/World/Room"))["material"] == "pale blue paint"
    assert "room office" in api.scene_summary()
    # and the command line opens it as any world
    world = tmp_path / "old"
    world.mkdir()
    shutil.copy(OLD, world / "world.usda")
    proc = run_cli("info", str(world))
    assert proc.returncode == 0 and "table_0" in proc.stdout.decode(), proc.stderr.decode()
    proc = run_cli("edit", str(world), "--actions", str(_script(tmp_path, "add_object('chair', name='chair_1')\n")))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "/World/Objects/chair_1" in [str(p.GetPath()) for p in object_prims(open_stage(world))]


def _script(tmp_path: Path, code: str) -> Path:
    p = tmp_path / "extra.py"
    p.write_text(code)
    return p
