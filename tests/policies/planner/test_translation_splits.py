"""Every French/German split, written by native-style writers who never read the translation (issue #17 item 5),
scored as bench/planner.py scores it (parser backend behind the whole-request check): no false execution, no wrong
plan, and an exact match at or above what the split reached when it was studied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.planner import make_planner

DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"
# Exact match of the parser on each split (bench/planner.py --backends parser_only) after the sixth pass; a floor,
# never lowered.
SPLIT_FLOORS = {"fresh_fr_de": 1.0, "fresh_fr_de_2": 1.0, "fresh_fr_de_3": 1.0, "fresh_fr_de_4": 1.0,
                "fresh_fr_de_5": 1.0, "fresh_fr_de_6": 1.0}


@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_a_french_german_split_never_runs_a_refused_record_nor_a_wrong_plan(split: str) -> None:
    from bench.planner import run_backend

    recs = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    assert len(recs) >= 40 and {r["split"] for r in recs} == {split}
    scores = run_backend(make_planner("parser"), recs, split, max_failures=len(recs))["splits"][split]
    assert scores["n"] == len(recs)
    assert scores["false_executions"] == 0 and scores["wrong_plans"] == 0, scores
    assert scores["exact_match"] >= SPLIT_FLOORS[split], scores
