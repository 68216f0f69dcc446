"""Words that say where cubes go without asking for it: refused whole, before any clause is read.

A goal guessed or asked back ("After that the orange one goes in the bin, I think.", "Red in the bin, I guess."), a
tower's order hedged, a later step hedged before "first", a pronoun with no verb of its own after "and" ("Push the red
one right and it right."), who is to do a passive ("... should be moved to the pad by the next shift.") and a tower
described as it stands ("Stack configuration is, top to bottom: red, blue, green.") each read as a request would run
what nobody asked for. ``unasked_reason`` names the words and why; the parser (semantic_parser.py) refuses the whole
instruction with it. Split out of semantic_parser.py in session 17 (one job per module), unchanged.
"""

from __future__ import annotations

import re

from policies.planner import lexicon as lx
from policies.planner.openers import FREE_OPENER

_COLOUR_ALT = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))

# A hedge or a question mark closing the instruction
# (also "I'm thinking", "I'd guess", "I imagine", "I assume": A1 s14 H58 residue)
HEDGE_WORDS = (r"i think|i guess|i suppose|i believe|i reckon|i'd say|maybe|probably|perhaps|i'?m thinking|"
                r"i am thinking|i'd guess|i imagine|i assume")
# (P1 s22: also set off as a sentence of its own, after ". ! ; ..." or a dash, with thanks before or after it: "Red in
# the bin. I think.", "Red in the bin. Thanks, I think.", "The red cube goes in the bin... I guess. Cheers.")
_HEDGE_SET_OFF = r"\s*(?:[,;.!…]+\s*(?:(?:thanks|thank you|cheers|ta)\s*[,.!]*\s*)?|[-–—]+\s*)?"
_HEDGE_CLOSES = (rf"{_HEDGE_SET_OFF}\b(?:{HEDGE_WORDS})\s*[.!…]*(?:\s*[,.!]?\s*(?:thanks|thank you|cheers|ta)\s*[.!]*)?"
                 r"\s*$")
HEDGE_END = rf"(?:{_HEDGE_CLOSES}|\s*\?[?!.]*\s*$)"
# A cube named by its place, rank or size, with no colour, as the subject of a goal stated or verbless below ("Top
# cube to the bin, I think.", "The leftmost cube into the bin. I guess.", "The middle one in the bin, I reckon.", "The
# cube nearest me goes in the bin, I think."; P3 s22 fi40-028; s23: "middle / front / back / nearest ..." planned a
# guess on d2be377)
_PLACED_CUBE = (r"(?:the )?(?:very )?(?:top|topmost|uppermost|bottom|lowest|highest|leftmost|rightmost|frontmost|"
                r"backmost|middle|centre|center|front|back|rear|far|near|nearest|closest|furthest|farthest|left|right|"
                r"left-hand|right-hand|first|last|second|third|other|remaining|lone|single|big|bigger|biggest|large|larger|largest|"
                r"small|smaller|smallest|little) (?:cube|block|brick|one)s?"
                # (REV s23 R7: also "that's / which is" and "from": "The cube farthest from the robot into the bin, I
                # think.", "The cube that's on the left in the bin, I think.", "The cube on the left goes in the bin?")
                r"|(?:the )?(?:cube|block|brick|one)s? (?:(?:that|which)(?:'s| is| are) )?(?:nearest|closest|furthest|"
                r"farthest|nearer|closer|further|farther)(?: away)?(?: to| from)? (?:me|you|us|them|yourself|the "
                r"(?:robot|arm|bin|pad|base|edge|camera|door|window|wall))"
                r"|(?:the )?(?:cube|block|brick|one)s? (?:(?:that|which)(?:'s| is| are) )?(?:on|at|in|to|by|near|"
                r"nearest to|closest to) (?:the |your |my )?(?:very |far )?(?:left|right|front|back|middle|centre|"
                r"center|edge|end|top|bottom)(?:[- ]hand)?(?: side| end| edge)?")
