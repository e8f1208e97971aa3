"""Atomic output: a world folder appears whole or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError


def check_output_dir(out: str | Path, force: bool = False) -> Path:
    """Check that ``out`` can become a world folder; return it as an absolute path.

    Raises:
        InputError: ``out`` is a file, a non-empty folder (without ``force``), or its parent is
            missing or not writable.
    """
    p = Path(out).expanduser().absolute()
    if p.exists() and not p.is_dir():
        raise InputError(f"output path {p} is a file, not a folder")
    if p.is_dir() and any(p.iterdir()) and not force:
        raise InputError(f"output folder {p} is not empty (use --force to replace it)")
    parent = p.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {parent}: {exc.strerror}") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"output folder {parent} is not writable")
    return p


@contextlib.contextmanager
def atomic_dir(out: str | Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside ``out``; on success it replaces ``out`` in one rename.

    On any exception the temporary folder is deleted and ``out`` is left as it was.
    """
    final = check_output_dir(out, force)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    except OSError as exc:
        raise InputError(f"cannot write in {final.parent}: {exc.strerror}") from None
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        if final.exists():
            trash = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
            os.rename(final, trash / "old")
            os.rename(tmp, final)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write a text file through a temporary file and a rename."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_json(path: str | Path, data: Any) -> None:
    """Write JSON (sorted keys, indented) atomically."""
    write_text_atomic(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def read_text_file(path: str | Path, what: str) -> str:
    """Read a UTF-8 text file a user named, turning every failure into a one-line :class:`InputError`.

    Args:
        path: the file.
        what: what the file is, for the messages (``"action file"``, ``"prompts file"``).
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found: {p}") from None
    except IsADirectoryError:
        raise InputError(f"{what} {p} is a folder") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {p}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{what} {p} is not UTF-8 text") from None


def read_prompt_lines(path: str | Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    """Read a JSONL file of prompts: ``(line number, object)`` for each line that is not blank or a
    ``#`` comment; every object must have a non-empty ``"prompt"``.

    Raises:
        InputError: an unreadable file, a line that is not JSON or has no prompt.
    """
    p = Path(path)
    out = []
    for lineno, line in enumerate(read_text_file(p, what).splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        try:
            d = json.loads(s)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(d, dict) or not isinstance(d.get("prompt"), str) or not d["prompt"].strip():
            raise InputError(f"{p}:{lineno}: each line needs a non-empty \"prompt\"")
        out.append((lineno, d))
    return out

