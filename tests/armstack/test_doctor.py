"""``armstack doctor``: one line per check, a crash in a check is a named failure, exit 1 when any failed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from armstack.doctor import CHECKS, _child_check, run_doctor
from policies.planner.errors import PlannerError


def test_a_check_whose_child_segfaults_fails_by_signal_and_names_the_fix() -> None:
    result = _child_check("native thing", "import ctypes; ctypes.string_at(0)", "reinstall the thing")
    assert not result.ok
    assert "killed by SIGSEGV (signal 11)" in result.detail
    assert result.line().startswith("FAIL  native thing") and "fix: reinstall the thing" in result.line()


def test_a_check_that_raises_reports_the_error_line() -> None:
    result = _child_check("t", "raise SystemExit('pyarrow is too old')", "upgrade")
    assert not result.ok and "exit status 1" in result.detail and "pyarrow is too old" in result.detail


def test_unknown_check_names_the_valid_ones() -> None:
    with pytest.raises(PlannerError, match="valid: cpu, planner model"):
        run_doctor(["gpu"])


@pytest.mark.slow
def test_doctor_passes_on_this_machine_with_one_line_per_check() -> None:
    proc = subprocess.run([sys.executable, "-m", "armstack.cli", "doctor"], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert [line[6:22].strip() for line in lines[:-1]] == list(CHECKS)
    assert all(line.startswith("ok  ") for line in lines[:-1])
    assert lines[-1] == f"all {len(CHECKS)} checks ok"


def test_doctor_json_and_exit_1_when_a_check_fails(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import armstack.doctor as doctor

    failing = {"cpu": doctor.check_cpu,
               "dataset tools": lambda: _child_check("dataset tools", "import os; os.abort()", "reinstall")}
    monkeypatch.setattr(doctor, "CHECKS", failing)
    assert run_doctor(as_json=True) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert [(c["name"], c["ok"]) for c in report["checks"]] == [("cpu", True), ("dataset tools", False)]
    assert "SIGABRT" in report["checks"][1]["detail"]
