"""The planner keeps the prompt's counts (issue 11): what it adds on its own — the room's usual
furniture, group members, dressing — is never a kind a person would count toward a counted one
(the same kind, a kind of it, or a broader kind), and a generic noun is not specialised into a kind
the prompt counts under its own name."""

from __future__ import annotations

import pytest

from omni_generalist.assets.catalog import catalog
from omni_generalist.policy.procedural.parse import parse_prompt
from omni_generalist.policy.procedural.plan import Planner


def _counted_as(plan, name: str) -> int:
    """Planned objects a person counting ``name`` counts: that category or any kind of it."""
    return sum(1 for o in plan.objects if o.category == name or name in catalog().hypernyms(o.category))


@pytest.fixture(scope="module")
def planner():
    return Planner()


@pytest.mark.parametrize("prompt, counts", [
    ("a storage room with exactly two shelf units", {"shelf": 2}),
    ("a nursery with one crib and five toys", {"toy": 5, "crib": 1}),
    ("a living room with four cushions, a sofa and a coffee table", {"pillow": 4}),
    ("an office with four desks, each with a monitor and an office chair", {"desk": 4, "monitor": 4,
                                                                              "office chair": 4}),
    ("a bedroom with a pair of nightstands and two lamps", {"nightstand": 2, "lamp": 2}),
])
def test_what_the_planner_adds_never_counts_toward_a_counted_kind(planner, prompt, counts):
    for seed in (0, 1):
        plan = planner.plan(parse_prompt(prompt), seed)
        for name, n in counts.items():
            assert _counted_as(plan, name) == n, (seed, name, sorted(o.category for o in plan.objects))


def test_a_generic_noun_is_not_specialised_into_a_kind_counted_by_name(planner):
    """ "eight office chairs ... four chairs": the four stay chairs (an office would make them office chairs)."""
    prompt = ("an open-plan office with eight desks in two rows, each with an office chair. A round table "
              "with four chairs stands in the corner.")
    plan = planner.plan(parse_prompt(prompt), 0)
    kinds = [o.category for o in plan.objects]
    assert kinds.count("office chair") == 8 and kinds.count("chair") == 4, sorted(kinds)
