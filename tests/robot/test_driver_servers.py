"""robot/drivers: JTC and gripper semantics tick by tick, then the action servers over real DDS.

The server side runs this file as a script (``python test_driver_servers.py serve``): a small kinematic arm
(6 joints, velocity-limited tracking) and a parallel gripper that stops on an object 30 mm wide, stepped at
100 Hz, with the servers driving them through their ports.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from robot.drivers import (
    ErrorCode,
    FrankaGripperMotion,
    GripperActionMotion,
    JointReading,
    JtcConfig,
    ScaledClock,
    ToleranceRequest,
    TrajectoryExecution,
    TrajPoint,
    default_tolerances,
    resolve_tolerances,
    validate_trajectory,
)

JOINTS = tuple(f"joint_{i}" for i in range(1, 7))
CONFIG = JtcConfig(joints=JOINTS, trajectory_tolerance=(0.2,) * 6, goal_tolerance=(0.01,) * 6, goal_time=0.5)
OBJECT_WIDTH = 0.03
MAX_WIDTH = 0.08
V_MAX = 1.0  # rad/s of the test arm


class ArmPlant:
    """Joints that move toward their position target at most ``v_max`` rad/s (the feedforward velocity ignored)."""

    def __init__(self, n: int, v_max: float = V_MAX) -> None:
        self.q, self.v, self.target, self.v_max = [0.0] * n, [0.0] * n, [0.0] * n, v_max
        self.frozen: set[int] = set()

    def read(self) -> JointReading:
        return JointReading(positions=tuple(self.q), velocities=tuple(self.v))

    def command(self, positions: Any, _velocities: Any) -> None:
        self.target = list(positions)

    def tick(self, dt: float) -> None:
        for i, (q, t) in enumerate(zip(self.q, self.target, strict=True)):
            step = 0.0 if i in self.frozen else max(-self.v_max * dt, min(self.v_max * dt, t - q))
            self.q[i], self.v[i] = q + step, step / dt


class GripperPlant:
    """Fingers that move at the commanded speed and stop on an object of ``OBJECT_WIDTH`` when closing on it."""

    def __init__(self) -> None:
        self.width, self.target, self.speed = MAX_WIDTH, MAX_WIDTH, 0.1

    def read_width(self) -> float:
        return self.width

    def command(self, width: float, speed: float, _force: float) -> None:
        self.target, self.speed = width, speed

    def tick(self, dt: float) -> None:
        step = max(-self.speed * dt, min(self.speed * dt, self.target - self.width))
        floor = OBJECT_WIDTH if self.width >= OBJECT_WIDTH - 1e-9 else 0.0
        self.width = max(floor, self.width + step) if step < 0 else min(MAX_WIDTH, self.width + step)


def _run(execution: TrajectoryExecution, plant: ArmPlant, *, dt: float = 0.01, limit: float = 10.0) -> Any:
    t = execution.start_time
    while t < execution.start_time + limit:
        step = execution.step(t, plant.read())
        plant.command(*step.command)
        if step.outcome is not None:
            return step, t
        plant.tick(dt)
        t += dt
    raise AssertionError("no outcome")


def _execution(points: list[TrajPoint], plant: ArmPlant, tolerances: Any = None) -> TrajectoryExecution:
    return TrajectoryExecution(config=CONFIG, joint_names=JOINTS, points=points,
                               tolerances=tolerances or default_tolerances(CONFIG), start_state=plant.read(),
                               start_time=100.0)


# ---- JTC logic ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("names", "points", "stamp", "expected"), [
    (JOINTS[:5], [TrajPoint(time_from_start=1.0, positions=(0.0,) * 5)], 0.0, "don't match the controller joints"),
    (("joint_1", "joint_2", "joint_3", "joint_4", "joint_5", "elbow"), [TrajPoint(time_from_start=1.0,
     positions=(0.0,) * 6)], 0.0, "Incoming joint elbow"),
    (JOINTS, [], 0.0, "Empty trajectory"),
    (JOINTS, [TrajPoint(time_from_start=1.0, positions=(0.0,) * 6),
              TrajPoint(time_from_start=1.0, positions=(0.1,) * 6)], 0.0, "not strictly increasing"),
    (JOINTS, [TrajPoint(time_from_start=1.0, positions=(0.0,) * 6, velocities=(0.1,) * 6)], 0.0,
     "Velocity of last trajectory point"),
    (JOINTS, [TrajPoint(time_from_start=1.0, positions=(0.0,) * 6)], 40.0, "ends in the past"),
    (JOINTS, [TrajPoint(time_from_start=1.0, positions=(0.0,) * 4)], 0.0, "Mismatch between joint_names"),
])
def test_invalid_trajectories_are_rejected_with_the_reason(names: Any, points: Any, stamp: float,
                                                           expected: str) -> None:
    assert expected in validate_trajectory(CONFIG, names, points, stamp=stamp, now=50.0)


def test_a_reordered_trajectory_stamped_zero_is_accepted() -> None:
    names = tuple(reversed(JOINTS))
    assert validate_trajectory(CONFIG, names, [TrajPoint(time_from_start=0.5, positions=(0.1,) * 6)],
                               stamp=0.0, now=50.0) == ""


def test_goal_tolerances_override_erase_or_fall_back_to_the_defaults() -> None:
    tol, why = resolve_tolerances(CONFIG, [ToleranceRequest(name="joint_2", position=0.5)],
                                  [ToleranceRequest(name="joint_3", position=-1.0)], 0.0)
    assert why == "" and tol.state[1].position == 0.5 and tol.state[0].position == 0.2
    assert tol.goal[2].position == 0.0 and tol.goal[0].position == 0.01 and tol.goal_time == 0.5
    tol, why = resolve_tolerances(CONFIG, [ToleranceRequest(name="joint_9", position=0.5)], [], 1.0)
    assert "joint_9" in why and tol == default_tolerances(CONFIG)
    tol, why = resolve_tolerances(CONFIG, [ToleranceRequest(name="joint_2", position=-2.0)], [], 0.0)
    assert "illegal" in why and tol == default_tolerances(CONFIG)


def test_a_reachable_trajectory_succeeds_in_order_and_on_time() -> None:
    plant = ArmPlant(6)
    goal = tuple(0.1 * (i + 1) for i in range(6))
    names = tuple(reversed(JOINTS))  # the goal's order differs from the controller's
    execution = TrajectoryExecution(config=CONFIG, joint_names=names,
                                    points=[TrajPoint(time_from_start=1.5, positions=tuple(reversed(goal)))],
                                    tolerances=default_tolerances(CONFIG), start_state=plant.read(), start_time=100.0)
    step, t = _run(execution, plant)
    assert step.outcome == (ErrorCode.SUCCESSFUL, "Goal successfully reached!")
    assert plant.q == pytest.approx(goal, abs=0.011)
    assert 101.5 <= t < 101.6


def test_cubic_segments_pass_through_the_points_with_their_velocities() -> None:
    plant = ArmPlant(6)
    points = [TrajPoint(time_from_start=1.0, positions=(0.5,) * 6, velocities=(0.4,) * 6),
              TrajPoint(time_from_start=2.0, positions=(0.8,) * 6, velocities=(0.0,) * 6)]
    execution = _execution(points, plant)
    p, v = execution.sample(101.0)
    assert p == pytest.approx((0.5,) * 6) and v == pytest.approx((0.4,) * 6)
    p, v = execution.sample(100.5)
    assert all(0.0 < x < 0.5 for x in p)


def test_a_future_stamp_holds_until_then_and_a_past_stamp_skips_the_points_already_due() -> None:
    plant = ArmPlant(6)
    points = [TrajPoint(time_from_start=1.0, positions=(0.5,) * 6),
              TrajPoint(time_from_start=2.0, positions=(1.0,) * 6)]
    common: dict[str, Any] = dict(config=CONFIG, joint_names=JOINTS, points=points, start_state=plant.read(),
                                  tolerances=default_tolerances(CONFIG))
    later = TrajectoryExecution(**common, start_time=105.0, accepted_at=100.0)
    assert later.sample(104.0)[0] == (0.0,) * 6 and later.sample(106.0)[0] == pytest.approx((0.5,) * 6)
    # JTC writes no command before the stamp: the joints keep the last command written, not the state measured
    # at acceptance (the arm lagging behind its command).
    last = (99.99, JointReading(positions=(0.3,) * 6, velocities=(0.5,) * 6))
    held = TrajectoryExecution(**common, start_time=105.0, accepted_at=100.0, desired_state=last)
    assert held.sample(104.0) == ((0.3,) * 6, (0.0,) * 6)
    assert held.step(104.0, plant.read()).command[0] == pytest.approx((0.3,) * 6)
    # JTC samples a stamped trajectory on its own clock: 1.5 s in, half-way between the two points (the
    # first segment, from the state before, is over), whatever the arm's state at acceptance.
    midway = TrajectoryExecution(**common, start_time=98.5, accepted_at=100.0)
    assert midway.sample(100.0)[0] == pytest.approx((0.75,) * 6) and midway.end_time == 100.5
    assert midway.sample(100.25)[0] == pytest.approx((0.875,) * 6)


def test_the_action_double_samples_as_the_topic_path_does() -> None:
    """Item 4 of issue 15: quintic segments when the points carry accelerations, the state before from the last
    command with interpolate_from_desired_state, and the command one update period ahead -- the same
    interpolation (robot.drivers.jtc_interpolation) the topic path's model uses."""
    from robot.drivers.jtc_interpolation import StreamedTrajectory, TrajPointState

    plant = ArmPlant(6)
    points = [TrajPoint(time_from_start=0.5, positions=(0.2,) * 6, velocities=(0.6,) * 6, accelerations=(0.0,) * 6),
              TrajPoint(time_from_start=1.0, positions=(0.4,) * 6, velocities=(0.0,) * 6, accelerations=(0.0,) * 6)]
    unchecked, _ = resolve_tolerances(CONFIG, [ToleranceRequest(name=j, position=-1.0) for j in JOINTS], [], 0.0)
    execution = TrajectoryExecution(config=CONFIG, joint_names=JOINTS, points=points, tolerances=unchecked,
                                    start_state=plant.read(), start_time=100.0, update_period=0.001)
    reference = StreamedTrajectory([TrajPointState(time_from_start=p.time_from_start, positions=np.array(p.positions),
                                                   velocities=np.array(p.velocities),
                                                   accelerations=np.array(p.accelerations)) for p in points],
                                   start_time=100.0)
    reference.set_point_before(100.0, TrajPointState(positions=np.zeros(6), velocities=np.zeros(6)))
    for t in (100.1, 100.5, 100.73, 100.99):
        step = execution.step(t, plant.read())
        assert step.desired_positions == pytest.approx(tuple(reference.sample(t).positions), abs=1e-12)
        assert step.command[0] == pytest.approx(tuple(reference.sample(t + 0.001).positions), abs=1e-12)
    # Quintic Hermite, not cubic, on the second segment (0.2 -> 0.4 rad in 0.5 s, 0.6 rad/s -> 0, accelerations 0).
    s = 0.23 / 0.5
    quintic = 0.2 + 0.2 * (10 * s**3 - 15 * s**4 + 6 * s**5) + 0.6 * 0.5 * (s - 6 * s**3 + 8 * s**4 - 3 * s**5)
    cubic = 0.2 + 0.2 * (3 * s**2 - 2 * s**3) + 0.6 * 0.5 * (s**3 - 2 * s**2 + s)
    assert execution.sample(100.73)[0][0] == pytest.approx(quintic, abs=1e-12) and abs(quintic - cubic) > 5e-3
    # From the desired state: the last command (0.3 rad, moving at 0.5 rad/s) at its time, not the arm at rest.
    desired_config = JtcConfig(joints=JOINTS, interpolate_from_desired_state=True)
    last = (99.99, JointReading(positions=(0.3,) * 6, velocities=(0.5,) * 6))
    from_desired = TrajectoryExecution(config=desired_config, joint_names=JOINTS, points=points[1:],
                                       tolerances=default_tolerances(desired_config), start_state=plant.read(),
                                       start_time=100.0, desired_state=last)
    assert from_desired.sample(99.99)[0] == pytest.approx((0.3,) * 6)
    from_measured = TrajectoryExecution(config=CONFIG, joint_names=JOINTS, points=points[1:],
                                        tolerances=default_tolerances(CONFIG), start_state=plant.read(),
                                        start_time=100.0, desired_state=last)
    assert from_measured.sample(100.0)[0] == (0.0,) * 6


