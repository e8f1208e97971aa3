"""Turning a :class:`ScenePlan` into action code, with fallbacks for actions that fail."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...assets.catalog import catalog
from .plan import LightPlan, PlannedObject, ScenePlan

CHUNK = 10


@dataclass
class Step:
    """One action to run, what to try instead if it fails, and what it is for."""

    code: str
    fallbacks: list[Step] = field(default_factory=list)
    label: str = ""


def _fmt(v) -> str:
    if isinstance(v, float):
        return repr(round(v, 4))
    if isinstance(v, tuple):
        return "(" + ", ".join(_fmt(x) for x in v) + ")"
    return repr(v)


def _call(fn: str, *args, **kwargs) -> str:
    parts = [_fmt(a) for a in args] + [f"{k}={_fmt(v)}" for k, v in kwargs.items() if v is not None]
    return f"{fn}({', '.join(parts)})"


def _common(o: PlannedObject) -> dict:
    return {"name": o.key, "size": o.size, "material": o.material, "color": o.color}


def object_call(o: PlannedObject, walls: list[str]) -> tuple[str, list[str]]:
    """Return the ``add_object`` call for a planned object and alternative calls for when it fails."""
    c = _common(o)
    if o.pose is not None:
        x, y, yaw = o.pose
        extra = {"serves": o.serves} if o.serves else {}
        pos = (x, y, round(o.lift + 0.001, 4)) if o.lift else (x, y)
        main = _call("add_object", o.category, **c, position=pos, rotation=yaw, **extra)
        # an optional object that does not fit where the layout put it is left out rather than
        # dropped anywhere (a random spot could block the way to something else)
        alts = [_call("add_object", o.category, **c)] if o.required else []
        return main, alts
    if o.placement == "on_wall":
        order = ([o.wall] if o.wall else []) + [w for w in walls if w != o.wall]
        calls = [_call("add_object", o.category, **c, on_wall=w, height=o.height) for w in order]
        if o.offset is not None:  # centred over what it belongs to (a window, a washbasin): there, else nowhere
            calls = [_call("add_object", o.category, **c, on_wall=o.wall, height=o.height, offset=o.offset)]
            if o.required:
                calls.append(_call("add_object", o.category, **c, on_wall=o.wall, height=o.height))
        return calls[0], calls[1:]
    if o.placement == "ceiling":
        return _call("add_object", o.category, **c, on_ceiling=True), []
    if o.placement == "on" and o.target:
        small = {**c, "size": None}
        alts = [_call("add_object", o.category, **small, on=o.target)]
        if o.required or catalog().get(o.category).placement in ("on_surface", "in_container"):
            alts.append(_call("add_object", o.category, **c))  # anywhere it usually goes
        return _call("add_object", o.category, **c, on=o.target), alts
    return _call("add_object", o.category, **c), []


def emit(plan: ScenePlan) -> list[Step]:
    """Return the steps that build the planned world, in order."""
    steps: list[Step] = []
    room = [_call("create_room", polygon=[tuple(p) for p in plan.polygon], height=plan.height,
                  room_type=plan.room_type, floor_material=plan.floor_material, wall_material=plan.wall_material)]
    dwall, doff, dwidth = plan.door
    room.append(_call("add_door", wall=dwall, offset=doff, width=dwidth))
    for wname, off, width, h, sill in plan.windows:
        room.append(_call("add_window", wall=wname, offset=off, width=width, height=h, sill=sill))
    steps.append(Step("\n".join(room), [Step(room[0])], "room"))
    posed = [o for o in plan.objects if o.pose is not None]
    # rugs first (what stands on them comes after), tables before the seats that serve them
    posed.sort(key=lambda o: (o.size[2] >= 0.03, o.serves is not None))
    groups = [
        posed,
        [o for o in plan.objects if o.pose is None and o.placement == "on_wall"],
        [o for o in plan.objects if o.pose is None and o.placement == "ceiling"],
        [o for o in plan.objects if o.pose is None and o.placement not in ("on_wall", "ceiling")],
    ]
    for group in groups:
        for k in range(0, len(group), CHUNK):
            chunk = group[k:k + CHUNK]
            singles = []
            for o in chunk:
                main, alts = object_call(o, plan.wall_names)
                chain: list[Step] = []
                for alt in reversed(alts):  # each alternative is tried only if the one before failed
                    chain = [Step(alt, chain, o.key)]
                singles.append(Step(main, chain, o.key))
            code = "\n".join(s.code for s in singles)
            steps.append(Step(code, singles, f"objects {chunk[0].key}..{chunk[-1].key}"))
    steps.append(Step("\n".join(light_call(li) for li in plan.lights), [], "lights"))
    optional = sorted(o.key for o in plan.objects if not o.required)
    if optional:
        # a fallback may have put an optional object where it blocks the way: take it out
        steps.append(Step(f"optional = {optional!r}\nfor name in unreachable_objects():\n"
                          f"    if name in optional:\n        remove_object(name)", [], "reachability"))
    return steps


def light_call(li: LightPlan) -> str:
    return _call("add_light", li.kind, intensity=li.intensity, temperature=li.temperature, position=li.position,
                 size=li.size)
