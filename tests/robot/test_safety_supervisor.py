"""Supervisor transitions tick by tick: escalation, hysteresis, latching, re-arm."""

from __future__ import annotations

import pytest

from robot.safety import SENSOR_FAULTS, Fault, FaultKind, Mode, Supervisor


def fault(kind: FaultKind, t: float = 0.0) -> Fault:
    return Fault(kind=kind, since=t)


def armed(clear_hold: float = 0.2) -> Supervisor:
    sup = Supervisor(clear_hold=clear_hold, start=0.0)
    assert sup.mode == Mode.SAFE_STOP  # starts stopped: nothing moves before an arm request
    assert sup.rearm(0.0) == (True, "re-armed from SAFE_STOP")
    sup.resumed = False
    return sup


@pytest.mark.parametrize(("kind", "mode"), [(FaultKind.POLICY_NONFINITE, Mode.DEGRADED),
                                            (FaultKind.STALE_STATE, Mode.SAFE_STOP),
                                            (FaultKind.ESTOP, Mode.ESTOP)])
def test_each_severity_picks_its_state_at_once(kind: FaultKind, mode: Mode) -> None:
    sup = armed()
    (tr,) = sup.update(0.1, [fault(kind)])
    assert sup.mode == mode and tr.source == Mode.NOMINAL and tr.target == mode
    assert kind.id in tr.cause and tr.faults == (kind.id,)
    assert sup.log[-1] is tr


def test_the_worst_fault_wins_and_milder_ones_never_lower_the_state() -> None:
    sup = armed()
    sup.update(0.1, [fault(FaultKind.POLICY_CRASH), fault(FaultKind.EFFORT_LIMIT)])
    assert sup.mode == Mode.SAFE_STOP
    assert sup.update(0.2, [fault(FaultKind.POLICY_CRASH)]) == []
    assert sup.mode == Mode.SAFE_STOP
    sup.update(0.3, [fault(FaultKind.ESTOP_HEARTBEAT)])
    assert sup.mode == Mode.ESTOP


def test_degraded_resumes_by_itself_only_after_the_hold() -> None:
    sup = armed(clear_hold=0.2)
    sup.update(0.0, [fault(FaultKind.POLICY_DEADLINE)])
    assert sup.update(0.1, []) == [] and sup.mode == Mode.DEGRADED  # hysteresis
    sup.update(0.15, [fault(FaultKind.POLICY_DEADLINE)])  # flapping restarts the hold
    assert sup.update(0.3, []) == []
    (tr,) = sup.update(0.36, [])
    assert tr.target == Mode.NOMINAL and sup.resumed
    no_auto = Supervisor(clear_hold=0.2, auto_resume_degraded=False)
    no_auto.rearm(0.0)
    no_auto.update(0.0, [fault(FaultKind.POLICY_DEADLINE)])
    assert no_auto.update(5.0, []) == [] and no_auto.mode == Mode.DEGRADED


def test_stops_are_latched_until_rearm_after_the_faults_clear() -> None:
    sup = armed(clear_hold=0.2)
    sup.update(0.0, [fault(FaultKind.ESTOP)])
    assert sup.update(10.0, []) == [] and sup.mode == Mode.ESTOP
    sup.update(10.0, [fault(FaultKind.ESTOP)])
    ok, why = sup.rearm(10.1)
    assert not ok and "estop" in why and sup.mode == Mode.ESTOP
    ok, why = sup.rearm(10.25)
    assert ok and sup.mode == Mode.NOMINAL and sup.resumed
    assert sup.log[-1].cause == "re-armed from ESTOP"
    assert sup.rearm(10.3) == (False, "already NOMINAL")


def test_operator_stop() -> None:
    sup = armed()
    (tr,) = sup.stop(1.0)
    assert sup.mode == Mode.SAFE_STOP and tr.faults == ("operator_stop",)
    assert sup.stop(1.1) == []
    assert sup.rearm(1.2)[0]
    sup.update(2.0, [fault(FaultKind.ESTOP)])
    assert sup.stop(2.1) == [] and sup.mode == Mode.ESTOP  # a stop never lowers the state


def test_escalate_between_ticks_falls_back_at_once_but_never_resumes() -> None:
    sup = armed(clear_hold=0.05)
    (tr,) = sup.escalate(0.1, [fault(FaultKind.POLICY_CRASH)])
    assert sup.mode == Mode.DEGRADED and tr.target == Mode.DEGRADED
    assert sup.escalate(0.5, []) == [] and sup.mode == Mode.DEGRADED  # cleared long ago: still no resume
    assert sup.escalate(0.5, [fault(FaultKind.POLICY_CRASH)]) == []  # seen again: counts for the hysteresis
    assert sup.pending(0.52) == [FaultKind.POLICY_CRASH]
    assert sup.update(0.52, []) == [] and sup.mode == Mode.DEGRADED
    (back,) = sup.update(0.56, [])  # the tick resumes once the hold has passed
    assert back.target == Mode.NOMINAL and sup.resumed


@pytest.mark.parametrize("kind", [k for k in FaultKind if k in SENSOR_FAULTS])
def test_a_sensor_fault_withdraws_trust_until_a_rearm_after_a_consistent_run(kind: FaultKind) -> None:
    sup = armed(clear_hold=0.2)
    sup.escalate(1.0, [fault(kind, 1.0)])
    assert sup.mode == Mode.SAFE_STOP and not sup.measurements_trusted and sup.distrusted_by == kind
    ok, why = sup.rearm(1.1, consistent_since=1.05)
    assert not ok and kind.id in why  # still pending
    ok, why = sup.rearm(1.3, consistent_since=None)
    assert not ok and "no fresh run of consistent joint states" in why
    ok, why = sup.rearm(1.3, consistent_since=1.15)
    assert not ok and "0.150 s of 0.200 s" in why
    assert sup.rearm_blocker(1.35, consistent_since=1.15) is None
    ok, why = sup.rearm(1.35, consistent_since=1.15)
    assert ok and sup.measurements_trusted and sup.distrusted_by is None and sup.resumed


def test_other_stops_keep_the_readings_trusted() -> None:
    sup = armed(clear_hold=0.2)
    sup.escalate(1.0, [fault(FaultKind.EFFORT_LIMIT, 1.0), fault(FaultKind.ESTOP, 1.0)])
    assert sup.mode == Mode.ESTOP and sup.measurements_trusted
    assert sup.rearm(1.3)[0]  # no run of readings asked for
    # Trust withdrawn while already stopped (an operator stop, then an encoder jump) still needs the run.
    sup.stop(2.0)
    sup.escalate(2.1, [fault(FaultKind.STATE_JUMP, 2.1)])
    assert sup.mode == Mode.SAFE_STOP and not sup.measurements_trusted
    assert not sup.rearm(3.0)[0]
