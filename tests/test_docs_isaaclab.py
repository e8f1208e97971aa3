"""The robot config in docs/isaaclab.md keeps Franka's joint positions (evaluated against config stand-ins).

Isaac Lab is not installed here. The stand-ins model what the example relies on, from Isaac Lab 2.3:
``@configclass`` objects have ``replace(**changes)`` (a dataclass copy with the changes),
``ArticulationCfg.InitialStateCfg`` defaults ``joint_pos`` to ``{".*": 0.0}``
(isaaclab/assets/articulation/articulation_cfg.py), and ``FRANKA_PANDA_CFG.init_state.joint_pos`` sets
``panda_joint4 = -2.81`` inside its limits [-3.0718, -0.0698] (isaaclab_assets/robots/franka.py).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JOINT4_LIMITS = (-3.0718, -0.0698)


@dataclasses.dataclass(frozen=True)
class InitialStateCfg:
    pos: tuple = (0.0, 0.0, 0.0)
    rot: tuple = (1.0, 0.0, 0.0, 0.0)
    joint_pos: dict = dataclasses.field(default_factory=lambda: {".*": 0.0})
    joint_vel: dict = dataclasses.field(default_factory=lambda: {".*": 0.0})

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


@dataclasses.dataclass(frozen=True)
class ArticulationCfg:
    InitialStateCfg = InitialStateCfg
    prim_path: str = ""
    init_state: InitialStateCfg = dataclasses.field(default_factory=InitialStateCfg)

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


FRANKA = ArticulationCfg(prim_path="/World/Franka", init_state=InitialStateCfg(joint_pos={
    "panda_joint1": 0.0, "panda_joint2": -0.569, "panda_joint3": 0.0, "panda_joint4": -2.810,
    "panda_joint5": 0.0, "panda_joint6": 3.037, "panda_joint7": 0.741, "panda_finger_joint.*": 0.04}))


def _joint(joint_pos: dict, name: str) -> float:
    return next(v for k, v in joint_pos.items() if re.fullmatch(k, name))


def test_robot_in_the_example_keeps_franka_joint_positions():
    text = (ROOT / "docs" / "isaaclab.md").read_text()
    start = text.index("FRANKA_PANDA_CFG.replace(")
    depth, end = 0, start
    for end in range(text.index("(", start), len(text)):
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        if depth == 0:
            break
    expr = text[start:end + 1]
    robot = eval(expr, {"FRANKA_PANDA_CFG": FRANKA, "ArticulationCfg": ArticulationCfg,  # noqa: S307 - our docs
                        "ROBOT_SPAWN_POS": (1.0, 2.0, 0.0)})
    assert robot.init_state.pos == (1.0, 2.0, 0.0)
    lo, hi = JOINT4_LIMITS
    assert lo <= _joint(robot.init_state.joint_pos, "panda_joint4") <= hi
