"""Relations the prompt parser reads, in the canonical names of ``program.RELATIONS`` (issue 11)."""

import pytest

from omni_generalist.policy.procedural.parse import parse_prompt
from omni_generalist.policy.procedural.program import RELATIONS


def _req(prompt, category):
    spec = parse_prompt(prompt)
    reqs = [o for o in spec.objects if o.category == category]
    assert reqs, [o.category for o in spec.objects]
    return reqs[0]


@pytest.mark.parametrize("prompt, category, relation, target", [
    ("a living room with a sofa and a coffee table in front of the sofa", "coffee table", "in_front_of", "sofa"),
    ("a bedroom with a rug under the bed", "rug", "under", "bed"),
    ("a living room with a lamp behind the sofa", "lamp", "behind", "sofa"),
    ("a living room with a lamp beside the sofa", "lamp", "next_to", "sofa"),
    ("a living room with a lamp near the sofa", "lamp", "next_to", "sofa"),
    ("a living room with a lamp by the sofa", "lamp", "next_to", "sofa"),
    ("a bedroom with a bench at the foot of the bed", "bench", "at_foot_of", "bed"),
    ("a living room with a tv facing the sofa", "tv", "facing", "sofa"),
    ("a kitchen with plates on the counter", "plate", "on", "counter"),
    ("a conference room with a large table surrounded by 8 chairs", "chair", "around", "table"),
    ("a kitchen with a basket filled with apples", "apple", "in", "basket"),
])
def test_relations_to_a_target(prompt, category, relation, target):
    req = _req(prompt, category)
    assert (req.relation, req.target) == (relation, target)
    assert req.relation in RELATIONS


@pytest.mark.parametrize("prompt, category, relation", [
    ("a study with bookshelves lining the walls", "bookcase", "against_wall"),
    ("a study with a bookcase along one wall", "bookcase", "against_wall"),
    ("a study with a desk in the corner", "desk", "corner"),
    ("a living room with a rug in the middle of the room", "rug", "center"),
    ("a living room with a rug in the centre", "rug", "center"),
    ("a hallway with a coat rack near the entrance", "coat rack", "near_entrance"),
    ("a hallway with a shoe rack by the door", "shoe rack", "near_entrance"),
    ("a living room with a plant near the window", "plant", "near_window"),
    ("a study with a desk under the window", "desk", "near_window"),
    ("a garage with stacked boxes", "box", "stacked"),
    ("a kitchen with a stack of plates", "plate", "stacked"),
    ("a classroom with rows of desks", "desk", "rows"),
    ("a bedroom with a painting on the wall", "painting", "on_wall"),
    ("a bedroom with a lamp hanging from the ceiling", "lamp", "ceiling"),
])
def test_relations_to_the_room(prompt, category, relation):
    req = _req(prompt, category)
    assert req.relation == relation and relation in RELATIONS


def test_a_stack_on_a_support_keeps_the_support():
    req = _req("a kitchen with a stack of plates on the counter", "plate")
    assert (req.relation, req.target) == ("on", "counter")


def _objs(prompt):
    return [(o.category, o.count, o.relation, o.target) for o in parse_prompt(prompt).objects]


def test_position_word_is_no_relation_target():
    objs = _objs("a kitchen with a tall refrigerator at the end")
    fridge = [o for o in objs if o[0] == "fridge"]
    assert fridge and fridge[0][3] is None and fridge[0][2] in ("against_wall", None), objs


def test_fronted_relation_applies_to_each_listed_thing():
    objs = _objs("a kitchen. On the countertop there is a coffee maker, a toaster and a kettle. "
                 "A fridge stands in the corner.")
    for cat in ("coffee maker", "toaster", "kettle"):
        assert (cat, 1, "on", "kitchen counter") in objs, objs
    assert ("fridge", 1, "corner", None) in objs, objs


def test_owner_of_contents_takes_the_relation_after_its_verb():
    objs = _objs("a kids bedroom. A toy box overflowing with toys sits at the foot of the bed")
    assert ("toy box", 1, "at_foot_of", "bed") in objs, objs
    toys = [o for o in objs if o[0] == "toy"]
    assert toys and toys[0][2] == "in" and toys[0][3] == "toy box", objs


def test_in_front_of_each():
    objs = _objs("a barber shop with three barber chairs and a mirror in front of each")
    assert ("mirror", 3, "in_front_of", "barber chair") in objs, objs


def test_trailing_relation_applies_to_the_listed_small_things():
    objs = _objs("a kitchen with a kettle, two mugs and a toaster on the counter")
    assert [(c, n, r, t) for c, n, r, t in objs] == [("kettle", 1, "on", "counter"), ("mug", 2, "on", "counter"),
                                                     ("toaster", 1, "on", "counter")], objs


def test_holds_lists_contents_and_it_is_the_furniture():
    objs = _objs("A wide L-shaped desk holds two monitors, a keyboard and a desk lamp, with an office chair "
                 "tucked in front of it.")
    assert objs[0] == ("desk", 1, None, None), objs
    assert ("monitor", 2, "on", "desk") in objs and ("keyboard", 1, "on", "desk") in objs, objs
    assert ("office chair", 1, "in_front_of", "desk") in objs, objs
