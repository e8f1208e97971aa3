"""The prompt panel's view-model (omni_generalist.panel): inputs, jobs, buttons, stage application.

Everything the Kit panel does except drawing runs here on plain ``pxr`` stages: Generate and
Refine run the real policies in the real sandbox and write into an open stage through the
non-Kit applier; Validate, Randomize and Export use the CPU backends.
"""

from __future__ import annotations

import asyncio
import copy
import tomllib
from pathlib import Path

import pytest
from pxr import Sdf, Usd, UsdGeom, UsdPhysics

from omni_generalist.config import Settings, load_settings
from omni_generalist.errors import GeneralistError, InputError
from omni_generalist.panel import (
    GENERATED_CHILDREN,
    JobRunner,
    PanelDefaults,
    PanelViewModel,
    apply_world_layer,
    parse_count,
    parse_output_dir,
    parse_seed,
    policy_spec,
    snapshot_world,
)
from omni_generalist.panel.settings import MIRRORED, PANEL_ONLY, settings_from_extension
from omni_generalist.world.layout import object_prims
from omni_generalist.world.metadata import get_provenance
from omni_generalist.world.model import room_info
from omni_generalist.world.stage import new_stage

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "a small bedroom with a bed"


def fast_settings() -> Settings:
    """Default settings without the physics validation pass (physics is still authored)."""
    settings = load_settings()
    settings.generator.validate = False
    return settings


class StageHolder:
    """The 'open stage' of these tests: what the panel's stage provider returns."""

    def __init__(self, stage: Usd.Stage | None = None):
        self.stage = stage if stage is not None else Usd.Stage.CreateInMemory()

    def __call__(self) -> Usd.Stage | None:
        return self.stage


class FrameCounter:
    """A frame yield that counts how often the job handed control back to the event loop."""

    def __init__(self, on_frame=None):
        self.frames = 0
        self.on_frame = on_frame

    async def __call__(self) -> None:
        self.frames += 1
        if self.on_frame is not None:
            self.on_frame(self.frames)
        await asyncio.sleep(0)


def objects(stage: Usd.Stage) -> list[str]:
    return sorted(p.GetName() for p in object_prims(stage))


def object_path(stage: Usd.Stage, name: str) -> str:
    return next(str(p.GetPath()) for p in object_prims(stage) if p.GetName() == name)


def spec_text(layer: Sdf.Layer, path: str) -> str:
    tmp = Sdf.Layer.CreateAnonymous()
    Sdf.CopySpec(layer, Sdf.Path(path), tmp, Sdf.Path("/x"))
    return tmp.ExportToString()


@pytest.fixture(scope="module")
def vm():
    """One view-model (one sandbox worker) for the module; each test points it at its own stage."""
    model = PanelViewModel(StageHolder(), settings=fast_settings(), yield_frame=FrameCounter())
    yield model
    model.close()


@pytest.fixture(scope="module")
def generated(vm):
    """A stage with a world generated through the panel, and the view-model's log of it."""
    holder = StageHolder()
    vm.stage_provider = holder
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "1")
    vm.set_field("policy_kind", "procedural")
    outcome = asyncio.run(vm.generate())
    assert outcome.ok, outcome.error
    return holder.stage, outcome, list(vm.state.log)


def fresh(vm, stage: Usd.Stage | None = None) -> StageHolder:
    holder = StageHolder(stage)
    vm.stage_provider = holder
    vm.clear_log()
    return holder


def copy_of(stage: Usd.Stage) -> Usd.Stage:
    layer = Sdf.Layer.CreateAnonymous("copy.usda")
    layer.TransferContent(stage.GetRootLayer())
    return Usd.Stage.Open(layer)


# ---------------------------------------------------------------------------- input checks
@pytest.mark.parametrize("text,value", [("0", 0), (" 42 ", 42), (7, 7), ("9223372036854775807", 2**63 - 1)])
def test_seed_accepts_whole_numbers(text, value):
    assert parse_seed(text) == value


@pytest.mark.parametrize("text,words", [("", "empty"), ("1.5", "not a whole number"), ("abc", "not a whole number"),
                                        ("-1", "out of range"), (str(2**63), "out of range"), (True, "whole")])
def test_seed_rejects_what_is_not_a_seed(text, words):
    with pytest.raises(InputError, match=words):
        parse_seed(text)


