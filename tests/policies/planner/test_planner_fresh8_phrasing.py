"""Phrasing kinds the eighth fresh split (fresh_independent_8) refused wrongly, read generally: wishes with a
copula or infinitive ("X needs to go on Y", "I'd like X to be sitting atop Y"), "your rest position" (home, not
the quantifier 'the rest'), a contrast "however" between commas, and "clear the table, every single cube into the
bin"; beside the wordings that must stay refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import Clarification, Plan, Refusal, SceneState, Step, make_planner
from policies.planner.pairing import pairing_error
from policies.planner.phrasing import rewrite

COLOURS = ("red", "blue", "yellow", "purple", "green")
SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                              "regions": ["left", "right", "bin", "pad"]})


def steps(text: str) -> list[str]:
    """The parser's plan for ``text`` in SCENE, as the steps' text; fails the test where it plans nothing."""
    result = make_planner("parser").plan(text, SCENE)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def mv(colour: str, where: str) -> list[str]:
    """Pick the cube, then place it in the region ``where`` or on the cube of colour ``where``."""
    place = f"place_on(object={where}_cube)" if where in COLOURS else f"place_in(region={where})"
    return [f"pick(object={colour}_cube)", place]


@pytest.mark.parametrize(("text", "want"), [
    ("the yellow cube need to go on the pad, please", mv("yellow", "pad")),
    ("the green cube needs to go into the bin", mv("green", "bin")),
    ("the red cube needs to be in the bin", mv("red", "bin")),
    ("the blue cube needs to sit on top of the red cube", mv("blue", "red")),
    ("I would like the blue cube to be sitting atop the purple cube, if you please.", mv("blue", "purple")),
    ("i'd like the red block to be placed on the pad", mv("red", "pad")),
    ("I want the red cube to be on top of the blue cube", mv("red", "blue")),
])
def test_wishes_with_a_copula_or_infinitive_are_requests(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", ["return to your rest position please", "go back to the resting pose",
                                  "move to your rest position"])
def test_the_rest_position_is_home(text: str) -> None:
    assert steps(text) == ["go_home()"]


def test_the_rest_as_a_quantifier_is_still_refused_alone() -> None:
    got = make_planner("parser").plan("put the rest in the bin", SCENE)
    assert isinstance(got, Refusal) and "the rest" in got.reason


@pytest.mark.parametrize("text", [
    "Put the blue cube on the right. Prior to that, however, place the red cube on the green cube.",
    "Put the blue cube on the right. However, before that, place the red cube on the green cube.",
])
def test_however_between_commas_carries_nothing(text: str) -> None:
    assert steps(text) == mv("red", "green") + mv("blue", "right")


@pytest.mark.parametrize("text", ["clear the table, every single cube into the bin",
                                  "clear the table, all the cubes in the bin",
                                  "clear the table, every block in the bin"])
def test_clear_the_table_with_every_cube_into_the_bin(text: str) -> None:
    assert steps(text) == [s for c in COLOURS for s in mv(c, "bin")]


@pytest.mark.parametrize("text", ["the red cube needs to go", "I would like the blue cube to be sitting",
                                  "clear the table, every single cube"])
def test_without_a_destination_nothing_is_planned(text: str) -> None:
    assert not isinstance(make_planner("parser").plan(text, SCENE), Plan)


def placed(*cubes: tuple[str, float], on: dict[str, str] | None = None) -> SceneState:
    """Cubes at (0.5, y) on the table: y to the robot's left, so the smallest y is the rightmost."""
    return SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c,
                                              "position": [0.5, y, 0.022]} for c, y in cubes],
                                 "regions": ["left", "right", "bin", "pad"], **({"on": on} if on else {})})


@settings(max_examples=30, deadline=None)
@given(ys=st.lists(st.floats(-0.25, 0.25), min_size=2, max_size=4, unique=True),
       side=st.sampled_from(["right", "left"]), words=st.sampled_from([
           "put the cube on the {} in the bin", "place the block on the {} side onto the pad",
           "move the one on the {} into the bin"]))
def test_the_cube_on_a_side_is_the_one_farthest_that_way_or_asked(ys: list[float], side: str, words: str) -> None:
    state = placed(*zip(COLOURS, ys, strict=False))
    got = make_planner("parser").plan(words.format(side), state)
    by_side = sorted(zip(ys, COLOURS, strict=False), reverse=side == "left")
    sign = 1.0 if side == "left" else -1.0
    half = {f"{c}_cube" for y, c in by_side if sign * y > 0.05}
    if 1 < len(half) < len(ys):  # two or more on that half of the table, others not: the words name them all, asked
        assert isinstance(got, Clarification) and set(got.candidates) == half, got  # (f26-057, session 10)
    elif abs(by_side[0][0] - by_side[1][0]) < 0.02:  # level: asked, never guessed
        assert isinstance(got, Clarification), got
    else:
        assert isinstance(got, Plan) and str(got.steps[0]) == f"pick(object={by_side[0][1]}_cube)", got
        wrong = (Step(skill="pick", args={"object": f"{by_side[1][1]}_cube"}), *got.steps[1:])
        assert pairing_error(words.format(side), state, wrong) is not None


def test_a_cube_in_the_right_region_keeps_the_cube_on_the_right_as_it_is() -> None:
    state = placed(("red", -0.2), ("blue", 0.1), on={"blue_cube": "right"})
    assert rewrite("put the cube on the right in the bin", state).text == "put the cube on the right in the bin"
    assert rewrite("put the cube on the right", placed(("red", -0.2), ("blue", 0.1))).text == \
        "put the cube on the right"


ROW = placed(("green", 0.0), ("yellow", 0.18), ("purple", -0.2))


@pytest.mark.parametrize(("text", "moved"), [
    ("place the cube that is to the left of the green one on the pad", "yellow"),
    ("place the cube which is right of the green one on the pad", "purple"),
    ("place the cube that's sitting to the right of the green one on the pad", "purple"),
])
def test_a_relative_clause_before_left_of_names_the_cube_on_that_side(text: str, moved: str) -> None:
    got = make_planner("parser").plan(text, ROW)
    assert isinstance(got, Plan) and [str(s) for s in got.steps] == mv(moved, "pad"), got
    anchor_moved = (Step(skill="pick", args={"object": "green_cube"}), *got.steps[1:])
    assert pairing_error(text, ROW, anchor_moved) is not None  # the model moving the anchor is rejected


def test_the_cube_that_is_sitting_on_another_is_the_one_on_it() -> None:
    state = placed(("green", 0.0), ("orange", 0.0), ("red", 0.2), on={"orange_cube": "green_cube"})
    got = make_planner("parser").plan("take the cube that's sitting on the green one and put it in the bin", state)
    assert isinstance(got, Plan) and [str(s) for s in got.steps] == mv("orange", "bin"), got
