"""Pretrain the image encoders, the instruction's FiLM and the object head on rendered scenes
(``policies.visuomotor.scenes``), so a policy starts from an encoder that locates the cubes in scenes it has
never seen (``init_encoder`` in ``VisuomotorConfig``).

The network is the policy's own ``VisuomotorACT`` (so the weights' names and shapes are the policy's), with a
placeholder proprioception size, action size and one decoder layer that the pretraining never trains; only
``encoders.*``, ``film.*`` and ``objects.*`` are read back by ``init_encoder``. The checkpoint is the safe
policy format with the observation adapter ``OBJECT_ENCODER_ADAPTER``, which no evaluator serves: it cannot be
run as a policy by mistake.

``python -m policies.visuomotor.pretrain --train A.npz B.npz --val V.npz --out runs/enc [--config c.yaml]``.
Validation is on scenes of their own (the val files), split by scene in two halves so that the figure reported is
not the one the choice was made on (as ``policies.evaluate`` keeps selection and report seeds apart):
``select_object_cm`` (the even-indexed val scenes) chooses ``best/``; ``val_object_cm`` (the odd-indexed ones)
is the error on layouts the head never saw and nothing was chosen on; ``train_object_cm`` on training frames
beside it shows how much is memorised.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from policies.checkpoint import PolicySpec, read_checkpoint, save_checkpoint
from policies.errors import CheckpointError, TrainConfigError
from policies.text import ENCODER_NAME, TextEncoder, shared_encoder
from policies.visuomotor.config import POOLS
from policies.visuomotor.heatmap import HeatmapHead
from policies.visuomotor.network import OBJECT_HEADS, VisuomotorACT
from policies.visuomotor.policy import ARCHITECTURE
from policies.visuomotor.scenes import FRAME_KINDS, PLACE_NAMES, SceneFrames, camera_calibration, load_scene_frames
from sim.config_io import load_config
from sim.datagen.shards import write_json_atomic
from sim.errors import SimError

OBJECT_ENCODER_ADAPTER = "visuomotor_object_encoder"
"""policy.json observation adapter of a pretrained encoder: not a policy (policies.policy refuses it)."""
PRETRAINED_PREFIXES = ("encoders.", "film.", "objects.")
"""The weights a pretrained encoder gives a policy: the image encoders, the instruction's FiLM, the object head."""
STD_FLOOR_M = 0.01
"""Same floor as the policy's training (policies.visuomotor.train.OBJECT_STD_FLOOR_M)."""


