"""The first arming, tick by tick (BridgeCore with the simulated arm on one clock, ``Loop``).

Nothing is armed before the first trusted joint state (session 19): the start-up state reported ``rearm_ready``
before any reading (no fault seen yet), and an operator's ``~/rearm`` then was accepted with nothing measured; the
bridge would command from whatever reading came first. Now ``rearm_ready`` is false and the request is refused,
naming why, until a reading passed every check; the bridge's own start-up arming (``arm_on_start``) then arms it.

The start-up arming happens once, and only before any arming (4415fe1, found by ROB in session 18): an operator's
arming accepted before it (after the first trusted reading, before the tick that would arm) is the first arming,
so a stop that latches after it stays latched until the next request; the bridge never lifts it by itself.
"""

from __future__ import annotations

from test_bridge_core import SUB, Loop

from robot.bridge_core import BridgeCore
from robot.params import BridgeParams
from robot.safety import Mode


def _rearms(core: BridgeCore) -> list[str]:
    return [t.cause for t in core.supervisor.log if t.cause.startswith("re-armed")]


def test_no_arming_before_the_first_trusted_joint_state_then_the_bridge_arms_by_itself_once() -> None:
    loop = Loop()
    core = loop.core
    events = []
    for k in range(3):  # 20 ms, no joint state yet (the stale limit is further off: no fault seen)
        res = core.tick(k * 0.01)
        assert res.command is None
        events += res.events
        state = core.state(k * 0.01)
        assert (state["mode"], state["armed"], state["rearm_ready"]) == ("SAFE_STOP", False, False), state
        assert state["faults"] == [] and state["pending"] == [], state  # not ready, though no fault was seen
        ok, why = core.rearm(k * 0.01 + 0.005)
        assert not ok and why.startswith("no trusted joint state yet (none received)"), why
    events += core.tick(0.03).events
    assert not core.armed and core.supervisor.mode == Mode.SAFE_STOP and _rearms(core) == []
    refusals = [e for e in events if e.get("event") == "rearm"]
    assert len(refusals) == 3 and not any(e["ok"] for e in refusals), refusals  # each refusal is an event too
    loop.k, loop.t, loop.sub_t = 4, 0.04, 0.04
    loop.arm.advance(0.04)
    loop.run(1.0)  # healthy readings: the bridge arms itself on the first trusted one, once
    assert core.armed and core.supervisor.mode == Mode.NOMINAL
    assert _rearms(core) == ["re-armed from SAFE_STOP"], core.supervisor.log
    first = next(r for r in loop.results if r.command is not None)
    assert first.command.source == "resume" and first.record["measured"] == first.command.arm.tolist(), first.record


def test_an_untrusted_first_reading_arms_nothing_and_the_refusal_names_its_fault() -> None:
    # Readings that arrive but fail a check (here: a joint 0.5 rad past its limit) are no trusted reading.
    loop = Loop()
    core = loop.core
    upper = core.robot.upper[0]
    for k in range(1, 31):
        t = round(k * SUB, 9)
        loop.arm.advance(t)
        for s in loop.arm.faults.filter(loop.arm.sample(int(t * 1e9)), t):
            position = list(s.position)
            position[0] = upper + 0.5
            core.on_joint_state(s.names, position, s.velocity, s.effort, s.stamp_ns * 1e-9, t)
            core.react(t)
        if k % 3 == 0:
            core.tick(t)
    now = 30 * SUB
    state = core.state(now)
    assert core.monitor.trusted is None and not core.armed, state
    assert state["rearm_ready"] is False and state["faults"], state
    ok, why = core.rearm(now)
    assert not ok and why.startswith("no trusted joint state yet (none passed every check yet)"), why
    assert "faults not cleared: " in why, why  # the fault that withheld the trust is named
    assert core.supervisor.mode == Mode.SAFE_STOP and _rearms(core) == []


def test_a_driver_profiles_preflight_answers_first_and_the_readings_decide_after_it() -> None:
    # A driver profile (start disarmed): before any joint state the preflight names the missing stream; the state
    # says not ready either way.
    core = BridgeCore(BridgeParams(robot="ur5e", profile="ur", arm_on_start=False, estop_heartbeat=False,
                                   expected_state_rate_hz=100.0, planner="none"), start=0.0)
    core.tick(0.0)
    assert core.state(0.0)["rearm_ready"] is False
    ok, why = core.rearm(0.005, [])
    assert not ok and "preflight failed" in why, why


def test_a_stop_after_an_operators_first_arming_is_never_rearmed_by_the_bridge_itself() -> None:
    loop = Loop()
    core = loop.core
    core.tick(0.0)
    # The first joint state arrives and is trusted (the reaction on it); the operator's request comes before the
    # tick that would have armed the bridge by itself: accepted, and it is the first arming.
    loop.sub_t = SUB
    loop.arm.advance(SUB)
    (sample,) = loop.arm.faults.filter(loop.arm.sample(int(SUB * 1e9)), SUB)
    core.on_joint_state(sample.names, sample.position, sample.velocity, sample.effort, sample.stamp_ns * 1e-9, SUB)
    loop.react(SUB)
    assert core.monitor.trusted is not None and core.state(SUB)["rearm_ready"], core.state(SUB)
    ok, why = core.rearm(SUB + 0.001)
    assert ok, why
    loop.inject({"fault": "stale"})  # then the stream stops: a stop latches after the operator's arming
    loop.run(0.6)
    stopped = core.supervisor.mode
    assert stopped in (Mode.SAFE_STOP, Mode.ESTOP), stopped
    n = len(core.supervisor.log)
    loop.clear()
    loop.run(2.0)  # healthy readings from now on: the faults clear, nobody asks to re-arm
    assert core.supervisor.mode == stopped, [(t.t, t.cause) for t in core.supervisor.log[n - 1:]]
    assert not any(t.cause.startswith("re-armed") for t in core.supervisor.log[n:]), core.supervisor.log[n:]
    assert _rearms(core) == ["re-armed from SAFE_STOP"], core.supervisor.log
