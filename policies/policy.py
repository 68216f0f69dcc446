"""Loaded policies: ``policies.load(path)`` -> an object with ``act(obs) -> action`` and ``reset()``.

``act`` takes the env observation dict, single (``joint_pos`` of shape (n,)) or batched ((B, n),
``instruction`` a list), and returns the env action ((5,) or (B, 5), float32 in [-1, 1]). It is
deterministic. Which class serves a checkpoint is named by its ``observation["adapter"]`` in an
explicit table, imported lazily.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import torch
from torch import nn

from policies.checkpoint import PolicySpec, read_checkpoint
from policies.errors import CheckpointError, PolicyError
from policies.observation import ObservationLayout, features, referenced_object, split_env_observation
from policies.text import TextEncoder, shared_encoder


class Policy(Protocol):
    spec: PolicySpec

    def act(self, obs: dict[str, Any]) -> np.ndarray: ...

    def reset(self) -> None: ...

    def __call__(self, obs: dict[str, Any]) -> np.ndarray: ...


class StateTextPolicy:
    """A state-feature network conditioned on the instruction's MiniLM embedding."""

    def __init__(self, spec: PolicySpec, network: nn.Module, encoder: TextEncoder | None = None) -> None:
        self.spec = spec
        self.network = network
        self.layout = ObservationLayout.from_json(spec.observation)
        norm = spec.normalization
        try:
            self.mean = np.asarray(norm["mean"], np.float32)
            self.std = np.asarray(norm["std"], np.float32)
        except KeyError as exc:
            raise CheckpointError(f"policy.json: normalization lacks {exc}") from exc
        if self.mean.shape != (self.layout.feature_dim,) or self.std.shape != self.mean.shape:
            raise CheckpointError(f"policy.json: normalization has {self.mean.shape[0]} values; the observation "
                                  f"layout has {self.layout.feature_dim} features")
        if not (np.isfinite(self.mean).all() and np.isfinite(self.std).all() and (self.std > 0).all()):
            raise CheckpointError("policy.json: normalization statistics must be finite with std > 0")
        self.encoder = encoder
        self._text_cache: dict[str, torch.Tensor] = {}
        self._focus_cache: dict[str, int] = {}
        self._cond_cache: dict[str, Any] = {}
        torch.set_num_threads(1)  # a 0.3M-parameter MLP: threads cost more than they give

    def reset(self) -> None:
        """Stateless network: nothing to clear between episodes (kept for the Policy contract)."""

    def warm(self) -> None:
        """Load the sentence encoder before the first instruction arrives (the bridge's child does, at start-up)."""
        (self.encoder if self.encoder is not None else shared_encoder()).warm()

    def _text(self, instructions: list[str]) -> torch.Tensor:
        rows = []
        for text in instructions:
            vec = self._text_cache.get(text)
            if vec is None:
                enc = self.encoder if self.encoder is not None else shared_encoder()
                vec = torch.from_numpy(enc.encode_one(text))
                self._text_cache[text] = vec
            rows.append(vec)
        return torch.stack(rows)

    def _focus(self, text: str) -> int:
        k = self._focus_cache.get(text)
        if k is None:
            k = self._focus_cache[text] = referenced_object(self.layout, text)
        return k

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        single = np.asarray(obs.get("joint_pos")).ndim == 1
        state, env_state, instructions = split_env_observation(self.layout, obs)
        focus = np.array([self._focus(text) for text in instructions])
        x = torch.from_numpy((features(self.layout, state, env_state, focus) - self.mean) / self.std)
        net: Any = self.network
        with torch.inference_mode():
            if len(set(instructions)) == 1 and hasattr(net, "forward_conditioned"):
                # One instruction (every single-env step): reuse its projection and FiLM terms.
                cond = self._cond_cache.get(instructions[0])
                if cond is None:
                    cond = self._cond_cache[instructions[0]] = net.condition(self._text(instructions[:1]))
                out = net.forward_conditioned(x, cond).numpy()
            else:
                out = net(x, self._text(instructions)).numpy()
        if not np.isfinite(out).all():
            raise PolicyError("the policy produced a non-finite action")
        out = np.clip(out, -1.0, 1.0).astype(np.float32)
        return out[0] if single else out

    __call__ = act


ADAPTERS: dict[str, str] = {
    "state_text_v1": "policies.policy:StateTextPolicy",
    "state_text_v2": "policies.policy:StateTextPolicy",
    "reach_goal_v1": "policies.rl_export:ReachGoalPolicy",
    "object_goal_v1": "policies.rl_export:ObjectGoalPolicy",
    "residual_goal_v1": "policies.rl_export:ResidualGoalPolicy",
    "visuomotor_v1": "policies.visuomotor.policy:VisuomotorPolicy",
}
"""Observation adapter name -> ``module:class`` constructed as ``cls(spec, network)``, plus
``checkpoint_dir=<the checkpoint folder>`` for a class whose constructor takes it (a policy that loads more from
its folder, e.g. the BC base a residual policy carries in ``base/``)."""


def load(path: str | Path, *, robot: str | None = None) -> Policy:
    """The policy in checkpoint directory ``path``; with ``robot``, refuse one trained for another robot."""
    spec, network = read_checkpoint(path)
    if robot is not None and spec.robot != robot:
        raise CheckpointError(f"{path}: the policy was trained for robot {spec.robot!r}, not {robot!r}")
    adapter = str(spec.observation["adapter"])
    if adapter not in ADAPTERS:
        raise CheckpointError(f"{path}: unknown observation adapter {adapter!r}; valid: {', '.join(sorted(ADAPTERS))}")
    module_name, _, cls_name = ADAPTERS[adapter].partition(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    if "checkpoint_dir" in inspect.signature(cls).parameters:
        policy: Policy = cls(spec, network, checkpoint_dir=Path(path))
    else:
        policy = cls(spec, network)
    return policy
