"""``VisuomotorPolicy``: the loaded image policy, acting from camera images, proprioception and the instruction.

It reads the env observation keys ``<camera>_rgb`` (and ``<camera>_depth`` for the cameras its ``depth`` names),
``joint_pos``, ``joint_vel``, ``ee_pose``, ``gripper`` and
``instruction`` and nothing else: ``object_poses``, ``goal_pos`` and the goal ids may be present (the
observation contract carries them) but never reach the network. ``env_kwargs`` tells an evaluator which
cameras and image size to render.
"""

from __future__ import annotations

from collections import deque
from typing import Any, cast

import numpy as np
import torch
from torch import nn

from policies.checkpoint import PolicySpec
from policies.errors import CheckpointError, PolicyError
from policies.text import TextEncoder, shared_encoder
from policies.visuomotor.data import PROPRIO_KEYS
from policies.visuomotor.heatmap import HeatmapHead
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.object_memory import ObjectMemory

ADAPTER = "visuomotor_v1"
ARCHITECTURE = "visuomotor_act"
READS = (*PROPRIO_KEYS, "instruction")
"""Observation keys read besides the camera images: what a real arm has (a checkpoint's ``observation.proprio``
may read a subset of the proprioception groups)."""


class VisuomotorPolicy:
    """Chunks from a ``VisuomotorACT``; ``execution`` (policy.json ``action``) says how they become actions."""

    def __init__(self, spec: PolicySpec, network: nn.Module, encoder: TextEncoder | None = None) -> None:
        self.spec, self.network, self.encoder = spec, network, encoder
        obs, act = spec.observation, spec.action
        try:
            self.cameras = tuple(str(c) for c in obs["cameras"])
            self.depth = tuple(str(c) for c in obs.get("depth", ()))
            self.image_size = (int(obs["image_size"][0]), int(obs["image_size"][1]))
            self.mean = np.asarray(spec.normalization["mean"], np.float32)
            self.std = np.asarray(spec.normalization["std"], np.float32)
            self.chunk = int(act["chunk"])
            self.execution = str(act["execution"])
            self.execute_steps = int(act.get("execute_steps", 0)) or self.chunk
            self.decay = float(act.get("ensemble_decay", 0.1))
            self.proprio = tuple(str(k) for k in obs.get("proprio", PROPRIO_KEYS))
            self.hard_choice = bool(act.get("hard_choice", False))
            memory = act.get("object_memory")
            self.memory = None if memory is None else ObjectMemory(float(memory["height_m"]),
                                                                   float(memory["radius_m"]))
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise CheckpointError(f"policy.json: malformed visuomotor spec ({exc!r})") from exc
        if not self.proprio or any(k not in PROPRIO_KEYS for k in self.proprio):
            raise CheckpointError(f"policy.json: proprio {list(self.proprio)}; valid groups: {list(PROPRIO_KEYS)}")
        if self.execution not in ("chunk", "ensemble"):
            raise CheckpointError(f"policy.json: execution {self.execution!r}; valid: chunk, ensemble")
        if self.mean.shape != self.std.shape or not (self.std > 0).all() or not np.isfinite(self.mean).all():
            raise CheckpointError("policy.json: proprioception statistics must be finite with std > 0")
        if (self.memory is not None or self.hard_choice) and not isinstance(getattr(network, "objects", None),
                                                                             HeatmapHead):
            raise CheckpointError("policy.json: object_memory and hard_choice need the heatmap object head")
        if self.memory is not None and "ee_pose" not in self.proprio:
            raise CheckpointError("policy.json: object_memory reads the TCP from proprioception (ee_pose)")
        self._text_cache: dict[str, torch.Tensor] = {}
        self._queue: deque[np.ndarray] = deque()
        self._history: deque[tuple[int, np.ndarray]] = deque()
        self._t = 0
        torch.set_num_threads(1)

    @property
    def env_kwargs(self) -> dict[str, Any]:
        """What the env must render for this policy (``gym.make`` keywords)."""
        return {"obs_mode": "rgbd" if self.depth else "rgb", "cameras": self.cameras, "image_size": self.image_size[0]}

    def reset(self) -> None:
        """Forget the chunks of the last episode."""
        self._queue.clear()
        self._history.clear()
        self._t = 0
        if self.memory is not None:
            self.memory.reset()

    def warm(self) -> None:
        """Load the sentence encoder before the first instruction arrives (the bridge's child does, at start-up)."""
        (self.encoder if self.encoder is not None else shared_encoder()).warm()

    def _text(self, text: str) -> torch.Tensor:
        vec = self._text_cache.get(text)
        if vec is None:
            enc = self.encoder if self.encoder is not None else shared_encoder()
            vec = self._text_cache[text] = torch.from_numpy(enc.encode_one(text)).unsqueeze(0)
        return vec

    def inputs(self, obs: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """(images, proprio, text, depth) tensors of batch 1 from one env observation; only ``READS``, the images
        and the depth of the ``depth`` cameras (depth in millimetres as datasets store it)."""
        if np.asarray(obs.get("joint_pos")).ndim != 1:
            raise PolicyError("the visuomotor policy acts on one observation at a time (joint_pos of shape (n,))")
        wanted = (*self.proprio, "instruction", *(f"{c}_rgb" for c in self.cameras),
                  *(f"{c}_depth" for c in self.depth))
        missing = [k for k in wanted if k not in obs]
        if missing:
            mode = self.env_kwargs["obs_mode"]
            raise PolicyError(f"observation lacks {missing}; make the env with obs_mode='{mode}', "
                              f"cameras={list(self.cameras)}, image_size={self.image_size[0]}")
        frames = []
        for cam in self.cameras:
            img = np.asarray(obs[f"{cam}_rgb"])
            if img.shape != (*self.image_size, 3) or img.dtype != np.uint8:
                raise PolicyError(f"{cam}_rgb is {img.dtype} {img.shape}; the policy was trained on uint8 "
                                  f"{(*self.image_size, 3)}")
            frames.append(img.transpose(2, 0, 1))
        proprio = np.concatenate([np.asarray(obs[k], np.float32).reshape(-1) for k in self.proprio])
        if proprio.shape != self.mean.shape or not np.isfinite(proprio).all():
            raise PolicyError(f"proprioception has {proprio.shape[0]} values (finite: {np.isfinite(proprio).all()}); "
                              f"the policy expects {self.mean.shape[0]} finite values")
        depth = []
        if self.depth:
            from sim.dataset.env_spec import depth_millimetres  # the datasets' conversion; loads MuJoCo: only here
        for cam in self.depth:
            d = np.asarray(obs[f"{cam}_depth"])
            if d.shape != (*self.image_size, 1):
                raise PolicyError(f"{cam}_depth is {d.shape}; the policy was trained on {(*self.image_size, 1)}")
            depth.append(depth_millimetres(d).reshape(self.image_size).astype(np.float32))
        h, w = self.image_size
        planes = torch.from_numpy(np.stack(depth)[None]) if depth else torch.zeros((1, 0, h, w))
        images = torch.from_numpy(np.stack(frames)[None])
        return (images, torch.from_numpy(((proprio - self.mean) / self.std)[None]), self._text(str(obs["instruction"])),
                planes)

    def predict_chunk(self, obs: dict[str, Any]) -> np.ndarray:
        """(chunk, action_dim) actions for this observation and the next chunk-1 steps."""
        with torch.inference_mode():
            images, proprio, text, depth = self.inputs(obs)
            points = None
            if self.memory is not None:
                seen = cast(VisuomotorACT, self.network).heatmap_points(images, depth)[0].numpy()
                tcp = np.asarray(obs["ee_pose"], np.float64).reshape(-1)[:3]
                points = torch.from_numpy(self.memory.update(seen, tcp).astype(np.float32)).unsqueeze(0)
            out = self.network(images, proprio, text, depth, points=points, hard_choice=self.hard_choice)[0].numpy()
        if not np.isfinite(out).all():
            raise PolicyError("the policy produced a non-finite action")
        return out

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        if self.execution == "chunk":
            if not self._queue:
                self._queue.extend(self.predict_chunk(obs)[: self.execute_steps])
            action = self._queue.popleft()
        else:
            self._history.append((self._t, self.predict_chunk(obs)))
            while self._t - self._history[0][0] >= self.chunk:
                self._history.popleft()
            # ACT's temporal ensemble: the oldest prediction of this step weighs most.
            preds = np.stack([c[self._t - t0] for t0, c in self._history])
            w = np.exp(-self.decay * np.arange(len(preds)))
            action = (w[:, None] * preds).sum(axis=0) / w.sum()
        self._t += 1
        return np.clip(action, -1.0, 1.0).astype(np.float32)

    __call__ = act
