"""PlaceBeside: put a named cube on the table to the left or right of another (robot's view: left is +y).

Not built in: importing this module registers it through ``sim.tasks.register_task``, the way a task of
one's own is added (README, "Adding a task"). Its expert is the built-in pick-and-place one, releasing the
cube where ``goal_position`` says, re-read every tick (the reference cube may be nudged).
"""

from __future__ import annotations

import math

import numpy as np

from sim.experts import pick_place_expert
from sim.scene_view import SceneView
from sim.tasks.base import REGION_HIGH, REGION_LOW, TaskGoal, phrase, settled
from sim.tasks.registry import TASKS, register_task

GAP = 0.07  # m between the two cubes' centres: a finger's width of air between 4.4 cm cubes
XY_TOLERANCE = 0.025
CLEARANCE = 0.065  # m from the spot to any other cube's centre
SIDES = {"left": 1.0, "right": -1.0}


class PlaceBesideTask:
    name = "place_beside"
    max_steps = 160
    templates: tuple[str, ...] = (
        "put the {obj} to the {side} of the {base}",
        "place the {obj} on the {side} side of the {base}",
        "set the {obj:block} down {side} of the {base:block}",
        "move the {obj} next to the {base}, on its {side}",
        "pick up the {obj} and put it {side} of the {base:colour} one",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        names = list(view.object_names)
        pairs = [(a, b) for a in names for b in names if a != b]
        order = rng.permutation(len(pairs))
        sides = list(SIDES) if rng.random() < 0.5 else list(SIDES)[::-1]
        fallback: tuple[str, str, str] | None = None
        for k in order:
            obj, base = pairs[int(k)]
            for side in sides:
                spot = self._spot(view, base, SIDES[side])
                if fallback is None:
                    fallback = (obj, base, side)
                inside = bool(np.all(spot >= REGION_LOW - 0.02) and np.all(spot <= REGION_HIGH + 0.02))
                others = [view.object_pos(n)[:2] for n in names if n not in (obj, base)]
                clear = all(np.linalg.norm(spot - q) >= CLEARANCE for q in others)
                if view.bin_body >= 0:
                    clear = clear and bool(np.linalg.norm(spot - view.bin_pos[:2]) >= 0.15)
                if inside and clear:
                    return self._goal(rng, obj, base, side)
        assert fallback is not None  # a scene has at least two cubes
        return self._goal(rng, *fallback)

    def _goal(self, rng: np.random.Generator, obj: str, base: str, side: str) -> TaskGoal:
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates, obj=obj, base=base, side=side),
                        object=obj, target=base, extras={"side": SIDES[side]})

    @staticmethod
    def _spot(view: SceneView, base: str, side: float) -> np.ndarray:
        return view.object_pos(base)[:2] + np.array([0.0, side * GAP])

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        assert goal.object is not None and goal.target is not None
        xy = self._spot(view, goal.target, goal.extras["side"])
        return np.array([xy[0], xy[1], view.object_half(goal.object)])

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        assert goal.object is not None
        o = view.object_pos(goal.object).tolist()
        spot = self.goal_position(view, goal).tolist()
        grasped = view.is_grasped(goal.object)
        placed = math.dist(o[:2], spot[:2]) < XY_TOLERANCE and abs(o[2] - spot[2]) < 0.01
        return {
            "reach_distance": -math.dist(view.tcp_pos.tolist(), o),
            "grasped": float(grasped),
            "place_distance": -math.dist(o, spot),
            "success": float(placed and not grasped and settled(view, goal.object)),
        }


ENV_ID = "armstack/PlaceBeside-v0"


def register() -> str:
    """Register the task (once; again after ``unregister_task``); returns its env id."""
    if PlaceBesideTask.name not in TASKS:
        register_task(PlaceBesideTask(), expert=pick_place_expert, env_id=ENV_ID)
    return ENV_ID


register()
