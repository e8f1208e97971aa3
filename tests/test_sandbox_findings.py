"""Regression tests for the sandbox campaign's findings (issue 14, findings 1-12): each failed before
the fix. Canary files and folders are made per test (``tmp_path``), never at fixed places."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from omni_generalist.actions import ActionLog, Sandbox, api_reference
from omni_generalist.config import SandboxConfig
from omni_generalist.errors import InputError
from omni_generalist.world.model import list_objects
from tests.conftest import FAST_LIMITS, ROOT, run_cli

pytestmark = pytest.mark.slow(seconds=230)  # its time in make test on a busy machine: started first

FALLBACK = SandboxConfig(timeout_s=1.5, memory_mb=512, max_output_chars=2000, confinement="fallback")
SECRET = "SECRET-7f3a"


def _canary(tmp_path: Path) -> tuple[Path, Path]:
    """A USD file holding a secret and an empty folder, both outside any world."""
    f = tmp_path / "canary.usda"
    f.write_text(f'#usda 1.0\n\ndef "X"\n{{\n    custom string secret = "{SECRET}"\n}}\n')
    d = tmp_path / "canary_dir"
    d.mkdir()
    return f, d


@pytest.fixture(scope="module", params=["auto", "fallback"])
def sb(request):
    cfg = FAST_LIMITS if request.param == "auto" else FALLBACK
    with Sandbox(seed=3, config=cfg) as sandbox:
        res = sandbox.run("create_room(5, 4, room_type='bedroom')\nadd_door('south')\n"
                          "t = add_object('table', center=True)\nadd_object('chair', around=t)")
        assert res.ok, res.error
        yield sandbox


def _unchanged(sandbox: Sandbox, before: str) -> None:
    assert sandbox.layer.ExportToString() == before
    reply = sandbox._call({"op": "export"}, 30) if sandbox._ensure_worker() else None
    assert reply["text"] == before


# ---------------------------------------------------------------- 1: files created or truncated
def test_f1_layer_new_and_save_session_layers_touch_no_file(sb, tmp_path):
    world = tmp_path / "world.usd"
    world.write_bytes(b"the world")
    canary, cdir = _canary(tmp_path)
    before = sb.layer.ExportToString()
    res = sb.run("s = Usd.Stage.CreateInMemory()\n"
                 f"l = Sdf.Layer.New(Sdf.FileFormat.FindById('usd'), {str(world)!r})\n"
                 f"l2 = Sdf.Layer.New(Sdf.FileFormat.FindById('usd'), {str(cdir / 'sub' / 'x.usd')!r})\n"
                 "s.GetSessionLayer().subLayerPaths.append(l.identifier)\ns.SaveSessionLayers()")
    assert not res.ok and res.error_kind == "SandboxViolation" and "Layer.New" in res.error
    res = sb.run("s = Usd.Stage.CreateInMemory()\ns.SaveSessionLayers()")
    assert not res.ok and "SaveSessionLayers" in res.error
    assert world.read_bytes() == b"the world"
    assert list(cdir.iterdir()) == []
    _unchanged(sb, before)


def test_f1_os_confinement_blocks_file_changes(sb, tmp_path):
    """Below the pxr refusals, the kernel refuses: nothing can be created, truncated or made."""
    canary, cdir = _canary(tmp_path)
    sb._ensure_worker()
    probe = lambda what, path: sb._call({"op": "probe", "what": what, "path": str(path)}, 30)["result"]  # noqa: E731
    assert probe("create", canary) == "PermissionError"
    assert probe("create", cdir / "new.txt") == "PermissionError"
    assert probe("mkdir", cdir / "sub") == "PermissionError"
    assert probe("spawn", "/bin/true") == "PermissionError"
    assert probe("socket", "") == "PermissionError"
    if sb.confinement["level"] == "landlock+seccomp":
        assert probe("read", canary) == "PermissionError"
        assert probe("list", tmp_path) == "PermissionError"
        assert probe("read", Path(sys.prefix) / "pyvenv.cfg") in ("ok", "FileNotFoundError")
        assert probe("read", ROOT / "pyproject.toml") == "PermissionError"  # the checkout beyond the package
        assert probe("read", ROOT / "omni_generalist" / "__init__.py") == "ok"
    else:
        assert sb.confinement["level"] == "seccomp"
    assert canary.read_text().count(SECRET) == 1 and list(cdir.iterdir()) == []


# ---------------------------------------------------------------- 2: files read anywhere
def test_f2_references_and_layer_find_cannot_read_files(sb, tmp_path):
    canary, _ = _canary(tmp_path)
    before = sb.layer.ExportToString()
    res = sb.run(f"p = stage.DefinePrim('/World/Objects/leak')\np.GetReferences().AddReference({str(canary)!r}, '/X')\n"
                 "print(p.GetAttribute('secret').Get())")
    assert not res.ok and "outside the allowed asset roots" in res.error and SECRET not in res.output
    res = sb.run(f"print(Sdf.Layer.Find({str(canary)!r}).ExportToString())")
    assert not res.ok and "Layer.Find" in res.error
    res = sb.run(f"p = stage.DefinePrim('/World/Objects/leak')\np.GetPayloads().AddPayload(Sdf.Payload({str(canary)!r}))")
    assert not res.ok and "outside the allowed asset roots" in res.error
    _unchanged(sb, before)


def test_f2_composition_behind_pythons_back_reads_nothing_and_leaves_no_reference(sb, tmp_path):
    canary, _ = _canary(tmp_path)
    before = sb.layer.ExportToString()
    res = sb.run("p = stage.DefinePrim('/World/Objects/leak')\n"
                 f"p.SetMetadata('references', Sdf.ReferenceListOp.Create(prependedItems=[Sdf.Reference({str(canary)!r}, '/X')]))\n"
                 "print(p.GetAttribute('secret').Get())")
    assert not res.ok and "outside the allowed asset roots" in res.error
    if sb.confinement["level"] == "landlock+seccomp":
        assert SECRET not in res.output  # the kernel refused the read; the fallback only refuses the edit
    _unchanged(sb, before)
    assert str(canary) not in sb.layer.ExportToString()


# ---------------------------------------------------------------- 3: metadata forged
@pytest.mark.parametrize("code, key", [
    ("UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)", "upAxis"),
    ("UsdGeom.SetStageMetersPerUnit(stage, 0.01)", "metersPerUnit"),
    ("stage.GetSessionLayer().defaultPrim = 'Nowhere'", "defaultPrim"),
    ("stage.GetSessionLayer().customLayerData = {'generalist': {'prompt': 'a lie', 'seed': 9}}", "customLayerData"),
    ("stage.SetMetadata('comment', 'x')", "comment"),
])
def test_f3_world_metadata_cannot_be_forged(sb, code, key):
    before = sb.layer.ExportToString()
    res = sb.run(code)
    assert not res.ok and res.error_kind == "SandboxViolation" and key in res.error
    _unchanged(sb, before)


def test_f3_provenance_is_written_by_the_executor():
    with Sandbox(seed=5, config=FAST_LIMITS, provenance={"prompt": "a room", "policy": "test"}) as s:
        prov = dict(s.layer.customLayerData["generalist"])
        assert prov["prompt"] == "a room" and prov["seed"] == 5 and prov["policy"] == "test"
        assert s.run("create_room(4, 4)").ok
        assert dict(s.layer.customLayerData["generalist"]) == prov


# ---------------------------------------------------------------- 4: the parent exhausted through the layer
def test_f4_large_arrays_are_refused_in_the_worker(sb):
    before = sb.layer.ExportToString()
    res = sb.run("p = stage.DefinePrim('/World/Objects/big')\na = Vt.FloatArray(5000000)\n"
                 "for i in range(20):\n    p.CreateAttribute('a%d' % i, Sdf.ValueTypeNames.FloatArray).Set(a)")
    assert not res.ok and res.error_kind == "SandboxViolation" and "elements" in res.error
    _unchanged(sb, before)


def test_f4_prim_count_and_edit_size_limits():
    cfg = SandboxConfig(timeout_s=5, memory_mb=512, max_prims=200, max_edit_chars=20_000)
    with Sandbox(seed=1, config=cfg) as s:
        res = s.run("for i in range(300):\n    stage.DefinePrim('/World/Objects/many/p%d' % i)")
        assert not res.ok and res.error_kind == "SandboxViolation" and "200 prims" in res.error
        res = s.run("p = stage.DefinePrim('/World/Objects/doc')\np.SetDocumentation('x' * 50000)")
        assert not res.ok and "characters" in res.error
        assert s.run("stage.DefinePrim('/World/Objects/few')").ok


# ---------------------------------------------------------------- 5: executor internals
@pytest.mark.parametrize("hook", ["begin_action(rng)", "commit_quietly(print)", "rollback_quietly(print)"])
def test_f5_executor_internals_are_not_callable(sb, hook):
    from omni_generalist.generate import layout_checks

    res = sb.run(hook + "\nraise ValueError('fail after the hook')")
    assert not res.ok and res.error_kind == "NameError"
    res = sb.run("add_object('armchair')")  # the worker's object cache must still be in step
    assert res.ok, res.error
    assert layout_checks(sb.layer)["overlaps"] == [], list_objects(sb.stage)


def test_f5_api_reference_lists_only_actions():
    ref = api_reference()
    for word in ("begin_action", "commit_quietly", "rollback_quietly", "_cache"):
        assert word not in ref
    assert "add_object(" in ref and "create_room(" in ref


# ---------------------------------------------------------------- 6: the log splits on a marker
def test_f6_log_marker_inside_an_action_is_refused(sb):
    n = len(sb.log.actions)
    res = sb.run("x = 1\n# %% action 7\nundefined_name")
    assert not res.ok and res.error_kind == "SandboxViolation" and "cell marker" in res.error and res.error_line == 2
    assert len(sb.log.actions) == n
    assert ActionLog.from_text(sb.log.to_text()).actions == sb.log.actions


def test_f6_action_file_of_only_a_marker_is_refused(tmp_path):
    f = tmp_path / "a.py"
    f.write_text("# %% action 0\n")
    with pytest.raises(InputError, match="holds no actions"):
        ActionLog.read(f)


# ---------------------------------------------------------------- 7: non-finite numbers
@pytest.mark.parametrize("code", [
    "create_room(5, 4, height=float('-inf'))",
    "create_room(float('nan'), 4)",
    "create_room(polygon=[(0, 0), (4, 0), (4, float('inf')), (0, 4)])",
    "add_object('chair', position=(float('nan'), 0))",
    "add_object('chair', size=(0.5, float('inf'), 0.9))",
    "add_object('painting', on_wall='north', height=float('-inf'))",
    "add_object('chair', rotation=float('nan'))",
    "add_light(position=(0, 0, float('inf')))",
    "add_light(intensity=float('nan'))",
    "rotate_object('table_0', float('inf'))",
    "move_object('table_0', by=(float('nan'), 0))",
    "open_object('table_0', float('nan'))",
])
def test_f7_non_finite_numbers_are_clear_input_errors(sb, code):
    before = sb.layer.ExportToString()
    res = sb.run(code)
    assert not res.ok and res.error_kind == "ValueError" and "finite" in res.error, res.error
    _unchanged(sb, before)


# ---------------------------------------------------------------- 8, 9, 10: through the command line
def _gen(tmp_path: Path, name: str, code: str) -> tuple[subprocess.CompletedProcess, Path]:
    src = tmp_path / f"{name}.py"
    src.write_text(code)
    out = tmp_path / name
    return run_cli("generate", "--actions", str(src), "--out", str(out), "--no-preview", "--format", "usda"), out


def test_f8_room_without_door_and_raw_define_prim_build(tmp_path):
    proc, out = _gen(tmp_path, "nodoor", "create_room(5, 4)\nadd_object('bed')\n")
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads((out / "report.json").read_text())
    assert report["physics"]["reachability"] is None
    from omni_generalist.actions.confine import LEVELS, landlock_abi

    assert report["sandbox"]["confinement"] == ("landlock+seccomp" if landlock_abi() else "seccomp")
    assert report["sandbox"]["confinement"] in LEVELS and report["sandbox"]["asset_roots_used"] == []
    proc, out = _gen(tmp_path, "raw", "create_room(5, 4)\nstage.DefinePrim('/World/Objects/probe', 'Xform')\n")
    assert proc.returncode == 0, proc.stderr.decode()
    src = tmp_path / "raw.py"
    proc = run_cli("generate", "--actions", str(src), "--out", str(tmp_path / "fb"), "--no-preview",
                   "--set", "sandbox.confinement=fallback")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads((tmp_path / "fb" / "report.json").read_text())["sandbox"]["confinement"] == "seccomp"


@pytest.fixture(scope="module")
def small_world(tmp_path_factory):
    base = tmp_path_factory.mktemp("w")
    proc, out = _gen(base, "world", "create_room(5, 4, room_type='office')\nadd_door('south')\n"
                     "add_object('desk', against_wall='north')\n")
    assert proc.returncode == 0, proc.stderr.decode()
    return out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("argv", [
    ["render", "{w}", "--out", "{w}", "--force"],
    ["render", "{w}", "--out", "{w}/renders", "--force"],
    ["render", "{w}", "--out", "{p}", "--force"],
    ["dataset", "{w}", "--out", "{w}", "--force", "--frames", "1"],
    ["randomize", "{w}", "--out", "{w}", "--force", "-n", "1"],
    ["generate", "--actions", "{w}/actions.py", "--out", "{w}", "--force"],
    ["edit", "{w}", "--actions", "{w}/actions.py"],
])
def test_f9_output_overlapping_input_is_refused(small_world, tmp_path, argv):
    import shutil

    world = tmp_path / "parent" / "world"  # a copy per case: a case that deleted it must not hide the next
    shutil.copytree(small_world, world)
    (tmp_path / "parent" / "keep.txt").write_text("a file beside the world")
    before = _snapshot(world)
    dirs = sorted(p.name for p in world.iterdir() if p.is_dir())  # its textures/
    proc = run_cli(*[a.format(w=world, p=world.parent) for a in argv])
    assert proc.returncode == 2, proc.stderr.decode()
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    assert _snapshot(world) == before
    assert (tmp_path / "parent" / "keep.txt").read_text() == "a file beside the world"
    assert sorted(p.name for p in world.iterdir() if p.is_dir()) == dirs  # no renders/ or variants/ in it


def test_f10_concurrent_edits_both_survive(small_world, tmp_path):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("add_object('bookcase', against_wall='west')\n")
    b.write_text("add_object('plant', corner=True)\n")
    env = {k: v for k, v in os.environ.items() if k != "OMNI_GENERALIST_DEBUG"}
    procs = [subprocess.Popen([sys.executable, "-m", "omni_generalist", "edit", str(small_world), "--actions", str(f),
                               "--set", "generator.preview=false"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in (a, b)]
    for p in procs:
        p.wait(300)
        assert p.returncode == 0, p.stderr.read().decode()
    from omni_generalist.world import open_stage

    cats = {o.category for o in list_objects(open_stage(small_world))}
    assert {"bookcase", "plant"} <= cats
    log = ActionLog.read(small_world / "actions.py")
    assert sum("bookcase" in c for c in log.actions) == 1 and sum("plant" in c for c in log.actions) == 1


def test_f10_lock_timeout_is_a_clear_error(small_world, tmp_path):
    from omni_generalist.io import folder_lock

    f = tmp_path / "c.py"
    f.write_text("add_object('lamp')\n")
    with folder_lock(small_world, 5):
        proc = run_cli("edit", str(small_world), "--actions", str(f), "--set", "generator.lock_timeout_s=0.2")
    assert proc.returncode == 2 and "being edited" in proc.stderr.decode()


# ---------------------------------------------------------------- 11: a crash inside the swap
def test_f11_crash_between_the_renames_is_recovered(tmp_path, monkeypatch):
    from omni_generalist import io
    from omni_generalist.world.stage import find_world_file

    world = tmp_path / "w"
    world.mkdir()
    (world / "world.usda").write_text("old")
    calls = []
    real = os.rename

    def crash_on_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed")  # the process dies between the two renames
        real(src, dst)

    monkeypatch.setattr(io.os, "rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt), io.atomic_dir(world, force=True) as tmp:
        (tmp / "world.usda").write_text("new")
    monkeypatch.setattr(io.os, "rename", real)
    assert not world.exists() and io.backup_path(world).is_dir()
    assert find_world_file(world) == world / "world.usda"  # the next run restores the old folder
    assert (world / "world.usda").read_text() == "old" and not io.backup_path(world).exists()
    # a crash after the second rename: the new folder is whole, the backup is dropped
    with io.atomic_dir(world, force=True) as tmp:
        (tmp / "world.usda").write_text("new")
    assert (world / "world.usda").read_text() == "new"
    io.backup_path(world).mkdir()
    io.recover_swap(world)
    assert not io.backup_path(world).exists() and (world / "world.usda").read_text() == "new"


def test_world_folder_writes_the_report_once_and_last(tmp_path):
    """WorldFolder.write_world is the one writer of report.json: the preview (which adds to the
    report) runs before it, so the report on disk holds what the preview added."""
    from omni_generalist.world.folder import WorldFolder
    from omni_generalist.world.stage import new_stage

    seen = []

    def preview(dest):
        seen.append(sorted(p.name for p in dest.iterdir()))
        (dest / "preview.png").write_bytes(b"png")
        report["timings"]["preview_s"] = 0.5

    report = {"prompt": "p", "timings": {"build_s": 1.0}}
    world = WorldFolder.write_world(tmp_path, new_stage().GetRootLayer(), "usda", "# log\n", report, preview=preview)
    assert world == tmp_path / "world.usda"
    assert seen == [["actions.py", "world.usda"]]  # no report yet when the preview runs
    on_disk = json.loads((tmp_path / "report.json").read_text())
    assert on_disk == report and on_disk["timings"]["preview_s"] == 0.5 and "write_s" in on_disk["timings"]


# ---------------------------------------------------------------- 12: replace_object
def test_f12_replacement_is_placed_by_its_own_rules():
    from omni_generalist.generate import layout_checks

    with Sandbox(seed=4, config=FAST_LIMITS) as s:
        assert s.run("create_room(5, 4, room_type='dining room')\nadd_door('south')\n"
                     "t = add_object('table', center=True)\nfor i in range(4):\n    add_object('chair', around=t)\n"
                     "add_object('mug', on=t)").ok
        res = s.run("print(replace_object('mug_0', 'wardrobe'))")
        assert res.ok, res.error
        new = s.stage.GetPrimAtPath(f"/World/Objects/dining_room/{res.output.strip()}")
        from omni_generalist.world.model import object_info

        info = object_info(new)
        assert info.support == "/World/Rooms/dining_room/Floor", info.support
        checks = layout_checks(s.layer)
        assert checks["overlaps"] == [] and checks["outside_room"] == []
        # like for like stays on the same table
        res = s.run("m = add_object('mug', on='table_0')\nprint(replace_object(m, 'bowl'))")
        assert res.ok, res.error
        bowl = object_info(s.stage.GetPrimAtPath(f"/World/Objects/dining_room/{res.output.strip()}"))
        assert bowl.support == "/World/Objects/dining_room/table_0"


# ---------------------------------------------------------------- allowed asset roots
@pytest.mark.parametrize("mode", ["auto", "fallback"])
def test_assets_under_allowed_roots_can_be_referenced(tmp_path, mode):
    lib = tmp_path / "library"
    lib.mkdir()
    (lib / "crate.usda").write_text('#usda 1.0\n(\n    defaultPrim = "Crate"\n)\n\ndef Cube "Crate"\n{\n'
                                    '    double size = 0.5\n}\n')
    canary, _ = _canary(tmp_path)
    cfg = SandboxConfig(timeout_s=5, memory_mb=512, asset_roots=(str(lib),), confinement=mode)
    with Sandbox(seed=1, config=cfg) as s:
        res = s.run(f"p = stage.DefinePrim('/World/Objects/crate')\np.GetReferences().AddReference({str(lib / 'crate.usda')!r})\n"
                    "print(p.GetAttribute('size').Get())")
        assert res.ok, res.error
        assert res.output.strip() == "0.5"  # the worker could read the asset
        assert str(lib / "crate.usda") in s.layer.ExportToString()
        # (asset libraries registered in the user's cache are allowed roots too)
        assert s.asset_roots[0] == str(lib.resolve())
        res = s.run(f"p = stage.DefinePrim('/World/Objects/x')\np.GetReferences().AddReference({str(canary)!r})")
        assert not res.ok and "outside the allowed asset roots" in res.error
        if mode == "auto":  # report.json lists the allowed roots and those the world takes assets from
            from omni_generalist.generate import world_report

            other = tmp_path / "unused_library"
            other.mkdir()
            s.config = SandboxConfig(timeout_s=5, memory_mb=512, asset_roots=(str(lib), str(other)))
            rep = world_report(s, s.results, None, "usda", prompt="", seed=1, policy="t", timings={})["sandbox"]
            assert rep["asset_roots"][:2] == [str(lib.resolve()), str(other.resolve())]
            assert rep["asset_roots_used"] == [str(lib.resolve())]
