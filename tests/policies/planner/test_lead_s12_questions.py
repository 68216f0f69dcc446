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
    "So you put the red cube in the bin?", "You put the red cube in the bin?!", "And you binned the red one?",
    "u put the red one in the bin?", "You stacked red on blue?", "You pushed the red cube left?",
    "Red on the pad?!", "Red cube in the bin?!"])
def test_a_statement_with_a_question_mark_is_refused_as_a_question(text: str) -> None:
    result = PLANNER.plan(text, SCENE)
    assert isinstance(result, Refusal), (text, result)
    # A past-tense "you <verb>ed ...?" is refused as a report of the robot's act (4733658, REV s14 R6) before the
    # question screen reads its "?"; either reason refuses it for every backend.
    assert "question" in result.reason or "reports what the robot did" in result.reason, (text, result.reason)


@pytest.mark.parametrize("text, first", [
    ("Pop the blue cube in the bin?", "blue_cube"), ("So maybe just put the red cube in the bin?", "red_cube"),
    ("Could you put the red cube in the bin?", "red_cube"), ("Can you bin the green cube?", "green_cube"),
    ("Put the red cube in the bin, would you?", "red_cube"), ("Bin the blue one?", "blue_cube"),
    ("Would you mind putting the green cube on the pad?", "green_cube")])
def test_a_request_said_with_a_question_mark_still_plans(text: str, first: str) -> None:
    result = PLANNER.plan(text, SCENE)
    assert isinstance(result, Plan), (text, result)
    assert result.steps[0].args["object"] == first


# REV s12 R1: what the robot has just done, said back to it, is a report; a statement with a confirming tag asks.
@pytest.mark.parametrize("text", [
    "Wow, you just put the red cube in the bin.", "Hey, you just put the red cube in the bin.",
    "Look, you already moved the blue cube to the pad.", "Och, ye jist pit the red yin in the bin. That's you done.",
    "So you've just stacked the red cube on the blue one.", "You just put the red cube in the bin, please.",
    "You put the red cube in the bin, yeah?", "You put the red cube in the bin, right?",
    "you moved the blue one to the pad, eh?"])
def test_a_report_of_what_the_robot_did_or_a_confirmation_is_refused(text: str) -> None:
    assert isinstance(PLANNER.plan(text, SCENE), Refusal), text


@pytest.mark.parametrize("text", [
    "Could you just put the red cube in the bin?", "Can you just put the red cube in the bin?",
    "Just put the red cube in the bin.", "Please you take the red cube and you put it in the bin."])
def test_just_and_a_learners_you_still_request(text: str) -> None:
    result = PLANNER.plan(text, SCENE)
    assert isinstance(result, Plan) and result.steps[0].args["object"] == "red_cube", (text, result)


# REV s12 R4: "will be placed" foretells; the quantifier's passive goal is read only as what should be done.
def test_every_cube_will_be_placed_is_refused_and_should_be_moved_plans() -> None:
    assert isinstance(PLANNER.plan("Every cube will be placed on the pad.", SCENE), Refusal)
    assert isinstance(PLANNER.plan("Every cube will be moved to the bin.", SCENE), Refusal)
    result = PLANNER.plan("Every cube should be moved to the pad.", SCENE)
    assert isinstance(result, Plan) and len(result.steps) == 6, result


# A1 s10 H13: a scene colour that is the lexicon's word for another colour ("cyan" is read as blue).
def test_a_scene_colour_read_as_another_refuses_every_instruction() -> None:
    scene = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.2 - 0.1 * i, 0.022]}
        for i, c in enumerate(("cyan", "blue", "lime", "green"))], "regions": ["left", "right", "bin", "pad"]})
    for text in ("Put the cyan cube in the bin.", "Put every cube except the cyan one in the bin.",
                 "Put the blue cube on the pad."):
        result = PLANNER.plan(text, scene)
        assert isinstance(result, Refusal) and "reads as blue" in result.reason, (text, result)
