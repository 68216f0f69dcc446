"""Behaviour cloning on an armstack (LeRobot v3.0) dataset: a multi-task, instruction-conditioned state policy.

``train_bc(config)`` writes RUN_DIR/{best,last}/ (checkpoints), ``metrics.jsonl``, ``loss_curve.png``,
``tb/`` (TensorBoard) and ``config.json``. Episodes are split into train and validation sets by episode;
the best checkpoint is the one with the highest success in periodic simulator evaluation (validation
loss breaks ties and stands in when evaluation is off).
"""

from __future__ import annotations

import dataclasses
import hashlib
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

from policies.checkpoint import PolicySpec, save_checkpoint
from policies.errors import TrainConfigError
from policies.networks import ConditionedMLP
from policies.observation import ADAPTER_NAMES, ObservationLayout, features, referenced_object
from policies.spec_limits import FIELD_BOUNDS
from policies.text import TextEncoder, shared_encoder
from sim.config_io import load_config
from sim.dataset.env_spec import ACTION_NAMES
from sim.dataset.layout import ARMSTACK_EPISODES_PATH

_STATE, _ENV, _ACTION = "observation.state", "observation.environment_state", "action"


@dataclass(frozen=True, kw_only=True)
class BCConfig:
    data: str | tuple[str, ...]
    """One dataset folder, or several mixed (same robot and scene; e.g. per-task datasets in chosen shares)."""
    out: str
    seed: int = 0
    epochs: int = 150
    batch_size: int = 512
    lr: float = 1e-3
    weight_decay: float = 1e-4
    hidden: int = 512
    depth: int = 3
    conditioning: str = "film"
    feature_noise: float = 0.05
    """Std of Gaussian noise added to normalised features while training (robustness to drift)."""
    val_fraction: float = 0.1
    max_episodes: int | None = None
    eval_every: int = 25
    """Epochs between simulator evaluations (0: none; the best checkpoint then minimises validation loss)."""
    eval_episodes: int = 20
    eval_env: str = "armstack/Tabletop-v0"
    randomization: str = "default"
    threads: int = 2
    deterministic: bool = True
    """Bit-identical weights for identical commands (torch's deterministic kernels); False trades that for speed
    and is recorded in policy.json's training config like every field here (docs/measured_defaults.md)."""
    adapter: str = "state_text_v2"
    """How observations become inputs (policies.observation.ADAPTER_NAMES); v1 is kept for old checkpoints."""
    verify_data: bool = True
    """Check each dataset file's SHA-256 against the dataset's manifest when it is first read (a corrupt file
    stops training, naming the file). False (``--trust-data``) is for trusted local data, or a dataset without
    an armstack manifest. The check costs little against an epoch (docs/measured_defaults.md)."""

    @property
    def datasets(self) -> tuple[str, ...]:
        return (self.data,) if isinstance(self.data, str) else tuple(self.data)

    def __post_init__(self) -> None:
        if not self.datasets or not all(isinstance(d, str) and d for d in self.datasets):
            raise TrainConfigError(f"data must name one dataset folder or a list of them, got {self.data!r}")
        if self.epochs < 1 or self.batch_size < 1 or self.hidden < 1 or self.depth < 1:
            raise TrainConfigError("epochs, batch_size, hidden and depth must be >= 1")
        if not (0.0 <= self.val_fraction < 0.5):
            raise TrainConfigError(f"val_fraction must be in [0, 0.5), got {self.val_fraction}")
        if self.conditioning not in ("film", "concat"):
            raise TrainConfigError(f"conditioning {self.conditioning!r}; valid: film, concat")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise TrainConfigError(f"lr must be a positive number, got {self.lr}")
        if self.adapter not in ADAPTER_NAMES:
            raise TrainConfigError(f"adapter {self.adapter!r}; valid: {', '.join(ADAPTER_NAMES)}")
        for name in ("hidden", "depth"):  # what the checkpoint will hold must load again (policies.spec_limits)
            bound = FIELD_BOUNDS[f"arch_params.{name}"]
            if not bound.low <= getattr(self, name) <= bound.high:
                raise TrainConfigError(f"{name} must be between {bound.low:g} and {bound.high:g}, "
                                       f"got {getattr(self, name)}")
        if self.max_episodes is not None and self.max_episodes < 1:
            raise TrainConfigError(f"max_episodes must be >= 1 (or unset for all), got {self.max_episodes}")
        if self.eval_every < 0 or self.eval_episodes < 1:
            raise TrainConfigError("eval_every must be >= 0 and eval_episodes >= 1")


def load_bc_config(path: str | Path | None, **overrides: Any) -> BCConfig:
    """A BCConfig from a YAML file (unknown keys rejected) with command-line overrides (None: unset) on top."""
    return load_config(BCConfig, path, {k: v for k, v in overrides.items() if v is not None},
                       where=str(path or "bc config"), check_types=True, error=TrainConfigError)


