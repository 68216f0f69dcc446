"""Deterministic semantic parser: instruction -> candidate grounded plans, or a refusal with its reason.

It splits the instruction into clauses, reads each as an action (pick / place / push / home) over object
mentions ("the crimson block", "it", "the other one", "the cube left of the blue one", "the cube on the
pad"), grounds every mention in the scene and builds the plan while simulating the effects. Where the
language is ambiguous (what "it" refers to, where an object phrase ends) it returns every reading that
grounds; a ranker (the language model) chooses among them. A mention that does not ground is a refusal,
never a guess, and one that could name several objects is a question naming them (mentions.py).
Negations and order words are read first (clause_structure.py): every reading comes with the ``Request``
it must meet (milestones in order, exclusions), checked whole before anything moves (request.py).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policies.planner import lexicon as lx
from policies.planner.clause_structure import read_structure
from policies.planner.corrections import corrected_reason
from policies.planner.grounding_guard import within_one_edit
from policies.planner.mentions import (
    FILLERS,
    HALF_MARGIN_M,
    Context,
    Ref,
    UngroundedError,
    ground,
    parse_direction,
    parse_object,
    parse_region,
    repaired,
)
from policies.planner.phrasing import in_english, rewrite
from policies.planner.plan import Clarification, Plan, Refusal, Step
from policies.planner.register import _LET_ORDERED
from policies.planner.request import ORDER_MARKERS, Milestone, Request, check_request, marked_words
from policies.planner.restatement import restated
from policies.planner.scene_state import SceneState
from policies.planner.skills import apply_step, check_plan, step_error
from policies.planner.speech_act import speech_act_error
from policies.planner.towers import TOWER_PURPOSE
from policies.planner.unasked import HEDGE_END, HEDGE_WORDS, unasked_reason
from sim.skills.push import DIRECTIONS as PUSH_DIRECTIONS

MAX_CANDIDATES = 8

_COLOUR_ALT = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
# the verbs that take up a cube said first through "it" ("the one on top of the red, move it to the pad")
_DISLOCATED_VERBS = "|".join(sorted(lx.PLACE_VERBS | {"move", "shift", "carry", "bring", "take", "relocate", "bin",
                                                      "stick", "pop"}, key=len, reverse=True))
# Phrases rewritten before parsing: the held object, idioms that carry no meaning for the plan.
_REWRITES: tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...] = (
    (r"\b(the (cube|block|one|object|thing) (that )?you are holding|what you are holding|what you hold|"
     r"the held (cube|block|object)|the (cube|block|object) in (the|your) (gripper|hand))\b", " HELD "),
    # "over" before "the other cube" is "on", as before a colour ("Put the red over the other cube, please.", dev_s14
    # fi41-039: the other cube is asked when two are left)
    (rf"\b((?:put|place|set|stack|lay) (?:the )?(?:{_COLOUR_ALT})(?: (?:cube|block|one|brick))?) over (?=the other "
     rf"(?:cube|block|one|brick)\b)", r"\1 on "),
    # a learner's relative "what" after its noun ("The cube what is on the blue, put it in the pad.", dev_s14 fi41-046)
    (r"\b(the (?:cube|block|one|object|brick)) what(?:'s| is)\b", r"\1 that is"),
    # "take whatever's sitting on the red cube" (f18-034): the object resting there, grounded by mentions.py
    (r"\bwhat(?:ever)?(?:'s| is)\s+(?:currently\s+)?(?:sitting\s+|resting\s+|lying\s+|standing\s+|stacked\s+|"
     r"placed\s+)?(?=(?:on top of|on|atop)\s)", " the object resting "),
    # The cube on top of another said first, then what to do with it through "it" (dev_s13 fi37-041, fi38-033: "The
    # one sat on top of the red, take it off and put it on the pad", "whatever's sitting on top of the orange, move it
    # to the right side"): the reference moved into the clause, grounded (or asked, or refused) by mentions.py. Only
    # this relation, a verb right after the comma and "it" right after the verb: "..., don't move it" stays unread.
    (rf"(^\s*|[.;!?]\s*)(?:so |ok |okay |right |now )*(?:the (?:cube|block|one|object|brick)|the object resting)"
     rf"(?: (?:that's|that is|which is|that sits|which sits))?(?: (?:currently|just))?"
     rf"(?: (?:sitting|sat|resting|lying|standing|perched|stacked|placed))? (?:on top of|on|atop|upon) "
     rf"(the (?:{_COLOUR_ALT})(?: (?:cube|block|one|brick))?|(?:{_COLOUR_ALT})(?: (?:cube|block|one|brick))?)"
     rf"\s*,\s*((?:please |just |now |then )*)(?:((?:{_DISLOCATED_VERBS})) it\b(?! off\b)|"
     rf"(?:(?:take|lift|get|pull|whip|grab|pick) it (?:off|up)|(?:pick|lift) up it)\b(?! (?:of |from )?(?:the )?"
     rf"(?:{_COLOUR_ALT})\b))",
     lambda m: f"{m.group(1)}{m.group(3)}{m.group(4) or 'pick up'} the cube sitting on top of "
               f"{m.group(2) if m.group(2).startswith('the ') else 'the ' + m.group(2)} "),
    # "Go home when you're done, but before you do, put the yellow one on the pad." (s12 fi35-017): home said first and
    # meant last: the request, then home. Only this whole shape, from the start to the end of the instruction.
    (r"^\s*(?:please\s+)?(?:go|head|return)(?: back)?(?: to your)? home(?: position)? when you(?:'re| are) "
     r"(?:done|finished)\s*,\s*but\s+(?:before you do(?: that| so| it)?|first)\s*,?\s*([^;]+?)\s*[.!]?\s*$",
     r" \1 , then go home "),
    # "Before you put anything else away, move the purple cube onto the pad." (dev_s13 fi37-016), "First thing, carry
    # ..." (fi38-016): what goes before everything else is what goes first; only said opening a sentence, with a comma,
    # before an imperative (never "First thing, you put the red cube in the bin?": A1 s13, a question)
    (r"(^\s*|[.;!?]\s*)(?:(?:ok|okay|so|right|now)\s*,?\s+)?(?:before (?:you |we )?(?:do|doing|put|putting|move|"
     r"moving|touch|touching|tidy|tidying) anything else(?: away| up)?|before anything else|first thing|first things "
     r"first)\s*[,:](?!\s*(?:you|we|i|they|he|she|it)\b)\s*", r"\1 first , "),
    (r"\b(cube|block|one|object|thing) in between\b", r"\1 between"),  # "the block in between red and blue"
    (r"\bbuild a tower by\b", " "),
    (r"\bbuild a tower with\b", " stack "),
    (r"\btake hold of\b", " take "),
    # ... never beside a push: "push the red cube left off the table" asks to push it over the edge (A1 s9 G9)
    (r"\b(off|from) the table\b", lambda m: m.group(0) if re.search(rf"\b(?:{'|'.join(lx.PUSH_VERBS)})\b", m.string)
     else " "),
    (r"\bof the table\b", " "),
    (r"\bdo the same with\b", " SAME "),
    # "nudge the purple cube in toward your base" (fi34-047; phrasing writes the robot's way as "backward"): "in" before
    # it is the push's own particle, no place
    (rf"\b((?:{'|'.join(sorted(lx.PUSH_VERBS))})\b[^,;.]*?) in (backwards?)\b", r"\1 \2"),
    # "the cube that's not blue", "the non-blue one": a reference by the colour it lacks (grounded or asked among the
    # rest by mentions.py), never a negation of the clause (f17-067)
    (rf"\b(cube|block|one|object) (?:that's|thats|that is|which is|which's) not ({_COLOUR_ALT})\b", r"non\2 \1"),
    (rf"\bnon-({_COLOUR_ALT}) (cube|block|one|object)\b", r"non\1 \2"),
    # "place one cube on top of the other one" (s11 dev fi31-060): "one cube" is "one", asked among the scene's cubes
    (rf"\b({'|'.join(sorted(lx.PLACE_VERBS | {'stack'}))}) one (?:cube|block|brick)\b(?= (?:on|onto|on top of|atop) "
     r"(?:the )?other\b)", r"\1 one"),
    # "put one of them on the pad", "put some cube in the bin", "either block" (A1-style probes of the s11 ambiguous
    # class): one cube the words leave open, asked among those that fit like "a cube"
    (r"\bone of (?:the |these |those )?(?:cubes|blocks|bricks|them)\b", " one "),
    (r"\b(?:some|either|any one|any single) (cube|block|brick|one)\b", r" a \1 "),
    # "no need to pick it up" beside a push, "no other cubes are to be involved", "no other motion is required" (s11
    # dev fi30-047, fi31-010, fi31-049): what the words leave out is forbidden, as "don't pick it up", "don't touch
    # the other cubes", "don't move anything else" say (stricter than the words; a plan that does it is refused)
    (r"\b(?:there is |there's |theres )?no need to\b", " NOT "),
    (r"\bno other (?:cubes?|blocks?|bricks?|objects?) (?:is |are )?(?:to be |should be |must be |may be |shall be )?"
     r"(?:involved|touched|moved|used|disturbed)\b", " NOT touch the other cubes "),
    (r"\bno other (?:motion|movement|moves?|actions?|steps?) (?:is |are )?(?:required|needed|necessary|wanted)\b",
     " NOT move anything else "),
    (r"\bwithout\b", " ; NOT "),  # "A without touching B": A, and a negative clause
    (r"(\bdo not\b|\bdon't\b|\bdont\b|\bnever\b|\bnot\b)", " NOT "),
    # "Do not permute the steps." (s11 dev fi31-018): the stated order holds, which the words' "order" keeps (see
    # _unordered); nothing else is forbidden
    (r"\bNOT\s+(?:permute|reorder|rearrange|swap|shuffle|switch|change|alter|mix up)\s+"
     r"(?:(?:the|these|those|its|their|my) )?(?:order|sequence|steps|instructions)"
     r"(?: of (?:the |these |those )?(?:steps|instructions|actions|them))?\b", " ; "),
    (r"\bto the (left|right) of\b", r" \1 of "),
    # "..., then the green cube on top", "finish it by putting the yellow cube on top" (indep11-006): "on top" with
    # nothing after it is the top of the stack as it then stands (grounded in the simulated scene: none refuses,
    # several ask)
    (r"\bon top\b(?! of\b)(?=\s*(?:$|[,;.!?]|\band\b|\bthen\b|\bplease\b))", " ontop the topmost cube "),
    (r"\bon top of\b", " ontop "),
    (r"\btoward(s)? me\b", " backward "),
    # "stick the purple one on top of the green one, like a little hat" (final f20-007): the simile says how it sits
    (r"(\b(?:ontop|on|onto|atop)\s+(?:the\s+)?[a-z]+(?:\s+(?:cube|block|one|brick))?)\s*,?\s*(?:just\s+)?like a "
     r"(?:little |small |tiny |wee )?(?:hat|cap)\b", r"\1"),
    # "put all of the blocks away in the bin" (r23 f23-058): "away" says only that they go
    (r"\baway (?=(?:in|into) the (?:bin|trash|basket|box|bucket)\b)", ""),
    # "whichever cube lies furthest to the left", "the cube which is more at left" (r22 f22-033, f22-051): the
    # leftmost (ties asked by mentions.py); never "more to the left of X"
    (r"\b(?:whichever|the) (cube|block|one|object)(?:'s | (?:that |which )?(?:is |lies |sits |stands |'s |that's )?| )"
     r"(?:(?:the )?(?:furthest|farthest|further|farther)|most|more) (?:to(?:wards?)? (?:the |your )?|at (?:the )?|on "
     r"the )(left|right)(?! of\b)\b", r" the \2most \1 "),
    # "bin whichever cube is over on the right" (r24 f24-062): the cube on the right (asked where one stands in the
    # right region, mentions.py)
    (r"\bwhichever (cube|block|one|object) (?:is |lies |sits |stands |'s )(?:over )?(?:on|at) the (left|right)"
     r"(?! of\b)(?: side)?\b", r" the \1 on the \2 "),
    # ... after "bin" as the verb, which phrasing reads before such a reference is spelled out
    (r"(^\s*|[,;.]\s*|\b(?:and|then|please|just)\s+)bin\s+(the (?:(?:cube|block|one|object) on the (?:left|right)|"
     r"(?:leftmost|rightmost|frontmost|backmost|nearestbase|farthestbase) (?:cube|block|one|object)))"
     r"(?=\s*(?:$|[,;.!]|\band\b|\bthen\b))", r"\1 put \2 in the bin "),
)
_DEST_PREPS = frozenset({"on", "onto", "in", "into", "inside", "to", "toward", "towards", "ontop", "at"})
_VERBS = lx.MOTION_VERBS | {"unstack"}


# ---------------------------------------------------------------------------------------- actions
@dataclass(frozen=True)
class Action:
    verb: str  # pick | place | push | home | same
    obj: Ref | None = None
    region: str | None = None
    target: Ref | None = None
    direction: str | None = None


def _tokens(text: str) -> list[str]:
    text = " " + text.lower().replace("’", "'") + " "
    for pattern, repl in _REWRITES:
        text = re.sub(pattern, repl, text)
    text = re.sub(r"([,;:.!?])", r" \1 ", text)
    return [t for t in text.split() if t]


# ------------------------------------------------------------------------------------------ clauses
_VERBLESS_PREPS = frozenset({"on", "onto", "in", "into", "to", "ontop"})
_VERBLESS_ENDS = frozenset({",", ";", ".", "!", "?", "and", "then", "but"})


def _verbless_place(toks: Sequence[str]) -> bool:
    return _verbless_words(toks) is not None


def _verbless_words(toks: Sequence[str]) -> list[str] | None:
    """Whether ``toks`` is a placement said without a verb ("red on pad", "the blue cube in the bin", "green to left
    side", "red on blue"): a cube named by its colour, one preposition, then a region or another cube named by its
    colour, and nothing else. Only this plain shape is read as "put": a reference ("the cube on the pad") or a
    relative clause is not."""
    words = _without_wish([t for t in toks if t not in FILLERS])
    at = [k for k, t in enumerate(words) if t in _VERBLESS_PREPS]
    if len(at) != 1 or at[0] == 0 or any(t in _VERBS for t in words):
        return None
    obj = parse_object(words[:at[0]])
    # ... or by its place ("Left cube into the bin.", r22 f22-050), or only as "cube" ("Cube to left side.": asked
    # where several could be meant, f22-077)
    # where it goes said with a preposition of motion only: "the cube on the pad" names a cube, it asks nothing
    # ... unless the noun is said bare, with no article, as a note is ("Cube on the pad.": asked where several could be
    # meant, s11 dev fi30-061)
    bare_noun = obj is not None and obj.kind == "generic" and at[0] == 1 and words[0] in ("cube", "block", "brick")
    # ... or as the top cube, with a preposition of motion only ("Top cube to the bin, stat.", seen fi40-028; asked
    # where the scene has two stacks): "the top cube in the bin" may name a cube, and stays unread
    if obj is None or obj.kind not in ("color", "extreme", "generic", "top") or (
            obj.kind != "color" and words[at[0]] not in ("to", "into", "onto") and not bare_noun):
        return None
    dest = words[at[0] + 1:]
    if parse_region(dest) or _side(dest):
        return words
    if bare_noun and words[at[0]] not in ("to", "into", "onto"):
        return None  # (a region only: "cube on the blue cube" may name where a cube is)
    target = parse_object(dest)
    return words if target is not None and target.kind == "color" and words[at[0]] in ("on", "onto", "ontop", "to") \
        else None


# Between the cube and where it goes, in a placement said as a wish ("red goes in the bin", "blue should be on the
# pad", "green needs to go to the left side"); never "is" alone ("red is on blue" says what is, not what to do).
_GOES = frozenset({"goes", "belongs", "should", "must", "needs", "need", "to", "be", "has", "ought"})
_WISH_VERBS = frozenset({"goes", "belongs", "should", "must", "needs", "need", "has", "ought"})


def _without_wish(words: list[str]) -> list[str]:
    """``words`` without the wish between a cube and where it goes ("red goes in the bin", "blue should be on the pad",
    "green needs to go to the left side": the last "to" is where it goes)."""
    wish = next((k for k, t in enumerate(words) if t in _WISH_VERBS), None)
    if wish is None:
        return words
    end = wish
    while end < len(words) and words[end] in _GOES and not (
            words[end] == "to" and end + 1 < len(words) and words[end + 1] not in _GOES):
        end += 1
    return words[:wish] + words[end:]


def _verbless_next(toks: Sequence[str], i: int) -> bool:
    """Whether a verbless placement follows the connector at ``toks[i]`` up to the next clause end."""
    j = i + 1
    while j < len(toks) and toks[j] not in _VERBLESS_ENDS:
        j += 1
    return _verbless_place(toks[i + 1:j])


_PLURAL_PRONOUNS = frozenset({"them", "em", "'em", "these", "those", "both"})


def _apposition_head(clause: Sequence[str]) -> bool:
    """Whether ``clause`` is "VERB them" ("stack em"), which the placements after it may spell out."""
    head = [t for t in clause if t not in FILLERS]
    return len(head) == 2 and head[0] in lx.PLACE_VERBS and head[1] in _PLURAL_PRONOUNS


def _apposition(clauses: list[list[str]]) -> list[list[str]]:
    """The placements a first clause "VERB them" stands for, where every clause after it is a placement said without
    a verb ("stack em, green on top of yellow"; fresh split indep9-007); otherwise ``clauses`` as they are."""
    if len(clauses) < 2 or not _apposition_head(clauses[0]):
        return clauses
    return clauses[1:] if all(_verbless_place(c) for c in clauses[1:]) else clauses


def _stacked_again(clause: Sequence[str], per_clause: Sequence[Sequence[Action]], text: str) -> bool:
    """Whether ``clause`` is "stack them" closing clauses that each put one cube on another ("put purple on top of
    yellow, just stack em"): it says the stacking again, nothing more. Only "stack"/"pile" with a plural pronoun after a
    comma or "and" (never "then": a step of its own), after cube-on-cube placements alone."""
    head = [t for t in clause if t not in FILLERS]
    closing = re.search(r"(?:,|\band)\s*(?:just\s+)?(?:stack|pile)\s+(?:them|em|'em|these|those|both)(?:\s+up)?\s*"
                        r"(?:real quick|quickly|now|please|pls|for me)?\s*[.!]?\s*$", text)
    return closing is not None and _apposition_head(clause) and head[0] in ("stack", "pile") and bool(per_clause) and \
        all(a.verb == "place" and a.target is not None and a.region is None for actions in per_clause for a in actions)


def split_clauses(toks: list[str]) -> list[list[str]]:
    """Cut at clause breaks ("then", "after that", ";") and at "and"/"," before a verb, "the other" or a placement
    said without a verb after a clause with its own destination ("red on pad, blue in bin"; in "red and blue in
    the bin" the two share one, see _coordinated)."""
    clauses: list[list[str]] = [[]]
    i = 0
    while i < len(toks):
        brk = next((p for p in lx.CLAUSE_BREAKS if tuple(toks[i:i + len(p)]) == p), None)
        if brk:
            clauses.append([])
            i += len(brk)
            continue
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in (";", ":", ".", "!", "?"):
            clauses.append([])
        elif t in (",", "and", "but"):
            after = toks[i + 1:i + 3]
            if nxt in _VERBS or nxt in ("SAME", ",", "and", "but") or after == ["the", "other"] or nxt == "other" or \
                    (t == "," and _home_clause(_after_and(clauses[-1])) and not nxt.endswith("ing") and
                     nxt != "having") or \
                    (t in (",", "and") and (set(clauses[-1]) & _VERBLESS_PREPS or _apposition_head(clauses[-1]))
                     and _verbless_next(toks, i)):
                clauses.append([])
            elif t in ("and", "but"):
                clauses[-1].append(t)
        else:
            clauses[-1].append(t)
        i += 1
    return [c for c in clauses if c]


# The words a clause that goes home may hold beside its home phrase ("it": "send it home", and the German formal
# "fahren Sie" translated as "go it").
_HOME_WORDS = FILLERS | lx.DETERMINERS | {w for p in lx.HOME_PHRASES for w in p} | frozenset({
    "go", "return", "head", "back", "to", "in", "into", "your", "send", "move", "get", "position", "pose", "at",
    "end", "the", "now", "please", "ok", "okay", "then", "finally", "afterwards", "again", "after", "that",
    "yourself", "it", "its", "arm", "robot", ",", "!", ".", "base", "come"})  # ("back to home base", "come back to
# home position", dev_s13 fi37-020)


def _after_and(toks: Sequence[str]) -> Sequence[str]:
    """The words after the last "and" of ``toks`` (all of them if none): "put blue on the pad and go home" -> "go
    home", whose comma after it ends the clause too (A1 s10 H2)."""
    at = max((k for k, t in enumerate(toks) if t == "and"), default=-1)
    return toks[at + 1:]


def _home_clause(toks: Sequence[str]) -> bool:
    """Whether ``toks`` is a whole clause that goes home ("go home", "return to your home position"): a comma after it
    ends it, so the words after it are read (or refused) as a clause of their own ("Go home, Bob will put the red cube
    in the bin" ran the placement, its subject and the home clause dropped: A1 s10 H2)."""
    return any(tuple(toks[i:i + len(p)]) == p for p in lx.HOME_PHRASES for i in range(len(toks))) and \
        all(t in _HOME_WORDS for t in toks)


def _home_unread(toks: Sequence[str]) -> list[str]:
    """The words of a clause that goes home which are no known filler (empty if it is no home clause)."""
    if not any(tuple(toks[i:i + len(p)]) == p for p in lx.HOME_PHRASES for i in range(len(toks))):
        return []
    return [t for t in toks if t not in _HOME_WORDS]


# Verbs that only take hold of a cube: after them a static place ("in the bin", "on the pad", "on top of blue") says
# where the cube is; "take/get/bring/fetch X in(to) Y" stay placements.
_PICK_ONLY = frozenset({"pick", "grab", "grasp", "lift", "hold", "snatch", "collect", "raise", "picking", "grabbing",
                        "lifting"})
_STATIC_PREPS = frozenset({"in", "on", "ontop", "inside", "at"})


def parse_clause(toks: list[str], previous: Action | None) -> list[Action]:
    """Every reading of one clause (empty: not understood)."""
    if any(tuple(toks[i:i + len(p)]) == p for p in lx.HOME_PHRASES for i in range(len(toks))) and not any(
            t in lx.KIND_WORDS or t in lx.COLOR_WORDS for t in toks):
        # read only where every other word is a known filler: "undo that, go home", "open the gripper and go
        # home" would drop their other words (ADV 5); unread, they are reported
        return [Action("home")] if all(t in _HOME_WORDS for t in toks) else []
    if toks and toks[0] == "SAME":
        obj = parse_object(toks[1:])
        if obj is None or previous is None or previous.verb in ("home", "same"):
            return []
        return [Action(previous.verb, obj=obj, region=previous.region, target=previous.target,
                       direction=previous.direction)]
    verb_at = next((i for i, t in enumerate(toks) if t in _VERBS), None)
    verbless = _verbless_words(toks) if verb_at is None else None
    if verbless is not None:
        verb_class, body = "place", verbless  # "red on pad, ...": a placement said without its verb
    elif verb_at is None:
        if previous is None or previous.verb not in ("place", "push"):
            return []
        verb_class, body = previous.verb, toks  # "... and the other one in the bin": the verb carries over
    else:
        v = toks[verb_at]
        verb_class = "push" if v in lx.PUSH_VERBS else "pick" if v in lx.PICK_VERBS | {"unstack"} else "place"
        body = toks[verb_at + 1:]
    # "and" inside one clause's object ("put red and the cube in the bin", "pick up red and that") joins a second object
    # that no single mention holds: kept as a word no mention reads, so the clause is never read as the first object
    # alone (it dropped the second one); "between red and blue" keeps its "and"
    joined = "between" not in body
    body = [("AND" if t == "and" and joined else t) for t in body if t not in FILLERS - {"and"} and t not in (",",)]
    readings: list[Action] = []
    if verb_class == "push":
        for p in range(len(body) - 1, 0, -1):
            direction = parse_direction(body[p:])
            obj = parse_object(body[:p])
            if direction and obj:
                readings.append(Action("push", obj=obj, direction=direction))
        # "push the yellow cube onto the left side", "nudge red to the left side" (f14-048): the side is the push's
        # direction. A push reaches no other place: "push red onto the pad" is refused (_impossible_clause), never
        # read as pick and place, which lifts what the words only slide
        for p, t in enumerate(body):
            obj = parse_object(body[:p]) if t in _DEST_PREPS and p else None
            side = (parse_region(body[p + 1:]) or _side(body[p + 1:])) if obj else None
            if obj and side in ("left", "right"):
                readings.append(Action("push", obj=obj, direction=side))
        return readings
    if verb_class == "pick":
        obj = _taken_from(body, unstacked=verb_at is not None and toks[verb_at] == "unstack")
        if obj:
            readings.append(Action("pick", obj=obj))
    for p, t in enumerate(body):
        if t not in _DEST_PREPS or (p == 0 and (previous is None or previous.verb != "pick" or verb_at is None)):
            continue
        if verb_at is not None and toks[verb_at] in _PICK_ONLY and t in _STATIC_PREPS:
            # "pick up / grab / lift the red cube in the bin": where the cube is said to be, never where it goes (a
            # false premise threw it into the bin, A1 s10 H17); "lift it onto the pad" still places it
            continue
        # "pick cube; place on right side" (f18-077): a placement right after a pick, its object left out, places
        # what was picked
        obj = parse_object(body[:p]) if p else Ref("it", text="it")
        if obj is None and p and {"from", "off"} & set(body[:p]):
            # "move the red cube from the pad to the bin", "the yellow cube off the orange one onto the pad" (A1 s10
            # H22): where the cube is said to be is checked (never dropped), where it goes is the place
            obj = _taken_from(body[:p], unstacked=False)
        if obj is None:
            continue
        region = parse_region(body[p + 1:]) or _side(body[p + 1:])
        if region:
            readings.append(Action("place", obj=obj, region=region))
            continue
        target = parse_object(body[p + 1:])
        if target and t in ("on", "onto", "ontop", "to"):
            readings.append(Action("place", obj=obj, target=target))
    return readings


def _taken_from(body: Sequence[str], *, unstacked: bool) -> Ref | None:
    """What a pick takes: "the yellow (cube) off/from (on top of) the orange (one)" is the yellow cube resting on the
    orange one (grounded, or refused, by mentions.py: the words' premise is checked, never dropped); after "unstack"
    the cube must rest on another ("unstack the yellow cube"); else the plain mention."""
    cut = next((k for k, t in enumerate(body) if t in ("off", "from") and k), None)
    if cut is None:
        obj = parse_object(body)
        if unstacked and obj is not None and obj.kind in ("color", "generic"):
            return Ref("top", color=obj.color, noun=obj.noun, text=f"{obj.text} (resting on another cube)")
        return obj if not unstacked else None
    obj = parse_object(body[:cut])
    rest = [t for t in body[cut + 1:] if t not in ("of", "ontop")]
    rest = rest[3:] if rest[:3] == ["the", "top", "of"] else rest
    region = parse_region(rest)
    under = None if region else parse_object(rest)
    if obj is None or obj.kind not in ("color", "generic") or (region is None and under is None):
        return None
    return Ref("on", color=obj.color, noun=obj.noun, support=region, anchor=under,
               text=f"{obj.text} on {' '.join(rest)}")


# Words that may stand before a clause's verb without changing what it asks (A1 session 7, F2: "quit putting the red
# cube in the bin", "cease to put ...", "then why would you put ..." ran the verb and dropped the words before it).
_LEAD_WORDS = FILLERS | frozenset({
    "first", "firstly", "finally", "next", "lastly", "also", "so", "ok", "okay", "oh", "well", "right", "yes", "yeah",
    "sure", "simply", "quickly", "slowly", "maybe", "perhaps", "again", "too", "now", "the", "tower", "HELD"})
# ... and a start said to the robot ("start by putting", "begin with", "finish the tower by"); never the speaker's own
# ("I must put", "I start by putting", A1 session 7 F12)
_LEAD_START = re.compile(r"^(?:(?:first|then|and|so|now|please|just)\s+)*(?:start|begin|end|finish)(?: off)?"
                         r"(?: the tower)? (?:by|with)$")


# Words that pick some cubes out of others or order them ("put any cube but red in the bin", "the non-red cube", "the
# cube between red and blue", "the two leftmost cubes", "the least leftmost cube"): a clause holding one that the
# parser cannot read is refused with its reason, never left to the model, which moved the excluded cube (A1 session 7,
# F8). The sentence-level negation and order words are request.py's markers.
_SCOPING = re.compile(r"\b(?:but|non|besides|unlike|different|differently|between|least|point of view|perspective|"
                      r"ain't|aint|save|bar|minus|sans|nothing|zero|stays?|remains?|staying|another|anywhere|"
                      r"sorry|oops|actually|wait|mean|meant|misspoke|correction|"
                      # what is said of a cube or of the request beside it (A1 session 7, F18, F19)
                      r"fine|staying|important|keeper|keep|keeping|kept|needed|need|precious|taboo|untouchable|mine|"
                      r"bad|terrible|shame|done|finished|completed|example|old|warning|"
                      r"aren't|isn't|wasn't|'ll|n0t|used|using|part|has|have|had|make|better|maybe|standing|sitting|lying|resting|"
                      # corrections, retractions and misspelt negations the model planned through (F21, F22)
                      r"err|erm|pardon|edit|undo|psych|still|changed|nto|nit|npt|noot|bot|mot|knot|noth|w|o|bounds|"
                      r"out|limits|skip|quit|cease|stop|trying|try|tried|refuse|decline|fail|failed|regret|hate|"
                      r"dislike|postpone|delay|halt|desist|discontinue|resist|prevent|omit|avoid|forget|"
                      # (A1 session 7, F23) the user's side, a time, a condition, a reason, a hedge, a joined "don't"
                      r"my|tomorrow|tonight|later|if|because|since|apparently|unbroken|placed|correctly|should|demo|"
                      r"don'?t[a-z]+|"
                      r"two|three|four|five|six|both|neither|either|any|only|other|others|else|instead|rather|same|"
                      r"except|excluding|apart|aside|save|barring|all|every|each|rest|remaining)\b|\bnon-")


# Politeness the wrappers leave before the verb: "if you have time, please put ...", "the easiest would be if you just
# put ..." (read as the request, as before the lead check)
_POLITE_LEAD = re.compile(r"^(?:if (?:have|get|got) (?:some )?(?:little |bit of |spare |free |quick )*"
                          r"(?:time|moment|minute|min|sec|second|chance|mo)s?|"
                          r"(?:i think )?(?:the )?(?:easiest|best|simplest|quickest|nicest)"
                          r"(?: (?:thing|way|option))?(?: to do)?(?: will)? be if)$")


def _unread_lead(clause: Sequence[str]) -> tuple[str, str] | None:
    """(the words, the verb) where words the parser does not read stand before the clause's first verb, else None."""
    if clause and clause[0] == "SAME":
        return None
    # the first verb outside a home phrase ("go to your home position": no verb); a home phrase before it is lead words
    # like any other ("go home or put ...", A1 s10 H2)
    home = {k for p in lx.HOME_PHRASES for i in range(len(clause)) if tuple(clause[i:i + len(p)]) == p
            for k in range(i, i + len(p))}
    verb_at = next((i for i, t in enumerate(clause) if t in _VERBS and i not in home and
                    not (t == "position" and i - 1 in home)), None)  # "the home position"
    if verb_at is None:
        return None
    said = " ".join(clause[:verb_at]).replace("you are", "you").replace("you 're", "you")  # "second you are putting"
    said = re.sub(r"^(?:please )?(?:could|can|may) (?:i|we)\b", " ", said)  # "could i get the purple cube in the bin"
    if _LEAD_START.match(" ".join(t for t in said.split() if t not in FILLERS)):
        return None
    # a misspelt "please" ("plase put the blu block on the pad"), which the typo corrector leaves alone as it is also
    # one edit from "place"
    lead = [t for t in said.split()
            if t not in _LEAD_WORDS and t not in (",", ":", "-") and not within_one_edit(t, "please")]
    if _POLITE_LEAD.match(" ".join(lead)):
        return None
    return (" ".join(lead), clause[verb_at]) if lead else None


def _side(toks: Sequence[str]) -> str | None:
    """"the left" / "the right" after a place verb's preposition: the side region ("move X to the right";
    after a push verb the same words are the push's direction, read before this)."""
    words = [t for t in toks if t not in FILLERS]
    return words[1] if len(words) == 2 and words[0] == "the" and words[1] in ("left", "right") else None


def _steps_for(action: Action, obj: str | None, target: str | None, state: SceneState) -> list[Step]:
    if action.verb == "home":
        return [Step(skill="go_home", args={})]
    if obj is None:
        return []
    if action.verb == "pick":
        return [] if state.holding == obj else [Step(skill="pick", args={"object": obj})]
    if action.verb == "push":
        return [Step(skill="push", args={"object": obj, "direction": action.direction or ""})]
    destination = action.region or target
    if state.holding != obj and destination and state.rests_on(obj, destination):
        return []  # already there: a replan from the re-observed scene skips what is done
    steps = [] if state.holding == obj else [Step(skill="pick", args={"object": obj})]
    if action.region is not None:
        return [*steps, Step(skill="place_in", args={"region": action.region})]
    return [*steps, Step(skill="place_on", args={"object": target or ""})]


def _milestone(action: Action, obj: str | None, target: str | None) -> Milestone:
    if action.verb == "home":
        return Milestone(kind="home")
    if action.verb == "pick":
        return Milestone(kind="hold", obj=obj)
    if action.verb == "push":
        return Milestone(kind="push", obj=obj, direction=action.direction)
    return Milestone(kind="on", obj=obj, support=action.region or target)


Reading = tuple[Plan, tuple[Milestone, ...]]


def _without_target(action: Action, ctx: Context, then: Action | None = None) -> Context:
    """``ctx`` for grounding "the cube" in "stack the cube on the red one" (or "it" with nothing mentioned before):
    the cube it goes on is not a candidate (a cube is never put on itself), so the question names only the others.
    So too where the next clause moves it there: "pick the cube up and stack it on the yellow one" (indep7-079)."""
    if action.obj is not None and action.target is None and then is not None and then.obj is not None and \
            then.obj.kind == "it":
        action = then if action.obj.kind == "generic" else action
    if action.obj is None or action.obj.kind not in ("generic", "it", "other") or action.target is None or \
            action.target.kind != "color":
        return ctx
    try:
        target = ground(action.target, ctx, alternatives=False)
    except UngroundedError:
        return ctx
    return Context(state=ctx.state, mentioned=ctx.mentioned, last_primary=ctx.last_primary,
                   last_target=ctx.last_target, excluded=ctx.excluded | frozenset(target))


def _realise(actions: Sequence[Action], state: SceneState, excluded: frozenset[str] = frozenset(),
             antecedent: str | None = None) -> list[Reading]:
    """All plans for one reading of the clauses (several where "it" is ambiguous), with their milestones;
    ``excluded`` objects (the negations') are never what "a cube" names; ``antecedent`` is what "it" names before
    any clause names an object (the one object a negated placement moved: "don't put red on blue, put it on green")."""
    plans: list[tuple[list[Step], Context, list[Milestone]]] = [
        ([], Context(state=state, excluded=excluded, last_primary=antecedent), [])]
    for i, action in enumerate(actions):
        nxt: list[tuple[list[Step], Context, list[Milestone]]] = []
        then = actions[i + 1] if i + 1 < len(actions) else None
        for steps, ctx, marks in plans:
            objs: list[str | None] = list(ground(action.obj, _without_target(action, ctx, then))) if action.obj \
                else [None]
            for obj in objs:
                local = Context(state=ctx.state, mentioned=[*ctx.mentioned, *([obj] if obj else [])],
                                last_primary=ctx.last_primary, last_target=ctx.last_target, excluded=excluded)
                # "stack the red cube on the cube": a cube is never put on itself, so the question names the others
                on_other = local if obj is None or action.target is None or action.target.kind != "generic" else \
                    Context(state=local.state, mentioned=local.mentioned, last_primary=local.last_primary,
                            last_target=local.last_target, excluded=excluded | {obj})
                targets: list[str | None] = list(ground(action.target, on_other)) if action.target else [None]
                for target in targets:
                    new = _steps_for(action, obj, target, ctx.state)
                    s = ctx.state
                    for step in new:
                        if step_error(s, step) is None:
                            s = apply_step(s, step)
                    mentioned = [*local.mentioned, *([target] if target else [])]
                    nxt.append(([*steps, *new], Context(state=s, mentioned=mentioned, last_primary=obj or
                                                        ctx.last_primary, last_target=target, excluded=excluded),
                                [*marks, _milestone(action, obj, target)]))
        plans = nxt[:MAX_CANDIDATES]
    return [(Plan(steps=tuple(steps)), tuple(marks)) for steps, _, marks in plans]


_TOUCH_VERBS = frozenset({"touch", "touching", "disturb", "disturbing", "bump", "bumping", "use", "using",
                          "handle", "handling"}) | _VERBS


# Verbs whose negation forbids moving the object, not touching it: "don't move the green cube" still lets a
# cube be put on it ("don't touch" does not).
_MOVE_VERBS = frozenset({"move", "moving", "shift", "shifting", "relocate", "displace", "lift", "lifting", "pick",
                         "picking", "grab", "take", "push", "pushing", "slide", "nudge"})


def _clarify(exc: UngroundedError) -> Clarification:
    names = [c.replace("_", " ") for c in exc.candidates]
    listed = ", ".join(f"the {n}" for n in names[:-1]) + f" or the {names[-1]}"
    return Clarification(reason=f"which one do you mean: {listed}? ({exc})", candidates=exc.candidates)


# "the other cubes", "the others", "anything else", "the rest": every object the positive clauses do not name
# ("the other one stays", "don't touch the other cube": every object the request does not name, which is that one
# where two are left, and a superset of it, never fewer, where more are: f15-048; see _with_others)
_OTHER_ONE = frozenset({("other", "one"), ("other", "cube"), ("other", "block")})
_OTHERS = _OTHER_ONE | frozenset({("other", "cubes"), ("other", "blocks"), ("other", "ones"), ("other", "objects"),
                     ("other", "things"), ("other", "bricks"), ("others",), ("any", "other", "cube"),
                     ("any", "other", "cubes"), ("any", "other", "block"), ("any", "other", "blocks"),
                     ("any", "other", "object"), ("any", "other", "objects"), ("anything", "else"),
                     ("everything", "else"), ("rest",), ("remaining", "cubes"), ("remaining", "blocks"),
                     ("any", "of", "the", "other", "cubes"), ("any", "of", "the", "others")})


def others_negation(words: Sequence[str]) -> str | None:
    """"touch" / "move" where a negative clause forbids touching / moving every object the request does not
    name ("do not touch the other cubes", "without moving anything else", "leave the rest alone"), else None."""
    words = [t for t in words if t not in FILLERS and t != ","]
    if len(words) < 2 or words[0] not in _TOUCH_VERBS:
        return None
    named = tuple(w for w in words[1:] if w not in lx.DETERMINERS)
    if named not in _OTHERS:
        return None
    return ("move" if words[0] in _MOVE_VERBS else "touch") + ("1" if named in _OTHER_ONE else "")


_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})


def named_after_others(toks: Sequence[str], state: SceneState) -> list[str]:
    """The objects named only past the reach of "the other cubes" / "anything else" (ADV 13): it is relative to
    what is named before it, in its sentence and the earlier ones ("put red in the bin, don't move anything else.
    put blue on the pad": blue is 'anything else'); a negation opening its sentence ("without touching the other
    cubes, put red in the bin") reaches to the sentence's end. Empty where every object is named within reach."""
    kept = [(i, t) for i, t in enumerate(toks) if t not in lx.DETERMINERS]
    at = next((kept[k][0] for k in range(len(kept)) for n in range(1, 5)
               if tuple(t for _, t in kept[k:k + n]) in _OTHERS and k > 0 and kept[k - 1][1] in _TOUCH_VERBS | {
                   "leave", "leaving"}), None)
    if at is None:
        return []
    colours = {o.color for o in state.objects}
    start = max((i + 1 for i in range(at) if toks[i] in _SENTENCE_ENDS), default=0)
    before_in_sentence = any(t in colours for t in toks[start:at])
    end = at if before_in_sentence else next((i for i in range(at, len(toks)) if toks[i] in _SENTENCE_ENDS),
                                             len(toks))
    within = {t for t in toks[:end] if t in colours}
    late = [t for t in toks[end:] if t in colours and t not in within]
    return [o.name for c in dict.fromkeys(late) for o in state.objects if o.color == c]


def _with_others(request: Request, others: str | None, state: SceneState) -> Request:
    """``request`` with every object its milestones do not name forbidden (``others`` "touch") or kept still
    ("move"): "move yellow to the right side and do not touch the other cubes"."""
    if others is None:
        return request
    named = {n for m in request.milestones for n in (m.obj, m.support) if n}
    rest = frozenset(o.name for o in state.objects if o.name not in named)
    if others.endswith("1") and not rest:
        # "put red on blue, don't touch the other one" with two cubes: no cube is left unnamed, so "the other one" is
        # one the request names; every named object it does not move is forbidden (here blue: contradictory, refused),
        # and where it moves them all, every object is
        moved = {m.obj for m in request.milestones}
        rest = frozenset(n for n in named - moved if n in state.names) or frozenset(state.names)
    if others.startswith("move"):
        return dataclasses.replace(request, unmoved_objects=request.unmoved_objects | rest)
    return dataclasses.replace(request, forbidden_objects=request.forbidden_objects | rest)


# Words closing a negation that only make it stronger ("without disturbing the yellow cube in any way", f18-037):
# dropped, the constraint they close stays whole.
_EMPHASES: tuple[tuple[str, ...], ...] = (("in", "any", "way"), ("in", "any", "way", "whatsoever"), ("at", "all"),
                                         ("whatsoever",), ("under", "any", "circumstances"), ("in", "any", "case"),
                                         ("one", "bit"), ("ever",), ("in", "the", "slightest"),
                                         # "don't put anything in the bin this time" (r24 f24-025): the request's time
                                         ("this", "time"))


# A particle, an address or a laugh closing a negated clause ("Don't touch the blue one ah.", dev_s16 fi46-054; "dont
# pick it up lol", fi43-004; "not the green one bestie, ...", fi43-014; "don't touch the blue one mate"): a closed class
# a speaker puts after any clause (Singlish particles, tags, addresses, laughs), which names nothing the negation
# excludes. Cut like an emphasis: what is left must still read as a negation, or it is refused as before. (Never a
# direction or a place word: "right", "left", "back" stay.)
_CLOSING_WORDS = frozenset({"ah", "lah", "lor", "leh", "hor", "sia", "meh", "o", "sha", "mate", "pal", "bestie", "bro",
                            "buddy", "bud", "dude", "man", "fam", "boss", "chief", "ok", "okay", "k", "kk", "pls",
                            "plz", "please", "thanks", "ta", "cheers", "yeah", "eh", "hey", "love", "dear", "sir",
                            "robot", "lol", "lmao", "haha", "mkay"})


def _without_emphasis(words: list[str]) -> list[str]:
    """``words`` without the emphases (above) that close them, any number of them ("at all, in any way"), and
    without the particles and addresses closing them (``_CLOSING_WORDS``)."""
    while True:
        cut = next((len(e) for e in sorted(_EMPHASES, key=len, reverse=True)
                    if len(words) > len(e) and tuple(words[-len(e):]) == e), 0) or \
            int(len(words) > 2 and words[-1] in _CLOSING_WORDS)
        if not cut:
            return words
        words = words[:-cut]


def read_negatives(negatives: Sequence[Sequence[str]], state: SceneState) -> Request | str | Clarification:
    """Objects not to touch and facts not to make, from the negative clauses; a refusal reason if unreadable.

    "don't touch X" and "not X" forbid every step on X; "don't move / pick up / push X" forbid moving X (a
    cube may still be put on it); "don't put X in / on Y" forbids the fact X on Y. Pronouns are refused: a
    negation must say plainly what it excludes.
    """
    objects: set[str] = set()
    unmoved: set[str] = set()
    facts: set[tuple[str, str]] = set()
    skills: set[str] = set()
    ctx = Context(state=state)
    for neg in negatives:
        words = _without_emphasis([t for t in neg if t not in FILLERS and t != ","])
        text = "not " + " ".join(words)
        if len(words) == 2 and words[0] in lx.PICK_VERBS and words[1] in ("it", "them"):
            # "slide the blue cube right, don't pick it up" (fresh split indep5-034): whatever "it" refers to,
            # forbidding every pick keeps the constraint; a plan that needs a pick is refused as contradicting it.
            skills.add("pick")
            continue
        whole_skill = _forbidden_skills(words, state)
        if isinstance(whole_skill, tuple):
            skills.update(whole_skill[0])
            facts.update(whole_skill[1])
            continue
        try:
            readings = parse_clause(words, None) if words and words[0] in _VERBS else []
            places = [a for a in readings if a.verb == "place" and a.obj is not None]
            whole = parse_object(words[1:]) if words and words[0] in _TOUCH_VERBS else parse_object(words)
            refs = [r for r in (whole, *(a.obj for a in places), *(a.target for a in places)) if r is not None]
            if any(r.kind in ("it", "other") for r in refs):
                return f"'{text}': a negation must name what it excludes, not refer to it"
            if words and words[0] in ("leave", "leaving"):
                # "put all cubes in the bin, but don't leave the red one" (A1 s8 F18): a negated "leave X" means
                # "don't leave X behind" (include it), the opposite of "leave X" (exclude it); with a place ("don't
                # leave red on the pad") the cube is still singled out, which a quantifier reads as left out
                return f"'{text}': a negated 'leave' can mean 'do not leave it out'; say 'leave X alone' or 'put X ...'"
            if places:
                found = set()
                for a in places:
                    obj = ground(a.obj, ctx, alternatives=False)[0]  # type: ignore[arg-type]
                    support = a.region or ground(a.target, ctx, alternatives=False)[0]  # type: ignore[arg-type]
                    found.add((obj, support))
                if len(found) != 1:
                    return f"'{text}' can be read in more than one way"
                facts |= found
            elif whole is not None and words[0] in _MOVE_VERBS:  # "don't move X": X may still carry a cube
                unmoved.update(ground(whole, ctx, alternatives=False))
            elif whole is not None:
                objects.update(ground(whole, ctx, alternatives=False))
            elif words and words[0] in _TOUCH_VERBS and [w for w in words[1:] if w not in lx.DETERMINERS] in (
                    ["stack"], ["tower"], ["pile"]):
                # "leave the stack alone" (indep6-030): every object of the scene's one stack
                stacks = state.stacks()
                if len(stacks) != 1:
                    return (f"'{text}': the scene has {len(stacks) or 'no'} stack{'s' if len(stacks) != 1 else ''}, "
                            f"so which objects it names is unclear")
                (objects if words[0] not in _MOVE_VERBS else unmoved).update(stacks[0])
            else:
                parts = _conjoined(words[1:]) if words and words[0] in _TOUCH_VERBS else None
                if parts is None:
                    return f"could not read the negated clause '{text}'; refusing rather than risk doing it"
                for part in parts:  # "don't touch the green cube or the blue one": each of them
                    (objects if words[0] not in _MOVE_VERBS else unmoved).update(ground(part, ctx, alternatives=False))
        except UngroundedError as exc:
            if len(exc.candidates) > 1:
                return _clarify(exc)
            return f"'{text}': {exc}"
    return Request(milestones=(), forbidden_objects=frozenset(objects), forbidden_facts=frozenset(facts),
                   unmoved_objects=frozenset(unmoved), forbidden_skills=frozenset(skills))


def _conjoined(words: Sequence[str]) -> list[Ref] | None:
    """"the green cube (and|or|nor) the blue one" (the joining word may be gone as a filler): each mention, or None
    unless every part reads as one plain object mention."""
    cuts = [i for i, w in enumerate(words) if w in lx.DETERMINERS]
    if not cuts:  # "don't move blue or green": each colour, with its noun after it
        cuts = [i for i, w in enumerate(words) if w in lx.COLOR_WORDS]
    if not cuts or cuts[0] != 0:
        return None
    spans = [[w for w in words[a:b] if w not in ("or", "nor", "and")] for a, b in
             zip(cuts, [*cuts[1:], len(words)], strict=True)]
    refs = [parse_object(span) for span in spans]
    if len(refs) < 2 or any(r is None or r.kind not in ("color", "generic") for r in refs):
        return None
    return [r for r in refs if r is not None]


# "anything", "any cube", "any of the cubes", "a single cube": a negation over every object.
_ANY = frozenset({("anything",), ("everything",), ("any", "object"), ("any", "cube"), ("any", "block"),
                  ("any", "of", "the", "cubes"), ("any", "of", "the", "blocks"), ("a", "single", "cube"),
                  ("any", "cubes"), ("any", "blocks"), ("any", "objects")})
_LATER = frozenset({"afterwards", "after", "that", "at", "the", "end", "later", "yet", "again"})


def _forbidden_skills(words: Sequence[str], state: SceneState) -> tuple[set[str], set[tuple[str, str]]] | None:
    """Skills and facts a negation over every object forbids ("do not pick anything up": every pick; "don't put
    anything in the bin": every cube in the bin; "don't go home afterwards": the go_home step), else None."""
    if "home" in words and all(w in _LATER or w in ("go", "return", "head", "back", "to", "your", "home")
                               for w in words):  # "go" is a filler word, dropped before this
        return {"go_home"}, set()
    if len(words) < 2 or words[0] not in _TOUCH_VERBS:
        return None
    body = list(words[1:])
    span = next((n for n in range(len(body), 0, -1) if tuple(body[:n]) in _ANY), 0)
    if not span:
        return None
    rest = body[span:]
    verb = words[0]
    if not rest:
        if verb in lx.PUSH_VERBS:
            return {"push"}, set()
        if verb in lx.PICK_VERBS or verb in lx.PLACE_VERBS:
            return {"pick"}, set()  # nothing is placed that was not picked
        return {"pick", "push"}, set()  # touch, move, use, handle
    if verb in lx.PLACE_VERBS and rest[0] in _DEST_PREPS:
        region = parse_region(rest[1:]) or _side(rest[1:])
        if region is not None:
            return set(), {(o.name, region) for o in state.objects}
        target = parse_object(rest[1:]) if rest[0] in ("on", "onto", "ontop") else None
        if target is not None and target.kind == "color":  # "never put anything on the red cube"
            try:
                support = ground(target, Context(state=state), alternatives=False)
            except UngroundedError:
                return None  # read on below, where the reason is given
            return set(), {(o.name, support[0]) for o in state.objects if o.name != support[0]}
    return None


# Words that make a clause an action, for the unread clause after a request (``parse``)
_ACTION_WORDS = lx.MOTION_VERBS | frozenset({"go", "return", "come", "head"})

@dataclass(frozen=True)
class ParseResult:
    """Readings that pass the checker (best first), or else a refusal; ``raw`` is the first reading found.

    ``requests[i]`` is what ``candidates[i]`` was checked against (milestones in order, exclusions).
    ``unread`` marks a refusal because a clause matched no known construction (as opposed to a reasoned
    refusal: a mention that grounds to nothing, an impossible goal, a negation or order word that cannot be
    read): only those may go to the model.
    """

    candidates: tuple[Plan, ...]
    refusal: Refusal | None
    raw: Plan | None = None
    unread: bool = False
    requests: tuple[Request, ...] = ()


# Places beside an object that no skill reaches (after a placement's object).
_BESIDE = {("beside",): "beside", ("near",): "near", ("behind",): "behind", ("alongside",): "beside",
           ("next", "to"): "next to", ("in", "front"): "in front of", ("left", "of"): "left of",
           ("right", "of"): "right of", ("close", "to"): "close to", ("nearby",): "near", ("between",): "between",
           ("under",): "under", ("underneath",): "under", ("beneath",): "under", ("below",): "under"}


def _impossible_clause(clause: Sequence[str]) -> str | None:
    """Why a clause the parser cannot read asks for the impossible (a region moved, a cube put on itself), so
    that it is refused with a reason instead of being handed to the model as merely unread."""
    for i, t in enumerate(clause):
        if t in _VERBS:
            rest = [w for w in clause[i + 1:] if w not in FILLERS and w not in lx.DETERMINERS]
            region = next((r for n in (2, 1) for r, phrases in lx.REGION_PHRASES.items()
                           if tuple(rest[:n]) in phrases), None)
            if region is not None and len(rest) > 1 and rest[1 if (rest[0],) in lx.REGION_PHRASES[region] else 2] in \
                    _DEST_PREPS:
                return f"the {region} is a place, not an object the arm can move: '{' '.join(clause)}'"
        if t in ("itself", "themselves"):
            return f"a cube cannot be put on itself: '{' '.join(clause)}'"
    placed = next((i for i, t in enumerate(clause) if t in lx.PLACE_VERBS), None)
    if placed is not None:
        # "put red next to blue", "... behind the blue one", "... to the right of blue": a place beside an object,
        # which no skill reaches (place_on, place_in only); a reasoned refusal, never the model's guess (on it?)
        words = [t for t in clause[placed + 1:] if t not in FILLERS]
        for k in range(1, len(words)):
            near = _BESIDE.get(tuple(words[k:k + 2])) or _BESIDE.get((words[k],))
            if near and parse_object(words[:k]) is not None:
                return (f"no skill puts a cube {near} something: '{' '.join(clause)}'; the arm places a cube on "
                        f"another cube or in a region (left, right, bin, pad)")
    pushed = next((i for i, t in enumerate(clause) if t in lx.PUSH_VERBS), None)
    if pushed is not None and any(t in _DEST_PREPS for t in clause[pushed + 1:]):
        return (f"a push slides a cube left, right, forward or backward and reaches no other place: "
                f"'{' '.join(clause)}'; say 'put' to lift it there, or give the push a direction")
    return None


# What a pick/move verb's object may not be: the table's regions and fixtures. A fixture cannot be picked, and a
# plan for "pick up the bin and put it on the red cube" can only pick something else (the rules backend picked
# the red cube, the model put it in the bin): such a clause is refused whole, naming what can be picked.
_FIXTURES: tuple[tuple[str, ...], ...] = (
    *sorted((p for phrases in lx.REGION_PHRASES.values() for p in phrases), key=len, reverse=True),
    ("table",), ("tabletop",), ("table", "top"), ("workbench",), ("bench",), ("floor",), ("wall",))
# The robot itself, named as what to pick ("pick up the robot"); "move the arm home" is no pick.
_SELF = frozenset({"robot", "arm", "gripper", "yourself", "base"})
_BEFORE_OBJECT = frozenset({"up", "out", "the", "a", "an", "this", "that", "your", "my", "our", "please",
                            "carefully", "gently", "just", "whole", "entire"})


# Between a fixture named as the subject and where it is to go: "the bin goes on the red cube", "I want the
# pad on top of the green cube", "the table should go in the bin".
_SUBJECT_LINKS = frozenset({"goes", "go", "going", "should", "must", "needs", "need", "has", "have", "to", "be",
                            "will", "can", "could", "placed", "put", "moved", "set", "sits", "sit", "stands",
                            "stand", "ends", "end", "up", "please", "now", "over", "is", "gets", "get"})
_LOCATING = _DEST_PREPS | frozenset({"from", "of", "off", "near", "next", "beside", "by", "behind", "at", "with",
                                     "inside", "than", "between"})


def _fixture_subject(clause: Sequence[str]) -> tuple[str, str] | None:
    """(fixture, verb-like word) where ``clause`` sends a fixture somewhere without a verb taking it as object
    ("the bin goes on the red cube"); a fixture after a preposition locates something, and is skipped."""
    for j in range(len(clause)):
        named = next((p for p in _FIXTURES if tuple(clause[j:j + len(p)]) == p), None)
        if named is None:
            continue
        k = j - 1
        while k >= 0 and (clause[k] in _BEFORE_OBJECT or clause[k] in ("white", "grey", "gray", "target")):
            k -= 1
        if k >= 0 and (clause[k] in _LOCATING or clause[k] in _VERBS or clause[k] in lx.COLOR_WORDS or
                       clause[k] in ("other", "another", "each", "every")):
            continue  # a location ("in the bin"), or an object called a box ("the red box", "the other box")
        m = j + len(named)
        while m < len(clause) and clause[m] in _SUBJECT_LINKS:
            m += 1
        if m < len(clause) and clause[m] in ("on", "onto", "ontop", "atop", "in", "into", "inside"):
            return " ".join(named), " ".join(clause[j + len(named):m + 1])
    return None


def fixture_object(clause: Sequence[str], state: SceneState) -> str | None:
    """Why ``clause`` asks to pick or move a region or fixture of the table (the bin, the pad, the table, a side,
    the robot), else None; a fixture word before an object noun ("the pad cube") is a modifier, not an object."""
    movable = ", ".join(f"the {n.replace('_', ' ')}" for n in state.names) or "nothing"
    subject = _fixture_subject(clause)
    if subject is not None:
        return (f"the {subject[0]} is a place, not an object the arm can move: '{' '.join(clause)}' "
                f"(objects that can be picked: {movable})")
    for i, t in enumerate(clause):
        if t not in _VERBS:
            continue
        j = i + 1
        while j < len(clause) and clause[j] in _BEFORE_OBJECT:
            j += 1
        rest = tuple(clause[j:])
        named = next((" ".join(p) for p in _FIXTURES if rest[:len(p)] == p), None)
        size = len(named.split()) if named else 1
        if named is None and rest[:1] and rest[0] in _SELF and t in lx.PICK_VERBS - {"get", "take", "bring"}:
            named = rest[0]
        if named is None or (rest[size:size + 1] and (rest[size] in lx.KIND_WORDS or rest[size] in lx.COLOR_WORDS
                                                       or rest[size] in ("'s", "of"))):
            continue
        what = "the robot itself" if named in _SELF else "a place"
        return (f"the {named} is {what}, not an object the arm can {t}: '{' '.join(clause)}' "
                f"(objects that can be picked: {movable})")
    return None


def _split_at_and(clause: list[str], previous: Action | None) -> list[list[Action]] | None:
    """"put A on B and C on D": two clauses joined by "and" without a second verb."""
    for i, t in enumerate(clause):
        if t != "and" or i == 0:
            continue
        lead = _unread_lead(clause[i + 1:])
        if lead is not None and lead[0] != "of":  # ("... et de le mettre ...": French "de" before an infinitive)
            # "... and go home Bob will put red in the bin" (A1 s10 H2), "... and let Sarah put the blue one on the
            # pad", "... and the intern will put blue on the pad" (A1 s14 H63): words before the next verb may give
            # the step to someone else; never read past them
            continue
        left = parse_clause(clause[:i], previous)
        right = parse_clause(clause[i + 1:], left[0]) if left else []
        if left and right:
            return [left, right]
    return None


# Words of a condition in a clause no construction reads: refused with the reason, never handed to the model, which
# would plan the action and drop the condition.
_CONDITIONS = frozenset({"if", "unless", "provided", "providing", "assuming", "whether"})
# What opens a condition on the scene ("if the bin is empty", "unless it is on the pad", "if red on blue"); a
# condition on the listener ("if you would", "it'd help if you pushed ...") is politeness, left as before.
_WORLD = frozenset({"the", "a", "an", "it", "it's", "its", "there", "there's", "any", "nothing", "no", "all", "every",
                    "both", "that", "this", "everything", "something", "anything"})


# "if you could / would / can / don't mind ...", "if possible", "it'd help if you ...": politeness, not a condition
_POLITE_AFTER_YOU = frozenset({"could", "would", "can", "will", "please", "don't", "dont", "do", "like", "want", "wish",
                               "have", "get", "mind", "may", "might", "are", "re", "feel", "wouldn't", "didn't"})
_POLITE_BEFORE_IF = frozenset({"help", "helpful", "great", "nice", "good", "appreciate", "appreciated", "grateful",
                               "ideal", "perfect", "awesome", "lovely", "fantastic", "wonderful", "cool", "amazing",
                               "brilliant", "thankful", "glad", "happy", "kind", "be"})
# "if that's alright with you", "if it's not too much trouble", "if ok": consent asked, no condition on the scene
_CONSENT = frozenset({"alright", "ok", "okay", "fine", "trouble", "bother", "convenient", "cool", "possible"})


def _condition(clause: Sequence[str]) -> str | None:
    """The condition word of ``clause`` where it states a condition ("if the bin is empty ...", "if red on blue",
    "if you put red in the bin put green on the pad": the language model ran both, and the parser read the first
    clause past its "if"), else None; politeness ("if you could", "if possible", "it'd help if you ...") is none."""
    for i, t in enumerate(clause):
        if t not in _CONDITIONS:
            continue
        rest = list(clause[i + 1:])
        consent = bool(set(rest[:5]) & _CONSENT) and not any(
            w in lx.COLOR_WORDS or w in lx.KIND_WORDS or w in _DEST_PREPS for w in rest[:5])
        polite = rest[:1] in (["possible"], ["poss"], []) or (i > 0 and clause[i - 1] in _POLITE_BEFORE_IF) or (
            rest[:1] in (["you"], ["u"]) and (rest[1:2] == [] or rest[1] in _POLITE_AFTER_YOU)) or consent
        if not polite and t != "whether":
            return t
    return None


def _statement(clause: Sequence[str]) -> bool:
    """Whether ``clause`` says where a cube is ("red is on blue", "the green cube is in the bin"), not what to do: the
    language model planned such a statement as a placement."""
    words = [t for t in clause if t not in FILLERS]
    at = next((k for k, t in enumerate(words) if t in ("is", "are", "'s", "sits", "lies", "stands")), None)
    if at is None or at == 0 or at + 1 >= len(words) or words[at + 1] not in _VERBLESS_PREPS | {"inside"}:
        return False
    obj = parse_object(words[:at])
    dest = words[at + 2:]
    return obj is not None and obj.kind == "color" and (
        parse_region(dest) is not None or _side(dest) is not None or parse_object(dest) is not None)

def _colour_mentions_only(words: Sequence[str]) -> list[Ref] | None:
    """Each mention of "the red, the blue cube and green" / "red and blue" (a colour, its determiner and kind word),
    or None unless every word belongs to one such mention and there are two or more."""
    spans: list[list[str]] = []
    for t in words:
        if t in ("and", ",", "then", "also", "as", "well"):
            spans.append([])
            continue
        current = spans[-1] if spans else []
        starts = t in lx.DETERMINERS or (t in lx.COLOR_WORDS and any(w in lx.COLOR_WORDS or w in lx.KIND_WORDS
                                                                     for w in current))
        if not spans or starts:
            spans.append([])
        spans[-1].append(t)
    refs = [parse_object(span) for span in spans if span]
    if len(refs) < 2 or any(r is None or r.kind != "color" for r in refs):
        return None
    return [r for r in refs if r is not None]


def _coordinated(clause: Sequence[str]) -> list[list[Action]] | None:
    """"put the red and the blue cube in the bin", "move red, blue and green to the pad", "red and blue in the bin":
    objects named by colour and joined by "and" or commas, sharing one destination: one placement each, in the
    words' order (their request checks them as it checks "A in the bin and B in the bin")."""
    words = _without_wish([t for t in clause if t not in FILLERS or t in ("and", "then")])
    if words and words[0] in lx.PUSH_VERBS and not any(t in _VERBS for t in words[1:]):
        # "push red and blue left", "push the red and the blue cube left": a push each, in the words' order
        for p in range(len(words) - 1, 1, -1):
            direction = parse_direction(words[p:])
            refs = _colour_mentions_only(words[1:p]) if direction else None
            if refs is not None and len(refs) > 1:
                return [[Action("push", obj=r, direction=direction)] for r in refs]
        return None
    start = 1 if words and words[0] in lx.PLACE_VERBS else 0
    if any(t in _VERBS for t in words[start:]):
        return None
    for p in range(len(words) - 1, start, -1):
        if words[p] not in _DEST_PREPS:
            continue
        refs = _colour_mentions_only(words[start:p])
        if refs is None:
            return None
        dest = words[p + 1:]
        region = parse_region(dest) or _side(dest)
        target = None if region else parse_object(dest)
        if region is None and (target is None or target.kind != "color" or words[p] not in ("on", "onto", "ontop")):
            return None
        return [[Action("place", obj=r, region=region, target=target)] for r in refs]
    return None


def _named_twice(pieces: Sequence[Sequence[Action]]) -> str | None:
    """The colour of a cube that two actions of one coordinated clause name ("push red and red left"), else None."""
    colours = [a.obj.color for piece in pieces for a in piece if a.obj is not None and a.obj.kind == "color"]
    return next((c for k, c in enumerate(colours) if c in colours[:k]), None)


def _raised_destination(clause: Sequence[str], following: Sequence[str] | None,
                        said: str = "") -> list[list[Action]] | str | None:
    """"place the red cube and then the blue cube on the pad": a place verb and one cube named by colour, whose
    destination is said once, in the next clause (a placement read alone); None otherwise. Never where the words
    ``said`` give the next cube a verb of its own or a sentence of its own ("Move the red cube and put the blue one in
    the bin", "Move red. Blue in the bin.": the first cube has no place, A1 s10 H25)."""
    words = [t for t in clause if t not in FILLERS]
    if following is None or len(words) < 2 or words[0] not in lx.PLACE_VERBS - {"leave"}:
        return None
    obj = parse_object(words[1:])
    if obj is None or obj.kind != "color":
        return None
    later = parse_clause(list(following), Action("place"))
    if len(later) != 1 or later[0].verb != "place" or (later[0].region is None and later[0].target is None):
        return None
    nxt = later[0].obj
    colours = {c: "|".join(w for w, canon in lx.COLOR_WORDS.items() if canon == c)
               for c in (obj.color, nxt and nxt.color) if c}
    first = re.search(rf"\b(?:{colours.get(obj.color or '', '-')})\b", said)
    second = re.search(rf"\b(?:{colours.get(nxt.color or '', '-') if nxt else '-'})\b", said[first.end():]) if first \
        else None
    between = said[first.end():first.end() + second.start()] if first is not None and second is not None else ""
    if first is None or second is None or re.search(r"[.;!?]", between) or \
            re.search(rf"\b(?:{'|'.join(sorted(_VERBS))})\b\W*(?:\w+\W+)?$", between):
        # a reasoned refusal: the model must not lend the place either
        return f"'{' '.join(clause)}' says no place for the {obj.color} cube: the place of the next request is its own"
    return [[Action("place", obj=obj, region=later[0].region, target=later[0].target)]]


_MAX_REORDERED = 4  # clauses whose orders are tried (4! = 24 orders at most)


def _independent(per_clause: Sequence[Sequence[Action]]) -> bool:
    """Whether the clauses are goals whose order may be changed: two to four placements ("put A on B", "C on
    D"), each naming its objects (no "it", "the other one", "the one you just moved")."""
    if not 2 <= len(per_clause) <= _MAX_REORDERED:
        return False
    refs = [r for readings in per_clause for a in readings for r in (a.obj, a.target) if r is not None]
    return all(a.verb == "place" for readings in per_clause for a in readings) and \
        all(r.kind not in ("it", "other", "moved", "held") for r in refs)


def _moved_twice(plan: Plan) -> str | None:
    """The first object ``plan`` picks up twice, else None."""
    picked = [str(step.args.get("object")) for step in plan.steps if step.skill == "pick"]
    return next((n for k, n in enumerate(picked) if n in picked[:k]), None)


def _unordered(instruction: str, text: str, reordered: bool) -> bool:
    """Whether the words state no order: neither they nor their rewrite hold an order word ("then", "first",
    "before", ...) or a sentence break, nor say that the order matters ("in this order", "do not permute the steps"),
    and nothing was reordered."""
    return not (reordered or marked_words(instruction, ORDER_MARKERS) or marked_words(text, ORDER_MARKERS)
                or re.search(r"[;:.!?]", text)
                or re.search(r"\b(?:order|permute|sequence|in turn)\b", instruction.lower()))


def _feasible_order(per_clause: Sequence[Sequence[Action]], state: SceneState,
                    banned: Request, others: str | None = None) -> list[tuple[Plan, Request]]:
    """The plans (with their requests) of the first order of the clauses, other than the stated one, whose
    plan meets every goal in this scene; empty if none does."""
    for order in itertools.islice(itertools.permutations(per_clause), 1, None):
        found: list[tuple[Plan, Request]] = []
        for combo in itertools.islice(itertools.product(*order), 64):
            try:
                realised = _realise(combo, state, banned.forbidden_objects | banned.unmoved_objects)
            except UngroundedError:
                continue
            for plan, marks in realised:
                request = _with_others(Request(milestones=marks, forbidden_objects=banned.forbidden_objects,
                                               unmoved_objects=banned.unmoved_objects,
                                               forbidden_facts=banned.forbidden_facts,
                                               forbidden_skills=banned.forbidden_skills), others, state)
                if plan.steps and check_request(state, plan, request) is None and plan not in [p for p, _ in found]:
                    found.append((plan, request))
        if found:
            return found
    return []


# A cube named by its colour's family (f14-079): "the warm-coloured cube" is the one red, orange, yellow or pink cube
# of the scene, asked about where there are several; "cool" likewise for blue, green and purple.
_FAMILY = re.compile(r"\b(warm|cool|cold)(?:[- ]?colou?red|[- ]toned|[- ]colou?r)\s+(cube|block|brick|one)\b")
_FAMILY_COLOURS = {"warm": ("red", "orange", "yellow", "pink"), "cool": ("blue", "green", "purple"),
                   "cold": ("blue", "green", "purple")}


def _colour_family(text: str, state: SceneState) -> str | Clarification | Refusal:
    """``text`` with a cube named by its colour family named by its colour, or the question or refusal it needs."""
    m = _FAMILY.search(text)
    if m is None:
        return text
    if _FAMILY.search(text, m.end()) or re.search(r"\bnon[- ]?(?:warm|cool|cold)\b|\bnot\b|n't\b|\bexcept\b|\bbut\b",
                                                   text):
        # two families, a family negated or beside an exclusion (A1 session 7, F16): never asked among excluded cubes
        return Refusal(reason=f"'{m.group(0)}' beside another colour family or an exclusion: which cube is meant is "
                              f"unclear; name it by its colour")
    members = [o for o in state.objects if o.color in _FAMILY_COLOURS[m.group(1)]]
    if not members:
        return Refusal(reason=f"no cube in the scene is {m.group(1)}-coloured (objects: {', '.join(state.names)})")
    if len(members) > 1:
        listed = ", ".join(o.color for o in members)
        return Clarification(reason=f"several cubes are {m.group(1)}-coloured ({listed}): which one do you mean?",
                             candidates=tuple(o.name for o in members))
    return f"{text[:m.start()]}{members[0].color} {m.group(2)}{text[m.end():]}"


# "put the red, finally the blue, in the bin" (A1 session 6, item 4): a sequence ("and finally") or a change of mind
# (French "finalement", "actually the blue")? Both move the blue; only one moves the red, so neither is guessed.
_ONE_COLOUR = rf"(?:the |a )?(?:{_COLOUR_ALT})(?: (?:cube|block|brick|one))?"
_FINALLY_BETWEEN = re.compile(rf"\b(?:{'|'.join(sorted(_VERBS))})\s+{_ONE_COLOUR}\s*,\s*"
                              rf"(?:finally|eventually|ultimately|in the end)\s*,?\s+{_ONE_COLOUR}\s*,?\s+"
                              r"(?:in|into|inside|on|onto|to)\b")


_PLACE_WORDS = "|".join(sorted({" ".join(p) for ps in lx.REGION_PHRASES.values() for p in ps} | {"left", "right"},
                               key=len, reverse=True))
_FIXTURE_WORDS = "|".join(sorted({" ".join(p) for r in ("bin", "pad") for p in lx.REGION_PHRASES[r]}, key=len,
                                 reverse=True))
# ("move X toward the left" is the left side, as French "vers la gauche" is: seen fd7-012)
# A placement that only brings a cube closer to a place, or moves it a little that way (A1 s9 G24: "move the red cube
# towards the bin" binned it; "move it a bit to the left" placed it in the left region): no skill does either
_A_LITTLE = r"(?:a (?:little|bit|touch|tad|smidge)|slightly|an inch|a few (?:cm|centimet(?:er|re)s|inches)|marginally)"
_TOWARD_PLACE = re.compile(rf"\b(?:{'|'.join(sorted(lx.PLACE_VERBS | lx.PICK_VERBS))})\b"
                           rf"(?:(?!\b(?:and|then|{'|'.join(sorted(lx.PUSH_VERBS))})\b)[^,;.])*?\b(?:(?:towards?|in "
                           rf"the direction of)\s+(?:the\s+)?(?:{_FIXTURE_WORDS})|(?:a (?:little|bit|touch|tad|smidge)|"
                           rf"slightly|an inch|a few (?:cm|centimet(?:er|re)s|inches)|marginally)\s+(?:more\s+)?"
                           rf"(?:to|towards?|over to)\s+(?:the\s+)?(?:{_PLACE_WORDS})|(?:to|towards?|over to)\s+"
                           rf"(?:the\s+)?(?:{_PLACE_WORDS})\s*,?\s*(?:just\s+|only\s+)?{_A_LITTLE})\b")


# A description of the scene the request should end in (f27's researcher: "Final state: ...", "In the goal state the
# green cube should be resting directly on the blue cube", "In the configuration I'm after, the red cube has been
# disposed of in the bin"): under this frame, and only there, where a cube is said to be is where it should end up,
# so each "X is/sits/ends up/has been put in Y" is the placement "X in Y" (read, joined by "and", in any feasible
# order). The frame opens the instruction and is a closed list; a negation, an order word or anything unread is
# refused as without it.
_FINAL_FRAME = re.compile(
    r"^\s*(?:(?:in|for)\s+)?(?:(?:the|my|our|a)\s+)?(?:(?:final|desired|goal|target|end|intended|wanted|finished)\s+"
    r"(?:state|result|layout|configuration|arrangement|outcome|set-?up|scene|picture)"
    r"(?:\s+(?:i'?m|i am|we'?re|we are)\s+after|\s+(?:i|we)\s+want)?|"
    r"(?:state|result|layout|configuration|arrangement|outcome|set-?up)\s+(?:i'?m|i am|"
    r"we'?re|we are)\s+after)\s*(?:[:,\-–—]\s*|\s+(?=the\s|every|all\s))", re.IGNORECASE)
_FINAL_STATE_VERB = re.compile(
    r"\s+(?:(?:should|must|will|shall)\s+(?:be\s+|end\s+up\s+|have\s+been\s+)?|(?:has|have)\s+been\s+|is\s+|are\s+|"
    r"ends?\s+up\s+)?(?:(?:put|placed|disposed\s+of|thrown|stacked|sitting|resting|lying|standing|sat|parked|set|"
    r"sits|rests|lies|stands|sit|rest|lie|stand|ends?\s+up)\s+)?(?:(?:directly|neatly|safely|right)\s+)?"
    r"(?=(?:in|into|on|onto|inside|atop|on top of)\s)", re.IGNORECASE)
# "and everything else is as it is now", "the rest stays where it is": the others left as they are (the checker refuses
# a plan moving a cube the words do not ask for); "the arm parked back in its home configuration": go home
_FINAL_OTHERS = re.compile(r"\s*,?\s*(?:and|with)\s+(?:everything|all)\s+else\s+(?:is|stays|remains|left)\s+"
                           r"(?:as it is|as it was|where it is|untouched|unchanged)"
                           r"(?:\s+(?:now|right now|at the moment))?(?=\s*[.!]?\s*$)", re.IGNORECASE)
_FINAL_HOME = re.compile(r"\b(?:the\s+)?(?:arm|robot|gripper)\s+(?:is\s+|should\s+be\s+)?(?:parked\s+|resting\s+|"
                         r"returned\s+)?(?:back\s+)?(?:in|at)\s+(?:its|the)\s+home(?:\s+(?:configuration|position|pose))?\b",
                         re.IGNORECASE)


def final_state_request(instruction: str) -> str:
    """``instruction`` with a final-state frame read as the placements it describes (above), else as it is."""
    frame = _FINAL_FRAME.match(instruction)
    if frame is None:
        return instruction
    body = instruction[frame.end():]
    body = _FINAL_OTHERS.sub("", body)
    body = _FINAL_HOME.sub("go home", body)
    # "on the robot's left side of the table", "on its right side": the robot's sides are the scene's
    body = re.sub(r"\b(?:the robot'?s|its|your) (left|right)(?:[- ]hand)?(?: side| half)?(?: of the table)?\b",
                  r"the \1 side", body, flags=re.IGNORECASE)
    return _FINAL_STATE_VERB.sub(" ", body)


# The cube said before its verb in a sequence, and a verb run on from "take": "..., then the blue cube you put on the
# pad, then ..." (dev_s13 fi37-020), "first you take the blue one put inside the bin, then the purple one put on top of
# the green one" (fi38-020). Only a colour's cube, (you,) a placing verb and a place, alone in its clause. Said of a
# cube already there, the words may name it by what was done to it ("the blue cube you put on the pad" = the one on
# the pad): refused, not guessed.
_CUBE_WORDS = r"(?:cube|one|block|brick)"
_PLACE_AFTER = (rf"((?:in|into|inside|on|onto|on top of|atop|to)\s+(?:the\s+)?(?:(?:{_COLOUR_ALT})(?: {_CUBE_WORDS})?|"
                rf"bin|trash|pad|(?:left|right)(?: side)?(?: of the table)?))")
_CLAUSE_OPEN = r"(^\s*|[,;.!?]\s*(?:(?:and\s+)?then\s+|first\s+|next\s+|after that\s*,?\s+|finally\s+)?)"
_CLAUSE_CLOSE = (r"(?=\s*(?:$|[,;.!]|\bthen\b|\band\b))(?!\s*,?\s*(?:i think|i guess|i suppose|i believe|i reckon|"
                 r"maybe|probably|perhaps|right|yeah|yes|no|ok|okay)\b)(?!\s*[.!]*\s*\?)")
_FRONTED = re.compile(rf"{_CLAUSE_OPEN}((?:first\s+)?)(?:you\s+)?(?:(take|grab|pick up)\s+)?(the (?:{_COLOUR_ALT}) "
                      rf"{_CUBE_WORDS})\s+(?:(you)\s+)?(put|place|set|stick|drop|move)\s+{_PLACE_AFTER}{_CLAUSE_CLOSE}")


def _fronted_objects(text: str, state: SceneState) -> str | None:
    """``text`` with each fronted object moved after its verb; "!" and the reason where one names a cube already at
    its place; None where there is none."""
    out, at, found = [], 0, False
    for m in _FRONTED.finditer(text):
        first, taken, cube, verb, place = m.group(2), m.group(3), m.group(4), m.group(6), m.group(7)
        if not re.search(r"(?:then|first|next|that|finally)\s*,?\s*$", m.group(1) + first):
            continue  # "The blue cube you put on the pad." alone may name a cube, or report
        colour = cube.split()[1]
        name = _scene_colour(colour, state)
        where = next(w for w in place.replace("trash", "bin").split()[1:] if w in lx.COLOR_WORDS or
                     w in ("bin", "pad", "left", "right"))
        support = _scene_colour(where, state) or (where if where in state.regions else None)
        if support is not None and state.has(support) and re.search(rf"\b{where}\b", text[:m.start()]):
            # "First put the green cube in the bin, then the blue cube you put on the green cube." (A1 s13 b111): a cube
            # the request has already moved, named as the place: "the blue cube you put on it" may name a cube by a
            # move, and the place may be gone (binned)
            return (f"!'{m.group(0).strip(' ,;.')}': the {where} cube is moved earlier in the request, so the words "
                    f"may name the {colour} cube by what was done to it: say what to do with it")
        if name is not None and support is not None and state.with_position_stacks().rests_on(name, support):
            return (f"!'{m.group(0).strip(' ,;.')}': the {colour} cube is there already, so the words may name it by "
                    f"what was done to it: say what to do with it")
        found = True
        clause = f"{taken} {cube} and {verb} it {place}" if taken else f"{verb} {cube} {place}"
        out.append(text[at:m.start()] + m.group(1) + first + clause)
        at = m.end()
    return "".join(out) + text[at:] if found else None


# "either / any one / some cube" under a negation (in its clause) is universal ("don't move either block" = neither),
# not "a cube" to ask about (REV s11 R3): refused, the spared cubes named by the user
_NEGATED_SOME = re.compile(r"\b(?:don'?t|do not|dont|never|not|without|no need to)\b[^,;.!?]*?\b((?:some|either|any "
                           r"one|any single) (?:cube|block|brick|one))\b")
# "only" before the one cube a request moves ("Only the yellow one should go onto the pad.", "put only the green one on
# the pad"): the word is taken out and the plan must move that one cube and no other (a plan moving another, from any
# clause, is refused); never after a negation ("not only the red one") or "the" ("the only red one")
# Only after an imperative verb ("put only the green one ...") or before a subject with should/must/needs to/has to/is
# to/goes (a rule said with can/could/would/may is no request: A1 s13 H44); a "?" or a hedge is refused by
# unasked._HEDGED_GOAL, which sees "only" too.
_ONLY = re.compile(rf"(?:\b(?:{_DISLOCATED_VERBS})\s+|(?:^|[.;!]\s*)(?:so\s+|and\s+)?)(only )"
                   rf"((?:the )?(?:{_COLOUR_ALT})(?: (?:one|cube|block|brick))?)\b"
                   rf"(?!\s*(?:,|and|or|if|when|once|after|before)\b)(\s+(?:should|must|needs to|has to|is to|ought to|"
                   rf"goes)\b)?")


# A stack said to stand there, then kept as a whole: "The red cube is sitting on the blue cube, do not disturb that
# arrangement" (dev_s13 fi37-038; phrasing reads "disturb" as "touch"): the statement is checked against the scene (else
# refused) and the negation forbids touching either cube. "it" or "them" there is the arrangement too (stricter: a
# plan touching either cube is refused).
_STACK_KEPT = re.compile(
    rf"(^\s*|[.;!?]\s*)(?:and\s+)?(?:the )?({_COLOUR_ALT})(?: (?:cube|one|block|brick))?(?:'s| is) (?:currently "
    rf"|already |still )?(?:(?:sitting|resting|standing|stacked|sat|placed|perched) )?(?:on top of|on|atop) (?:the )?"
    rf"({_COLOUR_ALT})(?: (?:cube|one|block|brick))?\s*[,;.!:\-–—]\s*(?:(?:so|and|please|just)\s+)*(?:do not|don'?t|"
    rf"never) (?:touch|disturb|move|knock over|mess with|mess up|break up|upset) (?:(?:that|this|the|those|these) "
    rf"(?:arrangement|stack|tower|pile|setup|set-up|pair|two(?: cubes| blocks)?)|them|it)\b(?!\s*(?:and|or|but|,)"
    rf"\s*\w)")


# A push of one named cube forbidden in one way (dev_s16 fi46-042 "Don't push the yellow cube left. Push it right."):
# the negation forbids that push only, which the plan is checked against (a push of that cube that way refuses the
# whole); the clause is taken out of the words it stood in, and an "it" right after the next clause's verb names the
# cube ("..., push it right", "..., put it on the pad"). Only
# "don't / do not / never push|slide|nudge|shove <the colour cube> (to the) left|right|forward|backward" as a clause of
# its own; any other negated push is read (or refused) as before.
_NEGATED_PUSH_WAY = re.compile(
    rf"(?:^|(?<=[.;,!]\s))(?:please\s+)?(?:don't|dont|do not|never)\s+(?:push|slide|nudge|shove)\s+"
    rf"(?P<obj>(?:the |that |this )?(?P<colour>{_COLOUR_ALT})(?: (?:one|cube|block|brick))?)\s+(?:(?:to|towards?)\s+"
    r"(?:the\s+)?)?(?P<way>left|right|forward|backward)s?(?:\s+side)?\s*(?:[.;,!]\s*|$)")
_IT_OPENS = re.compile(rf"^((?:(?:but|so|and|just|instead|rather|please)\s+)*(?:"
                       rf"{'|'.join(sorted(lx.MOTION_VERBS | {'bin', 'trash'}))})\s+)it\b")


def _negated_push_way(text: str, instruction: str,
                      state: SceneState) -> tuple[str, frozenset[tuple[str, str]]] | str | None:
    """``text`` without its negated pushes of one way (``_NEGATED_PUSH_WAY``) and the (cube, way) pairs they forbid;
    a refusal reason where the cube is not one of the scene's; None where there is no such clause. Each clause must be
    said so in ``instruction`` (not spelt out of a plural by phrasing: "Don't push both the red and blue cubes to the
    left." became "don't push the red cube to the left, then push the blue cube ..."), and no order word may open the
    clause after it."""
    found = list(_NEGATED_PUSH_WAY.finditer(text))
    if not found:
        return None
    said = " ".join(re.sub(r"[^a-z' ]", " ", instruction.lower().replace("’", "'")).split())
    for m in found:
        clause = " ".join(re.sub(r"[^a-z' ]", " ", m.group(0)).split())
        if clause not in said or re.match(r"(?:and\s+)?(?:then|after|afterwards|next|followed|before|first|finally)\b",
                                          text[m.end():]):
            return None
    pairs: set[tuple[str, str]] = set()
    for m in reversed(found):
        obj = _scene_colour(lx.COLOR_WORDS[m.group("colour")], state)
        if obj is None:
            return f"'{m.group(0).strip(' .;,!')}': which cube it names is unclear"
        pairs.add((obj, m.group("way")))
        named = m.group("obj")
        rest = _IT_OPENS.sub(lambda it: f"{it.group(1)}{named}", text[m.end():], count=1)  # noqa: B023
        text = f"{text[:m.start()]}{rest}"
    if not text.strip(" .;,!"):
        return "the instruction only says what not to do: there is nothing to plan"
    return text.strip(), frozenset(pairs)


def _scene_colour(colour: str, state: SceneState) -> str | None:
    """The scene's one object of that colour, or None."""
    named = [o.name for o in state.objects if o.color == colour]
    return named[0] if len(named) == 1 else None


def _shares_its_place(state: SceneState, plan: Plan) -> str | None:
    """Another object resting where the plan's one moved cube ends up ("only X on the pad" with Y on the pad), else
    None."""
    moved = _moved_objects(plan)
    end = state
    for step in plan.steps:
        end = apply_step(end, step)
    cube = next(iter(moved)) if len(moved) == 1 else None
    place = end.on.get(cube) if cube is not None else None
    if place is None:
        return None
    other = next((o for o in end.names if o != cube and end.on.get(o) == place), None)
    return other.replace("_", " ") if other is not None else None


def _moved_objects(plan: Plan) -> set[str]:
    return {s.args["object"] for s in plan.steps if s.skill in ("pick", "push")}


def parse(instruction: str, state: SceneState) -> ParseResult:
    """The readings of ``instruction`` in ``state`` (``ParseResult``). A final-state frame (``final_state_request``)
    is read only where the words as said give no reading: what phrasing.py already reads keeps its reading; so are
    sentences that only say the request again (restatement.py)."""
    parsed = _parse_whole(instruction, state)
    if not parsed.candidates and telegraphic_unread(instruction) is None:  # ("Green. Bin. Bin." says no step again)
        kept = restated(instruction, state, lambda text: tuple(c.steps for c in _parse_whole(text, state).candidates))
        parsed = parsed if kept is None else _parse_whole(kept, state)
    near = _near_kept_away(instruction, state, parsed)
    return parsed if near is None else ParseResult((), Refusal(reason=near))


# How near (m) a push or a pick may take the arm to a cube the words keep it away from ("Don't go near the blue one.
# Push the green one right."): a hand's width off the pushed cube's path (the fingers come down behind it; it travels
# up to the longest policy push ahead) or off a picked cube (A1 s19's low after H147). Passing 17 cm beside it plans,
# as the gold of fi45-000 ("Don't go near the red one, mate. Just shove the blue one forward a bit.") does.
_KEEP_AWAY_ROOM = 0.1
_PUSH_BEHIND, _PUSH_AHEAD = 0.05, 0.16


def _near_kept_away(instruction: str, state: SceneState, parsed: ParseResult) -> str | None:
    """Why a reading of ``instruction`` takes the arm near a cube ``_KEEP_AWAY`` names (a push along it, a pick beside
    it, or a cube of unknown place), or None."""
    if not parsed.candidates:
        return None
    kept = set()
    for m in _KEEP_AWAY.finditer(instruction.lower().replace("’", "'")):
        colour = next((lx.COLOR_WORDS[w] for w in re.findall(r"[a-z]+", m.group(1)) if w in lx.COLOR_WORDS), None)
        name = _scene_colour(colour, state) if colour is not None else None
        if name is not None:
            kept.add(name)
    for name in sorted(kept):
        placed = _placed_beside(name, state, parsed)
        if placed is not None:
            return placed
        for step in (s for c in parsed.candidates for s in c.steps if s.skill in ("push", "pick")):
            moved, away = state.get(str(step.args["object"])).position, state.get(name).position
            if moved is None or away is None:
                return f"the words keep the arm away from the {name.replace('_', ' ')} and its place is unknown"
            ux, uy = PUSH_DIRECTIONS.get(str(step.args.get("direction")), (0.0, 0.0))
            along = (away[0] - moved[0]) * ux + (away[1] - moved[1]) * uy
            ahead = min(max(along, -_PUSH_BEHIND), _PUSH_AHEAD) if step.skill == "push" else 0.0
            if ((away[0] - moved[0] - ahead * ux) ** 2 + (away[1] - moved[1] - ahead * uy) ** 2) ** 0.5 < \
                    _KEEP_AWAY_ROOM:
                return (f"the words keep the arm away from the {name.replace('_', ' ')}, and to {step.skill} the "
                        f"{str(step.args['object']).replace('_', ' ')} takes it within {_KEEP_AWAY_ROOM * 100:.0f} cm "
                        f"of it: nothing is done")
    return None


def _placed_beside(name: str, state: SceneState, parsed: ParseResult) -> str | None:
    """Why a place of ``parsed`` sets a cube down beside ``name``, a cube the words keep the arm away from, or None: the
    table half it stands on ("Don't go near the red one. Put the green one on the left." with red on the left, A1 s20
    low), the bin or pad it is in or on, or a bin or pad placed (landmarks) within ``_KEEP_AWAY_ROOM`` of it plus the
    region's own half width."""
    away = state.get(name).position
    for step in (s for c in parsed.candidates for s in c.steps if s.skill == "place_in"):
        region = str(step.args["region"])
        sign = {"left": 1.0, "right": -1.0}.get(region)
        mark = state.landmarks.get(region)
        if state.on.get(name) == region or (away is not None and (
                (sign is not None and sign * away[1] > HALF_MARGIN_M) or (mark is not None and (
                    (away[0] - mark[0]) ** 2 + (away[1] - mark[1]) ** 2) ** 0.5 < _KEEP_AWAY_ROOM + _REGION_HALF))):
            return (f"the words keep the arm away from the {name.replace('_', ' ')}, and placing a cube on the "
                    f"{region} sets it down beside it: nothing is done")
    return None


# half the width of the bin or the pad (m), beyond _KEEP_AWAY_ROOM from a cube the words keep the arm away from
_REGION_HALF = 0.08


def _parse_whole(instruction: str, state: SceneState) -> ParseResult:
    parsed = _parse(instruction, state)
    framed = final_state_request(instruction)
    if parsed.candidates or framed == instruction:
        return _unless_both_corrected(instruction, state, parsed)
    as_goals = _parse(framed, state)
    return as_goals if as_goals.candidates else parsed


def _unless_both_corrected(instruction: str, state: SceneState, parsed: ParseResult) -> ParseResult:
    """``parsed``, or a refusal where a reading runs a part of ``instruction`` together with a part that may
    correct it (corrections.py)."""
    def plan_alone(text: str) -> tuple[Step, ...] | None:
        alone = _parse(text, state)
        return alone.candidates[0].steps if alone.candidates else None

    lang, english, _ = in_english(instruction)  # (French and German read in their English: "puis" is "then")
    reason = corrected_reason(instruction if lang == "en" else english, [c.steps for c in parsed.candidates],
                              plan_alone)
    return parsed if reason is None else ParseResult((), Refusal(reason=reason))


# the reasons "it's ..." may give after "leave X alone" / "don't touch|move X" (REV s15-R5: a closed list, as
# expansion._WHY_WORDS after "except" is; an open reason let "it's a joke", "it's just an example", "it's cancelled"
# take the request back and be dropped): only the shapes the seen records use (f27-033 "on a hot streak", fi37-032
# "part of another experiment", "part of my setup", fi36-030 "fine where it is", fi39-030 "calibrated for the next run",
# "been placed just so", "plated") and P3's readings ("fragile", "been training its whole life", "been on the bench all
# season"); any other reason stays, and the sentence is refused as unread
_REASON_SHAPES = re.compile(
    r"(?:(?:very |so |really |quite |super |too )?(?:fragile|delicate|hot|calibrated|plated|precious)"
    r"(?: for (?:the|my|our|tomorrow's|today's) (?:next )?(?:run|experiment|shift|batch|trial|demo|demonstration|"
    r"session|photo|class|lab|calibration))?"
    r"|on a (?:hot|winning|lucky) streak"
    r"|part of (?:another|my|our|the other|a different|an ongoing) (?:experiment|setup|set-up|set up|project)"
    r"|(?:fine|good|grand|ok|okay|perfect|happy|best) (?:where|as) (?:it|he|she) is"
    r"|been (?:placed|set up|positioned|arranged|calibrated) just so"
    r"|been training (?:its|his|her) whole life"
    r"|been on the bench all season)")
_GERUND = {"move": "moving", "touch": "touching", "disturb": "disturbing", "bump": "bumping", "shift": "shifting"}
_NAMED_CUBE = rf"(?:the |that |this )?(?:{_COLOUR_ALT})(?: (?:one|cube|block|brick))?"
# Closed idioms of negation scope and place, read after phrasing (dev_s14, P3): "leave X well alone" is "leave X alone"
# (fi41-068); a learner's "without to move X" is "without moving X" (fi41-044); "without (any) further delay" is no
# negation, only haste (fi41-032); "put X out (wide) to the left side", "..., and then the green, out wide to the right
# side" (a verbless clause, never after a push, whose verb it would take) name the side (fi41-068, fi41-076); a tag
# "ok?" right after a negated clause closes it as ", ok?" does in phrasing (fi40-075); "send X out to the left side" is
# "put X on the left side" (fi41-068).
_SCOPE_IDIOMS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"\bleave ({_NAMED_CUBE}) well alone\b"), r"leave \1 alone"),
    (re.compile(rf"\bwithout to ({'|'.join(_GERUND)}) (?={_NAMED_CUBE}\b)"),
     lambda m: f"without {_GERUND[m.group(1)]} "),
    (re.compile(r"\s*,?\s*\bwithout (?:any )?(?:further |more )?delay(?=\s*(?:$|[,;.!]))"), ""),
    (re.compile(rf"\b(?P<lead>(?:send|put|place|move|shift|take|bring|set) {_NAMED_CUBE}|(?:and then|then) (?:do the "
                rf"same with )?{_NAMED_CUBE}),? out (?:wide )?(?P<to>to the (?:left|right) side)\b"),
     lambda m: m.group(0) if m.group("lead").startswith(("then", "and then")) and re.search(
         rf"\b(?:{'|'.join(sorted(lx.PUSH_VERBS))})\b", m.string[:m.start()]) else
     f"{re.sub(r'^send ', 'put ', m.group('lead')).replace('do the same with', 'put')} {m.group('to')}"),
    (re.compile(r"(\b(?:dont|don't|do not|never)\b[^.;!?,]*?[a-z])\s+(ok|okay|alright)\s*\?(?=\s+[a-z])"), r"\1."),
    # the cube nearest to / farthest from the robot said with a verb of posture ("the cube that stands farthest from
    # you", "the one sitting closest to the robot", "the cube situated furthest from the robot"; dev_s14 fi40-026,
    # fi41-049) or as "the one (right) at your feet" (fi41-007): measured from the base, as phrasing's "the cube
    # nearest to you" is (mentions.py)
    (re.compile(r"\bthe (cube|block|one|object) (?:(?:that|which) (?:is |'s )?|that's )?(?:stands|standeth|sits|"
                r"sitteth|lies|lieth|rests|resteth|standing|sitting|lying|resting|located|situated|positioned|placed) "
                r"(?:the )?(?:(?P<near>nearest|closest) (?:to )?|(?:farthest|furthest) (?:away )?from )(?:the robot|"
                r"you|yourself|thee|the base|your base|the arm)\b"),
     lambda m: f"the {'nearest' if m.group('near') else 'farthest'}base {m.group(1)}"),
    (re.compile(r"\bthe (cube|block|one|object) (?:(?:that|which) (?:is |'s )?|that's )?(?:(?:sitting|standing|lying|"
                r"resting) )?(?:right |just )?at (?:your|the robot's|the arm's|thy) (?:very )?feet\b"),
     r"the nearestbase \1"),
    (re.compile(r"\bthe (cube|block|one|object) (?:(?:that|which) (?:is |'s )?|that's )?(?:(?:stands|sits|lies|rests|"
                r"standing|sitting|lying|resting|located|situated|positioned|placed) )?(?:the )?(?:farthest|furthest) "
                r"out from (?:the robot|you|yourself|thee|the base|your base|the arm)\b"), r"the farthestbase \1"),
    # the same reference said twice in apposition ("The one nearest to you, robot — the one right at your feet — into
    # the bin!", fi41-007): once; two different references stay, and are refused as unread
    (re.compile(r"\b(the (?:nearestbase|farthestbase|leftmost|rightmost|frontmost|backmost|topmost|middle) (?:cube|"
                r"block|one|object))\s*,\s*\1\s*,"), r"\1,"),
    # why a cube is left alone, said after the constraint ("Leave the purple cube alone, it's on a hot streak.",
    # "..., it's part of another experiment.", f27-033, fi37-032) or "hands off" said again ("The red one stays put,
    # hands off.", fi39-028): nothing to do. Only "it's ..." closing its sentence, and only the closed _REASON_SHAPES
    # (any other reason stays, and is refused as unread). (also after "don't touch / move X": "..., and don't bother
    # with the yellow, it's fine where it is.", fi36-030; "Don't touch the purple cube, it's calibrated for the next
    # run.", fi39-030)
    (re.compile(rf"(?<!n't )(?<!not )(?<!never )\b(leave {_NAMED_CUBE} alone|(?:don't|dont|do not|never) (?:touch|"
                rf"move) {_NAMED_CUBE})\s*,\s*(?:(?:as|since|because|cos|coz)\s+)?(?:it'?s|it is|she'?s|he'?s)\s+"
                r"(?P<why>[a-z' ]+?)(?=\s*(?:[.;!]|$))"),
     lambda m: m.group(1) if _REASON_SHAPES.fullmatch(m.group("why").strip()) else m.group(0)),
    (re.compile(rf"(?<!n't )(?<!not )(?<!never )\b(leave {_NAMED_CUBE} alone)\s*,\s*hands off(?=\s*(?:[.;!]|$))"),
     r"\1"),
    # how a push is done, said as "not lifted" after it ("Push the green cube left, not lift.", f29-044; "..., slid
    # along, not lifted", f27-046): "don't pick it up", as phrasing reads it; only closing a sentence with a push verb
    # in it, never after "but" or a subject ("..., not lifted by me" stays unread)
    (re.compile(rf"(\b(?:{'|'.join(sorted(lx.PUSH_VERBS))})\b[^.;!?]*?)\s*,\s*(?:and\s+)?not (?:lift|lifted|lifting|"
                r"picked up|pick it up|picking it up|carried|carry|carrying)(?: it)?(?=\s*(?:$|[.;!]))"),
     r"\1, don't pick it up"),
    # "pull the top one off that stack" (fi44-068): pick it up, as phrasing reads "take X off the stack"
    (re.compile(r"\bpull ((?:the|that|this) (?:topmost|top|upper) (?:cube|block|one)|it) off (?:that|the|this) "
                r"(?:stack|tower|pile)\b"), r"pick up \1"),
    # a learner's "at last" before the last step is "finally" ("..., at last go to home position.", f22-018); never as
    # an exclamation ("At last!") or after "not"
    (re.compile(r"(^|[,;.]\s*|\band\s+)at last\s+(?=(?:go|return|head|put|place|move|push|stack|set|take|bring|"
                r"drop)\b)"), r"\1finally "),
    # the condition said as a sentence of its own after the request ("Could you put the orange cube on the right side?
    # But only once the purple one has gone onto the pad.", fi36-017): the request runs once it holds, as "B once A"
    (re.compile(r"^(?P<b>[^.;!?]+?)\s*[.?!]\s*but (?:only )?(?P<once>once (?:you )?(?:put|place|move|get|have put|"
                r"'ve put)\b[^.;!?]+?)\s*[.!]?$"), r"\g<b> \g<once>"),
    # steps counted in words, each ended by ";" ("one, put ...; two, put ...; three, go back ...", f28-020): in that
    # order, as "first ..., then ..."; only one, two(, three(, four)) in turn, each opening its part
    (re.compile(r"^one\s*[,:]\s*(?P<a>[^;:]+?)\s*;\s*two\s*[,:]\s*(?P<b>[^;:]+?)(?:\s*;\s*three\s*[,:]\s*(?P<c>[^;:]+?)"
                r"(?:\s*;\s*four\s*[,:]\s*(?P<d>[^;:]+?))?)?\s*[.!]?$"),
     lambda m: "first " + ", then ".join(p for p in m.group("a", "b", "c", "d") if p)),
)


