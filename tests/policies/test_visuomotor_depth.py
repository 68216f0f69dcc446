"""Optional depth for the visuomotor family: recorded losslessly by datagen, read back exactly, and read by the
encoder only when the config asks for it."""

from __future__ import annotations

import json
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import torch

import policies
from policies.errors import PolicyError, TrainConfigError
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.policy import VisuomotorPolicy
from policies.visuomotor.train import augment, augment_with_depth, train_visuomotor
from sim.datagen import DatagenConfig, run_datagen
from sim.dataset import DatasetReader, depth_key, depth_millimetres
from sim.errors import ConfigError

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor")]

SIZE = 16
TINY = {"steps": 2, "batch_size": 4, "chunk": 3, "width": 16, "grid": 2, "layers": 1, "heads": 2, "log_every": 2,
        "save_every": 2, "threads": 1}


@pytest.fixture(scope="module")
def rgbd_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vmd") / "rgbd"
    run_datagen(DatagenConfig(env_id="armstack/PickPlace-v0", robot="panda", episodes=2, workers=1,
                              obs=("state", "rgb", "depth"), cameras=("front", "wrist"), image_size=SIZE, seed=7,
                              out=str(out)), progress=False)
    return out


def _env() -> gym.Env:
    return gym.make("armstack/PickPlace-v0", robot="panda", obs_mode="rgbd", cameras=("front", "wrist"),
                    image_size=SIZE)


def test_depth_is_recorded_losslessly_and_read_back_exactly(rgbd_dataset: Path) -> None:
    with DatasetReader(rgbd_dataset) as reader:
        feature = reader.features[depth_key("front")]
        # Stored as LeRobot's 16-bit depth image (sim.dataset.depth); read back as (T, H*W) int64 millimetres.
        assert feature["dtype"] == "image" and feature["shape"] == [SIZE, SIZE, 1] and feature["info"]["is_depth_map"]
        assert depth_key("wrist") in reader.features
        ep = reader.episode(0, [depth_key("front"), depth_key("wrist")])
    seed = json.loads((rgbd_dataset / "meta" / "armstack_episodes.jsonl").read_text().splitlines()[0])["seed"]
    obs, _ = _env().reset(seed=seed)
    # The first frame is the reset's render: the stored millimetres equal the env's depth converted, bit for bit.
    for cam in ("front", "wrist"):
        np.testing.assert_array_equal(ep[depth_key(cam)][0], depth_millimetres(obs[f"{cam}_depth"]))
    front = ep[depth_key("front")]
    assert front.min() > 100 and len(np.unique(front[0])) > 10  # a scene in millimetres, not a constant plane


def test_depth_needs_rgb() -> None:
    with pytest.raises(ConfigError, match="--obs depth needs rgb"):
        DatagenConfig(obs=("state", "depth"))


def test_config_asking_for_depth_on_an_rgb_only_dataset_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "rgb"
    run_datagen(DatagenConfig(env_id="armstack/PickPlace-v0", episodes=1, obs=("state", "rgb"), cameras=("front",),
                              image_size=SIZE, seed=3, out=str(out)), progress=False)
    config = VisuomotorConfig(data=str(out), out=str(tmp_path / "run"), cameras=("front",), depth=("front",),
                              **TINY)  # type: ignore[arg-type]
    with pytest.raises(TrainConfigError) as err:
        train_visuomotor(config, progress=False)
    assert "no depth for them" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(TrainConfigError, match="depth must name distinct cameras"):
        VisuomotorConfig(data="d", out="o", cameras=("front",), depth=("wrist",))


def test_policy_reads_depth_only_when_configured(rgbd_dataset: Path, tmp_path: Path) -> None:
    with_depth = tmp_path / "d"
    train_visuomotor(VisuomotorConfig(data=str(rgbd_dataset), out=str(with_depth), depth=("front",), **TINY),  # type: ignore[arg-type]
                     progress=False)
    rgb_only = tmp_path / "r"
    train_visuomotor(VisuomotorConfig(data=str(rgbd_dataset), out=str(rgb_only), **TINY),  # type: ignore[arg-type]
                     progress=False)
    obs, _ = _env().reset(seed=101)
    farther = {**obs, "front_depth": obs["front_depth"] + 0.25, "wrist_depth": obs["wrist_depth"] + 0.25}

    policy = policies.load(with_depth / "last")
    assert isinstance(policy, VisuomotorPolicy) and policy.depth == ("front",)
    assert policy.env_kwargs["obs_mode"] == "rgbd"
    arch = policy.spec.arch_params
    assert arch["depth_cameras"] == [0] and 100 < arch["depth_mean_mm"] < 2000 and arch["depth_std_mm"] > 1
    chunk = policy.predict_chunk(obs)
    assert not np.array_equal(policy.predict_chunk(farther), chunk)
    # Only the configured camera's depth: the wrist's changes nothing.
    np.testing.assert_array_equal(policy.predict_chunk({**obs, "wrist_depth": farther["wrist_depth"]}), chunk)
    with pytest.raises(PolicyError, match="front_depth"):
        policy.predict_chunk({k: v for k, v in obs.items() if k != "front_depth"})
    # The probe builds the encoders' inputs as the network does, depth channel included (REV session 7, G7: it fed
    # RGB alone to the 4-channel encoder and crashed).
    from policies.visuomotor.reliance import object_probe

    probe = object_probe(policy, rgbd_dataset, episodes=np.array([0]))
    assert "tcp" in probe["probe_xy_cm"] and all(np.isfinite(v) for v in probe["probe_xy_cm"].values())

    plain = policies.load(rgb_only / "last")
    assert isinstance(plain, VisuomotorPolicy) and plain.depth == () and plain.env_kwargs["obs_mode"] == "rgb"
    base = plain.predict_chunk(obs)
    np.testing.assert_array_equal(plain.predict_chunk(farther), base)
    np.testing.assert_array_equal(plain.predict_chunk({k: v for k, v in obs.items() if not k.endswith("_depth")}),
                                  base)


def test_depth_is_shifted_with_its_camera_and_images_augment_as_before() -> None:
    cfg = VisuomotorConfig(data="d", out="o", cameras=("front", "wrist"), depth=("wrist",), shift_pixels=3,
                           colour_jitter=0.2)
    images = torch.randint(0, 256, (2, 2, 3, 12, 12), dtype=torch.uint8)
    # A depth plane equal to the wrist image's first channel (as mm) must shift exactly as that channel does.
    depth = images[:, 1:2, 0].to(torch.int32) * 10
    x, d = augment_with_depth(images, depth, cfg, torch.Generator().manual_seed(4))
    plain = augment(images, cfg, torch.Generator().manual_seed(4))
    torch.testing.assert_close(x, plain)  # the images draw the same numbers with or without depth
    shifted = augment_with_depth(images, depth, VisuomotorConfig(data="d", out="o", depth=("wrist",), shift_pixels=3,
                                                                 colour_jitter=0.0), torch.Generator().manual_seed(4))
    assert d is not None and shifted[1] is not None
    torch.testing.assert_close(shifted[1][:, 0] / 10.0 / 255.0, shifted[0][:, 1, 0])
