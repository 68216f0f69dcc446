"""Frames, proprioception, instructions and action chunks of an armstack RGB dataset, held in memory.

Images stay uint8 (a 64 px two-camera frame is 24 KB; 10k frames fit in 250 MB). The chunk target of frame t is
actions t..t+k-1 of its episode; past the episode's end the last action repeats and the mask is 0, so the
loss never asks for actions the demonstration did not take (ACT's padding).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import TrainConfigError

STATE_KEY, ACTION_KEY = "observation.state", "action"
IMAGE_PREFIX = "observation.images."
PROPRIO_KEYS = ("joint_pos", "joint_vel", "ee_pose", "gripper")
"""The env observation keys that make ``observation.state``, in its order (sim.datagen.episode.state_vector)."""


@dataclass(frozen=True)
class ImageDemonstrations:
    images: np.ndarray
    """(N, cameras, 3, H, W) uint8."""
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


def chunk_targets(actions: np.ndarray, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """(T, chunk, A) targets and (T, chunk) mask for one episode's (T, A) actions."""
    t = len(actions)
    idx = np.arange(t)[:, None] + np.arange(chunk)[None, :]
    mask = (idx < t).astype(np.float32)
    return actions[np.minimum(idx, t - 1)].astype(np.float32), mask


def load_image_demonstrations(root: str | Path, cameras: tuple[str, ...], chunk: int,
                              max_episodes: int | None = None, verify: bool = True) -> ImageDemonstrations:
    from sim.dataset import DatasetReader
    from sim.dataset.layout import ARMSTACK_EPISODES_PATH

    root = Path(root)
    with DatasetReader(root, verify=verify) as reader:
        keys = image_keys(reader.features, cameras, str(root))
        for key in (STATE_KEY, ACTION_KEY):
            if key not in reader.features:
                raise TrainConfigError(f"{root}: dataset lacks feature {key!r}; an armstack dataset has it")
        n = reader.num_episodes if max_episodes is None else min(max_episodes, reader.num_episodes)
        if n < 2:
            raise TrainConfigError(f"{root}: {n} episode(s); training needs at least 2 (train + validation)")
        images, proprio, chunks, masks, texts, eps = [], [], [], [], [], []
        for k in range(n):
            ep = reader.episode(k, [STATE_KEY, ACTION_KEY, *keys])
            frames = np.stack([ep[key] for key in keys], axis=1)  # (T, cams, H, W, 3)
            images.append(np.ascontiguousarray(frames.transpose(0, 1, 4, 2, 3)))
            proprio.append(np.asarray(ep[STATE_KEY], np.float32))
            c, m = chunk_targets(np.asarray(ep[ACTION_KEY], np.float32), chunk)
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
        images=np.concatenate(images), proprio=np.concatenate(proprio),
        text_index=np.array([index[t] for t in texts]), texts=unique, chunks=np.concatenate(chunks),
        mask=np.concatenate(masks), episode_of_frame=np.concatenate(eps), seeds=tuple(seeds), fps=fps, robot=robot,
        state_names=state_names,
        source={"root": str(root.resolve()), "content_sha256": content, "episodes": n, "cameras": list(cameras)})
