"""The perception benchmark runs end to end and prints its JSON with speed, baseline and accuracy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_perception_benchmark_prints_its_json() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/perception.py", "--quick"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr
    assert report["config"]["width"] == 640 and report["config"]["height"] == 480
    assert isinstance(report["method"], str) and report["method"]
    for method in ("marker", "color"):
        row = report[method]
        assert row["frames_per_s"] > 0 and row["baseline_ms_p50"] > 0 and row["ratio_over_baseline"] > 0
        assert row["latency_ms"]["p50"] <= row["latency_ms"]["max"]
        assert row["meets_target_fps"] == (row["frames_per_s"] >= report["config"]["target_fps"])
        assert row["detected_fraction"] > 0 and row["position_error_mm"]["max"] is not None
    assert report["marker"]["position_error_mm"]["max"] <= 5.0
    assert report["marker"]["rotation_error_deg"]["max"] <= 2.0
    assert report["color"]["position_error_mm"]["max"] <= 10.0
