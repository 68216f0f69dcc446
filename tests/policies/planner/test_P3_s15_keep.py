"""Session 15, English meaning (issue #17): Indian English "keep X on the pad" is "put X on the pad" (dev_s14 fi41-053),
read bare (register.py reads it after "kindly"/"please") only as the whole request. Where the cube already is there,
both readings of "keep" agree that nothing is to be done; a "keep" beside another clause, hedged, questioned, negated,
reported or with a modal stays unread."""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, plan, steps

from policies.planner import Plan


@pytest.mark.parametrize(("text", "colour", "where"), [
    ("Keep the red cube on the pad.", "red", "pad"),
    ("Keep the red block on the pad", "red", "pad"),
    ("keep red on the pad", "red", "pad"),
    ("Keep the green cube in the bin.", "green", "bin"),
    ("Keep the red one on the blue one.", "red", "blue"),
    ("Keep the red cube on top of the blue cube.", "red", "blue"),
    ("Keep the blue cube on the left side.", "blue", "left"),
    ("Keep the red cube on the pad, I need it for a photo.", "red", "pad"),
    ("Robot, keep the red cube on the pad.", "red", "pad"),
    ("Keep the red cube on the pad only.", "red", "pad"),
])
def test_a_bare_keep_on_a_place_is_put(text: str, colour: str, where: str) -> None:
    assert steps(text, S3) == mv(colour, where)


def test_keep_where_the_cube_already_is_does_nothing() -> None:
    on_pad = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), on={"red_cube": "pad"})
    result = plan("Keep the red cube on the pad.", on_pad)
    assert isinstance(result, Plan) and result.steps == (), result


@pytest.mark.parametrize("text", [
    "Don't keep the red cube on the pad.",
    "Never keep the red cube on the pad.",
    "Keep the red cube on the pad?",
    "Did you keep the red cube on the pad?",
    "You keep the red cube on the pad.",
    "I keep the red cube on the pad.",
    "We keep the red cube on the pad.",
    "You kept the red cube on the pad.",
    "Keep the red cube on the pad, I think.",
    "Maybe keep the red cube on the pad.",
    "Perhaps keep the red cube on the pad.",
    "Keep the red cube on the pad, right?",
    "Keep the red cube on the pad, will you?",
    "Could you keep the red cube on the pad?",
    "You should keep the red cube on the pad.",
    "Keep the red cube on the pad if you can.",
    "Keep the red cube on the pad and put it in the bin.",
    "Keep the red cube on the pad, then put it in the bin.",
    "Keep the red cube on the pad while you bin the blue one.",
    "Keep the red cube on the pad until I come back.",
    "Always keep the red cube on the pad.",
    "Still keep the red cube on the pad.",
    "Keep the red cube off the pad.",
    "Keep the red cube near the pad.",
    "Keep the red cube away from the pad.",
    "Keep the red cube on the pad for a minute.",
    "Keep putting the red cube on the pad.",
    "Keep the red cube on the pad and the blue one in the bin.",
    "Keep the red cube on the pad, but put the blue one in the bin.",
    "Keep the red cube on the pad. Put the blue cube in the bin.",
    "Put the blue cube in the bin. Keep the red cube on the pad.",
    "Keep the red cube on the pad, keep it there.",
    "Keep the cube on the pad.",
    "Keep the red cube on the red cube.",
    "Keep the red cube in the blue cube.",
])
def test_keep_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
