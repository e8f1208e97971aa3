"""Parse-level check of the layout suite's requested counts, without generating worlds.

For every prompt of ``benchmarks/prompts/layout.jsonl`` this parses the prompt
(:func:`omni_generalist.policy.procedural.parse.parse_prompt`), plans it
(``Planner().plan(spec, 0)``) and compares both with the prompt's ``require`` entries the way
:func:`omni_generalist.metrics.layout_measures.requested_counts` judges a world (exactly ``min``
when ``exact``, else at least ``min``; an ``on`` condition narrows to things on one of its
categories). It also lists the parsed objects whose words are not concrete nouns
(:func:`~omni_generalist.metrics.layout_measures.is_concrete_noun_phrase` on generic objects, a
catalogue noun in ``source_text`` for known ones) and the words left unmatched.

Usage: ``python benchmarks/parse_counts.py [--split tune|heldout|all] [--suite FILE] [--verbose]``. Prints one
table per split; exit status 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from omni_generalist.assets.catalog import catalog
from omni_generalist.metrics.layout_measures import _names_a_thing, is_concrete_noun_phrase
from omni_generalist.policy.procedural.parse import parse_prompt
from omni_generalist.policy.procedural.plan import Planner

SUITE = Path(__file__).parent / "prompts" / "layout.jsonl"


def _names(category: str) -> set[str]:
    """The names a world object of ``category`` answers to: its category and broader classes (the
    semantic labels :func:`omni_generalist.actions.api` writes)."""
    found = catalog().find(category)
    if found is None:
        return {category.lower()}
    return {found.name.lower(), *(h.lower() for h in catalog().hypernyms(found.name))}


def _judge(req: dict[str, Any], things: list[tuple[str, int, str | None]]) -> dict[str, Any]:
    """One requirement against (category, count, target) triples."""
    wanted = {a.lower() for a in req.get("any", [])}
    sup = {s.lower() for s in req.get("on", [])}
    n = sum(c for cat, c, tgt in things if _names(cat) & wanted and (not sup or (tgt and _names(tgt) & sup)))
    need = int(req.get("min", 1))
    exact = bool(req.get("exact"))
    return {"any": req.get("any"), "min": need, "exact": exact, "found": n,
            "ok": n == need if exact else n >= need}


def check(entry: dict[str, Any], planner: Planner) -> dict[str, Any]:
    """Parse and plan one suite prompt; judge its requirements on both."""
    spec = parse_prompt(entry["prompt"])
    parsed = [(o.category, o.count, o.target) for o in spec.objects]
    plan = planner.plan(parse_prompt(entry["prompt"]), 0)
    keys = {p.key: p.category for p in plan.objects}
    planned = [(p.category, 1, keys.get(p.target or "", p.target)) for p in plan.objects]
    non_noun = [o.category for o in spec.objects
                if (not o.known and not is_concrete_noun_phrase(o.category))
                or (o.known and o.source_text and not _names_a_thing(o.source_text))]
    return {"id": entry["id"], "split": entry.get("split", "tune"), "prompt": entry["prompt"],
            "parsed": [_judge(r, parsed) for r in entry.get("require", [])],
            "planned": [_judge(r, planned) for r in entry.get("require", [])],
            "non_noun": non_noun, "unmatched": list(spec.unmatched),
            "mapped": [f"{o.mapped_from} -> {o.category}" for o in spec.objects if o.mapped_from],
            "objects": [(o.category, o.count, o.relation, o.target) for o in spec.objects]}


def _share(rows: list[dict[str, Any]], key: str, exact: bool) -> tuple[int, int]:
    judged = [c for r in rows for c in r[key] if c["exact"] == exact]
    return sum(c["ok"] for c in judged), len(judged)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--suite", type=Path, default=SUITE, help="a prompt suite (JSON lines with id, prompt, require)")
    ap.add_argument("--verbose", action="store_true", help="print every prompt's parsed objects")
    args = ap.parse_args(argv)
    entries = [json.loads(line) for line in args.suite.read_text().splitlines() if line.strip()]
    planner = Planner()
    rows = [check(e, planner) for e in entries if args.split in ("all", e.get("split", "tune"))]
    for r in rows:
        bad = [c for k in ("parsed", "planned") for c in r[k] if not c["ok"]]
        if args.verbose or bad or r["non_noun"]:
            print(f"{r['id']}: {r['prompt'][:90]}")
            for k in ("parsed", "planned"):
                for c in r[k]:
                    if not c["ok"]:
                        print(f"   {k:7s} {'exactly' if c['exact'] else 'at least'} {c['min']} {c['any']}: {c['found']}")
            if r["non_noun"]:
                print(f"   non-noun objects: {r['non_noun']}")
            if args.verbose:
                print(f"   objects: {r['objects']}  unmatched: {r['unmatched']}  mapped: {r['mapped']}")
    print()
    print(f"{'split':8s} {'prompts':>7s} {'exact parsed':>14s} {'exact planned':>14s} {'min parsed':>12s} "
          f"{'min planned':>12s} {'non-noun':>8s} {'unmatched':>9s}")
    for split in ("tune", "heldout", "all"):
        sel = [r for r in rows if split == "all" or r["split"] == split]
        if not sel:
            continue
        cells = []
        for key, exact in (("parsed", True), ("planned", True), ("parsed", False), ("planned", False)):
            ok, n = _share(sel, key, exact)
            cells.append(f"{ok}/{n} {100 * ok / n:.0f}%" if n else "-")
        print(f"{split:8s} {len(sel):7d} {cells[0]:>14s} {cells[1]:>14s} {cells[2]:>12s} {cells[3]:>12s} "
              f"{sum(len(r['non_noun']) for r in sel):8d} {sum(len(r['unmatched']) for r in sel):9d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
