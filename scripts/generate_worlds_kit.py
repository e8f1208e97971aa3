"""Headless Isaac Sim: prompts → worlds → Replicator randomization → BasicWriter datasets.

Run with Isaac Sim's Python (5.x)::

    ./python.sh /path/to/omni_generalist/scripts/generate_worlds_kit.py \\
        --prompt "a kitchen with an island and a fridge" --out /tmp/worlds --frames 8

For each prompt it builds a world folder with the core (the same files as
``omni-generalist generate``), opens it in Kit, validates it with ``omni.physx`` (``--validate``),
builds a Replicator randomization graph from the randomization spec (one new variant per
frame) and renders ``--frames`` frames with ``BasicWriter`` into ``<out>/<world>/dataset``.

``SimulationApp`` is created first: ``omni``/``carb`` modules (and anything importing them) can
only be imported once Kit runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--prompt", action="append", default=[], help="a prompt (repeat for several)")
    p.add_argument("--prompts", type=Path, help="a text file with one prompt per line")
    p.add_argument("--out", type=Path, required=True, help="output folder (one world folder per prompt)")
    p.add_argument("--seed", type=int, default=0, help="seed of the first world (then seed + 1, ...)")
    p.add_argument("--policy", default="procedural", help="procedural | hf:PATH | openai:URL")
    p.add_argument("--frames", type=int, default=8, help="dataset frames per world (one variant each)")
    p.add_argument("--width", type=int, default=640)
    p.add_argument("--height", type=int, default=480)
    p.add_argument("--validate", action="store_true", help="validate each world with omni.physx")
    p.add_argument("--no-randomize", action="store_true", help="render the worlds as built")
    p.add_argument("--force", action="store_true", help="replace existing world folders")
    args = p.parse_args(argv)
    prompts = list(args.prompt)
    if args.prompts:
        prompts += [ln.strip() for ln in args.prompts.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not prompts:
        p.error("give --prompt TEXT or --prompts FILE")
    if args.frames < 1:
        p.error("--frames must be >= 1")
    args.prompt_list = prompts
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate, randomize and export every prompt; returns the exit status."""
    args = parse_args(argv)
    from isaacsim import SimulationApp

    app = SimulationApp({"headless": True, "width": args.width, "height": args.height})
    status = 0
    try:
        # Kit runs: omni modules can be imported from here on.
        from isaacsim.core.utils.extensions import enable_extension

        enable_extension("omni.replicator.core")
        app.update()
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        import omni.usd

        from omni_generalist.config import load_settings
        from omni_generalist.generate import generate_world
        from omni_generalist.kit import physx_engine
        from omni_generalist.kit.replicator_randomizer import build_replicator_graph
        from omni_generalist.kit.replicator_writer import write_dataset_async
        from omni_generalist.panel.build import make_panel_policy
        from omni_generalist.physics import validate_world
        from omni_generalist.randomize import load_spec, spec_to_graph

        physx_engine.register()
        settings = load_settings()
        settings.generator.validate = False  # validated below with omni.physx when asked
        for i, prompt in enumerate(args.prompt_list):
            seed = args.seed + i
            folder = args.out / f"world_{i:03d}"
            result = generate_world(prompt, folder, make_panel_policy(args.policy), seed=seed, settings=settings,
                                    force=args.force)
            print(f"[{i}] built {result.world_file} ({result.report['layout']['objects']} objects)", flush=True)
            context = omni.usd.get_context()
            context.open_stage(str(result.world_file))
            app.update()
            stage = context.get_stage()
            if args.validate:
                report = validate_world(stage, engine="omni.physx", config=settings.physics)
                print(f"[{i}] {report.summary()}", flush=True)
                if not report.ok:
                    status = 1
            if not args.no_randomize:
                spec = load_spec(base=settings.randomization)
                graph = spec_to_graph(spec, stage, num_frames=args.frames, seed=seed)
                names = build_replicator_graph(graph)
                print(f"[{i}] randomizers: {', '.join(names)} ({args.frames} frames)", flush=True)
            info = app.run_coroutine(write_dataset_async(stage, folder / "dataset", args.frames, args.width,
                                                         args.height))
            print(f"[{i}] {info.summary()}", flush=True)
    finally:
        app.close()
    return status


if __name__ == "__main__":  # the action sandbox starts worker processes with "spawn"
    sys.exit(main())
