"""Layout over the layout prompt suite: arrangement rules and world measures, read from the USD alone.

Generates every prompt of ``benchmarks/prompts/layout.jsonl`` for each seed through the batch
runner (local workers; re-running resumes what is built), then scores each written world with
:mod:`omni_generalist.metrics.arrangement` (rules, with the prompt's requirements so a missing
group fails) and :mod:`omni_generalist.metrics.layout_measures` (coverage, area, objects, small
objects, single-cuboid objects, non-noun objects, requested counts). Prints one table for the
``tune`` split and one for the ``heldout`` split, and writes ``layout_eval.json`` into the folder.

Usage::

    python benchmarks/eval_layout.py [--seeds 0,1,2] [--out /tmp/layout_eval] [--limit N]
                                     [--workers 2] [--score-only]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from omni_generalist.batch import run_batch  # noqa: E402
from omni_generalist.batch.manifest import Manifest  # noqa: E402
from omni_generalist.config import Settings  # noqa: E402
from omni_generalist.evaluate import read_suite  # noqa: E402
from omni_generalist.io import write_json, write_text_atomic  # noqa: E402
from omni_generalist.metrics.arrangement import RULES, WorldView, check_rules  # noqa: E402
from omni_generalist.metrics.layout_measures import measure_world  # noqa: E402

SUITE = ROOT / "benchmarks" / "prompts" / "layout.jsonl"
LARGE_M2 = 150.0
"""A room over this floor area needs a prompt that asks for a large space."""
TARGETS = {"rules": 0.95, "coverage": (0.20, 0.45), "objects": 40, "cuboid": 0.01}
"""The issue-11 bar."""


def score_world(world: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """Rules and measures of one written world for its suite entry."""
    view = WorldView.open(world, entry.get("require"))
    rules = check_rules(view)
    m = measure_world(view)
    return {"rules": [r.to_dict() for r in rules], **m.to_dict()}


def aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The table's figures over the scored worlds of ``rows``."""
    ok = [r for r in rows if r["status"] == "ok"]
    per_rule = {n: [0, 0] for n in RULES}
    for r in ok:
        for res in r["rules"]:
            per_rule[res["rule"]][0] += 1
            per_rule[res["rule"]][1] += int(res["satisfied"])
    applicable = sum(a for a, _ in per_rule.values())
    satisfied = sum(s for _, s in per_rule.values())
    objects = sum(r["objects"] for r in ok)
    counts = [c for r in ok for c in r["counts"]]
    exact = [c for c in counts if c["exact"]]
    return {
        "worlds": len(rows), "failed": len(rows) - len(ok),
        "rules_satisfied": round(satisfied / applicable, 4) if applicable else None,
        "rules_applicable": applicable,
        "per_rule": {n: {"applicable": a, "satisfied": s, "share": round(s / a, 4) if a else None}
                     for n, (a, s) in per_rule.items()},
        "median_coverage": round(statistics.median(r["coverage"] for r in ok), 4) if ok else None,
        "median_area_m2": round(statistics.median(r["area_m2"] for r in ok), 2) if ok else None,
        "large_rooms_not_asked": sum(r["area_m2"] > LARGE_M2 and not r.get("large") for r in ok),
        "max_area_m2": round(max((r["area_m2"] for r in ok), default=0.0), 1),
        "median_objects": statistics.median(r["objects"] for r in ok) if ok else None,
        "median_small_objects": statistics.median(r["small_objects"] for r in ok) if ok else None,
        "objects": objects,
        "single_cuboid_share": round(sum(len(r["cuboid_box"]) + len(r["cuboid_hull"]) for r in ok) / objects, 4)
        if objects else None,
        "box_shaped_share": round(sum(r["box_shaped"] for r in ok) / objects, 4) if objects else None,
        "non_noun_objects": sum(len(r["non_noun"]) for r in ok),
        "exact_counts_honoured": round(sum(c["ok"] for c in exact) / len(exact), 4) if exact else None,
        "exact_counts": len(exact),
        "minimum_counts_met": round(sum(c["ok"] for c in counts if not c["exact"]) /
                                    sum(not c["exact"] for c in counts), 4) if any(not c["exact"] for c in counts) else None,
        "seconds_per_world": round(statistics.mean(r["seconds"] for r in ok), 2) if ok else None,
    }


