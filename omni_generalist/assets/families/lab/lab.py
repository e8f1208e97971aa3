"""Lab family: the beaker, flask, test tube rack, microscope generators.

Each builds in the object frame of :mod:`omni_generalist.assets.toolkit` with the helpers of
:mod:`omni_generalist.assets.shapes.kit`; ``cat.variant`` (the TOML entry's ``variant``,
by default its name) picks a style where the generator knows several.
"""

from __future__ import annotations

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, CHROME, GLASS, WHITE, Kit, _clamp
from ...toolkit import AssetWriter

# ====================================================================== lab


@generator("beaker")
def beaker(w: AssetWriter, size: Size, cat: Category) -> None:
    """A glass cylinder with a rim and a spout (a graduated cylinder: tall on a foot)."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if "graduated" in cat.variant:
        k.cyl("foot", 0, 0, (x, y), 0, h * 0.04, seg=12)
        k.cyl("tube", 0, 0, (x * 0.45, y * 0.45), h * 0.03, h, seg=12)
    else:
        r = min(x * 0.92, x - 0.004)
        k.cyl("body", -x + r, 0, (r, y * 0.96), 0, h * 0.96, seg=16)
        k.ring("rim", -x + r, 0, r, y, min(r, y) * 0.06, h * 0.92, h, n=12)
        k.box("spout", (-x + 2 * r - min(r, y) * 0.2, -y * 0.12, h * 0.9), (x, y * 0.12, h))
        k.box("marks", (-x + r - r * 0.35, y * 0.955, h * 0.3), (-x + r - r * 0.3, y * 0.975, h * 0.75), WHITE)
    k.finish()


@generator("flask")
def flask(w: AssetWriter, size: Size, cat: Category) -> None:
    """A conical (or round) glass body with a neck."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    if "round" in cat.variant or k.rng.random() < 0.3:
        k.ball("body", (0, 0, h * 0.32), (x, y, h * 0.32), rings=6, seg=12)
    else:
        k.cone("body", 0, 0, x, x * 0.3, 0, h * 0.65, aspect=y / x)
    k.cyl("neck", 0, 0, (x * 0.28, y * 0.28), h * 0.55, h * 0.96, seg=12)
    k.cyl("lip", 0, 0, (x * 0.33, y * 0.33), h * 0.93, h, seg=12)
    k.finish()


@generator("test_tube_rack")
def test_tube_rack(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, two end posts, a top plate and a row of glass tubes standing through it."""
    k = Kit(w, size, long_x=True)
    x, y, h = k.x, k.y, k.H
    t = _clamp(0.08 * y, 0.003, 0.01)
    k.box("base", (-x, -y, 0), (x, y, t))
    for sx in (-1, 1):
        k.box("post", (min(sx * x, sx * (x - t)), -y, 0), (max(sx * x, sx * (x - t)), y, h * 0.6))
    k.box("plate", (-x, -y, h * 0.55 - t), (x, y, h * 0.55))
    n = int(_clamp((2 * x - 2 * t) / max(2.4 * y * 0.5, 0.012), 3, 12))
    pitch = (2 * x - 2 * t) / n
    tr = min(pitch * 0.32, y * 0.35)
    for i in range(n):
        if k.rng.random() < 0.2 and i not in (0, n - 1):
            continue
        cx = -x + t + pitch * (i + 0.5)
        top = h if i == 0 else h * k.u(0.92, 1.0)
        k.cyl("tube", cx, 0, tr, t, top, GLASS, seg=10)
    k.finish()


@generator("microscope")
def microscope(w: AssetWriter, size: Size, cat: Category) -> None:
    """A base, a rear arm, a stage, an objective turret and an angled eyepiece tube."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    k.box("base", (-x, -y, 0), (x, y * 0.6, h * 0.1))
    k.box("arm", (-x * 0.3, -y, h * 0.08), (x * 0.3, -y * 0.45, h * 0.8))
    k.box("stage", (-x * 0.75, -y * 0.5, h * 0.36), (x * 0.75, y * 0.5, h * 0.41), BLACK)
    k.box("head", (-x * 0.35, -y * 0.6, h * 0.7), (x * 0.35, y * 0.35, h * 0.85))
    k.cyl("turret", 0, y * 0.05, (x * 0.25, y * 0.22), h * 0.6, h * 0.7, BLACK, seg=12)
    k.cyl("objective", 0, y * 0.05, (x * 0.08, y * 0.08), h * 0.48, h * 0.62, CHROME, seg=8)
    k.tube("eyepiece", (0, -y * 0.2, h * 0.82), (0, y * 0.75, h * 0.97), min(x, y) * 0.1, BLACK, seg=10)
    k.disc("knob", (0, -y * 0.72, h * 0.45), (y * 0.15, h * 0.06), 2 * x, "x", BLACK, seg=12)
    k.finish()
