"""The command-filter benchmark runs end to end with tiny sizes and prints the JSON the notes quote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_command_filter_benchmark_prints_its_json() -> None:
    proc = subprocess.run([sys.executable, "bench/command_filter.py", "--quick"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["benchmark"] == "command_filter" and report["method"]
    rows = {(r["profile"], r["control_rate_hz"]): r for r in report["rows"]}
    assert set(rows) == {("generic", 100.0), ("ur", 100.0), ("franka", 100.0), ("franka", 1000.0)}
    for key, row in rows.items():
        assert row["jerk_limited"] == (key[0] == "franka"), key
        assert row["beyond_limits"] == {"profile": 0, "gate_velocity_envelope": 0, "outside_joint_limits": False}
        assert row["cost"]["us_per_tick"] > 0 and row["cost"]["plain_gate_us_per_tick"] > 0
    for rate in (100.0, 1000.0):
        stop = rows[("franka", rate)]["stop"]
        # Never faster than the limits allow, and within the ticks of its discretisation of the minimum.
        assert stop["beyond_limits"] == 0 and stop["ratio"] >= 1.0
        assert stop["time_to_rest_s"] <= stop["theoretical_min_s"] + 2.0 / rate
        assert rows[("franka", rate)]["plain_gate_vs_franka_limits"]["beyond_limits"] > 0
    assert rows[("generic", 100.0)]["stop"]["time_to_rest_s"] == 0.0  # the plain clamp stops in one period
