"""Functional groups, room sizing, dressing and the scene program (issue: rooms arranged the way
people arrange them). Layout rules are checked on the planner's poses for several seeds; the
scene program's JSON form is checked through the schema, the ``apply_plan`` action, replay and a
scripted model server."""

from __future__ import annotations

import math

import pytest

from omni_generalist.policy.procedural.groups import group_templates, load_templates
from omni_generalist.policy.procedural.parse import parse_prompt
from omni_generalist.policy.procedural.plan import Planner
from omni_generalist.policy.procedural.program import ProgramError, PromptSpec
from omni_generalist.world.geometry import Footprint, point_in_polygon
from omni_generalist.world.model import list_objects

SEEDS = (0, 1, 2)


def _plan(prompt: str, seed: int):
    return Planner().plan(parse_prompt(prompt), seed)


def _front(pose) -> tuple[float, float]:
    yaw = math.radians(pose[2])
    return -math.sin(yaw), math.cos(yaw)


def _local(of, pt) -> tuple[float, float]:
    """``pt`` in the frame of object ``of`` (x across its front, y out of its front)."""
    fx, fy = _front(of.pose)
    dx, dy = pt[0] - of.pose[0], pt[1] - of.pose[1]
    return dx * fy - dy * fx, dx * fx + dy * fy


def _by_cat(plan, category: str) -> list:
    return [o for o in plan.objects if o.category == category]


def _facing(a, b, tol: float = 30.0) -> bool:
    """Whether ``a``'s front points at ``b``'s centre within ``tol`` degrees."""
    fx, fy = _front(a.pose)
    dx, dy = b.pose[0] - a.pose[0], b.pose[1] - a.pose[1]
    cos = (fx * dx + fy * dy) / max(math.hypot(dx, dy), 1e-9)
    return cos >= math.cos(math.radians(tol))


def test_templates_load_and_refuse_duplicates():
    names = [t.name for t in group_templates()]
    assert {"seating_focal", "seating", "bed", "dining", "desk", "vanity", "stove"} <= set(names)
    raw = {"group": [{"name": "a", "root": {"kinds": ["sofa"]}, "slots": []},
                     {"name": "a", "root": {"kinds": ["bed"]}, "slots": []}]}
    with pytest.raises(ValueError, match="defined twice"):
        load_templates(raw)
    bad = {"group": [{"name": "b", "root": {"kinds": ["sofa"]},
                      "slots": [{"id": "x", "kinds": ["rug"], "of": "y", "rel": "under"}]}]}
    with pytest.raises(ValueError, match="refers to"):
        load_templates(bad)
    with pytest.raises(ValueError, match="unknown rel"):
        load_templates({"group": [{"name": "c", "root": {"kinds": ["sofa"]},
                                   "slots": [{"id": "x", "kinds": ["rug"], "rel": "sideways"}]}]})


@pytest.mark.parametrize("seed", SEEDS)
def test_seating_group(seed):
    plan = _plan("a living room with a sofa, a coffee table, a tv stand with a tv and two armchairs", seed)
    sofa, table = _by_cat(plan, "sofa")[0], _by_cat(plan, "coffee table")[0]
    stand = _by_cat(plan, "tv stand")[0]
    # the coffee table is in front of the sofa, centred, 0.35-0.5 m from its front edge
    lx, ly = _local(sofa, table.pose)
    assert abs(lx) < 0.05
    gap = ly - sofa.size[1] / 2 - table.size[1] / 2
    assert 0.35 <= gap <= 0.5, gap
    # the TV stand faces the sofa and the sofa faces it, 1.8-3.5 m apart
    dist = math.dist(stand.pose[:2], sofa.pose[:2])
    assert 1.8 <= dist - stand.size[1] / 2 - sofa.size[1] / 2 <= 3.5
    assert _facing(stand, sofa) and _facing(sofa, stand)
    tv = _by_cat(plan, "tv")[0]
    assert tv.placement == "on" and tv.target == stand.key
    # the armchairs stand at the coffee table's sides, turned towards it
    for chair in _by_cat(plan, "armchair"):
        assert _facing(chair, table, 10.0)
        assert math.dist(chair.pose[:2], table.pose[:2]) < table.size[0] / 2 + chair.size[1] + 0.8


