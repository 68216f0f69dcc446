"""Session 24, English meaning (issue #17): each reading a closed form with its negated, asked, reported, hedged and
near-miss twins.

- a telegraphic goal (semantic_parser.telegraphic_goal): a cube named by its colour, its own fragment, then a place,
  its own fragment ("Green. Pad.", "Blue cube. Onto the pad.", "Red cube, pad, whenever you're ready."; seen fi54-051,
  fi54-057, fi60-032, fi64-047, fi69-067; the French and German of translation._TELEGRAPHIC) is "green to pad",
  spelt before every screen, so the hedged, asked, negated, reported and deferred twins refuse as the verbless goal's
  do.
- a hedge closing a sentence that more sentences follow ("Red in the bin, I think. Blue on the pad.", planned both on
  ee94f9f): the words up to it are screened as if it closed them all (unasked._hedged_before_more).
- REV s24 R1: cubes counted, coordinated or lumped as the subject of a hedged or asked goal ("The three cubes in the
  bin, I think.", "Red and blue in the bin - I suppose.", "The whole lot goes in the bin, I think.": unasked
  _MORE_CUBES).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv

from policies.planner import SceneState
from policies.planner.semantic_parser import parse, step_unlabelled, telegraphic_goal

S4 = cube_scene(("yellow", [0.45, 0.12, 0.022]), ("purple", [0.55, -0.12, 0.022]), ("red", [0.38, -0.02, 0.022]),
                ("green", [0.6, 0.1, 0.022]))


# ------------------------------------------------------------------------------------------- a telegraphic goal
@pytest.mark.parametrize(("text", "want"), [
    ("Green. Pad.", mv("green", "pad")),
    ("Green. Pad. Go.", mv("green", "pad")),
    ("Green. Pad. Now.", mv("green", "pad")),
    ("Red cube. Bin.", mv("red", "bin")),
    ("Red. Bin.", mv("red", "bin")),
    ("Red. Trash.", mv("red", "bin")),
    ("The red one. In the bin.", mv("red", "bin")),
    ("Blue cube. Onto the pad.", mv("blue", "pad")),
    ("Blue cube. Right side.", mv("blue", "right")),
    ("Blue block! Left side!", mv("blue", "left")),
    ("Green. To the left.", mv("green", "left")),
    ("Red. Left-hand side.", mv("red", "left")),
    ("Red. Landing pad.", mv("red", "pad")),
    ("Red cube, pad, whenever you're ready.", mv("red", "pad")),
    ("Green. Pad. Red. Bin.", mv("green", "pad") + mv("red", "bin")),
    ("Green, pad, then red, bin.", mv("green", "pad") + mv("red", "bin")),
    ("Red, bin. Blue, pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Green. Pad. Then home.", [*mv("green", "pad"), "go_home()"]),
    ("Put blue on the pad. Red. Bin.", mv("blue", "pad") + mv("red", "bin")),
    ("Green. Pad, please.", mv("green", "pad")),
])
def test_a_cube_then_a_place_each_its_own_fragment_plans_the_cube_to_the_place(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    # hedged
    "Green. Pad. I think.", "Green. Pad, I think.", "Green. Pad. I guess.", "Green. Pad. Maybe.", "Green. Pad, maybe.",
    "Green. Pad. Probably.", "Green. Pad. I reckon.", "Green. Pad. Perhaps.", "Green. Pad. I suppose.",
    "Maybe green. Pad.", "I think green. Pad.", "Green. Maybe pad.", "Green, I think. Pad.",
    "Red cube! Bin! I think.", "Put blue on the pad. Red cube! Bin! I think.",
    "Put blue on the pad. Red. Bin. I think.",
    "Red. Bin, I think. Blue. Pad.", "Red. Bin. Blue. Pad, I think.",
    # asked
    "Green. Pad?", "Green? Pad.", "Green? Pad?", "Green. Pad. Right?", "Green. Pad. Ok?", "Green. Pad, yeah?",
    "Green. Pad. Yes?", "Green. The pad?", "Is it green. Pad.", "Green. Pad. Should I?", "Red. Bin. Blue? Pad.",
    "Put blue on the pad. Red? Bin.", "Green. Pad. Can you?",
    # (REV s24 R5, R7, R8: a "?" standing alone or after the place's stop, "please?", "Ready?")
    "Green. Pad. ?", "Green. The pad. ?", "Green. Onto the pad. ?", "Green, left side. ?", "Green, pad. ?",
    "Green. Bin.?", "Green. Pad. Please?", "Green. Pad. Ready?", "Green, left side. Ready?",
    # (a hesitation closing it, REV s24 R7)
    "Green. Pad. Uh.", "Green. Pad, um.", "Green. Pad. Hmm.",
    # negated
    "Not green. Pad.", "Green. Not pad.", "Green. Pad. Not.", "Green. No pad.", "Green. Pad. Don't.", "Green. Pad. No.",
    "Green. Pad. Never.", "Green. Never pad.", "Not the green. Pad.", "Green. Pad. Not really.", "Green. Pad. Or not.",
    "Green. Pad. Not now.", "Green. Pad. Not yet.", "Green. Pad. Never again.",
    # reported, done, habit
    "Green. Pad. Done.", "Green. Pad. Already.", "Green. Pad. Already done.", "Green. Pad. Yesterday.",
    "Green. Pad. Finished.", "Green. Pad. Check.", "Green, pad, done.", "Green. Pad. As usual.",
    "Green. Pad. Last time.",
    "Green. Pad. I did.", "Green. Pad. You did that.", "Green was. Pad.", "Red cube, bin, as usual.",
    # deferred
    "Green. Pad. Tomorrow.", "Green. Pad. Later.", "Green. Pad. Next week.", "Green. Pad. After lunch.",
    "Green. Pad. Eventually.", "Green. Pad. In a minute.", "Green. Pad. Wait.", "Green. Pad. Hold on.",
    "Red cube, bin, tomorrow.",
    # remarks, closings
    "Wow. Green. Pad.", "Green. Pad. Wow.", "Oh. Green. Pad.", "Green. Pad. Nice.", "Green. Pad. Lol.",
    "Green. Pad. Haha.", "Green. Pad. Yes.", "Green. Pad, yes.", "Green. Pad. Again.", "Green. Pad. Just kidding.",
    "Green. Pad. Joke.",
    # near misses: two places, two cubes, a side alone, no mark, a correction, someone else's job
    "Green. Pad or bin.", "Green. Pad. Or bin.", "Green and red. Pad.", "Green. Red. Pad.", "Red, green. Pad.",
    "Red, green, pad.", "Green. Left.",
    "Green. Pad. Red.", "Green pad.", "Red cube !bin", "Green. The pad is full.", "Green. Pad. Bin.",
    "Green. Bin. Pad.", "Green. Pad. Wait, bin.", "Green. Pad. Sorry, bin.", "Green. Pad. No, bin.",
    "Green. Pad. I mean bin.", "Green. Pad. Actually, bin.",
    # (a place said again: A1 s12's pinned near miss "The orange cube. Bin. Bin.", and a second place)
    "The green cube. Bin. Bin.", "Green. Bin. Bin.", "Green. Pad. Pad.", "Green. Bin! Bin!", "Green, bin, bin.",
    "Green. Pad. The bin.", "Purple. Pad.", "Green. Pad. Ask Bob.",
    "Green. Pad. For Bob.", "Green. Pad. Every time.", "Green. Pad. Always.", "Red. Bin. Blue stays.",
    "Don't put anything in the bin. Red. Bin.", "Don't touch red. Red. Bin.", "Which one? Red. Bin.",
    "Red goes. Bin.", "Red is. Bin.", "Red, the bin is full.", "Red. Bin. It.",
])
def test_the_telegraphic_goals_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "spelt"), [
    ("Green. Pad.", "green to pad."),
    ("Blue cube. Onto the pad.", "blue cube onto the pad."),
    ("Red cube, pad, whenever you're ready.", "red cube to pad, whenever you're ready."),
    ("Put blue on the pad, then red, bin.", "put blue on the pad, then red to bin."),
    ("Green? Pad.", None), ("Green. Pad. ?", None), ("Red. Green. Pad.", None),
    # (a "!" glued to the place is a programmer's "not"; after a comma only a bare place; a side alone stays)
    ("Red cube !bin", None), ("Red cube, on the pad, move it to the bin.", None), ("Red. Left.", None),
    ("Red and blue. Bin.", None), ("Green pad.", None), ("Maybe green. Pad.", None),
])
def test_the_telegraphic_goal_is_spelt_only_in_its_closed_shape(text: str, spelt: str | None) -> None:
    assert telegraphic_goal(text) == spelt


# --------------------------------------------------------------- a hedge closing a sentence, more sentences after
@pytest.mark.parametrize("text", [
    "Red in the bin, I think. Blue on the pad.",
    "Red to the bin, I think. Blue to the pad.",
    "Red cube to bin, I think. Blue cube to pad.",
    "The red cube goes in the bin, I think. Put blue on the pad.",
    "Everything in the bin, I guess. Then home.",
    "Red in the bin, I think! Blue on the pad.",
    "Red in the bin, I think; blue on the pad.",
    "Red at the bottom, blue on top, I think. Build it.",
])
def test_a_goal_hedged_before_more_sentences_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    # (an order keeps its softener, H159's convention, wherever the hedge stands)
    ("Put red in the bin, I think. Then blue on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Put red in the bin, I think. Blue on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Red in the bin. Blue on the pad.", mv("red", "bin") + mv("blue", "pad")),
])
def test_an_order_hedged_before_more_sentences_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


# ------------------------------------------------------------------- REV s24 R1: cubes counted, coordinated, lumped
@pytest.mark.parametrize("text", [
    "The three cubes in the bin, I think.", "The three cubes in the bin - I suppose.",
    "All three cubes in the bin, I think.",
    "The 3 cubes in the bin, I think.", "Three blocks in the bin, I reckon.", "The three blocks to the left, I'd say.",
    "Every single cube in the bin, I think.", "Each and every cube in the bin, I think.",
    "The whole lot in the bin, I think.", "The lot in the bin, I think.", "Red and blue in the bin - I suppose.",
    "Red and blue in the bin, I'd say.", "Red and the blue one in the bin, I think.",
    "The red and blue cubes in the bin, I think.", "Red and blue to the left, I reckon.",
    "Red and green on the pad, I think.", "Red, blue and green on the pad, I think.",
    "The three cubes go in the bin, I think.", "The three cubes should go in the bin, I think.",
    "Every single cube goes in the bin, I think.", "The whole lot goes in the bin, I think.",
    "Red and blue go in the bin, I think.", "Red and blue should go in the bin, I guess.",
    "The three cubes should go in the bin?", "The three cubes go in the bin?", "Red and blue in the bin?",
    "Hi there, the three cubes in the bin, I think.", "After that, red and blue on the pad. I guess.",
    "Everything else in the bin, I think.", "Put red on the pad. Everything else in the bin, I think.",
    "Put red on the pad. All the others in the bin, I think.", "Put red on the pad. All the rest in the bin. I guess.",
    "Put red on the pad. The other two in the bin, I think.", "All else in the bin, I reckon.",
    "Both the others on the pad, I think.",
    # (REV s24 R1 residue on d77ad40)
    "All of them go in the bin, I think.", "All of them should go in the bin, I guess.",
    "All of them belong in the bin, I reckon.", "Red as well as blue in the bin, I think.",
    "Red as well as blue in the bin - I suppose.", "Red as well as blue should go in the bin, I think.",
    "Red n blue in the bin, I think.", "Red n blue go in the bin, I think.", "Red 'n' blue in the bin, I think.",
])
def test_cubes_counted_coordinated_or_lumped_then_hedged_or_asked_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


def test_purple_and_yellow_hedged_move_nothing_in_four() -> None:
    moves_nothing("Purple and yellow to the right, I think.", S4)


@pytest.mark.parametrize(("text", "want"), [
    ("The three cubes in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Red and blue in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Put red and blue in the bin, I think.", mv("red", "bin") + mv("blue", "bin")),
    ("The whole lot in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Red and blue go in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Put red on the pad. Everything else in the bin.", mv("red", "pad") + mv("blue", "bin") + mv("green", "bin")),
    ("Put red on the pad. The other two in the bin.", mv("red", "pad") + mv("blue", "bin") + mv("green", "bin")),
    ("All of them in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Red as well as blue in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Red n blue in the bin.", mv("red", "bin") + mv("blue", "bin")),
])
def test_the_same_cubes_unhedged_still_plan(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    "Green. Pad. ?", "Green. Bin.?", "Green. Pad. Ready?", "Green, left side. Ready?", "Green. Pad. Please?",
    "Red. Green. Pad.", "Red and green. Pad.", "Green. Pad. Uh.",
])
def test_the_asked_and_listed_forms_are_refused_with_a_reason_never_handed_to_the_model(text: str) -> None:
    # (REV s24 R5: the model path planned "Green. Pad. Ready?" / "Green. Bin. ?" and "Red. Green. Pad." where the
    # parser left them unread; a reasoned refusal is never handed to the fallback)
    parsed = parse(text, S3)
    assert parsed.refusal is not None and not parsed.unread, (text, parsed)


# ------------------------------------------------------------------------------ round 2: a step's label, "last"
YRB = cube_scene(("yellow", [0.45, 0.12, 0.022]), ("red", [0.55, -0.12, 0.022]), ("blue", [0.38, -0.02, 0.022]))
BOG = cube_scene(("blue", [0.45, 0.12, 0.022]), ("orange", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))
RYP = cube_scene(("red", [0.45, 0.12, 0.022]), ("yellow", [0.55, -0.12, 0.022]), ("purple", [0.38, -0.02, 0.022]))
BG = cube_scene(("blue", [0.45, 0.12, 0.022]), ("green", [0.55, -0.12, 0.022]))


@pytest.mark.parametrize(("text", "want", "state"), [
    # (seen fi67-019, fi68-044, dev fi70-053: a procedure's step label)
    ("Step 4.2: assemble a three-block tower. Base: yellow. Middle: red. Top: blue.", tower("yellow", "red", "blue"),
     YRB),
    ("Step 4, assemble stack. Base: blue cube. Level two: orange cube. Level three: green cube. Confirm when complete.",
     tower("blue", "orange", "green"), BOG),
    ("Step 3: red cube, pad.", mv("red", "pad"), S3),
    ("Step 4: put the red cube on the yellow cube.", mv("red", "yellow"), YRB),
    ("Step 4.2. Put red on yellow.", mv("red", "yellow"), YRB),
    ("Step two - put red on yellow.", mv("red", "yellow"), YRB),
    ("Step 1: put the red cube in the bin. Step 2: put the green cube on the pad. Step 3: go home.",
     [*mv("red", "bin"), *mv("green", "pad"), "go_home()"], S3),
    # (seen fi67-026: a take's label; "A last, but first B")
    ("Take two: bin the blue cube last, but first put the green cube on the right side.",
     mv("green", "right") + mv("blue", "bin"), BG),
    ("Bin the blue cube last, but first put the green cube on the right side.",
     mv("green", "right") + mv("blue", "bin"), BG),
    ("Bin the blue cube last, and first put the green cube on the right side.",
     mv("green", "right") + mv("blue", "bin"), BG),
    # (seen fi68-034: a learner's "on top of all")
    ("Please, I want a tower of three: the red one down, the yellow one sit on it, then the purple one on top of all.",
     tower("red", "yellow", "purple"), RYP),
    ("I want a tower: the red one under all, the yellow one on it, then the purple one on top.",
     tower("red", "yellow", "purple"), RYP),
])
def test_a_labelled_step_a_step_said_last_and_a_learners_tower_plan(text: str, want: list[str],
                                                                    state: SceneState) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize(("text", "state"), [
    ("Step 4: red on yellow, I think.", YRB), ("Step 4: red on yellow?", YRB), ("Step 4: I put red on yellow.", YRB),
    ("Step 4 was: put red on yellow.", YRB), ("Skip step 4: put red on yellow.", YRB),
    ("Step 4: don't put red on yellow.", YRB), ("Step 4: the robot puts red on yellow.", YRB),
    ("Step 4: red. Bin. I think.", YRB), ("Step 4: red, yellow.", YRB), ("Step 3: red cube, pad?", S3),
    ("Step 4, assemble stack.", BOG),
    ("Stack assembled. Base: blue cube. Level two: orange cube. Level three: green cube.", BOG),
    ("Step 4, stack assembled. Base: blue cube. Level two: orange cube. Level three: green cube.", BOG),
    ("Don't assemble stack. Base: blue cube. Level two: orange cube. Level three: green cube.", BOG),
    ("Step 4, assemble stack. Base: blue cube. Level two: orange cube. Level three: green cube?", BOG),
    ("Take two, put them in the bin.", BG), ("Take two: the blue cube in the bin, I think.", BG),
    ("Don't bin the blue cube last, but first put the green cube on the right side.", BG),
    ("Bin the blue cube last, but first put the green cube on the right side, I think.", BG),
    ("Bin the blue cube last, but first put the green cube on the right side?", BG),
    ("Bin the blue cube last, but first don't put the green cube on the right side.", BG),
    ("I binned the blue cube last, but first put the green cube on the right side.", BG),
    ("Please, I want a tower of three: the red one down, the yellow one sit on it, then the purple one on top of all?",
     RYP),
    ("Don't build a tower: the red one down, the yellow one sit on it, then the purple one on top of all.", RYP),
])
def test_their_twins_move_nothing(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


@pytest.mark.parametrize(("text", "spelt"), [
    ("Step 4.2: assemble a tower.", "assemble a tower."), ("Take 3: put red in the bin.", "put red in the bin."),
    ("Step 1: put red in the bin. Step 2: go home.", None), ("Step 4 was: put red in the bin.", None),
    ("Take two, put them in the bin.", None), ("Skip step 4: put red in the bin.", None),
])
def test_only_a_lone_step_label_is_dropped(text: str, spelt: str | None) -> None:
    assert step_unlabelled(text) == spelt
