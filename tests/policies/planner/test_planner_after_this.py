"""'after this' at a clause's start is the spoken "then" (final split 14, f14-006: "..., after this you put the blue
cube in bin" planned the blue cube first, a wrong plan); 'after this <noun phrase>' is never read as "then"."""

from __future__ import annotations

import pytest
from test_planner_fresh10_structure import plan, scene, steps

from policies.planner import Plan

_SCENE = scene("red", "blue", "yellow")


@pytest.mark.parametrize("text", [
    "First you take red cube and put on the pad, after this you put the blue cube in bin, and at the end go home.",
    "put red on the pad, after this put blue in the bin",
    "put the red cube on the pad. After this, put the blue cube in the bin",
    "put red on the pad and after this please put blue in the bin",
])
def test_after_this_keeps_the_spoken_order(text: str) -> None:
    assert steps(text, _SCENE)[:4] == ["pick(object=red_cube)", "place_in(region=pad)", "pick(object=blue_cube)",
                                       "place_in(region=bin)"]


@pytest.mark.parametrize("text", [
    "put red on the pad, after this don't put blue in the bin",
    "after this cube is on the pad, put blue in the bin",
])
def test_after_this_never_turns_a_negation_or_a_noun_phrase_into_then(text: str) -> None:
    assert not isinstance(plan(text, _SCENE), Plan)
