"""The goal frame of the cube goal envs (RLConfig.goal_frame): the BC policies' task-frame features in the goal
env's observation, recomputed for HER's relabelled goals, and carried by the exported policy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from stable_baselines3 import HerReplayBuffer

import policies
from policies.demo_replay import DemoHerReplayBuffer, GoalFrameHerReplayBuffer
from policies.errors import TrainConfigError
from policies.object_goal_env import GOAL_FRAME_DIM, make_object_goal_env, refresh_goal_frame
from policies.observation import TASK_FRAME_DIM, _task_frame
from policies.rl import build_model, vectorize
from policies.rl_config import RLConfig

PUSH = "armstack/Push-v0"


def _frame_of(env_obs: dict[str, np.ndarray], goal: np.ndarray) -> np.ndarray:
    """The task frame computed straight from an env observation (float32 values, as the goal env stores them)."""
    ee = np.asarray(env_obs["ee_pose"], np.float32).astype(np.float64)
    cube = np.asarray(env_obs["object_poses"][int(env_obs["object_id"])], np.float32).astype(np.float64)
    return _task_frame(ee[None, :3], ee[None, 3:7], cube[None, :3], cube[None, 3:7],
                       np.asarray(goal, np.float32).astype(np.float64)[None])[0]


def test_the_goal_frame_is_the_bc_task_frame_and_follows_a_new_goal() -> None:
    plain = make_object_goal_env(PUSH, action_mode="full", observe_actions=0)
    env = make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True)
    assert env.observation_space["observation"].shape[0] == plain.observation_space["observation"].shape[0] + 12
    obs, _ = env.reset(seed=3)
    base, _ = plain.reset(seed=3)
    rng = np.random.default_rng(0)
    for _ in range(10):  # the arm moves, so the frame is not its reset value
        action = rng.uniform(-1, 1, 5).astype(np.float32)
        obs, *_ = env.step(action)
        base, *_ = plain.step(action)
    o = obs["observation"]
    np.testing.assert_array_equal(o[:-GOAL_FRAME_DIM], base["observation"])  # the rest is unchanged
    np.testing.assert_array_equal(o[-GOAL_FRAME_DIM:-TASK_FRAME_DIM], np.float32(env.env_observation["ee_pose"][3:7]))
    np.testing.assert_allclose(o[-TASK_FRAME_DIM:], _frame_of(env.env_observation, obs["desired_goal"]), atol=1e-6)
    # Refreshed with its own goal: bit for bit the env's; with another goal: that goal's frame, nothing else moved.
    np.testing.assert_array_equal(refresh_goal_frame(o[None], obs["desired_goal"][None])[0], o)
    other = obs["desired_goal"] + np.array([-0.15, 0.1, 0.0], np.float32)
    moved = refresh_goal_frame(o[None], other[None])[0]
    np.testing.assert_array_equal(moved[:-TASK_FRAME_DIM], o[:-TASK_FRAME_DIM])
    np.testing.assert_allclose(moved[-TASK_FRAME_DIM:], _frame_of(env.env_observation, other), atol=1e-6)
    assert np.abs(moved[-TASK_FRAME_DIM:] - o[-TASK_FRAME_DIM:]).max() > 0.01
    with pytest.raises(TrainConfigError, match="goal frame needs"):
        refresh_goal_frame(o, obs["desired_goal"])  # not a batch
    env.close()
    plain.close()


@pytest.mark.parametrize("buffer_class", [GoalFrameHerReplayBuffer, DemoHerReplayBuffer])
def test_her_relabelled_rows_get_the_frame_of_their_new_goal(buffer_class: type) -> None:
    venv = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True,
                                                  max_steps=12), 0, 10)
    kwargs = {"goal_frame": True} if buffer_class is DemoHerReplayBuffer else {}
    buffers = [buffer_class(500, venv.observation_space, venv.action_space, env=venv, n_sampled_goal=4, **kwargs),
               HerReplayBuffer(500, venv.observation_space, venv.action_space, env=venv, n_sampled_goal=4)]
    obs = venv.reset()
    rng = np.random.default_rng(1)
    for _ in range(36):  # three episodes
        action = rng.uniform(-1, 1, (1, 5)).astype(np.float32)
        nxt, reward, done, infos = venv.step(action)
        for b in buffers:
            b.add(obs, nxt, action, reward, done, infos)
        obs = nxt
    refreshed, stale = [], []
    for b, rows in zip(buffers, (refreshed, stale), strict=True):
        np.random.seed(7)
        if isinstance(b, DemoHerReplayBuffer):  # its online half is the HER sample under test
            samples = HerReplayBuffer.sample(b, 256)
        else:
            samples = b.sample(256)
        o, g = samples.observations["observation"].numpy(), samples.observations["desired_goal"].numpy()
        rows.append(np.abs(o - refresh_goal_frame(o, g)).max(axis=1))
    assert refreshed[0].max() == 0.0  # every row's frame is its desired goal's, relabelled or not
    assert (stale[0] > 1e-3).sum() > 20  # without the refresh, HER's relabelled rows keep the old goal's frame
    venv.close()


def test_the_config_refuses_a_goal_frame_where_it_does_not_apply() -> None:
    assert RLConfig(env_id=PUSH, goal_frame=True).to_dict()["goal_frame"] is True
    with pytest.raises(TrainConfigError, match="goal_frame is for the cube goal envs"):
        RLConfig(goal_frame=True)  # Reach
    with pytest.raises(TrainConfigError, match="goal_frame is for the cube goal envs"):
        RLConfig(env_id=PUSH, goal_frame=True, base_policy="pretrained")
    with pytest.raises(TrainConfigError, match="goal_frame must be true or false"):
        RLConfig(env_id=PUSH, goal_frame=1)  # type: ignore[arg-type]
    with pytest.raises(TrainConfigError, match="goal_frame is for the cube goal envs"):
        from policies.goal_env import make_goal_env

        make_goal_env("armstack/Reach-v0", goal_frame=True)


def test_a_goal_frame_run_exports_a_policy_that_acts_like_sb3_predict(tmp_path: Path) -> None:
    from policies.rl_export import export_sb3_policy

    config = RLConfig(env_id=PUSH, goal_frame=True, net_arch=(32, 32), batch_size=32, seed=1, buffer_size=1_000,
                      learning_starts=140, action_mode="full", observe_actions=0)
    venv = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True),
                     0, 10, normalize_obs=True)
    model = build_model(config, venv)
    assert isinstance(model.replay_buffer, GoalFrameHerReplayBuffer)
    venv.reset()
    for _ in range(30):  # non-trivial running statistics
        venv.step(np.random.default_rng(0).uniform(-1, 1, (1, 5)).astype(np.float32))
    path = export_sb3_policy(model, config, tmp_path / "policy", obs_normalizer=venv)
    policy = policies.load(path, robot="panda")
    env = make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True)
    goal_obs, _ = env.reset(seed=4)
    policy.reset()
    for _ in range(15):
        action = policy.act(env.env_observation)
        expected = model.predict(venv.normalize_obs({k: v[None] for k, v in goal_obs.items()}),
                                 deterministic=True)[0][0]
        np.testing.assert_allclose(action, expected, rtol=0, atol=1e-6)
        goal_obs, *_ = env.step(action)
    assert policy.spec.observation["goal_frame"] is True
    env.close()
