"""Session 18, English meaning (issue #17): the exclusion words are one closed class, and "then again" orders nothing.

- E1: after the stop CI of session 17 re-pinned "Put all cubes but red in the bin, red on the pad." as a plan (blue and
  green to the bin, red to the pad), the same words with "except", "except for" or "excluding" still refused, while
  "apart from", "other than", "save", "besides", "bar" planned: phrasing gives the verbless clause "red on the pad" its
  "put" only where no word of negation stands in the instruction, and those three count as ones. A verbless clause
  that places only the cube an exclusion left out reads the same whichever word left it out
  (expansion._excepted_gapped); a clause placing a cube the quantifier took, a negation anywhere ("don't", "not",
  "but not", "not counting", "without"), a question, a report, a hedge and two places still refuse.
- A1 s17 residue: "Push the red cube left, then again push it right." pushed both ways: "then again" (on the other
  hand) opens no sequence, so the second push is judged as any bare join that moves the cube again (refused);
  "then again push it left" says the same push again (a repetition, planned as before).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv

EXCLUSIONS = ("but", "except", "except for", "excluding", "apart from", "aside from", "other than", "save", "save for",
              "besides", "bar", "barring", "with the exception of")
# blue and green binned, then red on the pad (the scene's order for the quantifier's cubes)
RED_APART = [*mv("blue", "bin"), *mv("green", "bin"), *mv("red", "pad")]


@pytest.mark.parametrize("word", EXCLUSIONS)
@pytest.mark.parametrize("frame", [
    "Put all cubes {w} red in the bin, red on the pad.",
    "Put every cube {w} red in the bin, and red on the pad.",
    "Put all the cubes {w} the red one in the bin, the red one on the pad.",
    "Put every cube {w} red in the bin; red on the pad.",
    "Put every cube {w} red in the bin, then red on the pad.",
    "Put every cube {w} red in the bin, red on the pad, please.",
])
def test_the_excepted_cube_placed_by_a_verbless_clause_plans_whatever_word_leaves_it_out(frame: str,
                                                                                         word: str) -> None:
    plans_as(frame.format(w=word), RED_APART)


@pytest.mark.parametrize("word", ["except", "except for", "excluding"])
def test_the_same_after_the_place_and_with_two_cubes_left_out(word: str) -> None:
    plans_as(f"Put all cubes in the bin {word} red, red on the pad.", RED_APART)
    plans_as(f"Put every cube {word} red and blue in the bin, red on the pad.",
             [*mv("green", "bin"), *mv("red", "pad")])
    plans_as(f"Put every cube {word} red in the bin, red to the left side.",
             [*mv("blue", "bin"), *mv("green", "bin"), *mv("red", "left")])


@pytest.mark.parametrize("word", ["except", "except for", "excluding"])
@pytest.mark.parametrize("frame", [
    "Put every cube {w} red in the bin, blue on the pad.",  # a second place for a cube the quantifier took
    "Put every cube {w} red in the bin, green on the pad.",
    "Put every cube {w} red in the bin, red on the green.",  # on a cube already binned
    "Put every cube {w} red in the bin, red on the pad or the left.",
    "Put every cube {w} red in the bin, red on the pad first.",
    "Put every cube {w} red in the bin, red is on the pad.",  # a state
    "Put every cube {w} red in the bin, red not on the pad.",
    "Put every cube {w} red in the bin, not red on the pad.",
    "Put every cube {w} red in the bin, red on the pad, and don't touch blue.",
    "Don't put every cube {w} red in the bin, red on the pad.",
    "Never put every cube {w} red in the bin, red on the pad.",
    "Did you put every cube {w} red in the bin, red on the pad?",
    "Put every cube {w} red in the bin, red on the pad?",
    "I put every cube {w} red in the bin, red on the pad.",
    "The robot put every cube {w} red in the bin, red on the pad.",
    "Maybe put every cube {w} red in the bin, red on the pad.",
    "Put every cube {w} red in the bin. Red on the pad?",
    "{W} red, put every cube in the bin, red on the pad.",  # left out up front, then named again
])
def test_the_reading_stays_closed(frame: str, word: str) -> None:
    moves_nothing(frame.format(w=word, W=word.capitalize()), S3)


@pytest.mark.parametrize("text", [
    "Put all cubes but not red in the bin, red on the pad.",  # exclusions said with a negation's words
    "Put all cubes in the bin but not red, red on the pad.",
    "Put all cubes in the bin not counting red, red on the pad.",
    "Put all cubes without red in the bin, red on the pad.",
])
def test_an_exclusion_said_with_a_negation_keeps_the_clause_unread(text: str) -> None:
    moves_nothing(text, S3)


PUSH_LEFT, PUSH_RIGHT = "push(object=red_cube, direction=left)", "push(object=red_cube, direction=right)"


@pytest.mark.parametrize("text", [
    "Push the red cube left, then again push it right.",  # A1 s17 residue: pushed both ways
    "Push the red cube left and then again push it right.",
    "Push the red cube left, then again, push it right.",
    "Push the red cube left. Then again, push it right.",
    "Push the red cube left, but then again, push it right.",
    "Put the red cube in the bin. Then again, put it on the pad.",
    "Put the red cube on the pad, then again push it left.",
    "Push the red cube left aand push it right.",  # A1 s18 H131: slips the spelling fix reads as "and"
    "Push the red cube left nad push it right.",
    "Push the red cube left andn push it right.",
])
def test_then_again_and_and_mistyped_are_no_word_of_order(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the red cube left, then again push it left.", [PUSH_LEFT, PUSH_LEFT]),  # the same push said again
    ("Push the red cube left, then push it left again.", [PUSH_LEFT, PUSH_LEFT]),
    ("Push the red cube left, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left. Mate, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),  # an address before "then"
    ("Push the red cube left. Honey, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),  # (register.ADDRESS)
    ("Push the red cube left. Buddy, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),
])
def test_a_sequence_and_a_repetition_keep_their_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)


ALL_LEFT = [*mv("red", "left"), *mv("blue", "left"), *mv("green", "left")]


@pytest.mark.parametrize("text", [
    "Can you move all the little blocks over to the left side?",  # seen fi51-064 (without its purpose clause)
    "Put every lovely wee cube on the left side.",
    "Move all of the small cubes to the left side.",
    "Put each tiny block on the left side.",
    "Put all the pretty colourful cubes on the left side.",
])
def test_how_the_cubes_look_inside_the_quantifier_picks_none_out(text: str) -> None:
    plans_as(text, ALL_LEFT)


@pytest.mark.parametrize("text", [
    "Put both little cubes on the pad.",  # the count still holds: three cubes
    "Put all the little red blocks in the bin.",  # a colour picks cubes out
    "Put all the other little blocks in the bin.",
    "Don't put all the little blocks in the bin.",
    "Did you put all the little blocks in the bin?",
    "Put all the little blocks in the bin, maybe.",
])
def test_looks_inside_the_quantifier_stay_closed(text: str) -> None:
    moves_nothing(text, S3)
