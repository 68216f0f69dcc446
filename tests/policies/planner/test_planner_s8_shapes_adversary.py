"""The adversary's open findings in English sentence shapes (A1 session 8, issue #17), each refused unless read
exactly: a sentence beside the request is dropped only when it is one of a closed list of asides (F2b/F5b/F2c), so
a person leaning in, an open guard door, a simulation or a report of work done is read, hence refused."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, refused, scene, steps

S3 = scene("red", "blue", "green")
REQUEST = "Put the red cube in the bin"


# ------------------------------------------------------------- F2b/F5b/F2c: asides from a closed list only
@pytest.mark.parametrize("aside", [
    "Paul's leaning in", "Paul's under the table", "Sam's inside", "My sleeve is caught", "It's a simulation",
    "It's a rehearsal", "It's a trap", "The lab is closed", "The guard door is open", "The fence is open",
    "The light curtain is muted", "The table is wet", "Door's open", "Lab's closed", "Shift's over", "All done",
    "It's complete", "The deal's off", "That's Paul's job", "Done", "My colleague's hand is near the gripper",
    "I'm preparing to reach in", "I'm filming up close", "I'm running a simulation", "I'm running a fake demo",
    "We're running a dry test", "I'm filming a fake", "The coffee machine is next to the arm",
])
def test_an_unlisted_sentence_beside_the_request_is_refused(aside: str) -> None:
    refused(f"{aside}. {REQUEST}.", S3)
    refused(f"{REQUEST}, {aside[0].lower()}{aside[1:]}.", S3)
    refused(f"{REQUEST}. {aside}.", S3)


@pytest.mark.parametrize("aside", [
    "Coffee machine's broken again", "It's been a long week", "The lab is a bit of a mess today", "Great start",
    "I'm running a demo for some visitors in ten minutes", "I'm setting up the demo for tomorrow", "Long night",
    "We're visiting today and my daughter is obsessed with purple", "My class is visiting the lab tomorrow morning",
])
def test_a_listed_aside_beside_the_request_is_dropped(aside: str) -> None:
    assert steps(f"{aside}. {REQUEST}.", S3) == mv("red", "bin")


# ------------------------------------------------------------- F9, F21, F6: order words read one way only
@pytest.mark.parametrize("text", [
    "Put the blue cube on the pad, but put the red cube in the bin before you do that, and after that go home.",
    "Put the blue cube on the pad, but put the red cube in the bin before you do that, then go home.",
    "Put the blue cube on the pad, but put the red cube in the bin before you do that, and then go home.",
    "Put the blue cube on the pad, but put the red cube in the bin before that, and then go home.",
    "First bin the red cube, then put the blue cube on the pad, but before that push the green cube left.",
    "First bin the red cube, then put the blue cube on the pad, but before you do that push the green cube left.",
    "Bin the red cube, then put the blue cube on the pad, but before that push the green cube left.",
    "Put the red cube in the bin and then the blue cube on the pad, but before that push the green cube left.",
    # F6: "once" read one way only (how often or when?; a state undone by the next step)
    "Put the green cube on the pad once, the red cube in the bin.",
    "Put the green cube on the pad once, put the red cube in the bin.",
    "Once the green cube is in the bin, put the green one on the pad.",
    "Once the red cube is on the pad, put the red cube in the bin.",
    "After the blue cube is in the bin, put the blue one on the left.",
    "Once you've put the green cube in the bin, put the green cube on the pad.",
    "Put the green cube on the pad just once the red cube is in the bin.",
])
def test_an_order_word_read_more_than_one_way_is_refused(text: str) -> None:
    refused(text, S3)


def test_before_that_beside_one_clause_still_reorders() -> None:
    assert steps("Put the blue cube on the pad, but put the red cube in the bin before you do that.", S3) == \
        mv("red", "bin") + mv("blue", "pad")
    assert steps("Put the blue cube on the pad, but before that put the red cube in the bin.", S3) == \
        mv("red", "bin") + mv("blue", "pad")


def test_once_a_state_of_another_cube_orders_the_steps() -> None:
    assert steps("Once the red cube is on the pad, put the blue one in the bin.", S3) == \
        mv("red", "pad") + mv("blue", "bin")
    assert steps("After you put the red cube on the pad, put the blue one on the red one.", S3) == \
        mv("red", "pad") + mv("blue", "red")