# ... and cubes counted, coordinated or lumped (REV s24 R1: "The three cubes in the bin, I think.", "All 3 cubes ...",
# "Every single cube ...", "Each and every cube ...", "The whole lot in the bin, I think.", "Red and blue in the bin, I
# suppose.", "Red, blue and the green one ...", "The red and blue cubes ...", "Red and blue go in the bin, I think.",
# "Everything else in the bin, I think.": all planned on ee94f9f), as the subject of the same goals
_ONE_COLOURED = rf"(?:the )?(?:{_COLOUR_ALT})(?: (?:one|cube|block|brick)s?)?"
_MORE_CUBES = (r"(?:the |all |all (?:of )?the |these |those )?(?:two|three|four|five|six|[2-6])"
               r"(?: of (?:the|them))?(?: (?:cubes|blocks|bricks|ones))?"
               r"|(?:every single|each and every|each single) (?:cube|block|brick|one)"
               r"|(?:the )?(?:whole |entire )?lot(?: of (?:them|the (?:cubes|blocks|bricks)))?"
               # ("Everything else in the bin, I think.", "Put red on the pad. All the others in the bin, I think.")
               r"|everything else|all else|(?:all|both) (?:of )?the (?:others|rest|other (?:cubes|blocks|bricks|ones))"
               r"|the other (?:two|three|four|five|[2-5])(?: (?:cubes|blocks|bricks|ones))?"
               # ("All of them go in the bin, I think.", "Red as well as blue ...", "Red n blue ...": R1 residue)
               r"|(?:all|both) of them"
               rf"|{_ONE_COLOURED}(?:\s*,\s*{_ONE_COLOURED})*\s*,?\s*(?:and|&|plus|as well as|n|'n'?|an')\s+(?:the )?"
               rf"(?:{_COLOUR_ALT})"
               r"(?: (?:one|ones|cube|cubes|block|blocks|brick|bricks))?")
# Words that may open a sentence before the goal they screen (REV s23 R14: "Anyway, / So yeah, / Basically, / Um, /
# Robot, / Hey robot, / Mate, / As discussed, / - ... red in the bin, I think."), and an exclusion said first (R12:
# "Apart from the green one, all the blocks to the left side, I guess.")
_OPENER_WORDS = (r"ok|okay|so|now|right|and|then|next|finally|first|after that|anyway|anyhow|yeah|yes|basically|well|"
                 r"um+|uh+|er+m?|hmm+|hey|hi|hello|yo|oi|good (?:morning|afternoon|evening)|morning|excuse me|sorry|"
                 r"listen|look|thanks|thank you|cheers|alright|all right|righto|as (?:discussed|agreed|planned|said)|"
                 r"also|like|honestly|robot|bot|arm|mate|buddy|pal|sir|madam|boss|chief|folks|guys|everyone|team|"
                 r"oh")
_EXCLUSION_OPENS = (r"(?:(?:apart|aside) from|other than|except(?: for)?|besides|save(?: for)?|but for|excluding|"
                    r"barring|bar|with the exception of)\s+[^,.!?;]{1,40}?\s*,\s*")
# (REV s23 R19: not only the listed words: any one to four words before a mark that name no cube, colour, place or
# action, "Hi there, / Listen up, / Alright robot, / Robot! / Hello? / Excuse me, robot, ..."; the cut is openers.py's,
# shared with speech_act's screens, P1 s24)
_OPENS = (rf"(?:[-–—•*]+\s*)?(?:(?:{_OPENER_WORDS})\b\s*[,:;!\-–—]*\s*|{_EXCLUSION_OPENS}|{FREE_OPENER})*")
# A sentence that states where cubes go (a goal, no imperative) with a hedge after it is a guess, not a request: "After
# that the orange one goes in the bin, I think.", "Every cube should be placed on the pad, I guess." (A1 s13 H45, REV
# s12 R4). An imperative keeps its softener ("Put the red cube in the bin, I think." plans, phrasing's convention).
_HEDGED_GOAL = re.compile(
    r"(?:^|[.!?;,]\s*|\b(?=(?:and\s+)?then\b))(?:(?:and|then|after that|after which|afterwards?|subsequently|next|"
    r"finally|so|just|only|but|before you do(?: that| so| it)?|first)\b\s*,?\s*)*" + _OPENS +
    r"(?:(?:the |every |each |all (?:of )?(?:the )?|both (?:of )?(?:the )?)?"
    rf"(?:{_COLOUR_ALT}|cubes?|blocks?|bricks?|ones?|everything)"
    # (P3 s23: or a cube named by its place, "The middle cube goes in the bin?", which planned on d2be377)
    rf"(?: (?:one|ones|cube|cubes|block|blocks|brick|bricks))?|{_PLACED_CUBE}|{_MORE_CUBES})"
    # (an exception between the cubes and their verb: "Every cube except red goes in the bin?", "All cubes, save the
    # red cube, shall be relocated ..., I think.", P3 s14)
    r"(?:\s*,?\s*\b(?:except(?: for)?|save(?: for| and except)?|apart from|aside from|other than|but(?: not)?|bar|"
    r"barring|excluding|besides)\b[^.!?;]*?(?=,| is| are| goes| go| should| shall| must| will))?\s*,?"
    r"(?:'s| is| are| goes| go| should| shall| must| ought| needs?| has to| have to| will| belongs?| can)"
    r"\b(?=[^.!?;,]*\b(?:in|into|on|onto|to|inside)\b)[^.!?;,]*?" + HEDGE_END)
