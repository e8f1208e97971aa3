"""Shared fixtures: sandboxes with short limits, a way to run the command line, a private cache folder,
one torch thread, the dev prompt suite, and read-only folders that hold for root too."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

# Two cores run the suite (``make test -n 2``): torch's thread pool, here and in the command lines the tests
# start, would oversubscribe them. Set before anything imports torch; a value the caller exported wins.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import pytest  # noqa: E402

from omni_generalist.actions import Sandbox  # noqa: E402
from omni_generalist.config import SandboxConfig  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "bedroom.py"
# The dev prompt suite as committed here (a copy of ``shared/prompts/dev.jsonl``): the tests read only this
# copy, so a checkout without the shared folder beside it runs them too; test_dev_suite_copy_is_current
# says when the shared suite has changed and the copy needs refreshing.
DEV_SUITE = ROOT / "tests" / "data" / "dev.jsonl"
SHARED_DEV_SUITE = ROOT.parent / "shared" / "prompts" / "dev.jsonl"

FAST_LIMITS = SandboxConfig(timeout_s=1.5, memory_mb=512, max_output_chars=2000)


def _file_seconds(item: pytest.Item) -> float:
    """The rough time of the item's file from its ``pytestmark = pytest.mark.slow(seconds=N)``; 0 if unmarked."""
    mark = item.getparent(pytest.Module).get_closest_marker("slow")
    return float(mark.kwargs.get("seconds", 1)) if mark else 0.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files marked slow run first, the longest first, each file's tests kept together: ``make test`` hands
    whole files to its two workers in this order (``--dist loadfile --no-loadscope-reorder``), so the long
    files start early and the two workers finish together."""
    items.sort(key=lambda item: -_file_seconds(item))


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory) -> Iterator[Path]:
    """Asset-library indexes go to a folder of this test process (each xdist worker has its own), not to
    the user's cache; command lines the tests start inherit it."""
    folder = tmp_path_factory.mktemp("omni_generalist_cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OMNI_GENERALIST_CACHE", str(folder))
        yield folder


def world_files(folder: Path) -> dict[str, bytes]:
    """Every file of a world folder (its ``textures/`` too) by its path inside the folder."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """Make ``paths`` immutable (``chattr +i``), which holds for root too; skip the test where the file
    system or the user cannot."""
    targets = [str(p) for p in paths]
    if subprocess.run(["chattr", "+i", *targets], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *targets], check=True)


@pytest.fixture
def sandbox():
    """A fresh world in a sandbox with short limits."""
    with Sandbox(seed=7, config=FAST_LIMITS) as sb:
        yield sb


def run_cli(*args: str, input_bytes: bytes | None = None, cwd: Path | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``omni-generalist`` in a child process, as a user would."""
    full_env = dict(os.environ)
    full_env.pop("OMNI_GENERALIST_DEBUG", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "omni_generalist", *args], input=input_bytes,
                          capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=600)


def cli_in_process(capsys, *args: str) -> tuple[int, str]:
    """Run the command line's entry point in this test process (no interpreter start-up, no second import
    of torch); its exit status and what it wrote to stderr."""
    from omni_generalist.cli import main

    status = main(list(args))
    return status, capsys.readouterr().err


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
