"""The sandbox worker: a separate process that holds a copy of the world and runs action code.

Started as ``python -m omni_generalist.actions.worker FD`` (see :mod:`.spawn`), it talks to the
parent over the socket ``FD``. The first message sets it up: it imports what actions use, installs
the pxr refusals (:mod:`.pxr_guard`), applies its resource limits (address space, no core dumps,
``RLIMIT_FSIZE = 0``) and the operating-system confinement (:mod:`.confine`), and answers with the
confinement applied. Each action then runs with a bounded recursion depth and a soft time limit
(``SIGALRM``; the parent stops it outright when the hard limit passes), authored into the stage's
session layer, an anonymous edit layer stronger than the committed root layer. A successful
action's edit layer is checked (:mod:`.edit_checks`), merged, and sent back so the parent can merge
the same edit into its own copy; a failed one is discarded.
"""

from __future__ import annotations

import builtins
import math
import random
import resource
import signal
import sys
import time
import traceback
import types
from typing import Any

from pxr import Gf, Sdf, Tf, Usd, UsdGeom, UsdLux, UsdPhysics, UsdSemantics, UsdShade, Vt

from ..errors import ActionError
from ..world.layers import merge_layer
from . import pxr_guard
from .api import ActionAPI, action_functions
from .confine import confine
from .edit_checks import EditLimits, check_edit, check_size
from .guard import compile_checked
from .pxr_guard import actions_running


class ActionTimeout(BaseException):
    """Raised inside action code when its time is up (a BaseException: ``except Exception`` can't catch it)."""


PXR_MODULES = {"Usd": Usd, "UsdGeom": UsdGeom, "UsdShade": UsdShade, "UsdLux": UsdLux, "UsdPhysics": UsdPhysics,
               "UsdSemantics": UsdSemantics, "Sdf": Sdf, "Gf": Gf, "Vt": Vt}

SAFE_BUILTINS = [
    "abs", "all", "any", "bool", "bytearray", "bytes", "callable", "chr", "dict", "divmod", "enumerate", "filter", "float",
    "frozenset", "hash", "int", "isinstance", "iter", "len", "list", "map", "max", "min", "next", "ord", "pow",
    "range", "repr", "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "zip", "True", "False",
    "None", "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "ZeroDivisionError",
    "ArithmeticError", "LookupError", "AssertionError", "NotImplementedError", "StopIteration", "AttributeError",
    "NameError", "OverflowError", "PlacementError",
]


class _Output:
    def __init__(self, limit: int):
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit

    def print(self, *args: Any, sep: str = " ", end: str = "\n") -> None:
        if self.size > self.limit:
            return
        text = sep.join(str(a) for a in args) + end
        self.parts.append(text[: self.limit - self.size + 1])
        self.size += len(text)

    def text(self) -> str:
        out = "".join(self.parts)
        return out[: self.limit] + ("\n[output cut]" if self.size > self.limit else "")


def build_namespace(api: ActionAPI, rng: random.Random, output: _Output) -> dict[str, Any]:
    """Return the globals an action runs with: curated built-ins, the action API, pxr, ``stage``."""
    from ..errors import PlacementError

    safe = {n: getattr(builtins, n) for n in SAFE_BUILTINS if hasattr(builtins, n)}
    safe["PlacementError"] = PlacementError
    safe["print"] = output.print
    pxr_ns = types.SimpleNamespace(**PXR_MODULES)

    def _import(name: str, globals=None, locals=None, fromlist=(), level=0):  # noqa: A002
        root = name.split(".")[0]
        if root == "math":
            return math
        if root == "random":
            return rng
        if root == "pxr":
            if name == "pxr":
                return pxr_ns
            sub = name.split(".", 1)[1]
            if sub in PXR_MODULES:
                return pxr_ns
        raise ImportError(f"import of {name!r} is not allowed")

    safe["__import__"] = _import
    env: dict[str, Any] = {"__builtins__": safe, "__name__": "__action__"}
    env.update(PXR_MODULES)
    env.update(action_functions(api))
    env.update({"stage": api.stage, "rng": rng, "math": math})
    return env


