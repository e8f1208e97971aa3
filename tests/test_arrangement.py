"""Arrangement rules and layout measures (metrics/arrangement.py, metrics/layout_measures.py) on
small worlds built through the action API: each rule holds on a positive world and fails on a
negative one; groups the prompt asks for fail when members are missing."""

from __future__ import annotations

import random

import pytest

from omni_generalist.actions import ActionAPI
from omni_generalist.metrics.arrangement import RULES, WorldView, check_rules, rule
from omni_generalist.metrics.layout_measures import (
    cuboid_kind,
    floor_coverage,
    is_concrete_noun_phrase,
    measure_world,
    non_noun_objects,
    requested_counts,
)
from omni_generalist.world import new_stage
from omni_generalist.world.metadata import set_info


def _api(room_type: str = "living room") -> ActionAPI:
    a = ActionAPI(new_stage(), random.Random(3))
    a.create_room(6.0, 5.0, room_type=room_type)  # x in [-3, 3], y in [-2.5, 2.5]; south wall at y = -2.5
    return a


def _results(api: ActionAPI, name: str, require=None):
    return [r for r in check_rules(api.stage, require, rules=[name])]


def _verdicts(api, name, require=None):
    return [r.satisfied for r in _results(api, name, require)]


def test_registry_refuses_duplicates():
    with pytest.raises(ValueError, match="registered twice"):
        rule("curtain_at_window")(lambda w: [])
    assert len(RULES) == 10
    with pytest.raises(KeyError, match="no arrangement rule"):
        check_rules(_api().stage, rules=["no such rule"])


@pytest.mark.parametrize("offset,ok", [(3.0, True), (1.0, False)])
def test_curtain_at_window(offset, ok):
    api = _api()
    api.add_window("north", offset=3.0, width=1.2)
    api.add_object("curtain", on_wall="north", offset=offset, height=1.4, size=(1.4, 0.06, 1.8))
    assert _verdicts(api, "curtain_at_window") == [ok]


@pytest.mark.parametrize("y,ok", [(-0.45, True), (1.2, False)])
def test_coffee_table_by_sofa(y, ok):
    api = _api()
    api.add_object("sofa", position=(0.0, -1.5), rotation=0.0, size=(2.0, 0.9, 0.8))
    api.add_object("coffee table", position=(0.0, y), rotation=0.0, size=(1.2, 0.6, 0.4))
    assert _verdicts(api, "coffee_table_by_sofa") == [ok]


@pytest.mark.parametrize("yaw,ok", [(180.0, True), (0.0, False)])
def test_tv_faces_sofa(yaw, ok):
    api = _api()
    api.add_object("sofa", position=(0.0, -1.5), rotation=0.0, size=(2.0, 0.9, 0.8))
    api.add_object("tv", position=(0.0, 1.5), rotation=yaw, size=(1.2, 0.1, 0.7))
    assert _verdicts(api, "tv_faces_sofa") == [ok]


@pytest.mark.parametrize("yaw,ok", [(0.0, True), (180.0, False)])
def test_chair_at_table(yaw, ok):
    api = _api("dining room")
    api.add_object("dining table", position=(0.0, 0.0), rotation=0.0, size=(1.6, 0.9, 0.75))
    api.add_object("dining chair", position=(0.0, -0.8), rotation=yaw, size=(0.45, 0.5, 0.9))
    assert _verdicts(api, "chair_at_table") == [ok]


@pytest.mark.parametrize("pos,ok", [((1.1, -2.2), True), ((2.5, 1.5), False)])
def test_nightstand_by_bed(pos, ok):
    api = _api("bedroom")
    api.add_object("bed", position=(0.0, -1.45), rotation=0.0, size=(1.6, 2.0, 0.5))
    api.add_object("nightstand", position=pos, rotation=0.0, size=(0.45, 0.4, 0.55))
    assert _verdicts(api, "nightstand_by_bed") == [ok]


@pytest.mark.parametrize("y,ok", [(-1.45, True), (0.0, False)])
def test_bed_head_to_wall(y, ok):
    api = _api("bedroom")
    api.add_object("bed", position=(0.0, y), rotation=0.0, size=(1.6, 2.0, 0.5))
    assert _verdicts(api, "bed_head_to_wall") == [ok]


@pytest.mark.parametrize("offset,ok", [(3.0, True), (1.0, False)])
def test_mirror_over_sink(offset, ok):
    api = _api("bathroom")
    api.add_object("bathroom sink", against_wall="south", offset=3.0, size=(0.6, 0.45, 0.85))
    api.add_object("mirror", on_wall="south", offset=offset, height=1.55, size=(0.6, 0.03, 0.7))
    assert _verdicts(api, "mirror_over_sink") == [ok]


def test_special_seats_are_not_table_chairs():
    api = _api("barber shop")
    api.add_object("counter", against_wall="south", offset=3.0, size=(1.6, 0.6, 0.9))
    api.add_object("barber chair", position=(0.0, -0.9), rotation=90.0)
    assert _results(api, "chair_at_table") == []


def test_small_things_off_floor():
    api = _api("kitchen")
    api.add_object("dining table", position=(0.0, 0.0), rotation=0.0, size=(1.6, 0.9, 0.75))
    up = api.add_object("mug", on="dining_table_0")
    down = api.add_object("plate", position=(2.0, 1.5))
    res = {r.objects[0]: r.satisfied for r in _results(api, "small_things_off_floor")}
    assert res == {up: True, down: False}


