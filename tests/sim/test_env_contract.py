"""Every registered env passes Gymnasium's checker with both robots and every observation mode."""

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import sim

ROBOTS = ("panda", "ur5e")


@pytest.mark.parametrize("env_id", sorted(sim.ENV_IDS))
@pytest.mark.parametrize("robot", ROBOTS)
@pytest.mark.parametrize("obs_mode", ["state", "rgb", "rgbd"])
def test_check_env(env_id: str, robot: str, obs_mode: str) -> None:
    env = gym.make(env_id, robot=robot, obs_mode=obs_mode, cameras=("front", "wrist"), image_size=32,
                   max_steps=20)
    check_env(env.unwrapped, skip_render_check=True)
    env.close()


def test_render_check_and_frame() -> None:
    env = gym.make("armstack/PickPlace-v0", render_mode="rgb_array", render_size=(96, 64))
    check_env(env.unwrapped)
    env.reset(seed=3)
    frame = env.render()
    assert frame.shape == (64, 96, 3) and frame.dtype == np.uint8
    assert frame.std() > 5  # a scene, not a blank buffer
    env.close()


def test_unwrapped_exposes_model_data_substeps() -> None:
    env = gym.make("armstack/Reach-v0", control_hz=20)
    u = env.unwrapped
    assert u.n_substeps == 25 and u.model.opt.timestep == pytest.approx(0.002)
    assert u.data.qpos.shape == (u.model.nq,)
    env.close()


def test_observation_layout_and_success_flag() -> None:
    env = gym.make("armstack/Stack-v0", robot="panda")
    obs, info = env.reset(seed=5)
    assert obs["joint_pos"].shape == (7,) and obs["object_poses"].shape == (3, 7)
    assert obs["instruction"] == info["instruction"] and "cube" in obs["instruction"]
    assert info["task"] == "stack" and info["object"] != info["target"]
    _, _, _, _, step_info = env.step(np.zeros(5))
    assert step_info["is_success"] is False
    assert set(step_info["reward_terms"]) == {"reach_distance", "grasped", "place_distance", "success"}
    env.close()


def test_images_show_the_scene() -> None:
    env = gym.make("armstack/PickPlace-v0", obs_mode="rgbd", cameras=("front", "overhead", "wrist"), image_size=48)
    obs, _ = env.reset(seed=1)
    for cam in ("front", "overhead", "wrist"):
        rgb, depth = obs[f"{cam}_rgb"], obs[f"{cam}_depth"]
        assert rgb.shape == (48, 48, 3) and rgb.std() > 3
        assert depth.shape == (48, 48, 1) and np.isfinite(depth).all()
        assert 0.01 < float(np.median(depth)) < 3.0  # metres to the table
    env.close()


def test_tabletop_samples_all_tasks() -> None:
    env = gym.make("armstack/Tabletop-v0")
    tasks = {env.reset(seed=s)[1]["task"] for s in range(40)}
    assert tasks == set(sim.TASKS)
    obs, info = env.reset(seed=0, options={"task": "push"})
    assert info["task"] == "push" and obs["task_id"] == list(sim.TASKS).index("push")
    env.close()
