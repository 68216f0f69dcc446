"""More shapes of the fifteenth session's dev splits (register.py), each a closed form beside the variants that refuse:

- a verdict on a cube right before its disposal ("The green cube's contaminated, dump it in the bin please.",
  fi44-018; "That green block's scrap. Get it binned.", fi43-059; "That yellow block's just rubbish isn't it, toss it
  in the bin ...", fi43-053; "ngl the far one is kinda mid, bin it", fi43-043) and a reason after it ("it ain't worth
  a plug nickel", fi44-003); before anything but a disposal of it the verdict stays unread;
- Texan "y'all" / "ya" for the robot (fi44-052, fi44-042), "sittin'";
- a stage direction between asterisks ("*whispers* pardon me...", fi44-039);
- a yoga teacher's breath cues and a cube let or allowed to go to a place ("Inhale, and carry ...", "Exhale, and let
  the yellow cube go into the bin.", fi43-021; "Let the cube nearest to you travel gently to the pad.", fi43-023;
  "Allow X to travel onto Y"; never "rest"/"settle", which may leave it where it is, A1 s12 b91);
- cleaning to be done where the arm is, before a request to go home ("I need to mop round there, can you go home for
  a bit?", fi44-062).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

HOME = ["go_home()"]


@pytest.mark.parametrize(("text", "want"), [
    ("The red cube's contaminated, dump it in the bin please.", mv("red", "bin")),
    ("That red block's scrap. Get it binned.", mv("red", "bin")),
    ("That red block's just rubbish isn't it, toss it in the bin for me would you", mv("red", "bin")),
    ("ngl the red one is kinda mid, bin it", mv("red", "bin")),
    ("The red one's spoilt, get rid of it.", mv("red", "bin")),
    ("Get rid of that red block, it ain't worth a plug nickel.", mv("red", "bin")),
    ("After y'all put the red cube in the bin, set the blue one over on the right side.",
     mv("red", "bin") + mv("blue", "right")),
    ("Take the cube sittin' closest to ya and set it on the pad.", mv("green", "pad")),
    ("*whispers* pardon me... could you kindly put the red cube on the pad? thank you so much.", mv("red", "pad")),
    ("Inhale, and carry the red cube across to the left side. Exhale, and let the blue cube go into the bin. "
     "Then return to your resting position.", mv("red", "left") + mv("blue", "bin") + HOME),
    ("Let the cube nearest to you travel gently to the pad.", mv("green", "pad")),
    ("Allow the red cube to travel gently onto the green cube, light as a breath.", mv("red", "green")),
    ("I need to mop round there, can you go home for a bit?", HOME),
    ("Go home for a bit.", HOME),
    ("Don't you lay a finger on that red cube, now. Just move the green one over to the left side.",
     mv("green", "left")),
    ("We won't be needing the red cube any more, please dispose of it.", mv("red", "bin")),
    ("Listen up! Grab the red cube and stack it on the blue one! MOVE IT!", mv("red", "blue")),
    ("gg, now stack the red cube on the blue one", mv("red", "blue")),
    ("ok chat watch this. bestie, park the red cube on the pad for me pls", mv("red", "pad")),
    ("just pop the red one on the pad for me love, i need to get round here", mv("red", "pad")),
    # homophones spelt by ear, Indian English "please to", going home said otherwise (fi33, fi31-008, fi30-050,
    # fi39-064, f29-048)
    ("pick up the read cube and put it in the been then put the green cube on the pad then go home",
     mv("red", "bin") + mv("green", "pad") + HOME),
    ("put the green cube on top of the blew cube", mv("green", "blue")),
    ("push the green cube to the write", ["push(object=green_cube, direction=right)"]),
    ("move the blue cube two the left side of the table", mv("blue", "left")),
    ("Please to place the red cube atop the blue cube. Do the needful.", mv("red", "blue")),
    ("That'll do for today, mate. Back to your home position and stand easy.", HOME),
    ("Put the blue cube in the bin and then park yourself back at home.", mv("blue", "bin") + HOME),
    ("park the arm, shift's over", HOME),
])
def test_dev_shapes_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "The red cube's contaminated, put it on the pad.",
    "The red cube's contaminated, dump it on the pad.",
    "The red cube's contaminated, don't bin it.",
    "The red cube's contaminated, bin the blue one.",
    "The red cube's contaminated.",
    "Is the red cube contaminated? Bin it.",
    "The red cube's not contaminated, bin it.",
    "The red cube's contaminated, bin it?",
    "Put the red cube on the pad, it ain't worth a plug nickel.",
    "Don't let the red cube go into the bin.",
    "Let the red cube go.",
    "Let the red cube rest, undisturbed.",
    # "settle" may leave the cube where it is (A1 s12 b91): never read as "put"
    # ("Allow the red cube to rest upon the green cube, light as a breath." and "Let the red cube rest on the pad."
    # plan since s21: P3's F-LET, put where it is not, as seen gold fi43-051 reads the first)
    "Let the red cube settle on the pad.",
    "Let the red cube go into the bin, maybe.",
    "*laughs* don't put the red cube in the bin.",
    "I need to mop round there, can you put the red cube in the bin?",
    "I need to mop round there, don't go home.",
    "Y'all put the red cube in the bin?",
    "We won't be needing the red cube any more, please put it on the pad.",
    "We won't be needing the red cube any more.",
    "We will be needing the red cube, please dispose of it.",
    "The red cube is not needed anymore, don't bin it.",
    "Don't you lay a finger on that red cube, now.",
    "Listen up! Don't touch the red cube!",
    "Listen up! I put the red cube in the bin.",
    "gg, you put the red cube in the bin?",
    "just pop the red one on the pad for me, i need to get round here before you do.",
    "Don't put the read cube in the been.",
    "I read the red cube.",
    "You put the blew cube in the been?",
])
def test_their_variants_refuse(text: str) -> None:
    moves_nothing(text)
