"""Session 14, English meaning (issue #17), the dev_s14 negation-scope and place idioms: "leave X well alone"
(fi41-068), a learner's "without to move X" (fi41-044), "without further delay" (haste, no negation: fi41-032), "put X
out (wide) to the left side" (fi41-068, fi41-076), and a tag "ok?" right after a negated clause (fi40-075). Each with
its negated, questioned, reported and near-miss variants refused."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

PRO = cube_scene(("purple", [0.5, 0.08, 0.022]), ("red", [0.44, -0.12, 0.022]), ("orange", [0.6, 0.1, 0.022]))
GYR = cube_scene(("green", [0.48, 0.0, 0.022]), ("yellow", [0.58, 0.15, 0.022]), ("red", [0.42, -0.14, 0.022]))
BO = cube_scene(("blue", [0.46, 0.1, 0.022]), ("orange", [0.56, -0.08, 0.022]))
PO = cube_scene(("purple", [0.48, 0.1, 0.022]), ("orange", [0.58, -0.06, 0.022]))
RBG = cube_scene(("red", [0.44, 0.12, 0.022]), ("blue", [0.56, 0.04, 0.022]), ("green", [0.5, -0.14, 0.022]))
PUSH_RED_LEFT = ["push(object=red_cube, direction=left)"]


@pytest.mark.parametrize("text, scene, expected", [
    ("dont move the purple one ok? just push the red one to the left", PRO, PUSH_RED_LEFT),  # fi40-075
    ("dont move the purple one okay? push the red one to the left", PRO, PUSH_RED_LEFT),
    ("Without to move the green, put the yellow on the red.", GYR, mv("yellow", "red")),  # fi41-044
    ("Without to touch the green, put the yellow on the red.", GYR, mv("yellow", "red")),
    ("Put the yellow on the red without to move the green.", GYR, mv("yellow", "red")),
    ("Leave the purple one well alone and put the orange on the left side.", PRO, mv("orange", "left")),
    ("Put the blue cube on the orange cube without further delay.", BO, mv("blue", "orange")),  # fi41-032
    ("Put the blue cube on the orange cube, without delay.", BO, mv("blue", "orange")),
    ("The blue cube shall be placed atop the orange cube, without further delay.", BO, mv("blue", "orange")),
    ("Put the orange out to the left side.", PRO, mv("orange", "left")),
    ("Put the orange out to the left side, then go home.", PRO, [*mv("orange", "left"), "go_home()"]),
    ("Pick up the red, lay it on the blue — and then the green, out wide to the right side!", RBG,
     mv("red", "blue") + mv("green", "right")),  # fi41-076 without its closing
    ("Put the red on the blue, then the green out to the right side.", RBG, mv("red", "blue") + mv("green", "right")),
    ("Leave the purple one well alone and send the orange out to the left side.", PRO, mv("orange", "left")),
    ("Send the orange out to the left side.", PRO, mv("orange", "left")),
    ("Both cubes, out to the right side!", PO, mv("purple", "right") + mv("orange", "right")),  # fi41-011
    ("Both cubes out to the right side.", PO, mv("purple", "right") + mv("orange", "right")),
    ("Move both cubes out to the right side.", PO, mv("purple", "right") + mv("orange", "right")),
    ("Both cubes, out wide to the left side!", PO, mv("purple", "left") + mv("orange", "left")),
])
def test_scope_and_place_idioms(text: str, scene, expected: list[str]) -> None:
    assert steps(text, scene) == expected


@pytest.mark.parametrize("text, scene", [
    ("don't move the purple one ok? don't push the red one to the left", PRO),
    ("dont move the purple one ok?", PRO),
    ("dont move the purple one ok? just push the purple one to the left", PRO),  # contradiction
    ("did you move the purple one ok? just push the red one to the left", PRO),
    ("you didn't move the purple one ok? just push the red one to the left", PRO),
    ("dont move the purple one ok? did you push the red one to the left?", PRO),
    ("Without to move the green, put the green on the red.", GYR),  # contradiction
    ("Without to move the yellow, put the yellow on the red.", GYR),
    ("Without to move, put the yellow on the red.", GYR),  # what is not to move?
    ("Leave the purple one well alone and put the purple one on the left side.", PRO),
    ("Don't leave the purple one well alone, put the orange on the left side.", PRO),
    ("Don't put the blue cube on the orange cube without further delay.", BO),
    ("Put the blue cube on the orange cube without the orange one.", BO),
    ("Put the blue cube on the orange cube without delay moving the orange.", BO),
    ("Don't put the orange out to the left side.", PRO),
    ("I put the orange out to the left side.", PRO),
    ("Put the orange out to the left.", PRO),  # "out to the left" alone stays unread
    ("Push the red left, then the green out to the right side.", RBG),  # a push reaches no place
    ("Push the red left, and then the green, out to the right side.", RBG),
    ("Don't put the red on the blue, and then the green, out to the right side.", RBG),
    ("Put the red on the blue, and then not the green, out to the right side.", RBG),
    ("Put the red on the blue, and then the green, out to the right side?", RBG),
    ("Don't send the orange out to the left side.", PRO),
    ("I send the orange out to the left side.", PRO),
    ("Send the purple out to the left side, but leave the purple alone.", PRO),
    ("Both cubes, out to the right side, I think.", PO),
    ("Both cubes, out to the right side, maybe.", PO),
    ("Don't move both cubes out to the right side.", PO),
    ("Both cubes, out to the bin!", PO),
    ("Both cubes, out!", PO),
    ("Both cubes, out to the right side?", PO),
    ("Both cubes, out to the right side!", RBG),  # three cubes
])
def test_scope_and_place_idioms_near_misses_move_nothing(text: str, scene) -> None:
    moves_nothing(text, scene)


@pytest.mark.parametrize("text", [  # A1 s14 H63: the step after "and" is given to someone else
    "Put the red cube in the bin and let Sarah put the blue one on the pad.",
    "Put the red cube in the bin and let him put the blue one on the pad.",
    "Put the red cube in the bin and tell the kids to put the blue one on the pad.",
    "Put the red cube in the bin and allow Sarah to put the blue one on the pad.",
    "Put the red cube in the bin and wait for Sarah to put the blue one on the pad.",
    "Put the red cube in the bin and watch Sarah put the blue one on the pad.",
    "Put the red cube in the bin and the intern will put blue on the pad.",
    "Put the red cube in the bin and someone else can put blue on the pad.",
])
def test_a_step_after_and_given_to_someone_else_refuses(text: str) -> None:
    moves_nothing(text, RBG)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin and put the blue one on the pad.",
    "Put the red cube in the bin and then put the blue one on the pad.",
    "Put the red cube in the bin and please put the blue one on the pad.",
    "Put the red cube in the bin and also put the blue one on the pad.",
    "Put the red cube in the bin and just put the blue one on the pad.",
    "Put the red cube in the bin and the blue one on the pad.",
])
def test_a_step_after_and_for_the_robot_still_plans(text: str) -> None:
    assert steps(text, RBG) == mv("red", "bin") + mv("blue", "pad")
