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


def get_task(name: str) -> Task:
    if name not in TASKS:
        raise UnknownNameError("task", name, TASKS)
    return TASKS[name]


__all__ = ["TASKS", "Expert", "Task", "TaskGoal", "get_task"]
