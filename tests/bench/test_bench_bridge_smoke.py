"""The bridge benchmark runs end to end over DDS with tiny arguments and prints the JSON reports read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("rclpy")

from robot.ros_rig.processes import allocate_domain_id, ros_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_quick_bridge_benchmark_prints_its_json() -> None:
    with allocate_domain_id() as domain:
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**ros_env(domain), "PYTHONPATH": path}
        proc = subprocess.run([sys.executable, "bench/bridge.py", "--quick", "--tolerant", "--domain", str(domain)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["control_rate_hz"] == 100.0 and report["method"]
    for key in ("lateness_ms_p50", "lateness_ms_p99"):
        assert report["loop_baseline"][key] >= 0 and report["loop"]["idle"][key] >= 0
    assert report["loop"]["idle"]["ticks"] > 50
    overdue = report["loop"]["overdue"]
    assert overdue["only_old"] + overdue["arm_silent"] + overdue["fresh"] == overdue["overdue"] <= overdue["ticks"]
    rt = report["round_trip"]
    assert rt["bridge"]["n"] > 0 and rt["echo"]["n"] > 0 and rt["ratio_p50_bridge_over_echo"] > 0
    faults = {k: v for k, v in report["fault_latency"].items() if k != "summary"}
    assert faults and all(v["detected"] and v["command"] in ("hold", "estop_hold") for v in faults.values()), faults
    assert all(v["first_reaction"]["command"] in ("hold", "estop_hold") for v in faults.values()), faults
    assert all(v["latency_ms"] >= 0 and v["latency_periods"] == pytest.approx(v["latency_ms"] / 10.0)
               for v in faults.values())
    if report["pick_and_place"]["success"]:
        assert report["policy"]["steps"] > 0 and 0 < report["policy"]["share_of_period_p50"] < 1
        assert report["policy"]["env_velocity_ms_p50"] is not None and report["policy"]["env_velocity_ms_p50"] >= 0
    # Each fault of the arm's streams before the injections is put down to the arm's publishing, the bridge, the
    # delivery or (before this process's record starts) nothing; the fallbacks of the task name their causes.
    streams = report["stream_faults"]
    assert sum(sum(c.values()) for c in streams["by_kind"].values()) == streams["faults"]
    assert all(f["cause"] in ("publisher", "bridge", "delivery", "unobserved") and f["arm_stamped"] >= 0
               for f in streams["first"])
    assert streams["arm_stamped_per_window"]["p50"] > 0
    assert all(set(i["causes"]) == set(i["faults"]) for i in report["pick_and_place"]["interrupted_by"])
