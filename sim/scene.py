"""Compose a tabletop scene (robot, table, cubes, pad, bin, cameras, lights) with mujoco.MjSpec."""

from __future__ import annotations

from dataclasses import dataclass

import mujoco
import numpy as np

from sim.errors import ConfigError, UnknownNameError
from sim.robots import build_robot_spec, get_robot
from sim.robots.spec import RobotSpec

COLORS: dict[str, tuple[float, float, float]] = {
    "red": (0.85, 0.12, 0.1),
    "green": (0.12, 0.65, 0.2),
    "blue": (0.12, 0.28, 0.85),
    "yellow": (0.95, 0.82, 0.1),
    "purple": (0.55, 0.2, 0.7),
    "orange": (0.95, 0.5, 0.1),
}
CAMERAS = ("front", "overhead", "wrist")

TABLE_SIZE = (0.7, 0.7, 0.025)  # half extents; the top surface is z = 0
TABLE_CENTER = (0.4, 0.0)
CUBE_HALF = 0.022
PAD_HALF = 0.045
BIN_HALF = 0.075  # inner half width
BIN_WALL = 0.006
BIN_HEIGHT = 0.06

# Objects collide with everything; robot geoms (contype 2, conaffinity 1) collide only with these.
WORLD_CONTYPE = 1
WORLD_CONAFFINITY = 3


@dataclass(frozen=True, kw_only=True)
class SceneConfig:
    """What stands on the table. Cubes are named ``<color>_cube``."""

    robot: str = "panda"
    cubes: tuple[str, ...] = ("red", "green", "blue")
    with_pad: bool = True
    with_bin: bool = True
    offscreen_size: tuple[int, int] = (640, 480)

    def __post_init__(self) -> None:
        get_robot(self.robot)
        if not self.cubes:
            raise ConfigError("a scene needs at least one cube")
        for color in self.cubes:
            if color not in COLORS:
                raise UnknownNameError("cube colour", color, COLORS)
        if len(set(self.cubes)) != len(self.cubes):
            raise ConfigError(f"cube colours must be distinct, got {self.cubes}")

    @property
    def object_names(self) -> tuple[str, ...]:
        return tuple(f"{c}_cube" for c in self.cubes)


@dataclass(frozen=True)
class Scene:
    """A compiled scene and the names that tools need to address its parts."""

    model: mujoco.MjModel
    config: SceneConfig
    robot: RobotSpec
    object_names: tuple[str, ...]
    cameras: tuple[str, ...]


def look_at_quat(eye: tuple[float, float, float], target: tuple[float, float, float]) -> np.ndarray:
    """Quaternion of a MuJoCo camera at ``eye`` looking at ``target`` (camera looks along -z, y up)."""
    forward = np.asarray(target, float) - np.asarray(eye, float)
    forward /= np.linalg.norm(forward)
    up_hint = np.array([0.0, 0.0, 1.0]) if abs(forward[2]) < 0.99 else np.array([1.0, 0.0, 0.0])
    right = np.cross(forward, up_hint)
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    rot = np.column_stack([right, up, -forward])
    quat = np.zeros(4)
    mujoco.mju_mat2Quat(quat, rot.ravel())
    return quat


def _add_box(body: mujoco.MjsBody, name: str, size: tuple[float, ...], pos: tuple[float, ...],
             rgba: tuple[float, ...], collide: bool = True) -> mujoco.MjsGeom:
    geom = body.add_geom(name=name, type=mujoco.mjtGeom.mjGEOM_BOX, size=list(size), pos=list(pos), rgba=list(rgba))
    if collide:
        geom.contype, geom.conaffinity = WORLD_CONTYPE, WORLD_CONAFFINITY
    else:
        geom.contype, geom.conaffinity = 0, 0
    return geom


def _add_table(world: mujoco.MjsBody) -> None:
    table = world.add_body(name="table", pos=[TABLE_CENTER[0], TABLE_CENTER[1], -TABLE_SIZE[2]])
    top = _add_box(table, "table_top", TABLE_SIZE, (0, 0, 0), (0.62, 0.5, 0.38, 1))
    top.friction = [1.0, 0.005, 0.0001]
    world.add_geom(name="floor", type=mujoco.mjtGeom.mjGEOM_PLANE, size=[3, 3, 0.1], pos=[0, 0, -0.75],
                   rgba=[0.3, 0.32, 0.35, 1])


def _add_cube(world: mujoco.MjsBody, color: str, index: int) -> None:
    body = world.add_body(name=f"{color}_cube", pos=[0.5, -0.2 + 0.1 * index, CUBE_HALF])
    body.add_freejoint(name=f"{color}_cube_joint")
    geom = _add_box(body, f"{color}_cube", (CUBE_HALF,) * 3, (0, 0, 0), (*COLORS[color], 1.0))
    geom.mass = 0.1
    geom.condim = 4
    geom.friction = [1.0, 0.01, 0.0001]
    body.add_site(name=f"{color}_cube_site", size=[0.004, 0.004, 0.004], rgba=[0, 0, 0, 0], group=4)