def test_policy_spec_for_each_kind(tmp_path):
    model_dir = tmp_path / "my-model"
    model_dir.mkdir()
    actions = tmp_path / "a.py"
    actions.write_text("create_room(4, 4)\n")
    assert policy_spec("procedural", "ignored") == "procedural"
    assert policy_spec("local model", str(model_dir)) == f"hf:{model_dir}"
    assert policy_spec("endpoint", " http://localhost:8000/v1/ ") == "openai:http://localhost:8000/v1"
    assert policy_spec("endpoint", "https://api.example.com") == "openai:https://api.example.com"
    assert policy_spec("action file", str(actions)) == f"actions:{actions}"


@pytest.mark.parametrize("kind,value,words", [
    ("local model", "", "empty"),
    ("local model", "/no/such/model/dir", "does not exist"),
    ("endpoint", "", "empty"),
    ("endpoint", "localhost:8000/v1", "http:// or https://"),
    ("endpoint", "ftp://host/v1", "http:// or https://"),
    ("endpoint", "http://", "no host"),
    ("endpoint", "http://host:99999/v1", "port"),
    ("endpoint", "http://my host/v1", "spaces"),
    ("action file", "/no/such/file.py", "does not exist"),
    ("gpt", "", "unknown policy kind"),
])
def test_policy_spec_rejects_bad_choices(kind, value, words):
    with pytest.raises(InputError, match=words):
        policy_spec(kind, value)


def test_counts_and_output_folder(tmp_path):
    assert parse_count("12", "frames") == 12
    for bad, words in (("0", "between"), ("abc", "not a whole number"), ("2.5", "not a whole number")):
        with pytest.raises(InputError, match=words):
            parse_count(bad, "frames", 1, 100)
    assert parse_output_dir(str(tmp_path / "new")) == tmp_path / "new"
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        parse_output_dir(str(tmp_path / "file"))
    with pytest.raises(InputError, match="empty"):
        parse_output_dir("  ")


# ---------------------------------------------------------------------------- job runner
def test_job_runner_reports_progress_and_yields_frames():
    seen = []
    frames = FrameCounter()
    runner = JobRunner(frames, lambda m, f: seen.append((m, f)))

    async def job(ctx):
        total = 0
        for i in range(5):
            total += await ctx.run_blocking(lambda k: k * k, i)
            await ctx.progress(f"step {i}", (i + 1) / 5)
        return total

    outcome = asyncio.run(runner.run("squares", job))
    runner.close()
    assert outcome.ok and outcome.value == 30
    assert [f for _, f in seen] == [0.2, 0.4, 0.6, 0.8, 1.0]
    assert frames.frames >= 5 and not runner.busy


def test_job_runner_cancels_at_the_next_step():
    steps = []
    runner = JobRunner(FrameCounter(), threads=False)

    async def job(ctx):
        for i in range(100):
            steps.append(i)
            if i == 3:
                assert runner.cancel()
            await ctx.progress(f"step {i}")
        return "finished"

    outcome = asyncio.run(runner.run("long", job))
    assert outcome.status == "cancelled" and outcome.value is None
    assert steps == [0, 1, 2, 3]
    assert not runner.busy and runner.cancel() is False


def test_job_runner_turns_errors_into_one_line():
    runner = JobRunner(threads=False)

    async def bad_input(ctx):
        raise InputError("the prompt is empty")

    async def bug(ctx):
        return {}["missing"]

    first = asyncio.run(runner.run("a", bad_input))
    second = asyncio.run(runner.run("b", bug))
    assert (first.status, first.error) == ("error", "the prompt is empty")
    assert second.status == "error" and second.error.startswith("KeyError: 'missing'")
    assert "test_panel.py:" in second.error


def test_job_runner_runs_one_job_at_a_time():
    runner = JobRunner(threads=False)
    errors = []

    async def inner(ctx):
        try:
            await runner.run("second", inner)
        except RuntimeError as exc:
            errors.append(str(exc))

    asyncio.run(runner.run("first", inner))
    assert errors == ["cannot start second: first is running"]


