"""Towers and quantifiers, spelled out as the clauses they mean (phrasing.py calls these before parsing).

"red at the bottom, then green, then blue" and "from top to bottom: blue, green, red" both become "put the
green cube on the red cube, then put the blue cube on the green cube"; "every cube except the green one in
the bin" and "... and the rest in the bin" become one clause per object, in the scene's object order. Where
the words are recognised but cannot be read completely (order words that disagree, an exclusion naming
nothing in the scene, "all three cubes") the result carries the refusal reason instead: a half-read
quantifier would move what the words leave out.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from policies.planner import lexicon as lx
from policies.planner.mentions import Context, UngroundedError, ground, parse_object
from policies.planner.request import NEGATION_MARKERS, marked_words
from policies.planner.scene_state import SceneState

# An object phrase as typed ("the red cube", "the green one", "blocks"); also used by phrasing.py's idioms.
NP = r"(?:the |a |an )?(?:[a-z]+ )?(?:cube|block|brick|one|object|thing)s?"
# "putting the red cube in the bin" reads as "put the red cube in the bin".
GERUNDS = {"putting": "put", "placing": "place", "moving": "move", "stacking": "stack", "picking": "pick",
            "pushing": "push", "setting": "set", "dropping": "drop", "grabbing": "grab"}

_COLOURS_ALT_EARLY = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
# ------------------------------------------------------------------------------------------- towers
# Words that start a clause of their own: after a tower's first colour, they mean the tower is not alone.
_CLAUSE_WORDS = lx.MOTION_VERBS | {"home", "go", "return"}
# "red as the top cube", "the blue one in between" (fresh split indep5-008): a role said with "as" or "between".
_ROLE_BOTTOM = r"(?:at|on|in) the (?:very )?(?:bottom|base|floor)|lowest|at the base|first|" \
               r"as the (?:very )?(?:bottom|base|lowest|foundation)(?: cube| block| one)?|" \
               r"(?:forms|makes) the (?:base|bottom|foundation)"  # "the blue cube forms the base" (f22-011)
_ROLE_TOP = r"(?:at|on|in) (?:the )?(?:very |tippy )?top(?! of)|on top of (?:it|that|them)|highest|last|" \
            r"as the (?:very )?(?:top|highest)(?: cube| block| one)?|" \
            r"(?:at|on) the (?:very )?(?:peak|apex|summit|crown)|" \
            r"crowns (?:the (?:top|tower|stack|pile)|it)|crowning (?:the (?:top|tower|stack|pile|arrangement)|it)"
# A role word before its colour: "bottom orange, then purple, top red", "base: orange".
# ("tower blue on the bottom green in the middle red on top", s11 dev fi30-012: a role after "the" closes the phrase of
# the cube before it, never opens the next one)
# the article alone does not close it: "The bottom: green, the middle: blue, the top: red" (REV s11 R2) says each
# role before its cube; only the prepositional role ("on/at/in the bottom") belongs to the cube said before it
_ROLE_BEFORE = {"bottom": r"(?<!(?:on|at|in) the )(?<!(?:on|at|in) the very )\b(?:bottom|base|first)\s*[:=-]?\s*$",
                "top": r"(?<!(?:on|at|in) the )(?<!(?:on|at|in) the very )\b(?:top|last)\s*[:=-]?\s*$",
                "middle": r"(?:^|[:;,.]\s*|\b(?:and|then|with)\s+)the middle\s*[:=-]?\s*$"}
_ROLE_MIDDLE = r"in the middle|in middle|in between|between (?:them|those|those two|the two)|next"


@dataclass(frozen=True)
class Rewrite:
    """The instruction in the parser's English, or the reason it is refused (``refusal`` set, ``text`` kept)."""

    text: str
    refusal: str | None = None
    changed: bool = False
    language: str = "en"  # the instruction's language ("fr", "de": translated by translation.py)


def _coloured(word: str, state: SceneState) -> tuple[str, list[str]] | None:
    """(colour, names of the scene's objects of that colour) for a colour word: the scene's own colour where it has
    objects of exactly that colour ("cyan" names a cyan cube, never the blue one its synonym would: A1 s10 H13), else
    the lexicon's colour; None for a word that is no colour."""
    colour = lx.COLOR_WORDS.get(word)
    if colour is None:
        return None
    literal = [o.name for o in state.objects if o.color == word]
    if literal:
        return word, literal
    return colour, [o.name for o in state.objects if o.color == colour]


def _colour_mentions(text: str, state: SceneState) -> list[tuple[int, str]]:
    """(position, object name) of each colour word in ``text`` that names an object of the scene."""
    out = []
    for m in re.finditer(r"[a-z]+", text):
        found = _coloured(m.group(0), state)
        if found is None:
            continue
        colour, names = found
        out.append((m.start(), names[0] if len(names) == 1 else f"?{colour}"))
    return out


# A cube of a tower said with a word before its noun ("the big cube"): read only where the word is a colour or an
# order or role word of the description.
_UNREAD_TOWER_CUBE = re.compile(r"\b(?:the|a|an|that|this)\s+(?!(?:top|bottom|base|middle|next|last|first|second|"
                                r"third|fourth|other|same|little|small|single|whole|very|highest|lowest|upper|lower|topmost|"
                                r"bottommost|uppermost|lowermost|middlemost|"
                                r"final|remaining|one|two|three|four|five)\b)([a-z]+)\s+(?:cube|block|brick|one)s?\b")


# One cube of a tower stated as a chain: "the red cube", "red", "the red one".
_PART = rf"(?:the )?(?:{'|'.join(sorted(lx.COLOR_WORDS))})(?: (?:cube|block|brick|one))?"


# A closing tower that sums up the clauses before it, and a cube kept out of the tower.
_TOWER_SUMMARY = re.compile(r"\s*[,;.]\s*(?:(?:so|basically|i\.e\.?|that is|in other words|to|and)\s+)*(?:make|build|"
                            r"making|building|form|forming) (?:a |one )?(?:little |small |nice |neat )?"
                            r"(?:tower|stack|pile)(?: (?:out of|with|from|using|of) (?:those|these|them|the|all)"
                            r"(?: (?:two|three|four|five|cubes|blocks|ones))*)?\s*$")
_LEFT_OUT_OF_TOWER = re.compile(r"\s*[,;.]\s*(?:(?:and|but|just|please)\s+)*(?:leave|keep)\s+"
                                r"((?:the )?[a-z]+(?: (?:one|cube|block))?) out"
                                r"(?: of (?:it|this|that|the tower|the stack))?\s*$")


# How a tower's chain says one cube stands on the next: "is on top of", "rests on", "sits on", "stands on".
_RESTS_ON = r"(?:(?:is|sits|rests|stands|lies|is sitting|is resting|is standing)\s+)?(?:on top of|on|upon)"


# A sentence after a tower saying its base stays where it is ("The orange cube stays where it is and serves as the
# base", which phrasing writes "leave the orange cube alone and serves as the base"; "green remains stationary as the
# base"): only with a base word, and only at the end.
_STAYS_CUBE = rf"(?:the )?((?:{'|'.join(sorted(lx.COLOR_WORDS, key=len, reverse=True))}) (?:cube|block|one|brick))"
_BASE_STAYS = re.compile(rf"\s*[,;.]\s*(?:and\s+)?(?:leave {_STAYS_CUBE} alone|{_STAYS_CUBE} (?:stays|remains|"
                         r"will stay|should stay|is staying)(?: (?:stationary|put|where it is|in place|unmoved))?)"
                         r",?\s*(?:and\s+)?(?:serves|acts|stays|remains|is)?\s*as the (?:base|bottom|foundation)"
                         r"\s*[.!]?\s*$")


# "..., then go home" closing a tower: spelled out after it.
_HOME_END = re.compile(r",?\s*(?:and\s+)?(?:then\s+)?(?:go|return|head|send the arm|send it)\s+(?:back\s+)?(?:to\s+)?"
                       r"(?:your\s+|the\s+)?home(?:\s+(?:pose|position))?(?:\s+please)?\s*$")


_TOWER_CUBE = rf"(?:the )?(?:{'|'.join(sorted(lx.COLOR_WORDS, key=len, reverse=True))})(?: (?:one|cube|block|brick))?"


def _learner_tower_list(text: str) -> str:
    """A tower's levels listed in a learner's order words (f26-013: "First the blue down, after the yellow, after the
    red on top"): "first X (down)" opening the list is "X at the bottom", an "after" / "then do the same with" between
    two listed cubes is "then". Only verbless levels, one cube each; anything else is left as it is."""
    text = re.sub(rf"(?<=,)\s*(?:and\s+)?(?:after|then do the same with)\s+"
                  rf"(?={_TOWER_CUBE}\s*(?:,|on top\b|at the top\b|$|and (?:(?:on|in|at) )?(?:the )?top\b))", " then ",
                  text)  # (also "..., after the blue and in the top the red", dev_s14 fi41-017)
    return re.sub(rf"(^|[.:;]\s*)first,?\s+({_TOWER_CUBE})(?:\s+(?:down|at the bottom|on the bottom|at the base))?"
                  rf"(?=\s*,\s*(?:and\s+)?then\s+{_TOWER_CUBE})", r"\1\2 at the bottom", text)


# A stack the request says is there already, then what to do with it: "blue's already sitting on the orange cube, so
# just finish the tower off with the purple one on top" (fi34-014). The premise is checked against the scene (a stack
# that is not there refuses) and then carries nothing for the plan; "finish the tower (off) with X on top" is "put X on
# top", the top of the stack as it stands.
_ONE_COLOUR = rf"(?:the )?({_COLOURS_ALT_EARLY})(?: (?:cube|block|one|brick))?"
_ALREADY_ON = re.compile(rf"^{_ONE_COLOUR}(?:'s| is) already (?:sitting |resting |standing |stacked )?(?:on top of|on|"
                         rf"atop) {_ONE_COLOUR}\s*,?\s*(?:and )?so,?\s+(?P<rest>.+)$")
_FINISH_ON_TOP = re.compile(rf"\b(?:(?:just|please|now)\s+)*(?:finish|complete|top) (?:off )?the (?:tower|stack|pile)"
                            rf"(?: off)? (?:with|by putting|by placing|by adding) ((?:the )?(?:{_COLOURS_ALT_EARLY})"
                            rf"(?: (?:cube|block|one|brick))?) "
                            r"(on top|at the top|up top|ontop the topmost (?:cube|block|one))\s*[.!]?\s*$")


def _premise_and_finish(text: str, state: SceneState) -> Rewrite | None:
    """The request after a stack said to be there already, that stack checked; "finish the tower with X on top" as
    "put X on top"; None where neither is said."""
    premise = _ALREADY_ON.match(text)
    if premise is not None:
        upper, lower = (_coloured(premise.group(k), state) for k in (1, 2))
        stacked = state.with_position_stacks()
        if upper is None or lower is None or len(upper[1]) != 1 or len(lower[1]) != 1 or \
                not stacked.rests_on(upper[1][0], lower[1][0]):
            return Rewrite(text, f"the words say the {premise.group(1)} cube is already on the {premise.group(2)} one, "
                                 f"and the scene does not show it: nothing is done")
        text = premise.group("rest")
    finish = _FINISH_ON_TOP.match(text)  # (from the start: "so don't finish the tower ..." is no request)
    if finish is not None:
        return Rewrite(f"put {finish.group(1)} {finish.group(2)}", changed=True)
    return Rewrite(text, changed=True) if premise is not None else None


def expand_tower(text: str, state: SceneState) -> Rewrite | None:
    """A tower described bottom to top or top to bottom -> "put B on A, then put C on B"; None if no tower."""
    finished = _premise_and_finish(text, state)
    if finished is None or finished.refusal is not None:
        return finished or _expand_tower(text, state)
    return _expand_tower(finished.text, state) or finished


