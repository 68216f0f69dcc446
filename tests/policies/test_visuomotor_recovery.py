"""Training on placing-recovery demonstrations beside the plain ones (``extra_data``) and fine-tuning a checkpoint
that was trained on a frozen heatmap encoder (``init_from`` with ``init_encoder`` and ``freeze_encoder``), issue 18."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from policies.checkpoint import read_checkpoint, read_spec
from policies.errors import TrainConfigError
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.data import load_image_demonstrations
from policies.visuomotor.pretrain import PretrainConfig, pretrain_object_encoder
from policies.visuomotor.scenes import render_scenes, save_scene_frames
from policies.visuomotor.train import train_visuomotor
from sim.datagen import DatagenConfig, run_datagen

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor_pretrain")]

ENV, SIZE = "armstack/PickPlace-v0", 32


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("rec")
    base = {"env_id": ENV, "robot": "panda", "episodes": 2, "workers": 1, "obs": ("state", "rgb"),
            "cameras": ("front", "wrist"), "image_size": SIZE}
    run_datagen(DatagenConfig(**base, seed=5, out=str(root / "plain")), progress=False)  # type: ignore[arg-type]
    run_datagen(DatagenConfig(**base, seed=6, place_recovery=1.0, out=str(root / "recovery")),  # type: ignore[arg-type]
                progress=False)
    return root / "plain", root / "recovery"


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("enc")
    train = save_scene_frames(root / "train.npz", render_scenes([3_000_990_031, 3_000_990_032], image_size=SIZE,
                                                                path_frames=1, random_poses=0))
    val = save_scene_frames(root / "val.npz", render_scenes([3_000_990_033, 3_000_990_034], image_size=SIZE,
                                                            path_frames=1, random_poses=0))
    pretrain_object_encoder(PretrainConfig(train=(str(train),), val=(str(val),), out=str(root / "enc"), steps=2,
                                           batch_size=4, log_every=2, object_head="heatmap", heatmap_width=16,
                                           width=32, grid=2))
    return root / "enc" / "best"


def _config(data: Path, out: Path, **kw) -> VisuomotorConfig:  # type: ignore[no-untyped-def]
    base = {"cameras": ("front", "wrist"), "steps": 2, "batch_size": 4, "chunk": 4, "width": 32, "grid": 2,
            "layers": 1, "heads": 2, "log_every": 1, "save_every": 1, "threads": 1, "seed": 1}
    return VisuomotorConfig(data=str(data), out=str(out), **{**base, **kw})  # type: ignore[arg-type]


def test_extra_data_appends_the_recovery_episodes(datasets: tuple[Path, Path], tmp_path: Path) -> None:
    plain, recovery = datasets
    train_visuomotor(_config(plain, tmp_path / "run", extra_data=(str(recovery),)), progress=False)
    spec = read_spec(tmp_path / "run" / "last")
    frames = [len(load_image_demonstrations(d, ("front", "wrist"), 4, verify=False).proprio) for d in datasets]
    assert spec.data["episodes"] == 4 and spec.data["frames"] == sum(frames)
    parts = spec.data["datasets"][0]["parts"]
    assert [Path(p["root"]) for p in parts] == [plain.resolve(), recovery.resolve()]
    # A dataset recorded otherwise (another image size) is refused in one line, naming it.
    other = tmp_path / "small"
    run_datagen(DatagenConfig(env_id=ENV, episodes=2, obs=("state", "rgb"), cameras=("front", "wrist"),
                              image_size=24, seed=5, out=str(other)), progress=False)
    with pytest.raises(TrainConfigError, match="extra_data must be recorded like data"):
        train_visuomotor(_config(plain, tmp_path / "bad", extra_data=(str(other),)), progress=False)


def test_a_frozen_encoder_checkpoint_fine_tunes_on_recoveries_in_its_own_normalisation(
        datasets: tuple[Path, Path], encoder: Path, tmp_path: Path) -> None:
    plain, recovery = datasets
    heat = {"init_encoder": str(encoder), "freeze_encoder": True, "object_loss": 1.0, "object_token": True,
            "relative_token": True, "held_at_tcp": True, "decoder_images": False,
            "proprio": ("joint_pos", "ee_pose", "gripper")}
    train_visuomotor(_config(plain, tmp_path / "base", **heat), progress=False)
    start = tmp_path / "base" / "last"
    tuned = _config(plain, tmp_path / "ft", extra_data=(str(recovery),), init_from=str(start), lr=1e-9, steps=1, **heat)
    train_visuomotor(tuned, progress=False)
    (s0, n0), (s1, n1) = read_checkpoint(start), read_checkpoint(tmp_path / "ft" / "last")
    # The weights start as the checkpoint's; the frozen head's stay exactly its own; the inputs are read in the
    # checkpoint's normalisation, not the new data's (its arch params, ee_mean/std included, unchanged).
    before, after = n0.state_dict(), n1.state_dict()
    for key in before:
        torch.testing.assert_close(after[key], before[key], atol=1e-5, rtol=0.0)
    assert all(torch.equal(after[k], before[k]) for k in before if k.startswith("objects."))
    assert s1.normalization == s0.normalization and s1.arch_params == s0.arch_params
    both = [load_image_demonstrations(d, ("front", "wrist"), 4, verify=False, proprio=heat["proprio"]).proprio
            for d in datasets]
    assert not np.allclose(np.concatenate(both).mean(axis=0), s0.normalization["mean"], atol=1e-6)
    # A checkpoint trained from another encoder is refused: its head would be another's.
    other = tmp_path / "other"
    shutil.copytree(start, other)
    doc = json.loads((other / "policy.json").read_text())
    doc["training"]["init_encoder"]["weights_sha256"] = "0" * 64
    (other / "policy.json").write_text(json.dumps(doc))
    with pytest.raises(TrainConfigError, match="trained from init_encoder weights 000000000000, not this run's"):
        train_visuomotor(dataclasses.replace(tuned, out=str(tmp_path / "ft2"), init_from=str(other)), progress=False)


def test_config_refuses_two_unfrozen_inits_and_bad_extra_data() -> None:
    with pytest.raises(TrainConfigError, match="give one"):
        VisuomotorConfig(data="d", out="o", init_encoder="a", init_from="b")
    VisuomotorConfig(data="d", out="o", init_encoder="a", init_from="b", freeze_encoder=True)
    for bad in ("d2", ("",), (3,)):
        with pytest.raises(TrainConfigError, match="extra_data must be a list of dataset folders"):
            VisuomotorConfig(data="d", out="o", extra_data=bad)  # type: ignore[arg-type]
