"""P1, session 19: two frame families from the seen failures (issue 17), each a closed form with its twins refused.

F-LET  "Let X rest, undisturbed." leaves X alone (fi43-011), as without the comma. (The reading "let X rest upon Y" =
       put X on Y was withdrawn before the commit: where X already rests there it would move a cube the words leave,
       A1 s12 b91, pinned in test_P1_s12_register / test_P1_s15_dev2; its twins below refuse either way.)
F-CALL a service script (seen fi45-003/-039/-053/-059/-061): "I'll (now) need you to ...", "I'm required to ask you to
       ...", an opener that says why or under which rule ("For verification purposes,", "To proceed,", "Per the
       script,"), and its closings ("Thank you for holding.", "Is there anything else I can assist you with today?").

Sentences are written for these tests (S3: red, blue, green).
"""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize(("text", "want"), [
    ("Let the red cube rest, undisturbed. Put the blue cube on the pad.", mv("blue", "pad")),
])
def test_a_cube_let_rest_undisturbed_is_left_alone(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Don't let the red cube rest on the blue cube.", "Never let the red cube rest on the pad.",
    "You let the red cube rest on the blue cube.", "We let the red cube rest on the pad.",
    "Did you let the red cube rest on the blue cube?", "Maybe let the red cube rest on the blue cube, I think.",
    "Let the red cube rest.", "Let the red cube rest where it is.", "Let the red cube rest, undisturbed.",
    "Let the red cube rest on the pad for a while.", "Let the red cube rest, undisturbed. Put the red cube on the pad.",
    "Let the green cube sleep in the bin, and let it also rest upon the pad.",
])
def test_its_negated_reported_asked_hedged_and_placeless_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("I'll now need you to transfer the blue cube to the pad. Is there anything else I can assist you with today?",
     mv("blue", "pad")),
    ("I'll need you to put the red cube in the bin. Thank you for holding.", mv("red", "bin")),
    ("Per the script, I'm required to ask you to place the red cube in the bin. Thank you for your cooperation.",
     mv("red", "bin")),
    ("For verification purposes, please move the red cube onto the pad.", mv("red", "pad")),
    ("To proceed, please place the red cube in the bin. This call may be recorded for quality purposes.",
     mv("red", "bin")),
    ("As per protocol, put the green cube in the bin.", mv("green", "bin")),
])
def test_a_service_scripts_frames_wrap_the_request(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "I'll need you not to put the red cube in the bin.", "I'll need you to not put the red cube in the bin.",
    "I'll need you not to put the red cube in the bin. Thank you for holding.",
    "Did I need you to put the red cube in the bin?", "You'll need me to put the red cube in the bin.",
    "I'll need to put the red cube in the bin.", "I was required to ask you to put the red cube in the bin.",
    "I'm required to ask you not to put the red cube in the bin.",
    "For verification purposes, don't move the red cube.", "To proceed, you put the red cube in the bin.",
    "For verification purposes, did you move the red cube onto the pad?",
    # A1 s19 H149: the frames asked back ask whether it must be done
    "I'm supposed to tell you to put the red cube in the bin?", "I'll need you to put the red cube in the bin?",
    "So I'll need you to put the red cube in the bin?", "I'm required to ask you to put the red cube in the bin?",
    "For the record, putting the red cube to the bin.",
    "Did you need me to put the red cube in the bin? Cheers.", "Is there anything else I can assist you with today?",
    "Thank you for holding.", "I'll need you to put the red cube in the bin tomorrow.",
])
def test_a_service_scripts_negated_asked_reported_and_near_miss_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


# D1 (dev fi55/fi56, the nervous newcomer and the shearer): apologies and a remark on the demo after a request, an
# address of praise ("legend"), the greeting "How is your body today?" (no person near the arm)
@pytest.mark.parametrize(("text", "want"), [
    ("Sorry, could you put the red cube in the bin and then, um, go home? Sorry!", [*mv("red", "bin"), "go_home()"]),
    ("Can you put the green cube in the bin and then the red one on the pad? Cool demo btw.",
     mv("green", "bin") + mv("red", "pad")),
    ("Could you put the red cube on the pad? Sorry for the trouble.", mv("red", "pad")),
    ("Could you put the red cube on the pad? Sorry, I hope that makes sense.", mv("red", "pad")),
    ("Put the red cube on the pad, sorry, I've never done this before.", mv("red", "pad")),
    ("Plonk the red one on the pad for us, legend.", mv("red", "pad")),
    ("Put the green cube on the pad and then head home, legend.", [*mv("green", "pad"), "go_home()"]),
    ("How is your body today? Please put the red cube in the bin, God bless you.", mv("red", "bin")),
])
def test_apologies_praise_and_greetings_wrap_the_request(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Sorry!", "Put the red cube in the bin? Sorry!",
    "Did you put the red cube in the bin? Sorry for the trouble.", "Don't put the red cube in the bin. Sorry for the "
    "trouble.", "Could you put the red cube in the bin? Sorry, blue.", "Could you put the red cube in the bin? Only if "
    "it's empty.", "You put the red cube in the bin, legend.", "Put the red cube on your body.",
    "How is your body today? Swing at me.", "I put the red cube in the bin. Cool demo btw.",
])
def test_their_retracting_asked_reported_and_unsafe_twins_move_nothing(text: str) -> None:
    moves_nothing(text)
