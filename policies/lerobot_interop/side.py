"""The LeRobot side of the interop checks: a script run by its path in LeRobot's own venv (Python 3.12,
lerobot==0.6.1), never imported by armstack, and it imports nothing of armstack. Prints one JSON line on stdout.

    inspect ROOT            LeRobotDataset (LeRobot's reader) on an armstack dataset: features, fps, counts, and
                            the keys/shapes/dtypes of one sample, as LeRobot sees them
    train ROOT OUT          LeRobot's own training loop (lerobot.scripts.lerobot_train.train) on ROOT for a few
                            steps, ACT or diffusion; per-step losses and update times read from its log lines,
                            then the saved checkpoint reloaded with from_pretrained and asked for one action
    write OUT               LeRobot's own writer (LeRobotDataset.create + add_frame + save_episode + finalize)
                            with armstack's keys, from synthetic frames: a dataset "from another source"

The keys and names of an armstack dataset (state and action keys, the action's names, the image policy's camera
keys) come from the caller, ``--layout JSON`` before the command: ``runner.armstack_layout`` builds it from
armstack's registries, so this script keeps no copy of them. The policy reads what armstack's image policy reads
(the state and the cameras): the privileged environment state and goal ids an armstack dataset also holds are left
out of input_features.
No pretrained backbone weights (nothing can be downloaded); HF_HUB_OFFLINE is set by the caller.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO_ID = "armstack/interop"
_LOG_FIELDS = re.compile(r"(?:^|\s)(step|loss|updt_s|data_s):([0-9.]+[KMB]?)")  # not l1_loss, kld_loss


def _version() -> dict[str, str]:
    import lerobot
    import torch

    return {"lerobot": lerobot.__version__, "torch": torch.__version__, "python": sys.version.split()[0]}


def inspect(root: Path) -> dict[str, Any]:
    from lerobot.datasets.lerobot_dataset import LeRobotDataset

    ds = LeRobotDataset(REPO_ID, root=root, video_backend="pyav")
    sample = ds[0]
    last = ds[len(ds) - 1]
    return {
        **_version(), "codebase_version": ds.meta.info.codebase_version, "fps": ds.fps,
        "num_episodes": ds.num_episodes, "num_frames": ds.num_frames, "robot_type": ds.meta.robot_type,
        "features": {k: {"dtype": v["dtype"], "shape": list(v["shape"]), "names": v.get("names")}
                     for k, v in ds.meta.features.items()},
        "camera_keys": list(ds.meta.camera_keys), "tasks": list(ds.meta.tasks.index),
        "sample": {k: {"shape": list(v.shape), "dtype": str(v.dtype)} for k, v in sample.items()
                   if hasattr(v, "shape")},
        "sample_task": sample["task"], "last_episode_index": int(last["episode_index"]),
        "last_frame_index": int(last["frame_index"]),
        "stats_keys": sorted(ds.meta.stats) if ds.meta.stats else [],
        # What the pixel statistics look like to LeRobot: the first frame's mean per camera (0..1 floats).
        "first_frame_mean": {k: float(sample[k].float().mean()) for k in ds.meta.camera_keys},
    }


class _TrainLog(logging.Handler):
    """The per-step metrics LeRobot's training loop logs ("step:1 ... loss:12.345 ... updt_s:0.412 ...")."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.rows: list[dict[str, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        fields = dict(_LOG_FIELDS.findall(record.getMessage()))
        if "loss" in fields and "step" in fields:
            self.rows.append({k: float(v) for k, v in fields.items() if not v[-1].isalpha()})


