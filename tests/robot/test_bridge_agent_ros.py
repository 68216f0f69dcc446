"""The agent end to end through ROS, one scene: camera -> perception -> bridge agent -> simulated arm, judged on the
sim's ground truth (``bench/agent_ros.py`` with tiny sizes; the multi-scene figures are the bench's)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("rclpy")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.ros
@pytest.mark.slow
@pytest.mark.xdist_group("bridge_ros")
def test_a_two_part_instruction_runs_through_ros_on_perceived_poses(capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import agent_ros

    # The parser backend: the same loop as llama_cpp's without loading a model in the test run.
    assert agent_ros.main(["--scenes", "1", "--only", "0", "--skip-sim", "--backend", "parser"]) == 0
    result = json.loads(capsys.readouterr().out)
    ros = result["ros"]["all"]
    assert ros["n"] == 1
    # Judged on the simulator's ground truth, never on what the bridge believed.
    assert ros["success"] == 1, result["failures"]
    assert result["bridge_plan_latency_s"]["n"] >= 1
