"""The render-speed benchmark runs end to end, prints its JSON and writes the side-by-side image."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_render_speed_benchmark_prints_its_json(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/render_speed.py", "--quick", "--out", str(tmp_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr
    assert report["benchmark"] == "render_speed" and report["method"]
    row = report["sizes"]["64"]
    assert row["before"] == {"shadow_size": 2048, "msaa_samples": 4}
    assert row["after"] == {"shadow_size": 512, "msaa_samples": 0}
    for run in row["render"]["1"]["before"], row["render"]["1"]["after"], row["env_rgb"]["before"]:
        assert run["wall_s"] > 0
    assert row["render"]["1"]["after"]["frames"] == 6 and row["render"]["1"]["speedup"] > 0
    image = Path(row["compare"]["image"])
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.parent == tmp_path
    assert 0 < row["compare"]["mean_abs_diff"] < 10  # the cheap frame differs, but only at edges
