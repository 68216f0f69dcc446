"""P1, session 24: English shapes (issue 17), each a closed form with its twins.

- One opener cut for every screen (REV s23 R19, the s23 final read): openers.py's structural cut (one to three words
  naming no cube, colour, place or action, up to a mark), made in unasked.py by P3 in s23, now shared by speech_act's
  remark, closing and label screens, which kept a list of their own. For speech_act the cut also takes no word of
  request ("Please, red in the bin, yes." asks), and "after that" beside it.
- "the rest" / "the others" open a verbless goal as a colour does ("Put red on the pad. The rest in the bin, yes."
  refuses as "... Blue in the bin, yes." does); "the rest" is no verb "rest" ("Red on the pad. The rest in the bin?").
- "again" / "once more" after a verbless goal, with a comma or none, to a place too, refuses ("Red on the pad,
  again!", REV s23 medium), as "Red on the pad again." already did; an order keeps it.
- (batch 2) The cut takes up to four words and a quantifier, negation or frame ("Hi there my friend, / One more
  thing, / No rush, / If possible, ...", REV s24 R2/R3); for speech_act a polite frame is a word of request ("If
  possible, red in the bin, yes." plans as "Please, ..." does). A lone "?" or "Please?" after a stop asks what the
  sentence before said (REV s24 R4/R8). A number or "every single" before the noun opens a statement asked ("The
  three cubes go in the bin?", REV s24 R1's "?" part). A label of information before a stated goal is one reading
  ("FYI: the red cube should go / goes in the bin." refuse, REV s23 medium). "at some point" is the "whenever" closing
  (f82d487), kept. A group of people called at the sentence's start before an order is told to do it, refused in
  every form ("Guys, / Team, / Everybody, / Kids, put ...", REV s23 medium + s24 R12): no seen gold has it; the golds
  call a group after the request ("..., folks!", fi51-052) or before "let's / here's the plan: / watch", which plan.
- (batch 3, dev fi71-043) the session's end said before going home: "that wraps / concludes the demo" (register's
  end-then-home rule); "your starting pose / resting position" is home there; never with "everyone" told it.
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


# ------------------------------------------------------------------------ batch 2: REV s24 R1-R4, R8; s23 mediums


@pytest.mark.parametrize("text", [
    # R2/R3: openers of four words, or holding a quantifier, a negation or a frame
    "Hi there my friend, red on the pad, yes.",
    "Hi there my friend, wow, red in the bin.",
    "Good evening robot friend, except green, them all in the bin, again.",
    "One more thing, red onto the pad, I think.",
    "One last thing: red in the bin, I guess.",
    "No rush, red in the bin, I think.",
    "If possible, red in the bin, I think.",
    "When you're ready, red in the bin, I guess.",
    "Not gonna lie, red in the bin, yes.",
    # R4/R8: a lone "?" or "Please?" after a stop
    "Red in the bin. ?",
    "Red in the bin. ??",
    "Everything in the bin. ?",
    "Red cube: bin. ?",
    "Red in the bin. Please?",
    "Red in the bin. Pls?",
    # R1 (the "?" screen's subject): a number or "every single" before the noun, "the whole lot"
    "The three cubes go in the bin?",
    "The three cubes should go in the bin?",
    "Every single cube goes in the bin?",
    "The whole lot goes in the bin?",
    "All of them should go on the pad?",
    "The 3 cubes in the bin, yes.",
    "FYI: the 3 cubes in the bin.",
    # one label, one reading: a note of information before a stated goal
    "FYI: the red cube should go in the bin.",
    "FYI: the red cube goes in the bin.",
    "FYI: the red cube needs to go in the bin.",
    "Heads up: everything has to go in the bin.",
    "Note: the red cube must go in the bin.",
    "FYI: the red cube should be put in the bin.",
])
def test_rev_s24_forms_are_refused(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Red in the bin. ?",
    "Red in the bin. Please?",
    "The three cubes go in the bin?",
    "FYI: the red cube should go in the bin.",
    "Hi there my friend, red on the pad, yes.",
    "If possible, red in the bin, yes.",
])
def test_the_speech_act_screen_itself_refuses_or_passes_them(text: str) -> None:
    # the screen the model's licence runs: refused there unless a polite frame makes it a request
    assert (speech_act_refusal(text) is None) == text.startswith("If possible"), text


@pytest.mark.parametrize(("text", "want"), [
    ("Put red in the bin. ?", mv("red", "bin")),
    ("Put red in the bin. Please?", mv("red", "bin")),
    ("Put the three cubes in the bin?", EVERYTHING),
    ("FYI: put the red cube in the bin.", mv("red", "bin")),
    ("FYI: please put the red cube in the bin.", mv("red", "bin")),
    ("One more thing, put red on the pad.", mv("red", "pad")),
    ("If possible, red in the bin, yes.", mv("red", "bin")),
    ("No rush, red in the bin, yes.", mv("red", "bin")),
    ("Please, red in the bin, yes.", mv("red", "bin")),
    ("Put the red cube in the bin at some point.", mv("red", "bin")),
    ("Red in the bin at some point.", mv("red", "bin")),
    ("Give that purple cube a little nudge to the left, folks!", None),
    ("Okay folks, here's the plan: green cube on the pad, then red cube in the bin.", None),
])
def test_their_orders_and_the_conventions_plan(text: str, want: list[str] | None) -> None:
    if want is None:  # the seen golds' group address after the request or before "here's the plan:"
        assert speech_act_refusal(text) is None, text
    else:
        plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin at some point tomorrow.",
    "Red in the bin at some point, I think.",
    "Kids, put the red cube in the bin.",
    "Class, put the red cube in the bin.",
    "Students, put the red cube in the bin.",
    "Everybody, don't put the red cube in the bin.",
    "Everybody, red in the bin, yes.",
    "Guys, put the red cube in the bin.",
    "Team, put the red cube in the bin.",
    "Hey guys, put the red cube in the bin.",
    "Alright team, put the red cube in the bin.",
    "Everybody, put the red cube in the bin.",
    "Everyone, push the red cube forward.",
    "Okay everybody, grab the red cube and put it in the bin.",
    "Folks, put the red cube in the bin.",
    "Everybody, go home.",
    "Let me think, everything in the bin, yes.",
    "Let me see, red on the pad, as usual.",
    "Everything in the bin. Kindly?",
])
def test_a_time_a_hedge_pupils_or_a_negation_still_refuse(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------------------ batch 3: the end of a demo before going home


@pytest.mark.parametrize("text", [
    "Great, that wraps the demo - return to your starting pose, please.",
    "That wraps the session. Go home.",
    "That concludes our demo, head back home.",
])
def test_the_end_of_a_demo_before_going_home_goes_home(text: str) -> None:
    plans_as(text, ["go_home()"])


@pytest.mark.parametrize("text", [
    "Great, that wraps the demo - put the red cube in the bin.",
    "Thank you all for coming, now go home and rest.",
    "That ends today's class - return to your starting position, everyone.",
    "That wraps the demo - go home, everyone.",
    "That wraps the demo? Go home.",
    "That doesn't wrap the demo, go home.",
    "That wraps the demo. Don't go home.",
    "Great, that wraps the demo.",
    "That wraps the demo. Return to your resting position tomorrow.",
    "That wraps the demo. Return to your resting position?",
    "Great, that wraps the demo - return the red cube to your starting pose.",
])
def test_the_end_before_anything_else_negated_asked_or_deferred_is_refused(text: str) -> None:
    moves_nothing(text)
