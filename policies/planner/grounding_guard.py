"""Grounding checks run before the language model sees an instruction the parser could not read.

The 270M model picks a present object when the instruction names an absent one (issue #5), so whatever can
be refused from the words alone is refused here, deterministically: a colour no object has (also when
misspelt, "blakc cube"), a kind of object the scene does not hold ("the ball"), a reflexive goal ("on
itself"), and a destination outside the closed world of the scene: the place after "in/on/to/under..." must
be a region, an object or a position word, so "the drawer", "the table" or "me" never become the bin.
Unknown region synonyms ("tray") are refused too: a refusal costs a re-phrasing, a guess can move the arm.
Last, the model may plan only an instruction whose every word is in a closed list (scene names, skill verbs,
places, directions, a few function and politeness words, _HARMLESS): the model drops the words it cannot match, and
a negation, condition or aside dropped runs the arm (A1 session 7, F19-F23).
The screen also corrects one-letter typos of known words so the model's prompt reads cleanly.
It never proposes a plan: it only refuses or passes the instruction on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from policies.planner import lexicon as lx
from policies.planner.licence import BIN_WORDS, PAD_WORDS
from policies.planner.plan import Refusal
from policies.planner.scene_state import SceneState

# Colour names no lexicon entry maps to a scene colour: mentioning one names an absent object.
OTHER_COLOURS = frozenset({"black", "white", "pink", "teal", "brown", "grey", "gray", "silver", "beige", "maroon",
                           "turquoise", "indigo", "cream", "tan", "khaki", "bronze", "copper"})
# Graspable things that are not cubes; the devset scenes hold only cubes, so naming one is an absent object.
OTHER_OBJECTS = frozenset({"ball", "balls", "sphere", "cylinder", "bottle", "cup", "mug", "pen", "pencil",
                           "phone", "book", "toy", "plate", "bowl", "spoon", "fork", "knife", "apple", "banana",
                           "screwdriver", "hammer", "tool", "marker"})
REFLEXIVES = frozenset({"itself", "themselves"})
# Real words one edit from a colour ("the rod cube", "the bed cube" ran red, A1 s7 F23): never corrected to it, and
# before a noun they name no object of the scene.
NEAR_COLOUR_WORDS = frozenset({"rod", "bed", "led", "fed", "wed", "ted", "rid", "rad", "reed", "read", "bred", "ref",
                               "rex", "rev", "glue", "clue", "blur", "flue", "greed", "greet", "fellow", "mellow",
                               "bellow", "grew", "prey", "grab", "grad", "great", "orangey", "pinky"})
# Words that make a colour approximate ("the almost red cube" ran red): the words name no colour exactly.
_COLOUR_HEDGES = frozenset({"almost", "nearly", "kinda", "somewhat", "slightly", "partly", "mostly", "roughly",
                            "reddish", "bluish", "blueish", "greenish", "yellowish", "orangish", "purplish", "ish",
                            "not", "non", "un"})
_REGION_WORDS = frozenset(w for phrases in lx.REGION_PHRASES.values() for p in phrases for w in p
                          if w not in ("left", "right"))
# Only colour and object nouns are corrected: they are what grounding reads, and a wider vocabulary turns real
# words into wrong ones ("bit" -> "bin", "once" -> "one", "hand" -> "and").
_CORRECTABLE = (frozenset(lx.COLOR_WORDS) | OTHER_COLOURS
                | frozenset({"cube", "cubes", "block", "blocks", "brick", "bricks"}))
_REGION_PAIRS = frozenset(p for phrases in lx.REGION_PHRASES.values() for p in phrases if len(p) == 2)
_DEST_PREPS = frozenset({"in", "into", "inside", "on", "onto", "to", "under", "underneath", "beneath", "below",
                         "behind", "within", "atop", "upon"})
# What may follow a destination preposition: regions, objects, positions (and a verb, for "to put").
_PLACE_WORDS = (_REGION_WORDS | frozenset(lx.KIND_WORDS) | frozenset(lx.COLOR_WORDS) | lx.MOTION_VERBS
                | frozenset({"left", "right", "front", "back", "side", "half", "area", "region", "part",
                            "top", "middle", "center", "centre", "it", "them", "home", "position",
                            "pose", "start", "where", "itself", "themselves",
                            # "I want the end result to be red on the pad": "to be" is no place
                            "be"})
               | frozenset(w for p in lx.HOME_PHRASES for w in p) | BIN_WORDS | PAD_WORDS)
_MODIFIERS = lx.DETERMINERS | frozenset({"my", "your", "his", "her", "its", "their", "our", "far", "very", "other",
                                         "same"})
_PEOPLE = frozenset({"me", "him", "us", "you", "someone", "somebody", "person", "people", "human", "operator"})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[^a-z\s]")


# Words that point at an object without naming its colour ("the other one", "the middle block", "the cube
# off the red one"): with one of them the model may use any object, not only the colours named.
_RELATIONAL = frozenset({"other", "middle", "center", "centre", "furthest", "farthest", "leftmost", "rightmost",
                         "far", "top", "off", "next", "nearest", "closest", "between", "beside", "of", "all",
                         "every", "each", "rest", "remaining", "stack"})


@dataclass(frozen=True)
class Screened:
    """The instruction with typos of known words corrected, and a refusal when the words alone decide.

    ``objects``: the objects the words name by colour, to which the model's options are restricted; None
    where the instruction names none by colour or points at one by relation ("the other one").
    """

    text: str
    refusal: Refusal | None
    objects: frozenset[str] | None = None


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# Words corrected only from a swap of two adjacent letters ("teh", "rigth"): any one edit would turn real words
# into them ("then" -> "the", "lift" -> "left"), and a swap is the usual typo (seen on the tune split).
_SWAP_CORRECTABLE = frozenset({"the", "left", "right", "side", "home", "push", "pick", "stack", "place", "grab"})


def _is_adjacent_swap(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def correct(token: str, present: frozenset[str] = frozenset()) -> str:
    """The one colour or object noun within one edit of ``token`` (three letters or more), else ``token``.

    Where two words are that near ("gren": green, grey), the one colour ``present`` in the scene wins; with
    none or several present the word stays as written.
    """
    if token in _CORRECTABLE or token in NEAR_COLOUR_WORDS or token in _KNOWN or len(token) < 3 or not token.isalpha():
        return token  # a word the screen reads is no typo ("pick cube" is not "pink cube")
    swapped = [w for w in _SWAP_CORRECTABLE if _is_adjacent_swap(token, w)]
    if len(swapped) == 1:
        return swapped[0]
    near = [w for w in _CORRECTABLE if len(w) >= 3 and within_one_edit(token, w)]
    if len(near) > 1:
        near = [w for w in near if lx.COLOR_WORDS.get(w) in present]
    return near[0] if len(near) == 1 else token


def screen(instruction: str, state: SceneState) -> Screened:
    """Correct typos, then refuse absent colours or kinds and reflexive goals; anything else passes."""
    raw = _WORD.findall(instruction.lower().replace("’", "'"))
    fixed = [correct(t, frozenset(o.color for o in state.objects)) for t in raw]
    colours = {o.color for o in state.objects}
    kinds = {o.kind for o in state.objects}
    tokens: list[str] = []
    for i, (orig, tok) in enumerate(zip(raw, fixed, strict=True)):
        nxt = fixed[i + 1] if i + 1 < len(fixed) else ""
        is_colour = tok in lx.COLOR_WORDS or tok in OTHER_COLOURS
        # A corrected word counts as a colour only before a noun ("blakc cube"): "tray" is one letter from
        # "gray" but names a container.
        if is_colour and tok != orig and nxt not in lx.KIND_WORDS:
            tok, is_colour = orig, False
        tokens.append(tok)
        if is_colour and (tok, nxt) not in _REGION_PAIRS:  # "the white pad" names a region, not an object
            colour = lx.COLOR_WORDS.get(tok, tok)
            if colour not in colours:
                return Screened(" ".join(tokens), Refusal(
                    reason=f"there is no {tok} object in the scene (objects: {', '.join(state.names)})"))
        # "grab red" is the verb before a colour, not a colour one letter from "gray"
        if tok in (NEAR_COLOUR_WORDS - _KNOWN) | _COLOUR_HEDGES and nxt in lx.KIND_WORDS | lx.COLOR_WORDS.keys():
            return Screened(" ".join(tokens), Refusal(
                reason=f"there is no {tok} {nxt} in the scene: name its colour as one of "
                       f"{', '.join(sorted(colours))} (objects: {', '.join(state.names)})"))
        if tok in OTHER_OBJECTS and tok.rstrip("s") not in kinds:
            return Screened(" ".join(tokens), Refusal(
                reason=f"there is no {tok} in the scene (objects: {', '.join(state.names)})"))
        if tok in REFLEXIVES:
            return Screened(" ".join(tokens), Refusal(reason="cannot put an object on itself"))
    unread = _unread_words(instruction, tokens, state)
    if unread is not None:
        return Screened(" ".join(tokens), Refusal(reason=unread))
    said = next((f"{a} {m}" for a, m in pairwise(tokens) if m in _MODALS
                 and (a in lx.KIND_WORDS or a in lx.COLOR_WORDS or a == "it")), None)
    if said is not None:  # "The red cube could end up on the pad." ran: a possibility said of a cube, not a request
        return Screened(" ".join(tokens), Refusal(
            reason=f"could not understand the instruction: '{said}' says what a cube could or would do, not what the "
                   "robot should do; say it as a request ('put ...')"))
    place = _foreign_place(tokens)
    if place is not None:
        return Screened(" ".join(tokens), Refusal(
            reason=f"unsafe request: it directs the arm at a person ({place!r})" if place in _PEOPLE else
            f"there is no {place!r} in the scene: places are {', '.join(state.regions)} and the objects"))
    taste = _not_a_wish(tokens)
    if taste is not None:  # "I like the red cube on the pad" ran red -> pad (A1 s10 H4)
        return Screened(" ".join(tokens), Refusal(
            reason=f"could not understand the instruction: '{taste}' says what someone likes, not what the robot "
                   f"should do; say it as a request ('put ...', 'I'd like ...')"))
    loose = _objectless_motion(tokens) or _described_state(tokens) or _held_over(tokens) or _who_acts(tokens)
    if loose is not None:
        return Screened(" ".join(tokens), Refusal(reason=f"could not understand the instruction: {loose}"))
    unknown = sorted({t for t in tokens if t.removesuffix("'s") not in _HARMLESS})
    if unknown:
        return Screened(" ".join(tokens), Refusal(
            reason=f"could not understand the instruction: {', '.join(map(repr, unknown[:4]))} "
                   f"{'is no word' if len(unknown) == 1 else 'are no words'} the planner reads, and the model "
                   f"would plan the rest as if absent; say it with objects, places and pick, place or push"))
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(tokens))
    named = {lx.COLOR_WORDS[t] for i, t in enumerate(tokens) if t in lx.COLOR_WORDS
             and (t, tokens[i + 1] if i + 1 < len(tokens) else "") not in _REGION_PAIRS}
    if not named or _RELATIONAL & set(tokens):
        return Screened(text, None)
    return Screened(text, None, frozenset(o.name for o in state.objects if o.color in named))


def _unread_words(instruction: str, tokens: list[str], state: SceneState) -> str | None:
    """Why words the model would plan as if absent must stop it (each seen run wrong), else None."""
    numbers = _numbering(instruction)
    if any(b < a for a, b in pairwise(numbers)):  # "the red 1 ... the blue 1" repeats, in no order
        return (f"the instruction numbers its parts out of order ({', '.join(map(str, numbers))}): say them in the "
                f"order they are to be done")
    away = _away_from_place(tokens)
    if away is not None:
        return (f"'away from {away}' is no direction a skill takes (pushes go left, right, forward or backward; "
                f"places are {', '.join(state.regions)})")
    repeated = _phrase_in(tokens, _REPEATS) or next(
        (f"{t} times" for t, u in pairwise(tokens) if u == "times" and (t.isdigit() or t in _NUMBER_WORDS
                                                                         or t in ("few", "several", "many"))), None)
    if repeated is not None:
        return (f"could not understand the instruction: '{repeated}' asks to repeat a step, and a plan moves each "
                f"object once")
    report = next((t for t, u in pairwise([*tokens, ""]) if t in _REPORTS and u not in ("for", "with")), None)
    if report is not None:  # "Finished: put red in the bin", "put red in the bin (done)": a checklist, A1 s7 F17
        return (f"could not understand the instruction: '{report}' reports a task as finished; nothing is planned, "
                f"say only what the robot should do")
    returned = _put_back(tokens)
    if returned is not None:
        return (f"'{returned}' returns a cube to where it was, and no skill names that place: say where it goes "
                f"({', '.join(state.regions)}, or a cube to stack on)")
    unsaid = _unsaid_place(tokens)
    if unsaid is not None:
        return f"'{unsaid}' names no place: say which one ({', '.join(state.regions)}, or a cube to stack on)"
    ordered = _phrase_in(tokens, _ORDER_PHRASES)
    if ordered is not None:
        return (f"could not understand the instruction: {ordered!r} states an order of steps, and the model plans "
                f"in the order the words come")
    turned = _phrase_in(tokens, _REVERSALS)
    if turned is not None:
        return (f"could not understand the instruction: {turned!r} turns the request around, and a plan of the "
                f"words as written would do the opposite")
    return _hedge(instruction)


# Words that turn the whole request around ("put red on blue, vice versa", "stack red on blue, upside down"):
# the model plans the words before them, the opposite of what is asked (A1 session 7, F4), so they are refused.
_REVERSALS = (("vice", "versa"), ("upside", "down"), ("other", "way", "round"), ("other", "way", "around"),
              ("inverted",), ("invert",), ("reverse",), ("reversed",), ("reversing",), ("flip",), ("flipped",),
              ("flipping",), ("swap",), ("swapped",), ("swapping",), ("opposite",), ("conversely",), ("inversely",),
              ("backwards", "order"), ("turn", "it", "around"), ("turned", "around"))


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}
_PART_NOUNS = frozenset({"step", "objective", "task", "part", "stage", "item", "phase", "number", "no", "goal"})


def _numbering(instruction: str) -> list[int]:
    """The numbers that label the instruction's parts ("1.", "2)", "step two"), in the order written.

    The model plans in the order the words come ("2. put green on the pad 1. put red in the bin" ran green
    first, dev_phrasing-189), and no check reads numerals, so the caller refuses numbers out of order.
    """
    toks = re.findall(r"[a-z]+|\d+", instruction.lower())
    return [int(t) if t.isdigit() else _NUMBER_WORDS[t] for i, t in enumerate(toks)
            if t.isdigit() or (t in _NUMBER_WORDS and i > 0 and toks[i - 1] in _PART_NOUNS)]


# Order words beyond request.ORDER_MARKERS (which the checker refuses on unread words): the model plans in the
# order the words come, so "put red in the bin, but start by putting blue on the pad" would run red first.
_ORDER_PHRASES = (("start", "by"), ("begin", "by"), ("start", "with"), ("begin", "with"), ("starting", "with"),
                  ("beginning", "with"), ("to", "start"), ("to", "begin"), ("end", "with"), ("end", "by"),
                  ("ending", "with"), ("at", "the", "end"), ("in", "the", "end"), ("initially",), ("previously",),
                  ("subsequently",), ("precede",), ("precedes",), ("preceding",), ("preceded",), ("ahead", "of"),
                  ("by", "the", "time"), ("after", "which"), ("latter",), ("former",), ("in", "order"),
                  ("in", "sequence"), ("last", "of", "all"), ("first", "of", "all"))


# Repetition the plan cannot express (the fallback moves each object once): "push red left twice" ran one push.
_REPEATS = (("twice",), ("thrice",), ("repeatedly",), ("over", "and", "over"), ("back", "and", "forth"),
            ("to", "and", "fro"), ("again", "and", "again"), ("once", "more"))
# Words that report a step as finished ("we're done for today", "done with the red cube" are context, not reports).
_REPORTS = frozenset({"done", "finished", "completed", "complete", "already", "accomplished"})
_UNSAID_PLACE_WORDS = frozenset({"elsewhere", "somewhere", "anywhere", "wherever", "someplace", "anyplace"})
_PLACE_NOUNS = frozenset({"place", "spot", "side", "location", "position", "area", "region", "half", "part"})


def _unsaid_place(tokens: list[str]) -> str | None:
    """A destination said without naming it ("blue elsewhere", "somewhere else", "the other side", "a different
    spot"): the model filled it with a place it was offered ("stash red in the bin, blue elsewhere" binned both)."""
    for i, t in enumerate(tokens):
        if t in _UNSAID_PLACE_WORDS:
            return t
        if t in ("other", "another", "different", "same") and i + 1 < len(tokens) and tokens[i + 1] in _PLACE_NOUNS:
            return f"{t} {tokens[i + 1]}"
    return None


# What may follow "back" when it is a push's direction or a named destination ("put it back in the bin").
_AFTER_BACK = _DEST_PREPS | frozenset({"home", "to", "towards", "toward", "a", "slightly", "little", "bit", "side",
                                       "half", "of", "area", "region", "part", "edge", "row", "end", "corner"})
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "and", "then", "but", "-"})


