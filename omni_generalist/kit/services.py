"""The Kit backends of the panel's Randomize and Export-dataset buttons (Replicator).

Randomize translates the randomization spec into a Replicator graph description
(:func:`omni_generalist.randomize.spec_to_graph`, plain Python) and hands it to
:mod:`omni_generalist.kit.replicator_randomizer`, which builds the live graph on the open stage:
from then on every Replicator frame draws a new variant. Export dataset renders frames with
``BasicWriter`` (:mod:`omni_generalist.kit.replicator_writer`), so with a randomization graph in
place each frame of the dataset is a new variant.
"""

from __future__ import annotations

from typing import Any

from ..panel.jobs import JobContext
from ..panel.viewmodel import ExportRequest, RandomizeRequest


async def replicator_randomize(request: RandomizeRequest, ctx: JobContext) -> dict[str, Any]:
    """Build the Replicator randomization graph for the open stage (``variants`` frames, ``seed``).

    Returns:
        The registered randomizers, the number of frames they run for and the seed.
    """
    from ..randomize import load_spec, spec_to_graph
    from .replicator_randomizer import build_replicator_graph

    spec = load_spec(base=request.settings.randomization)
    graph = spec_to_graph(spec, request.stage, num_frames=request.variants, seed=request.seed)
    await ctx.progress(f"{len(graph['randomizers'])} randomizers; building the Replicator graph", 0.5)
    names = build_replicator_graph(graph, request.stage)
    return {"randomizers": names, "frames": request.variants, "seed": request.seed}


async def replicator_export(request: ExportRequest, ctx: JobContext) -> Any:
    """Render ``frames`` frames of the open stage with Replicator's BasicWriter into ``out_dir``."""
    from .replicator_writer import write_dataset_async

    return await write_dataset_async(request.stage, request.out_dir, request.frames, request.width, request.height,
                                     progress=ctx.progress)
