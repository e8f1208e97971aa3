"""A corpus of hostile action snippets: each is refused or stopped with a clear error (or, where
marked, allowed but harmless), the world (ours and the worker's copy) is byte-identical afterwards,
a canary file outside stays untouched (bytes and time stamp) and a canary folder stays empty. The
canaries lie in a fresh temporary folder each run (``{canary}``, ``{cdir}`` in the snippets).

It runs through the ``Sandbox`` API in both confinement modes (``auto``: Landlock + seccomp here;
``fallback``: seccomp only), and a sample runs through ``generate --actions`` and ``edit --actions``."""

from __future__ import annotations

import os

import pytest

from omni_generalist.actions import Sandbox
from omni_generalist.config import SandboxConfig
from omni_generalist.world.layout import object_prims
from tests.conftest import FAST_LIMITS, run_cli, world_files

pytestmark = pytest.mark.slow(seconds=350)  # its time in make test on a busy machine: started first

SV = {"SandboxViolation"}
LIMIT = {"TimeoutError", "MemoryError"}
HARMLESS = None
"""Kinds of an entry that may run: it must then leave the world, the canaries and the secret alone."""
SECRET = "CANARY-SECRET-5b1e"

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
    ("stage.Export('{cdir}/pwned.usda')", "'Export'", SV),
    ("stage.GetRootLayer().Save()", "'Save'", SV),
    ("Sdf.Layer.CreateAnonymous().Export('{cdir}/pwned.usda')", "'Export'", SV),
    ("Sdf.Layer.FindOrOpen('{canary}')", "'FindOrOpen'", SV),
    ("Usd.Stage.Open('{cdir}/pwned.usda')", "'Open'", SV),
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

# pxr entry points that open, save or export files (refused while an action runs)
PXR_FILES: list[tuple[str, str, set[str] | None]] = [
    ("Sdf.Layer.New(Sdf.FileFormat.FindById('usd'), '{cdir}/x.usd')", "Layer.New", SV),
    ("Sdf.Layer.New(Sdf.FileFormat.FindById('usda'), '{canary}')", "Layer.New", SV),
    ("L = Sdf.Layer\nmake = L.New\nmake(Sdf.FileFormat.FindById('usd'), '{cdir}/y.usd')", "Layer.New", SV),
    ("Sdf.Layer.Find('{canary}')", "Layer.Find", SV),
    ("Sdf.Layer.FindRelativeToLayer(stage.GetRootLayer(), '{canary}')", "FindRelativeToLayer", SV),
    ("Sdf.Layer.OpenAsAnonymous('{canary}')", "'OpenAsAnonymous'", SV),
    ("Sdf.Layer.GetLoadedLayers()", "GetLoadedLayers", SV),
    ("stage.GetSessionLayer().ExportToString()", "ExportToString", SV),
    ("print(stage.ExportToString())", "ExportToString", SV),
    ("stage.Flatten()", "Flatten", SV),
    ("s = Usd.Stage.CreateInMemory()\ns.SaveSessionLayers()", "SaveSessionLayers", SV),
    ("stage.SaveSessionLayers()", "SaveSessionLayers", SV),
    ("stage.Reload()", "'Reload'", SV),
    ("stage.GetSessionLayer().Reload()", "'Reload'", SV),
    ("Sdf.Layer.CreateAnonymous().Import('{canary}')", "'Import'", SV),
    ("Usd.Stage.OpenMasked('{canary}', Usd.StagePopulationMask())", "'OpenMasked'", SV),
    ("Usd.Stage.CreateNew('{cdir}/new.usda')", "'CreateNew'", SV),
    ("Sdf.Layer.CreateNew('{cdir}/new.usda')", "'CreateNew'", SV),
    ("stage.SetPopulationMask(Usd.StagePopulationMask().Add('/World/Room'))", "SetPopulationMask", SV),
    ("stage.MuteLayer(stage.GetRootLayer().identifier)", "'MuteLayer'", SV),
    ("stage.SetLoadRules(Usd.StageLoadRules.LoadNone())", "SetLoadRules", SV),
    ("stage.GetSessionLayer().SetMuted(True)", "SetMuted", SV),
    ("stage.GetSessionLayer().UpdateExternalReference('{canary}', '{cdir}/z.usda')", "UpdateExternalReference", SV),
    ("stage.GetSessionLayer().subLayerPaths.append('{canary}')\nprint(stage.GetPrimAtPath('/X'))", "sublayers", SV),
    ("s = Usd.Stage.CreateInMemory()\ns.GetRootLayer().subLayerPaths.append('{canary}')\n"
     "print(s.GetPrimAtPath('/X').GetAttribute('secret').Get())", "", HARMLESS),
    ("s = Usd.Stage.CreateInMemory()\ns.GetSessionLayer().subLayerPaths.append('{cdir}/w.usd')\n"
     "s.GetRootLayer().Save()", "'Save'", SV),
    ("s = Usd.Stage.CreateInMemory()\nprint(s.GetRootLayer().identifier)", "", HARMLESS),
    ("l = Sdf.Layer.CreateAnonymous()\nl.ImportFromString('#usda 1.0')\nprint(l.identifier)", "", HARMLESS),
    ("stage.GetRootLayer().Export('{cdir}/x.usda')", "'Export'", SV),
    ("layer = stage.GetSessionLayer()\nlayer.Save()", "'Save'", SV),
    ("stage.Save()", "'Save'", SV),
    ("f = Sdf.FileFormat.FindById('usda')\nprint(f.GetFileExtensions())", "", HARMLESS),
]