def _add_pad(world: mujoco.MjsBody) -> None:
    pad = world.add_body(name="target_pad", pos=[0.5, 0.2, 0.0])
    _add_box(pad, "target_pad", (PAD_HALF, PAD_HALF, 0.0008), (0, 0, 0.0008), (0.95, 0.95, 0.95, 1), collide=False)


def _add_bin(world: mujoco.MjsBody) -> None:
    bin_body = world.add_body(name="bin", pos=[0.5, -0.3, 0.0])
    color = (0.35, 0.35, 0.38, 1.0)
    outer = BIN_HALF + BIN_WALL
    _add_box(bin_body, "bin_floor", (outer, outer, BIN_WALL / 2), (0, 0, BIN_WALL / 2), color)
    h = BIN_HEIGHT / 2
    for name, size, pos in (
        ("bin_wall_px", (BIN_WALL / 2, outer, h), (BIN_HALF + BIN_WALL / 2, 0, h)),
        ("bin_wall_nx", (BIN_WALL / 2, outer, h), (-BIN_HALF - BIN_WALL / 2, 0, h)),
        ("bin_wall_py", (outer, BIN_WALL / 2, h), (0, BIN_HALF + BIN_WALL / 2, h)),
        ("bin_wall_ny", (outer, BIN_WALL / 2, h), (0, -BIN_HALF - BIN_WALL / 2, h)),
    ):
        _add_box(bin_body, name, size, pos, color)


def _add_goal_marker(world: mujoco.MjsBody) -> None:
    marker = world.add_body(name="goal_marker", pos=[0.5, 0.0, 0.2])
    geom = marker.add_geom(name="goal_marker", type=mujoco.mjtGeom.mjGEOM_SPHERE, size=[0.015, 0, 0],
                           rgba=[1.0, 0.6, 0.0, 0.6])
    geom.contype, geom.conaffinity = 0, 0


def _add_cameras_and_lights(spec: mujoco.MjSpec) -> None:
    world = spec.worldbody
    for name, eye, target, fovy in (
        ("front", (1.35, 0.0, 0.55), (0.45, 0.0, 0.05), 45.0),
        ("overhead", (0.5, 0.0, 1.35), (0.5, 0.0, 0.0), 45.0),
    ):
        world.add_camera(name=name, pos=list(eye), quat=list(look_at_quat(eye, target)), fovy=fovy)
    light = world.add_light(name="key_light", pos=[0.6, -0.4, 1.6], dir=[-0.1, 0.25, -1.0])
    light.diffuse = [0.8, 0.8, 0.8]
    light.specular = [0.2, 0.2, 0.2]
    light.castshadow = True
    fill = world.add_light(name="fill_light", pos=[-0.5, 0.5, 1.5], dir=[0.5, -0.3, -1.0])
    fill.diffuse = [0.3, 0.3, 0.3]
    fill.castshadow = False


def build_scene(config: SceneConfig | None = None) -> Scene:
    """Compile the tabletop scene for ``config`` (defaults: Panda, red/green/blue cubes, pad and bin)."""
    config = config if config is not None else SceneConfig()
    robot = get_robot(config.robot)
    spec = build_robot_spec(config.robot)
    spec.modelname = f"armstack_{config.robot}_tabletop"
    spec.option.timestep = 0.002
    spec.option.integrator = mujoco.mjtIntegrator.mjINT_IMPLICITFAST
    spec.option.cone = mujoco.mjtCone.mjCONE_ELLIPTIC
    spec.option.impratio = 10.0
    spec.visual.global_.offwidth = max(640, config.offscreen_size[0])
    spec.visual.global_.offheight = max(480, config.offscreen_size[1])
    spec.visual.headlight.ambient = [0.35, 0.35, 0.35]
    spec.visual.headlight.diffuse = [0.3, 0.3, 0.3]
    spec.visual.quality.shadowsize = 2048
    world = spec.worldbody
    _add_table(world)
    for i, color in enumerate(config.cubes):
        _add_cube(world, color, i)
    if config.with_pad:
        _add_pad(world)
    if config.with_bin:
        _add_bin(world)
    _add_goal_marker(world)
    _add_cameras_and_lights(spec)
    # The keyframe of the bare robot does not cover the cubes' free joints.
    for key in list(spec.keys):
        spec.delete(key)
    model = spec.compile()
    return Scene(model=model, config=config, robot=robot, object_names=config.object_names, cameras=CAMERAS)
