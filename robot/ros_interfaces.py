"""The vendor ROS 2 interface types, imported from one place.

control_msgs, controller_manager_msgs, franka_msgs and ur_dashboard_msgs are not on PyPI: on a CI or developer
machine they come from ``python -m robot.interfaces_build`` (interfaces/, generated with the rosidl wheels); on a
technician's machine from apt (ros-jazzy-control-msgs, ros-jazzy-controller-manager-msgs,
ros-jazzy-ur-dashboard-msgs) or the vendor's workspace (franka_msgs). armstack's own armstack_interfaces (the bridge's
ExecuteInstruction action) is built the same way. The rest of armstack imports the types from
here, e.g. ``from robot.ros_interfaces import FollowJointTrajectory``.

Each type is imported when first asked for, so a UR site needs no franka_msgs and the reverse; a missing
package is one clear error (``InterfacesMissingError``) naming the package and how to get it.
"""

from __future__ import annotations

import importlib
from typing import Any

from robot.errors import RobotError

BUILD_HINT = "build them with `make interfaces` (python -m robot.interfaces_build), or source a ROS 2 install " \
             "that has control_msgs, controller_manager_msgs, franka_msgs and ur_dashboard_msgs (armstack_interfaces " \
             "is always built here)"


class InterfacesMissingError(RobotError, ImportError):
    """A vendor interface package is not importable in this environment."""


#: Every type this module provides: attribute name -> its ROS name ("package/kind/Type").
ROS_NAMES: dict[str, str] = {
    "FollowJointTrajectory": "control_msgs/action/FollowJointTrajectory",
    "GripperCommand": "control_msgs/action/GripperCommand",
    "GripperCommandMsg": "control_msgs/msg/GripperCommand",
    "JointComponentTolerance": "control_msgs/msg/JointComponentTolerance",
    "JointTolerance": "control_msgs/msg/JointTolerance",
    "JointTrajectoryControllerState": "control_msgs/msg/JointTrajectoryControllerState",
    "ChainConnection": "controller_manager_msgs/msg/ChainConnection",
    "ControllerState": "controller_manager_msgs/msg/ControllerState",
    "ListControllers": "controller_manager_msgs/srv/ListControllers",
    "SwitchController": "controller_manager_msgs/srv/SwitchController",
    "ErrorRecovery": "franka_msgs/action/ErrorRecovery",
    "Grasp": "franka_msgs/action/Grasp",
    "Homing": "franka_msgs/action/Homing",
    "Move": "franka_msgs/action/Move",
    "CollisionIndicators": "franka_msgs/msg/CollisionIndicators",
    "Elbow": "franka_msgs/msg/Elbow",
    "Errors": "franka_msgs/msg/Errors",
    "FrankaRobotState": "franka_msgs/msg/FrankaRobotState",
    "GraspEpsilon": "franka_msgs/msg/GraspEpsilon",
    "ProgramState": "ur_dashboard_msgs/msg/ProgramState",
    "RobotMode": "ur_dashboard_msgs/msg/RobotMode",
    "SafetyMode": "ur_dashboard_msgs/msg/SafetyMode",
    # armstack's own (interfaces/armstack_interfaces), built with the vendor packages
    "ExecuteInstruction": "armstack_interfaces/action/ExecuteInstruction",
}


def load(ros_name: str) -> Any:
    """The class of ``ros_name`` ("control_msgs/action/FollowJointTrajectory"), or InterfacesMissingError."""
    package, kind, type_name = ros_name.split("/")
    try:
        return getattr(importlib.import_module(f"{package}.{kind}"), type_name)
    except (ImportError, AttributeError) as exc:
        raise InterfacesMissingError(f"{ros_name} is not importable ({exc}); {BUILD_HINT}") from exc


def interface_types() -> dict[str, Any]:
    """Every provided type by its ROS name (imports all three packages)."""
    return {ros_name: load(ros_name) for ros_name in ROS_NAMES.values()}


def __getattr__(name: str) -> Any:
    if name not in ROS_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}; types: {', '.join(ROS_NAMES)}")
    value = load(ROS_NAMES[name])
    globals()[name] = value
    return value


__all__ = ["BUILD_HINT", "ROS_NAMES", "InterfacesMissingError", "interface_types", "load", *ROS_NAMES]
