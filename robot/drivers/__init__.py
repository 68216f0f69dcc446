"""Driver-side building blocks for the vendor driver doubles: the action servers a real UR or Franka driver
offers, with their controllers' semantics, driving the simulated arm through callbacks (``ArmPort``,
``GripperPort``). Plain logic in jtc.py and gripper_motion.py; rclpy wiring in the *_server(s).py modules.
"""

from robot.drivers.gripper_motion import FrankaGripperMotion, GripperActionMotion, MotionEnd
from robot.drivers.jtc import (
    ErrorCode,
    JointTol,
    JtcConfig,
    ScaledClock,
    SegmentTolerances,
    ToleranceRequest,
    TrajectoryExecution,
    TrajPoint,
    default_tolerances,
    resolve_tolerances,
    validate_trajectory,
)
from robot.drivers.ports import ArmPort, DriverError, GripperPort, JointReading

__all__ = [
    "ArmPort",
    "DriverError",
    "ErrorCode",
    "FrankaGripperMotion",
    "GripperActionMotion",
    "GripperPort",
    "JointReading",
    "JointTol",
    "JtcConfig",
    "MotionEnd",
    "ScaledClock",
    "SegmentTolerances",
    "ToleranceRequest",
    "TrajPoint",
    "TrajectoryExecution",
    "default_tolerances",
    "resolve_tolerances",
    "validate_trajectory",
]
