"""Stops through the jerk-limited gate (franka profile), tick by tick through monitor, supervisor and commander.

An arm moving at full speed cannot stop in one period without a reflex: every stop is the gate's brake, within
the driver's velocity, acceleration and jerk limits, as fast as they allow, then a hold where it came to rest.
After a sensor fault the brake and the hold read nothing: the same scenario runs twice, identical up to the
fault and with different readings from it on, and every command until the re-arm is the same in both.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_jerk_filter import HOME, franka_gate, min_stop_time

from robot.safety import (
    Fault,
    FaultKind,
    FaultMonitor,
    JointState,
    Mode,
    MonitorConfig,
    MonitorInputs,
    SafeCommander,
    Supervisor,
)
from robot.safety.motion_limits import limit_violations
from robot.vendor_profiles import FRANKA
from sim.robots import PANDA

P = 0.01
N = PANDA.n_arm
ARM_AT, FAULT_AT = 3, 45  # the operator arms at tick 3; by tick 45 the arm cruises at the velocity limit
T_STOP = min_stop_time(franka_gate(P).velocity_limit, np.array(FRANKA.max_acceleration), np.array(FRANKA.max_jerk))
KINDS = ("jump", "nan", "frozen", "stale")


class Rig:
    """Monitor, supervisor, commander and the franka gate as ``BridgeCore`` wires them; the arm is where the
    previous command put it (a stiff position controller), its readings what the scenario says."""

    def __init__(self) -> None:
        self.gate = franka_gate(P)
        self.mon = FaultMonitor(PANDA, MonitorConfig(control_period=P, stale_periods=3), start=0.0)
        self.sup = Supervisor(clear_hold=0.05, start=0.0)
        self.cmdr = SafeCommander(self.gate)
        self.q = HOME.copy()
        self.sent: list[tuple[int, np.ndarray, str, Mode]] = []
        self.last_sample: JointState | None = None

    def tick(self, k: int, reading: np.ndarray | None, *, frozen: bool = False, estop: bool = False,
             action: str = "none", nominal: np.ndarray | None = None) -> None:
        t = k * P
        samples = []
        if reading is not None:
            if frozen and self.last_sample is not None:
                samples = [self.last_sample]
            else:
                samples = [JointState(stamp=t, received=t, position=reading, velocity=np.zeros(N),
                                      effort=np.full(N, 1.0 + 1e-6 * k), gripper=0.03)]
                self.last_sample = samples[0]
        last = self.cmdr.last if self.cmdr.commanding else None
        faults = self.mon.tick(t, MonitorInputs(samples=samples, estop_asserted=estop, estop_since=t,
                                                estop_last_msg=t, command=None if last is None else last.arm))
        if action == "degrade":
            faults = [*faults, Fault(kind=FaultKind.POLICY_DEADLINE, since=t, detail="test")]
        self.sup.update(t, faults)
        if action == "rearm":
            self.sup.rearm(t, self.mon.consistent_since)
        elif action == "stop":
            self.sup.stop(t)
        resumed, self.sup.resumed = self.sup.resumed, False
        cmd = self.cmdr.command(self.sup.mode, self.mon.trusted, resumed=resumed,
                                nominal=None if nominal is None else (nominal, 0.03),
                                measurements_trusted=self.sup.measurements_trusted)
        if cmd is not None:
            self.sent.append((k, cmd.arm.copy(), cmd.source, cmd.mode))
            self.q = cmd.arm.copy()

    def assert_within_limits(self) -> None:
        """Every unbroken run of commands (a re-arm starts one, from rest) keeps the driver's limits."""
        res = limit_violations(np.array([arm for _, arm, _, _ in self.sent]), P, FRANKA, at_rest_before=True,
                               restarts=[source == "resume" for _, _, source, _ in self.sent])
        assert res.samples == 0, res


def far_target() -> np.ndarray:
    gate = franka_gate(P)
    side = np.where(gate.upper - HOME > HOME - gate.lower, 1.0, -1.0)
    return HOME + side * gate.velocity_limit * 1.5


def run(kind: str, magnitude: float, offset: np.ndarray, lasts: int, actions: list[str]) -> tuple[Rig, int]:
    """Arm, drive toward a far target, a sensor fault of ``kind`` at FAULT_AT for ``lasts`` ticks, readings off
    by ``offset`` after it; returns the rig and the tick the trust was withdrawn."""
    rig, lost = Rig(), -1
    target = far_target()
    for k in range(FAULT_AT + len(actions)):
        after = k - FAULT_AT
        reading: np.ndarray | None = rig.q + 1e-6 * math.sin(k)
        assert reading is not None
        # The runs differ from the tick after the fault showed (stale, frozen: after it, when readings come again).
        if after >= (lasts if kind in ("stale", "frozen") else 1):
            reading = reading + offset
        if 0 <= after < lasts:
            if kind == "jump":
                reading[0] += magnitude
            elif kind == "nan":
                reading[0] = math.nan
            elif kind == "stale":
                reading = None
        action = "rearm" if k == ARM_AT else actions[after] if after >= 0 else "none"
        rig.tick(k, reading, frozen=kind == "frozen" and 0 <= after < lasts, action=action, nominal=target)
        if lost < 0 and not rig.sup.measurements_trusted and k > ARM_AT:
            lost = k
    return rig, lost


