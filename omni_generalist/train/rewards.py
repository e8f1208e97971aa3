"""The reward of a world: one number in 0..1 from documented, weighted terms (docs/training.md).

Terms (each in 0..1):

* ``alignment`` — the share of the prompt's requirements (:mod:`.requirements`, from the scene
  program) the world meets, judged by :func:`omni_generalist.metrics.alignment.alignment_score`;
  a requirement with ``exact`` must have exactly its count
  (:func:`omni_generalist.metrics.layout_measures.requested_counts`).
* ``arrangement`` — the share of applicable arrangement-rule instances
  (:func:`omni_generalist.metrics.arrangement.check_rules`) that hold; 1 when none applies.
* ``physics`` — settled stability (share of movable objects that stay put) from the world's
  ``report.json`` or, when it was built without validation, from
  :func:`omni_generalist.physics.validate.validate_world`; halved when the verdict is not ok.
* ``clip`` — image–text agreement of the world's ``preview.png`` and the prompt under a
  user-supplied CLIP checkpoint (:mod:`.clip_score`); only when one is configured.

The reward is the weighted mean of the terms computed (weights renormalised over them; the settings
``train.reward_alignment``, ``train.reward_arrangement``, ``train.reward_physics``,
``train.reward_clip``). A world that could not be built scores 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import TrainConfig
from .requirements import prompt_requirements

TERMS = ("alignment", "arrangement", "physics", "clip")
"""The reward terms; term ``t`` is weighted by the setting ``train.reward_<t>``."""


@dataclass
class Reward:
    """The reward of one world and its terms."""

    total: float
    terms: dict[str, float] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"total": round(self.total, 6), "terms": {k: round(v, 6) for k, v in self.terms.items()},
                "detail": self.detail}


def alignment_term(stage, requirements: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """Share of the requirements the stage meets (exact counts must be exact)."""
    from ..metrics.alignment import alignment_score
    from ..metrics.arrangement import WorldView
    from ..metrics.layout_measures import requested_counts

    require = requirements.get("require", [])
    report = alignment_score(stage, require, requirements.get("materials"), requirements.get("lighting"))
    counts = requested_counts(WorldView.open(stage, require))
    for req, count in zip(report.requirements[:len(require)], counts, strict=True):
        if req.spec.get("exact"):
            req.met = req.met and count["ok"]
    missed = [r.spec.get("any", [r.kind])[:1] for r in report.requirements if not r.met]
    return report.score, {"requirements": len(report.requirements), "missed": missed}


def arrangement_term(stage, requirements: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """Share of the applicable arrangement-rule instances that hold."""
    from ..metrics.arrangement import check_rules

    results = check_rules(stage, requirements.get("require", []))
    if not results:
        return 1.0, {"applicable": 0}
    held = sum(r.satisfied for r in results)
    return held / len(results), {"applicable": len(results), "failed": sorted({r.rule for r in results
                                                                              if not r.satisfied})}


def physics_term(world: Path, report: dict[str, Any], config: TrainConfig) -> tuple[float, dict[str, Any]] | None:
    """Stability (halved when the physics verdict is not ok); None when unknown and not validated."""
    phys = report.get("physics")
    if not phys and config.validate_physics:
        from ..physics.validate import validate_world

        rep = validate_world(world, joints=False, asset_rules=False)
        phys = {"ok": rep.ok, "stability": rep.stability, "problems": [p.kind for p in rep.errors]}
    if not phys:
        return None
    stability = float(phys.get("stability", 0.0))
    ok = bool(phys.get("ok"))
    problems = [p.get("kind", str(p)) if isinstance(p, dict) else str(p) for p in phys.get("problems", [])]
    return stability * (1.0 if ok else 0.5), {"ok": ok, "stability": stability, "problems": problems[:5]}


def world_reward(world: str | Path | None, prompt: str, config: TrainConfig | None = None,
                 requirements: dict[str, Any] | None = None) -> Reward:
    """Score a world folder against ``prompt``.

    Args:
        world: the world folder (``world.usd``/``world.usda``, ``report.json``); None or a
            folder without a world (the policy built nothing) scores 0.
        prompt: the prompt the world was built for.
        config: the ``train`` settings (weights, the CLIP checkpoint, ``validate_physics``).
        requirements: the prompt's requirements (default: :func:`prompt_requirements` of ``prompt``).
    """
    from ..world.stage import open_stage

    config = config or TrainConfig()
    folder = Path(world) if world is not None else None
    usd = next((folder / n for n in ("world.usd", "world.usda") if (folder / n).is_file()), None) if folder else None
    if usd is None:
        return Reward(0.0, {}, {"error": "no world"})
    requirements = requirements if requirements is not None else prompt_requirements(prompt)
    report_file = folder / "report.json"
    report = json.loads(report_file.read_text()) if report_file.is_file() else {}
    stage = open_stage(folder)
    terms: dict[str, float] = {}
    detail: dict[str, Any] = {}
    terms["alignment"], detail["alignment"] = alignment_term(stage, requirements)
    terms["arrangement"], detail["arrangement"] = arrangement_term(stage, requirements)
    phys = physics_term(folder, report, config)
    if phys is not None:
        terms["physics"], detail["physics"] = phys
    preview = folder / "preview.png"
    if config.clip and preview.is_file():
        from .clip_score import clip_score

        terms["clip"] = clip_score(preview.read_bytes(), prompt, config.clip)
    w = weights(config)
    norm = sum(w[k] for k in terms)
    total = sum(w[k] * v for k, v in terms.items()) / norm if norm > 0 else 0.0
    return Reward(total, terms, detail)


def weights(config: TrainConfig | None = None) -> dict[str, float]:
    """The weight of each term (:data:`TERMS`) in the ``train`` settings."""
    config = config or TrainConfig()
    return {t: float(getattr(config, f"reward_{t}")) for t in TERMS}


__all__ = ["TERMS", "Reward", "alignment_term", "arrangement_term", "physics_term", "weights",
           "world_reward"]
