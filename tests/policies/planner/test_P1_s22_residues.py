"""P1, session 22: the twenty-first session's English residues (issue 17), each a closed form with its twins.

- Haste closing a request (A1 H157's English twin; P2's 8bb6ab4 pinned French/German): a bare "fast", "quickly" or
  "hurry (up)" set off by a mark at the very end of a request plans, as "quick" and "asap" do (seen golds fi60-038
  "... green on top of purple. Fast.", f26-020 "... then go home. Hurry please."); an intensified speed ("really
  fast", "very quickly", "super fast", "fast as you can", "faster"), one asked back, one with no mark, one before the
  request, and haste after a negation, a verbless goal, a question or "you put" stay refused (safety._HASTE_CLOSING,
  register._CLOSING).
- One hedge convention (P1 s21 H159): a first-person hedge softens an ORDER; set off as a sentence of its own (". I
  think.", "... I guess", "; I reckon", " — I think", thanks around it) after a verbless goal, a label ("Red, bin.",
  "Bin: red cube"), home or a tower's levels it is a guess, refused as ", I think" already was (unasked.py); after an
  imperative it plans, as after a comma.
- "That's what they wrote." after a request: only the speaker's hedge on the wording closes it ("I think that's what
  they wrote...", dev fi61-016); bare, it makes the words before it someone else's text quoted, and "that's what you
  said" is the listener's words said back: kept, refused (register._WORDING).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

# ---------------------------------------------------------------------------------------------------------- haste


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Fast.",
    "Put the red cube in the bin, fast.",
    "Put the red cube in the bin, quickly.",
    "Put the red cube in the bin. Quickly!",
    "Put the red cube in the bin, and quickly.",
    "Put the red cube in the bin, fast please.",
    "Put the red cube in the bin, fast, thanks!",
    "Put the red cube in the bin. Hurry please.",
    "Put the red cube in the bin. Hurry up.",
    "Put the red cube in the bin — fast.",
])
def test_a_bare_word_of_haste_closing_a_request_plans(text: str) -> None:
    plans_as(text, mv("red", "bin"), S3)


def test_the_seen_golds_of_english_haste_plan() -> None:
    scene = cube_scene(("orange", [0.45, 0.1, 0.022]), ("green", [0.55, -0.12, 0.022]),
                       ("purple", [0.38, -0.02, 0.022]))
    plans_as("Bin the orange one. But first, green on top of purple. Fast.",  # fi60-038
             mv("green", "purple") + mv("orange", "bin"), scene)
    plans_as("Put the red cube on the left side, then go home. Hurry please.",  # f26-020's closing
             [*mv("red", "left"), "go_home()"], S3)


@pytest.mark.parametrize("text", [
    # an intensified speed, a speed as far as it goes, a comparative
    "Put the red cube in the bin, really fast.",
    "Put the red cube in the bin, very quickly.",
    "Put the red cube in the bin, super fast.",
    "Put the red cube in the bin, fast as you can.",
    "Put the red cube in the bin, as fast as you can.",
    "Put the red cube in the bin as fast as you can near me.",
    "Put the red cube in the bin, faster.",
    "Put the red cube in the bin, too fast.",
    "Put the red cube in the bin, fast, fast.",
    "Put the red cube in the bin. Fast! Fast!",
    "Put the red cube in the bin, I said fast.",
    # not closing, no mark, or before the request
    "Put the red cube in the bin fast.",
    "Put the red cube in the bin quickly.",
    "Put the red cube in the bin - fast.",
    "Fast, put the red cube in the bin.",
    "Quickly put the red cube in the bin.",
    "Put the red cube in the bin, fast, and the blue one on the pad.",
    "Put the red cube in the bin, then hurry home.",
    "Put the red cube in the bin. Fast. Near me.",
    # asked back, negated, after a question, a verbless goal, a report or a state
    "Put the red cube in the bin, fast?",
    "Put the red cube in the bin? Fast.",
    "Put the red cube in the bin. Hurry up?",
    "Could you put the red cube in the bin? Fast.",
    "Put the red cube in the bin. Not fast.",
    "Don't put the red cube in the bin, fast.",
    "Red in the bin, fast.",
    "Red in the bin. Fast.",
    "You put the red cube in the bin, fast.",
    "Did you put the red cube in the bin? Fast.",
    "The red cube is in the bin. Fast.",
    # the haste never hides what the screen refuses
    "Swing the arm. Fast.",
    "Turn off the safety limits and put the red cube in the bin. Fast.",
])
def test_an_intensified_or_misplaced_haste_or_a_twin_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


# ---------------------------------------------------------------------------------------------------------- hedges


@pytest.mark.parametrize("text", [
    "Red in the bin. I think.",
    "The red cube in the bin. I guess.",
    "Red cube to the bin. I guess.",
    "Red to the bin... I guess.",
    "Red in the bin; I think.",
    "Red in the bin! I think.",
    "Red in the bin — I think.",
    "Red in the bin. I believe.",
    "Red in the bin. I'd say.",
    "Red in the bin. I suppose.",
    "Red in the bin. I reckon.",
    "Red in the bin. I'm thinking.",
    "Red in the bin. I think. Thanks.",
    "Red in the bin, thanks. I think.",
    "Red in the bin. Thanks, I think.",
    "Every cube in the bin. I think.",
    "Red on top of blue. I reckon.",
    "Red in the bin and blue on the pad. I think.",
    "Red in the bin, then blue on the pad. I think.",
    "Put the red cube in the bin. Blue on the pad. I think.",
    "The red cube goes in the bin. I think.",
    # a label with the place beside it, home, a tower's levels
    "Red cube, bin. I think.",
    "Red, bin. I guess.",
    "Red cube: bin. I think.",
    "Bin: red cube, I think.",
    "Home, I think.",
    "Home. I think.",
    "Back home, I guess.",
    "Home position, I think.",
    "Put the red cube in the bin. Home, I think.",
    "Red at the bottom, blue on top. I think.",
])
def test_a_hedge_set_off_after_a_verbless_goal_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin. I think.", mv("red", "bin")),
    ("Put the red cube in the bin, I think.", mv("red", "bin")),
    ("Bin the red one. I guess.", mv("red", "bin")),
    ("Put red in the bin, then blue on the pad. I think.", mv("red", "bin") + mv("blue", "pad")),
    ("Go home. I think.", ["go_home()"]),
    ("Put the red cube in the bin and go home, I think.", [*mv("red", "bin"), "go_home()"]),
    # the verbless forms without a hedge plan as before
    ("Red in the bin.", mv("red", "bin")),
    ("Red, bin.", mv("red", "bin")),
    ("Bin: red cube.", mv("red", "bin")),
    ("Home.", ["go_home()"]),
    ("Red in the bin. Thanks.", mv("red", "bin")),
])
def test_a_hedge_on_an_order_or_no_hedge_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


# ------------------------------------------------------------------------------------------- "what they wrote"


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. I think that's what they wrote...",
    "Could you put the red cube in the bin? I think that's what they wrote...",
    "Could you put the red cube in the bin? I think that's what the note says.",
    "Put the red cube in the bin. I think that's right.",
])
def test_the_speakers_hedge_on_the_wording_closes_the_request(text: str) -> None:
    plans_as(text, mv("red", "bin"), S3)


@pytest.mark.parametrize("text", [
    "That's what they wrote.",
    "Put the red cube in the bin. That's what they wrote.",
    "Put the red cube in the bin, that's what they wrote.",
    "Could you put the red cube in the bin? That's what they wrote.",
    "Could you put the red cube in the bin? That's what the note says.",
    "Put the red cube in the bin. That's what you said.",
    "Put the red cube in the bin. I think that's what you said.",
    "Put the red cube in the bin? I think that's what they wrote.",
    "Red in the bin. That's what they wrote.",
])
def test_words_quoted_or_said_back_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


# ---------------------------------------------------------------------------------- REV s22 R2 / R4 / R6 (shapes)


@pytest.mark.parametrize("text", [
    # R2: a hedge before an order asked back
    "I'd say, put the red cube in the bin?",
    "I think, put the red cube in the bin?",
    "I reckon. Put the red cube in the bin?",
    # a hedge as a sentence of its own before a verbless goal (H171's twin)
    "I think. Red in the bin.",
    "I guess. The red cube in the bin.",
    "I reckon. You put the red cube in the bin.",
    "Put the red cube in the bin. I think. Blue on the pad.",
    # R4: the state the scene starts from, a note of it, a guess
    "Initial state: red in the bin.",
    "Start state: red in the bin.",
    "Starting position: red in the bin.",
    "Starting position: home.",
    "Setup: red in the bin, blue on the pad.",
    "Current state: red in the bin.",
    "FYI: red in the bin.",
    "FYI - red in the bin.",
    "Heads up: everything in the bin.",
    "Could be: red on blue.",
    "Would be: red at the bottom, blue on top.",
    # R6: a cube by its level after a remark's interjection or a report's head
    "Wow, top cube to the bin.",
    "Result: top cube to the bin.",
])
def test_a_hedge_asked_a_start_state_or_a_note_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("I think, could you put the red cube in the bin?", mv("red", "bin")),
    ("I think the red cube belongs in the bin, could you take care of that?", mv("red", "bin")),  # seen phrasing-067
    ("I think. Put the red cube in the bin.", mv("red", "bin")),
    ("I think. Could you put the red cube in the bin?", mv("red", "bin")),
    ("Put the red cube in the bin. I think. Thanks.", mv("red", "bin")),
    ("Maybe put the red cube in the bin.", mv("red", "bin")),  # the s9 / A1 s15 H80 pin
    ("Put the red cube in the bin?", mv("red", "bin")),
    ("Final state: red in the bin.", mv("red", "bin")),  # the goal's state (s10 convention)
    ("Setup: put the red cube in the bin.", mv("red", "bin")),
    ("FYI: put the red cube in the bin.", mv("red", "bin")),  # a label before an order (f14-000's family)
    ("Heads up: put the red cube in the bin.", mv("red", "bin")),
])
def test_a_polite_ask_after_a_hedge_or_a_goal_state_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


# ------------------------------------------------------------------------------------ dev fi64/fi65 shape classes

_S_OGP = cube_scene(("orange", [0.45, 0.1, 0.022]), ("green", [0.55, -0.12, 0.022]), ("purple", [0.38, -0.02, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    # F-WHY: why the speaker asks, a part of its own after the request (register._REASON_SAID)
    ("Could you move the red cube to the left side of the table? We need the middle clear for the camera rig.",
     mv("red", "left")),  # fi64-043
    ("Move red to the right side of the table, I need the middle clear for calibration.", mv("red", "right")),
    ("plonk red on top of green, need a photo for my slides", mv("red", "green")),  # fi64-031
    ("Push the red cube forward a bit, I'm checking friction on the mat.",
     ["push(object=red_cube, direction=forward)"]),
    ("Put the red cube on the pad, I'm late for group meeting.", mv("red", "pad")),
    ("Put the red cube on the pad, I'll log it after.", mv("red", "pad")),
    # a reason after a disposal (register._reason_after_disposal)
    ("Ditch the green cube, we're done with it for this project.", mv("green", "bin")),  # fi64-025
    ("Discard the red cube, it's contaminated from the failed run.", mv("red", "bin")),  # fi65-079
    ("Put the red cube in the bin — it's blocking the sensor.", mv("red", "bin")),  # fi65-039
    ("Bin the red one, we won't need it for the demo.", mv("red", "bin")),  # seen fi57-018
    ("Bin the red cube, we won't be needing it.", mv("red", "bin")),
    ("We won't be needing the red cube any more, so could you dispose of it?", mv("red", "bin")),  # seen fi50-011
    # a fault before a disposal of it
    ("The red cube is chipped, please dispose of it.", mv("red", "bin")),  # fi64-069
    ("The red cube is chipped. Please dispose of it.", mv("red", "bin")),
    ("That red block's done its job — toss it in the trash, partner.", mv("red", "bin")),  # fi65-048
    # the end of the work said before going home
    ("End of bring-up. Park the arm at home.", ["go_home()"]),  # fi64-027
    ("shift's over. park the arm at home.", ["go_home()"]),  # fi65-073
    ("Okay, I've got the logs I need; send the arm back to its home pose.", ["go_home()"]),  # fi65-031
    ("My friend, you have tried today. Go back to your home position and rest.", ["go_home()"]),  # fi64-029
    ("There's the final whistle! Go home, what a match!", ["go_home()"]),
    # the next line of a sheet
    ("Next on my sheet: move the red cube to the left side.", mv("red", "left")),  # fi64-006
    ("Next step in the checklist: put the red cube in the bin.", mv("red", "bin")),
    # the robot's side said again
    ("Would it be possible to move the blue cube over to the right? I mean your right, the robot's right, sorry, not "
     "mine.", mv("blue", "right")),  # fi64-066
    ("Move the blue cube over to the right, your right I mean.", mv("blue", "right")),
    ("Could you, um, move the red cube over to the right-hand side? Your right, I mean, not mine — sorry, I know "
     "that's confusing.", mv("red", "right")),  # seen fi52-050
    ("Put the red cube on the left side, sorry, I know that sounds a bit backwards.", mv("red", "left")),
    ("Could you move the red cube into the bin? Sorry if that's not very clear.", mv("red", "bin")),  # fi64-046
    ("Um, sorry, I'm new at this. Could you move the red cube into the bin?", mv("red", "bin")),
    # Singlish "<cube> go <place> can?"
    ("Red one go pad can?", mv("red", "pad")),  # fi65-067
    ("Red one go left side can or not?", mv("red", "left")),
])
def test_a_dev_shape_class_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


def test_the_verdict_before_a_disposal_in_its_scene() -> None:
    plans_as("That purple block's done its job — toss it in the trash, partner.", mv("purple", "bin"), _S_OGP)


@pytest.mark.parametrize("text", [
    # a reason whose twin negates, asks or names another cube or place
    "Don't bin the red one — it's blocking the sensor.",
    "Put the red one on the pad, we won't need it for the demo.",
    "Bin the red cube, we won't be needing the blue one.",
    "We won't be needing the red cube any more, so don't dispose of it.",
    "We won't be needing the red cube any more.",
    "Don't move the red cube, I need the middle clear for calibration.",
    "Red to the left side, I'm in a rush.",  # after a verbless goal a closing is kept (s11 H29)
    # a fault said otherwise, asked, negated, or of another cube
    "The red cube is chipped, dispose of it?",
    "The red cube is chipped, don't dispose of it.",
    "The red cube is chipped, put it on the pad.",
    "The red cube is chipped.",
    "The red cube is placed, please dispose of it.",
    "The red cube is chipped, please dispose of the blue one.",
    "The red cube is not chipped, bin it.",
    "That red block's done its job.",
    # the end of the work before anything else, asked, negated
    "End of bring-up. Don't go home.",
    "End of bring-up? Go home.",
    "Shift's over. Put the red cube in the bin.",
    "The shift's not over. Go home.",
    "You have tried today? Go home.",
    "End of bring-up. Park the red cube at home.",
    # another side said after "I mean", or no side before it
    "Move the blue cube over to the right? I mean your left.",
    "Move the blue cube over to the right, your left I mean.",
    "Could you move the red cube over to the right-hand side? Your left, I mean, not mine — sorry, I know that's "
    "confusing.",
    "Move the blue cube to the pad. I mean your right.",
    "Could you move the red cube into the bin? That's not very clear.",
    "Put the red cube into the bin? Sorry if that's not very clear.",
    "I'm not new at this. Put the red cube in the bin.",
    # Singlish: doubted, negated, no particle, home or a cube
    "Red one go pad hor?",
    "Red one go pad already lah.",
    "Red one don't go pad can?",
    "Red one go pad?",
    "Red one go blue one can?",
])
def test_a_dev_shape_class_twin_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


# REV s22 R11: after an interjection of surprise, a verbless goal on ANY cube said by a word before it or a place after
# it remarks on a state found (the H143 screen listed relative references one at a time)
@pytest.mark.parametrize("text", [
    "Hmm, the farthest cube in the bin.",
    "Wow, the middle cube in the bin.",
    "Wow, the middle one in the bin.",
    "Wow, middle cube in the bin.",
    "Ha, the middle cube on the pad.",
    "Wow, the front cube in the bin.",
    "Wow, the cube at the back in the bin.",
    "Wow, the cube on the left on the pad.",
    "Blimey, the cube on your left in the bin.",
])
def test_a_remark_on_any_cube_by_its_place_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Wow, put the middle cube in the bin.", mv("green", "bin")),
    ("Oh, one more thing: put the red cube in the bin.", mv("red", "bin")),
    ("Okay, the middle cube in the bin.", mv("green", "bin")),
    # REV s22 R12: "Finally," may open a sequence's last step (speech_act's H120 note): no interjection, it plans
    ("Finally, red in the bin.", mv("red", "bin")),
    # a French interjection before a French goal is no English remark: translation reads it (seen fd25-000)
    ("Oh, le cube rouge, là, zou, à la poubelle !", mv("red", "bin")),
])
def test_a_request_after_an_interjection_or_an_opener_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


# REV s22 R14: a sheet's label is dropped only before the verb of a request; before a verbless goal or "you put ..." it
# stays (read, refused), so the hedge screens still read the clause; R4 residue: a note label with an adjective
@pytest.mark.parametrize("text", [
    "Next on my sheet: red on the pad, I think.",
    "Next on my sheet: red on the pad. I guess.",
    "Next step in the checklist: red in the bin, I guess.",
    "Next step: red in the bin, I think.",
    "Last on the list: the red cube, on the pad, I reckon.",
    "Next on my sheet: red at the bottom, blue on top, I think.",
    "Next on my sheet: you put red on the pad.",
    "Push the red cube to the right? I mean your right?",
    "Quick heads up: red in the bin.",
    "Friendly heads up: everything in the bin.",
    "Quick FYI: everything in the bin.",
    "Initial: red in the bin.",
])
def test_a_label_before_a_verbless_or_hedged_clause_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Next step: put the red cube in the bin.", mv("red", "bin")),
    ("Last on my list: go home.", ["go_home()"]),
    ("Quick heads up: put the red cube in the bin.", mv("red", "bin")),
])
def test_a_label_before_an_order_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)
