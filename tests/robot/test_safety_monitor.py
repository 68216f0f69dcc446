"""FaultMonitor tick by tick: each fault is raised by its criterion, with the time the criterion was met."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import numpy as np
import pytest

from robot.errors import ParameterError
from robot.safety import FaultKind, FaultMonitor, JointState, MonitorConfig, MonitorInputs
from sim.robots import PANDA

P = 0.01  # control period (s)
HOME = np.array(PANDA.home)


def sample(t: float, q: np.ndarray | None = None, *, stamp: float | None = None, v: np.ndarray | None = None,
           e: np.ndarray | None = None, grip: float = 0.04) -> JointState:
    n = PANDA.n_arm
    # Tiny per-sample noise, as a real encoder stream has: identical values mean a frozen stream.
    noise = 1e-6 * math.sin(t * 1e3)
    return JointState(stamp=t if stamp is None else stamp, received=t,
                      position=(HOME if q is None else q) + noise, velocity=np.zeros(n) if v is None else v,
                      effort=np.full(n, 1.0 + noise) if e is None else e, gripper=grip)


def monitor(**kw: object) -> FaultMonitor:
    return FaultMonitor(PANDA, MonitorConfig(control_period=P, **kw), start=0.0)  # type: ignore[arg-type]


def kinds(faults: list) -> set[FaultKind]:
    return {f.kind for f in faults}


def run_stream(mon: FaultMonitor, t0: float, t1: float, **inputs: object) -> list:
    """Feed one sample per tick from t0 to t1; returns the faults of the last tick."""
    faults: list = []
    for k in range(round((t1 - t0) / P)):
        t = t0 + k * P
        faults = mon.tick(t, MonitorInputs(samples=[sample(t)], **inputs))  # type: ignore[arg-type]
    return faults


def test_a_healthy_stream_raises_nothing() -> None:
    mon = monitor(expected_state_rate_hz=100.0, estop_heartbeat_timeout=0.2)
    for k in range(100):
        t = k * P
        assert mon.tick(t, MonitorInputs(samples=[sample(t)], estop_last_msg=t, command=HOME.copy(),
                                         gripper_command=0.04)) == []
    assert mon.trusted is not None


def test_stale_is_raised_after_n_periods_with_the_criterion_time() -> None:
    mon = monitor(stale_periods=5)
    run_stream(mon, 0.0, 0.1)
    last = 0.09
    assert mon.tick(last + 0.0499, MonitorInputs()) == []  # just under 5 periods: not yet
    faults = mon.tick(last + 0.06, MonitorInputs())
    assert kinds(faults) == {FaultKind.STALE_STATE}
    assert faults[0].since == pytest.approx(last + 0.05)


def test_old_stamps_arriving_on_time_are_stale() -> None:
    """A delayed stream still arrives regularly: only the header stamp's age shows it."""
    for check, expected in ((True, {FaultKind.STALE_STATE}), (False, set())):
        mon = monitor(stale_periods=5, check_stamp_age=check)
        faults: list = []
        for k in range(20):
            t = 0.3 + k * P
            faults = mon.tick(t, MonitorInputs(samples=[sample(t, stamp=t - 0.2)]))
        assert kinds(faults) == expected


def test_repeated_samples_are_frozen() -> None:
    mon = monitor(frozen_repeats=3)
    s = sample(0.0)
    faults: list = []
    for k in range(4):
        t = k * P
        faults = mon.tick(t, MonitorInputs(samples=[dataclasses.replace(s, received=t)]))
        if k < 3:
            assert FaultKind.FROZEN_STATE not in kinds(faults)
    assert FaultKind.FROZEN_STATE in kinds(faults)
    assert kinds(mon.tick(0.05, MonitorInputs(samples=[sample(0.05)]))) == set()  # a fresh sample clears it


def test_nonfinite_state_is_a_fault_and_not_trusted() -> None:
    mon = monitor()
    run_stream(mon, 0.0, 0.05)
    trusted = mon.trusted
    q = HOME.copy()
    q[2] = math.nan
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, q)]))
    assert kinds(faults) == {FaultKind.NONFINITE_STATE}
    assert mon.trusted is trusted


def test_out_of_order_stamps_are_invalid() -> None:
    mon = monitor()
    run_stream(mon, 0.0, 0.05)
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, stamp=0.01)]))
    assert kinds(faults) == {FaultKind.INVALID_STATE}
    assert "out of order" in faults[0].detail


