"""Push: slide a named cube along the table onto the target pad."""

from __future__ import annotations

import math

import numpy as np

from sim.scene_view import SceneView
from sim.tasks.base import REGION_HIGH, REGION_LOW, TaskGoal, phrase, settled

SUCCESS_DISTANCE = 0.03
RESTING_TOLERANCE = 0.01  # m between the cube's height and its half size: on the table, not lifted


class PushTask:
    name = "push"
    max_steps = 140
    templates: tuple[str, ...] = (
        "push the {obj} onto the pad",
        "slide the {obj} to the white pad",
        "shove the {obj:block} onto the white square",
        "push the {obj} over to the target",
        "nudge the {obj} onto the pad",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        obj = view.object_names[int(rng.integers(len(view.object_names)))]
        o = view.object_pos(obj)[:2].copy()
        cubes = [view.object_pos(n)[:2] for n in view.object_names if n != obj]
        best, best_clearance = o, -np.inf
        for _ in range(200):
            angle = rng.uniform(-math.pi, math.pi)
            p = o + rng.uniform(0.1, 0.16) * np.array([math.cos(angle), math.sin(angle)])
            if np.any(p < REGION_LOW - 0.02) or np.any(p > REGION_HIGH + 0.02):
                continue
            # The path (from behind the cube to the pad) must keep clear of the other cubes and the bin.
            path = np.linspace(o - 0.05 * (p - o) / np.linalg.norm(p - o), p, 8)
            clearance = min((float(np.min(np.linalg.norm(path - q, axis=1))) - 0.09 for q in cubes), default=1.0)
            if view.bin_body >= 0:
                clearance = min(clearance, float(np.min(np.linalg.norm(path - view.bin_pos[:2], axis=1))) - 0.15)
            if clearance > best_clearance:
                best, best_clearance = p, clearance
            if clearance > 0:
                break
        # A crowded layout keeps the clearest candidate seen rather than the last one drawn.
        view.model.body_pos[view.pad_body, :2] = best
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates, obj=obj), object=obj,
                        target="target_pad")

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        assert goal.object is not None
        return view.pad_pos + np.array([0.0, 0.0, view.object_half(goal.object)])

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        assert goal.object is not None
        o = view.object_pos(goal.object).tolist()
        pad = view.pad_pos.tolist()
        push_distance = math.dist(o[:2], pad[:2])
        on_pad = (push_distance < SUCCESS_DISTANCE and abs(o[2] - view.object_half(goal.object)) < RESTING_TOLERANCE
                  and settled(view, goal.object))
        return {
            "reach_distance": -math.dist(view.tcp_pos.tolist(), o),
            "push_distance": -push_distance,
            "success": float(on_pad),
        }
