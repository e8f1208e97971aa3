"""Place settings laid at the seats of a table ("a dining table set for 12 people").

The parser asks for one plate, glass, fork and knife per seat (``vocab.PLACE_SETTING``); once the
layout has set the table and its seats out, each seat gets its own setting at the table's edge in
front of it: the plate, the fork on the diner's left, the knife on the right and the glass beyond
the knife. Set out like this, twelve settings fit a table for twelve (dropped at random, the last
ones found no room and went elsewhere or nowhere, and the count was lost).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from . import vocab as V

if TYPE_CHECKING:
    from .plan import PlannedObject

EDGE = 0.03
"""Gap between a plate and the table's edge, meters."""
SIDE = 0.02
"""Gap between the plate and the fork or knife beside it, meters."""
PLATE_SHARE = 0.55
"""A plate is at most this share of the table's half width across (it leaves the middle free)."""


def _edge(table: PlannedObject, seat: PlannedObject) -> tuple[tuple[float, float], tuple[float, float]]:
    """The point of the table's edge in front of a seat and the direction from it into the table,
    both in the table's frame."""
    tx, ty, tyaw = table.pose
    sx, sy, _ = seat.pose
    a = math.radians(tyaw)
    dx, dy = sx - tx, sy - ty
    lx, ly = math.cos(a) * dx + math.sin(a) * dy, -math.sin(a) * dx + math.cos(a) * dy
    hw, hd = table.size[0] / 2, table.size[1] / 2
    if "round" in table.category.split():  # a round (or oval) table: straight out from its centre
        r = math.hypot(lx, ly) or 1.0
        ux, uy = lx / r, ly / r
        t = 1.0 / math.sqrt((ux / hw) ** 2 + (uy / hd) ** 2)
        return (ux * t, uy * t), (-ux, -uy)
    if abs(lx) / hw > abs(ly) / hd:  # at an end
        s = 1.0 if lx > 0 else -1.0
        return (s * hw, max(-hd, min(hd, ly))), (-s, 0.0)
    s = 1.0 if ly > 0 else -1.0
    return (max(-hw, min(hw, lx)), s * hd), (0.0, -s)


def lay_place_settings(objects: list[PlannedObject]) -> None:
    """Give each place-setting piece on a table with seats a pose at its seat (``pose`` and ``lift``:
    the table's top). The pieces of a kind are one set (one size; a plate as wide as it is deep and
    small enough for the table). Pieces beyond the seats keep no pose (they go anywhere on the table)."""
    for table in objects:
        if table.pose is None:
            continue
        seats = [o for o in objects if o.serves == table.key and o.pose is not None]
        things = [o for o in objects if o.target == table.key and o.placement == "on" and not o.dressing
                  and o.category in V.PLACE_SETTING]
        if not seats or not things:
            continue
        kinds: dict[str, list[PlannedObject]] = {}
        for o in things:
            kinds.setdefault(o.category, []).append(o)
        room = min(table.size[0], table.size[1]) / 2 * PLATE_SHARE
        for items in kinds.values():
            w, d, h = items[0].size
            if items[0].category == "plate":
                w = d = min(w, d, room)
            for o in items:
                o.size = (round(w, 3), round(d, 3), h)
        pr = kinds["plate"][0].size[1] / 2 if "plate" in kinds else 0.12
        top = table.lift + table.size[2]
        tx, ty, tyaw = table.pose
        a = math.radians(tyaw)
        for k, seat in enumerate(seats):
            (ex, ey), (fx, fy) = _edge(table, seat)
            left = (-fy, fx)  # the diner faces (fx, fy), into the table
            cx, cy = ex + fx * (pr + EDGE), ey + fy * (pr + EDGE)
            spots = {"plate": (cx, cy)}
            for kind, side in (("fork", 1.0), ("knife", -1.0)):
                half = kinds[kind][0].size[1] / 2 if kind in kinds else 0.015  # cutlery lies along (fx, fy)
                off = side * (pr + SIDE + half)
                spots[kind] = (cx + left[0] * off, cy + left[1] * off)
            # the glass above the plate, to the right (towards the knife)
            spots["glass"] = (cx - left[0] * pr * 0.6 + fx * (pr + 0.05), cy - left[1] * pr * 0.6 + fy * (pr + 0.05))
            yaw = (math.degrees(math.atan2(fy, fx)) + tyaw) % 360.0  # a piece's length (its width) along (fx, fy)
            for kind, items in kinds.items():
                if k >= len(items) or kind not in spots:
                    continue
                lx, ly = spots[kind]
                x = tx + math.cos(a) * lx - math.sin(a) * ly
                y = ty + math.sin(a) * lx + math.cos(a) * ly
                items[k].pose = (round(x, 4), round(y, 4), round(yaw, 2))
                items[k].lift = round(top, 4)