# ... and a goal said with no verb at all ("Red in the bin, I think.", "All cubes, except the red cube, to the left
# side, I guess.": A1 s14 H58, old on d69fdcb: phrasing drops the hedge after a verbless goal): a guess, as with a verb.
# One shape for every subject (P3 s23: semantic_parser's own list for a cube named by its place, _HEDGED_PLACE_CUBE,
# folded in here): the words that may open the sentence, the cubes said, an exception, the place words.
_VERBLESS_OPENS = r"(?:^|[.!?;]\s*)" + _OPENS
_CUBES_SAID = (r"(?:the |every |each |all (?:of )?(?:the )?|both (?:of )?(?:the )?)?"
               rf"(?:{_COLOUR_ALT}|cubes?|blocks?|bricks?|ones?|everything|all|both)"
               r"(?: (?:one|ones|cube|cubes|block|blocks|brick|bricks))?"
               # (REV s23 R19: "them all", "the rest": "Robot! them all in the bin. I guess.")
               r"|them(?: all| both)?|(?:all|both) of them|the rest(?: of (?:them|the (?:cubes|blocks|bricks|ones)))?|"
               r"the others|the other (?:cubes|blocks|bricks|ones)")
_VERBLESS_EXCEPT = (r"(?:\s*,?\s*\b(?:except(?: for)?|save(?: for| and except)?|apart from|aside from|other than|"
                    r"but(?: not)?|bar|barring|excluding|besides)\b[^.!?;]*?)?")
# (P1 s22: a tower's levels too, "Red at the bottom, blue on top. I think.")
_VERBLESS_PLACE = (r"\s*,?\s*(?:out (?:wide )?)?(?:in|into|on|onto|to|inside|on top of|atop|over to|at|under|"
                   r"underneath|beneath|below|above|next to|beside)\b[^.!?;]*?")


def _verbless_goal(subject: str) -> str:
    """The pattern of a sentence that says ``subject`` (a regex) and where it goes, with no verb: its opener, the
    subject, an exception, the place words (the hedge or question after it is the caller's)."""
    return f"{_VERBLESS_OPENS}(?:{subject}){_VERBLESS_EXCEPT}{_VERBLESS_PLACE}"


_HEDGED_VERBLESS = re.compile(
    _verbless_goal(f"{_MORE_CUBES}|{_CUBES_SAID}|{_PLACED_CUBE}") + _HEDGE_CLOSES +
    # (P1 s22) ... or named as a label, the place beside it ("Red, bin. I guess.", "Bin: red cube, I think."), or home
    # ("Home, I think.", "Back home. I guess."): no verb either
    "|" + _VERBLESS_OPENS +
    rf"(?:(?:the )?(?:{_COLOUR_ALT})(?: (?:one|cube|block|brick))?\s*[,:]\s*(?:the )?(?:bin|pad|left|right)\b|"
    rf"(?:the )?(?:bin|pad|left|right)(?: side)?\s*:\s*(?:the )?(?:{_COLOUR_ALT})\b|"
    r"(?:(?:back|straight back|right back)\s+)?(?:to\s+)?(?:your\s+)?home(?:\s+(?:position|pose|base))?\b)"
    r"[^.!?;]*?" + _HEDGE_CLOSES)
