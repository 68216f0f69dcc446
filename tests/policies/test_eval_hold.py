"""``armstack eval/compare --hold``: success at the last step of full-length episodes, beside reached at some step.

The shipped tabletop BC reaches the Push pad and then often pushes on past it (issue 19): on some held-out episodes
it has left the pad by step 140, on others it is still there (which ones differs between CPUs; ``push_hold_seeds``
in conftest.py finds one of each). Without ``hold`` both count as successes; with it only the second, as in RL's
goal env, which these tests replay for the same seeds.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from armstack.cli import main
from policies.compare import compare_policies, compare_reports
from policies.errors import TrainConfigError
from policies.evaluate import evaluate_policy, write_tables

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained"
TABLETOP_BC = PRETRAINED / "panda_tabletop_bc"
PUSH_FULL_BC = PRETRAINED / "panda_push_full_bc"
PUSH = "armstack/Push-v0"


def _goal_env_last_step(base: Path, seeds: list[int]) -> list[tuple[bool, bool]]:
    """(success at the last step, at some step) of the BC base alone in RL's goal env (a zero residual)."""
    from policies.residual_goal_env import make_residual_goal_env

    env = make_residual_goal_env(PUSH, base)
    outcomes = []
    for seed in seeds:
        env.reset(seed=seed)
        steps: list[bool] = []
        while True:
            _, _, terminated, truncated, info = env.step(np.zeros(3, np.float32))
            steps.append(bool(info["is_success"]))
            if terminated or truncated:
                break
        outcomes.append((steps[-1], any(steps)))
    env.close()
    return outcomes


def _span(seeds: Any) -> tuple[int, int]:
    """(first seed, count) of consecutive held-out episodes holding one episode of each kind."""
    first, last = min(seeds.left, seeds.kept), max(seeds.left, seeds.kept)
    return first, last - first + 1


@pytest.mark.slow
def test_hold_counts_the_last_step_as_rls_goal_env_does(tmp_path: Path, push_hold_seeds: Any) -> None:
    import policies

    bc = policies.load(TABLETOP_BC)
    base, n = _span(push_hold_seeds)
    held = evaluate_policy(bc, env_id=PUSH, robot="panda", episodes=n, seed_base=base, hold=True, progress=False)
    first = evaluate_policy(bc, env_id=PUSH, robot="panda", episodes=n, seed_base=base, progress=False)
    seeds = list(range(base, base + n))
    assert [e["seed"] for e in held["episodes_log"]] == [e["seed"] for e in first["episodes_log"]] == seeds

    # With hold every episode runs all 140 steps and counts where the cube is at the last one; without it each
    # episode ends at its first success, so an episode that reached the pad counts, wherever the cube ends.
    outcome = {e["seed"]: (e["success"], e["reached"]) for e in held["episodes_log"]}
    assert outcome[push_hold_seeds.left] == (False, True) and outcome[push_hold_seeds.kept] == (True, True)
    assert all(e["steps"] == 140 for e in held["episodes_log"])
    assert [e["success"] for e in first["episodes_log"]] == [e["reached"] for e in held["episodes_log"]]
    assert all(e["steps"] < 140 for e in first["episodes_log"] if e["success"])
    wins, reached = sum(o[0] for o in outcome.values()), sum(o[1] for o in outcome.values())
    assert (held["success_at"], held["successes"], held["reached"]) == ("last_step", wins, reached)
    assert (first["success_at"], first["successes"]) == ("any_step", reached)
    assert held["tasks"]["push"]["success_rate"] == wins / n < held["tasks"]["push"]["reached_rate"] == reached / n
    # The same outcomes as RL's evaluation reads them (the goal env never ends an episode on success).
    assert _goal_env_last_step(TABLETOP_BC, seeds) == [(e["success"], e["reached"]) for e in held["episodes_log"]]

    csv_path, md_path = write_tables(held, tmp_path / "held")
    rows = list(csv.DictReader(csv_path.open()))
    assert [(r["task"], r["success_at"], r["successes"], r["reached"]) for r in rows] == [
        ("push", "last_step", str(wins), str(reached)), ("all", "last_step", str(wins), str(reached))]
    assert "success at the last step" in md_path.read_text()
    assert next(iter(csv.DictReader(write_tables(first, tmp_path / "first")[0].open())))["success_at"] == "any_step"

    with pytest.raises(TrainConfigError, match="count success differently"):
        compare_reports(first, held)
    with pytest.raises(TrainConfigError, match="hold must be true or false"):
        evaluate_policy(bc, env_id=PUSH, robot="panda", episodes=1, hold="yes", progress=False)  # type: ignore[arg-type]


