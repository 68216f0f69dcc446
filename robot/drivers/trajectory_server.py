"""``FollowJointTrajectoryServer``: a joint_trajectory_controller's action interface on a node, driving an
``ArmPort``.

It serves ``<controller>/follow_joint_trajectory`` (control_msgs/action/FollowJointTrajectory) with JTC's
semantics (robot/drivers/jtc.py): invalid goals are rejected, a new goal preempts the active one (aborted with
INVALID_GOAL, "Current goal preempted by new incoming action."), a cancel holds the measured position and ends
the goal canceled, path and goal tolerances abort with their error codes, feedback (desired, actual, error) at
``action_monitor_rate_hz``. ``update()`` is the controller's tick: call it from the arm's control loop, or let the
server's own timer call it at ``rate_hz``. With ``speed_scaling`` (a callback returning UR's factor, 0..1) it is
UR's scaled_joint_trajectory_controller: trajectory time advances at that factor, so 0 pauses the goal. With
``topic`` it also takes trajectory_msgs/JointTrajectory messages there (JTC's ``~/joint_trajectory``), under the
same validation; ``rejections`` and ``accepted_count`` count what was dropped and taken.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rclpy.action import ActionServer, CancelResponse, GoalResponse
from rclpy.node import Node
from rclpy.time import Time
from trajectory_msgs.msg import JointTrajectory

from robot.drivers.goal_slot import GoalSlot
from robot.drivers.jtc import (
    ErrorCode,
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
from robot.drivers.ports import ArmPort, DriverError, JointReading
from robot.ros_interfaces import FollowJointTrajectory


def _seconds(duration: Any) -> float:
    return float(duration.sec) + float(duration.nanosec) * 1e-9


def _points(msg: Any) -> list[TrajPoint]:
    return [TrajPoint(time_from_start=_seconds(p.time_from_start), positions=tuple(p.positions),
                      velocities=tuple(p.velocities), accelerations=tuple(p.accelerations)) for p in msg.points]


def _tolerances(items: Any) -> list[ToleranceRequest]:
    return [ToleranceRequest(name=t.name, position=t.position, velocity=t.velocity, acceleration=t.acceleration)
            for t in items]


class FollowJointTrajectoryServer:
    """FollowJointTrajectory on ``node`` at ``action_name``, executing on ``port`` (see module doc)."""

    def __init__(self, node: Node, action_name: str, config: JtcConfig, port: ArmPort, *,
                 rate_hz: float | None = None, speed_scaling: Callable[[], float] | None = None,
                 topic: str | None = None) -> None:
        if tuple(port.joint_names) != tuple(config.joints):
            raise DriverError(f"port joints {list(port.joint_names)} differ from controller joints "
                              f"{list(config.joints)}")
        self.node, self.config, self.port = node, config, port
        self.rejections: list[str] = []  # why goals/messages were rejected, newest last (a real JTC logs them)
        self.accepted_count = 0  # goals and topic trajectories taken
        self._slot = GoalSlot(self._preempted_result)
        self._execution: TrajectoryExecution | None = None
        self._last_feedback = -1.0
        # UR's scaled JTC: trajectory time runs at the speed scaling (None = plain JTC, real time).
        self._speed_scaling = speed_scaling
        self._clock = ScaledClock()
        self._server = ActionServer(node, FollowJointTrajectory, action_name,
                                    execute_callback=self._slot.execute, goal_callback=self._on_goal,
                                    handle_accepted_callback=self._on_accepted, cancel_callback=self._on_cancel)
        self._timer = None if rate_hz is None else node.create_timer(1.0 / rate_hz, self.update)
        self._period = 0.0 if rate_hz is None else 1.0 / rate_hz  # each tick commands one period ahead, as JTC
        self._last_command: tuple[float, JointReading] | None = None
        # JTC's topic interface (<controller>/joint_trajectory): a valid message replaces the trajectory being
        # executed (an active goal stays active and is judged against it, as in JTC); an invalid one is dropped.
        self._subscription = None if topic is None else node.create_subscription(
            JointTrajectory, topic, self._on_topic, 10)

    @staticmethod
    def _preempted_result() -> Any:
        return FollowJointTrajectory.Result(error_code=ErrorCode.INVALID_GOAL,
                                            error_string="Current goal preempted by new incoming action.")

    def _now(self) -> float:
        return self.node.get_clock().now().nanoseconds * 1e-9

    def _trajectory_now(self) -> float:
        if self._speed_scaling is None:
            return self._now()
        return self._clock.advance(self._now(), self._speed_scaling())

    def _rejected(self, traj: Any) -> str:
        stamp = Time.from_msg(traj.header.stamp).nanoseconds * 1e-9
        reason = validate_trajectory(self.config, list(traj.joint_names), _points(traj), stamp=stamp, now=self._now())
        if reason:
            self.rejections.append(reason)
            self.node.get_logger().error(reason)
        return reason

    def _on_goal(self, goal: Any) -> GoalResponse:
        return GoalResponse.REJECT if self._rejected(goal.trajectory) else GoalResponse.ACCEPT

    def _start(self, traj: Any, tolerances: SegmentTolerances) -> None:
        stamp = Time.from_msg(traj.header.stamp).nanoseconds * 1e-9
        now = self._trajectory_now()
        if self._speed_scaling is not None:
            stamp = 0.0  # a future start stamp is in real time; the scaled clock starts the goal on arrival
        self._execution = TrajectoryExecution(
            config=self.config, joint_names=list(traj.joint_names), points=_points(traj), tolerances=tolerances,
            start_state=self.port.read(), start_time=stamp or now, accepted_at=now, update_period=self._period,
            desired_state=self._last_command)
        self.accepted_count += 1

    def _on_accepted(self, handle: Any) -> None:
        goal = handle.request
        tolerances, warning = resolve_tolerances(self.config, _tolerances(goal.path_tolerance),
                                                 _tolerances(goal.goal_tolerance), _seconds(goal.goal_time_tolerance))
        if warning:
            self.node.get_logger().error(warning)
        self._start(goal.trajectory, tolerances)
        self._last_feedback = -1.0
        self._slot.accepted(handle)

    def _on_topic(self, msg: Any) -> None:
        if not self._rejected(msg):
            self._start(msg, self._execution.tolerances if self._execution else default_tolerances(self.config))

    def _on_cancel(self, _handle: Any) -> CancelResponse:
        return CancelResponse.ACCEPT

    @property
    def active(self) -> bool:
        return self._execution is not None

    def update(self) -> None:
        """One controller tick: command the arm, publish feedback, settle the goal."""
        execution = self._execution
        if execution is None:
            return
        actual = self.port.read()
        if self._slot.cancel_requested:
            self._hold(actual.positions)
            self._slot.finish("canceled", FollowJointTrajectory.Result())
            return
        now = self._trajectory_now()
        step = execution.step(now, actual)
        command_p, command_v = step.command
        self.port.command(command_p, command_v)
        self._last_command = (now, JointReading(positions=tuple(command_p), velocities=tuple(command_v)))
        real_now = self._now()
        if real_now - self._last_feedback >= 1.0 / self.config.action_monitor_rate_hz or step.outcome is not None:
            self._publish_feedback(step.desired_positions, step.desired_velocities, actual)
            self._last_feedback = real_now
        if step.outcome is not None:
            code, text = step.outcome
            self._execution = None
            kind = "succeed" if code == ErrorCode.SUCCESSFUL else "abort"
            self._slot.finish(kind, FollowJointTrajectory.Result(error_code=int(code), error_string=text))

    def _hold(self, positions: Any) -> None:
        self._execution = None
        self.port.command(tuple(positions), (0.0,) * len(positions))
        self._last_command = None

    def _publish_feedback(self, desired_p: Any, desired_v: Any, actual: Any) -> None:
        handle = self._slot.handle
        if handle is None:
            return
        fb = FollowJointTrajectory.Feedback(joint_names=list(self.config.joints))
        fb.header.stamp = self.node.get_clock().now().to_msg()
        fb.desired.positions, fb.desired.velocities = list(desired_p), list(desired_v)
        fb.actual.positions, fb.actual.velocities = list(actual.positions), list(actual.velocities)
        fb.error.positions = [d - a for d, a in zip(desired_p, actual.positions, strict=True)]
        fb.error.velocities = [d - a for d, a in zip(desired_v, actual.velocities, strict=True)]
        handle.publish_feedback(fb)

    def destroy(self) -> None:
        if self._timer is not None:
            self.node.destroy_timer(self._timer)
        if self._subscription is not None:
            self.node.destroy_subscription(self._subscription)
        self._server.destroy()
