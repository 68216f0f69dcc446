"""Reports of what was done that still planned (A1 s16 H100, H103, H105), each closed as a family in speech_act.py:

- H105: a past of the robot's act with an irregular past or no subject ("You built a tower with red on top of
  blue.", "Built a tower ...", "You homed.", "Homed.", "Homed the arm.", "Binned the red cube.");
- H103: an acknowledgement said back, what the one doing it says ("Okay, putting the red cube in the bin.",
  "Alright, binning ...", "Robot: putting ..."); a bare gerund stays a request (seen gold "binning orange pls") and
  so does the acknowledged gerund with "please";
- H100: the Hiberno-English "after" perfect ("You're after putting the red cube in the bin, go home now." = you have
  just put it): the whole instruction refuses, the done act is not run again.

The plain orders beside each keep planning.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3
from test_planner_fresh12_words import mv, refused, steps


@pytest.mark.parametrize("text", [
    # H105: irregular past or "homed" with "you"
    "You built a tower with red on top of blue.",
    "You built red on blue.",
    "You just built a tower with red on top of blue.",
    "Wow, you built a tower with red on top of blue.",
    "You homed.",
    "You homed the arm.",
    "You finally homed.",
    "So you homed.",
    # ... and with no subject
    "Built a tower with red on top of blue.",
    "Built a tower of red, blue and green.",
    "Okay, built a tower with red on top of blue.",
    "Homed.",
    "Homed the arm.",
    "Okay, homed.",
    "Put the red cube in the bin. Homed.",
    "Binned the red cube.",
    "Stacked the red cube on the blue cube.",
    "Stacked red on blue.",
    "Parked the red cube on the pad.",
    "Pushed the red cube left.",
    "Placed the red cube in the bin.",
    "Dropped the red cube in the bin.",
    "Threw the red cube in the bin.",
    "Just binned the red cube.",
    "Done. Binned the red cube.",
    # the questioned report is no order either
    "Built a tower with red on top of blue?",
    "Homed?",
])
def test_past_reports_refuse(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", [
    "Okay, putting the red cube in the bin.",
    "Alright, putting the red cube in the bin.",
    "All right, putting the red cube in the bin.",
    "Okay, binning the red cube.",
    "Okay, pushing the red cube left.",
    "Okay putting the red cube in the bin.",
    "Okay. Putting the red cube in the bin.",
    "Ok, putting the red cube in the bin now.",
    "Okay, now putting the red cube in the bin.",
    "Sure, putting the red cube in the bin.",
    "Sure thing, stacking red on blue.",
    "On it, putting the red cube in the bin.",
    "Roger, putting the red cube in the bin.",
    "Roger that, binning the red cube.",
    "Will do, putting the red cube in the bin.",
    "Copy, binning the red cube.",
    "Got it, moving the red cube to the pad.",
    "Understood, going home.",
    "Okay, going home.",
    "Okay, building a tower with red on top of blue.",
    "Robot: putting the red cube in the bin.",
    "Robot: okay, putting the red cube in the bin.",
    "The robot: binning the red cube.",
    "Arm: pushing the red cube left.",
    "Okay, putting the red cube in the bin. Thanks.",
])
def test_acknowledgement_said_back_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", [
    "You're after putting the red cube in the bin, go home now.",
    "You are after putting the red cube in the bin, go home now.",
    "You're just after putting the red cube in the bin, go home now.",
    "You're only after putting the red cube in the bin, go home.",
    "You're after binning the red cube, now push the blue one left.",
    "You're after putting the red cube in the bin, put the blue one on the pad.",
    "You're after putting the red cube in the bin.",
    "Ye're after putting the red cube in the bin, go home now.",
    "We're after putting the red cube in the bin, go home now.",
    "Sure you're after binning the red cube, push the blue one left.",
    "You're after putting the red cube in the bin? Go home now.",
])
def test_after_perfect_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "expected"), [
    ("Build a tower with red on top of blue.", mv("red", "blue")),
    ("Stack red on blue.", mv("red", "blue")),
    ("Home.", ["go_home()"]),
    ("Go home.", ["go_home()"]),
    ("Put the red cube in the bin.", mv("red", "bin")),
    ("Okay, put the red cube in the bin.", mv("red", "bin")),
    ("Alright, bin the red cube.", mv("red", "bin")),
    ("binning red pls", mv("red", "bin")),
    ("Putting the red cube in the bin.", mv("red", "bin")),
    ("Okay, putting the red cube in the bin please.", mv("red", "bin")),
    ("After putting the red cube in the bin, go home.", [*mv("red", "bin"), "go_home()"]),
    ("Park the red cube on the pad.", mv("red", "pad")),
    ("Push the red cube left.", ["push(object=red_cube, direction=left)"]),
])
def test_plain_orders_still_plan(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected
