"""1,000 fuzzed action calls (10 worlds x 100 calls; the 10,000-call run is benchmarks/bench_fuzz.py):
no crash, no internal error, and every world saved afterwards re-opens and validates."""

from __future__ import annotations

import pytest

from omni_generalist.actions.fuzz import run_fuzz
from omni_generalist.world.stage import open_stage

WORLDS, CALLS = 10, 100


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    return run_fuzz(WORLDS, CALLS, "test-fuzz", tmp_path_factory.mktemp("fuzz"))


def test_no_crash_and_no_internal_error(fuzzed):
    tally, _ = fuzzed
    assert tally.calls >= WORLDS * CALLS
    assert tally.internal == []
    assert "WorkerCrash" not in tally.kinds and "MergeError" not in tally.kinds
    assert tally.ok > 0.1 * tally.calls and tally.input_errors > 0.3 * tally.calls  # both kinds exercised


def test_every_saved_world_reopens_and_validates(fuzzed):
    from omni_generalist.generate import layout_checks
    from omni_generalist.physics import validate_world

    _, files = fuzzed
    assert len(files) == WORLDS
    for path in files:
        stage = open_stage(path)  # Z-up, meters, /World: the conventions hold
        report = validate_world(stage, joints=False)
        assert report.ok, (path, [p.message for p in report.errors])
        assert layout_checks(stage.GetRootLayer())["outside_room"] == []