OFFSETS = st.lists(st.sampled_from([0.0, 0.0, 0.01, -0.3, 0.5]), min_size=N, max_size=N).map(np.array)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(KINDS), st.floats(0.2, 1.0), OFFSETS, OFFSETS, st.integers(5, 20),
       st.lists(st.sampled_from(["none"] * 6 + ["rearm", "stop"]), min_size=50, max_size=50))
def test_a_sensor_fault_at_full_speed_brakes_within_the_limits_and_follows_no_later_reading(
        kind: str, magnitude: float, offset_a: np.ndarray, offset_b: np.ndarray, lasts: int,
        actions: list[str]) -> None:
    rig_a, lost_a = run(kind, magnitude, offset_a, lasts, actions)
    rig_b, lost_b = run(kind, magnitude, offset_b, lasts, actions)
    assert lost_a == lost_b >= FAULT_AT, (rig_a.sup.log, rig_b.sup.log)
    for rig in (rig_a, rig_b):
        rig.assert_within_limits()
    resumes = [k for rig in (rig_a, rig_b) for k, _, src, _ in rig.sent if src == "resume" and k > lost_a]
    end = min(resumes, default=10**9)
    after_a = [s for s in rig_a.sent if lost_a <= s[0] < end]
    after_b = [s for s in rig_b.sent if lost_b <= s[0] < end]
    assert len(after_a) == len(after_b) > 0
    for (ka, arm_a, src_a, _), (kb, arm_b, src_b, _) in zip(after_a, after_b, strict=True):
        assert (ka, src_a) == (kb, src_b) and src_a in ("hold", "estop_hold")
        np.testing.assert_array_equal(arm_a, arm_b)
    # The brake: at rest within the shortest stop the limits allow (plus the ticks of its discretisation), then
    # the very same command until the re-arm.
    arms = [arm for _, arm, _, _ in after_a]
    moving = [i for i in range(1, len(arms)) if not np.array_equal(arms[i], arms[i - 1])]
    assert (max(moving, default=0) + 1) * P <= T_STOP + 2 * P


def _drive(rig: Rig, ticks: int) -> None:
    target = far_target()
    for k in range(ticks):
        rig.tick(k, rig.q.copy(), action="rearm" if k == ARM_AT else "none", nominal=target)


@pytest.mark.parametrize("stop", ["operator", "estop", "degraded"])
def test_a_stop_at_full_speed_is_a_braked_stop_then_a_hold(stop: str) -> None:
    rig = Rig()
    _drive(rig, FAULT_AT)
    filt = rig.gate.filter
    assert filt is not None and rig.sup.mode == Mode.NOMINAL
    assert np.max(np.abs(filt.velocity) / rig.gate.velocity_limit) == pytest.approx(1.0, rel=1e-5)
    k0 = FAULT_AT
    action = {"operator": "stop", "degraded": "degrade"}.get(stop, "none")  # held: DEGRADED would resume
    direction = np.sign(far_target() - HOME)
    for k in range(k0, k0 + 60):
        rig.tick(k, rig.q.copy(), estop=stop == "estop", action=action, nominal=far_target())
    rig.assert_within_limits()
    stopping = [s for s in rig.sent if s[0] >= k0]
    # Straight to rest: no joint turns back toward where it was when the stop began.
    assert (np.diff([arm for _, arm, _, _ in stopping], axis=0) * direction >= -1e-12).all()
    mode = {"estop": Mode.ESTOP, "operator": Mode.SAFE_STOP, "degraded": Mode.DEGRADED}[stop]
    assert all(m == mode for _, _, _, m in stopping)
    moving = [i for i in range(1, len(stopping)) if not np.array_equal(stopping[i][1], stopping[i - 1][1])]
    assert (max(moving) + 1) * P <= T_STOP + 2 * P
    if stop == "estop":  # category 1: commands until at rest, then nothing
        assert stopping[-1][0] <= k0 + round(T_STOP / P) + 2 and rig.cmdr.commanding is False
        assert filt.at_rest and all(src == "estop_hold" for _, _, src, _ in stopping)
    else:
        assert stopping[-1][0] == k0 + 59 and np.array_equal(stopping[-1][1], stopping[-30][1])


def test_an_idle_policy_holds_where_the_command_was_heading_without_a_step_back() -> None:
    rig = Rig()
    _drive(rig, 20)  # accelerating toward the far target
    filt = rig.gate.filter
    assert filt is not None
    direction = np.sign(far_target() - HOME)
    for k in range(20, 200):
        rig.tick(k, rig.q.copy())  # no policy target any more
    rig.assert_within_limits()
    arms = np.array([arm for k, arm, _, _ in rig.sent if k >= 19])
    assert (np.diff(arms, axis=0) * direction >= -1e-12).all()  # never back
    assert filt.at_rest and np.array_equal(arms[-1], filt.heading)
