"""JointTrajectoryController's interpolation and replacement rules (jazzy), against hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from robot.drivers.jtc_interpolation import (
    Delivery,
    StreamedTrajectory,
    TrajPointState,
    controller_commands,
    ideal_servo,
    interpolate,
)
from robot.drivers.ports import DriverError

B = 10.0
"""Controller time of the first cycle (JTC reads a last-command time of exactly 0 as "never commanded")."""


def _pt(t: float, p: float, v: float | None = None, a: float | None = None) -> TrajPointState:
    return TrajPointState(time_from_start=t, positions=np.array([p]),
                          velocities=None if v is None else np.array([v]),
                          accelerations=None if a is None else np.array([a]))


def test_positions_only_is_linear_and_clamped_outside_the_segment() -> None:
    s = interpolate(0.0, _pt(0, 0.0), 2.0, _pt(0, 4.0), 0.5)
    assert (s.positions[0], s.velocities[0], s.accelerations[0]) == pytest.approx((1.0, 2.0, 0.0))
    assert interpolate(0.0, _pt(0, 0.0), 2.0, _pt(0, 4.0), -1.0).positions[0] == 0.0
    assert interpolate(0.0, _pt(0, 0.0), 2.0, _pt(0, 4.0), 3.0).positions[0] == 4.0
    # One end without velocities is enough for linear, whatever the other carries.
    s = interpolate(0.0, _pt(0, 0.0, 5.0, 1.0), 2.0, _pt(0, 4.0), 1.0)
    assert (s.positions[0], s.velocities[0]) == pytest.approx((2.0, 2.0))


def test_velocities_make_it_cubic() -> None:
    s = interpolate(0.0, _pt(0, 0.0, 0.0), 1.0, _pt(0, 1.0, 0.0), 0.5)  # 3 s^2 - 2 s^3
    assert (s.positions[0], s.velocities[0], s.accelerations[0]) == pytest.approx((0.5, 1.5, 0.0))
    s = interpolate(0.0, _pt(0, 0.0, 0.0, 7.0), 1.0, _pt(0, 1.0, 0.0), 0.25)  # acceleration at one end only: cubic
    assert s.positions[0] == pytest.approx(3 * 0.25**2 - 2 * 0.25**3)


def test_velocities_and_accelerations_make_it_quintic() -> None:
    s = interpolate(0.0, _pt(0, 0.0, 0.0, 0.0), 1.0, _pt(0, 1.0, 0.0, 0.0), 0.5)  # 10 s^3 - 15 s^4 + 6 s^5
    assert (s.positions[0], s.velocities[0], s.accelerations[0]) == pytest.approx((0.5, 1.875, 0.0))
    # A cubic is its own quintic: x = 1 + 2t - 3t^2 + 0.5t^3 between t = 1 and 1.4, shifted by 10 s.
    x = lambda t: 1 + 2 * t - 3 * t**2 + 0.5 * t**3  # noqa: E731
    v = lambda t: 2 - 6 * t + 1.5 * t**2  # noqa: E731
    a = lambda t: -6 + 3 * t  # noqa: E731
    s = interpolate(11.0, _pt(0, x(1.0), v(1.0), a(1.0)), 11.4, _pt(0, x(1.4), v(1.4), a(1.4)), 11.3)
    assert (s.positions[0], s.velocities[0], s.accelerations[0]) == pytest.approx((x(1.3), v(1.3), a(1.3)), abs=1e-9)


def test_the_first_segment_starts_from_the_state_before_with_missing_fields_at_zero() -> None:
    traj = StreamedTrajectory([_pt(1.0, 1.0, 0.0, 0.0)])
    traj.set_point_before(5.0, _pt(0, 0.0))  # a measured state with positions only
    s = traj.sample(5.5)  # zero stamp: the first sample (5.5) is time zero, the point due at 6.5 -- from 5.0
    assert s.positions[0] == pytest.approx(10 * (0.5 / 1.5) ** 3 - 15 * (0.5 / 1.5) ** 4 + 6 * (0.5 / 1.5) ** 5)
    assert traj.sample(7.0).positions[0] == 1.0  # past the last point: held there


def test_bad_points_are_refused() -> None:
    with pytest.raises(DriverError, match="accelerations without velocities"):
        TrajPointState(positions=np.zeros(2), accelerations=np.zeros(2))
    with pytest.raises(DriverError, match="strictly increasing"):
        StreamedTrajectory([_pt(0.1, 0.0), _pt(0.1, 1.0)])
    with pytest.raises(DriverError, match="shape"):
        TrajPointState(positions=np.zeros(2), velocities=np.zeros(3))


def test_replacement_from_the_desired_state_places_it_at_the_previous_cycle() -> None:
    """interpolate_from_desired_state: the last command (written for this cycle) is placed at the cycle that wrote
    it, and each cycle writes the sample one period ahead: the first command after the switch is two periods
    along the new segment."""
    msg = Delivery(arrival=B + 0.0005, points=(_pt(0.015, 0.015),))
    run = controller_commands([msg], start=np.zeros(1), rate_hz=1000.0, t0=B, t_end=B + 0.02)
    c = run.commands[:, 0]
    assert c[0] == 0.0  # the hold on activation
    # Picked up at B+0.001; segment from (B, 0) to (B+0.016, 0.015); that cycle writes the sample at B+0.002.
    assert c[1] == pytest.approx(0.015 * 2 / 16) and c[2] == pytest.approx(0.015 * 3 / 16)
    assert c[15] == pytest.approx(0.015) and c[-1] == pytest.approx(0.015) and run.rejected == 0


def test_replacement_from_the_measured_state_starts_at_the_cycle() -> None:
    msg = Delivery(arrival=B + 0.0005, points=(_pt(0.015, 0.015),))
    run = controller_commands([msg], start=np.zeros(1), rate_hz=1000.0, t0=B, t_end=B + 0.02,
                              interpolate_from_desired_state=False, measured=ideal_servo(1000.0))
    c = run.commands[:, 0]
    assert c[1] == pytest.approx(0.015 * 1 / 15) and c[2] == pytest.approx(0.015 * 2 / 15)


def test_the_newest_message_wins_and_a_stamped_one_that_ended_is_rejected() -> None:
    late = Delivery(arrival=B + 0.0104, points=(_pt(0.005, 9.0),), stamp=B + 0.001)  # ended at B + 0.006
    first = Delivery(arrival=B + 0.0102, points=(_pt(0.010, 1.0),))
    second = Delivery(arrival=B + 0.0106, points=(_pt(0.010, 2.0),))  # same cycle (B + 0.011): only this one runs
    run = controller_commands([first, late, second], start=np.zeros(1), rate_hz=1000.0, t0=B, t_end=B + 0.05)
    assert run.rejected == 1 and late.rejected and not first.rejected
    assert run.commands[-1, 0] == pytest.approx(2.0) and run.commands[:, 0].max() == pytest.approx(2.0)
    assert not np.isin(9.0, run.commands)


def test_a_stamped_message_picked_up_late_starts_mid_way_on_its_own_clock() -> None:
    msg = Delivery(arrival=B + 0.0055, stamp=B + 0.001, points=(_pt(0.0, 0.0, 0.0, 0.0), _pt(0.01, 1.0, 0.0, 0.0)))
    run = controller_commands([msg], start=np.zeros(1), rate_hz=1000.0, t0=B, t_end=B + 0.012)
    s = (0.007 - 0.001) / 0.01  # cycle B+0.006 writes the sample at B+0.007 of the trajectory begun at B+0.001
    assert run.commands[6, 0] == pytest.approx(10 * s**3 - 15 * s**4 + 6 * s**5)


def test_a_stamp_in_the_controllers_future_writes_no_command_until_then() -> None:
    """``Trajectory::sample`` returns false before the stamp: JTC writes nothing and the joints keep the last
    command -- a stall that a bridge clock ahead of the controller's would cause on every message."""
    moving = Delivery(arrival=B + 0.0003, points=(_pt(0.0, 0.0, 0.0, 0.0), _pt(0.02, 2.0, 0.0, 0.0)))
    future = Delivery(arrival=B + 0.0053, stamp=B + 0.0085, points=(_pt(0.0, 1.0, 0.0, 0.0), _pt(0.01, 1.0, 0.0, 0.0)))
    run = controller_commands([moving, future], start=np.zeros(1), rate_hz=1000.0, t0=B, t_end=B + 0.02)
    # Cycle i (at B + i ms) writes the sample at B + (i + 1) ms: cycles 6 and 7 take the new message up but sample
    # before its stamp, so they write nothing new; cycle 8 samples past it.
    assert run.commands[5, 0] > 0.0 and run.commands[6, 0] == run.commands[7, 0] == run.commands[5, 0]
    assert run.commands[8, 0] == pytest.approx(1.0) and run.rejected == 0
