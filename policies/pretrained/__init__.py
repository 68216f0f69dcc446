"""Checkpoints shipped with armstack, made by the commands in ``policies/pretrained/README.md``.

``PANDA_TABLETOP_BC``: the instruction-conditioned multi-task BC policy for the Panda Tabletop env
(reach, push, pick-and-place, stack), trained on 500 expert episodes. Tests, the bridge and the agent
use it where a trained policy is needed without training one first.
"""

from __future__ import annotations

from pathlib import Path

PRETRAINED_DIR = Path(__file__).resolve().parent
PANDA_TABLETOP_BC = PRETRAINED_DIR / "panda_tabletop_bc"

__all__ = ["PANDA_TABLETOP_BC", "PRETRAINED_DIR"]
