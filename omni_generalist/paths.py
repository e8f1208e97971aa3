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