def _pct(v: float | None) -> str:
    return "   n/a" if v is None else f"{v:6.1%}"


def table(name: str, t: dict[str, Any]) -> str:
    """One split's figures as text."""
    lines = [f"== {name}: {t['worlds']} worlds ({t['failed']} failed), {t['objects']} objects, "
             f"{t['seconds_per_world']} s/world",
             f"rules satisfied {_pct(t['rules_satisfied'])} of {t['rules_applicable']} (target >= 95 %)"]
    for n, d in t["per_rule"].items():
        lines.append(f"  {n:24s} {d['satisfied']:5d} / {d['applicable']:<5d} {_pct(d['share'])}")
    lines += [
        f"median coverage        {t['median_coverage']}  (target 0.20-0.45)",
        f"median room area       {t['median_area_m2']} m2, max {t['max_area_m2']} m2",
        f"rooms > 150 m2 unasked {t['large_rooms_not_asked']}  (target 0)",
        f"median objects/room    {t['median_objects']}  (target >= 40)",
        f"median small/room      {t['median_small_objects']}",
        f"single-cuboid share    {_pct(t['single_cuboid_share'])}  (target <= 1 %; box-shaped multi-part "
        f"{_pct(t['box_shaped_share'])})",
        f"non-noun objects       {t['non_noun_objects']}  (target 0)",
        f"exact counts honoured  {_pct(t['exact_counts_honoured'])} of {t['exact_counts']}  (target 100 %); "
        f"minimums met {_pct(t['minimum_counts_met'])}",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default=str(SUITE))
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--out", default="/tmp/layout_eval", help="batch folder (re-running resumes)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N prompts")
    ap.add_argument("--workers", type=int, default=0, help="local processes (0: one per core)")
    ap.add_argument("--score-only", action="store_true",
                    help="score the worlds already in --out, build nothing (prompts not built are left out)")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    entries = read_suite(args.suite)
    if args.limit:
        entries = entries[:args.limit]
    out = Path(args.out).expanduser().absolute()
    t0 = time.perf_counter()
    if not args.score_only:
        out.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"prompt": e["prompt"], "seed": s, "variants": 0}) for s in seeds for e in entries]
        write_text_atomic(out / "tasks.jsonl", "\n".join(lines) + "\n")
        settings = Settings()
        settings.generator.preview = False
        run_batch(out / "tasks.jsonl", out, variants=0, workers=args.workers, settings=settings,
                  progress=lambda done, total, rec: print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True))
        print(file=sys.stderr)
    t_gen = time.perf_counter() - t0
    latest = {(r.get("prompt"), r.get("seed")): r for r in Manifest(out / "manifest.jsonl").read()}
    rows = []
    for s in seeds:
        for e in entries:
            rec = latest.get((e["prompt"], s))
            if rec is None and args.score_only:  # scoring a partial run: count only what was built
                continue
            row: dict[str, Any] = {"id": e["id"], "seed": s, "split": e.get("split", "tune"),
                                   "large": bool(e.get("large"))}
            if rec is None or rec.get("status") != "ok":
                row.update(status="failed", error=(rec or {}).get("error", "not built"))
            else:
                row.update(status="ok", world=rec["world"], seconds=float(rec.get("timings", {}).get("generate_s", 0.0)),
                           **score_world(out / rec["world"], e))
            rows.append(row)
    t_score = time.perf_counter() - t0 - t_gen
    totals = {split: aggregate([r for r in rows if r["split"] == split]) for split in ("tune", "heldout")}
    totals["all"] = aggregate(rows)
    write_json(out / "layout_eval.json", {"seeds": seeds, "prompts": len(entries), "generate_s": round(t_gen, 1),
                                          "score_s": round(t_score, 1), "totals": totals, "worlds": rows})
    for split in ("tune", "heldout"):
        print(table(split, totals[split]))
    print(f"generation {t_gen:.0f} s, scoring {t_score:.0f} s; details in {out / 'layout_eval.json'}")


if __name__ == "__main__":
    main()
