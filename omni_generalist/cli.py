"""The ``omni-generalist`` command line (docs/design.md §4).

Exit status: 0 success, 1 a world that fails validation (or could not be built), 2 bad input;
errors are one line on stderr. Long work shows progress on a terminal and is quiet in a pipe.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .config import RenderConfig, Settings, load_settings
from .errors import GeneralistError, InputError
from .io import refuse_overlap
from .version import __version__

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

app = typer.Typer(name="omni-generalist", add_completion=False, no_args_is_help=True,
                  help="Text prompt → simulation-ready OpenUSD world.", pretty_exceptions_enable=False)


class _LazyConsole:
    """A rich ``Console`` made at its first use (``--help`` and ``--version`` never import rich's console)."""

    def __init__(self, stderr: bool):
        self._stderr = stderr
        self._console: Console | None = None

    def get(self) -> Console:
        """The console itself (made now if it was not yet)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, highlight=False, soft_wrap=True)
        return self._console

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


err = _LazyConsole(stderr=True)
out = _LazyConsole(stderr=False)


def _settings(config: Path | None, overrides: list[str]) -> Settings:
    return load_settings(config, overrides)


def _render_config(settings: Settings, width: int | None, height: int | None, quality: bool) -> RenderConfig:
    """The ``[render]`` settings with the command line's --width/--height/--quality applied."""
    rc = settings.render
    if width is not None:
        rc.width = width
    if height is not None:
        rc.height = height
    if quality:
        rc.renderer = "quality"
    return rc


def _read_prompt(prompt: str) -> str:
    if prompt != "-":
        return prompt
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the prompt read from standard input is not valid UTF-8 text") from None


class _Progress:
    """A rich progress bar on a terminal; nothing in a pipe."""

    def __init__(self) -> None:
        self.bar: Progress | None = None
        self.task = None
        if err.is_terminal:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                                console=err.get(), transient=True)

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.__enter__()
            self.task = self.bar.add_task("starting", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)

    def __call__(self, message: str, step: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=message, completed=step)


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file (sections as config/default.toml).")]
SetOpt = Annotated[list[str], typer.Option("--set", help="Override a setting: section.key=value (repeatable).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace a non-empty output folder.")]
PolicyOpt = Annotated[str | None, typer.Option(help="procedural | hf:PATH | openai:URL")]
WidthOpt = Annotated[int | None, typer.Option(help="Image width (default render.width).")]
HeightOpt = Annotated[int | None, typer.Option(help="Image height (default render.height).")]
QualityOpt = Annotated[bool, typer.Option("--quality", help="Blender Cycles instead of the fast rasteriser.")]
WorkersOpt = Annotated[int | None, typer.Option("--workers", help="Local worker processes (0: one per core).")]
RayOpt = Annotated[str | None, typer.Option("--ray", flag_value="local", is_flag=False, metavar="[ADDRESS]",
                                            help="Run on Ray: a cluster ADDRESS, or a local Ray without one.")]


def _runner(workers: int | None, ray: str | None) -> dict:
    """The batch runner's ``workers``, ``use_ray`` and ``ray_address`` for ``--workers`` / ``--ray``."""
    if ray is not None and workers is not None and ray != "local":
        raise InputError("give --workers only with a local pool or a local Ray (--ray without an address)")
    return {"workers": workers, "use_ray": ray is not None, "ray_address": None if ray in (None, "local") else ray}


