"""When the agent's actions run on the arm, tick by tick: a skill's ``step`` returns the state measured at the last
tick of its action's policy period, as the env's step returns the state after its control period, with the joints'
velocities the env reads after that motion; the next period's first tick takes the next action, waiting a bounded time
for it, and a late one is taken by a later tick with its full period, while the arm holds.

Arm and bridge run on one simulated clock (``Loop``); a thread stands in for the agent's, sending fixed actions
through the ``BridgeWorld`` as a skill does, and recording what each ``step`` returned.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import pytest
from test_bridge_core import Loop

from robot.agent_runner import AgentRun
from robot.agent_world import BridgeWorld
from robot.bridge_core import AGENT_GATE_SHARE, BridgeCore
from robot.params import BridgeParams
from robot.safety import Mode

ACTIONS = [np.array(a, dtype=np.float64) for a in
           [[0.5, 0.0, 0.0, 0.0, 0.0]] * 4 + [[0.0, 0.0, 0.0, 0.0, 0.0]] * 2 + [[0.0, -0.5, 0.5, 0.3, 0.0]] * 4]


class Agent:
    """A thread sending ``actions`` one ``step`` each, as a skill does; ``gate`` (if set) is waited on before the
    step numbered ``late``."""

    def __init__(self, world: BridgeWorld, actions: list[np.ndarray], *, late: int | None = None) -> None:
        self.world, self.actions, self.late = world, actions, late
        self.gate = threading.Event()
        self.returned: list[tuple[np.ndarray, np.ndarray]] = []
        """Per step: the arm's joint positions and velocities in the view ``step`` returned with."""
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        view = self.world.view
        try:
            self.world.wait_ready(5.0)
            for i, action in enumerate(self.actions):
                if i == self.late:
                    self.gate.wait(30.0)
                self.world.step(action)
                self.returned.append((view.data.qpos[view.arm_q].copy(), view.data.qvel[view.arm_v].copy()))
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            self.world.finish()


def _attach(loop: Loop, actions: list[np.ndarray], *, late: int | None = None) -> Agent:
    """The core drives a fresh ``BridgeWorld`` as ``start_agent`` makes one, with ``actions`` sent into it."""
    core = loop.core
    world = BridgeWorld(core.params.sim_model, cubes=core.params.cubes, controller=core.controller.config,
                        control_dt=core.controller.control_dt)
    core._agent = AgentRun("timing", planner=None, world=world, config=None)  # what start_agent sets
    agent = Agent(world, actions, late=late)
    agent.thread.start()
    return agent


class Ticks:
    """What each tick measured and did: the mirror's arm joints (the trusted reading it set), the measurement's
    time, the arm target of an action it took (None: it took none), its command's source and its wall time."""

    def __init__(self) -> None:
        self.q: list[np.ndarray] = []
        self.at: list[float] = []
        self.took: list[np.ndarray | None] = []
        self.source: list[str | None] = []
        self.wall: list[float] = []

    def step(self, loop: Loop) -> None:
        core = loop.core
        before = core.tick_count
        began = time.perf_counter()
        res = loop.step()
        self.wall.append(time.perf_counter() - began)
        view = core.mirror.view
        self.q.append(view.data.qpos[view.arm_q].copy())
        trusted = core.monitor.trusted
        assert trusted is not None
        self.at.append(trusted.received)
        target = core._target
        self.took.append(target[0].copy() if core._agent_took == before and target is not None else None)
        self.source.append(None if res.command is None else res.command.source)

    @property
    def takes(self) -> list[int]:
        return [k for k, t in enumerate(self.took) if t is not None]


def _drive(loop: Loop, agent: Agent, ticks: Ticks, *, limit: int = 400) -> None:
    for _ in range(limit):
        ticks.step(loop)
        if not agent.thread.is_alive():
            break
    agent.thread.join(5.0)
    assert agent.error is None, agent.error
    assert not agent.thread.is_alive()


@pytest.fixture
def loop() -> Any:
    loop = Loop("panda", seed=2)
    loop.run(0.6)  # armed, the arm's streams up
    yield loop
    loop.core.close()