@dataclass(frozen=True)
class Demonstrations:
    """All frames in memory: features, instruction index per frame, actions, episode boundaries."""

    layout: ObservationLayout
    x: np.ndarray
    text_index: np.ndarray
    texts: tuple[str, ...]
    actions: np.ndarray
    episode_of_frame: np.ndarray
    episode_meta: tuple[dict[str, Any], ...]
    fps: int
    sources: tuple[dict[str, Any], ...]
    """Per dataset: root, manifest_sha256 and content_sha256 (None without a manifest), episodes used."""

    @property
    def manifest_sha256(self) -> str | None:
        """The manifest hash of its one dataset, or a hash over several (changes with timings and config)."""
        return self._combined("manifest_sha256")

    @property
    def content_sha256(self) -> str | None:
        """The training data's identity: what the datasets hold, not how or how fast they were made."""
        return self._combined("content_sha256")

    def _combined(self, key: str) -> str | None:
        digests = [s.get(key) for s in self.sources]
        if any(d is None for d in digests):
            return None
        if len(digests) == 1:
            return str(digests[0])
        return hashlib.sha256("\n".join(str(d) for d in digests).encode()).hexdigest()


def load_demonstrations(roots: str | Path | Sequence[str | Path], max_episodes: int | None = None,
                        adapter: str = "state_text_v2", verify: bool = True) -> Demonstrations:
    """Every frame of the datasets at ``roots``, in order, up to ``max_episodes`` episodes in all; ``verify``
    checks every file read against its dataset's manifest (SHA-256)."""
    paths = [Path(roots)] if isinstance(roots, (str, Path)) else [Path(r) for r in roots]
    parts: list[Demonstrations] = []
    left = max_episodes
    for root in paths:
        if left is not None and left <= 0:
            break
        part = _load_one(root, left, adapter, verify)
        if parts and part.layout != parts[0].layout:
            raise TrainConfigError(f"{root}: its observation layout {part.layout.to_json()} differs from that of "
                                   f"{paths[0]} ({parts[0].layout.to_json()}); mixed datasets need the same robot "
                                   "and scene")
        if parts and part.fps != parts[0].fps:
            raise TrainConfigError(f"{root}: {part.fps} fps, but {paths[0]} has {parts[0].fps}")
        parts.append(part)
        left = None if left is None else left - len(part.episode_meta)
    if len(parts) == 1:
        return parts[0]
    texts = tuple(dict.fromkeys(t for p in parts for t in p.texts))
    index = {t: i for i, t in enumerate(texts)}
    offsets = np.cumsum([0] + [len(p.episode_meta) for p in parts])
    return Demonstrations(
        layout=parts[0].layout, x=np.concatenate([p.x for p in parts]),
        text_index=np.concatenate([np.array([index[p.texts[i]] for i in p.text_index]) for p in parts]),
        texts=texts, actions=np.concatenate([p.actions for p in parts]),
        episode_of_frame=np.concatenate([p.episode_of_frame + off for p, off in zip(parts, offsets, strict=False)]),
        episode_meta=tuple(m for p in parts for m in p.episode_meta), fps=parts[0].fps,
        sources=tuple(s for p in parts for s in p.sources))


def _load_one(root: Path, max_episodes: int | None, adapter: str, verify: bool) -> Demonstrations:
    from sim.dataset import DatasetReader

    with DatasetReader(root, verify=verify) as reader:
        n = reader.num_episodes if max_episodes is None else min(max_episodes, reader.num_episodes)
        for key in (_STATE, _ENV, _ACTION):
            if key not in reader.features:
                raise TrainConfigError(f"{root}: dataset lacks feature {key!r}; BC needs an armstack state dataset")
        state_names = reader.features[_STATE]["names"]
        env_names = reader.features[_ENV]["names"]
        arm = tuple(s.removesuffix(".pos") for s in state_names if s.endswith(".pos"))
        objects = tuple(dict.fromkeys(s.split(".")[0] for s in env_names if not s.startswith("goal.")))
        layout = ObservationLayout(robot=str(reader.info.get("robot_type")), arm_joints=arm, objects=objects,
                                   adapter=adapter)
        xs, acts, texts, eps = [], [], [], []
        for k in range(n):
            ep = reader.episode(k, [_STATE, _ENV, _ACTION])
            focus = np.full(len(ep[_ACTION]), referenced_object(layout, ep["task"]))
            xs.append(features(layout, ep[_STATE], ep[_ENV], focus))
            acts.append(np.asarray(ep[_ACTION], np.float32))
            texts.extend([ep["task"]] * len(acts[-1]))
            eps.append(np.full(len(acts[-1]), k))
        fps = reader.fps
        meta_path = root / ARMSTACK_EPISODES_PATH
        if meta_path.is_file() or reader.hashes.enabled:  # listed in the manifest of every armstack dataset
            reader.checked_file(ARMSTACK_EPISODES_PATH)
    try:
        metas = [json.loads(line) for line in meta_path.read_text().splitlines()] if meta_path.is_file() else []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TrainConfigError(f"{meta_path}: not JSON lines ({exc})") from exc
    metas = (metas + [{}] * n)[:n]
    unique = tuple(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(unique)}
    manifest = root / "manifest.json"
    try:
        manifest_data = json.loads(manifest.read_text()) if manifest.is_file() else {}
        digest = manifest_data.get("manifest_sha256")
        content = manifest_data.get("content_sha256")
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError) as exc:
        raise TrainConfigError(f"{manifest}: not a dataset manifest ({exc})") from exc
    return Demonstrations(layout=layout, x=np.concatenate(xs), text_index=np.array([index[t] for t in texts]),
                          texts=unique, actions=np.concatenate(acts), episode_of_frame=np.concatenate(eps),
                          episode_meta=tuple(metas), fps=fps,
                          sources=({"root": str(root.resolve()), "manifest_sha256": digest,
                                    "content_sha256": content, "episodes": n},))


