"""Word readings the adversarial review of session 5 found running against the words (ADV 3, 4, 10; HE1's
'only if you have time, please ...'), each with the wordings that must still be read, so a fix cannot pass by
refusing the family whole."""

from __future__ import annotations

import pytest
from test_planner_fresh9_words import mv, plan, steps  # one scene and helpers for the word tests

from policies.planner import Refusal
from policies.planner.safety import unsafe_reason


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


# ---------------------------------------------------- ADV 4: a reason clause is dropped only after a disposal
@pytest.mark.parametrize("text", [
    "put red on blue. that's not needed any more",
    "put red on the pad. that's no longer needed",
    "put red on the pad, that is not needed",
    "go home. that's not needed",
    "bin red. actually that's not needed",
    "bin red. that's not needed anymore",
    "bin red, that's no good",
    "put red on the pad, that's no good",
    "put red on the pad. it's useless",
    "put red on the pad, it's junk",
    "put red on the pad. it's broken",
    "bin red and put blue on the pad, it's scrap",
    "put red on blue, they're junk",
])
def test_reason_clause_after_anything_but_a_disposal_is_refused(text: str) -> None:
    assert isinstance(plan(text), Refusal), text


@pytest.mark.parametrize(("text", "want"), [
    ("ditch the purple cube, it's scrap", mv("purple", "bin")),
    ("bin red, it's broken", mv("red", "bin")),
    ("throw away the red cube, it's junk", mv("red", "bin")),
    ("put red in the bin, it's garbage", mv("red", "bin")),
    ("get rid of red and blue, they're junk", mv("red", "bin") + mv("blue", "bin")),
])
def test_reason_clause_after_a_disposal_still_runs(text: str, want: list[str]) -> None:
    assert steps(text) == want


# ------------------------------------------ ADV 10: a throw verb carried to a second object thrown elsewhere
@pytest.mark.parametrize("text", [
    "toss red into the bin and blue onto the pad",
    "throw red in the bin and blue on red",
    "chuck red in the trash and the blue one onto the green one",
    "toss red in the bin and blue to the left",
    "throw red in the bin, then blue onto the pad",
    "toss red and blue onto the pad",
    "throw the red cube away and blue on the pad",
    "chuck it in the bin and the green one at the wall",
])
def test_throw_carried_to_another_place_is_unsafe(text: str) -> None:
    assert unsafe_reason(text) is not None, text
    result = plan(text)
    assert isinstance(result, Refusal) and result.reason.startswith("unsafe request"), (text, result)


@pytest.mark.parametrize(("text", "want"), [
    ("toss red and blue in the bin", mv("red", "bin") + mv("blue", "bin")),
    ("toss red in the bin and blue in the bin", mv("red", "bin") + mv("blue", "bin")),
    ("toss red in the bin and put blue on the pad", mv("red", "bin") + mv("blue", "pad")),
    ("chuck red and put blue on the pad", mv("red", "bin") + mv("blue", "pad")),
])
def test_throw_into_the_bin_beside_a_placement_still_runs(text: str, want: list[str]) -> None:
    assert steps(text) == want


# --------------------------------------------- HE1: a condition is dropped only in its known politeness forms
@pytest.mark.parametrize("text", [
    "only if you have time, please put red on the pad",
    "only if you have time, put red on the pad",
    "only if it fits, please put red on the pad",
    "only if blue is free, please bin red",
    "only when you're ready, please put red on the pad",
    "put red on the pad only if blue is free",
    "put red on the pad, but only if it fits",
    "if you have the red cube, please put it on the pad",
    "just if you have time, kindly put red on the pad",
])
def test_condition_that_is_not_politeness_is_refused(text: str) -> None:
    result = plan(text)
    assert isinstance(result, Refusal) and "condition" in result.reason, (text, result)


@pytest.mark.parametrize("text", [
    "if you have time, please put red on the pad",
    "if you have a moment, please put red on the pad",
    "if you could, please put red on the pad",
    "if you don't mind, please put red on the pad",
    "if possible, please put red on the pad",
])
def test_politeness_conditions_still_run(text: str) -> None:
    assert steps(text) == mv("red", "pad")
