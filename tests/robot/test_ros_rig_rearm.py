"""What the ROS rigs (robot/ros_rig/bridge_rig.py) decide from a bridge's ``~/state``, on the states the bridge core
itself publishes, tick by tick on a simulated clock (no DDS).

CI, 2026-12-07 (test_perception_loop_ros): the loop took the bridge's start-up state (SAFE_STOP, never armed,
``rearm_ready`` before any fault was seen) for a stop, asked ``~/rearm`` (refused: a state_rate warning came
first), and the bridge then armed by itself (``arm_on_start``); the rig's next wait for ``rearm_ready``, which a
NOMINAL bridge never reports, ran out after 10 s. The rig now re-arms at start-up only a stop latched by timing
faults (``timing_stop_ready``), and a re-arm wait ends at a NOMINAL state reached by a transition after the one it
started from (``rearmed_after``), never at a NOMINAL state read before the stop.
"""

from __future__ import annotations

from typing import Any

from test_bridge_core import Loop

from robot.ros_rig.bridge_rig import TIMING_FAULTS, published_after, rearmed_after, timing_stop_ready, transition_t
from robot.safety import Mode


def _state(loop: Loop) -> dict[str, Any]:
    return loop.core.state(loop.t)


def test_the_start_up_state_is_no_stop_to_rearm_and_the_bridges_own_arming_ends_a_rearm_wait() -> None:
    loop = Loop()
    loop.core.tick(0.0)
    start = _state(loop)
    # What the CI loop misread: stopped, before the first joint state and before any fault (ready then, until
    # session 19; now not ready before a trusted reading, which changes nothing the rig decides).
    assert (start["mode"], start["armed"], start["rearm_ready"]) == ("SAFE_STOP", False, False), start
    assert start["last_transition"]["cause"] == "startup" and start["last_transition"]["faults"] == []
    assert start["t"] == loop.t  # when it was published (node clock): a reader tells it from a state after its action
    assert not timing_stop_ready(start), start
    assert not rearmed_after(start, None), start
    loop.run(1.0)  # the bridge arms by itself on its first healthy joint states
    armed = _state(loop)
    assert (armed["mode"], armed["armed"]) == ("NOMINAL", True), armed
    assert armed["rearm_ready"] is False  # the wait that ran out in CI: a NOMINAL bridge never reports it
    assert rearmed_after(armed, transition_t(start)), (start["last_transition"], armed["last_transition"])
    assert not timing_stop_ready(armed)


def test_a_nominal_state_read_before_a_stop_never_ends_the_wait_for_its_rearm() -> None:
    loop = Loop()
    loop.run(1.0)
    before = _state(loop)
    assert before["mode"] == "NOMINAL", before
    loop.inject({"fault": "stale"})
    assert loop.until(lambda r: r.mode == Mode.SAFE_STOP, 1.0) is not None
    loop.run(0.2)
    stopped = _state(loop)
    since = transition_t(stopped)
    assert stopped["mode"] == "SAFE_STOP" and set(stopped["last_transition"]["faults"]) <= TIMING_FAULTS, stopped
    assert not stopped["rearm_ready"] and not timing_stop_ready(stopped)  # the stream is still stale
    # The NOMINAL state from before the stop, handled late by a busy probe: older than the stop, it ends nothing,
    # and a rig that asks for a state published after its own call (``BridgeRig.fresh_state``, ``try_arm``) never
    # judges it: only the stopped one.
    assert not rearmed_after(before, since)
    asked = since + 0.1  # a rig's call 0.1 s after the stop, on the same clock
    assert not published_after(before, asked) and published_after(stopped, asked), (before["t"], stopped["t"], asked)
    assert not published_after({}, asked)  # no state yet
    loop.clear()
    loop.run(1.0)
    ready = _state(loop)
    assert ready["mode"] == "SAFE_STOP" and timing_stop_ready(ready), ready  # latched, its fault clear
    assert not rearmed_after(ready, since)
    ok, why = loop.core.rearm(loop.t)
    assert ok, why
    loop.step()
    after = _state(loop)
    assert rearmed_after(after, since) and not rearmed_after(after, transition_t(after)), after


def test_a_stop_of_the_readings_themselves_is_never_a_timing_stop_to_rearm() -> None:
    loop = Loop()
    loop.run(1.0)
    loop.inject({"fault": "jump", "joint": 0, "magnitude": 0.3})
    assert loop.until(lambda r: r.mode == Mode.SAFE_STOP, 1.0) is not None
    loop.clear()
    loop.run(1.5)
    state = _state(loop)
    assert state["mode"] == "SAFE_STOP" and "state_jump" in state["last_transition"]["faults"], state
    assert state["rearm_ready"], state  # ready for a technician, who looks first: a rig never re-arms it
    assert not timing_stop_ready(state)