# ---------------------------------------------------------------------------- bad input in the panel
@pytest.mark.parametrize("field,value,words", [
    ("prompt", "", "the prompt is empty"),
    ("prompt", "   \n ", "the prompt is empty"),
    ("prompt", "a room\x07with a bell", "control characters"),
    ("prompt", "x" * 9000, "the limit is"),
    ("seed", "seven", "not a whole number"),
    ("seed", "3.5", "not a whole number"),
])
def test_generate_rejects_bad_input_without_touching_the_stage(vm, field, value, words):
    holder = fresh(vm)
    vm.set_field("policy_kind", "procedural")
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "1")
    vm.set_field(field, value)
    outcome = asyncio.run(vm.generate())
    assert outcome.status == "error" and words in outcome.error
    assert vm.state.log[-1].level == "error" and words in vm.state.log[-1].message
    assert vm.state.status == "generate failed" and not vm.busy
    assert not holder.stage.GetPrimAtPath("/World")


@pytest.mark.parametrize("kind,value,words", [
    ("local model", "/no/such/model", "model path /no/such/model does not exist"),
    ("endpoint", "localhost:8000", "malformed endpoint URL"),
    ("endpoint", "http://127.0.0.1:9/v1", "cannot reach the model server at http://127.0.0.1:9/v1"),
])
def test_generate_reports_policy_problems(vm, kind, value, words):
    holder = fresh(vm)
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "0")
    vm.set_field("policy_kind", kind)
    vm.set_field("policy_value", value)
    outcome = asyncio.run(vm.generate())
    vm.set_field("policy_kind", "procedural")
    assert outcome.status == "error" and words in outcome.error
    assert "ERROR" in vm.log_text().splitlines()[-1]
    assert not holder.stage.GetPrimAtPath("/World")


def test_unknown_field_and_policy_kind_are_refused(vm):
    with pytest.raises(InputError, match="unknown panel field"):
        vm.set_field("colour", "red")
    with pytest.raises(InputError, match="unknown policy kind"):
        vm.set_field("policy_kind", "gpt")


def test_no_open_stage(vm):
    vm.stage_provider = lambda: None
    vm.set_field("prompt", PROMPT)
    outcome = asyncio.run(vm.generate())
    assert outcome.status == "error" and "no stage is open" in outcome.error


# ---------------------------------------------------------------------------- Generate
def test_generate_builds_the_world_in_the_open_stage(generated):
    stage, outcome, log = generated
    names = objects(stage)
    assert "bed_0" in names and len(names) == outcome.value["objects"]
    assert outcome.value["applied"]["added"] >= 4
    assert UsdGeom.GetStageUpAxis(stage) == "Z" and UsdGeom.GetStageMetersPerUnit(stage) == 1.0
    assert stage.GetRootLayer().defaultPrim == "World"
    prov = get_provenance(stage)
    assert prov["prompt"] == PROMPT and prov["seed"] == 1 and prov["policy"] == "procedural"
    # physics was authored (validation is off in these settings)
    bed = stage.GetPrimAtPath(object_path(stage, "bed_0"))
    assert bed.HasAPI(UsdPhysics.RigidBodyAPI) or any(p.HasAPI(UsdPhysics.CollisionAPI) for p in Usd.PrimRange(bed))
    text = [e.text() for e in log]
    assert any("[generate] started" in t for t in text) and any("[generate] done in" in t for t in text)
    assert any("policy procedural, seed 1" in t for t in text)


def test_generate_is_deterministic_and_replaces_only_generated_parts(vm, generated):
    stage, _, _ = generated
    holder = fresh(vm)
    robot = holder.stage.DefinePrim("/World/Robot", "Xform")
    robot.SetCustomDataByKey("mine", True)
    holder.stage.DefinePrim("/World/Objects/old_chair", "Xform")
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "1")
    assert asyncio.run(vm.generate()).ok
    assert objects(holder.stage) == objects(stage)
    assert holder.stage.GetPrimAtPath("/World/Robot").GetCustomDataByKey("mine") is True
    assert spec_text(holder.stage.GetRootLayer(), object_path(stage, "bed_0")) == \
        spec_text(stage.GetRootLayer(), object_path(stage, "bed_0"))


def test_progress_is_reported_and_frames_are_yielded(vm):
    holder = fresh(vm)
    frames = FrameCounter()
    vm.runner.yield_frame = frames
    seen = []
    unsubscribe = vm.subscribe(lambda s: seen.append((s.busy, s.progress, s.status)))
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "2")
    outcome = asyncio.run(vm.generate())
    unsubscribe()
    assert outcome.ok and objects(holder.stage)
    actions = outcome.value["actions"] + outcome.value["failed"]
    assert frames.frames >= actions  # control went back to the loop at least once per action
    progress = [p for busy, p, _ in seen if busy == "generate"]
    assert progress == sorted(progress) and 0 < progress[-1] < 1
    assert any(status.startswith("action ") for _, _, status in seen)
    assert vm.state.progress == 1.0 and vm.state.status.startswith("generate done")


