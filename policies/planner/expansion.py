"""Quantifiers, spelled out as the clauses they mean (phrasing.py calls these before parsing); towers live in towers.py
(re-exported here).

"every cube except the green one in the bin" and "... and the rest in the bin" become one clause per object, in the
scene's object order. Where the words are recognised but cannot be read completely (an exclusion naming nothing in
the scene, "all three cubes") the result carries the refusal reason instead: a half-read quantifier would move what
the words leave out.
"""

from __future__ import annotations

import itertools
import math
import re

from policies.planner import lexicon as lx
from policies.planner.request import NEGATION_MARKERS, marked_words
from policies.planner.scene_state import SceneState
from policies.planner.towers import (
    _COLOURS_ALT_EARLY,
    _HOME_END,
    _NUMBERS,
    NP,
    Rewrite,
    _colour_mentions,
    _colour_names,
    _placed_names,
    expand_tower,
)

__all__ = ["GERUNDS", "NP", "Rewrite", "expand_quantifier", "expand_tower"]

# "putting the red cube in the bin" reads as "put the red cube in the bin".
GERUNDS = {"putting": "put", "placing": "place", "moving": "move", "stacking": "stack", "picking": "pick",
            "pushing": "push", "setting": "set", "dropping": "drop", "grabbing": "grab"}

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


_NO_QUANTIFIER = re.compile(
    r"\bboth the [a-z]+ and the [a-z]+\b|\ball (?:day|morning|afternoon|evening|night|week|month|season|year|summer|"
    r"winter)(?: long)?\b|\bat all\b|\ball over (?:the|my|this|our|your) [a-z]+\b|\ball (?:by (?:itself|themselves)|"
    r"alone|on its own)\b|\ball right\b|\b(?:its|his|her|my|your|their|our) (?:whole|entire) (?:life|career|day|week|"
    r"season|year)\b|\bwith all (?:due )?(?:ceremony|respect|care|courtesy|dignity|grace)\b|\by'?all\b|\bya'?ll\b|"
    r"\b(?:that's|that is|that'll be|that will be) all\b|\ball (?:i|we) (?:need|want|ask|'m after|am after|'re after|"
    r"are after)\b|\b(?:we're|we are|you're|you are) all\b|"
    # s20 family D1 (dev fi58-005, fi58-026, fi58-079, fi59-073): people, times and events counted, never cubes:
    # "everyone's been on about", "after every gig", "every time", "that's the whole act", "the whole floor to mop"
    r"\b(?:everyone|everybody)(?:'s)?\b|\bevery (?:single )?(?:gig|time|day|night|morning|evening|week|run|trial|show|"
    r"session|demo|shift|visit|performance|rehearsal|lesson|class)s?\b|\bthe (?:whole|entire) (?:act|show|point|idea|"
    r"day|week|morning|afternoon|evening|night|floor|ward|lab|building|office|team|class|world|family|crew|audience|"
    r"routine|performance|story)\b")


def without_uncounted(text: str) -> str:
    """``text`` (lower case) less the "all" / "every" / "whole" that count no cubes ("that's all", "all right", "at
    all", "every time", "everyone"): what is left of the quantifiers may pick out objects."""
    return _NO_QUANTIFIER.sub(" ", text)


_UNREAD_QUANTIFIER = re.compile(r"\b(?:all|every|each|both|everything|everyone|the rest|the others|remaining|"
                                r"except|excluding|whole|entire)\b")


# The verbs a quantifier's clause may have: every placing verb but those that never move a cube to a place
# ("leave", "build"; "transfer all cubes to the pad", fresh split f12-027)
# ("push both cubes forward": a push each, fresh split indep11-038)
_QUANTIFIED_VERBS = "|".join(sorted((lx.PLACE_VERBS - {"leave", "build", "rest"}) | lx.PUSH_VERBS |
                                    {"pick up", "grab", "take"}, key=len, reverse=True))
