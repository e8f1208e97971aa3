"""Running a batch: a local process pool by default, or a Ray cluster; resumable.

``run_batch`` reads the prompts, skips every task the output folder already holds finished, and
runs the rest. Records are appended to ``OUT/manifest.jsonl`` as tasks finish. A worker process
killed mid-task (``kill -9``, out of memory) loses only that task's temporary folder: the local
pool is rebuilt and the task re-run (at most ``batch.max_retries`` times); on Ray, the task is
retried by Ray. Re-running the same command resumes.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing as mp
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from .manifest import TASK_FILE, Manifest, Task, read_prompts, scan_finished
from .worker import ray_task, run_task

ProgressFn = Callable[[int, int, dict[str, Any]], None]
"""Called as ``progress(done, total, record)`` after each task."""


@dataclass
class BatchSummary:
    """What a batch run did."""

    out: Path
    total: int
    skipped: int
    ok: int
    failed: int
    retried: int
    seconds: float
    backend: str
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def worlds_per_minute(self) -> float:
        ran = self.ok + self.failed
        return 60.0 * ran / self.seconds if self.seconds > 0 and ran else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"out": str(self.out), "total": self.total, "skipped": self.skipped, "ok": self.ok,
                "failed": self.failed, "retried": self.retried, "seconds": round(self.seconds, 3),
                "backend": self.backend, "worlds_per_minute": round(self.worlds_per_minute, 3)}


def _failed(task: Task, error: str) -> dict[str, Any]:
    return {**task.to_dict(), "status": "failed", "error": error}


def _started(out: Path, task: Task) -> bool:
    tmp = out / ".tmp"
    return tmp.is_dir() and any(p.name.startswith(task.id + ".") for p in tmp.iterdir())


def run_local(tasks: list[Task], out: Path, settings: Settings, workers: int) -> Iterator[dict[str, Any]]:
    """Run tasks on a local pool of ``workers`` processes; yield each record as it finishes.

    A pool broken by a dead worker is rebuilt and the unfinished tasks are submitted again; a
    task that was running when a worker died counts one retry.
    """
    pending = {t.id: t for t in tasks}
    crashes: Counter[str] = Counter()
    ctx = mp.get_context("spawn")
    while pending:
        pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(pending))), mp_context=ctx)
        try:
            futs = {pool.submit(run_task, t, str(out), settings): t for t in pending.values()}
            for fut in as_completed(futs):
                t = futs[fut]
                try:
                    rec = fut.result()
                except BrokenProcessPool:
                    raise
                except Exception as exc:  # noqa: BLE001 - an unexpected error fails this task only
                    rec = _failed(t, f"{type(exc).__name__}: {exc}")
                pending.pop(t.id, None)
                yield rec
        except BrokenProcessPool:
            for t in list(pending.values()):
                if (out / "worlds" / t.id / TASK_FILE).is_file():
                    continue  # it finished before the pool broke: the next round picks the record up
                if _started(out, t):
                    crashes[t.id] += 1
                    if crashes[t.id] > settings.batch.max_retries:
                        pending.pop(t.id)
                        yield {**_failed(t, f"its worker process died {crashes[t.id]} times"), "retries": crashes[t.id]}
            shutil.rmtree(out / ".tmp", ignore_errors=True)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def run_ray(tasks: list[Task], out: Path, settings: Settings, workers: int, address: str | None) -> Iterator[dict[str, Any]]:
    """Run tasks as Ray tasks (``ray.init(address)``, or a local Ray when no address is given).

    Ray re-runs a task whose worker died (``max_retries``); the folder rename keeps it atomic.
    """
    try:
        import ray
    except ImportError:
        raise InputError("--ray needs the ray package (pip install 'omni_generalist[dist]')") from None
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=workers, **kwargs)
        started = True
    try:
        remote = ray.remote(num_cpus=1, max_retries=settings.batch.max_retries)(ray_task)
        refs = {remote.remote(t.to_dict(), str(out), settings): t for t in tasks}
        while refs:
            ready, _ = ray.wait(list(refs), num_returns=1)
            for ref in ready:
                t = refs.pop(ref)
                try:
                    rec = ray.get(ref)
                except Exception as exc:  # noqa: BLE001 - RayError and task errors fail this task only
                    rec = _failed(t, f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
                yield rec
    finally:
        if started:
            ray.shutdown()


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"another batch is writing to {out}") from None
        yield
    finally:
        os.close(fd)


def run_batch(prompts: str | Path, out: str | Path, variants: int | None = None, workers: int | None = None,
              use_ray: bool = False, ray_address: str | None = None, settings: Settings | None = None,
              seed: int = 0, progress: ProgressFn | None = None) -> BatchSummary:
    """Generate a world (and ``variants`` variants) per prompt into ``out``; resume what is done.

    Args:
        prompts: a ``.txt`` (one prompt per line) or ``.jsonl`` file (``prompt``, ``seed``, ``variants``).
        out: the batch folder: ``manifest.jsonl`` and ``worlds/<id>/``.
        variants: variants per world (default ``settings.batch.variants``).
        workers: local processes (default ``settings.batch.workers``, 0 = one per core); with Ray
            and no address, the CPUs of the local Ray.
        use_ray: run on Ray.
        ray_address: a Ray cluster to connect to (default ``settings.batch.ray_address``; empty
            starts a local Ray).
        settings: settings for generation and randomization.
        seed: first seed (task ``i`` of a text file gets ``seed + i``).
        progress: optional callback after each task.

    Raises:
        InputError: a bad prompts file or output folder, or a batch already running on ``out``.
    """
    settings = settings or Settings()
    n_var = settings.batch.variants if variants is None else int(variants)
    if n_var < 0:
        raise InputError("--variants must be >= 0")
    tasks = read_prompts(prompts, n_var, seed)
    out = Path(out).expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {out} is a file, not a folder")
    try:
        (out / "worlds").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {out}: {exc.strerror}") from None
    n_workers = workers if workers is not None else settings.batch.workers
    if n_workers < 0:
        raise InputError("--workers must be >= 0")
    n_workers = n_workers or (os.cpu_count() or 1)
    t0 = time.perf_counter()
    with _lock(out):
        manifest = Manifest(out / "manifest.jsonl")
        manifest.repair()
        shutil.rmtree(out / ".tmp", ignore_errors=True)  # left by killed workers of an earlier run
        ids = {t.id for t in tasks}
        latest = manifest.latest()
        done = {i for i, r in latest.items() if r.get("status") == "ok" and (out / "worlds" / i / TASK_FILE).is_file()}
        for i, rec in scan_finished(out / "worlds").items():
            if i in ids and i not in done:
                manifest.append(rec)  # finished, but the driver died before recording it
                done.add(i)
        todo = [t for t in tasks if t.id not in done]
        skipped = len(tasks) - len(todo)
        summary = BatchSummary(out, len(tasks), skipped, 0, 0, 0, 0.0, "ray" if use_ray else "local")
        if progress:
            progress(skipped, len(tasks), {})
        runner = (run_ray(todo, out, settings, n_workers, ray_address or settings.batch.ray_address or None)
                  if use_ray else run_local(todo, out, settings, n_workers))
        for rec in runner:
            manifest.append(rec)
            summary.records.append(rec)
            if rec.get("status") == "ok":
                summary.ok += 1
            else:
                summary.failed += 1
            summary.retried += int(rec.get("retries", 0))
            if progress:
                progress(skipped + summary.ok + summary.failed, len(tasks), rec)
        shutil.rmtree(out / ".tmp", ignore_errors=True)
    summary.seconds = time.perf_counter() - t0
    return summary


def check_manifest(out: str | Path) -> dict[str, Any]:
    """Check that ``manifest.jsonl`` and ``worlds/`` agree: every ok record has its finished folder
    and every finished folder one ok record, with no duplicates.

    Returns:
        ``{"ok": bool, "records": n, "worlds": n, "missing_folders": [...], "unrecorded": [...],
        "duplicates": [...]}``.
    """
    out = Path(out)
    recs = [r for r in Manifest(out / "manifest.jsonl").read() if r.get("status") == "ok"]
    counts = Counter(r["id"] for r in recs)
    folders = set(scan_finished(out / "worlds"))
    missing = sorted(i for i in counts if i not in folders or not (out / next(
        r["world"] for r in recs if r["id"] == i)).is_file())
    unrecorded = sorted(folders - set(counts))
    dups = sorted(i for i, c in counts.items() if c > 1)
    return {"ok": not (missing or unrecorded or dups), "records": len(recs), "worlds": len(folders),
            "missing_folders": missing, "unrecorded": unrecorded, "duplicates": dups}