@dataclass(frozen=True, kw_only=True)
class PretrainConfig:
    train: tuple[str, ...]
    """Scene-frames files (``python -m policies.visuomotor.scenes``) to train on."""
    val: tuple[str, ...]
    """Scene-frames files of other scenes, for the validation error."""
    out: str
    cameras: tuple[str, ...] = ("front", "wrist")
    width: int = 128
    grid: int = 4
    pool: str = "avg"
    steps: int = 4000
    batch_size: int = 64
    lr: float = 1e-3
    weight_decay: float = 1e-4
    shift_pixels: int = 0
    """Random shift (pixels): 0 by default, since a shifted fixed camera moves every cube in the image and the
    target stays: label noise of ~1.5 cm per pixel at 64 px on the front camera."""
    colour_jitter: float = 0.2
    max_scenes: int | None = None
    """Train on the first this many training scenes (all: None): the error-against-scenes curve."""
    place_weight: float = 0.0
    """Weight of an auxiliary loss on the pad's and the bin's positions (``scenes.PLACE_NAMES``, every frame; 0: off),
    read by a linear layer from the object head's hidden layer and kept out of the checkpoint. The goal target names
    only the place the words name, so each place is supervised in about half the frames, while every cube has its
    own target in every frame."""
    object_head: str = "mlp"
    """``mlp``: regress the targets from the pooled image tokens; ``heatmap``: per-pixel heatmaps of each cube and
    place on ``heatmap_camera``, soft-argmax, lifted to metres through the camera's nominal calibration
    (``policies.visuomotor.heatmap``; needs the files' places)."""
    heatmap_camera: str = "front"
    heatmap_width: int = 32
    """Channels of the heatmap head's first layers (doubled in its context layers)."""
    pixel_weight: float = 0.1
    """Heatmap head: weight of the loss on each cube's and place's soft-argmax image position (pixels), beside the
    loss in metres."""
    heatmap_ce: float = 1.0
    """Heatmap head: weight of each heatmap's cross-entropy to a one-cell Gaussian at the truth pixel (the soft-argmax
    of a near-uniform map barely moves, so the losses on positions alone learn slowly from a random start)."""
    choice_weight: float = 0.0
    """Heatmap head: weight of the cross-entropy of the instruction's choice (which cube channel is the instructed
    cube, which place the goal's) against the truth. Without it the choice learns only through the metres loss of
    the mix, and it stayed soft (0.88 on the right cube at steps 400-1,000 of hm_d: 2.6 cm at reset for the
    instructed cube against 1.5 cm for its channel), since where a channel is wrong (the cube in the hand) the mix
    is pulled toward the other cubes. Measured only by refitting the two choice layers of hm_d (300 steps, maps
    fixed): the instructed cube 2.58 -> 1.49 cm at reset, 2.67 -> 1.61 at random poses, 7.42 -> 7.20 along the path,
    but 25.4 -> 27.0 cm in the hand (worse: a sharp choice follows its channel, which is lost there). Off (0) by
    default until a full pretraining run with it is measured; 1.0 is the weight the refit used."""
    metres_weight: float = 0.1
    """Heatmap head: weight of the losses in metres (every target, and each cube's and place's lifted point), which
    train the heights and the instruction's choice of cube and place (the pixels reach the lift without gradient).
    At 1.0 their gradient swamps the heatmaps' in the shared layers: the cross-entropy fell 7.0 -> 3.9 in 150 steps
    against 7.0 -> 3.2 without them."""
    depth: tuple[str, ...] = ()
    """Not supported in pretraining (kept for the augmentation's settings): always empty."""
    init_encoder: str | None = None
    """Start from this pretrained encoder (a ``pretrain`` checkpoint folder) instead of random weights: its network,
    target normalisation and calibration are kept, and the config's cameras, width, grid, pool and object head must be
    its own. A fine-tune on added frames (e.g. ``scenes --approach-frames``) costs a few hundred steps where the head
    took 1,000 from scratch; compare it against the same fine-tune without the added frames."""
    seed: int = 0
    threads: int = 1
    log_every: int = 250

    def __post_init__(self) -> None:
        if not self.train or not self.val:
            raise TrainConfigError("pretraining needs train and val scene-frames files")
        if set(self.train) & set(self.val):
            raise TrainConfigError(f"a file is both train and val: {sorted(set(self.train) & set(self.val))}")
        for name in ("width", "grid", "steps", "batch_size", "threads", "log_every"):
            if getattr(self, name) < 1:
                raise TrainConfigError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.width % 8 or not 16 <= self.width <= 1024:
            raise TrainConfigError(f"width must be a multiple of 8 in [16, 1024], got {self.width}")
        if self.pool not in POOLS:
            raise TrainConfigError(f"pool {self.pool!r}; valid: {', '.join(POOLS)}")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise TrainConfigError(f"lr must be a positive number, got {self.lr}")
        if not (self.place_weight >= 0 and math.isfinite(self.place_weight)):
            raise TrainConfigError(f"place_weight must be a finite number >= 0 (0: off), got {self.place_weight}")
        if not (self.weight_decay >= 0 and math.isfinite(self.weight_decay)):
            raise TrainConfigError(f"weight_decay must be a finite number >= 0, got {self.weight_decay}")
        if not 0 <= self.shift_pixels <= 32 or not 0 <= self.colour_jitter < 1:
            raise TrainConfigError("shift_pixels must be in [0, 32] and colour_jitter in [0, 1)")
        if self.max_scenes is not None and self.max_scenes < 1:
            raise TrainConfigError(f"max_scenes must be >= 1 (or unset for all), got {self.max_scenes}")
        if self.depth:
            raise TrainConfigError("depth is not supported by the object-head pretraining")
        if self.object_head not in OBJECT_HEADS:
            raise TrainConfigError(f"object_head {self.object_head!r}; valid: {', '.join(OBJECT_HEADS)}")
        if self.object_head == "heatmap":
            if self.heatmap_camera not in self.cameras:
                raise TrainConfigError(f"heatmap_camera {self.heatmap_camera!r} is not one of the cameras "
                                       f"{list(self.cameras)}")
            if self.place_weight:
                raise TrainConfigError("place_weight is the regression head's place loss; the heatmap head has "
                                       "place channels of its own (set place_weight: 0)")
            if self.heatmap_width % 8 or not 8 <= self.heatmap_width <= 256:
                raise TrainConfigError(f"heatmap_width must be a multiple of 8 in [8, 256], got {self.heatmap_width}")
        for name in ("pixel_weight", "heatmap_ce", "metres_weight", "choice_weight"):
            if not (getattr(self, name) >= 0 and math.isfinite(getattr(self, name))):
                raise TrainConfigError(f"{name} must be a finite number >= 0, got {getattr(self, name)}")


