"""The armstack tabletop Gymnasium environment (all tasks, both robots)."""

from __future__ import annotations

import collections
import dataclasses
import math
import string
from typing import Any

import gymnasium as gym
import mujoco
import numpy as np
from gymnasium import spaces

from sim.config_io import from_mapping
from sim.control import ACTION_DIM, ControllerConfig, DiffIKController, validate_action
from sim.errors import ConfigError, UnknownNameError
from sim.observation_contract import build_observation
from sim.provenance import model_sha256, versions
from sim.randomize import Randomization, RandomizationSampler, resolve_randomization
from sim.render import make_renderer
from sim.scene import CAMERAS, SceneConfig, build_scene
from sim.scene_view import SceneView
from sim.tasks import TASKS, Task, TaskGoal, get_task, goal_ids, make_expert, tabletop_tasks
from sim.tasks.base import sample_layout

OBS_MODES = ("state", "rgb", "rgbd")
INSTRUCTION_CHARSET = string.ascii_letters + string.digits + " ,.'-"
MAX_INSTRUCTION = 200
HOME_JITTER = 0.03  # rad, on every arm joint at reset
_BADQPOS, _BADQVEL, _BADQACC = (int(mujoco.mjtWarning.mjWARN_BADQPOS), int(mujoco.mjtWarning.mjWARN_BADQVEL),
                                 int(mujoco.mjtWarning.mjWARN_BADQACC))


