"""What an instruction asks for and forbids, and the whole-plan check of a plan against it.

The semantic parser reads an instruction into a ``Request``: milestones in the order the words state them
(hold X, X on Y, push X, go home), objects not to touch and facts not to bring about. ``request_error``
checks a plan against it before anything moves: a request that contradicts itself (a cycle of stacks, two
cubes on one, a goal it also forbids), a step that touches a forbidden object, moves an object the words
do not mention, moves an object before an earlier milestone is reached, or a plan that leaves a milestone
or a final goal unmet, is refused whole, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policies.planner.plan import Plan, Refusal, Step
from policies.planner.scene_state import SceneState
from policies.planner.skills import DISPOSAL_REGION, apply_step, check_plan

MILESTONE_KINDS = ("hold", "on", "push", "home")

# Words that change which actions an instruction asks for (negation, exclusion) or in which order. A backend
# that cannot read them must refuse: a plan that ignores "don't" runs the forbidden action.
NEGATION_MARKERS = ("not", "don't", "dont", "do n't", "never", "without", "no", "nor", "neither",
                    "doesn't", "mustn't", "shouldn't", "needn't", "shan't", "avoid", "except", "excluding", "but not",
                    "other than", "apart from", "instead", "alone", "unless", "leave", "refrain", "stay away",
                    "keep away", "untouched", "skip", "ignore", "forget", "cancel", "stop", "can't", "cannot", "won't",
                    "keep")
ORDER_MARKERS = ("before", "after", "first", "then", "finally", "next", "once", "when", "while", "until",
                 "afterwards", "later", "last", "lastly", "second", "third", "meanwhile", "prior", "following",
                 "beforehand", "earlier", "whenever", "as soon as")


def marked_words(instruction: str, markers: Sequence[str] = NEGATION_MARKERS + ORDER_MARKERS) -> list[str]:
    """The negation, exclusion and order words of ``instruction`` (in ``markers``), in order of appearance."""
    text = " " + " ".join(re.findall(r"[a-z']+", instruction.lower().replace("’", "'"))) + " "
    found = [(text.find(f" {m} "), m) for m in markers if f" {m} " in text]
    return [m for _, m in sorted(found)]


def _noun(name: str) -> str:
    return name.replace("_", " ")


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """One clause's effect: ``hold`` (obj held), ``on`` (obj rests on support), ``push`` (obj pushed in
    direction), ``home`` (a go_home step). Milestones are reached in order."""

    kind: str
    obj: str | None = None
    support: str | None = None
    direction: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in MILESTONE_KINDS:
            raise ValueError(f"milestone kind {self.kind!r}; valid: {', '.join(MILESTONE_KINDS)}")

    def __str__(self) -> str:
        if self.kind == "hold":
            return f"hold the {_noun(self.obj or '')}"
        if self.kind == "on":
            return f"the {_noun(self.obj or '')} on the {_noun(self.support or '')}"
        if self.kind == "push":
            return f"push the {_noun(self.obj or '')} {self.direction}"
        return "go home"

    def reached(self, state: SceneState, step: Step | None) -> bool:
        """Whether this milestone holds after ``step`` (None: before the first step) left ``state``."""
        if self.kind == "hold":
            return state.holding == self.obj
        if self.kind == "on":
            return state.holding != self.obj and state.rests_on(self.obj or "", self.support or "")
        if step is None:
            return False
        if self.kind == "push":
            return step.skill == "push" and step.args.get("object") == self.obj and \
                step.args.get("direction") == self.direction
        return step.skill == "go_home"


@dataclass(frozen=True, kw_only=True)
class Request:
    """A read instruction: ordered milestones, objects never to touch, objects never to move ("don't move the
    green cube": something may still be put on it), (object, support) facts never to make, skills never to run."""

    milestones: tuple[Milestone, ...]
    forbidden_objects: frozenset[str] = field(default_factory=frozenset)
    forbidden_facts: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    unmoved_objects: frozenset[str] = field(default_factory=frozenset)
    # Skills the words forbid whatever the object: "do not pick anything up" (pick), "don't go home" (go_home).
    forbidden_skills: frozenset[str] = field(default_factory=frozenset)

    def movers(self, index: int) -> set[str]:
        m = self.milestones[index]
        return {m.obj} if m.obj else set()

    def final_goals(self) -> tuple[dict[str, str], str | None]:
        """The ``on`` facts and held object the final state must show: each object's last milestone."""
        last: dict[str, Milestone] = {}
        for m in self.milestones:
            if m.obj:
                last[m.obj] = m
        on = {o: m.support or "" for o, m in last.items() if m.kind == "on"}
        held = [o for o, m in last.items() if m.kind == "hold"]
        return on, held[-1] if held else None


# The skill a milestone cannot be reached without (a stack or a region goal needs its object picked).
_MILESTONE_SKILL = {"hold": "pick", "on": "pick", "push": "push", "home": "go_home"}


def contradiction(request: Request) -> str | None:
    """Why the request cannot hold as a whole, whatever the plan: cycles, two on one, asked and forbidden."""
    on, held = request.final_goals()
    binned: set[str] = set()
    for m in request.milestones:
        if m.obj in binned and not (m.kind == "on" and m.support == DISPOSAL_REGION):
            # the words throw it away, then move it on: the plan-level rule of check_plan, said of the words, so a
            # cube already in the bin at the start is not taken out for them either (A1 s9 G28)
            return (f"it puts the {_noun(m.obj or '')} in the {DISPOSAL_REGION}, which throws it away, and then asks "
                    f"for '{m}'")
        if m.kind == "on" and m.support == DISPOSAL_REGION and m.obj:
            binned.add(m.obj)
        if m.obj in request.forbidden_objects:
            return f"it asks for '{m}' and also not to touch the {_noun(m.obj or '')}"
        if m.kind == "on" and m.support in request.forbidden_objects:
            return f"it asks for '{m}' and also not to touch the {_noun(m.support or '')}"
        if m.kind == "on" and (m.obj, m.support) in request.forbidden_facts:
            return f"it asks for '{m}' and also forbids it"
        if m.obj in request.unmoved_objects:
            return f"it asks for '{m}' and also not to move the {_noun(m.obj or '')}"
        needs = _MILESTONE_SKILL[m.kind]
        if needs in request.forbidden_skills:
            return f"it asks for '{m}' and also forbids every {needs} step"
    for obj, support in on.items():
        if obj == support:
            return f"it asks to put the {_noun(obj)} on itself"
        seen = [obj]
        cur: str | None = support
        while cur in on:
            if cur in seen:
                chain = " on the ".join(_noun(o) for o in [*seen, cur])
                return f"the goals form a cycle: the {chain}"
            seen.append(cur)
            cur = on[cur]
        if support == held:
            return f"the {_noun(obj)} would rest on the {_noun(support)}, which the gripper holds at the end"
    stacked: dict[str, str] = {}
    for obj, support in on.items():
        if support in stacked and "_" in support:  # objects are named <color>_<kind>; regions hold many
            return f"the {_noun(stacked[support])} and the {_noun(obj)} cannot both rest on the {_noun(support)}"
        stacked[support] = obj
    return None


def request_error(state: SceneState, plan: Plan, request: Request) -> str | None:
    """Why ``plan`` does not do what ``request`` says in ``state`` (checked whole, before any step), else None."""
    bad = contradiction(request)
    if bad is not None:
        return f"the instruction is contradictory: {bad}"
    refusal = check_plan(state, plan)
    if refusal is not None:
        return refusal.reason
    mentioned = {m.obj for m in request.milestones if m.obj}
    n = len(request.milestones)
    m = 0
    while m < n and request.milestones[m].reached(state, None):
        m += 1
    for i, step in enumerate(plan.steps, start=1):
        if step.skill in request.forbidden_skills:
            return f"step {i} {step} is a {step.skill} step, which the instruction forbids"
        touched = [v for k, v in step.args.items() if k == "object"]
        for obj in touched:
            if obj in request.forbidden_objects:
                return f"step {i} {step} touches the {_noun(obj)}, which the instruction says not to touch"
        # The object the step moves: a place moves the held object, so it is ordered like the pick was.
        moved = step.args.get("object") if step.skill in ("pick", "push") else \
            state.holding if step.skill in ("place_on", "place_in") else None
        if moved is not None:
            if moved in request.unmoved_objects:
                return f"step {i} {step} moves the {_noun(moved)}, which the instruction says not to move"
            if moved not in mentioned:
                return f"step {i} {step} moves the {_noun(moved)}, which the instruction does not ask to move"
            earlier = any(moved in request.movers(j) for j in range(min(m + 1, n)))
            if not earlier:
                return (f"step {i} {step} moves the {_noun(moved)} before '{request.milestones[m]}' is done, "
                        f"against the order the instruction states")
        after = apply_step(state, step)
        for obj, support in request.forbidden_facts:
            if after.rests_on(obj, support) and not state.rests_on(obj, support):
                return f"step {i} {step} puts the {_noun(obj)} on the {_noun(support)}, which the instruction forbids"
        state = after
        used_step = False
        while m < n:
            milestone = request.milestones[m]
            needs_step = milestone.kind in ("push", "home")
            if needs_step and used_step:
                break
            if not milestone.reached(state, step):
                break
            used_step = used_step or needs_step
            m += 1
    if m < n:
        return f"the plan leaves the request partly unmet: '{request.milestones[m]}' is never done"
    on, held = request.final_goals()
    for obj, support in on.items():
        if not state.rests_on(obj, support) or state.holding == obj:
            return f"the plan leaves the request partly unmet: the {_noun(obj)} does not end on the {_noun(support)}"
    if held is not None and state.holding != held:
        return f"the plan leaves the request partly unmet: the gripper does not end holding the {_noun(held)}"
    return None


def check_request(state: SceneState, plan: Plan, request: Request) -> Refusal | None:
    """``request_error`` as a ``Refusal`` (the form ``check_plan`` returns)."""
    why = request_error(state, plan, request)
    return None if why is None else Refusal(reason=why)
