"""Session 16, English meaning (issue #17), from the dev_s16 failures:

- a push of one named cube forbidden in one way, then a request ("Don't push the yellow cube left. Push it right.",
  fi46-042): the negation forbids that push only; the plan is checked against it, and "it" after the next verb names
  the cube;
- relative references after a demonstrative ("Set that far block in the bin", fi47-003) and the top of a pile said as
  where the cube is ("Take the one off the top of the pile and ...", fi46-070): read as "the far block", "the top one",
  which ask where two cubes fit.
Their negated, questioned, reported and near-miss variants move nothing."""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

PUSH_RIGHT = ["push(object=blue_cube, direction=right)"]


@pytest.mark.parametrize(("text", "want"), [
    ("Don't push the blue cube left. Push it right.", PUSH_RIGHT),  # fi46-042
    ("Don't push the blue cube left, push it right.", PUSH_RIGHT),
    ("Do not slide the blue cube to the left; slide it to the right instead.", PUSH_RIGHT),
    ("Never shove the blue cube left. Shove it forward.", ["push(object=blue_cube, direction=forward)"]),
    ("Don't push the blue cube left, push the red cube right.", ["push(object=red_cube, direction=right)"]),
    ("Push the red cube right, don't push the blue cube left.", ["push(object=red_cube, direction=right)"]),
    ("Don't push the blue cube left, put it on the pad.", mv("blue", "pad")),
])
def test_a_push_forbidden_one_way_keeps_the_rest(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Don't push the blue cube left. Push it left.",  # the forbidden push itself
    "Don't push the blue cube left. Push it right. Then push it left.",
    "Don't push the blue cube left.",  # nothing asked
    "Don't push the purple cube left. Push the red one right.",  # no purple cube
    "Did you push it right? Don't push the blue cube left.",
    "You didn't push the blue cube left, you pushed it right.",
    "I didn't push the blue cube left. I pushed it right.",
    "Don't push the blue cube left. Don't push it right.",
    "Don't push both the red and blue cubes to the left.",  # phrasing spells the plural out: never half of it
    "Don't push the red and blue cubes to the left.",
    "Don't push the blue cube left, then push it right.",  # an order word after the negation: its scope is unclear
])
def test_its_contradicted_questioned_reported_and_empty_variants_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


FAR = cube_scene(("yellow", [0.6, 0.1, 0.022]), ("green", [0.6, -0.08, 0.022]), ("red", [0.42, 0.01, 0.022]))
FAR_ONE = cube_scene(("yellow", [0.62, 0.1, 0.022]), ("green", [0.5, -0.08, 0.022]), ("red", [0.42, 0.01, 0.022]))
PILES = cube_scene(("red", [0.45, 0.12, 0.022]), ("green", [0.45, 0.12, 0.066]), ("blue", [0.55, -0.1, 0.022]),
                   ("yellow", [0.55, -0.1, 0.066]))
PILE = cube_scene(("red", [0.45, 0.12, 0.022]), ("green", [0.45, 0.12, 0.066]), ("blue", [0.55, -0.1, 0.022]))


@pytest.mark.parametrize("text", ["Set that far block in the bin.", "Put that far cube in the bin.",
                                  "Put this far one in the bin."])
def test_a_demonstrative_before_a_relative_word_reads_as_the(text: str) -> None:
    asks(text, FAR, {"yellow_cube", "green_cube"})  # fi47-003: two cubes equally far
    assert steps(text, FAR_ONE) == mv("yellow", "bin")


@pytest.mark.parametrize("text", [
    "Take the one off the top of the pile and put it on the pad.",  # fi46-070
    "Take the cube from the top of the stack and put it on the pad.",
    "Put the block at the very top of the tower on the pad.",
    "Put the cube that's on top of the pile on the pad.",
])
def test_the_top_of_a_pile_names_its_top_cube(text: str) -> None:
    asks(text, PILES, {"green_cube", "yellow_cube"})
    assert steps(text, PILE) == mv("green", "pad")


@pytest.mark.parametrize("text", [
    "Don't put that far block in the bin.",
    "Did you put that far block in the bin?",
    "I put that far block in the bin.",
    "Push it that far.",
    "Don't take the one off the top of the pile.",
    "Did you take the one off the top of the pile and put it on the pad?",
])
def test_their_negated_questioned_and_reported_variants_move_nothing(text: str) -> None:
    moves_nothing(text, FAR_ONE)
    moves_nothing(text, PILE)


def test_a_cube_put_on_top_of_the_stack_is_where_it_goes() -> None:
    assert steps("Put the blue cube on top of the stack.", PILE) == mv("blue", "green")
