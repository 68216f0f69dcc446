"""Goal-conditioned views of ``armstack/Push-v0``, ``PickPlace-v0`` and ``Stack-v0`` for HER.

As gymnasium-robotics' FetchPush / FetchPickAndPlace: the goal is where the named cube must go. The desired goal
is the env's ``goal_pos`` (the pad, the bin floor, or the top of the base cube, at the cube's centre height),
the achieved goal is the cube's measured position, and ``compute_reward`` is vectorised for SB3's
``HerReplayBuffer``. Episodes never end on success (``terminate_on_success=False``; see ``policies.goal_env``).

The goal counts as reached when the cube is within the task's own tolerances of it, horizontally and vertically
(``GOAL_TOLERANCES``: the numbers the tasks' success predicates use). The env's ``info["is_success"]`` asks for
more, and evaluation reads that: the cube released (PickPlace, Stack), resting on the base that itself rests on
the table and touches it (Stack). So a cube at its desired goal, resting and released, is a success for both,
and the env's success implies the goal reward for Push and a pad PickPlace.

Dense reward (``reward_type="dense"``): the sum of the task's own ``reward_terms`` (``sim/tasks``), with the
goal-dependent terms (``push_distance`` / ``place_distance``, ``success``) recomputed from the achieved and
desired goals so that a relabelled goal gets its own reward; the goal-free terms (``reach_distance``,
``grasped``) come from the env's ``info["reward_terms"]``. The terms of the step are in
``info["goal_reward_terms"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from policies.action_modes import ENV_ACTION_NAMES
from policies.action_modes import action_mode as _action_mode
from policies.errors import TrainConfigError
from policies.goal_env import JOINT_VEL_SCALE, REWARD_TYPES
from policies.observation import TASK_FRAME_DIM, _task_frame
from sim.errors import InvalidActionError
from sim.scene import PAD_HALF
from sim.tasks import pick_place, push, stack


@dataclass(frozen=True, kw_only=True)
class ObjectGoalTask:
    """How one task becomes goal-conditioned: tolerances of 'goal reached', the dense goal term, the held gripper."""

    task: str
    xy_tolerance: float
    z_tolerance: float
    goal_term: str  # the task's reward_terms name of the distance to the goal
    goal_term_xy: bool  # that term measures the horizontal distance only (Push) or the 3-d one
    free_terms: tuple[str, ...]  # the task's reward_terms that do not depend on the goal
    default_action_mode: str
    held_gripper: float  # the gripper command when the agent does not command it (-1 open, +1 closed)


OBJECT_GOAL_TASKS: dict[str, ObjectGoalTask] = {
    # Closed fingers push, as sim/experts/push.py does.
    "armstack/Push-v0": ObjectGoalTask(task="push", xy_tolerance=push.SUCCESS_DISTANCE,
                                       z_tolerance=push.RESTING_TOLERANCE, goal_term="push_distance",
                                       goal_term_xy=True, free_terms=("reach_distance",),
                                       default_action_mode="xyz", held_gripper=1.0),
    "armstack/PickPlace-v0": ObjectGoalTask(task="pick_place", xy_tolerance=min(pick_place.PAD_TOLERANCE, PAD_HALF),
                                            z_tolerance=0.01, goal_term="place_distance", goal_term_xy=False,
                                            free_terms=("reach_distance", "grasped"),
                                            default_action_mode="xyzg", held_gripper=-1.0),
    "armstack/Stack-v0": ObjectGoalTask(task="stack", xy_tolerance=stack.XY_TOLERANCE, z_tolerance=0.008,
                                        goal_term="place_distance", goal_term_xy=False,
                                        free_terms=("reach_distance", "grasped"),
                                        default_action_mode="xyzg", held_gripper=-1.0),
}


def object_goal_task(env_id: str) -> ObjectGoalTask:
    try:
        return OBJECT_GOAL_TASKS[env_id]
    except KeyError:
        raise TrainConfigError(f"no object goal env for {env_id!r}; valid envs: "
                               f"{', '.join(OBJECT_GOAL_TASKS)}") from None


def goal_reached(achieved_goal: np.ndarray, desired_goal: np.ndarray, spec: ObjectGoalTask) -> np.ndarray:
    """Whether each achieved goal lies within the task's horizontal and vertical tolerances of its desired goal."""
    diff = np.asarray(achieved_goal, np.float64) - np.asarray(desired_goal, np.float64)
    xy = np.sqrt(diff[..., 0] ** 2 + diff[..., 1] ** 2)
    return (xy < spec.xy_tolerance) & (np.abs(diff[..., 2]) < spec.z_tolerance)