@pytest.mark.parametrize("seed", SEEDS)
def test_bed_group(seed):
    plan = _plan("a bedroom with a double bed, two nightstands and a rug", seed)
    bed = _by_cat(plan, "bed")[0]
    assert bed.wall is not None  # head against a wall
    for ns in _by_cat(plan, "nightstand"):
        lx, ly = _local(bed, ns.pose)
        assert abs(abs(lx) - (bed.size[0] / 2 + ns.size[0] / 2)) < 0.1  # flush beside it
        assert abs((ly - ns.size[1] / 2) - (-bed.size[1] / 2)) < 0.02  # back edges aligned at the head
        assert ns.yaw_matches if hasattr(ns, "yaw_matches") else abs((ns.pose[2] - bed.pose[2]) % 360) < 1e-6
    lamps = [o for o in plan.objects if o.category == "table lamp"]
    assert {o.target for o in lamps} == {ns.key for ns in _by_cat(plan, "nightstand")}


@pytest.mark.parametrize("seed", SEEDS)
def test_dining_group_seats_everyone(seed):
    plan = _plan("a dining room with a dining table and eight dining chairs", seed)
    table = _by_cat(plan, "dining table")[0]
    chairs = _by_cat(plan, "dining chair")
    assert len(chairs) == 8
    tfp = Footprint(table.pose[0], table.pose[1], table.size[0], table.size[1], table.pose[2])
    for c in chairs:
        assert c.serves == table.key
        # turned square to the table: a point 0.45 m in front of the seat lies on the table top
        fx, fy = _front(c.pose)
        assert point_in_polygon((c.pose[0] + 0.45 * fx, c.pose[1] + 0.45 * fy), tfp.corners())
        assert round(c.pose[2] - table.pose[2]) % 90 == 0
        # and not inside it: its centre stays off the top
        assert not point_in_polygon(c.pose[:2], tfp.corners())


@pytest.mark.parametrize("seed", SEEDS)
def test_vanity_mirror_centred_over_the_sink(seed):
    plan = _plan("a bathroom with a bathroom sink, a mirror, a toilet and a towel rack", seed)
    sink, mirror = _by_cat(plan, "bathroom sink")[0], _by_cat(plan, "mirror")[0]
    assert mirror.placement == "on_wall" and mirror.wall == sink.wall
    assert abs(mirror.offset - sink.offset) < 1e-3
    assert mirror.height - mirror.size[2] / 2 >= 1.0  # above the basin


@pytest.mark.parametrize("seed", SEEDS)
def test_desk_chair_at_the_desk(seed):
    plan = _plan("a home office with a desk and an office chair", seed)
    desk, chair = _by_cat(plan, "desk")[0], _by_cat(plan, "office chair")[0]
    assert _facing(chair, desk, 1.0) and chair.serves == desk.key
    lx, ly = _local(desk, chair.pose)
    assert abs(lx) < 0.05 and ly - desk.size[1] / 2 - chair.size[1] / 2 < 0.1


@pytest.mark.parametrize("seed", SEEDS)
def test_curtains_hang_centred_on_windows(seed):
    plan = _plan("a living room with curtains", seed)
    windows = {(w[0], w[1]) for w in plan.windows}
    curtains = _by_cat(plan, "curtain")
    assert curtains and len(windows) >= len(curtains)
    for c in curtains:
        assert (c.wall, c.offset) in windows


def test_kitchen_wall_cabinets_over_base_units():
    for seed in SEEDS:
        plan = _plan("a kitchen with base cabinets and wall cabinets", seed)
        for wc in _by_cat(plan, "wall cabinet"):
            if wc.offset is not None:
                bottom = wc.height - wc.size[2] / 2
                assert 1.35 <= bottom <= 1.5


