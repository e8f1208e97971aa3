"""Quantity forms the prompt parser reads: a test per form (issue 11)."""

import pytest

from omni_generalist.policy.procedural.parse import parse_prompt


def _req(prompt, category):
    """The first object of ``category`` the prompt (or an already parsed spec) asks for."""
    spec = parse_prompt(prompt) if isinstance(prompt, str) else prompt
    reqs = [o for o in spec.objects if o.category == category]
    assert reqs, [o.category for o in spec.objects]
    return reqs[0]


@pytest.mark.parametrize("prompt, category, count, quantity", [
    ("a bedroom with exactly two shelf units", "shelf", 2, "exact"),
    ("a living room with at least four armchairs", "armchair", 4, "at_least"),
    ("a lounge with four or more armchairs", "armchair", 4, "at_least"),
    ("a warehouse with over 100 boxes", "box", 100, "at_least"),
    ("a dining room with no more than two tables", "table", 2, "exact"),
    ("a bedroom with a pair of nightstands", "nightstand", 2, "exact"),
    ("a living room with a couple of lamps", "lamp", 2, "exact"),
    ("a library with a dozen books", "book", 12, "exact"),
    ("a library with two dozen books", "book", 24, "exact"),
    ("a bar with half a dozen stools", "stool", 6, "exact"),
    ("an office with a team of six people working at six desks", "desk", 6, "exact"),
    ("a waiting room with three groups of three chairs", "chair", 9, "exact"),
    ("a classroom with twenty four desks", "desk", 24, "exact"),
    ("a classroom with 12 desks", "desk", 12, "exact"),
    ("a lab with a total of six microscopes", "microscope", 6, "exact"),
])
def test_explicit_counts(prompt, category, count, quantity):
    req = _req(prompt, category)
    assert (req.count, req.quantity, req.explicit_count) == (count, quantity, True)
    assert req.to_quantity() == quantity


@pytest.mark.parametrize("prompt, category", [
    ("a living room with armchairs", "armchair"),
    ("a kitchen with several plates", "plate"),
    ("a classroom with rows of desks", "desk"),
    ("a classroom with several dozen books", "book"),
])
def test_plurals_and_vague_words_get_a_default_count(prompt, category):
    req = _req(prompt, category)
    assert req.count >= 2 and req.quantity == "default" and not req.explicit_count


def test_a_single_thing_is_one_by_default():
    req = _req("a bedroom with a bed", "bed")
    assert (req.count, req.quantity, req.explicit_count) == (1, "default", False)


def test_n_each_is_a_total_with_the_number_of_targets():
    """ "three tables with two chairs each": six chairs, two per table (count // target_count)."""
    spec = parse_prompt("a cafe with three tables with two chairs each")
    tables, chairs = _req(spec, "table"), _req(spec, "chair")
    assert tables.count == 3 and tables.quantity == "exact"
    assert (chairs.count, chairs.each, chairs.target, chairs.target_count, chairs.quantity) == (6, True, "table", 3,
                                                                                                "exact")
    assert chairs.relation == "around" and chairs.count // chairs.target_count == 2


def test_one_on_each_counted_target():
    lamp = _req("two nightstands with a lamp on each nightstand", "lamp")
    assert (lamp.count, lamp.each, lamp.target, lamp.target_count) == (2, True, "nightstand", 2)
    laptop = _req("a classroom where each desk has a laptop", "laptop")  # desks not counted: one per desk
    assert (laptop.each, laptop.target, laptop.count, laptop.target_count) == (True, "desk", 1, 1)


@pytest.mark.parametrize("prompt, n", [("a dining room with a dining table set for 12 people", 12),
                                       ("a dining room with a table set for six", 6)])
def test_set_for_n_gives_chairs_and_place_settings(prompt, n):
    spec = parse_prompt(prompt)
    table = next(o for o in spec.objects if "table" in o.category and o.relation is None)
    chairs = [o for o in spec.objects if "chair" in o.category]
    assert len(chairs) == 1 and chairs[0].count == n and chairs[0].relation == "around"
    assert chairs[0].target == table.category and chairs[0].quantity == "exact"
    setting = {o.category: o for o in spec.objects if o.relation == "on" and o.target == table.category}
    assert {"plate", "glass", "fork", "knife"} <= set(setting)
    assert all(o.count == n and o.explicit_count and o.source_text for o in setting.values())


@pytest.mark.parametrize("prompt", ["a dining room with a table for six", "a conference room with a table that seats 6"])
def test_a_table_for_n_seats_n_without_place_settings(prompt):
    spec = parse_prompt(prompt)
    chairs = [o for o in spec.objects if "chair" in o.category]
    assert chairs and chairs[0].count == 6 and chairs[0].relation == "around" and chairs[0].explicit_count
    assert not any(o.category == "plate" for o in spec.objects)


