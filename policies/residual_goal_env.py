"""Residual RL on a behaviour-cloned policy: the agent adds a correction to the BC policy's TCP translation.

A BC-initialised route to the cube tasks (issue 19, reported apart from RL from scratch): the base policy (the
shipped ``policies/pretrained/panda_tabletop_bc`` by default) acts on every env observation, and the agent's
action, scaled by ``residual_scale``, is added to the base's (dx, dy, dz); the base's yaw and gripper commands
pass through. The agent sees the goal env's observation with the base action appended, so a zero residual is
the BC policy itself and SAC+HER only has to learn where it fails. Goals and rewards are the wrapped
``policies.object_goal_env.ObjectGoalEnv``'s.
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
    clipped to the env's [-1, 1]).
    """

    def __init__(self, env: ObjectGoalEnv, base_policy: Any, residual_scale: float = 0.5) -> None:
        if env.action_mode != "full":
            raise TrainConfigError(f"a residual env wraps a goal env in action_mode 'full', got {env.action_mode!r}")
        if not 0.0 < residual_scale <= 2.0:
            raise TrainConfigError(f"residual_scale must be in (0, 2], got {residual_scale!r}")
        super().__init__(env)
        self.goal_env, self.base_policy, self.residual_scale = env, base_policy, float(residual_scale)
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
        full = self._base.copy()
        full[:3] = np.clip(full[:3] + self.residual_scale * np.clip(residual, -1.0, 1.0), -1.0, 1.0)
        goal_obs, reward, terminated, truncated, info = self.env.step(full)
        info["base_action"] = self._base.copy()
        return self._with_base(goal_obs), float(reward), terminated, truncated, info

    def compute_reward(self, achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any) -> np.ndarray:
        return self.goal_env.compute_reward(achieved_goal, desired_goal, info)


def make_residual_goal_env(env_id: str, base_policy_dir: str | Path, *, robot: str = "panda",
                           randomization: str = "default", residual_scale: float = 0.5,
                           observe_actions: int = 2) -> ResidualGoalEnv:
    """A sparse-reward residual goal env on the BC checkpoint in ``base_policy_dir``."""
    import policies

    goal_env = make_object_goal_env(env_id, robot=robot, randomization=randomization, action_mode="full",
                                    observe_actions=observe_actions)
    return ResidualGoalEnv(goal_env, policies.load(base_policy_dir, robot=robot), residual_scale=residual_scale)
