"""A measured joint state in the arm's driver order, as the safety core sees it (no ROS types)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, kw_only=True)
class JointState:
    """One joint-state sample: arm joints in driver order plus the finger opening.

    ``stamp`` is the publisher's header stamp and ``received`` the bridge's node clock at arrival (both s):
    staleness is judged on the node clock, ordering and repeats on the stamp.
    """

    stamp: float
    received: float
    position: np.ndarray
    velocity: np.ndarray
    effort: np.ndarray
    gripper: float
    """Finger joint position (m), the mean over the finger joints."""
    fingers: np.ndarray | None = None
    """Each finger joint's position (m) when reported: a grasp of an off-centre cube opens them unequally."""

    @property
    def finger_positions(self) -> float | np.ndarray:
        """Each finger's position when known, else the mean: what the mirror model is set to."""
        return self.gripper if self.fingers is None else self.fingers

    def is_finite(self) -> bool:
        return bool(np.isfinite(self.position).all() and np.isfinite(self.velocity).all()
                    and np.isfinite(self.effort).all() and np.isfinite(self.gripper))

    def same_values(self, other: JointState) -> bool:
        """Bit-identical readings: a real encoder stream never repeats every value exactly."""
        return (np.array_equal(self.position, other.position) and np.array_equal(self.velocity, other.velocity)
                and np.array_equal(self.effort, other.effort) and self.gripper == other.gripper)
