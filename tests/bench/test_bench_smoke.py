"""The throughput benchmark runs end to end and prints the JSON that reports and CI read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sim

ROOT = Path(__file__).resolve().parents[2]
STATE_KEYS = {"env_steps_per_s", "bare_physics_steps_per_s", "ratio_env_over_bare", "expert_ms_per_step"}


@pytest.mark.slow
def test_quick_benchmark_prints_its_json() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/sim_throughput.py", "--quick", "--no-peers"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr

    assert report["machine"]["cpu_count"] >= 1 and report["machine"]["mujoco_version"]
    assert isinstance(report["method"], str) and report["method"]
    assert report["peers"] == {"skipped": "--no-peers"}
    for robot in sim.ROBOTS:
        assert set(report["state"][robot]) == set(sim.ENV_IDS.values())
        for task, row in report["state"][robot].items():
            assert row.keys() >= STATE_KEYS, (robot, task)
            assert row["env_steps_per_s"] > 0 and row["bare_physics_steps_per_s"] > 0
            assert row["ratio_env_over_bare"] > 0 and row["expert_ms_per_step"] >= 0
            # The baseline replays the env's own physics: bit-identical states, or it measures something else.
            assert row["replay_exact"] == 1.0 and row["random_actions"]["replay_exact"] == 1.0, (robot, task)
        for cams, rgb in report["rgb"][robot].items():
            assert "error" in rgb or rgb["frames_per_s"] > 0, (robot, cams, rgb)
    summary = report["summary"]
    assert summary["target_ratio_env_over_bare"] == 1.3
    assert summary["meets_target"] == (summary["worst_ratio_env_over_bare"] <= 1.3)
