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
