"""The thirteenth session's three known false executions (closing note), each closed as a class (phrasing.py,
register.py, speech_act.py):

- a cube placed by one sentence and sent elsewhere by the very next, with no word of order ("Put the red cube on the
  pad. Bin it."): a correction or a second step? refused, as the same words joined by "and" are;
- a tag asking agreement after a clause that states what is done or where a cube goes ("First you put the red cube in
  the bin, yeah?", "The red cube goes in the bin, ok?"): a question, as a bare '?' after it is;
- "just now" after "put" / "set" with no subject where the sentence asks back ("Put the red cube in the bin just now,
  né?"): "a moment ago" as well as South African "soon", so a report asked back.

Each beside the requests of the same shape that must still plan."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Refusal

HOME = ["go_home()"]


# ------------------------------------------------------------- a cube sent elsewhere by the next sentence
@pytest.mark.parametrize("text", [
    "Put the red cube on the pad. Bin it.",
    "Put the red cube on the pad. Bin the red cube.",
    "Put the red cube on the pad. Put the red cube in the bin.",
    "Put the red cube on the pad. Put it in the bin.",
    "Put the red cube on the pad; bin it.",
    "Put the red cube on the pad! Bin it!",
    "Put the red cube on the pad. Now bin it.",
    "Put the red cube on the pad. And bin it.",
    "Put the red cube on the pad. Also bin it.",
    "Put the red cube on the pad. Bin it please.",
    "Put the red cube on the pad. Get rid of it.",
    "Put the red cube on the pad. Dispose of it.",
    "Put the red cube on the pad. Chuck it in the bin.",
    "Put the red cube on the pad. Move it to the bin.",
    "Put the red cube on the pad. Take it to the right.",
    "Put the red cube on the pad. Push it left.",
    "Put the red cube on the pad. Stack it on the blue cube.",
    "Put the red cube on the pad. Red in the bin.",
    "Put the red cube on the pad. The red one in the bin.",
    "Put the red cube on the pad. It in the bin.",
    "Red on the pad. Bin it.",
    "Put the red cube on the blue cube. Put it on the pad.",
    "Push the red cube left. Bin it.",
    "Push the red cube left. Put it in the bin.",
    "Please put the red cube on the pad. Ok, bin it.",
    "Put the red cube on the pad. Bin it. Thanks!",
    # A1 s14 H52: any opener, a filler sentence between, "then again"
    "Put the red cube on the pad. Mate, bin it.",
    "Put the red cube on the pad. Kindly bin it.",
    "Put the red cube on the pad. Simply bin it.",
    "Put the red cube on the pad. You know what, bin it.",
    "Put the red cube on the pad. Let's bin it.",
    "Put the red cube on the pad. Actually — bin it.",
    "Put the red cube on the pad. Discard it.",
    "Put the red cube on the pad. Red goes in the bin.",
    "Put the red cube on the pad. OK. Bin it.",
    "Put the red cube on the pad\nThen again, bin it.",
    "Put the red cube on the pad, then again, bin it.",
])
def test_a_cube_sent_elsewhere_by_the_next_sentence_refuses(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal), (text, result)
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube on the pad. Then bin it.", mv("red", "pad") + mv("red", "bin")),
    ("Put the red cube on the pad. Then put it in the bin.", mv("red", "pad") + mv("red", "bin")),
    ("Put the red cube on the pad. After that, bin it.", mv("red", "pad") + mv("red", "bin")),
    ("Put the red cube on the pad, then bin it.", mv("red", "pad") + mv("red", "bin")),
    ("Put the red cube on the pad. Bin the blue one.", mv("red", "pad") + mv("blue", "bin")),
    ("Put the red cube on the pad. Put the blue cube on it.", mv("red", "pad") + mv("blue", "red")),
    ("Put the red cube on the pad. Go home.", mv("red", "pad") + HOME),
    ("Put the red cube on the pad. Thanks. Go home.", mv("red", "pad") + HOME),
    ("Put the red cube on the pad. Mate, then bin it.", mv("red", "pad") + mv("red", "bin")),
    ("Pick up the red cube. Bin it.", mv("red", "bin")),
    ("Grab the red cube. Put it in the bin.", mv("red", "bin")),
    ("Don't put the red one in the bin. Put it on the pad instead.", mv("red", "pad")),
])
def test_other_sentences_after_a_placement_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- a tag after a stated clause
@pytest.mark.parametrize("text", [
    "First you put the red cube in the bin, yeah?",
    "First the red cube goes in the bin, yeah?",
    "Then the red cube goes in the bin, yeah?",
    "The red cube goes in the bin, yeah?",
    "Red goes in the bin, ok?",
    "The red cube should go in the bin, right?",
    "First the red cube should go in the bin, yeah?",
    "The red cube goes in the bin, né?",
    "You put the red cube in the bin, ja?",
    "You put the red cube in the bin, né?",
    "Put the green cube on the pad. Then you put the red cube in the bin, yeah?",
    "Put the green cube on the pad, then you put the red cube in the bin, yeah?",
    "Put the green cube on the pad and then you put the red cube in the bin, yeah?",
    "Put the green cube on the pad, then the red cube goes in the bin, yeah?",
    "Put the green cube on the pad. The red cube goes in the bin, yeah?",
    "Put the red cube in the bin, it goes there, ok?",
    "Then you put the red cube in the bin, yeah? Lekker.",
    "So first you put the red cube in the bin, alright?",
    "After that you put the red cube in the bin, yep?",
    # A1 s14 H53: "hey?" / "ja?" / "ya?" (also closings), verbless clauses joined by "and", a bare '?'
    "Put the green cube on the pad, then you put the red cube in the bin, hey?",
    "Put the green cube on the pad. Then you put the red cube in the bin, ja?",
    "Put green on the pad and red goes in the bin, hey?",
    "Put green on the pad and red goes in the bin, ya?",
    "Put green on the pad and red goes in the bin?",
    "Red in the bin and blue on the pad, yeah?",
    "Red in the bin and blue on the pad, alright?",
    "So first red in the bin then blue on the pad, yeah?",
])
def test_a_tag_after_a_stated_clause_asks_and_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin, yeah?", mv("red", "bin")),
    ("Put the red cube in the bin, ok?", mv("red", "bin")),
    ("Put the red cube in the bin, né?", mv("red", "bin")),
    ("Put the red cube in the bin, ja?", mv("red", "bin")),
    ("Put the red one in the bin, yeah? Lekker.", mv("red", "bin")),
    ("Put the red cube in the bin, hey?", mv("red", "bin")),
    ("Put the red cube in the bin, ya?", mv("red", "bin")),
    ("Put red in the bin and blue on the pad, yeah?", mv("red", "bin") + mv("blue", "pad")),
    ("Red in the bin and blue on the pad, please.", mv("red", "bin") + mv("blue", "pad")),
    ("Pop the blue cube on the left?", mv("blue", "left")),
    ("Put the green cube on the pad, then the red one in the bin, ok?", mv("green", "pad") + mv("red", "bin")),
    ("Put the green cube on the pad, then put the red one in the bin, ok?", mv("green", "pad") + mv("red", "bin")),
    ("Alright bud, grab the red one and park it on the pad, eh?", mv("red", "pad")),
    ("Please, the red cube, you put it in the trash, yes?", mv("red", "bin")),  # a learner's request (f26-000)
    ("Stick the wee red yin on tap o' the green yin, aye?", mv("red", "green")),
])
def test_a_tag_after_a_request_still_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- "just now" asked back
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin just now, né?",
    "Put the red cube in the bin just now, ja?",
    "Put the red cube in the bin just now, hey?",
    "Put the red cube in the bin just now, yeah?",
    "Put the red cube in the bin just now, right?",
    "Put the red cube in the bin just now?",
    "Put the red cube in the bin just now, né.",
    "Set the red cube on the pad just now, né?",
    "Ok, put the red cube in the bin just now, né?",
    "Just now put the red cube in the bin, né?",
    "Just now, put the red cube in the bin.",
    "Put the blue cube on the pad. Put the red cube in the bin just now, né?",
])
def test_just_now_after_put_asked_back_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin just now.", mv("red", "bin")),
    ("Please put the red cube in the bin just now, né?", mv("red", "bin")),
    ("Pop the red cube in the bin just now, né?", mv("red", "bin")),
    ("Bin the red cube just now, né?", mv("red", "bin")),
    ("Put the red cube in the bin now now, né?", mv("red", "bin")),
    ("Push the blue block to the left a bit, just now.", ["push(object=blue_cube, direction=left)"]),
])
def test_south_african_soon_still_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s14 H54/H55: the speaker's own task or leave
@pytest.mark.parametrize("text", [
    "I was told to put the red cube in the bin.",
    "I was asked to put the red cube in the bin.",
    "I've been told to put the red cube in the bin.",
    "We were told to put the red cube in the bin.",
    "I got asked to move the blue cube to the right.",
    "Can I move the blue cube to the right?",
    "Could I just stack the red cube on the blue one?",
    "May I put the red cube in the bin?",
    "Hey, can I go ahead and push the red cube left?",
    "can i chuck the green cube, please?",
])
def test_the_speakers_own_task_or_leave_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("My colleague asked me to put the red cube in the bin.", mv("red", "bin")),
    ("Can we put the red cube in the bin?", mv("red", "bin")),
    ("Could I ask you to put the red cube in the bin?", mv("red", "bin")),
    ("Can you move the blue cube to the right?", mv("blue", "right")),
])
def test_requests_beside_them_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_asked_to_have_it_done_passes_the_task_on() -> None:
    assert steps("I was asked to have the red cube put in the bin, at your convenience", S3) == mv("red", "bin")
