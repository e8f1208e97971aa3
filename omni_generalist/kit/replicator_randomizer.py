"""Kit side of randomization: build a live ``omni.replicator.core`` graph from a graph description.

The description comes from :func:`omni_generalist.randomize.replicator_graph.spec_to_graph`
(plain Python, tested outside Kit). Here each randomizer becomes a function registered with
``rep.randomizer.register`` and all of them run under ``rep.trigger.on_frame``. ``omni`` is
imported only inside the functions, so this module imports anywhere.

Usage inside Kit / Isaac Sim (Script Editor or an extension)::

    from omni_generalist.kit.replicator_randomizer import build_from_world
    build_from_world("/path/to/world.usd", num_frames=100, preset="dataset")
    # then attach a writer and run: rep.orchestrator.run()
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any


def _rep() -> Any:
    try:
        import omni.replicator.core as rep
    except ImportError as exc:
        raise RuntimeError("omni.replicator.core is not available: run this inside Kit / Isaac Sim "
                           "with the omni.replicator.core extension enabled") from exc
    return rep


def _value(rep: Any, v: Any) -> Any:
    """A description value → a ``rep.distribution`` node (or the constant itself)."""
    if not isinstance(v, dict):
        return tuple(v) if isinstance(v, list) else v
    kind = v["distribution"]
    if kind == "uniform":
        lo, hi = v["lower"], v["upper"]
        return rep.distribution.uniform(tuple(lo) if isinstance(lo, list) else lo, tuple(hi) if isinstance(hi, list) else hi)
    if kind == "normal":
        m, s = v["mean"], v["std"]
        return rep.distribution.normal(tuple(m) if isinstance(m, list) else m, tuple(s) if isinstance(s, list) else s)
    choices = [tuple(c) if isinstance(c, list) else c for c in v["choices"]]
    if v.get("weights") is not None:
        return rep.distribution.choice(choices, weights=list(v["weights"]))
    return rep.distribution.choice(choices)


def _apply(rep: Any, op: dict[str, Any]) -> None:
    """Apply one modify op to the prims of the enclosing ``with`` block."""
    kind = op["op"]
    if kind == "modify.attribute":
        kwargs = {"attribute_type": op["attribute_type"]} if op.get("attribute_type") else {}
        rep.modify.attribute(op["attribute"], _value(rep, op["value"]), **kwargs)
    elif kind == "modify.pose":
        kwargs = {k: _value(rep, op[k]) for k in ("position", "rotation", "scale", "look_at") if k in op}
        rep.modify.pose(**kwargs)
    elif kind == "modify.visibility":
        rep.modify.visibility(_value(rep, op["value"]))
    else:
        raise ValueError(f"unsupported op {kind!r}")


def _prims(rep: Any, paths: list[str]) -> Any:
    pattern = "^(" + "|".join(re.escape(p) for p in paths) + ")$"
    return rep.get.prims(path_pattern=pattern)


def _create(rep: Any, op: dict[str, Any]) -> Any:
    kind = op["op"].split(".", 1)[1]
    args = dict(op.get("args", {}))
    if "semantics" in args:
        args["semantics"] = [tuple(s) for s in args["semantics"]]
    if "clipping_range" in args:
        args["clipping_range"] = tuple(args["clipping_range"])
    fn = getattr(rep.create, kind)
    return fn(count=op.get("count", 1), **args)


def _created_prims(rep: Any, items: Any) -> Any:
    """The lights / cameras ``rep.create.*`` made, below the Xform wrappers it returns."""
    paths = [str(c.GetPath()) for xf in items.get_output_prims()["prims"] for c in xf.GetChildren()]
    return _prims(rep, paths)


def make_randomizer(rep: Any, randomizer: dict[str, Any]):
    """Return a function (named after the randomizer) that builds its part of the graph."""
    ops = randomizer["ops"]

    def fn():
        node = None
        for op in ops:
            if op["op"].startswith("create."):
                items = _create(rep, op)
                then = op.get("then", [])
                on_prim = [sub for sub in then if sub["op"] == "modify.attribute"]
                if on_prim:  # attributes of the light or camera itself, not of its wrapper
                    with _created_prims(rep, items):
                        for sub in on_prim:
                            _apply(rep, sub)
                with items:
                    for sub in then:
                        if sub["op"] != "modify.attribute":
                            _apply(rep, sub)
            else:
                items = _prims(rep, op["prims"])
                with items:
                    _apply(rep, op)
            node = items.node
        return node

    fn.__name__ = randomizer["name"]
    fn.__qualname__ = randomizer["name"]
    return fn


GRAPH_LAYER = "omni_generalist_randomization"
"""The Replicator layer the graph is built in; building again clears it first (one graph at a time)."""


def build_replicator_graph(graph: dict[str, Any], stage: Any = None) -> list[str]:
    """Register the description's randomizers and trigger them on every frame.

    The graph is built inside ``rep.new_layer(GRAPH_LAYER)``, which clears the graph an earlier
    call built, so randomizing twice leaves one graph. Prims whose rotation is randomized first get
    the op order ``rep.modify.pose`` writes (:func:`~omni_generalist.randomize.replicator_graph.match_pose_ops`).

    Args:
        graph: a description from ``spec_to_graph`` (checked first).
        stage: the open stage (default: the stage of Kit's USD context).

    Returns:
        The names of the registered randomizers.

    Raises:
        RuntimeError: not inside Kit (``omni.replicator.core`` missing).
        ValueError: a malformed description.
    """
    from ..randomize.replicator_graph import check_graph, match_pose_ops

    check_graph(graph)
    rep = _rep()
    if stage is None:
        import omni.usd

        stage = omni.usd.get_context().get_stage()
    names = []
    with rep.new_layer(GRAPH_LAYER):
        match_pose_ops(stage, graph)
        if hasattr(rep, "set_global_seed"):
            rep.set_global_seed(int(graph.get("seed", 0)))
        for r in graph["randomizers"]:
            if not r.get("ops"):
                continue
            rep.randomizer.register(make_randomizer(rep, r))
            names.append(r["name"])
        trig = graph["trigger"]
        params = inspect.signature(rep.trigger.on_frame).parameters
        kwargs: dict[str, Any] = {"interval": int(trig.get("interval", 1))}
        if "max_execs" in params:  # Replicator 1.10+
            kwargs["max_execs"] = int(trig["num_frames"])
        else:
            kwargs["num_frames"] = int(trig["num_frames"])
        with rep.trigger.on_frame(**kwargs):
            for name in names:
                getattr(rep.randomizer, name)()
    return names


def build_from_world(world: str | Path, num_frames: int = 1, preset: str | None = None,
                     spec_file: str | Path | None = None, seed: int = 0) -> list[str]:
    """Translate a spec for ``world`` (as ``omni-generalist randomize`` would) and build the graph.

    The world must be the stage open in Kit (its prim paths are targeted).
    """
    from ..randomize.replicator_graph import spec_to_graph
    from ..randomize.spec import load_spec

    graph = spec_to_graph(load_spec(preset=preset, spec_file=spec_file), world, num_frames=num_frames, seed=seed)
    return build_replicator_graph(graph)


def build_from_file(path: str | Path) -> list[str]:
    """Build the graph from a ``replicator_graph.json`` written by ``omni-generalist randomize``."""
    return build_replicator_graph(json.loads(Path(path).read_text(encoding="utf-8")))
