"""``success_tail``: a full-episode dataset (``datagen --full-episodes``) cut some frames past each first success, so
the frames after a release (the gripper open) are taught without the long hold that follows (issue 18, session 14)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from policies.checkpoint import read_spec
from policies.errors import TrainConfigError
from policies.visuomotor.config import VisuomotorConfig, load_visuomotor_config
from policies.visuomotor.data import SUCCESS_KEY, load_image_demonstrations, success_cut
from policies.visuomotor.train import train_visuomotor
from sim.datagen import DatagenConfig, run_datagen
from sim.dataset import DatasetReader

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("visuomotor")]

CAMERAS = ("front", "wrist")
CHUNK = 4


@pytest.fixture(scope="module")
def full_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vm_tail") / "rgb_full"
    run_datagen(DatagenConfig(env_id="armstack/Reach-v0", robot="panda", episodes=2, workers=1, obs=("state", "rgb"),
                              cameras=CAMERAS, image_size=32, seed=3, out=str(out), full_episodes=True),
                progress=False)
    return out


def _first_successes(root: Path) -> list[tuple[int, int]]:
    """(first success frame, frames) of each episode, read straight from the dataset."""
    with DatasetReader(root) as reader:
        out = []
        for k in range(reader.num_episodes):
            success = np.asarray(reader.episode(k, [SUCCESS_KEY])[SUCCESS_KEY]).reshape(-1)
            out.append((int(np.flatnonzero(success)[0]), len(success)))
    return out


def test_success_cut_keeps_the_frames_to_the_first_success_and_the_tail() -> None:
    success = np.array([0, 0, 1, 1, 0, 1, 0, 0], bool)
    assert success_cut(success, 0) == 3  # frames 0..2: the action of frame 2 made the first success
    assert success_cut(success, 2) == 5
    assert success_cut(success, 50) == 8  # never past the episode
    assert success_cut(success, None) == 8
    assert success_cut(np.zeros(6, bool), 1) == 6  # no success: nothing to cut at


def test_loader_cuts_each_episode_past_its_first_success(full_dataset: Path) -> None:
    firsts = _first_successes(full_dataset)
    assert all(first + 10 < frames for first, frames in firsts)  # the expert succeeds well before max_steps
    whole = load_image_demonstrations(full_dataset, CAMERAS, CHUNK)
    cut = load_image_demonstrations(full_dataset, CAMERAS, CHUNK, success_tail=3)
    assert len(whole.proprio) == sum(frames for _, frames in firsts)
    kept = [first + 1 + 3 for first, _ in firsts]
    np.testing.assert_array_equal(np.bincount(cut.episode_of_frame), kept)
    # The kept frames are the first frames of each episode, and their chunks still read the actions taken after the
    # cut (the mask stays 1 there): the last kept frame is taught its whole chunk.
    rows = np.concatenate([np.flatnonzero(whole.episode_of_frame == k)[:n] for k, n in enumerate(kept)])
    np.testing.assert_array_equal(cut.images, whole.images[rows])
    np.testing.assert_array_equal(cut.proprio, whole.proprio[rows])
    np.testing.assert_array_equal(cut.chunks, whole.chunks[rows])
    np.testing.assert_array_equal(cut.mask, whole.mask[rows])
    assert cut.mask.min() == 1.0 and whole.mask.min() == 0.0


def test_training_reads_the_cut_frames_and_refuses_a_negative_tail(full_dataset: Path, tmp_path: Path) -> None:
    tiny = {"steps": 2, "batch_size": 4, "chunk": CHUNK, "width": 32, "grid": 2, "layers": 1, "heads": 2,
            "log_every": 2, "save_every": 2, "threads": 1}
    train_visuomotor(VisuomotorConfig(data=str(full_dataset), out=str(tmp_path / "run"), success_tail=2, **tiny),
                     progress=False)  # type: ignore[arg-type]
    spec = read_spec(tmp_path / "run" / "last")
    assert spec.data["frames"] == sum(first + 1 + 2 for first, _ in _first_successes(full_dataset))
    assert spec.training["config"]["success_tail"] == 2
    with pytest.raises(TrainConfigError, match="success_tail"):
        load_visuomotor_config(None, data="d", out="o", success_tail=-1)