# "instead" after a negated placement and a positive one of the same cube said as "the red one" ("Dinnae put the red yin
# on the pad, stick it in the bin instead.", dev_s15 fi43-027), as phrasing reads it of "the red cube": the cube named
# again for "it", "instead" dropped (both clauses kept: the negation holds); never after a hedge or a "?"
_INSTEAD_ONE = re.compile(rf"^((?:don't|do not|never)\s+(?:put|place|move|drop|set)\s+(the (?:{_COLOUR_ALT}) one)\s+"
                          r"[^,]+,\s*(?:but\s+|rather\s+)?(?:put|place|move|drop|set|stack)\s+)it(\s+[^,;.]+?)\s+"
                          r"instead\s*[.!]?$")
# The push said again, with no way, closing the request after a push of one cube that says its way ("Nudge the red cube
# to the right. Don't pick it up, just nudge it.", f29-046; "Slide the green one back towards ya. Don't pick it up, just
# slide it.", fi35-046; phrasing has read "don't pick it up" beside a push, and dropped "just"): how, not a second push;
# only where the words said "just/only/simply" before it ("Nudge it." alone may ask a second nudge, A1 s15 note)
_PUSH_AGAIN = re.compile(rf"(?P<push>(?:^|[.;!?]\s*)(?:(?:please|just|now|so|ok|okay)\s+)*(?:push|nudge|slide|shove) "
                         rf"(?:{_NAMED_CUBE}|it) (?:(?!\b(?:and|or|then|{_COLOUR_ALT})\b)[^.;!?,])*?\b(?:left|right|"
                         rf"forward|backward)s?\b(?:(?!\b(?:and|or|then|{_COLOUR_ALT})\b)[^.;!?,])*?)\s*[.;,!?]\s*"
                         r"(?:and\s+)?(?:just |only |simply )?(?:push|nudge|slide|shove) it(?: along)?\s*[.!]?\s*$")
