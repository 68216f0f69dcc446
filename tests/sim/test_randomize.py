"""Domain randomisation samples inside its ranges, is seeded, and is reported in info."""

import gymnasium as gym
import numpy as np

from sim import RANDOMIZATION_LEVELS, Randomization


def test_sampled_parameters_within_ranges_and_applied() -> None:
    cfg = RANDOMIZATION_LEVELS["strong"]
    env = gym.make("armstack/PickPlace-v0", randomization=cfg)
    u = env.unwrapped
    for seed in range(10):
        _, info = env.reset(seed=seed)
        p = info["randomization"]
        for name, obj in p["objects"].items():
            assert cfg.object_mass[0] <= obj["mass"] <= cfg.object_mass[1]
            assert cfg.cube_half_size[0] <= obj["half_size"] <= cfg.cube_half_size[1]
            gid = u.view.object_geom[name]
            assert u.model.geom_size[gid, 0] == obj["half_size"]
            assert u.model.body_mass[u.model.geom_bodyid[gid]] == obj["mass"]
        assert cfg.light_intensity[0] <= p["light"]["intensity"] <= cfg.light_intensity[1]
        assert int(cfg.action_latency_steps[0]) <= p["action_latency_steps"] <= int(cfg.action_latency_steps[1])
        assert cfg.actuator_gain_scale[0] <= p["actuator_gain_scale"] <= cfg.actuator_gain_scale[1]
        assert set(p["cameras"]) == {"front", "overhead"}
    env.close()


def test_none_level_keeps_nominal_model() -> None:
    env = gym.make("armstack/PickPlace-v0", randomization="default")
    u = env.unwrapped
    nominal = u.sampler._nominal["geom_size"].copy()
    env.reset(seed=1)
    assert not np.array_equal(u.model.geom_size, nominal)
    env2 = gym.make("armstack/PickPlace-v0", randomization="none")
    env2.reset(seed=1)
    np.testing.assert_array_equal(env2.unwrapped.model.geom_size, nominal)


def test_action_latency_delays_the_action() -> None:
    lagged = Randomization(action_latency_steps=(2, 2))
    env = gym.make("armstack/Reach-v0", randomization=lagged)
    env.reset(seed=0)
    u = env.unwrapped
    start = u.view.tcp_pos.copy()
    up = np.array([0, 0, 1.0, 0, -1])
    env.step(up)
    env.step(up)
    assert abs(u.view.tcp_pos[2] - start[2]) < 2e-3  # still the two queued hold actions
    env.step(up)
    env.step(up)
    assert u.view.tcp_pos[2] - start[2] > 0.01


def test_observation_noise() -> None:
    env = gym.make("armstack/Reach-v0", randomization=Randomization(obs_noise_std=0.01))
    obs, _ = env.reset(seed=0)
    true_q = env.unwrapped.view.arm_qpos
    assert 0.001 < np.abs(obs["joint_pos"] - true_q).max() < 0.06


def test_to_dict_round_trip() -> None:
    cfg = RANDOMIZATION_LEVELS["default"]
    assert Randomization.from_dict(cfg.to_dict()) == cfg
