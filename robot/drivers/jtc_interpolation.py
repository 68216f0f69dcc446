"""How ros2_controllers' JointTrajectoryController (jazzy) turns streamed JointTrajectory messages into the
position it commands every controller period -- to judge a command stream as the arm receives it.

Rules, as in ``joint_trajectory_controller/src/trajectory.cpp`` and ``joint_trajectory_controller.cpp``:

* Segment interpolation (``Trajectory::interpolate_between_points``), chosen per segment by the fields *both*
  ends carry: positions only -> linear; positions + velocities -> cubic; positions + velocities + accelerations
  -> quintic. A sample before the segment start or after its end is clamped there, and then linear.
* Before the first point (``Trajectory::sample``) the segment runs from the *state before the message*: set on
  the message's first sample (``set_point_before_trajectory_msg``) from the measured state (default), or with
  ``interpolate_from_desired_state`` from the last command and the time of the cycle that wrote it. Velocities
  and accelerations that state lacks but the first point carries are taken as zero.
* Replacement: the newest message that arrived before a cycle replaces the trajectory in force (one held: two
  arriving within a cycle, the later wins). A zero ``header.stamp`` makes that cycle the trajectory's time zero;
  a non-zero one is the time zero itself: a cycle before it writes no command (``sample`` returns false, the
  joints keep the last command), a cycle after it samples the trajectory where it is by then (points already
  past are skipped), and a trajectory whose last point lies before the arrival is rejected.
* Each cycle writes ``command_next_``: the trajectory sampled one update period ahead of the cycle's time. After
  the last point the last point's positions are held.
* Until a trajectory arrives the controller holds the state it was activated at.

Franka's controller state interfaces are position and velocity (franka_bringup's fr3_arm_controller), so the
measured state carries no acceleration: a default-mode replacement restarts from acceleration zero.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from robot.drivers.ports import DriverError


@dataclass(frozen=True, kw_only=True)
class TrajPointState:
    """A JointTrajectoryPoint (or a controller state): positions, and velocities/accelerations when carried."""

    time_from_start: float = 0.0
    positions: np.ndarray
    velocities: np.ndarray | None = None
    accelerations: np.ndarray | None = None

    def __post_init__(self) -> None:
        n = np.shape(self.positions)
        for name in ("velocities", "accelerations"):
            value = getattr(self, name)
            if value is not None and np.shape(value) != n:
                raise DriverError(f"trajectory point: {name} has shape {np.shape(value)}, positions {n}")
        if self.accelerations is not None and self.velocities is None:
            # JTC interpolates neither way then (its output positions stay zero): never a stream to send.
            raise DriverError("trajectory point: accelerations without velocities are not interpolated by JTC")


@dataclass(frozen=True, kw_only=True)
class Sample:
    """An interpolated state: positions, velocities, accelerations (zeros where the interpolation gives none)."""

    positions: np.ndarray
    velocities: np.ndarray
    accelerations: np.ndarray


def interpolate(time_a: float, a: TrajPointState, time_b: float, b: TrajPointState, sample_time: float) -> Sample:
    """``Trajectory::interpolate_between_points``: the state at ``sample_time`` on the segment from ``a`` at
    ``time_a`` to ``b`` at ``time_b``; linear, cubic or quintic by the fields both ends carry."""
    p0, p1 = np.asarray(a.positions, dtype=np.float64), np.asarray(b.positions, dtype=np.float64)
    zeros = np.zeros_like(p0)
    span = time_b - time_a
    s = sample_time - time_a
    has_vel = a.velocities is not None and b.velocities is not None
    has_acc = a.accelerations is not None and b.accelerations is not None
    if s < 0.0:
        s, has_vel, has_acc = 0.0, False, False
    if s > span:
        s, has_vel, has_acc = span, False, False
    if not has_vel:  # linear (JTC's branch for no velocity; accelerations alone never reach here)
        slope = (p1 - p0) / span if span != 0.0 else zeros
        return Sample(positions=p0 + s * slope, velocities=slope.copy(), accelerations=zeros)
    assert a.velocities is not None and b.velocities is not None
    v0, v1 = np.asarray(a.velocities, dtype=np.float64), np.asarray(b.velocities, dtype=np.float64)
    if not has_acc:  # cubic Hermite
        c2 = c3 = zeros
        if span != 0.0:
            c2 = (-3.0 * p0 + 3.0 * p1 - 2.0 * v0 * span - v1 * span) / span**2
            c3 = (2.0 * p0 - 2.0 * p1 + v0 * span + v1 * span) / span**3
        return Sample(positions=p0 + v0 * s + c2 * s**2 + c3 * s**3, velocities=v0 + 2.0 * c2 * s + 3.0 * c3 * s**2,
                      accelerations=2.0 * c2 + 6.0 * c3 * s)
    assert a.accelerations is not None and b.accelerations is not None
    a0, a1 = np.asarray(a.accelerations, dtype=np.float64), np.asarray(b.accelerations, dtype=np.float64)
    c3 = c4 = c5 = zeros
    if span != 0.0:
        t1, t2 = span, span**2
        c3 = (-20.0 * p0 + 20.0 * p1 - 3.0 * a0 * t2 + a1 * t2 - 12.0 * v0 * t1 - 8.0 * v1 * t1) / (2.0 * span**3)
        c4 = (30.0 * p0 - 30.0 * p1 + 3.0 * a0 * t2 - 2.0 * a1 * t2 + 16.0 * v0 * t1 + 14.0 * v1 * t1) / (2.0 * span**4)
        c5 = (-12.0 * p0 + 12.0 * p1 - a0 * t2 + a1 * t2 - 6.0 * v0 * t1 - 6.0 * v1 * t1) / (2.0 * span**5)
    return Sample(positions=p0 + v0 * s + 0.5 * a0 * s**2 + c3 * s**3 + c4 * s**4 + c5 * s**5,
                  velocities=v0 + a0 * s + 3.0 * c3 * s**2 + 4.0 * c4 * s**3 + 5.0 * c5 * s**4,
                  accelerations=a0 + 6.0 * c3 * s + 12.0 * c4 * s**2 + 20.0 * c5 * s**3)


class StreamedTrajectory:
    """One received message from its first sample on: ``Trajectory`` of trajectory.cpp. ``stamp`` 0: time zero is
    the first sample's time (start on arrival); else time zero is the stamp, on the sampler's clock.
    ``start_time`` fixes time zero on the sampler's clock explicitly (a stamped message whose stamp the sampler
    converted to its own time, which may be 0)."""

    def __init__(self, points: Sequence[TrajPointState], *, stamp: float = 0.0,
                 start_time: float | None = None) -> None:
        if not points:
            raise DriverError("trajectory: no points")
        times = [p.time_from_start for p in points]
        if any(t1 <= t0 for t0, t1 in itertools.pairwise(times)):
            raise DriverError(f"trajectory: time_from_start not strictly increasing: {times}")
        self.points = list(points)
        self._times = times
        self.stamp = stamp
        self._fixed_start = start_time
        self.start_time: float | None = None
        self._before: tuple[float, TrajPointState] | None = None

    @property
    def sampled_already(self) -> bool:
        return self.start_time is not None

    def fix_start(self, sample_time: float) -> float:
        """Time zero, fixed on the first call (``was_trajectory_sampled_``): the stamp, or this sample's time."""
        if self.start_time is None:
            if self._fixed_start is not None:
                self.start_time = self._fixed_start
            else:
                self.start_time = self.stamp if self.stamp != 0.0 else sample_time
        return self.start_time

    def sample_valid(self, sample_time: float) -> Sample | None:
        """``Trajectory::sample``'s verdict too: None before the trajectory's time zero (a stamp in the sampler's
        future), where JTC writes no command that cycle and the joints keep the last one."""
        if sample_time < self.fix_start(sample_time):
            return None
        return self.sample(sample_time)

    def set_point_before(self, time: float, state: TrajPointState) -> None:
        """``set_point_before_trajectory_msg``: where the segment to the first point starts; fields the state lacks
        but the first point carries start at zero."""
        first = self.points[0]
        vel = state.velocities
        acc = state.accelerations
        if vel is None and first.velocities is not None:
            vel = np.zeros_like(np.asarray(state.positions, dtype=np.float64))
        if acc is None and first.accelerations is not None:
            acc = np.zeros_like(np.asarray(state.positions, dtype=np.float64))
        if acc is not None and vel is None:
            acc = None  # JTC would not interpolate it (see TrajPointState)
        self._before = (time, TrajPointState(positions=np.asarray(state.positions, dtype=np.float64), velocities=vel,
                                             accelerations=acc))

    def sample(self, sample_time: float) -> Sample:
        """``Trajectory::sample`` with interpolation; the first call fixes a zero stamp's time zero."""
        self.fix_start(sample_time)
        assert self.start_time is not None
        if self._before is None:
            raise DriverError("trajectory: sampled before the state before it was set")
        t = sample_time - self.start_time
        times = self._times
        if t < times[0]:
            before_at, before = self._before
            return interpolate(before_at, before, self.start_time + times[0], self.points[0], sample_time)
        i = bisect.bisect_right(times, t) - 1
        if i < len(times) - 1:
            return interpolate(self.start_time + times[i], self.points[i], self.start_time + times[i + 1],
                               self.points[i + 1], sample_time)
        last = self.points[-1]
        zeros = np.zeros_like(np.asarray(last.positions, dtype=np.float64))
        return Sample(positions=np.asarray(last.positions, dtype=np.float64).copy(),
                      velocities=zeros if last.velocities is None else np.asarray(last.velocities).copy(),
                      accelerations=zeros if last.accelerations is None else np.asarray(last.accelerations).copy())


