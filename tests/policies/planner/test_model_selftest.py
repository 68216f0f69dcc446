"""The model's self-test runs in a child: a native crash there is a named, actionable error, never ours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policies.planner.errors import ModelUnavailableError
from policies.planner.model_selftest import (
    REBUILD_HINT,
    ModelCrashedError,
    describe_exit,
    ensure_model_works,
    run_model_selftest,
)

# A real segmentation fault in the child (a read of address 0), as llama.cpp's AMX kernels produce on
# Sapphire Rapids with a -march=native build.
SEGFAULT = "import ctypes; ctypes.string_at(0)"


def test_a_segfault_in_the_child_is_reported_by_signal_name(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    result = run_model_selftest(model, probe=SEGFAULT, use_cache=False)
    assert not result.ok
    assert result.returncode == -11
    assert "killed by SIGSEGV (signal 11)" in result.detail


def test_describe_exit() -> None:
    assert describe_exit(None) == "timed out"
    assert describe_exit(3) == "exit status 3"
    assert describe_exit(-6) == "killed by SIGABRT (signal 6)"


def test_a_missing_model_file_fails_without_a_child(tmp_path: Path) -> None:
    result = run_model_selftest(tmp_path / "absent.gguf")
    assert not result.ok and "does not exist" in result.detail and result.returncode is None


def test_a_file_the_model_cannot_load_refuses_with_the_rebuild_hint(tmp_path: Path) -> None:
    pytest.importorskip("llama_cpp")
    bad = tmp_path / "not-a-model.gguf"
    bad.write_bytes(b"this is not a GGUF file" * 100)
    with pytest.raises(ModelCrashedError) as err:
        ensure_model_works(bad)
    assert isinstance(err.value, ModelUnavailableError)
    assert "unusable on this machine" in str(err.value) and REBUILD_HINT in str(err.value)


def test_plan_command_stops_with_one_line_and_exit_2_on_an_unusable_model(tmp_path: Path) -> None:
    pytest.importorskip("llama_cpp")
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 4092)  # a GGUF header the loader then fails on, in the self-test's child
    scene = tmp_path / "scene.json"
    scene.write_text('{"objects": [{"name": "red_cube", "kind": "cube", "color": "red"}, '
                     '{"name": "blue_cube", "kind": "cube", "color": "blue"}]}')
    proc = subprocess.run([sys.executable, "-m", "armstack.cli", "plan", "--scene", str(scene), "--model", str(bad),
                           "put the red cube on the blue one"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("armstack plan: error: the embedded planner model is unusable")
    assert "make install-llm" in lines[0] and "--backend parser" in lines[0]


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_the_shipped_model_passes_and_the_pass_is_remembered(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("llama_cpp")
    from policies.planner.llama_backend import default_model_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = run_model_selftest(default_model_path())
    assert first.ok and not first.cached, first.detail
    assert "tokens evaluated" in first.detail
    again = run_model_selftest(default_model_path())
    assert again.ok and again.cached
    assert (tmp_path / "armstack" / "model_selftest.json").is_file()