@pytest.mark.parametrize("prompt, lo, hi", [
    ("a living room", 15.0, 40.0), ("a small bedroom with a bed", 8.0, 17.0), ("a bathroom", 3.0, 14.0),
    ("an arcade with six arcade cabinets and a pinball machine", 10.0, 150.0),
    ("a spacious home gym with a treadmill and a weight rack", 10.0, 150.0),
])
def test_room_size_follows_contents(prompt, lo, hi):
    for seed in SEEDS:
        plan = _plan(prompt, seed)
        xs, ys = [p[0] for p in plan.polygon], [p[1] for p in plan.polygon]
        w, d = max(xs) - min(xs), max(ys) - min(ys)
        assert lo <= w * d <= hi, (prompt, seed, w * d)
        assert max(w, d) / min(w, d) <= 1.8 + 1e-6


def test_dressing_fills_supports_but_keeps_exact_counts():
    plan = _plan("a living room with a bookcase", 0)
    case = _by_cat(plan, "bookcase")[0]
    assert sum(1 for o in plan.objects if o.target == case.key and o.category == "book") >= 8
    plan = _plan("a living room with a bookcase holding exactly 3 books", 0)
    assert len(_by_cat(plan, "book")) == 3
    sparse = _plan("a sparse living room with a bookcase", 0)
    assert len(_by_cat(sparse, "book")) == 0


def test_program_json_round_trip_and_schema_errors():
    spec = parse_prompt("a kitchen with two bar stools at the island and a kettle on the counter")
    data = spec.to_dict()
    again = PromptSpec.from_dict(data)
    assert again.to_dict() == data
    assert any(o["quantity"] == "exact" and o["count"] == 2 for o in data["objects"])
    for bad, words in [({"objects": [{"category": "sofa", "count": 0}]}, "count"),
                       ({"objects": [{"category": "sofa", "relation": "upside"}]}, "relation"),
                       ({"objects": [{"category": "sofa", "colour": "red"}]}, "colour"),
                       ({"objects": [{"category": "lamp", "relation": "on"}]}, "needs a target"),
                       ({"room": {"size": "gigantic"}, "objects": []}, "size"),
                       ("not a dict", "type")]:
        with pytest.raises(ProgramError, match=words):
            PromptSpec.from_dict(bad)
    with pytest.raises(ProgramError, match="not JSON"):
        PromptSpec.from_json("{objects: [")


def test_apply_plan_builds_replays_and_records_source_words(tmp_path):
    from omni_generalist import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy import make_policy
    from omni_generalist.policy.script import ScriptPolicy
    from omni_generalist.world.metadata import get_info
    from omni_generalist.world.stage import open_stage

    s = Settings()
    s.generator.validate = False
    s.generator.preview = False
    s.generator.format = "usda"
    prompt = "a cozy living room with a grey sofa, a coffee table and a tv"
    res = generate_world(prompt, tmp_path / "a", make_policy("procedural", s.policy), seed=3, settings=s)
    log = (tmp_path / "a" / "actions.py").read_text()
    assert log.count("apply_plan(") == 1
    stage = open_stage(res.world_file)
    sofa = stage.GetPrimAtPath("/World/Objects/living_room/sofa_0")
    assert get_info(sofa)["source_text"] == "a grey sofa"
    assert res.report["plan"]["groups"] and res.report["plan"]["groups"][0]["group"].startswith("seating")
    # replaying the action log gives the same world, byte for byte
    replay = ScriptPolicy.from_file(tmp_path / "a" / "actions.py")
    again = generate_world(prompt, tmp_path / "b", replay, seed=3, settings=s)
    assert again.world_file.read_bytes() == res.world_file.read_bytes()


def test_a_model_can_plan_with_apply_plan(tmp_path):
    """A model reply that writes a scene program is laid out by the solver (scripted server)."""
    from omni_generalist import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy import make_policy
    from omni_generalist.world.stage import open_stage

    from .test_openai_policy import FakeModelServer

    program = {"room": {"type": "bedroom", "size": "small"},
               "objects": [{"category": "bed", "count": 1}, {"category": "nightstand", "count": 2, "quantity": "exact"},
                           {"category": "table lamp", "count": 2, "relation": "on", "target": "nightstand",
                            "each": True}]}
    srv = FakeModelServer([f"```python\nprint(apply_plan({program!r}, seed=0))\n```", "DONE"])
    try:
        s = Settings()
        s.generator.validate = False
        s.generator.preview = False
        s.generator.format = "usda"
        s.policy.timeout_s = 10.0
        res = generate_world("a small bedroom", tmp_path / "w", make_policy(f"openai:{srv.url}", s.policy),
                             seed=0, settings=s)
        system = srv.requests[0]["messages"][0]["content"]
        assert "apply_plan(" in system  # the model is told about it
    finally:
        srv.close()
    stage = open_stage(res.world_file)
    names = [o.name for o in list_objects(stage)]
    assert names.count("bed_0") == 1 and sum(n.startswith("nightstand_") for n in names) == 2
    assert sum(n.startswith("table_lamp_") for n in names) == 2


