"""The sandboxed executor: runs action code against a world, one transaction per action.

:class:`Sandbox` keeps the committed world as an ``Sdf.Layer`` in this process and a copy in a
worker process (see :mod:`.worker`). An action runs in the worker on an edit layer; if it
succeeds, the worker returns the edit layer and both copies merge it; if it fails, or runs out
of time or memory, nothing is merged and the error (type, message, line) comes back. A worker
that had to be stopped is replaced and reloaded from the committed layer.
"""

from __future__ import annotations

import ast
import socket
import subprocess
import tempfile
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from typing import Any

from pxr import Sdf, Usd

from ..config import SandboxConfig
from ..errors import ActionError, GeneralistError
from ..world.layers import merge_layer
from ..world.metadata import write_provenance
from .edit_checks import EditLimits, check_edit, check_metadata, check_size
from .guard import parse
from .limits import allowed_asset_roots, check_config
from .log import ActionLog, check_log_safe
from .spawn import WorkerCommand, worker_command

START_TIMEOUT_S = 120.0
"""How long a worker may take to start and load a world."""

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


class _Worker:
    """A started worker process, its connection and the last lines it wrote to stderr."""

    def __init__(self, command: WorkerCommand, scratch: str):
        parent_sock, child_sock = socket.socketpair()
        self.stderr: deque[str] = deque(maxlen=40)
        try:
            self.process = subprocess.Popen(command.argv(child_sock.fileno()), env=command.env, cwd=scratch,
                                            pass_fds=(child_sock.fileno(),), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                            start_new_session=True)
        except OSError as exc:
            parent_sock.close()
            raise GeneralistError(f"the sandbox worker could not be started with {command.python}: {exc}") from None
        finally:
            child_sock.close()
        self.conn = Connection(parent_sock.detach())
        self.started = time.perf_counter()
        # USD warnings and tracebacks of the worker are kept here, not printed (one line is the contract)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        for raw in iter(self.process.stderr.readline, b""):
            self.stderr.append(raw.decode("utf-8", "replace").rstrip()[:500])
        self.process.stderr.close()

    def is_alive(self) -> bool:
        return self.process.poll() is None

    @property
    def exitcode(self) -> int | None:
        return self.process.poll()

    def kill(self) -> None:
        if self.is_alive():
            self.process.kill()
        try:
            self.process.wait(5.0)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class Sandbox:
    """Runs action code on a world in a worker process, merging only successful actions.

    Args:
        layer: the committed world (it is edited in place); a new empty world when omitted.
        seed: world seed; action ``i`` gets ``rng = random.Random(f"{seed}:{i}")``.
        config: time, memory and size limits, confinement.
        provenance: what built the world (prompt, policy...); the executor writes it, with ``seed``
            and the version, into the layer's ``customLayerData`` (actions cannot change it).
        command: the worker's interpreter and environment (default: chosen by
            :func:`.spawn.worker_command`, which finds Kit's own Python inside Kit).
    """

    def __init__(self, layer: Sdf.Layer | None = None, seed: int = 0, config: SandboxConfig | None = None,
                 provenance: dict[str, Any] | None = None, command: WorkerCommand | None = None):
        self.config = check_config(config or SandboxConfig())
        self.command = command
        """How the worker is started (None: :func:`.spawn.worker_command` chooses when it starts)."""
        self._worker: _Worker | None = None
        self._starting = False
        """The worker was started by :meth:`start` and its set-up reply is not read yet."""
        self._stage: Usd.Stage | None = None
        self._scratch: tempfile.TemporaryDirectory | None = None
        self.confinement: dict[str, Any] = {}
        """The OS confinement the worker runs under (``level``...; empty before it starts)."""
        self.results: list[ActionResult] = []
        self._set_world(layer, seed, provenance)

    def _set_world(self, layer: Sdf.Layer | None, seed: int, provenance: dict[str, Any] | None) -> None:
        if layer is None:
            from ..world.stage import new_stage

            layer = new_stage().GetRootLayer()
        self.layer, self.seed = layer, int(seed)
        if provenance is not None:
            write_provenance(layer, {**provenance, "seed": self.seed})
        self.log = ActionLog(seed=self.seed)
        self.results = []
        self._stage = None

    @property
    def edit_limits(self) -> EditLimits:
        """What one action may leave behind."""
        c = self.config
        return EditLimits(c.max_prims, c.max_array_len, c.max_array_elements, c.max_edit_chars)

    @property
    def asset_roots(self) -> tuple[str, ...]:
        """Absolute folders actions may reference assets from."""
        return allowed_asset_roots(self.config)

    # -------------------------------------------------------------- life cycle
    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker process and remove its scratch folder."""
        self._starting = False
        w, self._worker = self._worker, None
        if w is not None:
            try:
                w.conn.send({"op": "stop"})
                if w.conn.poll(2.0):
                    w.conn.recv()
            except (OSError, EOFError, BrokenPipeError):
                pass
            try:
                w.process.wait(2.0)
            except subprocess.TimeoutExpired:
                pass
            w.kill()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def _kill(self) -> None:
        self._starting = False
        w, self._worker = self._worker, None
        if w is not None:
            w.kill()

    def start(self) -> None:
        """Start the worker process now without waiting for it: it imports and warms up while the
        caller does other work (a policy planning its first action). Optional; an action starts it
        anyway, and a start that fails here is tried again, with its error, by the first action."""
        if self._worker is not None and self._worker.is_alive():
            return
        try:
            self._spawn()
        except GeneralistError:
            self._kill()

    def _spawn(self) -> _Worker:
        """Start a worker and send it its set-up message (its reply is read by :meth:`_finish_start`)."""
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="omni-generalist-sandbox-")
        command = self.command or worker_command(self.config.python)
        w = _Worker(command, self._scratch.name)
        self._worker = w
        limits = {"timeout_s": self.config.timeout_s, "memory_mb": self.config.memory_mb,
                  "max_code_chars": self.config.max_code_chars, "max_output_chars": self.config.max_output_chars,
                  "recursion_limit": self.config.recursion_limit, **asdict(self.edit_limits)}
        try:
            w.conn.send({"limits": limits, "scratch": self._scratch.name, "asset_roots": list(self.asset_roots),
                         "confinement": self.config.confinement})
        except (OSError, BrokenPipeError):
            self._kill()
            raise GeneralistError("the sandbox worker failed to start: it closed its connection") from None
        self._starting = True
        return w

    def _start(self) -> _Worker:
        self._spawn()
        return self._finish_start()

    def _finish_start(self) -> _Worker:
        """Read the set-up reply of the worker :meth:`_spawn` started and load the world into it."""
        w = self._worker
        assert w is not None
        self._starting = False
        try:
            reply = w.conn.recv() if w.conn.poll(START_TIMEOUT_S) else None
        except (EOFError, OSError):
            reply = None
        if reply is not None and reply.get("ok"):
            self.confinement = dict(reply.get("confinement", {}))
            reply = self._call({"op": "load", "text": self.layer.ExportToString()}, timeout=START_TIMEOUT_S)
        if reply is None or not reply.get("ok"):
            why = (reply or {}).get("error", {}).get("message") or next(
                (ln for ln in reversed(w.stderr) if ln.strip()), "no reply")
            self._kill()
            raise GeneralistError(f"the sandbox worker failed to start: {why}")
        return w

    def _ensure_worker(self) -> _Worker:
        if self._worker is not None and self._worker.is_alive() and not self._starting:
            return self._worker
        if self._worker is not None and not self._starting:
            self._kill()
        try:
            return self._finish_start() if self._starting else self._start()
        except GeneralistError:
            return self._start()  # once more: a worker killed while it started is not the action's fault

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

    def reset(self, layer: Sdf.Layer | None = None, seed: int = 0, provenance: dict[str, Any] | None = None) -> None:
        """Start over on another world (keeps the worker process: no new start-up cost)."""
        self._set_world(layer, seed, provenance)
        if self._worker is not None and self._worker.is_alive() and not self._starting:  # (a starting one loads it)
            reply = self._call({"op": "load", "text": self.layer.ExportToString()}, timeout=START_TIMEOUT_S)
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
    def _time_limit(self, tree: ast.Module) -> float:
        """The wall-clock limit of an action (its checked syntax tree): ``plan_timeout_s`` when it calls
        ``apply_plan`` (a whole world in one action), else ``timeout_s``."""
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        return max(self.config.timeout_s, self.config.plan_timeout_s) if "apply_plan" in calls else self.config.timeout_s

    def run(self, code: str) -> ActionResult:
        """Run one action; on success its edits are committed and it is appended to the log."""
        index = len(self.log.actions)
        start = time.perf_counter()
        try:
            tree = parse(code, self.config.max_code_chars)  # fail fast, before a round trip
            check_log_safe(code)
        except ActionError as exc:
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, "",
                                             exc.kind, exc.message, exc.line))
        self._ensure_worker()
        limit = self._time_limit(tree)
        reply = self._call({"op": "run", "code": code, "seed": f"{self.seed}:{index}", "timeout_s": limit},
                           limit + HARD_GRACE_S)
        if reply is None:
            self._kill()
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, "", "TimeoutError",
                                             f"the action ran longer than {limit:g} s and was stopped"))
        if reply.get("crashed"):
            code_ = self._worker.exitcode if self._worker else None
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
        try:  # the worker is not trusted: what it sends is checked again before it is merged
            text = reply.get("layer", "")
            check_size(text, self.edit_limits)
            edit = Sdf.Layer.CreateAnonymous("edit.usda")
            if not edit.ImportFromString(text):
                raise ActionError("SandboxViolation", "the worker sent an edit that is not a USD layer")
            check_metadata(edit)
            check_edit(edit, self.edit_limits, self.asset_roots)
        except ActionError as exc:
            self._kill()
            return self._record(ActionResult(False, index, code, time.perf_counter() - start, reply.get("output", ""),
                                             exc.kind, exc.message, exc.line))
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
