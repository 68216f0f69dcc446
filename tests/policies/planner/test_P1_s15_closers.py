"""Closings after a request that the seen splits' writers use and the planner refused (register.py): haste said as a
part of its own ("..., quick.", "Quick.", "quick pls", ", chop chop.", "Double time!", "Move it, move it!", "rq"), a
drill sergeant's, Welsh or Midlands address ("..., soldier!", "..., bach."), a radio operator's "Out.", a shrug
("... easy"). A laugh right after a request with no mark before it ("put the red cube in the bin lol") was refused here
(A1 s10 H5) though seen golds plan it; P1 s19 settled the convention with the golds: it is tone and plans
(test_P1_s19_residues), while "lol jk" and a laugh after a report, a goal, a negation or a question stay refused.
Each closing only after a request: after a "you put ..." report, a stated goal, a negation or a question it stays,
and the instruction is refused as before.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Clarification

HOME = ["go_home()"]


@pytest.mark.parametrize(("text", "want"), [
    ("Grab the red cube and put it in the bin, quick.", mv("red", "bin")),
    ("Put the red cube in the bin. Quick.", mv("red", "bin")),
    ("ok put the red cube on the pad. quick pls", mv("red", "pad")),
    ("Put the red cube on the pad, real quick.", mv("red", "pad")),
    ("park the red cube on the pad rq", mv("red", "pad")),
    ("put the red cube on the pad real quick", mv("red", "pad")),
    ("Put the blue one on the red one, chop chop.", mv("blue", "red")),
    ("Put the red cube in the bin, chop-chop!", mv("red", "bin")),
    ("Put the red cube in the bin, sharpish.", mv("red", "bin")),
    ("Stow the red cube in the bin, smartly now.", mv("red", "bin")),
    ("Put the red cube in the bin, and make it snappy.", mv("red", "bin")),
    ("Put the red cube in the bin! Double time!", mv("red", "bin")),
    ("Put the red cube in the bin! Move it, move it!", mv("red", "bin")),
    ("Grab the red cube and stack it on the blue one! MOVE IT!", mv("red", "blue")),
    ("Put the red cube in the bin, right now.", mv("red", "bin")),
    ("Pile the blue cube on top of the green cube, soldier! On the double!", mv("blue", "green")),
    ("Put the red cube in the bin, recruit!", mv("red", "bin")),
    ("Shift the red one across to the right-hand side, bach.", mv("red", "right")),
    ("Put the red cube on the pad, me duck.", mv("red", "pad")),
    ("Put the red one in the bin, then go back to home position jare.", mv("red", "bin") + HOME),
    ("Red cube to bin, then return to home position. Out.", mv("red", "bin") + HOME),
    ("Put the red cube in the bin. Over and out.", mv("red", "bin")),
    ("put the red cube on the pad, then the blue one goes over to the left side. easy",
     mv("red", "pad") + mv("blue", "left")),
])
def test_a_closing_of_haste_address_or_laughter_after_a_request_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_a_laugh_after_a_bare_space_is_tone() -> None:
    # (P1 s19: the seen golds' convention, fi31-047 asks, fi30-023 plans; pinned refused until s18)
    two = cube_scene(("yellow", [0.45, 0.1, 0.022]), ("purple", [0.55, -0.12, 0.022]))
    assert isinstance(plan("nudge the cube left a bit lol", two), Clarification)
    assert steps("put every single cube on the pad lol", two) == mv("yellow", "pad") + mv("purple", "pad")
    assert steps("put the yellow cube in the bin lol", two) == mv("yellow", "bin")


@pytest.mark.parametrize("text", [
    # a laugh that takes it back, or a report, a stated goal, a negation, a question, a hedge before the closing
    "put the red cube in the bin lol jk",
    "put the red cube in the bin, just kidding lol",
    "Put the red cube in the bin. Jk, quick.",
    "You put the red cube in the bin lol",
    "ok you put the red cube in the bin lol",
    "you put red in the bin rq",
    "Red in the bin lol",
    "ok, the red cube is in the bin lol",
    "the red cube is on the pad, quick.",
    "Do not put the red cube in the bin, quick.",
    "don't put the red cube in the bin lol",
    "Never put the red cube in the bin! Move it!",
    "Did you put the red cube in the bin? Quick.",
    "Maybe put the red cube in the bin, quick.",  # (a softener plans; the closing after it stays unread)
    "Put the red cube in the bin, maybe, quick.",
    "Put the red cube in the bin tomorrow, chop chop.",
    "I put the red cube in the bin lol",
    "Put the red cube on the pad. Move it.",
    "Put the red cube on the pad. Move it to the bin!",
    "Put the red cube in the bin, wait, quick.",
])
def test_the_same_closings_never_rescue_what_refuses(text: str) -> None:
    moves_nothing(text)
