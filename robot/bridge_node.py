"""``armstack-bridge``: the ROS 2 bridge node, thin wiring around :class:`robot.bridge_core.BridgeCore`.

Subscribes ``joint_states``, ``estop``, ``scene/objects``, ``~/instruction``; publishes joint targets on
``<controller>/commands`` (Float64MultiArray) or ``<controller>/joint_trajectory`` (JointTrajectory) by
``command_interface``, the finger position on ``<gripper_controller>/commands``, ``diagnostics``,
``~/state`` (JSON, 10 Hz and on every change) and ``~/events`` (one JSON object per fault, transition or
rejected input; transient-local). A ``policy`` checkpoint that names cameras (an image policy) also gets the
latest frame of each ``<camera>/image_raw`` (rgb8/bgr8, converted to the env's render: ``robot.camera_input``);
a missing or stale one is the policy's fault, never an action. Services ``~/rearm`` and ``~/stop``
(std_srvs/Trigger). With ``record``
set, joint states, commands, events, state and diagnostics go to that MCAP file (``robot.recording``).

One dedicated thread runs the control loop at ``control_rate_hz`` on a fixed schedule; executor callbacks
copy inputs into the core under a lock and let it react (``BridgeCore.react``): a joint state or e-stop
message that demands a fallback gets its safe command published from the callback at once. Between ticks the
control thread also wakes at ``BridgeCore.next_deadline`` (a stale stream or lost heartbeat falling due), so
every fault's first safe command goes out when its criterion is met, not at the next tick. Commands are
gated and published under the same lock, so they leave in the order the gate stepped them. All times are
the node clock; an input's time is when the middleware received it (``MessageInfo``), so time spent queued
behind other callbacks counts against the bridge. With ``tick_log`` set, every tick and every reaction is
appended to that JSON-lines file with the time its command was published (``t_pub``), which is how tests
check criterion-to-command latency on the bridge's own clock.

With a driver profile that has a controller manager (ur, franka) the node also watches the command controller
(``list_controllers`` at ``controller_watch_hz`` while armed: one that stopped is a driver fault) and, with
``stop_deactivates_controller``, switches it off after a category-0/1 stop and on again in the arm request
(``robot.controller_watch``); the arm request also checks ``calibration_file`` (``robot.calibration_age``).

Parameters are declared ROS parameters (``robot.node_params``): ``-p name:=value`` overrides the file, and
``ros2 param set`` changes the few in ``robot.params.LIVE`` while the bridge runs; the rest are read-only.

Run: ``armstack-bridge --ros-args --params-file launch/config/panda.yaml [-p control_rate_hz:=200.0]``.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import IO, Any

from action_msgs.msg import GoalStatus
from builtin_interfaces.msg import Duration
from diagnostic_msgs.msg import DiagnosticArray, DiagnosticStatus, KeyValue
from rclpy.callback_groups import MutuallyExclusiveCallbackGroup
from rclpy.clock import ROSClock
from rclpy.context import Context
from rclpy.duration import Duration as RclpyDuration
from rclpy.executors import Executor
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy, qos_profile_sensor_data
from rclpy.subscription import MessageInfo
from rclpy.task import Future
from sensor_msgs.msg import Image, JointState
from std_msgs.msg import Bool, Float64MultiArray, String
from std_srvs.srv import Trigger
from trajectory_msgs.msg import JointTrajectory, JointTrajectoryPoint

from robot.agent_runner import AgentRun
from robot.bridge_core import BridgeCore, Policy, TickResult
from robot.calibration_age import CalibrationAge, CalibrationCheck
from robot.camera_input import CameraFrames, CameraPolicy, ImageInputSpec
from robot.clock_check import ClockOffset
from robot.controller_watch import NO_ANSWER, QUIET_S, ControllerWatch, SwitchRequest, SwitchState
from robot.errors import RobotError
from robot.gripper_actions import GripperActions
from robot.instruction_action import InstructionActionServer
from robot.msg_types import MissingInterfaceError, import_interface
from robot.node_params import DeclaredParameters, dataclass_values, params_files
from robot.node_runner import spin_node
from robot.params import (
    DESCRIPTIONS,
    LIVE,
    NODE_NAME,
    RANGES,
    BridgeParams,
    bridge_params_from_mapping,
    load_bridge_params,
)
from robot.perception.image_codec import image_from_fields
from robot.planner_process import NO_PLANNER
from robot.preflight import (
    ControllerProblem,
    calibration_finding,
    clock_finding,
    controller_problems,
    robot_calibration_finding,
)
from robot.recording import Recorder, RecordingError
from robot.ros_interfaces import InterfacesMissingError
from robot.ros_interfaces import load as load_interface
from robot.safety.faults import FaultKind
from robot.safety.input_validation import InputError, check_instruction_size
from robot.safety.supervisor import Mode
from robot.trajectory_stream import TICK_STAMP_TAIL_S, StreamConfig, TickStamps, stream_points
from robot.vendor_profiles import StatusTopic
from sim.tasks import TaskGoal

STATE_PERIOD_S = 0.1
CONTROLLER_MANAGER = "controller_manager"
"""ros2_control's controller manager node (relative: a namespaced driver has it in its namespace)."""
LIST_CONTROLLERS_TIMEOUT_S = 2.0
"""Bound on each controller manager call (list_controllers, switch_controller) and on a switch's own timeout."""
SWITCH_OFF_ACK_TIMEOUT_S = 0.25
"""How long a switch-off waits for the controller to acknowledge the last arm commands (then it goes out anyway:
a subscriber that vanished acknowledges nothing). Fast DDS acknowledges on its heartbeat, so most waits run to
this bound (bench/vendor_doubles.py: 14 of 55 switch-offs acknowledged within 0.5 s): with the quiet period
before and after, a command must be 0.35 s on its way to reach a switched-off controller."""
CALIBRATION_PERIOD_S = 1.0
"""How often the calibration file is read again for /diagnostics (its age grows; a technician may replace it)."""
TRAJECTORY_HORIZON_PERIODS = 1.5
"""time_from_start of each streamed command, in control periods (at least one, plus margin)."""
DIAGNOSTICS_PERIOD_S = 0.5
DEADLINE_SLACK_S = 1e-4
"""Wake this long after a fault deadline: its criterion is strict (older than the limit), and sleeps round."""
EVENTS_QOS = QoSProfile(depth=200, reliability=ReliabilityPolicy.RELIABLE, durability=DurabilityPolicy.TRANSIENT_LOCAL)
LATCHED_QOS = QoSProfile(depth=1, reliability=ReliabilityPolicy.RELIABLE, durability=DurabilityPolicy.TRANSIENT_LOCAL)
_CHECK_LEVEL = {0: DiagnosticStatus.OK, 1: DiagnosticStatus.WARN, 2: DiagnosticStatus.ERROR}
_LEVEL = {Mode.NOMINAL: DiagnosticStatus.OK, Mode.DEGRADED: DiagnosticStatus.WARN,
          Mode.SAFE_STOP: DiagnosticStatus.ERROR, Mode.ESTOP: DiagnosticStatus.ERROR}


