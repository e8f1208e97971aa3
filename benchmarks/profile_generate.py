"""Profile of ``generate`` end to end: the per-stage split and the hot functions of each process.

One world is generated in this process (as ``omni-generalist generate`` does, a fresh sandbox
worker included) under ``cProfile``. The stage split is the cumulative wall time of the functions
that make up each stage; the CPU seconds of this process and of the sandbox worker (a child
process, counted once it has exited) are printed beside it. The action that builds the room runs
in the worker, where ``cProfile`` cannot follow it, so the same action is then run again in this
process through the worker's own :class:`~omni_generalist.actions.worker.WorkerState` and profiled
on its own.

Usage: python benchmarks/profile_generate.py [--prompt TEXT] [--seed 0] [--top 25] [--no-preview]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import tempfile
import time
from pathlib import Path

T_START = time.perf_counter()

from omni_generalist.threads import single_threaded_math  # noqa: E402 - imports are timed

single_threaded_math(os.environ)  # as the command line does, before numpy loads

from omni_generalist.config import Settings  # noqa: E402
from omni_generalist.generate import generate_world  # noqa: E402
from omni_generalist.policy.procedural import ProceduralPolicy  # noqa: E402

T_IMPORTS = time.perf_counter() - T_START

OFFICE = "a cluttered open-plan office with six desks, six chairs, monitors, shelves with books and boxes"

STAGES = [  # (stage, module file suffix, function name): the functions whose cumulative time is the stage
    ("worker start, at the first action (before)", "actions/executor.py", "_start"),
    ("worker start: spawn (it imports meanwhile)", "actions/executor.py", "_spawn"),
    ("worker start: wait for it, load the world", "actions/executor.py", "_finish_start"),
    ("policy: parse + program", "policy/procedural/__init__.py", "_start"),
    ("build: apply_plan in the worker + merge", "actions/executor.py", "run"),
    ("physics: author + validate + repair", "generate.py", "physics_pass"),
    ("report (layout checks, reachability...)", "generate.py", "world_report"),
    ("preview render", "generate.py", "_write_preview"),
    ("write world folder (preview excluded)", "world/folder.py", "write_world"),
]


def _cumulative(stats: pstats.Stats, suffix: str, name: str) -> float:
    return sum(v[3] for (file, _line, fn), v in stats.stats.items() if fn == name and file.endswith(suffix))


def _table(profile: cProfile.Profile, sort: str, top: int) -> str:
    buf = io.StringIO()
    pstats.Stats(profile, stream=buf).strip_dirs().sort_stats(sort).print_stats(top)
    lines = buf.getvalue().splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prompt", default=OFFICE)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-preview", action="store_true")
    ap.add_argument("--cpu", action="store_true", help="profile CPU time (process_time) instead of wall time")
    args = ap.parse_args()
    settings = Settings()
    settings.generator.preview = not args.no_preview
    with tempfile.TemporaryDirectory() as tmp:
        prof = cProfile.Profile(time.process_time) if args.cpu else cProfile.Profile()
        cpu0, t0 = time.process_time(), time.perf_counter()
        prof.enable()
        res = generate_world(args.prompt, Path(tmp) / "w", ProceduralPolicy(), seed=args.seed, settings=settings)
        prof.disable()
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        worker_cpu = sum(getattr(resource.getrusage(resource.RUSAGE_CHILDREN), f) for f in ("ru_utime", "ru_stime"))
        stats = pstats.Stats(prof)
        rep = res.report
        phys = rep.get("physics") or {}
        print(f"prompt: {args.prompt!r} seed {args.seed}: {rep['layout']['objects']} objects, "
              f"{len(phys.get('repairs') or [])} repairs in {phys.get('repair_rounds', 0)} rounds")
        print(f"\n{'stage':<44} {'cpu s' if args.cpu else 'wall s':>8}")
        print(f"{'imports (before generate_world)':<44} {T_IMPORTS:>8.3f}")
        for label, suffix, name in STAGES:
            print(f"{label:<44} {_cumulative(stats, suffix, name):>8.3f}")
        print(f"{'generate_world total':<44} {wall:>8.3f}")
        print(f"CPU s: this process {cpu:.3f}, sandbox worker {worker_cpu:.3f}; report timings {rep['timings']}")
        print("\n== this process, by cumulative time\n" + _table(prof, "cumulative", args.top))
        print("\n== this process, by own time\n" + _table(prof, "tottime", args.top))
        action = next(r.code for r in res.results if r.ok)
        print("\n== the building action, run in this process through WorkerState, by own time\n"
              + _profile_action(action, args.seed, args.top))


def _profile_action(code: str, seed: int, top: int) -> str:
    from omni_generalist.actions import worker
    from omni_generalist.world.stage import new_stage

    worker._warm()
    state = worker.WorkerState({"timeout_s": 600, "max_code_chars": 10**7, "max_output_chars": 10**6,
                                "recursion_limit": 1000, "memory_mb": 10**5})
    state.load(new_stage().GetRootLayer().ExportToString())
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    reply = state.run(code, f"{seed}:0")
    prof.disable()
    head = f"ok={reply['ok']} wall {time.perf_counter() - t0:.3f} s\n"
    return head + _table(prof, "tottime", top) + "\n-- by cumulative time\n" + _table(prof, "cumulative", top)


if __name__ == "__main__":
    main()
