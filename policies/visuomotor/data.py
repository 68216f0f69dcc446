"""Frames, proprioception, instructions and action chunks of an armstack RGB dataset, held in memory.

Images stay uint8 (a 64 px two-camera frame is 24 KB; 10k frames fit in 250 MB). The chunk target of frame t is
actions t..t+k-1 of its episode; past the episode's end the last action repeats and the mask is 0, so the
loss never asks for actions the demonstration did not take (ACT's padding).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from policies.errors import PolicyError, TrainConfigError

if TYPE_CHECKING:
    from policies.visuomotor.policy import VisuomotorPolicy

STATE_KEY, ACTION_KEY = "observation.state", "action"
ENVIRONMENT_KEY, GOAL_IDS_KEY = "observation.environment_state", "observation.goal_ids"
"""Simulator truth the dataset records: read only as training targets of the object head, never as an input."""
SUCCESS_KEY = "next.success"
"""Whether the task was solved after the frame's action: ``success_tail`` cuts episodes some frames past the first."""
IMAGE_PREFIX = "observation.images."
PROPRIO_KEYS = ("joint_pos", "joint_vel", "ee_pose", "gripper")
"""The env observation keys that make ``observation.state``, in its order (sim.datagen.episode.state_vector)."""


@dataclass(frozen=True)
class ImageDemonstrations:
    images: np.ndarray
    """(N, cameras, 3, H, W) uint8."""
    depth: np.ndarray
    """(N, depth cameras, H, W) uint16 millimetres; (N, 0, H, W) without depth."""
    proprio: np.ndarray
    """(N, proprio_dim) float32."""
    text_index: np.ndarray
    texts: tuple[str, ...]
    chunks: np.ndarray
    """(N, chunk, action_dim) float32."""
    mask: np.ndarray
    """(N, chunk) float32: 1 where the chunk's action was taken in the demonstration."""
    episode_of_frame: np.ndarray
    seeds: tuple[int, ...]
    fps: int
    robot: str
    state_names: tuple[str, ...]
    source: dict[str, Any]
    objects: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    """(N, len(object_names)) float32 object-head targets in metres; (0, 0) when not asked for."""
    object_names: tuple[str, ...] = ()


def proprio_columns(state_dim: int, keys: tuple[str, ...]) -> np.ndarray:
    """The ``observation.state`` columns of the proprioception groups ``keys`` (a subset of ``PROPRIO_KEYS``):
    the state is joint positions and velocities (n each), a 7-value TCP pose and the gripper opening."""
    joints = (state_dim - 8) // 2
    if joints < 1 or 2 * joints + 8 != state_dim:
        raise TrainConfigError(f"{STATE_KEY} has {state_dim} values; expected 2 * joints + 8")
    sizes = {"joint_pos": joints, "joint_vel": joints, "ee_pose": 7, "gripper": 1}
    starts = np.cumsum([0, *(sizes[k] for k in PROPRIO_KEYS)])
    return np.concatenate([np.arange(starts[i], starts[i] + sizes[k]) for i, k in enumerate(PROPRIO_KEYS)
                           if k in keys]).astype(np.int64)


