"""SB3 RL on armstack: the HER goal env, the run config, tiny trainings, and export -> load round trips."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest

import policies
from policies.errors import CheckpointError, PolicyError, TrainConfigError
from policies.goal_env import (
    FIXED_ACTION,
    SUCCESS_DISTANCE,
    ReachGoalEnv,
    agent_action_dims,
    env_action,
    goal_observation,
    goal_reward,
    make_goal_env,
)
from policies.rl import EpisodeSeeds, build_model, eval_seeds, train_rl, train_seeds, vectorize, weights_sha256
from policies.rl_config import RLConfig

TINY = RLConfig(steps=240, learning_starts=60, batch_size=32, eval_every=120, eval_episodes=2, checkpoint_every=120,
               net_arch=(16, 16), buffer_size=1_000, progress_bar=False)


def rollout_observations(env: gym.Env[Any, Any], seed: int, steps: int) -> list[dict[str, Any]]:
    """Env observations along a random-action rollout (the policy's inputs in the round-trip tests)."""
    obs, _ = env.reset(seed=seed)
    rng = np.random.default_rng(seed)
    out = [obs]
    for _ in range(steps):
        obs, *_ = env.step(rng.uniform(-1, 1, 5))
        out.append(obs)
    return out


# --- the goal-conditioned env --------------------------------------------------------------------------------
def test_sparse_reward_agrees_with_env_success_along_expert_and_random_rollouts() -> None:
    env = make_goal_env(randomization="none")
    base: Any = env.unwrapped
    seen = {True: 0, False: 0}
    for seed in range(3):
        env.reset(seed=seed)
        env.action_space.seed(seed)
        for t in range(base.max_steps):
            # The expert reaches and holds the marker; random actions afterwards take the TCP away again.
            action = base.expert().act()[:3] if t < 40 else env.action_space.sample()
            obs, reward, terminated, truncated, info = env.step(action)
            assert not terminated  # success never ends the episode: HER relabels goals
            # The goal space is float32 (as SB3 stores it) and the env decides success in float64: a TCP within
            # float32 rounding of the 3 cm radius may fall either side (CI hit one such step with unseeded
            # random actions). Everywhere else the two must agree.
            exact = math.dist(base.view.tcp_pos.tolist(), base.view.goal_marker_pos.tolist())
            if abs(exact - SUCCESS_DISTANCE) > 1e-6:
                assert (reward == 0.0) == info["is_success"]
            assert env.compute_reward(obs["achieved_goal"], obs["desired_goal"], info) == reward
            seen[bool(info["is_success"])] += 1
            if truncated:
                break
    assert seen[True] > 0 and seen[False] > 0  # both branches of the predicate were exercised


def test_compute_reward_is_vectorised_over_goal_batches() -> None:
    env = make_goal_env(randomization="none")
    rng = np.random.default_rng(0)
    achieved = rng.uniform(0.3, 0.6, (64, 3)).astype(np.float32)
    offsets = rng.normal(size=(64, 3))
    offsets *= (rng.uniform(0.0, 2 * SUCCESS_DISTANCE, 64) / np.linalg.norm(offsets, axis=1))[:, None]
    desired = (achieved + offsets).astype(np.float32)
    batch = env.compute_reward(achieved, desired, [{}] * 64)
    rows = [float(env.compute_reward(a, d, {})) for a, d in zip(achieved, desired, strict=True)]
    assert batch.shape == (64,) and batch.tolist() == rows
    inside = np.linalg.norm(achieved - desired, axis=1) < SUCCESS_DISTANCE
    assert 0 < inside.sum() < 64 and np.array_equal(batch == 0.0, inside)
    dense = ReachGoalEnv(gym.make("armstack/Reach-v0", randomization="none"), reward_type="dense")
    assert np.allclose(dense.compute_reward(achieved, desired, None), -np.linalg.norm(achieved - desired, axis=1))


def test_goal_env_passes_the_gymnasium_and_sb3_checkers() -> None:
    from gymnasium.utils.env_checker import check_env
    from stable_baselines3.common.env_checker import check_env as sb3_check_env

    env = make_goal_env(randomization="default")
    check_env(env, skip_render_check=True)
    sb3_check_env(env, warn=False)
    obs, _ = env.reset(seed=0)
    base: Any = env.unwrapped
    assert np.allclose(obs["desired_goal"], base.view.goal_marker_pos, atol=1e-6)
    assert env.action_space.shape == (3,)  # xyz: the TCP translation of the env's action
    full = make_goal_env(randomization="default", action_mode="full")
    check_env(full, skip_render_check=True)
    assert full.action_space == base.action_space  # the env's action contract, unchanged


def test_xyz_actions_move_the_tcp_and_hold_yaw_and_gripper_as_the_reach_expert_does() -> None:
    env = make_goal_env(randomization="none")
    base: Any = env.unwrapped
    env.reset(seed=0)
    yaw0, start = base.controller.target_yaw, base.view.tcp_pos.copy()
    for _ in range(10):
        env.step(np.array([0.0, 0.0, -1.0], np.float32))
    assert base.view.tcp_pos[2] < start[2] - 0.1  # ten full steps down at 2 cm a step
    # dyaw 0 keeps the yaw target (a +-1 would turn it 0.15 rad a step); gripper -1 keeps the fingers open.
    assert abs(base.controller.target_yaw - yaw0) < 0.02 and base.view.gripper_opening > 0.9
    with pytest.raises(TrainConfigError, match="xyz, xyzg, full"):
        make_goal_env(action_mode="xyzyaw")


def test_previous_actions_are_observed_most_recent_first_and_cleared_at_reset() -> None:
    env = make_goal_env(randomization="default", observe_actions=2)
    obs, _ = env.reset(seed=3)
    space: Any = env.observation_space
    assert obs["observation"].shape == space["observation"].shape == (3 + 14 + 6,)
    assert obs["observation"][-6:].tolist() == [0.0] * 6
    obs, *_ = env.step(np.array([0.5, -2.0, 0.25], np.float32))  # out of the box: the env acts on it clipped
    assert obs["observation"][-6:].tolist() == [0.5, -1.0, 0.25, 0.0, 0.0, 0.0]
    obs, *_ = env.step(np.array([0.0, 0.125, -0.5], np.float32))
    assert obs["observation"][-6:].tolist() == [0.0, 0.125, -0.5, 0.5, -1.0, 0.25]
    assert obs["observation"][:3].tolist() == obs["achieved_goal"].tolist()  # the TCP still leads the vector
    obs, _ = env.reset(seed=4)
    assert obs["observation"][-6:].tolist() == [0.0] * 6
    with pytest.raises(TrainConfigError, match="observe_actions"):
        make_goal_env(observe_actions=-1)


def test_a_delayed_command_is_in_the_observation_before_it_moves_the_arm() -> None:
    # Reach's 'default' randomisation delays a command by up to one step: the TCP the policy sees has not
    # answered its last command yet, so only the observed history tells it what is still coming.
    delayed = gym.make("armstack/Reach-v0", randomization={"action_latency_steps": [1, 1]},
                       terminate_on_success=False, disable_env_checker=True)
    env = ReachGoalEnv(delayed, observe_actions=RLConfig().observe_actions)
    obs, _ = env.reset(seed=5)
    start = obs["achieved_goal"].copy()
    obs, *_ = env.step(np.array([1.0, 0.0, 0.0], np.float32))
    assert abs(obs["achieved_goal"][0] - start[0]) < 0.002  # held: the env applied the pending no-op
    k = RLConfig().observe_actions
    assert obs["observation"][-3 * k :][:3].tolist() == [1.0, 0.0, 0.0]  # ... and the policy knows it is in flight
    obs, *_ = env.step(np.array([0.0, 0.0, 0.0], np.float32))
    assert obs["achieved_goal"][0] > start[0] + 0.005  # now it moves
    # The default history covers the longest delay the default randomisation draws, plus the command before,
    # whose answer (or not) in the joint velocities tells a delayed episode (with one past action the policy
    # circled the marker in most delayed episodes).
    from sim.randomize import resolve_randomization

    assert k >= resolve_randomization("default").action_latency_steps[1] + 1


@pytest.mark.parametrize(("kwargs", "seed"), [
    ({"randomization": "default", "observe_actions": 2}, 0),
    ({"randomization": "strong", "observe_actions": 4, "reward_type": "dense"}, 1),
    ({"randomization": "default", "observe_actions": 0, "action_mode": "full"}, 2),
    ({"randomization": "default", "observe_actions": 1, "action_mode": "xyzg"}, 3),  # held yaw between agent dims
])
def test_step_gives_to_the_bit_what_the_public_functions_give(kwargs: dict[str, Any], seed: int) -> None:
    # ReachGoalEnv.step computes in Python floats and fused numpy calls for speed; the exported policy and the
    # arm use goal_observation, and HER relabels with goal_reward: all must agree exactly, or a trained policy
    # sees other inputs at deployment than in training. The reference is the plain formulation, step by step
    # on a twin env (same seed, same actions): clip in float32, env_action, goal_observation, goal_reward.
    env, twin = make_goal_env(**kwargs), make_goal_env(**kwargs)
    k, dims = env.observe_actions, agent_action_dims(env.action_mode)
    base: Any = env.unwrapped
    obs, _ = env.reset(seed=seed)
    twin_obs, _ = twin.env.reset(seed=seed)
    past = np.zeros(k * len(dims), np.float32)
    rng = np.random.default_rng(seed)
    rewards = set()
    for t in range(130):  # two episodes and a bit: resets clear the history
        expected = goal_observation(twin_obs, past if k else None)
        for key in ("observation", "achieved_goal", "desired_goal"):
            assert obs[key].dtype == expected[key].dtype and obs[key].tobytes() == expected[key].tobytes(), (t, key)
        # The expert, scaled past the box at times (both clip), reaches the marker; random actions leave it.
        expert = base.expert().act()[dims] * rng.choice([1.0, 1.3])
        raw = expert if t % 60 < 40 else rng.uniform(-1.4, 1.4, len(dims))
        action = raw.tolist() if t % 3 == 0 else raw.astype(np.float64 if t % 3 == 1 else np.float32)
        clipped = np.clip(np.asarray(action, np.float32), -1.0, 1.0)
        past = np.concatenate([clipped, past[: -len(dims)]]) if k else past
        obs, reward, terminated, truncated, info = env.step(action)
        twin_obs, _, twin_term, twin_trunc, twin_info = twin.env.step(env_action(clipped, dims))
        relabelled = goal_observation(twin_obs, past if k else None)
        want = float(goal_reward(relabelled["achieved_goal"], relabelled["desired_goal"], env.reward_type))
        assert repr(reward) == repr(want) and (terminated, truncated) == (twin_term, twin_trunc), t
        assert info["is_success"] == twin_info["is_success"]
        rewards.add(reward)
        if truncated:
            obs, _ = env.reset()
            twin_obs, _ = twin.env.reset()
            past = np.zeros_like(past)
    assert len(rewards) > (1 if env.reward_type == "sparse" else 50)  # both outcomes / a spread of distances


def test_actions_of_the_wrong_shape_are_refused_naming_the_shape() -> None:
    from sim import InvalidActionError

    env = make_goal_env()
    env.reset(seed=0)
    for bad in (np.zeros(5, np.float32), np.zeros((1, 3), np.float32), np.float32(0.5)):
        with pytest.raises(InvalidActionError, match=r"shape \(3,\) in action_mode 'xyz'"):
            env.step(np.asarray(bad))
    with pytest.raises(InvalidActionError, match="non-finite"):  # the env still refuses NaN itself
        env.step(np.array([np.nan, 0.0, 0.0], np.float32))


def test_goal_env_refuses_other_tasks_and_reward_types() -> None:
    with pytest.raises(TrainConfigError, match="armstack/Reach-v0, armstack/Push-v0"):
        make_goal_env("armstack/Tabletop-v0")
    with pytest.raises(TrainConfigError, match="reach"):
        ReachGoalEnv(gym.make("armstack/Push-v0"))
    with pytest.raises(TrainConfigError, match="sparse, dense"):
        make_goal_env(reward_type="shaped")


def test_episode_seeds_replay_the_same_held_out_episodes_every_round() -> None:
    env = EpisodeSeeds(make_goal_env(), first=1000, count=3)
    goals = [tuple(env.reset(seed=7)[0]["desired_goal"]) for _ in range(7)]  # the caller's seed is ignored
    assert goals[:3] == goals[3:6] and goals[6] == goals[0] and len(set(goals[:3])) == 3


# --- config --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("fields", "match"), [
    ({"algo": "dqn"}, "sac, ppo"),
    ({"algo": "ppo", "her": True}, "off-policy"),
    ({"seed": -1}, "seed"),
    ({"steps": 0}, "steps"),
    ({"net_arch": ()}, "net_arch"),
    ({"goal_selection_strategy": "random"}, "future, final, episode"),
    ({"device": "tpu"}, "cpu, cuda, auto"),
    ({"ent_coef": "auto_"}, "ent_coef"),
    ({"ent_coef": "-0.1"}, "ent_coef"),
    ({"action_mode": "xyzyaw"}, "xyz, xyzg, full"),
    ({"observe_actions": 5}, r"observe_actions.*0\.\.4"),
    ({"tau": 0.0}, r"tau.*\(0, 1\]"),
    ({"tau": 1.5}, r"tau.*\(0, 1\]"),
])
def test_config_rejects_bad_values_naming_the_valid_ones(fields: dict[str, Any], match: str) -> None:
    with pytest.raises(TrainConfigError, match=match):
        RLConfig(**fields)


