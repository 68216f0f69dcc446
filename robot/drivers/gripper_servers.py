"""Gripper and recovery action servers with the vendors' semantics, driving a ``GripperPort``.

- ``GripperCommandServer``: control_msgs/action/GripperCommand as ros2_controllers' GripperActionController
  serves it (a Robotiq on a UR: ``<controller>/gripper_cmd``); ``width_per_position`` maps the goal's
  position to the port's width.
- ``FrankaGripperServers``: franka_gripper's ``~/homing``, ``~/move``, ``~/grasp`` (franka_msgs) and
  ``~/gripper_action`` (control_msgs GripperCommand; franka's position is half the opening: width = 2 x position).
  One gripper: a new goal on any of them aborts the active one.
- ``ErrorRecoveryServer``: franka_hardware's ``action_server/error_recovery`` (franka_msgs/action/ErrorRecovery),
  which calls ``recover()`` (libfranka's automaticErrorRecovery) and succeeds or aborts.

``update()`` is the gripper's tick (from the arm's loop, or the servers' own timer at ``rate_hz``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rclpy.action import ActionServer, CancelResponse, GoalResponse
from rclpy.node import Node

from robot.drivers.goal_slot import GoalSlot
from robot.drivers.gripper_motion import FrankaGripperMotion, GripperActionMotion, MotionEnd
from robot.drivers.ports import DriverError, GripperPort
from robot.ros_interfaces import ErrorRecovery, Grasp, GripperCommand, Homing, Move


def _now(node: Node) -> float:
    return node.get_clock().now().nanoseconds * 1e-9


class GripperCommandServer:
    """control_msgs GripperCommand with GripperActionController semantics (see module doc)."""

    def __init__(self, node: Node, action_name: str, port: GripperPort, *, width_per_position: float = 1.0,
                 default_speed: float = 0.1, goal_tolerance: float = 0.01, stall_velocity_threshold: float = 0.001,
                 stall_timeout: float = 1.0, allow_stalling: bool = False, rate_hz: float | None = None) -> None:
        if not width_per_position > 0:
            raise DriverError(f"width_per_position must be > 0, got {width_per_position}")
        self.node, self.port = node, port
        self._scale, self._speed = width_per_position, default_speed
        self._params: dict[str, Any] = dict(goal_tolerance=goal_tolerance, stall_timeout=stall_timeout,
                                            stall_velocity_threshold=stall_velocity_threshold,
                                            allow_stalling=allow_stalling)
        self._slot = GoalSlot(lambda: GripperCommand.Result(position=self.port.read_width() / self._scale))
        self._motion: GripperActionMotion | None = None
        self._server = ActionServer(node, GripperCommand, action_name, execute_callback=self._slot.execute,
                                    handle_accepted_callback=self._on_accepted,
                                    cancel_callback=lambda _h: CancelResponse.ACCEPT)
        self._timer = None if rate_hz is None else node.create_timer(1.0 / rate_hz, self.update)

    def _on_accepted(self, handle: Any) -> None:
        cmd = handle.request.command
        width = cmd.position * self._scale
        self._motion = GripperActionMotion(target=width, start_time=_now(self.node), **self._params)
        self.port.command(width, self._speed, cmd.max_effort)
        self._slot.accepted(handle)

    def update(self) -> None:
        motion = self._motion
        if motion is None:
            return
        width = self.port.read_width()
        position = width / self._scale
        if self._slot.cancel_requested:
            self.port.command(width, self._speed, 0.0)
            self._motion = None
            self._slot.finish("canceled", GripperCommand.Result(position=position))
            return
        end = motion.step(_now(self.node), width)
        handle = self._slot.handle
        if handle is not None:
            reached, stalled = (False, False) if end is None else (end.success and not end.stalled, end.stalled)
            handle.publish_feedback(GripperCommand.Feedback(position=position, reached_goal=reached, stalled=stalled))
        if end is not None:
            self._motion = None
            result = GripperCommand.Result(position=position, stalled=end.stalled,
                                           reached_goal=end.success and not end.stalled)
            self._slot.finish("succeed" if end.success else "abort", result)

    def destroy(self) -> None:
        if self._timer is not None:
            self.node.destroy_timer(self._timer)
        self._server.destroy()


class FrankaGripperServers:
    """franka_gripper's homing, move, grasp and gripper_action servers under ``prefix`` (e.g. "franka_gripper")."""

    def __init__(self, node: Node, prefix: str, port: GripperPort, *, default_speed: float = 0.1,
                 default_epsilon: float = 0.005, rate_hz: float | None = None) -> None:
        self.node, self.port = node, port
        self._speed, self._epsilon = default_speed, default_epsilon
        self._active: tuple[str, list[FrankaGripperMotion], float] | None = None  # action, phases, start width
        self._slots: dict[str, GoalSlot] = {}
        self._servers = []
        for name, action in (("homing", Homing), ("move", Move), ("grasp", Grasp), ("gripper_action", GripperCommand)):
            slot = GoalSlot(self._preempt_result(name))
            self._slots[name] = slot
            self._servers.append(ActionServer(
                node, action, f"{prefix}/{name}", execute_callback=slot.execute,
                goal_callback=self._goal_check(name), handle_accepted_callback=self._on_accepted(name),
                cancel_callback=lambda _h: CancelResponse.ACCEPT))
        self._timer = None if rate_hz is None else node.create_timer(1.0 / rate_hz, self.update)

    def _result(self, name: str, end: MotionEnd) -> Any:
        if name == "gripper_action":
            return GripperCommand.Result(position=end.width, effort=0.0, stalled=end.stalled,
                                         reached_goal=end.success)
        result_type = {"homing": Homing, "move": Move, "grasp": Grasp}[name].Result
        return result_type(success=end.success, error=end.reason)

    def _preempt_result(self, name: str) -> Callable[[], Any]:
        return lambda: self._result(name, MotionEnd(success=False, width=self.port.read_width(),
                                                    reason="preempted by a new gripper goal"))

    def _goal_check(self, name: str) -> Callable[[Any], GoalResponse]:
        def check(goal: Any) -> GoalResponse:
            width = {"move": lambda: goal.width, "grasp": lambda: goal.width,
                     "gripper_action": lambda: 2.0 * goal.command.position}.get(name, lambda: 0.0)()
            if not 0.0 <= width <= self.port.max_width:
                self.node.get_logger().error(f"{name}: commanding out of range width {width} "
                                             f"(max_width {self.port.max_width})")
                return GoalResponse.REJECT
            return GoalResponse.ACCEPT
        return check

    def _on_accepted(self, name: str) -> Callable[[Any], None]:
        def accepted(handle: Any) -> None:
            if self._active is not None and self._active[0] != name:
                other = self._active[0]
                self._slots[other].finish("abort", self._preempt_result(other)())
            goal, now, width = handle.request, _now(self.node), self.port.read_width()
            if name == "homing":
                # Close until the fingers stop (at the mechanical limit, or wherever they meet resistance:
                # homing measures the stroke), then open fully.
                phases = [FrankaGripperMotion(kind="grasp", target=0.0, speed=self._speed, start_time=now,
                                              epsilon_inner=0.0, epsilon_outer=self.port.max_width),
                          FrankaGripperMotion(kind="move", target=self.port.max_width, speed=self._speed,
                                              start_time=now)]
            elif name == "move":
                phases = [FrankaGripperMotion(kind="move", target=goal.width, speed=goal.speed, start_time=now)]
            elif name == "grasp":
                phases = [FrankaGripperMotion(kind="grasp", target=goal.width, speed=goal.speed, start_time=now,
                                              epsilon_inner=goal.epsilon.inner, epsilon_outer=goal.epsilon.outer)]
            else:  # franka's gripper_action: open = move, close = grasp with the default epsilon
                target = 2.0 * goal.command.position
                kind = "move" if target >= width else "grasp"
                phases = [FrankaGripperMotion(kind=kind, target=target, speed=self._speed, start_time=now,
                                              epsilon_inner=self._epsilon, epsilon_outer=self._epsilon)]
            self._active = (name, phases, width)
            self._start_phase(phases[0], goal, name)
            self._slots[name].accepted(handle)
        return accepted

    def _start_phase(self, phase: FrankaGripperMotion, goal: Any, name: str) -> None:
        force = goal.force if name == "grasp" else (goal.command.max_effort if name == "gripper_action" else 0.0)
        self.port.command(phase.target, phase.speed, force if phase.kind == "grasp" else 0.0)

    def update(self) -> None:
        if self._active is None:
            return
        name, phases, start_width = self._active
        slot = self._slots[name]
        width, now = self.port.read_width(), _now(self.node)
        if slot.cancel_requested:  # franka_gripper: gripper->stop(), then canceled
            self.port.command(width, self._speed, 0.0)
            self._active = None
            slot.finish("canceled", self._result(name, MotionEnd(success=False, width=width, reason="canceled")))
            return
        end = phases[0].step(now, width, start_width)
        if slot.handle is not None:
            if name == "gripper_action":
                slot.handle.publish_feedback(GripperCommand.Feedback(position=width))
            else:
                feedback_type = {"homing": Homing, "move": Move, "grasp": Grasp}[name].Feedback
                slot.handle.publish_feedback(feedback_type(current_width=width))
        if end is None:
            return
        if end.success and len(phases) > 1:
            phases.pop(0)
            phases[0].start_time = now
            self._active = (name, phases, width)
            self.port.command(phases[0].target, phases[0].speed, 0.0)
            return
        self._active = None
        slot.finish("succeed" if end.success else "abort", self._result(name, end))

    def destroy(self) -> None:
        if self._timer is not None:
            self.node.destroy_timer(self._timer)
        for server in self._servers:
            server.destroy()


class ErrorRecoveryServer:
    """franka_msgs ErrorRecovery: ``recover()`` returns "" when the arm recovered, else why not (aborted)."""

    def __init__(self, node: Node, action_name: str, recover: Callable[[], str]) -> None:
        self.node, self._recover = node, recover
        self._server = ActionServer(node, ErrorRecovery, action_name, execute_callback=self._execute)

    def _execute(self, handle: Any) -> Any:
        reason = self._recover()
        if reason:
            self.node.get_logger().error(f"Exception during automatic error recovery: {reason}")
            handle.abort()
        else:
            handle.succeed()
        return ErrorRecovery.Result()

    def destroy(self) -> None:
        self._server.destroy()
