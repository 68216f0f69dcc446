"""Bad input gives a clear error or a fault, never a silent guess."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from robot.errors import RobotError
from robot.perception import (
    CameraInfoError,
    CameraModel,
    ImageFormatError,
    Perception,
    PerceptionConfig,
    PerceptionConfigError,
)
from robot.perception.calibration_file import CameraCalibration, load_calibration, save_calibration

CAMERA = CameraModel.from_fovy("front", 640, 480, 45.0)


@pytest.fixture
def perception() -> Perception:
    return Perception(PerceptionConfig(camera="front", required_objects=("red_cube",), stale_frames=3), CAMERA)


@pytest.mark.parametrize(("image", "encoding", "match"), [
    (np.zeros((480, 640, 3), np.uint8), "mono16", r"encoding 'mono16' is not supported; valid: rgb8, bgr8"),
    (np.zeros((240, 320, 3), np.uint8), "rgb8", r"expected a uint8 image of shape \(480, 640, 3\)"),
    (np.zeros((480, 640), np.uint8), "rgb8", r"shape \(480, 640, 3\)"),
    (np.zeros((480, 640, 3), np.float32), "rgb8", r"uint8 image"),
])
def test_images_of_the_wrong_encoding_or_size_are_refused(perception: Perception, image: np.ndarray,
                                                          encoding: str, match: str) -> None:
    with pytest.raises(ImageFormatError, match=match):
        perception.process(image, encoding, 0.0, np.eye(4))


def test_depth_of_the_wrong_size_or_encoding_is_refused(perception: Perception) -> None:
    rgb = np.zeros((480, 640, 3), np.uint8)
    with pytest.raises(ImageFormatError, match=r"32FC1 depth of shape \(480, 640\)"):
        perception.process(rgb, "rgb8", 0.0, np.eye(4), depth=np.zeros((480, 640), np.float64))
    with pytest.raises(ImageFormatError, match="depth encoding 'mono8' is not supported"):
        perception.process(rgb, "rgb8", 0.0, np.eye(4), depth=np.zeros((480, 640), np.uint8), depth_encoding="mono8")


def test_missing_or_empty_camera_info_is_refused() -> None:
    with pytest.raises(CameraInfoError, match="all zeros"):
        CameraModel.from_matrix("front", 640, 480, [0.0] * 9)
    with pytest.raises(CameraInfoError, match="fx must be a finite number > 0"):
        CameraModel(name="front", width=640, height=480, fx=0.0, fy=500.0, cx=320.0, cy=240.0)
    with pytest.raises(CameraInfoError, match="width must be an integer >= 8"):
        CameraModel(name="front", width=0, height=480, fx=500.0, fy=500.0, cx=320.0, cy=240.0)


def test_intrinsics_of_another_camera_are_refused() -> None:
    wrist = CameraModel.from_fovy("wrist", 640, 480, 75.0)
    with pytest.raises(CameraInfoError, match=r"configured for camera 'front'.*camera 'wrist'"):
        Perception(PerceptionConfig(camera="front"), wrist)


def test_a_calibration_file_for_another_camera_or_size_is_refused(tmp_path: Path) -> None:
    path = save_calibration(tmp_path / "wrist.yaml", CameraCalibration(
        camera=CameraModel.from_fovy("wrist", 640, 480, 75.0), rms_px=0.2, mount_kind="eye_in_hand",
        mount=np.eye(4)))
    loaded = load_calibration(path, camera="wrist", size=(640, 480))
    assert loaded.camera.fx == pytest.approx(CameraModel.from_fovy("wrist", 640, 480, 75.0).fx)
    assert loaded.mount_kind == "eye_in_hand" and np.allclose(loaded.mount, np.eye(4))  # type: ignore[arg-type]
    with pytest.raises(CameraInfoError, match="calibrates camera 'wrist', not 'front'"):
        load_calibration(path, camera="front")
    with pytest.raises(CameraInfoError, match="at 640x480, but the images are 1280x720"):
        load_calibration(path, camera="wrist", size=(1280, 720))
    with pytest.raises(PerceptionConfigError, match="does not exist"):
        load_calibration(tmp_path / "missing.yaml")


def test_no_object_visible_is_a_stale_fault_not_a_pose(perception: Perception) -> None:
    blank = np.full((480, 640, 3), 128, np.uint8)
    for k in range(3):
        result = perception.process(blank, "rgb8", 0.1 * k, np.eye(4))
        assert result.objects == []
        assert np.isnan(result.object_poses()).all()
        assert result.scene()["objects"] == []
        assert result.fault is not None and result.fault.objects == ("red_cube",)
        assert "red_cube (never seen)" in result.fault.message


def test_invalid_configuration_names_the_bad_value_and_the_options() -> None:
    with pytest.raises(PerceptionConfigError, match="unknown perception method 'lidar'; valid: marker, color"):
        PerceptionConfig(method="lidar")
    with pytest.raises(PerceptionConfigError, match=r"required_objects \['pink_cube'\] are not in object_names"):
        PerceptionConfig(required_objects=("pink_cube",))
    with pytest.raises(PerceptionConfigError, match=r"unknown key.*'fov'.*valid keys"):
        PerceptionConfig.from_dict({"fov": 45})
    with pytest.raises(PerceptionConfigError, match="no HSV range for colours \\['pink'\\]"):
        Perception(PerceptionConfig(camera="front", method="color", object_names=("pink_cube",)), CAMERA)
    assert issubclass(PerceptionConfigError, RobotError)


@pytest.mark.parametrize("regions", [("left", "shelf"), ("left", "left")])
def test_unknown_or_repeated_regions_are_refused_naming_the_valid_ones(regions: tuple[str, ...]) -> None:
    with pytest.raises(PerceptionConfigError, match=r"regions must be distinct names from left, right, bin, pad"):
        PerceptionConfig(camera="front", regions=regions)
