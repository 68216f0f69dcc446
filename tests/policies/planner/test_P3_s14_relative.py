"""Session 14, English meaning (issue #17), the dev_s14 relative-reference class: a learner's relative "what" after its
noun ("The cube what is on the blue, put it in the pad.", fi41-046) is "that"; its near misses refuse."""

from __future__ import annotations

import pytest
from planner_asserts import asks, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

RED_ON_BLUE = cube_scene(("blue", [0.48, 0.08, 0.022]), ("red", [0.48, 0.08, 0.066]), ("green", [0.58, -0.12, 0.022]))


@pytest.mark.parametrize("text", [
    "The cube what is on the blue, put it in the pad.",  # fi41-046
    "The cube what's on the blue, put it on the pad.",
    "Put the cube what is on the blue on the pad.",
])
def test_relative_what_after_its_noun(text: str) -> None:
    assert steps(text, RED_ON_BLUE) == mv("red", "pad")


@pytest.mark.parametrize("text", [
    "The cube what is on the blue, don't move it.",
    "The cube what is on the blue, you put it in the pad.",
    "The cube what is on the green, put it in the pad.",  # nothing rests on green
    "The cube what is on the blue, put it in the pad?",
    "The cube, what is on the blue?",
    "What is on the blue? Put it on the pad.",
    "The cube what was on the blue, put it in the pad.",  # was: no longer there?
])
def test_relative_what_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, RED_ON_BLUE)


RBG = cube_scene(("red", [0.44, 0.0, 0.022]), ("blue", [0.56, 0.14, 0.022]), ("green", [0.58, -0.12, 0.022]))
RB = cube_scene(("red", [0.44, 0.0, 0.022]), ("blue", [0.56, 0.14, 0.022]))


@pytest.mark.parametrize("text", [  # fi41-039: "over" before "the other cube" is "on", as before a colour
    "Put the red over the other cube, please.",
    "Put the red cube over the other one.",
])
def test_over_the_other_cube_asks_which_when_two_are_left(text: str) -> None:
    asks(text, RBG, {"blue_cube", "green_cube"})


def test_over_the_other_cube_with_one_left_is_on_it() -> None:
    assert steps("Put the red over the other cube, please.", RB) == mv("red", "blue")


@pytest.mark.parametrize("text", [
    "Don't put the red over the other cube.",
    "Did you put the red over the other cube?",
    "I put the red over the other cube.",
    "Put the red over the other cubes.",
])
def test_over_the_other_cube_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, RB)
