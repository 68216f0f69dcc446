"""Pinhole camera model (intrinsics + distortion) and the checks every incoming image must pass."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from robot.perception.errors import CameraInfoError, ImageFormatError

# Encodings (sensor_msgs/Image names) of colour images, with their channel count and channel order.
COLOR_ENCODINGS: dict[str, int] = {"rgb8": 3, "bgr8": 3}
DEPTH_ENCODINGS = ("32FC1", "16UC1")  # metres as float32, or millimetres as uint16 (RealSense, Azure Kinect)


@dataclass(frozen=True, kw_only=True)
class CameraModel:
    """A named camera of ``width`` x ``height`` pixels; OpenCV conventions (pixel centres at integers)."""

    name: str
    width: int
    height: int
    fx: float
    fy: float
    cx: float
    cy: float
    distortion: tuple[float, ...] = ()
    """OpenCV distortion coefficients (k1, k2, p1, p2[, k3, ...]); empty for an ideal pinhole."""

    def __post_init__(self) -> None:
        if not self.name or not isinstance(self.name, str):
            raise CameraInfoError(f"camera name must be a non-empty string, got {self.name!r}")
        for label, size in (("width", self.width), ("height", self.height)):
            if isinstance(size, bool) or not isinstance(size, int) or size < 8:
                raise CameraInfoError(f"camera {self.name!r}: {label} must be an integer >= 8, got {size!r}")
        for label, value in (("fx", self.fx), ("fy", self.fy), ("cx", self.cx), ("cy", self.cy)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or (label in ("fx", "fy") and value <= 0):
                raise CameraInfoError(f"camera {self.name!r}: {label} must be a finite number"
                                      f"{' > 0' if label in ('fx', 'fy') else ''}, got {value!r}")
        if len(self.distortion) not in (0, 4, 5, 8, 12, 14) or not all(math.isfinite(d) for d in self.distortion):
            raise CameraInfoError(f"camera {self.name!r}: distortion must hold 0, 4, 5, 8, 12 or 14 finite "
                                  f"coefficients, got {self.distortion!r}")
        object.__setattr__(self, "distortion", tuple(float(d) for d in self.distortion))

    @classmethod
    def from_fovy(cls, name: str, width: int, height: int, fovy_deg: float) -> CameraModel:
        """The ideal pinhole of a MuJoCo camera: square pixels, vertical field of view ``fovy_deg``."""
        if not 0.0 < fovy_deg < 180.0:
            raise CameraInfoError(f"camera {name!r}: fovy must be in (0, 180) degrees, got {fovy_deg!r}")
        f = 0.5 * height / math.tan(math.radians(fovy_deg) / 2.0)
        return cls(name=name, width=width, height=height, fx=f, fy=f, cx=(width - 1) / 2.0, cy=(height - 1) / 2.0)

    @classmethod
    def from_matrix(cls, name: str, width: int, height: int, k: np.ndarray | list[float],
                    distortion: tuple[float, ...] | list[float] = ()) -> CameraModel:
        """From a 3x3 (or row-major 9-element) intrinsic matrix, as in sensor_msgs/CameraInfo ``k``."""
        mat = np.asarray(k, float).reshape(-1)
        if mat.size != 9:
            raise CameraInfoError(f"camera {name!r}: the intrinsic matrix needs 9 values, got {mat.size}")
        if not np.any(mat):
            raise CameraInfoError(f"camera {name!r}: the intrinsic matrix is all zeros (an uncalibrated camera)")
        return cls(name=name, width=int(width), height=int(height), fx=float(mat[0]), fy=float(mat[4]),
                   cx=float(mat[2]), cy=float(mat[5]), distortion=tuple(float(d) for d in distortion))

    @property
    def matrix(self) -> np.ndarray:
        return np.array([[self.fx, 0.0, self.cx], [0.0, self.fy, self.cy], [0.0, 0.0, 1.0]])

    @property
    def dist_coeffs(self) -> np.ndarray:
        return np.asarray(self.distortion if self.distortion else (0.0, 0.0, 0.0, 0.0), float)

    def check_color(self, image: np.ndarray, encoding: str) -> None:
        """Raise ImageFormatError unless ``image`` is a ``width`` x ``height`` 8-bit image in ``encoding``."""
        if encoding not in COLOR_ENCODINGS:
            raise ImageFormatError(f"camera {self.name!r}: image encoding {encoding!r} is not supported; "
                                   f"valid: {', '.join(COLOR_ENCODINGS)}")
        expected = (self.height, self.width, COLOR_ENCODINGS[encoding])
        if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.shape != expected:
            got = (image.shape, image.dtype) if isinstance(image, np.ndarray) else type(image).__name__
            raise ImageFormatError(f"camera {self.name!r}: expected a uint8 image of shape {expected} ({encoding}), "
                                   f"got {got}")

    def depth_in_metres(self, depth: np.ndarray, encoding: str) -> np.ndarray:
        """Depth as float32 metres (0 or NaN where unknown), after checking its encoding and size."""
        if encoding not in DEPTH_ENCODINGS:
            raise ImageFormatError(f"camera {self.name!r}: depth encoding {encoding!r} is not supported; "
                                   f"valid: {', '.join(DEPTH_ENCODINGS)}")
        dtype = np.float32 if encoding == "32FC1" else np.uint16
        shape = (self.height, self.width)
        if not isinstance(depth, np.ndarray) or depth.dtype != dtype or depth.reshape(depth.shape[:2]).shape != shape \
                or depth.size != shape[0] * shape[1]:
            got = (depth.shape, depth.dtype) if isinstance(depth, np.ndarray) else type(depth).__name__
            raise ImageFormatError(f"camera {self.name!r}: expected {encoding} depth of shape {shape} and dtype "
                                   f"{np.dtype(dtype).name}, got {got}")
        flat = depth.reshape(shape)
        return flat.astype(np.float32) * np.float32(0.001) if encoding == "16UC1" else flat

    def pixel_rays(self, pixels: np.ndarray) -> np.ndarray:
        """Unit-depth rays (z = 1) in the camera's optical frame for (N, 2) pixel coordinates, undistorted."""
        import cv2

        pts = np.asarray(pixels, np.float64).reshape(-1, 1, 2)
        norm = cv2.undistortPoints(pts, self.matrix, self.dist_coeffs).reshape(-1, 2)
        return np.column_stack([norm, np.ones(len(norm))])