def _expand_tower(text: str, state: SceneState) -> Rewrite | None:
    # "from up to down: red, blue, yellow" (f19-011), "bottom-up", "from down to up": the two directions' other words
    # (also "From the top downwards: ...", fi39-011; "from the bottom upwards")
    text = re.sub(r"\bfrom (?:the )?(?:very )?top (?:downwards?|going down|down to the bottom)\b", "from top to bottom",
                  text)
    text = re.sub(r"\bfrom (?:the )?(?:very )?bottom (?:upwards?|going up|up to the top)\b", "from bottom to top", text)
    text = re.sub(r"\b(?:from )?(?:up|above) to (?:down|below)\b|\btop[- ]down\b|\btop-to-bottom\b",
                  "from top to bottom", text)
    text = re.sub(r"\b(?:from )?(?:down|below) to (?:up|above)\b|\bbottom[- ]up\b|\bbottom-to-top\b",
                  "from bottom to top", text)
    # "a tower, top last: orange, purple, yellow" lists the base first (A1 s8 F7: it was built upside down); read
    # before a colon only, from a closed list; "reading down" lists the top first
    text = re.sub(r"\b(?:(?:top|peak) last|(?:bottom|base) first)\s*:", "from bottom to top:", text)
    text = re.sub(r"\b(?:(?:bottom|base) last|(?:top|peak) first)\s*:", "from top to bottom:", text)
    # "Top-down it should go red, green, blue, with orange at the base." (dev_s14 fi40-033): the order the tower goes in
    text = re.sub(r"\b(from (?:top to bottom|bottom to top))\s*,?\s*(?:it|the (?:tower|stack|order)) (?:(?:should|must|"
                  r"shall|will|is to|has to|needs to) )?(?:go|goes|be|run|runs|read|reads)\s*:?(?=\s+(?:the )?"
                  rf"(?:{_COLOURS_ALT_EARLY})\b)", r"\1:", text)
    text = re.sub(r"\breading (?:it )?(?:down|downwards?)\b", "from top to bottom", text)
    text = re.sub(r"\breading (?:it )?(?:up|upwards?)\b", "from bottom to top", text)
    if re.search(r"\b(?:tower|stack|pile)\b", text):
        text = _learner_tower_list(text)
    text = _bottom_of_place(text)
    # "When you're done, the green cube should be at the bottom of a three-high stack, ..." (r21 dev f21-023): phrasing
    # writes the opener as "then"; with nothing before it, it orders nothing
    text = re.sub(r"^then\s+(?=(?:the |a )?(?:[a-z]+ )?(?:cube|block|one|tower|stack|pile)\b|(?:{})\b)".format(
        "|".join(sorted(lx.COLOR_WORDS))), "", text)
    summary = _TOWER_SUMMARY.search(text)
    if summary is not None and re.search(r"\bon\b", text[:summary.start()]) and \
            not marked_words(text[:summary.start()], NEGATION_MARKERS) and \
            not re.search(r"\b(?:tower|stack|pile|bottom|top|base)\b", text[:summary.start()]):
        # "red on blue and blue on green, basically make a little tower out of those three" (f15-000): the tower
        # names what the clauses before it build; they are read as they are
        return Rewrite(text[:summary.start()], changed=True)
    left_out = _LEFT_OUT_OF_TOWER.search(text)
    kept_out: set[str] = set()  # cubes the words keep out of the tower: never the one a count fills in (REV s14 R3)
    if left_out is not None:
        # "stack em up from the bottom: blue, then yellow, then red. leave green out of it" (f15-011): a cube kept out
        # of the tower is one it does not name; one it names makes the words contradict each other
        kept = _colour_names(left_out.group(1), state)
        named = {n for _, n in _colour_mentions(text[:left_out.start()], state)}
        if isinstance(kept, str) or set(kept) & named:
            return Rewrite(text, f"'{left_out.group(0).strip(' ,.;')}' beside a tower that names it: contradictory"
                           if not isinstance(kept, str) else kept)
        text = text[:left_out.start()]
        kept_out = set(kept)
    base_stays = _BASE_STAYS.search(text)
    if base_stays is not None:
        # "... The orange cube stays where it is and serves as the base." (s11 dev fi31-012): the base is never moved
        # by its tower; kept as "don't move it", so a tower read with another base is refused by the request check
        text = text[:base_stays.start()]
    said = text
    stated = re.fullmatch(rf"(?:(?:make|build|create|erect|construct|assemble|put up) )?(?:a |me a |one )?(?:little |"
                          rf"small )?(?:stack|tower|pile)(?: please)?\s*[:,.!-]?\s*"
                          rf"({_PART} on (?:top of )?{_PART}(?: on (?:top of )?{_PART})+)\s*", text)
    if stated:  # "make a stack: the red cube on the blue cube on the green cube" names the cubes top to bottom
        text = "a tower from top to bottom: " + ", ".join(re.split(r" on (?:top of )?", stated.group(1)))
    tower_words = re.search(r"\b(?:tower|bottom to top|top to bottom|from (?:the )?(?:bottom|top)|"
                            r"(?:^|(?<=[.;,]\s))the (?:very )?(?:bottom|base)(?=\s*:)|"  # "The bottom: orange, ..."
                            r"at the (?:very )?bottom|on the bottom|in the middle|highest|lowest|start with|"
                            r"finish with|end with|"
                            r"(?:at|on) the (?:very )?base|in between|between (?:them|those|those two|the two)|"
                            r"as the (?:very )?(?:base|bottom|top)|at the very top|(?:a|one) (?:little |small )?"
                            r"(?:stack|pile)|(?:stack|pile) (?:them|em|these|those|the (?:cubes|blocks))(?: up)?"
                            r"(?=\s*:))\b",
                            text)
    chain = re.fullmatch(rf"(?:.*?\b(?:where|so that|with|in which|such that)\s+)?({NP}) {_RESTS_ON} ({NP}),? which "
                         rf"(?:in turn |itself |then )?{_RESTS_ON} ({NP})\s*[.!]?\s*", text)
    if (not tower_words and not chain) or re.search(r"\btower by\b", text):
        return None  # "build a tower by putting A on B": plain clauses, the parser reads them
    many = re.search(r"\b(?:(?:two|three|four|2|3|4|several|multiple|separate|both|many)\s+(?:\w+\s+)?)?"
                     r"(?:towers|stacks|piles)\b", text)
    if many is not None:  # "Build two towers with green at the bottom and red on top." (A1 s14 H62): one was built
        return Rewrite(text, f"'{many.group(0)}': the words describe one tower's order, and which cubes go in which "
                             f"tower is unclear")
    conflict = _direction_conflict(text)
    if conflict is not None:
        return Rewrite(text, conflict)
    # Only a tower, perhaps then "go home": a negation, an order word or another clause beside it would be
    # dropped by spelling the tower out, so such an instruction is refused ("don't build a tower: ...").
    home = _HOME_END.search(text)
    body = text[:home.start()] if home else text
    if home and re.search(r"\b(?:first|before|beforehand|earlier|initially)\W*$", body):
        # "..., but first go home": the home step goes first; spelled out after the tower it would run last
        return Rewrite(text, "the tower is described beside 'first', which spelling it out would drop: say the tower "
                             "alone, or as 'put X on Y, then ...'")
    of_place = _OF_PLACE.search(body)
    if of_place is not None:
        return Rewrite(text, f"the tower names a place with '{of_place.group(0)}', which the planner does not read as "
                             f"where it stands: say 'a tower on the pad with X at the bottom, ...'")
    marks = marked_words(body, (*NEGATION_MARKERS, "before", "after", "once", "while", "until", "when"))
    if marks:
        return Rewrite(text, f"the tower is described beside '{marks[0]}', which spelling it out would drop: "
                             f"say the tower alone, or as 'put X on Y, then ...'")
    mentions = _colour_mentions(body, state)
    vague = next((m for m in _UNREAD_TOWER_CUBE.finditer(body) if _coloured(m.group(1), state) is None), None)
    if vague is not None:
        # "orange on the bottom then the read cube then green on top" (a dictated "red", s11 final fi33-015): a cube
        # said with a word that is no colour would be left out of the tower, which then is not the one asked for
        return Rewrite(text, f"the tower names '{vague.group(0)}', which is no cube of the scene the planner can "
                             f"tell: say its colour")
    late_start = re.search(r"\b(?:start|starting|begin|beginning) with\b", body[mentions[0][0]:]) if mentions else None
    if late_start is not None:
        # "Put the orange cube on the red one. Start with the yellow one." (built yellow, red, orange): a start said
        # after the cubes may order the steps or name the base; which is unclear
        return Rewrite(text, f"'{late_start.group(0)}' after the tower's cubes: whether it names the base or the "
                             f"first step is unclear")
    ends_said = False  # the roles name both the bottom and the top
    # A clause before the tower's first cube ("go home, then build a tower with ...") would be dropped by spelling the
    # tower out: only one verb that makes the tower may stand there.
    # ("build a stack: ..." names the tower with the noun "stack", no second verb)
    lead = re.findall(r"[a-z]+", re.sub(r"\b(?:a|an|the|one|that|this|little|small)\s+(?:stack|pile)\b", " tower",
                                        body[:mentions[0][0]] if mentions else body))
    if any(w in _BEFORE_TOWER for w in lead) or "first" in lead[1:] or sum(w in _CLAUSE_WORDS for w in lead) > 1:
        return Rewrite(text, "the tower is described beside another clause: say the tower alone, or as "
                             "'put X on Y, then ...'")
    # "start with purple, put the blue cube on it, and finish with green on top": a stacking clause inside the
    # description is allowed if the tower read from the role words makes it (checked below); no other clause.
    # ("put the blue one on the bottom": a role, no stacking clause, f29-013)
    stacking = r"\b(?:put|place|stack|set)\s+(?:the\s+)?([a-z]+)(?:\s+(?:cube|block|one))?\s+(?:on top of|onto|on)\s+" \
               r"(?!(?:the\s+)?(?:very\s+)?(?:bottom|top|base|middle|floor|peak|summit)\b)" \
               r"(it|(?:the\s+)?[a-z]+(?:\s+(?:cube|block|one))?)"
    stacks = list(re.finditer(stacking, body))
    rest = re.sub(stacking, " ", body)
    # ("... at the bottom of a three-high stack": the noun, not the verb)
    rest = re.sub(r"\b(?:a|an|the|one|this|that)\s+(?:[a-z0-9]+(?:-[a-z]+)?\s+)?(?:stack|pile)\b",
                  lambda m: " " * len(m.group(0)), rest)
    if mentions and any(w in _CLAUSE_WORDS for w in re.findall(r"[a-z]+", rest[mentions[0][0]:])):
        return Rewrite(text, "the tower is described beside another clause: say the tower alone, or as "
                             "'put X on Y, then ...'")
    if any(name.startswith("?") for _, name in mentions):
        missing = next(name[1:] for _, name in mentions if name.startswith("?"))
        return Rewrite(text, f"the tower names a {missing} cube, and there is no single {missing} object in the "
                             f"scene (objects: {', '.join(state.names)})")
    names = [n for _, n in mentions]
    if len(set(names)) != len(names) and stacks:
        # "orange goes at the very bottom, put the blue cube on the orange, and the yellow one ends up highest"
        # (fi35-014): the cube a stacking clause puts another on is named again there; its level is the one said
        # elsewhere, and the clause is checked against the tower below
        unstacked = [(at, n) for at, n in mentions if not any(st.start(2) <= at < st.end(2) for st in stacks)]
        if {n for _, n in unstacked} == set(names) and len({n for _, n in unstacked}) == len(unstacked):
            mentions, names = unstacked, [n for _, n in unstacked]
    if len(set(names)) != len(names):
        # "a tower out of yellow, red and blue, with yellow on the bottom, ...": the cubes listed, then placed;
        # the placing part (after the last "with" or ":") names each cube once and is the one read.
        cut = [m.end() for m in re.finditer(r"\bwith\b|:", text)]
        later = [(p, n) for p, n in mentions if cut and p >= cut[-1]]
        if len({n for _, n in later}) == len(later) == len(set(names)) and not re.search(
                rf"\b(?:{_ROLE_TOP}|{_ROLE_BOTTOM}|{_ROLE_MIDDLE})\b", text[:cut[-1]]):
            # (no role said in the listing: "red at the top, starting with red, ..." is two orders, A1 s9 G22)
            mentions, names = later, [n for _, n in later]
    listed = _listed_then_roles(text, mentions) if len(set(names)) != len(names) else None
    if isinstance(listed, str):
        return Rewrite(text, listed)
    if listed is not None:  # "a tower of red, blue and green, red is the base and green is the top"
        bottom_up = listed
    elif len(names) < 2 or len(set(names)) != len(names):
        return Rewrite(text, "the tower must name two or more different cubes, each once; cannot tell what goes "
                             "where")
    elif chain or re.search(r"\b(?:from )?top to bottom\b|\bfrom (?:the )?top\b", text) or \
            re.search(r"\b(?:from )?bottom to top\b|\bfrom (?:the )?bottom\b", text):
        top_first = bool(chain or re.search(r"\b(?:from )?top to bottom\b|\bfrom (?:the )?top\b", text))
        bottom_up = list(reversed(names)) if top_first else names
        unmarked = _DIRECTION.sub(lambda d: " " * len(d.group(0)), text)
        roles_said = [None] * len(names) if chain else _tower_roles(unmarked, mentions)
        # a role beside the direction must name the place the direction gives ("from the top, starting with red at
        # the bottom" put red on top, A1 s9 G22)
        if isinstance(roles_said, str) or any(
                (r == "bottom" and n != bottom_up[0]) or (r == "top" and n != bottom_up[-1])
                for r, n in zip(roles_said, names, strict=True)):
            return Rewrite(text, "the tower's direction and its order words disagree: cannot tell which cube goes "
                                 "where")
    elif re.search(r"\b(?:start|starting|beginning|commencing|begin)\b[^,;:]*?\b(?:top|peak|summit|highest|crown|"
                   r"uppermost|topmost)\b", text):
        # "starting at the top with red, then blue" (A1 s9 G22): "starting" is read as the base below; here it is not
        return Rewrite(text, "the tower starts from its top and lists what follows: say 'from top to bottom: X, Y, Z'")
    else:
        roles_or_why = _tower_roles(text, mentions)
        if isinstance(roles_or_why, str):
            return Rewrite(text, roles_or_why)
        roles = roles_or_why
        unnamed = [o.name for o in state.objects if o.name not in names and o.name not in kept_out]
        if all(roles) and len(unnamed) == 1 and len(set(roles)) == len(roles) and \
                (("top" in roles) != ("bottom" in roles)) and _every_cube_said(text, state):
            # "one tower out of all three cubes, with blue at the bottom and yellow in the middle": the cube the
            # roles leave out takes the one place they leave (fresh split f12-014)
            gap = "bottom" if "top" in roles else "top"
            names, roles = [*names, unnamed[0]], [*roles, gap]
        ends_said = roles.count("bottom") == roles.count("top") == 1
        if all(roles) and roles.count("bottom") == roles.count("top") == 1 and roles.count("middle") <= 1 and \
                len(roles) == 2 + roles.count("middle"):
            # every cube has its place named ("orange at the top, blue at the bottom, green in between"): by place
            bottom_up = [n for place in ("bottom", "middle", "top") for n, r in zip(names, roles, strict=True)
                         if r == place]
            roles = ["bottom", *(["middle"] * roles.count("middle")), "top"]
            names = bottom_up
        elif len(roles) > 2 and sum(r is not None for r in roles) == 1 and (roles[0] or roles[-1]) and \
                _unordered_list(text, [p for (p, _), r in zip(mentions, roles, strict=True) if r is None]):
            # "a tower of red, blue and green, yellow is at the bottom": one end's cube is said, and the others are
            # listed with "and", which orders nothing (the bottom-to-top or top-to-bottom reading was a guess)
            return Rewrite(text, "the tower names one end, and the cubes listed with 'and' have no order: say which "
                                 "goes where ('X at the bottom, then Y, then Z')")
        elif roles[0] == "bottom" or roles[-1] == "top":
            bottom_up = names
        elif roles[0] == "top" or roles[-1] == "bottom":
            bottom_up = list(reversed(names))
        elif not any(roles) and all(re.search(r"\b(?:then|next|after that|followed by)\b", text[a:b]) for (a, _), (b, _)
                                    in itertools.pairwise(mentions)) and re.search(r"\b(?:tower|stack|pile)\b", text):
            # "build a tower: red first, then blue, then green": a tower is built from its base, so the order of
            # building is bottom to top
            bottom_up = names
        elif not any(roles):
            if any(re.search(pattern, text[pos:]) for pos, _ in mentions for pattern in _ROLE_IS.values()):
                return Rewrite(text, "the tower's roles ('X is the base') do not match the cubes it lists: cannot "
                                     "tell what goes where")
            return None  # "build a tower by putting A on B": plain clauses, the parser reads them
        else:
            return Rewrite(text, "the tower does not say which cube goes at the bottom: say 'X at the bottom, "
                                 "then Y' or 'from top to bottom: X, Y'")
        if roles.count("bottom") > 1 or roles.count("top") > 1 or roles.count("middle") > 1 or (
                "bottom" in roles and "top" in roles and roles.index("bottom") not in (0, len(roles) - 1)):
            return Rewrite(text, "the tower's order words disagree: cannot tell which cube goes where")
        unplaced = _ROLE_UNGIVEN.search(text)
        after = [pos for pos, _ in mentions if unplaced is not None and pos >= unplaced.end()]
        if unplaced is not None and (unplaced.group(1) or len(after) < 2):
            # "Put red on the bottom, the middle of the tower is green, the top is the middle." (A1 s12 b95): a role
            # said to be another role, or a middle with no cube said above it, is a place the tower leaves unread
            return Rewrite(text, f"'{unplaced.group(0).strip()}': a place in the tower that no cube is given: cannot "
                                 f"tell what goes where")
        ranked = {"bottom": 0, "middle": 1, "top": 2}
        seq = [ranked[r] for r in (roles if bottom_up == names else list(reversed(roles))) if r is not None]
        # each role word must name the place its cube gets: the bottom first, the top last, a middle in between
        # ("orange at the very top, blue at the very bottom, green in between" was built upside down)
        placed = list(zip(roles if bottom_up == names else list(reversed(roles)), range(len(names)), strict=True))
        misplaced = any((r == "bottom" and k != 0) or (r == "top" and k != len(names) - 1) or
                        (r == "middle" and k in (0, len(names) - 1)) for r, k in placed)
        if seq != sorted(seq) or misplaced:
            return Rewrite(text, "the tower's order words disagree: cannot tell which cube goes where")
    tail_count = _TAIL_COUNT.search(body)
    if tail_count is not None:  # "... then red at the top. All four." (f23-011); "All three." naming four (A1 s9 G13)
        body = body[:tail_count.start()] + f" using {tail_count.group(1)} cubes"
    stated_count = _TOWER_COUNT.search(body)
    if stated_count is not None:
        # "a three-cube tower with green at the base and red at the top" (P1, session 8: built two cubes high): the
        # count holds; the one cube the words leave out goes in the one place they leave open, else refused
        # (its own name: ``said`` is the whole description, whose every word is checked below; A1 s9 G5)
        number = next(w for w in stated_count.groups() if w)
        count = _NUMBERS.get(number) or int(number)
        unnamed = [o.name for o in state.objects if o.name not in bottom_up and o.name not in kept_out]
        if count == 3 and len(bottom_up) == 2 and len(unnamed) == 1 and ends_said:
            bottom_up = [bottom_up[0], unnamed[0], bottom_up[1]]
        elif count != len(bottom_up):
            return Rewrite(text, f"the tower is said to have {number} cubes and its words place {len(bottom_up)}: "
                                 f"cannot tell what goes where")
    elif _every_cube_said(said, state) or _ALL_OF_THEM.search(said):
        # "Stack every cube into one tower with the green one at the bottom and the red one on top" (REV s14 R4; also
        # "them all", "the three of them", "stack three into ..."): the tower takes every cube; the one cube the words
        # leave out goes in the one place they leave (both ends said, as "all three" above), else refused
        claimed = _ALL_OF_THEM.search(said)
        number = next((w for w in claimed.groups() if w), None) if claimed is not None else None
        if number is not None and (_NUMBERS.get(number) or int(number)) == len(bottom_up):
            pass  # "stack two into one tower with green at the bottom and red on top": the two it names
        elif number is not None and (_NUMBERS.get(number) or int(number)) != len(state.objects):
            return Rewrite(text, f"the tower is said to take {number} cubes and the scene has {len(state.objects)}: "
                                 f"which ones is unclear")
        unnamed = [] if number is not None and (_NUMBERS.get(number) or int(number)) == len(bottom_up) else \
            [o.name for o in state.objects if o.name not in bottom_up]
        if unnamed and (kept_out or not ends_said or len(bottom_up) != 2 or len(unnamed) != 1):
            return Rewrite(text, f"the tower is said to take every cube and its words place {len(bottom_up)} of the "
                                 f"{len(state.objects)}: cannot tell what goes where")
        if unnamed:
            bottom_up = [bottom_up[0], unnamed[0], bottom_up[1]]
    relative = _relative_level_error(text, mentions, bottom_up)
    if relative is not None:
        return Rewrite(text, relative)
    pairs = set(itertools.pairwise(bottom_up))
    for stack in stacks:  # each stacking clause of the description must be one of the tower's own stacks
        upper = _colour_mentions(stack.group(1), state)
        lower = _colour_mentions(stack.group(2), state)
        if stack.group(2) == "it":  # the colour named just before this clause
            lower = [m for m in _colour_mentions(body[:stack.start()], state)][-1:]
        if len(upper) != 1 or len(lower) != 1 or (lower[0][1], upper[0][1]) not in pairs:
            return Rewrite(text, f"'{stack.group(0)}' does not agree with the tower's order words")
    clauses = [f"put the {upper.replace('_', ' ')} on the {lower.replace('_', ' ')}"
               for lower, upper in itertools.pairwise(bottom_up)]
    # Where the tower stands ("a tower of red, blue and green on the pad, ..."): its base goes there first, never
    # dropped (ADV 9)
    remark = _REMARK.match(said)
    # (the words after the remark's own noun: "Nice stack: red on top, ..." asks for nothing, A1 s17 H117)
    after_remark = re.sub(r"^\s+(?:little |small |tall |new )?(?:tower|stack|pile)\b", "", said[remark.end():]) \
        if remark is not None else said
    if remark is not None and not re.search(rf"\b{_MAKING}\b|\b(?:want|need|like|love|please|should|must|would)\b",
                                            after_remark):
        # "Nice tower with red at the bottom and green on top!" (A1 s9 G5b): praise of a tower, not a request
        return Rewrite(text, f"'{remark.group(0).strip()} tower ...' remarks on a tower, it does not ask for one: "
                             f"nothing is built; say 'build a tower with ...'")
    shown = _SHOWN_TOWER.search(said)
    if shown is not None and not re.search(rf"\b{_MAKING}\b|\b(?:want|need|like|love|please|should|must|would)\b",
                                           said[shown.end():]):
        # "Look at the tower! Red at the bottom, ...", "Your stack: red on top, ..." (A1 s17 H117, s18 H133): a tower
        # shown or someone's, then described, is no request
        return Rewrite(text, f"'{shown.group(0).strip()} ...' shows a tower, it does not ask for one: nothing is "
                             f"built; say 'build a tower with ...'")
    speaker = _SPEAKER_BUILDS.search(said)
    if speaker is not None:  # "I built / I'll build / let me build a tower ..." (A1 s9 G5): not asked of the robot
        return Rewrite(text, f"'{speaker.group(0).strip()}' says what someone else does or did, not what the robot "
                             f"should do: nothing is built")
    superlative = _SUPERLATIVE.search(said)
    if superlative is not None:
        if sorted(bottom_up) != sorted(state.names) or state.holding is not None:
            return Rewrite(text, f"'{superlative.group(0)}' would take every cube, and the words place "
                                 f"{len(bottom_up)} of the {len(state.names)}: which is meant is unclear")
        said = said[:superlative.start()] + " tower " + said[superlative.end():]
    unread = sorted(set(re.findall(r"[a-z]+", _TOWER_KIND.sub(r"\1", _ALONE_ADDRESS.sub(r"\1", said)))) -
                    _TOWER_VOCABULARY - set(lx.COLOR_WORDS))
    # ... and no sign or label beside it: struck out, ticked, commented or quoted ("~~...~~", "- [x]", "//", "#",
    # ">"), or addressed to an arm ("Left arm: ...") refuse any other request (A1 s10 H11)
    marks = re.findall(r"[^a-z0-9\s,.;:!?'\"()\-–—]", re.sub(r"\bw/", "with ", said)) + re.findall(
        r"\((?:x|\s)?\)|\[(?:x|\s)?\]|^\s*-\s|\b(?:left|right|other|second|first|\d)\s+arm\b|\barm\s*(?:\d|:)|^\s*arm\b",
        said) + (["("] if said.count("(") != said.count(")") else [])
    if marks:
        return Rewrite(text, f"the tower is described beside {marks[0].strip()!r}, which the planner does not read: "
                             f"nothing is built; say the tower alone")
    if unread:
        # every word of a tower's description is one it reads: words before or after it may report, doubt or date it
        # ("my colleague built a tower with red at the bottom and blue on top", "... blue on top yesterday")
        return Rewrite(text, f"the tower is described with words the planner does not read "
                             f"({', '.join(repr(w) for w in unread[:4])}): nothing is built; say the tower alone, "
                             f"e.g. 'a tower with X at the bottom, Y in the middle and Z on top'")
    places = {region for region, pattern in _TOWER_PLACES.items() if pattern.search(body)}
    if len(places) > 1:
        return Rewrite(text, f"the tower is given more than one place ({', '.join(sorted(places))}): cannot tell "
                             f"where it stands")
    if places:
        region = places.pop()
        if region == "bin" or region not in state.regions:
            return Rewrite(text, f"a tower {_REGION_SAID.get(region, 'in the ' + region)} cannot be built: the "
                                 f"{'bin holds loose objects' if region == 'bin' else 'scene has no such region'}")
        clauses.insert(0, f"put the {bottom_up[0].replace('_', ' ')} {_REGION_SAID[region]}")
    kept = f". don't move the {base_stays.group(1) or base_stays.group(2)}" if base_stays is not None else ""
    return Rewrite(", then ".join(clauses) + (", then go home" if home else "") + kept, changed=True)


