"""Tools family: long-handled tools (broom, shovel, hand tools) and a flag on its pole.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; ``cat.variant`` picks the head.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, FABRIC, OAK, STEEL, Kit
from ...toolkit import AssetWriter


@generator("long_tool")
def long_tool(w: AssetWriter, size: Size, cat: Category) -> None:
    """A handle standing upright with its head at the bottom: a broom (a bristle block), a shovel (a
    blade), a hand tool (a hammer head at the top), or a flag (a pole on a foot, with a cloth at the top)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    r = max(min(x, y) * 0.12, 0.004)
    if "flag" in name:
        k.cyl("foot", 0, 0, min(x, y), 0, h * 0.03, BLACK, seg=12)
        k.cyl("pole", -x * 0.0, 0, r, h * 0.03, h, OAK, seg=8)
        k.box("cloth", (r, -y * 0.05, h * 0.6), (x, y * 0.05, h * 0.97), FABRIC)
        k.ball("finial", (0, 0, h * 0.98), r * 2, STEEL, rings=4, seg=8)
        k.finish()
        return
    if "hand tool" in name or "hammer" in name:
        k.box("handle", (-r, -r, 0), (r, r, h * 0.85), OAK)
        k.box("head", (-x, -r * 1.5, h * 0.85), (x, r * 1.5, h), STEEL)
        k.finish()
        return
    shovel = "shovel" in name
    head_h = h * (0.25 if shovel else 0.12)
    if shovel:
        k.box("blade", (-x, -y * 0.3, 0), (x, y * 0.3, head_h), STEEL)
        k.cone("socket", 0, 0, r * 1.6, r, head_h, head_h * 1.4, STEEL, seg=8)
        k.box("grip", (-x * 0.4, -r, h * 0.95), (x * 0.4, r, h), BLACK)
    else:
        k.box("bristles", (-x, -y, 0), (x, y, head_h * 0.6), "straw")
        k.box("block", (-x * 0.95, -y * 0.8, head_h * 0.6), (x * 0.95, y * 0.8, head_h), k.pick((OAK, "colored plastic")))
    k.cyl("handle", 0, 0, r, head_h, h, OAK, seg=8)
    k.finish()
