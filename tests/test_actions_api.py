"""The action API on a stage, without the sandbox: rooms, openings, placements, edits, materials, lights."""

from __future__ import annotations

import math
import random

import pytest
from pxr import UsdGeom, UsdLux, UsdShade

from omni_generalist.actions import ActionAPI, api_reference
from omni_generalist.errors import PlacementError
from omni_generalist.world import new_stage
from omni_generalist.world.geometry import footprint_inside, footprints_overlap
from omni_generalist.world.metadata import REQUIRED_KEYS, get_info, semantic_classes


@pytest.fixture
def api():
    a = ActionAPI(new_stage(), random.Random(1))
    a.create_room(6.0, 5.0, room_type="living room")
    return a


def _no_overlaps(api):
    objs = api.list_objects()
    room = api.room_info()
    for i, a in enumerate(objs):
        assert footprint_inside(a.footprint, room.polygon), a.name
        for b in objs[i + 1:]:
            if a.top <= b.bottom + 1e-4 or b.top <= a.bottom + 1e-4:
                continue
            assert not footprints_overlap(a.footprint, b.footprint), (a.name, b.name)


def test_room_shell(api):
    room = api.room_info()
    assert room.room_type == "living room" and len(room.walls) == 4
    assert [w.name for w in room.walls] == ["south", "east", "north", "west"]
    assert room.wall("north").inward == pytest.approx((0.0, -1.0))
    stage = api.stage
    assert room.path == "/World/Rooms/living_room" and room.name == "living_room"
    for path in ("/World/Rooms/living_room/Floor", "/World/Rooms/living_room/Ceiling", "/World/Rooms/living_room/Walls/wall_0/segment_0"):
        assert stage.GetPrimAtPath(path), path
    floor = stage.GetPrimAtPath("/World/Rooms/living_room/Floor")
    assert semantic_classes(floor) == ["floor"] and get_info(floor)["material"] == "oak wood"
    for wall in stage.GetPrimAtPath("/World/Rooms/living_room/Walls").GetChildren():
        assert semantic_classes(wall) == ["wall"]
        assert set(REQUIRED_KEYS) <= set(get_info(wall))
    # the inner face of each wall lies on the floor polygon's edge: walls are outside the floor
    cache = UsdGeom.BBoxCache(0, ["default"])
    box = cache.ComputeWorldBound(stage.GetPrimAtPath("/World/Rooms/living_room/Walls/wall_2")).ComputeAlignedRange()
    assert box.GetMin()[1] == pytest.approx(2.5) and box.GetMax()[1] == pytest.approx(2.62)
    with pytest.raises(ValueError, match="already has a room"):
        api.create_room()


def test_l_shaped_room_and_openings():
    api = ActionAPI(new_stage(), random.Random(2))
    api.create_room(polygon=[(0, 0), (6, 0), (6, 3), (3, 3), (3, 6), (0, 6)], room_type="office")
    room = api.room_info()
    assert len(room.walls) == 6 and room.walls[0].name == "wall_0"
    door = api.add_door("wall_0", offset=1.0)
    win = api.add_window("wall_5", width=1.0)
    room = api.room_info()
    assert room.doors[0].path == door and room.windows[0].path == win
    assert room.doors[0].offset == pytest.approx(1.0)
    # the wall now has an opening: its segments leave the door's span free below the lintel
    wall = api.stage.GetPrimAtPath("/World/Rooms/office/Walls/wall_0")
    assert len(wall.GetChildren()) == 3
    for _ in range(6):
        api.add_object("chair")
    _no_overlaps(api)
    with pytest.raises(ValueError, match="does not fit"):
        api.add_door("wall_1", width=5.0)


def test_placements_follow_the_relations(api):
    bed = api.get_object(api.add_object("bed", against_wall="north", offset="center"))
    assert bed.yaw == pytest.approx(180.0)  # front faces south, into the room
    assert bed.position[1] + bed.size[1] / 2 == pytest.approx(2.5 - 0.02, abs=1e-3)
    stand = api.get_object(api.add_object("nightstand", next_to=bed.name, side="left"))
    assert stand.yaw == bed.yaw
    assert not footprints_overlap(stand.footprint, bed.footprint)
    assert footprints_overlap(stand.footprint.inflated(0.06), bed.footprint)  # right beside it
    table = api.get_object(api.add_object("coffee table", center=True))
    mug = api.get_object(api.add_object("mug", on=table.name))
    assert mug.bottom == pytest.approx(table.top) and mug.support == table.path
    (lo, hi), (tlo, thi) = mug.bounds, table.bounds
    assert tlo[0] <= lo[0] and hi[0] <= thi[0] and lo[2] == pytest.approx(thi[2])
    chairs = [api.get_object(api.add_object("chair", around=table.name)) for _ in range(3)]
    for c in chairs:  # each chair faces the table
        fx, fy = -math.sin(math.radians(c.yaw)), math.cos(math.radians(c.yaw))
        tx, ty = table.position[0] - c.position[0], table.position[1] - c.position[1]
        assert fx * tx + fy * ty > 0
    corner = api.get_object(api.add_object("floor lamp", corner="south-west"))
    assert corner.position[0] < -2 and corner.position[1] < -1.5
    tv = api.get_object(api.add_object("painting", on_wall="east", height=1.6))
    assert tv.support.endswith("wall_1") and tv.bottom + tv.size[2] / 2 == pytest.approx(1.6)
    lamp = api.get_object(api.add_object("pendant light", on_ceiling=True))
    assert lamp.top == pytest.approx(api.room_info().height)
    sofa = api.get_object(api.add_object("sofa", against_wall="south", facing=bed.name))
    fx, fy = -math.sin(math.radians(sofa.yaw)), math.cos(math.radians(sofa.yaw))
    assert fy > 0.9  # against the south wall it faces north, towards the bed
    pouf = api.get_object(api.add_object("ottoman", position=(-1.5, -1.0), facing=bed.name))
    fx, fy = -math.sin(math.radians(pouf.yaw)), math.cos(math.radians(pouf.yaw))
    tx, ty = bed.position[0] - pouf.position[0], bed.position[1] - pouf.position[1]
    assert (fx * tx + fy * ty) / math.hypot(tx, ty) > 0.99
    _no_overlaps(api)


