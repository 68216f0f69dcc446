"""Residual RL on a behaviour-cloned policy: the agent adds a correction to the BC policy's TCP translation.

A BC-initialised route to the cube tasks (issue 19, reported apart from RL from scratch): the base policy (by
default the task's shipped base, ``policies.rl_config.PRETRAINED_BASES``) acts on every env observation, and the agent's
action, scaled by ``residual_scale``, is added to the base's (dx, dy, dz); the base's yaw and gripper commands
pass through. The agent sees the goal env's observation with the base action appended, so a zero residual is
the BC policy itself and SAC+HER only has to learn where it fails. Goals and rewards are the wrapped
``policies.object_goal_env.ObjectGoalEnv``'s, less ``residual_penalty`` times the squared residual (a reward
for staying at the base wherever success does not need a correction; with the sparse reward flat almost
everywhere the early critic's action gradient is noise). ``start_at_base`` makes the untrained SAC actor's
deterministic action exactly zero, so RL starts from the BC policy itself and the step-0 evaluation is BC's own;
``actor_burn_in`` lets the critic learn alone first. ``policies.residual_sac.ResidualSAC`` (``RLConfig.base_policy``,
``armstack train rl --base-policy``) does both and keeps the actor near a zero residual; plain SAC with these two
helpers lost BC's success within 2,000 actor updates. What each variant achieves is measured by ``bench/rl_tasks.py``
(``residual_*`` groups; docs/measured_defaults.md "Residual RL on the BC policy").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from policies.errors import TrainConfigError
from policies.object_goal_env import ObjectGoalEnv, make_object_goal_env
from sim.errors import InvalidActionError

BASE_ACTION_DIM = 5  # the env's action: dx, dy, dz, dyaw, gripper


class ResidualGoalEnv(gym.Wrapper[dict[str, Any], np.ndarray, dict[str, Any], np.ndarray]):
    """``ObjectGoalEnv`` (full action) driven by ``base_policy`` plus the agent's scaled (dx, dy, dz) residual.

    ================ ============== ==================================================================
    observation key  space          meaning
    ================ ============== ==================================================================
    observation      Box(m + 5)     the goal env's observation, then the base policy's 5-d action
    achieved_goal    Box(3)         as the goal env's
    desired_goal     Box(3)         as the goal env's
    ================ ============== ==================================================================

    Action: Box(3) in [-1, 1], the residual on the base's dx, dy, dz (times ``residual_scale``; the sum is
    clipped to the env's [-1, 1]; a scale of 1 lets the agent cancel any base translation, e.g. stop a push).
    Reward: the goal env's minus ``residual_penalty`` x the squared residual's sum (``info["residual_sq"]``).
    """

    def __init__(self, env: ObjectGoalEnv, base_policy: Any, residual_scale: float = 1.0,
                 residual_penalty: float = 0.1) -> None:
        if env.action_mode != "full":
            raise TrainConfigError(f"a residual env wraps a goal env in action_mode 'full', got {env.action_mode!r}")
        if not 0.0 < residual_scale <= 2.0:
            raise TrainConfigError(f"residual_scale must be in (0, 2], got {residual_scale!r}")
        if not 0.0 <= residual_penalty <= 1.0:
            raise TrainConfigError(f"residual_penalty must be in [0, 1], got {residual_penalty!r}")
        super().__init__(env)
        self.goal_env, self.base_policy, self.residual_scale = env, base_policy, float(residual_scale)
        self.residual_penalty = float(residual_penalty)
        self.max_steps = env.max_steps
        goal_space: Any = env.observation_space
        width = int(goal_space["observation"].shape[0]) + BASE_ACTION_DIM
        self.observation_space = spaces.Dict({
            "observation": spaces.Box(-np.inf, np.inf, (width,), np.float32),
            "achieved_goal": goal_space["achieved_goal"],
            "desired_goal": goal_space["desired_goal"],
        })
        self.action_space = spaces.Box(-1.0, 1.0, (3,), np.float32)
        self._base = np.zeros(BASE_ACTION_DIM, np.float32)

    def _with_base(self, goal_obs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        self._base = np.asarray(self.base_policy.act(self.goal_env.env_observation), np.float32).reshape(-1)
        return {**goal_obs, "observation": np.concatenate((goal_obs["observation"], self._base))}

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        goal_obs, info = self.env.reset(seed=seed, options=options)
        self.base_policy.reset()
        return self._with_base(goal_obs), info

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        residual = np.asarray(action, np.float32)
        if residual.shape != (3,):
            raise InvalidActionError(f"residual action must have shape (3,), got shape {np.shape(action)}")
        residual = np.clip(residual, -1.0, 1.0)
        full = self._base.copy()
        full[:3] = np.clip(full[:3] + self.residual_scale * residual, -1.0, 1.0)
        goal_obs, reward, terminated, truncated, info = self.env.step(full)
        info["base_action"] = self._base.copy()
        info["residual_sq"] = float(np.dot(residual, residual))
        return (self._with_base(goal_obs), float(reward) - self.residual_penalty * info["residual_sq"], terminated,
                truncated, info)

    def compute_reward(self, achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any) -> np.ndarray:
        """The goal env's reward for (batches of) goals less the penalty of the residual each info records."""
        reward = self.goal_env.compute_reward(achieved_goal, desired_goal, info)
        if isinstance(info, dict):
            return (reward - self.residual_penalty * float(info.get("residual_sq", 0.0))).astype(np.float32)
        infos = np.asarray(info, dtype=object).reshape(-1)
        squares = np.array([float(i.get("residual_sq", 0.0)) for i in infos], np.float32)
        return (reward - self.residual_penalty * squares.reshape(np.shape(reward))).astype(np.float32)