def test_cli_prints_the_program_schema_a_model_can_follow():
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "omni_generalist", "api", "--program-schema"], capture_output=True,
                         text=True, check=True).stdout
    sch = json.loads(out)
    assert sch["title"] == "Scene program" and "objects" in sch["properties"]
    # what the schema accepts, the program accepts; what it refuses is a ProgramError
    PromptSpec.from_dict({"room": {"type": "kitchen"}, "objects": [{"category": "stool", "count": 3}]})
    with pytest.raises(ProgramError):
        PromptSpec.from_dict({"room": {"type": "kitchen"}, "objects": [{"category": "stool", "count": "three"}]})


def test_kitchen_units_stand_in_one_run():
    """Base units side by side along the walls, sink and stove apart, dishwasher beside the sink,
    wall cabinets over base units at 1.35-1.5 m."""
    for seed in SEEDS:
        plan = _plan("a kitchen with a fridge, a sink, a dishwasher, a stove and four kitchen cabinets", seed)
        run = sorted((o for o in plan.objects if o.run is not None and o.pose is not None), key=lambda o: o.run)
        assert len(run) >= 6
        cats = [o.category for o in run]
        assert cats[0] == "fridge"
        assert abs(cats.index("dishwasher") - cats.index("kitchen sink")) == 1
        assert abs(cats.index("stove") - cats.index("kitchen sink")) >= 2
        # consecutive units on one wall touch (a continuous worktop), unless the door is between them
        dwall, doff, dwidth = plan.door
        for a, b in zip(run, run[1:], strict=False):
            if a.wall == b.wall:
                end, start = a.offset + a.size[0] / 2, b.offset - b.size[0] / 2
                door_between = a.wall == dwall and end - 0.05 <= doff <= start + 0.05
                assert door_between or abs(start - end) < 0.06, (a.key, b.key)
        assert len({o.wall for o in run}) <= 3
        for o in run[1:]:
            assert o.size[2] == 0.9
        for wc in _by_cat(plan, "wall cabinet"):
            if wc.offset is not None:
                assert 1.35 <= wc.height - wc.size[2] / 2 <= 1.5


def test_matching_sets_share_one_model(tmp_path):
    from omni_generalist.actions.api import ActionAPI
    from omni_generalist.world.stage import new_stage

    plan = _plan("a dining room with a dining table and six dining chairs", 0)
    chairs = _by_cat(plan, "dining chair")
    assert len({c.size for c in chairs}) == 1 and all(c.like == chairs[0].key for c in chairs[1:])
    api = ActionAPI(new_stage())
    api.create_room(6, 5)
    a = api.add_object("dining chair", position=(0, 0))
    b = api.add_object("dining chair", position=(1.5, 0), like=a)
    oa, ob = api.get_object(a), api.get_object(b)
    assert oa.size == ob.size and oa.extra["design_seed"] == ob.extra["design_seed"]
    with pytest.raises(ValueError, match="not a"):
        api.add_object("sofa", position=(-1.5, 1.5), like=a)


@pytest.mark.parametrize("prompt, style", [("a victorian living room with a sofa and two armchairs", "victorian"),
                                           ("a cozy scandinavian bedroom", "scandinavian"),
                                           ("an industrial loft office", "industrial")])
def test_style_words_select_the_palette(prompt, style):
    from omni_generalist.policy.procedural import vocab as V

    spec = parse_prompt(prompt)
    assert spec.style == style
    pal = V.STYLE_PALETTE[style]
    plan = Planner().plan(spec, 0)
    assert plan.floor_material == pal.floor and plan.wall_material == pal.walls
    soft = [o for o in plan.objects if o.material == pal.textile and o.color]
    assert {o.color for o in soft} <= set(pal.colors) and len({o.color for o in soft}) <= 1
    assert any(o.material == pal.wood for o in plan.objects)


