"""One data-generation attempt: an expert episode in a randomised scene, turned into a record."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import mujoco
import numpy as np

from sim.control import ACTION_DIM
from sim.datagen.config import DatagenConfig, attempt_seed
from sim.dataset.depth import depth_image_mm
from sim.dataset.env_spec import STATE_SPEC
from sim.dataset.record import EpisodeRecord
from sim.env import TabletopEnv
from sim.experts.pick_place import GraspRecovery, PickAndPlaceMotion, PlacingRecovery

_STATE_SPEC = STATE_SPEC
_ENVS: dict[tuple[Any, ...], TabletopEnv] = {}  # one env per worker process and configuration


def env_for(config: DatagenConfig) -> TabletopEnv:
    """The (cached) environment a worker uses for ``config``."""
    import sim  # noqa: F401 - registers the ids in a fresh worker process

    scene = config.scene_config()
    key = (config.env_id, config.robot, config.obs_mode, config.active_cameras, config.image_size,
           config.randomization, scene, config.full_episodes)
    if key not in _ENVS:
        env = gym.make(config.env_id, robot=config.robot, obs_mode=config.obs_mode,
                       cameras=config.active_cameras or ("front",), image_size=config.image_size,
                       randomization=config.randomization, scene=scene,
                       terminate_on_success=not config.full_episodes)
        _ENVS[key] = env.unwrapped  # type: ignore[assignment]
    return _ENVS[key]


def state_vector(obs: dict[str, Any]) -> np.ndarray:
    """observation.state: joint positions and velocities, TCP pose, gripper opening."""
    return np.concatenate((obs["joint_pos"], obs["joint_vel"], obs["ee_pose"], obs["gripper"])).astype(np.float32)


def environment_vector(obs: dict[str, Any]) -> np.ndarray:
    """observation.environment_state: every object's pose, then the goal position."""
    return np.concatenate((obs["object_poses"].ravel(), obs["goal_pos"])).astype(np.float32)


def _fill_state(obs: dict[str, Any], state: np.ndarray, environment: np.ndarray) -> None:
    """``state_vector`` and ``environment_vector`` written into float32 rows (the same values, no temporaries)."""
    np.concatenate((obs["joint_pos"], obs["joint_vel"], obs["ee_pose"], obs["gripper"]), out=state, casting="same_kind")
    np.concatenate((obs["object_poses"].ravel(), obs["goal_pos"]), out=environment, casting="same_kind")


def goal_ids(obs: dict[str, Any]) -> np.ndarray:
    return np.array([obs["task_id"], obs["object_id"], obs["target_id"]], dtype=np.int64)


@dataclass(frozen=True)
class Attempt:
    """What an attempt produced: the record (None for a failure) and a JSON-ready summary."""

    record: EpisodeRecord | None
    summary: dict[str, Any]


def replay_open_loop(env: TabletopEnv, seed: int, actions: np.ndarray) -> bool:
    """Reset to the same initial state and apply the stored actions blindly: does the task still succeed?

    The cameras are off meanwhile: only the success flag is read, rendering never changes the physics,
    and with two 128x128 cameras under software GL the images were half the cost of an RGB attempt.
    """
    cameras, env.cameras = env.cameras, ()
    try:
        env.reset(seed=seed)
        success = False
        for action in actions:
            _, _, terminated, truncated, info = env.step(action.astype(np.float64))
            success = bool(info.get("is_success", False))
            if terminated or truncated:
                break
    finally:
        env.cameras = cameras
    return success


