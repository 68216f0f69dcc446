"""The agent benchmark runs end to end on a few instructions and prints the JSON that reports read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_agent_benchmark_prints_its_json() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl")}
    proc = subprocess.run([sys.executable, "bench/agent.py", "--n", "3", "--backends", "rules", "--show-episodes"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr

    assert report["benchmark"] == "agent" and report["method"]
    assert len(report["instructions"]) == 3
    for item in report["instructions"]:
        assert item["gold"]["status"] == "ok" and len(item["gold"]["steps"]) >= 4  # multi-step: two goals or more
    assert set(report["backends"]) == {"oracle", "rules"}
    for name, row in report["backends"].items():
        assert row["instructions"] == 3, name
        assert 0.0 <= row["success_rate"] <= row["agent_reported_success_rate"] <= 1.0
        assert row["seconds_per_instruction"]["p95"] >= row["seconds_per_instruction"]["p50"] >= 0
        assert len(row["failures"]) == round(3 * (1 - row["success_rate"]))
    # The oracle hands over the gold plans themselves.
    assert report["backends"]["oracle"]["exact_plan_rate"] == 1.0
    summary = report["summary"]
    assert summary["target_success_rate"] == 0.8
    assert summary["oracle_meets_target"] == (report["backends"]["oracle"]["success_rate"] >= 0.8)
