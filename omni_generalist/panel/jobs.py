"""Long work without blocking a UI: asyncio jobs that yield a frame between steps.

A job is an ``async`` function that receives a :class:`JobContext`. It reports progress with
``await ctx.progress(message, fraction)`` (which hands control back to the event loop for one
frame and raises :class:`JobCancelled` if the user pressed Cancel) and runs blocking calls (a
sandboxed action, a policy step, a file write) with ``await ctx.run_blocking(fn, ...)``, on a
worker thread so that the loop keeps drawing. Inside Kit the frame yield is
``omni.kit.app.get_app().next_update_async``; anywhere else ``asyncio.sleep(0)``.
"""

from __future__ import annotations

import asyncio
import functools
import time
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..errors import GeneralistError

YieldFn = Callable[[], Awaitable[Any]]
ProgressFn = Callable[[str, float | None], None]


class JobCancelled(Exception):
    """Raised inside a job at its next yield point after :meth:`JobRunner.cancel`."""


class ServiceUnavailable(GeneralistError):
    """A button's backend is not installed or not present in this application."""

    exit_code = 2


async def _sleep0() -> None:
    await asyncio.sleep(0)


@dataclass
class JobOutcome:
    """How a job ended: ``ok``, ``error`` or ``cancelled``, with its value or error line."""

    name: str
    status: str
    value: Any = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the job finished without error or cancellation."""
        return self.status == "ok"


class JobContext:
    """What a running job uses to report progress, yield frames and run blocking calls."""

    def __init__(self, name: str, runner: JobRunner):
        self.name = name
        self._runner = runner

    @property
    def cancelled(self) -> bool:
        """True once the user asked to cancel this job."""
        return self._runner._cancel_requested

    def check(self) -> None:
        """Raise :class:`JobCancelled` if the job was cancelled."""
        if self.cancelled:
            raise JobCancelled(f"{self.name} cancelled")

    async def progress(self, message: str, fraction: float | None = None) -> None:
        """Report progress, give the event loop one frame, then stop here if cancelled."""
        self._runner._report(message, fraction)
        await self._runner.yield_frame()
        self.check()

    async def run_blocking(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(*args, **kwargs)`` off the event loop (or inline when threads are off).

        The call itself cannot be interrupted; cancellation takes effect when it returns.
        """
        self.check()
        if self._runner.executor is None:
            value = fn(*args, **kwargs)
            await self._runner.yield_frame()
        else:
            loop = asyncio.get_running_loop()
            value = await loop.run_in_executor(self._runner.executor, functools.partial(fn, *args, **kwargs))
        self.check()
        return value


class JobRunner:
    """Runs one job at a time and turns its end into a :class:`JobOutcome`.

    Args:
        yield_frame: awaited between steps (``omni.kit.app.get_app().next_update_async`` in Kit).
        on_progress: called as ``on_progress(message, fraction)`` for every report.
        threads: run blocking calls on one worker thread (keeps the UI drawing); False runs
            them inline between frame yields.
    """

    def __init__(self, yield_frame: YieldFn | None = None, on_progress: ProgressFn | None = None,
                 threads: bool = True):
        self.yield_frame: YieldFn = yield_frame or _sleep0
        self.on_progress = on_progress
        self.executor: ThreadPoolExecutor | None = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="omni-generalist-job") if threads else None)
        self.current: str = ""
        self._cancel_requested = False

    @property
    def busy(self) -> bool:
        """True while a job runs."""
        return bool(self.current)

    def cancel(self) -> bool:
        """Ask the running job to stop at its next yield point; False when nothing runs."""
        if not self.busy:
            return False
        self._cancel_requested = True
        return True

    def _report(self, message: str, fraction: float | None) -> None:
        if self.on_progress is not None:
            self.on_progress(message, None if fraction is None else min(1.0, max(0.0, float(fraction))))

    async def run(self, name: str, job: Callable[[JobContext], Awaitable[Any]]) -> JobOutcome:
        """Run ``job`` to its end and return how it ended (never raises for job errors).

        Raises:
            RuntimeError: another job is running.
        """
        if self.busy:
            raise RuntimeError(f"cannot start {name}: {self.current} is running")
        self.current, self._cancel_requested = name, False
        start = time.perf_counter()
        try:
            value = await job(JobContext(name, self))
            return JobOutcome(name, "ok", value, seconds=time.perf_counter() - start)
        except JobCancelled:
            return JobOutcome(name, "cancelled", error=f"{name} cancelled", seconds=time.perf_counter() - start)
        except GeneralistError as exc:
            return JobOutcome(name, "error", error=str(exc), seconds=time.perf_counter() - start)
        except Exception as exc:  # a bug or a backend failure: keep the panel alive, show one line
            last = traceback.extract_tb(exc.__traceback__)[-1:] or [None]
            where = f" ({last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno})" if last[0] else ""
            return JobOutcome(name, "error", error=f"{type(exc).__name__}: {exc}{where}",
                              seconds=time.perf_counter() - start)
        finally:
            self.current, self._cancel_requested = "", False

    def close(self) -> None:
        """Stop the worker thread (after the job that runs, if any)."""
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
