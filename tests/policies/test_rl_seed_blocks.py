"""Every seed block of training, evaluation, checkpoint selection and RL validation is disjoint from the others:
a checkpoint chosen on the seeds it is then reported on, or trained on them, would carry that into the report."""

from __future__ import annotations

import itertools

from policies import evaluate, rl_config
from policies.visuomotor.scenes import SCENE_SEED_BASE


def test_every_seed_block_is_disjoint_from_every_other() -> None:
    span = 100_000_000  # far more episodes or scenes than any block holds
    blocks = {"evaluate (all seed blocks)": (evaluate.EVAL_SEED_BASE, evaluate.seed_block_base(
                  evaluate.MAX_SEED_BLOCK - 1) + evaluate.SEED_BLOCK_SIZE),
              "bc selection": (evaluate.SELECTION_SEED_BASE, evaluate.SELECTION_SEED_BASE + span),
              "rl train": (0, rl_config.MAX_SEED * rl_config.TRAIN_SEED_STRIDE),
              "rl eval": (rl_config.EVAL_SEED_BASE, rl_config.EVAL_SEED_BASE + span),
              "rl validation": (rl_config.VALIDATION_SEED_BASE, rl_config.VALIDATION_SEED_BASE + span),
              "visuomotor scenes": (SCENE_SEED_BASE, SCENE_SEED_BASE + span)}
    for (a, (a_lo, a_hi)), (b, (b_lo, b_hi)) in itertools.combinations(blocks.items(), 2):
        assert a_hi <= b_lo or b_hi <= a_lo, f"{a} [{a_lo}, {a_hi}) overlaps {b} [{b_lo}, {b_hi})"
    assert max(hi for _, hi in blocks.values()) < 2**32  # seeds the simulator's RNG takes
