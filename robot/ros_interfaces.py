"""The vendor ROS 2 interface types, imported from one place.

control_msgs, franka_msgs and ur_dashboard_msgs are not on PyPI: on a CI or developer machine they come from
``python -m robot.interfaces_build`` (interfaces/, generated with the rosidl wheels); on a technician's machine
from apt (ros-jazzy-control-msgs, ...) or the vendor's workspace. Either way the rest of armstack imports the
types from here, so a missing build is one clear error naming the command instead of a bare ImportError deep in
a node.
"""

from __future__ import annotations

from typing import Any

from robot.errors import RobotError

BUILD_HINT = "build them with `make interfaces` (python -m robot.interfaces_build), or source a ROS 2 install " \
             "that has control_msgs, franka_msgs and ur_dashboard_msgs"


class InterfacesMissingError(RobotError, ImportError):
    """A vendor interface package is not importable in this environment."""


try:
    from control_msgs.action import FollowJointTrajectory, GripperCommand
    from control_msgs.msg import GripperCommand as GripperCommandMsg
    from control_msgs.msg import JointComponentTolerance, JointTolerance, JointTrajectoryControllerState
    from franka_msgs.action import ErrorRecovery, Grasp, Homing, Move
    from franka_msgs.msg import CollisionIndicators, Elbow, Errors, FrankaRobotState, GraspEpsilon
    from ur_dashboard_msgs.msg import ProgramState, RobotMode, SafetyMode
except ImportError as exc:  # one message for whichever package is missing
    raise InterfacesMissingError(f"vendor ROS interfaces not importable ({exc}); {BUILD_HINT}") from exc

#: Every generated type by its ROS name, e.g. ``"control_msgs/action/FollowJointTrajectory"``.
INTERFACE_TYPES: dict[str, Any] = {
    "control_msgs/action/FollowJointTrajectory": FollowJointTrajectory,
    "control_msgs/action/GripperCommand": GripperCommand,
    "control_msgs/msg/GripperCommand": GripperCommandMsg,
    "control_msgs/msg/JointComponentTolerance": JointComponentTolerance,
    "control_msgs/msg/JointTolerance": JointTolerance,
    "control_msgs/msg/JointTrajectoryControllerState": JointTrajectoryControllerState,
    "franka_msgs/action/ErrorRecovery": ErrorRecovery,
    "franka_msgs/action/Grasp": Grasp,
    "franka_msgs/action/Homing": Homing,
    "franka_msgs/action/Move": Move,
    "franka_msgs/msg/CollisionIndicators": CollisionIndicators,
    "franka_msgs/msg/Elbow": Elbow,
    "franka_msgs/msg/Errors": Errors,
    "franka_msgs/msg/FrankaRobotState": FrankaRobotState,
    "franka_msgs/msg/GraspEpsilon": GraspEpsilon,
    "ur_dashboard_msgs/msg/ProgramState": ProgramState,
    "ur_dashboard_msgs/msg/RobotMode": RobotMode,
    "ur_dashboard_msgs/msg/SafetyMode": SafetyMode,
}

__all__ = [
    "BUILD_HINT",
    "INTERFACE_TYPES",
    "CollisionIndicators",
    "Elbow",
    "ErrorRecovery",
    "Errors",
    "FollowJointTrajectory",
    "FrankaRobotState",
    "Grasp",
    "GraspEpsilon",
    "GripperCommand",
    "GripperCommandMsg",
    "Homing",
    "InterfacesMissingError",
    "JointComponentTolerance",
    "JointTolerance",
    "JointTrajectoryControllerState",
    "Move",
    "ProgramState",
    "RobotMode",
    "SafetyMode",
]
