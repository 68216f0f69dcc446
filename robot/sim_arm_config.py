"""Parameters of the simulated arm node, and reading a node's section from a ROS 2 parameter file.

A ROS 2 parameter file holds one section per node: ``<node_name>: {ros__parameters: {...}}`` (the key may
also be ``/<node_name>``, ``/<namespace>/<node_name>`` or the wildcard ``/**``). The sim arm validates its
section here, before any rclpy call, so that a bad file gives a message naming the bad value, and so that
tests can check every shipped file without starting a node.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from robot.errors import ParameterError
from robot.sim_models import SIM_MODELS
from robot.vendor_profiles import check_profile_robot
from sim.config_io import from_mapping, load_yaml
from sim.errors import SimError
from sim.scene import CAMERAS, COLORS, SceneConfig
from sim.tasks import TASKS

NODE_NAME = "armstack_sim_arm"
# Joint-name prefix the FR3 driver (franka_ros2 for FR3) uses in place of the Panda's.
JOINT_PREFIX_RENAMES: dict[str, tuple[str, str]] = {"fr3": ("panda_", "fr3_")}


# Name of each bounded numeric parameter -> (low, high), inclusive; also the declared ROS parameters' ranges.
RANGES: dict[str, tuple[float, float]] = {
    "publish_rate_hz": (1.0, 1000.0),
    "estop_rate_hz": (10.0, 200.0),
    "objects_rate_hz": (1.0, 100.0),
    "max_catchup_s": (0.002, 1.0),
    "camera_rate_hz": (0.1, 60.0),
    "camera_width": (16, 1920),
    "camera_height": (16, 1080),
    "seed": (0, 2**31 - 1),
}
# What each parameter does, for the declared ROS parameters' descriptors (``ros2 param describe``).
DESCRIPTIONS: dict[str, str] = {
    "robot": "robot the arm stands in for: panda, ur5e or fr3 (its driver's joint names)",
    "profile": "driver double: generic, ur (ur_robot_driver's topics and status) or franka (franka_ros2's)",
    "publish_rate_hz": "joint_states publish rate (Hz); physics steps on the same schedule",
    "controller": "arm controller namespace: <controller>/commands and <controller>/joint_trajectory",
    "gripper_controller": "gripper controller namespace: <gripper_controller>/commands",
    "estop_heartbeat": "publish estop=false as a heartbeat at estop_rate_hz (changes live)",
    "estop_rate_hz": "estop heartbeat rate (Hz)",
    "publish_objects": "publish ground truth on scene/objects and scene/object_poses (false when perception does)",
    "objects_rate_hz": "scene/objects publish rate (Hz)",
    "task": "task a ~/scene_reset samples its goal from when the request names none",
    "seed": "seed of the initial object layout",
    "cubes": "cube colours in the scene",
    "max_catchup_s": "physics further behind real time than this (s) skips ahead instead of bursting",
    "record": "MCAP file recording what the arm published and received ('' = off)",
    "camera": "scene camera(s) to publish as <camera>/image_raw + camera_info: front, overhead, wrist, or a comma "
              "list such as front,wrist ('' = off)",
    "camera_rate_hz": "camera image rate (Hz)",
    "camera_width": "camera image width (px)",
    "camera_height": "camera image height (px)",
    "camera_depth": "also publish <camera>/depth/image_raw (16UC1 mm), registered to the colour image",
    "camera_shadows": "cast shadows in the camera image (slow on software EGL)",
    "marker_textures": "ArUco markers on the cube tops (perception's marker method)",
    "publish_ground_truth": "ground truth on ~/ground_truth for evaluating a perception-driven run",
}
# Applied by the running node at once; every other parameter is read-only (set at start-up).
LIVE: frozenset[str] = frozenset({"estop_heartbeat"})


def _rate(name: str, value: Any) -> None:
    low, high = RANGES[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not low <= value <= high:
        raise ParameterError(f"{NODE_NAME}: {name} must be a number in [{low}, {high}], got {value!r}")


@dataclass(frozen=True, kw_only=True)
class SimArmConfig:
    """What the simulated arm models and how often it publishes (rates in Hz, times in s)."""

    robot: str = "panda"
    profile: str = "generic"
    """The driver this arm doubles for (``robot.vendor_profiles``): its topics, status, faults and actions."""
    publish_rate_hz: float = 250.0
    controller: str = "arm_controller"
    gripper_controller: str = "gripper_controller"
    estop_heartbeat: bool = True
    estop_rate_hz: float = 20.0
    publish_objects: bool = True
    objects_rate_hz: float = 20.0
    task: str = "pick_place"
    """Task whose goal a ``~/scene_reset`` samples (reported on ``~/events``) when the request names none."""
    seed: int = 0
    """Seed of the initial object layout."""
    cubes: tuple[str, ...] = SceneConfig.cubes  # the default scene's
    max_catchup_s: float = 0.05
    """Physics further behind real time than this skips ahead (counted as an overrun) instead of bursting."""
    record: str = ""
    """An MCAP file recording what the arm published and every command and request it received ('' = off)."""
    camera: str = ""
    """Scene cameras (front, overhead, wrist; a comma list for several) to publish, each as ``<camera>/image_raw`` +
    ``camera_info`` ('' = off)."""
    camera_rate_hz: float = 10.0
    camera_width: int = 640
    camera_height: int = 480
    camera_depth: bool = False
    """Also publish ``<camera>/depth/image_raw`` (16UC1, millimetres), registered to the colour image, same stamps."""
    camera_shadows: bool = True
    """Cast shadows in the camera image. Under software EGL they cost most of a frame (docs/measured_defaults.md):
    perception in the loop turns them off."""
    marker_textures: bool = False
    """ArUco markers on the cube tops, for the marker method of the perception node."""
    publish_ground_truth: bool = False
    """Ground truth on ``~/ground_truth`` (the ``scene/objects`` layout) for evaluating a run whose
    ``scene/objects`` come from perception (``publish_objects: false``); nothing in the loop reads it."""

    def __post_init__(self) -> None:
        if self.robot not in SIM_MODELS:
            raise ParameterError(f"{NODE_NAME}: unknown robot {self.robot!r}; valid: {', '.join(SIM_MODELS)}")
        check_profile_robot(self.profile, self.robot, where=NODE_NAME)
        _rate("publish_rate_hz", self.publish_rate_hz)
        _rate("estop_rate_hz", self.estop_rate_hz)
        _rate("objects_rate_hz", self.objects_rate_hz)
        _rate("max_catchup_s", self.max_catchup_s)
        for name in ("controller", "gripper_controller"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value or not all(c.isalnum() or c in "_/" for c in value) \
                    or value.startswith("/") or value.endswith("/"):
                raise ParameterError(f"{NODE_NAME}: {name} must be a relative topic name like 'arm_controller', "
                                     f"got {value!r}")
        for name in ("estop_heartbeat", "publish_objects", "camera_depth", "camera_shadows", "publish_ground_truth"):
            if not isinstance(getattr(self, name), bool):
                raise ParameterError(f"{NODE_NAME}: {name} must be true or false, got {getattr(self, name)!r}")
        names = self.cameras
        if not isinstance(self.camera, str) or any(c not in CAMERAS for c in names) or len(set(names)) != len(names):
            raise ParameterError(f"{NODE_NAME}: camera {self.camera!r}; valid: '' (off), or distinct names of "
                                 f"{', '.join(CAMERAS)} separated by commas")
        _rate("camera_rate_hz", self.camera_rate_hz)
        (w_low, w_high), (h_low, h_high) = RANGES["camera_width"], RANGES["camera_height"]
        if isinstance(self.camera_width, bool) or not isinstance(self.camera_width, int) \
                or isinstance(self.camera_height, bool) or not isinstance(self.camera_height, int) \
                or not (w_low <= self.camera_width <= w_high and h_low <= self.camera_height <= h_high):
            raise ParameterError(f"{NODE_NAME}: camera size {self.camera_width!r}x{self.camera_height!r} must be "
                                 f"integers within {w_low}x{h_low} .. {w_high}x{h_high}")
        if not isinstance(self.marker_textures, bool):
            raise ParameterError(f"{NODE_NAME}: marker_textures must be true or false, got {self.marker_textures!r}")
        if self.task not in TASKS:
            raise ParameterError(f"{NODE_NAME}: unknown task {self.task!r}; valid: {', '.join(TASKS)}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) \
                or not RANGES["seed"][0] <= self.seed <= RANGES["seed"][1]:
            raise ParameterError(f"{NODE_NAME}: seed must be an integer in {list(RANGES['seed'])}, got {self.seed!r}")
        if not isinstance(self.record, str) or (self.record and not self.record.endswith(".mcap")):
            raise ParameterError(f"{NODE_NAME}: record must be '' (off) or a path ending in .mcap, got {self.record!r}")
        if not isinstance(self.cubes, tuple) or not self.cubes or len(set(self.cubes)) != len(self.cubes) \
                or any(c not in COLORS for c in self.cubes):
            raise ParameterError(f"{NODE_NAME}: cubes must be distinct colours from {', '.join(COLORS)}, "
                                 f"got {self.cubes!r}")

    @property
    def cameras(self) -> tuple[str, ...]:
        """The cameras ``camera`` names ("front,wrist": both, each on its own topics); () when off."""
        return tuple(c.strip() for c in self.camera.split(",")) if isinstance(self.camera, str) and self.camera else ()

    @property
    def sim_model(self) -> str:
        """The built-in model (``sim.robots``) the arm runs on."""
        return SIM_MODELS[self.robot]


def read_node_parameters(path: str | Path, node_name: str) -> dict[str, Any]:
    """The ``ros__parameters`` of ``node_name`` in the ROS 2 parameter file at ``path`` ({} if it has none).

    Wildcard sections (``/**``) apply first, then the node's own section, as ROS 2 does.
    """
    try:
        data = load_yaml(path)
    except SimError as exc:
        raise ParameterError(f"parameter file: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParameterError(f"{path}: expected a mapping of node names to sections, got {type(data).__name__}")
    merged: dict[str, Any] = {}
    for wildcard in (True, False):
        for key, section in data.items():
            name = str(key).rstrip("/").rsplit("/", 1)[-1]
            if (str(key) == "/**") != wildcard or (not wildcard and name != node_name):
                continue
            if not isinstance(section, dict) or set(section) != {"ros__parameters"} \
                    or not isinstance(section["ros__parameters"], dict):
                raise ParameterError(f"{path}: section {key!r} must hold exactly one mapping 'ros__parameters'")
            merged.update(section["ros__parameters"])
    return merged


def read_params_files(paths: Sequence[str | Path], node_name: str) -> dict[str, Any]:
    """``node_name``'s parameters from ROS 2 parameter files, later files overriding earlier ones."""
    merged: dict[str, Any] = {}
    for path in paths:
        if not Path(path).is_file():
            raise ParameterError(f"parameter file {str(path)!r} does not exist (pass --ros-args --params-file "
                                 f"launch/config/<robot>.yaml with robot one of {', '.join(SIM_MODELS)})")
        merged.update(read_node_parameters(path, node_name))
    return merged


def sim_arm_config_from_parameters(params: dict[str, Any], *, where: str = NODE_NAME) -> SimArmConfig:
    """Build and validate the config; unknown parameters are an error that lists the valid ones."""
    return from_mapping(SimArmConfig, params, where=where, error=ParameterError)


def load_sim_arm_config(path: str | Path | None) -> SimArmConfig:
    """The sim arm's config from a ROS 2 parameter file (defaults without one)."""
    if path is None:
        return SimArmConfig()
    return sim_arm_config_from_parameters(read_node_parameters(path, NODE_NAME), where=f"{path}: {NODE_NAME}")
