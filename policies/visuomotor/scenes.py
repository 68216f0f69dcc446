"""Lossless camera frames of randomised scenes with the simulator's object positions: the object head's
pretraining data (``policies.visuomotor.pretrain``).

A demonstration dataset has few scenes (100 episodes: 100 layouts) and stores its frames as h264 yuv420p, which
blurs the cubes' edges at 64 px; an object head trained on it memorises the layouts (session 7: 1.5-2 cm on
training frames, 6-12 cm on new scenes). Here every scene is a fresh ``reset`` (its own seed: layout, colours,
lighting as the env's randomisation draws them), rendered as uint8 arrays that never pass a video codec, with
the arm where the policy will see it: at the reset pose, at random steps along the scripted expert's path
(the cube in the gripper or on its way), and at random joint configurations around home (kinematic, no physics),
so the arm's pose does not tell where the cube is. Targets are the same 15 values the training targets have
(``policies.visuomotor.data.object_targets``): each cube's and the goal's x, y, z, then the instructed cube's.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import TrainConfigError
from policies.visuomotor.data import object_targets
from sim.errors import SimError

SCENE_SEED_BASE = 3_000_000_000
"""Pretraining scenes count up from here: above the evaluation and checkpoint-selection seed blocks
(policies.evaluate) and RL's training, validation and evaluation seeds (policies.rl_config, evaluation from
2,000,000,000), so a held-out evaluation never meets a layout the object head was trained on."""
PATH_STEPS = 80
"""Expert-path frames are drawn from steps 1..PATH_STEPS-1 (a PickPlace demonstration is ~72 steps)."""
JOINT_JITTER_RAD = 0.5
"""Half-width of the uniform joint offsets around home for the random-pose frames (within the joint limits)."""


@dataclass(frozen=True)
class SceneFrames:
    images: np.ndarray
    """(N, cameras, 3, H, W) uint8, straight from the renderer."""
    objects: np.ndarray
    """(N, k) float32 object-head targets in metres (``object_names``)."""
    object_names: tuple[str, ...]
    text_index: np.ndarray
    """(N,) index into ``texts`` of each frame's instruction."""
    texts: tuple[str, ...]
    scene_of_frame: np.ndarray
    """(N,) index into ``seeds``: frames of one scene share a layout, so splits go by scene."""
    seeds: tuple[int, ...]
    cameras: tuple[str, ...]
    env_id: str | None = None
    """The env and robot that rendered the frames (None: a file saved before they were recorded)."""
    robot: str | None = None


def render_scenes(seeds: Sequence[int], *, env_id: str = "armstack/PickPlace-v0", robot: str = "panda",
                  cameras: tuple[str, ...] = ("front", "wrist"), image_size: int = 64, path_frames: int = 2,
                  random_poses: int = 1) -> SceneFrames:
    """One frame at each ``seeds`` reset, ``path_frames`` at random steps of the expert's episode and
    ``random_poses`` with the joints at home plus uniform offsets of +-``JOINT_JITTER_RAD``."""
    import gymnasium as gym
    import mujoco

    import sim  # noqa: F401 - registers the env ids
    from sim.datagen.episode import environment_vector
    from sim.dataset.env_spec import POSE_SUFFIXES
    from sim.render import make_renderer

    if not seeds or len(set(seeds)) != len(seeds):
        raise TrainConfigError("render_scenes needs one or more distinct seeds")
    if path_frames < 0 or random_poses < 0:
        raise TrainConfigError(f"path_frames and random_poses must be >= 0, got {path_frames}, {random_poses}")
    env: Any = gym.make(env_id, robot=robot, obs_mode="rgb", cameras=cameras, image_size=image_size).unwrapped
    env.cameras = ()  # frames are rendered only where kept, by the renderer below (the env's settings)
    renderer = make_renderer(env.model, image_size, image_size)
    view, model, data = env.view, env.model, env.data
    robot_cfg = env.scene.robot
    # observation.environment_state's names (sim.dataset.env_spec.record_features): each pose, then the goal
    names = [f"{o}.{s}" for o in env.scene.object_names for s in POSE_SUFFIXES] + ["goal.x", "goal.y", "goal.z"]
    images, envs, ids, texts, scene = [], [], [], [], []

    def keep(obs: dict, k: int) -> None:
        frame = []
        for cam in cameras:
            renderer.update_scene(data, camera=cam)
            frame.append(np.asarray(renderer.render()).transpose(2, 0, 1).copy())
        images.append(np.stack(frame))
        envs.append(environment_vector(obs))
        ids.append(int(obs["object_id"]))
        texts.append(str(obs["instruction"]))
        scene.append(k)

    try:
        for k, seed in enumerate(seeds):
            rng = np.random.default_rng([int(seed), 0x5CE7E])
            obs, _ = env.reset(seed=int(seed))
            keep(obs, k)
            if random_poses:
                saved = data.qpos[view.arm_q].copy()
                for _ in range(random_poses):
                    q = saved + rng.uniform(-JOINT_JITTER_RAD, JOINT_JITTER_RAD, len(saved))
                    data.qpos[view.arm_q] = np.clip(q, robot_cfg.lower, robot_cfg.upper)
                    mujoco.mj_forward(model, data)
                    keep(obs, k)  # the objects did not move: the reset's targets hold
                data.qpos[view.arm_q] = saved
                mujoco.mj_forward(model, data)
            if path_frames:
                expert = env.expert()
                wanted = set(rng.integers(1, min(PATH_STEPS, env.max_steps), path_frames).tolist())
                for step in range(1, max(wanted) + 1):
                    obs, _, terminated, truncated, _ = env.step(expert.act())
                    if step in wanted:
                        keep(obs, k)
                    if terminated or truncated:
                        break
    finally:
        renderer.close()
        env.close()
    targets, object_names = object_targets(np.asarray(envs, np.float64), names, np.asarray(ids))
    unique = tuple(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(unique)}
    return SceneFrames(env_id=env_id, robot=robot, images=np.stack(images), objects=targets,
                       object_names=tuple(object_names),
                       text_index=np.array([index[t] for t in texts]), texts=unique,
                       scene_of_frame=np.asarray(scene), seeds=tuple(int(s) for s in seeds), cameras=tuple(cameras))


