"""Office family: printers, copiers, scanners, shredders and 3D printers.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit`; ``cat.variant`` picks the machine.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, GLASS, PAPER, WHITE, Kit
from ...toolkit import AssetWriter


@generator("printer_3d")
def printer_3d(w: AssetWriter, size: Size, cat: Category) -> None:
    """An open-frame 3D printer: a base with a display, two uprights joined by a gantry carrying the
    print head, a heated bed, a filament spool on top and a half-printed part."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bh = h * 0.12
    k.box("base", (-x, -y * 0.9, 0), (x, y * 0.9, bh), BLACK)
    k.box("display", (-x * 0.3, y * 0.9, bh * 0.2), (x * 0.3, y, bh * 0.9), BLACK)
    post = min(x, y) * 0.06
    for sx in (-1, 1):
        k.box("upright", (sx * x * 0.9 - post, -y * 0.1 - post, bh), (sx * x * 0.9 + post, -y * 0.1 + post, h * 0.88),
              "aluminum")
    k.box("top_bar", (-x * 0.9 - post, -y * 0.1 - post, h * 0.84), (x * 0.9 + post, -y * 0.1 + post, h * 0.9), "aluminum")
    gz = h * k.u(0.45, 0.65)
    k.box("gantry", (-x * 0.9, -y * 0.1 - post * 0.7, gz), (x * 0.9, -y * 0.1 + post * 0.7, gz + post * 1.6), "aluminum")
    hx = x * k.u(-0.4, 0.4)
    k.box("head", (hx - x * 0.1, -y * 0.1 - post * 1.5, gz - h * 0.05), (hx + x * 0.1, -y * 0.1 + post * 2.5, gz + h * 0.08),
          BLACK)
    k.cone("nozzle", hx, -y * 0.1 + post * 0.5, post * 0.4, post * 0.1, gz - h * 0.09, gz - h * 0.05, BRUSHED, seg=8)
    k.box("bed", (-x * 0.75, -y * 0.8, bh + h * 0.04), (x * 0.75, y * 0.7, bh + h * 0.06), GLASS)
    k.box("bed_carriage", (-x * 0.2, -y * 0.8, bh), (x * 0.2, y * 0.7, bh + h * 0.04), BLACK)
    k.cyl("print", 0, 0, min(x, y) * 0.18, bh + h * 0.06, bh + h * k.u(0.12, 0.22), "colored plastic", seg=10)
    k.disc("spool", (x * 0.4, -y * 0.1, h * 0.9 + min(h * 0.1, x * 0.25)), min(h * 0.1, x * 0.25), y * 0.3, axis="x",
           mat="colored plastic", seg=16)
    k.finish()


@generator("office_machine")
def office_machine(w: AssetWriter, size: Size, cat: Category) -> None:
    """A printer or copier (a body with paper trays, an output tray and a scanner lid, on a stand when it is
    tall), a flatbed scanner or a paper shredder (a bin with a cutting head and a slot)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    body = k.pick((WHITE, "painted white", BLACK))
    if "shredder" in name:
        k.box("bin", (-x * 0.95, -y * 0.95, 0), (x * 0.95, y * 0.95, h * 0.78), BLACK)
        k.box("window", (-x * 0.5, y * 0.95, h * 0.2), (x * 0.5, y, h * 0.6), "tinted glass")
        k.box("head", (-x, -y, h * 0.78), (x, y, h * 0.95), body)
        k.box("slot_lip", (-x * 0.8, -y * 0.2, h * 0.95), (x * 0.8, -y * 0.05, h), body)
        k.box("slot_lip", (-x * 0.8, y * 0.05, h * 0.95), (x * 0.8, y * 0.2, h), body)
        k.finish()
        return
    if "scanner" in name:
        k.box("body", (-x, -y, 0), (x, y, h * 0.7), body)
        k.box("glass", (-x * 0.9, -y * 0.85, h * 0.7), (x * 0.9, y * 0.75, h * 0.72), GLASS)
        lid = k.box("lid", (-x, -y, h * 0.74), (x, y * 0.95, h * 0.9), body)
        k.tilt(lid, "x", 8, (0, -y, h * 0.74))
        k.box("button", (x * 0.6, y * 0.8, h * 0.7), (x * 0.8, y * 0.95, h * 0.74), BLACK)
        k.finish()
        return
    tall = "copier" in name or h > 0.8
    z0 = 0.0
    if tall:  # a cabinet stand with paper drawers
        z0 = h * 0.5
        k.box("stand", (-x * 0.95, -y * 0.9, h * 0.03), (x * 0.95, y * 0.9, z0), body)
        for i in range(3):
            dz = z0 * (0.1 + 0.3 * i)
            k.box("drawer_line", (-x * 0.9, y * 0.9, dz), (x * 0.9, y * 0.92, dz + 0.01), BLACK)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.cyl("caster", sx * x * 0.8, sy * y * 0.75, min(x, y) * 0.05, 0, h * 0.03, BLACK, seg=8)
    bh = (h - z0) * 0.62
    k.box("body", (-x, -y * 0.8, z0), (x, y * 0.8, z0 + bh), body)
    k.box("tray_in", (-x * 0.8, y * 0.8, z0 + bh * 0.08), (x * 0.8, y, z0 + bh * 0.2), body)
    k.box("paper_in", (-x * 0.7, y * 0.8, z0 + bh * 0.2), (x * 0.7, y * 0.97, z0 + bh * 0.24), PAPER)
    k.box("output", (-x * 0.75, -y * 0.4, z0 + bh), (x * 0.75, y * 0.5, z0 + bh * 1.05), BLACK)
    k.box("scanner", (-x, -y * 0.8, z0 + bh * 1.1), (x, y * 0.6, z0 + (h - z0) * 0.9), body)
    k.box("panel", (x * 0.3, y * 0.6, z0 + bh * 1.1), (x * 0.95, y * 0.8, z0 + (h - z0) * 0.95), BLACK)
    k.box("lid", (-x * 0.98, -y * 0.8, z0 + (h - z0) * 0.9), (x * 0.6, y * 0.58, h), body)
    for sx in (-1, 1):
        k.box("pillar", (min(sx * x, sx * x * 0.92), -y * 0.8, z0 + bh), (max(sx * x, sx * x * 0.92), -y * 0.3,
              z0 + bh * 1.1), body)
    k.finish()
