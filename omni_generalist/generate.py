"""The generation loop: prompt → policy → actions in the sandbox → a world folder on disk.

``generate_world`` writes ``world.usd`` (or ``world.usda``), ``report.json`` and ``actions.py``
into a temporary folder and renames it into place (docs/design.md §3), so a failed run leaves
nothing behind. ``edit_world`` applies more actions to an existing world the same way.
"""

from __future__ import annotations

import contextlib
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pxr import Sdf

from .actions.edit_checks import used_asset_roots
from .actions.executor import ActionResult, Sandbox
from .actions.log import ActionLog
from .actions.placement import GAP
from .assets.library.use import activate as activate_libraries
from .config import Settings
from .errors import InputError, WorldFormatError
from .io import check_output_dir
from .policy.base import Observation, Policy
from .policy.script import ScriptPolicy
from .version import __version__
from .world.folder import WorldFolder
from .world.geometry import footprint_inside, footprints_overlap
from .world.metadata import get_provenance
from .world.model import list_objects, room_info, rooms
from .world.stage import new_stage, open_stage

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(message, step, total)``."""


@dataclass
class WorldResult:
    """What ``generate_world`` or ``edit_world`` produced."""

    out: Path
    world_file: Path
    report: dict[str, Any]
    results: list[ActionResult] = field(default_factory=list)


def check_prompt(prompt: str, max_chars: int) -> str:
    """Return the prompt cleaned of surrounding space; raise :class:`InputError` if it is unusable."""
    if not isinstance(prompt, str):
        raise InputError("the prompt must be text")
    try:
        prompt.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the prompt is not valid UTF-8 text") from None
    text = unicodedata.normalize("NFC", prompt).strip()
    if not text:
        raise InputError("the prompt is empty")
    if len(text) > max_chars:
        raise InputError(f"the prompt has {len(text)} characters; the limit is {max_chars}")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise InputError("the prompt contains control characters")
    return text


def layout_checks(layer: Sdf.Layer) -> dict[str, Any]:
    """Geometric checks of a world: overlapping objects and objects outside the room."""
    from pxr import Usd

    stage = Usd.Stage.Open(layer)
    objs = list_objects(stage)
    room = room_info(stage)
    by_path = {o.path: o for o in objs}

    def carried_by(a, b) -> bool:  # a rests (directly or through others) on b
        seen = set()
        while a.support in by_path and a.support not in seen:
            seen.add(a.support)
            if a.support == b.path:
                return True
            a = by_path[a.support]
        return False

    overlaps = []
    shrunk = [o.footprint.inflated(-0.005) for o in objs]
    for i, a in enumerate(objs):
        for j in range(i + 1, len(objs)):
            b = objs[j]
            if a.top <= b.bottom + 1e-4 or b.top <= a.bottom + 1e-4:
                continue
            if not footprints_overlap(shrunk[i], shrunk[j]):
                continue
            if carried_by(a, b) or carried_by(b, a):
                continue  # a jar on a shelf board, an apple in a bowl
            overlaps.append([a.name, b.name])
    own = {r.name: r.polygon for r in rooms(stage)}  # in a home each object is checked in its own room
    outside = [o.name for o in objs if room is not None
               and not footprint_inside(o.footprint.inflated(-GAP / 4), own.get(o.room, room.polygon))]
    return {"objects": len(objs), "categories": dict(sorted(Counter(o.category for o in objs).items())),
            "overlaps": overlaps, "outside_room": outside,
            "room": None if room is None else {"type": room.room_type, "walls": len(room.walls),
                                               "doors": len(room.doors), "windows": len(room.windows),
                                               "height": room.height},
            **({"rooms": sorted(own)} if len(own) > 1 else {})}


def physics_pass(layer: Sdf.Layer, settings: Settings) -> tuple[dict[str, Any] | None, str]:
    """Author SimReady physics on a built world and, unless disabled, validate and repair it.

    Returns the ``physics`` entry of ``report.json`` (None when validation is off) and the repair as
    action code ("" when nothing was changed) for the action log. The fixes are authored into
    ``layer``.
    """
    from pxr import Usd

    from .physics import author_physics

    stage = Usd.Stage.Open(layer)
    author_physics(stage, settings.physics)
    if not settings.generator.validate:
        return None, ""
    from .physics import repair_world
    from .physics.repair import repair_code

    snapshot = Sdf.Layer.CreateAnonymous("before_repair.usda")
    snapshot.TransferContent(layer)
    result = repair_world(stage, config=settings.physics, author=False)  # authored just above
    after, before = result.after.to_dict(), result.before.to_dict()
    for rep in (after, before):  # timings belong to report["timings"] (reports compare equal across runs)
        rep.pop("timings")
    return ({**after, "before": before, "repairs": result.actions, "repair_rounds": result.rounds,
             "failed_fixes": result.failed_fixes},
            repair_code(snapshot, layer) if result.actions else "")


def policy_steps(sandbox: Sandbox, policy: Policy, prompt: str, seed: int,
                 settings: Settings) -> Iterator[tuple[int, ActionResult | None]]:
    """Run ``policy`` in ``sandbox`` action by action (the one loop of ``generate``, ``edit`` and the panel).

    Yields ``(step, None)`` when the policy has written an action that is about to run, then
    ``(step, result)`` once it ran. Stops when the policy is done, after ``generator.max_steps``
    actions, or after ``generator.max_failures`` failed ones.
    """
    from .actions.api import ActionAPI

    policy.reset(prompt, seed)

    def summarize() -> str:
        return ActionAPI(sandbox.stage).scene_summary()

    def view() -> bytes | None:
        return world_png(sandbox.stage, settings)

    obs = Observation(prompt=prompt, step=0, summarize=summarize, view=view)
    failures = 0
    for step in range(settings.generator.max_steps):
        code = policy.act(obs)
        if code is None:
            return
        yield step, None
        res = sandbox.run(code)
        yield step, res
        if not res.ok:
            failures += 1
            if failures > settings.generator.max_failures:
                return
        obs = Observation(prompt=prompt, step=step + 1, summarize=summarize, last_ok=res.ok, last_error=res.error,
                          last_output=res.output, view=view)


def world_png(stage, settings: Settings) -> bytes | None:
    """A PNG of the world for a policy to look at (the preview collage), or None when it cannot be rendered."""
    import io

    from .errors import GeneralistError
    from .world.model import room_info

    if room_info(stage) is None:
        return None
    try:
        from .render.preview import render_preview

        image = render_preview(stage, settings.render)
    except (GeneralistError, ImportError):  # no EGL driver, no render extra
        return None
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def why_nothing(policy: Policy, failed: list[ActionResult]) -> str:
    """Why a policy run changed nothing: the last failed action's error, or what the policy could not do."""
    if failed:
        return failed[-1].error
    summary = policy.summary() if hasattr(policy, "summary") else {}
    notes = [str(n) for n in summary.get("dropped", [])]
    return "; ".join(notes[:3]) if notes else "the policy produced no action"