def test_cancel_stops_generate_and_leaves_the_stage_unchanged(vm):
    holder = fresh(vm)

    def cancel_on(frame):
        if frame == 4:
            assert vm.cancel()

    vm.runner.yield_frame = FrameCounter(cancel_on)
    vm.set_field("prompt", PROMPT)
    vm.set_field("seed", "1")
    outcome = asyncio.run(vm.generate())
    assert outcome.status == "cancelled"
    assert not holder.stage.GetPrimAtPath("/World")
    assert "cancelled; the open stage was not changed" in vm.log_text()
    assert not vm.busy and vm.enabled("generate") and not vm.enabled("cancel")
    vm.runner.yield_frame = FrameCounter()
    assert asyncio.run(vm.generate()).ok  # the panel works again afterwards
    assert "bed_0" in objects(holder.stage)


def test_a_second_button_while_busy_is_refused(vm):
    fresh(vm)
    results = {}

    def on_frame(frame):
        if frame == 2:
            results["enabled"] = {a: vm.enabled(a) for a in ("generate", "validate", "cancel")}
            results["start"] = vm.start("validate")

    vm.runner.yield_frame = FrameCounter(on_frame)
    vm.set_field("prompt", PROMPT)

    async def run():
        task = vm.start("generate")
        return await task

    outcome = asyncio.run(run())
    vm.runner.yield_frame = FrameCounter()
    assert outcome.ok
    assert results["enabled"] == {"generate": False, "validate": False, "cancel": True}
    assert results["start"] is None
    assert "wait: generate is running" in vm.log_text()


# ---------------------------------------------------------------------------- Refine
def test_refine_writes_only_what_the_edit_changed(vm, generated):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    before = {n: spec_text(holder.stage.GetRootLayer(), object_path(holder.stage, n)) for n in objects(holder.stage)}
    vm.set_field("prompt", "add a floor lamp")
    outcome = asyncio.run(vm.refine())
    assert outcome.ok, outcome.error
    after = objects(holder.stage)
    assert "floor_lamp_0" in after and set(before) <= set(after)
    for name, text in before.items():  # untouched objects keep their exact specs
        assert spec_text(holder.stage.GetRootLayer(), object_path(holder.stage, name)) == text
    # only the physics-material twins are rewritten: every physics pass rebuilds them from the bindings
    replaced = [p for p in outcome.value["applied"]["replaced"] if not p.startswith("/World/PhysicsMaterials/")]
    assert replaced == []
    assert outcome.value["applied"]["added"] >= len(set(after) - set(before))


def test_refine_in_words_removes_and_restyles(vm, generated):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    before = objects(holder.stage)
    assert "bed_0" in before
    vm.set_field("prompt", "paint the walls pale blue and remove the bed")
    outcome = asyncio.run(vm.refine())
    assert outcome.ok, outcome.error
    after = objects(holder.stage)
    assert "bed_0" not in after and set(after) < set(before)
    assert outcome.value["applied"]["removed"] >= 1
    walls = holder.stage.GetPrimAtPath(room_info(holder.stage).part("Walls")).GetChildren()
    assert all(w.GetCustomDataByKey("generalist")["material"] == "pale blue paint" for w in walls)


def test_refine_that_changes_nothing_is_an_error(vm, generated):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    before = holder.stage.GetRootLayer().ExportToString()
    vm.set_field("prompt", "remove the grand piano")
    outcome = asyncio.run(vm.refine())
    assert outcome.status == "error" and "no grand piano to remove" in outcome.error
    assert holder.stage.GetRootLayer().ExportToString() == before


def test_refine_with_an_action_file_moves_and_removes(vm, generated, tmp_path):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    edits = tmp_path / "edit.py"
    edits.write_text("# %% action 0\nremove_object('clock_0')\n# %% action 1\n"
                     "add_object('vase', name='new_vase')\n")
    vm.set_field("policy_kind", "action file")
    vm.set_field("policy_value", str(edits))
    vm.set_field("prompt", "remove the clock, add a lamp")
    outcome = asyncio.run(vm.refine())
    vm.set_field("policy_kind", "procedural")
    assert outcome.ok, outcome.error
    names = objects(holder.stage)
    assert "clock_0" not in names and "new_vase" in names
    assert outcome.value["applied"]["removed"] >= 1


