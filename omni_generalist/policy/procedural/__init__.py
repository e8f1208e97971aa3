"""The procedural policy: any prompt → a furnished, labelled room, with no model weights.

It parses the prompt (:mod:`.parse`), plans the room and its objects from the knowledge base
(:mod:`.plan`), solves the floor layout (:mod:`.layout`) and emits action code (:mod:`.emit`)
through the sandbox like any other policy. When an action fails it reads the error and tries
the step's fallbacks (single objects instead of a batch, another wall, any free surface).

Given a world that already has a room (``edit``, the panel's Refine), the prompt is an
instruction and :mod:`.edit` turns it into actions on the objects it names.
"""

from __future__ import annotations

from ..base import Observation
from .edit import EditPlanner, read_scene
from .emit import Step, emit
from .parse import PromptSpec, parse_prompt
from .plan import Planner, ScenePlan


class ProceduralPolicy:
    """The embedded default policy (``--policy procedural``)."""

    name = "procedural"

    def __init__(self, robot_radius: float = 0.25):
        self.robot_radius = robot_radius
        self.spec: PromptSpec | None = None
        self.plan: ScenePlan | None = None
        self.editor: EditPlanner | None = None
        """Set when the policy edited an existing world instead of building one."""
        self._prompt, self._seed = "", 0
        self._queue: list[Step] | None = None
        self._last: Step | None = None
        self.gave_up: list[str] = []

    def reset(self, prompt: str, seed: int) -> None:
        self._prompt, self._seed = prompt, seed
        self.spec, self.plan, self.editor = None, None, None
        self._queue = None  # planned at the first act(), once the world is seen
        self._last = None
        self.gave_up = []

    def _start(self, obs: Observation) -> list[Step]:
        scene = read_scene(obs.scene)
        if scene.has_room:
            self.editor = EditPlanner(scene)
            return self.editor.plan(self._prompt)
        self.spec = parse_prompt(self._prompt)
        self.plan = Planner().plan(self.spec, self._seed, self.robot_radius)
        return emit(self.plan)

    def act(self, obs: Observation) -> str | None:
        if self._queue is None:
            self._queue = self._start(obs)
        if self._last is not None and not obs.last_ok:
            if self._last.fallbacks:
                self._queue[:0] = self._last.fallbacks
            else:
                self.gave_up.append(f"{self._last.label}: {obs.last_error}")
        if not self._queue:
            self._last = None
            return None
        self._last = self._queue.pop(0)
        return self._last.code

    def summary(self) -> dict:
        """What the policy understood and planned (for report.json)."""
        if self.editor is not None:
            return {"edit": self.editor.requests, "dropped": self.editor.notes + self.gave_up}
        if self.spec is None or self.plan is None:
            return {}
        s = self.spec
        return {
            "room_type": self.plan.room_type, "style": s.style, "density": s.density, "lighting": self.plan.lighting,
            "requested": [{"category": o.category, "count": o.count, "relation": o.relation, "target": o.target,
                           "material": o.material, "color": o.color, "mapped_from": o.mapped_from}
                          for o in s.objects],
            "unknown_words": s.unknown_words, "unmatched": s.unmatched,
            "dropped": self.plan.dropped + self.gave_up,
            "unreachable": self.plan.unreachable, "groups": self.plan.groups,
        }


__all__ = ["ProceduralPolicy", "parse_prompt"]
