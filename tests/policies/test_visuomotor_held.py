"""A held cube at the TCP (``held_at_tcp``, policies.visuomotor.heatmap.hold_at_tcp): while the finger opening says the
hand holds a cube, the object head's instructed cube (and its colour's channel) is the TCP from proprioception; with
the hand open or shut on nothing the image's positions stand. Also the choice loss of heatmap pretraining
(``choice_weight``) against none on the same seed (REV s12 R3)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import torch

from policies.checkpoint import read_checkpoint
from policies.errors import TrainConfigError
from policies.text import shared_encoder
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.heatmap import HELD_OPENING, CameraCalibration, HeatmapHead, held_mask, hold_at_tcp
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.pretrain import PretrainConfig, _PixelTargets, pretrain_object_encoder
from policies.visuomotor.scenes import camera_calibration, load_scene_frames, render_scenes, save_scene_frames

ENV, ROBOT = "armstack/PickPlace-v0", "panda"
GROUPS = ["red_cube", "green_cube", "blue_cube", "goal", "instructed"]
NAMES = tuple(f"{o}.{a}" for o in GROUPS for a in "xyz")
CUBES = ("red_cube", "green_cube", "blue_cube")


def test_the_finger_opening_says_when_a_cube_is_held() -> None:
    # Open (1), closing or closed on a cube (0.52-0.76 in the expert's episodes), shut on nothing (0).
    opening = torch.tensor([1.0, 0.97, 0.94, 0.76, 0.55, 0.21, 0.19, 0.0])
    assert held_mask(opening).tolist() == [0, 0, 1, 1, 1, 1, 0, 0]
    assert held_mask(opening, (0.5, 0.6)).tolist() == [0, 0, 0, 0, 1, 0, 0, 0]
    for bad in ((0.6, 0.5), (-0.1, 0.9), (0.2, 1.2)):
        with pytest.raises(ValueError, match="0 <= low < high <= 1"):
            held_mask(opening, bad)


def test_a_held_cube_is_put_at_the_tcp_and_nothing_else_moves() -> None:
    gen = torch.Generator().manual_seed(0)
    metres = torch.rand(3, 15, generator=gen)
    tcp = torch.tensor([[0.5, 0.1, 0.2], [0.4, -0.1, 0.3], [0.6, 0.0, 0.15]])
    held = torch.tensor([0.0, 1.0, 1.0])
    weights = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.5, 0.5]])
    out = hold_at_tcp(metres, GROUPS, tcp, held, weights, CUBES).reshape(3, 5, 3)
    before = metres.reshape(3, 5, 3)
    assert torch.equal(out[0], before[0])  # the hand open: the image's positions stand
    torch.testing.assert_close(out[1, 4], tcp[1])  # held: the instructed cube is the TCP
    torch.testing.assert_close(out[1, 1], tcp[1])  # and so is the chosen colour's channel
    assert torch.equal(out[1, [0, 2, 3]], before[1, [0, 2, 3]])  # the other cubes and the goal stay
    # A soft choice moves each channel by its weight toward the TCP; the instructed cube goes all the way.
    torch.testing.assert_close(out[2, 1], 0.5 * (before[2, 1] + tcp[2]))
    torch.testing.assert_close(out[2, 4], tcp[2])
    # Without the head's choice only the instructed target moves.
    plain = hold_at_tcp(metres, GROUPS, tcp, held).reshape(3, 5, 3)
    assert torch.equal(plain[1, :4], before[1, :4])
    torch.testing.assert_close(plain[1, 4], tcp[1])


def _network(**extra: Any) -> VisuomotorACT:
    front = CameraCalibration.from_values(camera_calibration(ENV, ROBOT, "front", 64))
    return VisuomotorACT(cameras=2, channels=3, proprio_dim=12, text_dim=384, out_dim=5, chunk=4, width=32, grid=2,
                         objects=15, object_names=NAMES, object_mean=(0.4,) * 15, object_std=(0.2,) * 15,
                         object_head="heatmap", calibration=tuple(front.values()), object_token=True,
                         decoder_images=False, ee_index=7, ee_mean=(0.45, 0.0, 0.2), ee_std=(0.1, 0.1, 0.1),
                         **extra)


def test_the_policy_network_reads_the_held_cube_from_proprioception() -> None:
    torch.manual_seed(0)
    net = _network(gripper_index=11, gripper_mean=0.8, gripper_std=0.2)
    images = torch.randint(0, 256, (2, 2, 3, 64, 64), dtype=torch.uint8)
    text = torch.randn(2, 384)
    proprio = torch.randn(2, 12)
    tcp_norm = torch.tensor([[0.5, -1.0, 2.0], [1.0, 0.3, -0.5]])
    proprio[:, 7:10] = tcp_norm
    proprio[0, 11] = (1.0 - 0.8) / 0.2  # open
    proprio[1, 11] = (0.55 - 0.8) / 0.2  # holding a cube
    image_only = net.predict_objects(images, text)
    _, objects = net.forward_with_objects(images, proprio, text)
    assert objects is not None
    torch.testing.assert_close(objects[0], image_only[0])
    tcp = tcp_norm[1] * 0.1 + torch.tensor([0.45, 0.0, 0.2])
    metres = (objects[1] * 0.2 + 0.4).reshape(5, 3)
    torch.testing.assert_close(metres[4], tcp)
    assert not torch.allclose(image_only[1].reshape(5, 3)[4] * 0.2 + 0.4, tcp, atol=1e-3)
    # The decoder sees it: the same frame with the hand open gives other actions.
    opened = proprio.clone()
    opened[1, 11] = (1.0 - 0.8) / 0.2
    assert not torch.allclose(net(images, proprio, text)[1], net(images, opened, text)[1])
    # Without the rule the network is unchanged: the same weights read the image's instructed cube.
    plain = _network()
    plain.load_state_dict(net.state_dict())
    torch.testing.assert_close(plain.forward_with_objects(images, proprio, text)[1], image_only)


def test_bad_held_settings_are_refused() -> None:
    with pytest.raises(ValueError, match=r"gripper_index .* needs ee_index"):
        VisuomotorACT(cameras=1, channels=3, proprio_dim=12, text_dim=8, out_dim=5, chunk=2, width=32, grid=2,
                      objects=15, object_names=NAMES, object_mean=(0.0,) * 15, object_std=(1.0,) * 15,
                      object_token=True, gripper_index=11)
    with pytest.raises(ValueError, match="0 <= low < high <= 1"):
        _network(gripper_index=11, held_opening=(0.9, 0.2))
    base: dict[str, Any] = {"data": "d", "out": "o", "object_loss": 1.0, "object_token": True}
    with pytest.raises(TrainConfigError, match="held_at_tcp needs relative_token"):
        VisuomotorConfig(**base, held_at_tcp=True)
    with pytest.raises(TrainConfigError, match="gripper in proprio"):
        VisuomotorConfig(**base, relative_token=True, held_at_tcp=True, proprio=("joint_pos", "ee_pose"))
    with pytest.raises(TrainConfigError, match="held_opening"):
        VisuomotorConfig(**base, relative_token=True, held_at_tcp=True, held_opening=(0.95, 0.2))
    assert VisuomotorConfig(**base, relative_token=True, held_at_tcp=True).held_opening == HELD_OPENING


@pytest.mark.slow
def test_the_choice_loss_sharpens_the_instructions_choice(tmp_path: Path) -> None:
    """REV s12 R3: the same seed and steps with choice_weight 1 and 0; the term's cross-entropy must fall further."""
    train = save_scene_frames(tmp_path / "train.npz", render_scenes(list(range(81, 87)), image_size=32,
                                                                    path_frames=1, random_poses=0))
    val = save_scene_frames(tmp_path / "val.npz", render_scenes([91, 92], image_size=32, path_frames=0,
                                                                random_poses=0))
    config = PretrainConfig(train=(str(train),), val=(str(val),), out=str(tmp_path / "w0"), steps=100, batch_size=8,
                            log_every=100, object_head="heatmap", heatmap_width=8, lr=3e-3, choice_weight=0.0)
    assert PretrainConfig(train=(str(train),), val=(str(val),), out="o").choice_weight == 0.0  # the default
    frames = load_scene_frames([train])
    text = torch.from_numpy(shared_encoder().encode(list(frames.texts)))[torch.from_numpy(frames.text_index)]
    losses = {}
    for weight in (0.0, 1.0):
        out = tmp_path / f"w{weight:g}"
        pretrain_object_encoder(dataclasses.replace(config, out=str(out), choice_weight=weight))
        _, net = read_checkpoint(out / "last")
        assert isinstance(net, VisuomotorACT) and isinstance(net.objects, HeatmapHead)
        labels = _PixelTargets(net, frames, load_scene_frames([val]))
        with torch.no_grad():
            cube_logits, place_logits = net.objects.choice_logits(text)
            losses[weight] = float(torch.nn.functional.cross_entropy(cube_logits, labels.cube_index)
                                   + torch.nn.functional.cross_entropy(place_logits, labels.place_index))
    # ln 3 + ln 2 = 1.79 for an even choice; the metres loss alone barely moves it in 30 steps.
    assert losses[1.0] < 0.5 * losses[0.0], losses