def _import_what_follows(settings: Settings) -> None:
    """Import what validation and the preview use (simulator, convex hulls, asset validator, renderer).

    Run in a thread while the sandbox worker builds the world, when this process only waits; an
    import that fails here fails again, with its error, where the module is used.
    """
    try:
        if settings.generator.validate:
            import scipy.spatial  # noqa: F401 - convex hulls of the colliders

            from .physics import validate  # noqa: F401
            from .physics.asset_rules import asset_validator

            asset_validator()
            if settings.physics.engine == "physx":
                from .physics.sapien_engine import import_sapien

                import_sapien()
        if settings.generator.preview:
            from .render import preview, raster  # noqa: F401
    except Exception:  # noqa: BLE001, S110 - only a head start; the real import reports the problem
        pass


def _run_policy(sandbox: Sandbox, policy: Policy, prompt: str, seed: int, settings: Settings,
                progress: ProgressFn | None) -> list[ActionResult]:
    import threading

    results: list[ActionResult] = []
    total = settings.generator.max_steps
    imports = threading.Thread(target=_import_what_follows, args=(settings,), name="import-ahead", daemon=True)
    try:
        for step, res in policy_steps(sandbox, policy, prompt, seed, settings):
            if res is not None:
                results.append(res)
                continue
            if step == 0:  # the first action runs in the worker: import meanwhile
                imports.start()
            if progress:
                progress(f"action {step + 1}", step, total)
    finally:
        if imports.is_alive():
            imports.join()  # before this thread imports any of it (no two threads import one module)
    return results


def _write_preview(dest: Path, layer: Sdf.Layer, settings: Settings, report: dict[str, Any]) -> None:
    """Render ``preview.png`` into ``dest`` (the fast rasteriser); a failure is reported, not raised."""
    from pxr import Usd

    from .errors import GeneralistError
    from .render.preview import write_preview

    t0 = time.perf_counter()
    try:
        write_preview(Usd.Stage.Open(layer), dest / "preview.png", settings.render)
    except GeneralistError as exc:  # no EGL driver, a world without a room: the world itself is fine
        report["preview_error"] = str(exc)
    report["timings"]["preview_s"] = round(time.perf_counter() - t0, 3)


