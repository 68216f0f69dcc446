"""The per-robot constants record shared by the simulator and the ROS bridge."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, kw_only=True)
class RobotSpec:
    """Joint names, limits and poses of one arm, exactly as its ROS 2 driver reports them.

    Arrays are tuples so that the record is hashable and cannot be mutated by a caller.
    """

    name: str
    arm_joints: tuple[str, ...]
    gripper_joints: tuple[str, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    velocity_limits: tuple[float, ...]
    effort_limits: tuple[float, ...]
    home: tuple[float, ...]
    kp: tuple[float, ...]
    kv: tuple[float, ...]
    gripper_open: float
    """Finger joint position (m) when fully open; the fingers close towards 0."""
    gripper_closed: float
    gripper_force: float
    """Maximum squeeze force of one finger (N)."""
    gripper_velocity: float
    """Finger speed limit (m/s)."""
    tcp_site: str = "tcp"
    base_body: str
    hand_body: str
    finger_geoms: tuple[str, str]

    def __post_init__(self) -> None:
        n = len(self.arm_joints)
        for field in ("lower", "upper", "velocity_limits", "effort_limits", "home", "kp", "kv"):
            if len(getattr(self, field)) != n:
                raise ValueError(f"{self.name}: {field} has {len(getattr(self, field))} values, expected {n}")
        lo, hi, home = np.array(self.lower), np.array(self.upper), np.array(self.home)
        if np.any(lo >= hi):
            raise ValueError(f"{self.name}: a lower joint limit is not below its upper limit")
        if np.any(home < lo) or np.any(home > hi):
            raise ValueError(f"{self.name}: home pose outside the joint limits")

    @property
    def n_arm(self) -> int:
        return len(self.arm_joints)

    @property
    def all_joints(self) -> tuple[str, ...]:
        return self.arm_joints + self.gripper_joints
