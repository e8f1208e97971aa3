"""Requested counts read from the written USD (issue 11): a world per group of quantity forms,
generated with physics validation and repair (what repair removes counts too), each count judged
by :func:`omni_generalist.metrics.layout_measures.requested_counts` the way the layout suite is —
an object counts toward a kind when its category or a semantic label (its broader categories) is it."""

from __future__ import annotations

import json

import pytest

from omni_generalist.actions import Sandbox
from omni_generalist.config import Settings
from omni_generalist.generate import generate_world
from omni_generalist.metrics.arrangement import WorldView
from omni_generalist.metrics.layout_measures import requested_counts
from omni_generalist.policy.procedural import ProceduralPolicy


def _exact(any_, n, on=None):
    return {"any": any_, "min": n, "exact": True, **({"on": on} if on else {})}


WORLDS = {
    # exactly N / a dozen; the room's usual shelving units and boxes count toward the counted kinds
    "exactly": ("a storage room with exactly two shelf units and a dozen cardboard boxes",
                [_exact(["shelf"], 2), _exact(["cardboard box"], 12)]),
    # N each: six chairs, two at each table, not chairs on every side
    "each": ("a cafe with three tables with two chairs each",
             [_exact(["table"], 3), _exact(["chair"], 6)]),
    # set for N (a chair and a place setting per person) and a pair of
    "set_for": ("a dining room with a dining table set for 6 people and a pair of sideboards",
                [_exact(["chair"], 6), _exact(["plate"], 6, on=["dining table"]), _exact(["fork"], 6),
                 _exact(["sideboard"], 2)]),
    # N of each, at least N, a dozen things on a support (the bookcase's own books count too)
    "of_each": ("a study with armchairs and side tables, two of each, a bookcase with a dozen books and at "
                "least three plants",
                [_exact(["armchair"], 2), _exact(["side table"], 2), _exact(["book"], 12),
                 {"any": ["plant"], "min": 3}]),
    # one per counted target ("each with a monitor") and "two ... and three ..."
    "two_and_three": ("an office with four desks, each with a monitor and an office chair, two bookcases and "
                      "three filing cabinets",
                      [_exact(["desk"], 4), _exact(["monitor"], 4), _exact(["office chair"], 4),
                       _exact(["bookcase"], 2), _exact(["filing cabinet"], 3)]),
    # fruit that rolls in its bowl is kept; a plural with no number gets the program's count
    "contents": ("a kitchen with a fruit bowl holding three apples and two bananas, and mugs on the counter",
                 [_exact(["apple"], 3), _exact(["banana"], 2)]),
}


@pytest.fixture(scope="module")
def worlds(tmp_path_factory):
    base = tmp_path_factory.mktemp("counts")
    settings = Settings()
    settings.generator.preview = False
    out = {}
    with Sandbox(config=settings.sandbox) as sb:
        for key, (prompt, _req) in WORLDS.items():
            res = generate_world(prompt, base / key, ProceduralPolicy(), seed=0, settings=settings, sandbox=sb)
            out[key] = (base / key, res.report)
    return out


@pytest.mark.parametrize("key", list(WORLDS))
def test_every_requested_count_is_in_the_world(worlds, key):
    folder, report = worlds[key]
    view = WorldView.open(folder, WORLDS[key][1])
    bad = [c for c in requested_counts(view) if not c["ok"]]
    assert not bad, (bad, report["physics"].get("repairs"), report["plan"].get("dropped"))


def test_a_plural_with_no_number_gets_the_programs_count(worlds):
    """ "mugs on the counter": as many mugs as the scene program said (a default the planner chose)."""
    folder, report = worlds["contents"]
    program = report["plan"]["program"]
    mugs = [o for o in program["objects"] if o["category"] == "mug"]
    assert mugs and mugs[0]["count"] >= 2 and "quantity" not in mugs[0]  # a default count, not an exact one
    found = requested_counts(WorldView.open(folder, [{"any": ["mug"], "min": mugs[0]["count"]}]))[0]["found"]
    assert found >= mugs[0]["count"]


def test_the_program_records_the_quantity_forms(worlds):
    """The written plan says which counts are exact (so a model's plan and a replay keep them)."""
    _folder, report = worlds["each"]
    chairs = next(o for o in report["plan"]["program"]["objects"] if o["category"] == "chair")
    assert (chairs["count"], chairs["quantity"], chairs["target_count"]) == (6, "exact", 3)
    _folder, report = worlds["of_each"]
    got = {o["category"]: o for o in report["plan"]["program"]["objects"]}
    assert got["armchair"]["quantity"] == "exact" and "two of each" in got["armchair"]["source_text"]
    assert got["potted plant" if "potted plant" in got else "plant"]["quantity"] == "at_least"
    assert json.dumps(report["plan"]["program"])  # JSON as written
