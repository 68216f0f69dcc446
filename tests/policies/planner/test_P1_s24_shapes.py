"""P1, session 24: English shapes (issue 17), each a closed form with its twins.

- One opener cut for every screen (REV s23 R19, the s23 final read): openers.py's structural cut (one to three words
  naming no cube, colour, place or action, up to a mark), made in unasked.py by P3 in s23, now shared by speech_act's
  remark, closing and label screens, which kept a list of their own. For speech_act the cut also takes no word of
  request ("Please, red in the bin, yes." asks), and "after that" beside it.
- "the rest" / "the others" open a verbless goal as a colour does ("Put red on the pad. The rest in the bin, yes."
  refuses as "... Blue in the bin, yes." does); "the rest" is no verb "rest" ("Red on the pad. The rest in the bin?").
- "again" / "once more" after a verbless goal, with a comma or none, to a place too, refuses ("Red on the pad,
  again!", REV s23 medium), as "Red on the pad again." already did; an order keeps it.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv

from policies.planner import openers, unasked
from policies.planner.speech_act import speech_act_refusal

EVERYTHING = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")

# ------------------------------------------------------------------------ one opener cut for every screen


def test_the_hedge_screen_uses_the_shared_cut() -> None:
    assert openers.FREE_OPENER in unasked._OPENS


@pytest.mark.parametrize("text", [
    # REV s23 R19's generated forms (cross product of openers x goals x closings)
    "Morning, everything into the bin, yes.",
    "Erm, all the cubes to the left, ha.",
    "After that, the red one onto the pad, yes.",
    "Alright robot, the one on the left in the bin, yes.",
    "Morning, apart from blue, everything to the left, as usual.",
    # openers in no list: a greeting, an address, a filler of one to three words before a mark
    "Hiya, the red one in the bin, yes.",
    "Oi oi, red to the left, yes.",
    "Dear robot, the leftmost cube to the left, yes.",
    "Greetings, everything on the pad, yes.",
    "Hey there buddy, the middle one to the left, yes.",
    "Hi again, the red one on the pad, yes.",
    "Hello hello, them all to the left, yes.",
    "Hey bot - red in the bin, yes.",
    "Howdy, the leftmost cube in the bin, ha.",
    "Hey there buddy, all the cubes in the bin, ha.",
    "Greetings, red to the left, as usual.",
    "Howdy, the middle one in the bin. Lol.",
    "Heya robot: the red one in the bin. Lol.",
    "Howdy, wow, the red one in the bin.",
    "Dear robot, wow, the leftmost cube in the bin.",
    "G'day mate, FYI: red in the bin.",
    "Ahoy there, initial state: red in the bin.",
    "Dear robot, note: everything in the bin.",
    "And after that, red in the bin, ha.",
])
def test_an_opener_of_any_words_before_a_remarked_goal_is_refused(text: str) -> None:
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Morning, put everything in the bin, yes.",
    "Hiya, put the red cube in the bin, yes.",
    "Dear robot, wow, put the red cube in the bin.",
    "G'day mate, FYI: put red in the bin.",
    "Greetings, everything in the bin.",
    "Please, red in the bin, yes.",
    "Robot, please, red in the bin, yes.",
    "Kindly, everything in the bin, as usual.",
    "Listen, red in the bin, yes please.",
])
def test_an_opener_before_an_order_or_please_is_no_remark(text: str) -> None:
    assert speech_act_refusal(text) is None, text


def test_those_orders_plan() -> None:
    plans_as("Morning, put everything in the bin, yes.", EVERYTHING)
    plans_as("Robot, put the red cube in the bin, yes.", mv("red", "bin"))


# ------------------------------------------------------------------------ "the rest" / "the others" as a subject


@pytest.mark.parametrize("text", [
    "Red on the pad. The rest in the bin, ok?",
    "Red on the pad. The rest in the bin?",
    "Red on the pad. The rest in the bin, please?",
    "Red on the pad. The rest in the bin, yes.",
    "Put red on the pad. The rest in the bin, yes.",
    "Put red on the pad. The rest in the bin?",
    "Put red on the pad. The others in the bin, yes.",
    "Put red on the pad. The rest in the bin again.",
    "After that, the rest onto the pad, ok?",
    "Okay then, the rest on the pad, as usual.",
    "Well then, the rest to the left. Lol.",
])
def test_the_rest_said_as_a_verbless_goal_then_asked_or_remarked_is_refused(text: str) -> None:
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text)


def test_the_rest_in_an_order_plans() -> None:
    plans_as("Put red on the pad. The rest in the bin.", mv("red", "pad") + mv("blue", "bin") + mv("green", "bin"))
    plans_as("Put red on the pad. The rest in the bin, please.",
             mv("red", "pad") + mv("blue", "bin") + mv("green", "bin"))
    assert speech_act_refusal("Put red on the pad. Rest the blue cube on green, ok?") is None


# ------------------------------------------------------------------------ "again" after a verbless goal


@pytest.mark.parametrize("text", [
    "Red on the pad, again!",
    "Red on the pad, again.",
    "The leftmost cube on the pad, again!",
    "Red to the left again.",
    "Red to the pad again.",
    "Everything to the left again.",
    "Red in the bin once more.",
    "Red in the bin, once more.",
    "Howdy, red on the pad again.",
    "Greetings, everything in the bin again.",
    "Yo robot! them all to the left again.",
    "Except for red, everything in the bin, again!",
])
def test_again_after_a_verbless_goal_is_refused(text: str) -> None:
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text)


def test_again_after_an_order_plans() -> None:
    plans_as("Put red on the pad again.", mv("red", "pad"))
    plans_as("Put red on the pad, again!", mv("red", "pad"))
    plans_as("Move everything to the left again.", mv("red", "left") + mv("blue", "left") + mv("green", "left"), S3)
