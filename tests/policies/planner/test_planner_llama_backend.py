"""The embedded llama_cpp backend on the real Gemma 3 270M model (slow: loads the model)."""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState, Step, make_planner

pytest.importorskip("llama_cpp")
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("llama_model")]

# Score margins below were measured on an Intel Xeon (Sapphire Rapids, AVX-512/AMX) with llama-cpp-python 0.3.36
# built from source for x86-64: n_threads 1 and 2 gave bit-identical scores. What does move a score is the
# batch a token is evaluated in (cache reuse, a restored head): up to 0.2 nats, and another CPU's quantised
# kernels may move it further. Every model decision asserted here is kept at least ~1 nat, most several nats,
# away from its line; where a test only needs "refused", any ranking the model makes is refused.

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})


@pytest.fixture(scope="module")
def planner():  # type: ignore[no-untyped-def]
    return make_planner("llama_cpp", examples=2)  # the default: the fallback is on


def test_the_default_planner_has_the_fallback_on_with_its_head_pinned(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.ranking import FALLBACK_HEAD

    assert planner.backend.fallback is True and planner.backend.scorer.llm.n_threads == 1
    head, _ = planner.backend.scorer._pinned
    assert head == planner.backend.scorer._tokens(FALLBACK_HEAD, bos=True)


def test_scores_reuse_the_prefix_cache_without_changing_the_numbers(planner) -> None:  # type: ignore[no-untyped-def]
    scorer = planner.backend.scorer
    prefix = "Instruction: put the red cube in the bin\nPlan:"
    options = [" pick(red_cube); place_in(bin); done", " pick(blue_cube); place_in(pad); done", " infeasible"]
    warm = scorer.score(prefix, options)
    scorer.llm.reset()
    cold = [scorer.score(prefix, [o])[0] for o in reversed(options)][::-1]
    # Options sharing tokens reuse them from the cache; llama.cpp's quantised kernels then see other batch
    # sizes, which moves a sum of log-probabilities: measured 0.196 nats at most (Sapphire Rapids, 1 and 2
    # threads alike), against gaps of 16.0 and 32.3 nats between the three options. A stale or shifted cache
    # moves these sums by whole nats, so 1.0 still catches it and leaves 5x room for other kernels' rounding.
    assert warm == pytest.approx(cold, abs=1.0)
    assert sorted(range(3), key=warm.__getitem__) == sorted(range(3), key=cold.__getitem__)
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


# An instruction the semantic parser cannot read (no clause construction matches), in a scene of its own.
ROW = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
                                        for c, y in (("red", 0.16), ("green", 0.0), ("blue", -0.16))],
                            "regions": ["left", "right", "bin", "pad"]})


