import dataclasses
import tomllib

import pytest

from omni_generalist.config import Settings, load_preset, load_settings
from omni_generalist.errors import InputError
from omni_generalist.paths import config_dir


def test_default_toml_mirrors_dataclass_defaults():
    data = tomllib.loads((config_dir() / "default.toml").read_text())
    defaults = Settings()
    for section in dataclasses.fields(Settings):
        values = data[section.name]
        obj = getattr(defaults, section.name)
        names = {f.name for f in dataclasses.fields(obj)}
        assert set(values) == names, section.name
        for key, value in values.items():
            expected = getattr(obj, key)
            assert (tuple(value) if isinstance(value, list) else value) == expected, f"{section.name}.{key}"


def test_overrides_are_typed():
    s = load_settings(overrides=["sandbox.timeout_s=3", "generator.format=usda", "generator.preview=false",
                                 "randomization.light_intensity_range=0.5,2"])
    assert s.sandbox.timeout_s == 3.0 and isinstance(s.sandbox.timeout_s, float)
    assert s.generator.format == "usda"
    assert s.generator.preview is False
    assert s.randomization.light_intensity_range == (0.5, 2.0)


@pytest.mark.parametrize("item, words", [
    ("sandbox.nope=1", "unknown setting sandbox.nope"),
    ("nosection.x=1", "unknown settings section"),
    ("sandbox.timeout_s=fast", "not a valid float"),
    ("generator.max_steps=2.5", "not a valid int"),
    ("justtext", "section.key=value"),
])
def test_bad_overrides_are_input_errors(item, words):
    with pytest.raises(InputError, match=words):
        load_settings(overrides=[item])


def test_user_config_file(tmp_path):
    f = tmp_path / "my.toml"
    f.write_text("[generator]\nmax_steps = 5\n[physics]\nhz = 120\n")
    s = load_settings(f)
    assert s.generator.max_steps == 5 and s.physics.hz == 120.0
    bad = tmp_path / "bad.toml"
    bad.write_text("[generator\n")
    with pytest.raises(InputError, match="not valid TOML"):
        load_settings(bad)
    with pytest.raises(InputError, match="not found"):
        load_settings(tmp_path / "missing.toml")


def test_presets_load_and_apply():
    for kind in ("generator", "physics", "randomization"):
        data = tomllib.loads((config_dir() / f"{kind}.toml").read_text())
        for name in data["presets"]:
            preset = load_preset(kind, name)
            s = Settings()
            for key in preset:
                assert hasattr(getattr(s, kind), key), f"{kind}.{name}.{key}"
    with pytest.raises(InputError, match="unknown physics preset"):
        load_preset("physics", "nope")
