"""Phrasing kinds the sixth fresh split (fresh_independent_6) found, read generally (issue #17 items 0 and 2):
each test holds the kind in several wordings of its own, beside the wordings that must stay refused.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner


def scene(*objects: str | tuple[str, float, float]) -> SceneState:
    """Cubes by colour, or (colour, x, y) with a position on the table (x away from the robot, y to its left)."""
    entries = []
    for obj in objects:
        colour, xy = (obj, None) if isinstance(obj, str) else (obj[0], [obj[1], obj[2], 0.022])
        entries.append({"name": f"{colour}_cube", "kind": "cube", "color": colour, **({"position": xy} if xy else {})})
    return SceneState.from_json({"objects": entries, "regions": ["left", "right", "bin", "pad"]})


def plan_of(text: str, state: SceneState, backend: str = "parser") -> list[str]:
    """The steps ``backend`` plans for ``text``; fails the test on a refusal or a question."""
    result = make_planner(backend).plan(text, state)
    if not isinstance(result, Plan):
        pytest.fail(f"{backend} did not plan {text!r}: {result}")
    return [str(s) for s in result.steps]


@pytest.mark.parametrize("text", [
    "put every cube in the bin except the orange one, and don't touch the blue one",
    "move all the cubes except the orange one to the pad, but leave the blue cube alone",
    "every cube apart from the orange one goes on the left, and never move the blue cube",
])
def test_a_negation_of_a_cube_the_stated_exceptions_leave_in_contradicts_the_quantifier(text: str) -> None:
    for backend in ("parser", "rules"):
        result = make_planner(backend).plan(text, scene("orange", "purple", "blue"))
        assert isinstance(result, Refusal), (backend, text, result)
        if backend == "parser":
            assert "blue cube" in result.reason and ("forbids" in result.reason or "contradictory" in result.reason)


def test_without_except_the_negation_is_the_exception_and_a_repeated_exception_agrees() -> None:
    state = scene("orange", "purple", "blue")
    assert plan_of("put every cube in the bin, but don't touch the blue one", state) == [
        "pick(object=orange_cube)", "place_in(region=bin)", "pick(object=purple_cube)", "place_in(region=bin)"]
    assert plan_of("put every cube except the orange one in the bin, and don't touch the orange one either",
                   state) == ["pick(object=purple_cube)", "place_in(region=bin)", "pick(object=blue_cube)",
                              "place_in(region=bin)"]