def save_scene_frames(path: str | Path, frames: SceneFrames) -> Path:
    """One uncompressed ``.npz`` (lossless uint8 frames), written atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    with open(tmp, "wb") as f:
        np.savez(f, images=frames.images, objects=frames.objects, text_index=frames.text_index,
                 scene_of_frame=frames.scene_of_frame, seeds=np.asarray(frames.seeds, np.int64),
                 meta=np.frombuffer(json.dumps({"object_names": list(frames.object_names), "texts": list(frames.texts),
                                                "cameras": list(frames.cameras), "env_id": frames.env_id,
                                                "robot": frames.robot,
                                                "image_size": list(frames.images.shape[-2:])}).encode(),
                                    np.uint8))
    os.replace(tmp, path)
    return path


def load_scene_frames(paths: Sequence[str | Path]) -> SceneFrames:
    """The frames of one or more ``save_scene_frames`` files, concatenated (their targets must agree)."""
    parts = []
    for p in paths:
        try:
            with np.load(p) as z:
                meta = json.loads(bytes(z["meta"]).decode())
                parts.append((meta, {k: z[k] for k in ("images", "objects", "text_index", "scene_of_frame",
                                                         "seeds")}))
        except (OSError, ValueError, KeyError) as exc:
            raise TrainConfigError(f"{p}: not a scene-frames file ({exc})") from exc
    if not parts:
        raise TrainConfigError("no scene-frames files given")
    made = ("object_names", "cameras", "env_id", "robot", "image_size")
    first = {k: parts[0][0].get(k) for k in made}
    for p, (meta, _) in zip(paths, parts, strict=True):
        differ = [k for k in made if meta.get(k) != first[k]]
        if differ:
            raise TrainConfigError(f"scene-frames files {paths[0]} and {p} differ in {', '.join(differ)}: "
                                   f"{[(first[k], meta.get(k)) for k in differ]}")
    names, cams = first["object_names"], first["cameras"]
    texts: dict[str, int] = {}
    text_index, scene, seeds, offset = [], [], [], 0
    for meta, arr in parts:
        remap = np.array([texts.setdefault(t, len(texts)) for t in meta["texts"]])
        text_index.append(remap[arr["text_index"]])
        scene.append(arr["scene_of_frame"] + offset)
        seeds.extend(arr["seeds"].tolist())
        offset += len(arr["seeds"])
    return SceneFrames(images=np.concatenate([a["images"] for _, a in parts]),
                       objects=np.concatenate([a["objects"] for _, a in parts]), object_names=tuple(names),
                       text_index=np.concatenate(text_index), texts=tuple(texts),
                       scene_of_frame=np.concatenate(scene), seeds=tuple(seeds), cameras=tuple(cams),
                       env_id=first["env_id"], robot=first["robot"])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Render randomised scenes for object-head pretraining.")
    parser.add_argument("--first", type=int, default=0, help="first scene (seed SCENE_SEED_BASE + first)")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="an .npz file")
    parser.add_argument("--env", default="armstack/PickPlace-v0")
    parser.add_argument("--robot", default="panda")
    parser.add_argument("--image-size", type=int, default=64)
    parser.add_argument("--cameras", default="front,wrist")
    parser.add_argument("--path-frames", type=int, default=2)
    parser.add_argument("--random-poses", type=int, default=1)
    args = parser.parse_args(argv)
    seeds = [SCENE_SEED_BASE + args.first + i for i in range(args.count)]
    try:
        if args.first < 0:
            raise TrainConfigError(f"--first must be >= 0, got {args.first}")
        frames = render_scenes(seeds, env_id=args.env, robot=args.robot, cameras=tuple(args.cameras.split(",")),
                               image_size=args.image_size, path_frames=args.path_frames,
                               random_poses=args.random_poses)
        save_scene_frames(args.out, frames)
    except (TrainConfigError, SimError, OSError) as exc:
        raise SystemExit(f"error: {exc}") from None
    print(json.dumps({"out": args.out, "scenes": len(seeds), "frames": len(frames.images)}))


if __name__ == "__main__":
    main()
