"""What a prompt asks for, in the prompt-suite format, derived from its scene program.

The requirements a reward judges come from :func:`~omni_generalist.policy.procedural.parse.parse_prompt`
(the scene program: requested things with exact/at-least counts, relations, materials, lighting),
written in the one requirement format the project uses (``shared/prompts/README.md``, judged by
:mod:`omni_generalist.metrics.alignment`): ``require`` entries (``any``, ``min``, optional
``exact``, ``on``, ``articulated``), ``materials`` entries (``target``, ``any``) and ``lighting``
flags.
"""

from __future__ import annotations

from typing import Any

from ..policy.procedural.program import ObjectRequest, PromptSpec

ON_RELATIONS = ("on", "in", "stacked")
"""Relations whose target is what the thing rests on (alignment's ``on`` condition)."""
LIGHTING_FLAGS = ("dim", "bright", "warm", "cool")


def _names(category: str, mapped_from: str | None = None) -> list[str]:
    """The category and the broader classes it is also labelled with (``kitchen counter`` → ``counter``)."""
    from ..assets.catalog import catalog

    out = [category.lower()]
    out += [h.lower() for h in catalog().hypernyms(category.lower())]
    if mapped_from:
        out.append(mapped_from.lower())
    return list(dict.fromkeys(out))


def _require(o: ObjectRequest) -> dict[str, Any]:
    quantity = o.to_quantity()
    entry: dict[str, Any] = {"any": _names(o.category, o.mapped_from)}
    count = o.count * max(1, o.target_count) if o.each else o.count  # "a lamp on each of the two nightstands": 2
    if quantity in ("exact", "at_least"):
        entry["min"] = int(count)
        if quantity == "exact":
            entry["exact"] = True
    else:  # a vague quantity: one thing, or "some" (two or more) for a plural
        entry["min"] = 1 if count <= 1 else 2
    if o.relation in ON_RELATIONS and o.target:
        entry["on"] = _names(o.target)
    if o.articulated:
        entry["articulated"] = True
    return entry


def _target_requirements(spec: PromptSpec) -> list[dict[str, Any]]:
    """What relations name but the prompt does not list itself ("desks facing a whiteboard", "stools at the
    island", "a lamp on each of the two nightstands"): at least ``target_count`` of each such known category."""
    from ..assets.catalog import catalog

    listed = {o.category.lower() for o in spec.objects}
    out: dict[str, dict[str, Any]] = {}
    for o in spec.objects:
        target = (o.target or "").lower()
        if not target or target in listed or catalog().find(target) is None:
            continue
        entry = out.setdefault(target, {"any": _names(target), "min": 1})
        entry["min"] = max(entry["min"], int(o.target_count))
    return list(out.values())


def spec_requirements(spec: PromptSpec) -> dict[str, Any]:
    """The requirements of a scene program as a suite entry (``prompt``, ``require``, ``materials``, ``lighting``):
    each requested thing, and each thing a relation names that is not requested itself."""
    require = [_require(o) for o in spec.objects] + _target_requirements(spec)
    materials = []
    for o in spec.objects:
        words = [w for w in (o.material, o.color) if w]
        if words:
            materials.append({"target": o.category.lower(), "any": words})
    for target, word in (("wall", spec.wall_color), ("wall", spec.wall_material), ("floor", spec.floor_material)):
        if word:
            materials.append({"target": target, "any": [word]})
    out: dict[str, Any] = {"prompt": spec.text, "require": require}
    if materials:
        out["materials"] = materials
    flags = {f: True for f in spec.lighting if f in LIGHTING_FLAGS}
    if flags:
        out["lighting"] = flags
    return out


def prompt_requirements(prompt: str) -> dict[str, Any]:
    """Parse ``prompt`` into its scene program and return its requirements (:func:`spec_requirements`)."""
    from ..policy.procedural.parse import parse_prompt

    return spec_requirements(parse_prompt(prompt))


def _overlap(a: list[str], b: list[str]) -> bool:
    return bool({x.lower() for x in a} & {x.lower() for x in b})


def requirement_matches(hand: dict[str, Any], extracted: list[dict[str, Any]]) -> bool:
    """True when one extracted ``require`` entry agrees with a hand-written one.

    They agree when their categories overlap, an extracted count (``exact``, or a ``min`` above
    two, which only a number in the prompt gives) equals the hand-written ``min`` (a vague
    quantity, ``min`` 1 or 2, agrees with any), an ``on`` condition of the hand-written entry overlaps the extracted one, and an
    ``articulated`` hand-written entry is articulated in the extraction.
    """
    for e in extracted:
        if not _overlap(hand.get("any", []), e.get("any", [])):
            continue
        vague = not e.get("exact") and int(e.get("min", 1)) <= 2  # one thing, or "some"
        if not vague and int(e.get("min", 1)) != int(hand.get("min", 1)):
            continue
        if hand.get("on") and not _overlap(hand["on"], e.get("on", [])):
            continue
        if hand.get("articulated") and not e.get("articulated"):
            continue
        return True
    return False


def agreement(hand: dict[str, Any], extracted: dict[str, Any]) -> tuple[int, int]:
    """(agreeing, total) over a suite entry's hand-written requirements, materials and lighting."""
    total = ok = 0
    for req in hand.get("require", []):
        total += 1
        ok += requirement_matches(req, extracted.get("require", []))
    for mat in hand.get("materials", []):
        total += 1
        ok += any(_overlap(_names(m["target"]), _names(mat["target"]))
                  for m in extracted.get("materials", [])
                  if any(w.lower() in x.lower() or x.lower() in w.lower()
                         for w in mat.get("any", []) for x in m.get("any", [])))
    if hand.get("lighting"):
        total += 1
        ok += all(extracted.get("lighting", {}).get(k) == v for k, v in hand["lighting"].items() if v)
    return ok, total


__all__ = ["agreement", "prompt_requirements", "requirement_matches", "spec_requirements"]
