"""The generation loop: prompt → policy → actions in the sandbox → a world folder on disk.

``generate_world`` writes ``world.usd`` (or ``world.usda``), ``report.json`` and ``actions.py``
into a temporary folder and renames it into place (DESIGN.md §3), so a failed run leaves
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

from .actions.executor import ActionResult, Sandbox
from .actions.log import ActionLog
from .actions.placement import GAP
from .config import Settings
from .errors import InputError, WorldFormatError
from .io import atomic_dir, check_output_dir, write_json, write_text_atomic
from .policy.base import Observation, Policy
from .policy.script import ScriptPolicy
from .version import __version__
from .world.geometry import footprint_inside, footprints_overlap
from .world.metadata import get_provenance, set_provenance
from .world.model import list_objects, room_info
from .world.stage import find_world_file, new_stage, open_stage, save_layer

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
    for i, a in enumerate(objs):
        for b in objs[i + 1:]:
            if a.top <= b.bottom + 1e-4 or b.top <= a.bottom + 1e-4:
                continue
            if carried_by(a, b) or carried_by(b, a):
                continue  # a jar on a shelf board, an apple in a bowl
            if footprints_overlap(a.footprint.inflated(-0.005), b.footprint.inflated(-0.005)):
                overlaps.append([a.name, b.name])
    outside = [o.name for o in objs if room is not None and not footprint_inside(o.footprint.inflated(-GAP / 4), room.polygon)]
    return {"objects": len(objs), "categories": dict(sorted(Counter(o.category for o in objs).items())),
            "overlaps": overlaps, "outside_room": outside,
            "room": None if room is None else {"type": room.room_type, "walls": len(room.walls),
                                               "doors": len(room.doors), "windows": len(room.windows),
                                               "height": room.height}}


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


def _run_policy(sandbox: Sandbox, policy: Policy, prompt: str, seed: int, settings: Settings,
                progress: ProgressFn | None) -> list[ActionResult]:
    results: list[ActionResult] = []
    total = settings.generator.max_steps
    for step, res in policy_steps(sandbox, policy, prompt, seed, settings):
        if res is not None:
            results.append(res)
        elif progress:
            progress(f"action {step + 1}", step, total)
    return results


def _write_world(dest: Path, layer: Sdf.Layer, log: ActionLog, report: dict[str, Any], fmt: str) -> Path:
    name = "world.usda" if fmt == "usda" else "world.usd"
    save_layer(layer, dest / name)
    write_text_atomic(dest / "actions.py", log.to_text())
    write_json(dest / "report.json", report)
    return dest / name


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


def generate_world(prompt: str, out: str | Path, policy: Policy, seed: int = 0, settings: Settings | None = None,
                   force: bool = False, progress: ProgressFn | None = None,
                   sandbox: Sandbox | None = None) -> WorldResult:
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

    Raises:
        InputError: bad prompt, output path or action file (a script whose action fails).
        GeneralistError: the policy could not build a world.
    """
    settings = settings or Settings()
    fmt = settings.generator.format
    if fmt not in ("usd", "usda"):
        raise InputError(f"unknown format {fmt!r}; use usd or usda")
    prompt = check_prompt(prompt, settings.generator.max_prompt_chars)
    check_output_dir(out, force)
    t0 = time.perf_counter()
    stage = new_stage()
    set_provenance(stage, prompt, seed, policy.name)
    if sandbox is not None:
        sandbox.reset(stage.GetRootLayer(), seed)
        ctx = contextlib.nullcontext(sandbox)
    else:
        ctx = Sandbox(stage.GetRootLayer(), seed=seed, config=settings.sandbox)
    with ctx as sandbox:
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
        report = {
            "prompt": prompt, "seed": seed, "policy": policy.name, "version": __version__,
            "world": "world.usda" if fmt == "usda" else "world.usd",
            "actions": {"applied": len(log.actions), "failed": len(failed), "results": [r.to_dict() for r in results]},
            "layout": layout_checks(sandbox.layer),
            "physics": physics,
            "timings": {"build_s": round(t_build, 3), "physics_s": round(t_phys, 3)},
        }
        if hasattr(policy, "summary"):
            report["plan"] = policy.summary()
        with atomic_dir(out, force) as tmp:
            t1 = time.perf_counter()
            world_file = _write_world(tmp, sandbox.layer, log, report, fmt)
            report["timings"]["write_s"] = round(time.perf_counter() - t1, 3)
            if settings.generator.preview:
                _write_preview(tmp, sandbox.layer, settings, report)
            write_json(tmp / "report.json", report)
    final = Path(out).expanduser().absolute()
    return WorldResult(final, final / world_file.name, report, results)


def edit_world(world: str | Path, policy: Policy, instruction: str = "", settings: Settings | None = None,
               progress: ProgressFn | None = None) -> WorldResult:
    """Apply a policy's actions to an existing world folder and rewrite it atomically.

    The new actions are appended to ``actions.py`` so that replaying it rebuilds the edited world.
    """
    settings = settings or Settings()
    folder = Path(world)
    if not folder.is_dir():
        raise WorldFormatError(f"{folder} is not a world folder")
    world_file = find_world_file(folder)
    stage = open_stage(world_file)
    log_path = folder / "actions.py"
    log = ActionLog.read(log_path) if log_path.is_file() else ActionLog()
    prov = get_provenance(stage)
    seed = int(prov.get("seed", log.seed))
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
        report = {
            "prompt": new_log.prompt, "seed": seed, "policy": new_log.policy, "version": __version__,
            "world": world_file.name, "edit": {"instruction": instruction, "policy": policy.name},
            "actions": {"applied": len(new_log.actions), "failed": len(failed),
                        "results": [r.to_dict() for r in results]},
            "layout": layout_checks(sandbox.layer), "physics": physics,
            "timings": {"edit_s": round(time.perf_counter() - t0, 3)},
        }
        if hasattr(policy, "summary"):
            report["edit"]["plan"] = policy.summary()
        with atomic_dir(folder, force=True) as tmp:
            # keep whatever else the folder holds (previews, renders)
            fresh = ("world.usd", "world.usda", "actions.py", "report.json")
            if settings.generator.preview:
                fresh += ("preview.png",)
            for item in folder.iterdir():
                if item.name not in fresh and item.is_file():
                    (tmp / item.name).write_bytes(item.read_bytes())
            _write_world(tmp, sandbox.layer, new_log, report, fmt)
            if settings.generator.preview:
                _write_preview(tmp, sandbox.layer, settings, report)
                write_json(tmp / "report.json", report)
    return WorldResult(folder.absolute(), folder.absolute() / world_file.name, report, results)