def test_config_yaml_rejects_unknown_keys_and_round_trips(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("algo: sac\nlearning_rat: 0.001\n")
    with pytest.raises(TrainConfigError, match=r"learning_rat.*valid keys"):
        RLConfig.from_yaml(bad)
    good = tmp_path / "good.yaml"
    good.write_text("net_arch: [32, 32]\ngamma: 0.9\n")
    config = RLConfig.from_yaml(good, seed=3)
    assert config.net_arch == (32, 32) and config.gamma == 0.9 and config.seed == 3
    assert RLConfig.from_dict(config.to_dict()) == config


def test_her_warm_up_shorter_than_an_episode_is_refused_up_front() -> None:
    config = RLConfig(learning_starts=30, buffer_size=1_000)
    with pytest.raises(TrainConfigError, match=r"learning_starts 30.*60"):
        build_model(config, vectorize(lambda: make_goal_env(), 0, 10))


def test_the_target_network_rate_reaches_sac() -> None:
    config = RLConfig(tau=0.05, buffer_size=1_000)
    model = build_model(config, vectorize(lambda: make_goal_env(), 0, 10))
    assert model.tau == 0.05 and RLConfig().tau == 0.05  # the default: HER's polyak 0.95 (see RLConfig)


def test_training_and_evaluation_seeds_are_disjoint() -> None:
    for seed in (0, 1, 9_999):
        config = RLConfig(seed=seed, eval_episodes=100)
        first, count = train_seeds(config)
        eval_first, eval_count = eval_seeds(config)
        assert first + count <= eval_first or eval_first + eval_count <= first


# --- export -> load ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("algo", "normalize", "past"), [("sac", True, 2), ("sac", False, 0), ("ppo", True, 1)])
def test_exported_actor_acts_exactly_like_sb3_predict(tmp_path: Path, algo: str, normalize: bool, past: int) -> None:
    from policies.rl_export import export_sb3_policy

    config = RLConfig(algo=algo, her=algo == "sac", net_arch=(32, 32), ppo_n_steps=64, batch_size=32, seed=1,
                      normalize_obs=normalize, buffer_size=1_000, observe_actions=past)
    venv = vectorize(lambda: make_goal_env(observe_actions=past), 0, 10, normalize_obs=normalize)
    model = build_model(config, venv)
    if normalize:  # non-trivial running statistics
        venv.reset()
        for _ in range(30):
            venv.step(np.random.default_rng(0).uniform(-1, 1, (1, 3)))

    def sb3_action(goal_obs: dict[str, np.ndarray]) -> np.ndarray:
        return model.predict(venv.normalize_obs(goal_obs) if normalize else goal_obs, deterministic=True)[0]

    path = export_sb3_policy(model, config, tmp_path / "policy", obs_normalizer=venv if normalize else None)
    assert sorted(p.name for p in path.iterdir()) == ["model.safetensors", "policy.json"]
    policy = policies.load(path, robot="panda")
    env = gym.make("armstack/Reach-v0", randomization="default")
    observations = rollout_observations(env, seed=5, steps=20)
    fixed = [FIXED_ACTION["dyaw"], FIXED_ACTION["gripper"]]  # the env action parts the xyz actor leaves alone
    previous = np.zeros(3 * past, np.float32)  # the goal env's previous actions at reset, most recent first
    for obs in observations:
        action = policy.act(obs)
        expected = sb3_action(goal_observation(obs, previous if past else None))
        assert action.shape == (5,) and action[3:].tolist() == fixed
        np.testing.assert_allclose(action[:3], expected, rtol=0, atol=1e-6)
        previous = np.concatenate([expected, previous])[: 3 * past]
    policy.reset()  # a new episode: no previous actions (the batch below starts from zeros)
    batch = {k: np.stack([o[k] for o in observations]) for k in ("ee_pose", "joint_pos", "joint_vel", "goal_pos")}
    actions = policy.act(batch)
    assert actions.shape == (len(observations), 5) and actions.dtype == np.float32
    zeros = np.zeros((len(observations), 3 * past), np.float32)
    np.testing.assert_allclose(actions[:, :3], sb3_action(goal_observation(batch, zeros if past else None)),
                               rtol=0, atol=1e-6)
    assert (actions[:, 3:] == fixed).all()
    assert len({tuple(a) for a in actions.round(4)}) > 1  # the actor reacts to its input
    if past:  # the second batched call sees each row's own previous action
        history = np.concatenate([actions[:, :3], zeros], axis=1)[:, : 3 * past]
        np.testing.assert_allclose(policy.act(batch)[:, :3], sb3_action(goal_observation(batch, history)),
                                   rtol=0, atol=1e-6)
    spec = json.loads((path / "policy.json").read_text())
    assert spec["robot"] == "panda" and spec["data"] is None and spec["control_hz"] == pytest.approx(20.0)
    assert (spec["normalization"]["obs"] is not None) == normalize
    assert spec["observation"]["past_actions"] == past and spec["action"]["agent_dims"] == [0, 1, 2]


def test_exported_policy_refuses_another_robot_and_tampered_weights(tmp_path: Path) -> None:
    from policies.rl_export import export_sb3_policy

    config = RLConfig(net_arch=(8,), buffer_size=1_000)
    path = export_sb3_policy(build_model(config, vectorize(lambda: make_goal_env(), 0, 10)), config, tmp_path / "p")
    with pytest.raises(CheckpointError, match="panda"):
        policies.load(path, robot="ur5e")
    policy = policies.load(path)
    ur5e_obs, _ = gym.make("armstack/Reach-v0", robot="ur5e").reset(seed=0)
    with pytest.raises(PolicyError, match="6"):
        policy.act(ur5e_obs)
    weights = path / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="SHA-256"):
        policies.load(path)


