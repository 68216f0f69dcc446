"""PickPlace: put a named cube on the target pad or into the bin."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from sim.scene import BIN_HALF, BIN_HEIGHT, BIN_WALL, PAD_HALF
from sim.scene_view import SceneView
from sim.tasks.base import TaskGoal, phrase, settled

PAD_TOLERANCE = 0.03

PAD_TEMPLATES = (
    "put the {obj} on the pad",
    "place the {obj} on the white pad",
    "pick up the {obj} and put it on the target pad",
    "move the {obj:block} onto the white square",
    "set the {obj} down on the pad",
)
BIN_TEMPLATES = (
    "put the {obj} in the bin",
    "drop the {obj} into the bin",
    "pick up the {obj} and place it in the grey bin",
    "throw the {obj:block} in the bin",
    "place the {obj} inside the box",
)


def at_target(position: Sequence[float], half: float, target: str, place: Sequence[float]) -> bool:
    """PickPlace's placement geometry: the object's centre ``position`` lies in the bin (``target`` ``bin``,
    ``place`` the bin's centre: within its walls, below its rim) or on the pad (any other target, ``place`` the
    pad's centre: within the tolerance, resting on the table ``half`` below its centre). Success adds released and
    settled; the perception-loop rig judges ground truth with this same predicate."""
    if target == "bin":
        return (abs(position[0] - place[0]) < BIN_HALF and abs(position[1] - place[1]) < BIN_HALF
                and position[2] < BIN_HEIGHT)
    return math.dist(position[:2], place[:2]) < min(PAD_TOLERANCE, PAD_HALF) and abs(position[2] - half) < 0.01


class PickPlaceTask:
    name = "pick_place"
    max_steps = 140
    templates: tuple[str, ...] = PAD_TEMPLATES + BIN_TEMPLATES

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        obj = view.object_names[int(rng.integers(len(view.object_names)))]
        targets = [t for t, ok in (("target_pad", view.pad_body >= 0), ("bin", view.bin_body >= 0)) if ok]
        target = targets[int(rng.integers(len(targets)))]
        templates = PAD_TEMPLATES if target == "target_pad" else BIN_TEMPLATES
        return TaskGoal(task=self.name, instruction=phrase(rng, templates, obj=obj), object=obj, target=target)

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        assert goal.object is not None
        half = view.object_half(goal.object)
        if goal.target == "bin":
            return view.bin_pos + np.array([0.0, 0.0, BIN_WALL + half])
        return view.pad_pos + np.array([0.0, 0.0, half])

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        assert goal.object is not None
        o = view.object_pos(goal.object).tolist()
        half = view.object_half(goal.object)
        grasped = view.is_grasped(goal.object)
        if goal.target == "bin":
            b = view.bin_pos.tolist()
            place = [b[0], b[1], b[2] + BIN_WALL + half]
            placed = at_target(o, half, "bin", b)
        else:
            p = view.pad_pos.tolist()
            place = [p[0], p[1], p[2] + half]
            placed = at_target(o, half, "pad", p)
        return {
            "reach_distance": -math.dist(view.tcp_pos.tolist(), o),
            "grasped": float(grasped),
            "place_distance": -math.dist(o, place),
            "success": float(placed and not grasped and settled(view, goal.object)),
        }
