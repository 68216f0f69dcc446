"""Thresholds of the fault monitor (units: s, rad, rad/s, m; factors multiply the robot's datasheet limits)."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from robot.errors import ParameterError


@dataclass(frozen=True, kw_only=True)
class MonitorConfig:
    """Every detection threshold in one validated record; defaults suit a 100 Hz bridge on a 250 Hz stream."""

    control_period: float = 0.01
    stale_periods: float = 8.0
    """A joint state older than this many control periods is stale (arrival time, and stamp if checked)."""
    check_stamp_age: bool = True
    """Also judge the header stamp's age: catches delayed streams; needs the arm's and bridge's clocks in sync."""
    stamp_tolerance: float = 10.0
    """How far (s) a header stamp may lie behind its arrival before the stamp itself is wrong (``bad_stamp``)
    rather than the message late (``stale_state``): beyond what any transport delay explains (the sim arm's
    ``latency`` drill goes up to 5 s), short of the seconds-to-hours of a wrong clock. Ahead, a stamp may lead its
    arrival by at most the stale limit: the clocks must agree that well for the stamp-age check anyway. Without
    ``check_stamp_age`` (clocks not in sync) both are judged on the stamp's advance against the arrivals' since
    the previous accepted sample, with this tolerance."""
    frozen_repeats: int = 3
    jump_rad: float = 0.1
    """Allowed position change between samples beyond what the velocity limit explains."""
    position_margin: float = 0.01
    velocity_factor: float = 1.1
    effort_factor: float = 1.0
    check_effort: bool = True
    """False when the driver's effort field is not a joint torque (UR publishes motor current): no effort check,
    and the diagnostics say so."""
    tracking_tol: float = 0.02
    tracking_time: float = 0.15
    tracking_max: float = 0.3
    tracking_still_velocity: float = 0.02
    expected_state_rate_hz: float = 0.0
    """Nominal joint-state rate; 0 disables the rate check."""
    min_rate_fraction: float = 0.6
    rate_window: float = 0.2
    estop_heartbeat_timeout: float = 0.0
    """0: no heartbeat expected; otherwise the longest allowed gap between e-stop messages."""
    overrun_fraction: float = 0.5
    overrun_ticks: int = 3
    gripper_tolerance: float = 0.005
    gripper_stall_time: float = 1.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("check_stamp_age", "check_effort"):
                if not isinstance(value, bool):
                    raise ParameterError(f"monitor: {f.name} must be true or false, got {value!r}")
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ParameterError(f"monitor: {f.name} must be a finite number, got {value!r}")
            allow_zero = f.name in ("expected_state_rate_hz", "estop_heartbeat_timeout", "position_margin")
            if value < 0 or (value == 0 and not allow_zero):
                raise ParameterError(f"monitor: {f.name} must be {'>= 0' if allow_zero else '> 0'}, got {value!r}")
        for name in ("frozen_repeats", "overrun_ticks"):
            if not isinstance(getattr(self, name), int):
                raise ParameterError(f"monitor: {name} must be an integer, got {getattr(self, name)!r}")
        if self.min_rate_fraction > 1:
            raise ParameterError(f"monitor: min_rate_fraction must be in (0, 1], got {self.min_rate_fraction!r}")
        if self.tracking_tol >= self.tracking_max:
            raise ParameterError(f"monitor: tracking_tol ({self.tracking_tol}) must be below tracking_max "
                                 f"({self.tracking_max})")
