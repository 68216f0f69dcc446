"""'after this' at a clause's start is the spoken "then" (final split 14, f14-006: "..., after this you put the blue
cube in bin" planned the blue cube first, a wrong plan); 'after this <noun phrase>' is never read as "then"."""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner

_PLANNER = make_planner("parser")
_SCENE = SceneState.from_json({"objects": [
    {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.44, 0.12, 0.022]},
    {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.56, -0.08, 0.022]},
    {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.38, -0.2, 0.022]}],
    "regions": ["left", "right", "bin", "pad"]})


def _steps(text: str) -> list[str] | Plan | Refusal:
    result = _PLANNER.plan(text, _SCENE)
    if not isinstance(result, Plan):
        return result  # type: ignore[return-value]
    return [f"{s.skill}({','.join(str(v) for v in s.args.values())})" for s in result.steps]


@pytest.mark.parametrize("text", [
    "First you take red cube and put on the pad, after this you put the blue cube in bin, and at the end go home.",
    "put red on the pad, after this put blue in the bin",
    "put the red cube on the pad. After this, put the blue cube in the bin",
    "put red on the pad and after this please put blue in the bin",
])
def test_after_this_keeps_the_spoken_order(text: str) -> None:
    steps = _steps(text)
    assert isinstance(steps, list), steps
    assert steps[:4] == ["pick(red_cube)", "place_in(pad)", "pick(blue_cube)", "place_in(bin)"]


@pytest.mark.parametrize("text", [
    "put red on the pad, after this don't put blue in the bin",
    "after this cube is on the pad, put blue in the bin",
])
def test_after_this_never_turns_a_negation_or_a_noun_phrase_into_then(text: str) -> None:
    assert not isinstance(_PLANNER.plan(text, _SCENE), Plan)
