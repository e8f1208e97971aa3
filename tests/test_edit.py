"""Language edits of existing worlds by the procedural policy (``edit WORLD "INSTRUCTION"``, Refine)."""

from __future__ import annotations

import math
import shutil

import pytest
from pxr import Usd, UsdGeom, UsdLux

from omni_generalist import Settings
from omni_generalist.actions.api import ActionAPI
from omni_generalist.actions.log import ActionLog
from omni_generalist.errors import InputError
from omni_generalist.generate import edit_world, generate_world
from omni_generalist.policy import ScriptPolicy
from omni_generalist.policy.base import Observation
from omni_generalist.policy.procedural import ProceduralPolicy
from omni_generalist.policy.procedural.edit import EditPlanner, read_scene, split_instruction
from omni_generalist.world.stage import open_stage

from .conftest import run_cli

# a living room with known names: what each edit refers to is certain
ROOM = """
create_room(width=5.0, depth=6.0, height=2.7, room_type='living room')
add_door(wall='south', offset=1.0)
add_window(wall='north', width=1.2)
add_object('sofa', name='sofa_0', against_wall='north', size=(2.0, 0.9, 0.8))
add_object('coffee table', name='coffee_table_0', position=(0.0, 0.3), size=(1.0, 0.6, 0.42))
add_object('vase', name='vase_0', on='coffee_table_0')
add_object('tv stand', name='tv_stand_0', against_wall='south', offset=3.5, size=(1.4, 0.45, 0.55))
add_object('armchair', name='armchair_0', position=(-1.6, -0.8))
add_object('bookcase', name='bookcase_0', against_wall='west', size=(0.9, 0.35, 1.8))
add_object('book', name='book_0', on='bookcase_0')
add_object('book', name='book_1', on='bookcase_0')
add_object('clock', name='clock_0', on_wall='east', height=1.8)
add_object('chair', name='chair_0', position=(1.8, -1.5))
add_object('chair', name='chair_1', position=(1.8, -0.6))
add_object('nightstand', name='nightstand_0', position=(-2.0, 2.5), rotation=180)
add_light('sphere', intensity=30000.0)
"""


def _settings(validate: bool = False) -> Settings:
    s = Settings()
    s.generator.preview = False
    s.generator.validate = validate
    s.generator.format = "usda"
    return s


@pytest.fixture(scope="module")
def base_world(tmp_path_factory):
    out = tmp_path_factory.mktemp("edit") / "base"
    policy = ScriptPolicy(ActionLog.from_text(ROOM), "actions:room")
    generate_world("a living room", out, policy, seed=4, settings=_settings())
    return out


@pytest.fixture
def world(base_world, tmp_path):
    dest = tmp_path / "world"
    shutil.copytree(base_world, dest)
    return dest


def _api(folder) -> ActionAPI:
    return ActionAPI(open_stage(folder / "world.usda"))


def _names(folder) -> set[str]:
    return {o.name for o in _api(folder).list_objects()}


def _gap(a, b) -> float:
    """Horizontal gap between two objects' world boxes (0 when they touch or overlap)."""
    (ax0, ay0, _), (ax1, ay1, _) = a.bounds
    (bx0, by0, _), (bx1, by1, _) = b.bounds
    dx = max(bx0 - ax1, ax0 - bx1, 0.0)
    dy = max(by0 - ay1, ay0 - by1, 0.0)
    return math.hypot(dx, dy)


# ------------------------------------------------------------------ reading instructions
def test_instructions_split_into_clauses_at_verbs():
    clauses = split_instruction("Please add a floor lamp next to the sofa, remove the clock and paint the walls blue. "
                                "Then make it brighter")
    assert [(c.verb, c.text) for c in clauses] == [
        ("add", "a floor lamp next to the sofa"), ("remove", "the clock"), ("material", "the walls blue"),
        ("material", "it brighter")]
    # a list of things to add stays one clause; a second verb after "and" starts a new one
    assert [(c.verb, c.text) for c in split_instruction("add a desk and two chairs and get rid of the rug")] == [
        ("add", "a desk and two chairs"), ("remove", "the rug")]
    assert [c.verb for c in split_instruction("a rug under the table")] == [""]


