"""When a gripper motion has ended and whether it succeeded, tick by tick (plain logic, no rclpy).

Two vendors' rules:
- franka_gripper (libfranka ``move``/``grasp``, franka_ros2 jazzy): a move succeeds when the fingers reach the
  width; a grasp succeeds when the fingers stop (on the object or at the target) with the width inside
  [width - epsilon.inner, width + epsilon.outer]; anything else fails with the measured width named.
- ros2_controllers GripperActionController (control_msgs GripperCommand, e.g. a Robotiq on a UR): success
  (reached_goal) once within ``goal_tolerance`` of the position; stalled after ``stall_timeout`` s without
  moving faster than ``stall_velocity_threshold``, which succeeds only with ``allow_stalling``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class MotionEnd:
    """How a motion ended: ``success``, the measured width, whether it stalled, and why (empty on success)."""

    success: bool
    width: float
    stalled: bool = False
    reason: str = ""


@dataclass
class FrankaGripperMotion:
    """One libfranka-style gripper motion: ``kind`` "move" or "grasp" toward ``target`` (m)."""

    kind: str
    target: float
    speed: float
    start_time: float
    epsilon_inner: float = 0.005
    epsilon_outer: float = 0.005
    reach_tolerance: float = 0.001  # m: a move is done within this of its target
    settle_s: float = 0.15  # s without motion = the fingers stopped
    still_band: float = 2e-4  # m of change that still counts as not moving
    _last_width: float | None = field(default=None, init=False)
    _still_since: float | None = field(default=None, init=False)

    def timeout(self, start_width: float) -> float:
        return abs(start_width - self.target) / max(self.speed, 1e-6) + 2.0

    def step(self, now: float, width: float, start_width: float) -> MotionEnd | None:
        if self._last_width is None or abs(width - self._last_width) > self.still_band:
            self._last_width, self._still_since = width, now
        stopped = self._still_since is not None and now - self._still_since >= self.settle_s
        if self.kind == "move":
            if abs(width - self.target) <= self.reach_tolerance:
                return MotionEnd(success=True, width=width)
            if stopped:
                return MotionEnd(success=False, width=width, stalled=True,
                                 reason=f"move blocked at {width:.4f} m, target {self.target:.4f} m")
        elif stopped or abs(width - self.target) <= self.reach_tolerance / 4:
            low, high = self.target - self.epsilon_inner, self.target + self.epsilon_outer
            if low <= width <= high:
                return MotionEnd(success=True, width=width, stalled=stopped)
            if stopped:
                return MotionEnd(success=False, width=width, stalled=True,
                                 reason=f"grasp width {width:.4f} m outside [{low:.4f}, {high:.4f}] m")
        if now - self.start_time > self.timeout(start_width):
            return MotionEnd(success=False, width=width, reason=f"timed out at {width:.4f} m")
        return None


@dataclass
class GripperActionMotion:
    """One GripperActionController goal toward ``target`` (in the port's width units)."""

    target: float
    start_time: float
    goal_tolerance: float = 0.01
    stall_velocity_threshold: float = 0.001
    stall_timeout: float = 1.0
    allow_stalling: bool = False
    _last: tuple[float, float] | None = field(default=None, init=False)
    _last_movement: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._last_movement = self.start_time

    def step(self, now: float, width: float) -> MotionEnd | None:
        velocity = 0.0
        if self._last is not None and now > self._last[0]:
            velocity = (width - self._last[1]) / (now - self._last[0])
        self._last = (now, width)
        if abs(self.target - width) < self.goal_tolerance:
            return MotionEnd(success=True, width=width)
        if abs(velocity) > self.stall_velocity_threshold:
            self._last_movement = now
        elif now - self._last_movement > self.stall_timeout:
            return MotionEnd(success=self.allow_stalling, width=width, stalled=True,
                             reason="" if self.allow_stalling else f"stalled at {width:.4f}, target {self.target:.4f}")
        return None
