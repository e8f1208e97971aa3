"""Asset-level placement: many small things on a support surface, densely and without overlap.

Two placers share one surface model (:class:`Surface`, an object's declared support surfaces —
table tops, shelf boards with their clearance, container floors — see ``surfaces`` in
docs/world-format.md):

* :func:`dense_layout` (the default, procedural): packs footprints in rows across the surface
  in a random order with a small gap, skipping things taller than the surface's clearance
  (between shelf boards); :func:`stack_layout` piles things (plates, books, boxes) upwards within the clearance;
* the learned point predictor (:mod:`.point_predictor`): a vision-language model marks a pixel on a
  top-down render of the surface and the thing goes where the ray through it meets the surface.

:func:`placement_code` writes a layout as action code (``add_object(..., position=(x, y, z))``), so
placements run in the sandbox, are logged and replay like any action; physics then settles them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from ..errors import PlacementError
from ..world.model import ObjectInfo

Size = tuple[float, float, float]
Pose = tuple[float, float, float, float]
"""``(x, y, z, yaw_degrees)`` of an object's bottom centre in the world."""


@dataclass
class Surface:
    """A support surface of an object: a rectangle in the owner's frame at height ``z`` above its base."""

    owner: ObjectInfo
    z: float
    x0: float
    y0: float
    x1: float
    y1: float
    clearance: float
    inside: bool = False

    @property
    def top(self) -> float:
        """World height of the surface."""
        return self.owner.position[2] + self.z

    def to_world(self, lx: float, ly: float) -> tuple[float, float]:
        """A point of the owner's frame in world x, y."""
        return self.owner.footprint.to_world(lx, ly)

    def to_local(self, x: float, y: float) -> tuple[float, float]:
        """A world x, y in the owner's frame."""
        a = math.radians(self.owner.yaw)
        dx, dy = x - self.owner.position[0], y - self.owner.position[1]
        return dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)


def surfaces_of(obj: ObjectInfo) -> list[Surface]:
    """The object's support surfaces, lowest first."""
    from ..actions.placement import support_surfaces

    return sorted((Surface(obj, *s) for s in support_surfaces(obj)), key=lambda s: s.z)


def dense_layout(surface: Surface, sizes: list[Size], rng: random.Random, gap: float = 0.01,
                 margin: float = 0.01) -> list[Pose]:
    """Place every size on ``surface`` in rows, in a random order, ``gap`` apart and ``margin`` from the edges.

    Raises:
        PlacementError: a thing is taller than the clearance above the surface, or they do not all fit.
    """
    for _w, _d, h in sizes:
        if h > surface.clearance - margin:
            raise PlacementError(f"a thing {h:.2f} m tall does not fit under the {surface.clearance:.2f} m "
                                 f"clearance above this surface of {surface.owner.name}")
    order = list(range(len(sizes)))
    rng.shuffle(order)
    order.sort(key=lambda i: -sizes[i][1])  # deep things first: rows of similar depth waste less
    width = surface.x1 - surface.x0 - 2 * margin
    local: dict[int, tuple[float, float]] = {}
    x, y, row_depth = 0.0, 0.0, 0.0
    for i in order:
        w, d, _ = sizes[i]
        if x + w > width:  # next row
            x, y, row_depth = 0.0, y + row_depth + gap, 0.0
        if w > width or y + d > surface.y1 - surface.y0 - 2 * margin:
            raise PlacementError(f"{len(sizes)} things do not fit on {surface.owner.name} "
                                 f"({width:.2f} x {surface.y1 - surface.y0 - 2 * margin:.2f} m usable)")
        local[i] = (surface.x0 + margin + x + w / 2, surface.y0 + margin + y + d / 2)
        x += w + gap
        row_depth = max(row_depth, d)
    # spread the rows over the free depth so the layout fills the surface evenly
    used = y + row_depth
    slack = (surface.y1 - surface.y0 - 2 * margin - used) / 2
    out = []
    for i in range(len(sizes)):
        lx, ly = local[i]
        wx, wy = surface.to_world(lx, ly + slack)
        out.append((wx, wy, surface.top, surface.owner.yaw))
    return out


def stack_layout(surface: Surface, sizes: list[Size], at: tuple[float, float] | None = None,
                 margin: float = 0.01) -> list[Pose]:
    """Poses of a stack on ``surface`` (at the local point ``at``, default its centre): each thing rests on the
    one below, turned with the surface's owner.

    Raises:
        PlacementError: the stack is taller than the clearance above the surface, or a thing overhangs it.
    """
    lx, ly = at if at is not None else ((surface.x0 + surface.x1) / 2, (surface.y0 + surface.y1) / 2)
    height = sum(h for _, _, h in sizes)
    if height > surface.clearance - margin:
        raise PlacementError(f"a stack {height:.2f} m tall does not fit under the {surface.clearance:.2f} m "
                             f"clearance above this surface of {surface.owner.name}")
    for w, d, _ in sizes:
        if not (surface.x0 <= lx - w / 2 and lx + w / 2 <= surface.x1 and surface.y0 <= ly - d / 2
                and ly + d / 2 <= surface.y1):
            raise PlacementError(f"a {w:.2f} x {d:.2f} m thing at ({lx:.2f}, {ly:.2f}) overhangs this surface of "
                                 f"{surface.owner.name}")
    x, y = surface.to_world(lx, ly)
    out, top = [], surface.top
    for _, _, h in sizes:
        out.append((x, y, top, surface.owner.yaw))
        top += h
    return out


def placement_code(categories: list[str], sizes: list[Size], poses: list[Pose]) -> str:
    """The action code that adds each thing at its pose (``add_object(..., position=(x, y, z))``)."""
    lines = []
    for cat, (w, d, h), (x, y, z, yaw) in zip(categories, sizes, poses, strict=True):
        lines.append(f"add_object({cat!r}, size=({w:.4f}, {d:.4f}, {h:.4f}), position=({x:.4f}, {y:.4f}, {z:.4f}), "
                     f"rotation={yaw:.3f})")
    return "\n".join(lines)


__all__ = ["Pose", "Size", "Surface", "dense_layout", "placement_code", "stack_layout", "surfaces_of"]
