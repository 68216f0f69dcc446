"""The tracking-error check judges standing still on the position once its timer runs, not on one velocity reading.

A joint stuck behind the franka-limited gate (``test_gate_held_release``'s drill on the simulated Panda) reads a
velocity that ripples 0-0.03 rad/s across the 0.02 still threshold; every crest restarted the timer, and with the held
joint's command parked at ``rest_lead`` seeds 1 and 4 ran 1.18 and 1.22 s stuck before the stop instead of 0.2 s.
"""

from __future__ import annotations

import numpy as np
import pytest
from test_safety_monitor import HOME, P, kinds, monitor, sample

from robot.safety import FaultKind, MonitorInputs

JOINT = 1


def _run(speed: float, ripple: float, seconds: float) -> list[float]:
    """A joint lagging 0.05 rad behind its command, moving toward it at ``speed`` (rad/s) while its velocity reads
    ``ripple`` every third sample and ``speed`` otherwise; the times of the samples that found a tracking error."""
    mon = monitor(tracking_tol=0.02, tracking_time=0.1)
    found = []
    for k in range(round(seconds / P)):
        t = k * P
        q, v = HOME.copy(), np.zeros(HOME.size)
        q[JOINT] += speed * t
        v[JOINT] = ripple if k % 3 == 2 else speed
        cmd = q.copy()
        cmd[JOINT] += 0.05
        if FaultKind.TRACKING_ERROR in kinds(mon.tick(t, MonitorInputs(samples=[sample(t, q, v=v)], command=cmd))):
            found.append(t)
    return found


def test_a_stuck_joint_whose_velocity_reading_ripples_is_still_a_tracking_error_after_tracking_time() -> None:
    found = _run(0.0, 0.03, 0.5)  # before: never (the timer restarted at every crest)
    assert found and found[0] == pytest.approx(0.1)


@pytest.mark.parametrize("ripple", [0.0, 0.03])
def test_a_joint_that_follows_its_command_at_the_still_velocity_or_more_is_no_tracking_error(ripple: float) -> None:
    assert _run(0.025, ripple, 1.0) == []


def test_a_joint_creeping_slower_than_the_still_velocity_is_a_tracking_error() -> None:
    found = _run(0.01, 0.01, 0.5)
    assert found and found[0] == pytest.approx(0.1)


def _two_joints(lag_until: float, follow_from: float, follow_speed: float, seconds: float) -> list[tuple[float, str]]:
    """Joint 1 lags its command 0.05 rad standing still until ``lag_until``, then its command comes back to it; from
    ``follow_from`` joint 3 lags 0.05 rad behind a command moving at ``follow_speed`` (0: stuck, its velocity reading
    rippling 0-0.03 rad/s) and follows it. The (time, detail) of the samples that found a tracking error."""
    mon = monitor()  # default config: tracking_time 0.15, still velocity 0.02
    found = []
    q = HOME.copy()
    for k in range(round(seconds / P)):
        t = k * P
        v, cmd = np.zeros(HOME.size), q.copy()
        if t < lag_until - 1e-9:
            cmd[1] += 0.05
        if t >= follow_from - 1e-9:
            q[3] += follow_speed * P
            v[3] = follow_speed if follow_speed or (k - round(follow_from / P)) % 3 != 2 else 0.03
            cmd[3] = q[3] + 0.05
        faults = mon.tick(t, MonitorInputs(samples=[sample(t, q.copy(), v=v)], command=cmd))
        found += [(t, f.detail) for f in faults if f.kind == FaultKind.TRACKING_ERROR]
    return found


@pytest.mark.parametrize("speed", [0.05, 0.1, 0.3])
def test_a_healthy_joint_that_starts_lagging_while_another_joints_timer_runs_does_not_inherit_it(speed: float) -> None:
    # REV R1 (session 10): with one timer and one anchor for all joints, joint 3 following at 0.05 rad/s was judged
    # from where it stood when joint 1's timer started and tripped at 0.15 s after 0.05 s of motion.
    assert _two_joints(0.1, 0.1, speed, 0.6) == []


def test_a_joint_stuck_while_another_joints_timer_runs_trips_on_its_own_timer_and_is_named() -> None:
    # Joint 3 sticks at 0.05 s while joint 1's short stall (0-0.1 s) runs: it must stop, tracking_time after its own
    # start (0.2 s), neither inheriting joint 1's age (0.15 s) nor never.
    found = _two_joints(0.1, 0.05, 0.0, 0.5)
    assert found and found[0][0] == pytest.approx(0.2)
    assert found[0][1].startswith("panda_joint4 ")


def test_of_two_stuck_joints_the_one_whose_own_timer_ran_out_is_named() -> None:
    found = _two_joints(1.0, 0.05, 0.0, 0.5)  # joint 1 stuck from 0 s, joint 3 from 0.05 s
    assert found and found[0][0] == pytest.approx(0.15) and found[0][1].startswith("panda_joint2 ")