def test_the_scene_summary_is_read_back(base_world):
    scene = read_scene(_api(base_world).scene_summary())
    assert scene.room_type == "living room" and scene.walls == ["south", "east", "north", "west"]
    by_name = {o.name: o for o in scene.objects}
    assert by_name["vase_0"].category == "vase" and by_name["vase_0"].support == "coffee_table_0"
    assert by_name["coffee_table_0"].category == "coffee table" and by_name["coffee_table_0"].support == "Floor"
    assert by_name["clock_0"].support.startswith("wall")
    assert not read_scene("no room yet").has_room


@pytest.mark.parametrize(("instruction", "code"), [
    ("remove the clock", ["remove_object('clock_0')"]),
    ("remove the books", ["remove_object('book_0')", "remove_object('book_1')"]),
    ("remove one book", ["remove_object('book_1')"]),
    ("take the vase off the coffee table", ["remove_object('vase_0')"]),
    ("clear the bookcase", ["remove_object('book_0')", "remove_object('book_1')"]),
    ("remove chair_1", ["remove_object('chair_1')"]),
    ("replace the armchair with a blue recliner", ["replace_object('armchair_0', 'recliner', color='blue')"]),
    ("move the armchair next to the sofa", ["move_object('armchair_0', next_to='sofa_0')"]),
    ("push the coffee table into the corner", ["move_object('coffee_table_0', corner=True)"]),
    ("turn the armchair to face the tv stand", ["move_object('armchair_0', facing='tv_stand_0')"]),
    ("rotate the armchair 45 degrees clockwise", ["rotate_object('armchair_0', -45.0)"]),
    ("make the sofa red", ["set_material('sofa_0', 'red')"]),
    ("a marble floor", ["set_material('floor', 'marble')"]),
    ("make it brighter", ["set_lighting('bright')"]),
    ("turn the lights down", ["set_lighting('dim')"]),
    ("add more light", ["add_light('sphere')"]),
    ("the room needs more light", ["add_light('sphere')"]),
    ("turn off the ceiling lamp", ["set_lighting('dim')"]),
    ("change the floor to dark walnut", ["set_material('floor', 'walnut wood')"]),
    ("add a window on the east wall", ["add_window(wall='east')"]),
    ("the door should be oak", ["set_material('doors', 'oak')"]),
    ("move the vase to the bookcase", ["move_object('vase_0', on='bookcase_0')"]),
    ("remove all the chairs except one", ["remove_object('chair_1')"]),
    ("add a rug in front of the sofa", ["add_object('rug', name='rug_0', next_to='sofa_0', side='front')"]),
    ("make the floor white tiles", ["set_material('floor', 'ceramic tile', color='white')"]),
    ("open the nightstand halfway", ["open_object('nightstand_0', 0.5)"]),
    ("close the nightstand drawer", ["open_object('nightstand_0', 0.0)"]),
])
def test_instructions_become_actions_on_the_named_objects(base_world, instruction, code):
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    assert [s.code for s in planner.plan(instruction)] == code, planner.notes
    assert planner.notes == []


def test_what_is_not_in_the_world_is_noted_not_guessed(base_world):
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    assert planner.plan("remove the piano and move the fridge next to the sofa") == []
    assert planner.notes == ["no piano to remove", "nothing to move in 'the fridge next to the sofa'"]
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    assert planner.plan("fly me to the moon") == []  # no verb, no known object: nothing is added
    assert planner.plan("less clutter please") == []  # "clutter" is only near some category: not added
    assert planner.notes == ["not understood: 'fly me to the moon'", "not understood: 'less clutter'"]
    assert [s.code for s in planner.plan("add a moon")] == ["add_object('moon', name='moon_0')"]  # asked for
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    assert planner.plan("make the sofa darker") == []  # not the lights: the sofa, but in what colour?
    assert planner.notes == ["which colour or material? 'the sofa darker'"]