# references, payloads, sublayers and asset paths outside the allowed roots
OUTSIDE = "outside the allowed asset roots"
REFERENCES: list[tuple[str, str, set[str] | None]] = [
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('{canary}', '/X')\n"
     "print(p.GetAttribute('secret').Get())", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference(Sdf.Reference('{canary}', '/X'))",
     OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().SetReferences([Sdf.Reference('{canary}')])",
     OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetPayloads().AddPayload('{canary}', '/X')", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetPayloads().SetPayloads([Sdf.Payload('{canary}')])", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\n"
     "p.SetMetadata('references', Sdf.ReferenceListOp.Create(prependedItems=[Sdf.Reference('{canary}', '/X')]))\n"
     "print(p.GetAttribute('secret').Get())", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\n"
     "p.SetMetadata('payload', Sdf.PayloadListOp.Create(prependedItems=[Sdf.Payload('{canary}', '/X')]))",
     OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\nspec = stage.GetEditTarget().GetPrimSpecForScenePath(p.GetPath())\n"
     "spec.referenceList.Prepend(Sdf.Reference('{canary}', '/X'))", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\nspec = stage.GetEditTarget().GetPrimSpecForScenePath(p.GetPath())\n"
     "spec.payloadList.Append(Sdf.Payload('{canary}'))", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('../../../../../..{canary}')",
     OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('file://{canary}')", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('/etc/passwd')", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('/proc/self/environ')", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddReference('{cdir}')", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\n"
     "p.CreateAttribute('tex', Sdf.ValueTypeNames.Asset).Set(Sdf.AssetPath('{canary}'))", OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\n"
     "p.CreateAttribute('texs', Sdf.ValueTypeNames.AssetArray).Set(Sdf.AssetPathArray([Sdf.AssetPath('{canary}')]))",
     OUTSIDE, SV),
    ("p = stage.DefinePrim('/World/Objects/r')\n"
     "p.CreateAttribute('tex', Sdf.ValueTypeNames.Asset).Set(Sdf.AssetPath('{canary}'), 5.0)", OUTSIDE, SV),
    ("m = UsdShade.Shader.Define(stage, '/World/Looks/evil')\n"
     "m.CreateInput('file', Sdf.ValueTypeNames.Asset).Set('{canary}')", OUTSIDE, SV),
    ("stage.GetSessionLayer().subLayerPaths.insert(0, '{canary}')", "sublayers", SV),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetReferences().AddInternalReference('/World/Room')", "", HARMLESS),
    ("p = stage.DefinePrim('/World/Objects/r')\np.GetInherits().AddInherit('/World/Room')", "", HARMLESS),
]

