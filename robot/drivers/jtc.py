"""ros2_controllers' JointTrajectoryController semantics (jazzy branch), as plain logic driven tick by tick.

What a goal goes through, as in joint_trajectory_controller.cpp:
- ``validate_trajectory``: the checks that make JTC *reject* a goal (no result is ever sent): joint count and
  names (``allow_partial_joints_goal`` false), empty names or points, non-zero final velocity, a non-zero
  stamp whose end lies in the past, time_from_start not strictly increasing, point field sizes.
- ``resolve_tolerances``: the goal's tolerances over the controller's defaults: 0 keeps the default, -1 erases
  it (no check), below -1 is illegal (the defaults are used); a tolerance of 0 after resolution is not checked.
- ``TrajectoryExecution.step``: sample the trajectory (starting from the measured state at acceptance; linear
  between points with positions only, cubic Hermite with velocities), check the path tolerance while before
  the last point (abort ``PATH_TOLERANCE_VIOLATED`` and hold the measured position), after the last point
  succeed once inside the goal tolerance, or abort ``GOAL_TOLERANCE_VIOLATED`` when goal_time_tolerance (if
  non-zero) has passed; with a zero goal_time_tolerance it waits, as JTC does.
- ``ScaledClock``: the trajectory time of UR's scaled JTC (speed scaling 0 pauses the trajectory).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from robot.drivers.ports import DriverError, JointReading


class ErrorCode(IntEnum):
    """control_msgs/action/FollowJointTrajectory Result error codes."""

    SUCCESSFUL = 0
    INVALID_GOAL = -1
    INVALID_JOINTS = -2
    OLD_HEADER_TIMESTAMP = -3
    PATH_TOLERANCE_VIOLATED = -4
    GOAL_TOLERANCE_VIOLATED = -5


@dataclass(frozen=True, kw_only=True)
class JointTol:
    """Position/velocity/acceleration tolerance of one joint; 0 = not checked."""

    position: float = 0.0
    velocity: float = 0.0
    acceleration: float = 0.0


@dataclass(frozen=True, kw_only=True)
class JtcConfig:
    """The controller parameters that shape goal handling (JTC's ``constraints.*`` and flags)."""

    joints: tuple[str, ...]
    trajectory_tolerance: tuple[float, ...] = ()  # constraints.<joint>.trajectory (path, position), per joint
    goal_tolerance: tuple[float, ...] = ()  # constraints.<joint>.goal (position), per joint
    stopped_velocity_tolerance: float = 0.01
    goal_time: float = 0.0
    allow_partial_joints_goal: bool = False
    allow_nonzero_velocity_at_trajectory_end: bool = False
    action_monitor_rate_hz: float = 20.0

    def __post_init__(self) -> None:
        n = len(self.joints)
        if n == 0 or len(set(self.joints)) != n:
            raise DriverError(f"joints must be unique and non-empty, got {list(self.joints)}")
        for name in ("trajectory_tolerance", "goal_tolerance"):
            value = getattr(self, name)
            if value and (len(value) != n or any(not (v >= 0.0) for v in value)):
                raise DriverError(f"{name} needs {n} values >= 0 (one per joint), got {list(value)}")
        if not (self.stopped_velocity_tolerance >= 0.0 and self.goal_time >= 0.0):
            raise DriverError("stopped_velocity_tolerance and goal_time must be >= 0")
        if not self.action_monitor_rate_hz > 0.0:
            raise DriverError(f"action_monitor_rate_hz must be > 0, got {self.action_monitor_rate_hz}")


@dataclass(frozen=True, kw_only=True)
class SegmentTolerances:
    """The tolerances active for one goal, in the controller's joint order."""

    state: tuple[JointTol, ...]
    goal: tuple[JointTol, ...]
    goal_time: float


def default_tolerances(config: JtcConfig) -> SegmentTolerances:
    n = len(config.joints)
    path = config.trajectory_tolerance or (0.0,) * n
    goal = config.goal_tolerance or (0.0,) * n
    return SegmentTolerances(
        state=tuple(JointTol(position=p) for p in path),
        goal=tuple(JointTol(position=g, velocity=config.stopped_velocity_tolerance) for g in goal),
        goal_time=config.goal_time)


def _resolve(default: float, requested: float) -> float:
    if requested == 0.0:
        return default
    if requested == -1.0:
        return 0.0
    if requested < -1.0:
        raise ValueError(requested)
    return requested


@dataclass(frozen=True, kw_only=True)
class ToleranceRequest:
    """One control_msgs/JointTolerance of a goal."""

    name: str
    position: float = 0.0
    velocity: float = 0.0
    acceleration: float = 0.0


def resolve_tolerances(config: JtcConfig, path: Sequence[ToleranceRequest], goal: Sequence[ToleranceRequest],
                       goal_time_tolerance: float) -> tuple[SegmentTolerances, str]:
    """The goal's tolerances over the defaults; on an unknown joint or an illegal value, the defaults and why."""
    defaults = default_tolerances(config)
    try:
        goal_time = _resolve(defaults.goal_time, goal_time_tolerance)
        resolved = {"state": list(defaults.state), "goal": list(defaults.goal)}
        for kind, requests in (("state", path), ("goal", goal)):
            for req in requests:
                if req.name not in config.joints:
                    return defaults, f"joint '{req.name}' in the goal's tolerances does not exist; defaults used"
                i = config.joints.index(req.name)
                old = resolved[kind][i]
                resolved[kind][i] = JointTol(position=_resolve(old.position, req.position),
                                             velocity=_resolve(old.velocity, req.velocity),
                                             acceleration=_resolve(old.acceleration, req.acceleration))
    except ValueError as exc:
        return defaults, f"illegal tolerance {exc}; defaults used"
    return SegmentTolerances(state=tuple(resolved["state"]), goal=tuple(resolved["goal"]), goal_time=goal_time), ""


@dataclass(frozen=True, kw_only=True)
class TrajPoint:
    """One trajectory point: seconds from start, positions and (possibly empty) velocities, goal joint order."""

    time_from_start: float
    positions: tuple[float, ...]
    velocities: tuple[float, ...] = ()
    accelerations: tuple[float, ...] = ()


def validate_trajectory(config: JtcConfig, joint_names: Sequence[str], points: Sequence[TrajPoint], *,
                        stamp: float, now: float) -> str:
    """Why JTC would reject this trajectory, or "" when it accepts it (``stamp`` 0 = start on arrival)."""
    if not config.allow_partial_joints_goal and len(joint_names) != len(config.joints):
        return (f"Joints on incoming trajectory don't match the controller joints: expected {list(config.joints)}, "
                f"got {list(joint_names)}")
    if not joint_names:
        return "Empty joint names on incoming trajectory."
    if not points:
        return "Empty trajectory received."
    for name in joint_names:
        if name not in config.joints:
            return f"Incoming joint {name} doesn't match the controller's joints {list(config.joints)}."
    if len(set(joint_names)) != len(joint_names):
        return f"Duplicate joint names on incoming trajectory: {list(joint_names)}"
    if not config.allow_nonzero_velocity_at_trajectory_end:
        for name, v in zip(joint_names, points[-1].velocities, strict=False):
            if abs(v) > 1.1920929e-07:  # numeric_limits<float>::epsilon, as JTC
                return f"Velocity of last trajectory point of joint {name} is not zero: {v:.15f}"
    if stamp != 0.0 and stamp + points[-1].time_from_start < now:
        return (f"Received trajectory with non-zero start time ({stamp:f}) that ends in the past "
                f"({stamp + points[-1].time_from_start:f})")
    previous = 0.0
    for i, point in enumerate(points):
        if i > 0 and point.time_from_start <= previous:
            return (f"Time between points {i - 1} and {i} is not strictly increasing, it is {previous:f} and "
                    f"{point.time_from_start:f} respectively")
        previous = point.time_from_start
        if len(point.positions) != len(joint_names):
            return f"Mismatch between joint_names size ({len(joint_names)}) and positions ({len(point.positions)}) " \
                   f"at point #{i}."
        for label, values in (("velocities", point.velocities), ("accelerations", point.accelerations)):
            if values and len(values) != len(joint_names):
                return f"Mismatch between joint_names size ({len(joint_names)}) and {label} ({len(values)}) " \
                       f"at point #{i}."
        if not all(math.isfinite(v) for v in (*point.positions, *point.velocities, *point.accelerations)):
            return f"Non-finite value at point #{i}."
    return ""


@dataclass(frozen=True, kw_only=True)
class Step:
    """One tick of an execution: the targets to send (None = leave the arm's target as it is) and the outcome
    (None while running)."""

    desired_positions: tuple[float, ...]
    desired_velocities: tuple[float, ...]
    actual: JointReading
    outcome: tuple[ErrorCode, str] | None = None
    hold: bool = False  # the targets are a hold at the measured position (abort), not the trajectory


def _hermite(p0: float, v0: float, p1: float, v1: float, h: float, s: float) -> tuple[float, float]:
    t = s / h
    t2, t3 = t * t, t * t * t
    pos = (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * h * v0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * h * v1
    vel = ((6 * t2 - 6 * t) * p0 + (3 * t2 - 4 * t + 1) * h * v0 + (-6 * t2 + 6 * t) * p1 + (3 * t2 - 2 * t) * h * v1)
    return pos, vel / h


@dataclass
class TrajectoryExecution:
    """One accepted goal, from the measured state at ``start_time`` to its last point, tick by tick."""

    config: JtcConfig
    joint_names: Sequence[str]
    points: Sequence[TrajPoint]
    tolerances: SegmentTolerances
    start_state: JointReading
    start_time: float  # trajectory time zero: the header stamp, or the acceptance time for a zero stamp
    accepted_at: float | None = None  # when start_state was measured (default: start_time)
    _knots: list[tuple[float, tuple[float, ...], tuple[float, ...] | None]] = field(init=False)

    def __post_init__(self) -> None:
        # Joints the goal leaves out (partial goals) hold their position at acceptance.
        index = {name: i for i, name in enumerate(self.joint_names)}
        n = len(self.config.joints)
        # The measured state is where the trajectory starts from. A stamp in the past (but an end in the future)
        # starts mid-way: the points already due are dropped, and the arm goes from where it is to the next one.
        t0 = 0.0 if self.accepted_at is None else max(0.0, self.accepted_at - self.start_time)
        knots: list[tuple[float, tuple[float, ...], tuple[float, ...] | None]] = [
            (t0, tuple(self.start_state.positions), tuple(self.start_state.velocities))]
        for point in self.points:
            if point.time_from_start <= t0 and point is not self.points[-1]:
                continue
            pos = [self.start_state.positions[j] for j in range(n)]
            vel: list[float] | None = [0.0] * n if point.velocities else None
            for j, name in enumerate(self.config.joints):
                if name in index:
                    pos[j] = point.positions[index[name]]
                    if vel is not None:
                        vel[j] = point.velocities[index[name]]
            knots.append((point.time_from_start, tuple(pos), None if vel is None else tuple(vel)))
        if knots[1][0] <= t0:
            knots.pop(0)  # the next point is due now (or the last one is overdue): it is where the trajectory is
        self._knots = knots

    @property
    def end_time(self) -> float:
        return self.start_time + self._knots[-1][0]

    def sample(self, now: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Desired positions and velocities at ``now`` (the last point's after the end)."""
        t = now - self.start_time
        knots = self._knots
        if t >= knots[-1][0]:
            return knots[-1][1], knots[-1][2] or (0.0,) * len(knots[-1][1])
        if t <= knots[0][0]:
            return knots[0][1], knots[0][2] or (0.0,) * len(knots[0][1])
        k = next(i for i in range(1, len(knots)) if t < knots[i][0])
        (t0, p0, v0), (t1, p1, v1) = knots[k - 1], knots[k]
        h, s = t1 - t0, t - t0
        if v1 is None:  # positions only: linear, as JTC's spline with positions alone
            return (tuple(a + (b - a) * s / h for a, b in zip(p0, p1, strict=True)),
                    tuple((b - a) / h for a, b in zip(p0, p1, strict=True)))
        v0 = v0 or (0.0,) * len(p0)
        pairs = [_hermite(a, va, b, vb, h, s) for a, va, b, vb in zip(p0, v0, p1, v1, strict=True)]
        return tuple(p for p, _ in pairs), tuple(v for _, v in pairs)

    def step(self, now: float, actual: JointReading) -> Step:
        desired_p, desired_v = self.sample(now)
        before_last_point = now < self.end_time
        path_violation = ""
        outside_goal = False
        for j, name in enumerate(self.config.joints):
            err_p = desired_p[j] - actual.positions[j]
            err_v = desired_v[j] - actual.velocities[j]
            if before_last_point:
                tol = self.tolerances.state[j]
                if (tol.position > 0 and abs(err_p) > tol.position) or (
                        tol.velocity > 0 and abs(err_v) > tol.velocity):
                    path_violation = path_violation or (
                        f"joint {name}: position error {err_p:.4f} (tolerance {tol.position}), velocity error "
                        f"{err_v:.4f} (tolerance {tol.velocity})")
            else:
                tol = self.tolerances.goal[j]
                speed = abs(actual.velocities[j])
                if (tol.position > 0 and abs(err_p) > tol.position) or (tol.velocity > 0 and speed > tol.velocity):
                    outside_goal = True
        hold_p, hold_v = tuple(actual.positions), (0.0,) * len(actual.positions)
        if path_violation:
            return Step(desired_positions=hold_p, desired_velocities=hold_v, actual=actual, hold=True,
                        outcome=(ErrorCode.PATH_TOLERANCE_VIOLATED,
                                 f"Aborted due to path tolerance violation: {path_violation}"))
        if before_last_point:
            return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual)
        if not outside_goal:
            return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual,
                        outcome=(ErrorCode.SUCCESSFUL, "Goal successfully reached!"))
        late = now - self.end_time
        if self.tolerances.goal_time != 0.0 and late > self.tolerances.goal_time:
            return Step(desired_positions=hold_p, desired_velocities=hold_v, actual=actual, hold=True,
                        outcome=(ErrorCode.GOAL_TOLERANCE_VIOLATED,
                                 f"Aborted due to goal_time_tolerance exceeding by {late:f} seconds"))
        return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual)


@dataclass
class ScaledClock:
    """Trajectory time that advances at ``scale`` x real time, as UR's scaled_joint_trajectory_controller
    advances its trajectory by period x speed scaling: at 0 the trajectory (and its tolerance clock) pauses."""

    now: float = 0.0
    _last_real: float | None = field(default=None, init=False)

    def advance(self, real_now: float, scale: float) -> float:
        if not (math.isfinite(scale) and scale >= 0.0):
            raise DriverError(f"speed scaling must be a finite value >= 0, got {scale}")
        if self._last_real is not None:
            self.now += max(0.0, real_now - self._last_real) * scale
        self._last_real = real_now
        return self.now