_JUST_PUSH = re.compile(r"\b(?:just|only|simply) (?:push|nudge|slide|shove) it\b")
_FIRST_ONLY = re.compile(r"(^|[.;!]\s*)first only (?=(?:you )?(?:put|place|move|push|stack|set|take)\b)")
# Indian English "keep X on the pad" is "put X on the pad" (dev_s14 fi41-053 "Keep the green block on the pad, okay?";
# register.py reads it after "kindly"/"please"). Read bare only as the whole request, after phrasing has dropped its
# wrappers: one named cube and one place or cube. Both readings of "keep" agree there: where the cube already is, there
# is nothing to do (an empty plan); where it is not, it is put there. "keep" beside another clause ("keep red on the pad
# and put blue in the bin"), a hedge, a question, or a subject before it ("you keep ...") stays unread.
_KEEP_AS_PUT = re.compile(rf"^keep ({_NAMED_CUBE}) ((?:on top of|on|onto|in|into) (?:the (?:pad|bin|left side|right "
                          rf"side)|{_NAMED_CUBE}))(?: only)?$")
_KEEP_OPENS = re.compile(r"(?:^|[,.!:;—–-]\s*|\b(?:please|kindly|pls|now|just|okay|ok|so)\s+)keep\b")
_KEEP_DOUBTED = re.compile(rf"\b(?:{HEDGE_WORDS}|might|could|would|should|must|will|can|if|when|while|until|till|"
                           r"unless|whether|always|still|not|never|no)\b|n't\b|\?")


