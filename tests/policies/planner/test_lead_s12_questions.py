"""A statement said with a rising '?' asks whether, it does not request (A1 s12 H39).

"Everything in the bin?" binned every cube and "You put the red cube in the bin?" binned red: the question screen
took "bin" (a noun there) for a verb and read any sentence holding a verb as a rising request. Sentences are written
for these tests (none from a devset or held-out split); each runs through the parser backend, where every backend's
speech-act screen runs.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner

SCENE = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.2 - 0.12 * i, 0.022]}
    for i, c in enumerate(("red", "blue", "green"))], "regions": ["left", "right", "bin", "pad"]})
PLANNER = make_planner("parser")


@pytest.mark.parametrize("text", [
    "Everything in the bin?", "Everything into the bin?!", "All in the bin?", "So, all in the bin?",
    "Everything in the trash bin?", "Every cube in the bin?", "The lot in the bin?",
    "You put the red cube in the bin?", "You take the red cube to the bin?", "You carry the red cube to the bin?",
    "So you put the red cube in the bin?", "You just put the red cube in the bin?!", "And you binned the red one?",
    "u put the red one in the bin?", "You stacked red on blue?", "You pushed the red cube left?",
    "Red on the pad?!", "Red cube in the bin?!"])
def test_a_statement_with_a_question_mark_is_refused_as_a_question(text: str) -> None:
    result = PLANNER.plan(text, SCENE)
    assert isinstance(result, Refusal), (text, result)
    assert "question" in result.reason, (text, result.reason)


@pytest.mark.parametrize("text, first", [
    ("Pop the blue cube in the bin?", "blue_cube"), ("So maybe just put the red cube in the bin?", "red_cube"),
    ("Could you put the red cube in the bin?", "red_cube"), ("Can you bin the green cube?", "green_cube"),
    ("Put the red cube in the bin, would you?", "red_cube"), ("Bin the blue one?", "blue_cube"),
    ("Would you mind putting the green cube on the pad?", "green_cube")])
def test_a_request_said_with_a_question_mark_still_plans(text: str, first: str) -> None:
    result = PLANNER.plan(text, SCENE)
    assert isinstance(result, Plan), (text, result)
    assert result.steps[0].args["object"] == first
