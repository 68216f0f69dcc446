"""BridgeCore: one control tick of the bridge, without ROS.

Each tick: take the joint states, e-stop and objects received since the last tick; run the fault monitor;
let the supervisor pick the mode; at the policy rate, run the policy (the scripted expert of the instructed
task on the MuJoCo mirror, or a checkpoint loaded with ``policies.load``) and turn its action into joint
targets with ``sim.control.DiffIKController`` on the mirror; then send what the mode allows through the
command gate. The node (``robot.bridge_node``) only copies messages in and publishes what a tick returns,
so every behaviour here is testable tick by tick with explicit times.

Between ticks, :meth:`BridgeCore.react` runs the monitor on each input as it arrives and at
:meth:`BridgeCore.next_deadline` (when a stale stream or lost heartbeat will be due): a fault that demands a
fallback gets its safe command at once, not at the next tick, so it goes out within one control period of
the moment its criterion was met for every fault, however the criterion falls between two ticks.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import mujoco
import numpy as np

from robot.agent_runner import AgentRun, EventSink, shared_skill_policies
from robot.agent_world import BridgeWorld
from robot.camera_input import CameraImageError
from robot.driver_status import DriverStatus
from robot.env_servo import EnvServo
from robot.params import BridgeParams
from robot.planner_process import NO_PLANNER
from robot.policy_process import PolicyDeadlineError
from robot.preflight import PreflightCheck, PreflightInputs, refusal, run_preflight
from robot.safety.arm_mirror import ArmMirror
from robot.safety.command_gate import CommandGate
from robot.safety.diagnostics import OK, WARN, CheckStatus, check_statuses
from robot.safety.fault_monitor import FaultMonitor, MonitorInputs
from robot.safety.faults import Fault, FaultKind
from robot.safety.input_validation import InputError, JointMap, parse_instruction, parse_objects
from robot.safety.joint_state import JointState
from robot.safety.safe_commander import Command, SafeCommander
from robot.safety.supervisor import Mode, Supervisor
from robot.safety.trail_watch import HISTORY as TRAIL_HISTORY
from robot.safety.trail_watch import TrailWatch
from robot.vendor_profiles import StatusTopic
from sim.control import ACTION_DIM, DiffIKController
from sim.observation_contract import observe
from sim.skills import held_objects
from sim.tasks import TASKS, Expert, TaskGoal, make_expert

PLANNER_TIMEOUT_S = 60.0
"""The most one instruction may take to plan, model start-up included (its self-test and load: ~2-3 s)."""

AGENT_WAIT_S = 0.0
"""How long the tick that starts an agent's action period waits for the action (the skill computes it from the state
served the tick before, ``BridgeCore._run_agent``); an action that comes later is taken by a later tick. None: a
timed wait hands the GIL to the agent's thread, and the tick gets it back only after the thread's switch interval
(in real time with the learned push at load 12: p95 14 ms against a 5 ms wait; p95 0.02 ms without one)."""

AGENT_GATE_SHARE = 0.7
"""A learned skill's move asks for at most this share of the joint speeds the command gate lets through (the agent's
``policy_speed_fraction``, never above its default, which the simulator runs at): the controller's step also closes
the lag between its target and the measured pose, which adds to the action's own pace. 0.7 of the default gate's 0.5
is the default fraction, 0.35 (``policies.planner.agent.POLICY_SPEED_FRACTION`` says why not the gate's own)."""

OBJECT_LOSS_GRACE_S = 0.5
"""A cube absent from ``scene/objects`` for this long (and from two messages in a row at least) is missing: the
perception node leaves out a cube it no longer sees (its tracker after 10 frames missed in plain view; one whose place
something nearer hides from the camera it keeps reporting there), while the mirror would keep its last pose. One late
or short message is no loss; nor is a cube the bridge can explain as hidden (``_hidden``)."""
STACK_SETTLE_M = 0.003
"""A perceived cube whose bottom face lies within this (m) of the top face of the cube under it rests on that cube.
Perception measures a stacked cube's height from depth in whole millimetres (the top face's, less half a side) and
the cube under it from before it was covered: the two faces come out up to a millimetre or two apart, either way,
where the sim's contact has them touching. The mirror judges resting by contact (``sim.skills.resting_on``), so
without this a cube placed on another read as resting or not by a tenth of a millimetre (bench/agent_ros.py seeds
6, 16, 17: the placement ran out of steps and the goal read "observed on the table"). A cube on the table or held
is never within this of a cube's top face."""
STACK_COVER_M = 0.03
"""A cube with another over its face, that one's bottom at most this (m) above its top face (being placed on it, or
resting there), is seen cut by it: the part left in view puts its centre up to 1.5 cm towards the camera (the
placement's target, and the support a resting check then measures against). The mirror keeps the pose it had.
Higher up, the cube over it no longer hides its top face from the front camera."""
STACK_COVER_BIAS_M = 0.02
"""How far (m) a covered cube's cut measurement may lie from the pose the mirror keeps for it and still be read as
the cut's bias (``_uncovered``): rendered, 15 mm at most (the cube over it 1 cm above its face, read through the
top-face path; 6 mm at 1.5 cm), plus 5 mm for millimetre depth and the tracker's filter lag. A disc, not a bound
along the camera axis: the bridge has no camera pose (perception owns the extrinsics). Farther off, the cube has
moved (a person put it elsewhere and covered it, the placement knocked it aside) and the measurement is taken."""
CONTACT_DEPTH_M = 0.0002
"""How far a settled cube sinks into its support: contact, as physics has a resting cube (about 0.1 mm)."""
OCCLUSION_RADIUS = 0.10
"""A robot link within this distance (m, on the table plane) above a cube's remembered place may hide it from the
camera: the hand reaching for it, the arm reaching past it."""


Footprint = tuple[np.ndarray, float, float]
"""A cube as the stacking rules read it: centre (m), half side (m), yaw about z (rad)."""


def yaw_of(quat: Sequence[float] | np.ndarray) -> float:
    """Yaw about z (rad) of a wxyz quaternion."""
    w, x, y, z = (float(v) for v in quat)
    return float(np.arctan2(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z)))


def _axes(yaw: float) -> np.ndarray:
    c, s = np.cos(yaw), np.sin(yaw)
    return np.array([[c, s], [-s, c]])


def centre_over_face(point: np.ndarray, support: Footprint) -> bool:
    """Whether ``point``'s xy lies over the top face of ``support`` (in the support's yaw frame): a cube whose centre
    does rests on it, diagonally off centre too."""
    centre, half, yaw = support
    return bool(np.all(np.abs(_axes(yaw) @ (point[:2] - centre[:2])) < half))


def footprints_overlap(a: Footprint, b: Footprint) -> bool:
    """Whether two cubes' squares seen from above overlap (separating axes of both yaw frames)."""
    d = b[0][:2] - a[0][:2]
    for frame in (_axes(a[2]), _axes(b[2])):
        for axis in frame:
            # A square of half side h and yaw phi projects onto an axis at angle theta with radius
            # h (|cos(phi - theta)| + |sin(phi - theta)|).
            reach = sum(h * float(np.abs(_axes(yaw) @ axis).sum()) for _, h, yaw in (a, b))
            if abs(float(axis @ d)) >= reach:
                return False
    return True


def covered(below: Footprint, above: Sequence[Footprint]) -> bool:
    """Whether a cube ``below`` has one of ``above`` over its face (their footprints overlapping), its bottom no more
    than ``STACK_COVER_M`` above the cube's top face."""
    for cube in above:
        gap = (cube[0][2] - cube[1]) - (below[0][2] + below[1])
        if footprints_overlap(below, cube) and -STACK_SETTLE_M <= gap <= STACK_COVER_M:
            return True
    return False


