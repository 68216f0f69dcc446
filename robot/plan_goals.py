"""Free-form instructions on the bridge: plan with ``policies.planner``, run the plan as a queue of task goals.

The bridge's policies and experts act per task (pick-and-place onto the pad or into the bin, stack), so a
checked plan is turned into those tasks: ``pick(X)`` followed by ``place_on(Y)`` is stacking X on Y,
followed by ``place_in(bin|pad)`` is a pick-and-place; ``go_home`` needs no task. A plan with a skill the
bridge cannot run (push, placing in the left/right half) is refused as a whole before anything moves.
No rclpy here: the node only forwards ``~/instruction``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from robot.safety.input_validation import InputError
from sim.tasks import TaskGoal

PLANNER_BACKENDS = ("none", "parser", "llama_cpp", "openai", "rules")
_PLACES = {"bin": "bin", "pad": "target_pad"}
REGIONS = ("left", "right", "bin", "pad")


def _colour(name: str) -> str:
    return name.split("_", 1)[0]


def plan_to_goals(steps: Sequence[Any]) -> list[TaskGoal]:
    """Task goals for the planner's steps (objects with ``.skill`` and ``.args``); InputError if one cannot run."""
    goals: list[TaskGoal] = []
    held: str | None = None
    for step in steps:
        skill, args = step.skill, dict(step.args)
        if skill == "pick":
            held = str(args["object"])
        elif skill == "place_on" and held is not None:
            base = str(args["object"])
            goals.append(TaskGoal(task="stack", object=held, target=base,
                                  instruction=f"put the {_colour(held)} cube on the {_colour(base)} cube"))
            held = None
        elif skill == "place_in" and held is not None and args.get("region") in _PLACES:
            region = str(args["region"])
            text = (f"put the {_colour(held)} cube in the bin" if region == "bin"
                    else f"put the {_colour(held)} cube on the pad")
            goals.append(TaskGoal(task="pick_place", object=held, target=_PLACES[region], instruction=text))
            held = None
        elif skill == "go_home":
            continue
        else:
            raise InputError(f"the plan step {skill}({args}) has no task the bridge can run; it runs pick followed "
                             "by place_on(object) or place_in(bin|pad), and go_home")
    if held is not None:
        raise InputError(f"the plan picks {held} and never places it: the bridge does not hold objects between tasks")
    return goals


def scene_state(object_names: Sequence[str]) -> Any:
    """The planner's symbolic scene from the bridge's objects (all on the table: the bridge's starting state)."""
    from policies.planner.scene_state import SceneObject, SceneState

    objects = tuple(SceneObject(name=n, kind=n.split("_", 1)[1], color=_colour(n)) for n in object_names)
    return SceneState(objects=objects, regions=REGIONS)


def plan_instruction(planner: Any, text: str, object_names: Sequence[str]) -> list[TaskGoal]:
    """Plan ``text`` and return its task goals; InputError carrying the planner's refusal reason otherwise."""
    from policies.planner.plan import Refusal

    result = planner.plan(text, scene_state(object_names))
    if isinstance(result, Refusal):
        raise InputError(f"~/instruction: the planner refused {text[:80]!r}: {result.reason}")
    goals = plan_to_goals(result.steps)
    if not goals:
        raise InputError(f"~/instruction: {text[:80]!r} needs no task (the plan is {len(result.steps)} step(s))")
    return goals
