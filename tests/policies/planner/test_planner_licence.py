"""The licence and acceptance rule of the language-model fallback (pure logic, no model).

Each wrong plan below is one the 270M model ran with a wide margin before the licence existed (tune and fresh
splits): the rule must refuse it, and accept the right plan for the same words.
"""

from __future__ import annotations

import inspect

import pytest

from policies.planner import SceneState, Step
from policies.planner.fallback import FallbackConfig
from policies.planner.grounding_guard import correct, screen
from policies.planner.licence import acceptance_error, licence_for

ROW = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
                                        for c, y in (("red", 0.16), ("green", 0.0), ("blue", -0.16))],
                            "regions": ["left", "right", "bin", "pad"]})
STACKED = SceneState.from_json({
    "objects": [{"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.5, -0.1, 0.022]},
                {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.48, 0.12, 0.022]},
                {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, -0.1, 0.066]}],
    "regions": ["left", "right", "bin", "pad"], "on": {"blue_cube": "yellow_cube"}})


def pick(o: str) -> Step:
    return Step(skill="pick", args={"object": o})


def put_in(r: str) -> Step:
    return Step(skill="place_in", args={"region": r})


def put_on(o: str) -> Step:
    return Step(skill="place_on", args={"object": o})


def push(o: str, d: str) -> Step:
    return Step(skill="push", args={"object": o, "direction": d})


@pytest.mark.parametrize("text, wrong, right", [
    ("push the red block away from you", [push("red_cube", "left")], [push("red_cube", "forward")]),
    ("the green block, into the bin with it", [pick("green_cube"), put_in("right")],
     [pick("green_cube"), put_in("bin")]),
    ("red cube on the blue cube", [pick("red_cube")], [pick("red_cube"), put_on("blue_cube")]),
    ("take the cube in the middle and put it in the bin", [pick("red_cube"), put_in("bin")],
     [pick("green_cube"), put_in("bin")]),
    ("pick up the block furthest to the right", [pick("red_cube")], [pick("blue_cube")]),
    ("green to the right side", [pick("green_cube"), put_in("left")], [pick("green_cube"), put_in("right")]),
])
def test_acceptance_refuses_the_confident_wrong_plan_and_accepts_the_right_one(text: str, wrong: list[Step],
                                                                               right: list[Step]) -> None:
    licence = licence_for(screen(text, ROW).text, ROW)
    assert acceptance_error(wrong, licence) is not None, text
    assert acceptance_error(right, licence) is None, (text, acceptance_error(right, licence))


@pytest.mark.parametrize("text, plan, why", [
    ("make the red cube bigger", [pick("red_cube")], "no verb asking to pick"),  # ran before: a pick
    ("paint the red cube blue", [pick("red_cube"), put_on("blue_cube")], "not named"),
    ("what colour is the middle cube?", [pick("green_cube")], "question"),
    ("push the red cube to the right", [pick("red_cube"), put_in("right")], "push"),  # a push, not a place
    ("slide the blue cube", [push("blue_cube", "left")], "not named"),  # no direction given: none is licensed
    ("move the red cube to the right side and head back home",
     [pick("red_cube"), Step(skill="go_home", args={}), put_in("right")], "goes home while carrying"),
])
def test_acceptance_refuses_what_the_words_do_not_ask_for(text: str, plan: list[Step], why: str) -> None:
    error = acceptance_error(plan, licence_for(text, ROW))
    assert error is not None and why in error, (text, error)


def test_going_home_holding_the_object_is_accepted_when_nothing_is_placed_after() -> None:
    licence = licence_for("pick up the red cube and go home", ROW)
    assert acceptance_error([pick("red_cube"), Step(skill="go_home", args={})], licence) is None


def test_licence_names_nothing_for_requests_about_nothing_on_the_table() -> None:
    for text in ("do a little dance", "sing me a song", "water the plants please", "wave hello"):
        licence = licence_for(text, ROW)
        assert not licence.objects and not licence.home and not licence.regions, text


def test_anchor_objects_are_licensed_but_not_required_nor_destinations() -> None:
    licence = licence_for("take the cube off the yellow one and put it on the pad", STACKED)
    assert "blue_cube" in licence.objects and "yellow_cube" not in licence.required_objects
    assert "yellow_cube" not in licence.targets  # "put it on the pad": the yellow cube is no destination
    assert acceptance_error([pick("blue_cube"), put_in("pad")], licence) is None
    assert acceptance_error([pick("blue_cube"), put_on("yellow_cube")], licence) is not None


def test_step_cap_bounds_the_plan_by_what_the_words_name() -> None:
    assert licence_for("grab the red cube", ROW).step_cap() == 2
    assert licence_for("put both the red and the blue cube in the bin, then go home", ROW).step_cap() == 5


def test_typo_correction_prefers_a_present_colour_and_fixes_swapped_letters() -> None:
    assert correct("gren", frozenset({"green"})) == "green"
    assert correct("gren", frozenset({"red"})) == "gren"  # neither near word present: left alone
    assert screen("puhs the red cube to the rigth", ROW).text == "push the red cube to the right"
    assert correct("then") == "then" and correct("lift") == "lift"  # one edit from "the"/"left": not swaps


def test_fallback_is_on_by_default_in_both_model_backends() -> None:
    from policies.planner.llama_backend import LlamaBackend
    from policies.planner.openai_backend import OpenAIBackend

    assert inspect.signature(LlamaBackend.__init__).parameters["fallback"].default is True
    backend = OpenAIBackend(base_url="http://127.0.0.1:9/v1")  # no request is made until something is planned
    assert backend.fallback is True
    assert FallbackConfig().agreement is True


def test_licensed_plans_and_their_english_rendering() -> None:
    from policies.planner.agreement import licensed_plans, render
    from policies.planner.ranking import grounded_steps

    licence = licence_for("put both the red and the blue cube in the bin", ROW)
    plans = licensed_plans(ROW, licence, grounded_steps, licence.step_cap())
    assert (pick("red_cube"), put_in("bin"), pick("blue_cube"), put_in("bin")) in plans
    assert all(acceptance_error(p, licence) is None for p in plans)  # every alternative passes the licence
    assert render([pick("red_cube"), put_in("bin"), Step(skill="go_home", args={})]) == \
        "put the red cube in the bin, then go home"


@pytest.mark.slow  # loads MiniLM (a few seconds)
def test_agreement_refuses_a_plan_the_sentence_embedding_clearly_ranks_below_another() -> None:
    pytest.importorskip("sentence_transformers")
    from policies.planner.agreement import agreement_error
    from policies.text import shared_encoder

    text = "drop the red cube into the bin"
    wrong, right = (pick("red_cube"), put_in("pad")), (pick("red_cube"), put_in("bin"))
    encoder = shared_encoder()
    assert agreement_error(text, wrong, [wrong, right], encoder) is not None
    assert agreement_error(text, right, [wrong, right], encoder) is None
    # Clause order is the model's to decide: the two orders of one plan are never compared.
    both = (pick("red_cube"), put_in("bin"), pick("blue_cube"), put_in("bin"))
    swapped = (pick("blue_cube"), put_in("bin"), pick("red_cube"), put_in("bin"))
    assert agreement_error("put both the red and the blue cube in the bin", both, [swapped], encoder) is None
