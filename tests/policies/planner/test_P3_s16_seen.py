"""Session 16, English meaning (issue #17), families from the seen wrong refusals:

- "the rest / the others / everything else" after an exception said first ("Apart from the purple cube, kindly place
  the rest upon the pad.", fi42-023): every cube but the exception;
- how a push is done said as "not lifted" after it ("The green cube ... you push, not lift.", f29-044): no pick;
- a tower's direction said "from the top downwards" (fi39-011) or followed by "in that order" (fi36-015).
Their negated, questioned, reported and near-miss variants move nothing."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv, steps

REST_PAD = mv("blue", "pad") + mv("green", "pad")


@pytest.mark.parametrize(("text", "want"), [
    ("Apart from the red cube, kindly place the rest upon the pad.", REST_PAD),  # fi42-023
    ("Except for the red cube, put the rest on the pad.", REST_PAD),
    ("Apart from the red one, put all the others on the pad.", REST_PAD),
    ("Other than the red cube, put the remaining cubes on the pad.", REST_PAD),
    ("Aside from the red cube, put all the other cubes in the bin.", mv("blue", "bin") + mv("green", "bin")),
])
def test_the_rest_after_an_exception_said_first(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Apart from the red cube, don't put the rest on the pad.",
    "Apart from the red cube, did you put the rest on the pad?",
    "Apart from the red cube, I put the rest on the pad.",
    "Apart from the red cube, put the rest on the pad, then put the red cube in the bin.",
    "Apart from the red cube, put the blue one on the pad.",
    "Apart from the red cube, maybe put the rest on the pad?",
    "Apart from the red cube, the rest in the bin?",  # A1 H101: a verbless question
    "Except for the red cube, the others on the pad? Thanks.",
])
def test_the_rest_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the green cube left, not lift.", ["push(object=green_cube, direction=left)"]),
    ("Push the green cube left, not lifted.", ["push(object=green_cube, direction=left)"]),
    ("Slide the green cube to the left, not picked up.", ["push(object=green_cube, direction=left)"]),
    ("Nudge the blue cube forward, and not lifted.", ["push(object=blue_cube, direction=forward)"]),
])
def test_not_lifted_after_a_push_says_how(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put the green cube on the pad, not lifted.",  # no push: a place needs the pick
    "Don't push the green cube left, not lifted.",
    "Did you push the green cube left, not lift?",
    "Push the green cube left, not lifted by me.",
    "I pushed the green cube left, not lifted.",
])
def test_not_lifted_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


TOWER = tower("red", "blue", "green")


@pytest.mark.parametrize("text", [
    "I would like you to build a stack, please. From the top downwards: the green cube, then the blue cube, and at the "
    "base the red cube.",  # fi39-011
    "Build a tower, from the bottom upwards: red, blue, green.",
    "Build a tower from the very top going down: green, blue, red.",
    "make a stack out of the red, blue and green ones, bottom to top in that order",  # fi36-015
    "make a stack out of the green, blue and red ones, top to bottom, in that order",
])
def test_a_towers_direction_said_another_way(text: str) -> None:
    plans_as(text, TOWER)


@pytest.mark.parametrize("text", [
    "Don't make a stack out of the red, blue and green ones, bottom to top in that order.",
    "I made a stack out of the red, blue and green ones, bottom to top in that order.",
    "Did you build a tower from the bottom upwards: red, blue, green?",
    "Put red on blue and blue on green, in that order.",  # the stated order cannot run: refused as before
])
def test_the_towers_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
