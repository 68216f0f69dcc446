"""The sim arm's ``camera`` parameter takes the scene's cameras (``sim.scene.CAMERAS``), no list of its own."""

from __future__ import annotations

import pytest

from robot.errors import ParameterError
from robot.sim_arm_config import SimArmConfig
from sim.scene import CAMERAS


def test_every_scene_camera_is_accepted_and_another_name_lists_them() -> None:
    assert SimArmConfig(camera=",".join(CAMERAS)).cameras == CAMERAS
    with pytest.raises(ParameterError, match=f"distinct names of {', '.join(CAMERAS)} separated by commas"):
        SimArmConfig(camera="top")
    with pytest.raises(ParameterError, match="valid: '' \\(off\\)"):
        SimArmConfig(camera=f"{CAMERAS[0]},{CAMERAS[0]}")
