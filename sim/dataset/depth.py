"""Depth maps as datasets store them: integer millimetres, one 16-bit single-channel PNG per frame in the parquet.

This is LeRobot's raw depth image feature (``dtype: image``, ``shape: [H, W, 1]``, ``info: {is_depth_map: true,
depth_unit: mm}``): LeRobot 0.6 decodes the PNG to uint16 millimetres itself. Millimetres come from the env's
float metres by one rounding, clipped to uint16 (beyond the far plane reads DEPTH_MAX), so what is stored, read
back and fed to a policy at run time are the same integers. Never through video: H.264 would change them.

The reader hands depth back in the layout datasets had before (``armstack-dataset/1``): (T, H*W) int64
millimetres, row-major, which policies and their tests read (``depth_millimetres`` of one observation).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from sim.dataset.errors import DatasetFileError

DEPTH_PREFIX = "observation.depth."
DEPTH_SCALE, DEPTH_MAX = 1000.0, 65535
"""Metres x DEPTH_SCALE, clipped to uint16's range: 1 mm steps up to 65.535 m."""
DEPTH_UNIT = "mm"


def depth_key(camera: str) -> str:
    """The dataset feature of ``camera``'s depth."""
    return f"{DEPTH_PREFIX}{camera}"


def depth_image_mm(depth: np.ndarray) -> np.ndarray:
    """An env's ``<camera>_depth`` ((H, W, 1) or (H, W) float metres) -> (H, W) uint16 millimetres, as stored."""
    d = np.asarray(depth, np.float64)
    if d.ndim == 3 and d.shape[-1] == 1:
        d = d[..., 0]
    if d.ndim != 2:
        raise ValueError(f"a depth map is (H, W, 1) or (H, W), got shape {np.shape(depth)}")
    return np.clip(np.rint(d * DEPTH_SCALE), 0, DEPTH_MAX).astype(np.uint16)


def depth_millimetres(depth: np.ndarray) -> np.ndarray:
    """An env's ``<camera>_depth`` -> (H*W,) int64 millimetres: one frame as ``DatasetReader`` returns it."""
    return depth_image_mm(depth).astype(np.int64).reshape(-1)


def depth_feature(height: int, width: int) -> dict[str, Any]:
    """The LeRobot feature of one camera's depth in ``meta/info.json``."""
    return {"dtype": "image", "shape": [height, width, 1], "names": ["height", "width", "channels"],
            "info": {"is_depth_map": True, "depth_unit": DEPTH_UNIT}}


def is_depth_map(feature: Mapping[str, Any]) -> bool:
    """LeRobot's test: ``info.is_depth_map``, or the older ``info["video.is_depth_map"]``."""
    info = feature.get("info") or {}
    return bool(isinstance(info, Mapping) and (info.get("is_depth_map") or info.get("video.is_depth_map")))


def depth_layout(feature: Mapping[str, Any]) -> tuple[tuple[int, int], str]:
    """(height, width) and unit of a depth image feature (millimetres when its info names none)."""
    unit = (feature.get("info") or {}).get("depth_unit", DEPTH_UNIT)
    return (int(feature["shape"][0]), int(feature["shape"][1])), str(unit)


def encode_depth_png(frame: np.ndarray) -> bytes:
    """One (H, W) uint16 millimetre frame as 16-bit grayscale PNG bytes (lossless)."""
    if frame.dtype != np.uint16 or frame.ndim != 2:
        raise ValueError(f"a depth frame is (H, W) uint16 millimetres, got {frame.shape} {frame.dtype}")
    import cv2  # here, not at the top: sim.dataset.schema imports this module, and the config layer imports it

    # zlib level 6 with the "filtered" strategy: on 600 rendered 64x64 frames 558 KB at 0.21 ms a frame, against
    # 644 KB at 0.07 ms with OpenCV's defaults and 535 KB at 1.5 ms with level 9 (as an int64 parquet column: 550 KB).
    params = [cv2.IMWRITE_PNG_COMPRESSION, 6, cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_FILTERED]
    ok, buf = cv2.imencode(".png", np.ascontiguousarray(frame), params)
    if not ok:
        raise ValueError(f"PNG encoding failed for a depth frame of shape {frame.shape}")
    return buf.tobytes()


def decode_depth(data: bytes | None, shape: tuple[int, int], unit: str, source: Path, where: str) -> np.ndarray:
    """Image bytes of one depth frame -> (H, W) uint16 millimetres, or a DatasetFileError naming ``source`` and
    ``where`` (feature and frame).

    Reads what LeRobot writes too: 16-bit PNG or TIFF in millimetres, or float32 TIFF in metres (``unit`` "m").
    """
    import cv2

    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED) if data else None
    if img is None:
        raise DatasetFileError(source, f"{where}: not a decodable depth image (16-bit PNG or TIFF)")
    if img.ndim == 3 and img.shape[-1] == 1:
        img = img[..., 0]
    if img.shape != shape:
        raise DatasetFileError(source, f"{where}: a {'x'.join(map(str, img.shape))} image, the feature says a "
                                       f"single-channel {shape[0]}x{shape[1]} depth map")
    if unit == "m" and img.dtype == np.float32:
        return depth_image_mm(img)
    if unit != DEPTH_UNIT or img.dtype != np.uint16:
        raise DatasetFileError(source, f"{where}: {img.dtype} depth in {unit!r}; depth maps are read as uint16 "
                                       f"millimetres or float32 metres")
    return img