def test_later_clauses_refer_to_what_earlier_ones_added(base_world):
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    codes = [s.code for s in planner.plan("add a desk, then a rug in front of it, and put a lamp on the desk")]
    assert codes == ["add_object('desk', name='desk_0')",
                     "add_object('rug', name='rug_0', next_to='desk_0', side='front')",
                     "add_object('lamp', name='lamp_0', on='desk_0')"]
    codes = [s.code for s in planner.plan("add an armchair and put a cushion on it")]
    assert codes == ["add_object('armchair', name='armchair_1')", "add_object('cushion', name='cushion_0', on='armchair_1')"]


def test_adding_relative_to_an_object_names_it_and_falls_back(base_world):
    planner = EditPlanner(read_scene(_api(base_world).scene_summary()))
    steps = planner.plan("put two plants next to the bookcase and a candle on the piano")
    codes = [s.code for s in steps]
    assert codes[:2] == ["add_object('plant', name='plant_0', next_to='bookcase_0')",
                         "add_object('plant', name='plant_1', next_to='bookcase_0')"]
    # the piano is part of the request: it is added first, and the candle goes on it
    assert codes[2] == "add_object('piano', name='piano_0')"
    assert codes[3] == "add_object('candle', name='candle_0', on='piano_0')"
    fallbacks, step = [], steps[0]
    while step.fallbacks:  # each alternative is the fallback of the one before
        assert len(step.fallbacks) == 1
        step = step.fallbacks[0]
        fallbacks.append(step.code)
    assert "add_object('plant', name='plant_0')" in fallbacks  # its usual place
    assert fallbacks[-1].startswith("add_object('plant', name='plant_0', size=(")  # then a smaller one


def test_once_an_alternative_succeeds_the_others_are_not_tried(base_world):
    policy = ProceduralPolicy()
    policy.reset("add a plant next to the bookcase", 0)
    summary = _api(base_world).scene_summary()
    first = policy.act(Observation("x", 0, summarize=lambda: summary))
    assert first == "add_object('plant', name='plant_0', next_to='bookcase_0')"
    second = policy.act(Observation("x", 1, summarize=lambda: summary, last_ok=False, last_error="no space"))
    assert second == "add_object('plant', name='plant_0')"
    assert policy.act(Observation("x", 2, summarize=lambda: summary)) is None  # it worked: done


# ------------------------------------------------------------------ edits of real worlds
def test_edit_adds_removes_and_paints(world):
    before = _names(world)
    result = edit_world(world, ProceduralPolicy(), "add a floor lamp next to the sofa, remove the clock and "
                        "paint the walls pale blue", settings=_settings())
    api = _api(world)
    names = {o.name for o in api.list_objects()}
    assert names == (before - {"clock_0"}) | {"floor_lamp_0"}
    assert _gap(api.get_object("floor_lamp_0"), api.get_object("sofa_0")) < 0.3
    assert api.room_info() is not None
    walls = [p for p in api.stage.GetPrimAtPath(api.room_info().part("Walls")).GetChildren()]
    assert walls and all(p.GetCustomDataByKey("generalist")["material"] == "pale blue paint" for p in walls)
    report = result.report
    assert report["edit"]["plan"]["dropped"] == []
    assert [e["edit"] for e in report["edit"]["plan"]["edit"]] == ["add", "remove", "material"]
    # the edit is logged: replaying actions.py rebuilds the edited world
    log = ActionLog.read(world / "actions.py")
    assert "remove_object('clock_0')" in log.to_text()
    replay = world.parent / "replay"
    generate_world(log.prompt, replay, ScriptPolicy(log, log.policy), seed=log.seed, settings=_settings())
    assert _names(replay) == names


def test_worlds_are_read_as_they_are_on_disk(world):
    held = _api(world)  # a stage this process keeps while the file is rewritten
    assert "clock_0" in {o.name for o in held.list_objects()}
    edit_world(world, ProceduralPolicy(), "remove the clock", settings=_settings())
    assert "clock_0" not in _names(world)  # opening the world again reads the rewritten file