def _error_from(exc: BaseException, timeout: float) -> ActionError:
    if isinstance(exc, ActionError):
        return exc
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<action>":
            line = frame.lineno
    if isinstance(exc, ActionTimeout):
        return ActionError("TimeoutError", f"the action ran longer than {timeout:g} s", line)
    if isinstance(exc, MemoryError):
        return ActionError("MemoryError", "the action ran out of memory (sandbox limit)", line)
    if isinstance(exc, RecursionError):
        return ActionError("RecursionError", "maximum recursion depth exceeded", line)
    msg = str(exc)
    if isinstance(exc, Tf.ErrorException):
        msg = " ".join(s.strip() for s in msg.splitlines() if s.strip())[-500:]
    elif type(exc).__name__ == "ArgumentError" and "Python argument types in" in msg:
        lines = [s.strip() for s in msg.splitlines() if s.strip()]
        call = lines[lines.index("Python argument types in") + 1] if "Python argument types in" in lines else ""
        msg = f"wrong argument types for the pxr call {call}".strip()
    msg = " ".join(msg.split())  # one line, whatever the exception wrote
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        msg = exc.args[0]
    return ActionError(type(exc).__name__, msg[:2000], line)


class WorkerState:
    """The worker's copy of the world and the logic of one action."""

    def __init__(self, limits: dict[str, Any], asset_roots: tuple[str, ...] = ()):
        self.limits = limits
        self.asset_roots = asset_roots
        self.edit_limits = EditLimits(**{k: int(limits[k]) for k in EditLimits.__dataclass_fields__ if k in limits})
        self.stage: Usd.Stage | None = None
        self.api: ActionAPI | None = None
        self.root_touched = False
        self._listening = False
        self._listener = None

    def load(self, text: str) -> None:
        layer = Sdf.Layer.CreateAnonymous("world.usda")
        if text and not layer.ImportFromString(text):
            raise ActionError("LoadError", "the worker could not read the world")
        self.stage = Usd.Stage.Open(layer)
        self.stage.SetEditTarget(Usd.EditTarget(self.stage.GetSessionLayer()))
        self.api = ActionAPI(self.stage)  # kept across actions: its object cache follows the stage
        self._listener = Tf.Notice.Register(Sdf.Notice.LayersDidChangeSentPerLayer, self._on_change, layer)

    def _on_change(self, notice, sender) -> None:
        if self._listening:
            self.root_touched = True

    def run(self, code: str, seed: str, timeout_s: float | None = None) -> dict[str, Any]:
        assert self.stage is not None and self.api is not None
        stage = self.stage
        root, edit = stage.GetRootLayer(), stage.GetSessionLayer()
        rng = random.Random(seed)
        api = self.api
        api._begin_action(rng)
        output = _Output(int(self.limits["max_output_chars"]))
        timeout = float(timeout_s if timeout_s is not None else self.limits["timeout_s"])
        error: ActionError | None = None
        self.root_touched = False
        depth = len(traceback.extract_stack())
        old_limit = sys.getrecursionlimit()
        start = time.perf_counter()
        try:
            compiled = compile_checked(code, int(self.limits["max_code_chars"]))
            env = build_namespace(api, rng, output)
            self._listening = True
            sys.setrecursionlimit(depth + int(self.limits["recursion_limit"]) + 50)
            signal.setitimer(signal.ITIMER_REAL, timeout, 0.05)
            try:
                with actions_running():
                    exec(compiled, env)  # noqa: S102 - the code passed the guard and runs in this jailed process
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0.0)
                sys.setrecursionlimit(old_limit)
                self._listening = False
        except BaseException as exc:  # noqa: BLE001 - everything the action raises is reported back
            if isinstance(exc, (SystemExit, KeyboardInterrupt)) and not isinstance(exc, ActionTimeout):
                raise
            error = _error_from(exc, timeout)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0.0)
            self._listening = False
        seconds = time.perf_counter() - start
        reload = False
        if self.root_touched:
            error = ActionError("SandboxViolation", "the action edited the committed layer directly; "
                                "edits must go through the stage's edit target")
            reload = True
        if stages_edit_target_changed(stage):
            error = error or ActionError("SandboxViolation", "the action changed the stage's edit target")
            stage.SetEditTarget(Usd.EditTarget(edit))
        reply: dict[str, Any] = {"ok": error is None, "output": output.text(), "seconds": seconds, "reload": reload}
        if error is None:
            try:
                check_edit(edit, self.edit_limits, self.asset_roots)
                text = edit.ExportToString()
                check_size(text, self.edit_limits)
            except ActionError as exc:
                error = exc
            except MemoryError:
                error = ActionError("MemoryError", "the action's edit is too large to export (sandbox limit)")
        if error is None:
            reply["layer"] = text
            reply["removed"] = list(api.removed)

            def commit() -> None:
                with Sdf.ChangeBlock():
                    merge_layer(edit, root, api.removed)
                    edit.Clear()

            try:
                api._commit_quietly(commit)
            except Exception as exc:  # noqa: BLE001 - a merge bug must not take the worker down silently
                api._rollback_quietly(edit.Clear)
                error = ActionError("MergeError", f"the edit could not be committed: {_error_from(exc, timeout).message}")
                reply = {"ok": False, "output": output.text(), "seconds": seconds, "reload": True}
        if error is not None:
            reply["ok"] = False
            reply.pop("layer", None)
            api._rollback_quietly(edit.Clear)
            reply["error"] = {"kind": error.kind, "message": error.message, "line": error.line}
        return reply


