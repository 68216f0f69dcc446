"""The model's screen, session 10 (issue 17 item 3; A1 s10 H4, H5, H6): taste, laughter and "with".

The screen runs before the model on an instruction the parser could not read; its closed word list is what the
model may plan. Sentences are written for these tests (none from a devset or held-out split). Pure logic over the
words, except the ``slow`` test, which runs the embedded model through the whole default planner.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, SceneState, make_planner
from policies.planner.grounding_guard import screen

SCENE = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.2 - 0.12 * i, 0.022]}
    for i, c in enumerate(("red", "blue", "green"))], "regions": ["left", "right", "bin", "pad"]})


def _refused(text: str) -> str | None:
    refusal = screen(text, SCENE).refusal
    return None if refusal is None else refusal.reason


# H4: a taste or a description is no request ("I like the red cube on the pad" ran red -> pad through the model).
@pytest.mark.parametrize("text", [
    "I like the red cube on the pad.", "I love the red cube in the bin.", "I like red on the pad.",
    "Hey, I love the red cube on the pad!", "I like the red cube on the pad, thanks.",
    "I like the red cube on top of the blue one.", "I love the red cube on the blue cube.",
    "The red cube on the pad, I like.", "Red on the pad I like.", "You love the red cube on the pad.",
    "you like red in the bin", "I like it on the pad", "like red on the pad", "put the red cube like the blue one",
    "you want red on the pad", "want the red cube in the bin", "i love red on blue please",
    "I like the red cube on the pad and the blue cube in the bin."])
def test_a_taste_or_a_comparison_is_refused_before_the_model(text: str) -> None:
    reason = _refused(text)
    assert reason is not None, text


@pytest.mark.parametrize("text", [
    "I'd like the red cube on the pad", "I would like the red cube on the pad", "id like red on the pad",
    "would you like to put the red cube on the pad", "I'd love the red cube in the bin",
    "I would love red on the blue cube", "I want the red cube in the bin", "I want red on the pad please"])
def test_a_wish_said_as_a_request_still_reaches_the_model(text: str) -> None:
    assert _refused(text) is None, text


# H5: a laugh after (or before) a request may say it was a joke, as "xD" and the emoji do.
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin lol", "Put the red cube in the bin lol.", "Put the red cube in the bin lol!",
    "Put the red cube in the bin haha", "lol put the red cube in the bin", "haha put the red cube in the bin",
    "Put the red cube on the pad lol, thanks", "red cube bin now lol", "blue on the pad haha ok"])
def test_a_laugh_is_refused_before_the_model(text: str) -> None:
    reason = _refused(text)
    assert reason is not None and ("lol" in reason or "haha" in reason), (text, reason)


@pytest.mark.parametrize("text", ["hey buddy, red cube bin now", "cheers mate, blue cube pad now",
                                  "hello robot, put red on the pad please", "red cube bin now, thanks pal"])
def test_greetings_and_thanks_still_reach_the_model(text: str) -> None:
    assert _refused(text) is None, text


# H6: "with" names a tool or a companion; the model moved it as a second cube.
@pytest.mark.parametrize("text", [
    "Push the red cube left with the blue cube.", "Push red left with blue.", "Push red with blue left.",
    "With blue, push red left.", "Put the red cube on the pad with the blue cube.",
    "Put the red cube in the bin, with the blue one.", "Red in the bin with blue.", "Red with blue in the bin.",
    "Put the red cube in the bin, blue with it.", "Pick up the red cube with the blue cube.",
    "push red left with it"])
def test_with_is_refused_before_the_model(text: str) -> None:
    reason = _refused(text)
    assert reason is not None and "with" in reason, (text, reason)


@pytest.mark.parametrize("text", ["Push red left and blue left.", "Put the red cube on the pad and the blue cube too",
                                  "red and blue in the bin"])
def test_the_same_requests_with_and_are_not_refused_for_with(text: str) -> None:
    reason = _refused(text)
    assert reason is None or "'with'" not in reason, (text, reason)


@pytest.mark.slow
def test_the_default_backend_plans_none_of_them() -> None:
    pytest.importorskip("llama_cpp")
    planner = make_planner("llama_cpp")
    for text in ("I like the red cube on the pad.", "You love the red cube on the pad.",
                 "Put the red cube in the bin lol", "Put the red cube on the pad lol, thanks",
                 "Push the red cube left with the blue cube.", "Put the red cube on the pad with the blue cube.",
                 "With blue, push red left."):
        assert not isinstance(planner.plan(text, SCENE), Plan), text
    # The model still plans a plain telegraphic request the parser cannot read (the near miss).
    result = planner.plan("blue cube pad now", SCENE)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == ["pick(object=blue_cube)",
                                                                            "place_in(region=pad)"]
