"""The command line as a user runs it: outputs, exit codes, one-line errors, atomicity, determinism."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest

from omni_generalist.world import list_objects, open_stage
from omni_generalist.world.model import room_info
from tests.conftest import EXAMPLE, immutable, run_cli, stderr_lines

pytestmark = pytest.mark.slow(seconds=320)  # its time in make test on a busy machine: started first

PROMPT = "A cozy bedroom"


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The example world generated once, as usda and usd."""
    base = tmp_path_factory.mktemp("built")
    for fmt in ("usda", "usd"):
        proc = run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(base / fmt), "--format", fmt,
                       "--seed", "5")
        assert proc.returncode == 0, proc.stderr.decode()
        assert proc.stdout.decode().strip() == str(base / fmt / f"world.{fmt}")
    return base


def test_generate_writes_the_world_folder(built):
    folder = built / "usda"
    assert sorted(p.name for p in folder.iterdir()) == ["actions.py", "preview.png", "report.json", "textures",
                                                        "world.usda"]
    assert all(p.suffix == ".png" for p in (folder / "textures").iterdir())  # the materials' own images
    stage = open_stage(folder)
    objs = list_objects(stage)
    cats = {o.category for o in objs}
    assert {"bed", "nightstand", "dresser", "wardrobe", "armchair", "rug"} <= cats
    report = json.loads((folder / "report.json").read_text())
    assert report["prompt"] == PROMPT and report["seed"] == 5 and report["actions"]["failed"] == 0
    assert report["layout"]["objects"] == len(objs)
    assert report["layout"]["overlaps"] == [] and report["layout"]["outside_room"] == []
    assert report["world"] == "world.usda"
    text = (folder / "actions.py").read_text()
    assert text.startswith("# omni_generalist action log") and "# %% action 3" in text


def test_replaying_actions_py_is_byte_identical(built, tmp_path):
    for fmt in ("usda", "usd"):
        out = tmp_path / f"replay_{fmt}"
        proc = run_cli("generate", "--actions", str(built / fmt / "actions.py"), "--out", str(out), "--format", fmt)
        assert proc.returncode == 0, proc.stderr.decode()
        assert (out / f"world.{fmt}").read_bytes() == (built / fmt / f"world.{fmt}").read_bytes()
        assert (out / "actions.py").read_bytes() == (built / fmt / "actions.py").read_bytes()


def test_same_inputs_same_bytes_across_processes(built, tmp_path):
    out = tmp_path / "again"
    proc = run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(out), "--format", "usd", "--seed", "5")
    assert proc.returncode == 0
    for name in ("world.usd", "actions.py"):
        assert (out / name).read_bytes() == (built / "usd" / name).read_bytes(), name
    a = json.loads((out / "report.json").read_text())
    b = json.loads((built / "usd" / "report.json").read_text())
    a.pop("timings")
    b.pop("timings")
    for r in a["actions"]["results"] + b["actions"]["results"]:
        r.pop("seconds")
    assert a == b


def test_other_seed_other_world(built, tmp_path):
    out = tmp_path / "seed9"
    assert run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(out), "--format", "usda",
                   "--seed", "9").returncode == 0
    assert (out / "world.usda").read_bytes() != (built / "usda" / "world.usda").read_bytes()


def _assert_bad_input(proc, words: str, out: Path | None = None):
    lines = stderr_lines(proc)
    assert proc.returncode == 2, (proc.returncode, lines)
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ") and words.lower() in lines[0].lower(), lines
    if out is not None:
        assert not (out.exists() and any(out.iterdir()))
        assert _leftovers(out.parent) == []


def test_bad_prompts(tmp_path):
    out = tmp_path / "w"
    _assert_bad_input(run_cli("generate", "   ", "--out", str(out)), "prompt is empty", out)
    _assert_bad_input(run_cli("generate", "", "--out", str(out)), "prompt is empty", out)
    big = ("a room with a chair " * 60000).encode()
    assert len(big) > 1_000_000
    _assert_bad_input(run_cli("generate", "-", "--out", str(out), input_bytes=big), "limit is", out)
    _assert_bad_input(run_cli("generate", "-", "--out", str(out), input_bytes=b"a room \xff\xfe"), "utf-8", out)
    proc = run_cli("generate", os.fsdecode(b"a bedroom \xff\xfe"), "--out", str(out))
    _assert_bad_input(proc, "utf-8", out)
    _assert_bad_input(run_cli("generate", "a room\x07", "--out", str(out)), "control characters", out)


def test_bad_output_paths(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    _assert_bad_input(run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(f)), "is a file")
    assert f.read_text() == "x"
    _assert_bad_input(run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", "/proc/omni_generalist/w"),
                      "cannot create")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    _assert_bad_input(run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(busy)), "not empty")
    assert (busy / "keep.txt").read_text() == "mine"


