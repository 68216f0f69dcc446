"""Rendered scenes with exact ground truth for the perception tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest's default "prepend" import mode puts tests/ on sys.path but not the repository root, so
# ``robot.perception`` resolves to this folder (tests/robot/perception, a namespace package) instead of the
# package. Until pyproject's pytest options set ``pythonpath = ["."]``, put the root first and drop the
# namespace stand-ins imported so far.
_ROOT = str(Path(__file__).resolve().parents[3])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)
for _name in [m for m in sys.modules if m in ("robot", "robot.perception")]:
    if getattr(sys.modules[_name], "__file__", None) is None:
        del sys.modules[_name]

from sim.scene import Scene, SceneConfig, build_scene  # noqa: E402


@pytest.fixture(scope="module")
def marker_scene() -> Scene:
    # 4x supersampling of 640x480 needs a 2560x1920 offscreen buffer.
    return build_scene(SceneConfig(marker_textures=True, offscreen_size=(2560, 1920)))


@pytest.fixture(scope="module")
def color_scene() -> Scene:
    return build_scene(SceneConfig(cubes=("red", "green", "blue", "yellow"), offscreen_size=(1280, 960)))
