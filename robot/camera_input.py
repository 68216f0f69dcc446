"""Camera images for an image policy on the arm: the latest frame of each camera topic, as the env renders it.

A checkpoint whose ``policy.json`` names cameras (``observation.cameras``, the visuomotor family) acts on
``<camera>_rgb`` images besides the state the observation contract builds (``sim.observation_contract``). The
bridge subscribes ``<camera>/image_raw`` for each and hands every message to ``CameraFrames.offer``, which only
checks its header (size, stamp) and keeps it as the camera's latest raw frame: a worker thread converts the latest
of each camera (``to_policy_image``: RGB uint8, rows top to bottom, centre-cropped to the training aspect and
area-resized to its size), so decoding never delays the executor's joint states and e-stop nor the control tick.
``CameraPolicy`` adds the converted frames to each observation; a camera that has sent nothing, whose latest frame
arrived longer than ``max_age_s`` ago, or whose driver stamps frames older than that or not newer than the
previous one (a frozen or replaying driver), raises ``CameraImageError`` instead, so no command is ever computed
from an old or an invented (zero) image: the core files it as the ``policy_camera`` fault and holds the arm. After
such a fault, or any pause in acting longer than ``max_age_s``, the inner policy is reset before it acts again, so no
action it queued or blended from a frame before the gap is served after it.
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


MAX_FRAME_PIXELS = 1280 * 720
"""Frames above this many pixels are refused: the worker converts every camera's latest frame at its rate, and on
this 2-core box a 1080p frame took 17-19 ms (two at 30 Hz: more than a core, bench/camera_callback.py), a 720p one
2.3 ms; the policy's images are 64-128 px, so a larger frame adds only cost."""


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
    # Crop and resize the frame as it came, reorder bgr's channels on the small image: the channels are averaged
    # independently, and reordering a full frame first cost twice the resize (REV S5: 38 of 73 ms at 1080p, loaded).
    img = image
    h, w = size
    if img.shape[:2] != (h, w):
        src_h, src_w = img.shape[:2]
        if src_w * h > src_h * w:  # wider than the training aspect: cut the sides
            keep = round(src_h * w / h)
            img = img[:, (src_w - keep) // 2 : (src_w - keep) // 2 + keep]
        elif src_w * h < src_h * w:  # taller: cut top and bottom
            keep = round(src_w * h / w)
            img = img[(src_h - keep) // 2 : (src_h - keep) // 2 + keep]
        if img.shape[0] < h or img.shape[1] < w:
            raise CameraImageError(f"a {src_w}x{src_h} frame is smaller than the policy's {w}x{h} images")
        import cv2

        img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(img[..., ::-1] if encoding == "bgr8" else img)


class CameraFrames:
    """The latest converted frame of each camera with the time its age counts from (node clock, s); thread-safe.

    ``offer`` (the executor's callback) only checks a message's header and keeps it as the camera's latest raw
    frame; ``convert_pending`` (the worker ``start`` runs, or a test) converts the latest raw frame of each camera,
    dropping the ones overwritten meanwhile. ``put`` converts at once (tests, benches).
    """

    def __init__(self, spec: ImageInputSpec) -> None:
        self.spec = spec
        self._latest: dict[str, tuple[np.ndarray, float]] = {}
        self._errors: dict[str, str] = {}
        self._pending: dict[str, tuple[Callable[[], np.ndarray], str, float, int]] = {}
        self._stamps: dict[str, float] = {}
        self._seq = dict.fromkeys(spec.cameras, 0)  # per camera, bumped by every frame: a late conversion loses
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._worker: threading.Thread | None = None
        self._closed = False
        self.received = dict.fromkeys(spec.cameras, 0)  # counts for benches and tests: read without the lock

    def offer(self, camera: str, decode: Callable[[], np.ndarray], encoding: str, pixels: int, *, stamp: float,
              received: float, now: float) -> None:
        """A message from ``camera``'s topic: ``decode`` gives its pixels (run by the worker), ``stamp`` is its
        header stamp and ``received`` its arrival, both on the node clock like ``now``; its age counts from the
        earlier of the two. A frame too large, stamped older than ``max_age_s`` or not after the camera's previous
        frame is refused like an undecodable one."""
        limit = self.spec.max_age_s
        with self._lock:
            previous = self._stamps.get(camera)
            self._stamps[camera] = stamp
        if pixels > MAX_FRAME_PIXELS:
            self.reject(camera, f"a frame of {pixels} pixels is above the bridge's budget of {MAX_FRAME_PIXELS} "
                                f"(1280x720): set the camera driver to a smaller resolution")
        elif now - stamp > limit:
            self.reject(camera, f"the frame's header stamp is {now - stamp:.3f} s old on the node clock; the policy "
                                f"acts only on images up to {limit:g} s old (a late or buffering driver)")
        elif previous is not None and stamp <= previous:
            self.reject(camera, f"the frame's header stamp {stamp:.6f} is not after the previous frame's "
                                f"{previous:.6f} (a frozen or replaying driver)")
        else:
            with self._lock:
                self._seq[camera] += 1
                self._pending[camera] = (decode, encoding, min(received, stamp), self._seq[camera])
                self._wake.notify()

    def convert_pending(self) -> int:
        """Convert the latest raw frame of each camera that has one waiting; how many were converted."""
        with self._lock:
            pending, self._pending = self._pending, {}
        for camera, (decode, encoding, received, seq) in pending.items():
            try:
                frame: np.ndarray | str = to_policy_image(decode(), encoding, self.spec.size)
            except Exception as exc:  # any unusable frame is the camera's error, never the worker's end
                frame = str(exc) if isinstance(exc, RobotError) else f"{type(exc).__name__}: {exc}"
            self._store(camera, frame, received, seq)
        return len(pending)

    def start(self) -> None:
        """Convert on a worker thread from now on (the bridge: never on the executor or the control thread)."""
        self._worker = threading.Thread(target=self._work, name="camera_frames", daemon=True)
        self._worker.start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._wake.notify()
        if self._worker is not None:
            self._worker.join(timeout=2.0)

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
            self.convert_pending()

    def _store(self, camera: str, frame: np.ndarray | str, received: float, seq: int | None) -> None:
        with self._lock:
            if seq is not None and seq != self._seq[camera]:
                return  # a later frame (or its refusal) came meanwhile: it decides
            if isinstance(frame, str):
                self._latest.pop(camera, None)
                self._errors[camera] = frame
                return
            frame.setflags(write=False)
            self._latest[camera] = (frame, received)
            self._errors.pop(camera, None)
            self.received[camera] += 1

    def put(self, camera: str, image: np.ndarray, encoding: str, received: float) -> None:
        """Convert and keep ``image`` now; an unusable frame replaces the last one by its error (never by a guess)."""
        try:
            frame: np.ndarray | str = to_policy_image(image, encoding, self.spec.size)
        except CameraImageError as exc:
            frame = str(exc)
        with self._lock:
            self._seq[camera] += 1
            self._pending.pop(camera, None)
        self._store(camera, frame, received, None)

    def reject(self, camera: str, error: str) -> None:
        """A frame that could not be used: the camera has no usable image until the next good one."""
        with self._lock:
            self._seq[camera] += 1
            self._pending.pop(camera, None)
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
    """``policy`` (the bridge's ``Policy``: ``act``, ``reset``, ``close``) fed the camera frames besides ``obs``.

    A chunking or ensembling policy serves actions it predicted from earlier frames, counted by calls, not time: after
    a call that raised (a missing or stale camera, a crash) or a pause longer than the image age limit (DEGRADED, a
    stop, no goal) it is reset first, so its next action comes from the fresh frame alone.
    """

    def __init__(self, policy: Any, frames: CameraFrames, clock: Callable[[], float]) -> None:
        self.policy, self.frames, self.clock = policy, frames, clock
        self._last_act: float | None = None  # node-clock time of the last call that returned an action
        self._failed = False

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        now = self.clock()
        gap = self._failed or (self._last_act is not None and now - self._last_act > self.frames.spec.max_age_s)
        self._failed = True  # until this call returns an action
        images = self.frames.images(now)  # raises before the policy sees anything
        if gap:
            self.policy.reset()
        action = np.asarray(self.policy.act({**obs, **images}))
        self._failed, self._last_act = False, now
        return action

    def reset(self) -> None:
        self._failed, self._last_act = True, None  # until the inner reset returns: a failed one is retried
        self.policy.reset()
        self._failed = False
    def close(self) -> None:
        close = getattr(self.policy, "close", None)
        if close is not None:
            close()
