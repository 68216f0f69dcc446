"""``armstack-sim-arm``: the MuJoCo-backed arm as a ROS 2 node (thin wiring around :class:`robot.sim_arm.SimArm`).

Publishes ``joint_states`` at ``publish_rate_hz`` (one fresh reading per physics step, efforts with a motor's
ripple; effort in N m, or as motor current in A for the ``ur`` profile, as ur_robot_driver:
``robot.drivers.motor_current``), ``estop`` (heartbeat), ``scene/objects`` and
``scene/object_poses`` (ground truth; off with ``publish_objects: false`` when perception publishes them, and then
on ``~/ground_truth`` for evaluation with ``publish_ground_truth``), ``<camera>/image_raw`` + ``camera_info`` (+
``depth/image_raw``) with ``camera`` set, ``~/events`` (one JSON object per injection, clearing, scene reset or
rejected input; transient-local so a late subscriber still gets them) and ``~/stats`` (1 Hz JSON: achieved
publish rate, period jitter, physics overruns). Subscribes ``<controller>/joint_trajectory``,
``<controller>/commands``, ``<gripper_controller>/commands``, ``~/inject``, ``~/clear``, ``~/scene_reset``.
With ``record: FILE.mcap`` it records what it published and every command it received, rejected ones included
(an account of what the bridge sent that does not depend on the bridge).

One dedicated thread steps physics and publishes on a fixed schedule, so the executor's callbacks (commands,
injections) never delay a joint state; one lock serialises access to the core.

Parameters are declared ROS parameters (``robot.node_params``): ``-p name:=value`` overrides the file;
``estop_heartbeat`` changes live with ``ros2 param set``, the rest are read-only.

Run: ``armstack-sim-arm --ros-args --params-file launch/config/panda.yaml [-p publish_rate_hz:=500.0]``.
"""

from __future__ import annotations

import collections
import contextlib
import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from geometry_msgs.msg import Pose, PoseArray
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import JointState
from std_msgs.msg import Bool, Float64MultiArray, String
from trajectory_msgs.msg import JointTrajectory

from robot.drivers.motor_current import torque_per_amp, torque_to_current
from robot.errors import RobotError
from robot.fault_injection import JointSample
from robot.msg_types import MissingInterfaceError, import_interface
from robot.node_params import DeclaredParameters, dataclass_values, params_files
from robot.node_runner import spin_node
from robot.recording import Recorder, RecordingError
from robot.sim_arm import SimArm
from robot.sim_arm_config import (
    DESCRIPTIONS,
    LIVE,
    NODE_NAME,
    RANGES,
    SimArmConfig,
    read_params_files,
    sim_arm_config_from_parameters,
)
from robot.vendor_profiles import StatusTopic, get_profile

__all__ = ["SimArmNode", "config_from_argv", "main"]

STATS_PERIOD_S = 1.0
GRIPPER_SERVER_HZ = 50.0
"""How often the double's gripper action servers check their goal (franka_gripper publishes its state at 50 Hz)."""
STATUS_MAX_HZ = 100.0
"""Streamed driver status (speed scaling, franka robot state) and the franka finger states go out at most this
often from the double: the real broadcasters' 100 Hz-1 kHz would cost a loaded CI host more than it tests."""
EFFORT_NOISE_NM = 0.01
"""Standard deviation of the double's arm joint efforts around the simulated torque (N m, before the ``ur``
profile's conversion to A): far below any effort limit, enough that a reading at rest is never bit-identical."""
# Rejected commands can arrive at the control rate: log the first of each kind per window, count the rest.
REJECT_LOG_WINDOW_S = 1.0