def test_a_colour_the_prompt_names_beats_the_style():
    plan = _plan("a bohemian living room with a red sofa and two armchairs", 0)
    assert _by_cat(plan, "sofa")[0].color == "red"
    assert all(o.color != "red" for o in _by_cat(plan, "armchair"))


@pytest.mark.parametrize("seed", SEEDS)
def test_barber_chairs_face_their_mirrors(seed):
    """A seat that works facing a wall (barber chair) stands turned to it, its mirror centred on it."""
    spec = PromptSpec.from_dict({"room": {"type": "barbershop"}, "objects": [
        {"category": "barber chair", "count": 3, "quantity": "exact"},
        {"category": "mirror", "count": 3, "quantity": "exact", "relation": "facing", "target": "barber chair",
         "each": True}]})
    plan = Planner().plan(spec, seed)
    mirrors = {o.target: o for o in _by_cat(plan, "mirror") if o.offset is not None}
    for chair in _by_cat(plan, "barber chair"):
        m = mirrors.get(chair.key) or next(o for o in _by_cat(plan, "mirror") if o.group and chair.key in o.group)
        assert m.placement == "on_wall" and m.wall == chair.wall
        assert abs(m.offset - chair.offset) < 1e-3
        wall = next(w for w in _walls(plan) if w.name == chair.wall)
        fx, fy = _front(chair.pose)
        nx, ny = wall.inward
        assert fx * nx + fy * ny < -0.99  # it faces the wall


def _walls(plan):
    from omni_generalist.world.model import WallInfo

    poly = plan.polygon
    return [WallInfo(plan.wall_names[i], i, poly[i], poly[(i + 1) % len(poly)], "") for i in range(len(poly))]


def _in_frame(of, obj) -> tuple[float, float]:
    """``obj``'s centre in the frame of ``of`` (an ObjectInfo): x across, y towards its front."""
    yaw = math.radians(of.yaw)
    dx, dy = obj.position[0] - of.position[0], obj.position[1] - of.position[1]
    return dx * math.cos(yaw) + dy * math.sin(yaw), -dx * math.sin(yaw) + dy * math.cos(yaw)


@pytest.mark.parametrize("yaw", [0.0, 90.0, 180.0])
def test_things_go_to_the_named_edge_of_a_surface(yaw):
    import random

    from omni_generalist.actions import ActionAPI
    from omni_generalist.actions.placement import support_surfaces
    from omni_generalist.errors import PlacementError
    from omni_generalist.world import new_stage

    api = ActionAPI(new_stage(), random.Random(4))
    api.create_room(5.0, 5.0, room_type="bedroom")
    bed = api.get_object(api.add_object("bed", size=(1.6, 2.1, 1.0), position=(0.0, 0.0), rotation=yaw))
    mattress_top = max(z for z, *_ in support_surfaces(bed))
    for k in range(3):
        c = api.get_object(api.add_object("cushion", size=(0.4, 0.15, 0.3), on=bed.name, side="back"))
        _, ly = _in_frame(bed, c)
        assert ly < 0.0, (k, ly)  # towards the head, in front of the bed's own pillows
        assert c.bottom <= bed.position[2] + mattress_top + 0.01 and c.bottom > bed.position[2] + 0.2
    throw = api.get_object(api.add_object("blanket", size=(0.8, 0.4, 0.05), on=bed.name, side="front"))
    assert _in_frame(bed, throw)[1] > 0.3
    with pytest.raises(PlacementError, match="unknown side"):
        api.add_object("book", on=bed.name, side="top")