def settled_height(top: np.ndarray, top_half: float, supports: Sequence[Footprint]) -> float | None:
    """The centre height at which a cube perceived at ``top`` (half height ``top_half``) rests on the first of
    ``supports`` whose face its centre lies over (``centre_over_face``) and whose top face its bottom lies within
    ``STACK_SETTLE_M`` of; None when it rests on none of them (on the table, in the hand, lifted higher)."""
    for support in supports:
        centre, half, _ = support
        gap = (top[2] - top_half) - (centre[2] + half)
        if centre_over_face(top, support) and abs(gap) <= STACK_SETTLE_M:
            return float(centre[2] + half + top_half - CONTACT_DEPTH_M)
    return None


class Policy(Protocol):
    """What ``policies.load`` returns: ``act(obs) -> action`` on the sim env's observation dict."""

    def act(self, obs: dict[str, Any]) -> np.ndarray: ...

    def reset(self) -> None: ...


@dataclass(frozen=True, kw_only=True)
class TickResult:
    """What one tick (or reaction between ticks) decided: the command to publish (None: publish nothing), the
    mode, faults, events."""

    command: Command | None
    mode: Mode
    faults: list[Fault]
    events: list[dict[str, Any]]
    record: dict[str, Any] = field(default_factory=dict)


def stream_lost(faults: Iterable[Fault]) -> bool:
    """The joint states went silent past the stale bound: the readings that come back may be a restarted driver's
    (``SafeCommander``'s lost stream: its stop sends nothing more until a re-arm)."""
    return any(f.kind == FaultKind.STALE_STATE for f in faults)


