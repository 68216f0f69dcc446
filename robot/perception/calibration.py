"""Camera intrinsics from board images, and hand-eye calibration with ``cv2.calibrateHandEye``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.errors import CalibrationError
from robot.perception.pose_math import invert_transform, make_transform

HAND_EYE_METHODS: dict[str, int] = {
    "tsai": cv2.CALIB_HAND_EYE_TSAI, "park": cv2.CALIB_HAND_EYE_PARK, "horaud": cv2.CALIB_HAND_EYE_HORAUD,
    "andreff": cv2.CALIB_HAND_EYE_ANDREFF, "daniilidis": cv2.CALIB_HAND_EYE_DANIILIDIS,
}
# opencv-python 5.0.0 exports the CALIB_HAND_EYE_* constants but not calibrateHandEye itself; without it we
# solve with Park and Martin's closed form (the same method as CALIB_HAND_EYE_PARK) on all pose pairs.
HAS_CV2_HAND_EYE = hasattr(cv2, "calibrateHandEye")
MOUNTS = ("eye_in_hand", "eye_to_hand")
MIN_INTRINSIC_VIEWS = 3
MIN_HAND_EYE_POSES = 3


class Target(Protocol):
    def detect_points(self, gray: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None: ...


@dataclass(frozen=True)
class IntrinsicsResult:
    camera: CameraModel
    rms_px: float
    views_used: int


def calibrate_intrinsics(images: Sequence[np.ndarray], target: Target, camera_name: str) -> IntrinsicsResult:
    """Intrinsics and distortion (k1, k2, p1, p2, k3) of ``camera_name`` from grey images of ``target``."""
    if not images:
        raise CalibrationError("no images given")
    h, w = images[0].shape[:2]
    obj_pts, img_pts = [], []
    for k, img in enumerate(images):
        if img.shape[:2] != (h, w):
            raise CalibrationError(f"image {k} is {img.shape[1]}x{img.shape[0]}, the first is {w}x{h}")
        found = target.detect_points(img)
        if found is not None and len(found[0]) >= 6:
            obj_pts.append(found[0].astype(np.float32))
            img_pts.append(found[1].astype(np.float32))
    if len(obj_pts) < MIN_INTRINSIC_VIEWS:
        raise CalibrationError(f"the target was found in {len(obj_pts)} of {len(images)} images; at least "
                               f"{MIN_INTRINSIC_VIEWS} are needed (check the board size and dictionary)")
    rms, k_mat, dist, _, _ = cv2.calibrateCamera(obj_pts, img_pts, (w, h), None, None)  # type: ignore[call-overload]
    return IntrinsicsResult(CameraModel.from_matrix(camera_name, w, h, np.asarray(k_mat), tuple(np.ravel(dist)[:5])),
                            float(rms), len(obj_pts))


def target_pose(gray: np.ndarray, target: Target, camera: CameraModel) -> tuple[np.ndarray, float] | None:
    """camera_from_target (4x4) and RMS reprojection error in pixels, or None if the target is not found."""
    found = target.detect_points(gray)
    if found is None or len(found[0]) < 4:
        return None
    obj, img = found
    ok, rvec, tvec = cv2.solvePnP(obj, img, camera.matrix, camera.dist_coeffs, flags=cv2.SOLVEPNP_SQPNP)
    if not ok:
        return None
    rvec, tvec = cv2.solvePnPRefineLM(obj, img, camera.matrix, camera.dist_coeffs, rvec, tvec)
    proj, _ = cv2.projectPoints(obj, rvec, tvec, camera.matrix, camera.dist_coeffs)
    rms = float(np.sqrt(np.mean(np.sum((proj.reshape(-1, 2) - img) ** 2, axis=1))))
    return make_transform(cv2.Rodrigues(rvec)[0], tvec.ravel()), rms


def calibrate_hand_eye(base_from_gripper: Sequence[np.ndarray], camera_from_target: Sequence[np.ndarray],
                       mount: str = "eye_in_hand", method: str = "park") -> np.ndarray:
    """The camera mount from paired robot poses and target observations.

    ``eye_in_hand`` (camera on the gripper, target fixed): returns gripper_from_camera.
    ``eye_to_hand`` (camera fixed, target held by the gripper): returns base_from_camera.
    """
    if mount not in MOUNTS:
        raise CalibrationError(f"unknown mount {mount!r}; valid: {', '.join(MOUNTS)}")
    if method not in HAND_EYE_METHODS:
        raise CalibrationError(f"unknown hand-eye method {method!r}; valid: {', '.join(HAND_EYE_METHODS)}")
    if len(base_from_gripper) != len(camera_from_target):
        raise CalibrationError(f"{len(base_from_gripper)} robot poses but {len(camera_from_target)} target poses")
    if len(base_from_gripper) < MIN_HAND_EYE_POSES:
        raise CalibrationError(f"hand-eye calibration needs at least {MIN_HAND_EYE_POSES} poses (10+ recommended), "
                               f"got {len(base_from_gripper)}")
    # Eye-to-hand is the same problem with the robot poses inverted (OpenCV's documented trick).
    grip = [g if mount == "eye_in_hand" else invert_transform(g) for g in base_from_gripper]
    if HAS_CV2_HAND_EYE:
        rot, trans = cv2.calibrateHandEye(  # type: ignore[attr-defined]
            [g[:3, :3] for g in grip], [g[:3, 3] for g in grip], [t[:3, :3] for t in camera_from_target],
            [t[:3, 3] for t in camera_from_target], method=HAND_EYE_METHODS[method])
        out = make_transform(rot, np.ravel(trans))
    elif method == "park":
        out = park_martin(grip, camera_from_target)
    else:
        raise CalibrationError(f"this OpenCV ({cv2.__version__}) has no calibrateHandEye; only method 'park' "
                               f"(built in) is available, got {method!r}")
    if not np.all(np.isfinite(out)) or abs(np.linalg.det(out[:3, :3]) - 1.0) > 1e-3:
        raise CalibrationError("hand-eye calibration did not converge: use more poses with larger rotations")
    return out


def park_martin(base_from_gripper: Sequence[np.ndarray], camera_from_target: Sequence[np.ndarray]) -> np.ndarray:
    """gripper_from_camera X solving A X = X B over all pose pairs (Park and Martin, 1994).

    With the target fixed, G_j X C_j = G_i X C_i, so A = G_j^-1 G_i and B = C_j C_i^-1.
    """
    a_list, b_list = [], []
    n = len(base_from_gripper)
    for i in range(n):
        for j in range(i + 1, n):
            a = invert_transform(base_from_gripper[j]) @ base_from_gripper[i]
            b = camera_from_target[j] @ invert_transform(camera_from_target[i])
            # Pairs related by a near-pure translation say nothing about the rotation: skip them.
            if np.linalg.norm(cv2.Rodrigues(a[:3, :3])[0]) > np.radians(2.0):
                a_list.append(a)
                b_list.append(b)
    if len(a_list) < 2:
        raise CalibrationError("hand-eye calibration needs poses that differ by rotations about different axes")
    m = np.zeros((3, 3))
    for a, b in zip(a_list, b_list, strict=True):
        m += np.outer(cv2.Rodrigues(b[:3, :3])[0].ravel(), cv2.Rodrigues(a[:3, :3])[0].ravel())
    w, v = np.linalg.eigh(m.T @ m)
    if w.min() <= 1e-12:
        raise CalibrationError("hand-eye calibration is degenerate: rotate the gripper about at least two axes")
    rot = v @ np.diag(w ** -0.5) @ v.T @ m.T
    lhs = np.concatenate([a[:3, :3] - np.eye(3) for a in a_list])
    rhs = np.concatenate([rot @ b[:3, 3] - a[:3, 3] for a, b in zip(a_list, b_list, strict=True)])
    trans, *_ = np.linalg.lstsq(lhs, rhs, rcond=None)
    return make_transform(rot, trans)