def load_pretrain_config(path: str | Path | None, **overrides: Any) -> PretrainConfig:
    given = {k: v for k, v in overrides.items() if v is not None}
    for key in ("train", "val", "cameras"):
        if isinstance(given.get(key), list):
            given[key] = tuple(given[key])
    return load_config(PretrainConfig, path, given, where=str(path or "pretrain config"), check_types=True,
                       error=TrainConfigError)


def _network(config: PretrainConfig, frames: SceneFrames, text_dim: int,
             train_idx: np.ndarray) -> tuple[VisuomotorACT, dict[str, Any]]:
    targets = frames.objects[train_idx]
    params: dict[str, Any] = {
        "cameras": len(config.cameras), "channels": 3, "proprio_dim": 1, "text_dim": text_dim, "out_dim": 1,
        "chunk": 1, "width": config.width, "grid": config.grid, "layers": 1, "heads": 4,
        "objects": len(frames.object_names), "object_token": False, "object_names": list(frames.object_names),
        "object_mean": targets.mean(axis=0).tolist(),
        "object_std": np.maximum(targets.std(axis=0), STD_FLOOR_M).tolist()}
    if config.pool != "avg":
        params["pool"] = config.pool
    if config.object_head == "heatmap":
        assert frames.env_id is not None and frames.robot is not None  # checked by the caller
        params.update(object_head="heatmap", heatmap_camera=config.cameras.index(config.heatmap_camera),
                      heatmap_width=config.heatmap_width,
                      calibration=list(camera_calibration(frames.env_id, frames.robot, config.heatmap_camera,
                                                          int(frames.images.shape[-1]))))
    return VisuomotorACT(**params), params


def _initial_network(config: PretrainConfig, train: SceneFrames, size: int,
                     text_dim: int) -> tuple[VisuomotorACT, dict[str, Any]]:
    """``config.init_encoder``'s network and architecture, checked against the config and the training frames."""
    assert config.init_encoder is not None
    spec, weights = load_pretrained_encoder(config.init_encoder)
    arch = dict(spec.arch_params)
    expected = {"cameras": list(config.cameras), "image_size": [size, size], "text_dim": text_dim,
                "width": config.width, "grid": config.grid, "pool": config.pool,
                "object_head": config.object_head, "object_names": list(train.object_names)}
    found = {**{k: spec.observation.get(k) for k in ("cameras", "image_size", "text_dim")},
             **{k: arch.get(k, default) for k, default in (("width", None), ("grid", None), ("pool", "avg"),
                                                            ("object_head", "mlp"), ("object_names", None))}}
    if config.object_head == "heatmap":
        expected.update(heatmap_camera=config.cameras.index(config.heatmap_camera),
                        heatmap_width=config.heatmap_width)
        found.update(heatmap_camera=arch.get("heatmap_camera"), heatmap_width=arch.get("heatmap_width"))
    differ = sorted(k for k in expected if expected[k] != found[k])
    if differ:
        raise TrainConfigError(f"init_encoder {config.init_encoder}: its {', '.join(differ)} "
                               f"({[found[k] for k in differ]}) differ from the config's and the frames' "
                               f"({[expected[k] for k in differ]})")
    net = VisuomotorACT(**arch)
    missing = set(net.load_state_dict(weights, strict=False).missing_keys)
    if any(k.startswith(PRETRAINED_PREFIXES) for k in missing):
        raise TrainConfigError(f"init_encoder {config.init_encoder}: weights missing: "
                               f"{sorted(k for k in missing if k.startswith(PRETRAINED_PREFIXES))[:3]}")
    return net, arch


