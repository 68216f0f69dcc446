"""Approach frames (the open hand over the instructed cube, the cube moved under it), the TCP recorded per frame, the
scene-error bench's error by the hand's height, and pretraining from a pretrained encoder (``init_encoder``)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import numpy as np
import pytest
import torch
from test_visuomotor_heatmap import _bench

from policies.checkpoint import read_checkpoint, read_spec
from policies.errors import TrainConfigError
from policies.visuomotor.config import load_visuomotor_config
from policies.visuomotor.pretrain import PretrainConfig, load_pretrain_config, pretrain_object_encoder
from policies.visuomotor.scenes import (
    APPROACH_BELOW_M,
    APPROACH_CLEAR_M,
    APPROACH_HEIGHT_M,
    APPROACH_LOW_OFFSET_M,
    APPROACH_OFFSET_M,
    FRAME_KINDS,
    load_scene_frames,
    render_scenes,
    save_scene_frames,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor_pretrain")]

SIZE = 32
SEEDS = [3_000_990_011, 3_000_990_012, 3_000_990_013]
PUSH_SLACK_M = 0.003
"""The cube may be nudged a little by the expert's fingers on the way down; the offset is drawn on top of that."""


@pytest.fixture(scope="module")
def approach_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frames = render_scenes(SEEDS, image_size=SIZE, path_frames=0, random_poses=0, approach_frames=4)
    return save_scene_frames(tmp_path_factory.mktemp("approach") / "a.npz", frames)


