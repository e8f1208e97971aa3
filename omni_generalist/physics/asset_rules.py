"""NVIDIA's ``omniverse-asset-validator`` physics rules as :class:`~.report.Problem` entries.

The validator is a pip package whose modules live in the ``omni`` namespace
(``omni.asset_validator``); it runs on a plain ``usd-core`` stage, without Kit. This is the one
module outside ``omni_generalist/kit/`` allowed to import from ``omni``.
"""

from __future__ import annotations

from types import ModuleType

from pxr import Usd

from .report import ERROR, WARNING, Problem


def asset_validator() -> ModuleType | None:
    """The ``omni.asset_validator`` module (imported quietly), or None when it is not installed."""
    try:
        import logging

        logging.getLogger("omni.asset_validator").setLevel(logging.WARNING)
        logging.getLogger("omni.asset_validator._plugins").setLevel(logging.WARNING)
        import omni.asset_validator as av
    except ImportError:
        return None
    return av


def asset_validator_problems(stage: Usd.Stage) -> list[Problem]:
    """Findings of NVIDIA's ``omniverse-asset-validator`` physics rules (errors and warnings)."""
    av = asset_validator()
    if av is None:
        return [Problem("asset_validator", "/", "omniverse-asset-validator is not installed; its physics rules "
                                                "were not run (pip install 'omni-generalist[physics]')", WARNING)]
    engine = av.ValidationEngine(init_rules=False)
    for rule in av.CategoryRuleRegistry().get_rules("Physics"):
        engine.enable_rule(rule)
    out = []
    for issue in engine.validate(stage):
        sev = str(getattr(issue.severity, "name", issue.severity)).lower()
        if "info" in sev:
            continue
        at = getattr(issue, "at", None)
        at = str(getattr(at, "path", at) or "")  # a PrimId carries the prim path
        rule = getattr(getattr(issue, "rule", None), "__name__", "rule")
        out.append(Problem("asset_validator", at, f"{rule}: {issue.message}",
                           ERROR if ("error" in sev or "failure" in sev) else WARNING))
    return out