def test_an_encoder_jump_is_detected_and_the_jumped_sample_not_trusted() -> None:
    mon = monitor(jump_rad=0.1)
    run_stream(mon, 0.0, 0.05)
    before = mon.trusted
    q = HOME.copy()
    q[0] += 0.3
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, q)]))
    assert kinds(faults) == {FaultKind.STATE_JUMP}
    assert "panda_joint1" in faults[0].detail
    assert mon.trusted is before
    # A fast but physically possible move is not a jump.
    mon2 = monitor(jump_rad=0.1)
    run_stream(mon2, 0.0, 0.05)
    q2 = HOME.copy()
    q2[0] += 0.1 + 0.5 * PANDA.velocity_limits[0] * P
    assert mon2.tick(0.05, MonitorInputs(samples=[sample(0.05, q2)])) == []


@pytest.mark.parametrize(("field", "kind"), [("position", FaultKind.POSITION_LIMIT),
                                             ("velocity", FaultKind.VELOCITY_LIMIT),
                                             ("effort", FaultKind.EFFORT_LIMIT)])
def test_limits(field: str, kind: FaultKind) -> None:
    mon = monitor(jump_rad=10.0)
    run_stream(mon, 0.0, 0.03)
    n = PANDA.n_arm
    if field == "position":
        q = HOME.copy()
        q[3] = PANDA.upper[3] - 0.005  # inside the limit, inside the 0.01 margin
        s = sample(0.03, q)
    elif field == "velocity":
        s = sample(0.03, v=np.r_[np.zeros(n - 1), PANDA.velocity_limits[-1] * 1.2])
    else:
        s = sample(0.03, e=np.r_[PANDA.effort_limits[0] * 1.5, np.zeros(n - 1)])
    faults = mon.tick(0.03, MonitorInputs(samples=[s]))
    assert kinds(faults) == {kind}


def test_a_joint_that_lags_without_moving_is_a_tracking_error() -> None:
    mon = monitor(tracking_tol=0.02, tracking_time=0.1)
    cmd = HOME.copy()
    cmd[1] += 0.05
    faults: list = []
    for k in range(20):
        t = k * P
        faults = mon.tick(t, MonitorInputs(samples=[sample(t)], command=cmd))
        if t < 0.1 - 1e-9:
            assert faults == [], t
    assert kinds(faults) == {FaultKind.TRACKING_ERROR}
    assert faults[0].since == pytest.approx(0.1)  # the first sample showing 0.1 s without motion
    # The same lag while the joint moves towards its command is normal following.
    mon2 = monitor(tracking_tol=0.02, tracking_time=0.1)
    v = np.zeros(PANDA.n_arm)
    v[1] = 0.5
    for k in range(20):
        assert mon2.tick(k * P, MonitorInputs(samples=[sample(k * P, v=v)], command=cmd)) == []
    # A gross error is immediate.
    cmd[1] += 0.5
    assert kinds(monitor().tick(0.0, MonitorInputs(samples=[sample(0.0)], command=cmd))) == {FaultKind.TRACKING_ERROR}


def test_estop_and_its_heartbeat() -> None:
    mon = monitor(estop_heartbeat_timeout=0.2)
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05)], estop_asserted=True, estop_since=0.045,
                                          estop_last_msg=0.045))
    assert kinds(faults) == {FaultKind.ESTOP}
    assert faults[0].since == 0.045
    assert mon.tick(0.1, MonitorInputs(samples=[sample(0.1)], estop_last_msg=0.09)) == []
    faults = mon.tick(0.31, MonitorInputs(samples=[sample(0.31)], estop_last_msg=0.1))
    assert kinds(faults) == {FaultKind.ESTOP_HEARTBEAT}
    assert faults[0].since == pytest.approx(0.3)


def test_dropped_messages_lower_the_rate() -> None:
    mon = monitor(expected_state_rate_hz=100.0, rate_window=0.2, stale_periods=20)
    faults: list = []
    for k in range(60):
        t = k * P
        faults = mon.tick(t, MonitorInputs(samples=[sample(t)] if k < 30 or k % 3 == 0 else []))
    assert kinds(faults) == {FaultKind.STATE_RATE}


def test_overruns_count_only_in_a_row() -> None:
    mon = monitor(overrun_ticks=3, stale_periods=100)
    late = 0.8 * P
    assert mon.tick(0.0, MonitorInputs(tick_lateness=late)) == []
    assert mon.tick(0.01, MonitorInputs(tick_lateness=late)) == []
    assert mon.tick(0.02, MonitorInputs(tick_lateness=0.0)) == []
    for k in range(2):
        assert mon.tick(0.03 + k * P, MonitorInputs(tick_lateness=late)) == []
    assert kinds(mon.tick(0.05, MonitorInputs(tick_lateness=late))) == {FaultKind.LOOP_OVERRUN}