# --- tiny trainings ------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(("algo", "her"), [("sac", True), ("ppo", False)])
def test_tiny_training_writes_a_complete_run_and_a_loadable_policy(tmp_path: Path, algo: str, her: bool) -> None:
    config = dataclasses.replace(TINY, algo=algo, her=her, ppo_n_steps=120)
    run = train_rl(config, tmp_path / "run")
    out = run.out_dir
    for name in ("config.json", "metrics.json", "learning_curve.png", "evaluations.npz", "final_model.zip"):
        assert (out / name).is_file(), name
    assert list((out / "tb").rglob("events.out.tfevents.*")), "no TensorBoard events"
    assert list((out / "checkpoints").glob(f"{algo}_*_steps.zip")), "no SB3 checkpoint"
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["env_steps"] >= config.steps
    assert metrics["eval_curve"]["timesteps"] == [120, 240]
    assert metrics["final_eval"]["episodes"] == config.eval_episodes
    assert 0.0 <= metrics["final_eval"]["success_rate"] <= 1.0
    assert json.loads((out / "config.json").read_text()) == config.to_dict()

    from stable_baselines3 import PPO, SAC
    from stable_baselines3.common.vec_env import VecNormalize

    venv = VecNormalize.load(str(out / "vecnormalize.pkl"), vectorize(lambda: make_goal_env(), 0, 1))
    model = (SAC if algo == "sac" else PPO).load(run.model_path, env=venv, device="cpu")
    assert metrics["weights_sha256"] == weights_sha256(model)  # metrics.json names the saved weights and statistics
    # policy/ is best/'s model (policy_from); final_policy/ the last model's, which acts as final_model.zip
    assert metrics["policy_from"]["checkpoint"] == "best"
    assert metrics["policy_from"]["env_steps"] == metrics["best"]["env_steps"] in (120, 240)
    assert metrics["best_eval"]["episodes"] == config.eval_episodes
    assert run.policy_dir is not None and run.final_policy_dir is not None
    policy = policies.load(run.final_policy_dir)
    obs = rollout_observations(gym.make("armstack/Reach-v0"), seed=11, steps=5)
    previous = np.zeros(3 * config.observe_actions, np.float32)  # the policy remembers what it commanded
    for o in obs:
        expected = model.predict(venv.normalize_obs(goal_observation(o, previous)), deterministic=True)[0]
        np.testing.assert_allclose(policy.act(o)[:3], expected, rtol=0, atol=1e-6)
        previous = np.concatenate([expected, previous])[: len(previous)]
    with pytest.raises(TrainConfigError, match="not an empty directory"):
        train_rl(config, out)


