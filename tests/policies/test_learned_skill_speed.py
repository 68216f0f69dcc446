"""A learned skill's action is slowed, direction kept, to joint speeds the bridge's command gate lets through
(``policies.planner.agent.within_joint_speed``): the controller's step for it, gated as the bridge gates it, is
not clipped, while the unscaled full-speed action's is."""

from __future__ import annotations

from collections.abc import Iterator

import mujoco
import numpy as np
import pytest

from policies.planner.agent import POLICY_SPEED_FRACTION, AgentConfig, AgentConfigError, within_joint_speed
from robot.params import BridgeParams
from robot.safety.command_gate import CommandGate, GateConfig
from sim.env import TabletopEnv

GATE_TICKS = 5  # 100 Hz control ticks per 20 Hz policy step, the bridge's defaults


@pytest.fixture(scope="module", params=["panda", "ur5e"])
def env(request: pytest.FixtureRequest) -> Iterator[TabletopEnv]:
    e = TabletopEnv(task="pick_place", robot=request.param)
    e.reset(seed=3)
    yield e
    e.close()


def _at_home(env: TabletopEnv) -> None:
    """The arm at its home pose (the controller's posture pull is then zero) with the controller's target there."""
    robot = env.scene.robot
    env.data.qpos[env.view.arm_q] = robot.home
    env.data.qvel[:] = 0.0
    mujoco.mj_forward(env.model, env.data)
    env.controller.reset(env.data)


def _commanded_step(env: TabletopEnv, action: np.ndarray) -> np.ndarray:
    """The joint step the controller commands for ``action`` from rest at home."""
    _at_home(env)
    q = env.view.arm_qpos.copy()
    return np.asarray(env.controller.compute(env.data, np.clip(action, -1.0, 1.0))[: q.size] - q)


def _gated_changes(env: TabletopEnv, step: np.ndarray) -> set[str]:
    """What the bridge's command gate changes when the arm is sent ``step`` away within one policy period."""
    robot = env.scene.robot
    params = BridgeParams()
    gate = CommandGate(robot, GateConfig(control_period=1.0 / params.control_rate_hz,
                                         velocity_scale=params.gate_velocity_scale))
    q = np.array(robot.home)
    gate.reset(q, robot.gripper_open)
    changed: set[str] = set()
    for k in range(1, GATE_TICKS + 1):  # the arm sent along the step at the pace the policy period spreads it over
        changed |= set(gate.apply(q + step * k / GATE_TICKS, robot.gripper_open).changed)
    return changed


def test_the_fraction_keeps_within_the_bridge_gates() -> None:
    assert BridgeParams().gate_velocity_scale > POLICY_SPEED_FRACTION
    assert AgentConfig().policy_speed_fraction == POLICY_SPEED_FRACTION


FULL_SPEED = ([1.0, 0.0, -1.0, 1.0, 1.0], [0.7, -1.0, 0.3, 0.8, -1.0], [-1.0, 1.0, 1.0, -1.0, 0.2])


@pytest.mark.parametrize("action", FULL_SPEED)
def test_a_full_speed_action_is_slowed_along_its_direction_to_what_the_gate_passes(env: TabletopEnv,
                                                                                   action: list[float]) -> None:
    a = np.array(action)
    _at_home(env)
    scaled = within_joint_speed(a, env.view, env.controller.config, env.control_dt, POLICY_SPEED_FRACTION)
    moved = a[:4] != 0.0
    factor = scaled[:4][moved] / a[:4][moved]
    assert 0.0 < factor.min() < 1.0
    np.testing.assert_allclose(factor, factor[0], rtol=1e-9)  # one factor: the direction is kept
    assert np.all(scaled[:4][~moved] == 0.0)
    assert scaled[4] == a[4]  # the gripper is not a move
    assert "max_step" in _gated_changes(env, _commanded_step(env, a))  # full speed: clipped joint by joint
    step = _commanded_step(env, scaled)
    cap = np.array(env.scene.robot.velocity_limits) * POLICY_SPEED_FRACTION * env.control_dt
    assert np.all(np.abs(step) <= cap * (1 + 1e-6))
    assert np.max(np.abs(step) / cap) > 0.99  # slowed to the cap, not below it
    assert _gated_changes(env, step) == set()


def test_a_slow_action_and_an_unlimited_fraction_are_left_as_they_are(env: TabletopEnv) -> None:
    _at_home(env)
    slow = np.array([0.1, -0.05, 0.05, 0.0, 1.0])
    np.testing.assert_array_equal(within_joint_speed(slow, env.view, env.controller.config, env.control_dt, 0.5), slow)
    still = np.array([0.0, 0.0, 0.0, 0.0, -1.0])
    np.testing.assert_array_equal(within_joint_speed(still, env.view, env.controller.config, env.control_dt, 0.5),
                                  still)
    fast = np.array([1.0, 0.0, -1.0, 0.0, 1.0])
    full = within_joint_speed(fast, env.view, env.controller.config, env.control_dt, 1.0)
    step = _commanded_step(env, full)
    assert np.all(np.abs(step) <= np.array(env.scene.robot.velocity_limits) * env.control_dt * (1 + 1e-6))


@pytest.mark.parametrize("fraction", [0.0, 1.5, True, "half"])
def test_a_fraction_outside_its_range_is_refused(fraction: object) -> None:
    with pytest.raises(AgentConfigError, match="policy_speed_fraction"):
        AgentConfig(policy_speed_fraction=fraction)  # type: ignore[arg-type]