def _policy_config(kind: str, layout: dict[str, Any], state_shape: tuple[int, ...],
                   cameras: dict[str, tuple[int, ...]], action_shape: tuple[int, ...], chunk: int) -> Any:
    from lerobot.configs.types import FeatureType, PolicyFeature

    inputs = {layout["state"]: PolicyFeature(type=FeatureType.STATE, shape=state_shape)}
    inputs.update({k: PolicyFeature(type=FeatureType.VISUAL, shape=s) for k, s in cameras.items()})
    outputs = {layout["action"]: PolicyFeature(type=FeatureType.ACTION, shape=action_shape)}
    common = {"input_features": inputs, "output_features": outputs, "device": "cpu", "push_to_hub": False}
    if kind == "act":
        from lerobot.policies.act.configuration_act import ACTConfig

        return ACTConfig(**common, chunk_size=chunk, n_action_steps=chunk, pretrained_backbone_weights=None)
    from lerobot.policies.diffusion.configuration_diffusion import DiffusionConfig

    side = min(s[1] for s in cameras.values())
    # horizon must be a multiple of 2**len(down_dims); 64 px frames are cropped to 7/8 (LeRobot crops 96 -> 84).
    return DiffusionConfig(**common, horizon=16, n_action_steps=8, crop_shape=(side * 7 // 8, side * 7 // 8),
                           pretrained_backbone_weights=None, num_inference_steps=10)


def train(root: Path, out: Path, layout: dict[str, Any], kind: str, steps: int, batch_size: int, chunk: int,
          seed: int) -> dict[str, Any]:
    import torch
    from lerobot.configs.default import DatasetConfig, WandBConfig
    from lerobot.configs.train import TrainPipelineConfig
    from lerobot.datasets.dataset_metadata import LeRobotDatasetMetadata
    from lerobot.scripts import lerobot_train as lerobot_train_module
    from lerobot.utils.feature_utils import dataset_to_policy_features

    torch.set_num_threads(1)
    meta = LeRobotDatasetMetadata(REPO_ID, root=root)
    feats = dataset_to_policy_features(meta.features)
    cameras = {k: tuple(feats[k].shape) for k in meta.camera_keys}
    policy = _policy_config(kind, layout, tuple(feats[layout["state"]].shape), cameras,
                            tuple(feats[layout["action"]].shape), chunk)
    cfg = TrainPipelineConfig(
        dataset=DatasetConfig(repo_id=REPO_ID, root=str(root), video_backend="pyav"), policy=policy,
        output_dir=out, job_name=f"armstack_{kind}", seed=seed, num_workers=0, batch_size=batch_size, steps=steps,
        log_freq=1, save_freq=steps, env_eval_freq=0, wandb=WandBConfig(enable=False))
    log = _TrainLog()
    start_logging = lerobot_train_module.init_logging

    def init_logging_and_listen(*args: Any, **kwargs: Any) -> None:
        start_logging(*args, **kwargs)  # it clears the root logger's handlers: listen after it
        logging.getLogger().addHandler(log)

    lerobot_train_module.init_logging = init_logging_and_listen
    # CPU seconds of each update (forward, backward, optimizer) beside the wall time LeRobot logs: on a shared,
    # loaded machine wall time includes waiting for a core. The wrapped function is LeRobot's, unchanged.
    cpu_s: list[float] = []
    update_policy = lerobot_train_module.update_policy

    def timed_update(*args: Any, **kwargs: Any) -> Any:
        start_cpu = time.thread_time()
        out = update_policy(*args, **kwargs)
        cpu_s.append(round(time.thread_time() - start_cpu, 4))
        return out

    lerobot_train_module.update_policy = timed_update
    start = time.perf_counter()
    lerobot_train_module.train(cfg)
    seconds = time.perf_counter() - start
    logging.getLogger().removeHandler(log)
    horizon = policy.chunk_size if kind == "act" else policy.horizon
    return {**_version(), "policy": kind, "steps": steps, "batch_size": batch_size, "seconds": round(seconds, 2),
            "actions_predicted": horizon,
            "losses": [r["loss"] for r in log.rows], "update_s": [r.get("updt_s") for r in log.rows],
            "data_s": [r.get("data_s") for r in log.rows], "update_cpu_s": cpu_s,
            "logged_steps": [int(r["step"]) for r in log.rows],
            "input_features": sorted(policy.input_features), "reloaded": _reload(out, kind, root)}


def _reload(out: Path, kind: str, root: Path) -> dict[str, Any]:
    """The last checkpoint, loaded back with LeRobot's from_pretrained and its processors, acting on frame 0."""
    import torch
    from lerobot.datasets.lerobot_dataset import LeRobotDataset
    from lerobot.policies.factory import get_policy_class, make_pre_post_processors

    path = out / "checkpoints" / "last" / "pretrained_model"
    policy = get_policy_class(kind).from_pretrained(path)
    pre, post = make_pre_post_processors(policy.config, pretrained_path=str(path))
    frame = LeRobotDataset(REPO_ID, root=root, video_backend="pyav")[0]
    obs = {k: v.unsqueeze(0) for k, v in frame.items() if k in policy.config.input_features}
    policy.reset()
    with torch.inference_mode():
        action = post(policy.select_action(pre(obs)))
    return {"path": str(path), "action_shape": list(action.shape), "finite": bool(torch.isfinite(action).all()),
            "params": sum(p.numel() for p in policy.parameters())}


def write(out: Path, layout: dict[str, Any], episodes: int, frames: int, size: int, fps: int, state_dim: int,
          seed: int, videos: bool = True) -> dict[str, Any]:
    """A LeRobot-written dataset with armstack's keys: moving coloured squares on the layout's cameras, a state
    that drifts, and actions that are a fixed linear function of the state (so an offline error is meaningful)."""
    import numpy as np
    from lerobot.datasets.lerobot_dataset import LeRobotDataset

    rng = np.random.default_rng(seed)
    action_names = list(layout["action_names"])
    camera_keys = list(layout["cameras"])
    cam = {"dtype": "video" if videos else "image", "shape": [size, size, 3], "names": ["height", "width", "channels"]}
    features = {
        layout["state"]: {"dtype": "float32", "shape": [state_dim], "names": [f"s{i}" for i in range(state_dim)]},
        **{key: cam for key in camera_keys},
        layout["action"]: {"dtype": "float32", "shape": [len(action_names)], "names": action_names},
    }
    ds = LeRobotDataset.create(REPO_ID, fps=fps, features=features, root=out, robot_type="panda", use_videos=videos)
    mix = rng.normal(size=(state_dim, len(action_names))).astype(np.float32) / np.sqrt(state_dim)
    tasks = ["put the red cube in the bin", "put the blue cube on the pad"]
    for ep in range(episodes):
        state = rng.normal(size=state_dim).astype(np.float32)
        for t in range(frames):
            state = (state + 0.05 * rng.normal(size=state_dim)).astype(np.float32)
            images = {}
            for k, key in enumerate(camera_keys):
                img = np.full((size, size, 3), 40 + 20 * k, np.uint8)
                x = (3 * t + 7 * ep + 11 * k) % (size - 8)
                img[8:16, x:x + 8] = (200, 30 + 40 * ep % 200, 30)
                images[key] = img
            ds.add_frame({layout["state"]: state, **images,
                          layout["action"]: np.tanh(state @ mix).astype(np.float32), "task": tasks[ep % len(tasks)]})
        ds.save_episode(parallel_encoding=False)
    ds.finalize()
    return {**_version(), "root": str(out), "episodes": episodes, "frames": episodes * frames,
            "features": {k: v["dtype"] for k, v in ds.meta.features.items()},
            "video_codec": {k: ds.meta.features[k].get("info", {}).get("video.codec") for k in ds.meta.camera_keys}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", type=json.loads, required=True,
                        help="JSON: armstack's dataset keys and names (state, action, action_names, cameras)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("inspect")
    p.add_argument("root", type=Path)
    p = sub.add_parser("train")
    p.add_argument("root", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--policy", choices=("act", "diffusion"), default="act")
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--chunk", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("write")
    p.add_argument("out", type=Path)
    p.add_argument("--episodes", type=int, default=3)
    p.add_argument("--frames", type=int, default=24)
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--fps", type=int, default=20)
    p.add_argument("--state-dim", type=int, default=22)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--images", action="store_true", help="PNG frames in the parquet files instead of mp4s")
    args = parser.parse_args(argv)
    if args.command == "inspect":
        result = inspect(args.root)
    elif args.command == "train":
        result = train(args.root, args.out, args.layout, args.policy, args.steps, args.batch_size, args.chunk,
                       args.seed)
    else:
        result = write(args.out, args.layout, args.episodes, args.frames, args.size, args.fps, args.state_dim,
                       args.seed, videos=not args.images)
    # LeRobot logs to stdout too: the JSON goes on one marked line the caller looks for.
    print("ARMSTACK_INTEROP_JSON " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
