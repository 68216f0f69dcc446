"""The simulated arm's core (no rclpy): a MuJoCo tabletop that behaves like a ros2_control position system.

The node (``robot.sim_arm_node``) calls :meth:`SimArm.advance` with the time elapsed on its clock; the core
steps physics at the model timestep to keep up (skipping ahead, and counting an overrun, when it falls
further behind than ``max_catchup_s``). Commands set joint position targets that the position actuators
follow, as ``sim/env.py`` drives them; without a new command the last target holds. Faults from
:class:`robot.fault_injection.FaultInjector` act on what is published (and on commands, for ``stuck``).
Not thread-safe: the node serialises calls with one lock.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import mujoco
import numpy as np
from numpy.typing import ArrayLike

from robot.drivers.jtc_interpolation import StreamedTrajectory, TrajPointState
from robot.drivers.ports import DriverError
from robot.errors import RobotError
from robot.fault_injection import FaultInjector, JointSample
from robot.sim_arm_config import JOINT_PREFIX_RENAMES, SimArmConfig
from sim.errors import SimError
from sim.scene import SceneConfig, build_scene
from sim.scene_view import SceneView
from sim.skills.regions import REGIONS
from sim.tasks import TASKS, get_task
from sim.tasks.base import color_of, sample_layout


class SimCommandError(RobotError, ValueError):
    """A command or request the simulated arm refuses (wrong length, unknown joints, non-finite values)."""


def published_joint_names(robot: str, model_names: tuple[str, ...]) -> tuple[str, ...]:
    """Joint names as the real driver of ``robot`` publishes them (the FR3 renames the Panda's)."""
    if robot not in JOINT_PREFIX_RENAMES:
        return model_names
    old, new = JOINT_PREFIX_RENAMES[robot]
    return tuple(new + n[len(old):] if n.startswith(old) else n for n in model_names)


def _finite_floats(values: ArrayLike, what: str, n: int) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64).ravel()
    if arr.size != n:
        raise SimCommandError(f"{what}: expected {n} values, got {arr.size}")
    if not np.all(np.isfinite(arr)):
        raise SimCommandError(f"{what}: non-finite values {arr.tolist()}")
    return arr