# A tower's levels said as what a cube is to it, read before phrasing (dev_s14 fi40-012 "Raise me a tower, I pray thee:
# let the green cube be its foundation, the blue upon it, and the red to crown it all."): "let X be its/the foundation
# (base, bottom)" is "X as the foundation" (phrasing reads "let X be" as "leave X alone", and "its base" as the robot's
# base), "let X be its/the top" is "X on top", "to crown it all" crowns it, "raise (me) a tower" builds one. Only in a
# sentence that names a tower, stack or pile; never after a negation or a modal ("don't let X be ...", "you could let
# ..."), which stay unread.
_TOWER_NAMED = re.compile(r"\b(?:tower|stack|pile|column)s?\b")
_TOWER_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\blet ({_NAMED_CUBE}) be (?:its|the) (?:very )?(foundation|base|bottom)\b"), r"\1 as the \2"),
    (re.compile(rf"\blet ({_NAMED_CUBE}) be (?:its|the) (?:very )?(?:top|summit|peak|crown)\b"), r"\1 on top"),
    (re.compile(r"\bas its (?:very )?(foundation|base|bottom)\b"), r"as the \1"),
    (re.compile(r"\bto crown it all\b"), "to crown it"),
    (re.compile(r"\braise ((?:me |us )?(?:a|the) (?:tower|stack|pile))\b"), r"build \1"),
    # (dev_s22 fi65-066 "It's tower time, folks! Purple at the foundation, green stacked on that, and orange to crown
    # it!"): the tower announced as the words open, right before its first colour, asks for it; "at the foundation" is
    # the bottom; "X stacked on that/it" is "X on that" (the level above the cube said before it)
    (re.compile(r"^\s*(?:it's|it is) (?:tower|stacking) time(?:,? (?:folks|everyone|everybody|guys|kids|team|people))?"
                rf"\s*[!.]+\s*(?=(?:the )?(?:{_COLOUR_ALT})\b)"), "build a tower: "),
    (re.compile(r"\bat the (?:very )?foundation\b"), "at the bottom"),
    (re.compile(rf"\b({_NAMED_CUBE}) stacked (on (?:top of )?(?:it|that))\b"), r"\1 \2"),
    # (P3 s24, seen fi68-044 "Step 4, assemble stack. Base: blue cube. Level two: ..."): a procedure's clipped "assemble
    # / build stack" opening the words, its sentence ending there, is "assemble a stack"
    (re.compile(r"^(\s*(?:assemble|build|construct|erect)) (tower|stack|pile)(?=\s*[.:!])"), r"\1 a \2"),
)
_TOWER_IDIOM_DOUBTED = re.compile(r"\b(?:don'?t|do not|dont|never|not|no|won'?t|can'?t|couldn'?t|wouldn'?t|shouldn'?t|"
                                  r"might|could|would|should|may|must|will|can|you|i|we|they|he|she|if|when|whether|"
                                  r"did|do|does)\s+(?:\w+\s+)?$")


