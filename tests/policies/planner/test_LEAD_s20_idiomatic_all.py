"""An "all" that counts no objects ("that's all", "at all", "all right") does not open the words to cubes they do not
name (A1 s20 H164, a wrong plan on the default backend: with red on blue, "Put top blue cube on the pad, that's all."
let the model move red with blue, as the pairing check read "all" as a quantifier); and a final or end state is the
goal's, not a report's head."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_P1_s20_model_trust import STACK, _steps
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan
from policies.planner.pairing import pairing_error


@pytest.mark.parametrize("text", [
    "Put top blue cube on the pad, that's all.",
    "Put top blue on the pad, that's all.",
    "Put top blue cube on the pad. That is all.",
    "Put top blue cube on the pad, that'll be all.",
    "Put top blue cube on the pad, that will be all, thanks.",
    "All right, put top blue cube on the pad.",
    "Put top blue cube on the pad if that's all right.",
])
def test_an_idiomatic_all_names_no_other_cube(text: str) -> None:
    why = pairing_error(text, STACK, _steps(("red", "pad"), ("blue", "pad")))
    assert why is not None and "red cube" in why, (text, why)


@pytest.mark.parametrize(("text", "moves"), [
    ("Put all the cubes in the bin, that's all.", (("red", "bin"), ("blue", "bin"), ("green", "bin"))),
    ("Put them all in the bin.", (("red", "bin"), ("blue", "bin"), ("green", "bin"))),
    ("Put the red cube in the bin, that's all.", (("red", "bin"),)),
])
def test_a_counting_all_still_opens_the_words(text: str, moves: tuple[tuple[str, str], ...]) -> None:
    assert pairing_error(text, S3, _steps(*moves)) is None, text


@pytest.mark.parametrize("text", [
    "Final state: the red cube is on the blue cube and the blue cube is on the green cube.",
    "End state: red on blue.",
])
def test_a_final_or_end_state_is_the_goal_not_a_report(text: str) -> None:
    """The s10 convention (a final state says where the cubes must end; seen golds "End state: ...") against P1 s20's
    report heads, which had taken "final state" and "end state" as a report's (the whole planner suite on 13750a7:
    test_P3_s10_meaning red)."""
    assert isinstance(plan(text), Plan), text


def test_a_status_line_head_still_reports() -> None:
    assert not isinstance(plan("Status: everything in the bin."), Plan)


@pytest.mark.parametrize("text", [
    "Blimey, the three cubes in the bin.",
    "Wow, the one on the left in the bin.",
    "Wow, the leftmost cube in the bin.",
    "Wow, bottom to top: red, blue, green.",
    "Wow, top to bottom: green, blue, red.",
])
def test_an_interjection_before_these_verbless_goals_moves_nothing(text: str) -> None:
    """REV s20 R1's residue of H143/H153: the goal opens on a count, a relative reference or an order of a tower."""
    moves_nothing(text)


@pytest.mark.parametrize("text", ["Wow, back to home.", "Phew, home."])
def test_an_interjection_before_home_is_refused(text: str) -> None:
    """(REV s20 R1 (b): moves_nothing accepts a plan that only goes home, so home needs its own assertion.)"""
    assert not isinstance(plan(text), Plan), text


def test_the_same_goals_with_a_verb_still_plan() -> None:
    plans_as("Wow, put the three cubes in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin"))
    plans_as("Wow, put the leftmost cube in the bin, please.", mv("red", "bin"))
