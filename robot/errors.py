"""Errors raised by the robot package (bridge, safety core, perception, calibration)."""

from __future__ import annotations


class RobotError(Exception):
    """Base class of every error raised by ``robot``."""


class ParameterError(RobotError, ValueError):
    """A node parameter or parameter file that cannot be used as given."""
