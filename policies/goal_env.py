"""Goal-conditioned view of ``armstack/Reach-v0`` for hindsight experience replay (HER).

Stable-Baselines3's ``HerReplayBuffer`` needs a Dict observation with ``observation``, ``achieved_goal`` and
``desired_goal`` and a vectorised ``compute_reward(achieved_goal, desired_goal, info)``, as in
gymnasium-robotics' Fetch tasks.

The episode never ends on success (``terminate_on_success=False``): HER relabels goals, and a transition that
ended the episode because the *original* goal was reached would stay terminal under a relabelled goal.
Episodes are fixed-horizon and end by truncation only, like FetchReach.

The agent's action is the TCP translation (dx, dy, dz) by default (``action_mode="xyz"``), as FetchReach's is;
the env's yaw and gripper commands are held at what the Reach expert sends (``FIXED_ACTION``). Reach's success
ignores both, yet SAC's entropy bonus keeps them busy: a full-action policy's yaw target wandered by 2-3 rad and
left the wrist at its joint limit in most held-out episodes, a state the IK then works against and the policy
must learn to ignore. ``action_mode="full"`` exposes the env's Box(5) unchanged. The policy also sees its own
previous action(s) (``observe_actions``), the command that a randomised action latency still has in flight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from policies.action_modes import ENV_ACTION_NAMES, action_mode
from policies.errors import TrainConfigError
from sim.errors import InvalidActionError

if TYPE_CHECKING:
    from policies.object_goal_env import ObjectGoalEnv

GOAL_ENV_IDS = ("armstack/Reach-v0",)
REWARD_TYPES = ("sparse", "dense")
# The env action parts an action mode leaves to the env (policies.action_modes) are held: no yaw rate,
# gripper open (as sim/tasks/reach.py's expert).
FIXED_ACTION = {"dyaw": 0.0, "gripper": -1.0}
# The env's own success radius for Reach (sim/tasks/reach.py): the sparse reward agrees with info["is_success"]
# exactly without observation noise; with it (1 mm std under 'default') achieved_goal is the *measured* TCP, as it
# must be for a policy input and for HER's relabelled goals, so the two differ on a few boundary steps (9 of 12,000
# expert steps).
SUCCESS_DISTANCE = 0.03
# Joint velocities (rad/s) reach a few units; scale them to about the range of positions (m, rad).
JOINT_VEL_SCALE = 0.2
_JOINT_VEL_SCALE_F32 = np.float32(JOINT_VEL_SCALE)


def agent_action_dims(mode: str) -> list[int]:
    """Indices of the env action the agent commands in action mode ``mode`` (the others come from FIXED_ACTION)."""
    return list(action_mode(mode).dims)


def env_action(agent_action: np.ndarray, dims: list[int]) -> np.ndarray:
    """The env's 5-d action from an agent action over ``dims`` (single or batched along a leading axis)."""
    agent_action = np.asarray(agent_action, dtype=np.float32)
    if len(dims) == len(ENV_ACTION_NAMES):
        return agent_action
    out = np.empty((*agent_action.shape[:-1], len(ENV_ACTION_NAMES)), dtype=np.float32)
    for i, name in enumerate(ENV_ACTION_NAMES):
        if name in FIXED_ACTION:
            out[..., i] = FIXED_ACTION[name]
    out[..., dims] = agent_action
    return out