# the world's metadata and provenance belong to the executor
METADATA: list[tuple[str, str, set[str] | None]] = [
    ("UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)", "upAxis", SV),
    ("UsdGeom.SetStageMetersPerUnit(stage, 0.01)", "metersPerUnit", SV),
    ("UsdPhysics.SetStageKilogramsPerUnit(stage, 1000.0)", "kilogramsPerUnit", SV),
    ("stage.GetSessionLayer().defaultPrim = 'Nowhere'", "defaultPrim", SV),
    ("stage.GetSessionLayer().customLayerData = {'generalist': {'prompt': 'a lie'}}", "customLayerData", SV),
    ("stage.SetMetadata('customLayerData', {'generalist': {'seed': 99}})", "customLayerData", SV),
    ("stage.SetMetadataByDictKey('customLayerData', 'generalist:policy', 'forged')", "customLayerData", SV),
    ("stage.SetStartTimeCode(10)", "startTimeCode", SV),
    ("stage.SetEndTimeCode(10)", "endTimeCode", SV),
    ("stage.SetTimeCodesPerSecond(10)", "timeCodesPerSecond", SV),
    ("stage.SetFramesPerSecond(10)", "framesPerSecond", SV),
    ("stage.GetSessionLayer().documentation = 'forged'", "documentation", SV),
    ("stage.GetSessionLayer().comment = 'forged'", "comment", SV),
    ("stage.SetMetadata('comment', 'forged')", "comment", SV),
    ("stage.SetDefaultPrim(stage.GetPrimAtPath('/World/Room'))", "'SetDefaultPrim'", SV),
    ("stage.GetRootLayer().defaultPrim = 'Room'", "committed layer", SV),
]

# executor internals and private state
INTERNALS: list[tuple[str, str, set[str] | None]] = [
    ("begin_action(rng)", "begin_action", {"NameError"}),
    ("commit_quietly(print)", "commit_quietly", {"NameError"}),
    ("rollback_quietly(print)", "rollback_quietly", {"NameError"}),
    ("action_functions", "action_functions", {"NameError"}),
    ("ActionAPI", "ActionAPI", {"NameError"}),
    ("api", "'api'", {"NameError"}),
    ("add_object._begin_action(rng)", "private attribute", SV),
    ("add_object.__wrapped__", "'__wrapped__'", SV),
    ("add_object.__closure__", "'__closure__'", SV),
    ("room_info.__func__", "'__func__'", SV),
    ("stage._cache", "private attribute", SV),
    ("(x for x in []).gi_frame", "'gi_frame'", SV),
    ("(x for x in []).gi_code", "'gi_code'", SV),
    ("try:\n    1 / 0\nexcept Exception as e:\n    e.__traceback__", "'__traceback__'", SV),
    ("from pxr import Ar", "cannot import name", {"ImportError"}),
    ("from pxr import UsdUtils", "cannot import name", {"ImportError"}),
    ("import pxr.Ar", "not allowed", {"ImportError"}),
    ("import random\nrandom.seed(1)\nprint(random.random())", "", HARMLESS),
]

# resource exhaustion through what an action leaves in the layer
LAYER_EXHAUSTION: list[tuple[str, str, set[str] | None]] = [
    ("p = stage.DefinePrim('/World/Objects/big')\na = Vt.FloatArray(5000000)\n"
     "for i in range(20):\n    p.CreateAttribute('a%d' % i, Sdf.ValueTypeNames.FloatArray).Set(a)", "elements", SV),
    ("p = stage.DefinePrim('/World/Objects/big')\np.CreateAttribute('a', Sdf.ValueTypeNames.FloatArray)"
     ".Set(Vt.FloatArray(2000000))", "elements", SV),
    ("p = stage.DefinePrim('/World/Objects/big')\np.CreateAttribute('v', Sdf.ValueTypeNames.Point3fArray)"
     ".Set(Vt.Vec3fArray(1500000))", "elements", SV),
    ("p = stage.DefinePrim('/World/Objects/big')\na = p.CreateAttribute('a', Sdf.ValueTypeNames.FloatArray)\n"
     "v = Vt.FloatArray(900000)\nfor t in range(6):\n    a.Set(v, float(t))", "elements", SV),
    ("p = stage.DefinePrim('/World/Objects/big')\np.SetDocumentation('x' * 70000000)", "",
     {"SandboxViolation", "MemoryError", "TimeoutError"}),
    ("for i in range(30000):\n    stage.DefinePrim('/World/Objects/m/p%d' % i)", "", {"SandboxViolation", "TimeoutError"}),
    ("p = stage.DefinePrim('/World/Objects/big')\np.SetCustomDataByKey('blob', Vt.IntArray(3000000))", "",
     {"SandboxViolation", "MemoryError", "TimeoutError"}),
    ("p = stage.DefinePrim('/World/Objects/big')\na = p.CreateAttribute('s', Sdf.ValueTypeNames.String)\n"
     "a.Set('y' * 70000000)", "", {"SandboxViolation", "MemoryError", "TimeoutError"}),
    # USD itself may overflow its C stack on a 5,000-deep path: a contained crash of the worker
    ("path = '/World/Objects/' + '/'.join('d%d' % i for i in range(5000))\nstage.DefinePrim(path)", "",
     {"SandboxViolation", "TimeoutError", "RecursionError", "ErrorException", "MemoryError", "ValueError",
      "WorkerCrash"}),
    ("p = stage.DefinePrim('/World/Objects/big')\na = p.CreateAttribute('a', Sdf.ValueTypeNames.Float)\n"
     "for t in range(10 ** 7):\n    a.Set(1.0, float(t))", "", {"SandboxViolation", "TimeoutError"}),
]

