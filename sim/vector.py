"""Vectorised environments sized to the machine: Gymnasium's vector envs or Stable-Baselines3's VecEnvs."""

from __future__ import annotations

import functools
import os
from typing import Any

import gymnasium as gym

from sim.errors import ConfigError, UnknownNameError

BACKENDS = ("gymnasium", "sb3")


def default_num_envs() -> int:
    """One env per CPU core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def make_vector_env(env_id: str, num_envs: int | None = None, asynchronous: bool = True,
                    backend: str = "gymnasium", **kwargs: Any) -> Any:
    """``num_envs`` copies of ``env_id`` (default: one per CPU core), in worker processes when ``asynchronous``.

    ``backend="gymnasium"``: a Gymnasium ``AsyncVectorEnv`` (``SyncVectorEnv`` for one env or
    ``asynchronous=False``). ``backend="sb3"``: a Stable-Baselines3 ``SubprocVecEnv`` (``DummyVecEnv``) of the
    id's SB3-ready variant (``sim.sb3``; an ``-SB3-`` id is taken as it is), which SB3's algorithms accept.
    Workers start with ``spawn``: MuJoCo's renderers do not survive a fork.
    """
    if backend not in BACKENDS:
        raise UnknownNameError("vector env backend", backend, BACKENDS)
    n = num_envs if num_envs is not None else default_num_envs()
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ConfigError(f"num_envs must be a whole number >= 1, got {n!r}")
    if backend == "sb3":
        return _sb3_vector_env(env_id, n, asynchronous, kwargs)
    if asynchronous and n > 1:
        return gym.make_vec(env_id, num_envs=n, vectorization_mode="async", vector_kwargs={"context": "spawn"},
                            **kwargs)
    return gym.make_vec(env_id, num_envs=n, vectorization_mode="sync", **kwargs)


def _sb3_vector_env(env_id: str, n: int, asynchronous: bool, kwargs: dict[str, Any]) -> Any:
    from stable_baselines3.common.monitor import Monitor
    from stable_baselines3.common.vec_env import DummyVecEnv, SubprocVecEnv

    from sim.tasks import ENV_IDS, SB3_ENV_IDS
    from sim.tasks.registry import sb3_env_id

    if env_id in ENV_IDS:
        env_id = sb3_env_id(env_id)
    if env_id not in SB3_ENV_IDS:
        raise UnknownNameError("env id", env_id, (*ENV_IDS, *SB3_ENV_IDS))
    factory = functools.partial(_monitored, env_id, kwargs, Monitor)
    if asynchronous and n > 1:
        return SubprocVecEnv([factory] * n, start_method="spawn")
    return DummyVecEnv([factory] * n)


def _monitored(env_id: str, kwargs: dict[str, Any], monitor: Any) -> gym.Env[Any, Any]:
    """One SB3 worker's env, in SB3's ``Monitor`` (episode returns and lengths, as ``make_vec_env`` does)."""
    import sim  # noqa: F401 - registers the armstack ids in a spawned worker

    return monitor(gym.make(env_id, **kwargs), info_keywords=("is_success",))
