"""Session 14, English meaning (issue #17), the dev_s14 order class: "after/before you A could you B" with no comma
(fi40-006): a closed polite lead ("could you", "can you", "would you", "will you", "please") before the second verb
opens the main clause; a learner's "First only you put ..." (fi41-065) is "First you put ..."; their near misses
refuse."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

YG = cube_scene(("yellow", [0.42, 0.04, 0.022]), ("green", [0.55, -0.11, 0.022]))
PUSH_YELLOW = ["push(object=yellow_cube, direction=forward)"]


@pytest.mark.parametrize("text, expected", [
    ("after you have put the green cube in the bin could you push the yellow one forward",
     mv("green", "bin") + PUSH_YELLOW),
    ("after you put the green cube in the bin please push the yellow one forward", mv("green", "bin") + PUSH_YELLOW),
    ("after you put the green cube in the bin can you push the yellow one forward", mv("green", "bin") + PUSH_YELLOW),
    ("before you put the green cube in the bin could you push the yellow one forward",
     PUSH_YELLOW + mv("green", "bin")),
    ("after you put the green cube in the bin could you push the yellow one forward?",
     mv("green", "bin") + PUSH_YELLOW),
])
def test_a_polite_lead_opens_the_main_clause_of_an_order_word(text: str, expected: list[str]) -> None:
    assert steps(text, YG) == expected


@pytest.mark.parametrize("text", [
    "after you put the green cube in the bin could I push the yellow one forward",  # the speaker asks leave
    "after you put the green cube in the bin could you push the green one forward",  # the same cube again
    "after you put the green cube could you push the yellow one forward",  # no place for green
    "after you put the green cube in the bin could you not push the yellow one forward",
    "after you put the green cube in the bin couldn't you push the yellow one forward",
    "after I put the green cube in the bin could you push the yellow one forward",
    "after you put the green cube in the bin you pushed the yellow one forward",
    "did you push the yellow one forward after you put the green cube in the bin?",
    "don't, after you put the green cube in the bin could you push the yellow one forward",
    "after you put the green cube in the bin don't push the yellow one forward",
])
def test_a_polite_lead_after_an_order_word_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, YG)


PGO = cube_scene(("purple", [0.44, 0.0, 0.022]), ("orange", [0.56, 0.14, 0.022]), ("green", [0.58, -0.14, 0.022]))


@pytest.mark.parametrize("text", [
    "First only you put the purple block on top of the orange one, after that move the green one to left side.",
    "First only put the purple block on top of the orange one, then move the green one to left side.",
])
def test_first_only_is_first(text: str) -> None:
    assert steps(text, PGO) == mv("purple", "orange") + mv("green", "left")


@pytest.mark.parametrize("text", [
    "First only you put the purple block on top of the orange one?",
    "First only you put the purple block on top of the orange one, after that move the green one to left side?",
    "First only you put the purple block on top of the orange one, I think.",
    "First only you put the purple block on top of the orange one, maybe.",
    "First only you don't put the purple block on top of the orange one, after that move the green one to left side.",
    "First only I put the purple block on top of the orange one, after that move the green one to left side.",
    "Not first only you put the purple block on top of the orange one.",
    "Only first you put the purple block on top of the orange one, after that move the green one to left side.",
])
def test_first_only_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, PGO)