def per_target_cm(pred: torch.Tensor, target: torch.Tensor, net: VisuomotorACT) -> torch.Tensor:
    """(B, k) normalised predictions against (B, k) metres -> (k // 3,) mean Euclidean error in cm per target."""
    return frame_target_cm(pred, target, net).mean(dim=0)


def frame_target_cm(pred: torch.Tensor, target: torch.Tensor, net: VisuomotorACT) -> torch.Tensor:
    """(B, k) normalised predictions against (B, k) metres -> (B, k // 3) Euclidean error in cm per target."""
    diff = pred * torch.tensor(net.object_std) + torch.tensor(net.object_mean) - target
    return 100.0 * diff.reshape(len(diff), -1, 3).norm(dim=-1)


def frame_errors(net: VisuomotorACT, images: torch.Tensor, text: torch.Tensor, targets: torch.Tensor,
                 batch: int = 256) -> torch.Tensor:
    """The head's error (cm) per frame and target, (N, k // 3) (images uint8, text embeddings, targets in m)."""
    net.eval()
    with torch.inference_mode():
        pred = torch.cat([net.predict_objects(images[i:i + batch], text[i:i + batch])
                          for i in range(0, len(images), batch)])
    net.train()
    return frame_target_cm(pred, targets, net)


def object_errors(net: VisuomotorACT, images: torch.Tensor, text: torch.Tensor, targets: torch.Tensor,
                  batch: int = 256) -> torch.Tensor:
    """The head's mean error per target (cm) over frames (images uint8, text embeddings, targets in metres)."""
    return frame_errors(net, images, text, targets, batch).mean(dim=0)


