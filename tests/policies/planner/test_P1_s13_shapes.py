"""English shapes of the s13 dev split (register.py, dialect.py, phrasing.py): Yorkshire ("t'", "'un", "o'", "tha",
"'ome", "bar" = except, "for us", "Now then,", "ta"), a persona's verdict on a cube before its disposal ("Purple's a
reject.", "done for", "ain't no good to nobody", "got a burr on it"), a reason after a disposal ("it got
contaminated", "it's been sitting there all morning", "left over from yesterday's run"), Texan ("haul it on over
to", "partner", "critter", "yeller", "mosey"), closings ("Bye bye robot!", "ta"), "ugh fine.", colours said as
"plum-coloured", a stretched "pleeeease", typos ("cna", "thnaks"). Each beside its negated, questioned, reported or
near-miss variants, which must never run."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, refused, scene, steps

from policies.planner import Clarification
from policies.planner.dialect import in_standard_english
from policies.planner.planner import make_planner

S3 = scene("red", "blue", "green")
RYB = scene("red", "yellow", "blue")
POG = scene("purple", "orange", "green")
HOME = ["go_home()"]


# ------------------------------------------------------------- Yorkshire
@pytest.mark.parametrize(("text", "want"), [
    ("Now then, pop t' red 'un on top o' t' blue 'un for us.", mv("red", "blue")),
    ("Shift t' green 'un ovver to t' left, and t' blue 'un to t' right.", mv("green", "left") + mv("blue", "right")),
    ("Put t' red 'un in t' bin, then tha can go 'ome, lad.", mv("red", "bin") + HOME),
    ("Pop the green 'un on top of the blue 'un, cheers.", mv("green", "blue")),
    ("Stick the red 'un in t' bin, ta.", mv("red", "bin")),
])
def test_yorkshire_requests(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_yorkshire_bar_is_except() -> None:
    assert steps("Bin t' lot bar t' red 'un.", RYB) == mv("yellow", "bin") + mv("blue", "bin")
    assert steps("Bin t' lot bar t' red 'un and t' blue 'un.", RYB) == mv("yellow", "bin")
    assert steps("Bin everything bar the red one.", RYB) == mv("yellow", "bin") + mv("blue", "bin")


def test_yorkshire_the_block_still_asks_which() -> None:
    result = make_planner("parser").plan("Now then, put t' block on t' yellow 'un.", RYB)
    assert isinstance(result, Clarification)
    assert set(result.candidates) == {"red_cube", "blue_cube"}


@pytest.mark.parametrize("text", [
    "Don't put t' red 'un in t' bin.",
    "Did tha put t' red 'un in t' bin?",
    "Put nowt in t' bin.",
    "Put t' red 'un in t' bin? Nay, leave it.",
    "Put t' red 'un in t' bin, then tha can't go 'ome, lad.",
    "Don't bin t' lot bar t' red 'un.",
    "Bin t' lot bar none.",
    "Put the bar in the bin.",
    "Now then, don't pop t' red 'un on top o' t' blue 'un.",
    "Now then, did you pop the red one on the blue one for us?",
    "Put the 'un' in the bin.",
])
def test_yorkshire_negations_questions_and_near_misses_refuse(text: str) -> None:
    refused(text, S3)


def test_yorkshire_only_where_t_or_un_marks_it() -> None:
    assert in_standard_english("Tha put the red cube in the bin.") == "Tha put the red cube in the bin."
    assert "the red one" in in_standard_english("put t' red 'un in t' bin")


# ------------------------------------------------------------- a verdict on the cube before its disposal
@pytest.mark.parametrize(("text", "colour"), [
    ("Purple's a reject. Scrap it.", "purple"),
    ("Right, that orange one's done for, mate. Stick it in the rubbish, would ya?", "orange"),
    ("That purple critter ain't no good to nobody. Haul it on over to the trash can, partner.", "purple"),
    ("The green cube's had it. Bin it.", "green"),
])
def test_a_verdict_before_a_disposal(text: str, colour: str) -> None:
    assert steps(text, POG) == mv(colour, "bin")


def test_a_verdict_on_that_block_asks_which() -> None:
    result = make_planner("parser").plan("That block's got a burr on it, love. Stick it in t' bin.", RYB)
    assert isinstance(result, Clarification)


@pytest.mark.parametrize("text", [
    "Purple's a reject. Don't scrap it.",
    "Purple's a reject. Put it on the pad.",
    "Purple's not a reject. Scrap it.",
    "Purple's a reject? Scrap it.",
    "Is purple a reject? Scrap it.",
    "That orange one's done for. Put the green one in the bin.",
    "That orange one's done for? Stick it in the rubbish.",
    "The arm's done for. Stick it in the rubbish.",
    "That orange one's not done for. Stick it in the rubbish.",
    "That purple critter ain't no good to nobody. Haul it on over to the pad.",
    "That purple critter ain't no good to nobody. Don't haul it on over to the trash can, partner.",
    "That purple critter is good. Haul it on over to the trash can, partner.",
    "Don't haul the purple one on over to the trash can, partner.",
    "Purple's a reject.",
])
def test_a_verdict_never_hides_a_negation_question_or_other_place(text: str) -> None:
    refused(text, POG)


def test_texan_forms() -> None:
    assert steps("Haul the purple critter on over to the pad.", POG) == mv("purple", "pad")
    assert steps("Mosey that orange block on over to the right-hand side, will ya.", POG) == mv("orange", "right")
    assert steps("Haul that yeller cube over to the trash can and drop it in there, would ya?",
                 scene("yellow", "green")) == mv("yellow", "bin")


# ------------------------------------------------------------- a reason after a disposal
@pytest.mark.parametrize("text", [
    "can you get rid of the green one? it's been sitting there all morning",
    "bin the green one pls, it got contaminated",
    "Could you grab the green cube and pop it in the bin for me? It's left over from yesterday's run. Thanks a lot!",
    "Morning! Hope the calibration went okay overnight. When you get a sec, could you grab the green cube and pop it "
    "in the bin for me? It's left over from yesterday's run. Thanks a lot!",
])
def test_a_reason_after_a_disposal(text: str) -> None:
    assert steps(text, S3) == mv("green", "bin")


@pytest.mark.parametrize("text", [
    "Put the green one on the pad, it got contaminated.",
    "Don't bin the green one, it got contaminated.",
    "bin the green one, the blue one got contaminated.",
    "bin the green one, it got contaminated. Wait.",
    "can you get rid of the green one? it's been sitting there all morning. Don't.",
    "you got rid of the green one. it's been sitting there all morning",
    "put the green one on the pad, it's been sitting there all morning",
    "Could you grab the green cube and put it on the pad? It's left over from yesterday's run.",
])
def test_a_reason_elsewhere_stays_unread(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- closings, openers, colours, typos
@pytest.mark.parametrize(("text", "want"), [
    ("Robot, go home now! Bye bye robot!", HOME),
    ("ugh fine. stack red on blue", mv("red", "blue")),
    ("can the blue one go on the pad?? pleeeease", mv("blue", "pad")),
    ("cna you mvoe the green cube to the rigth side", mv("green", "right")),
    ("put red cub in the bin thnaks", mv("red", "bin")),
    ("Anyway, be a diamond and put the blue one on top of the green one for us, yeah?", mv("blue", "green")),
    ("Set the red cube down on the target pad, we're starting the calibration run.", mv("red", "pad")),
])
def test_closings_openers_and_typos(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Robot, don't go home now! Bye bye robot!",
    "Bye bye robot!",
    "ugh fine. don't stack red on blue",
    "Fine, I'll stack red on blue.",
    "Not fine. Stack red on blue.",
    "Ugh, fine. You stacked red on blue.",
    "pleeeease don't put the blue one on the pad",
    "cna you not mvoe the green cube to the rigth side",
    "Don't set the red cube down on the target pad, we're starting the calibration run.",
    "We're starting the calibration run.",
    "Set the red cube down on the target pad, we're starting the dry run.",
])
def test_closings_and_openers_never_hide_a_negation(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Would you, kindly, set the plum-coloured cube upon the tangerine one?", mv("purple", "orange")),
    ("Put the grass-coloured cube in the bin.", mv("green", "bin")),
])
def test_a_colour_said_as_coloured(text: str, want: list[str]) -> None:
    assert steps(text, POG) == want


def test_a_coloured_cube_absent_from_the_scene_is_refused() -> None:
    refused("Put the sky-coloured cube in the bin.", POG)
    refused("Put the lemon-bright cube in the bin.", POG)


# ------------------------------------------------------------- pushes said as a shove, chat around a request
def test_a_shove_given_is_a_push() -> None:
    assert steps("Give that blue cube a shove to your right, nice and gentle now.", S3) == ["push(object=blue_cube, "
                                                                                           "direction=right)"]
    assert steps("Push the blue cube to the right, slide it along the table, no lifting.", S3) == [
        "push(object=blue_cube, direction=right)"]


@pytest.mark.parametrize("text", [
    "Don't give that blue cube a shove to your right, nice and gentle now.",
    "Did you give that blue cube a shove to your right?",
    "Give that blue cube a shove.",
    "Give me that blue cube.",
    "Give that blue cube a shove to the bin.",
    "I gave that blue cube a shove to the right.",
    "Push the blue cube to the right, slide it along the table, no lifting. Actually no.",
    "Put the blue cube on the pad, no lifting.",
    "Push the blue cube to the right, slide it along the table to the bin.",
    "Push the blue cube to the right, don't slide it along the table.",
])
def test_a_shove_never_hides_a_negation_or_a_place(text: str) -> None:
    refused(text, S3)


def test_a_tag_before_the_next_step() -> None:
    text = ("Shift the red one over to the left side, yeah? Then stick the green on the blue. Then nudge the yellow "
            "one forward, away from ya.")
    assert steps(text, scene("red", "blue", "green", "yellow")) == mv("red", "left") + mv("green", "blue") + [
        "push(object=yellow_cube, direction=forward)"]


@pytest.mark.parametrize("text", [
    "You shifted the red one over to the left side, yeah? Then stick the green on the blue.",
    "Shift the red one over to the left side, yeah? Then don't stick the green on the blue.",
    "The red one's over on the left side, yeah? Then stick the green on the blue.",
    "Don't shift the red one over to the left side, yeah? Then stick the green on the blue.",
])
def test_a_tag_after_a_report_or_a_negation_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Oh wow, this is so cool, my daughter's been going on about robots all week. Could you maybe pick up the red "
     "cube and put it on that pad there? She'd love that.", mv("red", "pad")),
    ("Morning! Long night, coffee hasn't kicked in yet... could you just pop the red cube onto the pad for me? "
     "Cheers.", mv("red", "pad")),
    ("Oh wow, I've never seen one of these up close! My nephew builds robots at school, he'd love this. Could you "
     "pick up the red cube for me and set it on the pad? The one I'm pointing at!", mv("red", "pad")),
    ("Next sample is the red cube, please set it down on the target so the camera can see it.", mv("red", "pad")),
])
def test_chat_around_a_request(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_that_block_pointed_at_still_asks_which() -> None:
    result = make_planner("parser").plan(
        "Oh wow, I've never seen one of these up close! My nephew builds robots at school, he'd love this. Could you "
        "pick up that block for me and set it on the pad? The one I'm pointing at!", S3)
    assert isinstance(result, Clarification)


@pytest.mark.parametrize("text", [
    "Oh wow, this is so cool, my daughter's been going on about robots all week. Could you maybe not pick up the red "
    "cube? She'd love that.",
    "Oh wow, this is so cool, my daughter's been going on about robots all week.",
    "Could you maybe pick up the red cube and put it on that pad there? She'd hate that.",
    "My daughter's been going on about the red cube all week. Put it on the pad.",
    "This is so cool, don't put the red cube on the pad.",
    "Morning! Long night, coffee hasn't kicked in yet... don't pop the red cube onto the pad.",
    "Coffee hasn't kicked in yet... so I won't pop the red cube onto the pad.",
    "The gripper hasn't kicked in yet... could you just pop the red cube onto the pad?",
    "I've never seen one of these up close. Don't pick up the red cube.",
    "Could you pick up that block for me and set it on the pad? Not the one I'm pointing at!",
    "Put the one I'm pointing at on the pad.",
    "My nephew builds robots at school, he'd love this. He's reaching in. Put the red cube on the pad.",
    "Next sample is the red cube, don't set it down on the target.",
    "Next sample is the red cube.",
    "Next sample is the red cube, please set it down on the target so the camera can't see it.",
    "Please set the red cube down on the target so the camera can see the green cube.",
    "Next sample was the red cube, please set it down on the target.",
])
def test_chat_never_hides_a_negation_a_person_or_another_cube(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- Singlish; going home for a person's hands
def test_singlish_requests() -> None:
    assert steps("Eh, the red one ah, you put on the pad can? Thanks ah.", S3) == mv("red", "pad")
    assert steps("Put the red one on the pad, can?", S3) == mv("red", "pad")
    assert steps("First you take the blue one put inside the bin, then the red one put on top of the green one, after "
                 "that go home lor.", S3) == mv("blue", "bin") + mv("red", "green") + HOME
    assert steps("Can help me stack one tower? From the top going down: red, blue, then green at the bottom.",
                 S3) == mv("blue", "green") + mv("red", "blue")


@pytest.mark.parametrize("text", [
    "Eh, the red one ah, you don't put on the pad can? Thanks ah.",
    "Eh, the red one ah, you put on the pad meh?",
    "The red one, you put on the pad?",
    "You put the red one on the pad already lah.",
    "Don't put the red one on the pad lah.",
    "Eh, the red one ah, I put on the pad can?",
    "First you take the blue one put inside the bin, then the red one don't put on top of the green one lor.",
    "You took the blue one put inside the bin lor.",
    "Can help me not stack one tower?",
])
def test_singlish_negations_questions_and_reports_refuse(text: str) -> None:
    refused(text, S3)


def test_going_home_so_a_person_can_reach_in() -> None:
    assert steps("Go to your home position now please, I need to reach in and swap the cubes.", S3) == HOME


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, I need to reach in and swap the cubes.",
    "Go home, then put the red cube in the bin, I need to reach in.",
    "Go to your home position now please, I need to reach in. Then put the red cube in the bin.",
    "Don't go home, I need to reach in.",
])
def test_a_person_reaching_in_beside_any_other_step_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s13 H42: a take-back idiom after a placement
@pytest.mark.parametrize("text", [
    "Put the red cube on the pad. Scrap it.",
    "Put the red cube on the pad. Ditch it.",
    "Put the red cube on the pad. Just scrap it.",
    "Put the red cube on the pad. Toss that.",
    "Put the red cube on the pad. Chuck that.",
    "Stack the red cube on the blue cube. Scrap it.",
    "Put the red cube in the bin. Scrap it.",
])
def test_scrap_it_after_a_placement_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Grab the red cube and ditch it.", mv("red", "bin")),
    ("Pick up the red cube and toss it in the bin.", mv("red", "bin")),
    ("Put the red cube on the pad, then toss the blue one.", mv("red", "pad") + mv("blue", "bin")),
    ("The red one's a reject. Scrap it.", mv("red", "bin")),
])
def test_a_disposal_idiom_with_no_placement_before_it(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s13 H45: a statement after an order word, asked
@pytest.mark.parametrize("text", [
    "Move the red cube onto the pad. After that the blue one goes in the bin?",
    "Move the red cube onto the pad. Then the blue one goes in the bin?",
    "First, move the red cube onto the pad. After that the blue one goes in the bin?",
    "Move the red cube onto the pad. Next, the blue one goes in the bin?!",
])
def test_a_statement_after_an_order_word_asked_is_a_question(text: str) -> None:
    refused(text, S3)


def test_a_rising_request_after_an_order_word_still_plans() -> None:
    assert steps("Move the red cube onto the pad. Then put the blue one in the bin?", S3) == mv("red", "pad") + mv(
        "blue", "bin")
    assert steps("Move the red cube onto the pad. After that the blue one goes in the bin.", S3) == mv("red", "pad") + \
        mv("blue", "bin")


def test_that_before_bin_the_verb_is_still_before_that() -> None:
    assert steps("put red on blue. before that bin the green cube", S3) == mv("green", "bin") + mv("red", "blue")


# ------------------------------------------------------------- a learner's object first after "then"; "come back home"
@pytest.mark.parametrize("text", [
    "First put the green cube in the bin, then the blue cube you put on the pad fell over.",
    "First put the green cube in the bin, then the blue cube you don't put on the pad.",
    "Then the blue cube you put on the pad.",
    "The blue cube you put on the pad.",
    "First put the green cube in the bin, then the blue cube you put on the pad?",
    "Put the green cube in the bin. Then the blue cube you put on the pad, I think it was.",
    "Don't come back home.",
    "I'll come back home.",
])
def test_object_first_or_come_home_never_hides_a_report_or_negation(text: str) -> None:
    refused(text, S3)


def test_come_back_home_is_going_home() -> None:
    assert steps("Come back home.", S3) == HOME
    assert steps("Put the green cube in the bin and come back to your home position.", S3) == mv("green", "bin") + HOME


# ------------------------------------------------------------- South African and Australian forms (seen fi32)
FOUR = scene("yellow", "purple", "blue", "green")


@pytest.mark.parametrize(("text", "want"), [
    ("Can you put the yellow block on top of the purple one, ja? Lekker.", mv("yellow", "purple")),
    ("Ja, put the yellow block on top of the purple one.", mv("yellow", "purple")),
    ("Righto mate, that yellow one's had it. Bin it for us, would ya?", mv("yellow", "bin")),
    ("Ja, that green block is rubbish now, pop it in the dustbin just now, machine.", mv("green", "bin")),
    ("Don't touch the yellow block, né, just put the blue one on the green one.", mv("blue", "green")),
    ("Howzit! Shame, you've been working so hard today, hey. Listen, if it's not too much trouble, pop the blue block "
     "in the bin for me now now. Thanks, hey.", mv("blue", "bin")),
    ("G'day mate, hope you're going alright, bit of a scorcher today eh. Anyway, when you get a sec, could ya pop the "
     "blue one on top of the green one? Cheers, you're a legend.", mv("blue", "green")),
    ("Okay machine, that's enough for today. Go back to your home spot.", HOME),
    ("put the yellow on the pad and then go home, I need to leave", mv("yellow", "pad") + HOME),
    ("pls just get the blue cube onto the target pad, i need to see it work before my exam", mv("blue", "pad")),
])
def test_south_african_and_australian_forms(text: str, want: list[str]) -> None:
    assert steps(text, FOUR) == want


@pytest.mark.parametrize("text", [
    "Don't put the yellow block on top of the purple one, ja? Lekker.",
    "You put the yellow block on top of the purple one, ja?",
    "The yellow block is on top of the purple one, ja?",
    "Ja, don't put the yellow block on top of the purple one.",
    "go home, I need to leave the yellow on the pad",
    "put the yellow on the pad, I need to leave",
    "don't go home, I need to leave",
    "pls just get the blue cube onto the target pad, i need to see it fail",
    "i need to see it work before my exam",
    "Howzit! Shame, you've been working so hard today, hey. Listen, don't pop the blue block in the bin now now.",
    "Shame, the blue block is broken. Pop it in the bin.",
    "Listen, you popped the blue block in the bin.",
    "Bit of a scorcher today eh, the blue one's melting. Pop it on the green one.",
    "Okay machine, that's enough for today. Don't go back to your home spot.",
    "Righto mate, that yellow one's had it. Don't bin it for us.",
    "Righto mate, that yellow one's not had it. Bin it for us, would ya?",
    "Ja, that green block is rubbish now, pop it in the dustbin just now? No.",
    "Don't touch the yellow block, né, just don't put the blue one on the green one.",
    "Touch the yellow block, né?",
])
def test_south_african_and_australian_near_misses_refuse(text: str) -> None:
    refused(text, FOUR)


# ------------------------------------------------------------- a technician's register (seen fi32)
S5 = scene("red", "blue", "green", "yellow", "purple")


@pytest.mark.parametrize(("text", "want"), [
    ("Execute a grasp on the red cube and place it atop the blue cube.", mv("red", "blue")),
    ("Execute a pushing primitive on the red cube toward the robot base, i.e. in the negative x direction.",
     ["push(object=red_cube, direction=backward)"]),
    ("Execute a pick-and-place with the red cube as the target object and the pad as the goal region.",
     mv("red", "pad")),
    ("Actuate a disposal: grasp the red cube with the gripper and deposit it in the bin region.", mv("red", "bin")),
    ("Transport the blue cube to the left region of the workspace and the red cube to the right region.",
     mv("blue", "left") + mv("red", "right")),
    ("Execute these in sequence: pick the purple cube and place it on the pad, then actuate a push of the red cube in "
     "the forward direction, then return the end-effector to its home position.",
     [*mv("purple", "pad"), "push(object=red_cube, direction=forward)", *HOME]),
])
def test_technical_register(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Don't execute a grasp on the red cube.",
    "Execute a pushing primitive on the red cube toward the robot base, i.e. in the positive x direction.",
    "Execute a pushing primitive on the red cube forward, i.e. in the negative x direction.",
    "Execute a pick-and-place with the red cube as the goal object and the pad as the target region.",
    "Do not execute a pick-and-place with the red cube as the target object and the pad as the goal region.",
    "Actuate a disposal: grasp the red cube with the gripper and deposit it on the pad.",
    "Actuate a disposal: don't grasp the red cube with the gripper.",
    "Don't transport the blue cube to the left region of the workspace.",
    "I executed a grasp on the red cube and placed it atop the blue cube.",
    "Did you execute a grasp on the red cube?",
])
def test_technical_register_near_misses_refuse(text: str) -> None:
    refused(text, S5)


# ------------------------------------------------------------- A1 s13 H48, and the H42 / H45 residue
@pytest.mark.parametrize("text", [
    "You put the red cube in the bin just now.",
    "You just now put the red cube in the bin.",
    "So you put the red cube in the bin just now.",
    "Hey, you put the red cube in the bin just now!",
    "You put the red cube in the bin just now, thanks.",
    "Red on the pad. Scrap it.",
    "Red cube to the pad. Ditch it.",
    "The red cube goes on the pad. Scrap it.",
    "I want the red cube on the pad. Scrap it.",
    "Get the red cube on the pad. Scrap it.",
    "Lift the red cube onto the pad. Scrap it.",
    "Could you get the red cube onto the pad? Scrap it.",
    "Put the red cube on the pad. Throw that out.",
    "Put the red cube on the pad. Throw that away.",
    "Move the red cube onto the pad. Afterward the blue one goes in the bin?",
    "Move the red cube onto the pad. After which the blue one goes in the bin?",
    "Move the red cube onto the pad and then the blue one goes in the bin?",
    "Move the red cube onto the pad. After that you put the blue one in the bin?",
    "Move the red cube onto the pad. After that all the others go in the bin?",
])
def test_reports_take_backs_and_asked_statements_refuse(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin just now, thanks.", mv("red", "bin")),
    ("Pick up the red cube and throw it away.", mv("red", "bin")),
    ("Move the red cube onto the pad and then put the blue one in the bin?", mv("red", "pad") + mv("blue", "bin")),
    ("Move the red cube onto the pad. After that, could you put the blue one in the bin?",
     mv("red", "pad") + mv("blue", "bin")),
])
def test_requests_beside_those_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s13 H49: a question behind an opener
@pytest.mark.parametrize("text", [
    "Listen, you put the red cube in the bin?",
    "Listen, you take the red cube to the bin?",
    "First thing, you put the red cube in the bin?",
    "Mate, you put the red cube in the bin?",
    "Hello, you put everything in the bin?",
    "Sorry, you stack the red cube on the blue cube?",
    "After that, you put the red cube in the bin, yeah?",
    "Like, everything in the bin?",
    "So, the red cube in the bin?",
])
def test_a_question_behind_an_opener_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", [
    "Listen, put the red cube in the bin?",
    "Listen, could you put the red cube in the bin?",
    "Mate, pop the red cube in the bin?",
    "Hey, put the red cube in the bin.",
])
def test_a_request_behind_an_opener_plans(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


# ---------------------------------------------------------- A1 s13 H51: a confirmation tag after a verbless statement
@pytest.mark.parametrize("text", [
    "Everything in the bin, ok?",
    "Everything in the bin, yes?",
    "All of them in the bin, yeah?",
    "The red cube in the bin, yeah?",
    "The red cube on the pad, ok?",
    "Back home, yeah?",
    "Tower: red bottom, blue middle, green top, right?",
    "A tower with red at the bottom, blue in the middle and green on top, yeah?",
])
def test_a_tagged_statement_asks(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Put red in the bin, ok?", mv("red", "bin")),
    ("Shift the red one over to the left side, yeah?", mv("red", "left")),
    ("Go home, ok?", HOME),
    ("Can you put the red cube on the pad, ok?", mv("red", "pad")),
    ("Push the red cube left, yeah?", ["push(object=red_cube, direction=left)"]),
])
def test_a_tagged_request_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s13 H48/H49: "you <verb> ... again" reports
@pytest.mark.parametrize("text", [
    "Howzit! You put the red cube in the bin again.",
    "Listen, you put the red cube in the bin again.",
    "Ugh, fine. You put the red cube in the bin again.",
    "You put the red cube in the bin again.",
])
def test_you_did_it_again_reports(text: str) -> None:
    refused(text, S3)


def test_asked_again_still_plans() -> None:
    assert steps("Could you put the red cube in the bin again?", S3) == mv("red", "bin")
