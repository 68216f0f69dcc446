"""The task registry: ``reach``, ``push``, ``pick_place``, ``stack``."""

from __future__ import annotations

from sim.errors import UnknownNameError
from sim.tasks.base import Expert, Task, TaskGoal
from sim.tasks.pick_place import PickPlaceTask
from sim.tasks.push import PushTask
from sim.tasks.reach import ReachTask
from sim.tasks.stack import StackTask

TASKS: dict[str, Task] = {
    "reach": ReachTask(),
    "push": PushTask(),
    "pick_place": PickPlaceTask(),
    "stack": StackTask(),
}


TASK_NAMES = tuple(TASKS)
# Ids of a goal's target beyond the scene's objects, in this order after them (observation ``target_id``).
PLACE_TARGETS = ("target_pad", "bin", "goal_marker")


def goal_ids(goal: TaskGoal, object_names: tuple[str, ...] | list[str]) -> tuple[int, int, int]:
    """(task_id, object_id, target_id) of ``goal`` in a scene with ``object_names``: the one definition the
    env's and the bridge's observations share (they had diverged: a reach goal was 5 in one and 2 in the
    other). An object not in the scene is ``len(names)``; a target that is no object counts from there
    through ``PLACE_TARGETS``, a missing one being the goal marker."""
    names = list(object_names)
    object_id = names.index(goal.object) if goal.object in names else len(names)
    if goal.target in names:
        target_id = names.index(goal.target)
    else:
        place = goal.target if goal.target in PLACE_TARGETS else "goal_marker"
        target_id = len(names) + PLACE_TARGETS.index(place)
    return TASK_NAMES.index(goal.task), object_id, target_id


def get_task(name: str) -> Task:
    if name not in TASKS:
        raise UnknownNameError("task", name, TASKS)
    return TASKS[name]


__all__ = ["PLACE_TARGETS", "TASKS", "TASK_NAMES", "Expert", "Task", "TaskGoal", "get_task", "goal_ids"]