# the action log's cell marker inside an action
LOG_MARKERS: list[tuple[str, str, set[str] | None]] = [
    ("x = 1\n# %% action 7\nundefined_name", "cell marker", SV),
    ("# %% action 0", "cell marker", SV),
    ("# %% action 12   \nx = 1", "cell marker", SV),
    ("s = '''\n# %% action 3\n'''", "cell marker", SV),
    ("x = 1  # %% action 2", "", HARMLESS),
    ("#  %% action 1\nx = 1", "", HARMLESS),
    ("# %% actions 1\nx = 1", "", HARMLESS),
]

# more ways out through Python itself
PYTHON_ESCAPES: list[tuple[str, str, set[str] | None]] = [
    ("rng.__class__", "'__class__'", SV),
    ("stage.__class__.__init__", "'__class__'", SV),
    ("Sdf.__file__", "'__file__'", SV),
    ("math.__dict__", "'__dict__'", SV),
    ("Gf.__loader__.load_module('os')", "'__loader__'", SV),
    ("print.__module__", "'__module__'", SV),
    ("(1).__class__.__bases__", "'__class__'", SV),
    ("x = [c for c in ().__class__.__base__.__subclasses__()]", "'__class__'", SV),
    ("f = lambda: (yield)", "Yield", SV),
    ("async def f():\n    await g()", "AsyncFunctionDef", SV),
    ("import math as m\nm.__spec__", "'__spec__'", SV),
    ("nonlocal x", "", {"SandboxViolation", "SyntaxError"}),
    ("'%s' % stage", "", HARMLESS),
    ("x = {}\nx['__builtins__'] = 1\nprint(len(x))", "", HARMLESS),
    ("print(repr(stage)[:20])", "", HARMLESS),
    ("help(stage)", "'help'", SV),
    ("dir(stage)", "'dir'", SV),
    ("id(stage)", "'id'", SV),
    ("super()", "'super'", SV),
    ("memoryview(b'x')", "'memoryview'", SV),
    ("object.__subclasses__()", "'object'", SV),
    ("import builtins", "import of 'builtins'", SV),
    ("import ctypes", "import of 'ctypes'", SV),
    ("import pickle", "import of 'pickle'", SV),
    ("import multiprocessing", "import of 'multiprocessing'", SV),
    ("from math import *", "not allowed", SV),
    ("from . import x", "relative imports", SV),
    ("import math\nmath.sys", "", {"AttributeError"}),
    ("exit()", "'exit'", SV),
    ("quit()", "'quit'", SV),
    ("raise SystemExit(0)", "'SystemExit'", SV),
    ("raise KeyboardInterrupt", "'KeyboardInterrupt'", SV),
    ("input()", "'input'", SV),
]

CORPUS = HOSTILE + PXR_FILES + REFERENCES + METADATA + INTERNALS + LAYER_EXHAUSTION + LOG_MARKERS + PYTHON_ESCAPES


@pytest.fixture(scope="module")
def canaries(tmp_path_factory):
    """A secret file and an empty folder at places that change with every run."""
    base = tmp_path_factory.mktemp(f"canary{os.getpid()}")
    f = base / "canary.usda"
    f.write_text(f'#usda 1.0\n\ndef "X"\n{{\n    custom string secret = "{SECRET}"\n}}\n')
    d = base / "empty"
    d.mkdir()
    return f, d, f.stat().st_mtime_ns


