"""Perception output in the two layouts consumers read: the env's ``object_poses`` and the scene JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from robot.perception.object_tracker import TrackedObject


def object_poses(objects: Sequence[TrackedObject], object_names: Sequence[str]) -> np.ndarray:
    """(n, 7) position + quaternion (w, x, y, z) rows in ``object_names`` order, as the sim env's observation.

    Rows of objects never seen are NaN: a policy must not act on an invented pose.
    """
    out = np.full((len(object_names), 7), np.nan)
    index = {n: i for i, n in enumerate(object_names)}
    for obj in objects:
        if obj.name in index:
            out[index[obj.name], :3] = obj.position
            out[index[obj.name], 3:] = obj.quat
    return out


def scene_dict(objects: Sequence[TrackedObject], stamp: float, regions: Sequence[str],
               frame: str = "base") -> dict[str, Any]:
    """The ``scene/objects`` message body: objects named ``<color>_<kind>`` with confidence and age."""
    rows = []
    for obj in objects:
        color, kind = obj.name.split("_", 1)
        rows.append({"name": obj.name, "kind": kind, "color": color,
                     "position": [round(float(v), 5) for v in obj.position],
                     "quaternion": [round(float(v), 6) for v in obj.quat],
                     "confidence": round(float(obj.confidence), 4), "age": round(float(obj.age), 4)})
    return {"stamp": float(stamp), "frame": frame, "objects": rows, "regions": list(regions)}


def scene_json(objects: Sequence[TrackedObject], stamp: float, regions: Sequence[str], frame: str = "base") -> str:
    return json.dumps(scene_dict(objects, stamp, regions, frame))
