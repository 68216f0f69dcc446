"""The bridge's own first arming (``arm_on_start``) happens once, and only before any arming: an operator's re-arm
accepted before the first trusted joint state (the start-up state reports rearm_ready) is that arming too, so a stop
that latches after it (no readings yet: stale_state, estop_heartbeat) stays latched until the next request. Without
the fix the bridge re-arms that stop by itself once readings come ("re-armed from ESTOP" with no request; found by
ROB in session 18)."""

from __future__ import annotations

from test_bridge_core import Loop

from robot.safety import Mode


def test_a_stop_after_an_operators_first_arming_is_never_rearmed_by_the_bridge_itself() -> None:
    loop = Loop()
    core = loop.core
    core.tick(0.0)
    ok, why = core.rearm(0.005)  # before any joint state: accepted (nothing pending yet)
    assert ok, why
    for k in range(1, 60):  # 0.6 s without joint states: stale, then the heartbeat's loss
        core.tick(k * 0.01)
    stopped = core.supervisor.mode
    assert stopped in (Mode.SAFE_STOP, Mode.ESTOP), stopped
    n = len(core.supervisor.log)
    loop.k, loop.t, loop.sub_t = 60, 0.6, 0.6
    loop.arm.advance(0.6)
    loop.run(2.0)  # healthy readings and heartbeat from now on: the faults clear, nobody asks to re-arm
    assert core.supervisor.mode == stopped, [(t.t, t.cause) for t in core.supervisor.log[n - 1:]]
    assert not any(t.cause.startswith("re-armed") for t in core.supervisor.log[n:]), core.supervisor.log[n:]
