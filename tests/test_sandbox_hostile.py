"""A corpus of hostile action snippets: each is refused or stopped with a clear error, and the
world (ours and the worker's copy) is byte-identical afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from omni_generalist.actions import Sandbox
from tests.conftest import FAST_LIMITS

SV = {"SandboxViolation"}
LIMIT = {"TimeoutError", "MemoryError"}

HOSTILE: list[tuple[str, str, set[str]]] = [
    ("import os", "import of 'os'", SV),
    ("import subprocess\nsubprocess.run(['ls'])", "import of 'subprocess'", SV),
    ("from os import system", "import of 'os'", SV),
    ("import socket", "import of 'socket'", SV),
    ("import urllib.request", "import of 'urllib.request'", SV),
    ("import importlib", "import of 'importlib'", SV),
    ("from pxr import Tf", "cannot import name", {"ImportError"}),
    ("import pxr.Tf", "not allowed", {"ImportError"}),
    ("__import__('os').system('echo pwned')", "'__import__'", SV),
    ("().__class__.__mro__[1].__subclasses__()", "'__class__'", SV),
    ("[].__class__.__base__.__subclasses__()", "'__class__'", SV),
    ("(lambda: 0).__globals__['__builtins__']", "'__globals__'", SV),
    ("print.__self__", "'__self__'", SV),
    ("add_object.__self__.stage", "'__self__'", SV),
    ("import math\nmath.__loader__", "'__loader__'", SV),
    ("rng._inst", "private attribute", SV),
    ("open('/etc/passwd').read()", "'open'", SV),
    ("eval('1 + 1')", "'eval'", SV),
    ("exec('import os')", "'exec'", SV),
    ("compile('1', 'x', 'eval')", "'compile'", SV),
    ("globals()['__builtins__']", "'globals'", SV),
    ("locals()", "'locals'", SV),
    ("vars(math)", "'vars'", SV),
    ("getattr(stage, 'GetRootLayer')().Save()", "'getattr'", SV),
    ("type(stage)", "'type'", SV),
    ("breakpoint()", "'breakpoint'", SV),
    ("'{0.__class__}'.format(1)", "'format'", SV),
    ("'{a.__init__.__globals__}'.format_map({'a': rng})", "'format_map'", SV),
    ("def f():\n    yield 1\ng = f()\ng.gi_frame.f_back", "Yield", SV),
    ("class A:\n    pass", "ClassDef", SV),
    ("global stage", "Global", SV),
    ("async def f():\n    pass", "AsyncFunctionDef", SV),
    ("with open('x') as f:\n    pass", "With", SV),
    ("def __init__():\n    pass", "'__init__'", SV),
    ("try:\n    while True:\n        pass\nexcept:\n    pass", "bare 'except:'", SV),
    ("stage.Export('/tmp/omni_generalist_pwned.usda')", "'Export'", SV),
    ("stage.GetRootLayer().Save()", "'Save'", SV),
    ("Sdf.Layer.CreateAnonymous().Export('/tmp/omni_generalist_pwned.usda')", "'Export'", SV),
    ("Sdf.Layer.FindOrOpen('/etc/passwd')", "'FindOrOpen'", SV),
    ("Usd.Stage.Open('/tmp/omni_generalist_pwned.usda')", "'Open'", SV),
    ("stage.SetEditTarget(Usd.EditTarget(stage.GetRootLayer()))", "'SetEditTarget'", SV),
    ("stage.GetRootLayer().TransferContent(Sdf.Layer.CreateAnonymous())", "'TransferContent'", SV),
    ("stage.GetRootLayer().customLayerData = {}", "committed layer", SV),
    ("Sdf.CreatePrimInLayer(stage.GetRootLayer(), '/World/Evil')", "committed layer", SV),
    ("while True:\n    pass", "longer than", {"TimeoutError"}),
    ("x = 0\nwhile True:\n    try:\n        x += 1\n    except Exception:\n        pass", "longer than", {"TimeoutError"}),
    ("try:\n    while True:\n        pass\nfinally:\n    while True:\n        pass", "longer than", {"TimeoutError"}),
    ("x = bytearray(10 * 1024 ** 3)", "memory", {"MemoryError"}),
    ("a = [0] * (10 ** 10)", "memory", {"MemoryError"}),
    ("s = 'x' * (2 ** 40)", "memory", {"MemoryError"}),
    ("x = 10 ** 10 ** 10", "", LIMIT),
    ("big = [list(range(1000)) for _ in range(10 ** 7)]", "", LIMIT),
    ("def f(n):\n    return f(n + 1)\nf(0)", "recursion", {"RecursionError"}),
    ("f = lambda: f()\nf()", "recursion", {"RecursionError"}),
    ("d = []\nfor i in range(100000):\n    d = [d]\nrepr(d)", "", {"RecursionError", "MemoryError", "WorkerCrash"}),
    ("x = 1 +", "invalid syntax", {"SyntaxError"}),
    ("a = 'x\x00'", "NUL", {"SyntaxError"}),
]


@pytest.fixture(scope="module")
def world():
    with Sandbox(seed=3, config=FAST_LIMITS) as sb:
        res = sb.run("create_room(5, 4, room_type='bedroom')\nadd_door('south')\n"
                     "t = add_object('table', center=True)\nadd_object('chair', around=t)")
        assert res.ok, res.error
        yield sb


def test_corpus_is_large_enough():
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("code, words, kinds", HOSTILE, ids=[f"h{i:02d}" for i in range(len(HOSTILE))])
def test_hostile_snippet_is_stopped_and_world_unchanged(world, code, words, kinds):
    before = world.layer.ExportToString()
    n_log = len(world.log.actions)
    res = world.run(code)
    assert not res.ok, f"{code!r} was allowed"
    assert res.error_kind in kinds, res.error
    assert words.lower() in res.error.lower(), res.error
    assert "\n" not in res.error_message
    assert world.layer.ExportToString() == before
    assert len(world.log.actions) == n_log
    # the worker's copy (restarted or not) is the committed world too
    world._ensure_worker()
    reply = world._call({"op": "export"}, 30)
    assert reply["text"] == before
    assert not Path("/tmp/omni_generalist_pwned.usda").exists()


def test_worker_survives_and_keeps_working(world):
    res = world.run("add_object('mug', on='table_0')")
    assert res.ok, res.error
    assert world.stage.GetPrimAtPath("/World/Objects/mug_0")
