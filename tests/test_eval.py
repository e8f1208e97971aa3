"""``omni-generalist eval``: a prompt suite generated through the batch runner and scored."""

from __future__ import annotations

import json

import pytest

from omni_generalist.errors import InputError
from omni_generalist.evaluate import read_suite, run_eval

from .conftest import run_cli

SUITE = [
    {"id": "kitchen", "prompt": "A kitchen with a fridge that can be opened and a kettle on the counter",
     "require": [{"any": ["fridge"], "min": 1, "articulated": True},
                 {"any": ["kettle"], "min": 1, "on": ["counter", "kitchen counter", "kitchen island"]}]},
    # asks for a harp the prompt never mentions: an unmet requirement the score must show
    {"id": "bedroom", "prompt": "A bedroom with a bed and two nightstands",
     "require": [{"any": ["bed"], "min": 1}, {"any": ["nightstand"], "min": 2}, {"any": ["harp"], "min": 1}]},
]


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eval")
    suite = folder / "suite.jsonl"
    suite.write_text("\n".join(json.dumps(e) for e in SUITE) + "\n")
    summary = run_eval(suite, folder / "out", seeds=(0,), workers=1)
    return suite, folder / "out", summary


def test_every_world_is_scored(evaluated):
    _, out, summary = evaluated
    rows = {r["id"]: r for r in summary.rows}
    assert set(rows) == {"kitchen", "bedroom"} and all(r["status"] == "ok" for r in rows.values())
    assert rows["kitchen"]["alignment"] == 1.0 and rows["kitchen"]["unmet"] == []
    assert rows["bedroom"]["alignment"] == pytest.approx(2 / 3, abs=1e-3)
    assert rows["bedroom"]["unmet"] == ["require harp: 0 of 1"]
    for r in rows.values():
        assert r["physics_ok"] is True and r["stability"] >= 0.999 and r["movable"] > 0
        assert (out / r["world"]).is_file() and r["seconds"] > 0
    t = summary.totals
    assert t["worlds"] == 2 and t["failed"] == 0 and t["fully_aligned"] == 0.5
    assert t["alignment"] == pytest.approx((1.0 + 2 / 3) / 2, abs=1e-3)
    assert t["problems_after_repair"] == {} and t["physics_valid"] == 1.0
    assert json.loads((out / "eval.json").read_text())["totals"] == t
    assert "alignment" in summary.table() and "0.833" in summary.table()


def test_running_again_resumes(evaluated):
    suite, out, first = evaluated
    manifest = (out / "manifest.jsonl").read_text()
    again = run_eval(suite, out, seeds=(0,), workers=1)
    assert (out / "manifest.jsonl").read_text() == manifest  # nothing was generated again
    assert again.rows == first.rows


def test_bad_suites(tmp_path):
    txt = tmp_path / "suite.txt"
    txt.write_text("a kitchen\n")
    with pytest.raises(InputError, match="a suite is a .jsonl file"):
        read_suite(txt)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "a kitchen"}\n{"require": []}\n')
    with pytest.raises(InputError, match="bad.jsonl:2: each line needs a non-empty"):
        read_suite(bad)
    (tmp_path / "empty.jsonl").write_text("\n# nothing\n")
    with pytest.raises(InputError, match="holds no prompt"):
        read_suite(tmp_path / "empty.jsonl")


def test_cli(evaluated, tmp_path):
    suite, out, _ = evaluated
    proc = run_cli("eval", str(suite), "--out", str(out), "--seeds", "0", "--workers", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode()
    assert "alignment" in text and str(out / "eval.json") in text
    assert "bedroom seed 0: alignment 0.67, unmet: require harp: 0 of 1" in proc.stderr.decode()
    proc = run_cli("eval", str(suite), "--out", str(tmp_path / "x"), "--seeds", "a,b")
    assert proc.returncode == 2 and b"--seeds must be whole numbers" in proc.stderr