@pytest.mark.slow
def test_same_seed_gives_the_same_training() -> None:
    # Exact on purpose: both trainings run in this process, on one machine, torch build and thread count
    # (checked on an Intel Xeon, Sapphire Rapids, x86-64). Across CPUs or thread counts the weights may
    # differ in the last bits; nothing here compares with weights trained elsewhere.
    config = dataclasses.replace(TINY, steps=90, learning_starts=60)

    def weights() -> np.ndarray:
        model = build_model(config, vectorize(lambda: make_goal_env(), *train_seeds(config)))
        model.learn(config.steps)
        return np.concatenate([p.detach().numpy().ravel() for p in model.policy.actor.parameters()])

    first, second = weights(), weights()
    assert np.array_equal(first, second)


# --- command line --------------------------------------------------------------------------------------------
def rl_parser() -> argparse.ArgumentParser:
    from policies.rl_cli import add_rl_arguments

    parser = argparse.ArgumentParser(prog="armstack train rl")
    add_rl_arguments(parser)
    return parser


def test_cli_rejects_a_bad_algorithm_before_training(tmp_path: Path) -> None:
    from policies.rl_cli import run_rl

    with pytest.raises(TrainConfigError, match="sac, ppo"):
        run_rl(rl_parser().parse_args(["--algo", "dqn", "--out", str(tmp_path / "run")]))
    assert not (tmp_path / "run").exists()