# A role said before its cube, opening a part of the description: "on top the red, at the bottom the green", "at the
# bottom: green" (ADV, session 6: read with the role after the cube, it built the tower upside down).
_ROLE_FRONT = {role: re.compile(rf"(?:^|[:;,]\s*|\b(?:and|then|with)\s+)({words})\s*[:=-]?\s*(?:the )?$")
               for role, words in (("bottom", r"(?:at|on|in) the (?:very )?(?:bottom|base|floor)"),
                                   ("top", r"(?:at|on|in) (?:the )?(?:very )?top(?: of)?"),
                                   ("middle", r"in the middle|in between"))}


# A role said before its cube with "is": "the middle is blue", "the bottom of the tower is red"; also "the middle one
# is", "the middle cube should be", "the middle's", "middle: blue", "the one in the middle is", "in the middle goes"
# (REV s14 R5: each put the cube on top when the place was said twice)
_IS_BEFORE = r"(?:'s|\s+(?:is|should be|must be|will be|shall be|has to be|needs to be|goes|gets|comes|sits)|\s*[:=])"
_ROLE_IS_BEFORE = {role: re.compile(rf"(?:^|[:;,]\s*|\b(?:and|then|with|where|so that|such that|but|while)\s+)"
                                    rf"(?:(?:the (?:very )?)?(?:{words})"
                                    rf"(?: (?:one|cube|block|brick|level|spot|place|position))?(?: of the (?:tower|"
                                    rf"stack|pile))?|the (?:one|cube|block|brick) {said}|{said}){_IS_BEFORE}\s*"
                                    rf"(?:the )?$")
                   for role, words, said in (
                       ("bottom", "bottom|base|floor|foundation|bottommost|lowest",
                        r"(?:at|on|in) the (?:very )?(?:bottom|base)"),
                       # ("the top one", "the one on top" reach here as "the topmost one", REV s14 R12)
                       ("top", "top|peak|summit|topmost|uppermost|highest", r"(?:at|on|in) (?:the )?(?:very )?top"),
                       ("middle", "middle|centre|center", r"in the middle|in between"))}


_DIRECTION = re.compile(r"\b(?:from )?(?:the )?(?:top to (?:the )?bottom|bottom to (?:the )?top)\b|"
                        r"\bfrom (?:the )?(?:top|bottom)\b")


def _direction_conflict(text: str) -> str | None:
    """Why a tower's direction words cannot be read as one order, else None (A1 s8 F7): the same tower said both
    ways ("top-down: A, B, C; bottom-up: C, B, A" was built upside down), a top-down listing beside building-order
    words ("red first, then blue, then green, top-down"), or "last" / "first" against the "then" order beside it
    ("red last, then blue, then green")."""
    directions = _DIRECTION.findall(text)
    if len(directions) > 1:
        return "the tower's direction is said more than once: say it once ('from bottom to top: X, Y, Z')"
    if directions and re.search(r"top to|from (?:the )?top$", directions[0]) and \
            re.search(r"\b(?:first|firstly|last|lastly|finally|start with|finish with|end with)\b", text):
        return "the tower is listed from the top and with building-order words: cannot tell which cube goes where"
    if re.search(r"\b(?:last|lastly|finally)\b[^.;]*\b(?:then|next|followed by|after that)\b", text) or \
            re.search(r"\b(?:then|next|followed by|after that)\b[^.;]*\b(?:first|firstly)\b", text):
        return "the tower's order words disagree ('last' before 'then'): cannot tell which cube goes where"
    return None


def _tower_roles(text: str, mentions: list[tuple[int, str]]) -> list[str | None] | str:
    """Each mention's role in the tower (bottom, middle, top or None), read from the words after it up to the next
    mention, or from a role said right before it; a reason where the two disagree, or where a cube with no role is
    joined by "and" to one with a role ("red at the bottom and blue, green on top": is blue at the bottom too?)."""
    front: list[tuple[str, int] | None] = []
    said_is = 0
    for pos, _ in mentions:
        said = [(role, m.start(1)) for role, pattern in _ROLE_FRONT.items()
                if (m := pattern.search(text[max(0, pos - 40):pos])) is not None]
        front.append((said[0][0], max(0, pos - 40) + said[0][1]) if said else None)
    roles: list[str | None] = []
    for k, (pos, _) in enumerate(mentions):
        end = mentions[k + 1][0] if k + 1 < len(mentions) else len(text)
        following = front[k + 1] if k + 1 < len(mentions) else None
        if following is not None:
            end = following[1]  # the next cube's own role is not this one's
        before = text[max(0, pos - 16):pos]
        after = text[pos:end]
        terse = re.match(r"[a-z]+(?: (?:cube|block|brick|one))?\s*[:=-]?\s*(top|bottom|middle|base)\b(?!\s+of)", after)
        if terse is not None:  # "red bottom, blue top, green middle" (A1 session 7, F14): each role counted
            role: str | None = {"base": "bottom"}.get(terse.group(1), terse.group(1))
        elif (started := re.search(r"\bstart with\b", before) or re.search(
                r"\b(?:starting|beginning|commencing) with (?:the )?$", text[max(0, pos - 24):pos])) and \
                re.search(rf"\b(?:{_ROLE_TOP}|{_ROLE_MIDDLE})\b", after):
            # "starting with red at the top" (A1 s9 G22: built with red at the bottom): which end it starts from is
            # said two ways
            return f"'{started.group(0).strip()}' and '{after.strip(' ,')}': the tower's order words disagree"
        elif re.search(rf"\b(?:{_ROLE_BOTTOM})\b", after) or started or re.search(_ROLE_BEFORE["bottom"], before):
            role = "bottom"
        elif re.search(rf"\b(?:{_ROLE_TOP})\b", after) or re.search(r"\b(?:finish|end) with\b", before) or \
                re.search(_ROLE_BEFORE["top"], before):
            role = "top"
        elif re.search(rf"\b(?:{_ROLE_MIDDLE})\b", after) or re.search(_ROLE_BEFORE["middle"], before):
            role = "middle"
        else:
            # "red is the base, blue is in the middle and green is the top": read only where every cube's role is said
            # so (below); "a tower of red, blue and green, yellow is the base" names a fifth place, refused
            role = next((r for r, pattern in _ROLE_IS.items() if re.match(pattern, after)), None)
            said_is += role is not None
            if role is None:
                # "Red on the bottom, green in the middle, the middle is blue." (REV s13 R4: blue was put on top): a
                # role said before its cube with "is" is that cube's, so a place said twice is caught below
                role = next((r for r, pattern in _ROLE_IS_BEFORE.items() if pattern.search(text[max(0, pos - 40):pos])),
                            None)
        if front[k] is not None:
            if role is not None and role != front[k][0]:  # type: ignore[index]
                return "the tower's order words disagree: cannot tell which cube goes where"
            role = front[k][0]  # type: ignore[index]
        roles.append(role)
    if said_is and not all(roles):
        return "the tower's roles ('X is the base') do not match the cubes it lists: cannot tell what goes where"
    for k in range(len(mentions) - 1):
        # "the middle: green and blue" (A1 s12): a role said before its cube, and another joined by "and" with no role
        # of its own: do both take it, and in which order?
        joined = re.fullmatch(r"[a-z]+(?: (?:cube|block|brick|one))?\s+and\s+(?:the\s+)?",
                              text[mentions[k][0]:mentions[k + 1][0]])
        if joined and roles[k] is not None and roles[k + 1] is None and \
                any(re.search(pattern, text[max(0, mentions[k][0] - 16):mentions[k][0]])
                    for pattern in _ROLE_BEFORE.values()):
            return f"'{joined.group(0).strip()} ...' joins a cube with no place in the tower to one with a place: " \
                   f"whether they share it is unclear"
    for k in range(len(mentions) - 1):
        between = text[mentions[k][0]:mentions[k + 1][0]]
        bare = k if roles[k] is None else k + 1
        # a cube placed against its neighbour ("the blue on it", "the blue below it") or said as the next level
        # ("then the red") has a place of its own
        own = text[mentions[bare][0]:mentions[bare + 1][0] if bare + 1 < len(mentions) else len(text)]
        led = text[mentions[bare - 1][0] if bare else 0:mentions[bare][0]]
        placed = re.search(r"\b(?:on|onto|on top of|above|over|below|under|beneath|underneath)\s+"
                           r"(?:it|that|this|them)\b", own) or \
            re.search(r"\b(?:then|next|after that)\s+(?:the\s+)?$", led)
        # ... or the one place left: the top after "X in the middle and Y" (f14-003, "at the summit")
        roled = roles[k] if bare == k + 1 else roles[k + 1]
        last_left = (bare == len(mentions) - 1 and "top" not in roles) or (bare == 0 and "bottom" not in roles)
        if (roles[k] is None) != (roles[k + 1] is None) and re.search(r"\band\b", between) and not placed and \
                roled != "middle" and not last_left and not re.search(r"\b(?:then|next)\b|[;:,]", between):
            return (f"'{between.strip(' ,')}' joins a cube with no place in the tower to one with a place: whether "
                    f"they share it is unclear")
    return roles


def _unordered_list(text: str, positions: list[int]) -> bool:
    """Whether the cubes at ``positions`` (two or more) are listed with "and" and no word that orders them."""
    if len(positions) < 2:
        return False
    span = text[positions[0]:positions[-1]]
    return re.search(r"\band\b", span) is not None and re.search(
        r"\b(?:then|next|followed by|after that|above|below|under|beneath|over|on top|on it|upon it|onto it|"
        r"atop)\b", span) is None


def _relative_level_error(text: str, mentions: list[tuple[int, str]], bottom_up: list[str]) -> str | None:
    """Why a cube placed against the cube named before it ("the blue on it", "the blue below it") does not stand
    there in the tower read from the other words (P2, session 7: "the yellow on top, the blue on it, the red at the
    bottom" built blue under yellow), else None."""
    for k in range(1, len(mentions)):
        pos, name = mentions[k]
        end = mentions[k + 1][0] if k + 1 < len(mentions) else len(text)
        own = text[pos:end]
        step = 1 if re.search(r"\b(?:on|onto|on top of|above|over)\s+(?:it|that|this)\b", own) else \
            -1 if re.search(r"\b(?:below|under|beneath|underneath)\s+(?:it|that|this)\b", own) else 0
        before = mentions[k - 1][1]
        if step and name in bottom_up and before in bottom_up and \
                bottom_up.index(name) != bottom_up.index(before) + step:
            return (f"the {name.replace('_', ' ')} is said to be {'on' if step > 0 else 'below'} the "
                    f"{before.replace('_', ' ')}, which the tower's other words contradict")
    return None


def _every_cube_said(text: str, state: SceneState) -> bool:
    """Whether ``text`` says the tower uses every cube of the scene ("out of all three cubes", "with all the
    blocks", "using every cube"); a count that is not the scene's is no such saying."""
    said = re.search(r"\b(?:all (?:of )?(?:the |these |those )?(?:(two|three|four|five|six|[2-6]) )?(?:cubes|blocks|"
                     r"bricks)|every (?:cube|block|brick)|all of them|the (two|three|four|five|six|[2-6]) (?:cubes|"
                     r"blocks|bricks)|all (?:of )?(?:the )?(two|three|four|five|six|[2-6]))\b", text)
    if said is None:
        return False
    count = said.group(1) or said.group(2) or said.group(3)
    return count is None or (_NUMBERS.get(count) or int(count)) == len(state.objects)


