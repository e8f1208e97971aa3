"""Batch generation: local pool, kill -9 of a worker mid-task, resume, manifest, a real local Ray."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from omni_generalist.batch import Manifest, check_manifest, read_prompts, run_batch
from omni_generalist.config import Settings
from omni_generalist.errors import InputError

from .conftest import ROOT, run_cli, stderr_lines

PROMPTS = ["a small bedroom with a bed and a lamp", "a small office with a desk and a chair",
           "a bathroom with a sink and a towel"]


def _settings() -> Settings:
    s = Settings()
    s.generator.preview = False
    return s


def _prompts(tmp_path, lines=PROMPTS):
    f = tmp_path / "prompts.txt"
    f.write_text("# worlds\n" + "\n".join(lines) + "\n\n")
    return f


def test_read_prompts(tmp_path):
    tasks = read_prompts(_prompts(tmp_path), variants=2, seed=10)
    assert [t.prompt for t in tasks] == PROMPTS and [t.seed for t in tasks] == [10, 11, 12]
    assert len({t.id for t in tasks}) == 3 and all(t.variants == 2 for t in tasks)
    j = tmp_path / "p.jsonl"
    j.write_text(json.dumps({"prompt": "a kitchen", "seed": 7, "variants": 1}) + "\n")
    (t,) = read_prompts(j)
    assert (t.seed, t.variants) == (7, 1)
    j.write_text('{"seed": 1}\n')
    with pytest.raises(InputError, match="prompt"):
        read_prompts(j)
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(InputError, match="no prompt"):
        read_prompts(tmp_path / "empty.txt")
    with pytest.raises(InputError, match="not found"):
        read_prompts(tmp_path / "missing.txt")


def _batch_cmd(prompts, out, *extra):
    return [sys.executable, "-m", "omni_generalist", "batch", str(prompts), "--out", str(out), "--set",
            "generator.preview=false", *extra]


def test_worker_killed_mid_task_loses_nothing_and_resume_skips(tmp_path):
    prompts = _prompts(tmp_path)
    out = tmp_path / "batch"
    proc = subprocess.Popen(_batch_cmd(prompts, out, "--workers", "2", "--variants", "1"), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = None
    deadline = time.time() + 120
    while killed is None and time.time() < deadline and proc.poll() is None:
        tmp = out / ".tmp"
        running = [p for p in tmp.iterdir()] if tmp.is_dir() else []
        if running:
            tid, pid = running[0].name.rsplit(".", 1)
            time.sleep(0.3)  # well inside the task (generation takes seconds)
            try:
                os.kill(int(pid), signal.SIGKILL)
                killed = tid
            except ProcessLookupError:
                continue
        time.sleep(0.05)
    so, se = proc.communicate(timeout=300)
    assert killed is not None, "no worker was caught mid-task"
    assert proc.returncode == 0, se.decode()
    state = check_manifest(out)
    assert state["ok"] and state["records"] == 3 and state["worlds"] == 3, state
    recs = {r["id"]: r for r in Manifest(out / "manifest.jsonl").read()}
    assert killed in recs and recs[killed]["status"] == "ok"
    for r in recs.values():
        assert (out / r["world"]).is_file() and len(r["variant_files"]) == 1
        assert (out / "worlds" / r["id"] / r["variant_files"][0]).is_file()
    assert not (out / ".tmp").exists()
    # the driver died after a rename but before its manifest line: re-running records it, rebuilds nothing
    lines = (out / "manifest.jsonl").read_text().splitlines()
    (out / "manifest.jsonl").write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:25])  # torn last line
    mtimes = {p: p.stat().st_mtime_ns for p in (out / "worlds").glob("*/task.json")}
    again = run_cli("batch", str(prompts), "--out", str(out), "--workers", "2", "--variants", "1",
                    "--set", "generator.preview=false")
    assert again.returncode == 0, again.stderr
    assert "0 worlds built, 0 failed, 3 already done" in stderr_lines(again)[-1]
    assert {p: p.stat().st_mtime_ns for p in (out / "worlds").glob("*/task.json")} == mtimes
    state = check_manifest(out)
    assert state["ok"] and state["records"] == 3, state


def test_failed_prompt_is_recorded_and_exit_1(tmp_path):
    prompts = _prompts(tmp_path, ["a small bedroom with a bed", "x" * 9000])
    proc = run_cli("batch", str(prompts), "--out", str(tmp_path / "b"), "--workers", "1",
                   "--set", "generator.preview=false")
    assert proc.returncode == 1
    recs = Manifest(tmp_path / "b" / "manifest.jsonl").read()
    assert sorted(r["status"] for r in recs) == ["failed", "ok"]
    assert "limit" in next(r for r in recs if r["status"] == "failed")["error"]
    bad = run_cli("batch", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "c"))
    assert bad.returncode == 2 and len(stderr_lines(bad)) == 1


def test_batch_on_a_local_ray_cluster(tmp_path):
    # the suite's only local Ray (ports are drawn free, so another would not clash; make test runs a
    # file on one xdist worker: keep tests that start Ray in this file so two never share the cores)
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        prompts = _prompts(tmp_path, PROMPTS[:2])
        summary = run_batch(prompts, tmp_path / "rb", variants=0, use_ray=True, settings=_settings())
        assert summary.backend == "ray" and summary.ok == 2 and summary.failed == 0
        pids = {r["worker"]["pid"] for r in summary.records}
        assert os.getpid() not in pids  # ran in Ray worker processes
        state = check_manifest(tmp_path / "rb")
        assert state["ok"] and state["records"] == 2
        again = run_batch(prompts, tmp_path / "rb", variants=0, use_ray=True, settings=_settings())
        assert again.skipped == 2 and again.ok == 0
    finally:
        ray.shutdown()