def test_a_stuck_joint_aborts_with_path_tolerance_and_holds_where_it_is() -> None:
    plant = ArmPlant(6)
    plant.frozen = {2}
    step, t = _run(_execution([TrajPoint(time_from_start=2.0, positions=(0.8,) * 6)], plant), plant)
    assert step.outcome[0] == ErrorCode.PATH_TOLERANCE_VIOLATED and "joint_3" in step.outcome[1]
    assert step.hold and step.desired_positions == pytest.approx(plant.q)
    assert t < 101.0  # 0.2 rad of error at 0.4 rad/s of desired motion: about 0.5 s in


def test_missing_the_goal_aborts_after_goal_time_tolerance() -> None:
    plant = ArmPlant(6, v_max=0.3)  # too slow to finish on time; the path tolerance is erased
    tolerances, _ = resolve_tolerances(CONFIG, [ToleranceRequest(name=j, position=-1.0) for j in JOINTS], [], 0.0)
    step, t = _run(_execution([TrajPoint(time_from_start=1.0, positions=(0.8,) * 6)], plant, tolerances), plant)
    assert step.outcome[0] == ErrorCode.GOAL_TOLERANCE_VIOLATED
    assert t == pytest.approx(101.5, abs=0.02)


def test_speed_scaling_pauses_and_slows_the_trajectory_clock() -> None:
    clock = ScaledClock()
    assert clock.advance(10.0, 1.0) == 0.0
    assert clock.advance(11.0, 0.0) == 0.0  # protective stop / paused program: the trajectory does not move
    assert clock.advance(12.0, 0.5) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="speed scaling"):
        clock.advance(13.0, float("nan"))


