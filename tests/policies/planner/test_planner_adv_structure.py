"""The adversarial review's structure holes (notes5 ADV 5, 8, 9, 13, 14), each closed as a family: a stated
order inside a quantifier ("X first, then Y"), a tower's place beside its roles, "anything else / the other
cubes" relative to what is named before it, a home clause with unread words, and an exclusion that reads two
ways. Each family: the plan the words give, or a refusal; never a plan that contradicts the words."""

from __future__ import annotations

import pytest
from test_planner_fresh10_structure import COLOURS, scene  # cubes by colour, stacks by colour

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.semantic_parser import parse

SCENE = scene()
PARSER = make_planner("parser")


def steps(text: str, state: SceneState = SCENE) -> list[str]:
    result = PARSER.plan(text, state)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def refused(text: str, state: SceneState = SCENE) -> str:
    result = PARSER.plan(text, state)
    assert isinstance(result, Refusal), f"the parser planned {text!r}: {result}"
    return result.reason


def order(text: str, state: SceneState = SCENE) -> list[str]:
    """The colours of the cubes the plan picks, in order."""
    return [s.split("=")[1].split("_")[0] for s in steps(text, state) if s.startswith("pick(")]


# --- ADV 8: "X first, then Y" inside a quantifier -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "put every cube in the bin, the purple one first, then the green one",
    "put every cube in the bin, the purple one first and then the green one",
    "put every cube in the bin, starting with the purple one, then the green one",
    "bin all the cubes, starting with the purple one and then the green one",
])
def test_quantifier_reads_the_second_stated_place(text: str) -> None:
    assert order(text) == ["purple", "green", "red", "blue", "yellow", "orange"]


def test_quantifier_reads_every_stated_place_on_four_cubes() -> None:
    four = scene("red", "blue", "green", "yellow")
    assert order("put all the cubes on the pad, the blue one first, then the yellow one", four) == \
        ["blue", "yellow", "red", "green"]
    assert order("put every cube in the bin, the purple one first, then the green one, then the red one")[:3] == \
        ["purple", "green", "red"]


@pytest.mark.parametrize("text", [
    "put every cube in the bin, the purple one first, then the purple one",  # one cube, two places
    "put every cube in the bin except the green one, the purple one first, then the green one",  # excluded
    "put every cube in the bin, the purple one first, then the green one next",  # unread 'next'
    "put every cube in the bin, then the green one",  # a place with no first: where does it go?
])
def test_quantifier_order_that_cannot_be_kept_is_refused(text: str) -> None:
    refused(text)


def test_stated_second_cube_under_another_is_refused() -> None:
    stacked = scene("red", "blue", "green", "yellow", stacks={"yellow": "green"})
    assert "green" in refused("put every cube in the bin, the blue one first, then the green one", stacked)
    # the cube resting on it said earlier: the order can be kept
    assert order("put every cube in the bin, the yellow one first, then the green one", stacked)[:2] == \
        ["yellow", "green"]


# --- ADV 9: a tower's place is never dropped ---------------------------------------------------------------

TOWER = ["pick(object=red_cube)", "place_in(region={})", "pick(object=blue_cube)", "place_on(object=red_cube)",
         "pick(object=green_cube)", "place_on(object=blue_cube)"]


@pytest.mark.parametrize(("text", "region"), [
    ("make a tower of red, blue and green on the pad, red is the base and green is the top", "pad"),
    ("make a tower of red, blue and green on the left side, red is the base and green is the top", "left"),
    ("make a tower of red, blue and green, red is the base and green is the top, on the pad", "pad"),
    ("build a tower with red at the bottom, then blue, then green, on the left", "left"),
    ("build a tower on the pad from bottom to top: red, blue, green", "pad"),
    ("build a tower on the right side from top to bottom: green, blue, red", "right"),
])
def test_tower_is_built_where_the_words_put_it(text: str, region: str) -> None:
    assert steps(text) == [s.format(region) for s in TOWER]


@pytest.mark.parametrize("text", [
    "make a tower of red, blue and green in the bin, red is the base and green is the top",
    "make a tower of red, blue and green on the pad and in the bin, red is the base and green is the top",
    "build a tower in the trash bin from bottom to top: red, blue, green",
])
def test_tower_place_that_cannot_be_kept_is_refused(text: str) -> None:
    refused(text)


