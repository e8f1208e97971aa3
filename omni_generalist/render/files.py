"""Small file writers for renders: PNG, ``.npy`` and bytes, each through a temporary file and a rename."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_png(path: str | Path, image: np.ndarray | Image.Image) -> None:
    """Write an RGB/RGBA/grey image as PNG (atomically)."""
    img = image if isinstance(image, Image.Image) else Image.fromarray(np.ascontiguousarray(image))
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=6)
    write_bytes_atomic(path, buf.getvalue())


def write_npy(path: str | Path, array: np.ndarray) -> None:
    """Write a numpy array as ``.npy`` (atomically)."""
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    write_bytes_atomic(path, buf.getvalue())
