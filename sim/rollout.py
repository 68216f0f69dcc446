"""Run one episode with an actor (the scripted expert or a policy) and collect what tools need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim.env import TabletopEnv

# A policy maps an observation to an action; ``None`` means "use the scripted expert".
Policy = Callable[[dict[str, Any]], np.ndarray]


@dataclass
class EpisodeResult:
    seed: int
    task: str
    instruction: str
    success: bool
    steps: int
    total_reward: float
    actions: np.ndarray
    qpos: np.ndarray
    """Full MuJoCo qpos after every step, shape (steps, nq)."""
    frames: list[np.ndarray] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    reached: bool = False
    """Successful at some step. ``success`` is the last step's: the same where the env ends an episode at its first
    success, not where it runs on (``terminate_on_success=False``) and the goal can be left again."""


def run_episode(env: TabletopEnv, seed: int, policy: Policy | None = None, render: bool = False,
                options: dict[str, Any] | None = None) -> EpisodeResult:
    """Reset ``env`` with ``seed`` and act until the env ends the episode: success (where it ends episodes there),
    truncation or divergence."""
    obs, info = env.reset(seed=seed, options=options)
    expert = env.expert() if policy is None else None
    actions, qpos, frames = [], [], []
    if render:
        frames.append(env.render())
    total, steps, success, reached = 0.0, 0, False, False
    step_info: dict[str, Any] = {}
    while True:
        action = expert.act() if expert is not None else np.asarray(policy(obs))  # type: ignore[misc]
        obs, reward, terminated, truncated, step_info = env.step(action)
        actions.append(np.asarray(action, dtype=np.float64))
        qpos.append(env.data.qpos.copy())
        total += reward
        steps += 1
        success = bool(step_info.get("is_success", False))
        reached = reached or success
        if render:
            frames.append(env.render())
        if terminated or truncated:
            break
    return EpisodeResult(seed=seed, task=info["task"], instruction=info["instruction"], success=success,
                         steps=steps, total_reward=total, actions=np.array(actions), qpos=np.array(qpos),
                         frames=[f for f in frames if f is not None], info={**info, **step_info}, reached=reached)
