"""The gripper of a driver profile, commanded through its actions rather than a topic.

* ``gripper_command`` (UR + Robotiq through its action controller): control_msgs/action/GripperCommand, goal
  ``command.position`` (m) and ``command.max_effort``.
* ``franka_gripper`` (franka_ros2): franka_msgs/action/Move (``width``, ``speed``) to open and Grasp (``width``,
  ``epsilon``, ``speed``, ``force``) to close, under ``franka_gripper/``; Homing once on request.

The bridge's command is a finger opening per finger (m), sent every control period; an action goal goes out
only when that opening changes by more than :data:`MIN_CHANGE_M`, and never while the previous goal awaits the
server's answer, so goals do not pile up on the gripper's server. An accepted goal still executing is preempted
by the next one (both servers preempt, as GripperActionController and franka_gripper do): a close that stalled
on the cube must not hold back the release until its stall timeout.
"""

from __future__ import annotations

from typing import Any

from rclpy.action import ActionClient
from rclpy.node import Node

from robot.msg_types import import_interface
from robot.vendor_profiles import VendorProfile

MIN_CHANGE_M = 0.005
GRASP_FORCE_N = 20.0
SPEED_M_S = 0.05
GRASP_EPSILON_M = 0.08
MAX_EFFORT = 40.0


class GripperActions:
    """Action clients for the profile's gripper; :meth:`command` turns finger openings into goals."""

    def __init__(self, node: Node, vendor: VendorProfile) -> None:
        self.node, self.vendor = node, vendor
        self._last: float | None = None
        self._awaiting = False  # from sending a goal until the server accepted or rejected it
        if vendor.gripper == "gripper_command":
            self._cmd = import_interface("control_msgs/action/GripperCommand")
            self._client: Any = ActionClient(node, self._cmd, vendor.gripper_action)
        else:
            self._move_t = import_interface("franka_msgs/action/Move")
            self._grasp_t = import_interface("franka_msgs/action/Grasp")
            self._homing_t = import_interface("franka_msgs/action/Homing")
            self._move: Any = ActionClient(node, self._move_t, f"{vendor.gripper_action}/move")
            self._grasp: Any = ActionClient(node, self._grasp_t, f"{vendor.gripper_action}/grasp")
            self._homing: Any = ActionClient(node, self._homing_t, f"{vendor.gripper_action}/homing")

    def servers(self) -> dict[str, bool]:
        """Each action server's name and whether it is up (for the preflight)."""
        if self.vendor.gripper == "gripper_command":
            clients = [self._client]
        else:
            clients = [self._move, self._grasp, self._homing]
        return {c._action_name: c.server_is_ready() for c in clients}  # rclpy keeps no public name

    def command(self, opening: float) -> None:
        """Send a goal for a finger opening (m per finger) when it changed and no goal awaits its answer."""
        if self._awaiting or (self._last is not None and abs(opening - self._last) < MIN_CHANGE_M):
            return
        closing = self._last is not None and opening < self._last
        future: Any
        if self.vendor.gripper == "gripper_command":
            if not self._client.server_is_ready():
                return  # not sent: the next period tries again (``_last`` stays what the server was told)
            goal = self._cmd.Goal()
            goal.command.position = float(opening)
            goal.command.max_effort = MAX_EFFORT
            future = self._client.send_goal_async(goal)
        elif closing:
            if not self._grasp.server_is_ready():
                return
            goal = self._grasp_t.Goal()
            goal.width, goal.speed, goal.force = 2.0 * float(opening), SPEED_M_S, GRASP_FORCE_N
            goal.epsilon.inner = goal.epsilon.outer = GRASP_EPSILON_M
            future = self._grasp.send_goal_async(goal)
        else:
            if not self._move.server_is_ready():
                return
            goal = self._move_t.Goal()
            goal.width, goal.speed = 2.0 * float(opening), SPEED_M_S
            future = self._move.send_goal_async(goal)
        self._last = opening
        self._awaiting = True
        future.add_done_callback(self._answered)

    def _answered(self, future: Any) -> None:
        handle = future.result()
        if handle is None or not handle.accepted:
            self._last = None  # rejected: the next command goes out whatever its change
        self._awaiting = False

    def home(self) -> Any:
        """Start franka_gripper homing (operator request); returns the goal future, or None without the action."""
        if self.vendor.gripper != "franka_gripper" or not self._homing.server_is_ready():
            return None
        return self._homing.send_goal_async(self._homing_t.Goal())
