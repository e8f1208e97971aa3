"""Homes with several rooms: programme from the prompt, floor-plan solver, the shell on one stage,
per-room furnishing, checks (docs/homes.md). A 3-prompt subset of benchmarks/bench_homes.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from omni_generalist.actions.api import ActionAPI
from omni_generalist.errors import InputError
from omni_generalist.metrics.homes import home_checks
from omni_generalist.policy.procedural.floorplan import (
    FloorPlan,
    check_plan,
    exterior_segments,
    solve_floorplan,
)
from omni_generalist.policy.procedural.program_home import HomeProgram, HomeProgramError, parse_home
from omni_generalist.world.home import home_rooms, is_home
from omni_generalist.world.metadata import get_info
from omni_generalist.world.model import room_info
from omni_generalist.world.stage import new_stage

ROOT = Path(__file__).resolve().parents[1]
SUITE = [json.loads(line) for line in (ROOT / "benchmarks" / "prompts" / "homes.jsonl").read_text().splitlines()]
SUBSET = ["h02", "h08", "h10"]


def _kinds(prog: HomeProgram) -> dict[str, int]:
    got: dict[str, int] = {}
    for r in prog.rooms:
        got[r.kind] = got.get(r.kind, 0) + 1
    return got


@pytest.mark.parametrize("entry", SUITE, ids=[e["id"] for e in SUITE])
def test_programme_has_every_requested_room(entry):
    prog = parse_home(entry["prompt"])
    assert prog is not None
    got = _kinds(prog)
    for kind, n in entry["rooms"].items():
        assert got.get(kind, 0) == n, (kind, got)


def test_single_room_prompts_stay_single_rooms():
    prompts = [json.loads(line)["prompt"] for line in (ROOT / "benchmarks" / "prompts" / "layout.jsonl").read_text().splitlines()]
    prompts += ["a studio apartment", "an art studio with three easels and a sink", "a kitchen with a dishwasher",
                "A compact kitchen in a city apartment", "a cozy living room in a beach house", "an office with a desk",
                "a restaurant", "a home office with a desk"]
    assert [p for p in prompts if parse_home(p) is not None] == []


def test_contents_go_to_the_named_room():
    prog = parse_home("a house with three bedrooms, two bathrooms, a kitchen and a living room. "
                      "The second bedroom has a bed and a desk.")
    rooms = {r.name: r for r in prog.rooms}
    assert rooms["bedroom_2"].contents == "a bed and a desk"
    assert rooms["bedroom_1"].contents == "" and rooms["bedroom_3"].contents == ""


@pytest.mark.parametrize("entry", SUITE[:12], ids=[e["id"] for e in SUITE[:12]])
def test_floorplan_tiles_without_gaps_and_doors_join_rooms(entry):
    prog = parse_home(entry["prompt"])
    plans = [solve_floorplan(prog, seed) for seed in (0, 1, 2)]
    assert solve_floorplan(prog, 1).to_dict() == plans[1].to_dict()  # deterministic per seed
    assert len({json.dumps(p.to_dict()) for p in plans}) > 1  # varied across seeds
    for plan in plans:
        check_plan(plan)  # no overlaps; every interior door in a wall its two rooms share
        x0, y0, x1, y1 = plan.bounds
        assert sum(r.area for r in plan.rooms) == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-3)  # no gaps
        assert sum(d.entrance for d in plan.doors) == 1
        entrance = next(d for d in plan.doors if d.entrance)
        room = plan.room(entrance.rooms[0])
        c = entrance.center
        assert any(s[1] == entrance.axis and abs((c[1] if s[1] == "x" else c[0]) - s[2]) < 1e-3
                   for s in exterior_segments(plan, room))
        for w in plan.windows:  # windows only in exterior walls
            assert (w.center[1] in (y0, y1)) if w.axis == "x" else (w.center[0] in (x0, x1))
        _assert_access(plan)


def _assert_access(plan) -> None:
    """Bathrooms reachable without crossing a bedroom, an en-suite only from its bedroom; no bathroom
    or bedroom opens into a kitchen; every interior door that has a leaf swings into one of its rooms."""
    by = {r.name: r for r in plan.rooms}
    links: dict[str, set[str]] = {r.name: set() for r in plan.rooms}
    for d in plan.doors:
        for a in d.rooms:
            links[a].update(n for n in d.rooms if n != a)
        if len(d.rooms) == 2:
            types = {by[n].type for n in d.rooms}
            assert not ("kitchen" in types and types & {"bathroom", "bedroom"}), d
        assert not d.swing or d.swing in d.rooms
    for r in plan.rooms:
        if r.ensuite_of:
            assert links[r.name] == {r.ensuite_of}
    start = next(d.rooms[0] for d in plan.doors if d.entrance)
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        if by[here].zone == "private" and here != start:
            continue
        for n in links[here] - seen:
            seen.add(n)
            todo.append(n)
    assert {r.name for r in plan.rooms if r.zone == "service" and not r.ensuite_of} <= seen


def test_ensuites_and_l_shaped_rooms():
    prog = parse_home("a house with a master bedroom with an en-suite, a second bedroom, a bathroom, a kitchen and a "
                      "living room")
    assert [(r.name, r.ensuite_of) for r in prog.rooms if r.ensuite_of] == [("bathroom_2", "bedroom_1")]
    assert [r.ensuite_of for r in parse_home("a 3b2b apartment").rooms if r.kind == "bathroom"] == ["", "bedroom_1"]
    assert all(not r.ensuite_of for r in parse_home("a school wing with six classrooms and two restrooms").rooms)
    for seed in (0, 1, 2):
        plan = solve_floorplan(prog, seed)
        ells = [r for r in plan.rooms if r.cut]
        assert ells and all(len(r.outline) == 6 for r in ells)  # a bedroom wraps around its en-suite
        assert plan.room("bathroom_2").ensuite_of == "bedroom_1"
        _assert_access(plan)
        assert FloorPlan.from_dict(json.loads(json.dumps(plan.to_dict()))).to_dict() == plan.to_dict()


def test_too_many_rooms_and_a_small_outline_are_input_errors():
    with pytest.raises(HomeProgramError, match="most a home may have is 30"):
        parse_home("a school corridor with forty classrooms")
    assert len(solve_floorplan(parse_home("a school corridor with forty classrooms", max_rooms=50), 0).rooms) == 41
    prog = parse_home("a 3b2b apartment in an 8 x 6 m outline")
    assert prog.outline == (8.0, 6.0)
    with pytest.raises(HomeProgramError, match="outline") as exc:
        solve_floorplan(prog, 0)
    assert isinstance(exc.value, InputError) and exc.value.exit_code == 2
    big = HomeProgram.from_dict({"building": "apartment", "rooms": [{"name": "bedroom", "kind": "bedroom"},
                                                                    {"name": "bathroom", "kind": "bathroom"}],
                                 "outline": [9, 7]})
    plan = solve_floorplan(big, 0)
    assert plan.bounds == pytest.approx((0.0, 0.0, 9.0, 7.0))


@pytest.mark.parametrize("pid", SUBSET)
def test_home_built_on_one_stage_passes_the_checks(pid):
    entry = next(e for e in SUITE if e["id"] == pid)
    prog = parse_home(entry["prompt"])
    stage = new_stage()
    api = ActionAPI(stage)
    api.create_home(prog.to_dict(), seed=1)
    for r in prog.rooms:
        api.furnish_room(r.name, None, 1)
    assert is_home(stage)
    rooms = {r.name for r in home_rooms(stage)}
    if any(r.ensuite_of for r in prog.rooms):  # its bedroom wraps around it: an L with six walls
        assert any(len(r.polygon) == 6 and len(r.walls) == 6 for r in home_rooms(stage))
    assert {r.name for r in prog.rooms} <= rooms
    checks = home_checks(stage)
    assert checks["unreachable_rooms"] == [] and checks["bad_doors"] == [] and checks["bad_windows"] == []
    assert checks["misplaced"] == [] and checks["bad_access"] == []
    for r in home_rooms(stage):  # interior doors off the corridor stand open: a leaf in the room they swing into
        for d in r.doors:
            info = get_info(stage.GetPrimAtPath(d.path))
            if info.get("swing"):
                assert stage.GetPrimAtPath(d.path + "/leaf").IsValid() and info["swing"] in info["connects"]
    objs = api.list_objects()
    assert all(o.room in rooms for o in objs)
    for room, cats in entry.get("contents", {}).items():
        assert set(cats) <= {o.category for o in objs if o.room == room}
    assert room_info(stage).room_type == "home"  # readers of one room see the outline
    summary = api.scene_summary()
    assert f"home: {len(rooms)} rooms" in summary and "entrance" in summary


def test_add_object_names_a_room():
    stage = new_stage()
    api = ActionAPI(stage)
    api.create_home(parse_home("a 1b1b apartment").to_dict(), seed=0)
    with pytest.raises(ValueError, match="name the room"):
        api.add_object("bed")
    name = api.add_object("bed", room="bedroom", against_wall="north")
    bed = api.get_object(name)
    room = next(r for r in home_rooms(stage) if r.name == "bedroom")
    xs = [p[0] for p in room.polygon]
    ys = [p[1] for p in room.polygon]
    assert bed.room == "bedroom" and min(xs) < bed.position[0] < max(xs) and min(ys) < bed.position[1] < max(ys)
    assert bed.support == f"{room.path}/Floor"


def test_generate_home_end_to_end_is_physics_valid(tmp_path):
    from omni_generalist.config import Settings
    from omni_generalist.generate import generate_world
    from omni_generalist.policy.procedural import ProceduralPolicy
    from omni_generalist.world import open_stage

    res = generate_world("a clinic with a waiting room and two exam rooms", tmp_path / "w", ProceduralPolicy(),
                         seed=2, settings=Settings())
    stage = open_stage(tmp_path / "w")
    assert {"waiting_room", "exam_room_1", "exam_room_2"} <= {r.name for r in home_rooms(stage)}
    report = json.loads((tmp_path / "w" / "report.json").read_text())
    assert report["physics"]["after"]["ok"] if "after" in report["physics"] else report["physics"]["ok"]
    assert (tmp_path / "w" / "preview.png").stat().st_size > 10_000
    assert res is not None


@pytest.mark.parametrize("prompt", ["a tiny studio with a murphy bed and a kitchenette",
                                    "a studio apartment with a kitchenette"])
def test_a_studios_kitchenette_is_part_of_its_one_room(prompt):
    home = parse_home(prompt)
    assert home is not None and sorted(r.kind for r in home.rooms) == ["bathroom", "studio room"]
