"""What a state policy sees: features computed the same way from an env observation and a dataset frame.

The dataset stores the env observation as ``observation.state`` (joint positions, velocities, TCP pose,
gripper) and ``observation.environment_state`` (cube poses, goal position); ``features`` turns either
into one vector. The task comes only from the instruction embedding: the env's ``task_id`` /
``object_id`` / ``target_id`` are deliberately not inputs, so a different instruction in the same scene
makes the policy do a different thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from policies.errors import CheckpointError, PolicyError

OBSERVATION_CONTRACT = 1
"""The version of ``sim.observation_contract`` these adapters read; checkpoints record it (``policy.json``:
``observation.contract``). A test pins it to ``sim``'s ``VERSION``: kept here, not imported, because loading a
policy imports no simulator."""


@dataclass(frozen=True, kw_only=True)
class ObservationLayout:
    """The sizes a policy was trained with; a checkpoint refuses observations of another layout."""

    robot: str
    arm_joints: tuple[str, ...]
    objects: tuple[str, ...]
    text_encoder: str = "sentence-transformers/all-MiniLM-L6-v2"
    text_dim: int = 384
    adapter: str = "state_text_v1"

    @property
    def n_arm(self) -> int:
        return len(self.arm_joints)

    @property
    def n_obj(self) -> int:
        return len(self.objects)

    @property
    def state_dim(self) -> int:
        """Width of ``observation.state``: positions, velocities, TCP pose (7), gripper (1)."""
        return 2 * self.n_arm + 8

    @property
    def env_dim(self) -> int:
        """Width of ``observation.environment_state``: cube poses (7 each) and the goal position."""
        return 7 * self.n_obj + 3

    @property
    def feature_dim(self) -> int:
        base = 2 * self.n_arm + 8 + 8 * self.n_obj + 6 + (self.n_obj + 1) + 9
        return base + (TASK_FRAME_DIM if self.adapter == "state_text_v2" else 0)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["arm_joints"], d["objects"] = list(self.arm_joints), list(self.objects)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ObservationLayout:
        try:
            return cls(robot=str(d["robot"]), arm_joints=tuple(d["arm_joints"]), objects=tuple(d["objects"]),
                       text_encoder=str(d["text_encoder"]), text_dim=int(d["text_dim"]), adapter=str(d["adapter"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise CheckpointError(f"policy.json: malformed observation layout {d!r}: {exc}") from exc

    @classmethod
    def for_env(cls, env: Any) -> ObservationLayout:
        env = getattr(env, "unwrapped", env)
        return cls(robot=str(env.robot_name), arm_joints=tuple(env.scene.robot.arm_joints),
                   objects=tuple(env.scene.object_names))

    def check_env(self, env: Any) -> None:
        """Raise unless ``env`` gives observations of this layout (robot, joints, objects)."""
        other = ObservationLayout.for_env(env)
        if (other.robot, other.arm_joints, other.objects) != (self.robot, self.arm_joints, self.objects):
            raise CheckpointError(f"the policy was trained for robot {self.robot!r} with joints "
                                  f"{list(self.arm_joints)} and objects {list(self.objects)}; this env has robot "
                                  f"{other.robot!r}, joints {list(other.arm_joints)}, objects {list(other.objects)}")


def _yaw_features(quat: np.ndarray) -> np.ndarray:
    """sin/cos of 4x yaw from wxyz quaternions (..., 4): a cube looks the same every 90 degrees."""
    w, x, y, z = quat[..., 0], quat[..., 1], quat[..., 2], quat[..., 3]
    yaw = np.arctan2(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z))
    return np.stack([np.sin(4.0 * yaw), np.cos(4.0 * yaw)], axis=-1)


TASK_FRAME_DIM = 8
ADAPTER_NAMES = ("state_text_v1", "state_text_v2")
"""v1: proprioception, cubes, goal and the named cube's slot. v2 adds the TCP in the named cube's task frame."""


def _yaw(quat: np.ndarray) -> np.ndarray:
    """Yaw (rad) of the frame's x axis in the table plane, from wxyz quaternions (..., 4)."""
    w, x, y, z = quat[..., 0], quat[..., 1], quat[..., 2], quat[..., 3]
    return np.arctan2(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z))


def _task_frame(ee: np.ndarray, ee_quat: np.ndarray, obj: np.ndarray, obj_quat: np.ndarray,
                goal: np.ndarray) -> np.ndarray:
    """(B, 8): the TCP relative to the named cube and to the line from it to the goal.

    Along and across that line on the table, height above the cube, the cube-to-goal distance; then the
    tool's yaw against the line (sin/cos of 2x: closed fingers look the same after a half turn) and against
    the cube (sin/cos of 4x: a cube looks the same every quarter turn). Which side of the cube the hand is
    on, and how far the fingers must still turn, is what a push or a grasp acts on; as products and
    differences of angles they are hard for a small MLP to compute from raw poses.
    """
    line = goal[:, :2] - obj[:, :2]
    dist = np.linalg.norm(line, axis=1)
    u = line / np.maximum(dist, 1e-6)[:, None]
    rel = ee[:, :2] - obj[:, :2]
    along = np.sum(rel * u, axis=1)
    across = rel[:, 1] * u[:, 0] - rel[:, 0] * u[:, 1]
    tool = _yaw(ee_quat)
    to_line = np.arctan2(u[:, 1], u[:, 0]) - tool
    to_cube = _yaw(obj_quat) - tool
    return np.stack([along, across, ee[:, 2] - obj[:, 2], dist, np.sin(2 * to_line), np.cos(2 * to_line),
                     np.sin(4 * to_cube), np.cos(4 * to_cube)], axis=1)