@dataclass(frozen=True, kw_only=True)
class Delivery:
    """A message and when it reached the controller (its subscription callback ran); ``stamp`` 0: start on
    arrival, else the trajectory's time zero on the controller's clock."""

    arrival: float
    points: tuple[TrajPointState, ...]
    stamp: float = 0.0

    @property
    def rejected(self) -> bool:
        """JTC's ``validate_trajectory_msg``: a stamped trajectory that ended before it arrived is dropped."""
        return self.stamp != 0.0 and self.stamp + self.points[-1].time_from_start < self.arrival


@dataclass(frozen=True, kw_only=True)
class ControllerRun:
    """The position command written each controller cycle, and how many messages JTC rejected."""

    commands: np.ndarray
    rejected: int


MeasuredState = Callable[[int, Sequence[np.ndarray]], TrajPointState]
"""The measured state at cycle ``i`` given the position commands written so far (rows), for the default mode."""


def ideal_servo(rate_hz: float, lag_cycles: int = 1) -> MeasuredState:
    """An arm exactly at the command written ``lag_cycles`` cycles earlier, with that command's finite-difference
    velocity (position and velocity state interfaces, as franka's): the best tracking a real arm could offer."""
    if lag_cycles < 1:
        raise DriverError(f"ideal_servo: lag_cycles must be >= 1, got {lag_cycles}")

    def measured(_cycle: int, written: Sequence[np.ndarray]) -> TrajPointState:
        pos = written[max(0, len(written) - lag_cycles)]
        prev = written[max(0, len(written) - lag_cycles - 1)]
        return TrajPointState(positions=pos.copy(), velocities=(pos - prev) * rate_hz)

    return measured


