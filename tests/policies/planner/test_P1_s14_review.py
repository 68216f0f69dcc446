"""The reviewer's and the adversary's s14 findings in P1's files (speech_act.py, dialect.py), each closed as a class:
REV s14 R1 (Yorkshire "Ah put ..." = "I put ...", a report), R6 ("You put red in the bin, hey." / ", lol.": a tag or
a laugh after a "you <verb>" statement asks or remarks, the model must not plan it either), R10 ("You put the red
cube in the bin. Good work!": praise after "you put / you set" says it is done), and P3's s14 note ("You relocated
the green cube to the left region.": a past no request uses, after "you", reports). Each beside the requests that
must still plan."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

from policies.planner.speech_act import normalise, speech_act_error


@pytest.mark.parametrize("text", [
    "Ah put t' red 'un in t' bin.",
    "Ah put t' red 'un on t' pad.",
    "Ah bin t' red 'un.",
    "Ah pop t' red 'un on t' pad.",
    "Ah've put t' red 'un in t' bin.",
])
def test_yorkshire_ah_is_i(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Ah, put t' red 'un in t' bin.", mv("red", "bin")),
    ("Put t' red 'un in t' bin.", mv("red", "bin")),
])
def test_yorkshire_requests_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "You put red in the bin, hey.",
    "You put red on blue, hey!",
    "You put red on blue, ha.",
    "You put red on blue, lol.",
    "You put the red cube in the bin, eh.",
    "You put the red cube in the bin, innit.",
    "You put the red cube in the bin. Good work!",
    "You put everything in the bin. Good work!",
    "You put the red cube in the bin, you're a star.",
    "You put the red cube in the bin. Good robot!",
    "You put the red cube in the bin. That's it!",
    "You put the red one on the blue one. You're a star!",
    "You set the red cube on the pad. Good work.",
    "You put the red cube in the bin, well done.",
    "You relocated the green cube to the left region.",
    "You relocated all cubes to the left region.",
    "Wow, you shifted the green cube to the left side.",
    "You transferred the blue cube to the pad.",
    "Then you moved the red cube to the right side.",
])
def test_said_back_to_the_robot_refuses(text: str) -> None:
    moves_nothing(text)
    assert speech_act_error(normalise(text)) is not None, text  # refused before any backend, the model's too


@pytest.mark.parametrize(("text", "want"), [
    ("You put the red cube in the bin.", mv("red", "bin")),
    ("First you put the red cube in the bin, then you go home.", [*mv("red", "bin"), "go_home()"]),
    ("Put the red cube on the pad, then put the one you moved in the bin.", mv("red", "pad") + mv("red", "bin")),
    ("After you've moved the green cube to the left side, put the red cube in the bin.",
     mv("green", "left") + mv("red", "bin")),
    ("Put the red cube in the bin. Good work!", mv("red", "bin")),
    ("Put the red cube in the bin, you're a star.", mv("red", "bin")),
    ("Put the red cube in the bin, hey.", mv("red", "bin")),
])
def test_requests_beside_them_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s14 H64, H65 and the praise note
@pytest.mark.parametrize("text", [
    "Right, put the red cube in the bin just now, né?",
    "Sir, put the red cube in the bin just now, né?",
    "Hey robot, put the red cube in the bin just now, né?",
    "Um, put the red cube in the bin just now, né?",
    "Good morning, put the red cube in the bin just now, né?",
    "Whenever you have a moment, put the red cube in the bin just now, né?",
    "So put the red cube on the pad. Bin it.",
    "Ok so put the red cube on the pad. Bin it.",
    "Ok so push the red cube left. Bin it.",
    "Next put the red cube on the pad. Bin it.",
    "But put the red cube on the pad. Bin it.",
    "Also put the red cube on the pad. Bin it.",
    "Red in the bin. Good work!",
    "All the cubes in the bin. Good work!",
    "Red on blue, green on red. Good work!",
    "Red in the bin, well done.",
])
def test_behind_any_opener_and_praise_after_a_goal_refuse(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    # a request mark before the verb settles "put" as the imperative (South African "just now" = soon)
    ("Please put the red cube in the bin just now, né?", mv("red", "bin")),
    ("Kindly, put the red cube in the bin just now, né?", mv("red", "bin")),
    ("So put the red cube on the pad. Then bin it.", mv("red", "pad") + mv("red", "bin")),
    ("Red in the bin. Thanks!", mv("red", "bin")),
    ("Red on the pad, and that's it for now.", mv("red", "pad")),
    ("Red in the bin please. Good work!", mv("red", "bin")),
    ("Bin the red cube. Good work!", mv("red", "bin")),
    ("Could you put the red cube in the bin? You're a star.", mv("red", "bin")),
])
def test_marked_requests_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s14 H60, H68, H55/H53 residues, H61
@pytest.mark.parametrize("text", [
    "The arm is to return home?",
    "The arm must return home?",
    "The arm must return home, I think.",
    "The arm shall return home, I guess.",
    "The cube positioned nearest the robot must be deposited in the bin, I think.",
    "The cube positioned nearest the robot must be deposited in the bin?",
    "The red cube shall be deposited in the bin, probably.",
    "Can I deposit the red cube in the bin?",
    "Can I pls stack red on blue?",
    "Could I kindly move the red cube to the left?",
    "So you plonk the red cube in the bin, yeah?",
    "Red would go in the bin.",
])
def test_asked_hedged_supposed_or_the_speakers_own_refuse(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("The arm shall return to its home position.", ["go_home()"]),
    ("Could I ask you to put the red cube in the bin?", mv("red", "bin")),
    ("Put the red cube in the bin, I think.", mv("red", "bin")),
])
def test_their_requests_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want
