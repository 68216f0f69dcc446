"""The perception pipeline: check the image, detect objects, filter them, report staleness. No ROS here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.color_detector import ColorCubeDetector, ColorDetectorConfig, default_color_ranges
from robot.perception.detection import ObjectDetection
from robot.perception.errors import CameraInfoError, PerceptionConfigError
from robot.perception.marker_config import MarkerConfig, sim_marker_config
from robot.perception.marker_detector import MarkerDetector
from robot.perception.object_tracker import ObjectTracker, StaleFault, TrackedObject, TrackerConfig
from robot.perception.perception_config import PerceptionConfig
from robot.perception.place_detector import PlaceDetector, PlaceDetectorConfig
from robot.perception.scene_output import object_poses, scene_dict


@dataclass(frozen=True)
class PerceptionResult:
    """One processed frame: raw detections, filtered objects, and the stale fault if any."""

    stamp: float
    detections: dict[str, ObjectDetection]
    objects: list[TrackedObject]
    fault: StaleFault | None
    object_names: tuple[str, ...]
    regions: tuple[str, ...]
    places: tuple[TrackedObject, ...] = ()
    """Filtered place poses (pad, bin) when the config asks for places; absent until first located."""

    def object_poses(self) -> np.ndarray:
        return object_poses(self.objects, self.object_names)

    def scene(self) -> dict[str, Any]:
        out = scene_dict(self.objects, self.stamp, self.regions)
        if self.places:
            # The sim's ground-truth layout: place name -> [x, y, z] of the place's base on the table.
            out["places"] = {p.name: [round(float(v), 5) for v in p.position] for p in self.places}
        return out


OCCLUDED_STALE_FACTOR = 5
"""A cube whose place something nearer covers is kept unseen for at most this many times ``stale_frames`` frames
(``TrackerConfig.max_occluded_frames``; 50 frames with the default 10): the arm lifting a cube in front of a stack
hid it for ten (bench/agent_ros.py seed 14); longer, the bridge's own ``_hidden`` rule decides."""

