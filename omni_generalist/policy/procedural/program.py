"""The scene program: what a prompt asks for, as a typed plan between the prompt and the solver.

A :class:`SceneProgram` names the room (type, size class, style, density, lighting, surface
materials) and the requested things with exact quantities and relations. The procedural parser
(:mod:`.parse`) is one producer; a model policy can write the same plan as JSON
(:func:`SceneProgram.from_dict` validates it against ``scene_program.schema.json``) and the
planner lays it out. A program enters a world through the ``apply_plan`` action, so the action
log replays it.

Quantities: ``exact`` (the prompt gave a number: "exactly two", "three", "set for 12", "a pair
of"), ``at_least`` ("at least four") and ``default`` (a plural or a single thing with no number:
the planner may adjust). Exact counts override group defaults and room dressing.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = 1

RELATIONS = ("on", "in", "under", "behind", "in_front_of", "next_to", "at_foot_of", "against_wall", "corner",
             "center", "near_entrance", "near_window", "facing", "stacked", "around", "rows", "on_wall",
             "ceiling", "above", "floor")
"""Relations a requested thing can have to a target object (or to the room)."""

QUANTITIES = ("exact", "at_least", "default")
SIZE_CLASSES = {"tiny": 0.6, "small": 0.8, "normal": 1.0, "large": 1.25, "huge": 1.6}
"""Size class → scale within the room type's area range."""
DENSITIES = ("sparse", "normal", "dense")


class ProgramError(ValueError):
    """A scene program that does not follow the schema (the message says where)."""


@dataclass
class ObjectRequest:
    """One requested thing (or several of the same kind)."""

    category: str
    count: int = 1
    explicit_count: bool = False
    """The prompt said how many (``quantity`` is then ``exact`` or ``at_least``)."""
    quantity: str = "default"
    material: str | None = None
    color: str | None = None
    relation: str | None = None
    target: str | None = None
    target_count: int = 1
    each: bool = False
    """One per target ("a lamp on each nightstand"): the planner matches the count to the targets."""
    wall_hint: str | None = None
    articulated: bool = False
    scale: float = 1.0
    known: bool = True
    source_text: str = ""
    """The prompt words this request came from (recorded on every object it makes)."""
    mapped_from: str | None = None
    shape: str | None = None
    """For a noun the knowledge base does not know: the category it is built like (its nearest by the
    embedding index, when close enough)."""

    def to_quantity(self) -> str:
        """``exact``, ``at_least`` or ``default`` (an explicit count with no mode is exact)."""
        return "exact" if self.explicit_count and self.quantity == "default" else self.quantity


@dataclass
class PromptSpec:
    """The scene program: everything understood from a prompt (or written by a model)."""

    text: str
    room_type: str | None = None
    room_words: str = ""
    size_scale: float = 1.0
    density: str = "normal"
    style: str | None = None
    wall_material: str | None = None
    wall_color: str | None = None
    floor_material: str | None = None
    lighting: list[str] = field(default_factory=list)
    single_light: bool = False
    objects: list[ObjectRequest] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    """Concrete nouns that matched no category closely enough: built as labelled generic objects."""

    # ------------------------------------------------------------------ JSON
    def size_class(self) -> str:
        """The size class nearest to ``size_scale``."""
        return min(SIZE_CLASSES, key=lambda k: abs(SIZE_CLASSES[k] - self.size_scale))

    def to_dict(self) -> dict[str, Any]:
        """The program as JSON-ready data (the form ``apply_plan`` takes)."""
        objs = []
        for o in self.objects:
            d = {k: v for k, v in asdict(o).items() if v not in (None, False, "") or k in ("category", "count")}
            d.pop("explicit_count", None)
            if o.explicit_count and o.quantity == "default":
                d["quantity"] = "exact"
            d.pop("known", None) if o.known else None
            if d.get("quantity") == "default":
                d.pop("quantity")
            if d.get("scale") == 1.0:
                d.pop("scale")
            if d.get("target_count") == 1:
                d.pop("target_count")
            objs.append(d)
        room = {"type": self.room_type, "size": self.size_class(), "density": self.density, "style": self.style,
                "lighting": list(self.lighting), "single_light": self.single_light,
                "floor_material": self.floor_material, "wall_material": self.wall_material,
                "wall_color": self.wall_color}
        out = {"version": SCHEMA_VERSION, "prompt": self.text,
               "room": {k: v for k, v in room.items() if v not in (None, False, [])}, "objects": objs}
        if self.unmatched:
            out["unmatched"] = list(self.unmatched)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: Any) -> PromptSpec:
        """Validate ``data`` against the schema and build the program.

        Raises:
            ProgramError: the data does not follow the schema, or a relation names no target.
        """
        validate(data)
        room = data.get("room", {})
        size = room.get("size", "normal")
        spec = cls(text=str(data.get("prompt", "")), room_type=room.get("type"), density=room.get("density", "normal"),
                   size_scale=SIZE_CLASSES[size], style=room.get("style"), floor_material=room.get("floor_material"),
                   wall_material=room.get("wall_material"), wall_color=room.get("wall_color"),
                   lighting=list(room.get("lighting", [])), single_light=bool(room.get("single_light", False)),
                   unmatched=list(data.get("unmatched", [])))
        names = {f.name for f in fields(ObjectRequest)}
        for k, o in enumerate(data.get("objects", [])):
            req = ObjectRequest(**{key: v for key, v in o.items() if key in names})
            req.explicit_count = req.quantity in ("exact", "at_least")
            if req.relation in ("on", "in", "under", "behind", "in_front_of", "next_to", "at_foot_of", "facing",
                                "around", "above", "stacked") and not req.target and req.relation != "stacked":
                raise ProgramError(f"objects[{k}]: relation {req.relation!r} needs a target")
            spec.objects.append(req)
        return spec

    @classmethod
    def from_json(cls, text: str) -> PromptSpec:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProgramError(f"scene program is not JSON: {exc.msg} at line {exc.lineno}") from None
        return cls.from_dict(data)


@lru_cache(maxsize=1)
def schema_text() -> str:
    """The JSON schema of a scene program as text (``omni-generalist api --program-schema``)."""
    return resources.files(__package__).joinpath("scene_program.schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON schema of a scene program (``scene_program.schema.json``)."""
    text = schema_text()
    return json.loads(text)


def validate(data: Any) -> None:
    """Raise :class:`ProgramError` with the first problem when ``data`` does not follow the schema."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        raise ProgramError(f"scene program: {where}: {e.message}")
    for k, o in enumerate(data.get("objects", [])):
        for key in ("scale",):
            if key in o and not math.isfinite(o[key]):
                raise ProgramError(f"scene program: objects/{k}/{key}: not a finite number")


# re-exported names the rest of the policy uses
SceneProgram = PromptSpec
