"""Robot constants and built-in models, looked up by name."""

from __future__ import annotations

from collections.abc import Callable

import mujoco

from sim.errors import UnknownNameError
from sim.robots.panda import PANDA
from sim.robots.panda_model import build_panda_spec
from sim.robots.spec import RobotSpec
from sim.robots.ur5e import UR5E
from sim.robots.ur5e_model import build_ur5e_spec

ROBOTS: dict[str, tuple[RobotSpec, Callable[[], mujoco.MjSpec]]] = {
    "panda": (PANDA, build_panda_spec),
    "ur5e": (UR5E, build_ur5e_spec),
}


def get_robot(name: str) -> RobotSpec:
    """The constants of robot ``name``; an error listing the valid names otherwise."""
    if name not in ROBOTS:
        raise UnknownNameError("robot", name, ROBOTS)
    return ROBOTS[name][0]


def build_robot_spec(name: str) -> mujoco.MjSpec:
    """A fresh MjSpec of the built-in model of robot ``name``."""
    if name not in ROBOTS:
        raise UnknownNameError("robot", name, ROBOTS)
    return ROBOTS[name][1]()


__all__ = ["PANDA", "ROBOTS", "UR5E", "RobotSpec", "build_robot_spec", "get_robot"]