def stages_edit_target_changed(stage: Usd.Stage) -> bool:
    """Return True when the stage's edit target is no longer its session (edit) layer."""
    return stage.GetEditTarget().GetLayer() != stage.GetSessionLayer()


def _on_alarm(signum, frame) -> None:
    raise ActionTimeout()


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def apply_limits(memory_mb: int) -> None:
    """Bound the worker: address space (current use + ``memory_mb``), no file writes, no core dumps."""
    base = _vm_bytes()
    if base:
        limit = base + int(memory_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _warm() -> None:
    """Import and load what actions use, before the limits and the confinement apply."""
    from ..assets.builders import registered
    from ..assets.catalog import catalog
    from ..assets.materials import material_library
    from ..metrics import reachability  # noqa: F401 - unreachable_objects()

    catalog()
    material_library()
    registered()  # imports every generator (and what they import)


def serve(conn, setup: dict[str, Any]) -> None:
    """Serve the parent over ``conn``: the first message sets up the worker (limits, scratch folder,
    asset roots, confinement) and is answered with the confinement applied; then ``load``/``run``/
    ``export`` requests until ``stop``."""
    limits = setup["limits"]
    roots = tuple(setup.get("asset_roots", ()))
    _warm()
    pxr_guard.install(roots)
    apply_limits(int(limits["memory_mb"]))
    try:
        info = confine(setup.get("confinement", "auto"), setup.get("scratch", ""), list(roots))
    except OSError as exc:
        conn.send({"ok": False, "error": {"kind": "ConfinementError", "message": str(exc), "line": None}})
        return
    state = WorkerState(limits, roots)
    conn.send({"ok": True, "confinement": info.to_dict()})
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        op = msg.get("op")
        try:
            if op == "stop":
                conn.send({"ok": True})
                return
            if op == "load":
                state.load(msg["text"])
                conn.send({"ok": True})
            elif op == "run":
                conn.send(state.run(msg["code"], msg["seed"], msg.get("timeout_s")))
            elif op == "export":
                conn.send({"ok": True, "text": state.stage.GetRootLayer().ExportToString()})
            elif op == "probe":  # tests: what the confinement lets this process do
                conn.send({"ok": True, "result": _probe(msg["what"], msg["path"])})
            else:
                conn.send({"ok": False, "error": {"kind": "ProtocolError", "message": f"unknown op {op!r}", "line": None}})
        except MemoryError:
            conn.send({"ok": False, "reload": True,
                       "error": {"kind": "MemoryError", "message": "the action ran out of memory (sandbox limit)", "line": None}})


def _probe(what: str, path: str) -> str:
    """Try one file-system operation and say how it went ("ok" or the error's name)."""
    import os

    try:
        if what == "read":
            with open(path, "rb") as fh:
                fh.read(16)
        elif what == "create":
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.close(fd)
        elif what == "mkdir":
            os.mkdir(path)
        elif what == "list":
            os.listdir(path)
        elif what == "spawn":
            import subprocess

            subprocess.run([path], check=False, capture_output=True, timeout=5)
        elif what == "socket":
            import socket

            socket.socket().close()
        return "ok"
    except BaseException as exc:  # noqa: BLE001 - the answer is the error's name
        return type(exc).__name__


def main(argv: list[str] | None = None) -> None:
    """``python -m omni_generalist.actions.worker FD``: serve the parent over the socket ``FD``."""
    from multiprocessing.connection import Connection

    args = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, _on_alarm)
    conn = Connection(int(args[0]))
    try:
        setup = conn.recv()
    except (EOFError, OSError):
        return
    serve(conn, setup)


if __name__ == "__main__":
    main()