class BridgeNode(Node):
    """Monitors the arm, runs the policy, falls back safely; publishes gated joint targets."""

    def __init__(self, params: BridgeParams, policy: Policy | None = None, *, context: Context | None = None) -> None:
        """``params`` as read from the parameter files; ``-p`` overrides apply on top (a bad one raises
        ``ParameterError``). Without ``policy``, the one ``params.policy`` names is loaded; ``context``: rclpy's
        (default: the global one)."""
        super().__init__(NODE_NAME, context=context)
        self._lock = threading.Lock()
        values, hints = dataclass_values(params)
        self._declared = DeclaredParameters(self, values, hints, build=bridge_params_from_mapping,
                                            descriptions=DESCRIPTIONS, ranges=RANGES, live=LIVE,
                                            on_change=self._on_params)
        self.params = params = self._declared.value
        policy = policy if policy is not None else load_policy(params)
        # A checkpoint that names cameras acts on their images too: the latest frame of each <camera>/image_raw,
        # as the env renders it, and a fault instead of an action when one is missing or stale (robot.camera_input).
        self.image_input = image_input(params)
        self.camera_frames: CameraFrames | None = None
        if self.image_input is not None and policy is not None:
            self.camera_frames = CameraFrames(self.image_input)
            policy = CameraPolicy(policy, self.camera_frames, self._now)
        self.core = BridgeCore(params, start=self._now(), policy=policy)
        self.arm_names = params.joint_names()[0]
        self._planning = threading.Lock()  # held while an instruction is planned and, for the agent, run
        """Serialises the core between the control thread and the executor's callbacks, and keeps commands
        published in the order the gate stepped them."""
        self._status_lock = threading.Lock()
        self._running = threading.Event()
        self._thread: threading.Thread | None = None
        self._periods: collections.deque[float] = collections.deque(maxlen=1000)
        self._last_state: tuple[str, tuple[str, ...], bool] | None = None
        self._log: IO[str] | None = open(params.tick_log, "a", buffering=1) if params.tick_log else None  # noqa: SIM115
        # Encoding and writing happen on the recorder's own thread: the control loop only queues messages.
        self._rec: Recorder | None = Recorder(params.record, background=True) if params.record else None
        ctl, grip = params.controller, params.gripper_controller
        if params.command_interface == "trajectory":
            self.arm_pub = self.create_publisher(JointTrajectory, f"{ctl}/joint_trajectory", 10)
        else:
            self.arm_pub = self.create_publisher(Float64MultiArray, f"{ctl}/commands", 10)
        self.grip_pub = self.create_publisher(Float64MultiArray, f"{grip}/commands", 10)
        self.gripper: GripperActions | None = None
        if params.vendor.gripper != "topic":
            try:
                self.gripper = GripperActions(self, params.vendor)
            except MissingInterfaceError as exc:  # the arm still runs; the technician sees why the gripper does not
                self.get_logger().error(f"gripper not commanded: {exc}")
        # Absolute: rqt_robot_monitor, Foxglove and the diagnostic aggregator read /diagnostics, namespace or not.
        self.diag_pub = self.create_publisher(DiagnosticArray, "/diagnostics", 10)
        self.state_pub = self.create_publisher(String, "~/state", 10)
        self.events_pub = self.create_publisher(String, "~/events", EVENTS_QOS)
        # The agent's progress: each plan and step attempt as it happens, then the run's report (the simulated
        # agent's JSON report). Reliable and kept for a late subscriber, as the events are.
        self.agent_feedback_pub = self.create_publisher(String, "~/agent/feedback", EVENTS_QOS)
        self.agent_report_pub = self.create_publisher(String, "~/agent/report", EVENTS_QOS)
        vendor = params.vendor
        self._joint_topic = self.create_subscription(JointState, vendor.joint_states_topic, self._on_joint_state,
                                                     50).topic_name
        if vendor.gripper_state_topic:
            self.create_subscription(JointState, vendor.gripper_state_topic, self._on_gripper_state, 10)
        self._missing_types: list[str] = []
        for status in vendor.status:
            try:
                msg_type = import_interface(status.msg_type)
            except MissingInterfaceError as exc:
                self._missing_types.append(str(exc))  # named by the preflight: no arming without it
                continue
            self.create_subscription(msg_type, status.topic, lambda msg, st=status: self._on_driver_status(st, msg),
                                     LATCHED_QOS if status.latched else 10)
        # The bridge's state (disarmed/armed, mode, profile) for a late subscriber too: latched.
        self.bridge_state_pub = self.create_publisher(String, "~/bridge_state", LATCHED_QOS)
        self._bridge_state: str | None = None
        self._estop_topic = self.create_subscription(Bool, "estop", self._on_estop, 10).topic_name
        self.create_subscription(String, "scene/objects", self._on_objects, 10)
        if self.camera_frames is not None:
            cameras = MutuallyExclusiveCallbackGroup()
            for cam in self.camera_frames.spec.cameras:
                self.create_subscription(Image, self.camera_frames.spec.topic(cam),
                                         lambda msg, info, cam=cam: self._on_image(cam, msg, info),
                                         qos_profile_sensor_data, callback_group=cameras)
        self.create_subscription(String, "~/instruction", self._on_instruction, 10)
        self.instruction_action: InstructionActionServer | None = None
        try:  # the same agent run as ~/instruction, with acceptance, feedback per step, a result and a cancel
            self.instruction_action = InstructionActionServer(
                self, load_interface("armstack_interfaces/action/ExecuteInstruction"), admit=self._admit_goal,
                start=self._start_goal, release=self._release_goal, on_reject=self._goal_rejected)
        except InterfacesMissingError as exc:  # the topic still takes instructions
            self.get_logger().error(f"~/execute_instruction unavailable: {exc}")
        # The arm request asks the controller manager which controllers run: the service and its client get their
        # own groups, so awaiting the answer holds up neither the joint states nor the answer itself.
        self._cm_group = MutuallyExclusiveCallbackGroup()
        self._list_controllers: Any = None
        self._switch_controller: Any = None
        # The command controller while armed, and its switch-off after a category-0/1 stop (robot.controller_watch).
        self.watch: ControllerWatch | None = None
        if vendor.controllers:
            try:
                self._list_type = import_interface("controller_manager_msgs/srv/ListControllers")
                self._switch_type = import_interface("controller_manager_msgs/srv/SwitchController")
                self._list_controllers = self.create_client(self._list_type, CONTROLLER_MANAGER + "/list_controllers",
                                                            callback_group=self._cm_group)
                self._switch_controller = self.create_client(
                    self._switch_type, CONTROLLER_MANAGER + "/switch_controller", callback_group=self._cm_group)
            except MissingInterfaceError as exc:
                self._missing_types.append(str(exc))
            self.watch = ControllerWatch(params.controller, deactivate_on_stop=params.stop_deactivates_controller,
                                         delay_s=params.stop_deactivate_delay_s)
            if params.controller_watch_hz > 0:
                # Its own group: the poll awaits the answer, which arrives through the client's group.
                self.create_timer(1.0 / params.controller_watch_hz,
                                  self._poll_controllers,  # type: ignore[arg-type]  # executors await coroutines
                                  callback_group=MutuallyExclusiveCallbackGroup())
        tick_stamps = params.command_interface == "trajectory" and params.trajectory_stamp == "tick"
        self._stream = StreamConfig.for_period(params.control_period, horizon_periods=TRAJECTORY_HORIZON_PERIODS,
                                               back=params.clock_offset_max_s if tick_stamps else 0.0,
                                               tail=TICK_STAMP_TAIL_S if tick_stamps else 0.0)
        self._tick_stamps = TickStamps(back=self._stream.back, horizon=self._stream.horizon) if tick_stamps else None
        self.clock_offset: ClockOffset | None = ClockOffset(params.clock_offset_max_s) if tick_stamps else None
        """The clock check of tick-stamped trajectories (``robot.clock_check``): judged by the arm request, and each
        diagnostics period while armed (a failure is the core's clock fault, see ``BridgeCore.on_clock_check``)."""
        self._switch_ack: tuple[bool, float] | None = None  # the latest switch-off's (acknowledged, seconds waited)
        self._calibration_check = CalibrationCheck(params.calibration_file, params.calibration_max_age_days)
        self.calibration: CalibrationAge = self._calibration_check.verdict(time.time())
        self._robot_calibration_check = CalibrationCheck(params.robot_calibration_file,
                                                         params.robot_calibration_max_age_days, robot=True)
        self.robot_calibration: CalibrationAge = self._robot_calibration_check.verdict(time.time())
        if params.calibration_file or params.robot_calibration_file:
            self.create_timer(CALIBRATION_PERIOD_S, self._refresh_calibration)
        self.create_service(Trigger, "~/rearm", self._on_rearm, callback_group=MutuallyExclusiveCallbackGroup())
        self.create_service(Trigger, "~/stop", self._on_stop)
        self._recovery: Any = None
        if params.vendor.recovery_action:
            try:
                from rclpy.action import ActionClient

                self._recovery_type = import_interface("franka_msgs/action/ErrorRecovery")
                # Its own group: ~/recover awaits the goal's result, which the executor must be free to deliver.
                self._recovery = ActionClient(self, self._recovery_type, params.vendor.recovery_action,
                                              callback_group=MutuallyExclusiveCallbackGroup())
            except MissingInterfaceError as exc:
                self.get_logger().error(f"~/recover unavailable: {exc}")
            self.create_service(Trigger, "~/recover", self._on_recover)
        self.get_logger().info(f"bridge for {params.robot}: {params.control_rate_hz:g} Hz control, policy "
                               f"{params.policy!r} at {params.policy_rate_hz:g} Hz, {params.command_interface} "
                               f"commands on {ctl}; joints {', '.join(self.arm_names)}")

    def _now(self) -> float:
        return self.get_clock().now().nanoseconds * 1e-9

    def _on_params(self, params: BridgeParams) -> None:
        """A ``ros2 param set`` of a live parameter, validated already: the core reads it from its next use."""
        with self._lock:
            self.params = params
            self.core.params = params
        self.get_logger().info("parameters changed: " + ", ".join(
            f"{name}={getattr(params, name)!r}" for name in sorted(LIVE)))

    # --- inputs ------------------------------------------------------------------------------------
    def _record(self, topic: str, msg_type: str, msg: Any) -> None:
        rec = self._rec
        if rec is None:
            return
        try:
            rec.write(topic, msg_type, msg, self.get_clock().now().nanoseconds)
        except RecordingError as exc:  # a full disk must not stop the bridge: drop the recording, say so
            self._rec = None
            self.get_logger().error(f"recording stopped: {exc}")
            self.events_pub.publish(String(data=json.dumps({"event": "error", "reason": f"recording stopped: {exc}"})))

    def _received(self, info: MessageInfo, now: float) -> float | None:
        """When the middleware received the message (node clock), or None when it cannot say."""
        clock = self.get_clock()
        received = info["received_timestamp"] * 1e-9
        if received <= 0 or (isinstance(clock, ROSClock) and clock.ros_time_is_active):
            return None  # no timestamp, or simulated time (the middleware stamps with the system clock)
        if not 0.0 <= now - received < 60.0:
            return None  # not the node's clock after all: never trust it to move fault times
        return received

    def _arrival(self, info: MessageInfo, now: float) -> float:
        """When the middleware received the message (node clock), else ``now``: a fault's criterion time counts
        from the arrival, so time a message waited for the executor counts against the bridge."""
        received = self._received(info, now)
        return now if received is None else received

    def _on_joint_state(self, msg: JointState, info: MessageInfo) -> None:
        stamp = msg.header.stamp.sec + 1e-9 * msg.header.stamp.nanosec
        with self._lock:
            now = self._now()
            received = self._received(info, now)
            arrival = now if received is None else received
            if self.clock_offset is not None:
                self.clock_offset.add(stamp, received)
            self.core.on_joint_state(msg.name, msg.position, msg.velocity, msg.effort, stamp, arrival)
            result = self._react(now, now - arrival)
        self._record(self._joint_topic, "sensor_msgs/msg/JointState", msg)
        if result is not None:
            self._publish_status(result, now, force=True)

    def _on_image(self, camera: str, msg: Image, info: MessageInfo) -> None:
        """Keep the message as the camera's latest raw frame with its arrival and header stamp (its age counts from
        both); the camera worker decodes and converts it, never this executor thread (joint states, e-stop)."""
        assert self.camera_frames is not None
        now = self._now()
        decode = functools.partial(image_from_fields, msg.encoding, msg.height, msg.width, msg.step, msg.data,
                                   msg.is_bigendian)
        self.camera_frames.offer(camera, decode, msg.encoding, msg.height * msg.width,
                                 stamp=msg.header.stamp.sec + 1e-9 * msg.header.stamp.nanosec,
                                 received=self._arrival(info, now), now=now)

    def _on_gripper_state(self, msg: JointState) -> None:
        with self._lock:
            self.core.on_gripper_state(msg.name, msg.position, self._now())

    def _on_driver_status(self, topic: StatusTopic, msg: Any) -> None:
        with self._lock:
            now = self._now()
            self.core.on_driver_status(topic, msg, now)
            result = self._react(now, 0.0)  # a protective stop or reflex stops commanding at once
        if result is not None:
            self._publish_status(result, now, force=True)

    def missing_driver_interfaces(self) -> list[str]:
        """What the preflight needs from the ROS graph and lacks: publishers of the driver's topics, a
        controller listening for commands, the e-stop relay, status message bindings."""
        params, vendor = self.params, self.params.vendor
        missing = list(self._missing_types)
        topics = [vendor.joint_states_topic, *([vendor.gripper_state_topic] if vendor.gripper_state_topic else []),
                  *(st.topic for st in vendor.status), *(["estop"] if params.estop_heartbeat else [])]
        for topic in topics:
            resolved = self.resolve_topic_name(topic)  # remapped, as the subscription is
            if self.count_publishers(resolved) == 0:
                missing.append(f"no publisher on {resolved}")
        if self.count_subscribers(self.arm_pub.topic_name) == 0:
            missing.append(f"no controller subscribed to {self.arm_pub.topic_name} (is {params.controller} active?)")
        return missing

    def _on_estop(self, msg: Bool, info: MessageInfo) -> None:
        self._record(self._estop_topic, "std_msgs/msg/Bool", msg)
        with self._lock:
            now = self._now()
            arrival = self._arrival(info, now)
            self.core.on_estop(bool(msg.data), arrival)
            result = self._react(now, now - arrival)
        if result is not None:
            self._publish_status(result, now, force=True)

    def _react(self, now: float, lateness: float) -> TickResult | None:
        """Let the core react to what just arrived (or fell due) and publish its safe command at once.
        Called with ``_lock`` held."""
        began = time.perf_counter()
        try:
            result = self.core.react(now, lateness)
            if result is not None:
                self._emit(result, now, (time.perf_counter() - began) * 1e3)
        except Exception as exc:  # as for a tick: a failing reaction must not end the executor's spin
            self.get_logger().error(f"bridge reaction failed: {exc!r}")
            self.events_pub.publish(String(data=json.dumps({"event": "error", "reason": repr(exc)})))
            return None
        return result

    def _on_objects(self, msg: String) -> None:
        with self._lock:
            self.core.on_objects(msg.data, self._now())

    def _on_instruction(self, msg: String) -> None:
        # Planning (a language model in its own process, seconds on first use) runs on its own thread and
        # outside the lock: neither the control loop nor the joint-state callbacks wait for it. One at a time:
        # a flood of instructions must not pile up threads.
        try:
            check_instruction_size(msg.data)
        except InputError as exc:
            with self._lock:
                self.core.on_instruction(msg.data[:80], self._now(), exc)
            return
        if not self._planning.acquire(blocking=False):
            with self._lock:
                self.core.on_instruction(msg.data, self._now(), InputError(
                    "~/instruction: still running the previous instruction; send this one again when it has ended"))
            return
        threading.Thread(target=self._plan_and_start, args=(msg.data,), name="instruction", daemon=True).start()

    def _plan_and_start(self, text: str) -> None:
        resolved: TaskGoal | InputError | None
        try:
            try:
                resolved = self.core.resolve_instruction(text)
            except InputError as exc:
                resolved = exc
            with self._lock:
                started = self.core.on_instruction(text, self._now(), resolved, on_event=self._agent_event)
            if not isinstance(started, AgentRun):
                return
            # The agent plans (the planner's process) and runs its skills through the control ticks; this thread
            # only waits for its report, holding the one-instruction-at-a-time lock.
            started.join()
            if started.planner_error is not None:  # mid-instruction: a named fault, a stop
                with self._lock:
                    self.core.planner_failed(started.planner_error, self._now())
                self.get_logger().error(f"planner process failed: {started.planner_error}")
        finally:
            self._planning.release()

    def _admit_goal(self, text: str) -> str | None:
        """Why an ``~/execute_instruction`` goal cannot run now (None: it runs, holding the instruction slot)."""
        try:
            check_instruction_size(text)
        except InputError as exc:
            return str(exc)
        if self.params.planner == NO_PLANNER or text.strip().startswith("{"):
            return "the action runs free words through the agent (a planner is configured and the text is no " \
                   "JSON task goal); task goals go on ~/instruction"
        with self._lock:
            if not self.core.armed or self.core.supervisor.mode >= Mode.SAFE_STOP:
                return f"the bridge is not armed (mode {self.core.supervisor.mode.name}); re-arm it first"
        if not self._planning.acquire(blocking=False):
            return "another instruction is running; send this one when it has ended"
        return None

    def _goal_rejected(self, text: str, reason: str) -> None:
        self.events_pub.publish(String(data=json.dumps({"event": "instruction_rejected", "t": self._now(),
                                                        "via": "~/execute_instruction", "instruction": text[:80],
                                                        "reason": reason})))

    def _start_goal(self, text: str, on_event: Callable[[dict[str, Any]], None]) -> AgentRun:
        def tell(event: dict[str, Any]) -> None:
            self._agent_event(event)
            on_event(event)

        with self._lock:
            return self.core.start_agent(text, self._now(), on_event=tell)

    def _release_goal(self, run: AgentRun | None) -> None:
        try:
            if run is not None and run.planner_error is not None:  # as for ~/instruction: a named fault, a stop
                with self._lock:
                    self.core.planner_failed(run.planner_error, self._now())
                self.get_logger().error(f"planner process failed: {run.planner_error}")
        finally:
            self._planning.release()

    def _agent_event(self, event: dict[str, Any]) -> None:
        """From the agent's thread: each plan and step on ``~/agent/feedback``, the report on ``~/agent/report``."""
        text = json.dumps(event, default=str)
        self.agent_feedback_pub.publish(String(data=text))
        if event.get("event") == "report":
            self.agent_report_pub.publish(String(data=text))

    async def _call_manager(self, client: Any, service: str, make_request: Callable[[], Any]) -> Any:
        """The controller manager's answer on ``service``, or why there is none as one line (not offered, or no
        answer within :data:`LIST_CONTROLLERS_TIMEOUT_S`)."""
        name = self.resolve_service_name(CONTROLLER_MANAGER + "/" + service)
        if client is None or not client.service_is_ready():
            return f"no controller manager: {name} not offered"
        call = client.call_async(make_request())
        answered: Future = Future()

        def settle(value: bool) -> None:
            if not answered.done():
                answered.set_result(value)

        call.add_done_callback(lambda _f: settle(True))
        timer = self.create_timer(LIST_CONTROLLERS_TIMEOUT_S, lambda: settle(False), callback_group=self._cm_group)
        try:
            ok = await answered
        finally:
            self.destroy_timer(timer)
        if not ok or call.result() is None:
            client.remove_pending_request(call)
            return f"{name} {NO_ANSWER} {LIST_CONTROLLERS_TIMEOUT_S:g} s"
        return call.result()

    async def controller_states(self) -> dict[str, str] | str:
        """Each controller's state by name from the controller manager's ``list_controllers``, or why there is no
        answer (no service, no answer within :data:`LIST_CONTROLLERS_TIMEOUT_S`)."""
        client = self._list_controllers
        answer = await self._call_manager(client, "list_controllers",
                                          lambda: self._list_type.Request())
        if isinstance(answer, str):
            return answer
        return {c.name: c.state for c in answer.controller}

    async def _switch(self, request: SwitchRequest) -> tuple[bool, str]:
        """Switch the command controller on or off (STRICT: all or nothing), report it on ``~/events`` as a
        ``controller_switch`` event with its timings (the measurement hook: ``t_done`` is when the controller
        manager confirmed)."""
        watch = self.watch
        assert watch is not None  # only profiles with a controller manager switch

        def make() -> Any:
            names = [request.controller]
            msg = self._switch_type.Request(activate_controllers=names if request.activate else [],
                                            deactivate_controllers=[] if request.activate else names,
                                            strictness=self._switch_type.Request.STRICT)
            msg.timeout = Duration(sec=int(LIST_CONTROLLERS_TIMEOUT_S), nanosec=0)
            return msg

        t_request = self._now()
        answer = await self._call_manager(self._switch_controller, "switch_controller", make)
        ok, message = (False, answer) if isinstance(answer, str) else (bool(answer.ok), str(answer.message))
        with self._lock:
            event = watch.switched(request, ok=ok, message=message, t_request=t_request, t_done=self._now())
            ack, self._switch_ack = (self._switch_ack, None) if not request.activate else (None, self._switch_ack)
        if ack is not None:
            acked, waited = ack
            event |= {"commands_acked": acked, "ack_wait_ms": round(waited * 1e3, 2)}
        text = String(data=json.dumps(event))
        self.events_pub.publish(text)
        self._record(self.events_pub.topic_name, "std_msgs/msg/String", text)
        log = self.get_logger().warning if ok else self.get_logger().error
        log(json.dumps(event))
        return ok, message

    def _start_switch(self, request: SwitchRequest) -> None:
        """Send a switch-off from the control thread: the executor runs it, the loop goes on. First, on a thread of
        its own, the last arm commands must be acknowledged by every reliable subscriber (the controller):
        a command still on its way when the switch lands would reach an inactive controller, dropped there
        (the bridge has been silent since ``QUIET_S`` before; under load delivery can take longer)."""
        executor = self.executor
        if executor is None:  # not spinning (shutting down): the stop's hold stays in force
            assert self.watch is not None
            with self._lock:
                self.watch.switched(request, ok=False, message="no executor", t_request=self._now(),
                                    t_done=self._now())
            return
        if request.activate:
            executor.create_task(self._switch, request)
            return

        def after_ack() -> None:
            began, acked = time.monotonic(), False
            try:
                acked = bool(self.arm_pub.wait_for_all_acked(RclpyDuration(seconds=SWITCH_OFF_ACK_TIMEOUT_S)))
            except Exception as exc:  # a middleware without acknowledgements: the quiet period alone, say so
                self.get_logger().warning(f"switch-off: could not wait for the commands' acknowledgement: {exc!r}")
            finally:  # the quiet period and the switch-off go out whatever happened here
                waited = time.monotonic() - began
                time.sleep(QUIET_S)  # taken from the controller's queue by its executor, not only acknowledged
                self._switch_off_after_ack(executor, request, acked, waited)

        threading.Thread(target=after_ack, name="switch_off_ack", daemon=True).start()

    def _switch_off_after_ack(self, executor: Executor, request: SwitchRequest, acked: bool, waited: float) -> None:
        """Hand the switch-off to the executor, from the acknowledgement thread: never to one the node no longer
        spins on (shut down meanwhile), where the stop's hold stays in force, as when there was no executor."""
        with self._lock:
            self._switch_ack = (acked, waited)
        why = None
        if not self._running.is_set() or not self.context.ok() or self.executor is not executor:
            why = "shut down before the switch-off"
        else:
            try:
                executor.create_task(self._switch, request)
            except Exception as exc:  # the executor shut down between the check and the call
                why = f"executor gone: {exc!r}"
        if why is not None:
            assert self.watch is not None
            with self._lock:
                self.watch.switched(request, ok=False, message=why, t_request=self._now(), t_done=self._now())

    async def _poll_controllers(self) -> None:
        """While armed (and after, while stopped): does the command controller still run?"""
        watch = self.watch
        assert watch is not None
        with self._lock:
            armed, switches = self.core.armed, watch.switches
        if armed:
            states = await self.controller_states()
            if watch.switches == switches:  # else asked before a switch the bridge made: out of date
                self._controller_answer(states)

    def _controller_answer(self, states: dict[str, str] | str) -> None:
        """A ``list_controllers`` answer into the driver status: a controller that stopped behind the bridge's
        back is a controller_inactive fault, and its stop goes out at once."""
        assert self.watch is not None
        with self._lock:
            verdict = self.watch.verdict(states)
            if isinstance(verdict, bool) or not self.core.armed:
                return  # no news; or never armed: the preflight's controllers check judges alone
            now = self._now()
            self.core.driver.on_controller(verdict, now)
            result = self._react(now, 0.0)
        if result is not None:
            self._publish_status(result, now, force=True)

    def _refresh_calibration(self) -> None:
        self.calibration = self._calibration_check.verdict(time.time())
        self.robot_calibration = self._robot_calibration_check.verdict(time.time())

    async def _switch_on_for_rearm(self, missing: list[str]) -> tuple[bool, dict[str, str] | str | None]:
        """Before an arm request's preflight: switch on again the controller the bridge's stop switched off, once
        the stop may be re-armed (else it stays off, and the refusal says why). Returns whether it was switched
        on, and the controllers' states for the preflight (None: already named in ``missing``)."""
        watch = self.watch
        assert watch is not None
        states = await self.controller_states()
        with self._lock:
            if watch.state == SwitchState.SWITCHING_OFF:  # an answer before it lands would be out of date
                missing.append(ControllerProblem(f"{watch.controller} is being switched off by the bridge's stop: "
                                                 f"ask again once it is off"))
                return False, None
            on = watch.switch_on(states)
            blocker = self.core.rearm_blocker(self._now())
        if on is None:
            return False, states
        if blocker is not None:
            missing.append(ControllerProblem(f"{on.controller} was switched off by the bridge's stop; the arm request "
                                             f"switches it on again once the stop may be re-armed ({blocker})"))
            return False, None
        ok, message = await self._switch(on)
        if not ok:
            missing.append(ControllerProblem(f"switching {on.controller} on again failed: {message}"))
            return False, None
        return True, await self.controller_states()

    async def _on_rearm(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        # A driver profile's arm request runs the preflight, with what the graph lacks, whether the command
        # controller is active (switched on again first if the bridge's stop switched it off) and the calibration;
        # the sim's generic one arms on the supervisor's conditions.
        missing = self.missing_driver_interfaces() if self.params.vendor.name != "generic" else None
        switched_on = False
        if missing is not None:
            # The file as last read unless it changed since: a parse holds up the joint states on this thread.
            self.calibration = self._calibration_check.verdict(time.time())
            missing.append(calibration_finding(self.calibration.ok, self.calibration.detail))
            if self.params.robot_calibration_file:
                self.robot_calibration = self._robot_calibration_check.verdict(time.time())
                missing.append(robot_calibration_finding(self.robot_calibration.ok, self.robot_calibration.detail))
        if self.clock_offset is not None:  # every profile: the core refuses while the check fails
            with self._lock:
                now = self._now()
                clock = self.clock_offset.verdict(now)
                self.core.on_clock_check(clock.ok, clock.detail, now)
            if missing is not None:
                missing.append(clock_finding(clock.ok, clock.detail))
        if missing is not None and self.watch is not None:
            switched_on, states = await self._switch_on_for_rearm(missing)
            if states is not None:
                self._controller_answer(states)
                missing += controller_problems(self.params.controller, states)
        with self._lock:
            response.success, response.message = self.core.rearm(self._now(), missing)
            if response.success and self.watch is not None:
                self.watch.rearmed()
        if switched_on and not response.success and self.watch is not None:
            # Still stopped: the controller goes off again, as the stop left it (sent by the control loop).
            with self._lock:
                self.watch.switch_off_again(self._now())
        self.get_logger().info(f"re-arm requested: {response.message}")
        return response

    async def _on_recover(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        """The driver's error recovery (franka ``error_recovery``), only ever on this explicit operator request;
        the bridge stays stopped until a ``~/rearm`` after it."""
        client = self._recovery
        if client is None or not client.server_is_ready():
            response.success = False
            response.message = f"no error recovery server on {self.params.vendor.recovery_action}"
            return response
        handle = await client.send_goal_async(self._recovery_type.Goal())
        if not handle.accepted:
            response.success, response.message = False, "error recovery goal rejected"
            return response
        result = await handle.get_result_async()
        response.success = result.status == GoalStatus.STATUS_SUCCEEDED
        response.message = "recovered: re-arm when the preflight passes" if response.success \
            else f"error recovery failed (status {result.status}); see the driver's log"
        self.get_logger().warning(f"error recovery requested: {response.message}")
        return response

    def _on_stop(self, request: Trigger.Request, response: Trigger.Response) -> Trigger.Response:
        with self._lock:
            now = self._now()
            response.success, response.message = self.core.stop(now)
            result = self._react(now, 0.0)  # the operator's stop holds at once, not at the next tick
        self.get_logger().warning(f"stop requested: {response.message}")
        if result is not None:
            self._publish_status(result, now, force=True)
        return response

    # --- the control loop ----------------------------------------------------------------------------
    def start(self) -> None:
        if self.camera_frames is not None:
            self.camera_frames.start()
        self._running.set()
        self._thread = threading.Thread(target=self._loop, name="bridge_loop", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        if self.camera_frames is not None:
            self.camera_frames.close()
        self.core.close()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._rec is not None:
            self._rec.close()
            self._rec = None

    def _loop(self) -> None:
        period = self.params.control_period
        deadline = last = time.monotonic()
        every_state = max(1, round(STATE_PERIOD_S / period))
        every_diag = max(1, round(DIAGNOSTICS_PERIOD_S / period))
        tick = 0
        handled: float | None = None
        while self._running.is_set() and self.context.ok():
            # Sleep to the next tick, or to the moment a time-based fault falls due if that comes first.
            with self._lock:
                due = self.core.next_deadline()
            if due == handled:
                due = None  # reacted to once already (a node clock that does not advance, e.g. paused sim time)
            wake = deadline
            if due is not None:
                at = time.monotonic() + max(0.0, due - self._now()) + DEADLINE_SLACK_S
                if at < deadline:
                    wake = at
            delay = wake - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if due is not None and wake < deadline:
                handled = due
                try:
                    with self._lock:
                        now = self._now()
                        result = self._react(now, max(0.0, now - due))
                    if result is not None:
                        self._publish_status(result, now, force=True)
                except Exception as exc:  # publishing at shutdown, say: report, keep the loop alive
                    if not self.context.ok():
                        return
                    self.get_logger().error(f"bridge status after a reaction failed: {exc!r}")
                continue
            started = time.monotonic()
            lateness = started - deadline
            if lateness > period:
                deadline = started  # re-anchor rather than run a burst of catch-up ticks
            deadline += period
            self._periods.append(started - last)
            last = started
            try:
                self._tick(lateness, tick % every_state == 0, tick % every_diag == 0, due=started - lateness)
            except Exception as exc:  # a failing tick must not silently end the control loop
                if not self.context.ok():
                    return
                self.get_logger().error(f"bridge tick failed: {exc!r}")
                self.events_pub.publish(String(data=json.dumps({"event": "error", "reason": repr(exc)})))
            tick += 1

    def _tick(self, lateness: float, publish_state: bool, publish_diag: bool, *, due: float | None = None) -> None:
        """One control tick; ``due``: when it was scheduled (time.monotonic)."""
        with self._lock:
            now = self._now()
            scheduled = None if due is None else now - (time.monotonic() - due)  # on the node clock
            if publish_diag and self.clock_offset is not None and self.core.armed:
                # Armed with tick stamps, a clock step or a restarted driver is a fault (hold), not only a WARN.
                clock = self.clock_offset.verdict(now)
                self.core.on_clock_check(clock.ok, clock.detail, now)
            began = time.perf_counter()
            result = self.core.tick(now, lateness)
            self._emit(result, now, (time.perf_counter() - began) * 1e3, scheduled=scheduled)
            switch = self.watch.due(now, mode=result.mode) if self.watch is not None else None
        if switch is not None:
            self._start_switch(switch)
        self._publish_status(result, now, state=publish_state, diag=publish_diag)

    def _emit(self, result: TickResult, now: float, compute_ms: float, *, scheduled: float | None = None) -> None:
        """Publish a tick's or reaction's command, then its events; log it. Called with ``_lock`` held: a
        reaction's command must never overtake, or be overtaken by, a tick's."""
        watch = self.watch
        off = watch is not None and watch.silent(now)
        if result.command is not None:
            self._publish_command(result, now, arm=not off, scheduled=scheduled)
        t_pub = self._now()
        if self._log is not None:
            # controller_off: the bridge's stop switched the controller off, so the arm command was not published.
            self._log.write(json.dumps({**result.record, "t_pub": t_pub, "tick_ms": compute_ms,
                                        **({"controller_off": True} if off and result.command is not None else {})})
                            + "\n")
        if watch is not None:
            watch.on_result(now, armed=self.core.armed, mode=result.mode, faults=result.faults)
        for event in result.events:
            text = String(data=json.dumps(event))
            self.events_pub.publish(text)
            self._record(self.events_pub.topic_name, "std_msgs/msg/String", text)
            if event["event"] in ("transition", "fault", "bad_input"):
                self.get_logger().warning(json.dumps(event))

    def _publish_status(self, result: TickResult, now: float, *, state: bool = False, diag: bool = False,
                        force: bool = False) -> None:
        """``~/state`` and ``/diagnostics``: when due, and at once when the mode, faults or re-arm readiness
        changed (``force`` after a reaction)."""
        with self._lock:
            summary = self.core.state(now)
        with self._status_lock:
            bridge_state = json.dumps({"state": "armed" if summary["armed"] else "disarmed", "mode": summary["mode"],
                                       "profile": summary["profile"], "robot": summary["robot"],
                                       "faults": summary["faults"],
                                       "controller": None if self.watch is None else {
                                           "name": self.watch.controller, "listed": self.watch.listed,
                                           "switch": self.watch.state.value},
                                       "preflight": [
                                           {"check": c.name, "ok": c.ok, "detail": c.detail}
                                           for c in self.core.preflight]})
            if bridge_state != self._bridge_state:
                self.bridge_state_pub.publish(String(data=bridge_state))
                self._bridge_state = bridge_state
            key = (summary["mode"], tuple(summary["faults"]), summary["rearm_ready"])
            changed = force or key != self._last_state
            if state or changed:
                text = String(data=json.dumps(summary))
                self.state_pub.publish(text)
                self._record(self.state_pub.topic_name, "std_msgs/msg/String", text)
                self._last_state = key
            if diag or changed:
                msg = self._diagnostics(result, summary, now)
                self.diag_pub.publish(msg)
                self._record(self.diag_pub.topic_name, "diagnostic_msgs/msg/DiagnosticArray", msg)

    def _publish_command(self, result: TickResult, now: float, *, arm: bool = True,
                         scheduled: float | None = None) -> None:
        """The gated command; ``arm`` False: the gripper's only (the arm's controller is switched off);
        ``scheduled``: when the tick was due (a tick-stamped trajectory's stamp; None for a reaction)."""
        cmd = result.command
        assert cmd is not None
        if arm and self.params.command_interface == "trajectory":
            # Zero stamp: the controller starts the message on arrival, however late DDS delivers it (a `now`
            # stamp with a one-period horizon is dropped by JointTrajectoryController once delivery takes longer
            # than that). The command is at one period plus half a period of margin, so the next one arrives
            # before the controller gets there; with the jerk-limited gate the message carries the filter's motion
            # around it, to rest, which the controller's quintic interpolation reproduces (robot.trajectory_stream).
            # With trajectory_stamp tick the message is stamped at the tick (less the clock tolerance, see
            # robot.trajectory_stream): the controller samples it on its own clock, whenever it picks it up.
            msg = JointTrajectory()
            msg.joint_names = list(self.arm_names)
            stream = self._stream
            if self._tick_stamps is not None:
                jerk_filter = self.core.gate.filter
                # The tick's scheduled time (a reaction's: its own), in whole nanoseconds.
                stamp = self._tick_stamps.stamp_ns(round((now if scheduled is None else scheduled) * 1e9),
                                                   None if jerk_filter is None else jerk_filter.clock)
                msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(stamp, 1_000_000_000)
            for p in stream_points(cmd.arm, self.core.gate.filter, stream):
                sec, nanosec = divmod(round(p.time_from_start * 1e9), 1_000_000_000)
                msg.points.append(JointTrajectoryPoint(
                    positions=p.positions.tolist(), velocities=[] if p.velocities is None else p.velocities.tolist(),
                    accelerations=[] if p.accelerations is None else p.accelerations.tolist(),
                    time_from_start=Duration(sec=sec, nanosec=nanosec)))
            self.arm_pub.publish(msg)
            self._record(self.arm_pub.topic_name, "trajectory_msgs/msg/JointTrajectory", msg)
        elif arm:
            positions = Float64MultiArray(data=cmd.arm.tolist())
            self.arm_pub.publish(positions)
            self._record(self.arm_pub.topic_name, "std_msgs/msg/Float64MultiArray", positions)
        if self.gripper is not None:
            self.gripper.command(cmd.gripper)
            return
        grip = Float64MultiArray(data=[cmd.gripper])
        self.grip_pub.publish(grip)
        self._record(self.grip_pub.topic_name, "std_msgs/msg/Float64MultiArray", grip)

    def _diagnostics(self, result: TickResult, state: dict[str, Any], now: float) -> DiagnosticArray:
        periods = sorted(self._periods)
        p50 = periods[len(periods) // 2] * 1e3 if periods else 0.0
        p99 = periods[min(len(periods) - 1, int(0.99 * len(periods)))] * 1e3 if periods else 0.0
        kinds = {f.kind for f in result.faults}
        level = DiagnosticStatus.STALE if FaultKind.STALE_STATE in kinds else _LEVEL[result.mode]
        status = DiagnosticStatus(level=level, name=f"{NODE_NAME}: supervisor", hardware_id=self.params.robot,
                                  message=f"{result.mode.name}" + (f": {', '.join(state['faults'])}"
                                                                   if state["faults"] else ""))
        values = {"mode": result.mode.name, "faults": ",".join(state["faults"]), "pending": ",".join(state["pending"]),
                  "rearm_ready": str(state["rearm_ready"]).lower(),
                  "measurements_trusted": str(state["measurements_trusted"]).lower(), "task": str(state["task"]),
                  "task_success": str(state["task_success"]).lower(), "period_ms_p50": f"{p50:.2f}",
                  "period_ms_p99": f"{p99:.2f}", "policy_ms": f"{self.core.policy_ms:.2f}",
                  "last_transition": state["last_transition"]["cause"]}
        status.values = [KeyValue(key=k, value=v) for k, v in values.items()]
        checks = [DiagnosticStatus(level=_CHECK_LEVEL[c.level], name=f"{NODE_NAME}: {c.name}",
                                   hardware_id=self.params.robot, message=c.message,
                                   values=[KeyValue(key=k, value=v) for k, v in c.values.items()])
                  for c in self.core.check_statuses(now, result.faults)]
        msg = DiagnosticArray(status=[status, *checks, *self._arming_statuses()])
        sec, nsec = divmod(int(now * 1e9), 1_000_000_000)
        msg.header.stamp.sec, msg.header.stamp.nanosec = sec, nsec
        return msg


    def _arming_statuses(self) -> list[DiagnosticStatus]:
        """What the arm request judges, for /diagnostics: the last preflight, the calibration, the controller."""
        robot = self.params.robot

        def status(name: str, level: bytes, message: str, values: dict[str, str]) -> DiagnosticStatus:
            return DiagnosticStatus(level=level, name=f"{NODE_NAME}: {name}", hardware_id=robot, message=message,
                                    values=[KeyValue(key=k, value=v) for k, v in values.items()])

        preflight = self.core.preflight
        failed = [c for c in preflight if not c.ok]
        out = [status("preflight", DiagnosticStatus.WARN if failed else DiagnosticStatus.OK,
                      "no arm request yet" if not preflight else
                      ("refused: " + ", ".join(c.name for c in failed) if failed else "passed"),
                      {c.name: ("ok: " if c.ok else "FAILED: ") + c.detail for c in preflight})]
        cal = self.calibration
        out.append(status("calibration", DiagnosticStatus.OK if cal.ok else DiagnosticStatus.ERROR, cal.detail, {
            "file": cal.file or "none", "created": cal.created or "unknown",
            "age_days": "unknown" if cal.age_days is None else f"{cal.age_days:.2f}",
            "max_age_days": f"{cal.max_age_days:g}"}))
        watch = self.watch
        if watch is not None:
            fault = self.core.driver.controller_fault
            level = DiagnosticStatus.ERROR if fault is not None else (
                DiagnosticStatus.WARN if watch.switched_off else DiagnosticStatus.OK)
            message = fault[1] if fault is not None else (
                f"{watch.controller} switched off by the bridge's stop: the arm request switches it on again"
                if watch.switched_off else f"{watch.controller} {watch.listed or 'not asked yet'}")
            out.append(status("controller", level, message,
                              {**watch.summary(), "watch_hz": f"{self.params.controller_watch_hz:g}"}))
        if self.robot_calibration.configured:
            rcal = self.robot_calibration
            out.append(status("robot_calibration", DiagnosticStatus.OK if rcal.ok else DiagnosticStatus.ERROR,
                              rcal.detail, {"file": rcal.file, "created": rcal.created or "unknown",
                                            "age_days": "unknown" if rcal.age_days is None else f"{rcal.age_days:.2f}",
                                            "max_age_days": f"{rcal.max_age_days:g}"}))
        if self.clock_offset is not None:
            with self._lock:  # the joint-state callback adds to the window under it
                clock = self.clock_offset.verdict(self._now())
            # ERROR once armed (each diagnostics period's check is a fault then, see _tick); WARN before.
            level = DiagnosticStatus.OK if clock.ok else (
                DiagnosticStatus.ERROR if self.core.armed else DiagnosticStatus.WARN)
            out.append(status("clock", level, clock.detail, {
                "least_arrival_minus_stamp_ms": "unknown" if clock.least_offset_s is None
                else f"{clock.least_offset_s * 1e3:.3f}",
                "max_offset_ms": f"{clock.max_offset_s * 1e3:g}", "samples": str(clock.samples),
                "trajectory_stamp": self.params.trajectory_stamp}))
        return out


def load_policy(params: BridgeParams) -> Policy | None:
    """None for the scripted expert, else the checkpoint at ``params.policy`` running in its own process
    (torch there can crash or overrun without taking the safety monitor along: robot/policy_process.py)."""
    if params.policy == "expert":
        return None
    from robot.child_process import ChildTimeoutError
    from robot.policy_process import PolicyProcess

    try:
        return PolicyProcess(params.policy, deadline_s=params.policy_deadline_s,
                             hang_s=max(1.0, params.policy_deadline_s), start_timeout_s=params.policy_start_timeout_s,
                             robot=params.sim_model)
    except ChildTimeoutError as exc:  # slow, not broken: say which parameter bounds the start
        raise RobotError(f"policy {params.policy!r} did not start within policy_start_timeout_s "
                         f"({params.policy_start_timeout_s:g} s; a loaded host may need more): {exc}") from exc
    except RobotError as exc:  # any load failure is a configuration error reported without a traceback
        raise RobotError(f"policy {params.policy!r} could not be loaded: {exc}") from exc


def image_input(params: BridgeParams) -> ImageInputSpec | None:
    """The cameras, image size and image age limit of the checkpoint ``params.policy`` names (None: the expert, or
    a policy without cameras). The age limit is the bridge's ``image_max_age_s``; the checkpoint may only tighten it."""
    if params.policy == "expert":
        return None
    try:
        spec = ImageInputSpec.of_checkpoint(params.policy)
        if spec is None:
            return None
        return dataclasses.replace(spec, max_age_s=min(spec.max_age_s, params.image_max_age_s))
    except RobotError as exc:
        raise RobotError(f"policy {params.policy!r}: {exc}") from exc
    except Exception as exc:  # CheckpointError and kin: the same one-line refusal as a failed load
        raise RobotError(f"policy {params.policy!r} could not be loaded: {exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    try:
        params = load_bridge_params(params_files(argv))
    except RobotError as exc:
        print(f"armstack-bridge: error: {exc}", file=sys.stderr)
        return 2
    # The command line's -p overrides, and so the policy to load, are known once the node exists.
    return spin_node(lambda: BridgeNode(params), argv, script="armstack-bridge", user_errors=(RobotError,))


if __name__ == "__main__":
    sys.exit(main())