# ... and a tower's order said as what "it" goes with a hedge or "?" after it ("Top-down it should go red, green, blue,
# with orange at the base, I think.", P3 s14): the order is a guess
_HEDGED_ORDER = re.compile(r"\b(?:top[- ]down|bottom[- ]up|(?:from )?(?:the )?(?:top|bottom|up|down) to (?:the )?"
                           r"(?:top|bottom|up|down)|from (?:the )?(?:top|bottom)),?\s+(?:it|the (?:tower|stack|"
                           r"order))\s+"
                           r"(?:(?:should|must|shall|will|is to|has to|needs to)\s+)?(?:go|goes|be|run|runs|read|reads)"
                           r"\b[^.!?;]*" + HEDGE_END)

# a later step hedged before its verb and moved ahead by "first" ("Put the red one on the pad but maybe bin the green
# one first.", A1 s15 H84; old on 8458c17 with "put"): "..., then maybe ..." refuses as a hedged step, and so does this
# A pronoun with no verb of its own after "and" ("Push the red one right and it right.", REV s16-R2; "Don't push the
# blue cube left. Push the red one right and it right." pushed red twice): a gapped clause names a new cube ("... and
# the blue one left"); "it" there either repeats the cube just pushed (no one asks that) or points back past it to
# another cube, so which cube is unclear: nothing is done. "... and then push it left again" keeps its verb and plans.
_GAPPED_PRONOUN = re.compile(r"\band\s+(?:then\s+|also\s+)?(?:it|that one|this one|that|this)\s+(?:to(?:wards)? the\s+|"
                             r"over to the\s+)?(?:left|right|forwards?|backwards?|back|away|ahead)\b"
                             r"(?!\s+(?:now|away|there|here|then)\b)")
# (s20: also a step hedged right after "before that" / "before you do that", which HEAD planned: "Put X on Y, but
# before that maybe push Y backward.")
_HEDGED_FIRST = re.compile(r"(?:,|\bbut\b|\band\b)\s+(?:maybe|perhaps|probably|possibly)\s+[^.;!?]*\bfirst\b|"
                           r"\bbefore (?:that|this|you do (?:that|this|it)|doing (?:that|this|it)|doing so)\s*,?\s+"
                           r"(?:maybe|perhaps|probably|possibly)\b")

# Deadlines after a request are kept (phrasing drops "by tomorrow", "before lunch": running now meets them), in every
# form: imperative, passive goal, quantifier; a bare time ("tomorrow", "at 5") is refused there. But after a passive,
# "by" a group of people ("should be moved to the pad by the next shift / by the night crew / by hand") may name who
# does it (REV s12 R4): refused, before phrasing reads it as a time.
_PASSIVE_AGENT = re.compile(
    r"\b(?:be|been|being)\s+(?:[a-z]+ed|put|set|taken|thrown|brought|done|moved|stuck)\b[^.;!?]*?"
    r"\b(by\s+(?:(?:the|my|our|your|a|an|some|another|other)\s+)?(?:(?:next|night|morning|evening|day|late|early|"
    r"other|new)\s+)?(?:shift|crew|team|staff|technicians?|techs?|people|colleagues?|someone|somebody|anyone|anybody|"
    r"others?|humans?|operators?|students?|interns?|him|her|them|me|us|hand))\b")


