"""``armstack calibrate intrinsics|handeye``: camera calibration from image sets, written to YAML.

Registered from ``robot/cli.py`` via :func:`register`; heavy imports (OpenCV) happen inside the handlers.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")


def _board(args: argparse.Namespace) -> Any:
    from robot.perception.calibration_targets import BoardSpec

    return BoardSpec(kind=args.board, cols=args.cols, rows=args.rows, square=args.square, marker=args.marker,
                     dictionary=args.dictionary)


def _read_gray(path: Path) -> Any:
    import cv2

    from robot.perception.errors import CalibrationError

    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise CalibrationError(f"cannot read image {path}")
    return image


def _image_paths(folder: str) -> list[Path]:
    from robot.perception.errors import CalibrationError

    root = Path(folder)
    if not root.is_dir():
        raise CalibrationError(f"image folder {root} does not exist")
    paths = sorted(p for p in root.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if not paths:
        raise CalibrationError(f"no images ({', '.join(IMAGE_SUFFIXES)}) in {root}")
    return paths


def _cmd_intrinsics(args: argparse.Namespace) -> int:
    from robot.perception.calibration import calibrate_intrinsics
    from robot.perception.calibration_file import CameraCalibration, save_calibration

    paths = _image_paths(args.images)
    result = calibrate_intrinsics([_read_gray(p) for p in paths], _board(args), args.camera)
    out = save_calibration(args.out, CameraCalibration(camera=result.camera, rms_px=result.rms_px))
    cam = result.camera
    print(json.dumps({"out": str(out), "camera": cam.name, "size": [cam.width, cam.height],
                      "fx": round(cam.fx, 3), "fy": round(cam.fy, 3), "cx": round(cam.cx, 3), "cy": round(cam.cy, 3),
                      "distortion": [round(d, 6) for d in cam.distortion], "rms_px": round(result.rms_px, 4),
                      "views_used": result.views_used, "images": len(paths)}))
    return 0


def _load_poses(path: Path) -> list[tuple[Path, Any]]:
    """``poses.yaml``: a list of {image, position [x, y, z], quaternion [w, x, y, z]} (gripper in base frame)."""
    import numpy as np

    from robot.perception.errors import CalibrationError
    from robot.perception.pose_math import pose_to_transform
    from sim.config_io import load_yaml
    from sim.errors import SimError

    try:
        data = load_yaml(path)
    except SimError as exc:
        raise CalibrationError(str(exc)) from exc
    if not isinstance(data, list) or not data:
        raise CalibrationError(f"{path}: expected a list of {{image, position, quaternion}} entries")
    out = []
    for k, entry in enumerate(data):
        if not isinstance(entry, dict) or set(entry) != {"image", "position", "quaternion"}:
            raise CalibrationError(f"{path}: entry {k} must have exactly the keys image, position, quaternion")
        pos, quat = np.asarray(entry["position"], float), np.asarray(entry["quaternion"], float)
        if pos.shape != (3,) or quat.shape != (4,) or not np.all(np.isfinite(np.r_[pos, quat])) \
                or abs(np.linalg.norm(quat) - 1) > 1e-3:
            raise CalibrationError(f"{path}: entry {k}: position needs 3 numbers and quaternion 4 (unit, w first)")
        out.append((path.parent / str(entry["image"]), pose_to_transform(pos, quat)))
    return out


def _cmd_handeye(args: argparse.Namespace) -> int:
    import numpy as np

    from robot.perception.calibration import calibrate_hand_eye, target_pose
    from robot.perception.calibration_file import CameraCalibration, load_calibration, save_calibration
    from robot.perception.errors import CalibrationError

    calib = load_calibration(args.calibration, camera=args.camera)
    board = _board(args)
    robot_poses, target_poses, skipped = [], [], []
    for image_path, base_from_gripper in _load_poses(Path(args.poses)):
        gray = _read_gray(image_path)
        if (gray.shape[1], gray.shape[0]) != (calib.camera.width, calib.camera.height):
            raise CalibrationError(f"{image_path} is {gray.shape[1]}x{gray.shape[0]}, but {args.calibration} "
                                   f"calibrates {calib.camera.width}x{calib.camera.height}")
        solved = target_pose(gray, board, calib.camera)
        if solved is None or solved[1] > args.max_rms:
            skipped.append(image_path.name)
            continue
        robot_poses.append(base_from_gripper)
        target_poses.append(solved[0])
    mount = calibrate_hand_eye(robot_poses, target_poses, mount=args.mount, method=args.method)
    out = save_calibration(args.out or args.calibration, CameraCalibration(
        camera=calib.camera, rms_px=calib.rms_px, mount_kind=args.mount, mount=mount))
    print(json.dumps({"out": str(out), "mount": args.mount, "poses_used": len(robot_poses), "skipped": skipped,
                      "translation": np.round(mount[:3, 3], 5).tolist(),
                      "rotation": np.round(mount[:3, :3], 6).tolist()}))
    return 0


def _add_board_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--board", choices=("charuco", "checkerboard"), default="charuco")
    p.add_argument("--cols", type=int, default=7, help="squares across")
    p.add_argument("--rows", type=int, default=5, help="squares down")
    p.add_argument("--square", type=float, default=0.03, help="square side in metres")
    p.add_argument("--marker", type=float, default=0.022, help="ChArUco marker side in metres")
    p.add_argument("--dictionary", default="DICT_4X4_50")


def register(sub: Any) -> None:
    """Add ``calibrate intrinsics`` and ``calibrate handeye`` to the ``armstack`` parser's subparsers."""
    cal = sub.add_parser("calibrate", help="camera intrinsics and hand-eye calibration (OpenCV)")
    cal_sub = cal.add_subparsers(dest="calibrate_command", required=True)
    p = cal_sub.add_parser("intrinsics", help="intrinsics + distortion from a folder of board images")
    p.add_argument("--images", required=True, help="folder of images of the board")
    p.add_argument("--camera", required=True, help="camera name stored in the file (checked when loaded)")
    p.add_argument("--out", required=True, help="calibration YAML to write")
    _add_board_args(p)
    p.set_defaults(func=_cmd_intrinsics)
    p = cal_sub.add_parser("handeye", help="camera mount from robot poses and board images (calibrateHandEye)")
    p.add_argument("--calibration", required=True, help="intrinsics YAML of the camera (from 'intrinsics')")
    p.add_argument("--camera", required=True, help="camera name; must match the calibration file")
    p.add_argument("--poses", required=True, help="YAML list of {image, position, quaternion}: gripper in base")
    p.add_argument("--mount", choices=("eye_in_hand", "eye_to_hand"), default="eye_in_hand")
    p.add_argument("--method", default="park", help="tsai, park, horaud, andreff or daniilidis")
    p.add_argument("--max-rms", type=float, default=1.0, help="skip views whose board fit is worse (pixels)")
    p.add_argument("--out", default=None, help="YAML to write (default: update --calibration)")
    _add_board_args(p)
    p.set_defaults(func=_cmd_handeye)
