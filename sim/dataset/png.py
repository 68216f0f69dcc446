"""Lossless frames for image-mode datasets: PNG bytes in the parquet, as LeRobot's ``image`` dtype stores them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from sim.dataset.errors import DatasetFileError

# OpenCV's default PNG settings. Measured once on 128x128 renders: 0.53 ms and 10.7 KB a frame, against
# 1.1 ms and 10.1 KB with an explicit zlib level 1, and 1.5 ms and 9.2 KB with level 3.


def encode_png(frame: np.ndarray) -> bytes:
    """One (H, W, 3) uint8 RGB frame as PNG bytes."""
    ok, buf = cv2.imencode(".png", np.ascontiguousarray(frame[..., ::-1]))
    if not ok:
        raise ValueError(f"PNG encoding failed for a frame of shape {frame.shape}")
    return buf.tobytes()


def decode_png(data: bytes, source: Path) -> np.ndarray:
    """PNG bytes back to (H, W, 3) uint8 RGB; ``source`` names the file in the error."""
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) if data else None
    if img is None:
        raise DatasetFileError(source, "holds an image that is not a decodable PNG")
    return img[..., ::-1].copy()