@pytest.mark.slow
def test_compare_with_hold_pairs_both_metrics(push_hold_seeds: Any) -> None:
    import policies

    base, n = _span(push_hold_seeds)
    a, b = policies.load(TABLETOP_BC), policies.load(PUSH_FULL_BC)
    result = compare_policies(a, b, env_id=PUSH, robot="panda", episodes=n, seed_base=base, hold=True,
                              progress=False, names=("tabletop", "full"))
    # Each policy's own held evaluation on the same episodes gives the pairs the comparison must count.
    own = [{e["seed"]: (e["success"], e["reached"]) for e in evaluate_policy(
        p, env_id=PUSH, robot="panda", episodes=n, seed_base=base, hold=True, progress=False)["episodes_log"]}
        for p in (a, b)]
    overall = result["overall"]
    assert result["success_at"] == "last_step"
    for key, metric in ((overall, 0), (result["reached"]["overall"], 1)):
        wins_a = {s for s, o in own[0].items() if o[metric]}
        wins_b = {s for s, o in own[1].items() if o[metric]}
        assert (key["a_successes"], key["b_successes"], key["a_only"], key["b_only"]) == (
            len(wins_a), len(wins_b), len(wins_a - wins_b), len(wins_b - wins_a))
    assert own[0][push_hold_seeds.left] == (False, True)
    assert [r["policy"] for r in result["reports"]] == ["tabletop", "full"]


@pytest.mark.slow
def test_eval_and_compare_commands_take_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "eval.json"
    assert main(["eval", "--policy", str(PUSH_FULL_BC), "--env", PUSH, "--episodes", "1", "--hold",
                 "--report", str(report), "--table", str(tmp_path / "table"), "--quiet"]) == 0
    data = json.loads(report.read_text())
    assert data["success_at"] == "last_step" and data["episodes_log"][0]["steps"] == 140
    assert "success at the last step" in capsys.readouterr().out
    assert next(iter(csv.DictReader((tmp_path / "table.csv").open())))["success_at"] == "last_step"

    out = tmp_path / "compare.json"
    assert main(["compare", "--a", str(PUSH_FULL_BC), "--b", str(PUSH_FULL_BC), "--env", PUSH, "--episodes", "1",
                 "--hold", "--report", str(out), "--quiet"]) == 0
    result = json.loads(out.read_text())
    assert result["success_at"] == "last_step" and "reached" in result
    assert all(e["steps"] == 140 for r in result["reports"] for e in r["episodes_log"])
    assert "reached at some step (the same episodes)" in capsys.readouterr().out


@pytest.mark.slow
def test_sweep_hold_runs_the_same_episodes_as_eval_hold(push_hold_seeds: Any) -> None:
    """``armstack sweep eval --hold`` (here without Ray: the same job function) gives eval --hold's outcomes."""
    from policies.ray_sweep import EvalJob, run_eval_job, summarize

    seeds = [push_hold_seeds.left, push_hold_seeds.kept]
    episodes = tuple(("push", s) for s in seeds)
    job = EvalJob(checkpoint=str(TABLETOP_BC), env_id=PUSH, robot="panda", randomization="default",
                  episodes=episodes, hold=True)
    held = run_eval_job(job)
    first = run_eval_job(EvalJob(checkpoint=str(TABLETOP_BC), env_id=PUSH, robot="panda",
                                 randomization="default", episodes=episodes))
    assert [(o["success"], o["reached"], o["steps"]) for o in held] == [(False, True, 140), (True, True, 140)]
    assert [(o["success"], o["reached"]) for o in first] == [(True, True), (True, True)]
    assert summarize(held)["successes"] == 1 and summarize(held)["reached"] == 2
    with pytest.raises(TrainConfigError, match="hold must be true or false"):
        from policies.ray_sweep import eval_sweep

        eval_sweep([str(TABLETOP_BC)], env_id=PUSH, robot="panda", episodes=1, hold="yes",  # type: ignore[arg-type]
                   use_ray=False)
