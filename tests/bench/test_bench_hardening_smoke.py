"""The dataset-integrity and model-portability benches run end to end on tiny settings and print their JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


@pytest.mark.slow
def test_dataset_integrity_bench() -> None:
    report = _run("bench/dataset_integrity.py", "--episodes", "2", "--repeats", "1")
    assert report["files"] >= 5 and report["read_all_ms"]["verify"] > 0 and report["sha256_mb_per_s"] > 0


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_model_portability_bench() -> None:
    pytest.importorskip("llama_cpp")
    report = _run("bench/model_portability.py", "--repeats", "1")
    (installed,) = report["builds"]
    assert report["selftest"]["ok"] == 1 and installed["crashed"] == 0
    assert "AVX2" in installed["kernels"] and "AMX_INT8" not in installed["kernels"]
