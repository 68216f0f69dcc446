"""The arm request's calibration check (issue 15 item 6): a camera calibration that is missing, unreadable, undated
or older than ``calibration_max_age_days`` refuses the arming with the check named, its value and threshold."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest

from robot.calibration_age import DAY_S, UR_SEGMENTS, calibration_age, robot_calibration_age
from robot.perception.calibration_file import CameraCalibration, save_calibration
from robot.perception.camera_model import CameraModel
from robot.preflight import (
    PreflightInputs,
    calibration_finding,
    clock_finding,
    refusal,
    robot_calibration_finding,
    run_preflight,
)

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


def ur_kinematics(path: Path, *, created: str | None = None, age_days: float | None = None) -> Path:
    """A robot kinematic calibration as ur_calibration's calibration_correction writes it (per-segment DH
    corrections and the hash the driver compares), with the ``created`` stamp the check requires (``created`` as
    written, or ``age_days`` before now), or none when neither is given."""
    import yaml

    segments = {name: {"x": 0.0, "y": 0.0, "z": 0.1625 if name == "shoulder" else 0.0, "roll": 0.0, "pitch": 0.0,
                       "yaw": 1e-4 * i} for i, name in enumerate(UR_SEGMENTS)}
    data: dict[str, object] = {"kinematics": {**segments, "hash": "calib_12788084448423163542"}}
    if age_days is not None:
        made = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=age_days)
        created = made.isoformat(timespec="seconds")
    if created is not None:
        data["created"] = created
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_the_robot_calibration_is_judged_by_its_created_stamp_and_its_hash(tmp_path: Path) -> None:
    now = datetime.datetime.now(datetime.UTC).timestamp()
    fresh = robot_calibration_age(str(ur_kinematics(tmp_path / "ur5e.yaml", age_days=10.0)), 365.0, now)
    assert fresh.ok and "10.0 days old, at most 365 allowed" in fresh.detail and fresh.configured
    old = robot_calibration_age(str(ur_kinematics(tmp_path / "ur5e.yaml", age_days=400.0)), 365.0, now)
    assert not old.ok and "400.0 days old, at most 365 allowed (robot_calibration_max_age_days)" in old.detail
    assert "ur_calibration" in old.detail
    stamped = ur_kinematics(tmp_path / "ur5e.yaml", created="2026-01-01T00:00:00+00:00")
    verdict = robot_calibration_age(str(stamped), 365.0, datetime.datetime(2026, 3, 2, tzinfo=datetime.UTC).timestamp())
    assert verdict.ok and verdict.created.startswith("2026-01-01") and verdict.age_days == pytest.approx(60.0)
    # Without a stamp the file's time would be the age, and a copy made today refreshes it: refused, naming it.
    unstamped = robot_calibration_age(str(ur_kinematics(tmp_path / "copied.yaml")), 365.0, now)
    assert not unstamped.ok and unstamped.age_days is None
    assert "has no 'created' stamp" in unstamped.detail and "add 'created: " in unstamped.detail, unstamped.detail
    none = robot_calibration_age("", 365.0, now)
    assert none.ok and not none.configured


@pytest.mark.parametrize(("text", "needle"), [
    (None, "does not exist"),
    ("kinematics: [1, 2", "unreadable"),
    ("joints: {}", "no 'kinematics' mapping"),
    ("kinematics: {shoulder: {x: 0}}", "kinematics.hash missing"),
    ("kinematics: {hash: calib_1, shoulder: {x: 0, y: 0, z: 0, roll: 0, pitch: 0, yaw: .nan}}",
     "kinematics.shoulder lacks finite yaw"),
])
def test_a_robot_calibration_that_is_not_ur_calibrations_output_refuses_saying_why(tmp_path: Path, text: str | None,
                                                                                   needle: str) -> None:
    path = tmp_path / "kinematics.yaml"
    if text is not None:
        path.write_text(text)
    verdict = robot_calibration_age(str(path), 365.0, datetime.datetime.now(datetime.UTC).timestamp())
    assert not verdict.ok and needle in verdict.detail, verdict.detail
    checks, why = _preflight(robot_calibration_finding(verdict.ok, verdict.detail))
    assert checks["robot_calibration"] == (False, verdict.detail) and checks["calibration"][0]
    assert why is not None and why.startswith("preflight failed: robot_calibration: ")


def test_the_clock_and_robot_calibration_checks_appear_only_when_judged() -> None:
    checks, why = _preflight("no publisher on /joint_states")
    assert "clock" not in checks and "robot_calibration" not in checks
    checks, why = _preflight(clock_finding(False, "clock offset not measured"))
    assert checks["clock"] == (False, "clock offset not measured") and why is not None and "clock: " in why
    checks, why = _preflight(clock_finding(True, "within"))
    assert checks["clock"] == (True, "within")