def _put_back(tokens: list[str]) -> str | None:
    """A cube sent "back" by a verb that lifts it, with no place after ("put red on the pad. put it back, go
    home"): it returns where it was, which the model cannot name, so it planned the first clause alone (a seen
    false execution, dev_structure_s5-114). "push it back" is a direction; "put it back in the bin" names its place."""
    for i, t in enumerate(tokens):
        if t != "back" or (i + 1 < len(tokens) and tokens[i + 1] in _AFTER_BACK):
            continue
        start = max((j + 1 for j in range(i) if tokens[j] in _CLAUSE_ENDS), default=0)
        verbs = [w for w in tokens[start:i] if w in lx.MOTION_VERBS]
        if verbs and verbs[-1] not in lx.PUSH_VERBS:
            return " ".join(tokens[start + tokens[start:i].index(verbs[-1]):i + 1])
    return None


_MODALS = frozenset({"could", "would", "can"})
_SPEAKERS = frozenset({"me", "you", "us", "yourself", "robot", "arm", "base"})


def _away_from_place(tokens: list[str]) -> str | None:
    """What "away from" is said of, where it is no person and no robot ("move red away from the bin": the model
    put red in the bin), else None."""
    for i in range(len(tokens) - 2):
        if tokens[i:i + 2] == ["away", "from"]:
            rest = [t for t in tokens[i + 2:i + 5] if t not in _MODIFIERS]
            if rest and rest[0] not in _SPEAKERS:
                return " ".join(tokens[i + 2:i + 2 + tokens[i + 2:].index(rest[0]) + 1])
    return None