def test_policy_perception_and_gripper_stall() -> None:
    mon = monitor(gripper_stall_time=0.2)
    faults = mon.tick(0.0, MonitorInputs(samples=[sample(0.0)], policy_fault=(FaultKind.POLICY_NONFINITE, "nan"),
                                         perception_deadline=-0.004))
    assert kinds(faults) == {FaultKind.POLICY_NONFINITE, FaultKind.PERCEPTION_STALE}
    assert next(f.since for f in faults if f.kind == FaultKind.PERCEPTION_STALE) == -0.004  # when poses went old
    for k in range(1, 30):  # commanded open (0.04 m), fingers stay at 0.01 m
        faults = mon.tick(k * P, MonitorInputs(samples=[sample(k * P, grip=0.01)], gripper_command=0.04))
    assert kinds(faults) == {FaultKind.GRIPPER_STALL}
    for k in range(30, 60):  # commanded closed on a cube: the fingers stop by design
        faults = mon.tick(k * P, MonitorInputs(samples=[sample(k * P, grip=0.02)], gripper_command=0.0))
    assert faults == []


def test_workspace_and_self_collision_on_the_mujoco_model() -> None:
    from robot.safety.arm_mirror import ArmMirror

    mirror = ArmMirror("panda")
    mon = FaultMonitor(PANDA, MonitorConfig(control_period=P, jump_rad=10.0), start=0.0, model_check=mirror.check)
    assert mon.tick(0.0, MonitorInputs(samples=[sample(0.0)])) == []
    curled = np.array([0.794, -0.812, -2.66, -3.022, 1.815, 3.424, 0.618])  # wrist folded onto the base
    faults = mon.tick(0.01, MonitorInputs(samples=[sample(0.01, curled)]))
    assert {FaultKind.SELF_COLLISION, FaultKind.WORKSPACE} <= kinds(faults)
    behind = HOME.copy()
    behind[0] = 3.0 - 0.2  # turned round: the TCP is behind the base, outside the workspace box
    faults = mon.tick(0.02, MonitorInputs(samples=[sample(0.02, behind)]))
    assert FaultKind.WORKSPACE in kinds(faults)


def test_invalid_config_names_the_value() -> None:
    with pytest.raises(ParameterError, match="stale_periods"):
        MonitorConfig(stale_periods=-1)
    with pytest.raises(ParameterError, match="tracking_tol"):
        MonitorConfig(tracking_tol=0.5, tracking_max=0.3)
    with pytest.raises(ParameterError, match="frozen_repeats"):
        MonitorConfig(frozen_repeats=2.5)  # type: ignore[arg-type]


def test_the_safety_core_imports_no_rclpy() -> None:
    code = "import sys, robot.safety, robot.safety.arm_mirror; assert 'rclpy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- evaluation between ticks: deadlines and honest criterion times ----------------------------------------
def test_next_deadline_is_when_the_stale_criterion_falls_due() -> None:
    mon = monitor(stale_periods=5, estop_heartbeat_timeout=0.2)
    run_stream(mon, 0.0, 0.1, estop_last_msg=0.08)
    last = 0.09
    assert mon.next_deadline(estop_last_msg=0.08) == pytest.approx(last + 0.05)
    due = mon.next_deadline(estop_last_msg=0.08)
    assert due is not None
    assert mon.tick(due - 1e-6, MonitorInputs(estop_last_msg=0.08)) == []  # not yet
    assert mon.next_deadline(estop_last_msg=0.08) == due  # still pending
    faults = mon.tick(due + 1e-6, MonitorInputs(estop_last_msg=0.08))
    assert kinds(faults) == {FaultKind.STALE_STATE} and faults[0].since == pytest.approx(last + 0.05)
    # Handled: the next deadline is the heartbeat's, not the stale one again.
    assert mon.next_deadline(estop_last_msg=0.08) == pytest.approx(0.28)


