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
    return {"name": o.key, "size": o.size, "material": o.material, "color": o.color, "like": o.like, "shape": o.shape}


def object_call(o: PlannedObject, walls: list[str], others: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Return the ``add_object`` call for a planned object and alternative calls for when it fails
    (``others``: supports of the same kind as its target, tried when the target is full)."""
    c = _common(o)
    if o.pose is not None and o.placement == "on" and o.target:  # laid at a seat (a place setting)
        x, y, yaw = o.pose
        main, alts = object_call(_unposed(o), walls, others)
        return _call("add_object", o.category, **c, position=(x, y, round(o.lift + 0.003, 4)), rotation=yaw), [main, *alts]
    if o.pose is not None:
        x, y, yaw = o.pose
        extra = {"serves": o.serves} if o.serves else {"from_behind": True} if o.access == "back" else {}
        pos = (x, y, round(o.lift + 0.001, 4)) if o.lift else (x, y)
        main = _call("add_object", o.category, **c, position=pos, rotation=yaw, **extra)
        # an optional object that does not fit where the layout put it is left out rather than
        # dropped anywhere (a random spot could block the way to something else)
        alts = [_call("add_object", o.category, **{**c, "like": None})] if o.required else []
        if o.like:  # the model it copies may be missing: then a model of its own there
            alts.insert(0, _call("add_object", o.category, **{**c, "like": None}, position=pos, rotation=yaw, **extra))
        return main, alts
    if o.placement == "on_wall":
        order = ([o.wall] if o.wall else []) + [w for w in walls if w != o.wall]
        calls = [_call("add_object", o.category, **c, on_wall=w, height=o.height) for w in order]
        if o.offset is not None:  # centred over what it belongs to (a window, a washbasin): there, else nowhere
            calls = [_call("add_object", o.category, **c, on_wall=o.wall, height=o.height, offset=o.offset)]
            if "window_dressing" in catalog().get(o.category).tags:  # a curtain hangs at its window or not at all
                narrow = (round(o.size[0] * 0.7, 4), *o.size[1:])
                calls.append(_call("add_object", o.category, **{**c, "size": narrow}, on_wall=o.wall, height=o.height,
                                   offset=o.offset))
            elif o.required:
                calls.append(_call("add_object", o.category, **c, on_wall=o.wall, height=o.height))
        return calls[0], calls[1:]
    if o.placement == "ceiling":
        return _call("add_object", o.category, **c, on_ceiling=True), []
    if o.placement == "on" and o.target:
        small = {**c, "size": None}
        alts = [_call("add_object", o.category, **small, on=o.target, side=o.side)]
        alts += [_call("add_object", o.category, **small, on=t, side=o.side) for t in others if t != o.target]
        if not o.dressing and (o.required or catalog().get(o.category).placement in ("on_surface", "in_container")):
            alts.append(_call("add_object", o.category, **c))  # anywhere it usually goes
        return _call("add_object", o.category, **c, on=o.target, side=o.side), alts
    return _call("add_object", o.category, **c), []


def _unposed(o: PlannedObject) -> PlannedObject:
    """The same object without its pose (its usual placement, for a fallback)."""
    from dataclasses import replace

    return replace(o, pose=None, lift=0.0)


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
    posed = [o for o in plan.objects if o.pose is not None and o.placement != "on"]
    # rugs first (what stands on them comes after), tables before the seats that serve them
    posed.sort(key=lambda o: (o.size[2] >= 0.03, o.serves is not None))
    groups = [
        posed,
        [o for o in plan.objects if o.pose is None and o.placement == "on_wall"],
        [o for o in plan.objects if o.pose is None and o.placement == "ceiling"],
        [o for o in plan.objects if (o.pose is None or o.placement == "on") and o.placement not in ("on_wall", "ceiling")],
    ]
    kinds = {o.key: o.category for o in plan.objects}
    for group in groups:
        for k in range(0, len(group), CHUNK):
            chunk = group[k:k + CHUNK]
            singles = []
            for o in chunk:
                t = kinds.get(o.target or "")
                others = tuple(k for k, cat in kinds.items() if cat == t)[:6] if o.placement == "on" else ()
                main, alts = object_call(o, plan.wall_names, others)
                chain: list[Step] = []
                for alt in reversed(alts):  # each alternative is tried only if the one before failed
                    chain = [Step(alt, chain, o.key)]
                singles.append(Step(main, chain, o.key))
            code = "\n".join(s.code for s in singles)
            steps.append(Step(code, singles, f"objects {chunk[0].key}..{chunk[-1].key}"))
    steps.append(Step("\n".join(light_call(li) for li in plan.lights), [], "lights"))
    optional = sorted(o.key for o in plan.objects if not o.required)
    stackable = sorted(o.key for o in plan.objects if "stackable" in catalog().get(o.category).tags)
    # a fallback may have put an object where a robot cannot reach it (or where it blocks the way):
    # an optional one is taken out, a required one moved against a wall where it can be reached, or
    # onto another of its kind when such things stack (a box on a box; never a chair on a chair)
    steps.append(Step(f"optional = {optional!r}\nstackable = {stackable!r}\nwalls = {list(plan.wall_names)!r}\n"
                      "for _round in range(3):\n"
                      "    bad = unreachable_objects()\n"
                      "    if not bad:\n        break\n"
                      "    for name in bad:\n"
                      "        if name in optional:\n            remove_object(name)\n            continue\n"
                      "        home = get_object(name)\n"
                      "        for wall in walls:\n"
                      "            try:\n                move_object(name, against_wall=wall)\n"
                      "            except Exception:\n                continue\n"
                      "            if name not in unreachable_objects():\n                break\n"
                      "        else:  # no wall has room: on top of another of its kind (boxes stack)\n"
                      "            stacked = False\n"
                      "            for other in (list_objects(home.category) if name in stackable else []):\n"
                      "                if other.name == name:\n                    continue\n"
                      "                try:\n                    move_object(name, on=other.name)\n"
                      "                except Exception:\n                    continue\n"
                      "                stacked = True\n                break\n"
                      "            if not stacked:  # back where the plan put it (a wall try may have been worse)\n"
                      "                try:\n                    move_object(name, position=home.position, rotation=home.yaw)\n"
                      "                except Exception:\n                    pass\n"
                      "# still blocked: optional things standing near it make way\n"
                      "for name in unreachable_objects():\n"
                      "    me = get_object(name)\n"
                      "    near = sorted((o for o in list_objects() if o.name in optional and o.name != name\n"
                      "                   and o.support.endswith('Floor')),\n"
                      "                  key=lambda o: abs(o.position[0] - me.position[0]) + abs(o.position[1] - me.position[1]))\n"
                      "    for other in near[:6]:\n"
                      "        remove_object(other.name)\n"
                      "        if name not in unreachable_objects():\n"
                      "            break", [], "reachability"))
    return steps


def light_call(li: LightPlan) -> str:
    return _call("add_light", li.kind, intensity=li.intensity, temperature=li.temperature, position=li.position,
                 size=li.size)
