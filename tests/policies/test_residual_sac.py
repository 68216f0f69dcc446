"""Residual RL on the BC policy: ResidualSAC's conservative actor, the recipe's config fields, `train rl` running it,
and a resumed run's evaluation record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

import policies
from policies.errors import TrainConfigError
from policies.rl_config import RESIDUAL_RECIPE, RLConfig

PUSH_RESIDUAL = {"env_id": "armstack/Push-v0", "base_policy": "pretrained"}


@pytest.mark.parametrize(("fields", "message"), [
    ({"residual_scale": 0.3}, r"residual_scale: for a residual run only; set base_policy"),
    ({"actor_burn_in": 10, "residual_pull": 2.0}, r"actor_burn_in, residual_pull: for a residual run only"),
    ({**PUSH_RESIDUAL, "env_id": "armstack/Reach-v0"}, r"needs one of armstack/Push-v0, .*got env_id"),
    ({**PUSH_RESIDUAL, "base_policy": "no/such/folder"}, r"base_policy 'no/such/folder' is not a folder"),
    ({**PUSH_RESIDUAL, "algo": "ppo", "her": False}, r"trains with sac, got algo 'ppo'"),
    ({**PUSH_RESIDUAL, "action_mode": "xyzg"}, r"leave action_mode out"),
    ({**PUSH_RESIDUAL, "residual_scale": 0.0}, r"residual_scale must be in \(0, 2\]"),
    ({**PUSH_RESIDUAL, "residual_penalty": -0.1}, r"residual_penalty must be in \[0, 1\]"),
    ({**PUSH_RESIDUAL, "actor_lr_scale": 1.5}, r"actor_lr_scale must be in \(0, 1\]"),
    ({**PUSH_RESIDUAL, "actor_burn_in": -1}, r"actor_burn_in must be a whole number"),
    ({**PUSH_RESIDUAL, "residual_pull": float("nan")}, r"residual_pull must be in \[0, 100\]"),
    ({**PUSH_RESIDUAL, "residual_log_std": 1.0}, r"residual_log_std must be in \[-5, 0\]"),
    ({**PUSH_RESIDUAL, "reward_type": "shaped"}, r"unknown reward_type 'shaped'; valid options: sparse, dense"),
])
def test_residual_fields_are_refused_with_the_field_named(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(TrainConfigError, match=message):
        RLConfig.from_dict(fields)


def test_the_recipe_is_the_config_default_and_loads_from_yaml(tmp_path: Path) -> None:
    config = RLConfig.from_dict(PUSH_RESIDUAL)
    assert {k: getattr(config, k) for k in RESIDUAL_RECIPE} == RESIDUAL_RECIPE
    assert config.base_policy_dir is not None and (config.base_policy_dir / "policy.json").is_file()
    assert RLConfig().base_policy_dir is None and RLConfig().env_reward_type == "sparse"
    assert RLConfig(her=False).env_reward_type == "dense" and config.env_reward_type == "sparse"
    from policies import goal_env, rl_config

    assert rl_config.REWARD_TYPES == goal_env.REWARD_TYPES  # the config's import-light copy of the envs' list
    path = tmp_path / "residual.yaml"
    path.write_text("env_id: armstack/PickPlace-v0\nbase_policy: pretrained\nresidual_scale: 0.25\n")
    assert RLConfig.from_yaml(path).residual_scale == 0.25
    path.write_text("env_id: armstack/PickPlace-v0\nbase_policy: pretrained\nresidual_scael: 0.25\n")
    with pytest.raises(TrainConfigError, match=r"unknown key\(s\) 'residual_scael'"):
        RLConfig.from_yaml(path)


def _tiny_model(tmp_path: Path, **residual: Any) -> Any:
    """A ResidualSAC on the fast Reach goal env (the learner does not depend on the env it corrects)."""
    from policies.goal_env import make_goal_env
    from policies.residual_sac import ResidualSAC
    from policies.rl import train_seeds, vectorize

    venv = vectorize(lambda: make_goal_env(randomization="none", physics_sleep=True), *train_seeds(RLConfig()))
    return ResidualSAC("MultiInputPolicy", venv, learning_starts=60, batch_size=16, buffer_size=1_000, seed=3,
                       policy_kwargs={"net_arch": [16]}, learning_rate=1e-3, **residual)


def _mean_residual(model: Any) -> float:
    obs = model.get_env().reset()
    return float(np.abs(model.predict(obs, deterministic=True)[0]).mean())


def test_residual_sac_waits_out_the_burn_in_learns_slower_and_is_pulled_toward_zero(tmp_path: Path) -> None:
    torch.set_num_threads(1)
    frozen = _tiny_model(tmp_path, burn_in_steps=80, actor_lr_scale=0.1, initial_log_std=-2.0)
    assert _mean_residual(frozen) == 0.0  # a fresh actor: exactly the base policy
    assert float(frozen.actor.log_std.bias.detach()[0]) == -2.0
    frozen.learn(80)  # 20 gradient steps, the critic's only
    assert _mean_residual(frozen) == 0.0
    assert frozen.actor.optimizer.param_groups[0]["lr"] == pytest.approx(1e-4)  # the critic keeps SAC's rate
    assert frozen.critic.optimizer.param_groups[0]["lr"] == pytest.approx(1e-3)
    frozen.learn(10, reset_num_timesteps=False)
    assert _mean_residual(frozen) > 0.0  # past the burn-in the actor moves

    # The pull's gradient joins the actor loss's before the actor's step: with a zero mean-layer weight the mean is
    # its bias b, and d/db of pull x tanh(b)^2 is pull x 2 tanh(b) (1 - tanh(b)^2) on every axis.
    model = _tiny_model(tmp_path, zero_pull=3.0)
    model.learn(70)  # a first gradient step: the actor has seen a batch
    with torch.no_grad():
        model.actor.mu.weight.zero_()
        model.actor.mu.bias.fill_(1.0)
    model.actor.optimizer.zero_grad()
    model._pull_obs = model.replay_buffer.sample(8, env=model._vec_normalize_env).observations
    model._add_zero_pull(model.actor.optimizer, (), {})
    t = float(np.tanh(1.0))
    grad = model.actor.mu.bias.grad
    assert grad is not None
    np.testing.assert_allclose(grad.numpy(), 3.0 * 2 * t * (1 - t * t), rtol=1e-5)
    assert model._pull_obs is None  # one batch, one pull
    model.actor.optimizer.zero_grad()
    model._add_zero_pull(model.actor.optimizer, (), {})
    assert model.actor.mu.bias.grad is None  # no batch remembered: nothing added

    # The settings travel with the saved model.
    path = tmp_path / "model.zip"
    frozen.save(path)
    from policies.residual_sac import ResidualSAC

    loaded = ResidualSAC.load(path, env=frozen.get_env())
    assert (loaded.burn_in_steps, loaded.actor_lr_scale, loaded.zero_pull, loaded.initial_log_std) == (80, 0.1, 0.0,
                                                                                                        -2.0)
    weights = "actor.mu.weight"  # its own weights, not a fresh zero actor
    assert torch.equal(loaded.policy.state_dict()[weights], frozen.policy.state_dict()[weights])
    with pytest.raises(TrainConfigError, match="actor_lr_scale"):
        _tiny_model(tmp_path, actor_lr_scale=0.0)


@pytest.mark.slow
def test_train_rl_runs_the_residual_recipe_from_the_cli(tmp_path: Path) -> None:
    import argparse
    import zipfile

    from policies.rl_cli import add_rl_arguments, run_rl

    parser = argparse.ArgumentParser()
    add_rl_arguments(parser)
    config = tmp_path / "small.yaml"
    config.write_text("learning_starts: 150\nbatch_size: 16\nnet_arch: [16]\nbuffer_size: 2000\neval_every: 200\n"
                      "eval_episodes: 1\ncheckpoint_every: 200\nactor_burn_in: 150\n")
    out = tmp_path / "run"
    args = parser.parse_args(["--env", "armstack/Push-v0", "--base-policy", "pretrained", "--steps", "200",
                              "--config", str(config), "--out", str(out), "--quiet"])
    assert run_rl(args) == 0
    saved = json.loads((out / "config.json").read_text())
    assert saved["base_policy"] == "pretrained" and saved["residual_pull"] == RESIDUAL_RECIPE["residual_pull"]
    with zipfile.ZipFile(out / "final_model.zip") as zipped:
        data = json.loads(zipped.read("data"))
    assert data["burn_in_steps"] == 150 and data["zero_pull"] == RESIDUAL_RECIPE["residual_pull"]
    policy = policies.load(out / "policy", robot="panda")  # the export carries its BC base in policy/base/
    assert policy.spec.observation["adapter"] == "residual_goal_v1" and (out / "policy" / "base").is_dir()
    metrics = json.loads((out / "metrics.json").read_text())
    # step 0 (the BC base: the actor starts at zero) is evaluated too, so best/ may keep it
    assert metrics["env_steps"] == 200 and metrics["eval_curve"]["timesteps"] == [0, 200]
    assert policies.load(out / "best" / "policy", robot="panda").spec.observation["adapter"] == "residual_goal_v1"
    # Resuming loads the residual learner back (its last resume point is the end: nothing left to train).
    assert run_rl(parser.parse_args(["--out", str(out), "--resume", "--quiet"])) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["resumed_from_env_steps"] == 200 and metrics["eval_curve"]["timesteps"] == [0, 200]


def test_a_resumed_run_keeps_only_the_evaluations_up_to_its_resume_point(tmp_path: Path) -> None:
    from policies.rl_validation import ValidationEvaluations

    # The killed run evaluated at 100, 200 and 300 but saved its last resume point at 200: the resumed run
    # evaluates 300 again, so the record keeps 100 and 200 only, and counts steps from 200 (every 100: next at 300).
    np.savez(tmp_path / "evaluations.npz", timesteps=np.array([100, 200, 300]),
             results=np.array([[-5.0], [-1.0], [-3.0]]), ep_lengths=np.array([[60], [60], [60]]),
             successes=np.array([[0.0], [1.0], [0.0]]))
    from policies.goal_env import make_goal_env

    callback = ValidationEvaluations(make_goal_env(), eval_freq=100)
    callback.resume(tmp_path / "evaluations.npz", 200, 1)
    assert callback.evaluations_timesteps == [100, 200]
    assert callback.evaluations_results == [[-5.0], [-1.0]] and callback.evaluations_successes == [[0.0], [1.0]]
    assert callback.best_mean_reward == -1.0 and callback.best_rank == 1.0 and callback.n_calls == 200
    callback.resume(tmp_path / "missing.npz", 600, 2)  # nothing saved yet: only the step count
    assert callback.n_calls == 300 and callback.evaluations_timesteps == [100, 200]


@pytest.mark.parametrize(("saved_at", "survives"), [(300, False), (200, True)])
def test_a_resumed_run_drops_a_best_model_saved_past_its_resume_point(tmp_path: Path, saved_at: int,
                                                                       survives: bool) -> None:
    from stable_baselines3 import SAC

    from policies.goal_env import make_goal_env
    from policies.rl_validation import ValidationEvaluations

    # The killed run's best (step 300) is past the resume point (200): its evaluation was dropped, so the model goes.
    np.savez(tmp_path / "evaluations.npz", timesteps=np.array([100, 200, 300]),
             results=np.array([[-5.0], [-1.0], [0.0]]), ep_lengths=np.array([[60], [60], [60]]))
    model = SAC("MultiInputPolicy", make_goal_env(), policy_kwargs={"net_arch": [8]}, learning_starts=0)
    model.num_timesteps = saved_at
    model.save(tmp_path / "best" / "best_model.zip")
    callback = ValidationEvaluations(make_goal_env(), eval_freq=100, best_model_save_path=str(tmp_path / "best"))
    callback.resume(tmp_path / "evaluations.npz", 200, 1)
    assert (tmp_path / "best" / "best_model.zip").is_file() == survives
    assert callback.best_mean_reward == -1.0
