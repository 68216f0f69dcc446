"""armstack robot: the ROS 2 bridge, its safety core, the simulated arm, recording and perception.

rclpy is imported only by the ROS wiring: the ``*_node`` modules, ``node_params`` and ``node_runner``, the
action servers and clients they use (``drivers/``, ``gripper_actions``, ``instruction_action``,
``sim_camera_publisher``) and ``ros_rig`` once a probe starts; everything named here is plain Python,
importable and testable without ROS. Names load on first use (MuJoCo and OpenCV
stay out of ``import robot``).
"""

from __future__ import annotations

import importlib
from typing import Any

from robot.errors import ParameterError, RobotError

_LAZY = {
    "BridgeCore": "robot.bridge_core",
    "BridgeParams": "robot.params",
    "SimArm": "robot.sim_arm",
    "SimArmConfig": "robot.sim_arm_config",
    "FaultInjector": "robot.fault_injection",
    "Recorder": "robot.recording",
    "summarize_recording": "robot.recording_summary",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'robot' has no attribute {name!r}")


__all__ = ["ParameterError", "RobotError", *_LAZY]
