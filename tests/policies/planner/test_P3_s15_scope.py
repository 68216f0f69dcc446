"""Session 15, English meaning (issue #17), from the seen wrong refusals: why a cube is left alone said after the
constraint ("Leave the purple cube alone, it's on a hot streak.", f27-033; "..., it's part of another experiment.",
fi37-032), "hands off" said again (fi39-028), and "all"/"whole" in idioms that count no cubes ("all season", "its whole
life", f27-002, fi34-006). A reason that names a cube, a place, an action, an order, a person or a negation stays
unread and refuses."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps


@pytest.mark.parametrize("text", [
    "Leave the blue cube alone, it's on a hot streak. Put the red cube in the bin.",
    "Leave the blue cube alone, it's fragile. Put the red cube in the bin.",
    "Leave the blue cube alone, because it's fragile. Put the red cube in the bin.",
    "Put the red cube in the bin. Leave the blue one alone, it's part of another experiment.",
    "Put the red cube in the bin. Leave the blue one alone, hands off.",
    "Put the red cube in the bin. The blue one stays put, hands off.",
    "Leave the blue cube alone, it's been training its whole life. Put the red cube in the bin.",
    "Leave the blue cube alone, it's been on the bench all season. Put the red cube in the bin.",
])
def test_a_reason_after_leave_alone_adds_nothing(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Don't leave the blue cube alone, it's lonely. Put the red cube in the bin.",
    "Leave the blue cube alone, it's going in the bin. Put the red cube in the bin.",
    "Leave the blue cube alone, it's next. Put the red cube in the bin.",
    "Leave the blue cube alone, it's the one to move. Put the red cube in the bin.",
    "Leave the blue cube alone, it's yours to move. Put the red cube in the bin.",
    "Leave the blue cube alone, it's on the pad. Put the red cube in the bin.",
    "Leave the blue cube alone, it's not fragile. Put the red cube in the bin.",
    "Leave the blue cube alone, it's fragile? Put the red cube in the bin.",
    "Leave the blue cube alone, it's fine, then put it in the bin.",
    "Leave the blue cube alone, it's fine for now. Put the red cube in the bin.",
    "Leave the blue cube alone, it's only temporary. Put the red cube in the bin.",
    "Leave the blue cube alone, it's fragile, I think. Put the red cube in the bin.",
    "You leave the blue cube alone, it's fragile. Put the red cube in the bin.",
    "Did you leave the blue cube alone, it's fragile? Put the red cube in the bin.",
    "Leave the blue cube alone, it's red's. Put the red cube in the bin.",
    "Leave the blue cube alone, it's someone's. Put the red cube in the bin.",
    "Leave the blue cube alone, it's been there all day. Put the red cube in the bin.",
])
def test_a_reason_that_says_more_stays_unread(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "Leave the red cube alone, it's fragile. Put it in the bin.",
    "Leave the red cube alone, hands off. Put the red cube in the bin.",
    "Leave the red cube alone, it's hot. Put the red cube in the bin.",
])
def test_the_left_alone_cube_is_still_kept(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [  # fi36-030, fi39-030: a reason after "don't touch X"
    "Don't touch the blue cube, it's fine where it is. Put the red one in the bin.",
    "Don't touch the blue cube, it's calibrated for the next run. Put the red one in the bin.",
    "Put the red one in the bin, don't touch the blue cube, it's fine where it is.",
])
def test_a_reason_after_dont_touch_adds_nothing(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Don't touch the blue cube, it's next. Put the red one in the bin.",
    "Don't touch the blue cube, it's going in the bin next. Put the red one in the bin.",
    "Don't touch the blue cube, it's fine where it is, put it in the bin.",
    "Don't touch the blue cube, it's fine where it is? Put the red one in the bin.",
    "Don't touch the blue cube, it's for the next run. Put it in the bin.",
    "I don't touch the blue cube, it's fine where it is. Put the red one in the bin.",
])
def test_a_reason_after_dont_touch_that_says_more_stays_unread(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [  # f29-046, fi35-046, fi41-014: the push said again, no way: how, not a second push
    "Push the red cube to the right. Don't pick it up, just nudge it.",
    "Nudge the red cube to the right. Don't pick it up, just nudge it.",
    "Push the red cube to the right. Just nudge it, don't pick it up.",
    "Slide the red one right. Don't pick it up, just slide it.",
    "Can you push the red one to the right? Just push it, don't pick it up.",
])
def test_a_push_said_again_without_its_way_is_one_push(text: str) -> None:
    assert steps(text, S3) == ["push(object=red_cube, direction=right)"]


@pytest.mark.parametrize("text", [
    "Push the red and the blue cube to the right. Just nudge it.",
    "Push the red cube to the right and the blue one left. Just nudge it.",
    "Push the red cube to the right, then push it.",
    "Push the red cube to the right. Just nudge the blue one.",
    "Push the red cube to the right. Just nudge it again.",
    "Don't push the red cube to the right. Just nudge it.",
    "I pushed the red cube to the right. Just nudge it.",
    "Put the red cube on the pad. Just nudge it.",
    "Nudge the red cube to the right. Nudge it.",  # a second nudge? (A1 s15 note: only "just/only/simply" says how)
])
def test_a_push_said_again_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [  # dev_s15 fi43-027: "instead" of "the red one"
    ("Don't put the red one on the pad, put it in the bin instead.", mv("red", "bin")),
    ("Don't put the red one on the pad, put it on the blue one instead.", mv("red", "blue")),
])
def test_instead_after_a_negated_placement_of_the_same_one(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Don't put the red one on the pad, put it in the bin instead?",
    "Don't put the red one on the pad, put it in the bin instead, I think.",
    "Don't put the red one on the pad, put the blue one in the bin instead.",
    "Put the red one on the pad, put it in the bin instead.",
    "I don't put the red one on the pad, I put it in the bin instead.",
])
def test_instead_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
