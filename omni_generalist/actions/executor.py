"""The sandboxed executor: runs action code against a world, one transaction per action.

:class:`Sandbox` keeps the committed world as an ``Sdf.Layer`` in this process and a copy in a
worker process (see :mod:`.worker`). An action runs in the worker on an edit layer; if it
succeeds, the worker returns the edit layer and both copies merge it; if it fails, or runs out
of time or memory, nothing is merged and the error (type, message, line) comes back. A worker
that had to be stopped is replaced and reloaded from the committed layer.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass, field
from typing import Any

from pxr import Sdf, Usd

from ..config import SandboxConfig
from ..errors import ActionError
from ..world.layers import merge_layer
from .guard import parse
from .log import ActionLog

HARD_GRACE_S = 2.0
"""Time past the soft limit after which the worker is stopped outright."""


@dataclass
class ActionResult:
    """What happened to one action."""

    ok: bool
    index: int
    code: str
    seconds: float = 0.0
    output: str = ""
    error_kind: str = ""
    error_message: str = ""
    error_line: int | None = None

    @property
    def error(self) -> str:
        """The error as one line for a policy or a person ('' when the action succeeded)."""
        if self.ok:
            return ""
        where = f" at line {self.error_line}" if self.error_line else ""
        return f"{self.error_kind}{where}: {self.error_message}"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "index": self.index, "seconds": round(self.seconds, 6), "error": self.error}


@dataclass
class _Worker:
    process: Any
    conn: Any
    started: float = field(default_factory=time.perf_counter)


class Sandbox:
    """Runs action code on a world in a worker process, merging only successful actions.

    Args:
        layer: the committed world (it is edited in place); a new empty world when omitted.
        seed: world seed; action ``i`` gets ``rng = random.Random(f"{seed}:{i}")``.
        config: time, memory and size limits.
    """

    def __init__(self, layer: Sdf.Layer | None = None, seed: int = 0, config: SandboxConfig | None = None):
        if layer is None:
            from ..world.stage import new_stage

            layer = new_stage().GetRootLayer()
        self.layer = layer
        self.seed = int(seed)
        self.config = config or SandboxConfig()
        self.log = ActionLog(seed=self.seed)
        self.results: list[ActionResult] = []
        self._worker: _Worker | None = None
        self._stage: Usd.Stage | None = None
        self._ctx = mp.get_context("spawn")

    # -------------------------------------------------------------- life cycle
    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker process."""
        w, self._worker = self._worker, None
        if w is None:
            return
        try:
            w.conn.send({"op": "stop"})
            if w.conn.poll(2.0):
                w.conn.recv()
        except (OSError, EOFError, BrokenPipeError):
            pass
        w.process.join(2.0)
        if w.process.is_alive():
            w.process.kill()
            w.process.join(2.0)
        w.conn.close()

    def _kill(self) -> None:
        w, self._worker = self._worker, None
        if w is None:
            return
        w.process.kill()
        w.process.join(5.0)
        w.conn.close()

    def _ensure_worker(self) -> _Worker:
        if self._worker is not None and self._worker.process.is_alive():
            return self._worker
        if self._worker is not None:
            self._kill()
        from .worker import worker_main

        parent, child = self._ctx.Pipe()
        limits = {"timeout_s": self.config.timeout_s, "memory_mb": self.config.memory_mb,
                  "max_code_chars": self.config.max_code_chars, "max_output_chars": self.config.max_output_chars,
                  "recursion_limit": self.config.recursion_limit}
        proc = self._ctx.Process(target=worker_main, args=(child, limits), daemon=True, name="omni-generalist-sandbox")
        proc.start()
        child.close()
        self._worker = _Worker(proc, parent)
        reply = self._call({"op": "load", "text": self.layer.ExportToString()}, timeout=120.0)
        if reply is None or not reply.get("ok"):
            self._kill()
            raise RuntimeError("the sandbox worker failed to start")
        return self._worker

    def _call(self, msg: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        w = self._worker
        assert w is not None
        try:
            w.conn.send(msg)
            if not w.conn.poll(timeout):
                return None
            return w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            return {"ok": False, "crashed": True}

    def reset(self, layer: Sdf.Layer | None = None, seed: int = 0) -> None:
        """Start over on another world (keeps the worker process: no new start-up cost)."""
        if layer is None:
            from ..world.stage import new_stage

            layer = new_stage().GetRootLayer()
        self.layer, self.seed = layer, int(seed)
        self.log = ActionLog(seed=self.seed)
        self.results = []
        self._stage = None
        if self._worker is not None and self._worker.process.is_alive():
            reply = self._call({"op": "load", "text": layer.ExportToString()}, timeout=120.0)
            if reply is None or not reply.get("ok"):
                self._kill()

    # -------------------------------------------------------------- reading
    @property
    def stage(self) -> Usd.Stage:
        """A stage over the committed layer (kept up to date as actions are merged)."""
        if self._stage is None:
            self._stage = Usd.Stage.Open(self.layer)
        return self._stage

    # -------------------------------------------------------------- running
    def run(self, code: str) -> ActionResult:
        """Run one action; on success its edits are committed and it is appended to the log."""
        index = len(self.log.actions)
        start = time.perf_counter()
        try:
            parse(code, self.config.max_code_chars)  # fail fast, before a round trip
        except ActionError as exc:
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, "",
                                             exc.kind, exc.message, exc.line))
        self._ensure_worker()
        reply = self._call({"op": "run", "code": code, "seed": f"{self.seed}:{index}"},
                           self.config.timeout_s + HARD_GRACE_S)
        if reply is None:
            self._kill()
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, "", "TimeoutError",
                                             f"the action ran longer than {self.config.timeout_s:g} s and was stopped"))
        if reply.get("crashed"):
            code_ = self._worker.process.exitcode if self._worker else None
            self._kill()
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, "", "WorkerCrash",
                                             f"the action crashed the sandbox worker (exit status {code_}); "
                                             "the world is unchanged"))
        if reply.get("reload"):
            self._kill()  # its copy may differ from ours: start afresh from the committed layer
        if not reply.get("ok"):
            err = reply.get("error", {})
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, reply.get("output", ""),
                                             err.get("kind", "Error"), err.get("message", ""), err.get("line")))
        edit = Sdf.Layer.CreateAnonymous("edit.usda")
        edit.ImportFromString(reply["layer"])
        merge_layer(edit, self.layer, reply.get("removed", ()))
        self.log.append(code)
        return self._record(ActionResult(True, index, code, time.perf_counter() - start, reply.get("output", "")))

    def _record(self, result: ActionResult) -> ActionResult:
        self.results.append(result)
        return result

    def replay(self, log: ActionLog) -> list[ActionResult]:
        """Run every action of ``log`` in order; stop at the first failure and return the results."""
        out = []
        for code in log.actions:
            res = self.run(code)
            out.append(res)
            if not res.ok:
                break
        return out