def test_refine_with_a_failing_action_file_is_an_error(vm, generated, tmp_path):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    before = holder.stage.GetRootLayer().ExportToString()
    bad = tmp_path / "bad.py"
    bad.write_text("add_object('sofa', on='no_such_table')\n")
    vm.set_field("policy_kind", "action file")
    vm.set_field("policy_value", str(bad))
    vm.set_field("prompt", "put a sofa on the table")
    outcome = asyncio.run(vm.refine())
    vm.set_field("policy_kind", "procedural")
    assert outcome.status == "error" and "action 0 of the action file failed" in outcome.error
    assert holder.stage.GetRootLayer().ExportToString() == before


def test_refine_needs_a_world(vm):
    fresh(vm)
    vm.set_field("prompt", "add a lamp")
    outcome = asyncio.run(vm.refine())
    assert outcome.status == "error" and "has no /World" in outcome.error


# ---------------------------------------------------------------------------- Validate / Randomize / Export
def test_validate_reports_on_a_copy(vm, generated):
    stage, _, _ = generated
    holder = fresh(vm, copy_of(stage))
    before = holder.stage.GetRootLayer().ExportToString()
    vm.set_field("engine", "physx")
    vm.set_field("repair", False)
    outcome = asyncio.run(vm.validate())
    assert outcome.ok, outcome.error
    report = outcome.value
    assert report.engine == "physx" and report.movable > 0
    assert "(physx): stability" in vm.log_text()
    assert holder.stage.GetRootLayer().ExportToString() == before  # validation never edits the open stage
    assert vm.state.last["validate"]["engine"] == "physx"


def test_validate_with_an_unknown_engine(vm, generated):
    fresh(vm, copy_of(generated[0]))
    vm.set_field("engine", "bullet")
    outcome = asyncio.run(vm.validate())
    vm.set_field("engine", "physx")
    assert outcome.status == "error" and "unknown physics engine 'bullet'" in outcome.error


def test_randomize_and_export_check_their_inputs(vm, generated, tmp_path):
    fresh(vm, copy_of(generated[0]))
    for field, value, action, words in (("variants", "0", "randomize", "between 1 and"),
                                        ("variants", "many", "randomize", "not a whole number"),
                                        ("frames", "-2", "export", "between 1 and"),
                                        ("output_dir", "", "export", "output folder is empty")):
        vm.set_field("variants", "2")
        vm.set_field("frames", "1")
        vm.set_field("output_dir", str(tmp_path / "out"))
        vm.set_field(field, value)
        outcome = asyncio.run(getattr(vm, action)())
        assert outcome.status == "error" and words in outcome.error, (field, outcome.error)
    assert not (tmp_path / "out").exists()


def test_randomize_writes_variants(vm, generated, tmp_path):
    fresh(vm, copy_of(generated[0]))
    settings = vm.settings
    vm.settings = copy.deepcopy(settings)
    vm.settings.randomization.validate = False
    vm.set_field("variants", "2")
    vm.set_field("seed", "5")
    vm.set_field("output_dir", str(tmp_path / "variants"))
    try:
        outcome = asyncio.run(vm.randomize())
    finally:
        vm.settings = settings
    assert outcome.ok, outcome.error
    files = sorted(p.name for p in (tmp_path / "variants").glob("variant_*"))
    assert len(files) == 2
    assert f"2 files in {tmp_path / 'variants'}" in vm.log_text()


def test_export_writes_a_basicwriter_dataset(vm, generated, tmp_path):
    fresh(vm, copy_of(generated[0]))
    vm.set_field("frames", "1")
    vm.set_field("output_dir", str(tmp_path / "ds"))
    outcome = asyncio.run(vm.export())
    assert outcome.ok, outcome.error
    names = {p.name for p in (tmp_path / "ds").rglob("*")}
    assert {"rgb_0000.png", "semantic_segmentation_0000.png"} <= names


# ---------------------------------------------------------------------------- the plain pxr applier
def _world_layer(objects_: list[str]) -> Sdf.Layer:
    stage = new_stage()
    for name in objects_:
        stage.DefinePrim(f"/World/Objects/{name}", "Xform")
    return stage.GetRootLayer()


