"""Prompt alignment (docs/design.md §5): the share of a prompt's requirements a world meets.

Requirements follow the prompt-suite format (``shared/prompts/README.md``): ``require`` entries
(categories with a minimum count, optionally articulated, optionally resting on given
categories), ``materials`` entries (a target's material class must contain one of some words)
and a ``lighting`` entry (``dim``/``bright``/``warm``/``cool`` flags). Everything is judged from
the USD stage: semantics labels, ``customData["generalist"]``, joints and lights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pxr import Usd, UsdLux, UsdPhysics

from ..world.layout import room_prims
from ..world.metadata import get_info
from ..world.model import ObjectInfo, list_objects, room_info

WARM_K = 3500.0
"""Mean colour temperature at or below which lighting counts as warm."""
COOL_K = 5000.0
"""Mean colour temperature at or above which lighting counts as cool."""
DIM_FLUX = 120.0
"""Light flux per m² of floor (intensity × emitting area) below which lighting counts as dim."""
BRIGHT_FLUX = 400.0
"""Light flux per m² of floor above which lighting counts as bright."""


@dataclass
class Requirement:
    """One check of the suite format and whether the world met it."""

    kind: str
    spec: dict[str, Any]
    met: bool = False
    found: int = 0
    detail: str = ""


@dataclass
class AlignmentReport:
    """All checks of one prompt and the score."""

    requirements: list[Requirement] = field(default_factory=list)

    @property
    def score(self) -> float:
        if not self.requirements:
            return 1.0
        return sum(r.met for r in self.requirements) / len(self.requirements)

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 4),
                "requirements": [{"kind": r.kind, "spec": r.spec, "met": r.met, "found": r.found, "detail": r.detail}
                                 for r in self.requirements]}


def _names(obj: ObjectInfo) -> set[str]:
    return {obj.category.lower(), *(label.lower() for label in obj.labels)}


def has_joint(stage: Usd.Stage, obj: ObjectInfo) -> bool:
    """Return True when a revolute or prismatic joint lives under the object."""
    root = stage.GetPrimAtPath(obj.path)
    for prim in Usd.PrimRange(root):
        if prim.IsA(UsdPhysics.RevoluteJoint) or prim.IsA(UsdPhysics.PrismaticJoint):
            return True
    return False


def lighting_profile(stage: Usd.Stage) -> dict[str, float]:
    """Return the mean colour temperature (K) and light flux per m² of floor of the world's lights."""
    room = room_info(stage)
    area = 20.0
    if room is not None:
        poly = room.polygon
        area = abs(sum(poly[i][0] * poly[(i + 1) % len(poly)][1] - poly[(i + 1) % len(poly)][0] * poly[i][1]
                       for i in range(len(poly)))) / 2 or 20.0
    flux, temps, weights = 0.0, [], []
    for prim in stage.Traverse():
        if not prim.HasAPI(UsdLux.LightAPI) or prim.IsA(UsdLux.DomeLight) or prim.IsA(UsdLux.DistantLight):
            continue
        light = UsdLux.LightAPI(prim)
        intensity = float(light.GetIntensityAttr().Get() or 0.0) * 2.0 ** float(light.GetExposureAttr().Get() or 0.0)
        if prim.IsA(UsdLux.SphereLight):
            r = float(UsdLux.SphereLight(prim).GetRadiusAttr().Get() or 0.5)
            emit = 4 * math.pi * r * r
        elif prim.IsA(UsdLux.DiskLight):
            r = float(UsdLux.DiskLight(prim).GetRadiusAttr().Get() or 0.5)
            emit = math.pi * r * r
        elif prim.IsA(UsdLux.RectLight):
            emit = float(UsdLux.RectLight(prim).GetWidthAttr().Get() or 1) * float(UsdLux.RectLight(prim).GetHeightAttr().Get() or 1)
        elif prim.IsA(UsdLux.CylinderLight):
            c = UsdLux.CylinderLight(prim)
            emit = 2 * math.pi * float(c.GetRadiusAttr().Get() or 0.5) * float(c.GetLengthAttr().Get() or 1)
        else:
            emit = 1.0
        f = intensity * emit
        flux += f
        temp = float(light.GetColorTemperatureAttr().Get() or 6500.0) if light.GetEnableColorTemperatureAttr().Get() else 6500.0
        temps.append(temp)
        weights.append(max(f, 1e-9))
    mean_t = sum(t * w for t, w in zip(temps, weights, strict=True)) / sum(weights) if temps else 6500.0
    return {"flux_per_m2": flux / area, "temperature_k": mean_t, "lights": float(len(temps))}


def _material_of(stage: Usd.Stage, target: str, objs: list[ObjectInfo]) -> list[str]:
    target = target.lower()
    if target in ("wall", "walls", "floor", "ceiling"):  # every room's (a home has several)
        out = []
        for room in room_prims(stage):
            prim = room if target in ("wall", "walls") else room.GetChild(target.capitalize())
            if prim:
                out.append(str(get_info(prim).get("material", "")))
        return out
    return [o.material for o in objs if target in _names(o)]


def alignment_score(stage: Usd.Stage, require: list[dict] | None = None, materials: list[dict] | None = None,
                    lighting: dict[str, bool] | None = None) -> AlignmentReport:
    """Judge a world against suite-format requirements and return the report (``.score`` in 0..1)."""
    objs = list_objects(stage)
    by_path = {o.path: o for o in objs}
    report = AlignmentReport()
    for req in require or []:
        wanted = {a.lower() for a in req.get("any", [])}
        matches = [o for o in objs if _names(o) & wanted]
        if req.get("articulated"):
            matches = [o for o in matches if has_joint(stage, o)]
        if req.get("on"):
            supports = {s.lower() for s in req["on"]}
            matches = [o for o in matches if o.support in by_path and _names(by_path[o.support]) & supports]
        need = int(req.get("min", 1))
        report.requirements.append(Requirement("require", req, len(matches) >= need, len(matches),
                                               f"{len(matches)} of {need}"))
    for mat in materials or []:
        words = [w.lower() for w in mat.get("any", [])]
        found = _material_of(stage, mat.get("target", ""), objs)
        ok = any(any(w in m.lower() for w in words) for m in found)
        report.requirements.append(Requirement("materials", mat, ok, len(found), ", ".join(found[:5])))
    if lighting:
        prof = lighting_profile(stage)
        checks = {"dim": prof["flux_per_m2"] < DIM_FLUX, "bright": prof["flux_per_m2"] > BRIGHT_FLUX,
                  "warm": prof["temperature_k"] <= WARM_K, "cool": prof["temperature_k"] >= COOL_K}
        ok = all(checks[k] == bool(v) for k, v in lighting.items() if k in checks and v)
        report.requirements.append(Requirement("lighting", dict(lighting), ok, int(prof["lights"]),
                                               f"{prof['flux_per_m2']:.0f}/m², {prof['temperature_k']:.0f} K"))
    return report


def score_suite_entry(stage: Usd.Stage, entry: dict[str, Any]) -> AlignmentReport:
    """Score one line of a prompt suite (``id``, ``prompt``, ``require``, ``materials``, ``lighting``)."""
    return alignment_score(stage, entry.get("require"), entry.get("materials"), entry.get("lighting"))
