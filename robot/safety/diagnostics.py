"""One diagnostic status per monitor: which check tripped, why, and against what threshold.

A technician reading rqt_robot_monitor or Foxglove needs to see the joint-state check apart from the limits,
the e-stop or the policy, each with its level and the values it is judged on (the bridge also publishes one
supervisor status with the mode). Pure data here; ``robot/bridge_node.py`` turns it into DiagnosticStatus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from robot.safety.faults import Fault, FaultKind, Severity
from robot.safety.monitor_config import MonitorConfig

CHECKS: dict[str, tuple[FaultKind, ...]] = {
    "joint_states": (FaultKind.STALE_STATE, FaultKind.FROZEN_STATE, FaultKind.NONFINITE_STATE,
                     FaultKind.INVALID_STATE, FaultKind.BAD_STAMP, FaultKind.STATE_JUMP, FaultKind.STATE_RATE),
    "joint_limits": (FaultKind.POSITION_LIMIT, FaultKind.VELOCITY_LIMIT, FaultKind.EFFORT_LIMIT),
    "tracking": (FaultKind.TRACKING_ERROR,),
    "workspace": (FaultKind.WORKSPACE, FaultKind.SELF_COLLISION),
    "estop": (FaultKind.ESTOP, FaultKind.ESTOP_HEARTBEAT),
    "policy": (FaultKind.POLICY_NONFINITE, FaultKind.POLICY_DEADLINE, FaultKind.POLICY_CRASH, FaultKind.POLICY_CAMERA),
    "planner": (FaultKind.PLANNER_PROCESS,),
    "control_loop": (FaultKind.LOOP_OVERRUN,),
    "gripper": (FaultKind.GRIPPER_STALL,),
    "perception": (FaultKind.PERCEPTION_STALE,),
    "operator": (FaultKind.OPERATOR_STOP,),
    "driver": (FaultKind.PROTECTIVE_STOP, FaultKind.SAFETY_STOP, FaultKind.PROGRAM_STOPPED,
               FaultKind.SPEED_SCALING_ZERO, FaultKind.ROBOT_REFLEX, FaultKind.USER_STOPPED, FaultKind.DRIVER_MODE,
               FaultKind.CONTROLLER_INACTIVE, FaultKind.DRIVER_STATUS),
}
"""Every fault kind belongs to exactly one check (tests/robot/test_diagnostics.py)."""

OK, WARN, ERROR = 0, 1, 2  # diagnostic_msgs/DiagnosticStatus levels


@dataclass(frozen=True)
class CheckStatus:
    """One check's status: ``level`` (OK, WARN, ERROR), a one-line ``message`` and its ``values``."""

    name: str
    level: int
    message: str
    values: Mapping[str, str]


def _thresholds(name: str, config: MonitorConfig) -> dict[str, str]:
    if name == "joint_states":
        return {"stale_after_s": f"{config.control_period * config.stale_periods:.3f}",
                "jump_rad": f"{config.jump_rad:g}", "frozen_repeats": str(config.frozen_repeats),
                "expected_rate_hz": f"{config.expected_state_rate_hz:g}",
                "min_rate_fraction": f"{config.min_rate_fraction:g}",
                "stamp_tolerance_s": f"{config.stamp_tolerance:g}"}
    if name == "joint_limits":
        return {"position_margin_rad": f"{config.position_margin:g}", "velocity_factor": f"{config.velocity_factor:g}",
                "effort_factor": f"{config.effort_factor:g}" if config.check_effort
                else "off: the driver's effort is not a torque (motor current)"}
    if name == "tracking":
        return {"tracking_tol_rad": f"{config.tracking_tol:g}", "tracking_time_s": f"{config.tracking_time:g}",
                "tracking_max_rad": f"{config.tracking_max:g}"}
    return {}


def check_statuses(faults: Sequence[Fault], config: MonitorConfig, *, extra: Mapping[FaultKind, str] | None = None,
                   measured: Mapping[str, Mapping[str, str]] | None = None) -> list[CheckStatus]:
    """A status per entry of :data:`CHECKS` from the active ``faults`` (and ``extra`` faults kept outside the
    monitor, such as a dead planner process), with each check's thresholds and ``measured`` values."""
    details: dict[FaultKind, str] = {f.kind: f.detail for f in faults}
    details.update(extra or {})
    out = []
    for name, kinds in CHECKS.items():
        active = [k for k in kinds if k in details]
        worst = max((k.severity for k in active), default=None)
        level = OK if worst is None else (WARN if worst == Severity.WARNING else ERROR)
        if name == "joint_limits" and not config.check_effort and level == OK:
            level = WARN  # a technician must see that one limit is not checked
        message = ("ok" if level == OK else "effort limits off: the driver's effort is motor current, not torque") \
            if not active else "; ".join(f"{k.id}: {details[k]}" for k in active)
        values = {"active": ",".join(k.id for k in active), **_thresholds(name, config),
                  **dict((measured or {}).get(name, {}))}
        out.append(CheckStatus(name=name, level=level, message=message, values=values))
    return out
