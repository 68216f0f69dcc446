"""Scripted experts and the motion helpers they share with ``sim.skills``.

An expert factory takes ``(task, view, goal, max_pos_step)`` and returns an object whose ``act()`` gives the
next env action from the true scene state. ``sim.tasks`` binds one to each task when it registers it; tasks
themselves stay declarative (goal, success, reward terms, language).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.experts.motion import EXPERT_GAIN, angle_diff, grasp_yaw, move_action, yaw_action
from sim.experts.pick_place import CARRY_CLEARANCE, CLOSE, OPEN, PickAndPlaceMotion
from sim.experts.push import PUSH_CLEARANCE, PushExpert
from sim.experts.reach import ReachExpert
from sim.scene import BIN_HEIGHT
from sim.scene_view import SceneView

if TYPE_CHECKING:
    from sim.tasks.base import Task, TaskGoal


def reach_expert(task: Task, view: SceneView, goal: TaskGoal, max_pos_step: float) -> ReachExpert:
    return ReachExpert(view, max_pos_step)


def push_expert(task: Task, view: SceneView, goal: TaskGoal, max_pos_step: float) -> PushExpert:
    return PushExpert(view, goal, max_pos_step)


def pick_place_expert(task: Task, view: SceneView, goal: TaskGoal, max_pos_step: float) -> PickAndPlaceMotion:
    """Pick the goal's cube and release it where ``task.goal_position`` says (re-read every tick: it may move)."""
    assert goal.object is not None
    extra = BIN_HEIGHT if goal.target == "bin" else 0.0
    drop = 0.03 if goal.target == "bin" else 0.006
    return PickAndPlaceMotion(view, goal.object, lambda: task.goal_position(view, goal), max_pos_step,
                              carry_height=extra, release_drop=drop)


__all__ = [
    "CARRY_CLEARANCE", "CLOSE", "EXPERT_GAIN", "OPEN", "PUSH_CLEARANCE", "PickAndPlaceMotion", "PushExpert",
    "ReachExpert", "angle_diff", "grasp_yaw", "move_action", "pick_place_expert", "push_expert", "reach_expert",
    "yaw_action",
]