def test_jtc_config_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="goal_tolerance needs 6"):
        JtcConfig(joints=JOINTS, goal_tolerance=(0.1,))
    with pytest.raises(ValueError, match="unique"):
        JtcConfig(joints=("a", "a"))


# ---- gripper logic -----------------------------------------------------------------------------------------

def _run_gripper(motion: Any, plant: GripperPlant, franka: bool = True) -> Any:
    start_width, t = plant.width, motion.start_time
    for _ in range(1000):
        end = motion.step(t, plant.width, start_width) if franka else motion.step(t, plant.width)
        if end is not None:
            return end
        plant.tick(0.01)
        t += 0.01
    raise AssertionError("no end")


def test_franka_grasp_succeeds_on_the_object_within_epsilon_and_fails_outside() -> None:
    plant = GripperPlant()
    plant.command(0.028, 0.1, 20.0)
    end = _run_gripper(FrankaGripperMotion(kind="grasp", target=0.028, speed=0.1, start_time=0.0), plant)
    assert end.success and end.width == pytest.approx(OBJECT_WIDTH)
    plant = GripperPlant()
    plant.command(0.01, 0.1, 20.0)
    end = _run_gripper(FrankaGripperMotion(kind="grasp", target=0.01, speed=0.1, start_time=0.0), plant)
    assert not end.success and "outside" in end.reason


