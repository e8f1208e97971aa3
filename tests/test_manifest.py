"""extension.toml follows Kit's manifest rules; pyproject and packaging agree with it; only kit/ imports Kit."""

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _manifest() -> dict:
    return tomllib.loads((ROOT / "extension.toml").read_text())


def _module_file(name: str) -> Path | None:
    """The file Python imports for dotted module ``name`` below the extension folder (Kit puts it on sys.path)."""
    base = ROOT / name.replace(".", "/")
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _iext_classes(path: Path) -> list[str]:
    """Classes defined in ``path`` that derive from ``omni.ext.IExt`` (read statically: no Kit here)."""
    out = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ClassDef) and any(ast.unparse(b) in ("omni.ext.IExt", "IExt") for b in node.bases):
            out.append(node.name)
    return out


def test_extension_manifest():
    data = _manifest()
    assert set(data) <= {"package", "core", "dependencies", "python", "settings", "test", "native", "fswatcher"}
    pkg = data["package"]
    for key in ("version", "title", "description", "category", "keywords", "readme", "icon", "preview_image"):
        assert pkg.get(key), key
    for key in ("readme", "icon", "preview_image", "changelog"):
        assert (ROOT / pkg[key]).is_file(), pkg[key]
    assert pkg["icon"].startswith("data/") and pkg["preview_image"].startswith("data/")
    for key in ("icon", "preview_image"):
        assert (ROOT / pkg[key]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", pkg[key]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pkg["version"])
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pkg["version"] == pyproject["project"]["version"]
    assert isinstance(pkg["keywords"], list) and all(isinstance(k, str) for k in pkg["keywords"])
    deps = data["dependencies"]
    for ext in ("omni.usd", "omni.kit.uiapp", "omni.ui", "omni.kit.menu.utils", "omni.kit.actions.core",
                "omni.kit.commands", "omni.timeline", "omni.physx", "omni.replicator.core"):
        assert ext in deps and isinstance(deps[ext], dict), ext
    tests = data["test"]
    assert isinstance(tests, list) and "omni.kit.test" in tests[0]["dependencies"]
    assert all(isinstance(a, str) for a in tests[0].get("args", []))


def test_python_modules_exist_and_one_exposes_the_iext():
    """Kit imports every [[python.module]] and instantiates the omni.ext.IExt subclasses it finds there."""
    modules = [m["name"] for m in _manifest()["python"]["module"]]
    assert modules[0] == "omni_generalist"  # the plain package: Kit puts the extension folder on sys.path
    found = {}
    for name in modules:
        path = _module_file(name)
        assert path is not None, f"[[python.module]] {name} has no module file"
        found[name] = _iext_classes(path)
    assert found["omni_generalist"] == []  # importing the package needs no omni module
    assert [n for n, classes in found.items() if classes] == ["omni_generalist.kit.extension"]
    assert found["omni_generalist.kit.extension"] == ["OmniGeneralistExtension"]
    # no other module defines an IExt that Kit would never load
    stray = [str(p.relative_to(ROOT)) for p in (ROOT / "omni_generalist").rglob("*.py")
             if _iext_classes(p) and p != _module_file("omni_generalist.kit.extension")]
    assert stray == []


def test_kit_tests_are_where_kit_looks_for_them():
    """omni.kit.test discovers the ``tests`` submodule of the extension's python module."""
    tests_init = ROOT / "omni_generalist" / "tests" / "__init__.py"
    imported = re.findall(r"^from \.(\w+) import \*", tests_init.read_text(), re.M)
    assert imported, "omni_generalist/tests/__init__.py imports no test module"
    for mod in imported:
        tree = ast.parse((tests_init.parent / f"{mod}.py").read_text())
        cases = [n for n in tree.body if isinstance(n, ast.ClassDef)
                 and any(ast.unparse(b) == "omni.kit.test.AsyncTestCase" for b in n.bases)]
        assert cases, f"{mod} defines no omni.kit.test.AsyncTestCase"
        for case in cases:
            assert any(isinstance(f, ast.AsyncFunctionDef) and f.name.startswith("test_") for f in case.body), mod


KIT_MODULE_EXTENSIONS = {
    "omni.ui": "omni.ui", "omni.usd": "omni.usd", "omni.kit.commands": "omni.kit.commands",
    "omni.kit.undo": "omni.kit.commands", "omni.kit.menu.utils": "omni.kit.menu.utils",
    "omni.kit.actions.core": "omni.kit.actions.core", "omni.timeline": "omni.timeline", "omni.physx": "omni.physx",
    "omni.replicator.core": "omni.replicator.core", "omni.kit.test": "omni.kit.test",
}
"""Python modules the extension imports → the extension that provides them."""
KIT_CORE_MODULES = ("omni.ext", "omni.kit.app", "carb")
"""Provided by Kit itself (no dependency entry)."""


def test_every_kit_import_is_a_declared_dependency():
    data = _manifest()
    deps = set(data["dependencies"])
    test_deps = deps | set(data["test"][0]["dependencies"])
    pat = re.compile(r"^\s*(?:import|from)\s+((?:omni|carb)(?:\.\w+)*)(?!\w)", re.M)
    missing = []
    for folder, allowed in (("kit", deps), ("tests", test_deps)):
        for path in (ROOT / "omni_generalist" / folder).glob("*.py"):
            for module in pat.findall(path.read_text()):
                if module.startswith(KIT_CORE_MODULES):
                    continue
                ext = next((e for m, e in KIT_MODULE_EXTENSIONS.items() if module == m or module.startswith(m + ".")),
                           None)
                if ext is None or ext not in allowed:
                    missing.append(f"{folder}/{path.name}: {module}")
    assert missing == []


def test_settings_live_under_the_extension_name():
    settings = _manifest()["settings"]
    assert list(settings) == ["exts"] and list(settings["exts"]) == ["omni_generalist"]
    from omni_generalist.panel.settings import EXTENSION_NAME, settings_keys

    assert EXTENSION_NAME == "omni_generalist"
    assert sorted(settings["exts"]["omni_generalist"]) == settings_keys()


def test_pyproject_contract():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    proj = pyproject["project"]
    assert proj["requires-python"].startswith(">=3.11")
    assert proj["scripts"]["omni-generalist"] == "omni_generalist.cli:entry"
    assert {"physics", "render", "ml", "dist", "dev"} <= set(proj["optional-dependencies"])
    core = " ".join(proj["dependencies"]).lower()
    for heavy in ("torch", "transformers", "ray", "sapien", "mujoco"):
        assert heavy not in core


def test_package_imports_without_kit_or_heavy_modules():
    import subprocess
    import sys

    code = ("import sys, omni_generalist, omni_generalist.cli, omni_generalist.actions, omni_generalist.generate\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('omni', 'carb', 'isaacsim', 'torch', 'ray', "
            "'transformers', 'sapien', 'mujoco')]\nprint(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"




def test_importing_any_module_outside_kit_never_loads_kit():
    """Every module of the package except kit/ and the Kit tests imports without omni, carb or isaacsim."""
    import subprocess
    import sys

    names = []
    for path in sorted((ROOT / "omni_generalist").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if rel.parts[1] in ("kit", "tests") or rel.name == "__main__":
            continue
        names.append(".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts))
    assert "omni_generalist.panel.viewmodel" in names and "omni_generalist.panel.settings" in names
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n    importlib.import_module(name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'omni', 'carb', 'isaacsim'}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


PIP_OMNI_PACKAGES = {"physics/asset_rules.py": ("omni.asset_validator",)}
"""``omni.*`` namespaces of pip packages (NVIDIA's asset validator), not Kit, and the one module that
may import each."""


def test_no_kit_imports_outside_kit_folder():
    """Only omni_generalist/kit/ (and its Kit tests) import omni, carb, isaacsim or the kit package."""
    kit = re.compile(r"^\s*(?:import|from)\s+((?:omni|carb|isaacsim)(?:\.\w+)*)(?=[\s,;]|$)", re.M)
    ours = re.compile(r"^\s*(?:from\s+(?:omni_generalist\.kit|\.+kit)\b|import\s+omni_generalist\.kit\b)", re.M)
    offenders = []
    for path in (ROOT / "omni_generalist").rglob("*.py"):
        rel = path.relative_to(ROOT / "omni_generalist")
        if rel.parts[0] in ("kit", "tests"):
            continue
        text = path.read_text()
        allowed = PIP_OMNI_PACKAGES.get(rel.as_posix(), ())
        offenders += [f"{rel}: {m}" for m in kit.findall(text) if not (allowed and m.startswith(allowed))]
        if ours.search(text):
            offenders.append(f"{rel}: imports omni_generalist.kit")
    assert offenders == []


def test_public_api_is_reexported_lazily():
    import omni_generalist as og

    for name in og.__all__:
        assert getattr(og, name) is not None, name


KIT_PYTHON = {"pxr", "numpy", "omni", "carb", "usdrt", "omni_generalist"}
"""Importable in every Kit 107 / Isaac Sim 5.x Python without an extra dependency."""
KIT_PIP_EXTENSIONS = {"omni.pip.compute": {"scipy"}}
"""Kit extensions that bundle Python distributions (Isaac Sim 5.1: source/apps/isaacsim.exp.base.kit enables
omni.pip.compute; source/extensions/isaacsim.core.api/config/extension.toml depends on it for scipy)."""
KIT_RUNS = ("actions", "metrics", "panel", "world", "randomize", "kit", "physics/scene.py", "physics/validate.py",
            "physics/authoring.py", "physics/repair.py")
"""The code the extension runs inside Kit: the sandbox worker, validation, the panel, randomization."""


def _required_imports(path: Path) -> set[str]:
    """Top-level modules ``path`` imports, less those it also imports in a ``try`` that handles
    ImportError (optional: the file copes without them)."""
    def names(nodes) -> set[str]:
        out = set()
        for node in nodes:
            if isinstance(node, ast.Import):
                out |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
        return out

    tree = ast.parse(path.read_text())
    optional = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                h.type is None or "ImportError" in ast.unparse(h.type) for h in node.handlers):
            optional |= names(n for stmt in node.body for n in ast.walk(stmt))
    return {m for m in names(ast.walk(tree)) - optional if m not in __import__("sys").stdlib_module_names}


def test_kit_provides_every_module_the_extension_imports():
    """scipy (convex hulls in validation) comes from omni.pip.compute, which must be declared."""
    deps = _manifest()["dependencies"]
    provided = set(KIT_PYTHON)
    for ext, modules in KIT_PIP_EXTENSIONS.items():
        if ext in deps:
            provided |= modules
    files = []
    for part in KIT_RUNS:
        p = ROOT / "omni_generalist" / part
        files += sorted(p.glob("*.py")) if p.is_dir() else [p]
    missing = {f"{m} ({f.relative_to(ROOT)})" for f in files for m in _required_imports(f) - provided}
    assert not missing, f"imported in Kit but no declared dependency provides it: {sorted(missing)}"


def test_documented_kit_test_command_can_resolve_the_dependencies():
    """Issue 15 item 7: docs/kit.md's shell command for the Kit tests runs omni.kit.test's runner on this
    extension's test module, with Isaac Sim 5.x's extension folders (where omni.physx,
    omni.replicator.core and omni.pip.compute live: exts, extscache) as well as ours. The old text
    gave a bare ``kit --ext-folder ...`` that loads no test runner and resolves none of them."""
    text = (ROOT / "docs" / "kit.md").read_text()
    section = text[text.index("## 7. Kit tests"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    argv = block.replace("\\\n", " ").split()
    assert argv[0].endswith("kit") and "--enable" in argv and argv[argv.index("--enable") + 1] == "omni.kit.test"
    settings = dict(a.split("=", 1) for a in argv if a.startswith("--/exts/omni.kit.test/"))
    assert settings["--/exts/omni.kit.test/runTestsAndQuit"] == "true"
    tested = settings["--/exts/omni.kit.test/testExts/0"].strip("'\"")
    assert tested in [m["name"] for m in _manifest()["python"]["module"]]  # the module whose tests run
    folders = [argv[i + 1] for i, a in enumerate(argv) if a == "--ext-folder"]
    for isaac_folder in ("./exts", "./extscache"):
        assert isaac_folder in folders
    assert any("kit-exts" in f for f in folders)  # where docs/kit.md installs this extension
