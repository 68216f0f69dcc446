"""armstack policies: instruction-conditioned behaviour cloning, SB3 RL, evaluation, the planner.

``policies.load(path)`` returns a policy with ``act(obs) -> action`` and ``reset()`` from a checkpoint
directory (``model.safetensors`` + ``policy.json``). Heavy modules (torch) load on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from policies.errors import CheckpointError, PolicyError, TrainConfigError

if TYPE_CHECKING:
    from policies.policy import Policy


def load(path: str | Path, *, robot: str | None = None) -> Policy:
    """The policy in checkpoint directory ``path`` (see ``policies.policy.load``)."""
    from policies.policy import load as _load

    return _load(path, robot=robot)


def __getattr__(name: str) -> Any:
    if name in ("train_bc", "BCConfig"):
        from policies import bc

        return getattr(bc, name)
    if name == "evaluate_policy":
        from policies.evaluate import evaluate_policy

        return evaluate_policy
    raise AttributeError(f"module 'policies' has no attribute {name!r}")


__all__ = ["BCConfig", "CheckpointError", "PolicyError", "TrainConfigError", "evaluate_policy", "load", "train_bc"]