def _plot_curves(history: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(1, 2, figsize=(10, 3.6))
    ep = [h["epoch"] for h in history]
    ax[0].plot(ep, [h["train_loss"] for h in history], label="train")
    ax[0].plot(ep, [h["val_loss"] for h in history], label="validation")
    ax[0].set_yscale("log")
    ax[0].set_xlabel("epoch")
    ax[0].set_ylabel("action MSE")
    ax[0].legend()
    evals = [h for h in history if "success" in h]
    if evals:
        ax[1].plot([h["epoch"] for h in evals], [h["success"] for h in evals], marker="o")
    ax[1].set_ylim(0, 1.02)
    ax[1].set_xlabel("epoch")
    ax[1].set_ylabel("success in sim (held-out seeds)")
    fig.tight_layout()
    tmp = path.with_suffix(".partial.png")
    fig.savefig(tmp, dpi=100)
    plt.close(fig)
    tmp.replace(path)


def train_bc(config: BCConfig, *, progress: bool = True, encoder: TextEncoder | None = None) -> dict[str, Any]:
    """Train, evaluate periodically, keep the best checkpoint; returns the summary (also in summary.json).

    With ``config.deterministic`` (the default) torch runs its deterministic kernels for the run, so the same
    command gives bit-identical weights whatever the thread count; the global setting is restored after."""
    previous = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(config.deterministic)
    try:
        return _train_bc(config, progress=progress, encoder=encoder)
    finally:
        torch.use_deterministic_algorithms(previous)


def _train_bc(config: BCConfig, *, progress: bool, encoder: TextEncoder | None) -> dict[str, Any]:
    from torch.utils.tensorboard import SummaryWriter
    from tqdm import tqdm

    from policies.evaluate import SELECTION_SEED_BASE, evaluate_policy
    from policies.policy import StateTextPolicy

    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    rng = np.random.default_rng(config.seed)
    out = Path(config.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrainConfigError(f"out {out}: cannot create the run folder ({exc.strerror or exc}); "
                               "choose a folder that can be made") from exc
    (out / "config.json").write_text(json.dumps(dataclasses.asdict(config), indent=2) + "\n")
    start = time.perf_counter()
    demos = load_demonstrations(config.datasets, config.max_episodes, config.adapter, config.verify_data)
    n_eps = len(demos.episode_meta)
    if n_eps < 2:
        raise TrainConfigError(f"{', '.join(config.datasets)}: {n_eps} episode(s); BC needs at least 2 "
                               "(train + validation)")
    enc = encoder if encoder is not None else shared_encoder()
    text_table = torch.from_numpy(enc.encode(list(demos.texts)))

    order = rng.permutation(n_eps)
    n_val = max(1, round(config.val_fraction * n_eps)) if config.val_fraction > 0 else 0
    val_eps = set(order[:n_val].tolist())
    is_val = np.isin(demos.episode_of_frame, list(val_eps))
    train_idx, val_idx = np.flatnonzero(~is_val), np.flatnonzero(is_val)
    mean = demos.x[train_idx].mean(axis=0)
    std = np.maximum(demos.x[train_idx].std(axis=0), 1e-3)
    x = torch.from_numpy(((demos.x - mean) / std).astype(np.float32))
    a = torch.from_numpy(demos.actions)
    ti = torch.from_numpy(demos.text_index)

    net = _network(config, demos.layout)
    opt = torch.optim.AdamW(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    steps_per_epoch = max(1, math.ceil(len(train_idx) / config.batch_size))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=config.lr, total_steps=config.epochs * steps_per_epoch,
                                                pct_start=0.05)
    gen = torch.Generator().manual_seed(config.seed)
    writer = SummaryWriter(str(out / "tb"))
    train_seeds = sorted({int(m["seed"]) for m in demos.episode_meta if "seed" in m})

    def spec(metrics: dict[str, Any]) -> PolicySpec:
        return PolicySpec(
            architecture="conditioned_mlp",
            arch_params={"in_dim": demos.layout.feature_dim, "text_dim": demos.layout.text_dim, "out_dim": 5,
                         "hidden": config.hidden, "depth": config.depth, "conditioning": config.conditioning},
            observation=demos.layout.to_json(),
            action={"dim": 5, "names": list(ACTION_NAMES), "low": -1.0, "high": 1.0},
            normalization={"mean": mean.tolist(), "std": std.tolist()},
            robot=demos.layout.robot, control_hz=float(demos.fps),
            data={"datasets": list(demos.sources), "manifest_sha256": demos.manifest_sha256,
                  "content_sha256": demos.content_sha256,
                  "episodes": n_eps, "frames": len(demos.x), "seeds": train_seeds},
            training={"algorithm": "bc", "config": dataclasses.asdict(config), "metrics": metrics})

    history: list[dict[str, Any]] = []
    best_key: tuple[float, float] | None = None
    best: dict[str, Any] = {}
    bar = tqdm(range(1, config.epochs + 1), desc="bc", unit="epoch", disable=not progress, dynamic_ncols=True)
    for epoch in bar:
        net.train()
        perm = train_idx[torch.randperm(len(train_idx), generator=gen).numpy()]
        total = 0.0
        for b in range(0, len(perm), config.batch_size):
            idx = torch.from_numpy(perm[b : b + config.batch_size])
            xb = x[idx]
            if config.feature_noise > 0:
                xb = xb + config.feature_noise * torch.randn(xb.shape, generator=gen)
            loss = nn.functional.mse_loss(net.forward_indexed(xb, text_table, ti[idx]), a[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        row: dict[str, Any] = {"epoch": epoch, "train_loss": total / len(perm), "val_loss": _val_loss(net, x, a, ti,
                                                                                                      text_table,
                                                                                                      val_idx),
                               "seconds": round(time.perf_counter() - start, 1)}
        writer.add_scalar("loss/train", row["train_loss"], epoch)
        writer.add_scalar("loss/val", row["val_loss"], epoch)
        last_epoch = epoch == config.epochs
        if config.eval_every and (epoch % config.eval_every == 0 or last_epoch):
            net.eval()
            policy = StateTextPolicy(spec({}), net, encoder=enc)
            report = evaluate_policy(policy, env_id=config.eval_env, robot=demos.layout.robot,
                                     episodes=config.eval_episodes, randomization=config.randomization,
                                     exclude_seeds=train_seeds, progress=False, seed_base=SELECTION_SEED_BASE)
            row["success"] = report["success_rate"]
            row["success_by_task"] = {t: r["success_rate"] for t, r in report["tasks"].items()}
            writer.add_scalar("eval/success", row["success"], epoch)
            torch.set_num_threads(config.threads)
        history.append(row)
        bar.set_postfix(train=f"{row['train_loss']:.4f}", val=f"{row['val_loss']:.4f}",
                        success=row.get("success", "-"))
        with open(out / "metrics.jsonl", "a") as f:
            f.write(json.dumps(row) + "\n")
        key = (row["success"], -row["val_loss"]) if "success" in row else (
            None if config.eval_every else (0.0, -row["val_loss"]))
        if key is not None and (best_key is None or key > best_key):
            best_key, best = key, dict(row)
            save_checkpoint(out / "best", net, spec(best))
    writer.close()
    _plot_curves(history, out / "loss_curve.png")
    summary = {"run_dir": str(out), "best": best, "epochs": config.epochs, "episodes": n_eps,
               "train_frames": len(train_idx), "val_frames": len(val_idx),
               "seconds": round(time.perf_counter() - start, 1)}
    save_checkpoint(out / "last", net, spec(history[-1]))
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def _network(config: BCConfig, layout: ObservationLayout) -> ConditionedMLP:
    return ConditionedMLP(in_dim=layout.feature_dim, text_dim=layout.text_dim, out_dim=5, hidden=config.hidden,
                          depth=config.depth, conditioning=config.conditioning)


def _val_loss(net: ConditionedMLP, x: torch.Tensor, a: torch.Tensor, ti: torch.Tensor, text: torch.Tensor,
              idx: np.ndarray) -> float:
    if len(idx) == 0:
        return float("nan")
    net.eval()
    with torch.inference_mode():
        t = torch.from_numpy(idx)
        return float(nn.functional.mse_loss(net.forward_indexed(x[t], text, ti[t]), a[t]))
