"""The arm request's calibration check: is the camera calibration the perception node applies readable and recent?

What the bridge's commands depend on besides the arm's own readings is where perception puts the objects: the
camera's intrinsics and its mount (``armstack calibrate intrinsics|handeye``, robot/perception/calibration_file.py).
A camera bumped or refocused since its calibration puts every grasp off by centimetres, and nothing in the
images says so. The bridge's ``calibration_file`` names the same file as the perception node's; the check
passes when it loads (the perception node's own reader) and its ``created`` stamp is at most
``calibration_max_age_days`` old. The age is a calendar age, so it is judged on the system clock (UTC), not on
the node clock (which may be simulated time).
"""

from __future__ import annotations

import datetime
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


def judge_age(path: str, created: datetime.datetime | str, max_age_days: float, now_unix: float) -> CalibrationAge:
    """The verdict on a calibration created at ``created`` (or the reason it has no stamp) at ``now_unix``."""
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
                             f"(calibration_max_age_days): recalibrate with armstack calibrate")
    return judged(True, f"{path}: {max(age_days, 0.0):.1f} days old, at most {max_age_days:g} allowed")


def _not_configured(max_age_days: float) -> CalibrationAge:
    return CalibrationAge(ok=True, configured=False, file="", max_age_days=max_age_days,
                          detail="no calibration_file configured (object poses from CameraInfo and camera_pose)")


def calibration_age(path: str, max_age_days: float, now_unix: float) -> CalibrationAge:
    """The verdict on ``path`` at ``now_unix`` (system clock, s); ``path`` '' means no calibration configured,
    which passes (object poses then come from CameraInfo and the configured ``camera_pose``)."""
    if not path:
        return _not_configured(max_age_days)
    return judge_age(path, read_created(path), max_age_days, now_unix)


class CalibrationCheck:
    """:func:`calibration_age` for a node that shows it continuously: the file (tens of ms to parse on a loaded
    host, on the executor's thread, where it holds up the joint states) is read again only when its size or
    modification time changed, or on ``reread``."""

    def __init__(self, path: str, max_age_days: float) -> None:
        self.path, self.max_age_days = path, max_age_days
        self._seen: tuple[int, int] | None = None
        self._created: datetime.datetime | str = ""

    def verdict(self, now_unix: float, *, reread: bool = False) -> CalibrationAge:
        if not self.path:
            return _not_configured(self.max_age_days)
        try:
            st = Path(self.path).stat()
            seen: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            seen = None
        if reread or seen is None or seen != self._seen:
            self._created, self._seen = read_created(self.path), seen
        return judge_age(self.path, self._created, self.max_age_days, now_unix)
