"""Labels from asset names (issue 12): the knowledge base and its embedding index alone, no table of
any collection's names. Names here come from several collections' conventions (YCB-style numbered
names, game-engine prefixes, camel case, run-together words)."""

from __future__ import annotations

import pytest

from omni_generalist.assets.library.names import clean_phrase, label_from_name, names_a_scene, split_words


def _cat(name: str, use_model: bool = False, size=None) -> str | None:
    got = label_from_name(name, "file name", use_model=use_model, size=size)
    return got.category if got else None


def test_tokenisation():
    assert split_words("SM_WineBottle02") == ["sm", "wine", "bottle"]
    assert split_words("USBCable") == ["usb", "cable"]
    assert clean_phrase("red_akita_black_bowl_textured") == "akita bowl"


@pytest.mark.parametrize(("name", "want"), [
    ("OfficeChair_01", "office chair"), ("SM_WineBottle", "wine bottle"), ("red_akita_black_bowl", "bowl"),
    ("006_mustard_bottle", "bottle"), ("025_mug", "mug"), ("TableLamp_A", "table lamp"),
    ("SM_Chair_Wood01", "chair"),          # the material after the head word is what it is made of
    ("KitchenCounterTop", "kitchen counter"), ("coffeemaker", "coffee maker"),  # run together: a knowledge-base name
    ("chefmate_8_frypan", "pan"),          # "fry pan" is a synonym of pan, written together
    ("coffee_table_seats", "coffee table"),  # a name of several words inside the phrase
])
def test_labels_from_names_of_other_collections(name, want):
    assert _cat(name) == want


def test_names_that_say_nothing_are_not_guessed():
    for nothing in ("textured", "mesh_0042", "a8f3", "model_final_v2", "geom_12_lod0"):
        assert label_from_name(nothing, "file name", use_model=False) is None


def test_scene_names():
    assert names_a_scene("kitchen_background") and names_a_scene("LivingRoom_02")
    assert names_a_scene("kitchen_background_pot")  # a piece of a background
    assert not names_a_scene("living_room_table") and not names_a_scene("bowl_drainer")


def test_meaning_is_not_taken_from_a_modifier_or_a_misfit_size():
    pytest.importorskip("sentence_transformers", reason="the ml extra (text embeddings)")
    # "juice" is nearest "juice bottle", "soup" nearest "soup pot": names of what holds them, so the
    # asset keeps its own words as a free label rather than becoming a bottle or a pot
    for name, free in (("orange_juice", "juice"), ("alphabet_soup", "alphabet soup")):
        got = label_from_name(name, "file name", use_model=True)
        assert got is not None and not got.known and got.category == free, got
    # a head word close to a category in meaning is kept when the object is of that category's size ...
    sofa = label_from_name("Sofa3Seat", "file name", use_model=True, size=(2.0, 0.9, 0.85))
    assert sofa is not None and sofa.known and sofa.category == "sofa" and sofa.confidence < 1.0
    # ... and not when it is a hundred times smaller
    small = label_from_name("Sofa3Seat", "file name", use_model=True, size=(0.02, 0.01, 0.01))
    assert small is None or small.category != "sofa"