def referenced_object(layout: ObservationLayout, instruction: str) -> int:
    """Index of the object the instruction acts on: the first ``<colour>_<kind>`` named in it, in reading order.

    Returns ``n_obj`` (none) when it names no object of the scene (reach the marker). This grounding is
    the structured half of the conditioning; the embedding carries the verb (push, place, stack, reach).
    The colour words are the layout's own objects' colours (the scene's ``<colour>_<kind>`` names), exactly
    as the task templates write them: no colour list of its own, and no synonyms, so what a checkpoint was
    trained to attend to cannot change when the scene's or the planner's colours grow.
    """
    named = [(j, *name.partition("_")[::2]) for j, name in enumerate(layout.objects) if "_" in name]
    words = instruction.lower().replace(",", " ").split()
    for i, word in enumerate(words):
        for j, colour, kind in named:
            if colour == word and any(w.startswith(kind) or w in ("block", "one") for w in words[i + 1 : i + 3]):
                return j
    return layout.n_obj


def features(layout: ObservationLayout, state: np.ndarray, env_state: np.ndarray,
             focus: np.ndarray | None = None) -> np.ndarray:
    """(B, feature_dim) float32 from (B, state_dim) and (B, env_dim) arrays and the referenced object per row.

    Cube and goal positions are also given relative to the TCP: closed-loop reaching is then nearly
    translation invariant, which is what lets an MLP generalise across randomised layouts. The object
    the instruction names (``focus``, from ``referenced_object``) gets its own slot: one-hot, its offset
    from the TCP, its grasp yaw and the goal's offset from it, so precision does not depend on first
    decoding which of the cubes is meant.
    """
    state = np.asarray(state, np.float64)
    env_state = np.asarray(env_state, np.float64)
    if state.ndim != 2 or state.shape[1] != layout.state_dim:
        raise PolicyError(f"state has shape {state.shape}; the policy expects (B, {layout.state_dim})")
    if env_state.ndim != 2 or env_state.shape[1] != layout.env_dim:
        raise PolicyError(f"environment state has shape {env_state.shape}; the policy expects (B, {layout.env_dim})")
    n, b = layout.n_arm, state.shape[0]
    ee = state[:, 2 * n : 2 * n + 3]
    objects = env_state[:, : 7 * layout.n_obj].reshape(b, layout.n_obj, 7)
    goal = env_state[:, -3:]
    obj = np.concatenate([objects[..., :3], objects[..., :3] - ee[:, None, :], _yaw_features(objects[..., 3:])],
                         axis=-1)
    focus = np.full(b, layout.n_obj) if focus is None else np.asarray(focus, np.int64).reshape(b)
    one_hot = np.eye(layout.n_obj + 1)[focus]
    chosen = np.zeros((b, 9))
    has = focus < layout.n_obj
    if has.any():
        rows = np.flatnonzero(has)
        sel = objects[rows, focus[rows]]
        chosen[rows] = np.concatenate([sel[:, :3] - ee[rows], _yaw_features(sel[:, 3:]), goal[rows] - sel[:, :3],
                                       np.ones((len(rows), 1))], axis=1)
    parts = [state, obj.reshape(b, -1), goal, goal - ee, one_hot, chosen]
    if layout.adapter == "state_text_v2":
        frame = np.zeros((b, TASK_FRAME_DIM))
        if has.any():
            frame[rows] = _task_frame(ee[rows], state[rows, 2 * n + 3 : 2 * n + 7], sel[:, :3], sel[:, 3:],
                                      goal[rows])
        parts.append(frame)
    out = np.concatenate(parts, axis=1).astype(np.float32)
    if out.shape[1] != layout.feature_dim:  # a layout change without a feature_dim change
        raise PolicyError(f"internal: features have width {out.shape[1]}, layout says {layout.feature_dim}")
    return out


_OBS_KEYS = ("joint_pos", "joint_vel", "ee_pose", "gripper", "object_poses", "goal_pos", "instruction")


def split_env_observation(layout: ObservationLayout, obs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(state, env_state, instructions) batches from a single or batched env observation dict."""
    missing = [k for k in _OBS_KEYS if k not in obs]
    if missing:
        raise PolicyError(f"observation lacks {missing}; a state policy needs {list(_OBS_KEYS)}")
    joint_pos = np.asarray(obs["joint_pos"], np.float64)
    batched = joint_pos.ndim == 2
    b = joint_pos.shape[0] if batched else 1

    def rows(key: str, width: int) -> np.ndarray:
        a = np.asarray(obs[key], np.float64).reshape(b, -1)
        if a.shape[1] != width:
            raise PolicyError(f"observation {key!r} has {a.shape[1]} values per step; the policy was trained with "
                              f"{width} (robot {layout.robot!r}, {layout.n_obj} objects)")
        if not np.isfinite(a).all():
            raise PolicyError(f"observation {key!r} holds non-finite values: refusing to act on them")
        return a

    state = np.concatenate([rows("joint_pos", layout.n_arm), rows("joint_vel", layout.n_arm), rows("ee_pose", 7),
                            rows("gripper", 1)], axis=1)
    env_state = np.concatenate([rows("object_poses", 7 * layout.n_obj), rows("goal_pos", 3)], axis=1)
    instr = obs["instruction"]
    instructions = [str(instr)] * b if isinstance(instr, str) else [str(s) for s in instr]
    if len(instructions) != b:
        raise PolicyError(f"{len(instructions)} instructions for a batch of {b} observations")
    return state, env_state, instructions
