"""One object pose measured in one frame, by any method, in the robot base frame."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ObjectDetection:
    """``position`` (3,) in metres and ``quat`` (w, x, y, z) in the base frame; ``confidence`` in (0, 1]."""

    name: str
    position: np.ndarray
    quat: np.ndarray
    confidence: float
    method: str
    """Which detector measured it: "marker" or "color"."""
