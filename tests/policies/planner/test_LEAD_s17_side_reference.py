"""Finals fresh_independent_51 (session 17) ran one false execution: "Could you move the cube on the left over to the
pad?" with two cubes on the left half took the leftmost. "The cube on the left" before a destination names the cubes
on that half, asked among them, whichever way the destination is said; one cube on that half is still that cube."""

import pytest
from planner_asserts import asks, cube_scene, steps

TWO_LEFT = cube_scene(("red", [0.45, 0.15, 0.022]), ("green", [0.58, 0.12, 0.022]), ("blue", [0.5, -0.15, 0.022]))
ONE_LEFT = cube_scene(("red", [0.45, 0.15, 0.022]), ("green", [0.58, -0.12, 0.022]), ("blue", [0.5, -0.15, 0.022]))
SAID = ["Could you move the cube on the left over to the pad?", "Move the cube on the left to the pad.",
        "Put the cube on the left in the bin.", "Move the cube on the left across to the right side.",
        "Take the block on the left side over to the bin, please."]


@pytest.mark.parametrize("text", SAID)
def test_two_cubes_on_that_half_are_asked_about(text: str) -> None:
    asks(text, TWO_LEFT, {"red_cube", "green_cube"})


@pytest.mark.parametrize("text", SAID)
def test_one_cube_on_that_half_is_that_cube(text: str) -> None:
    assert steps(text, ONE_LEFT)[0] == "pick(object=red_cube)", text
