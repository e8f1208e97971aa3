"""Medical family: padded tables (massage, examination, stretcher).

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; ``cat.variant`` picks the kind.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, PAPER, RUBBER, STEEL, Kit
from ...toolkit import AssetWriter


@generator("padded_table")
def padded_table(w: AssetWriter, size: Size, cat: Category) -> None:
    """A padded top on a frame: a massage table (splayed legs, a face cradle at the head), an
    examination table (a cabinet base, a raised back section, a paper roll) or a stretcher (wheels)."""
    k = Kit(w, size, long_x=True)  # the length along X, head at +X
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    pad_t = h * 0.09
    leg = min(x, y) * 0.06
    if "massage" in name:
        top = h - pad_t
        k.box("pad", (-x * 0.82, -y, top), (x * 0.7, y, h), "leather")
        k.box("board", (-x * 0.82, -y * 0.97, top - h * 0.03), (x * 0.7, y * 0.97, top), "oak wood")
        k.ring("face_cradle", x * 0.83, 0, x * 0.13, y * 0.42, y * 0.14, top - h * 0.02, h * 0.98, "leather", n=10)
        k.bar("cradle_arm", (x * 0.6, 0), (x * 0.78, 0), leg, top - h * 0.05, top - h * 0.02, CHROME)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.strut("leg", (sx * x * 0.72, sy * y * 0.92, 0), (sx * x * 0.6, sy * y * 0.8, top - h * 0.03), leg,
                        "oak wood")
            k.box("brace", (sx * x * 0.62 - leg / 2, -y * 0.82, h * 0.25), (sx * x * 0.62 + leg / 2, y * 0.82,
                  h * 0.25 + leg), "oak wood")
        k.finish()
        return
    if "stretcher" in name or "gurney" in name:
        top = h - pad_t
        r = h * 0.09
        k.box("pad", (-x * 0.95, -y * 0.9, top), (x * 0.95, y * 0.9, h), "vinyl")
        k.box("frame", (-x, -y, top - h * 0.05), (x, y, top), STEEL)
        for sy in (-1, 1):
            k.tube("rail", (-x * 0.9, sy * y * 0.97, top), (x * 0.9, sy * y * 0.97, top + pad_t * 1.4), leg * 0.4, CHROME)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.cyl("post", sx * x * 0.8, sy * y * 0.7, leg / 2, 2 * r, top - h * 0.05, CHROME, seg=8)
                k.disc("wheel", (sx * x * 0.8, sy * y * 0.7, r), r, leg, axis="y", mat=RUBBER, seg=12)
        k.box("tray", (-x * 0.8, -y * 0.7, h * 0.3), (x * 0.8, y * 0.7, h * 0.33), STEEL)
        k.finish()
        return
    # examination table
    top = h * 0.8
    k.box("base", (-x * 0.8, -y * 0.85, 0), (x * 0.75, y * 0.85, top - h * 0.03), "painted white")
    k.box("drawer_gap", (-x * 0.7, y * 0.85, top * 0.35), (x * 0.6, y * 0.87, top * 0.37), BLACK)
    k.box("step", (-x * 0.8, y * 0.85, h * 0.2), (-x * 0.2, y, h * 0.24), "painted white")
    k.box("pad", (-x, -y * 0.95, top - h * 0.03), (x * 0.45, y * 0.95, top + pad_t), "vinyl")
    back = k.box("back", (x * 0.45, -y * 0.95, top - h * 0.03), (x, y * 0.95, top + pad_t), "vinyl")
    k.tilt(back, "y", -25, (x * 0.45, 0, top + pad_t))
    k.disc("paper_roll", (x * 0.95, 0, top + pad_t * 2.2), pad_t * 0.6, y * 1.6, axis="x", mat=PAPER, seg=12)
    k.finish()
