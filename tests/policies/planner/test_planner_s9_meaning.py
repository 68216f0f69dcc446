"""Session 9's meaning readings (issue #17): "the cube left of X" with several cubes on that side (asked unless they
stand in a row outward from X), and towers the robot is not asked to build (A1 s9 G5: a count or goal frame skipped
the unread-words check; "I built / I'll build / let me build a tower ..." was built)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, steps
from test_planner_s8_meaning import tower

from policies.planner import SceneState
from policies.planner.plan import Clarification


def placed(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes],
        "regions": ["left", "right", "bin", "pad"]})


def asks(text: str, state: SceneState, candidates: set[str]) -> None:
    result = plan(text, state)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == {f"{c}_cube" for c in candidates}, (text, result)


# ------------------------------------------------------------- "the cube left of X": in a row, or asked
# d11-023's layout: red in front and yellow behind, both left of blue, in no row with it
SCATTERED = placed(("blue", 0.5, -0.1), ("red", 0.42, 0.05), ("yellow", 0.6, 0.2))
# one row across the table: red, blue, green, yellow from the robot's left to its right
ROW = placed(("red", 0.5, 0.24), ("blue", 0.5, 0.08), ("green", 0.5, -0.08), ("yellow", 0.5, -0.24))
# a slanted row (the devset's relation layouts): still one row outward from the anchor
SLANTED = placed(("orange", 0.507, -0.08), ("green", 0.544, -0.16), ("yellow", 0.594, -0.24), ("blue", 0.585, 0.0))
# A1 s9 G1: red and blue exactly as far left of green
LEVEL = placed(("red", 0.42, 0.18), ("blue", 0.62, 0.18), ("green", 0.5, -0.15))
REFS = ("put the cube left of the {a} one in the bin", "put the cube to the left of the {a} cube in the bin",
        "pick up the cube that is to the left of the {a} one and put it in the bin",
        "put the block on the left of the {a} cube in the bin")


@pytest.mark.parametrize("text", REFS)
def test_two_cubes_left_of_the_anchor_in_no_row_are_asked(text: str) -> None:
    asks(text.format(a="blue"), SCATTERED, {"red", "yellow"})


def test_three_scattered_cubes_on_that_side_are_all_named() -> None:
    scattered = placed(("yellow", 0.5, -0.22), ("orange", 0.44, 0.02), ("green", 0.56, 0.21), ("red", 0.62, -0.05))
    asks("put the cube on the right of the green one in the bin", scattered, {"orange", "red", "yellow"})


@pytest.mark.parametrize("text", REFS)
def test_two_cubes_level_on_that_side_are_asked_never_picked_by_name(text: str) -> None:
    asks(text.format(a="green"), LEVEL, {"red", "blue"})


@pytest.mark.parametrize("text", REFS)
def test_in_a_row_the_cube_left_of_the_anchor_is_the_next_one_along(text: str) -> None:
    assert steps(text.format(a="green"), ROW) == mv("blue", "bin")
    assert steps(text.format(a="orange").replace("left", "right"), SLANTED) == mv("green", "bin")


def test_one_cube_on_that_side_is_that_cube_and_none_is_refused() -> None:
    assert steps("put the cube right of the red one on the pad", SCATTERED) == mv("blue", "pad")
    refused("put the cube left of the yellow one on the pad", SCATTERED)
    refused("put the cube right of the yellow one on the pad", ROW)


def test_french_and_german_follow_the_same_rule() -> None:
    asks("Leg den Würfel, der links vom blauen liegt, in den Eimer.", SCATTERED, {"red", "yellow"})
    asks("Mets le cube à gauche du bleu dans la poubelle.", SCATTERED, {"red", "yellow"})
    assert steps("Leg den Würfel links vom grünen in den Eimer.", ROW) == mv("blue", "bin")


# ------------------------------------------------------------- G5: towers nobody asked the robot to build
THREE = placed(("red", 0.45, 0.1), ("blue", 0.55, -0.1), ("green", 0.6, 0.15))


@pytest.mark.parametrize("text", [
    "Cancelled: make a three-story tower with red at the base and green at the peak, blue in the middle",
    "make a three-story tower with red at the base and green at the peak, blue in the middle. Cancelled.",
    "This is a quote: make a three-story tower with red at the base and green at the peak, blue in the middle",
    "Paul said: build a two-cube tower with green at the base and red at the top",
    "Build a two-cube tower with green at the base and red at the top tomorrow.",
    "I'm trapped. Final state should be one tower of two: red on the bottom, green at the very top",
    "The final state was one tower of two: red on the bottom, green at the very top.",
    "Yesterday's final state was one tower of three: red on the bottom, blue in the middle, green at the very top",
    "I built a tower with red at the bottom and green on top.",
    "We built a tower with red at the bottom and green on top.",
    "You built a tower with red at the bottom and green on top.",
    "I'll build a tower with red at the bottom and green on top.",
    "I will build a tower with red at the bottom and green on top.",
    "We've built a three-cube tower with red at the bottom, blue in the middle and green on top.",
    "Let me build a tower with red at the bottom and green on top.",
    "I'm going to make a tower with red at the bottom and green on top.",
    "I want to build a tower with red at the bottom and green on top.",
    "I built a two-cube tower with green at the base and red at the top.",
])
def test_a_tower_reported_cancelled_or_built_by_someone_else_is_refused(text: str) -> None:
    refused(text, THREE)


@pytest.mark.parametrize(("text", "bottom_up"), [
    ("make a three-story tower with red at the base and green at the peak, blue in the middle",
     ["red", "blue", "green"]),
    ("Final state should be one tower of two: red on the bottom, green at the very top", ["red", "green"]),
    ("Can you build a tower with red at the bottom and green on top?", ["red", "green"]),
    ("Could you please build a tower with red at the bottom and green on top?", ["red", "green"]),
    ("I'd like you to build a tower with red at the bottom and green on top.", ["red", "green"]),
    ("I want a three-cube tower with green at the base and red at the top", ["green", "blue", "red"]),
    ("Let's build a tower with red at the bottom and green on top.", ["red", "green"]),
])
def test_a_tower_asked_for_is_still_built(text: str, bottom_up: list[str]) -> None:
    assert steps(text, THREE) == tower(bottom_up)
