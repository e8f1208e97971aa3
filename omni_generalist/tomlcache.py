"""The package's TOML data files, parsed once per content and kept in the cache folder.

``tomllib`` is pure Python: the knowledge base (tens of files, thousands of keys) took about half
a second of CPU to parse in every process that builds a world (the command line, the sandbox
worker, batch workers). :func:`read_toml` keys a ``marshal`` copy of the parsed data by the hash of
the file's bytes (and the Python version), so an edited file is parsed again and a cache folder
that cannot be read or written only costs the parse. Data that ``marshal`` cannot hold (TOML
dates) is parsed every time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .paths import cache_dir


def read_toml(path: str | Path | Traversable) -> dict[str, Any]:
    """Parse the TOML file ``path`` (a fresh dict each call, as ``tomllib.load`` gives).

    Raises:
        OSError: the file cannot be read.
        tomllib.TOMLDecodeError: it is not valid TOML.
    """
    raw = (path if hasattr(path, "read_bytes") else Path(path)).read_bytes()  # a Path or a resources file
    key = hashlib.sha256(raw + sys.version.encode()).hexdigest()[:32]
    folder = cache_dir() / "toml"
    cached = folder / f"{key}.marshal"
    try:
        data = marshal.loads(cached.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = tomllib.loads(raw.decode("utf-8"))
    try:
        blob = marshal.dumps(data)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, cached)
        except OSError:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass  # no cache this time (a read-only cache folder, a sandboxed process, a TOML date)
    return data
