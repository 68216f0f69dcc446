"""The words that may open a sentence before the goal a screen reads: one structural cut for every screen.

An opener is one to four words that name no cube, colour, place or action, up to a mark ("Hi there, / Listen up, /
Alright robot, / Robot! / Hello? / Morning, / Excuse me, robot, ..."): a greeting, an address, a filler, a discourse
word. The screens that refuse a goal said without asking (unasked.py's hedge screen: "Morning, everything in the bin,
I think."; speech_act.py's remark, closing and label screens: "Morning, everything into the bin, yes.", "Robot,
initial state: red in the bin.") read the sentence after any run of openers, so an opener outside a list cannot hide
the goal from them (REV s23 R14/R19: the two screens kept lists of their own, and each missed openers the other had).
P3 s23 made the cut in unasked.py; P1 s24 moved it here so that both screens use it.
"""

from __future__ import annotations

from collections.abc import Iterable

from policies.planner import lexicon as lx

# What an opener never holds: a cube, a colour, a place or an action ("Push red left, everything else in the bin,
# yes." is an order, its second clause gapped; "Red, blue, in the bin" names the cubes). A quantifier, a negation or a
# frame of time or politeness may stand in one ("One more thing, / One last thing: / No rush, / Not gonna lie, / All
# good, / If possible, / When you're ready, / After lunch, red in the bin, I think.", REV s24 R2): the screens read
# the goal after it all the same (a wider cut only refuses more: every screen that uses it refuses what it matches)
NOT_OPENER_WORDS: frozenset[str] = frozenset(set(lx.COLOR_WORDS) | lx.MOTION_VERBS | {
    "cube", "cubes", "block", "blocks", "brick", "bricks", "ones", "it", "them", "they", "everything", "rest",
    "others", "bin", "pad", "left", "right", "side", "home", "top", "bottom", "middle", "go", "goes"})
# ... and, for a screen that reads a request from the words after the opener (speech_act's: a verb, "please" or a
# modal there makes the goal a request), a word of request or of a polite frame: "Please, / Could you, / If possible, /
# When you're ready, / No rush, red in the bin, yes." ask (the hedge screen keeps its own convention: a hedge after a
# verbless goal is a guess whatever frame opens it, "Please, red in the bin, I think."); "Let me think, / Get this,"
# ask nothing (REV s24 R10)
REQUEST_WORDS: frozenset[str] = frozenset({
    "please", "pls", "plz", "kindly", "can", "could", "would", "will", "shall", "must", "should", "need", "needs",
    "want", "wants", "let's", "lets", "do", "make", "bring", "send", "return", "head", "come", "keep",
    "leave", "possible", "ready", "whenever", "rush", "hurry", "mind", "wonder", "wondering"})


def free_opener(also_not: Iterable[str] = ()) -> str:
    """The regex of one opener: one to four words ("Hi there my friend,", REV s24 R3), none of ``NOT_OPENER_WORDS``
    (nor of ``also_not``), then its mark
    (a comma, colon, "!", "?" or a dash) and the spaces after it."""
    words = "|".join(sorted(NOT_OPENER_WORDS | set(also_not), key=len, reverse=True))
    word = rf"(?!(?:{words})\b)[a-z']+"
    return rf"{word}(?:\s+{word}){{0,3}}\s*[,:!?\-–—]+\s*"


FREE_OPENER = free_opener()
