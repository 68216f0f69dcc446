"""The joint velocities a task's policy observes through the bridge are the env's for the same motion.

The env's joint_vel (``sim.observation_contract``) is MuJoCo's ``qvel`` when its step returns: its arm servo was
given the period's joint target at the start and is near it, slowing down, by the end. Behind the bridge the gate
ramps the command tick by tick and the arm moves steadily, so the driver's velocity (what ``BridgeCore.observation``
served a task's policy before) reads about four times the env's. The observation now carries what the env's servo
would read after the motion measured between policy ticks (``robot.env_servo.EnvServo``); the safety checks keep
reading the driver's.

Tick by tick, arm and bridge on one simulated clock (``Loop``), a task's policy sending a move, a stop and another
move: each observation's joint velocities are the env's after the same actions from the same joint state, within
``TOLERANCE``; the fault monitor's trusted reading, which the gate and the supervisor judge, is the driver's own; a
restart reads the arm at rest, as the env's first observation after a reset does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import mujoco
import numpy as np
import pytest
from test_agent_qvel_parity import MOVES, _env
from test_bridge_core import Loop

from robot.bridge_core import BridgeCore

TOLERANCE = (0.08, 0.25)
"""Per joint, |bridge - env| <= 0.08 rad/s + 0.25 |env|, as for the agent's skills (test_agent_qvel_parity): the
two arms start each period a little apart (the bridge's trails the ramped command). The driver's reading, served
before, is four to five times the env's in the moves."""
TYPICAL = 0.04
"""The median over steps of the largest per-joint |bridge - env| (rad/s): 0.021 with the servo started at the
velocity the last period ended with, as the env's arm starts it, and 0.068 when it always starts from rest, which the
per-step bound lets pass (REV session 7, G3)."""


class Replay:
    """A task's policy that sends ``MOVES`` then holds, and keeps what each call observed beside what the fault
    monitor trusted and the driver last sent at that moment."""

    def __init__(self, core: BridgeCore, received: list[np.ndarray]) -> None:
        self.core, self.received = core, received
        self.seen: list[dict[str, Any]] = []
        self.resets = 0

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        trusted = self.core.monitor.trusted
        assert trusted is not None
        self.seen.append({"joint_pos": np.array(obs["joint_pos"]), "joint_vel": np.array(obs["joint_vel"]),
                          "trusted": trusted.velocity.copy(), "driver": self.received[-1].copy()})
        i = len(self.seen) - 1
        return MOVES[i] if i < len(MOVES) else np.zeros(5)

    def reset(self) -> None:
        self.resets += 1


@pytest.fixture
def replaying() -> Iterator[tuple[Loop, Replay]]:
    """Arm and bridge armed (seed 2, as the agent's parity test), the ``Replay`` policy running a task."""
    loop = Loop("panda", seed=2)
    core = loop.core
    received: list[np.ndarray] = []
    take = core.on_joint_state

    def on_joint_state(names: Any, position: Any, velocity: Any, effort: Any, stamp: float, now: float) -> None:
        received.append(np.array(velocity[: core.robot.n_arm], dtype=np.float64))  # the driver's own reading
        take(names, position, velocity, effort, stamp, now)

    core.on_joint_state = on_joint_state  # type: ignore[method-assign]
    loop.run(0.6)  # armed, the arm's streams up
    policy = Replay(core, received)
    core.policy = policy
    try:
        assert core.on_instruction("put the red cube in the bin", loop.t) is not None
        yield loop, policy
    finally:
        core.close()


def test_a_task_policy_observes_the_joint_velocities_the_env_observes_after_the_same_motion(
        replaying: tuple[Loop, Replay]) -> None:
    loop, policy = replaying
    while len(policy.seen) <= len(MOVES):
        loop.step()
    seen = policy.seen
    assert loop.core.supervisor.mode.name == "NOMINAL"

    # The env, from the joint state the first action was computed in, at rest as the arm was; each of its steps
    # against the observation after that action's period, as the env's step returns the state after its period.
    env = _env(2)
    env.view.data.qpos[env.view.arm_q] = seen[0]["joint_pos"]
    env.view.data.qvel[:] = 0.0
    mujoco.mj_forward(env.model, env.data)
    env.controller.reset(env.data)
    slack, share = TOLERANCE
    moving, worst = [], []
    for i, (action, after) in enumerate(zip(MOVES, seen[1:], strict=False)):
        theirs = np.asarray(env.step(action)[0]["joint_vel"]).copy()
        served = after["joint_vel"]
        assert (np.abs(served - theirs) <= slack + share * np.abs(theirs)).all(), (
            f"step {i}: served {np.round(served, 3).tolist()}, the env's {np.round(theirs, 3).tolist()}")
        moving.append(float(np.linalg.norm(theirs)))
        worst.append(float(np.abs(served - theirs).max()))
    env.close()
    assert len(moving) == len(MOVES)
    assert float(np.median(worst)) < TYPICAL, worst  # each period starts as the last ended: no rest in between
    assert min(moving[2:8]) > 0.1 and min(moving[14:]) > 0.1  # the moves are moves in the env as well
    np.testing.assert_array_equal(seen[0]["joint_vel"], 0.0)  # the first observation: at rest, as after a reset

    # The safety checks judge the driver's reading, never the served one: mid-move it is two to four times larger.
    for i, tick in enumerate(seen):
        np.testing.assert_array_equal(tick["trusted"], tick["driver"], err_msg=f"policy tick {i}")
    for i in list(range(3, 9)) + list(range(15, len(MOVES) + 1)):
        driver, served = (float(np.linalg.norm(seen[i][k])) for k in ("driver", "joint_vel"))
        assert driver > 1.5 * served, (i, driver, served)


def test_a_restart_reads_the_arm_at_rest_as_a_reset_env_does(replaying: tuple[Loop, Replay]) -> None:
    loop, policy = replaying
    while len(policy.seen) < 6:  # mid-move
        loop.step()
    assert float(np.linalg.norm(policy.seen[-1]["joint_vel"])) > 0.1
    resets = policy.resets
    loop.core._restart_ik = True  # what the backup's retreat leaves for the next tick: IK and policy restart
    while len(policy.seen) < 7:
        loop.step()
    assert policy.resets == resets + 1
    np.testing.assert_array_equal(policy.seen[-1]["joint_vel"], 0.0)
    while len(policy.seen) < 8:  # the next period reads the motion again
        loop.step()
    assert float(np.linalg.norm(policy.seen[-1]["joint_vel"])) > 0.05
