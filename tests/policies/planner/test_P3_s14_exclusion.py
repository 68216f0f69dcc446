"""Session 14, English meaning (issue #17), the dev_s14 exclusion class: "save" (and "save and except") as "except"
(fi40-077), an exception closed by commas ("All cubes, except the red cube, to the left side", fi41-036), "shall be
relocated" as the quantifier's goal, and "that one stays where it is" after the exception (fi41-052). A goal stated
with a hedge or a "?" refuses with an exception between the cubes and their verb too (it planned before)."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

FIVE = cube_scene(("red", [0.44, 0.1, 0.022]), ("green", [0.5, -0.1, 0.022]), ("blue", [0.6, 0.1, 0.022]),
                  ("orange", [0.45, 0.18, 0.022]), ("yellow", [0.62, -0.1, 0.022]))
THREE = cube_scene(("green", [0.45, -0.1, 0.022]), ("red", [0.55, 0.12, 0.022]), ("purple", [0.62, -0.08, 0.022]))
PAD3 = cube_scene(("orange", [0.45, 0.05, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("yellow", [0.61, 0.14, 0.022]))


def each(where: str, *colours: str) -> list[str]:
    return [s for c in colours for s in mv(c, where)]


@pytest.mark.parametrize("text, expected", [
    ("Put every cube save the green one in the bin.", each("bin", "red", "blue", "orange", "yellow")),
    ("Put every cube in the bin, save the green one.", each("bin", "red", "blue", "orange", "yellow")),
    ("Put every cube save the green and the blue one in the bin.", each("bin", "red", "orange", "yellow")),
    ("Put every cube save for the green one in the bin.", each("bin", "red", "blue", "orange", "yellow")),
    ("Put every cube except the green, the blue, in the bin.", each("bin", "red", "orange", "yellow")),
])
def test_save_is_an_exception(text: str, expected: list[str]) -> None:
    assert steps(text, FIVE) == expected


@pytest.mark.parametrize("text", [
    "All cubes, save and except the red cube, shall be relocated to the left region.",  # fi41-036
    "All cubes, except the red cube, shall be relocated to the left region.",
    "All cubes, save the red cube, shall be relocated to the left region.",
    "All cubes, except the red cube, to the left side.",
    "All cubes, except the red cube, should be moved to the left side.",
    "All cubes, except the red cube, go to the left side.",
    "Move all cubes, save and except the red cube, to the left side.",
    "Put every cube, except the red cube, to the left side.",
])
def test_an_exception_between_commas(text: str) -> None:
    assert steps(text, THREE) == each("left", "green", "purple")


def test_an_imperative_keeps_its_softener_a_verbless_goal_does_not() -> None:
    assert steps("Put red in the bin, I think.", THREE) == mv("red", "bin")
    assert steps("Red in the bin, please.", THREE) == mv("red", "bin")


def test_shall_states_the_quantifiers_goal() -> None:
    assert steps("All cubes shall go in the bin.", THREE) == each("bin", "green", "red", "purple")
    assert steps("Move all cubes, except the red cube, to the left side, then go home.", THREE) == \
        [*each("left", "green", "purple"), "go_home()"]
    assert steps("Put every cube, except the red cube, in the bin, then put red on green.", THREE) == \
        each("bin", "green", "purple") + mv("red", "green")


@pytest.mark.parametrize("text", [
    "Everything on the pad except the orange — that one stays where it is!",  # fi41-052
    "Everything on the pad except the orange. That one stays where it is!",
    "Put everything on the pad except the orange, that one stays put.",
    "Put everything on the pad except the orange, leave that one alone.",
    "Put every cube except the orange on the pad, that one stays where it is.",
])
def test_that_one_stays_after_the_exception_is_the_excepted_cube(text: str) -> None:
    assert steps(text, PAD3) == each("pad", "blue", "yellow")


@pytest.mark.parametrize("text, scene", [
    ("Don't put every cube save the green one in the bin.", FIVE),  # negated
    ("Put every cube save the big one in the bin.", FIVE),  # no colour
    ("Put every cube save the purple one in the bin.", FIVE),  # no such cube
    ("Put every cube save the red one or the green one in the bin.", FIVE),  # which one is spared?
    ("Save the red cube, put every cube in the bin.", FIVE),
    ("Put every cube in the bin and save the red one.", FIVE),
    ("Put every cube in the bin, save the red one for later.", FIVE),
    ("All cubes, save the red cube, shall not be relocated to the left region.", THREE),
    ("All cubes, save the red cube, shall never be relocated to the left region.", THREE),
    ("All cubes, save and except the red cube, should not be relocated to the left region.", THREE),
    ("Shall all cubes, save the red cube, be relocated to the left region?", THREE),  # questioned
    ("All cubes, save the red cube, shall be relocated to the left region?", THREE),
    ("Did you relocate all cubes, save and except the red cube, to the left region?", THREE),
    ("I relocated all cubes, save the red cube, to the left region.", THREE),  # reported
    ("All cubes, save the red cube, were relocated to the left region.", THREE),
    ("All cubes, save the red cube, have been relocated to the left region.", THREE),
    ("All cubes, save the red cube, got relocated to the left region.", THREE),
    ("All cubes, save the red cube, are relocated to the left region.", THREE),
    ("All cubes, save the red cube, will be relocated to the left region.", THREE),  # foretold
    ("All cubes, save the red cube, shall be relocated to the left region, I think.", THREE),  # hedged
    ("All cubes, save the red cube, shall maybe be relocated to the left region.", THREE),
    ("All cubes, save the red cube, shall be relocated to the left region by the technician.", THREE),
    ("All cubes, save the red cube, shall be relocated to the left region tomorrow.", THREE),
    ("All cubes, save the red cube, shall be relocated to the left region if the bin is full.", THREE),
    ("Put every cube, except the red cube, in the bin, then put it on green.", THREE),
    # a hedged or questioned goal with its exception between the cubes and the verb (planned on d69fdcb)
    ("All cubes except the red cube should be moved to the left side, I think.", THREE),
    ("Every cube except red goes in the bin, I guess.", THREE),
    ("Every cube except red goes in the bin?", THREE),
    # a verbless goal with a hedge after it (A1 s14 H58; old on d69fdcb: "Red in the bin, I think." planned)
    ("All cubes, except the red cube, to the left side, I think.", THREE),
    ("All cubes, except the red cube, to the left side, I guess.", THREE),
    ("All cubes except the red cube to the left side, I think.", THREE),
    ("Red in the bin, I think.", THREE),
    ("Red on purple, I guess.", THREE),
    ("The red cube in the bin, I think.", THREE),
    ("Red in the bin, then green on the pad, I think.", THREE),
    ("Put red in the bin. Green on the pad, I think.", THREE),
    ("Everything on the pad, I think.", PAD3),
    ("Everything on the pad except the orange, I think.", PAD3),
    ("Everything on the pad except the orange — that one stays where it is, I think.", PAD3),
    # "that one stays" with no single cube excepted, or said in a later step, or asked
    ("Put everything on the pad except the orange and the blue, that one stays where it is.", PAD3),
    ("Put everything on the pad, that one stays where it is.", PAD3),
    ("Put everything on the pad except the orange, then leave that one alone.", PAD3),
    ("Everything on the pad except the orange — that one stays where it is?", PAD3),
    ("Everything on the pad except the orange — that one doesn't stay where it is!", PAD3),
    ("Put everything on the pad except the orange, don't leave that one alone.", PAD3),
])
def test_exclusion_near_misses_move_nothing(text: str, scene) -> None:
    moves_nothing(text, scene)


@pytest.mark.parametrize("text, scene", [  # A1 s14 H58 residue: more hedges after a goal
    ("Red in the bin, I'm thinking.", THREE),
    ("Red in the bin, I'd guess.", THREE),
    ("Everything on the pad, I assume.", PAD3),
    ("All cubes, except the red cube, to the left side, I am thinking.", THREE),
    ("Every cube except red goes in the bin, I'd guess.", THREE),
])
def test_a_goal_with_more_hedges_moves_nothing(text: str, scene) -> None:
    moves_nothing(text, scene)