# "Push both of them forward. Both. Not just one of them." (r23 f23-053): "both" said again for emphasis
# (s21 dev fi61-079 "move both of them to the left. both. yes both.": said again up to three times, after "yes")
_SAID_AGAIN = re.compile(r"(?:\s*[.!]\s*(?:(?:yes|yeah|yep|i said|i mean)\s*,?\s*)?both(?: of them)?(?= *[.!]|$)){0,3}"
                         r"(?:\s*[.!]\s*not (?:just |only )?(?:one|the one)(?: of them)?)?\s*[.!]?\s*$")
# (also "without exception", "no exceptions", "bar none", fi48-073: the quantifier's whole reach said again)
# (s21 dev fi62-019 "..., okay? No cube should be left out.": none left out; said up to three times, after "yes"; a
# bare "All." stays unread: "..., All?" / "All, I think." refuse, A1 s21 H170; semantic_parser refuses a reach said
# again with a "?" or a hedge after it, which phrasing drops before these are read)
_ALL_AGAIN = re.compile(r"(?:\s*[.!,?]\s*(?:(?:yes|yeah|yep|i said|i mean)\s*,?\s*)?(?:every (?:single |last )?one|"
                        r"each (?:and every )?one|all of them|the (?:whole )?lot|without (?:any )?exceptions?|"
                        r"no exceptions?|bar none|no (?:cube|block|brick|one) (?:should|must|is to|shall) be left "
                        r"(?:out|behind)|leave none (?:out|behind)|(?:don't|do not) leave (?:any|a single one|one) "
                        r"(?:out|behind))(?: of them)?(?:\s*,?\s*(?:yes|yeah|yep))?){1,3}\s*[.!]?\s*$")
# "every other cube" after a cube set apart ("Leave the orange cube alone and move every other cube to the right
# side.", fi54-030): all the other cubes, read as those are (with no cube set apart before, they stay unread); "both
# cube" (a learner's singular, fi48-067): both cubes
_EVERY_OTHER = re.compile(r"\bevery other (?:cube|block|brick|one)\b")
_BOTH_ONE = re.compile(r"\bboth (cube|block|brick)\b(?!s)")
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
# ("need to go / has to go": the goal said as a need, P3 s23 dev fi67-037 "... all the blocks on the table need to go to
# the left side", as "should go" reads; "don't need to go", "needed to go", "will need to go" stay unread)
_GOAL_VERB = (r"(?:go|goes|should go|must go|shall go|(?:need|needs|has|have) to go|belong|belongs|can go|to go|to be|"
              r"(?:should|must|shall|need to|"
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
    text = _EVERY_OTHER.sub("all the other cubes", _BOTH_ONE.sub(r"both \1s", text))
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
        scrubbed = _OTHERS_NEGATED.sub(" ", without_uncounted(text))
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
    # ("Can all the cubes go in the bin?", dev_s20 fi58-063: asked with "can / could" and "go" as "Can every cube go
    # in the bin?" already reads; only those two modals, only "go" right after the cubes)
    asked = re.fullmatch(r"(?:(?:please|so|ok|okay)\s*,?\s+)*(?:can|could)\s+", pre) is not None and \
        re.match(r"\s*go\s+(?:in|into|on|onto|to)\b", post) is not None
    if verb is None and (not pre.strip(" ,") or _WISH.match(pre) or asked) and \
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
    if re.fullmatch(r"(?:stack|pile|heap)(?:ing)?(?: up)?", verb_word) and len(chosen) > 1 and \
            re.search(r"\b(?:pad|bin|left|right|side|region|area|table|trash|tray)\b", post):
        # "Stack all the cubes on the pad." (REV s23 R11): a pile of several cubes on a place, with no order said; each
        # put down in the place side by side would leave the request unmet, a tower would guess the order
        return Rewrite(text, "several cubes stacked on a place with no order said: say which goes at the bottom "
                             "('a tower with X at the bottom, ...') or 'put ... on the pad'")
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
