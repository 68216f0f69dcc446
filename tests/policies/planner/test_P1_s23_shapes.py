"""P1, session 23: English shapes (issue 17), each a closed form with its twins.

- A verbless goal + "please" + "?" asks (REV s22 R13, one convention): "Red in the bin, please?" is refused as "Red in
  the bin?" and "Please, red in the bin?" are; "please" asked makes a request only of an order ("Put the red cube in
  the bin, please?"). No seen gold has the shape; French and German follow (P2).
- A note for information before a verbless goal ("Note: / Side note: / Quick note: everything in the bin.") says how
  the scene is, as "FYI:" and "Heads up:" (REV s22 R4) do; before an order it plans (seen f14-000, f25-031).
- A verbless goal closed by a yes, a laugh or a habit ("Red in the bin, yes.", ", ha.", ", as usual.") remarks that it
  is so, as the sixty other closings after a verbless goal do; after a verb or "please" the closing ends a request.
- A self-correction after a REGION with a cube said after it ("Red in the bin, no wait, blue."): is "blue" the cube or
  the new place? Refused in every form (a slot of the same kind is still read: f16-048..050).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan
from policies.planner.speech_act import speech_act_refusal

# ------------------------------------------------------------------------------------- please asked after no verb


@pytest.mark.parametrize("text", [
    "Red in the bin, please?",
    "Red in the bin please?",
    "The red cube in the bin, please?",
    "The red one in the bin, please?",
    "All the cubes in the bin, please?",
    "Everything in the bin, please?",
    "Red on blue, please?",
    "Red to the left, please?",
    "Red in the bin for me, please?",
    "Red in the bin, please? Thanks.",
    "Red in the bin, please??",
    "Red in the bin, pls?",
    "Please, red in the bin?",
    "Please, all the cubes in the bin?",
    "Red in the bin?",
])
def test_a_verbless_goal_with_please_asked_is_a_question(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", ["Home, please?", "Back home, please?"])
def test_home_with_please_asked_is_a_question(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, please?",
    "Bin the red cube, please?",
    "Could you put red in the bin, please?",
    "Red in the bin, please.",
    "Please, red in the bin.",
    "The red one in the bin, please!",
])
def test_an_order_with_please_asked_and_a_goal_with_please_said_plan(text: str) -> None:
    plans_as(text, mv("red", "bin"))


# -------------------------------------------------------------------------------------- a note before no verb


@pytest.mark.parametrize("text", [
    "Note: red in the bin.",
    "Note: everything in the bin.",
    "Quick note: everything in the bin.",
    "Side note: everything in the bin.",
    "Small note: red on blue.",
    "Notes: red in the bin, blue on the pad.",
    "Memo: red in the bin.",
    "Note - red in the bin.",
    "Safety note: red in the bin.",
    "Red in the bin. Note: blue on the pad.",
    "Just a note: home.",
])
def test_a_note_before_a_verbless_goal_says_how_the_scene_is(text: str) -> None:
    moves_nothing(text)


def test_a_note_before_an_order_plans() -> None:
    plans_as("Note: put the red cube in the bin.", mv("red", "bin"))
    plans_as("Side note: put everything in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin"))
    plans_as("Note: red in the bin, please.", mv("red", "bin"))
    plans_as("Shift note: the red cube's got a chipped corner, chuck it in the bin.", mv("red", "bin"))  # f14-000
    plans_as("Safety note: leave the blue cube alone. Push the red cube forward.",  # f25-031's shape
             ["push(object=red_cube, direction=forward)"])


# --------------------------------------------------------------------- a yes, a laugh or a habit after no verb


@pytest.mark.parametrize("text", [
    "Red in the bin, as usual.",
    "Red in the bin, as per usual.",
    "Red in the bin, ha.",
    "Red in the bin, haha.",
    "Red in the bin, lol.",
    "Red in the bin, yes.",
    "Red in the bin, yes!",
    "Red in the bin, yeah.",
    "Red in the bin, yep.",
    "Red on blue, yes.",
    "Red to the bin - yes.",
    "Everything in the bin, yes.",
    "Everything in the bin, haha!",
    "The leftmost cube in the bin, lol.",
    "Red in the bin and blue on the pad, ha.",
    "Okay, red in the bin, yes.",
    "Put blue on the pad. Red in the bin, yes.",
    "Back home, as usual.",
    "Home, yes.",
    # the closings that refused before (unread): still refused
    "Red in the bin, as always.",
    "Red in the bin, apparently.",
    "Red in the bin, oops.",
    "Red in the bin, yes?",
])
def test_a_yes_a_laugh_or_a_habit_after_a_verbless_goal_remarks(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, as usual.",
    "Put the red cube in the bin, yes.",
    "Put the red cube in the bin, ha.",
    "Put the red cube in the bin, haha.",
    "Red in the bin please, as usual.",
])
def test_the_same_closings_after_a_verb_or_please_plan(text: str) -> None:
    plans_as(text, mv("red", "bin"))


# ------------------------------------------------------------------------------ a slip of the place corrected


@pytest.mark.parametrize("text", [
    "Red in the bin, no wait, blue.",
    "Red in the bin, no wait, the blue one.",
    "Put the red cube in the bin, no wait, the blue one.",
    "Put the red cube in the bin, no wait, blue.",
    "Put the red cube in the bin, sorry, I mean the blue one.",
    "Put the red cube in the bin, I mean the blue one.",
    "Put the red cube in the bin, sorry, blue.",
    "Put the red cube in the bin - no, the blue one.",
    "Put the red cube in the bin, or rather the blue one.",
    "Put the red cube in the bin, actually the blue one.",
    "Put the red cube in the bin. No wait, the blue one.",
    "Put the red cube in the bin. Actually, blue.",
    "Put the red cube in the bin. Sorry, I meant blue.",
    "Put the red cube in the bin, oops, blue.",
    "Put the red cube in the bin, no, blue.",
    "Put the red cube in the bin... blue, I mean.",
    "Put the red cube in the bin, the blue one I mean.",
    "Put the red cube on the pad, no wait, the blue one.",
    "Red on the pad, sorry, blue.",
    "Push the red cube left, no wait, the blue one.",
    "Put the red cube in the bin, no wait, the blue one too.",
])
def test_a_cube_said_after_a_place_corrected_is_refused(text: str) -> None:
    moves_nothing(text)


def test_a_slot_corrected_by_one_of_its_kind_still_reads() -> None:
    plans_as("Put the red cube in the bin, no wait, the pad.", mv("red", "pad"))
    plans_as("Put the red cube on the green cube, no wait, the blue one.", mv("red", "blue"))
    plans_as("put the red no the blue cube in the bin", mv("blue", "bin"))  # f16-048's shape


# ------------------------------------------------------------------------ "let's have it <verb>": the request itself
# (dev fi68-048/067/077: a team lead's "let's have it / the robot <verb> ...", "let's have every cube go <place>")


@pytest.mark.parametrize("text", [
    "Let's have it put the red cube in the bin.",
    "Let's have the robot put the red cube in the bin.",
    "Okay folks, let's have the arm put the red cube in the bin.",
    "Let's have the red cube go in the bin.",
])
def test_lets_have_it_do_it_is_the_request(text: str) -> None:
    plans_as(text, mv("red", "bin"))


def test_lets_have_every_cube_go_somewhere_is_the_request() -> None:
    plans_as("Let's have every cube go over to the right side.", mv("red", "right") + mv("blue", "right")
             + mv("green", "right"))
    plans_as("Let's have all the cubes go into the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin"))


@pytest.mark.parametrize("text", [
    "Let's not have it put the red cube in the bin.",
    "Let's have it not put the red cube in the bin.",
    "Don't let's have it put the red cube in the bin.",
    "We had it put the red cube in the bin.",
    "Yesterday we had the robot put the red cube in the bin.",
    "We have the robot put the red cube in the bin.",
    "Let's have it put the red cube in the bin?",
    "Let's have every cube go to the right side?",
    "Let's have it grab the red cube, shall we?",
    "Let's have it put the red cube in the bin later.",
    "Let's have it put the red cube in the bin tomorrow.",
    "If it works, let's have it put the red cube in the bin.",
    "Let's have the kids put the red cube in the bin.",
    "Let's have someone put the red cube in the bin.",
    "Let's have a look at the red cube.",
])
def test_lets_have_negated_asked_reported_deferred_or_by_someone_else_is_refused(text: str) -> None:
    moves_nothing(text)


# --------------------------------------------------------------- the session's end said before going home, and after
# (dev fi67-079 "Alright, I'm done for tonight. Park yourself ...", fi67-018 "Full time!", a film set's "Cut!" / "That's
# a wrap!", fi68-002 "Great job everyone, let's send the arm back ... and call it a day.", fi68-078 "Ah, you have worked
# well today. Go and rest ...", fi68-046 "park urself back at home"): dropped only where going home follows at once


@pytest.mark.parametrize("text", [
    "I'm done for tonight. Go home.",
    "Alright, I'm done for tonight. Park yourself in the home pose.",
    "Full time! Go home.",
    "Cut! Go home.",
    "That's a wrap! Go home.",
    "Great job everyone, go home.",
    "Great job everyone, let's send the arm back to its home position and call it a day.",
    "Go home and call it a day.",
    "Ah, you have worked well today. Go home.",
    "Go home so I can lock up.",
    "Go home, so I can lock up.",
    "park urself back at home",
    "get yerself back home",
])
def test_the_end_of_the_session_said_around_going_home_goes_home(text: str) -> None:
    plans_as(text, ["go_home()"])


@pytest.mark.parametrize("text", [
    "I'm not done for tonight. Go home.",
    "I'm done for tonight. Don't go home.",
    "I'm done for tonight? Go home.",
    "I'm done for tonight. Put the red cube in the bin.",
    "Full time! Put the red cube in the bin.",
    "Cut the red cube. Go home.",
    "Cut! Don't go home.",
    "Great job everyone, put the red cube in the bin.",
    "Great job, don't go home.",
    "Great job? Go home.",
    "Go home and call it a day?",
    "Don't go home and call it a day.",
    "Put the red cube in the bin and call it a day.",
    "Go home so I can lock up the red cube.",
    "Go home so you can lock up.",
    "Ah, you have worked well today. Put the red cube in the bin.",
    "Ah, you have not worked well today. Go home.",
    "don't park urself back at home",
    "did u park urself back at home?",
    "you parked yourself at home",
])
def test_the_end_said_before_anything_else_negated_or_asked_is_refused(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


# ---------------------------------------------------- why the speaker asks, a part of its own after a request
# (dev fi68-010 "I'm testing the region placement.", fi68-001 "Just want to see how the push skill handles it.")


def test_a_testing_reason_after_a_request_closes_it() -> None:
    plans_as("Could you put the red cube in the bin? I'm testing the region placement.", mv("red", "bin"))
    plans_as("Put the red cube in the bin. I'm testing the push skill.", mv("red", "bin"))
    plans_as("Put the red cube in the bin so I can lock up.", mv("red", "bin"))
    plans_as("Could you push the red cube left? Just want to see how the push skill handles it.",
             ["push(object=red_cube, direction=left)"])


@pytest.mark.parametrize("text", [
    "Could you put the red cube in the bin? I'm not testing the region placement.",
    "Could you put the red cube in the bin? I'm testing the blue cube.",
    "Red in the bin. I'm testing the region placement.",
    "I'm testing the region placement.",
    "Could you push the red cube left? Just want to see how the push skill handles the blue cube.",
    "Could you push the red cube left? Don't want to see how the push skill handles it.",
    "Could you push the red cube left? Want to see how the push skill handles it?",
    "Red pushed left. Just want to see how the push skill handles it.",
])
def test_a_testing_reason_negated_naming_a_cube_asked_or_after_no_request_is_refused(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------- a job's label before a numbered list, a demo announced to the visitors
# (dev fi67-042 "Procedure: (1) place ... (2) ... (3) return to home.", fi68-060 "Sequence as follows. One: ...",
# fi67-033 "Let's show the visitors a routine: the red cube goes ...")


def test_a_label_before_a_numbered_list_and_a_routine_announced_plan() -> None:
    plans_as("Procedure: (1) put the red cube in the bin. (2) put the blue cube on the pad. (3) return to home.",
             [*mv("red", "bin"), *mv("blue", "pad"), "go_home()"])
    plans_as("Sequence as follows. One: put the red cube in the bin. Two: put the blue cube on the pad. Three: return "
             "home.", [*mv("red", "bin"), *mv("blue", "pad"), "go_home()"])
    plans_as("Sequence as follows: put the red cube in the bin.", mv("red", "bin"))
    plans_as("Let's show the visitors a routine: the red cube goes to the left side, the blue cube goes in the bin.",
             mv("red", "left") + mv("blue", "bin"))


@pytest.mark.parametrize("text", [
    "Procedure: (1) don't put the red cube in the bin. (2) put the blue cube on the pad.",
    "Old procedure: (1) put the red cube in the bin. (2) put the blue cube on the pad.",
    "Cancelled procedure: (1) put the red cube in the bin. (2) put the blue cube on the pad.",
    "Procedure? (1) put the red cube in the bin. (2) put the blue cube on the pad.",
    "Yesterday's procedure: (1) put the red cube in the bin. (2) put the blue cube on the pad.",
    "Procedure: (2) put the red cube in the bin. (1) put the blue cube on the pad.",
    "The sequence was as follows. One: put the red cube in the bin. Two: put the blue cube on the pad.",
    "Sequence as follows? One: put the red cube in the bin. Two: put the blue cube on the pad.",
    "Let's not show the visitors a routine: put the red cube in the bin.",
    "We showed the visitors a routine: the red cube goes to the left side.",
    "Let's show the visitors a routine? The red cube goes to the left side.",
    "Let's show the visitors a routine: the red cube went to the left side.",
    "Let's show the visitors a routine.",
])
def test_the_label_negated_past_asked_misnumbered_or_alone_is_refused(text: str) -> None:
    moves_nothing(text)


# ---------------------------------------- the side said again, a gentle manner, the apology for the typing (closings)
# (dev fi67-016 "... to the left-hand side of the table? That's your left, robot.", fi68-038 "..., nice and mellow.",
# fi67-061 "cn you put teh orange cueb on the pda, typing on my phone w gloves sorry")


def test_the_side_said_again_a_mellow_manner_and_a_typing_apology_close_a_request() -> None:
    plans_as("Could you move the red cube over to the left-hand side of the table? That's your left, robot.",
             mv("red", "left"))
    plans_as("Could you move the red cube over to the left side? That's your left.", mv("red", "left"))
    plans_as("Put the red cube on the left side, nice and mellow.", mv("red", "left"))
    plans_as("can you put the red cube on the pad, typing on my phone w gloves sorry", mv("red", "pad"))
    plans_as("put the red cube on the pad, sorry for the typos", mv("red", "pad"))


@pytest.mark.parametrize("text", [
    "Could you move the red cube to the left side? That's your right.",
    "Could you move the red cube to the left side? That's your left?",
    "Could you move the red cube to the left side? That's not your left.",
    "Could you move the red cube to the left side? That's my left.",
    "Red is on the left side. That's your left.",
    "That's your left.",
    "Put the red cube on the left side, not nice and mellow.",
    "Red on the left side, nice and mellow.",
    "Don't put the red cube on the left side, nice and mellow.",
    "red cube on the pad, sorry for the typos",
    "sorry for the typos",
    "don't put the red cube on the pad, sorry for the typos",
    "you put the red cube on the pad, sorry for the typos",
    "put the red cube on the pad, typing on my phone, sorry, no, the blue one",
    "put the red cube on the pad, typing on my phone w gloves sorry, not the red one",
])
def test_those_closings_with_another_side_negated_asked_or_after_no_request_are_refused(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------ a film set's words and a speaker's reason, around a request (closed forms)
# (dev fi67-057 "Okay, we're recording now... robot, please put ...", fi67-068 "For this take, push ..., slowly, and
# I'll narrate over it.", fi67-051 "Cut! Okay, could you reset to home for the next take?", fi68-018 "I've got a board
# meeting in five.", fi68-052 "..., class is waiting.")


def test_film_set_words_and_a_reason_around_a_request_plan() -> None:
    plans_as("Okay, we're recording now... robot, please put the red cube in the bin.", mv("red", "bin"))
    plans_as("We're recording now. Put the red cube in the bin.", mv("red", "bin"))
    plans_as("For this take, push the red cube to the right, slowly, and I'll narrate over it.",
             ["push(object=red_cube, direction=right)"])
    plans_as("Push the red cube to the right, and I'll narrate over it.", ["push(object=red_cube, direction=right)"])
    plans_as("Cut! Okay, could you reset to home for the next take?", ["go_home()"])
    plans_as("Cut! Could you go home?", ["go_home()"])
    plans_as("Put the red cube in the bin. I've got a board meeting in five.", mv("red", "bin"))
    plans_as("Put the red cube in the bin, class is waiting.", mv("red", "bin"))


@pytest.mark.parametrize("text", [
    "We're not recording now. Put the red cube in the bin.",
    "We're recording now? Put the red cube in the bin.",
    "We're recording now... the red cube in the bin.",
    "We're recording now, don't put the red cube in the bin.",
    "For this take, don't push the red cube to the right.",
    "For the last take, push the red cube to the right.",
    "Push the red cube to the right, and I won't narrate over it.",
    "The red cube pushed right, and I'll narrate over it.",
    "Push the red cube to the right, and I'll narrate over it?",
    "Push the red cube right, slowly, and I'll put the blue one in the bin.",
    "Cut! Could you put the red cube in the bin?",
    "Cut! Could you not go home?",
    "Cut! Okay, could you reset to home for the next take? No.",
    "Go home for the next run.",
    "Put the red cube in the bin. I haven't got a board meeting in five.",
    "I've got a board meeting in five.",
    "Put the red cube in the bin, class is not waiting.",
    "The red cube is in the bin, class is waiting.",
    "Put the red cube in the bin, class is waiting?",
])
def test_those_words_negated_asked_past_or_beside_no_request_are_refused(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


# ------------------------------------------------------------------------------- REV s23 R1, R2, R4, R5, R6 (on P1)


@pytest.mark.parametrize("text", [
    # R1: "please" asked makes a request only of a verb of action
    "Red cube bin please?",
    "Red in the bin, ok please?",
    "Red in the bin, like, please?",
    "Red in the bin, I want, please?",
    "Red goes in the bin, please?",
    "Red belongs in the bin, please?",
    # R2: the note label and the closings read every goal the H143 screen reads; the closing as its own sentence
    "The cube on the left in the bin, yes.",
    "Note: leftmost cube in the bin.",
    "Note: the middle cube in the bin.",
    "Note: the cube on the left in the bin.",
    "Red in the bin, yes :)",
    "Red in the bin. Ha.",
    "Red in the bin. As usual.",
    # R4: more than one filler after the interjection
    "Wow, and now top cube to the bin.",
    "Wow, and now red in the bin.",
    "Oh, and now red in the bin.",
    "Wow. And now red in the bin.",
    "Wow, and then red in the bin.",
    "Wow, then red in the bin.",
    "Wow, well, red in the bin.",
    # R5: "have / ask him|her" is a person more often than the robot
    "Let's have him put the red cube in the bin.",
    "Let's have her grab the red cube and drop it in the bin.",
    "Okay, let's have him put the red cube in the bin.",
    "Let's ask him to put the red cube in the bin.",
    "Okay, let's ask her nicely to put the red cube in the bin.",
])
def test_rev_s23_forms_are_refused(text: str) -> None:
    moves_nothing(text)


# R6 (the model path: the parser refused these before da4ea5f, the default backend planned "Top cube: bin?"): "bin" /
# "trash" ending a clause it does not open is the place, a goal asked. Pinned in the speech-act screen the model's
# licence runs (P1 s24, REV s23 medium: a parser-only pin could not fail; the top / leftmost / please lines fail on
# df48e1d, da4ea5f's parent, 12 of 16; the four colour-named lines are controls, refused there already).
@pytest.mark.parametrize("text", [
    "Red cube: bin?",
    "Red cube, bin?",
    "Red cube bin?",
    "Leftmost cube: bin?",
    "Top cube: bin?",
    "Top cube, bin?",
    "Top one: bin?",
    "Top one, bin?",
    "Top one bin?",
    "Top block: bin?",
    "Top block, bin?",
    "Top cube: trash?",
    "Red cube: trash?",
    "Top cube: bin, please?",
    "Top cube in the bin, please?",
    "Top cube on the pad, please?",
])
def test_rev_s23_r6_a_goal_with_bin_last_asked_is_refused_by_the_speech_act_screen(text: str) -> None:
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Bin the red cube?",
    "Bin the red cube, please?",
    "Put the red cube in the bin, please?",
    "Could you put red in the bin, please?",
    "The red cube, put it in the bin, please?",
    "Red cube: bin.",
    "Throw the red cube in the trash?",
    "Put the red cube in the bin. Ha.",
    "Put the red cube in the bin, yes :)",
    "Note: put the leftmost cube in the bin.",
    "Wow, and now put the red cube in the bin.",
    "Let's ask the robot to put the red cube in the bin.",
])
def test_their_orders_still_plan(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Plan) and [str(s) for s in result.steps][-1] == "place_in(region=bin)", (text, result)


def test_an_order_with_a_place_and_please_asked_still_plans() -> None:
    blue_left = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]))
    plans_as("Can the blue one go on the left side please?", mv("blue", "left"), blue_left)  # fi43-066's shape
    plans_as("Go home, please?", ["go_home()"])


@pytest.mark.parametrize("text", [
    # R8: a label before a goal of plural nouns, a number, "the lot", "them all", a place-named cube
    "FYI: the cubes in the bin.",
    "FYI: the three cubes in the bin.",
    "FYI: them all in the bin.",
    "FYI: the leftmost cube in the bin.",
    "FYI: the cube on the left in the bin.",
    "Heads up: the lot in the bin.",
    "Setup: the three blocks in the bin.",
    "Setup: the middle cube in the bin.",
    "Note: the bricks on the pad.",
    "The bricks in the bin, yes.",
    "Them all in the bin, as usual.",
    "Wow, the whole lot in the bin.",
    "Wow, the middle brick in the bin.",
    # R9: a statement of a place-named cube, asked
    "The leftmost cube goes in the bin?",
    "The middle cube goes in the bin?",
    "The leftmost one belongs in the bin?",
    "The leftmost cube should go in the bin?",
    # a place-named goal "again" (REV s23 medium)
    "The leftmost cube on the pad again.",
    "The middle one on the pad again.",
    "The cube on the left on the pad again.",
    # R10: "noo" is no mark of Scots
    "Noo, put the red cube in the bin.",
    "Noo, red in the bin.",
    "Noo. Put the red cube in the bin.",
])
def test_rev_s23_r8_r9_r10_forms_are_refused(text: str) -> None:
    moves_nothing(text)


def test_their_orders_and_a_scots_now_still_plan() -> None:
    plans_as("Put the leftmost cube in the bin?", mv("red", "bin"))
    plans_as("Put the leftmost cube on the pad again.", mv("red", "pad"))
    plans_as("Pit the red yin intae the bin noo.", mv("red", "bin"))


# ------------------------------------ REV s23 R12 / R14 / R15 (P1's screens): an address before, an exclusion after
# (the hedge screens' own openers are unasked.py's)


@pytest.mark.parametrize("text", [
    "Anyway, everything in the bin, yes.",
    "Well, everything in the bin, yes.",
    "Hey robot, everything in the bin, yes.",
    "Robot, red in the bin, as usual.",
    "Hey robot, wow, everything in the bin.",
    "Robot, wow, everything in the bin.",
    "Mate, ha, everything in the bin.",
    "Except for red, everything in the bin, yes.",
    "Ha, except for red, everything in the bin.",
    "Wow, apart from the green one, all the blocks on the left side.",
    "FYI: apart from the green one, all the blocks on the left side.",
    "Note: aside from red, everything in the bin.",
    "red in the bin?.",
    "red in the bin?!.",
])
def test_rev_s23_r12_r14_r15_forms_are_refused(text: str) -> None:
    moves_nothing(text)


# (the model path: the parser refused it before 9ca56af, the default backend planned it; fails on 0591652, its parent)
def test_rev_s23_r14_an_address_before_a_state_label_is_refused_by_the_speech_act_screen() -> None:
    assert speech_act_refusal("Robot, initial state: red in the bin.") is not None
    moves_nothing("Robot, initial state: red in the bin.")


def test_their_orders_still_plan_r12_r14() -> None:
    everything = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")
    plans_as("Robot, put everything in the bin, yes.", everything)
    plans_as("Except for red, put everything in the bin, yes.", mv("blue", "bin") + mv("green", "bin"))
    plans_as("Hey robot, everything in the bin, please.", everything)
    plans_as("Robot, red in the bin.", mv("red", "bin"))
    plans_as("Except for red, everything in the bin.", mv("blue", "bin") + mv("green", "bin"))
    plans_as("Robot, FYI: put red in the bin.", mv("red", "bin"))
    plans_as("Put red in the bin?.", mv("red", "bin"))


# ----------------------------------------------- a verdict on a cube, then its disposal (register's junk class)
# (dev fi68-000 "Yellow cube's deprecated. Trash it.", fi67-060 "... surplus to requirements. Dispose of it.", fi68-058
# "This blue cube is spoilt, we do not need it again. Kindly dispose of it.", fi68-032 "... had its fifteen minutes of
# fame, go ahead and toss it.")


@pytest.mark.parametrize("text", [
    "Red cube's deprecated. Trash it.",
    "Red cube's deprecated, trash it.",
    "The red cube is surplus to requirements. Dispose of it.",
    "This red cube is spoilt, we do not need it again. Kindly dispose of it.",
    "Red cube's had its fifteen minutes of fame, go ahead and toss it.",
])
def test_a_verdict_then_the_disposal_of_it_bins_it(text: str) -> None:
    plans_as(text, mv("red", "bin"))


@pytest.mark.parametrize("text", [
    "Red cube's not deprecated. Trash it.",
    "Red cube's deprecated. Don't trash it.",
    "Red cube's deprecated. Trash it?",
    "Red cube's deprecated. Trash the blue one.",
    "Red cube's deprecated.",
    "Red cube was deprecated. Trash it.",
    "Red cube's deprecated, so blue cube, trash it.",
    "This red cube is spoilt, we need it again. Kindly dispose of it.",
    "This red cube is spoilt, we do not need it again. Kindly don't dispose of it.",
    "This red cube is spoilt, we do not need it again.",
    "Red cube's deprecated. I trashed it.",
    "Is the red cube deprecated? Trash it.",
    "Red cube's deprecated? Trash it.",
])
def test_the_verdict_negated_past_asked_or_with_another_cube_is_refused(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------ a pirate's "arr" after a comma, "ye" after a preposition
# (dev fi67-008 "Shove that yellow cube to yer left, matey, arr!", fi67-055 "Grab the cube closest to ye, matey, ...")


def test_a_pirate_arr_closing_and_ye_plan() -> None:
    plans_as("Put the red cube in the bin, matey, arr!", mv("red", "bin"))
    plans_as("Put the red cube in the bin, arr!", mv("red", "bin"))


@pytest.mark.parametrize("text", [
    "Red in the bin, arr!",
    "Don't put the red cube in the bin, arr!",
    "Put the red cube in the bin, arr?",
    "Put the red cube in the bin. Arrgh!",
    "Put the red cube in the bin, arrgh!",
    "Don't grab the cube closest to ye.",
])
def test_arr_after_no_request_negated_asked_or_a_cry_is_refused(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------ REV s23 R18: "bin" closing a clause before a confirmation tag


@pytest.mark.parametrize("text", [
    "Top cube: bin, ok?",
    "Top cube: bin, okay?",
    "Top cube, bin, ok?",
    "Top one: bin, ok?",
    "Top cube: bin, ok? Thanks.",
    "Top cube: bin. OK?",
    "Red cube: bin, ok?",
])
def test_a_goal_with_bin_last_then_a_tag_asks(text: str) -> None:
    # the model path: fails on 2d76d21, cc09d86's parent, for the "Top ..." lines ("Red cube: bin, ok?" is a control)
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text, cube_scene(("red", [0.45, 0.1, 0.066]), ("blue", [0.45, 0.1, 0.022]),
                                   ("green", [0.38, -0.02, 0.022]), on={"red_cube": "blue_cube"}))


def test_an_order_with_a_tag_still_plans() -> None:
    plans_as("Bin the red cube, ok?", mv("red", "bin"))
    plans_as("Put the red cube in the bin, ok?", mv("red", "bin"))
