"""Who goes home (A1 s16 H99, 6702c99): the speaker or others going home is no step of the robot's, but a modal
asking before "we" is the inclusive request frame the robot is asked in ("Can we put ...? Then, could we go home?",
test_planner_s9_shapes), as "Can we put ..." itself is."""
from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import plan

from policies.planner import Plan


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin after I go home.",
    "Put the red cube in the bin once we head home.",
    "Once we head home, put the red cube in the bin.",
    "Put the red cube in the bin before we head on home.",
    "Put the red cube in the bin, then I can go home.",
    "Put the red cube in the bin, then we can go home.",
    "Put the red cube in the bin so we can go home.",
    "Could I go home after you put the red cube in the bin?",
])
def test_someone_else_going_home_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Can we put the red cube in the bin? Then, could we go home?",
    "Put the red cube in the bin. Then can we go home?",
    "Could we go home now, please?",
    "Put the red cube in the bin, then shall we head home?",
])
def test_a_modal_asking_before_we_is_the_robots_request(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Plan), f"{text!r} did not plan: {result}"
    assert result.steps[-1].skill == "go_home", f"{text!r} planned {result.steps}"