class SimArmNode(Node):
    """The simulated arm: publishes joint states and ground truth, follows commands, injects faults."""

    def __init__(self, config: SimArmConfig) -> None:
        """``config`` as read from the parameter files; ``-p`` overrides apply on top (a bad one raises
        ``ParameterError``)."""
        super().__init__(NODE_NAME)
        values, hints = dataclass_values(config)
        self._declared = DeclaredParameters(self, values, hints, build=sim_arm_config_from_parameters,
                                            descriptions=DESCRIPTIONS, ranges=RANGES, live=LIVE,
                                            on_change=self._on_config)
        self.config = config = self._declared.value
        self.arm = SimArm(config)
        self._lock = threading.Lock()
        self._running = threading.Event()
        self._thread: threading.Thread | None = None
        self._intervals: collections.deque[float] = collections.deque(maxlen=max(10, int(config.publish_rate_hz * 5)))
        self._published = 0
        self._late_ticks = 0
        self._rejects: dict[str, tuple[float, int]] = {}
        self._last_estop: bool | None = None
        self._every_status = max(1, round(config.publish_rate_hz / STATUS_MAX_HZ))
        self._rng = np.random.default_rng(config.seed)
        self._effort_limit = np.array(self.arm.spec.effort_limits)

        events_qos = QoSProfile(depth=200, reliability=ReliabilityPolicy.RELIABLE,
                                durability=DurabilityPolicy.TRANSIENT_LOCAL)
        self.vendor = get_profile(config.profile)
        # UR's driver publishes motor current (A) as effort: the double converts the joint torque the same way.
        self._per_amp = None if self.vendor.effort_is_torque else torque_per_amp(config.robot)
        self.joint_pub = self.create_publisher(JointState, self.vendor.joint_states_topic, 10)
        self.gripper_state_pub = self.create_publisher(JointState, self.vendor.gripper_state_topic, 10) \
            if self.vendor.gripper_state_topic else None
        # The driver's status topics, as the real driver offers them (a type without its binding is left out and
        # logged: the bridge's preflight then names the missing topic).
        self._status: list[tuple[StatusTopic, Any, Any]] = []
        self._status_sent: dict[str, Any] = {}
        for status in self.vendor.status:
            try:
                msg_type = import_interface(status.msg_type)
            except MissingInterfaceError as exc:
                self.get_logger().error(f"driver double: {status.topic} not offered: {exc}")
                continue
            qos = QoSProfile(depth=1, reliability=ReliabilityPolicy.RELIABLE,
                             durability=DurabilityPolicy.TRANSIENT_LOCAL) if status.latched else 10
            self._status.append((status, msg_type, self.create_publisher(msg_type, status.topic, qos)))
        self.estop_pub = self.create_publisher(Bool, "estop", 10)
        # Without publish_objects nothing of the sim's may appear on scene/objects (perception publishes there):
        # not even an idle publisher in the graph.
        if config.publish_objects:
            self.objects_pub = self.create_publisher(String, "scene/objects", 10)
            self.poses_pub = self.create_publisher(PoseArray, "scene/object_poses", 10)
        self.events_pub = self.create_publisher(String, "~/events", events_qos)
        self.stats_pub = self.create_publisher(String, "~/stats", 10)
        ctl, grip = config.controller, config.gripper_controller
        self._subs = {
            "trajectory": self.create_subscription(JointTrajectory, f"{ctl}/joint_trajectory", self._on_trajectory, 10),
            "positions": self.create_subscription(Float64MultiArray, f"{ctl}/commands", self._on_positions, 10),
            "gripper": self.create_subscription(Float64MultiArray, f"{grip}/commands", self._on_gripper, 10),
            "inject": self.create_subscription(String, "~/inject", self._on_inject, 10),
            "clear": self.create_subscription(String, "~/clear", self._on_clear, 10),
            "scene_reset": self.create_subscription(String, "~/scene_reset", self._on_scene_reset, 10),
        }
        self._servers: list[Any] = self._driver_servers()
        self._switched_off: set[str] = set()
        self.controller_manager = self._controller_manager()
        self.recorder = Recorder(config.record, background=True) if config.record else None
        self.camera_pubs: list[Any] = []
        if config.cameras:
            from robot.sim_camera_publisher import SimCameraPublisher

            self.camera_pubs = [SimCameraPublisher(self, self.arm.model, self.arm.data, camera,
                                                   rate_hz=config.camera_rate_hz,
                                                   size=(config.camera_width, config.camera_height), lock=self._lock,
                                                   depth=config.camera_depth, shadows=config.camera_shadows)
                                for camera in config.cameras]
        self.camera_pub: Any = self.camera_pubs[0] if self.camera_pubs else None
        self.truth_pub = self.create_publisher(String, "~/ground_truth", 10) if config.publish_ground_truth else None
        self.get_logger().info(
            f"sim arm {config.robot} ({config.sim_model} model): joint_states at {config.publish_rate_hz:g} Hz, "
            f"joints {', '.join(self.arm.joint_names)}; first task: {self.arm.goal['instruction']}")

    def _driver_servers(self) -> list[Any]:
        """The vendor double's action servers: the gripper's (GripperCommand, or franka_gripper's homing, move and
        grasp) and franka's error recovery, with the vendors' semantics (robot/drivers/)."""
        vendor = self.vendor
        if vendor.gripper == "topic" and not vendor.recovery_action:
            return []
        from robot.drivers.gripper_servers import ErrorRecoveryServer, FrankaGripperServers, GripperCommandServer
        from robot.drivers.ports import GripperPort

        # franka_gripper's width is the whole opening (two fingers); GripperCommand's position is one finger's.
        scale = 2.0 if vendor.gripper == "franka_gripper" else 1.0
        arm = self.arm

        def width_now() -> float:  # with the lock held
            return scale * float(np.mean(arm.data.qpos[arm.view.grip_q]))

        def read_width() -> float:
            with self._lock:
                return width_now()

        def command(width: float, speed: float, force: float) -> None:
            with self._lock:
                arm.command_gripper([width / scale])
                measured = width_now()
            # One event per goal phase (the servers command the port only then): what the gripper was told.
            self._event({"event": "gripper_command", "width": width, "speed": speed, "force": force,
                         "measured_width": measured})

        port = GripperPort(max_width=scale * arm.spec.gripper_open, read_width=read_width, command=command)
        servers: list[Any] = []
        if vendor.gripper == "gripper_command":
            servers.append(GripperCommandServer(self, vendor.gripper_action, port, rate_hz=GRIPPER_SERVER_HZ))
        elif vendor.gripper == "franka_gripper":
            servers.append(FrankaGripperServers(self, vendor.gripper_action, port, rate_hz=GRIPPER_SERVER_HZ))
        if vendor.recovery_action:
            servers.append(ErrorRecoveryServer(self, vendor.recovery_action, self._recover))
        return servers

    def _controller_manager(self) -> Any:
        """The driver's controller_manager list/switch services, with the profile's controllers (None: generic).
        The command controller is inactive while the ``controller_inactive`` fault lasts or after a switch
        deactivated it: the arm then holds and ignores that controller's commands, as an inactive JTC does."""
        if not self.vendor.controllers:
            return None
        try:
            from robot.drivers.controller_manager import ControllerManagerServer, LoadedController
        except ImportError as exc:  # the bindings are not built: the bridge's preflight names the missing service
            self.get_logger().error(f"driver double: controller_manager not offered: {exc}")
            return None
        loaded = [LoadedController(name=n, type=t, active=a) for n, t, a in self.vendor.controllers]
        ctl = self.config.controller
        if ctl not in {c.name for c in loaded}:
            loaded.append(LoadedController(name=ctl, type="joint_trajectory_controller/JointTrajectoryController"))
        faults = self.arm.faults
        return ControllerManagerServer(
            self, loaded, forced_inactive=lambda: (ctl,) if faults.is_active("controller_inactive") else (),
            on_switch=self._on_switch)

    def _on_switch(self, name: str, active: bool) -> None:
        with self._lock:
            if active:
                self._switched_off.discard(name)
            else:
                self._switched_off.add(name)
                if name == self.config.controller:  # a deactivated controller leaves the arm where it is
                    self.arm.hold()
        self._event({"event": "switch_controller", "controller": name, "active": active})

    def _recover(self) -> str:
        """franka's automatic error recovery: ends a reflex; a pressed user stop must be released first."""
        with self._lock:
            if self.arm.faults.is_active("user_stop"):
                return "user stop pressed: release it before recovering"
            events = self.arm.faults.recover(self._now()[0])
        for event in events:
            self._event(event)
        return ""

    def _on_config(self, config: SimArmConfig) -> None:
        """A ``ros2 param set`` of a live parameter, validated already: the loop reads it at its next tick."""
        self.config = config
        self.get_logger().info(f"parameters changed: estop_heartbeat={config.estop_heartbeat}")

    # --- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        self._running.set()
        self._thread = threading.Thread(target=self._loop, name="sim_arm_loop", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        for camera_pub in self.camera_pubs:
            camera_pub.close()
        if self.recorder is not None:
            try:
                self.recorder.close()
            except RecordingError as exc:
                self.get_logger().error(f"recording incomplete: {exc}")

    def _record(self, topic: str, msg_type: str, msg: Any, stamp_ns: int | None = None) -> None:
        """Append to the recording (if any); a failing recording is reported once and switched off."""
        if self.recorder is None:
            return
        try:
            self.recorder.write(topic, msg_type, msg, self._now()[1] if stamp_ns is None else stamp_ns)
        except RecordingError as exc:
            self.get_logger().error(f"recording stopped: {exc}")
            recorder, self.recorder = self.recorder, None
            with contextlib.suppress(RecordingError):
                recorder.close()

    def _now(self) -> tuple[float, int]:
        ns = self.get_clock().now().nanoseconds
        return ns * 1e-9, ns

    # --- the real-time loop ------------------------------------------------------------------------
    def _loop(self) -> None:
        cfg = self.config
        period = 1.0 / cfg.publish_rate_hz
        every_estop = max(1, round(cfg.publish_rate_hz / cfg.estop_rate_hz))
        every_objects = max(1, round(cfg.publish_rate_hz / cfg.objects_rate_hz))
        every_stats = max(1, round(cfg.publish_rate_hz * STATS_PERIOD_S))
        start = time.monotonic()
        deadline, last_tick, tick = start, start, 0
        while self._running.is_set() and self.context.ok():
            delay = deadline - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            now_mono = time.monotonic()
            if now_mono - deadline > period:
                # More than a whole period late: re-anchor instead of publishing a burst to catch up.
                self._late_ticks += 1
                deadline = now_mono
            deadline += period
            self._intervals.append(now_mono - last_tick)
            last_tick = now_mono
            try:
                self._tick(now_mono - start, tick, every_estop, every_objects, every_stats)
            except Exception as exc:  # a failing tick must not silently kill the arm's only thread
                if not self.context.ok():
                    return  # SIGINT/SIGTERM shut the context down under us: a normal exit
                self.get_logger().error(f"sim arm tick failed: {exc!r}")
                self._event({"event": "error", "reason": repr(exc)})
            tick += 1

    def _tick(self, elapsed: float, tick: int, every_estop: int, every_objects: int, every_stats: int) -> None:
        now, now_ns = self._now()
        with self._lock:
            stepped = self.arm.advance(elapsed)
            events = self.arm.faults.expire(now)
            # A tick that took no physics step (ticks bunched after a late one) has no new reading to publish: the
            # same values again would read as a frozen stream, which a real driver never sends.
            samples = self.arm.faults.filter(self._reading(self.arm.sample(now_ns)), now) if stepped else []
            estop = self.arm.faults.estop_asserted
            halted, scaling = self.arm.faults.halted_by, self.arm.faults.speed_scaling
            heartbeat = self.config.estop_heartbeat and not self.arm.faults.heartbeat_suppressed
            want = tick % every_objects == 0 and (self.config.publish_objects or self.truth_pub is not None)
            objects = self.arm.objects_message(now) if want else None
        for event in events:
            self._event(event)
        n_arm = self.arm.n_arm if not self.vendor.fingers_in_joint_states else len(self.arm.joint_names)
        for sample in samples:
            msg = _joint_state(sample, 0, n_arm, self._per_amp)  # a driver profile's arm stream carries no fingers
            self.joint_pub.publish(msg)
            self._record(self.joint_pub.topic_name, "sensor_msgs/msg/JointState", msg, now_ns)
            self._published += 1
        if self.gripper_state_pub is not None and samples and tick % self._every_status == 0:
            self.gripper_state_pub.publish(_joint_state(samples[-1], self.arm.n_arm, len(self.arm.joint_names)))
        self._publish_status(tick, now_ns, halted, scaling)
        if tick % every_estop == 0 and (estop or heartbeat or estop != self._last_estop):
            estop_msg = Bool(data=estop)
            self.estop_pub.publish(estop_msg)
            self._record(self.estop_pub.topic_name, "std_msgs/msg/Bool", estop_msg, now_ns)
            self._last_estop = estop
        if objects is not None and self.truth_pub is not None:
            self.truth_pub.publish(String(data=json.dumps(objects)))
        if objects is not None and self.config.publish_objects:
            self._publish_objects(objects, now_ns)
        if tick % every_stats == every_stats - 1:
            self.stats_pub.publish(String(data=json.dumps(self.stats())))

    def _reading(self, sample: JointSample) -> JointSample:
        """The arm joints' efforts as a driver reads them: the true torque plus ripple of :data:`EFFORT_NOISE_NM`.
        MuJoCo at rest settles on a bit-exact fixed point; a real arm's readings never repeat exactly (motor
        currents ripple even at standstill), and the bridge takes bit-identical readings for a frozen stream
        (``frozen_state``). Positions stay exact: the bridge's commands may follow them. An actuator saturated at
        its limit still reads at most the limit."""
        n, limit = self.arm.n_arm, self._effort_limit
        noisy = self._rng.normal(sample.effort[:n], EFFORT_NOISE_NM).clip(-limit, limit).tolist()
        return replace(sample, effort=(*noisy, *sample.effort[n:]))

    def _publish_objects(self, objects: dict[str, Any], now_ns: int) -> None:
        text = String(data=json.dumps(objects))
        self.objects_pub.publish(text)
        self._record(self.objects_pub.topic_name, "std_msgs/msg/String", text, now_ns)
        poses = PoseArray()
        poses.header.stamp.sec, poses.header.stamp.nanosec = divmod(now_ns, 1_000_000_000)
        poses.header.frame_id = objects["frame"]
        for obj in objects["objects"]:
            pose = Pose()
            pose.position.x, pose.position.y, pose.position.z = obj["position"]
            q = obj["quaternion"]
            pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z = q
            poses.poses.append(pose)
        self.poses_pub.publish(poses)

    def _publish_status(self, tick: int, now_ns: int, halted: str | None, scaling: float) -> None:
        """The driver's status topics: latched ones when their value changes, streamed ones at their rate (at most
        :data:`STATUS_MAX_HZ` in the double)."""
        for status, msg_type, pub in self._status:
            msg = msg_type()
            if status.msg_type == "ur_dashboard_msgs/msg/RobotMode":
                msg.mode = 7  # RUNNING: a protective or program stop leaves the robot mode as it is
            elif status.msg_type == "ur_dashboard_msgs/msg/SafetyMode":
                msg.mode = 3 if halted == "protective_stop" else 1  # PROTECTIVE_STOP or NORMAL
            elif status.msg_type == "std_msgs/msg/Bool":
                msg.data = halted not in ("protective_stop", "program_stop")  # a protective stop pauses the program
            elif status.msg_type == "std_msgs/msg/Float64":
                msg.data = 0.0 if halted == "protective_stop" else scaling
            elif status.msg_type == "franka_msgs/msg/FrankaRobotState":
                msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(now_ns, 1_000_000_000)
                msg.robot_mode = {"reflex": 4, "user_stop": 5}.get(halted or "", 2)  # REFLEX, USER_STOPPED, MOVE
                if hasattr(msg.current_errors, "joint_reflex"):
                    msg.current_errors.joint_reflex = halted == "reflex"
            if status.latched:
                key = repr(msg)
                if self._status_sent.get(status.topic) == key:
                    continue
                self._status_sent[status.topic] = key
            elif tick % self._every_status:
                continue
            pub.publish(msg)

    def stats(self) -> dict[str, Any]:
        """Achieved publish rate and period jitter over the last few seconds, and the physics counters."""
        intervals = sorted(self._intervals)
        with self._lock:
            out: dict[str, Any] = {"published": self._published, "late_ticks": self._late_ticks, **self.arm.stats()}
        if intervals:
            mean = sum(intervals) / len(intervals)
            out.update(rate_hz=1.0 / mean if mean > 0 else 0.0, period_ms_p50=1e3 * intervals[len(intervals) // 2],
                       period_ms_p99=1e3 * intervals[min(len(intervals) - 1, int(0.99 * len(intervals)))],
                       period_ms_max=1e3 * intervals[-1], target_period_ms=1e3 / self.config.publish_rate_hz)
        return out

    # --- inputs ------------------------------------------------------------------------------------
    def _event(self, event: dict[str, Any]) -> None:
        text = String(data=json.dumps(event))
        self.events_pub.publish(text)
        self._record(self.events_pub.topic_name, "std_msgs/msg/String", text)

    def _guarded(self, topic: str, action: Callable[[], dict[str, Any] | list[dict[str, Any]] | None]) -> None:
        try:
            with self._lock:
                result = action()
        except RobotError as exc:
            self._reject(topic, str(exc))
            return
        for event in [result] if isinstance(result, dict) else result or []:
            self.get_logger().info(f"{topic}: {json.dumps(event)}")
            self._event(event)

    def _reject(self, topic: str, reason: str) -> None:
        now = time.monotonic()
        since, count = self._rejects.get(topic, (-REJECT_LOG_WINDOW_S, 0))
        if now - since >= REJECT_LOG_WINDOW_S:
            self.get_logger().error(f"{topic}: rejected: {reason}" + (f" ({count} more since)" if count else ""))
            self._event({"event": "rejected", "topic": topic, "reason": reason, "suppressed": count})
            self._rejects[topic] = (now, 0)
        else:
            self._rejects[topic] = (since, count + 1)

    def _on_trajectory(self, msg: JointTrajectory) -> None:
        self._record(self._subs["trajectory"].topic_name, "trajectory_msgs/msg/JointTrajectory", msg)
        topic = f"{self.config.controller}/joint_trajectory"
        if not msg.points:
            self._reject(topic, "a trajectory without points")
            return
        # As ros2_controllers' JointTrajectoryController: a zero stamp starts the trajectory on arrival; a
        # stamped one that already ended when it arrives is dropped (a bridge that stamped `now` with a 10 ms
        # horizon lost 3.7% of its commands that way under load).
        stamp_ns = msg.header.stamp.sec * 1_000_000_000 + msg.header.stamp.nanosec
        stamp_age: float | None = None  # a stamped trajectory's time zero: this long before its arrival
        if stamp_ns:
            last = msg.points[-1].time_from_start
            now_ns = self._now()[1]
            stamp_age = (now_ns - stamp_ns) * 1e-9
            late_ns = now_ns - (stamp_ns + last.sec * 1_000_000_000 + last.nanosec)
            if late_ns > 0:
                self._reject(topic, f"trajectory ended {late_ns * 1e-6:.1f} ms before it arrived (header.stamp + "
                                    "time_from_start); a zero stamp starts a trajectory on arrival")
                return
        if self.config.controller in self._switched_off:
            self._reject(topic, f"{self.config.controller} is inactive (switched off): command ignored")
            return
        if len(msg.points) == 1:
            self._guarded(topic, lambda: self.arm.command_trajectory(msg.joint_names, msg.points[0].positions))
        else:
            points = [(p.time_from_start.sec + p.time_from_start.nanosec * 1e-9, p.positions, p.velocities,
                       p.accelerations) for p in msg.points]
            self._guarded(topic, lambda: self.arm.command_trajectory_points(msg.joint_names, points,
                                                                            stamp_age=stamp_age))

    def _on_positions(self, msg: Float64MultiArray) -> None:
        self._record(self._subs["positions"].topic_name, "std_msgs/msg/Float64MultiArray", msg)
        if self.config.controller in self._switched_off:
            self._reject(f"{self.config.controller}/commands", f"{self.config.controller} is inactive (switched off)")
            return
        self._guarded(f"{self.config.controller}/commands", lambda: self.arm.command_positions(msg.data))

    def _on_gripper(self, msg: Float64MultiArray) -> None:
        self._record(self._subs["gripper"].topic_name, "std_msgs/msg/Float64MultiArray", msg)
        self._guarded(f"{self.config.gripper_controller}/commands", lambda: self.arm.command_gripper(msg.data))

    def _on_inject(self, msg: String) -> None:
        self._guarded("~/inject", lambda: self.arm.faults.inject(msg.data, self._now()[0]))

    def _on_clear(self, msg: String) -> None:
        self._guarded("~/clear", lambda: self.arm.faults.clear(self._now()[0]))

    def _on_scene_reset(self, msg: String) -> None:
        self._guarded("~/scene_reset", lambda: self.arm.reset_scene(msg.data))


def _joint_state(sample: JointSample, start: int, stop: int, per_amp: Sequence[float] | None = None) -> JointState:
    """The joints ``start:stop`` of a sample as a JointState; with ``per_amp`` (N m/A per joint) the effort is
    published as motor current, as ur_robot_driver does."""
    msg = JointState()
    msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(sample.stamp_ns, 1_000_000_000)
    msg.name = list(sample.names[start:stop])
    msg.position = list(sample.position[start:stop])
    msg.velocity = list(sample.velocity[start:stop])
    effort = sample.effort[start:stop]
    msg.effort = list(effort) if per_amp is None else torque_to_current(effort, per_amp)
    return msg


def config_from_argv(argv: Sequence[str]) -> SimArmConfig:
    """The node's config from the parameter files named in ``argv`` (later files override earlier ones)."""
    files = params_files(argv)
    params = read_params_files(files, NODE_NAME)
    return sim_arm_config_from_parameters(params, where=f"{files[-1]}: {NODE_NAME}" if files else NODE_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    try:
        config = config_from_argv(argv)
    except RobotError as exc:
        print(f"armstack-sim-arm: error: {exc}", file=sys.stderr)
        return 2
    return spin_node(lambda: SimArmNode(config), argv, script="armstack-sim-arm", user_errors=(RobotError,))


if __name__ == "__main__":
    sys.exit(main())
