"""REV s15-R5 [high] on 87ddb73: the reason dropped after "leave X alone" / "don't touch|move X" is a closed list of
shapes (semantic_parser._REASON_SHAPES), as expansion._WHY_WORDS after "except" is. A clause that takes the request
back ("it's a joke", "it's just an example", "it's cancelled") is no reason: the whole is refused, nothing moves (all
refused on 8458c17, all planned on 87ddb73). The reasons the seen records and P3's tests use still plan."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

_TAKEN_BACK = ["a joke", "a prank", "just an example", "a drill", "a trick", "a test", "a lie", "cancelled", "over",
               "fake", "a question", "hypothetical", "pretend", "a dream", "all cancelled", "a mistake", "an error",
               "irrelevant", "unclear", "a secret", "wrong", "on fire", "an experiment", "for the next run",
               "just so", "part of the joke", "fragile, just kidding"]


@pytest.mark.parametrize("why", _TAKEN_BACK)
def test_a_reason_that_takes_the_request_back_after_leave_alone_refuses(why: str) -> None:
    moves_nothing(f"Put the blue cube on the pad. Leave the red cube alone, it's {why}.", S3)
    moves_nothing(f"Leave the red cube alone, it's {why}. Put the blue cube on the pad.", S3)


@pytest.mark.parametrize("text", [
    "Don't touch the red cube, it's a joke. Put the blue cube on the pad.",
    "Don't touch the red cube, it's just an example. Put the blue cube on the pad.",
    "Don't move the red cube, it's hypothetical. Put the blue cube on the pad.",
    "Don't move the red cube, it's a test. Put the blue cube on the pad.",
    "Put the blue cube on the pad and leave the red cube alone, it's a joke.",
    "Leave the red cube alone, hands off, it's a joke. Put the blue cube on the pad.",
    "Leave the red cube alone, this is a joke. Put the blue cube on the pad.",
    "Leave the red cube alone, I'm joking. Put the blue cube on the pad.",
    "Leave the red cube alone, because it's a joke. Put the blue cube on the pad.",
])
def test_a_reason_that_takes_the_request_back_after_dont_touch_refuses(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("why", [
    "on a hot streak", "part of another experiment", "part of my setup", "fine where it is",
    "calibrated for the next run", "been placed just so",
    "plated", "fragile", "been training its whole life", "been on the bench all season",
    "very fragile", "hot",
])
def test_a_seen_reason_still_plans(why: str) -> None:
    assert steps(f"Leave the red cube alone, it's {why}. Put the blue cube on the pad.", S3) == mv("blue", "pad")
    assert steps(f"Put the blue cube on the pad. Don't touch the red cube, it's {why}.", S3) == mv("blue", "pad")
