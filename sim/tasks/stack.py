"""Stack: put one named cube on top of another."""

from __future__ import annotations

import numpy as np

from sim.scene_view import SceneView
from sim.tasks.base import TaskGoal, phrase, resting_on_table
from sim.tasks.pick_motion import PickAndPlaceMotion

XY_TOLERANCE = 0.02


class StackTask:
    name = "stack"
    max_steps = 160
    templates: tuple[str, ...] = (
        "put the {obj} cube on the {base} cube",
        "stack the {obj} cube on top of the {base} cube",
        "place the {obj} block on the {base} block",
        "pick up the {obj} cube and put it on the {base} one",
        "build a tower with the {obj} cube on the {base} cube",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        obj, base = rng.choice(len(view.object_names), size=2, replace=False)
        a, b = view.object_names[int(obj)], view.object_names[int(base)]
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates, obj=a, base=b), object=a, target=b)

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        assert goal.object is not None and goal.target is not None
        base = view.object_pos(goal.target)
        return base + np.array([0.0, 0.0, view.object_half(goal.target) + view.object_half(goal.object)])

    def _stacked(self, view: SceneView, goal: TaskGoal, pairs: set[tuple[int, int]]) -> bool:
        assert goal.object is not None and goal.target is not None
        top, base = view.object_pos(goal.object), view.object_pos(goal.target)
        dz = top[2] - base[2] - view.object_half(goal.object) - view.object_half(goal.target)
        return bool(
            np.linalg.norm(top[:2] - base[:2]) < XY_TOLERANCE
            and abs(dz) < 0.008
            and resting_on_table(view, goal.target)
            and view.touches(goal.object, goal.target, pairs)
        )

    def is_success(self, view: SceneView, goal: TaskGoal, pairs: set[tuple[int, int]]) -> bool:
        assert goal.object is not None
        return self._stacked(view, goal, pairs) and not view.is_grasped(goal.object, pairs)

    def reward_terms(self, view: SceneView, goal: TaskGoal, pairs: set[tuple[int, int]]) -> dict[str, float]:
        assert goal.object is not None
        o = view.object_pos(goal.object)
        grasped = view.is_grasped(goal.object, pairs)
        return {
            "reach_distance": -float(np.linalg.norm(view.tcp_pos - o)),
            "grasped": float(grasped),
            "place_distance": -float(np.linalg.norm(o - self.goal_position(view, goal))),
            "success": float(self._stacked(view, goal, pairs) and not grasped),
        }

    def make_expert(self, view: SceneView, goal: TaskGoal, max_pos_step: float) -> PickAndPlaceMotion:
        assert goal.object is not None
        return PickAndPlaceMotion(view, goal.object, lambda: self.goal_position(view, goal), max_pos_step)
