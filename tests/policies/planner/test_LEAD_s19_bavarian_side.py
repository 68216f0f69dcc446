"""Bavarian "Seit'n" in a German state (A1 s19 H152, a false execution on main since 531c1f3): the rewrite to "Seite"
took only "rechte/linke", so the dative "auf der rechten Seit'n" stayed as written, escaped the state screen and
placed the cube. A state names where a cube is; it never plans, whatever the spelling of the side."""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Der grüne Würfl auf der rechten Seit'n.",
    "Der grüne Würfel auf der rechten Seit'n.",
    "Der rote Würfl auf der linken Seit'n.",
    "Der rote Würfel auf der linken Seit' n.",
    "Der grüne Würfl auf der rechten Seite.",
])
def test_a_cube_said_to_be_on_a_side_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Den grünen auf die rechte Seit'n.", mv("green", "right")),
    ("Stell'n grünen Würfl amal auf die rechte Seit'n nüber.", mv("green", "right")),
    ("Leg den roten Würfel auf die linke Seit'n.", mv("red", "left")),
])
def test_a_cube_sent_to_a_side_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)
