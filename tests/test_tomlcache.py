"""read_toml: the parsed data, from the cache when the file's bytes are the same, never stale."""

from __future__ import annotations

import datetime
import tomllib

from omni_generalist.paths import data_dir
from omni_generalist.tomlcache import read_toml


def test_cached_data_equals_a_fresh_parse_and_follows_edits(tmp_path, monkeypatch):
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "cache"))
    src = data_dir() / "materials.toml"
    want = tomllib.loads(src.read_text(encoding="utf-8"))
    assert read_toml(src) == want
    assert len(list((tmp_path / "cache" / "toml").iterdir())) == 1
    first = read_toml(src)
    assert first == want and first is not read_toml(src)  # from the cache, a fresh object each time
    first.clear()
    assert read_toml(src) == want
    f = tmp_path / "a.toml"
    f.write_text("x = 1\n")
    assert read_toml(f) == {"x": 1}
    f.write_text("x = 2\n")  # same size, maybe the same mtime: the content decides
    assert read_toml(f) == {"x": 2}


def test_unusable_cache_folder_and_dates_only_cost_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(blocker))
    f = tmp_path / "d.toml"
    f.write_text("when = 2026-12-06\n")
    assert read_toml(f) == {"when": datetime.date(2026, 12, 6)}
    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "ok"))
    assert read_toml(f) == {"when": datetime.date(2026, 12, 6)}  # marshal cannot hold a date: parsed again