def test_dressing_follows_the_room_type():
    from omni_generalist.policy.procedural.knowledge import dressing

    shelf = {i.category: i for i in dressing()["wall shelf"]}
    assert shelf["towel"].in_room("bathroom") and not shelf["towel"].in_room("living room")
    assert not shelf["book"].in_room("bathroom") and shelf["book"].in_room("living room")
    for seed in SEEDS:
        bath = _plan("a bathroom", seed)
        on_shelves = {o.category for s in _by_cat(bath, "wall shelf") for o in bath.objects if o.target == s.key}
        assert on_shelves and "book" not in on_shelves, on_shelves
        assert "towel" in on_shelves or "bottle" in on_shelves
        bed = _plan("a bedroom", seed)
        beds = _by_cat(bed, "bed")
        cushions = [o for o in bed.objects if o.category == "cushion" and o.target == beds[0].key]
        assert cushions and all(o.side == "back" for o in cushions)
        # the room's lamps are spread over the nightstands, one each
        lamps = [o.target for o in _by_cat(bed, "table lamp") if o.target]
        stands = [o.key for o in _by_cat(bed, "nightstand")]
        assert stands and sorted(t for t in lamps if t in stands) == sorted(stands), (lamps, stands)
    crib = _plan("a nursery with a crib", 0)
    assert not any(o.target == c.key for c in _by_cat(crib, "crib") for o in crib.objects if o.placement == "on")


def test_a_bathtub_stands_long_side_to_the_wall():
    for seed in SEEDS:
        plan = _plan("a bathroom with a bathtub", seed)
        tub = _by_cat(plan, "bathtub")[0]
        assert tub.size[0] > tub.size[1] * 1.5, tub.size


def test_tables_and_desks_nobody_named_seats_for_get_them():
    for seed in SEEDS:
        plan = _plan("a small bakery with a display counter and three bistro tables", seed)
        tables = [o for o in plan.objects if o.category == "round table"]
        assert len(tables) == 3
        for t in tables:
            seats = [o for o in plan.objects if o.target == t.key and o.category in ("dining chair", "chair")]
            assert len(seats) >= 2, (seed, t.key)
        plan = _plan("a teenager's bedroom with a gaming desk, a bunk bed and posters", seed)
        desk = _by_cat(plan, "desk")[0]
        assert [o for o in plan.objects if o.target == desk.key and o.category == "office chair"]
    # a count in the prompt wins: no chairs added beyond "two chairs each"
    plan = _plan("three tables with two chairs each", 0)
    assert len([o for o in plan.objects if o.category == "chair"]) == 6
    # a coffee table or a side table is no dining table: no chairs around it
    for seed in SEEDS:
        plan = _plan("a living room", seed)
        low = {o.key for o in plan.objects if o.category in ("coffee table", "side table")}
        assert not [o for o in plan.objects if o.target in low and o.category in ("dining chair", "chair")]


def test_long_prompt_pieces_stand_where_such_things_stand():
    prompt = ("A compact kitchen. Upper wall cabinets line the wall above the counter. On the countertop there "
              "is a coffee maker and a bowl of fruit. A small round table with two chairs sits in the opposite "
              "corner for breakfast.")
    for seed in SEEDS:
        plan = _plan(prompt, seed)
        assert all(o.placement == "on_wall" for o in _by_cat(plan, "wall cabinet"))  # hung, not on the floor
        table = _by_cat(plan, "round table")[0]
        assert table.placement != "on" and table.pose is not None  # never on the counter
        chairs = _by_cat(plan, "chair")
        assert len(chairs) == 2 and all(c.target == table.key for c in chairs)
    # a thing that is no furniture may still go on another: crates on a pallet
    plan = _plan("a warehouse with a crate on a pallet", 0)
    assert _by_cat(plan, "crate")[0].target == _by_cat(plan, "pallet")[0].key


def test_curtains_hang_at_windows_only():
    """Curtains the prompt asks for beyond one per window share the windows as panels; none hangs on
    a wall away from a window."""
    for seed in SEEDS:
        plan = _plan("a bedroom with a bed and four curtains", seed)
        curtains = _by_cat(plan, "curtain")
        assert len(curtains) == 4
        windows = {w[0]: w for w in plan.windows}
        for c in curtains:
            wname, off, width = windows[c.wall][:3]
            assert abs(c.offset - off) <= (width + 0.4) / 2, (seed, c.key, c.offset, off)
        # panels at one window do not overlap
        by_wall: dict[str, list] = {}
        for c in curtains:
            by_wall.setdefault(c.wall, []).append(c)
        for group in by_wall.values():
            group.sort(key=lambda c: c.offset)
            for a, b in zip(group, group[1:], strict=False):
                assert b.offset - a.offset >= (a.size[0] + b.size[0]) / 2 - 1e-3