def test_applier_deactivates_what_a_weaker_layer_still_defines():
    weak = _world_layer(["chair_0", "table_0"])
    strong = Sdf.Layer.CreateAnonymous("strong.usda")
    root = Sdf.Layer.CreateAnonymous("root.usda")
    root.subLayerPaths = [strong.identifier, weak.identifier]
    stage = Usd.Stage.Open(root)
    stage.SetEditTarget(Usd.EditTarget(strong))
    report = apply_world_layer(stage, _world_layer(["sofa_0", "table_0"]))
    assert objects(stage) == ["sofa_0", "table_0"]
    assert report.deactivated == ["/World/Objects/chair_0"]
    assert weak.GetPrimAtPath("/World/Objects/chair_0") is not None  # the weaker layer is untouched
    assert strong.GetPrimAtPath("/World/Objects/chair_0").active is False


def test_applier_edit_mode_touches_only_changed_prims():
    stage = Usd.Stage.Open(_world_layer(["a_0", "b_0", "c_0"]))
    base = snapshot_world(stage)
    result = Sdf.Layer.CreateAnonymous()
    result.TransferContent(base)
    edit = Usd.Stage.Open(result)
    edit.RemovePrim("/World/Objects/b_0")
    edit.DefinePrim("/World/Objects/d_0", "Xform")
    edit.GetPrimAtPath("/World/Objects/c_0").SetCustomDataByKey("moved", True)
    report = apply_world_layer(stage, result, base)
    assert objects(stage) == ["a_0", "c_0", "d_0"]
    assert (report.added, report.replaced, report.removed) == (
        ["/World/Objects/d_0"], ["/World/Objects/c_0"], ["/World/Objects/b_0"])
    assert report.summary() == "1 added, 1 changed, 1 removed"


def test_applier_refuses_a_layer_without_world():
    with pytest.raises(InputError, match="no /World"):
        apply_world_layer(Usd.Stage.CreateInMemory(), Sdf.Layer.CreateAnonymous())
    assert set(GENERATED_CHILDREN) >= {"Room", "Objects", "Looks", "Lights", "PhysicsScene"}


# ---------------------------------------------------------------------------- settings and simulation copy
def test_extension_settings_mirror_config_defaults():
    manifest = tomllib.loads((ROOT / "extension.toml").read_text())
    ext = manifest["settings"]["exts"]["omni_generalist"]
    defaults = Settings()
    config = load_settings()
    assert set(ext) == set(MIRRORED) | set(PANEL_ONLY)
    for key, (section, name) in MIRRORED.items():
        value = getattr(getattr(config, section), name)
        assert ext[key] == value, f"extension.toml {key} = {ext[key]!r}, config/default.toml {section}.{name} = {value!r}"
        assert getattr(getattr(defaults, section), name) == value
    for key, value in PANEL_ONLY.items():
        assert ext[key] == value, key


def test_settings_from_extension_values():
    base = load_settings()
    settings, defaults = settings_from_extension({"max_steps": 12, "action_timeout_s": "3", "seed": 9,
                                                  "policy": "openai:http://h:1/v1", "engine": "mujoco"}, base)
    assert settings.generator.max_steps == 12 and settings.sandbox.timeout_s == 3.0
    assert base.generator.max_steps != 12  # the base settings are not modified
    assert (defaults.seed, defaults.engine, defaults.policy) == (9, "mujoco", "openai:http://h:1/v1")
    vm = PanelViewModel(StageHolder(), settings=settings, defaults=defaults, threads=False)
    try:
        assert (vm.state.policy_kind, vm.state.policy_value, vm.state.seed) == ("endpoint", "http://h:1/v1", "9")
    finally:
        vm.close()
    with pytest.raises(InputError, match="max_steps"):
        settings_from_extension({"max_steps": 2.5})


def test_view_model_defaults_follow_settings():
    settings = fast_settings()
    vm = PanelViewModel(StageHolder(), settings=settings, defaults=PanelDefaults(seed=3, variants=6), threads=False)
    try:
        assert (vm.state.seed, vm.state.variants, vm.state.policy_kind) == ("3", "6", "procedural")
        vm.log("info", "test", "hello")
        assert vm.log_text().endswith("[test] hello")
        vm.defaults.max_log = 2
        for i in range(5):
            vm.log("info", "test", f"line {i}")
        assert [e.message for e in vm.state.log] == ["line 3", "line 4"]
    finally:
        vm.close()


