"""The prompt panel's state and actions, in plain Python.

:class:`PanelViewModel` is everything the Kit panel does except drawing: it holds the fields
(:class:`PanelState`), checks what was typed, runs each button's work as an asyncio job that
yields between steps (:mod:`.jobs`), reports progress and keeps a log of actions and errors.
The omni.ui window only binds widgets to it. What depends on the application is injected:

* ``stage_provider`` returns the open stage (``omni.usd.get_context().get_stage()`` in Kit);
* ``applier`` writes a built world into that stage (:func:`.stage_apply.apply_world_layer`
  here; one undoable command in Kit);
* :class:`PanelServices` hold the Validate, Randomize and Export backends (CPU engines, the
  USD-native randomizer and the CPU dataset writer by default; ``omni.physx`` and Replicator
  in Kit). A backend that is missing makes its button report "not available", nothing else.
"""

from __future__ import annotations

import asyncio
import inspect
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pxr import Sdf, Usd

from ..actions.executor import Sandbox
from ..config import Settings
from ..errors import InputError
from ..generate import check_prompt
from .build import (
    BuildResult,
    PolicyFactory,
    build_world_async,
    describe_build,
    make_panel_policy,
    physics_async,
)
from .inputs import POLICY_KINDS, parse_count, parse_output_dir, parse_seed, policy_spec
from .jobs import JobContext, JobOutcome, JobRunner, ServiceUnavailable, YieldFn
from .stage_apply import ApplyReport, apply_world_layer, snapshot_world

ACTIONS: tuple[str, ...] = ("generate", "refine", "randomize", "validate", "export")
"""The panel's buttons, in order."""

MAIN_THREAD_ENGINES = frozenset({"omni.physx"})
"""Engines that must run on the application's main thread (Kit interfaces)."""

StageProvider = Callable[[], Usd.Stage | None]
Applier = Callable[[Usd.Stage, Sdf.Layer, Sdf.Layer | None], ApplyReport]


@dataclass
class LogEntry:
    """One line of the panel's log."""

    level: str
    """``info``, ``warning`` or ``error``."""
    action: str
    message: str
    time: float = field(default_factory=time.time)

    def text(self) -> str:
        """The line as the panel shows it."""
        stamp = time.strftime("%H:%M:%S", time.localtime(self.time))
        mark = {"error": "ERROR ", "warning": "warning "}.get(self.level, "")
        return f"{stamp} [{self.action}] {mark}{self.message}"


@dataclass
class PanelState:
    """Everything the panel shows; widgets read it and write the input fields back."""

    prompt: str = ""
    policy_kind: str = "procedural"
    policy_value: str = ""
    """Model folder, endpoint URL or action file, depending on ``policy_kind``."""
    seed: str = "0"
    variants: str = "4"
    frames: str = "8"
    output_dir: str = ""
    engine: str = ""
    """Physics engine for Validate ('' = settings' default)."""
    repair: bool = False
    """Validate also repairs (one undo group) when problems are found."""
    asset_catalogues: str = ""
    """Asset libraries (comma-separated names given to ``assets add``) whose assets Generate prefers."""
    busy: str = ""
    """The running action, '' when idle."""
    progress: float = 0.0
    status: str = "ready"
    log: list[LogEntry] = field(default_factory=list)
    last: dict[str, Any] = field(default_factory=dict)
    """The last result of each action (JSON-able summaries)."""


@dataclass
class PanelDefaults:
    """Initial field values (from the extension's settings in Kit)."""

    policy: str = "procedural"
    seed: int = 0
    variants: int = 4
    frames: int = 8
    output_dir: str = ""
    engine: str = ""
    width: int = 640
    height: int = 480
    max_log: int = 500
    asset_catalogues: str = ""
    """Comma-separated; by default the settings' ``[assets] catalogues``."""


@dataclass
class RandomizeRequest:
    """What the Randomize backend receives."""

    stage: Usd.Stage
    """The open stage (Replicator randomizes it in place, in its own layer)."""
    snapshot: Sdf.Layer
    """A copy of the open world (what backends that write files read)."""
    variants: int
    seed: int
    settings: Settings
    out_dir: Path | None


@dataclass
class ExportRequest:
    """What the Export-dataset backend receives."""

    stage: Usd.Stage
    """The open stage (Replicator renders it)."""
    snapshot: Sdf.Layer
    """A copy of the open world (what CPU renderers read)."""
    frames: int
    seed: int
    out_dir: Path
    width: int
    height: int
    settings: Settings


