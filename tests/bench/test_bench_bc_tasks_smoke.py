"""The per-task BC benchmark runs end to end with tiny arguments and prints the JSON that notes quote."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl")}
    return subprocess.run([sys.executable, "bench/bc_tasks.py", "--out", str(tmp_path / "out"), "--quiet", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_tiny_push_run_reports_policy_beside_expert(tmp_path: Path) -> None:
    proc = _run("--tasks", "push", "--episodes", "6", "--epochs", "2", "--eval-episodes", "3", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)

    assert report["bench"] == "bc_tasks" and list(report["tasks"]) == ["push"]
    row = report["tasks"]["push"]
    assert row["env"] == "armstack/Push-v0"
    assert row["datagen"]["episodes"] == 6 and row["datagen"]["attempts"] >= 6 and row["datagen"]["seed"] == 21
    assert row["train"]["episodes"] == 6 and row["train"]["epochs"] == 2 and row["train"]["seconds"] > 0
    assert row["policy"]["episodes"] == 3
    lo, hi = row["policy"]["ci95"]
    assert 0.0 <= lo <= row["policy"]["success"] <= hi <= 1.0
    assert 0.0 <= row["expert_same_seeds"] <= 1.0 and row["target"] == 0.8
    # Six episodes and two epochs cannot push anything 80% of the time; the verdict follows the numbers.
    assert row["meets_target"] == (row["policy"]["success"] >= 0.8) and report["meets_targets"] == row["meets_target"]
    assert (tmp_path / "out" / "push" / "run" / "best" / "model.safetensors").is_file()


def test_budget_and_task_names_are_checked(tmp_path: Path) -> None:
    over = _run("--episodes", "501", tmp_path=tmp_path)
    assert over.returncode != 0 and "--episodes must be in 1..500" in over.stderr
    unknown = _run("--tasks", "push,juggle", tmp_path=tmp_path)
    assert unknown.returncode != 0 and "unknown juggle" in unknown.stderr
