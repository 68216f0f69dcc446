"""Phrasings the fifth fresh split (fresh_independent_5) refused, read generally (issue #17 item 2): the bin
idiom with a pronoun or any name of the bin, and a tower's roles said with "as the top cube" and "in between".
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.plan import Clarification
from policies.planner.safety import unsafe_reason


def scene(*colours: str) -> SceneState:
    return SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in colours],
                                 "regions": ["left", "right", "bin", "pad"]})


def plan_of(text: str, state: SceneState) -> list[str]:
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Plan), (text, result)
    return [str(s) for s in result.steps]


@pytest.mark.parametrize("text", [
    "Could you get rid of the green cube? Just toss it in the bin.",
    "pick up the green cube and chuck it into the trash can",
    "grab the green one and throw it in the rubbish",
    "toss the green cube in the garbage bin",
])
def test_throwing_into_the_bin_is_the_bin_idiom(text: str) -> None:
    assert unsafe_reason(text) is None
    assert plan_of(text, scene("green", "blue")) == ["pick(object=green_cube)", "place_in(region=bin)"]


@pytest.mark.parametrize("text", [
    "toss it to me", "toss it at me", "chuck it across the room", "throw the green cube",
    "toss it into the bin from across the room", "lob the green cube into the bin",
    "toss it in the bin, then throw the blue one at the operator",
])
def test_a_throw_aimed_anywhere_but_into_the_bin_stays_unsafe(text: str) -> None:
    assert unsafe_reason(text) is not None


@pytest.mark.parametrize("text", [
    "I want a three-high stack with purple at the base and red as the top cube, the blue one in between",
    "a stack with red as the top cube, purple at the base and blue between them",
    "red as the top one, blue in the middle, purple at the very base",
])
def test_a_tower_with_roles_said_as_top_base_and_in_between(text: str) -> None:
    assert plan_of(text, scene("purple", "blue", "red")) == [
        "pick(object=blue_cube)", "place_on(object=purple_cube)", "pick(object=red_cube)", "place_on(object=blue_cube)"]


@pytest.mark.parametrize("text", [
    "put the red cube in between the blue cube and the bin",  # not a tower: no place for 'between'
    "a stack with blue at the base, red between them",  # two cubes, no top: the roles disagree
])
def test_between_that_is_not_a_tower_role_is_refused(text: str) -> None:
    assert isinstance(make_planner("parser").plan(text, scene("purple", "blue", "red")), Refusal)


@pytest.mark.parametrize("text", [
    "slide the blue cube rightwards, don't pick it up",
    "push the blue cube to the right and do not lift it",
])
def test_a_push_that_must_not_pick_its_object_up_stays_a_push(text: str) -> None:
    assert plan_of(text, scene("green", "blue")) == ["push(object=blue_cube, direction=right)"]


@pytest.mark.parametrize("text", [
    "put the blue cube in the bin, don't pick it up",
    "push the green cube left and put the blue cube on the pad, don't pick it up",
])
def test_dont_pick_it_up_forbids_every_pick_whatever_it_refers_to(text: str) -> None:
    for backend in ("parser", "rules"):
        result = make_planner(backend).plan(text, scene("green", "blue"))
        assert not isinstance(result, Plan) or all(s.skill != "pick" for s in result.steps), (backend, result)


def test_the_other_one_after_a_negation_is_the_one_left_or_a_question() -> None:
    text = "Leave the green cube alone and put the other one on the pad."
    assert plan_of(text, scene("green", "blue")) == ["pick(object=blue_cube)", "place_in(region=pad)"]
    asked = make_planner("parser").plan(text, scene("green", "blue", "red"))
    assert isinstance(asked, Clarification) and set(asked.candidates) == {"blue_cube", "red_cube"}
