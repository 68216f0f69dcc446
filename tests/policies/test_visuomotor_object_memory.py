"""The object memory and the hard choice of the heatmap head (session 16): while the hand is clear of an object the
memory serves the mean of the head's positions over that run of steps, and keeps it while the hand is near (where
the fingers spoil the front image); ``hard_choice`` makes the instructed cube and the goal exactly the chosen
channel's. Both are read from policy.json's ``action`` by ``VisuomotorPolicy``."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

from policies.checkpoint import PolicySpec
from policies.errors import CheckpointError, PolicyError, TrainConfigError
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.heatmap import CameraCalibration, HeatmapHead
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.object_memory import ObjectMemory
from policies.visuomotor.policy import VisuomotorPolicy
from policies.visuomotor.scenes import camera_calibration

ENV, ROBOT = "armstack/PickPlace-v0", "panda"
GROUPS = ["red_cube", "green_cube", "blue_cube", "goal", "instructed"]
NAMES = tuple(f"{o}.{a}" for o in GROUPS for a in "xyz")
CUBE = np.array([0.5, 0.0, 0.022])
PAD = np.array([0.45, -0.2, 0.003])


def _points(cube: np.ndarray) -> np.ndarray:
    return np.stack([cube, cube + np.array([0.0, 0.15, 0.0]), cube + np.array([0.1, -0.1, 0.0]), PAD,
                     PAD + np.array([0.0, 0.4, 0.0])])


def test_the_memory_keeps_the_position_seen_while_the_hand_was_clear() -> None:
    memory = ObjectMemory(height_m=0.2, radius_m=0.1)
    high = CUBE + np.array([0.0, 0.0, 0.4])
    seen = [CUBE + np.array([0.01, 0.0, 0.0]), CUBE - np.array([0.01, 0.0, 0.0]), CUBE + np.array([0.0, 0.02, 0.0])]
    for p in seen:
        out = memory.update(_points(p), high)
    np.testing.assert_allclose(out[0], np.mean(seen, axis=0))  # the mean over the clear run
    # The hand comes down onto the cube and the head's position drifts 4 cm: the memory holds the clear mean.
    low = CUBE + np.array([0.0, 0.0, 0.01])
    out = memory.update(_points(CUBE + np.array([0.04, 0.0, 0.0])), low)
    np.testing.assert_allclose(out[0], np.mean(seen, axis=0))
    # The other cubes are more than radius_m away in the table plane: still clear, their run goes on (its mean).
    run = np.mean([*seen, CUBE + np.array([0.04, 0.0, 0.0])], axis=0)
    np.testing.assert_allclose(out[1], run + np.array([0.0, 0.15, 0.0]))
    # The hand rises again: a new run starts there (the cube may have been pushed), the old one is forgotten.
    moved = CUBE + np.array([0.03, 0.0, 0.0])
    out = memory.update(_points(moved), CUBE + np.array([0.0, 0.0, 0.3]))
    np.testing.assert_allclose(out[0], moved)
    memory.reset()
    # Never seen clear: the image's position stands.
    np.testing.assert_allclose(memory.update(_points(moved), low)[0], moved)


def test_the_memory_refuses_bad_settings_and_shapes() -> None:
    for bad in ((0.0, 0.1), (0.2, -1.0), (2.0, 0.1)):
        with pytest.raises(PolicyError, match="height_m and radius_m"):
            ObjectMemory(*bad)
    with pytest.raises(PolicyError, match=r"\(K, 3\) points and a \(3,\) TCP"):
        ObjectMemory().update(np.zeros((5, 2)), np.zeros(3))


def _calibration() -> CameraCalibration:
    return CameraCalibration.from_values(camera_calibration(ENV, ROBOT, "front", 64))


def test_a_hard_choice_is_exactly_the_chosen_channel() -> None:
    torch.manual_seed(0)
    head = HeatmapHead(NAMES, _calibration(), 384)
    with torch.no_grad():
        head.select_cube.weight.normal_(0.0, 0.05)
        head.select_place.weight.normal_(0.0, 0.05)
    image, text = torch.rand(2, 3, 64, 64), torch.randn(2, 384)
    points = head.points(image)
    torch.testing.assert_close(head.assemble(points, text), head(image, text))  # the soft default: forward
    soft, hard = head.assemble(points, text).reshape(2, 5, 3), head.assemble(points, text, hard=True).reshape(2, 5, 3)
    cube_w, place_w = head.choice_weights(text)
    assert ((cube_w > 0.0) & (cube_w < 1.0)).all()  # the soft choice mixes every cube in
    for b in range(2):
        chosen = int(cube_w[b].argmax())
        torch.testing.assert_close(hard[b, 4], points[b, chosen])
        assert not torch.allclose(soft[b, 4], points[b, chosen])
        torch.testing.assert_close(hard[b, 3], points[b, 3 + int(place_w[b].argmax())] +
                                   head.goal_offset[int(place_w[b].argmax())])
        assert torch.equal(hard[b, :3], points[b, :3])  # each cube's own channel is untouched


def _policy(action: dict[str, Any], **arch: Any) -> VisuomotorPolicy:
    params: dict[str, Any] = dict(cameras=2, channels=3, proprio_dim=8, text_dim=384, out_dim=5, chunk=3, width=32,
                                  grid=2, objects=15, object_names=NAMES, object_mean=(0.4,) * 15,
                                  object_std=(0.2,) * 15, object_head="heatmap",
                                  calibration=tuple(_calibration().values()), object_token=True,
                                  decoder_images=False, ee_index=0, ee_mean=(0.45, 0.0, 0.2),
                                  ee_std=(0.1, 0.1, 0.1))
    params.update(arch)
    torch.manual_seed(0)
    net = VisuomotorACT(**params).eval()
    spec = PolicySpec(architecture="visuomotor_act", arch_params={},
                      observation={"adapter": "visuomotor_v1", "cameras": ["front", "wrist"],
                                   "image_size": [64, 64], "proprio": ["ee_pose", "gripper"]},
                      action={"chunk": 3, "execution": "ensemble", **action},
                      normalization={"mean": [0.0] * 8, "std": [1.0] * 8}, robot=ROBOT, control_hz=20.0)

    class _Text:  # a fixed embedding: the sentence model is not what these tests are about
        def encode_one(self, text: str) -> np.ndarray:
            return np.random.default_rng(len(text)).standard_normal(384).astype(np.float32)

    return VisuomotorPolicy(spec, net, encoder=_Text())  # type: ignore[arg-type]


def _obs(rng: np.random.Generator, z: float) -> dict[str, Any]:
    return {"front_rgb": rng.integers(0, 256, (64, 64, 3), dtype=np.uint8),
            "wrist_rgb": rng.integers(0, 256, (64, 64, 3), dtype=np.uint8),
            "joint_pos": np.zeros(7), "ee_pose": np.array([0.5, 0.0, z, 1.0, 0.0, 0.0, 0.0]),
            "gripper": np.array([1.0]),
            "instruction": "put the red cube on the pad"}


def test_the_policy_acts_on_the_remembered_positions_while_the_hand_is_near() -> None:
    plain = _policy({})
    remembering = _policy({"object_memory": {"height_m": 0.2, "radius_m": 0.1}, "hard_choice": True})
    rng = np.random.default_rng(0)
    high = [_obs(rng, 0.6) for _ in range(3)]
    low = _obs(rng, 0.03)
    for obs in high:
        remembering.predict_chunk(obs)
    images, proprio, text, depth = remembering.inputs(low)
    net = remembering.network
    assert isinstance(net, VisuomotorACT)
    with torch.inference_mode():
        seen_high = torch.stack([net.heatmap_points(*remembering.inputs(o)[::3])[0] for o in high])
        seen_low = net.heatmap_points(images, depth)
        # Which channels the low hand is clear of (the policy's own rule), from the clear run's mean.
        mean_high = seen_high.mean(dim=0)
        near = (0.03 - mean_high[:, 2] <= 0.2) & ((torch.tensor([0.5, 0.0]) - mean_high[:, :2]).norm(dim=1) <= 0.1)
        # Near: the clear run's mean; clear: the run goes on, this step included.
        run = torch.cat([seen_high, seen_low]).mean(dim=0)
        expected_points = torch.where(near[:, None], mean_high, run).unsqueeze(0)
        expected = net(images, proprio, text, depth, points=expected_points, hard_choice=True)[0].numpy()
        from_image = net(images, proprio, text, depth, hard_choice=True)[0].numpy()
    np.testing.assert_allclose(remembering.predict_chunk(low), expected, rtol=1e-5, atol=1e-6)
    assert bool(near.any()) and not bool(near.all())  # both branches of the rule are exercised here
    assert not np.allclose(expected, from_image)
    # Without the settings the policy reads this step's image, the soft choice: the network's plain forward.
    with torch.inference_mode():
        np.testing.assert_allclose(plain.predict_chunk(low), net(images, proprio, text, depth)[0].numpy(),
                                   rtol=1e-5, atol=1e-6)
    remembering.reset()  # a new episode forgets the cube
    np.testing.assert_allclose(remembering.predict_chunk(low), from_image, rtol=1e-5, atol=1e-6)


def test_the_settings_need_the_heatmap_head_and_the_tcp() -> None:
    with pytest.raises(CheckpointError, match="need the heatmap object head"):
        _policy({"hard_choice": True}, object_head="mlp", calibration=())
    with pytest.raises(CheckpointError, match="malformed visuomotor spec"):
        _policy({"object_memory": {"height_m": 0.2}})


def test_the_recipe_keys_are_validated() -> None:
    base = dict(data="d", out="o", object_loss=1.0, object_token=True, init_encoder="enc", freeze_encoder=True,
                relative_token=True, proprio=("joint_pos", "ee_pose", "gripper"))
    VisuomotorConfig(**base, object_memory=True, hard_choice=True)  # type: ignore[arg-type]
    with pytest.raises(TrainConfigError, match="memory_height_m and memory_radius_m"):
        VisuomotorConfig(**base, object_memory=True, memory_radius_m=0.0)  # type: ignore[arg-type]
    with pytest.raises(TrainConfigError, match="needs ee_pose in proprio"):
        VisuomotorConfig(**{**base, "relative_token": False, "proprio": ("joint_pos", "gripper")},  # type: ignore[arg-type]
                         object_memory=True)
    with pytest.raises(TrainConfigError, match="need object_token and a heatmap init_encoder"):
        VisuomotorConfig(data="d", out="o", hard_choice=True)


def test_training_reads_the_head_through_the_memory_along_each_demonstration() -> None:
    from policies.visuomotor.data import ImageDemonstrations
    from policies.visuomotor.train import memory_points

    policy = _policy({})
    net = policy.network
    assert isinstance(net, VisuomotorACT)
    n = 6
    rng = np.random.default_rng(1)
    images = torch.from_numpy(rng.integers(0, 256, (n, 2, 3, 64, 64), dtype=np.uint8))
    depth = torch.zeros((n, 0, 64, 64), dtype=torch.int32)
    with torch.inference_mode():
        seen = net.heatmap_points(images, depth).numpy()
    # Two episodes of three frames: the hand high, high, then at the table (TCP in proprio columns 0-2: ee_index 0).
    proprio = np.zeros((n, 8), np.float32)
    proprio[:, :3] = [[0.5, 0.0, 0.7], [0.5, 0.0, 0.7], [0.5, 0.0, 0.02]] * 2
    demos = ImageDemonstrations(images=images.numpy(), depth=depth.numpy(), proprio=proprio,
                                text_index=np.zeros(n, np.int64), texts=("put the red cube on the pad",),
                                chunks=np.zeros((n, 3, 5), np.float32), mask=np.ones((n, 3), np.float32),
                                episode_of_frame=np.array([0, 0, 0, 1, 1, 1]), seeds=(0, 1), fps=20, robot=ROBOT,
                                state_names=(), source={})
    config = VisuomotorConfig(data="d", out="o", object_loss=1.0, object_token=True, init_encoder="enc",
                              freeze_encoder=True, relative_token=True, object_memory=True,
                              proprio=("joint_pos", "ee_pose", "gripper"))
    points = memory_points(net, demos, images, depth, config).numpy()
    for episode in (0, 1):
        memory = ObjectMemory(0.2, 0.1)
        for frame in range(3 * episode, 3 * episode + 3):
            np.testing.assert_allclose(points[frame], memory.update(seen[frame], proprio[frame, :3]), rtol=1e-6)
    # The second episode starts afresh: its first frame is what the head saw there, not the first episode's mean.
    np.testing.assert_allclose(points[3], seen[3], rtol=1e-6)
    assert not np.allclose(points[2], seen[2])  # at the table a channel under the hand keeps the clear mean