def goal_terms(achieved_goal: np.ndarray, desired_goal: np.ndarray, spec: ObjectGoalTask) -> dict[str, np.ndarray]:
    """The goal-dependent reward terms, named as the task names them (vectorised over rows)."""
    diff = np.asarray(achieved_goal, np.float64) - np.asarray(desired_goal, np.float64)
    parts = diff[..., :2] if spec.goal_term_xy else diff
    return {spec.goal_term: -np.linalg.norm(parts, axis=-1),
            "success": goal_reached(achieved_goal, desired_goal, spec).astype(np.float64)}


def _free_terms(info: Any, spec: ObjectGoalTask, n: int | None) -> dict[str, np.ndarray]:
    """The goal-free reward terms from one info dict, or from a sequence/array of them (HER's batches)."""
    if isinstance(info, dict):
        terms = info.get("reward_terms") or {}
        return {k: np.float64(terms.get(k, 0.0)) for k in spec.free_terms}  # type: ignore[misc]
    infos: Sequence[Any] = list(np.asarray(info, dtype=object).reshape(-1)) if info is not None else []
    if n is not None and len(infos) != n:
        raise TrainConfigError(f"dense compute_reward needs one info per goal: {len(infos)} infos, {n} goals")
    return {k: np.array([float((i.get("reward_terms") or {}).get(k, 0.0)) for i in infos]) for k in spec.free_terms}


def object_goal_reward(achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any, spec: ObjectGoalTask,
                       reward_type: str) -> np.ndarray:
    """Sparse: 0 when the goal is reached, -1 otherwise; dense: the sum of the task's reward terms (module doc)."""
    terms = goal_terms(achieved_goal, desired_goal, spec)
    if reward_type == "sparse":
        return (terms["success"] - 1.0).astype(np.float32)
    batch = np.asarray(achieved_goal).ndim > 1
    free = _free_terms(info, spec, np.asarray(achieved_goal).shape[0] if batch else None)
    return (sum(free.values()) + terms[spec.goal_term] + terms["success"]).astype(np.float32)