# A count of the tower's cubes said with it: "a three-cube tower", "3-high", "of four", "using three cubes".
# ("stack all three into one tower with green at the bottom and red on top", s13 final fi39-013: built red on green)
_TOWER_COUNT = re.compile(r"\b(two|three|four|five|six|[2-6])(?:[- ](?:cube|block|high|level|stor(?:e)?y|stories|tier|"
                          r"layer|piece)s?\b|\s+(?:cubes|blocks)\b)|\bof (two|three|four|five|six|[2-6])\b|"
                          r"\ball (?:of )?(?:the )?(two|three|four|five|six|[2-6])\b")


# Every cube said with no noun of its own: "them all", "the three of them", "stack three into one tower" (REV s14 R4)
_ALL_OF_THEM = re.compile(r"\b(?:them all|all of them|each of them|every one of them|the (two|three|four|five|six|"
                          r"[2-6]) of them|(?:stack|use|take|pile|put) (?:up )?(two|three|four|five|six|[2-6])"
                          r"(?! (?:cubes|blocks|bricks|of)\b)(?=\s+(?:into|in|to|on|as|together)\b))")
# The count said as a sentence of its own after the tower: "All four.", "Just three of them."
_TAIL_COUNT = re.compile(r"[.!;]\s*(?:all|just|only|that's|that is)?\s*(two|three|four|five|six|[2-6])(?: (?:cubes|"
                         r"blocks|of them|in all|in total))?\s*[.!]?\s*$")
# How a tower's place is said, and how the base's placement there is written for the parser.
_PLACE_PREP = r"\b(?:in|into|inside|on|onto|at|to|over)\s+(?:the\s+)?"
_TOWER_PLACES = {region: re.compile(_PLACE_PREP + "(?:" + "|".join(r"\s+".join(p) for p in phrases) +
                                    (r"|" + region + r"(?!\s+of)" if region in ("left", "right") else "") + r")\b")
                 for region, phrases in lx.REGION_PHRASES.items()}
_REGION_SAID = {"bin": "in the bin", "pad": "on the pad", "left": "on the left side", "right": "on the right side"}
# "red at the bottom of the pad, blue in the middle, green on top" (A1 s11 H33: the place after the bottom role was
# never read, and the tower was built on the table): the place is the tower's, said as the base's placement
# (the pad and the bin only: "the bottom of the left side" may be its near edge, and is refused below)
_BOTTOM_OF_PLACE = re.compile(r"\b((?:at|on|in) the (?:very )?(?:bottom|base)) of (?:the\s+)?(" + "|".join(
    r"\s+".join(p) for r in ("pad", "bin") for p in sorted(lx.REGION_PHRASES[r], key=len, reverse=True)) + r")\b")


# a place said with "of" anywhere else in a tower ("green on top of the left side") is not read as where it stands
_OF_PLACE = re.compile(r"\bof (?:the\s+)?(?:" + "|".join(
    r"\s+".join(p) for ps in lx.REGION_PHRASES.values() for p in ps) + r")\b")


def _bottom_of_place(text: str) -> str:
    """ "X at the bottom of the pad" -> "X at the bottom on the pad" (the region then read as the tower's place)."""
    def said(m: re.Match[str]) -> str:
        phrase = tuple(m.group(2).split())
        region = next(r for r, ps in lx.REGION_PHRASES.items() if phrase in ps)
        return f"{m.group(1)} {_REGION_SAID[region]}"
    return _BOTTOM_OF_PLACE.sub(said, text)


# The words a tower's description may hold (with the colour words): making it, its cubes and levels, where it stands,
# "then go home", politeness and wishes. Any other word may report, doubt, date or qualify it, so the tower is refused.
_TOWER_VOCABULARY = frozenset(re.findall(r"[a-z]+", """
    a an the this that these those it its them one ones cube cubes block blocks brick bricks piece pieces object objects
    two three four five six high tall level levels storey storeys single
    tower towers stack stacks pile piles column
    make making build building create construct constructing erect assemble form forming arrange put place set stack
    realize realise
    stacking use using want need like love would could can you please kindly pls plz me us i d w we s let ll
    with of out from using in into inside on onto upon atop over above under below beneath underneath between
    to at as so such that where which whose turn itself then next after and finally lastly last first
    top bottom base middle very highest lowest uppermost topmost summit peak foundation centre center in between
    is are be being goes go should must will sits sit sitting rests rest resting stands stand standing lies lying
    ends end up winds finish start begin reads reading read down same do all
    pad mat left right side bin home arm send return head back your position pose now just little small nice
    neat simple new
    listed list order ordered final state result end goal target desired look like arrangement configuration sequence
    forms crowns commencing starting beginning directly squarely super tippy thx thanks thank ok okay k cheers
    column columns layer layers tier tiers going running crowning crowned crown capped topped cap capping
    every each both whole entire sandwiched squeezed placed peak apex story stories storied em
    big large way ordering floor
    """))
# An address or thanks standing alone between marks, as a speaker puts around any request ("Build us a stack, bro: ...
# Chur.", dev_s16 fi47-013; "Make a pile, son.", dev_s17 fi49-060): no word of the tower's, so not counted as unread;
# never where it fills a tower's slot ("..., bro in the middle, ...": unread, A1 s17 H118)
_ALONE_ADDRESS = re.compile(r"(^|[,.;:!?])\s*(?:mate|bro|pal|buddy|bud|dude|man|fam|boss|chief|love|dear|sir|robot|"
                            r"robo|bot|friend|lad|lass|son|chur|ta|cheers)\s*(?=[,.;:!?]|$)")
# What kind of tower it is, said right before the tower's noun ("Let's make a snowman tower!", dev_s18 fi53-013; "build
# a cute little tower", "a proper tall stack"): how it looks or how the speaker likes it, a closed class of praise, size
# and look words and of things a column of cubes is likened to; only there, so no word of it reads as a role or a cube
# (s18 family D3). Praise with no making verb stays a remark (_REMARK); "upside-down", "reverse", "fake", "mirrored"
# are no such words and stay unread.
_TOWER_LOOKS = (r"nice|great|cool|lovely|beautiful|good|awesome|neat|pretty|fine|wonderful|amazing|excellent|fantastic|"
                r"brilliant|cute|fun|proper|tidy|sturdy|solid|mighty|grand|fancy|epic|perfect|little|small|tall|big|"
                r"tiny|wee|mini|giant|huge|quick|simple|new|colou?rful|snowman|rainbow|totem|lighthouse|skyscraper|"
                r"castle")
# (only right after a making verb and its article: "Look at the snowman tower! ..." shows a tower, A1 s18 H134)
_TOWER_KIND = re.compile(rf"(\b(?:make|making|build|building|create|construct|erect|assemble|put up)\s+"
                         rf"(?:(?:me|us)\s+)?(?:a|an|one)\s+)(?:{_TOWER_LOOKS})(?:[\s-]+(?:{_TOWER_LOOKS}))*"
                         rf"(?=[\s-]+(?:tower|stack|pile)s?\b)")
# A tower looked at or owned ("Look at the tower!", "Check out that stack:", "Your stack:", A1 s17 H117 / s18 H133)
_SHOWN_TOWER = re.compile(r"\b(?:(?:look at|check out|behold)(?: (?:the|that|this|my|your|our|his|her|their))?|"
                          r"(?:your|my|our|his|her|their))(?: [a-z]+)? (?:tower|stack|pile)\b")
# a role said to be another role, or "the middle of the tower" said of a cube (read as no role)
_ROLE_UNGIVEN = re.compile(r"\bthe (?:top|bottom|base|middle)(?: of (?:the|it|the tower|the stack))? (?:is|'s|=|"
                           r"should be|will be) the (top|bottom|base|middle)\b|"
                           r"\bthe middle of the (?:tower|stack|pile)\b")
# "Make the tallest tower ever!!" (dev_s13 fi37-013): the tallest (highest, biggest) tower is one of every cube, read
# only where the words place every cube of the scene; "ever" only beside such a superlative
_SUPERLATIVE = re.compile(r"\b(?:the )?(?:tallest|highest|biggest|largest)(?: possible)? (?:tower|stack|pile)"
                          r"(?: (?:ever|possible|in the world))?\b")


# Someone other than the robot making the tower: a subject right before the making verb (the typo corrector makes
# "built" "build"), "let me", or a wish to do it oneself ("I want to build"); "can/could/would/will you build" asks.
_MAKING = r"(?:build|built|make|made|create|construct|erect|assemble|form|arrange|stack|pile|reali[sz]e|reali[sz]ed)"
_SPEAKER_BUILDS = re.compile(
    rf"(?:^|[^a-z'])(?<!can )(?<!could )(?<!would )(?<!will )(?:i|we|they|he|she|you|let me|let us)"
    rf"(?:'ll|'d|'m|'re|'ve)?\s+(?:(?:'ll|ll|will|'d|d|just|already|have|had|did|do|shall|also|then|'m|m|am|are|'re|"
    rf"re|going|gonna|to)\s+)*{_MAKING}\b|\b(?:want|need|like|love|going|have|got|try|trying)\s+to\s+{_MAKING}\b|"
    # "One could / We should / I must / The arm would build a tower ..." (A1 s15 H71): a subject other than "you" with
    # a modal says what someone may or should do, as before "put" (refused there too); "you should build" asks
    rf"(?:^|[^a-z'])(?<!can )(?<!could )(?<!would )(?<!will )(?:i|we|they|he|she|one|someone|somebody|it|the robot|"
    rf"the arm)\s+(?:should|must|can|could|might|may|would|ought to|needs? to|has to|have to)\s+(?:\w+\s+)?{_MAKING}\b|"
    # "..., I'll do it (quick).", "... I will.", "We'll do that." (A1 s13 H46): the speaker says they do it
    rf"(?:^|[^a-z'])(?:(?:i|we|they|he|she)(?:'ll|'d| will| shall| can| could| might| may| would| am going to| are "
    rf"going to| 'm going to)(?:\s+(?:do|stack|make|build|handle|sort|take care of)(?:\s+(?:it|that|this|them|one|the "
    rf"rest))?)?|(?:i|we|let me|let us|lemme)\s+(?:do|stack|make|build|handle|sort|take care of)(?:\s+(?:it|that|this|"
    rf"them|one|the rest))?)"
    rf"(?:\s+(?:myself|ourselves|quick|quickly|later|now|then|too))*\s*(?:[.!,;]|$)")
# A tower praised, not asked for: "Nice tower with ...", "What a lovely stack: ..."
_REMARK = re.compile(r"\s*(?:what an? |such an? |an? |the |that'?s an? |that is an? )?(?:really |very |so )?"
                     r"(?:nice|great|cool|lovely|beautiful|good|awesome|neat|impressive|pretty|fine|wonderful|amazing|excellent|"
                     r"fantastic|brilliant)(?=\s+(?:little |small |tall |new )?(?:tower|stack|pile)\b)")
# Words before a tower's first cube that start or order another clause ("go home, then build a tower with ...").
_BEFORE_TOWER = frozenset({"home", "then", "after", "before", "next", "finally", "once", "afterwards",
                           "push", "slide", "nudge"})
# A role stated with a verb after the cube's colour: "red is the base", "green goes on top", "blue is in the middle".
_IS = r"(?:is|goes|should be|must be|will be|sits|should go|must go|stays|being)"
_COLOUR_IS = rf"^[a-z]+(?: (?:cube|block|one))? {_IS}"
_ROLE_IS = {"bottom": rf"{_COLOUR_IS} (?:at |on |in )?(?:the )?(?:very )?(?:bottom|base|lowest|foundation)\b",
            "top": rf"{_COLOUR_IS} (?:at |on )?(?:the )?(?:very )?(?:top|highest)\b",
            "middle": rf"{_COLOUR_IS} (?:in the middle|in between|the middle)\b"}


def _listed_then_roles(text: str, mentions: list[tuple[int, str]]) -> list[str] | str | None:
    """Bottom-to-top names where a tower lists its cubes, then says each one's role ("a tower of red, blue and
    green, red is the base and green is the top": blue, the one left, goes between); a reason where the roles
    disagree or leave more than one cube's place open; None where the words are not of that shape."""
    names = [n for _, n in mentions]
    repeat = next((k for k in range(len(names)) if names[k] in names[:k]), None)
    if repeat is None or repeat < 2:
        return None
    listed, stated = names[:repeat], mentions[repeat:]
    if len(set(listed)) != len(listed) or len({n for _, n in stated}) != len(stated) or \
            any(n not in listed for _, n in stated):
        return None
    slots: dict[int, str] = {}
    last = len(listed) - 1
    for k, (pos, name) in enumerate(stated):
        end = stated[k + 1][0] if k + 1 < len(stated) else len(text)
        said = [role for role, pattern in _ROLE_IS.items() if re.search(pattern, text[pos:end])]
        if len(said) != 1 or (said[0] == "middle" and len(listed) != 3):
            return None
        slot = {"bottom": 0, "top": last, "middle": 1}[said[0]]
        if slot in slots:
            return "the tower's order words disagree: cannot tell which cube goes where"
        slots[slot] = name
    open_slots = [k for k in range(len(listed)) if k not in slots]
    unplaced = [n for n in listed if n not in slots.values()]
    if len(unplaced) > 1:
        return (f"the tower does not say where the {' and the '.join(n.replace('_', ' ') for n in unplaced)} go: "
                f"say which cube goes at the bottom, in the middle and on top")
    slots.update(zip(open_slots, unplaced, strict=True))
    return [slots[k] for k in range(len(listed))]


# -------------------------------------------------------------------------------------- quantifiers
_ALL = (r"(?:all(?: of)? (?:the )?(?:cubes|blocks|bricks|objects|things|items)|(?:each and )?every (?:single )?(?:cube|"
        r"block|brick|object|thing|item)|(?:each|every one|every single one|each one|each and every one) of "
        r"(?:the )?(?:cubes|blocks|bricks|objects)|(?:each|every one|every single one|each one|each and every one) "
        r"of them|"
        r"each (?:cube|block|brick|object)|both (?:of )?(?:the )?(?:cubes|blocks|bricks|"
        r"objects)|everything|the (?:cubes|blocks|bricks|objects)|all of them|them all|"
        # a bare "all" right before its exception ("Put all but the red one in the bin.", s17): every cube but it
        r"all(?= (?:but|except|save|bar|barring|apart from|aside from|other than|excluding) (?:the )?[a-z]+\b)|"
        r"(?:all (?:of )?)?(?:the |these |those )?(?:two|three|four|five|six|[2-6])(?: of the)? (?:cubes|blocks|bricks|"
        r"objects))")
_TABLE_CLEARED_AGAIN = re.compile(r"\s*[.;!]\s*(?:(?:and|so|just|now|please)\s+)*clear (?:it down|(?:the|this) "
                                  r"(?:whole |entire )?table(?: (?:down|off))?)(?: (?:please|now|for me))?\s*[.!]?\s*$")
# "all three cubes", "the 2 blocks": a count the scene must match (fresh split indep6-022)
_COUNT = re.compile(r"\s*(?:all (?:of )?)?(?:the |these |those )?(two|three|four|five|six|[2-6])(?: of the)? (?:cubes|"
                    r"blocks|bricks|objects)")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_EXCEPT = (r"(?:except(?: for)?|(?:only|just) not|but(?: not)?(?!\s+(?:don'?t|do not|dont|never|leave|keep|please)\b)|"
           r"apart from|aside from|other than|save(?: for| and except)?|excluding|besides|leaving out|bar|barring|"
           r"not counting|leave out|without|with the (?:sole |only |one |single )?exception of)")
_ONE_EXCLUDED = r"(?:the |a )?[a-z]+(?: (?:ones?|cubes?|blocks?|bricks?))?"
# "but not the purple and not the green", "except red nor blue": a joiner may repeat the exclusion's "not" (also after
# a comma: "except the red one, and not the blue one either")
# (after a bare comma, only a cube named by its colour: "All cubes, except the red cube, to the left side." closes the
# exception at its comma, P3 s14)
_EXCLUDED = rf"({_ONE_EXCLUDED}(?:(?:(?: and| or| nor)(?: not)?|,? and not|, nor) {_ONE_EXCLUDED}|,(?: not)? " \
            rf"(?:the |a )?(?:{_COLOURS_ALT_EARLY})\b(?: (?:ones?|cubes?|blocks?|bricks?))?)*)"
