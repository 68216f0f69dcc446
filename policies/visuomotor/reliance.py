"""Which inputs a visuomotor checkpoint's actions depend on, measured on a dataset's validation episodes.

A policy can reach a low validation L1 while ignoring its cameras: a demonstration's proprioception already
reveals the actions taken (joint velocity is the last action, the arm's pose says how far along the trajectory
it is), so continuing the trajectory scores well on teacher-forced frames and fails closed loop, where nothing
but the image says where the cube is. ``input_reliance`` swaps one input at a time with the frame at the same
step of another validation episode and reports the L1 against the demonstrated chunk: an input the network
reads raises the error when swapped. ``early`` restricts to the first steps, where the arm is still at home and
only the images and the instruction tell episodes apart; ``blind_per_step`` there is the error of predicting, at
each step index, the mean demonstrated chunk of that step (a clock with no eyes).

``object_probe`` asks whether the image tokens locate the objects at all: a ridge regression from the frozen
encoders' tokens to each object's and the TCP's x, y, fitted on the training episodes and scored on the validation
episodes (cm), beside the error of predicting the training mean; a network with an object head also reports that
head's own validation error per target.

``python -m policies.visuomotor.reliance --policy RUN/best --data DATASET [--probe]`` prints the JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from policies.visuomotor.data import load_image_demonstrations
from policies.visuomotor.policy import VisuomotorPolicy

PROBE_RIDGE = 100.0
"""Ridge penalty of ``object_probe`` (V1's probe, session 6: the pooled tokens of a BC-only network gave 13-15 cm
for the cubes at this penalty, no better than the mean)."""

SWAPS = ("images", "proprio", "text")


def validation_episodes(n_episodes: int, seed: int, val_fraction: float) -> np.ndarray:
    """The episode indices ``train_visuomotor`` held out for validation with this seed and fraction."""
    order = np.random.default_rng(seed).permutation(n_episodes)
    return order[:max(1, round(val_fraction * n_episodes))]


def _l1(pred: np.ndarray, target: np.ndarray, mask: np.ndarray, dims: slice) -> float:
    err = np.abs(pred - target)[..., dims].mean(axis=-1)
    return float((err * mask).sum() / max(float(mask.sum()), 1.0))


def input_reliance(policy: VisuomotorPolicy, root: str | Path, *, episodes: np.ndarray | None = None,
                   early_steps: int = 8, seed: int = 0, verify: bool = True, batch: int = 256) -> dict[str, Any]:
    """L1 of ``policy``'s chunks on ``episodes`` of the dataset at ``root`` (default: the validation episodes of
    the run's own split) with true inputs and with each of ``SWAPS`` taken from another episode's frame of the
    same step; ``xyz`` is the translation actions, ``gripper`` the last action dimension."""
    import torch

    from policies.text import shared_encoder

    demos = load_image_demonstrations(root, policy.cameras, policy.chunk, verify=verify, depth=policy.depth,
                                      proprio=policy.proprio)
    n_eps = int(demos.episode_of_frame.max()) + 1
    if episodes is None:
        cfg = (policy.spec.training or {}).get("config", {})
        episodes = validation_episodes(n_eps, int(cfg.get("seed", 0)), float(cfg.get("val_fraction", 0.1)))
    frames = np.flatnonzero(np.isin(demos.episode_of_frame, episodes))
    first = {int(e): int(np.flatnonzero(demos.episode_of_frame == e)[0]) for e in np.unique(demos.episode_of_frame)}
    step = np.array([i - first[int(demos.episode_of_frame[i])] for i in range(len(demos.episode_of_frame))])
    rng = np.random.default_rng(seed)
    partner = np.empty_like(frames)
    for k, i in enumerate(frames):
        same = frames[(step[frames] == step[i]) & (demos.episode_of_frame[frames] != demos.episode_of_frame[i])]
        partner[k] = rng.choice(same) if len(same) else i
    encoder = policy.encoder if policy.encoder is not None else shared_encoder()
    text = torch.from_numpy(encoder.encode(list(demos.texts)))[torch.from_numpy(demos.text_index)]
    proprio = torch.from_numpy(((demos.proprio - policy.mean) / policy.std).astype(np.float32))
    images, depth = torch.from_numpy(demos.images), torch.from_numpy(demos.depth.astype(np.float32))
    policy.network.eval()

    def predict(img: np.ndarray, prop: np.ndarray, txt: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            return np.concatenate([policy.network(images[img[s:s + batch]], proprio[prop[s:s + batch]],
                                                  text[txt[s:s + batch]], depth[img[s:s + batch]]).numpy()
                                   for s in range(0, len(img), batch)])

    target, mask = demos.chunks[frames], demos.mask[frames]
    early = step[frames] < early_steps
    a = target.shape[-1]
    parts = {"all": slice(0, a), "xyz": slice(0, 3), "gripper": slice(a - 1, a)}

    def scores(pred: np.ndarray) -> dict[str, float]:
        out = {name: _l1(pred, target, mask, dims) for name, dims in parts.items()}
        out["early_xyz"] = _l1(pred[early], target[early], mask[early], parts["xyz"])
        return out

    true = predict(frames, frames, frames)
    report: dict[str, Any] = {"data": str(root), "episodes": [int(e) for e in episodes], "frames": len(frames),
                              "early_steps": early_steps, "true": scores(true)}
    for name in SWAPS:
        swapped = predict(*(partner if name == other else frames for other in SWAPS))
        report[f"{name}_swapped"] = {**scores(swapped), "output_change": float(np.abs(swapped - true).mean())}
    blind = np.stack([target[step[frames] == step[i]].mean(axis=0) for i in frames])
    report["blind_per_step"] = scores(blind)
    report["zero_action"] = scores(np.zeros_like(true))
    return report


def _cm(labels: list[str], errors: np.ndarray) -> dict[str, float]:
    """{label: mean error} over (frames, labels) errors, rounded to 0.01 cm."""
    return {k: round(float(v), 2) for k, v in zip(labels, errors.mean(axis=0), strict=True)}


def object_probe(policy: VisuomotorPolicy, root: str | Path, *, episodes: np.ndarray | None = None,
                 verify: bool = True, batch: int = 256) -> dict[str, Any]:
    """Validation error (cm, x-y distance) of a ridge probe from the encoders' tokens to every object's and the
    TCP's x, y, against predicting the training mean; with an object head, its validation error (cm, x-y-z) per
    target. ``episodes``: the held-out episodes (default: the run's own validation split)."""
    import torch

    from policies.errors import PolicyError
    from policies.text import shared_encoder
    from policies.visuomotor.data import proprio_columns
    from policies.visuomotor.network import VisuomotorACT

    net = policy.network
    if not isinstance(net, VisuomotorACT):
        raise PolicyError(f"object_probe reads a VisuomotorACT's encoders, not a {type(net).__name__}")
    demos = load_image_demonstrations(root, policy.cameras, policy.chunk, verify=verify, depth=policy.depth,
                                      objects=True)
    n_eps = int(demos.episode_of_frame.max()) + 1
    if episodes is None:
        cfg = (policy.spec.training or {}).get("config", {})
        episodes = validation_episodes(n_eps, int(cfg.get("seed", 0)), float(cfg.get("val_fraction", 0.1)))
    val = np.isin(demos.episode_of_frame, episodes)
    names = [n.rsplit(".", 1)[0] for n in demos.object_names[::3]]
    tcp = demos.proprio[:, proprio_columns(demos.proprio.shape[1], ("ee_pose",))[:2]]
    xy = np.concatenate([demos.objects.reshape(len(val), -1, 3)[..., :2], tcp[:, None]], axis=1)  # (N, k+1, 2)
    encoder = policy.encoder if policy.encoder is not None else shared_encoder()
    text = torch.from_numpy(encoder.encode(list(demos.texts)))[torch.from_numpy(demos.text_index)]
    images, depth = torch.from_numpy(demos.images), torch.from_numpy(demos.depth.astype(np.float32))
    proprio = torch.zeros((len(images), len(policy.mean)))  # the head reads images and text only
    features, heads = [], []
    net.eval()
    with torch.inference_mode():
        for s in range(0, len(images), batch):
            # the inputs the network builds (depth as a fourth channel where it reads depth), not RGB alone
            inputs = net.encoder_inputs(images[s:s + batch], depth[s:s + batch] if net.depth else None)
            features.append(torch.cat([enc(inputs[i]).flatten(1) for i, enc in enumerate(net.encoders)], 1).numpy())
            if net.objects is not None:
                objects = net.memory_and_objects(images[s:s + batch], proprio[s:s + batch], text[s:s + batch],
                                                 depth[s:s + batch])[1]
                assert objects is not None  # net.objects exists
                heads.append(objects.numpy())
    f = np.hstack([np.concatenate(features).astype(np.float64), np.ones((len(val), 1))])
    a, y = f[~val], xy[~val].reshape(int((~val).sum()), -1)
    w = np.linalg.solve(a.T @ a + PROBE_RIDGE * np.eye(a.shape[1]), a.T @ y)
    probe = np.linalg.norm((f[val] @ w).reshape(-1, xy.shape[1], 2) - xy[val], axis=-1) * 100.0
    mean = np.linalg.norm(y.mean(axis=0).reshape(-1, 2) - xy[val], axis=-1) * 100.0
    labels = [*names, "tcp"]
    report: dict[str, Any] = {"data": str(root), "episodes": [int(e) for e in episodes], "frames": int(val.sum()),
                              "ridge": PROBE_RIDGE,
                              "probe_xy_cm": _cm(labels, probe),
                              "mean_xy_cm": _cm(labels, mean)}
    if heads:
        pred = np.concatenate(heads) * np.asarray(net.object_std) + np.asarray(net.object_mean)
        err = np.linalg.norm((pred - demos.objects).reshape(len(val), -1, 3)[val], axis=-1) * 100.0
        head_names = [n.rsplit(".", 1)[0] for n in net.object_names[::3]]
        report["head_xyz_cm"] = _cm(head_names, err)
    return report


def main(argv: list[str] | None = None) -> None:
    import policies

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", required=True, help="a visuomotor checkpoint folder (RUN/best)")
    parser.add_argument("--data", required=True, help="the dataset it was trained on (its validation split is used)")
    parser.add_argument("--early-steps", type=int, default=8)
    parser.add_argument("--probe", action="store_true", help="also run object_probe (needs the dataset's "
                                                             "observation.environment_state)")
    args = parser.parse_args(argv)
    policy = policies.load(args.policy)
    if not isinstance(policy, VisuomotorPolicy):
        parser.error(f"{args.policy} is not a visuomotor checkpoint")
    report = {"policy": args.policy, **input_reliance(policy, args.data, early_steps=args.early_steps)}
    if args.probe:
        report["objects"] = object_probe(policy, args.data)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
