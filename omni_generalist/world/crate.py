"""Writing the binary ``.usd`` (crate) format reproducibly.

The crate writer orders some of its tables by the process's internal path hashes, so the same
layer written from processes with different histories can differ in bytes (never in content).
To keep ``world.usd`` byte-identical for identical inputs, layers are written as text and
converted by a small server process that loads nothing itself: for every file it forks a child
that starts from the same clean state, converts, and exits
(``python -m omni_generalist.world.crate --serve``).
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

_server: subprocess.Popen | None = None
_lock = threading.Lock()


def _get_server() -> subprocess.Popen:
    global _server
    if _server is None or _server.poll() is not None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PXR_")}
        _server = subprocess.Popen([sys.executable, "-m", "omni_generalist.world.crate", "--serve"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, bufsize=1)
        atexit.register(_stop)
    return _server


def _stop() -> None:
    global _server
    if _server is not None and _server.poll() is None:
        try:
            _server.stdin.close()
            _server.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            _server.kill()
    _server = None


def start() -> None:
    """Start the converter process now, without waiting for it: it loads USD while the caller builds
    the world it will write (:func:`write_crate` starts it otherwise)."""
    with _lock:
        _get_server()


def write_crate(text: str, path: str | Path) -> None:
    """Write USDA ``text`` to ``path`` in the crate format, reproducibly.

    Raises:
        OSError: the conversion failed.
    """
    dst = Path(path)
    fd, tmp = tempfile.mkstemp(suffix=".usda", prefix=".crate-", dir=dst.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        with _lock:
            server = _get_server()
            try:
                server.stdin.write(f"{tmp}\t{dst}\n")
                server.stdin.flush()
                answer = server.stdout.readline().strip()
            except (OSError, ValueError):
                answer = ""
        if answer != "ok":
            raise OSError(f"could not write {dst}: {answer or 'the converter stopped'}")
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _convert(src: str, dst: str) -> int:
    from pxr import Sdf

    layer = Sdf.Layer.FindOrOpen(src)
    return 0 if layer is not None and layer.Export(dst) else 1


def _serve() -> int:
    from pxr import Sdf  # noqa: F401 - load the library once; children start from this state

    for line in sys.stdin:
        src, _, dst = line.rstrip("\n").partition("\t")
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _convert(src, dst)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        sys.stdout.write("ok\n" if ok else f"cannot convert {src}\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        sys.exit(_serve())
    sys.exit(_convert(sys.argv[1], sys.argv[2]))
