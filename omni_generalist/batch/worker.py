"""One batch task, run in a worker process (a local pool process or a Ray worker).

A task builds its world (and its variants) in ``OUT/.tmp/<id>.<pid>/world`` and renames the
finished folder to ``OUT/worlds/<id>`` in one step, so a worker killed at any moment leaves
either nothing or a whole world. Each worker process keeps one sandbox worker and one policy for
all the tasks it runs.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import GeneralistError
from ..io import write_json
from .manifest import TASK_FILE, Task

_STATE: dict[str, Any] = {}


def _resources(settings: Settings) -> tuple[Any, Any]:
    """The process's sandbox and policy (created on first use, reused by later tasks)."""
    key = (settings.generator.policy, repr(settings.sandbox))
    if _STATE.get("key") != key:
        old = _STATE.pop("sandbox", None)
        if old is not None:
            old.close()
        import atexit

        from ..actions import Sandbox
        from ..policy import make_policy

        _STATE["sandbox"] = Sandbox(config=settings.sandbox)
        _STATE["policy"] = make_policy(settings.generator.policy, settings.policy)
        _STATE["key"] = key
        atexit.register(_STATE["sandbox"].close)
    return _STATE["sandbox"], _STATE["policy"]


def run_task(task: Task | dict[str, Any], out: str | Path, settings: Settings) -> dict[str, Any]:
    """Build one task's world (and variants) into ``out/worlds/<id>``; return its manifest record.

    Idempotent: a task whose folder is already finished returns the stored record. A task whose
    prompt cannot be built returns a record with ``status = "failed"`` (it is not raised), so that
    one bad prompt does not stop a batch.
    """
    from ..generate import generate_world
    from ..randomize.usd_randomizer import randomize_world

    t = task if isinstance(task, Task) else Task(**task)
    out = Path(out)
    final = out / "worlds" / t.id
    if (final / TASK_FILE).is_file():
        return json.loads((final / TASK_FILE).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    work = out / ".tmp" / f"{t.id}.{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    base = {"id": t.id, "index": t.index, "prompt": t.prompt, "seed": t.seed, "variants": t.variants,
            "worker": {"host": socket.gethostname(), "pid": os.getpid()}}
    try:
        sandbox, policy = _resources(settings)
        res = generate_world(t.prompt, work / "world", policy, seed=t.seed, settings=settings, sandbox=sandbox)
        t_gen = time.perf_counter() - t0
        var_files: list[str] = []
        if t.variants > 0:
            rr = randomize_world(res.world_file, work / "world" / "variants", t.variants, seed=t.seed,
                                 settings=settings, base_ref=f"../{res.world_file.name}")
            var_files = [f"variants/{p.name}" for p in rr.files]
        phys = res.report.get("physics")
        record = {**base, "status": "ok", "world": f"worlds/{t.id}/{res.world_file.name}",
                  "objects": res.report["layout"]["objects"], "variant_files": var_files,
                  "physics_ok": None if not isinstance(phys, dict) else phys.get("ok"),
                  "timings": {"generate_s": round(t_gen, 3), "total_s": round(time.perf_counter() - t0, 3)}}
        write_json(work / "world" / TASK_FILE, record)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(work / "world", final)
        except OSError:
            if not (final / TASK_FILE).is_file():
                raise
            record = json.loads((final / TASK_FILE).read_text(encoding="utf-8"))  # a retry finished first
        return record
    except GeneralistError as exc:
        return {**base, "status": "failed", "error": " ".join(str(exc).split())[:500],
                "timings": {"total_s": round(time.perf_counter() - t0, 3)}}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ray_task(task: dict[str, Any], out: str, settings: Settings) -> dict[str, Any]:
    """The function Ray runs remotely (a plain module function: workers import it by name)."""
    return run_task(task, out, settings)