def test_move_carries_what_rests_on_it(world):
    api = _api(world)
    table, vase = api.get_object("coffee_table_0"), api.get_object("vase_0")
    rel = (vase.position[0] - table.position[0], vase.position[1] - table.position[1])
    edit_world(world, ProceduralPolicy(), "move the coffee table against the east wall", settings=_settings())
    api = _api(world)
    table2, vase2 = api.get_object("coffee_table_0"), api.get_object("vase_0")
    room = api.room_info()
    east = max(p[0] for p in room.polygon)
    assert table2.bounds[1][0] > east - 0.25  # against the east wall
    assert vase2.support == table.path and vase2.position[2] == pytest.approx(vase.position[2], abs=1e-6)
    d_before, d_after = math.hypot(*rel), math.hypot(vase2.position[0] - table2.position[0],
                                                        vase2.position[1] - table2.position[1])
    assert d_after == pytest.approx(d_before, abs=1e-4)


def test_replace_keeps_the_place(world):
    old = _api(world).get_object("armchair_0")
    edit_world(world, ProceduralPolicy(), "replace the armchair with a floor lamp", settings=_settings())
    api = _api(world)
    assert "armchair_0" not in {o.name for o in api.list_objects()}
    lamp = api.list_objects("floor lamp")[0]
    assert math.hypot(lamp.position[0] - old.position[0], lamp.position[1] - old.position[1]) < 0.7


def test_opening_and_closing_doors_and_drawers(world):
    from omni_generalist.world.joints import articulated_joints

    def link_poses(folder):
        api = _api(folder)
        out = {}
        for joint in articulated_joints(api.stage, api.get_object("nightstand_0").path):
            link = api.stage.GetPrimAtPath(joint.GetRelationship("physics:body1").GetTargets()[0])
            m = UsdGeom.Xformable(link).GetLocalTransformation()
            out[link.GetName()] = tuple(round(m[i][j], 5) for i in range(4) for j in range(4))
        return out

    closed = link_poses(world)
    assert closed
    edit_world(world, ProceduralPolicy(), "open the nightstand", settings=_settings(validate=True))
    opened = link_poses(world)
    assert all(opened[k] != closed[k] for k in closed)  # every door swung, every drawer slid out
    edit_world(world, ProceduralPolicy(), "close the nightstand", settings=_settings())
    assert link_poses(world) == closed
    with pytest.raises(InputError, match="sofa_0 \\(sofa\\) has no doors, drawers or lids to open"):
        edit_world(world, ProceduralPolicy(), "open the sofa", settings=_settings())


def test_lighting_edits_change_the_lights(world):
    def intensity(folder):
        stage = Usd.Stage.Open(str(folder / "world.usda"))
        return sum(UsdLux.LightAPI(p).GetIntensityAttr().Get() for p in stage.Traverse() if p.HasAPI(UsdLux.LightAPI))

    before = intensity(world)
    edit_world(world, ProceduralPolicy(), "make it brighter", settings=_settings())
    assert intensity(world) == pytest.approx(2 * before)


def test_an_edit_that_changes_nothing_is_an_error_and_keeps_the_world(world):
    text = (world / "world.usda").read_text()
    with pytest.raises(InputError, match="the world was not changed: no piano to remove"):
        edit_world(world, ProceduralPolicy(), "remove the piano", settings=_settings())
    assert (world / "world.usda").read_text() == text


def test_edited_world_stays_physically_valid(world):
    result = edit_world(world, ProceduralPolicy(), "put a vase on the bookcase, add a plant in the corner and "
                        "move the armchair next to the tv stand", settings=_settings(validate=True))
    physics = result.report["physics"]
    assert physics["ok"], physics
    assert {"vase_1", "plant_0"} <= _names(world)


def test_cli_edit_with_an_instruction(world):
    proc = run_cli("edit", str(world), "remove the books and add a rug in front of the sofa", "--set",
                   "generator.validate=false", "--set", "generator.preview=false")
    assert proc.returncode == 0, proc.stderr.decode()
    names = _names(world)
    assert not {"book_0", "book_1"} & names and "rug_0" in names
    proc = run_cli("edit", str(world), "remove the piano", "--set", "generator.validate=false")
    assert proc.returncode == 2 and b"no piano to remove" in proc.stderr
