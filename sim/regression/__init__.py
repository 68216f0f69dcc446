"""Simulated regression tier: fixed-seed scenes with success thresholds, and golden trajectories.

``armstack regress`` and ``pytest -m regression`` run the scenes in ``scenes/*.yaml`` (one scene per
file, named after it) and replay the recorded episodes in ``golden/*.npz``.
"""

from sim.regression.golden import (
    DEFAULT_ATOL,
    GOLDEN_CASES,
    GOLDEN_DIR,
    GoldenCase,
    GoldenResult,
    golden_files,
    record_golden,
    replay_all,
    replay_golden,
)
from sim.regression.runner import SceneResult, load_policy, run_regression, run_scene
from sim.regression.scene_spec import BUILTIN_SCENE_DIR, RegressionScene, load_scene, load_scenes

__all__ = [
    "BUILTIN_SCENE_DIR", "DEFAULT_ATOL", "GOLDEN_CASES", "GOLDEN_DIR", "GoldenCase", "GoldenResult",
    "RegressionScene", "SceneResult", "golden_files", "load_policy", "load_scene", "load_scenes",
    "record_golden", "replay_all", "replay_golden", "run_regression", "run_scene",
]
