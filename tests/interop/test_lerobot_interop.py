"""Interop a researcher checks, against LeRobot's own code (lerobot==0.6.1 in its own venv; optional tier).

1. An armstack RGB dataset (PickPlace, 3 episodes, front+wrist at 64 px) is read by LeRobot's LeRobotDataset,
   every feature key/dtype/shape/fps it reads matches armstack's metadata, and LeRobot's own training loop
   trains its ACT policy on it for a few steps (finite losses), saves and reloads it; so does its
   ``lerobot-train`` command with LeRobot's default inputs.
2. A dataset written by LeRobot's own writer (LeRobotDataset.create/add_frame/save_episode) with armstack's keys
   is read by armstack's visuomotor loader, an armstack image policy trains briefly on it, loads from its
   checkpoint and predicts chunks for its frames: the offline action error is finite and below the error of
   predicting zeros.

Run: ``tests/interop/make_lerobot_venv.sh`` once, then ``pytest -m lerobot tests/interop``. Without the venv the
tier skips; ``make test`` deselects it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from policies.checkpoint import read_checkpoint
from policies.lerobot_interop import LEROBOT_VERSION, lerobot_python, run_lerobot_command, run_side
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.data import (
    ACTION_KEY,
    IMAGE_PREFIX,
    STATE_KEY,
    load_image_demonstrations,
    offline_action_error,
)
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.policy import VisuomotorPolicy
from policies.visuomotor.train import train_visuomotor
from sim.datagen import DatagenConfig, run_datagen
from sim.dataset import DatasetFileError, DatasetReader, dataset_info, verify_dataset
from sim.dataset.env_spec import ACTION_NAMES

pytestmark = [
    pytest.mark.lerobot, pytest.mark.slow, pytest.mark.xdist_group("lerobot_interop"),
    pytest.mark.skipif(lerobot_python() is None, reason="no LeRobot venv: run tests/interop/make_lerobot_venv.sh"),
]

ROOT = Path(__file__).resolve().parents[2]
SIZE = 64
CAMERAS = ("front", "wrist")
STEPS = 60


@pytest.fixture(scope="module")
def armstack_rgb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("interop") / "armstack_rgb"
    run_datagen(DatagenConfig(env_id="armstack/PickPlace-v0", robot="panda", episodes=3, workers=1,
                              obs=("state", "rgb"), cameras=CAMERAS, image_size=SIZE, seed=11, out=str(out)),
                progress=False)
    return out


@pytest.fixture(scope="module")
def lerobot_view(armstack_rgb: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run_side(["inspect", str(armstack_rgb)], home=tmp_path_factory.mktemp("hf"))


def test_lerobot_reads_every_feature_as_armstack_wrote_it(armstack_rgb: Path, lerobot_view: dict[str, Any]) -> None:
    seen = lerobot_view
    assert seen["lerobot"] == LEROBOT_VERSION and seen["codebase_version"] == "v3.0"
    with DatasetReader(armstack_rgb) as reader:
        info, tasks = reader.info, reader.tasks
        ours = reader.features
        assert seen["fps"] == reader.fps == 20
        assert seen["num_episodes"] == reader.num_episodes == 3 and seen["num_frames"] == reader.num_frames
        assert seen["robot_type"] == info["robot_type"] == "panda"
        first = reader.episode(0, [STATE_KEY, ACTION_KEY, *(IMAGE_PREFIX + c for c in CAMERAS)])
    assert seen["tasks"] == tasks and seen["sample_task"] == tasks[0]
    assert set(seen["features"]) == set(ours)
    for key, ft in ours.items():
        assert seen["features"][key]["dtype"] == ft["dtype"], key
        assert seen["features"][key]["shape"] == list(ft["shape"]), key
        assert seen["features"][key]["names"] == ft["names"], key
    # A sample as LeRobot returns it: vectors keep their shape, cameras come channel-first at the recorded size.
    sample = seen["sample"]
    for key, ft in ours.items():
        if ft["dtype"] == "video":
            assert sample[key] == {"shape": [3, SIZE, SIZE], "dtype": "torch.float32"}, key
        elif list(ft["shape"]) != [1]:
            assert sample[key]["shape"] == list(ft["shape"]), key
    assert seen["camera_keys"] == [IMAGE_PREFIX + c for c in CAMERAS]
    # The pixels LeRobot decodes are the ones armstack decodes (same mp4, another decoder build).
    for cam in CAMERAS:
        ours_mean = float(first[IMAGE_PREFIX + cam][0].mean()) / 255.0
        assert seen["first_frame_mean"][IMAGE_PREFIX + cam] == pytest.approx(ours_mean, abs=2e-3), cam
    assert seen["last_episode_index"] == 2
    assert {"action", STATE_KEY, *(IMAGE_PREFIX + c for c in CAMERAS)} <= set(seen["stats_keys"])
    # LeRobot reading the dataset changed none of its files.
    assert verify_dataset(armstack_rgb).ok


def test_lerobot_trains_its_act_policy_on_armstack_data(armstack_rgb: Path, tmp_path: Path) -> None:
    result = run_side(["train", str(armstack_rgb), str(tmp_path / "act_run"), "--policy", "act", "--steps", "5",
                       "--batch-size", "4"], home=tmp_path)
    assert result["lerobot"] == LEROBOT_VERSION and result["policy"] == "act"
    assert result["logged_steps"] == [1, 2, 3, 4, 5]
    losses = np.array(result["losses"])
    assert np.isfinite(losses).all() and (losses > 0).all(), losses
    assert losses[1:].min() < losses[0], losses  # the steps learn: ACT's KL term alone falls within a few
    assert result["input_features"] == sorted([STATE_KEY, *(IMAGE_PREFIX + c for c in CAMERAS)])
    assert result["reloaded"]["action_shape"] == [1, 5] and result["reloaded"]["finite"]
    assert verify_dataset(armstack_rgb).ok


def test_lerobot_train_command_runs_on_armstack_data(armstack_rgb: Path, tmp_path: Path) -> None:
    """The command a researcher types, with LeRobot's defaults for the inputs: every observation.* feature,
    the privileged environment state and goal ids included, as LeRobot reads the dataset's features."""
    log = run_lerobot_command("lerobot-train", [
        "--dataset.repo_id=armstack/interop", f"--dataset.root={armstack_rgb}", "--dataset.video_backend=pyav",
        "--policy.type=act", "--policy.device=cpu", "--policy.pretrained_backbone_weights=null",
        "--policy.push_to_hub=false", "--policy.chunk_size=10", "--policy.n_action_steps=10", "--steps=3",
        "--batch_size=4", "--num_workers=0", "--log_freq=1", "--wandb.enable=false", f"--output_dir={tmp_path / 'run'}",
    ], home=tmp_path)
    losses = [float(v) for v in re.findall(r"(?:^|\s)loss:([0-9.]+)", log, flags=re.MULTILINE)]
    assert len(losses) == 3 and np.isfinite(losses).all(), log[-2000:]
    config = json.loads((tmp_path / "run" / "checkpoints" / "last" / "pretrained_model" / "config.json").read_text())
    with DatasetReader(armstack_rgb) as reader:
        observed = {k for k in reader.features if k.startswith("observation.")}
    assert set(config["input_features"]) == observed and set(config["output_features"]) == {ACTION_KEY}
    for key in CAMERAS:
        assert config["input_features"][IMAGE_PREFIX + key]["shape"] == [3, SIZE, SIZE]


