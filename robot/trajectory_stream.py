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

What remains is the delivery: a message picked up one controller cycle earlier or later than the one before
shifts the motion by a cycle (the header stamp is zero: start on arrival, so that no late message is dropped).
Without the filter (generic, UR) the message stays one positions-only point, as the velocity clamp commands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from robot.drivers.jtc_interpolation import TrajPointState
from robot.errors import ParameterError
from robot.safety.jerk_filter import JerkLimitedFilter

HORIZON_PERIODS = 1.5
"""time_from_start of the latest command, in control periods: one period for the next message to arrive before the
controller gets there, plus half a period of margin for its delivery (issue #15 item 5)."""


@dataclass(frozen=True, kw_only=True)
class StreamConfig:
    """``period``: the bridge's control period (s); ``horizon``: time_from_start of the latest command (s), at
    least one period plus margin; ``lookahead``: "knots" (the filter's trajectory to rest, exact) or "none" (the
    latest command alone, with its velocity and acceleration)."""

    period: float
    horizon: float
    lookahead: str = "knots"

    def __post_init__(self) -> None:
        if not (isinstance(self.period, int | float) and math.isfinite(self.period) and self.period > 0):
            raise ParameterError(f"trajectory stream: period must be a positive number of seconds, got {self.period!r}")
        if not (isinstance(self.horizon, int | float) and math.isfinite(self.horizon)
                and self.horizon > self.period):
            raise ParameterError(f"trajectory stream: horizon must exceed one period ({self.period} s), got "
                                 f"{self.horizon!r}")
        if self.lookahead not in LOOKAHEADS:
            raise ParameterError(f"trajectory stream: unknown lookahead {self.lookahead!r}; valid: "
                                 f"{', '.join(LOOKAHEADS)}")

    @classmethod
    def for_period(cls, period: float, *, horizon_periods: float = HORIZON_PERIODS,
                   lookahead: str = "knots") -> StreamConfig:
        return cls(period=period, horizon=horizon_periods * period, lookahead=lookahead)


LOOKAHEADS = ("knots", "none")


def stream_points(arm: np.ndarray, jerk_filter: JerkLimitedFilter | None, config: StreamConfig
                  ) -> tuple[TrajPointState, ...]:
    """The points of the message that commands ``arm`` (the gate's latest command), time_from_start in seconds
    rounded to the message's nanoseconds."""
    arm = np.asarray(arm, dtype=np.float64)
    horizon = _ns(config.horizon)
    if jerk_filter is None:
        return (TrajPointState(time_from_start=horizon, positions=arm.copy()),)
    if config.lookahead == "none":
        return (TrajPointState(time_from_start=horizon, positions=arm.copy(), velocities=jerk_filter.velocity.copy(),
                               accelerations=jerk_filter.acceleration.copy()),)
    # The commanded motion from `horizon` before the latest command (where the arm should be when this arrives) to
    # rest: its knots, the latest command itself, and that starting state at time_from_start 0.
    knots = jerk_filter.knots(back=config.horizon)
    offsets = np.unique(np.concatenate([[-config.horizon, 0.0], knots]))
    offsets = offsets[offsets >= -config.horizon]
    pos, vel, acc = jerk_filter.lookahead(offsets)
    pos[-1] = jerk_filter.heading  # exactly where it comes to rest (a sample at the rounded end time is ~1e-10 off)
    at_command = int(np.searchsorted(offsets, 0.0))
    pos[at_command] = arm  # the command as gated (the gate's clip can differ from the filter's sample by rounding)
    vel[-1], acc[-1] = 0.0, 0.0  # the last point (the end, or the command at rest) is at rest: exactly, as JTC checks
    points: list[TrajPointState] = []
    for offset, p, v, a in zip(offsets, pos, vel, acc, strict=True):
        at = _ns(config.horizon + float(offset))
        if points and at <= points[-1].time_from_start:
            continue  # within a nanosecond of the point before: the same state
        points.append(TrajPointState(time_from_start=at, positions=p, velocities=v, accelerations=a))
    return tuple(points)


def _ns(seconds: float) -> float:
    """``seconds`` as a builtin_interfaces/Duration carries it (whole nanoseconds)."""
    return round(seconds * 1e9) / 1e9
