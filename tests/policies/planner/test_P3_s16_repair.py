"""Session 16, English meaning (issue #17): a slot said again after "...", in its place (dev_s16 fi46-010, -032, -037,
-040, -060, -077). The repair follows the break, with a word of repair ("no, sorry", "I mean", "I should say", "oh
dear, what's the word") or its frame said again ("to the left side... to the right side"), and replaces the words just
before the break that it says again with one slot word changed (a colour, a side, a person), or completes them ("on
the... on the other one"). Negated, questioned, reported and other-shaped variants move nothing."""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

from policies.planner.mentions import repaired

ALL_RIGHT = mv("red", "right") + mv("blue", "right") + mv("green", "right")


@pytest.mark.parametrize(("text", "want"), [
    ("would you set the red cube on top of the green... the blue, i mean, the blue one.",
     "would you set the red cube on top of the blue."),
    ("move every cube to the left side... to the right side, i mean.", "move every cube to the right side."),
    ("move all of them to the right side except the green... except the blue, sorry.",
     "move all of them to the right side except the blue."),
    ("a tower with the green one on top, the red underneath it... no, sorry, the blue underneath it, and the red at "
     "the bottom.", "a tower with the green one on top, the blue underneath it, and the red at the bottom."),
    ("put the one nearest to me... nearest to you, i should say... on the pad.",
     "put the one nearest to you on the pad."),
    ("put the blue cube on the... oh dear, what's the word... on the other one, please.",
     "put the blue cube on the other one, please."),
])
def test_the_repair_takes_the_place_of_the_slip(text: str, want: str) -> None:
    assert repaired(text) == want


@pytest.mark.parametrize("text", [
    "put the red on the blue... the green on the pad",  # another shape: a second request, not a repair
    "put the red cube on the green... the blue",  # no word of repair and only "the": a list or a repair?
    "don't put the red cube on the green... the blue, i mean.",
    "put the red cube on the green... the blue... the green, i mean.",  # two breaks
    "put the red cube in the bin... then the blue one on the pad.",
    "put the red cube in the bin, i mean.",
    "push the red cube left... right.",  # A1 H102: a pause alone may be the next step
    "put the red cube on the blue... on the green.",
])
def test_no_repair_is_made_of_other_shapes(text: str) -> None:
    assert repaired(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("Would you set the red cube on top of the green... the blue, I mean, the blue one.", mv("red", "blue")),  # -040
    ("Could you move every cube to the left side... to the right side, I mean.", ALL_RIGHT),  # fi46-037
    ("Move all of them to the right side except the green... except the blue, sorry.",
     mv("red", "right") + mv("green", "right")),  # fi46-032
    ("I'd like a tower with the green one on top, the red underneath it... no, sorry, the blue underneath it, and the "
     "red right at the bottom.", mv("blue", "red") + mv("green", "blue")),  # fi46-010
    ("Put the one nearest to me... nearest to you, I should say... on the pad.", mv("green", "pad")),  # fi46-060
    ("Put the red cube in the bin... on the pad, I mean.", mv("red", "pad")),
    ("Push the blue cube left... right, sorry.", ["push(object=blue_cube, direction=right)"]),
    ("Put the green cube on the red... uh, on the blue one.", mv("green", "blue")),
    ("Plonk the red cube on the... hmm, on the blue one. Yeah, the blue.", mv("red", "blue")),  # f23-061
])
def test_a_repaired_request_plans_the_repair(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_a_completed_slip_asks_which_cube_the_other_one_is() -> None:  # fi46-077
    asks("Put the blue cube on the... oh dear, what's the word... on the other one, please.", S3,
         {"red_cube", "green_cube"})
    two = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]))
    assert steps("Put the blue cube on the... oh dear, what's the word... on the other one, please.", two) == \
        mv("blue", "red")


@pytest.mark.parametrize("text", [
    "Don't put the red cube on the green... the blue, I mean.",
    "Did you put the red cube on the green... the blue, I mean?",
    "I put the red cube on the green... the blue, I mean.",
    "Put the red cube on the green... or the blue, I mean.",
    "Put the red cube on the green... the blue... the green, I mean.",
    "Move all of them to the right side except the green... except the blue, sorry. Don't move the red one.",
    "Push the blue cube left... not right, sorry.",
    "Put the one nearest to me... nearest to you, I should say... on the pad? Did you?",
    "Put the red cube on the... hmm, on the blue one. Yeah, the green.",
    "Put the red cube on the... hmm, on the blue one. Yeah, the blue?",
    "Push the red cube left... Right.",
    "Put red on the pad... In the bin.",
])
def test_its_negated_questioned_reported_and_other_variants_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