@pytest.fixture(scope="module")
def lerobot_written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    home = tmp_path_factory.mktemp("lr_written")
    out = home / "from_lerobot"
    result = run_side(["write", str(out), "--episodes", "3", "--frames", "24", "--size", str(SIZE)], home=home)
    return out, result


def test_armstack_loader_reads_a_dataset_lerobot_wrote(lerobot_written: tuple[Path, dict[str, Any]]) -> None:
    root, written = lerobot_written
    assert written["lerobot"] == LEROBOT_VERSION
    assert not (root / "manifest.json").exists()  # not armstack's: nothing to verify hashes against
    # The keys and action names LeRobot wrote are armstack's registries', given to side.py by the runner.
    info = json.loads((root / "meta" / "info.json").read_text())
    assert info["features"][ACTION_KEY]["names"] == list(ACTION_NAMES) and STATE_KEY in info["features"]
    demos = load_image_demonstrations(root, CAMERAS, chunk=4, verify=False)
    assert demos.images.shape == (72, 2, 3, SIZE, SIZE) and demos.images.dtype == np.uint8
    assert demos.proprio.shape == (72, 22) and demos.chunks.shape == (72, 4, 5)
    assert demos.texts == ("put the red cube in the bin", "put the blue cube on the pad")
    assert demos.source["content_sha256"] is None and demos.fps == 20
    overview = dataset_info(root)  # `armstack dataset info`
    assert overview["complete"] is False and overview["episodes"] == 3 and overview["frames"] == 72
    assert overview["cameras"] == [IMAGE_PREFIX + c for c in CAMERAS]
    # The first frame's coloured square is where the writer drew it (x = 0 on the front camera, 11 on the wrist).
    front = demos.images[0, 0].transpose(1, 2, 0).astype(int)
    assert front[12, 4, 0] > 150 and front[40, 40, 0] < 80
    # Verification on by default: a dataset armstack did not write is refused with a one-line reason.
    with pytest.raises(DatasetFileError, match=r"manifest\.json: missing"):
        load_image_demonstrations(root, CAMERAS, chunk=4)


