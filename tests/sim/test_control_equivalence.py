"""The optimised DiffIKController against a frozen copy of its maths as of the golden trajectories.

The golden replays (sim/regression/golden), the shipped BC checkpoint and its evaluation figures all
depend on the controller's output. ``_FrozenController`` below is the controller as it was when they
were recorded, written the plain numpy way (np.vstack, np.linalg.solve, temporaries everywhere). The
production controller must reproduce it bit for bit: it runs the same floating-point operations in the
same order on the same BLAS/LAPACK kernels, only without temporaries and Python-level overhead.

Both sides run in the same process on one machine and BLAS build (checked on an Intel Xeon, Sapphire Rapids,
x86-64), so bit equality holds on any CPU; no numbers recorded elsewhere are compared.
"""

from __future__ import annotations

import copy
import math

import mujoco
import numpy as np
import pytest

from sim import PANDA, UR5E, DiffIKController, build_scene, validate_action
from sim.control import ControllerConfig
from sim.robots.spec import RobotSpec
from sim.scene import SceneConfig


def _wrap(angle: float) -> float:
    return (angle + math.pi) % (2.0 * math.pi) - math.pi


class _FrozenController:
    """Do not edit: the reference maths (the controller at commit 2614fb3)."""

    def __init__(self, model: mujoco.MjModel, robot: RobotSpec, config: ControllerConfig,
                 control_dt: float) -> None:
        self.model, self.robot, self.config = model, robot, config
        jids = [mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.arm_joints]
        self.dof = np.array([model.jnt_dofadr[j] for j in jids])
        self.qadr = np.array([model.jnt_qposadr[j] for j in jids])
        self.site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, robot.tcp_site)
        gj = [mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.gripper_joints]
        self.grip_qadr = np.array([model.jnt_qposadr[j] for j in gj])
        self.lo = np.array(robot.lower) + config.joint_margin
        self.hi = np.array(robot.upper) - config.joint_margin
        self.home = np.array(robot.home)
        self.max_dq = np.array(robot.velocity_limits) * control_dt
        self.grip_step = robot.gripper_velocity * control_dt
        self.redundant = len(robot.arm_joints) > 6 and config.nullspace_gain > 0
        self.target_pos = np.zeros(3)
        self.target_yaw = 0.0
        self.gripper_target = robot.gripper_open

    def reset(self, data: mujoco.MjData) -> None:
        x_axis = data.site_xmat[self.site]
        self.target_pos = data.site_xpos[self.site].copy()
        self.target_yaw = math.atan2(x_axis[3], x_axis[0])
        self.gripper_target = float(data.qpos[self.grip_qadr].mean())

    def compute(self, data: mujoco.MjData, action: np.ndarray) -> np.ndarray:
        cfg = self.config
        p = data.site_xpos[self.site].tolist()
        m = data.site_xmat[self.site].tolist()
        yaw = math.atan2(m[3], m[0])
        t = self.target_pos.tolist()
        a = action.tolist()
        target = [min(max(t[i] + a[i] * cfg.max_pos_step, p[i] - cfg.max_lead), p[i] + cfg.max_lead)
                  for i in range(3)]
        target = [min(max(target[i], float(cfg.workspace_low[i])), float(cfg.workspace_high[i])) for i in range(3)]
        self.target_pos = np.array(target)
        yaw_lead = _wrap(self.target_yaw + a[3] * cfg.max_yaw_step - yaw)
        self.target_yaw = _wrap(yaw + min(max(yaw_lead, -cfg.max_yaw_lead), cfg.max_yaw_lead))
        c, s = math.cos(self.target_yaw), math.sin(self.target_yaw)
        err = np.array([
            target[0] - p[0], target[1] - p[1], target[2] - p[2],
            0.5 * ((-(m[6] * s) + m[7] * c) - m[5]),
            0.5 * ((m[6] * c + m[7] * s) + m[2]),
            0.5 * ((m[0] * s - m[3] * c) + (-(m[1] * c) - m[4] * s)),
        ])
        jacp, jacr = np.zeros((3, self.model.nv)), np.zeros((3, self.model.nv))
        mujoco.mj_jacSite(self.model, data, jacp, jacr, self.site)
        jac = np.vstack([jacp[:, self.dof], jacr[:, self.dof]])
        q = data.qpos[self.qadr]
        jjt = jac @ jac.T + (cfg.damping**2) * np.eye(6)
        if self.redundant:
            v = cfg.nullspace_gain * (self.home - q)
            dq = v + jac.T @ np.linalg.solve(jjt, err - jac @ v)
        else:
            dq = jac.T @ np.linalg.solve(jjt, err)
        scale = (np.abs(dq) / self.max_dq).max()
        if scale > 1.0:
            dq /= scale
        arm = np.minimum(np.maximum(q + dq, self.lo), self.hi)
        r = self.robot
        want = r.gripper_open + (r.gripper_closed - r.gripper_open) * (a[4] + 1.0) * 0.5
        self.gripper_target += min(max(want - self.gripper_target, -self.grip_step), self.grip_step)
        return np.concatenate([arm, [self.gripper_target] * len(r.gripper_joints)])


