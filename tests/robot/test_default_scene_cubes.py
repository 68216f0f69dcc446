"""The bridge, the sim arm and perception expect the default scene's cubes (``sim.scene.SceneConfig``) by default."""

from __future__ import annotations

from robot.params import BridgeParams
from robot.perception.perception_config import PerceptionConfig
from robot.sim_arm_config import SimArmConfig
from sim.scene import SceneConfig


def test_the_nodes_default_cubes_are_the_default_scenes() -> None:
    scene = SceneConfig()
    assert BridgeParams().cubes == SimArmConfig().cubes == scene.cubes
    assert PerceptionConfig().object_names == scene.object_names