def test_next_deadline_follows_the_heartbeat_and_old_stamps() -> None:
    mon = monitor(stale_periods=50, estop_heartbeat_timeout=0.2)
    run_stream(mon, 0.0, 0.1, estop_last_msg=0.05)
    assert mon.next_deadline(estop_last_msg=0.05) == pytest.approx(0.25)
    assert mon.next_deadline(estop_last_msg=None) == pytest.approx(0.2)  # never heard: counted from start
    # A delayed stream: the latest sample's stamp falls due before its arrival does.
    mon = monitor(stale_periods=50)
    run_stream(mon, 0.0, 0.1)
    mon.tick(0.1, MonitorInputs(samples=[sample(0.1, stamp=0.095)]))
    mon.tick(0.11, MonitorInputs(samples=[sample(0.11, stamp=0.096)]))
    assert mon.next_deadline() == pytest.approx(0.096 + 0.5)


def test_a_thin_stream_is_due_when_the_count_drops_and_says_when() -> None:
    # 100 Hz expected, 0.2 s window, at least 10 arrivals: after the last arrival at 0.29 the count falls
    # below 10 when the arrival at 0.20 leaves the window, at 0.40.
    cfg = {"expected_state_rate_hz": 100.0, "rate_window": 0.2, "min_rate_fraction": 0.5, "stale_periods": 50}
    mon = monitor(**cfg)
    run_stream(mon, 0.0, 0.3)
    # Every 2nd sample dropped would keep 10 in the window: send none, and the deadline is the expiry.
    assert mon.next_deadline() == pytest.approx(0.40)
    assert mon.tick(0.40, MonitorInputs()) == []
    faults = mon.tick(0.40 + 1e-6, MonitorInputs())
    assert kinds(faults) == {FaultKind.STATE_RATE} and faults[0].since == pytest.approx(0.40)
    # Evaluated late (no deadline kept), the fault still carries when the count dropped, not when it was seen.
    late = monitor(**cfg)
    run_stream(late, 0.0, 0.3)
    faults = late.tick(0.47, MonitorInputs())
    assert kinds(faults) == {FaultKind.STATE_RATE} and faults[0].since == pytest.approx(0.40)


def test_staleness_counts_from_the_last_arrival_after_the_rate_window_empties() -> None:
    """A stale limit longer than the rate window: the window empties first, the criterion time must not
    fall back to the monitor's start."""
    mon = monitor(stale_periods=30, expected_state_rate_hz=100.0, rate_window=0.2, min_rate_fraction=0.5)
    run_stream(mon, 0.0, 0.3)
    last = 0.29
    stale: list = []
    for k in range(1, 40):
        faults = mon.tick(last + k * P, MonitorInputs())
        stale = [f for f in faults if f.kind == FaultKind.STALE_STATE]
        if stale:
            break
    assert stale and stale[0].since == pytest.approx(last + 0.3)
    assert last + k * P > last + 0.3


def test_a_bad_sample_stays_a_fault_until_the_next_sample() -> None:
    """Evaluations between messages (deadlines, ticks without new samples) keep the latest message's faults."""
    mon = monitor()
    run_stream(mon, 0.0, 0.05)
    q = HOME.copy()
    q[2] = math.nan
    first = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, q)]))
    again = mon.tick(0.055, MonitorInputs())
    assert kinds(again) == {FaultKind.NONFINITE_STATE} and again[0].since == first[0].since == 0.05
    assert mon.tick(0.06, MonitorInputs(samples=[sample(0.06)])) == []
    invalid = mon.tick(0.07, MonitorInputs(invalid_state="wrong names", invalid_since=0.065))
    assert kinds(invalid) == {FaultKind.INVALID_STATE} and invalid[0].since == 0.065  # the message's arrival


def test_evaluations_between_ticks_neither_count_nor_reset_overruns() -> None:
    mon = monitor(overrun_ticks=3, stale_periods=100)
    late = 0.8 * P
    for k in range(2):
        assert mon.tick(k * P, MonitorInputs(tick_lateness=late)) == []
        assert mon.tick(k * P + 0.004, MonitorInputs(tick_lateness=None)) == []  # not a tick: no reset
    faults = mon.tick(0.02, MonitorInputs(tick_lateness=late))
    assert kinds(faults) == {FaultKind.LOOP_OVERRUN}
    assert kinds(mon.tick(0.024, MonitorInputs(tick_lateness=None))) == {FaultKind.LOOP_OVERRUN}  # still active
    assert mon.tick(0.03, MonitorInputs(tick_lateness=0.0)) == []


