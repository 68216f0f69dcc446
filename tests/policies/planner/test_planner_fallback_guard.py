"""The grounding screen and the parser's unread flag: what decides that an instruction may reach the model.

Pure logic (no model): an unread instruction goes to the model only after the screen has refused what the
words alone decide (absent colours, other kinds of object, reflexive goals, places outside the scene).
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, PlannerError, Refusal, SceneState, make_planner
from policies.planner.fallback import FallbackConfig
from policies.planner.grounding_guard import correct, screen
from policies.planner.semantic_parser import parse

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.02]}
                                          for c, y in (("red", 0.1), ("orange", 0.0), ("blue", -0.1))],
                              "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize("text, why", [
    ("grab the whiet block", "no white object"),  # a misspelt colour no object has
    ("stack the red cube on the pinnk one", "no pink object"),
    ("fetch the bottle", "no bottle"),
    ("set the red cube onto itself", "itself"),
    ("put the red cube in the fridge", "'fridge'"),
    ("leave the blue block under the chair", "'chair'"),
    ("give the red cube to me", "person"),
])
def test_screen_refuses_what_the_words_alone_decide(text: str, why: str) -> None:
    refusal = screen(text, SCENE).refusal
    assert isinstance(refusal, Refusal) and why in refusal.reason, (text, refusal)


@pytest.mark.parametrize("text", [
    "i'd love the ornage cube on the pad",  # a typo of a present colour is corrected, not refused
    "put the red cube on the white pad",  # a colour that names a region
    "slide the blue block towards you",  # "towards you" is a direction, not a person
    "could you put the red one on top of the blue one",
])
def test_screen_passes_instructions_over_present_things(text: str) -> None:
    assert screen(text, SCENE).refusal is None


def test_screen_corrects_typos_only_into_colours_and_object_nouns() -> None:
    assert screen("put the ornage cueb in the bin", SCENE).text == "put the orange cube in the bin"
    assert correct("bit") == "bit" and correct("hand") == "hand"  # real words stay themselves
    assert correct("gren") == "gren"  # within one edit of both green and grey: ambiguous, left alone


def test_screen_restricts_the_options_to_named_objects_unless_a_relation_points_elsewhere() -> None:
    assert screen("i'd like the red cube in the bin", SCENE).objects == frozenset({"red_cube"})
    assert screen("put the red cube on the pad and the other one in the bin", SCENE).objects is None
    assert screen("take the middle block", SCENE).objects is None


def test_parser_marks_unread_instructions_apart_from_reasoned_refusals() -> None:
    assert parse("would you be so kind as to twirl the red cube around", SCENE).unread  # no known action
    absent = parse("put the green cube in the bin", SCENE)
    assert absent.refusal is not None and not absent.unread
    assert not parse("put the red cube in the bin", SCENE).unread


def test_parser_backend_is_the_parser_without_the_model() -> None:
    planner = make_planner("parser")
    assert isinstance(planner.plan("would you be so kind as to twirl the red cube around", SCENE), Refusal)
    plan = planner.plan("put the red cube in the bin", SCENE)
    assert isinstance(plan, Plan) and [s.skill for s in plan.steps] == ["pick", "place_in"]


@pytest.mark.parametrize("kwargs", [{"margin": -1.0}, {"margin": 80.0}, {"max_steps": 0}])
def test_fallback_config_rejects_bad_values(kwargs: dict[str, float]) -> None:
    with pytest.raises(PlannerError):
        FallbackConfig(**kwargs)  # type: ignore[arg-type]
