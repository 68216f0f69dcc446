"""Session 21 residues of the lead's s20 rules (REV s21 R1, REV s20 R1 (a)): an "all" that closes a request ("after
all", "all done", "all set", "all good", "all yours", "this will be all", a curly "that’s all") opens the words to no
other cube on the model path, as 8aae033's pairing list had it before 2a81d9a moved the scrub into expansion; and an
interjection before a verbless goal that opens on "them all", an indefinite cube or "(back) at home" remarks on a
state found."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_P1_s20_model_trust import STACK, _steps
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan
from policies.planner.pairing import pairing_error


@pytest.mark.parametrize("text", [
    "Put top blue cube on the pad, that’s all.",
    "Put top blue cube on the pad, thats all.",
    "Put top blue cube on the pad, after all.",
    "Put top blue cube on the pad, then all set.",
    "Put top blue cube on the pad, then all done.",
    "Put top blue cube on the pad, all done.",
    "Put top blue cube on the pad, all good.",
    "Put top blue cube on the pad, all yours.",
    "Put top blue cube on the pad. This will be all.",
    "Put top blue cube on the pad, it will be all.",
    "Put top blue cube on the pad, it'll be all.",
])
def test_a_closing_all_names_no_other_cube(text: str) -> None:
    why = pairing_error(text, STACK, _steps(("red", "pad"), ("blue", "pad")))
    assert why is not None and "red cube" in why, (text, why)


@pytest.mark.parametrize(("text", "moves"), [
    ("Put them all in the bin, all done.", (("red", "bin"), ("blue", "bin"), ("green", "bin"))),
    ("Put all the cubes in the bin, that’s all.", (("red", "bin"), ("blue", "bin"), ("green", "bin"))),
    ("After all that, put every cube on the pad.", (("red", "pad"), ("blue", "pad"), ("green", "pad"))),
])
def test_a_counting_quantifier_beside_a_closing_all_still_opens_the_words(
        text: str, moves: tuple[tuple[str, str], ...]) -> None:
    assert pairing_error(text, S3, _steps(*moves)) is None, text


@pytest.mark.parametrize("text", [
    "Wow, them all in the bin.",
    "Wow, all of them in the bin.",
    "Wow, a red cube in the bin.",
    "Blimey, a blue one on the pad.",
])
def test_an_interjection_before_a_count_or_an_indefinite_cube_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Wow, back at home.",
    "Wow, at home.",
    "Wow, the robot back home.",
    "Phew, the arm at home.",
])
def test_an_interjection_before_home_as_a_place_is_refused(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


def test_the_same_with_a_verb_still_plan() -> None:
    plans_as("Wow, put them all in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin"))
    plans_as("Wow, put a red cube in the bin, please.", mv("red", "bin"))
    assert isinstance(plan("Wow, go back home."), Plan)
