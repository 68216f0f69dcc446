"""The ``armstack_perception`` section of every shipped launch parameter file loads and validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from robot.perception.node_params import load_node_params

CONFIG_DIR = Path(__file__).resolve().parents[3] / "launch" / "config"


@pytest.mark.parametrize("path", sorted(CONFIG_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_parameter_files_hold_a_valid_perception_section(path: Path) -> None:
    params = load_node_params(path)
    assert params.perception.camera and params.topics.image_topic
    assert params.camera_pose_matrix() is not None or params.perception.calibration_file


def test_shipped_camera_pose_is_the_sim_front_camera_and_finds_the_cubes() -> None:
    import mujoco
    import numpy as np

    from robot.perception import Perception
    from robot.perception.sim_camera import SimCamera
    from sim.scene import build_scene

    params = load_node_params(CONFIG_DIR / "panda.yaml")
    scene = build_scene()
    data = mujoco.MjData(scene.model)
    mujoco.mj_forward(scene.model, data)
    with SimCamera(scene.model, params.perception.camera, 640, 480) as cam:
        pose = params.camera_pose_matrix()
        assert pose is not None and np.allclose(pose, cam.camera_pose(data), atol=1e-5)
        result = Perception(params.perception, cam.camera_model()).process(cam.render_rgb(data), "rgb8", 0.0, pose)
    for row, name in zip(result.object_poses(), params.perception.object_names, strict=True):
        body = mujoco.mj_name2id(scene.model, mujoco.mjtObj.mjOBJ_BODY, name)
        assert np.linalg.norm(row[:3] - data.xpos[body]) <= 0.01, name
