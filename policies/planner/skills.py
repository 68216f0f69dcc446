"""The skill library: typed arguments, preconditions and effects over ``SceneState``, and the plan checker.

The checker is the safety net of every backend: a plan reaches execution only if each step's
precondition holds in the state the previous steps leave behind. The skills, their arguments and the push
directions are the simulator's skill registry (``sim.skills``): this module adds their symbolic model, so every
skill the planner can plan is one the env and the bridge can run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from policies.planner.plan import Plan, Refusal, Step
from policies.planner.scene_state import SceneState
from sim.skills.push import DIRECTIONS as PUSH_DIRECTIONS
from sim.skills.registry import SKILL_ARGS

DIRECTIONS = tuple(PUSH_DIRECTIONS)
ARG_TYPES = ("object", "region", "direction")
MAX_PLAN_STEPS = 12
DISPOSAL_REGION = "bin"
"""What goes in here is thrown away: a plan never picks or pushes it again after putting it there. A cube that was
in the bin before the plan (it fell in, or the scene starts so) may be taken out: a replan recovering a cube that
dropped into the bin must still plan."""

Precondition = Callable[[SceneState, Mapping[str, str]], "str | None"]
Effect = Callable[[SceneState, Mapping[str, str]], SceneState]


@dataclass(frozen=True, kw_only=True)
class SkillSpec:
    """A skill: argument names with their types, when it may run, and what it changes."""

    name: str
    args: tuple[tuple[str, str], ...]
    precondition: Precondition
    effect: Effect

    def __post_init__(self) -> None:
        for arg, kind in self.args:
            if kind not in ARG_TYPES:
                raise ValueError(f"skill {self.name}: argument {arg} has type {kind!r}; valid: {', '.join(ARG_TYPES)}")


def _type_error(state: SceneState, kind: str, value: str) -> str | None:
    if kind == "object" and not state.has(value):
        return f"there is no {value.replace('_', ' ')} in the scene (objects: {', '.join(state.names) or 'none'})"
    if kind == "region" and value not in state.regions:
        return f"there is no region {value!r} (regions: {', '.join(state.regions) or 'none'})"
    if kind == "direction" and value not in DIRECTIONS:
        return f"direction {value!r} is not one of {', '.join(DIRECTIONS)}"
    return None


def _pick_pre(state: SceneState, args: Mapping[str, str]) -> str | None:
    obj = args["object"]
    if state.holding is not None:
        return f"the gripper already holds the {state.holding.replace('_', ' ')}"
    if not state.is_clear(obj):
        return f"the {obj.replace('_', ' ')} is under the {state.objects_on(obj)[0].replace('_', ' ')}"
    return None


def _pick_eff(state: SceneState, args: Mapping[str, str]) -> SceneState:
    on = dict(state.on)
    on.pop(args["object"], None)
    return state.replace(holding=args["object"], on=on)


def _place_on_pre(state: SceneState, args: Mapping[str, str]) -> str | None:
    target = args["object"]
    if state.holding is None:
        return "the gripper holds nothing to place"
    if target == state.holding:
        return f"cannot put the {target.replace('_', ' ')} on itself"
    if not state.is_clear(target):
        return f"the {target.replace('_', ' ')} already has the {state.objects_on(target)[0].replace('_', ' ')} on it"
    return None


def _place_on_eff(state: SceneState, args: Mapping[str, str]) -> SceneState:
    held = state.holding or ""  # the precondition guarantees something is held
    return state.replace(holding=None, on={**state.on, held: args["object"]})


def _place_in_pre(state: SceneState, args: Mapping[str, str]) -> str | None:
    return "the gripper holds nothing to place" if state.holding is None else None


def _place_in_eff(state: SceneState, args: Mapping[str, str]) -> SceneState:
    held = state.holding or ""
    return state.replace(holding=None, on={**state.on, held: args["region"]})


def _push_pre(state: SceneState, args: Mapping[str, str]) -> str | None:
    obj = args["object"]
    if state.holding is not None:
        return f"cannot push while holding the {state.holding.replace('_', ' ')}"
    if not state.is_clear(obj):
        return f"the {obj.replace('_', ' ')} has the {state.objects_on(obj)[0].replace('_', ' ')} on it"
    support = state.on.get(obj)
    if support is not None and state.has(support):
        return f"the {obj.replace('_', ' ')} rests on the {support.replace('_', ' ')}, not on the table"
    if support == DISPOSAL_REGION:
        return f"the {obj.replace('_', ' ')} is in the bin"
    return None


def _push_eff(state: SceneState, args: Mapping[str, str]) -> SceneState:
    # A push slides the object along the table: it leaves whatever region it stood in.
    on = dict(state.on)
    on.pop(args["object"], None)
    return state.replace(holding=state.holding, on=on)


def _always(state: SceneState, args: Mapping[str, str]) -> str | None:
    return None


def _unchanged(state: SceneState, args: Mapping[str, str]) -> SceneState:
    return state


_MODEL: dict[str, tuple[Precondition, Effect]] = {
    "pick": (_pick_pre, _pick_eff),
    "place_on": (_place_on_pre, _place_on_eff),
    "place_in": (_place_in_pre, _place_in_eff),
    "push": (_push_pre, _push_eff),
    "go_home": (_always, _unchanged),
}
"""Each skill's precondition and effect on the symbolic scene."""
if set(_MODEL) != set(SKILL_ARGS):
    raise ImportError(f"the planner's skill model ({', '.join(_MODEL)}) and sim.skills' registry "
                      f"({', '.join(SKILL_ARGS)}) name different skills")
