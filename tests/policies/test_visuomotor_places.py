"""Where the pad and the bin stand in the pretraining scenes (``SceneFrames.places``), the auxiliary place loss of
pretraining (``place_weight``) and the goal error per place in bench/visuomotor_scene_error.py: real renders, real
resets, real training."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import pytest

from policies.checkpoint import read_checkpoint
from policies.errors import TrainConfigError
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.pretrain import PretrainConfig, pretrain_object_encoder
from policies.visuomotor.scenes import PLACE_NAMES, add_places, load_scene_frames, render_scenes, save_scene_frames
from policies.visuomotor.scenes import main as scenes_main

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor_pretrain")]

SIZE = 32
NET: dict[str, Any] = {"width": 32, "grid": 2}
TRAIN_SEEDS = [41, 42, 43, 44, 45, 46]
VAL_SEEDS = [51, 52, 53, 54]


@pytest.fixture(scope="module")
def place_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("places")
    train = save_scene_frames(root / "train.npz", render_scenes(TRAIN_SEEDS, image_size=SIZE, path_frames=1,
                                                                random_poses=1))
    val = save_scene_frames(root / "val.npz", render_scenes(VAL_SEEDS, image_size=SIZE, path_frames=1,
                                                            random_poses=0))
    return train, val


def _pad_named(frames: Any) -> np.ndarray:
    """Per frame, whether the words name the pad (every pad template says 'pad' or 'square'; bin ones 'bin'/'box')."""
    return np.array([any(w in frames.texts[i] for w in ("pad", "square")) for i in frames.text_index])


def test_frames_record_where_the_pad_and_the_bin_stand_and_the_goal_is_the_named_one(
        place_files: tuple[Path, Path]) -> None:
    frames = load_scene_frames([place_files[0]])
    assert frames.places is not None and frames.places.shape == (len(frames.images), len(PLACE_NAMES))
    env: Any = gym.make("armstack/PickPlace-v0", robot="panda").unwrapped
    g = frames.object_names.index("goal.x")
    for k, seed in enumerate(TRAIN_SEEDS):
        env.reset(seed=seed)
        rows = frames.places[frames.scene_of_frame == k]
        np.testing.assert_allclose(rows, np.tile(np.concatenate([env.view.pad_pos, env.view.bin_pos]), (len(rows), 1)),
                                   atol=1e-6)  # every frame of a scene: the reset's places (they never move)
        named = slice(0, 2) if env.goal.target == "target_pad" else slice(3, 5)
        other = slice(3, 5) if env.goal.target == "target_pad" else slice(0, 2)
        goal_xy = frames.objects[frames.scene_of_frame == k, g:g + 2]
        np.testing.assert_allclose(goal_xy, rows[:, named], atol=1e-5)
        assert np.all(np.linalg.norm(goal_xy - rows[:, other], axis=1) > 0.05)  # the other place stands elsewhere
    env.close()


def test_add_places_rebuilds_them_for_an_older_file_and_refuses_a_layout_it_cannot_reproduce(
        place_files: tuple[Path, Path], tmp_path: Path) -> None:
    frames = load_scene_frames([place_files[0]])
    older = save_scene_frames(tmp_path / "older.npz", dataclasses.replace(frames, places=None))
    assert load_scene_frames([older]).places is None
    assert load_scene_frames([older, place_files[1]]).places is None  # kept only when every file has them
    scenes_main(["--add-places", str(older)])
    again = load_scene_frames([older])
    assert again.places is not None
    np.testing.assert_allclose(again.places, frames.places, atol=1e-6)  # type: ignore[arg-type]
    np.testing.assert_array_equal(again.images, frames.images)
    np.testing.assert_array_equal(again.objects, frames.objects)
    # Seeds that are not the file's layouts: the reset puts neither place at the recorded goal.
    moved = dataclasses.replace(frames, places=None, seeds=tuple(s + 1000 for s in frames.seeds))
    with pytest.raises(TrainConfigError, match="puts neither place at the file's goal"):
        add_places(moved)
    with pytest.raises(TrainConfigError, match="record no env or robot"):
        add_places(dataclasses.replace(frames, env_id=None))
    save_scene_frames(tmp_path / "moved.npz", moved)
    with pytest.raises(SystemExit, match=r"^error: a reset of seed \d+ puts neither place") as err:
        scenes_main(["--add-places", str(tmp_path / "moved.npz")])
    assert "\n" not in str(err.value)
    with pytest.raises(SystemExit):
        scenes_main(["--out", str(tmp_path / "x.npz")])  # rendering still needs --count


def test_place_weight_trains_a_place_layer_that_is_not_saved_and_needs_places(place_files: tuple[Path, Path],
                                                                              tmp_path: Path) -> None:
    for bad in (-0.5, float("nan"), float("inf")):
        with pytest.raises(TrainConfigError, match="place_weight must be a finite number >= 0"):
            PretrainConfig(train=("a.npz",), val=("b.npz",), out="o", place_weight=bad)
    older = save_scene_frames(tmp_path / "older.npz",
                              dataclasses.replace(load_scene_frames([place_files[0]]), places=None))
    with pytest.raises(TrainConfigError, match="--add-places"):
        pretrain_object_encoder(PretrainConfig(train=(str(older),), val=(str(place_files[1]),),
                                               out=str(tmp_path / "no"), steps=2, place_weight=1.0, **NET))
    out = tmp_path / "enc"
    pretrain_object_encoder(PretrainConfig(train=(str(place_files[0]),), val=(str(place_files[1]),), out=str(out),
                                           steps=60, batch_size=16, lr=3e-3, log_every=20, colour_jitter=0.0,
                                           place_weight=1.0, **NET))
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [20, 40, 60]
    assert all(set(r["val_place_cm"]) == {"pad", "bin"} and all(np.isfinite(list(r["val_place_cm"].values())))
               for r in rows)
    assert rows[-1]["loss"] < rows[0]["loss"]  # the object and place losses together fall
    spec, net = read_checkpoint(out / "best")
    assert spec.training is not None and spec.training["config"]["place_weight"] == 1.0
    # The place layer is training-only: the checkpoint holds exactly the policy network's weights.
    assert isinstance(net, VisuomotorACT)
    assert set(net.state_dict()) == set(VisuomotorACT(**spec.arch_params).state_dict())


def test_scene_error_bench_reports_the_goal_per_place_against_knowing_only_the_place(
        place_files: tuple[Path, Path], tmp_path: Path) -> None:
    enc = tmp_path / "enc"
    pretrain_object_encoder(PretrainConfig(train=(str(place_files[0]),), val=(str(place_files[1]),), out=str(enc),
                                           steps=4, batch_size=8, log_every=2, **NET))
    spec = importlib.util.spec_from_file_location(
        "visuomotor_scene_error", Path(__file__).parents[2] / "bench" / "visuomotor_scene_error.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    frames = load_scene_frames([place_files[1]])
    out = bench.run(str(enc / "best"), [str(place_files[1])])
    by_place = out["goal_by_place"]
    pad = _pad_named(frames)
    assert {p: v["frames"] for p, v in by_place.items()} == \
        {p: n for p, n in (("pad", int(pad.sum())), ("bin", int((~pad).sum()))) if n}
    assert sum(v["mean"] * v["frames"] for v in by_place.values()) / out["frames"] == \
        pytest.approx(out["per_target"]["goal"], abs=0.02)
    g = frames.object_names.index("goal.x")
    if pad.any():  # the pad's prior: its frames' goal positions about their mean
        where = frames.objects[pad, g:g + 3]
        assert by_place["pad"]["prior_cm"] == pytest.approx(
            100 * np.linalg.norm(where - where.mean(axis=0), axis=1).mean(), abs=0.01)
    older = save_scene_frames(tmp_path / "older.npz", dataclasses.replace(frames, places=None))
    assert bench.run(str(enc / "best"), [str(older)])["goal_by_place"] is None
