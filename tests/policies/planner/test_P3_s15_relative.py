"""Session 15, English meaning (issue #17): the cube nearest to / farthest from the robot said with a verb of posture
("the cube that stands farthest from you", "the one sitting closest to the robot", dev_s14 fi40-026, fi41-049) or as
"the one (right) at your feet" (fi41-007) is measured from the base; their near misses refuse."""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

# S3: green (x 0.38) is nearest the robot, blue (x 0.55) farthest


@pytest.mark.parametrize(("text", "colour", "where"), [
    ("Put the one right at your feet in the bin.", "green", "bin"),
    ("The one right at your feet, into the bin!", "green", "bin"),
    ("Put the cube at your feet on the pad.", "green", "pad"),
    ("Put the cube that stands farthest from you in the bin.", "blue", "bin"),
    ("Take the cube that standeth farthest from thee and set it in the bin.", "blue", "bin"),  # fi40-026
    ("Put the cube sitting closest to the robot on the pad.", "green", "pad"),
    ("Put the block that sits nearest to you on the pad.", "green", "pad"),
    ("The cube situated furthest from the robot, put it on the pad.", "blue", "pad"),
    ("Put the cube lying farthest away from the robot in the bin.", "blue", "bin"),
    ("Take the cube lying furthest out from you and set it down on the pad.", "blue", "pad"),  # fi30-039
    ("Put the cube furthest out from the robot in the bin.", "blue", "bin"),
    ("The one nearest to you, robot — the one right at your feet — into the bin!", "green", "bin"),  # fi41-007
    ("Put the one nearest to you, the one at your feet, in the bin.", "green", "bin"),
    ("Take the cube that's on the robot's left and put it in the bin.", "red", "bin"),  # fi39-058's form
    ("Put the cube on the robot's right on the pad.", "blue", "pad"),
])
def test_nearest_and_farthest_from_the_robot_said_with_a_posture(text: str, colour: str, where: str) -> None:
    assert steps(text, S3) == mv(colour, where)


def test_the_cube_at_your_feet_under_a_negation_is_kept() -> None:
    assert steps("Don't move the cube at your feet. Put the red one in the bin.", S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Is the cube at your feet red?",
    "I put the cube at your feet in the bin.",
    "Did you put the cube at your feet in the bin?",
    "Don't put the cube at your feet in the bin.",
    "Put the cube at my feet in the bin.",
    "Put the cube near your feet in the bin.",
    "Put the cube that stood farthest from you in the bin.",
    "Put the cubes at your feet in the bin.",
    "I put the cube that stands farthest from you in the bin.",
    "The one nearest to you, robot — the one farthest from you — into the bin!",  # two references: which?
    "Put the one nearest to you, the red one, in the bin.",
    "Put the cube furthest out from me in the bin.",
])
def test_relative_posture_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


STACKS = cube_scene(("red", [0.45, 0.12, 0.022]), ("blue", [0.45, 0.12, 0.066]), ("green", [0.55, -0.1, 0.022]),
                    ("yellow", [0.55, -0.1, 0.066]))


@pytest.mark.parametrize("text", [  # dev_s15 fi44-068: "pull the top one off that stack": which top one?
    "Pull the top one off that stack and set it on the pad.",
    "Pull the top one off that stack and put it on the pad.",
])
def test_pull_the_top_one_off_the_stack_asks_which(text: str) -> None:
    asks(text, STACKS, {"blue_cube", "yellow_cube"})


@pytest.mark.parametrize("text", [
    "I pulled the top one off that stack and set it on the pad.",
    "Pull the red one off that stack and set it on the pad.",
])
def test_pull_off_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, STACKS)


@pytest.mark.parametrize(("text", "colour", "where"), [  # f28-040: a learner's "cube which is nearest to you"
    ("Please put cube which is nearest to you on the red cube.", "green", "red"),
    ("Put cube which is farthest from you in the bin.", "blue", "bin"),
    ("Take the cube that's on the Robot's left and put it in the bin.", "red", "bin"),
])
def test_a_bare_relative_reference(text: str, colour: str, where: str) -> None:
    assert steps(text, S3) == mv(colour, where)


@pytest.mark.parametrize("text", [
    "Don't put cube which is nearest to you on the red cube.",
    "I put cube which is nearest to you on the red cube.",
])
def test_a_bare_relative_reference_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