# "first" said again after a "before" that already puts its clause first ("Before you put the yellow cube inside the
# bin, kindly push the blue cube forward first.", fi39-014; "..., but before that, move the blue one to the right side
# first lah.", fi33-019; "Prior to placing A, you shall first deposit B.", fi36-016): the one order, said twice. Only
# one "before"/"prior to" in the sentence, its clause closed by a comma, and "first" ending the next clause or opening
# its verb; read before phrasing, whose check of a late "first" would refuse it.
_BEFORE_THEN_FIRST = re.compile(
    r"(?P<lead>(?:^|[.;!?]\s*)(?:[^.;!?]*?\s)?(?:before|prior to)\b[^.;!?,]*,\s*(?:(?:but|and|so|please|kindly)\s+)*)"
    r"(?P<main>(?:(?:you|we) (?:shall|should|must|will) )?)(?:first\s+(?P<verb>[a-z]+\b[^.;!?,]*?)|"
    r"(?P<body>[^.;!?,]*?)\s+first)(?P<end>(?:\s+(?:lah|please|pls))?\s*(?:[.;!?]|$))")


def _before_then_first(instruction: str) -> str:
    """``instruction`` (lower case) without a "first" that repeats a "before" (``_BEFORE_THEN_FIRST``); one sentence
    with another order word, or a second "before", is left as said."""
    said = instruction.lower().replace("’", "'")

    def drop(m: re.Match[str]) -> str:
        sentence = m.group(0)
        orders = re.findall(r"\b(?:before|prior to|after|once|then|next|finally|first|until|while)\b", sentence)
        if len(orders) != 2 or re.search(r"\b(?:not|never|don'?t|dont|no)\b|n't\b", sentence):
            return sentence
        return f"{m.group('lead')}{m.group('main')}{m.group('verb') or m.group('body')}{m.group('end')}"
    out = _BEFORE_THEN_FIRST.sub(drop, said)
    return instruction if out == said else out


# A cube set apart by a verb of passing over, before or after what is done with the others ("Skip the red one and put
# the rest in the bin.", "Ignore the red one; bin the others.", "Put all the cubes in the bin, but spare the red one.",
# s17): "leave X", which the quantifier's exception reads; only a cube named by its colour, only beside "the rest / the
# others / everything else" or after a quantifier's clause (expansion reads both; elsewhere "skip" stays unread).
# s20 family F-KEEP (seen fi48-058 "Keep the blue one, bin the rest."): the verbs of keeping a cube back (keep, save,
# hang / hold on to) set it apart the same way, in the same places only ("keep the blue one on the pad" stays unread)
_PASSED_OVER = re.compile(rf"(^|[,;.]\s*|\b(?:but|and|just|please)\s+)(?:skip|ignore|spare|pass over|forget about|"
                          rf"don'?t bother with|keep|save|hang on to|hold on to|hold onto)\s+"
                          rf"((?:the |that |this )?(?:{_COLOUR_ALT})(?: (?:one|cube|"
                          rf"block|brick))?)(?=\s*(?:[,;.]|\band\b|$))")
_REST_NAMED = re.compile(r"\b(?:the rest|the others|all the others?|everything else|the remaining (?:cubes|ones|"
                         r"blocks)|the other (?:cubes|ones|blocks))\b")
# "... but bin the green one first" (dev_s15 fi43-077): "bin X" before "first" is "put X in the bin", which the reader
# of a late "first" moves ahead (it needs a place said)
_BIN_FIRST = re.compile(r"\bbin ((?:the|that|this) [a-z]+ (?:one|cube|block))( first\b)")
# a learner's "cube which is nearest to you" with no article (f28-040 "Please put cube which is nearest to you on green
# cube."): "the cube ...", which phrasing measures from the base; only after a verb, before nearest/farthest
_BARE_RELATIVE = re.compile(r"\b((?:put|place|move|take|pick up|grab|push|bin|stack|set) )(cube|block) (which|that) is "
                            r"(?=(?:the )?(?:nearest|closest|farthest|furthest)\b)")
# the table's sides named as the robot's ("Take the cube that's on the robot's right and put it in the bin.", fi39-058):
# "your right", which phrasing reads as the robot's side (its own sides are the planner's)
_ROBOTS_SIDE = re.compile(r"\bthe (?:robot|arm)'s (left|right)\b")
# the speaker's place (seen golds fi42-060 "The block nearest to me, could you put that one on the pad, please?",
# fi43-062 "give the red cube a little push towards me"): the writers' spec puts the person at the robot ("smaller x =
# near, closest to the robot and the person standing at it"; "backward = towards it"), so "nearest to me" is nearest to
# the robot and "towards me" is backward. Two closed forms: a superlative of distance before me/us ("the cube
# nearest/closest (to) me", "the one furthest (away) from us"), and a way said after a push ("push/slide/nudge/shove/
# pull X (a bit) towards me", "give X a (little) push/nudge towards me", also "away from me", "closer to me"). "Hand it
# to me", "throw it at me", "tilt it towards me" and a speaker's side ("my left") keep their readings (refused).
# a relative reference after a demonstrative ("Set that far block in the bin for me", dev_s16 fi47-003; "this near
# one", "that top cube"): "the", as phrasing reads "the far block"; only before a noun of a cube, so "push it that far"
# stays as said
_DEMONSTRATIVE_RELATIVE = re.compile(r"\b(?:that|this) ((?:far|near|top|bottom|upper|lower|leftmost|rightmost|"
                                     r"frontmost|backmost|topmost|nearest|farthest|furthest|closest) (?:cube|block|"
                                     r"brick|one))\b")
# the top of a pile said as where the cube is ("Take the one off the top of the pile and pop it on the pad", dev_s16
# fi46-070; "the cube that's on top of the stack", "the block at the very top of the tower"): "the top one", which
# phrasing reads (and asks which, where the scene has two stacks). A bare "on top of" after the cube ("put the cube on
# top of the stack") is where it goes, not which it is, and stays as said.
_TOP_OF_PILE = re.compile(r"\bthe (cube|block|one|brick) (?:(?:that'?s|that is|which is|sitting|resting) (?:at|on)|at|"
                          r"off|from) (?:the )?(?:very )?top of (?:the|that|this) (?:pile|stack|tower|heap)\b")
# ... and "off the top" with no pile said, right after a verb of taking and before the clause ends ("Take the cube off
# the top and put it on the pad.", seen fi37-063): "the top cube", as "take the top cube off" reads (asked where the
# scene has two stacks). "off the top of X" names X (above), "off the top shelf" stays unread, and no other verb.
_OFF_THE_TOP = re.compile(r"\b(take|pull|lift|grab|get) the (cube|block|one|brick) off the (?:very )?top"
                          r"(?=\s*(?:$|[,;.!]|\band\b|\bthen\b))")
