"""Shapes of the s11 dev split (fresh_independent_30/31 failures, read as families) and A1 s10 H22 (contrastive
negation), each beside its negated, reordered or near-miss variants, which must still refuse: a sentence said to run
"before that" at its end, a last "then" after ranked clauses, "at the left of", precision disclaimers, a quantifier said
again as an apposition, a reason after the request, "(1) ... (2) ...", a place or a cube said instead of another."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps

from policies.planner import Clarification, Plan, SceneState

S3 = scene("red", "blue", "green")
HOME = ["go_home()"]
ALL_BINNED = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")
BLUE_BIN_RED_RIGHT = mv("blue", "bin") + mv("red", "right")


@pytest.mark.parametrize(("text", "want"), [
    ("Red on the pad. Bin blue before that though.", mv("blue", "bin") + mv("red", "pad")),
    ("Put the red cube on the pad. Put the blue cube in the bin before that.", mv("blue", "bin") + mv("red", "pad")),
])
def test_a_sentence_said_to_run_before_that_runs_first(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Red on the pad. Don't bin blue before that.",  # a negated order
    "Red on the pad. Then bin blue before that.",  # two order words
    "Red on the pad, blue in the bin. Green on the pad before that.",  # before which of the two?
    "Red on the pad and blue in the bin. Green on the pad before that.",
])
def test_before_that_beside_a_negation_or_several_clauses_still_refuses(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or [str(s) for s in result.steps][:2] != mv("green", "pad"), result


@pytest.mark.parametrize(("text", "want"), [
    ("Firstly move the red cube to the left side. Secondly, put the blue cube onto the red cube. Thereafter revert to "
     "home position.", [*mv("red", "left"), *mv("blue", "red"), *HOME]),
    ("Firstly move the red cube to the left side. Secondly, put the blue cube onto the red cube. Then go home.",
     [*mv("red", "left"), *mv("blue", "red"), *HOME]),
])
def test_a_last_then_after_ranked_clauses_runs_last(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Secondly, put the blue cube onto the red cube. Firstly move the red cube to the left side. Then go home.",
    "Firstly move the red cube to the left side. Secondly, don't put the blue cube onto the red cube. Then go home.",
])
def test_a_then_after_ranks_said_out_of_order_or_negated_is_not_planned_as_ranked(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or "pick(object=blue_cube)" not in [str(s) for s in result.steps], result


@pytest.mark.parametrize("anchor", ["green", "blue"])
@pytest.mark.parametrize("prep", ["at", "on"])
def test_at_the_left_of_a_cube_is_left_of_it(prep: str, anchor: str) -> None:
    # fi30-041; read as "to the left of" is, whatever that gives (here the next cube along the row)
    said = plan(f"Put the cube that is {prep} the left of the {anchor} cube in the bin.", S3)
    assert said == plan(f"Put the cube that is to the left of the {anchor} cube in the bin.", S3)
    assert isinstance(said, Plan | Clarification)


def test_at_the_left_of_two_cubes_off_the_row_asks() -> None:
    state = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]}
        for c, x, y in (("red", 0.40, 0.12), ("yellow", 0.62, 0.2), ("blue", 0.5, -0.1))],
        "regions": ["left", "right", "bin", "pad"]})
    result = plan("Put the cube that is at the left of the blue cube in the bin.", state)
    assert isinstance(result, Clarification) and set(result.candidates) == {"red_cube", "yellow_cube"}


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube on the blue cube; positional tolerances are not critical.", mv("red", "blue")),
    ("Put the red cube on the blue cube, it doesn't have to be perfect.", mv("red", "blue")),
    ("Every single block goes into the trash can, all of them, yes!", ALL_BINNED),
    ("all cubes into the bin please we're clearing the bench", ALL_BINNED),
    ("Execute in this order: (1) place the red cube on the green cube; (2) place the blue cube in the left region.",
     mv("red", "green") + mv("blue", "left")),
    ("Put the red cube in the bin. G'day!", mv("red", "bin")),
    ("Take a breather and head back home.", HOME),
])
def test_disclaimers_appositions_reasons_and_numbering(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put the red cube on the blue cube; the red cube is not critical.",  # not a disclaimer of precision
    "Put the red cube on the blue cube, it doesn't have to be the blue one.",
    "Take a breather and put the red cube in the bin.",  # a rest only before going home
])
def test_near_misses_of_the_disclaimers_and_frames_are_not_dropped(text: str) -> None:
    refused(text, S3)



@pytest.mark.parametrize(("text", "never"), [
    ("Every block goes into the trash can, all of them but red.", ALL_BINNED),
    ("(1) place the red cube on the green cube; (2) don't place the blue cube in the left region.",
     mv("red", "green") + mv("blue", "left")),
])
def test_an_apposition_or_a_numbered_step_keeps_its_exception_or_negation(text: str, never: list[str]) -> None:
    result = plan(text, S3)
    assert not (isinstance(result, Plan) and [str(s) for s in result.steps] == never), result


# ------------------------------------------------------------- a place or a cube said instead of another (A1 s10 H22)
@pytest.mark.parametrize(("text", "want"), [
    ("Put the blue cube, not the red cube, in the bin.", mv("blue", "bin")),
    ("Put the red cube not in the bin but on the pad.", mv("red", "pad")),
    ("Don't put the red cube in the bin but on the pad.", mv("red", "pad")),
    ("Put the red cube not on the blue cube but on the green cube.", mv("red", "green")),
])
def test_a_contrast_keeps_the_place_or_cube_meant(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put the red cube, not the red cube, in the bin.",
    "Put the red cube not in the bin but in the bin.",
    "Don't put the red cube in the bin but on the pad, and don't touch the red cube.",
    "Don't put the red cube in the bin or on the pad.",
    "Put the red cube not in the bin.",
])
def test_a_contrast_that_contradicts_or_only_forbids_refuses(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("After you've binned the blue one, put the red one over on the right side.", BLUE_BIN_RED_RIGHT),
    ("After you've the blue one binned, put the red one over on the right side.", BLUE_BIN_RED_RIGHT),
    ("Put the red one on the pad after you've binned the blue one.", mv("blue", "bin") + mv("red", "pad")),
    ("after you've got the green one over on the right side put the red one on the pad",
     mv("green", "right") + mv("red", "pad")),
])
def test_a_step_said_done_in_an_after_clause_runs_first(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "After you've not binned the blue one, put the red one on the right side.",
    "After you've binned the red one, put the red one on the right side.",  # a binned cube is never taken out
    "Now that you've binned the blue one, put the red one on the pad.",  # a state, not a step to run
    "Since you've got the green one over on the right side, put the red one on the pad.",
    "If you've got the green one over on the right side, put the red one on the pad.",
    "You've got the green one on the right side. Put the red one on the pad.",
])
def test_a_step_said_done_negated_or_undone_refuses(text: str) -> None:
    refused(text, S3)
