"""Session 17, P1: the shape classes of the dev splits fresh_independent_49 and _50, each read as a family (examples
are variants in the three-cube scene S3, not the dev records), with A1's open findings on shapes (H106, H108, H109,
H120), each with its negated, questioned, reported and hedged twins refused:

- D-S1 closings after a request: the end of the job said ("..., that's all I need.", "..., and ur done.", "That's the
  running order, people!"), impatience without its subject ("Haven't got all day."), "Go, go, go!", "Namaste.",
  thanks before an address ("Thank you sir."), a permission asked after a polite request ("Sorry, is that okay to
  ask?"); addresses "people", "folks", "guys", "team";
- D-S2 going home said otherwise ("mosey on back home", Scots "awa' hame wi' ye", "park yourself back at the home
  position", "Return to your home position and simply rest.", "you can go back to your home pose"), after the session's
  end said ("I think we're done, ...", "that's us finished for today, ...", "That'll dae for the day, lad.", "Our
  practice is complete."; only before going home); a careful hand's manner or a yoga teacher's breath before the
  request ("Softly, softly... push ...", "Breathe in... and as you breathe out, ...", "Inhale, ...");
- D-S3 the polite frame misspelt ("Coud you ...", "Woudl you ...", "Cna you ...", "Could yuo ...");
- D-S4 Indian English "the red colour cube"; Nigerian Pidgin's serial "carry X go <place>" alone, "wey dey" (that is),
  "no touch X" (don't touch X);
- A1 H106/H108/H109/H120 residues: "Well, the arm put ...", "Robot - putting ...", "There: red in the bin.", "There,
  home.", an interjection before a verbless goal ("Uh oh, red in the bin.", "Wow, red in the bin!"), a verbless goal
  "again" ("Red in the bin again!").
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

HOME = ["go_home()"]


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin please, that's all I need.",
    "Put the red cube in the bin, and ur done.",
    "Put the red cube in the bin and you're done.",
    "Put the red cube in the bin. That's the running order, people!",
    "Just stick the red cube in the bin, would you. Haven't got all day.",
    "Put the red cube in the bin! Go, go, go!",
    "Put the red cube in the bin. Namaste.",
    "Could you maybe put the red cube in the bin? Sorry, is that okay to ask?",
    "Put the red cube in the bin, folks.",
    "Put the red cube in the bin. Thank you sir.",
    "Softly, softly... put the red cube in the bin.",
    "Gently now, put the red cube in the bin.",
    "Slowly... put the red cube in the bin.",
    "Breathe in... and as you breathe out, put the red cube in the bin.",
    "Inhale, put the red cube in the bin.",
    "Breathe in. Breathe out. Put the red cube in the bin.",
    "Coud you mvoe the red cube into the bni?",
    "Cuold you put the red cube in the bin?",
    "Woudl you put the red cube in the bin?",
    "Cna you put the red cube in the bin?",
    "Could yuo put the red cube in the bin?",
    "Kindly do the needful and place the red colour cube in the bin.",
    "Put the red coloured block in the bin.",
    "Abeg, carry the red one go the bin.",
    "First of all, carry the red one go the bin. Thank you sir.",
])
def test_dev_shapes_plan_the_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "You can go back to your home pose now.",
    "Park yourself back at the home position.",
    "Return to your home position and simply rest.",
    "Go back home and rest.",
    "Awa' hame wi' ye.",
    "Mosey on back home.",
    "ok I think we're done, you can go back to your home pose now",
    "Alright, that's us finished for today, park yourself back at the home position.",
    "That'll dae for the day, lad. Awa' hame wi' ye.",
    "Our practice is complete. Return to your home position and simply rest. Namaste.",
    "That's it for today, go home.",
    "We're done for the day. Go home.",
    "Right, we're all finished here, head on home.",
    "That'll do for today, back to your home position please.",
])
def test_going_home_said_otherwise(text: str) -> None:
    assert steps(text, S3) == HOME


def test_mosey_home_after_a_placement() -> None:
    assert steps("Put the red cube on the left side, then mosey on back home.", S3) == [*mv("red", "left"), *HOME]


@pytest.mark.parametrize("text", [
    # closings: a report, a negation, more words, a question
    "You put the red cube in the bin and you're done.",
    "The red cube is in the bin, and you're done.",
    "Put the red cube in the bin, that's all I need to know.",
    "Put the red cube in the bin, that's all I need, or not.",
    "Don't put the red cube in the bin, that's all I need.",
    "Put the red cube in the bin, and you're done for.",
    "The red cube is in the bin? Sorry, is that okay to ask?",
    "Sorry, is that okay to ask?",
    # the session's end before anything but going home, or with its home negated or asked
    "I think we're done. Put the red cube in the bin.",
    "We're done, don't go home.",
    "We're not done, go home.",
    "Are we done? Go home.",
    "I think we're done, you can't go home.",
    "That'll do for the day, but don't go home.",
    "Our practice is complete?",
    # manner and breath before a negation, a report or a question
    "Softly, softly... don't put the red cube in the bin.",
    "Carefully? Put the red cube in the bin.",
    "Breathe in... and as you breathe out, I put the red cube in the bin.",
    # misspelt frames asked of the past or negated; a real word is no misspelling
    "Cold you put the red cube in the bin?",
    "Coud you not put the red cube in the bin?",
    "Did yuo put the red cube in the bin?",
    "Woudl you put the red cube in the bin? Just kidding.",
    # dialect twins
    "Abeg no put the red one for bin.",
    "Abeg, you carry the red one go the bin?",
    "Put the red colour in the bin.",
    "The red colour cube is in the bin.",
    # A1 H106/H108/H109/H120
    "Well, the arm put the red cube in the bin.",
    "So the robot put the red cube in the bin.",
    "Robot - putting red cube in bin.",
    "Robot > putting red cube in bin.",
    "There: red in the bin.",
    "There, home.",
    "Uh oh, red in the bin.",
    "Oh look, red in the bin.",
    "Argh, red in the bin again.",
    "Ugh, red in the bin.",
    "Wow, red in the bin!",
    "Look, red in the bin.",
    "Red in the bin again!",
    "Red cube in the bin AGAIN.",
    "Hmm, red in the bin.",
])
def test_dev_shape_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Red in the bin.",
    "Wow, put the red cube in the bin!",
    "Look, put the red cube in the bin.",
    "Ugh, just put the red cube in the bin.",
    "Put the red cube in the bin again.",
    "There, put the red cube in the bin.",
])
def test_requests_beside_the_remarks_still_plan(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


def test_no_touch_in_pidgin_forbids_the_cube() -> None:
    """"Abeg no touch the blue cube, carry the red one go the bin.": the blue cube is kept, the red one binned."""
    assert steps("Abeg no touch the blue cube, carry the red one go the bin.", S3) == mv("red", "bin")
    moves_nothing("Abeg no touch the red cube, carry am go the bin.")