def test_franka_move_blocked_by_the_object_fails_naming_the_width() -> None:
    plant = GripperPlant()
    plant.command(0.0, 0.1, 0.0)
    end = _run_gripper(FrankaGripperMotion(kind="move", target=0.0, speed=0.1, start_time=0.0), plant)
    assert not end.success and end.stalled and "0.0300" in end.reason


def test_gripper_action_controller_stalls_unless_allowed() -> None:
    for allow in (False, True):
        plant = GripperPlant()
        plant.command(0.0, 0.1, 0.0)
        end = _run_gripper(GripperActionMotion(target=0.0, start_time=0.0, allow_stalling=allow), plant, False)
        assert end.stalled and end.success is allow


# ---- the servers over DDS ------------------------------------------------------------------------------------

def serve_main() -> None:
    import rclpy
    from rclpy.executors import SingleThreadedExecutor
    from sensor_msgs.msg import JointState
    from std_msgs.msg import Bool, Float64

    from robot.drivers import ArmPort, GripperPort
    from robot.drivers.gripper_servers import ErrorRecoveryServer, FrankaGripperServers, GripperCommandServer
    from robot.drivers.trajectory_server import FollowJointTrajectoryServer

    rclpy.init()
    node = rclpy.create_node("driver_double_test")
    arm, gripper = ArmPlant(6), GripperPlant()
    user_stop, scaling = [False], [1.0]
    node.create_subscription(Bool, "user_stop", lambda m: user_stop.__setitem__(0, m.data), 10)
    node.create_subscription(Float64, "speed_scaling", lambda m: scaling.__setitem__(0, m.data), 10)
    jtc = FollowJointTrajectoryServer(
        node, "joint_trajectory_controller/follow_joint_trajectory", CONFIG,
        ArmPort(joint_names=JOINTS, read=arm.read, command=arm.command), speed_scaling=lambda: scaling[0],
        topic="joint_trajectory_controller/joint_trajectory")
    joint_states = node.create_publisher(JointState, "joint_states", 10)
    port = GripperPort(max_width=MAX_WIDTH, read_width=gripper.read_width, command=gripper.command)
    robotiq = GripperCommandServer(node, "robotiq_gripper_controller/gripper_cmd", port, goal_tolerance=0.002)
    franka = FrankaGripperServers(node, "franka_gripper", port)
    ErrorRecoveryServer(node, "action_server/error_recovery",
                        lambda: "user stop pressed" if user_stop[0] else "")

    def tick() -> None:
        arm.tick(0.01)
        joint_states.publish(JointState(name=list(JOINTS), position=list(arm.q), velocity=list(arm.v)))
        gripper.tick(0.01)
        jtc.update()
        robotiq.update()
        franka.update()

    node.create_timer(0.01, tick)
    executor = SingleThreadedExecutor()
    executor.add_node(node)
    with contextlib.suppress(KeyboardInterrupt, rclpy.executors.ExternalShutdownException):
        executor.spin()


