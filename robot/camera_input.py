"""Camera images for an image policy on the arm: the latest frame of each camera topic, as the env renders it.

A checkpoint whose ``policy.json`` names cameras (``observation.cameras``, the visuomotor family) acts on
``<camera>_rgb`` images besides the state the observation contract builds (``sim.observation_contract``). The
bridge subscribes ``<camera>/image_raw`` for each, converts every frame on arrival to what the env renders for
that checkpoint (``to_policy_image``: RGB uint8, rows top to bottom, centre-cropped to the training aspect and
area-resized to its size) and keeps the latest with its arrival time (``CameraFrames``). ``CameraPolicy`` adds
them to each observation; a camera that has sent nothing, or whose latest frame is older than the checkpoint's
``image_max_age_s``, raises ``CameraImageError`` instead, so no command is ever computed from an old or an
invented (zero) image: the core files it as the policy's fault and holds the arm.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from robot.errors import RobotError

DEFAULT_MAX_AGE_S = 0.25
"""An image older than this (s, from its arrival) is stale unless the checkpoint says otherwise: at the 20 Hz
policy rate five steps, at a 10-30 Hz camera a few frames lost in a row."""


class CameraImageError(RobotError):
    """A camera image the policy needs is missing, stale or unreadable: no action is computed."""


@dataclass(frozen=True)
class ImageInputSpec:
    """What a checkpoint needs from the cameras: their names, the image size (height, width) it was trained on and
    the oldest image it may act on."""

    cameras: tuple[str, ...]
    size: tuple[int, int]
    max_age_s: float = DEFAULT_MAX_AGE_S

    def __post_init__(self) -> None:
        if not self.cameras or any(not c or "/" in c for c in self.cameras):
            raise CameraImageError(f"cameras must be one or more plain names, got {list(self.cameras)}")
        if len(self.size) != 2 or min(self.size) < 1:
            raise CameraImageError(f"image size must be (height, width) >= 1, got {self.size}")
        if not 0 < self.max_age_s <= 5.0:
            raise CameraImageError(f"image_max_age_s must be in (0, 5] s, got {self.max_age_s}")

    def topic(self, camera: str) -> str:
        return f"{camera}/image_raw"

    @classmethod
    def of_checkpoint(cls, path: str | Path) -> ImageInputSpec | None:
        """The image input of the checkpoint at ``path`` (its ``policy.json`` only), None for one without cameras."""
        from policies.checkpoint import read_spec

        obs = read_spec(path).observation
        cameras = obs.get("cameras")
        if not cameras:
            return None
        if obs.get("depth"):
            raise CameraImageError(f"{path}: the policy reads depth of {list(obs['depth'])}; the bridge feeds RGB "
                                   "only (<camera>/image_raw)")
        try:
            size = (int(obs["image_size"][0]), int(obs["image_size"][1]))
            max_age = float(obs.get("image_max_age_s", DEFAULT_MAX_AGE_S))
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise CameraImageError(f"{path}: policy.json names cameras but no valid image_size ({exc!r})") from exc
        return cls(tuple(str(c) for c in cameras), size, max_age)


def to_policy_image(image: np.ndarray, encoding: str, size: tuple[int, int]) -> np.ndarray:
    """(height, width, 3) uint8 RGB of a decoded ``rgb8``/``bgr8`` frame, as the env renders at ``size``.

    A frame of another size is centre-cropped to the training aspect (a pinhole keeps its vertical field of view
    when the sides are cut, as the env's square render of the same camera does) and area-averaged down, which is
    what a camera's larger pixels integrate; a frame of the training size passes unchanged.
    """
    if encoding not in ("rgb8", "bgr8") or image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise CameraImageError(f"image encoding {encoding} {image.dtype} {image.shape}: the policy needs rgb8 or bgr8")
    rgb = image[..., ::-1] if encoding == "bgr8" else image
    h, w = size
    if rgb.shape[:2] == (h, w):
        return np.ascontiguousarray(rgb)
    src_h, src_w = rgb.shape[:2]
    if src_w * h > src_h * w:  # wider than the training aspect: cut the sides
        keep = round(src_h * w / h)
        rgb = rgb[:, (src_w - keep) // 2 : (src_w - keep) // 2 + keep]
    elif src_w * h < src_h * w:  # taller: cut top and bottom
        keep = round(src_w * h / w)
        rgb = rgb[(src_h - keep) // 2 : (src_h - keep) // 2 + keep]
    if rgb.shape[0] < h or rgb.shape[1] < w:
        raise CameraImageError(f"a {src_w}x{src_h} frame is smaller than the policy's {w}x{h} images")
    import cv2

    return np.ascontiguousarray(cv2.resize(np.ascontiguousarray(rgb), (w, h), interpolation=cv2.INTER_AREA))


class CameraFrames:
    """The latest converted frame of each camera with its arrival time (node clock, s); thread-safe."""

    def __init__(self, spec: ImageInputSpec) -> None:
        self.spec = spec
        self._latest: dict[str, tuple[np.ndarray, float]] = {}
        self._errors: dict[str, str] = {}
        self._lock = threading.Lock()
        self.received = dict.fromkeys(spec.cameras, 0)

    def put(self, camera: str, image: np.ndarray, encoding: str, received: float) -> None:
        """Convert and keep ``image``; an unusable frame replaces the last one by its error (never by a guess)."""
        try:
            frame = to_policy_image(image, encoding, self.spec.size)
        except CameraImageError as exc:
            with self._lock:
                self._latest.pop(camera, None)
                self._errors[camera] = str(exc)
            return
        frame.setflags(write=False)
        with self._lock:
            self._latest[camera] = (frame, received)
            self._errors.pop(camera, None)
            self.received[camera] += 1

    def reject(self, camera: str, error: str) -> None:
        """A frame that could not be decoded: the camera has no usable image until the next good one."""
        with self._lock:
            self._latest.pop(camera, None)
            self._errors[camera] = error

    def images(self, now: float) -> dict[str, np.ndarray]:
        """``{"<camera>_rgb": image}`` of every camera, or CameraImageError naming the first missing or stale one."""
        out = {}
        with self._lock:
            for cam in self.spec.cameras:
                latest = self._latest.get(cam)
                topic = self.spec.topic(cam)
                if latest is None:
                    why = self._errors.get(cam)
                    raise CameraImageError(f"camera {cam}: no usable image on {topic}"
                                           + (f" ({why})" if why else " yet"))
                frame, received = latest
                age = now - received
                if age > self.spec.max_age_s:
                    raise CameraImageError(f"camera {cam}: the latest image on {topic} is {age:.3f} s old; the "
                                           f"policy acts only on images up to {self.spec.max_age_s:g} s old")
                out[f"{cam}_rgb"] = frame
        return out


class CameraPolicy:
    """``policy`` (the bridge's ``Policy``: ``act``, ``reset``, ``close``) fed the camera frames besides ``obs``."""

    def __init__(self, policy: Any, frames: CameraFrames, clock: Callable[[], float]) -> None:
        self.policy, self.frames, self.clock = policy, frames, clock

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        images = self.frames.images(self.clock())  # raises before the policy sees anything
        return np.asarray(self.policy.act({**obs, **images}))

    def reset(self) -> None:
        self.policy.reset()

    def close(self) -> None:
        close = getattr(self.policy, "close", None)
        if close is not None:
            close()
