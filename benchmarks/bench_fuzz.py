"""Fuzz the action API: 10,000 random calls (100 worlds x 100 calls) through the sandbox.

Random functions with random arguments (NaN, infinities, huge, negative, empty, unicode, wrong
types, plus plausible values). Counts successes, clear input errors and internal errors (a crash
of the worker, a merge failure or an exception that shows a bug), then re-opens every saved world
and validates it in PhysX. Prints the tally and the time; the target is 0 internal errors and
every world valid. (tests/test_sandbox_fuzz.py runs a 1,000-call sample.)

Usage: python benchmarks/bench_fuzz.py [--worlds 100] [--calls 100] [--seed bench]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from omni_generalist.actions.fuzz import run_fuzz
from omni_generalist.physics import validate_world
from omni_generalist.world.stage import open_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worlds", type=int, default=100)
    ap.add_argument("--calls", type=int, default=100)
    ap.add_argument("--seed", default="bench")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        tally, files = run_fuzz(args.worlds, args.calls, args.seed, Path(tmp))
        t_fuzz = time.perf_counter() - t0
        t1 = time.perf_counter()
        invalid = []
        for path in files:
            try:
                report = validate_world(open_stage(path), joints=False)
            except Exception as exc:  # noqa: BLE001 - a world that breaks validation is what this looks for
                invalid.append((path.parent.name, [f"validation raised {type(exc).__name__}: {exc}"]))
                continue
            if not report.ok:
                invalid.append((path.parent.name, [p.message for p in report.errors][:3]))
        t_val = time.perf_counter() - t1
    print(f"calls: {tally.calls} in {t_fuzz:.1f} s ({tally.calls / t_fuzz:.0f} calls/s)")
    print(f"ok: {tally.ok}  input errors: {tally.input_errors}  internal errors: {len(tally.internal)}")
    print("error kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.kinds.items(), key=lambda kv: -kv[1])))
    print(f"worlds saved: {len(files)}, re-opened and validated in {t_val:.1f} s, invalid: {len(invalid)}")
    for line in tally.internal[:20]:
        print("INTERNAL", line[:300])
    for name, problems in invalid[:20]:
        print("INVALID", name, problems)


if __name__ == "__main__":
    main()
