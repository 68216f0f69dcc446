"""Sentence shapes session 11 closes or reads (issue #17 item 0 and 2), each beside the variants that must still
refuse: the arm sent to a cube ("move the arm over the red cube, then the blue one into the bin" binned both, A1 s10
H24), a sarcastic "NOT" after a reason ("..., need it for the demo NOT.", A1 s10 H26), a user's "frontmost" /
"backmost" (took the cube at the opposite end, A1 s10 H18)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps

from policies.planner import Plan, SceneState

S3 = scene("red", "blue", "green")


def _at(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes],
        "regions": ["left", "right", "bin", "pad"]})


# ------------------------------------------------------------- the arm sent to a cube (A1 s10 H24)
@pytest.mark.parametrize("text", [
    "Move the arm over the red cube, then the blue one into the bin.",
    "Position the arm over the red cube, then the blue one in the bin.",
    "Set the robot down over the red cube, then blue in the bin.",
    "Move the robot arm over red, then blue onto the pad.",
    "Move the arm over the red cube to the pad.",
    "Move the arm over the red cube to the left.",
    "Put the robot over the red cube in the bin.",
    "Move over the red cube, blue in the bin.",
    "Move up over the red cube and blue in the bin.",
    "Bring the arm over the red cube, then put the blue one in the bin.",
    "Move your gripper next to the red cube and put the blue cube on the pad.",
    "Go over the red cube, blue in the bin.",
    "Hover over it, then put the blue cube in the bin.",
    "Move the arm just above the red block, then blue in the bin.",
    # A1 s11 H27: a cube named by its place, and no arm word before "over"
    "Move the arm over the leftmost cube to the pad.",
    "Move the arm over the left cube to the pad.",
    "Move the arm over the far cube to the pad.",
    "Move the arm over the front cube to the pad.",
    "Put the robot over the left cube in the bin.",
    "Position over the red cube, then the blue one into the bin.",
    "Position just over red, then blue in the bin.",
    "Set down over the red cube, then blue in the bin.",
    "Place over the red cube, then blue in the bin.",
])
def test_the_arm_sent_to_a_cube_is_refused(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan), f"{text!r} planned {result}"


@pytest.mark.parametrize(("text", "want"), [
    # near misses that keep their plan: the arm named as the vocative or the tool, a cube moved "over" to a place
    ("Robot, put the red cube in the bin.", mv("red", "bin")),
    ("Hey robot, put the red cube in the bin please.", mv("red", "bin")),
    ("Put the red cube in the bin, then move the arm back home.", [*mv("red", "bin"), "go_home()"]),
    ("Put the red cube over on the pad.", mv("red", "pad")),
    ("Move the red cube over to the pad.", mv("red", "pad")),
])
def test_the_arm_named_beside_a_request_keeps_its_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- a sarcastic "NOT" after a reason (A1 s10 H26)
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, need it for the demo NOT.",
    "stick the blue one on the green one pls, need it for the demo NOT.",
    "Put the red cube in the bin, need it for the demo not",
    "Put the red cube in the bin, we need it for the demo not really.",
    "Put the red cube in the bin, need it for the photo. NOT.",
    "Put the red cube in the bin for the demo NOT.",
    "Put the red cube in the bin, need it for the demo, no.",
])
def test_a_negation_after_a_reason_is_never_dropped_with_it(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", ["Put the red cube in the bin, need it for the demo.",
                                  "Put the red cube in the bin, we need it for the big demo"])
def test_a_reason_alone_is_still_an_aside(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


# ------------------------------------------------------------- "frontmost" / "backmost" (A1 s10 H18)
# x: away from the robot's base; the front of the table is where the robot stands (small x)
LM = _at(("red", 0.45, 0.24), ("green", 0.48, 0.08), ("blue", 0.51, -0.08), ("yellow", 0.40, -0.22))


@pytest.mark.parametrize(("text", "colour"), [
    ("Put the frontmost cube in the bin.", "yellow"),
    ("Put the front cube in the bin.", "yellow"),
    ("Put the cube at the front in the bin.", "yellow"),
    ("put foremost one in the bin", "yellow"),
    ("Put the backmost cube in the bin.", "blue"),
    ("Put the rearmost block in the bin.", "blue"),
    ("Put the back cube in the bin.", "blue"),
    ("Put the cube at the back in the bin.", "blue"),
])
def test_frontmost_and_backmost_follow_front_and_back(text: str, colour: str) -> None:
    assert steps(text, LM) == mv(colour, "bin")


@pytest.mark.parametrize("text", ["Don't put the frontmost cube in the bin.",
                                  "Put the frontmost cube in the bin but don't touch the yellow cube."])
def test_frontmost_negated_or_excluded_never_runs(text: str) -> None:
    result = plan(text, LM)
    assert not (isinstance(result, Plan) and "pick(object=yellow_cube)" in [str(s) for s in result.steps])