def errors_by_kind(errors: torch.Tensor, kind: np.ndarray | None, names: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per frame kind (``FRAME_KINDS``) the mean error (cm) of every target and of all together, from
    ``frame_errors``; empty when the frames carry no kinds."""
    if kind is None:
        return {}
    out = {}
    for i, k in enumerate(FRAME_KINDS):
        rows = errors[torch.from_numpy(kind == i)]
        if len(rows):
            out[k] = {"frames": len(rows), "mean": round(float(rows.mean()), 2),
                      **{n: round(float(v), 2) for n, v in zip(names, rows.mean(dim=0), strict=True)}}
    return out


def pretrain_object_encoder(config: PretrainConfig, *, encoder: TextEncoder | None = None,
                            progress: bool = False) -> dict[str, Any]:
    """Train on the train scenes, log validation errors, save ``out/best`` (lowest mean error on the selection
    half of the val scenes) and ``out/last``; returns the summary (also ``out/summary.json``), whose
    ``best.val_object_cm`` is best/'s error on the other half, which the choice never saw."""
    from policies.visuomotor.train import augment, optimizer_step, prepare_run

    out = prepare_run(config.out, config.seed, config.threads)
    start = time.perf_counter()
    train, val = load_scene_frames(config.train), load_scene_frames(config.val)
    for frames, what in ((train, "train"), (val, "val")):
        if frames.cameras != config.cameras:
            raise TrainConfigError(f"{what} frames are of cameras {list(frames.cameras)}; the config names "
                                   f"{list(config.cameras)}")
    if val.object_names != train.object_names or val.images.shape[2:] != train.images.shape[2:]:
        raise TrainConfigError("train and val scene frames differ in object targets or image size")
    if train.robot is None or (val.env_id, val.robot) != (train.env_id, train.robot):
        raise TrainConfigError(f"train scenes of {train.env_id} / {train.robot}, val of {val.env_id} / {val.robot}: "
                               "one env and robot, recorded in the files (render files made before that again)")
    if set(train.seeds) & set(val.seeds):
        raise TrainConfigError("train and val scene frames share scenes (seeds); validation must be unseen")
    if len(val.seeds) < 2:
        raise TrainConfigError("val scene frames need 2 or more scenes: half choose best/, half are reported")
    n_scenes = len(train.seeds) if config.max_scenes is None else min(config.max_scenes, len(train.seeds))
    train_idx = np.flatnonzero(train.scene_of_frame < n_scenes)
    enc = encoder if encoder is not None else shared_encoder()
    train_text = torch.from_numpy(enc.encode(list(train.texts)))
    val_text = torch.from_numpy(enc.encode(list(val.texts)))
    h = int(train.images.shape[-1])
    if config.init_encoder is None:
        net, arch = _network(config, train, int(train_text.shape[1]), train_idx)
    else:
        net, arch = _initial_network(config, train, h, int(train_text.shape[1]))
    images = torch.from_numpy(train.images)
    targets = torch.from_numpy(train.objects)
    normalised = (targets - torch.tensor(net.object_mean)) / torch.tensor(net.object_std)
    ti = torch.from_numpy(train.text_index)
    # Even-indexed val scenes choose best/; the odd-indexed ones give the reported error, which no choice saw.
    select_mask = val.scene_of_frame % 2 == 0
    halves = {name: (torch.from_numpy(val.images[mask]), val_text[torch.from_numpy(val.text_index[mask])],
                     torch.from_numpy(val.objects[mask])) for name, mask in (("select", select_mask),
                                                                             ("report", ~select_mask))}
    report_kind = None if val.kind is None else val.kind[~select_mask]
    probe = train_idx[np.linspace(0, len(train_idx) - 1, min(len(train_idx), len(val.images))).astype(int)]
    probe_t = torch.from_numpy(probe)
    trained = [p for name, p in net.named_parameters() if name.startswith(PRETRAINED_PREFIXES)]
    for name, p in net.named_parameters():
        p.requires_grad_(name.startswith(PRETRAINED_PREFIXES))
    places = _PlaceTargets(config, train, val, train_idx, ~select_mask) if config.place_weight > 0 else None
    if places is not None:
        trained += list(places.head.parameters())
    pixels = _PixelTargets(net, train, val) if config.object_head == "heatmap" else None
    opt = torch.optim.AdamW(trained, lr=config.lr, weight_decay=config.weight_decay)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * 0.5 * (1 + math.cos(math.pi * min(s, config.steps) / config.steps)))
    gen = torch.Generator().manual_seed(config.seed)
    names = [n.rsplit(".", 1)[0] for n in train.object_names[::3]]

    def spec(metrics: dict[str, Any]) -> PolicySpec:
        return PolicySpec(
            architecture=ARCHITECTURE, arch_params=arch,
            observation={"adapter": OBJECT_ENCODER_ADAPTER, "cameras": list(config.cameras), "depth": [],
                         "image_size": [h, h], "text_encoder": ENCODER_NAME,
                         "text_dim": int(train_text.shape[1]), "privileged": []},
            action={"dim": 1}, normalization={}, robot=str(train.robot), control_hz=20.0,
            data={"env_id": train.env_id,
                  "train_scenes": n_scenes, "train_frames": len(train_idx), "val_scenes": len(val.seeds),
                  "val_frames": len(val.images), "train_seeds": [min(train.seeds[:n_scenes]),
                                                                 max(train.seeds[:n_scenes])],
                  "val_seeds": [min(val.seeds), max(val.seeds)], "select_scenes": "even-indexed val seeds",
                  "report_scenes": "odd-indexed val seeds"},
            training={"algorithm": "visuomotor_object_pretrain", "config": dataclasses.asdict(config),
                      "metrics": metrics})

    best, running, count, step = math.inf, 0.0, 0, 0
    row: dict[str, Any] = {}
    best_row: dict[str, Any] = {}
    log_path = out / "metrics.jsonl"
    log_path.write_text("")
    net.train()
    while step < config.steps:
        idx = torch.from_numpy(train_idx)[torch.randint(0, len(train_idx), (config.batch_size,), generator=gen)]
        if pixels is not None:
            pred, point_loss, pixel_loss, ce, choice = pixels.predict_and_loss(
                net, augment(images[idx], config, gen), train_text[ti[idx]], idx)
            loss = (config.metres_weight * (nn.functional.smooth_l1_loss(pred, normalised[idx], beta=0.1) + point_loss)
                    + config.pixel_weight * pixel_loss + config.heatmap_ce * ce + config.choice_weight * choice)
        elif places is None:
            pred = net.predict_objects(augment(images[idx], config, gen), train_text[ti[idx]])
            loss = nn.functional.smooth_l1_loss(pred, normalised[idx], beta=0.1)
        else:
            pred, place_loss = places.predict_and_loss(net, augment(images[idx], config, gen), train_text[ti[idx]],
                                                       idx)
            loss = nn.functional.smooth_l1_loss(pred, normalised[idx], beta=0.1) + config.place_weight * place_loss
        optimizer_step(loss, opt, sched, trained)
        step += 1
        running, count = running + float(loss.detach()), count + 1
        if step % config.log_every == 0 or step == config.steps:
            select_cm = object_errors(net, *halves["select"])
            report = frame_errors(net, *halves["report"])
            val_cm = report.mean(dim=0)
            train_cm = object_errors(net, images[probe_t], train_text[ti[probe_t]], targets[probe_t])
            row = {"step": step, "loss": running / count, "select_object_cm": round(float(select_cm.mean()), 3),
                   "val_object_cm": round(float(val_cm.mean()), 3),
                   "train_object_cm": round(float(train_cm.mean()), 3),
                   "val_cm": {n: round(float(v), 2) for n, v in zip(names, val_cm, strict=True)},
                   "train_cm": {n: round(float(v), 2) for n, v in zip(names, train_cm, strict=True)},
                   "val_cm_by_kind": errors_by_kind(report, report_kind, names),
                   **({"val_pixel_px": _pixel_summary(net, val, ~select_mask)} if pixels is not None else {}),
                   **({"val_place_cm": places.report_cm(net, *halves["report"][:2])} if places is not None else {}),
                   "seconds": round(time.perf_counter() - start, 1)}
            running, count = 0.0, 0
            with open(log_path, "a") as f:
                f.write(json.dumps(row) + "\n")
            if progress:
                print(json.dumps(row), flush=True)
            if float(select_cm.mean()) < best:
                best, best_row = float(select_cm.mean()), row
                save_checkpoint(out / "best", net, spec(row))
    if not best_row:  # NaN compares False: a run whose selection error never was finite has no best/
        raise TrainConfigError(f"{out}: the selection error was never finite (last {row.get('select_object_cm')}); "
                               f"lower lr")
    if not math.isfinite(row["select_object_cm"]):  # diverged on the last step: a NaN spec cannot be written
        raise TrainConfigError(f"{out}: training diverged at the last step (selection error "
                               f"{row['select_object_cm']}); best/ of step {best_row['step']} is kept; lower lr")
    save_checkpoint(out / "last", net, spec(row))
    summary = {"out": str(out), "steps": step, "train_scenes": n_scenes, "train_frames": len(train_idx),
               "val_scenes": len(val.seeds), "val_frames": len(val.images),
               "best": {"step": best_row["step"], "select_object_cm": best_row["select_object_cm"],
                        "val_object_cm": best_row["val_object_cm"], "val_cm": best_row["val_cm"],
                        "val_cm_by_kind": best_row["val_cm_by_kind"]},
               "last": row, "seconds": round(time.perf_counter() - start, 1)}
    write_json_atomic(out / "summary.json", summary)
    return summary


