"""A pronoun with no verb of its own after "and" (REV s16-R2): "Push the red one right and it right." pushed the red
cube twice, and after "Don't push the blue cube left." the "it" may mean the blue one. A gapped clause names its
cube; with a pronoun there, nothing moves. A pronoun with its own verb, or a named cube in the gap, still plans."""
from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import plan

from policies.planner import Plan


@pytest.mark.parametrize("text", [
    "Push the red one right and it right.",
    "Don't push the blue cube left. Push the red one right and it right.",
    "Push the red cube left and it left.",
    "Push the red cube left and then it right.",
    "Push the red cube left and that one right.",
    "Slide the red cube to the left and it to the right.",
])
def test_a_gapped_pronoun_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "pushes"), [
    ("Push the red cube left and then push it left again.", [("red_cube", "left"), ("red_cube", "left")]),
    ("Push the red cube right and the blue one left.", [("red_cube", "right"), ("blue_cube", "left")]),
])
def test_a_pronoun_with_its_verb_or_a_named_gap_plans(text: str, pushes: list[tuple[str, str]]) -> None:
    result = plan(text, S3)
    assert isinstance(result, Plan), f"{text!r} did not plan: {result}"
    assert [(s.args["object"], s.args["direction"]) for s in result.steps] == pushes, f"{text!r}: {result.steps}"
