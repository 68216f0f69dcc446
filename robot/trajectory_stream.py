"""The points of each streamed JointTrajectory: what the controller interpolates between the bridge's commands.

ros2_controllers' JointTrajectoryController does not step from command to command: every 1 ms it samples a
spline from its state at the message's arrival to the first point, then between the points -- linear for
positions alone, quintic when the points carry velocities and accelerations (robot.drivers.jtc_interpolation).
One positions-only point per 10 ms command is a ramp whose slope changes every message: at 1 kHz its acceleration
and jerk are far beyond franka's limits although the 100 Hz commands are within them.

For a gate with the jerk-limited filter a message carries the filter's commanded motion itself, sampled at its
knots (``JerkLimitedFilter.knots``: plan starts and ruckig's phase switches), from ``horizon`` before the latest
command to where it comes to rest; time_from_start 0 is that first sample, the latest command is at ``horizon``
(one period plus margin: the next message arrives before the controller gets there). Between knots every joint
moves on one cubic, which the controller's quintic reproduces exactly, so

* the first segment -- from the controller's state on arrival -- is never interpolated: the point at 0 is where
  the controller already is when messages arrive one period apart. JTC's replacement from its own state places
  that state one cycle early (``interpolate_from_desired_state``) or at the measured, lagging arm (default): a
  first point further on would jump by a cycle's motion on every message;
* the last point is at rest (JTC refuses a trajectory whose last velocity is not zero), and a late message
  leaves the controller going on along the filter's plan instead of stopping dead on the command.

What remains is the delivery. With a zero header stamp (``arrival``: start on arrival, so no late message is
dropped, whatever the clocks) a message picked up one controller cycle earlier or later than the one before shifts
the motion by a cycle: under 1 ms of delivery jitter that is far beyond franka's limits (bench/command_filter.py).
With the tick's time as stamp (``tick``) the controller samples each message where the plan is at its own time,
whenever it picks the message up -- which needs the bridge's and the controller's clocks to agree: the stamp is
``back`` seconds before the tick (the clock offset the preflight tolerates, ``robot.clock_check``), so a
controller clock up to that much behind never finds the trajectory's start in its future (where JTC writes no
command, a stall of a cycle), and the points start there too, so no first segment is interpolated.
Without the filter (generic, UR) the message stays one positions-only point, as the velocity clamp commands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from robot.drivers.jtc_interpolation import TrajPointState
from robot.errors import ParameterError
from robot.safety.jerk_filter import HISTORY_S, JerkLimitedFilter

HORIZON_PERIODS = 1.5
"""time_from_start of the latest command, in control periods: one period for the next message to arrive before the
controller gets there, plus half a period of margin for its delivery (issue #15 item 5)."""

TICK_STAMP_TAIL_S = 0.5
"""Tick-stamped trajectories end with their rest point held this much longer (``StreamConfig.tail``): a message
up to 0.5 s late is still sampled where its plan is, not rejected as ended in the past (with 0.1 s, 61 of 5,960
were, bench/vendor_doubles.py under two CPU hogs at load average 10-20); the plan itself still ends at rest where
it did, and the controller's cmd_timeout counts from the tail's end."""


@dataclass(frozen=True, kw_only=True)
class StreamConfig:
    """``period``: the bridge's control period (s); ``horizon``: time after the tick at which the latest command is
    due (s), at least one period plus margin; ``lookahead``: "knots" (the filter's trajectory to rest, exact) or
    "none" (the latest command alone, with its velocity and acceleration); ``back``: how long before the tick the
    message's time zero lies (0 for a zero-stamped message, whose time zero is its arrival; a tick-stamped one is
    stamped ``back`` before the tick)."""

    period: float
    horizon: float
    lookahead: str = "knots"
    back: float = 0.0
    tail: float = 0.0
    """The last point again, at rest, this long after it: a stamped message delivered late is still valid then
    (JTC rejects one whose last point lies before its arrival) and is sampled where its plan is by then; it moves
    nothing (a segment between equal rest points stands still)."""

    def __post_init__(self) -> None:
        if not (isinstance(self.period, int | float) and math.isfinite(self.period) and self.period > 0):
            raise ParameterError(f"trajectory stream: period must be a positive number of seconds, got {self.period!r}")
        if not (isinstance(self.horizon, int | float) and math.isfinite(self.horizon)
                and self.horizon > self.period):
            raise ParameterError(f"trajectory stream: horizon must exceed one period ({self.period} s), got "
                                 f"{self.horizon!r}")
        if not (isinstance(self.back, int | float) and 0.0 <= self.back <= HISTORY_S - self.horizon):
            raise ParameterError(f"trajectory stream: back must be in [0, {HISTORY_S - self.horizon:g}] s, "
                                 f"got {self.back!r}")
        if not (isinstance(self.tail, int | float) and 0.0 <= self.tail <= 1.0):
            raise ParameterError(f"trajectory stream: tail must be in [0, 1] s, got {self.tail!r}")
        if self.lookahead not in LOOKAHEADS:
            raise ParameterError(f"trajectory stream: unknown lookahead {self.lookahead!r}; valid: "
                                 f"{', '.join(LOOKAHEADS)}")

    @classmethod
    def for_period(cls, period: float, *, horizon_periods: float = HORIZON_PERIODS,
                   lookahead: str = "knots", back: float = 0.0, tail: float = 0.0) -> StreamConfig:
        return cls(period=period, horizon=horizon_periods * period, lookahead=lookahead, back=back, tail=tail)

    @property
    def command_at(self) -> float:
        """time_from_start of the latest command."""
        return self.back + self.horizon


LOOKAHEADS = ("knots", "none")


def stream_points(arm: np.ndarray, jerk_filter: JerkLimitedFilter | None, config: StreamConfig
                  ) -> tuple[TrajPointState, ...]:
    """The points of the message that commands ``arm`` (the gate's latest command), time_from_start in seconds
    rounded to the message's nanoseconds; with ``config.tail`` the last one again, that much later."""
    points = _plan_points(arm, jerk_filter, config)
    if config.tail <= 0.0:
        return points
    last = points[-1]
    zeros = None if last.velocities is None else np.zeros_like(last.velocities)
    return (*points, TrajPointState(time_from_start=_ns(last.time_from_start + config.tail),
                                    positions=last.positions.copy(), velocities=zeros,
                                    accelerations=None if last.accelerations is None else np.zeros_like(zeros)))


def _plan_points(arm: np.ndarray, jerk_filter: JerkLimitedFilter | None, config: StreamConfig
                 ) -> tuple[TrajPointState, ...]:
    arm = np.asarray(arm, dtype=np.float64)
    span = config.command_at
    horizon = _ns(span)
    if jerk_filter is None:
        return (TrajPointState(time_from_start=horizon, positions=arm.copy()),)
    if config.lookahead == "none":
        return (TrajPointState(time_from_start=horizon, positions=arm.copy(), velocities=jerk_filter.velocity.copy(),
                               accelerations=jerk_filter.acceleration.copy()),)
    # The commanded motion from the message's time zero (`horizon` before the latest command: where the arm should
    # be at the tick; `back` earlier for a tick-stamped message) to rest: its knots, the latest command itself, and
    # that starting state at time_from_start 0.
    knots = jerk_filter.knots(back=span)
    offsets = np.unique(np.concatenate([[-span, 0.0], knots]))
    offsets = offsets[offsets >= -span]
    pos, vel, acc = jerk_filter.lookahead(offsets)
    pos[-1] = jerk_filter.heading  # exactly where it comes to rest (a sample at the rounded end time is ~1e-10 off)
    at_command = int(np.searchsorted(offsets, 0.0))
    pos[at_command] = arm  # the command as gated (the gate's clip can differ from the filter's sample by rounding)
    vel[-1], acc[-1] = 0.0, 0.0  # the last point (the end, or the command at rest) is at rest: exactly, as JTC checks
    points: list[TrajPointState] = []
    for offset, p, v, a in zip(offsets, pos, vel, acc, strict=True):
        at = _ns(span + float(offset))
        if points and at <= points[-1].time_from_start:
            continue  # within a nanosecond of the point before: the same state
        points.append(TrajPointState(time_from_start=at, positions=p, velocities=v, accelerations=a))
    return tuple(points)


def _ns(seconds: float) -> float:
    """``seconds`` as a builtin_interfaces/Duration carries it (whole nanoseconds)."""
    return round(seconds * 1e9) / 1e9


class TickStamps:
    """``header.stamp`` of tick-stamped messages (integer nanoseconds): the filter's own time
    (``JerkLimitedFilter.clock``, one period per command) mapped onto the bridge's clock, less ``back``.

    The plan's times are nominal ticks; the tick that sends a message runs a little late whenever the host is
    busy. Stamping the tick's *run* time would shift each message's plan by that wake-up jitter -- the very slip
    the stamp is there to remove -- so a message is stamped at its nominal time: an anchor (the tick's scheduled
    time when the mapping was made) plus the filter time since. The mapping is made again (``reanchors``) only
    when it would mislead the controller: a stamp in its future (the filter ran ahead of the schedule by more than
    ``back``: a reaction's extra commands, a reset of the filter's clock), or commands due before they are sent
    (the schedule ran ahead by more than ``horizon``: the control loop skipped ticks). Between those, a late tick
    changes nothing the controller samples. Integer nanoseconds: a float of seconds since 1970 resolves only
    ~0.2 us, a jitter the controller would turn into jerk."""

    def __init__(self, *, back: float, horizon: float) -> None:
        self.back_ns, self.horizon_ns = round(back * 1e9), round(horizon * 1e9)
        self._anchor: tuple[int, float] | None = None  # (bridge clock ns, filter clock s)
        self.reanchors = 0

    def stamp_ns(self, scheduled_ns: int, plan_clock: float | None) -> int:
        """The stamp of a message for the tick scheduled at ``scheduled_ns`` (bridge clock) with the filter at
        ``plan_clock`` (None: no filter, the tick's own time)."""
        if plan_clock is None:
            return scheduled_ns - self.back_ns
        if self._anchor is not None:
            wall, plan = self._anchor
            nominal = wall + round((plan_clock - plan) * 1e9)
            if -self.back_ns <= scheduled_ns - nominal <= self.horizon_ns:
                return nominal - self.back_ns
        self._anchor = (scheduled_ns, plan_clock)
        self.reanchors += 1
        return scheduled_ns - self.back_ns
