"""How the sandbox worker process is started: which Python, with which environment.

The worker is a child process started with :class:`subprocess.Popen` (not ``multiprocessing``:
a user's script is never re-imported, and the interpreter and environment are ours to choose).
Outside Omniverse Kit that is ``sys.executable`` with this process's environment. Inside Kit
``sys.executable`` is the Kit binary, which cannot run ``-m``; the worker then runs on Kit's own
bundled Python (``<kit>/python/bin/python3``) with Kit's module path (``PYTHONPATH`` = this
process's ``sys.path``, so the child imports the same ``pxr``) and library path (the folders of the
loaded ``pxr`` libraries on ``LD_LIBRARY_PATH``). ``sandbox.python`` or the environment variable
``OMNI_GENERALIST_WORKER_PYTHON`` names the interpreter outright.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..threads import WORKER, single_threaded_math

ENV_PYTHON = "OMNI_GENERALIST_WORKER_PYTHON"
"""Environment variable naming the worker's Python interpreter (overrides the search)."""

_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


@dataclass
class WorkerCommand:
    """The interpreter, arguments and environment the worker is started with."""

    python: str
    env: dict[str, str] = field(default_factory=dict)
    reason: str = ""
    """Why this interpreter was chosen (``sys.executable``, ``kit python``, ``setting``...)."""

    def argv(self, fd: int) -> list[str]:
        """The command line of a worker that talks to its parent over file descriptor ``fd``."""
        return [self.python, "-s", "-m", "omni_generalist.actions.worker", str(fd)]


def _is_python(path: str) -> bool:
    name = Path(path).name.lower()
    return name.startswith("python") or name.startswith("pypy")


def kit_python_candidates(executable: str, prefix: str) -> list[Path]:
    """Where Kit keeps its bundled Python, given Kit's ``sys.executable`` and ``sys.prefix``."""
    exe_dir = Path(executable).resolve().parent
    out = []
    for base in (Path(prefix), exe_dir / "python", exe_dir / "kit" / "python", exe_dir.parent / "python"):
        for name in ("bin/python3", "bin/python", "python3", "python"):
            out.append(base / name)
    return out


def _library_dirs(modules: dict) -> list[str]:
    """Folders of the shared libraries behind the loaded ``pxr`` (Kit sets them up for itself)."""
    dirs: list[str] = []
    pxr = modules.get("pxr")
    root = Path(getattr(pxr, "__file__", "") or "").parent if pxr is not None else None
    if root:
        for cand in (root.parent / "lib", root.parent.parent / "lib", root.parent / "bin"):
            if cand.is_dir() and str(cand) not in dirs:
                dirs.append(str(cand))
    return dirs


def worker_command(configured: str = "", executable: str | None = None, prefix: str | None = None,
                   environ: dict[str, str] | None = None, path: list[str] | None = None,
                   modules: dict | None = None) -> WorkerCommand:
    """Choose the worker's interpreter and environment from what this process finds.

    Args:
        configured: ``sandbox.python`` ("" to search).
        executable: this process's ``sys.executable`` (default: the real one); the others likewise.

    Raises:
        InputError: a configured interpreter that does not exist, or Kit without a Python found.
    """
    executable = sys.executable if executable is None else executable
    prefix = sys.prefix if prefix is None else prefix
    environ = dict(os.environ if environ is None else environ)
    path = list(sys.path if path is None else path)
    modules = sys.modules if modules is None else modules
    env = dict(environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    single_threaded_math(env, WORKER)
    wanted = configured or environ.get(ENV_PYTHON, "")
    if wanted:
        if not (Path(wanted).is_file() and os.access(wanted, os.X_OK)):
            raise InputError(f"the sandbox worker's Python {wanted!r} is not an executable file")
        python, reason = wanted, "setting"
    elif executable and _is_python(executable):
        python, reason = executable, "sys.executable"
    else:  # inside Kit: sys.executable is the kit binary
        found = [c for c in kit_python_candidates(executable or "kit", prefix) if c.is_file() and os.access(c, os.X_OK)]
        if not found:
            raise InputError(f"no Python interpreter found for the sandbox worker beside {executable!r}; "
                             f"set sandbox.python or {ENV_PYTHON}")
        python, reason = str(found[0]), "kit python"
    if reason != "sys.executable":
        # the child must import the same packages (pxr included) as this process
        entries = [p for p in path if p and Path(p).exists()]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([_PACKAGE_PARENT, *entries]))
        libs = _library_dirs(modules)
        if libs:
            old = [p for p in environ.get("LD_LIBRARY_PATH", "").split(os.pathsep) if p]
            env["LD_LIBRARY_PATH"] = os.pathsep.join(dict.fromkeys([*libs, *old]))
    else:
        old = [p for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([_PACKAGE_PARENT, *old]))
    return WorkerCommand(python, env, reason)
