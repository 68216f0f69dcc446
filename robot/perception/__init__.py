"""Perception for the real arm: camera model, marker and colour object poses, filtering, calibration.

Plain OpenCV + numpy (no rclpy); ``robot.perception_node`` wires it to ROS 2.
"""

from robot.perception.camera_model import CameraModel
from robot.perception.errors import (
    CalibrationError,
    CameraInfoError,
    ImageFormatError,
    PerceptionConfigError,
    PerceptionError,
)
from robot.perception.perception_config import PerceptionConfig
from robot.perception.pipeline import Perception, PerceptionResult

__all__ = [
    "CalibrationError",
    "CameraInfoError",
    "CameraModel",
    "ImageFormatError",
    "Perception",
    "PerceptionConfig",
    "PerceptionConfigError",
    "PerceptionError",
    "PerceptionResult",
]