# "in that order" after a tower's direction ("make a stack out of the orange, purple and yellow ones, bottom to top in
# that order", fi36-015): the direction is the order, said twice; phrasing would read it as ordering the clauses
# "only" / "simply" opening a clause before its verb, after a mark ("Don't disturb the yellow cube please, only put the
# green cube on top of the orange cube.", dev_s17 fi49-020; "...; only put the blue cube onto the pad."): "just", which
# ends a negated clause before it and which the readings of corrections know (never "only the X")
_ONLY_VERB = re.compile(r"([,;:.!?]\s*(?:(?:and|but|so|please)\s+)?)(?:only|simply) "
                        rf"(?=(?:{'|'.join(sorted(lx.MOTION_VERBS))}|bin|stack|go|return|head)\b)")
# "<request>, but do it (only) after <clause>" (dev_s17 fi49-069 "Put the yellow cube on the pad, but do it only after
# you have put the red cube on the left side."): "but only after", which the order reader reads (the request runs
# after the clause); also with "once" / "when" / "that" / "this" (never "before": left unread, refused)
_DO_IT_AFTER = re.compile(r",?\s*\bbut (?:please )?do (?:it|that|this)(?: only)? (after|once|when)\b")
# a tower's end said against all the rest ("stack them so the orange is at the top, the red one under it, and the green
# underneath everything", dev_s17 fi50-015; "... and red on top of it all"): the very bottom / top, in a tower only (a
# tower word said; "everything" there is no quantifier)
# (P3 s24: a learner's bare "all" closing the level, "then the purple one on top of all", seen fi68-034)
_UNDER_ALL = re.compile(r"\b(?:underneath|under|below|beneath) (?:everything|it all|them all|all of them|all the "
                        r"others|the rest|all the rest|all(?=\s*(?:[,.;!]|$)))\b")
_ABOVE_ALL = re.compile(r"\b(?:on top of|above|over|atop) (?:everything|it all|them all|all of them|all the others|"
                        r"the rest|all the rest|all(?=\s*(?:[,.;!]|$)))\b")
# Keeping the arm away from a named cube is not touching it ("Don't go near the red one, mate. Just shove the blue one
# forward a bit.", fi45-000; "Don't go near the blue one now, ...", fi54-031; "stay / keep away from", "steer / keep
# clear of"): read as "don't touch X" before phrasing, which would read "go near X" as sending the arm there. Only a
# named cube, and never after another negation ("Don't stay away from the red one" stays unread).
_KEEP_AWAY = re.compile(rf"(?<!n't )(?<!not )(?<!never )\b(?:(?:don't|dont|do not|never) (?:go|come|get) (?:anywhere )?"
                        rf"(?:near|close to|nearer to|too close to)|(?:stay|keep) (?:well )?(?:away|clear) from|"
                        rf"(?:steer|keep) clear of) ({_NAMED_CUBE})(?= *(?:$|[,;.!]|\b(?:and|then|now|but)\b))")


def _kept_away(m: re.Match[str], state: SceneState) -> str:
    """``_KEEP_AWAY``'s "don't touch X" where X, the scene's one cube of that colour, stands in no stack; else the words
    as said (refused as before): keeping away is more than not touching, and a step that lifts a cube off X or sets
    one on X's stack takes the arm to X (A1 s19 H147)."""
    colour = next((lx.COLOR_WORDS[w] for w in re.findall(r"[a-z]+", m.group(1)) if w in lx.COLOR_WORDS), None)
    name = _scene_colour(colour, state) if colour is not None else None
    if name is None or any(name in stack for stack in state.stacks()) or state.on.get(name) in state.names or \
            any(below == name for below in state.on.values()):
        return m.group(0)
    return f"don't touch {m.group(1)}"


# "the cube which is standing alone" (dev_s19 fi56-005): a cube in no stack, as "on its own" (mentions._LONE); only in
# a relative clause after the cube's noun ("leave the red cube standing alone" stays unread)
_STANDING_ALONE = re.compile(r"\b((?:cube|block|brick|one) (?:that|which) (?:is |'s )?(?:standing|sitting|resting) )"
                             r"(?:all )?alone\b")
# s20 family F-AGAIN (seen fi56-064, fi45-051): the speaker insisting on a quantifier's whole reach between commas or
# brackets right after it ("Every cube (and I do mean every one of them) should go to the right side.", "Every cube,
# and I do mean every one, should go ..."): dropped before anything reads the words, as the reach said again at the
# end is (expansion._ALL_AGAIN); only "(and) I (do / really) mean" + every / each one / all of them, nothing else
_ALL_MEANT = re.compile(r"\b((?:each and )?(?:every|each) (?:single )?(?:cube|block|brick)|all (?:of )?(?:the )?"
                        r"(?:cubes|blocks|bricks)|all of them)\s*[,(]\s*(?:and )?i (?:do |really |really do )?mean "
                        r"(?:every (?:single |last )?one|each (?:and every )?one|all of them|them all)(?: of them)?"
                        r"\s*(?:,|\)\s*,?)\s*")
# s20 family F-ALLX (seen fi51-066 "All cubes to the right side, all except the purple one of course!"): the quantifier
# said again with its exception after the clause it opens ("..., all except X", "..., all but X", "..., everything but
# X"): the exception of that clause, as "..., except X" reads; only in the quantifier's own sentence, no other comma
_ALL_EXCEPT_AGAIN = re.compile(r"(\b(?:all|every|each)\b[^.;!?,]*?)\s*,\s*(?:all|everything|every one|every cube|"
                               r"all of them)\s+(?:except(?: for)?|but|apart from|other than|save|bar)\s+")
# s20 family D4 (dev fi59-031 "- for each cube on the table: place it in the bin"): a placing said of "it" for each
# cube is every cube placed there ("for each / every cube (on the table)(:|,) <verb> it <place>"); only "it" right
# after the verb, only a verb of the quantifier's (expansion reads the rest)
_FOR_EACH = re.compile(r"^\W*for (?:each|every) (cube|block|brick)( on the table)?\s*[:,]\s*(put|place|move|set|pop|"
                       r"stick|drop|bin|push|slide|nudge|shove|take|carry|bring) it\b")
# s20 family D6 (dev fi58-052 "the one not red, ... push forward"; seen fi45-037 "Whichever one's not red, move it
# ..."): a cube picked out by the colour it lacks, said without "that is": the cube that is not that colour (one ->
# it, two or more -> asked, as "the one that isn't red" already reads)
_ONE_NOT = re.compile(rf"\b(?:the|whichever) (one|cube|block)(?:'s| is)? not ((?:the )?(?:{_COLOUR_ALT}))\b")
# s20 family D2 (dev fi59-023 "straight into the bin"; seen fi46-025 "Straight in the bin."): "straight" before a
# placing preposition and a place says only how directly: dropped there ("straight away" and "put it straight" stay)
_STRAIGHT_INTO = re.compile(r"\bstraight (?=(?:in|into|inside|onto|on|to|over to|on top of) (?:the|a|that|this) )")
# s20 family D8 (dev fi58-044 "Put the purple cube on top of the blue one, but before that push the blue one backward
# first ah."): the order said twice, "before that" and a closing "first": the closing "first" adds nothing; only at the
# very end of the clause that "before that / before you do that / before doing that" opens, nothing after it
_BEFORE_THAT_FIRST = re.compile(r"(\bbefore (?:that|this|you do (?:that|this|it)|doing (?:that|this|it)|doing so)"
                                r"\s*,?\s+[^.;!?,]*?)\s+first(?=\s*(?:\b(?:ah|lah|la|please|pls)\b)?\s*[.!]*\s*$)")
# s21 family F-LET (seen fi47-021, fi47-060, fi50-045, fi50-022, fi51-059, fi57-051, fi57-067, fi38-010): a cube let,
# allowed or invited to rest, sit or lie on a cube or in a place ("Let the orange one sit atop the green.", "invite the
# cube closest to you to rest upon the pad", "lift the purple cube and let it rest in the bin") is put there: where it
# already rests there, the put is an empty plan (as "keep X on Y" reads), so "rest" never moves a cube that is there.
# Only as an order (register._LET_ORDERED: the clause opens on "let", or a request's words stand before it); "you let
# ...", "don't let ...", "maybe let ..." stay as said (refused); "settle" and a "rest" with no place stay unread.
_LET_REST = re.compile(r"\b(?:let|allow|invite) ((?:the|that|this) [a-z'-]+"
                       r"(?: (?!(?:come|came|coming)\b)[a-z'-]+){0,4}?|it) (?:to )?(?:rest|sit|lie)"
                       r"(?: (?:gently|softly|quietly|lightly|down))? (?=(?:upon|on|atop|on top of|onto|in|inside|"
                       r"into) (?:the|your|it)\b)")


def _let_rest(m: re.Match[str]) -> str:
    """"put <cube> " for ``_LET_REST``'s cube let rest at a place, where "let" orders it, with no hedge in the words,
    no "you could / might / may / would / should" before it (what could be, A1 s21 H166) and no "?" unless "can /
    could / would / will you" asks it (stricter than a plain imperative's softener: a new reading); else the words as
    said."""
    before = m.string[:m.start()]
    asked = re.search(r"\b(?:can|could|would|will) (?:you|u|ya)\b", before) is not None
    if not _LET_ORDERED.search(before) or re.search(rf"\b(?:{HEDGE_WORDS})\b", m.string) or \
            re.search(r"\b(?:you|u|ya) (?:could|might|may|would|should)\b[^.;!?]*$", before) or \
            ("?" in m.string and not asked):
        return m.group(0)
    return f"put {m.group(1)} "


# s21 family R-THAT (seen fi57-058 "the one sitting on the red one, can you put that in the bin", fi49-014 "The cube
# which is nearest to you, kindly keep it on the pad."): a cube said first, on its own before a comma (a left-dislocated
# topic), then asked for by "that" as by "it" ("The red one, put it in the bin." already reads), and "keep it / that
# <place>" there is putting it there (as "keep X on the pad" reads, _KEEP_AS_PUT): only a topic opening the words on
# the / that / this, only "that" right after a request verb and before a place; "keep" only after "please / kindly /
# just / now" or nothing, never with a hedge, modal, negation or "?" (_KEEP_DOUBTED)
_TOPIC_THAT = re.compile(r"^(\s*(?:the|that|this) [^,.;!?]*?,\s*(?:(?:can|could|would|will) you (?:please |kindly "
                         r"|just )?|please |kindly |just |now )*(?:put|place|move|set|drop|pop|stick|bin|toss|chuck|"
                         r"throw|push|nudge|slide|shove|carry|bring|lay)) that (?=(?:in|into|on|onto|to|inside|atop|"
                         r"on top of|over to) )")
_TOPIC_KEEP = re.compile(r"^(\s*(?:the|that|this) [^,.;!?]*?,\s*(?:(?:please|kindly|just|now) )*)keep (?:it|that) "
                         r"(?=(?:on|in|into|onto) the (?:pad|bin|left side|right side)\s*[.!]*\s*$)")


def _topic_kept(m: re.Match[str]) -> str:
    """``_TOPIC_KEEP``'s "<topic>, keep it <place>" as "<topic>, put it <place>", unless a hedge, modal, negation or "?"
    stands in the words (``_KEEP_DOUBTED``) or "keep" is said twice."""
    if _KEEP_DOUBTED.search(m.string) or len(re.findall(r"\bkeep", m.string)) != 1:
        return m.group(0)
    return f"{m.group(1)}put it "


# s21 dev family M2 (fi61-070 "the cube that reposes upon the green one", fi62-027 "The cube that rides upon the red
# one's back"): a relative clause saying where a cube is with a finite verb of resting ("that sits / rests / lies /
# stands / perches / reposes / rides on X") is "that is on X" (mentions reads that; "the cube sitting on X" already
# reads); only right after a cube's noun and "that / which", only before "on / upon / atop / on top of"; a cube's
# "back" it rides on is the cube ("upon the red one's back")
_RELATIVE_RESTING = re.compile(r"\b(cube|block|brick|one) (that|which) (?:sits|rests|lies|stands|perches|reposes|rides)"
                               r" (?=(?:on|upon|atop|on top of) (?:the|that|this) )")
_CUBES_BACK = re.compile(rf"\b((?:on|upon|atop|on top of) (?:the|that|this) (?:{_COLOUR_ALT})(?: (?:one|cube|block))?)"
                         r"'s back\b")
# s21 dev family M3 (fi62-019 "Kindly take each and every cube and keep it on the pad, okay?"): each cube taken and
# put or kept at a place by "it" (the pronoun of "each / every", one at a time) is every cube put there, as D4's "for
# each cube: place it in the bin" and _TAKE_AND_KEEP's named cube read; only "each / every" (never "all ... it"), only
# "it" right after the second verb, only a place of the scene
_TAKE_EACH = re.compile(r"\b(?:take|pick up|grab|lift) ((?:each and every|every|each) (?:single )?(?:cube|block|brick)"
                        r"(?: on the table)?) and (?:put|place|keep|set|move|pop|stick|lay|drop) it (?=(?:on|onto|in|"
                        r"into|inside) the (?:pad|bin|left side|right side)\b)")
# s21 dev family M3 (fi62-057 "All the cubes but the yellow one, gather them onto the left side ..."): a quantified
# topic said first, before a comma, then asked for by "them" right after a verb and before a place: the verb over the
# quantifier ("put all the cubes but the yellow one onto the left side"; "gather / collect" them somewhere is putting
# them there); only a topic opening the words on all / every / each / both with no verb of its own
_QUANTIFIED_TOPIC = re.compile(r"^(\s*(?:all|every|each|both)\b[^,.;!?]*?),\s*((?:(?:please|kindly|just|now)\s+)*)"
                               r"(put|place|move|set|pop|stick|shift|carry|bring|lay|push|slide|nudge|shove|gather|"
                               r"collect) them (?=(?:on|onto|in|into|to|over to|inside) (?:the) )")


def _quantified_topic(m: re.Match[str]) -> str:
    """``_QUANTIFIED_TOPIC``'s "<quantified topic>, <verb> them <place>" as "<verb> <topic> <place>", unless the topic
    holds a verb, a negation or a pronoun of its own."""
    if re.search(r"\b(?:are|is|were|was|be|been|not|no|never|don't|isn't|aren't|them|it|you|i|we)\b|n't\b",
                 m.group(1)):
        return m.group(0)
    verb = "put" if m.group(3) in ("gather", "collect") else m.group(3)
    return f"{m.group(2)}{verb} {m.group(1).strip()} "


# s21 dev family M3 (fi61-021 "I would have every cube save the crimson one removed to the right-hand side."): a wish
# for a quantified set of cubes with a participle of moving and a place ("I would have / I'd have / I want / I need /
# I'd like every cube (except X) moved / removed / put / placed / taken / shifted to <place>") is the request to put
# them there, as "I want every cube moved to the right side" already reads without an exception; only "I / we" at the
# head of a sentence (never "I don't want", "would I have ...", "he would have", "I would have moved")
_WISHED_QUANTIFIED = re.compile(r"(^|[.;!]\s*|,\s*)(?:(?:so|ok|okay|now|right)\s*,?\s+)*(?:i|we) (?:would have|'d have|"
                                r"want|need|would like|'d like) ((?:every|each|all)\b[^.;!?,]*?) (?:moved|removed|put|"
                                r"placed|taken|shifted|relocated|transferred|brought|carried) (?=(?:to|into|onto|in|on|"
                                r"over to) the )")


def _wished_quantified(m: re.Match[str]) -> str:
    """``_WISHED_QUANTIFIED``'s wish as "put <cubes> ", unless a hedge word or a "?" stands in the words (a new reading:
    stricter than an imperative's softener)."""
    if re.search(rf"\b(?:{HEDGE_WORDS})\b", m.string) or "?" in m.string:
        return m.group(0)
    return f"{m.group(1)}put {m.group(2)} "


# s21 seen frames: a quantifier over "those / these" cubes ("Put every one of those blocks on the pad, would you?",
# fi42-064; "both of those blocks on the pad please", fi36-024: the golds read every cube of the scene): "of the";
# only right after all / both / every (single) one / each (one) / each and every one + "of"
_OF_THOSE = re.compile(r"\b((?:all|both|every (?:single )?one|each(?: one)?|each and every one) of )(?:those|these) "
                       r"(?=(?:cubes|blocks|bricks)\b)")
# "take" with more than one cube and a place to take them to (seen fi32-031 "Take all the blocks to the right side, just
# leave the blue one, hey."): move them there, as "take the red cube to the right side" reads one (the quantifier's
# expansion read "take" as a pick of each); only before a quantifier or "both", only with "to / over to / into / onto"
_TAKE_ALL_TO = re.compile(r"\b(?:take|carry|bring) (?=(?:all|every|each|both)\b[^.;!?,]*? (?:to|over to|into|onto) the "
                          r"(?:pad|bin|left|right)\b)")
# A bare "All" opening the words before a place (seen fi34-028 "All to the pad. Not the purple."): every cube, as "All
# the cubes to the pad." reads; only at the very start, only right before "to / in / into / on / onto the <place>"
_BARE_ALL = re.compile(r"^(\s*)all (?=(?:to|in|into|on|onto|over to) the (?:pad|bin|left|right)\b)")
# "take the red cube and keep it on the pad" (dev_s19 fi56-057): after taking a named cube, keeping it at a place is
# putting it there (as "... and leave it on the pad" reads); only "it" right after the take, only a place of the scene
_TAKE_AND_KEEP = re.compile(rf"\b((?:take|pick up|grab|lift) {_NAMED_CUBE} and )keep (it (?:on|in|into|onto) the "
                            r"(?:pad|bin|left side|right side))\b")
# "instead" closing a push of the cube a negated push of another way names just before ("Don't push the yellow cube to
# the left; push it forward instead.", dev_s22 fi64-044): the second push, as without "instead" (_NEGATED_PUSH_WAY
# keeps the first way forbidden on the plan); only "it" for the cube, only a push verb, only at the very end
_INSTEAD_PUSH = re.compile(rf"^((?:please\s+)?(?:don't|dont|do not|never)\s+(?:push|slide|nudge|shove)\s+"
                           rf"(?:the |that |this )?(?:{_COLOUR_ALT})(?: (?:one|cube|block|brick))?\s+"
                           r"(?:(?:to|towards?)\s+(?:the\s+)?)?(?:left|right|forward|backward)s?(?:\s+side)?\s*[.;,]\s*(?:but\s+)?"
                           r"(?:push|slide|nudge|shove)\s+it\s+(?:(?:to|towards?)\s+(?:the\s+)?)?"
                           r"(?:left|right|forward|backward)s?(?:\s+side)?)\s+instead(\s*[.!]?\s*)$")
# A cube said before "it" after "but", following a clause that keeps another cube ("Don't touch the yellow one, but the
# orange, stick it on the pad.", dev_s22 fi64-049), or the cube that "can go" somewhere after it ("Leave the blue one
# be, mate, but the red one can go in the bin.", dev_s22 fi65-064): the verb then the cube ("but put the orange on the
# pad"), as phrasing reads the same opening the words or after "and"; only after these keeping clauses
_KEPT_THEN = rf"(?:(?:don't|do not|never)(?:\s+you)?\s+(?:touch|move|lay a finger on)|leave)\s+{_NAMED_CUBE}" \
             r"(?:\s+(?:alone|be))?"
_THANKS_END = r"(?:\s*,\s*(?:cheers|thanks|ta|please))?\s*[.!]?\s*$"
_BUT_TOPIC_IT = re.compile(rf"^(\s*{_KEPT_THEN}\s*,\s*(?:(?:mate|pal|love|buddy)\s*,\s*)?but\s+)({_NAMED_CUBE})\s*,\s*"
                           rf"((?:put|place|stick|pop|set|move)\s+)it\s+((?:in|into|on|onto|to)\s+(?:the\s+)?"
                           r"(?:bin|pad|left(?: side)?|right(?: side)?))" + _THANKS_END)
_BUT_CAN_GO = re.compile(rf"^(\s*{_KEPT_THEN}\s*,\s*(?:(?:mate|pal|love|buddy)\s*,\s*)?but\s+)({_NAMED_CUBE})\s+"
                         r"(?:can|could|may) go\s+((?:in|into|on|onto|to)\s+(?:the\s+)?(?:bin|pad|"
                         r"left(?: side)?|right(?: side)?))" + _THANKS_END)
# Going home said with "last" in a sentence of its own before the steps, or as the last clause ("go home last. first
# push red right, then bin purple.", dev_s22 fi65-069; "First push red right, then bin purple, go home last."): the
# steps, then home. Only where "last" and "home" are said nowhere else, with no "?" and no hedge at the end
# (_home_last).
_HOME_LAST = r"(?:go|return|head)(?: back)? (?:home|to (?:your |the )?home(?: position| pose)?) last"
_HOME_LAST_BEFORE = re.compile(rf"^\s*(?:(?:and|then|but|please|ok|okay)\s*,?\s+)?{_HOME_LAST}\s*[.;!]\s*(?P<rest>.+?)"
                               r"\s*[.!]?\s*$")
_HOME_LAST_AFTER = re.compile(rf"^(?P<rest>.+?)\s*,?\s*(?:and\s+)?(?:then\s+)?{_HOME_LAST}\s*[.!]?\s*$")
# A step said "last", then the other "but first" ("Bin the blue cube last, but first put the green cube on the right
# side.", seen fi67-026): the same order as "A, but first B" (phrasing reads it); only two clauses, each with its verb,
# none negated, hedged or asked, and "last" said nowhere else ("Don't bin the blue cube last, ..." keeps its words)
_LAST_BUT_FIRST = re.compile(r"^(?P<a>\s*(?!(?:[^,.;!?]*\b(?:not|don't|dont|never|no)\b))[a-z][^,.;!?]*?) last\s*,\s*"
                             r"(?P<but>but|and) first\s*,?\s+(?P<b>[a-z][^,.;!?]*?)\s*[.!]?\s*$")
# "up over" a cube right after "put X" ("Put the red cube up over the purple cube, like a hat, please.", dev_s22
# fi65-070): "over" it, as "put X over Y" reads (seen f19-006); only before a cube named by its colour
_UP_OVER = re.compile(rf"\b((?:put|place|set|pop|stick) {_NAMED_CUBE}) up (over (?:the )?(?:{_COLOUR_ALT})\b)")
# "Kindly first place A, thereafter move B, and then return home." (dev_s22 fi64-059): "kindly" / "please" opening the
# words right before "first" is no clause of its own ("first" keeps its place at the head of the words)
_POLITE_FIRST = re.compile(r"^(\s*)(?:please|kindly|pls)\s*,?\s+(?=first\b)")
# "carry the yellow one and put it on top of the red one" (dev_s22 fi64-001): carrying a named cube, then putting "it"
# somewhere, is taking it there, as "take X and put it ..." reads; only "it" right after, only these verbs
_CARRY_AND_PUT = re.compile(rf"\b(?:carry|bring) ({_NAMED_CUBE}) and (put|place|set|pop|stick) it\b")
# "leave the yellow one moored where she is" (dev_s19 fi55-045): a cube left where it is, said with a posture (or a
# boat's word) and the cube as "she"/"he": "leave X where it is" (clause_structure reads it as "leave X alone")
_LEFT_WHERE = re.compile(rf"\b(leave {_NAMED_CUBE}) (?:(?:moored|anchored|docked|parked|sitting|standing|resting|"
                         r"lying|sat|stood) )?where (?:it|she|he)(?: is|'s| sits| stands)\b")