# A tower DESCRIBED, not asked for (A1 s15 H91 "Stack configuration is, top to bottom: red, blue, green." built the
# tower): the family of statements of a configuration, "<the/our/this> [adjective] stack|tower|pile|column|
# configuration|arrangement|setup|layout [configuration] is|'s|are|was|were|has been|stands|looks|reads ...", "there
# is/there's a tower ...", "that's the stack ...", a state said by "as is", "as it stands", "currently", "at the moment"
# (H91 "... top to bottom: red, blue, green. As is."), or praise closing it (". Nice.", A1 s16); also after a comma or
# with the direction between ("Top to bottom, the tower is ...", "The stack, top to bottom, is ...", A1 s16 H101 note),
# or as a hypothesis ("Top to bottom, the tower would / could / will be red, blue, green.", A1 s16 H104: a modal before
# "be" is a copula, no request); in the words of a tower (a tower noun or a level word, two colours), with no word of
# request anywhere (a verb of motion or making, a wish, a modal asking, "kindly"). A goal word before the noun ("the
# final/target/desired/end stack is ...", "Target configuration: ...", seen golds f23-049, f27-012) or "is to be / is
# going to be" after the copula keeps the order; so does any request beside it ("Make a stack. The order is, top to
# bottom: ...", "Stack them, top to bottom: ..."). The verbless heading ("Tower, top to bottom: red; green; blue.",
# f18-010, f26-012; "Stack configuration, top to bottom: red, blue, green. Confirm.", fi43-028) stays an order, as the
# seen golds say.
_TOWER_STATE_NOUN = r"(?:stack|tower|pile|column|configuration|arrangement|set-?up|layout|formation)"
_DESCRIBED_TOWER = re.compile(
    r"\b(?:as (?:it )?is|as (?:it|things) stands?|currently|at the moment|at present|as of now)\b"
    r"|(?:^|[.;!?:,]\s*)(?:(?:so|well|ok|okay|and|now|right|look|see|fyi|note|btw)\s*,?\s+)*"
    r"(?:there(?:'s| is| was| are| were)\s+(?:already\s+|currently\s+|now\s+)?(?:a|an|one|the|this|that|my|our)\s+"
    r"(?:[a-z-]+\s+)?(?:stack|tower|pile|column)\b"
    r"|(?:that'?s|this is|that is)\s+(?:the|a|our|my|your|its)\s+(?:[a-z-]+\s+)?" + _TOWER_STATE_NOUN + r"\b"
    r"|(?:(?:the|this|that|our|my|your|its|their|his|her|a)\s+)?"
    r"(?!(?:final|target|desired|goal|end|wanted|required|intended|ideal|new|resulting|finished|planned|requested|"
    r"needed|correct|right|proper|hoped|dream)\b)(?:[a-z-]+\s+)?" + _TOWER_STATE_NOUN +
    r"(?:\s+(?:configuration|arrangement|order|layout|setup))?"
    r"(?:\s+(?:currently|now|right now|at the moment|at present|still|already|as it stands))?"
    r"(?:\s*,[^,.;!?]{1,40},)?"  # "The stack, top to bottom, is red, blue, green." (A1 s16)
    r"\s*(?:'s|is|are|was|were|has been|have been|stands|stood|looks|looked|reads|read|goes|went|"
    r"(?:would|could|might|may|will|'d|'ll) be)\b"
    r"(?!\s+(?:to be|to\b|going to|gonna|supposed|meant|needed|wanted|required|desired|intended)))"
    r"|(?:^|[.;!?]\s*)(?:very |so |looks |how )?(?:nice|lovely|beautiful|pretty|neat|sweet|cool)\s*[.!]*\s*$")
_TOWER_WORDS = re.compile(r"\b(?:stack|tower|pile|column)s?\b|\b(?:top to bottom|bottom to top|top[- ]down|"
                          r"bottom[- ]up|from (?:the )?(?:top|bottom|base)|(?:at|on|in) the (?:very )?(?:top|bottom|"
                          r"base|middle)|on top)\b")
_TOWER_COLOURS = re.compile(rf"\b(?:{_COLOUR_ALT})\b[^.;!?]*?\b(?:{_COLOUR_ALT})\b")
_TOWER_ASKED = re.compile(
    rf"\b(?:{'|'.join(sorted(lx.MOTION_VERBS - {'stack', 'stacking', 'raise', 'rest'}))}|make|build|create|construct|"
    r"erect|assemble|arrange|raise|form|bin|realize|realise|rig|want|wanna|like|need|needs|should|must|shall|"
    r"(?:could|can|would|will)(?! be\b)|kindly|let's|let us|gotta|finish|complete|do|keep|go|return|head|"
    r"i'?m after|we'?re after)\b|"
    r"\b(?:stack|pile)\s+(?:(?:them|em|'em|these|those|the|it|up|all|every|both|my|our|me|us|a)\b|"
    rf"(?:{_COLOUR_ALT})\b)")


