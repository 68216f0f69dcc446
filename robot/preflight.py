"""The preflight an arm request runs: every check with its verdict, the first failing one named in the refusal.

Pure data in, checks out: the bridge node adds what only the ROS graph knows (which driver topics have a
publisher, which controller listens), the core what it measured (joint names and order, rate, limits, driver
status). A technician reads each check on ``/diagnostics`` and the refusal on ``~/rearm``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, kw_only=True)
class PreflightCheck:
    """One preflight check: its name, whether it passed, and what it found."""

    name: str
    ok: bool
    detail: str


class ControllerProblem(str):
    """A ``missing`` entry about the controller manager's controllers: the preflight names it under its own
    ``controllers`` check rather than ``driver_topics``."""

    __slots__ = ()


class Finding(str):
    """A check's finding handed in among ``missing`` (as a :class:`ControllerProblem` is): the preflight names it
    under its own check, ``check``. The subclasses that end in ``Problem`` refuse the arming."""

    __slots__ = ()
    check: ClassVar[str] = ""
    ok: ClassVar[bool] = True


class CalibrationFinding(Finding):
    """The camera calibration check's finding (``robot.calibration_age``). This one passes."""

    __slots__ = ()
    check = "calibration"


class CalibrationProblem(CalibrationFinding):
    """A calibration finding that refuses the arming: missing, unreadable, undated or too old."""

    __slots__ = ()
    ok = False


class RobotCalibrationFinding(Finding):
    """The robot's own kinematic calibration check (``robot.calibration_age.robot_calibration_age``)."""

    __slots__ = ()
    check = "robot_calibration"


class RobotCalibrationProblem(RobotCalibrationFinding):
    __slots__ = ()
    ok = False


class ClockFinding(Finding):
    """The clock check of tick-stamped trajectories (``robot.clock_check``)."""

    __slots__ = ()
    check = "clock"


class ClockProblem(ClockFinding):
    __slots__ = ()
    ok = False


def calibration_finding(ok: bool, detail: str) -> CalibrationFinding:
    return CalibrationFinding(detail) if ok else CalibrationProblem(detail)


def robot_calibration_finding(ok: bool, detail: str) -> RobotCalibrationFinding:
    return RobotCalibrationFinding(detail) if ok else RobotCalibrationProblem(detail)


def clock_finding(ok: bool, detail: str) -> ClockFinding:
    return ClockFinding(detail) if ok else ClockProblem(detail)


def controller_problems(controller: str, states: dict[str, str] | str) -> list[ControllerProblem]:
    """What keeps ``controller`` from taking commands, from ``list_controllers``' states by name (or the reason
    there is no answer)."""
    if isinstance(states, str):
        return [ControllerProblem(states)]
    state = states.get(controller)
    if state == "active":
        return []
    if state is None:
        return [ControllerProblem(f"{controller} is not loaded (loaded: {', '.join(states) or 'none'})")]
    return [ControllerProblem(f"{controller} is {state}, not active: ros2 control switch_controllers "
                              f"--activate {controller}")]


@dataclass(frozen=True, kw_only=True)
class PreflightInputs:
    """What the preflight judges."""

    expected_joints: tuple[str, ...]
    received_joints: tuple[str, ...] | None
    """Names of the latest arm joint-state message (None: none received)."""
    rate_hz: float
    """Joint-state arrivals over the last second."""
    expected_rate_hz: float
    min_rate_fraction: float
    limit_violations: Sequence[str] = ()
    """Joints outside their limits (with margin) at the latest trusted reading."""
    driver_status: Mapping[str, str] = ()  # type: ignore[assignment]
    """Each driver status topic's verdict (``ok``, ``never received``, or the fault)."""
    missing: Sequence[str] = ()
    """Driver topics, controllers or message types the ROS graph lacks, each one line; among them the node's
    :class:`ControllerProblem` and :class:`Finding` entries, which get checks of their own."""
    calibration: str = ""
    """Calibration age verdict ('' = no calibration file configured; starts with 'stale' when too old)."""


def run_preflight(inputs: PreflightInputs) -> list[PreflightCheck]:
    """Every check, in the order a technician fixes them."""
    graph = [m for m in inputs.missing if not isinstance(m, ControllerProblem | Finding)]
    controllers = [m for m in inputs.missing if isinstance(m, ControllerProblem)]
    findings: dict[str, list[Finding]] = {}
    for m in inputs.missing:
        if isinstance(m, Finding):
            findings.setdefault(m.check, []).append(m)
    calibration = findings.pop("calibration", [])
    checks = [PreflightCheck(name="driver_topics", ok=not graph,
                             detail="all present" if not graph else "; ".join(graph))]
    if controllers:
        checks.append(PreflightCheck(name="controllers", ok=False, detail="; ".join(controllers)))
    received = inputs.received_joints
    if received is None:
        checks.append(PreflightCheck(name="joint_names", ok=False,
                                     detail=f"no joint state received; expected {', '.join(inputs.expected_joints)}"))
    else:
        missing = [j for j in inputs.expected_joints if j not in received]
        unknown = [j for j in received if j not in inputs.expected_joints]
        ok = not missing
        order = "same order" if tuple(received) == inputs.expected_joints else "other order (mapped by name)"
        detail = (f"expected {', '.join(inputs.expected_joints)}; received {', '.join(received) or 'none'}"
                  + ("" if ok else f"; missing {', '.join(missing)}")
                  + (f"; ignored {', '.join(unknown)}" if unknown else "") + ("" if not ok else f"; {order}"))
        checks.append(PreflightCheck(name="joint_names", ok=ok, detail=detail))
    if inputs.expected_rate_hz > 0:
        need = inputs.min_rate_fraction * inputs.expected_rate_hz
        checks.append(PreflightCheck(name="state_rate", ok=inputs.rate_hz >= need,
                                     detail=f"{inputs.rate_hz:.0f} Hz measured, at least {need:.0f} Hz needed "
                                            f"(expected {inputs.expected_rate_hz:g} Hz)"))
    checks.append(PreflightCheck(name="joint_limits", ok=not inputs.limit_violations,
                                 detail="within limits" if not inputs.limit_violations
                                 else "; ".join(inputs.limit_violations)))
    bad = {t: v for t, v in dict(inputs.driver_status).items() if v != "ok"}
    checks.append(PreflightCheck(name="driver_mode", ok=not bad,
                                 detail="no status topics in this profile" if not inputs.driver_status else
                                 ("normal" if not bad else "; ".join(f"{t}: {v}" for t, v in bad.items()))))
    if calibration:
        checks.append(PreflightCheck(name="calibration", ok=all(c.ok for c in calibration),
                                     detail="; ".join(calibration)))
    else:
        checks.append(PreflightCheck(name="calibration", ok=not inputs.calibration.startswith("stale"),
                                     detail=inputs.calibration or "not available (no calibration_file configured)"))
    for name, found in findings.items():  # robot_calibration, clock: only where the node judged them
        checks.append(PreflightCheck(name=name, ok=all(f.ok for f in found), detail="; ".join(found)))
    return checks


def refusal(checks: Sequence[PreflightCheck]) -> str | None:
    """The refusal naming the first failing check, or None when all passed."""
    failed = [c for c in checks if not c.ok]
    if not failed:
        return None
    return "preflight failed: " + "; ".join(f"{c.name}: {c.detail}" for c in failed)
