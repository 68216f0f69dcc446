"""Session 14, English meaning (issue #17), the dev_s14 tower class: a learner's "after the X and in the top the Y"
between a tower's levels (fi41-017, with "realize a tower"), and a tower's order said as what "it" goes with after a
direction ("Top-down it should go red, green, blue, with orange at the base.", fi40-033); the negated, questioned,
reported, hedged and near-miss variants refuse."""

from __future__ import annotations

import itertools

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

RYB = cube_scene(("red", [0.44, 0.12, 0.022]), ("yellow", [0.52, -0.1, 0.022]), ("blue", [0.6, 0.08, 0.022]))
FOUR = cube_scene(("red", [0.44, 0.1, 0.022]), ("green", [0.5, -0.1, 0.022]), ("blue", [0.6, 0.1, 0.022]),
                  ("orange", [0.45, 0.18, 0.022]))


def tower(*bottom_up: str) -> list[str]:
    return [s for lower, upper in itertools.pairwise(bottom_up) for s in mv(upper, lower)]


@pytest.mark.parametrize("text", [
    "Realize a tower with the yellow down, after the blue and in the top the red.",  # fi41-017
    "Make a tower with the yellow down, after the blue and on top the red.",
    "Make a tower with the yellow at the bottom, after the blue and at the top the red.",
    "Realize a tower with the yellow down, after the blue, and in the top the red.",
    "Realise a tower: the yellow down, after the blue, after the red on top.",
    "Can you realize a tower with the yellow down, after the blue and in the top the red.",
    "Please realize a tower with the yellow down, after the blue and in the top the red.",
])
def test_after_between_a_towers_levels_is_then(text: str) -> None:
    assert steps(text, RYB) == tower("yellow", "blue", "red")


def test_after_between_levels_then_home() -> None:
    said = "Realize a tower with the yellow down, after the blue and in the top the red, then go home."
    assert steps(said, RYB) == [*tower("yellow", "blue", "red"), "go_home()"]


@pytest.mark.parametrize("text", [
    "Don't make a tower with the yellow down, after the blue and in the top the red.",
    "Realize a tower with the yellow down, after the blue and in the top the red?",
    "Did you realize a tower with the yellow down, after the blue and in the top the red?",
    "I realized a tower with the yellow down, after the blue and in the top the red.",
    "You realized a tower with the yellow down, after the blue and in the top the red.",
    "I realize a tower with the yellow down, after the blue and in the top the red.",
    "We realise a tower with the yellow down, after the blue and in the top the red.",
    "Make a tower with the yellow down, after the blue and the red.",  # no top: an order?
    "Make a tower with the yellow down, after the blue is moved and in the top the red.",  # a clause
    "Make a tower with the yellow down, after the blue and in the top the red, after go home.",
    "Realize a tower with the yellow down, after the blue and in the top the red, but not now.",
    "Realize a tower with the yellow down, after the red and in the top the red.",
    "Realize a tower with the yellow down, after the purple and in the top the red.",
    "Realize a tower with the yellow on top, after the blue and in the top the red.",
    "Realize a tower with the yellow down, after the blue and in the bottom the red.",
    "Realize a tower with the yellow down, after the blue and in the top the red. After, put green in the bin.",
    "Realize the yellow in the bin.",
])
def test_after_between_levels_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, RYB)


@pytest.mark.parametrize("text", [
    # fi40-033
    "Can you stack all four into one tower? Top-down it should go red, green, blue, with orange at the base.",
    "Stack all four into one tower. Top-down it should go red, green, blue, with orange at the base.",
    "Stack all four into one tower, top-down it should go red, green, blue, orange.",
    "Stack all four into one tower; from bottom to top it goes orange, blue, green, red.",
    "Stack all four into one tower. Bottom-up, it should read orange, blue, green, red.",
    "Top-down it should go red, green, blue, with orange at the base.",
])
def test_the_order_it_should_go_in(text: str) -> None:
    assert steps(text, FOUR) == tower("orange", "blue", "green", "red")


@pytest.mark.parametrize("text", [
    "Stack all four into one tower. Top-down it should go red, green, blue, with orange at the top.",
    "Stack all four into one tower. Top-down it shouldn't go red, green, blue, with orange at the base.",
    "Stack all four into one tower. Top-down it should go red, green, blue, with orange at the base?",
    "Stack all four into one tower. Top-down it went red, green, blue, with orange at the base.",
    "Stack all four into one tower. Top-down it should go red, green, blue, with orange at the base, I think.",
    "Stack all four into one tower. Top-down it should go red, green, blue, with orange at the base, maybe.",
    "I stacked all four into one tower. Top-down it should go red, green, blue, with orange at the base.",
    "Did you stack all four into one tower? Top-down it should go red, green, blue, with orange at the base.",
    "Stack all three into one tower. Top-down it should go red, green, blue, with orange at the base.",
])
def test_the_order_it_should_go_in_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, FOUR)


# ------------------------------------------------------------------------------ REV s14 R3, R4, R5 (wrong plans)
S3 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))


