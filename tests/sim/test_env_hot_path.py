"""The env's per-step path (observation, divergence check) against the plain maths it replaced.

``TabletopEnv`` reads MjData through views made once and gathers the observation with one concatenate
into a fresh buffer. These tests pin that down: the same numbers as the straightforward formulation
(including the observation noise stream), no memory shared between steps or with MjData, and copies of an
env that do not read the original's MjData.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import mujoco
import numpy as np
import pytest

from sim import TASKS
from sim.env import TabletopEnv
from sim.tasks import TASK_NAMES

ARRAY_KEYS = ("joint_pos", "joint_vel", "ee_pose", "gripper", "object_poses", "goal_pos")


def _plain_observation(env: TabletopEnv, rng: np.random.Generator) -> dict[str, Any]:
    """The observation as the env computed it before the hot-path work (``rng``: a copy of env.np_random)."""
    v, d = env.view, env.data
    names = env.scene.object_names
    # The TCP where the joints are now (mj_step leaves the frames where the step began): forward kinematics.
    fk = mujoco.MjData(env.model)
    fk.qpos[:] = d.qpos
    mujoco.mj_kinematics(env.model, fk)
    ee_pose = np.empty(7)
    ee_pose[:3] = fk.site_xpos[v.tcp_id]
    mujoco.mju_mat2Quat(ee_pose[3:], fk.site_xmat[v.tcp_id])
    obs: dict[str, Any] = {
        "joint_pos": d.qpos[v.arm_q].copy(),
        "joint_vel": d.qvel[v.arm_v].copy(),
        "ee_pose": ee_pose,
        "gripper": np.array([v.gripper_opening]),
        "object_poses": d.qpos[v.objects_q].reshape(len(names), 7).copy(),
    }
    std = env.episode_params["obs_noise_std"]
    if std > 0:
        noise = rng.normal(0.0, std, env.scene.robot.n_arm + 7 + 7 * len(names))
        start = 0
        for key in ("joint_pos", "ee_pose", "object_poses"):
            n = obs[key].size
            obs[key] = obs[key] + noise[start : start + n].reshape(obs[key].shape)
            start += n
    goal = env.goal
    assert goal is not None
    obs["goal_pos"] = TASKS[goal.task].goal_position(v, goal)
    obs["task_id"] = TASK_NAMES.index(goal.task)
    obs["object_id"] = names.index(goal.object) if goal.object else len(names)
    places = {"target_pad": 0, "bin": 1, "goal_marker": 2}
    obs["target_id"] = (names.index(goal.target) if goal.target in names
                        else len(names) + places.get(goal.target or "goal_marker", 2))
    obs["instruction"] = goal.instruction
    return obs


def _assert_same(obs: dict[str, Any], ref: dict[str, Any]) -> None:
    assert obs.keys() == ref.keys()
    for key, want in ref.items():
        if isinstance(want, np.ndarray):
            got = obs[key]
            assert got.shape == want.shape and got.dtype == want.dtype, key
            np.testing.assert_array_equal(got, want, err_msg=key)
        else:
            assert obs[key] == want, key


@pytest.mark.parametrize("robot", ["panda", "ur5e"])
@pytest.mark.parametrize("randomization", ["none", "strong"])  # strong: observation noise on
def test_observation_equals_the_plain_maths_bit_for_bit(robot: str, randomization: str) -> None:
    env = TabletopEnv(task="tabletop", robot=robot, randomization=randomization)
    rng = np.random.default_rng(3)
    for episode in range(3):
        env.reset(seed=episode)
        for _ in range(25):
            noise_rng = copy.deepcopy(env.np_random)  # the stream the step's observation noise comes from
            obs, *_ = env.step(rng.uniform(-1.0, 1.0, 5))
            _assert_same(obs, _plain_observation(env, noise_rng))
    assert (env.episode_params["obs_noise_std"] > 0) == (randomization == "strong")


def test_observation_arrays_are_fresh_each_step() -> None:
    env = TabletopEnv(task="pick_place", randomization="none")
    env.reset(seed=0)
    first, *_ = env.step(np.zeros(5))
    kept = {k: first[k].copy() for k in ARRAY_KEYS}
    second, *_ = env.step(np.array([0.5, 0.0, 0.0, 0.0, 1.0]))
    for key in ARRAY_KEYS:
        # Nothing shares memory with MjData or with another step's observation...
        assert not np.shares_memory(first[key], env.data.qpos), key
        assert not any(np.shares_memory(first[key], second[k]) for k in ARRAY_KEYS), key
        # ... so a caller may write into what it got.
        first[key][...] = -7.0
        assert not np.any(second[key] == -7.0), key
    np.testing.assert_array_equal(second["joint_pos"], env.data.qpos[env.view.arm_q])
    assert not np.array_equal(kept["joint_pos"], second["joint_pos"])  # the arm moved: a live read, not a cache
    # The gripper key stays the one-element opening in [0, 1] it always was.
    assert second["gripper"].shape == (1,) and 0.0 <= second["gripper"][0] <= 1.0


@pytest.mark.parametrize("clone", [copy.deepcopy, lambda e: pickle.loads(pickle.dumps(e))], ids=["deepcopy", "pickle"])
def test_a_copied_env_steps_on_its_own_mjdata(clone: Any) -> None:
    env = TabletopEnv(task="push", randomization="none")
    env.reset(seed=4)
    for _ in range(3):
        env.step(np.array([0.3, -0.2, 0.0, 0.1, 0.0]))
    twin = clone(env)
    actions = np.random.default_rng(0).uniform(-1.0, 1.0, (8, 5))
    for a in actions:
        o1, r1, *_ = env.step(a)
        o2, r2, *_ = twin.step(a)
        _assert_same(o2, o1)
        assert r1 == r2
    # The twin read and wrote its own MjData: stepping it further leaves the original where it was.
    qpos = env.data.qpos.copy()
    obs, *_ = twin.step(np.array([1.0, 0.0, 0.0, 0.0, 0.0]))
    np.testing.assert_array_equal(env.data.qpos, qpos)
    np.testing.assert_array_equal(obs["joint_pos"], twin.data.qpos[twin.view.arm_q])