@pytest.mark.parametrize("bottom,ok", [(1.4, True), (1.2, False)])
def test_upper_cabinet_height(bottom, ok):
    api = _api("kitchen")
    api.add_object("kitchen cabinet", against_wall="south", offset=3.0, size=(0.8, 0.6, 0.9))
    api.add_object("wall cabinet", on_wall="south", offset=3.0, height=bottom + 0.35, size=(0.8, 0.35, 0.7))
    assert _verdicts(api, "upper_cabinet_height") == [ok]


@pytest.mark.parametrize("yaw,ok", [(180.0, True), (0.0, False)])
def test_desk_chair_at_desk(yaw, ok):
    api = _api("office")
    api.add_object("desk", position=(0.0, -2.15), rotation=0.0, size=(1.2, 0.6, 0.75))
    api.add_object("office chair", position=(0.0, -1.5), rotation=yaw, size=(0.6, 0.6, 1.0))
    assert _verdicts(api, "desk_chair_at_desk") == [ok]


def test_missing_group_counts_as_failed():
    api = _api()
    api.add_object("sofa", position=(0.0, -1.5), rotation=0.0, size=(2.0, 0.9, 0.8))
    require = [{"any": ["sofa"], "min": 1}, {"any": ["coffee table"], "min": 1}]
    assert _results(api, "coffee_table_by_sofa") == []  # nothing asked: nothing applies
    res = _results(api, "coffee_table_by_sofa", require)
    assert len(res) == 1 and not res[0].satisfied and "coffee_table" in res[0].detail
    # curtains asked for in a room without windows fail too
    api.add_object("curtain", on_wall="north", height=1.4, size=(1.4, 0.06, 1.8))
    res = _results(api, "curtain_at_window", [{"any": ["curtain"], "min": 1}])
    assert [r.satisfied for r in res] == [False, False]


def test_floor_coverage_skips_rugs_and_small_things():
    api = _api()
    api.add_object("rug", position=(1.0, -1.2), rotation=0.0, size=(3.0, 2.0, 0.01))
    view = WorldView.open(api.stage)
    assert floor_coverage(view) == pytest.approx(0.0)
    api.add_object("bed", position=(-1.4, 1.2), rotation=0.0, size=(3.0, 2.0, 0.5))  # 6 m² of 30 m²
    api.add_object("wall cabinet", on_wall="south", height=1.8, size=(0.8, 0.35, 0.7))
    view = WorldView.open(api.stage)
    assert floor_coverage(view) == pytest.approx(0.2, abs=0.01)
    m = measure_world(view)
    assert m.area_m2 == pytest.approx(30.0) and m.objects == 3 and m.small_objects == 0


def test_cuboid_measure():
    api = _api()
    blob = api.add_object("zorblax", position=(-2.0, -1.5))  # an unknown noun: a labelled generic box
    chair = api.add_object("dining chair", position=(1.0, 1.0))
    view = WorldView.open(api.stage)
    by = {o.name: o for o in view.objects}
    assert cuboid_kind(view.stage, by[blob]) in ("box", "hull")
    assert cuboid_kind(view.stage, by[chair]) == ""
    crate = api.add_object("cardboard box", position=(2.0, -1.5))  # genuinely a box: not a placeholder
    view = WorldView.open(api.stage)
    m = measure_world(view)
    assert blob in m.cuboid_box + m.cuboid_hull and chair not in m.cuboid_box + m.cuboid_hull
    assert crate not in m.cuboid_box + m.cuboid_hull


def test_non_noun_objects():
    for word in ("far", "valuable", "visibility", "adorned", "total", "research", "needs", "groups"):
        assert not is_concrete_noun_phrase(word), word
    for phrase in ("filter coffee stand", "pet food bags", "a cat", "animal head trophy", "two shelf units",
                   "a mirror in front of each", "cacti"):
        assert is_concrete_noun_phrase(phrase), phrase
    api = _api()
    good = api.add_object("chair", position=(1.0, 1.0))
    bad = api.add_object("box", position=(-1.0, -1.0))
    rows = api.add_object("bookcase", position=(2.0, -1.0))
    set_info(api.stage.GetPrimAtPath(api.get_object(good).path), source_text="a wooden chair")
    set_info(api.stage.GetPrimAtPath(api.get_object(bad).path), source_text="visibility")
    set_info(api.stage.GetPrimAtPath(api.get_object(rows).path), source_text="rows of tall bookcases filled with")
    walk = api.add_object("walk", position=(-2.0, 1.5))  # a generic object made from a verb
    api.add_object("zorblax", position=(0.0, 1.5))  # an unknown noun: allowed
    assert non_noun_objects(WorldView.open(api.stage)) == [bad, walk]


def test_requested_counts():
    api = _api()
    api.add_object("chair", position=(1.0, 1.0))
    api.add_object("chair", position=(-1.0, 1.0))
    view = WorldView.open(api.stage, [{"any": ["chair"], "min": 2, "exact": True},
                                      {"any": ["chair"], "min": 1, "exact": True},
                                      {"any": ["chair"], "min": 1}, {"any": ["sofa"], "min": 1}])
    assert [c["ok"] for c in requested_counts(view)] == [True, False, True, False]
