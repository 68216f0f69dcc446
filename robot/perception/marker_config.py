"""Which ArUco/AprilTag markers sit on which objects, and where: the marker-to-object offsets (YAML)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from robot.perception.errors import PerceptionConfigError
from robot.perception.pose_math import make_transform, quat_to_matrix
from sim.config_io import from_mapping, load_yaml


def dictionary_names() -> list[str]:
    """The predefined ArUco and AprilTag dictionaries OpenCV knows (``DICT_4X4_50``, ``DICT_APRILTAG_36h11``...)."""
    import cv2

    names = [n for n in dir(cv2.aruco) if n.startswith("DICT_")]
    # OpenCV also exports upper-case aliases of the AprilTag names (DICT_APRILTAG_36H11): list one spelling.
    return sorted(n for n in names if not any(m != n and m.upper() == n for m in names))


@dataclass(frozen=True, kw_only=True)
class MarkerSpec:
    """Marker ``id`` of side ``size`` (the black square, metres) on ``object``; its pose in the object frame.

    The marker frame is OpenCV's: origin at the square's centre, x right, y up, z out of the printed face.
    """

    id: int
    object: str
    size: float
    position: tuple[float, float, float] = (0.0, 0.0, 0.0)
    quaternion: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        if isinstance(self.id, bool) or not isinstance(self.id, int) or self.id < 0:
            raise PerceptionConfigError(f"marker id must be an integer >= 0, got {self.id!r}")
        parts = self.object.split("_") if isinstance(self.object, str) else []
        if len(parts) != 2 or not all(parts):
            raise PerceptionConfigError(f"marker {self.id}: object {self.object!r} must be named '<color>_<kind>'")
        if not isinstance(self.size, int | float) or not 0.002 <= self.size <= 2.0:
            raise PerceptionConfigError(f"marker {self.id}: size must be in [0.002, 2] m, got {self.size!r}")
        for label, vec, n in (("position", self.position, 3), ("quaternion", self.quaternion, 4)):
            if len(vec) != n or not all(isinstance(v, int | float) and math.isfinite(v) for v in vec):
                raise PerceptionConfigError(f"marker {self.id}: {label} must be {n} finite numbers, got {vec!r}")
        if abs(math.sqrt(sum(q * q for q in self.quaternion)) - 1.0) > 1e-3:
            raise PerceptionConfigError(f"marker {self.id}: quaternion {self.quaternion!r} is not unit length")

    @property
    def object_from_marker(self) -> np.ndarray:
        return make_transform(quat_to_matrix(self.quaternion), self.position)

    @property
    def corners(self) -> np.ndarray:
        """(4, 3) corners in the marker frame, in ArUco's order (top-left, top-right, bottom-right, bottom-left)."""
        h = self.size / 2.0
        return np.array([[-h, h, 0.0], [h, h, 0.0], [h, -h, 0.0], [-h, -h, 0.0]])


@dataclass(frozen=True, kw_only=True)
class MarkerConfig:
    """A marker dictionary and the markers of it that perception uses; other ids in view are ignored."""

    dictionary: str = "DICT_4X4_50"
    markers: tuple[MarkerSpec, ...] = ()
    refine_edges: bool = True
    """Refine corners from the marker's edges (see ``marker_refine``); off gives OpenCV's corners."""

    def __post_init__(self) -> None:
        names = dictionary_names()
        if self.dictionary not in names:
            raise PerceptionConfigError(f"unknown marker dictionary {self.dictionary!r}; valid: {', '.join(names)}")
        ids = [m.id for m in self.markers]
        if len(set(ids)) != len(ids):
            raise PerceptionConfigError(f"marker ids must be unique, got {ids}")

    @property
    def by_id(self) -> dict[int, MarkerSpec]:
        return {m.id: m for m in self.markers}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MarkerConfig:
        if not isinstance(data, Mapping) or not isinstance(data.get("markers") or [], list | tuple):
            raise PerceptionConfigError(f"marker config: expected a mapping with a 'markers' list, got "
                                        f"{type(data).__name__} {data!r:.80}")
        markers = tuple(from_mapping(MarkerSpec, m, where=f"markers[{i}]", error=PerceptionConfigError)
                        for i, m in enumerate(data.get("markers") or []))
        return from_mapping(cls, {**data, "markers": markers}, where="marker config", error=PerceptionConfigError)

    @classmethod
    def load(cls, path: str | Path) -> MarkerConfig:
        data = load_yaml(path, error=PerceptionConfigError)
        return cls.from_dict(data if data is not None else {})


def sim_marker_config(cubes: Iterable[str] = ("red", "green", "blue")) -> MarkerConfig:
    """The markers that ``SceneConfig(marker_textures=True)`` textures on the tops of the sim's cubes."""
    from sim import scene

    size = 2 * scene.CUBE_MARKER_PLATE_HALF * scene.MARKER_FRACTION
    top = scene.CUBE_HALF + 2 * scene.MARKER_PLATE_THICKNESS
    return MarkerConfig(dictionary=scene.MARKER_DICTIONARY, markers=tuple(
        MarkerSpec(id=scene.CUBE_MARKER_IDS[c], object=f"{c}_cube", size=size, position=(0.0, 0.0, top))
        for c in cubes))
