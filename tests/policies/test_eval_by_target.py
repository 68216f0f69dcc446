"""Success per goal target in ``armstack eval`` reports (issue 18: the pad decides the image policy's score; session
15's checkpoints placed 4/72 pad episodes against 33/78 bin ones): ``episodes_log`` names each episode's target and
each task's ``targets`` counts success per target, with Wilson intervals, from real episodes."""

from __future__ import annotations

import gymnasium as gym
import pytest

import sim  # noqa: F401 - registers the armstack ids
from policies.evaluate import by_target, evaluate_policy, format_report, wilson_interval


def test_by_target_counts_each_target_in_first_seen_order_with_its_own_interval() -> None:
    log = [{"task": "pick_place", "seed": 1, "success": True, "reached": True, "steps": 60, "target": "bin"},
           {"task": "pick_place", "seed": 2, "success": False, "reached": False, "steps": 140, "target": "target_pad"},
           {"task": "pick_place", "seed": 3, "success": True, "reached": True, "steps": 70, "target": "bin"},
           {"task": "pick_place", "seed": 4, "success": False, "reached": True, "steps": 140, "target": "target_pad"},
           {"task": "pick_place", "seed": 5, "success": False, "steps": 140}]  # a report from before targets
    table = by_target(log)
    assert list(table) == ["bin", "target_pad", "unknown"]
    assert (table["bin"]["episodes"], table["bin"]["successes"]) == (2, 2)
    assert (table["target_pad"]["episodes"], table["target_pad"]["successes"], table["target_pad"]["reached"]) == (
        2, 0, 1)
    assert table["unknown"]["reached"] == 0  # no reached field: reached is success
    lo, hi = wilson_interval(0, 2)
    assert table["target_pad"]["ci95"] == [round(lo, 4), round(hi, 4)] and table["bin"]["success_rate"] == 1.0


def test_a_report_from_before_targets_still_formats() -> None:
    report = {"env": "armstack/PickPlace-v0", "robot": "panda", "randomization": "default", "successes": 1,
              "episodes": 2, "success_rate": 0.5, "ci95": [0.09, 0.91],
              "tasks": {"pick_place": {"successes": 1, "episodes": 2, "success_rate": 0.5, "ci95": [0.09, 0.91],
                                       "mean_length": 100.0}}}
    assert format_report(report).count("\n") == 1


@pytest.mark.slow
def test_eval_logs_each_episodes_target_as_its_reset_draws_it_and_counts_success_per_target() -> None:
    # The first two held-out seeds draw a bin goal and a pad goal (checked against the env's own reset below).
    report = evaluate_policy(None, env_id="armstack/PickPlace-v0", robot="panda", episodes=2, progress=False)
    env = gym.make("armstack/PickPlace-v0", robot="panda", randomization="default").unwrapped
    drawn = [env.reset(seed=e["seed"], options={"task": "pick_place"})[1]["target"] for e in report["episodes_log"]]
    env.close()
    assert [e["target"] for e in report["episodes_log"]] == drawn
    assert set(drawn) == {"bin", "target_pad"}
    targets = report["tasks"]["pick_place"]["targets"]
    assert sum(t["episodes"] for t in targets.values()) == report["episodes"] == 2
    for name, t in targets.items():
        assert t["successes"] == sum(e["success"] for e in report["episodes_log"] if e["target"] == name)
    text = format_report(report)
    assert "target_pad" in text and "bin" in text
