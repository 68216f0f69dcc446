"""Stack: put one named object on top of another (a cube or an upright cylinder: a flat top)."""

from __future__ import annotations

import math

import numpy as np

from sim.errors import ConfigError
from sim.scene_view import SceneView
from sim.tasks.base import TaskGoal, phrase, settled

XY_TOLERANCE = 0.02
BASE_SHAPES = ("cube", "cylinder")
"""Shapes with a flat top that an object can rest on (a sphere carries nothing)."""


class StackTask:
    name = "stack"
    max_steps = 160
    templates: tuple[str, ...] = (
        "put the {obj} on the {base}",
        "stack the {obj} on top of the {base}",
        "place the {obj:block} on the {base:block}",
        "pick up the {obj} and put it on the {base:colour} one",
        "build a tower with the {obj} on the {base}",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        names = view.object_names
        bases = [n for n in names if view.object_shape(n) in BASE_SHAPES]
        if len(bases) == len(names):  # every object can carry another (the default scene: the same draw as ever)
            obj, base = rng.choice(len(names), size=2, replace=False)
            a, b = names[int(obj)], names[int(base)]
        else:
            if not bases:
                raise ConfigError(f"stack needs an object with a flat top ({', '.join(BASE_SHAPES)}) in the scene, "
                                  f"got {', '.join(names)}")
            b = bases[int(rng.integers(len(bases)))]
            others = [n for n in names if n != b]
            a = others[int(rng.integers(len(others)))]
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates, obj=a, base=b), object=a, target=b)

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        assert goal.object is not None and goal.target is not None
        base = view.object_pos(goal.target)
        return base + np.array([0.0, 0.0, view.object_half(goal.target) + view.object_half(goal.object)])

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        assert goal.object is not None and goal.target is not None
        top, base = view.object_pos(goal.object).tolist(), view.object_pos(goal.target).tolist()
        h_top, h_base = view.object_half(goal.object), view.object_half(goal.target)
        pairs = view.contact_pairs()
        grasped = view.is_grasped(goal.object, pairs)
        stacked = (
            math.dist(top[:2], base[:2]) < XY_TOLERANCE
            and abs(top[2] - base[2] - h_top - h_base) < 0.008
            and abs(base[2] - h_base) < 0.01  # the base cube still rests on the table
            and view.touches(goal.object, goal.target, pairs)
        )
        return {
            "reach_distance": -math.dist(view.tcp_pos.tolist(), top),
            "grasped": float(grasped),
            "place_distance": -math.dist(top, [base[0], base[1], base[2] + h_base + h_top]),
            "success": float(stacked and not grasped and settled(view, goal.object)),
        }