@app.command()
def generate(
    prompt: Annotated[str | None, typer.Argument(help="What to build ('-' reads it from standard input).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="World folder to create.")] = Path("world"),
    seed: Annotated[int, typer.Option(help="Seed: same inputs and seed give identical files.")] = 0,
    policy: PolicyOpt = None,
    actions: Annotated[Path | None, typer.Option("--actions", help="Build from an action file (e.g. a world's actions.py) instead of a policy.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="usd (binary) or usda (text).")] = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip physics validation.")] = False,
    no_preview: Annotated[bool, typer.Option("--no-preview", help="Do not render preview.png.")] = False,
    assets: Annotated[str | None, typer.Option("--assets", help="Asset libraries (NAME[,NAME]) whose assets to prefer for the categories they cover.")] = None,
    force: ForceOpt = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006 - typer needs a literal default
) -> None:
    """Generate a world from a prompt (or from an action file) into --out."""
    from .generate import generate_world
    from .policy import ScriptPolicy, make_policy

    settings = _settings(config, overrides)
    if fmt is not None:
        settings.generator.format = fmt
    if no_validate:
        settings.generator.validate = False
    if no_preview:
        settings.generator.preview = False
    if assets is not None:
        settings.assets.catalogues = tuple(n.strip() for n in assets.split(",") if n.strip())
    if actions is not None:
        if policy is not None:
            raise InputError("give either --policy or --actions, not both")
        pol = ScriptPolicy.from_file(actions)
        seed = pol.log.seed if seed == 0 and pol.log.seed else seed
        text = _read_prompt(prompt) if prompt is not None else (pol.log.prompt or f"actions from {actions.name}")
    else:
        if prompt is None:
            raise InputError("give a prompt (or --actions FILE)")
        text = _read_prompt(prompt)
        from .generate import check_prompt

        check_prompt(text, settings.generator.max_prompt_chars)
        pol = make_policy(policy or settings.generator.policy, settings.policy)
    with _Progress() as progress:
        result = generate_world(text, out_dir, pol, seed=seed, settings=settings, force=force, progress=progress,
                                inputs=(actions,) if actions is not None else ())
    rep = result.report
    lay = rep["layout"]
    err.print(f"built {lay['objects']} objects with {rep['actions']['applied']} actions "
              f"in {rep['timings']['build_s']:.2f} s")
    _finish(rep, result.world_file)


def _finish(rep: dict, world_file: Path) -> None:
    """Print the physics verdict and the world's path; exit 1 when the world is not physically valid."""
    phys = rep.get("physics")
    if phys:
        fixes = len(phys.get("repairs", []))
        err.print(f"physics ({phys['engine']}): stability {phys['stability']:.1%}, {fixes} repair(s), "
                  + ("valid" if phys["ok"] else "INVALID: " + "; ".join(p["message"] for p in phys["problems"]
                                                                       if p["severity"] == "error")[:400]))
    out.print(str(world_file))
    if phys and not phys["ok"]:
        raise typer.Exit(1)


@app.command()
def validate(
    world: Annotated[Path, typer.Argument(help="World folder or USD file.")],
    repair: Annotated[bool, typer.Option("--repair", help="Fix what validation finds and rewrite the world.")] = False,
    engine: Annotated[str | None, typer.Option(help="physx (SAPIEN, default) | mujoco")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    no_joints: Annotated[bool, typer.Option("--no-joints", help="Do not sweep joints through their ranges.")] = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Settle a world in PhysX (or MuJoCo) and report interpenetrations, floating, unstable and
    out-of-bounds objects, blocked doors and drawers; exit 1 when it fails."""
    import json

    from .physics import repair_world, validate_world
    from .world.stage import find_world_file, open_stage, save_layer

    settings = _settings(config, overrides)
    stage = open_stage(world)
    if repair:
        from .io import folder_lock
        from .world.folder import WorldFolder

        path = find_world_file(world)
        if not os.access(path.parent, os.W_OK | os.X_OK) or not os.access(path, os.W_OK):
            raise InputError(f"cannot repair {path}: it is read-only")
        with folder_lock(path.parent if world.is_dir() else path, settings.generator.lock_timeout_s):
            stage = open_stage(world)  # again, under the lock: what another process wrote counts
            result = repair_world(stage, engine=engine, config=settings.physics, joints=not no_joints)
            report, data = result.after, result.to_dict()
            tmp = path.with_name(f".{path.stem}.repair{path.suffix}")
            try:
                save_layer(stage.GetRootLayer(), tmp)
                os.replace(tmp, path)  # atomic: the old world stays whole until the new one is complete
            except OSError as exc:
                Path(tmp).unlink(missing_ok=True)
                raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
            if world.is_dir():
                WorldFolder(world).update_report(physics={**report.to_dict(), "before": result.before.to_dict(),
                                                          "repairs": result.actions,
                                                          "repair_rounds": result.rounds})
    else:
        report = validate_world(stage, engine=engine, config=settings.physics, joints=not no_joints)
        data = report.to_dict()
    if as_json:
        out.print_json(json.dumps(data))
    else:
        if repair:
            for line in data["actions"]:
                out.print(f"repaired: {line}", markup=False)
        for p in report.problems:
            out.print(f"{p.severity}: {p.kind}: {p.message}", markup=False)
        out.print(report.summary(), markup=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def edit(
    world: Annotated[Path, typer.Argument(help="World folder to edit in place.")],
    instruction: Annotated[str | None, typer.Argument(help="What to change, in words.")] = None,
    policy: PolicyOpt = None,
    actions: Annotated[Path | None, typer.Option("--actions", help="Apply the actions of this file.")] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Edit an existing world: apply an action file, or an instruction through a policy."""
    from .generate import check_prompt, edit_world
    from .policy import ScriptPolicy, make_policy

    settings = _settings(config, overrides)
    if actions is not None:
        if instruction:
            raise InputError("give either an instruction or --actions FILE, not both")
        pol = ScriptPolicy.from_file(actions)
        pol.name = f"actions:{actions.name}"
        text = ""
    else:
        if not instruction:
            raise InputError("give an instruction (or --actions FILE)")
        text = check_prompt(instruction, settings.generator.max_prompt_chars)
        pol = make_policy(policy or settings.generator.policy, settings.policy)
    with _Progress() as progress:
        result = edit_world(world, pol, text, settings=settings, progress=progress,
                            inputs=(actions,) if actions is not None else ())
    rep = result.report
    done = [r for r in rep["actions"]["results"] if r["ok"]]
    err.print(f"edited with {len(done)} actions ({rep['actions']['failed']} failed) "
              f"in {rep['timings']['edit_s']:.2f} s; {rep['layout']['objects']} objects")
    for note in rep["edit"].get("plan", {}).get("dropped", []):
        err.print(f"not done: {note}", markup=False)
    _finish(rep, result.world_file)


@app.command()
def info(
    world: Annotated[Path, typer.Argument(help="World folder or USD file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Summarise a world: its room, objects and provenance."""
    import json

    from .actions.api import ActionAPI
    from .world.metadata import get_provenance
    from .world.model import list_objects
    from .world.stage import open_stage

    stage = open_stage(world)
    if as_json:
        objs = [{"name": o.name, "category": o.category, "position": o.position, "yaw": o.yaw, "size": o.size,
                 "material": o.material, "support": o.support, "movable": o.movable, "articulated": o.articulated}
                for o in list_objects(stage)]
        out.print_json(json.dumps({"provenance": get_provenance(stage), "objects": objs}))
        return
    prov = get_provenance(stage)
    if prov:
        out.print(f"prompt: {prov.get('prompt', '')!r}  seed: {prov.get('seed')}  policy: {prov.get('policy')}")
    out.print(ActionAPI(stage).scene_summary())


@app.command("api")
def api_cmd(program_schema: bool = typer.Option(False, "--program-schema",
                                                help="print the scene program's JSON schema (for apply_plan) instead")) -> None:
    """Print the action API reference (what policies' code can call)."""
    if program_schema:
        from .policy.procedural.program import schema_text

        out.print(schema_text(), markup=False)
        return
    from .actions.api import api_reference

    out.print(api_reference(), markup=False)


@app.command()
def render(
    world: Annotated[Path, typer.Argument(help="World folder or USD file.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the images.")] = Path("renders"),
    panorama: Annotated[bool, typer.Option("--panorama", help="Also render a 360° equirectangular panorama.")] = False,
    width: WidthOpt = None,
    height: HeightOpt = None,
    quality: QualityOpt = False,
    views: Annotated[int, typer.Option(help="Corner views to render (besides the plan view); in a home, per room.")] = 2,
    force: ForceOpt = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Render a world: corner views, the labelled plan view and optionally a panorama (PNGs)."""
    from .render.views import render_world

    refuse_overlap(out_dir, [world])
    rc = _render_config(_settings(config, overrides), width, height, quality)
    if panorama and width is not None:
        rc.panorama_width = width
    elif panorama and height is not None:
        rc.panorama_width = 2 * height
    result = render_world(world, out_dir, rc, views=views, panorama=panorama, force=force)
    err.print(f"rendered {len(result.images)} images with the {result.renderer} renderer "
              f"in {sum(result.seconds.values()):.2f} s")
    for path in result.images.values():
        out.print(str(path))


@app.command()
def dataset(
    world: Annotated[Path, typer.Argument(help="World folder or USD file.")],
    frames: Annotated[int, typer.Option(help="Frames to write.")] = 10,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Dataset folder (BasicWriter layout).")] = Path("dataset"),
    cameras: Annotated[int | None, typer.Option(help="Cameras per frame (sub-folders when > 1).")] = None,
    width: WidthOpt = None,
    height: HeightOpt = None,
    quality: QualityOpt = False,
    force: ForceOpt = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Write RGB, depth, segmentation, 2D boxes and camera parameters in Replicator's BasicWriter layout."""
    from .render.dataset import write_dataset

    refuse_overlap(out_dir, [world])
    rc = _render_config(_settings(config, overrides), width, height, quality)
    with _Progress() as progress:
        result = write_dataset(world, out_dir, frames=frames, cameras=cameras, config=rc, force=force,
                               progress=progress)
    err.print(f"wrote {result.frames} frames × {len(result.cameras)} camera(s), {result.files} files "
              f"in {result.seconds:.2f} s")
    out.print(str(result.out))


@app.command()
def randomize(
    world: Annotated[Path, typer.Argument(help="World folder or USD file.")],
    variants: Annotated[int, typer.Option("--variants", "-n", help="How many variants.")] = 10,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the variant layers.")] = Path("variants"),
    seed: Annotated[int, typer.Option(help="Seed: same inputs and seed give identical variants.")] = 0,
    spec: Annotated[Path | None, typer.Option("--spec", help="Randomization spec (TOML or JSON; see docs/randomization.md).")] = None,
    preset: Annotated[str | None, typer.Option("--preset", help="Preset in config/randomization.toml (default, light, heavy, appearance, layout, dataset).")] = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip the physics validation of each variant.")] = False,
    force: ForceOpt = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Write N randomized variants of a world as light USD layers over it (each physics-validated)."""
    from .randomize import load_spec, randomize_world

    refuse_overlap(out_dir, [world])
    settings = _settings(config, overrides)
    rspec = load_spec(preset=preset, spec_file=spec, base=settings.randomization)
    with _Progress() as progress:
        res = randomize_world(world, out_dir, variants, seed=seed, spec=rspec, settings=settings, force=force,
                              validate=False if no_validate else None, progress=progress)
    check = "validated" if res.validated else "not validated"
    err.print(f"wrote {len(res.variants)} variants ({check}) in {res.timings['total_s']:.2f} s")
    out.print(str(res.out))


class _BatchProgress:
    """Batch progress on a terminal: done/total, worlds per minute and ETA; quiet in a pipe."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = None
        self.t0 = 0.0
        self.first = 0
        if err.is_terminal:
            self.bar = Progress(SpinnerColumn(), TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(),
                                console=err.get(), transient=True)

    def __enter__(self) -> _BatchProgress:
        import time

        self.t0 = time.perf_counter()
        if self.bar:
            self.bar.__enter__()
            self.task = self.bar.add_task("batch", total=None, rate="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)

    def __call__(self, done: int, total: int, record: dict) -> None:
        import time

        if not record:
            self.first = done  # skipped (already finished) tasks
        ran = done - self.first
        dt = time.perf_counter() - self.t0
        rate = f"{60.0 * ran / dt:.1f} worlds/min" if ran and dt > 0 else ""
        if self.bar is not None:
            self.bar.update(self.task, total=total, completed=done, rate=rate)


@app.command()
def batch(
    prompts: Annotated[Path, typer.Argument(help="Prompts: .txt (one per line) or .jsonl (prompt, seed, variants).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Batch folder (manifest.jsonl, worlds/).")] = Path("batch"),
    variants: Annotated[int | None, typer.Option("--variants", help="Randomized variants beside each world.")] = None,
    workers: WorkersOpt = None,
    ray: RayOpt = None,
    seed: Annotated[int, typer.Option(help="Seed of the first prompt (prompt i gets seed + i).")] = 0,
    fmt: Annotated[str | None, typer.Option("--format", help="usd (binary) or usda (text).")] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Generate a world per prompt (and variants) on a local pool or Ray; re-running resumes."""
    from .batch import run_batch

    settings = _settings(config, overrides)
    if fmt is not None:
        settings.generator.format = fmt
    runner = _runner(workers, ray)
    with _BatchProgress() as progress:
        summary = run_batch(prompts, out_dir, variants=variants, settings=settings, seed=seed, progress=progress,
                            **runner)
    err.print(f"{summary.ok} worlds built, {summary.failed} failed, {summary.skipped} already done "
              f"({summary.worlds_per_minute:.1f} worlds/min, {summary.backend})")
    out.print(str(summary.out / "manifest.jsonl"))
    if summary.failed:
        raise GeneralistError(f"{summary.failed} of {summary.total} prompts failed (their errors are in manifest.jsonl)")


@app.command("eval")
def eval_cmd(
    suite: Annotated[Path, typer.Argument(help="Prompt suite: .jsonl with prompt and optional require/materials/lighting.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Evaluation folder (worlds, manifest, eval.json).")] = Path("eval"),
    seeds: Annotated[str, typer.Option("--seeds", help="Seeds for each prompt, comma-separated.")] = "0",
    policy: PolicyOpt = None,
    workers: WorkersOpt = None,
    ray: RayOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print eval.json's totals as JSON.")] = False,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Generate a prompt suite and report alignment, physics and time per world (re-running resumes)."""
    import json

    from .evaluate import EVAL_FILE, run_eval

    settings = _settings(config, overrides)
    if policy:
        settings.generator.policy = policy
    try:
        seed_list = tuple(int(s) for s in seeds.split(",") if s.strip())
    except ValueError:
        raise InputError(f"--seeds must be whole numbers separated by commas, got {seeds!r}") from None
    runner = _runner(workers, ray)
    with _BatchProgress() as progress:
        summary = run_eval(suite, out_dir, seeds=seed_list, settings=settings, progress=progress, **runner)
    if as_json:
        out.print_json(json.dumps(summary.totals))
    else:
        for row in summary.rows:
            if row["status"] != "ok":
                err.print(f"{row['id']} seed {row['seed']}: failed: {row['error']}", markup=False)
            elif row["unmet"]:
                err.print(f"{row['id']} seed {row['seed']}: alignment {row['alignment']:.2f}, unmet: "
                          + "; ".join(row["unmet"])[:300], markup=False)
        out.print(summary.table(), markup=False)
        out.print(str(summary.out / EVAL_FILE))


train_app = typer.Typer(no_args_is_help=True, help="The learning loop: trajectories and self-improvement (docs/training.md).")
app.add_typer(train_app, name="train")


@train_app.command("export")
def train_export(
    source: Annotated[Path, typer.Argument(help="A world folder, or a folder of worlds (batch, self-improve round).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for episodes.jsonl, placement.jsonl and images/.")] = Path("episodes"),
    images: Annotated[bool, typer.Option("--images/--no-images", help="Record the renders the policy sees.")] = True,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Turn worlds into chat-format training episodes (the hf: policy's requests and replies)."""
    from .train.trajectories import export_worlds

    refuse_overlap(out_dir, [source])
    path, episodes, records, points = export_worlds(source, out_dir, _settings(config, overrides), images)
    err.print(f"{episodes} episodes, {records} records, {points} placement records")
    out.print(str(path))


@train_app.command("self-improve")
def train_self_improve(
    model: Annotated[Path, typer.Option("--model", help="Local transformers model folder (as hf:PATH).")],
    prompts: Annotated[Path, typer.Option("--prompts", help=".txt or .jsonl prompts (jsonl: heldout: true marks held-out).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Run folder (rounds.jsonl, rewards.png, round_RR/).")],
    rounds: Annotated[int, typer.Option("--rounds", help="Rounds to run (re-running resumes).")] = 3,
    samples: Annotated[int, typer.Option("--samples", help="Worlds sampled per prompt per round.")] = 4,
    lora_rank: Annotated[int | None, typer.Option("--lora-rank", help="LoRA rank (train.lora_rank).")] = None,
    temperature: Annotated[float | None, typer.Option("--temperature", help="Sampling temperature (train.temperature).")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold", help="Keep every world with at least this reward (train.threshold).")] = None,
    pool: Annotated[Path | None, typer.Option("--pool", help="Worlds (e.g. a batch folder) joining round 1's candidates.")] = None,
    clip: Annotated[str | None, typer.Option("--clip", help="Local CLIP model folder for the image-text reward term (train.clip).")] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Sample, score, select, LoRA fine-tune and evaluate, round after round (settings: the train section)."""
    from .train.self_improve import SelfImproveConfig, SelfImprover

    settings = _settings(config, overrides)
    for name, value in (("lora_rank", lora_rank), ("temperature", temperature), ("threshold", threshold),
                        ("clip", clip)):
        if value is not None:
            setattr(settings.train, name, value)
    if settings.train.lora_rank < 1:
        raise InputError(f"--lora-rank must be at least 1, got {settings.train.lora_rank}")
    cfg = SelfImproveConfig(model=model, prompts=prompts, out=out_dir, rounds=rounds, samples=samples, pool=pool)
    rows = SelfImprover(cfg, settings,
                        lambda event, data: err.print(f"round {data['round']}: candidates {data['candidates']['mean']:.3f}, "
                                                      f"selected {data['selected']['n']}, held-out {data['heldout']['mean']:.3f}",
                                                      markup=False) if event == "round" else None).run()
    out.print(str(out_dir / "rounds.jsonl"))
    if not rows:
        raise GeneralistError("no round ran")


@app.command("isaaclab")
def isaaclab_cmd(
    source: Annotated[Path, typer.Argument(help="World folder, USD file, variants folder or batch folder/manifest.")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The scene_cfg.py to write.")] = Path("scene_cfg.py"),
    class_name: Annotated[str, typer.Option("--class-name", help="Name of the InteractiveSceneCfg subclass.")] = "GeneratedSceneCfg",
    num_envs: Annotated[int, typer.Option("--num-envs", help="Default number of environments.")] = 16,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Export an Isaac Lab scene config (InteractiveSceneCfg subclass) for a world or a set of worlds."""
    from .isaaclab import write_scene_cfg

    if num_envs < 1:
        raise InputError(f"--num-envs must be at least 1, got {num_envs}")
    if str(out_file).strip() == "" or Path(out_file).expanduser().absolute().resolve() == source.expanduser().absolute().resolve():
        raise InputError(f"--out {str(out_file)!r} is not a file to write (it is empty or the source itself)")
    path = write_scene_cfg(source, out_file, class_name=class_name, num_envs=num_envs, force=force)
    out.print(str(path))


def _version(value: bool) -> None:
    if value:
        out.print(f"omni-generalist {__version__}")
        raise typer.Exit()


@app.callback()
def _main(ctx: typer.Context,
          version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version.")] = False) -> None:
    """omni-generalist: text prompt → simulation-ready OpenUSD world."""
    if ctx.invoked_subcommand != "train":  # numpy (imported by the command, below) uses one BLAS thread
        from .threads import single_threaded_math

        single_threaded_math(os.environ)
    ctx.with_resource(_usd_warnings_kept())  # a command runs: pxr is imported (not for --help or --version)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _exit_status(exc: BaseException) -> int | None:
    """Map an exception to (status, printed line); None for an unexpected one."""
    kinds = {c.__name__ for c in type(exc).__mro__}  # typer bundles its own click: match by name
    if "Exit" in kinds:
        return int(getattr(exc, "exit_code", 0) or 0)
    if "UsageError" in kinds:
        err.print(f"error: {_one_line(exc.format_message())}", markup=False)
        return 2
    if "Abort" in kinds or isinstance(exc, KeyboardInterrupt):
        err.print("error: interrupted", markup=False)
        return 130
    if isinstance(exc, GeneralistError):
        err.print(f"error: {_one_line(str(exc))}", markup=False)
        return exc.exit_code
    if isinstance(exc, PermissionError):  # a read-only target the user named
        err.print(f"error: cannot write {exc.filename or 'the output'}: {exc.strerror or 'permission denied'}",
                  markup=False)
        return 2
    return None


@contextlib.contextmanager
def _usd_warnings_kept() -> Iterator[None]:
    """Keep USD's warnings (multi-line ``Warning: in ...`` text) off stderr, where errors are one line;
    with ``OMNI_GENERALIST_DEBUG`` set they are printed at the end. pxr errors still raise."""
    from pxr import Tf

    with Tf.DiagnosticTrap() as trap:
        try:
            yield
        finally:
            if os.environ.get("OMNI_GENERALIST_DEBUG"):
                for w in trap.GetWarnings():
                    err.print(f"usd warning: {_one_line(w.commentary)}", markup=False)
            trap.Clear()

assets_app = typer.Typer(help="User asset libraries: index a folder of USD, glTF, OBJ, STL, URDF and MJCF assets "
                              "(docs/assets.md).", no_args_is_help=True)
app.add_typer(assets_app, name="assets")


@assets_app.command("add")
def assets_add(
    folder: Annotated[Path, typer.Argument(help="Folder of assets to index (read, never changed).")],
    name: Annotated[str | None, typer.Option("--name", help="Library name (default: the folder's name).")] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006 - typer needs a literal default
) -> None:
    """Index (or re-index what changed in) a folder of assets as a library."""
    from .assets.library import LibrarySettings, add_library
    from .assets.library.store import print_progress

    a = _settings(config, overrides).assets
    s = add_library(folder, name, LibrarySettings(max_file_mb=a.max_file_mb, decomposition=a.decomposition,
                                                 clip_checkpoint=a.clip_checkpoint,
                                                 clip_min_confidence=a.clip_min_confidence),
                    progress=print_progress)
    err.print(f"library {s['name']}: {s['objects']} objects ({s['labelled']} labelled, {s['unlabelled']} unlabelled), "
              f"{s['scenes']} scenes, {len(s['broken'])} broken, {s['skipped_files']} other files passed over")
    for rel, why in s["broken"].items():
        err.print(f"  broken: {rel}: {why}")
    out.print(s["name"])


@assets_app.command("list")
def assets_list(name: Annotated[str | None, typer.Argument(help="A library: list its assets.")] = None) -> None:
    """List the libraries, or the assets of one (tab-separated: id, kind, category, confidence, size)."""
    from .assets.library import libraries, load_index, summary

    if name is None:
        for n in sorted(libraries()):
            s = summary(n)
            typer.echo(f"{n}\t{s['folder']}\t{s['objects']} objects\t{s['scenes']} scenes\t{len(s['broken'])} broken")
        return
    idx = load_index(name)
    for rel in sorted(idx["assets"]):
        a = idx["assets"][rel]
        size = " x ".join(f"{v:.2f}" for v in a["size"])
        what = a["category"] or f"(unlabelled: {a.get('unlabelled', '')})"
        conf = a["label"]["confidence"]
        typer.echo(f"{a['id']}\t{a['kind']}\t{what}\t{conf:.2f}\t{size} m" + ("\tarticulated" if a["articulated"] else ""))
    for rel, why in sorted(idx["broken"].items()):
        typer.echo(f"{name}/{rel}\tbroken\t{why}")


@assets_app.command("show")
def assets_show(asset_id: Annotated[str, typer.Argument(help="LIBRARY/PATH as 'assets list' prints it.")]) -> None:
    """Print everything the index holds about one asset (JSON)."""
    import json

    from .assets.library import show_asset

    out.print(json.dumps(show_asset(asset_id), indent=2))


@assets_app.command("remove")
def assets_remove(name: Annotated[str, typer.Argument(help="Library to forget.")]) -> None:
    """Forget a library: its index and converted files go; the folder itself is left alone."""
    from .assets.library import remove_library

    remove_library(name)
    err.print(f"removed library {name}")



def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        # without standalone mode click returns the code of a typer.Exit instead of raising it
        status = app(args=argv, standalone_mode=False, prog_name="omni-generalist")
        return status if isinstance(status, int) else 0
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - every failure becomes one line and a status
        status = _exit_status(exc)
        if status is not None:
            return status
        if os.environ.get("OMNI_GENERALIST_DEBUG"):
            raise
        err.print(f"error: internal error: {type(exc).__name__}: {_one_line(str(exc))[:500]} "
                  "(set OMNI_GENERALIST_DEBUG=1 for the traceback)", markup=False)
        return 1


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    entry()

