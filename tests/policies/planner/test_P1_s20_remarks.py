"""P1, session 20: remarks, general questions and unchecked times (issue 17; speech_act.py, every backend).

(a) REV s20 R1 (A1 s19 H143 widened): after an interjection of surprise, relief or amusement, a verbless goal opening
    on "every", "each", "the cubes", "the lot", "back home" or a place ("into the bin with red") remarks on a state
    found, and so does one after a dash, ";" or ":"; "bin" after "in" is no verb ("Blimey, red and blue in bin."). The
    old H120 rule ("Uh oh, red in the bin, put it ...") is one branch of the same rule now.
(b) A1 H144: an interjection of surprise or pointing before the declarative "you put ..." ("Oh / Ah / There / Look /
    Ah, now, you put the red cube in the bin.") remarks on what was done; a bare "You put ..." and "Okay, you put ..."
    still order (the seen convention).
(c) A1 H137: what a robot or an arm in general would or could do, asked ("Would a robot put ...?"); a request closed
    by a time that "it" names ("... when it's done.", "... once it's finished.").
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan


def never_plans(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan), (text, result)


@pytest.mark.parametrize("text", [
    "Wow, every cube in the bin.", "Wow, the cubes in the bin.", "Wow, the lot on the pad.",
    "Wow - red at the bottom, blue in the middle, green on top.",
    "Wow; red at the bottom, blue in the middle, green on top.", "Blimey, red and blue in bin.",
    "Wow, into the bin with red.", "Oh: each cube on the pad.", "Uh oh, red in the bin, put it on the pad.",
    "Oops, red's on the pad, put it back in the bin.", "Wow, red in the bin.", "Ha, red in the bin.",
    "Phew, back home.", "Yay, back home.",  # REV s20 R1: planned go_home on main
    # A1 s20 H153
    "Wow, every cube except red in the bin.", "Wow, from the bottom: red, blue, green.", "Wow — red in the bin.",
    "Wow :) red in the bin.", "Wow :O red in the bin.", "Wow, and red in the bin.", "Wow, now red in the bin.",
    "Well well, red in the bin.", "Well, well, well. Red in the bin.", "Woo, red in the bin.",
])
def test_a_remark_after_an_interjection_plans_nothing(text: str) -> None:
    never_plans(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Wow, please put the red cube in the bin.", mv("red", "bin")),
    ("Look, could you put the red cube in the bin?", mv("red", "bin")),
    ("Haha, bin the red cube.", mv("red", "bin")),
    ("Phew, go home.", ["go_home()"]),
    ("Okay, red in the bin.", mv("red", "bin")),
    ("Right, home.", ["go_home()"]),
    ("Well, red in the bin.", mv("red", "bin")),
    ("So, red in the bin.", mv("red", "bin")),
    ("Wow :) please put red in the bin.", mv("red", "bin")),
    ("Well well, put the red cube in the bin.", mv("red", "bin")),
    ("Okay, red at the bottom, blue in the middle, green on top.", tower("red", "blue", "green")),
])
def test_a_request_after_an_interjection_or_an_opener_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Oh, you put the red cube in the bin.", "There, you put the red cube in the bin.",
    "Look, you put the red cube in the bin.", "Ah, now, you put the red cube in the bin.",
    "Ah, you put the red cube in the bin.", "Wow - you stacked the red cube on the blue one.",
    "Oh, you put the red cube in the bin?", "Ooh, you moved the red cube to the pad.",
])
def test_an_interjection_before_you_put_remarks(text: str) -> None:  # A1 H144
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("You put the red cube in the bin.", mv("red", "bin")),  # the declarative order, as the seen golds read it
    ("Okay, you put the red cube in the bin.", mv("red", "bin")),
    ("Oh, put the red cube in the bin.", mv("red", "bin")),
    ("Look, put the red cube in the bin.", mv("red", "bin")),
    ("Ah, you can put the red cube in the bin.", mv("red", "bin")),
])
def test_orders_near_the_remark_still_plan(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Would a robot put the red cube in the bin?", "Could an arm put the red cube in the bin?",
    "Er, would a robot put the red cube in the bin?", "Can robots put the red cube in the bin?",
    "So, could a robot arm stack the red cube on the blue one?", "Will any robot move the red cube to the pad?",
    "Put the red cube in the bin when it's done.", "Put the red cube in the bin once it's finished.",
    "Put the red cube in the bin after it is ready.",
    "Put the red cube on the pad as soon as it's clear.",
])
def test_a_general_question_or_an_unchecked_time_plans_nothing(text: str) -> None:  # A1 H137
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Would you put the red cube in the bin?", mv("red", "bin")),
    ("Could you put the red cube in the bin, robot?", mv("red", "bin")),
    ("Put the red cube in the bin, then go home when you're ready.", [*mv("red", "bin"), "go_home()"]),
])
def test_asking_this_robot_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)
