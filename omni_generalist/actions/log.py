"""The action log: every applied action, written as ``actions.py`` and read back for replay.

``actions.py`` is plain Python in cells (``# %% action N``), headed by the provenance of the
world. Replaying it runs each cell as its own action, in order, on an empty stage, which
rebuilds the same world byte for byte.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ActionError, InputError
from ..io import read_text_file

HEADER = "# omni_generalist action log"
_CELL = re.compile(r"^# %% action (\d+)\s*$", re.M)
_META = re.compile(r"^# (prompt|seed|policy|version): (.*)$", re.M)


def check_log_safe(code: str) -> None:
    """Refuse action code holding a line that reads as the log's cell marker (``# %% action N``):
    written to ``actions.py`` it would split into two cells and the replay would break."""
    m = _CELL.search(code)
    if m:
        line = code.count("\n", 0, m.start()) + 1
        raise ActionError("SandboxViolation", f"the line {m.group(0).strip()!r} is the action log's cell marker "
                          "and may not appear inside an action", line)


@dataclass
class ActionLog:
    """Applied actions in order, with the provenance needed to replay them."""

    prompt: str = ""
    seed: int = 0
    policy: str = ""
    version: str = ""
    actions: list[str] = field(default_factory=list)

    def append(self, code: str) -> None:
        check_log_safe(code)
        self.actions.append(code.strip("\n"))

    def to_text(self) -> str:
        """Render the log as the text of ``actions.py``."""
        lines = [HEADER, f"# prompt: {json.dumps(self.prompt, ensure_ascii=False)}", f"# seed: {self.seed}",
                 f"# policy: {json.dumps(self.policy)}", f"# version: {json.dumps(self.version)}",
                 "# Replay: omni-generalist generate --actions actions.py --out DIR", ""]
        for i, code in enumerate(self.actions):
            lines += [f"# %% action {i}", code, ""]
        return "\n".join(lines)

    @classmethod
    def from_text(cls, text: str) -> ActionLog:
        """Parse ``actions.py`` text; a file without cell markers is one action."""
        meta: dict[str, str] = {m.group(1): m.group(2) for m in _META.finditer(text.split("# %%", 1)[0])}
        log = cls()
        try:
            log.prompt = json.loads(meta["prompt"]) if "prompt" in meta else ""
            log.seed = int(meta.get("seed", 0))
            log.policy = json.loads(meta["policy"]) if "policy" in meta else ""
            log.version = json.loads(meta["version"]) if "version" in meta else ""
        except (ValueError, TypeError) as exc:
            raise InputError(f"the action file header is malformed: {exc}") from None
        marks = list(_CELL.finditer(text))
        if not marks:
            body = text.strip("\n")
            log.actions = [body] if body.strip() else []
            return log
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            log.actions.append(text[m.end():end].strip("\n"))
        return log

    @classmethod
    def read(cls, path: str | Path) -> ActionLog:
        """Read an action file, with one-line errors for missing or unreadable files."""
        p = Path(path)
        text = read_text_file(p, "action file")
        log = cls.from_text(text)
        if not any(a.strip() for a in log.actions):
            raise InputError(f"action file {p} holds no actions")
        return log
