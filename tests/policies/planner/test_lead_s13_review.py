"""The reviewer's two open findings on main at the end of the thirteenth session (REV s13 R4, R5), each with the
forms that must still plan."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps


# ----------------------------------------------- R5: more asked after "go home so I can reach in" (safety)
@pytest.mark.parametrize("text", [
    "Go home so I can reach in, then put the red cube in the bin.",
    "Go home so I can reach in. Then put the red cube in the bin.",
    "Go back home so I can reach in, then put the red cube on the pad.",
    "Go home first so I can reach in, then put the red cube in the bin.",
    "Go home so I can reach in, and after that stack the red cube on the blue cube.",
    "Put the red cube in the bin, then go home so I can reach in, then put the blue cube on the pad.",
    "Put the red cube in the bin and head home so you're out of the way, then push the blue cube left.",
])
def test_nothing_runs_after_the_arm_leaves_for_a_person(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Go home so I can reach in.", ["go_home()"]),
    ("Go home so I can reach in, please.", ["go_home()"]),
    ("Put the red cube in the bin, then go home so I can reach in.", [*mv("red", "bin"), "go_home()"]),
    ("Put the red cube in the bin and head home so you're out of the way.", [*mv("red", "bin"), "go_home()"]),
])
def test_going_home_for_a_person_as_the_last_step_still_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ----------------------------------------------- R4: a tower place said twice, once as "the <place> is X"
@pytest.mark.parametrize("text", [
    "Red on the bottom, the middle of the tower is green, the middle is blue.",
    "Red on the bottom, the middle of the tower is green, the bottom is blue.",
    "Red on the bottom, green in the middle, the middle is blue.",
    "Red on the bottom, green in the middle, the bottom is blue.",
    "Red on the bottom, the middle is green, the middle is blue.",
    "Red on the bottom, the middle is green, the bottom is blue.",
])
def test_a_tower_place_said_twice_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Red on the bottom, the middle is green, the top is blue.",
    "Red on the bottom, green in the middle, the top is blue.",
    "Red on the bottom, the middle of the tower is green, the top is blue.",
])
def test_each_place_said_once_builds_the_tower(text: str) -> None:
    assert steps(text, S3) == mv("green", "red") + mv("blue", "green")


# ----------------------------------------------- A1 s13 H48/H49 residues: "again" before "you put", any opener
@pytest.mark.parametrize("text", [
    "Kindly, you put the red cube in the bin?",
    "Ma'am, you put the red cube in the bin?",
    "Once again, you put the red cube in the bin.",
    "Again, you put the red cube in the bin.",
])
def test_a_statement_behind_any_opener_asks_or_reports(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Could you put the red cube in the bin again?",
    "Put the red cube in the bin again.",
    "Kindly, could you put the red cube in the bin?",
    "Ma'am, can you put the red cube in the bin?",
    "Once again, put the red cube in the bin.",
])
def test_the_requests_beside_them_still_plan(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")
