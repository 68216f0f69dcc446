"""What the planner's per-session test files assert again and again, kept in one place: a scene of cubes built from
(colour, position) pairs, a request that must move nothing, and a request that must ask which cube it means.
New session test files import these instead of copying them."""

from __future__ import annotations

from test_planner_fresh12_words import plan

from policies.planner import Clarification, Plan, SceneState

REGIONS = ["left", "right", "bin", "pad"]


def cube_scene(*cubes: tuple[str, list[float]], on: dict[str, str] | None = None) -> SceneState:
    """Cubes named by colour at the given positions; `on` states stacking where the heights alone would not."""
    data: dict = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": p} for c, p in cubes],
                  "regions": REGIONS}
    if on:
        data["on"] = on
    return SceneState.from_json(data)


S3 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))


def moves_nothing(text: str, state: SceneState = S3) -> None:
    """A refusal, a clarification, or a plan that only goes home: no cube may move."""
    result = plan(text, state)
    assert not isinstance(result, Plan) or all(s.skill == "go_home" for s in result.steps), (text, result)


def asks(text: str, state: SceneState, candidates: set[str]) -> None:
    """A clarification naming exactly these objects (full names, e.g. "red_cube")."""
    result = plan(text, state)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == candidates, (text, result)
