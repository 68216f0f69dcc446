"""Hand-eye calibration recovers a known simulated camera mount from rendered marker views."""

from __future__ import annotations

import cv2
import mujoco
import numpy as np
import pytest
from perception_scenes import hide_goal_marker

from robot.perception import CalibrationError
from robot.perception.calibration import calibrate_hand_eye, park_martin, target_pose
from robot.perception.calibration_targets import MarkerField
from robot.perception.pose_math import invert_transform, make_transform, matrix_to_quat, rotation_angle_deg
from robot.perception.sim_camera import SimCamera, place_camera
from sim import scene as scene_mod
from sim.scene import Scene
from sim.scene_view import SceneView

MIN_POSES = 10


# Three marked cubes held rigidly below the gripper (a calibration target on the flange), each at an offset in
# the TCP frame; flipped so that their markers face up while the TCP's z axis points down.
_FLIP = make_transform(np.diag([1.0, -1.0, -1.0]), (0.0, 0.0, 0.0))
_HELD_OFFSETS = {"red_cube": (0.0, -0.07, 0.11), "green_cube": (0.0, 0.07, 0.11), "blue_cube": (0.07, 0.0, 0.11)}


def _held_target() -> tuple[dict[str, np.ndarray], MarkerField]:
    tcp_from_cube = {n: make_transform(np.eye(3), o) @ _FLIP for n, o in _HELD_OFFSETS.items()}
    h = scene_mod.CUBE_MARKER_PLATE_HALF * scene_mod.MARKER_FRACTION
    top = scene_mod.CUBE_HALF + 2 * scene_mod.MARKER_PLATE_THICKNESS
    local = np.array([[-h, h, top], [h, h, top], [h, -h, top], [-h, -h, top]])
    corners = {scene_mod.CUBE_MARKER_IDS[n.split("_")[0]]: local @ t[:3, :3].T + t[:3, 3]
               for n, t in tcp_from_cube.items()}
    return tcp_from_cube, MarkerField(scene_mod.MARKER_DICTIONARY, corners)


@pytest.mark.slow  # about 20 s: up to 24 supersampled renders
def test_hand_eye_recovers_a_fixed_camera_mount_from_rendered_views(marker_scene: Scene) -> None:
    """Eye-to-hand: the world camera is the unknown; the target rides on the gripper through >= 10 poses."""
    model, data = marker_scene.model, mujoco.MjData(marker_scene.model)
    hide_goal_marker(model)
    view = SceneView(marker_scene, data)
    home = np.array(marker_scene.robot.home)
    tcp_from_cube, field = _held_target()
    place_camera(model, "overhead", (0.85, 0.12, 0.72), (0.35, 0.0, 0.3), fovy_deg=45.0)
    rng = np.random.default_rng(5)
    robot_poses, target_poses = [], []
    with SimCamera(model, "overhead", 640, 480, supersample=2) as cam:
        camera = cam.camera_model()
        for _ in range(24):
            data.qpos[view.arm_q] = home + rng.uniform(-0.3, 0.3, home.size)
            mujoco.mj_forward(model, data)
            base_from_tcp = make_transform(view.tcp_mat.copy(), view.tcp_pos.copy())
            for name, tcp_from in tcp_from_cube.items():  # carry the target kinematically
                pose = base_from_tcp @ tcp_from
                adr = view.object_qadr[name]
                data.qpos[adr : adr + 3] = pose[:3, 3]
                data.qpos[adr + 3 : adr + 7] = matrix_to_quat(pose[:3, :3])
            mujoco.mj_forward(model, data)
            gray = cam.render_rgb(data).mean(axis=2).astype(np.uint8)
            found = field.detect_points(gray)
            solved = target_pose(gray, field, camera)
            # Keep views showing all three markers with a clean fit, as one would when calibrating by hand.
            if found is None or solved is None or len(found[0]) < 12 or solved[1] > 0.5:
                continue
            robot_poses.append(base_from_tcp)
            target_poses.append(solved[0])
            if len(robot_poses) == 12:
                break
        truth = cam.camera_pose(data)
    assert len(robot_poses) >= MIN_POSES, f"only {len(robot_poses)} usable views"
    estimate = calibrate_hand_eye(robot_poses, target_poses, mount="eye_to_hand")
    pos_err = float(np.linalg.norm(estimate[:3, 3] - truth[:3, 3]))
    rot_err = rotation_angle_deg(estimate[:3, :3], truth[:3, :3])
    print(f"hand-eye from {len(robot_poses)} poses: {pos_err * 1000:.2f} mm, {rot_err:.3f} deg")
    assert pos_err <= 0.005 and rot_err <= 1.0


def _random_pose(rng: np.random.Generator, scale: float) -> np.ndarray:
    rvec = rng.normal(size=3)
    rvec *= rng.uniform(0.2, 1.0) / np.linalg.norm(rvec)
    return make_transform(cv2.Rodrigues(rvec)[0], rng.uniform(-scale, scale, 3))


def test_eye_in_hand_recovers_the_mount_from_exact_poses() -> None:
    rng = np.random.default_rng(1)
    gripper_from_camera = _random_pose(rng, 0.1)
    base_from_target = _random_pose(rng, 1.0)
    grippers = [_random_pose(rng, 0.5) for _ in range(10)]
    observed = [invert_transform(g @ gripper_from_camera) @ base_from_target for g in grippers]
    assert np.allclose(calibrate_hand_eye(grippers, observed, mount="eye_in_hand"), gripper_from_camera, atol=1e-6)


def test_eye_to_hand_is_the_same_solver_on_inverted_robot_poses() -> None:
    rng = np.random.default_rng(0)
    base_from_camera = _random_pose(rng, 1.0)  # fixed camera
    gripper_from_target = _random_pose(rng, 0.1)  # marker held by the gripper
    grippers = [_random_pose(rng, 0.5) for _ in range(10)]
    observed = [invert_transform(base_from_camera) @ g @ gripper_from_target for g in grippers]
    estimate = calibrate_hand_eye(grippers, observed, mount="eye_to_hand")
    assert np.allclose(estimate, base_from_camera, atol=1e-6)


def test_hand_eye_refuses_too_few_or_degenerate_poses() -> None:
    with pytest.raises(CalibrationError, match="at least 3 poses"):
        calibrate_hand_eye([np.eye(4)] * 2, [np.eye(4)] * 2)
    with pytest.raises(CalibrationError, match="unknown mount 'on_table'; valid: eye_in_hand, eye_to_hand"):
        calibrate_hand_eye([np.eye(4)] * 3, [np.eye(4)] * 3, mount="on_table")
    translations = [make_transform(np.eye(3), (0.1 * k, 0, 0)) for k in range(4)]
    with pytest.raises(CalibrationError, match="rotations"):
        park_martin(translations, translations)
