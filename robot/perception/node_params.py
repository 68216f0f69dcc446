"""Parameters of the ``armstack_perception`` node, validated before any rclpy call (no ROS imports here).

The node's section of a ROS 2 parameter file holds every ``PerceptionConfig`` field plus the topics and the
camera mount below; unknown parameters are rejected with the list of valid ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from robot.errors import ParameterError
from robot.perception.errors import PerceptionError
from robot.perception.perception_config import PerceptionConfig
from robot.perception.pose_math import pose_to_transform
from sim.config_io import from_mapping

NODE_NAME = "armstack_perception"
# Applied by the running node at once; every other parameter is read-only (the pipeline is built from it).
LIVE: frozenset[str] = frozenset({"max_frame_age_s"})
# What each parameter does, for the declared ROS parameters' descriptors (``ros2 param describe``).
DESCRIPTIONS: dict[str, str] = {
    "camera": "name of the camera; CameraInfo and calibration files for another camera are refused",
    "method": "detection method: color (HSV cubes) or marker (ArUco/AprilTag)",
    "object_names": "objects to detect, '<color>_<kind>'",
    "markers_file": "YAML of marker ids and offsets ('' = the sim's cube-top markers)",
    "use_depth": "use the registered depth image for positions",
    "cube_half": "half the cube edge (m)",
    "table_z": "table plane height in the base frame (m)",
    "smoothing": "weight of each new measurement in the temporal filter",
    "outlier_distance": "a jump above this (m) must repeat confirm_frames times to be accepted",
    "confirm_frames": "frames an outlier must repeat to be accepted",
    "stale_frames": "a required object unseen this many frames raises perception_stale",
    "required_objects": "objects the current skill needs (also set on ~/required)",
    "regions": "named table regions reported in the scene",
    "places": "places to locate (pad, bin; colour method with depth)",
    "calibration_file": "camera calibration YAML (intrinsics + mount) ('' = CameraInfo and camera_pose)",
    "image_topic": "colour image topic (relative)",
    "camera_info_topic": "CameraInfo topic (relative)",
    "depth_topic": "registered depth image topic ('' = none)",
    "camera_pose": "optical frame in the base frame: x, y, z, qw, qx, qy, qz ([] = calibration file's mount)",
    "max_frame_age_s": "frames older than this (s, in (0, 60]) are dropped (changes live)",
}


@dataclass(frozen=True, kw_only=True)
class NodeTopics:
    """Where the camera driver publishes (relative names; remap or set them for a real driver)."""

    image_topic: str = "camera/image_raw"
    camera_info_topic: str = "camera/camera_info"
    depth_topic: str = ""
    """Registered depth image (32FC1 m or 16UC1 mm) with the colour image's stamps; empty: no depth."""
    camera_pose: tuple[float, ...] = ()
    """Optical frame in the base frame, [x, y, z, qw, qx, qy, qz] (a fixed camera); empty: the calibration
    file's eye_to_hand mount."""
    max_frame_age_s: float = 0.5
    """Frames older than this (node clock minus image stamp) are dropped and reported on ``~/events``."""


@dataclass(frozen=True)
class PerceptionNodeParams:
    perception: PerceptionConfig
    topics: NodeTopics

    def camera_pose_matrix(self) -> np.ndarray | None:
        pose = self.topics.camera_pose
        return None if not pose else pose_to_transform(pose[:3], pose[3:])


def _valid_names() -> list[str]:
    return sorted([*PerceptionConfig.field_names(), *(f.name for f in fields(NodeTopics))])


def perception_params_from_dict(params: dict[str, Any], *, where: str = NODE_NAME) -> PerceptionNodeParams:
    """Split a flat parameter mapping into its two configs and validate them; unknown names are refused here,
    since neither config alone knows the other's."""
    node_keys = {f.name for f in fields(NodeTopics)}
    config_keys = set(PerceptionConfig.field_names())
    unknown = sorted(set(params) - node_keys - config_keys)
    if unknown:
        raise ParameterError(f"{where}: unknown parameter(s) {', '.join(unknown)}; valid: {', '.join(_valid_names())}")
    # One flat section holds two configs: each is built by the config loader from its own keys.
    try:
        config = from_mapping(PerceptionConfig, {k: v for k, v in params.items() if k in config_keys}, where=where,
                              check_types=True, error=ParameterError)
    except PerceptionError as exc:
        raise ParameterError(f"{where}: {exc}") from exc
    topics = from_mapping(NodeTopics, {k: v for k, v in params.items() if k in node_keys}, where=where,
                          check_types=True, error=ParameterError)
    for label in ("image_topic", "camera_info_topic"):
        if not isinstance(getattr(topics, label), str) or not getattr(topics, label):
            raise ParameterError(f"{where}: {label} must be a non-empty topic name")
    pose = topics.camera_pose
    if pose and (len(pose) != 7 or not all(isinstance(v, int | float) and math.isfinite(v) for v in pose)
                 or abs(math.sqrt(sum(q * q for q in pose[3:])) - 1.0) > 1e-3):
        raise ParameterError(f"{where}: camera_pose must be [x, y, z, qw, qx, qy, qz] with a unit quaternion, "
                             f"got {list(pose)}")
    if not pose and not config.calibration_file:
        raise ParameterError(f"{where}: the camera's pose in the base frame is unknown: set camera_pose or a "
                             "calibration_file with an eye_to_hand mount")
    if not (isinstance(topics.max_frame_age_s, int | float) and 0 < topics.max_frame_age_s <= 60):
        raise ParameterError(f"{where}: max_frame_age_s must be in (0, 60] s, got {topics.max_frame_age_s!r}")
    return PerceptionNodeParams(config, topics)


def load_node_params(*paths: str | Path) -> PerceptionNodeParams:
    """The node's parameters from its sections of ROS 2 parameter files (later files override earlier ones)."""
    from robot.sim_arm_config import read_params_files

    if not paths:
        raise ParameterError("no parameter file given")
    merged = read_params_files(paths, NODE_NAME)
    return perception_params_from_dict(merged, where=f"{paths[-1]}: {NODE_NAME}")
