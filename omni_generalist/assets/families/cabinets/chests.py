"""Cabinets family: the toolbox, chest generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.casework`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.casework import HANDLE_METALS, _clamp, _Ctx, _lidded
from ...toolkit import AssetWriter


@generator("toolbox")
def toolbox(w: AssetWriter, size: Size, cat: Category) -> None:
    """A toolbox: a steel box with a lid (front lip and latch) and a carrying handle on top."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0)
    _lidded(c, wall=0.006, lid_t=0.012, lip_h=_clamp(0.12 * c.H, 0.015, 0.035), lip_t=0.006,
            angle=rng.choice((100.0, 105.0, 110.0)), handle_h=_clamp(0.18 * c.H, 0.03, 0.05), latch=0.012)


@generator("chest")
def chest(w: AssetWriter, size: Size, cat: Category) -> None:
    """A lidded storage box or chest: walls, a floor, side grips and a lid hinged at its back edge."""
    rng = w.rng
    c = _Ctx(w, size, style="pull", hmat=rng.choice(HANDLE_METALS), front_t=0.0, hd=0.0)
    big = c.H > 0.35
    _lidded(c, wall=0.018 if big else 0.008, lid_t=0.02 if big else 0.015, lip_h=0.025, lip_t=0.01,
            angle=95.0, side=0.015, latch=0.012 if big else 0.0, base_h=0.03 if big and rng.random() < 0.5 else 0.0)
