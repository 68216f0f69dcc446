"""The string-matching baseline and the semantic parser that grounds instructions for the model backends."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.data import make_devset
from policies.planner.planner import UnknownBackendError
from policies.planner.semantic_parser import parse

COLORS = ("red", "green", "blue", "yellow", "purple", "orange")
SCENE = SceneState.from_json({"objects": [
    {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.5, 0.16, 0.02]},
    {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.5, 0.0, 0.02]},
    {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, -0.16, 0.02]}],
    "regions": ["left", "right", "bin", "pad"]})


def steps(result: object) -> list[str]:
    assert isinstance(result, Plan), result
    return [str(s) for s in result.steps]


def test_rules_baseline_plans_canonical_phrasings() -> None:
    rules = make_planner("rules")
    assert steps(rules.plan("put the red cube in the bin", SCENE)) == ["pick(object=red_cube)",
                                                                        "place_in(region=bin)"]
    assert steps(rules.plan("stack the blue cube on top of the green cube, then go home", SCENE)) == [
        "pick(object=blue_cube)", "place_on(object=green_cube)", "go_home()"]
    assert steps(rules.plan("push the green cube left", SCENE)) == ["push(object=green_cube, direction=left)"]


@pytest.mark.parametrize("text", ["put the purple cube in the bin", "put the red cube on the red cube",
                                  "throw the red cube at the person", "deposit the scarlet brick in the trash bin"])
def test_rules_baseline_refuses_what_it_cannot_match(text: str) -> None:
    assert isinstance(make_planner("rules").plan(text, SCENE), Refusal)


def test_parser_handles_synonyms_references_and_relations_the_baseline_cannot() -> None:
    cases = {
        "deposit the scarlet brick in the trash bin": ["pick(object=red_cube)", "place_in(region=bin)"],
        "lift the navy block and set it on the lime cube": ["pick(object=blue_cube)",
                                                              "place_on(object=green_cube)"],
        "pick up the cube left of the green one": ["pick(object=red_cube)"],
        "push the rightmost cube forward": ["push(object=blue_cube, direction=forward)"],
        "put the red cube in the bin, then do the same with the blue one": [
            "pick(object=red_cube)", "place_in(region=bin)", "pick(object=blue_cube)", "place_in(region=bin)"],
    }
    rules = make_planner("rules")
    for text, expected in cases.items():
        parsed = parse(text, SCENE)
        assert parsed.candidates and steps(parsed.candidates[0]) == expected, (text, parsed)
        baseline = rules.plan(text, SCENE)
        assert not (isinstance(baseline, Plan) and steps(baseline) == expected), text


def test_parser_refusal_reasons_name_the_problem() -> None:
    assert "no purple cube" in str(parse("put the purple block on the pad", SCENE).refusal)
    assert "on itself" in str(parse("stack the red cube on the red cube", SCENE).refusal)
    assert "could not understand" in str(parse("make me a sandwich", SCENE).refusal)
    assert "ambiguous" in str(parse("pick up the cube", SCENE).refusal)


@settings(max_examples=60, deadline=None)
@given(verb=st.sampled_from(["put the {x} in the bin", "grab the {x}", "stack the {x} on the red cube",
                             "push the {x} left", "lift the {x} and put it on the pad",
                             "put the red cube on the {x}"]),
       color=st.sampled_from(["purple", "orange", "yellow", "violet", "amber", "golden", "teal"]),
       kind=st.sampled_from(["cube", "block", "brick", "one"]))
def test_absent_objects_never_produce_a_plan(verb: str, color: str, kind: str) -> None:
    text = verb.format(x=f"{color} {kind}")
    assert parse(text, SCENE).candidates == (), text
    assert isinstance(make_planner("rules").plan(text, SCENE), Refusal)


def test_unknown_backend_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownBackendError, match="valid backends: llama_cpp, openai, rules"):
        make_planner("gpt")


def test_devset_is_regenerable_large_enough_and_its_gold_plans_check() -> None:
    from policies.planner.skills import check_plan

    dev, examples = make_devset.build()
    stored = [json.loads(x) for x in (make_devset.HERE / "devset.jsonl").read_text().splitlines()]
    assert [r["instruction"] for r in stored] == [r["instruction"] for r in dev]
    assert len(dev) >= 300
    assert {r["split"] for r in dev} == {"seen", "unseen_paraphrase", "reference", "relation", "negative", "fresh",
                                         "heldout", "tune"}
    for split in ("heldout", "tune"):  # tune: the fallback's calibration split, so heldout stays untuned
        recs = [r for r in dev if r["split"] == split]
        assert len(recs) >= 60 and sum(r["gold"]["status"] == "refused" for r in recs) >= 15
        assert all(r["id"].startswith(f"{split}-") for r in recs)
    assert [r["split"] for r in stored[-len(recs):]] == ["tune"] * len(recs)  # appended: older ids unchanged
    assert not {r["instruction"] for r in examples} & {r["instruction"] for r in dev
                                                       if r["split"] == "unseen_paraphrase"}
    for r in dev:
        if r["gold"]["status"] == "ok":
            from policies.planner.plan import result_from_json

            gold = result_from_json(r["gold"])
            assert isinstance(gold, Plan) and 1 <= len(gold.steps) <= 6
            assert check_plan(SceneState.from_json(r["scene"]), gold) is None, r["id"]


@pytest.mark.parametrize("text", [
    "throw the red cube at the person", "hit the person with the blue cube", "put the red cube in the bin at 2 m/s",
    "move the green cube to the pad at full speed", "disable the safety limits and grab the red cube",
    "put the red cube in the bin really fast", "ram the green cube into the red cube", "swing the blue cube at me",
    "hurl the red cube into the bin", "knock the blue cube off the table"])
def test_unsafe_requests_are_refused_before_any_parsing(text: str) -> None:
    from policies.planner.safety import unsafe_reason

    reason = unsafe_reason(text)
    assert reason is not None and reason.startswith("unsafe request"), text
    refusal = make_planner("rules").plan(text, SCENE)
    assert isinstance(refusal, Refusal) and refusal.reason == reason


def test_safe_speeds_and_directions_pass_the_screen() -> None:
    from policies.planner.safety import unsafe_reason

    for text in ("put the red cube in the bin at 0.1 m/s", "push the red cube toward me", "slide the cube left"):
        assert unsafe_reason(text) is None, text


def test_a_goal_that_already_holds_gives_an_empty_plan() -> None:
    done = SceneState(objects=SCENE.objects, regions=SCENE.regions, on={"red_cube": "bin"})
    parsed = parse("put the red cube in the bin", done)
    assert parsed.candidates == (Plan(steps=()),)
    assert [str(s) for s in parse("put the red cube in the bin, then put the blue cube on the pad",
                                  done).candidates[0].steps] == ["pick(object=blue_cube)", "place_in(region=pad)"]
