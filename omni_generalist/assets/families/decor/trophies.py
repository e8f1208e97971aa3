"""Decor family: a mounted animal-head trophy.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; its back is at ``y = -d/2`` (the wall).
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, OAK, Kit
from ...toolkit import AssetWriter


@generator("animal_head")
def animal_head(w: AssetWriter, size: Size, cat: Category) -> None:
    """A shield-shaped wooden plaque with a neck, a head and muzzle, ears, eyes and branching antlers."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    fur = k.pick(("suede", "felt", "leather"))
    pw = x * 0.4
    k.box("plaque", (-pw, -y, h * 0.05), (pw, -y + y * 0.12, h * 0.5), OAK)
    k.tube("neck", (0, -y + y * 0.12, h * 0.28), (0, -y * 0.1, h * 0.36), x * 0.22, fur, seg=12, r1=x * 0.17)
    k.ball("head", (0, y * 0.05, h * 0.4), (x * 0.18, y * 0.3, h * 0.1), fur, rings=6, seg=12)
    k.tube("muzzle", (0, y * 0.2, h * 0.38), (0, y * 0.95, h * 0.3), x * 0.1, fur, seg=10, r1=x * 0.07)
    k.ball("nose", (0, y * 0.95, h * 0.3), x * 0.06, BLACK, rings=4, seg=8)
    for s in (-1, 1):
        k.ball("eye", (s * x * 0.15, y * 0.25, h * 0.44), x * 0.03, BLACK, rings=4, seg=8)
        k.tube("ear", (s * x * 0.12, y * -0.05, h * 0.47), (s * x * 0.4, y * -0.1, h * 0.55), x * 0.05, fur, seg=6,
               r1=x * 0.015)
        base = (s * x * 0.08, 0.0, h * 0.5)
        top = (s * x * 0.55, -y * 0.2, h * 0.98)
        k.tube("antler", base, top, x * 0.03, "light wood", seg=6, r1=x * 0.015)
        for f in (0.35, 0.65):
            p = tuple(b + (t_ - b) * f for b, t_ in zip(base, top, strict=True))
            k.tube("tine", p, (p[0] - s * x * 0.12, p[1] + y * 0.2, p[2] + h * 0.15), x * 0.02, "light wood", seg=6,
                   r1=x * 0.01)
    k.finish()