# Every cube taken up, then put somewhere through "them": "pick up all the cubes and put them in the bin", "round up
# every cube and move them to the left side" (dev_s13 fi38-024) is one placing of every cube. Only a taking verb first,
# "them" right after a placing verb, and a place after it that is no cube ("... and stack them", "... put them on each
# other / on the red one" stay unread)
_GATHERED = re.compile(
    rf"^((?:(?:please|just|now|can you|could you|would you|will you|kindly)\s+)*)(?:pick up|take|grab|collect|gather"
    rf"(?: up)?|round up|get)\s+({_ALL}(?:\s+{_EXCEPT}\s+{_ONE_EXCLUDED}(?:(?:,| and not|,? or|, nor) "
    rf"{_ONE_EXCLUDED})*)?)\s*,?\s+and\s+(?:then\s+)?(put|place|move|set|drop|carry|bring|relocate|"
    # (also "'em", "them all", and the herding verbs "pen", "lay", "stick", "pop": "Round up every last one of them
    # cubes and pen 'em on the left side.", fi38-024; "... and move 'em on over to the left side", f29-024, P3 s15)
    rf"transfer|pen|lay|stick|pop|shift)\s+(?:them|'em|em)(?:\s+all)?(?=\s+(?:in|into|on|onto|to|inside|over to|"
    rf"over on|on over to)"
    rf"\s+(?:the\s+)?(?:(?:left|right)(?: side| region)?(?: of the table)?|bin|trash|pad|target pad|target)\b)")
# "all them cubes", "every (last) one of them cubes": dialect for "all the cubes" (f29-024, fi38-024)
# (never "leave": ", leave the red one" after the quantifier's clause is its exception, _BARE_LEAVE)
_CLAUSE_VERBS = "|".join(sorted((lx.MOTION_VERBS - {"leave", "rest", "hold"}) | {"go", "return", "head", "bin", "come"},
                                key=len, reverse=True))
_THEM_CUBES = re.compile(r"\b(all|every (?:last |single )?one of|each (?:one )?of) them (cubes|blocks|bricks)\b")
# Why a cube is left out, said after the exception ("Put all the blocks in the bin except the purple one, that's my
# favourite colour, you see.", fi36-026; "... but not the yellow one, i like the yellow one", f29-029; "Everybody in
# the trash except the yellow cube. He's our MVP, he stays.", f27-027): nothing to do. Only at the end, only words
# that name no other cube, place, action, order, negation or time (the excluded cube's own colour and "stays" may
# come back: they say it stays).
_AFTER_EXCEPTION = re.compile(rf"(\b{_EXCEPT}\s+(?:the |a )?(?P<colour>{_COLOURS_ALT_EARLY})(?: (?:one|cube|block|"
                              rf"brick))?)\s*[,.;:!\-–—]\s*(?P<why>[a-z' ,.!]+?)\s*[.!]*\s*$")
_WHY_WORDS = frozenset(re.findall(r"[a-z]+", """
    that that's thats it it's its is he he's she she's our my your his her favourite favorite colour color you see
    i like love the one cube block a an mvp star best lucky charm stays stay keep keeps pretty nice lovely beautiful
    special precious fond of rather really very so much too just mine and s re m ve ll d still need
    """))
_NEGATED_OBJECT = re.compile(r"\b(?:leave|don't touch|do not touch|dont touch|don't move|dont move|do not move|"
                             r"without touching|"
                             r"without moving|not touching|never touch|keep|skip)\s+(?:the\s+)?([a-z]+)"
                             r"(?:\s+(?:one|cube|block|brick))?\b")


_PLACED_REF = re.compile(r"(?:the )?(?:leftmost|rightmost|frontmost|backmost|nearestbase|farthestbase|middle) "
                         r"(?:cube|block|brick|one)")


def _placed_names(text: str, state: SceneState) -> list[str] | str:
    """The objects the references by place in ``text`` name ("the leftmost one", "the nearestbase cube", as
    phrasing.py writes them), grounded by mentions.py; the reason where one names no single object."""
    out = []
    for m in _PLACED_REF.finditer(text):
        ref = parse_object(m.group(0).split())
        try:
            out.extend(ground(ref, Context(state=state), alternatives=False) if ref is not None else [])
        except UngroundedError as exc:
            return str(exc)
    return out


# The colours a negation lists after its first ("don't move blue or green", "leave the red, blue and yellow ones").
_NEGATED_LIST = re.compile(rf"(?:the )?(?:{'|'.join(sorted(lx.COLOR_WORDS))})(?:(?:\s*,\s*|\s+(?:and|or|nor)\s+|\s*,\s*"
                           rf"(?:and|or|nor)\s+)(?:the )?(?:{'|'.join(sorted(lx.COLOR_WORDS))}))+"
                           r"(?:\s+(?:ones|cubes|blocks|bricks))?\b")


def _exception_unclear(marker: str, span: str) -> str | None:
    """Why the cubes an exception leaves out are unclear, else None (A1 s9 G26): after "except" the list is cubes
    joined by "and" (or "nor", "and not": the seen dev_structure_s5-031 spares both); "or" (which one is spared?) or a
    trailing "or not" (taken back) are refused. After "but not" an "or" joins the cubes spared ("but not red or
    blue")."""
    words = re.findall(r"[a-z]+", span)
    negative = re.search(r"\bnot\b", marker) is not None
    if words[-1:] == ["not"] or (not negative and "or" in words):
        return f"'{marker.strip()} {span.strip()}': which cubes are left out is unclear"
    return None


def _colour_names(span: str, state: SceneState) -> list[str] | str:
    """Object names the colour words of ``span`` denote; a reason string if one names nothing."""
    if _PLACED_REF.fullmatch(span.strip()):  # "every cube except the leftmost one"
        return _placed_names(span, state)
    out = []
    for word in re.findall(r"[a-z]+", span):
        found = _coloured(word, state)
        if found is None:
            if word in ("the", "a", "one", "cube", "block", "brick", "and", "or", "for", "ones", "cubes", "blocks",
                        "bricks", "not", "nor"):
                continue
            return f"'{span.strip()}' does not name a cube by its colour"
        colour, names = found
        if not names:
            return f"there is no {colour} object in the scene to leave out (objects: {', '.join(state.names)})"
        out.extend(names)
    return out or f"'{span.strip()}' names nothing to leave out"


_NO_QUANTIFIER = re.compile(
    r"\bboth the [a-z]+ and the [a-z]+\b|\ball (?:day|morning|afternoon|evening|night|week|month|season|year|summer|"
    r"winter)(?: long)?\b|\bat all\b|\ball over (?:the|my|this|our|your) [a-z]+\b|\ball (?:by (?:itself|themselves)|"
    r"alone|on its own)\b|\ball right\b|\b(?:its|his|her|my|your|their|our) (?:whole|entire) (?:life|career|day|week|"
    r"season|year)\b|\bwith all (?:due )?(?:ceremony|respect|care|courtesy|dignity|grace)\b|\by'?all\b|\bya'?ll\b|"
    r"\b(?:that's|that is|that'll be|that will be) all\b|\ball (?:i|we) (?:need|want|ask|'m after|am after|'re after|"
    r"are after)\b|\b(?:we're|we are|you're|you are) all\b")
_UNREAD_QUANTIFIER = re.compile(r"\b(?:all|every|each|both|everything|everyone|the rest|the others|remaining|"
                                r"except|excluding|whole|entire)\b")


# The verbs a quantifier's clause may have: every placing verb but those that never move a cube to a place
# ("leave", "build"; "transfer all cubes to the pad", fresh split f12-027)
# ("push both cubes forward": a push each, fresh split indep11-038)
_QUANTIFIED_VERBS = "|".join(sorted((lx.PLACE_VERBS - {"leave", "build", "rest"}) | lx.PUSH_VERBS |
                                    {"pick up", "grab", "take"}, key=len, reverse=True))
# "Push both of them forward. Both. Not just one of them." (r23 f23-053): "both" said again for emphasis
_SAID_AGAIN = re.compile(r"(?:\s*[.!]\s*both(?= *[.!]|$))?"
                         r"(?:\s*[.!]\s*not (?:just |only )?(?:one|the one)(?: of them)?)?\s*[.!]?\s*$")
_ALL_AGAIN = re.compile(r"\s*[.!,]\s*(?:every (?:single |last )?one|each (?:and every )?one|all of them|"
                        r"the (?:whole )?lot)(?: of them)?(?:\s*,?\s*(?:yes|yeah|yep))?\s*[.!]?\s*$")
# "the two cubes, both to the right side", "the cubes, all of them, into the bin" (s11 dev fi30-024): the quantifier
# said again right after it, before its place
_ALL_RESTATED = re.compile(r"\s*,\s*(?:both|all|each|every one)(?: of them)?\s*,?\s*(?=(?:in|into|on|onto|to)\b)")
# How a place is said of a quantifier's cubes with no verb of the robot's: where they go, or the state they end in.
# ("each cube ... ought to be relocated to the pad", "every cube should be moved to the bin", fi35-023: the passive of a
# placing verb; "every one of them goes over to the left side", fi35-027)
# "will be placed" foretells rather than asks (REV s12 R4: "Every cube will be placed on the pad."); "will be on the
# pad" stays the end state it was read as before.
_PLACED = r"(?:placed|put|moved|relocated|relocate|transferred|taken|brought|set|carried|shifted)"
# ("shall be relocated": a formal directive, dev_s14 fi41-036; "shall go", "shall end up" as "should")
_GOAL_VERB = (r"(?:go|goes|should go|must go|shall go|belong|belongs|can go|to go|to be|(?:should|must|shall|need to|"
              r"needs to|have to|"
              rf"are to|is to|ought to) (?:all )?(?:be {_PLACED}|be|end up|sit|be sitting)|will (?:all )?(?:be|end up|"
              rf"sit|be sitting)(?! {_PLACED}\b)|(?:all )?(?:end up|are to be))(?: over)?")
# An exclusion said before its quantifier: "with the exception of the yellow cube, please transfer all cubes to the pad"
# ("without" opens a negation there: "without touching X, ..." is not matched)
_FRONT_EXCEPT = re.compile(rf"^(?:(?:please|kindly|now|so|ok|okay)\s+)*(?:with the (?:sole |only |one |single )?"
                           rf"exception of|except(?: for)?|apart from|aside from|other than|besides|excluding|save for|"
                           rf"barring|not counting)\s+"
                           rf"{_EXCLUDED}\s*,\s*(?:(?:please|kindly|just|then)\s+)*(?P<body>.+)$")
# what is left once the exception said first is set apart (read only after a fronted exception)
_THE_REST = re.compile(r"\b(?:the rest(?: of (?:the cubes|the blocks|them))?|the others|all the others|all the other "
                       r"(?:cubes|blocks|ones)|everything else|every other (?:cube|block|one)|the remaining (?:cubes|"
                       r"blocks|ones))\b")
# ... read only after a verb of request opening the body ("Apart from the red cube, the rest in the bin?" is a question
# with no verb, A1 H101)
_ASKED_REST = re.compile(rf"(?:(?:please|kindly|just|now|then|so)\s+)*(?:{'|'.join(sorted(lx.MOTION_VERBS))}|bin|"
                         r"trash|stack)\b")
# "clear the table apart from blue, bin it all": every cube but the exclusions, to the bin
_CLEAR_EXCEPT = re.compile(rf"clear (?:off )?the table,?\s*({_EXCEPT})\s+{_EXCLUDED}\s*,?\s*(?:and\s+)?(?:then\s+)?"
                           r"put (?:it all|them all|all of it|all of them|everything(?: else)?|the rest|"
                           r"all the others?) (?:in|into) the bin")
_COLOURS_ALT = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
_COLOUR_LIST = rf"(?:{_COLOURS_ALT})(?:(?:\s*,\s*|\s+(?:or|nor|and)\s+|\s*,\s*(?:or|nor|and)\s+)(?:{_COLOURS_ALT}))*"
_LACKING = re.compile(rf"\b({_ALL})\s+(?:(?:that|which)\s+(?:isn't|is not|isnt|is n't|aren't|are not|arent|are n't)|"
                      rf"(?:that's|thats)\s+not)\s+(?:coloured\s+|colored\s+)?({_COLOUR_LIST})\b(?!\s+(?:cube|block|brick|one|object)s?\b)")
_NON_COLOUR = re.compile(rf"\b(every|each|all(?: of)?(?: the)?)\s+non-?({_COLOURS_ALT})\s+"
                         rf"(cube|block|brick|object)(s?)\b")


def _the_ones(colours: str) -> str:
    """"blue or red" -> "the blue one and the red one": the exception as expand_quantifier reads it."""
    return " and ".join(f"the {c} one" for c in re.findall(rf"\b(?:{_COLOURS_ALT})\b", colours))


_ONE_LEFT = rf"(?:the )?(?:{_COLOURS_ALT})(?: (?:ones?|cubes?|blocks?|bricks?))?"
_BARE_LEAVE = re.compile(rf"\s*,?\s*(?:(?:but|and)\s+)?(?:just\s+)?leave\s+({_ONE_EXCLUDED}|{_ONE_LEFT}(?:(?:\s*,\s*|"
                         rf"\s+and\s+|\s*,\s*and\s+){_ONE_LEFT})+)(?:\s+(?:out|be|behind))?\s*")
# A cube said to be well where it is, after a quantifier's clause: it stays ("The blue one is perfectly happy where it
# is"); only this closed shape, the cube named by its colour.
_CONTENT_WHERE_IT_IS = re.compile(
    rf"\s*[,;.!?]*\s*(?:and\s+)?({_ONE_LEFT})(?:\s+is|'s)\s+(?:(?:perfectly|quite|just|totally|completely|very)\s+)?"
    r"(?:happy|fine|good|ok|okay|content|comfortable|best left)\s+(?:where it is|where it sits|as it is|there|in its "
    r"place|right where it is)\s*[.!]?\s*")
# (also as a sentence of its own: "Clear the whole table, buddy. All three cubes, into the trash.", f27 dev)
# ("empty the table, everything on it goes in the bin", fi34-023: "on it" is the table's)
_CLEAR_HEADING = re.compile(rf"^(?:(?:please|now|ok|okay|so)\s+)*(?:clear|empty) (?:off |up )?the (?:whole |entire )?"
                            rf"(?:table|workspace|work area)"
                            rf"\s*[:\-–—,.;!]+\s*(?=(?:(?:please|now)\s+)?(?:(?:put|move|place|drop|throw)\s+)?{_ALL}"
                            rf"(?: on (?:it|the table))?"
                            rf"(?:\s*,?\s*{_EXCEPT}\s+{_EXCLUDED}\s*,?)?(?:\s+(?:go|goes|should go|must go))?"
                            rf"\s*,?\s+(?:in|into|inside|to)\s+(?:the\s+)?(?:bin|trash)\b)")
# ... or said to stay, after the exception or as it ("except the green one - the green stays", "apart from the orange
# one, which should remain untouched", "every cube in the bin, the red one stays put"): the cube (or the one the
# exception names) is kept, as a negation; only these closed forms, at the end of the quantifier's clause
_KEPT_REMARK = re.compile(
    rf"\s*[,;.!?]*\s*(?:and\s+)?"
    # ("? That one stays put.", "! Green is my favourite and it stays!", dev_s13 fi37-031, fi37-029: a demonstrative or
    # "it" is the one cube the exception names, as "which" is; a reason said of that cube first, from a closed list)
    rf"(?:(?P<why>{_ONE_LEFT})\s+(?:is|'s)\s+(?:my|our|a|the)?\s*(?:favou?rite|special|important|precious|needed)"
    rf"(?: one)?\s*(?:,|and|so|[.!])\s*(?:so\s+|and\s+)?(?=it\b))?"
    # (also "she" / "he", a cube spoken of as a person: "..., except the yellow one, she stays put!", dev_s17 fi49-038)
    rf"(?P<who>which|that one|this one|that cube|this cube|it|she|he|{_ONE_LEFT})\s+"
    r"(?:(?:should|must|will|is to|has to|needs to)\s+)?"
    r"(?:stays?|remains?|be left|is staying|is left)(?:\s+(?:put|untouched|where it is|as it is|in place|alone|"
    r"there|unmoved|on the table))?\s*[.!]?\s*")
