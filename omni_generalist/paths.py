"""Where the package finds its data (knowledge base, materials) and default configs."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """Return the folder holding ``data/`` and ``config/``.

    ``OMNI_GENERALIST_HOME`` overrides it; otherwise it is the folder above the package (the
    repository checkout, which is what ``pip install -e .`` and the Kit extension use).
    """
    env = os.environ.get("OMNI_GENERALIST_HOME")
    return Path(env).resolve() if env else _PACKAGE_DIR.parent


def data_dir() -> Path:
    """Return the ``data/`` folder."""
    return project_root() / "data"


def config_dir() -> Path:
    """Return the ``config/`` folder."""
    return project_root() / "config"


def cache_dir() -> Path:
    """Return the user's cache folder (asset-library indexes, converted assets, decompositions).

    ``OMNI_GENERALIST_CACHE`` overrides it; else ``$XDG_CACHE_HOME/omni_generalist`` (``~/.cache/omni_generalist``).
    """
    env = os.environ.get("OMNI_GENERALIST_CACHE")
    if env:
        return Path(env).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser().resolve() / "omni_generalist"
