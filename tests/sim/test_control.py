"""The differential IK controller on its own, without an env (as the bridge will use it)."""

import math

import mujoco
import numpy as np
import pytest

from sim import PANDA, UR5E, DiffIKController, build_scene, validate_action
from sim.errors import InvalidActionError
from sim.scene import SceneConfig


def _setup(robot):  # type: ignore[no-untyped-def]
    scene = build_scene(SceneConfig(robot=robot.name))
    data = mujoco.MjData(scene.model)
    n = robot.n_arm
    data.qpos[:n] = robot.home
    data.qpos[n : n + 2] = robot.gripper_open
    mujoco.mj_forward(scene.model, data)
    ctl = DiffIKController(scene.model, robot, control_dt=0.05)
    ctl.reset(data)
    return scene.model, data, ctl


def _run(model, data, ctl, action, steps):  # type: ignore[no-untyped-def]
    for _ in range(steps):
        data.ctrl[:] = ctl.compute(data, validate_action(action))
        mujoco.mj_step(model, data, nstep=25)


@pytest.mark.parametrize("robot", [PANDA, UR5E])
@pytest.mark.parametrize("axis", [0, 1, 2])
def test_cartesian_moves_follow_the_action(robot, axis) -> None:  # type: ignore[no-untyped-def]
    model, data, ctl = _setup(robot)
    site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, "tcp")
    start = data.site_xpos[site].copy()
    action = np.zeros(5)
    action[axis] = -0.5 if axis == 2 else 0.5
    _run(model, data, ctl, action, 10)
    moved = data.site_xpos[site] - start
    expected = 10 * 0.5 * ctl.config.max_pos_step
    assert abs(moved[axis]) == pytest.approx(expected, rel=0.25)
    others = [i for i in range(3) if i != axis]
    assert np.all(np.abs(moved[others]) < 0.2 * expected)
    # The tool stays pointing down.
    assert data.site_xmat[site].reshape(3, 3)[2, 2] < -0.99


@pytest.mark.parametrize("robot", [PANDA, UR5E])
def test_zero_action_holds_still(robot) -> None:  # type: ignore[no-untyped-def]
    model, data, ctl = _setup(robot)
    site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, "tcp")
    start = data.site_xpos[site].copy()
    _run(model, data, ctl, np.zeros(5), 40)
    assert np.linalg.norm(data.site_xpos[site] - start) < 2e-3


def test_yaw_action_rotates_the_tool() -> None:
    model, data, ctl = _setup(PANDA)
    site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, "tcp")
    yaw = lambda: math.atan2(data.site_xmat[site][3], data.site_xmat[site][0])  # noqa: E731
    y0 = yaw()
    _run(model, data, ctl, np.array([0, 0, 0, 1.0, -1.0]), 4)
    assert yaw() - y0 == pytest.approx(4 * ctl.config.max_yaw_step, rel=0.3)


@pytest.mark.parametrize("robot", [PANDA, UR5E])
def test_extreme_actions_respect_joint_and_velocity_limits(robot) -> None:  # type: ignore[no-untyped-def]
    model, data, ctl = _setup(robot)
    rng = np.random.default_rng(0)
    lo, hi = np.array(robot.lower), np.array(robot.upper)
    vmax = np.array(robot.velocity_limits) * 0.05
    prev = data.qpos[: robot.n_arm].copy()
    for _ in range(150):
        ctrl = ctl.compute(data, validate_action(rng.choice([-1.0, 1.0], size=5)))
        assert np.all(ctrl[: robot.n_arm] >= lo) and np.all(ctrl[: robot.n_arm] <= hi)
        assert np.all(np.abs(ctrl[: robot.n_arm] - data.qpos[: robot.n_arm]) <= vmax + 1e-9)
        data.ctrl[:] = ctrl
        mujoco.mj_step(model, data, nstep=25)
        prev = data.qpos[: robot.n_arm].copy()
    assert np.all(np.isfinite(prev))


def test_workspace_clamp_keeps_tool_above_table() -> None:
    model, data, ctl = _setup(PANDA)
    site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, "tcp")
    _run(model, data, ctl, np.array([0, 0, -1.0, 0, -1]), 60)
    assert data.site_xpos[site][2] >= ctl.config.workspace_low[2] - 0.005


def test_gripper_closes_at_its_speed_limit() -> None:
    _model, data, ctl = _setup(PANDA)
    ctrl = ctl.compute(data, validate_action([0, 0, 0, 0, 1.0]))
    assert ctrl[-1] == pytest.approx(PANDA.gripper_open - PANDA.gripper_velocity * 0.05)


def test_validate_action() -> None:
    np.testing.assert_array_equal(validate_action([2, -3, 0, 0, 0]), [1, -1, 0, 0, 0])
    with pytest.raises(InvalidActionError, match=r"shape \(5,\)"):
        validate_action(np.zeros(7))
    with pytest.raises(InvalidActionError, match="non-finite"):
        validate_action([0, 0, np.inf, 0, 0])
