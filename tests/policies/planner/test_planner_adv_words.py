"""Word readings the adversarial review of session 5 found running against the words (ADV 3, 4, 10; HE1's
'only if you have time, please ...'), each with the wordings that must still be read, so a fix cannot pass by
refusing the family whole."""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner

COLOURS = ("red", "blue", "yellow", "purple", "green", "orange")
SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                              "regions": ["left", "right", "bin", "pad"]})


def plan(text: str) -> Plan | Refusal:
    result = make_planner("parser").plan(text, SCENE)
    assert isinstance(result, (Plan, Refusal)), (text, result)
    return result


def steps(text: str) -> list[str]:
    result = plan(text)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def mv(colour: str, where: str) -> list[str]:
    place = f"place_on(object={where}_cube)" if where in COLOURS else f"place_in(region={where})"
    return [f"pick(object={colour}_cube)", place]


# ---------------------------------------------------------------- ADV 3: "leave/keep it there", then moved again
@pytest.mark.parametrize(("text", "named"), [
    ("put red on the pad and keep it there, then move it to the bin", "red"),
    ("put red on the pad, leave it there, then move it to the bin", "red"),
    ("put red on the pad, leave it there. bin red", "red"),
    ("drop red on the pad n leave it there, then chuck it", "red"),
    ("push red left, leave it there, then put it in the bin", "red"),
    ("put red on the pad and let it sit there, then put it on blue", "red"),
    ("put red and blue on the pad and leave them there, then bin blue", "blue"),
    ("put red on the pad and leave it there. Actually put it in the bin", "red"),
    ("put the red cube on the pad and keep it in place, then pick it up", "red"),
    ("put green on blue and leave it there, then put the green one on the pad", "green"),
])
def test_kept_there_then_moved_is_refused_naming_the_object(text: str, named: str) -> None:
    result = plan(text)
    assert isinstance(result, Refusal), (text, result)
    assert f"the {named} cube" in result.reason and "contradict" in result.reason, result.reason


@pytest.mark.parametrize(("text", "want"), [
    ("drop green on the pad n leave it there", mv("green", "pad")),
    ("put red on the pad and leave it there, then put blue on it", mv("red", "pad") + mv("blue", "red")),
    ("put red on the pad and leave it there, then put blue in the bin", mv("red", "pad") + mv("blue", "bin")),
    ("put red on the pad and keep it there, then pick up blue and put it on red", mv("red", "pad") + mv("blue", "red")),
])
def test_kept_there_with_other_objects_moved_later_still_runs(text: str, want: list[str]) -> None:
    assert steps(text) == want
