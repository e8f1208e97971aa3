"""Games family: game tables (pool, ping pong, foosball, air hockey) and board games.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit` (design in the object frame, then fitted
into the size box); ``cat.variant`` picks the table.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, OAK, PAINT_WHITE, WHITE, Kit
from ...toolkit import AssetWriter


@generator("game_table")
def game_table(w: AssetWriter, size: Size, cat: Category) -> None:
    """A playing surface on legs: a pool table (cushion rails, six pockets), a ping pong table (net),
    a foosball table (a cabinet crossed by rods with handles) or an air hockey table (rails, goals)."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    name = cat.variant
    leg = min(x, y) * 0.09
    if "ping pong" in name:
        top = h * 0.86
        k.box("top", (-x, -y, top - 0.04 * h), (x, y, top), k.pick(("colored plastic", "painted black")))
        k.box("line", (-x, -0.004, top), (x, 0.004, top + 0.002), PAINT_WHITE)
        k.box("net", (-0.003, -y * 1.0, top), (0.003, y, h), WHITE)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.box("leg", (sx * x * 0.8 - leg / 2, sy * y * 0.8 - leg / 2, 0), (sx * x * 0.8 + leg / 2,
                      sy * y * 0.8 + leg / 2, top - 0.04 * h), BLACK)
        k.box("brace", (-x * 0.8, -leg / 3, h * 0.2), (x * 0.8, leg / 3, h * 0.24), BLACK)
        k.surface(top, -x, -y, x, y)
        k.finish()
        return
    if "foosball" in name:
        z0, z1 = h * 0.55, h * 0.85
        k.walls("cabinet", x * 0.8, y * 0.72, y * 0.06, z0, z1)
        k.box("field", (-x * 0.8, -y * 0.72, z0), (x * 0.8, y * 0.72, z0 + 0.03 * h), "felt")
        for i in range(8):
            rx = -x * 0.7 + i * x * 1.4 / 7
            k.tube("rod", (rx, -y, z0 + 0.2 * (z1 - z0)), (rx, y, z0 + 0.2 * (z1 - z0)), 0.008, CHROME, seg=8)
            side = y if i % 2 else -y
            k.tube("handle", (rx, side, z0 + 0.2 * (z1 - z0)), (rx, side * 0.9, z0 + 0.2 * (z1 - z0)), 0.018, BLACK, seg=8)
            for j in range(3):
                py = -y * 0.45 + j * y * 0.45
                k.box("player", (rx - 0.01, py - 0.012, z0 + 0.03 * h), (rx + 0.01, py + 0.012, z1 - 0.06 * h),
                      "colored plastic" if i % 2 else WHITE)
        for sx in (-1, 1):
            for sy in (-1, 1):
                k.box("leg", (sx * x * 0.72 - leg / 2, sy * y * 0.6 - leg / 2, 0),
                      (sx * x * 0.72 + leg / 2, sy * y * 0.6 + leg / 2, z0), OAK)
        k.finish()
        return
    air = "air hockey" in name
    top = h * 0.8
    rail = min(x, y) * 0.07
    body0 = h * 0.55
    k.box("apron", (-x * 0.97, -y * 0.94, body0), (x * 0.97, y * 0.94, top))
    k.box("bed", (-x + rail, -y + rail, top), (x - rail, y - rail, top + 0.02 * h), WHITE if air else "felt")
    for (ax, ay, bx, by) in ((-x, -y, x, -y + rail), (-x, y - rail, x, y), (-x, -y + rail, -x + rail, y - rail),
                             (x - rail, -y + rail, x, y - rail)):
        k.box("rail", (ax, ay, top), (bx, by, h))
    if air:
        for sx in (-1, 1):
            k.box("goal", (sx * (x - rail / 2) - rail / 2, -y * 0.2, top + 0.02 * h), (sx * (x - rail / 2) + rail / 2,
                  y * 0.2, h * 0.97), BLACK)
        k.cyl("puck", 0, 0, min(x, y) * 0.06, top + 0.02 * h, top + 0.035 * h, "colored plastic")
        k.box("base", (-x * 0.8, -y * 0.7, 0), (x * 0.8, y * 0.7, body0), BLACK)
    else:  # pool: six pockets in the corners and the middle of the long rails
        for px in (-x + rail, 0.0, x - rail):
            for py in (-y + rail, y - rail):
                k.cyl("pocket", px, py, rail * 0.75, top - 0.06 * h, h * 0.995, BLACK, seg=12)
        for i, px in enumerate((-x * 0.75, 0.0, x * 0.75)):
            for sy in (-1, 1):
                k.cone("leg", px, sy * y * 0.7, leg * 0.8, leg, 0, body0, None, seg=8)
                if i == 1:
                    continue
        k.ball("ball", (x * 0.4, 0, top + 0.02 * h + 0.03), 0.028, WHITE, rings=4, seg=8)
        k.ball("ball", (-x * 0.4, y * 0.1, top + 0.02 * h + 0.03), 0.028, "colored plastic", rings=4, seg=8)
    if air:
        k.surface(top + 0.02 * h, -x + rail, -y + rail, x - rail, y - rail, 1.0)
    k.finish()


@generator("board_game")
def board_game(w: AssetWriter, size: Size, cat: Category) -> None:
    """A folding game board with a chequered field and a few pieces standing on it."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    bt = h * 0.25
    k.box("board", (-x, -y, 0), (x, y, bt), "cardboard")
    n = 4
    for i in range(n):
        for j in range(n):
            if (i + j) % 2 == 0:
                cx0, cy0 = -x * 0.9 + i * 1.8 * x / n, -y * 0.9 + j * 1.8 * y / n
                k.box("square", (cx0, cy0, bt), (cx0 + 1.8 * x / n, cy0 + 1.8 * y / n, bt + h * 0.02), BLACK)
    for _i in range(k.rng.randint(3, 6)):
        px, py = k.u(-0.8, 0.8) * x, k.u(-0.8, 0.8) * y
        r = min(x, y) * 0.05
        k.cone("piece", px, py, r, r * 0.4, bt + h * 0.02, h * k.u(0.7, 1.0), k.pick(("colored plastic", WHITE, BLACK)),
               seg=10)
    k.cone("piece", x * 0.85, y * 0.85, min(x, y) * 0.05, min(x, y) * 0.02, bt, h, CHROME, seg=10)
    k.finish()
