"""The arm request's calibration check (issue 15 item 6): a camera calibration that is missing, unreadable, undated
or older than ``calibration_max_age_days`` refuses the arming with the check named, its value and threshold."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest

from robot.calibration_age import DAY_S, calibration_age
from robot.perception.calibration_file import CameraCalibration, save_calibration
from robot.perception.camera_model import CameraModel
from robot.preflight import PreflightInputs, calibration_finding, refusal, run_preflight

JOINTS = ("a", "b")


def _calibration(path: Path) -> Path:
    camera = CameraModel.from_matrix("front", 640, 480, [600.0, 0.0, 320.0, 0.0, 600.0, 240.0, 0.0, 0.0, 1.0], ())
    return save_calibration(path, CameraCalibration(camera=camera, rms_px=0.3, mount_kind="eye_to_hand",
                                                    mount=np.eye(4)))


def _created(path: Path) -> float:
    import yaml

    return datetime.datetime.fromisoformat(yaml.safe_load(path.read_text())["created"]).timestamp()


def _preflight(finding: str) -> tuple[dict[str, tuple[bool, str]], str | None]:
    checks = run_preflight(PreflightInputs(expected_joints=JOINTS, received_joints=JOINTS, rate_hz=500.0,
                                           expected_rate_hz=500.0, min_rate_fraction=0.5, missing=[finding]))
    return {c.name: (c.ok, c.detail) for c in checks}, refusal(checks)


def test_a_fresh_calibration_passes_and_an_old_one_refuses_with_its_age_and_the_limit(tmp_path: Path) -> None:
    path = _calibration(tmp_path / "front.yaml")
    made = _created(path)
    fresh = calibration_age(str(path), 30.0, made + 2 * DAY_S)
    assert fresh.ok and fresh.age_days == pytest.approx(2.0) and "2.0 days old, at most 30 allowed" in fresh.detail
    checks, why = _preflight(calibration_finding(fresh.ok, fresh.detail))
    assert checks["calibration"][0] and checks["driver_topics"] == (True, "all present") and why is None

    old = calibration_age(str(path), 30.0, made + 45.5 * DAY_S)
    assert not old.ok and old.age_days == pytest.approx(45.5)
    assert "45.5 days old, at most 30 allowed (calibration_max_age_days)" in old.detail
    checks, why = _preflight(calibration_finding(old.ok, old.detail))
    assert why is not None and why.startswith("preflight failed: calibration: ") and "45.5 days old" in why
    assert checks["driver_topics"][0]  # named under its own check, not as a missing topic


@pytest.mark.parametrize(("content", "needle"), [
    (None, "does not exist"),
    ("camera: [unclosed", "invalid YAML"),
    ("camera: front\nwidth: 640\n", "missing keys"),
    ("camera: front\nwidth: 640\nheight: 480\ncamera_matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1]\n", "no 'created' stamp"),
    ("camera: front\nwidth: 640\nheight: 480\ncamera_matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1]\ncreated: yesterday\n",
     "not an ISO-8601 time"),
    ("camera: front\nwidth: 640\nheight: 480\ncamera_matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1]\ncreated: 2999-01-01\n",
     "in the future: check the system clock"),
])
def test_a_missing_unreadable_or_undated_calibration_refuses(tmp_path: Path, content: str | None,
                                                             needle: str) -> None:
    path = tmp_path / "front.yaml"
    if content is not None:
        path.write_text(content)
    verdict = calibration_age(str(path), 30.0, datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC).timestamp())
    assert not verdict.ok and needle in verdict.detail and str(path) in verdict.detail
    assert "\n" not in verdict.detail  # one line for the refusal


def test_an_unquoted_date_is_read_as_utc_and_no_file_configured_passes(tmp_path: Path) -> None:
    path = tmp_path / "front.yaml"
    path.write_text("camera: front\nwidth: 640\nheight: 480\ncamera_matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1]\n"
                    "created: 2026-12-01\n")
    verdict = calibration_age(str(path), 30.0, datetime.datetime(2026, 12, 5, 12, tzinfo=datetime.UTC).timestamp())
    assert verdict.ok and verdict.age_days == pytest.approx(4.5)
    none = calibration_age("", 30.0, 0.0)
    assert none.ok and not none.configured and "no calibration_file configured" in none.detail


def test_the_nodes_check_reads_the_file_again_only_when_it_changed(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import robot.calibration_age as module

    reads: list[str] = []
    real = module.read_created
    def counted(path: str) -> datetime.datetime | str:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(module, "read_created", counted)
    path = _calibration(tmp_path / "front.yaml")
    check = module.CalibrationCheck(str(path), 30.0)
    made = _created(path)
    assert check.verdict(made + DAY_S).ok and check.verdict(made + 40 * DAY_S).ok is False  # the age grows
    assert len(reads) == 1  # parsed once: the executor's thread is not held up every second
    path.write_text(path.read_text() + "# recalibrated\n")
    check.verdict(made + DAY_S)
    check.verdict(made + DAY_S, reread=True)
    assert len(reads) == 3
    path.unlink()
    gone = check.verdict(made + DAY_S)
    assert not gone.ok and "does not exist" in gone.detail
