"""What a driver-side action server needs from the arm it drives: read the measured state, set targets.

The simulated arm (or a test plant) hands these callbacks to the servers in robot/drivers/, so the servers hold
the vendor controllers' semantics and nothing of the simulation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from robot.errors import RobotError


class DriverError(RobotError, ValueError):
    """A driver-side server was configured or called with something it cannot use."""


@dataclass(frozen=True, kw_only=True)
class JointReading:
    """Measured joint state in the controller's joint order (rad, rad/s)."""

    positions: tuple[float, ...]
    velocities: tuple[float, ...]


@dataclass(frozen=True, kw_only=True)
class ArmPort:
    """The arm as a joint trajectory controller sees it.

    ``read`` returns the measured state in ``joint_names`` order; ``command`` sets the position and velocity
    targets the arm tracks from now on (the controller's command interfaces).
    """

    joint_names: tuple[str, ...]
    read: Callable[[], JointReading]
    command: Callable[[Sequence[float], Sequence[float]], None]

    def __post_init__(self) -> None:
        if not self.joint_names or len(set(self.joint_names)) != len(self.joint_names):
            raise DriverError(f"joint_names must be unique and non-empty, got {list(self.joint_names)}")


@dataclass(frozen=True, kw_only=True)
class GripperPort:
    """A parallel gripper: ``read_width`` is the measured opening (m); ``command(width, speed, force)`` starts a
    motion toward ``width`` at ``speed`` (m/s) that stops where the fingers meet ``force`` (N) of resistance."""

    max_width: float
    read_width: Callable[[], float]
    command: Callable[[float, float, float], None]

    def __post_init__(self) -> None:
        if not self.max_width > 0.0:
            raise DriverError(f"max_width must be > 0 m, got {self.max_width}")
