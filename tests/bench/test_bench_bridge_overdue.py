"""bench/bridge.py's ``loop.overdue``: which late ticks had only readings from before they were due although the arm
had published a newer one (the late control thread ran before the joint-state callbacks queued during its delay), on
tick records as the bridge's tick log writes them (``t``: when the tick ran, ``lateness``: how late after its
schedule, ``received``: when its newest trusted reading was handled) and the arm's header stamps."""

from typing import Any

import pytest

from bench.bridge import overdue_readings

PERIOD = 0.01
PUBLISH = 0.004


def _tick(due: float, lateness: float, received: float | None, faults: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"kind": "tick", "t": due + lateness, "lateness": lateness, "received": received,
            "faults": [{"kind": k} for k in faults]}


ARM = [round(0.9 + 0.004 * k, 3) for k in range(120)]  # the arm stamps a reading every 4 ms from 0.9 s to 1.376 s


def test_an_overdue_tick_is_old_only_when_its_newest_reading_arrived_before_it_was_due() -> None:
    ticks = [
        _tick(1.00, 0.001, 0.998),  # on time: not overdue
        _tick(1.01, 0.215, 1.000),  # 215 ms late, newest reading handled before it was due: the callbacks queued
        _tick(1.02, 0.205, 1.221),  # as late, but a reading handled during the delay: fresh
        _tick(1.03, 0.195, 1.020),  # old too
        _tick(1.04, 0.009, 1.030),  # under a period late: not overdue
        _tick(1.05, 0.300, 1.000, ("stale_state",)),  # a fault tick: the stream, not the lock
        _tick(1.06, 0.300, None),  # no trusted reading at all
    ]
    out = overdue_readings(ticks, PERIOD, PUBLISH, ARM)
    assert (out["ticks"], out["overdue"], out["only_old"], out["arm_silent"], out["fresh"]) == (7, 3, 2, 0, 1)
    assert out["only_old_share"] == pytest.approx(2 / 3)
    # ages when they ran: 1.225 - 1.000 and 1.225 - 1.020
    assert out["only_old_age_ms"]["max"] == pytest.approx(225.0)
    assert out["only_old_age_ms"]["p50"] == pytest.approx((225.0 + 205.0) / 2)


def test_an_old_reading_the_arm_had_no_newer_one_for_is_the_arms_silence_not_the_lock() -> None:
    # The arm stamped nothing between 1.000 s and the tick's schedule (1.01 s) less a publishing period.
    out = overdue_readings([_tick(1.01, 0.215, 1.000)], PERIOD, PUBLISH, [s for s in ARM if not 1.0 < s < 1.2])
    assert (out["overdue"], out["only_old"], out["arm_silent"], out["only_old_age_ms"]) == (1, 0, 1, None)
    # One stamp a publishing period before the schedule is enough; one inside that period is not.
    assert overdue_readings([_tick(1.01, 0.215, 1.000)], PERIOD, PUBLISH, [1.006])["only_old"] == 1
    assert overdue_readings([_tick(1.01, 0.215, 1.000)], PERIOD, PUBLISH, [1.0065])["only_old"] == 0


def test_late_by_less_than_two_publishing_periods_is_not_overdue_at_a_slow_stream() -> None:
    # At 100 Hz publishing a tick 15 ms late may have had no newer reading to take: not counted.
    out = overdue_readings([_tick(1.0, 0.015, 0.990)], PERIOD, 0.01, ARM)
    assert (out["overdue"], out["only_old"], out["only_old_share"], out["only_old_age_ms"]) == (0, 0, None, None)
