"""Session 14, English meaning (issue #17), the dev_s14 relative-reference class: a learner's relative "what" after its
noun ("The cube what is on the blue, put it in the pad.", fi41-046) is "that"; its near misses refuse."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
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
