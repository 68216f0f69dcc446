"""The data-factory benchmark runs end to end and prints the JSON that reports read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_KEYS = {"workers", "episodes", "frames", "wall_s", "episodes_per_min", "frames_per_s", "camera_frames_per_s",
            "worker_startup_s", "steady_frames_per_s", "cpu_ms_per_frame", "cores_used", "loadavg_1min_start_end"}
FLOOR_KEYS = {"bare_physics_ms_per_frame", "bare_render_ms_per_frame", "floor_ms_per_frame", "pipeline_over_floor"}
SCALING_KEYS = {"speedup_2_over_1", "steady_speedup_2_over_1", "cores_used_2_over_1", "cpu_ms_per_frame_1_over_2"}


@pytest.mark.slow
def test_quick_datagen_benchmark_prints_its_json(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/datagen.py", "--quick", "--tmp", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr

    assert report["benchmark"] == "datagen" and isinstance(report["method"], str) and report["method"]
    assert report["machine"]["cpu_count"] >= 1 and len(report["machine"]["loadavg_at_end"]) == 3
    assert report["targets"] == {"speedup_2_over_1": 1.8, "pipeline_over_floor": 1.5}
    assert set(report["scenarios"]) == set(report["summary"]) == {"state", "rgb_video", "rgb_image"}
    for name, scenario in report["scenarios"].items():
        # Same seed, any worker count: the datasets must hold the same bytes, or the runs measured different work.
        assert scenario["identical_content"] is True, name
        assert scenario["runs"]["1"].keys() >= RUN_KEYS, name
        for row in scenario["runs"].values():
            assert row["frames"] > 0 and row["frames_per_s"] > 0 and row["episodes_per_min"] > 0, name
        assert scenario["bytes"]["per_frame"] > 0, name
        floor = scenario["floor"]
        assert floor.keys() >= FLOOR_KEYS and floor["pipeline_over_floor"] > 0, name
        assert floor["floor_replay_exact"] == 1.0, name  # the bare baseline replays the pipeline's own physics
        assert sum(scenario["breakdown_1_worker"]["share"].values()) == pytest.approx(1.0, abs=0.01), name
    for name in ("state", "rgb_video"):
        assert report["scenarios"][name]["scaling"].keys() >= SCALING_KEYS, name
    for name in ("rgb_video", "rgb_image"):
        cameras = report["scenarios"][name]["bytes"]["per_frame_by_camera"]
        assert set(cameras) == {"observation.images.front", "observation.images.wrist"}, name
        assert report["scenarios"][name]["floor"]["bare_render_ms_per_frame"] > 0, name
        assert report["scenarios"][name]["runs"]["1"]["camera_frames_per_s"] > 0, name
