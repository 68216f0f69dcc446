"""Where the task's places stand on the table: the white target pad and the grey bin, from colour + depth.

The pick-and-place goal is a place, not a cube: a policy fed perceived cubes but a default pad or bin
would put the cube in the wrong spot. Both places are low-saturation (white, grey) like the arm's links
and fingers, so colour alone cannot tell them apart: each masked pixel is lifted to 3-D with the depth
image and kept only at the place's height above the table, and the footprint (the minimum-area rectangle
of the kept points seen from above) must have the place's known size. A place that fails the check is
not reported for that frame (the tracker keeps its last estimate, with its age): never a guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.detection import ObjectDetection
from robot.perception.errors import PerceptionConfigError
from robot.perception.pose_math import yaw_quat

PLACES = ("pad", "bin")


@dataclass(frozen=True, kw_only=True)
class PlaceSpec:
    """A place's look and size: HSV limits (OpenCV scale), height band above the table, footprint side (m)."""

    s_max: int
    v_min: int
    v_max: int
    z_min: float
    z_max: float
    side: float
    side_tol: float


# Sizes from sim.scene (PAD_HALF 0.045; bin: inner half 0.075 + 0.006 walls, 0.06 high).
# The bin's band starts halfway between the table and its floor's top (6 mm): depth in whole millimetres
# (16UC1, what the sim arm and most drivers publish) puts table pixels up to ~1 mm high, and grey edge
# pixels there must not join the bin's blob.
PLACE_SPECS: dict[str, PlaceSpec] = {
    "pad": PlaceSpec(s_max=45, v_min=170, v_max=255, z_min=-0.004, z_max=0.008, side=0.09, side_tol=0.02),
    "bin": PlaceSpec(s_max=50, v_min=25, v_max=150, z_min=0.003, z_max=0.07, side=0.162, side_tol=0.03),
}


@dataclass(frozen=True, kw_only=True)
class PlaceDetectorConfig:
    places: tuple[str, ...] = PLACES
    table_z: float = 0.0
    min_area_px: int = 40

    def __post_init__(self) -> None:
        unknown = sorted(set(self.places) - set(PLACE_SPECS))
        if unknown or not self.places:
            raise PerceptionConfigError(f"place detector: unknown places {unknown}; valid: {', '.join(PLACE_SPECS)}")


class PlaceDetector:
    """Finds each configured place in an RGB frame with registered depth (metres); poses in the base frame."""

    def __init__(self, config: PlaceDetectorConfig, camera: CameraModel) -> None:
        self.config, self.camera = config, camera
        self._kernel = np.ones((3, 3), np.uint8)
        self.rejected: dict[str, str] = {}
        """Why each place was not reported in the last frame (for tests and logs)."""
        # Rays of every pixel, computed once: lifting a mask to 3-D is then a multiply.
        u, v = np.meshgrid(np.arange(camera.width), np.arange(camera.height))
        self._rays = camera.pixel_rays(np.column_stack([u.ravel(), v.ravel()])).reshape(camera.height, camera.width, 3)

    def detect(self, hsv: np.ndarray, depth: np.ndarray, base_from_camera: np.ndarray) -> dict[str, ObjectDetection]:
        self.rejected = {}
        out: dict[str, ObjectDetection] = {}
        rot, origin = base_from_camera[:3, :3], base_from_camera[:3, 3]
        for name in self.config.places:
            spec = PLACE_SPECS[name]
            mask = cv2.inRange(hsv, (0, 0, spec.v_min), (179, spec.s_max, spec.v_max))
            vs, us = np.nonzero(mask)
            z = depth[vs, us]
            ok = np.isfinite(z) & (z > 0)
            vs, us, z = vs[ok], us[ok], z[ok]
            pts = (self._rays[vs, us] * z[:, None]) @ rot.T + origin
            height = pts[:, 2] - self.config.table_z
            keep = (height >= spec.z_min) & (height <= spec.z_max)
            if keep.sum() < self.config.min_area_px:
                self.rejected[name] = f"{int(keep.sum())} pixels at its height"
                continue
            # The largest connected blob of kept pixels: the arm's fingers or a stray highlight elsewhere
            # in the band must not stretch the footprint. Closing bridges one-pixel gaps; opening then cuts
            # one-pixel spurs: where a cube's edge meets the bin, a pixel of blended (greyish) colour carries
            # the cube's depth, 10-17 cm off the bin, and alone stretched its footprint past the size check
            # (seeds 14, 33, 188: 0.21-0.26 m).
            band = np.zeros(mask.shape, np.uint8)
            band[vs[keep], us[keep]] = 255
            closed = cv2.morphologyEx(band, cv2.MORPH_CLOSE, self._kernel)
            closed = cv2.morphologyEx(closed, cv2.MORPH_OPEN, self._kernel)
            n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
            if n < 2:
                self.rejected[name] = "no blob"
                continue
            best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
            in_blob = labels[vs[keep], us[keep]] == best
            ground = pts[keep][in_blob][:, :2].astype(np.float32)
            (cx, cy), (w, h), angle = cv2.minAreaRect(ground)
            if max(abs(w - spec.side), abs(h - spec.side)) > spec.side_tol:
                self.rejected[name] = f"footprint {w:.3f} x {h:.3f} m, expected {spec.side:.3f}"
                continue
            confidence = float(np.clip(1.0 - max(abs(w - spec.side), abs(h - spec.side)) / spec.side_tol, 0.1, 1.0))
            out[name] = ObjectDetection(name=name, position=np.array([cx, cy, self.config.table_z]),
                                        quat=yaw_quat(math.radians(angle % 90.0)), confidence=confidence,
                                        method="color")
        return out
