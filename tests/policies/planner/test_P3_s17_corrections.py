"""Session 17, English meaning (issue #17): a second request that may correct the first is never run with it.

Wrong plans on main at 79a7347: "Push the red cube left - push it right." pushed the cube both ways, and "push the red
one left. You know what, pick it up." pushed it and picked it up. The families (policies/planner/corrections.py):

- a part opened by a phrase of correction ("you know what", "on second thought", "better yet", "come to think of
  it", "hold on", "or rather", "make that", ...) after a mark, as A1 s15 H86's "just"/"actually": refused wherever a
  reading runs the earlier part's plan and more;
- a bare join (a dash of any length, a comma, a semicolon, a sentence end, "and") before a part that moves again a cube
  the part before it moved and left at rest, with no word of order anywhere: a correction or a second step, the words
  do not say. With "then", "after that", "again", ... it stays the sequence it says; a pick completed by its place,
  and two different cubes, keep their plans."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv

PUSH_LEFT, PUSH_RIGHT = "push(object=red_cube, direction=left)", "push(object=red_cube, direction=right)"

# ------------------------------------------------------------------------------------ a bare join, the same cube
SAME_CUBE = [
    "Push the red cube left - push it right.",  # the residue on main
    "Push the red cube left – push it right.",
    "Push the red cube left — push it right.",
    "Push the red cube left -- push it right.",
    "Push the red cube left, push it right.",
    "Push the red cube left; push it right.",
    "Push the red cube left and push it right.",
    "Push the red cube left. Pick it up.",
    "Push the red cube left - pick it up.",
    "Push the red cube left and pick it up.",
    "Put the red cube on the pad, push it left.",
    "Put the red cube on the pad - push it left.",
    "Put the red cube on the pad and push it left.",
    "Push the red cube left, put it on the pad.",
    "Push the red cube left - put it in the bin.",
    "Push the red one left — push the red one right.",
    "Slide the red cube left, nudge it forward.",
    "Put all the cubes on the pad, push the red one left.",
]


@pytest.mark.parametrize("text", SAME_CUBE)
def test_a_cube_moved_again_after_a_bare_join_is_refused(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the red cube left, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left - then push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left, and then pick it up.", [PUSH_LEFT, "pick(object=red_cube)"]),
    ("Push the red cube left. After that, push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("First push the red cube left, then push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left, push it left again.", [PUSH_LEFT, PUSH_LEFT]),
    ("Pick up the red cube - put it in the bin.", mv("red", "bin")),  # the place completes the pick
    ("Pick up the red cube, put it in the bin.", mv("red", "bin")),
    ("Push the red cube left - push the blue one right.",
     [PUSH_LEFT, "push(object=blue_cube, direction=right)"]),  # two cubes
    ("Push the red cube left, put the blue one on the pad.", [PUSH_LEFT, *mv("blue", "pad")]),
    ("Put the red cube on the pad, put the blue one on it.", mv("red", "pad") + mv("blue", "red")),
])
def test_a_sequence_said_so_and_other_cubes_keep_their_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)


# -------------------------------------------------------------------------------------- a phrase of correction
CORRECTED = [
    "push the red one left. You know what, pick it up.",  # the residue on main
    "push the red one left, you know what, pick it up.",
    "push the red one left. You know what? Pick it up.",
    "Put the red cube on the pad. You know what, put the blue one in the bin.",
    "Put the red cube on the pad. You know what, bin the blue one.",
    "push the red one left. On second thought, pick it up.",
    "push the red one left. On second thoughts, put the blue one in the bin.",
    "Put the red cube on the pad. Come to think of it, put the blue one in the bin.",
    "Put the red cube on the pad. Better yet, put the blue one in the bin.",
    "Put the red cube on the pad, or better, put the blue one in the bin.",
    "Put the red cube on the pad. Hold on, put the blue one in the bin.",
    "Put the red cube on the pad. Hang on, put the blue one in the bin.",
    "Put the red cube on the pad, or rather put the blue one in the bin.",
    "Put the red cube on the pad. Make that put the blue one in the bin.",
    "Put the red cube on the pad. Scratch that, put the blue one in the bin.",
    "Put the red cube on the pad. Change of plan, put the blue one in the bin.",
    "Put the red cube on the pad - I mean, put the blue one in the bin.",
    "Put the red cube on the pad. Nope, put the blue one in the bin.",
]


@pytest.mark.parametrize("text", CORRECTED)
def test_a_phrase_of_correction_never_runs_both_parts(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    *(f"Did you {t[0].lower()}{t[1:].rstrip('.')}?" for t in SAME_CUBE[:3] + CORRECTED[:3]),  # questioned
    *(f"You {t[0].lower()}{t[1:]}" for t in SAME_CUBE[6:8] + CORRECTED[3:5]),  # reported
    "I pushed the red cube left - pushed it right.",
    "I put the red cube on the pad. You know what, I put the blue one in the bin.",
    *(f"Maybe {t[0].lower()}{t[1:].rstrip('.')}, I think." for t in SAME_CUBE[:2] + CORRECTED[:2]),  # hedged
])
def test_their_questioned_reported_and_hedged_variants_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Don't push the red cube left. Push it right.", [PUSH_RIGHT]),  # a negated first part names what not to do
    ("Don't push the red cube left - push it right.", [PUSH_RIGHT]),
    ("Don't push the red one left. You know what, pick it up.", ["pick(object=red_cube)"]),
    ("Put the red cube on the pad, actually in the bin.", mv("red", "bin")),  # the correction alone (H86)
    ("You know what, put the red cube in the bin.", mv("red", "bin")),  # nothing before it to correct
])
def test_near_misses_keep_their_readings(text: str, want: list[str]) -> None:
    plans_as(text, want)


# ------------------------------------------------------- a quantifier's clause, then a request after a bare comma
ALL_IN_BIN = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")


@pytest.mark.parametrize(("text", "want"), [
    ("Put every cube in the bin, go home.", [*ALL_IN_BIN, "go_home()"]),  # went home three times on main
    ("Put every cube in the bin - go home.", [*ALL_IN_BIN, "go_home()"]),
    ("Put every cube in the bin, then go home.", [*ALL_IN_BIN, "go_home()"]),
    ("Put all the cubes in the bin, leave the red one.", mv("blue", "bin") + mv("green", "bin")),  # its exception
    ("Put all the cubes in the bin, but leave the red one be.", mv("blue", "bin") + mv("green", "bin")),
    ("Put every cube except the red one in the bin, push the red one left.",
     mv("blue", "bin") + mv("green", "bin") + [PUSH_LEFT]),
])
def test_a_request_after_a_quantifiers_clause_is_a_clause_of_its_own(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Put all the cubes on the pad, push the red one left.",  # pushed red three times on main
    "Put all the cubes on the pad; push the red one left.",
    "Put all the cubes on the pad - pick up the blue one.",
    "Every cube on the pad, push the green one forward.",
])
def test_a_cube_the_quantifier_moved_is_not_moved_again_without_an_order_word(text: str) -> None:
    moves_nothing(text, S3)


# ------------------------------------------ A1 s17 H113: the word of order must join the two parts, not stand elsewhere
@pytest.mark.parametrize("text", [
    "Push the red cube left - push it right, then go home.",
    "Push the red cube left - push it right. Then go home.",
    "First push the red cube left - push it right.",
    "Before you go home, push the red cube left - push it right.",
    "Push the red cube left - push it right - then go home.",
    "Push the red cube left and push it right, and then push the blue one left.",
    "Push the red cube left - pick it up, then put it in the bin.",
    "Push the red cube left + push it right.",
    "Push the red cube left again - push it right.",
    "Push the red cube left - push it right again.",
])
def test_an_order_word_elsewhere_does_not_join_a_correction(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the red cube left. After that, push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left, and after that push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Push the red cube left. Once that's done, push it right.", [PUSH_LEFT, PUSH_RIGHT]),
    ("Put the blue cube on the red cube, then take it off again and drop it in the bin.",
     mv("blue", "red") + mv("blue", "bin")),  # indep-029
    ("Put the green cube on the pad, then push the one you just moved to the left.",
     [*mv("green", "pad"), "push(object=green_cube, direction=left)"]),  # indep7-037
])
def test_an_order_word_joining_the_parts_keeps_the_sequence(text: str, want: list[str]) -> None:
    plans_as(text, want)
