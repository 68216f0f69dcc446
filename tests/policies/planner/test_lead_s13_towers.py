"""The thirteenth session's final split ran one wrong plan (fi39-013): "stack all three into one tower with the green
one at the bottom and the red one on top" built red on green and left the third cube out. "all three" is the
tower's count, which must hold: the one cube the words leave out takes the one place they leave, else refused."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

from policies.planner import SceneState

S3 = cube_scene(("red", [0.42, 0.0, 0.022]), ("green", [0.58, 0.15, 0.022]), ("blue", [0.5, -0.17, 0.022]))
S4 = cube_scene(("red", [0.42, 0.0, 0.022]), ("green", [0.58, 0.15, 0.022]), ("blue", [0.5, -0.17, 0.022]),
                ("yellow", [0.62, -0.05, 0.022]))


@pytest.mark.parametrize("text", [
    "Can you stack all three into one tower with the green one at the bottom and the red one on top?",
    "Stack all three into one tower with the green one at the bottom and the red one on top.",
    "Make a tower of all three with green at the bottom and red on top.",
    "Stack all three into a tower with green at the bottom and blue in the middle.",
])
def test_all_three_is_the_towers_count(text: str) -> None:
    assert steps(text, S3) == mv("blue", "green") + mv("red", "blue")


def test_without_a_count_the_two_named_cubes_make_the_tower() -> None:
    assert steps("Build a tower with the green one at the bottom and the red one on top.", S3) == mv("red", "green")


@pytest.mark.parametrize(("text", "state"), [
    ("Stack all four into one tower with the green one at the bottom and the red one on top.", S3),
    ("Stack all three into one tower with the green one at the bottom and the red one on top.", S4),
    ("Don't stack all three into one tower with green at the bottom and red on top.", S3),
])
def test_a_count_the_words_cannot_fill_refuses(text: str, state: SceneState) -> None:
    moves_nothing(text, state)
