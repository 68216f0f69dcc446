"""P1, session 23 round 2: English shapes (issue 17), each a closed form with its twins (seen fi69).

- The session's end said before going home: "Meeting adjourned." / "Class dismissed." / "That's all I needed (for
  the piece), thanks!" (fi69-006, fi69-035), as "That's all." and "Shift's over." already are: dropped only where going
  home follows at once; before anything else, asked, negated or hedged it stays unread (refused).
- "park the arm back (in its home position)" goes home (fi69-069), "for the next crew / shift / operator" after home
  is whom the rest is for (as "for the next take", fi67-051); "the arm back in the bin" is no home (refused).
- "I need (to / some) sleep" after going home, last and stated, is the speaker's need (fi69-078); asked, negated,
  "I need you to sleep", or after a cube's move it stays unread (refused).
- "it's on the checklist / the schedule" after a complete order is why it is asked (a reason, as "so I can lock up");
  asked, negated, or before the order it stays unread (refused).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan
from policies.planner.speech_act import speech_act_refusal

# ------------------------------------------------------------------- the session's end before going home


@pytest.mark.parametrize("text", [
    "Meeting adjourned. Please return to your home position.",
    "Meeting adjourned. Go home.",
    "The meeting is adjourned. Go home.",
    "Meeting adjourned. Could you go home?",
    "Class dismissed. Return to your home position.",
    "That's all I needed for the piece, thanks! You can head back to your home position now.",
    "That's all I needed, thanks. Go home.",
    "That's everything we needed for the video. Head back home.",
    "Shift's over, park the arm back in its home position for the next crew.",
    "Shift's over, park the arm back in its home position.",
    "Park the arm back in its home position.",
    "Park the arm back.",
    "Go home for the next crew.",
    "Go back to your home position for the next shift.",
    "Go home, I need to sleep.",
    "go home i need to sleep",
    "Go home; we need some sleep.",
])
def test_the_end_of_the_session_or_the_sleep_said_around_going_home_goes_home(text: str) -> None:
    plans_as(text, ["go_home()"])


def test_a_sequence_then_home_then_sleep_plans_every_step() -> None:
    plans_as("put red in the bin then blue on the pad then go home i need to sleep",
             [*mv("red", "bin"), *mv("blue", "pad"), "go_home()"])


@pytest.mark.parametrize("text", [
    "Meeting adjourned? Go home.",
    "Meeting adjourned. Go home?",
    "Meeting adjourned. Don't go home.",
    "The meeting is not adjourned. Go home.",
    "Meeting adjourned, I think. Go home.",
    "That's all I needed for the piece, thanks? You can head back home.",
    "That's all I needed for the piece, thanks! Don't go home.",
    "Maybe that's all I needed. Go home.",
    "Is that all you needed? Go home.",
    "Go home, I need to sleep?",
    "Go home, I need you to sleep.",
    "Go home, I don't need to sleep.",
    "Park the arm back in the bin.",
    "Park the arm back on the pad.",
])
def test_the_end_asked_negated_hedged_or_before_no_home_is_refused(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


@pytest.mark.parametrize("text", [
    "Meeting adjourned. Put the red cube in the bin.",
    "That's all I needed, thanks! Put the red cube in the bin.",
    "Class dismissed. Put the red cube in the bin.",
    "Put the red cube in the bin, I need to sleep.",
    "Put the red cube in the bin i need to sleep",
])
def test_the_end_or_the_sleep_beside_a_cube_moved_is_refused(text: str) -> None:
    moves_nothing(text)


# ---------------------------------------------------------------------------- a checklist as the reason


@pytest.mark.parametrize("text", [
    "Put the red cube on the right side, it's on the checklist.",
    "Put the red cube on the right side. It's on the checklist.",
    "Put the red cube on the right side, it is on the schedule.",
    "Could you put the red cube on the right side? It's on the checklist.",
])
def test_a_checklist_after_an_order_is_its_reason(text: str) -> None:
    plans_as(text, mv("red", "right"))


@pytest.mark.parametrize("text", [
    "Put the red cube on the right side, it's on the checklist?",
    "Put the red cube on the right side, it's not on the checklist.",
    "Is it on the checklist? Put the red cube on the right side.",
    "Put the red cube on the right side? It's on the checklist.",
    "It's on the checklist, put the red cube on the right side.",
    "Red cube on the right side, it's on the checklist.",
])
def test_the_checklist_asked_negated_or_before_the_order_is_refused(text: str) -> None:
    moves_nothing(text)


# -------------------------------------------- REV s23 R19 (P1's part): more openers before the screens' goal
# (pinned through speech_act_refusal itself: the default backend's model planned them, the parser did not)


@pytest.mark.parametrize("text", [
    "Morning, everything into the bin, yes.",
    "Good morning, everything into the bin, yes.",
    "Erm, all the cubes to the left, ha.",
    "After that, the red one onto the pad, yes.",
    "Oh and everything in the bin, as usual.",
    "Hi there, everything in the bin, yes.",
    "Listen up, everything in the bin, ha.",
    "Alright robot, the red one in the bin, yes.",
    "Robot! everything in the bin, yes.",
    "Morning, wow, everything in the bin.",
    "Erm, FYI: everything in the bin.",
])
def test_rev_s23_r19_an_opener_before_a_remarked_goal_is_refused(text: str) -> None:
    assert speech_act_refusal(text) is not None, text
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Morning, put everything in the bin, yes.",
    "Erm, put all the cubes in the bin, ha.",
    "After that, put the red cube in the bin, yes.",
    "Alright robot, put the red cube in the bin, yes.",
])
def test_an_opener_before_an_order_with_a_closing_still_plans(text: str) -> None:
    assert speech_act_refusal(text) is None, text
