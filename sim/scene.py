"""Compose a tabletop scene (robot, table, cubes, pad, bin, cameras, lights) with mujoco.MjSpec."""

from __future__ import annotations

from dataclasses import dataclass

import mujoco
import numpy as np

from sim.errors import ConfigError, UnknownNameError
from sim.render import FULL_QUALITY, RenderQuality, choose_quality_by_size
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
SHAPES: dict[str, mujoco.mjtGeom] = {
    "cube": mujoco.mjtGeom.mjGEOM_BOX,
    "cylinder": mujoco.mjtGeom.mjGEOM_CYLINDER,
    "sphere": mujoco.mjtGeom.mjGEOM_SPHERE,
}
"""Object shapes, all sized by one half extent: the cube's half side, the upright cylinder's radius and half
height, the sphere's radius. So one size range (``Randomization.cube_half_size``) fits every shape in the grip."""
SPHERE_ROLLING_FRICTION = 0.002
"""m: a sphere needs rolling resistance (contact dimension 6) to come to rest where it is released or pushed."""

TABLE_SIZE = (0.7, 0.7, 0.025)  # half extents; the top surface is z = 0
TABLE_CENTER = (0.4, 0.0)
CUBE_HALF = 0.022
PAD_HALF = 0.045
BIN_HALF = 0.075  # inner half width
BIN_WALL = 0.006
BIN_HEIGHT = 0.06

# ArUco markers textured on the cube tops and the pad when ``SceneConfig.marker_textures`` is on (perception
# tests): one id per cube colour, so an id always names the same cube. The marker's black square is
# MARKER_FRACTION of its plate; the rest is the white quiet zone that detection needs.
MARKER_DICTIONARY = "DICT_4X4_50"
CUBE_MARKER_IDS: dict[str, int] = {color: i for i, color in enumerate(COLORS)}
PAD_MARKER_ID = 20
MARKER_FRACTION = 6 / 7
CUBE_MARKER_PLATE_HALF = 0.021
PAD_MARKER_PLATE_HALF = 0.04
MARKER_PLATE_THICKNESS = 0.0005  # half thickness; the plate lies on the face it marks

# Objects collide with everything; robot geoms (contype 2, conaffinity 1) collide only with these.
WORLD_CONTYPE = 1
WORLD_CONAFFINITY = 3


@dataclass(frozen=True, kw_only=True)
class SceneConfig:
    """What stands on the table: objects named ``<color>_<shape>`` (``red_cube``, ``yellow_cylinder``).

    ``cubes`` lists cube colours (the default scene: red, green and blue cubes). ``objects`` names the objects
    instead, any shape of ``SHAPES`` in any colour of ``COLORS`` (an opt-in object set; colours distinct, so a
    colour still names one object).
    """

    robot: str = "panda"
    cubes: tuple[str, ...] = ("red", "green", "blue")
    objects: tuple[str, ...] = ()
    """``<color>_<shape>`` names, in observation order; empty: the cubes of ``cubes``."""
    with_pad: bool = True
    with_bin: bool = True
    offscreen_size: tuple[int, int] = (640, 480)
    marker_textures: bool = False
    """Texture an ArUco marker on each cube's top face and on the pad (visual only: no mass, no contacts)."""
    shadow_size: int | None = None
    """Shadow map size in texels (MuJoCo ``visual.quality.shadowsize``). None: chosen per renderer from its image
    size (``sim.render.QUALITY_BY_SIZE``: 512 up to 160 pixels, else 2048). Under software GL it dominates the
    cost of a small frame (docs/measured_defaults.md)."""
    msaa_samples: int | None = None
    """Multisamples per pixel of offscreen renders (``visual.quality.offsamples``; 0 is off: aliased edges).
    None: chosen per renderer from its image size (0 up to 160 pixels, else MuJoCo's default 4)."""
    physics_sleep: bool = False
    """MuJoCo island sleeping (``mjENBL_SLEEP``): bodies at rest, such as cubes nobody touches, stop being
    integrated until something wakes them. Off by default: the datasets and golden trajectories were made
    without it. The RL Reach env turns it on (docs/measured_defaults.md)."""
    reach_markers: tuple[tuple[float, float, float], tuple[float, float, float]] | None = None
    """The box (low corner, high corner; m) the Reach task draws its marker from; None: the task's own
    (``sim.tasks.reach.DEFAULT_MARKER_BOX``). Shapes no model: only where the marker is put at reset."""

    def __post_init__(self) -> None:
        get_robot(self.robot)
        if not self.cubes:
            raise ConfigError("a scene needs at least one cube")
        for color in self.cubes:
            if color not in COLORS:
                raise UnknownNameError("cube colour", color, COLORS)
        if len(set(self.cubes)) != len(self.cubes):
            raise ConfigError(f"cube colours must be distinct, got {self.cubes}")
        colors = [parse_object_name(name)[0] for name in self.objects]
        if colors and self.cubes != SceneConfig.cubes:
            raise ConfigError("give either cubes (cube colours) or objects ('<colour>_<shape>' names), not both")
        if len(set(colors)) != len(colors):
            raise ConfigError(f"object colours must be distinct (a colour names one object), got {self.objects}")
        if self.reach_markers is not None:
            from sim.tasks.reach import check_marker_box  # the task's own checks (sim.tasks imports this module)

            check_marker_box(self.reach_markers, "scene reach_markers")
        if self.shadow_size is not None or self.msaa_samples is not None:  # the renderer's own checks
            RenderQuality(shadow_size=FULL_QUALITY.shadow_size if self.shadow_size is None else self.shadow_size,
                          msaa_samples=FULL_QUALITY.msaa_samples if self.msaa_samples is None else self.msaa_samples)

    @property
    def object_names(self) -> tuple[str, ...]:
        return self.objects if self.objects else tuple(f"{c}_cube" for c in self.cubes)


