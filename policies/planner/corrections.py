"""Corrections that may replace a request: never run both the request and what may correct it.

A person who corrects themselves ("push the red one left. You know what, pick it up.") wants the second part
instead of the first, or as well; which one the words do not say. The parser reads each part by itself, so a
whole that plans both would run what may have been taken back. Two families are refused here, whatever the
parser made of the whole (``corrected_reason``):

- a part opened by a word or phrase of correction after a mark (A1 s15 H86 "push the red one left, just pick
  it up"; session 17: "you know what", "on second thought", "scratch that", "make that", "or rather", "better
  yet", "come to think of it", "hold on", "I mean", ...): refused where a reading runs the earlier part's own
  plan and more;
- a part after a bare join (a dash, comma, semicolon, sentence end or "and") that moves again a cube the part
  before it already moved and left at rest, in an instruction with no word of order ("Push the red cube left -
  push it right." pushed both ways; "Push the red cube left and push it right."; "Put the red cube on the pad,
  push it left."): a second step or a correction of the first, the words do not say. With "then", "after that",
  ... opening the later part it is a sequence (every English seen gold that moves a cube twice says so), and "again"
  with the same move said again is a repetition.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from policies.planner.plan import Step
from policies.planner.register import ADDRESS

# The words and phrases that may correct the part before them, after a mark and any fillers; a run of them
# ("no, wait, actually") is one correction. Multi-word ones first.
_CORRECTION_WORDS = (r"(?:you )?know what\??|on (?:second|further) thoughts?|second thoughts?|come to think of it|"
                     r"better yet|or better(?: still)?|or rather|rather|make (?:that|it)|scratch that|hold on|"
                     r"hang on|i mean|correction|change of plans?|no no|nope|just|actually|simply|better|instead|"
                     r"well|wait|sorry|no")
_SEP = r"(?:\s*[,!.?:\-–—]+\s*|\s+)"
_CORRECTING = re.compile(rf"(?:[,;.!?:]|\s[-–—]+)\s*(?:(?:and|but|so|oh|ok|okay|well|no|nah|wait|sorry|oops|hmm|"
                         rf"um|uh|or)\s*[,!.\-–—]*\s+)*(?:{_CORRECTION_WORDS})\b{_SEP}"
                         rf"(?:(?:no|nah|wait|sorry|just|actually|simply|rather|instead)\b{_SEP})*")
# A later part that says what to leave, orders, or adds on purpose is not a correction (fi32-031 "just leave the
# blue one", "..., and only then put ...", "... too").
_NOT_A_CORRECTION = re.compile(r"^(?:(?:please|kindly)\s+)?(?:leave|keep|don'?t|dont|do not|never|not|no|without|"
                               r"except|avoid|skip|spare|then|after|afterwards|once|when|before|first|next|finally|"
                               r"later)\b|\b(?:too|also|as well|in addition|additionally)\b")
# A bare join between two requests: a dash, a comma, a semicolon, a colon, a sentence end, "and", "+" or "/".
# "and" as people type it fast ("n", "an'", "'n'", "andd", "adn": REV s17-R3; read before the spelling fix-up runs).
# (also "aand", "nad", "andn": slips the spelling fix reads as "and", A1 s18 H131)
_BARE_MARK = re.compile(r"(?:\s[-–—]+|--|[,;:.!?]|\s(?:and|n|an'|'n'|n'|andd|annd|adn|aand|nad|andn|&|plus|\+|/)"
                        r"(?=\s))\s*")
# A word of order opening the part after the join (after "and", "so", "now", ...): the part is a later step, as the
# words say (every English seen gold that moves one cube twice says so: "..., then take it off again ...", "..., and
# after that put it in the bin"). Only where it opens that part: "Push the red cube left - push it right, then go
# home." is no sequence of the two pushes (A1 s17 H113).
# (an address before it, "Put the red cube on the pad. Mate, then bin it.", is only who is spoken to)
# ("then again", on the other hand, opens no sequence: "Push the red cube left, then again push it right.", A1 s17)
_ORDER_OPENS = re.compile(rf"^(?:(?:and|so|now|ok|okay|please|just|man|{ADDRESS})\s*,?\s*)*(?:then(?!\s*,?\s*again\b)|"
                          r"next|after (?:that|this|which)|"
                          r"afterwards?|finally|lastly|later|subsequently|thereafter|second(?:ly)?|followed by|"
                          r"once|when|after)\b")
# ... or closing the part before the join, as its own phrase ("Push the red cube left. After that, push it right.")
_ORDER_ENDS = re.compile(r"(?:^|[,;:.!?]|\s[-–—]+)\s*(?:(?:and|so|now|ok|okay)\s*,?\s*)*(?:then|next|after "
                         r"(?:that|this)|afterwards?|finally|lastly|later|subsequently|thereafter|second(?:ly)?|once "
                         r"(?:that'?s|it'?s|you'?ve|you have) (?:done|finished)|when (?:that'?s|it'?s|you'?re) "
                         r"(?:done|finished))$")
# ... and a part that opens on a constraint ("put red on the pad, leave the rest alone. then put it in the bin",
# test_planner_adv_structure): its own join moves nothing; the move after it is judged at its own join
_CONSTRAINT_OPENS = re.compile(r"^(?:(?:and|but|so|please|just)\s+)*(?:leave|keep|don'?t|dont|do not|never|not|without|"
                               r"avoid)\b")
# A cube moved the same way again, said so ("Push the red cube left, push it left again."): a repetition.
_REPEATED = re.compile(r"\b(?:again|twice|once more|one more time)\b")


def _runs_within(part: Sequence[Step], whole: Sequence[Step]) -> bool:
    """Whether every step of ``part`` runs in ``whole``, in its order."""
    steps = iter(whole)
    return all(any(step == other for other in steps) for step in part)


def _at_rest(steps: Sequence[Step]) -> set[str]:
    """The cubes ``steps`` move (pick or push) and leave at rest (not held at the end)."""
    held: str | None = None
    moved: set[str] = set()
    for step in steps:
        if step.skill in ("pick", "push"):
            moved.add(str(step.args["object"]))
        held = str(step.args["object"]) if step.skill == "pick" else None if step.skill.startswith("place") else held
    return moved - {held} if held else moved


def _moves(steps: Sequence[Step]) -> set[str]:
    return {str(s.args["object"]) for s in steps if s.skill in ("pick", "push")}


def corrected_reason(instruction: str, readings: Sequence[Sequence[Step]],
                     plan_alone: Callable[[str], Sequence[Step] | None]) -> str | None:
    """Why ``readings`` (the steps of each reading of ``instruction``) may run a request together with what
    corrects it (module doc), else None; ``plan_alone(text)`` is the first reading's steps of a part alone."""
    if not readings:
        return None
    said = instruction.lower().replace("’", "'")
    for mark in _CORRECTING.finditer(said):
        before, after = said[:mark.start()].strip(), said[mark.end():].strip()
        if not before or not after or _NOT_A_CORRECTION.search(after):
            continue
        first = plan_alone(before)
        if not first:
            continue  # the part before asks nothing by itself ("Don't touch the red cube, just ...")
        rest = plan_alone(after)
        if any(steps != first and steps != rest and _runs_within(first, steps) for steps in readings):
            return (f"'{said[mark.start():mark.end()].strip(' ,;.!?:-–—')} {after.strip(' .!')}' may correct "
                    f"'{before.strip(' ,;.!?:-–—')}' or add to it: nothing is done; say only what the robot should do")
    twice = [steps for steps in readings if any(len([s for s in steps if s.skill in ("pick", "push") and
                                                     s.args["object"] == o]) > 1 for o in _moves(steps))]
    for mark in _BARE_MARK.finditer(said) if twice else ():
        before, after = said[:mark.start()].strip(), said[mark.end():].strip()
        ordered = _ORDER_OPENS.match(after) or _ORDER_ENDS.search(before) or \
            _CONSTRAINT_OPENS.match(after)  # ("After that, push it right."; a constraint is no second move)
        first = plan_alone(before) if before and after and not ordered else None
        if not first:
            continue
        for steps in twice:
            rest = list((Counter(steps) - Counter(first)).elements())  # (what the whole runs beyond the first part)
            again = _moves(rest)
            if _REPEATED.search(after):  # the same move said again ("push it left again"): a repetition
                again -= {str(s.args["object"]) for s in rest if s in first}
            if _runs_within(first, steps) and _at_rest(first) & again:
                cube = sorted(_at_rest(first) & again)[0].replace("_", " ")
                return (f"'{after.strip(' .!')}' moves the {cube} again right after '{before.strip(' ,;.!?:-–—')}' "
                        f"with no word of order: a second step, or a correction of the first? say 'then' if it comes "
                        f"after, or say only what the robot should do")
    return None