def object_goal_observation(env_obs: dict[str, Any], previous: np.ndarray | None, past_actions: np.ndarray,
                            control_hz: float | np.floating[Any], goal_frame: bool = False
                            ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The goal-env observation of one env observation (``ObjectGoalEnv``'s table), and the cube and TCP positions
    to pass as ``previous`` next step (velocities are their differences; zero when ``previous`` is None). Built
    from the env observation and the agent's own past actions only: the env, an exported policy and the arm share
    it. ``goal_frame``: the TCP quaternion and the goal-frame features (``refresh_goal_frame``) follow."""
    obj = int(env_obs["object_id"])
    pose = np.asarray(env_obs["object_poses"][obj], np.float32)
    cube, tcp = pose[:3], np.asarray(env_obs["ee_pose"][:3], np.float32)
    now = np.concatenate((cube, tcp))
    vel = np.zeros(6, np.float32) if previous is None else (now - previous) * np.float32(control_hz)
    observation = np.concatenate((
        tcp, np.asarray(env_obs["gripper"], np.float32), cube, cube - tcp, pose[3:7], vel,
        np.asarray(env_obs["joint_pos"], np.float32),
        np.asarray(env_obs["joint_vel"], np.float32) * np.float32(JOINT_VEL_SCALE),
        np.asarray(past_actions, np.float32)))
    desired = np.asarray(env_obs["goal_pos"], np.float32).copy()
    if goal_frame:
        tail = np.concatenate((np.asarray(env_obs["ee_pose"][3:7], np.float32), np.zeros(TASK_FRAME_DIM, np.float32)))
        observation = refresh_goal_frame(np.concatenate((observation, tail))[None], desired[None])[0]
    return {"observation": observation, "achieved_goal": cube.copy(), "desired_goal": desired}, now


GOAL_FRAME_DIM = 4 + TASK_FRAME_DIM  # the TCP quaternion, then the task frame of the cube and the goal


def refresh_goal_frame(observation: np.ndarray, desired_goal: np.ndarray) -> np.ndarray:
    """(B, n) goal-env observations ending in a goal frame, with that frame computed for ``desired_goal`` (B, 3).

    The frame is ``policies.observation``'s task frame, the features the BC policies see: the TCP along and
    across the line from the cube to the goal, its height above the cube, the cube-to-goal distance, the tool's
    yaw against that line and against the cube. It depends on the goal, so a relabelled goal (HER) needs its own:
    ``GoalFrameHerReplayBuffer`` calls this on every sampled batch before normalising, and the env builds its
    observation with it too, so a stored row refreshed with its own goal is bit for bit what the env gave.
    """
    obs = np.array(observation, np.float32, copy=True)
    goal = np.asarray(desired_goal, np.float64)
    if obs.ndim != 2 or goal.shape != (obs.shape[0], 3) or obs.shape[1] < 20 + GOAL_FRAME_DIM:
        raise TrainConfigError(f"a goal frame needs (B, n >= {20 + GOAL_FRAME_DIM}) observations and (B, 3) goals, "
                               f"got {obs.shape} and {goal.shape}")
    raw = obs.astype(np.float64)
    tcp_quat = raw[:, -GOAL_FRAME_DIM:-TASK_FRAME_DIM]
    obs[:, -TASK_FRAME_DIM:] = _task_frame(raw[:, 0:3], tcp_quat, raw[:, 4:7], raw[:, 10:14], goal)
    return obs


class ObjectGoalEnv(gym.Wrapper[dict[str, Any], np.ndarray, dict[str, Any], np.ndarray],
                    gym.utils.RecordConstructorArgs):
    """Push, PickPlace or Stack as a goal-conditioned env (HER-ready), sparse or dense reward.

    ================ ================ ===================================================================
    observation key  space            meaning
    ================ ================ ===================================================================
    observation      Box(20+2n+ka)    TCP position (3), finger opening (1), cube position (3), cube minus
                                      TCP (3), cube quaternion wxyz (4), cube velocity (3, m/s, from the
                                      last two observations), TCP velocity (3, m/s, likewise), joint
                                      positions (n), 0.2 x joint velocities (n), the k previous agent
                                      actions of size a, most recent first; with ``goal_frame`` then
                                      the TCP quaternion wxyz (4) and the task frame of the cube and the
                                      desired goal (8, ``refresh_goal_frame``): Box(32+2n+ka)
    achieved_goal    Box(3)           the named cube's measured position (m)
    desired_goal     Box(3)           the env's goal_pos: where the cube's centre must go (m)
    ================ ================ ===================================================================

    Action: ``xyz`` Box(3) (dx, dy, dz; yaw rate 0, gripper held: closed for Push, as its expert pushes,
    open otherwise), ``xyzg`` Box(4) (dx, dy, dz, gripper; yaw rate 0) or ``full``, the env's Box(5).
    The other cubes are not observed: Push samples goals whose path keeps clear of them.
    """

    def __init__(self, env: gym.Env[dict[str, Any], np.ndarray], env_id: str, reward_type: str = "sparse",
                 action_mode: str | None = None, observe_actions: int = 2, goal_frame: bool = False) -> None:
        spec = object_goal_task(env_id)
        if reward_type not in REWARD_TYPES:
            raise TrainConfigError(f"unknown reward_type {reward_type!r}; valid options: {', '.join(REWARD_TYPES)}")
        mode = spec.default_action_mode if action_mode is None else action_mode
        dims = list(_action_mode(mode).dims)
        if not isinstance(observe_actions, int) or isinstance(observe_actions, bool) or observe_actions < 0:
            raise TrainConfigError(f"observe_actions must be a whole number of past actions >= 0, "
                                   f"got {observe_actions!r}")
        if not isinstance(goal_frame, bool):
            raise TrainConfigError(f"goal_frame must be true or false, got {goal_frame!r}")
        gym.utils.RecordConstructorArgs.__init__(self, env_id=env_id, reward_type=reward_type, action_mode=mode,
                                                 observe_actions=observe_actions, goal_frame=goal_frame)
        gym.Wrapper.__init__(self, env)
        base: Any = env.unwrapped
        if getattr(base, "task_name", None) != spec.task:
            raise TrainConfigError(f"{env_id}'s goal env wraps the {spec.task} task, got task "
                                   f"{getattr(base, 'task_name', None)!r}")
        self.env_id, self.spec_task, self.reward_type, self.action_mode = env_id, spec, reward_type, mode
        self.action_dims = dims
        self.observe_actions, self.goal_frame = observe_actions, goal_frame
        self.max_steps = int(base.max_steps)
        self._hz = np.float32(base.control_hz)
        self._past = np.zeros(observe_actions * len(self.action_dims), np.float32)
        self._action = np.array([0.0, 0.0, 0.0, 0.0, spec.held_gripper], np.float32)
        self._prev: np.ndarray | None = None  # cube and TCP positions at the last observation
        self.env_observation: dict[str, Any] = {}  # the last env observation (a base policy acts on it)
        n_arm = int(base.observation_space["joint_pos"].shape[0])
        n_obs = 20 + 2 * n_arm + len(self._past) + (GOAL_FRAME_DIM if goal_frame else 0)
        inf = np.inf
        self.observation_space = spaces.Dict({
            "observation": spaces.Box(-inf, inf, (n_obs,), np.float32),
            "achieved_goal": spaces.Box(-inf, inf, (3,), np.float32),
            "desired_goal": spaces.Box(-inf, inf, (3,), np.float32),
        })
        self.action_space = spaces.Box(-1.0, 1.0, (len(self.action_dims),), np.float32)

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        obs, info = self.env.reset(seed=seed, options=options)
        self._past.fill(0.0)
        self._prev = None
        return self._goal_observation(obs), info

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        agent = np.asarray(action, np.float32)
        if agent.shape != (len(self.action_dims),):
            raise InvalidActionError(f"action must have shape ({len(self.action_dims)},) in action_mode "
                                     f"{self.action_mode!r}, got shape {np.shape(action)}")
        agent = np.clip(agent, -1.0, 1.0)  # NaN passes: the env refuses it
        if self.observe_actions:
            n = len(agent)
            self._past[n:] = self._past[:-n].copy()
            self._past[:n] = agent
        self._action[self.action_dims] = agent
        obs, _, terminated, truncated, info = self.env.step(self._action.copy())
        goal_obs = self._goal_observation(obs)
        reward = float(object_goal_reward(goal_obs["achieved_goal"], goal_obs["desired_goal"], info,
                                          self.spec_task, self.reward_type))
        terms = _free_terms(info, self.spec_task, None)
        terms.update(goal_terms(goal_obs["achieved_goal"], goal_obs["desired_goal"], self.spec_task))
        info["goal_reward_terms"] = {k: float(v) for k, v in terms.items()}
        return goal_obs, reward, terminated, truncated, info

    def _goal_observation(self, env_obs: dict[str, Any]) -> dict[str, np.ndarray]:
        self.env_observation = env_obs
        goal_obs, self._prev = object_goal_observation(env_obs, self._prev, self._past, self._hz, self.goal_frame)
        return goal_obs

    def compute_reward(self, achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any) -> np.ndarray:
        """The reward for (batches of) goals, as HER relabelling needs (dense reads the goal-free terms in info)."""
        return object_goal_reward(achieved_goal, desired_goal, info, self.spec_task, self.reward_type)


def make_object_goal_env(env_id: str, *, robot: str = "panda", randomization: str = "default",
                         reward_type: str = "sparse", action_mode: str | None = None, observe_actions: int = 2,
                         max_steps: int | None = None, physics_sleep: bool = False,
                         goal_frame: bool = False) -> ObjectGoalEnv:
    """A fresh goal-conditioned Push, PickPlace or Stack env; the episode runs to ``max_steps`` (the task's own).

    ``physics_sleep`` must stay off (it is in the signature to match ``policies.goal_env.make_goal_env``).
    """
    object_goal_task(env_id)  # an unknown id fails before the env is built
    if physics_sleep:
        raise TrainConfigError(f"physics_sleep is for Reach only: {env_id}'s cubes must move when the arm touches "
                               "them (the scripted Push expert lost 2 of 8 episodes with it)")
    import sim  # noqa: F401 - registers the armstack ids

    env = gym.make(env_id, robot=robot, randomization=randomization, max_steps=max_steps,
                   terminate_on_success=False, disable_env_checker=True, scene={"physics_sleep": physics_sleep})
    return ObjectGoalEnv(env, env_id, reward_type=reward_type, action_mode=action_mode,
                         observe_actions=observe_actions, goal_frame=goal_frame)


__all__ = [
    "ENV_ACTION_NAMES",
    "GOAL_FRAME_DIM",
    "OBJECT_GOAL_TASKS",
    "ObjectGoalEnv",
    "ObjectGoalTask",
    "goal_reached",
    "goal_terms",
    "make_object_goal_env",
    "object_goal_observation",
    "object_goal_reward",
    "object_goal_task",
    "refresh_goal_frame",
]
