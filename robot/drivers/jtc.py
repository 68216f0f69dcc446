"""ros2_controllers' JointTrajectoryController semantics (jazzy branch), as plain logic driven tick by tick.

What a goal goes through, as in joint_trajectory_controller.cpp:
- ``validate_trajectory``: the checks that make JTC *reject* a goal (no result is ever sent): joint count and
  names (``allow_partial_joints_goal`` false), empty names or points, non-zero final velocity, a non-zero
  stamp whose end lies in the past, time_from_start not strictly increasing, point field sizes.
- ``resolve_tolerances``: the goal's tolerances over the controller's defaults: 0 keeps the default, -1 erases
  it (no check), below -1 is illegal (the defaults are used); a tolerance of 0 after resolution is not checked.
- ``TrajectoryExecution.step``: sample the trajectory as JTC's ``Trajectory::sample`` does
  (``robot.drivers.jtc_interpolation``: linear, cubic or quintic segments; from the measured state at acceptance,
  or the last command with ``interpolate_from_desired_state``; the command one update period ahead), check the
  path tolerance while before the last point (abort ``PATH_TOLERANCE_VIOLATED`` and hold the measured position),
  after the last point succeed once inside the goal tolerance, or abort ``GOAL_TOLERANCE_VIOLATED`` when
  goal_time_tolerance (if non-zero) has passed; with a zero goal_time_tolerance it waits, as JTC does.
- ``ScaledClock``: the trajectory time of UR's scaled JTC (speed scaling 0 pauses the trajectory).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

from robot.drivers.jtc_interpolation import StreamedTrajectory, TrajPointState
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
    interpolate_from_desired_state: bool = False
    """JTC's parameter: a new trajectory starts from the last command (True) or the measured state (False)."""

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
    """The trajectory at the tick's time (what the tolerances judge; feedback's ``desired``)."""
    actual: JointReading
    outcome: tuple[ErrorCode, str] | None = None
    hold: bool = False  # the targets are a hold at the measured position (abort), not the trajectory
    command_positions: tuple[float, ...] = ()
    command_velocities: tuple[float, ...] = ()
    """What the tick commands: the trajectory one update period ahead (the desired state when empty: a hold)."""

    @property
    def command(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        if self.command_positions:
            return self.command_positions, self.command_velocities
        return self.desired_positions, self.desired_velocities


@dataclass
class TrajectoryExecution:
    """One accepted goal (or topic trajectory), from the state before it to its last point, tick by tick, sampled
    by JTC's own rules (``robot.drivers.jtc_interpolation.StreamedTrajectory``): linear, cubic or quintic segments
    by the fields the points carry; before the first point, a segment from the state before the trajectory -- the
    measured state at acceptance, or with ``interpolate_from_desired_state`` the last command at its time; a
    stamp in the past skips the points already due (the trajectory is sampled where it is by now), one in the
    future writes no new command until then (the state before holds); each tick commands the trajectory one
    ``update_period`` ahead, as JTC's ``command_next_``, and judges the tolerances at the tick's own time."""

    config: JtcConfig
    joint_names: Sequence[str]
    points: Sequence[TrajPoint]
    tolerances: SegmentTolerances
    start_state: JointReading
    start_time: float  # trajectory time zero: the header stamp, or the acceptance time for a zero stamp
    accepted_at: float | None = None  # when start_state was measured (default: start_time)
    update_period: float = 0.0
    """The controller's update period: each tick commands the sample this far ahead (0: the tick's own)."""
    desired_state: tuple[float, JointReading] | None = None
    """The last command and its time, the state before with ``config.interpolate_from_desired_state``."""
    _trajectory: StreamedTrajectory = field(init=False)

    def __post_init__(self) -> None:
        # Joints the goal leaves out (partial goals) hold their position at acceptance.
        index = {name: i for i, name in enumerate(self.joint_names)}
        start = np.asarray(self.start_state.positions, dtype=np.float64)

        def full(values: Sequence[float], fill: np.ndarray) -> np.ndarray:
            out = fill.copy()
            for j, name in enumerate(self.config.joints):
                if name in index:
                    out[j] = values[index[name]]
            return out

        zeros = np.zeros_like(start)
        points = [TrajPointState(time_from_start=p.time_from_start, positions=full(p.positions, start),
                                 velocities=full(p.velocities, zeros) if p.velocities else None,
                                 accelerations=full(p.accelerations, zeros) if p.velocities and p.accelerations
                                 else None)
                  for p in self.points]
        self._trajectory = StreamedTrajectory(points, start_time=self.start_time)
        accepted = self.start_time if self.accepted_at is None else self.accepted_at
        if self.config.interpolate_from_desired_state and self.desired_state is not None:
            at, state = self.desired_state
        else:
            at, state = accepted, self.start_state
        self._before = TrajPointState(positions=np.asarray(state.positions, dtype=np.float64),
                                      velocities=np.asarray(state.velocities, dtype=np.float64))
        self._trajectory.set_point_before(at, self._before)

    @property
    def end_time(self) -> float:
        return self.start_time + self.points[-1].time_from_start

    def sample(self, now: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Desired positions and velocities at ``now`` (the last point's after the end). Before a future stamp JTC
        writes no command, so the joints keep the last one written: the last command when the server passes it
        (``desired_state``), else the state before the trajectory."""
        got = self._trajectory.sample_valid(now)
        if got is None:
            held = self._before.positions if self.desired_state is None else self.desired_state[1].positions
            return tuple(float(p) for p in held), (0.0,) * len(held)
        return tuple(got.positions.tolist()), tuple(got.velocities.tolist())

    def step(self, now: float, actual: JointReading) -> Step:
        desired_p, desired_v = self.sample(now)
        if self._trajectory.sample_valid(now) is None:
            # Before a future stamp JTC's sample fails: it checks no tolerance and writes nothing (the held command).
            return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual,
                        command_positions=desired_p, command_velocities=desired_v)
        command_p, command_v = self.sample(now + self.update_period) if self.update_period else (desired_p, desired_v)
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
            return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual,
                        command_positions=command_p, command_velocities=command_v)
        if not outside_goal:
            return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual,
                        command_positions=command_p, command_velocities=command_v,
                        outcome=(ErrorCode.SUCCESSFUL, "Goal successfully reached!"))
        late = now - self.end_time
        if self.tolerances.goal_time != 0.0 and late > self.tolerances.goal_time:
            return Step(desired_positions=hold_p, desired_velocities=hold_v, actual=actual, hold=True,
                        outcome=(ErrorCode.GOAL_TOLERANCE_VIOLATED,
                                 f"Aborted due to goal_time_tolerance exceeding by {late:f} seconds"))
        return Step(desired_positions=desired_p, desired_velocities=desired_v, actual=actual,
                    command_positions=command_p, command_velocities=command_v)


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
