"""Marker poses on MuJoCo-rendered 640x480 images: within 5 mm and 2 degrees of the true cube poses."""

from __future__ import annotations

from pathlib import Path

import mujoco
import numpy as np
import pytest
from perception_scenes import body_pose, hide_goal_marker, make_view_randomizer

from robot.perception import CameraModel, Perception, PerceptionConfig
from robot.perception.errors import PerceptionConfigError
from robot.perception.marker_config import MarkerConfig, sim_marker_config
from robot.perception.marker_detector import MarkerDetector
from robot.perception.pose_math import quat_to_matrix, rotation_angle_deg
from robot.perception.sim_camera import SimCamera
from sim.scene import Scene

MAX_POS_ERR_M = 0.005
MAX_ROT_ERR_DEG = 2.0


@pytest.mark.slow  # about 15 s: six 4x-supersampled renders
def test_marker_poses_match_ground_truth_over_random_views_and_lighting(marker_scene: Scene) -> None:
    model, data = marker_scene.model, mujoco.MjData(marker_scene.model)
    hide_goal_marker(model)
    rng = np.random.default_rng(7)
    randomize = make_view_randomizer("overhead", distance=(0.35, 0.55), elevation_deg=(50.0, 80.0))
    errors = []
    with SimCamera(model, "overhead", 640, 480, supersample=4) as cam:
        for _ in range(6):
            view = randomize(model, data, rng)
            detector = MarkerDetector(sim_marker_config(), cam.camera_model())
            gray = cam.render_rgb(data).mean(axis=2).astype(np.uint8)
            found = detector.detect(gray, cam.camera_pose(data))
            assert len(found) >= 2, (view, sorted(found))
            for name, det in found.items():
                pos, rot = body_pose(model, data, name)
                errors.append((float(np.linalg.norm(det.position - pos)),
                               rotation_angle_deg(quat_to_matrix(det.quat), rot), name, view))
    worst_pos = max(errors, key=lambda e: e[0])
    worst_rot = max(errors, key=lambda e: e[1])
    print(f"marker pose error over {len(errors)} detections: max {worst_pos[0] * 1000:.2f} mm, "
          f"max {worst_rot[1]:.2f} deg, mean {np.mean([e[0] for e in errors]) * 1000:.2f} mm")
    assert worst_pos[0] <= MAX_POS_ERR_M, worst_pos
    assert worst_rot[1] <= MAX_ROT_ERR_DEG, worst_rot


def test_pipeline_reports_marker_poses_in_env_layout(marker_scene: Scene) -> None:
    model, data = marker_scene.model, mujoco.MjData(marker_scene.model)
    hide_goal_marker(model)
    make_view_randomizer("overhead", distance=(0.45, 0.45), elevation_deg=(70.0, 70.0))(
        model, data, np.random.default_rng(1))
    with SimCamera(model, "overhead", 640, 480, supersample=4) as cam:
        perception = Perception(PerceptionConfig(camera="overhead", object_names=marker_scene.object_names),
                                cam.camera_model())
        result = perception.process(cam.render_rgb(data), "rgb8", 1.5, cam.camera_pose(data))
    poses = result.object_poses()
    assert poses.shape == (len(marker_scene.object_names), 7)
    for row, name in zip(poses, marker_scene.object_names, strict=True):
        pos, _ = body_pose(model, data, name)
        assert np.linalg.norm(row[:3] - pos) <= MAX_POS_ERR_M, name
    scene = result.scene()
    assert [o["name"] for o in scene["objects"]] == list(marker_scene.object_names)
    assert scene["stamp"] == 1.5 and scene["frame"] == "base"


def test_marker_config_yaml_round_trip_and_rejects_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "markers.yaml"
    path.write_text("dictionary: DICT_APRILTAG_36h11\nmarkers:\n  - {id: 3, object: red_cube, size: 0.04,"
                    " position: [0, 0, 0.02]}\n")
    config = MarkerConfig.load(path)
    assert config.dictionary == "DICT_APRILTAG_36h11" and config.by_id[3].object == "red_cube"
    assert config.by_id[3].object_from_marker[2, 3] == pytest.approx(0.02)
    path.write_text("markers:\n  - {id: 3, object: red_cube, size: 0.04, offset: [0, 0, 0]}\n")
    with pytest.raises(PerceptionConfigError, match=r"unknown key.*offset.*valid keys"):
        MarkerConfig.load(path)
    with pytest.raises(PerceptionConfigError, match=r"unknown marker dictionary 'DICT_9X9'.*valid"):
        MarkerConfig(dictionary="DICT_9X9")


def test_markers_for_objects_outside_the_scene_are_refused() -> None:
    camera = CameraModel.from_fovy("front", 640, 480, 45.0)
    with pytest.raises(PerceptionConfigError, match="purple_cube"):
        Perception(PerceptionConfig(camera="front", object_names=("red_cube",)), camera,
                   marker_config=sim_marker_config(("red", "purple")))
