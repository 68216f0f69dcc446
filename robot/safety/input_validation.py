"""Validation of everything the bridge receives: joint states, object lists, instructions.

Inputs arrive as plain Python values (the node copies them out of ROS messages), and each function either
returns a usable value or raises :class:`InputError` with a message naming what was wrong. The bridge turns
a rejected joint state into an ``invalid_state`` fault and any other rejected input into an event: bad
input never crashes the bridge and never passes silently.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from robot.errors import RobotError
from robot.safety.joint_state import JointState
from sim.tasks import PLACE_TARGETS, TASKS, TaskGoal

MAX_OBJECTS = 64
# Bounds checked before a payload is parsed: a flood of megabyte messages must cost the control loop nothing.
MAX_JOINTS = 64
MAX_OBJECTS_CHARS = 64 * 1024
MAX_INSTRUCTION_CHARS = 2000


class InputError(RobotError, ValueError):
    """A message on a bridge input topic that cannot be used; the message says why."""


@dataclass(frozen=True)
class JointMap:
    """Where each expected joint sits in incoming messages; built once per distinct name list."""

    arm: tuple[str, ...]
    fingers: tuple[str, ...]

    def parse(self, names: Sequence[str], position: Sequence[float], velocity: Sequence[float],
              effort: Sequence[float], stamp: float, received: float) -> JointState:
        """A JointState in driver order; missing or unknown joints and mismatched lengths raise InputError."""
        if len(names) > MAX_JOINTS:
            raise InputError(f"joint_states: {len(names)} joint names, at most {MAX_JOINTS}")
        names = list(names)
        n = len(names)
        if len(position) != n:
            raise InputError(f"joint_states: {len(position)} positions for {n} names")
        for label, values in (("velocities", velocity), ("efforts", effort)):
            if len(values) not in (0, n):
                raise InputError(f"joint_states: {len(values)} {label} for {n} names (expected {n} or none)")
        index = {name: i for i, name in enumerate(names)}
        missing = [j for j in self.arm if j not in index]
        if missing:
            raise InputError(f"joint_states: missing joint(s) {', '.join(missing)}; got {', '.join(names) or 'none'}; "
                             f"expected {', '.join(self.arm + self.fingers)}")
        idx = [index[j] for j in self.arm]
        pos = np.asarray(position, dtype=np.float64)
        vel = np.asarray(velocity, dtype=np.float64)[idx] if len(velocity) else np.zeros(len(idx))
        eff = np.asarray(effort, dtype=np.float64)[idx] if len(effort) else np.zeros(len(idx))
        fingers = [pos[index[f]] for f in self.fingers if f in index]
        gripper = float(np.mean(fingers)) if fingers else math.nan
        return JointState(stamp=stamp, received=received, position=pos[idx], velocity=vel, effort=eff,
                          gripper=gripper, fingers=np.array(fingers) if len(fingers) == len(self.fingers) else None)


def parse_objects(text: str) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, float]]:
    """Object poses (position + quaternion wxyz) by name, place positions (``places``: pad, bin) if given, and each
    object's ``age`` (s since perception last measured it; 0 when the message gives none) from a ``scene/objects``
    JSON message."""
    if len(text) > MAX_OBJECTS_CHARS:
        raise InputError(f"scene/objects: {len(text)} characters, at most {MAX_OBJECTS_CHARS}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"scene/objects: not JSON ({exc.msg}): {text[:80]!r}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("objects"), list):
        raise InputError('scene/objects: expected {"objects": [{"name": ..., "position": [x, y, z], '
                         f'"quaternion": [w, x, y, z]}}, ...]}}, got {text[:80]!r}')
    if len(data["objects"]) > MAX_OBJECTS:
        raise InputError(f"scene/objects: {len(data['objects'])} objects, at most {MAX_OBJECTS}")
    out: dict[str, list[float]] = {}
    ages: dict[str, float] = {}
    for i, obj in enumerate(data["objects"]):
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str):
            raise InputError(f"scene/objects: object {i} has no name: {obj!r}")
        pos, quat = obj.get("position"), obj.get("quaternion", [1.0, 0.0, 0.0, 0.0])
        ok = (isinstance(pos, list) and len(pos) == 3 and isinstance(quat, list) and len(quat) == 4
              and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in pos + quat))
        if not ok or not isinstance(pos, list) or not isinstance(quat, list):
            raise InputError(f"scene/objects: {obj['name']}: position must be 3 finite numbers and quaternion 4, "
                             f"got {pos!r}, {quat!r}")
        norm = math.sqrt(sum(v * v for v in quat))
        if norm < 1e-6:
            raise InputError(f"scene/objects: {obj['name']}: zero quaternion")
        age = obj.get("age", 0.0)
        if isinstance(age, bool) or not isinstance(age, int | float) or not math.isfinite(age) or age < 0:
            raise InputError(f"scene/objects: {obj['name']}: age must be a finite number of seconds >= 0, got {age!r}")
        out[obj["name"]] = [float(v) for v in pos] + [float(v) / norm for v in quat]
        ages[obj["name"]] = float(age)
    places = data.get("places", {})
    if not isinstance(places, dict) or not all(
            isinstance(p, list) and len(p) == 3 and all(isinstance(v, int | float) and not isinstance(v, bool)
                                                        and math.isfinite(v) for v in p) for p in places.values()):
        raise InputError(f"scene/objects: places must map names to [x, y, z], got {places!r}")
    return out, {str(k): [float(v) for v in p] for k, p in places.items()}, ages


_TARGET_WORDS = (("bin", "bin"), ("box", "bin"), ("pad", "target_pad"), ("square", "target_pad"))


def parse_instruction(text: str, *, objects: Sequence[str], default_task: str) -> TaskGoal:
    """A task goal from ``~/instruction``: JSON ``{"task", "object", "target"}`` or English.

    English covers the pick-and-place phrasings of ``sim.tasks`` ("put the red cube in the bin"); the
    planner takes over free-form instructions when it is wired in.
    """
    text = text.strip()
    if text.startswith("{"):
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"~/instruction: not JSON ({exc.msg}): {text[:80]!r}") from exc
        if not isinstance(data, dict) or set(data) - {"task", "object", "target", "instruction"}:
            raise InputError('~/instruction: expected {"task": ..., "object": ..., "target": ...}, '
                             f"got {text[:80]!r}")
        task = data.get("task", default_task)
        if task not in TASKS:
            raise InputError(f"~/instruction: unknown task {task!r}; valid: {', '.join(TASKS)}")
        obj, target = data.get("object"), data.get("target")
        if obj is not None and obj not in objects:
            raise InputError(f"~/instruction: unknown object {obj!r}; valid: {', '.join(objects)}")
        valid_targets = (*objects, *PLACE_TARGETS)
        if target is not None and target not in valid_targets:
            raise InputError(f"~/instruction: unknown target {target!r}; valid: {', '.join(valid_targets)}")
        if task in ("push", "pick_place", "stack") and (obj is None or target is None):
            raise InputError(f"~/instruction: task {task} needs an object and a target")
        return TaskGoal(task=task, instruction=str(data.get("instruction", text)), object=obj, target=target)
    words = re.findall(r"[a-z]+", text.lower())
    colours = [o for o in objects if o.split("_", 1)[0] in words]
    target = next((t for w, t in _TARGET_WORDS if w in words), None)
    if len(colours) != 1 or target is None:
        raise InputError(f"~/instruction: cannot read {text[:80]!r}; say e.g. 'put the red cube in the bin' or "
                         f"'put the green cube on the pad' (objects: {', '.join(objects)}), or send JSON "
                         '{"task": "pick_place", "object": "red_cube", "target": "bin"}')
    return TaskGoal(task="pick_place", instruction=text, object=colours[0], target=target)


def check_instruction_size(text: str) -> None:
    """InputError for an ``~/instruction`` longer than a person would say (checked before any planning)."""
    if len(text) > MAX_INSTRUCTION_CHARS:
        raise InputError(f"~/instruction: {len(text)} characters, at most {MAX_INSTRUCTION_CHARS}")
