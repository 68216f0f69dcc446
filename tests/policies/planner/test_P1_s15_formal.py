"""A formal or old register's frames the seen splits' writers use (phrasing.py), and reasons said after a disposal
(register.py), each a closed form beside its negated, questioned, reported and hedged variants:

- "Might I trouble you to <verb> ...?", "Might you <verb> ...?" (fi42-021, fi33-043); "if you would be so good /
  kind / obliging", "should / if it please you", "Pray," between marks (fi42-074, fi42-043, f29-061); "I should be
  obliged / delighted / grateful if you would ..." (f29-010); "Excuse me." as a call for attention (fi39-004);
  "That's quite enough for today" before going home (fi33-049);
- "You may (now) return / retire to your resting position" (fi42-011, f29-049), as "you can go home now"; asked back
  or hedged ("You can go home?", "You may return home, I think.") it refuses, as "The arm is to return home?" does;
- why a cube is binned, said after the disposal: "it's in the way", "its ugly", "it is no longer required", "we're
  done with it for this run", "I need to wipe this table down" (fi39-000, f27-001, fi42-043, fi42-071, fi42-015).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Refusal

HOME = ["go_home()"]


@pytest.mark.parametrize(("text", "want"), [
    ("Might I trouble you to nudge the blue cube forward?", ["push(object=blue_cube, direction=forward)"]),
    ("Could I trouble you to put the red cube in the bin?", mv("red", "bin")),
    ("Might you move the red cube to the left side?", mv("red", "left")),
    ("Might you move the red cube across to your right-hand side, dear?", mv("red", "right")),
    ("Should it please you, kindly dispose of the red cube.", mv("red", "bin")),
    ("If it please you, put the red cube in the bin.", mv("red", "bin")),
    ("Put the red cube in the bin; but first, if you would be so good, set the blue cube upon the pad.",
     mv("blue", "pad") + mv("red", "bin")),
    ("If you would be so good, set the blue cube on the pad.", mv("blue", "pad")),
    ("Pray, set the red cube upon the blue one, if you'd be so obliging.", mv("red", "blue")),
    ("I should be grateful if you would put the red cube in the bin.", mv("red", "bin")),
    ("I should be obliged if you would place the green cube on the pad.", mv("green", "pad")),
    ("I'd be obliged if you'd put the red cube in the bin.", mv("red", "bin")),
    ("I would be delighted if you would put the red cube on the blue cube.", mv("red", "blue")),
    ("Excuse me. Would you kindly place the blue cube upon the pad? Thank you very much.", mv("blue", "pad")),
    ("Excuse me, put the red cube in the bin.", mv("red", "bin")),
    ("That's quite enough for today, thank you. Please go back to your resting position.", HOME),
    ("That will be all for now. You may return to your resting position.", HOME),
    ("You may go home now.", HOME),
    ("You may now return to your home position.", HOME),
    ("Get rid of the red cube for me, it's in the way.", mv("red", "bin")),
    ("ditch the red one, its ugly", mv("red", "bin")),
    ("Kindly dispose of the red cube; it is no longer required.", mv("red", "bin")),
    ("Bin the red cube, it's not needed anymore.", mv("red", "bin")),
    ("Get rid of the red cube, we're done with it for this run.", mv("red", "bin")),
    ("Can you put all the cubes in the bin? I need to wipe this table down.",
     mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
])
def test_formal_frames_and_reasons_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    # negated, asked back, hedged, reported, or the speaker's own act
    "Might I trouble you not to move the red cube?",
    "Might you not move the red cube?",
    "Might you have moved the red cube?",
    "Might I put the red cube in the bin?",
    "Might I move the red cube to the left side?",
    "I should be obliged if you would not put the red cube in the bin.",
    "If it please you, do not put the red cube in the bin.",
    "Pray, do not put the red cube in the bin.",
    "Might you move the red cube to the left side, or not?",
    "You might move the red cube to the left side.",
    "You may not go home.",
    "You may go home?",
    "You may return home, I think.",
    "You can go home?",
    "You can return home, I think.",
    "You can go home now, I guess.",
    "You may return to your resting position, maybe.",
    "You may have gone home.",
    "May you go home.",
    "Excuse me, I am standing next to you. Put the red cube in the bin.",
    "Put the red cube on the pad, it's in the way.",
    "Don't bin the red cube, it's in the way.",
    "Bin the red cube, it's not in the way.",
    "Bin the red cube. It's in the way?",
    "Put the red cube on the pad, I need to wipe this table down.",
    "The red cube, it's in the way.",
])
def test_their_negated_questioned_and_hedged_variants_refuse(text: str) -> None:
    moves_nothing(text)
    assert isinstance(plan(text, S3), Refusal) or "home" not in text, text


@pytest.mark.parametrize(("text", "want"), [
    ("You can go home now.", HOME),
    ("That's all for today, you can go back home now.", HOME),
    ("ok you can go home now, thx", HOME),
    ("Put the red cube on the pad, then you can go home.", mv("red", "pad") + HOME),
    ("Put the red cube on the pad, then you could go home.", mv("red", "pad") + HOME),
])
def test_a_plain_dismissal_still_goes_home(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want
