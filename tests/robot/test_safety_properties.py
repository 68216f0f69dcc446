"""Property tests: random fault sequences through monitor -> supervisor -> commander -> gate.

Whatever happens, every command is finite, inside the gate's envelope (limits, one step from the previous
command) or exactly the measured state on a resume; ESTOP is left only by an accepted re-arm; after the
ESTOP hold nothing is commanded; the first command after a re-arm is the measured position.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from robot.safety import (
    CommandGate,
    FaultMonitor,
    GateConfig,
    JointState,
    Mode,
    MonitorConfig,
    MonitorInputs,
    Supervisor,
)
from robot.safety.safe_commander import Command, SafeCommander
from sim.robots import PANDA

P = 0.01
HOME = np.array(PANDA.home)

SAMPLE = st.sampled_from(["ok", "ok", "ok", "none", "nan", "jump", "repeat", "old", "fast", "strong"])
NOMINAL = st.sampled_from(["idle", "near", "near", "far", "nan", "inf"])
TICK = st.tuples(SAMPLE, NOMINAL, st.booleans(), st.integers(0, 9), st.floats(-0.05, 0.05))


def make_sample(kind: str, t: float, q: np.ndarray, prev: JointState | None) -> JointState | None:
    n = PANDA.n_arm
    v, e = np.zeros(n), np.full(n, 1.0 + 1e-6 * t)
    if kind == "none":
        return None
    if kind == "repeat" and prev is not None:
        return JointState(stamp=prev.stamp, received=t, position=prev.position, velocity=prev.velocity,
                          effort=prev.effort, gripper=prev.gripper)
    if kind == "nan":
        q = q.copy()
        q[1] = math.nan
    if kind == "jump":
        q = q + 0.5
    if kind == "fast":
        v = v + 10.0
    if kind == "strong":
        e = e + 500.0
    stamp = t - 1.0 if kind == "old" else t
    return JointState(stamp=stamp, received=t, position=q, velocity=v, effort=e, gripper=0.03)


def nominal_request(kind: str, q: np.ndarray) -> tuple[np.ndarray, float] | None:
    return {"idle": None, "near": (q + 0.01, 0.0), "far": (q + 3.0, 1.0),
            "nan": (np.full(7, math.nan), 0.0), "inf": (np.full(7, math.inf), math.inf)}[kind]


class Rig:
    """Monitor, supervisor, commander and gate as the bridge wires them, and the checks every command passes."""

    def __init__(self) -> None:
        self.gate = CommandGate(PANDA, GateConfig(control_period=P))
        self.mon = FaultMonitor(PANDA, MonitorConfig(control_period=P, stale_periods=3,
                                                     estop_heartbeat_timeout=0.05), start=0.0)
        self.sup = Supervisor(clear_hold=0.03, start=0.0)
        self.cmdr = SafeCommander(self.gate)
        self.prev_cmd: np.ndarray | None = None
        self.estop_hold_sent = False

    def check(self, cmd: Command | None, mode: Mode) -> None:
        """Finite, within limits, one envelope step from the previous command (or exactly the measured state on
        a resume), and nothing after the ESTOP hold."""
        if cmd is None:
            return
        assert isinstance(cmd, Command)
        gate = self.gate
        assert np.isfinite(cmd.arm).all() and math.isfinite(cmd.gripper)
        assert (cmd.arm >= gate.lower - 1e-12).all() and (cmd.arm <= gate.upper + 1e-12).all()
        if mode == Mode.ESTOP:
            assert not self.estop_hold_sent, "commanded after the ESTOP hold"
            self.estop_hold_sent = True
        else:
            self.estop_hold_sent = False
        if cmd.source == "resume":
            assert self.mon.trusted is not None
            np.testing.assert_array_equal(cmd.arm, np.clip(self.mon.trusted.position, gate.lower, gate.upper))
        else:
            assert self.prev_cmd is not None and gate.within_envelope(self.prev_cmd, cmd.arm), (self.prev_cmd, cmd)
        self.prev_cmd = cmd.arm


@settings(max_examples=150, deadline=None)
@given(st.lists(TICK, min_size=5, max_size=120))
def test_random_fault_sequences_never_yield_an_unsafe_command(ticks: list) -> None:
    rig = Rig()
    mon, sup, cmdr = rig.mon, rig.sup, rig.cmdr
    q = HOME.copy()
    prev_sample: JointState | None = None
    for k, (skind, nkind, estop, action, drift) in enumerate(ticks):
        t = k * P
        q = np.clip(q + drift * 0.1, np.array(PANDA.lower) + 0.05, np.array(PANDA.upper) - 0.05)
        s = make_sample(skind, t, q, prev_sample)
        prev_sample = s if s is not None and skind != "nan" else prev_sample
        faults = mon.tick(t, MonitorInputs(samples=[s] if s else [], estop_asserted=estop, estop_since=t,
                                           estop_last_msg=t if action != 9 else None, command=rig.prev_cmd))
        before = sup.mode
        sup.update(t, faults)
        rearmed = False
        if action == 0:
            rearmed, _ = sup.rearm(t, mon.consistent_since)
        elif action == 1:
            sup.stop(t)
        if before == Mode.ESTOP and sup.mode != Mode.ESTOP:
            assert rearmed, "left ESTOP without a re-arm"
        resumed = sup.resumed
        sup.resumed = False
        cmd = cmdr.command(sup.mode, mon.trusted, resumed=resumed, nominal=nominal_request(nkind, q),
                           measurements_trusted=sup.measurements_trusted)
        if cmd is None:
            continue
        rig.check(cmd, sup.mode)
        if rearmed:
            assert cmd.source == "resume"
        if nkind in ("nan", "inf", "far") and sup.mode == Mode.NOMINAL and cmd.source == "policy":
            assert cmd.changed, "an out-of-envelope request passed the gate unchanged"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TICK, st.booleans()), min_size=5, max_size=120))
def test_reactions_between_ticks_keep_every_command_safe(steps: list) -> None:
    """As the bridge runs it: a sample may arrive between ticks and be evaluated at once (escalate only,
    commanding only when the mode rose, as ``BridgeCore.react``); ticks and reactions share one gate."""
    rig = Rig()
    mon, sup, cmdr = rig.mon, rig.sup, rig.cmdr
    q = HOME.copy()
    prev_sample: JointState | None = None
    out_mode = sup.mode
    for k, ((skind, nkind, estop, action, drift), between) in enumerate(steps):
        t = k * P
        q = np.clip(q + drift * 0.1, np.array(PANDA.lower) + 0.05, np.array(PANDA.upper) - 0.05)
        s = make_sample(skind, t - P / 2 if between else t, q, prev_sample)
        prev_sample = s if s is not None and skind != "nan" else prev_sample
        samples = [s] if s else []
        if between:
            before = sup.mode
            faults = mon.tick(t - P / 2, MonitorInputs(samples=samples, estop_asserted=estop, estop_since=t - P / 2,
                                                       estop_last_msg=t - P / 2, command=rig.prev_cmd,
                                                       tick_lateness=None))
            sup.escalate(t - P / 2, faults)
            assert sup.mode >= before, "a reaction lowered the mode"
            if sup.mode > out_mode:
                out_mode = sup.mode
                rig.check(cmdr.command(sup.mode, mon.trusted, measurements_trusted=sup.measurements_trusted), sup.mode)
            samples = []
        faults = mon.tick(t, MonitorInputs(samples=samples, estop_asserted=estop, estop_since=t,
                                           estop_last_msg=t if action != 9 else None, command=rig.prev_cmd))
        before = sup.mode
        sup.update(t, faults)
        rearmed = action == 0 and sup.rearm(t, mon.consistent_since)[0]
        if before == Mode.ESTOP and sup.mode != Mode.ESTOP:
            assert rearmed, "left ESTOP without a re-arm"
        resumed, sup.resumed = sup.resumed, False
        out_mode = sup.mode
        cmd = cmdr.command(sup.mode, mon.trusted, resumed=resumed, nominal=nominal_request(nkind, q),
                           measurements_trusted=sup.measurements_trusted)
        rig.check(cmd, sup.mode)
        if rearmed and cmd is not None:
            assert cmd.source == "resume"
