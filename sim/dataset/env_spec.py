"""The dataset spec of an armstack env: feature names from its robot, objects and MuJoCo model."""

from __future__ import annotations

from typing import Any

import mujoco

# Re-exported: callers that build observations for a policy import the depth conversion from here.
from sim.dataset.depth import depth_key, depth_millimetres  # noqa: F401
from sim.dataset.schema import DatasetSpec, Feature, VideoCodec, make_features
from sim.errors import ConfigError

STATE_SPEC = mujoco.mjtState.mjSTATE_INTEGRATION
"""What ``env_state`` holds per frame (``mj_getState``): everything mj_step reads, so replay is exact."""
ACTION_NAMES = ("dx", "dy", "dz", "dyaw", "gripper")
POSE_SUFFIXES = ("x", "y", "z", "qw", "qx", "qy", "qz")
_QPOS_SUFFIXES = {mujoco.mjtJoint.mjJNT_FREE: POSE_SUFFIXES, mujoco.mjtJoint.mjJNT_BALL: ("qw", "qx", "qy", "qz")}
_QVEL_SUFFIXES = {mujoco.mjtJoint.mjJNT_FREE: ("vx", "vy", "vz", "wx", "wy", "wz"),
                  mujoco.mjtJoint.mjJNT_BALL: ("wx", "wy", "wz")}


def _joint_names(model: mujoco.MjModel, suffixes: dict[Any, tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    for j in range(model.njnt):
        name = mujoco.mj_id2name(model, mujoco.mjtObj.mjOBJ_JOINT, j) or f"joint{j}"
        parts = suffixes.get(mujoco.mjtJoint(model.jnt_type[j]))
        out.extend([f"{name}.{s}" for s in parts] if parts else [name])
    return out


def physics_state_names(model: mujoco.MjModel, spec: int = int(STATE_SPEC)) -> tuple[str, ...]:
    """One readable name per entry of ``mj_getState(model, data, state, spec)``, in MuJoCo's order."""
    names: list[str] = []
    bit = 1
    while bit <= spec:
        if spec & bit:
            size = mujoco.mj_stateSize(model, bit)
            label = mujoco.mjtState(bit).name.removeprefix("mjSTATE_").lower()
            if bit == mujoco.mjtState.mjSTATE_QPOS:
                part = [f"qpos.{n}" for n in _joint_names(model, _QPOS_SUFFIXES)]
            elif bit == mujoco.mjtState.mjSTATE_QVEL:
                part = [f"qvel.{n}" for n in _joint_names(model, _QVEL_SUFFIXES)]
            elif bit == mujoco.mjtState.mjSTATE_TIME:
                part = ["time"]
            else:
                part = [f"{label}.{i}" for i in range(size)]
            if len(part) != size:  # a joint layout this naming does not know: fall back to indices
                part = [f"{label}.{i}" for i in range(size)]
            names.extend(part)
        bit <<= 1
    if len(names) != mujoco.mj_stateSize(model, spec):
        raise ConfigError(f"cannot name the MuJoCo state spec {spec}: {len(names)} names for "
                          f"{mujoco.mj_stateSize(model, spec)} values")
    return tuple(names)


def record_features(arm_joints: tuple[str, ...], object_names: tuple[str, ...],
                    physics_names: tuple[str, ...]) -> tuple[Feature, ...]:
    """The record features of an armstack episode (see ``sim.dataset.record.EpisodeRecord``)."""
    state = ([f"{j}.pos" for j in arm_joints] + [f"{j}.vel" for j in arm_joints]
             + [f"ee.{s}" for s in POSE_SUFFIXES] + ["gripper.opening"])
    environment = [f"{o}.{s}" for o in object_names for s in POSE_SUFFIXES] + ["goal.x", "goal.y", "goal.z"]
    return make_features({
        "observation.state": ("float32", state),
        "observation.environment_state": ("float32", environment),
        "observation.goal_ids": ("int64", ["task_id", "object_id", "target_id"]),
        "action": ("float32", list(ACTION_NAMES)),
        "next.reward": ("float32", 1),
        "next.success": ("bool", 1),
        "next.done": ("bool", 1),
        "env_state": ("float64", list(physics_names)),
    })


def spec_for_env(env: Any, cameras: tuple[str, ...] | list[str] | None = None,
                 image_size: int | tuple[int, int] | None = None, storage: str = "video",
                 codec: VideoCodec | None = None, depth: bool = False, **limits: Any) -> DatasetSpec:
    """The spec of episodes recorded from ``env`` (a ``sim.env.TabletopEnv``, wrapped or not).

    ``cameras`` defaults to the env's cameras, ``image_size`` to the env's; an int is a square, a
    pair is (width, height) as in the env. ``depth`` stores every camera's depth too (``depth_cameras``:
    ``observation.depth.<camera>``, a 16-bit PNG of millimetres per frame, lossless; sim.dataset.depth).
    ``limits`` passes ``chunks_size`` and the file sizes on.
    """
    env = getattr(env, "unwrapped", env)
    fps = round(float(env.control_hz))
    if abs(fps - float(env.control_hz)) > 1e-6:
        raise ConfigError(f"LeRobot needs an integer frame rate; the env's control rate is {env.control_hz} Hz "
                          "(choose control_hz so that 1/control_hz is a whole number of physics steps)")
    cams = tuple(env.cameras if cameras is None else cameras)
    size = env.image_size if image_size is None else image_size
    width, height = (size, size) if isinstance(size, int) else (int(size[0]), int(size[1]))
    features = record_features(tuple(env.scene.robot.arm_joints), tuple(env.scene.object_names),
                               physics_state_names(env.model))
    if depth and not cams:
        raise ConfigError("depth needs at least one camera")
    return DatasetSpec(fps=fps, robot_type=str(env.robot_name), features=features, cameras=cams,
                       depth_cameras=cams if depth else (),
                       image_height=height, image_width=width, storage=storage,
                       codec=codec if codec is not None else VideoCodec(), **limits)
