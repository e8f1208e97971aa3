"""A policy that plays back an action file (``--actions FILE``, and replay of ``actions.py``)."""

from __future__ import annotations

from pathlib import Path

from ..actions.log import ActionLog
from .base import Observation


class ScriptPolicy:
    """Emits the cells of an action file in order; stops at the first failed action.

    Args:
        log: the parsed action file.
        name: the policy name recorded in the world (for a replayed ``actions.py``, the policy
            that wrote it, so that the replayed world is identical).
    """

    def __init__(self, log: ActionLog, name: str):
        self.log = log
        self.name = name
        self._next = 0

    @classmethod
    def from_file(cls, path: str | Path) -> ScriptPolicy:
        log = ActionLog.read(path)
        return cls(log, log.policy or f"actions:{Path(path).name}")

    def reset(self, prompt: str, seed: int) -> None:
        self._next = 0

    def act(self, obs: Observation) -> str | None:
        if not obs.last_ok:
            return None
        if self._next >= len(self.log.actions):
            return None
        code = self.log.actions[self._next]
        self._next += 1
        return code