_KEPT_PRONOUNS = frozenset({"which", "that one", "this one", "that cube", "this cube", "it", "she", "he"})
# The cube a quantifier's clause starts with: "..., the red one first", "..., starting with the purple one"
_ONE = r"(?:the )?[a-z]+(?: (?:one|cube|block|brick))?"
# "then the green one" reaches here as "then do the same with the green one" (phrasing's gapping)
_SAME = r"(?:do the same (?:with|for|to) )?"
_FIRST_HEAD = rf"\s*,?\s*(?:(?:starting|beginning|start|begin) with ({_ONE})|(?:and )?({_ONE}) first|first ({_ONE}))"
_FIRST = re.compile(rf"{_FIRST_HEAD}\s*[.!?]?\s*$")
# ... and the one it ends with: "..., red last", "..., but do the red one last", "..., ending with the red one" (A1 s10
# H22; "leave the red one for last" stays a cube left out, refused)
_LAST = re.compile(rf"\s*,?\s*(?:(?:but|and)\s+)?(?:(?:do|put|move|bin)\s+)?(?:({_ONE})\s+(?:last|for last|"
                   rf"till last|at the (?:very )?end)|(?:ending|finishing|end|finish) with ({_ONE}))\s*[.!?]?\s*$")
# "..., the purple one first, then the green one (, then the red one)": the later places the words state
_SEQUENCE = re.compile(rf"{_FIRST_HEAD}(?P<next>(?:\s*,?\s*(?:and\s+)?then\s+{_SAME}{_ONE})+)\s*[.!?]?\s*$")
# a verbless cube after the order words ("..., then the green one"): a place in the order, not a clause
_VERBLESS_NEXT = re.compile(rf"\s*,?\s*(?:and\s+)?(?:then|next|after that)\s+{_SAME}{_ONE}"
                            r"(?:\s+(?:next|second|last))?\s*[.!?]?\s*$")
# A wish in place of the verb: "I want all the cubes in the bin except for the green one"
_WISH = re.compile(r"^(?:(?:i|we) (?:want|need|would like|would love)|(?:i'd|we'd) (?:like|love))\s+$")


# A negation over every object the request does not name ("leave the others alone", "don't touch the rest"): no
# quantifier to spell out; the parser reads it (semantic_parser.others_negation).
_OTHERS_NEGATED = re.compile(r"\b(?:leave|touch|touching|move|moving|disturb|disturbing)\s+(?:the )?(?:others|rest|"
                             r"other (?:cubes|blocks|ones|objects)|remaining (?:cubes|blocks))\b")


# "the two leftmost cubes", "the 2 rightmost blocks": that many cubes counted from one side (a tie at the cut asks
# nothing and is refused: which of the level cubes is meant is unclear)
_SOME_EXTREME = re.compile(r"\bthe (two|three|four|[2-4]) (leftmost|rightmost) (?:cubes|blocks|bricks|ones)\b")


def _some_extreme(text: str, state: SceneState) -> Rewrite | None:
    """"put the two leftmost cubes in the bin" -> "put the red cube and the green cube in the bin" (the cubes joined
    by "and" the parser reads as it reads them named); None where the words hold no such phrase."""
    said = _SOME_EXTREME.search(text)
    if said is None:
        return None
    count = _NUMBERS.get(said.group(1)) or int(said.group(1))
    placed = [o for o in state.objects if o.position is not None and not any(
        state.rests_on(o.name, r) for r in state.regions)]
    if state.holding is not None or len(placed) != len(state.objects) or count > len(placed):
        return Rewrite(text, f"'{said.group(0)}': the scene has {len(placed)} cubes on the table to count from the "
                             f"{said.group(2)[:-4]}")
    sign = -1.0 if said.group(2) == "leftmost" else 1.0  # the robot's left is +y
    ranked = sorted(placed, key=lambda o: sign * (o.position or (0.0, 0.0, 0.0))[1])
    if count < len(ranked) and abs((ranked[count - 1].position or (0, 0, 0))[1] -
                                   (ranked[count].position or (0, 0, 0))[1]) < _ORDER_TIE_M:
        return Rewrite(text, f"'{said.group(0)}': the {ranked[count - 1].name.replace('_', ' ')} and the "
                             f"{ranked[count].name.replace('_', ' ')} are level, so which ones are meant is unclear")
    named = " and ".join(f"the {o.name.replace('_', ' ')}" for o in ranked[:count])
    return Rewrite(text[:said.start()] + named + text[said.end():], changed=True)


# "put red and blue in the bin and on the pad respectively" (A1 s10 H22): the cubes listed, then their places listed in
# the same order; each place may have its own preposition, else the first one's
_PLACE_PREPS = r"(?:in|into|on|onto|to)"
_RESPECTIVELY = re.compile(
    rf"^(?P<verb>(?:(?:please|just|now)\s+)*(?:{_QUANTIFIED_VERBS}))\s+(?P<cubes>{_ONE_LEFT}(?:\s*,\s*{_ONE_LEFT})*,?\s+"
    rf"and\s+{_ONE_LEFT})\s+(?P<places>{_PLACE_PREPS}\s+.+?)\s*,?\s+respectively\s*[.!]?\s*$")


