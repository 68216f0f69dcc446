"""The visuomotor family end to end on a tiny real RGB dataset: training, resume, checkpoints, acting, eval."""

from __future__ import annotations

import json
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import torch

import policies
from policies.checkpoint import read_spec
from policies.errors import TrainConfigError
from policies.evaluate import evaluate_policy
from policies.visuomotor.config import VisuomotorConfig, load_visuomotor_config
from policies.visuomotor.data import chunk_targets
from policies.visuomotor.policy import READS, VisuomotorPolicy
from policies.visuomotor.train import augment, train_visuomotor
from sim.datagen import DatagenConfig, run_datagen

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor")]

SIZE = 32
TINY = {"steps": 6, "batch_size": 8, "chunk": 4, "width": 32, "grid": 2, "layers": 1, "heads": 2, "log_every": 3,
        "save_every": 3, "threads": 1}


@pytest.fixture(scope="module")
def rgb_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vm") / "rgb"
    run_datagen(DatagenConfig(env_id="armstack/PickPlace-v0", robot="panda", episodes=3, workers=1,
                              obs=("state", "rgb"), cameras=("front", "wrist"), image_size=SIZE, seed=5, out=str(out)),
                progress=False)
    return out


@pytest.fixture(scope="module")
def run_dir(rgb_dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vm") / "run"
    train_visuomotor(VisuomotorConfig(data=str(rgb_dataset), out=str(out), **TINY), progress=False)  # type: ignore[arg-type]
    return out


def _env() -> gym.Env:
    return gym.make("armstack/PickPlace-v0", robot="panda", obs_mode="rgb", cameras=("front", "wrist"),
                    image_size=SIZE)


def test_training_writes_checkpoints_curves_and_the_spec(run_dir: Path) -> None:
    rows = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [3, 6]
    assert all(np.isfinite(r["train_loss"]) and np.isfinite(r["val_loss"]) for r in rows)
    assert list((run_dir / "tb").glob("events.out.tfevents.*"))
    spec = read_spec(run_dir / "last")
    assert spec.architecture == "visuomotor_act" and spec.observation["adapter"] == "visuomotor_v1"
    assert spec.observation["cameras"] == ["front", "wrist"] and spec.observation["image_size"] == [SIZE, SIZE]
    assert spec.observation["privileged"] == [] and spec.action["chunk"] == 4
    # Proprioception statistics come from the dataset: 7 joint positions, 7 velocities, TCP pose, gripper.
    assert len(spec.normalization["mean"]) == 22 and min(spec.normalization["std"]) > 0


def test_policy_acts_and_reads_no_privileged_key(run_dir: Path) -> None:
    policy = policies.load(run_dir / "last")
    assert isinstance(policy, VisuomotorPolicy)
    obs, _ = _env().reset(seed=11)
    chunk = policy.predict_chunk(obs)
    assert chunk.shape == (4, 5) and np.isfinite(chunk).all()
    tampered = {**obs, "object_poses": obs["object_poses"] + 0.3, "goal_pos": obs["goal_pos"] - 0.2,
                "task_id": 3, "object_id": 2, "target_id": 1}
    np.testing.assert_array_equal(policy.predict_chunk(tampered), chunk)
    # The inputs it does read move its output (so the equality above is not a dead network).
    assert not np.array_equal(policy.predict_chunk({**obs, "front_rgb": 255 - obs["front_rgb"]}), chunk)
    assert not np.array_equal(policy.predict_chunk({**obs, "joint_pos": obs["joint_pos"] + 0.2}), chunk)
    without = {k: v for k, v in obs.items() if k in READS or k.endswith("_rgb")}
    np.testing.assert_array_equal(policy.predict_chunk(without), chunk)
    policy.reset()
    action = policy.act(obs)
    assert action.shape == (5,) and action.dtype == np.float32 and np.abs(action).max() <= 1.0


def test_chunk_execution_predicts_once_per_chunk(run_dir: Path) -> None:
    policy = policies.load(run_dir / "last")
    assert isinstance(policy, VisuomotorPolicy)
    calls = []
    policy.network.register_forward_hook(lambda *_: calls.append(1))
    obs, _ = _env().reset(seed=12)
    policy.execution = "chunk"
    first = policy.predict_chunk(obs)
    calls.clear()
    policy.reset()
    acts = [policy.act(obs) for _ in range(8)]
    assert len(calls) == 2  # steps 0 and 4
    np.testing.assert_allclose(acts[:4], np.clip(first, -1, 1), atol=1e-6)
    policy.execution = "ensemble"
    policy.reset()
    calls.clear()
    for _ in range(3):
        policy.act(obs)
    assert len(calls) == 3


def test_resume_continues_and_refuses_another_config(rgb_dataset: Path, tmp_path: Path) -> None:
    cfg = VisuomotorConfig(data=str(rgb_dataset), out=str(tmp_path / "r"), **TINY)  # type: ignore[arg-type]
    train_visuomotor(cfg, progress=False)
    before = (tmp_path / "r" / "train_state.safetensors").read_bytes()
    summary = train_visuomotor(VisuomotorConfig(**{**cfg.__dict__, "steps": 9}), progress=False)
    assert summary["steps"] == 9
    rows = [json.loads(line) for line in (tmp_path / "r" / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [3, 6, 9]
    assert (tmp_path / "r" / "train_state.safetensors").read_bytes() != before
    with pytest.raises(TrainConfigError, match="another config"):
        train_visuomotor(VisuomotorConfig(**{**cfg.__dict__, "steps": 12, "chunk": 5}), progress=False)
    saved = tmp_path / "r" / "config.json"  # a run from before proprio_dropout and init_from existed resumes
    older = {k: v for k, v in json.loads(saved.read_text()).items() if k not in ("proprio_dropout", "init_from")}
    saved.write_text(json.dumps(older))
    assert train_visuomotor(VisuomotorConfig(**{**cfg.__dict__, "steps": 12}), progress=False)["steps"] == 12


def test_refuses_a_state_only_dataset(tmp_path: Path) -> None:
    out = tmp_path / "state"
    run_datagen(DatagenConfig(env_id="armstack/Reach-v0", robot="panda", episodes=2, workers=1, obs=("state",),
                              cameras=(), seed=1, out=str(out)), progress=False)
    with pytest.raises(TrainConfigError, match="no camera images"):
        train_visuomotor(VisuomotorConfig(data=str(out), out=str(tmp_path / "run"), **TINY),  # type: ignore[arg-type]
                         progress=False)
    assert not (tmp_path / "run" / "last").exists()


def test_short_eval_reports_a_table_with_intervals(run_dir: Path) -> None:
    policy = policies.load(run_dir / "last")
    report = evaluate_policy(policy, env_id="armstack/PickPlace-v0", robot="panda", episodes=1, progress=False)
    assert report["episodes"] == 1 and set(report["tasks"]) == {"pick_place"}
    lo, hi = report["ci95"]
    assert 0.0 <= lo <= report["success_rate"] <= hi <= 1.0


def test_config_refuses_bad_values(tmp_path: Path) -> None:
    with pytest.raises(TrainConfigError, match="execution"):
        load_visuomotor_config(None, data="d", out="o", execution="sometimes")
    with pytest.raises(TrainConfigError, match="unknown key"):
        load_visuomotor_config(None, data="d", out="o", epochs=3)
    assert load_visuomotor_config(None, data="d", out="o", cameras="front").cameras == ("front",)


def test_chunk_targets_pad_with_the_last_action_and_mask_it() -> None:
    actions = np.arange(6, dtype=np.float32).reshape(3, 2)
    chunks, mask = chunk_targets(actions, 4)
    np.testing.assert_array_equal(chunks[1], [[2, 3], [4, 5], [4, 5], [4, 5]])
    np.testing.assert_array_equal(mask[1], [1, 1, 0, 0])


def test_augment_shifts_and_jitters_within_range() -> None:
    cfg = VisuomotorConfig(data="d", out="o", shift_pixels=3, colour_jitter=0.3)
    images = torch.zeros((4, 2, 3, 16, 16), dtype=torch.uint8)
    images[..., 8, 8] = 255
    out = augment(images, cfg, torch.Generator().manual_seed(0))
    assert out.shape == (4, 2, 3, 16, 16) and float(out.min()) >= 0.0 and float(out.max()) <= 1.0
    red = out[:, :, 0].reshape(8, 16, 16).numpy()
    peaks = {tuple(np.argwhere(r == r.max())[0]) for r in red}
    assert len(peaks) > 1  # the bright pixel moved by different offsets


def test_proprioception_is_the_datasets_state_vector() -> None:
    from policies.visuomotor.data import PROPRIO_KEYS
    from sim.datagen.episode import state_vector

    obs, _ = gym.make("armstack/PickPlace-v0", robot="panda").reset(seed=2)
    mine = np.concatenate([np.asarray(obs[k], np.float32).reshape(-1) for k in PROPRIO_KEYS])
    np.testing.assert_array_equal(mine, state_vector(obs))


def test_proprio_dropout_zeroes_whole_rows_at_its_rate() -> None:
    from policies.visuomotor.train import drop_proprio

    proprio = torch.randn(4000, 22) + 3.0
    gen = torch.Generator().manual_seed(0)
    assert drop_proprio(proprio, 0.0, gen) is proprio
    out = drop_proprio(proprio, 0.5, gen)
    zeroed = (out == 0).all(dim=1)
    assert 0.45 < float(zeroed.float().mean()) < 0.55
    torch.testing.assert_close(out[~zeroed], proprio[~zeroed])
    with pytest.raises(TrainConfigError, match="proprio_dropout"):
        VisuomotorConfig(data="d", out="o", proprio_dropout=1.0)


def test_init_from_starts_from_a_checkpoint_and_refuses_another_architecture(run_dir: Path, rgb_dataset: Path,
                                                                            tmp_path: Path) -> None:
    from safetensors.torch import load_file

    base = {**TINY, "steps": 1, "lr": 1e-9, "save_every": 1, "log_every": 1, "proprio_dropout": 0.5, "seed": 1}
    cfg = VisuomotorConfig(data=str(rgb_dataset), out=str(tmp_path / "ft"), init_from=str(run_dir / "last"), **base)  # type: ignore[arg-type]
    train_visuomotor(cfg, progress=False)
    before, after = load_file(str(run_dir / "last" / "model.safetensors")), load_file(str(tmp_path / "ft" / "last" /
                                                                                          "model.safetensors"))
    assert before.keys() == after.keys()
    for key in before:
        torch.testing.assert_close(after[key], before[key], atol=1e-5, rtol=0.0)
    fresh = VisuomotorConfig(data=str(rgb_dataset), out=str(tmp_path / "fresh"), **base)  # type: ignore[arg-type]
    train_visuomotor(fresh, progress=False)
    other = load_file(str(tmp_path / "fresh" / "last" / "model.safetensors"))
    assert any(not torch.allclose(other[k], before[k], atol=1e-3) for k in before)
    with pytest.raises(TrainConfigError, match="init_from"):
        train_visuomotor(VisuomotorConfig(**{**cfg.__dict__, "out": str(tmp_path / "wide"), "width": 64}),
                         progress=False)


def test_input_reliance_sees_an_input_only_when_the_network_reads_it(run_dir: Path, rgb_dataset: Path) -> None:
    from policies.visuomotor.network import VisuomotorACT
    from policies.visuomotor.reliance import SWAPS, input_reliance

    policy = policies.load(run_dir / "last")
    assert isinstance(policy, VisuomotorPolicy) and isinstance(policy.network, VisuomotorACT)
    every = np.arange(3)
    report = input_reliance(policy, rgb_dataset, episodes=every, early_steps=4)
    assert report["frames"] > 0 and all(report[f"{s}_swapped"]["output_change"] > 0 for s in ("images", "proprio"))
    with torch.no_grad():  # cameras cut off: each encoder's tokens are its position embedding alone
        for enc in policy.network.encoders:
            for p in enc.get_submodule("net").parameters():
                p.zero_()
        policy.network.proprio.get_submodule("0").get_parameter("weight").zero_()
    blind = input_reliance(policy, rgb_dataset, episodes=every, early_steps=4)
    for name in ("images", "proprio"):
        assert blind[f"{name}_swapped"]["output_change"] == 0.0
        assert blind[f"{name}_swapped"]["all"] == pytest.approx(blind["true"]["all"])
    assert set(SWAPS) == {"images", "proprio", "text"} and blind["zero_action"]["gripper"] > 0


def test_config_refuses_bad_object_and_proprio_settings() -> None:
    for bad, match in (({"proprio": "ee_pose,joint_pos"}, "proprio"), ({"proprio": "joint_pos,velocity"}, "proprio"),
                       ({"pool": "max"}, "pool"), ({"object_token": True}, "object_token needs object_loss"),
                       ({"object_loss": -1.0}, "object_loss")):
        with pytest.raises(TrainConfigError, match=match):
            load_visuomotor_config(None, data="d", out="o", **bad)
    cfg = load_visuomotor_config(None, data="d", out="o", proprio="joint_pos,gripper")
    assert cfg.proprio == ("joint_pos", "gripper") and cfg.pool == "avg" and cfg.object_loss == 0.0


def test_proprio_columns_and_object_targets_pick_the_right_values() -> None:
    from policies.visuomotor.data import object_targets, proprio_columns

    assert proprio_columns(22, ("joint_pos", "ee_pose", "gripper")).tolist() == [*range(7), *range(14, 22)]
    assert proprio_columns(20, ("joint_vel",)).tolist() == list(range(6, 12))  # a 6-joint arm
    with pytest.raises(TrainConfigError, match="2 \\* joints"):
        proprio_columns(21, ("gripper",))
    names = [f"{o}.{c}" for o in ("red", "blue") for c in ("x", "y", "z", "qw", "qx", "qy", "qz")]
    names += ["goal.x", "goal.y", "goal.z"]
    env = np.arange(2 * len(names), dtype=np.float64).reshape(2, -1)
    targets, labels = object_targets(env, names, np.array([1, 0]))
    assert labels[-3:] == ["instructed.x", "instructed.y", "instructed.z"] and labels[:3] == ["red.x", "red.y", "red.z"]
    assert targets.shape == (2, 12)
    np.testing.assert_array_equal(targets[0, -3:], env[0, 7:10])  # object 1 (blue) in the first frame
    np.testing.assert_array_equal(targets[1, -3:], env[1, 0:3])  # object 0 (red) in the second
    with pytest.raises(TrainConfigError, match="object_id"):
        object_targets(env, names, np.array([2, 0]))


def test_object_head_keypoints_and_a_proprio_subset_train_and_act(rgb_dataset: Path, tmp_path: Path) -> None:
    from policies.visuomotor.network import VisuomotorACT
    from policies.visuomotor.reliance import input_reliance, object_probe

    cfg = VisuomotorConfig(data=str(rgb_dataset), out=str(tmp_path / "obj"), pool="keypoints", object_loss=1.0,
                           object_token=True, proprio=("joint_pos", "ee_pose", "gripper"),
                           **TINY)  # type: ignore[arg-type]
    train_visuomotor(cfg, progress=False)
    rows = [json.loads(line) for line in (tmp_path / "obj" / "metrics.jsonl").read_text().splitlines()]
    assert all(0 < r["val_object_cm"] < 100 for r in rows)
    spec = read_spec(tmp_path / "obj" / "last")
    assert spec.observation["proprio"] == ["joint_pos", "ee_pose", "gripper"] and len(spec.normalization["mean"]) == 15
    assert spec.arch_params["pool"] == "keypoints" and spec.arch_params["objects"] == 15
    policy = policies.load(tmp_path / "obj" / "last")
    assert isinstance(policy, VisuomotorPolicy) and isinstance(policy.network, VisuomotorACT)
    env = _env()
    obs, _ = env.reset(seed=11)
    # Only the groups it was trained on are read: joint velocity may be absent.
    action = policy.act({k: v for k, v in obs.items() if k != "joint_vel"})
    assert action.shape == (5,) and np.isfinite(action).all()
    env.close()
    probe = object_probe(policy, rgb_dataset, episodes=np.array([0]))
    assert set(probe["head_xyz_cm"]) == {"red_cube", "green_cube", "blue_cube", "goal", "instructed"}
    assert set(probe["probe_xy_cm"]) == {*probe["head_xyz_cm"], "tcp"}
    # The object token comes from the images: swapping them moves the output.
    assert input_reliance(policy, rgb_dataset, episodes=np.arange(3), early_steps=4)["images_swapped"][
        "output_change"] > 0


def test_default_config_adds_no_architecture_keys(run_dir: Path) -> None:
    # A checkpoint from before pool/objects existed has the same arch_params as a default run today, so init_from
    # and resume keep accepting it.
    assert not {"pool", "objects", "object_token"} & set(read_spec(run_dir / "last").arch_params)


def test_every_recipe_is_a_valid_config() -> None:
    recipes = sorted((Path(__file__).parents[2] / "policies" / "visuomotor" / "recipes").glob("*.yaml"))
    assert len(recipes) >= 3
    for recipe in recipes:
        assert load_visuomotor_config(recipe, data="d", out="o").steps >= 1