def test_each_have_multiplies_by_the_owners():
    chairs = _req("a library with four reading tables each have four chairs", "chair")
    assert chairs.count == 16 and chairs.relation == "around" and chairs.target == "table"
    assert chairs.explicit_count and chairs.to_quantity() == "exact"


def test_each_with_a_list_over_commas_after_an_aside():
    spec = parse_prompt("an office. Eight desks are grouped in two rows of four, each with a monitor, a keyboard "
                        "and an office chair. A fridge stands in the corner.")
    got = {o.category: (o.count, o.target) for o in spec.objects}
    for cat in ("monitor", "keyboard", "office chair"):
        assert got.get(cat) == (8, "desk"), got
    assert got.get("fridge", (0,))[0] == 1, got


def test_rows_of_multiply_and_a_faced_row_is_asked_for():
    spec = parse_prompt("a laundromat. Two rows of washing machines face a row of stacked dryers along the "
                        "opposite wall")
    got = {o.category: o for o in spec.objects}
    assert got["washing machine"].count == 10 and not got["washing machine"].explicit_count
    assert got["washing machine"].relation == "facing" and got["washing machine"].target == "dryer"
    assert got["dryer"].count == 5 and got["dryer"].relation == "against_wall"
    assert "laundromat" not in got and not spec.unmatched


def test_counted_furniture_with_plural_furniture_gets_one_set_each():
    chairs = _req("a classroom with twenty-four student desks with chairs", "chair")
    assert chairs.count == 24 and chairs.target == "student desk" and chairs.each
    assert not chairs.explicit_count  # a plausible number, not an exact one
    chairs = _req("a cafe with three tables with chairs", "chair")
    assert chairs.count == 6 and chairs.relation == "around"


def test_each_with_a_single_thing_is_exact():
    """ "four desks, each with a monitor": four monitors, as exact as the desks."""
    spec = parse_prompt("an office with four desks, each with a monitor and an office chair")
    got = {o.category: o for o in spec.objects}
    for cat in ("monitor", "office chair"):
        assert got[cat].count == 4 and got[cat].to_quantity() == "exact", got[cat]


@pytest.mark.parametrize("prompt, counts", [
    ("a study with armchairs and side tables, two of each", {"armchair": 2, "side table": 2}),
    ("a bedroom with lamps and nightstands, three of each", {"lamp": 3, "nightstand": 3}),
    ("a kitchen with a kettle, mugs and plates, four of each", {"kettle": 4, "mug": 4, "plate": 4}),
])
def test_n_of_each_counts_every_thing_of_the_list(prompt, counts):
    spec = parse_prompt(prompt)
    got = {o.category: o for o in spec.objects}
    for cat, n in counts.items():
        assert got[cat].count == n and got[cat].to_quantity() == "exact", got[cat]
        assert "of each" in got[cat].source_text


def test_n_tables_for_two_seats_two_at_each():
    spec = parse_prompt("a small restaurant with five tables for two")
    chairs = [o for o in spec.objects if "chair" in o.category]
    assert len(chairs) == 1 and chairs[0].count == 10 and chairs[0].target_count == 5 and chairs[0].each
    assert chairs[0].to_quantity() == "exact" and chairs[0].relation == "around"


@pytest.mark.parametrize("prompt, seats", [
    ("a conference room for ten people", {"office chair": 10}),
    ("a classroom for 20 students", {"student chair": 20, "student desk": 20}),
    ("a dining room for 6", {"dining chair": 6}),
    ("a conference room with seating for 12", {"office chair": 12}),
])
def test_a_room_for_n_people_seats_n(prompt, seats):
    spec = parse_prompt(prompt)
    got = {o.category: o for o in spec.objects}
    for cat, n in seats.items():
        assert got[cat].count == n and got[cat].to_quantity() == "exact", spec.objects
        assert "for" in got[cat].source_text


def test_a_room_for_things_is_no_seat_count():
    """ "a garage for two cars": the cars are things; no seats are counted."""
    spec = parse_prompt("a garage for two cars")
    assert not any("chair" in o.category for o in spec.objects)


def test_one_above_each_counted_target():
    spec = parse_prompt("a bathroom with a bathtub, two sinks with a mirror above each and four towels")
    mirror = _req("a bathroom with a bathtub, two sinks with a mirror above each and four towels", "mirror")
    assert (mirror.count, mirror.target, mirror.each, mirror.to_quantity()) == (2, "sink", True, "exact")
    assert next(o for o in spec.objects if o.category == "towel").count == 4


@pytest.mark.parametrize("prompt", ["a waiting room with nine chairs, arranged in three groups of three",
                                    "a nursery with one of everything a baby needs",
                                    "an office for a team of four"])
def test_words_about_arrangement_or_people_make_no_object(prompt):
    kinds = [o.category for o in parse_prompt(prompt).objects]
    assert not {"group", "need", "team", "everything"} & set(kinds), kinds
