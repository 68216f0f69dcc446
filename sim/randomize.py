"""Domain randomisation: a seeded, validated config and the sampler that applies it to a model."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import mujoco
import numpy as np

from sim.config_io import from_mapping
from sim.errors import ConfigError, UnknownNameError
from sim.scene import Scene, SceneConfig, parse_object_name

Range = tuple[float, float]
_RANGE_FIELDS = (
    "cube_half_size", "object_mass", "object_friction", "table_friction", "light_intensity",
    "actuator_gain_scale", "joint_damping_scale", "action_latency_steps",
)


@dataclass(frozen=True, kw_only=True)
class Randomization:
    """Ranges sampled uniformly once per episode. A range (a, a) fixes the value.

    ``*_jitter`` values are symmetric amplitudes; ``obs_noise_std`` is the standard deviation of
    Gaussian noise added to proprioception and object poses (m / rad).
    """

    cube_half_size: Range = (0.022, 0.022)
    object_mass: Range = (0.1, 0.1)
    object_friction: Range = (1.0, 1.0)
    object_color_jitter: float = 0.0
    table_friction: Range = (1.0, 1.0)
    table_color_jitter: float = 0.0
    light_intensity: Range = (0.8, 0.8)
    light_direction_jitter: float = 0.0
    camera_position_jitter: float = 0.0
    camera_fovy_jitter: float = 0.0
    actuator_gain_scale: Range = (1.0, 1.0)
    joint_damping_scale: Range = (1.0, 1.0)
    obs_noise_std: float = 0.0
    action_latency_steps: Range = (0, 0)
    objects: tuple[str, ...] = ()
    """An object set for the scene, ``<colour>_<shape>`` names (``sim.scene.SceneConfig.objects``): the env builds
    its scene with these objects. Empty: the scene's own (red, green and blue cubes by default)."""
    reach_markers: tuple[tuple[float, float, float], tuple[float, float, float]] | None = None
    """The box (low corner, high corner; m) the Reach task draws its marker from, handed to the scene as
    ``objects`` is (``SceneConfig.reach_markers``). None: the task's own box."""

    def __post_init__(self) -> None:
        for name in _RANGE_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, tuple) or len(value) != 2:
                raise ConfigError(f"randomization {name} must be a (low, high) pair, got {value!r}")
            lo, hi = value
            if not (math.isfinite(lo) and math.isfinite(hi)):
                raise ConfigError(f"randomization {name} must be finite, got {value!r}")
            if lo > hi:
                raise ConfigError(f"randomization {name} range is inverted: low {lo} > high {hi}")
        for name, lo_bound in (("cube_half_size", 0.01), ("object_mass", 1e-3), ("light_intensity", 0.0),
                               ("actuator_gain_scale", 0.1), ("joint_damping_scale", 0.0),
                               ("object_friction", 0.05), ("table_friction", 0.05)):
            if getattr(self, name)[0] < lo_bound:
                raise ConfigError(f"randomization {name} low end must be >= {lo_bound}, got {getattr(self, name)}")
        if self.cube_half_size[1] > 0.03:
            raise ConfigError(f"randomization cube_half_size high end must be <= 0.03 m (gripper stroke), "
                              f"got {self.cube_half_size[1]}")
        lat = self.action_latency_steps
        if lat[0] < 0 or lat[0] != int(lat[0]) or lat[1] != int(lat[1]):
            raise ConfigError(f"randomization action_latency_steps must be whole steps >= 0, got {lat}")
        for name in ("object_color_jitter", "table_color_jitter", "light_direction_jitter",
                     "camera_position_jitter", "camera_fovy_jitter", "obs_noise_std"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise ConfigError(f"randomization {name} must be a finite number >= 0, got {value!r}")
        if not isinstance(self.objects, tuple):
            raise ConfigError(f"randomization objects must be a list of '<colour>_<shape>' names, got {self.objects!r}")
        if self.objects:
            SceneConfig(objects=self.objects)  # the scene's own checks: names, distinct colours
        if self.reach_markers is not None:
            from sim.tasks.reach import check_marker_box  # the task's own checks (sim.tasks imports sim.scene)

            check_marker_box(self.reach_markers, "randomization reach_markers")

    def scene_config(self, scene: SceneConfig) -> SceneConfig:
        """``scene`` with this randomisation's object set and Reach marker box, where it names them (a scene naming
        other ones is refused)."""
        if self.reach_markers is not None and scene.reach_markers != self.reach_markers:
            if scene.reach_markers is not None:
                raise ConfigError(f"the scene names reach_markers {scene.reach_markers} and the randomization "
                                  f"{self.reach_markers}: give one")
            scene = dataclasses.replace(scene, reach_markers=self.reach_markers)
        if not self.objects or scene.object_names == self.objects:
            return scene
        if scene.objects:
            raise ConfigError(f"the scene names objects {scene.objects} and the randomization objects {self.objects}: "
                              f"give one")
        return dataclasses.replace(scene, objects=self.objects)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Randomization:
        return from_mapping(cls, data, where="randomization")

    def to_dict(self) -> dict[str, Any]:
        # Without an object set or a marker box the dict is what it was before they existed (provenance, dataset
        # metadata).
        return {k: [list(c) for c in v] if k == "reach_markers" else list(v) if isinstance(v, tuple) else v
                for k, v in dataclasses.asdict(self).items() if k not in ("objects", "reach_markers") or v}


RANDOMIZATION_LEVELS: dict[str, Randomization] = {
    "none": Randomization(),
    "default": Randomization(
        cube_half_size=(0.02, 0.025),
        object_mass=(0.05, 0.2),
        object_friction=(0.8, 1.2),
        object_color_jitter=0.06,
        table_friction=(0.7, 1.1),
        table_color_jitter=0.1,
        light_intensity=(0.5, 1.0),
        light_direction_jitter=0.3,
        camera_position_jitter=0.02,
        camera_fovy_jitter=3.0,
        actuator_gain_scale=(0.85, 1.15),
        joint_damping_scale=(0.5, 2.0),
        obs_noise_std=0.001,
        action_latency_steps=(0, 1),
    ),
    "strong": Randomization(
        cube_half_size=(0.018, 0.027),
        object_mass=(0.03, 0.3),
        object_friction=(0.6, 1.4),
        object_color_jitter=0.1,
        table_friction=(0.5, 1.3),
        table_color_jitter=0.2,
        light_intensity=(0.3, 1.2),
        light_direction_jitter=0.6,
        camera_position_jitter=0.05,
        camera_fovy_jitter=6.0,
        actuator_gain_scale=(0.7, 1.3),
        joint_damping_scale=(0.3, 3.0),
        obs_noise_std=0.003,
        action_latency_steps=(0, 2),
    ),
}


SHAPES_OBJECTS = ("yellow_cylinder", "blue_cube", "purple_sphere")
RANDOMIZATION_LEVELS["shapes"] = dataclasses.replace(RANDOMIZATION_LEVELS["default"], objects=SHAPES_OBJECTS)
"""The default ranges on an opt-in object set: a yellow cylinder, a blue cube and a purple sphere. No orange object:
the Reach marker is the orange sphere (its templates say 'the orange marker', 'the orange ball')."""

REACH_HOME_MARKERS = ((0.25, -0.25, 0.06), (0.65, 0.25, 0.55))
RANDOMIZATION_LEVELS["reach_home"] = dataclasses.replace(RANDOMIZATION_LEVELS["default"],
                                                         reach_markers=REACH_HOME_MARKERS)
"""The default ranges with the Reach marker drawn from a box that also holds both robots' home TCP (Panda (0.31, 0,
0.49), UR5e (0.49, 0.13, 0.33)): the data of a Reach policy that can run the go_home skill (sim/skills/home.py)."""


def resolve_randomization(value: str | Randomization | dict[str, Any] | None) -> Randomization:
    """A Randomization from a level name, a mapping of fields, or an instance."""
    if value is None:
        return RANDOMIZATION_LEVELS["none"]
    if isinstance(value, Randomization):
        return value
    if isinstance(value, str):
        if value not in RANDOMIZATION_LEVELS:
            raise UnknownNameError("randomization level", value, RANDOMIZATION_LEVELS)
        return RANDOMIZATION_LEVELS[value]
    if isinstance(value, dict):
        return Randomization.from_dict(value)
    raise ConfigError(f"randomization must be a level name, a mapping or Randomization, got {type(value).__name__}")


def _resize(m: mujoco.MjModel, gid: int, bid: int, shape: str, half: float, mass: float) -> None:
    """Give an object of ``shape`` the half extent ``half`` (``sim.scene.SHAPES``) and ``mass``, with the bounds
    and the solid body's inertia that go with them."""
    m.geom_aabb[gid, 3:] = half
    m.body_mass[bid] = mass
    if shape == "cylinder":  # radius and half length both ``half``
        m.geom_size[gid] = (half, half, 0.0)
        m.geom_rbound[gid] = half * math.sqrt(2.0)
        side = mass * (3 * half**2 + (2 * half) ** 2) / 12.0
        m.body_inertia[bid] = (side, side, mass * half**2 / 2.0)
    elif shape == "sphere":
        m.geom_size[gid] = (half, 0.0, 0.0)
        m.geom_rbound[gid] = half
        m.body_inertia[bid] = 0.4 * mass * half**2
    else:
        m.geom_size[gid] = half
        m.geom_rbound[gid] = half * math.sqrt(3.0)
        m.body_inertia[bid] = mass * (2 * half) ** 2 / 6.0


class RandomizationSampler:
    """Restores the nominal model, then writes one episode's sampled parameters into it."""

    def __init__(self, scene: Scene, config: Randomization) -> None:
        m = scene.model
        self.scene, self.model, self.config = scene, m, config
        self._nominal = {
            "geom_size": m.geom_size.copy(), "geom_rgba": m.geom_rgba.copy(),
            "geom_friction": m.geom_friction.copy(), "geom_rbound": m.geom_rbound.copy(),
            "geom_aabb": m.geom_aabb.copy(), "body_mass": m.body_mass.copy(),
            "body_inertia": m.body_inertia.copy(), "light_diffuse": m.light_diffuse.copy(),
            "light_dir": m.light_dir.copy(), "cam_pos": m.cam_pos.copy(), "cam_fovy": m.cam_fovy.copy(),
            "actuator_gainprm": m.actuator_gainprm.copy(), "actuator_biasprm": m.actuator_biasprm.copy(),
            "dof_damping": m.dof_damping.copy(),
        }
        geom = lambda n: mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_GEOM, n)  # noqa: E731
        self._objects = [(n, geom(n), m.geom_bodyid[geom(n)], parse_object_name(n)[1]) for n in scene.object_names]
        self._table = geom("table_top")
        n_arm = scene.robot.n_arm
        self._arm_actuators = np.arange(n_arm)
        self._arm_dofs = np.array([
            m.jnt_dofadr[mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_JOINT, j)] for j in scene.robot.arm_joints
        ])
        self._fixed_cams = np.array([i for i in range(m.ncam) if m.cam_bodyid[i] == 0])

    def restore(self) -> None:
        for name, value in self._nominal.items():
            getattr(self.model, name)[:] = value

    def apply(self, rng: np.random.Generator) -> dict[str, Any]:
        """Sample and apply; returns the sampled values as plain JSON-ready data."""
        cfg, m = self.config, self.model
        self.restore()
        u = lambda r: float(rng.uniform(r[0], r[1]))  # noqa: E731
        params: dict[str, Any] = {"objects": {}}
        for name, gid, bid, shape in self._objects:
            half, mass, fric = u(cfg.cube_half_size), u(cfg.object_mass), u(cfg.object_friction)
            _resize(m, gid, bid, shape, half, mass)
            m.geom_friction[gid, 0] = fric
            jitter = rng.uniform(-cfg.object_color_jitter, cfg.object_color_jitter, 3)
            m.geom_rgba[gid, :3] = np.clip(m.geom_rgba[gid, :3] + jitter, 0.0, 1.0)
            params["objects"][name] = {"half_size": half, "mass": mass, "friction": fric,
                                       "rgb": m.geom_rgba[gid, :3].round(4).tolist()}
        m.geom_friction[self._table, 0] = u(cfg.table_friction)
        m.geom_rgba[self._table, :3] = np.clip(
            m.geom_rgba[self._table, :3] + rng.uniform(-cfg.table_color_jitter, cfg.table_color_jitter, 3), 0, 1)
        params["table"] = {"friction": float(m.geom_friction[self._table, 0]),
                           "rgb": m.geom_rgba[self._table, :3].round(4).tolist()}
        intensity = u(cfg.light_intensity)
        m.light_diffuse[0] = intensity
        d = m.light_dir[0] + np.append(rng.uniform(-cfg.light_direction_jitter, cfg.light_direction_jitter, 2), 0)
        m.light_dir[0] = d / np.linalg.norm(d)
        params["light"] = {"intensity": intensity, "direction": m.light_dir[0].round(4).tolist()}
        cams = {}
        for cid in self._fixed_cams:
            m.cam_pos[cid] += rng.uniform(-cfg.camera_position_jitter, cfg.camera_position_jitter, 3)
            m.cam_fovy[cid] += rng.uniform(-cfg.camera_fovy_jitter, cfg.camera_fovy_jitter)
            name = mujoco.mj_id2name(m, mujoco.mjtObj.mjOBJ_CAMERA, int(cid))
            cams[name] = {"pos": m.cam_pos[cid].round(4).tolist(), "fovy": round(float(m.cam_fovy[cid]), 3)}
        params["cameras"] = cams
        gain = u(cfg.actuator_gain_scale)
        acts = self._arm_actuators
        m.actuator_gainprm[acts, 0] *= gain
        m.actuator_biasprm[acts, 1] *= gain
        damping = u(cfg.joint_damping_scale)
        m.dof_damping[self._arm_dofs] *= damping
        params["actuator_gain_scale"], params["joint_damping_scale"] = gain, damping
        params["action_latency_steps"] = int(rng.integers(int(cfg.action_latency_steps[0]),
                                                          int(cfg.action_latency_steps[1]) + 1))
        params["obs_noise_std"] = cfg.obs_noise_std
        return params