def actor_burn_in(steps: int) -> Any:
    """An SB3 callback that holds a SAC actor fixed (the critic alone learns) for the first ``steps`` env steps.

    As in residual policy learning (Silver et al., 2018): while the critic has only seen a few thousand
    transitions its action gradient is noise, and an actor that follows it leaves the base policy before there is
    anything to gain; the data meanwhile comes from the base policy plus the actor's exploration noise.
    """
    from stable_baselines3.common.callbacks import BaseCallback

    class ActorBurnIn(BaseCallback):
        def _set(self, trainable: bool) -> None:
            actor: Any = self.model.policy.actor
            for param in actor.parameters():
                param.requires_grad_(trainable)

        def _on_training_start(self) -> None:
            self._set(self.model.num_timesteps >= steps)

        def _on_step(self) -> bool:
            if self.model.num_timesteps == steps + 1:  # the gradient step after step ``steps`` is the first
                self._set(True)
            return True

    return ActorBurnIn()


def start_at_base(model: Any, log_std: float = -1.0) -> None:
    """Zero an SB3 SAC actor's mean layer, so its deterministic residual is exactly 0 (the base policy acts
    alone) until training moves it, and start its exploration at std ``exp(log_std)`` (before the tanh)."""
    import torch

    actor = model.policy.actor
    with torch.no_grad():
        actor.mu.weight.zero_()
        actor.mu.bias.zero_()
        actor.log_std.weight.zero_()
        actor.log_std.bias.fill_(log_std)


def make_residual_goal_env(env_id: str, base_policy_dir: str | Path, *, robot: str = "panda",
                           randomization: str = "default", residual_scale: float = 1.0,
                           residual_penalty: float = 0.1, observe_actions: int = 2,
                           reward_type: str = "sparse") -> ResidualGoalEnv:
    """A residual goal env on the BC checkpoint in ``base_policy_dir`` (the goal env's ``reward_type``)."""
    import policies

    goal_env = make_object_goal_env(env_id, robot=robot, randomization=randomization, action_mode="full",
                                    observe_actions=observe_actions, reward_type=reward_type)
    return ResidualGoalEnv(goal_env, policies.load(base_policy_dir, robot=robot), residual_scale=residual_scale,
                           residual_penalty=residual_penalty)
