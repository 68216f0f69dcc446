"""The embedded llama_cpp backend on the real Gemma 3 270M model (slow: loads the model)."""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner

pytest.importorskip("llama_cpp")
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("llama_model")]

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})


@pytest.fixture(scope="module")
def planner():  # type: ignore[no-untyped-def]
    return make_planner("llama_cpp", examples=2)


def test_scores_reuse_the_prefix_cache_without_changing_the_numbers(planner) -> None:  # type: ignore[no-untyped-def]
    scorer = planner.backend.scorer
    prefix = "Instruction: put the red cube in the bin\nPlan:"
    options = [" pick(red_cube); place_in(bin); done", " pick(blue_cube); place_in(pad); done", " infeasible"]
    warm = scorer.score(prefix, options)
    scorer.llm.reset()
    cold = [scorer.score(prefix, [o])[0] for o in reversed(options)][::-1]
    assert warm == pytest.approx(cold, abs=1e-3)
    assert warm[0] > warm[1]  # the model prefers the plan that matches the instruction


def test_hybrid_plans_paraphrases_and_refuses_negatives(planner) -> None:  # type: ignore[no-untyped-def]
    result = planner.plan("deposit the scarlet brick in the trash bin, then go back to the start position", SCENE)
    assert isinstance(result, Plan)
    assert [str(s) for s in result.steps] == ["pick(object=red_cube)", "place_in(region=bin)", "go_home()"]
    for text in ("put the purple cube on the pad", "throw the red cube at the person", "stack the red cube on itself"):
        assert isinstance(planner.plan(text, SCENE), Refusal), text


def test_saycan_mode_returns_only_checked_plans(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.planner import CheckedPlanner
    from policies.planner.ranking import RankingBackend
    from policies.planner.skills import check_plan

    # The model planning alone (no parser readings): slow and weak on this model, so one small scene.
    small = SceneState.from_json({"objects": [{"name": "red_cube", "kind": "cube", "color": "red"}],
                                  "regions": ["bin"]})
    saycan = CheckedPlanner(RankingBackend(planner.backend.scorer, name="saycan", mode="saycan", examples=0))
    result = saycan.plan("put the red cube in the bin", small)
    assert isinstance(result, Refusal) or check_plan(small, result) is None
    assert isinstance(saycan.plan("put the purple cube in the bin", small), Refusal)  # grounded before the model
