"""``omni-generalist eval``: generate a prompt suite and measure alignment, physics and time.

A suite is a JSONL file in the format of ``shared/prompts/dev.jsonl``: one object a line with a
``prompt`` and, optionally, an ``id`` and the requirements ``require``, ``materials`` and
``lighting`` that :mod:`omni_generalist.metrics.alignment` checks. Every prompt is generated for
every seed through the batch runner (so a local pool or Ray, and re-running resumes), then each
world is scored from its USD stage and its ``report.json``. The result, ``eval.json``, holds one
row per world and the aggregates of docs/design.md §5.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch.manifest import Manifest
from .config import Settings
from .errors import InputError
from .io import read_prompt_lines, write_json, write_text_atomic

EVAL_FILE = "eval.json"
TASKS_FILE = "tasks.jsonl"


@dataclass
class EvalSummary:
    """What ``eval`` measured: one row per world and the aggregates."""

    out: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"totals": self.totals, "worlds": self.rows}

    def table(self) -> str:
        """The aggregates as a small text table."""
        t = self.totals
        lines = [f"{'worlds':>7} {'failed':>6} {'alignment':>9} {'aligned':>8} {'valid':>6} {'stability':>9} "
                 f"{'collide':>7} {'float':>6} {'s/world':>7}",
                 f"{t['worlds']:>7} {t['failed']:>6} {t['alignment']:>9.3f} {t['fully_aligned']:>8.1%} "
                 f"{t['physics_valid']:>6.1%} {t['stability']:>9.2%} {t['collision_rate']:>7.2%} "
                 f"{t['floating_rate']:>6.2%} {t['seconds_per_world']:>7.2f}"]
        return "\n".join(lines)


def read_suite(path: str | Path) -> list[dict[str, Any]]:
    """Read a prompt suite (JSONL; ``prompt`` required, requirements optional).

    Raises:
        InputError: a missing file, a line that is not a JSON object with a non-empty ``prompt``,
            or no prompt at all.
    """
    p = Path(path)
    if p.suffix.lower() not in (".jsonl", ".json"):
        raise InputError(f"a suite is a .jsonl file (one JSON object a line), got {p.name}")
    entries = []
    for _lineno, d in read_prompt_lines(p, "suite file"):
        d.setdefault("id", f"p{len(entries):03d}")
        entries.append(d)
    if not entries:
        raise InputError(f"suite file {p} holds no prompt")
    return entries


def _problem_counts(report: dict[str, Any] | None) -> Counter:
    """Error problems of a physics report, by kind."""
    return Counter(p.get("kind") for p in (report or {}).get("problems", []) if p.get("severity", "error") == "error")


def _row(out: Path, entry: dict[str, Any], seed: int, record: dict[str, Any] | None) -> dict[str, Any]:
    from .metrics.alignment import score_suite_entry
    from .world.stage import open_stage

    row: dict[str, Any] = {"id": entry["id"], "seed": seed, "prompt": entry["prompt"]}
    if record is None or record.get("status") != "ok":
        row.update(status="failed", error=(record or {}).get("error", "not built"))
        return row
    world = out / record["world"]
    report = json.loads((world.parent / "report.json").read_text(encoding="utf-8"))
    alignment = score_suite_entry(open_stage(world), entry)
    physics = report.get("physics")
    before = (physics or {}).get("before") or physics or {}
    row.update(status="ok", world=record["world"], objects=report["layout"]["objects"],
               alignment=round(alignment.score, 4),
               unmet=[_describe(r) for r in alignment.requirements if not r.met],
               physics_ok=None if physics is None else bool(physics.get("ok")),
               movable=int((physics or {}).get("movable", 0)),
               stability=None if physics is None else float(physics.get("stability", 0.0)),
               before_repair=dict(_problem_counts(before)), after_repair=dict(_problem_counts(physics)),
               repairs=len((physics or {}).get("repairs", [])),
               seconds=float(record.get("timings", {}).get("generate_s", 0.0)))
    return row


def _describe(req) -> str:
    """One unmet requirement in words: what was asked and what was found."""
    spec = req.spec
    what = "/".join(spec.get("any", [])) or spec.get("target", "") or req.kind
    return f"{req.kind} {what}: {req.detail}" if req.detail else f"{req.kind} {what}"


def _totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in rows if r["status"] == "ok"]
    phys = [r for r in ok if r.get("physics_ok") is not None]
    objects = sum(r["objects"] for r in ok) or 1
    movable = sum(r["movable"] for r in phys) or 1

    def share(kind: str) -> float:
        return sum(r["before_repair"].get(kind, 0) for r in phys) / objects

    return {
        "worlds": len(rows), "failed": len(rows) - len(ok),
        "alignment": round(sum(r["alignment"] for r in ok) / len(ok), 4) if ok else 0.0,
        "fully_aligned": round(sum(r["alignment"] >= 1.0 for r in ok) / len(ok), 4) if ok else 0.0,
        "physics_valid": round(sum(bool(r["physics_ok"]) for r in phys) / len(phys), 4) if phys else 0.0,
        "stability": round(sum(r["stability"] * r["movable"] for r in phys) / movable, 6) if phys else 0.0,
        "collision_rate": round(share("interpenetration"), 6),
        "floating_rate": round(share("floating"), 6),
        "out_of_bounds_rate": round(share("out_of_bounds"), 6),
        "problems_before_repair": dict(sum((Counter(r["before_repair"]) for r in phys), Counter())),
        "problems_after_repair": dict(sum((Counter(r["after_repair"]) for r in phys), Counter())),
        "objects": sum(r["objects"] for r in ok),
        "seconds_per_world": round(sum(r["seconds"] for r in ok) / len(ok), 3) if ok else 0.0,
    }


def run_eval(suite: str | Path, out: str | Path, seeds: tuple[int, ...] = (0,), workers: int | None = None,
             use_ray: bool = False, ray_address: str | None = None, settings: Settings | None = None,
             progress=None) -> EvalSummary:
    """Generate every prompt of ``suite`` for every seed into ``out`` and score the worlds.

    Args:
        suite: the suite file (JSONL).
        out: the evaluation folder: the batch (``manifest.jsonl``, ``worlds/``), ``tasks.jsonl``
            and ``eval.json``.
        seeds: seeds to generate each prompt with.
        workers, use_ray, ray_address: as for :func:`omni_generalist.batch.run_batch`.
        settings: generation settings (policy, physics).
        progress: called as ``progress(done, total, record)`` after each world.

    Raises:
        InputError: a bad suite file, no seed, or an output path that is not a folder.
    """
    from .batch import run_batch

    entries = read_suite(suite)
    if not seeds:
        raise InputError("give at least one seed")
    out = Path(out).expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"prompt": e["prompt"], "seed": s, "variants": 0}) for s in seeds for e in entries]
    write_text_atomic(out / TASKS_FILE, "\n".join(lines) + "\n")
    run_batch(out / TASKS_FILE, out, variants=0, workers=workers, use_ray=use_ray, ray_address=ray_address,
              settings=settings, progress=progress)
    latest = {(r.get("prompt"), r.get("seed")): r for r in Manifest(out / "manifest.jsonl").read()}
    rows = [_row(out, e, s, latest.get((e["prompt"], s))) for s in seeds for e in entries]
    summary = EvalSummary(out, rows, _totals(rows))
    write_json(out / EVAL_FILE, summary.to_dict())
    return summary


__all__ = ["EvalSummary", "read_suite", "run_eval"]