def _previewer(layer: Sdf.Layer, settings: Settings, report: dict[str, Any]) -> Callable[[Path], None] | None:
    """What writes ``preview.png`` into a world folder being written (None when previews are off)."""
    if not settings.generator.preview:
        return None
    return lambda dest: _write_preview(dest, layer, settings, report)


def generate_world(prompt: str, out: str | Path, policy: Policy, seed: int = 0, settings: Settings | None = None,
                   force: bool = False, progress: ProgressFn | None = None,
                   sandbox: Sandbox | None = None, inputs=()) -> WorldResult:
    """Build a world for ``prompt`` with ``policy`` and write it to the folder ``out``.

    Args:
        prompt: what to build.
        out: the world folder to create (must be absent or empty unless ``force``).
        policy: the policy that writes the actions.
        seed: world seed (same inputs and seed give byte-identical files).
        settings: settings; defaults from ``config/``.
        force: replace an existing non-empty ``out``.
        progress: optional progress callback.
        sandbox: a sandbox to reuse (its worker process is kept; many worlds in one process).
        inputs: paths the caller reads (an action file): ``out`` may not be, contain or lie inside them.

    Raises:
        InputError: bad prompt, output path or action file (a script whose action fails).
        GeneralistError: the policy could not build a world.
    """
    settings = settings or Settings()
    fmt = settings.generator.format
    if fmt not in ("usd", "usda"):
        raise InputError(f"unknown format {fmt!r}; use usd or usda")
    prompt = check_prompt(prompt, settings.generator.max_prompt_chars)
    check_generator(settings)
    folder = WorldFolder(out)
    check_output_dir(folder.path, force, inputs)
    t0 = time.perf_counter()
    stage = new_stage()
    activate_libraries(stage.GetRootLayer(), settings.assets.catalogues)
    provenance = {"prompt": prompt, "policy": policy.name}
    if sandbox is not None:
        sandbox.reset(stage.GetRootLayer(), seed, provenance)
        ctx = contextlib.nullcontext(sandbox)
    else:
        ctx = Sandbox(stage.GetRootLayer(), seed=seed, config=settings.sandbox, provenance=provenance)
    if fmt == "usd":
        from .world.crate import start as start_crate_writer

        start_crate_writer()  # the writer of world.usd loads USD meanwhile too
    with ctx as sandbox:
        sandbox.start()  # a new worker starts (imports, warms up) while the policy plans
        results = _run_policy(sandbox, policy, prompt, seed, settings, progress)
        t_build = time.perf_counter() - t0
        failed = [r for r in results if not r.ok]
        if isinstance(policy, ScriptPolicy) and failed:
            r = failed[0]
            raise InputError(f"action {r.index} of the action file failed: {r.error}")
        if not sandbox.log.actions:
            from .errors import GeneralistError

            raise GeneralistError(f"no world was built: {why_nothing(policy, failed)}")
        log = sandbox.log
        log.prompt, log.seed, log.policy, log.version = prompt, seed, policy.name, __version__
        t_phys = time.perf_counter()
        physics, fix = physics_pass(sandbox.layer, settings)
        if fix:
            log.append(fix)
        t_phys = time.perf_counter() - t_phys
        report = world_report(sandbox, results, physics, fmt, prompt=prompt, seed=seed, policy=policy.name,
                              timings={"build_s": round(t_build, 3), "physics_s": round(t_phys, 3)})
        if hasattr(policy, "summary"):
            report["plan"] = policy.summary()
        with folder.lock(settings.generator.lock_timeout_s), folder.replace(force, inputs) as tmp:
            world_file = WorldFolder.write_world(tmp, sandbox.layer, fmt, log.to_text(), report,
                                                 preview=_previewer(sandbox.layer, settings, report))
    return WorldResult(folder.path, folder.path / world_file.name, report, results)


def check_generator(settings: Settings) -> None:
    """Refuse generator settings that cannot work (one-line :class:`InputError`)."""
    g = settings.generator
    if g.max_steps < 1:
        raise InputError(f"setting generator.max_steps must be at least 1, got {g.max_steps}")
    if g.max_failures < 0:
        raise InputError(f"setting generator.max_failures must not be negative, got {g.max_failures}")
    if not g.lock_timeout_s >= 0:
        raise InputError(f"setting generator.lock_timeout_s must not be negative, got {g.lock_timeout_s}")
    r = settings.render
    if g.preview and not (16 <= r.preview_width <= 8192 and 16 <= r.preview_height <= 8192):
        raise InputError(f"settings render.preview_width/preview_height must be 16 to 8192 pixels, "
                         f"got {r.preview_width} x {r.preview_height}")


