"""Session 14, English meaning (issue #17): several cubes named for one push direction ("push red and blue left") are
a push each, in the order said; its negated, questioned, reported, hedged and near-miss variants still refuse."""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing
from test_planner_fresh12_words import plan, steps

from policies.planner import Refusal


def pushes(direction: str, *colours: str) -> list[str]:
    return [f"push(object={c}_cube, direction={direction})" for c in colours]


@pytest.mark.parametrize("text, expected", [
    ("push red and blue left", pushes("left", "red", "blue")),
    ("push the red and the blue cube to the left", pushes("left", "red", "blue")),
    ("Push the red cube and the blue cube left.", pushes("left", "red", "blue")),
    ("push the red one and the blue one to the right", pushes("right", "red", "blue")),
    ("Push blue and red left.", pushes("left", "blue", "red")),  # the order said
    ("push both red and blue forward", pushes("forward", "red", "blue")),
    ("shove red and green to the right", pushes("right", "red", "green")),
    ("nudge the red and the blue one forward", pushes("forward", "red", "blue")),
    ("slide green and red back", pushes("backward", "green", "red")),
    ("Please push the red and the blue cube to the left.", pushes("left", "red", "blue")),
    ("Could you push red and blue left?", pushes("left", "red", "blue")),
    ("Push red and blue backward, then go home.", [*pushes("backward", "red", "blue"), "go_home()"]),
    ("push red and blue left, then put green in the bin",
     [*pushes("left", "red", "blue"), "pick(object=green_cube)", "place_in(region=bin)"]),
    ("push red and blue left without touching green", pushes("left", "red", "blue")),
])
def test_cubes_named_for_one_push_direction_are_pushed_each(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


def test_both_cubes_of_a_two_cube_scene_are_pushed() -> None:
    two = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]))
    assert steps("push both cubes forward", two) == pushes("forward", "red", "blue")
    moves_nothing("push both cubes forward", S3)  # three cubes: which two?


def test_pushes_with_their_own_directions_keep_them() -> None:
    assert steps("push red left and blue right", S3) == pushes("left", "red") + pushes("right", "blue")
    assert steps("Push the red cube to the right and the blue one to the left", S3) == \
        pushes("right", "red") + pushes("left", "blue")


@pytest.mark.parametrize("text", [
    "don't push red and blue left",  # negated
    "do not push the red and the blue cube to the left",
    "never push red and blue left",
    "don't push red, and blue left",
    "push not red and blue left",
    "push red but not blue left",
    "did you push red and blue left?",  # questioned
    "you pushed red and blue left?",
    "you pushed red and blue left.",  # reported
    "you just pushed red and blue left",
    "you've pushed red and blue left",
    "I pushed red and blue left.",
    "we pushed red and blue left",
    "I'll push red and blue left",
    "maybe push red and blue left",  # hedged
    "push red and blue left if the bin is empty",  # conditioned
    "push red and blue left. No, wait.",  # taken back
    "push red and blue left, no, don't",
    "push red and blue in the bin",  # a push reaches no place
    "push red and blue on the pad",
    "push red and blue to the green cube",
    "push red and blue to the left side",
    "push red and blue",  # no direction
    "push red and blue left or right",
    "push red and blue left and right",
    "push red and blue left twice",
    "push red and blue left together",
    "push red and blue far left",
    "push red and the cube left",  # a mention no colour grounds
    "push red and it left",
    "push red and purple left",  # no purple cube
    "push red and blue left, but don't touch blue",  # contradiction
    "push red and then blue left",  # the first push's direction unsaid
    "push red then blue left",
    "push red, and blue left",
])
def test_one_push_direction_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "push red and red left",
    "push the red and red cubes left",
    "put red and red in the bin",
    "put the red and the red cube in the bin",
])
def test_a_cube_named_twice_in_one_list_is_refused(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal) and "twice" in result.reason, (text, result)
