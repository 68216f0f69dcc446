"""Per-joint command limits (velocity, acceleration, jerk) and the count of commands beyond them.

A driver that takes position commands (franka_ros2 / libfranka) judges the commanded sequence by its finite
differences at the control period and answers a step beyond its velocity, acceleration or jerk limit with a
reflex. :func:`limit_violations` applies that judgement to any recorded command sequence, so a test, a bench
and the vendor doubles count "commands beyond limits" the same way the driver would.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from robot.errors import ParameterError

LIMIT_TOLERANCE = 1e-9
"""Relative slack of the check: a difference equal to the limit up to float rounding is within it."""


class HasMotionLimits(Protocol):
    """Anything with per-joint limits under the vendor profile's names (``VendorProfile``, ``MotionLimits``,
    ``GateConfig``); an empty tuple is a limit that is not checked."""

    @property
    def max_velocity(self) -> tuple[float, ...]: ...

    @property
    def max_acceleration(self) -> tuple[float, ...]: ...

    @property
    def max_jerk(self) -> tuple[float, ...]: ...


def check_limit_tuple(where: str, name: str, value: Any, *, size: int | None = None) -> None:
    """Raise ParameterError unless ``value`` is a tuple of positive finite numbers (of ``size`` when given)."""
    if not isinstance(value, tuple) or any(isinstance(v, bool) or not isinstance(v, int | float)
                                           or not math.isfinite(v) or v <= 0 for v in value):
        raise ParameterError(f"{where}: {name} must be a tuple of positive finite numbers, got {value!r}")
    if size is not None and value and len(value) != size:
        raise ParameterError(f"{where}: {name} has {len(value)} values, the arm has {size} joints")


@dataclass(frozen=True, kw_only=True)
class MotionLimits:
    """Per-joint velocity (rad/s), acceleration (rad/s^2) and jerk (rad/s^3) limits; empty = not limited."""

    max_velocity: tuple[float, ...] = ()
    max_acceleration: tuple[float, ...] = ()
    max_jerk: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        sizes = set()
        for name in ("max_velocity", "max_acceleration", "max_jerk"):
            value = getattr(self, name)
            check_limit_tuple("motion limits", name, value)
            if value:
                sizes.add(len(value))
        if len(sizes) > 1:
            raise ParameterError(f"motion limits: velocity, acceleration and jerk limits name different joint "
                                 f"counts: {self.max_velocity!r}, {self.max_acceleration!r}, {self.max_jerk!r}")

    @classmethod
    def of(cls, source: HasMotionLimits) -> MotionLimits:
        """The limits of a vendor profile, gate config or any object with the three fields."""
        return cls(max_velocity=tuple(source.max_velocity), max_acceleration=tuple(source.max_acceleration),
                   max_jerk=tuple(source.max_jerk))


@dataclass(frozen=True, kw_only=True)
class LimitViolations:
    """How a command sequence fares against per-joint limits (finite differences at the control period).

    Counts are of command samples: a sample whose velocity (from the previous command), acceleration (from the
    two previous) or jerk (three previous) exceeds the limit of any joint. ``worst_*`` is the largest
    ``|difference| / limit`` over every joint and sample (0.0 when that limit is not checked or the sequence is
    too short); above 1 is beyond the limit."""

    commands: int
    samples: int
    velocity: int
    acceleration: int
    jerk: int
    worst_velocity: float
    worst_acceleration: float
    worst_jerk: float

    def to_dict(self) -> dict[str, float | int]:
        return {"commands": self.commands, "beyond_limits": self.samples, "velocity": self.velocity,
                "acceleration": self.acceleration, "jerk": self.jerk,
                "worst_velocity_ratio": self.worst_velocity, "worst_acceleration_ratio": self.worst_acceleration,
                "worst_jerk_ratio": self.worst_jerk}


def limit_violations(commands: Sequence[Sequence[float]] | np.ndarray, period: float, limits: HasMotionLimits, *,
                     at_rest_before: bool = False, restarts: Sequence[bool] | None = None,
                     tolerance: float = LIMIT_TOLERANCE) -> LimitViolations:
    """Count the commands in ``commands`` (one row of joint positions per control period, in order, with no
    gap) that go beyond ``limits`` -- a ``VendorProfile``, ``MotionLimits`` or ``GateConfig``.

    ``at_rest_before``: the arm stood still at the first command before it (a re-arm starts from rest), so the
    first commands' accelerations and jerks count from zero velocity; otherwise only differences within the
    sequence are judged. ``restarts``: one flag per command, True where an unbroken run starts afresh (a re-arm's
    ``resume`` command, or the first after a gap); each run is judged on its own (``at_rest_before`` applies to
    every run) and the counts add up."""
    if restarts is not None:
        x = np.asarray(commands, dtype=np.float64)
        if len(restarts) != len(x):
            raise ParameterError(f"limit_violations: {len(restarts)} restart flags for {len(x)} commands")
        starts = sorted({0, *(i for i, r in enumerate(restarts) if r)}) if len(x) else []
        parts = [limit_violations(x[a:b], period, limits, at_rest_before=at_rest_before, tolerance=tolerance)
                 for a, b in zip(starts, [*starts[1:], len(x)], strict=True)]
        return LimitViolations(
            commands=len(x), samples=sum(p.samples for p in parts), velocity=sum(p.velocity for p in parts),
            acceleration=sum(p.acceleration for p in parts), jerk=sum(p.jerk for p in parts),
            worst_velocity=max((p.worst_velocity for p in parts), default=0.0),
            worst_acceleration=max((p.worst_acceleration for p in parts), default=0.0),
            worst_jerk=max((p.worst_jerk for p in parts), default=0.0))
    if not (isinstance(period, int | float) and math.isfinite(period) and period > 0):
        raise ParameterError(f"limit_violations: period must be a positive number of seconds, got {period!r}")
    x = np.asarray(commands, dtype=np.float64)
    if x.ndim != 2:
        raise ParameterError(f"limit_violations: commands must be rows of joint positions, got shape {x.shape}")
    n_cmd = x.shape[0]
    if at_rest_before and n_cmd:
        x = np.concatenate([np.repeat(x[:1], 3, axis=0), x])
    flagged = np.zeros(x.shape[0], dtype=bool)
    counts: list[int] = []
    worst: list[float] = []
    diff = x
    for order, (name, limit) in enumerate((("max_velocity", limits.max_velocity),
                                           ("max_acceleration", limits.max_acceleration),
                                           ("max_jerk", limits.max_jerk)), start=1):
        diff = np.diff(diff, axis=0) / period
        if not limit or diff.shape[0] == 0:
            counts.append(0)
            worst.append(0.0)
            continue
        bound = np.asarray(limit, dtype=np.float64)
        if bound.shape != (x.shape[1],):
            raise ParameterError(f"limit_violations: {name} has {bound.size} values, the commands {x.shape[1]} "
                                 f"joints")
        ratio = np.abs(diff) / bound
        ratio = np.where(np.isfinite(ratio), ratio, np.inf)  # a non-finite command is beyond every limit
        over = (ratio > 1.0 + tolerance).any(axis=1)
        flagged[order:] |= over
        counts.append(int(over.sum()))
        worst.append(float(ratio.max()))
    samples = int(flagged[-n_cmd:].sum()) if n_cmd else 0
    return LimitViolations(commands=n_cmd, samples=samples, velocity=counts[0], acceleration=counts[1],
                           jerk=counts[2], worst_velocity=worst[0], worst_acceleration=worst[1],
                           worst_jerk=worst[2])