@pytest.fixture(scope="module")
def heatmap_encoder(approach_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hm")
    val = save_scene_frames(root / "val.npz", render_scenes([3_000_990_021, 3_000_990_022], image_size=SIZE,
                                                            path_frames=1, random_poses=0, approach_frames=2))
    pretrain_object_encoder(PretrainConfig(train=(str(approach_file),), val=(str(val),), out=str(root / "enc"),
                                           steps=4, batch_size=8, log_every=4, object_head="heatmap",
                                           heatmap_width=16, width=32, grid=2))
    return root / "enc" / "best"


def test_approach_frames_show_the_open_hand_over_the_instructed_cube_moved_under_it(approach_file: Path,
                                                                                     tmp_path: Path) -> None:
    frames = load_scene_frames([approach_file])
    assert [FRAME_KINDS[k] for k in frames.kind] == ["reset", "approach", "approach", "approach", "approach"] * 3
    assert frames.tcp is not None and frames.tcp.shape == (len(frames.images), 3)
    ins = frames.object_names.index("instructed.x")
    offsets, lows = [], []
    for k in range(len(SEEDS)):
        rows = np.flatnonzero(frames.scene_of_frame == k)
        reset, approach = rows[0], rows[1:]
        home = frames.objects[reset, ins:ins + 3]
        for a in approach:
            cube = frames.objects[a, ins:ins + 3]
            # the instructed cube's own columns moved with it: the target names one position for both
            own = [j for j in range(0, ins, 3) if np.allclose(frames.objects[reset, j:j + 3], home)]
            assert len(own) == 1 and np.array_equal(frames.objects[a, own[0]:own[0] + 3], cube)
            above = frames.tcp[a, 2] - cube[2]
            assert -APPROACH_BELOW_M <= above <= APPROACH_HEIGHT_M  # the hand is coming down over it
            assert cube[2] == pytest.approx(home[2], abs=PUSH_SLACK_M)  # still on the table
            offset = float(np.linalg.norm(cube[:2] - home[:2]))
            low = above < 0.022 + APPROACH_CLEAR_M  # the Panda PickPlace cube's half size
            assert offset <= (APPROACH_LOW_OFFSET_M if low else APPROACH_OFFSET_M) + PUSH_SLACK_M
            offsets.append(offset)
            lows.append(low)
    # the cube is moved, not left where the expert's fingers centre on it
    assert np.mean(np.array(offsets) > 0.005) > 0.5, offsets
    # the frame shows the moved cube: the image of a moved cube differs from the same step with the cube left alone
    plain = render_scenes(SEEDS[:1], image_size=SIZE, path_frames=0, random_poses=0)
    np.testing.assert_array_equal(plain.images[0], frames.images[0])  # no approach frames: the former frames
    assert plain.tcp is not None
    np.testing.assert_allclose(plain.tcp[0], frames.tcp[0])
    # the TCP round-trips, and a file without it loads beside one with it as no TCP (as places do)
    old = save_scene_frames(tmp_path / "old.npz", dataclasses.replace(frames, tcp=None))
    assert load_scene_frames([old]).tcp is None and load_scene_frames([approach_file, old]).tcp is None
    with pytest.raises(TrainConfigError, match="approach_frames must be >= 0"):
        render_scenes(SEEDS[:1], image_size=SIZE, approach_frames=-1)


def test_the_scene_error_bench_bins_the_instructed_cubes_channel_by_the_hands_height(heatmap_encoder: Path,
                                                                                     approach_file: Path) -> None:
    bench = _bench("visuomotor_scene_error")
    report = bench.run(str(heatmap_encoder), [str(approach_file)])
    rows = report["by_height"]
    frames = load_scene_frames([approach_file])
    assert rows is not None and sum(r["frames"] for r in rows.values()) == len(frames.images)
    ins = frames.object_names.index("instructed.x")
    assert frames.tcp is not None
    above = 100 * (frames.tcp[:, 2] - frames.objects[:, ins + 2])
    edges = bench.HEIGHT_BINS_CM
    for lo, hi in itertools.pairwise(edges):
        count, name = int(np.sum((above >= lo) & (above < hi))), f"{lo:g}-{hi:g}"
        assert rows[name]["frames"] == count if count else name not in rows
    assert all(r["median_cm"] >= 0 and r["pixel_median"] >= 0 and r["at_true_height_cm"] >= 0 for r in rows.values())
    # the per-frame numbers are the head's own channel: recomputed here from the network for the reset frames
    _, net = read_checkpoint(heatmap_encoder)
    head = net.objects
    resets = np.flatnonzero(frames.kind == FRAME_KINDS.index("reset"))
    images = torch.from_numpy(frames.images[resets])
    with torch.inference_mode():
        points = head.points(net.encoder_inputs(images)[net.heatmap_camera][:, :3])
    truth = torch.from_numpy(frames.objects[resets, ins:ins + 3])
    channel = (torch.from_numpy(frames.objects[resets, :9]).reshape(-1, 3, 3) - truth[:, None]).norm(dim=-1).argmin(1)
    plane = 100 * (points[torch.arange(len(resets)), channel, :2] - truth[:, :2]).norm(dim=-1)
    top = [n for n in rows if n.endswith("-100")]
    assert top and rows[top[0]]["frames"] == len(resets)  # the reset frames are the only ones with the hand high
    assert rows[top[0]]["median_cm"] == pytest.approx(float(plane.median()), abs=0.01)


def test_pretraining_from_an_encoder_starts_from_its_weights_and_normalisation(heatmap_encoder: Path,
                                                                              approach_file: Path,
                                                                              tmp_path: Path) -> None:
    init_spec, init_net = read_checkpoint(heatmap_encoder)
    val = tuple(read_spec(heatmap_encoder).training["config"]["val"])
    config = PretrainConfig(train=(str(approach_file),), val=val,
                            out=str(tmp_path / "ft"), steps=1, batch_size=4, log_every=1, lr=1e-9,
                            object_head="heatmap", heatmap_width=16, width=32, grid=2,
                            init_encoder=str(heatmap_encoder))
    pretrain_object_encoder(config)
    spec, net = read_checkpoint(tmp_path / "ft" / "last")
    assert spec.arch_params["object_mean"] == init_spec.arch_params["object_mean"]
    assert spec.training["config"]["init_encoder"] == str(heatmap_encoder)
    mine, theirs = net.state_dict(), init_net.state_dict()
    for key in ("objects.down.0.weight", "objects.up.3.weight", "encoders.0.net.0.weight"):
        torch.testing.assert_close(mine[key], theirs[key], rtol=0, atol=1e-6)
    with pytest.raises(TrainConfigError, match=r"init_encoder .*: its heatmap_width, width") as err:
        pretrain_object_encoder(dataclasses.replace(config, width=64, heatmap_width=32, out=str(tmp_path / "bad")))
    assert "\n" not in str(err.value)



def test_the_approach_fine_tune_recipe_is_a_pretrain_config_from_the_policies_encoder() -> None:
    root = Path(__file__).resolve().parents[2] / "policies" / "visuomotor" / "recipes"
    config = load_pretrain_config(root / "pretrain" / "heatmap_approach.yaml", train=("a.npz",), val=("v.npz",),
                                  out="o")
    # it fine-tunes the encoder the shipped recipe's policies start from, with the heatmap head
    policy = load_visuomotor_config(root / "pickplace64_heatmap_held_full.yaml", data="d", out="o")
    assert config.init_encoder == policy.init_encoder and config.object_head == "heatmap"
    assert (config.width, config.grid, config.cameras) == (policy.width, policy.grid, policy.cameras)
