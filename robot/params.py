"""Parameters of the bridge node (``armstack_bridge``), validated before any rclpy call.

Read from the node's section of a ROS 2 parameter file (``launch/config/<robot>.yaml``); unknown parameters
are rejected with the list of valid ones, every bad value with a message naming it and the valid range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from robot.errors import ParameterError
from robot.planner_process import DEFAULT_PLANNER, PLANNER_BACKENDS
from robot.policy_process import START_TIMEOUT_S
from robot.safety.command_gate import MAX_LEAD_TIME, GateConfig
from robot.safety.monitor_config import MonitorConfig
from robot.sim_arm_config import JOINT_PREFIX_RENAMES, SIM_MODELS, read_params_files
from robot.vendor_profiles import VendorProfile, check_profile_robot, get_profile
from sim.config_io import from_mapping
from sim.robots import get_robot
from sim.scene import COLORS, SceneConfig
from sim.tasks import TASKS

NODE_NAME = "armstack_bridge"
COMMAND_INTERFACES = ("position", "trajectory")
FALLBACKS = ("hold", "retreat")
TRAJECTORY_STAMPS = ("arrival", "tick")
KINEMATIC_CALIBRATION_PROFILES = ("ur",)
"""Profiles whose driver takes a user kinematic calibration (``robot_calibration_file``: ur_calibration's output);
franka ships its arms calibrated and offers none, the generic sim profile has nothing to calibrate."""
"""``trajectory_stamp``: a zero header stamp (the controller starts each message on arrival) or the tick's time (the
controller samples it on its own clock, which must agree with the bridge's: ``robot.clock_check``)."""
# Name of each numeric parameter -> (low, high); bounds inclusive; also the declared ROS parameters' ranges.
RANGES: dict[str, tuple[float, float]] = {
    "control_rate_hz": (10.0, 1000.0),
    "policy_rate_hz": (1.0, 100.0),
    "policy_deadline_s": (1e-4, 1.0),
    "policy_start_timeout_s": (1.0, 3600.0),
    "estop_heartbeat_timeout_s": (0.02, 5.0),
    "stale_periods": (1.0, 1000.0),
    "frozen_repeats": (1, 1000),
    "jump_rad": (0.001, 3.0),
    "position_margin": (0.0, 0.5),
    "velocity_factor": (0.1, 10.0),
    "effort_factor": (0.1, 10.0),
    "tracking_tol": (0.001, 1.0),
    "tracking_time_s": (0.001, 10.0),
    "tracking_max": (0.01, 3.0),
    "expected_state_rate_hz": (0.0, 10000.0),
    "min_rate_fraction": (0.01, 1.0),
    "overrun_ticks": (1, 1000),
    "gripper_stall_s": (0.01, 60.0),
    "perception_timeout_s": (0.0, 60.0),
    "object_max_age_s": (0.05, 10.0),
    "gate_velocity_scale": (0.001, 1.0),
    "gate_position_margin": (0.0, 0.5),
    "gate_max_lead": (0.001, 2.0),
    "gate_lead_time": (0.0, MAX_LEAD_TIME),
    "clear_hold_s": (0.0, 60.0),
    "retreat_height": (0.05, 1.0),
    "stop_deactivate_delay_s": (0.0, 5.0),
    "controller_watch_hz": (0.0, 50.0),
    "calibration_max_age_days": (0.01, 3650.0),
    "clock_offset_max_s": (0.0001, 0.1),
    "robot_calibration_max_age_days": (0.01, 3650.0),
    "image_max_age_s": (0.01, 0.5),
}
_INTS = ("frozen_repeats", "overrun_ticks")
# Applied by the running node at once (the core reads them per use); every other parameter is read-only: the
# control loop, fault monitor, gate, supervisor, policy, planner and recordings are built from it at start-up.
LIVE: frozenset[str] = frozenset({"perception_timeout_s", "task", "degraded_fallback", "retreat_height"})
# What each parameter does, for the declared ROS parameters' descriptors (``ros2 param describe``).
DESCRIPTIONS: dict[str, str] = {
    "robot": "robot driven: panda, ur5e or fr3 (joint names, limits, kinematics)",
    "profile": "driver profile: generic (sim arm), ur (ur_robot_driver) or franka (franka_ros2): topics, "
               "status, gripper (robot/vendor_profiles.py)",
    "control_rate_hz": "control loop rate (Hz): monitor, supervisor and gated commands every period",
    "policy_rate_hz": "policy rate (Hz); at most control_rate_hz",
    "policy": "'expert' (the scripted expert on the mirror) or a checkpoint directory",
    "policy_deadline_s": "a policy step slower than this (s) is a policy overrun",
    "policy_start_timeout_s": "the policy checkpoint's process must load it and answer ready within this (s), at "
                              "start-up (else the bridge exits) and after each restart; so must each skill policy's "
                              "(skill_policies) at the skill's first use",
    "command_interface": "position (<controller>/commands) or trajectory (<controller>/joint_trajectory)",
    "controller": "arm controller namespace the commands go to",
    "gripper_controller": "gripper controller namespace: <gripper_controller>/commands",
    "estop_heartbeat": "expect the estop topic as a heartbeat; its loss is an e-stop",
    "estop_heartbeat_timeout_s": "estop heartbeat older than this (s) is lost",
    "stale_periods": "joint states older than this many control periods are stale",
    "check_stamp_age": "judge staleness by the joint states' header stamps too",
    "frozen_repeats": "identical joint states this many times in a row are a frozen stream",
    "jump_rad": "position change (rad) between samples beyond what the velocity limit explains is a jump",
    "position_margin": "joint position beyond its limit by more than this (rad) is a fault",
    "velocity_factor": "joint velocity above this many times its limit is a fault",
    "effort_factor": "joint effort above this many times its limit is a fault",
    "tracking_tol": "tracking error (rad) above which the tracking timer runs",
    "tracking_time_s": "tracking error above tracking_tol this long (s) is a fault",
    "tracking_max": "tracking error (rad) that is a fault at once",
    "expected_state_rate_hz": "the arm's joint_states rate (Hz); well below it is dropped messages (0 = off)",
    "min_rate_fraction": "joint_states rate below this fraction of expected_state_rate_hz is a fault",
    "overrun_ticks": "this many control ticks over their period in a row is a fault",
    "gripper_stall_s": "gripper commanded but not moving this long (s) is a stall",
    "perception_timeout_s": "scene/objects older than this (s) while a task runs is a perception fault "
                            "(0 = never; changes live)",
    "object_max_age_s": "a scene/objects pose perception last measured longer ago than this (s; its 'age') is "
                        "read as not seen: the bridge's own loss and hiding rules decide",
    "gate_velocity_scale": "command gate: fraction of the joint velocity limits a command may use",
    "gate_position_margin": "command gate: distance (rad) kept inside the joint limits",
    "gate_max_lead": "command gate: largest lead (rad) of a command over the measured position",
    "gate_lead_time": "command gate: how far (s) the arm trails a command moving at the gate's velocity; with one "
                      "control period it bounds each joint's lead (a held-back joint's command, and its snap once "
                      "let go)",
    "clear_hold_s": "a fault must stay clear this long (s) before re-arm is accepted",
    "auto_resume_degraded": "leave degraded mode by itself when its fault clears",
    "arm_on_start": "arm once at start-up when the first joint states are healthy (generic profile only: "
                    "a driver profile starts disarmed and arms on ~/rearm after its preflight)",
    "degraded_fallback": "degraded-mode fallback: hold or retreat (changes live)",
    "retreat_height": "retreat fallback: height (m) to rise to (changes live)",
    "task": "task an instruction names when it does not say (changes live)",
    "planner": f"planner backend for free-form instructions: {', '.join(PLANNER_BACKENDS)}",
    "cubes": "cube colours in the scene",
    "skill_policies": "skills the agent runs as learned policies, each 'skill=checkpoint directory' (pick, place_on, "
                      "place_in); the others run their scripted controllers",
    "tick_log": "JSON-lines file of every control tick ('' = off)",
    "record": "MCAP file to record topics to ('' = off)",
    "stop_deactivates_controller": "after a category-0/1 stop, switch the command controller off through "
                                   "controller_manager/switch_controller (STRICT); the arm request switches it on "
                                   "again (ur, franka)",
    "stop_deactivate_delay_s": "time (s) the stop's hold command brings the arm to rest before the controller is "
                               "switched off",
    "controller_watch_hz": "while armed, ask controller_manager/list_controllers this often (Hz) whether the "
                           "command controller still runs; inactive is a controller_inactive fault "
                           "(0 = only at arming)",
    "calibration_file": "camera calibration the perception node applies (armstack calibrate); the arm request "
                        "checks it loads and its age ('' = none configured)",
    "calibration_max_age_days": "the arm request refuses a calibration_file whose 'created' stamp is older than "
                                "this (days)",
    "trajectory_stamp": "header.stamp of each JointTrajectory: arrival (zero: the controller starts it on arrival, "
                        "any clocks) or tick (the tick's time less clock_offset_max_s, points relative to it: "
                        "exact under delivery jitter, needs the controller's clock to agree with the bridge's)",
    "clock_offset_max_s": "with trajectory_stamp tick: the arm request refuses when the driver's joint_states "
                          "stamps and their arrival differ by more than this (s) at least (clock check)",
    "robot_calibration_file": "the robot's own kinematic calibration (ur: ur_calibration's kinematics yaml, the "
                              "driver's kinematics_params_file); the arm request checks it loads and its age "
                              "('' = none configured)",
    "robot_calibration_max_age_days": "the arm request refuses a robot_calibration_file older than this (days; its "
                                      "'created' stamp, else the file's modification time)",
    "image_max_age_s": "an image policy acts only on camera frames up to this old (s, by arrival and by header "
                       "stamp on the node clock); a checkpoint's own image_max_age_s can only tighten it",
}


@dataclass(frozen=True, kw_only=True)
class BridgeParams:
    """Everything ``armstack-bridge`` reads from its parameter file (rates Hz, times s, angles rad)."""

    robot: str = "panda"
    profile: str = "generic"
    """The driver profile (``robot.vendor_profiles.PROFILES``): topics, status and gripper of the real driver."""
    control_rate_hz: float = 100.0
    policy_rate_hz: float = 20.0
    policy: str = "expert"
    """``expert`` (the scripted expert of the instructed task, run on the mirror) or a checkpoint directory."""
    policy_deadline_s: float = 0.03
    policy_start_timeout_s: float = START_TIMEOUT_S
    """How long (s) the checkpoint's process (``robot.policy_process``: torch, the checkpoint, the sentence encoder)
    may take to answer ready; a policy that does not start within it stops the bridge at start-up. 120 s; a heavily
    loaded host may need more (an image policy's child took over 120 s at load 24-25 on a shared 2-core box)."""
    command_interface: str = "position"
    controller: str = "arm_controller"
    gripper_controller: str = "gripper_controller"
    estop_heartbeat: bool = True
    estop_heartbeat_timeout_s: float = 0.25
    # Thresholds the fault monitor owns take its defaults, so the two cannot drift apart.
    stale_periods: float = MonitorConfig.stale_periods
    check_stamp_age: bool = MonitorConfig.check_stamp_age
    frozen_repeats: int = MonitorConfig.frozen_repeats
    jump_rad: float = MonitorConfig.jump_rad
    position_margin: float = MonitorConfig.position_margin
    velocity_factor: float = MonitorConfig.velocity_factor
    effort_factor: float = MonitorConfig.effort_factor
    tracking_tol: float = MonitorConfig.tracking_tol
    tracking_time_s: float = MonitorConfig.tracking_time
    tracking_max: float = MonitorConfig.tracking_max
    expected_state_rate_hz: float = MonitorConfig.expected_state_rate_hz
    min_rate_fraction: float = MonitorConfig.min_rate_fraction
    overrun_ticks: int = 5
    gripper_stall_s: float = MonitorConfig.gripper_stall_time
    perception_timeout_s: float = 0.0
    """0: objects never go stale; otherwise an older ``scene/objects`` is a perception fault while a task runs."""
    object_max_age_s: float = 5.0
    """A pose in ``scene/objects`` older than this (its ``age``: perception keeps a cube something nearer hides, at
    its remembered place) is read as not seen, so ``BridgeCore._hidden`` and the loss grace decide as for a cube
    the message lacks. 5 s: in the stacking instruction the arm placing the green cube hides the stack from the
    front camera for up to 3.75 s (tests/robot/test_stack_perception.py seed 14, 8 Hz camera; with 2 s the cube
    under the stack was marked missing and the replan refused). Perception's own cap (``max_occluded_frames``,
    50 frames by default) is of the same order; this bounds what the bridge takes from any source."""
    gate_velocity_scale: float = 0.5
    gate_position_margin: float = 0.02
    gate_max_lead: float = 0.15
    gate_lead_time: float = GateConfig.lead_time
    """How far (s) the arm's position control trails a command moving at the gate's velocity (``GateConfig.lead_time``:
    0.03 s fits the simulated arms). A real arm that trails by more has its commands held back in free motion (the
    tick log's ``lead``): measure its trail and raise this to it, no further: the bound divided by the arm's real trail
    is the snap once a held-back joint is let go, so a lead time past the trail brings that snap toward the monitor's
    velocity limit (a ``velocity_limit`` stop, the conservative outcome; at most ``MAX_LEAD_TIME``)."""
    clear_hold_s: float = 0.5
    auto_resume_degraded: bool = True
    arm_on_start: bool = True
    """Arm once by itself at start-up when the first joint states are healthy; later stops need ``~/rearm``."""
    degraded_fallback: str = "hold"
    retreat_height: float = 0.3
    task: str = "pick_place"
    """The task an instruction names when it does not say."""
    planner: str = DEFAULT_PLANNER
    """Planner backend for free-form instructions (``robot.planner_process.PLANNER_BACKENDS``; the default is
    ``armstack plan``'s): the agent plans, checks and runs the plan's skills; 'none' accepts only the
    pick-and-place phrasings and JSON goals."""
    cubes: tuple[str, ...] = SceneConfig.cubes  # the default scene's
    skill_policies: tuple[str, ...] = ()
    """``skill=checkpoint directory`` per skill the agent runs as a learned policy (``AgentConfig.skill_policies``),
    e.g. ``place_in=policies/pretrained/panda_tabletop_bc``; the skills not named run their scripted controllers."""
    tick_log: str = ""
    """A JSON-lines file of every control tick (time, mode, faults, command), for tests and post-mortems."""
    record: str = ""
    """An MCAP file to record joint states, commands, events, state and diagnostics to ('' = off)."""
    stop_deactivates_controller: bool = False
    """After a category-0/1 stop, deactivate the command controller (``robot.controller_watch``)."""
    stop_deactivate_delay_s: float = 0.3
    controller_watch_hz: float = 5.0
    calibration_file: str = ""
    """The perception node's camera calibration, checked by the arm request ('' = none configured)."""
    calibration_max_age_days: float = 30.0
    trajectory_stamp: str = "arrival"
    """How the trajectory messages are stamped (``TRAJECTORY_STAMPS``, ``robot.trajectory_stream``)."""
    clock_offset_max_s: float = 0.002
    """Tick stamps: the largest bridge-driver clock offset the arm request accepts (``robot.clock_check``); also how
    far before the tick the message's time zero lies, so an offset within it never puts the start in the
    controller's future."""
    robot_calibration_file: str = ""
    """The robot's kinematic calibration (UR: ur_calibration's output), checked by the arm request ('' = none)."""
    robot_calibration_max_age_days: float = 365.0
    image_max_age_s: float = 0.25
    """The oldest camera frame an image policy may act on (s): a limit on what sensor data steers the arm belongs to
    the bridge, the checkpoint's ``image_max_age_s`` at most tightens it (``robot.camera_input``)."""

    def __post_init__(self) -> None:
        if self.robot not in SIM_MODELS:
            raise ParameterError(f"{NODE_NAME}: unknown robot {self.robot!r}; valid: {', '.join(SIM_MODELS)}")
        profile = check_profile_robot(self.profile, self.robot, where=NODE_NAME)
        if profile.name != "generic" and self.arm_on_start:
            raise ParameterError(f"{NODE_NAME}: arm_on_start must be false with the {profile.name!r} profile: a real "
                                 "arm starts disarmed and arms on ~/rearm after its preflight")
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or not low <= value <= high or (name in _INTS and not isinstance(value, int)):
                kind = "an integer" if name in _INTS else "a number"
                raise ParameterError(f"{NODE_NAME}: {name} must be {kind} in [{low}, {high}], got {value!r}")
        for f in fields(self):
            if f.type in ("bool", bool) and not isinstance(getattr(self, f.name), bool):
                raise ParameterError(f"{NODE_NAME}: {f.name} must be true or false, got {getattr(self, f.name)!r}")
        if self.policy_rate_hz > self.control_rate_hz:
            raise ParameterError(f"{NODE_NAME}: policy_rate_hz ({self.policy_rate_hz}) must not exceed "
                                 f"control_rate_hz ({self.control_rate_hz})")
        if self.command_interface not in COMMAND_INTERFACES:
            raise ParameterError(f"{NODE_NAME}: command_interface must be one of {', '.join(COMMAND_INTERFACES)}, "
                                 f"got {self.command_interface!r}")
        if self.trajectory_stamp not in TRAJECTORY_STAMPS:
            raise ParameterError(f"{NODE_NAME}: trajectory_stamp must be one of {', '.join(TRAJECTORY_STAMPS)}, "
                                 f"got {self.trajectory_stamp!r}")
        self._check_trajectory_stamp(profile.name)
        if self.robot_calibration_file and profile.name not in KINEMATIC_CALIBRATION_PROFILES:
            raise ParameterError(f"{NODE_NAME}: robot_calibration_file is set, but the {profile.name!r} profile has no "
                                 f"user kinematic calibration (only {', '.join(KINEMATIC_CALIBRATION_PROFILES)}); "
                                 f"leave it ''")
        if self.degraded_fallback not in FALLBACKS:
            raise ParameterError(f"{NODE_NAME}: degraded_fallback must be one of {', '.join(FALLBACKS)}, "
                                 f"got {self.degraded_fallback!r}")
        for name in ("controller", "gripper_controller"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value or value.startswith("/") or value.endswith("/") \
                    or not all(c.isalnum() or c in "_/" for c in value):
                raise ParameterError(f"{NODE_NAME}: {name} must be a relative topic name like 'arm_controller', "
                                     f"got {value!r}")
        if not isinstance(self.policy, str) or not self.policy:
            raise ParameterError(f"{NODE_NAME}: policy must be 'expert' or a checkpoint directory, got {self.policy!r}")
        if self.policy != "expert" and not Path(self.policy).is_dir():
            raise ParameterError(f"{NODE_NAME}: policy {self.policy!r} is neither 'expert' nor an existing "
                                 f"checkpoint directory")
        if self.task not in TASKS:
            raise ParameterError(f"{NODE_NAME}: unknown task {self.task!r}; valid: {', '.join(TASKS)}")
        if self.planner not in PLANNER_BACKENDS:
            raise ParameterError(f"{NODE_NAME}: unknown planner {self.planner!r}; valid: {', '.join(PLANNER_BACKENDS)}")
        if not isinstance(self.cubes, tuple) or not self.cubes or len(set(self.cubes)) != len(self.cubes) \
                or any(c not in COLORS for c in self.cubes):
            raise ParameterError(f"{NODE_NAME}: cubes must be distinct colours from {', '.join(COLORS)}, "
                                 f"got {self.cubes!r}")
        if self.stop_deactivates_controller and not profile.controllers:
            raise ParameterError(f"{NODE_NAME}: stop_deactivates_controller needs a profile with a controller "
                                 f"manager (ur, franka), not {profile.name!r}")
        self.skill_policy_map()  # raises on a bad entry
        for name in ("tick_log", "record", "calibration_file", "robot_calibration_file"):
            if not isinstance(getattr(self, name), str):
                raise ParameterError(f"{NODE_NAME}: {name} must be a file path or '', got {getattr(self, name)!r}")

    def _check_trajectory_stamp(self, profile: str) -> None:
        """``trajectory_stamp: tick`` only where it means something (ParameterError otherwise)."""
        if self.trajectory_stamp != "tick":
            return
        if self.command_interface != "trajectory":
            raise ParameterError(f"{NODE_NAME}: trajectory_stamp tick needs command_interface trajectory, got "
                                 f"{self.command_interface!r} (position commands carry no stamp)")
        if profile == "ur":
            # robot/drivers/trajectory_server.py: UR's scaled JTC starts a goal on arrival under speed scaling, so
            # a tick stamp would be ignored and the points, timed from `back` before the tick, sampled late.
            raise ParameterError(f"{NODE_NAME}: trajectory_stamp tick is not for the 'ur' profile: its "
                                 f"scaled_joint_trajectory_controller starts a trajectory on arrival under speed "
                                 f"scaling, whatever its stamp; use trajectory_stamp arrival")
        from robot.trajectory_stream import HORIZON_PERIODS

        # The latest command lies HORIZON_PERIODS after the tick, and the next message arrives a period later: a
        # controller clock ahead by more than what is left would run past the latest command before it arrives.
        limit = (HORIZON_PERIODS - 1.0) * self.control_period
        if self.clock_offset_max_s >= limit:
            raise ParameterError(f"{NODE_NAME}: with trajectory_stamp tick, clock_offset_max_s "
                                 f"({self.clock_offset_max_s:g} s) must be below {limit:g} s: the stream's horizon "
                                 f"({HORIZON_PERIODS:g} control periods) less one period for the next message")

    def skill_policy_map(self) -> dict[str, str]:
        """``skill_policies`` as {skill: checkpoint directory}; ParameterError names a bad entry."""
        from sim.observation_contract import SKILL_TASKS

        out: dict[str, str] = {}
        if not isinstance(self.skill_policies, tuple):
            raise ParameterError(f"{NODE_NAME}: skill_policies must be a list of 'skill=dir', "
                                 f"got {self.skill_policies!r}")
        for entry in self.skill_policies:
            skill, _, path = entry.partition("=") if isinstance(entry, str) else ("", "", "")
            if skill not in SKILL_TASKS or not path or skill in out:
                raise ParameterError(f"{NODE_NAME}: skill_policies entry {entry!r} must be 'skill=checkpoint "
                                     f"directory' with skill one of {', '.join(SKILL_TASKS)}, each at most once")
            if not Path(path).is_dir():
                raise ParameterError(f"{NODE_NAME}: skill_policies: {skill}'s checkpoint {path!r} is not a directory")
            if _names_cameras(path):  # the agent's skills get no camera frames: it would fail on every step
                raise ParameterError(f"{NODE_NAME}: skill_policies: {skill}'s checkpoint {path!r} reads camera "
                                     "images; only the bridge's policy gets frames (skill policies act on state)")
            out[skill] = path
        return out

    @property
    def control_period(self) -> float:
        return 1.0 / self.control_rate_hz

    @property
    def vendor(self) -> VendorProfile:
        return get_profile(self.profile)

    @property
    def sim_model(self) -> str:
        """The built-in model (``sim.robots``) whose kinematics and limits the bridge uses."""
        return SIM_MODELS[self.robot]

    def joint_names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Arm and finger joint names as this robot's driver publishes them."""
        spec = get_robot(self.sim_model)
        arm, fingers = spec.arm_joints, spec.gripper_joints
        if self.robot in JOINT_PREFIX_RENAMES:
            old, new = JOINT_PREFIX_RENAMES[self.robot]
            arm = tuple(n.replace(old, new, 1) for n in arm)
            fingers = tuple(n.replace(old, new, 1) for n in fingers)
        return arm, fingers

    def monitor_config(self) -> MonitorConfig:
        return MonitorConfig(
            control_period=self.control_period, stale_periods=self.stale_periods,
            check_stamp_age=self.check_stamp_age, frozen_repeats=self.frozen_repeats, jump_rad=self.jump_rad,
            position_margin=self.position_margin, velocity_factor=self.velocity_factor,
            effort_factor=self.effort_factor, check_effort=self.vendor.effort_is_torque,
            tracking_tol=self.tracking_tol, tracking_time=self.tracking_time_s,
            tracking_max=self.tracking_max, expected_state_rate_hz=self.expected_state_rate_hz,
            min_rate_fraction=self.min_rate_fraction,
            estop_heartbeat_timeout=self.estop_heartbeat_timeout_s if self.estop_heartbeat else 0.0,
            overrun_ticks=self.overrun_ticks, gripper_stall_time=self.gripper_stall_s)

    def gate_config(self) -> GateConfig:
        # The driver's own limits (franka: velocity, acceleration, jerk) make the gate jerk-limited.
        vendor = self.vendor
        return GateConfig(control_period=self.control_period, position_margin=self.gate_position_margin,
                          velocity_scale=self.gate_velocity_scale, max_lead=self.gate_max_lead,
                          lead_time=self.gate_lead_time,
                          # a held-back joint can always exceed the tracking tolerance (GateConfig.min_lead)
                          min_lead=min(self.gate_max_lead, 2 * self.tracking_tol),
                          max_velocity=vendor.max_velocity, max_acceleration=vendor.max_acceleration,
                          max_jerk=vendor.max_jerk)


def _names_cameras(checkpoint: str) -> bool:
    """Whether the checkpoint's ``policy.json`` names cameras (an image policy); one that cannot be read is left to
    the loader, which refuses it in its own words."""
    from policies.checkpoint import CheckpointError, read_spec

    try:
        return bool(read_spec(checkpoint).observation.get("cameras"))
    except CheckpointError:
        return False


def bridge_params_from_mapping(params: dict[str, Any], *, where: str = NODE_NAME) -> BridgeParams:
    """Build and validate; unknown parameters are an error listing the valid ones."""
    # ROS parameter files write whole numbers without a point: 100 is a valid control_rate_hz.
    return from_mapping(BridgeParams, params, where=where, error=ParameterError)


def load_bridge_params(paths: list[str] | tuple[str, ...]) -> BridgeParams:
    """The bridge's parameters from ROS 2 parameter files (later files override earlier ones; defaults if none)."""
    merged = read_params_files(paths, NODE_NAME)
    return bridge_params_from_mapping(merged, where=f"{paths[-1]}: {NODE_NAME}" if paths else NODE_NAME)
