"""The clock check of tick-stamped trajectories (robot.clock_check) and the stamps themselves
(robot.trajectory_stream.TickStamps): what the arm request refuses, and nominal tick times under wake-up jitter."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from robot.clock_check import MIN_SAMPLES, WINDOW_S, ClockOffset
from robot.trajectory_stream import TickStamps


def _feed(check: ClockOffset, offset: float, *, n: int = 200, t0: float = 100.0, rate: float = 1000.0) -> float:
    """``n`` joint states at ``rate``, each arriving ``offset`` plus 0.2..3 ms of delivery after its stamp."""
    rng = np.random.default_rng(0)
    t = t0
    for _ in range(n):
        check.add(t, t + offset + float(rng.uniform(0.0002, 0.003)))
        t += 1.0 / rate
    return t + offset + 0.003


def test_clocks_that_agree_pass_and_either_side_beyond_the_limit_refuses_naming_the_side() -> None:
    ok = ClockOffset(0.002)
    verdict = ok.verdict(_feed(ok, 0.0))
    assert verdict.ok and verdict.least_offset_s == pytest.approx(0.0002, abs=5e-5) and verdict.samples == 200
    ahead = ClockOffset(0.002)
    verdict = ahead.verdict(_feed(ahead, 0.005))  # the bridge's clock 5 ms ahead of the driver's
    assert not verdict.ok and "ahead of the driver's" in verdict.detail and "trajectory_stamp arrival" in verdict.detail
    behind = ClockOffset(0.002)
    verdict = behind.verdict(_feed(behind, -0.010))
    assert not verdict.ok and "behind the driver's" in verdict.detail
    assert verdict.least_offset_s == pytest.approx(-0.0098, abs=5e-5)


def test_too_few_unstamped_or_unmeasured_joint_states_give_no_verdict_and_refuse() -> None:
    few = ClockOffset(0.002)
    verdict = few.verdict(_feed(few, 0.0, n=MIN_SAMPLES - 1))
    assert not verdict.ok and f"{MIN_SAMPLES - 1} stamped joint states" in verdict.detail
    unstamped = ClockOffset(0.002)
    for k in range(100):
        unstamped.add(0.0, 1.0 + k * 0.001)
    assert "no header stamp" in unstamped.verdict(1.1).detail
    sim_time = ClockOffset(0.002)
    for k in range(100):
        sim_time.add(1.0 + k * 0.001, None)
    assert "no reception time" in sim_time.verdict(1.1).detail


def test_the_window_forgets_old_arrivals() -> None:
    check = ClockOffset(0.002)
    end = _feed(check, 0.0)  # fine; then the bridge's clock steps 8 ms ahead
    assert check.verdict(end).ok
    later = _feed(check, 0.008, t0=end, n=round(1.5 * WINDOW_S * 1000))
    assert not check.verdict(later).ok and abs(check.verdict(later).samples - WINDOW_S * 1000) <= 5
    assert check.verdict(later + WINDOW_S).samples == 0
    with pytest.raises(ValueError, match="max_offset_s"):
        ClockOffset(0.0)


def test_tick_stamps_follow_the_filters_clock_not_the_wake_up_jitter() -> None:
    stamps = TickStamps(back=0.002, horizon=0.015)
    rng = np.random.default_rng(1)
    t0 = 1_700_000_000_000_000_000  # ns since 1970: a float of seconds would resolve ~0.2 us only
    out = []
    late0 = 0
    for k in range(100):
        # The scheduled time, as the loop reports it, wanders by up to 0.9 ms (monotonic against system clock).
        late = int(rng.uniform(0, 9e6))
        late0 = late0 or late
        out.append(stamps.stamp_ns(t0 + k * 10_000_000 + late // 10, k * 0.01))
    assert stamps.reanchors == 1
    assert all(b - a == 10_000_000 for a, b in itertools.pairwise(out))
    assert out[0] == t0 + late0 // 10 - 2_000_000  # anchored on the first tick's scheduled time, less back
    # The schedule skipped 20 ms of ticks (past the horizon): a new mapping; the filter ran a period ahead of the
    # schedule (a reaction's extra command: its stamp would lie in the controller's future): a new mapping.
    assert stamps.stamp_ns(t0 + 130_000_000, 1.0) == t0 + 128_000_000 and stamps.reanchors == 2
    assert stamps.stamp_ns(t0 + 140_000_000, 1.02) == t0 + 138_000_000 and stamps.reanchors == 3
    assert stamps.stamp_ns(t0 + 150_000_000, None) == t0 + 148_000_000  # no filter: the tick's own time
