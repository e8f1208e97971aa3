"""One home per category family: the catalogue read from ``assets/families/*/objects.toml``, the generator
registry (unique ids, every entry's generator exists), variants, roles read from the data."""

from __future__ import annotations

import dataclasses
import random
import shutil
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from pxr import UsdGeom

from omni_generalist.assets.builders import _GENERATORS, build_asset, generator, generator_for, registered
from omni_generalist.assets.catalog import Category, catalog, families_root, load_catalog
from omni_generalist.world import new_stage

FAMILIES = Path(str(families_root()))


def test_every_family_folder_has_its_toml_and_every_entry_a_known_generator():
    gens = set(registered())
    fams = catalog().families()
    for folder in FAMILIES.iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            assert (folder / "objects.toml").is_file(), folder
            assert folder.name in fams, f"{folder.name} has no category"
    for name, cat in catalog().categories.items():
        assert cat.generator in gens, (name, cat.generator)
        assert (FAMILIES / cat.family / "objects.toml").is_file()


def test_generator_modules_stay_small():
    for py in FAMILIES.rglob("*.py"):
        assert len(py.read_text().splitlines()) <= 500, py


def test_registering_a_generator_id_twice_raises():
    key = "test_only_generator"

    def one(w, size, cat):
        pass

    def two(w, size, cat):
        pass

    try:
        generator(key)(one)
        generator(key)(one)  # the same function again is harmless (a module imported twice)
        with pytest.raises(ValueError, match="registered twice"):
            generator(key)(two)
    finally:
        _GENERATORS.pop(key, None)
    with pytest.raises(ValueError, match="registered twice"):
        generator("table")(two)


def _family_copy(tmp_path: Path) -> Path:
    root = tmp_path / "families"
    shutil.copytree(FAMILIES, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def test_a_category_defined_twice_or_a_shared_synonym_is_refused(tmp_path):
    root = _family_copy(tmp_path)
    (root / "aaa_extra").mkdir()
    (root / "aaa_extra" / "objects.toml").write_text('["sofa"]\ngenerator = "sofa"\n')
    with pytest.raises(ValueError, match="'sofa' is already defined in families/aaa_extra"):
        load_catalog(root)
    (root / "aaa_extra" / "objects.toml").write_text('["lounge sofa"]\ngenerator = "sofa"\nsynonyms = ["couch"]\n')
    with pytest.raises(ValueError, match="synonym 'couch'"):
        load_catalog(root)
    (root / "aaa_extra" / "objects.toml").write_text('["lounge sofa"]\nsynonyms = ["couch2"]\n')
    with pytest.raises(ValueError, match="names no generator"):
        load_catalog(root)


def test_adding_a_category_is_one_toml_entry(tmp_path):
    """A new entry reusing a generator with a variant builds that variant; an unknown generator is refused."""
    root = _family_copy(tmp_path)
    with open(root / "beds" / "objects.toml", "a") as fh:
        fh.write('\n["mid sleeper"]\ngenerator = "bed"\nvariant = "bunk bed"\nsize = [[0.9, 1.9, 1.6], [1.4, 2.1, 1.9]]\n'
                 'tags = ["furniture", "bed"]\nparams = {rungs = 4}\n')
    cat = load_catalog(root).get("mid sleeper")
    assert (cat.family, cat.generator, cat.variant, cat.param("rungs"), cat.param("none", 7)) == \
        ("beds", "bed", "bunk bed", 4, 7)

    def parts(c: Category) -> list[str]:
        stage = new_stage()
        UsdGeom.Xform.Define(stage, "/World/x")
        built = build_asset(stage, "/World/x", c, (1.0, 2.0, 1.7), random.Random(5))
        return [p.rsplit("/", 1)[1] for p in built.parts]

    assert parts(cat) == parts(catalog().get("bunk bed"))
    assert parts(cat) != parts(catalog().get("bed"))
    with pytest.raises(ValueError, match="no generator 'nope'"):
        generator_for(dataclasses.replace(cat, generator="nope"))


def test_variant_defaults_to_the_name_and_hand_made_categories_get_the_catalogue_generator():
    assert catalog().get("wine glass").variant == "wine glass"
    hand = Category(name="couch", size_min=(2, 1, 1), size_max=(2, 1, 1))
    assert generator_for(hand) is generator_for(catalog().get("sofa"))
    assert generator_for(Category(name="no such thing", size_min=(1, 1, 1), size_max=(1, 1, 1))).__name__ == "block"


def test_roles_come_from_the_data():
    cat = catalog()
    assert cat.has_role("dining chair", "seating") and cat.has_role("chairs", "seating")
    assert cat.has_role("sofa", "seating") and not cat.has_role("table", "seating")
    assert cat.has_role("coffee table", "table") and cat.has_role("desk lamp", "lighting")
    assert cat.has_role("chandelier", "room_light") and not cat.has_role("candle", "room_light")
    assert cat.has_role("bookcase", "holds_small_things") and cat.has_role("bowl", "holds_small_things")
    assert not cat.has_role("apple", "holds_small_things")
    assert {"seating"} <= cat.roles("bar stool") and cat.roles("no such thing") == frozenset()
    assert "bar stool" in cat.with_role("seating") and "floor lamp" in cat.with_role("room_light")
    with pytest.raises(KeyError, match="unknown role"):
        cat.has_role("sofa", "sitting")
    # every role is played by something, and a role's members are exactly what its tags/flags say
    for role, spec in cat.role_defs.items():
        members = cat.with_role(role)
        assert members, role
        for name in members:
            c = cat.categories[name]
            assert set(spec.tags) & set(c.tags) or any(getattr(c, f) for f in spec.flags), (role, name)


def test_the_families_are_package_data():
    """The TOMLs are read through importlib.resources and pyproject ships package TOMLs in the wheel."""
    assert resources.files("omni_generalist.assets").joinpath("families", "roles.toml").is_file()
    data = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert "*.toml" in data["tool"]["setuptools"]["package-data"]["*"]


def test_kind_of_makes_a_broader_category_and_must_name_one(tmp_path):
    """``kind_of`` adds broader categories the name does not say (a shelving unit is a shelf), and
    theirs in turn; one naming no category is refused."""
    cat = catalog()
    assert cat.hypernyms("shelving unit") == ["shelf"] and "shelf" in cat.hypernyms("bookcase")
    assert cat.hypernyms("kitchen counter") == ["counter"]  # the name's own tail, as before
    root = _family_copy(tmp_path)
    (root / "aaa_extra").mkdir()
    (root / "aaa_extra" / "objects.toml").write_text('["tall shelving unit"]\ngenerator = "shelf"\n')
    assert load_catalog(root).hypernyms("tall shelving unit") == ["shelving unit", "shelf"]
    (root / "aaa_extra" / "objects.toml").write_text('["gizmo rack"]\ngenerator = "shelf"\nkind_of = ["gizmo"]\n')
    with pytest.raises(ValueError, match="kind of 'gizmo'"):
        load_catalog(root)
