"""limit_violations: commands beyond velocity, acceleration and jerk limits, counted as a driver judges them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from robot.errors import ParameterError
from robot.safety.motion_limits import MotionLimits, limit_violations
from robot.vendor_profiles import FRANKA, GENERIC

P = 0.01
LIMITS = MotionLimits(max_velocity=(1.0, 2.0), max_acceleration=(10.0, 10.0), max_jerk=(1000.0, 1000.0))


def _constant_jerk(j: float, ticks: int) -> np.ndarray:
    """Samples of x(t) = j t^3 / 6 from rest: its third finite difference is exactly j (up to rounding)."""
    t = np.arange(ticks) * P
    return np.stack([j * t**3 / 6, np.zeros(ticks)], axis=1)


def test_a_sequence_within_every_limit_counts_nothing_and_reports_its_worst_ratios() -> None:
    x = _constant_jerk(250.0, 5)  # a reaches 250 * 0.03 = 7.5 rad/s^2, v 0.2 rad/s
    res = limit_violations(x, P, LIMITS)
    assert res.samples == res.velocity == res.acceleration == res.jerk == 0 and res.commands == 5
    assert res.worst_jerk == pytest.approx(0.25)
    assert 0 < res.worst_velocity < 1 and 0 < res.worst_acceleration < 1


def test_each_kind_of_excess_is_counted_at_its_own_sample() -> None:
    x = np.zeros((6, 2))
    x[3, 1] = 0.021  # joint 1: 2.1 rad/s for one step, then back
    res = limit_violations(x, P, LIMITS)
    # v beyond at samples 3 and 4; a: at 3 (210), 4 (-420) and 5 (210); jerk from sample 3 on.
    assert (res.velocity, res.acceleration, res.jerk, res.samples) == (2, 3, 3, 3)
    assert res.worst_velocity == pytest.approx(1.05)
    assert res.to_dict()["beyond_limits"] == 3


def test_a_step_at_exactly_the_limit_is_within_it() -> None:
    x = np.zeros((2, 2))
    x[1] = (0.01, 0.02)  # exactly the velocity limits
    res = limit_violations(x, P, MotionLimits(max_velocity=(1.0, 2.0)))
    assert res.samples == 0 and res.worst_velocity == pytest.approx(1.0)


def test_at_rest_before_judges_the_first_commands_from_standstill() -> None:
    x = np.array([[0.0, 0.0], [0.005, 0.0]])  # 0.5 rad/s in one period from rest: 50 rad/s^2
    assert limit_violations(x, P, LIMITS).samples == 0  # too short to see an acceleration
    res = limit_violations(x, P, LIMITS, at_rest_before=True)
    assert res.acceleration == 1 and res.jerk == 1 and res.samples == 1 and res.commands == 2


def test_restarts_judge_each_unbroken_run_on_its_own() -> None:
    x = np.array([[0.0, 0.0], [0.0, 0.0], [0.3, 0.0], [0.3, 0.0]])  # a re-arm jumps 0.3 rad at sample 2
    whole = limit_violations(x, P, LIMITS)
    assert (whole.velocity, whole.acceleration, whole.samples) == (1, 2, 2)
    split = limit_violations(x, P, LIMITS, restarts=[False, False, True, False])
    assert split.samples == 0 and split.commands == 4
    with pytest.raises(ParameterError, match="3 restart flags for 4 commands"):
        limit_violations(x, P, LIMITS, restarts=[True, False, False])


def test_profiles_without_limits_check_nothing_and_nonfinite_is_beyond() -> None:
    x = np.array([[0.0] * 7, [5.0] * 7, [-5.0] * 7, [5.0] * 7])
    assert limit_violations(x, P, GENERIC).samples == 0
    bad = x.copy()
    bad[2, 0] = math.nan
    res = limit_violations(bad, P, FRANKA)
    assert res.samples == 3 and math.isinf(res.worst_velocity)


@pytest.mark.parametrize(("args", "match"), [
    ((np.zeros((3, 7)), 0.0, FRANKA), "period"),
    ((np.zeros(7), P, FRANKA), "rows"),
    ((np.zeros((3, 6)), P, FRANKA), "max_velocity has 7 values, the commands 6"),
])
def test_bad_input_is_a_clear_error(args: tuple, match: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ParameterError, match=match):
        limit_violations(*args)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"max_velocity": (1.0, -1.0)}, "positive finite"),
    ({"max_jerk": (math.inf,)}, "positive finite"),
    ({"max_velocity": (1.0, 1.0), "max_acceleration": (1.0,)}, "different joint counts"),
])
def test_motion_limits_validate_themselves(kwargs: dict, match: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ParameterError, match=match):
        MotionLimits(**kwargs)
    assert MotionLimits.of(FRANKA).max_jerk == FRANKA.max_jerk
