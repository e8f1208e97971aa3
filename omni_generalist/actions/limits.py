"""Checks of the sandbox settings, and the asset roots actions may reference."""

from __future__ import annotations

import math
import os
from pathlib import Path

from ..config import SandboxConfig
from ..errors import InputError

_POSITIVE = ("timeout_s", "plan_timeout_s", "memory_mb", "max_code_chars", "max_output_chars", "recursion_limit", "max_prims",
             "max_array_len", "max_array_elements", "max_edit_chars")
CONFINEMENTS = ("auto", "fallback")


def check_config(config: SandboxConfig) -> SandboxConfig:
    """Return ``config`` after checking it; raise :class:`InputError` (one line) for a bad value."""
    for name in _POSITIVE:
        value = getattr(config, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise InputError(f"setting sandbox.{name} must be a positive number, got {value!r}")
    if config.memory_mb < 64:
        raise InputError(f"setting sandbox.memory_mb must be at least 64, got {config.memory_mb}")
    if config.confinement not in CONFINEMENTS:
        raise InputError(f"setting sandbox.confinement must be one of {', '.join(CONFINEMENTS)}, "
                         f"got {config.confinement!r}")
    for root in config.asset_roots:
        if root and not os.path.isabs(os.path.expanduser(root)):
            raise InputError(f"setting sandbox.asset_roots: {root!r} is not an absolute path")
    return config


def allowed_asset_roots(config: SandboxConfig) -> tuple[str, ...]:
    """The absolute, resolved folders whose assets an action may reference: ``sandbox.asset_roots``
    and the registered asset libraries' folders and their conversion cache (``assets add``)."""
    from ..assets.library.store import libraries, library_root

    out: list[str] = []
    registered = [info["folder"] for info in libraries().values()]
    for root in (*config.asset_roots, *registered, *((str(library_root()),) if registered else ())):
        if not root:
            continue
        p = str(Path(os.path.expanduser(root)).resolve())
        if p not in out:
            out.append(p)
    return tuple(out)