def world_report(sandbox: Sandbox, results: list[ActionResult], physics: dict[str, Any] | None, fmt: str, *,
                 prompt: str, seed: int, policy: str, timings: dict[str, float],
                 edit: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``report.json`` of a world that ``sandbox`` built or edited (one shape for both)."""
    report: dict[str, Any] = {
        "prompt": prompt, "seed": seed, "policy": policy, "version": __version__,
        "world": "world.usda" if fmt == "usda" else "world.usd",
        "actions": {"applied": len(sandbox.log.actions), "failed": sum(1 for r in results if not r.ok),
                    "results": [r.to_dict() for r in results]},
        "layout": layout_checks(sandbox.layer),
        "physics": physics,
        "sandbox": {"confinement": sandbox.confinement.get("level", "not started"),
                    "asset_roots": list(sandbox.asset_roots),
                    "asset_roots_used": used_asset_roots(sandbox.layer, sandbox.asset_roots)},
        "timings": timings,
    }
    if edit is not None:
        report["edit"] = edit
    return report


def edit_world(world: str | Path, policy: Policy, instruction: str = "", settings: Settings | None = None,
               progress: ProgressFn | None = None, inputs=()) -> WorldResult:
    """Apply a policy's actions to an existing world folder and rewrite it atomically.

    The folder is locked for the whole edit (a second edit waits for it, up to
    ``generator.lock_timeout_s``). The new actions are appended to ``actions.py`` so that replaying
    it rebuilds the edited world; a world without ``actions.py`` gets none (a log of only the new
    actions would not rebuild it), which ``report.json`` says.
    """
    settings = settings or Settings()
    check_generator(settings)
    folder = WorldFolder(world)
    if not folder.path.is_dir():
        folder.world_file()  # restores an interrupted swap, or raises the right error
    for item in inputs:
        src = Path(item).expanduser().absolute().resolve()
        if folder.path.resolve() == src or folder.path.resolve() in src.parents:
            raise InputError(f"the action file {src} lies inside the world folder being edited; copy it elsewhere")
    with folder.lock(settings.generator.lock_timeout_s):
        world_file = folder.world_file()
        stage = open_stage(world_file)
        has_log = folder.has_log()
        log = ActionLog.read(folder.actions_file) if has_log else ActionLog()
        prov = get_provenance(stage)
        try:
            seed = int(prov.get("seed", log.seed))
        except (TypeError, ValueError):
            raise WorldFormatError(f"{world_file} has a malformed provenance seed: {prov.get('seed')!r}") from None
        layer = Sdf.Layer.CreateAnonymous("world.usda")
        layer.TransferContent(stage.GetRootLayer())
        t0 = time.perf_counter()
        with Sandbox(layer, seed=seed, config=settings.sandbox) as sandbox:
            sandbox.log.actions = list(log.actions)
            results = _run_policy(sandbox, policy, instruction or prov.get("prompt", ""), seed, settings, progress)
            failed = [r for r in results if not r.ok]
            if isinstance(policy, ScriptPolicy) and failed:
                raise InputError(f"action {failed[0].index} of the action file failed: {failed[0].error}")
            if not any(r.ok for r in results):
                raise InputError(f"the world was not changed: {why_nothing(policy, failed)}")
            new_log = sandbox.log
            new_log.prompt, new_log.seed = log.prompt or prov.get("prompt", ""), seed
            new_log.policy, new_log.version = log.policy or prov.get("policy", ""), log.version or __version__
            fmt = "usda" if world_file.suffix == ".usda" else "usd"
            physics, fix = physics_pass(sandbox.layer, settings)
            if fix:
                new_log.append(fix)
            edit = {"instruction": instruction, "policy": policy.name}
            if not has_log:
                edit["log"] = "not written: the world had no actions.py, so no log can rebuild it"
            report = world_report(sandbox, results, physics, fmt, prompt=new_log.prompt, seed=seed,
                                  policy=new_log.policy, timings={"edit_s": round(time.perf_counter() - t0, 3)},
                                  edit=edit)
            if hasattr(policy, "summary"):
                report["edit"]["plan"] = policy.summary()
            with folder.replace(force=True, keep_others=True) as tmp:
                if not has_log:
                    (tmp / "actions.py").unlink(missing_ok=True)
                WorldFolder.write_world(tmp, sandbox.layer, fmt, new_log.to_text() if has_log else None, report,
                                        preview=_previewer(sandbox.layer, settings, report))
    return WorldResult(folder.path, folder.path / world_file.name, report, results)
