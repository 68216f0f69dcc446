"""SceneState (SCENE.json) and plan/result JSON: round trips and the errors a user sees."""

from __future__ import annotations

import pytest

from policies.planner import PlannerError, Refusal, SceneState, Step, result_from_json, result_to_json
from policies.planner.plan import Plan

SCENE = {"objects": [{"name": "red_cube", "kind": "cube", "color": "red"},
                     {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, 0.1, 0.02]}],
         "regions": ["left", "right", "bin"], "holding": "red_cube", "on": {"blue_cube": "bin"}}


def test_scene_round_trips_through_json() -> None:
    state = SceneState.from_json(SCENE)
    assert state.names == ("red_cube", "blue_cube")
    assert state.holding == "red_cube" and dict(state.on) == {"blue_cube": "bin"}
    assert state.get("blue_cube").position == (0.5, 0.1, 0.02)
    assert SceneState.from_json(state.to_json()) == state


@pytest.mark.parametrize(("patch", "words"), [
    ({"objects": [{"name": "cube_red", "kind": "cube", "color": "red"}]}, "'<color>_<kind>'"),
    ({"objects": [{"name": "red_cube", "kind": "cube", "color": "red"}] * 2}, "duplicate"),
    ({"extra": 1}, "unknown key(s) 'extra'"),
    ({"objects": [{"name": "red_cube", "kind": "cube", "color": "red", "size": 2}]}, "unknown key(s) 'size'"),
    ({"holding": "green_cube"}, "holding 'green_cube'"),
    ({"on": {"red_cube": "shelf"}, "holding": None}, "neither an object nor a region"),
    ({"on": {"blue_cube": "blue_cube"}}, "itself"),
    ({"on": {"blue_cube": "red_cube"}}, "held"),
    ({"regions": ["Bin!"]}, "lowercase"),
])
def test_bad_scene_is_refused_with_the_reason(patch: dict, words: str) -> None:
    with pytest.raises(PlannerError, match=None) as info:
        SceneState.from_json({**SCENE, **patch})
    assert words in str(info.value)


def test_support_cycle_is_rejected() -> None:
    scene = {**SCENE, "holding": None, "on": {"red_cube": "blue_cube", "blue_cube": "red_cube"}}
    with pytest.raises(PlannerError, match="cycle"):
        SceneState.from_json(scene)


def test_result_json_round_trip_and_schema_errors() -> None:
    plan = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="go_home", args={})))
    data = result_to_json(plan)
    assert data == {"status": "ok", "steps": [{"skill": "pick", "args": {"object": "red_cube"}},
                                              {"skill": "go_home", "args": {}}]}
    assert result_from_json(data) == plan
    assert result_from_json(result_to_json(Refusal(reason="no"))) == Refusal(reason="no")
    bad: object
    for bad in ({"status": "maybe"}, {"status": "ok", "steps": "pick"}, {"status": "refused"},
                {"status": "ok", "steps": [{"skill": "pick", "args": {"object": 3}}]},
                {"status": "ok", "steps": [], "why": 1}, []):
        with pytest.raises(PlannerError):
            result_from_json(bad)