def parse_object_name(name: str) -> tuple[str, str]:
    """``yellow_cylinder`` -> (``yellow``, ``cylinder``); a name outside the palette or the shapes is refused."""
    if not isinstance(name, str):
        raise ConfigError(f"object names are '<colour>_<shape>' strings, got {name!r}")
    color, _, shape = name.partition("_")
    if color not in COLORS:
        raise UnknownNameError(f"object colour in {name!r}", color, COLORS)
    if shape not in SHAPES:
        raise UnknownNameError(f"object shape in {name!r}", shape, SHAPES)
    return color, shape


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


def _marker_material(spec: mujoco.MjSpec, marker_id: int) -> str:
    """A material showing ArUco marker ``marker_id`` inside a white quiet zone; returns its name.

    MuJoCo maps a 2D texture onto a box face with image columns along the geom's +x and image rows along its
    -y, so the marker's OpenCV frame (x right, y up, z out) equals the frame of the geom it is drawn on.
    """
    import cv2  # only scenes with markers need OpenCV

    dictionary = cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, MARKER_DICTIONARY))
    # Texels per marker bit: 4x4 bits + black border = 6 cells, quiet zone half a cell each side. Edges on
    # multiples of 16 texels stay on texel boundaries through four mipmap levels, so a minified marker keeps
    # its true size (with 24 it rendered up to a pixel small, i.e. centimetres of depth error).
    cell = 32
    image = np.full((7 * cell, 7 * cell), 255, np.uint8)
    image[cell // 2 : -cell // 2, cell // 2 : -cell // 2] = cv2.aruco.generateImageMarker(dictionary, marker_id,
                                                                                          6 * cell)
    name = f"aruco_{marker_id}"
    texture = spec.add_texture(name=name, type=mujoco.mjtTexture.mjTEXTURE_2D, width=image.shape[1],
                               height=image.shape[0], nchannel=3)
    texture.data = np.repeat(image[..., None], 3, axis=2).tobytes()
    material = spec.add_material(name=name)
    material.textures[mujoco.mjtTextureRole.mjTEXROLE_RGB] = name
    return name


def _add_marker_plate(body: mujoco.MjsBody, name: str, half: float, top_z: float, material: str) -> None:
    geom = body.add_geom(name=name, type=mujoco.mjtGeom.mjGEOM_BOX, size=[half, half, MARKER_PLATE_THICKNESS],
                         pos=[0, 0, top_z + MARKER_PLATE_THICKNESS], material=material, rgba=[1, 1, 1, 1])
    geom.contype, geom.conaffinity = 0, 0
    geom.density = 0.0  # visual only: the cube's mass and inertia stay as without markers