class TabletopEnv(gym.Env[dict[str, Any], np.ndarray]):
    """A robot arm at a table with coloured cubes, a target pad and a bin.

    ``task`` is one of reach, push, pick_place, stack, or ``tabletop`` (a task and an
    instruction sampled at every reset).

    ============== ===================== ===============================================
    observation    space                 meaning
    ============== ===================== ===============================================
    joint_pos      Box(n_arm)            arm joint positions (rad), driver order
    joint_vel      Box(n_arm)            arm joint velocities (rad/s)
    ee_pose        Box(7)                tool centre point: x, y, z (m), quaternion wxyz
    gripper        Box(1)                finger opening, 1 open .. 0 closed
    object_poses   Box(n_obj, 7)         each cube: position, quaternion wxyz
    goal_pos       Box(3)                where the task wants the object (or the TCP)
    task_id        Discrete(4)           reach, push, pick_place, stack
    object_id      Discrete(n_obj + 1)   cube to manipulate (n_obj: none)
    target_id      Discrete(n_obj + 3)   cube to stack on, n_obj pad, +1 bin, +2 marker
    instruction    Text(200)             the task in English
    <cam>_rgb      Box(H, W, 3) uint8    when obs_mode is rgb or rgbd
    <cam>_depth    Box(H, W, 1) float32  metres, when obs_mode is rgbd
    ============== ===================== ===============================================

    Action, Box(5) in [-1, 1]: end-effector delta dx, dy, dz (``max_pos_step`` m at 1),
    dyaw (``max_yaw_step`` rad at 1), gripper (-1 open, +1 closed). Control at
    ``control_hz`` (20 Hz), physics at 500 Hz.
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 20}  # noqa: RUF012 - Gymnasium API

    def __init__(
        self,
        task: str = "tabletop",
        robot: str = "panda",
        obs_mode: str = "state",
        cameras: tuple[str, ...] | list[str] | str = ("front",),
        image_size: int | tuple[int, int] = 128,
        randomization: str | Randomization | dict[str, Any] | None = "default",
        control_hz: float = 20.0,
        max_steps: int | None = None,
        render_mode: str | None = None,
        render_camera: str = "front",
        render_size: tuple[int, int] = (320, 240),
        terminate_on_success: bool = True,
        controller: ControllerConfig | dict[str, Any] | None = None,
        scene: SceneConfig | dict[str, Any] | None = None,
    ) -> None:
        if task != "tabletop" and task not in TASKS:
            raise UnknownNameError("task", task, (*TASKS, "tabletop"))
        if obs_mode not in OBS_MODES:
            raise UnknownNameError("obs_mode", obs_mode, OBS_MODES)
        cameras = (cameras,) if isinstance(cameras, str) else tuple(cameras)
        for cam in (*cameras, render_camera):
            if cam not in CAMERAS:
                raise UnknownNameError("camera", cam, CAMERAS)
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise UnknownNameError("render_mode", render_mode, self.metadata["render_modes"])
        width, height = (image_size, image_size) if isinstance(image_size, int) else tuple(image_size)
        if not (8 <= width <= 1280 and 8 <= height <= 1280):
            raise ConfigError(f"image_size must be between 8 and 1280 pixels, got {image_size!r}")
        if not (1.0 <= control_hz <= 250.0):
            raise ConfigError(f"control_hz must be between 1 and 250, got {control_hz!r}")
        if max_steps is not None and max_steps < 1:
            raise ConfigError(f"max_steps must be >= 1, got {max_steps!r}")
        if isinstance(scene, dict):
            scene = from_mapping(SceneConfig, {"robot": robot, **scene}, where="scene")
        scene_cfg = scene if scene is not None else SceneConfig(robot=robot)
        if scene_cfg.robot != robot:
            raise ConfigError(f"scene robot {scene_cfg.robot!r} differs from robot {robot!r}")
        if isinstance(controller, dict):
            controller = from_mapping(ControllerConfig, controller, where="controller")

        self.task_name, self.robot_name, self.obs_mode = task, robot, obs_mode
        self.cameras = cameras if obs_mode != "state" else ()
        self.image_size = (int(width), int(height))
        self.randomization = resolve_randomization(randomization)
        scene_cfg = self.randomization.scene_config(scene_cfg)  # a level may name an object set (sim.randomize)
        self.render_mode, self.render_camera, self.render_size = render_mode, render_camera, render_size
        self.terminate_on_success = terminate_on_success

        self.scene = build_scene(dataclasses.replace(scene_cfg, offscreen_size=(max(width, render_size[0]),
                                                                                 max(height, render_size[1]))))
        self.model = self.scene.model
        self.data = mujoco.MjData(self.model)
        self.view = SceneView(self.scene, self.data)
        physics_dt = float(self.model.opt.timestep)
        self.n_substeps = max(1, round(1.0 / (control_hz * physics_dt)))
        self.control_dt = self.n_substeps * physics_dt
        self.control_hz = 1.0 / self.control_dt
        self._warnings = 0
        self.controller = DiffIKController(self.model, self.scene.robot, controller, self.control_dt)
        self.sampler = RandomizationSampler(self.scene, self.randomization)
        self._model_sha256 = model_sha256(self.model)
        # The Tabletop mix and the task_id space are read from the task registry when the env is built.
        tasks = self._mix = tabletop_tasks() if task == "tabletop" else (task,)
        self.max_steps = max_steps if max_steps is not None else max(TASKS[t].max_steps for t in tasks)

        n_arm, n_obj = self.scene.robot.n_arm, len(self.scene.object_names)
        inf = np.inf
        obs: dict[str, spaces.Space[Any]] = {
            "joint_pos": spaces.Box(-inf, inf, (n_arm,), np.float64),
            "joint_vel": spaces.Box(-inf, inf, (n_arm,), np.float64),
            "ee_pose": spaces.Box(-inf, inf, (7,), np.float64),
            "gripper": spaces.Box(-inf, inf, (1,), np.float64),
            "object_poses": spaces.Box(-inf, inf, (n_obj, 7), np.float64),
            "goal_pos": spaces.Box(-inf, inf, (3,), np.float64),
            "task_id": spaces.Discrete(len(TASKS)),
            "object_id": spaces.Discrete(n_obj + 1),
            "target_id": spaces.Discrete(n_obj + 3),
            "instruction": spaces.Text(MAX_INSTRUCTION, charset=INSTRUCTION_CHARSET),
        }
        w, h = self.image_size
        for cam in self.cameras:
            obs[f"{cam}_rgb"] = spaces.Box(0, 255, (h, w, 3), np.uint8)
            if obs_mode == "rgbd":
                obs[f"{cam}_depth"] = spaces.Box(0.0, inf, (h, w, 1), np.float32)
        self.observation_space = spaces.Dict(obs)
        self.action_space = spaces.Box(-1.0, 1.0, (ACTION_DIM,), np.float32)

        self._renderer: Any = None
        self._display_renderer: Any = None
        self._task: Task = TASKS[tasks[0]]
        self.goal: TaskGoal | None = None
        self._pending: collections.deque[np.ndarray] = collections.deque()
        self._steps = 0
        self._latency = 0
        self._noise_std = 0.0
        self._noise_size = n_arm + 7 + 7 * n_obj
        self._seed: int | None = None
        self.episode_params: dict[str, Any] = {}
        self._goal_ids: tuple[TaskGoal | None, int, int, int] = (None, 0, 0, 0)
        self._quat = np.empty(4)
        self._gripper_open = self.scene.robot.gripper_open
        self._make_views()

    def _make_views(self) -> None:
        """Views into ``self.data`` read by every step, made once: MjData's buffers never move."""
        d, v = self.data, self.view
        self._qpos, self._ctrl = d.qpos, d.ctrl
        self._arm_qpos, self._arm_qvel, self._grip_qpos = d.qpos[v.arm_q], d.qvel[v.arm_v], d.qpos[v.grip_q]
        self._objects_qpos = d.qpos[v.objects_q]
        self._tcp_xpos, self._tcp_xmat = d.site_xpos[v.tcp_id], d.site_xmat[v.tcp_id]
        self._warning_counts = d.warning.number

    _VIEWS = ("_qpos", "_ctrl", "_arm_qpos", "_arm_qvel", "_grip_qpos", "_objects_qpos", "_tcp_xpos", "_tcp_xmat",
              "_warning_counts")

    def __getstate__(self) -> dict[str, Any]:
        # A copied view would be a separate array, no longer part of the copied MjData: copy without the
        # views (pickle, copy.deepcopy) and make them again on the other side.
        return {k: v for k, v in self.__dict__.items() if k not in self._VIEWS}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._make_views()

    # --- Gymnasium API -------------------------------------------------------------------
    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None
              ) -> tuple[dict[str, Any], dict[str, Any]]:
        super().reset(seed=seed)
        rng = self.np_random
        self._seed = seed
        options = options or {}
        task_name = options.get("task")
        if task_name is None:
            task_name = self._mix[int(rng.integers(len(self._mix)))] if self.task_name == "tabletop" \
                else self.task_name
        self._task = get_task(task_name)
        params = self.sampler.apply(rng)
        m, d, robot = self.model, self.data, self.scene.robot
        # Masses and sizes changed: recompute the constants derived from them (invweight0, ...).
        mujoco.mj_setConst(m, d)
        mujoco.mj_resetData(m, d)
        home = np.array(robot.home) + rng.uniform(-HOME_JITTER, HOME_JITTER, robot.n_arm)
        d.qpos[self.view.arm_q] = np.clip(home, robot.lower, robot.upper)
        d.qpos[self.view.grip_q] = robot.gripper_open
        sample_layout(rng, self.view)
        self.goal = self._task.sample_goal(rng, self.view)
        if "instruction" in options:
            self.goal = dataclasses.replace(self.goal, instruction=str(options["instruction"]))
        m.geom_rgba[self.view.goal_geom, 3] = 0.6 if self.goal.target == "goal_marker" else 0.0
        mujoco.mj_forward(m, d)
        self.controller.reset(d)
        d.ctrl[:] = self.controller.ctrl
        self._latency = int(params["action_latency_steps"])
        self._noise_std = float(params["obs_noise_std"])
        hold = np.array([0.0, 0.0, 0.0, 0.0, -1.0])
        self._pending = collections.deque([hold] * self._latency)
        self._steps = 0
        self._warnings = int(d.warning.number[[_BADQPOS, _BADQVEL, _BADQACC]].sum())
        self.episode_params = params
        info = {"task": task_name, "instruction": self.goal.instruction, "object": self.goal.object,
                "target": self.goal.target, "randomization": params, "is_success": False}
        return self._observation(), info

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        if self.goal is None:
            raise gym.error.ResetNeeded("call reset() before step()")
        a = validate_action(action)
        self._pending.append(a)
        a = self._pending.popleft()
        np.copyto(self._ctrl, self.controller.compute(self.data, a))
        mujoco.mj_step(self.model, self.data, nstep=self.n_substeps)
        self._steps += 1
        truncated = self._steps >= self.max_steps
        info: dict[str, Any] = {}
        # On bad qpos/qvel/qacc MuJoCo warns and resets the state itself: the warning counters tell. Python
        # sums of the listed values: numpy's reductions cost several times more right after mj_step.
        counts = self._warning_counts.tolist()
        warnings = counts[_BADQPOS] + counts[_BADQVEL] + counts[_BADQACC]
        if warnings != self._warnings or not math.isfinite(sum(self._qpos.tolist())):
            self._warnings = warnings
            # Diverged physics is reported, never returned as NaN observations.
            info.update(is_success=False, physics_diverged=True, reward_terms={})
            mujoco.mj_resetData(self.model, self.data)
            mujoco.mj_forward(self.model, self.data)
            return self._observation(), 0.0, False, True, info
        terms = self._task.reward_terms(self.view, self.goal)
        success = terms["success"] > 0.5
        info["is_success"] = success
        info["reward_terms"] = terms
        terminated = success and self.terminate_on_success
        return self._observation(), float(sum(terms.values())), terminated, truncated, info

    def render(self) -> np.ndarray | None:  # type: ignore[override]
        if self.render_mode != "rgb_array":
            return None
        if self._display_renderer is None:
            self._display_renderer = make_renderer(self.model, *self.render_size)
        self._display_renderer.update_scene(self.data, camera=self.render_camera)
        return np.asarray(self._display_renderer.render())

    def close(self) -> None:
        for r in (self._renderer, self._display_renderer):
            if r is not None:
                r.close()
        self._renderer = self._display_renderer = None

    # --- helpers -------------------------------------------------------------------------
    @property
    def task(self) -> Task:
        return self._task

    def expert(self) -> Any:
        """The scripted expert for the current episode (acts on the true state)."""
        if self.goal is None:
            raise gym.error.ResetNeeded("call reset() before expert()")
        return make_expert(self.goal, self.view, self.controller.config.max_pos_step)

    @property
    def model_sha256(self) -> str:
        """The compiled model's hash, fixed when the env is built (a reset's randomised values are not in it)."""
        return self._model_sha256

    def provenance(self) -> dict[str, Any]:
        """Everything needed to reproduce this episode."""
        return {
            "versions": versions(),
            "model_sha256": self._model_sha256,
            "env": {"task": self.task_name, "robot": self.robot_name, "obs_mode": self.obs_mode,
                    "control_hz": self.control_hz, "n_substeps": self.n_substeps,
                    "timestep": float(self.model.opt.timestep), "max_steps": self.max_steps},
            "controller": dataclasses.asdict(self.controller.config),
            "randomization": self.randomization.to_dict(),
            "seed": self._seed,
        }

    def _observation(self) -> dict[str, Any]:
        # One builder for the env and the bridge (sim.observation_contract), fed with views made once: the
        # ids that only change with the goal are cached with it.
        goal = self.goal
        assert goal is not None
        if self._goal_ids[0] is not goal:
            self._goal_ids = (goal, *goal_ids(goal, self.scene.object_names))
        _, task_id, object_id, target_id = self._goal_ids
        # mj_step leaves the frames where the step began (it integrates after computing them): the TCP is read
        # where the joints are now, as the bridge's mirror has it from measured joints, from a scratch copy, so
        # the controller and the experts keep reading the frames they always did (golden replays unchanged).
        fk = self.__dict__.get("_fk")
        if fk is None:
            fk = self._fk = mujoco.MjData(self.model)
        np.copyto(fk.qpos, self._qpos)
        mujoco.mj_kinematics(self.model, fk)
        tcp = self.view.tcp_id
        # One draw for joint_pos, ee_pose and object_poses, in that order: the same numbers as one draw per key.
        noise = self.np_random.normal(0.0, self._noise_std, self._noise_size) if self._noise_std > 0 else None
        obs = build_observation(
            joint_pos=self._arm_qpos, joint_vel=self._arm_qvel, finger_qpos=self._grip_qpos.tolist(),
            gripper_open=self._gripper_open, tcp_pos=fk.site_xpos[tcp], tcp_xmat=fk.site_xmat[tcp],
            object_qpos=self._objects_qpos, goal_pos=self._task.goal_position(self.view, goal),
            ids=(task_id, object_id, target_id), instruction=goal.instruction, noise=noise)
        if self.cameras:
            obs.update(self._images())
        return obs

    def _images(self) -> dict[str, np.ndarray]:
        if self._renderer is None:
            self._renderer = make_renderer(self.model, *self.image_size)
        r, out = self._renderer, {}
        for cam in self.cameras:
            r.update_scene(self.data, camera=cam)
            out[f"{cam}_rgb"] = np.asarray(r.render()).copy()
            if self.obs_mode == "rgbd":
                r.enable_depth_rendering()
                r.update_scene(self.data, camera=cam)
                out[f"{cam}_depth"] = np.asarray(r.render(), dtype=np.float32)[..., None].copy()
                r.disable_depth_rendering()
        return out
