"""The executor's transactions, action log, replay and determinism."""

from __future__ import annotations

from omni_generalist.actions import ActionLog, Sandbox
from omni_generalist.world.model import list_objects
from tests.conftest import FAST_LIMITS

ROOM = "create_room(6, 5, room_type='office')\nadd_door('south')\nadd_window('north')"


def test_failed_action_leaves_world_byte_identical(sandbox):
    assert sandbox.run(ROOM).ok
    before = sandbox.layer.ExportToString()
    res = sandbox.run("add_object('desk', against_wall='north')\nadd_object('chair')\nraise ValueError('boom')")
    assert not res.ok and res.error_kind == "ValueError" and res.error_line == 3 and "boom" in res.error
    assert sandbox.layer.ExportToString() == before
    assert list_objects(sandbox.stage) == []
    # partial edits then a timeout: also nothing
    res = sandbox.run("add_object('desk')\nwhile True:\n    pass")
    assert res.error_kind == "TimeoutError"
    assert sandbox.layer.ExportToString() == before
    assert len(sandbox.log.actions) == 1


def test_successful_actions_commit_and_log(sandbox):
    assert sandbox.run(ROOM).ok
    res = sandbox.run("d = add_object('desk', against_wall='north')\nprint('made', d)")
    assert res.ok and res.output == "made desk_0\n"
    assert [o.name for o in list_objects(sandbox.stage)] == ["desk_0"]
    assert sandbox.log.actions[-1].startswith("d = add_object")
    res = sandbox.run("remove_object('desk_0')")
    assert res.ok
    assert list_objects(sandbox.stage) == []
    assert sandbox.layer.GetPrimAtPath("/World/Objects/office/desk_0") is None


def test_error_messages_are_readable(sandbox):
    res = sandbox.run("add_object('mug', on='table_9')")
    assert res.error_kind == "KeyError" and "no object named 'table_9'" in res.error
    res = sandbox.run("x = 1\nadd_door('south')")
    assert res.error_line == 2 and "create_room" in res.error
    assert sandbox.run(ROOM).ok
    res = sandbox.run("add_object('bed', against_wall='up')")
    assert "no wall 'up'" in res.error and "north" in res.error


def test_output_is_capped(sandbox):
    res = sandbox.run("for i in range(100000):\n    print('spam spam spam')")
    assert res.ok
    assert len(res.output) <= FAST_LIMITS.max_output_chars + 20 and res.output.endswith("[output cut]")


def test_allowed_imports_bind_injected_objects(sandbox):
    code = ("import math\nimport random\nfrom pxr import Gf, UsdGeom\n"
            "print(round(math.pi, 3), isinstance(random.random(), float), Gf.Vec3d(1, 2, 3)[2])")
    res = sandbox.run(code)
    assert res.ok, res.error
    assert res.output.strip() == "3.142 True 3.0"


def test_raw_pxr_through_stage_handle(sandbox):
    res = sandbox.run("c = UsdGeom.Cube.Define(stage, '/World/Objects/probe')\nc.CreateSizeAttr(0.5)")
    assert res.ok, res.error
    assert sandbox.layer.GetPrimAtPath("/World/Objects/probe") is not None


def test_worker_and_parent_copies_agree(sandbox):
    for code in (ROOM, "t = add_object('table', center=True)\nfor i in range(4):\n    add_object('chair', around=t)",
                 "add_object('mug', on='table_0')", "rotate_object('mug_0', 30)",
                 "set_material('walls', 'pale blue paint')", "add_light()\nset_lighting('dim')",
                 "remove_object('chair_1')"):
        res = sandbox.run(code)
        assert res.ok, (code, res.error)
    reply = sandbox._call({"op": "export"}, 30)
    assert reply["text"] == sandbox.layer.ExportToString()


def test_seeded_rng_is_deterministic_and_per_action():
    outs = []
    for _ in range(2):
        with Sandbox(seed=11, config=FAST_LIMITS) as sb:
            a = sb.run("print(rng.random())").output
            b = sb.run("print(rng.random())").output
            outs.append((a, b))
    assert outs[0] == outs[1]
    assert outs[0][0] != outs[0][1]


def test_replay_rebuilds_identical_layer(sandbox):
    for code in (ROOM, "b = add_object('bookcase', against_wall='west')\nadd_object('desk', against_wall='north')",
                 "add_object('office chair', next_to='desk_0', side='front')", "add_light('rect')"):
        assert sandbox.run(code).ok
    text = sandbox.log.to_text()
    log = ActionLog.from_text(text)
    assert log.actions == sandbox.log.actions
    with Sandbox(seed=sandbox.seed, config=FAST_LIMITS) as again:
        results = again.replay(log)
        assert all(r.ok for r in results)
        assert again.layer.ExportToString() == sandbox.layer.ExportToString()


def test_a_whole_world_action_has_its_own_time_limit():
    """``apply_plan`` builds a furnished world in one action: it runs under ``plan_timeout_s``, every
    other action under ``timeout_s`` (a big store took more than 20 s on a loaded machine)."""
    from dataclasses import replace

    from omni_generalist.policy.procedural.parse import parse_prompt

    program = parse_prompt("a living room with a sofa and a coffee table").to_dict()
    cfg = replace(FAST_LIMITS, timeout_s=0.3, plan_timeout_s=120.0)
    with Sandbox(seed=3, config=cfg) as sb:
        res = sb.run(f"apply_plan({program!r}, seed=1)")
        assert res.ok, res.error
        assert res.seconds > 0.3  # it needed more than the ordinary limit
        assert {"sofa", "coffee table"} <= {o.category for o in list_objects(sb.stage)}
        res = sb.run("x = 0\nwhile True:\n    x += 1")
        assert not res.ok and res.error_kind == "TimeoutError" and "0.3 s" in res.error