# a push's distance said roughly ("Nudge the red cube a bit to the left, like a couple of centimetres.", dev_s17
# fi49-077): the approximator goes, the distance stays for phrasing to read (a push slides its own set step)
_ABOUT_AMOUNT = re.compile(r"(,\s*)(?:like|about|roughly|around|approximately|approx\.?|say)\s+(?=(?:a few|a couple of|"
                           r"[1-9]|10|one|two|three|four|five|ten) ?(?:centimet(?:re|er)s?|cms?|inch(?:es)?)\b)")
# A cube named in a sentence of its own, then asked for by "it" in the next ("The one on top of the green. Put it on the
# right.", dev_s17 fi49-059; "whichever one's furthest to the left. bin it", s16 fi37-040): the cube in the pronoun's
# place. Only a first sentence that is one whole mention (mentions.parse_object: no verb, no negation, no question)
# and a next sentence that opens on its verb with "it" right after it, said once.
_TOPIC_THEN_IT = re.compile(r"^\s*(?P<topic>[^.!?;]+?)\s*[.!;]+\s+(?P<verb>(?:please\s+)?[a-z]+)\s+it\b"
                            r"(?P<rest>[^.!?;]*)(?P<tail>.*)$")
_TOWER_SAID = re.compile(r"\b(?:stack|stacked|tower|pile|piled)\b")
_DIRECTION_IN_ORDER = re.compile(r"\b((?:from )?(?:the )?(?:bottom to (?:the )?top|top to (?:the )?bottom|bottom[- ]up|"
                                 r"top[- ]down))\s*,?\s*in (?:that|this|the same) order\b")
_SPEAKERS_NEAREST = re.compile(r"\b(closest|nearest|furthest|farthest)((?: (?:away )?(?:to|from))?) "
                               r"(?:me|us|myself)\b")
_SPEAKERS_WAY = re.compile(rf"\b((?:{'|'.join(sorted(lx.PUSH_VERBS))}|pull|pulling)\b[^.;!?,]*?|"
                           r"\b(?:push|nudge|shove)\s+)\b(towards?|closer to|nearer to|away from|further from|"
                           r"farther from) (?:me|us|myself)\b")


def _tower_idioms(instruction: str) -> str:
    """``instruction`` (lower case) with the closed tower idioms of ``_TOWER_IDIOMS`` spelt as the tower reader reads
    them, in the sentences that name a tower; one said after a negation, a modal or a subject is left as said."""
    said = instruction.lower().replace("’", "'")
    if not _TOWER_NAMED.search(said):
        return instruction
    out = said
    for pattern, words in _TOWER_IDIOMS:
        out = pattern.sub(_unless_doubted(words), out)
    return instruction if out == said else out


# The robot said "ye" / "yersel'" in a cube's place measured from it ("Grab the cube closest to ye, matey, ...", dev
# s23 fi67-055; "The one nearest yersel', pop it on the pad.", fi68-022): "you" / "yourself", only right after a word
# of nearness or distance (the Scots lexicon reads "ye" only where a Scots word marks the words); "away from yourself /
# yerself / ye" is "away from you", forward ("Would you kindly push the leftmost cube away from yourself?", fi68-059)
_YE_MEASURED = re.compile(r"\b((?:nearest|closest|nearer|closer|farthest|furthest|farther|further)(?:\s+(?:to|from))?)"
                          r"\s+(?:(ye)|yer?sel'?|yerself)(?![a-z'])")
_AWAY_FROM_SELF = re.compile(r"\baway\s+from\s+(?:ye|yer?sel'?|yerself|yourself)(?![a-z'])")


def _ye_as_you(instruction: str) -> str:
    """``instruction`` with "ye" / "yersel'" after a word of nearness read as "you" / "yourself" (``_YE_MEASURED``),
    and "away from yourself" as "away from you"."""
    said = _AWAY_FROM_SELF.sub("away from you", instruction.replace("’", "'"))
    return _YE_MEASURED.sub(lambda m: f"{m.group(1)} {'you' if m.group(2) else 'yourself'}", said)


# A cube crowned with another (dev s23 fi67-021 "Can you crown the orange cube with the purple one?"; fi69-066 "Let us
# crown ..." once "let us" reads; seen fi32-009 "Crown the orange cube with the red one, as a sunset ..."): "crown|cap
# X with Y" is "put Y on X", only with both cubes named by colour and the clause ending after Y ("crown it with ...",
# "crowned", "crown X with a hat", "crown X with Y and Z" stay as said, refused)
_CUBE_NAMED = rf"(?:the |that |this )?(?:{_COLOUR_ALT})(?: (?:cube|block|brick|one))?"
_CROWNED_WITH = re.compile(rf"\b(?:crown|cap) ({_CUBE_NAMED}) with ({_CUBE_NAMED})"
                           r"(?=\s*(?:$|[,;.!?]|\bthen\b|\bplease\b))")


def _crowned(instruction: str) -> str:
    """``instruction`` with "crown|cap X with Y" (``_CROWNED_WITH``) spelt "put Y on X"; as said otherwise."""
    said = instruction.lower().replace("’", "'")
    out = _CROWNED_WITH.sub(lambda m: f"put {m.group(2)} on {m.group(1)}", said)
    return instruction if out == said else out


# A goal said telegraphically (seen fi54-051 "Purple cube. Right side.", fi54-057 "Blue cube. Onto the pad.", fi60-032
# "Green. Pad. Thirty seconds.", fi64-047 "Orange. Pad. Go.", fi69-067 "Red cube, pad, whenever you're ready."; the
# French and German of translation._TELEGRAPHIC, "Le violet. Sur le pad."): a cube named by its colour alone (with
# "the" and its noun at most), its own fragment, then a place, its own fragment, is the cube to that place, spelt as a
# verbless goal ("green to pad") before any screen reads the words, so the hedge, question, closing and report
# screens see the two fragments as one goal ("Green. Pad. I think.", "Green. Pad. Done." refuse as "Green to the pad,
# I think." does). The cube fragment opens the text, a sentence (after ". ", "! ", "; ") or a step after "then"; a "!"
# glued to the place is no mark (a programmer's "not", A1 s20 H155). After a comma only a bare place ("Red cube, pad";
# register.py's shape); after "." or "!" also with its preposition ("Blue cube. Onto the pad."). A side said alone
# ("Red. Left.") stays unread (a push or a place), as does a cube named by its place.
# Refused outright (never handed to the model as unread): a "?" anywhere in words that hold the shape ("Green? Pad.",
# "Green. Pad. ?", "Green. Pad. Please?", "Green. Pad. Ready?": asked; REV s24 R5, R7, R8), and several cubes said
# before one place ("Red. Green. Pad.", "Red and green. Pad.": which go there is a list the words do not spell; REV
# s24, the model path planned both), a hesitation closing them ("Green. Pad. Uh.", REV s24 R7), and a place said again
# after the goal ("The orange cube. Bin. Bin.", A1 s12's pinned near miss; "Green. Pad. Bin.": emphasis or a
# correction).
_PLACE_NOUN = r"(?:the )?(?:landing pad|target pad|pad|bin|trash|left side|right side|left-hand side|right-hand side)"
_TELEGRAPHIC_CUBE = rf"(?:the )?(?:{_COLOUR_ALT})(?: (?:cube|block|brick|one))?"
_TELEGRAPHIC_LEAD = r"(?P<lead>^\s*|[.!;]\s+|\bthen\s+)"
_TELEGRAPHIC_PLACE = (r"(?:\s*,\s+(?P<bare>" + _PLACE_NOUN + r")|\s*(?P<mark>[.!?]+)\s+"
                      r"(?P<place>(?:(?:to|in|into|on|onto) )?" + _PLACE_NOUN + r"|(?:to|on|onto) the (?:left|right)))"
                      r"(?=\s*(?:[.!?,;]|$))")
_TELEGRAPHIC_GOAL = re.compile(rf"{_TELEGRAPHIC_LEAD}(?P<cube>{_TELEGRAPHIC_CUBE}){_TELEGRAPHIC_PLACE}")
_PLACE_AGAIN = re.compile(r"\s*[.!?,;]+\s*(?:(?:to|in|into|on|onto) )?(?:" + _PLACE_NOUN + r"|the (?:left|right))"
                          r"\s*(?:[.!?,;]|$)")
_TELEGRAPHIC_LIST = re.compile(rf"{_TELEGRAPHIC_LEAD}{_TELEGRAPHIC_CUBE}(?:\s*(?:[.!,]+|,?\s*(?:and|&|plus))\s+"
                               rf"{_TELEGRAPHIC_CUBE})+{_TELEGRAPHIC_PLACE}")


# A procedure's step label before the request ("Step 4.2: assemble a three-block tower. Base: yellow. ...", seen
# fi67-019; "Step 4, assemble stack. ...", fi68-044; "Step 3: red cube, pad.", dev fi70-053): "Step <n>" (a number, a
# dotted number or a number word) and its mark, opening the text, names where the request stands in a procedure and
# asks nothing more: dropped before every screen (which then read the request from its start: "Step 3: red in the bin,
# I think." / "Step 2: red in the bin?" / "Step 2: I put red in the bin." refuse as the words without it do); a
# take's label too, with its colon ("Take two: bin the blue cube last, ...", seen fi67-026). Only a
# lone label: a text of several steps ("Step 1: ... Step 2: ...", dev_phrasing-187) is the list reader's; "Step 4 was:
# ...", "Skip step 4: ...", "Step 4 (optional): ..." keep their words (unread).
_STEP_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten)"
_STEP_LABEL = re.compile(rf"^\s*(?:step\s+{_STEP_NUMBER}\s*(?:[:,\-–—]|\.(?!\d))|take\s+{_STEP_NUMBER}\s*:)"
                         r"\s*(?=[a-z])")


def step_unlabelled(instruction: str) -> str | None:
    """``instruction`` (lower case) without its lone step label (``_STEP_LABEL``); None where it has none."""
    said = instruction.lower().replace("\u2019", "'")
    label = _STEP_LABEL.match(said)
    if label is None or len(re.findall(rf"\b(?:step|take)\s+{_STEP_NUMBER}\b", said)) > 1:
        return None
    return said[label.end():]


def telegraphic_goal(instruction: str) -> str | None:
    """``instruction`` (lower case) with each telegraphic goal (``_TELEGRAPHIC_GOAL``) spelt "<cube> to <place>"; None
    where there is none, or where ``telegraphic_unread`` refuses the words."""
    said = instruction.lower().replace("\u2019", "'")
    if telegraphic_unread(said) is not None:
        return None

    def spell(m: re.Match[str]) -> str:
        place = m.group("bare") or m.group("place")
        to = "" if re.match(r"(?:to|in|into|on|onto) ", place) else "to "
        return f"{m.group('lead')}{m.group('cube')} {to}{place}"

    out = _TELEGRAPHIC_GOAL.sub(spell, said)
    return None if out == said else out


def telegraphic_unread(instruction: str) -> str | None:
    """Why words that hold a telegraphic goal are refused outright (a "?" in them, several cubes before one place);
    None otherwise."""
    said = instruction.lower().replace("\u2019", "'")
    listed = _TELEGRAPHIC_LIST.search(said)
    if listed is not None:
        return (f"'{listed.group(0).strip(' .!;,')}' names several cubes, then one place: say each ('red to the pad, "
                f"green to the pad'); nothing is done")
    for goal in _TELEGRAPHIC_GOAL.finditer(said):
        if _PLACE_AGAIN.match(said, goal.end()):
            return (f"'{goal.group(0).strip(' .!;,')}', then a place again: the same place twice, or a second one "
                    f"correcting it? say it once; nothing is done")
    if "?" in said and _TELEGRAPHIC_GOAL.search(said):
        return ("a cube and a place said as fragments, with a '?': it asks whether the cube goes there, it does not "
                "ask for it; nothing is done")
    if re.search(r"\b(?:uh+|um+|er+m?|hmm+)\W*$", said) and _TELEGRAPHIC_GOAL.search(said):
        return ("a cube and a place said as fragments, then a hesitation: whether it is asked is unclear; nothing is "
                "done")
    return None


def _last_but_first(instruction: str) -> str:
    """``instruction`` (lower case) with "A last, but first B" (``_LAST_BUT_FIRST``) spelt "A, but first B"; as said
    otherwise (a hedge, a "?", a negation, "last" said twice)."""
    said = instruction.lower().replace("\u2019", "'")
    m = _LAST_BUT_FIRST.match(said)
    if m is None or re.search(HEDGE_END, said) or len(re.findall(r"\blast(?:ly)?\b", said)) > 1 or \
            re.search(r"\b(?:not|don't|dont|never|no)\b", m.group("b")):
        return instruction
    return f"{m.group('a')}, {m.group('but')} first {m.group('b')}."


def _home_last(instruction: str) -> str:
    """``instruction`` (lower case) with going home said "last" (``_HOME_LAST_BEFORE`` / ``_AFTER``) spelt as a last
    step ("..., then go home."); as said otherwise."""
    said = instruction.lower().replace("’", "'")
    if re.search(HEDGE_END, said) or "?" in said:
        return instruction
    m = _HOME_LAST_BEFORE.match(said) or _HOME_LAST_AFTER.match(said)
    # (ranks said as ordinals, "go home last; first A, and second B", are phrasing's _ordinals: left to it)
    if m is None or re.search(r"\b(?:last|lastly|home|finally|second|secondly|third|thirdly|fourth|fourthly)\b",
                              m.group("rest")):
        return instruction
    return f"{m.group('rest').rstrip(' ,.;!')}, then go home."


def _unless_doubted(words: str) -> Callable[[re.Match[str]], str]:
    """A replacement that spells a tower idiom as ``words``, or leaves it where a negation, a modal or a subject
    stands right before it (``_TOWER_IDIOM_DOUBTED``)."""
    def spell(m: re.Match[str]) -> str:
        return m.group(0) if _TOWER_IDIOM_DOUBTED.search(m.string[:m.start()]) else m.expand(words)
    return spell


def _keep_as_put(text: str, instruction: str) -> str:
    """``text`` (phrasing's rewrite) with a whole-request "keep X on/in <place>" read as "put X ..." (``_KEEP_AS_PUT``),
    where ``instruction`` says it as a plain request: "keep" opens it once, with no hedge, modal, condition, negation
    or question (a closing ", okay?" is a tag on the request)."""
    said = instruction.lower().replace("’", "'").strip()
    said = re.sub(r",?\s*(?:okay|ok)\s*\?\s*$", "", said)
    m = _KEEP_AS_PUT.match(text.strip(" .!"))
    if m is None or len(re.findall(r"\bkeep", said)) != 1 or not _KEEP_OPENS.search(said) or \
            _KEEP_DOUBTED.search(said):
        return text
    return f"put {m.group(1)} {m.group(2)}"


# Colours listed with bare commas before ONE singular noun ("Put the red, blue cube in the bin.", REV s16-R5): one cube
# named by two colours, or two cubes? (as phrasing's "the red blue cube"); "the red, blue and green cubes" is plural
_LISTED_ONE_NOUN = re.compile(rf"\b(?:{_COLOUR_ALT})(?:\s*,\s*(?:{_COLOUR_ALT}))+\s+(?:cube|block|brick|one)\b(?!['s])")


# A tower said built at the head of a sentence ("Tower built: purple at the bottom, ...", REV s22 R8): a report, as
# towers refuses "Tower done: ..."; read here on the words as said (phrasing writes "built" as "build")
# (REV s22 R19: also with a mark or "as" between, "Tower, built: ...", "Tower (built): ...", "Tower as built: ...", "As
# built: ...", a result or a verdict, "Tower result: ...", "Tower OK: ...", and "Tower up: ..." ("Stack up:" asks))
_TOWER_BUILT = re.compile(r"(?:^|[.!?;]\s*)\W*(?:(?:the |a |my |our )?(?:tower|stack|pile)s?\s*(?:[,(—–-]\s*)*"
                          r"(?:as\s+)?(?:built|made|raised|erected|stacked|result|ok|okay)|"
                          r"(?:the |a |my |our )?towers?\s*(?:[,(—–-]\s*)*up|as built)\s*\)?\s*[:!.;,\-–—?]")
# Whether cubes fit somewhere together (A1 s20 low "Can all the cubes go in the bin at once?"): "can / could" + the
# cubes (a quantifier or more than one named) + "go / fit" + a place, then "at once / at the same time / together / in
# one go": a question of room, never the request "Can all the cubes go in the bin?" reads (phrasing drops "at once")
_FIT_TOGETHER = re.compile(r"^\W*(?:(?:please|so|ok|okay|and)\s*,?\s+)*(?:can|could)\s+(?:(?:all|every|each|both)\b|"
                           r"(?:the|those|these)\b[^.;!?]*?\b(?:cubes|blocks|bricks|ones)\b)[^.;!?]*?\b(?:go|fit|be)\s+"
                           r"(?:in|into|on|onto|to|inside)\b[^.;!?]*?\b(?:(?:all )?at once|"
                           r"at the same time|(?:all )?together|simultaneously|in one go|in one trip|in one batch)\b")


# A proposal asked ("Let's make a tower? Purple at the bottom, red on top. Ready?", REV s22 R15 residue; "Let's put the
# red cube in the bin?"): "let's / let us / shall we / should we" and a verb, the sentence closed by "?", asks whether
# to, as "Let us build a tower?" already refused; a tag keeps the proposal a request ("Let's put the orange cube on the
# pad, shall we?", seen phrasing-065; "..., okay?", f23-068, f27-022), and so does "can / could / would you" asked after
# it. No seen gold has the bare shape (grep of every seen and dev split).
_PROPOSAL = re.compile(r"(?:^|(?<=[.!?;]))\s*((?:(?:ok|okay|so|right|alright|now|well|and|hey|then|um|uh)\s*,?\s+)*"
                       r"(?:let's|lets|let us|shall we|should we)\s+(?!see\b)[a-z][^.!?;]*?)\s*\?")
_PROPOSAL_TAG = re.compile(r"(?:,\s*|\s+)(?:shall we|okay|ok|right|alright|all right|yeah|yes|eh|yep|sound good|"
                           r"good|agreed|deal)\s*$|\b(?:can|could|would|will)\s+(?:you|u|ya)\b")


def _proposal_asked(said: str) -> str | None:
    """The words of a proposal asked in ``said`` (lower case; ``_PROPOSAL``), or None."""
    for m in _PROPOSAL.finditer(said):
        if not _PROPOSAL_TAG.search(m.group(1)):
            return m.group(1)
    return None


# A quantifier's reach said again closing the request (expansion._SAID_AGAIN / _ALL_AGAIN: "both. yes both.", "No cube
# should be left out.", "every single one") with a "?" or a hedge right after it (A1 s21 H170 "Put every cube in the
# bin. All?"): asked or doubted; phrasing drops both before expansion reads the words, so it is refused here on the
# words as said; a "?" closing a request asked with "can / could / would / will you" is that request's own
_REACH_DOUBTED = re.compile(rf"[.!?,;]\s*(?:(?:yes|yeah|yep|i said|i mean)\s*,?\s*)?(?:both|all|every "
                            rf"(?:single |last )?one|each (?:and every )?one|the (?:whole )?lot|no exceptions?|"
                            rf"bar none|no (?:cube|block|brick|one) (?:should|must|is to|shall) be left (?:out|behind)|"
                            rf"leave none(?: out| behind)?|"
                            rf"(?:don't|do not) leave (?:any|a single one|one)(?: out| behind)?)(?: of them)?"
                            rf"(?:\s*,?\s*(?:yes|yeah|yep))?(?:,?\s*\b(?:{HEDGE_WORDS})\s*[.!]*|\s*\?[?!.]*)\s*$")
_ASKED_REQUEST = re.compile(r"^\W*(?:(?:please|so|ok|okay|hey|hi)\s*,?\s+)*(?:can|could|would|will) (?:you|u|ya)\b")


def _reach_doubted(said: str) -> str | None:
    """Why the reach said again closing ``said`` (lower case) is asked or hedged, or None."""
    m = _REACH_DOUBTED.search(said)
    if m is None or not re.search(r"\b(?:all|every|each|both)\b", said[:m.start()]) or \
            (_ASKED_REQUEST.match(said) and not re.search(rf"\b(?:{HEDGE_WORDS})\b", m.group(0))):
        return None
    return f"'{m.group(0).strip(' .,;!')}' asks or doubts how many cubes are meant: nothing is done"


