"""Reach: move the tool centre point to a floating marker."""

from __future__ import annotations

import math

import numpy as np

from sim.scene_view import SceneView
from sim.tasks.base import TaskGoal, phrase

SUCCESS_DISTANCE = 0.03


class ReachTask:
    name = "reach"
    max_steps = 60
    templates: tuple[str, ...] = (
        "reach the orange marker",
        "move the gripper to the orange ball",
        "touch the floating orange marker",
        "go to the orange target",
        "bring your hand to the orange sphere",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        view.model.body_pos[view.goal_body] = (rng.uniform(0.35, 0.65), rng.uniform(-0.25, 0.25),
                                               rng.uniform(0.06, 0.3))
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates), target="goal_marker")

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        return view.goal_marker_pos.copy()

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        dist = math.dist(view.tcp_pos.tolist(), view.goal_marker_pos.tolist())
        return {"reach_distance": -dist, "success": float(dist < SUCCESS_DISTANCE)}
