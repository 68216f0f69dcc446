"""The arm request's calibration check: is the camera calibration the perception node applies readable and recent?

What the bridge's commands depend on besides the arm's own readings is where perception puts the objects: the
camera's intrinsics and its mount (``armstack calibrate intrinsics|handeye``, robot/perception/calibration_file.py).
A camera bumped or refocused since its calibration puts every grasp off by centimetres, and nothing in the
images says so. The bridge's ``calibration_file`` names the same file as the perception node's; the check
passes when it loads (the perception node's own reader) and its ``created`` stamp is at most
``calibration_max_age_days`` old. The age is a calendar age, so it is judged on the system clock (UTC), not on
the node clock (which may be simulated time).

The robot's own kinematic calibration is the other half (``robot_calibration_file``): UR arms leave the factory
with per-arm DH corrections, which ``ur_calibration``'s ``calibration_correction`` extracts into a kinematics yaml
(``kinematics: {shoulder, upper_arm, forearm, wrist_1, wrist_2, wrist_3: {x, y, z, roll, pitch, yaw}, hash}``)
that the driver loads (``kinematics_params_file``) and compares, by ``kinematics.hash``, against the arm's. The
check passes when that file reads as such a yaml and its ``created`` stamp (top level or under ``kinematics``) is
at most ``robot_calibration_max_age_days`` old. ur_calibration writes no stamp: add one when extracting. The file's
modification time is never used, since ``cp`` and checkouts refresh it and a years-old calibration would pass. A
Franka arm has no user kinematic calibration (its kinematics are the factory's, inside the controller).
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from robot.errors import RobotError

FUTURE_TOLERANCE_S = 300.0
"""A ``created`` stamp this far ahead of the system clock is an error (a wrong clock, or a wrong stamp)."""
DAY_S = 86400.0


@dataclass(frozen=True, kw_only=True)
class CalibrationAge:
    """The calibration check's verdict: whether it passes, what it found, and the values it judged."""

    ok: bool
    detail: str
    file: str
    created: str = ""
    """The file's ``created`` stamp as written ('' when unreadable or absent)."""
    age_days: float | None = None
    max_age_days: float = 0.0
    configured: bool = True


def _created(value: object) -> datetime.datetime:
    """The ``created`` field as an aware UTC time: ISO-8601 text (as ``save_calibration`` writes it), or the
    date/time YAML makes of an unquoted one; a time without a zone is UTC."""
    if isinstance(value, datetime.datetime):
        stamp = value
    elif isinstance(value, datetime.date):
        stamp = datetime.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        stamp = datetime.datetime.fromisoformat(value)
    else:
        raise ValueError(f"not a date: {value!r}")
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=datetime.UTC)


def read_created(path: str) -> datetime.datetime | str:
    """The ``created`` stamp of the calibration at ``path`` after the perception node's own reader accepted the
    file, or why there is none (one line): missing, unreadable, undated."""
    # The perception package brings OpenCV along: imported only when a calibration file is configured.
    from robot.perception.calibration_file import load_calibration

    where = Path(path)
    try:
        load_calibration(where)  # the perception node's reader: what it would refuse, the arm request refuses
        created = yaml.safe_load(where.read_text()).get("created")
    except (RobotError, OSError, yaml.YAMLError, ValueError, TypeError, KeyError) as exc:  # malformed: one line
        return f"{path} unreadable: {' '.join(str(exc).split())}"
    if created is None:
        return f"{path} has no 'created' stamp, so its age is unknown: recalibrate with armstack calibrate"
    try:
        return _created(created)
    except ValueError as exc:
        return f"{path}: created {created!r} is not an ISO-8601 time ({exc})"


UR_SEGMENTS = ("shoulder", "upper_arm", "forearm", "wrist_1", "wrist_2", "wrist_3")
"""The segments of ur_calibration's kinematics yaml, each with x, y, z, roll, pitch, yaw."""
UR_SEGMENT_FIELDS = ("x", "y", "z", "roll", "pitch", "yaw")
CAMERA_FIX = "recalibrate with armstack calibrate"
ROBOT_FIX = ("extract it again with ur_calibration (ros2 launch ur_calibration calibration_correction.launch.py "
             "robot_ip:=... target_filename:=...)")