# An argument's name is its type (object, region, direction), as sim.skills.make_skill reads it.
SKILLS: dict[str, SkillSpec] = {
    name: SkillSpec(name=name, args=tuple((a, a) for a in args), precondition=_MODEL[name][0], effect=_MODEL[name][1])
    for name, args in SKILL_ARGS.items()
}


def step_error(state: SceneState, step: Step) -> str | None:
    """Why ``step`` cannot run in ``state`` (unknown skill, bad arguments, failed precondition), else None."""
    spec = SKILLS.get(step.skill)
    if spec is None:
        return f"unknown skill {step.skill!r}; valid skills: {', '.join(SKILLS)}"
    expected = [a for a, _ in spec.args]
    if sorted(step.args) != sorted(expected):
        return f"{step.skill} takes arguments ({', '.join(expected)}), got ({', '.join(step.args)})"
    for arg, kind in spec.args:
        err = _type_error(state, kind, step.args[arg])
        if err:
            return err
    return spec.precondition(state, step.args)


def apply_step(state: SceneState, step: Step) -> SceneState:
    """The state after ``step`` (call ``step_error`` first: effects assume the precondition holds)."""
    return SKILLS[step.skill].effect(state, step.args)


def check_plan(state: SceneState, plan: Plan) -> Refusal | None:
    """Simulate the plan's preconditions and effects step by step; a refusal names the first failing step.

    A plan never takes out of the bin what it put there itself (``discarded_error``), whatever words or language
    made it: putting a cube in the bin throws it away, so a later step on that cube contradicts the plan's own
    earlier step ("Put the red cube in the bin. Then put it on the pad.": which place is meant?; A1 s9 G28).
    """
    if len(plan.steps) > MAX_PLAN_STEPS:
        return Refusal(reason=f"plan has {len(plan.steps)} steps, more than the limit of {MAX_PLAN_STEPS}")
    discarded: dict[str, int] = {}  # object -> the step that put it in the bin
    for i, step in enumerate(plan.steps, start=1):
        err = discarded_error(discarded, step) or step_error(state, step)
        if err:
            return Refusal(reason=f"step {i} {step}: {err}")
        if step.skill == "place_in" and step.args.get("region") == DISPOSAL_REGION and state.holding is not None:
            discarded[state.holding] = i
        state = apply_step(state, step)
    return None


def discarded_error(discarded: Mapping[str, int], step: Step) -> str | None:
    """Why ``step`` may not run after the plan's own steps ``discarded`` (object -> the step that binned it) threw
    its object away, else None."""
    obj = step.args.get("object") if step.skill in ("pick", "push") else None
    if obj is None or obj not in discarded:
        return None
    noun = obj.replace("_", " ")
    return (f"step {discarded[obj]} put the {noun} in the {DISPOSAL_REGION}, which throws it away; a plan never takes "
            f"out again what it threw away: say where the {noun} should end up")


def final_state(state: SceneState, plan: Plan) -> SceneState:
    """The state after running a plan that ``check_plan`` accepted."""
    for step in plan.steps:
        state = apply_step(state, step)
    return state


_REGION_PHRASES = {"bin": "in the bin", "pad": "on the pad", "left": "on the left side of the table",
                   "right": "on the right side of the table"}


def step_instruction(step: Step, state: SceneState) -> str:
    """The step's own English instruction ("pick up the red cube") for a language-conditioned skill policy."""
    def noun(name: str) -> str:
        return name.replace("_", " ")

    held = noun(state.holding) if state.holding else "object"
    if step.skill == "pick":
        return f"pick up the {noun(step.args['object'])}"
    if step.skill == "place_on":
        return f"put the {held} on the {noun(step.args['object'])}"
    if step.skill == "place_in":
        region = step.args["region"]
        return f"put the {held} {_REGION_PHRASES.get(region, f'in the {region} region')}"
    if step.skill == "push":
        return f"push the {noun(step.args['object'])} {step.args['direction']}"
    if step.skill == "go_home":
        return "move the arm back to its home pose"
    return str(step)