SIMCOPY_SCRIPT = """
import physx_usd_schemas  # registers the PhysX schemas before USD builds its schema registry
import pytest
from pxr import Usd, UsdGeom, UsdPhysics
from omni_generalist.panel.simcopy import read_joint_positions, simulation_copy, write_joint_positions

stage = Usd.Stage.CreateInMemory()
UsdPhysics.RigidBodyAPI.Apply(UsdGeom.Cube.Define(stage, "/World/Box").GetPrim())
kinematic = UsdGeom.Cube.Define(stage, "/World/Kinematic").GetPrim()
UsdPhysics.RigidBodyAPI.Apply(kinematic).CreateKinematicEnabledAttr(True)
UsdPhysics.RevoluteJoint.Define(stage, "/World/Hinge")
UsdPhysics.PrismaticJoint.Define(stage, "/World/Slide")
before = stage.GetRootLayer().ExportToString()
sim = simulation_copy(stage)
assert stage.GetRootLayer().ExportToString() == before  # the source is untouched
assert sim.bodies == ["/World/Box"], sim.bodies
assert sim.joints == {"/World/Hinge": "angular", "/World/Slide": "linear"}, sim.joints
box = sim.stage.GetPrimAtPath("/World/Box")
assert "PhysxContactReportAPI" in box.GetAppliedSchemas()
assert box.GetAttribute("physxContactReport:threshold").Get() == 0.0
assert sim.stage.GetPrimAtPath("/World/Hinge").HasAPI("PhysicsJointStateAPI", "angular")
from physx_usd_schemas import PhysxSchema
attr = PhysxSchema.JointStateAPI(sim.stage.GetPrimAtPath("/World/Slide"), "linear").GetPositionAttr()
write_joint_positions(sim.stage, sim.joints, {"/World/Hinge": 30.0, "/World/Slide": 0.2})
assert attr.Get() == pytest.approx(0.2)  # the attribute PhysX reads is the one written
assert read_joint_positions(sim.stage, sim.joints) == pytest.approx({"/World/Hinge": 30.0, "/World/Slide": 0.2})
try:
    write_joint_positions(sim.stage, sim.joints, {"/World/Box": 1.0})
except KeyError:
    print("ok")
"""


def test_simulation_copy_prepares_contacts_and_joints():
    """The omni.physx adapter's copy carries the schemas PhysX reads (checked with NVIDIA's PhysX schemas)."""
    import subprocess
    import sys

    pytest.importorskip("physx_usd_schemas")
    proc = subprocess.run([sys.executable, "-c", SIMCOPY_SCRIPT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().endswith("ok")


def test_generalist_error_is_shown_without_a_traceback():
    runner = JobRunner(threads=False)

    async def nothing(ctx):
        raise GeneralistError("nothing was built: the policy produced no action")

    outcome = asyncio.run(runner.run("generate", nothing))
    assert outcome.error == "nothing was built: the policy produced no action"


def test_asset_catalogues_field(tmp_path, monkeypatch):
    """The panel's asset-catalogue field: defaults from ``[assets] catalogues``, Generate prefers the
    named libraries' assets (as ``generate --assets``), an unknown name fails with the known ones."""
    import trimesh

    from omni_generalist.assets.library import LibrarySettings, add_library

    monkeypatch.setenv("OMNI_GENERALIST_CACHE", str(tmp_path / "cache"))  # before the view-model's sandbox starts
    lib = tmp_path / "mine"
    lib.mkdir()
    trimesh.creation.box(extents=(0.4, 0.4, 0.45)).export(lib / "stool.obj")
    add_library(lib, "mine", LibrarySettings(decomposition="hull", use_model=False))
    settings = fast_settings()
    settings.assets.catalogues = ("mine",)
    model = PanelViewModel(StageHolder(), settings=settings, yield_frame=FrameCounter())
    try:
        assert model.state.asset_catalogues == "mine"
        model.set_field("prompt", "a room with a stool")
        outcome = asyncio.run(model.generate())
        assert outcome.ok, outcome.error
        stage = model.stage_provider()
        stools = [p for p in object_prims(stage) if (p.GetCustomDataByKey("generalist") or {}).get("category") == "stool"]
        assert stools and all((p.GetCustomDataByKey("generalist") or {}).get("asset") == "mine/stool.obj"
                              and p.GetMetadata("references") is not None for p in stools)
        model.set_field("asset_catalogues", "mine, nope")
        bad = asyncio.run(model.generate())
        assert not bad.ok and "asset catalogue 'nope'" in bad.error and "known: mine" in bad.error
    finally:
        model.close()
