"""Towers, spelled out as the clauses they mean (expansion.py re-exports expand_tower; phrasing.py calls it before
parsing), and the colour readers the quantifiers of expansion.py share with them.

"red at the bottom, then green, then blue" and "from top to bottom: blue, green, red" both become "put the
green cube on the red cube, then put the blue cube on the green cube". Where the words are recognised but cannot be
read completely (order words that disagree, a count the scene does not match) the result carries the refusal reason
instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from policies.planner import lexicon as lx
from policies.planner.mentions import Context, UngroundedError, ground, parse_object
from policies.planner.request import NEGATION_MARKERS, marked_words
from policies.planner.scene_state import SceneState

# An object phrase as typed ("the red cube", "the green one", "blocks"); also used by phrasing.py's idioms.
NP = r"(?:the |a |an )?(?:[a-z]+ )?(?:cube|block|brick|one|object|thing)s?"
_COLOURS_ALT_EARLY = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
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
            r"crowns (?:the (?:top|tower|stack|pile)|it)|crowning (?:the (?:top|tower|stack|pile|arrangement)|it)|" \
            r"to crown (?:it|the (?:tower|stack|pile))"  # ("..., and orange to crown it!", dev_s22 fi65-066)
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
                            r"(?=\s*:)|"
                            # "stack all three. yellow bottom, then purple, green on top." (dev_s22 fi65-000)
                            r"(?:^|(?<=[.;:!]\s))(?:please )?stack (?:them )?all (?:three|four|five|six|[3-6])"
                            r"(?=\s*[.:]))\b",
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
    closer = _TOWER_CLOSER.search(said)
    worded = said[:closer.start()] if closer is not None and _TOWER_MADE.search(said[:closer.start()]) else said
    unread = sorted(set(re.findall(r"[a-z]+", TOWER_PURPOSE.sub(r"\1", _TOWER_KIND.sub(
        r"\1", _ALONE_ADDRESS.sub(r"\1", worded))))) -
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
    big large way ordering floor laid
    """))
# An address or thanks standing alone between marks, as a speaker puts around any request ("Build us a stack, bro: ...
# Chur.", dev_s16 fi47-013; "Make a pile, son.", dev_s17 fi49-060): no word of the tower's, so not counted as unread;
# never where it fills a tower's slot ("..., bro in the middle, ...": unread, A1 s17 H118)
_ALONE_ADDRESS = re.compile(r"(^|[,.;:!?])\s*(?:mate|bro|pal|buddy|bud|dude|man|fam|boss|chief|love|dear|sir|robot|"
                            r"robo|bot|friend|lad|lass|son|chur|ta|cheers|partner|everybody|everyone|folks)"
                            r"\s*(?=[,.;:!?]|$)")
# One closing word in a sentence of its own after a tower asked for with a verb that makes it ("Let's build a big tall
# tower! ... right on the very top. Ready?", seen f27-011, fi53-013; "Yes.", fi55-039; "Yay!", fi57-032; "Stack them up:
# purple as the base, red on that. Done.", fi56-015): it asks nothing more. Only as the very last sentence, only after
# such a verb (after verbless levels "Yay!" may celebrate a tower found, REV s22 R15), "Ready?" the only one asked
# (semantic_parser refuses "Yes?", "Done?" and a closer hedged, whose marks phrasing drops)
_TOWER_CLOSER = re.compile(r"[.!?]\s*(?:ready\s*\?|ready|yes|yay|done)\s*[.!]*\s*$")
_TOWER_MADE = re.compile(r"\b(?:stack|build|make|pile|raise|erect|construct|assemble)\b")
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
# What the tower is for, said right after its noun (and count) or opening the words, before the colon or comma that
# opens its levels ("I need a stack of four for the grasp test: green as the base, ...", dev_s21 fi62-052; "For the
# stacking test: orange goes at the very bottom, ...", seen fi35-014): a closed class of occasions, with at most two
# closed words before it (never a past, failed, unreal or future one: "for the failed test" stays unread, A1 s21
# H175), not read (it changes no level); any other "for ..." stays unread. semantic_parser screens the words without it
# as said (an interjection before it: "Wow, for the demo: ..." refuses, H175).
_OCCASION_WORDS = r"(?:grasp|grasping|stacking|stack|big|robot|robotics|lab|team|group|morning|afternoon|school|" \
                  r"science|vision|camera|practice|open|little|main|press|kids'|visitors'|students')"
TOWER_PURPOSE = re.compile(rf"(?:\b((?:tower|stack|pile)(?: of (?:two|three|four|five|six|[2-6]))?) |^\s*|"
                           rf"(?<=[,;:!])\s*)for "
                           rf"(?:the|a|an|my|our|this|today's) (?:{_OCCASION_WORDS} ){{0,2}}(?:test|tests|demo|"
                           r"demonstration|experiment|trial|run|photo|picture|shoot|video|class|lesson|talk|"
                           r"presentation|display|show|calibration|benchmark|visitors|students|kids|repro)"
                           # (or opening the words before "I/we need|want" and the tower: "For the repro I need a
                           # three-high stack: ...", dev_s22 fi65-052)
                           r"(?=\s*[:,]|\s+(?:i|we) (?:need|want|would like|'d like) (?:a|an|one)\b)")
# A tower looked at or owned ("Look at the tower!", "Check out that stack:", "Your stack:", A1 s17 H117 / s18 H133)
_SHOWN_TOWER = re.compile(r"\b(?:(?:look at|check out|behold)(?: (?:the|that|this|my|your|our|his|her|their))?|"
                          r"(?:your|my|our|his|her|their))(?: [a-z]+)? (?:tower|stack|pile)\b|"
                          # a tower pointed at or dated at the head of a sentence, then described ("That tower: red at
                          # the bottom, ...", "This stack - ...", "The last tower: ...", "The tower: ...", A1 s19 H133
                          # residue): a tower there is, no request; and a look asked for with no tower named ("Look!
                          # ...", "Look at this! ...", "See that? ...", "Check this out: ...")
                          r"(?:^|[.!?;]\s*)\W*(?:that|this|these|those|the)(?: [a-z]+)? (?:tower|stack|pile)s?"
                          # (also with its count or what it is for: "That tower for the demo: ...", "The tower of
                          # three: ...", A1 s21 H168 / H169)
                          r"(?: of (?:two|three|four|five|six|[2-6]))?(?: for (?:[a-z'-]+ ){0,3}[a-z'-]+)?"
                          r"\s*[:!.;,\-–—]|"
                          # (REV s22 R8/R9: a tower said built, done or fallen, one dated with no article, or asked
                          # about, at the head of a sentence: "Tower built: ...", "Last tower: ...", "Tower? ...")
                          r"(?:^|[.!?;]\s*)\W*(?:(?:last|previous|old|latest|yesterday's|today's)\s+(?:tower|stack|pile)s?"
                          r"\s*[:!.;,\-–—?]|(?:tower|stack|pile)s?\s+(?:built|made|done|finished|complete|completed|fell|"
                          r"fallen|standing|ready)\s*[:!.;,\-–—?]|(?:an?\s+)?(?:tower|stack|pile)s?\s*\?)|"
                          r"\b(?:look|see|behold|lo|check (?:this|that|it) out)(?: at)?(?: (?:this|that|it|these|those|"
                          r"them|here|there))?\s*[!?:.;\-–—]")
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


# ------------------------------------------------------------------- colours, shared with the quantifiers
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
