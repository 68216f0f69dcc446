"""Configuration of the perception pipeline (also the ``armstack_perception`` node's parameters)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from robot.perception.errors import PerceptionConfigError
from robot.perception.place_detector import PLACES
from sim.config_io import from_mapping, load_config
from sim.scene import SceneConfig
from sim.skills.regions import REGIONS

METHODS = ("marker", "color")


@dataclass(frozen=True, kw_only=True)
class PerceptionConfig:
    """What to detect, how, and when to call the scene stale. Lengths in metres, in the robot base frame."""

    camera: str = "front"
    """Name of the camera; CameraInfo frames and calibration files for another camera are refused."""
    method: str = "marker"
    object_names: tuple[str, ...] = tuple(f"{c}_cube" for c in SceneConfig.cubes)  # the default scene's cubes
    markers_file: str = ""
    """YAML of marker ids and offsets (``MarkerConfig``); empty: the sim's cube-top markers."""
    use_depth: bool = False
    cube_half: float = 0.022
    table_z: float = 0.0
    smoothing: float = 0.5
    outlier_distance: float = 0.05
    confirm_frames: int = 3
    stale_frames: int = 10
    required_objects: tuple[str, ...] = ()
    """Objects the current skill needs: unseen for ``stale_frames`` frames, they raise the stale fault."""
    regions: tuple[str, ...] = REGIONS
    places: tuple[str, ...] = ()
    """Places to locate (``pad``, ``bin``; colour method with depth): published as ``places`` in the scene
    JSON, the layout the bridge reads the pick-and-place target from. Empty: none."""
    calibration_file: str = ""
    """Camera calibration YAML (intrinsics + mount); empty: intrinsics from CameraInfo, mount from tf params."""

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise PerceptionConfigError(f"unknown perception method {self.method!r}; valid: {', '.join(METHODS)}")
        if not self.camera:
            raise PerceptionConfigError("perception: camera must name the camera in use")
        names = tuple(self.object_names)
        if not names or len(set(names)) != len(names):
            raise PerceptionConfigError(f"perception: object_names must be distinct and non-empty, got {names}")
        for name in names:
            parts = name.split("_")
            if len(parts) != 2 or not all(parts):
                raise PerceptionConfigError(f"perception: object name {name!r} must be '<color>_<kind>'")
        missing = sorted(set(self.required_objects) - set(names))
        if missing:
            raise PerceptionConfigError(f"perception: required_objects {missing} are not in object_names {names}")
        if self.method == "color" and any(not n.endswith("_cube") for n in names):
            raise PerceptionConfigError(f"perception: the colour method finds cubes only, got {names}")
        strange = sorted(set(self.regions) - set(REGIONS))
        if strange or len(set(self.regions)) != len(self.regions):
            raise PerceptionConfigError(f"perception: regions must be distinct names from {', '.join(REGIONS)}, "
                                        f"got {list(self.regions)}")
        unknown = sorted(set(self.places) - set(PLACES))
        if unknown or len(set(self.places)) != len(self.places):
            raise PerceptionConfigError(f"perception: places must be distinct names from {', '.join(PLACES)}, "
                                        f"got {list(self.places)}")
        if self.places and (self.method != "color" or not self.use_depth):
            raise PerceptionConfigError("perception: places are located with the colour method and depth "
                                        f"(method: color, use_depth: true), got method {self.method!r}, "
                                        f"use_depth {self.use_depth!r}")
        for label in ("cube_half", "table_z", "outlier_distance", "smoothing"):
            value = getattr(self, label)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise PerceptionConfigError(f"perception: {label} must be a finite number, got {value!r}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "perception config") -> PerceptionConfig:
        return from_mapping(cls, data, where=where, error=PerceptionConfigError)

    @classmethod
    def load(cls, path: str | Path) -> PerceptionConfig:
        return load_config(cls, path, error=PerceptionConfigError)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
