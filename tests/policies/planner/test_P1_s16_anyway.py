"""Small talk closed by "anyway" before the request (P1 s15 residue: about 20 seen records by independent writers were
refused). The family: a preamble the speaker closes with "anyway" / "anyways" / "anyhow" / "at any rate" / "be that as
it may" / "(but) enough about me" / "(all) that aside" / "I digress" (after a mark; "well, / so, / but, / oh," before
it) is dropped where EVERY part of it (between marks) has a closed shape of small talk (register._CHAT_PART): a
greeting or an interjection alone, how the robot is ("hope you're well"), a time judged ("long night", "what a day",
"fine morning"), the weather ("lovely weather", "hot one out here today", "muck"), coffee, a game or a match ("what a
game last night", "you catch that fourth quarter?"), and no part holds a word that could bear on the request or opens
on a preposition or subordinator (A1 s16 H97: "The guard door is open.", "Tomorrow,", "On my signal,", "In my novel,",
"The wastebasket is full.", "Let's play a game." keep the whole, which is then refused as unread). Any other preamble
is read as said.

Also a closing of thanks said as "Appreciate ya." (phrasing.py's closing sentences).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Plan

S4 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                ("yellow", [0.5, 0.2, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    ("Lovely weather today, anyway, put the red cube in the bin.", mv("red", "bin")),
    ("Lovely weather today. Anyway, put the red cube in the bin.", mv("red", "bin")),
    ("Lovely weather today. So anyway, put the red cube in the bin.", mv("red", "bin")),
    ("Man, what a game last night, you catch that fourth quarter? Unreal. Anyway, could you put the blue cube on the "
     "pad? Appreciate ya.", mv("blue", "pad")),
    ("Ahoy there, old friend. Fine morning. Anyway, be a good lad and set the blue cube down on top of the green one, "
     "would you?", mv("blue", "green")),
    ("God, the weather's been desperate, the cows are up to their knees in muck. Anyway, while I think of it, would "
     "you put the red one up on the green one? Thanks a million.", mv("red", "green")),
    ("Morning! Long night in here, coffee machine's broken again... anyway, can you move the green cube to the right "
     "side? Cheers.", mv("green", "right")),
    ("Well howdy. Been dry as a bone out at the ranch and the cattle are ornery as all get-out. Anyhow, would ya move "
     "that red cube over to the right side for me?", mv("red", "right")),
    ("Morning! Hope you're well, long day of trials ahead. Anyway, when you get a sec could you move the blue cube "
     "onto the red one? Thanks a million, you're a star.", mv("blue", "red")),
    ("What a week it has been. Be that as it may, I should like you to put the red cube on the left side.",
     mv("red", "left")),
    ("Alright mate, had a proper long session in the studio last night. Anyway, be a diamond and put the blue one on "
     "top of the green one for us, yeah?", mv("blue", "green")),
    ("Ugh, what a party on Saturday. But enough about me, put the green cube on the pad.", mv("green", "pad")),
    ("Rainy morning, what a week. Anyways, pop the red cube in the bin please.", mv("red", "bin")),
    ("Ugh, Mondays. At any rate, could you put the blue cube in the bin?", mv("blue", "bin")),
])
def test_small_talk_closed_by_anyway_is_dropped(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


def test_a_yellow_cube_after_small_talk() -> None:
    assert steps("Cold one today, innit. Anyway, stack the yellow cube on the green one.", S4) == mv("yellow", "green")


@pytest.mark.parametrize("text", [
    # the preamble bears on the request: kept, hence refused
    "Don't move anything. Anyway, put the red cube in the bin.",
    "The red cube is fragile. Anyway, put it in the bin.",
    "My boss said not to. Anyway, put the red cube in the bin.",
    "This is just a test. Anyway, put the red cube in the bin.",
    "I'm kidding. Anyway, put the red cube in the bin.",
    "Someone is standing right by you. Anyway, put the red cube in the bin.",
    "Careful, it's hot. Anyway, put the red cube in the bin.",
    "If the light turns green. Anyway, put the red cube in the bin.",
    "Imagine a world of cubes. Anyway, put the red cube in the bin.",
    "Lovely weather 🛑. Anyway, put the red cube in the bin.",
    "The gripper's been acting up. Anyway, put the red cube in the bin.",
    "Hope you don't drop it. Anyway, put the red cube in the bin.",
    "You were told to wait. Anyway, put the red cube in the bin.",
    "It'll be fine. Anyway, put the red cube in the bin.",
    "There's a kid near the table. Anyway, put the red cube in the bin.",
    "My hand is in the way. Anyway, put the red cube in the bin.",
    "Wait for my signal. Anyway, put the red cube in the bin.",
    "Nobody's allowed to touch the bin today. Anyway, put the red cube in the bin.",
    "Only after lunch. Anyway, put the red cube in the bin.",
    "Everything stays where it is. Anyway, put the red cube in the bin.",
    "Pretend you're a crane. Anyway, put the red cube in the bin.",
    # A1 s16 H97: a time that defers, a condition, an unsafe state, an unusable bin, make-believe, doubt or a stop, a
    # question after it; and a part of small talk beside one that is none
    "The guard door is open. Anyway, put the red cube in the bin.",
    "Tomorrow, anyway, put the red cube in the bin.",
    "In an hour, anyway, put the red cube in the bin.",
    "On my signal, anyway, put the red cube in the bin.",
    "As soon as the bell rings, anyway, put the red cube in the bin.",
    "Provided the coast is clear, anyway, put the red cube in the bin.",
    "The technician is still inside the cell. Anyway, put the red cube in the bin.",
    "Sarah is leaning in. Anyway, put the red cube in the bin.",
    "Sparks everywhere. Anyway, put the red cube in the bin.",
    "Lockout is on. Anyway, put the red cube in the bin.",
    "The wastebasket is full. Anyway, put the red cube in the bin.",
    "Let's play a game. Anyway, put the red cube in the bin.",
    "In my novel, anyway, put the red cube in the bin.",
    "On paper, anyway, put the red cube in the bin.",
    "I have doubts. Anyway, put the red cube in the bin.",
    "Freeze. Anyway, put the red cube in the bin.",
    "Just wondering. Anyway, would you ever put the red cube in the bin?",
    "Lovely weather, the guard door is open. Anyway, put the red cube in the bin.",
    "What a game, the technician is inside. Anyway, put the red cube in the bin.",
    "Great game last night, stop. Anyway, put the red cube in the bin.",
    "What a day tomorrow. Anyway, put the red cube in the bin.",
    "Coffee spilled everywhere. Anyway, put the red cube in the bin.",
    "The coffee machine is on fire. Anyway, put the red cube in the bin.",
    "Hope you're well, Sarah is behind you. Anyway, put the red cube in the bin.",
    "Long night, I'm standing right next to you. Anyway, put the red cube in the bin.",
    "Lovely weather in the cell today. Anyway, put the red cube in the bin.",
    # the request after it negated, questioned, reported, hedged or empty
    "Lovely weather today, anyway, did you put the red cube in the bin?",
    "Lovely weather today, anyway, you put the red cube in the bin?",
    "Lovely weather today, anyway, don't put the red cube in the bin.",
    "Lovely weather today, anyway, I put the red cube in the bin.",
    "Lovely weather today, anyway, red cube in the bin?",
    "Lovely weather today, anyway, you let the red cube go into the bin.",
    "Lovely weather today, anyway, maybe put the red cube in the bin and maybe the blue one on the pad.",
    "Lovely weather today, anyway.",
    "Lovely weather today, anyway, put the red cube in the bin, just kidding.",
])
def test_a_preamble_that_bears_on_the_request_or_a_request_not_made_refuses(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text