@pytest.mark.parametrize("text", [  # R3: a count or "all" beside "leave X out" contradicts itself: X was built in
    "Stack all three into one tower with the green one at the bottom and the red one on top, but leave blue out.",
    "Make a three-cube tower with green at the bottom and red on top. Leave blue out of it.",
    "Make a tower of three with green at the bottom and red on top, leave blue out.",
    "Make one tower out of all three cubes with green at the bottom and red in the middle, but leave blue out.",
    "Stack every cube into one tower with the green one at the bottom and the red one on top, but leave blue out.",
])
def test_a_cube_left_out_is_never_the_one_a_count_fills_in(text: str) -> None:
    moves_nothing(text, S3)


def test_a_cube_left_out_of_a_tower_with_no_count_still_plans() -> None:
    assert steps("Make a tower with green at the bottom and red on top, leave blue out.", S3) == tower("green", "red")


@pytest.mark.parametrize("text", [  # R4: a tower of every cube takes the unnamed one in the middle
    "Stack every cube into one tower with the green one at the bottom and the red one on top.",
    "Stack them all into one tower with the green one at the bottom and the red one on top.",
    "Stack all the cubes into one tower with the green one at the bottom and the red one on top.",
    "Stack the three of them into one tower with the green one at the bottom and the red one on top.",
    "Stack three into one tower with the green one at the bottom and the red one on top.",
    "Use all the cubes to build a tower with the green one at the bottom and the red one on top.",
    "Make one tower out of all the blocks, green at the bottom, red on top.",
    "Stack all three into one tower with the green one at the bottom and the red one on top.",
])
def test_a_tower_of_every_cube_uses_every_cube(text: str) -> None:
    assert steps(text, S3) == tower("green", "blue", "red")


def test_a_tower_of_every_cube_that_names_two_by_their_count_builds_those_two() -> None:
    assert steps("Stack two into one tower with the green one at the bottom and the red one on top.", S3) == \
        tower("green", "red")


@pytest.mark.parametrize("text, scene", [
    ("Stack every cube into one tower from top to bottom: red, green.", S3),  # which place for blue?
    ("Stack four into one tower with the green one at the bottom and the red one on top.", S3),
    ("Stack every cube into one tower with the green one at the bottom and the red one on top.", FOUR),  # two left
])
def test_a_tower_of_every_cube_the_words_cannot_fill_refuses(text: str, scene) -> None:
    moves_nothing(text, scene)


@pytest.mark.parametrize("second", [  # R5: a tower place said twice, the second time in any of these forms
    "the middle one is blue", "the middle cube is blue", "the middle should be blue", "the middle's blue",
    "middle is blue", "middle: blue", "the one in the middle is blue", "in the middle goes blue",
    "and the middle will be blue", "the bottom one is blue", "the bottom cube should be blue",
])
def test_a_tower_place_said_twice_refuses(second: str) -> None:
    moves_nothing(f"Red on the bottom, green in the middle, {second}.", S3)


@pytest.mark.parametrize("text", [
    "Red on the bottom, green in the middle, the top one is blue.",
    "Red on the bottom, the middle one is green, the top one is blue.",
    "Make a tower: the bottom cube should be red, the middle cube green, the top cube blue.",
    "Tower: bottom: red, middle: green, top: blue.",
])
def test_each_tower_place_said_once_before_its_cube_plans(text: str) -> None:
    assert steps(text, S3) == tower("red", "green", "blue")


@pytest.mark.parametrize("text", [  # A1 s14 H62: one tower's order said of several towers built one tower
    "Build two towers with green at the bottom and red on top.",
    "Make two towers, green at the bottom, red on top.",
    "Stack every cube into two towers with green at the bottom and red on top.",
    "Build three towers with green at the bottom and red on top.",
    "Red on the bottom, green on top, two stacks.",
])
def test_several_towers_with_one_order_refuse(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [  # REV s14 R12: a place said twice, one saying "the top one is" / "with the middle's"
    "Red at the bottom, the top one is green, blue at the top.",
    "Red at the bottom, the top one is green, and blue on top.",
    "Blue on the bottom, the top one is red, green at the top.",
    "Top: blue, the top cube should be green, red at the bottom.",
    "Red as the base, the one on top is green, top: blue.",
    "Build a tower: the bottom is red, the one on top is green, top: blue.",
    "Make a tower with middle: blue, the middle's red, green on top.",
    "Make a tower with the middle's red, middle: blue, the bottom is green.",
    "Make a tower with the base is blue, the top one is red, green on the bottom.",
    "Stack them: the one on top is red, the one on top is green, the base is blue.",
    "Build a tower where the top one is blue and the top one is green.",  # A1 s14 H69
    "Build a tower where the top one is red and the top one is green.",
    "Make a tower where the top one is blue, and the one on top is green.",
])
def test_a_tower_place_said_twice_with_the_top_one_refuses(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "Red at the bottom, the top one is green, blue in the middle.",
    "Make a tower with the bottom one is red, the middle one is blue, the top one is green.",
    "Build a tower: the one at the bottom is red, the middle's blue, the one on top is green.",
])
def test_each_place_said_once_with_the_top_one_plans(text: str) -> None:
    assert steps(text, S3) == tower("red", "blue", "green")
