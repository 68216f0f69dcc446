"""A tower said as a hypothesis (A1 s16 H104): "would / could / will be" after the tower is a copula, not a request,
as "is" is (A1 s15 H91, P3 s16): nothing is built. A request beside it, a modal asking ("Could you stack ..."), or an
order of the state ("should be", "is to be") still plans."""
from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import plan

from policies.planner import Plan


@pytest.mark.parametrize("text", [
    "Top to bottom, the tower would be red, blue, green.",
    "The tower would be red, blue, green, top to bottom.",
    "A tower could be red, blue, green from top to bottom.",
    "The stack could be red on top of blue on top of green.",
    "The tower will be red, blue, green, top to bottom.",
    "The tower'd be red, blue, green, top to bottom.",
    "The stack may be red, blue, green from the top.",
    "It would be great if the tower were red, blue, green from top to bottom.",
])
def test_a_tower_said_as_a_hypothesis_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "The stack should be red, blue, green, top to bottom.",
    "The tower is to be red, blue, green, top to bottom.",
    "Could you stack them, top to bottom: red, blue, green?",
    "Would you build a tower: red on top, then blue, then green at the bottom?",
    "Stack them, top to bottom: red, blue, green.",
])
def test_a_tower_asked_for_still_plans(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Plan), f"{text!r} did not plan: {result}"
    assert [s.skill for s in result.steps].count("place_on") == 2, f"{text!r} planned {result.steps}"