@dataclass
class PanelServices:
    """Backends of Validate, Repair, Randomize and Export (None = the default one).

    ``validate(stage, engine, settings)`` returns a report with ``ok``, ``summary()`` and
    ``to_dict()``; ``repair(stage, engine, settings)`` writes fixes into ``stage``'s edit target.
    ``randomize(request, ctx)`` and ``export(request, ctx)`` may be plain functions (run on a
    worker thread) or coroutine functions (awaited on the event loop, for Kit APIs).
    """

    validate: Callable[..., Any] | None = None
    repair: Callable[..., Any] | None = None
    randomize: Callable[..., Any] | None = None
    export: Callable[..., Any] | None = None


def _physics_service(name: str, what: str) -> Callable[..., Any]:
    """``validate_world`` or ``repair_world`` as the panel's Validate backend."""
    try:
        from .. import physics
    except ImportError as exc:
        raise ServiceUnavailable(f"physics {what} is not available: {exc}") from None
    fn = getattr(physics, name)

    def run(stage: Usd.Stage, engine: str | None, settings: Settings) -> Any:
        return fn(stage, engine=engine or None, config=settings.physics)

    return run


def _default_validate() -> Callable[..., Any]:
    return _physics_service("validate_world", "validation")


def _default_repair() -> Callable[..., Any]:
    return _physics_service("repair_world", "repair")


def _default_randomize() -> Callable[..., Any]:
    try:
        from ..randomize import randomize_world
    except ImportError as exc:
        raise ServiceUnavailable(f"randomization is not available: {exc}") from None

    def run(request: RandomizeRequest) -> Any:
        if request.out_dir is None:
            raise InputError("Randomize writes variant layers: type an output folder first")
        with tempfile.TemporaryDirectory(prefix="og-randomize-") as tmp:
            base = Path(tmp) / "world.usda"
            request.snapshot.Export(str(base))
            return randomize_world(base, request.out_dir, request.variants, seed=request.seed,
                                   settings=request.settings)

    return run


def _default_export() -> Callable[..., Any]:
    try:
        from ..render.dataset import write_dataset
    except ImportError as exc:
        raise ServiceUnavailable(f"dataset export is not available: {exc}") from None

    def run(request: ExportRequest) -> Any:
        from ..config import RenderConfig

        base = getattr(request.settings, "render", None) or RenderConfig()
        config = replace(base, width=request.width, height=request.height)
        return write_dataset(Usd.Stage.Open(request.snapshot), request.out_dir, frames=request.frames,
                             config=config)

    return run


_DEFAULTS: dict[str, Callable[[], Callable[..., Any]]] = {
    "validate": _default_validate, "repair": _default_repair, "randomize": _default_randomize,
    "export": _default_export,
}


