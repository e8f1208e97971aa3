"""extension.toml follows Kit's manifest rules; pyproject and packaging agree with it."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_extension_manifest():
    data = tomllib.loads((ROOT / "extension.toml").read_text())
    pkg = data["package"]
    for key in ("version", "title", "description", "category", "keywords", "readme", "icon", "preview_image"):
        assert pkg.get(key), key
    for key in ("readme", "icon", "preview_image", "changelog"):
        assert (ROOT / pkg[key]).is_file(), pkg[key]
    assert pkg["icon"].startswith("data/") and pkg["preview_image"].startswith("data/")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pkg["version"] == pyproject["project"]["version"]
    deps = data["dependencies"]
    for ext in ("omni.usd", "omni.kit.uiapp", "omni.physx", "omni.replicator.core"):
        assert ext in deps
    modules = data["python"]["module"]
    assert [m["name"] for m in modules] == ["omni_generalist"]
    for m in modules:
        assert (ROOT / m["name"].replace(".", "/") / "__init__.py").is_file()
    tests = data["test"]
    assert isinstance(tests, list) and "omni.kit.test" in tests[0]["dependencies"]


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


def test_no_kit_imports_outside_kit_folder():
    import re

    pat = re.compile(r"^\s*(import|from)\s+(omni|carb|isaacsim)(\.|\s|$)", re.M)
    offenders = []
    for path in (ROOT / "omni_generalist").rglob("*.py"):
        rel = path.relative_to(ROOT / "omni_generalist")
        if rel.parts[0] in ("kit", "tests"):
            continue
        if pat.search(path.read_text()):
            offenders.append(str(rel))
    assert offenders == []


def test_public_api_is_reexported_lazily():
    import omni_generalist as og

    for name in og.__all__:
        assert getattr(og, name) is not None, name
