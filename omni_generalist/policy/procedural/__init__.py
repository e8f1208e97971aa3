"""The procedural policy: any prompt → a furnished, labelled room, with no model weights.

It parses the prompt (:mod:`.parse`), plans the room and its objects from the knowledge base
(:mod:`.plan`), solves the floor layout (:mod:`.layout`) and emits action code (:mod:`.emit`)
through the sandbox like any other policy. When an action fails it reads the error and tries
the step's fallbacks (single objects instead of a batch, another wall, any free surface).

Given a world that already has a room (``edit``, the panel's Refine), the prompt is an
instruction and :mod:`.edit` turns it into actions on the objects it names.
"""

from __future__ import annotations

import ast
import pprint

from ..base import Observation
from .edit import EditPlanner, read_scene
from .emit import Step
from .floorplan import solve_floorplan
from .parse import PromptSpec, parse_prompt
from .program_home import parse_home


def _read_result(output: str) -> dict:
    """The dict ``apply_plan`` printed (its last line of output)."""
    for line in reversed(output.strip().splitlines()):
        try:
            value = ast.literal_eval(line)
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, dict):
            return value
    return {}


class ProceduralPolicy:
    """The embedded default policy (``--policy procedural``)."""

    name = "procedural"

    def __init__(self, robot_radius: float = 0.25, max_rooms: int = 30):
        self.robot_radius = robot_radius
        self.max_rooms = max_rooms
        """The most rooms a home may have (``policy.max_rooms``); more is an input error (exit 2)."""
        self.spec: PromptSpec | None = None
        self.result: dict = {}
        """What ``apply_plan`` reported it built."""
        self.editor: EditPlanner | None = None
        """Set when the policy edited an existing world instead of building one."""
        self._prompt, self._seed = "", 0
        self._queue: list[Step] | None = None
        self._last: Step | None = None
        self.gave_up: list[str] = []

    def reset(self, prompt: str, seed: int) -> None:
        self._prompt, self._seed = prompt, seed
        self.spec, self.editor, self.result = None, None, {}
        self._queue = None  # planned at the first act(), once the world is seen
        self._last = None
        self.gave_up = []

    def _start(self, obs: Observation) -> list[Step]:
        scene = read_scene(obs.scene)
        if scene.has_room:
            self.editor = EditPlanner(scene)
            return self.editor.plan(self._prompt)
        home = parse_home(self._prompt, self.max_rooms)  # multi-room hook (docs/homes.md): a home or building
        if home is not None:
            solve_floorplan(home, self._seed)  # a programme that cannot be built stops here (exit 2)
            prog = pprint.pformat(home.to_dict(), width=110, sort_dicts=False)
            return [Step(f"print(create_home({prog}, seed={self._seed}))", [], "home")] + [
                Step(f"print(furnish_room({r.name!r}, seed={self._seed}))", [], f"furnish {r.name}") for r in home.rooms]
        self.spec = parse_prompt(self._prompt)
        program = pprint.pformat(self.spec.to_dict(), width=110, sort_dicts=False)
        return [Step(f"print(apply_plan({program}, seed={self._seed}))", [], "plan")]

    def act(self, obs: Observation) -> str | None:
        if self._queue is None:
            self._queue = self._start(obs)
        elif self._last is not None and self._last.label == "plan" and obs.last_ok:
            self.result = _read_result(obs.last_output)
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
        if self.spec is None:
            return {}
        s, r = self.spec, self.result
        return {
            "room_type": r.get("room_type", s.room_type), "style": s.style, "density": s.density,
            "lighting": s.lighting, "program": s.to_dict(),
            "requested": [{"category": o.category, "count": o.count, "quantity": o.to_quantity(),
                           "relation": o.relation, "target": o.target, "material": o.material, "color": o.color,
                           "mapped_from": o.mapped_from, "source_text": o.source_text} for o in s.objects],
            "unknown_words": s.unknown_words, "unmatched": list(r.get("unmatched", s.unmatched)),
            "dropped": list(r.get("dropped", [])) + self.gave_up,
            "unreachable": list(r.get("unreachable", [])), "groups": list(r.get("groups", [])),
        }


__all__ = ["ProceduralPolicy", "parse_prompt"]