# --- bad stamps (issue #20) and the run of consistent readings a re-arm needs ------------------------------
def test_a_stamp_far_ahead_is_a_bad_stamp_and_never_the_reference_for_later_samples() -> None:
    """One message stamped an hour ahead used to become the "previous" stamp that every real sample was older
    than: invalid_state for ever. Now it is a bad_stamp, not trusted, and the next good sample clears it."""
    mon = monitor()
    run_stream(mon, 0.0, 0.05)
    trusted = mon.trusted
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, stamp=0.05 + 3600.0)]))
    assert kinds(faults) == {FaultKind.BAD_STAMP} and "ahead" in faults[0].detail
    assert mon.trusted is trusted and mon.consistent_since is None
    assert mon.next_deadline() == pytest.approx(0.04 + mon.stale_after)  # staleness still counts from good data
    for k in range(6, 20):
        assert mon.tick(k * P, MonitorInputs(samples=[sample(k * P)])) == [], k
    assert mon.trusted is not None and mon.trusted.stamp == pytest.approx(0.19)
    assert mon.consistent_since == pytest.approx(0.06)


def test_stamps_far_behind_are_bad_and_slightly_old_ones_stay_out_of_order_or_stale() -> None:
    mon = monitor(stale_periods=5)
    run_stream(mon, 0.0, 0.05)
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, stamp=0.05 - 3600.0)]))
    assert kinds(faults) == {FaultKind.BAD_STAMP} and "behind" in faults[0].detail
    assert mon.tick(0.06, MonitorInputs(samples=[sample(0.06)])) == []
    # Within the tolerance an older stamp is a reordering (invalid_state) or a late stream (stale_state).
    assert kinds(mon.tick(0.07, MonitorInputs(samples=[sample(0.07, stamp=0.03)]))) == {FaultKind.INVALID_STATE}
    late = mon.tick(0.08, MonitorInputs(samples=[sample(0.08, stamp=0.08 - 0.5)]))
    assert FaultKind.BAD_STAMP not in kinds(late)
    # Ahead of the arrival by more than the stale limit cannot be a measurement, even by under a second.
    assert kinds(mon.tick(0.09, MonitorInputs(samples=[sample(0.09, stamp=0.09 + 0.2)]))) == {FaultKind.BAD_STAMP}


def test_without_synchronised_clocks_stamps_are_judged_against_the_arrivals() -> None:
    """Clocks may differ by any constant: a stamp an hour off the node clock is normal, one that jumps an hour
    ahead of the stream is not; a driver whose clock stepped is followed on its new timeline after a while."""
    offset = 1000.0
    mon = monitor(check_stamp_age=False, stamp_tolerance=0.1)
    for k in range(5):
        assert mon.tick(k * P, MonitorInputs(samples=[sample(k * P, stamp=k * P + offset)])) == []
    faults = mon.tick(0.05, MonitorInputs(samples=[sample(0.05, stamp=0.05 + offset + 3600.0)]))
    assert kinds(faults) == {FaultKind.BAD_STAMP}
    assert mon.tick(0.06, MonitorInputs(samples=[sample(0.06, stamp=0.06 + offset)])) == []
    # The driver restarts with its clock 50 s back: bad stamps for stamp_tolerance, then the new timeline.
    seen = []
    for k in range(7, 30):
        t = k * P
        seen.append(kinds(mon.tick(t, MonitorInputs(samples=[sample(t, stamp=t + offset - 50.0)]))))
    assert seen[0] == {FaultKind.BAD_STAMP} and seen[-1] == set()
    assert sum(1 for f in seen if f) == round(0.1 / P)


def test_the_consistent_run_breaks_on_any_doubtful_reading_and_on_disagreeing_with_the_command() -> None:
    mon = monitor(stale_periods=5)
    run_stream(mon, 0.0, 0.05)
    assert mon.consistent_since == 0.0
    mon.tick(0.05, MonitorInputs(invalid_state="wrong names", invalid_since=0.05))
    assert mon.consistent_since is None
    run_stream(mon, 0.06, 0.1)
    assert mon.consistent_since == pytest.approx(0.06)
    mon.tick(0.2, MonitorInputs())  # stale
    assert mon.consistent_since is None
    run_stream(mon, 0.21, 0.25)
    assert mon.consistent_since == pytest.approx(0.21)
    # A reading that passes every check but lies off the (frozen) command by an offset starts no run.
    off = HOME.copy()
    off[0] += 0.3
    for k in range(26, 30):
        mon.tick(k * P, MonitorInputs(samples=[sample(k * P)], command=off))
        assert mon.consistent_since is None
    mon.tick(0.3, MonitorInputs(samples=[sample(0.3)], command=HOME.copy()))
    assert mon.consistent_since == pytest.approx(0.3)
