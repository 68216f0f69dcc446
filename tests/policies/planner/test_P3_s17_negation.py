"""Session 17, English meaning (issue #17): a negated clause closed by a particle, an address or a laugh.

dev_s16 fi46-054 "Don't touch the blue one ah. ...", fi43-004 "... dont pick it up lol", fi43-014 "not the green one
bestie, the yellow one goes on the pad" were refused as unread negations. The family: a closed class of words a speaker
puts after any clause (Singlish particles, tags, addresses, laughs: semantic_parser._CLOSING_WORDS), cut from the end of
the negated clause as an emphasis is; what is left must still read as a negation. The negation then holds: a plan that
touches what it names is refused. Questioned, reported, pronoun and bare variants stay refused."""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("closing", ["ah", "lah", "mate", "bestie", "bro", "ok", "pls", "lol", "man", "please"])
def test_a_closing_word_after_a_negation_keeps_it_read(closing: str) -> None:
    plans_as(f"Don't touch the blue one {closing}. Put the red one on the green one.", mv("red", "green"))
    plans_as(f"not the green one {closing}, the blue one goes on the pad", mv("blue", "pad"))


@pytest.mark.parametrize("closing", ["ah", "mate", "lol"])
def test_the_negation_still_forbids_what_it_names(closing: str) -> None:
    moves_nothing(f"Don't touch the blue one {closing}. Put the blue one on the green one.")
    plans_as(f"Don't move the red one {closing}, put every cube on the pad.", mv("blue", "pad") + mv("green", "pad"))
    moves_nothing(f"Don't push the red cube {closing}. Push it left.")


@pytest.mark.parametrize("text", [
    "Don't touch the blue one ah? Put the red one on the green one.",  # questioned
    "You didn't touch the blue one ah. Put the red one on the green one.",  # reported
    "Don't touch it ah. Put the red one on the green one.",  # a pronoun: the negation must name what it excludes
    "Don't touch ah. Put the red one on the green one.",  # nothing named
    "Don't push the red cube right. Push it left.",  # a direction is no closing word: forbids that push only
])
def test_near_misses(text: str) -> None:
    if text.startswith("Don't push the red cube right"):
        plans_as(text, ["push(object=red_cube, direction=left)"])
    else:
        moves_nothing(text)


# "leave / keep X undisturbed", "leave X as is": the closed class of "leave X alone" tails (clause_structure), one more
# word of it (dev_s14 fi43-011's "undisturbed")
@pytest.mark.parametrize("text", [
    "Leave the red one undisturbed and put the blue one in the bin.",
    "Keep the red one undisturbed and put the blue one in the bin.",
    "Leave the red one as is and put the blue one in the bin.",
])
def test_leave_undisturbed_forbids_touching(text: str) -> None:
    plans_as(text, mv("blue", "bin"))
    moves_nothing(text.replace("the blue one in the bin", "the red one in the bin"))


@pytest.mark.parametrize("text", [
    "Don't leave the red one undisturbed, put the blue one in the bin.",
    "Leave it undisturbed and put the blue one in the bin.",
    "Did you leave the red one undisturbed and put the blue one in the bin?",
])
def test_leave_undisturbed_near_misses(text: str) -> None:
    moves_nothing(text)
