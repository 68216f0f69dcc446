"""Fault kinds the monitor reports, each with the supervisor state it forces and its IEC 60204-1 stop category.

Stop categories (IEC 60204-1 clause 9.2.2) as this bridge applies them:

* **0** — uncontrolled stop: drive power is removed at once. The bridge cannot cut power; it publishes one
  hold at the measured position and then commands nothing, so that the real e-stop circuit (which does cut
  power) never fights a command.
* **1** — controlled stop, then power removed: the bridge holds the measured position (ramped within the
  command gate's maximum step) and stops commanding once the arm is still; an external safety relay cuts power.
* **2** — controlled stop with power kept: the bridge holds the measured position until a re-arm.

Severity picks the supervisor state: ``WARNING`` -> DEGRADED (scripted backup or hold), ``STOP`` -> SAFE_STOP,
``EMERGENCY`` -> ESTOP.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How far the supervisor must fall back; ordered, so the worst active fault wins."""

    WARNING = 1
    STOP = 2
    EMERGENCY = 3


class FaultKind(enum.Enum):
    """Every fault the monitor can raise: (severity, stop category, what it means for the technician)."""

    STALE_STATE = (Severity.STOP, 2, "joint states older than the allowed number of control periods")
    FROZEN_STATE = (Severity.STOP, 2, "joint states repeat identical stamps or values")
    NONFINITE_STATE = (Severity.STOP, 2, "a joint position, velocity or effort is NaN or infinite")
    INVALID_STATE = (Severity.STOP, 2, "joint state unusable: wrong joint names or lengths, or stamps out of order")
    STATE_JUMP = (Severity.STOP, 2, "a joint position changed faster than the joint can move (encoder jump)")
    STATE_RATE = (Severity.WARNING, 2, "joint states arrive at well below their expected rate (dropped messages)")
    POSITION_LIMIT = (Severity.STOP, 2, "a joint is within the safety margin of its position limit")
    VELOCITY_LIMIT = (Severity.STOP, 2, "a joint moves faster than its velocity limit")
    EFFORT_LIMIT = (Severity.STOP, 1, "a joint torque exceeds its limit (collision or overload)")
    TRACKING_ERROR = (Severity.STOP, 2, "a joint does not follow its command (stuck joint or blocked arm)")
    WORKSPACE = (Severity.WARNING, 2, "the tool left the workspace box or an arm link touches the table")
    SELF_COLLISION = (Severity.STOP, 2, "two arm links are in contact on the arm's MuJoCo model")
    ESTOP = (Severity.EMERGENCY, 0, "the e-stop is asserted")
    ESTOP_HEARTBEAT = (Severity.EMERGENCY, 1, "the e-stop heartbeat was lost")
    POLICY_NONFINITE = (Severity.WARNING, 2, "the policy returned a NaN or infinite action")
    POLICY_DEADLINE = (Severity.WARNING, 2, "policy inference ran past its deadline")
    POLICY_CRASH = (Severity.WARNING, 2, "the policy raised an exception")
    LOOP_OVERRUN = (Severity.WARNING, 2, "control ticks ran late several times in a row")
    GRIPPER_STALL = (Severity.WARNING, 2, "the gripper does not open as commanded")
    PERCEPTION_STALE = (Severity.WARNING, 2, "object poses are older than allowed")
    OPERATOR_STOP = (Severity.STOP, 2, "an operator requested a stop (~/stop)")

    def __init__(self, severity: Severity, category: int, meaning: str) -> None:
        self.severity = severity
        self.category = category
        self.meaning = meaning

    @property
    def id(self) -> str:
        """The lower-case name used on topics and in logs (``stale_state``)."""
        return self.name.lower()


FAULTS_BY_ID: dict[str, FaultKind] = {k.id: k for k in FaultKind}


@dataclass(frozen=True, kw_only=True)
class Fault:
    """One active fault: its kind, when its criterion was first met (node clock, s) and a detail message."""

    kind: FaultKind
    since: float
    """When the detection criterion was met (e.g. last sample time + stale threshold), not when it was seen."""
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind.id, "severity": self.kind.severity.name.lower(), "category": self.kind.category,
                "since": self.since, "detail": self.detail}