def read_robot_created(path: str) -> datetime.datetime | str:
    """When the robot kinematic calibration at ``path`` was made -- its ``created`` stamp (top level or under
    ``kinematics``) -- after checking it is ur_calibration's kinematics yaml; or why it cannot be judged (one line),
    a missing stamp included."""
    where = Path(path)
    try:
        data = yaml.safe_load(where.read_text())
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = "does not exist" if isinstance(exc, FileNotFoundError) else " ".join(str(exc).split())
        return f"{path} unreadable: {reason}"
    kinematics = data.get("kinematics") if isinstance(data, dict) else None
    if not isinstance(kinematics, dict):
        return f"{path} is not a robot kinematics calibration: no 'kinematics' mapping (ur_calibration's output)"
    hash_ = kinematics.get("hash")
    if not isinstance(hash_, str) or not hash_:
        return f"{path}: kinematics.hash missing: the driver cannot compare it with the arm's calibration"
    for segment in UR_SEGMENTS:
        values = kinematics.get(segment)
        bad = [f for f in UR_SEGMENT_FIELDS if not isinstance(values, dict) or isinstance(values.get(f), bool)
               or not isinstance(values.get(f), int | float) or not math.isfinite(values[f])]
        if bad:
            return f"{path}: kinematics.{segment} lacks finite {', '.join(bad)}"
    created = data.get("created", kinematics.get("created"))
    if created is None:
        return (f"{path} has no 'created' stamp, so its age is unknown (ur_calibration writes none, and the file's "
                f"own time changes with every copy): add 'created: <ISO-8601 time of the extraction>' at its top level")
    try:
        return _created(created)
    except ValueError as exc:
        return f"{path}: created {created!r} is not an ISO-8601 time ({exc})"


def judge_age(path: str, created: datetime.datetime | str, max_age_days: float, now_unix: float, *,
              param: str = "calibration_max_age_days", fix: str = CAMERA_FIX) -> CalibrationAge:
    """The verdict on a calibration created at ``created`` (or the reason it has no stamp) at ``now_unix``;
    ``param`` and ``fix`` name the age parameter and the remedy in a refusal."""
    if isinstance(created, str):
        return CalibrationAge(ok=False, file=path, max_age_days=max_age_days, detail=created)
    age_s = now_unix - created.timestamp()
    age_days = age_s / DAY_S

    def judged(ok: bool, detail: str) -> CalibrationAge:
        return CalibrationAge(ok=ok, detail=detail, file=path, created=created.isoformat(), age_days=age_days,
                              max_age_days=max_age_days)

    if age_s < -FUTURE_TOLERANCE_S:
        return judged(False, f"{path} created {created.isoformat()}, {-age_days:.2f} days in the future: check the "
                             f"system clock")
    if age_days > max_age_days:
        return judged(False, f"{path} is {age_days:.1f} days old, at most {max_age_days:g} allowed "
                             f"({param}): {fix}")
    return judged(True, f"{path}: {max(age_days, 0.0):.1f} days old, at most {max_age_days:g} allowed")


def _not_configured(max_age_days: float) -> CalibrationAge:
    return CalibrationAge(ok=True, configured=False, file="", max_age_days=max_age_days,
                          detail="no calibration_file configured (object poses from CameraInfo and camera_pose)")


def robot_calibration_age(path: str, max_age_days: float, now_unix: float) -> CalibrationAge:
    """The verdict on the robot kinematic calibration ``path`` at ``now_unix``; '' passes (none configured: the
    profile has no user calibration, or the driver runs on the nominal kinematics)."""
    if not path:
        return CalibrationAge(ok=True, configured=False, file="", max_age_days=max_age_days,
                              detail="no robot_calibration_file configured")
    return judge_age(path, read_robot_created(path), max_age_days, now_unix,
                     param="robot_calibration_max_age_days", fix=ROBOT_FIX)


def calibration_age(path: str, max_age_days: float, now_unix: float) -> CalibrationAge:
    """The verdict on ``path`` at ``now_unix`` (system clock, s); ``path`` '' means no calibration configured,
    which passes (object poses then come from CameraInfo and the configured ``camera_pose``)."""
    if not path:
        return _not_configured(max_age_days)
    return judge_age(path, read_created(path), max_age_days, now_unix)


class CalibrationCheck:
    """:func:`calibration_age` (``robot`` False) or :func:`robot_calibration_age` (True) for a node that shows it
    continuously: the file (tens of ms to parse on a loaded host, on the executor's thread, where it holds up the
    joint states) is read again only when its size or modification time changed, or on ``reread``."""

    def __init__(self, path: str, max_age_days: float, *, robot: bool = False) -> None:
        self.path, self.max_age_days, self.robot = path, max_age_days, robot
        self._seen: tuple[int, int] | None = None
        self._created: datetime.datetime | str = ""

    def verdict(self, now_unix: float, *, reread: bool = False) -> CalibrationAge:
        if not self.path:
            return robot_calibration_age("", self.max_age_days, now_unix) if self.robot \
                else _not_configured(self.max_age_days)
        try:
            st = Path(self.path).stat()
            seen: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            seen = None
        if reread or seen is None or seen != self._seen:
            self._created, self._seen = (read_robot_created if self.robot else read_created)(self.path), seen
        if self.robot:
            return judge_age(self.path, self._created, self.max_age_days, now_unix,
                             param="robot_calibration_max_age_days", fix=ROBOT_FIX)
        return judge_age(self.path, self._created, self.max_age_days, now_unix)