@pytest.fixture(scope="module")
def server() -> Any:
    from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

    with allocate_domain_id() as domain:
        node = NodeProcess(script=Path(sys.executable).name, domain=domain, args=[__file__, "serve"])
        with node, RosProbe(domain, "driver_servers_test") as probe:
            yield probe


def _goal(probe: Any, action: Any, name: str, goal: Any, *, then_cancel: bool = False) -> Any:
    """Send ``goal``; the goal handle (None if rejected) and its result future (optionally after a cancel)."""
    from rclpy.action import ActionClient

    client: Any = ActionClient(probe.node, action, name)
    assert client.wait_for_server(timeout_sec=30.0), name
    feedback: list[Any] = []
    future = client.send_goal_async(goal, feedback_callback=lambda fb: feedback.append(fb.feedback))
    assert probe.spin_until(future.done, 30.0)
    handle = future.result()
    if not handle.accepted:
        return None, None, feedback
    if then_cancel:
        probe.spin_for(0.3)
        cancel = handle.cancel_goal_async()
        assert probe.spin_until(cancel.done, 30.0)
    return handle, handle.get_result_async(), feedback


def _trajectory_goal(positions: Any, seconds: float, names: Any = JOINTS) -> Any:
    from builtin_interfaces.msg import Duration
    from trajectory_msgs.msg import JointTrajectoryPoint

    from robot.ros_interfaces import FollowJointTrajectory

    goal = FollowJointTrajectory.Goal()
    goal.trajectory.joint_names = list(names)
    goal.trajectory.points = [JointTrajectoryPoint(positions=list(positions), time_from_start=Duration(
        sec=int(seconds), nanosec=int(seconds % 1 * 1e9)))]
    return goal


