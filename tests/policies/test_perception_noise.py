"""The perception noise model of bench/perception_noise.py: late, noisy and sometimes stale cube poses."""

from __future__ import annotations

import runpy
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
bench = SimpleNamespace(**runpy.run_path(str(ROOT / "bench" / "perception_noise.py"), run_name="perception_noise"))


class _Seen:
    spec = None

    def __init__(self) -> None:
        self.poses: list[np.ndarray] = []

    def reset(self) -> None:
        self.poses.clear()

    def __call__(self, obs: dict[str, Any]) -> np.ndarray:
        self.poses.append(obs["object_poses"].copy())
        return np.zeros(5, np.float32)


def _truth(t: int) -> np.ndarray:
    poses = np.zeros((3, 7))
    poses[:, 0] = t  # x counts the steps
    poses[:, 3] = 1.0
    return poses


def test_poses_arrive_late_with_the_measured_noise() -> None:
    seen = _Seen()
    wrapped = bench.PerceivedPoses(seen, bench.PoseNoise(pos_m=0.002, rot_rad=0.01, delay_steps=1, dropout=0.0), 0)
    for t in range(400):
        wrapped({"object_poses": _truth(t)})
    got = np.stack(seen.poses)
    lag = got[1:, :, 0] - np.arange(400)[1:, None]
    assert abs(float(lag.mean()) + 1.0) < 1e-3  # one step late
    assert 0.0017 < float(got[1:, :, 1].std()) < 0.0023  # y noise: the 2 mm sigma
    np.testing.assert_allclose(np.linalg.norm(got[:, :, 3:], axis=2), 1.0, atol=1e-9)  # unit quaternions
    assert float(np.abs(got[:, :, 4:]).max()) > 0.001  # orientation perturbed


def test_a_missed_detection_repeats_the_last_pose() -> None:
    seen = _Seen()
    wrapped = bench.PerceivedPoses(seen, bench.PoseNoise(pos_m=0.001, rot_rad=0.0, delay_steps=0, dropout=0.5), 1)
    for t in range(200):
        wrapped({"object_poses": _truth(t)})
    got = np.stack(seen.poses)
    repeated = (np.diff(got[:, :, 0], axis=0) == 0).mean()
    assert 0.4 < repeated < 0.6
    wrapped.reset()
    assert seen.poses == [] and wrapped._last is None
