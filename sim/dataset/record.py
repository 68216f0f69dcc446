"""The unit of exchange between data-generation workers and the dataset writer: one episode."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True, kw_only=True)
class EpisodeRecord:
    """Everything one generated episode contributes to a dataset (T = number of frames).

    ``frames`` holds per-step arrays, each with leading dimension T, keyed by LeRobot feature
    name (``observation.state``, ``observation.environment_state``, ``action``, ``next.reward``,
    ``next.success``, ``next.done``, ``env_state``). ``images`` maps camera name to a
    (T, H, W, 3) uint8 array, ``depth`` camera name to (T, H, W) uint16 millimetres
    (``sim.dataset.depth.depth_image_mm`` of each frame). ``meta`` is JSON-ready: seed, attempt index, task, robot,
    instruction, randomisation parameters, expert success, provenance.
    """

    attempt: int
    task: str
    """The instruction text: LeRobot's per-episode ``task`` string."""
    frames: dict[str, np.ndarray]
    images: dict[str, np.ndarray] = field(default_factory=dict)
    depth: dict[str, np.ndarray] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        lengths = ({k: len(v) for k, v in self.frames.items()} | {k: len(v) for k, v in self.images.items()}
                   | {f"depth {k}": len(v) for k, v in self.depth.items()})
        if not lengths:
            raise ValueError("an episode record needs at least one per-frame array")
        if len(set(lengths.values())) != 1:
            raise ValueError(f"per-frame arrays disagree on the episode length: {lengths}")

    @property
    def length(self) -> int:
        return len(next(iter(self.frames.values())))
