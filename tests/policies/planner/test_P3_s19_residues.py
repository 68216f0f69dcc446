"""Session 19, English meaning (issue #17): last session's open residues, each closed as a class with its twins.

- A1 s18 H135 (old): a cube named by its colour AND a side of the table ("the blue cube on the left") where the one
  cube of that colour stands elsewhere (the other half, or the middle) is not what the words describe: refused, never
  moved (it pushed blue standing on the right).
- REV s18-R7: "the cube at the left" is "the cube on the left" (no superlative in it): with two cubes on that half
  (not all) it asks among them, as the finals fi51-006 class does; "at the far left" is still the outermost.
- A1 s18 H130 (a colour sentence that may narrow the request) is in test_P3_s19_echoes.py, with the phrasing hook.
- REV s16-R5: colours listed with bare commas before ONE singular noun ("the red, blue cube"): one cube named by two
  colours, or two cubes? refused (as "the red blue cube" is); the plural and the "and" list still plan.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

S4 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                ("yellow", [0.62, 0.2, 0.022]))

@pytest.mark.parametrize("text", [
    "Push the blue cube on the left forward.",  # blue stands on the right half (H135)
    "Put the blue cube on the left in the bin.",
    "Put the blue one on the left in the bin.",
    "Put the blue cube at the left in the bin.",
    "Pick up the blue block on the left.",
    "Put the red cube on the right on the pad.",  # red stands on the left half
    "Push the green cube on the left forward.",  # green stands in the middle (y -0.02): on neither half
    "Push the green cube on the right forward.",
])
def test_a_named_cube_with_a_side_it_does_not_stand_on_moves_nothing(text: str) -> None:
    moves_nothing(text, S4)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the blue cube on the right forward.", ["push(object=blue_cube, direction=forward)"]),
    ("Put the red cube on the left in the bin.", mv("red", "bin")),
    ("Put the yellow cube at the left in the bin.", mv("yellow", "bin")),
    ("Put the yellow cube on the left on the pad.", mv("yellow", "pad")),
])
def test_a_named_cube_with_the_side_it_stands_on_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S4)


@pytest.mark.parametrize("text", ["Pick up the cube at the left.", "Push the cube at the left forward.",
                                  "Put the cube at the left in the bin.", "Put the one at the left on the pad."])
def test_the_cube_at_the_left_asks_like_the_cube_on_the_left(text: str) -> None:
    asks(text, S4, {"red_cube", "yellow_cube"})


@pytest.mark.parametrize(("text", "want"), [
    ("Pick up the cube at the far left.", ["pick(object=yellow_cube)"]),  # a superlative: the outermost
    ("Pick up the cube on the far left.", ["pick(object=yellow_cube)"]),
    ("Pick up the cube at the right.", ["pick(object=blue_cube)"]),  # one cube on the right half
])
def test_the_far_side_and_a_lone_cube_on_a_side_still_plan(text: str, want: list[str]) -> None:
    plans_as(text, want, S4)


@pytest.mark.parametrize("text", [
    "Put the red, blue cube in the bin.", "Put the red, blue cube on the pad.", "Red, blue cube in the bin please.",
    "Put the red, green cube in the bin.", "Put the red, blue, green cube in the bin.", "Move the red,blue block left.",
    "Did you put the red, blue cube in the bin?", "Don't put the red, blue cube in the bin.",
])
def test_colours_listed_before_one_singular_noun_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red, blue and green cubes in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Put the red, blue cubes in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Put red, blue in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Put the red cube, blue cube in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Put the red cube in the bin, blue cube on the pad.", mv("red", "bin") + mv("blue", "pad")),
])
def test_a_plural_or_a_list_of_whole_cubes_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)
