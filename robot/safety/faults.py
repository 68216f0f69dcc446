"""Fault kinds the monitor reports, each with the supervisor state it forces and its IEC 60204-1 stop category.

Stop categories (IEC 60204-1 clause 9.2.2) as this bridge applies them:

* **0** — uncontrolled stop: drive power is removed at once. The bridge cannot cut power; it publishes one
  hold at the measured position and then commands nothing, so that the real e-stop circuit (which does cut
  power) never fights a command.
* **1** — controlled stop, then power removed by an external safety relay. After a *sensor-integrity* fault
  (:data:`SENSOR_FAULTS`: the joint readings themselves are suspect) the bridge freezes its command at the last
  one it sent before the fault and sends exactly that until a re-arm: the readings may be offset, stuck or
  stamped wrongly, so none taken after the fault may steer the arm, not even by the gate's lead toward the
  measured position (issue #15: a 0.3 rad encoder offset, trusted again and followed by the lead, walked the
  arm 1 rad). After an effort fault the bridge holds the measured position as in category 2 (that relieves a
  collision) until power is removed.
* **2** — controlled stop with power kept: the bridge holds the measured position until a re-arm.

A sensor-integrity fault also withdraws the supervisor's trust in the readings until an operator re-arms after a
fresh run of consistent readings (:meth:`robot.safety.supervisor.Supervisor.rearm`).

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

    STALE_STATE = (Severity.STOP, 1, "joint states older than the allowed number of control periods")
    FROZEN_STATE = (Severity.STOP, 1, "joint states repeat identical stamps or values")
    NONFINITE_STATE = (Severity.STOP, 1, "a joint position, velocity or effort is NaN or infinite")
    INVALID_STATE = (Severity.STOP, 1, "joint state unusable: wrong joint names or lengths, or stamps out of order")
    BAD_STAMP = (Severity.STOP, 1, "a joint-state stamp lies far ahead of or behind the node clock")
    STATE_JUMP = (Severity.STOP, 1, "a joint position changed faster than the joint can move (encoder jump)")
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
    POLICY_CAMERA = (Severity.WARNING, 2, "a camera image the policy needs is missing, stale or unusable: not asked")
    LOOP_OVERRUN = (Severity.WARNING, 2, "control ticks ran late several times in a row")
    GRIPPER_STALL = (Severity.WARNING, 2, "the gripper does not open as commanded")
    PERCEPTION_STALE = (Severity.WARNING, 2, "object poses are older than allowed")
    OPERATOR_STOP = (Severity.STOP, 2, "an operator requested a stop (~/stop)")
    PLANNER_PROCESS = (Severity.STOP, 2, "the planner's process crashed or overran its deadline mid-instruction")
    # The vendor driver reports that the arm does not execute commands (robot/vendor_profiles.py). The arm has
    # stopped itself; the bridge sends one hold and then nothing, so no commands pile up behind the stop, and a
    # re-arm waits until the driver reports it runs again (the fault stays active while the driver says so).
    PROTECTIVE_STOP = (Severity.EMERGENCY, 1, "the driver reports a protective or safeguard stop")
    SAFETY_STOP = (Severity.EMERGENCY, 0, "the driver reports an emergency stop, violation or safety fault")
    PROGRAM_STOPPED = (Severity.EMERGENCY, 1, "the robot program that executes commands is not running")
    SPEED_SCALING_ZERO = (Severity.EMERGENCY, 1, "the driver's speed scaling is zero: the arm executes nothing")
    ROBOT_REFLEX = (Severity.EMERGENCY, 1, "the arm stopped on a reflex (collision or limit violation)")
    USER_STOPPED = (Severity.EMERGENCY, 0, "the arm's user stop (enabling device) is pressed")
    DRIVER_MODE = (Severity.EMERGENCY, 1, "the driver's robot mode does not execute commands")
    CONTROLLER_INACTIVE = (Severity.EMERGENCY, 1, "the command controller is not active while armed")
    DRIVER_STATUS = (Severity.STOP, 1, "a driver status topic went silent")

    def __init__(self, severity: Severity, category: int, meaning: str) -> None:
        self.severity = severity
        self.category = category
        self.meaning = meaning

    @property
    def id(self) -> str:
        """The lower-case name used on topics and in logs (``stale_state``)."""
        return self.name.lower()

    @property
    def sensor(self) -> bool:
        """True for a sensor-integrity fault: the readings cannot be trusted to steer a command."""
        return self in SENSOR_FAULTS


SENSOR_FAULTS: frozenset[FaultKind] = frozenset({
    FaultKind.STALE_STATE, FaultKind.FROZEN_STATE, FaultKind.NONFINITE_STATE, FaultKind.INVALID_STATE,
    FaultKind.BAD_STAMP, FaultKind.STATE_JUMP})
"""Faults that say the joint readings themselves are wrong (late, stuck, not numbers, unusable, badly stamped or
jumping), as opposed to readings that are believable and show a problem (limits, tracking, collisions)."""
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
