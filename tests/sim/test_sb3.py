"""SB3 out of the box: every id's SB3 variant passes check_env, trains, and vectorises as SB3 expects."""

import re
import warnings
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest

import sim
from sim.sb3 import decode_instruction, encode_instruction

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("env_id", sorted(sim.SB3_ENV_IDS))
def test_every_sb3_variant_passes_check_env_without_warnings(env_id: str) -> None:
    from stable_baselines3.common.env_checker import check_env

    env = gym.make(env_id)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # check_env warns on spaces SB3 handles badly: none here
        check_env(env)
    env.close()


def test_sb3_observation_carries_the_instruction_and_the_poses() -> None:
    raw = gym.make("armstack/Stack-v0")
    env = gym.make("armstack/Stack-SB3-v0")
    obs, info = env.reset(seed=5)
    expected, _ = raw.reset(seed=5)
    assert decode_instruction(obs["instruction"]) == info["instruction"] == expected["instruction"]
    np.testing.assert_allclose(obs["object_poses"], expected["object_poses"].reshape(-1), rtol=1e-6)
    assert obs["task_id"] == expected["task_id"]
    assert all(v.dtype in (np.float32, np.uint8) for k, v in obs.items() if k not in ("task_id", "object_id",
                                                                                      "target_id"))
    assert decode_instruction(encode_instruction("x" * 300)) == "x" * 200


def test_readme_example_runs() -> None:
    text = README.read_text()
    match = re.search(r"<!-- sb3-example -->\n```python\n(.*?)```", text, re.S)
    assert match is not None, "README lost its SB3 example"
    code = match.group(1)
    assert len(code.strip().splitlines()) <= 5
    import torch

    # Two torch threads on two loaded cores spin against each other: 1 s a gradient step under CI's load (load
    # average 19 measured), 10 ms with one thread.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        exec(compile(code, "README.md", "exec"), {})  # the README's own example
    finally:
        torch.set_num_threads(threads)


def test_ppo_trains_on_the_sb3_vector_env() -> None:
    from stable_baselines3 import PPO
    from stable_baselines3.common.vec_env import DummyVecEnv

    envs = sim.make_vector_env("armstack/Push-v0", num_envs=2, asynchronous=False, backend="sb3")
    assert isinstance(envs, DummyVecEnv) and envs.num_envs == 2
    model = PPO("MultiInputPolicy", envs, n_steps=32, batch_size=32, n_epochs=1, verbose=0).learn(64)
    assert model.num_timesteps == 64
    envs.close()


@pytest.mark.slow
def test_sb3_subprocess_vector_env_steps_in_workers() -> None:
    from stable_baselines3.common.vec_env import SubprocVecEnv

    envs = sim.make_vector_env("armstack/Reach-SB3-v0", num_envs=2, backend="sb3")
    assert isinstance(envs, SubprocVecEnv)
    envs.seed(3)
    obs: Any = envs.reset()
    assert obs["instruction"].shape == (2, 200)
    obs, reward, _done, infos = envs.step(np.zeros((2, 5), np.float32))
    assert reward.shape == (2,) and len(infos) == 2
    envs.close()


def test_bad_backend_and_size_are_refused() -> None:
    with pytest.raises(sim.UnknownNameError, match="backend"):
        sim.make_vector_env("armstack/Reach-v0", num_envs=1, backend="ray")
    with pytest.raises(sim.ConfigError, match="num_envs"):
        sim.make_vector_env("armstack/Reach-v0", num_envs=0, backend="sb3")