SUCCEEDED, CANCELED, ABORTED = 4, 5, 6  # action_msgs/GoalStatus


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_follow_joint_trajectory_succeeds_rejects_preempts_and_cancels(server: Any) -> None:
    from robot.ros_interfaces import FollowJointTrajectory

    probe, name = server, "joint_trajectory_controller/follow_joint_trajectory"
    _, result, feedback = _goal(probe, FollowJointTrajectory, name, _trajectory_goal([0.2] * 6, 0.6))
    assert probe.spin_until(result.done, 30.0)
    assert result.result().status == SUCCEEDED
    assert result.result().result.error_code == FollowJointTrajectory.Result.SUCCESSFUL
    assert feedback and list(feedback[-1].joint_names) == list(JOINTS)
    assert feedback[-1].actual.positions.tolist() == pytest.approx([0.2] * 6, abs=0.011)

    wrong_names = _trajectory_goal([0.2] * 6, 0.6, names=[*JOINTS[:5], "elbow"])
    handle, _, _ = _goal(probe, FollowJointTrajectory, name, wrong_names)
    assert handle is None  # rejected, as JTC rejects unknown joints

    _, first, _ = _goal(probe, FollowJointTrajectory, name, _trajectory_goal([0.0] * 6, 3.0))
    _, second, _ = _goal(probe, FollowJointTrajectory, name, _trajectory_goal([0.1] * 6, 3.0), then_cancel=True)
    assert probe.spin_until(lambda: first.done() and second.done(), 30.0)
    assert first.result().status == ABORTED
    assert first.result().result.error_code == FollowJointTrajectory.Result.INVALID_GOAL
    assert "preempted" in first.result().result.error_string
    assert second.result().status == CANCELED


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_zero_speed_scaling_pauses_a_goal_until_it_is_restored(server: Any) -> None:
    from std_msgs.msg import Float64

    from robot.ros_interfaces import FollowJointTrajectory

    probe = server
    probe.publisher(Float64, "speed_scaling")
    assert probe.wait_for_subscriber("speed_scaling")
    probe.publish(Float64, "speed_scaling", Float64(data=0.0))
    probe.spin_for(0.3)
    _, result, feedback = _goal(probe, FollowJointTrajectory, "joint_trajectory_controller/follow_joint_trajectory",
                                _trajectory_goal([-0.3] * 6, 1.0))  # <= 0.6 rad/s from anywhere here
    probe.spin_for(1.0)
    assert not result.done()  # paused: 1 s of real time is 0 s of trajectory time
    assert feedback and feedback[-1].desired.positions.tolist() == pytest.approx(
        feedback[-1].actual.positions.tolist(), abs=1e-6)
    probe.publish(Float64, "speed_scaling", Float64(data=1.0))
    assert probe.spin_until(result.done, 30.0) and result.result().status == SUCCEEDED
    assert feedback[-1].actual.positions.tolist() == pytest.approx([-0.3] * 6, abs=0.011)


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_topic_trajectories_run_unless_jtc_would_drop_them(server: Any) -> None:
    from sensor_msgs.msg import JointState
    from trajectory_msgs.msg import JointTrajectory

    probe, topic = server, "joint_trajectory_controller/joint_trajectory"
    states = probe.subscribe(JointState, "joint_states")
    probe.publisher(JointTrajectory, topic)
    assert probe.wait_for_subscriber(topic)
    probe.publish(JointTrajectory, topic, _trajectory_goal([0.25] * 6, 0.8).trajectory)  # stamp 0: start now
    assert probe.spin_until(lambda: bool(states) and list(states[-1][1].position) == pytest.approx(
        [0.25] * 6, abs=1e-3), 30.0)
    wrong = _trajectory_goal([0.0] * 6, 0.5, names=[*JOINTS[:5], "elbow"]).trajectory
    past = _trajectory_goal([0.0] * 6, 0.5).trajectory
    past.header.stamp.sec = 1  # ends in 1970: JTC drops it
    for msg in (wrong, past):
        probe.publish(JointTrajectory, topic, msg)
    probe.spin_for(1.0)
    assert list(states[-1][1].position) == pytest.approx([0.25] * 6, abs=1e-3)


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_an_unreachable_trajectory_aborts_with_path_tolerance_violated(server: Any) -> None:
    from robot.ros_interfaces import FollowJointTrajectory

    goal = _trajectory_goal([1.5] * 6, 0.5)  # 3 rad/s against the arm's 1 rad/s
    _, result, _ = _goal(server, FollowJointTrajectory, "joint_trajectory_controller/follow_joint_trajectory", goal)
    assert server.spin_until(result.done, 30.0)
    assert result.result().status == ABORTED
    assert result.result().result.error_code == FollowJointTrajectory.Result.PATH_TOLERANCE_VIOLATED


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_gripper_actions_grasp_move_home_and_command(server: Any) -> None:
    from robot.ros_interfaces import Grasp, GraspEpsilon, GripperCommand, GripperCommandMsg, Homing, Move

    probe = server
    _, homing, _ = _goal(probe, Homing, "franka_gripper/homing", Homing.Goal())
    assert probe.spin_until(homing.done, 30.0) and homing.result().status == SUCCEEDED
    assert homing.result().result.success
    grasp_goal = Grasp.Goal(width=0.029, speed=0.1, force=20.0, epsilon=GraspEpsilon(inner=0.005, outer=0.005))
    _, grasp, feedback = _goal(probe, Grasp, "franka_gripper/grasp", grasp_goal)
    assert probe.spin_until(grasp.done, 30.0) and grasp.result().status == SUCCEEDED
    assert feedback and feedback[-1].current_width == pytest.approx(OBJECT_WIDTH, abs=1e-3)
    _, move, _ = _goal(probe, Move, "franka_gripper/move", Move.Goal(width=0.01, speed=0.1))
    assert probe.spin_until(move.done, 30.0) and move.result().status == ABORTED
    assert not move.result().result.success and "blocked" in move.result().result.error
    handle, _, _ = _goal(probe, Move, "franka_gripper/move", Move.Goal(width=0.2, speed=0.1))
    assert handle is None  # beyond max width: rejected
    goal = GripperCommand.Goal(command=GripperCommandMsg(position=0.07, max_effort=10.0))
    _, command, _ = _goal(probe, GripperCommand, "robotiq_gripper_controller/gripper_cmd", goal)
    assert probe.spin_until(command.done, 30.0) and command.result().status == SUCCEEDED
    assert command.result().result.reached_goal and command.result().result.position == pytest.approx(0.07, abs=0.002)


@pytest.mark.ros
@pytest.mark.xdist_group("driver_servers")
def test_error_recovery_succeeds_or_aborts_with_the_arm(server: Any) -> None:
    from std_msgs.msg import Bool

    from robot.ros_interfaces import ErrorRecovery

    probe = server
    _, ok, _ = _goal(probe, ErrorRecovery, "action_server/error_recovery", ErrorRecovery.Goal())
    assert probe.spin_until(ok.done, 30.0) and ok.result().status == SUCCEEDED
    probe.publisher(Bool, "user_stop")
    assert probe.wait_for_subscriber("user_stop")
    probe.publish(Bool, "user_stop", Bool(data=True))
    probe.spin_for(0.5)
    _, failed, _ = _goal(probe, ErrorRecovery, "action_server/error_recovery", ErrorRecovery.Goal())
    assert probe.spin_until(failed.done, 30.0) and failed.result().status == ABORTED


if __name__ == "__main__" and sys.argv[1:] == ["serve"]:
    serve_main()
