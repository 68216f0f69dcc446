"""The model's screen, session 10 (issue 17 item 3; A1 s10 H4-H6, H14-H16, H20, H24): taste, laughter, "with",
motions with no cube or place, participle statements, holding over a place.

The screen runs before the model on an instruction the parser could not read; its closed word list is what the
model may plan. Sentences are written for these tests (none from a devset or held-out split). Pure logic over the
words, except the ``slow`` test, which runs the embedded model through the whole default planner.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, SceneState, Step, make_planner
from policies.planner.grounding_guard import screen
from policies.planner.pairing import pairing_error

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


# H5: a laugh after (or before) a request may say it was a joke, as "xD" and the emoji do: so the model's screen refuses
# it in words the parser could not read. (P1 s19 settled the convention for words the parser reads: a laugh CLOSING a
# readable request is tone and plans, as every seen gold with one does, test_P1_s19_residues; these lines never reach
# the model's screen through the default backend, and "lol put ...", "... lol jk" stay refused.)
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


# H14: a part that moves the arm (or a cube) but names no cube or no place is no skill; the model binned the cube
# beside it.
@pytest.mark.parametrize("text", [
    "Move away, red in the bin.", "Back away, red in the bin.", "Go away, red in the bin.", "Go back, red in the bin.",
    "Back up, red in the bin.", "Back, red in the bin.", "Away, red in the bin.", "Go up, red in the bin.",
    "Down, red in the bin.", "Move over, red in the bin.", "Go forward, red in the bin.", "Okay move away now, red in "
    "the bin.", "Hey robot, move away, thanks, red in the bin.", "Move it away, red in the bin.",
    "Put red in the bin and go away.", "Red in the bin and move away.", "red cube bin now, then go up"])
def test_a_motion_that_names_no_cube_or_place_is_refused_before_the_model(text: str) -> None:
    reason = _refused(text)
    assert reason is not None, text


# H24: the arm told to go to or over a cube, or a cube sent "up"/"away" with no place: the model binned that cube.
@pytest.mark.parametrize("text", [
    "Go over the red cube, blue in the bin.", "Go up to the red cube, blue in the bin.",
    "Go to the red cube, blue in the bin.", "Up over the red cube, blue in the bin.", "Over red, blue in the bin.",
    "Red up, blue in the bin.", "Red down, blue in the bin.", "Red over, blue in the bin.",
    "Red away, blue in the bin.", "Go red, blue in the bin.", "Red, go, blue in the bin.",
    "Go over it, blue in the bin.", "Go to it, blue in the bin.",
    "Move down to it, blue in the bin.", "Go left of the red cube, blue in the bin."])
def test_an_arm_motion_to_a_cube_is_refused_before_the_model(text: str) -> None:
    assert _refused(text) is not None, text


@pytest.mark.parametrize("text", ["red cube bin now, then go home", "go home, red cube bin now",
                                  "push it left please", "red cube, left side", "blue cube right side now",
                                  "red cube bin now and go back to the start position",
                                  "pick up the red cube, put it in the bin", "pick up red and blue pad now"])
def test_a_motion_with_its_cube_place_or_home_still_reaches_the_model(text: str) -> None:
    assert _refused(text) is None, text


# H15: a participle alone describes the scene or logs a step; "the end" closes a story.
@pytest.mark.parametrize("text", [
    "Blue cube stacked on the red cube.", "The blue cube stacked on the red one.", "Red stacked on blue, thanks.",
    "Red cube placed in the bin.", "Red in the bin, the end.", "The end: red in the bin."])
def test_a_participle_statement_is_refused_before_the_model(text: str) -> None:
    assert _refused(text) is not None, text


@pytest.mark.parametrize("text", ["I want the end result to be the blue cube stacked on the red cube",
                                  "put the cube stacked on red in the bin", "goal state: blue stacked on red"])
def test_a_participle_in_a_goal_frame_or_after_a_verb_is_not_refused_for_it(text: str) -> None:
    reason = _refused(text)
    assert reason is None or "describes a cube" not in reason, (text, reason)


# H16: held or lifted over a place stays in the gripper; "<bin/pad> side" is a side of the table.
@pytest.mark.parametrize("text", [
    "Hold the red cube over the bin.", "Hold the red cube up over the bin.", "Raise the red cube up over the bin.",
    "Lift the red cube up over the pad.", "Hold the red cube over the pad, please.", "red cube above the bin",
    "Put the red cube on the bin side.", "Put the red cube on the pad side.", "hold the red cube in the bin",
    "lift red onto the pad"])
def test_held_over_a_place_or_a_place_side_is_refused_before_the_model(text: str) -> None:
    assert _refused(text) is not None, text


@pytest.mark.parametrize("text", ["lift the red cube and put it in the bin", "red cube in the bin please",
                                  "put the red cube on the right side"])
def test_a_release_said_with_its_place_verb_still_reaches_the_model(text: str) -> None:
    assert _refused(text) is None, text


def _moves(*pairs: str) -> list[Step]:
    steps: list[Step] = []
    for pair in pairs:
        obj, where = pair.split(">")
        steps.append(Step(skill="pick", args={"object": f"{obj}_cube"}))
        steps.append(Step(skill="place_in", args={"region": where}) if where in SCENE.regions
                     else Step(skill="place_on", args={"object": f"{where}_cube"}))
    return steps


# H20: a cube the words name but never put next to a place: which place it gets was the model's guess.
@pytest.mark.parametrize(("text", "plan"), [
    ("Pad and bin, red and blue.", ("red>bin", "blue>pad")), ("Bin and pad, red and blue.", ("red>bin", "blue>pad")),
    ("Bin, pad: red, blue.", ("red>bin", "blue>pad")), ("Red bin blue.", ("red>bin", "blue>bin")),
    ("Red pad blue.", ("red>pad", "blue>pad")), ("Left and right, red and blue.", ("red>left", "blue>right"))])
def test_a_named_cube_never_put_next_to_a_place_is_refused(text: str, plan: tuple[str, ...]) -> None:
    reason = pairing_error(text, SCENE, _moves(*plan))
    assert reason is not None, text


@pytest.mark.parametrize(("text", "plan"), [
    ("red bin, blue pad", ("red>bin", "blue>pad")), ("red cube bin now", ("red>bin",)),
    ("blue cube pad now, green cube bin now", ("blue>pad", "green>bin")), ("red on blue now", ("red>blue",))])
def test_each_cube_next_to_its_place_still_pairs(text: str, plan: tuple[str, ...]) -> None:
    assert pairing_error(text, SCENE, _moves(*plan)) is None, text


@pytest.mark.slow
def test_the_default_backend_plans_none_of_them() -> None:
    pytest.importorskip("llama_cpp")
    planner = make_planner("llama_cpp")
    # ("Put the red cube in the bin lol" left this list in P1 s19: the parser reads a closing laugh, which plans)
    for text in ("I like the red cube on the pad.", "You love the red cube on the pad.",
                 "lol put the red cube in the bin",
                 "Push the red cube left with the blue cube.", "Put the red cube on the pad with the blue cube.",
                 "With blue, push red left.", "Move away, red in the bin.", "Blue cube stacked on the red cube.",
                 "Hold the red cube over the bin.", "Put the red cube on the bin side.", "Pad and bin, red and blue.",
                 "Red bin blue.", "Go to the red cube, blue in the bin.", "Red up, blue in the bin."):
        assert not isinstance(planner.plan(text, SCENE), Plan), text
    # The model still plans a plain telegraphic request the parser cannot read (the near miss).
    result = planner.plan("blue cube pad now", SCENE)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == ["pick(object=blue_cube)",
                                                                            "place_in(region=pad)"]
