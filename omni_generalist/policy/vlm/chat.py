"""The model policies' loop: ask the model for the next action, given the task and the world."""

from __future__ import annotations

import time
from typing import Protocol

from ...config import PolicyConfig
from ..base import Observation
from .prompting import Turn, chat_messages, extract_code


class ChatBackend(Protocol):
    """A chat model that answers an OpenAI-format request (a local model or a server)."""

    name: str
    """The policy string that names it (``hf:PATH``, ``openai:URL``)."""
    supports_images: bool
    """Whether it can look at the world's picture."""

    def complete(self, messages: list[dict], image_png: bytes | None) -> str:
        """Return the model's reply to ``messages`` (the picture, when given, is also in them)."""


class ChatPolicy:
    """A policy whose actions are written by a chat model (:class:`ChatBackend`).

    Each step sends the task, the last actions with their outcomes, the world's text summary and
    (with ``observe`` on and a backend that sees images) a render of the world, and runs the code
    of the reply. The model ends the world by replying ``DONE``. A world that already has a room
    is edited: the prompt is then an instruction.
    """

    def __init__(self, backend: ChatBackend, config: PolicyConfig | None = None):
        self.backend = backend
        self.config = config or PolicyConfig()
        self.name = backend.name
        self.task = ""
        self.history: list[Turn] = []
        self.requests = 0
        self.model_seconds = 0.0
        self._pending: str | None = None
        self._editing: bool | None = None

    def reset(self, prompt: str, seed: int) -> None:
        self.task = prompt
        self.history = []
        self.requests = 0
        self.model_seconds = 0.0
        self._pending = None
        self._editing = None

    def act(self, obs: Observation) -> str | None:
        if self._editing is None:
            self._editing = obs.scene.startswith("room ")
        if self._pending is not None:
            self.history.append(Turn(self._pending, obs.last_ok, obs.last_error))
            self.history = self.history[-max(0, self.config.history):] if self.config.history else []
        image = obs.view() if self.config.observe and self.backend.supports_images else None
        messages = chat_messages(self.task, obs, self.history, self._editing, image)
        t0 = time.perf_counter()
        reply = self.backend.complete(messages, image)
        self.model_seconds += time.perf_counter() - t0
        self.requests += 1
        self._pending = extract_code(reply)
        return self._pending

    def summary(self) -> dict:
        """What the model did (for report.json)."""
        failed = [t.error for t in self.history if not t.ok]
        return {"model": self.name, "requests": self.requests, "model_s": round(self.model_seconds, 3),
                "editing": bool(self._editing), "dropped": failed[-3:]}


__all__ = ["ChatBackend", "ChatPolicy"]
