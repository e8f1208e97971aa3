"""Laying out a scene program inside an action (the ``apply_plan`` action).

The program (:class:`.program.SceneProgram` as JSON data) is validated, planned and laid out by
the procedural planner and solver, and built with the ordinary action functions, one object at a
time: when a call fails, its fallbacks are tried (another wall, the usual placement, any free
surface); what could not be built is reported, not guessed. Planning depends only on the program
and the seed, so the action log replays it byte for byte.
"""

from __future__ import annotations

from typing import Any

from ...errors import PlacementError
from ...world.metadata import set_info
from .emit import Step, emit
from .plan import Planner
from .program import PromptSpec

_ACTION_ERRORS = (PlacementError, ValueError, KeyError, LookupError)


def _run(step: Step, ns: dict[str, Any], gave_up: list[str]) -> bool:
    """Run a step (each line of a batch on its own, so a failing line costs only itself)."""
    lines = [ln for ln in step.code.splitlines() if ln.strip()]
    if step.fallbacks and len(lines) > 1 and all(ln.startswith("add_object(") for ln in lines):
        ok = True
        for single in step.fallbacks:  # a batch's fallbacks are its single objects
            ok = _run(single, ns, gave_up) and ok
        return ok
    try:
        exec(compile(step.code, "<apply_plan>", "exec"), ns)  # noqa: S102 - our own generated calls
        return True
    except _ACTION_ERRORS as exc:
        for fb in step.fallbacks:
            if _run(fb, ns, []):
                return True
        gave_up.append(f"{step.label}: {type(exc).__name__}: {exc}")
        return False


def apply_program(api, program: Any, seed: int = 0, robot_radius: float = 0.25) -> dict[str, Any]:
    """Plan ``program`` for ``seed`` and build it through ``api``.

    Args:
        api: the :class:`~omni_generalist.actions.api.ActionAPI` of the world being built.
        program: scene-program data (``scene_program.schema.json``).
        seed: planning seed (layout, sizes, which optional things).
        robot_radius: radius of the robot disc the layout keeps every object reachable for.

    Returns:
        What was built: room type, object count, groups placed as units, objects dropped, nouns
        that matched no category.

    Raises:
        ProgramError: the program does not follow the schema.
    """
    from ...actions.api import action_functions

    spec = PromptSpec.from_dict(program)
    if api._room(required=False) is not None:
        raise ValueError("apply_plan builds a new room: this world already has one (use add_object to add to it)")
    plan = Planner().plan(spec, int(seed), robot_radius)
    ns: dict[str, Any] = dict(action_functions(api))
    gave_up: list[str] = []
    for step in emit(plan):
        _run(step, ns, gave_up)
    built = {o.name: o.path for o in api.list_objects()}
    for o in plan.objects:  # each object records the prompt words it answers
        if o.source_text and o.key in built:
            set_info(api.stage.GetPrimAtPath(built[o.key]), source_text=o.source_text)
    return {"room_type": plan.room_type, "objects": len(plan.objects),
            "groups": [g for g in plan.groups if g["as_unit"]], "dropped": plan.dropped + gave_up,
            "unreachable": plan.unreachable, "unmatched": list(spec.unmatched)}