@pytest.mark.slow
def test_cli_trains_from_a_config_file_and_prints_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policies.rl_cli import run_rl

    config = tmp_path / "rl.yaml"
    config.write_text("steps: 120\nlearning_starts: 60\nbatch_size: 16\neval_every: 60\neval_episodes: 1\n"
                      "checkpoint_every: 120\nnet_arch: [8]\nbuffer_size: 1000\n")
    args = rl_parser().parse_args(["--algo", "sac", "--her", "--steps", "100", "--seed", "3", "--out",
                                   str(tmp_path / "run"), "--config", str(config), "--quiet"])
    assert run_rl(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["env_steps"] >= 100 and summary["eval_episodes"] == 1  # the flag beat the file's 120 steps
    curve = json.loads((tmp_path / "run" / "metrics.json").read_text())["eval_curve"]
    assert summary["best"]["env_steps"] in curve["timesteps"]  # from scratch: no step-0 evaluation
    assert curve["timesteps"][0] == 60 and (tmp_path / "run" / "best" / "policy" / "policy.json").is_file()
    saved = json.loads((tmp_path / "run" / "config.json").read_text())
    assert saved["steps"] == 100 and saved["seed"] == 3 and saved["net_arch"] == [8]
    assert (tmp_path / "run" / "policy" / "policy.json").is_file()
    # the summary's policy and success rate are the kept checkpoint's (best/ at 60, the one evaluation)
    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text())
    assert summary["policy_from"] == {"checkpoint": "best", "env_steps": 60}
    assert summary["success_rate"] == metrics["best_eval"]["success_rate"]
    assert summary["final_success_rate"] == metrics["final_eval"]["success_rate"]
    assert json.loads((tmp_path / "run" / "final_policy" / "policy.json").read_text())["weights_sha256"] != \
        json.loads((tmp_path / "run" / "policy" / "policy.json").read_text())["weights_sha256"]


