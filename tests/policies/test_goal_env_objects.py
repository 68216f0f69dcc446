"""Goal-conditioned Push, PickPlace and Stack (policies.object_goal_env): checkers, rewards against the env's
success along expert rollouts, vectorised HER rewards, actions, and SAC+HER through ``armstack train rl``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest

from policies.errors import TrainConfigError
from policies.goal_env import make_goal_env
from policies.object_goal_env import OBJECT_GOAL_TASKS, ObjectGoalEnv, goal_reached, object_goal_reward
from policies.rl_config import RLConfig

CUBE_ENVS = tuple(OBJECT_GOAL_TASKS)


@pytest.mark.parametrize("env_id", CUBE_ENVS)
def test_cube_goal_envs_pass_the_gymnasium_and_sb3_checkers(env_id: str) -> None:
    from gymnasium.utils.env_checker import check_env
    from stable_baselines3.common.env_checker import check_env as sb3_check_env

    for reward_type in ("sparse", "dense"):  # SB3's checker also compares compute_reward with step's reward
        env = make_goal_env(env_id, reward_type=reward_type)
        check_env(env, skip_render_check=True)
        sb3_check_env(env, warn=False)
    obs, _ = env.reset(seed=3)
    base: Any = env.unwrapped
    assert np.allclose(obs["achieved_goal"], base.view.object_pos(base.goal.object), atol=0.01)  # noisy measure
    assert np.allclose(obs["desired_goal"], base.task.goal_position(base.view, base.goal), atol=1e-6)


@pytest.mark.parametrize("env_id", CUBE_ENVS)
def test_expert_success_is_a_reached_goal_and_relabelled_goals_score_zero(env_id: str) -> None:
    env = make_goal_env(env_id, randomization="none", action_mode="full")
    base: Any = env.unwrapped
    successes = 0
    for seed in range(2):
        obs, _ = env.reset(seed=seed)
        expert = base.expert()
        for _ in range(base.max_steps):
            obs, reward, terminated, truncated, info = env.step(expert.act().astype(np.float32))
            assert not terminated  # success never ends the episode: HER relabels goals
            assert env.compute_reward(obs["achieved_goal"], obs["desired_goal"], info) == reward
            # achieved == desired is a reached goal, whatever the episode's goal was (HER's relabelling).
            assert env.compute_reward(obs["achieved_goal"], obs["achieved_goal"], info) == 0.0
            if info["is_success"]:
                successes += 1
                # The env's success implies the goal reward, but for the bin: anywhere on its floor succeeds.
                assert reward == 0.0 or base.goal.target == "bin"
            if truncated:
                break
    assert successes > 0


def test_a_cube_resting_released_at_its_goal_is_a_success_for_both() -> None:
    import mujoco

    env = make_goal_env("armstack/Push-v0", randomization="none")
    obs, _ = env.reset(seed=5)
    base: Any = env.unwrapped
    qadr = base.view.object_qadr[base.goal.object]
    assert env.compute_reward(obs["achieved_goal"], obs["desired_goal"], {}) == -1.0  # it starts off the pad
    base.data.qpos[qadr:qadr + 3] = obs["desired_goal"]
    base.data.qvel[:] = 0.0
    mujoco.mj_forward(base.model, base.data)
    obs, reward, _, _, info = env.step(np.zeros(3, np.float32))
    assert info["is_success"] and reward == 0.0
    assert np.abs(obs["achieved_goal"] - obs["desired_goal"]).max() < 0.005


@pytest.mark.parametrize("env_id", CUBE_ENVS)
def test_compute_reward_is_vectorised_sparse_and_dense(env_id: str) -> None:
    env = make_goal_env(env_id, reward_type="dense")
    spec = OBJECT_GOAL_TASKS[env_id]
    rng = np.random.default_rng(0)
    achieved = rng.uniform(0.0, 0.4, (64, 3)).astype(np.float32)
    desired = (achieved + rng.normal(0.0, 0.02, (64, 3))).astype(np.float32)
    infos = np.array([{"reward_terms": {"reach_distance": -0.1 * i, "grasped": float(i % 2)}} for i in range(64)])
    batch = env.compute_reward(achieved, desired, infos)
    rows = [float(env.compute_reward(a, d, i)) for a, d, i in zip(achieved, desired, infos, strict=True)]
    assert batch.shape == (64,) and np.allclose(batch, rows, atol=1e-6)
    reached = goal_reached(achieved, desired, spec)
    assert 0 < reached.sum() < 64
    sparse = object_goal_reward(achieved, desired, infos, spec, "sparse")
    assert np.array_equal(sparse == 0.0, reached) and set(sparse.tolist()) == {0.0, -1.0}
    # The dense reward is the named terms' sum; the goal-free ones come from info, the others from the goals.
    free = np.array([sum(i["reward_terms"].get(k, 0.0) for k in spec.free_terms) for i in infos])
    dist = np.linalg.norm((achieved - desired)[:, :2] if spec.goal_term_xy else achieved - desired, axis=1)
    assert np.allclose(batch, free - dist + reached, atol=1e-5)


def test_actions_per_mode_and_task() -> None:
    push = make_goal_env("armstack/Push-v0")
    pick = make_goal_env("armstack/PickPlace-v0")
    assert push.action_space.shape == (3,) and pick.action_space.shape == (4,)  # xyz / xyzg defaults
    for env, closed in ((push, True), (pick, False)):
        env.reset(seed=0)
        base: Any = env.unwrapped
        for _ in range(15):
            env.step(np.zeros(len(env.action_dims), np.float32))
        # Push holds the fingers closed (its expert pushes with them); PickPlace's 4th dim -> env gripper.
        assert (base.view.gripper_opening < 0.5) == closed
    pick.reset(seed=0)
    for _ in range(15):
        pick.step(np.array([0.0, 0.0, 0.0, 1.0], np.float32))
    assert pick.unwrapped.view.gripper_opening < 0.5  # type: ignore[attr-defined]
    with pytest.raises(Exception, match=r"shape \(4,\)"):
        pick.step(np.zeros(3, np.float32))


def test_unknown_envs_modes_and_tasks_are_refused_naming_the_valid_ones() -> None:
    with pytest.raises(TrainConfigError, match="armstack/Reach-v0, armstack/Push-v0"):
        make_goal_env("armstack/Tabletop-v0")
    with pytest.raises(TrainConfigError, match="xyz, xyzg, full"):
        make_goal_env("armstack/Push-v0", action_mode="yaw")
    with pytest.raises(TrainConfigError, match="xyz, xyzg, full"):
        make_goal_env("armstack/Reach-v0", action_mode="yaw")
    with pytest.raises(TrainConfigError, match="push task"):
        ObjectGoalEnv(gym.make("armstack/Stack-v0"), "armstack/Push-v0")
    with pytest.raises(TrainConfigError, match="xyz, xyzg, full"):
        RLConfig(action_mode="xy")


@pytest.mark.slow
def test_cli_trains_sac_her_on_push_and_writes_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policies.rl_cli import add_rl_arguments, run_rl

    parser = argparse.ArgumentParser(prog="armstack train rl")
    add_rl_arguments(parser)
    config = tmp_path / "rl.yaml"
    config.write_text("learning_starts: 140\nbatch_size: 32\neval_every: 200\neval_episodes: 1\n"
                      "checkpoint_every: 200\nnet_arch: [16, 16]\nbuffer_size: 2000\n")
    out = tmp_path / "run"
    args = parser.parse_args(["--env", "armstack/Push-v0", "--algo", "sac", "--her", "--steps", "200", "--out",
                              str(out), "--config", str(config), "--quiet"])
    assert run_rl(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["env_steps"] >= 200 and summary["eval_episodes"] == 1 and summary["policy"] == str(out / "policy")
    saved = json.loads((out / "config.json").read_text())
    assert saved["env_id"] == "armstack/Push-v0" and saved["her"] is True and saved["action_mode"] is None
    assert (out / "final_model.zip").is_file() and (out / "checkpoints" / "sac_200_steps.zip").is_file()
    from stable_baselines3 import SAC, HerReplayBuffer
    from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

    import policies

    venv = VecNormalize.load(str(out / "vecnormalize.pkl"), DummyVecEnv([lambda: make_goal_env("armstack/Push-v0")]))
    model = SAC.load(out / "final_model.zip", env=venv)
    assert isinstance(model.replay_buffer, HerReplayBuffer) and model.action_space.shape == (3,)
    # The exported policy acts on env observations as the SB3 model on goal observations: velocities from the
    # last call, past actions, normalisation, and the fingers held closed as the Push goal env holds them.
    # policy/ is best/'s model since b7d58cd; the last model (final_model.zip) is exported to final_policy/
    policy = policies.load(out / "final_policy")
    env: Any = make_goal_env("armstack/Push-v0")
    goal_obs, _ = env.reset(seed=5)
    policy.reset()
    for _ in range(25):
        expected = model.predict(venv.normalize_obs(goal_obs), deterministic=True)[0]
        action = policy.act(env.env_observation)
        np.testing.assert_allclose(action[:3], expected, rtol=0, atol=1e-5)
        assert action[3] == 0.0 and action[4] == 1.0
        goal_obs, *_ = env.step(expected)


@pytest.mark.slow
def test_residual_env_adds_the_scaled_residual_to_the_bc_action() -> None:
    import policies
    from policies.pretrained import PANDA_TABLETOP_BC
    from policies.residual_goal_env import ResidualGoalEnv, make_residual_goal_env

    env = make_residual_goal_env("armstack/Push-v0", PANDA_TABLETOP_BC, randomization="none", residual_scale=0.5,
                                 residual_penalty=0.1)
    bc = policies.load(PANDA_TABLETOP_BC)
    obs, _ = env.reset(seed=4)
    base = bc.act(env.goal_env.env_observation)
    assert np.allclose(obs["observation"][-5:], base)  # the agent sees the base action it corrects
    residual = np.array([1.0, -1.0, 0.0], np.float32)
    after, reward, _, _, info = env.step(residual)
    assert np.allclose(info["base_action"], base)
    sent = env.goal_env._action  # the 5-d action the goal env passed on
    assert np.allclose(sent[:3], np.clip(base[:3] + 0.5 * residual, -1, 1)) and np.allclose(sent[3:], base[3:])
    # The reward pays for the residual, in the step and in HER's relabelled batches alike.
    assert info["residual_sq"] == 2.0 and reward == pytest.approx(-1.0 - 0.2)  # the cube is far from the pad
    assert reward == pytest.approx(float(env.compute_reward(after["achieved_goal"], after["desired_goal"], info)))
    assert env.compute_reward(obs["achieved_goal"], obs["achieved_goal"], {}) == 0.0
    goals = np.stack([obs["achieved_goal"]] * 2)
    assert env.compute_reward(goals, goals, np.array([info, {}])) == pytest.approx([-0.2, 0.0])
    with pytest.raises(TrainConfigError, match="action_mode 'full'"):
        ResidualGoalEnv(make_goal_env("armstack/Push-v0"), bc)  # type: ignore[arg-type]


@pytest.mark.parametrize("env_id", ("armstack/Reach-v0", "armstack/Push-v0"))
def test_every_registered_action_mode_sizes_the_goal_env_action(env_id: str) -> None:
    from policies.action_modes import ACTION_MODES

    for name, mode in ACTION_MODES.items():
        env = make_goal_env(env_id, action_mode=name)
        assert env.action_space.shape == (len(mode.dims),) and env.action_dims == list(mode.dims)
        RLConfig(env_id=env_id, action_mode=name)  # the config accepts what the envs accept
        env.close()


@pytest.mark.slow
def test_residual_sac_starts_as_the_bc_policy_and_its_actor_waits_out_the_burn_in() -> None:
    from policies.pretrained import PANDA_TABLETOP_BC
    from policies.residual_goal_env import actor_burn_in, make_residual_goal_env, start_at_base
    from policies.rl import build_model, train_seeds, vectorize

    config = RLConfig(env_id="armstack/Push-v0", learning_starts=140, batch_size=16, net_arch=(16,), buffer_size=2000,
                      progress_bar=False)
    venv = vectorize(lambda: make_residual_goal_env("armstack/Push-v0", PANDA_TABLETOP_BC), *train_seeds(config))
    model = build_model(config, venv)
    start_at_base(model)
    obs = venv.reset()
    assert np.array_equal(model.predict(obs, deterministic=True)[0], np.zeros((1, 3), np.float32))  # BC alone
    model.learn(150, callback=actor_burn_in(150))  # 10 gradient steps, the critic's only
    assert np.array_equal(model.predict(obs, deterministic=True)[0], np.zeros((1, 3), np.float32))
    model.learn(10, callback=actor_burn_in(150), reset_num_timesteps=False)
    assert np.abs(model.predict(obs, deterministic=True)[0]).max() > 0  # now the actor learns
    venv.close()
