"""The policy loop of Generate and Refine, as an asyncio job that yields between actions.

It is the loop of :func:`omni_generalist.generate.generate_world` (same step and failure
limits, same observations), written as a coroutine so that a panel can show progress, stay
responsive and stop between two actions when the user cancels. Nothing is written to the open
stage here: the caller applies the sandbox's layer once the loop has finished.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pxr import Sdf

from ..actions.executor import ActionResult, Sandbox
from ..config import PolicyConfig, Settings
from ..errors import GeneralistError, InputError
from ..policy.base import Policy
from ..policy.script import ScriptPolicy
from .jobs import JobContext

PolicyFactory = Callable[[str, PolicyConfig], Policy]


def make_panel_policy(spec: str, config: PolicyConfig | None = None) -> Policy:
    """Return the policy for a panel policy string (``actions:PATH`` or any ``make_policy`` spec).

    Raises:
        InputError: an unknown policy, an unreadable file; ``PolicyError``: a model that cannot be
            loaded, a malformed server address.
    """
    if spec.startswith("actions:"):
        path = Path(spec.split(":", 1)[1])
        policy = ScriptPolicy.from_file(path)
        policy.name = f"actions:{path.name}"
        return policy
    from ..policy import make_policy

    return make_policy(spec, config)


@dataclass
class BuildResult:
    """What one Generate or Refine run built (before it is applied to the open stage)."""

    layer: Sdf.Layer
    base: Sdf.Layer | None
    results: list[ActionResult] = field(default_factory=list)
    policy: str = ""

    @property
    def applied(self) -> int:
        """Number of successful actions."""
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> list[ActionResult]:
        """The actions that failed (their edits were discarded)."""
        return [r for r in self.results if not r.ok]


def _fraction(step: int) -> float:
    """An approximate progress fraction for a loop whose length is not known in advance."""
    return 0.05 + 0.8 * step / (step + 8.0)


async def run_policy_async(ctx: JobContext, sandbox: Sandbox, policy: Policy, prompt: str, seed: int,
                           settings: Settings) -> list[ActionResult]:
    """Run ``policy`` in ``sandbox`` action by action, yielding to the event loop between actions.

    Args:
        ctx: the job context (progress, cancellation, blocking calls).
        sandbox: a sandbox over the layer being built (edited in place).
        policy: the policy that writes the actions.
        prompt: the prompt or edit instruction.
        seed: world seed.
        settings: step and failure limits (``settings.generator``).

    Returns:
        One result per action run.

    Raises:
        JobCancelled: the user cancelled (the sandbox layer may hold part of the world).
    """
    from ..generate import policy_steps

    steps = policy_steps(sandbox, policy, prompt, seed, settings)
    results: list[ActionResult] = []
    while True:  # each policy call and each action runs off the event loop
        item = await ctx.run_blocking(next, steps, None)
        if item is None:
            break
        step, res = item
        if res is None:
            await ctx.progress(f"action {step + 1}", _fraction(step))
        else:
            results.append(res)
    return results


async def build_world_async(ctx: JobContext, sandbox: Sandbox, policy: Policy, prompt: str, seed: int,
                            settings: Settings, base: Sdf.Layer | None) -> BuildResult:
    """Build a new world (``base`` None) or edit a copy of ``base`` in ``sandbox``.

    Args:
        ctx: the job context.
        sandbox: a sandbox to reuse (it is reset onto the new layer; its worker is kept).
        policy: the policy.
        prompt: the prompt (Generate) or instruction (Refine).
        seed: world seed.
        settings: settings.
        base: the snapshot of the open stage to edit, or None for a new world.

    Returns:
        The built layer, the base it started from and the action results.

    Raises:
        InputError: an action file whose action failed.
        GeneralistError: the policy built nothing.
    """
    from ..world.stage import new_stage

    provenance = None
    if base is None:
        from ..assets.library.use import activate

        layer = new_stage().GetRootLayer()
        activate(layer, settings.assets.catalogues)  # the asset libraries it prefers, as generate does
        provenance = {"prompt": prompt, "policy": policy.name}  # written by the executor
    else:
        layer = Sdf.Layer.CreateAnonymous("world.usda")
        layer.TransferContent(base)
    await ctx.progress("starting the sandbox", 0.02)
    await ctx.run_blocking(sandbox.reset, layer, seed, provenance)
    results = await run_policy_async(ctx, sandbox, policy, prompt, seed, settings)
    failed = [r for r in results if not r.ok]
    if isinstance(policy, ScriptPolicy) and failed:
        raise InputError(f"action {failed[0].index} of the action file failed: {failed[0].error}")
    if not any(r.ok for r in results):
        from ..generate import why_nothing

        raise GeneralistError(f"nothing was built: {why_nothing(policy, failed)}")
    return BuildResult(sandbox.layer, base, results, policy.name)


async def physics_async(ctx: JobContext, layer: Sdf.Layer, settings: Settings,
                        main_thread_engines: frozenset[str] = frozenset()) -> tuple[dict[str, Any] | None, str]:
    """Author SimReady physics on a built world, then validate and repair it as ``generate`` does.

    Validation runs only when ``settings.generator.validate`` is on and the engine may run on a
    worker thread; an engine that is not installed turns it into a warning (the physics is still
    authored; the panel's Validate button can check it later).

    Returns:
        ``(physics report entry or None, warning or '')``.
    """
    from pxr import Usd

    from ..physics import author_physics

    await ctx.progress("authoring physics", 0.9)
    await ctx.run_blocking(author_physics, Usd.Stage.Open(layer), settings.physics)
    engine = settings.physics.engine
    if not settings.generator.validate:
        return None, ""
    if engine in main_thread_engines:
        return None, f"not validated while generating ({engine} runs on the main thread): press Validate"
    from ..generate import physics_pass

    await ctx.progress(f"validating and repairing physics ({engine})", 0.92)
    try:
        return await ctx.run_blocking(physics_pass, layer, settings), ""
    except InputError as exc:
        return None, f"physics not validated: {exc}; press Validate to check it with another engine"


def describe_build(build: BuildResult) -> dict[str, Any]:
    """A short summary of a build for the log: actions, failures and object categories."""
    from collections import Counter

    from pxr import Usd

    from ..world.model import list_objects

    objs = list_objects(Usd.Stage.Open(build.layer))
    return {"actions": build.applied, "failed": len(build.failed), "objects": len(objs),
            "categories": dict(sorted(Counter(o.category for o in objs).items()))}
