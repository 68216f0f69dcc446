"""Session 20, English meaning (issue #17): the open residues of session 19, each a closed form with its twins.

- H130 (A1 s18, old): a sentence of one colour after a request that names more than that colour ("Put the red and blue
  cubes in the bin. Red.") may narrow it: it is no longer dropped as an echo (restatement.narrows, P3's one-line hook
  in phrasing._echoes); it is dropped only where it says again what the request said.
- H133 residue (A1 s19): a tower pointed at or dated at the head of a sentence, then described ("That tower: red at the
  bottom, ...", "This stack - ...", "The last tower: ...", "The tower: ..."), or a look asked for with no tower named
  ("Look at this! ...", "See that? ...", "Check this out: ..."), is a tower there is, no request: nothing is built.
  A making verb or a wish after it ("Look, build a tower: ...", "The tower I want: ...") still builds.
- Keep-away (A1 s19 low after H147): "don't go near X" keeps the arm a hand's width (10 cm) off X: a push along X's
  side or a pick beside it refuses; a push passing well beside it plans (the gold of fi45-000).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv

from policies.planner.restatement import narrows


@pytest.mark.parametrize("text", [
    "Put the red and blue cubes in the bin. Red.",  # H130: a narrowing colour, not an echo
    "Put the red and blue cubes in the bin. The red one.",
    "Put the red and blue cubes in the bin. Red cube.",
    "Put red on the pad and blue in the bin. Blue.",
    "Push the red and blue cubes left. Red.",
    "Put the red cube in the bin and the blue one on the pad. Red.",
    "Put the red cube on the blue cube. Blue.",  # the cube stacked on, said alone: which is meant?
    "Put the red and blue cubes in the bin. Red?",
    "Put the red and blue cubes in the bin. Not red.",
    "Put the red and blue cubes in the bin. Only red.",
])
def test_a_lone_colour_after_a_request_naming_more_is_not_dropped(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin. Red.", mv("red", "bin")),  # said again: dropped as before
    ("Put the red cube in the bin. The red one.", mv("red", "bin")),
    ("Put the red cube on the blue cube. Red.", mv("red", "blue")),  # the cube moved, said again
    ("Put the red and blue cubes in the bin. Red and blue.", mv("red", "bin") + mv("blue", "bin")),
    ("Put the red and blue cubes in the bin. Both.", mv("red", "bin") + mv("blue", "bin")),
    ("Push the green one to the right. To the right.", ["push(object=green_cube, direction=right)"]),
])
def test_a_colour_said_again_is_still_dropped(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize(("word", "before", "want"), [
    ("red", "put the red and blue cubes in the bin", True), ("red", "put the red cube in the bin", False),
    ("left", "push the red and blue cubes left", False), ("red", "put the red cube on the blue cube", True),
])
def test_narrows_is_another_colour_said_before(word: str, before: str, want: bool) -> None:
    assert narrows(word, before) is want


ROLES = "red at the bottom, blue in the middle, green on top."


@pytest.mark.parametrize("head", [
    "That tower: ", "This tower: ", "The tower: ", "The last tower: ", "That stack: ", "This stack - ",
    "That tower, ", "The old pile: ", "Those towers: ", "Look at this! ", "Look at that! ", "See that? ", "See? ",
    "Check this out: ", "Look here: ", "Behold! ", "Okay. That tower: ", "That tower! ",
])
def test_a_tower_pointed_at_then_described_builds_nothing(head: str) -> None:
    moves_nothing(head + ROLES[0].upper() + ROLES[1:] if head.rstrip()[-1] in "!?" else head + ROLES)


@pytest.mark.parametrize("text", [
    "Tower: " + ROLES,  # a label, no pointing word (HEAD's reading)
    "Build a tower: " + ROLES,
    "Look, build a tower: " + ROLES,
    "Look at this: build a tower with " + ROLES,
    "The tower I want: " + ROLES,  # a wish after the head
    "Please build this tower: " + ROLES,  # a making verb before it
    "Make a tower. " + ROLES[0].upper() + ROLES[1:],
    ROLES[0].upper() + ROLES[1:],
])
def test_a_tower_asked_for_still_builds(text: str) -> None:
    plans_as(text, tower("red", "blue", "green"))


# red and blue side by side along y (blue 15 cm to red's right), green 15 cm in front of blue
ROW = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.45, -0.05, 0.022]), ("green", [0.6, -0.05, 0.022]))
NEAR = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.45, 0.03, 0.022]), ("green", [0.6, -0.2, 0.022]))


@pytest.mark.parametrize(("text", "state"), [
    ("Don't go near the blue one. Push the red one right.", ROW),  # pushed straight at it
    ("Stay away from the blue one. Push the red one to the right.", ROW),
    ("Push the red one right, but keep clear of the blue one.", ROW),
    ("Don't go near the blue one. Push the green one backward.", ROW),  # back into it
    ("Never go near the blue cube. Push the green cube forward.", ROW),  # the fingers come down beside it
    ("Don't go near the blue one. Put the red one in the bin.", NEAR),  # a pick 7 cm from it
    ("Keep away from the blue cube. Push the red cube forward.", NEAR),
])
def test_keeping_away_refuses_a_step_that_takes_the_arm_near_it(text: str, state) -> None:
    moves_nothing(text, state)


@pytest.mark.parametrize(("text", "state", "want"), [
    ("Don't go near the blue one. Push the red one left.", ROW, ["push(object=red_cube, direction=left)"]),
    ("Don't go near the blue one. Put the green one in the bin.", NEAR, mv("green", "bin")),
    ("Don't go near the blue one. Push the green one right.", S3, ["push(object=green_cube, direction=right)"]),
    ("Don't go near the blue one. Push the red one left.", S3, ["push(object=red_cube, direction=left)"]),
])
def test_keeping_away_plans_a_step_well_beside_it(text: str, state, want: list[str]) -> None:
    plans_as(text, want, state)
