"""Object poses from fiducial markers: detect, refine corners, solve each marker's pose, apply its offset."""

from __future__ import annotations

import cv2
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.detection import ObjectDetection
from robot.perception.marker_config import MarkerConfig
from robot.perception.marker_refine import refine_square_corners
from robot.perception.pose_math import invert_transform, make_transform, matrix_to_quat

# Markers smaller than this in the image give poses too noisy to use (their tilt is barely determined).
MIN_MARKER_SIDE_PX = 12.0


class MarkerDetector:
    """Finds the configured markers in a grey image and returns the pose of each object they mark."""

    def __init__(self, config: MarkerConfig, camera: CameraModel) -> None:
        self.config, self.camera = config, camera
        dictionary = cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, config.dictionary))
        params = cv2.aruco.DetectorParameters()
        # Our own edge refinement replaces OpenCV's; without it, the AprilTag refinement is the least biased.
        params.cornerRefinementMethod = (cv2.aruco.CORNER_REFINE_NONE if config.refine_edges
                                         else cv2.aruco.CORNER_REFINE_APRILTAG)
        self._detector = cv2.aruco.ArucoDetector(dictionary, params)
        self._specs = config.by_id
        self._object_from_marker_inv = {i: invert_transform(s.object_from_marker) for i, s in self._specs.items()}
        self.unknown_ids_seen: set[int] = set()

    def detect_corners(self, gray: np.ndarray) -> tuple[list[np.ndarray], list[int]]:
        """Corners (4, 2) and ids of the configured markers in ``gray``, refined when configured."""
        corners, ids, _ = self._detector.detectMarkers(gray)
        if ids is None:
            return [], []
        out_c: list[np.ndarray] = []
        out_i: list[int] = []
        for c, i_raw in zip(corners, ids.ravel().tolist(), strict=True):
            i = int(i_raw)
            if i not in self._specs:
                self.unknown_ids_seen.add(i)
                continue
            c = c.reshape(4, 2)
            out_c.append(refine_square_corners(gray, c) if self.config.refine_edges else c)
            out_i.append(i)
        return out_c, out_i

    def marker_pose(self, corners: np.ndarray, marker_id: int) -> tuple[np.ndarray, float] | None:
        """camera_from_marker (4x4) and reprojection RMS (px); None for a marker too small to trust."""
        side = float(np.mean(np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1)))
        if side < MIN_MARKER_SIDE_PX:
            return None
        spec = self._specs[marker_id]
        n, rvecs, tvecs, errs = cv2.solvePnPGeneric(spec.corners, corners.astype(np.float64), self.camera.matrix,
                                                    self.camera.dist_coeffs, flags=cv2.SOLVEPNP_IPPE_SQUARE)
        if n == 0:
            return None
        # IPPE gives both solutions of the planar ambiguity; the better-fitting one is first.
        best = int(np.argmin(np.asarray(errs).ravel()))
        rot, _ = cv2.Rodrigues(rvecs[best])
        return make_transform(rot, tvecs[best].ravel()), float(np.asarray(errs).ravel()[best])

    def detect(self, gray: np.ndarray, base_from_camera: np.ndarray) -> dict[str, ObjectDetection]:
        """One detection per marked object in view (the largest of its markers when several are seen)."""
        best: dict[str, tuple[float, ObjectDetection]] = {}
        corners, ids = self.detect_corners(gray)
        for c, i in zip(corners, ids, strict=True):
            solved = self.marker_pose(c, i)
            if solved is None:
                continue
            camera_from_marker, err = solved
            base_from_object = base_from_camera @ camera_from_marker @ self._object_from_marker_inv[i]
            area = float(cv2.contourArea(c.astype(np.float32)))
            confidence = float(np.clip(1.0 - err / 2.0, 0.05, 1.0) * np.clip(np.sqrt(area) / 30.0, 0.05, 1.0))
            name = self._specs[i].object
            if name not in best or area > best[name][0]:
                best[name] = (area, ObjectDetection(name=name, position=base_from_object[:3, 3].copy(),
                                                    quat=matrix_to_quat(base_from_object[:3, :3]),
                                                    confidence=confidence, method="marker"))
        return {name: det for name, (_, det) in best.items()}
