"""Image and CameraInfo fields <-> arrays and camera models, and the errors for inconsistent messages."""

from __future__ import annotations

import numpy as np
import pytest

from robot.perception import CameraInfoError, CameraModel, ImageFormatError
from robot.perception.image_codec import (
    camera_info_fields,
    camera_model_from_info,
    image_from_fields,
    image_to_fields,
)


@pytest.mark.parametrize(("encoding", "array"), [
    ("rgb8", np.arange(4 * 6 * 3, dtype=np.uint8).reshape(4, 6, 3)),
    ("32FC1", np.linspace(0.1, 2.0, 24, dtype=np.float32).reshape(4, 6)),
    ("16UC1", np.arange(24, dtype=np.uint16).reshape(4, 6) * 100),
])
def test_image_round_trip(encoding: str, array: np.ndarray) -> None:
    fields = image_to_fields(array, encoding)
    back = image_from_fields(encoding, fields["height"], fields["width"], fields["step"], fields["data"])  # type: ignore[arg-type]
    assert back.dtype == array.dtype and np.array_equal(back, array)


def test_padded_rows_and_big_endian_data_are_read_correctly() -> None:
    rows = np.arange(4 * 8, dtype=np.uint8).reshape(4, 8)  # 6 pixels + 2 bytes padding per row
    assert np.array_equal(image_from_fields("mono8", 4, 6, 8, rows.tobytes()), rows[:, :6])
    depth = np.array([[1.5, 2.5]], dtype=">f4")
    assert np.allclose(image_from_fields("32FC1", 1, 2, 8, depth.tobytes(), is_bigendian=1), [[1.5, 2.5]])


def test_inconsistent_image_messages_are_refused() -> None:
    with pytest.raises(ImageFormatError, match="encoding 'yuv422' is not supported; valid: rgb8"):
        image_from_fields("yuv422", 4, 6, 12, bytes(48))
    with pytest.raises(ImageFormatError, match="needs 72 bytes"):
        image_from_fields("rgb8", 4, 6, 18, bytes(48))
    with pytest.raises(ImageFormatError, match="step >= 18"):
        image_from_fields("rgb8", 4, 6, 12, bytes(48))


def test_camera_info_round_trip_and_uncalibrated_info_is_refused() -> None:
    camera = CameraModel(name="front", width=640, height=480, fx=600.0, fy=601.0, cx=320.5, cy=240.5,
                         distortion=(0.1, -0.05, 0.001, 0.002, 0.01))
    info = camera_info_fields(camera)
    back = camera_model_from_info("front", info["width"], info["height"], info["k"], info["d"],  # type: ignore[arg-type]
                                  info["distortion_model"])  # type: ignore[arg-type]
    assert back == camera
    with pytest.raises(CameraInfoError, match="all zeros"):
        camera_model_from_info("front", 640, 480, [0.0] * 9, [], "")
    with pytest.raises(CameraInfoError, match="distortion model 'fisheye' is not supported"):
        camera_model_from_info("front", 640, 480, info["k"], [], "fisheye")  # type: ignore[arg-type]