class BridgeCore:
    """The bridge's per-tick logic for the robot in ``params``; times are the node clock (s)."""

    def __init__(self, params: BridgeParams, *, start: float, policy: Policy | None = None) -> None:
        self.params = params
        self.mirror = ArmMirror(params.sim_model, cubes=params.cubes)
        self.robot = self.mirror.scene.robot
        arm_names, finger_names = params.joint_names()
        self.vendor = params.vendor
        # A driver profile's arm stream carries no fingers (UR: none at all; franka_ros2: the gripper node's own
        # joint_states): the finger reading comes from the gripper topic, else the commanded opening stands in.
        self.joint_map = JointMap(arm_names, finger_names if self.vendor.fingers_in_joint_states else ())
        self.finger_map = JointMap((), finger_names)
        self.driver = DriverStatus(self.vendor, min_silence=params.stale_periods / params.control_rate_hz)
        self._fingers: tuple[float, np.ndarray | None] | None = None
        self._received_names: tuple[str, ...] | None = None
        self._arrivals: collections.deque[float] = collections.deque()
        self.preflight: list[PreflightCheck] = []
        """The latest arm request's preflight (empty before the first)."""
        self.armed = False
        """False until the first accepted arm request: nothing is commanded and faults latch no stop."""
        self.monitor = FaultMonitor(self.robot, params.monitor_config(), start=start, model_check=self.mirror.check)
        self.supervisor = Supervisor(clear_hold=params.clear_hold_s, auto_resume_degraded=params.auto_resume_degraded,
                                     start=start)
        self.gate = CommandGate(self.robot, params.gate_config())
        self.commander = SafeCommander(self.gate)
        self.trail = TrailWatch(self.gate)
        """Whether the arm trails its commands by more than the gate assumes (a diagnostic, never a stop)."""
        self._sent: collections.deque[tuple[int, list[float]]] = collections.deque(maxlen=TRAIL_HISTORY)
        """The latest NOMINAL ticks' commands (tick, arm) the trail watch judges the next reading against."""
        self.controller = DiffIKController(self.mirror.model, self.robot, self.mirror.controller_config,
                                           control_dt=1.0 / params.policy_rate_hz)
        self.policy = policy
        self._servo = EnvServo(self.mirror.view, control_dt=self.controller.control_dt)
        self._policy_tick: tuple[int, np.ndarray, np.ndarray] | None = None
        """The latest policy tick of the running task: its count, measured arm joints and fingers (None: none since the
        task started or the policy last restarted)."""
        self._policy_joint_vel = np.zeros(self.robot.n_arm)
        """The joint velocities a task's policy observes (``_env_velocity``); the safety checks read the driver's."""
        self.goal: TaskGoal | None = None
        self.expert: Expert | None = None
        self._policy_every = max(1, round(params.control_rate_hz / params.policy_rate_hz))
        self._samples: list[JointState] = []
        self._invalid: tuple[str, float] | None = None
        self._estop = False
        self._estop_since: float | None = None
        self._estop_last: float | None = None
        self._objects_at: float | None = None
        self._pending_objects: tuple[dict[str, list[float]], dict[str, list[float]]] | None = None
        self._first_objects_at: float | None = None
        self._started = start
        self._measured_at: dict[str, float] = {}
        """When each cube's latest pose was measured (its arrival less its ``age``): what a silent ``scene/objects``
        ages (a cube never reported counts from the bridge's start)."""
        self._last_seen: dict[str, float] = {}
        self._absent: dict[str, int] = {}  # scene/objects messages in a row without the cube
        self._pending_missing: frozenset[str] | None = None
        self._measured: set[str] = set()  # cubes the mirror has a perceived pose of (else its default layout's)
        self.missing_objects: frozenset[str] = frozenset()
        m = self.mirror.model
        base = mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_BODY, self.mirror.scene.robot.base_body)
        self._robot_bodies = np.flatnonzero(m.body_rootid == m.body_rootid[base])
        """Cubes perception has lost (``OBJECT_LOSS_GRACE_S``): their mirror pose is a memory. The agent's world
        carries them (``BridgeWorld.missing_objects``), so plans and checks leave them out."""
        self._events: list[dict[str, Any]] = []
        self._active: set[FaultKind] = set()
        self._clock_fault: Fault | None = None
        """A failed clock check of tick-stamped trajectories once armed (``on_clock_check``), in force until a check
        passes."""
        self._clock_refusal: str | None = None
        """Why the latest clock check failed (None: it passed, or none was made): an arm request is refused."""
        self._target: tuple[np.ndarray, float] | None = None
        self._armed_once = not params.arm_on_start
        self._restart_ik = False
        self._reset_pending = False
        """The policy's latest reset failed (its process busy, restarting or raising): it acts again only after a
        reset that succeeds (``_reset_policy``), so nothing it queued before is served."""
        self._fresh_from: float | None = None
        """No command until a trusted reading received at or after this (node clock; None: none waits). A tick that
        asked the policy and then commands from its reading sets it when the call returned: a restart's reset (a
        resume, DEGRADED's entry), failed or not, and a policy call of ``_run_policy`` that failed (an act past its
        deadline, a goal's pending reset retried): a PolicyProcess waits up to ``policy_deadline_s`` while the arm
        moves, the node's lock holds the readings of that wait back, and a hold from the tick's reading pulls the arm
        back by what it moved meanwhile (REV s18-R4: 0.016 rad). The command then goes out from the newest reading."""
        self._fresh_resume = False
        """The command ``_fresh_from`` holds back is a resume's (the gate reset to the measured position), else the
        mode's own (DEGRADED's hold taken from that reading)."""
        self._out_mode = self.supervisor.mode
        """The mode of the latest tick or reaction: a reaction commands only when the mode rose above it."""
        self.tick_count = 0
        self.policy_ms = 0.0
        self.env_velocity_ms = 0.0
        """The latest policy tick's ``_env_velocity`` (ms): on the tick before inference, and not in ``policy_ms``,
        which the policy's deadline judges (inference alone; a loaded host's servo spike is no policy overrun)."""
        self.task_success = False
        self._agent: AgentRun | None = None
        self._agent_events: collections.deque[dict[str, Any]] = collections.deque()
        """Plans, steps and reports from the agent's thread, moved to the events by the next tick or reaction."""
        self.agent_wait_s = AGENT_WAIT_S
        self._agent_took: int | None = None
        """The tick that took the agent's action now running its period (None: none is)."""
        self._agent_result_served = False
        """The state after that action went to the agent (its ``step`` returned)."""
        self._planner: Any = None
        self._planner_fault: str | None = None  # the planner's process died or overran; cleared by a re-arm
        self._goal_at = start

    # --- inputs (called from ROS callbacks) ------------------------------------------------------
    def on_joint_state(self, names: Sequence[str], position: Sequence[float], velocity: Sequence[float],
                       effort: Sequence[float], stamp: float, now: float) -> None:
        """Queue a joint state; ``now`` is when it arrived (node clock): staleness and fault times count from it."""
        if len(names) <= 64:
            self._received_names = tuple(names)
        self._arrivals.append(now)
        while self._arrivals and self._arrivals[0] < now - 1.0:
            self._arrivals.popleft()
        try:
            sample = self.joint_map.parse(names, position, velocity, effort, stamp, now)
        except InputError as exc:
            self._invalid = (str(exc), now)
            return
        if not self.vendor.fingers_in_joint_states:
            sample = dataclasses.replace(sample, **self._finger_reading())
        self._samples.append(sample)

    def _finger_reading(self) -> dict[str, Any]:
        if self._fingers is not None:
            return {"gripper": self._fingers[0], "fingers": self._fingers[1]}
        last = self.commander.last
        # No finger readings (UR: the gripper is an action): the commanded opening stands in, the stall check sees
        # no difference, and the mirror's fingers follow the command.
        return {"gripper": self.robot.gripper_open if last is None else last.gripper, "fingers": None}

    def on_gripper_state(self, names: Sequence[str], position: Sequence[float], now: float) -> None:
        """The gripper node's finger joint states (franka_gripper/joint_states); a bad message is bad input."""
        try:
            sample = self.finger_map.parse(names, position, (), (), 0.0, now)
        except InputError as exc:
            self._bad_input(self.vendor.gripper_state_topic, str(exc), now)
            return
        if sample.fingers is None or not np.isfinite(sample.gripper):
            self._bad_input(self.vendor.gripper_state_topic,
                            f"finger joints {', '.join(self.finger_map.fingers)} missing or not finite in "
                            f"{', '.join(names) or 'none'}", now)
            return
        self._fingers = (sample.gripper, sample.fingers)

    def on_driver_status(self, topic: StatusTopic, msg: Any, now: float) -> None:
        """A vendor status message (robot mode, safety mode, program running, speed scaling, robot state)."""
        self.driver.on_message(topic, msg, now)

    def on_estop(self, asserted: bool, now: float) -> None:
        """Note an e-stop message; ``now`` is when it arrived: the e-stop fault's criterion time."""
        if asserted and not self._estop:
            self._estop_since = now
        self._estop, self._estop_last = asserted, now

    def on_objects(self, text: str, now: float) -> None:
        try:
            poses, places, ages = parse_objects(text)
        except InputError as exc:
            self._bad_input("scene/objects", str(exc), now)
            return
        unknown = sorted(set(poses) - set(self.mirror.scene.object_names))
        if unknown:
            self._bad_input("scene/objects", f"unknown object(s) {', '.join(unknown)} ignored; the bridge knows "
                                             f"{', '.join(self.mirror.scene.object_names)}", now)
        # A pose perception has not measured for object_max_age_s is a memory, not a measurement: read as absent.
        poses = {n: p for n, p in poses.items() if ages[n] <= self.params.object_max_age_s}
        for name in poses:
            self._measured_at[name] = now - ages[name]
        # Applied in the next tick, after that tick's joint states: a grasp is judged on simultaneous poses.
        self._pending_objects = (poses, places)
        self._objects_at = now
        self._pending_missing = self._unseen(poses, now)

    def _unseen(self, poses: dict[str, list[float]], now: float) -> frozenset[str]:
        """The scene's cubes absent from messages for ``OBJECT_LOSS_GRACE_S`` and two messages in a row (a cube never
        seen counts from the first message)."""
        if self._first_objects_at is None:
            self._first_objects_at = now
        unseen = set()
        for name in self.mirror.scene.object_names:
            if name in poses:
                self._last_seen[name], self._absent[name] = now, 0
                continue
            self._absent[name] = self._absent.get(name, 0) + 1
            since = self._last_seen.get(name, self._first_objects_at)
            # A cube already missing stays unseen until a message reports it: one message without it (the first
            # after a silence that lost it) brings back no memory.
            if name in self.missing_objects or (self._absent[name] >= 2 and now - since >= OBJECT_LOSS_GRACE_S):
                unseen.add(name)
        return frozenset(unseen)

    def _hidden(self, name: str, unseen: frozenset[str]) -> bool:
        """Whether something the mirror shows may hide the unseen cube ``name`` at its remembered place: the hand
        holds it, a perceived cube rests over it (a stack seen from above shows its top cube only), or a robot link
        is over or near it. Seen without this (tests/robot/test_bridge_agent_ros.py): the blue cube under the
        stacked red one went missing, and the replan was refused."""
        v, d = self.mirror.view, self.mirror.data
        if name in held_objects(v):
            return True
        p, half = v.object_pos(name), v.object_half(name)
        for other in v.object_names:
            if other != name and other not in unseen:
                q = v.object_pos(other)
                if q[2] > p[2] + half and footprints_overlap((p, half, v.object_yaw(name)),
                                                              (q, v.object_half(other), v.object_yaw(other))):
                    return True
        links = d.xpos[self._robot_bodies]
        near = np.linalg.norm(links[:, :2] - p[:2], axis=1) < OCCLUSION_RADIUS
        return bool(np.any(near & (links[:, 2] > p[2])))

    def _uncovered(self, poses: dict[str, list[float]]) -> dict[str, list[float]]:
        """``poses`` without the cubes another cube covers (``STACK_COVER_M``) where the mirror has them and where they
        were perceived: their measurement is cut, and the mirror keeps the pose it measured before (a cube seen
        covered from the first message on has no better one, and takes it). The cube over it counts where this
        message puts it, or where the mirror holds it (in the hand); a cube this message lacks covers nothing. Only a
        measurement within ``STACK_COVER_BIAS_M`` of the kept pose is read as cut: one farther off is a move."""
        v = self.mirror.view
        held = set(held_objects(v))
        where: dict[str, Footprint] = {
            n: (v.object_pos(n).copy(), v.object_half(n), v.object_yaw(n)) if n in held
            else (np.asarray(poses[n][:3], float), v.object_half(n), yaw_of(poses[n][3:7]))
            for n in v.object_names if n in held or n in poses}
        out = {}
        for name, pose in poses.items():
            if name in where and name in self._measured and name not in held:
                kept: Footprint = (v.object_pos(name).copy(), v.object_half(name), v.object_yaw(name))
                above = [where[o] for o in where if o != name]
                if float(np.linalg.norm(where[name][0] - kept[0])) <= STACK_COVER_BIAS_M \
                        and any(covered(cube, above) for cube in (kept, where[name])):
                    continue
            out[name] = pose
        return out

    def _settle_stacks(self, perceived: Iterable[str]) -> None:
        """Perceived cubes resting on another within measurement noise are put in contact with it in the mirror
        (``STACK_SETTLE_M``), lowest first, so a stack of three settles from the bottom; held cubes are left alone."""
        v, d = self.mirror.view, self.mirror.data
        held = set(held_objects(v))
        free = [n for n in v.object_names if n not in held]
        moved = False
        for name in sorted((n for n in perceived if n in free), key=lambda n: float(v.object_pos(n)[2])):
            supports = [(v.object_pos(o).copy(), v.object_half(o), v.object_yaw(o)) for o in free if o != name]
            z = settled_height(v.object_pos(name).copy(), v.object_half(name), supports)
            if z is not None:
                d.qpos[v.object_qadr[name] + 2] = z
                moved = True
        if moved:
            mujoco.mj_kinematics(self.mirror.model, d)
            mujoco.mj_collision(self.mirror.model, d)

    def _apply_missing(self, unseen: frozenset[str], now: float) -> None:
        """Mark newly ``unseen`` cubes missing unless they may be hidden (``_hidden``); events name each loss and
        recovery. A cube already missing stays missing until perception reports it again: ``_hidden`` judges its
        stale remembered pose, so the arm passing over that pose would otherwise bring it back to be planned over."""
        kept = self.missing_objects & unseen
        missing = kept | frozenset(n for n in unseen - kept if not self._hidden(n, unseen))
        for name in sorted(missing - self.missing_objects):
            self._events.append({"event": "object_lost", "t": now, "object": name,
                                 "unseen_s": round(now - self._last_seen.get(name, self._first_objects_at or now), 3)})
        for name in sorted(self.missing_objects - missing):
            self._events.append({"event": "object_found", "t": now, "object": name})
        self.missing_objects = missing
        # A cube back from missing may have been moved meanwhile: its first measurement is taken, covered or not.
        self._measured -= missing

    def resolve_instruction(self, text: str) -> TaskGoal | None:
        """What runs ``~/instruction`` text. With a planner, words are the agent's (None: plan, then run the plan's
        skills, as in simulation); a JSON task goal, or words without a planner, is one task for the task's
        expert or policy (its TaskGoal; InputError if the task parser cannot read it). Reads no tick state, so
        the node may call it outside its lock."""
        if self.params.planner != NO_PLANNER and not text.strip().startswith("{"):
            return None
        return parse_instruction(text, objects=self.mirror.scene.object_names, default_task=self.params.task)

    def on_instruction(self, text: str, now: float, resolved: TaskGoal | InputError | None = None, *,
                       on_event: EventSink | None = None) -> TaskGoal | AgentRun | None:
        """Start the instruction: a task goal (``resolved`` from an earlier ``resolve_instruction`` call, else
        resolved here) runs at once; anything else starts the agent (``start_agent``, ``on_event`` its feedback); bad
        input gives None."""
        if resolved is None:
            try:
                resolved = self.resolve_instruction(text)
            except InputError as exc:
                resolved = exc
        if isinstance(resolved, InputError):
            self._bad_input("~/instruction", str(resolved), now)
            return None
        if resolved is None:
            return self.start_agent(text, now, on_event=on_event)
        return self._start(resolved, now)

    def start_agent(self, text: str, now: float, *, on_event: EventSink | None = None) -> AgentRun:
        """Run ``text`` through the agent (``robot.agent_runner``): plan over the perceived scene with the bridge's
        planner, run the plan's skills through the policy ticks, replan on failure. Any running task or agent
        run is stopped first. ``on_event`` gets each plan, step and the final report (from the agent's thread)."""
        from policies.planner.agent import AgentConfig

        self._stop_agent("superseded by a new instruction")
        self.goal, self.expert = None, None
        self._target = None
        self._agent_took = None
        self._goal_at = now  # without object poses, perception is stale from the instruction on
        world = BridgeWorld(self.params.sim_model, cubes=self.params.cubes, controller=self.controller.config,
                            control_dt=self.controller.control_dt)
        def tell(event: dict[str, Any]) -> None:
            self._agent_events.append({**event, "event": f"agent_{event['event']}"})  # deque: thread-safe
            if on_event is not None:
                on_event(event)

        # A skill's checkpoint process starts at its first use under the bridge's own start bound (the same torch and
        # text encoder as the bridge's policy process, on the same host).
        skills = shared_skill_policies(self.params.sim_model, self.params.policy_start_timeout_s)
        self._agent = AgentRun(text, planner=self._get_planner(), world=world,
                               config=AgentConfig(robot=self.params.sim_model,
                                                  skill_policies=self.params.skill_policy_map(),
                                                  policy_speed_fraction=self.agent_speed_fraction),
                               on_event=tell, skill_policies=skills)
        self._events.append({"event": "instruction", "t": now, "agent": True, "instruction": text})
        return self._agent.start()

    @property
    def agent_speed_fraction(self) -> float:
        """The agent's ``policy_speed_fraction`` behind this bridge's gate: ``AGENT_GATE_SHARE`` of its
        ``gate_velocity_scale``, at most the agent's default; at least 0.05, the least ``AgentConfig`` takes (a gate
        below 0.07 then clips a learned skill's moves)."""
        from policies.planner.agent import POLICY_SPEED_FRACTION

        return max(0.05, min(POLICY_SPEED_FRACTION, AGENT_GATE_SHARE * self.params.gate_velocity_scale))

    @property
    def agent(self) -> AgentRun | None:
        """The latest agent run (running or finished), if any."""
        return self._agent

    def _stop_agent(self, reason: str) -> None:
        if self._agent is not None and self._agent.world.active:
            self._agent.world.interrupt(reason)

    def _get_planner(self) -> Any:
        # The planner runs in a process of its own: a language model that crashes natively or hangs must not
        # take the safety monitor with it (robot/planner_process.py).
        if self._planner is None:
            from robot.planner_process import PlannerProcess

            self._planner = PlannerProcess(self.params.planner, timeout_s=PLANNER_TIMEOUT_S)
        return self._planner

    def planner_failed(self, error: str, now: float) -> None:
        """The planner's process died or overran mid-instruction: the ``planner_process`` fault, a controlled
        stop, and the instruction's remaining tasks dropped; the fault shows on ``~/state`` until a re-arm."""
        self._planner_fault = error
        self._stop_agent(f"{FaultKind.PLANNER_PROCESS.id}: {error}")
        self._events.append({"event": "fault", "t": now, "fault": FaultKind.PLANNER_PROCESS.id, "detail": error})
        transitions = self.supervisor.stop(now, cause=f"{FaultKind.PLANNER_PROCESS.id}: {error}",
                                           fault=FaultKind.PLANNER_PROCESS)
        self._events.extend(t.to_dict() for t in transitions)

    def close(self) -> None:
        """Stop the agent's run and the planner's and the policy's processes, if any."""
        self._stop_agent("the bridge is closing")
        for owned in (self._planner, self.policy):
            if owned is not None and hasattr(owned, "close"):
                owned.close()

    def _start(self, goal: TaskGoal, now: float) -> TaskGoal:
        self._stop_agent("superseded by a task instruction")
        self.goal, self.task_success = goal, False
        self._goal_at = now
        self.expert = make_expert(goal, self.mirror.view, self.controller.config.max_pos_step)
        failed = self._reset_policy(now)  # a failure leaves the reset pending: the first policy tick retries it
        if failed is not None:
            self._events.append({"event": "policy_reset_failed", "t": now, "detail": failed.detail})
        self._restart_env_velocity()
        self._target = None
        self._events.append({"event": "instruction", "t": now, "task": goal.task, "object": goal.object,
                             "target": goal.target, "instruction": goal.instruction})
        return goal

    def run_preflight(self, now: float, missing: Sequence[str] = ()) -> list[PreflightCheck]:
        """The arm request's checks (``robot.preflight``); ``missing``: what the node found absent in the graph."""
        params, trusted = self.params, self.monitor.trusted
        violations = []
        if trusted is not None:
            lo, hi = np.array(self.robot.lower), np.array(self.robot.upper)
            for j in np.flatnonzero((trusted.position < lo) | (trusted.position > hi)):
                violations.append(f"{self.joint_map.arm[j]} at {trusted.position[j]:+.3f} rad outside "
                                  f"[{lo[j]:+.3f}, {hi[j]:+.3f}]")
        rate = float(sum(1 for t in self._arrivals if t > now - 1.0))
        self.preflight = run_preflight(PreflightInputs(
            expected_joints=self.joint_map.arm, received_joints=self._received_names, rate_hz=rate,
            expected_rate_hz=params.expected_state_rate_hz, min_rate_fraction=params.min_rate_fraction,
            limit_violations=violations, driver_status=self.driver.summary(), missing=tuple(missing)))
        return self.preflight

    def on_clock_check(self, ok: bool, detail: str, now: float) -> None:
        """The clock check's verdict (``robot.clock_check``), judged by the node with tick-stamped trajectories each
        diagnostics period while armed and at each arm request. A failure is a ``bad_stamp`` fault from ``now``
        (category 1: hold): the controller samples the bridge's stamps on a clock that no longer agrees, so its
        trajectories stop meaning what the bridge planned (a clock step, a restarted driver). It stays until a
        check passes. Before the first arm nothing is commanded, so a failure only refuses the arm request; an arm
        request is refused while the latest check fails, whatever the profile."""
        if ok:
            self._clock_fault = self._clock_refusal = None
            return
        self._clock_refusal = f"clock check failed (trajectory_stamp tick): {detail}"
        if self.armed and self._clock_fault is None:
            self._clock_fault = Fault(kind=FaultKind.BAD_STAMP, since=now, detail=self._clock_refusal)

    def rearm(self, now: float, missing: Sequence[str] | None = None) -> tuple[bool, str]:
        """An arm (or re-arm) request. A driver profile runs the preflight first (``missing``: driver topics the
        node found absent); the generic sim profile arms on the supervisor's conditions alone. A failed clock
        check (``on_clock_check``) refuses either: the preflight's ``clock`` finding (the node passes it with the
        rest), else the latest verdict. Before the first trusted joint state nothing is armed (``rearm_blocker``)."""
        why = None
        if missing is not None or self.vendor.name != "generic":
            why = refusal(self.run_preflight(now, missing or ()))
        elif self._clock_refusal is not None:
            why = self._clock_refusal
        if why is None:
            why = self._no_reading(now)
        if why is not None:
            self._events.append({"event": "rearm", "t": now, "ok": False, "reason": why})
            return False, why
        ok, why = self.supervisor.rearm(now, self.monitor.consistent_since)
        if ok:
            self.armed = True
            # An operator's arming before the first trusted reading is the first arming too: the start-up arming
            # must never fire later and re-arm a stop that latched after it (it would lift an ESTOP unasked).
            self._armed_once = True
            self._planner_fault = None
        self._events.append({"event": "rearm", "t": now, "ok": ok, "reason": why})
        if ok:
            self._events.append(self.supervisor.log[-1].to_dict())
            self._out_mode = self.supervisor.mode  # a fault before the next tick must fall back at once again
        return ok, why

    def rearm_blocker(self, now: float) -> str | None:
        """Why the safety core would refuse an arm request at ``now`` (None: it would accept it; the preflight of a
        driver profile and the clock check come on top): the supervisor's conditions, and a trusted joint state.
        ``~/state``'s ``rearm_ready`` is this being None."""
        return self._no_reading(now) or self.supervisor.rearm_blocker(now, self.monitor.consistent_since)

    def _no_reading(self, now: float) -> str | None:
        """The refusal of an arming before the first joint state that passed every check (None once one did, or
        while NOMINAL). Armed with nothing measured, the bridge would command from whatever reading came first, and
        the operator's decision would rest on no measurement (no limits, no tracking, no mode judged): the start-up
        state reported ``rearm_ready`` then only because no fault had been seen yet. The arming waits for a trusted
        reading; the faults seen meanwhile are named too."""
        if self.monitor.trusted is not None or self.supervisor.mode == Mode.NOMINAL:
            return None
        seen = "none received" if self._received_names is None else "none passed every check yet"
        pending = self.supervisor.rearm_blocker(now, self.monitor.consistent_since)
        return f"no trusted joint state yet ({seen}): nothing measured to arm from" + (
            f"; {pending}" if pending is not None else "")

    def stop(self, now: float) -> tuple[bool, str]:
        transitions = self.supervisor.stop(now)
        self._events.extend(t.to_dict() for t in transitions)
        return True, "stopping" if transitions else f"already {self.supervisor.mode.name}"

    def _bad_input(self, topic: str, error: str, now: float) -> None:
        self._events.append({"event": "bad_input", "t": now, "topic": topic, "error": error})

    # --- between ticks -------------------------------------------------------------------------------
    def _perception_deadline(self) -> float | None:
        if self.params.perception_timeout_s <= 0 or (self.goal is None and not self._agent_active()):
            return None
        if self._objects_at is None:
            return self._goal_at  # a task without any object poses is stale from its start
        return self._objects_at + self.params.perception_timeout_s

    def next_deadline(self) -> float | None:
        """When :meth:`react` must run next if no input arrives first: the earliest time a time-based fault
        criterion (stale joint states, lost e-stop heartbeat, thin stream, old object poses) will be met."""
        return self.monitor.next_deadline(estop_last_msg=self._estop_last,
                                          perception_deadline=self._perception_deadline())

    def react(self, now: float, lateness: float = 0.0) -> TickResult | None:
        """Evaluate the monitor between ticks: on each input as it arrives, and at :meth:`next_deadline`.

        When the mode rose since the last tick or reaction (a fault that demands a fallback, or an operator
        :meth:`stop`), the safe command for the new mode is returned at once (``record["kind"] == "reaction"``)
        instead of waiting for the next tick; otherwise None, and anything found is reported by the next tick.
        ``lateness``: how long after the input arrived or the deadline fell this runs. Never runs the policy,
        resumes or re-arms: those stay on the tick.
        """
        samples, invalid = self._take_inputs()
        faults = self.monitor.tick(now, self._monitor_inputs(now, samples, invalid, tick_lateness=None))
        if not self.armed:
            self.supervisor.observe(now, faults)  # disarmed: nothing commanded, nothing to fall back from
            self._events += self._fault_events(now, faults)
            return None
        transitions = self.supervisor.escalate(now, faults)
        events = self._fault_events(now, faults) + [t.to_dict() for t in transitions]
        mode = self.supervisor.mode
        self._agent_guard(mode, faults)
        if mode <= self._out_mode:
            self._events += events  # published with the next tick's
            return None
        self._out_mode = mode
        if mode == Mode.DEGRADED:
            self._restart_ik = True  # the backup's IK starts from the measured pose on the next tick
        command = self.commander.command(mode, self.monitor.trusted,
                                         measurements_trusted=self.supervisor.measurements_trusted,
                                         stream_lost=stream_lost(faults),
                                         loss_withdrew_trust=self.supervisor.distrusted_by == FaultKind.STALE_STATE)
        events, self._events = self._events + events, []
        record = self._record("reaction", now, lateness, faults, len(samples), command)
        return TickResult(command=command, mode=mode, faults=faults, events=events, record=record)

    def _take_inputs(self) -> tuple[list[JointState], tuple[str, float] | None]:
        samples, self._samples = self._samples, []
        invalid, self._invalid = self._invalid, None
        return samples, invalid

    def _monitor_inputs(self, now: float, samples: list[JointState], invalid: tuple[str, float] | None, *,
                        tick_lateness: float | None) -> MonitorInputs:
        last = self.commander.reference
        return MonitorInputs(
            samples=samples, invalid_state=None if invalid is None else invalid[0],
            invalid_since=None if invalid is None else invalid[1], estop_asserted=self._estop,
            estop_since=self._estop_since, estop_last_msg=self._estop_last, command=None if last is None else last.arm,
            driver_faults=[*self.driver.faults(now), *(() if self._clock_fault is None else (self._clock_fault,))],
            gripper_command=None if last is None else last.gripper, tick_lateness=tick_lateness,
            perception_deadline=self._perception_deadline())

    def _record(self, kind: str, now: float, lateness: float, faults: list[Fault], samples: int,
                command: Command | None) -> dict[str, Any]:
        trusted = self.monitor.trusted
        return {"kind": kind, "tick": self.tick_count, "t": now, "lateness": lateness,
                "mode": self.supervisor.mode.name, "faults": [f.to_dict() for f in faults], "samples": samples,
                "measured": None if trusted is None else trusted.position.tolist(),
                "received": None if trusted is None else trusted.received,
                "cmd": None if command is None else command.arm.tolist(),
                "gripper": None if command is None else command.gripper,
                "source": None if command is None else command.source,
                "changed": [] if command is None else list(command.changed),
                "measurements_trusted": self.supervisor.measurements_trusted}

    # --- the tick ----------------------------------------------------------------------------------
    def tick(self, now: float, lateness: float = 0.0) -> TickResult:
        began = time.perf_counter()
        samples, invalid = self._take_inputs()
        faults = self.monitor.tick(now, self._monitor_inputs(now, samples, invalid, tick_lateness=lateness))
        sup = self.supervisor
        if self.armed:
            transitions = sup.update(now, faults)
        else:
            # Disarmed (start-up): faults are reported and block the arming until they clear, but latch no stop
            # and escalate nothing: a load spike while the streams come up is no ESTOP.
            sup.observe(now, faults)
            transitions = []
        self._agent_guard(sup.mode, faults)
        trusted = self.monitor.trusted
        if self._pending_objects is not None:
            if trusted is not None:
                self.mirror.set_arm(trusted.position, trusted.finger_positions)
            self.mirror.set_places(self._pending_objects[1])
            poses = self._uncovered(self._pending_objects[0])
            self.mirror.set_objects(poses)
            self._settle_stacks(poses)
            self._measured.update(poses)
            self._pending_objects = None
            if self._pending_missing is not None:
                self._apply_missing(self._pending_missing, now)
                self._pending_missing = None
        else:
            # No message this tick: a pose measured longer ago than object_max_age_s (never less than the loss grace,
            # so a short bound does not flap between messages) is a memory, as a message serving it at that age would
            # make it. scene/objects silent (perception stopped, its camera dark, or never started) thus loses every
            # cube, the default layout included, at the bound counted from each pose's own measurement.
            bound = max(self.params.object_max_age_s, OBJECT_LOSS_GRACE_S)
            aged = frozenset(n for n in self.mirror.scene.object_names
                             if now - self._measured_at.get(n, self._started) > bound)
            if aged - self.missing_objects:
                self._apply_missing(aged | self.missing_objects, now)
        # Until the first arming nothing was ever commanded: faults seen while the arm's streams come up
        # (no state yet, no heartbeat yet) are start-up, not stops to latch.
        if not self._armed_once and self.rearm_blocker(now) is None:
            self._armed_once = True
            self.rearm(now)
        resumed, sup.resumed = sup.resumed, False
        restart = resumed or self._restart_ik or bool(transitions and transitions[-1].target == Mode.DEGRADED)
        if trusted is not None and restart:
            # The IK target restarts from the measured pose: no jump to a target from before the stop. The policy
            # restarts too: an action chunk (or ensemble history) predicted before the stop is no command after it.
            self.mirror.set_arm(trusted.position, trusted.finger_positions)
            self.controller.reset(self.mirror.data)
            reset_fault = self._reset_policy(trusted.received)
            self._restart_env_velocity()
            if self._agent_active():
                # So does the agent's skill: an action it computed before the pause (waiting to be taken, or its
                # period cut short) is void, and its step returns with the state measured now.
                assert self._agent is not None
                self._agent.world.void_pending(self.mirror, missing=self.missing_objects, at=trusted.stamp)
                self._agent_took = None
            self._target = None
            self._restart_ik = False
            if reset_fault is not None:
                # A policy fault like one from its action (category 2: DEGRADED holds or retreats; the policy's
                # next tick retries the reset before it acts), never a failed tick: a PolicyProcess busy on a late
                # answer or restarting its child raises here, and the resume's hold must still go out.
                faults.append(reset_fault)
                transitions += sup.update(now, [reset_fault])
                self._agent_guard(sup.mode, [reset_fault])
            if self.policy is not None:
                # Not from this tick's reading, whether the reset failed or succeeded: it may have waited up to
                # policy_deadline_s, and a hold there pulls an arm still moving (settling after the stop) back by what
                # it moved meanwhile (REV s18-R4: 0.016 rad). The command waits for a newer reading (``_fresh_from``).
                self._await_reading(now, began, resume=resumed)
        fresh_from = self._fresh_from
        if fresh_from is not None and (sup.mode >= Mode.SAFE_STOP or not sup.measurements_trusted):
            fresh_from = self._fresh_from = None  # a stop's hold or a freeze rules now, as for any command
        waiting = fresh_from is not None and (trusted is None or trusted.received < fresh_from)
        if fresh_from is not None and not waiting:
            assert trusted is not None  # not waiting: a reading received after the policy's call returned
            self._fresh_from = None
            if self._fresh_resume:
                resumed = True  # the resume's command, from this newest reading
                self.mirror.set_arm(trusted.position, trusted.finger_positions)
                self.controller.reset(self.mirror.data)
        nominal = retreat = None
        policy_ran = agent_ran = False
        fault: Fault | None = None
        if waiting:
            self._target = None  # nothing acts and nothing is sent until a reading newer than the policy's call
        elif trusted is not None and sup.mode == Mode.NOMINAL and self._agent_active():
            # The agent's actions keep a phase of their own: any tick may end one's period (``_run_agent``).
            agent_ran = True
            policy_ran, fault = self._run_agent(trusted)
        elif trusted is not None and self.tick_count % self._policy_every == 0 and sup.mode <= Mode.DEGRADED:
            if sup.mode == Mode.NOMINAL:
                policy_ran = self.goal is not None
                fault = self._run_policy(trusted)
                # A failed call may have waited up to policy_deadline_s (an act past its deadline, a pending reset
                # retried): DEGRADED's hold is not taken from this tick's reading. The arm meanwhile goes on toward
                # the last command sent (the policy's: where it was heading), as during the call. A resume this tick
                # stays one: its command (the gate reset at the measured position) is the one that waits.
                waiting = fault is not None and self._await_reading(now, began, resume=resumed)
            elif self.params.degraded_fallback == "retreat":
                self._target = self._retreat(trusted)
        if fault is not None:
            faults.append(fault)
            transitions += sup.update(now, [fault])
            self._agent_guard(sup.mode, [fault])
        if self._agent_active() and trusted is not None and not agent_ran:
            self._serve_agent(trusted)
        if self._target is not None:
            nominal = self._target if sup.mode == Mode.NOMINAL else None
            retreat = self._target if sup.mode == Mode.DEGRADED else None
        if trusted is not None:
            self._watch_trail(trusted.position, sup.mode == Mode.NOMINAL and sup.measurements_trusted)
        command = self.commander.command(sup.mode, trusted, resumed=resumed, nominal=nominal, retreat=retreat,
                                         measurements_trusted=sup.measurements_trusted,
                                         stream_lost=stream_lost(faults),
                                         loss_withdrew_trust=sup.distrusted_by == FaultKind.STALE_STATE) \
            if self.armed and not waiting else None
        if command is not None and sup.mode == Mode.NOMINAL:
            self._sent.append((self.tick_count, command.arm.tolist()))
        events = self._fault_events(now, faults) + [t.to_dict() for t in transitions]
        events, self._events = self._events + events, []
        self._out_mode = sup.mode
        record = {**self._record("tick", now, lateness, faults, len(samples), command),
                  "policy_ms": self.policy_ms if policy_ran else None,
                  "env_velocity_ms": self.env_velocity_ms if policy_ran and not agent_ran else None}
        self.tick_count += 1
        return TickResult(command=command, mode=sup.mode, faults=faults, events=events, record=record)

    def _watch_trail(self, measured: np.ndarray, nominal: bool) -> None:
        """Judge the reading against the commands sent, as the gate is about to: those of the NOMINAL ticks just
        before this one, in a row, the last still the gate's (no reaction's command since)."""
        sent = self._sent
        if not nominal or len(sent) < 2 or sent[-1][0] != self.tick_count - 1 or self.gate.prev is None \
                or self.gate.prev.tolist() != sent[-1][1]:
            return
        start = len(sent) - 1
        while start > 0 and sent[start - 1][0] == sent[start][0] - 1:
            start -= 1
        if len(sent) - start >= 2:
            self.trail.observe(measured.tolist(), [arm for _, arm in itertools.islice(sent, start, None)])

    def _fault_events(self, now: float, faults: list[Fault]) -> list[dict[str, Any]]:
        kinds = {f.kind for f in faults}
        out = [{"event": "fault", "t": now, **f.to_dict()} for f in faults if f.kind not in self._active]
        out += [{"event": "fault_cleared", "t": now, "kind": k.id} for k in sorted(self._active - kinds,
                                                                                   key=lambda k: k.name)]
        self._active = kinds
        return out

    # --- agent, policy and backup -------------------------------------------------------------------------
    def _agent_active(self) -> bool:
        return self._agent is not None and self._agent.world.active

    def _agent_guard(self, mode: Mode, faults: Sequence[Fault]) -> None:
        """A stop (SAFE_STOP, ESTOP) ends the agent's skill where it is: the agent reports the step it stopped in.
        DEGRADED only pauses it, as it pauses a task's policy: no action is taken until NOMINAL resumes. Also moves
        the agent's news into the events this tick or reaction publishes."""
        while self._agent_events:
            self._events.append(self._agent_events.popleft())
        if mode >= Mode.SAFE_STOP and self._agent_active():
            why = ", ".join(f.kind.id for f in faults) or "operator stop"
            self._stop_agent(f"the bridge left NOMINAL for {mode.name} ({why})")

    def _serve_agent(self, trusted: JointState) -> None:
        """The measured scene for the agent without running an action: it plans and checks over it meanwhile."""
        assert self._agent is not None
        self.mirror.set_arm(trusted.position, trusted.finger_positions)
        self._agent.world.serve(self.mirror, missing=self.missing_objects, at=trusted.stamp)

    def _run_agent(self, trusted: JointState) -> tuple[bool, Fault | None]:
        """The agent's side of one NOMINAL tick. Its action runs one policy period (``_policy_every`` ticks) from the
        tick that took it. The period's last tick serves the state measured then, the action's result, which the
        agent's ``step`` returns with, as the env's step returns the state after its control period; the skill
        computes its next action from it while the arm finishes the period, and the tick that starts the next period
        takes it, waiting up to ``agent_wait_s`` when it is not there yet. One not ready by then is taken by the first
        tick it is (the arm holds meanwhile) and its period starts there. One computed from a state that had a cube
        perception has lost since is void (``BridgeWorld.take``): its step returns with the loss, and the arm holds.
        The tick never waits on the skill's computation in the usual case: the GIL it shares with the agent's thread
        would hold it for the thread's switch interval. Returns whether the tick asked for an action, and a bad
        action's fault."""
        assert self._agent is not None
        world, mirror, every = self._agent.world, self.mirror, self._policy_every
        mirror.set_arm(trusted.position, trusted.finger_positions)
        took = self._agent_took
        ran = None if took is None else self.tick_count - took
        result = ran is not None and not self._agent_result_served and ran >= max(1, every - 1)
        world.serve(mirror, took=result, missing=self.missing_objects, at=trusted.stamp)
        self._agent_result_served |= result
        if ran is not None and ran < every:  # its period runs: its target stands
            return False, None
        self._agent_took = None
        # The wait is where an action is due: a period's start, or a policy tick while the agent plans or verifies.
        wait = self.agent_wait_s if took is not None or self.tick_count % every == 0 else 0.0
        began = time.perf_counter()
        action = world.take(wait)
        self.policy_ms = (time.perf_counter() - began) * 1e3
        if action is None:  # planning, verifying, or the next action not ready yet: hold where it is
            self._target = None
            return True, None
        if not np.isfinite(action).all():
            self._target = None
            world.interrupt("the skill's action was not finite")
            return True, Fault(kind=FaultKind.POLICY_NONFINITE, since=trusted.received,
                               detail=f"skill action {action.tolist()}")
        ctrl = self.controller.compute(mirror.data, np.clip(action, -1.0, 1.0))
        n = self.robot.n_arm
        self._target = (ctrl[:n].copy(), float(ctrl[n:].mean()))
        self._agent_took, self._agent_result_served = self.tick_count, False
        return True, None

    def _run_policy(self, trusted: JointState) -> Fault | None:
        """One policy step on the mirror; sets the joint target, or returns the policy fault."""
        if self.goal is None or (self.expert is None and self.policy is None):
            self._target = None
            self._restart_env_velocity()
            return None
        if self._reset_pending:
            began = time.perf_counter()
            failed = self._reset_policy(trusted.received)
            if failed is not None:
                self.policy_ms = (time.perf_counter() - began) * 1e3
                self._target = None
                return failed
        mirror = self.mirror
        mirror.set_arm(trusted.position, trusted.finger_positions)
        began = time.perf_counter()
        self._env_velocity()
        self.env_velocity_ms = (time.perf_counter() - began) * 1e3
        began = time.perf_counter()
        try:
            if self.policy is not None:
                action = np.asarray(self.policy.act(self.observation()), dtype=np.float64)
            else:
                assert self.expert is not None
                action = np.asarray(self.expert.act(), dtype=np.float64)
        except PolicyDeadlineError as exc:  # the policy's process overran: the late answer is never used
            self.policy_ms = (time.perf_counter() - began) * 1e3
            self._target = None
            return Fault(kind=FaultKind.POLICY_DEADLINE, since=trusted.received, detail=str(exc))
        except CameraImageError as exc:
            # A camera that delivered no fresh usable frame (``CameraPolicy`` raises before the policy is asked): an
            # input fault, as on a real arm's stalled driver, not the policy raising. A starved host causes it too
            # (the simulated arm renders late), which the bridge cannot and must not tell apart: either way, hold.
            self.policy_ms = (time.perf_counter() - began) * 1e3
            self._target = None
            return Fault(kind=FaultKind.POLICY_CAMERA, since=trusted.received, detail=f"CameraImageError: {exc}")
        except Exception as exc:  # a crashing policy is a fault to fall back from, never a crashed bridge
            self.policy_ms = (time.perf_counter() - began) * 1e3
            self._target = None
            return Fault(kind=FaultKind.POLICY_CRASH, since=trusted.received, detail=f"{type(exc).__name__}: {exc}")
        self.policy_ms = (time.perf_counter() - began) * 1e3
        if action.shape != (ACTION_DIM,) or not np.isfinite(action).all():
            self._target = None
            return Fault(kind=FaultKind.POLICY_NONFINITE, since=trusted.received,
                         detail=f"action {np.asarray(action).tolist()} (shape {action.shape}, need {ACTION_DIM} "
                                f"finite values)")
        if self.policy_ms > self.params.policy_deadline_s * 1e3:
            self._target = None
            return Fault(kind=FaultKind.POLICY_DEADLINE, since=trusted.received,
                         detail=f"inference took {self.policy_ms:.1f} ms, deadline "
                                f"{self.params.policy_deadline_s * 1e3:.1f} ms")
        ctrl = self.controller.compute(mirror.data, np.clip(action, -1.0, 1.0))
        n = self.robot.n_arm
        self._target = (ctrl[:n].copy(), float(ctrl[n:].mean()))
        self.task_success = TASKS[self.goal.task].reward_terms(mirror.view, self.goal)["success"] > 0.5
        return None

    def _await_reading(self, now: float, began: float, *, resume: bool) -> bool:
        """Hold this tick's command back until a trusted reading received after now (``_fresh_from``: the tick began
        at ``now``, ``began`` on perf_counter; node clock + the seconds the tick has run). ``resume``: that command is
        a resume's (a resume already waiting stays one). Not for a DEGRADED that brakes (a jerk-limited gate): the
        brake is a function of the commands sent before, no reading's; waiting would only delay it. Returns whether
        it waits."""
        resume = resume or (self._fresh_from is not None and self._fresh_resume)
        if not resume and self.gate.filter is not None:
            return False
        self._fresh_from = now + (time.perf_counter() - began)
        self._fresh_resume = resume
        return True

    def _reset_policy(self, since: float) -> Fault | None:
        """Reset the task's policy (a new goal, a resume): a chunk or ensemble history predicted before is void. A
        reset that raises is the policy's fault, as a raising action is (``policy_deadline`` for a process past its
        deadline, else ``policy_crash``), from ``since``; it stays pending until one succeeds (``_run_policy``)."""
        if self.policy is None:
            self._reset_pending = False
            return None
        try:
            self.policy.reset()
        except PolicyDeadlineError as exc:
            self._reset_pending = True
            return Fault(kind=FaultKind.POLICY_DEADLINE, since=since, detail=f"policy reset: {exc}")
        except Exception as exc:  # as in _run_policy: a failing policy is a fault, never a failed tick
            self._reset_pending = True
            return Fault(kind=FaultKind.POLICY_CRASH, since=since,
                         detail=f"policy reset: {type(exc).__name__}: {exc}")
        self._reset_pending = False
        return None

    def _retreat(self, trusted: JointState) -> tuple[np.ndarray, float]:
        """The scripted backup: straight up along z to ``retreat_height``, gripper as it is, then hold."""
        mirror = self.mirror
        mirror.set_arm(trusted.position, trusted.finger_positions)
        up = 1.0 if mirror.view.tcp_pos[2] < self.params.retreat_height else 0.0
        grip = 1.0 if trusted.gripper < 0.5 * (self.robot.gripper_open + self.robot.gripper_closed) else -1.0
        ctrl = self.controller.compute(mirror.data, np.array([0.0, 0.0, up, 0.0, grip]))
        n = self.robot.n_arm
        return ctrl[:n].copy(), float(ctrl[n:].mean())

    def _restart_env_velocity(self) -> None:
        """The task's policy starts over (a new task, a resume, a restart): its next observation reads the arm at
        rest, as the env's first observation after a reset does."""
        self._policy_tick = None
        self._policy_joint_vel = np.zeros(self.robot.n_arm)

    def _env_velocity(self) -> None:
        """The joint velocities the env would observe after the motion the arm measured since the last policy tick
        (``EnvServo``; the mirror holds this tick's measured joints). Policy ticks are one policy period apart, the
        env's control period, so the motion between them is the period's whole. The servo starts the period at the
        velocity the last tick served, as the env's arm starts a period as it ended the last. After a restart, or a
        gap longer than one period (no trusted measurement at a policy tick), the arm reads at rest."""
        v = self.mirror.view
        now = (self.tick_count, v.data.qpos[v.arm_q].copy(), v.data.qpos[v.grip_q].copy())
        last, self._policy_tick = self._policy_tick, now
        if last is None or now[0] - last[0] != self._policy_every:
            self._policy_joint_vel = np.zeros(self.robot.n_arm)
        elif self.policy is not None:  # the scripted expert observes nothing
            self._policy_joint_vel = self._servo.velocity(last[1], self._policy_joint_vel, now[1], last[2])

    def observation(self) -> dict[str, Any]:
        """The policy observation of the mirror's state (``sim.observation_contract``, as the env builds it). Its
        joint velocities are the env's for the arm's measured motion (``_env_velocity``), not the driver's: the env's
        are MuJoCo's ``qvel`` at the end of a control period, by which its servo has nearly reached the period's
        target (about a quarter of the period's mean motion), while the arm behind the gate moves steadily. The
        safety checks (the monitor, the gate, the supervisor) keep the driver's."""
        goal = self.goal
        assert goal is not None  # only called while a task runs
        return observe(self.mirror.view, goal, joint_vel=self._policy_joint_vel.copy())

    def check_statuses(self, now: float, faults: Sequence[Fault]) -> list[CheckStatus]:
        """One status per monitor check (``/diagnostics``), with the values each is judged on."""
        last = self.monitor.last
        measured = {
            "joint_states": {"age_s": "none" if last is None else f"{now - last.received:.3f}",
                             "trusted": str(self.supervisor.measurements_trusted).lower()},
            "policy": {"inference_ms": f"{self.policy_ms:.2f}",
                       "deadline_ms": f"{self.params.policy_deadline_s * 1e3:.1f}",
                       "env_velocity_ms": f"{self.env_velocity_ms:.2f}"},
            "driver": {"profile": self.vendor.name, **self.driver.summary()},
        }
        extra = {FaultKind.PLANNER_PROCESS: self._planner_fault} if self._planner_fault else {}
        trailing, message, values = self.trail.status(self.robot.arm_joints)
        gate = CheckStatus(name="command_gate", level=WARN if trailing else OK, message=message, values=values)
        return [*check_statuses(faults, self.monitor.config, extra=extra, measured=measured), gate]

    def state(self, now: float) -> dict[str, Any]:
        """The summary published on ``~/state``: its time ``t`` (node clock: a reader can tell a state from before
        its own action), mode, active faults, whether a re-arm would be accepted."""
        sup = self.supervisor
        goal = self.goal
        faults = sorted(k.id for k in self._active) + ([FaultKind.PLANNER_PROCESS.id] if self._planner_fault else [])
        return {"t": now, "mode": sup.mode.name, "armed": self.armed, "profile": self.vendor.name,
                "robot": self.params.robot,
                "faults": faults,
                "pending": [k.id for k in sup.pending(now)],
                "rearm_ready": self.rearm_blocker(now) is None,
                "measurements_trusted": sup.measurements_trusted,
                "task": None if goal is None else goal.task, "object": None if goal is None else goal.object,
                "target": None if goal is None else goal.target, "task_success": self.task_success,
                "agent": None if self._agent is None else ("running" if self._agent_active() else "finished"),
                "missing_objects": sorted(self.missing_objects),
                "tick": self.tick_count, "commanding": self.commander.commanding,
                "last_transition": sup.log[-1].to_dict()}
