"""The RL benchmark runs end to end with tiny arguments and prints the JSON that reports read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROW_KEYS = {"seed", "env_steps", "final_success_rate", "final_ci95", "learn_wall_s", "learn_cpu_s", "eval_wall_s",
            "success_at", "curve"}


@pytest.mark.slow
def test_quick_rl_benchmark_prints_both_rows() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/rl_reach.py", "--quick"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr

    assert report["bench"] == "rl_reach" and report["method"]
    config = report["config"]
    assert config["algo"] == "sac" and config["her"] is True and config["steps"] == 300
    assert report["seeds"] == [0] and report["eval_at"] == [150, 300]
    pair = report["per_seed"]["0"]
    arm = pair["armstack_reach"]
    assert arm.keys() >= ROW_KEYS, arm
    assert arm["seed"] == 0 and arm["env_steps"] >= 300 and arm["learn_wall_s"] > 0 and arm["learn_cpu_s"] > 0
    assert [p["env_steps"] for p in arm["curve"]] == [150, 300]
    assert all(p["episodes"] == 2 and 0 <= p["successes"] <= 2 for p in arm["curve"])
    lo, hi = arm["final_ci95"]
    assert 0.0 <= lo <= arm["final_success_rate"] <= hi <= 1.0 and hi - lo > 0.3  # 2 episodes: a wide interval
    fetch = pair["fetch_reach"]
    # FetchReach needs gymnasium-robotics; without it the row says why, and never carries made-up numbers.
    assert ("skipped" in fetch and "learn_wall_s" not in fetch) or fetch.keys() >= ROW_KEYS, fetch
    headline = report["headline"]
    if "skipped" not in fetch:
        assert headline["learn_wall_ratio_armstack_over_fetch"]["0"] == pytest.approx(
            arm["learn_wall_s"] / fetch["learn_wall_s"], abs=1e-3)
    assert headline["armstack_success_at"]["0"] == {"150": arm["curve"][0]["success_rate"],
                                                     "300": arm["final_success_rate"]}
    assert headline["armstack_meets_success_target"] == (arm["final_success_rate"] >= 0.95)


def test_reach_failures_are_classified_by_how_the_episode_ends() -> None:
    from bench.rl_reach_failures import classify

    r = 0.03
    approach = [0.4 - 0.02 * t for t in range(19)]  # 0.40 .. 0.04 m, never inside
    cycle = approach + [0.015, 0.012, 0.03, 0.04] * 5  # reached, then circles the marker in a 4-step cycle
    assert classify(cycle[:-1], 0.03, r) == "limit_cycle"  # ends outside while moving
    assert classify(cycle[:-2], 0.03, r) == "success"  # the same episode one step earlier ends inside
    assert classify(cycle[:-1], 0.001, r) == "near_miss"  # outside, stopped: not a cycle
    assert classify(approach, 0.02, r) == "still_approaching"  # the distance still falling every step
    assert classify([*approach, 0.05, 0.05, 0.05], 0.0, r) == "near_miss"
    assert classify([0.3] * 60, 0.0, r) == "lost"


@pytest.mark.slow
def test_env_step_benchmark_times_both_rows_bare_and_in_the_training_stack() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/rl_reach_envstep.py", "--steps", "70", "--repeats", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["bench"] == "rl_reach_envstep" and report["steps"] == 70 and report["repeats"] == 2
    arm = report["rows"]["armstack_reach"]
    for kind in ("bare", "vec_stack"):
        assert 0 < arm[kind]["min_us"] <= arm[kind]["median_us"]
    # No timing comparison between the rows: on a shared machine the stack's minimum can undercut the bare env's
    # (CI saw 675 against 708 us); the bench reports the figures, tests do not assert performance.
    fetch = report["rows"]["fetch_reach"]
    if "skipped" in fetch:  # without gymnasium-robotics the row says why, and there is no ratio
        assert report["median_ratio_armstack_over_fetch"] == {}
    else:
        assert report["median_ratio_armstack_over_fetch"]["bare"] == pytest.approx(
            arm["bare"]["median_us"] / fetch["bare"]["median_us"], abs=1e-3)
