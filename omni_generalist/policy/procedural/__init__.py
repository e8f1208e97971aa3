"""The procedural policy: any prompt → a furnished, labelled room, with no model weights.

It parses the prompt (:mod:`.parse`), plans the room and its objects from the knowledge base
(:mod:`.plan`), solves the floor layout (:mod:`.layout`) and emits action code (:mod:`.emit`)
through the sandbox like any other policy. When an action fails it reads the error and tries
the step's fallbacks (single objects instead of a batch, another wall, any free surface).
"""

from __future__ import annotations

from ..base import Observation
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
        self._queue: list[Step] = []
        self._last: Step | None = None
        self.gave_up: list[str] = []

    def reset(self, prompt: str, seed: int) -> None:
        self.spec = parse_prompt(prompt)
        self.plan = Planner().plan(self.spec, seed, self.robot_radius)
        self._queue = emit(self.plan)
        self._last = None
        self.gave_up = []

    def act(self, obs: Observation) -> str | None:
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
        if self.spec is None or self.plan is None:
            return {}
        s = self.spec
        return {
            "room_type": self.plan.room_type, "style": s.style, "density": s.density, "lighting": self.plan.lighting,
            "requested": [{"category": o.category, "count": o.count, "relation": o.relation, "target": o.target,
                           "material": o.material, "color": o.color, "mapped_from": o.mapped_from}
                          for o in s.objects],
            "unknown_words": s.unknown_words, "dropped": self.plan.dropped + self.gave_up,
            "unreachable": self.plan.unreachable,
        }


__all__ = ["ProceduralPolicy", "parse_prompt"]
