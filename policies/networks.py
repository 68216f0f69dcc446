"""Policy networks, by name: a checkpoint names its architecture and parameters, never pickled code."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from policies.errors import CheckpointError


class ConditionedMLP(nn.Module):
    """State features + instruction embedding -> action in [-1, 1].

    ``conditioning``: ``concat`` (embedding projected and concatenated to the input, as CALVIN feeds
    MiniLM) or ``film`` (the same, plus zero-initialised FiLM of every hidden layer, as RT-1 does), so a
    freshly built FiLM network starts as the concat one.
    """

    def __init__(self, *, in_dim: int, text_dim: int, out_dim: int, hidden: int = 512, depth: int = 3,
                 text_proj: int = 64, conditioning: str = "concat") -> None:
        super().__init__()
        if conditioning not in ("concat", "film"):
            raise CheckpointError(f"unknown conditioning {conditioning!r}; valid: concat, film")
        if depth < 1 or hidden < 1:
            raise CheckpointError(f"depth and hidden must be >= 1, got {depth}, {hidden}")
        self.conditioning = conditioning
        self.text_proj = nn.Linear(text_dim, text_proj)
        dims = [in_dim + text_proj] + [hidden] * depth
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in itertools.pairwise(dims))
        self.film = nn.ModuleList()
        if conditioning == "film":
            for _ in range(depth):
                f = nn.Linear(text_dim, 2 * hidden)
                nn.init.zeros_(f.weight)
                nn.init.zeros_(f.bias)
                self.film.append(f)
        self.head = nn.Linear(hidden, out_dim)

    def condition(self, text: torch.Tensor) -> tuple[torch.Tensor, list[tuple[torch.Tensor, torch.Tensor]]]:
        """Everything that depends on the instruction alone: computed once per instruction at inference."""
        films = [tuple(f(text).chunk(2, dim=-1)) for f in self.film]
        return torch.relu(self.text_proj(text)), films  # type: ignore[return-value]

    def forward_conditioned(self, x: torch.Tensor, cond: tuple[torch.Tensor, list[tuple[torch.Tensor, torch.Tensor]]]
                            ) -> torch.Tensor:
        proj, films = cond
        h = torch.cat([x, proj.expand(x.shape[0], -1)], dim=-1)
        for i, layer in enumerate(self.layers):
            h = layer(h)
            if films:
                gamma, beta = films[i]
                h = h * (1.0 + gamma) + beta
            h = torch.relu(h)
        return torch.tanh(self.head(h))

    def forward(self, x: torch.Tensor, text: torch.Tensor) -> torch.Tensor:
        return self.forward_conditioned(x, self.condition(text))

    def forward_indexed(self, x: torch.Tensor, text_table: torch.Tensor, index: torch.Tensor) -> torch.Tensor:
        """``forward(x, text_table[index])``, with the instruction terms computed once per table row.

        A training batch holds a few dozen distinct instructions; the FiLM projections of 512 repeated
        embeddings were about three quarters of the arithmetic of a training step.
        """
        proj, films = self.condition(text_table)
        return self.forward_conditioned(x, (proj[index], [(g[index], b[index]) for g, b in films]))


ACTIVATIONS: dict[str, type[nn.Module]] = {"relu": nn.ReLU, "tanh": nn.Tanh}
OUTPUTS = ("tanh", "clip")


class MlpActor(nn.Module):
    """An MLP from the flattened goal observation to the env action: hidden layers, a mean head, a squash.

    ``output``: ``tanh`` (SAC's squashed mean) or ``clip`` (PPO's Gaussian mean clipped to the action box).
    """

    def __init__(self, *, in_dim: int, hidden: list[int], out_dim: int, activation: str = "relu",
                 output: str = "tanh") -> None:
        super().__init__()
        if activation not in ACTIVATIONS:
            raise CheckpointError(f"unknown activation {activation!r}; valid: {', '.join(ACTIVATIONS)}")
        if output not in OUTPUTS:
            raise CheckpointError(f"unknown output {output!r}; valid: {', '.join(OUTPUTS)}")
        layers: list[nn.Module] = []
        width = in_dim
        for h in hidden:
            layers += [nn.Linear(width, h), ACTIVATIONS[activation]()]
            width = h
        self.latent = nn.Sequential(*layers)
        self.mean = nn.Linear(width, out_dim)
        self.output = output

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        m = self.mean(self.latent(x))
        return torch.tanh(m) if self.output == "tanh" else torch.clamp(m, -1.0, 1.0)


def _visuomotor_act(**params: Any) -> nn.Module:
    from policies.visuomotor.network import VisuomotorACT  # images + instruction -> action chunks

    return VisuomotorACT(**params)


ARCHITECTURES: dict[str, Callable[..., nn.Module]] = {
    "conditioned_mlp": ConditionedMLP,
    "sb3_mlp_actor": MlpActor,  # exported Stable-Baselines3 actors (policies.rl_export); no SB3 or sim import
    "visuomotor_act": _visuomotor_act,
}
"""Name -> constructor taking the keyword parameters stored in ``policy.json``. Other modules (e.g. the
RL exporter) add their architectures with ``register_architecture``."""


def register_architecture(name: str, builder: Callable[..., nn.Module]) -> None:
    ARCHITECTURES[name] = builder


def build_network(name: str, params: dict[str, Any]) -> nn.Module:
    if name not in ARCHITECTURES:
        raise CheckpointError(f"unknown architecture {name!r}; valid: {', '.join(sorted(ARCHITECTURES))}")
    try:
        return ARCHITECTURES[name](**params)
    except TypeError as exc:
        raise CheckpointError(f"architecture {name!r} does not take parameters {params!r}: {exc}") from exc
