"""Vendor driver profiles: which topics, types, rates and status a real arm's ROS 2 driver offers.

One registry (:data:`PROFILES`), selected by the bridge's and the sim arm's ``profile`` parameter:

* ``generic`` -- a ros2_control arm whose ``joint_states`` carry arm and finger joints, a position or trajectory
  controller and a Float64MultiArray gripper controller (the armstack sim arm as it always was).
* ``ur`` -- Universal_Robots_ROS2_Driver: arm-only ``joint_states`` from the joint_state_broadcaster at the
  controller manager's 500 Hz, effort is motor current (A), commands through
  ``scaled_joint_trajectory_controller``; ``io_and_status_controller/{robot_mode,safety_mode,robot_program_running}``
  and ``speed_scaling_state_broadcaster/speed_scaling`` tell whether the arm executes anything; the gripper
  (Robotiq through its action controller) takes a control_msgs/GripperCommand action.
* ``franka`` -- franka_ros2: arm-only ``franka/joint_states`` (joint_state_broadcaster, 1 kHz controller
  manager), the fingers on ``franka_gripper/joint_states``, ``franka_robot_state_broadcaster/robot_state``
  (franka_msgs/FrankaRobotState: robot mode, current errors), ``action_server/error_recovery``
  (franka_msgs/ErrorRecovery) and the ``franka_gripper`` ``homing``/``move``/``grasp`` actions.

Names and types follow the drivers' documentation (docs.ros.org ur_robot_driver "Utility Controllers",
ur_dashboard_msgs RobotMode/SafetyMode, franka_msgs FrankaRobotState). A status topic's meaning is a plain
function of its message's fields, so the same profile reads the real driver, the sim arm's double of it, or
any binding of the same message definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from robot.errors import ParameterError
from robot.sim_models import SIM_MODELS

if TYPE_CHECKING:
    from robot.safety.faults import FaultKind

# The launch files read this table while `ros2 launch` starts (robot.launch_tables): robot.safety (numpy, the
# simulator's models) loads only when a status message is read.
StatusFault: TypeAlias = "tuple[FaultKind, str] | None"
"""What one status message says: a fault and its detail, or None when the arm executes commands."""


def _kinds() -> type[FaultKind]:
    from robot.safety.faults import FaultKind

    return FaultKind

# ur_dashboard_msgs/msg/RobotMode constants (int8 mode).
UR_ROBOT_MODES = {-1: "NO_CONTROLLER", 0: "DISCONNECTED", 1: "CONFIRM_SAFETY", 2: "BOOTING", 3: "POWER_OFF",
                  4: "POWER_ON", 5: "IDLE", 6: "BACKDRIVE", 7: "RUNNING", 8: "UPDATING_FIRMWARE"}
UR_RUNNING = 7
# ur_dashboard_msgs/msg/SafetyMode constants (uint8 mode).
UR_SAFETY_MODES = {1: "NORMAL", 2: "REDUCED", 3: "PROTECTIVE_STOP", 4: "RECOVERY", 5: "SAFEGUARD_STOP",
                   6: "SYSTEM_EMERGENCY_STOP", 7: "ROBOT_EMERGENCY_STOP", 8: "VIOLATION", 9: "FAULT",
                   10: "VALIDATE_JOINT_ID", 11: "UNDEFINED_SAFETY_MODE", 12: "AUTOMATIC_MODE_SAFEGUARD_STOP",
                   13: "SYSTEM_THREE_POSITION_ENABLING_STOP"}
UR_SAFETY_OK = (1, 2)
UR_PROTECTIVE = (3, 5, 12, 13)
# franka_msgs/msg/FrankaRobotState robot_mode constants (uint8).
FRANKA_ROBOT_MODES = {0: "OTHER", 1: "IDLE", 2: "MOVE", 3: "GUIDING", 4: "REFLEX", 5: "USER_STOPPED",
                      6: "AUTOMATIC_ERROR_RECOVERY"}
FRANKA_REFLEX, FRANKA_USER_STOPPED = 4, 5
FRANKA_OK = (1, 2)


def _ur_robot_mode(msg: Any) -> StatusFault:
    mode = int(msg.mode)
    if mode == UR_RUNNING:
        return None
    return _kinds().DRIVER_MODE, f"robot mode {UR_ROBOT_MODES.get(mode, mode)} (commands need RUNNING)"


def _ur_safety_mode(msg: Any) -> StatusFault:
    mode = int(msg.mode)
    if mode in UR_SAFETY_OK:
        return None
    kind = _kinds().PROTECTIVE_STOP if mode in UR_PROTECTIVE else _kinds().SAFETY_STOP
    return kind, f"safety mode {UR_SAFETY_MODES.get(mode, mode)}"


def _ur_program_running(msg: Any) -> StatusFault:
    if bool(msg.data):
        return None
    return _kinds().PROGRAM_STOPPED, "robot_program_running is false: the External Control program is not running"


def _ur_speed_scaling(msg: Any) -> StatusFault:
    # The driver publishes a fraction in [0, 1] (the pendant slider times the controller's own scaling).
    value = float(msg.data)
    if value > 1e-3:
        return None
    return _kinds().SPEED_SCALING_ZERO, f"speed scaling {value:g}: the arm executes nothing (paused or slider at 0)"


def _franka_errors(errors: Any) -> list[str]:
    fields = getattr(errors, "get_fields_and_field_types", None)
    names = list(fields()) if fields is not None else [n for n in dir(errors) if not n.startswith("_")]
    return [n for n in names if getattr(errors, n, False) is True]


def _franka_robot_state(msg: Any) -> StatusFault:
    mode = int(msg.robot_mode)
    errors = _franka_errors(msg.current_errors)
    if mode == FRANKA_USER_STOPPED:
        return _kinds().USER_STOPPED, "robot mode USER_STOPPED (the enabling device or user stop is pressed)"
    if mode == FRANKA_REFLEX or errors:
        return _kinds().ROBOT_REFLEX, (f"robot mode {FRANKA_ROBOT_MODES.get(mode, mode)}, current errors: "
                                        f"{', '.join(errors) or 'none'} (recover with ~/recover)")
    if mode in FRANKA_OK:
        return None
    return _kinds().DRIVER_MODE, f"robot mode {FRANKA_ROBOT_MODES.get(mode, mode)} (commands need IDLE or MOVE)"


@dataclass(frozen=True, kw_only=True)
class StatusTopic:
    """A driver topic that says whether the arm executes commands."""

    topic: str
    msg_type: str
    """``package/msg/Type`` as on the wire."""
    rate_hz: float
    """Nominal rate; 0 for a latched topic published on change (transient-local)."""
    read: Callable[[Any], StatusFault]

    @property
    def latched(self) -> bool:
        return self.rate_hz == 0.0


@dataclass(frozen=True, kw_only=True)
class VendorProfile:
    """What the bridge reads from and commands to one vendor's driver (topics relative to the bridge's namespace)."""

    name: str
    driver: str
    robots: tuple[str, ...]
    """The robot models (``sim.robots`` names) this driver drives; :func:`robots_of` reads it."""
    joint_states_topic: str
    fingers_in_joint_states: bool
    """False: the arm's joint states carry only arm joints (UR, franka_ros2), the fingers come elsewhere."""
    gripper_state_topic: str
    """sensor_msgs/JointState with the finger joints ('' = no finger readings: the commanded opening stands in)."""
    state_rate_hz: float
    """The driver's joint_states rate."""
    controller: str
    command_interface: str
    effort_is_torque: bool
    """False: the effort field is not a torque (UR publishes motor current), so the N m effort limits are off."""
    gripper: str
    """How the gripper is commanded: ``topic`` (Float64MultiArray), ``gripper_command`` (control_msgs action) or
    ``franka_gripper`` (franka_msgs Homing/Move/Grasp actions)."""
    gripper_action: str
    """The gripper's action namespace ('' for ``topic``)."""
    recovery_action: str
    """franka_msgs/action/ErrorRecovery server ('' = none): used only on an operator's ``~/recover``."""
    status: tuple[StatusTopic, ...]
    max_velocity: tuple[float, ...] = ()
    max_acceleration: tuple[float, ...] = ()
    max_jerk: tuple[float, ...] = ()
    """The driver's per-joint command limits (rad/s, rad/s^2, rad/s^3) that trigger a reflex when exceeded
    (franka); empty: the robot model's velocity limits only."""
    controllers: tuple[tuple[str, str, bool], ...] = ()
    """(name, type, active after the driver's launch) of each controller its controller_manager loads; empty: no
    ``controller_manager/list_controllers`` to check (the preflight then skips the controllers check)."""


