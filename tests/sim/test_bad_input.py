"""Bad input gets a clear error naming the valid options."""

import gymnasium as gym
import numpy as np
import pytest

from sim import ConfigError, InvalidActionError, Randomization, SceneConfig, UnknownNameError
from sim.config_io import from_mapping, load_yaml
from sim.control import ControllerConfig
from sim.randomize import resolve_randomization


def test_unknown_robot_lists_valid() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown robot 'kuka'.*panda, ur5e"):
        gym.make("armstack/Reach-v0", robot="kuka")


def test_unknown_camera_lists_valid() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown camera 'side'.*front, overhead, wrist"):
        gym.make("armstack/Reach-v0", obs_mode="rgb", cameras=("front", "side"))


def test_unknown_task_and_obs_mode() -> None:
    from sim.env import TabletopEnv

    with pytest.raises(UnknownNameError, match=r"unknown task 'fold'.*pick_place"):
        TabletopEnv(task="fold")
    with pytest.raises(UnknownNameError, match=r"unknown obs_mode 'depth'.*rgbd"):
        TabletopEnv(obs_mode="depth")
    env = gym.make("armstack/Tabletop-v0")
    with pytest.raises(UnknownNameError, match="unknown task 'wipe'"):
        env.reset(seed=0, options={"task": "wipe"})


def test_unknown_randomization_level_and_keys() -> None:
    with pytest.raises(UnknownNameError,
                       match=r"randomization level 'wild'.*default, none, reach_home, shapes, strong"):
        resolve_randomization("wild")
    with pytest.raises(ConfigError, match=r"unknown key\(s\) 'cube_colour'.*valid keys: .*cube_half_size"):
        Randomization.from_dict({"cube_colour": 1})
    with pytest.raises(ConfigError, match="unknown key"):
        gym.make("armstack/Reach-v0", controller={"max_speed": 1.0})
    with pytest.raises(ConfigError, match="unknown key"):
        gym.make("armstack/Reach-v0", scene={"cubes": ["red"], "lamps": 2})


def test_yaml_file_with_unknown_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rand.yaml"
    path.write_text("object_mass: [0.1, 0.2]\ntable_height: 0.7\n")
    with pytest.raises(ConfigError, match="'table_height'"):
        Randomization.from_dict(load_yaml(path))
    with pytest.raises(ConfigError, match="does not exist"):
        load_yaml(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("a: [1, 2\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_yaml(tmp_path / "bad.yaml")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("object_mass", (0.3, 0.1), "inverted"),
        ("object_mass", (), r"\(low, high\) pair"),
        ("object_friction", (0.5,), r"\(low, high\) pair"),
        ("light_intensity", (float("nan"), 1.0), "finite"),
        ("cube_half_size", (0.02, 0.05), "gripper stroke"),
        ("action_latency_steps", (0, 1.5), "whole steps"),
        ("obs_noise_std", -0.1, ">= 0"),
    ],
)
def test_bad_randomization_ranges(field: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Randomization(**{field: value})  # type: ignore[arg-type]


def test_yaml_lists_become_ranges() -> None:
    cfg = from_mapping(Randomization, {"object_mass": [0.1, 0.3]})
    assert cfg.object_mass == (0.1, 0.3)


def test_bad_controller_and_scene() -> None:
    with pytest.raises(ConfigError, match="workspace is empty"):
        ControllerConfig(workspace_low=(0.5, 0, 0), workspace_high=(0.4, 1, 1))
    with pytest.raises(ConfigError, match="max_pos_step"):
        ControllerConfig(max_pos_step=0.0)
    with pytest.raises(UnknownNameError, match=r"cube colour 'pink'.*blue"):
        SceneConfig(cubes=("red", "pink"))
    with pytest.raises(ConfigError, match="distinct"):
        SceneConfig(cubes=("red", "red"))


@pytest.mark.parametrize("bad", [np.zeros(4), np.zeros(6), np.zeros((5, 1)), [0.0, 0.0, "x", 0.0, 0.0]])
def test_action_wrong_shape(bad: object) -> None:
    env = gym.make("armstack/Reach-v0")
    env.reset(seed=0)
    with pytest.raises((InvalidActionError, ValueError), match=r"action|could not convert"):
        env.step(bad)
    env.close()


def test_action_nan_rejected_and_state_untouched() -> None:
    env = gym.make("armstack/Reach-v0")
    env.reset(seed=0)
    before = env.unwrapped.data.qpos.copy()
    with pytest.raises(InvalidActionError, match="non-finite"):
        env.step(np.array([0.0, np.nan, 0.0, 0.0, 0.0]))
    np.testing.assert_array_equal(before, env.unwrapped.data.qpos)
    env.step(np.zeros(5))  # still usable
    env.close()


def test_bad_numbers() -> None:
    with pytest.raises(ConfigError, match="image_size"):
        gym.make("armstack/Reach-v0", image_size=4)
    with pytest.raises(ConfigError, match="control_hz"):
        gym.make("armstack/Reach-v0", control_hz=0)
    with pytest.raises(ConfigError, match="max_steps"):
        gym.make("armstack/Reach-v0", max_steps=0)


def test_step_before_reset() -> None:
    from sim.env import TabletopEnv

    with pytest.raises(gym.error.ResetNeeded):
        TabletopEnv(task="reach").step(np.zeros(5))


def test_diverged_physics_is_reported_not_returned() -> None:
    env = gym.make("armstack/PickPlace-v0")
    env.reset(seed=0)
    u = env.unwrapped
    u.data.qvel[u.view.object_dadr["red_cube"]] = 1e30  # blow the simulation up
    obs, _reward, _terminated, truncated, info = env.step(np.zeros(5))
    assert truncated and info["physics_diverged"] and not info["is_success"]
    assert all(np.all(np.isfinite(v)) for k, v in obs.items() if k != "instruction")
    env.close()
