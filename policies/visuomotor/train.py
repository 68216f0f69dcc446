"""Train a visuomotor policy: ``train_visuomotor(config)`` writes RUN_DIR/{best,last}/ checkpoints,
``metrics.jsonl``, ``tb/`` (TensorBoard), ``config.json`` and ``summary.json``.

Episodes are split into train and validation sets by episode; proprioception statistics come from the
training frames. best/ is the save point of lowest validation loss (masked L1 over the chunk). A run killed
part-way resumes from last/ and ``train_state.safetensors`` (optimizer moments, step, sampler state) when
started again with the same config: no pickle is read back.
"""

from __future__ import annotations

import dataclasses
import json
import math
import time
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from policies.checkpoint import PolicySpec, read_checkpoint, save_checkpoint
from policies.errors import CheckpointError, TrainConfigError
from policies.text import ENCODER_NAME, TextEncoder, shared_encoder
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.data import (
    STATE_KEY,
    ImageDemonstrations,
    concatenate_demonstrations,
    load_image_demonstrations,
)
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.object_memory import ObjectMemory
from policies.visuomotor.policy import ADAPTER, ARCHITECTURE
from sim.dataset.env_spec import ACTION_NAMES

TRAIN_STATE = "train_state.safetensors"


def _shift(x: torch.Tensor, s: int, dx: torch.Tensor, dy: torch.Tensor) -> torch.Tensor:
    """(n, c, H, W) images, each padded by ``s`` (edge replicate) and cropped back at offset (dx, dy)."""
    _, c, h, w = x.shape
    padded = nn.functional.pad(x, (s, s, s, s), mode="replicate")
    rows = (dy[:, None] + torch.arange(h)[None, :])[:, None, :, None].expand(-1, c, -1, w + 2 * s)
    x = padded.gather(2, rows)
    cols = (dx[:, None] + torch.arange(w)[None, :])[:, None, None, :].expand(-1, c, h, -1)
    return x.gather(3, cols)


class ImageAugmentation(Protocol):
    """The settings ``augment`` reads (a VisuomotorConfig, or the object-head pretraining's config)."""

    @property
    def cameras(self) -> tuple[str, ...]: ...
    @property
    def depth(self) -> tuple[str, ...]: ...
    @property
    def shift_pixels(self) -> int: ...
    @property
    def colour_jitter(self) -> float: ...


def augment(images: torch.Tensor, config: ImageAugmentation, gen: torch.Generator) -> torch.Tensor:
    """(B, cams, 3, H, W) uint8 -> float in [0, 1], each image shifted and colour-jittered on its own."""
    return augment_with_depth(images, None, config, gen)[0]


def augment_with_depth(images: torch.Tensor, depth: torch.Tensor | None, config: ImageAugmentation,
                       gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor | None]:
    """``augment``, and depth (B, len(config.depth), H, W) millimetres shifted as its camera's image (no colour
    change): the same random draws as ``augment`` for the images."""
    b, cams, c, h, w = images.shape
    x = images.reshape(b * cams, c, h, w).float() / 255.0
    if config.shift_pixels:
        s = config.shift_pixels
        dx = torch.randint(0, 2 * s + 1, (b * cams,), generator=gen)
        dy = torch.randint(0, 2 * s + 1, (b * cams,), generator=gen)
        x = _shift(x, s, dx, dy)
        if depth is not None and depth.shape[1]:
            which = torch.tensor([config.cameras.index(cam) for cam in config.depth])
            ddx, ddy = dx.reshape(b, cams)[:, which].reshape(-1), dy.reshape(b, cams)[:, which].reshape(-1)
            nd = depth.shape[1]
            depth = _shift(depth.float().reshape(b * nd, 1, h, w), s, ddx, ddy).reshape(b, nd, h, w)
    j = config.colour_jitter
    if j:
        n = b * cams

        def draw(shape: tuple[int, ...], span: float) -> torch.Tensor:
            return 1.0 + span * (2.0 * torch.rand(shape, generator=gen) - 1.0)

        mean = x.mean(dim=(1, 2, 3), keepdim=True)
        x = (x - mean) * draw((n, 1, 1, 1), j) + mean
        x = x * draw((n, 1, 1, 1), j) * draw((n, c, 1, 1), j / 2)
        x = x.clamp(0.0, 1.0)
    return x.reshape(b, cams, c, h, w), depth


