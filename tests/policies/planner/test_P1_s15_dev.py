"""The fifteenth session's dev splits (fresh_independent_43/44) and the seen splits they share shapes with
(dialect.py, register.py): Jamaican Patois word for word (fi33, fi39, fi43: "Put di green one pon di red one, den tek
di blue one an' put it inna di bin."); Singlish topic-comment requests ("Yellow one stack on purple one can or not?");
gentleness said in other words ("Softly, if you can.", "With the softest touch, ...", "quietly"); a coach's push after
the request ("Come on!", "Let's go!", "What are you waiting for?!"); a pilot's checklist ("Item two: ... Set.",
"Final item: arm, home position. Checklist complete."). Each beside its negated, questioned, reported and near-miss
variants, which refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

HOME = ["go_home()"]
Y = cube_scene(("yellow", [0.45, 0.1, 0.022]), ("purple", [0.55, -0.12, 0.022]), ("red", [0.38, -0.02, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    ("Put di red one pon di blue one, den tek di green one an' put it inna di bin.",
     mv("red", "blue") + mv("green", "bin")),
    ("Carry di blue cube go pon di pad, yuh hear?", mv("blue", "pad")),
    ("Carry di red one go put it dung pon di pad.", mv("red", "pad")),
    ("Mek di red cube sit pon top a di blue one.", mv("red", "blue")),
    ("Lef di red cube alone, jus put di blue one pon top a di green.", mv("blue", "green")),
    ("Yow, di green block deh so, dump it inna di bin fi mi.", mv("green", "bin")),
    ("Wah gwaan, robot! Do mi a likkle favour an' put di red one pon di pad, yeh? Bless up.", mv("red", "pad")),
    ("Put di red cube inna di bin, please.", mv("red", "bin")),
])
def test_jamaican_patois_plans_as_the_english_it_says(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Nuh put di red cube inna di bin.",
    "Nuh touch di red one, put it inna di bin.",
    "Mi put di red cube inna di bin.",
    "Yuh put di red cube inna di bin?",
    "Yuh did put di red cube inna di bin.",
    "Di red cube deh inna di bin.",
    "Mi nuh want di red cube inna di bin.",
    "Cyaan put di red one inna di bin.",
    "Neva put di red one pon di pad.",
    "Put di red cube inna di bin, nuh?",
    "Nuh badda put di red one inna di bin.",
])
def test_patois_negated_questioned_reported_and_hedged_refuse(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Yellow one stack on purple one can or not?", mv("yellow", "purple")),
    ("Don't disturb the red one ah. Yellow one put on top of purple can?", mv("yellow", "purple")),
    ("Yellow cube put on the pad can or not? Thanks ah.", mv("yellow", "pad")),
    ("Eh robot, purple one put inside bin, thank you ah.", mv("purple", "bin")),
    ("Yellow one you put on the pad can?", mv("yellow", "pad")),
])
def test_singlish_topic_comment_requests_plan(text: str, want: list[str]) -> None:
    assert steps(text, Y) == want


@pytest.mark.parametrize("text", [
    "Yellow one cannot put on the pad can?",
    "Yellow one don't put on the pad can?",
    "Yellow one I put on the pad lah.",
    "Yellow one put on the pad already can?",
    "Yellow one put on the pad.",
])
def test_singlish_negated_reported_or_unmarked_refuse(text: str) -> None:
    moves_nothing(text, Y)


@pytest.mark.parametrize(("text", "want"), [
    ("Could you place the red cube into the bin, please? Softly, if you can.", mv("red", "bin")),
    ("Could you quietly go back to your home position, please? Thank you.", HOME),
    ("Nudge the red cube forward, real gentle.", ["push(object=red_cube, direction=forward)"]),
    ("With the softest touch, nudge the blue cube forward.", ["push(object=blue_cube, direction=forward)"]),
    ("Put the red cube on the pad, light as a breath.", mv("red", "pad")),
    ("Put the red cube on the pad, softly.", mv("red", "pad")),
    ("Put the red cube in the bin, easy does it.", mv("red", "bin")),
    ("Put the red cube in the bin! Come on!", mv("red", "bin")),
    ("Red in the bin! Then blue on the pad! Then get yourself home! Come on!",
     mv("red", "bin") + mv("blue", "pad") + HOME),
    ("Put the red cube on the left side! Come on, move it, move it!", mv("red", "left")),
    ("Put every cube in the bin! Let's go!", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("PUSH THE RED CUBE FORWARD! WHAT ARE YOU WAITING FOR?!", ["push(object=red_cube, direction=forward)"]),
    ("Item two: blue cube onto the red cube. Set.", mv("blue", "red")),
    ("Final item: arm, home position. Checklist complete.", HOME),
    ("Item three: green cube, landing pad. Set.", mv("green", "pad")),
    ("Red cube, left side! Then the blue cube on the pad! Then back to your home position! Move it, move it!",
     mv("red", "left") + mv("blue", "pad") + HOME),
    ("Put the red cube on the pad. Check.", mv("red", "pad")),
])
def test_gentleness_a_coachs_push_and_a_checklist_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Softly, if you can.",
    "Gently, don't put the red cube in the bin.",
    "Don't put the red cube in the bin, softly.",
    "Come on, don't put the red cube in the bin.",
    "Don't put the red cube in the bin! Come on!",
    "Did you put the red cube in the bin? Come on!",
    "Red cube, left side?",
    "Red cube, not left side.",
    "Red cube, left side, I think.",
    "Item two: don't put the red cube on the pad. Set.",
    "Item two: you put the red cube on the pad. Check.",
    "The red cube is on the left side. Check.",
    "Arm, home position?",
])
def test_their_negated_questioned_and_reported_variants_refuse(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    # a particle that asks the listener to agree, doubts, or resigns: the topic-comment may say it is done (A1 s15 H81)
    "Purple one put inside bin hor?",
    "Purple one put inside bin hor.",
    "Purple one put inside bin leh?",
    "Purple one put inside bin lor.",
    "Eh robot, purple one put inside bin hor.",
    "Purple one put inside bin already lah.",
])
def test_singlish_topic_comment_with_a_doubting_particle_refuses(text: str) -> None:
    moves_nothing(text, Y)
