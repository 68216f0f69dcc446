"""Informal registers (register.py, issue #17 item 2; the s11 dev split's chatty, idiom and negation classes):
how people address the robot, tags and closings that ask nothing more, texting's intensifiers, a sailor's sides, a
learner's "no move X", the reasons and constraints a request already keeps, and emoji that picture the request. Each
family beside its negated, contradictory or joking variants, which must never run."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps

from policies.planner import Clarification, Plan
from policies.planner.register import in_plain_register

S3 = scene("red", "blue", "green")


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, savvy?",
    "Put the red cube in the bin, would ye.",
    "Put the red cube in the bin, matey.",
    "Put the red cube in the bin, good man.",
    "Put the red cube in the bin, sweetie.",
    "Ahoy there, old friend. Put the red cube in the bin.",
    "be a good lad and put the red cube in the bin",
    "Would ya ever put the red cube in the bin?",
    "Put the red cube in the bin. That's the job done.",
    "Put the red cube in the bin. Do the needful.",
    "put the red one in the bin and that's it for that one",
    "Put the red cube in the bin. Thanks and regards.",
    "Put the red cube in the bin, thanking you in advance.",
    "Put the red cube in the bin. Yay, well done!",
    "Can you put the red cube in the bin? Good job!",
    "Please put the red cube in the bin. Thank you very much, you are very kind.",
    "I have a small favor for you: can you put the red cube in the bin?",
    "put red in the bin fr",
    "the red one is ugly af, trash it pls",
    "lowkey the red one is ugly, bin it",
    "Stow the red cube in the bin.",
    "Put the red cube in the bin 🗑️",
    "bin the red one 🧹",
    "Put the red cube in the bin 😴",
])
def test_an_informal_register_around_a_request_is_the_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Don't put the red cube in the bin, savvy?", "Put the red cube in the bin, matey. Just kidding.",
    "be a good lad and don't put the red cube in the bin", "Don't put the red cube in the bin. Good job!",
    "Put the red cube in the bin, not yet, matey.", "Would ya ever not put the red cube in the bin?",
    "Put the red cube in the bin, won't you?", "Stow the red cube.", "Put the red cube in the bin 😂",
    "Don't put the red cube in the bin 🗑️", "Put the red cube in the bin fr? no.",
    "Put the red cube in the bin, need it for the demo NOT, matey.",
])
def test_a_negation_doubt_or_joke_in_an_informal_register_still_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the blue cube on the pad, and please no move the red cube.", mv("blue", "pad")),
    ("put the blue one on the pad but dont touch the red one its mine", mv("blue", "pad")),
    ("Can you put the blue block on the pad? But don't touch the red block, it's sleeping!", mv("blue", "pad")),
    ("dont move red ok, just push the blue one left", ["push(object=blue_cube, direction=left)"]),
    ("just nudge the red one forward a bit, no need to pick it up", ["push(object=red_cube, direction=forward)"]),
    ("Shove the red cube to starboard, don't lift her.", ["push(object=red_cube, direction=right)"]),
    ("Push the red cube to starboard, then put the blue cube on the port side.",
     ["push(object=red_cube, direction=right)", *mv("blue", "left")]),
])
def test_a_learners_negation_and_the_constraints_a_request_keeps(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Please no move the red cube.",  # only what not to do
    "Put the red cube in the bin, and please no move the red cube.",  # a contradiction stays one
    "put the red one on the pad but dont touch the red one its mine",
    "dont move red ok, just push red left",
    "Put the red cube on the pad, no need to pick it up.",  # a placement lifts
    "Don't touch the red cube, it's mine. Put it in the bin.",  # "it" after the reason: never read as another cube
])
def test_a_learners_negation_is_kept_as_a_negation(text: str) -> None:
    result = plan(text, S3)
    assert not (isinstance(result, Plan) and "pick(object=red_cube)" in [str(s) for s in result.steps]), result


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin, matey.", "Put the red cube in the bin."),
    ("Put the red cube in the bin.", "Put the red cube in the bin."),  # nothing informal: unchanged
    ("Oh no, put the red cube in the bin.", "Oh no, put the red cube in the bin."),
    ("my boss is crazy. put red in the bin", "my boss is crazy. put red in the bin"),  # "boss" only as an address
])
def test_the_register_changes_only_what_it_reads(text: str, want: str) -> None:
    assert in_plain_register(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Good morning. Hope you are keeping well. As discussed in yesterday's meeting, kindly move the red cube to the "
     "pad at your earliest convenience. Thanks and regards.", mv("red", "pad")),
    ("That's grand for today, go on back to your resting spot.", ["go_home()"]),
    ("Return the manipulator to its home configuration. No other motion is required.", ["go_home()"]),
    ("Give the red block a gentle little push away from you, nice and soft!",
     ["push(object=red_cube, direction=forward)"]),
    ("Can you put the red block in the trash can? But don't touch the blue block, it's sleeping! Shhh.",
     mv("red", "bin")),
    ("Kindly place the red cube in the bin, thanking you in advanse.", mv("red", "bin")),
    ("wud ya shift the red cube over to the left side", mv("red", "left")),
])
def test_chat_frames_similes_and_closings_around_a_request(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put the red cube on the blue one, like the green one.",  # a simile naming a cube may ask for more
    "Don't touch anything. Anyway, put the red cube in the bin.",  # chat that forbids is never dropped
    "I changed my mind. Anyway, put the red cube in the bin.",
    "Put the red cube in the bin. Stop. Anyway, put the blue cube on the pad.",
    "Fine morning, the red cube is fragile. Anyway, put it in the bin.",  # "it" names what the chat named
    "That's enough for today. Put the red cube in the bin.",  # done, then another request: unread
    "Put the red cube in the bin, like you did not do yesterday.",
])
def test_chat_or_a_simile_that_names_or_forbids_is_never_dropped(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Get rid of the green one there, stick him in the rubbish, good man.", mv("green", "bin")),
    ("Heave ho! Shove the blue cube over to starboard, don't lift her.", ["push(object=blue_cube, direction=right)"]),
    ("red in the bin don't move anything else", mv("red", "bin")),
    ("Kindly plase the red cube in the bin, thanking you in advanse.", mv("red", "bin")),
    ("Red one's garbage. Bin it.", mv("red", "bin")),
])
def test_persona_nouns_shouts_and_learner_forms(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Get rid of the green one, stick him on the pad.",  # another place for "him": never read as the green cube
    "red in the bin don't move the red cube",  # the negation after the place still forbids
    "Put the red cube in the bin. Heave ho!",  # a shout after the request may stop it (A1 s10 H8)
    "Red one's garbage. Don't bin it.",
])
def test_their_near_misses_still_refuse(text: str) -> None:
    refused(text, S3)


def test_a_tidy_up_opener_leaves_the_question_it_asks() -> None:
    result = plan("Okay sweetie, tidy-up time! Can you pop the block into the trash can for me? Good job!", S3)
    assert isinstance(result, Clarification) and set(result.candidates) == {"red_cube", "blue_cube", "green_cube"}


@pytest.mark.parametrize("text", [
    # chat before "anyway," is not dropped, whatever it says (A1 s11 H31)
    "Somebody's finger is in the gripper. Anyway, put the red cube in the bin.",
    "Halt. Anyway, put the red cube in the bin.",
    "Fine morning, reminds me of my years on the trawlers. Anyway, put the red cube in the bin.",
    # nor a simile after the request (H32)
    "Put the red cube on the blue one, like a bomb.",
    "Put the red cube on the blue one, same as you'd smash a bottle.",
    # closings, tags and intensifiers after a verbless placement: a report of a state, not a request (H29)
    "Red cube in the bin, job done.",
    "Red cube in the bin. Good job!",
    "Red cube in the bin... good work, matey.",
    "Red cube in the bin af.",
    "Red on the pad, moving on.",
    "Red on the pad, carry on.",
    "Red cube in the bin 😭",
    "Red cube in the bin 🫡",
    "Put the red cube in the bin. Stand easy.",
    "Put the red cube in the bin. Oh dear.",
    "Put the red cube in the bin imo.",
    # a reason's occasion is a closed list: any other last word may take the request back (H28)
    "Put the red cube in the bin, need it for the demo stop.",
    "Put the red cube in the bin, need it for the demo wait.",
    "Put the red cube in the bin, need it for the demo cancel.",
    "Put the red cube in the bin, need it for the demo psych.",
])
def test_what_is_dropped_around_a_request_never_takes_it_back_or_reports_it(text: str) -> None:
    refused(text, S3)
