"""Shared fixtures: sandboxes with short limits, and a way to run the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from omni_generalist.actions import Sandbox
from omni_generalist.config import SandboxConfig

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "bedroom.py"

FAST_LIMITS = SandboxConfig(timeout_s=1.5, memory_mb=512, max_output_chars=2000)


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


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
