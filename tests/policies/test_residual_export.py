"""A residual run's export: the actor with the BC base it carries, loaded by ``policies.load``, acts as
``ResidualGoalEnv`` composes base and residual, and ``armstack eval`` runs it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
import torch

import policies
from policies.errors import CheckpointError, PolicyError, TrainConfigError
from policies.rl_config import RLConfig

PUSH = "armstack/Push-v0"


def _residual_run(tmp_path: Path) -> tuple[RLConfig, Any, Any, Path]:
    """(config, a tiny ResidualSAC with a non-zero residual, its training VecNormalize with non-trivial statistics,
    the export)."""
    from policies.rl import build_model, make_armstack_env, train_seeds, vectorize
    from policies.rl_export import export_residual_policy

    config = RLConfig(env_id=PUSH, base_policy="pretrained", net_arch=(16, 16), buffer_size=1_000, seed=3)
    venv = vectorize(lambda: make_armstack_env(config), *train_seeds(config), normalize_obs=True)
    model = build_model(config, venv)
    with torch.no_grad():  # a fresh residual actor outputs exactly 0 (BC alone): give it a residual to carry
        torch.nn.init.normal_(model.actor.mu.weight, std=0.5, generator=torch.Generator().manual_seed(0))
        model.actor.mu.bias.fill_(0.1)
    venv.reset()
    rng = np.random.default_rng(0)
    for _ in range(30):  # running statistics away from mean 0, variance 1
        venv.step(rng.uniform(-1, 1, (1, 3)).astype(np.float32))
    return config, model, venv, export_residual_policy(model, config, tmp_path / "policy", obs_normalizer=venv)


def test_exported_residual_policy_acts_as_the_residual_env_composes(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

    from policies.residual_goal_env import make_residual_goal_env

    config, model, train_env, path = _residual_run(tmp_path)
    base_dir = config.base_policy_dir  # Push's shipped base (rl_config.PRETRAINED_BASES)
    assert base_dir is not None
    assert sorted(p.name for p in path.iterdir()) == ["base", "model.safetensors", "policy.json"]
    for name in ("model.safetensors", "policy.json"):  # the base travels byte for byte
        assert (path / "base" / name).read_bytes() == (base_dir / name).read_bytes()
    spec = json.loads((path / "policy.json").read_text())
    assert spec["observation"]["adapter"] == "residual_goal_v1" and spec["action"]["residual_scale"] == 0.5
    assert spec["normalization"]["obs"]["observation"]["mean"] != [0.0] * len(spec["normalization"]["obs"]
                                                                             ["observation"]["mean"])
    base_data = json.loads((base_dir / "policy.json").read_text())["data"]
    assert spec["data"] == base_data  # evaluations exclude the base's training seeds
    policy = policies.load(path, robot="panda")

    # The env the actor was trained on, with the training statistics frozen, stepped by SB3's own predict.
    residual_env = make_residual_goal_env(PUSH, base_dir, residual_scale=config.residual_scale,
                                          observe_actions=config.observe_actions)
    sent: list[np.ndarray] = []
    goal_step = residual_env.goal_env.step

    def recording_step(action: np.ndarray) -> Any:
        sent.append(np.array(action, np.float32))
        return goal_step(action)

    monkeypatch.setattr(residual_env.goal_env, "step", recording_step)
    env = VecNormalize(DummyVecEnv([lambda: residual_env]), training=False, norm_obs=True, norm_reward=False)
    env.obs_rms = copy.deepcopy(train_env.obs_rms)
    env.seed(11)
    obs: Any = env.reset()
    policy.reset()
    corrected = 0
    for _ in range(25):  # within one episode (the vector env would reset on its own after it)
        action = policy.act(residual_env.goal_env.env_observation)
        residual, _ = model.predict(obs, deterministic=True)
        obs, _, _, infos = env.step(residual)
        assert action.shape == (5,) and action.dtype == np.float32
        np.testing.assert_array_equal(action, sent[-1])  # to the bit: rollouts turn on an ulp
        corrected += bool(np.abs(sent[-1][:3] - infos[0]["base_action"][:3]).max() > 1e-3)
    assert corrected >= 20  # the residual is not zero: the test would pass for BC alone otherwise
    # A new episode starts from no history for both the policy and its base.
    env.seed(12)
    obs = env.reset()
    policy.reset()
    action = policy.act(residual_env.goal_env.env_observation)
    env.step(model.predict(obs, deterministic=True)[0])
    np.testing.assert_array_equal(action, sent[-1])  # to the bit: rollouts turn on an ulp
    env.close()
    train_env.close()


def test_residual_export_refusals(tmp_path: Path) -> None:
    from policies.goal_env import make_goal_env
    from policies.rl import build_model, vectorize
    from policies.rl_export import export_residual_policy

    config, _, train_env, path = _residual_run(tmp_path)
    train_env.close()
    policy = policies.load(path)
    obs, _ = gym.make(PUSH).reset(seed=0)
    with pytest.raises(PolicyError, match="one env observation at a time"):
        policy.act({k: np.stack([v, v]) if k != "instruction" else [v, v] for k, v in obs.items()})
    # The base is checked as any checkpoint is: a swapped base weight file is refused, a missing base named.
    weights = path / "base" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1
    weights.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="SHA-256"):
        policies.load(path)
    for name in ("model.safetensors", "policy.json"):
        (path / "base" / name).unlink()
    (path / "base").rmdir()
    with pytest.raises(CheckpointError, match=r"base policy \(base/\) is missing"):
        policies.load(path)
    # An actor trained on the goal env alone (no base action in its input) is not a residual actor.
    plain = RLConfig(env_id=PUSH, net_arch=(8,), buffer_size=1_000)
    plain_model = build_model(plain, vectorize(lambda: make_goal_env(PUSH, action_mode="full"), 0, 10))
    with pytest.raises(TrainConfigError, match="inputs; the goal observation"):
        export_residual_policy(plain_model, config, tmp_path / "wrong")
    assert not (tmp_path / "wrong").exists()
    with pytest.raises(TrainConfigError, match="not a residual run"):
        export_residual_policy(plain_model, plain, tmp_path / "wrong")


def test_armstack_eval_runs_an_exported_residual_policy(tmp_path: Path) -> None:
    from armstack.cli import main

    _, _, train_env, path = _residual_run(tmp_path)
    train_env.close()
    report = tmp_path / "eval.json"
    assert main(["eval", "--policy", str(path), "--env", PUSH, "--episodes", "1", "--report", str(report),
                 "--quiet"]) == 0
    result = json.loads(report.read_text())
    assert result["episodes"] == 1 and result["episodes_log"][0]["steps"] > 0
