"""Session 18, P1: A1's open session-17 findings in the English shapes (each planned on main bcac79f), closed as
families, with the requests beside them that must still plan:

- H107 a progressive of the robot's act after "now" / "see" / "well" ("Now you are putting the red cube in the bin.");
- H108 a log line with "..." or ";" after the speaker ("Robot... putting red cube in bin.", "Robot; putting ...");
- H109 narration with "so" / "and" before "there", and of a quantified goal ("So there, red in the bin.", "There, all
  cubes in the bin.");
- H120 an interjection of a closed class (surprise, dismay, relief, amusement) before a verbless goal ("Blimey, red in
  the bin.", "Phew, red in the bin.", "Lol, red in the bin."), one or more, before a cube or a quantified goal;
- H121 what became of the cube after it ("Put the red cube in the bin, and it broke.": "it" / "the cube" broke is no
  aside about a machine elsewhere);
- H110 the Patois progressive "a" + verb ("Yuh a put di red cube inna di bin." = you are putting);
- H123 a status line: a cube, a colon, where it is ("Red cube: on the pad.", the model planned it): a state for every
  backend; with a direction ("Red cube: into the bin.", "Blue cube: to the pad.") it is the terse order "Red cube:
  bin."; any other words after the colon ("Red cube: back in the bin.", "Red cube: moving into the bin.", "Red cube:
  into the bin, OK.", A1 s18 H139: the model planned them) are a status too.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Now you are putting the red cube in the bin.",
    "Now you're putting the red cube in the bin.",
    "See, you are putting the red cube in the bin.",
    "Well, you are pushing the red cube left.",
    "Robot... putting red cube in bin.",
    "Robot; putting red cube in bin.",
    "Robot… putting red cube in bin.",
    "Arm... binning red cube.",
    "So there, red in the bin.",
    "There, all cubes in the bin.",
    "There, everything in the bin.",
    "And there, the red cube in the bin.",
    "Oh dear, red in the bin.",
    "Jeez, red in the bin.",
    "Blimey, red in the bin.",
    "Blimey, the red cube's in the bin.",
    "Aw, red in the bin.",
    "Meh, red in the bin.",
    "Phew, red in the bin.",
    "Yay, red in the bin!",
    "Lol, red in the bin.",
    "Haha, red in the bin.",
    "Oh, blimey, all the cubes in the bin.",
    "Crikey! Red cube on the pad.",
    "Gosh, everything in the bin.",
    "Blimey, red in the bin?",
    "Jeez, red in the bin, yeah?",
    "Put the red cube in the bin, and it broke.",
    "You put the red cube in the bin, and it broke.",
    "Red cube in the bin, and it broke.",
    "Put the red cube in the bin, it broke.",
    "Put the red cube in the bin, the cube broke.",
    "Yuh a put di red cube inna di bin.",
    "Mi a put di red cube inna di bin.",
    "Unu a tek di blue cube go pon di pad.",
    "Red cube: on the pad.",
    "Red cube: in the bin.",
    "Red: in the bin.",
    "Red cube: already in the bin.",
    "Blue cube: on top of the green cube.",
    "All cubes: in the bin.",
    "Red cube: into the bin, I think.",
    "Red cube: not into the bin.",
    "Red cube: into the bin, maybe.",
    "Red cube: into the bin? Thanks.",
    "Red cube: into the bin. Just kidding.",
    "Red cube: into the bin, OK.",
    "Red cube: back in the bin.",
    "Red cube: moving into the bin.",
    "Red cube: put into the bin.",
    "Red cube: could go into the bin.",
    "Red cube: into the bin, blue cube: on the pad.",
    "Red cube: binned.",
    "Red cube: stays where it is.",
])
def test_reports_remarks_and_status_lines_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Okay, red in the bin.",
    "Right, red in the bin.",
    "So, red in the bin.",
    "Red in the bin.",
    "Red cube: bin.",
    "Red cube: into the bin.",
    "Red cube: to the bin.",
    "Red: into the trash.",
    "Robot, put the red cube in the bin.",
    "Robot: put the red cube in the bin.",
    "There, put the red cube in the bin.",
    "Now put the red cube in the bin.",
    "Put the red cube in the bin, it's broken.",
    "Put the red cube in the bin, it's scrap.",
    "Put di red cube inna di bin.",
    "Tek di red cube an' put it inna di bin.",
    "Put the red cube in the bin, yeah?",
    "Oh, put the red cube in the bin.",
    "Blimey, put the red cube in the bin.",
    "Ugh, just put the red cube in the bin.",
    "Robot, putting the red cube in the bin please.",
])
def test_the_requests_beside_them_still_plan(text: str) -> None:
    plans_as(text, mv("red", "bin"), S3)


def test_a_direction_after_the_colon_sends_the_cube_there() -> None:
    plans_as("Blue cube: to the pad.", mv("blue", "pad"), S3)


def test_bare_places_after_colons_still_plan_in_turn() -> None:
    plans_as("Red cube: bin. Blue cube: pad.", mv("red", "bin") + mv("blue", "pad"), S3)
    plans_as("Red cube: bin, then go home.", [*mv("red", "bin"), "go_home()"], S3)
