"""What a model policy sends to its model, and how the action code is read from its reply.

Every request is one self-contained chat: a system message (the rules and the action API
reference) and one user message holding the task, the actions taken so far with their outcomes,
the world's text summary, the last error and, when rendering is available, a picture of the world
(a room view and the labelled plan). The conversation does not grow with the world: the summary
and the picture carry the state, and only the last ``history`` actions are repeated.
"""

from __future__ import annotations

import ast
import base64
import re
from dataclasses import dataclass

from ..base import Observation

RULES = """You build and edit 3D rooms for robot simulation by writing Python code against an action API.
The world is OpenUSD, Z up, in meters; the room's floor is at z = 0.
Each reply is ONE action: a single ```python code block that calls the action functions below
(they are already imported; `rng` is a seeded random.Random). Keep an action small: one room, or a
few related objects. When an action fails you get its error; fix the cause in the next action.
When the world matches the task, reply with the single word DONE and no code.

Example of two replies for "a small office with a desk, a chair and a lamp on the desk":
```python
create_room(width=4.0, depth=3.5, room_type='office')
add_door(wall='south')
add_window(wall='north')
```
```python
add_object('desk', name='desk_0', against_wall='north')
add_object('office chair', around='desk_0')
add_object('desk lamp', on='desk_0')
```

Action API:
"""

DONE_RE = re.compile(r"^\W*done\b", re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*(?:python|py|python3)?[ \t]*\n(.*?)(?:```|\Z)", re.DOTALL | re.IGNORECASE)


@dataclass
class Turn:
    """One earlier action and what came of it."""

    code: str
    ok: bool
    error: str = ""


def system_prompt() -> str:
    """The system message: the rules and the action API reference."""
    from ...actions.api import api_reference

    return RULES + api_reference()


def user_prompt(task: str, obs: Observation, history: list[Turn], editing: bool) -> str:
    """The user message for the next action (text part)."""
    parts = [("Edit the existing world as instructed: " if editing else "Build a world for this prompt: ") + task]
    if history:
        lines = []
        for i, t in enumerate(history):
            verdict = "ok" if t.ok else f"FAILED: {t.error}"
            lines.append(f"# action {i + 1} ({verdict})\n{t.code.strip()}")
        parts.append("Your last actions:\n" + "\n".join(lines))
    parts.append("The world now:\n" + (obs.scene or "empty"))
    if not obs.last_ok and obs.last_error:
        parts.append(f"The last action failed: {obs.last_error}")
    elif obs.last_output:
        parts.append(f"The last action printed: {obs.last_output[-2000:]}")
    parts.append("Reply with the next action as one ```python block, or DONE.")
    return "\n\n".join(parts)


def chat_messages(task: str, obs: Observation, history: list[Turn], editing: bool,
                  image_png: bytes | None) -> list[dict]:
    """The request in OpenAI chat format; the picture, if any, is a base64 ``image_url`` part."""
    text = user_prompt(task, obs, history, editing)
    content: str | list[dict] = text
    if image_png is not None:
        url = "data:image/png;base64," + base64.b64encode(image_png).decode("ascii")
        content = [{"type": "text", "text": text}, {"type": "image_url", "image_url": {"url": url}}]
    return [{"role": "system", "content": system_prompt()}, {"role": "user", "content": content}]


def extract_code(reply: str) -> str | None:
    """The action code in a model's reply; None when the model says it is done.

    Fenced ``python`` blocks are joined; an unfenced reply is taken whole (a syntax error then
    goes back to the model as the action's error). ``DONE`` (or an empty reply) ends the world.
    """
    blocks = [b.strip() for b in _FENCE.findall(reply or "")]
    blocks = [b for b in blocks if b]
    if blocks:
        return "\n".join(blocks)
    text = (reply or "").strip()
    if not text or DONE_RE.match(text):
        return None
    return text


def is_python(code: str) -> bool:
    """True when ``code`` parses as Python."""
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True


__all__ = ["Turn", "chat_messages", "extract_code", "is_python", "system_prompt", "user_prompt"]
