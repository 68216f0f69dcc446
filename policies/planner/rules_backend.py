"""The string-matching baseline: exact "<color> <kind>" names, keyword regions and verbs, "then" splits.

Every figure of the model planner is reported beside this one. It knows no synonyms, pronouns or
relations; it shares only the unsafe-request screen (safety is not a matter of understanding). It reads
only a closed vocabulary and refuses every instruction with another word: string matching cannot read
"don't", "before" or "without", and a plan that ignores them runs what the words forbid (issue #17). It is
the default of no entry point.
"""

from __future__ import annotations

import re

from policies.planner.grounding_guard import OTHER_COLOURS
from policies.planner.lexicon import COLOR_WORDS
from policies.planner.plan import Plan, PlanResult, Refusal, Step
from policies.planner.safety import unsafe_reason
from policies.planner.scene_state import SceneState
from policies.planner.skills import DIRECTIONS

_SPLIT = re.compile(r",?\s*\b(?:and then|then)\b\s*|;")
# Exact colour names only (no synonyms): the scene colours the lexicon maps to, and the colours it knows name
# no scene object, so "the black cube" is an absent object rather than an unread word.
_COLORS = (*dict.fromkeys(COLOR_WORDS.values()), *sorted(OTHER_COLOURS))
_REGION_KEYWORDS = (("bin", "bin"), ("pad", "pad"), ("left side", "left"), ("right side", "right"))
_VERBS = frozenset({"put", "place", "move", "stack", "drop", "set", "pick", "grab", "push", "go", "return"})
# Every word this backend can read; any other word (a negation, an order word, a synonym) is a refusal.
_VOCABULARY = _VERBS | frozenset({
    "the", "a", "up", "on", "onto", "in", "into", "top", "of", "to", "side", "table", "then", "and", "it",
    "please", "home", "bin", "pad", *_COLORS, *DIRECTIONS,
    # words that change nothing in what this backend matches (politeness, pick verbs it ignores, home words)
    "take", "lift", "get", "down", "target", "trash", "position", "pose", "back", "with", "could", "can", "you",
    "i", "me", "for", "over", "thanks", "hey", "robot", "need", "should", "let's", ".", "?", "!"})
_WORD = re.compile(r"[a-z0-9_']+|[^\sa-z0-9_']")


class RulesBackend:
    """Keyword matching over the scene's object names; refuses whatever it cannot match exactly."""

    name = "rules"

    def propose(self, instruction: str, state: SceneState) -> PlanResult:
        unsafe = unsafe_reason(instruction)
        if unsafe:
            return Refusal(reason=unsafe)
        unread = self._unread(instruction, state)
        if unread is not None:
            return Refusal(reason=unread)
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

    @staticmethod
    def _unread(instruction: str, state: SceneState) -> str | None:
        """Why string matching cannot read the instruction completely, or None."""
        words = _WORD.findall(instruction.lower().strip().rstrip(".!"))
        if words and words[0] == "first":  # "first A, then B": the order is the order of the words
            words = words[1:]
        kinds = {o.kind for o in state.objects}
        unknown = [w for w in words if w not in _VOCABULARY and w not in kinds and w not in (",", ";")]
        if unknown:
            return (f"the rules backend reads only exact names, keywords and 'then'; it cannot read "
                    f"{', '.join(repr(w) for w in dict.fromkeys(unknown))}: use the parser backend")
        for clause in _SPLIT.split(" ".join(words)):
            cw = clause.split()
            objects = sum(1 for i, w in enumerate(cw[:-1]) if w in _COLORS and cw[i + 1] in kinds)
            verbs = sum(1 for w in cw if w in _VERBS)
            several = verbs > 2 or objects > 2 or (objects > 1 and ("and" in cw or verbs > 1) and "it" not in cw)
            if several or (objects == 2 and not {"on", "onto"} & set(cw)):
                return f"the rules backend cannot read several actions in one clause: {clause.strip()!r}"
        return None

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
            direction = next((d for d in DIRECTIONS if re.search(rf"\b{d}\b", clause)), None)
            if direction:
                return [Step(skill="push", args={"object": objects[0], "direction": direction})]
        if len(objects) == 2:
            return [Step(skill="pick", args={"object": objects[0]}), Step(skill="place_on",
                                                                           args={"object": objects[1]})]
        if len(objects) == 1:
            # the region is where the object goes: after it, behind a preposition ("put the bin on top of the red
            # cube" once ran the red cube into the bin)
            after = clause[max(p for p, _ in mentions):]
            region = next((r for key, r in _REGION_KEYWORDS if r in state.regions and re.search(
                rf"\b(?:in|into|on|onto|to)\s+(?:the\s+)?{key}\b", after)), None)
            if region:
                return [Step(skill="pick", args={"object": objects[0]}), Step(skill="place_in",
                                                                               args={"region": region})]
            if re.search(r"\b(pick|grab)\b", clause):
                return [Step(skill="pick", args={"object": objects[0]})]
        return Refusal(reason=f"could not understand '{clause}'")
