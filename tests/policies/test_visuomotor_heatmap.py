"""The heatmap object head (``policies.visuomotor.heatmap``): the front camera's calibration against MuJoCo's own
render, the projection and lift round trip, the head's outputs inside the policy network, the config's refusals, and a
short real pretraining run read by bench/visuomotor_scene_error.py."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
import torch

from policies.checkpoint import read_checkpoint, read_spec
from policies.errors import TrainConfigError
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.heatmap import CALIBRATION_SIZE, CameraCalibration, HeatmapHead, soft_argmax
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.pretrain import PretrainConfig, _PixelTargets, load_pretrain_config, pretrain_object_encoder
from policies.visuomotor.scenes import camera_calibration, load_scene_frames, render_scenes, save_scene_frames
from policies.visuomotor.train import train_visuomotor
from sim.datagen import DatagenConfig, run_datagen

ENV, ROBOT = "armstack/PickPlace-v0", "panda"
NAMES = [f"{o}.{a}" for o in ("red_cube", "green_cube", "blue_cube", "goal", "instructed") for a in "xyz"]


@pytest.fixture(scope="module")
def front() -> CameraCalibration:
    return CameraCalibration.from_values(camera_calibration(ENV, ROBOT, "front", 64))


def test_a_point_projects_and_lifts_back_to_within_a_millimetre(front: CameraCalibration) -> None:
    gen = torch.Generator().manual_seed(0)
    # Where cubes, pad and bin are drawn (x 0.35-0.65, |y| < 0.26), from the table top to a cube held 25 cm up.
    points = torch.rand(500, 3, generator=gen, dtype=torch.float64) * torch.tensor([0.3, 0.52, 0.25]) \
        + torch.tensor([0.35, -0.26, 0.0])
    pixels = front.project(points)
    assert ((pixels > 0) & (pixels < 64)).all()  # the front camera sees the whole workspace
    back = front.lift(pixels, points[:, 2])
    assert float((back - points).norm(dim=-1).max()) < 1e-3
    # The wrong height moves the point along the ray: the lift does depend on it.
    assert float((front.lift(pixels, points[:, 2] + 0.05) - points).norm(dim=-1).min()) > 0.02


def test_the_calibration_puts_each_cube_on_its_colour_in_mujocos_render(front: CameraCalibration) -> None:
    env: Any = gym.make(ENV, robot=ROBOT, obs_mode="rgb", cameras=("front",), image_size=64,
                        randomization="none")
    hits = 0
    for seed in range(4):
        obs, _ = env.reset(seed=seed)
        image = np.asarray(obs["front_rgb"]).astype(int)  # (H, W, 3)
        view = env.unwrapped.view
        for channel, name in enumerate(("red_cube", "green_cube", "blue_cube")):
            u, v = front.project(torch.tensor(view.object_pos(name), dtype=torch.float64)).round().long().tolist()
            patch = image[max(v - 1, 0):v + 2, max(u - 1, 0):u + 2].reshape(-1, 3)
            other = [c for c in range(3) if c != channel]
            hits += bool(((patch[:, channel] > patch[:, other].max(axis=1) + 20)).any())
    env.close()
    assert hits == 12, f"{hits}/12 cubes under their projected pixel"


def test_soft_argmax_finds_a_peak_between_cells() -> None:
    logits = torch.full((1, 1, 8, 8), -30.0)
    logits[0, 0, 2, 5] = logits[0, 0, 2, 6] = 0.0  # two equal cells: the expectation lies on their border
    xy, prob = soft_argmax(logits)
    assert torch.allclose(xy[0, 0], torch.tensor([6.0, 2.5]), atol=1e-4)
    assert torch.allclose(prob.sum(dim=-1), torch.ones(1, 1))


def _network(front: CameraCalibration, **extra: Any) -> VisuomotorACT:
    return VisuomotorACT(cameras=2, channels=3, proprio_dim=20, text_dim=384, out_dim=5, chunk=4, width=32, grid=2,
                         objects=15, object_names=tuple(NAMES), object_mean=(0.0,) * 15, object_std=(1.0,) * 15,
                         object_head="heatmap", calibration=tuple(front.values()), **extra)


def test_the_head_outputs_every_target_and_feeds_the_policys_tokens(front: CameraCalibration) -> None:
    net = _network(front, object_token=True, ee_index=7, ee_mean=(0.0,) * 3, ee_std=(1.0,) * 3)
    assert isinstance(net.objects, HeatmapHead)
    assert net.objects.channels == ["red_cube", "green_cube", "blue_cube", "pad", "bin"]
    images = torch.randint(0, 256, (3, 2, 3, 64, 64), dtype=torch.uint8)
    text = torch.randn(3, 384)
    objects = net.predict_objects(images, text)
    assert objects.shape == (3, 15) and torch.isfinite(objects).all()
    actions, again = net.forward_with_objects(images, torch.randn(3, 20), text)
    assert actions.shape == (3, 4, 5) and again is not None and torch.allclose(again, objects)
    # The instructed cube is the instruction's choice among the cube channels (a convex mix of their points).
    pixels, height, _ = net.objects.channel_pixels(images[:, 0].float() / 255)
    cubes = front.lift(pixels, height)[:, :3]
    instructed = objects.reshape(3, 5, 3)[:, 4]
    lo, hi = cubes.min(dim=1).values, cubes.max(dim=1).values
    assert ((instructed >= lo - 1e-5) & (instructed <= hi + 1e-5)).all()
    # Only the heatmap camera's pixels move the head: the wrist image does not.
    other = images.clone()
    other[:, 1] = 255 - other[:, 1]
    assert torch.allclose(net.predict_objects(other, text), objects)


def test_bad_settings_are_refused(front: CameraCalibration, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("object_head: heatmap\nheatmap_widht: 32\n")
    with pytest.raises(TrainConfigError, match="heatmap_widht"):
        load_pretrain_config(bad, train=("a.npz",), val=("b.npz",), out=str(tmp_path / "o"))
    base: dict[str, Any] = {"train": ("a.npz",), "val": ("b.npz",), "out": str(tmp_path / "o")}
    with pytest.raises(TrainConfigError, match="valid: mlp, heatmap"):
        PretrainConfig(**base, object_head="heatmaps")
    with pytest.raises(TrainConfigError, match="heatmap_camera 'overhead'"):
        PretrainConfig(**base, object_head="heatmap", heatmap_camera="overhead")
    with pytest.raises(TrainConfigError, match="place_weight"):
        PretrainConfig(**base, object_head="heatmap", place_weight=0.4)
    with pytest.raises(TrainConfigError, match="pixel_weight"):
        PretrainConfig(**base, object_head="heatmap", pixel_weight=float("nan"))
    with pytest.raises(ValueError, match="calibration has 14 values"):
        CameraCalibration.from_values([0.0] * (CALIBRATION_SIZE - 1))
    with pytest.raises(ValueError, match="not orthonormal"):
        CameraCalibration.from_values([0, 0, 1, *([1.0] * 9), 45.0, 64])
    with pytest.raises(ValueError, match="needs x, y, z of each object, the goal and the instructed"):
        HeatmapHead(NAMES[:9], front, 384)


@pytest.mark.slow
def test_a_short_pretraining_learns_the_pixels_the_bench_reads_it_and_a_policy_starts_from_it(tmp_path: Path) -> None:
    train = save_scene_frames(tmp_path / "train.npz", render_scenes(list(range(61, 69)), image_size=32,
                                                                    path_frames=1, random_poses=1))
    val = save_scene_frames(tmp_path / "val.npz", render_scenes([71, 72, 73, 74], image_size=32, path_frames=1,
                                                                random_poses=0))
    no_places = tmp_path / "no_places.npz"
    save_scene_frames(no_places, dataclasses.replace(load_scene_frames([train]), places=None))
    config = PretrainConfig(train=(str(train),), val=(str(val),), out=str(tmp_path / "enc"), steps=240,
                            batch_size=16, log_every=80, object_head="heatmap", heatmap_width=16, lr=3e-3)
    with pytest.raises(TrainConfigError, match="--add-places"):
        pretrain_object_encoder(dataclasses.replace(config, val=(str(no_places),), train=(str(val),)))
    summary = pretrain_object_encoder(config)
    # The choice's labels: the instructed cube's channel holds exactly its position, the goal's place its x, y.
    _, net = read_checkpoint(tmp_path / "enc" / "best")
    assert isinstance(net, VisuomotorACT)
    frames = load_scene_frames([train])
    targets = _PixelTargets(net, frames, load_scene_frames([val]))
    objects = torch.from_numpy(frames.objects).reshape(len(frames.objects), -1, 3)
    every = torch.arange(len(objects))
    assert torch.equal(targets.points[every, targets.cube_index], objects[:, 4])
    assert torch.allclose(targets.points[every, 3 + targets.place_index, :2], objects[:, 3, :2], atol=1e-6)
    rows = [json.loads(line) for line in (tmp_path / "enc" / "metrics.jsonl").read_text().splitlines()]
    first, last = rows[0]["val_pixel_px"], rows[-1]["val_pixel_px"]
    assert set(last) == {"red_cube", "green_cube", "blue_cube", "pad", "bin"}
    assert sum(last.values()) < sum(first.values()), rows  # the heatmaps learn where the objects are
    spec = importlib.util.spec_from_file_location("scene_error", Path("bench/visuomotor_scene_error.py"))
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    report = bench.run(str(tmp_path / "enc" / "best"), [str(val)], report_half=True)
    assert set(report["per_target"]) == {"red_cube", "green_cube", "blue_cube", "goal", "instructed"}
    # The bench reads the head as pretraining did: its report half is pretraining's val_object_cm of best/.
    assert report["mean"] == pytest.approx(summary["best"]["val_object_cm"], abs=0.02)
    best = next(r for r in rows if r["step"] == summary["best"]["step"])
    pixel_rows = report["pixel_by_kind"]
    assert pixel_rows is not None and set(pixel_rows) == {"reset", "path"}
    frames = sum(r["frames"] for r in pixel_rows.values())
    for channel, px in best["val_pixel_px"].items():
        assert sum(r[channel] * r["frames"] for r in pixel_rows.values()) / frames == pytest.approx(px, abs=0.02)
    # A policy starts from the heatmap encoder: the head, its camera and calibration come with it and stay fixed.
    data = tmp_path / "rgb"
    run_datagen(DatagenConfig(env_id=ENV, robot=ROBOT, episodes=2, workers=1, obs=("state", "rgb"),
                              cameras=("front", "wrist"), image_size=32, seed=5, out=str(data)), progress=False)
    train_visuomotor(VisuomotorConfig(data=str(data), out=str(tmp_path / "run"),
                                      init_encoder=str(tmp_path / "enc" / "best"),
                                      freeze_encoder=True, object_loss=1.0, object_token=True, relative_token=True,
                                      decoder_images=False, proprio=("joint_pos", "ee_pose", "gripper"), steps=4,
                                      held_at_tcp=True,
                                      batch_size=8, chunk=4, layers=1, heads=2, log_every=2, save_every=2, threads=1),
                     progress=False)
    policy_spec, policy = read_checkpoint(tmp_path / "run" / "last")
    assert policy_spec.arch_params["object_head"] == "heatmap"
    # held_at_tcp: the finger opening's column of the proprioception the network reads, and the bounds.
    at = policy_spec.arch_params["gripper_index"]
    assert policy_spec.observation["state_names"][at] == "gripper.opening"
    assert policy_spec.arch_params["held_opening"] == [0.2, 0.95] and policy_spec.arch_params["gripper_std"] > 0
    assert policy_spec.arch_params["calibration"] == read_spec(tmp_path / "enc" / "best").arch_params["calibration"]
    mine, theirs = policy.state_dict(), net.state_dict()
    for key in ("objects.down.0.weight", "objects.up.3.bias", "objects.select_cube.weight", "objects.goal_offset"):
        torch.testing.assert_close(mine[key], theirs[key], rtol=0, atol=0)
    # bench/visuomotor_held_error.py on the demonstrations: the held frames' instructed cube is the TCP (the expert
    # grasps it within ~1 cm of its centre), the open frames' is the image's, as the policy reads them.
    held_bench = _bench("visuomotor_held_error")
    held = held_bench.run(str(tmp_path / "enc" / "best"), str(data), 2)
    assert held["held"]["frames"] > 10 and held["open"]["frames"] > 10 and held["lifted"]["frames"] > 0
    assert held["held"]["held_at_tcp"]["instructed"] < 1.5, held["held"]
    assert held["held"]["held_at_tcp"]["instructed"] < held["held"]["image"]["instructed"]
    assert all(held["open"]["held_at_tcp"][k] == v for k, v in held["open"]["image"].items()), held["open"]
    # bench/visuomotor_object_loop.py drives the policy on one selection seed and reads the head as it does.
    loop = _bench("visuomotor_object_loop").run(str(tmp_path / "run" / "last"), 1, 5, ENV)
    assert len(loop["episodes"]) == 1 and loop["mean_head_goal_cm_all"] >= 0


def _bench(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[2] / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
