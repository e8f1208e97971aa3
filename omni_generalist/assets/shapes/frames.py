"""Shared helpers of the furniture families (beds, seating, tables, shelving, stands, low cabinets):
legs, bars, chamfered and elliptic outlines, shelf compartments and fixed door/drawer fronts.

Every generator builds in the object frame (origin at the bottom centre, front towards +Y, Z up)
from convex parts that exactly fill the box ``[-w/2, w/2] × [-d/2, d/2] × [0, h]``. Proportions
scale with the size; style choices (leg shapes, shelf counts, back styles, …) come from the
writer's seeded ``w.rng``. The main material is bound to the object root by the caller; parts
only name secondary materials (metal legs, fabric cushions, glass, handles). Nothing here opens.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from ..builders import Size
from ..catalog import Category
from ..toolkit import AssetWriter

WOODS = ("oak wood", "walnut wood")
METALS = ("chrome", "brushed metal", "steel", "painted black")
CUSHIONS = ("fabric", "leather")


# ---------------------------------------------------------------------------- helpers
def _bottom_up(fn):
    """Wrap a generator so that its support surfaces come out ordered from the lowest up."""
    @functools.wraps(fn)
    def wrapped(w: AssetWriter, size: Size, cat: Category) -> None:
        start = len(w.built.surfaces)
        fn(w, size, cat)
        w.built.surfaces[start:] = sorted(w.built.surfaces[start:], key=lambda s: (s.z, s.x0, s.y0))
    return wrapped


def _clamp(lo: float, hi: float, v: float) -> float:
    """``v`` limited to ``lo..hi`` (``hi`` wins when ``lo > hi``)."""
    return min(hi, max(lo, v))


def _kind(cat: Category, kinds: Sequence[str], default: str) -> str:
    """The first of ``kinds`` that is the category's name or one of its tags, else ``default``."""
    if cat.variant in kinds:
        return cat.variant
    for tag in cat.tags:
        if tag in kinds:
            return tag
    return default


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 20) -> list[tuple[float, float]]:
    """A counter-clockwise polygon on an ellipse (``n`` a multiple of 4 touches its extremes)."""
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


def _bar(x0: float, y0: float, x1: float, y1: float, t: float) -> list[tuple[float, float]]:
    """A counter-clockwise outline of a bar of width ``t`` from ``(x0, y0)`` to ``(x1, y1)``."""
    dx, dy = x1 - x0, y1 - y0
    ln = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / ln * t / 2, dx / ln * t / 2
    return [(x0 - nx, y0 - ny), (x1 - nx, y1 - ny), (x1 + nx, y1 + ny), (x0 + nx, y0 + ny)]


def _split(a: float, b: float, n: int, gap: float = 0.0) -> list[tuple[float, float]]:
    """``n`` equal intervals over ``a..b`` separated by ``gap``."""
    step = (b - a - gap * (n - 1)) / n
    return [(a + i * (step + gap), a + i * (step + gap) + step) for i in range(n)]


def _corners(x: float, y: float, r: float) -> list[tuple[float, float]]:
    """Centres of four legs of half-size ``r`` in the corners of ``[-x, x] × [-y, y]``."""
    return [(-x + r, -y + r), (x - r, -y + r), (-x + r, y - r), (x - r, y - r)]


def _legs(w: AssetWriter, prefix: str, centers: Sequence[tuple[float, float]], r: float, z0: float, z1: float,
          style: str = "square", material: str | None = None) -> None:
    """Vertical legs of half-size ``r``: square boxes, round cylinders or tapered frustums."""
    for i, (cx, cy) in enumerate(centers):
        name = f"{prefix}_{i}"
        if style == "round":
            w.cylinder(name, (cx, cy), r, z0, z1, 12, material=material)
        elif style == "tapered":
            w.frustum(name, (cx, cy), r * 0.6, r, z0, z1, 12, material=material)
        else:
            w.box(name, (cx - r, cy - r, z0), (cx + r, cy + r, z1), material=material)


def _compartments(rng, z0: float, z1: float, t: float, spacing: tuple[float, float],
                  min_clear: float = 0.18, max_n: int = 8) -> tuple[list[float], list[float]]:
    """Split the free height ``z0..z1`` by boards of thickness ``t``.

    Returns the bottom z of every intermediate board and the free height of every compartment
    (bottom to top). The number of compartments and whether the bottom one is taller vary with
    ``rng``; every compartment keeps at least ``min_clear`` when the span allows it.
    """
    span = max(z1 - z0, 1e-3)
    n = min(max_n, max(1, round(span / rng.uniform(*spacing))))
    while n > 1 and (span - (n - 1) * t) / n < min_clear:
        n -= 1
    free = span - (n - 1) * t
    weights = [rng.uniform(1.2, 1.5)] + [1.0] * (n - 1) if n > 1 and rng.random() < 0.45 else [1.0] * n
    clears = [free * wt / sum(weights) for wt in weights]
    if min(clears) < min_clear:
        clears = [free / n] * n
    boards, z = [], z0
    for c in clears[:-1]:
        z += c
        boards.append(z)
        z += t
    return boards, clears


def _fronts(w: AssetWriter, prefix: str, x0: float, x1: float, z0: float, z1: float, yf: float, pf: float,
            hd: float, n_units: int, material: str | None = None, handle: str | None = "chrome") -> None:
    """Fixed door and drawer fronts on a cabinet face at ``y = yf`` (panels to ``yf + pf``, handles
    to ``yf + pf + hd``), ``n_units`` side by side; the layout of each unit varies with the seed."""
    rng = w.rng
    hgt = z1 - z0
    g = _clamp(0.002, 0.004, 0.01 * hgt)
    for i, (u0, u1) in enumerate(_split(x0, x1, n_units)):
        layout = rng.choice(("door", "door", "drawer_door", "drawers")) if hgt > 0.3 else "drawer"
        if layout == "door":
            rows = [(z0, z1)]
        elif layout == "drawer_door":
            dh = min(0.18, 0.3 * hgt)
            rows = [(z0, z1 - dh), (z1 - dh, z1)]
        elif layout == "drawers":
            rows = _split(z0, z1, 3 if hgt > 0.5 else 2)
        else:
            rows = [(z0, z1)]
        for j, (r0, r1) in enumerate(rows):
            w.box(f"{prefix}_{i}_{j}", (u0 + g, yf, r0 + g), (u1 - g, yf + pf, r1 - g), material=material)
            if handle is None or hd <= 0:
                continue
            uw, rh = u1 - u0, r1 - r0
            door = layout == "door" or (layout == "drawer_door" and j == 0)
            if door and rh > 0.25:  # a vertical bar near the edge towards the unit's neighbour
                hh, hw = min(0.15, 0.3 * rh), min(0.012, 0.1 * uw)
                hx = u1 - 0.06 * uw - hw if i % 2 == 0 else u0 + 0.06 * uw
                hz = r1 - 0.15 * rh - hh if rh > 0.5 else (r0 + r1 - hh) / 2
                w.box(f"{prefix}_h{i}_{j}", (hx, yf + pf, hz), (hx + hw, yf + pf + hd, hz + hh), material=handle)
            else:  # a horizontal pull centred near the top
                hw, hh = min(0.14, 0.4 * uw), min(0.012, 0.2 * rh)
                hz = r1 - max(0.25 * rh, hh + g) - hh / 2
                cx = (u0 + u1) / 2
                w.box(f"{prefix}_h{i}_{j}", (cx - hw / 2, yf + pf, hz), (cx + hw / 2, yf + pf + hd, hz + hh),
                      material=handle)
