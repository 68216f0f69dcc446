"""Session 17, P1: A1's findings H106-H109 (old on main 79a7347: each planned), closed as families in speech_act.py,
with the requests beside them that must still plan:

- H106 the robot named otherwise, at a sentence's start: a past ("The arm put the red cube in the bin.", "The robot
  arm put ...?") or what it can or will do ("The robot can put ...", "Robot can put ...?", "The arm will push ...");
  the arm "parked" / "homed" after a goal is a state and keeps its plan (f19-021, f27-050); "Can the robot put ...?"
  and "Robot, can you put ...?" ask;
- H107 a progressive of the robot's act after "you are" / "you're" at a clause's start ("You are putting the red
  cube in the bin?", "So you are putting ...?");
- H108 a log line with no colon ("Robot putting red cube in bin.", "The arm putting ...", "Robot is putting ...");
- H109 narration ("There goes the red cube into the bin.", "Down goes ...", "There, red in the bin."); "There, put
  the red cube in the bin." orders.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps


@pytest.mark.parametrize("text", [
    "The arm put the red cube in the bin?",
    "The arm put the red cube in the bin.",
    "The robot arm put the red cube in the bin.",
    "Wow, the arm just put the red cube in the bin.",
    "The robot can put the red cube in the bin.",
    "Robot can put the red cube in the bin?",
    "The arm can push the red cube left?",
    "The arm will push the red cube left.",
    "The robot'll put the red cube in the bin.",
    "You are putting the red cube in the bin?",
    "You are putting the red cube in the bin, yeah?",
    "You are putting the red cube in the bin? Thanks.",
    "So you are putting the red cube in the bin?",
    "You are pushing the red cube left?",
    "You're putting the red cube in the bin?",
    "Robot putting red cube in bin.",
    "Arm putting red cube in bin.",
    "Robot binning red cube.",
    "The arm putting the red cube in the bin.",
    "Robot is putting the red cube in the bin.",
    "There goes the red cube into the bin.",
    "Down goes the red cube into the bin.",
    "Up goes the red cube onto the blue one.",
    "There, red in the bin.",
    "And there it goes, into the bin.",
])
def test_reports_abilities_progressives_and_narration_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Can the robot put the red cube in the bin?",
    "Could the arm put the red cube in the bin?",
    "Robot, can you put the red cube in the bin?",
    "Robot, put the red cube in the bin.",
    "Robot, please put the red cube in the bin.",
    "There, put the red cube in the bin.",
    "Hey robot, could you put the red cube in the bin?",
    "Okay robot, put the red cube in the bin.",
    "Robot: put the red cube in the bin.",
])
def test_requests_to_the_robot_still_plan(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


def test_the_arm_parked_after_a_goal_is_its_state() -> None:
    assert steps("Target state: red cube in the bin, and the arm parked back in its home configuration.", S3) == [
        *mv("red", "bin"), "go_home()"]