class SimArm:
    """MuJoCo arm + table + cubes, stepped in real time, with joint position targets and fault injection."""

    def __init__(self, config: SimArmConfig | None = None) -> None:
        self.config = config if config is not None else SimArmConfig()
        self.scene = build_scene(SceneConfig(robot=self.config.sim_model, cubes=self.config.cubes,
                                             marker_textures=self.config.marker_textures))
        self.model, self.spec = self.scene.model, self.scene.robot
        self.data = mujoco.MjData(self.model)
        self.view = SceneView(self.scene, self.data)
        # A driver publishes a fresh reading every cycle (franka_ros2 at 1 kHz): physics steps at least that often.
        self.model.opt.timestep = min(float(self.model.opt.timestep), 1.0 / self.config.publish_rate_hz)
        self.dt = float(self.model.opt.timestep)
        self.n_arm = self.spec.n_arm
        self.arm_joints = published_joint_names(self.config.robot, self.spec.arm_joints)
        self.gripper_joints = published_joint_names(self.config.robot, self.spec.gripper_joints)
        self.joint_names = self.arm_joints + self.gripper_joints
        dofs = [int(a) for a in self.view.arm_dadr] + [int(a) for a in self.view.grip_dadr]
        self._effort_dofs = np.array(dofs)
        self.faults = FaultInjector(names=self.joint_names, n_arm=self.n_arm,
                                    effort_limits=self.spec.effort_limits, seed=self.config.seed,
                                    profile=self.config.profile)
        self._halted: str | None = None
        self._grip_step = self.spec.gripper_velocity * self.dt
        self._stuck: tuple[int, float, float] | None = None  # (joint, fault start, held position)
        self.steps = 0
        self.overruns = 0
        self.skipped_steps = 0
        self.commands = 0
        self._synced = 0.0  # elapsed time (s) up to which physics has been advanced or skipped
        mujoco.mj_resetData(self.model, self.data)
        self.data.qpos[self.view.arm_q] = self.spec.home
        self.data.qpos[self.view.grip_q] = self.spec.gripper_open
        self.arm_target = np.array(self.spec.home, dtype=np.float64)
        # A multi-point JointTrajectory in force, sampled as physics advances (JTC replaces it with the next one).
        self._stream: StreamedTrajectory | None = None
        self._stream_end = 0.0
        self.gripper_target = float(self.spec.gripper_open)
        self.data.ctrl[: self.n_arm] = self.arm_target
        self.data.ctrl[self.n_arm :] = self.gripper_target
        self.goal = self._layout(self.config.seed, self.config.task)

    # --- time -------------------------------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        """Time (s) the arm has been advanced to, skipped time included: the clock :meth:`advance` takes."""
        return self._synced

    def advance(self, elapsed: float) -> int:
        """Step physics until it has covered ``elapsed`` seconds; returns the number of steps taken."""
        behind = elapsed - self._synced
        n = int(behind / self.dt + 1e-9)
        if n <= 0:
            return 0
        limit = max(1, int(self.config.max_catchup_s / self.dt))
        if n > limit:
            # Bursting through a long backlog would publish a time-lapse: skip it and report the overrun.
            self.overruns += 1
            self.skipped_steps += n - limit
        self._synced += n * self.dt
        taken = min(n, limit)
        # Targets change only between calls: set them once, then one C call steps them all (the Python
        # overhead per step would otherwise cost more than the physics on a loaded machine).
        self._apply_targets(taken)
        mujoco.mj_step(self.model, self.data, nstep=taken)
        self.steps += taken
        return taken

    def _apply_targets(self, n_steps: int) -> None:
        halted = self.faults.halted_by
        if self._stream is not None:
            if halted is not None:
                self._stream = None
            else:
                # Where the trajectory says the arm should be at the end of this batch (JTC samples one period ahead).
                sample = self._stream.sample_valid(self._synced)
                if sample is not None:  # None: a stamp still ahead, JTC writes no command (the target holds)
                    self.arm_target = sample.positions
                if self._synced >= self._stream_end:
                    self._stream = None  # past the last point: its positions hold
        if halted is not None and self._halted is None:
            # The driver stopped the arm (protective stop, reflex, ...): it holds where it is, whatever was coming.
            self.arm_target = self.data.qpos[self.view.arm_q].copy()
        self._halted = halted
        ctrl = self.data.ctrl
        ctrl[: self.n_arm] = self.arm_target
        stuck = self.faults.active.get("stuck")
        if stuck is None:
            self._stuck = None
        else:
            joint = int(stuck.params["joint"])
            if self._stuck is None or self._stuck[:2] != (joint, stuck.start):
                self._stuck = (joint, stuck.start, float(self.data.qpos[self.view.arm_qadr[joint]]))
            ctrl[joint] = self._stuck[2]
        # A real gripper closes at its rated speed, not at the speed of the command.
        current = float(ctrl[self.n_arm])
        limit = self._grip_step * n_steps
        step = min(max(self.gripper_target - current, -limit), limit)
        ctrl[self.n_arm :] = current + step

    # --- commands ---------------------------------------------------------------------------------
    def _check_running(self, where: str) -> None:
        halted = self.faults.halted_by
        if halted is not None:
            raise SimCommandError(f"{where}: ignored, the driver is stopped ({halted}); the arm executes nothing")

    def command_positions(self, values: ArrayLike) -> None:
        """``<controller>/commands``: one position per arm joint, driver order."""
        self._check_running(f"{self.config.controller}/commands")
        self.arm_target = _finite_floats(values, f"{self.config.controller}/commands", self.n_arm)
        self._stream = None
        self.commands += 1

    def hold(self) -> None:
        """Hold the arm where it is now, dropping any trajectory in force (a controller switched off)."""
        self._stream = None
        self.arm_target = self.data.qpos[self.view.arm_q].copy()

    def _trajectory_order(self, joint_names: Sequence[str], where: str) -> list[int]:
        names = list(joint_names)
        self._check_running(where)
        if sorted(names) != sorted(self.arm_joints):
            raise SimCommandError(f"{where}: joint names {names} do not match the arm's {list(self.arm_joints)}")
        return [names.index(n) for n in self.arm_joints]

    def command_trajectory(self, joint_names: Sequence[str], positions: ArrayLike) -> None:
        """``<controller>/joint_trajectory`` with one point: its positions, matched by joint name."""
        where = f"{self.config.controller}/joint_trajectory"
        order = self._trajectory_order(joint_names, where)
        self.arm_target = _finite_floats(positions, where, self.n_arm)[order]
        self._stream = None
        self.commands += 1

    def command_trajectory_points(self, joint_names: Sequence[str],
                                  points: Sequence[tuple[float, ArrayLike, ArrayLike, ArrayLike]], *,
                                  stamp_age: float | None = None) -> None:
        """``<controller>/joint_trajectory`` with several points, each ``(time_from_start s, positions,
        velocities, accelerations)`` (empty velocities/accelerations: not carried): sampled as JTC does, from
        its time zero on, at the arm's own time, then the last point held. Time zero is the arrival (a zero
        stamp), or ``stamp_age`` seconds before it (how old the header stamp was on arrival, by the node's clock;
        negative: a stamp in the future, before which the target holds). A streamed plan's first point (time 0)
        is where the arm should be at its time zero, so taking only it would lag."""
        where = f"{self.config.controller}/joint_trajectory"
        order = self._trajectory_order(joint_names, where)

        def field(values: ArrayLike, what: str) -> np.ndarray | None:
            arr = np.asarray(values, dtype=np.float64).ravel()
            return None if arr.size == 0 else _finite_floats(arr, f"{where}: {what}", self.n_arm)[order]

        try:
            stream = StreamedTrajectory([
                TrajPointState(time_from_start=float(t), positions=_finite_floats(p, f"{where}: positions",
                                                                                  self.n_arm)[order],
                               velocities=field(v, "velocities"), accelerations=field(a, "accelerations"))
                for t, p, v, a in points])
        except DriverError as exc:
            raise SimCommandError(f"{where}: {exc}") from exc
        arrival = self._synced
        if stamp_age is not None:
            stream = StreamedTrajectory(stream.points, start_time=arrival - stamp_age)
        stream.set_point_before(arrival, TrajPointState(positions=self.arm_target.copy()))
        first = stream.sample_valid(arrival)  # the first sample fixes its time zero: arrival for a zero stamp
        if first is not None:
            self.arm_target = first.positions
        self._stream = stream
        assert stream.start_time is not None
        self._stream_end = stream.start_time + stream.points[-1].time_from_start
        self.commands += 1

    def command_gripper(self, values: ArrayLike) -> None:
        """``<gripper_controller>/commands``: [finger joint position in m], 0 closed .. ``gripper_open``."""
        value = float(_finite_floats(values, f"{self.config.gripper_controller}/commands", 1)[0])
        lo, hi = sorted((self.spec.gripper_closed, self.spec.gripper_open))
        self.gripper_target = min(max(value, lo), hi)
        self.commands += 1

    # --- scene ------------------------------------------------------------------------------------
    def reset_scene(self, payload: str | dict[str, Any]) -> dict[str, Any]:
        """``~/scene_reset``: re-sample the object layout from ``seed`` (arm untouched); returns the event."""
        if isinstance(payload, str):
            text = payload
            try:
                payload = json.loads(text) if text.strip() else {}
            except json.JSONDecodeError as exc:
                raise SimCommandError(f"scene_reset: payload is not JSON ({exc.msg}): {text[:80]!r}") from exc
        if not isinstance(payload, dict):
            raise SimCommandError(f'scene_reset: expected a JSON object like {{"seed": 3}}, got {payload!r}')
        unknown = sorted(set(payload) - {"seed", "task"})
        if unknown:
            raise SimCommandError(f"scene_reset: unknown key(s) {', '.join(unknown)}; valid: seed, task")
        seed = payload.get("seed", self.config.seed)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise SimCommandError(f"scene_reset: seed must be an integer >= 0, got {seed!r}")
        task = payload.get("task", self.config.task)
        if task not in TASKS:
            raise SimCommandError(f"scene_reset: unknown task {task!r}; valid: {', '.join(TASKS)}")
        self.goal = self._layout(seed, task)
        return {"event": "scene_reset", "seed": seed, **self.goal}

    def _layout(self, seed: int, task: str) -> dict[str, Any]:
        rng = np.random.default_rng(seed)
        try:
            sample_layout(rng, self.view)
            goal = get_task(task).sample_goal(rng, self.view)
        except (SimError, RuntimeError) as exc:
            raise SimCommandError(f"scene_reset: could not lay out the scene for seed {seed}: {exc}") from exc
        mujoco.mj_forward(self.model, self.data)
        return {"task": task, "instruction": goal.instruction, "object": goal.object, "target": goal.target}

    # --- measurements -----------------------------------------------------------------------------
    def sample(self, stamp_ns: int) -> JointSample:
        """The true joint state now: arm joints in driver order, then the fingers."""
        d, v = self.data, self.view
        return JointSample(
            stamp_ns=stamp_ns, names=self.joint_names,
            position=tuple(d.qpos[v.arm_q].tolist() + d.qpos[v.grip_q].tolist()),
            velocity=tuple(d.qvel[v.arm_v].tolist() + d.qvel[v.grip_dadr].tolist()),
            effort=tuple(d.qfrc_actuator[self._effort_dofs].tolist()),
        )

    def object_poses(self) -> list[tuple[list[float], list[float]]]:
        """(position xyz, quaternion wxyz) of each cube in the robot base frame (= world frame)."""
        return [(self.view.object_pos(n).tolist(), self.view.object_quat(n).tolist()) for n in self.scene.object_names]

    def objects_message(self, stamp_s: float) -> dict[str, Any]:
        """Ground truth in the ``scene/objects`` format of the ROS contract (plus where the pad and bin are)."""
        objects = [
            {"name": name, "kind": "cube", "color": color_of(name), "position": pos, "quaternion": quat,
             "confidence": 1.0, "age": 0.0}
            for name, (pos, quat) in zip(self.scene.object_names, self.object_poses(), strict=True)
        ]
        places = {}
        if self.view.pad_body >= 0:
            places["pad"] = self.view.pad_pos.tolist()
        if self.view.bin_body >= 0:
            places["bin"] = self.view.bin_pos.tolist()
        return {"stamp": stamp_s, "frame": "base", "objects": objects, "regions": list(REGIONS), "places": places}

    def stats(self) -> dict[str, Any]:
        return {"steps": self.steps, "overruns": self.overruns, "skipped_steps": self.skipped_steps,
                "commands": self.commands, "sim_time": float(self.data.time)}

    def physics_ok(self) -> bool:
        return bool(math.isfinite(float(self.data.qpos.sum())))
