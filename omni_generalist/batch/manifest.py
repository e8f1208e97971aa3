"""Batch tasks and the JSONL manifest that records every finished world.

The manifest (``OUT/manifest.jsonl``) has one JSON object per line, appended (and fsync'ed) by
the one process that drives the batch after the world's folder has been renamed into place. A
torn last line (a driver killed mid-write) is ignored when read and dropped by
:meth:`Manifest.repair`; a finished world folder that missed its line (a driver killed between
the rename and the append) is found by :func:`scan_finished` and recorded again. The folder is
the truth; the manifest follows it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io import read_prompt_lines, read_text_file, write_text_atomic

TASK_FILE = "task.json"


@dataclass(frozen=True)
class Task:
    """One world to build: a prompt, its seed and how many variants to write beside it."""

    id: str
    index: int
    prompt: str
    seed: int
    variants: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _slug(text: str, n: int = 24) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return (s[:n].rstrip("-") or "world")


def task_id(index: int, prompt: str, seed: int, variants: int) -> str:
    """A stable id: the line number, a slug and a hash of what defines the task."""
    h = hashlib.sha256(f"{prompt}\x00{seed}\x00{variants}".encode()).hexdigest()[:8]
    return f"{index:05d}-{_slug(prompt)}-{h}"


def read_prompts(path: str | Path, variants: int = 0, seed: int = 0) -> list[Task]:
    """Read tasks from a ``.txt`` (one prompt a line; ``#`` comments and blank lines skipped) or a
    ``.jsonl`` file (objects with ``prompt`` and optional ``seed``, ``variants``).

    Raises:
        InputError: a missing or unreadable file, a bad line, or no prompt at all.
    """
    p = Path(path)
    if p.suffix.lower() in (".jsonl", ".json"):
        lines = read_prompt_lines(p, "prompts file")
    else:
        lines = [(n, {"prompt": ln.strip()}) for n, ln in enumerate(read_text_file(p, "prompts file").splitlines(), 1)
                 if ln.strip() and not ln.strip().startswith("#")]
    tasks: list[Task] = []
    for lineno, d in lines:
        prompt = d["prompt"].strip()
        try:
            tseed = int(d.get("seed", seed + len(tasks)))
            tvariants = int(d.get("variants", variants))
        except (TypeError, ValueError):
            raise InputError(f"{p}:{lineno}: seed and variants must be integers") from None
        if tvariants < 0:
            raise InputError(f"{p}:{lineno}: variants must be >= 0")
        i = len(tasks)
        tasks.append(Task(task_id(i, prompt, tseed, tvariants), i, prompt, tseed, tvariants))
    if not tasks:
        raise InputError(f"prompts file {p} holds no prompt")
    return tasks


class Manifest:
    """The append-only JSONL record of finished (and failed) tasks."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def read(self) -> list[dict[str, Any]]:
        """Every complete record (a torn or malformed line is skipped)."""
        if not self.path.is_file():
            return []
        out = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and "id" in rec:
                out.append(rec)
        return out

    def latest(self) -> dict[str, dict[str, Any]]:
        """The last record per task id."""
        return {r["id"]: r for r in self.read()}

    def append(self, record: dict[str, Any]) -> None:
        """Append one record durably (one ``write`` of one line, then ``fsync``)."""
        data = (json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    def repair(self) -> None:
        """Rewrite the manifest atomically without torn lines (and ending in a newline)."""
        if not self.path.is_file():
            return
        raw = self.path.read_text(encoding="utf-8", errors="replace")
        good = self.read()
        text = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in good)
        if text != raw:
            write_text_atomic(self.path, text)


def scan_finished(worlds_dir: Path) -> dict[str, dict[str, Any]]:
    """Finished world folders under ``worlds_dir``: task id → the record stored in its ``task.json``."""
    out: dict[str, dict[str, Any]] = {}
    if not worlds_dir.is_dir():
        return out
    for d in sorted(worlds_dir.iterdir()):
        f = d / TASK_FILE
        if d.is_dir() and f.is_file():
            try:
                rec = json.loads(f.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, OSError):
                continue
            if isinstance(rec, dict) and rec.get("id") == d.name and rec.get("status") == "ok":
                out[d.name] = rec
    return out