def masked_l1(pred: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    err = (pred - target).abs().mean(dim=-1) * mask
    return err.sum() / mask.sum().clamp(min=1.0)


def depth_statistics(depth: np.ndarray, clip_mm: float) -> tuple[float, float]:
    """Mean and std (mm) of clipped depth over (N, cameras, H, W) training frames; (0, 1) without depth."""
    if depth.size == 0:
        return 0.0, 1.0
    total, square, count = 0.0, 0.0, 0
    for start in range(0, len(depth), 1024):  # float64 in slices: a full copy of 10k frames would be ~GBs
        d = np.minimum(depth[start:start + 1024], clip_mm).astype(np.float64)
        total, square, count = total + d.sum(), square + (d * d).sum(), count + d.size
    mean = total / count
    return float(mean), float(max(np.sqrt(max(square / count - mean * mean, 0.0)), 1.0))


OBJECT_STD_FLOOR_M = 0.01
"""Coordinates that barely vary (a cube's resting height) are normalised by at least 1 cm, not blown up."""


def _network(config: VisuomotorConfig, demos: ImageDemonstrations, text_dim: int, train_idx: np.ndarray,
             proprio_mean: np.ndarray, proprio_std: np.ndarray) -> tuple[VisuomotorACT, dict]:
    depth_mean, depth_std = depth_statistics(demos.depth[train_idx], config.depth_clip_mm)
    params = {"cameras": len(config.cameras), "channels": 3, "proprio_dim": demos.proprio.shape[1],
              "text_dim": text_dim, "out_dim": demos.chunks.shape[2], "chunk": config.chunk, "width": config.width,
              "grid": config.grid, "layers": config.layers, "heads": config.heads}
    if config.depth:
        params.update(depth_cameras=[config.cameras.index(c) for c in config.depth],
                      depth_clip_mm=float(config.depth_clip_mm), depth_mean_mm=depth_mean, depth_std_mm=depth_std)
    # Keys only when not the default, so an older checkpoint's arch_params still match (init_from, resume).
    if config.pool != "avg":
        params["pool"] = config.pool
    if config.object_loss:
        targets = demos.objects[train_idx]
        params.update(objects=len(demos.object_names), object_token=config.object_token,
                      object_names=list(demos.object_names), object_mean=targets.mean(axis=0).tolist(),
                      object_std=np.maximum(targets.std(axis=0), OBJECT_STD_FLOOR_M).tolist())
    if not config.decoder_images:
        params["decoder_images"] = False
    if config.relative_token:  # where the TCP's x, y, z sit in the proprioception the network reads
        names = list(demos.state_names)
        at = names.index("ee.x") if "ee.x" in names else -1
        if at < 0 or names[at:at + 3] != ["ee.x", "ee.y", "ee.z"]:
            raise TrainConfigError(f"relative_token: the dataset's {STATE_KEY} names no ee.x, ee.y, ee.z")
        params.update(ee_index=at, ee_mean=proprio_mean[at:at + 3].tolist(), ee_std=proprio_std[at:at + 3].tolist())
    if config.held_at_tcp:  # where the finger opening sits in the proprioception the network reads
        names = list(demos.state_names)
        if "gripper.opening" not in names:
            raise TrainConfigError(f"held_at_tcp: the dataset's {STATE_KEY} names no gripper.opening")
        at = names.index("gripper.opening")
        params.update(gripper_index=at, gripper_mean=float(proprio_mean[at]), gripper_std=float(proprio_std[at]),
                      held_opening=list(config.held_opening))
    if config.init_encoder is None:
        return VisuomotorACT(**params), params
    from policies.visuomotor.pretrain import load_pretrained_encoder

    pre, weights = load_pretrained_encoder(config.init_encoder)
    mine: dict[str, Any] = {"cameras": list(config.cameras), "image_size": [int(s) for s in demos.images.shape[-2:]],
                            "width": config.width, "grid": config.grid, "pool": config.pool, "text_dim": text_dim,
                            "robot": demos.robot, "text_encoder": ENCODER_NAME,
                            **({"object_names": list(demos.object_names)} if config.object_loss else {})}
    theirs: dict[str, Any] = {"cameras": pre.observation.get("cameras"),
                              "image_size": pre.observation.get("image_size"),
                              "text_dim": pre.observation.get("text_dim"), "robot": pre.robot,
                              "text_encoder": pre.observation.get("text_encoder"),
                              "pool": pre.arch_params.get("pool", "avg"),
                              **{k: pre.arch_params.get(k) for k in ("width", "grid", "object_names") if k in mine}}
    if mine != theirs:
        diff = {k: (theirs[k], mine[k]) for k in mine if mine[k] != theirs[k]}
        raise TrainConfigError(f"init_encoder {config.init_encoder}: pretrained for another network "
                               f"(pretrained, this run): {diff}")
    if config.object_loss:  # the head's outputs are in the pretraining's normalisation
        params.update(object_mean=pre.arch_params["object_mean"], object_std=pre.arch_params["object_std"])
        # A heatmap head (policies.visuomotor.heatmap) comes with its camera and that camera's calibration.
        params.update({k: pre.arch_params[k] for k in ("object_head", "calibration", "heatmap_camera",
                                                        "heatmap_width") if k in pre.arch_params})
    else:
        weights = {k: v for k, v in weights.items() if not k.startswith("objects.")}
    if (config.object_memory or config.hard_choice) and params.get("object_head") != "heatmap":
        raise TrainConfigError(f"object_memory and hard_choice need a heatmap head; init_encoder "
                               f"{config.init_encoder} has object_head {params.get('object_head', 'mlp')!r}")
    net = VisuomotorACT(**params)
    try:
        unexpected = net.load_state_dict(weights, strict=False).unexpected_keys
    except RuntimeError as exc:  # a shape that differs
        raise TrainConfigError(f"init_encoder {config.init_encoder}: weights do not fit ({exc})") from exc
    if unexpected:
        raise TrainConfigError(f"init_encoder {config.init_encoder}: weights {sorted(unexpected)[:3]} do not fit")
    return net, params


def memory_points(net: VisuomotorACT, demos: ImageDemonstrations, images: torch.Tensor, depth: torch.Tensor,
                  config: VisuomotorConfig) -> torch.Tensor:
    """(N, K, 3) per frame the heatmap channels an ``ObjectMemory`` serves along its own episode (frames in order,
    the TCP from the frame's proprioception): what the policy acts on with ``object_memory`` (session 16: the head
    drifts 1.5-3.5 cm toward the front camera as the hand comes down; a decoder trained on the drifting positions
    stops short when served the remembered ones). The head is frozen (``freeze_encoder``), so it is read once, on
    the frames as recorded."""
    seen = []
    with torch.inference_mode():
        for i in range(0, len(images), 256):
            seen.append(net.heatmap_points(images[i:i + 256], depth[i:i + 256]))
    raw = torch.cat(seen).numpy()
    tcp = demos.proprio[:, net.ee_index:net.ee_index + 3]
    out = np.empty_like(raw)
    for episode in np.unique(demos.episode_of_frame):
        memory = ObjectMemory(config.memory_height_m, config.memory_radius_m)
        for frame in np.flatnonzero(demos.episode_of_frame == episode):
            out[frame] = memory.update(raw[frame], tcp[frame])
    return torch.from_numpy(out.astype(np.float32))


def freeze_pretrained(net: VisuomotorACT) -> list[nn.Parameter]:
    """Fix the weights an init_encoder gave (encoders, FiLM, object head); the parameters left to train."""
    from policies.visuomotor.pretrain import PRETRAINED_PREFIXES

    for name, p in net.named_parameters():
        p.requires_grad_(not name.startswith(PRETRAINED_PREFIXES))
    return [p for p in net.parameters() if p.requires_grad]


def object_error_cm(pred: torch.Tensor, target: torch.Tensor, net: VisuomotorACT) -> torch.Tensor:
    """(B, k) normalised predictions against (B, k) targets in metres -> (B, k // 3) Euclidean errors in cm of
    each x, y, z triple (the object head's targets are triples: each object, the goal, the instructed object)."""
    mean, std = torch.tensor(net.object_mean), torch.tensor(net.object_std)
    diff = pred * std + mean - target
    return 100.0 * diff.reshape(len(diff), -1, 3).norm(dim=-1)


def _save_train_state(path: Path, opt: torch.optim.Optimizer, step: int, gen: torch.Generator) -> None:
    tensors: dict[str, torch.Tensor] = {"step": torch.tensor([step]), "generator": gen.get_state()}
    params = [p for group in opt.param_groups for p in group["params"]]
    for i, p in enumerate(params):
        for key, value in opt.state.get(p, {}).items():
            tensors[f"opt.{i}.{key}"] = torch.as_tensor(value).detach().clone().reshape(-1).float() if key == "step" \
                else value.detach().contiguous()
    tmp = path.with_suffix(".partial")
    save_file(tensors, str(tmp))
    tmp.replace(path)


def _load_train_state(path: Path, opt: torch.optim.Optimizer, gen: torch.Generator) -> int:
    tensors = load_file(str(path))
    params = [p for group in opt.param_groups for p in group["params"]]
    for i, p in enumerate(params):
        if f"opt.{i}.exp_avg" in tensors:
            opt.state[p] = {"step": tensors[f"opt.{i}.step"].reshape(()).float(),
                            "exp_avg": tensors[f"opt.{i}.exp_avg"], "exp_avg_sq": tensors[f"opt.{i}.exp_avg_sq"]}
    gen.set_state(tensors["generator"])
    return int(tensors["step"][0])


def _read_init(path: Path) -> tuple[PolicySpec, nn.Module]:
    try:
        return read_checkpoint(path)
    except (OSError, ValueError, CheckpointError) as exc:
        raise TrainConfigError(f"init_from {path}: not a readable checkpoint ({exc})") from exc


def _normalisation_of(path: Path, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """The proprioception mean and std a checkpoint's weights were trained in (fine-tuning keeps them)."""
    spec, _ = _read_init(path)
    mean, std = (np.asarray(spec.normalization.get(k, ()), np.float64) for k in ("mean", "std"))
    if mean.shape != (dim,) or std.shape != (dim,):
        raise TrainConfigError(f"init_from {path}: its normalisation has {mean.size} proprioception values; this "
                               f"run reads {dim}")
    return mean, std


def _initialise_from(net: VisuomotorACT, arch: dict, path: Path, trainable: list[nn.Parameter],
                     encoder_record: dict[str, Any]) -> None:
    """Copy a checkpoint's weights into ``net``, refusing one of another architecture, or one trained from another
    init_encoder than this run's frozen one, in one line; only ``trainable`` stays trainable."""
    spec, trained = _read_init(path)
    if spec.architecture != ARCHITECTURE or json.loads(json.dumps(arch)) != spec.arch_params:
        raise TrainConfigError(f"init_from {path}: a {spec.architecture} with {spec.arch_params}; this run builds "
                               f"{ARCHITECTURE} with {json.loads(json.dumps(arch))}")
    if encoder_record:
        started = (spec.training.get("init_encoder") or {}).get("weights_sha256")
        if started != encoder_record.get("weights_sha256"):
            raise TrainConfigError(f"init_from {path}: trained from init_encoder weights {str(started)[:12]}, not "
                                   f"this run's {str(encoder_record.get('weights_sha256'))[:12]}")
    net.load_state_dict(trained.state_dict())
    for p in net.parameters():
        p.requires_grad_(False)
    for p in trainable:
        p.requires_grad_(True)


def drop_proprio(proprio: torch.Tensor, rate: float, gen: torch.Generator) -> torch.Tensor:
    """(B, D) normalised proprioception with each row zeroed (the training mean) with probability ``rate``."""
    if not rate:
        return proprio
    keep = torch.rand((len(proprio), 1), generator=gen) >= rate
    return proprio * keep


def optimizer_step(loss: torch.Tensor, opt: torch.optim.Optimizer, sched: torch.optim.lr_scheduler.LRScheduler,
                   params: list[nn.Parameter]) -> None:
    """One AdamW step on ``loss`` with the gradient norm clipped at 10, then one scheduler step; a loss that is not
    finite (the run diverged) ends the run in a one-line TrainConfigError before it can reach the weights."""
    if not bool(torch.isfinite(loss.detach()).all()):
        raise TrainConfigError(f"training diverged: the loss is {float(loss.detach())} at step {sched.last_epoch + 1}; "
                               "lower lr (or look for non-finite values in the data)")
    opt.zero_grad(set_to_none=True)
    loss.backward()
    nn.utils.clip_grad_norm_(params, 10.0)
    opt.step()
    sched.step()


def prepare_run(folder: str, seed: int, threads: int) -> Path:
    """The run folder (created), torch seeded and limited to ``threads``."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrainConfigError(f"out {out}: cannot create the run folder ({exc.strerror or exc})") from exc
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    return out


def train_visuomotor(config: VisuomotorConfig, *, progress: bool = True,
                     encoder: TextEncoder | None = None) -> dict[str, Any]:
    """Train (or resume), keep best/ and last/, optionally evaluate last/ in simulation; returns the summary."""
    from torch.utils.tensorboard import SummaryWriter
    from tqdm import tqdm

    out = prepare_run(config.out, config.seed, config.threads)
    rng = np.random.default_rng(config.seed)
    config_doc = dataclasses.asdict(config)
    start = time.perf_counter()
    demos = concatenate_demonstrations([
        load_image_demonstrations(root, config.cameras, config.chunk, config.max_episodes if k == 0 else None,
                                  config.verify_data, config.depth, config.proprio, config.object_loss > 0,
                                  config.success_tail)
        for k, root in enumerate((config.data, *config.extra_data))])
    enc = encoder if encoder is not None else shared_encoder()
    text_table = torch.from_numpy(enc.encode(list(demos.texts)))
    n_eps = int(demos.episode_of_frame.max()) + 1
    order = rng.permutation(n_eps)
    n_val = max(1, round(config.val_fraction * n_eps)) if config.val_fraction > 0 else 0
    is_val = np.isin(demos.episode_of_frame, order[:n_val])
    train_idx, val_idx = np.flatnonzero(~is_val), np.flatnonzero(is_val)
    mean = demos.proprio[train_idx].mean(axis=0)
    std = np.maximum(demos.proprio[train_idx].std(axis=0), 1e-3)
    if config.init_from is not None:  # fine-tuning: the weights read the proprioception in their own normalisation
        mean, std = _normalisation_of(Path(config.init_from), len(mean))
    images, depth = torch.from_numpy(demos.images), torch.from_numpy(demos.depth.astype(np.int32))
    proprio = torch.from_numpy(((demos.proprio - mean) / std).astype(np.float32))
    chunks, mask = torch.from_numpy(demos.chunks), torch.from_numpy(demos.mask)
    ti = torch.from_numpy(demos.text_index)
    net, arch = _network(config, demos, text_table.shape[1], train_idx, mean, std)
    targets = torch.from_numpy(demos.objects)
    if config.object_loss:
        obj_mean, obj_std = torch.tensor(net.object_mean), torch.tensor(net.object_std)
        normalised_targets = (targets - obj_mean) / obj_std
    trainable = freeze_pretrained(net) if config.freeze_encoder else list(net.parameters())
    opt = torch.optim.AdamW(trainable, lr=config.lr, weight_decay=config.weight_decay)
    gen = torch.Generator().manual_seed(config.seed)
    h, w = demos.images.shape[-2:]
    encoder_record: dict[str, Any] = {}
    if config.init_encoder is not None:  # what started the encoder, in policy.json
        pre_doc = json.loads((Path(config.init_encoder) / "policy.json").read_text())
        encoder_record = {"path": str(Path(config.init_encoder).resolve()),
                          "weights_sha256": pre_doc["weights_sha256"], "frozen": config.freeze_encoder,
                          "data": pre_doc.get("data"), "metrics": pre_doc["training"].get("metrics")}

    def spec(metrics: dict[str, Any]) -> PolicySpec:
        return PolicySpec(
            architecture=ARCHITECTURE, arch_params=arch,
            observation={"adapter": ADAPTER, "cameras": list(config.cameras), "depth": list(config.depth),
                         "image_size": [int(h), int(w)],
                         "proprio": list(config.proprio), "state_names": list(demos.state_names),
                         "text_encoder": "sentence-transformers/all-MiniLM-L6-v2", "text_dim": int(text_table.shape[1]),
                         "privileged": []},
            action={"dim": int(demos.chunks.shape[2]), "names": list(ACTION_NAMES),
                    "low": -1.0, "high": 1.0, "chunk": config.chunk, "execution": config.execution,
                    "execute_steps": config.execute_steps, "ensemble_decay": config.ensemble_decay,
                    **({"hard_choice": True} if config.hard_choice else {}),
                    **({"object_memory": {"height_m": config.memory_height_m, "radius_m": config.memory_radius_m}}
                       if config.object_memory else {})},
            normalization={"mean": mean.tolist(), "std": std.tolist()},
            robot=demos.robot, control_hz=float(demos.fps),
            data={"datasets": [demos.source], "content_sha256": demos.source["content_sha256"], "episodes": n_eps,
                  "frames": len(demos.proprio), "seeds": list(demos.seeds)},
            training={"algorithm": "visuomotor_act", "config": config_doc, "metrics": metrics,
                      **({"init_encoder": encoder_record} if encoder_record else {})})

    step, best_val = 0, math.inf
    state_path = out / TRAIN_STATE
    saved_config = out / "config.json"
    if state_path.is_file() and (out / "last").is_dir():
        previous = json.loads(saved_config.read_text()) if saved_config.is_file() else None
        if previous is not None:  # a run saved before a setting existed ran with its default
            defaults = {f.name: f.default for f in dataclasses.fields(config) if f.default is not dataclasses.MISSING}
            previous = {**json.loads(json.dumps(defaults)), **previous}
        if previous is not None and {**previous, "steps": None} != {**json.loads(json.dumps(config_doc)),
                                                                    "steps": None}:
            raise TrainConfigError(f"{out}: holds a run with another config; resume needs the same settings "
                                   "(only steps may change), or choose a new --out")
        last_spec, trained = read_checkpoint(out / "last")
        # The head's outputs are in the encoder's normalisation, taken from init_encoder again on resume: a folder
        # re-pretrained since would put another normalisation under the trained head (REV session 8, G4).
        started = (last_spec.training.get("init_encoder") or {}).get("weights_sha256")
        if started != encoder_record.get("weights_sha256"):
            raise TrainConfigError(f"{out}: started from init_encoder weights {str(started)[:12]}, but "
                                   f"{config.init_encoder} now holds {str(encoder_record.get('weights_sha256'))[:12]}; "
                                   "resume from the same encoder, or choose a new --out")
        net.load_state_dict(trained.state_dict())
        for p in trainable:
            p.requires_grad_(True)
        step = _load_train_state(state_path, opt, gen)
        if (out / "best").is_dir():
            best_val = float(json.loads((out / "best" / "policy.json").read_text())["training"]["metrics"]
                             .get("val_loss", math.inf))
    elif config.init_from is not None:
        _initialise_from(net, arch, Path(config.init_from), trainable, encoder_record)
    saved_config.write_text(json.dumps(config_doc, indent=2) + "\n")
    for group in opt.param_groups:
        group.setdefault("initial_lr", config.lr)
    # Warm-up then cosine; a resumed run starts the schedule at its step.
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * 0.5 * (1 + math.cos(math.pi * min(s, config.steps) / config.steps)),
        last_epoch=step - 1)
    writer = SummaryWriter(str(out / "tb"))
    val_sample = val_idx if len(val_idx) <= 512 else val_idx[np.linspace(0, len(val_idx) - 1, 512).astype(int)]

    def validate() -> tuple[float, float]:
        """Validation action loss, and the object head's mean error in cm (nan without the head)."""
        if len(val_sample) == 0:
            return float("nan"), float("nan")
        net.eval()
        losses, errors = [], []
        with torch.inference_mode():
            t = torch.from_numpy(val_sample)
            for i in range(0, len(t), 128):
                b = t[i:i + 128]
                pred, objects = net.forward_with_objects(images[b], proprio[b], text_table[ti[b]], depth[b],
                                                         None if points is None else points[b], config.hard_choice)
                losses.append(masked_l1(pred, chunks[b], mask[b]))
                if objects is not None:
                    errors.append(object_error_cm(objects, targets[b], net).mean())
        net.train()
        return float(torch.stack(losses).mean()), float(torch.stack(errors).mean()) if errors else float("nan")

    points = memory_points(net, demos, images, depth, config) if config.object_memory else None

    running, count, row = 0.0, 0, {}
    bar = tqdm(total=config.steps, initial=step, desc="visuomotor", unit="step", disable=not progress,
               dynamic_ncols=True)
    net.train()
    while step < config.steps:
        idx = torch.from_numpy(train_idx)[torch.randint(0, len(train_idx), (config.batch_size,), generator=gen)]
        x, d = augment_with_depth(images[idx], depth[idx], config, gen)
        pred, objects = net.forward_with_objects(x, drop_proprio(proprio[idx], config.proprio_dropout, gen),
                                                 text_table[ti[idx]], d, None if points is None else points[idx],
                                                 config.hard_choice)
        action_loss = masked_l1(pred, chunks[idx], mask[idx])
        loss = action_loss
        if objects is not None:
            loss = action_loss + config.object_loss * nn.functional.smooth_l1_loss(objects, normalised_targets[idx],
                                                                            beta=0.1)
        optimizer_step(loss, opt, sched, trainable)
        step += 1
        bar.update(1)
        running, count = running + float(action_loss.detach()), count + 1  # comparable with val_loss
        if step % config.log_every == 0 or step == config.steps:
            v_loss, v_object = validate()
            row = {"step": step, "train_loss": running / count, "val_loss": v_loss,
                   "lr": sched.get_last_lr()[0], "seconds": round(time.perf_counter() - start, 1)}
            if config.object_loss:
                row["val_object_cm"] = v_object
                writer.add_scalar("objects/val_cm", v_object, step)
            running, count = 0.0, 0
            writer.add_scalar("loss/train", row["train_loss"], step)
            writer.add_scalar("loss/val", row["val_loss"], step)
            writer.add_scalar("lr", row["lr"], step)
            with open(out / "metrics.jsonl", "a") as f:
                f.write(json.dumps(row) + "\n")
            bar.set_postfix(train=f"{row['train_loss']:.4f}", val=f"{row['val_loss']:.4f}")
        if step % config.save_every == 0 or step == config.steps:
            metrics = row or {"step": step}
            if metrics.get("val_loss", math.inf) < best_val:
                best_val = float(metrics["val_loss"])
                save_checkpoint(out / "best", net, spec(metrics))
            save_checkpoint(out / "last", net, spec(metrics))
            _save_train_state(state_path, opt, step, gen)
    bar.close()
    writer.close()
    summary: dict[str, Any] = {"run_dir": str(out), "steps": step, "episodes": n_eps,
                               "train_frames": len(train_idx), "val_frames": len(val_idx), "last": row,
                               "best_val_loss": best_val, "seconds": round(time.perf_counter() - start, 1)}
    if config.eval_episodes:
        from policies.evaluate import evaluate_policy
        from policies.visuomotor.policy import VisuomotorPolicy

        spec_last, net_last = read_checkpoint(out / "last")
        report = evaluate_policy(VisuomotorPolicy(spec_last, net_last, encoder=enc), env_id=config.eval_env,
                                 robot=demos.robot, episodes=config.eval_episodes,
                                 randomization=config.randomization, exclude_seeds=demos.seeds, progress=progress)
        summary["eval"] = {"success_rate": report["success_rate"], "ci95": report["ci95"],
                           "tasks": {t: r["success_rate"] for t, r in report["tasks"].items()}}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary
