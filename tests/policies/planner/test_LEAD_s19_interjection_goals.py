"""An interjection of surprise, relief or amusement before a verbless goal remarks on a state found (A1 s19 H143, a
false execution on main: the screen took only "<cube> <place>", so "Blimey, red at the bottom, blue in the middle,
green on top." built the tower in the simulator). The whole verbless clause the parser would read is a remark: a
tower by its roles, a list, an exclusion, home; a verb, "please" or a modal makes it a request again."""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Blimey, red at the bottom, blue in the middle, green on top.",
    "Yay, red at the bottom, then blue, then green.",
    "Wow, tower: red at the bottom, blue in the middle, green on top.",
    "There, red at the bottom, blue in the middle, green on top.",
    "Yay, red and blue in the bin.",
    "Blimey, everything but red in the bin.",
    "Phew, home.",
    "Ha, red in the bin.",
    "Ha! Red in the bin.",
    "Wow, red to the left.",
    "Oh dear, all the cubes in the bin.",
])
def test_an_interjection_before_a_verbless_goal_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Wow, please put the red cube in the bin.", mv("red", "bin")),
    ("Look, could you put red in the bin?", mv("red", "bin")),
    ("Wow, put red in the bin.", mv("red", "bin")),
    ("Haha, bin the red cube.", mv("red", "bin")),
    ("Okay, red in the bin.", mv("red", "bin")),
])
def test_a_verb_or_a_plain_opener_keeps_the_request(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", ["Phew, go home.", "Right, home."])
def test_going_home_said_with_a_verb_or_a_plain_opener_still_plans(text: str) -> None:
    plans_as(text, ["go_home()"])