# --- island sleeping in the RL env ---------------------------------------------------------------------------
def test_reach_trains_with_sleeping_cubes_and_the_arm_moves_as_without() -> None:
    import mujoco

    assert RLConfig().physics_sleep is None  # on for Reach
    envs = {flag: make_goal_env(randomization="default", physics_sleep=flag) for flag in (False, True)}
    sleep_bit = int(mujoco.mjtEnableBit.mjENBL_SLEEP)
    assert {flag: bool(env.unwrapped.model.opt.enableflags & sleep_bit)  # type: ignore[attr-defined]
            for flag, env in envs.items()} == {False: False, True: True}
    tcp: dict[bool, list[np.ndarray]] = {False: [], True: []}
    asleep_trees = 0
    for flag, env in envs.items():
        env.reset(seed=7)
        data = env.unwrapped.data  # type: ignore[attr-defined]
        rng = np.random.default_rng(7)
        for _ in range(60):
            obs, *_ = env.step(rng.uniform(-1, 1, 3))
            tcp[flag].append(obs["achieved_goal"])
        if flag:
            asleep_trees = int(data.ntree_awake < len(data.tree_asleep))
    assert asleep_trees == 1  # something (the resting cubes) is asleep at the end: the saving is real
    # Sleeping is exact for what Reach measures: the TCP agrees to well under a micrometre (float32 goals).
    assert np.abs(np.array(tcp[True]) - np.array(tcp[False])).max() < 1e-6


def test_physics_sleep_must_be_a_bool() -> None:
    with pytest.raises(TrainConfigError, match="physics_sleep must be true or false"):
        RLConfig(physics_sleep="yes")  # type: ignore[arg-type]


# --- parallel envs and refused runs --------------------------------------------------------------------------
def test_a_refused_run_leaves_no_run_folder(tmp_path: Path) -> None:
    out = tmp_path / "run"
    with pytest.raises(TrainConfigError, match="no goal-conditioned version"):
        train_rl(dataclasses.replace(TINY, env_id="armstack/Tabletop-v0"), out)
    with pytest.raises(TrainConfigError, match="physics_sleep is for Reach only"):
        train_rl(dataclasses.replace(TINY, env_id="armstack/Push-v0", physics_sleep=True), out)
    with pytest.raises(TrainConfigError, match="learning_starts"):
        train_rl(dataclasses.replace(TINY, learning_starts=30), out)
    assert not out.exists()


