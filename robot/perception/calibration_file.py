"""Camera calibration files (YAML): intrinsics, distortion and optionally the camera mount.

A file names its camera and image size; loading it for another camera or size is an error, so a
calibration is never silently applied to the wrong sensor.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from robot.perception.camera_model import CameraModel
from robot.perception.errors import CameraInfoError, PerceptionConfigError

MOUNT_KINDS = ("none", "eye_in_hand", "eye_to_hand")
_KEYS = ("camera", "width", "height", "camera_matrix", "distortion", "rms_px", "mount", "created")


@dataclass(frozen=True, kw_only=True)
class CameraCalibration:
    """Intrinsics of ``camera.name`` and its mount: ``eye_in_hand`` gives gripper_from_camera, ``eye_to_hand``
    base_from_camera (4x4, metres)."""

    camera: CameraModel
    rms_px: float = float("nan")
    mount_kind: str = "none"
    mount: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.mount_kind not in MOUNT_KINDS:
            raise PerceptionConfigError(f"unknown mount kind {self.mount_kind!r}; valid: {', '.join(MOUNT_KINDS)}")
        if (self.mount is None) != (self.mount_kind == "none"):
            raise PerceptionConfigError(f"mount kind {self.mount_kind!r} and mount transform must come together")
        if self.mount is not None:
            m = np.asarray(self.mount, float)
            if m.shape != (4, 4) or not np.all(np.isfinite(m)) or abs(np.linalg.det(m[:3, :3]) - 1) > 1e-3:
                raise PerceptionConfigError(f"the mount must be a rigid 4x4 transform, got {self.mount!r}")


def save_calibration(path: str | Path, calib: CameraCalibration) -> Path:
    cam = calib.camera
    data: dict[str, Any] = {
        "camera": cam.name, "width": cam.width, "height": cam.height,
        "camera_matrix": [float(v) for v in cam.matrix.ravel()], "distortion": list(cam.distortion),
        "rms_px": None if math.isnan(calib.rms_px) else float(calib.rms_px),
        "mount": {"kind": calib.mount_kind,
                  "transform": None if calib.mount is None else [[float(v) for v in row] for row in calib.mount]},
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(yaml.safe_dump(data, sort_keys=False))
    tmp.replace(path)
    return path


def load_calibration(path: str | Path, camera: str | None = None,
                     size: tuple[int, int] | None = None) -> CameraCalibration:
    """Read a calibration; ``camera`` and ``size`` (width, height), when given, must match the file's."""
    path = Path(path)
    if not path.is_file():
        raise PerceptionConfigError(f"calibration file {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise PerceptionConfigError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PerceptionConfigError(f"{path}: expected a mapping with keys {', '.join(_KEYS)}")
    unknown = sorted(set(data) - set(_KEYS))
    missing = sorted({"camera", "width", "height", "camera_matrix"} - set(data))
    if unknown or missing:
        raise PerceptionConfigError(f"{path}: unknown keys {unknown}, missing keys {missing}; "
                                    f"valid: {', '.join(_KEYS)}")
    if camera is not None and data["camera"] != camera:
        raise CameraInfoError(f"{path} calibrates camera {data['camera']!r}, not {camera!r}")
    if size is not None and (data["width"], data["height"]) != tuple(size):
        raise CameraInfoError(f"{path} calibrates {data['camera']!r} at {data['width']}x{data['height']}, but the "
                              f"images are {size[0]}x{size[1]}")
    cam = CameraModel.from_matrix(str(data["camera"]), data["width"], data["height"], data["camera_matrix"],
                                  tuple(data.get("distortion") or ()))
    mount = data.get("mount") or {"kind": "none", "transform": None}
    transform = mount.get("transform")
    rms = data.get("rms_px")
    return CameraCalibration(camera=cam, rms_px=float("nan") if rms is None else float(rms),
                             mount_kind=str(mount.get("kind", "none")),
                             mount=None if transform is None else np.asarray(transform, float))
