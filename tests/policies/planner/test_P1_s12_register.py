"""Persona forms and register around a request (register.py, dialect.py, phrasing.py; the s12 dev split's P1
classes): Filipino "po", Nigerian Pidgin ("abeg", "carry X go", "put am for"), New York ("toppa", "wouldja", "ay
pal", "lemme see ya"), Scots ("jist", "noo", "-in'", "dinnae fash wi'", "that's you done"), reasons a prohibition
keeps, closings, a question pointing at a cube, telegraphic requests, a list's next item in the future. Each family
beside its negated, reordered, questioned or near-miss variants, which must never run."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, refused, scene, steps

from policies.planner import Plan
from policies.planner.dialect import in_standard_english
from policies.planner.planner import make_planner
from policies.planner.scene_state import SceneState

S3 = scene("red", "blue", "green")
HOME = ["go_home()"]


def stacked(top: str, bottom: str, other: str) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{bottom}_cube", "kind": "cube", "color": bottom, "position": [0.5, -0.05, 0.022]},
        {"name": f"{top}_cube", "kind": "cube", "color": top, "position": [0.5, -0.05, 0.066]},
        {"name": f"{other}_cube", "kind": "cube", "color": other, "position": [0.4, 0.15, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]})


# ------------------------------------------------------------- Filipino English "po"
@pytest.mark.parametrize("colour", ["red", "blue", "green"])
@pytest.mark.parametrize("text", [
    "Hello po! Kindly transfer the {c} cube onto the pad. Thank you so much for your assistance.",
    "Can I request po that you transfer the {c} cube to the pad? Thank you.",
    "Good afternoon po! Thank you for waiting. For today, I'd like to request that the {c} cube be placed on the pad.",
    "Please put the {c} cube on the pad po.",
])
def test_po_is_a_particle_of_respect(text: str, colour: str) -> None:
    assert steps(text.format(c=colour), S3) == mv(colour, "pad")


@pytest.mark.parametrize("text", [
    "Hello po! Kindly don't transfer the red cube onto the pad.",
    "Can I request po that you not transfer the red cube to the pad?",
    "Hello po! Did you transfer the red cube onto the pad?",
    "Po, the red cube is on the pad. Thank you for waiting.",
    "For today, I'd like to request that the red cube be placed on the pad, but not yet po.",
    "For today, the red cube on the pad po.",
    "Tomorrow po, I'd like to request that the red cube be placed on the pad.",
])
def test_po_never_hides_a_negation_question_report_or_time(text: str) -> None:
    refused(text, S3)


def test_thanks_po_before_going_home_is_going_home() -> None:
    assert steps("Thank you so much for your help po. Kindly return to your resting position now.", S3) == HOME


def test_a_closing_thanks_leaves_no_break_after_finally() -> None:
    assert steps("Put the red cube in the bin and finally go home. Thank you!", S3) == mv("red", "bin") + HOME
    assert steps("Good day po. First, kindly place the green cube on the right side. After that, the red cube will "
                 "go to the bin. And lastly please return to your home position. Thank you!", S3) == \
        mv("green", "right") + mv("red", "bin") + HOME


@pytest.mark.parametrize("text", [
    "The red cube will go to the bin.",  # a forecast alone, no list
    "Put blue on the pad, or the red cube will go to the bin.",
    "If you push it, the red cube will go to the bin.",
    "Put blue on the pad. After that, the red cube will not go to the bin.",
    "Put blue on the pad. After that, the red cube will go to the bin by itself.",
])
def test_a_future_go_outside_a_list_or_negated_is_not_a_request(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- Nigerian Pidgin
@pytest.mark.parametrize(("text", "want"), [
    ("Abeg, carry the blue block go put am for the pad.", mv("blue", "pad")),
    ("Abeg, carry the green block go put am for the bin.", mv("green", "bin")),
    ("Oya, first carry the red cube go the left side, after that put the blue one for the pad.",
     mv("red", "left") + mv("blue", "pad")),
    ("Good morning my friend, how body? I hope say you rest well. When you get chance, help me put the red cube on "
     "top of the blue one, God bless you.", mv("red", "blue")),
    ("Abeg carry the red cube comot, put am for the right side.", mv("red", "right")),
])
def test_pidgin_requests(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Abeg no put am for the bin.",
    "Abeg, no carry the red cube go the bin.",
    "Abeg, make you no carry the red block go put am for the pad.",
    "Abeg, you don carry the red block go put am for the pad?",
    "Oya, carry the red cube go the left side? I dey joke.",
    "Abeg carry the red cube go put am for the pad, no wait, leave am.",
    "Abeg help me put the red cube for my hand.",
    "Abeg, the red cube dey for the pad.",
])
def test_pidgin_negations_questions_and_reports_refuse(text: str) -> None:
    refused(text, S3)


def test_pidgin_only_where_a_pidgin_word_marks_it() -> None:
    # "go" and "for" in plain English are left as they are
    plain = "Put the red cube in the bin for the demo."
    assert in_standard_english(plain) == plain
    assert "on the pad" in in_standard_english("abeg put am for the pad")


def test_pidgin_that_cube_still_asks_which() -> None:
    result = make_planner("parser").plan("Abeg carry that cube comot, put am for the right side.", S3)
    assert not isinstance(result, Plan)


# ------------------------------------------------------------- New York
@pytest.mark.parametrize("colour", ["red", "green"])
def test_new_york_forms(colour: str) -> None:
    assert steps(f"Lemme see ya plant the {colour} one right on toppa the blue one, chief.", S3) == mv(colour, "blue")
    assert steps(f"Ay pal, that {colour} cube's garbage. Stick it in the trash, wouldja?", S3) == mv(colour, "bin")


@pytest.mark.parametrize("text", [
    "Don't let me see ya plant the red one on toppa the blue one.",
    "Lemme see ya not plant the red one on toppa the blue one.",
    "Ay pal, that red cube's garbage. Don't stick it in the trash, wouldja?",
    "Ay pal, that red cube's garbage. Did you stick it in the trash?",
    "I planted the red one on toppa the blue one.",
    "Move the red one right, on toppa nothing.",
])
def test_new_york_negations_and_reports_refuse(text: str) -> None:
    refused(text, S3)


def test_right_before_a_place_preposition_is_no_side() -> None:
    assert steps("Put the red one right on top of the blue one.", S3) == mv("red", "blue")
    assert steps("Put the red one right into the bin.", S3) == mv("red", "bin")
    # a side stays a side
    assert steps("Put the red one on the right side.", S3) == mv("red", "right")


# ------------------------------------------------------------- Scots
def test_scots_forms() -> None:
    assert steps("Och, that red yin's jist clutterin' the place up, hen. Pit it in the bin, would ye?", S3) == \
        mv("red", "bin")
    assert steps("Dinnae fash wi' the green yin, jist pit the red on tap o' the blue.", S3) == mv("red", "blue")
    assert steps("That's you done, pet. Awa' back tae yer restin' spot noo.", S3) == HOME


@pytest.mark.parametrize("text", [
    "Och, that red yin's jist clutterin' the place up, hen. Dinnae pit it in the bin.",
    "Dinnae fash wi' the green yin, jist pit the green on tap o' the blue.",  # the kept cube moved
    "Dinnae pit the red on tap o' the blue, jist leave it.",
    "That's you done, pet? Awa' back tae yer restin' spot noo.",
    "Och, that red yin's jist clutterin' the place up. Pit it on the pad an' the green yin's clutterin' it.",
])
def test_scots_negations_questions_refuse(text: str) -> None:
    refused(text, S3)


def test_dinnae_fash_keeps_its_cube_still() -> None:
    result = make_planner("parser").plan("Dinnae fash wi' the green yin, jist pit the green on the pad.", S3)
    assert not isinstance(result, Plan)


# ------------------------------------------------------------- reasons a prohibition keeps
@pytest.mark.parametrize(("text", "want"), [
    ("don't move the blue one, chat made it the mascot. green cube to the left side tho", mv("green", "left")),
    ("Please don't move the green one, it's our calibration reference. I just need the red cube on the right side.",
     mv("red", "right")),
    ("Whatever you do, do NOT lay a finger on the red cube, it's been through a lot. Just stick the green one in "
     "the bin.", mv("green", "bin")),
])
def test_a_reason_for_a_prohibition_is_dropped(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    # the kept cube acted on, or "it" after the reason
    "don't move the blue one, chat made it the mascot. put it on the pad",
    "don't move the blue one, it's our calibration reference, put it in the bin",
    "don't move the blue one, chat made it the mascot. blue cube to the left side tho",
    "Please don't move the green one, it's our calibration reference. I just need the green cube on the right side.",
    # the finger idiom only negated and of a cube alone
    "Lay a finger on the red cube.",
    "don't lay a finger on the red cube and put the blue one in the bin",
    "Don't lay a finger on the red cube, my finger is under it. Put the green one in the bin.",
    "Don't lay a finger on the red cube with your finger, put blue in the bin",
    # a reason with something else in it
    "don't move the blue one, chat made it the mascot, stop. green cube to the left side",
    "Green cube to the left side. Not the left side tho.",
])
def test_a_prohibition_reason_near_miss_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- asides and closings after a request
@pytest.mark.parametrize(("text", "want"), [
    ("step one: red cube to the left side. step two: green cube on top of the red. then go home, gg",
     mv("red", "left") + mv("green", "red") + HOME),
    ("could you shift the red one to the left side, it's blocking the camera on the right", mv("red", "left")),
    ("can you balance the red cube on the blue one? want to see if the grip is precise enough", mv("red", "blue")),
    ("Can you get rid of the red one for me? Bin's fine.", mv("red", "bin")),
    ("hey! so i'm setting up for the demo later and honestly the table's a mess, could you maybe grab the green cube "
     "and put it on the pad? thanks a bunch", mv("green", "pad")),
    ("Let the green cube come to rest upon the pad; that, I submit, is where it belongs.", mv("green", "pad")),
    ("put the blue cube on the pad, chat is betting on this", mv("blue", "pad")),
])
def test_an_aside_or_closing_around_a_request_is_dropped(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "could you shift the red one to the left side, it's blocking my hand on the right",
    "could you shift the red one to the left side, it's not blocking the camera",
    "could you shift the red one to the left side? it's blocking the camera, if it moves",
    "can you balance the red cube on the blue one? want to see if the blue one is on the pad",
    "can you balance the red cube on the blue one? want to see if you refuse",
    "Can you get rid of the red one for me? Bin's full.",
    "Put the red one on the pad. Bin's fine.",
    "Can you get rid of the red one for me? Bin's fine? Not yet.",
    "Let the green cube come to rest upon the pad; that, I submit, is where it does not belong.",
    "Don't let the green cube come to rest upon the pad.",
    "Let the green cube come to rest upon the pad; that, I submit, is where it belongs, but not yet.",
    "put the blue cube on the pad, chat is betting on this failing",
    "chat is betting on this, the blue cube on the pad",
    "i'm setting up for the demo later, put the green cube on the pad later",
    "so i'm setting up for the demo later and then put the green cube on the pad",
    "the red cube, the blue cube, then go home, gg",
])
def test_an_aside_near_miss_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a question pointing at a cube, then a request of it
def test_a_pointing_question_then_that_one() -> None:
    state = stacked("blue", "green", "red")
    assert steps("See the one sittin' on toppa the green one? Move that one over to the right side.", state) == \
        mv("blue", "right")
    assert steps("See the red one? Move that one to the bin.", state) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "See the red one? Don't move that one.",
    "Did you see the red one? Move that one to the bin.",
    "See the one not on the green one? Move that one to the pad.",
    "See the red one? Move the blue one to the bin.",
    "I see the red one. Move that one to the bin.",
    "See the red one? Move that one to the bin. Just kidding.",
])
def test_a_pointing_question_near_miss_refuses(text: str) -> None:
    refused(text, stacked("blue", "green", "red"))


# ------------------------------------------------------------- telegraphic
@pytest.mark.parametrize("colour", ["red", "blue", "green"])
def test_telegraphic_cube_verb_place(colour: str) -> None:
    assert steps(f"{colour.title()} cube. Discard. Bin.", S3) == mv(colour, "bin")
    assert steps(f"{colour.title()} cube. Move. Pad.", S3) == mv(colour, "pad")


@pytest.mark.parametrize("text", [
    "Red cube. Discard. Pad.", "Red cube. Don't. Bin.", "Red cube. Discard. Bin? No.", "Red cube. Discard.",
    "Red cube. Bin. Discard. Blue cube.", "Not the red cube. Discard. Bin.",
])
def test_telegraphic_near_miss_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- typos
def test_a_transposed_to_between_the_cube_and_its_place() -> None:
    assert steps("mvoe the grene cube ot the pad thx", S3) == mv("green", "pad")
    assert steps("grab the cube thats closests to u and put it in teh bin", scene("red", "blue")) == \
        steps("grab the cube closest to you and put it in the bin", scene("red", "blue"))


@pytest.mark.parametrize("text", [
    "Do ot put the red cube on the pad", "please ot move the red cube ot the pad",
    "move the red cube ot the pad, ot the bin", "you ot move the red cube to the pad",
])
def test_ot_after_a_verb_or_modal_stays_a_misspelt_not(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a streamer's chat
def test_chat_voted_then_the_go_ahead() -> None:
    result = make_planner("parser").plan("ok chat voted, the cube goes in the trash. do it bot", S3)
    assert not isinstance(result, Plan)  # which cube? (a clarification)
    assert steps("ok chat voted, the red cube goes in the trash. do it bot", S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "the red cube goes in the trash. don't do it", "the red cube goes in the trash. do it? no",
    "chat voted, don't put the red cube in the bin", "chat voted: put the red cube in the bin. do it later",
    "chat voted the red cube goes in the trash", "chat voted no. the red cube goes in the trash.",
])
def test_chat_near_misses_refuse(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a sailor's port, a prohibition said twice
def test_to_port_and_a_restated_prohibition() -> None:
    assert steps("Leave the blue cube be, she's not to be touched. Move the red one to port, your left, that is.",
                 S3) == mv("red", "left")


@pytest.mark.parametrize("text", [
    "Leave the blue cube be, she's not to be touched. Move the blue one to port.",
    "Put the blue cube be, she's not to be touched.",
    "Move the red one to port, your right.",
    "Move the red one to port of the bin.",
    "Leave the blue cube be, she's not to be touched. Move her to port.",
])
def test_port_and_restated_prohibition_near_misses_refuse(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a deadline elsewhere, the long day it makes
def test_a_deadline_aside_before_the_request_is_dropped() -> None:
    assert steps("Morning! Reviewers want new videos by Friday, so it's going to be a long one. Anyway, could you do "
                 "me a favour and put the green cube on the blue one? Cheers.", S3) == mv("green", "blue")


@pytest.mark.parametrize("text", [
    "Reviewers want the red cube in the bin by Friday. Put the green cube on the pad.",
    "Reviewers want new videos by Friday, so it's going to be a long one. Anyway, don't put the green cube on the pad.",
    "Reviewers want new videos of it by Friday. Put the green cube on the pad.",
    "Reviewers want new videos by Friday, so stop. Anyway, put the green cube on the pad.",
    "Reviewers want new videos by Friday, so it's going to be a long one, put it on the pad.",
    "It's going to be a long one, put the green cube on the pad and wait.",
])
def test_a_deadline_aside_near_miss_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s12 H36, H40 (findings against this work)
@pytest.mark.parametrize("text", [
    # H40: a future "will go" after an order word with no request before it, or hedged, or continued
    "Then the yellow cube will go to the bin.", "So then the yellow cube will go to the bin.",
    "And then the yellow cube will go to the bin.", "Then the yellow cube will go to the pad.",
    "Then the yellow cube will go to the bin, and then the red.",
    "Push the red cube left. After that, the yellow cube will go to the bin, I guess.",
    "Put blue on the pad. Then the yellow cube will go to the bin, and then the red.",
    # H36: "tho" after "you put ..." is a complaint or a report
    "You put the red cube in the bin though.", "you put the red cube in the bin tho",
    "you put the green cube to the left side tho", "You just put the red cube in the bin tho",
    "so you put the red cube in the bin tho", "don't move the blue one. you put the green cube to the left side tho",
    "Put the red cube in the bin tho.",
])
def test_a1_s12_h36_h40_refuse(text: str) -> None:
    refused(text, scene("red", "blue", "green", "yellow"))


@pytest.mark.parametrize("text", [
    # A1 s12 attack files b91, b94, b98, b99: near misses of these readings
    "grab the red cube and put it on the pad? chat is betting on this",
    "The orange cube. Bin. Bin.", "Orange cube. Move. Bin.",
    # ("Let the red cube rest on the pad." / "... on the blue one." plan since s21: P3's F-LET, put where it is not)
    "I hope say you rest well. You carry the red cube go the bin?", "Abeg, carry the red cube go.",
    "Och, that red yin's jist clutterin' the place up, hen. Pit it on the pad, would ye?",
    "The red cube is cluttering the place up. Put it on the pad.",
    "the table's a mess tomorrow, grab the green cube and put it on the pad then",
    "Wow, red cube in the bin tho", "Lol, red cube in the bin tho",
])
def test_a1_s12_attack_near_misses_refuse(text: str) -> None:
    refused(text, scene("red", "blue", "green", "yellow", "orange"))


def test_a_pointing_question_at_the_cube_it_rests_on_refuses() -> None:
    state = stacked("red", "blue", "green")
    refused("See the one on the blue one? Move that one onto the blue one.", state)


# ------------------------------------------------------------- Scots "the hale lot", "son"
def test_the_hale_lot_every_last_one() -> None:
    assert steps("Clear the hale lot intae the bin, son, every last one o' them.", S3) == \
        mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")


@pytest.mark.parametrize("text", [
    "Dinnae clear the hale lot intae the bin, son, every last one o' them.",
    "Clear the hale lot intae the bin, son, every last one o' them? Naw.",
    "Clear the hale lot intae the bin, son, but no the red yin.",
    "Clear the hale lot intae the bin, son, every last one o' them, an' then the red yin on the pad.",
])
def test_the_hale_lot_near_misses_refuse(text: str) -> None:
    refused(text, S3)
