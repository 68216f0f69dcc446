"""When the agent's pending action is void, tick by tick: an action computed from a state older than what the bridge
now knows is never taken. Its ``step`` returns at once with the state measured now and no joint velocity.

* A cube perception loses at the start of an action's period: the queued action was computed from the previous
  period's result, served a tick before the loss was applied. The tick that applies the loss takes no action (REV F3;
  before, the hand could move one more Cartesian step toward a cube the bridge no longer trusts).
* A resume from DEGRADED: an action queued before the pause was computed from a state the pause left behind. The
  resume takes none of it (REV F4; before, the first NOMINAL tick took it, a step in a stale direction).

Arm and bridge run on one simulated clock (``Loop``). A thread stands in for the agent's and sends actions through
the ``BridgeWorld`` as a skill does (``test_agent_world_timing.Agent``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np
import pytest
from test_agent_world_timing import Ticks, _attach, _drive
from test_bridge_core import Loop, _hide

from robot.safety import Mode

HOLD = np.zeros(5)
MOVE = np.array([0.5, 0.0, 0.0, 0.0, 0.0])


@pytest.fixture
def loop() -> Iterator[Loop]:
    """Armed, the arm's streams up, before a tick that gets an objects message (20 Hz, one tick in the policy
    period's five): an action taken there in lockstep starts periods that such ticks start."""
    armed = Loop("panda", seed=2)
    armed.run(0.6)
    while (armed.core.tick_count + 1) % armed.core._policy_every:
        armed.step()
    try:
        yield armed
    finally:
        armed.core.close()


def test_a_cube_lost_at_a_periods_start_voids_the_action_queued_before_the_loss(loop: Loop) -> None:
    core = loop.core
    every = core._policy_every
    core.agent_wait_s = 2.0  # lockstep: the simulated clock waits for the agent's thread
    agent = _attach(loop, [MOVE * 0.2] * 16)  # the skill's actions, the loss comes about ten periods in
    hidden = {"green_cube"}
    _hide(loop, hidden)  # perception no longer reports it: lost after the grace period, at a message's tick
    ticks = Ticks()
    missing: list[frozenset[str]] = []
    for _ in range(400):
        ticks.step(loop)
        missing.append(core.missing_objects)
        if not agent.thread.is_alive():
            break
    agent.thread.join(5.0)
    assert agent.error is None, agent.error
    lost = next(k for k, m in enumerate(missing) if "green_cube" in m)
    before = [k for k in ticks.takes if k < lost]
    assert len(before) >= 5 and np.all(np.diff(before) == every), before
    assert lost == before[-1] + every, "the loss did not land on a period's start: the case was not exercised"
    # The tick that applied the loss took no action: the one queued from the period's result, served before the loss
    # was applied, is void, and the arm holds.
    assert ticks.took[lost] is None and ticks.source[lost] == "hold"
    q, qvel = agent.returned[len(before)]  # its step returned with the state the loss was seen in, and no velocity
    np.testing.assert_array_equal(q, ticks.q[lost])
    np.testing.assert_array_equal(qvel, np.zeros_like(qvel))
    # A skill ends on that step (``sim.skills.run_skill``); this agent sends its next, computed knowing the loss.
    assert len(ticks.takes) == len(agent.actions) - 1
    assert core.supervisor.mode == Mode.NOMINAL


@pytest.mark.parametrize("queued", ["in_the_pause", "after_the_resume"])
def test_a_resume_from_degraded_voids_the_action_computed_before_the_pause(loop: Loop, queued: str) -> None:
    """The agent's fourth action is computed from the third's result, before the pause. It is queued during the pause
    (it waits there to be taken), or only after the resume (the skill was still computing): either way it is void,
    and its step returns with the state of the tick that voided it."""
    core = loop.core
    core.agent_wait_s = 2.0
    late = 3
    actions = [MOVE] * late + [MOVE] + [HOLD] * 3  # the fourth, computed before the pause, moves: it must not run
    agent = _attach(loop, actions, late=late)
    world = agent.world
    ticks = Ticks()
    for _ in range(200):
        ticks.step(loop)
        if world.actions_run == late:  # the third's result is out; the agent holds its fourth back
            break
    assert world.actions_run == late
    core.agent_wait_s = 0.0  # the arm holds while the agent holds its action back
    loop.inject({"fault": "drop", "rate": 0.8})
    for _ in range(200):
        ticks.step(loop)
        if core.supervisor.mode == Mode.DEGRADED:
            break
    assert core.supervisor.mode == Mode.DEGRADED
    for _ in range(3):  # the pause has begun (its own restart is done) before the action comes
        ticks.step(loop)

    def queue() -> None:
        agent.gate.set()
        deadline = time.monotonic() + 10.0
        while world._action is None and time.monotonic() < deadline:
            time.sleep(0.001)
        assert world._action is not None

    if queued == "in_the_pause":
        queue()
    loop.clear()
    for _ in range(300):
        ticks.step(loop)
        if core.supervisor.mode == Mode.NOMINAL:
            break
    assert core.supervisor.mode == Mode.NOMINAL
    voided = len(ticks.q) - 1  # the resume's tick
    if queued == "after_the_resume":
        for _ in range(2):
            ticks.step(loop)
        queue()
        voided = len(ticks.q)  # the next tick's
    core.agent_wait_s = 2.0
    _drive(loop, agent, ticks)
    after = [k for k in ticks.takes if k >= voided]
    assert len(after) == len(actions) - late - 1, (after, voided)  # the fourth was never taken
    for k in after:  # the holds the agent sent after the pause: none moves the arm a Cartesian step
        target = ticks.took[k]
        assert target is not None and np.linalg.norm(target - ticks.q[k]) < 0.01, (k, target - ticks.q[k])
    q, qvel = agent.returned[late]
    np.testing.assert_array_equal(q, ticks.q[voided])  # its step returned with the state of the tick that voided it
    np.testing.assert_array_equal(qvel, np.zeros_like(qvel))
    assert core.supervisor.mode == Mode.NOMINAL