def test_unwritable_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    # root may write into a folder without write permission, not into an immutable one
    with immutable(ro) if os.geteuid() == 0 else contextlib.nullcontext():
        proc = run_cli("generate", PROMPT, "--actions", str(EXAMPLE), "--out", str(ro / "w"))
    _assert_bad_input(proc, "not writable")


def test_bad_worlds(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    _assert_bad_input(run_cli("info", str(empty)), "holds no world.usd")
    _assert_bad_input(run_cli("edit", str(empty), "--actions", str(EXAMPLE)), "holds no world.usd")
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "world.usd").write_bytes(b"PXR-USDC" + os.urandom(200))
    _assert_bad_input(run_cli("info", str(corrupt)), "cannot read")
    (corrupt / "world.usd").write_text("#usda 1.0\n(\n  this is not usd\n")
    _assert_bad_input(run_cli("info", str(corrupt)), "cannot read")
    _assert_bad_input(run_cli("info", str(tmp_path / "missing")), "no such world")


def test_bad_action_files_leave_nothing(tmp_path):
    out = tmp_path / "w"
    _assert_bad_input(run_cli("generate", "--actions", str(tmp_path / "none.py"), "--out", str(out)), "not found", out)
    bad = tmp_path / "bad.py"
    bad.write_text("# %% action 0\ncreate_room(4, 4)\n# %% action 1\nadd_object('bed', on='nothing')\n")
    _assert_bad_input(run_cli("generate", "x", "--actions", str(bad), "--out", str(out)), "action 1", out)
    evil = tmp_path / "evil.py"
    evil.write_text("import os\nos.system('touch /tmp/omni_generalist_evil')\n")
    _assert_bad_input(run_cli("generate", "x", "--actions", str(evil), "--out", str(out)), "import of 'os'", out)
    assert not Path("/tmp/omni_generalist_evil").exists()
    binary = tmp_path / "bin.py"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    _assert_bad_input(run_cli("generate", "x", "--actions", str(binary), "--out", str(out)), "not utf-8", out)


def test_usage_errors_are_one_line(tmp_path):
    _assert_bad_input(run_cli("generate", "x", "--bogus"), "no such option")
    _assert_bad_input(run_cli("generate", "x", "--seed", "abc"), "seed")
    _assert_bad_input(run_cli("generate", "x", "--format", "obj", "--actions", str(EXAMPLE),
                              "--out", str(tmp_path / "w")), "unknown format")
    _assert_bad_input(run_cli("generate", "x", "--set", "sandbox.nope=1", "--actions", str(EXAMPLE)), "unknown setting")
    _assert_bad_input(run_cli("generate", "a kitchen", "--policy", "magic", "--out", str(tmp_path / "w")), "unknown policy")


def test_edit_appends_actions_and_replays(built, tmp_path):
    import shutil

    world = tmp_path / "edited"
    shutil.copytree(built / "usda", world)
    extra = tmp_path / "extra.py"
    extra.write_text("add_object('floor lamp', corner='north-west')\nset_material('walls', 'pale blue paint')\n")
    proc = run_cli("edit", str(world), "--actions", str(extra))
    assert proc.returncode == 0, proc.stderr.decode()
    stage = open_stage(world)
    assert any(o.category == "floor lamp" for o in list_objects(stage))
    assert room_info(stage).wall_material == "pale blue paint"
    out = tmp_path / "replayed"
    assert run_cli("generate", "--actions", str(world / "actions.py"), "--out", str(out),
                   "--format", "usda").returncode == 0
    assert (out / "world.usda").read_bytes() == (world / "world.usda").read_bytes()
    # a failing edit leaves the world as it was
    before = (world / "world.usda").read_bytes()
    bad = tmp_path / "bad.py"
    bad.write_text("add_object('bed', on='nothing')\n")
    _assert_bad_input(run_cli("edit", str(world), "--actions", str(bad)), "failed")
    assert (world / "world.usda").read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_info_api_and_version(built):
    proc = run_cli("info", str(built / "usd"), "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["provenance"]["prompt"] == PROMPT and any(o["category"] == "bed" for o in data["objects"])
    proc = run_cli("api")
    assert proc.returncode == 0 and "add_object(category" in proc.stdout.decode()
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("omni-generalist ")


def test_generate_from_a_prompt_with_the_default_policy(tmp_path):
    out = tmp_path / "kitchen"
    proc = run_cli("generate", "a kitchen with a fridge and a kettle on the counter", "--out", str(out), "--seed", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads((out / "report.json").read_text())
    assert report["policy"] == "procedural" and report["plan"]["room_type"] == "kitchen"
    assert {"fridge", "kettle"} <= set(report["layout"]["categories"])
    _assert_bad_input(run_cli("generate", "a kitchen", "--policy", "hf:/nonexistent/model", "--out",
                              str(tmp_path / "w")), "model folder /nonexistent/model does not exist")