def _parse(instruction: str, state: SceneState) -> ParseResult:
    unlabelled = step_unlabelled(instruction)
    told = instruction if unlabelled is None else unlabelled
    unread = telegraphic_unread(told)
    if unread is not None:
        return ParseResult((), Refusal(reason=unread))
    telegraphic = telegraphic_goal(told)
    respelt = telegraphic if telegraphic is not None else unlabelled
    if respelt is not None:  # ("Green. Pad." is "green to the pad", "Step 4: ..." is "...": every screen reads it so)
        screened = speech_act_error(respelt)
        if screened is not None:
            return ParseResult((), Refusal(reason=f"the instruction is not a plain request: '{screened[0]}' "
                                                  f"{screened[1]}; nothing is done"))
        instruction = respelt
    fit = _FIT_TOGETHER.search(instruction.lower().replace("’", "'"))
    if fit is not None:
        return ParseResult((), Refusal(reason=f"'{fit.group(0).strip()}' asks whether the cubes fit there together, "
                                              f"not for a move: nothing is done"))
    proposal = _proposal_asked(instruction.lower().replace("’", "'"))
    if proposal is not None:
        return ParseResult((), Refusal(reason=f"'{proposal}?' asks whether to do it, it does not ask for it: nothing "
                                              f"is done; say it as a request ('let's ...' or 'please ...')"))
    occasion = TOWER_PURPOSE.search(instruction.lower().replace("’", "'"))
    if occasion is not None and re.search(rf"\b(?:{HEDGE_WORDS})\W*$", instruction.lower().replace("’", "'")):
        # "For the repro I need a three-high stack: ... I think." (REV s22 R10): a hedge closing a tower said with its
        # occasion leaves unsaid whether it is asked
        return ParseResult((), Refusal(reason="a tower for an occasion, then a hedge: whether it is asked is unclear; "
                                              "say the tower alone"))
    if occasion is not None:  # (towers reads a tower's occasion: the words without it are screened as said, H175)
        screened = speech_act_error(TOWER_PURPOSE.sub(r"\1", instruction.lower().replace("’", "'")))
        if screened is not None:
            return ParseResult((), Refusal(reason=f"the instruction is not a plain request: '{screened[0]}' "
                                                  f"{screened[1]}; nothing is done"))
    closing = re.search(rf"[.!?]\s*(?:(?:done|yes|yay)\s*\?|(?:done|yes|yay|ready)\W*(?:{HEDGE_WORDS}))[?!.]*\s*$",
                        instruction.lower().replace("’", "'"))
    if closing is not None:  # (towers reads a closing "Done." / "Yes." / "Yay!" / "Ready?" only, REV s22 R15)
        return ParseResult((), Refusal(reason=f"'{closing.group(0).strip(' .!?')}' closing the words asks or guesses "
                                              f"whether something is done: say only what the robot should do"))
    built = _TOWER_BUILT.search(instruction.lower())
    if built is not None:
        return ParseResult((), Refusal(reason=f"'{built.group(0).strip(' .!?;')} ...' says a tower was built, it does "
                                              f"not ask for one: nothing is built; say 'build a tower with ...'"))
    doubted = _reach_doubted(instruction.lower().replace("’", "'"))
    if doubted is not None:
        return ParseResult((), Refusal(reason=doubted))
    unasked = unasked_reason(_ALL_MEANT.sub(r"\1 ", instruction.lower().replace("’", "'")))  # (without F-AGAIN's aside)
    if unasked is not None:  # a guess, a hedged step, a gapped pronoun, a passive's agent, a described tower
        return ParseResult((), Refusal(reason=unasked))
    listed = _LISTED_ONE_NOUN.search(instruction.lower())
    if listed is not None:
        return ParseResult((), Refusal(reason=f"'{listed.group(0)}' lists colours before one cube: say which cube, or "
                                              f"say each ('the red cube and the blue cube')"))
    # idioms, towers, quantifiers, wrappers (phrasing.py); a tower's levels and a repeated "first" read before it
    spoken = _before_then_first(_tower_idioms(_home_last(_last_but_first(_crowned(_ye_as_you(instruction))))))
    # a slot said again after "..." ("the one nearest to me... nearest to you, I should say", dev_s16 fi46-060): in its
    # place before the speaker's place is read, as phrasing would after it (mentions.repaired)
    spoken = repaired(spoken.lower().replace("’", "'")) or spoken
    lowered = spoken.lower().replace("’", "'")
    topic = _TOPIC_THEN_IT.match(lowered)
    if topic is not None and re.sub(r"^please\s+", "", topic.group("verb")) in _VERBS | {"bin", "stack"} and \
            not re.search(r"\bit\b", topic.group("rest")) and \
            not re.search(r"\b(?:cubes|blocks|bricks|ones|them|all|both|every|each|and|or)\b|,",
                          topic.group("topic")) and \
            (ref := parse_object(_tokens(topic.group("topic")))) is not None and ref.kind not in ("it", "them", "held"):
        lowered = spoken = f"{topic.group('verb')} {topic.group('topic')}{topic.group('rest')}{topic.group('tail')}"
    passed = _PASSED_OVER.search(lowered)
    # the keeping verbs (F-KEEP) after a quantifier's clause only with "but" ("Bin everything, but keep the blue
    # one."): there "save" between commas is the exception's preposition ("All cubes, save the red cube, shall be ...",
    # s14) and "... and save the red one" may rescue it (a near miss, s14)
    keeping = passed is not None and re.search(r"\b(?:keep|save|hang on to|hold on to|hold onto)\s+$",
                                               lowered[:passed.end(2) - len(passed.group(2))])
    set_apart = passed is not None and (not keeping or passed.group(1).strip() == "but")
    if passed and (_REST_NAMED.search(lowered) or (set_apart and re.search(
            r"\b(?:all|every|each|both|everything)\b", lowered[:passed.start()]))):
        spoken = _PASSED_OVER.sub(r"\1leave \2", lowered)  # ("skip the red one, bin the rest")
    if _TOWER_SAID.search(lowered) and (_UNDER_ALL.search(lowered) or _ABOVE_ALL.search(lowered)):
        towered = spoken.lower().replace("’", "'")  # ("the green underneath everything": the very bottom)
        spoken = _ABOVE_ALL.sub("at the very top", _UNDER_ALL.sub("at the very bottom", towered))
    for early, spelt in ((_BIN_FIRST, r"put \1 in the bin\2"), (_BARE_RELATIVE, r"\1the \2 \3 is "),
                         (_ROBOTS_SIDE, r"your \1"), (_SPEAKERS_NEAREST, r"\1\2 the robot"),
                         (_SPEAKERS_WAY, r"\1\2 the robot"), (_DEMONSTRATIVE_RELATIVE, r"the \1"),
                         (_TOP_OF_PILE, r"the top \1"), (_OFF_THE_TOP, r"\1 the top \2"), (_DIRECTION_IN_ORDER, r"\1"),
                         (_ONLY_VERB, r"\1just "), (_DO_IT_AFTER, r", but only \1"),
                         (_ABOUT_AMOUNT, r"\1"), (_STANDING_ALONE, r"\1on its own"),
                         (_TAKE_AND_KEEP, r"\1put \2"), (_CARRY_AND_PUT, r"take \1 and \2 it"), (_POLITE_FIRST, r"\1"),
                         (_UP_OVER, r"\1 \2"),
                         (_INSTEAD_PUSH, r"\1\2"), (_BUT_TOPIC_IT, r"\1\3\2 \4"), (_BUT_CAN_GO, r"\1put \2 \3"),
                         (_LEFT_WHERE, r"\1 where it is"), (_ALL_MEANT, r"\1 "),
                         (_ALL_EXCEPT_AGAIN, r"\1, except "), (_FOR_EACH, r"\3 every \1\2"),
                         (_ONE_NOT, r"the \1 that is not \2"), (_STRAIGHT_INTO, ""), (_LET_REST, _let_rest),
                         (_TOPIC_THAT, r"\1 it "), (_TOPIC_KEEP, _topic_kept), (_RELATIVE_RESTING, r"\1 \2 is "),
                         (_CUBES_BACK, r"\1"), (_TAKE_EACH, r"put \1 "),
                         (_QUANTIFIED_TOPIC, _quantified_topic), (_WISHED_QUANTIFIED, _wished_quantified),
                         (_OF_THOSE, r"\1the "), (_TAKE_ALL_TO, "move "),
                         (_BARE_ALL, r"\1all the cubes "),
                         (_BEFORE_THAT_FIRST, r"\1")):
        if early.search(spoken.lower().replace("’", "'")):  # (phrasing lower-cases the text anyway)
            spoken = early.sub(spelt, spoken.lower().replace("’", "'"))
    if _KEEP_AWAY.search(spoken.lower().replace("’", "'")):
        spoken = _KEEP_AWAY.sub(lambda m: _kept_away(m, state), spoken.lower().replace("’", "'"))
    rewritten = rewrite(spoken, state)
    if rewritten.refusal is not None:
        return ParseResult((), Refusal(reason=rewritten.refusal))
    idioms = rewritten.text
    for pattern, words in _SCOPE_IDIOMS:
        idioms = pattern.sub(words, idioms)
    idioms = _keep_as_put(idioms, instruction)
    if _JUST_PUSH.search(instruction.lower()):
        idioms = _PUSH_AGAIN.sub(r"\g<push>", idioms)
    if not re.search(HEDGE_END, instruction.lower()) and "?" not in instruction:
        idioms = _INSTEAD_ONE.sub(r"\1\2\3", idioms)
        # a learner's "first only you put X ..." (dev_s14 fi41-065): "only" after "first" stresses it, as "first of
        # all"; never where a "?" or a hedge may make it a question or a guess (phrasing has dropped them here)
        idioms = _FIRST_ONLY.sub(r"\1first ", idioms)
    rewritten = dataclasses.replace(rewritten, text=idioms)
    only = _ONLY.search(rewritten.text)
    if only is not None and not only.group(3) and not re.match(rf"\s*(?:{_DISLOCATED_VERBS})\b", only.group(0)):
        only = None  # "Only the yellow one can go onto the pad.": a rule, no request (left unread)
    if only is not None:  # "Only the yellow one should go onto the pad." (dev_s13 fi38-030): checked on the plan below
        rewritten = dataclasses.replace(rewritten, text=rewritten.text[:only.start(1)] + rewritten.text[only.end(1):])
    kept = _STACK_KEPT.search(rewritten.text)
    if kept is not None:  # "The red cube is sitting on the blue cube, do not disturb that arrangement." (fi37-038)
        upper, lower = (_scene_colour(kept.group(k), state) for k in (2, 3))
        if upper is None or lower is None or not state.with_position_stacks().rests_on(upper, lower):
            return ParseResult((), Refusal(reason=f"the words say the {kept.group(2)} cube is on the {kept.group(3)} "
                                                  f"one, and the scene does not show it: nothing is done"))
        rewritten = dataclasses.replace(rewritten, text=f"{rewritten.text[:kept.start()]}{kept.group(1)}do not touch "
                                                        f"the {kept.group(2)} cube or the {kept.group(3)} cube"
                                                        f"{rewritten.text[kept.end():]}")
    fronted = _fronted_objects(rewritten.text, state)
    if fronted is not None and fronted.startswith("!"):
        return ParseResult((), Refusal(reason=fronted[1:]))
    if fronted is not None and re.search(HEDGE_END, instruction.lower()):
        # "..., then the blue cube you put on the pad, I think." (A1 s13 b111): said with a hedge, it may report
        return ParseResult((), Refusal(reason="a cube said before its verb, then a hedge or a question: a request, or "
                                              "a report of what was done? say what the robot should do"))
    if fronted is not None:
        rewritten = dataclasses.replace(rewritten, text=fronted)
    either = _NEGATED_SOME.search(rewritten.text)
    if either is not None:  # "Don't move either block; put the green cube in the bin." (REV s11 R3)
        return ParseResult((), Refusal(reason=f"'{either.group(1)}' under a negation: which cubes are spared is "
                                              f"unclear; name them"))
    between = _FINALLY_BETWEEN.search(rewritten.text)
    if between is not None:
        return ParseResult((), Refusal(reason=f"'{between.group(0)}': both cubes in turn, or the second instead of the "
                                              f"first? say 'put X and then Y ...' or name only the one"))
    family = _colour_family(rewritten.text, state)
    if not isinstance(family, str):
        return ParseResult((), family)
    rewritten = dataclasses.replace(rewritten, text=family)
    way_banned = _negated_push_way(rewritten.text, instruction, state)
    if isinstance(way_banned, str):
        return ParseResult((), Refusal(reason=way_banned))
    if way_banned is not None:  # "Don't push the yellow cube left. Push it right." (dev_s16 fi46-042)
        rewritten = dataclasses.replace(rewritten, text=way_banned[0])
    structure = read_structure(_tokens(rewritten.text), _VERBS)
    if isinstance(structure, str):
        return ParseResult((), Refusal(reason=structure))
    others = next((o for o in map(others_negation, structure.negatives) if o is not None), None)
    banned = read_negatives([n for n in structure.negatives if others_negation(n) is None], state)
    late = named_after_others(_tokens(rewritten.text), state) if others is not None else []
    if late:
        return ParseResult((), Refusal(reason=f"'the other cubes' / 'anything else' is said before the "
                                              f"{late[0].replace('_', ' ')} is named, and a later clause names it: "
                                              f"whether it may be touched is unclear"))
    if others is not None and others.endswith("1") and any(t in ("other", "another") for g in structure.groups
                                                            for t in g):
        # "put red in the bin, then put the other one on the pad, don't touch the other one": two "other"s
        return ParseResult((), Refusal(reason="'the other one' is said in a request and in a negation: which cube "
                                              "each names is unclear"))
    if isinstance(banned, Clarification):
        return ParseResult((), banned)
    if isinstance(banned, str):
        return ParseResult((), Refusal(reason=banned))
    clauses = _apposition([c for group in structure.groups for c in split_clauses(list(group))])
    if not clauses:
        if structure.negatives:
            return ParseResult((), Refusal(reason="the instruction only says what not to do: there is nothing "
                                                  "to plan"))
        return ParseResult((), Refusal(reason="the instruction is empty"))
    # With a negation or a reordering, an unread clause is refused here: the model must not guess around it.
    # A translated instruction (French, German) never goes to the model: its negations are not English words.
    marked = bool(structure.negatives) or structure.reordered or rewritten.language != "en"
    fixture = next((w for w in (fixture_object(c, state) for c in clauses) if w is not None), None)
    if fixture is not None:  # a reasoned refusal: no backend may plan around it (the checker asks the parser)
        return ParseResult((), Refusal(reason=fixture))
    toward = _TOWARD_PLACE.search(rewritten.text)
    if toward is not None:
        return ParseResult((), Refusal(reason=f"'{toward.group(0)}' moves a cube part of the way, which no skill does: "
                                              f"say 'put it in/on the ...' to place it there, or 'push it left/right' "
                                              f"for a short slide"))
    same_at = next((k for k, c in enumerate(clauses) if c and c[0] == "SAME"), None)
    if same_at is not None and sum(t in _DEST_PREPS or t in lx.PUSH_VERBS for c in clauses[:same_at] for t in c) > 1:
        # "put red in the bin and green on the pad, do the same with blue" (A1 session 7, F20): which one is repeated?
        return ParseResult((), Refusal(reason="'do the same' after more than one request: which one it repeats is "
                                              "unclear"))
    lead = next((w for w in map(_unread_lead, clauses) if w is not None), None)
    if lead is not None:  # a reasoned refusal: no backend may plan around words that may negate the verb
        return ParseResult((), Refusal(reason=f"the words before '{lead[1]}' ('{lead[0]}') may forbid, question, "
                                              f"report or take back the action: nothing is done"))
    per_clause: list[list[Action]] = []
    previous: Action | None = None
    for k, clause in enumerate(clauses):
        condition = _condition(clause)
        if condition is not None:  # "if red on blue, green in bin": the plan cannot check a condition
            return ParseResult((), Refusal(reason=f"'{' '.join(clause)}' states a condition ('{condition}'), which no "
                                                  f"plan checks: nothing is done"))
        readings = parse_clause(clause, previous)
        said = [t for t in clause if t not in FILLERS and t not in ("again", ".", "!")]
        back = next((a for a in readings if a.verb == "push" and a.direction == "backward" and said[-1:] == ["back"]
                     and previous is not None and previous.verb in ("push", "place") and previous.obj is not None
                     and a.obj is not None and (a.obj.kind in ("it", "moved") or a.obj.color == previous.obj.color)),
                    None)
        # "push the red cube left, then push it back" (A1 s10 H19; "... the same cube back", "... it back a bit": its
        # near misses); "push red back" alone is backward
        if back is not None:
            return ParseResult((), Refusal(reason=f"'{' '.join(clause).replace('justmoved', 'the same cube')}' after "
                                                  f"moving that cube: back where it was, or "
                                                  f"toward the robot? say the direction (left, right, forward, "
                                                  f"backward)"))
        raised = None if readings else _raised_destination(clause, clauses[k + 1] if k + 1 < len(clauses) else None,
                                                           instruction.lower())
        if isinstance(raised, str) and not _split_at_and(clause, previous) and not _coordinated(clause):
            return ParseResult((), Refusal(reason=raised))
        split = None if readings else _split_at_and(clause, previous)
        joined = split or (None if readings else _coordinated(clause))
        twice = None if split else _named_twice(joined or [])
        if twice is not None:  # "push red and red left", "put red and the red cube in the bin" (P3 s14)
            return ParseResult((), Refusal(reason=f"'{' '.join(clause)}' names the {twice} cube twice: say each cube "
                                                  f"once"))
        pieces = [readings] if readings else joined or (raised if isinstance(raised, list) else None)
        if not pieces and k == len(clauses) - 1 and _stacked_again(clause, per_clause, rewritten.text):
            continue  # "put purple on top of yellow, just stack em" (s11 dev fi30-011): the stacking said again
        if not pieces:
            impossible = _impossible_clause(clause)
            if impossible is not None:  # a reasoned refusal: no model may plan around it
                return ParseResult((), Refusal(reason=impossible))
            unread_home = _home_unread(clause)
            if unread_home:  # "put it back, go home": never left to a model that would go home alone (ADV 5)
                return ParseResult((), Refusal(reason=f"could not understand '{' '.join(unread_home)}' beside "
                                                      f"'go home' in '{' '.join(clause)}': nothing is done"))
            if any(parse_clause(c, None) == [Action("home")] for c in clauses if c is not clause):
                # ... also where "go home" is a clause of its own ("put red on the pad. put it back, go home")
                return ParseResult((), Refusal(reason=f"could not understand '{' '.join(clause)}' beside 'go home': "
                                                      f"nothing is done"))
            if _statement(clause):  # "red is on blue": where a cube is, not a request
                return ParseResult((), Refusal(reason=f"'{' '.join(clause)}' says where a cube is, not what to do: "
                                                      f"say 'put ...' to move it"))
            # A clause with no action verb after a request already read ("Put the red cube in the bin. Wait.",
            # "... The gripper is damaged.") may warn or take the request back: refused here, never left to the
            # model, which would plan the request it can read and pass over the rest.
            after_request = bool(per_clause) and (not set(clause) & _ACTION_WORDS or
                                                  tuple(clause[:2]) in (("hold", "on"), ("hang", "on")))
            return ParseResult((), Refusal(reason=f"could not understand '{' '.join(clause)}': no known action "
                                                  f"over the objects ({', '.join(state.names)}) and regions "
                                                  f"({', '.join(state.regions)})"
                                                  + ("; after a request it may be a warning or a change of "
                                                     "mind, so nothing is done" if after_request else "")),
                               unread=not marked and not after_request and not _SCOPING.search(rewritten.text))
        per_clause.extend(pieces)
        previous = pieces[-1][0]
    # the negation said first: "it" after it names the one object it names ("don't put red on blue, put it on green":
    # red; "don't move the blue cube; put the red cube on it": blue, A1 s10 H23; "leave blue alone and put red on it":
    # blue, so the request contradicts the negation and is refused)
    named_by_negation = {obj for obj, _ in banned.forbidden_facts} | banned.forbidden_objects | banned.unmoved_objects
    on_cube = [(obj, sup) for obj, sup in banned.forbidden_facts if state.has(sup)]
    if len(named_by_negation) == 1 and on_cube and re.search(r"\b(?:on|onto|atop|ontop|on top of) (?:of )?it\b",
                                                             rewritten.text):
        # "Don't put the red cube on the blue cube; put the green cube on it." (REV s11 R6): the negation names two
        # cubes and "it" is a place: the one moved there, or the one it was not to go on? Asked, never guessed.
        obj, sup = on_cube[0]
        return ParseResult((), Clarification(reason=f"which cube does 'it' name: the {obj.replace('_', ' ')} or the "
                                                    f"{sup.replace('_', ' ')}?", candidates=(obj, sup)))
    antecedent = next(iter(named_by_negation)) if len(named_by_negation) == 1 and re.match(
        r"(?:please\s+)?(?:don'?t|do not|dont|never|leave)\b", rewritten.text) else None
    valid: list[Plan] = []
    requests: list[Request] = []
    first: tuple[Plan, Request] | None = None
    first_error: str | None = None
    ambiguity: UngroundedError | None = None
    for combo in itertools.islice(itertools.product(*per_clause), 64):
        try:
            realised = _realise(combo, state, banned.forbidden_objects | banned.unmoved_objects, antecedent)
        except UngroundedError as exc:
            first_error = first_error or str(exc)
            if ambiguity is None and len(exc.candidates) > 1:
                ambiguity = exc
            continue
        for plan, marks in realised:
            request = _with_others(Request(milestones=marks, forbidden_objects=banned.forbidden_objects,
                                           unmoved_objects=banned.unmoved_objects,
                                           forbidden_facts=banned.forbidden_facts,
                                           forbidden_skills=banned.forbidden_skills), others, state)
            first = first or (plan, request)
            if not plan.steps:
                continue
            if check_request(state, plan, request) is None and plan not in valid:
                valid.append(plan)
                requests.append(request)
    if not valid and _independent(per_clause):
        # "put red on blue and blue on green" where only the reverse order can run: "and" states no order, so
        # a feasible order of the same goals is planned (its request lists the goals in that order); where the
        # words state the order ("then", "first", a new sentence) it is kept, and the refusal says so
        found = _feasible_order(per_clause, state, banned, others)
        if found and _unordered(instruction, rewritten.text, structure.reordered):
            valid, requests = [p for p, _ in found], [r for _, r in found]
        elif found and first is not None and first[0].steps and check_plan(state, first[0]) is not None:
            why = check_plan(state, first[0])
            return ParseResult((), Refusal(reason=f"the steps cannot run in the order the words state "
                                                  f"({why.reason if why else ''}); another order of the same goals "
                                                  f"can: say them joined by 'and', or in that order"))
    moved_twice = next((n for n in (_moved_twice(p) for p in valid) if n is not None), None)
    if moved_twice is not None and _unordered(instruction, rewritten.text, structure.reordered):
        # "put the green cube in the bin and put the green cube on the pad" (f15-006): "and" states no order, so both
        # places are goals at once; only one can hold at the end
        return ParseResult((), Refusal(reason=f"the {moved_twice.replace('_', ' ')} is sent to two places joined by "
                                              f"'and': it cannot end up in both; say 'then' if one comes after the "
                                              f"other"))
    if valid and only is not None and any(len(_moved_objects(p)) != 1 for p in valid):
        return ParseResult((), Refusal(reason=f"'only {only.group(2)}': the request moves another "
                                              f"cube too, or none: contradictory"))
    if only is not None:  # "Only the blue one should be on the pad." with red on the pad (REV s13 R3)
        sharing = next((w for w in (_shares_its_place(state, p) for p in valid) if w is not None), None)
        if sharing is not None:
            return ParseResult((), Refusal(reason=f"'only {only.group(2)}': the {sharing} would be there too; say "
                                                  f"what to do with it"))
    if way_banned is not None and valid:
        allowed = [k for k, p in enumerate(valid) if not any(
            step.skill == "push" and (step.args.get("object"), step.args.get("direction")) in way_banned[1]
            for step in p.steps)]
        if not allowed:
            obj, way = next(iter(way_banned[1]))
            return ParseResult((), Refusal(reason=f"the plan pushes the {obj.replace('_', ' ')} {way}, which the words "
                                                  f"forbid"))
        valid, requests = [valid[k] for k in allowed], [requests[k] for k in allowed]
    if valid:
        return ParseResult(tuple(valid[:MAX_CANDIDATES]), None, raw=valid[0],
                           requests=tuple(requests[:MAX_CANDIDATES]))
    if first is not None:
        plan, request = first
        checked = check_request(state, plan, request)
        if checked is not None:
            return ParseResult((), checked, raw=plan if plan.steps else None)
        if not plan.steps and first_error is None and only is not None:  # "only X should go ..." with X there
            return ParseResult((), Refusal(reason=f"'only {only.group(2)}': it is there already, so nothing moves: "
                                                  f"say what should change"))
        if not plan.steps and first_error is None:  # every reading is already satisfied in this scene
            return ParseResult((plan,), None, raw=plan, requests=(request,))
        if plan.steps:
            return ParseResult((), Refusal(reason="no reading of the instruction gives a plan"), raw=plan)
    if ambiguity is not None and first is None:  # no reading grounds: ask which object is meant, never guess
        return ParseResult((), _clarify(ambiguity))
    return ParseResult((), Refusal(reason=first_error or "no reading of the instruction gives a plan"))
