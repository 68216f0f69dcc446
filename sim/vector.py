"""Vectorised environments sized to the machine."""

from __future__ import annotations

import os
from typing import Any

import gymnasium as gym

from sim.errors import ConfigError


def make_vector_env(env_id: str, num_envs: int | None = None, asynchronous: bool = True,
                    **kwargs: Any) -> gym.vector.VectorEnv:
    """``num_envs`` copies of ``env_id`` (default: one per CPU core) in worker processes."""
    n = num_envs if num_envs is not None else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                               else os.cpu_count() or 1)
    if n < 1:
        raise ConfigError(f"num_envs must be >= 1, got {n}")
    if asynchronous and n > 1:
        return gym.make_vec(env_id, num_envs=n, vectorization_mode="async", vector_kwargs={"context": "spawn"},
                            **kwargs)
    return gym.make_vec(env_id, num_envs=n, vectorization_mode="sync", **kwargs)