def _pair(robot: RobotSpec, config: ControllerConfig | None = None):  # type: ignore[no-untyped-def]
    cfg = config if config is not None else ControllerConfig()
    scene = build_scene(SceneConfig(robot=robot.name))
    data = mujoco.MjData(scene.model)
    n = robot.n_arm
    data.qpos[:n] = robot.home
    data.qpos[n : n + 2] = robot.gripper_open
    mujoco.mj_forward(scene.model, data)
    new = DiffIKController(scene.model, robot, cfg, control_dt=0.05)
    ref = _FrozenController(scene.model, robot, cfg, 0.05)
    new.reset(data)
    ref.reset(data)
    return scene.model, data, new, ref


def _assert_same_state(new: DiffIKController, ref: _FrozenController) -> None:
    np.testing.assert_array_equal(new.target_pos, ref.target_pos)
    assert new.target_yaw == ref.target_yaw
    assert new.gripper_target == ref.gripper_target


def _random_action(rng: np.random.Generator) -> np.ndarray:
    """Uniform actions, with saturated and zero components mixed in (the clamps' edge cases)."""
    a = rng.uniform(-1.2, 1.2, 5)
    a[rng.random(5) < 0.2] = 0.0
    flip = rng.random(5) < 0.2
    a[flip] = np.sign(rng.uniform(-1, 1, int(flip.sum())))
    return validate_action(a)


@pytest.mark.parametrize("robot", [PANDA, UR5E], ids=lambda r: r.name)
def test_matches_frozen_maths_bit_for_bit_on_random_states(robot: RobotSpec) -> None:
    """Random arm configurations anywhere in the joint range, random controller targets and actions."""
    model, data, new, ref = _pair(robot)
    rng = np.random.default_rng(1234)
    n = robot.n_arm
    lo, hi = np.array(robot.lower), np.array(robot.upper)
    for _ in range(300):
        data.qpos[:n] = rng.uniform(lo, hi)
        data.qpos[n : n + 2] = rng.uniform(0.0, robot.gripper_open)
        mujoco.mj_forward(model, data)
        new.reset(data)
        ref.reset(data)
        # Targets away from the measured pose exercise the lead, workspace and yaw-lead clamps.
        offset = rng.uniform(-0.08, 0.08, 3)
        new.target_pos = ref.target_pos = ref.target_pos + offset
        new.target_yaw = ref.target_yaw = float(rng.uniform(-math.pi, math.pi))
        new.gripper_target = ref.gripper_target = float(rng.uniform(0.0, robot.gripper_open))
        for _ in range(3):
            action = _random_action(rng)
            np.testing.assert_array_equal(new.compute(data, action), ref.compute(data, action))
            _assert_same_state(new, ref)


@pytest.mark.parametrize("robot", [PANDA, UR5E], ids=lambda r: r.name)
def test_matches_frozen_maths_bit_for_bit_in_closed_loop(robot: RobotSpec) -> None:
    """States the physics reaches (contacts with the table, joint limits, saturated velocities)."""
    model, data, new, ref = _pair(robot)
    rng = np.random.default_rng(99)
    for i in range(150):
        action = _random_action(rng) if i % 30 < 20 else validate_action([0.0, 0.0, -1.0, 1.0, 1.0])
        ctrl = new.compute(data, action)
        np.testing.assert_array_equal(ctrl, ref.compute(data, action))
        _assert_same_state(new, ref)
        data.ctrl[:] = ctrl
        mujoco.mj_step(model, data, nstep=25)


def test_matches_frozen_maths_without_nullspace_and_after_switching_data() -> None:
    """The non-redundant branch on the Panda, and a second MjData (the bridge mirrors into its own)."""
    cfg = ControllerConfig(nullspace_gain=0.0, damping=0.1)
    model, data, new, ref = _pair(PANDA, cfg)
    other = mujoco.MjData(model)
    other.qpos[:] = data.qpos
    other.qpos[:7] += 0.2
    mujoco.mj_forward(model, other)
    rng = np.random.default_rng(5)
    for d in (data, other, data, other):
        action = _random_action(rng)
        np.testing.assert_array_equal(new.compute(d, action), ref.compute(d, action))
        _assert_same_state(new, ref)


def test_a_copied_controller_computes_like_the_original_on_its_own_data() -> None:
    """Copies (the bridge may copy a configured controller) rebuild their views instead of sharing stale ones."""
    model, data, new, ref = _pair(UR5E)
    rng = np.random.default_rng(11)
    for _ in range(3):
        action = _random_action(rng)
        data.ctrl[:] = new.compute(data, action)
        ref.compute(data, action)  # the reference keeps its targets in step with the controller's
        mujoco.mj_step(model, data, nstep=25)
    twin, twin_data = copy.deepcopy((new, data))
    for _ in range(5):
        action = _random_action(rng)
        want = ref.compute(data, action)
        np.testing.assert_array_equal(new.compute(data, action), want)
        np.testing.assert_array_equal(twin.compute(twin_data, action), want)
        data.ctrl[:] = twin_data.ctrl[:] = want
        mujoco.mj_step(model, data, nstep=25)
        mujoco.mj_step(model, twin_data, nstep=25)
    assert twin.ctrl is not new.ctrl and not np.shares_memory(twin._jac_full, new._jac_full)