def test_two_beds_stand_side_by_side_with_a_nightstand_between():
    prompt = "a hotel room with two queen beds"
    for seed in SEEDS:
        plan = _plan(prompt, seed)
        beds = _by_cat(plan, "bed")
        assert len(beds) == 2 and beds[0].group == beds[1].group and beds[0].group.startswith("twin_beds")
        a, b = beds
        assert abs(((a.pose[2] - b.pose[2]) + 180) % 360 - 180) < 1  # heads to the same wall
        between = [n for n in _by_cat(plan, "nightstand") if n.group == a.group]
        assert between
        # a nightstand lies between the two beds
        lx = [_local(a, (o.pose[0], o.pose[1]))[0] for o in (b, *between)]
        assert min(abs(x) for x in lx[1:]) < abs(lx[0]), lx


def test_a_piece_that_belongs_beside_its_root_is_never_stood_elsewhere():
    for seed in range(6):
        plan = _plan("a bedroom", seed)
        bed = _by_cat(plan, "bed")[0]
        for n in _by_cat(plan, "nightstand"):
            lx, ly = _local(bed, (n.pose[0], n.pose[1]))
            assert abs(lx) < bed.size[0] / 2 + n.size[0] + 0.2 and ly < -bed.size[1] / 2 + 1.0, (seed, n.key, lx, ly)


def test_cushions_sit_on_the_sofa_seat():
    from omni_generalist.assets.catalog import catalog

    plan = _plan("a living room with a sofa with four cushions on it", 0)
    sofa = _by_cat(plan, "sofa")[0]
    assert len([o for o in _by_cat(plan, "cushion") if o.target == sofa.key]) >= 4
    for seed in SEEDS:  # dressing: cushions at the back of the seat; none elsewhere when their seat is gone
        plan = _plan("a living room", seed)
        keys = {o.key for o in plan.objects}
        for c in _by_cat(plan, "cushion"):
            assert c.target in keys and c.side == "back"
            assert "seating" in catalog().get(next(o.category for o in plan.objects if o.key == c.target)).tags


def test_nothing_is_put_on_top_of_wall_cabinets():
    for seed in SEEDS:
        plan = _plan("a kitchen", seed)
        hung = {o.key for o in plan.objects if o.placement == "on_wall" and "cabinet" in o.category}
        assert hung and not [o for o in plan.objects if o.target in hung]
        plan = _plan("a bathroom", seed)  # a wall shelf is still dressed
        shelves = {o.key for o in _by_cat(plan, "wall shelf")}
        assert [o for o in plan.objects if o.target in shelves]


@pytest.mark.parametrize("prompt, want", [
    ("a dining room set for eight", {"dining chair": 8, "plate": 8, "fork": 8, "knife": 8}),
    ("a bedroom with a bed and a lamp on each of the two nightstands", {"nightstand": 2, "table lamp": 2}),
    ("a living room with a lamp on each of three side tables", {"side table": 3}),
])
def test_counts_said_through_the_room_or_the_targets(prompt, want):
    plan = _plan(prompt, 0)
    for cat, n in want.items():
        assert len(_by_cat(plan, cat)) == n, (cat, [o.key for o in _by_cat(plan, cat)])
    if "three side tables" in prompt:  # one lamp each, no dressing lamp beside it
        tables = {o.key for o in _by_cat(plan, "side table")}
        lamps = [o for o in plan.objects if "lamp" in o.category and o.target in tables]
        assert len(lamps) == 3 and len({o.target for o in lamps}) == 3


@pytest.mark.parametrize("prompt", ["a bathroom", "a public restroom", "a bedroom", "a kitchen", "a living room"])
def test_a_rooms_usual_small_things_never_stand_on_the_floor(prompt):
    from omni_generalist.assets.catalog import catalog

    for seed in SEEDS:
        plan = _plan(prompt, seed)
        on_floor = [o.key for o in plan.objects if catalog().get(o.category).placement == "on_surface"
                    and o.placement not in ("on", "on_any")]
        assert on_floor == [], (seed, on_floor)