class _PlaceTargets:
    """The auxiliary pad and bin targets (``PretrainConfig.place_weight``): a linear layer on the object head's hidden
    layer, normalised like the head's targets, trained beside it and never saved."""

    def __init__(self, config: PretrainConfig, train: SceneFrames, val: SceneFrames, train_idx: np.ndarray,
                 report: np.ndarray) -> None:
        missing = [what for what, f in (("train", train), ("val", val)) if f.places is None]
        if missing:
            raise TrainConfigError(f"place_weight needs the pad's and bin's positions in the {' and '.join(missing)} "
                                   "scene frames (files rendered before places were recorded): add them with "
                                   "python -m policies.visuomotor.scenes --add-places FILE..")
        assert train.places is not None and val.places is not None  # narrowed by the check above
        places = torch.from_numpy(train.places)
        self.mean = places[torch.from_numpy(train_idx)].mean(dim=0)
        self.std = places[torch.from_numpy(train_idx)].std(dim=0).clamp(min=STD_FLOOR_M)
        self.normalised = (places - self.mean) / self.std
        self.report_places = torch.from_numpy(val.places[report])
        self.head = nn.Linear(config.width, len(PLACE_NAMES))

    def predict_and_loss(self, net: VisuomotorACT, images: torch.Tensor, text: torch.Tensor,
                         idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The object head's prediction (as ``predict_objects``) and the place loss of the frames ``idx``."""
        assert isinstance(net.objects, nn.Sequential)
        hidden = net.objects[:-1](torch.cat(net.image_tokens(images, text), dim=1))
        loss = nn.functional.smooth_l1_loss(self.head(hidden), self.normalised[idx], beta=0.1)
        return net.objects[-1](hidden), loss

    def report_cm(self, net: VisuomotorACT, images: torch.Tensor, text: torch.Tensor,
                  batch: int = 256) -> dict[str, float]:
        """The place layer's mean error (cm) for the pad and the bin on the report half."""
        assert isinstance(net.objects, nn.Sequential)
        net.eval()
        with torch.inference_mode():
            pred = torch.cat([self.head(net.objects[:-1](torch.cat(net.image_tokens(images[i:i + batch],
                                                                                      text[i:i + batch]), dim=1)))
                              for i in range(0, len(images), batch)])
        net.train()
        err = 100.0 * (pred * self.std + self.mean - self.report_places).reshape(len(pred), -1, 3).norm(dim=-1)
        return {n.split(".")[0]: round(float(v), 2) for n, v in zip(PLACE_NAMES[::3], err.mean(dim=0), strict=True)}


def channel_truth(head: HeatmapHead, frames: SceneFrames) -> torch.Tensor:
    """(N, K, 3) truth points of the heatmap head's channels (each cube, then the places) in the frames."""
    if frames.places is None:
        raise TrainConfigError("object_head: heatmap needs the pad's and bin's positions in the scene frames "
                               "(files rendered before places were recorded): add them with python -m "
                               "policies.visuomotor.scenes --add-places FILE..")
    cols = [frames.object_names.index(f"{c}.x") // 3 for c in head.cubes]
    cubes = torch.from_numpy(frames.objects).reshape(len(frames.objects), -1, 3)[:, cols]
    return torch.cat([cubes, torch.from_numpy(frames.places).reshape(len(frames.places), -1, 3)], dim=1)


def channel_pixel_errors(net: VisuomotorACT, images: torch.Tensor, truth: torch.Tensor,
                         batch: int = 256) -> torch.Tensor:
    """(N, K) image distance (pixels) between each heatmap channel's soft-argmax and its truth projected through the
    head's calibration (images (N, cameras, 3, H, W) uint8; truth from ``channel_truth``)."""
    head = net.objects
    if not isinstance(head, HeatmapHead):
        raise ValueError("not a heatmap object head")
    net.eval()
    with torch.inference_mode():
        px = torch.cat([head.channel_pixels(net.encoder_inputs(images[i:i + batch])[net.heatmap_camera][:, :3])[0]
                        for i in range(0, len(images), batch)])
    net.train()
    return (px - head.calibration.project(truth.to(px.dtype))).norm(dim=-1)


def _pixel_summary(net: VisuomotorACT, frames: SceneFrames, rows: np.ndarray) -> dict[str, float]:
    assert isinstance(net.objects, HeatmapHead)
    err = channel_pixel_errors(net, torch.from_numpy(frames.images[rows]), channel_truth(net.objects, frames)[rows])
    return {c: round(float(v), 2) for c, v in zip(net.objects.channels, err.mean(dim=0), strict=True)}


class _PixelTargets:
    """The heatmap head's own targets (``object_head: heatmap``): each cube's and place's truth projected through the
    head's calibration (pixels), its truth point (metres), and a one-cell Gaussian on the heatmap at that pixel."""

    SIGMA_CELLS = 1.0
    POINT_SCALE_M = 0.1

    def __init__(self, net: VisuomotorACT, train: SceneFrames, val: SceneFrames) -> None:
        head = net.objects
        assert isinstance(head, HeatmapHead)
        channel_truth(head, val)  # refused now, not at the first log, when the val files lack places
        self.points = channel_truth(head, train)
        self.pixels = head.calibration.project(self.points)
        # Which channel the instructed cube is (it equals one cube's position) and which place is the goal (its x, y).
        objects = torch.from_numpy(train.objects).reshape(len(train.objects), -1, 3)
        instructed = objects[:, train.object_names.index("instructed.x") // 3]
        goal = objects[:, train.object_names.index("goal.x") // 3]
        nc = len(head.cubes)
        self.cube_index = (self.points[:, :nc] - instructed[:, None]).norm(dim=-1).argmin(dim=-1)
        self.place_index = (self.points[:, nc:, :2] - goal[:, None, :2]).norm(dim=-1).argmin(dim=-1)
        self.camera = net.heatmap_camera
        self.size = int(train.images.shape[-1])

    def predict_and_loss(self, net: VisuomotorACT, images: torch.Tensor, text: torch.Tensor,
                         idx: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """The head's normalised targets (as ``predict_objects``) and the losses on each channel's point (metres),
        pixel and heatmap (cross-entropy to the Gaussian), and on the instruction's choice, of the frames ``idx``."""
        head = net.objects
        assert isinstance(head, HeatmapHead)
        image = net.encoder_inputs(images)[self.camera][:, :3]
        xy, height, log_prob = head.channel_pixels(image, detach=True)
        points = head.calibration.lift(xy.detach(), height)
        pred = (head.assemble(points, text) - torch.tensor(net.object_mean)) / torch.tensor(net.object_std)
        cells = round(math.sqrt(log_prob.shape[-1]))
        target_px = self.pixels[idx]
        centre = (torch.arange(cells, dtype=xy.dtype) + 0.5) * (self.size / cells)
        g = [torch.exp(-0.5 * ((centre[None, None, :] - target_px[..., a:a + 1]) * cells / self.size
                               / self.SIGMA_CELLS) ** 2) for a in (1, 0)]
        gauss = (g[0].unsqueeze(-1) * g[1].unsqueeze(-2)).flatten(2)
        gauss = gauss / gauss.sum(dim=-1, keepdim=True).clamp(min=1e-12)
        ce = -(gauss * log_prob).sum(dim=-1).mean()
        pixel = nn.functional.smooth_l1_loss(xy, target_px, beta=1.0)
        point = nn.functional.smooth_l1_loss(points / self.POINT_SCALE_M, self.points[idx] / self.POINT_SCALE_M,
                                             beta=0.1)
        cube_logits, place_logits = head.choice_logits(text)
        choice = (nn.functional.cross_entropy(cube_logits, self.cube_index[idx])
                  + nn.functional.cross_entropy(place_logits, self.place_index[idx]))
        return pred, point, pixel, ce, choice


def load_pretrained_encoder(path: str | Path) -> tuple[PolicySpec, dict[str, torch.Tensor]]:
    """A pretrained encoder's spec and its ``PRETRAINED_PREFIXES`` weights, or a one-line TrainConfigError."""
    try:
        spec, net = read_checkpoint(path)
    except (OSError, ValueError, CheckpointError) as exc:
        raise TrainConfigError(f"init_encoder {path}: not a readable checkpoint ({exc})") from exc
    if spec.architecture != ARCHITECTURE or spec.observation.get("adapter") != OBJECT_ENCODER_ADAPTER:
        raise TrainConfigError(f"init_encoder {path}: a {spec.architecture} / {spec.observation.get('adapter')} "
                               f"checkpoint, not a pretrained object encoder ({OBJECT_ENCODER_ADAPTER}; "
                               "python -m policies.visuomotor.pretrain writes one)")
    weights = {k: v for k, v in net.state_dict().items() if k.startswith(PRETRAINED_PREFIXES)}
    return spec, weights


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Pretrain the visuomotor image encoder and object head on "
                                                 "rendered scenes.")
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--val", nargs="+", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--config", default=None, help="a YAML file of PretrainConfig settings")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--max-scenes", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        config = load_pretrain_config(args.config, train=tuple(args.train), val=tuple(args.val), out=args.out,
                                      steps=args.steps, max_scenes=args.max_scenes, batch_size=args.batch_size)
        summary = pretrain_object_encoder(config, progress=True)
    except (TrainConfigError, SimError) as exc:
        raise SystemExit(f"error: {exc}") from None
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