def _summary_of(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if hasattr(value, "to_dict"):
        data = value.to_dict()
        return data if isinstance(data, dict) else {"value": data}
    if isinstance(value, dict):
        return dict(value)
    return {"value": repr(value)}


class PanelViewModel:
    """State and actions of the prompt panel.

    Args:
        stage_provider: returns the open stage, or None when no stage is open.
        applier: writes a built layer into the stage (``applier(stage, layer, base)``).
        settings: generation, sandbox, physics and randomization settings.
        defaults: initial field values.
        services: Validate / Repair / Randomize / Export backends.
        yield_frame: awaited between steps (``next_update_async`` in Kit).
        policy_factory: turns a policy string into a policy.
        threads: run blocking steps on a worker thread.
    """

    def __init__(self, stage_provider: StageProvider, applier: Applier = apply_world_layer,
                 settings: Settings | None = None, defaults: PanelDefaults | None = None,
                 services: PanelServices | None = None, yield_frame: YieldFn | None = None,
                 policy_factory: PolicyFactory = make_panel_policy, threads: bool = True):
        self.stage_provider = stage_provider
        self.applier = applier
        self.settings = settings or Settings()
        self.defaults = defaults or PanelDefaults(policy=self.settings.generator.policy,
                                                  engine=self.settings.physics.engine,
                                                  asset_catalogues=", ".join(self.settings.assets.catalogues))
        self.services = services or PanelServices()
        self.policy_factory = policy_factory
        self.state = PanelState()
        self._apply_defaults()
        self.runner = JobRunner(yield_frame, self._on_progress, threads=threads)
        self._listeners: list[Callable[[PanelState], None]] = []
        self._sandbox: Sandbox | None = None
        self._task: asyncio.Future | None = None

    # ------------------------------------------------------------------ state
    def _apply_defaults(self) -> None:
        d = self.defaults
        kind, value = "procedural", ""
        for prefix, k in (("hf:", "local model"), ("openai:", "endpoint"), ("actions:", "action file")):
            if d.policy.startswith(prefix):
                kind, value = k, d.policy[len(prefix):]
        self.state = replace(self.state, policy_kind=kind, policy_value=value, seed=str(d.seed),
                             variants=str(d.variants), frames=str(d.frames), output_dir=d.output_dir,
                             engine=d.engine, asset_catalogues=d.asset_catalogues)

    def subscribe(self, listener: Callable[[PanelState], None]) -> Callable[[], None]:
        """Call ``listener(state)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener(self.state)

    def set_field(self, name: str, value: Any) -> None:
        """Set an input field (``prompt``, ``policy_kind``, ``policy_value``, ``seed``, ...).

        Raises:
            InputError: an unknown field, or a policy kind the selector does not offer.
        """
        inputs = ("prompt", "policy_kind", "policy_value", "seed", "variants", "frames", "output_dir",
                  "engine", "repair", "asset_catalogues")
        if name not in inputs:
            raise InputError(f"unknown panel field {name!r}")
        if name == "policy_kind" and value not in POLICY_KINDS:
            raise InputError(f"unknown policy kind {value!r}; choose one of {', '.join(POLICY_KINDS)}")
        setattr(self.state, name, bool(value) if name == "repair" else str(value))
        self._notify()

    def log(self, level: str, action: str, message: str) -> LogEntry:
        """Append a line to the log (oldest lines drop past ``defaults.max_log``)."""
        entry = LogEntry(level, action, message)
        self.state.log.append(entry)
        del self.state.log[:-self.defaults.max_log]
        self._notify()
        return entry

    def clear_log(self) -> None:
        """Empty the log."""
        self.state.log.clear()
        self._notify()

    def log_text(self) -> str:
        """The whole log as text (what the log widget shows)."""
        return "\n".join(e.text() for e in self.state.log)

    def _on_progress(self, message: str, fraction: float | None) -> None:
        if fraction is not None:
            self.state.progress = fraction
        self.state.status = message
        self._notify()

    # ------------------------------------------------------------------ buttons
    @property
    def busy(self) -> bool:
        """True while an action runs."""
        return self.runner.busy

    def enabled(self, action: str) -> bool:
        """Whether a button is enabled now (``cancel`` only while busy, the others only when idle)."""
        if action == "cancel":
            return self.busy
        return action in ACTIONS and not self.busy

    def start(self, action: str) -> asyncio.Future | None:
        """Schedule ``action`` on the running event loop (what a button's click does).

        Returns:
            The task, or None when another action runs (a warning is logged).
        """
        if self.busy:
            self.log("warning", action, f"wait: {self.state.busy} is running (or press Cancel)")
            return None
        coro = getattr(self, action)()
        self._task = asyncio.ensure_future(coro)
        return self._task

    def cancel(self) -> bool:
        """Ask the running action to stop at its next step; False when nothing runs."""
        if not self.runner.cancel():
            return False
        self.log("warning", self.state.busy or "cancel", "cancelling at the next step...")
        return True

    async def generate(self) -> JobOutcome:
        """Build a new world from the prompt and apply it to the open stage (one undo group in Kit)."""
        return await self._run("generate", self._generate_job)

    async def refine(self) -> JobOutcome:
        """Edit the open stage's world with the prompt as an instruction; only changed prims are written."""
        return await self._run("refine", self._refine_job)

    async def randomize(self) -> JobOutcome:
        """Randomize the open world (``variants`` variants from ``seed``) with the Randomize backend."""
        return await self._run("randomize", self._randomize_job)

    async def validate(self) -> JobOutcome:
        """Validate the open world's physics on a copy; with ``repair``, apply the fixes (undoable)."""
        return await self._run("validate", self._validate_job)

    async def export(self) -> JobOutcome:
        """Write a dataset (``frames`` frames, BasicWriter layout) of the open world to ``output_dir``."""
        return await self._run("export", self._export_job)

    async def _run(self, action: str, job: Callable[[JobContext], Any]) -> JobOutcome:
        if self.busy:
            self.log("warning", action, f"wait: {self.state.busy} is running (or press Cancel)")
            return JobOutcome(action, "error", error=f"{self.state.busy} is running")
        self.state.busy, self.state.progress, self.state.status = action, 0.0, f"{action}..."
        self.log("info", action, "started")
        try:
            outcome = await self.runner.run(action, job)
        finally:
            self.state.busy = ""
        if outcome.ok:
            self.state.progress, self.state.status = 1.0, f"{action} done in {outcome.seconds:.1f} s"
            self.state.last[action] = _summary_of(outcome.value)
            self.log("info", action, f"done in {outcome.seconds:.1f} s")
        elif outcome.status == "cancelled":
            self.state.status = f"{action} cancelled"
            self.log("warning", action, "cancelled; the open stage was not changed")
        else:
            self.state.status = f"{action} failed"
            self.log("error", action, outcome.error)
        return outcome

    # ------------------------------------------------------------------ helpers
    def _stage(self) -> Usd.Stage:
        stage = self.stage_provider()
        if stage is None:
            raise InputError("no stage is open; open or create a stage first")
        return stage

    def _service(self, name: str) -> Callable[..., Any]:
        fn = getattr(self.services, name)
        return fn if fn is not None else _DEFAULTS[name]()

    def _settings_with_catalogues(self) -> Settings:
        """The settings with the panel's asset catalogues (unknown names raise InputError, naming the known)."""
        from ..assets.library import libraries

        names = tuple(n.strip() for n in self.state.asset_catalogues.split(",") if n.strip())
        known = libraries()
        for n in names:
            if n not in known:
                raise InputError(f"asset catalogue {n!r} is not an indexed library (known: "
                                 f"{', '.join(sorted(known)) or 'none'}; add one with: omni-generalist assets add DIR --name NAME)")
        return replace(self.settings, assets=replace(self.settings.assets, catalogues=names))

    def _sandbox_for_job(self) -> Sandbox:
        if self._sandbox is None:
            self._sandbox = Sandbox(config=self.settings.sandbox)
        return self._sandbox

    async def _inputs_for_build(self, ctx: JobContext, action: str) -> tuple[str, Any, int]:
        prompt = check_prompt(self.state.prompt, self.settings.generator.max_prompt_chars)
        spec = policy_spec(self.state.policy_kind, self.state.policy_value)
        seed = parse_seed(self.state.seed)
        if spec.startswith("hf:"):
            await ctx.progress("loading the model", 0.01)
        # loading a local model takes a while: off the event loop
        policy = await ctx.run_blocking(self.policy_factory, spec, self.settings.policy)
        self.log("info", action, f"policy {policy.name}, seed {seed}")
        return prompt, policy, seed

    async def _build_and_apply(self, ctx: JobContext, action: str, base: Sdf.Layer | None) -> dict[str, Any]:
        prompt, policy, seed = await self._inputs_for_build(ctx, action)
        stage = self._stage()
        if base is None and action == "refine":
            base = snapshot_world(stage)
        settings = self._settings_with_catalogues()
        build: BuildResult = await build_world_async(ctx, self._sandbox_for_job(), policy, prompt, seed,
                                                     settings, base)
        for r in build.failed[:5]:
            self.log("warning", action, f"action {r.index} failed and was skipped: {r.error}")
        if len(build.failed) > 5:
            self.log("warning", action, f"... and {len(build.failed) - 5} more failed actions")
        physics, warning = await physics_async(ctx, build.layer, self.settings, MAIN_THREAD_ENGINES)
        if warning:
            self.log("warning", action, warning)
        if physics is not None:
            verdict = "valid" if physics.get("ok") else "INVALID"
            self.log("info" if physics.get("ok") else "warning", action,
                     f"physics {verdict} after {physics.get('repair_rounds', 0)} repair rounds "
                     f"(stability {physics.get('stability', 0):.0%})")
        await ctx.progress("applying to the open stage", 0.95)
        stage = self._stage()  # the person may have switched stages while the job ran
        report = self.applier(stage, build.layer, build.base)
        info = describe_build(build)
        info["physics"] = physics
        info["applied"] = {"added": len(report.added), "changed": len(report.replaced), "replaced": list(report.replaced),
                           "removed": len(report.removed), "deactivated": len(report.deactivated)}
        self.log("info", action, f"{info['actions']} actions ({info['failed']} failed), {info['objects']} objects; "
                                 f"stage: {report.summary()}")
        for key, (old, new) in report.metadata.items():
            if old is None:
                continue
            self.log("warning", action, f"stage {key} changed from {old} to {new} (worlds are Z-up, in meters)")
        return info

    async def _generate_job(self, ctx: JobContext) -> dict[str, Any]:
        return await self._build_and_apply(ctx, "generate", None)

    async def _refine_job(self, ctx: JobContext) -> dict[str, Any]:
        return await self._build_and_apply(ctx, "refine", None)

    async def _randomize_job(self, ctx: JobContext) -> Any:
        variants = parse_count(self.state.variants, "variants", 1, 100_000)
        seed = parse_seed(self.state.seed)
        out = parse_output_dir(self.state.output_dir) if self.state.output_dir.strip() else None
        service = self._service("randomize")
        stage = self._stage()
        request = RandomizeRequest(stage, snapshot_world(stage), variants, seed, self.settings, out)
        await ctx.progress(f"randomizing {variants} variants (seed {seed})", 0.05)
        value = await self._call(ctx, service, request)
        self.log("info", "randomize", _describe(value, f"{variants} variants"))
        return value

    async def _validate_job(self, ctx: JobContext) -> Any:
        engine = self.state.engine.strip() or None
        validate = self._service("validate")
        stage = self._stage()
        copy = Usd.Stage.Open(snapshot_world(stage))
        await ctx.progress(f"validating with {engine or self.settings.physics.engine}", 0.1)
        on_main = (engine or self.settings.physics.engine) in MAIN_THREAD_ENGINES
        report = validate(copy, engine, self.settings) if on_main else await ctx.run_blocking(
            validate, copy, engine, self.settings)
        self.log("info" if report.ok else "warning", "validate", report.summary())
        for p in list(report.problems)[:10]:
            self.log("warning", "validate", f"{p.kind} at {p.path}: {p.message}")
        if report.ok or not self.state.repair:
            return report
        repair = self._service("repair")
        await ctx.progress("repairing", 0.6)
        base = snapshot_world(stage)
        work = Sdf.Layer.CreateAnonymous("repair.usda")
        work.TransferContent(base)
        fix_stage = Usd.Stage.Open(work)
        result = repair(fix_stage, engine, self.settings) if on_main else await ctx.run_blocking(
            repair, fix_stage, engine, self.settings)
        await ctx.progress("applying repairs to the open stage", 0.95)
        applied = self.applier(self._stage(), work, base)
        self.log("info" if result.ok else "warning", "validate",
                 f"repair {'fixed every problem' if result.ok else 'left problems'}; stage: {applied.summary()}")
        return result

    async def _export_job(self, ctx: JobContext) -> Any:
        frames = parse_count(self.state.frames, "frames", 1, 100_000)
        seed = parse_seed(self.state.seed)
        out = parse_output_dir(self.state.output_dir)
        service = self._service("export")
        stage = self._stage()
        request = ExportRequest(stage, snapshot_world(stage), frames, seed, out, self.defaults.width,
                                self.defaults.height, self.settings)
        await ctx.progress(f"writing {frames} frames to {out}", 0.05)
        value = await self._call(ctx, service, request)
        self.log("info", "export", _describe(value, f"{frames} frames in {out}"))
        return value

    async def _call(self, ctx: JobContext, service: Callable[..., Any], request: Any) -> Any:
        if inspect.iscoroutinefunction(service):
            return await service(request, ctx)
        return await ctx.run_blocking(service, request)

    # ------------------------------------------------------------------ life cycle
    def close(self) -> None:
        """Cancel the running action and release the sandbox worker and the job thread."""
        self.runner.cancel()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        if self._sandbox is not None:
            self._sandbox.close()
            self._sandbox = None
        self.runner.close()
        self._listeners.clear()


def _describe(value: Any, fallback: str) -> str:
    if value is None:
        return fallback
    if hasattr(value, "summary") and callable(value.summary):
        return str(value.summary())
    out = getattr(value, "out", None)
    files = getattr(value, "files", None)
    if out is not None and files is not None:
        count = files if isinstance(files, int) else len(files)
        return f"{count} files in {out}"
    return fallback
