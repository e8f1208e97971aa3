"""The world folder: ``world.usd`` (or ``world.usda``), ``report.json``, ``actions.py``, ``preview.png``.

:class:`WorldFolder` is the one owner of the layout: it finds the world file (refusing a folder with
both formats), reads and writes the report and the action log, takes the folder's lock (a file
``.<name>.lock`` beside it, so that two edits never interleave) and writes a new version through
:func:`omni_generalist.io.atomic_dir`, whose swap survives a crash (the old folder is kept as
``.<name>.old`` until the new one is in place, and restored on the next run if needed).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pxr import Sdf

from ..errors import InputError, WorldFormatError
from ..io import atomic_dir, folder_lock, read_text_file, recover_swap, write_json, write_text_atomic
from .stage import WORLD_FILES, find_world_file, save_layer

REPORT = "report.json"
ACTIONS = "actions.py"
PREVIEW = "preview.png"
OWN_FILES = (*WORLD_FILES, REPORT, ACTIONS, PREVIEW)
"""The files a world folder's writer replaces; anything else in the folder is kept on an edit."""


@dataclass
class WorldFolder:
    """A world folder on disk (it may not exist yet)."""

    path: Path

    def __post_init__(self) -> None:
        self.path = Path(self.path).expanduser().absolute()

    # ------------------------------------------------------------------ files
    @property
    def report_file(self) -> Path:
        return self.path / REPORT

    @property
    def actions_file(self) -> Path:
        return self.path / ACTIONS

    @property
    def preview_file(self) -> Path:
        return self.path / PREVIEW

    def world_file(self) -> Path:
        """The folder's one world file.

        Raises:
            WorldFormatError: the folder is missing, holds no world file, or holds both formats.
        """
        if not self.path.exists():
            recover_swap(self.path)
        if not self.path.is_dir():
            raise WorldFormatError(f"{self.path} is not a world folder")
        return find_world_file(self.path)

    def read_report(self) -> dict[str, Any]:
        """The folder's ``report.json`` ({} when absent)."""
        if not self.report_file.is_file():
            return {}
        try:
            data = json.loads(read_text_file(self.report_file, "report"))
        except json.JSONDecodeError as exc:
            raise WorldFormatError(f"{self.report_file} is not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise WorldFormatError(f"{self.report_file} does not hold a JSON object")
        return data

    def update_report(self, **entries: Any) -> None:
        """Replace top-level entries of ``report.json`` in place (atomically); no-op without a report."""
        if self.report_file.is_file():
            write_json(self.report_file, {**self.read_report(), **entries})

    def has_log(self) -> bool:
        return self.actions_file.is_file()

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def lock(self, timeout_s: float = 30.0) -> Iterator[None]:
        """Hold the folder's exclusive lock (see :func:`omni_generalist.io.folder_lock`)."""
        with folder_lock(self.path, timeout_s):
            yield

    @contextlib.contextmanager
    def replace(self, force: bool = False, inputs=(), keep_others: bool = False) -> Iterator[Path]:
        """Yield a temporary folder that becomes this folder on success (crash-safe swap).

        Args:
            force: replace a non-empty folder.
            inputs: paths the command reads; the folder may not overlap them.
            keep_others: rewrite the world in place (``edit``), copying the files this module does not
                own (renders...) from the old folder.
        """
        with atomic_dir(self.path, force, inputs, in_place=keep_others) as tmp:
            if keep_others and self.path.is_dir():
                for item in self.path.iterdir():
                    if item.name not in OWN_FILES and item.is_file():
                        (tmp / item.name).write_bytes(item.read_bytes())
            yield tmp

    @staticmethod
    def write_world(dest: Path, layer: Sdf.Layer, fmt: str, log_text: str | None, report: dict[str, Any],
                    preview: Callable[[Path], None] | None = None) -> Path:
        """Write a world folder's files into ``dest``; return the world file.

        The world file (``fmt`` ``usd`` or ``usda``), ``actions.py`` (unless ``log_text`` is None), the
        preview (``preview(dest)``, which may add to ``report``) and, last, ``report.json``: this is the
        one place a world's report is written (:meth:`update_report` changes entries of it in place).
        ``report["timings"]["write_s"]`` gets the time the world file and log took.
        """
        if fmt not in ("usd", "usda"):
            raise InputError(f"unknown format {fmt!r}; use usd or usda")
        name = "world.usda" if fmt == "usda" else "world.usd"
        t0 = time.perf_counter()
        save_layer(layer, dest / name)
        if log_text is not None:
            write_text_atomic(dest / ACTIONS, log_text)
        report.setdefault("timings", {})["write_s"] = round(time.perf_counter() - t0, 3)
        if preview is not None:
            preview(dest)
        write_json(dest / REPORT, report)
        return dest / name
