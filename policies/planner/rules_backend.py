"""The string-matching baseline: exact "<color> <kind>" names, keyword regions and verbs, "then" splits.

Every figure of the model planner is reported beside this one. It knows no synonyms, pronouns or
relations; it shares only the unsafe-request screen (safety is not a matter of understanding).
"""

from __future__ import annotations

import re

from policies.planner.plan import Plan, PlanResult, Refusal, Step
from policies.planner.safety import unsafe_reason
from policies.planner.scene_state import SceneState

_SPLIT = re.compile(r",?\s*\b(?:and then|then)\b\s*|;")
_COLORS = ("red", "green", "blue", "yellow", "purple", "orange", "white", "black", "pink", "grey", "gray", "brown")
_DIRECTIONS = ("left", "right", "forward", "backward")
_REGION_KEYWORDS = (("bin", "bin"), ("pad", "pad"), ("left side", "left"), ("right side", "right"))


class RulesBackend:
    """Keyword matching over the scene's object names; refuses whatever it cannot match exactly."""

    name = "rules"

    def propose(self, instruction: str, state: SceneState) -> PlanResult:
        unsafe = unsafe_reason(instruction)
        if unsafe:
            return Refusal(reason=unsafe)
        steps: list[Step] = []
        for clause in (c.strip() for c in _SPLIT.split(instruction.lower())):
            if not clause:
                continue
            result = self._clause(clause, state)
            if isinstance(result, Refusal):
                return result
            steps.extend(result)
        if not steps:
            return Refusal(reason="could not understand the instruction")
        return Plan(steps=tuple(steps))

    def _clause(self, clause: str, state: SceneState) -> list[Step] | Refusal:
        if "home" in clause:
            return [Step(skill="go_home", args={})]
        mentions: list[tuple[int, str]] = []
        for color in _COLORS:
            for match in re.finditer(rf"\b{color} (\w+)\b", clause):
                name = f"{color}_{match.group(1)}"
                if not state.has(name):
                    return Refusal(reason=f"there is no {color} {match.group(1)} in the scene")
                mentions.append((match.start(), name))
        objects = [n for _, n in sorted(mentions)]
        if "push" in clause and len(objects) == 1:
            direction = next((d for d in _DIRECTIONS if re.search(rf"\b{d}\b", clause)), None)
            if direction:
                return [Step(skill="push", args={"object": objects[0], "direction": direction})]
        if len(objects) == 2:
            return [Step(skill="pick", args={"object": objects[0]}), Step(skill="place_on",
                                                                           args={"object": objects[1]})]
        if len(objects) == 1:
            region = next((r for key, r in _REGION_KEYWORDS if key in clause and r in state.regions), None)
            if region:
                return [Step(skill="pick", args={"object": objects[0]}), Step(skill="place_in",
                                                                               args={"region": region})]
            if re.search(r"\b(pick|grab)\b", clause):
                return [Step(skill="pick", args={"object": objects[0]})]
        return Refusal(reason=f"could not understand '{clause}'")