class Perception:
    """Turns camera frames into object poses in the base frame, for one camera of known intrinsics."""

    def __init__(self, config: PerceptionConfig, camera: CameraModel,
                 marker_config: MarkerConfig | None = None) -> None:
        if camera.name != config.camera:
            raise CameraInfoError(f"perception is configured for camera {config.camera!r}, got intrinsics of "
                                  f"camera {camera.name!r}")
        self.config, self.camera = config, camera
        self._markers: MarkerDetector | None = None
        self._colors: ColorCubeDetector | None = None
        if config.method == "marker":
            if marker_config is None:
                marker_config = (MarkerConfig.load(config.markers_file) if config.markers_file
                                 else sim_marker_config(n.split("_")[0] for n in config.object_names))
            unknown = sorted({m.object for m in marker_config.markers} - set(config.object_names))
            if unknown:
                raise PerceptionConfigError(f"markers name objects {unknown} not in object_names "
                                            f"{list(config.object_names)}")
            self._markers = MarkerDetector(marker_config, camera)
        else:
            ranges = default_color_ranges()
            colors = [n.split("_")[0] for n in config.object_names]
            missing = [c for c in colors if c not in ranges]
            if missing:
                raise PerceptionConfigError(f"no HSV range for colours {missing}; valid: {', '.join(ranges)}")
            self._colors = ColorCubeDetector(ColorDetectorConfig(
                colors={c: ranges[c] for c in colors}, cube_half=config.cube_half, table_z=config.table_z), camera)
        self.tracker = ObjectTracker(TrackerConfig(smoothing=config.smoothing,
                                                   outlier_distance=config.outlier_distance,
                                                   confirm_frames=config.confirm_frames,
                                                   stale_frames=config.stale_frames,
                                                   max_occluded_frames=OCCLUDED_STALE_FACTOR * config.stale_frames),
                                     config.object_names)
        self.required: tuple[str, ...] = tuple(config.required_objects)
        self._places: PlaceDetector | None = None
        self.place_tracker: ObjectTracker | None = None
        if config.places:
            self._places = PlaceDetector(PlaceDetectorConfig(places=config.places, table_z=config.table_z), camera)
            # Places stand still: a heavy filter, and a move must be seen on several frames (a scene reset).
            self.place_tracker = ObjectTracker(TrackerConfig(smoothing=0.3, outlier_distance=config.outlier_distance,
                                                             confirm_frames=config.confirm_frames,
                                                             stale_frames=config.stale_frames,
                                                             max_occluded_frames=OCCLUDED_STALE_FACTOR
                                                             * config.stale_frames), config.places)

    def detect(self, image: np.ndarray, encoding: str, base_from_camera: np.ndarray,
               depth: np.ndarray | None = None, depth_encoding: str = "32FC1") -> dict[str, ObjectDetection]:
        """Per-frame detections (unfiltered) after checking the image against the camera model."""
        depth_m = self.camera.depth_in_metres(depth, depth_encoding) if depth is not None else None
        return self._detect(image, encoding, base_from_camera, depth_m)

    def _detect(self, image: np.ndarray, encoding: str, base_from_camera: np.ndarray,
                depth_m: np.ndarray | None) -> dict[str, ObjectDetection]:
        self.camera.check_color(image, encoding)
        if base_from_camera.shape != (4, 4) or not np.all(np.isfinite(base_from_camera)):
            raise PerceptionConfigError(f"base_from_camera must be a finite 4x4 transform, got {base_from_camera!r}")
        if self.config.use_depth and depth_m is None and self._colors is not None:
            raise PerceptionConfigError("use_depth is set but the frame has no depth image")
        if self._markers is not None:
            code = cv2.COLOR_RGB2GRAY if encoding == "rgb8" else cv2.COLOR_BGR2GRAY
            return self._markers.detect(cv2.cvtColor(image, code), base_from_camera)
        assert self._colors is not None  # one of the two is always built in __init__
        rgb = image if encoding == "rgb8" else cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        return self._colors.detect(rgb, base_from_camera, depth_m if self.config.use_depth else None)

    def process(self, image: np.ndarray, encoding: str, stamp: float, base_from_camera: np.ndarray,
                depth: np.ndarray | None = None, depth_encoding: str = "32FC1") -> PerceptionResult:
        """Detect, filter, and check staleness of the required objects for one frame stamped ``stamp`` (s)."""
        depth_m = self.camera.depth_in_metres(depth, depth_encoding) if depth is not None else None
        detections = self._detect(image, encoding, base_from_camera, depth_m)
        self.tracker.update(stamp, detections, self.occluded(detections, depth_m, base_from_camera))
        places: tuple[TrackedObject, ...] = ()
        if self._places is not None and self.place_tracker is not None and depth_m is not None:
            rgb = image if encoding == "rgb8" else cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
            hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
            found = self._places.detect(hsv, depth_m, base_from_camera)
            self.place_tracker.update(stamp, found)
            places = tuple(self.place_tracker.objects())
        return PerceptionResult(stamp=stamp, detections=detections, objects=self.tracker.objects(),
                                fault=self.tracker.stale(self.required), object_names=self.config.object_names,
                                regions=self.config.regions, places=places)

    def occluded(self, detections: dict[str, ObjectDetection], depth_m: np.ndarray | None,
                 base_from_camera: np.ndarray) -> frozenset[str]:
        """Tracked cubes not found in this frame whose remembered place something nearer covers in the depth image
        (``ColorCubeDetector.occluded``): the tracker does not count the frame towards losing them. Without depth
        (or with markers) nothing is known to be occluded."""
        if depth_m is None or self._colors is None or not self.config.use_depth:
            return frozenset()
        return frozenset(o.name for o in self.tracker.objects() if o.name not in detections
                         and self._colors.occluded(o.position, o.quat, depth_m, base_from_camera))
