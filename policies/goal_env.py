"""Goal-conditioned view of ``armstack/Reach-v0`` for hindsight experience replay (HER).

Stable-Baselines3's ``HerReplayBuffer`` needs a Dict observation with ``observation``, ``achieved_goal`` and
``desired_goal`` and a vectorised ``compute_reward(achieved_goal, desired_goal, info)``, as in
gymnasium-robotics' Fetch tasks. The action contract is the env's own: Box(5) in [-1, 1].

The episode never ends on success (``terminate_on_success=False``): HER relabels goals, and a transition that
ended the episode because the *original* goal was reached would stay terminal under a relabelled goal.
Episodes are fixed-horizon and end by truncation only, like FetchReach.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from policies.errors import TrainConfigError

GOAL_ENV_IDS = ("armstack/Reach-v0",)
REWARD_TYPES = ("sparse", "dense")
# The env's own success radius for Reach (sim/tasks/reach.py): the sparse reward agrees with info["is_success"].
SUCCESS_DISTANCE = 0.03
# Joint velocities (rad/s) reach a few units; scale them to about the range of positions (m, rad).
JOINT_VEL_SCALE = 0.2


def goal_observation(env_obs: dict[str, Any]) -> dict[str, np.ndarray]:
    """The goal-env observation built from an env observation (single, or batched along a leading axis).

    ``observation``: TCP position, arm joint positions, scaled arm joint velocities; ``achieved_goal``: the
    TCP position; ``desired_goal``: the marker position. Everything comes from the env's observation, so the
    same function serves training, an exported policy and the real arm.
    """
    ee = np.asarray(env_obs["ee_pose"], dtype=np.float32)
    tcp = ee[..., :3]
    joint_pos = np.asarray(env_obs["joint_pos"], dtype=np.float32)
    joint_vel = np.asarray(env_obs["joint_vel"], dtype=np.float32) * np.float32(JOINT_VEL_SCALE)
    goal = np.asarray(env_obs["goal_pos"], dtype=np.float32)
    return {
        "observation": np.concatenate([tcp, joint_pos, joint_vel], axis=-1),
        "achieved_goal": tcp.copy(),
        "desired_goal": goal.copy(),
    }


def goal_reward(achieved_goal: np.ndarray, desired_goal: np.ndarray, reward_type: str) -> np.ndarray:
    """Sparse: 0 within the success radius, -1 outside; dense: minus the distance (m). Vectorised over rows."""
    dist = np.linalg.norm(np.asarray(achieved_goal) - np.asarray(desired_goal), axis=-1)
    if reward_type == "sparse":
        return -(dist >= SUCCESS_DISTANCE).astype(np.float32)
    return -dist.astype(np.float32)


class ReachGoalEnv(gym.Wrapper[dict[str, Any], np.ndarray, dict[str, Any], np.ndarray],
                   gym.utils.RecordConstructorArgs):
    """``armstack/Reach-v0`` as a goal-conditioned env (HER-ready) with a sparse or dense reward.

    ================ ============ =====================================================
    observation key  space        meaning
    ================ ============ =====================================================
    observation      Box(3+2n)    TCP position, joint positions, 0.2 x joint velocities
    achieved_goal    Box(3)       TCP position (m)
    desired_goal     Box(3)       marker position (m)
    ================ ============ =====================================================

    Action: the env's Box(5) (dx, dy, dz, dyaw, gripper), unchanged.
    """

    def __init__(self, env: gym.Env[dict[str, Any], np.ndarray], reward_type: str = "sparse") -> None:
        if reward_type not in REWARD_TYPES:
            raise TrainConfigError(f"unknown reward_type {reward_type!r}; valid options: {', '.join(REWARD_TYPES)}")
        gym.utils.RecordConstructorArgs.__init__(self, reward_type=reward_type)  # lets gym re-create it from its spec
        gym.Wrapper.__init__(self, env)
        base: Any = env.unwrapped
        if getattr(base, "task_name", None) != "reach":
            raise TrainConfigError(f"ReachGoalEnv wraps the reach task, got task {getattr(base, 'task_name', None)!r}; "
                                   f"valid envs: {', '.join(GOAL_ENV_IDS)}")
        self.reward_type = reward_type
        n_arm = int(base.observation_space["joint_pos"].shape[0])
        inf = np.inf
        self.observation_space = spaces.Dict({
            "observation": spaces.Box(-inf, inf, (3 + 2 * n_arm,), np.float32),
            "achieved_goal": spaces.Box(-inf, inf, (3,), np.float32),
            "desired_goal": spaces.Box(-inf, inf, (3,), np.float32),
        })

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        obs, info = self.env.reset(seed=seed, options=options)
        return goal_observation(obs), info

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        obs, _, terminated, truncated, info = self.env.step(action)
        goal_obs = goal_observation(obs)
        reward = float(goal_reward(goal_obs["achieved_goal"], goal_obs["desired_goal"], self.reward_type))
        return goal_obs, reward, terminated, truncated, info

    def compute_reward(self, achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any) -> np.ndarray:
        """The reward for (batches of) goals, as HER relabelling needs; ``info`` is unused."""
        del info
        return goal_reward(achieved_goal, desired_goal, self.reward_type)


def make_goal_env(env_id: str = "armstack/Reach-v0", *, robot: str = "panda", randomization: str = "default",
                  reward_type: str = "sparse", max_steps: int | None = None) -> ReachGoalEnv:
    """A fresh goal-conditioned env; the episode runs to ``max_steps`` (the task's own by default)."""
    if env_id not in GOAL_ENV_IDS:
        raise TrainConfigError(f"no goal-conditioned version of {env_id!r}; valid envs: {', '.join(GOAL_ENV_IDS)}")
    import sim  # noqa: F401 - registers the armstack ids

    env = gym.make(env_id, robot=robot, randomization=randomization, max_steps=max_steps,
                   terminate_on_success=False, disable_env_checker=True)
    return ReachGoalEnv(env, reward_type=reward_type)
