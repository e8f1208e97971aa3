"""The ``omni-generalist`` command line (DESIGN.md §4).

Exit status: 0 success, 1 a world that fails validation (or could not be built), 2 bad input;
errors are one line on stderr. Long work shows progress on a terminal and is quiet in a pipe.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .config import Settings, load_settings
from .errors import GeneralistError, InputError
from .version import __version__

app = typer.Typer(name="omni-generalist", add_completion=False, no_args_is_help=True,
                  help="Text prompt → simulation-ready OpenUSD world.", pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _settings(config: Path | None, overrides: list[str]) -> Settings:
    return load_settings(config, overrides)


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
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                                console=err, transient=True)

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


@app.command()
def generate(
    prompt: Annotated[str | None, typer.Argument(help="What to build ('-' reads it from standard input).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="World folder to create.")] = Path("world"),
    seed: Annotated[int, typer.Option(help="Seed: same inputs and seed give identical files.")] = 0,
    policy: Annotated[str | None, typer.Option(help="procedural | hf:PATH | openai:URL")] = None,
    actions: Annotated[Path | None, typer.Option("--actions", help="Build from an action file (e.g. a world's actions.py) instead of a policy.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="usd (binary) or usda (text).")] = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip physics validation.")] = False,
    no_preview: Annotated[bool, typer.Option("--no-preview", help="Do not render preview.png.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace a non-empty output folder.")] = False,
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
        pol = make_policy(policy or settings.generator.policy)
    with _Progress() as progress:
        result = generate_world(text, out_dir, pol, seed=seed, settings=settings, force=force, progress=progress)
    rep = result.report
    lay = rep["layout"]
    err.print(f"built {lay['objects']} objects with {rep['actions']['applied']} actions "
              f"in {rep['timings']['build_s']:.2f} s")
    out.print(str(result.world_file))


@app.command()
def edit(
    world: Annotated[Path, typer.Argument(help="World folder to edit in place.")],
    instruction: Annotated[str | None, typer.Argument(help="What to change, in words.")] = None,
    policy: Annotated[str | None, typer.Option(help="procedural | hf:PATH | openai:URL")] = None,
    actions: Annotated[Path | None, typer.Option("--actions", help="Apply the actions of this file.")] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = [],  # noqa: B006
) -> None:
    """Edit an existing world: apply an action file, or an instruction through a policy."""
    from .generate import check_prompt, edit_world
    from .policy import ScriptPolicy, make_policy

    settings = _settings(config, overrides)
    if actions is not None:
        pol = ScriptPolicy.from_file(actions)
        pol.name = f"actions:{actions.name}"
        text = instruction or ""
    else:
        if not instruction:
            raise InputError("give an instruction (or --actions FILE)")
        text = check_prompt(instruction, settings.generator.max_prompt_chars)
        pol = make_policy(policy or settings.generator.policy)
    with _Progress() as progress:
        result = edit_world(world, pol, text, settings=settings, progress=progress)
    out.print(str(result.world_file))


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
def api_cmd() -> None:
    """Print the action API reference (what policies' code can call)."""
    from .actions.api import api_reference

    out.print(api_reference(), markup=False)


def _version(value: bool) -> None:
    if value:
        out.print(f"omni-generalist {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version.")] = False) -> None:
    """omni-generalist: text prompt → simulation-ready OpenUSD world."""


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
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        app(args=argv, standalone_mode=False, prog_name="omni-generalist")
        return 0
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