def controller_commands(deliveries: Sequence[Delivery], *, start: np.ndarray, rate_hz: float, t0: float,
                        t_end: float, interpolate_from_desired_state: bool = True,
                        measured: MeasuredState | None = None) -> ControllerRun:
    """The position command JTC writes each cycle from ``t0`` (cycle times ``t0 + i / rate_hz``) to ``t_end``,
    given ``deliveries`` (in arrival order) and an arm at rest at ``start`` when the controller was activated.

    ``measured``: the measured state a default-mode replacement (``interpolate_from_desired_state`` False) starts
    from; :func:`ideal_servo` (one cycle behind) when not given."""
    if not (math.isfinite(rate_hz) and rate_hz > 0):
        raise DriverError(f"controller rate must be a positive number of Hz, got {rate_hz!r}")
    dt = 1.0 / rate_hz
    start = np.asarray(start, dtype=np.float64)
    rest = TrajPointState(positions=start.copy(), velocities=np.zeros_like(start), accelerations=np.zeros_like(start))
    measured = measured or ideal_servo(rate_hz)
    # On activation: a hold at the activation state, which is also the last command.
    current = StreamedTrajectory([TrajPointState(positions=start.copy())])
    last_cmd: TrajPointState = rest
    last_cmd_time = 0.0
    written: list[np.ndarray] = [start.copy()]
    pending = sorted((d for d in deliveries if not d.rejected), key=lambda d: d.arrival)
    k = 0
    traj_time = t0
    out: list[np.ndarray] = []
    n_cycles = math.floor((t_end - t0) / dt + 1e-9) + 1
    for i in range(n_cycles):
        now = t0 + i * dt
        newest: Delivery | None = None
        while k < len(pending) and pending[k].arrival <= now:
            newest = pending[k]
            k += 1
        if newest is not None:
            current = StreamedTrajectory(newest.points, stamp=newest.stamp)
        if not current.sampled_already:
            if interpolate_from_desired_state:
                if abs(last_cmd_time) < np.finfo(np.float32).eps:
                    last_cmd_time = now
                current.set_point_before(last_cmd_time, last_cmd)
            else:
                current.set_point_before(now, measured(i, written))
            traj_time = now
        else:
            traj_time += dt
        current.fix_start(traj_time)  # state_desired_'s sample (the first one fixes a zero stamp's time zero)
        nxt = current.sample_valid(traj_time + dt)
        if nxt is None:  # a stamp still in the future: no command written, the joints keep the last one
            written.append(written[-1])
            out.append(written[-1])
            continue
        last_cmd = TrajPointState(positions=nxt.positions, velocities=nxt.velocities, accelerations=nxt.accelerations)
        last_cmd_time = now
        written.append(nxt.positions)
        out.append(nxt.positions)
    return ControllerRun(commands=np.array(out), rejected=len(deliveries) - len(pending))