def fill(code: str, canaries) -> str:
    f, d, _ = canaries
    return code.replace("{canary}", str(f)).replace("{cdir}", str(d))


def assert_canaries_untouched(canaries) -> None:
    f, d, mtime = canaries
    assert f.is_file() and SECRET in f.read_text() and f.stat().st_mtime_ns == mtime
    assert list(d.iterdir()) == []


@pytest.fixture(scope="module", params=["auto", "fallback"])
def world(request):
    cfg = FAST_LIMITS if request.param == "auto" else SandboxConfig(
        timeout_s=FAST_LIMITS.timeout_s, memory_mb=FAST_LIMITS.memory_mb,
        max_output_chars=FAST_LIMITS.max_output_chars, confinement="fallback")
    with Sandbox(seed=3, config=cfg) as sb:
        res = sb.run("create_room(5, 4, room_type='bedroom')\nadd_door('south')\n"
                     "t = add_object('table', center=True)\nadd_object('chair', around=t)")
        assert res.ok, res.error
        yield sb


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 150
    assert len({c for c, _, _ in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("code, words, kinds", CORPUS, ids=[f"h{i:03d}" for i in range(len(CORPUS))])
def test_hostile_snippet_is_stopped_and_world_unchanged(world, canaries, code, words, kinds):
    code = fill(code, canaries)
    before = world.layer.ExportToString()
    n_log = len(world.log.actions)
    res = world.run(code)
    strong = world.confinement.get("level") == "landlock+seccomp"
    if strong:
        assert SECRET not in res.output  # the fallback does not confine reads (docs/sandbox.md)
    assert_canaries_untouched(canaries)
    if kinds is HARMLESS:
        if res.ok:  # allowed: it may commit in the world, nothing outside changes
            return
    else:
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


def test_worker_survives_and_keeps_working(world):
    res = world.run("add_object('mug', on='table_0')")
    assert res.ok, res.error
    assert any(p.GetName() == "mug_0" for p in object_prims(world.stage))


def _cli_sample() -> list[int]:
    """Some refused snippets of each family for the command line (it costs a process each)."""
    picks, start = [], 0
    for family, n in ((HOSTILE, 2), (PXR_FILES, 1), (REFERENCES, 1), (METADATA, 1), (INTERNALS, 1),
                      (LAYER_EXHAUSTION, 1), (LOG_MARKERS, 1)):
        refused = [start + i for i, (_, _, kinds) in enumerate(family) if kinds is not HARMLESS]
        picks += refused[:: max(1, len(refused) // n)][:n]
        start += len(family)
    return picks


@pytest.fixture(scope="module")
def cli_world(tmp_path_factory):
    base = tmp_path_factory.mktemp("cliworld")
    src = base / "room.py"
    src.write_text("create_room(4, 4)\nadd_door('south')\n")
    out = base / "world"
    proc = run_cli("generate", "--actions", str(src), "--out", str(out), "--no-preview", "--no-validate")
    assert proc.returncode == 0, proc.stderr.decode()
    return out


@pytest.mark.parametrize("k", _cli_sample())
def test_hostile_sample_through_the_cli(cli_world, canaries, tmp_path, k):
    code = fill(CORPUS[k][0], canaries)
    f = tmp_path / "evil.py"
    f.write_text("create_room(4, 4)\nadd_door('south')\n\n# %% action 1\n" + code + "\n")
    before = world_files(cli_world)
    gen = run_cli("generate", "--actions", str(f), "--out", str(tmp_path / "out"), "--no-preview", "--no-validate")
    assert gen.returncode == 2, gen.stderr.decode()
    assert len(gen.stderr.decode().strip().splitlines()) == 1, gen.stderr.decode()
    assert not (tmp_path / "out").exists()
    f.write_text(code + "\n")
    edit = run_cli("edit", str(cli_world), "--actions", str(f), "--set", "generator.preview=false",
                   "--set", "generator.validate=false")
    assert edit.returncode == 2, edit.stderr.decode()
    assert len(edit.stderr.decode().strip().splitlines()) == 1, edit.stderr.decode()
    assert world_files(cli_world) == before
    assert_canaries_untouched(canaries)
