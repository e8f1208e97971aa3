"""Lab family: a robot arm.

Designed with :class:`omni_generalist.assets.shapes.kit.Kit` (rigid: the links are posed, not jointed).
"""

from __future__ import annotations

import math

from ...builders import Size, generator
from ...catalog import Category
from ...shapes.kit import BLACK, BRUSHED, STEEL, WHITE, Kit
from ...toolkit import AssetWriter


@generator("robot_arm")
def robot_arm(w: AssetWriter, size: Size, cat: Category) -> None:
    """A six-axis arm on a round base: turret, shoulder, upper arm, elbow, forearm, wrist and a two-finger gripper."""
    k = Kit(w, size)
    x, y, h = k.x, k.y, k.H
    body = k.pick((WHITE, "colored plastic"))
    rb = min(x, y) * 0.35
    k.cyl("base", 0, -y * 0.4, rb, 0, h * 0.08, BLACK, seg=16)
    k.cyl("turret", 0, -y * 0.4, rb * 0.75, h * 0.08, h * 0.22, body, seg=16)
    shoulder = (0.0, -y * 0.4, h * 0.28)
    k.disc("shoulder", shoulder, rb * 0.7, rb * 1.2, axis="x", mat=BRUSHED, seg=14)
    a1 = math.radians(k.u(60, 75))
    l1 = h * 0.42
    elbow = (0.0, shoulder[1] + l1 * math.cos(a1), shoulder[2] + l1 * math.sin(a1))
    k.tube("upper_arm", shoulder, elbow, rb * 0.45, body, seg=12)
    k.disc("elbow", elbow, rb * 0.5, rb * 1.0, axis="x", mat=BRUSHED, seg=12)
    a2 = math.radians(k.u(-25, 5))
    l2 = h * 0.36
    wrist = (0.0, elbow[1] + l2 * math.cos(a2), elbow[2] + l2 * math.sin(a2))
    k.tube("forearm", elbow, wrist, rb * 0.35, body, seg=12)
    k.ball("wrist", wrist, rb * 0.32, STEEL, rings=4, seg=10)
    tip = (0.0, wrist[1], wrist[2] - rb * 0.9)
    k.tube("flange", wrist, tip, rb * 0.25, BLACK, seg=10)
    for s in (-1, 1):
        k.box("finger", (s * rb * 0.3 - rb * 0.06, wrist[1] - rb * 0.12, tip[2] - rb * 0.8),
              (s * rb * 0.3 + rb * 0.06, wrist[1] + rb * 0.12, tip[2]), STEEL)
    k.box("cable", (-rb * 0.1, -y * 0.4 - rb * 0.8, h * 0.02), (rb * 0.1, -y * 0.4 - rb * 0.75, h * 0.2), BLACK)
    k.finish()