def goal_observation(env_obs: dict[str, Any], past_actions: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The goal-env observation built from an env observation (single, or batched along a leading axis).

    ``observation``: TCP position, arm joint positions, scaled arm joint velocities and, when given, the agent's
    previous actions (most recent first, flattened); ``achieved_goal``: the TCP position; ``desired_goal``: the
    marker position. Everything comes from the env's observation and the policy's own output, so the same
    function serves training, an exported policy and the real arm.
    """
    ee = np.asarray(env_obs["ee_pose"], dtype=np.float32)
    tcp = ee[..., :3]
    joint_pos = np.asarray(env_obs["joint_pos"], dtype=np.float32)
    joint_vel = np.asarray(env_obs["joint_vel"], dtype=np.float32) * np.float32(JOINT_VEL_SCALE)
    goal = np.asarray(env_obs["goal_pos"], dtype=np.float32)
    parts = [tcp, joint_pos, joint_vel]
    if past_actions is not None:
        past = np.asarray(past_actions, dtype=np.float32)
        parts.append(np.broadcast_to(past, (*tcp.shape[:-1], past.shape[-1])))
    return {
        "observation": np.concatenate(parts, axis=-1),
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
    observation      Box(3+2n+ka) TCP position, joint positions, 0.2 x joint velocities, the k previous
                                  actions of size a, most recent first (k = ``observe_actions``)
    achieved_goal    Box(3)       TCP position (m)
    desired_goal     Box(3)       marker position (m)
    ================ ============ =====================================================

    Action: Box(3) (dx, dy, dz) in [-1, 1] with ``action_mode="xyz"`` (yaw rate 0 and gripper open are sent
    for the rest), Box(4) with the gripper as well (``xyzg``), or the env's Box(5) (dx, dy, dz, dyaw, gripper)
    unchanged with ``action_mode="full"`` (``policies.action_modes``).

    ``observe_actions``: Reach randomises an action latency of 0 or 1 control step ('default'; up to 2 in
    'strong'), so a command still in flight moves the arm after the policy has looked. Without the commands it
    sent, the state the policy sees is not Markov, and a policy that commands full steps overshoots and
    oscillates around the marker in the delayed episodes (a limit cycle some 4 cm wide): after 10k
    steps most failed held-out episodes had reached the marker and were such delayed episodes. One past action
    still left most failures in that cycle (the policy cannot tell a delayed episode, or a stiffer arm, from
    one command); the default here is two, as ``policies.rl_config.RLConfig.observe_actions``'s (keep them
    equal: an env made with the defaults must fit a model trained with them).
    """

    def __init__(self, env: gym.Env[dict[str, Any], np.ndarray], reward_type: str = "sparse",
                 action_mode: str = "xyz", observe_actions: int = 2) -> None:
        if reward_type not in REWARD_TYPES:
            raise TrainConfigError(f"unknown reward_type {reward_type!r}; valid options: {', '.join(REWARD_TYPES)}")
        dims = agent_action_dims(action_mode)
        if not isinstance(observe_actions, int) or isinstance(observe_actions, bool) or observe_actions < 0:
            raise TrainConfigError(f"observe_actions must be a whole number of past actions >= 0, "
                                   f"got {observe_actions!r}")
        # lets gym re-create it from its spec
        gym.utils.RecordConstructorArgs.__init__(self, reward_type=reward_type, action_mode=action_mode,
                                                 observe_actions=observe_actions)
        gym.Wrapper.__init__(self, env)
        base: Any = env.unwrapped
        if getattr(base, "task_name", None) != "reach":
            raise TrainConfigError(f"ReachGoalEnv wraps the reach task, got task {getattr(base, 'task_name', None)!r}; "
                                   f"valid envs: {', '.join(GOAL_ENV_IDS)}")
        self.reward_type, self.action_mode, self.action_dims = reward_type, action_mode, dims
        self.observe_actions = observe_actions
        self._past = np.zeros(observe_actions * len(dims), np.float32)  # most recent first
        n_arm = int(base.observation_space["joint_pos"].shape[0])
        inf = np.inf
        n_obs = 3 + 2 * n_arm + observe_actions * len(dims)
        self.observation_space = spaces.Dict({
            "observation": spaces.Box(-inf, inf, (n_obs,), np.float32),
            "achieved_goal": spaces.Box(-inf, inf, (3,), np.float32),
            "desired_goal": spaces.Box(-inf, inf, (3,), np.float32),
        })
        self.action_space = spaces.Box(-1.0, 1.0, (len(dims),), np.float32)
        self._vel = slice(3 + n_arm, 3 + 2 * n_arm)  # the joint velocities in ``observation``
        # The env action with its held parts in place; the agent's values go to ``dims``.
        self._template = [FIXED_ACTION.get(name, 0.0) for name in ENV_ACTION_NAMES]
        self._env_step = _step_below_order_checks(env)

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        obs, info = self.env.reset(seed=seed, options=options)
        self._past.fill(0.0)
        return self._goal_observation(obs), info

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        # Every training step runs this beside a physics step that costs a few times more: the few values
        # go through Python floats, which numpy's small-array calls cost several times more than.
        # ``env_action(np.clip(action as float32, -1, 1))``, ``goal_observation`` and ``goal_reward`` give
        # the same values to the bit (tests/policies/test_rl.py checks it along rollouts).
        values = np.asarray(action, np.float32).tolist()  # float32 first: what the env acts on
        if not isinstance(values, list) or len(values) != len(self.action_dims):
            raise InvalidActionError(f"action must have shape ({len(self.action_dims)},) in action_mode "
                                     f"{self.action_mode!r}, got shape {np.shape(action)}")
        values = [-1.0 if v < -1.0 else 1.0 if v > 1.0 else v for v in values]  # NaN passes: the env refuses it
        if self.observe_actions:
            past, n = self._past, len(values)
            past[n:] = past[:-n]  # overlapping copy: numpy buffers it
            past[:n] = values
        full = self._template.copy()
        for dim, value in zip(self.action_dims, values, strict=True):
            full[dim] = value
        obs, _, terminated, truncated, info = self._env_step(np.array(full))
        goal_obs = self._goal_observation(obs)
        diff = goal_obs["achieved_goal"] - goal_obs["desired_goal"]
        dist = np.sqrt(np.add.reduce(diff * diff))  # np.linalg.norm's own float32 operations, without its checks
        # In float32 as goal_reward (the 3 cm bound too); -0.0 inside, as -(False).astype(float32) is.
        reward = -float(dist >= SUCCESS_DISTANCE) if self.reward_type == "sparse" else -float(dist)
        return goal_obs, reward, terminated, truncated, info

    def _goal_observation(self, env_obs: dict[str, Any]) -> dict[str, np.ndarray]:
        """``goal_observation(env_obs, past actions)`` for one env, in two numpy calls instead of a dozen."""
        ee = env_obs["ee_pose"]
        # float64 parts cast to float32 by the one concatenate: the casts goal_observation makes part by part.
        observation = np.concatenate((ee[:3], env_obs["joint_pos"], env_obs["joint_vel"], self._past),
                                     dtype=np.float32)
        observation[self._vel] *= _JOINT_VEL_SCALE_F32
        return {"observation": observation, "achieved_goal": observation[:3].copy(),
                "desired_goal": np.asarray(env_obs["goal_pos"], np.float32).copy()}

    def compute_reward(self, achieved_goal: np.ndarray, desired_goal: np.ndarray, info: Any) -> np.ndarray:
        """The reward for (batches of) goals, as HER relabelling needs; ``info`` is unused."""
        del info
        return goal_reward(achieved_goal, desired_goal, self.reward_type)


def _step_below_order_checks(env: gym.Env[Any, Any]) -> Any:
    """``env.step``, or the step of the env under its ``OrderEnforcing`` layers: armstack envs refuse a step
    before reset themselves (``ResetNeeded``), and the wrapper's check costs a call per step."""
    while isinstance(env, gym.wrappers.OrderEnforcing):
        env = env.env
    return env.step


def make_goal_env(env_id: str = "armstack/Reach-v0", *, robot: str = "panda", randomization: str = "default",
                  reward_type: str = "sparse", action_mode: str | None = None, observe_actions: int = 2,
                  max_steps: int | None = None, physics_sleep: bool = False,
                  goal_frame: bool = False) -> ReachGoalEnv | ObjectGoalEnv:
    """A fresh goal-conditioned env for ``env_id``; the episode runs to ``max_steps`` (the task's own by default).

    Reach: ``ReachGoalEnv`` (the TCP is the achieved goal); Push, PickPlace, Stack:
    ``policies.object_goal_env.ObjectGoalEnv`` (the named cube is). ``action_mode=None`` is the env's own
    default: ``xyz`` for Reach and Push, ``xyzg`` (gripper as a 4th dim) for PickPlace and Stack.
    ``physics_sleep``: MuJoCo island sleeping (``SceneConfig.physics_sleep``): the cubes Reach never needs to
    touch rest unsimulated until the arm wakes them. ``goal_frame``: the cube envs' task-frame features
    (``ObjectGoalEnv``); Reach has none.
    """
    from policies.object_goal_env import OBJECT_GOAL_TASKS, make_object_goal_env

    if env_id in OBJECT_GOAL_TASKS:
        return make_object_goal_env(env_id, robot=robot, randomization=randomization, reward_type=reward_type,
                                    action_mode=action_mode, observe_actions=observe_actions, max_steps=max_steps,
                                    physics_sleep=physics_sleep, goal_frame=goal_frame)
    if env_id not in GOAL_ENV_IDS:
        raise TrainConfigError(f"no goal-conditioned version of {env_id!r}; valid envs: "
                               f"{', '.join((*GOAL_ENV_IDS, *OBJECT_GOAL_TASKS))}")
    if goal_frame:
        raise TrainConfigError(f"goal_frame is for the cube goal envs ({', '.join(OBJECT_GOAL_TASKS)}), not {env_id}")
    action_mode = "xyz" if action_mode is None else action_mode
    agent_action_dims(action_mode)  # a bad mode fails before the env is built
    import sim  # noqa: F401 - registers the armstack ids

    env = gym.make(env_id, robot=robot, randomization=randomization, max_steps=max_steps,
                   terminate_on_success=False, disable_env_checker=True,
                   scene={"physics_sleep": physics_sleep})
    return ReachGoalEnv(env, reward_type=reward_type, action_mode=action_mode, observe_actions=observe_actions)