GENERIC = VendorProfile(
    name="generic", driver="ros2_control with a Float64MultiArray gripper controller (the armstack sim arm)",
    # The sim arm's own driver: it drives whatever robot the sim arm stands in for.
    robots=tuple(SIM_MODELS),
    joint_states_topic="joint_states", fingers_in_joint_states=True, gripper_state_topic="", state_rate_hz=250.0,
    controller="arm_controller", command_interface="position", effort_is_torque=True, gripper="topic",
    gripper_action="", recovery_action="", status=())

UR = VendorProfile(
    name="ur", driver="Universal_Robots_ROS2_Driver (ur_robot_driver)", robots=("ur5e",),
    joint_states_topic="joint_states", fingers_in_joint_states=False, gripper_state_topic="", state_rate_hz=500.0,
    controller="scaled_joint_trajectory_controller", command_interface="trajectory", effort_is_torque=False,
    gripper="gripper_command", gripper_action="gripper_controller/gripper_cmd", recovery_action="",
    # ur_robot_driver's ur_control.launch.py: these start active, the other motion controllers loaded inactive.
    controllers=(("joint_state_broadcaster", "joint_state_broadcaster/JointStateBroadcaster", True),
                 ("io_and_status_controller", "ur_controllers/GPIOController", True),
                 ("speed_scaling_state_broadcaster", "ur_controllers/SpeedScalingStateBroadcaster", True),
                 ("force_torque_sensor_broadcaster", "force_torque_sensor_broadcaster/ForceTorqueSensorBroadcaster",
                  True),
                 ("scaled_joint_trajectory_controller", "ur_controllers/ScaledJointTrajectoryController", True),
                 ("joint_trajectory_controller", "joint_trajectory_controller/JointTrajectoryController", False),
                 ("forward_position_controller", "position_controllers/JointGroupPositionController", False),
                 ("gripper_controller", "position_controllers/GripperActionController", True)),
    status=(
        StatusTopic(topic="io_and_status_controller/robot_mode", msg_type="ur_dashboard_msgs/msg/RobotMode",
                    rate_hz=0.0, read=_ur_robot_mode),
        StatusTopic(topic="io_and_status_controller/safety_mode", msg_type="ur_dashboard_msgs/msg/SafetyMode",
                    rate_hz=0.0, read=_ur_safety_mode),
        StatusTopic(topic="io_and_status_controller/robot_program_running", msg_type="std_msgs/msg/Bool",
                    rate_hz=0.0, read=_ur_program_running),
        StatusTopic(topic="speed_scaling_state_broadcaster/speed_scaling", msg_type="std_msgs/msg/Float64",
                    rate_hz=100.0, read=_ur_speed_scaling),
    ))

