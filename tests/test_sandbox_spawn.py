"""How the sandbox worker is started, inside and outside Omniverse Kit (issue 15, item 9).

Inside Kit ``sys.executable`` is the Kit binary: the worker must run on Kit's bundled Python with
Kit's module and library paths. Here a Kit install is laid out for real: a ``kit`` binary that is
not Python, and ``python/bin/python3``, a real interpreter that by itself cannot import ``pxr``
(it is not this virtualenv's Python, so its site-packages are not on its path).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from omni_generalist.actions import Sandbox
from omni_generalist.actions.spawn import ENV_PYTHON, worker_command
from omni_generalist.errors import InputError
from tests.conftest import FAST_LIMITS


def _base_python() -> str:
    real = Path(sys.executable).resolve()
    return str(real)


@pytest.fixture
def kit_install(tmp_path):
    root = tmp_path / "isaac-sim" / "kit"
    (root / "python" / "bin").mkdir(parents=True)
    kit = root / "kit"
    kit.write_text("#!/bin/sh\necho 'this is kit, not python' >&2\nexit 3\n")
    kit.chmod(0o755)
    py = root / "python" / "bin" / "python3"
    py.symlink_to(_base_python())
    return kit, py


def _clean_env() -> dict[str, str]:
    """Kit's environment as the worker would inherit it: no virtualenv, no PYTHONPATH of ours."""
    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}


def test_kit_python_alone_cannot_import_pxr(kit_install):
    _, py = kit_install
    proc = subprocess.run([str(py), "-s", "-c", "import pxr"], env=_clean_env(), capture_output=True)
    if proc.returncode == 0:
        pytest.skip("the base interpreter imports pxr by itself; the environment check below proves nothing here")
    assert b"ModuleNotFoundError" in proc.stderr


def test_spawn_path_inside_kit_picks_kits_python_and_environment(kit_install):
    kit, py = kit_install
    cmd = worker_command(executable=str(kit), prefix=str(kit.parent / "python"), environ=_clean_env())
    assert cmd.reason == "kit python" and cmd.python == str(py)
    entries = cmd.env["PYTHONPATH"].split(os.pathsep)
    import pxr

    assert any(Path(pxr.__file__).resolve().is_relative_to(Path(e).resolve()) for e in entries if e)
    assert str(Path(__file__).resolve().parents[1]) in entries  # this package
    # the Kit binary is never the worker
    assert str(kit) not in cmd.argv(3)


def test_spawn_path_outside_kit_uses_sys_executable():
    cmd = worker_command()
    assert cmd.python == sys.executable and cmd.reason == "sys.executable"


def test_worker_runs_with_kits_python_and_is_confined(kit_install):
    kit, _ = kit_install
    cmd = worker_command(executable=str(kit), prefix=str(kit.parent / "python"), environ=_clean_env())
    with Sandbox(seed=2, config=FAST_LIMITS, command=cmd) as sb:
        res = sb.run("create_room(4, 4)\nadd_door('south')\nprint(add_object('chair'))")
        assert res.ok, res.error
        assert res.output.strip() == "chair_0"
        assert sb.confinement["level"] in ("landlock+seccomp", "seccomp")
        pid = sb._worker.process.pid
        exe = os.readlink(f"/proc/{pid}/exe")
        assert Path(exe).resolve() == Path(_base_python()).resolve()


def test_configured_and_env_interpreters(tmp_path, kit_install):
    _, py = kit_install
    assert worker_command(configured=str(py)).python == str(py)
    assert worker_command(environ={**_clean_env(), ENV_PYTHON: str(py)}).reason == "setting"
    with pytest.raises(InputError, match="not an executable"):
        worker_command(configured=str(tmp_path / "nope"))
    bare = tmp_path / "bare" / "kit"
    bare.parent.mkdir()
    bare.write_text("")
    with pytest.raises(InputError, match="no Python interpreter"):
        worker_command(executable=str(bare), prefix=str(tmp_path / "bare"), environ=_clean_env())


def test_a_worker_killed_while_it_starts_is_started_again(tmp_path):
    """The first start dies (as if killed); the sandbox starts a second worker instead of failing."""
    marker = tmp_path / "started-once"
    wrapper = tmp_path / "python-wrapper"
    wrapper.write_text(f"#!/bin/sh\nif [ ! -e {marker} ]; then touch {marker}; kill -9 $$; fi\n"
                       f"exec {sys.executable} \"$@\"\n")
    wrapper.chmod(0o755)
    base = worker_command()
    from omni_generalist.actions.spawn import WorkerCommand

    with Sandbox(seed=1, config=FAST_LIMITS, command=WorkerCommand(str(wrapper), base.env, "test")) as sb:
        res = sb.run("create_room(4, 4)")
        assert res.ok, res.error
    assert marker.exists()
