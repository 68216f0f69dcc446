"""The task registry: ``reach``, ``push``, ``pick_place``, ``stack`` built in, more through ``register_task``."""

from __future__ import annotations

from sim.experts import pick_place_expert, push_expert, reach_expert
from sim.tasks.base import Expert, Task, TaskGoal
from sim.tasks.pick_place import PickPlaceTask
from sim.tasks.push import PushTask
from sim.tasks.reach import ReachTask
from sim.tasks.registry import (
    ENTRIES,
    ENV_IDS,
    SB3_ENV_IDS,
    TABLETOP,
    TABLETOP_ENV_ID,
    TASKS,
    ExpertFactory,
    TaskEntry,
    get_task,
    load_task_modules,
    make_expert,
    register_sb3_variant,
    register_task,
    tabletop_tasks,
    task_names,
    unregister_task,
)
from sim.tasks.stack import StackTask

for _task, _expert in ((ReachTask(), reach_expert), (PushTask(), push_expert), (PickPlaceTask(), pick_place_expert),
                       (StackTask(), pick_place_expert)):
    if _task.name not in TASKS:
        register_task(_task, expert=_expert, tabletop=True, entry_point="sim.env:TabletopEnv")
if TABLETOP_ENV_ID not in ENV_IDS:
    ENV_IDS[TABLETOP_ENV_ID] = TABLETOP
    import gymnasium as _gym

    if TABLETOP_ENV_ID not in _gym.registry:
        _gym.register(id=TABLETOP_ENV_ID, entry_point="sim.env:TabletopEnv", kwargs={"task": TABLETOP})
    register_sb3_variant(TABLETOP_ENV_ID)

TASK_NAMES = tuple(TASKS)
"""The built-in tasks (``task_id`` 0-3). Tasks registered later follow them: read ``task_names()`` for all."""
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
    return list(TASKS).index(goal.task), object_id, target_id


__all__ = [
    "ENTRIES", "ENV_IDS", "PLACE_TARGETS", "SB3_ENV_IDS", "TABLETOP", "TABLETOP_ENV_ID", "TASKS", "TASK_NAMES",
    "Expert", "ExpertFactory", "Task", "TaskEntry", "TaskGoal", "get_task", "goal_ids", "load_task_modules",
    "make_expert", "register_sb3_variant", "register_task", "tabletop_tasks", "task_names", "unregister_task",
]
