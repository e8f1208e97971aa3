"""Homes with several rooms (docs/homes.md): the 30-prompt suite × 3 seeds, and the time of a
5-room apartment against one furnished room, side by side.

Suite (``benchmarks/prompts/homes.jsonl``): each prompt is generated (sandboxed actions, PhysX
validation and repair, preview) and checked from the USD: the requested programme (every named
room kind with the right count, per-room contents), every room reachable from the entrance
through doors, bathrooms reachable without crossing a bedroom (an en-suite only through its own),
every door in a wall its rooms share and clear of furniture, windows only on exterior walls, no
object crossing a wall or outside its room, the world physics-valid, and the arrangement rules
(metrics/arrangement.py) inside each room (worlds where every instance holds, and instances held).
Resumable: worlds already in ``--out`` are scored again, not rebuilt.

Time: "a 2b1b apartment" (5 rooms) and "a living room" (one room) generated, validated and
previewed with the same sandbox; the table gives the medians and their ratio (target ≤ 4×).

Usage: python benchmarks/bench_homes.py [--out DIR] [--limit N] [--seeds 3] [--time-only] [--suite-only]
       [--shard K/N] [--score-only]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from omni_generalist.actions import Sandbox
from omni_generalist.config import Settings
from omni_generalist.generate import generate_world
from omni_generalist.metrics.homes import home_arrangement, home_checks
from omni_generalist.policy.procedural import ProceduralPolicy
from omni_generalist.policy.procedural.program_home import parse_home
from omni_generalist.world import list_objects, open_stage
from omni_generalist.world.home import home_rooms
from omni_generalist.world.metadata import get_info

SUITE = Path(__file__).parent / "prompts" / "homes.jsonl"
KEYS = ("programme", "contents", "reachable", "access", "doors", "windows", "inside", "physics", "arrangement")


def score(folder: Path, entry: dict) -> dict:
    """The checks of one generated home."""
    stage = open_stage(folder)
    report = json.loads((folder / "report.json").read_text())
    rooms = {r.name: r for r in home_rooms(stage)}
    kinds: dict[str, int] = {}
    for r in rooms.values():
        k = str(get_info(stage.GetPrimAtPath(r.path)).get("kind", ""))
        kinds[k] = kinds.get(k, 0) + 1
    programme = all(kinds.get(k, 0) == n for k, n in entry["rooms"].items())
    objs = list_objects(stage)
    contents = all(set(cats) <= {o.category for o in objs if o.room == room}
                   for room, cats in entry.get("contents", {}).items())
    checks = home_checks(stage)
    rules = home_arrangement(stage)
    phys = report.get("physics") or {}
    valid = bool(phys.get("ok", phys.get("after", {}).get("ok", False)))
    return {"id": entry["id"], "rooms": len(rooms), "objects": len(objs), "programme": programme,
            "contents": contents, "reachable": not checks["unreachable_rooms"], "access": not checks["bad_access"],
            "doors": not checks["bad_doors"], "windows": not checks["bad_windows"], "inside": not checks["misplaced"],
            "physics": valid, "arrangement": all(r.satisfied for r in rules),
            "rules": [len(rules), sum(r.satisfied for r in rules)],
            "l_rooms": sum(len(r.polygon) > 4 for r in rooms.values()),
            "ensuites": sum(bool(get_info(stage.GetPrimAtPath(r.path)).get("ensuite_of")) for r in rooms.values()),
            "seconds": report.get("timings", {}).get("total_s", 0.0), "problems": {k: v for k, v in checks.items()
                                                                                   if k != "rooms" and v}}


def suite(out: Path, limit: int | None, seeds: int, shard: tuple[int, int] = (0, 1), score_only: bool = False) -> None:
    entries = [json.loads(line) for line in SUITE.read_text().splitlines() if line.strip()][:limit]
    k, n = shard
    entries = [e for i, e in enumerate(entries) if i % n == k]
    settings = Settings()
    rows = []
    with Sandbox(config=settings.sandbox) as sb:
        for e in entries:
            for seed in range(seeds):
                folder = out / f"{e['id']}_{seed}"
                if not (folder / "report.json").is_file():
                    if score_only:
                        continue
                    generate_world(e["prompt"], folder, ProceduralPolicy(), seed=seed, settings=settings, sandbox=sb,
                                   force=True)
                rows.append(score(folder, e))
                r = rows[-1]
                print(f"{r['id']}/{seed}: rooms {r['rooms']} (L {r['l_rooms']}, en-suite {r['ensuites']}) objects "
                      f"{r['objects']} " + " ".join(f"{k}={'ok' if r[k] else 'FAIL'}" for k in KEYS)
                      + (f" {r['problems']}" if r["problems"] else ""), flush=True)
    print(f"\n{'check':>12} {'passed':>8}")
    for k in KEYS:
        print(f"{k:>12} {sum(r[k] for r in rows):>4}/{len(rows)}")
    held, applicable = sum(r["rules"][1] for r in rows), sum(r["rules"][0] for r in rows)
    print(f"{'rule instances held':>24} {held}/{applicable} ({100 * held / max(applicable, 1):.1f}%)")
    print(f"{'worlds':>12} {len(rows)}; median rooms {statistics.median(r['rooms'] for r in rows):.0f}, "
          f"median objects {statistics.median(r['objects'] for r in rows):.0f}, L-shaped rooms "
          f"{sum(r['l_rooms'] for r in rows)}, en-suites {sum(r['ensuites'] for r in rows)}")
    if n == 1:
        (out / "summary.json").write_text(json.dumps(rows, indent=1))


def timing(seeds: int) -> None:
    prompts = {"5-room apartment": "a 2b1b apartment", "one room": "a living room"}
    assert len(parse_home(prompts["5-room apartment"]).rooms) == 5
    settings = Settings()
    times: dict[str, list[float]] = {k: [] for k in prompts}
    with tempfile.TemporaryDirectory() as tmp, Sandbox(config=settings.sandbox) as sb:
        generate_world("a bedroom", Path(tmp) / "warm", ProceduralPolicy(), seed=0, settings=settings, sandbox=sb)
        for seed in range(seeds):
            for key, prompt in prompts.items():  # side by side: the same machine, sandbox and moment
                t = time.perf_counter()
                generate_world(prompt, Path(tmp) / f"{key}_{seed}", ProceduralPolicy(), seed=seed, settings=settings,
                               sandbox=sb)
                times[key].append(time.perf_counter() - t)
    print(f"{'world':>18} {'median s':>9}  (generate + validate + preview, {seeds} seeds)")
    for key, ts in times.items():
        print(f"{key:>18} {statistics.median(ts):>9.2f}")
    ratio = statistics.median(times["5-room apartment"]) / statistics.median(times["one room"])
    print(f"{'ratio':>18} {ratio:>9.2f}x  (target <= 4x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("bench_homes_out"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--time-only", action="store_true")
    ap.add_argument("--suite-only", action="store_true")
    ap.add_argument("--shard", default="0/1", help="K/N: only every N-th prompt from the K-th (parallel runs)")
    ap.add_argument("--score-only", action="store_true", help="score the worlds already in --out, build none")
    args = ap.parse_args()
    if not args.time_only:
        args.out.mkdir(parents=True, exist_ok=True)
        k, n = (int(v) for v in args.shard.split("/"))
        suite(args.out, args.limit, args.seeds, (k, n), args.score_only)
    if not args.suite_only:
        timing(args.seeds)


if __name__ == "__main__":
    main()