def _described_tower(instruction: str) -> str | None:
    """The words that describe a tower as a state (``_DESCRIBED_TOWER``) where nothing in ``instruction`` (lower
    case) asks for one; None otherwise."""
    said = _DESCRIBED_TOWER.search(instruction)
    if said is None or not _TOWER_WORDS.search(instruction) or not _TOWER_COLOURS.search(instruction) or \
            _TOWER_ASKED.search(instruction):
        return None
    return said.group(0).strip(" .;!?:,-–—")


# A hedge set off INSIDE a sentence ("Red, I think, in the bin.", "Red in, I think, the bin.", "Red — I guess — in the
# bin.", "Home, I think, now.", REV s23 R15): the sentence is screened as if the hedge closed it, so a verbless or
# stated goal is a guess there too; an imperative keeps its softener as it does at the end ("Put, I think, red ...")
_INNER_HEDGE = re.compile(rf"\s*(?:,|[-–—]+)\s*(?:{HEDGE_WORDS})\s*(?:,|[-–—]+)\s*(?=[a-z])")
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")


def _hedged_inside(said: str) -> re.Match[str] | None:
    """The screen's match on the sentence of ``said`` (lower case) holding a hedge set off inside it, the hedge moved
    to its end (``_INNER_HEDGE``); None where there is none or the sentence reads as no guess."""
    for sentence in _SENTENCE.findall(said):
        if _INNER_HEDGE.search(sentence):
            moved = _INNER_HEDGE.sub(", ", sentence).strip().rstrip(".!;") + ", i think."
            guessed = _HEDGED_GOAL.search(moved) or _HEDGED_VERBLESS.search(moved)
            if guessed is not None:
                return guessed
    return None


# A hedge closing a sentence that more sentences follow ("Red in the bin, I think. Blue on the pad.", "Red. Bin, I
# think. Blue. Pad.", which planned both on ee94f9f): the words up to it are screened as if it closed them all
_HEDGE_BEFORE_MORE = re.compile(rf"\b(?:{HEDGE_WORDS})\s*[.!;…]+(?=\s*[a-z])")


def _hedged_before_more(said: str) -> re.Match[str] | None:
    """The screen's match on ``said`` (lower case) cut after a hedge that closes a sentence with more after it
    (``_HEDGE_BEFORE_MORE``); None where there is none or the words before it read as no guess."""
    for hedge in _HEDGE_BEFORE_MORE.finditer(said):
        head = said[:hedge.end()].rstrip(" .!;…") + "."
        guessed = _HEDGED_GOAL.search(head) or _HEDGED_VERBLESS.search(head)
        if guessed is not None:
            return guessed
    return None


def unasked_reason(instruction: str) -> str | None:
    """Why ``instruction`` says where cubes go without asking for it (module doc), else None."""
    said = instruction.lower().replace("’", "'")
    guessed = _HEDGED_GOAL.search(said) or _HEDGED_ORDER.search(said) or _HEDGED_VERBLESS.search(said) or \
        _hedged_inside(said) or _hedged_before_more(said)
    if guessed is not None:  # "... After that the orange one goes in the bin, I think." (A1 s13 H45, REV s12 R4)
        return (f"'{guessed.group(0).strip(' .!;')}' says where a cube (or the arm) goes as a guess or a question, not "
                f"as a request: say what the robot should do")
    hedged = _HEDGED_FIRST.search(said)
    if hedged is not None:
        return (f"'{hedged.group(0).strip(' ,')}': one step is hedged, so whether it is asked is unclear: nothing is "
                f"done")
    gapped = _GAPPED_PRONOUN.search(instruction.lower())
    if gapped is not None:  # "Push the red one right and it right." (REV s16-R2)
        return (f"'{gapped.group(0)}' has no verb of its own, and which cube 'it' is is unclear: name the cube ('... "
                f"and the blue one left')")
    agent = _PASSIVE_AGENT.search(instruction.lower())
    if agent is not None:  # "Every cube should be moved to the pad by the next shift." (REV s12 R4)
        return f"'{agent.group(1)}' after a passive may name who is to do it, not when: say what the robot should do"
    described = _described_tower(said)
    if described is not None:  # "Stack configuration is, top to bottom: red, blue, green." (A1 s15 H91)
        return (f"'{described}' describes how a tower stands, not what to do: say 'stack them, top to bottom: ...' or "
                f"'build a tower ...' to have one built")
    return None