def test_tower_place_missing_from_the_scene_is_refused() -> None:
    no_pad = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                                   "regions": ["left", "right", "bin"]})
    assert isinstance(PARSER.plan("build a tower on the pad from bottom to top: red, blue, green", no_pad), Refusal)
    # without a place, the tower stands where its base is (unchanged)
    assert steps("make a tower of red, blue and green, red is the base and green is the top") == TOWER[2:]


# --- ADV 13: "the other cubes / anything else" is relative to what is named before it --------------------------

@pytest.mark.parametrize("text", [
    "put red in the bin, don't move anything else. put blue on the pad",
    "put red in the bin, don't move anything else. blue on the pad",
    "put red in the bin, don't touch the other cubes. blue on the pad",
    "put red in the bin, don't move anything else. blue on the pad, green in the bin",
    "put red in the bin, leave the others alone. put green on blue",
    "without touching the other cubes, put red in the bin. then put blue on the pad",
])
def test_object_named_after_the_others_negation_is_refused(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "picked"), [
    ("put red in the bin and don't touch the other cubes", ["red"]),
    ("without touching the other cubes, put red in the bin", ["red"]),  # opening its sentence: reaches its end
    ("put red in the bin and blue on the pad, leave the others alone", ["red", "blue"]),
    # nothing new named (red on the pad first: a cube put in the bin is never moved again, A1 s9 G28)
    ("put red on the pad, leave the rest alone. then put it in the bin", ["red", "red"]),
])
def test_others_negation_over_objects_named_within_reach_plans(text: str, picked: list[str]) -> None:
    assert order(text) == picked


# --- ADV 5: a home clause is read only where its other words are fillers --------------------------------------

@pytest.mark.parametrize("text", [
    "open the gripper and go home",
    "put red on the pad, then wave and go home",
    "put red on the pad. put it back, go home",
    "put red on the pad. put it back and go home",
    "go home and stay there",
    "junk it, go home",
])
def test_home_clause_with_unread_words_is_refused(text: str) -> None:
    assert "could not understand" in refused(text)
    # a reasoned refusal naming the unread words: never left to the model, which went home alone
    assert parse(text, SCENE).unread is False


@pytest.mark.parametrize("text", [
    "go home", "please go home now", "park the arm", "return to your home position please",
    "would you kindly go to the home position", "go back home", "send the arm home",
])
def test_home_clause_of_fillers_goes_home(text: str) -> None:
    assert steps(text) == ["go_home()"]


def test_home_after_a_request_still_plans() -> None:
    assert steps("put red in the bin and then park the arm")[-1] == "go_home()"
    assert steps("put red on the pad, then go home") == ["pick(object=red_cube)", "place_in(region=pad)", "go_home()"]


# --- ADV 14: an exclusion joined by 'and' to the cube said first reads two ways ------------------------------

@pytest.mark.parametrize("text", [
    "put every cube in the bin but not the red and the blue one first",
    "put every cube in the bin except red and the blue one first",
    "put every cube in the bin except the red, and the blue one first",
    "put every cube in the bin but not the red and the blue one first, then the green one",
])
def test_exclusion_or_first_cube_is_refused_as_ambiguous(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "picked"), [
    ("put every cube in the bin but not the purple and the green", ["red", "blue", "yellow", "orange"]),
    ("put every cube except the red one in the bin, the blue one first", ["blue", "yellow", "purple", "green",
                                                                          "orange"]),
    ("put every cube in the bin, and the blue one first", ["blue", "red", "yellow", "purple", "green", "orange"]),
])
def test_exclusion_and_first_cube_said_apart_plan(text: str, picked: list[str]) -> None:
    assert order(text) == picked


def test_verbless_placement_question_is_not_planned() -> None:
    # refused by the speech-act guard (policies/planner/speech_act.py), not duplicated here
    refused("red on pad?")


@pytest.mark.parametrize("text", ["Please return the arm to its home position.",
                                  "return the robot to its home position", "send the robot arm home"])
def test_home_clause_naming_the_arm_and_its_home_goes_home(text: str) -> None:
    # fresh split indep11-010: 'its' beside 'home position' is no unread word
    assert steps(text) == ["go_home()"]
