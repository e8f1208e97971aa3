"""Atomic output: a world folder appears whole or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError


def _overlaps(a: Path, b: Path) -> bool:
    """True when ``a`` is ``b``, lies inside it, or contains it (paths resolved)."""
    return a == b or a in b.parents or b in a.parents


def refuse_overlap(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`InputError` when the output ``out`` is, contains or lies inside one of ``inputs``
    (``render W --out W --force`` would otherwise delete the world it renders)."""
    p = Path(out).expanduser().absolute()
    real = p.resolve()
    for item in inputs:
        if item is None:
            continue
        src = Path(item).expanduser().absolute().resolve()
        if _overlaps(real, src):
            raise InputError(f"output path {p} overlaps the input {src}: choose a path outside it")


def check_output_dir(out: str | Path, force: bool = False, inputs: Iterable[str | Path] = (),
                     in_place: bool = False) -> Path:
    """Check that ``out`` can become a world folder; return it as an absolute path.

    Args:
        out: the folder to create or replace.
        force: allow replacing a non-empty folder.
        inputs: what the command reads (a world folder or file, an action file): ``out`` may not be,
            contain or lie inside any of them.
        in_place: ``out`` is a world rewritten in place (``edit``): it may be the current folder.

    Raises:
        InputError: an empty or unprintable path, ``out`` overlapping an input, a file, a non-empty
            folder (without ``force``), or its parent is missing or not writable.
    """
    text = str(out)
    if not text.strip():
        raise InputError("the output path is empty")
    if any(ord(c) < 32 or c == "\x7f" for c in text):
        raise InputError(f"the output path {text!r} contains control characters")
    p = Path(out).expanduser().absolute()
    refuse_overlap(p, inputs)
    here = Path.cwd().resolve()
    if not in_place and (p.resolve() == here or p.resolve() in here.parents):
        raise InputError(f"output folder {p} is the current folder or holds it; name a new folder")
    recover_swap(p)
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


def backup_path(final: Path) -> Path:
    """Where the old folder waits while :func:`atomic_dir` swaps a new one in (beside it, hidden)."""
    return final.parent / f".{final.name}.old"


def recover_swap(final: str | Path) -> bool:
    """Finish or undo a swap that a crash interrupted; True when something was restored.

    The swap is: ``final`` → ``.final.old``, new → ``final``, remove ``.final.old``. A crash after
    the first rename leaves only the backup: it is renamed back. A crash before the removal leaves
    both: the new folder is whole, so the backup is removed.
    """
    final = Path(final).expanduser().absolute()
    backup = backup_path(final)
    if not backup.is_dir():
        return False
    if final.exists():
        shutil.rmtree(backup, ignore_errors=True)
        return False
    os.rename(backup, final)
    return True


@contextlib.contextmanager
def atomic_dir(out: str | Path, force: bool = False, inputs: Iterable[str | Path] = (),
               in_place: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside ``out``; on success it replaces ``out``.

    An existing ``out`` is first renamed to ``.<name>.old`` beside it and removed only once the new
    folder is in place; a crash in between is repaired by :func:`recover_swap` on the next run.
    On any exception the temporary folder is deleted and ``out`` is left as it was.
    """
    final = check_output_dir(out, force, inputs, in_place)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    except OSError as exc:
        raise InputError(f"cannot write in {final.parent}: {exc.strerror}") from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if final.exists():
            backup = backup_path(final)
            shutil.rmtree(backup, ignore_errors=True)
            os.rename(final, backup)
            os.rename(tmp, final)
            shutil.rmtree(backup, ignore_errors=True)
        else:
            os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def lock_path(folder: str | Path) -> Path:
    """The lock file of a world folder: ``.<name>.lock`` beside it (it outlives the folder's swaps)."""
    p = Path(folder).expanduser().absolute()
    return p.parent / f".{p.name}.lock"


@contextlib.contextmanager
def folder_lock(folder: str | Path, timeout_s: float = 30.0) -> Iterator[None]:
    """Hold the exclusive lock of ``folder`` (waiting up to ``timeout_s``).

    Raises:
        InputError: another process held it for longer ("world is being edited").
    """
    import fcntl
    import time

    path = lock_path(folder)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise InputError(f"cannot lock {folder}: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + max(0.0, timeout_s)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise InputError(f"world {folder} is being edited by another process "
                                     f"(waited {timeout_s:g} s)") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write a text file through a temporary file and a rename."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # like any file the user writes (mkstemp makes it 0600)
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

