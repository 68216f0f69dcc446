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


OVERLAY = CONFIG_DIR / "overlay" / "perception_loop.yaml"


@pytest.mark.parametrize("robot", ["panda", "ur5e", "fr3"])
def test_perception_loop_overlay_wires_the_sim_camera_to_the_perception_node(robot: str) -> None:
    """``sim.launch.py perception:=true`` reads the overlay after the robot's file: every node still validates,
    the sim arm stops publishing ground truth on scene/objects, and perception reads what the sim renders."""
    from robot.params import load_bridge_params
    from robot.sim_arm_node import config_from_argv

    files = [str(CONFIG_DIR / f"{robot}.yaml"), str(OVERLAY)]
    argv = ["armstack-sim-arm", "--ros-args", *[a for f in files for a in ("--params-file", f)]]
    arm = config_from_argv(argv)
    params = load_node_params(*files)
    bridge = load_bridge_params(files)
    assert arm.camera == params.perception.camera and not arm.publish_objects and arm.camera_depth
    assert params.topics.image_topic == f"{arm.camera}/image_raw"
    assert params.topics.camera_info_topic == f"{arm.camera}/camera_info"
    assert params.topics.depth_topic == f"{arm.camera}/depth/image_raw" and params.perception.use_depth
    assert set(params.perception.places) == {"pad", "bin"}  # the pick-and-place targets come from the images too
    assert bridge.perception_timeout_s > 0 and bridge.expected_state_rate_hz == arm.publish_rate_hz