def test_parallel_training_envs_run_disjoint_seed_blocks() -> None:
    config = dataclasses.replace(TINY, n_envs=2)
    first, count = train_seeds(config)
    envs = vectorize(lambda: make_goal_env(), first, count, n_envs=1)
    assert envs.num_envs == 1
    envs.close()
    with pytest.raises(TrainConfigError, match="n_envs"):
        vectorize(lambda: make_goal_env(), first, 1, n_envs=2)
    with pytest.raises(TrainConfigError, match="n_envs"):
        RLConfig(n_envs=0)


@pytest.mark.slow
def test_training_on_two_worker_envs(tmp_path: Path) -> None:
    import zipfile

    config = dataclasses.replace(TINY, n_envs=2, steps=160, learning_starts=120, eval_every=80, checkpoint_every=160)
    run = train_rl(config, tmp_path / "run", export=False)
    assert run.metrics["env_steps"] >= 160
    with zipfile.ZipFile(run.model_path) as saved:
        assert json.loads(saved.read("data"))["n_envs"] == 2
    seeds = run.metrics["train_seeds"]
    assert seeds == list(train_seeds(config))


# --- resuming a killed run -----------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_killed_run_resumes_from_its_last_checkpoint_and_refuses_another_config(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    from stable_baselines3.common.save_util import load_from_pkl

    from policies.rl_cli import run_rl

    out = tmp_path / "run"
    config = dataclasses.replace(TINY, steps=600, checkpoint_every=150, eval_every=100_000, eval_episodes=1,
                                 buffer_size=5_000)
    script = ("import json, sys; from policies.rl import train_rl; from policies.rl_config import RLConfig; "
              "train_rl(RLConfig.from_dict(json.loads(sys.argv[1])), sys.argv[2])")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", script, json.dumps(config.to_dict()), str(out)], env=env,
                            stderr=subprocess.PIPE)
    point = out / "checkpoints" / "resume.json"
    deadline = time.monotonic() + 300
    while not point.is_file() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.kill()  # as a killed job: no clean-up runs
    _, stderr = proc.communicate()
    assert proc.returncode == -9, stderr.decode()[-2000:]
    assert not (out / "metrics.json").exists()  # it never finished
    killed = json.loads(point.read_text())
    killed_at = killed["env_steps"]
    assert 150 <= killed_at < config.steps

    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    with pytest.raises(TrainConfigError, match=r"seed 0 in the run, 1 given"):
        run_rl(rl_parser().parse_args(["--out", str(out), "--resume", "--seed", "1", "--quiet"]))
    with pytest.raises(TrainConfigError, match="not an empty directory"):
        train_rl(config, out)  # without resume a used folder is still refused
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before  # refusals touch nothing

    assert run_rl(rl_parser().parse_args(["--out", str(out), "--resume", "--quiet"])) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["env_steps"] == config.steps and metrics["resumed_from_env_steps"] >= killed_at
    state = json.loads(point.read_text())
    assert state["env_steps"] > metrics["resumed_from_env_steps"]
    # The buffer saved after the resume still holds the transitions from before the kill.
    buffer = load_from_pkl(out / "checkpoints" / state["replay_buffer"])
    assert buffer.size() > state["env_steps"] - metrics["resumed_from_env_steps"]
    # Training episode seeds go on from where the killed run was (60-step Reach episodes), none replayed.
    ran = state["env_steps"] - metrics["resumed_from_env_steps"]
    assert state["episode_resets"][0] >= killed["episode_resets"][0] + ran // 60


def test_best_is_chosen_on_validation_episodes_and_held_out_ones_only_score_the_end(tmp_path: Path,
                                                                                     monkeypatch: Any) -> None:
    """``best/`` used to be chosen by EvalCallback on the held-out episodes (R1 s10): the reported figure was then
    the best of several noisy draws from the very seeds it reports on."""
    import policies.rl as rl
    import policies.rl_validation as rl_validation
    from policies.rl_config import EVAL_SEED_BASE, VALIDATION_SEED_BASE

    made: dict[int, Any] = {}  # first seed -> the vector env built over that block

    def recording_vectorize(factory: Any, first: int, count: int, **kwargs: Any) -> Any:
        env = vectorize(factory, first, count, **kwargs)
        made[first] = env
        return env

    chosen_on: list[Any] = []

    class RecordingEvalCallback(rl_validation.ValidationEvaluations):
        def __init__(self, eval_env: Any, **kwargs: Any) -> None:
            chosen_on.append(eval_env)
            super().__init__(eval_env, **kwargs)

    monkeypatch.setattr(rl, "vectorize", recording_vectorize)
    monkeypatch.setattr(rl_validation, "ValidationEvaluations", RecordingEvalCallback)
    run = train_rl(TINY, tmp_path / "run")
    assert chosen_on == [made[VALIDATION_SEED_BASE]] and made[EVAL_SEED_BASE] is not chosen_on[0]
    metrics = json.loads((run.out_dir / "metrics.json").read_text())
    assert metrics["validation_seeds"] == [VALIDATION_SEED_BASE, TINY.eval_episodes]
    assert metrics["eval_seeds"] == [EVAL_SEED_BASE, TINY.eval_episodes]