def test_a_step_returns_the_state_its_action_made_with_the_velocities_over_its_period(loop: Loop) -> None:
    loop.core.agent_wait_s = 2.0  # lockstep: the simulated clock waits for the agent's thread
    agent = _attach(loop, ACTIONS)
    ticks = Ticks()
    _drive(loop, agent, ticks)
    every = loop.core._policy_every
    takes = ticks.takes
    assert len(takes) == len(ACTIONS) == len(agent.returned)
    # The action rate is the policy rate: each action is taken by the tick that ends the last one's period.
    assert np.all(np.diff(takes) == every), takes
    dt = loop.core.controller.control_dt
    for i, (k, (q, qvel)) in enumerate(zip(takes, agent.returned, strict=True)):
        end = k + every - 1  # the period's last tick: the next action is computed while the arm finishes it
        np.testing.assert_array_equal(q, ticks.q[end], err_msg=f"step {i}: not the state at its period's end")
        elapsed = ticks.at[end] - ticks.at[k]
        assert abs(elapsed - dt * (every - 1) / every) < 0.005, elapsed
        # The env's reading after this period's motion (test_agent_qvel_parity): in a steady move it goes the
        # motion's way, slower.
        moved = (ticks.q[end] - ticks.q[k]) / elapsed
        if i > 0 and np.any(ACTIONS[i]) and np.array_equal(ACTIONS[i], ACTIONS[i - 1]):
            assert qvel @ moved > 0 and np.linalg.norm(qvel) < np.linalg.norm(moved), f"step {i}: {qvel}, {moved}"
        target = ticks.took[k]
        assert target is not None
        if np.linalg.norm(target - ticks.q[k]) > 0.01:  # a move: the state returned is the arm moved for it
            assert np.linalg.norm(target - q) < 0.5 * np.linalg.norm(target - ticks.q[k]), (
                f"step {i}: the returned state is not the arm moved towards the action's target")
    moving = [np.linalg.norm(qvel) for _, qvel in agent.returned]
    assert min(moving[:4]) > 0.05 and moving[6] > 0.05  # the moves read as motion over their own periods
    assert loop.core.supervisor.mode == Mode.NOMINAL


def test_a_late_action_waits_a_bounded_time_holds_the_arm_and_runs_a_full_period_from_the_tick_that_takes_it(
        loop: Loop) -> None:
    wait = 0.05
    loop.core.agent_wait_s = 2.0  # lockstep for the first actions
    late = 3
    agent = _attach(loop, ACTIONS[:5], late=late)
    world = agent.world
    ticks = Ticks()
    every = loop.core._policy_every
    for _ in range(200):
        ticks.step(loop)
        if world.actions_run == late:  # the third action's result is out: the agent now holds its fourth back
            break
    assert world.actions_run == late
    loop.core.agent_wait_s = wait
    ticks.step(loop)
    due = len(ticks.q) - 1  # the tick that starts the fourth action's period: it waited for it, in vain
    assert ticks.took[due] is None and ticks.source[due] == "hold"
    assert wait <= ticks.wall[due] < wait + 1.0
    for _ in range(2 * every + 2):  # the agent is still computing: the arm holds, and no tick waits long
        ticks.step(loop)
        assert ticks.took[-1] is None and ticks.source[-1] == "hold"
    assert max(ticks.wall[due + 1:]) < wait + 1.0
    loop.core.agent_wait_s = 2.0
    agent.gate.set()
    _drive(loop, agent, ticks)
    takes = ticks.takes
    assert len(takes) == 5 and takes[late] > due + 2 * every + 2
    k = takes[late]  # taken when it came, and run for a whole period from there
    np.testing.assert_array_equal(agent.returned[late][0], ticks.q[k + every - 1])
    assert takes[late + 1] == k + every
    assert loop.core.supervisor.mode == Mode.NOMINAL


def test_the_agents_speed_fraction_follows_the_gate() -> None:
    from policies.planner.agent import POLICY_SPEED_FRACTION

    def fraction(scale: float) -> float:
        return BridgeCore(BridgeParams(gate_velocity_scale=scale), start=0.0).agent_speed_fraction

    assert fraction(BridgeParams().gate_velocity_scale) == POLICY_SPEED_FRACTION  # the simulator's pace
    assert fraction(1.0) == POLICY_SPEED_FRACTION
    assert fraction(0.3) == pytest.approx(AGENT_GATE_SHARE * 0.3) and AGENT_GATE_SHARE < 1.0
    assert fraction(0.01) == 0.05  # the least the agent takes
    loop = Loop("panda", seed=3, planner="rules", gate_velocity_scale=0.3)
    try:
        run = loop.core.start_agent("put the red cube in the bin", 0.0)
        assert run.config.policy_speed_fraction == pytest.approx(0.21)
    finally:
        loop.core.close()