def _phrase_in(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> str | None:
    """The first of ``phrases`` in ``tokens``, as written, else None."""
    for i in range(len(tokens)):
        for phrase in phrases:
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                return " ".join(phrase)
    return None


def _foreign_place(tokens: list[str]) -> str | None:
    """The head word of a destination that is no region, object or position of the scene, else None."""
    for i, tok in enumerate(tokens):
        if tok not in _DEST_PREPS:
            continue
        for head in tokens[i + 1:]:
            if head in _MODIFIERS:
                continue
            if head in _PLACE_WORDS or not head.isalpha():
                break  # a known place, or punctuation: nothing was named
            return head
    return None


# A1 session 7, F23: the model plans the words it can match and drops the rest, so an unread instruction that
# negates, sets a condition, reason or time, or states a cube's state before "it" ran as a bare command
# ("don'tput the red cube in the bin", "chuck it in the bin tomorrow", "the red cube's ok, chuck it in the bin").
# These are refused as classes, whatever the spelling: a refusal costs a re-phrasing, a dropped word moves the arm.
_NEGATIONS = frozenset({"not", "no", "nope", "nah", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere",
                        "without", "except", "excluding", "excepting", "besides", "cannot", "dont", "doesnt", "didnt",
                        "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wouldnt", "shouldnt", "mustnt", "wont",
                        "havent", "hasnt", "hadnt", "aint", "neednt", "non", "nowt", "naught", "nay", "instead",
                        "rather", "avoid", "skip", "spare", "ignore", "forget", "cancel", "stop", "quit", "refrain",
                        "undo", "keep",
                        # French and German: the screen sees the words as the user wrote them
                        "pas", "ne", "jamais", "sans", "sauf", "aucun", "aucune", "rien", "nicht", "kein",
                        "keine", "keinen", "nie", "niemals", "ohne", "außer", "ausser", "nichts"})
# Real words one edit from "not", "dont" or "never" that negate nothing; any other such token is a misspelt negation.
_NOT_LOOKALIKES = frozenset({"now", "hot", "lot", "got", "dot", "pot", "rot", "cot", "jot", "tot", "ever",
                             "note", "knot", "nod", "on", "to", "so", "go", "do", "of", "or", "oh", "ok", "yo", "ho",
                             "nob", "nog", "new", "bot", "it", "at", "out", "but", "nought", "snot",
                             "hit", "sit", "kit", "bit", "fit", "pit", "lit", "wit", "nest", "next", "nice",
                             "one", "nose", "none", "done", "dent", "font"})
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
# Conditions, reasons, purposes and times: the plan runs every step now and unconditionally.
_CONDITIONS = frozenset({"if", "unless", "because", "since", "when", "whenever", "while", "whilst", "once", "until",
                         "till", "til", "tomorrow", "tonight", "later", "yesterday", "soon", "eventually", "afterwards",
                         "meanwhile", "provided", "providing", "assuming", "suppose", "supposing", "otherwise",
                         "cos", "cuz", "coz", "bc", "bcs", "lest", "whether", "maybe", "perhaps", "possibly",
                         "apparently", "tmrw", "tmr", "minute", "minutes", "hour", "hours",
                         "seconds", "morning", "evening", "afternoon", "week", "day", "monday", "friday",
                         "si", "quand", "lorsque", "parce", "puisque", "demain", "tard", "wenn", "falls", "weil", "da",
                         "sobald", "morgen", "später", "spater", "bevor", "nachdem", "avant", "après", "apres"})
_CONDITION_PHRASES = (("apart", "from"), ("other", "than"), ("aside", "from"), ("save", "for"), ("hold", "off"),
                      ("in", "case"), ("as", "long", "as"), ("so", "that"), ("so", "we"), ("so", "i"),
                      ("so", "it"), ("so", "you"), ("in", "order", "to"), ("as", "soon", "as"), ("as", "it"),
                      ("on", "condition"), ("depending", "on"), ("only", "after"), ("only", "before"))
_SIDES = frozenset({"left", "right", "lefthand", "righthand", "side"})
_SPEAKER_OWNERS = frozenset({"my", "your", "our", "ur", "yr", "his", "her", "their"})
_COPULAS = frozenset({"is", "are", "was", "were", "seems", "looks", "appears", "feels", "stays", "remains", "isnt",
                      "be", "been", "being"})
_PRONOUNS = frozenset({"it", "them", "its", "this", "that", "these", "those", "one"})


def _is_negation(token: str) -> bool:
    """A negation in any spelling: "not", "dont", glued "don'tput", "do'nt", leetspeak "n0t", typo "nto"."""
    word = token.translate(_LEET)
    if word in _NEGATIONS or "n't" in word or "'nt" in word or word.startswith(("dont", "dnt", "donot", "notto")):
        return True
    return (word.isalpha() and word not in _NOT_LOOKALIKES and word not in lx.COLOR_WORDS
            and (within_one_edit(word, "not") or within_one_edit(word, "dont") or within_one_edit(word, "never")))


def _hedge(instruction: str) -> str | None:
    """Why a negation, condition, user-relative side or stated cube state must keep the model out, else None."""
    raw = re.findall(r"[a-z0-9@$äöüßàâçéèêëîïôûù]+(?:'[a-z]+)*", instruction.lower().replace("’", "'"))
    negation = next((t for t in raw if _is_negation(t)), None)
    if negation is not None:
        return (f"could not understand the instruction: {negation!r} negates part of it, and the model plans the "
                f"words around a negation as if it were absent")
    words = [t.replace("'", "") for t in raw]
    condition = next((t for t in words if t in _CONDITIONS), None) or _phrase_in(words, _CONDITION_PHRASES)
    if condition is not None:
        return (f"could not understand the instruction: {condition!r} sets a condition, reason or time, and a plan "
                f"runs every step now and unconditionally")
    for a, b in pairwise(raw):
        if a in _SPEAKER_OWNERS and b.replace("-", "") in _SIDES:
            return (f"'{a} {b}' is a side of a person, not of the table: say the left side or right side of the "
                    f"table, or push left or right")
    for i, t in enumerate(raw):
        stated = t.endswith("'s") and t[:-2] in (lx.KIND_WORDS.keys() | lx.COLOR_WORDS.keys() | {"one"})
        if (stated or t in _COPULAS) and _PRONOUNS & set(raw[i + 1:]):
            return (f"could not understand the instruction: it states what a cube is or how it is ({t!r}) and then "
                    f"says what to do with it; say only what the robot should do")
    return None


# "like"/"love" make a request only as a wish ("I'd like", "I would love", "would you like to"), "want" only after
# "I" ("I want ..."): "I like the red cube on the pad", "you love red in the bin" describe a taste or a cube (A1 s10
# H4: the model planned them), and "like" alone compares ("put it like the blue one").
_WISHES = {"like": frozenset({"i'd", "id", "would"}), "love": frozenset({"i'd", "id", "would"}),
           "want": frozenset({"i"})}


def _not_a_wish(tokens: list[str]) -> str | None:
    """The 'X like/love/want' that is not a wish said as a request, else None."""
    for i, t in enumerate(tokens):
        if t not in _WISHES:
            continue
        before = tokens[max(0, i - 2): i]
        said = " ".join([*before, t])
        if not before or (before[-1] not in _WISHES[t]
                          and not (t != "want" and len(before) == 2 and before[0] == "would" and before[1] == "you")):
            return said
    return None


# A1 s10 H14: a part of the instruction that moves the arm but names no object and no place ("move away", "go
# back", "back up", "go up", "move over") is no skill, and the model planned the placement beside it as if the part
# were absent. Parts are cut at punctuation and "and"/"then"; a part naming a cube, "it", a place or home is read.
_MOTION = frozenset({"go", "move", "back", "away", "up", "down", "over", "forward", "forwards", "backward",
                     "backwards", "ahead", "left", "right", "come", "head", "return", "get", "push", "slide",
                     "nudge", "shove", "drop", "lift", "raise", "lower", "turn"})
_PART_BREAKS = frozenset({",", ".", ";", ":", "!", "?", "-", "and", "then", "also"})
_ARM_MOTION = frozenset({"go", "come", "head", "away", "up", "down", "over"})
_NAMING = frozenset({"it", "them", "one", "ones", "cube", "cubes", "block", "blocks", "everything", "all"})


def _objectless_motion(tokens: list[str]) -> str | None:
    parts: list[list[str]] = [[]]
    for t in tokens:
        if t in _PART_BREAKS:
            parts.append([])
        else:
            parts[-1].append(t)
    for part in parts:
        if not _MOTION & set(part):
            continue
        named = any(t in lx.COLOR_WORDS or t in lx.KIND_WORDS or t in _NAMING for t in part)
        place = any(t in _REGION_WORDS - _SIDES or t in BIN_WORDS or t in PAD_WORDS for t in part) or \
            any(tuple(part[i:i + len(p)]) == p for p in lx.HOME_PHRASES for i in range(len(part))) or \
            ("side" in part and ("left" in part or "right" in part))
        # "move it away", "go to the red cube", "red up": the arm moves to or over a cube, or the cube goes nowhere
        # said; no skill does it, and the model binned that cube with the next one (A1 s10 H24)
        bare = [t for k, t in enumerate(part)
                if t in _ARM_MOTION and not (t == "up" and k and part[k - 1] in lx.PICK_VERBS)]
        if not place and (not named or bare):
            return (f"'{' '.join(part)}' moves the arm or a cube without naming a place, which no skill does; say "
                    f"what goes where, or 'go home'")
    return None


# A1 s10 H15: "stacked"/"placed" state an outcome only inside a goal frame ("I want the end result to be X stacked
# on Y") or point at a cube after a verb ("put the cube stacked on red ..."); alone ("Blue cube stacked on the red
# cube.") they describe the scene or log a step, as "placed" after a cube does. "the end" alone closes a story.
_FRAME_WORDS = frozenset({"end", "result", "final", "goal", "state", "be", "want", "like", "love"})


def _described_state(tokens: list[str]) -> str | None:
    for i, t in enumerate(tokens):
        if t == "end" and (i + 1 == len(tokens) or tokens[i + 1] not in ("result", "state", "goal")):
            return "'the end' closes a story, not a request: say only what the robot should do"
        verbs = lx.MOTION_VERBS  # "put the cube stacked on red ...": a cube pointed at
        if t in ("stacked", "placed") and not (_FRAME_WORDS | verbs) & set(tokens[:i]):
            return (f"'{' '.join(tokens[max(0, i - 3): i + 1])}' describes a cube, not what the robot should do; say "
                    f"it as a request ('put ...')")
    return None


# A1 s10 H16: a place after "over"/"above" is a position above it, and holding or lifting a cube there keeps it in
# the gripper: the model planned a release into the bin. "<bin/pad word> side" names a side of the table.
_HOLD_VERBS = frozenset({"hold", "holding", "lift", "lifting", "raise", "raising"})


def _held_over(tokens: list[str]) -> str | None:
    for i, t in enumerate(tokens):
        rest = [w for w in tokens[i + 1:] if w not in lx.DETERMINERS]
        if t in ("over", "above") and rest and (rest[0] in _REGION_WORDS | BIN_WORDS | PAD_WORDS
                                                or rest[0] in lx.COLOR_WORDS or rest[0] in lx.KIND_WORDS):
            return (f"'{t} the {rest[0]}' is a position above it, which no skill holds; say 'put it in/on the "
                    f"{rest[0]}'")
        if t == "side" and i and tokens[i - 1] in BIN_WORDS | PAD_WORDS:
            return f"'{tokens[i - 1]} side' names a side of the table, not the {tokens[i - 1]}: say left or right side"
    if _HOLD_VERBS & set(tokens) and not (lx.PLACE_VERBS | lx.PUSH_VERBS) & set(tokens):
        verb = next(t for t in tokens if t in _HOLD_VERBS)
        if any(t in _DEST_PREPS for t in tokens[tokens.index(verb) + 1:]):
            return f"'{verb}' keeps the cube in the gripper; say 'put it in/on ...' to place it"
    return None


# A1 s14 H67: the closed list below passes "i", "would", "you" and "hold" for "I want ...", "I would like ...", "could
# you put ...", "hold it"; elsewhere they say who acts or that the arm should wait, and the model planned the moves
# they frame ("put red on blue i would", "the way you put blue on the pad" ran both cubes in the simulator, "Can I,
# please, move ...", "put red in bin. hold"). Said of the speaker, only a wish is a request; "you" before a verb is
# one only after a word that asks; "hold" must name what it holds.
_ASKS_YOU = frozenset({"could", "can", "would", "will", "please", "kindly", "pls", "plz"})
_HELD = frozenset({"it", "them", "one", "ones"}) | frozenset(lx.COLOR_WORDS) | frozenset(lx.KIND_WORDS)


def _who_acts(tokens: list[str]) -> str | None:
    """What says the speaker or someone else acts, or that the arm should wait, else None."""
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t == "i" and not (nxt == "want" or (nxt == "would" and tokens[i + 2:i + 3] in (["like"], ["love"]))):
            said = f"i {nxt}".strip()
            return f"'{said}' says what the speaker does or would do, not what the robot should do"
        # ... and a wish that ends on "to" is the speaker's wish to do it ("Put the red cube in the bin, I want to.",
        # ", I'd love to.": the model planned both, A1 s15 H72)
        if t in ("i", "i'd", "id"):
            j = i + 2 if (t, nxt) == ("i", "would") else i + 1
            if tokens[j + 1:j + 2] == ["to"] and (j + 2 == len(tokens) or tokens[j + 2] in _CLAUSE_ENDS):
                return f"'{' '.join(tokens[i:j + 2])}' says the speaker wants to do it, not what the robot should do"
        if t == "you" and nxt in lx.MOTION_VERBS and (i == 0 or tokens[i - 1] not in _ASKS_YOU):
            return f"'you {nxt}' says what was or is done, not a request; say 'put ...' or 'could you put ...'"
        if t == "hold" and not any(w in _HELD for w in tokens[i + 1:i + 3]):
            return "'hold' names nothing to hold: it may ask the arm to wait; say what to do with which cube"
    return None


# Two classes that name no object, place, action, order or condition (session 8, M1): greetings and forms of
# address, which only open or close a request, and the frame of a request stated as its outcome ("I want the end
# result to be the green cube on the left side"): the plan reaches the state the other words name, and the licence
# still requires each named object and place to be used. A cube's state said of "it" stays refused (_hedge), and
# "at the end", "in the end", "end with" are order phrases, refused before this list is read.
# A laugh ("lol", "haha") is no greeting: after a request it may say the request was a joke, as "xD" and the emoji
# (60eb7da, 38470cb) do, so it is not in the list (A1 s10 H5: the model planned "Put the red cube in the bin lol").
_GREETINGS = frozenset({"hello", "hi", "hiya", "howdy", "greetings", "sir", "madam", "maam", "ma'am", "dear", "mate",
                        "buddy", "pal", "friend", "folks", "cheers"})
# "stacked"/"placed" state the outcome ("... to be the yellow cube stacked on the purple cube"); said of "the cube
# stacked on red" they point at another cube, which the licence never lets the model move (destinations_only).
_GOAL_FRAME = frozenset({"end", "result", "final", "goal", "state", "be", "stacked", "placed"})
# A1 session 7, F23 (his proposal): word lists of what to refuse stay open, so the model may plan only an
# instruction whose every word is in this closed list: the scene's names, the skills' verbs, places, directions and
# the few function and politeness words that change no meaning. On all seen data (2,882 records) the model handed
# no correct plan outside it; anything else costs a re-phrasing. "with" is not in it: "push red left with blue",
# "put red on the pad with blue" name a tool or a companion, which the model moved as a second cube (A1 s10 H6).
_HARMLESS = (frozenset(lx.COLOR_WORDS) | frozenset(lx.KIND_WORDS) | lx.MOTION_VERBS
             | _REGION_WORDS | frozenset(lx.DIRECTION_WORDS) | frozenset(w for p in lx.HOME_PHRASES for w in p)
             | lx.DETERMINERS | BIN_WORDS | PAD_WORDS
             | frozenset({"left", "right", "in", "into", "on", "onto", "to", "inside", "top", "of", "and", "also",
                          "then", "please", "pls", "plz", "kindly", "could", "can", "would", "you", "it", "them",
                          "ones", "side", "go", "up", "thanks", "thank", "thx", "ok", "okay", "hey", "robot", "now",
                          "over", "down", "out", "all", "way", "bit", "little", "slightly", "cubes", "blocks",
                          "i", "i'd", "id", "like", "love", "want", "towards", "toward",
                          ",", ".", "!", ":", ";", "-", "?"})
             | _GREETINGS | _GOAL_FRAME)
# Words the screen reads as they are: never "corrected" into another word (see correct()).
_KNOWN = _HARMLESS - _CORRECTABLE