def object_targets(env: np.ndarray, names: list[str], object_id: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """(T, k) targets from ``observation.environment_state`` rows: every position in it (each object's and the
    goal's x, y, z) and the instructed object's x, y, z (``object_id`` of ``observation.goal_ids`` indexes the
    objects in their recorded order)."""
    pos = [i for i, n in enumerate(names) if n.rsplit(".", 1)[-1] in ("x", "y", "z")]
    objects = list(dict.fromkeys(n.rsplit(".", 1)[0] for n in names if n.endswith(".qw")))
    if not objects or len(pos) < 3:
        raise TrainConfigError(f"{ENVIRONMENT_KEY} names {names[:6]}...: no object poses to supervise the object "
                               "head with")
    first = np.array([names.index(f"{o}.x") for o in objects])
    if np.any(object_id < 0) or np.any(object_id >= len(objects)):
        raise TrainConfigError(f"{GOAL_IDS_KEY} object_id outside the {len(objects)} recorded objects")
    named = env[np.arange(len(env))[:, None], first[object_id][:, None] + np.arange(3)[None, :]]
    return (np.concatenate([env[:, pos], named], axis=1).astype(np.float32),
            [names[i] for i in pos] + ["instructed.x", "instructed.y", "instructed.z"])


def image_keys(features: dict[str, Any], cameras: tuple[str, ...], where: str) -> list[str]:
    """The dataset keys of ``cameras``, or a clear refusal when the dataset has no such images."""
    present = sorted(k.removeprefix(IMAGE_PREFIX) for k, f in features.items()
                     if k.startswith(IMAGE_PREFIX) and f.get("dtype") in ("video", "image"))
    if not present:
        raise TrainConfigError(f"{where}: the dataset has no camera images (a state-only dataset); the visuomotor "
                               "policy needs one recorded with `armstack datagen --obs state,rgb --cameras "
                               f"{','.join(cameras)}`")
    missing = [c for c in cameras if c not in present]
    if missing:
        raise TrainConfigError(f"{where}: the dataset has no images of camera(s) {missing}; it has {present}")
    return [IMAGE_PREFIX + c for c in cameras]


def depth_keys(features: dict[str, Any], depth: tuple[str, ...], where: str) -> list[str]:
    """The dataset keys of the ``depth`` cameras, or a one-line refusal when the dataset has no such depth."""
    from sim.dataset import depth_key

    missing = [c for c in depth if depth_key(c) not in features]
    if missing:
        raise TrainConfigError(f"{where}: the config asks for depth of camera(s) {missing} but the dataset has no "
                               f"depth for them; record it with `armstack datagen --obs state,rgb,depth`, or drop "
                               "`depth` from the config")
    return [depth_key(c) for c in depth]


def chunk_targets(actions: np.ndarray, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """(T, chunk, A) targets and (T, chunk) mask for one episode's (T, A) actions."""
    t = len(actions)
    idx = np.arange(t)[:, None] + np.arange(chunk)[None, :]
    mask = (idx < t).astype(np.float32)
    return actions[np.minimum(idx, t - 1)].astype(np.float32), mask


def success_cut(success: np.ndarray, tail: int | None) -> int:
    """How many frames of an episode to keep: all (``tail`` None, or no success), else the frames up to its first
    success and ``tail`` more. A ``datagen --full-episodes`` episode runs to max_steps past its release (PickPlace:
    the retreat, then holding still with the gripper open); the first success comes a few frames after the release."""
    hits = np.flatnonzero(np.asarray(success).reshape(-1))
    if tail is None or not len(hits):
        return len(success)
    return min(len(success), int(hits[0]) + 1 + tail)


def load_image_demonstrations(root: str | Path, cameras: tuple[str, ...], chunk: int,
                              max_episodes: int | None = None, verify: bool = True,
                              depth: tuple[str, ...] = (), proprio: tuple[str, ...] = PROPRIO_KEYS,
                              objects: bool = False, success_tail: int | None = None) -> ImageDemonstrations:
    """Every frame of the first ``max_episodes`` episodes; ``proprio`` picks the state's groups and ``objects``
    also loads the object head's targets (``object_targets``). ``success_tail`` keeps only the frames up to each
    episode's first success and that many more (``success_cut``); their chunk targets still read the actions the
    episode took after the cut."""
    from sim.dataset import DatasetReader
    from sim.dataset.layout import ARMSTACK_EPISODES_PATH

    root = Path(root)
    with DatasetReader(root, verify=verify) as reader:
        keys = image_keys(reader.features, cameras, str(root))
        dkeys = depth_keys(reader.features, depth, str(root))
        extra = (*((ENVIRONMENT_KEY, GOAL_IDS_KEY) if objects else ()),
                 *((SUCCESS_KEY,) if success_tail is not None else ()))
        for key in (STATE_KEY, ACTION_KEY, *extra):
            if key not in reader.features:
                raise TrainConfigError(f"{root}: dataset lacks feature {key!r}; an armstack dataset has it")
        n = reader.num_episodes if max_episodes is None else min(max_episodes, reader.num_episodes)
        if n < 2:
            raise TrainConfigError(f"{root}: {n} episode(s); training needs at least 2 (train + validation)")
        columns = proprio_columns(int(reader.features[STATE_KEY]["shape"][0]), proprio)
        env_names = list(reader.features.get(ENVIRONMENT_KEY, {}).get("names") or [])
        images, depths, states, chunks, masks, texts, eps, targets = [], [], [], [], [], [], [], []
        object_names: list[str] = []
        for k in range(n):
            ep = reader.episode(k, [STATE_KEY, ACTION_KEY, *keys, *dkeys, *extra])
            c, m = chunk_targets(np.asarray(ep[ACTION_KEY], np.float32), chunk)
            if success_tail is not None:  # the chunks above were cut from every action the episode took
                cut = success_cut(np.asarray(ep[SUCCESS_KEY]), success_tail)
                ep = {key: (value if key == "task" else value[:cut]) for key, value in ep.items()}
                c, m = c[:cut], m[:cut]
            if objects:
                target, object_names = object_targets(np.asarray(ep[ENVIRONMENT_KEY], np.float64), env_names,
                                                      np.asarray(ep[GOAL_IDS_KEY]).reshape(-1, 3)[:, 1])
                targets.append(target)
            frames = np.stack([ep[key] for key in keys], axis=1)  # (T, cams, H, W, 3)
            images.append(np.ascontiguousarray(frames.transpose(0, 1, 4, 2, 3)))
            t, _, h, w, _ = frames.shape
            depths.append(np.stack([np.asarray(ep[key]).reshape(t, h, w) for key in dkeys], axis=1).astype(np.uint16)
                          if dkeys else np.zeros((t, 0, h, w), np.uint16))
            states.append(np.asarray(ep[STATE_KEY], np.float32)[:, columns])
            chunks.append(c)
            masks.append(m)
            texts.extend([ep["task"]] * len(c))
            eps.append(np.full(len(c), k))
        meta_path = root / ARMSTACK_EPISODES_PATH
        if meta_path.is_file() and reader.hashes.enabled:
            reader.checked_file(ARMSTACK_EPISODES_PATH)
        fps, robot = reader.fps, str(reader.info.get("robot_type"))
        state_names = tuple(reader.features[STATE_KEY].get("names") or ())
    seeds: list[int] = []
    if meta_path.is_file():
        for line in meta_path.read_text().splitlines()[:n]:
            meta = json.loads(line)
            if "seed" in meta:
                seeds.append(int(meta["seed"]))
    manifest = root / "manifest.json"
    content = json.loads(manifest.read_text()).get("content_sha256") if manifest.is_file() else None
    unique = tuple(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(unique)}
    return ImageDemonstrations(
        images=np.concatenate(images), depth=np.concatenate(depths), proprio=np.concatenate(states),
        text_index=np.array([index[t] for t in texts]), texts=unique, chunks=np.concatenate(chunks),
        mask=np.concatenate(masks), episode_of_frame=np.concatenate(eps), seeds=tuple(seeds), fps=fps, robot=robot,
        state_names=tuple(state_names[i] for i in columns) if state_names else (),
        objects=np.concatenate(targets) if objects else np.zeros((0, 0), np.float32), object_names=tuple(object_names),
        source={"root": str(root.resolve()), "content_sha256": content, "episodes": n, "cameras": list(cameras),
                "depth": list(depth)})


def offline_action_error(policy: VisuomotorPolicy, root: str | Path, *, verify: bool = True,
                         max_episodes: int | None = None, batch: int = 64) -> dict[str, Any]:
    """How far ``policy``'s chunks are from the actions demonstrated in the dataset at ``root`` (ours, or any
    LeRobot v3.0 dataset with the policy's keys; one LeRobot wrote needs ``verify=False``), on every frame.

    ``l1``: mean absolute error over the chunk's demonstrated actions; ``first_l1``: of the action executed next;
    ``zero_l1``: of predicting no motion, the floor a policy that learned anything beats.
    """
    import torch

    from policies.text import shared_encoder

    demos = load_image_demonstrations(root, policy.cameras, policy.chunk, max_episodes, verify, policy.depth,
                                      policy.proprio)
    if tuple(demos.images.shape[-2:]) != policy.image_size:
        raise PolicyError(f"{root}: frames are {tuple(demos.images.shape[-2:])}; the policy was trained on "
                          f"{policy.image_size}")
    if demos.proprio.shape[1] != policy.mean.shape[0] or demos.chunks.shape[2] != int(policy.spec.action["dim"]):
        raise PolicyError(f"{root}: {STATE_KEY} has {demos.proprio.shape[1]} values and {ACTION_KEY} "
                          f"{demos.chunks.shape[2]}; the policy reads {policy.mean.shape[0]} and acts in "
                          f"{policy.spec.action['dim']}")
    encoder = policy.encoder if policy.encoder is not None else shared_encoder()
    text = torch.from_numpy(encoder.encode(list(demos.texts)))
    proprio = torch.from_numpy(((demos.proprio - policy.mean) / policy.std).astype(np.float32))
    images, depth = torch.from_numpy(demos.images), torch.from_numpy(demos.depth.astype(np.float32))
    policy.network.eval()
    with torch.inference_mode():
        pred = np.concatenate([policy.network(images[i:i + batch], proprio[i:i + batch],
                                              text[demos.text_index[i:i + batch]], depth[i:i + batch]).numpy()
                               for i in range(0, len(images), batch)])
    err = np.abs(pred - demos.chunks).mean(axis=-1)
    taken = demos.mask.sum()
    return {"frames": len(pred), "episodes": demos.source["episodes"], "chunk": policy.chunk,
            "l1": float((err * demos.mask).sum() / taken), "first_l1": float(err[:, 0].mean()),
            "zero_l1": float((np.abs(demos.chunks).mean(axis=-1) * demos.mask).sum() / taken),
            "finite": bool(np.isfinite(pred).all())}


def concatenate_demonstrations(parts: list[ImageDemonstrations]) -> ImageDemonstrations:
    """Several datasets' demonstrations as one: episodes numbered on after the previous part's, instruction texts
    merged, each part's source kept (``source["parts"]``); their cameras, state and object layouts must agree."""
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    for part in parts[1:]:
        same = (all(getattr(part, k).shape[1:] == getattr(first, k).shape[1:]
                    for k in ("images", "depth", "proprio", "chunks"))
                and part.state_names == first.state_names and part.object_names == first.object_names
                and part.fps == first.fps and part.robot == first.robot)
        if not same:
            raise TrainConfigError(f"{part.source['root']}: its frames, state, objects, fps or robot differ from "
                                   f"{first.source['root']}; extra_data must be recorded like data")
    texts = tuple(dict.fromkeys(t for part in parts for t in part.texts))
    index = {t: i for i, t in enumerate(texts)}
    text_index, episodes, offset = [], [], 0
    for part in parts:
        text_index.append(np.array([index[part.texts[i]] for i in part.text_index], dtype=np.int64))
        episodes.append(part.episode_of_frame + offset)
        offset += int(part.episode_of_frame.max()) + 1
    source = {**first.source, "episodes": offset, "parts": [part.source for part in parts]}
    return ImageDemonstrations(
        images=np.concatenate([p.images for p in parts]), depth=np.concatenate([p.depth for p in parts]),
        proprio=np.concatenate([p.proprio for p in parts]), text_index=np.concatenate(text_index), texts=texts,
        chunks=np.concatenate([p.chunks for p in parts]), mask=np.concatenate([p.mask for p in parts]),
        episode_of_frame=np.concatenate(episodes), seeds=tuple(s for p in parts for s in p.seeds), fps=first.fps,
        robot=first.robot, state_names=first.state_names, source=source,
        objects=np.concatenate([p.objects for p in parts]), object_names=first.object_names)
