"""Positions of the task's coloured cubes from HSV thresholds, with depth or a table-plane intersection.

A cube is centrally symmetric, so the centroid of its whole silhouette (all visible faces, whatever their
shading) is the image of its centre, up to a perspective term far below a millimetre at working range.
The centre lies on the ray through that centroid; its height comes from the depth image (the cube's top
face, minus half a side: stacked cubes work) or, without depth, from the table plane plus half a side.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import cv2
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.detection import ObjectDetection
from robot.perception.errors import PerceptionConfigError
from robot.perception.pose_math import quat_to_matrix, yaw_quat

TOP_FACE_BAND = 0.003
"""Depth points within this (m) of the highest ones of a blob belong to the cube's top face."""
TOP_FACE_SIDE_TOL = 0.012
"""A top-face footprint off the cube's side by more than this (m) is cut by an occluder: refused."""
SILHOUETTE_CUT = 0.009
"""The silhouette's and the top face's centres this far apart (m): the silhouette is cut, the face is used."""
TOP_FACE_EROSION = 0.006
"""What eroding the silhouette by a pixel may take off the footprint, beyond TOP_FACE_SIDE_TOL (m)."""
OCCLUDER_MARGIN = 0.015
"""A depth pixel this much (m) nearer than a cube's nearest corner shows something in front of the cube."""
OCCLUDED_SHARE = 0.5
"""A cube whose image is covered this much by nearer surfaces cannot be seen, whether it is there or not."""


def cube_yaw(angle_deg: float) -> float:
    """A cube's yaw (rad) from a footprint angle, in [-45, 45) degrees: its 4-fold symmetry leaves that
    range, and the sim lays cubes out (and a policy trained there saw them) in the same one."""
    return math.radians((angle_deg + 45.0) % 90.0 - 45.0)


@dataclass(frozen=True, kw_only=True)
class HsvRange:
    """OpenCV HSV (hue 0..179, wrapping); a pixel matches inside ``hue +- hue_tol`` with enough S and V."""

    hue: int
    hue_tol: int = 5
    s_min: int = 120
    v_min: int = 40

    def __post_init__(self) -> None:
        for label, value, lo, hi in (("hue", self.hue, 0, 179), ("hue_tol", self.hue_tol, 1, 89),
                                     ("s_min", self.s_min, 0, 255), ("v_min", self.v_min, 0, 255)):
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                raise PerceptionConfigError(f"HSV range: {label} must be an integer in [{lo}, {hi}], got {value!r}")

    def mask(self, hsv: np.ndarray) -> np.ndarray:
        lo, hi = self.hue - self.hue_tol, self.hue + self.hue_tol
        if lo >= 0 and hi <= 179:
            return cv2.inRange(hsv, (lo, self.s_min, self.v_min), (hi, 255, 255))
        # Red wraps around hue 0: two bands.
        a = cv2.inRange(hsv, (max(lo, 0) if lo >= 0 else 180 + lo, self.s_min, self.v_min), (179, 255, 255))
        b = cv2.inRange(hsv, (0, self.s_min, self.v_min), (hi - 180 if hi > 179 else hi, 255, 255))
        return cv2.bitwise_or(a, b)


def default_color_ranges() -> dict[str, HsvRange]:
    """HSV ranges of the sim's cube colours (``sim.scene.COLORS``), for ``<color>_cube`` objects."""
    from sim.scene import COLORS

    out = {}
    for name, rgb in COLORS.items():
        h, _, _ = colorsys.rgb_to_hsv(*rgb)
        out[name] = HsvRange(hue=round(h * 180) % 180)
    return out


@dataclass(frozen=True, kw_only=True)
class ColorDetectorConfig:
    """Which colours to look for, the cube size, and where the table is (base frame, metres)."""

    colors: Mapping[str, HsvRange] = field(default_factory=default_color_ranges)
    cube_half: float = 0.022
    table_z: float = 0.0
    min_area_px: int = 60
    """Blobs smaller than this are noise (or a cube too far or too hidden to locate)."""
    area_ratio_range: tuple[float, float] = (0.8, 1.25)
    """Accepted blob area over the area of the cube's projection at the estimated pose: a partly hidden
    cube (lower) or two touching blobs (higher) would give a wrong centre, so they are not reported."""

    def __post_init__(self) -> None:
        if not self.colors:
            raise PerceptionConfigError("colour detector: at least one colour is needed")
        if not 0.003 <= self.cube_half <= 0.2:
            raise PerceptionConfigError(f"colour detector: cube_half must be in [0.003, 0.2] m, got {self.cube_half}")
        if not math.isfinite(self.table_z):
            raise PerceptionConfigError(f"colour detector: table_z must be finite, got {self.table_z}")
        lo, hi = self.area_ratio_range
        if not 0.0 < lo < 1.0 < hi:
            raise PerceptionConfigError(f"colour detector: area_ratio_range must be (lo < 1 < hi), got {lo, hi}")
        if self.min_area_px < 4:
            raise PerceptionConfigError(f"colour detector: min_area_px must be >= 4, got {self.min_area_px}")