def test_fallback_lets_the_model_plan_what_the_parser_cannot_read(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.semantic_parser import parse

    # Picked for its margin: the default margin is 6.0 nats and "i would like the blue block in the bin" cleared
    # it by 7.07 (1 nat of room); this clears it by 9.17 (Sapphire Rapids; 7.0-8.6 for close paraphrases such as
    # "blue cube, bin, please"), so a few tenths of a nat of another CPU's rounding cannot turn it into a refusal.
    # Only words of the guard's closed list reach the model (session 7, A1 F23): "the bin is where the blue one
    # belongs", used before, is now refused on "is", "where" and "belongs" before the model is asked.
    text = "robot, blue one bin"
    assert parse(text, ROW).unread  # the parser alone refuses this
    stats = planner.backend.stats
    before = stats.decided_by_model
    result = planner.plan(text, ROW)
    assert stats.decided_by_model == before + 1
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == ["pick(object=blue_cube)",
                                                                           "place_in(region=bin)"]
    assert stats.first_margins[-1] >= planner.backend.fallback_config.margin
    # The restored head scores what a cold evaluation scores (up to llama.cpp's batch-size rounding).
    from policies.planner.ranking import FALLBACK_HEAD

    scorer = planner.backend.scorer
    prompt = FALLBACK_HEAD + "Objects: red_cube. Regions: bin.\nInstruction: bin the red cube\nPlan:"
    warm = scorer.score(prompt, [" pick(", " infeasible"])
    pinned, scorer._pinned = scorer._pinned, None
    try:
        scorer.llm.reset()
        cold = scorer.score(prompt, [" pick(", " infeasible"])
    finally:
        scorer._pinned = pinned
    # Measured 0.050 nats apart at most, the two options 9.1 nats apart: see the cache test above for the 1.0.
    assert warm == pytest.approx(cold, abs=1.0)


def test_a_confident_wrong_plan_of_the_bare_model_is_not_accepted(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.fallback import FallbackConfig, rank_steps
    from policies.planner.licence import acceptance_error, licence_for
    from policies.planner.ranking import FALLBACK_HEAD, grounded_steps, scene_text

    # Seen on the tune split before the licence: the model pushes left, past the margin, for "away from you".
    text = "nudge the violet cube away from you"
    cubes = (("yellow", 0.16), ("purple", 0.0), ("orange", -0.16))
    scene = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c,
                                               "position": [0.5, y, 0.022]} for c, y in cubes],
                                  "regions": ["left", "right", "bin", "pad"]})
    backend = planner.backend
    prompt = FALLBACK_HEAD + f"{scene_text(scene)}\nInstruction: {text}\nPlan:"

    def purple_only(state: SceneState) -> list[Step]:  # the restriction the screen alone used to make
        return [s for s in grounded_steps(state) if s.args.get("object") in (None, "purple_cube")]

    bare = rank_steps(backend._score, prompt, scene, purple_only, FallbackConfig(margin=0.0, max_steps=1))
    # Measured (Sapphire Rapids, 1 and 2 threads alike): push leads infeasible by 11.49 nats (line 6.0); of its
    # directions left leads forward by 1.26 nats (right is 0.52 behind left: either is a mistake); pick, 1.0
    # behind push, would be a mistake too.
    assert isinstance(bare.result, Plan) and bare.first_margin is not None
    assert bare.first_margin >= backend.fallback_config.margin  # confident
    right = [Step(skill="push", args={"object": "purple_cube", "direction": "forward"})]
    assert list(bare.result.steps) != right  # the bare model's confident mistake (it pushed left, 11.4 nats)
    assert acceptance_error(bare.result.steps, licence_for(text, scene)) is not None
    result = planner.plan(text, scene)
    assert isinstance(result, Refusal) or list(result.steps) == right


@pytest.mark.parametrize("text", ["do a little dance", "make the yellow cube bigger", "paint the red cube blue",
                                  "what colour is the green cube?"])
def test_negatives_stay_refused_with_the_fallback_on(planner, text: str) -> None:  # type: ignore[no-untyped-def]
    # No score margin decides these: two are refused before the model; for the other two the model's first step
    # (pick, 9.0 nats over infeasible) is refused by the acceptance rule whichever cube it ranks first.
    scene = ROW if "yellow" not in text else SceneState.from_json({"objects": [
        {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.5, 0.1, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]})
    result = planner.plan(text, scene)
    assert isinstance(result, Refusal), (text, result)


def test_model_below_the_margin_refuses(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.fallback import FallbackConfig
    from policies.planner.planner import CheckedPlanner
    from policies.planner.ranking import RankingBackend

    strict = CheckedPlanner(RankingBackend(planner.backend.scorer, name="strict", fallback=True,
                                           fallback_config=FallbackConfig(margin=40.0)))
    result = strict.plan("robot, blue one bin", ROW)  # planned above at the default margin
    assert isinstance(result, Refusal) and "unsure" in result.reason
    assert strict.backend.stats.first_margins[-1] < 40.0  # measured 9.17


def test_absent_place_stays_refused_although_the_model_is_confident(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.fallback import FallbackConfig, rank_steps
    from policies.planner.ranking import grounded_steps

    text = "put the blue cube in the drawer"
    result = planner.plan(text, ROW)
    assert isinstance(result, Refusal) and "drawer" in result.reason
    # The model alone, with no screen in front of it, puts the cube in the bin, and sure of it: past the
    # margin that guards every other unread instruction. That is why the screen runs first.
    backend = planner.backend
    bare = rank_steps(backend._score, backend._prompt(text, ROW), ROW, grounded_steps, FallbackConfig(margin=0.0))
    assert isinstance(bare.result, Plan)  # first margin measured 16.68 nats (line 6.0), 1 and 2 threads alike
    assert bare.first_margin is not None and bare.first_margin >= backend.fallback_config.margin


@pytest.mark.parametrize("after", ["Somebody's there.", "The gripper is damaged.", "It's hot.", "Wait.",
                                   "I've had a change of heart.", "Things have changed.", "Hold on, the bin is full."])
def test_a_warning_after_a_request_is_refused_with_the_fallback_on(planner, after: str) -> None:  # type: ignore[no-untyped-def]
    # Before, the parser marked the warning unread and the model planned the request before it (pick, place_in).
    result = planner.plan(f"Put the red cube in the bin. {after}", ROW)
    assert isinstance(result, Refusal), (after, result)