FRANKA = VendorProfile(
    name="franka", driver="franka_ros2 (franka_bringup, franka_gripper)", robots=("panda", "fr3"),
    joint_states_topic="franka/joint_states", fingers_in_joint_states=False,
    gripper_state_topic="franka_gripper/joint_states", state_rate_hz=1000.0,
    controller="fr3_arm_controller", command_interface="trajectory", effort_is_torque=True,
    gripper="franka_gripper", gripper_action="franka_gripper", recovery_action="action_server/error_recovery",
    status=(
        StatusTopic(topic="franka_robot_state_broadcaster/robot_state", msg_type="franka_msgs/msg/FrankaRobotState",
                    rate_hz=1000.0, read=_franka_robot_state),
    ),
    # franka_ros2 / libfranka documented FR3 joint limits (what the arm refuses with a reflex when exceeded).
    max_velocity=(2.62, 2.62, 2.62, 2.62, 5.26, 4.18, 5.26),
    max_acceleration=(10.0,) * 7,
    max_jerk=(5000.0,) * 7,
    # franka_bringup: the state broadcasters and the arm's trajectory controller (franka_gripper is its own node).
    controllers=(("joint_state_broadcaster", "joint_state_broadcaster/JointStateBroadcaster", True),
                 ("franka_robot_state_broadcaster", "franka_robot_state_broadcaster/FrankaRobotStateBroadcaster",
                  True),
                 ("fr3_arm_controller", "joint_trajectory_controller/JointTrajectoryController", True)))

PROFILES: dict[str, VendorProfile] = {p.name: p for p in (GENERIC, UR, FRANKA)}
"""Every driver profile by name: the one registry the bridge, the sim arm and the launch files read."""


def get_profile(name: str, *, where: str = "profile") -> VendorProfile:
    """The profile called ``name``; an unknown name is an error listing the valid ones."""
    try:
        return PROFILES[name]
    except (KeyError, TypeError):
        raise ParameterError(f"{where}: unknown profile {name!r}; valid: {', '.join(PROFILES)}") from None


def robots_of(name: str) -> tuple[str, ...]:
    """The robots the profile called ``name`` drives (an unknown name is an error listing the valid ones)."""
    return get_profile(name).robots


def check_profile_robot(profile: str, robot: str, *, where: str) -> VendorProfile:
    """The profile called ``profile``, checked to drive ``robot``; a one-line error names the robots it drives."""
    found = get_profile(profile, where=f"{where}: profile")
    if robot not in found.robots:
        raise ParameterError(f"{where}: profile {found.name!r} drives {', '.join(found.robots)}, not {robot!r}")
    return found