@pytest.mark.parametrize("record", [None, "held_out"])
def test_a_resume_starts_the_curve_afresh_when_the_run_evaluated_on_other_episodes(tmp_path: Path,
                                                                                    record: str | None) -> None:
    """REV s10 R6: a run from before 2bd323d kept evaluations.npz and best/ on the held-out episodes; resumed, it
    must not append validation results to that curve nor compare them with its best. The run records its
    evaluation seeds; a resume of a run without that record (or with another block) moves the old curve and best/
    aside, while a run that recorded its validation seeds keeps its evaluations up to the resume point."""
    import shutil

    from policies.rl import EVALUATION_RECORD
    from policies.rl_config import EVAL_SEED_BASE, VALIDATION_SEED_BASE

    config = dataclasses.replace(TINY, checkpoint_every=150)  # resume point at 150; evaluations at 120 and 240
    out, old = tmp_path / "run", tmp_path / "old"
    train_rl(config, out, export=False)
    assert json.loads((out / EVALUATION_RECORD).read_text()) == {"first_seed": VALIDATION_SEED_BASE, "count": 2}
    shutil.copytree(out, old)
    if record is None:  # as written before 2bd323d
        (old / EVALUATION_RECORD).unlink()
    else:
        (old / EVALUATION_RECORD).write_text(json.dumps({"first_seed": EVAL_SEED_BASE, "count": 2}))
    old_curve = (old / "evaluations.npz").read_bytes()
    assert (old / "best" / "best_model.zip").is_file()

    kept = train_rl(config, out, export=False, resume=True)
    assert kept.metrics["resumed_from_env_steps"] == 150 and kept.metrics["evaluations_restarted"] is None
    assert kept.metrics["eval_curve"]["timesteps"] == [120, 240]  # the evaluation at 120 kept, 240 made again

    restarted = train_rl(config, old, export=False, resume=True)
    assert restarted.metrics["resumed_from_env_steps"] == 150
    assert restarted.metrics["eval_curve"]["timesteps"] == [240]  # only the resumed run's own evaluation
    assert restarted.metrics["evaluations_restarted"] == {
        "resumed_at": 150, "were_on_seeds": None if record is None else [EVAL_SEED_BASE, 2],
        "now_on_seeds": [VALIDATION_SEED_BASE, 2], "moved_to": "evaluations_before_150"}
    aside = old / "evaluations_before_150"
    assert (aside / "evaluations.npz").read_bytes() == old_curve and (aside / "best" / "best_model.zip").is_file()
    assert (old / "best" / "best_model.zip").is_file()  # chosen afresh, on the validation evaluation at 240
    assert json.loads((old / EVALUATION_RECORD).read_text()) == {"first_seed": VALIDATION_SEED_BASE, "count": 2}


def test_an_evaluation_names_the_episodes_that_succeeded_the_same_in_every_round() -> None:
    """``succeeded_seeds`` lets two checkpoints evaluated on one block be compared episode by episode. A scripted
    policy that reaches the goal only when it lies at y > 0 succeeds exactly on those seeds; the second round starts
    at another seed of the block (the vector env's extra reset) and names the same ones."""
    from policies.rl import evaluate_success

    class TowardGoalsAtPositiveY:
        def get_vec_normalize_env(self) -> None:
            return None

        def predict(self, obs: dict[str, np.ndarray], state: Any = None, episode_start: Any = None,
                    deterministic: bool = True) -> tuple[np.ndarray, None]:
            go = (obs["desired_goal"][:, 1:2] > 0).astype(np.float32)
            return np.clip(20 * (obs["desired_goal"] - obs["achieved_goal"]), -1, 1) * go, None

    first, count = 1000, 6
    probe = make_goal_env(max_steps=50)
    expected = [first + k for k in range(count) if probe.reset(seed=first + k)[0]["desired_goal"][1] > 0]
    probe.close()
    assert 0 < len(expected) < count  # the block holds both kinds of episode
    env = vectorize(lambda: make_goal_env(max_steps=50), first, count, training=False)
    try:
        rounds = [evaluate_success(TowardGoalsAtPositiveY(), env, count) for _ in range(2)]
    finally:
        env.close()
    for result in rounds:
        assert result["succeeded_seeds"] == expected and result["successes"] == len(expected)
