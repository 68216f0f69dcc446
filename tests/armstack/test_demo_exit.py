"""``armstack demo`` exits non-zero when a part fails, and its report names the part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import armstack.demo as demo
import sim.demo
from armstack.cli import main


def test_a_failing_part_is_named_in_the_report_and_the_exit_status(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_experts(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("the EGL context could not be created")

    monkeypatch.setattr(sim.demo, "expert_section", broken_experts)
    status = main(["demo", "--out", str(tmp_path), "--robot", "panda", "--dataset-episodes", "0",
                   "--bc-episodes", "0", "--instruction", ""])
    assert status == 1
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["failed_parts"] == [{"part": "experts",
                                       "error": "RuntimeError: the EGL context could not be created"}]


def test_parts_after_a_failure_still_run(tmp_path: Path) -> None:
    failed: list[dict[str, str]] = []
    first = demo._run_part("dataset", failed, lambda: 1 / 0)
    second = demo._run_part("agent", failed, lambda: {"success": True})
    assert first == {"failed": "ZeroDivisionError: division by zero"}
    assert second == {"success": True}
    assert [f["part"] for f in failed] == ["dataset"]


@pytest.mark.slow
def test_agent_falls_back_to_the_parser_loudly_when_the_model_is_unusable(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("llama_cpp")
    import policies.planner.llama_backend as llama_backend

    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"\0" * 4096)  # the self-test child fails to load it: a real failed self-test
    monkeypatch.setattr(llama_backend, "default_model_path", lambda: broken)
    report = demo._agent_section(tmp_path, "put the red cube in the bin")
    assert report["backend"] == "parser"
    assert report["planner_warning"].startswith("WARNING: planner model unusable, fell back to the parser backend")
    assert json.loads((tmp_path / "agent_report.json").read_text())["planner_warning"] == report["planner_warning"]
