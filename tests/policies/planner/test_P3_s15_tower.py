"""Session 15, English meaning (issue #17): a tower's levels said as what a cube is to it (dev_s14 fi40-012 "Raise me a
tower, I pray thee: let the green cube be its foundation, the blue upon it, and the red to crown it all."): "let X be
its/the foundation (base, bottom)", "let X be the top", "as its base", "to crown it all", "raise (me) a tower". Read
only where the words name a tower; negated, questioned, reported and modal variants refuse."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

GREEN_BLUE_RED = mv("blue", "green") + mv("red", "blue")


@pytest.mark.parametrize("text", [
    "Raise me a tower, I pray thee: let the green cube be its foundation, the blue upon it, and the red to crown it "
    "all.",  # fi40-012
    "Build a tower: let the green cube be its foundation, then blue, then red.",
    "Build a tower: let the green cube be the base, the blue on it, and the red on top.",
    "Build me a tower with green as its base, blue on it and red crowning it.",
    "Make a stack: let green be the bottom, blue next, and let red be the top.",
    "Raise a tower: green at the bottom, blue in the middle, red on top.",
    "Build a tower: the green cube as its foundation, the blue upon it, and the red to crown it all.",
])
def test_tower_levels_said_as_what_a_cube_is_to_it(text: str) -> None:
    assert steps(text, S3) == GREEN_BLUE_RED


@pytest.mark.parametrize("text", [
    "Build a tower: don't let the green cube be its foundation, the blue upon it, and the red to crown it all.",
    "Build a tower: let the green cube not be its foundation, the blue upon it, and the red on top.",
    "Could you let the green cube be its foundation? Build a tower with blue on it and red on top.",
    "Build a tower: you let the green cube be its foundation, the blue upon it, and the red on top.",
    "Build a tower: let the green cube be its foundation, the blue upon it, and the red to crown it all?",
    "I built a tower: let the green cube be its foundation, the blue upon it, and the red to crown it all.",
    "Did you raise a tower with green at the bottom, blue in the middle and red on top?",
    "Don't raise a tower.",
    "Raise me a tower.",
    "Let the green cube be its foundation.",
    "Let the green cube be the base.",
    "Build a tower: let the green cube be, the blue upon it, and the red on top.",
    "Build a tower: let the green cube be its foundation, the blue upon it, and the green to crown it all.",
    "Build a tower: let the green cube be its foundation, the blue upon it, and let the red be its foundation too.",
    "Build a tower: let the green cube be its foundation, the blue upon it, and the red be the top. Or not.",
])
def test_tower_idiom_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


def test_raise_without_a_tower_still_lifts() -> None:
    assert steps("Raise the red cube.", S3) == ["pick(object=red_cube)"]


@pytest.mark.parametrize("text", [  # A1 s15 H71: a subject other than "you" with a modal, as before "put"
    "One could build a tower with green at the bottom and red on top.",
    "One should build a tower with green at the bottom and red on top.",
    "We should build a tower with green at the bottom and red on top.",
    "We must build a tower with green at the bottom and red on top.",
    "We can build a tower with green at the bottom and red on top.",
    "I must make a stack: green, then red.",
    "I should make a stack: green, then red.",
    "They could build a tower with green at the bottom and red on top.",
    "The robot should build a tower with green at the bottom and red on top.",
    "Someone ought to build a tower with green at the bottom and red on top.",
])
def test_a_tower_someone_else_may_build_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "You should build a tower with green at the bottom and red on top.",
    "Could you build a tower with green at the bottom and red on top?",
    "Build a tower with green at the bottom and red on top.",
])
def test_a_tower_asked_of_the_robot_still_plans(text: str) -> None:
    assert steps(text, S3) == mv("red", "green")
