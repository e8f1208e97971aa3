"""Tools family: the ladder, sewing machine, pallet generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, CHROME, FABRIC, PAINT_BLACK, STEEL, WHITE, Kit, _clamp
from ...toolkit import AssetWriter


@generator("ladder")
def ladder(w: AssetWriter, size: Size, cat: Category) -> None:
    """A step ladder (front rails with treads, rear legs, a top cap and spreaders), or a straight ladder with
    rungs when the box is shallow."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    rw = _clamp(x * 0.06, 0.02, 0.04)
    if y < 0.12 * h:
        for sx in (-1, 1):
            k.box("rail", (min(sx * x, sx * (x - rw)), -y, 0), (max(sx * x, sx * (x - rw)), y, h))
        n = max(3, int(h / 0.28))
        for i in range(n):
            z = h * (i + 0.7) / (n + 0.2)
            k.tube("rung", (-x + rw, 0, z), (x - rw, 0, z), min(y * 0.6, 0.016), BRUSHED, seg=8)
        k.finish()
        return
    top_y = -y * 0.15
    for sx in (-1, 1):
        k.strut("rail", (sx * (x - rw), y - rw, 0.0), (sx * (x - rw) * 0.85, top_y + rw, h * 0.96), rw, square=True)
        k.strut("leg", (sx * (x - rw), -y + rw, 0.0), (sx * (x - rw) * 0.85, top_y - rw * 2, h * 0.96), rw, square=True)
    n = max(2, int(h / 0.27))
    for i in range(n):
        f = (i + 0.8) / (n + 0.6)
        z = h * 0.96 * f
        yy = (y - rw) + (top_y + rw - (y - rw)) * f
        xx = (x - rw) + ((x - rw) * 0.85 - (x - rw)) * f
        k.box("step", (-xx, yy - min(0.1, y * 0.25), z - 0.015), (xx, yy + min(0.04, y * 0.1), z + 0.015), BRUSHED)
    k.box("cap", (-x * 0.9, top_y - rw * 3, h * 0.94), (x * 0.9, top_y + rw * 1.6, h), BLACK)
    for sx in (-1, 1):
        k.box("spreader", (sx * (x - rw) * 0.93 - 0.006, -y * 0.55, h * 0.4), (sx * (x - rw) * 0.93 + 0.006, y * 0.45,
                                                                               h * 0.42), STEEL)
    k.finish()


@generator("sewing_machine")
def sewing_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a pillar at +X, an arm across the top, a head at -X with needle and presser foot, a handwheel on
    the right side and a spool pin on top."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x * 0.95, -y, 0), (x * 0.95, y, h * 0.22))
    k.box("bed_plate", (-x * 0.9, -y * 0.5, h * 0.22), (-x * 0.4, y * 0.5, h * 0.23), CHROME)
    k.box("pillar", (x * 0.35, -y * 0.6, h * 0.2), (x * 0.85, y * 0.6, h * 0.8))
    k.box("arm", (-x * 0.8, -y * 0.5, h * 0.62), (x * 0.85, y * 0.5, h * 0.9))
    k.box("head", (-x * 0.92, -y * 0.55, h * 0.45), (-x * 0.55, y * 0.55, h * 0.92))
    k.cyl("needle_bar", -x * 0.75, y * 0.2, 0.004, h * 0.3, h * 0.46, CHROME, seg=6)
    k.box("presser_foot", (-x * 0.8, y * 0.1, h * 0.23), (-x * 0.7, y * 0.32, h * 0.26), CHROME)
    k.disc("handwheel", (x * 0.91, 0, h * 0.7), min(y * 0.8, h * 0.18), x * 0.18, "x", seg=16)
    k.box("panel", (x * 0.4, y * 0.6, h * 0.35), (x * 0.8, y * 0.62, h * 0.7), WHITE)
    k.cyl("spool_pin", x * 0.3, 0, 0.003, h * 0.9, h, CHROME, seg=6)
    k.cyl("spool", x * 0.3, 0, min(y * 0.2, 0.02), h * 0.9, h * 0.97, k.pick((WHITE, PAINT_BLACK, FABRIC)), seg=10)
    k.finish()


@generator("pallet")
def pallet(w: AssetWriter, size: Size, cat: Category) -> None:
    """Top deck boards on three stringer boards over nine blocks, and three bottom boards; the top is a surface."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    bt = h * 0.16
    n = k.pick((5, 7, 7, 9))
    bw = 2 * x / n * 0.7
    for i in range(n):
        cx = -x + bw / 2 + i * (2 * x - bw) / (n - 1)
        k.box("deck", (cx - bw / 2, -y, h - bt), (cx + bw / 2, y, h))
    sw = min(2 * y * 0.1, 0.1)
    for sy in (-1, 0, 1):
        cy = sy * (y - sw / 2)
        k.box("stringer", (-x, cy - sw / 2, h - 2 * bt), (x, cy + sw / 2, h - bt))
        k.box("bottom", (-x, cy - sw / 2, 0), (x, cy + sw / 2, bt))
        for sx in (-1, 0, 1):
            cx = sx * (x - sw * 0.75)
            k.box("block", (cx - sw * 0.75, cy - sw / 2, bt), (cx + sw * 0.75, cy + sw / 2, h - 2 * bt))
    k.surface(h, -x, -y, x, y)
    k.finish()