class ColorCubeDetector:
    """Finds the largest blob of each configured colour and returns the cube ``<color>_cube`` it shows."""

    def __init__(self, config: ColorDetectorConfig, camera: CameraModel) -> None:
        self.config, self.camera = config, camera
        self._kernel = np.ones((3, 3), np.uint8)
        self.rejected: dict[str, float] = {}
        """Blobs of the last frame refused by the area check: object name -> area ratio."""
        signs = np.array([[sx, sy, sz] for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)], float)
        self._corners = signs * config.cube_half

    def _corners_in_camera(self, centre: np.ndarray, rot: np.ndarray, base_from_camera: np.ndarray) -> np.ndarray:
        """The 8 corners of a cube at ``centre`` rotated by ``rot`` (3x3), in the camera's optical frame."""
        world = self._corners @ rot.T + centre
        return (world - base_from_camera[:3, 3]) @ base_from_camera[:3, :3]

    def _hull(self, cam: np.ndarray) -> np.ndarray:
        img, _ = cv2.projectPoints(cam, np.zeros(3), np.zeros(3), self.camera.matrix, self.camera.dist_coeffs)
        return cv2.convexHull(img.reshape(-1, 2).astype(np.float32))

    def _projected_area(self, centre: np.ndarray, yaw: float, base_from_camera: np.ndarray) -> float:
        """Image area (px) of a cube at ``centre`` with ``yaw``: the convex hull of its projected corners."""
        cam = self._corners_in_camera(centre, quat_to_matrix(yaw_quat(yaw)), base_from_camera)
        return max(float(cv2.contourArea(self._hull(cam))), 1.0)

    def occluded(self, centre: np.ndarray, quat: np.ndarray, depth: np.ndarray, base_from_camera: np.ndarray) -> bool:
        """Whether something nearer covers a cube remembered at ``centre`` (orientation ``quat``, wxyz) in the
        ``depth`` image (m): OCCLUDED_SHARE of the pixels it would fill lie OCCLUDER_MARGIN or more in front of its
        nearest corner. Then not finding it says nothing of whether it is still there (the arm between the camera
        and the cube). A place in plain view (the table where a picked cube stood, a cube under another, whose
        visible faces are its own) is not occluded; nor is a place outside the image or without depth."""
        cam = self._corners_in_camera(np.asarray(centre, float), quat_to_matrix(quat), base_from_camera)
        if np.any(cam[:, 2] <= 0.0):
            return False
        mask = np.zeros(depth.shape[:2], np.uint8)
        cv2.fillConvexPoly(mask, np.round(self._hull(cam)).astype(np.int32), 255)
        seen = depth[mask > 0]
        seen = seen[np.isfinite(seen) & (seen > 0)]
        if seen.size < self.config.min_area_px:
            return False
        return float(np.mean(seen < cam[:, 2].min() - OCCLUDER_MARGIN)) >= OCCLUDED_SHARE

    def blob(self, hsv: np.ndarray, color: str) -> np.ndarray | None:
        """The outer contour of the largest blob of ``color``, or None."""
        mask = self.config.colors[color].mask(hsv)
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, self._kernel)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        if not contours:
            return None
        largest = max(contours, key=cv2.contourArea)
        return largest if cv2.contourArea(largest) >= self.config.min_area_px else None

    def _interior_points(self, contour: np.ndarray, depth: np.ndarray, base_from_camera: np.ndarray,
                         erosions: int, min_points: int) -> np.ndarray | None:
        """Base-frame 3-D points of the blob's pixels with valid depth, ``erosions`` pixels in from its outline.

        Edge pixels mix the cube with what is behind it, in colour and depth. None below ``min_points``.
        """
        x, y, w, h = cv2.boundingRect(contour)
        roi = np.zeros((h, w), np.uint8)
        cv2.drawContours(roi, [contour - np.array([x, y])], -1, 255, thickness=cv2.FILLED)
        vs, us = np.nonzero(cv2.erode(roi, self._kernel, iterations=erosions))
        z = depth[vs + y, us + x]
        ok = np.isfinite(z) & (z > 0)
        if ok.sum() < min_points:
            return None
        rays = self.camera.pixel_rays(np.column_stack([us[ok] + x, vs[ok] + y]))
        return (base_from_camera[:3, :3] @ (rays * z[ok, None]).T).T + base_from_camera[:3, 3]

    def _top_height(self, contour: np.ndarray, depth: np.ndarray, base_from_camera: np.ndarray) -> float | None:
        """Height of the cube's top face from depth pixels inside the blob (eroded, so no background mixes in)."""
        pts = self._interior_points(contour, depth, base_from_camera, erosions=2, min_points=5)
        if pts is None:
            return None
        # The top face is the highest surface of a resting cube; a high percentile ignores stray pixels.
        return float(np.percentile(pts[:, 2], 95))

    def _top_face(self, name: str, contour: np.ndarray, depth: np.ndarray,
                  base_from_camera: np.ndarray) -> ObjectDetection | None:
        """A partly hidden cube (behind a bin wall, in front of the arm) located by its top face alone.

        The silhouette's centroid is then not the centre's image, but with depth the top face is a square of
        known size in 3-D: its centre, less half a side, is the cube's. Only when the face's footprint has
        that size (a face cut by an occluder is refused): never a guess.
        """
        pts = self._interior_points(contour, depth, base_from_camera, erosions=1, min_points=10)
        if pts is None:
            return None
        top = float(np.percentile(pts[:, 2], 95))
        # Both sides of the band: a few edge pixels may see the rim of a bin wall above the cube.
        face = pts[np.abs(pts[:, 2] - top) <= TOP_FACE_BAND]
        if len(face) < 10:
            return None
        (cx, cy), (fw, fh), angle = cv2.minAreaRect(face[:, :2].astype(np.float32))
        side = 2 * self.config.cube_half
        # The one-pixel erosion takes up to a pixel off each edge, more along the line of sight (a face seen
        # at 30 degrees, a pixel is 6 mm deep at 1 m and 320x240): hence more room below the side than above.
        if not (side - TOP_FACE_SIDE_TOL - TOP_FACE_EROSION <= min(fw, fh) and max(fw, fh) <= side + TOP_FACE_SIDE_TOL):
            return None
        centre = np.array([cx, cy, top - self.config.cube_half])
        # At most half the confidence of a whole silhouette: fewer pixels, and an occluder close by.
        confidence = float(np.clip(0.5 - max(abs(fw - side), abs(fh - side)) / TOP_FACE_SIDE_TOL * 0.4, 0.1, 0.5))
        return ObjectDetection(name=name, position=centre, quat=yaw_quat(cube_yaw(angle)),
                               confidence=confidence, method="color_top_face")

    def detect(self, rgb: np.ndarray, base_from_camera: np.ndarray,
               depth: np.ndarray | None = None) -> dict[str, ObjectDetection]:
        """Detections keyed ``<color>_cube`` for the colours in view; ``rgb`` is RGB uint8, depth in metres."""
        self.rejected = {}
        hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
        half = self.config.cube_half
        out: dict[str, ObjectDetection] = {}
        origin = base_from_camera[:3, 3]
        for color in self.config.colors:
            contour = self.blob(hsv, color)
            if contour is None:
                continue
            m = cv2.moments(contour)
            if m["m00"] <= 0:
                continue
            centroid = np.array([[m["m10"] / m["m00"], m["m01"] / m["m00"]]])
            centre_z = self.config.table_z + half
            if depth is not None:
                top = self._top_height(contour, depth, base_from_camera)
                if top is None:
                    continue
                centre_z = top - half
            ray = base_from_camera[:3, :3] @ self.camera.pixel_rays(centroid)[0]
            if ray[2] > -1e-6:
                continue  # the ray never comes down to the cube's height: camera looks up or level
            t = (centre_z - origin[2]) / ray[2]
            if t <= 0:
                continue
            centre = origin + t * ray
            # Yaw (modulo 90 deg) from the silhouette projected onto the top-face plane.
            pts = self.camera.pixel_rays(contour.reshape(-1, 2)) @ base_from_camera[:3, :3].T
            s = (centre_z + half - origin[2]) / np.minimum(pts[:, 2], -1e-9)
            ground = origin[:2] + s[:, None] * pts[:, :2]
            (_, _), (_, _), angle = cv2.minAreaRect(ground.astype(np.float32))
            yaw = cube_yaw(angle)
            ratio = float(m["m00"]) / self._projected_area(centre, yaw, base_from_camera)
            lo, hi = self.config.area_ratio_range
            if not lo <= ratio <= hi:
                top_face = self._top_face(f"{color}_cube", contour, depth, base_from_camera) \
                    if depth is not None and ratio < lo else None
                if top_face is None:
                    self.rejected[f"{color}_cube"] = ratio
                else:
                    out[top_face.name] = top_face
                continue
            confidence = float(np.clip(1.0 - abs(1.0 - ratio) * 2.0, 0.1, 1.0))
            quat = yaw_quat(yaw)
            if depth is not None:
                # The silhouette mixes the side faces into its outline (18 degrees off seen from the front
                # camera at 320x240); the top face's 3-D footprint gives the yaw directly.
                top_face = self._top_face(f"{color}_cube", contour, depth, base_from_camera)
                if top_face is not None:
                    if np.linalg.norm(top_face.position - centre) > SILHOUETTE_CUT:
                        # A cut silhouette within the area check (a bin wall hiding the bottom): its centroid
                        # is off by a centimetre or more, the top face is not.
                        out[top_face.name] = top_face
                        continue
                    quat = top_face.quat
            out[f"{color}_cube"] = ObjectDetection(name=f"{color}_cube", position=centre, quat=quat,
                                                   confidence=confidence, method="color")
        return out