def test_armstack_loader_reads_lerobot_png_frames_exactly(tmp_path: Path) -> None:
    """LeRobot's image storage (PNG bytes in the parquet files, no mp4): armstack decodes the very pixels."""
    root = tmp_path / "png"
    run_side(["write", str(root), "--images", "--episodes", "2", "--frames", "6", "--size", "32"], home=tmp_path)
    demos = load_image_demonstrations(root, CAMERAS, chunk=2, verify=False)
    assert demos.images.shape == (12, 2, 3, 32, 32)
    front = demos.images[0, 0].transpose(1, 2, 0)
    expected = np.full((32, 32, 3), 40, np.uint8)
    expected[8:16, 0:8] = (200, 30, 30)  # the writer's square, frame 0 of episode 0
    assert np.array_equal(front, expected)


def test_armstack_image_policy_evaluates_on_lerobot_written_data(lerobot_written: tuple[Path, dict[str, Any]],
                                                                  tmp_path: Path) -> None:
    root, _ = lerobot_written
    cfg = VisuomotorConfig(data=str(root), out=str(tmp_path / "vm"), steps=STEPS, batch_size=16, chunk=4, width=32,
                           grid=2, layers=1, heads=2, log_every=STEPS, save_every=STEPS, threads=1,
                           verify_data=False, lr=3e-3)
    summary = train_visuomotor(cfg, progress=False)
    assert summary["steps"] == STEPS and np.isfinite(summary["last"]["train_loss"])
    # The policy as `armstack eval` loads it: from its checkpoint, which records the foreign dataset as its source.
    spec, net = read_checkpoint(tmp_path / "vm" / "last")
    assert spec.data["datasets"][0]["root"] == str(root.resolve()) and spec.data["content_sha256"] is None
    untrained = VisuomotorPolicy(spec, VisuomotorACT(**spec.arch_params))
    trained = offline_action_error(VisuomotorPolicy(spec, net), root, verify=False)
    fresh = offline_action_error(untrained, root, verify=False)
    assert trained["frames"] == fresh["frames"] == 72 and trained["finite"] and fresh["finite"]
    # Actions are a fixed function of the state: a briefly trained policy is closer than predicting no motion,
    # and closer than the same network freshly initialised.
    assert trained["l1"] < trained["zero_l1"], trained
    assert trained["l1"] < fresh["l1"], (trained, fresh)


def test_bench_compares_step_times_on_the_same_data(armstack_rgb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_lerobot_interop", ROOT / "bench" / "lerobot_interop.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--data", str(armstack_rgb), "--steps", "2", "--batch-size", "2", "--chunk", "4"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["lerobot_version"] == LEROBOT_VERSION
    for side in ("lerobot", "armstack"):
        assert out[side]["steps"] == 2 and len(out[side]["losses"]) == 2 and np.isfinite(out[side]["losses"]).all()
    assert out["lerobot"]["params"] > out["armstack"]["params"] > 0
    assert out["step_time_ratio_lerobot_over_armstack"] > 0 and out["step_cpu_ratio_lerobot_over_armstack"] > 0