def _add_cube(world: mujoco.MjsBody, color: str, index: int, marker_material: str | None = None) -> None:
    body = world.add_body(name=f"{color}_cube", pos=[0.5, -0.2 + 0.1 * index, CUBE_HALF])
    body.add_freejoint(name=f"{color}_cube_joint")
    geom = _add_box(body, f"{color}_cube", (CUBE_HALF,) * 3, (0, 0, 0), (*COLORS[color], 1.0))
    geom.mass = 0.1
    geom.condim = 4
    geom.friction = [1.0, 0.01, 0.0001]
    body.add_site(name=f"{color}_cube_site", size=[0.004, 0.004, 0.004], rgba=[0, 0, 0, 0], group=4)
    if marker_material is not None:
        _add_marker_plate(body, f"{color}_cube_marker", CUBE_MARKER_PLATE_HALF, CUBE_HALF, marker_material)


def _add_round_object(world: mujoco.MjsBody, color: str, shape: str, index: int,
                      marker_material: str | None = None) -> None:
    """A cylinder (upright) or a sphere, laid out and weighted as the cubes are (``_add_cube``)."""
    name = f"{color}_{shape}"
    body = world.add_body(name=name, pos=[0.5, -0.2 + 0.1 * index, CUBE_HALF])
    body.add_freejoint(name=f"{name}_joint")
    size = [CUBE_HALF, CUBE_HALF, 0.0] if shape == "cylinder" else [CUBE_HALF, 0.0, 0.0]
    geom = body.add_geom(name=name, type=SHAPES[shape], size=size, rgba=[*COLORS[color], 1.0])
    geom.contype, geom.conaffinity = WORLD_CONTYPE, WORLD_CONAFFINITY
    geom.mass = 0.1
    geom.condim = 4
    geom.friction = [1.0, 0.01, 0.0001]
    if shape == "sphere":
        geom.condim = 6
        geom.friction = [1.0, 0.01, SPHERE_ROLLING_FRICTION]
    body.add_site(name=f"{name}_site", size=[0.004, 0.004, 0.004], rgba=[0, 0, 0, 0], group=4)
    if marker_material is not None and shape == "cylinder":  # a flat top to carry it
        _add_marker_plate(body, f"{name}_marker", CUBE_MARKER_PLATE_HALF * 0.7, CUBE_HALF, marker_material)


def _add_pad(world: mujoco.MjsBody, marker_material: str | None = None) -> None:
    pad = world.add_body(name="target_pad", pos=[0.5, 0.2, 0.0])
    _add_box(pad, "target_pad", (PAD_HALF, PAD_HALF, 0.0008), (0, 0, 0.0008), (0.95, 0.95, 0.95, 1), collide=False)
    if marker_material is not None:
        _add_marker_plate(pad, "target_pad_marker", PAD_MARKER_PLATE_HALF, 0.0016, marker_material)


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
    if config.physics_sleep:
        spec.option.enableflags |= int(mujoco.mjtEnableBit.mjENBL_SLEEP)
    spec.visual.global_.offwidth = max(640, config.offscreen_size[0])
    spec.visual.global_.offheight = max(480, config.offscreen_size[1])
    spec.visual.headlight.ambient = [0.35, 0.35, 0.35]
    spec.visual.headlight.diffuse = [0.3, 0.3, 0.3]
    # Unset, the model carries MuJoCo's defaults and sim.render picks per image size (choose_quality_by_size).
    quality = spec.visual.quality
    quality.shadowsize = FULL_QUALITY.shadow_size if config.shadow_size is None else config.shadow_size
    quality.offsamples = FULL_QUALITY.msaa_samples if config.msaa_samples is None else config.msaa_samples
    world = spec.worldbody
    _add_table(world)
    markers = config.marker_textures
    for i, name in enumerate(config.object_names):
        color, shape = parse_object_name(name)
        material = _marker_material(spec, CUBE_MARKER_IDS[color]) if markers and shape != "sphere" else None
        if shape == "cube":
            _add_cube(world, color, i, material)
        else:
            _add_round_object(world, color, shape, i, material)
    if config.with_pad:
        _add_pad(world, _marker_material(spec, PAD_MARKER_ID) if markers else None)
    if config.with_bin:
        _add_bin(world)
    _add_goal_marker(world)
    _add_cameras_and_lights(spec)
    # The keyframe of the bare robot does not cover the cubes' free joints.
    for key in list(spec.keys):
        spec.delete(key)
    model = spec.compile()
    choose_quality_by_size(model, config.shadow_size, config.msaa_samples)
    return Scene(model=model, config=config, robot=robot, object_names=config.object_names, cameras=CAMERAS)
