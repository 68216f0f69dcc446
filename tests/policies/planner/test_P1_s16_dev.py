"""The shape classes of the sixteenth session's dev splits (fi46, fi47), each read as a family, with its negated,
questioned, reported and hedged variants refused (examples below are variants in the three-cube scene S3, not the
dev records):

- S1 openers: interjections "Ooh," / "ooh" / "oi" before a request; a polite ask of the robot in the third person,
  behind an interjection too ("Ooh, can it pick ...?", "can the robot park ...?"); "(please|kindly|can you) help me
  <verb>"; texting's "cn u / cld u / wud u"; "park <cube> on <place>" and "for now" after the place; "that pad thing";
  a closing "eh" with no mark (New Zealand); "just wanna see it go" after a request (register.py, phrasing.py);
- S2 closings and addresses after a request: "sweet as", "chur", "good as gold", ", mind.", "Ship it.", "Like, right
  now.", "Done." (only after an imperative: "Red cube in the bin. Done." stays refused), "hoss", a tag with an address
  ("would ya partner?"), the Southern "red'n";
- S3 asides: "It's shy." (a cube as a shy or sleepy creature), "I don't have all day", "Drumroll...", "it's in the way
  of my mop" after a disposal, "before the audit" after a place;
- S4 wish frames: "what I'd love is for you to <verb>", "Reckon you could ...?" (never "I reckon you could ...", a
  supposition), "'cept", "'em"; a causative "get X moved (over) to <place>";
- S7 the poetic register: "the <colour> stone", "ocean-blue", "sky-blue", "sun-coloured", "the bin's dark mouth",
  "let X slip into", "let X sleep undisturbed" (leave it alone);
- S8 dialect verbs: "git", "head on home", "go and rest at your home position".
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Plan

HOME = ["go_home()"]
PUSH_LEFT_BLUE = ["push(object=blue_cube, direction=left)"]


@pytest.mark.parametrize(("text", "want"), [
    # S1
    ("Ooh, can it pick the red one up and put it over on the left?", mv("red", "left")),
    ("ooh can you push the blue block to the left?", PUSH_LEFT_BLUE),
    ("oi push the blue one to the left eh", PUSH_LEFT_BLUE),
    ("can the robot park the blue one on that pad thing?", mv("blue", "pad")),
    ("Could the robot put the red cube in the bin?", mv("red", "bin")),
    ("park the red cube on the pad for now, ta", mv("red", "pad")),
    ("Please help me put the red cube inside the bin.", mv("red", "bin")),
    ("Kindly help me move the red cube to the right side, thank you.", mv("red", "right")),
    ("Can you help me put the red cube in the bin?", mv("red", "bin")),
    ("cn u put the red one in the bin thx", mv("red", "bin")),
    ("could it move the red one over to the left? just wanna see it go", mv("red", "left")),
    # S2
    ("Put the red cube in the bin, sweet as.", mv("red", "bin")),
    ("Push that blue block left, hoss.", PUSH_LEFT_BLUE),
    ("Trash the blue one. Like, right now.", mv("blue", "bin")),
    ("Put the red cube on the left side. Ship it.", mv("red", "left")),
    ("Stick the red one on top of the blue one for us, good as gold.", mv("red", "blue")),
    ("Set the red block in the bin for me, would ya partner?", mv("red", "bin")),
    ("Put that red one on top of the blue'n, would ya.", mv("red", "blue")),
    # S3
    ("Give the blue cube a little nudge to the left. Gently. It's shy.", PUSH_LEFT_BLUE),
    ("Just bin the red cube, I don't have all day.", mv("red", "bin")),
    ("Put the red cube in the bin! Drumroll...", mv("red", "bin")),
    ("sorry love, can you get rid of the red one? it's in the way of my mop", mv("red", "bin")),
    ("Can we get the red one moved over to the right side before the audit?", mv("red", "right")),
    # S4
    ("so what I'd love is for you to put the green cube on the red one, if that's alright? thanks a million",
     mv("green", "red")),
    ("Reckon you could put the red cube in the bin?", mv("red", "bin")),
    ("Do you reckon you could put the red cube in the bin?", mv("red", "bin")),
    ("Reckon you could put all of 'em on the left side, 'cept the red one?", mv("blue", "left") + mv("green", "left")),
    ("Get the red cube moved to the pad.", mv("red", "pad")),
    # S7
    ("Let the sky-blue stone slip into the bin's dark mouth.", mv("blue", "bin")),
    ("Let the crimson one sleep undisturbed; carry the ocean-blue stone to the right side.", mv("blue", "right")),
    ("Lay the green stone upon the pad.", mv("green", "pad")),
    # S8
    ("First off, git that red block over on the right side, then head on home.", mv("red", "right") + HOME),
    ("Please put the red cube inside the bin, then go and rest at your home position.", mv("red", "bin") + HOME),
    ("Go and rest at your home position.", HOME),
])
def test_the_dev_shapes_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    # negated
    "Don't help me put the red cube in the bin.",
    "Don't park the red cube on the pad.",
    "Don't put the red cube in the bin, sweet as.",
    "Don't get the red cube moved to the pad.",
    "Don't let the sky-blue stone slip into the bin's dark mouth.",
    "Don't go and rest at your home position.",
    "What I'd love is for you to not put the green cube on the red one.",
    "Don't reckon you could put the red cube in the bin?",
    # reported or done
    "You help me put the red cube in the bin.",
    "He helped me put the red cube in the bin.",
    "You got the red cube moved to the pad.",
    "Did you get the red cube moved to the pad?",
    "You let the sky-blue stone slip into the bin's dark mouth.",
    "You put the red cube in the bin, would ya partner?",
    "You put the red cube in the bin. Done.",
    "You put the red cube in the bin, sweet as.",
    "Ooh, it put the red cube in the bin.",
    "sorry love, you got rid of the red one.",
    "What I'd have loved is for you to put the green cube on the red one.",
    # a supposition, a question or a bare goal that the closing would make a request of
    "I reckon you could put the red cube in the bin.",
    "Could the arm put the red cube in the bin, I wonder.",
    "Red cube in the bin. Done.",
    "Put the red cube in the bin. Done.",  # may say it is done already (test_planner_s8_shapes_adversary)
    "Red cube in the bin, sweet as?",
    "Red cube in the bin? Ship it.",
    "Put the red cube in the bin? Done.",
    "Red cube in the bin, I don't have all day.",
    "Just bin the red cube, I don't have all day?",
    "Red cube in the bin! Drumroll...",
    "Put the red cube in the bin, mind?",
    "Blue cube to the left. It's shy.",
    # an aside that may warn stays
    "Give the blue cube a little nudge to the left. It's hot.",
    "Give the blue cube a little nudge to the left. It's broken.",
    # "park" of no place, "let X sleep" with a place
    "Park the red cube.",
    "Let the crimson one sleep undisturbed on the pad; carry the blue cube to the right side.",
    "Let the crimson one sleep undisturbed.",
])
def test_their_variants_refuse(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text
