"""Errors raised by perception and camera calibration (all are ``RobotError``s)."""

from __future__ import annotations

from robot.errors import RobotError


class PerceptionError(RobotError):
    """Base class of every perception and calibration error."""


class PerceptionConfigError(PerceptionError, ValueError):
    """A perception or camera configuration value (or file) that cannot be used as given."""


class ImageFormatError(PerceptionError, ValueError):
    """An image whose encoding, shape or size does not match the camera it claims to come from."""


class CameraInfoError(PerceptionError, ValueError):
    """Camera intrinsics missing, malformed, or for another camera than the one in use."""


class CalibrationError(PerceptionError, RuntimeError):
    """A calibration that cannot be computed from the given views (too few, target not found, diverged)."""
