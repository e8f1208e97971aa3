"""The policy interface: what every policy (procedural, local VLM, remote VLM, action file) provides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Observation:
    """What a policy sees before its next action."""

    prompt: str
    step: int
    summarize: Callable[[], str] = field(default=lambda: "", repr=False)
    """Computes the text summary of the world (``ActionAPI.scene_summary``) when asked."""
    last_ok: bool = True
    last_error: str = ""
    last_output: str = ""
    view: Callable[[], bytes | None] = field(default=lambda: None, repr=False)
    """Renders the current world (PNG: a room view and the labelled plan) when asked; None
    when no renderer is available."""

    @property
    def scene(self) -> str:
        """Text summary of the world: the room and every object (computed on demand)."""
        return self.summarize()


class Policy(Protocol):
    """Emits action code, one action at a time, until it returns None."""

    name: str

    def reset(self, prompt: str, seed: int) -> None:
        """Start a new world for ``prompt``."""

    def act(self, obs: Observation) -> str | None:
        """Return the next action's code, or None when the world is finished."""
