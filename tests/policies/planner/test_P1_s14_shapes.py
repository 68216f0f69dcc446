"""English shapes of the s14 dev splits (fi40, fi41; register.py, dialect.py, phrasing.py, speech_act.py): a radio
operator's procedure ("Armstack, ..., over.", "Read back.", "I say again", "When able,"), an old register ("Prithee",
"thee", "thou", "yon", "upon", "I beseech thee"), haste ("stat", "quick as you can", "be swift about it"), a
kitchen's and a commentator's calls ("Yes chef!", "plate it", "eighty-six it", "Red one — left side — move it!"),
closings ("Grand so.", "There's a good robot.", "like a good lad"), verdicts and reasons around a disposal ("is
yucky", "'s off", "we're done with it", "it's right where I need to wipe"), Indian English ("dispose off", "keep X on
the pad", "wait there only"), "Can it push ...?", small talk before a request. Each beside its negated, questioned,
reported or near-miss variants, which must never run."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

from policies.planner import Clarification, SceneState
from policies.planner.planner import make_planner

P = [[0.45, 0.1, 0.022], [0.55, -0.12, 0.022], [0.38, -0.02, 0.022], [0.6, 0.15, 0.022], [0.5, -0.2, 0.022]]


def scene(*colours: str) -> SceneState:
    return cube_scene(*[(c, P[i]) for i, c in enumerate(colours)])


S5 = scene("red", "blue", "green", "orange", "purple")
HOME = ["go_home()"]


def asks_between(text: str, state: SceneState, candidates: set[str]) -> None:
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == candidates, (text, result)


# ------------------------------------------------------------- radio procedure
@pytest.mark.parametrize(("text", "want"), [
    ("Armstack, relocate green cube to the right side, over.", mv("green", "right")),
    ("Armstack, return to home, over and out.", HOME),
    ("Armstack, orange cube, place atop purple cube, over.", mv("orange", "purple")),
    ("Armstack, Tower, bin the green cube, I say again, bin the green cube, over.", mv("green", "bin")),
    ("Armstack, before placing red cube on blue cube, push green cube left. Read back.",
     ["push(object=green_cube, direction=left)", *mv("red", "blue")]),
    ("When able, move orange cube to the left side. Report complete.", mv("orange", "left")),
    ("Move the purple cube to the pad. Confirm when complete.", mv("purple", "pad")),
    ("Push blue cube left. Over.", ["push(object=blue_cube, direction=left)"]),
])
def test_radio_procedure(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Armstack, do not relocate green cube to the right side, over.",
    "Armstack, did you relocate green cube to the right side? Over.",
    "Armstack relocated green cube to the right side, over.",
    "Armstack, green cube relocated to the right side, over.",
    "Armstack, you relocated the green cube to the right side, over.",
    "Armstack, bin the green cube, I say again, bin the red cube, over.",
    "Orange cube, don't place atop purple cube.",
    "Orange cube, you placed atop purple cube?",
    "Armstack, orange cube, placed atop purple cube, over.",
    "When able, don't move orange cube to the left side.",
    "Move orange cube to the left side. Report complete?",
])
def test_radio_procedure_variants_refuse(text: str) -> None:
    moves_nothing(text, S5)


# ------------------------------------------------------------- old register
PRB = scene("purple", "red", "blue")


@pytest.mark.parametrize(("text", "want"), [
    ("Prithee, gentle machine, lay the purpel cube upon the redd one.", mv("purple", "red")),
    ("Set thou the purple cube upon the pad, and be swift about it.", mv("purple", "pad")),
    ("Lay the blue cube within the bin, I beseech thee.", mv("blue", "bin")),
    ("I pray thee, set the red cube upon the blue one.", mv("red", "blue")),
])
def test_old_register(text: str, want: list[str]) -> None:
    assert steps(text, PRB) == want


def test_old_register_yon_cube_asks_which() -> None:
    asks_between("Prithee, lift yon cube and lay it gently in the bin.", scene("purple", "orange"),
                 {"purple_cube", "orange_cube"})


@pytest.mark.parametrize("text", [
    "Prithee, gentle machine, lay not the purple cube upon the red one.",
    "Set thou not the purple cube upon the pad.",
    "Prithee, did you lay the purple cube upon the red one?",
    "Prithee, thou hast laid the purple cube upon the pad.",
    "Thou layest the purple cube upon the pad.",
    "Prithee, lay the purple cube upon the red one? Nay.",
    "Touch not the purple cube, I beseech thee.",
])
def test_old_register_variants_refuse(text: str) -> None:
    moves_nothing(text, PRB)


# ------------------------------------------------------------- haste
@pytest.mark.parametrize(("text", "want"), [
    ("Move the red one over to the right side please, quick as you can.", mv("red", "right")),
    ("Put the red cube in the bin, stat.", mv("red", "bin")),
    ("Put the blue cube on the pad, and be quick about it.", mv("blue", "pad")),
])
def test_haste(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Don't put the red cube in the bin, stat.",
    "Did you put the red cube in the bin, quick as you can?",
    "Put the stat in the bin.",
])
def test_haste_variants_refuse(text: str) -> None:
    moves_nothing(text, S5)


# ------------------------------------------------------------- kitchen and commentator calls, closings
YR = scene("yellow", "red")
YOB = scene("yellow", "orange", "blue")


@pytest.mark.parametrize(("text", "state", "want"), [
    ("Red one — left side — move it! Yes chef!", YR, mv("red", "left")),
    ("Plate the yellow one on the pad — service, please!", YOB, mv("yellow", "pad")),
    ("Listen, be a dote and put the yellow one on top of the red one, would you? Grand so.", YR, mv("yellow", "red")),
    ("Put the red one up on top of the yellow one there, like a good lad.", YR, mv("red", "yellow")),
    ("Would you move the red one over to the left for me, pet? There's a good robot.", YR, mv("red", "left")),
    ("That purple one's off — eighty-six it, straight in the bin!", scene("purple", "red"), mv("purple", "bin")),
    ("the orange block is yucky, put it in the rubbish!", scene("orange", "red"), mv("orange", "bin")),
    ("chuck the purple cube, we're done with it", scene("green", "purple", "blue"), mv("purple", "bin")),
    ("put all the cubes in the bin, we're packing up", scene("green", "red", "yellow"),
     mv("green", "bin") + mv("red", "bin") + mv("yellow", "bin")),
    ("Sorry to bother you — could you chuck the yellow one? It's right where I need to wipe.", YR, mv("yellow", "bin")),
    ("Okay, that's us done for the day. Back to your home position.", YR, HOME),
])
def test_calls_closings_verdicts_and_reasons(text: str, state: SceneState, want: list[str]) -> None:
    assert steps(text, state) == want


@pytest.mark.parametrize(("text", "state"), [
    ("Red one — left side — don't move it!", YR),
    ("Red one — left side — moved it?", YR),
    ("Plate the yellow one on the pad? No.", YOB),
    ("Don't plate the yellow one on the pad — service, please!", YOB),
    ("That purple one's off — don't eighty-six it!", scene("purple", "red")),
    ("the orange block is yucky, put it on the pad!", scene("orange", "red")),
    ("the orange block is yucky, don't put it in the rubbish!", scene("orange", "red")),
    ("put the purple cube on the pad, we're done with it", scene("green", "purple", "blue")),
    ("Sorry to bother you — could you put the yellow one on the pad? It's right where I need to wipe.", YR),
    ("You moved the red one over to the left, pet? There's a good robot.", YR),
])
def test_calls_closings_verdicts_and_reasons_variants_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------- Indian English, "can it", the way said again
@pytest.mark.parametrize(("text", "state", "want"), [
    ("Please do the needful and dispose off the orange block into the dustbin.", scene("orange", "red"),
     mv("orange", "bin")),
    ("Please, put the oragne cube in the bim.", scene("orange", "red"), mv("orange", "bin")),
    ("Kindly keep the green block on the pad, okay?", scene("green", "red"), mv("green", "pad")),
    ("Kindly keep the yellow cube on the pad only.", scene("yellow", "red"), mv("yellow", "pad")),
    ("Go to home position and wait there only, I will come back after lunch.", S5, HOME),
    ("Can it push the purple one to the left?", S5, ["push(object=purple_cube, direction=left)"]),
    ("can you push the yellow block backwards? towards you!", YOB, ["push(object=yellow_cube, direction=backward)"]),
    ("Shift the yellow cube across to the left side, please.", YOB, mv("yellow", "left")),
])
def test_indian_english_and_learners(text: str, state: SceneState, want: list[str]) -> None:
    assert steps(text, state) == want


def test_keep_that_block_asks_which() -> None:
    asks_between("Kindly keep that block on the pad, I will collect it after some time.", YR,
                 {"yellow_cube", "red_cube"})


@pytest.mark.parametrize(("text", "state"), [
    ("Don't keep the green block on the pad.", scene("green", "red")),
    ("Kindly don't keep the green block on the pad.", scene("green", "red")),
    ("Put the red cube in the bin but keep the green block on the pad.", scene("green", "red")),
    ("Keep the green block where it is.", scene("green", "red")),
    ("Did it push the purple one to the left?", S5),
    ("Can it go in the bin?", S5),
    ("can you push the yellow block forward? towards you!", YOB),
    ("Please do the needful and don't dispose off the orange block.", scene("orange", "red")),
    ("Go to home position and wait there only, I will put the red cube in the bin after lunch.", S5),
])
def test_indian_english_and_learners_variants_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------- small talk before the request
@pytest.mark.parametrize(("text", "state", "want"), [
    ("Hi there! Hope the morning's treating you well. We've got the funders coming round at eleven, so whenever you "
     "have a moment, could you put the blue cube on the pad? Thanks a million.", scene("blue", "red"),
     mv("blue", "pad")),
    ("Morning! Grant deadline's on Friday and I'm on my fourth coffee... anyway, could you put the green one on the "
     "pad when you get a sec? Cheers.", scene("green", "blue"), mv("green", "pad")),
    ("Hello robot, how are you doing? Very nice weather today in Bangalore, no? Okay, so please put the red block in "
     "the bin, thank you so much.", S5, mv("red", "bin")),
    ("Hi! Wow, this is so cool, my daughter would love it. Um, could you maybe put the purple cube on top of the red "
     "one? Thank you so much!", scene("purple", "red"), mv("purple", "red")),
    ("I need to wipe the whole table, so can you put all the cubes in the bin?", scene("red", "green", "blue"),
     mv("red", "bin") + mv("green", "bin") + mv("blue", "bin")),
])
def test_small_talk_before_a_request(text: str, state: SceneState, want: list[str]) -> None:
    assert steps(text, state) == want


def test_a_visitors_wonder_then_that_block_asks_which() -> None:
    asks_between("Oh neat, so it can move things? Could it pick that block up and put it on the left side?",
                 scene("orange", "purple"), {"orange_cube", "purple_cube"})


@pytest.mark.parametrize(("text", "state"), [
    ("We've got the funders coming round at eleven, so don't put the blue cube on the pad.", scene("blue", "red")),
    ("Grant deadline's on Friday and I'm on my fourth coffee... anyway, did you put the green one on the pad?",
     scene("green", "blue")),
    ("Very nice weather today in Bangalore, no? You put the red block in the bin?", S5),
    ("Wow, this is so cool, my daughter would love it. She put the purple cube on the red one.",
     scene("purple", "red")),
    ("I need to wipe the whole table, so can you not put any cube in the bin?", scene("red", "green", "blue")),
    ("Oh neat, so it can move things? It put the red cube in the bin.", S5),
    ("Oh neat, so it can move the red cube? Could it pick that block up?", scene("orange", "purple", "red")),
])
def test_small_talk_variants_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------- a formal register
GB = scene("green", "blue")


@pytest.mark.parametrize(("text", "state", "want"), [
    ("Firstly, the green cube shall be deposited in the bin; secondly, the blue cube shall be placed upon the pad; "
     "thirdly, the arm shall return to its home position.", GB, mv("green", "bin") + mv("blue", "pad") + HOME),
    ("The green cube shall be conveyed to the right-hand region.", scene("green", "purple"), mv("green", "right")),
    ("The aforementioned cube shall forthwith be conveyed to the right-hand region.", scene("green"),
     mv("green", "right")),
    ("Firstly, put the green cube in the bin; secondly, put the blue cube on the pad.", GB,
     mv("green", "bin") + mv("blue", "pad")),
])
def test_formal_register(text: str, state: SceneState, want: list[str]) -> None:
    assert steps(text, state) == want


def test_the_aforementioned_cube_asks_which() -> None:
    asks_between("The aforementioned cube shall forthwith be conveyed to the right-hand region.",
                 scene("green", "purple"), {"green_cube", "purple_cube"})


@pytest.mark.parametrize("text", [
    "The green cube shall not be deposited in the bin.",
    "The green cube shall be deposited in the bin?",
    "The green cube has been deposited in the bin.",
    "The arm will return to its home position.",
    "The arm shall not return to its home position.",
    "The green cube, the arm shall deposit in the bin? No.",
])
def test_formal_register_variants_refuse(text: str) -> None:
    moves_nothing(text, GB)


# ------------------------------------------------------------- a football commentator, a learner's Spanish, "send"
TOWERS = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.45, 0.1, 0.066]), ("green", [0.55, -0.12, 0.022]),
                    ("yellow", [0.55, -0.12, 0.066]), on={"blue_cube": "red_cube", "yellow_cube": "green_cube"})


@pytest.mark.parametrize(("text", "state", "want"), [
    ("Push the yellow one right, down the right flank — acres of space out there!", YR,
     ["push(object=yellow_cube, direction=right)"]),
    ("Put the yellow one encima of the purple — on top, sorry.", scene("yellow", "purple", "red"),
     mv("yellow", "purple")),
    ("Send the orange one to the left side.", scene("purple", "orange"), mv("orange", "left")),
    ("The cube situated furthest from the robot shall be placed upon the red cube.", scene("purple", "green", "red"),
     mv("green", "red")),
])
def test_commentator_learner_and_formal_words(text: str, state: SceneState, want: list[str]) -> None:
    assert steps(text, state) == want


def test_two_towers_on_the_pitch_asks_which_top() -> None:
    asks_between("Two towers on the pitch tonight — go on, take the top one and bury it in the bin!", TOWERS,
                 {"blue_cube", "yellow_cube"})


@pytest.mark.parametrize(("text", "state"), [
    ("Push the yellow one right, down the left flank — acres of space out there!", YR),
    ("Push the yellow one right, down the right flank?", YR),
    ("Put the yellow one encima of the purple — on the red, sorry.", scene("yellow", "purple", "red")),
    ("Don't send the orange one to the left side.", scene("purple", "orange")),
    ("You sent the orange one to the left side.", scene("purple", "orange")),
    ("Two towers on the pitch tonight — did you bury the top one in the bin?", TOWERS),
    ("The cube situated furthest from the robot shall not be placed upon the red cube.",
     scene("purple", "green", "red")),
])
def test_commentator_learner_and_formal_words_variants_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------- addresses and fillers around a request (fi40-007, fi41)
@pytest.mark.parametrize(("text", "want"), [
    ("Armstack, good morning, traffic is light today, nothing much on the frequency. When able, move orange cube to "
     "the left side. Report complete.", mv("orange", "left")),
    ("Put the red cube in the bin, robot — now!", mv("red", "bin")),
    ("Put the red cube in the bin, robot!", mv("red", "bin")),
    ("Like, just put the red cube in the bin.", mv("red", "bin")),
    ("Put the red cube in the bin, son.", mv("red", "bin")),
    ("Put the red cube in the bin, go on!", mv("red", "bin")),
])
def test_addresses_and_fillers(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Traffic is light today. Don't move orange cube to the left side.",
    "Traffic is light today, nothing much on the frequency. Did you move orange cube to the left side?",
    "Like, don't put the red cube in the bin.",
    "Don't put the red cube in the bin, son.",
    "Don't put the red cube in the bin, go on!",
    "Did you put the red cube in the bin, robot?",
    "Move the robot to the bin.",
])
def test_addresses_and_fillers_variants_refuse(text: str) -> None:
    moves_nothing(text, S5)