def test_objects_carry_labels_and_metadata(api):
    name = api.add_object("armchair", material="red leather")
    prim = api.stage.GetPrimAtPath(f"/World/Objects/living_room/{name}")
    assert semantic_classes(prim) == ["armchair"]
    info = get_info(prim)
    assert set(REQUIRED_KEYS) <= set(info)
    assert info["material"] == "red leather" and info["support"] == "/World/Rooms/living_room/Floor" and info["room"] == "living_room"
    assert UsdGeom.Xformable(prim).GetXformOpOrderAttr().Get()[:2] == ["xformOp:translate", "xformOp:orient"]
    mat, _ = UsdShade.MaterialBindingAPI(prim).ComputeBoundMaterial()
    assert mat.GetPath().name == "red_leather"
    assert prim.GetMetadata("kind") == "component"


def test_unknown_nouns_become_labelled_generic_objects(api):
    name = api.add_object("flux capacitor")
    info = api.get_object(name)
    assert info.category == "flux capacitor" and info.extra.get("generic") is True
    assert semantic_classes(api.stage.GetPrimAtPath(info.path)) == ["flux capacitor"]


def test_move_rotate_remove_replace(api):
    t = api.add_object("dining table", center=True)
    m = api.add_object("mug", on=t)
    before = api.get_object(m).position
    api.move_object(t, by=(0.5, 0.0))
    assert api.get_object(m).position[0] == pytest.approx(before[0] + 0.5)  # carried along
    api.rotate_object(t, 90)
    assert api.get_object(t).yaw == pytest.approx(90.0)
    with pytest.raises(PlacementError, match="outside the room"):
        api.move_object(t, position=(10.0, 0.0))
    with pytest.raises(PlacementError, match="carries"):
        api.replace_object(t, "desk")
    api.remove_object(t)
    assert api.removed == [f"/World/Objects/living_room/{m}", f"/World/Objects/living_room/{t}"]
    c = api.add_object("chair", against_wall="west")
    new = api.replace_object(c, "armchair")
    assert new == "armchair_0" and api.get_object(new).yaw == pytest.approx(api.get_object(new).yaw)


def test_materials_for_surfaces(api):
    assert api.set_material("walls", "pale blue paint") == "pale blue paint"
    assert api.set_material("floor", "marble") == "marble"
    assert api.set_material("ceiling", "white") == "white paint"
    room = api.stage.GetPrimAtPath("/World/Rooms/living_room")
    assert get_info(room)["material"] == "pale blue paint" and get_info(room)["floor_material"] == "marble"
    with pytest.raises(ValueError, match="unknown material"):
        api.set_material("floor", "unobtainium")
    with pytest.raises(KeyError):
        api.set_material("sofa_9", "oak")


def test_lights_and_moods(api):
    path = api.add_light("sphere", intensity=1000, temperature=3000)
    api.add_light("rect", position=(1, 1, 2.6))
    light = UsdLux.SphereLight(api.stage.GetPrimAtPath(path))
    assert light.GetColorTemperatureAttr().Get() == 3000
    api.set_lighting("dim")
    assert light.GetIntensityAttr().Get() == pytest.approx(300.0)
    api.set_lighting("cool")
    assert light.GetColorTemperatureAttr().Get() == 6500
    assert list(get_info(api.stage.GetPrimAtPath("/World"))["lighting"]) == ["dim", "cool"]
    with pytest.raises(ValueError, match="unknown light kind"):
        api.add_light("laser")


def test_bad_arguments_raise_clear_errors(api):
    with pytest.raises(ValueError, match="one placement"):
        api.add_object("chair", on="x", against_wall="north")
    with pytest.raises(ValueError, match="three lengths"):
        api.add_object("chair", size=(0.5, -1, 1))
    with pytest.raises(KeyError, match="no wall 'up'"):
        api.add_object("bed", against_wall="up")
    with pytest.raises(PlacementError):
        api.add_object("bed", size=(8, 2, 0.5), against_wall="north")


def test_dense_room_keeps_guarantees():
    api = ActionAPI(new_stage(), random.Random(5))
    api.create_room(10, 8, room_type="storage room")
    api.add_door("south")
    placed = 0
    for _ in range(80):
        try:
            api.add_object("cardboard box")
            placed += 1
        except PlacementError:
            pass
    assert placed >= 60
    _no_overlaps(api)


def test_api_reference_documents_every_function():
    ref = api_reference()
    for name in ("create_room", "add_door", "add_window", "add_object", "move_object", "rotate_object",
                 "remove_object", "replace_object", "set_material", "add_light", "set_lighting", "list_objects"):
        assert f"\n{name}(" in ref, name
    assert "front faces +Y" in ref
