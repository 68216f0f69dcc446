"""Seeds where the shipped tabletop BC's Push outcome under ``hold`` is known on this machine.

Which held-out Push episodes the tabletop BC ends on the pad (it reaches it and often pushes on past it, issue 19)
differs between CPUs: on an Intel Sapphire Rapids held-out episode 4 kept the cube, on an AMD EPYC it left it.
Tests that need one episode of each kind find them here, by the same evaluation they then check, instead of
naming seeds measured on one machine. Also ``push_demos``, the small expert dataset of the RL-from-demos tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

PUSH = "armstack/Push-v0"
TABLETOP_BC = Path(__file__).resolve().parents[2] / "policies" / "pretrained" / "panda_tabletop_bc"
SCAN_EPISODES = 40


@dataclass(frozen=True)
class PushHoldSeeds:
    left: int  # reached the pad, not on it at the last step
    kept: int  # reached it and still on it at the last step
    outcomes: dict[int, tuple[bool, bool]]  # seed -> (success at the last step, reached at some step)


@pytest.fixture(scope="session")
def push_hold_seeds() -> PushHoldSeeds:
    import policies
    from policies.evaluate import evaluate_policy
    from policies.rl_config import EVAL_SEED_BASE

    report = evaluate_policy(policies.load(TABLETOP_BC), env_id="armstack/Push-v0", robot="panda",
                             episodes=SCAN_EPISODES, seed_base=EVAL_SEED_BASE, hold=True, progress=False)
    outcomes = {e["seed"]: (bool(e["success"]), bool(e["reached"])) for e in report["episodes_log"]}
    left = [s for s, o in outcomes.items() if o == (False, True)]
    kept = [s for s, o in outcomes.items() if o == (True, True)]
    assert left and kept, f"no held-out Push episode of each kind among {SCAN_EPISODES}: {outcomes}"
    return PushHoldSeeds(left=left[0], kept=kept[0], outcomes=outcomes)


@pytest.fixture(scope="session")
def push_demos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two expert Push episodes run to max_steps (``datagen --full-episodes``): the RL-from-demos tests' dataset."""
    from sim.datagen.config import DatagenConfig
    from sim.datagen.driver import run_datagen

    out = tmp_path_factory.mktemp("demos") / "push_full"
    run_datagen(DatagenConfig(env_id=PUSH, robot="panda", episodes=2, workers=1, obs=("state",), cameras=(), seed=5,
                              full_episodes=True, out=str(out)), progress=False)
    return out