def _respectively(text: str, state: SceneState) -> Rewrite | None:
    """The cubes and places of "..., respectively" paired in order, one clause each joined by "and"; None where the
    words hold no such list; a reason where the counts differ or a part names no single cube or place."""
    said = _RESPECTIVELY.match(text)
    if said is None:
        return Rewrite(text, "'respectively' beside words the planner does not pair: say each cube with its place") \
            if re.search(r"\brespectively\b", text) else None
    cubes = [c.strip() for c in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", said.group("cubes")) if c.strip()]
    places = [p.strip() for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", said.group("places")) if p.strip()]
    if len(cubes) != len(places) or len(cubes) < 2:
        return Rewrite(text, f"'respectively' pairs {len(cubes)} cubes with {len(places)} places: which goes where is "
                             f"unclear")
    first_prep = re.match(_PLACE_PREPS, places[0])
    clauses = []
    for cube, place in zip(cubes, places, strict=True):
        names = _colour_names(cube, state)
        if isinstance(names, str) or len(names) != 1:
            return Rewrite(text, f"'{cube}' in a 'respectively' list must name one cube of the scene")
        prep = "" if re.match(rf"{_PLACE_PREPS}\s", place) else f"{first_prep.group(0) if first_prep else 'in'} "
        clauses.append(f"{said.group('verb')} the {names[0].replace('_', ' ')} {prep}{place}")
    return Rewrite(" and ".join(clauses), changed=True)


# The excepted cube's own place said after the quantifier's, with its verb left out: "Put all cubes except red in the
# bin, red on the pad." (s18 family E1). Phrasing gives such a clause its "put" (phrasing._gapped) only where no word
# of negation stands in the instruction, and "except", "excluding", "not (counting)" count as ones: the same words
# with "but", "apart from", "other than", "save", "besides", "bar" planned, with "except" they refused. Here the
# exclusion words are one closed class: the clause takes its "put" whichever of them leaves the cube out, only where
# it names no cube but the excepted ones and the instruction holds no other negation (a "don't" may reach the clause).
_EXCEPTION_SAID = re.compile(rf"\b{_EXCEPT}\s+(?P<left>[a-z ]+?)(?=\s+(?:in|into|on|onto|to|inside)\b|\s*[,;.!]|$)")
_GAPPED_EXCEPTED = re.compile(rf"(?P<join>[,;]\s*(?:and\s+)?)(?P<cube>(?:the )?(?P<colour>{_COLOURS_ALT_EARLY})"
                              r"(?: (?:one|cube|block|brick))?)\s+(?:in|into|on|onto|to)\s+(?:the\s+)?(?:bin|pad|trash|"
                              r"(?:left|right)(?:\s+side)?)(?=\s*(?:[,;.!]|$|\band\b|\bthen\b))")


# How the cubes look, said inside the quantifier's noun phrase ("Can you move all the little blocks over to the left
# side ...?", seen fi51-064; "every lovely wee cube"): the scene's cubes all look alike, so a word of size, look or
# liking picks none out (s18 family Q4, a closed class; a colour or "other" stays a word that picks cubes out)
_LOOKS_OF_ALL = re.compile(r"\b((?:all|every|each|both)(?: of)?(?: (?:the|these|those|them|my|your|our))?"
                           r"(?: (?:single|last))?) (?:(?:little|lil|small|tiny|wee|mini|big|lovely|pretty|nice|cute|"
                           r"colou?rful|wooden|plastic|toy) )+(?=(?:cubes?|blocks?|bricks?)\b)")


def _excepted_gapped(text: str) -> str:
    """``text`` with "put" before a verbless clause that places only the cube an exclusion left out (above)."""
    exception = _EXCEPTION_SAID.search(text)
    if exception is None:
        return text
    if re.search(r"\b(?:not|without)\b", text[exception.start():exception.start("left")]):
        return text  # ("but not red", "not counting red", "without red": a negation's words, whose reach is unclear)
    left_out = set(re.findall(rf"\b(?:{_COLOURS_ALT_EARLY})\b", exception.group("left")))
    outside = text[:exception.start()] + text[exception.start("left"):]
    if not left_out or any(w in NEGATION_MARKERS for w in re.findall(r"[a-z']+", outside)):
        return text
    return _GAPPED_EXCEPTED.sub(lambda g: f"{g.group('join')}put {g.group(0)[len(g.group('join')):]}"
                                if g.start() >= exception.end() and g.group("colour") in left_out else g.group(0), text)


def expand_quantifier(text: str, state: SceneState) -> Rewrite | None:
    """"put every cube except the green one in the bin", "... and the rest in the bin" -> one clause per
    object, in the scene's order (or starting with the one the words put first); None where no quantifier is
    used."""
    from_a_side = _some_extreme(text, state) or _respectively(text, state)
    if from_a_side is not None:
        return from_a_side
    # "put the other cubes in the bin, not the red one" (A1 s10 H22): with no cube named before them, "the others" are
    # the ones the exclusion after them leaves: every cube except it
    others_first = re.match(rf"^((?:(?:please|just|now)\s+)*(?:{_QUANTIFIED_VERBS})\s+)(?:all\s+)?(?:the other "
                            rf"(?:cubes|blocks|ones)|the others|the rest(?: of the (?:cubes|blocks))?)(?=\s.*\b(?:not|"
                            rf"except|but|apart from|other than|bar)\s+{_EXCLUDED}\s*[.!]?\s*$)", text)
    if others_first is not None:
        text = others_first.group(1) + "all the cubes" + text[others_first.end():]
    text = _THEM_CUBES.sub(r"\1 the \2", text)
    text = _LOOKS_OF_ALL.sub(r"\1 ", text)
    after = _AFTER_EXCEPTION.search(text)
    why = after.group("why") if after is not None else ""
    if after is not None and set(re.findall(r"[a-z]+", why)) <= _WHY_WORDS | {after.group("colour")} and \
            re.match(r"(?:that(?:'s| is)|it(?:'s| is)|he(?:'s| is)|she(?:'s| is)|i (?:like|love|(?:still )?need)|"
                     r"(?:it|he|she) stays)\b", why):
        text = text[:after.end(1)]
    gathered = _GATHERED.match(text)
    if gathered is not None:  # "round up all the cubes and put them on the left side" (dev_s13 fi38-024): one placing
        verb = "put" if gathered.group(3) in ("pen", "lay", "stick", "pop") else gathered.group(3)
        text = f"{gathered.group(1)}{verb} {gathered.group(2)}{re.sub(r'^ on over to ', ' to ', text[gathered.end():])}"
    # "every cube that isn't blue", "all the cubes that aren't red or green", "all the non-blue cubes": the colours
    # they lack are the exception
    emphasis = _SAID_AGAIN.search(text)
    if emphasis is not None and emphasis.group(0).strip(" .!") and re.search(r"\bboth\b", text[:emphasis.start()]):
        text = text[:emphasis.start()]
    # "All the cubes in the bin. Every single one." (f28 mid): every cube said again after the quantifier
    all_again = _ALL_AGAIN.search(text)
    if all_again is not None and re.search(rf"\b{_ALL}", text[:all_again.start()]) and \
            not re.search(rf"\b{_EXCEPT}\b", text[:all_again.start()]):  # (after an exception: all, or all but it?)
        text = text[:all_again.start()]
    restated = re.search(rf"\b{_ALL}(?={_ALL_RESTATED.pattern})", text)
    if restated is not None:
        restatement = _ALL_RESTATED.match(text, restated.end())
        if restatement is not None and re.search(r"\bboth\b", restatement.group(0)) and len(state.objects) != 2:
            # "the cubes, both of them, in the bin" with three cubes: the count said again must hold (A1 s11 H30)
            return Rewrite(text, f"'both' needs exactly two objects; the scene has {len(state.objects)}")
        text = text[:restated.end()] + _ALL_RESTATED.sub(" ", text[restated.end():], count=1)
    lacking = _LACKING.search(text) is not None
    # "clear everything off the table into the bin apart from X" (r21 dev, exclusion class): the verb and its place
    # say "put ... in the bin"; only with the bin (or trash) as the place, and nothing already off the table in a region
    if state.holding is None and not any(state.rests_on(o.name, r) for o in state.objects for r in state.regions):
        # (a held cube is not on the table, A1 s9 G12; "clear everything into the bin apart from X", the final
        # f20-028: the table left unsaid)
        text = re.sub(rf"\bclear ({_ALL}) (?:(?:off|from) (?:of )?the (?:table|tabletop|workspace) )?(?:into|in|to) "
                      r"the (bin|trash)\b", r"put \1 in the \2", text)
    # "bin every cube on the table" (r21 dev, quantifier class): where every object stands on the table (on it, or on
    # a stack on it: "every single cube that's on the table right now" with green on red, f27 dev) the words pick out
    # every object; with a cube in a region or held they would leave some out, and stay unread
    text = re.sub(rf"(\b{_ALL})\s+(?:right now|currently|presently|at present|at the moment)\b", r"\1", text)
    heading = _CLEAR_HEADING.match(text)
    if heading is not None:  # "empty the table, everything on it ...": the table's
        text = text[:heading.end()] + re.sub(rf"^((?:(?:please|now)\s+)?(?:(?:put|move|place|drop|throw)\s+)?{_ALL}) "
                                             r"on it\b", r"\1 on the table", text[heading.end():])
    on_table = re.search(rf"\b{_ALL}( (?:that are |that's |which are )?(?:sitting |lying |resting |standing )?"
                         r"(?:on|upon) (?:the|this) (?:table|tabletop|work surface)(?: (?:right now|currently|"
                         r"presently|at present|at the moment))?\b)", text)
    stacked = state.with_position_stacks()
    if on_table is not None and state.holding is None and \
            not any(stacked.rests_on(o, r) for o in stacked.names for r in stacked.regions):
        text = text[:on_table.start(1)] + text[on_table.end(1):]
        # "Every block on this table goes in the bin. Clear it down." (dev_s13 fi37-025): the table cleared, said
        # again ("clear it down" is said of a surface; a bare "clear it" may empty the bin, and stays unread)
        if re.search(r"\b(?:in|into|inside) the (?:bin|trash)\s*[.;!]", text) and \
                not re.search(rf"\b{_EXCEPT}\b", text):
            text = _TABLE_CLEARED_AGAIN.sub("", text)  # (only where every cube goes in the bin: A1 s13 H47)
    # "every single cube (that's on the table) right now ends up in the bin" (f27 dev): a time said of the cubes is
    # every cube the scene has now
    text = re.sub(rf"(\b{_ALL})\s+(?:right now|currently|presently|at present|at the moment)\b", r"\1", text)
    text = _LACKING.sub(lambda m: f"{m.group(1)} except {_the_ones(m.group(2))}", text)
    text = _NON_COLOUR.sub(lambda m: f"{m.group(1)} {m.group(3)}{m.group(4)} except {_the_ones(m.group(2))}", text)
    ordered = closing_order(text)
    if ordered is not None and re.search(rf"\b(?:{_ALL}|the (?:rest|others|other cubes|remaining cubes))\b",
                                         ordered[0]):
        text, order_phrase = ordered
    else:
        order_phrase = None
    front = _FRONT_EXCEPT.match(text)
    if front is not None:  # "with the exception of X, put all cubes on the pad": the exclusion after the quantifier
        body = front.group("body")
        # a cube left out up front and named again later ("with the exception of red, put all cubes in the bin, then
        # put red on the pad"): the fronted words may scope over the whole request, so which is meant is unclear
        unclear = _exception_unclear(front.group(0)[:front.start(1)], front.group(1))
        if unclear is not None:
            return Rewrite(text, unclear)
        left_out = {n for _, n in _colour_mentions(front.group(1), state)}
        if left_out & {n for _, n in _colour_mentions(body, state)}:
            return Rewrite(text, f"'{front.group(1)}' is left out up front and named again after: it is unclear "
                                 "whether it is to be moved")
        quantifier = re.search(rf"\b{_ALL}", body)
        the_rest = _THE_REST.search(body)
        if quantifier is not None and not re.search(rf"\b{_EXCEPT}\b", body):
            text = f"{body[:quantifier.end()]} except {front.group(1)}{body[quantifier.end():]}"
        elif quantifier is None and the_rest is not None and not re.search(rf"\b{_EXCEPT}\b", body) and \
                _ASKED_REST.match(body):
            # "Apart from the purple cube, kindly place the rest upon the pad." (fi42-023): "the rest / the others /
            # everything else" after an exception said first is every cube but it, as "every cube except X"
            text = f"{body[:the_rest.start()]}all the cubes except {front.group(1)}{body[the_rest.end():]}"
    # "Clear the table: all the cubes into the bin, then go home" (f17-055): the heading says what the quantifier's
    # clause after it spells out; only where that clause sends every cube to the bin
    text = _CLEAR_HEADING.sub("", text)
    clear = _CLEAR_EXCEPT.fullmatch(text)
    if clear is not None:
        text = f"put every cube {clear.group(1)} {clear.group(2)} in the bin"
    # "..., then go home" after "the rest" runs after it (the quantifier's clause is cut off before it)
    home = _HOME_END.search(text)
    rest = re.search(r"(?:[,;.]?\s*(?:and|then)\s+|[,;.]\s*)(?:put |move |place )?(?:(?:all )?the (?:rest|others|other "
                     r"cubes|remaining cubes)(?: of (?:the|them) cubes)?|everything else|all (?:the )?other (?:cubes|"
                     r"blocks)|(?:the|both) (?:other|remaining) (?P<count>two|three|four|five|[2-5])(?: (?:cubes|"
                     r"blocks|ones))?|both (?:of the )?others)\s+(?:(?:go|goes|should go|can go|need to go|belong)\s+)?"
                     r"(?P<prep>in|into|on|onto|to)\s+(?P<place>the [a-z ]+?)\s*[.!]?\s*$",
                     text[:home.start()] if home else text)
    if rest:
        head = text[:rest.start()]
        left = _BARE_LEAVE.fullmatch(head)
        if left is not None:  # "leave the red one, bin the others": the cube "the others" leave out, as a negation
            head = f"leave {left.group(1)} alone"
        placed = _placed_names(head, state)
        if isinstance(placed, str):
            return Rewrite(text, placed)
        named = {n for _, n in _colour_mentions(head, state)} | set(placed)
        others = [o.name for o in state.objects if o.name not in named]
        if not others:
            return Rewrite(text, "'the rest' names nothing: every cube is already mentioned")
        counted = rest.group("count") or ("two" if re.search(r"\bboth\b", rest.group(0)) else None)
        if counted is not None and (_NUMBERS.get(counted) or int(counted)) != len(others):
            return Rewrite(text, f"'{rest.group(0).strip(' ,;.')}' counts {counted} cubes, and {len(others)} are left: "
                                 f"which ones are meant is unclear")
        if order_phrase is not None:
            reordered = ordered_by(order_phrase, others, state)
            if isinstance(reordered, str):
                return Rewrite(text, reordered)
            others = reordered
        prep, place = rest.group("prep"), rest.group("place")
        tail = ", then ".join(f"put the {n.replace('_', ' ')} {prep} {place}" for n in others)
        # a negation before "the rest" ("don't touch blue. put the other cubes in the bin") holds for the whole request
        # (a negated placement before "and the rest" may cover it too: "do not put green in the bin and the rest on the
        # pad" stays joined, and refused)
        joint = ". " if marked_words(head, NEGATION_MARKERS) and not re.search(
            r"\b(?:in|into|on|onto|to|inside)\s+(?:the\s+)?[a-z]+", head) else ", then "
        return Rewrite(f"{head}{joint}{tail}" + (", then go home" if home else ""), changed=True)
    # ("push both the red and the blue cube left": a push each)
    both = re.fullmatch(r"(.*?\b(?:put|place|move|stack|set|drop|push|slide|nudge|shove))\s+both (?:the )?([a-z]+)"
                        r"(?: (?:cube|block|one))? and (?:the )?([a-z]+)(?: (?:cube|block|one)s?)?\s+"
                        r"((?:in|into|on|onto|to)\s+[^,;.]+|(?:to the )?(?:left|right|forwards?|backwards?)"
                        r"(?: a (?:little )?bit)?)", text)
    if both is not None:  # "put both the red and the blue cube in the bin": two clauses, in the words' order
        pair = [_colour_names(both.group(k), state) for k in (2, 3)]
        bad = next((n for n in pair if isinstance(n, str) or len(n) != 1), None)
        if bad is not None:
            return Rewrite(text, bad if isinstance(bad, str) else "'both' must name two single cubes")
        a, b = (str(n[0]).replace("_", " ") for n in pair)
        if a == b:  # "both the red and red cubes": one cube twice (a slip for another colour?), REV s11 R9
            return Rewrite(text, f"'both' names the {a} twice: which two cubes are meant is unclear")
        return Rewrite(f"{both.group(1)} the {a} {both.group(4)}, then {both.group(1).split()[-1]} the {b} "
                       f"{both.group(4)}", changed=True)
    text = _excepted_gapped(text)
    m = re.search(rf"\b{_ALL}(?:\s*,?\s*{_EXCEPT}\s+{_EXCLUDED}\s*,?)?", text)
    if m is None:
        # ("all over the bench", "all by itself", "all alone", "all right": no quantifier, s11 dev fi30-055, fi31-063;
        # "all season", "its whole life", "with all due ceremony", "y'all", "that's all (I need)", "all I need is",
        # "we're all": no cubes counted, P3 s15 from the seen wrong refusals f27-002, fi34-006, f29-004, f29-007,
        # f29-053, fi39-029, f27-054, fi34-054)
        scrubbed = _OTHERS_NEGATED.sub(" ", _NO_QUANTIFIER.sub(" ", text))
        word = _UNREAD_QUANTIFIER.search(scrubbed)
        if word is not None:  # a plan for one of "all three cubes" would leave the rest undone
            return Rewrite(text, f"the quantifier '{word.group(0)}' could not be read completely: which objects "
                                 f"it covers is unclear")
        return None
    excluded: list[str] = []
    if m.group(1):
        names = _exception_unclear(m.group(0)[:m.start(1) - m.start()], m.group(1)) or \
            _colour_names(m.group(1), state)
        if isinstance(names, str):
            return Rewrite(text, names)
        excluded = names
        end = m.end(1)
    else:
        end = m.end()
    pre, post = text[:m.start()], text[end:]
    # "..., the purple one first, then the green one": the stated second (and later) places are read, never
    # dropped for the scene's order (ADV 8)
    sequence = _SEQUENCE.search(post)
    then_named: list[str] = []
    if sequence is not None:
        for phrase in re.findall(rf"\bthen\s+{_SAME}({_ONE})", sequence.group("next")):
            names = _colour_names(phrase, state)
            if isinstance(names, str) or len(names) != 1:
                return Rewrite(text, f"'then {phrase}' must name one cube of the scene to go next")
            then_named.extend(names)
        post = post[:sequence.start("next")]
    # A clause after the quantifier's own ("..., then go home") runs after it: cut it off whole, negations
    # included, so the quantifier covers only its clause.
    # "..., do the same with X" ("then X too", phrasing's gapping, A1 s10 H1) is such a clause: never copied into each
    # of the quantifier's clauses
    after = re.search(r"\s*(?:[;.!?]|,?\s*\b(?:and then|then|after that|afterwards|and finally|finally)\b|"
                      r",?\s*(?:\band\s+)?(?=do the same (?:with|for|to)\b))\s*", post)
    later = post[after.start():] if after else ""
    # "All to the pad. Not the purple." (fi34-028): a verbless "not X" as the next sentence is the quantifier's
    # exception
    not_next = re.fullmatch(rf"\s*[.;!]\s*(?:but\s+)?not\s+{_EXCLUDED}\s*[.!]?\s*", later)
    # (not after "both" or a count: "Push both of them forward. Not the blue one." contradicts itself, s9 tests)
    if not_next is not None and not re.match(r"\s*both\b", text[m.start():]) and _COUNT.match(text[m.start():]) is None:
        # (a bare comma may correct rather than list: "Not the purple, the blue.")
        spared = (f"'not {not_next.group(1)}': a correction or a list? which cubes are left out is unclear"
                  if re.search(r",(?!\s*(?:and|or|nor)\b)", not_next.group(1)) else None) or \
            _exception_unclear("not", not_next.group(1)) or _colour_names(not_next.group(1), state)
        if isinstance(spared, str):
            return Rewrite(text, spared)
        excluded, later = [*excluded, *spared], ""
    content = _CONTENT_WHERE_IT_IS.fullmatch(later)
    if content is not None:  # "? The blue one is perfectly happy where it is." (f18-026): a cube kept, as a negation
        later = f". leave {content.group(1)} alone"
    post = post[:after.start()] if after else post
    # "..., that one stays where it is!" reaches here as "leave that one alone" (phrasing's constraint, dev_s14
    # fi41-052): the same remark on the one cube the exception names
    later, post = (re.sub(r"((?:^|[,;.!?])\s*(?:and\s+)?)leave (that one|this one|that cube|this cube) alone"
                          r"(?=\s*[.!]?\s*$)", r"\1\2 stays", said) for said in (later, post))
    stays = _KEPT_REMARK.fullmatch(later) if content is None else None
    if stays is None and content is None and not later:
        stays = next((k for k in _KEPT_REMARK.finditer(post) if k.end() == len(post) and k.start() > 0
                     and post[k.start():k.start("who")].strip(" ")), None)  # (said after a comma or a dash)
        post = post[:stays.start()] if stays is not None else post
    elif stays is not None:
        later = ""
    last, post = _last_named(post, state)
    if isinstance(last, str):
        return Rewrite(text, last)
    # "..., including the red one" (A1 s10 H22): a cube the quantifier covers, said to be covered; checked below
    including = re.search(rf"\s*,?\s*(?:and\s+)?(?:including|even)\s+{_EXCLUDED}\s*[.!]?\s*$", post)
    included: list[str] | str = []
    if including is not None:
        included = _exception_unclear("including", including.group(1)) or _colour_names(including.group(1), state)
        if isinstance(included, str):
            return Rewrite(text, included)
        post = post[:including.start()]
    first, post = _first_named(post, state)
    if isinstance(first, str):
        return Rewrite(text, first)
    if not excluded:  # "... leaving out the red and the blue": the exclusion's own "and" joins no clause
        late_first = re.search(rf"\s*,?\s*\b{_EXCEPT}\s+{_EXCLUDED}\s*$", post)
        if late_first is not None:
            names = _exception_unclear(late_first.group(0)[:late_first.start(1) - late_first.start()],
                                       late_first.group(1)) or _colour_names(late_first.group(1), state)
            if isinstance(names, str):
                return Rewrite(text, names)
            excluded, post = names, post[:late_first.start()]
    joined_at = re.search(r",?\s*\band\s+(?=the |a |go |put |place |move |push |pick |stack )", post)
    # "Put all the cubes on the pad, push the red one left." (s17: the push was copied into each cube's clause and ran
    # three times), "Put every cube in the bin, go home.": a request after a bare comma, semicolon or dash, once the
    # quantifier's clause has said something, is a clause of its own too
    bare = re.search(rf"(?:\s*[,;]|\s+[-–—]+)\s*(?=(?:(?:please|now|just|also|and)\s+)?(?:{_CLAUSE_VERBS})\b)", post)
    if bare is not None and post[:bare.start()].strip(" ,;-–—") and (joined_at is None or
                                                                     bare.start() < joined_at.start()):
        joined_at = bare
    homed = joined_at is not None and re.match(r"(?:(?:please|now|just|also|and)\s+)*(?:go|return|head)\b",
                                               post[joined_at.end():])
    if joined_at is not None and re.search(rf"\bleave\s+{_ONE_LEFT}\s*$", post[:joined_at.start()]):
        joined_at = None  # "..., but leave the red and the blue": one list of cubes left out, no clause of its own
    if joined_at is not None:  # "... in the bin and the red one on the pad": a clause of its own
        later, post = post[joined_at.start():] + later, post[:joined_at.start()]
        later = f", then {later.lstrip(' ,;-–—')}" if homed and not later.lstrip(" ,;-–—").startswith("and") else later
    # "every cube except red in the bin, and not blue (either)", "every cube in the bin, and not blue": a bare "not X",
    # no verb of its own, after the place is (or adds to) the quantifier's exception (a negated verb stays a clause
    # of its own, below)
    bare_not = re.search(rf"\s*,?\s*(?:(?:but|and)\s+)?not\s+{_EXCLUDED}\s*[.!]?\s*$", post)
    if bare_not is not None:
        added = _exception_unclear("not", bare_not.group(1)) or _colour_names(bare_not.group(1), state)
        if isinstance(added, str):
            return Rewrite(text, added)
        excluded, post = [*excluded, *added], post[:bare_not.start()]
    # a negative clause after the destination stays as it is: "... in the bin but leave the yellow one alone"
    neg = re.search(r"\s*,?\s*\b(?:(?:but|and)\s+)?(?:leave|don't|dont|do not|never|not)\b.*$", post)
    # "..., but leave the red one" (out, behind, be): the cube the quantifier leaves out, a negation the parser reads
    kept = _BARE_LEAVE.fullmatch(post[neg.start():]) if neg else None
    tail = (f", but leave {kept.group(1)} alone" if kept else post[neg.start():] if neg else "") + later
    if neg and re.search(r"\b(?:a|any|every|all|each|both|the) (?:cubes?|blocks?|ones?|of)\b|\b(?:anything|everything|"
                         r"them|any)\b", post[neg.start():]):
        # "everything in the bin but don't touch any of the cubes" (f15-056): the negation covers what the quantifier
        # moves
        return Rewrite(text, f"'{post[neg.start():].strip(' ,')}' forbids touching the cubes the quantifier moves: "
                             f"contradictory")
    post = post[:neg.start()] if neg else post
    if not first:  # "every cube in the bin, the red one first, but leave the blue one alone"
        first, post = _first_named(post, state)
        if isinstance(first, str):
            return Rewrite(text, first)
    if then_named and not first:
        return Rewrite(text, "'then ...' names a cube to go next, but no cube is said to go first: the order is "
                             "unclear")
    if re.search(r"\b(?:it|them|they|that one|this one|those|these)\b", later):
        # "put every cube except red in the bin, then put it on the pad" (A1 session 7, F10): the cube left out, the
        # last one moved, or all of them?
        return Rewrite(text, f"'{later.strip(' ,.')}' after the quantifier: which cube its pronoun names is unclear")
    if _VERBLESS_NEXT.match(later) or re.match(r"\s*,?\s*(?:and\s+)?do the same (?:with|for|to)\b", later):
        return Rewrite(text, f"'{later.strip(' ,.')}' after the quantifier: which place in the order it takes is "
                             f"unclear")
    late = re.search(rf"\s*,?\s*\b{_EXCEPT}\s+{_EXCLUDED}\s*[.!]?\s*$", post)  # "all ... to the pad except X"
    if late is not None and not excluded:
        names = _exception_unclear(late.group(0)[:late.start(1) - late.start()], late.group(1)) or \
            _colour_names(late.group(1), state)
        if isinstance(names, str):
            return Rewrite(text, names)
        excluded, post = names, post[:late.start()]
    if re.search(rf"\b{_ALL}\b", post + later) or re.search(rf"\b{_EXCEPT}\b", pre):
        return Rewrite(text, "more than one quantifier ('all', 'every', 'except'): which cubes are meant is unclear")
    # "Both cubes, out to the right side" (dev_s14 fi41-011): "out (wide)" before a side says only the side
    post = re.sub(r"^(\s*,?\s*)out (?:wide )?(?=to the (?:left|right)(?: side)?\b)", r"\1", post)
    # "every single cube over to the left side" (dev_s15 fi43-061): "over" before "to" says only the way; and the verb
    # said after the quantifier and a comma, with no object of its own ("All cubes except the green cube, stow on the
    # pad.", fi43-007; "Every cube, please you put on the right side.", f26-024): the goal of a verbless quantifier
    # (only a placing verb right before the place, only where nothing stands before the quantifier)
    post = re.sub(r"^(\s*,?\s*)over (?=(?:to|onto|into) the\b)", r"\1", post)
    if not pre.strip(" ,"):
        post = re.sub(r"^\s*,\s*(?:(?:please|just|now|kindly)\s+)*(?:you\s+)?(?:put|place|set|stow|stick|pop|move|"
                      r"drop)\s+(?=(?:in|into|on|onto|to)\b)", " ", post)
    verb = re.search(r"(?:^|[,;.]\s*|\b(?:and|then)\s+)(?:(?:please|could|can|would|will|you|kindly|just|now|so)\s+)*"
                     rf"({_QUANTIFIED_VERBS})\s+$", pre)
    if verb is None and (not pre.strip(" ,") or _WISH.match(pre)) and \
            re.match(rf"\s*,?\s*(?:{_GOAL_VERB}\s+)?(?:in|into|on|onto|to)\b", post):
        # "all cubes into the right region", "every cube except X goes in the bin", "all cubes other than red should
        # be in the right region" (the goal state said of them, f23-034): the verb is "put"
        post = re.sub(rf"^\s*,?\s*(?:{_GOAL_VERB}\b)?", " ", post)
        pre, verb_word = "", "put"
    elif verb is None or _has_clause_break(post):
        return Rewrite(text, "a quantifier ('all', 'every', 'both') beside other clauses: which actions it covers is "
                             "unclear")
    else:
        verb_word, pre = verb.group(1), pre[:verb.start(1)]
    # The exceptions the quantifier states ("every cube except the orange one") are all of them: a negation naming
    # another covered cube ("..., and don't touch the blue one") contradicts the quantifier, so it is refused,
    # not read as a second exception (fresh split indep6-033). With no "except", the negation is the exception
    # ("every cube in the bin, but don't touch the blue one").
    stated = list(excluded)
    for m_neg in _NEGATED_OBJECT.finditer(text):
        names = _colour_names(m_neg.group(1), state)
        listed = _NEGATED_LIST.match(text, m_neg.start(1))
        if listed is not None and isinstance(names, list):  # "don't move blue or green": each colour of the list
            more = _colour_names(listed.group(0), state)
            names = more if isinstance(more, list) else names
        if isinstance(names, list):
            covered = [n for n in names if n not in stated]
            if stated and covered:
                return Rewrite(text, f"every cube except the {' and the '.join(n.replace('_', ' ') for n in stated)} "
                                     f"includes the {covered[0].replace('_', ' ')}, which the request forbids "
                                     f"touching: contradictory")
            excluded.extend(names)
    said_kept = _colour_names(content.group(1), state) if content is not None else []
    if stays is not None and stays.group("who") in _KEPT_PRONOUNS:  # "apart from the orange one, which should ..."
        why = _colour_names(stays.group("why"), state) if stays.group("why") else stated
        if len(stated) != 1 or why != stated:
            return Rewrite(text, f"'{stays.group(0).strip(' ,.!?')}': which cube it keeps is unclear")
    elif stays is not None:
        said_kept = _colour_names(stays.group("who"), state)
    if isinstance(said_kept, str):
        return Rewrite(text, said_kept)
    if stated and set(said_kept) - set(stated):  # "every cube except blue. The red one is fine where it is."
        return Rewrite(text, f"every cube except the {' and the '.join(n.replace('_', ' ') for n in stated)} includes "
                             f"the {said_kept[0].replace('_', ' ')}, which is said to stay: contradictory")
    excluded.extend(said_kept)
    chosen = [o.name for o in state.objects if o.name not in excluded]
    if re.match(r"\s*both\b", text[m.start():]) and len(state.objects) != 2:
        return Rewrite(text, f"'both' needs exactly two objects; the scene has {len(state.objects)}")
    count = _COUNT.match(text[m.start():])
    if count is not None:
        said = _NUMBERS.get(count.group(1)) or int(count.group(1))
        if said != (len(chosen) if lacking else len(state.objects)):  # "the two cubes that aren't red": after
            return Rewrite(text, f"'{count.group(0).strip()}' does not match the scene, which has "
                                 f"{len(state.objects)} objects ({', '.join(state.names)}): which ones are meant is "
                                 f"unclear")
    if not chosen:
        return Rewrite(text, "the quantifier leaves no object to move once the exclusions are taken out")
    # (also a next sentence with no order word: "Every cube, please you put on the right side. The red one in the bin."
    # / "Put every cube on the right side; put the red one in the bin." moved the red cube twice, A1 s15 H83)
    joined = re.match(r"\s*,?\s*and\s+(?!then\b)|\s*[;.!](?!\s*(?:and\s+|but\s+)?(?:then|after that|afterwards|next|"
                      r"finally|later|lastly)\b)", later)
    # "all the cubes in the bin and the red one on the pad", "put red on the pad, then all the cubes in the bin":
    # all of them, or the rest? Asked, not guessed.
    again = [n for _, n in _colour_mentions(later if joined else "", state) + _colour_mentions(pre, state)
             if n in chosen]
    if again:
        return Rewrite(text, f"the quantifier covers the {again[0].replace('_', ' ')}, and another clause moves it "
                             f"too: say 'every cube except ...' or '..., then ...' after the quantifier")
    if verb_word in ("pick up", "grab", "take") and len(chosen) > 1:
        return Rewrite(text, "the gripper holds one object at a time: cannot pick up several")
    order = _movable_order(chosen, state)
    if first:
        stated_order = [*first, *then_named]
        if len(set(stated_order)) != len(stated_order):
            return Rewrite(text, "the same cube is said to go at two places in the order: contradictory")
        for i, start in enumerate(stated_order):
            if start not in chosen:
                return Rewrite(text, f"the words {'start with' if i == 0 else 'order'} the {start.replace('_', ' ')}, "
                                     f"which the quantifier "
                                     f"leaves out: contradictory")
            above = next((o for o, below in state.on.items() if below == start and o not in stated_order[:i]),
                         None)
            if above is not None or (i == 0 and state.holding not in (None, start)):
                blocker = above or state.holding or ""
                return Rewrite(text, f"the {start.replace('_', ' ')} cannot go "
                                     f"{'first' if i == 0 else 'where the words put it'}: the "
                                     f"{blocker.replace('_', ' ')} {'rests on it' if above else 'is held'} and must "
                                     f"be moved before it")
        order = [*stated_order, *(n for n in order if n not in stated_order)]
    if any(n not in chosen for n in included):
        return Rewrite(text, f"the words include the {next(n for n in included if n not in chosen).replace('_', ' ')}"
                             f", which the quantifier leaves out: contradictory")
    if last:
        if last[0] not in chosen or (first and last[0] in [*first, *then_named]) or \
                order_phrase is not None:
            return Rewrite(text, f"the {last[0].replace('_', ' ')} is said to go last, which the quantifier leaves out "
                                 f"or another order word contradicts")
        order = [*(n for n in order if n != last[0]), last[0]]
    if order_phrase is not None:
        if first:
            return Rewrite(text, f"'{order_phrase}' and the cube said to go first are two orders: which holds is "
                                 f"unclear")
        reordered = ordered_by(order_phrase, chosen, state)
        if isinstance(reordered, str):
            return Rewrite(text, reordered)
        order = reordered
    base = GERUNDS.get(verb_word, verb_word)
    where = post.rstrip(' .!')
    if len(re.findall(r"\b(?:in|into|on|onto|to|inside|ontop)\b", where)) > 1:
        # "put every cube in the bin, but the red one on the pad" (A1 s9 G21): the words after the quantifier's place
        # were copied into each of its clauses (red binned, then taken out to the pad)
        return Rewrite(text, f"'{where.strip(' ,')}' after the quantifier: which cubes each place is for is unclear; "
                             f"say 'every cube except X in the bin, then X on the pad'")
    clauses = [f"{base} the {n.replace('_', ' ')}{where}" for n in order]
    return Rewrite(pre + ", then ".join(clauses) + tail, changed=True)


# ------------------------------------------------------------------------------ the order of a quantifier's cubes
# Said after the quantifier's clause, the order its cubes go in (fresh split 14): by where they are ("the one nearest
# you first, then the next nearest, and so on", "leftmost first", "working from the rightmost one to the leftmost
# one") or by colour ("green before blue", "green first, then blue"). Only the whole closing phrase is read; any other
# word in it ("but not the leftmost first") leaves it unread, so refused.
_EXTREME = r"(?:leftmost|rightmost|nearestbase|farthestbase|frontmost|backmost|nearest|closest|farthest|furthest)"
# An extreme word -> (the scene's measure, ascending?): the cube that measure ranks first goes first.
_EXTREME_KEYS = {"leftmost": ("y", False), "left": ("y", False), "rightmost": ("y", True), "right": ("y", True),
                 "nearestbase": ("r", True), "nearest": ("r", True), "closest": ("r", True),
                 "farthestbase": ("r", False), "farthest": ("r", False), "furthest": ("r", False),
                 "frontmost": ("x", False), "backmost": ("x", True)}
_OPPOSITE = {("y", False): ("y", True), ("y", True): ("y", False), ("r", True): ("r", False),
             ("r", False): ("r", True), ("x", False): ("x", True), ("x", True): ("x", False)}
_ROBOT = r"(?: (?:to|from) (?:you|me|the robot|the base|yourself))?"
_CUBE_NOUN = r"(?: (?:one|cube|block|brick))?"
_AND_SO_ON = r"(?:\s*,?\s*(?:and so on|and so forth|and on|etc\.?|et cetera))?"
_SPATIAL_FIRST = re.compile(
    rf"(?:(?:starting|beginning|start|begin) (?:with|from|at) (?:the )?(?P<a>{_EXTREME}){_CUBE_NOUN}{_ROBOT}|"
    rf"(?:the )?(?P<b>{_EXTREME}){_CUBE_NOUN}{_ROBOT} first|"
    rf"(?:the )?(?:one|cube|block) (?P<c>{_EXTREME}){_ROBOT} first)"
    rf"(?:\s*,?\s*(?:and )?then (?:the )?(?:next|second)(?: (?:{_EXTREME}|one|cube|block|closest|nearest))*)?"
    rf"{_AND_SO_ON}")
_SPATIAL_RANGE = re.compile(
    rf"(?:(?:working|going|moving|proceeding|starting|doing (?:it|them)|one by one|in order)\s+)*"
    rf"from (?:the )?(?P<a>{_EXTREME}|left|right){_CUBE_NOUN}{_ROBOT} to (?:the )?(?P<b>{_EXTREME}|left|right)"
    rf"{_CUBE_NOUN}{_ROBOT}|(?P<c>left|right) to (?P<d>left|right)")
_COLOUR_ONE = rf"(?:the )?(?:{'|'.join(sorted(lx.COLOR_WORDS, key=len, reverse=True))}){_CUBE_NOUN}"
_COLOUR_BEFORE = re.compile(rf"({_COLOUR_ONE})((?:\s+(?:before|ahead of|and then|then)\s+{_COLOUR_ONE})+)")
_ORDER_TAIL = re.compile(r"\s*,\s*(?:(?:and|but)\s+)?(?P<tail>[a-z ,.]+?)\s*[.!]?\s*$")


def closing_order(text: str) -> tuple[str, str] | None:
    """(``text`` without its closing order phrase, that phrase) where a quantifier's order closes it; else None."""
    m = _ORDER_TAIL.search(text)
    while m is not None:
        tail = m.group("tail").strip(" ,.")
        if _SPATIAL_FIRST.fullmatch(tail) or _SPATIAL_RANGE.fullmatch(tail) or _COLOUR_BEFORE.fullmatch(tail):
            return text[:m.start()], tail
        # "..., the one nearest you first, then the next nearest, and so on": the phrase holds commas of its own
        m = _ORDER_TAIL.search(text, m.start() + 1) if "," in text[m.start() + 1:] else None
        if m is not None and m.start() == 0:
            m = None
    return None


def ordered_by(phrase: str, chosen: list[str], state: SceneState) -> list[str] | str:
    """``chosen`` in the order ``phrase`` (from ``closing_order``) states, or the reason it cannot be followed."""
    colours = _COLOUR_BEFORE.fullmatch(phrase)
    if colours is not None:
        named: list[str] = []
        for said in re.split(r"\s+(?:before|ahead of|and then|then)\s+", phrase):
            names = _colour_names(said, state)
            if isinstance(names, str) or len(names) != 1:
                return f"'{said}' in '{phrase}' must name one cube of the scene"
            if names[0] not in chosen:
                return (f"'{phrase}' orders the {names[0].replace('_', ' ')}, which the quantifier leaves out: "
                        f"contradictory")
            named.extend(names)
        if len(set(named)) != len(named):
            return f"'{phrase}' names the same cube twice: the order is unclear"
        return [*named, *(n for n in chosen if n not in named)]
    first = _SPATIAL_FIRST.fullmatch(phrase)
    if first is not None:
        key = _EXTREME_KEYS[next(g for g in first.group("a", "b", "c") if g)]
    else:
        ends = _SPATIAL_RANGE.fullmatch(phrase)
        if ends is None:
            return f"'{phrase}' does not state an order"
        a, b = (g for g in ends.group("a", "b", "c", "d") if g)
        key = _EXTREME_KEYS[a]
        if _OPPOSITE[key] != _EXTREME_KEYS[b]:
            return f"'{phrase}' does not run from one end to the other: the order is unclear"
    placed = [state.get(n) for n in chosen]
    if any(o.position is None for o in placed):
        return f"'{phrase}' needs the cubes' positions, which the scene does not give"
    measure, ascending = key

    def value(name: str) -> float:
        pos = state.get(name).position or (0.0, 0.0, 0.0)
        raw = math.hypot(pos[0], pos[1]) if measure == "r" else pos[1] if measure == "y" else pos[0]
        return raw if ascending else -raw
    ranked = sorted(chosen, key=value)
    for a, b in itertools.pairwise(ranked):
        if abs(value(a) - value(b)) < _ORDER_TIE_M:
            return (f"the {a.replace('_', ' ')} and the {b.replace('_', ' ')} are level, so '{phrase}' does not say "
                    f"which goes first")
    return ranked


_ORDER_TIE_M = 0.02  # two cubes closer than this in the ordering measure are level (as mentions.py's ties)


def _first_named(post: str, state: SceneState) -> tuple[list[str] | str, str]:
    """(the cube said to go first, ``post`` without those words) for "..., the red one first", "..., starting with
    the purple one" closing ``post``; ([], post) where no colour is said first; a reason where it names no single
    cube of the scene."""
    found = _FIRST.search(post)
    if found is None:
        return [], post
    phrase = next(g for g in found.groups() if g)
    if not any(w in lx.COLOR_WORDS for w in phrase.split()):
        return [], post  # "... in the bin first": no cube said first, left to the order words' reading
    named = _colour_names(phrase, state)
    if isinstance(named, str) or len(named) != 1:
        return f"'{found.group(0).strip(' ,.')}' must name one cube of the scene to start with", post
    if re.match(r"\s*,?\s*and\b", found.group(0)) and re.search(rf"\b{_EXCEPT}\s+{_EXCLUDED}\s*,?\s*$",
                                                               post[:found.start()]):
        # "but not the red and the blue one first": the blue one left out too, or the first to go? (ADV 14)
        return (f"'{post.strip(' ,.')}' reads two ways: whether the {named[0].replace('_', ' ')} is left out too "
                f"or goes first is unclear"), post
    return named, post[:found.start()]


def _last_named(post: str, state: SceneState) -> tuple[list[str] | str, str]:
    """(the cube said to go last, ``post`` without those words) for "..., the red one last" closing ``post``; ([], post)
    where none is; a reason where it names no single cube of the scene."""
    found = _LAST.search(post)
    if found is None:
        return [], post
    phrase = next(g for g in found.groups() if g)
    if not any(w in lx.COLOR_WORDS for w in phrase.split()):
        return [], post
    named = _colour_names(phrase, state)
    if isinstance(named, str) or len(named) != 1:
        return f"'{found.group(0).strip(' ,.')}' must name one cube of the scene to end with", post
    return named, post[:found.start()]


def _movable_order(chosen: list[str], state: SceneState) -> list[str]:
    """``chosen`` in the scene's order, except that a held cube goes first and a cube goes after every chosen
    cube stacked on it (so "every cube in the bin" unstacks instead of being refused)."""
    pending = sorted(chosen, key=lambda n: n != state.holding)
    out: list[str] = []
    while pending:
        free = next((n for n in pending if not any(state.on.get(o) == n for o in pending if o != n)), None)
        if free is None:
            return chosen
        out.append(free)
        pending.remove(free)
    return out


def _has_clause_break(text: str) -> bool:
    return bool(re.search(r"[;.!?]|\bthen\b|\band\s+(?:put|place|move|stack|pick|grab|push|go)\b", text))
