"""Evaluation a paper can cite: seed blocks, per-task videos and tables, and a paired comparison."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from armstack.cli import main
from policies.compare import compare_reports, mcnemar_exact
from policies.errors import TrainConfigError
from policies.evaluate import EVAL_SEED_BASE, SEED_BLOCK_SIZE, evaluate_policy, seed_block_base, write_tables

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained" / "panda_tabletop_bc"


def test_exact_mcnemar_matches_the_binomial_by_hand() -> None:
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(10, 0) == pytest.approx(2 * 0.5**10)
    assert mcnemar_exact(3, 3) == pytest.approx(1.0)
    # 8 vs 2 discordant: P(X <= 2) + P(X >= 8) for Binomial(10, 1/2) = 2 * 56 / 1024
    assert mcnemar_exact(2, 8) == pytest.approx(112 / 1024)


def _log(outcomes: list[tuple[str, int, bool]]) -> dict[str, object]:
    return {"env": "e", "robot": "panda", "randomization": "default", "seeds": {"first": 0, "last": 9, "count": 10},
            "episodes_log": [{"task": t, "seed": s, "success": ok, "steps": 1} for t, s, ok in outcomes]}


def test_compare_pairs_episodes_and_refuses_different_seeds() -> None:
    a = _log([("reach", s, s < 9) for s in range(10)])
    b = _log([("reach", s, s < 1) for s in range(10)])
    result = compare_reports(a, b)
    r = result["tasks"]["reach"]
    assert (r["a_only"], r["b_only"], r["a_rate"], r["b_rate"]) == (8, 0, 0.9, 0.1)
    assert r["p_value"] == pytest.approx(2 * 0.5**8) and result["significant"]
    with pytest.raises(TrainConfigError, match="different episodes"):
        compare_reports(a, _log([("reach", s + 1, True) for s in range(10)]))


def test_seed_blocks_are_disjoint_and_bounded() -> None:
    assert seed_block_base(0) == EVAL_SEED_BASE and seed_block_base(3) == EVAL_SEED_BASE + 3 * SEED_BLOCK_SIZE
    for bad in (-1, 5000, True):
        with pytest.raises(TrainConfigError, match="seed block"):
            seed_block_base(bad)  # type: ignore[arg-type]


def test_expert_evaluation_on_a_seed_block_with_per_task_videos_and_tables(tmp_path: Path) -> None:
    report = evaluate_policy(None, env_id="armstack/Reach-v0", robot="panda", episodes=2, progress=False,
                             seed_base=seed_block_base(2), video=tmp_path / "eval.mp4", success_videos=1)
    assert report["seeds"]["first"] == EVAL_SEED_BASE + 2 * SEED_BLOCK_SIZE
    assert [e["seed"] for e in report["episodes_log"]] == [report["seeds"]["first"], report["seeds"]["first"] + 1]
    successes = [v for v in report["videos"] if "_success_reach_" in v]
    assert len(successes) == min(1, report["successes"]) and all(Path(v).stat().st_size > 1000 for v in successes)
    csv_path, md_path = write_tables(report, tmp_path / "table")
    rows = list(csv.DictReader(csv_path.open()))
    assert [r["task"] for r in rows] == ["reach", "all"]
    assert int(rows[0]["successes"]) == report["tasks"]["reach"]["successes"]
    assert "| reach | 2 |" in md_path.read_text()


@pytest.mark.slow
def test_compare_command_runs_both_checkpoints_on_the_same_seeds(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "b"
    shutil.copytree(PRETRAINED, copy)
    out = tmp_path / "compare.json"
    code = main(["compare", "--a", str(PRETRAINED), "--b", str(copy), "--env", "armstack/Reach-v0", "--episodes", "3",
                 "--seed-block", "1", "--report", str(out), "--quiet"])
    assert code == 0
    result = json.loads(out.read_text())
    a, b = result["reports"]
    assert [e["seed"] for e in a["episodes_log"]] == [e["seed"] for e in b["episodes_log"]]
    # The same weights on the same seeds: identical outcomes, no discordant episode, p = 1.
    assert result["overall"]["a_only"] == result["overall"]["b_only"] == 0 and result["overall"]["p_value"] == 1.0
    assert "| all | 3 |" in capsys.readouterr().out
