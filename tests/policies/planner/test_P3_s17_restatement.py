"""Session 17, English meaning (issue #17): sentences that only say the request again (policies/planner/restatement.py).

dev_s17 fi49-041 "Push the green one to the right. To the right. Push it, don't pick it up.", fi49-046 "Both of them on
the pad. Both cubes. On the pad, the both of them.", fi49-051 "... Blue first, then the green. Both on the left.",
fi49-060 "Make a pile, son. The blue one at the bottom, then the orange, then the red on top. Blue, orange, red. Blue at
the bottom.": a verbless sentence of closed words after the request is dropped where everything it says holds in the
plan read from the rest (the cube, the place or way, the role in the tower, the order, "both", "all"). One that says
anything else (another cube, place, role or order) leaves the whole refused: it may correct the request."""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv

TWO = cube_scene(("red", [0.45, 0.1, 0.022]), ("green", [0.55, -0.12, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    ("Push the red cube to the right. To the right.", ["push(object=red_cube, direction=right)"]),
    ("Push the red cube to the right. To the right. Push it, don't pick it up.",
     ["push(object=red_cube, direction=right)"]),
    ("Put the red cube on the pad. On the pad. The red one.", mv("red", "pad")),
    ("Put the red cube in the bin! The red one! In the bin!", mv("red", "bin")),
    ("Put the blue one on the left. Then the green one on the left as well. Blue first, then the green. Both on the "
     "left.", mv("blue", "left") + mv("green", "left")),
    ("Put every cube on the pad. All of them. On the pad.", mv("red", "pad") + mv("blue", "pad") + mv("green", "pad")),
    ("Make a pile, son. The green one at the bottom, then the blue, then the red on top. Green, blue, red. Green at "
     "the bottom.", tower("green", "blue", "red")),
    ("Stack them: green at the bottom, blue in the middle, red on top. Red on top. Green at the base.",
     tower("green", "blue", "red")),
])
def test_a_restatement_is_dropped(text: str, want: list[str]) -> None:
    plans_as(text, want)


def test_both_of_them_said_again() -> None:
    plans_as("Both of them on the pad. Both cubes. On the pad, the both of them.",
             mv("red", "pad") + mv("green", "pad"), TWO)


@pytest.mark.parametrize("text", [
    "Put the red cube on the pad. Blue.",  # another cube
    "Put the red cube on the pad. The blue one too.",
    "Push the red cube left. Right.",  # another way: a correction?
    "Push the red cube left. To the right.",
    "Put the red cube on the pad. In the bin.",  # another place
    "Put the red cube in the bin. The pad. The bin.",
    "Put the red one on the blue one. Blue on top.",  # another role
    "Stack them: green at the bottom, blue in the middle, red on top. Blue at the bottom.",
    "Put the blue one on the left. Then the green one on the left as well. Green first, then the blue.",  # order
    "Put the red cube and the blue cube on the pad. All of them.",  # not every cube
    "Put the red cube on the pad. On the pad?",  # questioned
    "Did you put the red cube on the pad? On the pad.",
    "I put the red cube on the pad. On the pad.",  # reported
    "Don't put the red cube on the pad. On the pad.",  # negated
    "Put the red cube on the pad, maybe. On the pad.",  # hedged
    "Put the red and blue cubes in the bin. Blue first.",  # A1 s17 H124: an order the plan breaks
    "Put red on the pad and blue in the bin. Blue first.",
    "Put red on the pad, then blue in the bin. Blue first.",
    "Put all the cubes in the bin. Red.",  # a lone colour may narrow the quantifier
    "Put the red cube in the bin. Red too.",  # more than the plan does
    "Put the red cube in the bin. In the bin again.",
    "Put the red one in the bin. Over the bin.",
])
def test_anything_else_said_again_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


# ------------------------------------------- a cube named in a sentence of its own, then "it" (dev_s17 fi49-059 frame)
@pytest.mark.parametrize(("text", "want"), [
    ("The red one. Put it in the bin.", mv("red", "bin")),
    ("The leftmost cube. Bin it.", mv("red", "bin")),  # (S3's red cube stands furthest to the robot's left)
    ("Whichever one is furthest to the left. Bin it.", mv("red", "bin")),  # s16 fi37-040
])
def test_a_cube_named_then_it(text: str, want: list[str]) -> None:
    plans_as(text, want)


def test_the_one_on_top_named_then_it() -> None:
    stacked = cube_scene(("green", [0.5, 0.0, 0.022]), ("blue", [0.4, 0.15, 0.022]), ("red", [0.5, 0.0, 0.066]),
                         on={"red_cube": "green_cube"})
    plans_as("The one on top of the green. Put it on the right.", mv("red", "right"), stacked)


@pytest.mark.parametrize("text", [
    "The red one? Put it in the bin.",  # questioned
    "The red one. Don't put it in the bin.",  # negated
    "The red one. I put it in the bin.",  # reported
    "The red one, the blue one. Put it in the bin.",  # two cubes named
    "The cubes. Put it in the bin.",  # A1 s17 H126: a plural mention is no "it"
    "The red and the blue one. Put it in the bin.",
    "The red one. Put it on the blue one, then put it on the pad.",  # "it" said twice
])
def test_a_cube_named_then_it_near_misses(text: str) -> None:
    moves_nothing(text, S3)
