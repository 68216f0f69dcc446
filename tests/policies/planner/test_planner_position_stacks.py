"""Stacks given by positions only (a perception-built scene): the checker reads what stands on what from the
positions, so no backend's plan picks, pushes or stacks onto a cube with another on top (fresh split indep7-065)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import Plan, Refusal, SceneState, Step
from policies.planner.plan import PlanResult
from policies.planner.planner import CheckedPlanner, make_planner

REGIONS = ["left", "right", "bin", "pad"]
COLOURS = ("red", "green", "blue", "yellow", "orange", "purple")
CUBE_M = 0.044


def scene(cubes: list[tuple[str, tuple[float, float, float]]], on: dict[str, str] | None = None) -> SceneState:
    data: dict = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": list(p)} for c, p in cubes],
                  "regions": REGIONS}
    if on:
        data["on"] = on
    return SceneState.from_json(data)


RED_ON_BLUE = [("blue", (0.5, 0.05, 0.022)), ("red", (0.5, 0.05, 0.066)), ("green", (0.42, -0.15, 0.022))]


def test_positions_alone_place_the_red_cube_on_the_blue_one() -> None:
    state = scene(RED_ON_BLUE).with_position_stacks()
    assert dict(state.on) == {"red_cube": "blue_cube"}
    assert not state.is_clear("blue_cube") and state.is_clear("red_cube")
    given_on = scene(RED_ON_BLUE, on={"red_cube": "pad"}).with_position_stacks()
    assert dict(given_on.on) == {"red_cube": "pad"}  # 'on' wins where the scene gives it


def test_put_the_covered_cube_somewhere_is_refused_as_with_an_explicit_on() -> None:
    planner = make_planner("parser")
    for words in ("Put the blue cube on the pad.", "Put the blue cube on the pad without moving the red cube.",
                  "Push the blue cube left."):
        by_position = planner.plan(words, scene(RED_ON_BLUE))
        explicit = planner.plan(words, scene(RED_ON_BLUE, on={"red_cube": "blue_cube"}))
        assert isinstance(by_position, Refusal), (words, by_position)
        assert "blue cube" in by_position.reason and "red cube" in by_position.reason
        assert by_position == explicit


def test_the_top_cube_and_free_cubes_still_move() -> None:
    planner = make_planner("parser")
    got = planner.plan("Put the red cube on the pad.", scene(RED_ON_BLUE))
    assert isinstance(got, Plan) and got.steps[0] == Step(skill="pick", args={"object": "red_cube"})
    got = planner.plan("Stack the green cube on the red cube.", scene(RED_ON_BLUE))
    assert isinstance(got, Plan) and [s.skill for s in got.steps] == ["pick", "place_on"]


@pytest.mark.parametrize(("dx", "dy"), [(0.021, 0.021), (-0.021, 0.021), (0.021, -0.02), (0.0, -0.021),
                                       (-0.021, 0.0)])
def test_a_cube_resting_off_centre_or_diagonally_is_on_the_one_below(dx: float, dy: float) -> None:
    cubes = [("blue", (0.5, 0.05, 0.022)), ("red", (0.5 + dx, 0.05 + dy, 0.066)), ("green", (0.42, -0.15, 0.022))]
    assert dict(scene(cubes).with_position_stacks().on) == {"red_cube": "blue_cube"}
    result = make_planner("parser").plan("put the blue cube in the bin", scene(cubes))
    assert isinstance(result, Refusal) and "red cube" in result.reason, result


@pytest.mark.parametrize("cubes", [
    [("blue", (0.5, 0.05, 0.022)), ("red", (0.55, 0.05, 0.022))],  # side by side on the table
    [("blue", (0.5, 0.05, 0.022)), ("red", (0.5, 0.1, 0.066))],  # higher, but beside it (5 cm off)
    [("blue", (0.5, 0.05, 0.022)), ("red", (0.5, 0.05, 0.13))],  # far above (held or falling), not resting on it
])
def test_cubes_whose_footprints_do_not_meet_or_that_float_are_not_stacked(cubes: list) -> None:
    assert dict(scene(cubes).with_position_stacks().on) == {}


class FixedPlanBackend:
    """A backend whose proposal is given: the checker alone stands between it and the arm."""

    name = "fixed"

    def __init__(self, plan: PlanResult) -> None:
        self.plan = plan

    def propose(self, instruction: str, state: SceneState) -> PlanResult:
        return self.plan


@st.composite
def stacked_scenes(draw: st.DrawFn) -> tuple[SceneState, list[str], dict[str, str]]:
    """Random towers from positions only, each cube up to 1.05 cm off its spot's centre on each axis, so one rests
    on the one below off-centre or diagonally by up to (2.1, 2.1) cm; with what truly stands on what, so the
    oracle does not lean on the code under test."""
    colours = draw(st.lists(st.sampled_from(COLOURS), min_size=2, max_size=5, unique=True))
    n_spots = draw(st.integers(1, len(colours)))
    spots = [(0.38 + 0.08 * i, draw(st.floats(-0.2, 0.2)), ) for i in range(n_spots)]
    tops: list[str | None] = [None] * n_spots
    heights = [0] * n_spots
    cubes = []
    truth: dict[str, str] = {}
    offset = st.floats(-0.0105, 0.0105)
    for c in colours:
        k = draw(st.integers(0, n_spots - 1))
        x, y = spots[k]
        cubes.append((c, (x + draw(offset), y + draw(offset), 0.022 + CUBE_M * heights[k])))
        if tops[k] is not None:
            truth[f"{c}_cube"] = f"{tops[k]}_cube"
        tops[k] = c
        heights[k] += 1
    return scene(cubes), [f"{c}_cube" for c in colours], truth


def _covered(truth: dict[str, str], steps: tuple[Step, ...]) -> bool:
    """Does a step pick or push a cube with another on it, replaying the plan on the stacks the scene was built
    with?"""
    on = dict(truth)
    held = ""
    for s in steps:
        obj = s.args.get("object", "")
        if s.skill in ("pick", "push") and obj in on.values():
            return True
        if s.skill == "pick":
            on.pop(obj, None)
            held = obj
        elif s.skill == "place_on":
            on[held] = obj
        elif s.skill == "place_in":
            on[held] = s.args["region"]
        elif s.skill == "push":
            on.pop(obj, None)
    return False


@settings(max_examples=60, deadline=None)
@given(drawn=stacked_scenes(), data=st.data())
def test_no_accepted_plan_picks_a_cube_with_something_on_it(drawn: tuple[SceneState, list[str], dict[str, str]],
                                                            data: st.DataObject) -> None:
    state, names, truth = drawn
    assert dict(state.with_position_stacks().on) == truth
    a, b = data.draw(st.sampled_from(names)), data.draw(st.sampled_from(names))
    region = data.draw(st.sampled_from(REGIONS))
    steps = data.draw(st.sampled_from([
        (Step(skill="pick", args={"object": a}), Step(skill="place_in", args={"region": region})),
        (Step(skill="pick", args={"object": a}), Step(skill="place_on", args={"object": b})),
        (Step(skill="push", args={"object": a, "direction": "left"}),),
    ]))
    proposed = CheckedPlanner(FixedPlanBackend(Plan(steps=steps)))
    colour = a.removesuffix("_cube")
    words = {"pick": f"put the {colour} cube somewhere", "push": f"push the {colour} cube"}[steps[0].skill]
    result = proposed.plan(words, state)
    if isinstance(result, Plan):
        assert not _covered(truth, result.steps), (state.to_json(), result)
    parsed = make_planner("parser").plan(data.draw(st.sampled_from([
        f"put the {colour} cube in the {region}", f"put the {colour} cube on the {region}",
        f"stack the {colour} cube on the {b.removesuffix('_cube')} cube", f"push the {colour} cube left",
        f"put all the cubes in the {region}"])), state)
    if isinstance(parsed, Plan):
        assert not _covered(truth, parsed.steps), (state.to_json(), parsed)
