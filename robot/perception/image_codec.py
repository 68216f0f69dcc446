"""sensor_msgs/Image and CameraInfo fields <-> numpy / CameraModel, without cv_bridge (not on PyPI).

Plain functions of the message fields, so they are tested without rclpy; every mismatch is an error.
"""

from __future__ import annotations

import array
from collections.abc import Sequence

import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.errors import CameraInfoError, ImageFormatError

# encoding -> (dtype, channels)
ENCODINGS: dict[str, tuple[type, int]] = {
    "rgb8": (np.uint8, 3), "bgr8": (np.uint8, 3), "mono8": (np.uint8, 1),
    "32FC1": (np.float32, 1), "16UC1": (np.uint16, 1),
}
DISTORTION_MODELS = ("plumb_bob", "rational_polynomial", "")


def image_from_fields(encoding: str, height: int, width: int, step: int, data: bytes | Sequence[int],
                      is_bigendian: int = 0) -> np.ndarray:
    """An (h, w[, c]) array viewing the message data; raises ImageFormatError on any inconsistency."""
    if encoding not in ENCODINGS:
        raise ImageFormatError(f"image encoding {encoding!r} is not supported; valid: {', '.join(ENCODINGS)}")
    dtype, channels = ENCODINGS[encoding]
    item = np.dtype(dtype).newbyteorder(">" if is_bigendian else "<")
    row = width * channels * item.itemsize
    # rclpy hands uint8[] fields over as array.array('B'): view it, do not copy.
    direct = isinstance(data, bytes | bytearray | memoryview | array.array)
    buf = memoryview(data).cast("B") if direct else memoryview(bytes(data))  # type: ignore[arg-type]
    if height <= 0 or width <= 0 or step < row or len(buf) != height * step:
        raise ImageFormatError(f"{encoding} image of {width}x{height} with step {step} needs {height * step} bytes "
                               f"(step >= {row}); got {len(buf)} bytes")
    arr = np.frombuffer(buf, dtype=np.uint8).reshape(height, step)[:, :row]
    out = np.ascontiguousarray(arr).view(item).reshape((height, width, channels) if channels > 1 else (height, width))
    return out.astype(out.dtype.newbyteorder("=")) if is_bigendian else out


def image_to_fields(image: np.ndarray, encoding: str) -> dict[str, object]:
    """Message fields (height, width, encoding, is_bigendian, step, data) for a contiguous array."""
    if encoding not in ENCODINGS:
        raise ImageFormatError(f"image encoding {encoding!r} is not supported; valid: {', '.join(ENCODINGS)}")
    dtype, channels = ENCODINGS[encoding]
    expected_ndim = 3 if channels > 1 else 2
    if image.dtype != dtype or image.ndim != expected_ndim or (channels > 1 and image.shape[2] != channels):
        raise ImageFormatError(f"{encoding} needs a {np.dtype(dtype).name} array of {expected_ndim} dims, "
                               f"got {image.dtype} {image.shape}")
    image = np.ascontiguousarray(image)
    return {"height": image.shape[0], "width": image.shape[1], "encoding": encoding, "is_bigendian": 0,
            # array('B') is what rclpy stores; handing it over skips a per-byte check (0.4 s for 640x480 RGB).
            "step": image.shape[1] * channels * image.itemsize, "data": array.array("B", image.tobytes())}


def camera_model_from_info(name: str, width: int, height: int, k: Sequence[float], d: Sequence[float],
                           distortion_model: str) -> CameraModel:
    """The CameraModel of a CameraInfo message; an all-zero K (uncalibrated driver) is an error."""
    if distortion_model not in DISTORTION_MODELS:
        raise CameraInfoError(f"camera {name!r}: distortion model {distortion_model!r} is not supported; valid: "
                              f"{', '.join(repr(m) for m in DISTORTION_MODELS)}")
    coeffs = tuple(float(v) for v in d)
    # All-zero coefficients (what drivers send for an ideal or rectified camera) mean no distortion.
    return CameraModel.from_matrix(name, int(width), int(height), list(k), coeffs if any(coeffs) else ())


def camera_info_fields(camera: CameraModel) -> dict[str, object]:
    """CameraInfo fields (width, height, distortion_model, d, k, r, p) of a camera model."""
    k = camera.matrix
    p = np.hstack([k, np.zeros((3, 1))])
    d = list(camera.distortion) if camera.distortion else [0.0] * 5
    return {"width": camera.width, "height": camera.height,
            "distortion_model": "plumb_bob" if len(d) <= 5 else "rational_polynomial",
            "d": d, "k": [float(v) for v in k.ravel()], "r": [1.0, 0, 0, 0, 1.0, 0, 0, 0, 1.0],
            "p": [float(v) for v in p.ravel()]}
