"""Temporal filter, outlier rejection and staleness for per-frame object detections.

Driven frame by frame with the image stamp (never the wall clock), so it runs the same in tests, in the
benchmark and in the node. A jump larger than ``outlier_distance`` is held back as an outlier until it has
been seen ``confirm_frames`` times close together (within ``stale_frames`` frames; frames where the object
is not found in between do not reset the count): then the object really moved, e.g. was picked up.

A track missed for ``stale_frames`` frames is lost: its pose is a memory no longer worth reporting, so
``objects`` leaves it out (as an object never seen) instead of serving its old pose with a growing age. A lost
track is re-acquired where it is seen again: at once near its old pose, else after ``confirm_frames`` detections
close together however far apart in time. Seen without this (bench/agent_ros.py): a cube the arm hid after a
scene reset was served at its old pose for 48 s; and a cube seen once every 5 frames or fewer at a new place
never gathers the confirmations a fresh track's window asks for, so it would stay there for good.

A frame counts towards the loss only when the camera could have seen the object: one whose remembered place
something nearer covers (``occluded`` in ``update``: the arm between the camera and a stack) is not lost, it is
reported at that place with its growing age, for at most ``max_occluded_frames`` frames unseen: past that it is
lost whatever covers its place (something nearer parked there for good would otherwise keep a cube a person took
away in the scene for ever). Seen without this (bench/agent_ros.py, seed 14): the arm lifting a
cube in front of a stack hid both stacked cubes for ten frames, the bridge marked them missing, and the replan
was refused, "there is no red cube in the scene".
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from robot.perception.detection import ObjectDetection
from robot.perception.errors import PerceptionConfigError


@dataclass(frozen=True, kw_only=True)
class TrackerConfig:
    """Filter gain, outlier gate and staleness limit (in frames, as the issue's fault is defined)."""

    smoothing: float = 0.5
    """Weight of the new measurement in the exponential filter (1 = no filtering)."""
    outlier_distance: float = 0.05
    confirm_frames: int = 3
    stale_frames: int = 10
    max_occluded_frames: int = 50
    """Frames a track may go unseen, occluded or not, before it is lost (at least ``stale_frames``): the occluded
    rule keeps a memory, not a measurement, and a memory is bounded."""

    def __post_init__(self) -> None:
        if not 0.0 < self.smoothing <= 1.0:
            raise PerceptionConfigError(f"tracker: smoothing must be in (0, 1], got {self.smoothing!r}")
        if not math.isfinite(self.outlier_distance) or self.outlier_distance <= 0:
            raise PerceptionConfigError(f"tracker: outlier_distance must be > 0 m, got {self.outlier_distance!r}")
        for label, value in (("confirm_frames", self.confirm_frames), ("stale_frames", self.stale_frames)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise PerceptionConfigError(f"tracker: {label} must be an integer >= 1, got {value!r}")
        m = self.max_occluded_frames
        if isinstance(m, bool) or not isinstance(m, int) or m < self.stale_frames:
            raise PerceptionConfigError(f"tracker: max_occluded_frames must be an integer >= stale_frames "
                                        f"({self.stale_frames}), got {m!r}")


@dataclass(frozen=True)
class TrackedObject:
    """The filtered pose of one object; ``age`` is seconds since it was last measured."""

    name: str
    position: np.ndarray
    quat: np.ndarray
    confidence: float
    age: float
    frames_unseen: int
    method: str


@dataclass(frozen=True)
class StaleFault:
    """Objects the current skill needs that have not been measured for ``stale_frames`` frames (or ever)."""

    objects: tuple[str, ...]
    frames_unseen: dict[str, int]

    @property
    def message(self) -> str:
        parts = [f"{n} ({'never seen' if self.frames_unseen[n] < 0 else f'{self.frames_unseen[n]} frames'})"
                 for n in self.objects]
        return "perception stale: " + ", ".join(parts)


class _Track:
    def __init__(self, det: ObjectDetection, stamp: float) -> None:
        self.position, self.quat = det.position.astype(float).copy(), det.quat.astype(float).copy()
        self.confidence, self.method = det.confidence, det.method
        self.last_stamp, self.unseen = stamp, 0
        self.misses = 0  # frames unmeasured while its place was in plain view (not occluded): the loss counts these
        self.pending: list[tuple[int, ObjectDetection]] = []  # (frame number, detection) of an unconfirmed move


class ObjectTracker:
    """Keeps one track per object name; ``update`` once per processed frame."""

    def __init__(self, config: TrackerConfig, object_names: Iterable[str]) -> None:
        self.config = config
        self.object_names = tuple(object_names)
        self._tracks: dict[str, _Track] = {}
        self.outliers_rejected = 0
        self.stamp = float("nan")
        self._frame = 0

    def update(self, stamp: float, detections: Mapping[str, ObjectDetection],
               occluded: Collection[str] = ()) -> None:
        """One frame's ``detections``; ``occluded``: objects whose remembered place the camera could not see in it
        (something nearer covers it), whose miss is no sign of their absence."""
        cfg = self.config
        self.stamp = stamp
        self._frame += 1
        for name in self.object_names:
            det = detections.get(name)
            track = self._tracks.get(name)
            if det is None or not (np.all(np.isfinite(det.position)) and np.all(np.isfinite(det.quat))):
                if track is not None:
                    # A miss does not undo the confirmations of a move: a cube seen in every other frame at
                    # its new place (half hidden, refused in between) must still be followed there.
                    track.unseen += 1
                    track.misses += name not in occluded
                continue
            if track is None:
                self._tracks[name] = _Track(det, stamp)
                continue
            if np.linalg.norm(det.position - track.position) > cfg.outlier_distance:
                # Confirmations count within the last stale_frames frames, so two stray outliers long apart
                # never add up to a move; a track unmeasured that long (lost, or hidden all that while) has no pose
                # to defend, and all its sightings count.
                lost = track.unseen >= cfg.stale_frames
                recent = [(f, p) for f, p in track.pending if lost or self._frame - f < cfg.stale_frames]
                near = not recent or np.linalg.norm(det.position - recent[-1][1].position) <= cfg.outlier_distance
                track.pending = [*recent, (self._frame, det)] if near else [(self._frame, det)]
                if len(track.pending) < cfg.confirm_frames:
                    self.outliers_rejected += 1
                    track.unseen += 1
                    track.misses += 1
                    continue
                self._tracks[name] = _Track(det, stamp)  # it moved: restart the filter at the new place
                continue
            track.pending.clear()
            a = cfg.smoothing
            track.position = (1 - a) * track.position + a * det.position
            q = det.quat if float(np.dot(det.quat, track.quat)) >= 0 else -det.quat
            blended = (1 - a) * track.quat + a * q
            track.quat = blended / np.linalg.norm(blended)
            track.confidence = (1 - a) * track.confidence + a * det.confidence
            track.method, track.last_stamp, track.unseen, track.misses = det.method, stamp, 0, 0

    def objects(self) -> list[TrackedObject]:
        """Tracked objects in ``object_names`` order; objects never measured, or lost (missed in plain view for
        ``stale_frames`` frames, or unseen for ``max_occluded_frames``), are absent (no guessing)."""
        out = []
        for name in self.object_names:
            t = self._tracks.get(name)
            if t is None or t.misses >= self.config.stale_frames or t.unseen >= self.config.max_occluded_frames:
                continue
            # Confidence decays while unseen: the pose is a memory, not a measurement.
            decay = max(0.0, 1.0 - t.unseen / self.config.stale_frames)
            out.append(TrackedObject(name=name, position=t.position.copy(), quat=t.quat.copy(),
                                     confidence=float(t.confidence * decay), age=float(self.stamp - t.last_stamp),
                                     frames_unseen=t.unseen, method=t.method))
        return out

    def stale(self, required: Iterable[str]) -> StaleFault | None:
        """The fault for ``required`` objects unseen for ``stale_frames`` frames or never seen, else None."""
        unseen = {}
        for name in required:
            t = self._tracks.get(name)
            if t is None:
                unseen[name] = -1
            elif t.unseen >= self.config.stale_frames:
                unseen[name] = t.unseen
        return StaleFault(tuple(unseen), unseen) if unseen else None

    def reset(self) -> None:
        self._tracks.clear()
