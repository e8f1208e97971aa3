"""Random calls of the action API, for robustness checks (``tests/test_sandbox_fuzz.py`` and
``benchmarks/bench_fuzz.py``).

Each call is one action: a random action function with random arguments, drawn from plausible
values (categories, object and wall names) and hostile ones (NaN, infinities, huge and negative
numbers, empty and unicode strings, wrong types). A call may fail, but only with a clear input
error: :func:`classify` sorts results into ok, input errors and internal errors (a crash of the
worker, a merge failure, or an exception that shows a bug rather than a bad argument).
"""

from __future__ import annotations

import inspect
import random
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SandboxConfig
from .api import ActionAPI, public_names
from .executor import ActionResult

CATEGORIES = ("bed", "table", "chair", "mug", "sofa", "wardrobe", "lamp", "desk", "bookcase", "painting", "plant",
              "rug", "tv", "fridge", "bowl", "ceiling lamp", "curtain", "dresser", "armchair", "zzz-unknown-thing")
WALLS = ("north", "south", "east", "west", "wall_0", "wall_9", "up")
MATERIALS = ("oak wood", "marble", "red", "glass", "pale blue paint", "no-such-material")
HOSTILE_VALUES = ("float('nan')", "float('inf')", "-float('inf')", "1e308", "-1e308", "10 ** 30", "-5", "0", "0.0",
                  "''", "'   '", "'\\u00e9\\u6728\\U0001f600'", "'x' * 10000", "None", "[]", "{}", "()", "True",
                  "[1, 2]", "(float('nan'), 0)", "(0, float('inf'), 1)", "[[0, 0], [1, 0]]", "'north'",
                  "(1e9, 1e9)", "-1", "123456789", "'table_0'", "b'bytes'", "{'a': 1}", "1j")
INPUT_ERRORS = {"ValueError", "TypeError", "KeyError", "PlacementError", "OverflowError", "ProgramError",
                "HomeProgramError"}
"""Error kinds that are clear input errors (the actions' own ValueError subclasses by name)."""
BUG_SIGNS = ("NoneType", "has no attribute", "not subscriptable", "unsupported operand", "referenced before",
             "object is not callable", "index out of range", "division by zero", "internal")


@dataclass
class FuzzTally:
    """How a batch of fuzzed calls went."""

    calls: int = 0
    ok: int = 0
    input_errors: int = 0
    internal: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, code: str, res: ActionResult) -> None:
        self.calls += 1
        verdict = classify(res)
        if verdict == "ok":
            self.ok += 1
        elif verdict == "input":
            self.input_errors += 1
        else:
            self.internal.append(f"{code!r}: {res.error}")
        if not res.ok:
            self.kinds[res.error_kind] = self.kinds.get(res.error_kind, 0) + 1


def classify(res: ActionResult) -> str:
    """``"ok"``, ``"input"`` (a clear error about the arguments) or ``"internal"`` (a bug or a crash)."""
    if res.ok:
        return "ok"
    if res.error_kind in INPUT_ERRORS and not any(s in res.error_message for s in BUG_SIGNS):
        return "input"
    return "internal"


def _plausible(name: str, rng: random.Random, objects: list[str]) -> str:
    low = name.lower()
    if low in ("category",):
        return repr(rng.choice(CATEGORIES))
    if low in ("name", "on", "next_to", "around", "facing", "serves", "target"):
        pool = objects + ["table_0", "nothing_here", "floor", "walls"]
        return repr(rng.choice(pool))
    if "wall" in low:
        return repr(rng.choice(WALLS))
    if low in ("material", "floor_material", "wall_material", "ceiling_material"):
        return repr(rng.choice(MATERIALS))
    if low in ("color",):
        return repr(rng.choice(("red", "navy", "mauve-ish", "")))
    if low in ("position", "by"):
        return repr(tuple(round(rng.uniform(-4, 4), 2) for _ in range(rng.choice((2, 3)))))
    if low in ("size",):
        return repr(tuple(round(rng.uniform(0.05, 2.5), 2) for _ in range(3)))
    if low in ("polygon",):
        return repr([(0, 0), (4, 0), (4, 3), (2, 3), (2, 5), (0, 5)])
    if low in ("kind",):
        return repr(rng.choice(("sphere", "rect", "disk", "dome", "distant", "laser")))
    if low in ("mood",):
        return repr(rng.choice(("dim", "warm", "party")))
    if low in ("room_type",):
        return repr(rng.choice(("bedroom", "kitchen", "")))
    if low in ("side",):
        return repr(rng.choice(("left", "right", "front", "back", "above")))
    if low in ("corner",):
        return repr(rng.choice((True, "north-east", "nowhere")))
    return repr(round(rng.uniform(-1, 6), 2))


def random_call(rng: random.Random, objects: list[str]) -> str:
    """One action calling a random API function with random arguments (as code text)."""
    name = rng.choice(public_names())
    params = [p for p in inspect.signature(getattr(ActionAPI, name)).parameters.values() if p.name != "self"]
    args = []
    for p in params:
        if p.default is not inspect.Parameter.empty and rng.random() < 0.6:
            continue
        value = rng.choice(HOSTILE_VALUES) if rng.random() < 0.35 else _plausible(p.name, rng, objects)
        args.append(f"{p.name}={value}")
    if rng.random() < 0.05:
        args.append("bogus_keyword=1")
    return f"print({name}({', '.join(args)}))"


SETUP = ("create_room(6, 5, room_type='living room')\nadd_door('south')\nadd_window('north')\n"
         "t = add_object('table', center=True)\nadd_object('chair', around=t)\nadd_object('mug', on=t)\n"
         "add_object('sofa', against_wall='west')\nadd_light()")
"""A furnished room some fuzzed worlds start from (so that calls naming objects can succeed)."""


def run_fuzz(worlds: int, calls: int, seed: str, folder: Path, config: SandboxConfig | None = None,
             ) -> tuple[FuzzTally, list[Path]]:
    """Fuzz ``worlds`` worlds with ``calls`` calls each (every other world starts furnished) and save
    each as ``folder/w<i>/world.usd`` with its physics authored, as ``generate`` would.

    Returns:
        The tally of all calls and the saved world files.
    """
    from pxr import Usd

    from ..config import PhysicsConfig
    from ..physics import author_physics
    from ..world.model import list_objects
    from ..world.stage import save_layer
    from .executor import Sandbox

    tally, files = FuzzTally(), []
    with Sandbox(config=config or SandboxConfig(timeout_s=5, memory_mb=1024)) as sb:
        for w in range(worlds):
            rng = random.Random(f"{seed}:{w}")
            sb.reset(None, w)
            if w % 2 == 0:
                tally.add(SETUP, sb.run(SETUP))
            for _ in range(calls):
                code = random_call(rng, [o.name for o in list_objects(sb.stage)])
                tally.add(code, sb.run(code))
            author_physics(Usd.Stage.Open(sb.layer), PhysicsConfig())
            path = Path(folder) / f"w{w}" / "world.usd"
            path.parent.mkdir(parents=True, exist_ok=True)
            save_layer(sb.layer, path)
            files.append(path)
    return tally, files
