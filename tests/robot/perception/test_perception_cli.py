"""``armstack calibrate intrinsics|handeye`` end to end on synthetic board images written to disk."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
import yaml
from test_perception_intrinsics import SIZE, TRUE_K, _views

from robot.perception import CameraInfoError
from robot.perception.calibration_file import load_calibration
from robot.perception.calibration_targets import BoardSpec
from robot.perception.cli import register
from robot.perception.pose_math import invert_transform, make_transform, matrix_to_quat, rotation_angle_deg

BOARD = BoardSpec(kind="charuco", cols=7, rows=5, square=0.03, marker=0.022)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="armstack")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    return dict(json.loads(capsys.readouterr().out.strip().splitlines()[-1]))


def _board_view(camera_from_target: np.ndarray) -> np.ndarray:
    """The board seen by TRUE_K at ``camera_from_target`` (board origin at its first inner square corner)."""
    ppsq, margin = 80, 40
    scale = BOARD.square / ppsq
    to_plane = np.array([[scale, 0, -margin * scale], [0, scale, -margin * scale], [0, 0, 1]])
    rot, t = camera_from_target[:3, :3], camera_from_target[:3, 3]
    h = np.diag([4.0, 4.0, 1.0]) @ TRUE_K @ np.column_stack([rot[:, 0], rot[:, 1], t]) @ to_plane
    shift = np.array([[1, 0, 1.5], [0, 1, 1.5], [0, 0, 1]])
    big = cv2.warpPerspective(BOARD.image(ppsq), shift @ h, (SIZE[0] * 4, SIZE[1] * 4), borderValue=200)
    return cv2.resize(big, SIZE, interpolation=cv2.INTER_AREA)


def test_calibrate_intrinsics_then_handeye(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    images = tmp_path / "intrinsics"
    images.mkdir()
    for k, view in enumerate(_views(BOARD, 8, seed=4)):
        cv2.imwrite(str(images / f"view_{k:02d}.png"), view)
    calib_path = tmp_path / "front.yaml"
    report = _run(["calibrate", "intrinsics", "--images", str(images), "--camera", "front", "--out",
                   str(calib_path)], capsys)
    assert report["views_used"] == 8 and abs(float(report["fx"]) / TRUE_K[0, 0] - 1) < 0.01
    assert load_calibration(calib_path, camera="front", size=SIZE).mount_kind == "none"

    # Eye in hand: a known mount, the board fixed on the table, camera views of it from 10 gripper poses.
    rng = np.random.default_rng(3)
    gripper_from_camera = make_transform(cv2.Rodrigues(np.array([0.1, -0.2, 0.05]))[0], (0.05, -0.02, 0.08))
    base_from_target = make_transform(np.diag([1.0, -1.0, -1.0]), (0.4, 0.1, 0.0))
    poses, views = [], tmp_path / "handeye"
    views.mkdir()
    for k in range(10):
        rvec = np.array([rng.uniform(-0.45, 0.45), rng.uniform(-0.45, 0.45), rng.uniform(-0.6, 0.6)])
        camera_from_target = make_transform(cv2.Rodrigues(rvec)[0], (-0.1 + rng.uniform(-0.02, 0.02),
                                                                     -0.07 + rng.uniform(-0.02, 0.02),
                                                                     rng.uniform(0.35, 0.5)))
        base_from_gripper = base_from_target @ invert_transform(camera_from_target) @ invert_transform(
            gripper_from_camera)
        cv2.imwrite(str(views / f"pose_{k:02d}.png"), _board_view(camera_from_target))
        poses.append({"image": f"handeye/pose_{k:02d}.png", "position": base_from_gripper[:3, 3].tolist(),
                      "quaternion": matrix_to_quat(base_from_gripper[:3, :3]).tolist()})
    (tmp_path / "poses.yaml").write_text(yaml.safe_dump(poses))
    report = _run(["calibrate", "handeye", "--calibration", str(calib_path), "--camera", "front", "--poses",
                   str(tmp_path / "poses.yaml"), "--mount", "eye_in_hand"], capsys)
    assert report["poses_used"] >= 9
    mount = load_calibration(calib_path, camera="front").mount
    assert mount is not None
    assert np.linalg.norm(mount[:3, 3] - gripper_from_camera[:3, 3]) < 0.005
    assert rotation_angle_deg(mount[:3, :3], gripper_from_camera[:3, :3]) < 1.0

    with pytest.raises(CameraInfoError, match="calibrates camera 'front', not 'wrist'"):
        _run(["calibrate", "handeye", "--calibration", str(calib_path), "--camera", "wrist", "--poses",
              str(tmp_path / "poses.yaml")], capsys)