def run_attempt(config: DatagenConfig, attempt: int) -> Attempt:
    """Run the expert for ``attempt``; successful episodes become records, failures only summaries."""
    start = time.perf_counter()
    env = env_for(config)
    seed = attempt_seed(config.seed, attempt)
    obs, info = env.reset(seed=seed)
    expert = env.expert()
    recovery, grasp_recovery = config.recovery_for(seed), config.grasp_recovery_for(seed)
    relabelled = recovery is not None or grasp_recovery is not None
    if relabelled:
        if not isinstance(expert, PickAndPlaceMotion):
            raise TypeError(f"a recovery needs the pick-and-place expert, got {type(expert).__name__}")
        if recovery is not None:
            expert.recovery = PlacingRecovery(recovery["distance"], recovery["angle"])
        if grasp_recovery is not None:
            expert.grasp_recovery = GraspRecovery(grasp_recovery["distance"], grasp_recovery["angle"],
                                                  slide=float(config.grasp_recovery_slide))
    model, data = env.model, env.data
    cams = config.active_cameras
    # Rows are written in place into buffers sized for the longest episode (np.empty: untouched rows cost
    # no memory) and sliced at the end: per-frame lists of small arrays and the np.stack over them were
    # ~0.04 ms of a state-only frame's ~0.9. The values are the same: assigning a float64 vector into a
    # float32 row rounds as astype(np.float32) does.
    rows = env.max_steps
    obs_state = np.empty((rows, state_vector(obs).size), dtype=np.float32)
    obs_env = np.empty((rows, environment_vector(obs).size), dtype=np.float32)
    obs_goal = np.empty((rows, 3), dtype=np.int64)
    physics = np.empty((rows, mujoco.mj_stateSize(model, _STATE_SPEC)))
    actions = np.empty((rows, ACTION_DIM), dtype=np.float32)
    rewards = np.empty((rows, 1), dtype=np.float32)
    successes = np.zeros((rows, 1), dtype=bool)
    dones = np.zeros((rows, 1), dtype=bool)
    images: dict[str, list[np.ndarray]] = {c: [] for c in cams}
    depths: dict[str, list[np.ndarray]] = {c: [] for c in cams} if config.depth else {}
    noise_rng = np.random.default_rng([seed, 0xDA27]) if config.action_noise > 0 else None
    success, steps, diverged = False, 0, False
    while True:
        t = steps
        _fill_state(obs, obs_state[t], obs_env[t])
        obs_goal[t] = obs["task_id"], obs["object_id"], obs["target_id"]
        mujoco.mj_getState(model, data, physics[t], _STATE_SPEC)
        for cam in cams:
            images[cam].append(obs[f"{cam}_rgb"])
        for cam in depths:
            depths[cam].append(depth_image_mm(obs[f"{cam}_depth"]))
        action = actions[t]
        action[:] = expert.act()
        executed = action.astype(np.float64) if not relabelled else expert.executed.astype(np.float64)
        if noise_rng is not None:
            executed[:4] = np.clip(executed[:4] + noise_rng.normal(0.0, config.action_noise, 4), -1.0, 1.0)
        obs, reward, terminated, truncated, step_info = env.step(executed)
        steps += 1
        success = bool(step_info.get("is_success", False))
        done = bool(terminated or truncated)
        rewards[t, 0] = reward
        successes[t, 0] = success
        dones[t, 0] = done
        if done:
            diverged = bool(step_info.get("physics_diverged", False))
            break
    summary: dict[str, Any] = {
        "attempt": attempt, "seed": seed, "task": info["task"], "instruction": info["instruction"],
        "robot": config.robot, "success": success, "length": steps, "physics_diverged": diverged,
    }
    if recovery is not None:  # only then: a default run's episode meta is as before
        summary["place_recovery"] = {k: round(v, 5) for k, v in recovery.items()}
    if grasp_recovery is not None:
        summary["grasp_recovery"] = {k: round(v, 5) for k, v in grasp_recovery.items()}
    if not success:
        summary["seconds"] = round(time.perf_counter() - start, 4)
        return Attempt(None, summary)
    frames: dict[str, np.ndarray] = {
        "observation.state": obs_state[:steps], "observation.environment_state": obs_env[:steps],
        "observation.goal_ids": obs_goal[:steps], "env_state": physics[:steps], "action": actions[:steps],
        "next.reward": rewards[:steps], "next.success": successes[:steps], "next.done": dones[:steps]}
    # Only the sampled attempts replay (config.replays); None elsewhere and under DART noise, where the recorded
    # actions are the expert's labels, not what ran (env_state replays those episodes exactly instead).
    summary["replay_success"] = replay_open_loop(env, seed, frames["action"]) if config.replays(attempt) else None
    summary["seconds"] = round(time.perf_counter() - start, 4)
    meta = {**summary, "object": info["object"], "target": info["target"], "randomization": info["randomization"],
            "model_sha256": env.model_sha256}
    record = EpisodeRecord(attempt=attempt, task=info["instruction"], frames=frames,
                           images={c: np.stack(v) for c, v in images.items()},
                           depth={c: np.stack(v) for c, v in depths.items()}, meta=meta)
    return Attempt(record, summary)
