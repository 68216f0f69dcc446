"""The bridge's safety core: fault monitor, fallback supervisor, command gate (plain Python, no rclpy).

Driven tick by tick with explicit node-clock times, so every behaviour is testable without ROS; the
bridge node is thin wiring around it. ``ArmMirror`` (MuJoCo) is imported on use, not here.
"""

from robot.safety.command_gate import CommandGate, GateConfig, GateNotReadyError, GateResult
from robot.safety.fault_monitor import FaultMonitor, MonitorInputs
from robot.safety.faults import FAULTS_BY_ID, SENSOR_FAULTS, Fault, FaultKind, Severity
from robot.safety.input_validation import InputError, JointMap, parse_instruction, parse_objects
from robot.safety.joint_state import JointState
from robot.safety.monitor_config import MonitorConfig
from robot.safety.safe_commander import Command, SafeCommander
from robot.safety.supervisor import Mode, Supervisor, Transition
from robot.safety.trail_watch import TrailWatch

__all__ = [
    "FAULTS_BY_ID",
    "SENSOR_FAULTS",
    "Command",
    "CommandGate",
    "Fault",
    "FaultKind",
    "FaultMonitor",
    "GateConfig",
    "GateNotReadyError",
    "GateResult",
    "InputError",
    "JointMap",
    "JointState",
    "Mode",
    "MonitorConfig",
    "MonitorInputs",
    "SafeCommander",
    "Severity",
    "Supervisor",
    "TrailWatch",
    "Transition",
    "parse_instruction",
    "parse_objects",
]
